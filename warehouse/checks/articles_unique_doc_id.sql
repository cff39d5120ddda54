select doc_id, count(*) as count_copies
from stg_articles
group by all
having count(*) > 1
