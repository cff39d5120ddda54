-- one row per file found under the input folder, with the size and time a later run compares; rename + cast only
select
    source_path,
    size_bytes,
    modified_at
from read_parquet({input_files})
