import re

import pyarrow as pa
import pytest

from transforms.names.capitalised import Candidate
from transforms.names.decisions import entity_decision
from transforms.names.discovery import _SPEAKER, _speakers
from transforms.names.mentions import extract_mentions, parse_entities
from transforms.names.name_words import key_tokens, name_type, whole_words
from transforms.names.resolution import lower_case_words, merge_proposals, outlet_keys, resolve, resolve_names
from transforms.names.tidying import tidy

ENTITIES = parse_entities([
    {"entity_id": "jordan", "canonical_name": "Jordan", "entity_type": "place", "aliases": ""},
    {"entity_id": "washington", "canonical_name": "Washington", "entity_type": "place", "aliases": ""},
    {"entity_id": "donald-trump", "canonical_name": "Donald Trump", "entity_type": "person", "aliases": ""},
])


def _found(body: str) -> tuple[list[tuple], list[tuple]]:
    mentions, candidates = extract_mentions(pa.table({"doc_id": ["d"], "body": [body]}), ENTITIES)
    return ([(m["surface"], m["entity_id"], m["match_kind"]) for m in mentions.to_pylist()],
            [(c["surface"], c["note"]) for c in candidates.to_pylist()])


@pytest.mark.parametrize("surface, tokens", [
    ("Donald J. Trump", ("donald", "trump")), ("Ocasio-Cortez", ("ocasio", "cortez")), ("Obama's", ("obama",)),
    ("Quist’s Hall of O'Rourke's", ("quist", "hall", "of", "orourke", "s")), ("Ada Quist", ("ada", "quist")),
])
def test_key_tokens(surface, tokens):
    assert key_tokens(surface) == tokens


@pytest.mark.parametrize("surface, tokens", [
    ("K.W.A.", ("kwa",)), ("T.L.R.’s", ("tlr",)), ("N.A.W.C.P.", ("nawcp",)),
    # initials inside a longer name stay apart: two initials tell a father from a son of the same names
    ("Harold J.T. Brennick", ("harold", "j", "t", "brennick")), ("R.K. Dunmore", ("r", "dunmore")),
])
def test_a_dotted_acronym_is_one_word(surface, tokens):
    assert key_tokens(surface) == tokens


@pytest.mark.parametrize("surface, tokens", [
    ("Harold JT Brennick", ("harold", "j", "t", "brennick")),
    ("Harold JT Brennick’s", ("harold", "j", "t", "brennick")),
    # no given name before them, or a body's word after them: an acronym inside a name
    ("Eastvale DA Office", ("eastvale", "da", "office")), ("Walter KB Group", ("walter", "kb", "group")),
    ("PORTO DA SERRA", ("porto", "da", "serra")),  # a run in capitals
    ("Tory MP for Eastwick", ("tory", "mp", "for", "eastwick")),
    ("UK PM Edwin Marlow", ("uk", "pm", "edwin", "marlow")),
    ("Konrad IV Vessner", ("konrad", "iv", "vessner")),  # a numeral
    # an office, or a body's, place's or thing's word, ends no person's name: the capitals are an acronym
    ("Madison PD Chief", ("madison", "pd", "chief")), ("Lina UN Envoy", ("lina", "un", "envoy")),
    ("Marta FC Stadium", ("marta", "fc", "stadium")),
])
def test_two_capitals_after_a_given_name_are_two_initials(surface, tokens):
    assert key_tokens(surface) == tokens


def test_a_dotted_acronym_is_the_same_name_as_the_plain_one_and_a_dotted_role_is_none():
    mentions, candidates = _found("The K.W.A. wrote a rule. The KWA said so, and the C.E.O. of a mine sued. "
                                  "The CEO lost.")
    assert [m[1] for m in mentions] == ["n:kwa", "n:kwa"]
    assert ("C.E.O.", None) in candidates


@pytest.mark.parametrize("tokens, kind", [
    (("barack", "obama"), "person"), (("washington", "post"), "organisation"), (("new", "york"), "place"),
    (("trump", "tower"), "place"), (("berlin",), "place"), (("central", "america"), "place"),
    (("wall", "street"), "place"), (("radisson", "blu", "hotel"), "place"), (("southern", "california"), "place"),
    (("rose", "garden"), "unknown"), (("state", "route", "322"), "unknown"),
])
def test_name_type_from_package_data(tokens, kind):
    assert name_type(tokens) == kind


def test_titled_surname_and_possessive_resolve_to_the_full_name_of_the_article():
    mentions, _ = _found("Barack Obama spoke. Later, Mr. Obama left and President Obama's book sold.")
    assert mentions == [("Barack Obama", "n:barack-obama", "discovered"),
                        ("Obama", "n:barack-obama", "surname_in_article"),
                        ("Obama", "n:barack-obama", "surname_in_article")]


def test_two_bearers_stay_ambiguous_unless_a_title_decides():
    mentions, candidates = _found("Hillary Clinton and Bill Clinton came. Mrs. Clinton spoke, then Clinton left.")
    assert ("Clinton", "n:hillary-clinton", "surname_in_article") in mentions
    assert candidates == [("Clinton", "ambiguous: Bill Clinton, Hillary Clinton")]


def test_acronym_resolves_to_the_expansion_the_article_gives():
    mentions, _ = _found("Agents of the Federal Bureau of Investigation (FBI) came; the FBI said nothing.")
    assert [m for m in mentions if m[0] == "FBI"] == [("FBI", "n:federal-bureau-of-investigation", "acronym")] * 2


def test_an_acronym_is_found_again_only_as_a_whole_word():
    mentions, candidates = _found("Agents of the Government of National Accord (GNA) came. GNA said nothing. GNAs "
                                  "and XGNA and GNA-led units did not.")
    assert [m[1] for m in mentions if m[0] == "GNA"] == ["n:government-of-national-accord"] * 3
    assert ("XGNA", "n:xgna", "pending") in mentions and ("GNAs", None) in candidates


@pytest.mark.parametrize("body, expected", [
    ("Volodymyr Zelenskiy spoke. Later, Mr. Zelensky said no.", ("n:volodymyr-zelenskiy", "surname_in_article")),
    # the same skeleton ('kadafi') under another first letter: no spelling of the same surname
    ("Muammar Gadhafi spoke on Monday. Later, Kaddafi said no.", ("n:kaddafi", "pending")),
])
def test_a_surname_spelled_another_way_goes_to_the_full_name_of_the_same_skeleton_and_first_letter(body, expected):
    assert _found(body)[0][-1][1:] == expected


def test_names_inside_longer_names_and_verbs_are_not_mentions():
    mentions, _ = _found("He told the Washington Post that Jordan Libowitz saw Trump Tower. Interests trump all.")
    assert mentions == [("Washington Post", "n:washington-post", "discovered"),
                        ("Jordan Libowitz", "n:jordan-libowitz", "discovered"),
                        ("Trump Tower", "n:trump-tower", "discovered")]


def _rows(*rows):
    return pa.Table.from_pylist([dict(zip(("doc_id", "entity_id", "surface", "match_kind"), r, strict=True))
                                 for r in rows])


def test_spellings_merge_and_look_alikes_stay_apart():
    found = resolve(_rows(
        ("a", "n:volodymyr-zelensky", "Volodymyr Zelensky", "discovered"),
        ("a", "n:volodymyr-zelensky", "Volodymyr Zelensky", "discovered"),
        ("b", "n:volodymyr-zelenskiy", "Volodymyr Zelenskiy", "discovered"),
        ("c", "n:hillary-clinton", "Hillary Clinton", "discovered"),
        ("d", "n:bill-clinton", "Bill Clinton", "discovered"),
        ("e", "n:kim-jong-un", "Kim Jong Un", "discovered"),
        ("f", "n:kim-jong-il", "Kim Jong Il", "discovered"),
    ), set(), set())
    links = dict(zip(found.links["name_id"].to_pylist(), found.links["entity_id"].to_pylist(), strict=True))
    assert links["n:volodymyr-zelenskiy"] == links["n:volodymyr-zelensky"] == "volodymyr-zelensky"
    assert len({links["n:hillary-clinton"], links["n:bill-clinton"], links["n:kim-jong-un"],
                links["n:kim-jong-il"]}) == 4
    entity = found.entities.filter(pa.compute.equal(found.entities["entity_id"], "volodymyr-zelensky")).to_pylist()
    assert entity[0] | {"aliases": None} == {
        "entity_id": "volodymyr-zelensky", "canonical_name": "Volodymyr Zelensky", "entity_type": "person",
        "aliases": None, "is_curated": False, "count_mentions": 3, "count_articles": 2}


def test_lone_surname_goes_to_the_only_bearer_else_stays_ambiguous():
    found = resolve(_rows(
        ("a", "n:nancy-pelosi", "Nancy Pelosi", "discovered"),
        ("a", "n:nancy-pelosi", "Pelosi", "surname_in_article"),  # the articles use it as a surname
        ("b", "n:pelosi", "Pelosi", "pending"),
        ("g", "n:tom-coburn-okla", "Tom Coburn Okla", "discovered"),
        ("h", "n:okla", "Okla", "pending"),  # never written as anyone's surname: not linked to that junk name
        ("c", "n:hillary-clinton", "Hillary Clinton", "discovered"),
        ("d", "n:bill-clinton", "Bill Clinton", "discovered"),
        ("e", "n:clinton", "Clinton", "pending"),
        ("f", "n:clinton+f", "Clinton", "pending_f"),
    ), set(), set())
    links = {r["name_id"]: r for r in found.links.to_pylist()}
    assert (links["n:pelosi"]["entity_id"], links["n:pelosi"]["match_kind"]) == ("nancy-pelosi", "surname_in_corpus")
    assert links["n:okla"]["entity_id"] is None
    assert links["n:clinton"]["entity_id"] is None
    assert links["n:clinton"]["note"] == "ambiguous: Bill Clinton, Hillary Clinton"
    assert links["n:clinton+f"]["entity_id"] == "hillary-clinton"  # after a woman's title


def test_resolve_names_counts_every_entity_and_keeps_what_nothing_took_as_candidates():
    mentions = pa.table({"doc_id": ["a", "a", "b"], "entity_id": ["jordan", "n:acme", "n:berlin"],
                         "surface": ["Jordan", "Acme", "Berlin"], "match_kind": ["alias", "pending", "pending"],
                         "start_char": [0, 10, 0], "end_char": [6, 14, 4]})
    candidates = pa.table({"doc_id": ["a"], "surface": ["Foo"], "start_char": [20], "end_char": [23],
                           "note": pa.array([None], pa.string())})
    entities, links, left = resolve_names(mentions, candidates, ENTITIES, ["the acme of it"])
    counts = {r["entity_id"]: (r["is_curated"], r["count_mentions"]) for r in entities.to_pylist()}
    assert counts == {"jordan": (True, 1), "washington": (True, 0), "donald-trump": (True, 0),
                      "berlin": (False, 1)}
    assert sorted(left["surface"].to_pylist()) == ["Acme", "Foo"]  # 'acme' is written in lower case: a word


def test_review_queue_offers_likely_merges_but_never_look_alike_surnames():
    from warehouse.contracts import ENTITIES as SCHEMA

    rows = [{"entity_id": i, "canonical_name": n, "entity_type": "person", "aliases": [], "is_curated": False,
             "count_mentions": c, "count_articles": c}
            for i, n, c in [("hillary-clinton", "Hillary Clinton", 50), ("hillary-rodham-clinton",
                            "Hillary Rodham Clinton", 5), ("bill-clinton", "Bill Clinton", 20),
                            ("john-kelly", "John Kelly", 9), ("john-kelley", "John Kelley", 3)]]
    queue = merge_proposals(pa.Table.from_pylist(rows, schema=SCHEMA)).to_pylist()
    assert [(r["kind"], r["entity_id"], r["matched_variant"], r["count_mentions"]) for r in queue] == [
        ("merge", "hillary-clinton", "hillary-rodham-clinton", 5)]


def test_review_decisions_merge_split_and_rename():
    rows = _rows(("a", "n:volodymyr-zelensky", "Volodymyr Zelensky", "discovered"),
                 ("b", "n:volodymyr-zelenskiy", "Volodymyr Zelenskiy", "discovered"),
                 ("c", "n:hillary-clinton", "Hillary Clinton", "discovered"),
                 ("d", "n:hillary-rodham-clinton", "Hillary Rodham Clinton", "discovered"))
    decisions = [entity_decision("merged", "hillary-rodham-clinton", "hillary-clinton"),
                 entity_decision("split", "volodymyr-zelensky", "Volodymyr Zelenskiy"),
                 entity_decision("renamed", "hillary-clinton", "Hillary R. Clinton")]
    found = resolve(rows, set(), set(), decisions)
    links = dict(zip(found.links["name_id"].to_pylist(), found.links["entity_id"].to_pylist(), strict=True))
    assert links["n:hillary-rodham-clinton"] == links["n:hillary-clinton"] == "hillary-clinton"
    assert links["n:volodymyr-zelenskiy"] == "volodymyr-zelenskiy"
    names = dict(zip(found.entities["entity_id"].to_pylist(), found.entities["canonical_name"].to_pylist(),
                     strict=True))
    assert names["hillary-clinton"] == "Hillary R. Clinton"
    assert "hillary-rodham-clinton" not in names


def test_middle_names_and_initials_are_one_person():
    mentions, _ = _found("FBI Director James B. Comey testified. Comey left.")
    assert mentions == [("James B. Comey", "n:james-comey", "discovered"), ("Comey", "n:james-comey",
                                                                           "surname_in_article")]
    found = resolve(_rows(("a", "n:barack-obama", "Barack Obama", "discovered"),
                          ("b", "n:barack-hussein-obama", "Barack Hussein Obama", "discovered")), set(), set())
    assert set(found.links["entity_id"].to_pylist()) == {"barack-obama"}
    found = resolve(_rows(("a", "n:kim-il", "Kim Il", "discovered"),
                          ("b", "n:kim-jong-il", "Kim Jong Il", "discovered")), set(), set())
    assert set(found.links["entity_id"].to_pylist()) == {"kim-il", "kim-jong-il"}
    found = resolve(_rows(("a", "n:robert-mueller", "Robert Mueller", "discovered"),
                          ("b", "n:robert-mueller-iii", "Robert S. Mueller III", "discovered"),
                          ("c", "n:donald-trump", "Donald Trump", "discovered"),
                          ("d", "n:donald-trump-jr", "Donald Trump Jr.", "discovered")), set(), set())
    assert set(found.links["entity_id"].to_pylist()) == {"robert-mueller", "donald-trump", "donald-trump-jr"}


