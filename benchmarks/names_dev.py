"""Discovered entities against hand labels on abp-dev: surfaces of one entity under one id, look-alikes kept apart,
and short or ambiguous names in their article read right. Tuned and held-out rows are scored apart.

    .venv/bin/python -m benchmarks.names_dev --warehouse WAREHOUSE [--labels benchmarks/fixtures/names_dev_own.json]

WAREHOUSE is a run on ../shared/corpora/abp-dev.jsonl.gz. A surface's entity is the one most of its mentions
resolve to; a labelled in-article case is found in its article's cleaned body through its context.
"""

import argparse
import json
from itertools import combinations
from pathlib import Path

import duckdb

from transforms.names.gazetteer import key_of

# The shared labels when present, else the labels made with this benchmark (same format).
DEFAULT = next((p for p in (Path(__file__).parent / "fixtures" / n for n in ("names_dev.json", "names_dev_own.json"))
                if p.is_file()), Path(__file__).parent / "fixtures" / "names_dev_own.json")
TARGETS = "targets: same-entity pairs under one id >= 0.95, look-alikes merged 0, in-article cases right >= 0.95"
SURFACE_IDS = """
select surface, entity_id, count(*) as n from mentions group by all
"""


def surface_ids(con) -> dict[str, str]:
    """Surface as written -> the entity most of its mentions resolve to."""
    best: dict[str, tuple[int, str]] = {}
    for surface, entity_id, n in con.execute(SURFACE_IDS).fetchall():
        best[surface] = max(best.get(surface, (0, "")), (n, entity_id))
    return {s: e for s, (_, e) in best.items()}


def _id(surface: str, ids: dict[str, str], folded: dict[str, str]) -> str | None:
    return ids.get(surface) or folded.get(key_of(surface))


def score_entities(rows: list[dict], ids: dict, folded: dict) -> tuple[int, int, list]:
    """Labelled entities -> (same-entity surface pairs under one id, pairs, the pairs split)."""
    same = total = 0
    split = []
    for row in rows:
        surfaces = [s for s in row["surfaces"] if s not in set(row.get("ambiguous_surfaces", []))]
        for a, b in combinations(sorted(set(surfaces)), 2):
            total += 1
            ida, idb = _id(a, ids, folded), _id(b, ids, folded)
            if ida is not None and ida == idb:
                same += 1
            else:
                split.append((row["key"], a, ida, b, idb))
    return same, total, split


def score_lookalikes(rows: list[dict], ids: dict, folded: dict) -> list:
    """Look-alike pairs -> those that share an entity id."""
    merged = []
    for row in rows:
        ida, idb = _id(row["a"], ids, folded), _id(row["b"], ids, folded)
        if ida is not None and ida == idb:
            merged.append((row["a"], row["b"], ida))
    return merged


def _article_mentions(con, external_id: str) -> tuple[str | None, list[tuple]]:
    found = con.execute("select doc_id, body from articles where external_id = ?", [external_id]).fetchone()
    if not found:
        return None, []
    rows = con.execute("""select m.start_char, m.end_char, m.entity_id, e.canonical_name, e.aliases
                          from mentions as m inner join entities as e on m.entity_id = e.entity_id
                          where m.doc_id = ?""", [found[0]]).fetchall()
    return found[1], rows


def _locate(body: str, case: dict) -> int | None:
    """Where the case's surface is in the cleaned body: its context found with any run of spaces between words."""
    import re

    context = case.get("context") or case["surface"]
    found = re.search(r"\s+".join(map(re.escape, context.split())), body)
    if not found:
        return None
    inner = re.search(re.escape(case["surface"]), body[found.start():found.end()])
    return found.start() + (inner.start() if inner else 0)


def judge_case(case: dict, body: str | None, mentions: list[tuple]) -> str | None:
    """One in-article case -> None when the run reads it as labelled, else why not."""
    if body is None:
        return "article not in the run"
    start = _locate(body, case)
    if start is None:
        return "context not found in the cleaned body"
    end = start + len(case["surface"])
    covering = [m for m in mentions if m[0] < end and start < m[1]]
    exact = [m for m in covering if (m[0], m[1]) == (start, end) or body[m[0]:m[1]].startswith(case["surface"])]
    expected = case["expected"]
    if expected["kind"] == "entity":
        names = {key_of(expected["name"])}
        hits = [m for m in covering if key_of(m[3]) in names or names & {key_of(a) for a in m[4]}]
        return None if hits else f"read as {[m[3] for m in covering] or 'nothing'}"
    if expected["kind"] == "longer_name":
        short = [m for m in exact if (m[0], m[1]) == (start, end)]
        return None if not short else f"read as the shorter {short[0][3]}"
    return None if not covering else f"read as {[m[3] for m in covering]}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--warehouse", required=True)
    parser.add_argument("--labels", default=str(DEFAULT))
    parser.add_argument("--examples", type=int, default=8)
    args = parser.parse_args()
    labels = json.loads(Path(args.labels).read_text())
    con = duckdb.connect(f"{args.warehouse}/crosswire.duckdb", read_only=True)
    ids = surface_ids(con)
    folded: dict[str, str] = {}
    for surface, entity_id in sorted(ids.items()):
        folded.setdefault(key_of(surface), entity_id)
    print(TARGETS)
    for split in ("tune", "heldout"):
        entities = [r for r in labels["entities"] if r["split"] == split]
        same, total, apart = score_entities(entities, ids, folded)
        merged = score_lookalikes([r for r in labels["lookalikes"] if r["split"] == split], ids, folded)
        cases = [c for c in labels["in_article"] if c["split"] == split]
        wrong = []
        for case in cases:
            why = judge_case(case, *_article_mentions(con, case["article_id"]))
            if why:
                wrong.append((case["surface"], case["expected"], why))
        print(f"\n{split}: {len(entities)} entities, {sum(1 for r in labels['lookalikes'] if r['split'] == split)} "
              f"look-alike pairs, {len(cases)} in-article cases")
        print(f"  same-entity surface pairs under one id {same}/{total} = {same / total if total else 0:.3f}")
        print(f"  look-alike pairs merged {len(merged)}")
        right = len(cases) - len(wrong)
        print(f"  in-article cases right {right}/{len(cases)} = {right / len(cases) if cases else 0:.3f}")
        for row in apart[:args.examples]:
            print("    apart:", row)
        for row in merged[:args.examples]:
            print("    merged:", row)
        for row in wrong[:args.examples]:
            print("    wrong:", row)


if __name__ == "__main__":
    main()
