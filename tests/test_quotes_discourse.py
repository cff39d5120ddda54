import pytest

from tests.test_quotes import _speech_speakers
from transforms.compare.quotes.article import Doc, Mention
from transforms.compare.quotes.discourse import about_speaker
from transforms.compare.quotes.people import find_people
from transforms.compare.quotes.subjects import opening


@pytest.mark.parametrize("body, expected", [
    # A person named later only as the object of a sentence about the speaker does not take the pronoun over.
    ("“The mine will reopen,” Carla Brandt said.\n\nOn local radio, Brandt poured scorn on Victor Hale.\n\n"
     "“He has never seen the pit,” she said.", ["Carla Brandt", "Carla Brandt"]),
    ("“The mine will reopen,” Mark Olsen said.\n\nOn local radio, Olsen poured scorn on Victor Hale.\n\n"
     "“He has never seen the pit,” he said.", ["Mark Olsen", "Mark Olsen"]),
    # ... but one who is their sentence's subject does: the story moved on to them.
    ("“The mine will reopen,” Mark Olsen said.\n\nOn local radio, Victor Hale poured scorn on Olsen.\n\n"
     "“He has never seen the pit,” he said.", ["Mark Olsen", "Victor Hale"]),
])
def test_a_person_named_as_an_object_does_not_take_the_pronoun(body, expected):
    assert _speech_speakers(body) == expected


@pytest.mark.parametrize("body, expected", [
    # A sentence that opens with the speaker may hand over to the one named after (a passive's agent, the one given
    # the floor, a role held for the speaker): with no 'he' of that other in the quote, the one named last speaks.
    ("“The deal is off,” Mark Olsen said.\n\nOlsen then handed the microphone to Peter Varga.\n\n"
     "“I want to thank the workers,” he said.", ["Mark Olsen", "Peter Varga"]),
    ("“We lost the vote,” Ahmed Yilmaz said.\n\nYilmaz was followed on stage by Kemal Arslan.\n\n"
     "“We fight on,” he said.", ["Ahmed Yilmaz", "Kemal Arslan"]),
    ("“Our offer stands,” Unilever chief Alan Jope said.\n\nJope was questioned by analyst Warren Ackerman of "
     "Barclays.\n\n“Why now?” he asked.", ["Alan Jope", "Warren Ackerman"]),
    ("“The investigation continues,” Chief Constable Andy Marsh said.\n\nMarsh was replaced on Monday by his "
     "deputy, Simon Byrne.\n\n“I intend to restore trust,” he said.", ["Andy Marsh", "Simon Byrne"]),
    ("“We will win the county,” Mark Olsen said.\n\nOlsen’s campaign manager, Peter Varga, took questions from "
     "reporters afterwards.\n\n“We are confident about turnout,” he said.", ["Mark Olsen", "Peter Varga"]),
    ("“The merger is good for patients,” said Anna Kowalski, the chief executive.\n\nKowalski was joined at the "
     "briefing by finance director Maria Nowak.\n\n“Costs will fall by a fifth,” she said.",
     ["Anna Kowalski", "Maria Nowak"]),
])
def test_a_sentence_opening_with_the_speaker_may_still_hand_over(body, expected):
    assert _speech_speakers(body) == expected


@pytest.mark.parametrize("text, subject", [
    ("At 9 a.m. sharp, Jo Lee unlocked the gates.", "Jo Lee"),
    ("In the U.S. and abroad, Jo Lee is known.", "Jo Lee"),
    # A full stop that ends a word of more than one letter still ends the phrase: no opening phrase read here.
    ("In the morning. Jo Lee left, then came back.", "In the morning"),
    ("On Sept. 9, Jo Lee unlocked the gates.", "Jo Lee"),
    # ... and so does an abbreviation before a capitalised word, which may end its sentence.
    ("In 2019 she moved from the U.K. Now, Jo Lee runs a bakery.", "In 2019"),
    ("In the U.S. Jo Lee is known, he said.", "In the U.S."),
    ("Among the critics was Sen. Jo Lee, who called it a farce.", "Among the critics"),
])
def test_an_opening_phrase_runs_past_dotted_abbreviations(text, subject):
    assert text[opening(text, 0, len(text)):].startswith(subject)


