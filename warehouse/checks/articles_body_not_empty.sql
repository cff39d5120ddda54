-- a body of spaces alone starts with one: the whole body is trimmed only then (trimming every body is most of the
-- checks' time on a large corpus)
select doc_id, source_path
from stg_articles
where trim(body[1]) = '' and trim(body) = ''
