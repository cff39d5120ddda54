"""Precision of mentions judged by hand: sets of 200 random mentions of abp-dev runs (one set per judged state of
the code, each with its own seed), each mention with its verdict and, when wrong, the kind of error. Prints each
set's rate and errors by kind, the last set being the current one; `--sample` draws a new set to judge.

    .venv/bin/python -m benchmarks.mention_precision [--judged benchmarks/fixtures/mention_judgements.json]
    .venv/bin/python -m benchmarks.mention_precision --sample WAREHOUSE --out FILE [--n 200] [--seed 13]
"""

import argparse
import json
from collections import Counter
from pathlib import Path

DEFAULT = Path(__file__).parent / "fixtures" / "mention_judgements.json"
SAMPLE = """
select a.external_id as article_id, a.outlet_name, m.surface, m.start_char, m.end_char, m.match_kind,
       m.entity_id, e.canonical_name, e.entity_type, e.is_curated,
       substr(a.body, greatest(m.start_char - 120, 1), m.end_char - m.start_char + 240) as context
from mentions as m
inner join articles as a on m.doc_id = a.doc_id
inner join entities as e on m.entity_id = e.entity_id
order by hash(m.doc_id || m.start_char::varchar || ?)
limit ?
"""


def sample(warehouse: str, n: int, seed: int) -> list[dict]:
    """A warehouse -> n mentions drawn at random (the same for the same seed and run), to be judged."""
    import duckdb

    con = duckdb.connect(f"{warehouse}/crosswire.duckdb", read_only=True)
    cursor = con.execute(SAMPLE, [str(seed), n])
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row, strict=True)) | {"verdict": None, "error": None} for row in cursor.fetchall()]


def report(rows: list[dict]) -> None:
    """Judged rows -> printed precision and errors by kind."""
    judged = [r for r in rows if r["verdict"] in ("right", "wrong")]
    right = sum(r["verdict"] == "right" for r in judged)
    print(f"{len(judged)} mentions judged: {right} right, precision {right / len(judged):.3f} (target >= 0.98)")
    kinds = Counter(r["error"] for r in judged if r["verdict"] == "wrong")
    for kind, n in kinds.most_common():
        print(f"  {kind}: {n}")
    by_kind = Counter((r["match_kind"], r["verdict"]) for r in judged)
    print("  by match_kind:", dict(sorted(by_kind.items())))
    mistyped = sum(bool(r.get("type_error")) for r in judged)
    print(f"  entity type wrong, mention right: {mistyped}; right and typed right {right - mistyped}, precision "
          f"{(right - mistyped) / len(judged):.3f}")
    retyped = sum(bool(r.get("type_error") and r.get("type_fixed_after")) for r in judged)
    if retyped:
        print(f"  of those, typed right by later commits (re-checked, not judged afresh): {retyped}")
    fixed = [r for r in judged if r.get("fixed_after")]
    if fixed:
        print(f"  wrong ones whose kind of error later commits fix: {len(fixed)}; precision without them "
              f"{right / (len(judged) - len(fixed)):.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--judged", default=str(DEFAULT))
    parser.add_argument("--sample", help="a warehouse to draw mentions from")
    parser.add_argument("--out")
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    if args.sample:
        Path(args.out).write_text(json.dumps(sample(args.sample, args.n, args.seed), indent=1, default=str))
        return
    for judged in json.loads(Path(args.judged).read_text())["sets"]:
        print(judged["about"])
        report(judged["rows"])
        print()


if __name__ == "__main__":
    main()
