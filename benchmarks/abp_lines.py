"""Removal quality on a labelled sample of abp-dev lines: precision of removal and boilerplate left in kept lines.

The sample (tests/fixtures/abp_lines.csv) holds 300 removed and 300 kept lines drawn at random from one run of the
cleaner on abp-dev, each labelled boilerplate or content by reading it in its article. This re-runs the current
cleaner on those articles (site lines learned per outlet across all of abp-dev, as a run does) and scores it.

    .venv/bin/python -m benchmarks.abp_lines [../shared/corpora/abp-dev.jsonl.gz]
"""

import csv
import gzip
import json
import sys
from pathlib import Path

import pyarrow as pa

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


def main(path: str) -> None:
    """Print precision of removal, boilerplate left in kept lines, and every disagreement with the labels."""
    rows = list(csv.DictReader(SAMPLE.open(encoding="utf-8")))
    removed = _now_removed(path, rows)
    scored = {"removed": [], "kept": []}
    for row in rows:
        reason = removed.get((row["abp_id"], int(row["line_no"])))
        scored["removed" if reason else "kept"].append((row, reason))
    precision = sum(r["label"] == "boilerplate" for r, _ in scored["removed"]) / max(len(scored["removed"]), 1)
    left = sum(r["label"] == "boilerplate" for r, _ in scored["kept"]) / max(len(scored["kept"]), 1)
    print(f"abp-dev labelled sample ({len(rows)} lines: {len(scored['removed'])} removed now, "
          f"{len(scored['kept'])} kept now)")
    print(f"  precision of removal   {precision:.3f}  (target >= {PRECISION_TARGET})")
    print(f"  boilerplate left kept  {left:.3f}  (target <= {LEFT_TARGET})")
    print("Removed but labelled content:")
    for row, reason in scored["removed"]:
        if row["label"] == "content":
            print(f"  {reason:<16} {row['outlet'][:20]:<20} {row['text'][:90]}")
    print("Kept but labelled boilerplate:")
    for row, _ in scored["kept"]:
        if row["label"] == "boilerplate":
            print(f"  {row['outlet'][:20]:<20} {row['text'][:100]}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(DEFAULT))
