select sources.doc_id, sources.source_path
from stg_sources as sources
anti join stg_articles as articles on sources.doc_id = articles.doc_id