def test_a_surname_the_corpus_resolves_to_one_bearer_goes_to_that_bearer():
    rows = [("a", "n:barack-obama", "Barack Obama", "discovered"), ("b", "n:michelle-obama", "Michelle Obama",
                                                                     "discovered")]
    rows += [(f"c{i}", "n:barack-obama", "Obama", "surname_in_article") for i in range(19)]
    rows += [("d", "n:michelle-obama", "Obama", "surname_in_article"), ("e", "n:obama", "Obama", "pending")]
    links = {r["name_id"]: r for r in resolve(_rows(*rows), set(), set()).links.to_pylist()}
    assert (links["n:obama"]["entity_id"], links["n:obama"]["match_kind"]) == ("barack-obama", "surname_in_corpus")


def test_names_are_cut_to_the_name():
    mentions, _ = _found("Host Lawrence O'Donnell asked Sen. Tom Coburn, R-Okla., about it. Banishing Kelly won't "
                         "help. Members of The POLITICO Caucus met. The Justice Department said.")
    assert [m[0] for m in mentions] == ["Lawrence O'Donnell", "Tom Coburn", "Kelly", "POLITICO Caucus",
                                        "Justice Department"]  # the department, not a 'Department' alone


def test_a_titles_abbreviation_before_a_name_is_no_name_and_the_acronym_in_capitals_stays():
    mentions, candidates = _found("Sec. Varnholt met the SEC chief on Monday, and Gov. Ostrander came too.")
    assert [m[:2] for m in mentions] == [("Varnholt", "n:varnholt"), ("SEC", "n:sec"), ("Ostrander", "n:ostrander")]
    assert [m[2] for m in mentions] == ["pending_person", "pending", "pending_person"]


@pytest.mark.parametrize("body, lone, expected", [
    ("The Dakota GOP met on Monday. The GOP said no.", "GOP", ("n:gop", "pending")),  # an acronym is no surname
    ("Officers of the Toledo FBI met. The FBI said no.", "FBI", ("n:fbi", "pending")),
    ("Walt Pemberton III spoke on Monday. Later, Walt said no.", "Walt",
     ("n:walt-pemberton-iii", "given_name_in_article")),
    ("Sen. Mary Ann Smith spoke on Monday. Smith said no.", "Smith", ("n:mary-ann-smith", "surname_in_article")),
])
def test_a_name_ending_in_an_acronym_is_no_persons(body, lone, expected):
    mentions, _ = _found(body)
    assert [m[1:] for m in mentions if m[0] == lone] == [expected]


def test_an_abbreviated_department_is_the_department():
    mentions, _ = _found("The Fisheries Department said no. Later, the Fisheries Dept. said yes, and the Fisheries "
                         "Ministry agreed.")
    assert [m[1] for m in mentions] == ["n:fisheries-department", "n:fisheries-department", "n:fisheries-ministry"]


def test_nicknames_merge_only_with_the_same_surname_and_one_linked_person():
    found = resolve(_rows(
        ("a", "n:chuck-schumer", "Chuck Schumer", "discovered"),
        ("a", "n:chuck-schumer", "Chuck Schumer", "discovered"),
        ("b", "n:charles-schumer", "Charles E. Schumer", "discovered"),
        ("c", "n:charles-grassley", "Charles Grassley", "discovered"),  # another surname: never a merge
        ("d", "n:chris-smith", "Chris Smith", "discovered"),
        ("e", "n:christopher-smith", "Christopher Smith", "discovered"),
        ("f", "n:christine-smith", "Christine Smith", "discovered"),  # 'Chris' links two people: stays apart
    ), set(), set())
    links = dict(zip(found.links["name_id"].to_pylist(), found.links["entity_id"].to_pylist(), strict=True))
    assert links["n:charles-schumer"] == links["n:chuck-schumer"] == "chuck-schumer"
    assert links["n:charles-grassley"] == "charles-grassley"
    assert len({links["n:chris-smith"], links["n:christopher-smith"], links["n:christine-smith"]}) == 3


def test_runs_joined_by_and_on_of_split_into_their_names():
    mentions, _ = _found("Perot led Bush and Clinton in June. Bush said no. Clinton said yes. Both Canada and Mexico "
                         "trade. Sen. John Thune and Sen. John Cornyn spoke; the CEOs of Merck left. He saw Ted Cruz "
                         "on Twitter and a story about Barack Obama and the White House. Procter and Gamble paid.")
    surfaces = [m[0] for m in mentions]
    for name in ("Bush", "Clinton", "Canada", "Mexico", "John Thune", "John Cornyn", "Merck", "Ted Cruz", "Twitter",
                 "Barack Obama", "White House", "Procter and Gamble"):
        assert name in surfaces
    assert not [s for s in surfaces if s.startswith(("Bush and", "Canada and", "John Thune and", "CEOs", "Ted Cruz o",
                                                     "Barack Obama and"))]


def test_a_given_names_second_syllable_stays_in_the_name():
    mentions, _ = _found("Leader Kim Jong-un met Moon Jae-in in Seoul. The Bush-era rules and Hillary Clinton-in.")
    assert [m[0] for m in mentions][:2] == ["Kim Jong-un", "Moon Jae-in"]
    assert "Hillary Clinton" in [m[0] for m in mentions]


def test_roles_prefixes_and_doubled_names_are_no_names():
    mentions, _ = _found("Nielsen: Homeland Security Secretary resigns. A real problem of anti-Semitism on the left. "
                         "Rep. Kathleen Rice Kathleen Maura RiceProgressive freshmen raised money. Her colleagues "
                         "Senators Elizabeth Warren and Kirsten Gillibrand called. So on. World War II ended.")
    surfaces = [m[0] for m in mentions]
    assert "Kathleen Rice" in surfaces and "Elizabeth Warren" in surfaces and "World War II" in surfaces
    assert not [s for s in surfaces if "Secretary" in s or "Semitism" in s or "Senators" in s or "Maura" in s]


def test_an_untitled_given_name_is_a_surname_only_where_the_corpus_often_resolves_it_so():
    rows = _rows(("a", "n:george-will", "George Will", "discovered"),
                 *[(f"a{i}", "n:george-will", "Will", "surname_in_article") for i in range(20)],
                 ("b", "n:will", "Will", "pending"), ("c", "n:will+m", "Will", "pending_m"),
                 ("d", "n:patricia-rupert", "Patricia Rupert", "discovered"),
                 ("d", "n:patricia-rupert", "Rupert", "surname_in_article"), ("e", "n:rupert", "Rupert", "pending"))
    links = {}
    for common in (set(), {"will"}):
        found = resolve(rows, set(), common)
        links[bool(common)] = dict(zip(found.links["name_id"].to_pylist(), found.links["entity_id"].to_pylist(),
                                       strict=True))
    assert links[False]["n:will"] == links[False]["n:will+m"] == "george-will"
    assert links[True]["n:will"] is None and links[True]["n:will+m"] == "george-will"
    assert links[False]["n:rupert"] is None


def test_headlines_dates_particles_and_joined_organisations():
    mentions, _ = _found("Update: Israel Continues Strikes On Gaza. Rockets hit Gaza. Watch it on The Blaze TV on "
                         "Wednesday. Nominees such as Thomas Perez as Labor secretary. In 2016, Vermont Sen. Bernie "
                         "Sanders ran. Then Van Dyke was arrested. Students from Hillsdale College and Harvard "
                         "University met. Data went to ICE and CBP. Greg and Travis McMichael armed themselves. The "
                         "Department of Health and Human Services said. It followed the Sept. 11 attacks.")
    surfaces = [m[0] for m in mentions]
    for name in ("Gaza", "Blaze TV", "Thomas Perez", "Vermont", "Bernie Sanders", "Van Dyke", "Hillsdale College",
                 "Harvard University", "ICE", "CBP", "Travis McMichael", "Department of Health and Human Services"):
        assert name in surfaces
    assert not [s for s in surfaces if " On " in s or "Wednesday" in s or " as " in s or "Sen" in s or s == "Dyke"
                or " and " in s.replace("Health and Human", "") or s == "Sept"]


def test_a_two_word_name_of_no_known_type_makes_a_lone_surname_ambiguous_unless_a_title_decides():
    mentions, candidates = _found("Romney opened. Then Mitt Romney and Ann Romney spoke. Later Romney said no. Mrs. "
                                  "Romney smiled. Mr. Romney left.")
    assert [m for m in mentions if m[0] == "Romney"] == [("Romney", "n:ann-romney", "surname_in_article"),
                                                         ("Romney", "n:mitt-romney", "surname_in_article")]
    assert candidates == [("Romney", "ambiguous: Ann Romney, Mitt Romney")] * 2


@pytest.mark.parametrize("body, expected", [
    # the full name written last before the surname decides, as a reader takes it
    ("Hillary Clinton spoke first. Later Bill Clinton spoke. “Never,” Clinton said.", "n:bill-clinton"),
    ("Bill Clinton came. Hillary Clinton spoke at length. Clinton later said no.", "n:hillary-clinton"),
    ("Sen. Rand Paul ran. His father, Ron Paul, ran before. Sen. Rand Paul spoke. Paul said yes.", "n:rand-paul"),
    # an initial is no key word: George W. Bush is 'n:george-bush'
    ("Jeb Bush led. George W. Bush campaigned for him on Monday.\n\nBush said so.", "n:george-bush"),
])
def test_two_bearers_go_to_the_one_written_in_full_last_before(body, expected):
    mentions, candidates = _found(body)
    last = [m for m in mentions if m[0] in ("Clinton", "Paul", "Bush")][-1]
    assert last == (last[0], expected, "surname_last_named")
    assert not candidates


@pytest.mark.parametrize("body", [
    "Clinton spoke first. Then Hillary Clinton and Bill Clinton came.",  # none written before it
    "Hillary Clinton and Bill Clinton came. Clinton left.",  # both in the sentence before: nothing decides
])
def test_two_bearers_stay_ambiguous_when_nothing_was_written_last_alone(body):
    mentions, candidates = _found(body)
    assert [c[0] for c in candidates] == ["Clinton"]
    assert not [m for m in mentions if m[0] == "Clinton"]


def test_a_middle_name_or_a_hyphenated_title_keeps_a_listed_person():
    mentions, _ = _found("He said President Donald John Trump was there. Later Fred Trump left. The President-Elect "
                         "Trump spoke.")
    assert ("Donald John Trump", "donald-trump", "alias") in mentions
    assert ("Fred Trump", "n:fred-trump", "discovered") in mentions
    assert ("Trump", "donald-trump", "surname") in mentions


def test_more_joined_runs_split_into_their_names():
    mentions, _ = _found("Sens. John McCain of Arizona and Lindsey Graham of South Carolina agreed. He would award "
                         "Tiger Woods the Presidential Medal of Freedom. Perception Institute and Planned Parenthood "
                         "met. Alexander the Great and the Department of the Interior stay whole.")
    surfaces = [m[0] for m in mentions]
    for name in ("John McCain", "Arizona", "Lindsey Graham", "South Carolina", "Tiger Woods",
                 "Presidential Medal of Freedom", "Perception Institute", "Planned Parenthood",
                 "Alexander the Great", "Department of the Interior"):
        assert name in surfaces


def test_particles_employers_slogans_and_page_furniture():
    mentions, candidates = _found("Osama bin Laden was killed. Later bin Laden was buried. On CBS, Bloomberg’s "
                                  "Peter Gosselin spoke. The slogan was “Divide and Conquer.” Hide Caption 4 of 7 "
                                  "Photos: a rally.")
    assert ("bin Laden", "n:osama-bin-laden", "surname_in_article") in mentions
    assert not any(m[0] in ("Bloomberg", "Divide and Conquer", "Hide Caption", "Photos") for m in mentions)
    assert ("Bloomberg", "owns the name after it: an outlet or employer") in candidates


def test_a_malformed_expansion_gives_an_acronym_no_meaning_and_a_son_is_not_his_father():
    mentions, _ = _found("Heads of the Department of Justice Department (DOJ) met. The DOJ said so. "
                         "Donald Trump Jr. met Donald Trump. Trump Jr. left.")
    assert not any(m[2] == "acronym" for m in mentions)
    assert ("Donald Trump Jr", "n:donald-trump-jr", "discovered") in mentions
    assert ("Trump Jr", "n:donald-trump-jr", "surname_in_article") in mentions
    assert ("Donald Trump", "donald-trump", "alias") in mentions


def test_a_lone_word_written_alone_far_more_often_than_its_only_bearer_is_not_that_bearer():
    rows = [("a", "n:merry-christmas", "Merry Christmas", "discovered"),
            ("a", "n:merry-christmas", "Christmas", "surname_in_article")]
    rows += [(f"b{i}", "n:christmas", "Christmas", "pending") for i in range(11)]
    rows += [("c", "n:mick-mulvaney", "Mick Mulvaney", "discovered"),
             ("c", "n:mick-mulvaney", "Mulvaney", "surname_in_article")]
    rows += [(f"d{i}", "n:mulvaney", "Mulvaney", "pending") for i in range(10)]
    links = {r["name_id"]: r for r in resolve(_rows(*rows), set(), set()).links.to_pylist()}
    assert links["n:christmas"]["entity_id"] is None  # 11 alone against 2
    assert links["n:mulvaney"]["entity_id"] == "mick-mulvaney"  # 10 alone against 2: five times at most


def test_a_titles_sex_prefers_the_one_name_given_to_that_sex_over_names_given_to_both():
    mentions, _ = _found("Sarah Huckabee Sanders spoke. Bernie Sanders and Chuck Schumer replied. Mrs. Sanders left.")
    assert mentions[-1] == ("Sanders", "n:sarah-huckabee-sanders", "surname_in_article")


def test_a_quoted_title_holding_a_joining_word_is_no_person():
    assert name_type(("five", "questions", "for", "jeff", "sessions")) == "unknown"
    mentions, _ = _found("His piece is headlined “Five Questions for Jeff Sessions.” Also with us, Kyle Barry.")
    assert [m[0] for m in mentions] == ["Kyle Barry"]


def test_in_a_title_case_line_a_word_naming_organisations_makes_a_longer_name():
    mentions, _ = _found("Lawrence H. Summers, Washington Post\n\nThe talks in Washington ended.")
    assert [m[0] for m in mentions if m[1] == "washington"] == ["Washington"]
    assert mentions[-1][0] == "Washington" and mentions[-1][1] == "washington"


def test_a_country_now_and_then_after_a_title_stays_a_place():
    rows = [(f"a{i}", "n:michigan", "Michigan", "pending") for i in range(5)]
    rows += [("b", "n:michigan", "Michigan", "pending_person"), ("c", "n:ebeling", "Ebeling", "pending_person"),
             ("d", "n:ebeling", "Ebeling", "pending")]
    types = {r["entity_id"]: r["entity_type"] for r in resolve(_rows(*rows), set(), set()).entities.to_pylist()}
    assert types == {"michigan": "place", "ebeling": "person"}


