"""Draw the hand-judged samples (quotes, figures) from an abp-dev run, and print the rates of the judged fixtures.

Draw: a seeded random sample of articles of every outlet from a run's catalog, analysed by the current names, quotes
and figures stages (pure functions of the run's articles), then a seeded random 100 speech
quotes and 100 figures, each printed with its context for judging, and written as CSV with empty verdicts.

    .venv/bin/python -m benchmarks.judged_sample draw --warehouse WH --out DIR    # to judge by hand
    .venv/bin/python -m benchmarks.judged_sample rates                            # the judged fixtures' rates

Verdicts (benchmarks/fixtures/quotes_judged.csv, figures_judged.csv): quotes have `is_speech` (y/n: someone's words,
not a title, scare term, headline or imagined voice) and `speaker_right` (y/n: the speaker is who said it; no speaker
where the article names one, or any speaker for words that are not speech, is n), with `error` naming the kind of
mistake, and `speaker_before`/`speaker_right_before` for the same quotes as the code before the work on speakers
found them; figures have `figure_right` (y/n: value, unit, `what` and qualifier all right; a number that is not a
quantity is n) and `error`.
"""

import argparse
import csv
import random
from pathlib import Path

import duckdb
import pyarrow as pa

from flows import storage
from flows.settings import SETTINGS
from transforms.compare import figures
from transforms.compare.quotes import extract as quotes
from transforms.names import mentions
from transforms.names.mentions import parse_entities

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED, ARTICLES, SAMPLE = 14, 1200, 100
TARGETS = {"is_speech": 0.95, "speaker_right": 0.92, "speaker_right_before": 0.92, "speaker_right_now": 0.92,
           "speaker_right_later": 0.92, "speaker_right_last": 0.92, "is_speech_seed18": 0.95,
           "speaker_right_seed18": 0.92, "speaker_right_seed18_later": 0.92,
           "figure_right": 0.95, "figure_right_now": 0.95, "figure_right_seed15": 0.95, "figure_right_seed15_now": 0.95,
           "figure_right_seed15_later": 0.95, "figure_right_seed16": 0.95, "figure_right_seed16_later": 0.95,
           "figure_right_seed17": 0.95, "figure_right_seed17_later": 0.95, "is_speech_seed19": 0.95,
           "speaker_right_seed19": 0.92, "figure_right_seed19": 0.95, "figure_right_seed17_last": 0.95,
           "figure_right_seed19_later": 0.95, "is_speech_seed20": 0.95, "speaker_right_seed20": 0.92,
           "figure_right_seed20": 0.95, "is_speech_seed21": 0.95, "speaker_right_seed21": 0.92,
           "figure_right_seed21": 0.95} | {
           f"{kind}_seed{seed}": target for seed in range(19, 26)
           for kind, target in (("is_speech", 0.95), ("speaker_right", 0.92), ("figure_right", 0.95))}


def draw(warehouse: str, out: str, seed: int = SEED) -> None:
    """A run's catalog + a seed -> quotes and figures CSVs of SAMPLE rows each, with context, verdicts left empty."""
    con = duckdb.connect(f"{warehouse}/crosswire.duckdb", read_only=True)
    articles = con.sql("select doc_id, outlet_name, body from stg_articles order by doc_id").to_arrow_table()
    picked = sorted(random.Random(seed).sample(range(articles.num_rows), ARTICLES))
    articles = articles.take(pa.array(picked))
    named, entities = _current_names(articles.select(["doc_id", "body"]))
    bodies = dict(zip(articles["doc_id"].to_pylist(), articles["body"].to_pylist(), strict=True))
    outlets = dict(zip(articles["doc_id"].to_pylist(), articles["outlet_name"].to_pylist(), strict=True))
    found = [q for q in quotes.extract_quotes(articles, named, entities).to_pylist() if q["quote_kind"] == "speech"]
    figs = figures.extract_figures(articles).to_pylist()
    rng = random.Random(seed)
    rows_q = [{"quote_id": q["quote_id"], "outlet": outlets[q["doc_id"]], "text": q["text"][:300],
               "speaker_surface": q["speaker_surface"], "attribution": q["attribution"],
               "context": _context(bodies[q["doc_id"]], q["start_char"], q["end_char"]),
               "is_speech": "", "speaker_right": "", "error": ""} for q in rng.sample(found, SAMPLE)]
    rows_f = [{"figure_id": f["figure_id"], "outlet": outlets[f["doc_id"]], "raw": f["raw"], "value": f["value"],
               "value_to": f["value_to"], "unit": f["unit"], "what": f["what"], "qualifier": f["qualifier"],
               "sentence": f["sentence"][:400], "figure_right": "", "error": ""} for f in rng.sample(figs, SAMPLE)]
    for name, rows in (("quotes_judged.csv", rows_q), ("figures_judged.csv", rows_f)):
        with open(Path(out) / name, "w", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)


