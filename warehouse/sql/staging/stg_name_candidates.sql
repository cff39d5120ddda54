-- one row per unmatched name spelling, with counts and outlets; rename + cast only
select
    surface,
    n_mentions,
    n_articles,
    outlets,
    note,
    example_doc_id
from read_parquet({name_candidates})
