import pyarrow as pa
import pyarrow.compute as pc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz
from rapidfuzz.distance import LCSseq

from tests.test_quotes import ENTITIES, HURRIYET, PRESS_TV
from transforms.compare.quotes import groups as quote_groups
from transforms.compare.quotes import sliced
from transforms.compare.quotes.extract import extract_quotes
from transforms.compare.quotes.groups import candidate_pairs, group_quotes, is_same_quote, quote_words
from transforms.names.mentions import extract_mentions
from warehouse.contracts import QUOTE_MATCHES, QUOTES, conform

LONG = "In Libya, we are supporting the legitimate government and the French government is supporting a warlord."


@pytest.mark.parametrize("text, expected", [
    ("In Libya, we’re “supporting” it.", ["in", "libya", "were", "supporting", "it"]),
    ("Kalın SAID don't", ["kalin", "said", "dont"]),
])
def test_quote_words(text, expected):
    assert quote_words(text) == expected


@pytest.mark.parametrize("a, b, expected", [
    (LONG, LONG.upper().replace(",", ""), True),  # case and a dropped comma
    (LONG, LONG.replace("a warlord", "an illegitimate warlord"), True),  # a few changed words
    (LONG, "we are supporting the legitimate government and the French government", True),  # one outlet's part
    ("This is the position of the GNA, and we support it because the Haftar forces are using these locations",
     "This is the position of the GNA and we support it because the Haftar forces are using locations against the"
     " legitimate government", True),
    # Sharing a common phrase is not sharing a quote.
    ("We are supporting the legitimate government of Libya in every way we can",
     "Russia said it was supporting the legitimate government too, but sent mercenaries", False),
    ("the legitimate government", LONG, False),  # too short to be matched by containment
    (LONG, "France for us is an important NATO ally. It is an important country in Europe.", False),
])
def test_is_same_quote(a, b, expected):
    assert is_same_quote(quote_words(a), quote_words(b)) is expected


def _quotes(rows: list[tuple[str, str, bool]]) -> pa.Table:
    return pa.Table.from_pylist([{
        "doc_id": qid.split(":")[0], "quote_id": qid, "text": text, "speaker_entity_id": None,
        "speaker_surface": None, "attribution": None, "start_char": 0, "end_char": len(text),
        "count_words": len(text.split()), "is_fragment": fragment,
    } for qid, text, fragment in rows], schema=QUOTES)




def test_group_quotes_links_copies_and_parts_but_not_fragments_or_other_quotes():
    quotes = _quotes([
        ("b:0", LONG.replace(",", ""), False),
        ("a:1", "“" + LONG + "”", False),
        ("c:0", "we are supporting the legitimate government and the French government", False),
        ("c:1", "France for us is an important NATO ally. It is an important country in Europe.", False),
        ("a:0", "jeopardizing", True),
    ])
    found = {r["quote_id"]: r["quote_group_id"] for r in conform(group_quotes(quotes),
                                                                 QUOTE_MATCHES).to_pylist()}
    assert found == {"b:0": "a:1", "a:1": "a:1", "c:0": "a:1", "c:1": "c:1"}


def test_blocking_compares_only_quotes_sharing_words():
    words = [quote_words(f"Speaker number {n} said something entirely their own today") for n in range(300)]
    assert candidate_pairs(words[:2]) == {(0, 1)}
    assert len(candidate_pairs(words)) < 300 * 3  # a 4-gram all of them share is compared in line, not all pairs
    assert candidate_pairs([words[0], quote_words("Nothing in common with the others at all here")]) == set()
    shared = [quote_words(LONG)] * 300
    assert len(candidate_pairs(shared)) < 300 * 10  # linear, not 300 * 299 / 2
    quotes = _quotes([(f"d{n}:0", LONG, False) for n in range(300)])
    assert {r["quote_group_id"] for r in group_quotes(quotes).to_pylist()} == {"d0:0"}


