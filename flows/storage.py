"""The only code that touches disk: input files and manifests in, Parquet out, the DuckDB catalog swapped in."""

import csv
import hashlib
import io
import os
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from transforms.alias_decisions import DECISION_COLUMNS
from warehouse import reports
from warehouse.contracts import CONTRACTS, conform
from warehouse.report_queries import QUERIES as REPORT_QUERIES
from warehouse.views import build_views, run_checks

CATALOG = "crosswire.duckdb"
LOCK = ".crosswire.lock"
MANIFEST = "manifest.csv"
MANIFEST_COLUMNS = ("path", "outlet", "url", "published_at")
ENTITY_COLUMNS = ("entity_id", "canonical_name", "entity_type", "aliases")
DECISIONS = "alias_decisions.csv"
_RUN_FILE = re.compile(r"^(?P<run>\d{8}T\d{12}Z-[0-9a-f]+)-\d+\.parquet$")


class QueryError(Exception):
    """SQL the catalog could not run: one line, exit 2."""


class InputError(Exception):
    """A problem the user must fix (missing folder, unwritable warehouse, bad manifest): one line, exit 2."""


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


def versions(entities_file: str, outlets_file: str) -> list[str]:
    """Hashes of what besides the input decides the tables: entity and outlet tables, alias decisions, the code."""
    root = Path(__file__).resolve().parents[1]
    code = sorted(root.glob("transforms/*.py")) + [root / "warehouse" / "contracts.py"]
    files = [Path(entities_file), Path(outlets_file), Path(entities_file).parent / DECISIONS] + code
    return [hashlib.sha256(path.read_bytes()).hexdigest()[:12] if path.is_file() else "none" for path in files]


def previous_run(warehouse_dir: str) -> dict | None:
    """The published run: run_id, config_version, counts, input_files, quarantined paths, analysed keys; or None."""
    catalog = Path(warehouse_dir) / CATALOG
    if not catalog.is_file():
        return None
    try:
        con = duckdb.connect(str(catalog), read_only=True)
        try:
            run = con.sql("select * from runs").to_arrow_table().to_pylist()[0]
            quarantined = con.execute("select distinct source_path from quarantine").fetchall()
            return {**run, "input_files": con.sql("select * from input_files").to_arrow_table(),
                    "quarantined": {row[0] for row in quarantined},
                    "analysed": con.sql("select * from analysed").to_arrow_table()}
        finally:
            con.close()
    except (duckdb.Error, IndexError, KeyError):  # an older or unreadable catalog: process everything
        return None


def read_run_table(warehouse_dir: str, name: str, run_id: str, column: str | None = None,
                   values: list | pa.Array | None = None, columns: list[str] | None = None,
                   limit: int | None = None) -> pa.Table:
    """One table's Parquet parts of a run (only rows whose `column` is in `values`, if given; only `columns`, if
    given; only the first `limit` rows, if given) -> one table."""
    files = run_parts(warehouse_dir, name, run_id)
    contract = CONTRACTS[name]
    if not files:
        empty = contract.empty_table()
        return empty.select(columns) if columns else empty
    dataset = ds.dataset(files, schema=contract, format="parquet")
    condition = pc.field(column).isin(values) if column else None
    if limit is not None:
        return dataset.head(limit, columns=columns, filter=condition)
    return dataset.to_table(columns=columns, filter=condition)


def run_parts(warehouse_dir: str, name: str, run_id: str) -> list[str]:
    """One table's Parquet parts of a run, in part order."""
    return sorted(str(p) for p in (Path(warehouse_dir) / "parquet" / name).glob(f"{run_id}-*.parquet"))


def read_part(path: str, name: str, columns: list[str] | None = None) -> pa.Table:
    """One Parquet part of a table (only `columns`, if given)."""
    return ds.dataset([path], schema=CONTRACTS[name], format="parquet").to_table(columns=columns)


def carry_forward(warehouse_dir: str, names: list[str], from_run: str, to_run: str, column: str,
                  values: pa.Array, first_part: int) -> dict[str, int]:
    """The rows whose `column` is in `values` of each named table, from one run's parts to another's; -> rows.

    A part whose rows all qualify is linked (copied where links are not possible), not rewritten; the others are
    read, filtered and written. The new run's parts are numbered from first_part, in the old parts' order."""
    wanted = pa.array(values, pa.string()) if not isinstance(values, pa.Array) else values
    copied = {}
    for name in names:
        copied[name] = 0
        for n, path in enumerate(run_parts(warehouse_dir, name, from_run)):
            keys = pq.read_table(path, columns=[column])[column]
            inside = pc.is_in(keys, value_set=wanted)
            count = pc.sum(inside).as_py() or 0
            if count == len(keys) and count:
                _link(Path(path), _part_path(warehouse_dir, name, to_run, first_part + n))
            elif count:
                table = read_part(path, name).filter(inside)
                write_table(warehouse_dir, name, table, to_run, first_part + n)
            copied[name] += count
    return copied


