"""Distinct names in Arrow for the resolution: cut into slices of whole blocks, looked up, and linked to entities.

The resolution's rules compare a full name only with names that end in a word of the same transliteration skeleton
(see resolution.py); everything else about a name is one row of an Arrow table. So the names are sorted by that
block key, the rules run on a slice of whole blocks at a time, and what they decide goes back to Arrow: Python holds
one slice's names, never every distinct name."""

from collections.abc import Callable, Iterable, Iterator

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

SLICE_NAMES = 20_000  # full names whose rules run together (whole blocks: a slice may hold more)


def whole_blocks(names: pa.Table, keys: pa.Array, size: int | None = None) -> Iterator[pa.Table]:
    """Names + each one's block key -> slices of about `size` (SLICE_NAMES) names, each holding whole blocks (all
    the names of its keys), each sorted by name id."""
    size = size or SLICE_NAMES
    if not names.num_rows:
        return
    by_key = names.append_column("block_key", keys).sort_by([("block_key", "ascending"), ("entity_id", "ascending")])
    key = by_key["block_key"].combine_chunks()
    changes = pc.not_equal(key.slice(1), key.slice(0, len(key) - 1))
    starts = np.concatenate([[0], np.flatnonzero(changes.to_numpy(zero_copy_only=False)) + 1, [len(key)]])
    cuts = np.unique(starts[np.searchsorted(starts, np.arange(0, len(key), size))].tolist() + [len(key)])
    for begin, end in zip(cuts[:-1], cuts[1:], strict=True):
        yield by_key.slice(begin, end - begin).drop_columns(["block_key"]).sort_by("entity_id")


def joined_keys(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Pairs of block keys whose names must be compared together -> each key joined to another -> the key standing
    for all those joined to it (the least)."""
    parent: dict[str, str] = {}

    def root(key: str) -> str:
        while parent.get(key, key) != key:
            key = parent[key]
        return key

    for one, other in pairs:
        a, b = sorted((root(one), root(other)))
        if a != b:
            parent[b] = a
    return {key: root(key) for key in parent}


def lookup(table: pa.Table, ids, column: str) -> dict:
    """A table with `entity_id` (distinct) + some ids -> id -> the row's `column`, for the ids it has."""
    asked = pa.array(sorted(set(ids)), pa.string())
    at = pc.index_in(asked, value_set=table["entity_id"])
    found = pc.is_valid(at)
    return dict(zip(asked.filter(found).to_pylist(), pc.take(table[column], at.filter(found)).to_pylist(),
                    strict=True))


def first_links(links: pa.Table, patched: dict[str, tuple]) -> pa.Table:
    """(name_id, head, match_kind, note) rows + rows set again by name id -> the rows with those replaced."""
    if not patched:
        return links
    keys = pa.array(list(patched), pa.string())
    at = pc.index_in(links["name_id"], value_set=keys)
    mask = pc.is_valid(at)
    columns = {"name_id": links["name_id"]}
    for n, name in enumerate(("head", "match_kind", "note")):
        values = pa.array([row[n] for row in patched.values()], pa.string())
        columns[name] = pc.if_else(mask, pc.take(values, at), links[name])
    return pa.table(columns)


def head_names(heads: pa.Array, final_of: Callable[[list[str]], list[str]]) -> tuple[pa.Array, pa.Array]:
    """Each link's head id (null for none) + a function naming entities from heads -> (the distinct heads, sorted;
    each one's entity id), named a slice of heads at a time."""
    distinct = pc.unique(heads.drop_null()).sort()
    named = [pa.array(final_of(distinct.slice(i, SLICE_NAMES).to_pylist()), pa.string())
             for i in range(0, len(distinct), SLICE_NAMES)] or [pa.array([], pa.string())]
    return distinct, pa.chunked_array(named, pa.string()).combine_chunks()


def entity_types(entity: pa.Array, types: pa.Array, mentions: pa.Array) -> dict[str, str]:
    """Each linked name's entity, type and mentions, in link order -> each entity's type: the type its names'
    mentions give most, the first met on a tie (as entity_rows.entity_types, in Arrow)."""
    members = pa.table({"entity_id": entity, "entity_type": types, "count": mentions,
                        "order": pa.array(np.arange(len(entity)))})
    summed = members.group_by(["entity_id", "entity_type"], use_threads=False).aggregate(
        [("count", "sum"), ("order", "min")])
    ranked = summed.sort_by([("entity_id", "ascending"), ("count_sum", "descending"), ("order_min", "ascending")])
    first = ranked.group_by("entity_id", use_threads=False).aggregate([("entity_type", "first")])
    kinds = {t: t for t in pc.unique(first["entity_type_first"]).to_pylist()}  # one string per type, shared
    return {e: kinds[t] for e, t in zip(first["entity_id"].to_pylist(), first["entity_type_first"].to_pylist(),
                                        strict=True)}
