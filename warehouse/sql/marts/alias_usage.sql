-- one row per entity per outlet per spelling used (a person's surname as written; otherwise the name as written)
with

entity_mentions as (
    select * from int_entity_mentions
),

final as (
    select
        entity_id,
        canonical_name,
        is_curated,
        outlet_id,
        outlet_name,
        spelling,
        count(*) as count_mentions,
        count(distinct doc_id) as count_articles,
        list(distinct surface order by surface) as surfaces
    from entity_mentions
    group by all
)

select * from final
order by entity_id, outlet_name, count_mentions desc, spelling
