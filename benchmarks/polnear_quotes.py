"""Direct quotes, their speakers and indirect speech, scored on PolNeAR (political news labelled by people).

Reads `../shared/corpora/polnear/` as it is (`polnear_corpus`), runs the names and quotes stages on every article of
a split (the raw text is the body; the entity table is the project's default one, so almost every speaker is a name
the table does not know, as on an analyst's corpus), and prints for each part: articles, direct-quote
precision/recall/F1, speaker accuracy, indirect-speech P/R/F1.

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
  is a false positive; `strict P` counts the `mixed` rows as false positives too.
Speaker accuracy, over found pieces (the first predicted row overlapping a piece is its prediction): a piece with no
predicted speaker, or another one, is wrong. The gold speaker is the labelled source as `polnear_gold` reads it: a
name or phrase as written (`speaker named`: accuracy over these), a pronoun resolved to the person it stands for only
where the text leaves no doubt (`speaker pronoun`: accuracy over these; `unresolved`: pronouns left out); `speaker`
is over both. A piece with no labelled source (`no source`) is left out. Two speakers are the same by
`polnear_gold.same_speaker` (folded last words equal, or one a single word of the other; a nominal gold also matches
the name the article gives that role).
Matching rule, indirect speech: gold is every labelled attribution whose content does not open with a quote mark
(its span from first to last character); a predicted `indirect` row is right when it overlaps half of the shorter
span, and a gold one is found likewise; its speaker is compared as above. `speech cues` recall counts only gold
attributions whose cue holds a speech verb (said, told, ...), which is what the rules look for.

    .venv/bin/python -m benchmarks.polnear_quotes [--corpus ../shared/corpora/polnear] [--errors train-tuned]
"""

import argparse
import re
from collections import defaultdict
from pathlib import Path

import pyarrow as pa

from benchmarks.polnear_corpus import CORPUS, Article, parts
from benchmarks.polnear_gold import PRONOUNS, gold_speaker, same_speaker
from flows import storage
from flows.settings import SETTINGS
from transforms.compare.quotes.extract import extract_quotes
from transforms.names.mentions import extract_mentions, parse_entities, with_discovered

TARGETS = "targets: direct-quote F1 >= 0.95, speaker accuracy >= 0.92 (no target for indirect speech)"
SPEECH_CUE = re.compile(r"\b(?:said|says|say|told|tells|wrote|writes|added|adds|asked|noted|argued|explained|"
                        r"insisted|warned|tweeted|stated|declared|announced|according|statement|claimed|replied)\b",
                        re.IGNORECASE)
