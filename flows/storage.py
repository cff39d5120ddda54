"""The only code that touches disk: input files and manifests in, Parquet out, the DuckDB catalog swapped in."""

import csv
import hashlib
import io
import os
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.parquet as pq
from fsspec import AbstractFileSystem
from fsspec.core import split_protocol, url_to_fs
from fsspec.implementations.local import LocalFileSystem

from transforms.alias_decisions import DECISION_COLUMNS
from transforms.runs import row_keys
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


def _fs(warehouse_dir: str) -> tuple[AbstractFileSystem, str]:
    """Warehouse folder or fsspec URL -> (its filesystem, the folder's path on it, no trailing slash).

    Workers of the processes and dask runners open the filesystem from the URL alone, so the URL must name
    storage they all reach: memory:// lives in one process and serves only the local (threads) runner."""
    try:
        fs, root = url_to_fs(warehouse_dir)
    except (ImportError, ValueError) as exc:  # a protocol whose package is missing, or not a protocol at all
        raise InputError(f"warehouse {warehouse_dir}: {exc}") from exc
    return fs, root.rstrip("/") or root


def _is_local(fs: AbstractFileSystem) -> bool:
    return isinstance(fs, LocalFileSystem)


def absolute_warehouse(warehouse_dir: str) -> str:
    """A warehouse folder made absolute (for a deployment run from elsewhere); a URL stays as given."""
    return os.path.abspath(warehouse_dir) if split_protocol(warehouse_dir)[0] is None else warehouse_dir


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
    try:
        with _catalog(warehouse_dir) as con:
            if con is None:
                return None
            run = con.sql("select * from runs").to_arrow_table().to_pylist()[0]
            quarantined = con.execute("select distinct source_path from quarantine").fetchall()
            return {**run, "input_files": con.sql("select * from input_files").to_arrow_table(),
                    "quarantined": {row[0] for row in quarantined},
                    "analysed": con.sql("select * from analysed").to_arrow_table()}
    except (duckdb.Error, IndexError, KeyError):  # an older or unreadable catalog: process everything
        return None


@contextmanager
def _catalog(warehouse_dir: str) -> Iterator[duckdb.DuckDBPyConnection | None]:
    """The published catalog opened read-only (None if there is none) for the block.

    A catalog elsewhere than on local disk is read from a local copy, with the warehouse's filesystem
    registered in DuckDB so its views read the Parquet there."""
    fs, root = _fs(warehouse_dir)
    catalog = f"{root}/{CATALOG}"
    if not fs.isfile(catalog):
        yield None
        return
    with tempfile.TemporaryDirectory(prefix="crosswire-") as cache:
        if not _is_local(fs):
            fs.get_file(catalog, os.path.join(cache, CATALOG))
            catalog = os.path.join(cache, CATALOG)
        con = duckdb.connect(catalog, read_only=True)
        try:
            if not _is_local(fs):
                con.register_filesystem(fs)
            yield con
        finally:
            con.close()


def _run_files(fs: AbstractFileSystem, folder: str) -> list[tuple[str, str]]:
    """A folder's Parquet files (half-written ones too) -> sorted (path, run id or '' if not a run's part)."""
    try:
        paths = fs.ls(folder, detail=False)
    except FileNotFoundError:
        return []
    found = []
    for path in paths:
        name = path.rstrip("/").rpartition("/")[2]
        if ".parquet" in name:
            match = _RUN_FILE.match(name)
            found.append((path, match["run"] if match else ""))
    return sorted(found)


def read_run_table(warehouse_dir: str, name: str, run_id: str, column: str | None = None,
                   values: list | pa.Array | None = None, columns: list[str] | None = None) -> pa.Table:
    """One table's Parquet parts of a run (only rows whose `column` is in `values`, if given; only `columns`, if
    given) -> one table."""
    fs, root = _fs(warehouse_dir)
    files = _parts(fs, root, name, run_id)
    contract = CONTRACTS[name]
    if not files:
        empty = contract.empty_table()
        return empty.select(columns) if columns else empty
    dataset = ds.dataset(files, schema=contract, format="parquet", filesystem=fs)
    condition = pc.field(column).isin(values) if column else None
    return dataset.to_table(columns=columns, filter=condition)


