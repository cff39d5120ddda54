"""Who said a quote: attribution forms read from the sentence's grammar and the article's discourse."""

import pytest

from tests.test_quotes import _rows, _speech_speakers


@pytest.mark.parametrize("body, expected", [
    # A quote closed on a comma, then a subject and a verb in no list of speech verbs: the subject's words.
    ("Marta Olsen runs the bakery.\n\n“You never asked me once,” Olsen sniffed at him. “Not once.”",
     ["Olsen"]),
    ("“Rents rose twice as fast as wages in the region,” the housing survey found.", ["the housing survey"]),
    ("“Will the bridge ever open?” Ibrahim Kalin fretted.", ["Ibrahim Kalin"]),
])
def test_a_verb_in_no_list_after_a_quote_closed_on_a_comma(body, expected):
    assert _speech_speakers(body) == expected


@pytest.mark.parametrize("body", [
    # After '?' or '!' a new sentence may start: a determiner or an English word opening it is no speaker.
    "“Offside!” The whole bench erupted in protest.",
    "“Who pays for the bridge?” The riddle lingered over the council.",
    "The vote was delayed again. “Is the plan dead?” Nobody knows.",
])
def test_a_sentence_after_a_question_or_exclamation_is_no_attribution(body):
    assert _speech_speakers(body)[-1:] in ([None], [])


def test_a_name_after_a_question_still_speaks():
    assert _speech_speakers("“Where is the money?” Okonkwo demanded of the board.") == ["Okonkwo"]


@pytest.mark.parametrize("body", [
    # A base form is no finite verb ('pledge' is also a noun), nor is a noun after the phrase.
    "The plan offers a “fresh start for the whole of the town,” the council pledge.",
    "“We will rebuild the old mill by spring,” the town news.",
])
def test_no_finite_verb_after_a_quote_names_no_one(body):
    assert _speech_speakers(body) == [None]


def test_as_x_puts_it_in_the_present():
    body = "As the Daily Ledger puts it, “the budget is a promise nobody intends to keep.”"
    assert _speech_speakers(body) == ["Daily Ledger"]


@pytest.mark.parametrize("body, expected", [
    # 'So' opens a name here, not a sentence; 'quotes X saying' gives X, whom the paper quotes.
    ("So Ji-sub waved to his fans at the airport, saying he was “deeply moved” by the welcome.", ["Ji-sub"]),
    ("But the Herald quotes a tenants group saying, “The landlord has ignored every single one of our complaints.”",
     ["a tenants group"]),
])
def test_so_opens_a_name_and_quotes_x_saying_is_xs(body, expected):
    assert [row["speaker_surface"] for row in _rows(body) if row["quote_kind"] != "indirect"] == expected


def test_a_conjunction_before_the_sentence_subject():
    body = ("Ibrahim Kalin opened the fair. But he was vaguer about the budget, adding that “the money is there, "
            "but the date is not set.”")
    assert _speech_speakers(body) == ["Ibrahim Kalin"]


def test_a_pronoun_before_the_quote_stands_for_someone_named_before_it():
    # 'she' opens the sentence: Marta Olsen, not the woman named between the pronoun and the quote.
    body = ("Coach Marta Olsen named her squad on Friday.\n\n"
            "She said less about Tomas Berg, saying that “his knee is healing” after the fall.")
    assert _speech_speakers(body) == ["Marta Olsen"]


@pytest.mark.parametrize("body", [
    # A quote that is the main clause after a subordinate clause or an opening phrase goes on from the speaker before.
    "“The quota is too low,” Tomas Berg said. Although the boats are older now, “we can still fill the holds.”",
    "“The quota is too low,” Tomas Berg said. In the end, “the whole fleet will tie up in harbour for good.”",
    # ... and a paragraph opened by a conjunction, after the paragraph of the speaker.
    "“The quota is too low,” Tomas Berg said.\n\nBut “the ministry has never once listened to the fleet.”",
])
def test_a_quote_after_an_opening_clause_goes_on_from_the_speaker_before(body):
    assert _speech_speakers(body)[-1] == "Tomas Berg"


