-- one row per figure (a number with the thing it counts) in an article body; rename + cast only
select
    doc_id,
    figure_id,
    value,
    value_to,
    unit,
    what,
    qualifier,
    raw,
    sentence,
    start_char,
    end_char
from read_parquet({figures})
