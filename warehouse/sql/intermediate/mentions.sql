-- one row per mention of an entity, curated or discovered: a discovered name's provisional id is replaced by the
-- entity it resolved to across the corpus, and names no entity took are left out (they are in name_candidates)
with

mentions as (
    select * from stg_mentions
),

links as (
    select * from stg_entity_links
),

final as (
    select
        mentions.doc_id,
        coalesce(links.entity_id, mentions.entity_id) as entity_id,
        mentions.surface,
        mentions.spelling,
        mentions.start_char,
        mentions.end_char,
        case
            when links.match_kind is not null
                and (mentions.match_kind = 'discovered' or starts_with(mentions.match_kind, 'pending'))
                then links.match_kind
            else mentions.match_kind
        end as match_kind
    from mentions
    left join links on mentions.entity_id = links.name_id
    where links.name_id is null or links.entity_id is not null
)

select * from final
