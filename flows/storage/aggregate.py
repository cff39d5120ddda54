"""Run-wide counts in DuckDB over a run's own Parquet parts (SQL from warehouse/run_wide.py), in bounded memory."""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable

import duckdb
import pyarrow as pa

from flows.storage.fs import is_local, open_fs, url_of
from flows.storage.parts import part_paths
from warehouse.contracts import CONTRACTS

# DuckDB's memory for one count, spilling beyond it to a local temporary folder: a count over every article holds
# its groups (distinct names, entities, article-entity pairs), and its peak stays bounded whatever the corpus.
AGGREGATE_MEMORY = "512MB"
TABLE = re.compile(r"\{(\w+)\}")
# A run's parts with their order: the part's place in the run's list, then the row's place in its part.
ORDERED = ("(select *, list_position($parts_{name}, filename) as part_number"
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
            sql, params = bind(con, sql, lambda name: [url_of(fs, path) for path in part_paths(fs, root, name, run_id)],
                               params, tables)
            used = {key: value for key, value in params.items() if value is not None}
            return con.sql(sql, params=used).to_arrow_table()
        finally:
            con.close()


def bind(con: duckdb.DuckDBPyConnection, sql: str, files_of: Callable[[str], list[str]], params: dict | None = None,
         tables: dict[str, pa.Table] | None = None) -> tuple[str, dict]:
    """SQL naming a run's tables as {table} -> the SQL reading each from its part files (`files_of(table)`; an empty
    table with the order columns where the run wrote none), its $parameters with the parts' lists added, and the Arrow
    tables registered by name on `con`."""
    params, sources = dict(params or {}), {}
    for name in set(TABLE.findall(sql)):
        files = files_of(name)
        if files:
            sources[name] = ORDERED.format(name=name)
            params[f"parts_{name}"] = files
        else:  # a table the run wrote no part of reads as empty
            con.register(f"empty_{name}", ordered(CONTRACTS[name].empty_table()))
            sources[name] = f"empty_{name}"
    for name, table in (tables or {}).items():
        con.register(name, table)
    return sql.format(**sources), params


def ordered(empty: pa.Table) -> pa.Table:
    """An empty table with the order columns a table's parts get."""
    return (empty.append_column("filename", pa.array([], pa.string()))
            .append_column("file_row_number", pa.array([], pa.int64()))
            .append_column("part_number", pa.array([], pa.int32())))