def test_seed_quotes_group_across_hurriyet_and_press_tv():
    articles = pa.table({"doc_id": ["hurriyet", "presstv"], "body": [HURRIYET, PRESS_TV]})
    mentions, _ = extract_mentions(articles, ENTITIES)
    quotes = extract_quotes(articles, mentions, ENTITIES)
    groups: dict[str, set] = {}
    for row in group_quotes(quotes).to_pylist():
        groups.setdefault(row["quote_group_id"], set()).add(row["quote_id"].split(":")[0])
    text = dict(zip(quotes["quote_id"].to_pylist(), quotes["text"].to_pylist(), strict=True))
    shared = sorted(text[g][:30] for g, docs in groups.items() if docs == {"hurriyet", "presstv"})
    assert shared == ["In Libya, we are supporting th", "This is the position of the GN"]
    assert len(groups) == len(shared) + 3  # the other quotes stay alone


def _reference(quotes: pa.Table) -> dict[str, str]:
    """The plain algorithm, copies and all: 4-gram postings, every pair in a posting, union-find, smallest id."""
    rows = [r for r in quotes.to_pylist() if not r["is_fragment"]]
    words = [quote_words(r["text"]) for r in rows]
    postings: dict[tuple, list[int]] = {}
    for i, ws in enumerate(words):
        for gram in {tuple(ws[k:k + 4]) for k in range(len(ws) - 3)}:
            postings.setdefault(gram, []).append(i)
    parent = list(range(len(rows)))

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for members in postings.values():
        for n, a in enumerate(members):
            for b in members[n + 1:]:
                if root(a) != root(b) and is_same_quote(words[a], words[b]):
                    parent[max(root(a), root(b))] = min(root(a), root(b))
    smallest: dict[int, str] = {}
    for i, r in enumerate(rows):
        smallest[root(i)] = min(smallest.get(root(i), r["quote_id"]), r["quote_id"])
    return {r["quote_id"]: smallest[root(i)] for i, r in enumerate(rows)}


def _found(matches: pa.Table) -> dict[str, str]:
    return {r["quote_id"]: r["quote_group_id"] for r in conform(matches, QUOTE_MATCHES).to_pylist()}


PART = "we are supporting the legitimate government and the French government"
OTHER = "France for us is an important NATO ally. It is an important country in Europe."


def test_copies_of_a_quote_group_as_one_and_short_copies_stay_alone():
    quotes = _quotes([
        ("e:0", LONG, False), ("b:0", LONG.upper(), False), ("d:3", "“" + LONG + "”", False),
        ("c:0", PART, False), ("a:2", OTHER, False), ("f:1", OTHER, False),
        ("a:0", "We will win.", False), ("c:1", "we will WIN", False), ("d:0", "We will win", True),
    ])
    found = _found(group_quotes(quotes))
    assert found == _reference(quotes)
    assert found == {"e:0": "b:0", "b:0": "b:0", "d:3": "b:0", "c:0": "b:0", "a:2": "a:2", "f:1": "a:2",
                     "a:0": "a:0", "c:1": "c:1"}


def test_a_vocabulary_past_what_characters_number_matches_the_same(monkeypatch):
    rows = [("e:0", LONG, False), ("c:0", PART, False), ("a:2", OTHER, False), ("f:1", OTHER + " Really.", False),
            ("b:0", LONG.replace("warlord", "general"), False), ("a:0", "We will win.", False)]
    expected = _found(group_quotes(_quotes(rows)))
    monkeypatch.setattr(quote_groups, "_MAX_WORDS", 2)
    assert _found(group_quotes(_quotes(rows))) == expected == _reference(_quotes(rows))
    assert len(set(expected.values())) == 3


def test_blocking_gives_the_pairs_of_the_plain_postings():
    words = [quote_words(t) for t in (LONG, PART, OTHER, LONG.replace("warlord", "general"), "a b c d a b c d")]
    assert candidate_pairs(words) == {(0, 1), (0, 3), (1, 3)}