def _parts(fs: AbstractFileSystem, root: str, name: str, run_id: str) -> list[str]:
    return [path for path, run in _run_files(fs, f"{root}/parquet/{name}") if run == run_id]


def _url(fs: AbstractFileSystem, path: str) -> str:
    """A path on the warehouse's filesystem -> what names it alone: the path itself on local disk, else a URL."""
    return path if _is_local(fs) else fs.unstrip_protocol(path)


def run_parts(warehouse_dir: str, name: str, run_id: str) -> list[str]:
    """One table's Parquet parts of a run, in part order (paths; URLs for a warehouse elsewhere than local disk)."""
    fs, root = _fs(warehouse_dir)
    return [_url(fs, path) for path in _parts(fs, root, name, run_id)]


def read_part(path: str, name: str, columns: list[str] | None = None) -> pa.Table:
    """One Parquet part of a table, by path or URL (only `columns`, if given)."""
    fs, part = _fs(path)
    return _read_part(fs, part, name, columns)


def _read_part(fs: AbstractFileSystem, path: str, name: str, columns: list[str] | None = None) -> pa.Table:
    return ds.dataset([path], schema=CONTRACTS[name], format="parquet", filesystem=fs).to_table(columns=columns)


def with_texts(warehouse_dir: str, run_id: str, docs: pa.Table) -> Iterator[pa.Table]:
    """Documents without their text (any subset of the run's, outlets as resolved) -> the same rows with their
    text, one DOCUMENTS part at a time (only parts holding some of them are read in full): texts stream from
    Parquet and are never all in memory."""
    keys = row_keys(docs)
    for path in run_parts(warehouse_dir, "documents", run_id):
        at = pc.index_in(row_keys(read_part(path, "documents", ["source_path", "record_no"])), value_set=keys)
        if at.null_count == len(at):
            continue
        texts = read_part(path, "documents", ["text"])["text"]
        yield docs.take(pc.drop_null(at)).append_column("text", texts.filter(pc.is_valid(at)))


def carry_forward(warehouse_dir: str, names: list[str], from_run: str, to_run: str, column: str,
                  values: pa.Array, first_part: int) -> dict[str, int]:
    """The rows whose `column` is in `values` of each named table, from one run's parts to another's; -> rows.

    A part whose rows all qualify is linked (copied where links are not possible), not rewritten; the others are
    read, filtered and written. The new run's parts are numbered from first_part, in the old parts' order."""
    fs, root = _fs(warehouse_dir)
    wanted = set(values.to_pylist() if isinstance(values, pa.Array | pa.ChunkedArray) else values)
    copied = {}
    for name in names:
        copied[name] = 0
        for n, path in enumerate(_parts(fs, root, name, from_run)):
            keys = pq.read_table(path, columns=[column], filesystem=fs)[column]
            # a part's distinct keys are few: look them up in a set built once, not a hash table per part
            present = [key for key in pc.unique(keys).to_pylist() if key in wanted]
            if not present:
                continue
            inside = pc.is_in(keys, value_set=pa.array(present, keys.type))
            count = pc.sum(inside).as_py() or 0
            if count == len(keys):
                _link(fs, path, _part_path(root, name, to_run, first_part + n))
            else:
                table = _read_part(fs, path, name).filter(inside)
                write_table(warehouse_dir, name, table, to_run, first_part + n)
            copied[name] += count
    return copied