def test_roles_states_weekdays_and_party_members_around_names_are_cut_off():
    mentions, candidates = _found(
        "Officials of the firm of former Secretary of State Henry Kissinger met. Radio Host Charlie Sykes: No. "
        "Keisha Lance Bottoms and New York State spoke. Then former Florida Gov. Jeb Bush left, one Iowa Democrat "
        "said. Details given on Thursday of Francis' first hours. Statues fell in Richmond, Va., where Cedric "
        "Richmond spoke.")
    surfaces = [m[0] for m in mentions]
    for name in ("Henry Kissinger", "Charlie Sykes", "Keisha Lance Bottoms", "New York State", "Florida",
                 "Jeb Bush", "Francis", "Cedric Richmond"):
        assert name in surfaces
    assert not {"State Henry Kissinger", "Radio Host Charlie Sykes", "Florida Gov", "Iowa Democrat",
                "Thursday of Francis", "Richmond"} & set(surfaces)
    assert ("Richmond", "a town before its state or country") in candidates


def test_an_expansion_one_article_gives_does_not_take_an_acronym_written_everywhere_else():
    rows = [("a", "n:paradigm-accelerated-curriculum", "Paradigm Accelerated Curriculum", "discovered"),
            ("a", "n:paradigm-accelerated-curriculum", "PAC", "acronym")]
    rows += [(f"b{i}", "n:pac", "PAC", "pending") for i in range(120)]
    rows += [("c", "n:national-rifle-association", "National Rifle Association", "discovered"),
             ("c", "n:national-rifle-association", "NRA", "acronym")] + [("d", "n:nra", "NRA", "pending")] * 40
    links = {r["name_id"]: r for r in resolve(_rows(*rows), set(), set()).links.to_pylist()}
    assert links["n:pac"]["entity_id"] is None
    assert links["n:nra"]["entity_id"] == "national-rifle-association"


def test_a_bodys_office_is_a_role_and_a_state_written_out_is_the_state():
    mentions, candidates = _found(
        "A Washington state florist refused to serve them, officials in Washington said on a quiet day. The Supreme "
        "Court Justice spoke, as did Mike Judge and the Department of Justice. He read Stephen King.")
    assert ("Washington state", "n:washington-state", "discovered") in mentions
    assert ("Washington", "washington", "alias") in mentions
    assert name_type(("washington", "state")) == "place"
    surfaces = [m[0] for m in mentions]
    assert "Court Justice" not in surfaces and "Court Justice" in [c[0] for c in candidates]
    assert "Mike Judge" in surfaces and "Department of Justice" in surfaces and "Stephen King" in surfaces


def test_a_speaking_or_titled_surname_makes_a_name_of_no_known_type_a_person():
    mentions, _ = _found("Then Condoleezza Rice spoke to reporters at length. Rice said she would go. Rice is cheap.")
    assert [m for m in mentions if m[0] == "Rice"] == [("Rice", "n:condoleezza-rice", "surname_in_article")]
    rows = _rows(("a", "n:condoleezza-rice", "Condoleezza Rice", "discovered"),
                 ("a", "n:condoleezza-rice", "Rice", "surname_in_article"),
                 ("b", "n:hobby-lobby", "Hobby Lobby", "discovered"), ("c", "n:lobby", "Lobby", "pending"),
                 ("d", "n:trayvon-martin", "Trayvon Martin", "discovered"), ("e", "n:martin+m", "Martin", "pending_m"))
    types = {r["entity_id"]: r["entity_type"] for r in resolve(rows, set(), set()).entities.to_pylist()}
    assert types == {"condoleezza-rice": "person", "hobby-lobby": "unknown", "trayvon-martin": "person"}


def test_a_speaking_word_is_a_whole_capitalised_word_before_the_verb():
    text = "The exRice said no, ex-Rice said yes and O'Brien, says Smith. A said it. Ocasio-Cortez told them."
    assert [word for _, word in _SPEAKER.findall(text)] == ["O'Brien", "Ocasio-Cortez"]  # not 'exRice', 'ex-Rice'
    assert _SPEAKER.findall("Then Acme Widgets said so.") == [("Acme", "Widgets")]


def test_a_numbered_designation_keeps_its_number_and_a_word_naming_organisations_ends_their_name():
    mentions, _ = _found("Traffic on State Route 322 stopped in 2016, and Senate Bill 54 passed. Donald Trump 45 "
                         "times. The coverage by Fox News was long, and the Trump Tower 2016 plan failed.")
    surfaces = [m[0] for m in mentions]
    assert {"State Route 322", "Senate Bill 54", "Fox News", "Trump Tower", "Donald Trump"} <= set(surfaces)
    assert not {"State Route", "Senate Bill", "Trump Tower 2016", "Donald Trump 45"} & set(surfaces)


def test_a_lone_town_name_that_is_also_a_word_or_a_given_name_is_no_place_of_its_own():
    rows = [("a", "n:time", "Time", "pending"), ("b", "n:nancy", "Nancy", "pending"),
            ("c", "n:charlottesville", "Charlottesville", "pending"), ("d", "n:boston", "Boston", "pending")]
    found = resolve(_rows(*rows), set(), {"time"})
    assert sorted(found.entities["entity_id"].to_pylist()) == ["boston", "charlottesville"]
    mentions, _ = _found("A proposal by Sens. Amy Klobuchar and Ron Wyden came.")
    assert [m[0] for m in mentions] == ["Amy Klobuchar", "Ron Wyden"]  # 'Sens.' is no town in France


def test_name_openers_offices_groups_and_gallery_labels():
    mentions, candidates = _found(
        "He flew to Northern Ireland, and the Central Intelligence Agency cited the First Amendment on the morning "
        "of that day. The House Ways and Means Committee met. Both Republicans and Democrats agreed, and the "
        "Attorney General said no. A man walks by. Getty Images Image 3 of 12 shows it.")
    surfaces = [m[0] for m in mentions]
    for name in ("Northern Ireland", "Central Intelligence Agency", "First Amendment",
                 "House Ways and Means Committee"):
        assert name in surfaces
    assert not {"Ireland", "Amendment", "Republicans and Democrats", "Attorney General", "House Ways"} & set(surfaces)
    assert not [s for s in surfaces if "Image" in s]
    assert "Attorney General" in [c[0] for c in candidates]


def test_a_name_shown_and_then_written_again_in_full_keeps_the_shown_name():
    mentions, _ = _found("Flake joined Sens. Lindsey Graham Lindsey Olin GrahamGOP senators balk at it. Mayor Pete "
                         "Buttigieg Peter Paul Montgomery Buttigieg said so. He met Joe Biden Joe BidenHouse "
                         "Republicans today, with Mary Kay Ash and John Paul Jones.")
    assert [m[0] for m in mentions if " " in m[0]] == ["Lindsey Graham", "Pete Buttigieg", "Joe Biden",
                                                       "Mary Kay Ash", "John Paul Jones"]


def test_laws_and_places_built_are_no_people_and_a_lone_surname_keeps_its_first_letter():
    assert name_type(("fair", "housing", "act")) == "unknown" and name_type(("rose", "garden")) == "unknown"
    found = resolve(_rows(("a", "n:fair-sentencing-act", "Fair Sentencing Act", "discovered"),
                          ("b", "n:fair-housing-act", "Fair Housing Act", "discovered")), set(), set())
    assert len(set(found.links["entity_id"].to_pylist())) == 2
    mentions, _ = _found("Richard Cowan wrote it. “She did a fine job,” Gowan told me. He ran against Carter for "
                         "the Democratic nomination.")
    assert not [m for m in mentions if m[0] == "Gowan"]
    assert ("Carter", "n:carter", "pending") in mentions


def test_lists_questions_and_headings_around_names():
    mentions, candidates = _found(
        "The cost from Sandy in the New York and New Jersey area was high. Andy Lack, chairman of NBC News and "
        "MSNBC, made it. Will Obama strike Syria soon? Will Ferrell laughed.\n\nStory Continued Below\n\nNick Carter\n")
    surfaces = [m[0] for m in mentions]
    for name in ("New York", "New Jersey", "NBC News", "MSNBC", "Obama", "Will Ferrell", "Nick Carter"):
        assert name in surfaces
    assert not [s for s in surfaces if s.endswith(" and") or s == "Will Obama"]
    assert ("Story Continued Below", None) in candidates


def test_saints_and_a_full_name_shown_again_after_a_parenthesis():
    mentions, _ = _found("She said St. Louis County police will act. He is like Rep. Chris Stewart Christopher "
                         "(Chris) Douglas StewartIt's time. Says Erin Thorn Vela, a lawyer. Between FY1977 and FY2016 "
                         "it grew.")
    surfaces = [m[0] for m in mentions]
    assert {"St. Louis County", "Chris Stewart", "Erin Thorn Vela"} <= set(surfaces)
    assert not [s for s in surfaces if "Douglas" in s or "Between" in s or s == "Louis County"]


def test_companies_titled_surnames_credits_and_a_person_joined_to_a_place():
    mentions, _ = _found(
        "He worked at General Motors and at General Electric for years, said Attorney General Becerra. Then the "
        "General Assembly met. Adviser to deposed Ukrainian President Viktor Yanukovych and Philippines strongman "
        "Ferdinand Marcos came. Photo by Jane Doe for The Washington Post today. Republican Senators with moxie "
        "came, and Americans for Prosperity too.")
    surfaces = [m[0] for m in mentions]
    for name in ("General Motors", "General Electric", "Becerra", "General Assembly", "Viktor Yanukovych",
                 "Philippines", "Jane Doe", "Washington Post", "Americans for Prosperity"):
        assert name in surfaces
    assert not [s for s in surfaces if " for The" in s or " and Philippines" in s or "Senators" in s]


def test_shouted_labels_newsroom_roles_and_a_role_after_and():
    mentions, candidates = _found(
        "Replay More Videos ... MUST WATCH Morsy aide defends it. Associated Press writer Bill Barrow in Atlanta and "
        "Director of Polling Jennifer Agiesta also contributed. Joel B. Pollak is Senior Editor-at-Large at Breitbart "
        "News. Sign up for Daily Newsletters here.")
    surfaces = [m[0] for m in mentions]
    assert {"Morsy", "Bill Barrow", "Atlanta", "Jennifer Agiesta", "Joel B. Pollak", "Breitbart News"} <= set(surfaces)
    assert not [s for s in surfaces if "WATCH" in s or "Director" in s or "Editor" in s or "Newsletters" in s]
    assert "Play Video" not in [m[0] for m in _found("A hearing.\nPlay Video 4:47 Russia inquiry: how")[0]]


def test_the_left_side_of_a_split_run_is_read_apart_too():
    mentions, _ = _found("A survey by the Washington Post and ABC News on Monday found it.")
    assert [m[0] for m in mentions] == ["Washington Post", "ABC News"]


def test_a_body_whose_name_lists_its_fields_is_one_name():
    mentions, _ = _found("It surprised the Bureau of Alcohol, Tobacco, Firearms and Explosives, which did not act. "
                         "The Department of Justice, Treasury and Congress met.")
    surfaces = [m[0] for m in mentions]
    assert "Bureau of Alcohol, Tobacco, Firearms and Explosives" in surfaces
    assert "Department of Justice" in surfaces and not [s for s in surfaces if "Justice," in s]


def test_a_plural_title_names_several_people():
    mentions, _ = _found("Governor Cuomo is a Democrat and Governors DeWine and DeSantis are Republicans. Then "
                         "Presidents Bush and Obama met.")
    surfaces = [m[0] for m in mentions]
    assert {"DeWine", "DeSantis", "Bush", "Obama"} <= set(surfaces)
    assert not [s for s in surfaces if " and " in s]


def test_a_ruler_is_named_by_title_and_given_name_not_by_a_surname():
    mentions, _ = _found("Crown Prince Mohammed bin Salman met his father. Saudi King Salman said nothing, and Pope "
                         "Francis and Prince Harry came. President Obama spoke.")
    surfaces = [(m[0], m[1]) for m in mentions]
    assert ("King Salman", "n:king-salman") in surfaces and ("Salman", "n:mohammed-bin-salman") not in surfaces
    assert {"Pope Francis", "Prince Harry", "Obama"} <= {s for s, _ in surfaces}


def test_a_country_in_a_list_of_countries_is_no_town_before_its_state():
    mentions, candidates = _found("It adds new targets Chad, North Korea and Venezuela.")
    assert "Chad" in [m[0] for m in mentions] and not candidates


def test_tickers_and_names_joined_to_a_country_or_to_the_next_outlet():
    mentions, _ = _found("Leaders such as India's Narendra Modi and Hungary's Viktor Orban came. Fox News’ Alex Pappas "
                         "and The Associated Press contributed. Stores such as Home Depot HD, +0.03% rose.")
    surfaces = [m[0] for m in mentions]
    assert {"Narendra Modi", "Viktor Orban", "Alex Pappas", "Associated Press", "Home Depot"} <= set(surfaces)
    assert not [s for s in surfaces if " and " in s or s.endswith(" HD")]


def test_acronyms_joined_by_and_and_long_lists_of_capitalised_words():
    mentions, candidates = _found("Members go on CNN and MSNBC and ABC and take questions. Occupied Panama Papua New "
                                  "Guinea Paraguay Peru Philippines Pitcairn Poland were listed.")
    assert [m[0] for m in mentions] == ["CNN", "MSNBC", "ABC"]
    assert candidates[0][0].startswith("Occupied Panama")


def test_an_honorific_without_a_period_and_a_party_member_of_a_state():
    mentions, _ = _found("Mr Alzabarah and Mr Almutairi are both in Saudi Arabia. Senator Susan Collins, Republican "
                         "of Maine, said so.")
    surfaces = [m[0] for m in mentions]
    assert {"Alzabarah", "Almutairi", "Susan Collins", "Maine"} <= set(surfaces)
    assert not [s for s in surfaces if s.startswith(("Mr", "Republican"))]


def test_a_run_of_titles_alone_ends_the_text_without_a_name():
    assert _found("He met the Saudi Crown Prince") == ([], [])


def test_headlines_after_a_quote_mark_or_in_a_bracketed_aside_give_no_names():
    mentions, _ = _found("Ex-NFL Player Accused of Staging ‘MAGA’ Hate Crime For Insurance Fraud\n\nIt was called. "
                         "(RELATED: Trudeau Calls Election — As Police Say His Government Is Blocking It) He met them "
                         "(Anne Marie Hicks, Mike Pence and Mitch McConnell) here.")
    assert [m[0] for m in mentions] == ["Anne Marie Hicks", "Mike Pence", "Mitch McConnell"]


def test_a_name_before_disease_or_syndrome_names_the_illness_not_the_place_or_person():
    mentions, candidates = _found("Children had an illness called Kawasaki disease, like Lou Gehrig's disease, in "
                                  "Osaka.")
    assert [m[0] for m in mentions] == ["Osaka"]
    assert [c[0] for c in candidates] == ["Kawasaki", "Lou Gehrig"]


