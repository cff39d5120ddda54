import re

import pyarrow as pa
import pytest

from transforms.compare.quotes.article import _SCAN_VERB, scan_verbs
from transforms.compare.quotes.extract import extract_quotes
from transforms.compare.quotes.people import given_name_gender, person_gender
from transforms.compare.quotes.spans import find_quote_spans
from transforms.compare.quotes.speech import word_alternation
from transforms.compare.quotes.subjects import subject
from transforms.compare.quotes.unnamed import unnamed_subject_before
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


def _rows(body: str) -> list[dict]:
    articles = pa.table({"doc_id": ["d1"], "body": [body]})
    mentions, _ = extract_mentions(articles, ENTITIES)
    return extract_quotes(articles, mentions, ENTITIES).to_pylist()


def _quotes(body: str) -> list[dict]:
    """The direct quotes (words in quote marks) of a body, of every kind; indirect speech left out."""
    return [q for q in _rows(body) if q["quote_kind"] != "indirect"]


def _speech_speakers(body: str) -> list[str | None]:
    """The speaker of each speech quote of a body, in order."""
    return [q["speaker_surface"] for q in _quotes(body) if q["quote_kind"] == "speech"]


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


@pytest.mark.parametrize("body, expected", [
    # Titles, a description and a time phrase between the name and the verb.
    ("“We have no plans,” Pentagon press secretary Peter Cook said earlier this year.", "Peter Cook"),
    ("“We are ready,” CBS co-anchor DeMarco Morgan said.", "DeMarco Morgan"),
    ("“I will not go,” Trump wrote.", "Trump"),
    ("“We will review it,” said Jane Doe, a spokeswoman for the ministry, on Monday.", "Jane Doe"),
    ("“We will review it,” said one district GOP leader.", "one district GOP leader"),
    ("“There are many who argue otherwise,” the moderator said.", "the moderator"),
    ("Before the video, the cleric Anwar al-Awlaki, who was killed in 2011, is shown lecturing: “Take heed.”",
     "Anwar al-Awlaki"),
    # Abbreviated titles and initials do not end the phrase; a name's affiliation is not the speaker.
    ("“The vote is close,” said Sen. Ann Bell of Ohio, a member of the panel.", "Ann Bell"),
    ("“The vote is close,” said Rep. Mark T. Ruiz (D-Tex.), who leads the caucus.", "Mark T. Ruiz"),
    ("“We are tired,” said Maria Lopez, 34, of Fresno, Calif., who lost her job.", "Maria Lopez"),
    ("“We will see,” state Sen. Paul Avery (R) said on Friday.", "Paul Avery"),
    ("“We will see,” Dana Whitfield, a teacher who has worked at the school in Dayton for twenty-two years, said.",
     "Dana Whitfield"),
    # A verb that shares its sentence's subject; a nominal opened by 'one' or 'another'.
    ("Lena Park said she would stay and added, “We are not leaving.”", "Lena Park"),
    ("On Monday, after a long silence, Carl Dunn met donors and joked, “I am still here.”", "Carl Dunn"),
    ("“It never ends,” wrote one reader.", "one reader"),
    ("“We are done,” the two write.", "the two"),
    ("“Not a chance,” Whitfield shot back.", "Whitfield"),
    ("“We are the best network in the U.S.,” Moore said.", "Moore"),
    # 'As X put it:', manner-of-speaking verbs, an adverb in '-ly' between subject and verb.
    ("As Tom Reed, the party whip, put it: “We are done.”", "Tom Reed"),
    ("“Get out of here!” Smith bellowed.", "Smith"),
    # Adjectives separated by a comma; a person's response, reply or statement before a colon.
    ("“I made climate change the top priority,” the bespectacled, 71-year-old diplomat said.",
     "the bespectacled, 71-year-old diplomat"),
    ("Huma Abedin emailed her about it. Clinton’s response was: “Is that store off Conn or Wisconsin?”", "Clinton"),
    ("“We will appeal,” Dana Reyes quickly said.", "Dana Reyes"),
])
def test_attribution_forms_with_descriptions(body, expected):
    assert [q["speaker_surface"] for q in _quotes(body)] == [expected]


@pytest.mark.parametrize("body, expected", [
    # 'she' skips the men named after her; 'he' skips 'a woman'.
    ("Attorney General Loretta Lynch called the shooting an act of terror. Officials met John Smith and Mark "
     "Jones.\n\n“We will find who did this,” she said.", "Loretta Lynch"),
    ("A woman was hurt, police said. Sheriff John Smith visited the scene.\n\n“We are investigating,” he said in a "
     "statement.", "John Smith"),
    # Gender from the title, and from the pronouns the article used for that person.
    ("Mr. Hatch spoke first, then Ms. Reed.\n\n“The bill is dead,” he said.", "Hatch"),
    ("Reed said she would vote no. Hatch did not comment.\n\n“The bill is dead,” she said.", "Reed"),
    # A place speaking or named ('in China', 'in Des Moines', whose 'Des' reads as a given name) is no antecedent.
    ("Theresa May met officials in China. China said it would respond.\n\n“We will see,” she said.",
     "Theresa May"),
    ("Tim Albrecht spoke at a rally in Des Moines. Des Moines said nothing.\n\n“We will see,” he said.",
     "Tim Albrecht"),
    # An organisation speaking ('the BBC reported') is no antecedent for 'he'.
    ("Sheriff John Smith reached the scene at noon, the BBC reported.\n\n“We are investigating,” he said.",
     "John Smith"),
])
def test_pronouns_go_to_someone_of_their_gender(body, expected):
    assert [q["speaker_surface"] for q in _quotes(body)] == [expected]


def test_no_one_who_fits_the_pronoun_leaves_no_speaker():
    assert [q["speaker_surface"] for q in _quotes("Jane Doe arrived late.\n\n“We are ready,” he said.")] == [None]


def test_they_goes_to_an_organisation_speaking():
    body = "“We will respond,” the ministry said on Monday.\n\n“We are ready for talks,” they added."
    assert [(q["speaker_surface"], q["attribution"]) for q in _quotes(body)] == [
        ("the ministry", "said_after"), ("the ministry", "pronoun")]


def test_a_role_stands_for_the_person_named_in_it():
    body = ("Hope Hicks, a spokeswoman for the campaign, met reporters.\n\n“No comment,” the spokeswoman said.")
    assert [(q["speaker_surface"], q["attribution"]) for q in _quotes(body)] == [("Hope Hicks", "title")]


