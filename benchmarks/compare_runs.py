"""Two warehouses' published runs compared table by table: row count and an order-free content hash of each.

For checking that a change to how a run works (memory, order, batching) leaves every table the same. The input
folder of each run is named in its rows (source paths): give each warehouse's input folder and it is read as the
same. The runs table (ids, times, counts) is left out, and so are the columns that differ by design: an article's
analysis key (it holds the code's version) and an input file's modification time.

    .venv/bin/python -m benchmarks.compare_runs WH_A INPUT_A WH_B INPUT_B
"""

import sys

import duckdb

from flows.storage.catalog import published_run
from flows.storage.fs import open_fs
from flows.storage.parts import part_paths
from warehouse.contracts import CONTRACTS

SKIPPED = ("runs",)
LEFT_OUT = {"analysed": "analysis_key", "input_files": "modified_at"}


def table_figures(warehouse: str, input_dir: str) -> dict[str, tuple[int, int]]:
    """A warehouse's published run -> {table: (rows, sum of the rows' hashes with input_dir read as '<input>')}, for
    the tables it has parts of."""
    fs, root = open_fs(warehouse)
    run_id = published_run(warehouse)
    con = duckdb.connect()
    found = {}
    try:
        for name in sorted(set(CONTRACTS) - set(SKIPPED)):
            files = part_paths(fs, root, name, run_id)
            if not files:  # a table the run's code did not have
                continue
            rows = f"(select * exclude ({LEFT_OUT[name]}) from read_parquet(?))" if name in LEFT_OUT else (
                "read_parquet(?)")
            found[name] = con.execute(
                "select count(*), coalesce(sum(hash(replace(cast(t as varchar), ?, '<input>')))::hugeint, 0) "
                f"from {rows} as t", [input_dir.rstrip("/"), files]).fetchone()
    finally:
        con.close()
    return found


def main() -> None:
    first, second = table_figures(sys.argv[1], sys.argv[2]), table_figures(sys.argv[3], sys.argv[4])
    for name in sorted(first.keys() | second.keys()):
        if name not in first or name not in second:
            print(f"{name:<22}only in the {'first' if name in first else 'second'} warehouse")
            continue
        same = "same" if first[name] == second[name] else "DIFFERENT"
        print(f"{name:<22}{first[name][0]:>10,} rows {second[name][0]:>10,} rows  {same}")


if __name__ == "__main__":
    main()
