"""Publishing a run: its catalog of views built aside, checked, swapped in atomically; older runs' files removed."""

import os
import tempfile

import duckdb
from fsspec import AbstractFileSystem

from flows.storage.catalog import CATALOG, published_run
from flows.storage.fs import is_local, open_fs, unlink
from flows.storage.parts import part_paths, run_files, write_table
from warehouse.contracts import CONTRACTS
from warehouse.views import build_views, run_checks

# The data checks join every mention, quote and figure with its article: DuckDB runs them in this much memory,
# spilling the rest to disk beside the catalog being built, so the flow's peak does not grow with the corpus.
CHECK_MEMORY = "512MB"


def publish(warehouse_dir: str, run_id: str) -> dict[str, int]:
    """Build the catalog of views over this run's Parquet aside, check it, swap it in; -> failed check counts.

    On success only this run's and the previously published run's Parquet stay (a reader that opened the
    previous catalog can finish); files of runs that died half-way go. On failure the previous catalog stays
    and this run's files go. A warehouse elsewhere than on local disk gets a catalog built on local disk, copied
    beside the published one and moved over it; its views name the Parquet by URL."""
    fs, root = open_fs(warehouse_dir)
    _fill_empty_tables(warehouse_dir, fs, root, run_id)
    # The name must end in .duckdb: the views of a local warehouse find their folder through the catalog's name.
    aside = f"{root}/.building-{run_id}.duckdb"
    with tempfile.TemporaryDirectory(prefix="crosswire-") as scratch:
        building = aside if is_local(fs) else os.path.join(scratch, CATALOG)
        failures = _build_catalog(building, run_id, None if is_local(fs) else fs, fs.unstrip_protocol(root))
        previous = published_run(warehouse_dir)
        if failures:
            _remove(fs, root, keep={previous})
            return failures
        if not is_local(fs):
            fs.put_file(building, aside)
    fs.mv(aside, f"{root}/{CATALOG}")
    _remove(fs, root, keep={run_id, previous})
    return {}


def _fill_empty_tables(warehouse_dir: str, fs: AbstractFileSystem, root: str, run_id: str) -> None:
    """A table the run wrote no part of (an empty inbox, only unreadable files) gets one empty part, so its view
    reads zero rows instead of failing to find files."""
    for name, contract in CONTRACTS.items():
        if not part_paths(fs, root, name, run_id):
            write_table(warehouse_dir, name, contract.empty_table(), run_id)


def _build_catalog(path: str, run_id: str, remote: AbstractFileSystem | None, url: str) -> dict[str, int]:
    """Views over one run's Parquet into a new catalog file, checked -> failed check counts."""
    base = "warehouse_root() || '" if remote is None else "'" + url.replace("'", "''")
    sources = {name: f"{base}/parquet/{name}/{run_id}-*.parquet'" for name in CONTRACTS}
    con = duckdb.connect(path, config={"memory_limit": CHECK_MEMORY})
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
        for path, run in run_files(fs, folder):
            if run not in keep:  # half-written parts have no run
                unlink(fs, path)
    for path in fs.ls(root, detail=False):
        if path.rstrip("/").rpartition("/")[2].startswith(".building-"):
            unlink(fs, path)
