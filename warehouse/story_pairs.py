"""Story clustering from scratch in DuckDB, statement by statement in one session (flows/storage/aggregate.py:
session): the distinct articles (nodes), their tf-idf vectors and the candidate pairs worth scoring, held in DuckDB
tables that spill to disk, so that Python reads them in bounded slices (transforms/compare/story_scores.py) whatever
the corpus.

The arithmetic is the one of transforms/compare/stories.py (_vectors, _Postings, _partners), step for step, so that
every weight is the same double: idf = ln((n + 1) / (df + 1)) + 1, weight = (ln(count) + 1) * idf, each weight
divided by the norm of all of its node's weights, the squares summed in the order the node's terms are listed
(then its entities), as Arrow sums them.
"""

from warehouse import run_wide
from warehouse.run_wide import STORY_NODES

# nodes: one row per distinct article (exact copies once) numbered in doc_id order, with its day (null if undated)
# and its place in day order (dated by day, then undated), the order in which vectors are read.
NODES = f"""
create table nodes as
with distinct_rows as ({STORY_NODES}),

numbered as (
    select
        (row_number() over (order by doc_id) - 1)::integer as node,
        doc_id,
        floor(epoch_ms(published_at) / 86400000)::integer as day,
        weight,
        terms,
        counts,
        entity_ids
    from distinct_rows
)

select
    *,
    (row_number() over (order by day asc nulls last, node) - 1)::integer as place
from numbered
"""

# ENTITY_IDS: every entity id the nodes hold, once (their term ids are hashed in Python: crc32 of 'entity:' + id).
ENTITY_IDS = """
select distinct unnest(entity_ids) as entity_id
from nodes
order by entity_id
"""

# entries: one row per (node, term) of a vector that another node shares (df > 1): its unit weight and its rank in
# the node (1 = highest weight, ties by term). `entity_terms` (entity_id, term) is registered by the caller.
ENTRIES = """
create table entries as
with listed as (
    select
        node,
        unnest(terms) as term,
        unnest(counts)::bigint as count,
        generate_subscripts(terms, 1) as position
    from nodes
    union all
    select
        nodes.node,
        entity_terms.term,
        $entity_count::bigint as count,
        $entity_offset + listed_entities.position as position
    from nodes
    inner join (
        select
            node,
            unnest(entity_ids) as entity_id,
            generate_subscripts(entity_ids, 1) as position
        from nodes
    ) as listed_entities on nodes.node = listed_entities.node
    inner join entity_terms on listed_entities.entity_id = entity_terms.entity_id
),

bags as (
    select
        node,
        term,
        sum(count) as count,
        min(position) as position
    from listed
    group by node, term
),

frequencies as (
    select
        term,
        count(*) as df
    from bags
    group by term
),

weighted as (
    select
        bags.node,
        bags.term,
        bags.position,
        frequencies.df,
        (ln(bags.count::double) + 1.0)
        * (ln((select count(*) + 1 from nodes)::double / (frequencies.df::double + 1.0)) + 1.0) as weight
    from bags
    inner join frequencies on bags.term = frequencies.term
),

norms as (
    select
        node,
        sqrt(list_reduce(list(weight * weight order by position), lambda x, y: x + y)) as norm
    from weighted
    group by node
)

select
    weighted.node,
    weighted.term::uint32 as term,
    weighted.weight / case when norms.norm = 0 then 1.0 else norms.norm end as unit,
    row_number() over (partition by weighted.node order by weighted.weight desc, weighted.term) as rank,
    nodes.day,
    nodes.place
from weighted
inner join norms on weighted.node = norms.node
inner join nodes on weighted.node = nodes.node
where weighted.df > 1
"""

