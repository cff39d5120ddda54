"""The input folder: which files it holds, their sizes and times, their bytes, and the manifests beside them."""

import csv
import io
import os
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa

from flows.storage.fs import InputError
from warehouse.contracts import CONTRACTS

MANIFEST = "manifest.csv"
MANIFEST_COLUMNS = ("path", "outlet", "url", "published_at")


def list_inputs(input_dir: str) -> list[str]:
    """Input folder -> every file below it (relative POSIX paths, sorted), manifests and hidden folders aside."""
    root = Path(input_dir)
    if not root.is_dir():
        raise InputError(f"input folder {input_dir} does not exist or is not a folder")
    found = []
    for folder, dirs, files in os.walk(root, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            if name != MANIFEST:
                found.append((Path(folder) / name).relative_to(root).as_posix())
    return sorted(found)


def stat_inputs(input_dir: str, paths: list[str]) -> pa.Table:
    """Relative paths -> INPUT_FILES rows: size and modification time (size -1 for a file gone since listing)."""
    rows = []
    for path in paths:
        try:
            found = (Path(input_dir) / path).stat()
            size, modified = found.st_size, found.st_mtime_ns // 1_000_000
        except OSError:
            size, modified = -1, 0
        rows.append({"source_path": path, "size_bytes": size, "modified_at": modified})
    return pa.Table.from_pylist(rows, schema=CONTRACTS["input_files"])


def read_files(input_dir: str, paths: list[str]) -> pa.Table:
    """Relative paths -> table (source_path, data, read_error); unreadable files get a reason, not an exception."""
    rows = []
    for path in paths:
        try:
            rows.append({"source_path": path, "data": (Path(input_dir) / path).read_bytes(), "read_error": None})
        except OSError as exc:
            rows.append({"source_path": path, "data": None, "read_error": f"unreadable file: {exc.strerror}"})
    schema = pa.schema([("source_path", pa.string()), ("data", pa.large_binary()), ("read_error", pa.string())])
    return pa.Table.from_pylist(rows, schema=schema)


def _manifest_rows(path: Path, prefix: str) -> Iterator[tuple[str, dict]]:
    text = path.read_bytes().decode("utf-8-sig")
    reader = csv.DictReader(io.StringIO(text))
    if "path" not in (reader.fieldnames or []):
        raise InputError(f"manifest {path} has no 'path' column (expected columns: {', '.join(MANIFEST_COLUMNS)})")
    for row in reader:
        rel = (row.get("path") or "").strip().replace("\\", "/").removeprefix("./")
        if rel:
            values = {k: (row.get(k) or "").strip() for k in MANIFEST_COLUMNS[1:]}
            yield prefix + rel, {k: v for k, v in values.items() if v}


def read_manifests(input_dir: str, manifest: str | None = None) -> dict[str, dict]:
    """Every manifest.csv under the input folder (paths relative to its own folder), then --manifest on top."""
    root, found = Path(input_dir), {}
    for path in sorted(root.rglob(MANIFEST)):
        folder = path.parent.relative_to(root).as_posix()
        found.update(_manifest_rows(path, "" if folder == "." else folder + "/"))
    if manifest:
        if not Path(manifest).is_file():
            raise InputError(f"manifest {manifest} does not exist")
        found.update(_manifest_rows(Path(manifest), ""))
    return found