def _link(fs: AbstractFileSystem, source: str, target: str) -> None:
    fs.makedirs(target.rpartition("/")[0], exist_ok=True)
    partial = target + ".partial"
    _unlink(fs, partial)
    if not _is_local(fs):
        fs.cp_file(source, partial)  # object stores copy on their side
    else:
        try:
            os.link(source, partial)
        except OSError:  # another device, or a file system without links
            fs.cp_file(source, partial)
    fs.mv(partial, target)


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
    fs, root = _fs(warehouse_dir)
    probe = f"{root}/.write-test"
    try:
        fs.makedirs(f"{root}/parquet", exist_ok=True)
        fs.pipe_file(probe, b"")
        fs.rm_file(probe)
    except OSError as exc:
        raise InputError(f"cannot write to warehouse {warehouse_dir}: {exc.strerror or exc}") from exc


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
    fs, root = _fs(warehouse_dir)
    lock = f"{root}/{LOCK}"
    for _ in range(2):
        try:
            with fs.open(lock, "xb") as out:  # exclusive create: of two runs starting together, one wins
                out.write(f"{run_id} {os.getpid()}".encode())
            break
        except FileExistsError:
            check_unlocked(warehouse_dir)
            _unlink(fs, lock)  # left behind by a run that died
    else:
        raise InputError(f"cannot take the lock {lock}")
    try:
        yield
    finally:
        _unlink(fs, lock)


def _unlink(fs: AbstractFileSystem, path: str) -> None:
    try:
        fs.rm_file(path)
    except FileNotFoundError:
        pass


def _part_path(root: str, name: str, run_id: str, part: int) -> str:
    return f"{root}/parquet/{name}/{run_id}-{part:05d}.parquet"


def write_table(warehouse_dir: str, name: str, table: pa.Table, run_id: str, part: int = 0) -> str:
    """Conform a table to its contract and write parquet/<name>/<run_id>-<part>.parquet; -> its path or URL."""
    fs, root = _fs(warehouse_dir)
    target = _part_path(root, name, run_id, part)
    fs.makedirs(target.rpartition("/")[0], exist_ok=True)
    pq.write_table(conform(table, CONTRACTS[name]), target + ".partial", compression="zstd", filesystem=fs)
    fs.mv(target + ".partial", target)
    return _url(fs, target)


def write_tables(warehouse_dir: str, tables: dict[str, pa.Table], run_id: str, part: int) -> list[str]:
    """Several tables of one batch -> their paths (each written as write_table does)."""
    return [write_table(warehouse_dir, name, table, run_id, part) for name, table in tables.items()]


def _published_run(warehouse_dir: str) -> str | None:
    try:
        with _catalog(warehouse_dir) as con:
            row = con.execute("select run_id from runs").fetchone() if con else None
    except duckdb.Error:  # an unreadable old catalog protects nothing
        return None
    return row[0] if row else None


def publish(warehouse_dir: str, run_id: str) -> dict[str, int]:
    """Build the catalog of views over this run's Parquet aside, check it, swap it in; -> failed check counts.

    On success only this run's and the previously published run's Parquet stay (a reader that opened the
    previous catalog can finish); files of runs that died half-way go. On failure the previous catalog stays
    and this run's files go. A warehouse elsewhere than on local disk gets a catalog built on local disk, copied
    beside the published one and moved over it; its views name the Parquet by URL."""
    fs, root = _fs(warehouse_dir)
    # The name must end in .duckdb: the views of a local warehouse find their folder through the catalog's name.
    aside = f"{root}/.building-{run_id}.duckdb"
    with tempfile.TemporaryDirectory(prefix="crosswire-") as scratch:
        building = aside if _is_local(fs) else os.path.join(scratch, CATALOG)
        failures = _build_catalog(building, run_id, None if _is_local(fs) else fs, fs.unstrip_protocol(root))
        previous = _published_run(warehouse_dir)
        if failures:
            _remove(fs, root, keep={previous})
            return failures
        if not _is_local(fs):
            fs.put_file(building, aside)
    fs.mv(aside, f"{root}/{CATALOG}")
    _remove(fs, root, keep={run_id, previous})
    return {}


