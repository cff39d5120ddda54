-- one row per alias suggestion to review: the spellings, who writes them, how often, and an example sentence
with

proposals as (
    select * from stg_alias_proposals
),

final as (
    select
        suggestion_id,
        kind,
        entity_id,
        canonical_name,
        entity_type,
        spellings,
        count_by_spelling,
        matched_variant,
        outlets,
        len(outlets) as count_outlets,
        count_mentions,
        count_articles,
        score,
        examples[1] as example,
        examples
    from proposals
)

select * from final
order by count_mentions desc, suggestion_id