def _update(rows: list[tuple[str, str, bool]], before: list[str], previous_rows=None) -> dict[str, str]:
    """Group `rows` from scratch and as an update of a run over the `before` ids; the two must agree."""
    text = {qid: (t, f) for qid, t, f in (previous_rows or rows)}
    earlier = group_quotes(_quotes([(q, *text[q]) for q in before]))
    present = {qid for qid, _, _ in rows}
    previous = earlier.filter(pc.is_in(earlier["quote_id"], pa.array(sorted(present), pa.string())))
    scratch = _found(group_quotes(_quotes(rows)))
    assert _found(group_quotes(_quotes(rows), previous)) == scratch  # every earlier group matched again
    # as the flow updates: groups that kept every member joined as they were, the others matched again
    docs = pa.array(sorted({q.split(":")[0] for q in present}), pa.string())
    kept = quote_groups.kept_matches(earlier, _quotes(rows), docs)
    assert _found(group_quotes(_quotes(rows), kept)) == scratch
    return scratch


def test_update_with_added_quotes_equals_a_full_run():
    rows = [("b:0", LONG, False), ("c:0", PART, False), ("a:2", OTHER, False), ("f:0", LONG, False),
            ("a:1", OTHER.replace("Europe", "the world"), False), ("g:0", "We will win.", False)]
    found = _update(rows, ["b:0", "a:2"])
    assert found == {"b:0": "b:0", "c:0": "b:0", "f:0": "b:0", "a:2": "a:1", "a:1": "a:1", "g:0": "g:0"}
    assert _update(rows, []) == found
    assert _update(rows, [q for q, _, _ in rows]) == found


FIRST = "the talks in Geneva will go on next week and we expect the ceasefire to hold for all sides"
SECOND = "we expect the ceasefire to hold for all sides as long as the observers stay on the ground in the south"
BRIDGE = FIRST + " " + SECOND.removeprefix("we expect the ceasefire to hold for all sides ")


def test_update_splits_a_group_that_lost_its_bridge_and_merges_groups_a_new_quote_bridges():
    assert not is_same_quote(quote_words(FIRST), quote_words(SECOND))
    rows = [("a:0", FIRST, False), ("c:0", SECOND, False), ("b:0", BRIDGE, False)]
    assert _update(rows, ["a:0", "c:0", "b:0"]) == {"a:0": "a:0", "c:0": "a:0", "b:0": "a:0"}
    assert _update(rows[:2], ["a:0", "c:0", "b:0"], rows) == {"a:0": "a:0", "c:0": "c:0"}  # b:0 is gone
    assert _update(rows, ["a:0", "c:0"]) == {"a:0": "a:0", "c:0": "a:0", "b:0": "a:0"}  # b:0 is new


SENTENCES = [LONG, PART + " in Tripoli", FIRST, SECOND, OTHER]


@st.composite
def _quote_sets(draw):
    """A pool of quotes drawn from a few sentences with edits, and two overlapping runs' ids."""
    pool = []
    for n in range(draw(st.integers(1, 9))):
        words = SENTENCES[draw(st.integers(0, len(SENTENCES) - 1))].split()
        start = draw(st.integers(0, len(words) - 1))
        words = words[start:draw(st.integers(start + 1, len(words)))]
        for _ in range(draw(st.integers(0, 3))):
            if not words:
                break
            at = draw(st.integers(0, len(words) - 1))
            words[at:at + 1] = draw(st.sampled_from([[], ["indeed"], ["Libya"], [words[at].upper()]]))
        pool.append((f"d{draw(st.integers(0, 4))}:{n}", " ".join(words) or "yes", draw(st.booleans())))
    ids = [q for q, _, _ in pool]
    return pool, draw(st.lists(st.sampled_from(ids), unique=True)), draw(st.lists(st.sampled_from(ids), unique=True))


@settings(max_examples=150, deadline=None)
@given(_quote_sets())
def test_update_equals_a_full_run(sets):
    pool, before, after = sets
    rows = [r for r in pool if r[0] in set(after)]
    assert _update(rows, before, pool) == _reference(_quotes(rows))