def test_joined_acronyms_ordinals_possessive_bodies_and_glued_given_names():
    mentions, candidates = _found("An AP-GfK poll by GfK of the 1st District of Wisconsin and the 9th Circuit, said "
                                  "the Young America’s Foundation. The Denver Post said Ke’Arre Stewart, 29, left.")
    surfaces = [m[0] for m in mentions]
    assert {"GfK", "1st District of Wisconsin", "9th Circuit", "Young America’s Foundation", "Ke’Arre Stewart"} <= \
        set(surfaces)
    assert not [s for s in surfaces + [c[0] for c in candidates] if "-" in s]


def test_founders_groups_of_members_and_closed_class_openers_are_no_names():
    mentions, candidates = _found("ARISE Founder Calev Myers spoke. It must be approved by UK MPs, who said no.\n\n"
                                  "Either McCarthy is incapable of reading, or he has bad staff.")
    assert [m[0] for m in mentions] == ["Calev Myers", "McCarthy"]


@pytest.mark.parametrize("tokens, kind", [
    (("teton", "county"), "place"), (("schnell", "drive"), "place"), (("ft", "devens"), "place"),
    (("nathan", "lane"), "person"), (("civil", "rights", "act"), "unknown"),
])
def test_place_words_type_small_places_but_not_people_named_like_them(tokens, kind):
    assert name_type(tokens) == kind


def test_laws_and_regions_are_no_people():
    table = _rows(("a", "n:civil-rights-act", "Civil Rights Act", "discovered"), ("a", "n:act", "Act", "pending_m"),
                  ("b", "n:central-america", "Central America", "discovered"),
                  ("b", "n:america", "America", "pending_f"), ("c", "n:mitt-romney", "Mitt Romney", "discovered"),
                  ("d", "n:romney", "Romney", "pending_m"))
    entities = resolve(table, set(), set()).entities.to_pylist()
    types = {e["entity_id"]: e["entity_type"] for e in entities}
    assert types["civil-rights-act"] == "unknown" and types["central-america"] == "place"
    assert types["mitt-romney"] == "person"


def test_lower_case_words_are_whole_words_written_in_lower_case_only():
    bodies = ["The state's hell-bent iPhone café; State abc1 Hell", "it was swell,"]
    assert lower_case_words({"state", "hell", "iphone", "phone", "cafe", "abc", "swell", "well"}, bodies) == \
        {"state", "hell", "swell"}


def test_lower_case_words_read_bodies_given_as_an_arrow_column_as_a_list():
    bodies = ["The state's hell-bent iPhone café; State abc1 Hell", "it was swell,"]
    words = {"state", "hell", "iphone", "phone", "cafe", "abc", "swell", "well"}
    assert lower_case_words(words, pa.array(bodies)) == lower_case_words(words, bodies) == {"state", "hell", "swell"}


@pytest.mark.parametrize("body", ["no\xa0state here", "a\u2003hell\u2028or swell\x1fwell", "state\u00adhood café-state",
                                  "Ünïcode state_x über\tstate", ""])
def test_lower_case_words_are_the_bodies_lower_case_runs_of_word_characters(body):
    words = {"state", "hell", "swell", "well", "hood", "x", "or", "here"}
    runs = set(re.findall(r"\w+", body))
    expected = {w for w in words & runs if w.isascii() and w.isalpha() and w.islower()}
    assert lower_case_words(words, [body]) == expected


def test_a_stray_word_before_a_name_the_text_writes_without_it_is_cut_off():
    mentions, _ = _found("Apparently Mitt Romney won. Later Mitt Romney spoke, and Utah Mitt Romney left. George W. "
                         "Bush came; W. Bush stayed. Black Lives Matter marched.")
    assert [m[0] for m in mentions] == ["Mitt Romney"] * 3 + ["George W. Bush", "W. Bush", "Black Lives Matter"]


def test_a_name_inside_other_longer_names_is_not_written_alone():
    mentions, _ = _found("The Civil Rights Act and the Voting Rights Act passed; so did the FY15 National Defense "
                         "Authorization Act (NDAA). Georgetown Law School and Columbia Law School agreed.")
    assert [m[0] for m in mentions] == ["Civil Rights Act", "Voting Rights Act", "National Defense Authorization Act",
                                        "NDAA", "Georgetown Law School", "Columbia Law School"]


def test_credits_places_owning_bodies_party_words_and_quoted_names_keep_their_names():
    mentions, _ = _found("(Will Vragovic, The Tampa Bay Times/AP Photo) He spoke at the Republican National Convention "
                         "about the “Grand Old Party” and units of China's Army in the Wuhan virus era.")
    assert [m[0] for m in mentions] == ["Will Vragovic", "Tampa Bay Times", "Republican National Convention",
                                        "Grand Old Party", "China", "Wuhan"]


def test_hyphenated_bodies_and_a_place_or_party_before_another_body_stay_whole():
    mentions, _ = _found("The AFL-CIO said SARS-CoV-2 spread. The Occupy Wall Street movement and the Ohio Republican "
                         "Party met on Wall Street, then the Republican Party did.\nSen. Lamar Alexander in 2017 "
                         "(Joshua Roberts/Reuters)")
    surfaces = [m[0] for m in mentions]
    assert {"AFL-CIO", "Occupy Wall Street", "Ohio Republican Party", "Lamar Alexander", "Joshua Roberts"} <= \
        set(surfaces)
    assert not {"AFL", "CIO", "CoV"} & set(surfaces)


def test_a_body_owning_a_part_and_a_title_after_a_stray_word_keep_the_rules_they_had():
    mentions, _ = _found("Godspeed President Bush. And President Bush said so. The National Emergencies Act and the "
                         "1976 Emergencies Act. It is under review by the Justice Department’s Office of Professional "
                         "Responsibility.")
    surfaces = [m[0] for m in mentions]
    assert surfaces[:2] == ["Bush", "Bush"] and "National Emergencies Act" in surfaces
    assert {"Justice Department", "Office of Professional Responsibility"} <= set(surfaces)


def test_a_person_or_party_holding_a_senate_keeps_its_own_name():
    mentions, candidates = _found("Hillary Clinton attends Kerry's Senate confirmation hearing. The GOP's Senate "
                                  "majority held. The Poor People’s Campaign came to Children's Hospital.")
    assert [m[0] for m in mentions] == ["Hillary Clinton", "Kerry", "GOP", "Poor People’s Campaign",
                                        "Children's Hospital"]


def test_adjectives_opening_a_bodys_name_longer_acronyms_and_surnames_like_place_words_stay():
    mentions, _ = _found("Then the National Park Service said the Park Service was closed, and Palestinian Islamic "
                         "Jihad and Islamic Jihad spoke. The Navy SEALs came. Celinda Lake polled; Ms. Lake said so.")
    surfaces = [m[0] for m in mentions]
    assert {"National Park Service", "Palestinian Islamic Jihad", "Navy SEALs", "Celinda Lake"} <= set(surfaces)
    assert ("Lake", "n:celinda-lake", "surname_in_article") in mentions


def test_a_word_naming_days_laws_or_bills_is_no_person_of_its_own_even_after_a_title():
    table = _rows(("a", "n:day+m", "Day", "pending_m"), ("b", "n:day", "Day", "pending"),
                  ("c", "n:price+m", "Price", "pending_m"))
    types = {e["entity_id"]: e["entity_type"] for e in resolve(table, set(), set()).entities.to_pylist()}
    assert "day" not in types and types["price"] == "person"
    table = _rows(("d", "n:andra-day", "Andra Day", "discovered"), ("d", "n:andra-day", "Day", "surname_in_article"),
                  ("e", "n:civil-rights-act", "Civil Rights Act", "discovered"), ("f", "n:act+m", "Act", "pending_m"))
    types = {e["entity_id"]: e["entity_type"] for e in resolve(table, set(), set()).entities.to_pylist()}
    assert types["andra-day"] == "person" and types["civil-rights-act"] == "unknown"


@pytest.mark.parametrize("tokens, kind", [
    (("centers", "for", "disease", "control", "and", "prevention"), "organisation"),
    (("national", "institutes", "of", "health"), "organisation"), (("federal", "agencies"), "organisation"),
    (("jim", "banks"), "person"), (("banks",), "unknown"),
])
def test_a_bodys_word_in_the_plural_names_a_body_but_not_as_a_persons_surname(tokens, kind):
    assert name_type(tokens) == kind


def test_a_name_of_no_known_type_an_article_gives_an_acronym_is_an_organisation():
    mentions, _ = _found("Marchers of Black Lives Matter (BLM) came. BLM said so. Boko Haram attacked. The Affordable "
                         "Care Act (ACA) passed, and the Democratic Republic of Congo (DRC) voted.")
    assert ("BLM", "n:black-lives-matter", "acronym") in mentions
    rows = _rows(*[("a", m[1], m[0], m[2]) for m in mentions])
    types = {r["entity_id"]: r["entity_type"] for r in resolve(rows, set(), set()).entities.to_pylist()}
    assert types["black-lives-matter"] == "organisation" and types["boko-haram"] == "unknown"
    assert types["affordable-care-act"] == "unknown" and types["democratic-republic-of-congo"] != "organisation"
    rows = _rows(("a", "n:republican-national-convention", "Republican National Convention", "discovered"),
                 ("a", "n:republican-national-convention", "RNC", "acronym"))
    assert resolve(rows, set(), set()).entities["entity_type"].to_pylist() == ["unknown"]  # an event


def test_an_acronym_the_initials_of_one_name_of_the_article_spell_is_that_name_without_parentheses():
    mentions, _ = _found("“The BLM’s actions lacked proportionality.” The Bureau of Land Management simply arrived. "
                         "“The BLM pointed guns.” Later the NSA and the National Park Service spoke.")
    assert [m for m in mentions if m[0] == "BLM"] == [("BLM", "n:bureau-of-land-management", "acronym")] * 2
    assert [m[1] for m in mentions if m[0] == "NSA"] == ["n:nsa"]  # its initials are those of no name here
    mentions, _ = _found("The BLM came. The Bureau of Land Management and Black Lives Matter both spoke.")
    assert [m[2] for m in mentions if m[0] == "BLM"] == ["pending"]  # two names spell it: the article does not say


def test_parties_of_a_court_case_doctrines_and_roles_are_no_mentions_of_people():
    mentions, candidates = _found("Jane Roe sued. Doom for Roe v Wade, or Brown v. Board of Education, is near, Roe "
                                  "said. Trump condemned anti-Semitism. EPA Administrator Scott Pruitt resigned, "
                                  "Professor Grenier says.")
    assert [m[:2] for m in mentions] == [("Jane Roe", "n:jane-roe"), ("Roe", "n:jane-roe"), ("Trump", "donald-trump"),
                                         ("Scott Pruitt", "n:scott-pruitt"), ("Grenier", "n:grenier")]
    assert {c[0] for c in candidates} >= {"Roe", "Wade", "Brown", "Board of Education"}


@pytest.mark.parametrize("surface, kind", [
    ("L. Franklin Devine", "person"), ("F. Scott Fitzgerald", "person"), ("Mike Sea", "person"),
    ("South China Sea", "place"), ("Border Patrol", "organisation"),
])
def test_initials_before_a_given_name_seas_and_patrols_are_typed(surface, kind):
    assert name_type(key_tokens(surface)) == kind


def test_a_first_initial_before_a_given_name_is_left_out_of_the_key_and_what_is_left_of_a_role_is_cut():
    assert key_tokens("R. Ted Cruz") == key_tokens("Ted Cruz") and key_tokens("J. Peter Pham") == ("peter", "pham")
    assert key_tokens("J.P. Morgan Chase") == ("j", "morgan", "chase") and key_tokens("F.W. de Klerk")[0] == "f"
    mentions, _ = _found("The brief came from R. Ted Cruz, then solicitor general. Cruz said so. Harvard Law Professor "
                         "Emeritus Alan Dershowitz spoke; Dershowitz left.")
    assert [m[:2] for m in mentions] == [("R. Ted Cruz", "n:ted-cruz"), ("Cruz", "n:ted-cruz"),
                                         ("Alan Dershowitz", "n:alan-dershowitz"), ("Dershowitz", "n:alan-dershowitz")]


def test_a_run_after_a_headings_small_words_alone_on_its_line_is_a_heading():
    mentions, candidates = _found("Polls moved.\n\nFrom the Health Desk\n\nIt was Black Lives Matter\nPhoto by Getty "
                                  "Images\nFrom the Washington Post")
    assert [m[0] for m in mentions] == ["Black Lives Matter", "Getty Images", "Washington Post"]
    assert ("Health Desk", None) in candidates


def test_a_lone_word_naming_an_outlet_of_the_articles_is_that_outlet_unless_a_person_bears_it():
    rows = [(f"a{i}", "n:clinton-news-network", surface, kind) for i in range(3)
            for surface, kind in (("Clinton News Network", "discovered"), ("CNN", "acronym"))]
    rows += [(f"b{i}", "n:cnn", "CNN", "pending") for i in range(5)]
    rows += [("c", "n:politico", "Politico", "pending"), ("d", "n:bloomberg", "Bloomberg", "pending_m"),
             ("c", "n:michael-bloomberg", "Michael Bloomberg", "discovered"),
             ("e", "n:daily-beast", "Daily Beast", "discovered")]
    outlets = outlet_keys(["CNN", "Politico", "Bloomberg", "The Daily Beast", "John Stossel"])
    rows += [("f", "n:john-stossel", "John Stossel", "discovered")]
    found = resolve(_rows(*rows), set(), set(), outlets=outlets)
    links = {r["name_id"]: r["entity_id"] for r in found.links.to_pylist()}
    assert (links["n:cnn"], links["n:politico"], links["n:bloomberg"]) == ("cnn", "politico", "michael-bloomberg")
    types = {r["entity_id"]: r["entity_type"] for r in found.entities.to_pylist()}
    assert (types["cnn"], types["politico"], types["daily-beast"]) == ("organisation",) * 3
    assert types["john-stossel"] == "person"


@pytest.mark.parametrize("body, expected", [
    ("Rep. Darrell E. Issa said so. Mr. Issa left.",
     [("Darrell E. Issa", "n:darrell-issa", "discovered"), ("Issa", "n:darrell-issa", "surname_in_article")]),
    ("Eric J. Trump met Donald J. Trump.",
     [("Eric J. Trump", "n:eric-trump", "discovered"), ("Donald J. Trump", "donald-trump", "alias")]),
    ("Hunter R. Biden spoke.", [("Hunter R. Biden", "n:hunter-biden", "discovered")]),
])
def test_a_middle_initial_keeps_a_full_name_whole_and_a_longer_listed_form_gives_no_surname(body, expected):
    entities = parse_entities([
        {"entity_id": "aguila-saleh", "canonical_name": "Aguila Saleh", "entity_type": "person",
         "aliases": "Aguila Saleh Issa"},
        {"entity_id": "donald-trump", "canonical_name": "Donald Trump", "entity_type": "person",
         "aliases": "Donald J. Trump"},
        {"entity_id": "joe-biden", "canonical_name": "Joe Biden", "entity_type": "person", "aliases": ""}])
    mentions, _ = extract_mentions(pa.table({"doc_id": ["d"], "body": [body]}), entities)
    assert [(m["surface"], m["entity_id"], m["match_kind"]) for m in mentions.to_pylist()] == expected


