"""What the cross-source comparison stages cost and find, on a warehouse's articles (e.g. a run on abp-dev).

Runs each stage the flow runs after names, on the warehouse's own articles and mentions, in the flow's batches,
and prints its wall time, its throughput and what it found: quotes (and the attributed share), quote groups
carried by two or more outlets, descriptors by kind, figures by unit, stories told by two or more articles.

    .venv/bin/crosswire run --input DIR --warehouse WH      # first, a run to read articles from
    .venv/bin/python -m benchmarks.comparison_stages --warehouse WH [--batch-size 500]
"""

import argparse
import time
from collections import Counter

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from flows.settings import SETTINGS
from transforms.compare import descriptors, figures, stories, story_features
from transforms.compare.quotes import extract as quotes
from transforms.compare.quotes import groups as quote_groups


def _load(warehouse: str) -> tuple[pa.Table, pa.Table, pa.Table]:
    con = duckdb.connect(f"{warehouse}/crosswire.duckdb", read_only=True)
    try:
        return tuple(con.sql(f"select * from {name}").to_arrow_table()
                     for name in ("stg_articles", "stg_mentions", "stg_entities"))
    finally:
        con.close()


def _per_batch(articles: pa.Table, mentions: pa.Table, batch_size: int):
    """Articles in batches with their mentions, as the flow hands them over."""
    for start in range(0, articles.num_rows, batch_size):
        batch = articles.slice(start, batch_size)
        yield batch, mentions.filter(pc.is_in(mentions["doc_id"], batch["doc_id"]))


def _timed(timings: dict[str, float], name: str, fn, *args):
    started = time.perf_counter()
    result = fn(*args)
    timings[name] = timings.get(name, 0.0) + time.perf_counter() - started
    return result


def run(warehouse: str, batch_size: int) -> None:
    articles, mentions, entities = _load(warehouse)
    timings: dict[str, float] = {}
    found = {"quotes": [], "descriptors": [], "figures": [], "features": []}
    for batch, batch_mentions in _per_batch(articles, mentions, batch_size):
        batch_quotes = _timed(timings, "quotes", quotes.extract_quotes, batch, batch_mentions, entities)
        found["quotes"].append(batch_quotes)
        found["descriptors"].append(_timed(timings, "descriptors", descriptors.extract_descriptors, batch,
                                           batch_mentions, batch_quotes, entities))
        found["figures"].append(_timed(timings, "figures", figures.extract_figures, batch))
        found["features"].append(
            _timed(timings, "story features", story_features.story_features, batch, batch_mentions))
    all_quotes = pa.concat_tables(found["quotes"])
    groups = _timed(timings, "quote groups", quote_groups.group_quotes, all_quotes)
    story_rows = _timed(timings, "story clusters", stories.cluster_stories, pa.concat_tables(found["features"]))
    n = articles.num_rows
    print(f"{n:,} articles from {warehouse}, batches of {batch_size}")
    print(f"{'stage':<16}{'seconds':>9}{'articles/s':>12}")
    for name, seconds in timings.items():
        print(f"{name:<16}{seconds:>9.1f}{n / seconds if seconds else float('inf'):>12,.0f}")
    print(f"{'all':<16}{sum(timings.values()):>9.1f}")
    _found(articles, all_quotes, groups, pa.concat_tables(found["descriptors"]), pa.concat_tables(found["figures"]),
           story_rows)


def _found(articles, all_quotes, groups, all_descriptors, all_figures, story_rows) -> None:
    con = duckdb.connect()
    for name, table in (("articles", articles), ("quotes", all_quotes), ("groups", groups),
                        ("descriptors", all_descriptors), ("figures", all_figures), ("stories", story_rows)):
        con.register(name, table)
    total, attributed, fragments, with_entity = con.execute("""
        select count(*) filter (not is_fragment), count(speaker_surface) filter (not is_fragment),
               count(*) filter (is_fragment), count(speaker_entity_id) filter (not is_fragment)
        from quotes""").fetchone()
    print(f"quotes: {total:,} ({attributed / max(total, 1):.1%} with a speaker, {with_entity / max(total, 1):.1%} a "
          f"known entity), {fragments:,} fragments")
    shared = con.execute("""
        select count(*) from (
            select g.quote_group_id from quotes as q
            inner join groups as g on q.quote_id = g.quote_id
            inner join articles as a on q.doc_id = a.doc_id
            group by all having count(distinct a.outlet_name) >= 2)""").fetchone()[0]
    print(f"quotes carried by 2+ outlets: {shared:,}")
    kinds = Counter(all_descriptors["kind"].to_pylist())
    print(f"descriptors: {all_descriptors.num_rows:,} {dict(kinds.most_common())}")
    units = Counter(u or "count" for u in all_figures["unit"].to_pylist())
    print(f"figures: {all_figures.num_rows:,}; top units {dict(units.most_common(6))}")
    sizes = con.execute("select count(*) as n from stories group by story_id").fetchall()
    multi = [n for (n,) in sizes if n >= 2]
    print(f"stories: {len(sizes):,}; told by 2+ articles: {len(multi):,} covering {sum(multi):,} articles, "
          f"largest {max(multi, default=0)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--warehouse", default=SETTINGS.warehouse_dir)
    parser.add_argument("--batch-size", type=int, default=SETTINGS.batch_size)
    args = parser.parse_args()
    run(args.warehouse, args.batch_size)


if __name__ == "__main__":
    main()
