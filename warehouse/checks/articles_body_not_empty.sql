select doc_id, source_path
from stg_articles
where trim(body) = ''