@pytest.mark.parametrize("body, expected", [
    ("Bricks flew. One Hong Kong officer fired. Crowds filled Hong Kong airport.",
     [("Hong Kong", "n:hong-kong", "discovered")] * 2),
    ("Then it ended. One America News Network aired it.",
     [("One America News Network", "n:one-america-news-network", "discovered")]),
])
def test_a_count_opening_a_sentence_is_no_part_of_the_name_after_it(body, expected):
    assert _found(body)[0] == expected


@pytest.mark.parametrize("body, name", [
    ("Visual editors: Feilding Cage and Sarah Slobin Edited by John Blanton", "Sarah Slobin"),
    ("We are blessed. -Robert Unanue CEO @GoyaFoods", "Robert Unanue"),
    ("The aide, Hillary Clinton Chief of Staff Cheryl Mills, came.", "Hillary Clinton"),
    ("At the vigil, Pastor Ralph Castillo said Ramos was kind.", "Ralph Castillo"),
    ("Giuliani cited claims by Ukrainian MP Andriy Derkach, who spoke.", "Andriy Derkach"),
])
def test_a_credits_verb_a_role_after_a_name_and_a_pastor_or_mp_before_it_are_cut_off(body, name):
    assert name in [m[0] for m in _found(body)[0]]


@pytest.mark.parametrize("body, names, joined", [
    ("The focus shifts to Sens. Mark Kirk of Illinois and Murkowski. Later, Murkowski said no.",
     ["Mark Kirk", "Illinois", "Murkowski"], "Illinois and Murkowski"),
    ("The point is whether President Obama and Congress can agree. Obama left.", ["Obama"], "Obama and Congress"),
])
def test_a_state_or_a_titled_person_joined_by_and_to_another_name_is_read_apart(body, names, joined):
    surfaces = [m[0] for m in _found(body)[0]]
    assert set(names) <= set(surfaces) and not [s for s in surfaces if joined in s]


@pytest.mark.parametrize("tokens, kind", [
    (("guantanamo", "bay"), "place"), (("gaza", "strip"), "place"), (("michael", "bay"), "person"),
    (("brookings", "institution"), "organisation"), (("chamber", "of", "commerce"), "organisation"),
])
def test_bays_strips_institutions_and_chambers_are_typed(tokens, kind):
    assert name_type(tokens) == kind


def test_two_middle_initials_tell_a_person_apart_from_the_name_without_them():
    assert key_tokens("George H.W. Bush") == ("george", "h", "w", "bush") != key_tokens("George W. Bush")
    found = resolve(_rows(("a", "n:george-h-w-bush", "George H. W. Bush", "discovered"),
                          ("b", "n:george-bush", "George W. Bush", "discovered"),
                          ("c", "n:barack-hussein-obama", "Barack Hussein Obama", "discovered"),
                          ("c", "n:barack-obama", "Barack Obama", "discovered")), set(), set())
    links = {r["name_id"]: r["entity_id"] for r in found.links.to_pylist()}
    assert links["n:george-h-w-bush"] == "george-h-w-bush" and links["n:george-bush"] == "george-bush"
    assert links["n:barack-hussein-obama"] == links["n:barack-obama"] == "barack-obama"


@pytest.mark.parametrize("body, expected", [
    ("Leader Mitch McConnell Addison (Mitch) Mitchell McConnellOvernight Defense: Dems act MORE (R-Ky.) said.",
     ["Mitch McConnell"]),
    ("Sen. Rand Paul Randal (Rand) Howard PaulSenate GOP waves Trump off MORE (R-Ky.) left.", ["Rand Paul", "Trump"]),
])
def test_a_full_name_shown_again_in_a_tooltip_and_glued_to_a_headline_is_no_name(body, expected):
    assert [m[0] for m in _found(body)[0]] == expected


def test_a_saints_name_opening_a_sentence_keeps_its_title():
    assert _found("No solace came.\n\nSt. Rose of Lima Roman Catholic Church was evacuated.")[0] == [
        ("St. Rose of Lima Roman Catholic Church", "n:st-rose-of-lima-roman-catholic-church", "discovered")]


def test_a_holiday_is_no_persons_surname():
    assert name_type(("merry", "christmas")) == "unknown"
    mentions = _found("He wished all a Merry Christmas. On Christmas, they ate.")[0]
    assert ("Christmas", "n:christmas", "pending") in mentions


@pytest.mark.parametrize("body, name, joined", [
    ("The point could be whether President Obama and Congress can agree on revenue.", "Obama", "Congress"),
    ("The Justice Department and FBI said nothing.", "Justice Department", "and FBI"),
])
def test_a_titled_surname_written_once_is_read_apart_and_a_bodys_title_word_stays(body, name, joined):
    surfaces = [m[0] for m in _found(body)[0]]
    assert name in surfaces and not [s for s in surfaces if joined in s]


@pytest.mark.parametrize("body, name", [
    ("Then Candidate Biden spoke.", "Biden"), ("Then AG Barr spoke.", "Barr"),
])
def test_candidate_and_ag_are_titles(body, name):
    assert [m[0] for m in _found(body)[0]] == [name]


@pytest.mark.parametrize("tokens, kind", [
    (("boston", "globe"), "organisation"), (("muslim", "ban"), "unknown"), (("state", "capitol"), "place"),
    (("park", "city"), "place"),
])
def test_a_globe_a_ban_and_a_capitol_are_no_people(tokens, kind):
    assert name_type(tokens) == kind


def test_a_body_named_by_its_word_alone_joined_by_and_to_a_name_is_read_apart():
    surfaces = [m[0] for m in _found("Later Obama and Congress fought over it.")[0]]
    assert "Obama" in surfaces and not [s for s in surfaces if "and" in s]


def test_a_body_opened_by_a_states_name_keeps_it():
    assert _found("He writes for the Washington Free Beacon.")[0] == [
        ("Washington Free Beacon", "n:washington-free-beacon", "discovered")]
    assert name_type(("washington", "free", "beacon")) == "organisation"


@pytest.mark.parametrize("body, name", [
    ("Later Martin Luther King marched on.", "Martin Luther King"),
    ("Then Prime Minister John Major came.", "John Major"),
])
def test_a_title_that_is_a_surname_too_ends_a_persons_name(body, name):
    assert name in [m[0] for m in _found(body)[0]]


@pytest.mark.parametrize("body, names", [
    ("Refunds are coming to General Motors and Ford. Ford said so.", ["General Motors", "Ford"]),
    ("It ended.\n\n‘TWO-LANE’ APPROACH\n\nThen it began.", ["TWO-LANE", "APPROACH"]),
])
def test_a_company_joined_to_a_name_written_alone_is_read_apart_and_a_hyphened_count_stays(body, names):
    assert [m[0] for m in _found(body)[0]] == names


@pytest.mark.parametrize("body, expected", [
    ("Hillary Clinton spoke. Later, Hillary said no.", ("Hillary", "n:hillary-clinton", "given_name_in_article")),
    # a place, a word the text writes in lower case, two people of that given name: no one
    ("Jordan Libowitz came. Jordan said no.", ("Jordan", "jordan", "alias")),
    ("Rand Paul and Rand Beers came. Later Rand spoke.", ("Rand", "n:rand", "pending")),
    # a sentence's first word the English lexicon does not know stays in the name: 'Lebron James', not 'James'
    ("James Harden scored. Lebron James did not.", ("Lebron James", "n:lebron-james", "discovered")),
])
def test_a_lone_given_name_is_the_one_person_of_the_article_it_opens(body, expected):
    mentions, _ = _found(body)
    assert mentions[-1] == expected


@pytest.mark.parametrize("tail, kind", [
    ("the will plan.", "pending"), ("(will) plan.", "pending"),  # the word in lower case, on its own
    ("the will-era plan.", "given_name_in_article"), ("the will’s plan.", "given_name_in_article"),
])
def test_a_given_name_is_written_in_lower_case_only_as_a_whole_word(tail, kind):
    mentions, _ = _found("Will Hale spoke. Later, Will said no to " + tail)  # a modal: its lower-case twin counts
    assert mentions[-1][2] == kind


def test_a_title_of_the_other_sex_is_not_the_listed_man_of_that_surname():
    mentions, _ = _found("Ivanka Trump was there. Donald Trump spoke. Ms. Trump said no; Mr. Trump left.")
    assert mentions[-2:] == [("Trump", "n:ivanka-trump", "surname_in_article"),
                             ("Trump", "donald-trump", "surname_in_context")]
    mentions, _ = _found("Donald Trump spoke. Mrs. Trump said no.")
    assert mentions[-1] == ("Trump", "n:trump+f", "pending_f")


def test_the_second_name_of_a_pair_is_read_past_its_title():
    mentions, _ = _found("Brett Kavanaugh was named. Professor Ford and Judge Kavanaugh should both testify.")
    assert mentions[-1] == ("Kavanaugh", "n:brett-kavanaugh", "surname_in_article")


def test_a_full_name_in_capitals_is_the_person_the_article_names_in_plain_case():
    mentions, candidates = _found("Bernie Sanders spoke.\nBERNIE SANDERS: WE WILL WIN\nThen HILLARY CLINTON spoke.")
    assert ("BERNIE SANDERS", "n:bernie-sanders", "discovered") in mentions
    # never named in plain case in the article: not a name the article finds, but one the corpus decides (a
    # person's only where some article names Hillary Clinton in plain case)
    assert ("HILLARY CLINTON", "n:hillary-clinton", "pending") in mentions and not candidates


def test_a_surname_in_capitals_opening_a_transcript_line_is_the_person_named_in_full():
    mentions, _ = _found("Nancy Pelosi spoke to Mike Pence.\nPELOSI: We will win.\nPENCE: No. The CDC agreed.")
    assert mentions[2:4] == [("PELOSI", "n:nancy-pelosi", "surname_in_article"),
                             ("PENCE", "n:mike-pence", "surname_in_article")]
    assert ("CDC", "n:cdc", "pending") in mentions


def test_the_canonical_name_is_the_most_used_full_form_in_plain_case():
    found = resolve(_rows(*[(f"a{i}", "n:amy-goodman", "AMY GOODMAN", "discovered") for i in range(3)],
                          ("b", "n:amy-goodman", "Amy Goodman", "discovered")), set(), set())
    names = dict(zip(found.entities["entity_id"].to_pylist(), found.entities["canonical_name"].to_pylist(),
                     strict=True))
    assert names["amy-goodman"] == "Amy Goodman"


def test_a_name_of_no_known_type_written_last_decides_nothing():
    _, candidates = _found("Barack Obama spoke. Maybe Obama can offer her some coattails. Obama said yes.")
    assert candidates == [("Obama", "ambiguous: Barack Obama, Maybe Obama")]


@pytest.mark.parametrize("body, expected", [
    ("Kim Davis refused. Her husband Joe Davis spoke. Attorneys for Davis argued that she is unable to comply.",
     "n:kim-davis"),
    ("Joe Davis spoke. Mary Davis refused. Later Davis said he would go.", "n:joe-davis"),
    # 'her' may be someone else the sentence is about: the full name written last decides
    ("John Boehner spoke. Debbie Boehner came. Boehner met Nancy Pelosi and told her no.", "n:debbie-boehner"),
])
def test_the_subject_pronoun_after_a_shared_surname_rules_out_bearers_of_the_other_sex(body, expected):
    mentions, _ = _found(body)
    assert [m[1] for m in mentions if m[0] in ("Davis", "Boehner")] == [expected]


def test_a_sentences_first_word_the_english_lexicon_does_not_know_stays_in_the_name():
    mentions, _ = _found("Kellyanne Conway spoke. George Conway tweeted. Banishing Kelly was wrong.")
    assert [m[0] for m in mentions] == ["Kellyanne Conway", "George Conway", "Kelly"]


def test_a_lone_given_name_goes_to_the_person_the_articles_that_name_them_resolve_it_to():
    rows = [(f"a{i}", "n:hillary-clinton", s, k) for i in range(20)
            for s, k in (("Hillary Clinton", "discovered"), ("Hillary", "given_name_in_article"))]
    rows += [("z", "n:hillary", "Hillary", "pending")]
    found = resolve(_rows(*rows), set(), set()).links.to_pylist()
    links = {r["name_id"]: (r["entity_id"], r["match_kind"]) for r in found}
    assert links["n:hillary"] == ("hillary-clinton", "given_name_in_corpus")
    links = {r["name_id"]: r["entity_id"] for r in resolve(_rows(*rows), set(), {"hillary"}).links.to_pylist()}
    assert links["n:hillary"] is None  # a word the corpus also writes in lower case


def test_an_office_and_its_of_complement_before_a_name_are_cut_off_as_a_whole():
    mentions, _ = _found(
        "Aides said Secretary of State Hillary Rodham Clinton flew in. The Minister of Foreign Affairs Wang Yi met "
        "the Governor of New York Andrew Cuomo. Later Secretary of State Pompeo left. The Dow Jones Industrial "
        "Average fell as Make America Great Again hats sold. He met Secretary of State Mike Pompeo and Treasury "
        "Secretary Steven Mnuchin. The talks were announced at a news conference this afternoon with Secretary of "
        "State John F. Kerry in the capital. Earlier, the Secretary of Health and Human Services Alex Azar spoke.")
    surfaces = [m[0] for m in mentions]
    for name in ("Hillary Rodham Clinton", "Wang Yi", "Andrew Cuomo", "Pompeo", "Dow Jones Industrial Average",
                 "Mike Pompeo", "Steven Mnuchin", "John F. Kerry", "Alex Azar"):
        assert name in surfaces
    assert not {"State Hillary Rodham Clinton", "Foreign Affairs Wang Yi", "York Andrew Cuomo",
                "State Pompeo"} & set(surfaces)


def test_the_words_of_an_account_handle_are_no_names():
    mentions, _ = _found("Thanks to @SamJones and @Sam_Smith for the tip. Sam Smith said so later.")
    assert [m[0] for m in mentions] == ["Sam Smith"]


def test_a_body_named_for_a_class_of_people_keeps_its_possessive():
    mentions, candidates = _found(
        "The Korean People's Army fired. Later the Kurdistan Workers' Party fought, and Kerry's Senate confirmation "
        "and the Democrats’ Senate majority came.")
    surfaces = [m[0] for m in mentions]
    assert "Korean People's Army" in surfaces and "Kurdistan Workers' Party" in surfaces
    assert not {"Korean People", "Kurdistan Workers", "Kerry's Senate", "Democrats’ Senate"} & set(surfaces)


