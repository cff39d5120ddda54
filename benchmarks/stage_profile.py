"""Per-stage CPU time of the article transforms on a fixed articles file, and proof their outputs did not change.

Runs names, quotes, descriptors, figures and story features in the flow's batches (then story clustering on
all features), prints each stage's CPU seconds and articles per CPU second (CPU time, because the machine may be
shared), and saves or compares every stage's output.

    .venv/bin/python -m benchmarks.stage_profile --articles A.parquet --save DIR      # record outputs
    .venv/bin/python -m benchmarks.stage_profile --articles A.parquet --compare DIR   # prove them identical
    .venv/bin/python -m benchmarks.stage_profile --articles A.parquet --profile names # cProfile one stage

The articles file: a run's articles, e.g. a seeded sample of 2,000 of abp-dev's, so every change is timed on the same
text: `crosswire run --input DIR_WITH_abp-dev.jsonl.gz --warehouse WH`, then in Python
`t = duckdb.connect("WH/crosswire.duckdb", read_only=True).sql("select * from stg_articles order by doc_id")
.to_arrow_table()`, `pq.write_table(t.take(sorted(random.Random(14).sample(range(t.num_rows), 2000))), "A.parquet")`.
"""

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from flows import storage
from flows.settings import SETTINGS
from transforms.compare import descriptors, figures, stories, story_features
from transforms.compare.quotes import extract as quotes
from transforms.names import mentions

STAGES = ("names", "quotes", "descriptors", "figures", "features", "stories")


def _batch_stages(batch: pa.Table, entities: pa.Table, timed) -> dict[str, pa.Table]:
    found, candidates = timed("names", mentions.extract_mentions, batch, entities)
    entities = timed("names", mentions.with_discovered, entities, found)
    found_quotes = timed("quotes", quotes.extract_quotes, batch, found, entities)
    return {
        "mentions": found, "candidates": candidates, "quotes": found_quotes,
        "descriptors": timed("descriptors", descriptors.extract_descriptors, batch, found, found_quotes, entities),
        "figures": timed("figures", figures.extract_figures, batch),
        "features": timed("features", story_features.story_features, batch, mentions.curated_only(found)),
    }


def run(articles: pa.Table, entities: pa.Table, batch_size: int, profile: str | None):
    """Articles + entities -> ({stage: seconds}, {output name: table}), in the flow's batches."""
    timings: dict[str, float] = {}
    profiler = cProfile.Profile()

    def timed(name, fn, *args):
        started = time.process_time()
        if name == profile:
            profiler.enable()
        result = fn(*args)
        if name == profile:
            profiler.disable()
        timings[name] = timings.get(name, 0.0) + time.process_time() - started
        return result

    outputs: dict[str, list[pa.Table]] = {}
    for start in range(0, articles.num_rows, batch_size):
        for name, table in _batch_stages(articles.slice(start, batch_size), entities, timed).items():
            outputs.setdefault(name, []).append(table)
    merged = {name: pa.concat_tables(tables) for name, tables in outputs.items()}
    merged["stories"] = timed("stories", stories.cluster_stories, merged["features"])
    if profile:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(35)
        pstats.Stats(profiler).sort_stats("tottime").print_stats(25)
    return timings, merged


def _compare(outputs: dict[str, pa.Table], folder: str) -> bool:
    same = True
    for name, table in outputs.items():
        recorded = pq.read_table(f"{folder}/{name}.parquet")
        equal = recorded.equals(table.cast(recorded.schema)) if recorded.schema.names == table.schema.names else False
        print(f"{name:<12} {'identical' if equal else 'DIFFERENT'} ({table.num_rows:,} rows)")
        same = same and equal
    return same


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", required=True, help="a Parquet file of ARTICLES rows")
    parser.add_argument("--entities", default=SETTINGS.entities_file)
    parser.add_argument("--batch-size", type=int, default=SETTINGS.batch_size)
    parser.add_argument("--save", help="folder to write each output to")
    parser.add_argument("--compare", help="folder of recorded outputs to compare with")
    parser.add_argument("--profile", choices=STAGES, help="print a cProfile of this stage")
    args = parser.parse_args()
    articles = pq.read_table(args.articles)
    entities = mentions.parse_entities(storage.read_entities(args.entities)[0])
    timings, outputs = run(articles, entities, args.batch_size, args.profile)
    n = articles.num_rows
    print(f"{n:,} articles, batches of {args.batch_size}")
    for name, seconds in timings.items():
        print(f"{name:<12}{seconds:>8.2f} s{n / seconds if seconds else float('inf'):>10,.0f} articles/s")
    total = sum(t for name, t in timings.items() if name != "stories")
    print(f"{'per batch':<12}{total:>8.2f} s{n / total:>10,.0f} articles/s")
    if args.save:
        Path(args.save).mkdir(parents=True, exist_ok=True)
        for name, table in outputs.items():
            pq.write_table(table, f"{args.save}/{name}.parquet")
    if args.compare and not _compare(outputs, args.compare):
        sys.exit(1)


if __name__ == "__main__":
    main()