@pytest.mark.parametrize("body", [
    # A new paragraph opened by a clause or phrase carries no speaker over, nor does an opener naming a source.
    "“We will appeal,” said the lawyer Ana Ruiz.\n\nWhen the clerk stood up, “the court finds for the plaintiff.”",
    "“Prices will fall,” the trader Sam Odu said.\n\nAs the old line goes, “what goes up must come down again.”",
    "“The pitch was awful,” Tomas Berg said. In the words of the groundsman, “we had four days of heavy rain.”",
])
def test_an_opener_of_a_new_paragraph_or_naming_a_source_carries_no_speaker(body):
    assert _speech_speakers(body)[-1] is None


def test_a_clause_after_a_quote_with_the_verbs_object_and_time_last():
    body = ("The new code stops landlords from deals that “lock tenants in for life” by stealth, a housing minister "
            "told students on Monday.")
    assert _speech_speakers(body) == ["a housing minister"]


@pytest.mark.parametrize("body, expected", [
    ("“The dam will hold.” — Deputy Secretary of the Interior Ann Ruiz\n\nThe river rose.", ["Ann Ruiz"]),
    ("Floods hit the valley.\n\n“We were not ready for this.”\n\n-- Governor Ann Ruiz in an interview with a local "
     "radio station.", ["Ann Ruiz"]),
    # A round-up: the signer and the outlet on the quote's own line, or after a quote run across paragraphs that a
    # colon led into.
    ("“The levy is a tax on the poor.” Ann Ruiz, Valley Herald\n\n“It is fair.” Tom Park, Daily Ledger",
     ["Ann Ruiz", "Tom Park"]),
    ("Many argue the reverse:\n\n“The levy is unfair.\n\n“It hurts the poor most.”\n\nAnn Ruiz, Valley Herald",
     ["Ann Ruiz"]),
])
def test_signatures(body, expected):
    assert [s and s.split()[-2] + " " + s.split()[-1] for s in _speech_speakers(body)] == expected


def test_a_hyphenated_noun_heads_a_speaker_phrase():
    body = "“Nobody explained where the money went,” a co-founder told the radio station."
    assert _speech_speakers(body) == ["a co-founder"]


@pytest.mark.parametrize("body, wrong", [
    # An adverb after a relative 'who' leaves the place before it no subject of the verb.
    ("Ana Ruiz, the former Green mayor of Lyon who now calls herself a “Macron-ist,” is drawing crowds.", "Lyon"),
])
def test_the_place_before_who_and_an_adverb_is_no_speaker(body, wrong):
    assert wrong not in [row["speaker_surface"] for row in _rows(body)]


@pytest.mark.parametrize("body, expected", [
    ("The Daily Ledger quoted Ibrahim Kalin as saying “the talks are over for this year.”", ["Ibrahim Kalin"]),
    ("The paper quoted a senior official as saying that the plan “is dead for this year.”", ["a senior official"]),
    ("“The talks are over for this year,” Ibrahim Kalin was quoted by the Daily Ledger as saying.", ["Ibrahim Kalin"]),
])
def test_the_one_quoted_as_saying_speaks(body, expected):
    assert _speech_speakers(body) == expected


@pytest.mark.parametrize("body, expected", [
    ("A spokesman for the union explained: “The talks are over for this year.”", ["A spokesman"]),
    ("The lawyer for Ibrahim Kalin said: “My client will not testify this week.”", ["The lawyer"]),
])
def test_the_person_who_speaks_for_someone_speaks(body, expected):
    assert _speech_speakers(body) == expected


