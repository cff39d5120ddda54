"""Mentions counted per article, by name across batches and by entity: in Arrow and, for a run, in DuckDB."""

import pyarrow as pa
import pytest

from flows import storage
from transforms.names.counts import entity_counts, name_counts, name_totals, with_counts
from transforms.names.discovery import CURATED_KINDS, DISCOVERED_KINDS
from transforms.names.mentions import parse_entities
from transforms.names.resolution import resolve, resolve_names, resolve_totals
from warehouse import run_wide
from warehouse.contracts import ENTITY_LINKS

RUN = "20260101T000000000000Z-abc123"
MENTIONS = [  # doc, id, surface, kind
    ("a", "n:barack-obama", "Barack Obama", "discovered"),
    ("a", "n:barack-obama", "Obama", "surname_in_article"),
    ("a", "n:barack-obama", "Obama", "surname_in_article"),
    ("a", "n:obama-barack", "Obama Barack", "discovered"),
    ("b", "n:barack-obama", "Barack Obama", "discovered"),
    ("b", "n:obama", "Obama", "pending"),
    ("b", "jordan", "Jordan", "alias"),
    ("c", "jordan", "Jordan", "alias"),
    ("c", "jordan", "Jordan", "alias"),
    ("c", "n:fbi", "FBI", "pending"),
]


def _mentions(rows) -> pa.Table:
    return pa.table({"doc_id": [r[0] for r in rows], "entity_id": [r[1] for r in rows],
                     "surface": [r[2] for r in rows], "match_kind": [r[3] for r in rows],
                     "start_char": list(range(len(rows))), "end_char": list(range(1, len(rows) + 1))})


def _links(pairs) -> pa.Table:
    return pa.table({"name_id": [p[0] for p in pairs], "entity_id": [p[1] for p in pairs],
                     "match_kind": ["discovered"] * len(pairs), "note": [None] * len(pairs)}, schema=ENTITY_LINKS)


def test_an_article_repeating_a_name_is_one_row_with_its_count():
    counts = name_counts(_mentions(MENTIONS)).to_pylist()
    assert {"doc_id": "a", "entity_id": "n:barack-obama", "match_kind": "surname_in_article", "surface": "Obama",
            "count_mentions": 2} in counts
    assert {"doc_id": "c", "entity_id": "jordan", "match_kind": "alias", "surface": "Jordan",
            "count_mentions": 2} in counts
    assert len(counts) == 8


def test_totals_count_mentions_and_articles_of_the_kinds_asked_for_in_order():
    totals = name_totals(name_counts(_mentions(MENTIONS)), DISCOVERED_KINDS).to_pylist()
    assert [(t["entity_id"], t["match_kind"], t["surface"], t["count_mentions"], t["count_articles"])
            for t in totals] == [
        ("n:barack-obama", "discovered", "Barack Obama", 2, 2),
        ("n:barack-obama", "surname_in_article", "Obama", 2, 1),
        ("n:fbi", "pending", "FBI", 1, 1),
        ("n:obama", "pending", "Obama", 1, 1),
        ("n:obama-barack", "discovered", "Obama Barack", 1, 1)]


def test_an_entity_counts_an_article_once_whichever_of_its_names_it_writes():
    counts = name_counts(_mentions(MENTIONS))
    links = _links([("n:barack-obama", "barack-obama"), ("n:obama-barack", "barack-obama"),
                    ("n:obama", "barack-obama"), ("n:fbi", None)])
    found = {(r["entity_id"], r["is_curated"]): (r["count_mentions"], r["count_articles"])
             for r in entity_counts(counts, links, DISCOVERED_KINDS, CURATED_KINDS).to_pylist()}
    assert found == {("barack-obama", False): (6, 2), ("jordan", True): (3, 2)}


def test_counts_go_to_the_curated_or_the_discovered_entities_only():
    entities = parse_entities([{"entity_id": "jordan", "canonical_name": "Jordan", "entity_type": "place"},
                               {"entity_id": "berlin", "canonical_name": "Berlin", "entity_type": "place"}])
    counts = pa.table({"entity_id": ["jordan", "berlin"], "is_curated": [True, False],
                       "count_mentions": [3, 7], "count_articles": [2, 5]})
    assert [(r["entity_id"], r["count_mentions"], r["count_articles"])
            for r in with_counts(entities, counts, curated=True).to_pylist()] == [("jordan", 3, 2), ("berlin", 0, 0)]


def test_names_resolved_from_the_totals_of_two_batches_equal_those_resolved_from_all_mentions():
    mentions = _mentions(MENTIONS)
    whole = resolve(mentions, set(), set())
    batches = pa.concat_tables([name_counts(mentions.slice(0, 4)), name_counts(mentions.slice(4))])
    totals = name_totals(pa.concat_tables([batches.slice(5), batches.slice(0, 5)]), DISCOVERED_KINDS + ("alias",))
    parts = resolve_totals(totals, set(), set())
    assert parts.links.to_pylist() == whole.links.to_pylist()
    counted = with_counts(parts.entities, entity_counts(batches, parts.links, DISCOVERED_KINDS + ("alias",), ()),
                          curated=False)
    assert counted.to_pylist() == whole.entities.to_pylist()
    assert {r["entity_id"]: r["count_articles"] for r in counted.to_pylist()}["barack-obama"] == 2


@pytest.mark.parametrize("warehouse", ["local", "memory://name-counts"])
def test_a_run_counts_in_duckdb_what_arrow_counts_in_memory(tmp_path, warehouse):
    warehouse = str(tmp_path / "wh") if warehouse == "local" else warehouse
    mentions = _mentions(MENTIONS)
    counts = name_counts(mentions)
    storage.write_table(warehouse, "name_counts", name_counts(mentions.slice(0, 5)), RUN, 0)
    storage.write_table(warehouse, "name_counts", name_counts(mentions.slice(5)), RUN, 1)
    kinds = {"discovered": list(DISCOVERED_KINDS), "curated": list(CURATED_KINDS)}
    totals = storage.aggregate(warehouse, RUN, run_wide.NAME_TOTALS, None, {"kinds": kinds["discovered"]})
    assert totals.to_pylist() == name_totals(counts, DISCOVERED_KINDS).to_pylist()
    links = _links([("n:barack-obama", "barack-obama"), ("n:obama-barack", "barack-obama"), ("n:fbi", None)])
    in_duckdb = storage.aggregate(warehouse, RUN, run_wide.ENTITY_COUNTS, {"links": links}, kinds)
    in_arrow = entity_counts(counts, links, DISCOVERED_KINDS, CURATED_KINDS)
    assert sorted(in_duckdb.to_pylist(), key=repr) == sorted(in_arrow.to_pylist(), key=repr)
    # a run that wrote no counts at all counts nothing
    assert storage.aggregate(warehouse, "20260101T000000000000Z-fff000", run_wide.NAME_TOTALS, None,
                             {"kinds": kinds["discovered"]}).num_rows == 0


def test_the_name_step_in_memory_keeps_the_mentions_no_entity_took_as_candidates_in_order():
    entities = parse_entities([{"entity_id": "jordan", "canonical_name": "Jordan", "entity_type": "place"}])
    candidates = pa.table({"doc_id": ["z"], "surface": ["Foo"], "start_char": [0], "end_char": [3],
                           "note": pa.array([None], pa.string())})
    every, links, left = resolve_names(_mentions(MENTIONS), candidates, entities, ["the fbi said"])
    assert left["surface"].to_pylist() == ["Foo", "FBI"]  # an acronym no article expands
    assert {r["entity_id"]: r["count_mentions"] for r in every.to_pylist()}["jordan"] == 3
