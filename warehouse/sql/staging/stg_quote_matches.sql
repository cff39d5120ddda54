-- one row per quote: the group of quotes, across articles, that carry the same words; rename + cast only
select
    quote_id,
    quote_group_id
from read_parquet({quote_matches})
