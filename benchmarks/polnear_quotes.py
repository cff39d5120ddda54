"""Direct quotes, their speakers and indirect speech, scored on PolNeAR (political news labelled by people).

Reads `../shared/corpora/polnear/` as it is (the tarball and the direct-quote JSONL, never unpacked to disk), runs
the names and quotes stages on every article of a split (the raw text is the body; the entity table is the
project's default one, so almost every speaker is a name the table does not know, as on an analyst's corpus), and
prints for each part: articles, direct-quote precision/recall/F1, speaker accuracy, indirect-speech P/R/F1.

Parts: `train-tuned` (the train articles the rules were tuned on), `train-<outlet>` (one outlet's train articles,
chosen by a seeded draw and never looked at while tuning), `dev` (held out: every outlet). An article annotated by
several people is scored against the first annotator in name order (the one the JSONL carries).

Matching rule, direct quotes:
- gold: the JSONL's rows, one per quoted piece (a quote split around its attribution is two pieces);
- a gold piece is found when a predicted `speech` row overlaps at least half of the shorter of the two spans;
  recall = found pieces / gold pieces;
- a predicted `speech` row is right when it so overlaps a gold piece; a row that overlaps no gold piece but lies
  in the content of another labelled attribution (a quoted phrase inside reported speech, or a NYT quote in ''
  marks, which the JSONL does not list) is left out of precision (`mixed`, counted and printed); any other row
  is a false positive; `strict P` counts the `mixed` rows as false positives too;
- speaker accuracy = found pieces whose predicted speaker is the gold one / found pieces: a piece with no
  predicted speaker, or another one, is wrong; a gold piece with no source needs no speaker. A gold 'he'/'she' is
  first resolved to the nearest person the text names before it (outside quote marks) whose gender fits: a title
  (Mr., Ms., Mrs.) or a capitalised run opening with a given name, gender from gender-guesser, and the lone surname
  of such a name later on; another pronoun ('they', 'it', 'we') to the nearest labelled source before it that is not
  a pronoun. A gold pronoun this cannot resolve is left out of speaker accuracy (`unresolved`, printed). `speaker
  named` is the accuracy over pieces whose gold source is a name or a phrase, which need no resolution.
  Two speakers are the same when, folded (case, accents, titles, determiners and possessives dropped; a gold source
  cut before its appositive or clause), their last words are equal, or one is a single word found in the other
  (Mr. Obama = Barack Obama = Obama); a nominal gold speaker ('a spokeswoman') is also matched by the name the
  article gives that role within a few words ('spokeswoman Hope Hicks', 'Hope Hicks, a spokeswoman').
Matching rule, indirect speech: gold is every labelled attribution whose content does not open with a quote mark
(its span from first to last character); a predicted `indirect` row is right when it overlaps half of the shorter
span, and a gold one is found likewise; its speaker is compared as above. `speech cues` recall counts only gold
attributions whose cue holds a speech verb (said, told, ...), which is what the rules look for.

    .venv/bin/python -m benchmarks.polnear_quotes [--corpus ../shared/corpora/polnear] [--errors train-tuned]
"""

import argparse
import gzip
import json
import random
import re
import tarfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
from anyascii import anyascii
from gender_guesser.detector import Detector

from flows import storage
from flows.settings import SETTINGS
from transforms.compare.quotes.extract import extract_quotes
from transforms.names.mentions import extract_mentions, parse_entities

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "polnear"
TARGETS = "targets: direct-quote F1 >= 0.95, speaker accuracy >= 0.92 (no target for indirect speech)"
PRONOUNS = frozenset("he she they it we i you him her them his its their one who".split())
FEMALE, MALE = frozenset({"she", "her"}), frozenset({"he", "him", "his"})
DROP = frozenset("the a an mr mrs ms miss dr sen rep gov gen president former".split())
SPEECH_CUE = re.compile(r"\b(?:said|says|say|told|tells|wrote|writes|added|adds|asked|noted|argued|explained|"
                        r"insisted|warned|tweeted|stated|declared|announced|according|statement|claimed|replied)\b",
                        re.IGNORECASE)
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
    people: list | None = None


