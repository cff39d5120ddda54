-- one row per entity per outlet: how many articles mention it and how often
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
        entities.entity_type,
        articles.outlet,
        count(distinct mentions.doc_id) as count_articles,
        count(*) as count_mentions
    from mentions
    inner join articles on mentions.doc_id = articles.doc_id
    inner join entities on mentions.entity_id = entities.entity_id
    group by all
)

select * from final
order by count_mentions desc, entity_id, outlet
