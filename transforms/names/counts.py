"""Mentions counted: per article (NAME_COUNTS, which every batch writes), by name across the corpus (NAME_TOTALS, what
resolution reads) and by entity once names are linked (ENTITY_COUNTS).

A run counts the corpus in DuckDB over the batches' NAME_COUNTS parts (warehouse/run_wide.py); the functions here are
the same counts in Arrow, for tables in memory. An article is analysed in one batch and its rows stay in one part, so
NAME_COUNTS has one row per article and key: its rows counted are the articles, and sums of counts are exact in any
order of parts."""

import pyarrow as pa
import pyarrow.compute as pc

from warehouse.contracts import ENTITIES, NAME_COUNTS

_KEYS = ["entity_id", "match_kind", "surface"]
NAME_TOTALS = pa.schema([
    pa.field("entity_id", pa.string(), nullable=False),
    pa.field("match_kind", pa.string(), nullable=False),
    pa.field("surface", pa.string(), nullable=False),
    pa.field("count_mentions", pa.int64(), nullable=False),
    pa.field("count_articles", pa.int64(), nullable=False),
])
ENTITY_COUNTS = pa.schema([
    pa.field("entity_id", pa.string(), nullable=False),
    pa.field("is_curated", pa.bool_(), nullable=False),
    pa.field("count_mentions", pa.int64(), nullable=False),
    pa.field("count_articles", pa.int64(), nullable=False),
])


def name_counts(mentions: pa.Table) -> pa.Table:
    """MENTIONS (doc_id, entity_id, match_kind, surface) -> NAME_COUNTS: mentions by article, name, kind and surface."""
    keys = ["doc_id"] + _KEYS
    grouped = mentions.select(keys).group_by(keys, use_threads=False).aggregate([([], "count_all")])
    return grouped.rename_columns(keys + ["count_mentions"]).cast(NAME_COUNTS)


def name_totals(counts: pa.Table, kinds) -> pa.Table:
    """NAME_COUNTS + match kinds -> NAME_TOTALS of those kinds' rows, sorted by name, kind and surface."""
    rows = counts.filter(pc.is_in(counts["match_kind"], pa.array(list(kinds), pa.string())))
    grouped = rows.group_by(_KEYS, use_threads=False).aggregate([("count_mentions", "sum"), ([], "count_all")])
    totals = grouped.rename_columns(_KEYS + ["count_mentions", "count_articles"]).cast(NAME_TOTALS)
    return totals.sort_by([(key, "ascending") for key in _KEYS])


def entity_counts(counts: pa.Table, links: pa.Table, discovered_kinds, curated_kinds) -> pa.Table:
    """NAME_COUNTS + ENTITY_LINKS + the kinds of discovered and of curated names -> ENTITY_COUNTS: mentions and
    distinct articles of each entity a discovered name links to, and of each entity table's entity."""
    found = []
    for kinds, curated in ((discovered_kinds, False), (curated_kinds, True)):
        rows = counts.filter(pc.is_in(counts["match_kind"], pa.array(list(kinds), pa.string())))
        entity = rows["entity_id"] if curated else pc.take(
            links["entity_id"], pc.index_in(rows["entity_id"], value_set=links["name_id"]))
        by_doc = pa.table({"entity_id": entity, "doc_id": rows["doc_id"], "n": rows["count_mentions"]}).filter(
            pc.is_valid(entity)).group_by(["entity_id", "doc_id"], use_threads=False).aggregate([("n", "sum")])
        grouped = by_doc.group_by("entity_id", use_threads=False).aggregate([("n_sum", "sum"), ([], "count_all")])
        found.append(pa.table({"entity_id": grouped["entity_id"], "is_curated": [curated] * grouped.num_rows,
                               "count_mentions": grouped["n_sum_sum"], "count_articles": grouped["count_all"]},
                              schema=ENTITY_COUNTS))
    return pa.concat_tables(found)


def with_counts(entities: pa.Table, counts: pa.Table, curated: bool) -> pa.Table:
    """ENTITIES + ENTITY_COUNTS -> the entities with the mentions and articles counted for them (0 where none); the
    counts of curated entities or of discovered ones, as `curated` says."""
    counts = counts.filter(pc.equal(counts["is_curated"], curated))
    at = pc.index_in(entities["entity_id"], value_set=counts["entity_id"])
    mentions = pc.fill_null(pc.take(counts["count_mentions"], at), 0).cast(pa.int32())
    docs = pc.fill_null(pc.take(counts["count_articles"], at), 0).cast(pa.int32())
    out = entities.set_column(entities.schema.get_field_index("count_mentions"), "count_mentions", mentions)
    return out.set_column(out.schema.get_field_index("count_articles"), "count_articles", docs).cast(ENTITIES)
