-- one row per removal reason per outlet: how many lines and articles it touched
with

removed_lines as (
    select * from stg_removed_lines
),

articles as (
    select * from stg_articles
),

final as (
    select
        removed_lines.reason,
        articles.outlet_id,
        articles.outlet_name,
        count(*) as count_lines,
        count(distinct removed_lines.doc_id) as count_articles
    from removed_lines
    inner join articles on removed_lines.doc_id = articles.doc_id
    group by all
)

select * from final
order by count_lines desc, reason, outlet_name
