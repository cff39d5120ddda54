"""Speakers named in a quote's own sentence: the subject of its speech verb, read past the words that hide it."""

import pytest

from tests.test_quotes import _quotes, _speech_speakers


@pytest.mark.parametrize("body, expected", [
    # A verb's form after an article or a possessive is an adjective or a noun: the sentence's verb speaks.
    ("While a museum curator admitted in an emailed reply that the gallery had “lost track of three paintings,” she "
     "gave no further details.", ["a museum curator"]),
    ("Kwame Mensah, who runs the ferry line, told a local paper that not only were the claims untrue, but that "
     "“nobody at the harbour had checked them.”", ["Kwame Mensah"]),
    # ... but a capitalised one inside the sentence may be a name: 'An', 'My'.
    ("Ms. An told the hearing the old dam would “hold for another century, whatever the engineers say.”", ["An"]),
])
def test_a_verb_after_an_article_is_no_speech_verb(body, expected):
    assert _speech_speakers(body) == expected


def test_an_attributive_verb_alone_names_no_one():
    assert _speech_speakers("In the leaked memo, there was only “a brief note of thanks to the staff.”") == [None]


@pytest.mark.parametrize("body, expected", [
    # A day after a verb, or a month with a date or the verb's words after it, is its time: the subject is before
    # the verb.
    ("Ingrid Dahl, the port chief, called the leak a “minor and contained incident” and said Thursday the port “will "
     "reopen on time, as planned.”", ["Ingrid Dahl"]),
    ("The club said Sunday that the stadium “will stay closed until the spring.”", ["The club"]),
    ("The ministry said June 3 that fuel prices were “under control and would stay there.”", ["The ministry"]),
])
def test_a_day_after_the_verb_is_no_speaker(body, expected):
    assert _speech_speakers(body) == expected


def test_a_month_before_a_colon_is_a_name_not_a_time():
    body = "When asked whether she would stand again, said April: “Not this year, and maybe never.”"
    assert _speech_speakers(body) in ([None], ["April"])  # never the opening phrase ('When asked')


def test_a_day_after_the_verb_of_the_writer_names_no_one():
    assert _speech_speakers("We called back and said Monday the depot “had run out of diesel.”") == [None]


@pytest.mark.parametrize("body, expected", [
    # A military title's full stop ends no sentence; the name after it in apposition speaks.
    ("The carrier left port at dawn. A Navy spokeswoman, Lt. Cmdr. Priya Nair, said only that the crew “is in good "
     "health and high spirits.”", ["Priya Nair"]),
    ("The bridge was repaired overnight. Maj. Tomas Eriksen told the briefing that it “can carry tanks again, and "
     "will by the weekend.”",
     ["Tomas Eriksen"]),
    # ... and a sentence that ends on a name after such a title still ends there.
    ("The patrol was led by Maj. Tomas Eriksen. “We heard nothing before the blast,” a medic said.", ["a medic"]),
])
def test_an_abbreviated_military_title_ends_no_sentence(body, expected):
    assert _speech_speakers(body) == expected


@pytest.mark.parametrize("body, expected", [
    # A title or phrase quoted inside the subject's relative clause hides no subject: the words are read across it.
    ("Dr. Helga Brandt, whose first novel was titled “Cold Harbour,” said, “I wrote most of it on night shifts.”",
     ["Helga Brandt"]),
    ("Kenji Mori, who said in March the repairs would take “weeks, not days” to finish, said the line “should reopen "
     "on Friday if the last tests go well.”", ["Kenji Mori"]),
])
def test_a_subject_is_read_across_a_quote_in_its_relative_clause(body, expected):
    assert _speech_speakers(body)[-1:] == expected


def test_a_relative_clause_after_a_quoted_name_has_no_subject_across_it():
    body = "The club named its new stand “The Long Bank,” which said “nothing about the fans who paid for it.”"
    assert _speech_speakers(body)[-1:] == [None]


def test_a_coordinated_verb_after_a_quote_takes_no_subject_across_it():
    body = ("When a caller accused the coach of “cowardly” tactics, and asked him to defend them, Mensah had a short "
            "answer: “We won the game, didn’t we?”")
    assert _speech_speakers(body)[-1:] != ["the coach"]


def test_a_nominal_speaker_with_a_relative_clause_after_the_quote():
    body = ("“The mood in the dressing room is terrible,” one senior player who has spent a decade at the club told "
            "the radio station, adding that he expected changes.")
    assert _speech_speakers(body) == ["one senior player"]


def test_a_relative_clause_with_a_subject_of_its_own_is_not_the_nominal_speaking():
    body = "“She was never going to sign that contract,” the agent who Mensah said was her adviser told the tribunal."
    assert _speech_speakers(body) != ["the agent"]