def test_a_two_word_place_keeps_its_first_word_opening_a_sentence_or_a_dateline():
    mentions, _ = _found("LOS ANGELES (AP) — Police said so.\nNew York officials agreed. Banishing Kelly was wrong.")
    surfaces = [m[0] for m in mentions]
    assert "LOS ANGELES" in surfaces and "New York" in surfaces and "Kelly" in surfaces
    assert not {"ANGELES", "York", "Banishing Kelly"} & set(surfaces)
    assert {m[1] for m in mentions if m[0] in ("LOS ANGELES", "New York")} == {"n:los-angeles", "n:new-york"}


def test_a_possessive_name_opening_a_sentence_is_read_but_a_possessive_word_is_not():
    mentions, _ = _found("Mexico’s president spoke. China's envoy left. Today’s talks failed. Everyone's fault.")
    assert [m[0] for m in mentions] == ["Mexico", "China"]


def test_a_surname_before_a_body_written_alone_elsewhere_is_read_apart():
    mentions, _ = _found("The Obama Justice Department acted. Barack Obama left the Justice Department. Lyndon "
                         "Johnson praised the Johnson Space Center.")
    assert ("Obama", "n:barack-obama", "surname_in_article") in mentions
    surfaces = [m[0] for m in mentions]
    assert "Obama Justice Department" not in surfaces and surfaces.count("Justice Department") == 2
    assert "Johnson Space Center" in surfaces
    mentions, _ = _found("It was a Trump White House decision. Donald Trump spoke at the White House.")
    assert mentions[:2] == [("Trump", "donald-trump", "surname"), ("White House", "n:white-house", "discovered")]


def test_a_surname_before_a_company_or_hotel_named_for_someone_stays_in_its_name():
    mentions, _ = _found("Henry Ford built cars. The Ford Motor Company grew, and the Motor Company thrived. Donald "
                         "Trump spoke. The Trump International Hotel opened; the International Hotel was full.")
    surfaces = [m[0] for m in mentions]
    assert "Ford Motor Company" in surfaces and "Trump International Hotel" in surfaces
    assert ("Trump", "donald-trump", "surname") not in mentions
    mentions, _ = _found("Ada Quist spoke. A Quist Labour Party would differ from the Labour Party. Quist’s Center "
                         "for Cats opened; the Center for Cats grew. The Quist Department of Roads paved it, and the "
                         "Department of Roads paid.")
    assert [m[0] for m in mentions].count("Quist") == 2 and ("Quist’s", "n:ada-quist", "surname_in_article") in mentions


def test_a_given_name_alone_is_read_beside_its_noun_or_when_the_list_lacks_it():
    mentions, _ = _found("Sen. Mark Warner spoke. It left a mark on the party, Mark said. Adviser Kellyanne Conway "
                         "agreed, Conway said, and Kellyanne laughed. In May it may rain, and Will Smith will act; "
                         "Will stayed. Mnuchin, a former Goldman banker, left Goldman Sachs for the BBC Brussels "
                         "office, he told the BBC.")
    assert ("Mark", "n:mark-warner", "given_name_in_article") in mentions
    assert ("Kellyanne", "n:kellyanne-conway", "given_name_in_article") in mentions
    assert not [m for m in mentions if m[0] in ("May", "Will")]
    assert not [m for m in mentions if m[0] in ("Goldman", "BBC") and m[2] == "given_name_in_article"]


def test_a_company_speaking_whole_gives_its_first_word_no_person():
    mentions, _ = _found("Goldman Sachs said in a note that rates would rise. Later, Goldman cut its forecast. "
                         "Aide Ysolde Brankov agreed, Brankov said, and Ysolde left.")
    assert ("Goldman", "n:goldman", "pending") in mentions
    assert ("Ysolde", "n:ysolde-brankov", "given_name_in_article") in mentions


def test_a_shared_surname_goes_to_the_person_the_other_is_introduced_as_a_relative_of():
    mentions, candidates = _found("Vice President Mike Pence and his wife, Karen Pence, came to Ohio. Pence said the "
                                  "visit went well. Later Jane Roe and Joe Roe came. Roe spoke.")
    assert ("Pence", "n:mike-pence", "surname_last_named") in mentions
    assert ("Roe", "ambiguous: Jane Roe, Joe Roe") in candidates


def test_a_two_word_office_opening_a_sentence_is_cut_off_whole_before_a_surname():
    mentions, _ = _found("Attorney General Barr said no. ATTORNEY GENERAL Barr spoke. Former Justice Department "
                         "officials agreed.")
    assert [m[0] for m in mentions] == ["Barr", "Barr", "Justice Department"]


def test_a_given_name_that_is_a_town_is_the_person_where_it_speaks():
    mentions, candidates = _found("My neighbour Sydney Hale owns a boat. The sea was rough, Sydney said. We waited "
                                  "until Sydney and I got cold. Sydney and I rowed back at dusk. Ferries to Perth "
                                  "and Sydney stopped.")
    assert [m[1:] for m in mentions if m[0] == "Sydney"] == [("n:sydney-hale", "given_name_in_article")] * 3 + \
        [("n:sydney", "pending")]
    assert not [c for c in candidates if " I" in c[0]]


@pytest.mark.parametrize("body, name", [
    ("Mayor of London Sadiq Khan spoke on Tuesday.", "Sadiq Khan"),
    ("Governor of Lagos Babajide Sanwo-Olu spoke on Tuesday.", "Babajide Sanwo-Olu"),
    ("Chancellor of the Exchequer Rishi Sunak spoke on Tuesday.", "Rishi Sunak"),
    ("The Governor of Ohio Tamsin Oyelaran-Brook visited the farm on Friday.", "Tamsin Oyelaran-Brook"),
])
def test_an_office_complement_of_a_place_or_after_of_the_is_cut_before_a_name_the_list_lacks(body, name):
    assert [m[0] for m in _found(body)[0]] == [name]


def test_an_office_complement_that_is_a_place_of_two_words_stays_whole():
    assert [m[0] for m in _found("He blamed the Mayor of San Juan, and others.")[0]] == ["San Juan"]


def test_two_given_names_joined_by_and_are_two_people():
    mentions, _ = _found("Senator Rosalind Okafor voted. “Rosalind and Jeannie and I often agree,” she said. Later, "
                         "Simon and Schuster printed it.")
    assert ("Rosalind", "n:rosalind-okafor", "given_name_in_article") in mentions
    assert "Simon and Schuster" in [m[0] for m in mentions]


def test_a_place_or_an_adjective_is_no_surname_or_office_complement_before_a_name():
    mentions, _ = _found("He was elected Mayor of New York City in 2001. Since the National Park Service bought it, "
                         "the Park Service and Will National met.")
    surfaces = [m[0] for m in mentions]
    assert "New York City" in surfaces and "York City" not in surfaces
    assert "National" not in surfaces and surfaces.count("Park Service") == 1


def test_a_month_after_a_given_name_is_a_surname_read_where_it_speaks_or_has_a_title():
    body = ("Prime Minister Theresa May met him in May. Later, May said talks would resume on May 3. Mrs. May left. "
            "In May, Parliament sat.")
    mentions, _ = _found(body)
    assert mentions[0] == ("Theresa May", "n:theresa-may", "discovered")
    assert [body[m["start_char"] - 6:m["start_char"]] for m in extract_mentions(
        pa.table({"doc_id": ["d"], "body": [body]}), ENTITIES)[0].to_pylist() if m["surface"] == "May"] == \
        ["ater, ", " Mrs. "]


def test_a_body_named_for_a_place_is_one_name_where_its_acronym_spells_both_parts():
    mentions, _ = _found("Fighters loyal to Ansar Dine in Mali (ADM) seized a road. Weeks later Ansar Dine in Mali "
                         "denied it, Ansar Dine kept silent and Trump in Iowa spoke.")
    surfaces = [m[0] for m in mentions]
    assert surfaces.count("Ansar Dine in Mali") == 2 and surfaces.count("Ansar Dine") == 1
    assert "Trump" in surfaces and "Iowa" in surfaces


def test_a_brother_introduced_as_one_leaves_a_shared_surname_ambiguous():
    _, candidates = _found("Officials said John Roe and his brother, James Roe, fled the scene. Later, Roe was "
                           "caught.")
    assert ("Roe", "ambiguous: James Roe, John Roe") in candidates


def test_a_run_with_a_capitalised_copula_is_a_clause_not_a_name():
    mentions, _ = _found("Signs read “Bin Laden Is Dead, GM Is Alive” at the rally, where Love Is Blind aired.")
    assert mentions == []


def test_a_name_never_ends_with_a_joining_word():
    mentions, _ = _found("Photos colored by Marta Quillen for TIME show the old harbour.")
    assert ("Marta Quillen", "n:marta-quillen", "discovered") in mentions
    assert not any(m[0].endswith(" for") for m in mentions)


def test_a_body_with_its_of_complement_and_an_acronym_or_another_such_body_are_two_names():
    mentions, _ = _found("Agents of the Bureau of Prisons and ICE came. The Office of Fisheries and Ministry of "
                         "Water met. The Department of Health and Human Services said no. Then ICE and Bureau of "
                         "Mines agreed.")
    assert [m[0] for m in mentions] == ["Bureau of Prisons", "ICE", "Office of Fisheries", "Ministry of Water",
                                        "Department of Health and Human Services", "ICE", "Bureau of Mines"]


@pytest.mark.parametrize("surface", ["Charlotte Observer", "Marion Chronicle", "Grace County Monitor",
                                     "Lake Dispatch", "Maple Inquirer", "Dale Examiner", "North Valley Transit"])
def test_newspapers_and_transit_bodies_are_organisations_even_after_a_given_name_or_place(surface):
    assert name_type(key_tokens(surface)) == "organisation"


def test_an_ordinal_and_a_countrys_initials_before_a_court_stay_in_its_name():
    entities = parse_entities([{"entity_id": "united-states", "canonical_name": "United States",
                                "entity_type": "place", "aliases": "U.S."}])
    mentions, _ = extract_mentions(pa.table({"doc_id": ["d"], "body": [
        "She sits on the Denver-based 10th U.S. Circuit Court of Appeals, which hears appeals."]}), entities)
    surfaces = [m["surface"] for m in mentions.to_pylist()]
    assert "10th U.S. Circuit Court of Appeals" in surfaces and "Circuit Court of Appeals" not in surfaces


def test_an_office_and_its_agency_before_a_name_with_an_initial_are_no_part_of_it():
    mentions, _ = _found("The rules announced by FEMA Director J. Mark Hale are new.")
    assert [m[0] for m in mentions] == ["J. Mark Hale"]


def test_a_listed_places_name_titled_tagged_or_speaking_beside_a_person_of_that_surname_is_the_person():
    mentions, _ = _found("On Monday Rep. Jim Jordan (R-Ohio) spoke. \"We need a wall,\" Jordan said. Later Rep. "
                         "Jordan flew to Jordan. Jordan (R-Ohio) is angry.")
    assert mentions == [("Jim Jordan", "n:jim-jordan", "discovered"),
                        ("Jordan", "n:jim-jordan", "surname_in_article"),
                        ("Jordan", "n:jim-jordan", "surname_in_article"),
                        ("Jordan", "jordan", "alias"),
                        ("Jordan", "n:jim-jordan", "surname_in_article")]


def test_a_side_of_a_split_run_never_ends_with_a_joining_word():
    mentions, _ = _found("Aides asked whether he repaid Ivo Brandt for the Stormy Lake deal. Follow her on Twitter "
                         "and on Facebook.")
    assert [m[0] for m in mentions] == ["Ivo Brandt", "Stormy Lake", "Twitter", "Facebook"]


@pytest.mark.parametrize(("in_word", "expected"), [
    (str.isalnum, [0, 16, 27, 36]),
    (lambda char: char.isalnum() or char == "_", [0, 16, 36]),
    (lambda char: char.isalnum() or char in "_’'-", [0, 36]),
])
def test_whole_words_finds_a_word_where_no_character_of_a_word_stands_beside_it(in_word, expected):
    text = "Nora met Noras, Nora-Lee, _Nora and Nora."
    assert list(whole_words(text, "Nora", in_word)) == expected


@pytest.mark.parametrize("text", [
    "Smith said Jones said it. Ann Rice, said to be ill, told them. (Rice wrote back.)",
    "Rice saidx. Mr. O'Brien said. said Rice said so, and Jo Rice asked.",
    "Rice said",
    "   ,  said Rice  Rice told",
])
def test_speakers_read_around_the_verbs_find_what_a_scan_of_the_whole_text_finds(text):
    assert [(m.span(), m.groups()) for m in _speakers(text)] == \
        [(m.span(), m.groups()) for m in _SPEAKER.finditer(text)]


def test_the_after_a_joining_word_stays_inside_a_body_name():
    mentions, _ = _found("The group Friends for the Open Sea said on Monday it would sue.")
    assert [m[0] for m in mentions] == ["Friends for the Open Sea"]


def test_a_date_after_a_body_name_is_no_part_of_it():
    mentions, _ = _found("The bill went to the Senate Committee on Farm Policy on Tuesday.")
    assert [m[0] for m in mentions] == ["Senate Committee on Farm Policy"]


def test_a_role_word_inside_a_body_complement_is_no_role_before_a_name():
    mentions, _ = _found("The Council on Foreign Fisheries said so.")
    assert [m[0] for m in mentions] == ["Council on Foreign Fisheries"]


def test_a_word_ending_like_a_nationality_that_english_uses_as_a_verb_ends_a_body_name():
    mentions, _ = _found("The bill went to the Committee on Roads and Means.")
    assert [m[0] for m in mentions] == ["Committee on Roads and Means"]


def test_a_two_letter_surname_written_first_resolves_to_its_full_name():
    mentions, _ = _found("Premier Li Wenbo met the press. Later, Mr. Li said the plan would work, and Li left.")
    assert mentions == [("Li Wenbo", "n:li-wenbo", "discovered"), ("Li", "n:li-wenbo", "surname_in_article"),
                        ("Li", "n:li-wenbo", "given_name_in_article")]


def test_a_ruler_title_before_a_full_name_first_word_is_no_family_name():
    mentions, _ = _found("Anna Brix came. Later, Queen Anna spoke.")
    assert ("Anna", "n:anna-brix", "surname_in_article") not in mentions


def test_a_surname_in_a_line_of_capitals_is_read_unless_a_body_or_thing_word_follows():
    mentions, candidates = _found("Speaker Ada Quist spoke.\n\nQUIST DODGES QUESTION ON TAXES\n\nLater, QUIST TOWER "
                                  "opened.")
    assert [m[0] for m in mentions] == ["Ada Quist", "QUIST"]
    assert ("QUIST TOWER", None) in candidates