def test_a_second_quoted_sentence_carries_on_the_speaker_of_the_first():
    body = ("“His record does not match what he says,” Cruz told reporters after a forum in Fort Mill, S.C. “It "
            "seems he has a lot of nervous energy.”")
    assert [(q["speaker_surface"], q["attribution"]) for q in _quotes(body)] == [
        ("Cruz", "said_after"), ("Cruz", "continued")]


@pytest.mark.parametrize("body, kinds", [
    ("He starred in the film “The Kid Who Would Be King” last year.", ["title"]),
    ("He was a founding member of the group. His latest book is: “The Greatest Comeback: How Richard Nixon Rose "
     "From Defeat.”", ["title"]),
    ("She told CNN’s “State of the Union” on Sunday that she would run.", ["title"]),
    ("Kalın called it such a “foolish” move.", ["term"]),
    ("The crowd stared at him, as if to say “you cannot be serious about any of this.”", ["other"]),
    ("“We will win this election, and we will win it big,” Trump said.", ["speech"]),
    # A song's words are sung, not said; a crowd's chant is said.
    ("He ended his set with a song. A few of the lyrics: “Please just love me even though I am Republican.”",
     ["other"]),
    ("The crowd sang “We shall overcome, we shall overcome some day.”", ["other"]),
    ("The crowd chanted “Lock her up, lock her up!”", ["speech"]),
    # A name no one is said to give is a term, whatever verb stands before it; 'what he called' stays his words.
    ("New research on the psychology of what is called “embodied cognition” suggests otherwise.", ["term"]),
    ("He attacked what he called “a rigged and corrupt system that must end now.”", ["speech"]),
    # A title before a role of its programme or book; the voice a writer imagines someone thinking.
    ("“Today” co-host Savannah Guthrie asked Pelosi about it.", ["title"]),
    ("One imagines him sitting alone, and thinking, “Why not? What have I got to lose?”", ["other"]),
    ("Kalın was asked about the truce.\n\n“Never again.”", ["speech"]),
    # A programme or a book named where it is shown or written is a title, even next to a speech verb ...
    ("“What more can he give?” Grassley asked on Fox News' “The Story with Martha MacCallum.”", ["speech", "title"]),
    ("On “Hardball” that night, Matthews said it again.", ["title"]),
    ("She is the author of “The End of Revolution: A Changing World in the Age of Live Television.”", ["title"]),
    # ... but not a sentence said on a day, nor a word said by someone after a possessive.
    ("Jane Doe said on Monday: “We will not back down from this fight.”", ["speech"]),
    ("Trump's spokesman said “Absolutely”, then left.", ["speech"]),
])
def test_quote_kind(body, kinds):
    found = _quotes(body)
    assert [q["quote_kind"] for q in found] == kinds
    assert [q["is_fragment"] for q in found] == [k != "speech" for k in kinds]


@pytest.mark.parametrize("body, kinds", [
    # The cue of a kind spans the last words of the sentence before the quote, however long that sentence is.
    ("After the long vote that kept the hall waiting until well past midnight, the crowd looked at him along the "
     "lines of ,  “you cannot be serious about any of this at all.”", ["other"]),
    ("After the long vote that kept the hall waiting until well past midnight, the band played one song whose "
     "lyrics, sung loud and slow for the last time:  “Please just love me even though I am Republican.”", ["other"]),
    ("After the long vote that kept the hall waiting until well past midnight, the lyrics were sung again and the "
     "crowd went home. Jane Doe said: “We will not back down from this fight, not now.”", ["speech"]),
])
def test_quote_kind_reads_the_end_of_a_long_sentence(body, kinds):
    assert [q["quote_kind"] for q in _quotes(body)] == kinds


@pytest.mark.parametrize("body, expected", [
    ("İbrahim Kalın said that Turkey would not leave Libya before the talks.",
     [("Turkey would not leave Libya before the talks", "İbrahim Kalın")]),
    ("Mevlut Cavusoglu told reporters the delegation would attend the talks in Moscow.",
     [("the delegation would attend the talks in Moscow", "Mevlut Cavusoglu")]),
    ("Khalifa Haftar spoke first. The offensive will go on until the city falls, he said.",
     [("The offensive will go on until the city falls", "Khalifa Haftar")]),
    # A clause that opens a direct quote is the quote's, not reported speech.
    ("Kalın said: “We will be there as long as we are asked.”", []),
    ("İbrahim Kalın said on Wednesday, “We will be there as long as we are asked.”", []),
])
def test_indirect_speech(body, expected):
    rows = [q for q in _rows(body) if q["quote_kind"] == "indirect"]
    assert [(q["text"], q["speaker_surface"]) for q in rows] == expected
    assert all(body[q["start_char"]:q["end_char"]] == q["text"] and q["is_fragment"] for q in rows)


@pytest.mark.parametrize("word, gender", [
    ("Loretta", "female"), ("Peter", "male"), ("Pentagon", None), ("The", None),
])
def test_given_name_gender_comes_from_the_name_list(word, gender):
    assert given_name_gender(word) == gender


@pytest.mark.parametrize("text", [
    "Unsaid, she said. He pointed  out that essays say little, and went on; said:",
    "said the man, who told reporters he had read it. As she put it, “no” and put it away",
])
def test_scan_verbs_finds_what_the_verb_pattern_finds(text):
    found = [(m.span(), m["verb"]) for m in scan_verbs(text)]
    assert found == [(m.span(), m["verb"]) for m in _SCAN_VERB.finditer(text)]
    assert len(found) >= 4


@pytest.mark.parametrize("body, expected", [
    ("Reid would not say more. The minority leader said flatly: “I don’t think it matters.”",
     ("The minority leader", "said_before")),
    ("As John Cornyn, the No. 2 in the GOP leadership, put it: “This person will not be confirmed.”",
     ("John Cornyn", "said_before")),
    ("“One of the reasons why I work in mining was his support,” his colleague wrote on Facebook.",
     ("his colleague", "said_after")),
    ("Priebus later Thursday told Fox News: “Both are meeting up next week to talk about these things.”",
     ("Priebus", "said_before")),
    ("“Our method succeeds where others fail, every single time,” Braynard is quoted as saying.",
     ("Braynard", "said_after")),
    ("In a statement, Brian Fallon, a spokesman for the campaign, said: “We have cooperated from the start.”",
     ("Brian Fallon", "said_before")),
    ("It would involve Attorney General Loretta Lynch, who told Congress: “That matter is handled by agents.”",
     ("Loretta Lynch", "said_before")),
    ("Kloppenburg tied Bradley to Walker, with one of her ads asking, “Is Rebecca Bradley independent enough?”",
     ("one of her ads", "said_before")),
    ("After the attack, Trump issued the following statement:\n\n“Our prayers are with all those affected.”",
     ("Trump", "colon")),
    ("“Boeing and GE and other multinationals pay zero taxes.”\n\n- Sanders.\n\nThis is a complex issue.",
     ("Sanders", "said_after")),
])
def test_attribution_forms_found_on_labelled_news(body, expected):
    assert [(q["speaker_surface"], q["attribution"]) for q in _quotes(body)] == [expected]


