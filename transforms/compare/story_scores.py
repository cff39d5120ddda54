"""Story clustering in bounded slices: candidate pairs (found in DuckDB, warehouse/story_pairs.py) scored with vectors
read in day order, and clusters linked one group of connected nodes at a time, with the rules of stories.py."""

from collections.abc import Callable, Iterable, Iterator

import pyarrow as pa

from transforms.compare.stories import WINDOW_DAYS, cosine
from transforms.compare.story_clusters import FLOOR, THRESHOLD, best_similarity, link_clusters
from transforms.compare.story_features import ENTITY_PREFIX, term_hash

SCORES = pa.schema([("a", pa.int32()), ("b", pa.int32()), ("score", pa.float64())])
CLUSTERED = pa.schema([("node", pa.int32()), ("root", pa.int32()), ("similarity", pa.float64())])
PAIRS_AT_ONCE = 200_000  # scored pairs held before they are handed on
COMPONENT_PAIRS = 200_000  # pairs of whole link components clustered at once


def entity_terms(entity_ids: list[str]) -> pa.Table:
    """Entity ids -> (entity_id, term): the term a known entity adds to a story vector."""
    return pa.table({"entity_id": pa.array(entity_ids, pa.string()),
                     "term": pa.array([term_hash(ENTITY_PREFIX + e) for e in entity_ids], pa.uint32())})


def _vector_runs(slices: Iterable[pa.RecordBatch]) -> Iterator[tuple[int, dict[int, float]]]:
    """Rows (place, term, unit) in order of place, then rank -> (place, vector) for each place in turn."""
    place, terms, units = None, [], []
    for batch in slices:
        for p, t, u in zip(batch["place"].to_pylist(), batch["term"].to_pylist(), batch["unit"].to_pylist(),
                           strict=True):
            if p != place:
                if place is not None:
                    yield place, dict(zip(terms, units, strict=True))
                place, terms, units = p, [], []
            terms.append(t)
            units.append(u)
    if place is not None:
        yield place, dict(zip(terms, units, strict=True))


class Vectors:
    """Vectors read in day order (place) from rows (place, term, unit), held from a place on."""

    def __init__(self, slices: Iterable[pa.RecordBatch], held: dict[int, dict[int, float]] | None = None):
        self.runs, self.held, self.read, self.last = _vector_runs(slices), held or {}, {}, -1

    def get(self, place: int) -> dict[int, float]:
        """A place's vector, reading rows until it is read."""
        if place in self.held:
            return self.held[place]
        while self.last < place:
            run = next(self.runs, None)
            if run is None:
                break
            self.last = run[0]
            self.read[run[0]] = run[1]
        return self.read.get(place, {})

    def forget_before(self, place: int) -> None:
        """Let go of the vectors read before place (no later pair needs them)."""
        for p in [p for p in self.read if p < place]:
            del self.read[p]


def score_pairs(pairs: Iterable[pa.RecordBatch], vectors: Vectors) -> Iterator[pa.RecordBatch]:
    """Pairs (p, q, a, b, a_first) in order of p + their vectors -> SCORES at least FLOOR, a batch at a time.

    The cosine is taken with the smaller node's vector first, as stories.py takes it."""
    kept: tuple[list, list, list] = ([], [], [])
    for batch in pairs:
        columns = (batch[name].to_pylist() for name in ("p", "q", "a", "b", "a_first"))
        for p, q, a, b, a_first in zip(*columns, strict=True):
            first, second = (vectors.get(p), vectors.get(q)) if a_first else (vectors.get(q), vectors.get(p))
            if (score := cosine(first, second)) >= FLOOR:
                for column, value in zip(kept, (a, b, score), strict=True):
                    column.append(value)
        vectors.forget_before(batch["p"][-1].as_py() if batch.num_rows else 0)
        if len(kept[0]) >= PAIRS_AT_ONCE:
            yield pa.RecordBatch.from_arrays([pa.array(c, t.type) for c, t in zip(kept, SCORES, strict=True)],
                                             schema=SCORES)
            kept = ([], [], [])
    if kept[0]:
        yield pa.RecordBatch.from_arrays([pa.array(c, t.type) for c, t in zip(kept, SCORES, strict=True)],
                                         schema=SCORES)


def held_vectors(slices: Iterable[pa.RecordBatch]) -> dict[int, dict[int, float]]:
    """Rows (place, term, unit) in order -> every vector among them by place."""
    return dict(_vector_runs(slices))


def components(links: pa.Table) -> pa.Table:
    """Links (a, b) -> (node, component): the nodes a chain of links ties together share a component (its
    smallest node). Clusters grow only along links, so each component clusters on its own."""
    parent: dict[int, int] = {}

    def find(i: int) -> int:
        while parent.setdefault(i, i) != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in zip(links["a"].to_pylist(), links["b"].to_pylist(), strict=True):
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    nodes = sorted(parent)
    return pa.table({"node": pa.array(nodes, pa.int32()), "component": pa.array([find(n) for n in nodes], pa.int32())})


def cluster_components(slices: Iterable[pa.RecordBatch], node_info: Callable[[list[int]], pa.Table],
                       threshold: float = THRESHOLD, window_days: int | None = WINDOW_DAYS) -> Iterator[pa.Table]:
    """Scored pairs within link components (a, b, score, component; by component, then a, b) -> (node, root,
    similarity) of their nodes, whole components at a time; node_info(nodes) -> (node, day, weight) of those."""
    held: list[pa.RecordBatch] = []
    rows = 0
    for batch in slices:
        held.append(batch)
        rows += batch.num_rows
        if rows >= COMPONENT_PAIRS:
            table = pa.Table.from_batches(held)
            last = table["component"][-1].as_py()
            done = table.filter(pa.compute.not_equal(table["component"], last))
            if done.num_rows:
                yield _cluster(done, node_info, threshold, window_days)
            held, rows = table.filter(pa.compute.equal(table["component"], last)).to_batches(), 0
    if held:
        yield _cluster(pa.Table.from_batches(held), node_info, threshold, window_days)


def _cluster(pairs: pa.Table, node_info, threshold: float, window_days: int | None) -> pa.Table:
    """Scored pairs of whole components -> (node, root, similarity), as `link_clusters` clusters them (nodes
    renumbered in their order, so ties between links break the same)."""
    a, b, scores = (pairs[name].to_pylist() for name in ("a", "b", "score"))
    nodes = sorted(set(a) | set(b))
    local = {n: i for i, n in enumerate(nodes)}
    info = node_info(nodes)
    by_node = dict(zip(info["node"].to_pylist(), zip(info["day"].to_pylist(), info["weight"].to_pylist(),
                                                      strict=True), strict=True))
    days, weights = [by_node[n][0] for n in nodes], [by_node[n][1] for n in nodes]
    neighbours: dict[int, dict[int, float]] = {}
    for x, y, s in zip(a, b, scores, strict=True):
        neighbours.setdefault(local[x], {})[local[y]] = s
        neighbours.setdefault(local[y], {})[local[x]] = s
    # each node's partners in ascending order, as stories._scored_pairs lists them (the order merges sum scores in)
    neighbours = {n: dict(sorted(partners.items())) for n, partners in neighbours.items()}
    roots = link_clusters(neighbours, days, weights, threshold, None if window_days is None else 2 * window_days)
    return pa.table({"node": nodes, "root": [nodes[r] for r in roots],
                     "similarity": [best_similarity(i, roots, neighbours, weights) for i in range(len(nodes))]},
                    schema=CLUSTERED)

