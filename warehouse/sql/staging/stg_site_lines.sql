-- one row per outlet per recurring site line learned from the corpus; rename + cast only
select
    outlet,
    line_key,
    line_text,
    count_docs,
    count_outlet_docs,
    count_contexts
from read_parquet({site_lines})
