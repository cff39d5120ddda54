"""All story features -> stories told across outlets: articles linked by tf-idf cosine of their features."""

import bisect
import math
from collections import Counter, defaultdict
from itertools import accumulate, chain, islice, pairwise
from operator import mul

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from transforms.compare.story_clusters import FLOOR, THRESHOLD, UNDATED_THRESHOLD, best_similarity, link_clusters
from transforms.compare.story_features import ENTITY_COUNT, ENTITY_PREFIX, term_hash
from warehouse.contracts import STORIES

# Articles dated further apart than this are never linked directly, nor share a story at twice that distance.
WINDOW_DAYS = 3
KEY_TERMS = 10  # an article looks for partners through its highest tf-idf terms
MIN_SHARED_KEYS = 2  # a partner must carry two of those terms to be scored at all
MAX_POSTINGS = 200  # a term that many articles in the window share is too common locally to find partners
ENTITY_POSITIONS = 1 << 20  # an entity's place in a row comes after every term's
NODES_AT_ONCE = 2_000  # vectors built from this many nodes' rows at a time (the rows as Python objects are large)


def _days(features: pa.Table) -> list[int | None]:
    # in milliseconds whatever the unit it comes in (DuckDB gives microseconds)
    millis = pc.cast(pc.cast(features["published_at"], pa.timestamp("ms", tz="UTC")), pa.int64())
    return [None if ms is None else ms // 86_400_000 for ms in millis.to_pylist()]


def _row_bytes(lists: pa.ChunkedArray) -> list[bytes]:
    """A list column -> each row's values as raw bytes: an exact key without a Python object per value."""
    array = lists.combine_chunks()
    values = pc.list_flatten(array)
    width = values.type.bit_width // 8
    data = values.buffers()[1]
    raw = data.to_pybytes()[values.offset * width:(values.offset + len(values)) * width] if data else b""
    ends = list(accumulate(pc.list_value_length(array).fill_null(0).to_pylist(), initial=0))
    return [raw[s * width:e * width] for s, e in pairwise(ends)]


def _copies(features: pa.Table, days: list[int | None]) -> list[int]:
    """Rows -> the first row with the same terms, counts, entity_ids and day (itself when it has no copy)."""
    keys = zip(_row_bytes(features["terms"]), _row_bytes(features["counts"]),
               map(tuple, features["entity_ids"].to_pylist()), days, strict=True)
    first: dict[tuple, int] = {}
    # a row with nothing to compare (no terms, no entities) is never a copy: empty is not the same text
    return [first.setdefault(key, i) if key[0] or key[2] else i for i, key in enumerate(keys)]


def _positions(lists: pa.ChunkedArray, first: int = 1) -> pa.Array:
    """A list column -> each flattened value's place in its own list, counted from first."""
    array = lists.combine_chunks()
    offsets = array.offsets.to_numpy()
    parents = pc.list_parent_indices(array).to_numpy()
    return pa.array(np.arange(len(parents), dtype=np.int64) + offsets[0] - offsets[parents] + first)


def _bags(nodes: pa.Table) -> pa.Table:
    """Features -> (node, term, count, position) rows: the row's terms plus one term per known entity, each at its
    first place in the row (terms in list order, then entities)."""
    entities = pc.list_flatten(nodes["entity_ids"])
    names = pc.unique(entities)
    hashes = pa.array([term_hash(ENTITY_PREFIX + e) for e in names.to_pylist()], pa.uint32())
    bags = pa.concat_tables([
        pa.table({"node": pc.list_parent_indices(nodes["terms"]), "term": pc.list_flatten(nodes["terms"]),
                  "count": pc.cast(pc.list_flatten(nodes["counts"]), pa.int64()),
                  "position": _positions(nodes["terms"])}),
        # a known entity matches across spellings the words alone would miss
        pa.table({"node": pc.list_parent_indices(nodes["entity_ids"]), "term": pc.take(hashes, pc.index_in(
            entities, names)), "count": pa.array([ENTITY_COUNT] * len(entities), pa.int64()),
                  "position": _positions(nodes["entity_ids"], ENTITY_POSITIONS + 1)}),
    ])
    return bags.group_by(["node", "term"], use_threads=False).aggregate([("count", "sum"), ("position", "min")])


def _vectors(nodes: pa.Table) -> list[dict[int, float]]:
    """Features -> one unit-length tf-idf vector per row, terms by weight (highest first); idf over these rows."""
    bags = _bags(nodes)
    df_terms = pc.value_counts(bags["term"]).flatten()
    df = pc.take(df_terms[1], pc.index_in(bags["term"], df_terms[0]))
    idf = pc.add(pc.ln(pc.divide(float(nodes.num_rows + 1), pc.add(pc.cast(df, pa.float64()), 1.0))), 1.0)
    weight = pc.multiply(pc.add(pc.ln(pc.cast(bags["count_sum"], pa.float64())), 1.0), idf)
    bags = bags.append_column("weight", weight).append_column("df", df)
    # squares summed in the order of the row's terms (a norm summed in another order can differ in its last bit, and
    # the out-of-core clustering, warehouse/story_pairs.py, sums them in this order)
    in_order = pc.sort_indices(bags, [("node", "ascending"), ("position_min", "ascending")])
    squares = pa.table({"node": bags["node"], "sq": pc.multiply(weight, weight)}).take(in_order).group_by(
        "node", use_threads=False).aggregate([("sq", "sum")])
    norms = [1.0] * nodes.num_rows
    for node, total in zip(squares["node"].to_pylist(), squares["sq_sum"].to_pylist(), strict=True):
        norms[node] = math.sqrt(total) or 1.0
    bags = bags.filter(pc.greater(bags["df"], 1))  # a term no one else holds cannot link
    bags = bags.take(pc.sort_indices(bags, [("node", "ascending"), ("weight", "descending"), ("term", "ascending")]))
    per_node = pc.value_counts(bags["node"])
    held = dict(zip(per_node.field("values").to_pylist(), per_node.field("counts").to_pylist(), strict=True))
    starts = list(accumulate((held.get(i, 0) for i in range(nodes.num_rows)), initial=0))
    # unit weights divided in Arrow (the same IEEE division), so each vector is built by dict(zip()) at C speed
    unit = pc.divide(bags["weight"], pc.take(pa.array(norms, pa.float64()), bags["node"]))
    vectors, shared = [], {}  # one int object per distinct term, not one per row
    for first in range(0, nodes.num_rows, NODES_AT_ONCE):  # rows read out of Arrow a slice at a time
        last = min(first + NODES_AT_ONCE, nodes.num_rows)
        base = starts[first]
        terms = [shared.setdefault(t, t) for t in bags["term"].slice(base, starts[last] - base).to_pylist()]
        weights = unit.slice(base, starts[last] - base).to_pylist()
        bounds = [start - base for start in starts[first:last + 1]]
        vectors += [dict(zip(terms[a:b], weights[a:b], strict=True)) for a, b in pairwise(bounds)]
    return vectors


class _Postings:
    """Term -> the articles holding it, dated ones sorted by day so a window is two bisections."""

    def __init__(self, vectors: list[dict[int, float]], days: list[int | None], limit: int = MAX_POSTINGS):
        dated, self.undated, self.limit = defaultdict(list), defaultdict(list), limit
        for i in sorted(range(len(vectors)), key=lambda i: (days[i] is None, days[i] or 0, i)):
            for t in vectors[i]:
                (self.undated if days[i] is None else dated)[t].append(i)
        self.dated = {t: (docs, [days[i] for i in docs]) for t, docs in dated.items()}

    def near(self, term: int, day: int | None, window: int | None) -> list[int]:
        """Articles holding term within window days of day (all of them when either date is unknown)."""
        docs, doc_days = self.dated.get(term, ([], []))
        if day is not None and window is not None:
            docs = docs[bisect.bisect_left(doc_days, day - window):bisect.bisect_right(doc_days, day + window)]
        undated = self.undated.get(term, [])
        return (docs if len(docs) <= self.limit else []) + (undated if len(undated) <= self.limit else [])

    def keeps(self, term: int, day: int | None, window: int | None, dated: bool) -> bool:
        """Whether near(term, day, window) keeps the dated (or the undated) articles holding term."""
        if not dated:
            return len(self.undated.get(term, ())) <= self.limit
        doc_days = self.dated.get(term, ((), ()))[1]
        if day is None or window is None:
            return len(doc_days) <= self.limit
        return bisect.bisect_right(doc_days, day + window) - bisect.bisect_left(doc_days, day - window) <= self.limit


def _partners(a: int, vectors, days, postings: _Postings, window: int | None) -> set[int]:
    """Node -> the nodes holding MIN_SHARED_KEYS of its key terms (highest weights) in the window: worth scoring."""
    shared = Counter(chain.from_iterable(postings.near(t, days[a], window) for t in islice(vectors[a], KEY_TERMS)))
    return {b for b, k in shared.items() if k >= MIN_SHARED_KEYS and b != a}


def cosine(a: dict[int, float], b: dict[int, float]) -> float:
    """Two unit vectors -> their dot product, summed over their common terms."""
    common = a.keys() & b.keys()
    return sum(map(mul, map(a.__getitem__, common), map(b.__getitem__, common)))


def _scored_pairs(vectors, days, window: int | None) -> dict[int, dict[int, float]]:
    """Vectors + days -> neighbours scoring at least FLOOR, found through shared key terms, never all pairs."""
    postings = _Postings(vectors, days)
    later: list[set[int]] = [set() for _ in vectors]  # a pair is scored once, from its first node
    for a in range(len(vectors)):
        for b in _partners(a, vectors, days, postings, window):
            later[min(a, b)].add(max(a, b))
    neighbours: dict[int, dict[int, float]] = defaultdict(dict)
    for a, partners in enumerate(later):
        for b in sorted(partners):
            if (score := cosine(vectors[a], vectors[b])) >= FLOOR:
                neighbours[a][b] = neighbours[b][a] = score
    return neighbours


def _linked(seeds: set[int], vectors, days, window: int | None, threshold: float,
            together: list[set[int]]) -> tuple[set[int], dict[int, dict[int, float]]]:
    """Seed nodes -> the nodes a chain of links or shared earlier stories ties to them, and all their scored pairs.

    A cluster only grows along links (pairs scoring at least the threshold) and a merge weighs only the two
    clusters' own pairs, so nodes no chain of links ties to a seed cluster as before; these alone give what
    clustering everything would. A node's pairs are those it finds through its key terms and those that find it."""
    postings = _Postings(vectors, days)
    keys = _Postings([dict.fromkeys(islice(v, KEY_TERMS)) for v in vectors], days, limit=len(vectors))
    common = {t for t, (docs, _) in postings.dated.items() if len(docs) > MAX_POSTINGS}
    common.update(t for t, docs in postings.undated.items() if len(docs) > MAX_POSTINGS)
    crowded = [common.intersection(islice(v, KEY_TERMS)) for v in vectors]  # key terms near() may drop
    neighbours: dict[int, dict[int, float]] = defaultdict(dict)
    seen, queue = set(seeds), sorted(seeds)
    while queue:
        a = queue.pop()
        vector, dated = vectors[a], days[a] is not None
        # nodes that find a through their own key terms: a holds MIN_SHARED_KEYS of them where b looks (only a
        # term held by more than MAX_POSTINGS nodes in all can be too common there)
        found = Counter(chain.from_iterable(keys.near(t, days[a], window) for t in vector))
        found = {b for b, k in found.items() if k >= MIN_SHARED_KEYS and b != a and (not crowded[b] or k - sum(
            t in vector and not postings.keeps(t, days[b], window, dated) for t in crowded[b]) >= MIN_SHARED_KEYS)}
        ties = set(together[a])
        for b in _partners(a, vectors, days, postings, window) | found:
            score = neighbours[a].get(b)
            if score is None and (score := cosine(vectors[min(a, b)], vectors[max(a, b)])) >= FLOOR:  # as in full
                neighbours[a][b] = neighbours[b][a] = score
            if score >= (threshold if dated and days[b] is not None else UNDATED_THRESHOLD):
                ties.add(b)
        queue += sorted(ties - seen)
        seen |= ties
    return seen, neighbours


def kept_stories(previous: pa.Table, doc_ids: pa.Array, carried: pa.Array) -> pa.Table:
    """An earlier run's STORIES + this run's article ids + those carried over unchanged -> the earlier rows
    cluster_stories may keep: every story holding an article analysed again (same id, new features) goes whole, so
    its members count as new; rows of articles gone stay (they tell cluster_stories what was removed)."""
    again = pc.and_(pc.is_in(previous["doc_id"], value_set=doc_ids), pc.invert(pc.is_in(previous["doc_id"],
                                                                                      value_set=carried)))
    broken = pc.unique(previous["story_id"].filter(again))
    return previous.filter(pc.invert(pc.is_in(previous["story_id"], value_set=broken)))


def cluster_stories(features: pa.Table, previous: pa.Table | None = None, *, threshold: float = THRESHOLD,
                    window_days: int | None = WINDOW_DAYS) -> pa.Table:
    """STORY_FEATURES of a corpus (+ earlier STORIES) -> STORIES: story_id = smallest doc_id, similarity = best link.

    Exact copies (same terms, counts, entity_ids and day) are one node: scored once, counted once for idf (a copy
    does not make a term common), and in one story with a similarity of 1.
    previous: an earlier run's STORIES rows of the articles that did not change. Features without a row there are
    new; for removed articles see _seeds. Only the nodes a chain of links ties to a new or removed one are
    clustered again (see _linked): usually far fewer than all articles within 2 * window_days of them, and an
    undated new article needs no full run. The other stories keep their rows. idf is counted over all the current
    features (each distinct row once), so what is clustered again comes out exactly as in a run from scratch (and
    all of it does when every article is linked to a new one). Kept stories keep their members and are scored again
    under this run's idf; where idf moved enough to make or break a link away from the new articles, a run from
    scratch would group differently."""
    features = features.take(pc.sort_indices(features["doc_id"]))  # ties between links break the same every run
    doc_ids, days = features["doc_id"].to_pylist(), _days(features)
    firsts = sorted(set(copies := _copies(features, days)))
    node_of = [n for index in [{row: n for n, row in enumerate(firsts)}] for n in map(index.__getitem__, copies)]
    weights = [0] * len(firsts)
    for n in node_of:
        weights[n] += 1
    node_days = [days[row] for row in firsts]
    vectors = _vectors(features.take(pa.array(firsts, pa.int64())))
    seeds, together, kept = _seeds(doc_ids, node_of, previous)
    if len(seeds) < len(firsts):
        redone, neighbours = _linked(seeds, vectors, node_days, window_days, threshold, together)
    else:
        redone, neighbours = set(range(len(firsts))), _scored_pairs(vectors, node_days, window_days)
    roots = link_clusters(neighbours, node_days, weights, threshold, None if window_days is None else 2 * window_days)
    keys = [roots[n] if n in redone else ("kept", kept[d][0]) for d, n in zip(doc_ids, node_of, strict=True)]
    rescored = _kept_similarity(keys, node_of, redone, vectors, node_days, weights, window_days)
    return _stories(doc_ids, keys, [best_similarity(n, roots, neighbours, weights) if n in redone else rescored[n]
                                    for n in node_of])


def _kept_similarity(keys: list, node_of: list[int], redone: set[int], vectors, days, weights,
                     window: int | None) -> dict[int, float | None]:
    """Nodes of kept stories -> their best score with another node of their story under this run's idf (pairs
    within the date window, at least FLOOR), as a run from scratch scores them; 1 for a node of copies."""
    members = defaultdict(set)
    for key, n in zip(keys, node_of, strict=True):
        if n not in redone:
            members[key].add(n)
    best: dict[int, float | None] = {}
    for nodes in members.values():
        for a in nodes:
            near = (b for b in nodes if b != a and (window is None or days[a] is None or days[b] is None
                                                    or abs(days[a] - days[b]) <= window))
            score = max((s for b in near if (s := cosine(vectors[a], vectors[b])) >= FLOOR), default=None)
            best[a] = 1.0 if weights[a] > 1 else score
    return best


def _seeds(doc_ids: list[str], node_of: list[int], previous: pa.Table | None) -> tuple[set[int], list, dict]:
    """Rows + earlier STORIES -> (nodes to cluster again from, node -> nodes it shared a story with, doc -> row).

    New articles are seeds, and so are the remaining members of a story that lost one: a removed article is a row
    of previous without features, or the story's named (smallest) article when its row is gone too. A removal
    changes nothing outside the story it left (merges that failed leave no trace). A story that lost another
    article whose row is gone too cannot be told from an intact one: callers drop that story's rows as well."""
    nodes = len(set(node_of))
    if previous is None:
        return set(range(nodes)), [set() for _ in range(nodes)], {}
    kept = dict(zip(previous["doc_id"].to_pylist(), zip(previous["story_id"].to_pylist(),
                                                      previous["similarity"].to_pylist(), strict=True), strict=True))
    present = set(doc_ids)
    broken = {s for d, (s, _) in kept.items() if d not in present} | {s for s, _ in kept.values() if s not in kept}
    members = defaultdict(set)
    for doc_id, n in zip(doc_ids, node_of, strict=True):
        if doc_id in kept:
            members[kept[doc_id][0]].add(n)
    seeds = {n for doc_id, n in zip(doc_ids, node_of, strict=True) if doc_id not in kept}
    seeds.update(n for story in broken for n in members.get(story, ()))
    together = [set() for _ in range(nodes)]
    for story in members.values():
        for n in story:
            together[n] |= story
    return seeds, together, kept


def _stories(doc_ids: list[str], keys: list, similarity: list[float | None]) -> pa.Table:
    """Doc ids + a story key per doc -> STORIES named by each story's smallest doc_id."""
    story_of = {}
    for doc_id, key in zip(doc_ids, keys, strict=True):
        story_of[key] = min(story_of.get(key, doc_id), doc_id)
    return pa.table({"story_id": [story_of[k] for k in keys], "doc_id": doc_ids, "similarity": similarity},
                    schema=STORIES)
