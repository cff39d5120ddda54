"""Story clustering on BASIL (100 stories, each told by three outlets in their own words), and at scale on abp-dev.

BASIL: pairwise precision/recall/F1 (pairs of articles in one predicted story vs pairs in one gold story), with the
articles' dates (the flow's setting) and without them (text alone must separate the 100 stories). abp-dev has no
gold stories: it prints the story size distribution, the largest stories' titles and the time taken.
Without dates a link needs UNDATED_THRESHOLD, so the undated BASIL run trades recall for precision by design.
The parameters are not fitted to BASIL's story ids (see transforms/compare/stories.py); THRESHOLD 0.2 or 0.3 and
COHESION 0.1 or 0.2 all keep dated precision and recall at or above 0.9.

    .venv/bin/python -m benchmarks.basil_stories [--basil PATH] [--abp PATH] [--sample 5000] [--mentions]
"""

import argparse
import csv
import gzip
import json
import random
import time
from collections import Counter, defaultdict
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
from dateutil import parser as dateparser

from transforms.compare import stories, story_clusters
from transforms.compare import story_features as features
from transforms.compare.stories import cluster_stories
from transforms.compare.story_features import story_features
from transforms.names.mentions import extract_mentions, parse_entities
from warehouse.contracts import MENTIONS

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"
TARGETS = "targets: precision >= 0.9, recall >= 0.9"
PARAMETERS = ("THRESHOLD", "UNDATED_THRESHOLD", "COHESION", "WINDOW_DAYS", "MAX_TERMS", "KEY_TERMS", "MIN_SHARED_KEYS")


def pairwise_scores(predicted: Mapping[str, str], gold: Mapping[str, str]) -> tuple[float, float, float]:
    """doc -> predicted story, doc -> gold story -> pairwise (precision, recall, F1) over the docs of gold."""
    def pairs(sizes) -> int:
        return sum(n * (n - 1) // 2 for n in sizes)
    together = pairs(Counter(predicted[d] for d in gold).values())
    truly = pairs(Counter(gold.values()).values())
    both = pairs(Counter((predicted[d], g) for d, g in gold.items()).values())
    precision = both / together if together else 1.0
    recall = both / truly if truly else 1.0
    return precision, recall, 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _date(raw: str | None) -> datetime | None:
    try:
        return dateparser.parse(raw).replace(tzinfo=UTC) if raw else None
    except (ValueError, OverflowError):
        return None


def _articles(records: list[dict]) -> pa.Table:
    return pa.table({
        "doc_id": [r["id"] for r in records],
        "outlet_id": [r["source"].lower() for r in records],
        "title": [r.get("title") for r in records],
        "body": [r["text"] for r in records],
        "published_at": pa.array([_date(r.get("date")) for r in records], pa.timestamp("ms", tz="UTC")),
    })


def _mentions(articles: pa.Table, use_entities: bool) -> pa.Table:
    if not use_entities:
        return MENTIONS.empty_table()
    with open(ROOT / "seeds" / "entities.csv", newline="", encoding="utf-8") as f:
        return extract_mentions(articles, parse_entities(csv.DictReader(f)))[0]


def _stories(articles: pa.Table, mentions: pa.Table) -> tuple[dict[str, str], tuple[float, float]]:
    """Articles + mentions -> (doc -> story, (seconds for features, seconds for clustering))."""
    started = time.perf_counter()
    features = story_features(articles, mentions)
    featured = time.perf_counter()
    table = cluster_stories(features)
    seconds = (featured - started, time.perf_counter() - featured)
    return dict(zip(table["doc_id"].to_pylist(), table["story_id"].to_pylist(), strict=True)), seconds


def _sizes(predicted: Mapping[str, str]) -> str:
    by_size = Counter(Counter(predicted.values()).values())
    return ", ".join(f"{size}: {n}" for size, n in sorted(by_size.items()))


def basil(path: Path, use_entities: bool) -> None:
    """Print BASIL pairwise scores with and without dates."""
    records = [json.loads(line) for line in gzip.open(path, "rt", encoding="utf-8")]
    gold = {r["id"]: r["story_id"] for r in records}
    print(f"BASIL: {len(records)} articles, {len(set(gold.values()))} stories; {TARGETS}")
    print(f"  {'setting':<12} {'precision':>9} {'recall':>7} {'F1':>6} {'stories':>8} {'seconds':>8}  story sizes")
    for setting, dated in (("dated", True), ("undated", False)):
        articles = _articles(records if dated else [{**r, "date": None} for r in records])
        predicted, seconds = _stories(articles, _mentions(articles, use_entities))
        precision, recall, f1 = pairwise_scores(predicted, gold)
        print(f"  {setting:<12} {precision:>9.3f} {recall:>7.3f} {f1:>6.3f} {len(set(predicted.values())):>8} "
              f"{sum(seconds):>8.2f}  {_sizes(predicted)}")


def abp(path: Path, sample: int, use_entities: bool, top: int = 8) -> None:
    """Print story sizes, the largest stories' titles and the time on a sample of abp-dev."""
    records = [json.loads(line) for line in gzip.open(path, "rt", encoding="utf-8")]
    if sample and sample < len(records):
        records = random.Random(0).sample(records, sample)
    articles = _articles(records)
    predicted, seconds = _stories(articles, _mentions(articles, use_entities))
    members = defaultdict(list)
    for r in records:
        members[predicted[r["id"]]].append(r)
    print(f"abp-dev: {len(records)} articles ({articles['published_at'].null_count} undated) -> {len(members)} "
          f"stories; features {seconds[0]:.1f} s, clustering {seconds[1]:.1f} s")
    print(f"  story sizes (size: count): {_sizes(predicted)}")
    for story in sorted(members.values(), key=lambda m: (-len(m), m[0]["id"]))[:top]:
        print(f"  {len(story)} articles:")
        for r in story[:6]:
            print(f"    {(r.get('date') or '?')[:10]:<10} {r['source'][:18]:<18} {(r.get('title') or '')[:80]}")


def main() -> None:
    """Parse arguments and run both benchmarks."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--basil", type=Path, default=CORPORA / "basil.jsonl.gz")
    parser.add_argument("--abp", type=Path, default=CORPORA / "abp-dev.jsonl.gz")
    parser.add_argument("--sample", type=int, default=5000, help="abp-dev articles to cluster (0: all)")
    parser.add_argument("--mentions", action="store_true", help="add known entities from seeds/entities.csv")
    args = parser.parse_args()
    modules = (story_clusters, stories, features)
    print("parameters: " + ", ".join(f"{name} {next(getattr(m, name) for m in modules if hasattr(m, name))}"
                                     for name in PARAMETERS))
    basil(args.basil, args.mentions)
    abp(args.abp, args.sample, args.mentions)


if __name__ == "__main__":
    main()