@pytest.mark.parametrize("body, expected", [
    # A social media handle names its user.
    ("Fans were furious. @TigerFan88 demanded a refund and vowed to stay away: “I am not paying for this again until "
     "they fix the roof.”", ["@TigerFan88"]),
    ("Fans were furious. “I am not paying for this again,” @tiger_fan wrote.", ["@tiger_fan"]),
    # ... not the domain of an email address.
    ("Parents wrote to help@school.org: “Please open the gym on weekends for the kids.”", ["Parents"]),
])
def test_a_handle_speaks(body, expected):
    assert _speech_speakers(body) == expected


@pytest.mark.parametrize("body, expected", [
    # A name that a determiner and a few words of description open is the sentence's subject, past an opening
    # phrase that closes on a quoted title.
    ("In his 1962 survey, “Rivers of Salt,” the geographer Lars Holm calculated that, over two decades of records, "
     "the delta had lost a third of its farmland and that the rest was “sinking faster than anyone admits.”",
     ["Lars Holm"]),
    ("The 64-year-old Kwame Mensah apologized on Sunday for the remarks, saying they “were not who I am.”",
     ["Kwame Mensah"]),
    # ... not a name that modifies the noun after it, nor one after a verb.
    ("The former Mensah aide was scathing about the stadium, “a cost that nobody on the council wants to "
     "talk about.”", [None]),
    ("The results might suggest Holm has no wish to join the league’s “fair play” drive, saying “we go our own "
     "way.”", [None]),
])
def test_a_described_name_opens_the_sentence(body, expected):
    assert _speech_speakers(body) == expected


@pytest.mark.parametrize("body, expected", [
    # An abbreviation's points in whom a speaker speaks for end no phrase.
    ("“The contract was signed in good faith,” lawyers for the U.K. said in a filing.", ["lawyers"]),
    ("“We will appeal the decision,” a spokesman for the E.U. delegation told reporters.", ["a spokesman"]),
    # ... and a full stop after a word still ends the sentence: the next one's subject is no speaker here.
    ("“We will appeal the decision,” Kwame Mensah of Accra said. The U.S. embassy said nothing.", ["Kwame Mensah"]),
])
def test_an_affiliation_with_an_abbreviation(body, expected):
    assert _speech_speakers(body) == expected


@pytest.mark.parametrize("body, expected", [
    # A verb first after a conjunction, a role in lower case before the name: that name speaks.
    ("The board would not comment. Still, said finance director Sofia Lindqvist, “any delay now would cost us "
     "dearly.”", ["Sofia Lindqvist"]),
    ("And, says head coach Kwame Mensah, “the season is far from over for this team.”", ["Kwame Mensah"]),
    # ... and a verb with no one named after it names no speaker.
    ("But, said after the match, “the pitch was not fit to play on at all.”", [None]),
])
def test_a_verb_first_after_a_conjunction(body, expected):
    assert _speech_speakers(body) == expected


@pytest.mark.parametrize("body, expected", [
    # A closing clause after the writer's own words: a plural or a role in lower case still speaks.
    ("“We will appeal every ruling” in this case, lawyers for the hospital told the court.", ["lawyers"]),
    ("“We defended like lions” in the first half, even with nine men, coach Marta Silva said.", ["Marta Silva"]),
    # A dashed aside before a verb that its speaker follows: the name after the verb, never the clause before.
    ("The merger is off — or almost off — said Ingrid Dahl: “We walk away on Friday.”", ["Ingrid Dahl"]),
    ("The final tally -- 52-48 -- said the chairman, “does not settle anything at all.”", ["the chairman"]),
    ("The bridge -- which took four years to build -- said the inspector, “meets every code we have.”", [None]),
    # A possessed person after 'said' speaks.
    ("“We are gutted and we are angry,” said their captain after the final.", ["their captain"]),
    ("“It was a scandal from start to end,” said her gran.", ["her gran"]),
    # A thing a document cites, and a byline that closes the article, are no speakers.
    ("“The rule is plain on this question,” the judgment cites a 1998 ruling.", [None]),
    ("Farmers are worried. “Nobody came to see the flooded fields this year.”\n\nLars Holm, Reuters", [None]),
])
def test_attributions_that_keep_their_reading(body, expected):
    assert _speech_speakers(body) == expected


def test_a_term_in_a_sentence_with_a_contact_clause_has_no_speaker():
    body = "“Unity” was the theme of the congress, in Lyon, the word the party says defines its message."
    assert [row for row in _speech_speakers(body) if row] == []


@pytest.mark.parametrize("body, expected", [
    # A listed verb speaks in its other finite forms too: the third person, the phrasal verb's, the plain present
    # after a plural subject.
    ("“The levy will sink small farms,” points out Rosa Delgado, a grower near Fresno.", ["Rosa Delgado"]),
    ("“The levy will sink small farms,” testifies Rosa Delgado at the hearing.", ["Rosa Delgado"]),
    ("Critics argue that the levy “will sink small farms for good.”", ["Critics"]),
    # ... a name right before the colon still speaks, not the subject of a verb before its dash.
    ("Bakers in the valley agree – Tomas Lindqvist: “Flour will cost twice as much by the harvest.”",
     ["Tomas Lindqvist"]),
])
def test_other_finite_forms_of_speech_verbs(body, expected):
    assert _speech_speakers(body) == expected


