"""Outlet labels that are bylines or columns: how many outlets a corpus shows before and after they are given to
the outlet of their site, on abp-dev (all of it, and a random 2,000-article sample as a new user would run).

    .venv/bin/python -m benchmarks.outlet_labels [--sample 2000]
"""

import argparse
import gzip
import json
import random
from collections import Counter
from pathlib import Path

from transforms.ingest.outlets import OutletIndex, build_outlet_index, host_owners, resolve_outlet

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "abp-dev.jsonl.gz"
OUTLETS = Path(__file__).resolve().parents[1] / "seeds" / "outlets.csv"


def _records(sample: int | None) -> list[dict]:
    with gzip.open(CORPUS, "rt", encoding="utf-8") as lines:
        rows = [{"label": r.get("source"), "url": r.get("url"), "year": (r.get("date") or "")[:4]}
                for r in map(json.loads, lines)]
    return random.Random(15).sample(rows, sample) if sample else rows


def _report(name: str, rows: list[dict], index: OutletIndex) -> None:
    owners = host_owners([r["label"] for r in rows], [r["url"] for r in rows])
    learned = OutletIndex(index.by_name, index.by_domain, owners)
    before = {resolve_outlet(r["label"], None, index)[1] for r in rows}
    moved = Counter()
    after = set()
    for r in rows:
        outlet = resolve_outlet(r["label"], r["url"], learned)[1]
        after.add(outlet)
        if outlet != resolve_outlet(r["label"], None, index)[1]:
            moved[(r["label"], outlet)] += 1
    print(f"\n## {name}: {len(rows)} articles; outlets by label alone {len(before)}, after bylines and columns go to "
          f"their site's outlet {len(after)}; {sum(moved.values())} articles in {len(moved)} labels moved")
    for (label, outlet), n in moved.most_common(40):
        print(f"{n:5}  {label!r} -> {outlet!r}")


def main() -> None:
    """Print the figures for the whole corpus and for a sample."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--sample", type=int, default=2000)
    args = parser.parse_args()
    import csv

    index = build_outlet_index(csv.DictReader(OUTLETS.open(encoding="utf-8")))
    _report(f"abp-dev sample of {args.sample}", _records(args.sample), index)
    rows = _records(None)
    _report("abp-dev, articles up to 2016", [r for r in rows if r["year"] and r["year"] <= "2016"], index)
    _report("abp-dev, articles from 2017 (held out: not looked at)", [r for r in rows if r["year"] >= "2017"], index)


if __name__ == "__main__":
    main()
