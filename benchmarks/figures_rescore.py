"""Re-read the judged figure samples with the current code: which rows now give another figure, or none.

Each judged row (benchmarks/fixtures/figures_judged_seed*.csv) is found again in its article (its `raw` text at the
place whose sentence is the row's sentence), the article is read by today's `find_figures`, and the figure covering
that place is compared with the judged one (value, value_to, unit, what, qualifier). A row whose figure is the same
keeps its verdict; a changed or gone row is printed to be judged by hand. Tuned seeds and held-out seeds are counted
apart.

    .venv/bin/python -m benchmarks.figures_rescore --warehouse WH [--tuned 15,16,17,19] [--held-out 20,21]

WH: a run's warehouse holding abp-dev's articles (stg_articles).
"""

import argparse
import csv
from pathlib import Path

import duckdb

from transforms.compare.figure_sentences import sentence, sentence_stops
from transforms.compare.figures import find_figures

FIXTURES = Path(__file__).resolve().parent / "fixtures"
FIELDS = ("value", "value_to", "unit", "what", "qualifier")


def _key(row: dict) -> tuple:
    value_to = row.get("value_to")
    return (float(row["value"]), float(value_to) if value_to not in (None, "") else None, row["unit"] or None,
            row["what"] or None, row["qualifier"] or None)


def _place(body: str, row: dict) -> int | None:
    """Where a judged row's raw text stands in its body: the occurrence whose sentence is the row's."""
    stops, at = sentence_stops(body), body.find(row["raw"])
    while at >= 0:
        if sentence(body, stops, at)[:400] == row["sentence"][:400]:
            return at
        at = body.find(row["raw"], at + 1)
    return None


def rescore(rows: list[dict], bodies: dict[str, str]) -> list[tuple[dict, str, tuple | None]]:
    """Judged rows + bodies by doc_id -> (row, 'same' | 'changed' | 'gone' | 'lost', the figure now)."""
    out = []
    for row in rows:
        body = bodies.get(row["figure_id"].rsplit(":", 1)[0])
        at = _place(body, row) if body else None
        if at is None:
            out.append((row, "lost", None))
            continue
        end = at + len(row["raw"])
        now = [f for f in find_figures(body) if f.start_char < end and at < f.end_char]
        if not now:
            out.append((row, "gone", None))
            continue
        fig = now[0]
        key = (fig.value, fig.value_to, fig.unit, fig.what, fig.qualifier)
        out.append((row, "same" if key == _key(row) else "changed", (fig.raw, *key)))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--warehouse", required=True)
    parser.add_argument("--tuned", default="15,16,17,19")
    parser.add_argument("--held-out", default="20,21")
    args = parser.parse_args()
    con = duckdb.connect(f"{args.warehouse}/crosswire.duckdb", read_only=True)
    for part, seeds in (("tuned", args.tuned), ("held-out", args.held_out)):
        rows = []
        for seed in seeds.split(","):
            with open(FIXTURES / f"figures_judged_seed{seed}.csv", newline="") as handle:
                rows += [{**r, "seed": seed} for r in csv.DictReader(handle)]
        ids = sorted({r["figure_id"].rsplit(":", 1)[0] for r in rows})
        bodies = dict(con.execute("select doc_id, body from stg_articles where doc_id in (select unnest(?))",
                                  [ids]).fetchall())
        scored = rescore(rows, bodies)
        same = [r for r, state, _ in scored if state == "same"]
        print(f"{part}: {len(rows)} rows, {sum(r['figure_right'] == 'y' for r in rows)} judged right; "
              f"{len(same)} unchanged ({sum(r['figure_right'] == 'y' for r in same)} right)")
        for row, state, now in scored:
            if state != "same":
                print(f"  [{row['seed']} {row['figure_right']}] {state}: {row['raw']!r} {_key(row)} -> {now}"
                      f"\n      {row['error'] or ''}\n      {row['sentence'][:300]}")


if __name__ == "__main__":
    main()
