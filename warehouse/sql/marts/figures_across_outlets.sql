-- one row per counted thing per unit per outlet, for things two or more outlets give figures for: side by side.
-- The thing is the head word of what was counted, so 'two seats' and 'two rival seats' line up; `phrasings` keeps
-- each outlet's own words.
with

figures as (
    select *, regexp_extract(what, '(\S+)$', 1) as thing
    from stg_figures
    where what is not null
),

articles as (
    select * from stg_articles
),

by_outlet as (
    select
        figures.thing as what,
        figures.unit,
        articles.outlet_id,
        articles.outlet_name,
        count(*) as count_figures,
        min(figures.value) as min_value,
        max(figures.value) as max_value,
        list(distinct figures.value order by figures.value) as figure_values,
        list(distinct figures.raw order by figures.raw)[1:5] as examples,
        list(distinct figures.what order by figures.what) as phrasings
    from figures
    inner join articles on figures.doc_id = articles.doc_id
    group by all
),

final as (
    select
        what,
        unit,
        outlet_id,
        outlet_name,
        count(*) over (partition by what, unit) as n_outlets,
        count_figures,
        min_value,
        max_value,
        figure_values,
        examples,
        phrasings
    from by_outlet
)

select * from final
where n_outlets >= 2
order by n_outlets desc, what, unit, outlet_name
