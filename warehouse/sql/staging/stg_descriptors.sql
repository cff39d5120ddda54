-- one row per descriptor an article puts next to a known entity's name; rename + cast only
select
    doc_id,
    entity_id,
    descriptor,
    kind,
    start_char,
    end_char,
    is_quoted
from read_parquet({descriptors})
