"""Read-only SQL behind the HTML report: one query per catalog view, each cut to its top rows so the page stays small.

Keys are the view each query reads; a catalog without that view gives the section no rows."""

TOP_ENTITIES, TOP_OUTLETS = 25, 15  # heatmap
TOP_SPELLED, TOP_DESCRIBED, TOP_DESCRIPTORS, TOP_SERIES = 10, 8, 6, 10
TOP_QUOTES, TOP_FIGURES, TOP_STORIES = 20, 12, 20

RUN = "select run_id, started_at, finished_at, count_files, count_articles, count_quarantined from runs"

COVERAGE = f"""
with
top_entities as (
    select entity_id from entity_coverage group by all
    order by sum(count_mentions) desc, entity_id limit {TOP_ENTITIES}
),
top_outlets as (
    select outlet from entity_coverage group by all order by sum(count_mentions) desc, outlet limit {TOP_OUTLETS}
)
select entity_id, canonical_name, entity_type, outlet, count_articles, count_mentions
from entity_coverage
where entity_id in (select entity_id from top_entities) and outlet in (select outlet from top_outlets)
order by count_mentions desc, entity_id, outlet
"""

# Only entities written more than one way: the section is about the choice between spellings.
SPELLINGS = f"""
with
varied as (
    select entity_id from alias_usage group by all
    having count(distinct spelling) > 1
    order by sum(count_mentions) desc, entity_id limit {TOP_SPELLED}
),
top_outlets as (
    select outlet from alias_usage where entity_id in (select entity_id from varied)
    group by all order by sum(count_mentions) desc, outlet limit {TOP_SERIES}
)
select entity_id, canonical_name, outlet, spelling, count_mentions, count_articles, surfaces
from alias_usage
where entity_id in (select entity_id from varied) and outlet in (select outlet from top_outlets)
order by entity_id, outlet, count_mentions desc, spelling
"""

DESCRIPTORS = f"""
with
top_entities as (
    select entity_id from entity_descriptors group by all
    order by sum(count_descriptors) desc, entity_id limit {TOP_DESCRIBED}
),
ranked as (
    select
        entity_id,
        descriptor,
        row_number() over (partition by entity_id order by sum(count_descriptors) desc, descriptor) as rank
    from entity_descriptors
    where entity_id in (select entity_id from top_entities)
    group by entity_id, descriptor
),
top_outlets as (
    select outlet_id from entity_descriptors where entity_id in (select entity_id from top_entities)
    group by all order by sum(count_descriptors) desc, outlet_id limit {TOP_SERIES}
)
select d.entity_id, d.canonical_name, d.outlet_id, d.outlet_name, d.descriptor, d.kind, d.is_quoted,
    d.count_descriptors, d.count_articles
from entity_descriptors as d
inner join ranked on d.entity_id = ranked.entity_id and d.descriptor = ranked.descriptor
where ranked.rank <= {TOP_DESCRIPTORS} and d.outlet_id in (select outlet_id from top_outlets)
order by d.entity_id, d.descriptor, d.count_descriptors desc, d.outlet_id
"""

QUOTES = f"""
select quote_group_id, text, speaker_entity_id, speaker_name, outlets, n_outlets,
    list_slice(variants, 1, 5) as variants, count_quotes
from shared_quotes
order by n_outlets desc, count_quotes desc, quote_group_id
limit {TOP_QUOTES}
"""

# what and unit may be null: compared with `is not distinct from`, not joined with `using`.
FIGURES = f"""
with
top_figures as (
    select what, unit from figures_across_outlets group by all
    order by max(n_outlets) desc, sum(count_figures) desc, what, unit limit {TOP_FIGURES}
),
ranked as (
    select
        *,
        row_number() over (partition by what, unit order by count_figures desc, outlet_id) as rank
    from figures_across_outlets
)
select r.what, r.unit, r.outlet_id, r.outlet_name, r.n_outlets, r.count_figures, r.min_value, r.max_value,
    list_slice(r.figure_values, 1, 40) as figure_values, list_slice(r.examples, 1, 3) as examples
from ranked as r
inner join top_figures as t on r.what is not distinct from t.what and r.unit is not distinct from t.unit
where r.rank <= {TOP_SERIES}
order by r.n_outlets desc, r.what, r.unit, r.count_figures desc, r.outlet_id
"""

STORIES = f"""
select story_id, count_articles, n_outlets, list_slice(outlets, 1, 12) as outlets, list_slice(titles, 1, 5) as titles,
    first_published_at, last_published_at
from story_clusters
order by n_outlets desc, count_articles desc, story_id
limit {TOP_STORIES}
"""

QUERIES = {
    "runs": RUN,
    "entity_coverage": COVERAGE,
    "alias_usage": SPELLINGS,
    "entity_descriptors": DESCRIPTORS,
    "shared_quotes": QUOTES,
    "figures_across_outlets": FIGURES,
    "story_clusters": STORIES,
}
