-- every article belongs to exactly one story, and every story row is an article
select articles.doc_id, count(stories.doc_id) as count_stories
from stg_articles as articles
full outer join stg_stories as stories on articles.doc_id = stories.doc_id
group by all
having count(stories.doc_id) <> 1 or articles.doc_id is null
