-- one row per mention of a known entity in an article body; rename + cast only
select
    doc_id,
    entity_id,
    surface,
    spelling,
    start_char,
    end_char,
    match_kind
from read_parquet({mentions})