def _link(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".parquet.partial")
    partial.unlink(missing_ok=True)
    try:
        os.link(source, partial)
    except OSError:  # another device, or a file system without links
        shutil.copyfile(source, partial)
    os.replace(partial, target)


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


def read_entities(path: str) -> tuple[list[dict], str]:
    """Entity table CSV -> (rows, version: a content hash of the file)."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"entity table {path} cannot be read: {exc.strerror}") from exc
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig")))), hashlib.sha256(data).hexdigest()[:12]


def read_outlets(path: str) -> list[dict]:
    """Outlet table CSV (outlet_id, canonical_name, aliases, domains) -> rows; no file, no rows."""
    if not Path(path).is_file():
        return []
    return list(csv.DictReader(io.StringIO(Path(path).read_bytes().decode("utf-8-sig"))))


def decisions_file(entities_file: str) -> Path:
    """The alias decision log lives beside the entity table it edits."""
    return Path(entities_file).with_name(DECISIONS)


def read_alias_decisions(entities_file: str) -> list[dict]:
    """The entity table's decision log (accepted and rejected suggestions) -> rows; no log, no rows."""
    path = decisions_file(entities_file)
    if not path.is_file():
        return []
    return list(csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8-sig"))))


def read_suggestion(warehouse_dir: str, suggestion_id: str) -> dict:
    """A suggestion id (or a unique prefix of one) -> its row in the catalog's alias_suggestions."""
    columns, rows = query(warehouse_dir, "select * from alias_suggestions")
    found = [dict(zip(columns, r, strict=True)) for r in rows if r[0].startswith(suggestion_id.strip())]
    if len(found) != 1:
        raise InputError(f"{len(found) or 'no'} alias suggestions match {suggestion_id!r} in {warehouse_dir}")
    return found[0]


def _replace_text(path: Path, text: str) -> None:
    partial = path.with_name(path.name + ".partial")
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, path)


def save_alias_decision(entities_file: str, entity_rows: list[dict] | None, decision: dict) -> None:
    """Write the entity table's next version (when given) and append the decision to its log."""
    if entity_rows is not None:
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=ENTITY_COLUMNS, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows(entity_rows)
        _replace_text(Path(entities_file), out.getvalue())
    path = decisions_file(entities_file)
    old = path.read_text(encoding="utf-8") if path.is_file() else ""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=DECISION_COLUMNS, lineterminator="\n")
    if not old:
        writer.writeheader()
    writer.writerow(decision)
    _replace_text(path, old + out.getvalue())


def check_warehouse(warehouse_dir: str) -> None:
    """Create the warehouse folder if needed and prove it is writable, else raise InputError."""
    root = Path(warehouse_dir)
    probe = root / ".write-test"
    try:
        (root / "parquet").mkdir(parents=True, exist_ok=True)
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise InputError(f"cannot write to warehouse {warehouse_dir}: {exc.strerror}") from exc


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@contextmanager
def locked(warehouse_dir: str, run_id: str) -> Iterator[None]:
    """Hold the warehouse's run lock for the block; raise InputError if a live run holds it."""
    lock = Path(warehouse_dir) / LOCK
    for _ in range(2):
        try:
            fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
            break
        except FileExistsError:
            check_unlocked(warehouse_dir)
            lock.unlink(missing_ok=True)  # left behind by a run that died
    else:
        raise InputError(f"cannot take the lock {lock}")
    os.write(fd, f"{run_id} {os.getpid()}".encode())
    os.close(fd)
    try:
        yield
    finally:
        lock.unlink(missing_ok=True)


def _part_path(warehouse_dir: str, name: str, run_id: str, part: int) -> Path:
    return Path(warehouse_dir) / "parquet" / name / f"{run_id}-{part:05d}.parquet"


def write_table(warehouse_dir: str, name: str, table: pa.Table, run_id: str, part: int = 0) -> str:
    """Conform a table to its contract and write parquet/<name>/<run_id>-<part>.parquet; -> the path."""
    target = _part_path(warehouse_dir, name, run_id, part)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".parquet.partial")
    pq.write_table(conform(table, CONTRACTS[name]), partial, compression="zstd")
    os.replace(partial, target)
    return str(target)


def write_tables(warehouse_dir: str, tables: dict[str, pa.Table], run_id: str, part: int) -> list[str]:
    """Several tables of one batch -> their paths (each written as write_table does)."""
    return [write_table(warehouse_dir, name, table, run_id, part) for name, table in tables.items()]


