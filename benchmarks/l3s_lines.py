"""Line-level boilerplate benchmark on L3S-GN1: word-weighted precision/recall/F1 of the lines the cleaner keeps.

Content = labels 1 (headline) and 2 (full text). The cleaner sees each page's lines, plus site lines learned
per host across the whole set (as a real corpus would provide). Figures are printed for the tuned hosts and for
the held-out hosts (benchmarks/holdout.py); the held-out ones are those to quote.

    .venv/bin/python -m benchmarks.l3s_lines [../shared/corpora/l3s-gn1/lines-dev.jsonl.gz] [--worst N]
"""

import gzip
import json
import sys
import time
from pathlib import Path

import pyarrow as pa

from benchmarks.holdout import PARTS, split
from transforms.clean.articles import clean_document
from transforms.clean.site_lines import learn_site_lines, site_line_sets

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "l3s-gn1" / "lines-dev.jsonl.gz"
CONTENT = {1, 2}


def load_pages(path: str) -> list[dict]:
    """lines-dev.jsonl.gz -> pages with whitespace-collapsed `lines` [(text, label)] and their joined `text`."""
    pages = [json.loads(line) for line in gzip.open(path, "rt", encoding="utf-8")]
    for page in pages:
        page["lines"] = [(" ".join(text.split()), label) for text, label in page["lines"]]
        page["text"] = "\n".join(text for text, _ in page["lines"])
    return pages


def counts(page: dict, kept: set[int]) -> tuple[int, int, int]:
    """Page + indexes of the lines kept -> word counts (true positive, false positive, false negative)."""
    tp = fp = fn = 0
    for i, (text, label) in enumerate(page["lines"]):
        words = len(text.split())
        if i in kept and label in CONTENT:
            tp += words
        elif i in kept:
            fp += words
        elif label in CONTENT:
            fn += words
    return tp, fp, fn


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Counts -> (precision, recall, F1)."""
    precision, recall = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    return precision, recall, 2 * precision * recall / max(precision + recall, 1e-9)


def _score(pages, kept_of) -> tuple[float, float, float]:
    totals = [0, 0, 0]
    for page in pages:
        totals = [a + b for a, b in zip(totals, counts(page, kept_of(page)), strict=True)]
    return prf(*totals)


def cleaner_kept(pages: list[dict]) -> dict[str, set[int]]:
    """Pages -> {page id: indexes of the lines clean_document keeps}, site lines learned per host over all pages."""
    docs = pa.table({"outlet": [p["host"] for p in pages], "doc_id": [p["id"] for p in pages],
                     "text": [p["text"] for p in pages]})
    sites = site_line_sets(learn_site_lines(docs))
    kept = {}
    for page in pages:
        removed = clean_document(page["text"], sites.get(page["host"], frozenset()), page["host"]).removed
        gone = {no - 1 for no, _, _ in removed}
        kept[page["id"]] = {i for i, (text, _) in enumerate(page["lines"]) if text and i not in gone}
    return kept


def main(path: str, worst: int = 0) -> None:
    """Print P/R/F1 for keeping everything and for the cleaner, on the tuned and the held-out hosts."""
    pages = load_pages(path)
    started = time.perf_counter()
    kept = cleaner_kept(pages)
    seconds = time.perf_counter() - started
    methods = {"keep everything": lambda p: set(range(len(p["lines"]))), "crosswire cleaner": lambda p: kept[p["id"]]}
    parts = split(pages, lambda p: p["host"])
    print(f"L3S-GN1 {Path(path).name}: {len(pages)} pages, {sum(len(p['lines']) for p in pages)} lines, "
          f"content = labels 1+2, word-weighted; split by host")
    for part in PARTS:
        hosts = len({p["host"] for p in parts[part]})
        print(f" {part}: {len(parts[part])} pages, {hosts} hosts")
        for name, kept_of in methods.items():
            p, r, f = _score(parts[part], kept_of)
            print(f"  {name:<18} precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}")
    print(f"  cleaner time {seconds:.2f} s")
    if worst:
        ranked = sorted((prf(*counts(p, kept[p["id"]]))[2], p["host"], p["id"]) for p in parts["held-out"])
        print(f"worst {worst} held-out pages (F1, host, id):")
        for f1, host, page_id in ranked[:worst]:
            print(f"  {f1:.3f}  {host}  {page_id}")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    n_worst = int(sys.argv[sys.argv.index("--worst") + 1]) if "--worst" in sys.argv else 0
    if "--worst" in sys.argv:
        args.remove(str(n_worst))
    main(args[0] if args else str(DEFAULT), n_worst)
