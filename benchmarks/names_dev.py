"""Entities of a run against hand labels on abp-dev: surfaces of one entity under one id, look-alikes kept apart,
and short or ambiguous names in their article read right. Tuned and held-out rows are scored apart.

    .venv/bin/python -m benchmarks.names_dev --warehouse WAREHOUSE [--labels FILE ...]

WAREHOUSE is a run on ../shared/corpora/abp-dev.jsonl.gz. By default the shared labels (fixtures/names_dev.json) are
scored, then our own (fixtures/names_dev_own.json), then a second set of our own drawn later and labelled blind
(fixtures/names_dev_second.json: 60 short forms in their articles, all held out), each printed on its own.

A labelled surface's entity is read where the articles write it: every occurrence of the surface in the cleaned
bodies (case as written, not inside a longer word or a longer labelled surface; at most SAMPLE per surface) takes
the entity of the mention that covers most of it, or none; the surface's entity is the most frequent answer (none
included, so a surface the run mostly does not resolve has none). An in-article case is found in its article's
body through its context; it is right when a mention covering it has the labelled entity: the entity the run
gives the labelled full name in that article or across the corpus, or one whose name or aliases fold to it.
"""

import argparse
import json
import re
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

import ahocorasick
import duckdb
import pyarrow as pa

from transforms.names.gazetteer import key_of

FIXTURES = Path(__file__).parent / "fixtures"
LABELS = [p for p in (FIXTURES / "names_dev.json", FIXTURES / "names_dev_own.json", FIXTURES / "names_dev_second.json")
          if p.is_file()]
TARGETS = "targets: same-entity pairs under one id >= 0.95, look-alikes merged 0, in-article cases right >= 0.95"
SAMPLE = 300  # occurrences read per surface: enough for a majority, bounded for 'Trump' (90,000 times)
_WORD_CHAR = re.compile(r"\w")


def _occurrences(con, surfaces: set[str]) -> dict[str, list[tuple[str, int, int]]]:
    """Labelled surfaces -> up to SAMPLE (doc_id, start, end) where the bodies write them, in doc_id order."""
    automaton = ahocorasick.Automaton()
    for surface in surfaces:
        automaton.add_word(surface, surface)
    automaton.make_automaton()
    found: dict[str, list] = defaultdict(list)
    cursor = con.execute("select doc_id, body from articles order by doc_id")
    while rows := cursor.fetchmany(2000):
        for doc_id, body in rows:
            hits = []
            for end, surface in automaton.iter(body):
                start, end = end - len(surface) + 1, end + 1
                if not ((start and _WORD_CHAR.match(body[start - 1])) or
                        (end < len(body) and _WORD_CHAR.match(body[end]))):
                    hits.append((start, end, surface))
            for start, end, surface in _outermost(hits):
                if len(found[surface]) < SAMPLE:
                    found[surface].append((doc_id, start, end))
    return found


