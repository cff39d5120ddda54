"""Re-read the judged mentions (fixtures/mention_judgements.json) with the current code: which spans it now reads
otherwise, or not at all.

Each judged mention is found again in its article's body (at its offsets, or through its context), the article is read
by today's names stage (`extract_mentions` with the seed entity table, one article at a time: no corpus-wide
resolution), and the mentions covering the judged span are recorded: the same span, other spans, or none. Two runs
are compared (`--save` with one state of the code, `--compare` with another), so what the corpus-wide steps do and the
seed table lacks cancels out. Tuned sets print each changed row with its verdict; the held-out set (the last one)
prints only how many of its rows changed: no surface, context or verdict, as those with a list of its wrong rows
would give the verdicts away. Score it with a fresh blind sample instead.

    .venv/bin/python -m benchmarks.mention_rescore --warehouse WH --save FILE
    .venv/bin/python -m benchmarks.mention_rescore --warehouse WH --compare FILE

WH: a run's warehouse holding abp-dev's articles.
"""

import argparse
import json
from pathlib import Path

import duckdb
import pyarrow as pa

from flows import storage
from flows.settings import SETTINGS
from transforms.names.mentions import extract_mentions, parse_entities

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _place(body: str, row: dict) -> int | None:
    """Where a judged mention starts in its body: at its offset, or where its context is found."""
    start, surface = row["start_char"], row["surface"]
    if body[start:start + len(surface)] == surface:
        return start
    lead = start - max(start - 121, 0)  # the context opens up to 120 characters before (1-based substr)
    found = body.find(row["context"])
    for at in (found + lead, found + lead - 1, found + lead + 1) if found >= 0 else ():
        if body[at:at + len(surface)] == surface:
            return at
    return None


def read_all(warehouse: str, sets: list[dict]) -> list[list[str | None]]:
    """Judged sets -> per row, the surfaces of today's mentions overlapping its span ('=' for the same span), or None
    when its article or span is not found."""
    ids = sorted({r["article_id"] for s in sets for r in s["rows"]})
    con = duckdb.connect(f"{warehouse}/crosswire.duckdb", read_only=True)
    bodies = dict(con.execute("select external_id, body from articles where external_id in (select unnest(?))",
                              [ids]).fetchall())
    entities = parse_entities(storage.read_entities(SETTINGS.entities_file)[0])
    found_ids = [i for i in ids if i in bodies]
    mentions, _ = extract_mentions(pa.table({"doc_id": found_ids, "body": [bodies[i] for i in found_ids]}), entities)
    by_doc: dict[str, list[tuple[int, int, str]]] = {}
    for m in mentions.select(["doc_id", "start_char", "end_char", "surface"]).to_pylist():
        by_doc.setdefault(m["doc_id"], []).append((m["start_char"], m["end_char"], m["surface"]))
    out = []
    for judged in sets:
        rows = []
        for r in judged["rows"]:
            body = bodies.get(r["article_id"])
            at = _place(body, r) if body else None
            if at is None:
                rows.append(None)
                continue
            end = at + len(r["surface"])
            over = [(s, e, surface) for s, e, surface in by_doc.get(r["article_id"], []) if s < end and e > at]
            rows.append(["="] if any((s, e) == (at, end) for s, e, _ in over) else [o[2] for o in over])
        out.append(rows)
    return out


def compare(sets: list[dict], before: list, after: list) -> None:
    """Prints the rows read otherwise now: tuned sets with their verdicts, the held-out set as a count only."""
    for n, (judged, old, new) in enumerate(zip(sets, before, after, strict=True)):
        held_out = n == len(sets) - 1
        changed = [(r, o, w) for r, o, w in zip(judged["rows"], old, new, strict=True) if o != w]
        print(f"set {n} ({'held out' if held_out else 'tuned'}): {len(changed)} of {len(judged['rows'])} read "
              f"otherwise")
        if held_out:
            continue
        for r, o, w in changed:
            print(f"  {r['surface']!r} [{r['verdict']}: {r['error'] or ''}] {o} -> {w} | {r['context'][60:240]!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--warehouse", required=True)
    parser.add_argument("--judged", default=str(FIXTURES / "mention_judgements.json"))
    parser.add_argument("--save")
    parser.add_argument("--compare")
    args = parser.parse_args()
    sets = json.loads(Path(args.judged).read_text())["sets"]
    now = read_all(args.warehouse, sets)
    if args.save:
        Path(args.save).write_text(json.dumps(now))
    if args.compare:
        compare(sets, json.loads(Path(args.compare).read_text()), now)


if __name__ == "__main__":
    main()
