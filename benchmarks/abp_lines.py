"""Removal quality on a labelled sample of abp-dev lines: precision of removal and boilerplate left in kept lines.

The sample (tests/fixtures/abp_lines.csv) holds 300 removed and 300 kept lines drawn at random from one run of the
cleaner on abp-dev, each labelled boilerplate or content by reading it in its article. This re-runs the current
cleaner on those articles (site lines learned per outlet across all of abp-dev, as a run does) and scores it, on
the tuned outlets and on the held-out outlets (benchmarks/holdout.py); quote the held-out figures.

    .venv/bin/python -m benchmarks.abp_lines [../shared/corpora/abp-dev.jsonl.gz]
"""

import csv
import gzip
import json
import sys
from pathlib import Path

import pyarrow as pa

from benchmarks.holdout import PARTS, part_of
from transforms.clean.articles import clean_document
from transforms.clean.site_lines import learn_site_lines, site_line_sets

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "corpora" / "abp-dev.jsonl.gz"
SAMPLE = ROOT / "tests" / "fixtures" / "abp_lines.csv"
PRECISION_TARGET, LEFT_TARGET = 0.99, 0.02


def _now_removed(path: str, rows: list[dict]) -> dict[tuple[str, int], str]:
    records = [json.loads(line) for line in gzip.open(path, "rt", encoding="utf-8")]
    docs = pa.table({"outlet": [r["source"] for r in records], "doc_id": [r["id"] for r in records],
                     "text": [r["text"] for r in records]})
    sites = site_line_sets(learn_site_lines(docs))
    wanted = {row["abp_id"] for row in rows}
    removed = {}
    for record in records:
        if record["id"] in wanted:
            cleaned = clean_document(record["text"], sites.get(record["source"], frozenset()), record["source"])
            removed |= {(record["id"], no): reason for no, _, reason in cleaned.removed}
    return removed


def _figures(scored: dict[str, list]) -> tuple[float, float]:
    precision = sum(r["label"] == "boilerplate" for r, _ in scored["removed"]) / max(len(scored["removed"]), 1)
    left = sum(r["label"] == "boilerplate" for r, _ in scored["kept"]) / max(len(scored["kept"]), 1)
    return precision, left


def main(path: str) -> None:
    """Print precision of removal and boilerplate left in kept lines per part, and every disagreement."""
    rows = list(csv.DictReader(SAMPLE.open(encoding="utf-8")))
    removed = _now_removed(path, rows)
    scored = {part: {"removed": [], "kept": []} for part in PARTS}
    for row in rows:
        reason = removed.get((row["abp_id"], int(row["line_no"])))
        scored[part_of(row["outlet"])]["removed" if reason else "kept"].append((row, reason))
    print(f"abp-dev labelled sample ({len(rows)} lines), split by outlet; targets: precision >= {PRECISION_TARGET}, "
          f"boilerplate left <= {LEFT_TARGET}")
    for part in PARTS:
        precision, left = _figures(scored[part])
        outlets = len({r["outlet"] for kind in scored[part].values() for r, _ in kind})
        print(f" {part:<9} {outlets} outlets, {len(scored[part]['removed'])} removed now, "
              f"{len(scored[part]['kept'])} kept now: precision of removal {precision:.3f}, "
              f"boilerplate left kept {left:.3f}")
    for part in PARTS:
        print(f"{part}: removed but labelled content:")
        for row, reason in scored[part]["removed"]:
            if row["label"] == "content":
                print(f"  {reason:<16} {row['outlet'][:20]:<20} {row['text'][:90]}")
        print(f"{part}: kept but labelled boilerplate:")
        for row, _ in scored[part]["kept"]:
            if row["label"] == "boilerplate":
                print(f"  {row['outlet'][:20]:<20} {row['text'][:100]}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(DEFAULT))
