"""PolNeAR as it is stored (the tarball and the direct-quote JSONL, never unpacked to disk) -> articles with their
labelled attributions and direct-quote pieces, split into the parts the benchmark reports."""

import gzip
import json
import random
import tarfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "polnear"
QUOTE_OPEN = ("“", '"', "''", "``", "‘")


@dataclass
class Attribution:
    """One labelled attribution: content span, source text and span, cue text."""

    content: tuple[int, int]
    source: str | None
    source_start: int
    cue: str
    direct: bool


@dataclass
class Article:
    """One article's text, the gold direct pieces and every labelled attribution."""

    doc_id: str
    outlet: str
    text: str
    pieces: list[dict] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    people: list | None = None  # the people the text names, found once (polnear_gold.people)


def brat(ann: str) -> list[Attribution]:
    """A brat .ann file -> its attributions (content span, source, cue)."""
    spans, out = {}, []
    for line in ann.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 3:
            kind, *ranges = parts[1].replace(";", " ").split()
            offsets = [int(x) for x in ranges]
            spans[parts[0]] = (kind, min(offsets), max(offsets), parts[2])
    for line in ann.splitlines():
        if not line.startswith("E"):
            continue
        args = dict(arg.split(":", 1) for arg in line.split("\t")[1].split())
        content, source, cue = (spans.get(args.get(k)) for k in ("Content", "Source", "Cue"))
        if content:
            out.append(Attribution((content[1], content[2]), source[3] if source else None,
                                   source[1] if source else -1, cue[3] if cue else "",
                                   content[3].lstrip().startswith(QUOTE_OPEN)))
    return out


def load(corpus: Path, split: str) -> list[Article]:
    """The corpus folder + a split name -> its articles with gold quotes and attributions.

    An article annotated by several people is read as the first annotator in name order (the one the JSONL
    carries)."""
    articles: dict[str, Article] = {}
    anns: dict[str, dict[str, str]] = defaultdict(dict)
    with tarfile.open(corpus / "polnear-train-dev.tar.gz") as tar:
        for member in tar:
            parts = member.name.split("/")
            if not member.isfile() or len(parts) < 4 or parts[-3] != split:
                continue
            data = tar.extractfile(member).read().decode("utf-8")
            name = parts[-1]
            if parts[-2] == "text":
                stem = name.removesuffix(".txt")
                articles[stem] = Article(stem, stem.split("_")[0], data)
            else:
                stem, annotator = name.removesuffix(".ann").rsplit("_", 1)
                anns[stem][annotator] = data
    for stem, by_annotator in anns.items():
        if stem in articles:
            articles[stem].attributions = brat(by_annotator[min(by_annotator)])
    with gzip.open(corpus / "direct-quotes-train-dev.jsonl.gz", "rt") as lines:
        for row in map(json.loads, lines):
            if row["split"] == split and row["article_id"] in articles:
                articles[row["article_id"]].pieces.append(row)
    return [articles[k] for k in sorted(articles)]


def parts(corpus: Path) -> dict[str, list[Article]]:
    """The corpus -> {part name: articles}: train split into the tuned outlets and one held-out outlet; dev."""
    train = load(corpus, "train")
    held_out = random.Random(14).choice(sorted({a.outlet for a in train}))
    return {"train-tuned": [a for a in train if a.outlet != held_out],
            f"train-{held_out}": [a for a in train if a.outlet == held_out], "dev": load(corpus, "dev")}
