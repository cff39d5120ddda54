select mentions.doc_id, mentions.surface, mentions.start_char, mentions.end_char
from stg_mentions as mentions
left join stg_articles as articles on mentions.doc_id = articles.doc_id
where articles.doc_id is null
    or mentions.start_char < 0
    or mentions.end_char > length(articles.body)
    or substr(articles.body, mentions.start_char + 1, mentions.end_char - mentions.start_char) != mentions.surface
