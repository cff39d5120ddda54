import pyarrow as pa
import pytest

from transforms.lexicon import fold_word
from transforms.names.capitalised import _sentence_initial
from transforms.names.matching import _raw_matches, build_index, find_names
from transforms.names.mentions import extract_mentions, parse_entities, summarise_candidates
from transforms.names.tokens import name_key, tokenize

ENTITIES = [
    {"entity_id": "sarraj", "canonical_name": "Fayez al-Sarraj", "entity_type": "person",
     "aliases": ["Fayez al-Serraj"]},
    {"entity_id": "gaddafi", "canonical_name": "Muammar Gaddafi", "entity_type": "person",
     "aliases": ["Moamer Kadhafi"]},
    {"entity_id": "saif", "canonical_name": "Saif al-Islam Gaddafi", "entity_type": "person", "aliases": []},
    {"entity_id": "haftar", "canonical_name": "Khalifa Haftar", "entity_type": "person", "aliases": []},
    {"entity_id": "kalin", "canonical_name": "İbrahim Kalın", "entity_type": "person", "aliases": []},
    {"entity_id": "erdogan", "canonical_name": "Recep Tayyip Erdoğan", "entity_type": "person", "aliases": []},
    {"entity_id": "un", "canonical_name": "United Nations", "entity_type": "organisation", "aliases": ["UN", "U.N."]},
    {"entity_id": "us", "canonical_name": "United States", "entity_type": "place", "aliases": ["US"]},
    {"entity_id": "jufra", "canonical_name": "al-Jufra", "entity_type": "place", "aliases": []},
]
INDEX = build_index(ENTITIES)


def _found(text):
    mentions, candidates = find_names(text, INDEX)
    return [(m.entity_id, m.surface) for m in mentions], [(c.surface, c.note) for c in candidates]


@pytest.mark.parametrize("word, folded", [
    ("Çavuşoğlu", "cavusoglu"), ("Kalın", "kalin"), ("İbrahim", "ibrahim"), ("U.N.", "un"), ("Ibn", "bin"),
])
def test_fold_word(word, folded):
    assert fold_word(word) == folded


@pytest.mark.parametrize("name, key", [
    ("Fayez al-Sarraj", "fayez sarraj"), ("Fayez al Sarraj", "fayez sarraj"), ("Fayez El-Sarraj", "fayez sarraj"),
    ("Haftar’s", "haftar"), ("ash-Sham", "sham"), ("as Sirte", "as sirte"),
])
def test_name_key(name, key):
    assert name_key(name) == key


@pytest.mark.parametrize("text, words", [
    ("the U.S. and U.K. met", ["the", "U.S.", "and", "U.K.", "met"]),
    ("A.B went", ["A", "B", "went"]),  # initials need a period after each letter
    ("Q.A.b and U.S.A", ["Q.A.", "b", "and", "U.S.", "A"]),
    ("snake_case x2 Çavuşoğlu’s", ["snake", "case", "x2", "Çavuşoğlu", "s"]),
    ("  ", []),
])
def test_tokenize_words_and_initials(text, words):
    tokens = tokenize(text)
    assert tokens.texts == words
    assert [text[a:b] for a, b in zip(tokens.starts, tokens.ends, strict=True)] == words


@pytest.mark.parametrize("text, initial", [
    ("Quist left", True), ("It rained. Quist left", True), ("he said, Quist left", False), ("met Quist", False),
    ("Mr. Quist left", False), ("“ Quist left", True), ("(Quist left", True), ("x\t Quist left", False),
])
def test_sentence_initial(text, initial):
    assert _sentence_initial(text, text.index("Quist")) is initial


def test_raw_matches_span_whole_words_across_dropped_articles():
    index = build_index([
        {"entity_id": "sarraj", "canonical_name": "Fayez al-Sarraj", "entity_type": "person", "aliases": []},
        {"entity_id": "wh", "canonical_name": "White House", "entity_type": "organisation", "aliases": []}])
    text = "Fayez al-Sarraj met the White House staff, and Sarraj left; whitehouse white house."
    assert _raw_matches(tokenize(text), index) == [
        (0, 2, "fayez sarraj"), (5, 6, "white house"), (9, 9, "sarraj"), (12, 13, "white house")]


@pytest.mark.parametrize("text, runs", [
    ("Yesterday Ada Quist-Brandt met the Bureau of Land Management in St. Louis with James B. Comey.",
     ["Ada Quist-Brandt", "Bureau of Land Management", "St. Louis", "James B. Comey"]),
    ("They saw Ann and I there, and O'Rourke came.", ["Ann", "O'Rourke"]),
])
def test_runs_join_words_across_spaces_hyphens_connectors_and_initials(text, runs):
    assert [c.surface for c in find_names(text, build_index([]))[1]] == runs


@pytest.mark.parametrize("text, expected", [
    ("Fayez al Serraj met aides. Serraj left.", [("sarraj", "Fayez al Serraj"), ("sarraj", "Serraj")]),
    ("Kalin and Kalın spoke; İbrahim Kalın agreed.", [("kalin", "Kalin"), ("kalin", "Kalın"),
                                                     ("kalin", "İbrahim Kalın")]),
    ("President Erdogan and Tayyip Erdogan", [("erdogan", "Erdogan"), ("erdogan", "Tayyip Erdogan")]),
    ("Haftar’s forces and Haftar-backed units", [("haftar", "Haftar"), ("haftar", "Haftar")]),
    ("the U.N.’s envoy and UN-recognised rule", [("un", "U.N."), ("un", "UN")]),
    ("Sirte and Al-Jufra", [("jufra", "Al-Jufra")]),
    ("They told us that US troops left.", [("us", "US")]),
])
def test_mentions(text, expected):
    assert _found(text)[0] == expected


