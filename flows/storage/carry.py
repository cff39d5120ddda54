"""Carrying a run's rows into the next run: whole Parquet parts linked, the others filtered and written."""

import os
from concurrent.futures import ThreadPoolExecutor

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from fsspec import AbstractFileSystem

from flows.storage.fs import is_local, open_fs, unlink
from flows.storage.parts import part_path, part_paths, read_part_on, write_table

# Parts carried at once: reading, filtering and writing Parquet release the GIL, and a re-run's parts are many and
# small (a few articles analysed again in most of them), so threads overlap their I/O and compression.
THREADS = 4


def carry_forward(warehouse_dir: str, names: list[str], from_run: str, to_run: str, column: str,
                  values: pa.Array, first_part: int) -> dict[str, int]:
    """The rows whose `column` is in `values` of each named table, from one run's parts to another's; -> rows.

    A part whose rows all qualify is linked (copied where links are not possible), not rewritten; the others are
    read, filtered and written. The new run's parts are numbered from first_part, in the old parts' order."""
    fs, root = open_fs(warehouse_dir)
    wanted = set(values.to_pylist() if isinstance(values, pa.Array | pa.ChunkedArray) else values)
    jobs = [(name, n, path) for name in names for n, path in enumerate(part_paths(fs, root, name, from_run))]

    def carry(job: tuple[str, int, str]) -> int:
        name, n, path = job
        return _carry_part(warehouse_dir, fs, path, name, (to_run, first_part + n), column, wanted)

    with ThreadPoolExecutor(THREADS) as pool:
        counts = list(pool.map(carry, jobs))
    copied = dict.fromkeys(names, 0)
    for (name, _, _), count in zip(jobs, counts, strict=True):
        copied[name] += count
    return copied


def _carry_part(warehouse_dir: str, fs: AbstractFileSystem, path: str, name: str, target: tuple[str, int],
                column: str, wanted: set) -> int:
    """One part's rows whose `column` is in `wanted` -> the target (run, part) (linked if all are); -> rows carried."""
    keys = pq.read_table(path, columns=[column], filesystem=fs)[column]
    # a part's distinct keys are few: look them up in a set built once, not a hash table per part
    present = [key for key in pc.unique(keys).to_pylist() if key in wanted]
    if not present:
        return 0
    inside = pc.is_in(keys, value_set=pa.array(present, keys.type))
    count = pc.sum(inside).as_py() or 0
    if count == len(keys):
        _link(fs, path, part_path(open_fs(warehouse_dir)[1], name, *target))
    else:
        write_table(warehouse_dir, name, read_part_on(fs, path, name).filter(inside), *target)
    return count


def _link(fs: AbstractFileSystem, source: str, target: str) -> None:
    fs.makedirs(target.rpartition("/")[0], exist_ok=True)
    partial = target + ".partial"
    unlink(fs, partial)
    if not is_local(fs):
        fs.cp_file(source, partial)  # object stores copy on their side
    else:
        try:
            os.link(source, partial)
        except OSError:  # another device, or a file system without links
            fs.cp_file(source, partial)
    fs.mv(partial, target)
