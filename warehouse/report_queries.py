"""Read-only SQL behind the HTML report: each query names the catalog view it needs; a catalog without that view
gives the section no rows.

Counts come at the grain the report's filters need (entity x outlet x day), so the page can add them up for any
date range, outlets and entities; only the number of entities, spellings, descriptors, quotes, figures and stories
shown is cut, never the outlets or the totals."""

TOP_ENTITIES = 40    # entities whose coverage the page carries (the filters pick among them)
TOP_SPELLED, TOP_DESCRIBED, TOP_DESCRIPTORS = 10, 8, 8
TOP_QUOTES, TOP_FIGURES, TOP_STORIES = 25, 12, 25
MEMBERS = 40         # articles listed per quote group or story

RUN = "select run_id, started_at, finished_at, count_files, count_articles, count_quarantined from runs"
REPAIRED = "select count(*) as count_repaired from articles where repair is not null"

# Every outlet with its articles per day: the denominators of "mentions per 100 articles" in any date range.
OUTLET_DAYS = """
select outlet_id, outlet_name, published_on as day, count(*) as count_articles
from articles
group by all
order by outlet_name, day
"""

COVERAGE = f"""
with
top_entities as (
    select entity_id from entity_coverage group by all
    order by sum(count_mentions) desc, entity_id limit {TOP_ENTITIES}
)
select m.entity_id, m.canonical_name, m.entity_type, m.outlet_id, m.outlet_name, a.published_on as day,
    count(*) as count_mentions, count(distinct m.doc_id) as count_articles
from int_entity_mentions as m
inner join articles as a on m.doc_id = a.doc_id
where m.entity_id in (select entity_id from top_entities)
group by all
order by m.entity_id, m.outlet_name, day
"""

# Spellings compared without capitalisation ('Russia' and 'RUSSIA' are one spelling, shown as written most often);
# only entities written more than one way.
SPELLINGS = f"""
with
used as (
    select m.entity_id, m.canonical_name, m.outlet_id, m.outlet_name, a.published_on as day,
        lower(m.spelling) as spelling_key, m.spelling
    from int_entity_mentions as m
    inner join articles as a on m.doc_id = a.doc_id
),
varied as (
    select entity_id from used group by all
    having count(distinct spelling_key) > 1
    order by count(*) desc, entity_id limit {TOP_SPELLED}
),
shown as (
    select spelling_key, mode(spelling) as spelling from used
    where entity_id in (select entity_id from varied)
    group by all
)
select used.entity_id, used.canonical_name, used.outlet_id, used.outlet_name, used.day, shown.spelling,
    count(*) as count_mentions
from used
inner join shown on used.spelling_key = shown.spelling_key
where used.entity_id in (select entity_id from varied)
group by all
order by used.entity_id, used.outlet_name, used.day, shown.spelling
"""

# Descriptors compared without capitalisation ('President' and 'president' are one row); is_quoted marks a
# descriptor found inside a quotation (someone quoted said it, not the outlet).
DESCRIPTORS = f"""
with
found as (
    select d.entity_id, e.canonical_name, a.outlet_id, a.outlet_name, a.published_on as day,
        lower(d.descriptor) as descriptor_key, d.descriptor, d.kind, d.is_quoted
    from descriptors as d
    inner join articles as a on d.doc_id = a.doc_id
    inner join entities as e on d.entity_id = e.entity_id
),
top_entities as (
    select entity_id from found group by all order by count(*) desc, entity_id limit {TOP_DESCRIBED}
),
ranked as (
    select entity_id, descriptor_key, is_quoted, mode(descriptor) as descriptor, mode(kind) as kind,
        row_number() over (partition by entity_id order by count(*) desc, descriptor_key, is_quoted) as rank
    from found
    where entity_id in (select entity_id from top_entities)
    group by entity_id, descriptor_key, is_quoted
)
select found.entity_id, found.canonical_name, found.outlet_id, found.outlet_name, found.day, ranked.descriptor,
    ranked.kind, found.is_quoted, count(*) as count_descriptors
from found
inner join ranked using (entity_id, descriptor_key, is_quoted)
where ranked.rank <= {TOP_DESCRIPTORS}
group by all
order by found.entity_id, ranked.descriptor, found.outlet_name, found.day
"""

QUOTES = f"""
with
top as (
    select * from shared_quotes
    order by n_outlets desc, count_quotes desc, quote_group_id
    limit {TOP_QUOTES}
),
members as (
    select matches.quote_group_id,
        list(distinct quotes.doc_id order by quotes.doc_id)[1:{MEMBERS}] as doc_ids
    from stg_quote_matches as matches
    inner join quotes on matches.quote_id = quotes.quote_id
    where matches.quote_group_id in (select quote_group_id from top)
    group by all
)
select top.quote_group_id, top.text, top.speaker_entity_id, top.speaker_name, top.outlets, top.n_outlets,
    top.variants[1:5] as variants, top.count_quotes, members.doc_ids
from top
left join members using (quote_group_id)
order by top.n_outlets desc, top.count_quotes desc, top.quote_group_id
"""

# what and unit may be null: compared with `is not distinct from`, not joined with `using`.
FIGURES = f"""
with
top_figures as (
    select what, unit from figures_across_outlets group by all
    order by max(n_outlets) desc, sum(count_figures) desc, what, unit limit {TOP_FIGURES}
)
select r.what, r.unit, r.outlet_id, r.outlet_name, r.n_outlets, r.count_figures, r.min_value, r.max_value,
    r.figure_values[1:40] as figure_values, r.examples[1:3] as examples
from figures_across_outlets as r
inner join top_figures as t on r.what is not distinct from t.what and r.unit is not distinct from t.unit
order by r.n_outlets desc, r.what, r.unit, r.count_figures desc, r.outlet_name
"""

STORIES = f"""
select story_id, count_articles, n_outlets, outlets, titles[1:5] as titles, first_published_at, last_published_at,
    doc_ids[1:{MEMBERS}] as doc_ids
from story_clusters
order by n_outlets desc, count_articles desc, story_id
limit {TOP_STORIES}
"""

# The articles the shown quotes and stories link to: title, outlet, date, URL.
ARTICLES = f"""
with
linked as (
    select unnest(doc_ids[1:{MEMBERS}]) as doc_id from (
        select doc_ids from story_clusters order by n_outlets desc, count_articles desc, story_id limit {TOP_STORIES})
    union
    select quotes.doc_id from stg_quote_matches as matches
    inner join quotes on matches.quote_id = quotes.quote_id
    where matches.quote_group_id in (
        select quote_group_id from shared_quotes
        order by n_outlets desc, count_quotes desc, quote_group_id limit {TOP_QUOTES})
)
select doc_id, title, outlet_id, outlet_name, published_on as day, url, source_path
from articles
where doc_id in (select doc_id from linked)
order by doc_id
"""

# name -> (the view it shows, its SQL)
QUERIES = {
    "runs": ("runs", RUN),
    "repaired": ("articles", REPAIRED),
    "outlet_days": ("articles", OUTLET_DAYS),
    "entity_coverage": ("entity_coverage", COVERAGE),
    "alias_usage": ("alias_usage", SPELLINGS),
    "entity_descriptors": ("entity_descriptors", DESCRIPTORS),
    "shared_quotes": ("shared_quotes", QUOTES),
    "figures_across_outlets": ("figures_across_outlets", FIGURES),
    "story_clusters": ("story_clusters", STORIES),
    "articles": ("story_clusters", ARTICLES),
}