def _published_run(catalog: Path) -> str | None:
    if not catalog.is_file():
        return None
    try:
        con = duckdb.connect(str(catalog), read_only=True)
        try:
            row = con.execute("select run_id from runs").fetchone()
        finally:
            con.close()
    except duckdb.Error:  # an unreadable old catalog protects nothing
        return None
    return row[0] if row else None


def publish(warehouse_dir: str, run_id: str) -> dict[str, int]:
    """Build the catalog of views over this run's Parquet aside, check it, swap it in; -> failed check counts.

    On success only this run's and the previously published run's Parquet stay (a reader that opened the
    previous catalog can finish); files of runs that died half-way go. On failure the previous catalog stays
    and this run's files go."""
    root = Path(warehouse_dir)
    # The name must end in .duckdb: the views find their folder through the catalog's own file name.
    building = root / f".building-{run_id}.duckdb"
    sources = {name: f"warehouse_root() || '/parquet/{name}/{run_id}-*.parquet'" for name in CONTRACTS}
    con = duckdb.connect(str(building))
    try:
        build_views(con, sources)
        failures = {name: len(rows) for name, rows in run_checks(con).items() if rows}
    finally:
        con.close()
    if failures:
        _remove(root, keep={_published_run(root / CATALOG)})
        return failures
    previous = _published_run(root / CATALOG)
    os.replace(building, root / CATALOG)
    _remove(root, keep={run_id, previous})
    return {}


def _remove(root: Path, keep: set[str | None]) -> None:
    """Delete Parquet of runs not in `keep`, half-written files, and catalogs left half-built."""
    for path in (root / "parquet").glob("*/*.parquet*"):
        match = _RUN_FILE.match(path.name)
        if match is None or match["run"] not in keep:
            path.unlink(missing_ok=True)
    for stale in root.glob(".building-*.duckdb*"):
        stale.unlink(missing_ok=True)


def check_unlocked(warehouse_dir: str) -> None:
    """Raise InputError if a live run holds the warehouse (checked again, atomically, when a run starts)."""
    lock = Path(warehouse_dir) / LOCK
    if lock.is_file():
        owner, _, pid = lock.read_text().partition(" ")
        if pid.strip().isdigit() and _pid_alive(int(pid)):
            raise InputError(f"warehouse is locked by run {owner} (pid {pid.strip()})")


def export(warehouse_dir: str, out_dir: str, fmt: str) -> list[str]:
    """Every table and mart of the catalog -> one CSV or Parquet file each in out_dir; -> files written."""
    catalog = Path(warehouse_dir) / CATALOG
    if not catalog.is_file():
        raise InputError(f"no catalog at {catalog}: run `crosswire run` first")
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"cannot write to {out_dir}: {exc.strerror}") from exc
    con = duckdb.connect(str(catalog), read_only=True)
    written = []
    try:
        names = [r[0] for r in con.execute(reports.EXPORTABLE).fetchall()]
        for name in names:
            target = out / f"{name}.{fmt}"
            options = "format csv, header true" if fmt == "csv" else "format parquet, compression zstd"
            con.execute(f"copy (select * from {name}) to '{target.as_posix()}' ({options})")
            written.append(str(target))
    finally:
        con.close()
    return written


def query(warehouse_dir: str, sql: str) -> tuple[list[str], list[tuple]]:
    """Read-only SQL on the published catalog -> (column names, rows)."""
    catalog = Path(warehouse_dir) / CATALOG
    if not catalog.is_file():
        raise InputError(f"no catalog at {catalog}: run `crosswire run` first")
    con = duckdb.connect(str(catalog), read_only=True)
    try:
        result = con.execute(sql)
        return [d[0] for d in result.description], result.fetchall()
    except duckdb.Error as exc:
        raise QueryError(" ".join(str(exc).split())) from exc
    finally:
        con.close()


def report_data(warehouse_dir: str) -> dict[str, list[dict]]:
    """Published catalog -> {view: its top rows as dicts} for the HTML report, plus "missing_views" it lacks."""
    _, rows = query(warehouse_dir, "select table_name from information_schema.tables")
    present = {r[0] for r in rows}
    data: dict[str, list[dict]] = {"missing_views": [{"view": v} for v in REPORT_QUERIES if v not in present]}
    for view, sql in REPORT_QUERIES.items():
        # Views arrive in the catalog as the pipeline grows: an older warehouse simply has less to show.
        columns, rows = query(warehouse_dir, sql) if view in present else ([], [])
        data[view] = [dict(zip(columns, row, strict=True)) for row in rows]
    return data
