-- one row per article, name, match kind and surface: mentions counted (name resolution reads them); rename + cast only
select
    doc_id,
    entity_id,
    match_kind,
    surface,
    count_mentions
from read_parquet({name_counts})
