-- one row per entity per outlet per descriptor: how each outlet describes the same person, place or organisation
with

descriptors as (
    select * from descriptors
),

articles as (
    select * from stg_articles
),

entities as (
    select * from stg_entities
),

final as (
    select
        descriptors.entity_id,
        entities.canonical_name,
        entities.is_curated,
        articles.outlet_id,
        articles.outlet_name,
        descriptors.descriptor,
        descriptors.kind,
        descriptors.is_quoted,
        count(*) as count_descriptors,
        count(distinct descriptors.doc_id) as count_articles
    from descriptors
    inner join articles on descriptors.doc_id = articles.doc_id
    inner join entities on descriptors.entity_id = entities.entity_id
    group by all
)

select * from final
order by entity_id, outlet_name, count_descriptors desc, descriptor, kind
