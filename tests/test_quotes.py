import re

import pyarrow as pa
import pytest

from transforms.compare.quotes.extract import extract_quotes
from transforms.compare.quotes.spans import find_quote_spans
from transforms.compare.quotes.speech import word_alternation
from transforms.names.mentions import extract_mentions, parse_entities
from warehouse.contracts import QUOTES, conform

ENTITIES = parse_entities([
    {"entity_id": "kalin", "canonical_name": "İbrahim Kalın", "entity_type": "person", "aliases": "Ibrahim Kalin"},
    {"entity_id": "cavusoglu", "canonical_name": "Mevlüt Çavuşoğlu", "entity_type": "person",
     "aliases": "Mevlut Cavusoglu"},
    {"entity_id": "erdogan", "canonical_name": "Recep Tayyip Erdoğan", "entity_type": "person",
     "aliases": "Recep Tayyip Erdogan"},
    {"entity_id": "haftar", "canonical_name": "Khalifa Haftar", "entity_type": "person", "aliases": ""},
    {"entity_id": "mfa-russia", "canonical_name": "Russian Foreign Ministry", "entity_type": "organisation",
     "aliases": ""},
    {"entity_id": "turkey", "canonical_name": "Turkey", "entity_type": "place", "aliases": ""},
])


def _quotes(body: str) -> list[dict]:
    articles = pa.table({"doc_id": ["d1"], "body": [body]})
    mentions, _ = extract_mentions(articles, ENTITIES)
    return extract_quotes(articles, mentions, ENTITIES).to_pylist()


def _who(body: str) -> list[tuple]:
    return [(q["text"], q["speaker_surface"], q["speaker_entity_id"], q["attribution"], q["is_fragment"])
            for q in _quotes(body)]


@pytest.mark.parametrize("body, expected", [
    ("İbrahim Kalın spoke. “We will be there as long as we are asked,” Kalın said.",
     [("We will be there as long as we are asked", "Kalın", "kalin", "said_after", False)]),
    ('Ibrahim Kalin spoke. "This is the position of the GNA," said Kalin on Saturday.',
     [("This is the position of the GNA", "Kalin", "kalin", "said_after", False)]),
    ("“The coordinated steps of Russia and Turkey matter,” read a statement issued by the Russian Foreign Ministry.",
     [("The coordinated steps of Russia and Turkey matter", "Russian Foreign Ministry", "mfa-russia", "said_after",
       False)]),
    # A speaker who is not a known entity keeps the name as written, without the title before it.
    ("“We are ready to talk to everyone,” Defence Minister Hulusi Akar told reporters.",
     [("We are ready to talk to everyone", "Hulusi Akar", "n:hulusi-akar", "said_after", False)]),
    ("“We will not be drawn into this war,” a senior Turkish official said.",
     [("We will not be drawn into this war", "a senior Turkish official", None, "said_after", False)]),
    ("Asked about Libya, İbrahim Kalın said: “We will be there as long as we are requested.”",
     [("We will be there as long as we are requested.", "İbrahim Kalın", "kalin", "said_before", False)]),
    ("Mevlut Cavusoglu accused Khalifa Haftar of violating the truce, saying he \"must be stopped\" now.",
     [("must be stopped", "Mevlut Cavusoglu", "cavusoglu", "said_before", False)]),
    ("Recep Tayyip Erdogan: “We will never abandon our Libyan brothers.”",
     [("We will never abandon our Libyan brothers.", "Recep Tayyip Erdogan", "erdogan", "colon", False)]),
    ("According to Mevlut Cavusoglu, the visit had one aim: “to show that Turkey stands with Libya.”",
     [("to show that Turkey stands with Libya.", "Mevlut Cavusoglu", "cavusoglu", "according_to", False)]),
    ("“Turkey stands with Libya,” according to the ministry.",
     [("Turkey stands with Libya", "the ministry", None, "according_to", False)]),
])
def test_attribution_forms(body, expected):
    assert _who(body) == expected


@pytest.mark.parametrize("body, expected", [
    # The title stands for the person the article named with it earlier.
    ("Presidential Spokesman Ibrahim Kalin spoke on Saturday.\n\nTurkey’s Presidential Spokesman also warned "
     "against a rushed truce, saying such a “premature ceasefire will not lead to what we want.”",
     ("Ibrahim Kalin", "kalin", "title")),
    ("İbrahim Kalın, the Turkish presidential spokesman, met reporters.\n\n“We support the GNA fully,” the "
     "presidential spokesman said.", ("İbrahim Kalın", "kalin", "title")),
    # No one named with the title: the title itself is the speaker, not a guessed person.
    ("Turkey’s top diplomat spoke.\n\n“We stand with Libya today,” the foreign minister said.",
     ("the foreign minister", None, "said_after")),
])
def test_title_resolution(body, expected):
    assert [(q["speaker_surface"], q["speaker_entity_id"], q["attribution"]) for q in _quotes(body)] == [expected]


