from datetime import UTC, datetime, timedelta

import pyarrow as pa
import pytest

from benchmarks.basil_stories import pairwise_scores
from transforms.compare import stories as stories_module
from transforms.compare.stories import MAX_POSTINGS, cluster_stories
from transforms.compare.story_features import MAX_TERMS, salient_terms, story_features
from warehouse.contracts import MENTIONS, STORIES, STORY_FEATURES, conform

DAY = datetime(2024, 10, 29, 9, tzinfo=UTC)
FLOOD = [
    ("Valencia floods kill twelve",
     "Heavy rain flooded the Spanish city of Valencia on Tuesday, killing twelve people. Rescue teams searched for "
     "survivors after the river Turia burst its banks. Mayor Maria Catala declared an emergency in Valencia."),
    ("Twelve dead as Turia bursts its banks in Valencia",
     "Torrential rain swamped Valencia on Tuesday and the Turia overflowed, leaving twelve dead. Rescuers searched "
     "flooded streets for survivors while Mayor Catala declared a state of emergency."),
    ("Deadly flood hits Valencia",
     "Twelve people died when the river Turia burst its banks after heavy rain in Valencia. Emergency rescue teams "
     "searched for survivors, Mayor Maria Catala said, as flooded districts waited for help."),
]
CHESS = ("Carlsen wins Norway Chess", "Magnus Carlsen won the Norway Chess tournament in Stavanger on Sunday, "
         "beating Fabiano Caruana in the final round of classical games.")


def _articles(rows: list[tuple[str, str, str, datetime | None]], outlet: str = "outlet") -> pa.Table:
    """(doc_id, title, body, published_at) rows -> the article columns story_features reads."""
    return pa.table({
        "doc_id": [r[0] for r in rows],
        "outlet_id": [outlet] * len(rows),
        "title": [r[1] for r in rows],
        "body": [r[2] for r in rows],
        "published_at": pa.array([r[3] for r in rows], pa.timestamp("ms", tz="UTC")),
    })


def _stories(rows, mentions=None, **options) -> dict[str, str]:
    features = story_features(_articles(rows), mentions if mentions is not None else MENTIONS.empty_table())
    stories = conform(cluster_stories(features, **options), STORIES)
    return dict(zip(stories["doc_id"].to_pylist(), stories["story_id"].to_pylist(), strict=True))


def _rows(texts, ids, days):
    return [(doc_id, title, body, None if day is None else DAY + timedelta(days=day))
            for doc_id, (title, body), day in zip(ids, texts, days, strict=True)]


def test_three_rewrites_of_one_story_and_an_unrelated_article_are_two_stories():
    rows = _rows([*FLOOD, CHESS], ["d3", "d1", "d2", "d0"], [0, 1, 0, 0])
    features = story_features(_articles(rows), MENTIONS.empty_table())
    stories = conform(cluster_stories(features), STORIES)
    assert dict(zip(stories["doc_id"].to_pylist(), stories["story_id"].to_pylist(), strict=True)) == {
        "d3": "d1", "d1": "d1", "d2": "d1", "d0": "d0"}
    similarity = dict(zip(stories["doc_id"].to_pylist(), stories["similarity"].to_pylist(), strict=True))
    assert similarity["d0"] is None
    assert all(0.25 <= similarity[d] <= 1 for d in ("d1", "d2", "d3"))


@pytest.mark.parametrize("days, together", [
    ((0, 1), True),
    ((0, 3), True),
    ((0, 30), False),
    ((0, None), True),  # an unknown date cannot keep identical texts apart
    ((None, None), True),
])
def test_the_same_text_is_one_story_only_within_the_date_window(days, together):
    stories = _stories(_rows([FLOOD[0], FLOOD[0], CHESS], ["a", "b", "c"], [*days, 0]))
    assert (stories["a"] == stories["b"]) is together
    assert stories["c"] == "c"


def test_without_a_window_dates_do_not_matter():
    stories = _stories(_rows([FLOOD[0], FLOOD[0], CHESS], ["a", "b", "c"], [0, 30, 0]), window_days=None)
    assert stories["a"] == stories["b"] == "a"


def test_story_ids_do_not_depend_on_row_order():
    rows = _rows([*FLOOD, CHESS], ["d3", "d1", "d2", "d0"], [0, 1, 0, 0])
    assert _stories(rows) == _stories(rows[::-1]) == _stories(rows[2:] + rows[:2])


WORDS = ("zebra yacht quartz violin walnut tulip saddle rocket pigeon orchid nectar marble lantern kettle jigsaw "
         "igloo harbor glacier falcon ember dagger cobalt beacon anchor").split()


