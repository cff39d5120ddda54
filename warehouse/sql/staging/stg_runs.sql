-- one row per pipeline run that produced this catalog; rename + cast only
select
    run_id,
    started_at,
    finished_at,
    input_dir,
    entities_version,
    count_files,
    count_documents_read,
    count_articles,
    count_quarantined,
    count_analysed,
    count_reused,
    config_version
from read_parquet({runs})
