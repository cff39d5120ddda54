-- one row per quote carried by two or more outlets: a representative text, who said it, and every outlet's version
with

quotes as (
    select * from quotes
    where quote_kind = 'speech'
),

matches as (
    select * from stg_quote_matches
),

articles as (
    select * from stg_articles
),

entities as (
    select * from stg_entities
),

-- groups carried by two or more outlets, found on ids alone before any text is gathered
shared as (
    select matches.quote_group_id
    from matches
    inner join quotes on matches.quote_id = quotes.quote_id
    inner join articles on quotes.doc_id = articles.doc_id
    group by matches.quote_group_id
    having count(distinct articles.outlet_name) >= 2
),

grouped as (
    select
        matches.quote_group_id,
        quotes.quote_id,
        quotes.text,
        quotes.count_words,
        quotes.speaker_entity_id,
        articles.outlet_name
    from shared
    inner join matches on shared.quote_group_id = matches.quote_group_id
    inner join quotes on matches.quote_id = quotes.quote_id
    inner join articles on quotes.doc_id = articles.doc_id
),

final as (
    select
        quote_group_id,
        -- the fullest version stands for the group; ties go to the alphabetically first, so reruns agree
        first(text order by count_words desc, text) as text,
        mode(speaker_entity_id) as speaker_entity_id,
        list(distinct outlet_name order by outlet_name) as outlets,
        count(distinct outlet_name) as n_outlets,
        list(distinct text order by text) as variants,
        count(*) as count_quotes
    from grouped
    group by quote_group_id
)

select
    final.quote_group_id,
    final.text,
    final.speaker_entity_id,
    entities.canonical_name as speaker_name,
    entities.is_curated as is_speaker_curated,
    final.outlets,
    final.n_outlets,
    final.variants,
    final.count_quotes
from final
left join entities on final.speaker_entity_id = entities.entity_id
order by final.n_outlets desc, final.count_quotes desc, final.quote_group_id
