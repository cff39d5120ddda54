-- one row per capitalised name in a body that matched no entity (or several); rename + cast only
select
    doc_id,
    surface,
    start_char,
    end_char,
    note
from read_parquet({candidate_mentions})
