-- one row per file found under the input folder; rename + cast only
select
    source_path
from read_parquet({input_files})
