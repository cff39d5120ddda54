"""Articles + entity table -> mentions, candidate mentions and the name_candidates summary."""

from collections import defaultdict
from collections.abc import Iterable, Mapping

import pyarrow as pa

from transforms.names import build_index, find_names
from transforms.variant_mentions import resolve_variants, variant_matcher
from warehouse.contracts import CANDIDATE_MENTIONS, ENTITIES, MENTIONS, NAME_CANDIDATES

ENTITY_TYPES = ("person", "organisation", "place")


def parse_entities(rows: Iterable[Mapping[str, str]]) -> pa.Table:
    """CSV rows (entity_id, canonical_name, entity_type, aliases 'a|b') -> ENTITIES table; raises on bad rows."""
    out, seen = [], set()
    for n, row in enumerate(rows, start=2):
        entity_id = (row.get("entity_id") or "").strip()
        kind = (row.get("entity_type") or "").strip()
        name = (row.get("canonical_name") or "").strip()
        if not entity_id or not name or kind not in ENTITY_TYPES:
            raise ValueError(f"entities row {n}: needs entity_id, canonical_name and a type in {ENTITY_TYPES}")
        if entity_id in seen:
            raise ValueError(f"entities row {n}: duplicate entity_id {entity_id!r}")
        seen.add(entity_id)
        aliases = sorted({a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()})
        out.append({"entity_id": entity_id, "canonical_name": name, "entity_type": kind, "aliases": aliases})
    return pa.Table.from_pylist(out, schema=ENTITIES)


def extract_mentions(articles: pa.Table, entities: pa.Table) -> tuple[pa.Table, pa.Table]:
    """Articles (doc_id, body) + ENTITIES -> (mentions, candidate_mentions); offsets index into body.

    Names the alias table does not list are matched against its known spellings (match_kind 'variant')."""
    rows = entities.to_pylist()
    index, matcher = build_index(rows), variant_matcher(rows)
    mentions, candidates = [], []
    for doc_id, body in zip(articles["doc_id"].to_pylist(), articles["body"].to_pylist(), strict=True):
        found, unmatched = resolve_variants(body, *find_names(body, index), matcher)
        broken = [m for m in found if body[m.start_char:m.end_char] != m.surface]
        if broken:  # offsets are the contract with articles.body: a mismatch is a bug, never data
            raise ValueError(f"mention offsets do not match the body of {doc_id}: {broken[0]}")
        mentions.extend({"doc_id": doc_id, **m.__dict__} for m in found)
        candidates.extend({"doc_id": doc_id, **c.__dict__} for c in unmatched)
    return (
        pa.Table.from_pylist(mentions, schema=MENTIONS),
        pa.Table.from_pylist(candidates, schema=CANDIDATE_MENTIONS),
    )


def summarise_candidates(candidate_mentions: pa.Table, articles: pa.Table) -> pa.Table:
    """Candidate mentions + articles (doc_id, outlet_name or outlet) -> NAME_CANDIDATES, most mentioned first."""
    outlet = "outlet_name" if "outlet_name" in articles.column_names else "outlet"
    outlet_of = dict(zip(articles["doc_id"].to_pylist(), articles[outlet].to_pylist(), strict=True))
    groups: dict[str, dict] = {}
    for row in candidate_mentions.to_pylist():
        group = groups.setdefault(row["surface"], {"n": 0, "docs": {}, "outlets": set(), "notes": defaultdict(int)})
        group["n"] += 1
        group["docs"].setdefault(row["doc_id"], None)  # an ordered set: the first article is the example
        group["outlets"].add(outlet_of.get(row["doc_id"], "unknown"))
        if row["note"]:
            group["notes"][row["note"]] += 1
    rows = [{
        "surface": surface, "n_mentions": g["n"], "n_articles": len(g["docs"]), "outlets": sorted(g["outlets"]),
        "note": max(g["notes"], key=g["notes"].get) if g["notes"] else None, "example_doc_id": next(iter(g["docs"])),
    } for surface, g in groups.items()]
    rows.sort(key=lambda r: (-r["n_mentions"], -r["n_articles"], r["surface"]))
    return pa.Table.from_pylist(rows, schema=NAME_CANDIDATES)