# pairs: the node pairs worth scoring (a < b), as _partners finds them: a node looks through its $key_terms highest
# terms for the nodes holding them (dated ones within $window days of its day, all of them when it is undated;
# undated ones always), a term's nodes only when they are $limit or fewer there, and pairs with nodes holding
# $min_shared of its key terms. A pair is kept once, whichever node found it.
PAIRS = """
create table pairs as
with keys as (
    select node, term, day
    from entries
    where rank <= $key_terms
),

dated_days as (
    select term, day, count(*) as holders
    from entries
    where day is not null
    group by term, day
),

windowed as (
    select
        term,
        day,
        sum(holders) over (partition by term order by day range between $window preceding and $window following)
        as near
    from dated_days
),

totals as (
    select
        term,
        count(day) as dated,
        count(*) - count(day) as undated
    from entries
    group by term
),

found as (
    select keys.node as a, entries.node as b
    from keys
    inner join windowed on keys.term = windowed.term and keys.day = windowed.day
    inner join entries on keys.term = entries.term
        and entries.day between keys.day - $window and keys.day + $window
    where windowed.near <= $limit
    union all
    select keys.node as a, entries.node as b
    from keys
    inner join totals on keys.term = totals.term
    inner join entries on keys.term = entries.term
    where keys.day is null and entries.day is not null and totals.dated <= $limit
    union all
    select keys.node as a, entries.node as b
    from keys
    inner join totals on keys.term = totals.term
    inner join entries on keys.term = entries.term
    where entries.day is null and totals.undated <= $limit
),

partners as (
    select a, b
    from found
    where a <> b
    group by a, b
    having count(*) >= $min_shared
)

select distinct
    least(a, b) as a,
    greatest(a, b) as b
from partners
"""

# vector_rows: the vectors' rows in day order (place), each node's by rank, so that a scan reads them in order.
VECTOR_ROWS = """
create table vector_rows as
select place, term, unit
from entries
order by place, rank
"""

# VECTORS: the rows of the vectors at places [$first, $last), in order.
VECTORS = """
select place, term, unit
from vector_rows
where place >= $first and place < $last
"""

# UNDATED_PLACES: the places of the undated nodes, [first, last) (they come after every dated one).
UNDATED_PLACES = """
select
    min(place) as first,
    max(place) + 1 as last
from nodes
where day is null
"""

# placed_pairs: the pairs with both places (p the earlier in day order), whether a (the smaller node) is at p and
# whether both are dated, in order of p, so that a scan reads them in order.
PLACED_PAIRS = """
create table placed_pairs as
select
    least(node_a.place, node_b.place) as p,
    greatest(node_a.place, node_b.place) as q,
    pairs.a,
    pairs.b,
    node_a.place < node_b.place as a_first,
    node_a.day is not null and node_b.day is not null as dated
from pairs
inner join nodes as node_a on pairs.a = node_a.node
inner join nodes as node_b on pairs.b = node_b.node
order by p, q
"""

# DATED_PAIRS / UNDATED_PAIRS: the pairs of two dated nodes, and those with an undated one whose later place is in
# [$first, $last), in order of p.
DATED_PAIRS = """
select p, q, a, b, a_first
from placed_pairs
where dated
"""
UNDATED_PAIRS = """
select p, q, a, b, a_first
from placed_pairs
where not dated and q >= $first and q < $last
"""

# LINKS: scored pairs (`scores`: a, b, score) that link: $threshold, or $undated_threshold when a date is missing.
LINKS = """
select scores.a, scores.b
from scores
inner join nodes as node_a on scores.a = node_a.node
inner join nodes as node_b on scores.b = node_b.node
where scores.score >= case
    when node_a.day is not null and node_b.day is not null then $threshold else $undated_threshold
end
order by scores.a, scores.b
"""

# components: the link components (`component_rows`: node, component) kept in the session.
COMPONENTS = """
create table components as
select node, component
from component_rows
"""

# COMPONENT_SCORES: the scored pairs within each link component (`components`: node, component), whole components
# in order.
COMPONENT_SCORES = """
select
    scores.a,
    scores.b,
    scores.score,
    component_a.component
from scores
inner join components as component_a on scores.a = component_a.node
inner join components as component_b on scores.b = component_b.node
where component_a.component = component_b.component
order by component_a.component, scores.a, scores.b
"""

# NODE_INFO: day and weight of the nodes in `wanted` (node).
NODE_INFO = """
select nodes.node, nodes.day, nodes.weight
from nodes
inner join wanted on nodes.node = wanted.node
"""

# STORIES_FROM_NODES: STORIES, each article with its node's story: the smallest doc_id of its cluster
# (`clustered`: node, root, similarity; a node not there is a story of its own copies), similarity 1 for a copy.
STORIES_FROM_NODES = run_wide.STORY_COPIES + """,

named as (
    select
        clustered.node,
        min(nodes.doc_id) over (partition by clustered.root) as story_id,
        clustered.similarity
    from clustered
    inner join nodes on clustered.node = nodes.node
)

select
    coalesce(named.story_id, nodes.doc_id) as story_id,
    copies.doc_id,
    case when nodes.weight > 1 then 1.0 else named.similarity end as similarity
from copies
inner join nodes on copies.node_doc_id = nodes.doc_id
left join named on nodes.node = named.node
order by copies.doc_id
"""
