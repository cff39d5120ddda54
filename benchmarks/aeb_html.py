"""HTML -> article text benchmark on the scrapinghub article-extraction-benchmark pages (shared/corpora/aeb).

Scores trafilatura alone (default, favor_precision, favor_recall) and crosswire's path (extract_html alone, then
extract_html and clean_document with site lines learned per site over the whole set) against the hand-checked
bodies, with the benchmark's own shingle scoring (benchmarks/shingles.py). Every method gets the same decoded page
text.

    .venv/bin/python -m benchmarks.aeb_html [aeb folder] [--worst N] [--without-second-opinion]

--without-second-opinion scores crosswire's path with trafilatura's text only (readability-lxml and resiliparse
not consulted), to measure what the second opinion adds on each part.
"""

import gzip
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from unittest import mock

import pyarrow as pa
import trafilatura

from benchmarks.holdout import PARTS, part_of
from benchmarks.shingles import page_f1, score
from transforms.clean.articles import clean_document
from transforms.clean.site_lines import learn_site_lines, site_line_sets
from transforms.ingest.decode import decode_bytes
from transforms.ingest.html import extract_html

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "aeb"
PUBLISHED = "published: AutoExtract 0.970, rs_trafilatura 0.970, trafilatura 2.0 0.958"


def load_pages(folder: Path) -> list[dict]:
    """aeb folder -> rows with their decoded `html`."""
    pages = [json.loads(line) for line in gzip.open(folder / "aeb.jsonl.gz", "rt", encoding="utf-8")]
    for page in pages:
        page["html"] = decode_bytes(gzip.open(folder / page["html_path"]).read(), html=True).text
    return pages


def trafilatura_texts(pages: list[dict], **options) -> list[str]:
    """Pages -> trafilatura.extract text per page ('' where it finds nothing)."""
    return [trafilatura.extract(p["html"], url=p["url"], **options) or "" for p in pages]


def extracted_texts(pages: list[dict]) -> list[str]:
    """Pages -> extract_html's article text per page ('' where it finds none)."""
    return [(extract_html(p["html"], url=p["url"]) or {}).get("text", "") for p in pages]


def crosswire_texts(pages: list[dict]) -> list[str]:
    """Pages -> crosswire article bodies: extract_html, site lines learned per site, clean_document."""
    texts = extracted_texts(pages)
    docs = pa.table({"outlet": [p["source"] for p in pages], "doc_id": [p["id"] for p in pages], "text": texts})
    sites = site_line_sets(learn_site_lines(docs))
    return [clean_document(t, sites.get(p["source"], frozenset()), p["source"]).body if t else ""
            for p, t in zip(pages, texts, strict=True)]


METHODS: dict[str, Callable[[list[dict]], list[str]]] = {
    "trafilatura default": trafilatura_texts,
    "trafilatura favor_precision": lambda pages: trafilatura_texts(pages, favor_precision=True),
    "trafilatura favor_recall": lambda pages: trafilatura_texts(pages, favor_recall=True),
    "crosswire extract only": extracted_texts,
    "crosswire extract+clean": crosswire_texts,
}


def print_worst(pages: list[dict], texts: list[str], n: int) -> None:
    """Print the n pages where a method's output is furthest from the gold."""
    ranked = sorted((page_f1(p["text_gold"], t), p["id"][:10], p["url"]) for p, t in zip(pages, texts, strict=True))
    for f1, page_id, url in ranked[:n]:
        print(f"  {f1:.3f}  {page_id}  {url}")


def main(folder: Path, worst: int) -> None:
    """Print precision/recall/F1 per method on the tuned and the held-out sites, then the worst held-out pages."""
    pages = load_pages(folder)
    parts = [part_of(p["source"]) for p in pages]
    print(f"aeb: {len(pages)} pages, {len({p['source'] for p in pages})} sites, split by site "
          f"({parts.count('tuned')} tuned, {parts.count('held-out')} held-out pages); shingle scoring; {PUBLISHED}")
    print(f"  {'method':<28} {'part':<9} {'precision':>9} {'recall':>7} {'F1':>6} {'seconds':>8}")
    outputs = {}
    for name, method in METHODS.items():
        started = time.perf_counter()
        outputs[name] = method(pages)
        seconds = time.perf_counter() - started
        for part in PARTS:
            pairs = [(p["text_gold"], t) for p, t, q in zip(pages, outputs[name], parts, strict=True) if q == part]
            precision, recall, f1 = score(pairs)
            print(f"  {name:<28} {part:<9} {precision:>9.4f} {recall:>7.4f} {f1:>6.4f} {seconds:>8.1f}")
    if worst:
        print(f"worst {worst} held-out pages for crosswire (page F1, id, url):")
        held = [i for i, q in enumerate(parts) if q == "held-out"]
        print_worst([pages[i] for i in held], [outputs["crosswire extract+clean"][i] for i in held], worst)


if __name__ == "__main__":
    if "--without-second-opinion" in sys.argv:
        mock.patch("transforms.ingest.html.agreed_text", lambda main, *_: main).start()
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    n_worst = int(sys.argv[sys.argv.index("--worst") + 1]) if "--worst" in sys.argv else 0
    if "--worst" in sys.argv:
        args.remove(str(n_worst))
    main(Path(args[0]) if args else DEFAULT, n_worst)
