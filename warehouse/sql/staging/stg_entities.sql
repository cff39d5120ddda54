-- one row per entity: the versioned entity table's (curated) and those discovered in the articles; rename + cast only
select
    entity_id,
    canonical_name,
    entity_type,
    aliases,
    is_curated,
    count_mentions,
    count_articles
from read_parquet({entities})