def test_a_chain_of_articles_each_like_only_its_neighbours_is_not_one_story():
    groups = [WORDS[i * 4:i * 4 + 4] for i in range(6)]
    texts = [("", " ".join(groups[i] + groups[i + 1])) for i in range(5)]
    stories = _stories(_rows(texts, ["a", "b", "c", "d", "e"], [0] * 5))
    assert len(set(stories.values())) > 1
    assert _stories(_rows(texts[:2], ["a", "b"], [0, 0])) == {"a": "a", "b": "a"}  # each link alone is strong


def test_shared_entities_link_articles_that_spell_a_name_differently():
    texts = [("Qaddafi detained in Zintan",
              "Militia fighters detained Saif Qaddafi near Zintan on Saturday, officials in Tripoli confirmed."),
             ("Gadhafi captured near Zintan",
              "Fighters captured Seif Gadhafi in the desert south of Zintan as he tried to flee."),
             CHESS]
    rows = _rows(texts, ["a", "b", "c"], [0, 0, 0])
    mentions = pa.Table.from_pylist([
        {"doc_id": d, "entity_id": "saif", "surface": s, "spelling": s, "start_char": 0, "end_char": 1,
         "match_kind": "alias"} for d, s in (("a", "Saif Qaddafi"), ("b", "Seif Gadhafi"))], schema=MENTIONS)
    assert _stories(rows)["a"] != _stories(rows)["b"]
    assert _stories(rows, mentions)["a"] == _stories(rows, mentions)["b"] == "a"


def _partition(stories: dict[str, str]) -> set[frozenset[str]]:
    members = {}
    for doc_id, story_id in stories.items():
        members.setdefault(story_id, set()).add(doc_id)
    return {frozenset(m) for m in members.values()}


CORPUS = _rows([*FLOOD, CHESS, ("", " ".join(WORDS[:8])), ("", " ".join(WORDS[4:12])), FLOOD[0]],
               ["d3", "d1", "d2", "d0", "w1", "w2", "late"], [0, 1, 0, 0, 2, 2, 30])


@pytest.mark.parametrize("k", [2, 5])
def test_copying_every_article_k_times_adds_the_copies_to_the_same_stories(k):
    copies = [(f"{doc_id}~{n}", *rest) for n in range(1, k) for doc_id, *rest in CORPUS]
    alone, copied = _stories(CORPUS), _stories(CORPUS + copies)
    assert {frozenset(d.split("~")[0] for d in story) for story in _partition(copied)} == _partition(alone)
    assert all(copied[d] == copied[d.split("~")[0]] for d in copied)


def test_copies_do_not_make_a_story_too_common_to_find():
    k = 5
    rewrites = MAX_POSTINGS // k + 1  # with copies counted, every story term would be held by too many articles
    texts = [(FLOOD[0][0], f"{FLOOD[0][1]} {chr(97 + n // 26)}{chr(97 + n % 26)}qqqq") for n in range(rewrites)]
    rows = _rows(texts * k, [f"r{n:03}" for n in range(rewrites * k)], [0] * rewrites * k)
    assert set(_stories(rows).values()) == {"r000"}


def test_copies_share_a_story_only_when_they_share_a_day_and_some_content():
    rows = _rows([FLOOD[0], FLOOD[0], FLOOD[0], ("", "the and of"), ("", "the and of")],
                 ["a", "b", "c", "e1", "e2"], [0, 0, 0, 0, 0])
    features = story_features(_articles(rows), MENTIONS.empty_table())
    stories = conform(cluster_stories(features), STORIES)
    by_doc = dict(zip(stories["doc_id"].to_pylist(), stories["story_id"].to_pylist(), strict=True))
    assert by_doc == {"a": "a", "b": "a", "c": "a", "e1": "e1", "e2": "e2"}  # no words to compare: not copies
    assert stories["similarity"].to_pylist()[:3] == [1.0, 1.0, 1.0]


def test_features_are_compact_and_carry_entities():
    body = " ".join(f"w{n:04}x" for n in range(200))  # 200 distinct words: more than are kept
    rows = [("a", "Title", body, DAY), ("b", None, "Short text about Valencia", None)]
    mentions = pa.Table.from_pylist([
        {"doc_id": "b", "entity_id": e, "surface": "x", "spelling": "x", "start_char": 0, "end_char": 1,
         "match_kind": "alias"} for e in ("valencia", "spain", "valencia")], schema=MENTIONS)
    features = conform(story_features(_articles(rows), mentions), STORY_FEATURES)
    assert [len(t) for t in features["terms"].to_pylist()] == [MAX_TERMS, 3]
    assert features["entity_ids"].to_pylist() == [[], ["spain", "valencia"]]
    assert features.nbytes / features.num_rows < 1024