@pytest.mark.parametrize("body", [
    # The plain present after 'to' is an infinitive: its subject is no one the sentence names as speaking.
    "Ruiz wants the growers to explain why the levy “will sink small farms for good.”",
    "“The levy will sink small farms,” the growers want Ruiz to explain.",
])
def test_an_infinitive_of_a_speech_verb_names_no_speaker(body):
    assert _speech_speakers(body) == [None]


def test_a_plain_present_after_not_ends_no_attribution_after_a_quote():
    body = "Ana Ruiz said “too often” the agency did not adequately respond to pleas for more staff."
    assert _speech_speakers(body) == ["Ana Ruiz"]


@pytest.mark.parametrize("body, expected", [
    # A common noun heads the phrase: the person named after it, in a prepositional phrase or a relative clause, is
    # someone else; the phrase speaks as written.
    ("“The levy is a fair price,” said a spokesman for Mayor Elena Ruiz.", "a spokesman for Mayor Elena Ruiz"),
    ("“The levy is a fair price,” the supporters who voted for Elena Ruiz said.",
     "the supporters who voted for Elena Ruiz"),
    # ... and a phrase whose head is no one's role names no speaker of its own.
    ("“The levy is a fair price,” Elena Ruiz said, setting off a debate with Tomas Berg.", "Elena Ruiz"),
    # ... but a name that heads its phrase speaks, whatever follows it or comes before it as a title.
    ("“The levy is a fair price,” said Elena Ruiz of Fresno.", "Elena Ruiz"),
    ("“The levy is a fair price,” Secretary of State Elena Ruiz said.", "Elena Ruiz"),
    ("“The levy is a fair price,” said secretary of state Elena Ruiz.", "Elena Ruiz"),
    # ... and a name after the object of the preposition is in apposition to the head: that person speaks.
    ("“The pitch was heavy,” said the manager of the Wales team Tomas Berg.", "Tomas Berg"),
    ("“The levy is a fair price,” said the minister for farming Elena Ruiz.", "Elena Ruiz"),
])
def test_a_person_named_after_a_common_noun_head_is_not_the_speaker(body, expected):
    assert _speech_speakers(body) == [expected]


@pytest.mark.parametrize("body, expected", [
    # A verb that reports speech whatever its subject, in the plain present after a plural common noun, speaks.
    ("Pensioners complain that the new bus timetable “leaves whole villages cut off.”", "Pensioners"),
    ("“The bridge will not be ready before winter,” the engineers warn.", "the engineers"),
])
def test_a_plain_present_after_a_plural_subject_speaks(body, expected):
    assert [q["speaker_surface"] for q in _quotes(body)] == [expected]


@pytest.mark.parametrize("body", [
    # ... not after a place or a name, even one inside a plural subject: the place is no one speaking.
    "Nurses in Mombasa warn that the ward “cannot take another winter like this.”",
    "Farmers around Carcassonne tell of “vines dead in a single week.”",
    # ... nor in the forms of verbs also said of things, whose subject is often a thing or a group doing something.
    "The storm threatens “dozens of farms” along the coast, the county said.",
    "Snow interrupts the final at Oslo as the jumpers “wait and hope” for a calm spell.",
    "The scans confirm what surgeons suspected: “The tumour has shrunk.”",
    "Insurers maintain a “reserve fund” against floods, the watchdog says.",
    "Inspectors reveal “serious lapses” at the depot, according to a union official.",
])
def test_a_plain_or_third_person_present_of_no_one_speaking_names_no_speaker(body):
    assert all(q["speaker_surface"] in (None, "the county", "the watchdog", "a union official")
               for q in _quotes(body))


@pytest.mark.parametrize("body", [
    # A plain present after a verb that takes a bare infinitive, or after a modal's contraction, has no subject of
    # its own, and 'explain' is no verb that speaks whatever its subject: the words before it name no one speaking.
    "These charts help explain why the ferry line “cannot keep its prices down.”",
    "We’ll explain below why the new timetable “changes nothing” for commuters.",
    "Our readers’ll warn you that the old pier “is falling apart.”",
    "Councillors want the growers to publicly argue that the levy “will sink small farms.”",
])
def test_a_bare_infinitive_of_a_speech_verb_names_no_speaker(body):
    assert all(q["speaker_surface"] is None for q in _quotes(body))


@pytest.mark.parametrize("body, expected", [
    # A name after a dash right after the verb speaks before the colon ...
    ("Economists disagreed – Priya Raman: “Rates will stay high into spring.”", "Priya Raman"),
    # ... but after the verb's object, the dash names that object again: the verb's subject speaks.
    ("Haddad wrote to the panel's chair - Councillor Ines Moreau: “Your review is a whitewash.”", "Haddad"),
    ("Kowalczyk told Radio Zet – Polsat News: “We were cheated in the second half.”", "Kowalczyk"),
])
def test_a_name_after_a_dash_before_a_colon_speaks_only_right_after_the_verb(body, expected):
    assert [q["speaker_surface"] for q in _quotes(body)] == [expected]