@pytest.mark.parametrize("body, expected", [
    ("The group marched into the so-called “caliphate” zone.", [(None, "term")]),
    ("Officials in the upcoming states would “look at it again and again.”", [(None, "speech")]),
])
def test_no_speaker_from_a_hyphenated_verb_or_a_plural_noun(body, expected):
    assert [(q["speaker_surface"], q["quote_kind"]) for q in _quotes(body)] == expected


def test_a_pronoun_goes_to_the_subject_of_the_sentence_before_not_its_object():
    body = ("Richard Clarke arrived on Monday.\n\nIn an interview, Clarke thought well of Jim Sanders. "
            "“By coming to town, he is reminding them,” he said.")
    assert [(q["speaker_surface"], q["attribution"]) for q in _quotes(body)] == [("Clarke", "pronoun")]


@pytest.mark.parametrize("body, expected", [
    # A verb after 'and' shares its sentence's subject, not the noun phrase before 'and'.
    ("Trump called on her to resign from her post and said, “Her mind is shot!”", "Trump"),
    # An appositive naming someone else, then an adverb: the subject is the name before the appositive.
    ("Juan Zarate, a top adviser to then-President George W. Bush, also questioned the plan.\n\n"
     "“There is no question,” he said.", "Juan Zarate"),
    ("(Raphael Lemkin, who coined the word genocide, once said, “It happened so many times.”)", "Raphael Lemkin"),
    # A person named as a possessive inside a nominal speaker is not the speaker: the source is, as written.
    ("A source close to Ted Cruz’s campaign said, “I think he will try.”", "A source close to Ted Cruz’s campaign"),
    # A capitalised pronoun after a closing mark opens the next sentence: not this quote's clause.
    ("Axelrod wrote to her, “You are an all-star!” She replied to him that it was an honor.", "Axelrod"),
    # A person's name before 'of' and a place or body speaks, not the place.
    ("Susan Collins of Maine, a Republican moderate, told reporters, “We need more time.”", "Susan Collins"),
    ("Sen. Tim Kaine of Virginia said, “The vote will be close.”", "Tim Kaine"),
])
def test_subjects_read_past_coordination_appositives_and_possessives(body, expected):
    assert [q["speaker_surface"] for q in _quotes(body)] == [expected]


@pytest.mark.parametrize("body, expected", [
    # A sentence opened by its verb.
    ("The agency made a mistake, Comey has said. Said Comey, “The thought of it is painful.”", "Comey"),
    # A quote after a colon in a sentence whose speech verb has a subject.
    ("“It is valuable,” said Bill Skelly, explaining he worked more closely with Vito Chrabaszcz, who was responsible "
     "for cleaning up the data and putting it into the file: “Vito is outstanding.”", "Bill Skelly"),
    # A quoted sentence after one with no speaker of its own: the speech verb of its paragraph.
    ("Clinton “drew quite well from white, working-class Democrats” in 2008, said professor Paul Beck. “That was "
     "more her constituency.”", "Paul Beck"),
    ("At a rally in Birmingham, Alabama, on Saturday, his supporters punched a protester, with Trump reportedly "
     "yelling: “Get him out of here!”", "Trump"),
])
def test_speakers_of_inverted_colon_and_continued_quotes(body, expected):
    assert _speech_speakers(body)[-1] == expected


@pytest.mark.parametrize("body, expected", [
    # A Q&A's answer mark is no initial of a name: 'A. They say' is the pronoun 'they'.
    ("Q. What justifications have supporters offered?\nA. They say that the rule will “further society’s vital "
     "interests in responsible procreation.”", "supporters"),
    # The subject named with its role opens the sentence; a name inside its appositive is not it.
    ("Republican strategist Tim Albrecht, former director for Iowa Gov. Terry Branstad and current director of a "
     "firm in Des Moines, believes she will not matter. “It is not going to happen,” he said.", "Tim Albrecht"),
    ("Crenshaw could be it for Obama.\n\nMcConnell spokesman Don Stewart would not say when.\n\n"
     "“I don’t have any new announcements yet,” he said.", "Don Stewart"),
    # An indefinite article opens no name; a name in apposition to a nominal speaks.
    ("“She has been quarantined,” another top Democrat said of Wasserman Schultz.", "another top Democrat"),
    ("One resident of Havana, Andres Murci, told Reuters news agency: “Everything has been lost.”", "Andres Murci"),
])
def test_speakers_seen_wrong_in_judged_news(body, expected):
    assert _speech_speakers(body) == [expected]


@pytest.mark.parametrize("body, expected", [
    # 'what he called' is no speech verb introducing the quote after the colon.
    ("Trump praised Defense Secretary James Mattis for what he called a success, then took credit for it himself: "
     "“He has done well. Of course, I made it possible.”", "Trump"),
    # A nominal opened by 'a' with a lower-case word last is no one ('a new round of calls').
    ("Jared Kushner said the task force has a new round of calls with governors on Wednesday.\n\n“We are doing "
     "quite well with that,” he pointed out.", "Jared Kushner"),
])
def test_no_speaker_from_verbs_that_introduce_no_quote(body, expected):
    assert _speech_speakers(body) == [expected]


@pytest.mark.parametrize("body, expected", [
    # A sentence with no speech verb gives the quote to its subject when that is a person named or a pronoun.
    ("Ted Nordhaus, co-founder of the institute, welcomed “the recognition that we do not have all the technology "
     "we need.”", "Ted Nordhaus"),
    # A group or a thing as the subject is not taken.
    ("Officials in the upcoming states would “look at it again and again.”", None),
])
def test_a_quote_in_a_sentence_without_speech_verb_goes_to_its_named_subject(body, expected):
    assert _speech_speakers(body) == [expected]


