-- one row per provisional id of a discovered name: the entity it resolved to (null: none), how, or why not
select
    name_id,
    entity_id,
    match_kind,
    note
from read_parquet({entity_links})
