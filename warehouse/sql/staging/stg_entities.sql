-- one row per known entity (from the versioned entity table); rename + cast only
select
    entity_id,
    canonical_name,
    entity_type,
    aliases
from read_parquet({entities})