@pytest.mark.parametrize("body", [
    # An acronym or a capitalised common noun before a speech verb names no person a pronoun may stand for.
    "ISIS said it would strike. Palin’s posts about ISIS include one last week saying the danger was understated."
    "\n\n“When information shows someone comes to America, we must act,” she posted.",
    "Officials said the market fell. Trump is touting a cautious stance, stating that the economy was weak.\n\n"
    "“They’re sitting on a bubble,” he said. “But we’re sitting on a bubble also.”",
])
def test_a_pronoun_goes_to_no_acronym_or_common_noun(body):
    assert _speech_speakers(body) == [None]


@pytest.mark.parametrize("body, expected", [
    # A source's tie to what they speak of stands between the source and the verb, or ends the phrase after it.
    ("Another source familiar with Cruz’s thinking said, “I think he’ll try to be more friendly.”", "Another source"),
    ("“The energy is going to be substantial,” said one well-connected Democrat familiar with the campaign.",
     "one well-connected Democrat"),
    ("“We are not there yet,” an aide close to the governor said on Monday.", "an aide"),
    # A relative clause with its own verb and no commas stands between a nominal subject and the verb ...
    ("There is no overlap, but a White House official who spoke anonymously to discuss strategy said Wednesday, "
     "“Certainly there are discussions between the White House and the campaign.”", "a White House official"),
    ("One political organizer in Portland who has received death threats says, “It’s an arms race for money, and "
     "the narrative isn’t the point.”", "One political organizer"),
    # A title's own 'of' is no affiliation: the name after it speaks.
    ("“This decision will help preserve oversight of the program,” Secretary of State Mike Pompeo said.",
     "Mike Pompeo"),
    # An affiliation may be long.
    ("“It would seem to be a stretch,” Jeffrey Lewis of the James Martin Center for Nonproliferation Studies wrote.",
     "Jeffrey Lewis"),
    # Reporting verbs, and 'went on to say'.
    ("“An awful lot of analysts said no,” remembered Roy Verley, the former spokesman.", "Roy Verley"),
    ("“It is about time,” exhorted the introducer, actress Jamie Lee Curtis.", "Jamie Lee Curtis"),
    ("The email went on to say, “Today, people just don’t feel the need to show up.”", "The email"),
])
def test_nominal_sources_with_ties_clauses_and_more_verbs(body, expected):
    assert _speech_speakers(body) == [expected]


@pytest.mark.parametrize("body, expected", [
    # 'it' with no organisation speaking before goes to the organisation or document the sentence before is about ...
    ("The newspaper published an editorial on Sunday. “The president has failed the country in every way,” it "
     "wrote.", "The newspaper"),
    # ... never to a person.
    ("Jane Doe published an editorial on Sunday. “The president has failed the country in every way,” it wrote.",
     None),
    # The present 'reports' attributes like 'reported'.
    ("“We will not back down from this fight at all,” Fox News reports.", "Fox News"),
])
def test_it_goes_to_the_organisation_the_sentence_before_is_about(body, expected):
    assert _speech_speakers(body) == [expected]


def test_a_quote_signed_on_its_own_line_is_the_signers():
    body = ("Readers wrote in after the debate.\n\n“Maybe we can build a wall around him.” ―\u00a0Steve Quinlan.\n"
            "“He is ignorant of our culture.”― Pamela Padilla\n“It is over.” — Jane Doe, Ohio")
    assert _speech_speakers(body) == ["Steve Quinlan", "Pamela Padilla", "Jane Doe"]


def test_in_the_words_of_gives_the_words_after_it():
    body = "It was a country that was, in the words of Abraham Lincoln, “half slave and half free.”"
    assert [(q["speaker_surface"], q["attribution"]) for q in _quotes(body)] == [("Abraham Lincoln", "according_to")]


@pytest.mark.parametrize("body, expected", [
    # A participle opens the sentence, and the name after its object's comma is the subject, not an appositive.
    ("Cruz spoke at a rally. Turning to his campaign manager, Jeff Roe, Cruz said, “Jeff, did you email them?”",
     "Cruz"),
    # 'First,' opens a sentence whose 'it' stands for the organisation the sentence before is about.
    ("The newspaper did two things. First, it wrote that “No provider shall be treated as the publisher.”",
     "The newspaper"),
    # A capitalised word that names no one is no subject ('Moments after …'): no speaker rather than that word.
    ("Donald Trump spoke to the NRA. Moments after the gun group endorsed Trump at its meeting in Louisville on "
     "Friday, the presumptive nominee dove into attacking Clinton, saying she \"wants to abolish the Second "
     "Amendment.\"", None),
])
def test_what_opens_a_sentence_is_not_its_subject(body, expected):
    assert _speech_speakers(body) == [expected]


@pytest.mark.parametrize("body, expected", [
    # The story moved on: a later paragraph's subject, past its opening phrase, is who 'he' stands for.
    ("“We are ready,” Mike Pence said.\n\nBy 2:30 p.m., Bob Thompson was talking school policy at a lunch.\n\n"
     "“It's a marathon,” he said.", ["Mike Pence", "Bob Thompson"]),
    # Someone unnamed who spoke gives way to the person the sentence is about.
    ("Democratic front-runner Hillary Clinton caused a stir when an Iowa voter asked if she might appoint "
     "Obama.\n\n“Wow, what a great idea,” she replied.", ["Hillary Clinton"]),
    # A named speaker in the same paragraph keeps the pronoun: the sentence between is background.
    ("Besides, Marco Rubio says it helps his party. Barack Obama won most Latino voters.\n\n“The issue is a "
     "gateway,” he said.", ["Marco Rubio"]),
])
def test_a_pronoun_goes_to_the_subject_the_story_moved_on_to(body, expected):
    assert [s for s in _speech_speakers(body) if s] == expected


def test_a_split_quote_joins_across_a_long_appositive_only_when_its_sentence_goes_on():
    body = ("“This used to be Russia’s back yard,” said Raffaello Pantucci, director of International Security Studies "
            "at the Royal United Services Institute in London, “but it is coming into China’s thrall.”\n\n"
            "“It failed,” said another Republican strategist, who requested anonymity to speak frankly about a "
            "president the strategist may be working with. “Going forward, I would expect more.”")
    assert [(q["text"][:30], q["attribution"]) for q in _quotes(body)] == [
        ("This used to be Russia’s back ", "said_after"), ("It failed", "said_after"),
        ("Going forward, I would expect ", "continued")]


