-- one row per article: the story it tells (articles telling the same story share story_id); rename + cast only
select
    story_id,
    doc_id,
    similarity
from read_parquet({stories})