@pytest.mark.parametrize("body, expected", [
    ("Ibrahim Kalin toured the port. Most striking was his claim that the “harbour pays for every school in the "
     "county.”", ["Ibrahim Kalin"]),
    ("Ibrahim Kalin’s post that the U.K. levy had left “whole streets of shops empty” was shared widely.",
     ["Ibrahim Kalin"]),
    # A noun of speech no one owns names no one.
    ("The claim that the levy had left “whole streets of shops empty” was shared widely.", [None]),
])
def test_whose_statement_that_the_quote_reports(body, expected):
    assert _speech_speakers(body) == expected


def test_a_one_word_quote_in_a_possessed_statement_stays_a_term():
    body = "Ana Ruiz’s claim that she could not get a fair hearing from a “Dutch” judge made headlines."
    assert [(row["quote_kind"], row["speaker_surface"]) for row in _rows(body)] == [("term", None)]


def test_the_object_of_a_verb_is_no_subject_of_a_noun_read_as_a_verb():
    # 'the news reports': 'reports' is a noun here, the object of 'called'; Kalin speaks.
    body = "On the radio, Ibrahim Kalin called the budget claims “wild and baseless” and moved on."
    assert _speech_speakers(body) == ["Ibrahim Kalin"]


@pytest.mark.parametrize("body, expected", [
    # 'said', 'told' take a clause: its subject speaks, not the one who reports it.
    ("Neighbours said the landlord yelled “get out of my house” at the tenants.", ["the landlord"]),
    ("Staff said Okonkwo warned that the merger was “never going to get past the regulators.”", ["Okonkwo"]),
    ("Sources told us the mayor admitted he was “completely out of his depth.”", ["the mayor"]),
])
def test_the_subject_of_a_reported_clause_is_no_object(body, expected):
    assert _speech_speakers(body) == expected


@pytest.mark.parametrize("body, expected", [
    ("The council has passed the budget, calling it “a fair deal for every street in the town.”", ["The council"]),
    ("At a rally, Ibrahim Kalin thanked the mayor, describing him as “a very good friend of this city.”",
     ["Ibrahim Kalin"]),
])
def test_calling_and_describing_carry_the_subjects_words(body, expected):
    assert _speech_speakers(body) == expected


@pytest.mark.parametrize("body, expected", [
    ("Tomas Berg retired in 2019. And this is how he described the last season: “We lost every away game and "
     "still sold out the ground.”", ["Tomas Berg"]),
    ("This is how the Harbour Board summed up the year: “Fewer ships, bigger ships, and longer waits.”",
     ["Harbour Board"]),
    ("Here is how to apply: “Fill in the form and send it back to us.”", [None]),
    # An event or a thing the clause is about, not someone putting it into words.
    ("This is how the fire started: “A spark from the grinder landed in the sawdust.”", [None]),
    ("Here is how the budget breaks down: “Four million for roads, two for the schools.”", [None]),
])
def test_how_x_put_it_before_a_colon(body, expected):
    assert _speech_speakers(body) == expected


@pytest.mark.parametrize("body, expected", [
    # A quote standing as a sentence after one whose subject is a person named, no one speaking before it.
    ("The harbour is quiet. A Republican legislator, Ibrahim Kalin, has sold two of his three trawlers. "
     "“I could not keep paying crews for boats that never leave the quay.”", ["Ibrahim Kalin"]),
    ("The town is small. Ibrahim Kalin won the race on Monday. “We did it, and we did it together.”",
     ["Ibrahim Kalin"]),
    # Not the one the sentence acts on, nor a group.
    ("The town is small. Ibrahim Kalin was sued by the city last year. “He is a liar and a cheat who will pay.”",
     [None]),
    ("The town is small. Local officials won the case on Monday. “We did it, and we did it together.”", [None]),
])
def test_a_quote_after_a_sentence_whose_subject_is_a_person(body, expected):
    assert _speech_speakers(body) == expected


