"""Catalog of views: sql/staging (1:1 with Parquet), sql/intermediate, sql/marts; checks return offending rows."""

from collections.abc import Mapping
from pathlib import Path

import duckdb

SQL_DIR = Path(__file__).parent / "sql"
CHECKS_DIR = Path(__file__).parent / "checks"
# Views find their Parquet from the catalog file's own folder, so the warehouse works from any working
# directory and after being moved or copied. DuckDB puts its default temp_directory beside the database
# file ('<folder>/crosswire.duckdb.tmp'); when it is not that (ATTACHed from another database, or set by
# the user), paths fall back to relative ones, which DuckDB resolves against file_search_path or the cwd.
ROOT_MACRO = """
create or replace macro warehouse_root() as
    case
        when ends_with(current_setting('temp_directory'), '.duckdb.tmp')
            then parse_dirpath(current_setting('temp_directory'))
        else '.'
    end
"""


def _sql_files(layer: str) -> list[Path]:
    return sorted((SQL_DIR / layer).glob("*.sql"))


def build_views(con: duckdb.DuckDBPyConnection, sources: Mapping[str, str]) -> list[str]:
    """Connection + {table: SQL expression of its Parquet files} -> views created (staging, aliases, marts)."""
    con.execute("set TimeZone = 'UTC'")
    con.execute(ROOT_MACRO)
    created = []
    # An intermediate view named like a table ('mentions') stands for it, resolved; it is built before the int_ ones.
    resolved = sorted(_sql_files("intermediate"), key=lambda p: (p.stem.startswith("int_"), p.stem))
    for path in _sql_files("staging"):
        con.execute(f"create or replace view {path.stem} as\n" + path.read_text().format(**sources))
        table = path.stem.removeprefix("stg_")
        if table not in {p.stem for p in resolved}:
            con.execute(f"create or replace view {table} as select * from {path.stem}")
        created += [path.stem, table]
    for path in resolved + _sql_files("marts"):
        con.execute(f"create or replace view {path.stem} as\n" + path.read_text())
        created.append(path.stem)
    return created


def run_checks(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple]]:
    """Every checks/<rule>.sql -> its offending rows (healthy: none)."""
    return {path.stem: con.execute(path.read_text()).fetchall() for path in sorted(CHECKS_DIR.glob("*.sql"))}
