-- one row per article (distinct content); rename + cast only
select
    doc_id,
    source_path,
    record_no,
    source_format,
    encoding,
    repair,
    external_id,
    url,
    outlet,
    outlet_source,
    outlet_id,
    outlet_name,
    title,
    byline,
    dateline,
    published_at,
    cast(timezone('UTC', published_at) as date) as published_on,
    updated_at,
    body,
    count_lines_removed
from read_parquet({articles})