HEADER = ("part", "articles", "gold", "pred", "mixed", "P", "strict P", "R", "F1", "speaker", "speaker named",
          "speaker pronoun", "pronouns", "unresolved", "no source", "igold", "ipred", "iP", "iR", "iF1", "ispeaker",
          "iR speech cues")


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Two spans -> whether they share at least half of the shorter one."""
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return shared > 0 and shared * 2 >= min(a[1] - a[0], b[1] - b[0])


def predict(articles: list[Article], entities: pa.Table) -> dict[str, list[dict]]:
    """Articles -> doc_id -> QUOTES rows, through the names and quotes stages as a batch of a run goes through them."""
    table = pa.table({"doc_id": [a.doc_id for a in articles], "body": [a.text for a in articles]})
    mentions, _ = extract_mentions(table, entities)
    entities = with_discovered(entities, mentions)  # as a run does: discovered names typed for the quotes stage
    out: dict[str, list[dict]] = defaultdict(list)
    for row in extract_quotes(table, mentions, entities).to_pylist():
        out[row["doc_id"]].append(row)
    return out


def _prf(right_p: int, n_p: int, right_r: int, n_r: int) -> tuple[float, float, float]:
    precision, recall = right_p / n_p if n_p else 1.0, right_r / n_r if n_r else 1.0
    return precision, recall, 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _share(right: int, n: int) -> float:
    return right / n if n else 1.0


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
            "F1": f, "strict P": _share(c["pred_right"], c["pred"]),
            "speaker": _share(c["named_right"] + c["pronoun_right"], c["named"] + c["pronoun"]),
            "speaker named": _share(c["named_right"], c["named"]),
            "speaker pronoun": _share(c["pronoun_right"], c["pronoun"]), "pronouns": c["pronoun"],
            "unresolved": c["unresolved"], "no source": c["no_source"],
            "igold": c["igold"], "ipred": c["ipred"], "iP": ip, "iR": ir, "iF1": i_f,
            "ispeaker": _share(c["inamed_right"] + c["ipronoun_right"], c["inamed"] + c["ipronoun"]),
            "iR speech cues": _share(c["ifound_cue"], c["igold_cue"])}


def _score_direct(article: Article, speech: list[dict], c: dict, errors: list | None) -> None:
    contents = [a.content for a in article.attributions]
    for row in speech:
        span = (row["start_char"], row["end_char"])
        c["pred"] += 1
        if any(overlaps(span, (g["quote_start"], g["quote_end"])) for g in article.pieces):
            c["pred_right"] += 1
        elif any(overlaps(span, content) or content[0] <= span[0] < content[1] for content in contents):
            c["mixed"] += 1
        elif errors is not None:
            errors.append(("false quote", article.doc_id, row["text"][:90], row["speaker_surface"], ""))
    for piece in article.pieces:
        c["gold"] += 1
        span = (piece["quote_start"], piece["quote_end"])
        match = [r for r in speech if overlaps(span, (r["start_char"], r["end_char"]))]
        if not match:
            if errors is not None:
                errors.append(("missed quote", article.doc_id, piece["quote_text"][:90], "", piece["speaker_name"]))
            continue
        c["found"] += 1
        _score_speaker(article, piece["speaker_name"], piece["speaker_start"] or 0, match[0], c, "",
                       None if errors is None else (errors, piece["quote_text"]))


def _score_speaker(article: Article, source: str | None, start: int, row: dict, c: dict, prefix: str,
                   errors: tuple | None) -> None:
    """One found gold item's labelled source vs its predicted row -> counts under `prefix` (named/pronoun/...)."""
    if source is None:
        c[prefix + "no_source"] += 1
        return
    gold = gold_speaker(article, source, start)
    if gold is None:
        c[prefix + "unresolved"] += 1  # a pronoun the text does not resolve beyond doubt: left out
        return
    group = "pronoun" if source.casefold() in PRONOUNS else "named"
    right = same_speaker(row["speaker_surface"], gold, article.text)
    c[prefix + group] += 1
    c[prefix + group + "_right"] += right
    if not right and errors:
        errors[0].append(("wrong speaker", article.doc_id, errors[1][:90], row["speaker_surface"],
                          f"{source} -> {gold}"))


def _score_indirect(article: Article, rows: list[dict], c: dict, errors: list | None) -> None:
    gold = [a for a in article.attributions if not a.direct]
    for row in rows:
        c["ipred"] += 1
        if any(overlaps((row["start_char"], row["end_char"]), a.content) for a in gold):
            c["ipred_right"] += 1
        elif errors is not None:
            errors.append(("false indirect", article.doc_id, row["text"][:90], row["speaker_surface"], ""))
    for attribution in gold:
        c["igold"] += 1
        cue = bool(SPEECH_CUE.search(attribution.cue))
        c["igold_cue"] += cue
        match = [r for r in rows if overlaps((r["start_char"], r["end_char"]), attribution.content)]
        if match:
            c["ifound"] += 1
            c["ifound_cue"] += cue
            _score_speaker(article, attribution.source, attribution.source_start, match[0], c, "i", None)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", default=str(CORPUS))
    parser.add_argument("--entities", default=SETTINGS.entities_file)
    parser.add_argument("--errors", help="print the errors of this part")
    args = parser.parse_args()
    entities = parse_entities(storage.read_entities(args.entities)[0])
    print(TARGETS)
    print("  ".join(f"{h:>9}" for h in HEADER))
    for name, articles in parts(Path(args.corpus)).items():
        errors = [] if args.errors == name else None
        figures = score(articles, predict(articles, entities), errors)
        cells = [name] + [figures[h] for h in HEADER[1:]]
        print("  ".join(f"{v:>9.3f}" if isinstance(v, float) else f"{v:>9}" for v in cells))
        for error in errors or []:
            print(" | ".join(str(e) for e in error))


if __name__ == "__main__":
    main()
