-- one row per article: the key of what its rows depend on, which a later run compares; rename + cast only
select
    doc_id,
    analysis_key
from read_parquet({analysed})