@pytest.mark.parametrize("body, expected", [
    ("Mevlut Cavusoglu spoke in Munich.\n\n\"The delegation will attend talks in Moscow,\" he told reporters.",
     ("Mevlut Cavusoglu", "cavusoglu")),
    # The last person named is Haftar, but the last one speaking is Çavuşoğlu.
    ("Mevlüt Çavuşoğlu spoke. Çavuşoğlu reiterated that there is no role for Khalifa Haftar.\n\n"
     "“Haftar did not heed the calls,” he said.", ("Çavuşoğlu", "cavusoglu")),
    ("The claims were baseless, said a senior Turkish official.\n\n“The army knows the difference,” he added.",
     ("a senior Turkish official", None)),
    ("“The importance of the steps is noted,” read a statement by the Russian Foreign Ministry. “Talks go on,” "
     "it added.", ("Russian Foreign Ministry", "mfa-russia")),
    # With no one speaking before, the last person named.
    ("Khalifa Haftar was not there. The talks failed.\n\n“It is a sad day for all of us,” he said.",
     ("Khalifa Haftar", "haftar")),
])
def test_pronoun_resolves_to_the_last_speaker(body, expected):
    found = _quotes(body)
    assert (found[-1]["speaker_surface"], found[-1]["speaker_entity_id"]) == expected
    assert found[-1]["attribution"] == "pronoun"


@pytest.mark.parametrize("body", [
    "“Nothing is agreed until everything is agreed.”",
    "Officials met on Monday.\n\n\"We are ready to sign the deal,\" they said.",
    # A pronoun with no one named before it.
    "The talks failed on Monday.\n\n“It is a sad day for all of us,” he said.",
])
def test_unattributed_stays_null(body):
    assert [(q["speaker_surface"], q["attribution"]) for q in _quotes(body)] == [(None, None)]


def test_split_quote_is_one_row():
    body = "İbrahim Kalın spoke.\n\n“In Libya we support the legitimate government,” Kalın said. “France supports " \
           "a warlord.”\n\n“This is the next one.”"
    found = _quotes(body)
    assert [q["text"] for q in found] == [
        "In Libya we support the legitimate government France supports a warlord.", "This is the next one."]
    assert found[0]["speaker_entity_id"] == "kalin" and found[0]["count_words"] == 11
    assert body[found[0]["start_char"]:].startswith("In Libya") and body[:found[0]["end_char"]].endswith("warlord.")


def test_quote_run_on_across_paragraphs_is_one_row():
    body = "Ibrahim Kalin spoke.\n\n“We are working with legitimate actors here.\n\n“It is France that intervenes,” " \
           "Kalin said."
    found = _quotes(body)
    assert [(q["text"], q["speaker_entity_id"]) for q in found] == [
        ("We are working with legitimate actors here. It is France that intervenes", "kalin")]


def test_quote_paragraph_carries_on_the_speaker_before_it():
    body = "“In Libya we support the government,” İbrahim Kalın said.\n\n“Given all this they still blame us.”"
    assert [(q["speaker_entity_id"], q["attribution"]) for q in _quotes(body)] == [
        ("kalin", "said_after"), ("kalin", "continued")]


def test_a_bare_singular_noun_before_a_verb_is_not_a_speaker():
    body = ("Elsewhere in his remarks, İbrahim Kalın lambasted France. Both Turkey and France are member states of "
            "the alliance.\n\n“In Libya we are supporting the legitimate government.”")
    assert [q["speaker_surface"] for q in _quotes(body)] != ["member"]
    assert _who("“The talks failed,” officials said.")[0][1] == "officials"


@pytest.mark.parametrize("body, fragments", [
    ("Kalın also accused France of \"jeopardizing\" NATO's security.", [True]),
    ("Turkey says Haftar must go, denouncing France for “jeopardizing” NATO’s security.", [True]),
    ("Kalın called it such a “foolish” move.", [True]),
    ("Forces should leave Sirte for a “sustainable ceasefire.”", [True]),
    ("“No,” he said.", [False]),
    ("Kalın was asked about the truce.\n\n“Never again.”", [False]),
    # Long enough to be something someone said, even inside a sentence.
    ("The GNA expressed support of “any serious calls for the resumption of the political process.\"", [False]),
])
def test_fragments(body, fragments):
    assert [q["is_fragment"] for q in _quotes(body)] == fragments