@pytest.mark.parametrize("body", [
    # A caption or comment with no verb after a sentence about a person is the writer's, not theirs.
    "Ana Ruiz lost in the second round. “A quiet end to a very long career.”",
    "Tomas Berg joined the club in 2021. “The best signing of the whole decade.”",
    # A source named after the quote gives the words, not the subject of the sentence.
    "Ana Ruiz chairs the panel. Ruiz is “meant to act as referee and enforcer” on the panel, according to Der Bund.",
])
def test_no_verb_or_a_later_source_gives_no_subject_the_words(body):
    assert _speech_speakers(body)[-1] is None


@pytest.mark.parametrize("body, expected", [
    # A plural noun heads no speaker phrase: 'told reporters' is the verb's object, and 'Green senators' inside
    # dashes only describes the one who speaks.
    ("Officials told reporters Okonkwo promised “a fresh start for every family in the region.”", ["Okonkwo"]),
    ("Ana Ruiz — one of the few undecided Green senators at the time — said she was “stunned.”", ["Ana Ruiz"]),
])
def test_a_plural_noun_heads_no_speaker_phrase(body, expected):
    assert {row["speaker_surface"] for row in _rows(body) if row["quote_kind"] != "indirect"} <= {*expected, None}


def test_a_title_inside_an_opening_phrase_is_no_fronted_quote():
    body = "In a talk on “Night Desk,” Ibrahim Kalin pointed to the port as the key, adding nothing."
    assert _speech_speakers(body) == []


def test_the_subject_of_a_sentence_is_read_after_its_last_semicolon():
    body = ("As a boy Ibrahim Kalin worked for a baker; the baker’s rule was, “Bread that sells out by noon was "
            "baked too small.”")
    assert _speech_speakers(body) == [None]


def test_a_participle_that_introduces_no_words_opens_no_speech():
    body = "Continuing its “war on graffiti,” the council painted over forty walls in the old town."
    assert [(row["quote_kind"], row["speaker_surface"]) for row in _rows(body)] == [("term", None)]


def test_the_main_subject_after_an_opening_participle_speaks():
    body = "Calling the new levy a “tax on every family in the valley,” Ibrahim Kalin then left the hall."
    assert _speech_speakers(body) == ["Ibrahim Kalin"]


def test_a_surname_the_article_gives_a_person_is_a_person_subject():
    # 'Marta Olsen' is named first; 'Olsen' alone, the subject of a sentence with no speech verb, speaks.
    body = ("Marta Olsen runs the bakery.\n\nOlsen, meanwhile, is attacking the council for wanting to “close every "
            "shop on the square.”")
    assert _speech_speakers(body) == ["Olsen"]


def test_a_name_in_apposition_to_a_role_with_no_determiner_speaks():
    body = ("“The trains will run again by June,” head of the rail board, Rubén Moreno, told a local radio "
            "station.")
    assert _speech_speakers(body) == ["Rubén Moreno"]


@pytest.mark.parametrize("body", [
    # A place, or a person who only modifies the subject, is no one whose words follow.
    "Farms in Chile are dry. Chile is chasing the goal of “water for every valley in the whole country.”",
    "Marta Olsen won. The Olsen bakery wants a new sign above its door. “We bake every day, and all of it on site.”",
    "Marta Olsen won. The Olsen press office issued a slogan. “We bake every day, and we bake it all on site.”",
])
def test_no_person_subject_no_speaker(body):
    assert _speech_speakers(body) == [None]


def test_it_stands_for_the_organisation_the_sentence_before_is_about():
    body = ("In May the Daily Ledger wrote about the port.\n\nThe Valley Herald dug deeper. “Over six years, "
            "the port lost more than $40 million on bad leases,” it found.")
    assert _speech_speakers(body) == ["Valley Herald"]


