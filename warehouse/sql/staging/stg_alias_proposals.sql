-- one row per proposed alias group (a new spelling of a known entity, or a new entity); rename + cast only
select
    suggestion_id,
    kind,
    entity_id,
    canonical_name,
    entity_type,
    spellings,
    count_by_spelling,
    matched_variant,
    outlets,
    count_mentions,
    count_articles,
    score,
    examples
from read_parquet({alias_proposals})
