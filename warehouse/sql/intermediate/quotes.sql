-- one row per direct quote, its speaker's provisional id (a discovered name) replaced by the entity it resolved to
with

quotes as (
    select * from stg_quotes
),

links as (
    select * from stg_entity_links
),

final as (
    select quotes.* replace (
        case when links.name_id is null then quotes.speaker_entity_id else links.entity_id end as speaker_entity_id
    )
    from quotes
    left join links on quotes.speaker_entity_id = links.name_id
)

select * from final
