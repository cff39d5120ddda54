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
    types: dict[str, str] = {}
    first: dict[str, int] = {}  # the mentions of an entity's first name: most entities have one name and no more
    several: dict[str, Counter] = {}
    for entity_id, entity_type, mentions in members:
        known = types.get(entity_id)
        if known is None:
            types[entity_id], first[entity_id] = entity_type, mentions
            continue
        if entity_id not in several:
            several[entity_id] = Counter({known: first[entity_id]})
        several[entity_id][entity_type] += mentions
    del first
    for entity_id, by_type in several.items():
        types[entity_id] = max(by_type.items(), key=itemgetter(1))[0]
    return types


def name_groups(totals: pa.Table) -> tuple[list[str], Counter, dict[str, frozenset[str]]]:
    """NAME_TOTALS -> (the names, sorted; mentions by name; match kinds by name, a few sets shared by all). Each
    name's kinds are grouped as the bits of one number, so no Python list is made per name."""
    names, kinds = _Coded(totals["entity_id"]), _Coded(totals["match_kind"])
    width = max(len(kinds.sorted), 1)
    pairs = pc.unique(pc.add(pc.multiply(names.codes, width), kinds.codes))
    bits = pa.table({"name": pc.divide(pairs, width), "bit": pc.shift_left(1, pc.subtract(
        pairs, pc.multiply(pc.divide(pairs, width), width)))})
    masks = bits.group_by("name", use_threads=False).aggregate([("bit", "sum")]).sort_by("name")
    mentions = pa.table({"name": names.codes, "count": totals["count_mentions"]}).group_by(
        "name", use_threads=False).aggregate([("count", "sum")]).sort_by("name")
    ids = names.sorted.to_pylist()
    kind_names = kinds.sorted.to_pylist()
    shared = {mask: frozenset(k for b, k in enumerate(kind_names) if mask >> b & 1)
              for mask in pc.unique(masks["bit_sum"]).to_pylist()}
    by_name = {i: shared[m] for i, m in zip(ids, masks["bit_sum"].to_pylist(), strict=True)}
    return ids, Counter(dict(zip(ids, mentions["count_sum"].to_pylist(), strict=True))), by_name


def top_surfaces(totals: pa.Table) -> pa.Table:
    """NAME_TOTALS -> (entity_id, surface): each name's most used surface (the greatest on a tie), sorted by name."""
    names, surfaces = _Coded(totals["entity_id"]), _Coded(totals["surface"])
    ranked = _summed(names.codes, surfaces, totals["count_mentions"]).sort_by(
        [("entity", "ascending"), ("count", "descending"), ("surface", "descending")])
    first = ranked.filter(_starts(ranked["entity"]))
    return pa.table({"entity_id": names.values(first["entity"]), "surface": surfaces.values(first["surface"])})


def entity_rows(totals: pa.Table, name_ids: pa.Array, entity_ids: pa.Array, types: Mapping[str, str],
                renamed: Mapping[str, str], curated_ids: set[str]) -> pa.Table:
    """NAME_TOTALS + each linked name's entity (name_ids -> entity_ids) + each entity's type + the names review gave
    + the entity table's ids -> ENTITIES rows of the other entities (counts 0), sorted by id."""
    entities = _Coded(entity_ids)
    entity = pc.take(entities.codes, pc.index_in(totals["entity_id"], value_set=name_ids))
    curated = pc.index_in(pa.array(sorted(curated_ids), pa.string()), value_set=entities.sorted).drop_null()
    keep = pc.and_(pc.is_valid(entity), pc.invert(pc.is_in(entity, value_set=curated)))
    surfaces = _Coded(totals["surface"].filter(keep))
    ranked = _summed(entity.filter(keep), surfaces, totals["count_mentions"].filter(keep)).sort_by(
        [("entity", "ascending"), ("count", "descending"), ("surface", "ascending")])
    chunks, rows = [], []
    for entity_id, spellings in groupby(_pairs(ranked, entities, surfaces), key=itemgetter(0)):
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


class _Coded:
    """Strings as the numbers of their places among the distinct ones sorted (as Arrow sorts strings, byte by byte):
    grouping and sorting those numbers gives what grouping and sorting the strings gives, without hashing pairs of
    strings (a group-by over two string keys held several times the rows' own size at once)."""

    def __init__(self, strings: pa.Array | pa.ChunkedArray) -> None:
        distinct = pc.unique(strings.drop_null())  # a null's number is null
        self.sorted = pc.take(distinct, pc.sort_indices(distinct))
        self.codes = pc.index_in(strings, value_set=self.sorted).cast(pa.int64())

    def values(self, codes: pa.Array | pa.ChunkedArray) -> pa.Array | pa.ChunkedArray:
        """Numbers -> their strings."""
        return pc.take(self.sorted, codes)


def _summed(entities: pa.Array | pa.ChunkedArray, surfaces: _Coded, counts: pa.Array | pa.ChunkedArray) -> pa.Table:
    """The entity (a number) and coded surface of NAME_TOTALS rows + their mentions -> (entity, surface, count)
    numbers: mentions summed by entity and surface."""
    width = max(len(surfaces.sorted), 1)
    key = pc.add(pc.multiply(entities.cast(pa.int64()), width), surfaces.codes)
    grouped = pa.table({"key": key, "count": counts}).group_by("key", use_threads=False).aggregate(
        [("count", "sum")])
    return pa.table({"entity": pc.divide(grouped["key"], width),
                     "surface": pc.subtract(grouped["key"], pc.multiply(pc.divide(grouped["key"], width), width)),
                     "count": grouped["count_sum"]})


def _starts(sorted_codes: pa.ChunkedArray) -> pa.Array:
    """Sorted numbers -> whether each is the first of its run."""
    codes = sorted_codes.combine_chunks()
    if not len(codes):
        return pa.array([], pa.bool_())
    return pa.concat_arrays([pa.array([True]), pc.not_equal(codes[1:], codes[:-1])])


def _pairs(ranked: pa.Table, entities: _Coded, surfaces: _Coded) -> Iterator[tuple[str, str]]:
    for start in range(0, ranked.num_rows, SLICE):
        part = ranked.slice(start, SLICE)
        yield from zip(entities.values(part["entity"]).to_pylist(), surfaces.values(part["surface"]).to_pylist(),
                       strict=True)


def _table(rows: list[tuple]) -> pa.Table:
    columns = list(zip(*rows, strict=True)) if rows else [[], [], [], []]
    n = len(rows)
    return pa.table({"entity_id": columns[0], "canonical_name": columns[1], "entity_type": columns[2],
                     "aliases": columns[3], "is_curated": [False] * n, "count_mentions": [0] * n,
                     "count_articles": [0] * n}, schema=ENTITIES)