def test_a_body_named_as_field_and_head_and_as_head_of_field_is_one_entity():
    rows = _rows(("a", "n:fishing-department", "Fishing Department", "discovered"),
                 ("b", "n:department-of-fishing", "Department of Fishing", "discovered"),
                 ("c", "n:department-of-fishing", "Department of Fishing", "discovered"),
                 ("d", "n:fishing-club", "Fishing Club", "discovered"))
    links = {r["name_id"]: r["entity_id"] for r in resolve(rows, set(), set()).links.to_pylist()}
    assert links["n:fishing-department"] == links["n:department-of-fishing"] == "department-of-fishing"
    assert links["n:fishing-club"] == "fishing-club"


def test_a_place_name_listed_among_surnames_of_the_article_is_a_surname():
    mentions, _ = _found("We hear Jim Jordan, Ada Quist and Bo Lenk wrote. Quist, Jordan and Lenk left. Trade with "
                         "Jordan and Egypt grew.")
    assert ("Jordan", "n:jim-jordan", "surname_in_article") in mentions
    assert ("Jordan", "jordan", "alias") in mentions


def test_a_credit_of_a_name_the_given_name_list_lacks_for_an_outlet_is_read_apart():
    mentions, _ = _found("Photo: Zuri Okonkwe for The Valley Herald. He left.")
    assert [m[0] for m in mentions] == ["Zuri Okonkwe", "Valley Herald"]


def test_a_body_named_by_head_and_complement_and_an_acronym_opening_a_role_are_read_apart():
    mentions, _ = _found("The Department of Fisheries and FBI Director Ada Quist spoke. The FBI declined.")
    assert [m[0] for m in mentions] == ["Department of Fisheries", "Ada Quist", "FBI"]


def test_a_hyphenated_double_surname_alone_is_the_one_person_whose_name_ends_in_it():
    rows = _rows(("a", "n:ada-ruiz-quist", "Ada Ruiz-Quist", "discovered"),
                 ("b", "n:ruiz-quist", "Ruiz-Quist", "discovered"), ("c", "n:ruiz-quist", "Ruiz-Quist’s", "discovered"),
                 ("d", "n:bo-lenk", "Bo Lenk", "discovered"), ("e", "n:ada-bo-lenk", "Ada Bo Lenk", "discovered"))
    links = {r["name_id"]: r["entity_id"] for r in resolve(rows, set(), set()).links.to_pylist()}
    assert links["n:ruiz-quist"] == "ada-ruiz-quist"
    assert links["n:bo-lenk"] == "bo-lenk"  # written with a space: a given name and a surname


def test_the_opening_the_side_after_a_split_is_no_part_of_that_name():
    mentions, _ = _found("Many, as Ada Quist of the Valley Times did in a thread, have argued.")
    assert [m[0] for m in mentions] == ["Ada Quist", "Valley Times"]


def test_a_role_word_in_a_complement_leaves_the_title_before_the_name_a_role():
    mentions, _ = _found("An expert, Professor Ada Quist of the Valley School of Public Health, said so.")
    assert not any(m[0].startswith("Professor") for m in mentions)


def test_a_surname_for_the_body_after_the_is_read_apart_and_a_body_of_english_words_for_a_field_stays_whole():
    mentions, _ = _found("He worked for Quist for the Office of Valley Affairs. The Brixton Endowment for "
                         "Coastal Peace said so.")
    assert [m[0] for m in mentions] == ["Quist", "Office of Valley Affairs", "Brixton Endowment for Coastal Peace"]


def test_two_letter_words_before_a_period_or_of_a_generation_or_english_are_no_names():
    mentions, _ = _found("He lives in Louisville, Ky. and met Martin Luther King Jr in Ohio. It Is what it is, Li "
                         "Wenbo said.")
    assert [m[0] for m in mentions if len(m[0]) == 2] == []


def test_a_titled_word_opening_two_surnames_run_together_is_no_family_name_first():
    mentions, _ = _found("The Quist-Lenk ticket lost and the Li Ryan ticket too. Gov. Quist said so, and Mr. Li left.")
    assert ("Quist", "n:quist-lenk", "surname_in_article") not in mentions
    assert ("Li", "n:li-ryan", "surname_in_article") not in mentions


def test_a_lone_family_name_the_articles_resolve_to_a_name_it_opens_goes_to_that_person():
    rows = [("a", "n:li-wenbo", "Li Wenbo", "discovered"), ("b", "n:sun-li", "Sun Li", "discovered")]
    rows += [(f"t{i}", "n:li-wenbo", "Li", "surname_in_article") for i in range(20)]
    rows += [("u", "n:li", "Li", "pending")]
    links = {r["name_id"]: r["entity_id"] for r in resolve(_rows(*rows), set(), set()).links.to_pylist()}
    assert links["n:li"] == "li-wenbo"


def test_a_hyphenated_double_surname_goes_to_the_bearer_named_nine_times_in_ten():
    rows = [(f"a{i}", "n:ada-ruiz-quist", "Ada Ruiz-Quist", "discovered") for i in range(10)]
    rows += [("b", "n:ida-ruiz-quist", "Ida Ruiz-Quist", "discovered"),
             ("c", "n:ruiz-quist", "Ruiz-Quist", "discovered")]
    links = {r["name_id"]: r["entity_id"] for r in resolve(_rows(*rows), set(), set()).links.to_pylist()}
    assert links["n:ruiz-quist"] == "ada-ruiz-quist"


def test_a_titled_person_owning_a_body_is_no_part_of_its_name():
    mentions, _ = _found("Ada Quist spoke. Would Speaker Quist's House Democrats go? The Young Farmer's Foundation "
                         "met.")
    assert ("Quist", "n:ada-quist", "surname_in_article") in mentions
    assert "Young Farmer's Foundation" in [m[0] for m in mentions]


def test_the_after_a_joining_word_before_a_place_still_splits():
    mentions, _ = _found("He denied the Silver Star for the Fort Brixley victims.")
    assert [m[0] for m in mentions] == ["Silver Star", "Fort Brixley"]


def test_the_after_a_joining_word_splits_two_bodies_each_ending_as_one():
    mentions, _ = _found("Ada Quist, head of the Speech Project for the Valley Civil Liberties Union, spoke.")
    assert [m[0] for m in mentions] == ["Ada Quist", "Speech Project", "Valley Civil Liberties Union"]


def test_an_acronym_listed_among_surnames_is_no_surname():
    from transforms.names.matching import Mention
    from transforms.names.short_forms import surname_not_place
    text = "Ada Quist met Wen Jo Un. The UN, Quist and Wen argued."
    mention = Mention("united-nations", "UN", "UN", 29, 31, "alias")
    assert not surname_not_place(text, mention, {("wen", "jo", "un"): ("u", "Un"), ("ada", "quist"): ("f", "Quist")},
                                 False)


def test_a_name_of_common_words_stays_an_entity_though_the_corpus_writes_the_words_in_lower_case():
    mentions = pa.table({"doc_id": ["a", "b", "c"], "entity_id": ["n:silver-lining", "n:silver-lining", "n:ada-quist"],
                         "surface": ["Silver Lining", "Silver Lining", "Ada Quist"],
                         "match_kind": ["discovered"] * 3, "start_char": [0, 0, 0], "end_char": [13, 13, 9]})
    candidates = pa.table({"doc_id": pa.array([], pa.string()), "surface": pa.array([], pa.string()),
                           "start_char": pa.array([], pa.int64()), "end_char": pa.array([], pa.int64()),
                           "note": pa.array([], pa.string())})
    bodies = ["Silver Lining, the grocer, cut prices. A cloud has a silver lining; a silver lining, a silver lining.",
              "Ada Quist came."]
    entities, _, _ = resolve_names(mentions, candidates, ENTITIES, bodies)
    assert "silver-lining" in entities["entity_id"].to_pylist()


def test_a_person_whose_given_name_is_a_ruler_title_keeps_the_surname():
    rows = _rows(("a", "n:prince-quist", "Prince Quist", "discovered"), ("b", "n:quist+m", "Quist", "pending_m"))
    links = {r["name_id"]: r["entity_id"] for r in resolve(rows, set(), set()).links.to_pylist()}
    assert links["n:quist+m"] == "prince-quist"


def test_a_given_name_english_has_as_an_adjective_still_opens_a_person_name():
    rows = _rows(("a", "n:bright-quist", "Bright Quist", "discovered"), ("b", "n:quist+m", "Quist", "pending_m"))
    types = {r["entity_id"]: r["entity_type"] for r in resolve(rows, set(), set()).entities.to_pylist()}
    assert types["bright-quist"] == "person"


def test_a_person_named_by_english_words_before_for_the_is_read_apart():
    mentions, _ = _found("The league fined Hope Marsh for the Harvest Cup brawl. Marsh apologised.")
    assert [m[0] for m in mentions] == ["Hope Marsh", "Harvest Cup", "Marsh"]


def test_a_university_named_after_a_place_and_one_of_that_place_stay_two():
    rows = _rows(("a", "n:lima-university", "Lima University", "discovered"),
                 ("b", "n:university-of-lima", "University of Lima", "discovered"),
                 ("c", "n:university-of-lima", "University of Lima", "discovered"))
    links = {r["name_id"]: r["entity_id"] for r in resolve(rows, set(), set()).links.to_pylist()}
    assert links["n:lima-university"] == "lima-university" and links["n:university-of-lima"] == "university-of-lima"


def test_a_surname_in_a_headline_of_capitals_stands_alone_only_before_a_verb():
    mentions, _ = _found("Carl Brandt spoke.\n\nBRANDT MOTOR SHARES FALL\n\nBRANDT WARNS INVESTORS")
    assert [m[0] for m in mentions] == ["Carl Brandt", "BRANDT"]


def test_two_letters_alone_are_a_name_only_after_a_title_or_opening_a_full_name():
    mentions, _ = _found("The pump runs at 60 Hz, Ada Quist said. Ok, she said, it holds Fe and Cu.")
    assert [m[0] for m in mentions] == ["Ada Quist"]
    mentions, _ = _found("Wu Tao arrived. Later Mr. Wu spoke, and Wu left.")
    assert [m[0] for m in mentions] == ["Wu Tao", "Wu", "Wu"]


def test_an_acronym_the_article_writes_nowhere_else_ends_a_bodys_complement():
    mentions, _ = _found("The Ministry of Fisheries and ICT Deputy Minister Ada Quist spoke.")
    assert "Ministry of Fisheries" not in [m[0] for m in mentions]


@pytest.mark.parametrize("text, run, name", [
    ("Ask Bill Barr REALLY now.", "Bill Barr REALLY", "Bill Barr"),  # a shouted word after the name
    ("Sen. Ada Quist R-Okla. said", "Ada Quist R-Okla.", "Ada Quist"),  # a party tag
    ("Shares of Home Depot HD, +0.03% rose", "Home Depot HD", "Home Depot"),  # a stock ticker
    ("Mitch Quist Addison (Mitch) Mitchell Quist", "Mitch Quist Addison", "Mitch Quist"),  # a full name shown again
    ("Lindsey Brandt Lindsey Olin BrandtGOP", "Lindsey Brandt Lindsey Olin BrandtGOP", "Lindsey Brandt"),  # glued
    ("Quist Overnight met the Quist-Brandt panel", "Quist Overnight", "Quist Overnight"),  # nothing to cut
])
def test_tidy_cuts_what_runs_into_a_name(text, run, name):
    start = text.index(run)
    assert tidy(text, Candidate(run, start, start + len(run), None)).surface == name


def test_names_written_with_initials_go_to_the_one_person_whose_initials_they_are():
    rows = [("a", "n:harold-brennick", "Harold J. Brennick", "discovered"),
            ("b", "n:harold-j-t-brennick", "Harold J. T. Brennick", "discovered"),
            ("c", "n:harold-brennick", "Harold Brennick", "discovered"),
            ("d", "n:j-brennick", "J.T. Brennick", "discovered"),
            ("e", "n:j-brennick", "J. T. Brennick’s", "discovered"),
            ("e", "n:j-brennick", "Brennick", "surname_in_article"),  # a person, by the surname resolved to it
            ("f", "n:t-brennick", "T. Brennick", "discovered"), ("f", "n:t-brennick", "Brennick", "surname_in_article"),
            ("g", "n:harold-jasper-tobias-brennick", "Harold Jasper Tobias Brennick", "discovered")]
    links = {r["name_id"]: r["entity_id"] for r in resolve(_rows(*rows), set(), set()).links.to_pylist()}
    # two middle initials are one person, one middle initial the other, whose full name folds without it
    assert links["n:j-brennick"] == links["n:harold-j-t-brennick"] != links["n:harold-brennick"]
    assert links["n:harold-jasper-tobias-brennick"] == links["n:harold-j-t-brennick"]
    assert links["n:t-brennick"] != links["n:harold-brennick"]  # a middle T belongs to neither alone


def test_a_single_middle_initial_alone_before_the_surname_is_no_lead():
    rows = [("a", "n:ada-b-quill", "Ada B. Quill", "discovered"),  # 'B. Quill' may be a Bea Quill never named in full
            ("b", "n:b-quill", "B. Quill", "discovered"), ("b", "n:b-quill", "Quill", "surname_in_article")]
    links = {r["name_id"]: r["entity_id"] for r in resolve(_rows(*rows), set(), set()).links.to_pylist()}
    assert links["n:b-quill"] != links["n:ada-b-quill"]


def test_initials_that_agree_with_two_people_decide_nothing():
    rows = [("a", "n:jane-reed", "Jane Reed", "discovered"), ("b", "n:john-reed", "John Reed", "discovered"),
            ("c", "n:j-reed", "J. Reed", "discovered"), ("c", "n:j-reed", "Reed", "surname_in_article"),
            ("d", "n:mary-ann-walker-reed", "Mary Ann Walker Reed", "discovered"),
            ("e", "n:mary-reed", "Mary Reed", "discovered")]
    links = {r["name_id"]: r["entity_id"] for r in resolve(_rows(*rows), set(), set()).links.to_pylist()}
    assert links["n:j-reed"] not in (links["n:jane-reed"], links["n:john-reed"])
    assert links["n:mary-ann-walker-reed"] == links["n:mary-reed"]  # no 'Mary A. W. Reed' to tell them apart


@pytest.mark.parametrize("body, surname, expected", [
    # two surnames joined by a hyphen name a pair, or a double surname, not one more bearer of the last
    ("Ida Marsh spoke on Monday. The Lowe-Marsh bill failed, and Rep. Marsh left.", "Marsh", "n:ida-marsh"),
    ("Ida Marsh spoke on Monday. The Lowe-Marsh bill failed, and Marsh left.", "Marsh", "n:ida-marsh"),
])
def test_a_hyphenated_name_bears_no_surname_of_its_own(body, surname, expected):
    mentions, _ = _found(body)
    assert [m[1] for m in mentions if m[0] == surname] == [expected]