def _build_catalog(path: str, run_id: str, remote: AbstractFileSystem | None, url: str) -> dict[str, int]:
    """Views over one run's Parquet into a new catalog file, checked -> failed check counts."""
    base = "warehouse_root() || '" if remote is None else "'" + url.replace("'", "''")
    sources = {name: f"{base}/parquet/{name}/{run_id}-*.parquet'" for name in CONTRACTS}
    con = duckdb.connect(path)
    try:
        if remote is not None:
            con.register_filesystem(remote)
        build_views(con, sources)
        return {name: len(rows) for name, rows in run_checks(con).items() if rows}
    finally:
        con.close()


def _remove(fs: AbstractFileSystem, root: str, keep: set[str | None]) -> None:
    """Delete Parquet of runs not in `keep`, half-written files, and catalogs left half-built."""
    for folder in fs.ls(f"{root}/parquet", detail=False):
        for path, run in _run_files(fs, folder):
            if run not in keep:  # half-written parts have no run
                _unlink(fs, path)
    for path in fs.ls(root, detail=False):
        if path.rstrip("/").rpartition("/")[2].startswith(".building-"):
            _unlink(fs, path)


def check_unlocked(warehouse_dir: str) -> None:
    """Raise InputError if a live run holds the warehouse (checked again, atomically, when a run starts)."""
    fs, root = _fs(warehouse_dir)
    lock = f"{root}/{LOCK}"
    if fs.isfile(lock):
        owner, _, pid = fs.cat_file(lock).decode().partition(" ")
        if pid.strip().isdigit() and _pid_alive(int(pid)):
            raise InputError(f"warehouse is locked by run {owner} (pid {pid.strip()})")


def export(warehouse_dir: str, out_dir: str, fmt: str) -> list[str]:
    """Every table and mart of the catalog -> one CSV or Parquet file each in out_dir; -> files written."""
    out = Path(out_dir)
    with _published(warehouse_dir) as con:
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise InputError(f"cannot write to {out_dir}: {exc.strerror}") from exc
        written = []
        for name in [r[0] for r in con.execute(reports.EXPORTABLE).fetchall()]:
            target = out / f"{name}.{fmt}"
            options = "format csv, header true" if fmt == "csv" else "format parquet, compression zstd"
            con.execute(f"copy (select * from {name}) to '{target.as_posix()}' ({options})")
            written.append(str(target))
    return written


@contextmanager
def _published(warehouse_dir: str) -> Iterator[duckdb.DuckDBPyConnection]:
    """The published catalog opened read-only for the block; InputError if there is none."""
    with _catalog(warehouse_dir) as con:
        if con is None:
            raise InputError(f"no catalog at {warehouse_dir.rstrip('/')}/{CATALOG}: run `crosswire run` first")
        yield con


def _fetch(con: duckdb.DuckDBPyConnection, sql: str) -> tuple[list[str], list[tuple]]:
    try:
        result = con.execute(sql)
        return [d[0] for d in result.description], result.fetchall()
    except duckdb.Error as exc:
        raise QueryError(" ".join(str(exc).split())) from exc


def query(warehouse_dir: str, sql: str) -> tuple[list[str], list[tuple]]:
    """Read-only SQL on the published catalog -> (column names, rows)."""
    with _published(warehouse_dir) as con:
        return _fetch(con, sql)


def report_data(warehouse_dir: str) -> dict[str, list[dict]]:
    """Published catalog -> {view: its top rows as dicts} for the HTML report, plus "missing_views" it lacks."""
    with _published(warehouse_dir) as con:
        _, rows = _fetch(con, "select table_name from information_schema.tables")
        present = {r[0] for r in rows}
        data: dict[str, list[dict]] = {"missing_views": [{"view": v} for v in REPORT_QUERIES if v not in present]}
        for view, sql in REPORT_QUERIES.items():
            # Views arrive in the catalog as the pipeline grows: an older warehouse simply has less to show.
            columns, rows = _fetch(con, sql) if view in present else ([], [])
            data[view] = [dict(zip(columns, row, strict=True)) for row in rows]
    return data
