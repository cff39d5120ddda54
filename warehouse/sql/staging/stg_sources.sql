-- one row per input file or record an article was read from; rename + cast only
select
    doc_id,
    source_path,
    record_no
from read_parquet({sources})
