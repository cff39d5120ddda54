-- one row per descriptor of an entity, a discovered name's provisional id replaced by the entity it resolved to;
-- descriptors of names no entity took are left out
with

descriptors as (
    select * from stg_descriptors
),

links as (
    select * from stg_entity_links
),

final as (
    select descriptors.* replace (coalesce(links.entity_id, descriptors.entity_id) as entity_id)
    from descriptors
    left join links on descriptors.entity_id = links.name_id
    where links.name_id is null or links.entity_id is not null
)

select * from final
