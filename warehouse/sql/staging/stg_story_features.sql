-- one row per article: the hashed salient terms and known entities story clustering compares; rename + cast only
select
    doc_id,
    outlet_id,
    published_at,
    terms,
    counts,
    entity_ids
from read_parquet({story_features})
