"""Read-only queries behind the run summary the CLI prints."""

RUN = "select count_files, count_documents_read, count_articles, count_quarantined, run_id from runs"
REMOVED_BY_REASON = "select reason, count(*) as count_lines from removed_lines group by all order by 2 desc, 1"
QUARANTINE_BY_REASON = "select reason, count(*) as count_inputs from quarantine group by all order by 2 desc, 1"
MENTIONS_BY_TYPE = """
select entities.entity_type, count(*) as count_mentions, count(distinct mentions.entity_id) as count_entities
from mentions
inner join entities on mentions.entity_id = entities.entity_id
group by all
order by 2 desc
"""
EXPORTABLE = """
select table_name from information_schema.tables
where not starts_with(table_name, 'stg_') and not starts_with(table_name, 'int_')
order by table_name
"""
CANDIDATES = "select count(*) as count_names, coalesce(sum(n_mentions), 0) as count_mentions from name_candidates"

# Two-column (item, count) queries: the run summary's sections.
SUMMARY = {
    "documents": """
        select unnest(['files', 'documents read', 'articles loaded', 'quarantined']) as item,
               unnest([count_files, count_documents_read, count_articles, count_quarantined]) as count
        from runs""",
    "lines removed by reason": REMOVED_BY_REASON,
    "quarantined by reason": QUARANTINE_BY_REASON,
    "mentions by entity type": "select entity_type, count_mentions from (" + MENTIONS_BY_TYPE + ")",
    "name candidates": "select 'unmatched names' as item, count_names as count from (" + CANDIDATES + ")",
    "alias suggestions": "select kind as item, count(*) as count from alias_suggestions group by 1 order by 1",
    "cross-source comparison": """
        select item, count from (
            select 1 as n, 'quotes' as item, count(*) as count from quotes where not is_fragment
            union all select 2, 'quotes with a speaker', count(*) from quotes
                where not is_fragment and speaker_surface is not null
            union all select 3, 'quotes carried by 2+ outlets', count(*) from shared_quotes
            union all select 4, 'descriptors', count(*) from descriptors
            union all select 5, 'figures', count(*) from figures
            union all select 6, 'stories told by 2+ articles', count(*) from story_clusters
        ) order by n""",
}


def cross_source(n_entities: int, n_outlets: int) -> str:
    """SQL: the most mentioned entities x the outlets that mention them most, mention counts in cells."""
    return f"""
with top_entities as (
    select entity_id from entity_coverage group by all order by sum(count_mentions) desc, entity_id
    limit {n_entities}
),
top_outlets as (
    select outlet_name from entity_coverage group by all order by sum(count_mentions) desc, outlet_name
    limit {n_outlets}
)
pivot (
    select canonical_name as entity, outlet_name, count_mentions
    from entity_coverage
    where entity_id in (select entity_id from top_entities) and outlet_name in (select outlet_name from top_outlets)
)
on outlet_name using sum(count_mentions)
group by entity
order by entity
"""


def alias_review(limit: int) -> str:
    """SQL: the alias suggestions to review, most mentioned first, one line each."""
    return f"""
select
    suggestion_id as id,
    kind,
    coalesce(entity_id, '(new) ' || entity_type) as entity,
    canonical_name,
    array_to_string(list_transform(list_zip(spellings, count_by_spelling), lambda x: x[1] || ' ' || x[2]), ' / ')
        as spellings,
    count_outlets as outlets,
    count_mentions as mentions,
    round(score, 2) as score,
    example
from alias_suggestions
order by count_mentions desc, suggestion_id
limit {int(limit)}
"""