@pytest.mark.parametrize("body", [
    # 'It' stands for no person whose words the quote would be.
    "The rule is new. It asks each farm to prove the wells are used to “water crops and nothing else at all.”",
    # A question before the quote is someone's words, not a statement about its subject.
    "Marta Olsen took the stand. Are you sure of it? “No, I am not sure of anything at all.”",
])
def test_no_person_subject_before_the_quote(body):
    assert _speech_speakers(body)[-1] is None


def test_a_participle_opening_the_sentence_is_no_part_of_the_possessor():
    body = "Quoting Ibrahim Kalin’s remark that the port was “the heart of the whole town” then, Jo sat down."
    assert _speech_speakers(body) == ["Ibrahim Kalin"]


def test_a_naming_participle_with_no_comma_belongs_to_the_noun_before_it():
    body = "The members approved a resolution calling for the city to “cease all building work at once.”"
    assert _speech_speakers(body) == [None]


@pytest.mark.parametrize("body, expected", [
    # After a preposition the participle is the subject's own act.
    ("Okafor answered by calling the whole inquiry “a witch hunt run by his rivals” and walked out.", ["Okafor"]),
    ("Marta Olsen asked the council to join her in calling for “a full and public inquiry into the fire.”",
     ["Marta Olsen"]),
])
def test_a_naming_participle_after_a_preposition_is_the_subjects(body, expected):
    assert _speech_speakers(body) == expected


def test_the_writer_is_no_speaker():
    assert _speech_speakers("It was a joke, but “the joke is on all of us now,” I’d still say.") == [None]


def test_a_dash_line_that_describes_rather_than_names_signs_nothing():
    body = "“Two thirds would move”\n\n-- Share of renters in a city survey last year."
    assert _speech_speakers(body) == [None]


def test_a_described_subject_is_not_the_place_it_is_in():
    body = ("A federal judge in Ohio on Friday halted the sale, describing the deal as an effort “to hide the "
            "losses from the bank’s own auditors.”")
    assert _speech_speakers(body) == ["A federal judge"]


def test_a_title_in_a_headline_names_no_one():
    body = ("Governor Ann Ruiz Will Visit Flooded Towns On Monday\n\nSpeaking in the capital, the governor said "
            "that “every family that lost a home will be housed by winter.”")
    assert _speech_speakers(body) == ["the governor"]


@pytest.mark.parametrize("body, expected", [
    # A name alone after the quote, its verb left out by the writer.
    ("“The people voted for an outsider,” White House spokeswoman Ann Ruiz. “They will get one.”",
     ["Ann Ruiz", "Ann Ruiz"]),
    ("“We will win this time, and win big,” Mr.", [None]),
])
def test_a_name_alone_after_a_quote(body, expected):
    assert _speech_speakers(body) == expected


@pytest.mark.parametrize("body", [
    # A document is no signer; a title and its maker, then a country, is no 'Name, Outlet' signature.
    "“The harbour will not survive another winter like this.”\n\n-- Editorial in the Daily Ledger on Friday.",
    "Picks of the year:\n\n“Still Water” Ines Varga, Spain\n\n“The Long Field” Tomas Berg, Norway",
])
def test_no_document_or_title_line_is_a_signature(body):
    assert _rows(body)[-1]["speaker_surface"] is None


def test_a_name_and_outlet_after_a_quote_still_signs_it():
    assert _speech_speakers("“We will not sell the club to anyone.” Tomas Berg, Daily Ledger") == ["Tomas Berg"]


@pytest.mark.parametrize("body", [
    # A title and its author in a list, and an abbreviated title cut off by its point, are no speaker alone.
    "Best books of the year:\n\n“Still Water,” Ines Varga.\n\n“The Long Field,” Tomas Berg.",
    "“The vote is rigged,” Gov. Ana Ruiz Ana RuizState panel delays hearing",
    "“I do not think the bishop will change a thing,” the Rev. Anna Holt , vicar of the parish, told me.",
])
def test_no_title_list_or_lone_abbreviation_speaks(body):
    assert _rows(body)[-1]["speaker_surface"] is None
