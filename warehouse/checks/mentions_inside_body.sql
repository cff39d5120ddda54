-- mention offsets must fall inside their article's body (the surface itself is checked when mentions are made)
with

body_lengths as (
    select doc_id, length(body) as body_length from stg_articles
)

select mentions.doc_id, mentions.surface, mentions.start_char, mentions.end_char
from stg_mentions as mentions
left join body_lengths on mentions.doc_id = body_lengths.doc_id
where body_lengths.doc_id is null
    or mentions.start_char < 0
    or mentions.end_char <= mentions.start_char
    or mentions.end_char > body_lengths.body_length
