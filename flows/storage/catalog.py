"""Reading the published catalog: opened read-only (a local copy for a warehouse elsewhere), queried, exported,
and read for the previous run's bookkeeping and for the report."""

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from flows.storage.fs import InputError, is_local, open_fs
from warehouse import reports
from warehouse.report_queries import QUERIES as REPORT_QUERIES

CATALOG = "crosswire.duckdb"


class QueryError(Exception):
    """SQL the catalog could not run: DuckDB's message (with its caret under the place in the SQL), exit 2."""


@contextmanager
def opened(warehouse_dir: str) -> Iterator[duckdb.DuckDBPyConnection | None]:
    """The published catalog opened read-only (None if there is none) for the block.

    A catalog elsewhere than on local disk is read from a local copy, with the warehouse's filesystem
    registered in DuckDB so its views read the Parquet there."""
    fs, root = open_fs(warehouse_dir)
    catalog = f"{root}/{CATALOG}"
    if not fs.isfile(catalog):
        yield None
        return
    with tempfile.TemporaryDirectory(prefix="crosswire-") as cache:
        if not is_local(fs):
            fs.get_file(catalog, os.path.join(cache, CATALOG))
            catalog = os.path.join(cache, CATALOG)
        con = duckdb.connect(catalog, read_only=True)
        try:
            if not is_local(fs):
                con.register_filesystem(fs)
            yield con
        finally:
            con.close()


def previous_run(warehouse_dir: str) -> dict | None:
    """The published run: run_id, config_version, counts, input_files, quarantined paths, analysed keys; or None."""
    try:
        with opened(warehouse_dir) as con:
            if con is None:
                return None
            run = con.sql("select * from runs").to_arrow_table().to_pylist()[0]
            quarantined = con.execute("select distinct source_path from quarantine").fetchall()
            return {**run, "input_files": con.sql("select * from input_files").to_arrow_table(),
                    "quarantined": {row[0] for row in quarantined},
                    "analysed": con.sql("select * from analysed").to_arrow_table()}
    except (duckdb.Error, IndexError, KeyError):  # an older or unreadable catalog: process everything
        return None


def published_run(warehouse_dir: str) -> str | None:
    """The run id of the published catalog; None if there is none, or it cannot be read."""
    try:
        with opened(warehouse_dir) as con:
            row = con.execute("select run_id from runs").fetchone() if con else None
    except duckdb.Error:  # an unreadable old catalog protects nothing
        return None
    return row[0] if row else None


@contextmanager
def _published(warehouse_dir: str) -> Iterator[duckdb.DuckDBPyConnection]:
    """The published catalog opened read-only for the block; InputError if there is none."""
    with opened(warehouse_dir) as con:
        if con is None:
            raise InputError(f"no catalog at {warehouse_dir.rstrip('/')}/{CATALOG}: run `crosswire run` first")
        yield con


def _fetch(con: duckdb.DuckDBPyConnection, sql: str, limit: int | None = None) -> tuple[list[str], list[tuple]]:
    try:
        result = con.execute(sql)
        columns = [d[0] for d in result.description] if result.description else []
        return columns, (result.fetchmany(limit) if limit else result.fetchall()) if columns else []
    except duckdb.Error as exc:
        raise QueryError("\n".join(line.rstrip() for line in str(exc).strip().splitlines() if line.strip())) from exc


def query(warehouse_dir: str, sql: str, limit: int | None = None) -> tuple[list[str], list[tuple]]:
    """Read-only SQL on the published catalog -> (column names, rows: at most `limit` if given)."""
    with _published(warehouse_dir) as con:
        return _fetch(con, sql, limit)


def queries(warehouse_dir: str, named: dict[str, str]) -> dict[str, tuple[list[str], list[tuple]]]:
    """Several read-only SQL queries on the published catalog, on one connection -> {name: (columns, rows)}."""
    with _published(warehouse_dir) as con:
        return {name: _fetch(con, sql) for name, sql in named.items()}


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
            columns = _csv_columns(con, name) if fmt == "csv" else "*"
            con.execute(f"copy (select {columns} from {name}) to '{target.as_posix()}' ({options})")
            written.append(str(target))
    return written


def _csv_columns(con: duckdb.DuckDBPyConnection, name: str) -> str:
    """A view's columns for CSV: lists, structs and maps as JSON text ('["a, b", "c"]' is unambiguous)."""
    described = con.execute(f"describe {name}").fetchall()
    nested = ("[]", "STRUCT", "MAP")
    return ", ".join(f'to_json("{c}") as "{c}"' if any(m in t for m in nested) else f'"{c}"' for c, t, *_ in described)


def report_data(warehouse_dir: str) -> dict[str, list[dict]]:
    """Published catalog -> {query name: its rows as dicts} for the HTML report, plus "missing_views": the views
    it lacks (an older warehouse simply has less to show)."""
    with _published(warehouse_dir) as con:
        data: dict[str, list[dict]] = {"missing_views": []}
        for name, (view, sql) in REPORT_QUERIES.items():
            try:
                columns, rows = _fetch(con, sql)
            except QueryError as exc:
                if not str(exc).startswith("Catalog Error"):
                    raise
                columns, rows = [], []  # the view, or one it reads, is not in this catalog
                data["missing_views"] += [{"view": view}] if {"view": view} not in data["missing_views"] else []
            data[name] = [dict(zip(columns, row, strict=True)) for row in rows]
    return data
