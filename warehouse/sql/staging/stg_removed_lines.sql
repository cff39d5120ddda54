-- one row per line removed from an article, with the rule that removed it; rename + cast only
select
    doc_id,
    line_no,
    text,
    reason
from read_parquet({removed_lines})
