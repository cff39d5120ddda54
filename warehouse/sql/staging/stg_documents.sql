-- one row per document as read and parsed, before cleaning (a later run re-cleans from here); rename + cast only
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
    title,
    byline,
    published_raw,
    text
from read_parquet({documents})
