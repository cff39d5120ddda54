-- quote and figure ids are unique, and every non-fragment quote has exactly one group
select 'quotes' as source_table, quote_id as item_id, count(*) as count_rows from stg_quotes group by all having count(*) > 1
union all
select 'figures', figure_id, count(*) from stg_figures group by all having count(*) > 1
union all
select 'quote_matches', quotes.quote_id, count(matches.quote_id)
from stg_quotes as quotes
left join stg_quote_matches as matches on quotes.quote_id = matches.quote_id
where not quotes.is_fragment
group by all
having count(matches.quote_id) <> 1
