-- one row per story told by two or more articles: which outlets told it, under which titles, and when
with

stories as (
    select * from stg_stories
),

articles as (
    select * from stg_articles
),

final as (
    select
        stories.story_id,
        count(*) as count_articles,
        count(distinct articles.outlet_name) as n_outlets,
        list(distinct articles.outlet_name order by articles.outlet_name) as outlets,
        list(articles.title order by articles.published_at, articles.doc_id) as titles,
        list(articles.doc_id order by articles.published_at, articles.doc_id) as doc_ids,
        min(articles.published_at) as first_published_at,
        max(articles.published_at) as last_published_at
    from stories
    inner join articles on stories.doc_id = articles.doc_id
    group by stories.story_id
    having count(*) >= 2
)

select * from final
order by n_outlets desc, count_articles desc, story_id
