"""Resolved names -> ENTITIES rows, their spellings summed and ranked in Arrow.

An entity's spellings are the surfaces of the names linked to it, summed by surface. They are grouped and ranked in
Arrow and read a slice at a time, so that no Python container is held per distinct name and surface: only one
entity's spellings at a time become Python strings."""

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from itertools import groupby
from operator import itemgetter

import pyarrow as pa
import pyarrow.compute as pc

from warehouse.contracts import ENTITIES

MAX_ALIASES = 30
SLICE = 50_000  # rows turned into Python objects at once


def entity_types(members: Iterable[tuple[str, str, int]]) -> dict[str, str]:
    """(entity id, type, mentions) of each linked name, in link order -> each entity's type: that of its one name,
    or the type most of its names' mentions give (the first met on a tie)."""
    found: dict[str, tuple[str, int] | Counter] = {}
    for entity_id, entity_type, mentions in members:
        seen = found.get(entity_id)
        if seen is None:  # most entities: one name, nothing to add up
            found[entity_id] = (entity_type, mentions)
            continue
        if isinstance(seen, tuple):
            seen = found[entity_id] = Counter({seen[0]: seen[1]})
        seen[entity_type] += mentions
    return {e: t[0] if isinstance(t, tuple) else max(t.items(), key=itemgetter(1))[0] for e, t in found.items()}


def top_surfaces(totals: pa.Table) -> pa.Table:
    """NAME_TOTALS -> (entity_id, surface): each name's most used surface (the greatest on a tie), sorted by name."""
    by_surface = _summed(totals, totals["entity_id"])
    ranked = by_surface.sort_by([("entity_id", "ascending"), ("count", "descending"), ("surface", "descending")])
    first = ranked.group_by("entity_id", use_threads=False).aggregate([("surface", "first")])
    return first.rename_columns(["entity_id", "surface"]).sort_by("entity_id")


def entity_rows(totals: pa.Table, name_ids: pa.Array, entity_ids: pa.Array, types: Mapping[str, str],
                renamed: Mapping[str, str], curated_ids: set[str]) -> pa.Table:
    """NAME_TOTALS + each linked name's entity (name_ids -> entity_ids) + each entity's type + the names review gave
    + the entity table's ids -> ENTITIES rows of the other entities (counts 0), sorted by id."""
    entity = pc.take(entity_ids, pc.index_in(totals["entity_id"], value_set=name_ids))
    keep = pc.and_(pc.is_valid(entity), pc.invert(pc.is_in(entity, value_set=pa.array(sorted(curated_ids),
                                                                                       pa.string()))))
    ranked = _summed(totals.filter(keep), entity.filter(keep)).sort_by(
        [("entity_id", "ascending"), ("count", "descending"), ("surface", "ascending")])
    chunks, rows = [], []
    for entity_id, spellings in groupby(_pairs(ranked), key=itemgetter(0)):
        ranked_spellings = [s for _, s in spellings]
        # its most used full form, in plain case where it has one ('Amy Goodman', not a transcript's 'AMY GOODMAN')
        full = [s for s in ranked_spellings if " " in s]
        canonical = renamed.get(entity_id, next((s for s in full if not s.isupper()),
                                                full[0] if full else ranked_spellings[0]))
        rows.append((entity_id, canonical, types[entity_id],
                     sorted(set(ranked_spellings[:MAX_ALIASES]) - {canonical})))
        if len(rows) == SLICE:
            chunks.append(_table(rows))
            rows = []
    return pa.concat_tables(chunks + [_table(rows)])


def _summed(totals: pa.Table, entity: pa.Array | pa.ChunkedArray) -> pa.Table:
    """NAME_TOTALS rows + the entity of each -> (entity_id, surface, count): mentions summed by entity and surface."""
    pairs = pa.table({"entity_id": entity, "surface": totals["surface"], "count": totals["count_mentions"]})
    grouped = pairs.group_by(["entity_id", "surface"], use_threads=False).aggregate([("count", "sum")])
    return grouped.rename_columns(["entity_id", "surface", "count"])


def _pairs(ranked: pa.Table) -> Iterator[tuple[str, str]]:
    for start in range(0, ranked.num_rows, SLICE):
        part = ranked.slice(start, SLICE)
        yield from zip(part["entity_id"].to_pylist(), part["surface"].to_pylist(), strict=True)


def _table(rows: list[tuple]) -> pa.Table:
    columns = list(zip(*rows, strict=True)) if rows else [[], [], [], []]
    n = len(rows)
    return pa.table({"entity_id": columns[0], "canonical_name": columns[1], "entity_type": columns[2],
                     "aliases": columns[3], "is_curated": [False] * n, "count_mentions": [0] * n,
                     "count_articles": [0] * n}, schema=ENTITIES)