def _plain_same(a: list[str], b: list[str]) -> bool:
    """is_same_quote without its shortcut on shared words."""
    short, long = sorted((a, b), key=len)
    least = 10 if len(short) < 0.8 * len(long) else 6
    if len(short) < least or LCSseq.similarity(a, b) < least:
        return False
    return fuzz.partial_ratio(short, long, score_cutoff=80) > 0


@settings(max_examples=300, deadline=None)
@given(_quote_sets())
def test_the_shortcut_on_shared_words_decides_as_the_window_search(sets):
    words = [quote_words(text) for _, text, _ in sets[0]]
    for a in words:
        for b in words:
            assert is_same_quote(a, b) is _plain_same(a, b)


def test_an_update_starts_only_from_quotes_of_articles_carried_over():
    from transforms.compare.quotes.groups import kept_matches

    quotes = pa.table({"doc_id": ["a", "b", "c"], "quote_id": ["a:0", "b:0", "c:0"]})
    previous = pa.table({"quote_id": ["a:0", "b:0", "c:0", "gone:0"], "quote_group_id": ["a:0", "a:0", "c:0", "a:0"]})
    kept = kept_matches(previous, quotes, pa.array(["a", "c"]))  # b analysed again: its quote may be other words
    assert kept.to_pylist() == [{"quote_id": "a:0", "quote_group_id": "a:0", "is_intact": False},
                                {"quote_id": "c:0", "quote_group_id": "c:0", "is_intact": True}]


def _in_small_slices(monkeypatch) -> None:
    """Every bound on what quote grouping holds at once set to a few rows: many slices, buckets and chunks."""
    from transforms.compare.quotes import blocking

    for module, name, value in [(quote_groups, "TEXTS_AT_ONCE", 2), (quote_groups, "PAIRS_AT_ONCE", 1),
                                (blocking, "LISTS_AT_ONCE", 3), (blocking, "GRAM_ROWS", 5)]:
        monkeypatch.setattr(module, name, value)


def test_grouping_in_small_slices_gives_the_groups_of_grouping_at_once(monkeypatch):
    rows = [("e:0", LONG, False), ("b:0", LONG.upper(), False), ("c:0", PART, False), ("a:2", OTHER, False),
            ("f:1", OTHER + " Really.", False), ("g:0", FIRST, False), ("h:0", SECOND, False), ("i:0", BRIDGE, False),
            ("a:0", "We will win.", False), ("d:0", "Kalın said “we’re supporting” it", False)]
    quotes = _quotes(rows)
    words = [quote_words(t) for t in (LONG, PART, OTHER, FIRST, SECOND, BRIDGE)]
    at_once, pairs = group_quotes(quotes), candidate_pairs(words)
    ids, vocabulary = quote_groups.word_ids(quotes["text"])
    _in_small_slices(monkeypatch)
    assert quote_groups.word_ids(quotes["text"])[0].to_pylist() == ids.to_pylist() and vocabulary > 20
    assert candidate_pairs(words) == pairs and len(pairs) >= 3
    assert group_quotes(quotes).to_pylist() == at_once.to_pylist()
    assert _found(at_once) == _reference(quotes) and len(set(_found(at_once).values())) == 5


@settings(max_examples=60, deadline=None)
@given(_quote_sets())
def test_an_update_in_small_slices_equals_a_full_run(sets):
    pool, before, after = sets
    rows = [r for r in pool if r[0] in set(after)]
    with pytest.MonkeyPatch.context() as monkeypatch:
        _in_small_slices(monkeypatch)
        assert _update(rows, before, pool) == _reference(_quotes(rows))


