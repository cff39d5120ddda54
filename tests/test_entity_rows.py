import pyarrow as pa

from transforms.names.counts import NAME_TOTALS
from transforms.names.entity_rows import entity_rows, entity_types, name_groups, top_surfaces


def _totals(rows):
    return pa.Table.from_pylist([dict(zip(NAME_TOTALS.names, r, strict=True)) for r in rows], schema=NAME_TOTALS)


def test_an_entity_of_several_names_takes_the_type_most_mentions_give_the_first_on_a_tie():
    members = [("e1", "person", 3), ("e2", "place", 2), ("e1", "organisation", 1), ("e2", "person", 2)]
    assert entity_types(members) == {"e1": "person", "e2": "place"}


def test_top_surface_is_the_most_used_the_greatest_on_a_tie():
    totals = _totals([("n:ann-lee", "discovered", "Ann Lee", 2, 2), ("n:ann-lee", "acronym", "ANN LEE", 1, 1),
                      ("n:ann-lee", "discovered", "ANN LEE", 1, 1), ("n:bo", "pending", "Bo", 1, 1),
                      ("n:bo", "pending", "BO", 1, 1)])
    assert top_surfaces(totals).to_pylist() == [{"entity_id": "n:ann-lee", "surface": "Ann Lee"},
                                                {"entity_id": "n:bo", "surface": "Bo"}]


def test_entity_rows_sum_the_spellings_of_their_names_and_leave_curated_entities_out():
    totals = _totals([("n:ann-lee", "discovered", "Ann Lee", 2, 2), ("n:ann-lee", "discovered", "ANN LEE", 3, 1),
                      ("n:anne-lee", "discovered", "Anne Lee", 1, 1), ("n:lee", "pending_f", "Lee", 4, 3),
                      ("n:kim", "discovered", "Kim", 1, 1), ("n:zed", "discovered", "Zed", 1, 1)])
    names = pa.array(["n:ann-lee", "n:anne-lee", "n:kim", "n:lee", "n:zed"])
    entities = pa.array(["ann-lee", "ann-lee", "kim", "ann-lee", None])
    rows = entity_rows(totals, names, entities, {"ann-lee": "person", "kim": "place"}, {}, {"kim"})
    assert rows.select(["entity_id", "canonical_name", "entity_type", "aliases"]).to_pylist() == [
        {"entity_id": "ann-lee", "canonical_name": "Ann Lee", "entity_type": "person",
         "aliases": ["ANN LEE", "Anne Lee", "Lee"]}]


def test_spellings_are_summed_across_names_and_ranked_by_mentions_then_as_arrow_sorts_strings():
    # 'Émile Roux' and 'Emile Roux' tie on mentions: the byte order (as Arrow sorts) puts 'E' before 'É'; 'Roux'
    # is written by two names and summed (2 + 2) ahead of both
    totals = _totals([("n:emile-roux", "discovered", "Émile Roux", 3, 3), ("n:emile-roux", "discovered", "Roux", 2, 2),
                      ("n:emil-roux", "discovered", "Emile Roux", 3, 2), ("n:roux", "pending_m", "Roux", 2, 2),
                      ("n:roux", "pending_m", "ROUX", 1, 1)])
    names = pa.array(["n:emil-roux", "n:emile-roux", "n:roux"])
    entities = pa.array(["emile-roux"] * 3)
    rows = entity_rows(totals, names, entities, {"emile-roux": "person"}, {}, set())
    assert rows.select(["entity_id", "canonical_name", "aliases"]).to_pylist() == [
        {"entity_id": "emile-roux", "canonical_name": "Emile Roux", "aliases": ["ROUX", "Roux", "Émile Roux"]}]
    assert top_surfaces(totals).to_pylist() == [{"entity_id": "n:emil-roux", "surface": "Emile Roux"},
                                                {"entity_id": "n:emile-roux", "surface": "Émile Roux"},
                                                {"entity_id": "n:roux", "surface": "Roux"}]


def test_no_totals_give_no_rows():
    totals = _totals([])
    assert entity_rows(totals, pa.array([], pa.string()), pa.array([], pa.string()), {}, {}, set()).num_rows == 0
    assert top_surfaces(totals).num_rows == 0


def test_names_are_grouped_sorted_with_their_mentions_and_their_kinds_shared_between_names():
    totals = _totals([("n:zoe-ray", "discovered", "Zoe Ray", 2, 2), ("n:ray", "pending_f", "Ray", 4, 3),
                      ("n:ray", "pending", "RAY", 1, 1), ("n:ray", "pending_f", "Ray's", 1, 1),
                      ("n:ann-ray", "discovered", "Ann Ray", 5, 4), ("n:ann-ray", "discovered", "ANN RAY", 1, 1)])
    ids, mentions, kinds = name_groups(totals)
    assert ids == ["n:ann-ray", "n:ray", "n:zoe-ray"]
    assert mentions == {"n:ann-ray": 6, "n:ray": 6, "n:zoe-ray": 2}
    assert kinds == {"n:ann-ray": {"discovered"}, "n:ray": {"pending", "pending_f"}, "n:zoe-ray": {"discovered"}}
    assert kinds["n:ann-ray"] is kinds["n:zoe-ray"]
