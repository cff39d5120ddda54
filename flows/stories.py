"""Story clusters of a run from scratch, out of core: DuckDB holds the nodes, vectors and candidate pairs
(warehouse/story_pairs.py, in a scratch database spilling to disk: flows/storage/scratch.py), Python scores and links
them in bounded slices (transforms/compare/story_scores.py). The same stories as
transforms/compare/stories.cluster_stories gives from scratch."""

import pyarrow as pa

from flows.storage.scratch import scratch
from transforms.compare import stories
from transforms.compare import story_scores as scores
from transforms.compare.story_features import ENTITY_COUNT
from warehouse import story_pairs as sql

UNDATED_AT_ONCE = 5_000  # undated nodes whose vectors are held while every other vector is read past them
VECTOR_ROWS_AT_ONCE = 20_000  # vector rows read from DuckDB at a time (a node has about 80)
_EVERYTHING = {"first": 0, "last": 2 ** 31 - 1}


def run_stories(warehouse_dir: str, run_id: str) -> pa.Table:
    """A run's story features -> STORIES, the run's articles clustered from scratch."""
    with scratch(warehouse_dir, run_id) as con:
        con.execute(sql.NODES)
        con.execute(sql.ENTRIES, {"entity_count": ENTITY_COUNT, "entity_offset": stories.ENTITY_POSITIONS},
                    {"entity_terms": scores.entity_terms(con.fetch(sql.ENTITY_IDS)["entity_id"].to_pylist())})
        con.execute(sql.PAIRS, {"key_terms": stories.KEY_TERMS, "window": stories.WINDOW_DAYS,
                                "limit": stories.MAX_POSTINGS, "min_shared": stories.MIN_SHARED_KEYS})
        con.execute(sql.VECTOR_ROWS)
        con.execute(sql.PLACED_PAIRS)
        con.append("scores", scores.SCORES, _scored(con))
        links = con.fetch(sql.LINKS, {"threshold": stories.THRESHOLD, "undated_threshold": stories.UNDATED_THRESHOLD})
        con.execute(sql.COMPONENTS, tables={"component_rows": scores.components(links)})
        del links

        def node_info(nodes: list[int]) -> pa.Table:
            return con.fetch(sql.NODE_INFO, tables={"wanted": pa.table({"node": pa.array(nodes, pa.int32())})})

        con.append("clustered", scores.CLUSTERED, (b for t in scores.cluster_components(
            con.slices(sql.COMPONENT_SCORES), node_info) for b in t.to_batches()))
        return con.fetch(sql.STORIES_FROM_NODES)


def _scored(con):
    """The candidate pairs scored: those of two dated nodes in one pass in day order, then those with an undated
    node, UNDATED_AT_ONCE undated nodes held at a time while the vectors before them are read in order."""
    def vectors(places: dict, held: dict | None = None) -> scores.Vectors:
        return scores.Vectors(con.slices(sql.VECTORS, places, VECTOR_ROWS_AT_ONCE), held)

    yield from scores.score_pairs(con.slices(sql.DATED_PAIRS), vectors(_EVERYTHING))
    undated = con.fetch(sql.UNDATED_PLACES).to_pylist()[0]
    for low in range(undated["first"] or 0, undated["last"] or 0, UNDATED_AT_ONCE):
        group = {"first": low, "last": min(low + UNDATED_AT_ONCE, undated["last"])}
        held = scores.held_vectors(con.slices(sql.VECTORS, group, VECTOR_ROWS_AT_ONCE))
        yield from scores.score_pairs(con.slices(sql.UNDATED_PAIRS, group), vectors(_EVERYTHING, held))
