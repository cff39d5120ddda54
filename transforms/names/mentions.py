"""Articles + entity table -> mentions, candidate mentions and the name_candidates summary."""

from collections.abc import Iterable, Mapping

import pyarrow as pa
import pyarrow.compute as pc

from transforms.names.discovery import PERSON_KINDS, PREFIX, discover
from transforms.names.matching import build_index, find_names
from transforms.names.name_words import name_type
from transforms.names.variant_mentions import resolve_variants, variant_matcher
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
        out.append({"entity_id": entity_id, "canonical_name": name, "entity_type": kind, "aliases": aliases,
                    "is_curated": True, "count_mentions": 0, "count_articles": 0})
    return pa.Table.from_pylist(out, schema=ENTITIES)


def extract_mentions(articles: pa.Table, entities: pa.Table) -> tuple[pa.Table, pa.Table]:
    """Articles (doc_id, body) + ENTITIES -> (mentions, candidate_mentions); offsets index into body.

    Names the alias table does not list are matched against its known spellings (match_kind 'variant'); the rest
    become mentions of discovered entities under provisional ids (see `discovery`)."""
    rows = entities.to_pylist()
    index, matcher = build_index(rows), variant_matcher(rows)
    mentions, candidates = [], []
    for doc_id, body in zip(articles["doc_id"].to_pylist(), articles["body"].to_pylist(), strict=True):
        found, unmatched = discover(body, *resolve_variants(body, *find_names(body, index), matcher))
        broken = [m for m in found if body[m.start_char:m.end_char] != m.surface]
        if broken:  # offsets are the contract with articles.body: a mismatch is a bug, never data
            raise ValueError(f"mention offsets do not match the body of {doc_id}: {broken[0]}")
        mentions.extend((doc_id, *m.__dict__.values()) for m in found)
        candidates.extend((doc_id, *c.__dict__.values()) for c in unmatched)
    return _columns(mentions, MENTIONS), _columns(candidates, CANDIDATE_MENTIONS)


def _columns(rows: list[tuple], schema: pa.Schema) -> pa.Table:
    """Row tuples in the schema's field order -> a table built column by column (no dict per row)."""
    columns = list(zip(*rows, strict=True)) if rows else [()] * len(schema)
    return pa.table([pa.array(c, f.type) for c, f in zip(columns, schema, strict=True)], schema=schema)


def summarise_candidates(candidate_mentions: pa.Table, articles: pa.Table) -> pa.Table:
    """Candidate mentions + articles (doc_id, outlet_name or outlet) -> NAME_CANDIDATES, most mentioned first.

    Per surface: mentions, distinct articles, their outlets ('unknown' for an article not given), the most frequent
    note (the first seen on a tie) and the first article as the example. Grouped in Arrow on integer codes of
    surfaces, articles and outlets, so memory stays a few bytes per mention."""
    outlet = "outlet_name" if "outlet_name" in articles.column_names else "outlet"
    surfaces = pc.unique(candidate_mentions["surface"])
    outlets = pc.unique(articles[outlet]).to_pylist()
    outlet_codes = pc.index_in(articles[outlet], value_set=pa.array(outlets, pa.string()))
    in_articles = pc.index_in(candidate_mentions["doc_id"], value_set=articles["doc_id"].combine_chunks())
    rows = pa.table({
        "surface": pc.index_in(candidate_mentions["surface"], value_set=surfaces),
        "doc": pc.index_in(candidate_mentions["doc_id"], value_set=pc.unique(candidate_mentions["doc_id"])),
        "outlet": pc.fill_null(pc.take(outlet_codes, in_articles), len(outlets)),
        "row": pa.array(range(candidate_mentions.num_rows), pa.int64()),
    })
    groups = rows.group_by("surface").aggregate([
        ("doc", "count"), ("doc", "count_distinct"), ("outlet", "distinct"), ("row", "min")])
    noted = pa.table({"surface": rows["surface"], "note": candidate_mentions["note"], "row": rows["row"]})
    noted = noted.filter(pc.is_valid(noted["note"]))
    notes = noted.group_by(["surface", "note"]).aggregate([("row", "count"), ("row", "min")])
    best_note: dict[int, tuple[int, int, str]] = {}
    for code, note, n, first in zip(*(notes[c].to_pylist() for c in ("surface", "note", "row_count", "row_min")),
                                    strict=True):
        best_note[code] = min(best_note.get(code, (0, 0, "")), (-n, first, note))
    names = outlets + ["unknown"]
    codes = groups["surface"].to_pylist()
    summary = pa.table({
        "surface": pc.take(surfaces, groups["surface"]),
        "n_mentions": groups["doc_count"].cast(pa.int32()),
        "n_articles": groups["doc_count_distinct"].cast(pa.int32()),
        "outlets": [sorted(names[o] for o in found) for found in groups["outlet_distinct"].to_pylist()],
        "note": [best_note[c][2] if c in best_note else None for c in codes],
        "example_doc_id": pc.take(candidate_mentions["doc_id"], groups["row_min"]),
    }, schema=NAME_CANDIDATES)
    order = pc.sort_indices(summary, [("n_mentions", "descending"), ("n_articles", "descending"),
                                      ("surface", "ascending")])
    return summary.take(order)


def with_discovered(entities: pa.Table, mentions: pa.Table) -> pa.Table:
    """ENTITIES + a batch's MENTIONS -> ENTITIES with a row per provisional id of a discovered name, typed from its
    words (a surname resolved in its article, or a titled one, is a person's), for the stages that need types."""
    discovered = mentions.filter(pc.starts_with(mentions["entity_id"], PREFIX))
    pairs = discovered.group_by(["entity_id", "match_kind"], use_threads=False).aggregate([])
    people = set()
    for name_id, kind in zip(pairs["entity_id"].to_pylist(), pairs["match_kind"].to_pylist(), strict=True):
        if kind in PERSON_KINDS:
            people.add(name_id)
    ids = sorted(set(pairs["entity_id"].to_pylist()))
    rows = [{"entity_id": i, "canonical_name": i, "aliases": [], "is_curated": False, "count_mentions": 0,
             "count_articles": 0, "entity_type": "person" if i in people else name_type(tuple(i[2:].split("-")))}
            for i in ids]
    return pa.concat_tables([entities, pa.Table.from_pylist(rows, schema=ENTITIES)])


def curated_only(mentions: pa.Table) -> pa.Table:
    """MENTIONS -> those of the entity table's entities (no provisional ids of discovered names)."""
    return mentions.filter(pc.invert(pc.starts_with(mentions["entity_id"], PREFIX)))