def test_a_run_numbers_quote_texts_in_duckdb_and_groups_them_as_from_the_quotes(tmp_path):
    from flows import storage
    from warehouse import run_wide

    run, warehouse = "20260101T000000000000Z-abc123", str(tmp_path / "wh")
    rows = [("b:0", LONG, False), ("c:0", PART, False), ("a:2", OTHER, False), ("a:3", "jeopardizing", True),
            ("f:0", LONG, False), ("a:1", OTHER.replace("Europe", "the world"), False), ("g:0", LONG, False),
            ("h:0", "We will win.", False), ("h:1", PART, False)]
    quotes = _quotes(rows)
    quotes = quotes.set_column(quotes.schema.get_field_index("quote_kind"), "quote_kind",
                               pa.array(["speech"] * quotes.num_rows))
    storage.write_table(warehouse, "quotes", quotes.slice(0, 4), run, 0)  # a copy of LONG in each part
    storage.write_table(warehouse, "quotes", quotes.slice(4), run, 1)
    texts = storage.aggregate(warehouse, run, run_wide.QUOTE_TEXTS)["text"]
    numbers = storage.aggregate(warehouse, run, run_wide.QUOTE_NUMBERS)
    assert texts.to_pylist() == [LONG, PART, OTHER, OTHER.replace("Europe", "the world"), "We will win."]
    assert numbers["text_number"].to_pylist() == [0, 1, 2, 0, 3, 0, 4, 1]
    whole = group_quotes(quotes)
    assert quote_groups.group_texts(texts.combine_chunks(), numbers).equals(whole)
    previous = quote_groups.kept_matches(whole, numbers, pa.array(["b", "c", "a"], pa.string()))
    assert quote_groups.group_texts(texts.combine_chunks(), numbers, previous).equals(whole)


def _out_of_core(tmp_path, quotes: pa.Table, parts: int = 2) -> pa.Table:
    """A run whose quotes are written in `parts` parts, grouped from scratch as the flow does (scratch database)."""
    from flows import storage
    from flows.tasks import match_quotes_out_of_core

    run, warehouse = "20260101T000000000000Z-abc123", str(tmp_path / "wh")
    quotes = quotes.set_column(quotes.schema.get_field_index("quote_kind"), "quote_kind",
                               pa.array(["speech"] * quotes.num_rows))
    size = -(-quotes.num_rows // parts)
    for part in range(parts if quotes.num_rows else 0):
        storage.write_table(warehouse, "quotes", quotes.slice(part * size, size), run, part)
    return match_quotes_out_of_core.fn(warehouse, run)


@pytest.mark.parametrize("max_words", [None, 2])
def test_a_run_from_scratch_groups_out_of_core_as_in_memory(tmp_path, monkeypatch, max_words):
    from transforms.compare.quotes import blocking

    rows = [("e:0", LONG, False), ("b:0", LONG.upper(), False), ("c:0", PART, False), ("a:2", OTHER, False),
            ("f:1", OTHER + " Really.", False), ("g:0", FIRST, False), ("h:0", SECOND, False), ("i:0", BRIDGE, False),
            ("j:0", "the ceasefire to hold for all", False), ("a:0", "We will win.", False), ("k:0", "—", False),
            ("d:0", "Kalın said “we’re supporting” it", False), ("d:1", PART, True), ("m:0", "We will win", False)]
    if max_words:
        monkeypatch.setattr(quote_groups, "_MAX_WORDS", max_words)
    _in_small_slices(monkeypatch)
    monkeypatch.setattr(blocking, "ALL_PAIRS_UP_TO", 2)  # 'the ceasefire to hold' is in 4 quotes: a line
    monkeypatch.setattr(sliced, "GRAMS_AT_ONCE", 7)  # pairs found in many buckets of 4-grams
    quotes = _quotes(rows)
    assert _out_of_core(tmp_path, quotes, 3).equals(group_quotes(quotes))
    assert len(set(_found(group_quotes(quotes)).values())) == 8


def test_a_run_with_no_quotes_groups_none_out_of_core(tmp_path):
    assert _out_of_core(tmp_path, _quotes([])).equals(QUOTE_MATCHES.empty_table())
    assert _out_of_core(tmp_path, _quotes([("a:0", LONG, True)]), 1).num_rows == 0


@settings(max_examples=25, deadline=None)
@given(_quote_sets())
def test_out_of_core_equals_in_memory(tmp_path_factory, sets):
    quotes = _quotes(sets[0])
    assert _out_of_core(tmp_path_factory.mktemp("wh"), quotes).equals(group_quotes(quotes))
