"""A run's tables as Parquet parts: parquet/<table>/<run_id>-<part>.parquet, written whole or not at all, and read
back whole, filtered, by part, or as documents with their texts streamed one part at a time."""

import re
from collections.abc import Iterator

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.parquet as pq
from fsspec import AbstractFileSystem

from flows.storage.fs import open_fs, url_of
from transforms.runs.bookkeeping import row_keys
from warehouse.contracts import CONTRACTS, conform

_RUN_FILE = re.compile(r"^(?P<run>\d{8}T\d{12}Z-[0-9a-f]+)-\d+\.parquet$")


def run_files(fs: AbstractFileSystem, folder: str) -> list[tuple[str, str]]:
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


def part_paths(fs: AbstractFileSystem, root: str, name: str, run_id: str) -> list[str]:
    """One table's Parquet parts of a run on the warehouse's filesystem, in part order."""
    return [path for path, run in run_files(fs, f"{root}/parquet/{name}") if run == run_id]


def part_path(root: str, name: str, run_id: str, part: int) -> str:
    """Where part `part` of a run's table lives."""
    return f"{root}/parquet/{name}/{run_id}-{part:05d}.parquet"


def read_run_table(warehouse_dir: str, name: str, run_id: str, column: str | None = None,
                   values: list | pa.Array | None = None, columns: list[str] | None = None) -> pa.Table:
    """One table's Parquet parts of a run (only rows whose `column` is in `values`, if given; only `columns`, if
    given) -> one table."""
    fs, root = open_fs(warehouse_dir)
    files = part_paths(fs, root, name, run_id)
    contract = CONTRACTS[name]
    if not files:
        empty = contract.empty_table()
        return empty.select(columns) if columns else empty
    dataset = ds.dataset(files, schema=contract, format="parquet", filesystem=fs)
    condition = pc.field(column).isin(values) if column else None
    # A filtered read keeps a few rows of every part (a sample of bodies): one part decoded at a time holds a fraction
    # of what several in flight do, and is no slower, the work being decoding, not waiting.
    return dataset.to_table(columns=columns, filter=condition, use_threads=condition is None)


def run_parts(warehouse_dir: str, name: str, run_id: str) -> list[str]:
    """One table's Parquet parts of a run, in part order (paths; URLs for a warehouse elsewhere than local disk)."""
    fs, root = open_fs(warehouse_dir)
    return [url_of(fs, path) for path in part_paths(fs, root, name, run_id)]


def read_part(path: str, name: str, columns: list[str] | None = None) -> pa.Table:
    """One Parquet part of a table, by path or URL (only `columns`, if given)."""
    fs, part = open_fs(path)
    return read_part_on(fs, part, name, columns)


def read_part_on(fs: AbstractFileSystem, path: str, name: str, columns: list[str] | None = None) -> pa.Table:
    """One Parquet part of a table, by its path on a filesystem already open."""
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


def write_table(warehouse_dir: str, name: str, table: pa.Table, run_id: str, part: int = 0) -> str:
    """Conform a table to its contract and write parquet/<name>/<run_id>-<part>.parquet; -> its path or URL."""
    fs, root = open_fs(warehouse_dir)
    target = part_path(root, name, run_id, part)
    fs.makedirs(target.rpartition("/")[0], exist_ok=True)
    pq.write_table(conform(table, CONTRACTS[name]), target + ".partial", compression="zstd", filesystem=fs)
    fs.mv(target + ".partial", target)
    return url_of(fs, target)



def write_tables(warehouse_dir: str, tables: dict[str, pa.Table], run_id: str) -> list[str]:
    """Several run-wide tables, each as part 0 of this run (see write_table); -> their paths or URLs."""
    return [write_table(warehouse_dir, name, table, run_id) for name, table in tables.items()]