@pytest.mark.parametrize("body, expected", [
    # A speech verb that reports a clause reaches a quote further on in it.
    ("House Intelligence Committee Ranking Member Rep. Adam Schiff said in a statement that the timing and location "
     "of the attack and information coming from local authorities indicated “an ISIS-inspired act of terrorism.”",
     "Adam Schiff"),
    # A nominal speaker before 'who said'.
    ("The website quoted a New York health official who said, “These were long-time users.”",
     "a New York health official"),
    # A verb of an opening phrase ('When pressed,') does not stop the reading; the pronoun after it speaks.
    ("“I would not get into it,” Trump told Bloomberg. When pressed, he demurred, saying, “I do not want specifics.”",
     "Trump"),
    # A relative clause's verb is not the participle's subject: the sentence's subject is.
    ("Trump was defensive when forced to defend not paying an architect who said he was stiffed after he designed a "
     "clubhouse at one of Trump’s golf courses, saying, “Maybe he did not do a good job.”", "Trump"),
    # An opening phrase without a comma of its own keeps its verb.
    ("During her opening statement Sebelius said, “a number of fixes have already been completed” to the site.",
     "Sebelius"),
])
def test_the_speech_verb_before_a_quote_reaches_it(body, expected):
    assert _speech_speakers(body)[-1] == expected


@pytest.mark.parametrize("body, expected", [
    ("Robert Gibbs, an adviser, was asked whether Reid should stop.\n\n“Nobody controls Harry Reid,” was his reply.",
     ["Robert Gibbs"]),
    ("Donald J. Trump said the nation mourns.\n\nThrough his wit, President George H.W. Bush inspired generations "
     "to be, in his words, “a thousand points of light” for all.", ["George H.W. Bush"]),
    # A round-up: each quote paragraph is signed by the paragraph after it; a sentence after a quote signs nothing.
    ("From the Left\n\n“Not only did the deficit increase, it increased where Trump said it wouldn’t.”\n\n"
     "Philip Bump, Washington Post\n\n“We will see.”\n\nThe vote, however, is close.", ["Philip Bump", None]),
])
def test_replies_own_words_and_signatures(body, expected):
    assert _speech_speakers(body) == expected


@pytest.mark.parametrize("body, expected", [
    # The name in apposition to 'One of its sponsors'.
    ("In Texas, a new bill would protect officers. One of its sponsors, Rep. Steve Toth, told Fox News, “Dozens of "
     "sheriffs said we will not abide by it.”", "Steve Toth"),
    # A counted group speaking; a source that opens the sentence; a clause a few words after the quote.
    ("“Institutions could be pressed to sacrifice their beliefs,” dozens of prominent evangelicals said.",
     "dozens of prominent evangelicals"),
    ("As The Economist reported in 2007, the budgets of companies like Microsoft and IBM now mostly go “into making "
     "small incremental improvements.”", "Economist"),
    ("As in other places, Californians were “a little bit cavalier and careless” after opening up, says Dr. Wachter.",
     "Wachter"),
    # Initials in the speakers between a split quote's parts.
    ("“These facts,” write authors Levi Boxell, Matthew Gentzkow, and Jesse M. Shapiro, “argue against the "
     "hypothesis.”", "Levi Boxell"),
])
def test_more_attribution_forms(body, expected):
    assert _speech_speakers(body) == [expected]


def test_a_clause_after_the_sentence_goes_on_is_not_the_quotes():
    assert _speech_speakers("“We are done,” he said, and the crowd, Smith said, cheered.") == [None]


@pytest.mark.parametrize("body, expected", [
    # The sentence before is read whole, quote marks inside it or not: its subject is Clinton, not Sanders.
    ("Hillary Clinton met Jane Sanders.\n\nClinton also saluted “the extraordinary campaign” Sanders mounted.\n\n"
     "“Let there be no mistake: it was good for the party,” she said.", "Clinton"),
    # A speaker two sentences back gives way to the subject of the sentence before the quote.
    ("Some officials met, James Baker said. Dick Cheney's memoir boils with indignation. At a meeting in 2007, "
     "Cheney made the case for bombing a reactor. “After I finished,” he writes, “the President asked.”",
     "Cheney"),
])
def test_a_pronoun_goes_to_the_subject_of_the_sentence_before(body, expected):
    assert _speech_speakers(body)[-1] == expected


def test_the_person_a_speech_verb_addresses_is_not_its_speaker():
    text = ("Eight legal scholars, including former acting Solicitor General Walter Dellinger and former State "
            "Department legal adviser Harold Koh, urged Obama in a letter to repeal the resolution.")
    verb = next(m for m in _SCAN_VERB.finditer(text) if m.group("verb") == "urged")
    assert subject(text, verb) is None  # 'Obama' is whom they urged


def test_the_given_name_list_is_read_as_gender_guessers_own_reader_reads_it():
    from gender_guesser.detector import Detector

    from transforms.compare.quotes.people import _detector
    names, theirs = _detector().names, Detector(case_sensitive=False).names
    assert list(names) == list(theirs)  # same names, and per name the same genders in the same order (ties)
    assert all(list(names[n].items()) == list(theirs[n].items()) for n in theirs)
    assert names["abdel-aziz"] == names["abdelaziz"] == names["abdel aziz"]  # a "+" joins the parts three ways


@pytest.mark.parametrize("word", ["Jean", "Robin"])
def test_a_given_name_of_one_gender_in_the_us_and_another_elsewhere_tells_none(word):
    assert given_name_gender(word) and person_gender(word) == ""


@pytest.mark.parametrize("body, expected", [
    # 'Jean' is a man's name in France and a woman's in the US: 'she' may stand for Jean McRae, the last speaker.
    ("Kathleen Johnson and Jean McRae were at the first march.\n\n“It was wonderful,” Johnson said.\n\n"
     "The fight remains a work in progress, McRae said.\n\n“We need this, especially now,” she said.",
     ["Johnson", "McRae"]),
])
def test_she_goes_to_the_last_speaker_whose_given_name_tells_no_gender(body, expected):
    assert _speech_speakers(body) == expected


@pytest.mark.parametrize("body, expected", [
    # 'they' goes to the pair speaking before, not to an earlier group ...
    ("Officials said the vote would go ahead.\n\nIn their letter, Jacobs and Thomsen said that more than a million "
     "ballots had been requested.\n\n“It is clear that people want to vote!” they wrote.", ["Jacobs and Thomsen"]),
    # ... and so does 'the two commissioners'.
    ("In their letter, Mary Jacobs and Dean Thomsen said that more than a million ballots had been requested.\n\n"
     "“It is hard to vote now,” the two commissioners wrote.", ["Mary Jacobs and Dean Thomsen"]),
    # Two titles of one person, or the last two of a longer list, are no pair.
    ("“Shifts caused a change in appetite,” Chairman and Chief Executive David Solomon said. “Fears of trade wars "
     "drove concerns,” he added.", ["Chief Executive David Solomon"] * 2),
    ("Last month, Speaker John Boehner, Majority Leader Eric Cantor and Mr. Issa said in a letter that the talks "
     "failed.\n\n“The House will act,” they stated.", [None]),
])
def test_they_and_the_two_go_to_the_pair_named_speaking_before(body, expected):
    assert _speech_speakers(body) == expected


