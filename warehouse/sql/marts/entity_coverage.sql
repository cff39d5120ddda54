-- one row per entity per outlet: how many articles mention it and how often
with

entity_mentions as (
    select * from int_entity_mentions
),

final as (
    select
        entity_id,
        canonical_name,
        is_curated,
        entity_type,
        outlet_id,
        outlet_name,
        count(distinct doc_id) as count_articles,
        count(*) as count_mentions
    from entity_mentions
    group by all
)

select * from final
order by count_mentions desc, entity_id, outlet_name
