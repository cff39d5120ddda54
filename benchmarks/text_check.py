"""How often the decoder's "reads as text" check rejects real text (it should never), and how many texts ingest
repairs for mojibake, on the dev corpora: aeb HTML pages (through decode_bytes), abp-dev, BASIL and L3S-GN1 texts.

    .venv/bin/python -m benchmarks.text_check
"""

import glob
import gzip
import json
import time
from pathlib import Path

from transforms.ingest.decode import decode_bytes, repair_text, text_problem

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"


def _texts(name: str, field: str):
    with gzip.open(CORPORA / name, "rt", encoding="utf-8") as lines:
        for record in map(json.loads, lines):
            yield record[field] if field != "lines" else "\n".join(line[0] for line in record["lines"])


def main() -> None:
    """Print, per corpus: texts, rejected as not text, repaired, seconds."""
    started = time.monotonic()
    pages = sorted(glob.glob(str(CORPORA / "aeb" / "html" / "*.html.gz")))
    rejected = [p for p in pages if decode_bytes(gzip.open(p).read(), html=True).error]
    print(f"aeb html pages: {len(pages)}, rejected {len(rejected)}, {time.monotonic() - started:.1f} s")
    for name, field in (("abp-dev.jsonl.gz", "text"), ("abp-dev.jsonl.gz", "title"), ("basil.jsonl.gz", "text"),
                        ("l3s-gn1/lines-dev.jsonl.gz", "lines")):
        started, count, rejected, repaired = time.monotonic(), 0, 0, 0
        for text in _texts(name, field):
            count += 1
            rejected += bool(text and text.strip() and text_problem(text))
            repaired += repair_text(text)[1] is not None
        print(f"{name} {field}: {count}, rejected {rejected}, mojibake repaired {repaired}, "
              f"{time.monotonic() - started:.1f} s")


if __name__ == "__main__":
    main()
