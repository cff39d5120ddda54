-- one row per quoted stretch or reported statement in an article body (a quote split around its attribution is one
-- row); rename + cast only
select
    doc_id,
    quote_id,
    text,
    speaker_entity_id,
    speaker_surface,
    attribution,
    start_char,
    end_char,
    count_words,
    is_fragment,
    quote_kind
from read_parquet({quotes})