@pytest.mark.parametrize("body, expected", [
    # 'it' after a sentence 'According to' opens: the organisation that made the document, else the document ...
    ("According to a model maintained by the Institute for Health Metrics and Evaluation, Georgia should not open "
     "until June 19.\n\n“Current trajectories indicate that 12 states may need to wait,” it said.",
     "Institute for Health Metrics and Evaluation"),
    ("According to the annual report, the agency lost track of the money.\n\n“The controls were weak,” it said.",
     "the annual report"),
    # ... never a person.
    ("According to officials, the talks failed.\n\n“We are ready to talk again,” it said.", None),
])
def test_it_goes_to_the_source_of_an_according_to_sentence_before(body, expected):
    assert _speech_speakers(body) == [expected]


@pytest.mark.parametrize("body, expected", [
    # The one tied to a campaign or a person speaks, named as written; not the campaign, not the person.
    ("One operative familiar with the campaign explained “the high life has ended,” in an interview.",
     "One operative familiar with the campaign"),
    ("A Republican operative familiar with the talks said: “The high life has ended.”",
     "A Republican operative familiar with the talks"),
    ("“The high life has ended,” said a source close to Mike Pence.", "a source close to Mike Pence"),
    # A named speaker with a tie in apposition stays the name.
    ("“The high life has ended,” said Jane Doe, a friend close to Mike Pence.", "Jane Doe"),
])
def test_a_source_tied_to_someone_is_the_speaker_not_whom_it_is_tied_to(body, expected):
    assert _speech_speakers(body) == [expected]


@pytest.mark.parametrize("body, expected", [
    # A name between a determiner and a noun modifies the noun: 'he' is the one speaking, not Sanders.
    ("Bernie Sanders spoke to the crowd.\n\n“The revolution has to continue,” says Michael Pattis of Deerfield.\n\n"
     "Mr. Pattis ticks off pieces of the Sanders agenda: health care for all.\n\n“It is a fair vision,” he says.",
     ["Michael Pattis", "Michael Pattis"]),
    ("Bernie Sanders spoke to the crowd.\n\n“The revolution has to continue,” says Michael Pattis of Deerfield.\n\n"
     "Mr. Pattis has met a Sanders supporter.\n\n“It is a fair vision,” he says.", ["Michael Pattis"] * 2),
])
def test_a_name_that_modifies_a_noun_is_no_pronouns_antecedent(body, expected):
    assert _speech_speakers(body) == expected


def test_a_team_named_for_a_place_is_no_pronouns_antecedent():
    entities = parse_entities([  # a team the names stage took for a person
        {"entity_id": "suns", "canonical_name": "Phoenix Suns", "entity_type": "person", "aliases": ""},
        {"entity_id": "phoenix", "canonical_name": "Phoenix", "entity_type": "place", "aliases": ""}])
    body = "Williams grew up in Phoenix. Her son is a former Phoenix Suns player.\n\n“They were baffled,” she said."
    articles = pa.table({"doc_id": ["d1"], "body": [body]})
    mentions, _ = extract_mentions(articles, entities)
    assert [q["speaker_surface"] for q in extract_quotes(articles, mentions, entities).to_pylist()
            if q["quote_kind"] == "speech"] == [None]


@pytest.mark.parametrize("body, expected", [
    # A quote with no clause of its own shares the clause after a later quote of its own sentence ...
    ("Republican Sen. Bob Corker said he has reason to believe the Senate will agree.\n\nWhile it may not “attract "
     "the fringe on either side” the agreement may allow lawmakers to “pass something off the Senate floor,” he "
     "added.", ["Bob Corker", "Bob Corker"]),
    ("The plan is “reckless and dangerous for everyone” and “a gift to the rich,” Jane Doe said.",
     ["Jane Doe", "Jane Doe"]),
    # ... not of the next sentence.
    ("Critics called it “a gift to the rich and nothing else.” “We will fight it,” Jane Doe said.",
     ["Critics", "Jane Doe"]),
])
def test_a_quote_shares_the_clause_of_a_later_quote_in_its_sentence(body, expected):
    assert _speech_speakers(body) == expected


@pytest.mark.parametrize("body, expected", [
    # A place that tells where a nominal speaker is names no one: the nominal phrase speaks, as written.
    ("“The lines were long and nobody knew why,” said a worker at a warehouse in Seattle.",
     "a worker at a warehouse in Seattle"),
    ("The state health department in Boise said in a statement: “We are tracking every case.”",
     "The state health department in Boise"),
    ("A nurse at a clinic near Austin told the paper: “We ran out of beds.”", "A nurse at a clinic near Austin"),
    ("“We are tracking every case,” the E.U. mission in Kyiv said.", "the E.U. mission in Kyiv"),
    # ... whatever its capitals; an organisation named inside the phrase speaks for it.
    ("The E.U. Embassy in Kyiv said: “We are tracking every case.”", "E.U. Embassy"),
    ("A spokeswoman for Acme Bank in Leeds said: “We are reviewing the claims.”", "Acme Bank"),
    ("“We are reviewing the claims,” said a spokeswoman for Acme Bank in Leeds.", "Acme Bank"),
    ("“We are reviewing the claims,” the FBI field office in Tulsa said.", "FBI"),
])
def test_a_place_inside_a_nominal_speaker_is_not_the_speaker(body, expected):
    assert _speech_speakers(body) == [expected]


@pytest.mark.parametrize("body", [
    # 'per' opening a sentence or a clause names its source, as 'according to' does.
    "Per the Lakeside Water Board, “rates will rise by a third next spring.”",
    "“Rates will rise by a third next spring,” per the Lakeside Water Board.",
    "Rates are rising — per the Lakeside Water Board, “by a third next spring.”",
    "Rates are rising (per the Lakeside Water Board) “by a third next spring.”",
])
def test_per_names_the_source_as_according_to_does(body):
    assert [(q["speaker_surface"].removeprefix("the "), q["attribution"]) for q in _quotes(body)] == [
        ("Lakeside Water Board", "according_to")]