def _current_names(articles: pa.Table) -> tuple[pa.Table, pa.Table]:
    """Articles -> (MENTIONS, entities with the discovered ones typed) as the current names stage reads them, in the
    flow's batches, so a sample judges today's speakers whatever code made the run."""
    entities = parse_entities(storage.read_entities(SETTINGS.entities_file)[0])
    found = []
    for start in range(0, articles.num_rows, SETTINGS.batch_size):
        found.append(mentions.extract_mentions(articles.slice(start, SETTINGS.batch_size), entities)[0])
    every = pa.concat_tables(found)
    return every, mentions.with_discovered(entities, every)


def _context(body: str, start: int, end: int) -> str:
    return " ".join(body[max(0, start - 500):min(len(body), end + 150)].split())


def _read(path: Path) -> list[dict]:
    with open(path, newline="") as handle:
        return list(csv.DictReader(handle))


def _share(rows: list[dict], column: str) -> float:
    return sum(r[column] == "y" for r in rows) / len(rows)


def rates(folder: Path = FIXTURES) -> dict[str, float]:
    """Judged fixtures -> the share of 'y' per verdict column (speaker_right over quotes judged speech).

    `*_now`: the same rows re-checked against the current code (a figure it no longer reports is left out);
    `speaker_right_later`: the same quotes again after later speaker rules (rows whose speaker did not change keep
    their verdict, the changed ones judged by hand); `speaker_right_last`: likewise after the rules for coordinated
    verbs, Q&A marks, names in apposition, subjects named with their role and the named subject of a sentence with
    no speech verb; `*_seed18`: a second sample of 100 quotes, drawn with seed 18 after those rules and judged blind
    (`..._later`: re-checked after the rule its errors led to, the changed rows judged by hand);
    `figure_right_seed15`: a second sample, drawn with seed 15 and judged blind, `..._now` re-checked after,
    `..._later` the same rows after rules written from its errors (rows whose figure changed judged again, a figure
    no longer reported left out);
    `figure_right_seed16`: a third sample, drawn with seed 16 after those rules and judged blind, `..._later` the
    same way; `figure_right_seed17`: a fourth, drawn with seed 17 after the rules written from seed 16's errors;
    `is_speech_seed19`, `speaker_right_seed19`: a third sample of 100 quotes, drawn with seed 19 and judged blind;
    `figure_right_seed19`: a fifth sample of 100 figures, drawn with seed 19 and judged blind, `..._later` re-checked
    after the rules its errors led to (the noun-phrase grammar of the counted phrase, ages in months and 'under N',
    rates, fractions of a percent); `figure_right_seed17_last`: seed 17's rows again after those rules;
    `is_speech_seed20`, `speaker_right_seed20`: a fourth sample of 100 quotes, drawn with seed 20 and judged blind;
    `figure_right_seed20`: a sixth sample of 100 figures, drawn with seed 20 and judged blind;
    `is_speech_seed21`, `speaker_right_seed21`, `figure_right_seed21`: a fifth sample of 100 quotes and a seventh of
    100 figures, drawn with seed 21 and judged blind; `..._seed22`: a sixth of quotes and an eighth of figures, drawn
    with seed 22 and judged blind (figures from the code before the last speaker rules, which do not change figures;
    `what` judged missing wherever the sentence names what the figure measures, its subject included); `..._seed23`:
    a seventh of quotes and a ninth of figures, drawn with seed 23 and judged blind by the same criteria; `..._seed24`:
    an eighth of quotes and a tenth of figures, drawn with seed 24 and judged blind by the same criteria; `..._seed25`:
    a ninth of quotes and an eleventh of figures, drawn with seed 25 and judged blind by the same criteria."""
    judged_q, judged_f = _read(folder / "quotes_judged.csv"), _read(folder / "figures_judged.csv")
    fresh, third = _read(folder / "figures_judged_seed15.csv"), _read(folder / "figures_judged_seed16.csv")
    fourth = _read(folder / "figures_judged_seed17.csv")
    speech = [r for r in judged_q if r["is_speech"] == "y"]
    second_q = _read(folder / "quotes_judged_seed18.csv")
    second_speech = [r for r in second_q if r["is_speech"] == "y"]
    fifth = _read(folder / "figures_judged_seed19.csv")
    return _blind_pairs(folder) | {
            "is_speech": _share(judged_q, "is_speech"), "speaker_right": _share(speech, "speaker_right"),
            "speaker_right_before": _share(speech, "speaker_right_before"),
            "speaker_right_now": _share(speech, "speaker_right_now"),
            "speaker_right_later": _share(speech, "speaker_right_later"),
            "speaker_right_last": _share(speech, "speaker_right_last"),
            "is_speech_seed18": _share(second_q, "is_speech"),
            "speaker_right_seed18": _share(second_speech, "speaker_right"),
            "speaker_right_seed18_later": _share(second_speech, "speaker_right_later"),
            "figure_right": _share(judged_f, "figure_right"),
            "figure_right_now": _share([r for r in judged_f if r["figure_right_now"] != "gone"], "figure_right_now"),
            "figure_right_seed15": _share(fresh, "figure_right"),
            "figure_right_seed15_now": _share(fresh, "figure_right_now"),
            "figure_right_seed15_later": _share(_kept(fresh), "figure_right_later"),
            "figure_right_seed16": _share(third, "figure_right"),
            "figure_right_seed16_later": _share(_kept(third), "figure_right_later"),
            "figure_right_seed17": _share(fourth, "figure_right"),
            "figure_right_seed17_later": _share(_kept(fourth), "figure_right_later"),
            "figure_right_seed17_last": _share([r for r in fourth if r["figure_right_last"] != "gone"],
                                               "figure_right_last"),
            "figure_right_seed19_later": _share(fifth, "figure_right_later")}


