select removed_lines.doc_id, removed_lines.line_no
from stg_removed_lines as removed_lines
anti join stg_articles as articles on removed_lines.doc_id = articles.doc_id