@pytest.mark.parametrize("body, expected", [
    # A word in capitals names no one alone only when the article names it as a body ...
    ("Isis Kane spoke. Then KANE said no.", ["Isis Kane", "KANE"]),
    # ... and 'I' alone is the pronoun, though a regnal name ends with it ...
    ("Pope John Paul I spoke. Then I said no.", ["John Paul I"]),
    # ... but a surname ending in s still does.
    ("Paul Rogers spoke. Then Rogers said no.", ["Paul Rogers", "Rogers"]),
])
def test_capitals_or_a_surname_in_s_alone_may_name_a_person(body, expected):
    assert [p.surface for p in find_people(body, lambda at: False, [], set())] == expected


def test_a_plural_person_noun_alone_is_no_person():
    # A plural person noun standing alone names no person 'he' or 'she' may stand for, even when a name elsewhere
    # (here a run-together one) ends with it.
    body = "Hunter Biden Republicans met. Then Republicans gave way."
    assert "Republicans" not in [p.surface for p in find_people(body, lambda at: False, [], set())]


def test_capitals_alone_name_no_one_when_the_article_names_them_as_a_body():
    body = "Tom Nato spoke. Then NATO said no."
    nato = Mention(body.index("NATO"), body.index("NATO") + 4, "Q7184", "NATO", False, True)
    assert [p.surface for p in find_people(body, lambda at: False, [nato], set())] == ["Tom Nato"]


def test_a_transcript_label_in_capitals_stays_the_speaker_for_the_pronoun():
    body = ("The Post's Wesley Lowery spoke on MSNBC.\n\nLOWERY: “The separation of families is inhuman.”\n\n"
            "Later he added: “We have seen this before.”")
    assert _speech_speakers(body) == ["LOWERY", "LOWERY"]


@pytest.mark.parametrize("body, expected", [
    # A name that modifies the subject (a possessor of a role, a name before a noun) is not whom the sentence is about.
    ("“We will appeal,” Jordan Mitchell said.\n\nMitchell’s lawyer, Tom Johnston, called the ruling unfair.\n\n"
     "“The court never heard the evidence,” he said.", ["Jordan Mitchell", "Tom Johnston"]),
    ("“We will appeal,” Jordan Mitchell said.\n\nMitchell campaign manager Tom Johnston called the poll unfair.\n\n"
     "“The poll never reached our voters,” he said.", ["Jordan Mitchell", "Tom Johnston"]),
    # ... but a possessor of something else, or a name before an adverb, is.
    ("“We will appeal,” Jordan Mitchell said.\n\nMitchell nonetheless praised Tom Johnston.\n\n"
     "“He did his job well,” he said.", ["Jordan Mitchell", "Jordan Mitchell"]),
])
def test_a_name_that_modifies_the_subject_is_no_speaker_it_is_about(body, expected):
    assert _speech_speakers(body) == expected


@pytest.mark.parametrize("sentence, about", [
    ("Mitchell’s lawyer, Tom Johnston, called it unfair.", False),
    ("Mitchell campaign manager Tom Johnston called it unfair.", False),
    ("Mitchell nonetheless praised Tom Johnston.", True),
    ("Mitchell’s ruling angered Tom Johnston.", True),
    # A sentence that opens with the speaker but hands over to the other: a passive's agent, the one given the floor.
    ("Mitchell’s campaign manager, Tom Johnston, called it unfair.", False),
    ("Mitchell was replaced on Monday by Tom Johnston.", False),
    ("Mitchell then handed the microphone to Tom Johnston.", False),
])
def test_a_sentence_is_about_the_speaker_only_when_the_speaker_heads_its_subject(sentence, about):
    body = "Jordan Mitchell spoke.\n\n" + sentence
    doc = Doc(body, [], [])
    found = find_people(body, lambda at: False, [], {"mitchell"})
    johnston = next(p for p in found if p.surface == "Tom Johnston")
    assert about_speaker(doc, johnston, found, "mitchell") is about
