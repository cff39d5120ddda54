-- one row per input (file, or record of a JSONL file) that could not be processed; rename + cast only
select
    source_path,
    record_no,
    reason
from read_parquet({quarantine})
