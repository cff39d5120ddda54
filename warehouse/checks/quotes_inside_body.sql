-- quote, descriptor and figure offsets must fall inside their article's body
with

body_lengths as (
    select doc_id, length(body) as body_length from stg_articles
),

spans as (
    select 'quotes' as source_table, doc_id, quote_id as item_id, start_char, end_char from stg_quotes
    union all
    select 'descriptors', doc_id, descriptor, start_char, end_char from stg_descriptors
    union all
    select 'figures', doc_id, figure_id, start_char, end_char from stg_figures
)

select spans.*
from spans
left join body_lengths on spans.doc_id = body_lengths.doc_id
where body_lengths.doc_id is null
    or spans.start_char < 0
    or spans.end_char <= spans.start_char
    or spans.end_char > body_lengths.body_length