@pytest.mark.parametrize("body, expected", [
    # 'per' before a word in lower case is a rate, not a source; 'Per' before a name with a clause of its own is
    # a given name.
    ("The toll is $40 per hour, “a price nobody can pay,” the mayor said.", ("the mayor", "said_after")),
    ("Spending per capita doubled, “a good sign,” the mayor said.", ("the mayor", "said_after")),
    ("Per Lindqvist: “We will not sign this deal.”", ("Per Lindqvist", "colon")),
    ("Per Lindqvist, who chairs the board, was blunt: “We will not sign this deal.”", ("Per Lindqvist", "colon")),
])
def test_per_as_a_rate_or_a_given_name_is_no_source(body, expected):
    assert [(q["speaker_surface"], q["attribution"]) for q in _quotes(body)] == [expected]


@pytest.mark.parametrize("body", [
    # A name in apposition to the speaker phrase is who speaks, before the quote or after it.
    "The union’s treasurer, Omar Haddad, replied to the critics: “Every cent is accounted for.”",
    "Its chief executive, Omar Haddad, told reporters that the plan was “dead on arrival, and everyone knows it.”",
    "“Every cent is accounted for,” the union’s treasurer, Omar Haddad, said.",
    # ... with a title of its own, or past an 'of'/'for' phrase of the speaker phrase.
    "“Every cent is accounted for,” the party’s treasurer, Sen. Omar Haddad, said.",
    "“Every cent is accounted for,” the auditor for the union, Omar Haddad, said.",
])
def test_a_name_in_apposition_to_the_speaker_phrase_speaks(body):
    assert _speech_speakers(body) == ["Omar Haddad"]


@pytest.mark.parametrize("body, expected", [
    # With no person named within reach, an unnamed person who is the subject of a sentence just before is whom
    # 'he'/'she' stands for ...
    ("A worker climbed the ladder to the third floor. Smoke poured from the windows. “I could hear them "
     "inside,” he said.", "A worker"),
    ("After the meeting ended, the teacher walked out into the rain. “Nobody listened to us,” she said.",
     "the teacher"),
    ("An Ohio voter stood by the flooded field. “This was our whole year,” he said.", "An Ohio voter"),
    ("Another Ranger from the unit ran toward the truck. “Get down!” he said.", "Another Ranger"),
    ("Another Ranger ran toward the truck. “Get down!” he said.", "Another Ranger"),
    # ... not when a person named, or a title, is the subject of a sentence in between, or the gender differs.
    ("A young woman waved. Tom Berg stood up. “They hit the convoy!” he said.", "Tom Berg"),
    ("Jane Holt met the man. The man was upset. “We will win,” she said.", "Jane Holt"),
])
def test_a_pronoun_goes_to_an_unnamed_subject_just_before(body, expected):
    assert _speech_speakers(body)[-1] == expected


@pytest.mark.parametrize("body, expected", [
    # A person named within reach whose gender fits comes before an unnamed subject: 'the man'/'the woman' is
    # often that person again, and a subject the verb acts on (a victim, a suspect) seldom speaks next.
    ("Tom Berg, 54, was arrested on Friday in Ohio. The man was charged with fraud. “I am innocent,” he said.",
     "Tom Berg"),
    ("Jane Holt was elected in 2019. The woman now leads the largest union in the state. “We will strike,” she "
     "said.", "Jane Holt"),
    ("Mayor Jane Holt toured the site on Monday. A woman died in the blast, police said. “We grieve with her "
     "family,” she said.", "Jane Holt"),
    ("Coach Tom Berg watched from the sideline. A student was hurt in the second half. “We are praying for him,” "
     "he said.", "Tom Berg"),
    ("The officer, Tom Berg, stopped the car. A man got out. “I had no choice,” he said.", "Tom Berg"),
    ("Jane Holt, the governor, visited the school. The woman who shot the girl was arrested later. “We are "
     "heartbroken,” she said.", "Jane Holt"),
    # A capitalised word before a person noun is part of the phrase; a nationality is no one by itself.
    ("A Pentagon spokesman said the strike was planned for weeks. “We hit the target,” he said.",
     "A Pentagon spokesman"),
    ("Army spokeswoman Dana Levy briefed reporters. An Israeli soldier was wounded in the raid. “We will respond,” "
     "she said.", "Dana Levy"),
])
def test_a_named_person_comes_before_an_unnamed_subject(body, expected):
    assert _speech_speakers(body)[-1] == expected


@pytest.mark.parametrize("body", [
    # With no one named, a subject the verb acts on is read past, and a capitalised word is not cut from its noun.
    "A passenger was hurt when the bus stopped. “It came out of nowhere,” he said.",
    "A Navy student died in the crash. “It came out of nowhere,” he said.",
    "An Israeli was wounded in the raid. “It came out of nowhere,” he said.",
    "A student was stung by a swarm of bees. “It came out of nowhere,” he said.",
])
def test_an_unnamed_subject_the_verb_acts_on_is_not_the_speaker(body):
    assert _speech_speakers(body)[-1] in (None, "")


@pytest.mark.parametrize("body, expected", [
    # A document speaks for its words when no one else is named with them: an indictment, a transcript, a resolution.
    ("According to the indictment, “the accounts were opened under false names.”", "the indictment"),
    ("According to the transcript, “no vote was taken on the amendment.”", "the transcript"),
    ("According to the resolution, the council will “review every contract signed since 2015.”", "the resolution"),
])
def test_a_document_is_a_speaker(body, expected):
    assert _speech_speakers(body) == [expected]


@pytest.mark.parametrize("body, expected", [
    # A sentence opened by what it quotes: the words are that source's.
    ("Quoting the directive, schools were told to “keep the yard free of debris.”", "the directive"),
    ("Quoting a court ruling, the board was barred from “acting beyond its narrow mandate.”", "a court ruling"),
])
def test_a_sentence_opened_by_quoting_names_its_source(body, expected):
    assert _speech_speakers(body) == [expected]


@pytest.mark.parametrize("body, expected", [
    # A name a few words of description open is the subject its participle's speech goes to ...
    ("Jane Holt met reporters. A tired Jane Holt declined to confirm the figures, saying: “We will publish everything "
     "on Monday.”", "Jane Holt"),
    # ... not a name that modifies the noun after it.
    ("A former Trump adviser declined to comment, saying “I am not going to get into that.”",
     "A former Trump adviser"),
])
def test_a_described_name_is_the_subject_of_its_participle(body, expected):
    assert _speech_speakers(body)[-1] == expected


