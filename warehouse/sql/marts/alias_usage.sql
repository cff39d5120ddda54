-- one row per entity per outlet per spelling used (a person's surname as written; otherwise the name as written)
with

mentions as (
    select * from stg_mentions
),

articles as (
    select * from stg_articles
),

entities as (
    select * from stg_entities
),

final as (
    select
        entities.entity_id,
        entities.canonical_name,
        articles.outlet,
        mentions.spelling,
        count(*) as count_mentions,
        count(distinct mentions.doc_id) as count_articles,
        list(distinct mentions.surface order by mentions.surface) as surfaces
    from mentions
    inner join articles on mentions.doc_id = articles.doc_id
    inner join entities on mentions.entity_id = entities.entity_id
    group by all
)

select * from final
order by entity_id, outlet, count_mentions desc, spelling
