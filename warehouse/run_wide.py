"""SQL the run-wide steps run over a run's own Parquet parts before its catalog exists (flows/storage/aggregate.py).

`{table}` names that table's parts in the run; `$name` is a parameter; other names are Arrow tables the step
passes. Each query counts groups, never holds rows: DuckDB runs it in a bounded memory and spills the rest."""

# NAME_TOTALS (transforms/names/counts.py): one row per name, match kind and surface of the given kinds. NAME_COUNTS
# has one row per article and key, so its rows counted are the articles.
NAME_TOTALS = """
select
    entity_id,
    match_kind,
    surface,
    sum(count_mentions)::bigint as count_mentions,
    count(*)::bigint as count_articles
from {name_counts}
where list_contains($kinds, match_kind)
group by all
order by entity_id, match_kind, surface
"""

# ENTITY_COUNTS: mentions and distinct articles of every entity a discovered name links to (through `links`, the
# run's ENTITY_LINKS) and of every entity table's entity; articles counted once per entity from (entity, article)
# groups, which DuckDB spills when they are many.
ENTITY_COUNTS = """
with by_article as (
    select
        links.entity_id,
        false as is_curated,
        name_counts.doc_id,
        name_counts.count_mentions
    from {name_counts} as name_counts
    inner join links on name_counts.entity_id = links.name_id
    where list_contains($discovered, name_counts.match_kind) and links.entity_id is not null
    union all
    select
        entity_id,
        true as is_curated,
        doc_id,
        count_mentions
    from {name_counts}
    where list_contains($curated, match_kind)
),

per_article as (
    select
        entity_id,
        is_curated,
        doc_id,
        sum(count_mentions) as count_mentions
    from by_article
    group by all
)

select
    entity_id,
    is_curated,
    sum(count_mentions)::bigint as count_mentions,
    count(*)::bigint as count_articles
from per_article
group by all
order by is_curated, entity_id
"""
