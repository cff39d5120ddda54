"""SQL the run-wide steps run over a run's own Parquet parts before its catalog exists (flows/storage/aggregate.py).

`{table}` names that table's parts in the run, with `part_number` and `file_row_number` to keep their reading
order; `$name` is a parameter; other names are Arrow tables the step passes. Each query counts groups, or gives a
row of ids per quote or article where the step would otherwise read whole rows: DuckDB runs it in a bounded memory
and spills the rest."""

# NAME_TOTALS (transforms/names/counts.py): one row per name, match kind and surface of the given kinds. NAME_COUNTS
# has one row per article and key, so its rows counted are the articles.
NAME_TOTALS = """
select
    entity_id,
    match_kind,
    surface,
    sum(count_mentions)::bigint as count_mentions,
    count(*)::bigint as count_articles
from {name_counts}
where list_contains($kinds, match_kind)
group by all
order by entity_id, match_kind, surface
"""

# ENTITY_COUNTS: mentions and distinct articles of every entity a discovered name links to (through `links`, the
# run's ENTITY_LINKS) and of every entity table's entity; articles counted once per entity from (entity, article)
# groups, which DuckDB spills when they are many.
ENTITY_COUNTS = """
with by_article as (
    select
        links.entity_id,
        false as is_curated,
        name_counts.doc_id,
        name_counts.count_mentions
    from {name_counts} as name_counts
    inner join links on name_counts.entity_id = links.name_id
    where list_contains($discovered, name_counts.match_kind) and links.entity_id is not null
    union all
    select
        entity_id,
        true as is_curated,
        doc_id,
        count_mentions
    from {name_counts}
    where list_contains($curated, match_kind)
),

per_article as (
    select
        entity_id,
        is_curated,
        doc_id,
        sum(count_mentions) as count_mentions
    from by_article
    group by all
)

select
    entity_id,
    is_curated,
    sum(count_mentions)::bigint as count_mentions,
    count(*)::bigint as count_articles
from per_article
group by all
order by is_curated, entity_id
"""

# The candidate mentions of a run: those the batches wrote, then the mentions of discovered names no entity took
# (`links`: the run's ENTITY_LINKS) with the note of their link; `row_key` keeps the order a run reads them in (the
# batches' candidates, then the names left, each in part order).
_CANDIDATE_ROWS = """
candidate_rows as not materialized (
    select
        doc_id,
        surface,
        start_char,
        end_char,
        note,
        null::varchar as entity_id,
        (part_number::bigint << 32) | file_row_number as row_key
    from {candidate_mentions}
    union all
    select
        mentions.doc_id,
        mentions.surface,
        mentions.start_char,
        mentions.end_char,
        links.note,
        null::varchar as entity_id,
        (1::bigint << 56) | (mentions.part_number::bigint << 32) | mentions.file_row_number as row_key
    from {mentions} as mentions
    inner join links on mentions.entity_id = links.name_id
    where links.entity_id is null
)"""

# NAME_CANDIDATES (transforms/names/mentions.py:summarise_candidates): per surface its mentions, articles, outlets
# ('unknown' for an article not in the run), the most frequent note (the first met on a tie) and the first article.
NAME_CANDIDATES = "with" + _CANDIDATE_ROWS + """,

outlets as (
    select
        doc_id,
        outlet_name
    from {articles}
),

by_article as (
    select
        surface,
        doc_id,
        count(*) as count_rows,
        min(row_key) as first_row
    from candidate_rows
    group by all
),

notes as (
    select
        surface,
        note,
        count(*) as count_rows,
        min(row_key) as first_row
    from candidate_rows
    where note is not null
    group by all
),

best_notes as (
    select
        surface,
        note
    from notes
    qualify row_number() over (partition by surface order by count_rows desc, first_row asc) = 1
),

by_surface as (
    select
        by_article.surface,
        sum(by_article.count_rows)::integer as n_mentions,
        count(*)::integer as n_articles,
        list_sort(list(distinct coalesce(outlets.outlet_name, 'unknown'))) as outlets,
        arg_min(by_article.doc_id, by_article.first_row) as example_doc_id
    from by_article
    left join outlets on by_article.doc_id = outlets.doc_id
    group by by_article.surface
),

final as (
    select
        by_surface.surface,
        by_surface.n_mentions,
        by_surface.n_articles,
        by_surface.outlets,
        best_notes.note,
        by_surface.example_doc_id
    from by_surface
    left join best_notes on by_surface.surface = best_notes.surface
)

select * from final
order by n_mentions desc, n_articles desc, surface asc
"""