@pytest.mark.parametrize("body, texts", [
    ("Libya’s leader said he didn’t know. Turkey's \"position is clear and firm,\" Kalın said.",
     ["position is clear and firm"]),
    ("Haftar’s forces and the city’s outskirts; the Kurds’ land, rock ’n’ roll.", []),
    ("He said \"stop.\" and left. A stray \" mark here.", ["stop."]),
    ("Mixed marks: “any serious calls for peace.\" End.", ["any serious calls for peace."]),
])
def test_apostrophes_and_stray_marks_are_not_quotes(body, texts):
    assert [q["text"] for q in _quotes(body)] == texts


def test_offsets_index_the_body_without_marks():
    body = "Intro.\n\n“Haftar did not heed the calls. He is losing,” he said. Then \"the end\" came."
    for quote in _quotes(body):
        assert body[quote["start_char"]:quote["end_char"]] == quote["text"]
        assert body[quote["start_char"] - 1] in "\"“"


def test_spans_pair_marks_by_context():
    body = 'He said"We go" now. “A “nested” case.'
    assert [[body[p.start:p.end] for p in q] for q in find_quote_spans(body)] == [["We go"], ["nested"]]


def test_conforms_to_contract_and_ids_are_deterministic():
    articles = pa.table({"doc_id": ["a", "b"], "body": ["“We will win this,” Kalın said.", "No quotes here."]})
    mentions, _ = extract_mentions(articles, ENTITIES)
    first = extract_quotes(articles, mentions, ENTITIES)
    assert conform(first, QUOTES).num_rows == 1
    assert first.to_pylist() == extract_quotes(articles, mentions, ENTITIES).to_pylist()
    assert first["quote_id"].to_pylist() == ["a:0"]
    empty = extract_quotes(articles.slice(0, 0), mentions.slice(0, 0), ENTITIES)
    assert empty.schema == QUOTES and empty.num_rows == 0


# Paragraphs of the seed articles as the flow cleans them (Hürriyet Daily News and Press TV).
HURRIYET = (
    "In the meantime, İbrahim Kalın, the Turkish presidential spokesman, said that Turkey supports the GNA.\n\n"
    "“This is the position of the GNA, and we support it because right now the Haftar forces are using these "
    "strategic locations as their launching pad,” he said.\n\n"
    "Kalın also accused France of \"jeopardizing\" NATO's security by supporting Haftar.\n\n"
    "\"In Libya, we are supporting the legitimate government and the French government is supporting an "
    "illegitimate warlord and jeopardizing NATO security, Mediterranean security, North African security, and "
    "Libya's political stability,\" Kalın said.\n\n"
    "\"Given all this they still blame us, they still criticize us ... We are working with legitimate actors here.\"")
PRESS_TV = (
    "Presidential Spokesman Ibrahim Kalin made the remarks on Saturday.\n\n"
    "“This is the position of the GNA and we support it because right now the Haftar forces are using strategic "
    "locations as their launching pad against the legitimate government,” said Kalin on Saturday, adding that "
    "Haftar’s forces are also “using these places to use Libyan oil resources to finance their war.”\n\n"
    "Turkey’s Presidential Spokesman also warned against a rushed truce, saying such a “premature ceasefire will "
    "not lead to what we want to achieve for all Libyans there.”\n\n"
    "Elsewhere in his remarks, Kalin lambasted France for “jeopardizing” NATO’s security by supporting Haftar.\n\n"
    "“In Libya we are supporting the legitimate government and the French government is supporting an "
    "illegitimate warlord and jeopardizing NATO security, Mediterranean security, North African security and "
    "Libya's political stability.”")


@pytest.mark.parametrize("body", [HURRIYET, PRESS_TV], ids=["hurriyet", "press_tv"])
def test_seed_quotes_are_kalins_and_jeopardizing_is_a_fragment(body):
    found = _quotes(body)
    fragments = [q["text"] for q in found if q["is_fragment"]]
    assert fragments == ["jeopardizing"]
    assert all(q["speaker_entity_id"] == "kalin" for q in found if not q["is_fragment"])
    assert len([q for q in found if not q["is_fragment"]]) == (3 if body is HURRIYET else 4)


@pytest.mark.parametrize("words, text, expected", [
    (["say", "says", "said"], "she says, he said, they say", ["says", "said", "say"]),
    (["gen", "gen."], "Gen. Haftar and the gen.x", ["Gen", "gen."]),
    (["minister", "minister's"], "the minister's aide met the minister", ["minister's", "minister"]),
    (["vice-president", "vice"], "the vice-president, vice versa", ["vice-president", "vice"]),
    (["sayer"], "they say", []),
])
def test_word_alternation_matches_as_longest_first(words, text, expected):
    trie = re.compile(rf"\b(?i:{word_alternation(words)})\b")
    longest_first = re.compile(rf"\b(?i:{'|'.join(sorted(map(re.escape, words), key=len, reverse=True))})\b")
    assert trie.findall(text) == longest_first.findall(text) == expected
