"""Quote grouping on a real warehouse: full run, update with 1% of articles new, and a corpus copied 10 times.

    python benchmarks/quote_groups_bench.py WAREHOUSE_DIR [--run RUN_ID] [--copies 10] [--new-share 0.01]

Prints seconds (wall, and CPU, which holds up on a busy machine), how many pairs were verified with
is_same_quote, and whether the update matches a full run.
"""

import argparse
import glob
import inspect
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds

from transforms import quote_groups


def read_quotes(warehouse: Path, run_id: str | None) -> pa.Table:
    """A warehouse -> the quotes of one run (default: its first)."""
    runs = ds.dataset(warehouse / "parquet" / "runs").to_table()
    run_id = run_id or sorted(runs["run_id"].to_pylist())[0]
    return ds.dataset(sorted(glob.glob(str(warehouse / "parquet" / "quotes" / f"{run_id}-*.parquet")))).to_table()


def timed(label: str, call, *args) -> pa.Table:
    """Run a grouping, counting the pairs it verifies; print both."""
    calls = 0
    same = quote_groups.is_same_quote

    def counted(a, b):
        nonlocal calls
        calls += 1
        return same(a, b)

    quote_groups.is_same_quote = counted
    try:
        start, cpu = time.perf_counter(), time.process_time()
        result = call(*args)
        print(f"{label}: {time.perf_counter() - start:.2f} s ({time.process_time() - cpu:.2f} s CPU), {calls} pairs"
              f" verified, {result.num_rows} quotes")
    finally:
        quote_groups.is_same_quote = same
    return result


def copies(quotes: pa.Table, count: int) -> pa.Table:
    """Quotes -> the same quotes `count` times over, under new doc and quote ids."""
    tables = [quotes]
    for k in range(1, count):
        tables.append(quotes.set_column(0, "doc_id", pc.binary_join_element_wise(quotes["doc_id"], f"~r{k}", ""))
                      .set_column(1, "quote_id", pc.binary_join_element_wise(quotes["quote_id"], f"~r{k}", ""))
                      .cast(quotes.schema))
    return pa.concat_tables(tables)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("warehouse", type=Path)
    parser.add_argument("--run")
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--new-share", type=float, default=0.01)
    args = parser.parse_args()
    quotes = read_quotes(args.warehouse, args.run)
    full = timed("full", quote_groups.group_quotes, quotes)
    if "previous" in inspect.signature(quote_groups.group_quotes).parameters:
        docs = pc.unique(quotes["doc_id"]).sort()
        step = max(1, round(1 / args.new_share))
        new_docs = docs.take(pa.array(range(0, len(docs), step)))
        new_quotes = quotes.filter(pc.is_in(quotes["doc_id"], new_docs))["quote_id"]
        previous = full.filter(pc.invert(pc.is_in(full["quote_id"], new_quotes)))
        print(f"update: {len(new_docs)} of {len(docs)} articles new")
        update = timed("update", quote_groups.group_quotes, quotes, previous)
        print("update equals full run:", update.equals(full))
    if args.copies > 1:
        timed(f"full, {args.copies} copies", quote_groups.group_quotes, copies(quotes, args.copies))


if __name__ == "__main__":
    main()
