"""Quote grouping on a real warehouse: full run, update with 1% of articles new, and a corpus copied 10 times.

    python benchmarks/quote_groups_bench.py WAREHOUSE_DIR [--run RUN_ID] [--copies 10] [--new-share 0.01]
        [--since RUN_ID]

--since also updates the run's grouping from an earlier run's, over the articles (doc_ids) both runs hold.

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

from transforms.compare.quotes import groups as quote_groups


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


def update(quotes: pa.Table, full: pa.Table, step: int) -> None:
    """Update with every step-th article new: its quotes are left out of the previous grouping."""
    docs = pc.unique(quotes["doc_id"]).sort()
    new_docs = docs.take(pa.array(range(0, len(docs), step)))
    new_quotes = quotes.filter(pc.is_in(quotes["doc_id"], new_docs))["quote_id"]
    previous = full.filter(pc.invert(pc.is_in(full["quote_id"], new_quotes)))
    print(f"update: {len(new_docs)} of {len(docs)} articles new")
    print("update equals full run:", timed("update", quote_groups.group_quotes, quotes, previous).equals(full))


def swap(quotes: pa.Table, step: int) -> None:
    """Update after as many articles went as came: groups may lose members, even the quote that bridged them."""
    docs = pc.unique(quotes["doc_id"]).sort()
    gone, new = (docs.take(pa.array(range(start, len(docs), step))) for start in (0, step // 2))
    earlier = quotes.filter(pc.invert(pc.is_in(quotes["doc_id"], new)))
    now = quotes.filter(pc.invert(pc.is_in(quotes["doc_id"], gone)))
    previous = quote_groups.group_quotes(earlier)
    previous = previous.filter(pc.is_in(previous["quote_id"], now["quote_id"]))
    print(f"swap: {len(gone)} articles gone, {len(new)} new")
    full = timed("full after swap", quote_groups.group_quotes, now)
    updated = timed("update after swap", quote_groups.group_quotes, now, previous)
    print("update after swap equals full run:", updated.equals(full))


def since(quotes: pa.Table, full: pa.Table, earlier: pa.Table) -> None:
    """Update from an earlier run's grouping, kept for the articles both runs hold."""
    kept = earlier.filter(pc.is_in(earlier["doc_id"], pc.unique(quotes["doc_id"])))["quote_id"]
    previous = quote_groups.group_quotes(earlier)
    previous = previous.filter(pc.is_in(previous["quote_id"], kept))
    print(f"since: {len(pc.unique(earlier['doc_id']))} -> {len(pc.unique(quotes['doc_id']))} articles with quotes")
    print("update since equals full run:", timed("update since", quote_groups.group_quotes, quotes, previous)
          .equals(full))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("warehouse", type=Path)
    parser.add_argument("--run")
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument("--new-share", type=float, default=0.01)
    parser.add_argument("--since")
    args = parser.parse_args()
    quotes = read_quotes(args.warehouse, args.run)
    full = timed("full", quote_groups.group_quotes, quotes)
    if "previous" in inspect.signature(quote_groups.group_quotes).parameters:
        step = max(2, round(1 / args.new_share))
        update(quotes, full, step)
        swap(quotes, step)
        if args.since:
            since(quotes, full, read_quotes(args.warehouse, args.since))
    if args.copies > 1:
        timed(f"full, {args.copies} copies", quote_groups.group_quotes, copies(quotes, args.copies))


if __name__ == "__main__":
    main()