def test_surname_resolved_by_the_full_name_in_the_same_text():
    assert _found("Moamer Kadhafi ruled. Gaddafi fell in 2011.")[0] == [
        ("gaddafi", "Moamer Kadhafi"), ("gaddafi", "Gaddafi")]
    assert _found("Saif al-Islam Gaddafi spoke. Gaddafi said more.")[0] == [
        ("saif", "Saif al-Islam Gaddafi"), ("saif", "Gaddafi")]


def test_shared_surname_without_context_stays_ambiguous():
    mentions, candidates = _found("Gaddafi ruled for decades.")
    assert mentions == []
    assert candidates == [("Gaddafi", "ambiguous: gaddafi, saif")]


def test_relatives_are_not_merged():
    mentions, candidates = _found("Khalifa Haftar sent his son Saddam Haftar to Cairo.")
    assert mentions == [("haftar", "Khalifa Haftar")]
    assert ("Saddam Haftar", "shares a surname with a known entity") in candidates


def test_unmatched_names_become_candidates_without_titles():
    _, candidates = _found("German Foreign Minister Heiko Maas met the Libyan Army chief on Monday in Tripoli.")
    assert [c for c, _ in candidates] == ["Heiko Maas", "Libyan Army", "Tripoli"]


def test_title_case_headline_yields_no_candidates():
    assert _found("Turkey Doesn't Want Middle East Region To Turn Into Area Of Operations")[1] == []


def test_extract_mentions_and_candidate_summary():
    entities = parse_entities([{**e, "aliases": "|".join(e["aliases"])} for e in ENTITIES])
    articles = pa.table({"doc_id": ["d1", "d2"], "outlet": ["A", "B"],
                         "body": ["Serraj met Heiko Maas. Fayez al-Sarraj smiled, and so did Gaddafi.",
                                  "Heiko Maas left. Gaddafi stayed."]})
    mentions, candidate_mentions = extract_mentions(articles, entities)
    rows = mentions.select(["doc_id", "entity_id", "surface", "spelling", "match_kind"]).to_pylist()
    assert [r for r in rows if not r["entity_id"].startswith("n:")] == [
        {"doc_id": "d1", "entity_id": "sarraj", "surface": "Serraj", "spelling": "Serraj",
         "match_kind": "surname_in_context"},
        {"doc_id": "d1", "entity_id": "sarraj", "surface": "Fayez al-Sarraj", "spelling": "Sarraj",
         "match_kind": "alias"},
    ]
    # A name the table does not list is a mention of a discovered entity, under its provisional id.
    assert [(r["doc_id"], r["entity_id"], r["match_kind"]) for r in rows if r["entity_id"].startswith("n:")] == [
        ("d1", "n:heiko-maas", "discovered"), ("d2", "n:heiko-maas", "discovered")]
    bodies = dict(zip(articles["doc_id"].to_pylist(), articles["body"].to_pylist(), strict=True))
    assert all(bodies[m["doc_id"]][m["start_char"]:m["end_char"]] == m["surface"] for m in mentions.to_pylist())
    summary = summarise_candidates(candidate_mentions, articles).to_pylist()
    assert summary[0] | {"example_doc_id": None} == {
        "surface": "Gaddafi", "n_mentions": 2, "n_articles": 2, "outlets": ["A", "B"],
        "note": "ambiguous: gaddafi, saif", "example_doc_id": None}


@pytest.mark.parametrize("row, message", [
    ({"entity_id": "x", "canonical_name": "X", "entity_type": "thing", "aliases": ""}, "needs entity_id"),
    ({"entity_id": "", "canonical_name": "X", "entity_type": "place", "aliases": ""}, "needs entity_id"),
])
def test_parse_entities_rejects_bad_rows(row, message):
    with pytest.raises(ValueError, match=message):
        parse_entities([row])


def test_parse_entities_rejects_duplicates():
    row = {"entity_id": "x", "canonical_name": "X", "entity_type": "place", "aliases": "Y|Z"}
    with pytest.raises(ValueError, match="duplicate"):
        parse_entities([row, row])


@pytest.mark.parametrize("text, found", [
    ("Ovra members met in Accra. Later the OVRA said so.", [("ovra", "Ovra"), ("ovra", "OVRA")]),
    # a person's given name, a word the text also writes in lower case, three letters, an English word: none
    ("Ovra Lind met the press.", []),
    ("Ovra members met in Accra; an ovra is a rare word.", []),
    ("Ura members met in Accra.", []),
    ("Care members met in Accra.", []),
    # a given name ('Zelda' for a ZELDA), or a word the text writes before another capitalised word anywhere: none
    ("Zelda members met in Accra. Later the ZELDA said so.", [("zelda", "ZELDA")]),
    ("Ovra Lind chaired the panel. Ovra said the art was political.", []),
])
def test_an_acronym_written_as_a_word_with_a_capital_is_the_acronym(text, found):
    index = build_index([
        {"entity_id": "ovra", "canonical_name": "Organisation of Volta River Authorities",
         "entity_type": "organisation",
         "aliases": ["OVRA"]},
        {"entity_id": "zelda", "canonical_name": "Zone Electricity Dealers Association", "entity_type": "organisation",
         "aliases": ["ZELDA"]},
        {"entity_id": "ura", "canonical_name": "Upper River Authority", "entity_type": "organisation",
         "aliases": ["URA"]},
        {"entity_id": "care", "canonical_name": "Council for Arms Reduction in Europe", "entity_type": "organisation",
         "aliases": ["CARE"]},
    ])
    mentions, _ = find_names(text, index)
    assert [(m.entity_id, m.surface) for m in mentions] == found
