"""Run-wide counts in DuckDB over a run's own Parquet parts (SQL from warehouse/run_wide.py), in bounded memory; and
sessions for a step that works in several statements: its tables live in a database file in a local temporary
folder, under the same memory limit, so that what does not fit spills to disk, and results are read back in slices."""

import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager

import duckdb
import pyarrow as pa

from flows.storage.fs import is_local, open_fs, url_of
from flows.storage.parts import part_paths
from warehouse.contracts import CONTRACTS

# DuckDB's memory for one count, spilling beyond it to a local temporary folder: a count over every article holds
# its groups (distinct names, entities, article-entity pairs), and its peak stays bounded whatever the corpus.
AGGREGATE_MEMORY = "512MB"
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


SLICE_ROWS = 50_000  # rows read back at a time


class Session:
    """SQL naming a run's tables as {table} (their parts, as aggregate() reads them), Arrow tables by name and
    $parameters, run on one connection."""

    def __init__(self, con: duckdb.DuckDBPyConnection, fs, root: str, run_id: str):
        self.con, self.fs, self.root, self.run_id, self.sources = con, fs, root, run_id, {}

    def _sql(self, sql: str, params: dict | None) -> tuple[str, dict]:
        params = {key: value for key, value in (params or {}).items() if f"${key}" in sql}
        for name in set(_TABLE.findall(sql)) - set(self.sources):
            files = [url_of(self.fs, path) for path in part_paths(self.fs, self.root, name, self.run_id)]
            if not files:  # a table the run wrote no part of reads as empty
                self.con.register(f"empty_{name}", _ordered(CONTRACTS[name].empty_table()))
            self.sources[name] = (_ORDERED.format(name=name) if files else f"empty_{name}", files or None)
        for name in set(_TABLE.findall(sql)):
            if self.sources[name][1] is not None:
                params[f"parts_{name}"] = self.sources[name][1]
        return sql.format(**{name: source for name, (source, _) in self.sources.items()}), params

    def execute(self, sql: str, params: dict | None = None, tables: dict[str, pa.Table] | None = None) -> None:
        """Run a statement (creating a table, say), with Arrow tables registered under their names."""
        for name, table in (tables or {}).items():
            self.con.register(name, table)
        self.con.execute(*self._sql(sql, params))

    def fetch(self, sql: str, params: dict | None = None, tables: dict[str, pa.Table] | None = None) -> pa.Table:
        """A query's whole result (for results known to be small)."""
        for name, table in (tables or {}).items():
            self.con.register(name, table)
        sql, params = self._sql(sql, params)
        return self.con.sql(sql, params=params).to_arrow_table()

    def slices(self, sql: str, params: dict | None = None, rows: int | None = None) -> Iterator[pa.RecordBatch]:
        """A query's result rows (SLICE_ROWS) at a time, in its order (on a cursor of its own, so that several are
        read side by side)."""
        sql, params = self._sql(sql, params)
        cursor = self.con.cursor()
        try:
            yield from cursor.sql(sql, params=params).to_arrow_reader(rows or SLICE_ROWS)
        finally:
            cursor.close()

    def append(self, table_name: str, schema: pa.Schema, batches) -> None:
        """Batches of schema appended to a new session table as they come."""
        self.con.register("appended_batch", schema.empty_table())
        self.con.execute(f"create table {table_name} as select * from appended_batch")
        for batch in batches:
            self.con.register("appended_batch", pa.Table.from_batches([batch], schema))
            self.con.execute(f"insert into {table_name} select * from appended_batch")
        self.con.unregister("appended_batch")


@contextmanager
def session(warehouse_dir: str, run_id: str) -> Iterator[Session]:
    """-> a Session on a run's tables, its database and spill files removed afterwards."""
    fs, root = open_fs(warehouse_dir)
    with tempfile.TemporaryDirectory(prefix="crosswire-session-") as folder:
        con = duckdb.connect(f"{folder}/session.duckdb",
                             config={"memory_limit": AGGREGATE_MEMORY, "temp_directory": f"{folder}/spill",
                                     "preserve_insertion_order": True})
        try:
            if not is_local(fs):
                con.register_filesystem(fs)
            yield Session(con, fs, root, run_id)
        finally:
            con.close()