def _brat(ann: str) -> list[Attribution]:
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
    """The corpus folder + a split name -> its articles with gold quotes and attributions."""
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
            articles[stem].attributions = _brat(by_annotator[min(by_annotator)])
    with gzip.open(corpus / "direct-quotes-train-dev.jsonl.gz", "rt") as lines:
        for row in map(json.loads, lines):
            if row["split"] == split and row["article_id"] in articles:
                articles[row["article_id"]].pieces.append(row)
    return [articles[k] for k in sorted(articles)]


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return shared > 0 and shared * 2 >= min(a[1] - a[0], b[1] - b[0])


_DETECTOR: list[Detector] = []
_NOT_SURNAMES = frozenset("University College Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())
_GENDERS = {"male": "male", "mostly_male": "male", "female": "female", "mostly_female": "female"}


def _head(source: str) -> str:
    """'Ben Jealous, a former NAACP leader' -> 'Ben Jealous': a gold source without its appositive or clause."""
    return re.split(r",|\(| who | of | at | from ", source)[0].strip() or source


_RUN = re.compile(r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.(?:\s+[A-Z][\w’'\-]+)+"
                  r"|[A-Z][\w’'\-]+(?:\s+(?:[A-Z]\.\s+)?[A-Z][\w’'\-]+)*")


def _inside_quote(text: str, pos: int) -> bool:
    paragraph = text[text.rfind("\n", 0, pos) + 1:pos]
    return (paragraph.count("“") > paragraph.count("”")) or paragraph.count('"') % 2 == 1


def people(article: Article) -> list[tuple[int, str, str]]:
    """(position, name, gender) of every person the text names outside quotes: a given name from gender-guesser's
    list or a title before a capitalised word; a lone surname of a full name the text gave takes its gender."""
    if article.people is not None:
        return article.people
    if not _DETECTOR:
        _DETECTOR.append(Detector(case_sensitive=False))
    found, surnames = [], defaultdict(set)
    for match in _RUN.finditer(article.text):
        words = match.group().split()
        gender = {"Mr.": "male", "Mrs.": "female", "Ms.": "female"}.get(words[0])
        given = 1 if words[0].endswith(".") else 0 if len(words) > 1 else None
        if given is None or not words[given:] or words[-1] in _NOT_SURNAMES:
            continue
        gender = gender or _GENDERS.get(_DETECTOR[0].get_gender(words[given]))
        if gender and not _inside_quote(article.text, match.start()):
            name = " ".join(words[given:]).removesuffix("’s").removesuffix("'s")
            found.append((match.start(), name, gender))
            surnames[name.split()[-1]].add(gender)
    for surname, genders in surnames.items():
        if len(genders) == 1:
            for match in re.finditer(rf"\b{re.escape(surname)}\b", article.text):
                if not _inside_quote(article.text, match.start()):
                    found.append((match.start(), surname, next(iter(genders))))
    article.people = sorted(set(found))
    return article.people


def gold_speaker(article: Article, source: str | None, start: int) -> str | None:
    """A gold source as written -> the name it stands for: 'he'/'she' resolved to the nearest person named before
    it whose gender fits, other pronouns to the nearest labelled source before them that is not a pronoun."""
    if source is None or source.casefold() not in PRONOUNS:
        return source if source is None else _head(source)
    want = "female" if source.casefold() in FEMALE else "male" if source.casefold() in MALE else None
    if want:
        named = [name for pos, name, gender in people(article) if pos < start and gender == want]
        return named[-1] if named else None
    before = sorted((a.source_start, _head(a.source)) for a in article.attributions
                    if a.source and 0 <= a.source_start < start and a.source.casefold() not in PRONOUNS)
    return before[-1][1] if before else None


def _words(name: str) -> list[str]:
    folded = anyascii(name).casefold().replace("'s", "").replace("’s", "")
    return [w for w in re.findall(r"[a-z0-9]+", folded) if w not in DROP]


def same_speaker(predicted: str | None, gold: str | None, text: str) -> bool:
    """Predicted speaker surface vs gold speaker (resolved) -> whether they are the same, by the rule above."""
    if gold is None:
        return predicted is None
    if predicted is None:
        return False
    p, g = _words(predicted), _words(gold)
    if not p or not g:
        return False
    if p[-1] == g[-1] or (len(p) == 1 and p[0] in g) or (len(g) == 1 and g[0] in p):
        return True
    if gold[:1].islower():
        role = re.escape(gold.split()[-1])
        name = re.escape(predicted)
        near = rf"\b{role}\b[^.\n]{{0,40}}{name}|{name}[^.\n]{{0,40}}\b{role}\b"
        return re.search(near, text, re.IGNORECASE) is not None
    return False


def predict(articles: list[Article], entities: pa.Table) -> dict[str, list[dict]]:
    """Articles -> doc_id -> QUOTES rows, through the names and quotes stages."""
    table = pa.table({"doc_id": [a.doc_id for a in articles], "body": [a.text for a in articles]})
    mentions, _ = extract_mentions(table, entities)
    out: dict[str, list[dict]] = defaultdict(list)
    for row in extract_quotes(table, mentions, entities).to_pylist():
        out[row["doc_id"]].append(row)
    return out


def _prf(right_p: int, n_p: int, right_r: int, n_r: int) -> tuple[float, float, float]:
    precision, recall = right_p / n_p if n_p else 1.0, right_r / n_r if n_r else 1.0
    return precision, recall, 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def score(articles: list[Article], predicted: dict[str, list[dict]], errors: list | None = None) -> dict:
    """Articles + predictions -> counts and figures for direct quotes, speakers and indirect speech."""
    c = defaultdict(int)
    for article in articles:
        rows = predicted.get(article.doc_id, [])
        speech = [r for r in rows if r["quote_kind"] == "speech"]
        _score_direct(article, speech, c, errors)
        _score_indirect(article, [r for r in rows if r["quote_kind"] == "indirect"], c, errors)
    p, r, f = _prf(c["pred_right"], c["pred"] - c["mixed"], c["found"], c["gold"])
    ip, ir, i_f = _prf(c["ipred_right"], c["ipred"], c["ifound"], c["igold"])
    return {"articles": len(articles), "gold": c["gold"], "pred": c["pred"], "mixed": c["mixed"], "P": p, "R": r,
            "F1": f, "strict P": c["pred_right"] / c["pred"] if c["pred"] else 1.0,
            "speaker": c["speaker_right"] / (c["found"] - c["unresolved"]) if c["found"] else 1.0,
            "unresolved": c["unresolved"],
            "speaker named": c["speaker_right_named"] / c["found_named"] if c["found_named"] else 1.0,
            "igold": c["igold"], "ipred": c["ipred"], "iP": ip, "iR": ir, "iF1": i_f,
            "ispeaker": c["ispeaker_right"] / (c["ifound"] - c["iunresolved"]) if c["ifound"] else 1.0,
            "iR speech cues": c["ifound_cue"] / c["igold_cue"] if c["igold_cue"] else 1.0}


def _score_direct(article: Article, speech: list[dict], c: dict, errors: list | None) -> None:
    contents = [a.content for a in article.attributions]
    for row in speech:
        span = (row["start_char"], row["end_char"])
        c["pred"] += 1
        if any(_overlaps(span, (g["quote_start"], g["quote_end"])) for g in article.pieces):
            c["pred_right"] += 1
        elif any(_overlaps(span, content) or content[0] <= span[0] < content[1] for content in contents):
            c["mixed"] += 1
        elif errors is not None:
            errors.append(("false quote", article.doc_id, row["text"][:90], row["speaker_surface"], ""))
    for piece in article.pieces:
        c["gold"] += 1
        span = (piece["quote_start"], piece["quote_end"])
        match = [r for r in speech if _overlaps(span, (r["start_char"], r["end_char"]))]
        if not match:
            if errors is not None:
                errors.append(("missed quote", article.doc_id, piece["quote_text"][:90], "", piece["speaker_name"]))
            continue
        c["found"] += 1
        gold = gold_speaker(article, piece["speaker_name"], piece["speaker_start"] or 0)
        if gold is None and piece["speaker_name"] is not None:
            c["unresolved"] += 1  # a pronoun the benchmark cannot resolve: left out of speaker accuracy
            continue
        named = piece["speaker_name"] is None or piece["speaker_name"].casefold() not in PRONOUNS
        c["found_named"] += named
        if piece["speaker_name"] is None or same_speaker(match[0]["speaker_surface"], gold, article.text):
            c["speaker_right"] += 1
            c["speaker_right_named"] += named
        elif errors is not None:
            errors.append(("wrong speaker", article.doc_id, piece["quote_text"][:90], match[0]["speaker_surface"],
                           f"{piece['speaker_name']} -> {gold}"))


def _score_indirect(article: Article, rows: list[dict], c: dict, errors: list | None) -> None:
    gold = [a for a in article.attributions if not a.direct]
    for row in rows:
        c["ipred"] += 1
        if any(_overlaps((row["start_char"], row["end_char"]), a.content) for a in gold):
            c["ipred_right"] += 1
        elif errors is not None:
            errors.append(("false indirect", article.doc_id, row["text"][:90], row["speaker_surface"], ""))
    for attribution in gold:
        c["igold"] += 1
        cue = bool(SPEECH_CUE.search(attribution.cue))
        c["igold_cue"] += cue
        match = [r for r in rows if _overlaps((r["start_char"], r["end_char"]), attribution.content)]
        if match:
            c["ifound"] += 1
            c["ifound_cue"] += cue
            name = gold_speaker(article, attribution.source, attribution.source_start)
            if name is None and attribution.source is not None:
                c["iunresolved"] += 1
                continue
            c["ispeaker_right"] += attribution.source is None or same_speaker(match[0]["speaker_surface"], name,
                                                                             article.text)


def parts(corpus: Path) -> dict[str, list[Article]]:
    """The corpus -> {part name: articles}: train split into the tuned outlets and one held-out outlet; dev."""
    train = load(corpus, "train")
    held_out = random.Random(14).choice(sorted({a.outlet for a in train}))
    return {"train-tuned": [a for a in train if a.outlet != held_out],
            f"train-{held_out}": [a for a in train if a.outlet == held_out], "dev": load(corpus, "dev")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", default=str(CORPUS))
    parser.add_argument("--entities", default=SETTINGS.entities_file)
    parser.add_argument("--errors", help="print the errors of this part")
    args = parser.parse_args()
    entities = parse_entities(storage.read_entities(args.entities)[0])
    print(TARGETS)
    header = ("part", "articles", "gold", "pred", "mixed", "P", "strict P", "R", "F1", "speaker", "unresolved",
              "speaker named",
              "igold", "ipred", "iP", "iR", "iF1", "ispeaker", "iR speech cues")
    print("  ".join(f"{h:>9}" for h in header))
    for name, articles in parts(Path(args.corpus)).items():
        errors = [] if args.errors == name else None
        figures = score(articles, predict(articles, entities), errors)
        cells = [name] + [figures[h] for h in header[1:]]
        print("  ".join(f"{v:>9.3f}" if isinstance(v, float) else f"{v:>9}" for v in cells))
        for error in errors or []:
            print(" | ".join(str(e) for e in error))


if __name__ == "__main__":
    main()
