"""CPU time of the cleaning stage per article on a fixed abp-dev sample (the first N records, in file order).

Site lines are learned over the sample first (timed apart), then every record is cleaned by clean_document with
its outlet's site lines, as a batch does. CPU time, because the machine may be shared; best of --repeat runs.

    .venv/bin/python -m benchmarks.clean_profile [--limit 3000] [--repeat 3] [--corpus abp-dev.jsonl.gz]
"""

import argparse
import gzip
import json
import time
from itertools import islice
from pathlib import Path

import pyarrow as pa

from transforms.clean.articles import clean_document
from transforms.clean.site_lines import learn_site_lines, site_line_sets

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "abp-dev.jsonl.gz"


def load(path: str, limit: int) -> list[dict]:
    """abp-dev file -> its first `limit` records."""
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        return [json.loads(line) for line in islice(lines, limit)]


def clean_seconds(records: list[dict], sites: dict) -> tuple[float, int]:
    """Records + site lines per outlet -> (CPU seconds to clean them all, lines removed)."""
    started, removed = time.process_time(), 0
    for record in records:
        removed += len(clean_document(record["text"], sites.get(record["source"], frozenset()),
                                      record["source"]).removed)
    return time.process_time() - started, removed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", default=str(DEFAULT))
    parser.add_argument("--limit", type=int, default=3000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    records = load(args.corpus, args.limit)
    started = time.process_time()
    docs = pa.table({"outlet": [r["source"] for r in records], "doc_id": [r["id"] for r in records],
                     "text": [r["text"] for r in records]})
    sites = site_line_sets(learn_site_lines(docs))
    learn = time.process_time() - started
    best, removed = min(clean_seconds(records, sites) for _ in range(args.repeat))
    n = len(records)
    print(f"abp-dev first {n:,} records: site lines {learn:.2f} s CPU; clean_document best of {args.repeat}: "
          f"{best:.2f} s CPU, {1000 * best / n:.3f} ms/article, {n / best:,.0f} articles/s, {removed:,} lines removed")


if __name__ == "__main__":
    main()