def _unnamed(body: str, pronoun: str = "he") -> str | None:
    span = unnamed_subject_before(body, body.index("“"), pronoun, lambda lo, hi: False)
    return body[span[0]:span[1]] if span else None


@pytest.mark.parametrize("body, expected", [
    # The unnamed subject is read at most three sentences back, within the quote's paragraph ...
    ("A worker climbed the ladder. Smoke rose. Glass broke. “I heard them,” he said.", "A worker"),
    ("A worker climbed the ladder. Smoke rose. Glass broke. Sirens wailed. “I heard them,” he said.", None),
    ("A worker climbed the ladder.\nSmoke rose. “I heard them,” he said.", None),
    # ... a title as the subject stands for whoever holds it, and leaves the pronoun to the people named ...
    ("A worker climbed the ladder. The senator smiled. “I heard them,” he said.", None),
    # ... and a role's gender must fit the pronoun.
    ("The woman climbed the ladder. “I heard them,” he said.", None),
])
def test_the_reach_of_an_unnamed_subject(body, expected):
    assert _unnamed(body) == expected


@pytest.mark.parametrize("body, expected", [
    # A name in apposition to the noun that closes an opening phrase is who is talked about, not the speaker ...
    ("Asked about his rival, Omar Haddad, the mayor said: “He has never run anything.”", "the mayor"),
    ("Mayor Ann Kirk opened the fair. Asked about her rival, Omar Haddad, the mayor said: “He has never run "
     "anything.”", "Ann Kirk"),
    # ... while a name opening the clause, its role after it, still speaks.
    ("Omar Haddad, the director for the party said: “We have no plan.”", "Omar Haddad"),
])
def test_a_name_inside_the_opening_phrase_is_not_the_speaker(body, expected):
    assert _speech_speakers(body) == [expected]


@pytest.mark.parametrize("body, expected", [
    # A partial quote (it opens in lower case) stands inside the clause its verb reports, however far on.
    ("Critics howled that Lena Park was stoking fears when she told a packed hall in a small town that the bank's "
     "rich friends want to “take every acre you own.”",
     [("take every acre you own.", "Lena Park", None, "pronoun", False)]),
    ("Many voters worry. Omar Haddad said the plan, for all the money and the years spent on it by the city and its "
     "partners, is “a slow and careful bet.”",
     [("a slow and careful bet.", "Omar Haddad", "n:omar-haddad", "said_before", False)]),
])
def test_partial_quote_in_a_long_reported_clause_is_its_verbs_subjects(body, expected):
    assert _who(body) == expected


@pytest.mark.parametrize("body, expected", [
    # 'as X put it', 'to quote X' (before or after the words): the words are X's.
    ("Or as the grumpy Omar Haddad put it at the hearing: “no deal, no vote.”",
     [("no deal, no vote.", "Omar Haddad", "n:omar-haddad", "according_to", True)]),
    ("The plan is, to quote Harvard's Lena Park, “a house built on sand.”",
     [("a house built on sand.", "Lena Park", "n:lena-park", "according_to", False)]),
    ("The plan is “a house built on sand,” to quote Lena Park.",
     [("a house built on sand", "Lena Park", "n:lena-park", "according_to", False)]),
])
def test_as_x_put_it_and_to_quote_x_name_the_speaker(body, expected):
    assert _who(body) == expected


def test_a_quote_led_by_a_conjunction_goes_on_from_the_speaker_before():
    # 'But, “…”' has no clause of its own: it continues the quote before it in the paragraph.
    body = ("Rosa Mendel spoke on Sunday. “I would be safer at home,” Mendel said. "
            "But, “you do it because you must. There is no other way.”")
    assert _speech_speakers(body) == ["Mendel", "Mendel"]


@pytest.mark.parametrize("body, expected", [
    # A party with its state after the name, in the comma style: the name is still the verb's subject.
    ("When Rep. Lena Park (D., Ore.) says “this money is drowning the voices of the many,” she means she wants a ban.",
     [("this money is drowning the voices of the many", "Lena Park", "n:lena-park", "said_before", False)]),
    # A photo's caption is its poster's words.
    ("Rosa Mendel posted photos on Instagram. “I was afraid to walk alone,” she captioned her photos.",
     [("I was afraid to walk alone", "Rosa Mendel", "n:rosa-mendel", "pronoun", False)]),
])
def test_party_with_state_and_a_caption_name_the_speaker(body, expected):
    assert _who(body) == expected


@pytest.mark.parametrize("body, expected", [
    # A long relative clause between the name and its verb (over 100 characters) still leaves the name the subject.
    ("“There is a lack of planning,” Gov. Rosa Mendel, a Democrat who leads the Western Governors Council and who "
     "has never once been shy about speaking out, told the Herald. “We are fixing it.”",
     [("There is a lack of planning We are fixing it.", "Rosa Mendel", "n:rosa-mendel", "said_after", False)]),
    ("Marta Olsen, who ran the city's housing office for a decade under two mayors and has since been trying to "
     "build a coalition against the plan, complained that only half of it “went to the right places.”",
     [("went to the right places.", "Marta Olsen", "n:marta-olsen", "said_before", False)]),
])
def test_a_long_relative_clause_after_the_name_keeps_it_the_speaker(body, expected):
    assert _who(body) == expected


def test_a_reflexive_after_the_name_leaves_it_the_subject():
    # 'X himself once admitted': the reflexive stresses the subject and stands between it and its verb.
    body = ("Critics point out that even Haddad himself once admitted in an interview that “in some ways the plan is "
            "arbitrary.”")
    assert _who(body) == [("in some ways the plan is arbitrary.", "Haddad", "n:haddad", "said_before", False)]


def test_a_name_the_opens_is_no_one_a_pronoun_stands_for():
    # 'The Daily Ledger' names a paper: 'she' goes to the woman it quoted, not to the paper.
    body = ("“We will wait and see,” The Daily Ledger quoted Rosa Mendel as saying. The Daily Ledger added: Still, she "
            "was undecided. “What moved me,” she said, “is the record.”")
    assert _speech_speakers(body)[-1] == "Rosa Mendel"


def test_a_quote_after_a_heading_in_capitals_is_signed_on_its_line():
    body = ("LETTERS THIS WEEK -“Please write shorter pieces. I read them on the bus.” – Dana Whitcombe, Fresno, "
            "Calif., by email.\n\nNext item.")
    assert _speech_speakers(body) == ["Dana Whitcombe"]
