"""Line-level boilerplate benchmark on L3S-GN1: word-weighted precision/recall/F1 of the lines the cleaner keeps.

Content = labels 1 (headline) and 2 (full text). The cleaner sees each page's lines, plus site lines learned
per host across the whole set (as a real corpus would provide).

    .venv/bin/python benchmarks/l3s_lines.py [../shared/corpora/l3s-gn1/lines-dev.jsonl.gz]
"""

import gzip
import json
import sys
import time
from pathlib import Path

import pyarrow as pa

from transforms.clean.articles import clean_document
from transforms.clean.site_lines import learn_site_lines, site_line_sets

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "l3s-gn1" / "lines-dev.jsonl.gz"
CONTENT = {1, 2}


def _score(pages, kept_of) -> tuple[float, float, float]:
    tp = fp = fn = 0
    for page in pages:
        kept = kept_of(page)
        for i, (text, label) in enumerate(page["lines"]):
            words = len(text.split())
            if i in kept and label in CONTENT:
                tp += words
            elif i in kept:
                fp += words
            elif label in CONTENT:
                fn += words
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    return precision, recall, 2 * precision * recall / (precision + recall)


def main(path: str) -> None:
    """Print P/R/F1 for keeping everything and for the cleaner."""
    pages = [json.loads(line) for line in gzip.open(path, "rt", encoding="utf-8")]
    for page in pages:
        page["lines"] = [(" ".join(text.split()), label) for text, label in page["lines"]]
        page["text"] = "\n".join(text for text, _ in page["lines"])
    started = time.perf_counter()
    docs = pa.table({"outlet": [p["host"] for p in pages], "doc_id": [p["id"] for p in pages],
                     "text": [p["text"] for p in pages]})
    sites = site_line_sets(learn_site_lines(docs))

    def cleaner_keeps(page) -> set[int]:
        removed = clean_document(page["text"], sites.get(page["host"], frozenset()), page["host"]).removed
        gone = {no - 1 for no, _, _ in removed}
        return {i for i, (text, _) in enumerate(page["lines"]) if text and i not in gone}

    results = {"keep everything": _score(pages, lambda p: set(range(len(p["lines"])))),
               "crosswire cleaner": _score(pages, cleaner_keeps)}
    seconds = time.perf_counter() - started
    print(f"L3S-GN1 {Path(path).name}: {len(pages)} pages, "
          f"{sum(len(p['lines']) for p in pages)} lines, content = labels 1+2, word-weighted")
    for name, (p, r, f) in results.items():
        print(f"  {name:<18} precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}")
    print(f"  cleaner time {seconds:.2f} s")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(DEFAULT))
