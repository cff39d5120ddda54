"""A run counts candidate mentions in DuckDB over its parts: the same name candidates and alias suggestions as the
Arrow code over the same mentions in memory."""

import pyarrow as pa
import pytest

from flows import storage
from transforms.names.mentions import parse_entities, summarise_candidates
from transforms.names.resolution import left_candidates, unlinked
from transforms.names.spellings import spelling_rows, spelling_totals
from transforms.names.suggestions import proposal_table, propose_aliases, suggest_aliases, with_spelling_docs
from warehouse import run_wide
from warehouse.contracts import ARTICLES, CANDIDATE_MENTIONS, ENTITY_LINKS, MENTIONS

RUN = "20260101T000000000000Z-abc123"
ENTITIES = parse_entities([
    {"entity_id": "haftar", "canonical_name": "Khalifa Haftar", "entity_type": "person", "aliases": ""},
    {"entity_id": "gaddafi", "canonical_name": "Muammar Gaddafi", "entity_type": "person", "aliases": ""},
])
BODIES = {"a": "Ms Okonkwo spoke. Okonkwo and Okonkwa left. Mr Heftar, Heftar and Hafter stayed. Okonkwoh too.",
          "b": "Okonkwa met Okonkwo. Heftar waved. Quiet Okonkwo and Okonkwoh. The Heftar camp.",
          "c": "Okonkwo and Okonkwa sang. Tilde  Ruiz and Tilde Ruiz; tilde ruiz. Hafter left."}
OUTLETS = {"a": "Wire", "b": "Daily"}  # "c" is not among the run's articles: its outlet is unknown


def _spans(doc_id: str, surface: str) -> list[tuple[int, int]]:
    body, found, start = BODIES[doc_id], [], BODIES[doc_id].find(surface)
    while start >= 0:
        found.append((start, start + len(surface)))
        start = body.find(surface, start + 1)
    return found


def _rows(pairs, **extra) -> list[dict]:
    return [{"doc_id": doc, "surface": surface, "start_char": s, "end_char": e, **extra}
            for doc, surface in pairs for s, e in _spans(doc, surface)]


def _tables():
    candidates = pa.Table.from_pylist(
        _rows([("a", "Okonkwo"), ("a", "Okonkwa"), ("b", "Okonkwa"), ("b", "Okonkwo"), ("c", "Okonkwo")])
        + _rows([("a", "Okonkwoh"), ("b", "Okonkwoh")], note="ambiguous: x, y")
        + _rows([("c", "Okonkwa")], note="seen once"), schema=CANDIDATE_MENTIONS)
    mentions = pa.Table.from_pylist(
        _rows([("a", "Heftar"), ("b", "Heftar")], entity_id="haftar", spelling="Heftar", match_kind="variant")
        + _rows([("a", "Hafter"), ("c", "Hafter")], entity_id="gaddafi", spelling="Hafter", match_kind="variant")
        + _rows([("c", "Tilde  Ruiz"), ("c", "Tilde Ruiz")], entity_id="n:tilde-ruiz", spelling="Tilde Ruiz",
                match_kind="discovered")
        + _rows([("a", "Okonkwo")], entity_id="n:okonkwo", spelling="Okonkwo", match_kind="pending"),
        schema=MENTIONS)
    links = pa.table({"name_id": ["n:tilde-ruiz", "n:okonkwo"], "entity_id": [None, "okonkwo"],
                      "match_kind": ["discovered", "discovered"], "note": ["a note", None]}, schema=ENTITY_LINKS)
    return candidates, mentions, links


def _articles() -> pa.Table:
    rows = [{name: "x" for name in ("source_path", "source_format", "outlet", "outlet_source", "outlet_id")}
            | {"doc_id": doc, "outlet_name": outlet, "body": BODIES[doc], "count_lines_removed": 0}
            for doc, outlet in OUTLETS.items()]
    return pa.Table.from_pylist(rows, schema=ARTICLES)


@pytest.mark.parametrize("warehouse", ["local", "memory://candidate-counts"])
def test_a_run_counts_candidates_in_duckdb_as_arrow_does_in_memory(tmp_path, warehouse):
    warehouse = str(tmp_path / "wh") if warehouse == "local" else warehouse
    candidates, mentions, links = _tables()
    for part, (start, end) in enumerate([(0, 6), (6, None)]):  # two batches' parts
        storage.write_table(warehouse, "candidate_mentions", candidates.slice(start, end and end - start), RUN, part)
    for part, (start, end) in enumerate([(0, 3), (3, None)]):
        storage.write_table(warehouse, "mentions", mentions.slice(start, end and end - start), RUN, part)
    storage.write_table(warehouse, "articles", _articles(), RUN, 0)
    left = left_candidates(candidates, mentions.filter(pa.compute.is_in(mentions["entity_id"], unlinked(links))),
                           links)
    in_duckdb = storage.aggregate(warehouse, RUN, run_wide.NAME_CANDIDATES, {"links": links})
    in_arrow = summarise_candidates(left, _articles().select(["doc_id", "outlet_name"]))
    assert in_duckdb.cast(in_arrow.schema).to_pylist() == in_arrow.to_pylist()
    assert {r["surface"]: r["outlets"] for r in in_arrow.to_pylist()}["Okonkwo"] == ["Daily", "Wire", "unknown"]
    rows = spelling_rows(left, mentions)
    totals = storage.aggregate(warehouse, RUN, run_wide.SPELLING_TOTALS, {"links": links})
    assert sorted(totals.drop_columns(["last_variant_key"]).to_pylist(), key=repr) == sorted(
        spelling_totals(rows).drop_columns(["last_variant_key"]).to_pylist(), key=repr)
    proposals = propose_aliases(totals, list(BODIES.values()), ENTITIES)
    docs = storage.aggregate(warehouse, RUN, run_wide.SPELLING_DOCS, {"links": links},
                             {"surfaces": proposals.surfaces()})
    articles = _articles().select(["doc_id", "outlet_name", "body"])
    from_parts = proposal_table(with_spelling_docs(proposals, docs), articles).to_pylist()
    assert from_parts == suggest_aliases(left, mentions, articles, ENTITIES).to_pylist()
    assert [(r["entity_id"], r["spellings"], r["count_mentions"], r["outlets"]) for r in from_parts] == [
        ("haftar", ["Heftar"], 4, ["Daily", "Wire"])]


def test_proposals_read_the_bodies_of_their_examples_only():
    candidates, mentions, links = _tables()
    left = left_candidates(candidates, mentions.filter(pa.compute.is_in(mentions["entity_id"], unlinked(links))),
                           links)
    rows = spelling_rows(left, mentions)
    proposals = with_spelling_docs(propose_aliases(spelling_totals(rows), list(BODIES.values()), ENTITIES), rows)
    assert proposals.doc_ids() == ["a", "b"] and proposals.example_doc_ids() == ["a"]  # 'Heftar' first in "a"
    articles = _articles().select(["doc_id", "outlet_name", "body"])
    bodies = articles.filter(pa.compute.equal(articles["doc_id"], "a"))
    outlets = articles.select(["doc_id", "outlet_name"])
    assert proposal_table(proposals, bodies, outlets).to_pylist() == proposal_table(proposals, articles).to_pylist()
