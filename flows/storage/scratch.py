"""A run-wide step's working tables in a DuckDB database of its own, on local disk: SQL over the run's Parquet parts
(named {table}, as aggregate() reads them), the step's own tables and Arrow tables by name, under a memory limit
beyond which DuckDB spills to the same local folder. Rows go in a slice at a time and results come back a slice at a
time, so a step over every article holds no more than a slice in Python."""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

import duckdb
import pyarrow as pa

from flows.storage.aggregate import AGGREGATE_MEMORY, bind
from flows.storage.fs import is_local, open_fs, url_of
from flows.storage.parts import part_paths

SLICE_ROWS = 50_000  # rows read back at a time, unless a step asks for another size


class Scratch:
    """A step's database: statements, small results whole, large ones a slice at a time, rows appended as they come."""

    def __init__(self, con: duckdb.DuckDBPyConnection, fs, root: str, run_id: str) -> None:
        self.con, self.fs, self.root, self.run_id = con, fs, root, run_id
        self.parts: dict[str, list[str]] = {}  # a run table's part files, listed once
        self.cursors: list[duckdb.DuckDBPyConnection] = []  # those of slices, closed with the database

    def execute(self, sql: str, params: dict | None = None, tables: dict[str, pa.Table] | None = None) -> None:
        """Run a statement (creating a table, say), with Arrow tables registered under their names."""
        self.con.execute(*self._sql(sql, params, tables, self.con))

    def make(self, name: str, sql: str, params: dict | None = None) -> None:
        """The table `name` made (or made again) from a query."""
        self.execute(f"create or replace table {name} as " + sql, params)

    def extend(self, name: str, sql: str, params: dict | None = None) -> None:
        """A query's rows appended to the table `name`, made by the first ones."""
        self.execute(self._into(name) + sql, params)

    def add(self, name: str, rows: pa.Table) -> None:
        """Arrow rows appended to the table `name`, made by the first ones."""
        self.con.register("added_rows", rows)
        try:
            self.con.execute(self._into(name) + "select * from added_rows")
        finally:
            self.con.unregister("added_rows")

    def append(self, name: str, schema: pa.Schema, batches: Iterable[pa.RecordBatch]) -> None:
        """A new table `name` of `schema`, its batches appended as they come."""
        self.con.execute(f"drop table if exists {name}")
        self.add(name, schema.empty_table())
        for batch in batches:
            self.add(name, pa.Table.from_batches([batch], schema))

    def fetch(self, sql: str, params: dict | None = None, tables: dict[str, pa.Table] | None = None) -> pa.Table:
        """A query's whole result (for results known to be small)."""
        sql, params = self._sql(sql, params, tables, self.con)
        return self.con.sql(sql, params=params or None).to_arrow_table()

    def slices(self, sql: str, params: dict | None = None, rows: int | None = None) -> Iterator[pa.RecordBatch]:
        """A query's result `rows` (SLICE_ROWS) at a time, in its order, read on a cursor of its own (so that rows may
        be added, or another query read, meanwhile)."""
        cursor = self.con.cursor()
        self.cursors.append(cursor)
        try:
            sql, params = self._sql(sql, params, None, cursor)
            yield from cursor.sql(sql, params=params or None).to_arrow_reader(rows or SLICE_ROWS)
        finally:
            cursor.close()

    def _into(self, name: str) -> str:
        """The start of a statement adding a query's rows to the table `name`, made if it is not there yet."""
        found = self.con.execute("select count(*) from duckdb_tables() where table_name = ?", [name]).fetchone()[0]
        return f"insert into {name} " if found else f"create table {name} as "

    def _sql(self, sql: str, params: dict | None, tables: dict[str, pa.Table] | None,
             con: duckdb.DuckDBPyConnection) -> tuple[str, dict]:
        """SQL with each {table} read from the run's parts (aggregate.bind), the $parameters it uses, and Arrow tables
        registered by name on `con`."""
        params = {key: value for key, value in (params or {}).items() if f"${key}" in sql}
        return bind(con, sql, self._files, params, tables)

    def _files(self, name: str) -> list[str]:
        """A run table's part files, listed once."""
        if name not in self.parts:
            self.parts[name] = [url_of(self.fs, path) for path in part_paths(self.fs, self.root, name, self.run_id)]
        return self.parts[name]


@contextmanager
def scratch(warehouse_dir: str, run_id: str, memory: str = AGGREGATE_MEMORY, keep_order: bool = True
            ) -> Iterator[Scratch]:
    """-> a Scratch over a run's parts: its database and DuckDB's spill files in a local temporary folder, removed
    on exit. keep_order=False lets DuckDB return rows of unordered queries in any order, for less memory."""
    fs, root = open_fs(warehouse_dir)
    with tempfile.TemporaryDirectory(prefix="crosswire-scratch-") as folder:
        con = duckdb.connect(f"{folder}/scratch.duckdb",
                             config={"memory_limit": memory, "temp_directory": f"{folder}/spill",
                                     "preserve_insertion_order": keep_order})
        db = Scratch(con, fs, root, run_id)
        try:
            if not is_local(fs):
                con.register_filesystem(fs)
            yield db
        finally:  # slices a step stopped reading hold a cursor and its result: closed here, not at the process's exit
            for cursor in db.cursors:
                cursor.close()
            con.close()