def _outermost(hits: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Hits not inside a longer labelled surface: 'Chad' in 'Chad Wolf' is an occurrence of 'Chad Wolf' only."""
    hits.sort(key=lambda h: (h[0], -h[1]))
    kept, reach = [], -1
    for start, end, surface in hits:
        if end <= reach:
            continue
        kept.append((start, end, surface))
        reach = max(reach, end)
    return kept


def _covering(spans: list[tuple[int, int, str]], start: int, end: int) -> str | None:
    best = max(((min(end, b) - max(start, a), entity_id) for a, b, entity_id in spans if a < end and start < b),
               default=None)
    return best[1] if best else None


def surface_ids(con, surfaces: set[str]) -> dict[str, str | None]:
    """Labelled surfaces -> the entity the run gives most of their occurrences (None: mostly no mention)."""
    places = _occurrences(con, surfaces)
    docs = sorted({doc for hits in places.values() for doc, _, _ in hits})
    spans: dict[str, list] = defaultdict(list)
    con.register("wanted", pa.table({"doc_id": docs}))
    for doc_id, start, end, entity_id in con.execute(
            "select doc_id, start_char, end_char, entity_id from mentions where doc_id in (select doc_id from wanted)"
    ).fetchall():
        spans[doc_id].append((start, end, entity_id))
    ids = {}
    for surface, hits in places.items():
        if not hits:
            continue
        votes = Counter(_covering(spans[doc], start, end) for doc, start, end in hits)
        ids[surface] = max(votes.items(), key=lambda kv: (kv[1], kv[0] or ""))[0]
    return ids


def score_entities(rows: list[dict], ids: dict) -> tuple[int, int, list]:
    """Labelled entities -> (same-entity surface pairs under one id, pairs, the pairs split)."""
    same = total = 0
    split = []
    for row in rows:
        surfaces = sorted(set(row["surfaces"]) - set(row.get("ambiguous_surfaces", [])))
        for a, b in combinations(surfaces, 2):
            total += 1
            if ids.get(a) is not None and ids.get(a) == ids.get(b):
                same += 1
            else:
                split.append((row["key"], a, ids.get(a), b, ids.get(b)))
    return same, total, split


def score_lookalikes(rows: list[dict], ids: dict) -> list:
    """Look-alike pairs -> those that share an entity id."""
    return [(r["a"], r["b"], ids[r["a"]]) for r in rows
            if ids.get(r["a"]) is not None and ids[r["a"]] == ids.get(r["b"])]


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
    context = case.get("context") or case["surface"]
    found = re.search(r"\s+".join(map(re.escape, context.split())), body)
    if not found:
        return None
    inner = re.search(re.escape(case["surface"]), body[found.start():found.end()])
    return found.start() + (inner.start() if inner else 0)


def _expected_ids(name: str, body: str, mentions: list[tuple], ids: dict) -> set[str]:
    """The labelled full name -> the entities the run gives it in this article and across the corpus."""
    found = {_covering([(a, b, e) for a, b, e, *_ in mentions], m.start(), m.end())
             for m in re.finditer(re.escape(name), body)}
    return (found | {ids.get(name)}) - {None}


def judge_case(case: dict, body: str | None, mentions: list[tuple], ids: dict) -> str | None:
    """One in-article case -> None when the run reads it as labelled, else why not."""
    if body is None:
        return "article not in the run"
    start = _locate(body, case)
    if start is None:
        return "context not found in the cleaned body"
    end = start + len(case["surface"])
    covering = [m for m in mentions if m[0] < end and start < m[1]]
    expected = case["expected"]
    if expected["kind"] == "entity":
        names, wanted = {key_of(expected["name"])}, _expected_ids(expected["name"], body, mentions, ids)
        hits = [m for m in covering if m[2] in wanted or key_of(m[3]) in names or names & {key_of(a) for a in m[4]}]
        return None if hits else f"read as {[m[3] for m in covering] or 'nothing'}"
    if expected["kind"] == "longer_name":
        short = [m for m in covering if (m[0], m[1]) == (start, end)]
        return None if not short else f"read as the shorter {short[0][3]}"
    return None if not covering else f"read as {[m[3] for m in covering]}"


def score(con, labels: dict, examples: int) -> None:
    """Print the three figures for the tuned and the held-out rows of one labels file."""
    surfaces = {s for r in labels["entities"] for s in r["surfaces"]} | \
        {s for r in labels["lookalikes"] for s in (r["a"], r["b"])} | \
        {c["expected"]["name"] for c in labels["in_article"] if c["expected"].get("name")}
    ids = surface_ids(con, surfaces)
    for split in ("tune", "heldout"):
        entities = [r for r in labels["entities"] if r["split"] == split]
        pairs = [r for r in labels["lookalikes"] if r["split"] == split]
        same, total, apart = score_entities(entities, ids)
        merged = score_lookalikes(pairs, ids)
        cases = [c for c in labels["in_article"] if c["split"] == split]
        wrong = []
        for case in cases:
            why = judge_case(case, *_article_mentions(con, case["article_id"]), ids)
            if why:
                wrong.append((case["case"], case["surface"], case["expected"], why))
        print(f"\n{split}: {len(entities)} entities, {len(pairs)} look-alike pairs, {len(cases)} in-article cases")
        print(f"  same-entity surface pairs under one id {same}/{total} = {same / total if total else 0:.3f}")
        print(f"  look-alike pairs merged {len(merged)}")
        right = len(cases) - len(wrong)
        print(f"  in-article cases right {right}/{len(cases)} = {right / len(cases) if cases else 0:.3f}")
        _examples(apart, merged, wrong, examples)


def _examples(apart: list, merged: list, wrong: list, n: int) -> None:
    # The surfaces that split most pairs first: one unresolved surface of a big entity splits many.
    worst = Counter((key, s, i) for key, a, ia, b, ib in apart for s, i in ((a, ia), (b, ib)))
    for (key, surface, entity_id), count in worst.most_common(n):
        print(f"    apart: {key} {surface!r} -> {entity_id} ({count} pairs)")
    for row in merged[:n]:
        print("    merged:", row)
    for row in wrong[:n]:
        print("    wrong:", row)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--warehouse", required=True)
    parser.add_argument("--labels", nargs="*", default=[str(p) for p in LABELS])
    parser.add_argument("--examples", type=int, default=8)
    args = parser.parse_args()
    con = duckdb.connect(f"{args.warehouse}/crosswire.duckdb", read_only=True)
    print(TARGETS)
    for path in args.labels:
        print(f"\n== {Path(path).name}")
        score(con, json.loads(Path(path).read_text()), args.examples)


if __name__ == "__main__":
    main()
