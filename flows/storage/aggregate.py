"""Run-wide counts in DuckDB over a run's own Parquet parts (SQL from warehouse/run_wide.py), in bounded memory; and a
run-wide step's working tables in a DuckDB database of its own, on local disk (scratch): rows added a slice at a time,
queried over the run's parts and those tables in bounded memory, results read back a slice at a time."""

import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pyarrow as pa

from flows.storage.fs import is_local, open_fs, url_of
from flows.storage.parts import part_paths
from warehouse.contracts import CONTRACTS

# DuckDB's memory for one count, spilling beyond it to a local temporary folder: a count over every article holds
# its groups (distinct names, entities, article-entity pairs), and its peak stays bounded whatever the corpus.
AGGREGATE_MEMORY = "512MB"
# A scratch database's memory: its queries hash and sort far more rows than a count (every 4-gram of every distinct
# quote), so they spill early; half a count's limit costs little time and keeps the step's peak near that of the rest.
SCRATCH_MEMORY = "256MB"
_TABLE = re.compile(r"\{(\w+)\}")
# A run's parts with their order: the part's place in the run's list, then the row's place in its part.
_ORDERED = ("(select *, list_position($parts_{name}, filename) as part_number"
            " from read_parquet($parts_{name}, filename = true, file_row_number = true))")


def aggregate(warehouse_dir: str, run_id: str, sql: str, tables: dict[str, pa.Table] | None = None,
              params: dict | None = None) -> pa.Table:
    """SQL naming a run's tables as {table} (their Parquet parts), Arrow tables by name and $parameters -> its
    result as an Arrow table. Each {table} also has `part_number` (1 for the run's first part) and
    `file_row_number`, so a query can keep the order in which the parts are read."""
    fs, root = open_fs(warehouse_dir)
    with tempfile.TemporaryDirectory(prefix="crosswire-count-") as spill:
        con = duckdb.connect(config={"memory_limit": AGGREGATE_MEMORY, "temp_directory": spill})
        try:
            if not is_local(fs):
                con.register_filesystem(fs)
            sources, params = {}, dict(params or {})
            for name in set(_TABLE.findall(sql)):
                files = [url_of(fs, path) for path in part_paths(fs, root, name, run_id)]
                if not files:  # a table the run wrote no part of reads as empty
                    con.register(f"empty_{name}", _ordered(CONTRACTS[name].empty_table()))
                params[f"parts_{name}"] = files or None
                sources[name] = _ORDERED.format(name=name) if files else f"empty_{name}"
            for name, table in (tables or {}).items():
                con.register(name, table)
            used = {key: value for key, value in params.items() if value is not None}
            return con.sql(sql.format(**sources), params=used).to_arrow_table()
        finally:
            con.close()


def _ordered(empty: pa.Table) -> pa.Table:
    """An empty table with the order columns a table's parts get."""
    return (empty.append_column("filename", pa.array([], pa.string()))
            .append_column("file_row_number", pa.array([], pa.int64()))
            .append_column("part_number", pa.array([], pa.int32())))


class Scratch:
    """SQL naming a run's tables as {table} (their Parquet parts, with part_number and file_row_number) and the
    scratch tables and Arrow tables by name."""

    def __init__(self, con: duckdb.DuckDBPyConnection, fs, root: str, run_id: str) -> None:
        self.con, self.fs, self.root, self.run_id = con, fs, root, run_id
        self.made: set[str] = set()

    def add(self, name: str, rows: pa.Table) -> None:
        """Append rows to the scratch table `name` (made by the first rows added)."""
        self.con.register("scratch_rows", rows)
        verb = f"insert into {name}" if name in self.made else f"create table {name} as"
        self.con.execute(f"{verb} select * from scratch_rows")
        self.con.unregister("scratch_rows")
        self.made.add(name)

    def make(self, name: str, sql: str, params: dict | None = None) -> None:
        """The scratch table `name` made from SQL."""
        self.con.execute(f"create or replace table {name} as " + self._sql(sql, None), params or {})
        self.made.add(name)

    def extend(self, name: str, sql: str, params: dict | None = None) -> None:
        """The rows of SQL appended to the scratch table `name` (made by the first ones)."""
        verb = f"insert into {name} " if name in self.made else f"create table {name} as "
        self.con.execute(verb + self._sql(sql, None), params or {})
        self.made.add(name)

    def table(self, sql: str, tables: dict[str, pa.Table] | None = None, params: dict | None = None) -> pa.Table:
        """SQL -> its result as one Arrow table."""
        return self.con.sql(self._sql(sql, tables), params=params or None).to_arrow_table()

    def batches(self, sql: str, rows: int, params: dict | None = None) -> Iterator[pa.Table]:
        """SQL -> its result, `rows` rows at a time (read on a cursor of its own, so rows may be added meanwhile)."""
        cursor = self.con.cursor()
        try:
            reader = cursor.sql(self._sql(sql, None, cursor), params=params or None).to_arrow_reader(rows)
            for batch in reader:
                yield pa.Table.from_batches([batch])
        finally:
            cursor.close()

    def _sql(self, sql: str, tables: dict[str, pa.Table] | None, con: duckdb.DuckDBPyConnection | None = None) -> str:
        """SQL with each {table} replaced by the run's parts; Arrow tables registered by name on `con`."""
        con = con or self.con
        sources = {}
        for name in set(_TABLE.findall(sql)):
            files = [url_of(self.fs, path) for path in part_paths(self.fs, self.root, name, self.run_id)]
            if not files:  # a table the run wrote no part of reads as empty
                con.register(f"empty_{name}", _ordered(CONTRACTS[name].empty_table()))
                sources[name] = f"empty_{name}"
            else:
                listed = "[" + ", ".join("'" + f.replace("'", "''") + "'" for f in files) + "]"
                sources[name] = _ORDERED.format(name=name).replace(f"$parts_{name}", listed)
        for name, table in (tables or {}).items():
            con.register(name, table)
        return sql.format(**sources)


@contextmanager
def scratch(warehouse_dir: str, run_id: str) -> Iterator[Scratch]:
    """A Scratch over a run's parts: its database and DuckDB's spill files live in a local temporary folder,
    removed on exit, and its memory is limited to SCRATCH_MEMORY."""
    fs, root = open_fs(warehouse_dir)
    with tempfile.TemporaryDirectory(prefix="crosswire-scratch-") as folder:
        con = duckdb.connect(str(Path(folder) / "scratch.duckdb"),
                             config={"memory_limit": SCRATCH_MEMORY, "temp_directory": folder,
                                     "preserve_insertion_order": False})
        try:
            if not is_local(fs):
                con.register_filesystem(fs)
            yield Scratch(con, fs, root, run_id)
        finally:
            con.close()
