-- one row per mention of an entity (curated or discovered), with the entity's name and type and the article's outlet (as resolved
-- by the outlet table: 'Fox Online News' and 'Fox News' are one outlet)
with

mentions as (
    select * from mentions
),

articles as (
    select * from stg_articles
),

entities as (
    select * from stg_entities
),

final as (
    select
        mentions.doc_id,
        mentions.entity_id,
        entities.canonical_name,
        entities.entity_type,
        entities.is_curated,
        articles.outlet_id,
        articles.outlet_name,
        mentions.surface,
        mentions.spelling,
        mentions.start_char,
        mentions.end_char,
        mentions.match_kind
    from mentions
    inner join articles on mentions.doc_id = articles.doc_id
    inner join entities on mentions.entity_id = entities.entity_id
)

select * from final
