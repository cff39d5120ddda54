-- one row per line removed from an article, with the rule that removed it (and a model's strongest features); rename
-- + cast only
select
    doc_id,
    line_no,
    text,
    reason,
    reason_detail
from read_parquet({removed_lines})