def test_a_hyphenated_name_still_shares_its_first_word_as_a_given_name():
    # 'Romney' is no given name of 'Romney Medicare' where 'Romney-Ryan' opens with it too
    mentions, _ = _found("The Romney-Ryan ticket and the Romney Medicare plan were new. Romney said so.")
    assert not [m for m in mentions if m[0] == "Romney"]


def test_a_name_written_in_two_words_is_still_a_bearer_of_its_surname():
    mentions, _ = _found("Ida Marsh spoke on Monday. Lowe Marsh spoke too, and Rep. Marsh left.")
    assert ("Marsh", "n:lowe-marsh", "surname_last_named") in mentions


def test_a_particle_and_surname_alone_go_to_the_person_whose_name_ends_in_them():
    rows = [("a", "n:pieter-van-dort", "Pieter van Dort", "discovered"), ("b", "n:van-dort", "Van Dort", "discovered"),
            ("c", "n:bin-qasri", "Bin Qasri", "discovered"), ("d", "n:omar-bin-qasri", "Omar bin Qasri", "discovered"),
            # 'Al' written apart and capitalised is a given name, not a particle
            ("e", "n:al-dunmore", "Al Dunmore", "discovered"),
            ("f", "n:mayor-al-dunmore", "Mayor Al Dunmore", "discovered"), ("f", "n:mayor-al-dunmore", "Dunmore",
                                                                             "surname_in_article"),
            # two bearers named as often: neither
            ("g", "n:de-graaf", "De Graaf", "discovered"), ("h", "n:lisa-de-graaf", "Lisa de Graaf", "discovered"),
            ("i", "n:tom-de-graaf", "Tom de Graaf", "discovered")]
    links = {r["name_id"]: r["entity_id"] for r in resolve(_rows(*rows), set(), set()).links.to_pylist()}
    assert links["n:van-dort"] == links["n:pieter-van-dort"] and links["n:bin-qasri"] == links["n:omar-bin-qasri"]
    assert links["n:al-dunmore"] != links["n:mayor-al-dunmore"]
    assert links["n:de-graaf"] not in (links["n:lisa-de-graaf"], links["n:tom-de-graaf"])


@pytest.mark.parametrize("his, others, expected", [
    (21, 1, "tom-quill"),  # the articles resolve 'Quill' to Tom 21 times in 22 among the men bearing it
    (15, 6, None),  # 15 in 21: no usual bearer among them
])
def test_a_titled_surname_goes_to_the_usual_bearer_of_the_titles_sex(his, others, expected):
    rows = [("a", "n:tom-quill", "Tom Quill", "discovered"), ("b", "n:ada-quill", "Ada Quill", "discovered"),
            ("c", "n:vorn-quill", "Vorn Quill", "discovered"), ("z", "n:quill+m", "Quill", "pending_m")]
    rows += [(f"t{i}", "n:tom-quill", "Quill", "surname_in_article") for i in range(his)]
    rows += [(f"v{i}", "n:vorn-quill", "Quill", "surname_in_article") for i in range(others)]
    rows += [(f"a{i}", "n:ada-quill", "Quill", "surname_in_article") for i in range(40)]  # 'Quill' is most often Ada
    links = {r["name_id"]: r["entity_id"] for r in resolve(_rows(*rows), set(), set()).links.to_pylist()}
    assert links["n:quill+m"] == expected


def test_an_acronym_the_articles_expand_written_as_a_word_with_a_capital_is_the_acronym():
    rows = []
    for name, acronym in (("Organisation of Volta River Authorities", "OVRA"), ("Council for Arms Reduction in "
                                                                               "Europe", "CARE")):
        name_id = "n:" + name.casefold().replace(" ", "-")
        rows += [(f"{acronym}{i}", name_id, name, "discovered") for i in range(3)]
        rows += [(f"{acronym}{i}", name_id, acronym, "acronym") for i in range(3)]
    rows += [("z", "n:ovra", "Ovra", "pending"), ("z", "n:care", "Care", "pending")]
    links = {r["name_id"]: r["entity_id"] for r in resolve(_rows(*rows), set(), set()).links.to_pylist()}
    assert links["n:ovra"] == links["n:organisation-of-volta-river-authorities"]
    assert links["n:care"] is None  # an English word


def test_a_given_name_the_articles_expand_as_an_acronym_stays_a_name():
    name_id = "n:zone-electricity-dealers-association"
    rows = [(f"z{i}", name_id, "Zone Electricity Dealers Association", "discovered") for i in range(3)]
    rows += [(f"z{i}", name_id, "ZELDA", "acronym") for i in range(3)]
    rows += [("y", "n:zelda", "Zelda", "pending")]  # 'On Monday, Zelda told reporters she would run'
    links = {r["name_id"]: r["entity_id"] for r in resolve(_rows(*rows), set(), set()).links.to_pylist()}
    assert links["n:zelda"] is None


def test_a_given_name_and_a_place_in_capitals_are_a_dateline_not_a_person():
    mentions, _ = _found("TYLER TEXAS\n\nThe council voted on Monday to close the pool.")
    assert [m for m in mentions if m[0] == "TYLER TEXAS"] == []


def test_a_persons_name_in_capitals_is_the_person_the_corpus_names_in_plain_case():
    mentions, _ = _found("AMY TARROW: Welcome back.\n\nBREAKING NEWS: FREE SPEECH ON TRIAL\n\nThe talks went on.")
    assert mentions == [("AMY TARROW", "n:amy-tarrow", "pending")]
    rows = [("a", "n:amy-tarrow", "Amy Tarrow", "discovered"), ("b", "n:amy-tarrow", "AMY TARROW", "pending"),
            ("c", "n:amy-tarrow", "AMY TARROW", "pending"), ("d", "n:rosa-lind", "ROSA LIND", "pending")]
    found = resolve(_rows(*rows), set(), set())
    links = {r["name_id"]: r["entity_id"] for r in found.links.to_pylist()}
    assert links == {"n:amy-tarrow": "amy-tarrow", "n:rosa-lind": None}  # no article writes 'Rosa Lind'
    assert found.entities.to_pylist()[0]["canonical_name"] == "Amy Tarrow"


@pytest.mark.parametrize("first, expected", [
    ("Florence", "florence"),  # a city is named by its own name, however often one woman of that name is named
    ("Zorabel", None),  # six articles calling one Zorabel by her given name are too few to name every lone Zorabel
])
def test_a_given_name_one_person_bears_needs_the_usual_count_to_be_that_person(first, expected):
    full = f"n:{first.lower()}-quint"
    rows = [("a", full, f"{first} Quint", "discovered")]
    rows += [(f"b{i}", full, first, "given_name_in_article") for i in range(6)]
    rows += [("z", f"n:{first.lower()}", first, "pending")] * 3
    links = {r["name_id"]: r["entity_id"] for r in resolve(_rows(*rows), set(), set()).links.to_pylist()}
    assert links[f"n:{first.lower()}"] == expected


def test_a_place_or_a_given_name_and_surname_is_no_particle_and_surname():
    rows = [("a", "n:orla-van-buren", "Orla Van Buren", "discovered"), ("b", "n:van-buren", "Van Buren", "discovered"),
            ("c", "n:ines-la-paz", "Ines La Paz", "discovered"), ("d", "n:la-paz", "La Paz", "discovered")]
    # 'Ben' written apart and capitalised is a given name, however often a 'Karim Ben Tarsa' is named
    rows += [(f"e{i}", "n:karim-ben-tarsa", "Karim Ben Tarsa", "discovered") for i in range(5)]
    rows += [("f", "n:ben-tarsa", "Ben Tarsa", "discovered")]
    links = {r["name_id"]: r["entity_id"] for r in resolve(_rows(*rows), set(), set()).links.to_pylist()}
    assert links["n:van-buren"] != links["n:orla-van-buren"] and links["n:la-paz"] != links["n:ines-la-paz"]
    assert links["n:ben-tarsa"] != links["n:karim-ben-tarsa"]


def test_a_law_named_by_two_fields_joined_by_and_is_one_name():
    mentions, _ = _found("Congress passed the Farm Credit and Rural Lending Act on Friday.")
    assert [m[0] for m in mentions] == ["Farm Credit and Rural Lending Act"]


def test_a_law_of_two_fields_with_a_function_word_is_one_name():
    mentions, _ = _found("Congress passed the Relief for Orchard Growers and Rural Lending Act on Friday.")
    assert [m[0] for m in mentions] == ["Relief for Orchard Growers and Rural Lending Act"]


def test_a_law_after_another_law_or_a_person_and_and_is_read_apart():
    mentions, _ = _found("The Clean Streams Act and Rural Lending Act passed. Ada Quist and Rural Lending Act "
                         "backers met.")
    assert [m[0] for m in mentions] == ["Clean Streams Act", "Rural Lending Act", "Ada Quist", "Rural Lending Act"]


def test_a_company_club_or_person_before_and_and_a_law_is_read_apart():
    mentions, _ = _found("Brixcorp Holdings and Clean Streams Act critics met. The Velmar Rovers and Fair Wages Act "
                         "debate went on. Tariq Olumbe and Rural Lending Act backers rallied.")
    assert [m[0] for m in mentions] == ["Brixcorp Holdings", "Clean Streams Act", "Velmar Rovers", "Fair Wages Act",
                                        "Tariq Olumbe", "Rural Lending Act"]


def test_a_team_in_the_plural_owns_no_venue_after_its_apostrophe():
    mentions, _ = _found("The Velmar Rovers’ Quandle Arena was full, and the Tarsby Hawks’ Orrin Park sold out.")
    assert [m[0] for m in mentions] == ["Velmar Rovers", "Quandle Arena", "Tarsby Hawks", "Orrin Park"]


def test_the_people_of_a_place_of_two_words_are_a_group_and_no_name():
    mentions, _ = _found("Most North Dakotans and Staten Islanders backed the plan, Ada Quist said on Monday.")
    assert [m[0] for m in mentions] == ["Ada Quist"]


def test_a_team_or_a_place_ending_like_its_people_stays_a_name():
    mentions, _ = _found("The North Dakota Rangers beat the team in New Orleans, Ada Quist said on Monday.")
    assert [m[0] for m in mentions][:1] == ["North Dakota Rangers"] and "Ada Quist" in [m[0] for m in mentions]


def test_a_class_of_people_in_the_plural_owns_the_body_after_its_apostrophe_whatever_opens_its_name():
    mentions, _ = _found("She joined the Senate Press Photographers’ Association on Monday, Ada Quist said.")
    assert [m[0] for m in mentions] == ["Senate Press Photographers’ Association", "Ada Quist"]


def test_an_outlet_or_person_before_an_apostrophe_owns_no_body_of_the_name_after_it():
    mentions, _ = _found("The interview ran on Valley News’ Ada Quist show, and Ted Parks’ Senate race went on.")
    assert [m[0] for m in mentions][:2] == ["Valley News", "Ada Quist"]


def test_a_person_of_a_state_after_a_role_or_with_an_unlisted_given_name_is_read_apart_from_the_state():
    mentions, _ = _found("On Monday, Majority Whip Ada Quist of Vermont and Rep. Wenka Brixby of Oregon spoke.")
    assert [m[0] for m in mentions] == ["Ada Quist", "Vermont", "Wenka Brixby", "Oregon"]


def test_a_body_of_english_words_of_a_state_stays_one_name():
    mentions, _ = _found("On Monday, the Concerned Parents of Oregon sued the Bank of Vermont over it.")
    assert [m[0] for m in mentions] == ["Concerned Parents of Oregon", "Bank of Vermont"]


def test_a_state_and_a_county_are_two_places():
    mentions, _ = _found("Floods hit Oregon and Lassen County on Monday, the agency said.")
    assert [m[0] for m in mentions] == ["Oregon", "Lassen County"]


def test_a_country_named_by_two_places_joined_by_and_stays_one_name():
    mentions, _ = _found("Floods hit Bosnia and Herzegovina on Monday, the agency said.")
    assert [m[0] for m in mentions] == ["Bosnia and Herzegovina"]


def test_a_body_named_by_a_nationality_or_english_words_before_of_a_country_stays_one_name():
    mentions, _ = _found("On Monday, the Islamic Caliphate of Yemen and Mental Wellness Oregon of Idaho met.")
    assert [m[0] for m in mentions] == ["Islamic Caliphate of Yemen", "Mental Wellness Oregon of Idaho"]


def test_a_surname_a_town_bears_after_an_office_and_its_field_is_the_titled_person():
    text = "It went to then-Secretary of State Fairfield on Monday."
    start = text.index("State")
    assert tidy(text, Candidate("State Fairfield", start, start + 15, None)).surface == "Fairfield"


def test_a_country_after_an_office_and_its_field_is_no_surname():
    text = "It went to the Minister of Culture Canada office on Monday."
    start = text.index("Culture")
    assert tidy(text, Candidate("Culture Canada", start, start + 14, None)).surface == "Culture Canada"


def test_a_person_whose_surname_is_a_plural_noun_owns_the_body_after_the_apostrophe_without_naming_it():
    mentions, _ = _found("On Monday, Ted Fields' Senate team and the Valley Farmers' Party met.")
    assert [m[0] for m in mentions] == ["Ted Fields", "Valley Farmers' Party"]


def test_a_title_shown_twice_back_to_back_is_no_name():
    mentions, _ = _found("Photos: Floods in Peru Floods in Peru – A rescuer carries a child on Monday, Ada Quist said. "
                         "Photos: Best of the Fair Best of the Fair – A horse is shown on Monday.")
    assert [m[0] for m in mentions] == ["Peru", "Ada Quist"]


def test_a_name_whose_word_is_written_twice_stays_a_name():
    mentions, _ = _found("Ada Quist flew from Walla Walla to Baden Baden on Monday.")
    assert [m[0] for m in mentions] == ["Ada Quist", "Walla Walla", "Baden Baden"]


def test_a_name_of_capitalised_words_written_twice_is_still_a_name():
    mentions, _ = _found("Fans of Ada Quist sang Velmar Rovers Velmar Rovers on Monday, and the Tarsby Hawks Tarsby "
                         "Hawks chant rose.")
    assert [m[0] for m in mentions] == ["Ada Quist", "Velmar Rovers", "Tarsby Hawks"]


def test_a_list_of_names_sharing_words_is_no_title_shown_twice():
    mentions, _ = _found("It covers North Dakota, South Dakota, South Carolina and the Brixley Surface Mine, Minway "
                         "Surface Mine, Minway Preparation Plant on Monday.")
    assert [m[0] for m in mentions][:3] == ["North Dakota", "South Dakota", "South Carolina"]
    assert "Minway Surface Mine" in [m[0] for m in mentions]