@pytest.mark.parametrize("title, body, expected", [
    ("Mosque row", "The mosque plan.", {"mosque": 4, "row": 3, "plan": 1}),
    (None, "He apologized; she apologizes. An apology!", {"apolog": 3}),
    ("", "Senators' vote in 2019 on 12 bills", {"senato": 1, "vote": 1, "2019": 1, "bill": 1}),
    ("", "Erdoğan and Erdogan", {"erdoga": 2}),
])
def test_salient_terms(title, body, expected):
    assert dict(salient_terms(title, body)) == expected


def test_empty_input_gives_empty_tables():
    features = story_features(_articles([]), MENTIONS.empty_table())
    assert features.schema == STORY_FEATURES and features.num_rows == 0
    stories = cluster_stories(features)
    assert stories.schema == STORIES and stories.num_rows == 0


@pytest.mark.parametrize("predicted, gold, expected", [
    ({"a": "x", "b": "x", "c": "x", "d": "y"}, {"a": 1, "b": 1, "c": 2, "d": 2}, (1 / 3, 1 / 2, 0.4)),
    ({"a": "x", "b": "x", "c": "y"}, {"a": 1, "b": 1, "c": 2}, (1.0, 1.0, 1.0)),
    ({"a": "x", "b": "y", "c": "z"}, {"a": 1, "b": 1, "c": 1}, (1.0, 0.0, 0.0)),
])
def test_pairwise_scores(predicted, gold, expected):
    assert pairwise_scores(predicted, gold) == pytest.approx(expected)


def _run(rows, previous=None) -> pa.Table:
    features = story_features(_articles(rows), MENTIONS.empty_table())
    return conform(cluster_stories(features, previous), STORIES)


NEAR = _rows([*FLOOD, CHESS, ("", " ".join(WORDS[:8])), ("", " ".join(WORDS[4:12]))],
             ["d3", "d1", "d2", "d0", "w1", "w2"], [0, 1, 0, 0, 2, 2])
FLOODS, CHAIN = NEAR[:3], NEAR[4:]
UNDATED_FLOOD = _rows(FLOOD[1:2], ["u"], [None])


@pytest.mark.parametrize("before, after, drop_removed_rows", [
    (FLOODS[1:], FLOODS, False),  # a new rewrite joins its story
    (CHAIN[:1], CHAIN, False),  # a new article joins one it links to
    (FLOODS, FLOODS[:1] + FLOODS[2:], False),  # the story's named article is removed
    (FLOODS, FLOODS[:1] + FLOODS[2:], True),  # ... and its row too: the story lost its named article
    (FLOODS + UNDATED_FLOOD, FLOODS, False),  # an undated article is removed
    (FLOODS[1:], FLOODS + UNDATED_FLOOD, False),  # new articles, one undated
])
def test_an_update_that_reaches_every_article_equals_a_run_from_scratch(before, after, drop_removed_rows):
    previous = _run(before)
    if drop_removed_rows:
        previous = previous.filter(pa.array([d in {r[0] for r in after} for d in previous["doc_id"].to_pylist()]))
    assert _run(after, previous).to_pylist() == _run(after).to_pylist()


def _with(previous: pa.Table, doc_ids: set[str], **values) -> pa.Table:
    """STORIES with other values in the rows of doc_ids: what an earlier run under another idf might have said."""
    return pa.Table.from_pylist([{**r, **values} if r["doc_id"] in doc_ids else r for r in previous.to_pylist()],
                                schema=STORIES)


def test_stories_no_new_article_links_to_keep_their_rows():
    unrelated = {"d0", "w1", "w2"}  # the chess report (same day) and the pair of chained articles
    # Marked: the earlier run told the chained pair apart, which a run from scratch never does.
    earlier = _with(_run(NEAR[1:]), {"w2"}, story_id="w2")
    updated = {r["doc_id"]: r for r in _run(NEAR, earlier).to_pylist()}
    assert {d: updated[d]["story_id"] for d in unrelated} == {"d0": "d0", "w1": "w1", "w2": "w2"}  # kept, not redone
    fresh = {r["doc_id"]: r for r in _run(NEAR).to_pylist()}  # idf counts every article, kept or not
    assert fresh["w2"]["story_id"] == "w1"
    # Kept stories are scored under this run's idf, among their own members: alone, no score.
    assert (updated["d0"]["similarity"], updated["w1"]["similarity"], updated["w2"]["similarity"]) == (
        fresh["d0"]["similarity"], None, None)
    assert {d: r for d, r in updated.items() if d not in unrelated} == {
        d: r for d, r in fresh.items() if d not in unrelated}