BLIND_PAIRS = range(19, 26)  # seeds of the samples of 100 quotes and 100 figures drawn and judged blind together


def _blind_pairs(folder: Path) -> dict[str, float]:
    """`is_speech_seedN`, `speaker_right_seedN` (of the speech quotes) and `figure_right_seedN` of each blind pair."""
    found = {}
    for seed in BLIND_PAIRS:
        quotes = _read(folder / f"quotes_judged_seed{seed}.csv")
        figures = _read(folder / f"figures_judged_seed{seed}.csv")
        found |= {f"is_speech_seed{seed}": _share(quotes, "is_speech"),
                  f"speaker_right_seed{seed}": _share([r for r in quotes if r["is_speech"] == "y"], "speaker_right"),
                  f"figure_right_seed{seed}": _share(figures, "figure_right")}
    return found


def _kept(rows: list[dict]) -> list[dict]:
    """Rows whose figure the later code still reports (a wrong figure no longer found is 'gone')."""
    return [r for r in rows if r["figure_right_later"] != "gone"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("command", choices=("draw", "rates"))
    parser.add_argument("--warehouse")
    parser.add_argument("--out", default=str(FIXTURES))
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args()
    if args.command == "draw":
        draw(args.warehouse, args.out, args.seed)
        return
    for name, rate in rates(Path(args.out)).items():
        print(f"{name:<26}{rate:>6.2f}   target >= {TARGETS[name]:.2f}")


if __name__ == "__main__":
    main()