# The rows alias suggestions read (transforms/names/spellings.py): candidate mentions but ambiguous ones (a surname
# shared by known people is not a new spelling of either), then mentions of known entities by a variant spelling.
_SPELLING_ROWS = "with" + _CANDIDATE_ROWS + """,

spelling_rows as (
    select
        surface,
        doc_id,
        start_char,
        end_char,
        entity_id,
        row_key
    from candidate_rows
    where not coalesce(starts_with(note, 'ambiguous'), false)
    union all
    select
        surface,
        doc_id,
        start_char,
        end_char,
        entity_id,
        (2::bigint << 56) | (part_number::bigint << 32) | file_row_number as row_key
    from {mentions}
    where match_kind = 'variant' and not coalesce(starts_with(entity_id, 'ambiguous'), false)
)
"""

# SPELLING_TOTALS: one row per surface: its mentions, and the entity of its last variant mention (if any).
SPELLING_TOTALS = _SPELLING_ROWS + """
select
    surface,
    count(*)::bigint as count_mentions,
    max(row_key) filter (where entity_id is not null) as last_variant_key,
    arg_max(entity_id, row_key) filter (where entity_id is not null) as entity_id
from spelling_rows
group by surface
order by surface
"""

# SPELLING_DOCS: the rows of the given $surfaces, in the order a run reads them.
SPELLING_DOCS = _SPELLING_ROWS + """
select
    surface,
    doc_id,
    start_char,
    end_char
from spelling_rows
where list_contains($surfaces, surface)
order by row_key
"""

# The run's non-fragment quotes, each with the number of its text among the distinct texts in order of first
# appearance (as Arrow's dictionary_encode numbers them): quote groups match each distinct text once, so only
# QUOTE_TEXTS holds texts, and every quote is a row of ids (transforms/compare/quotes/groups.py:group_texts).
QUOTE_ROWS = """
with kept as (
    select
        quote_id,
        doc_id,
        text,
        (part_number::bigint << 32) | file_row_number as row_key
    from {quotes}
    where not is_fragment
),

texts as (
    select
        text,
        min(row_key) as first_row
    from kept
    group by text
),

numbered as (
    select
        text,
        first_row,
        (row_number() over (order by first_row) - 1)::integer as text_number
    from texts
)
"""

# QUOTE_TEXTS: one row per distinct text, in order of first appearance.
QUOTE_TEXTS = QUOTE_ROWS + """
select text from numbered
order by text_number
"""

# QUOTE_NUMBERS: one row per non-fragment quote, in reading order.
QUOTE_NUMBERS = QUOTE_ROWS + """
select
    kept.quote_id,
    kept.doc_id,
    numbered.text_number
from kept
inner join numbered on kept.text = numbered.text
order by kept.row_key
"""

# Story features with their exact copies found in DuckDB (transforms/compare/stories.py): rows with the same terms,
# counts, entity ids and day are one node, named by its smallest doc_id; a row with no terms and no entities is never
# a copy. Clustering reads the nodes alone; each article then takes its node's story.
STORY_COPIES = """
with features as (
    select
        doc_id,
        terms,
        counts,
        entity_ids,
        floor(epoch_ms(published_at) / 86400000) as day,
        case when len(terms) = 0 and len(entity_ids) = 0 then doc_id end as alone
    from {story_features}
),

copies as (
    select
        doc_id,
        min(doc_id) over (partition by terms, counts, entity_ids, day, alone) as node_doc_id
    from features
)
"""

# STORY_NODES: one row per node: the story features of its first article and how many articles it stands for.
STORY_NODES = STORY_COPIES + """,

weights as (
    select
        node_doc_id,
        count(*)::integer as weight
    from copies
    group by node_doc_id
)

select
    story_features.doc_id,
    story_features.outlet_id,
    story_features.published_at,
    story_features.terms,
    story_features.counts,
    story_features.entity_ids,
    weights.weight
from {story_features} as story_features
inner join weights on story_features.doc_id = weights.node_doc_id
order by story_features.doc_id
"""