def test_an_earlier_story_is_clustered_again_whole():
    earlier = _with(_run(NEAR[1:]), {"d0"}, story_id="d1", similarity=0.5)  # the chess report was told with d1
    updated = {r["doc_id"]: r for r in _run(NEAR, earlier).to_pylist()}  # d3 links to d1: its whole story is redone
    assert updated["d0"] == {"story_id": "d0", "doc_id": "d0", "similarity": None}


def test_an_update_with_nothing_new_or_removed_keeps_every_story():
    marked = _with(_run(NEAR), {"w2"}, story_id="w2", similarity=0.5)  # no run from scratch tells w2 from w1
    updated = _run(NEAR, marked)
    assert updated["story_id"].to_pylist() == marked["story_id"].to_pylist()
    fresh = _run(NEAR)
    rescored = [None if d in ("w1", "w2") else s  # kept apart, each alone: no score; the others as from scratch
                for d, s in zip(fresh["doc_id"].to_pylist(), fresh["similarity"].to_pylist(), strict=True)]
    assert updated["similarity"].to_pylist() == rescored


def test_a_new_copy_joins_its_original_and_changes_nothing_else():
    copy = [("d1~1", *NEAR[1][1:])]
    updated = _run(NEAR + copy, _run(NEAR)).to_pylist()
    assert updated == _run(NEAR + copy).to_pylist()  # a copy leaves idf as it was, so the kept rows still hold
    assert {r["doc_id"]: r["story_id"] for r in updated}["d1~1"] == "d1"


@pytest.mark.parametrize("nodes_at_once", [1, 3])
def test_vectors_built_a_slice_of_nodes_at_a_time_are_those_built_at_once(monkeypatch, nodes_at_once):
    features = story_features(_articles(CORPUS), MENTIONS.empty_table())
    at_once = stories_module._vectors(features)
    whole = conform(cluster_stories(features), STORIES).to_pylist()
    monkeypatch.setattr(stories_module, "NODES_AT_ONCE", nodes_at_once)
    assert stories_module._vectors(features) == at_once and len(at_once) == len(CORPUS)
    assert sum(map(len, at_once)) > 20 and conform(cluster_stories(features), STORIES).to_pylist() == whole


def test_a_run_finds_exact_copies_in_duckdb_once_with_their_weight(tmp_path):
    from flows import storage
    from warehouse import run_wide

    run, warehouse = "20260101T000000000000Z-abc123", str(tmp_path / "wh")
    copies = [(f"{doc_id}~1", *rest) for doc_id, *rest in CORPUS]
    rows = CORPUS + copies + _rows([("", "the and of"), ("", "the and of"), CHESS], ["e1", "e2", "u"], [0, 0, None])
    features = story_features(_articles(rows), MENTIONS.empty_table())
    storage.write_table(warehouse, "story_features", features.slice(0, 8), run, 0)  # copies in both parts
    storage.write_table(warehouse, "story_features", features.slice(8), run, 1)
    nodes = storage.aggregate(warehouse, run, run_wide.STORY_NODES)
    assert nodes.num_rows == len(CORPUS) + 3 and sorted(set(nodes["weight"].to_pylist())) == [1, 2]


@pytest.mark.parametrize("at_once", [None, 1])
def test_a_run_clusters_out_of_core_in_slices_as_in_memory(tmp_path, monkeypatch, at_once):
    import importlib

    from flows import storage
    from flows import stories as run_stories
    from transforms.compare import story_scores

    session = importlib.import_module("flows.storage.scratch")

    if at_once:  # every slice as small as it gets: one undated node, one pair, one component, one row at a time
        for module, name in [(run_stories, "UNDATED_AT_ONCE"), (run_stories, "VECTOR_ROWS_AT_ONCE"),
                             (session, "SLICE_ROWS"), (story_scores, "PAIRS_AT_ONCE"),
                             (story_scores, "COMPONENT_PAIRS")]:
            monkeypatch.setattr(module, name, at_once)
    run, warehouse = "20260101T000000000000Z-abc123", str(tmp_path / "wh")
    undated = [(f"{doc_id}-undated", title, body, None) for doc_id, title, body, _ in CORPUS[:3]]
    rows = CORPUS + [(f"{d}~1", *rest) for d, *rest in CORPUS[:4]] + undated + _rows([CHESS], ["u"], [None])
    mentions = pa.table({"doc_id": ["d1", "d2", "u"], "entity_id": ["valencia", "valencia", "magnus-carlsen"]})
    features = story_features(_articles(rows), mentions)
    storage.write_table(warehouse, "story_features", features.slice(0, 6), run, 0)
    storage.write_table(warehouse, "story_features", features.slice(6), run, 1)
    found = conform(run_stories.run_stories(warehouse, run), STORIES)
    assert found.equals(conform(cluster_stories(features), STORIES))
    assert len(set(found["story_id"].to_pylist())) < found.num_rows - 4  # stories of more than copies
