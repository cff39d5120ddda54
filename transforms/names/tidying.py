"""A candidate -> the candidate cut to its name: no party tag, stock ticker, shouted word, title of the next name,
sentence opener, question's verb or stray first word before it, and no page text run into it."""

import re

from transforms.lexicon import (
    MONTHS,
    NOT_NAMES,
    ORGANISATION_WORDS,
    PLACE_OPENERS,
    THING_WORDS,
    TITLES,
    WEEKDAYS,
    english_word,
    fold_word,
    is_demonym,
)
from transforms.names import gazetteer
from transforms.names.capitalised import Candidate
from transforms.names.name_words import TITLE_ABBREVIATIONS, key_tokens, name_type, role_word

_PARTY_TAG = re.compile(r"(?:^|\s)[DRI]-[A-Z][\w.]*$")  # 'Sen. Tom Coburn, R-Okla.': a party and state, no name


# Verbs of a credit line, capitalised before 'by' ('Edited by', 'Produced by'): never the end of the name before them.
_CREDITS = frozenset("""edited produced reported written photographed illustrated compiled designed directed narrated
reviewed translated hosted moderated presented sponsored curated animated filmed""".split())


_SHOUTED = re.compile(r"\s[A-Z]{4,}$")


# Small words that join a name to what follows and never end one (written in lower case: 'Of' may open a title).
FUNCTION_WORDS = frozenset({"and", "or", "of", "for", "on", "the", "to", "in", "at", "by", "with", "from", "as"})


# A weekday or month after 'on', 'in', 'by' ... dates what the sentence says; a name never ends with one.
_TIME_JOINERS = frozenset({"on", "in", "by", "since", "until"})
_DAYS_AND_MONTHS = MONTHS | WEEKDAYS


_TICKER = re.compile(r",\s*[+\-−]\d")


def tidy(text: str, candidate: Candidate) -> Candidate:
    """A candidate cut to its name: no party tag, no shouted word after it ('Bill Barr REALLY'), and no sentence
    opener that is an English word and no given name before it ('Banishing Kelly', 'Members of The POLITICO Caucus';
    not 'Kellyanne Conway')."""
    surface, start = candidate.surface, candidate.start_char
    if " " not in surface and "-" not in surface:
        return candidate  # one word: no tag, shouted tail, title or opener to cut (most candidates)
    ticker = text.startswith(",", candidate.end_char) and _TICKER.match(text, candidate.end_char)
    if ticker and " " in surface and surface.rsplit(" ", 1)[1].isupper() and len(surface.rsplit(" ", 1)[1]) <= 5:
        surface = surface.rsplit(" ", 1)[0]  # 'Home Depot HD, +0.03%': a stock ticker after the name
    for pattern in (_PARTY_TAG, _SHOUTED):
        if (pattern is _PARTY_TAG and "-" not in surface) or (pattern is _SHOUTED and not surface[-4:].isupper()):
            continue  # no hyphen for a tag, or no capitals to end in: most runs, read without a search
        found = pattern.search(surface)
        if found and not surface.isupper() and not surface[:found.start()].endswith((" and", " or", " of", " for")):
            surface = surface[:found.start()]
    words = surface.split(" ")
    while len(words) > 2 and words[-2] in _TIME_JOINERS and fold_word(words[-1]) in _DAYS_AND_MONTHS:
        words = words[:-2]  # 'Committee on Farm Policy on Tuesday': a date after the name is no part of it
    while len(words) > 1 and words[-1] in FUNCTION_WORDS:
        words = words[:-1]  # 'Lena Ortiz for': a preposition or conjunction ends no name, it joins the next words
    surface = " ".join(words)
    after = start + len(surface)
    if len(words) >= 2 and words[-1].casefold() in _CREDITS and text.startswith(" by ", candidate.end_char):
        words = words[:-1]  # '… and Sarah Slobin Edited by John Blanton': a credit's verb after the name
        surface = " ".join(words)
        after = start + len(surface)
    if _role_after(words):
        words = words[:-1]  # '-Robert Unanue CEO @GoyaFoods': a role after a person's name
        surface = " ".join(words)
        after = start + len(surface)
    if len(words) >= 2 and words[-1].casefold() in TITLE_ABBREVIATIONS and text[after:after + 1] == ".":
        words = words[:-1]  # 'Vermont Sen. Bernie Sanders': the title belongs to the next name
        while len(words) > 1 and words[-1].casefold() in ("and", "of", "the", "for", "on", "as"):
            words = words[:-1]  # 'Sen. John Thune and Sen. John Cornyn'
        surface = " ".join(words)
    if len(words) >= 3 and is_demonym(words[-1]) and words[-2] in ("the", "of", "for", "and"):
        while len(words) > 1 and (is_demonym(words[-1]) or words[-1] in ("the", "of", "for", "and")):
            words = words[:-1]  # 'Carter for the Democratic nomination': an adjective of the words after the run
        surface = " ".join(words)
    person = _person_after_complement(text, start, words)
    if person:  # 'Secretary of State Hillary Rodham Clinton': the office's complement is no part of the name
        cut = len(" ".join(words[:person])) + 1
        surface, start, words = surface[cut:], start + cut, words[person:]
    written_twice = _written_twice(words, text, start)
    if written_twice < len(words):  # 'Kathleen Rice Kathleen Maura RiceProgressive': glued to the next words
        words = words[:written_twice]
        surface = " ".join(words)
    if _stray_first_word(words, text, surface, start):  # 'Apparently Mitt Romney', 'Utah Mitt Romney'
        surface, start = surface[len(words[0]) + 1:], start + len(words[0]) + 1
        words = words[1:]
    if len(words) >= 2 and words[0] in _MODALS and opens_sentence(text, start) and _asks(text, after):
        words = words[1:]  # 'Will Obama strike?': a question's verb, not a given name
        cut = len(surface) - len(" ".join(words))
        surface, start = surface[cut:], start + cut
    places = gazetteer.places()
    if len(words) >= 2 and opens_sentence(text, start) and _opener(words) and words[0] not in _SAINTS and \
            english_word(words[0]) and fold_word(words[0]) not in gazetteer.given_names() and \
            not places.is_place(fold_word(words[0])) and \
            not places.is_place(" ".join(key_tokens(" ".join(words[:2])))):  # 'New York officials': 'York' is a name
        rest = 1
        while rest < len(words) and (not words[rest][:1].isupper() or words[rest].casefold() == "the"):
            rest += 1
        cut = len(" ".join(words[:rest])) + 1
        surface, start = surface[cut:], start + cut
    if (surface, start) == (candidate.surface, candidate.start_char):
        return candidate
    return Candidate(surface, start, start + len(surface), candidate.note)


_ROLE_OF_BEFORE = re.compile(r"\b([A-Z][a-z]+) of (?:the )?$")


def _person_after_complement(text: str, start: int, words: list[str]) -> int:
    """Where a person's name starts in a run that follows an office and its 'of' ('Secretary of State Hillary Rodham
    Clinton', 'Secretary of Health and Human Services Alex Azar', 'Governor of Ohio Jane Roe'): at the complement's
    first given name, where a person's name of capitalised words opens and ends the run; else after the longest place
    the complement opens with; else at the first word English does not know after common words; 0 when no office and
    'of' come before the run ('Dow Jones Industrial Average') or a joining word follows the name ('State Mike Pompeo
    and Treasury Secretary Steven Mnuchin' is read apart first)."""
    of_the = text.endswith(" of the ", 0, start)
    if not (of_the or text.endswith(" of ", 0, start)) or len(words) < 2:
        return 0
    office = _ROLE_OF_BEFORE.search(text, max(0, start - 30), start)
    if not office or not role_word(office.group(1)):
        return 0
    given = gazetteer.given_names()
    places = gazetteer.places()
    named = next((i for i in range(1, len(words) - 1) if fold_word(words[i]) in given and words[i][:1].isupper()
                  and not places.is_place(" ".join(key_tokens(" ".join(words[:i + 1]))))), None)  # 'New York Andrew …'
    if named is not None:
        person = words[named:]
        return named if all(w[:1].isupper() for w in person) and name_type(key_tokens(" ".join(person))) == "person" \
            else 0
    # 'Mayor of Springfield Ada Quist': the complement is a place of the gazetteer, the person's name follows it
    place = next((i for i in range(len(words) - 2, 0, -1) if places.is_place(" ".join(key_tokens(" ".join(
        words[:i]))))), None)  # a full name of two words at least after it: 'Mayor of San Juan' is the place
    if place is not None and _name_words(words[place:]) and not places.is_place(" ".join(key_tokens(" ".join(words)))):
        return place
    # 'Secretary of Homeland Security Kirstjen Nielsen', 'Secretary of State Pompeo': a complement of common words
    # (a field or department), then the first word English does not know opens the name; after 'of the' the
    # complement's first word is a noun whatever it is ('Chancellor of the Exchequer Ada Quist')
    # ('Secretary of State Brixley': one word after the field is the titled surname though a town bears it, unless a
    # country, state or big city does)
    field = next((i for i in range(int(of_the), len(words)) if not english_word(words[i])), None)
    rest = key_tokens(" ".join(words[field:])) if field else ()
    if field and _plain_words(words[field:]) and \
            not places.is_place(" ".join(key_tokens(" ".join(words[:field + 1])))) and \
            (name_type(rest) not in ("place", "organisation") or  # 'New York City'
             (len(rest) == 1 and not places.is_major(rest[0]) and rest[0] not in ORGANISATION_WORDS)):
        return field
    return 0


def _name_words(words: list[str]) -> bool:
    """Whether capitalised words, hyphenated or not and no place's or body's, opening with a given name or a word
    English does not know ('Hall' after 'Mayor of Springfield City' is a word), may be a person's name."""
    return (fold_word(words[0]) in gazetteer.given_names() or not english_word(words[0])) and \
        _plain_words([w.replace("-", "") for w in words]) and \
        name_type(key_tokens(" ".join(words))) not in ("place", "organisation")


def _plain_words(words: list[str]) -> bool:
    """Whether every word is capitalised, of letters only and not in capitals: a person's name can be."""
    return all(w.isalpha() and w[:1].isupper() and not w.isupper() for w in words)


def _role_after(words: list[str]) -> bool:
    """Whether a run's last word is a role after a person's name of two words or more ('Robert Unanue CEO'); titles
    that are surnames too end a person's name ('Martin Luther King', 'John Major')."""
    last = words[-1]
    return len(words) >= 3 and last.casefold() in TITLES and (last.isupper() or last.casefold() in _ROLES_AFTER) and \
        name_type(key_tokens(" ".join(words[:-1]))) == "person"


# Roles written after a name ('Jane Doe, Chairman' run together) that no one bears as a surname.
_ROLES_AFTER = frozenset("""president chairman chairwoman spokesman spokeswoman spokesperson director secretary senator
governor minister ambassador counsel adviser advisor aide lawmaker premier chancellor deputy chief""".split())


def without_role_after(candidate: Candidate) -> Candidate:
    """'Hillary Clinton Chief' (of 'Hillary Clinton Chief of Staff Cheryl Mills') -> 'Hillary Clinton'."""
    words = candidate.surface.split(" ")
    if not _role_after(words):
        return candidate
    surface = " ".join(words[:-1])
    return Candidate(surface, candidate.start_char, candidate.start_char + len(surface), candidate.note)


def _stray_first_word(words: list[str], text: str, surface: str, start: int) -> bool:
    """Whether a run's first word is no part of the name after it: a sentence's opening word, or a place, that is no
    given name, title, nationality, body's word or acronym, before a name of two words or more, no body's, place's or
    law's, that the text also writes without it ('Apparently Mitt Romney', 'Utah Mitt Romney' beside 'Mitt Romney';
    not 'National Park Service' beside 'Park Service', 'Black Lives Matter')."""
    if len(words) < 3 or not words[1][:1].isupper() or words[0].isupper() or not words[0].isalpha() or \
            len(words[0]) < 3 or role_word(words[1]) or is_demonym(words[0]):
        return False  # ('Godspeed President Bush': the title before the name is cut by the rules for roles)
    first = fold_word(words[0])
    tokens = key_tokens(surface[len(words[0]) + 1:])
    if name_type(tokens) in ("place", "organisation") or tokens[-1] in THING_WORDS or \
            not (opens_sentence(text, start) or gazetteer.places().is_place(first)):
        return False
    return not (first in gazetteer.given_names() or first in ORGANISATION_WORDS or first in PLACE_OPENERS or
                role_word(words[0])) and _written_alone(text, surface[len(words[0]) + 1:], words[0],
                                                         start + len(words[0]) + 1)


def _written_alone(text: str, name: str, word: str, here: int) -> bool:
    """Whether the text writes a name somewhere else without this word before it, and no other capitalised word
    ('Mitt Romney said', 'Sen. Mitt Romney', 'Later Mitt Romney'; not 'Voting Rights Act' for 'Rights Act')."""
    at = text.find(name)
    while at >= 0:
        before = text[max(0, at - 40):at].split()
        last = before[-1].lstrip(_MARKS) if before else ""
        if at != here and last != word and (not last[:1].isupper() or last[-1] in '.:!?"”“' or
                                            last.casefold() in NOT_NAMES):
            return True
        at = text.find(name, at + len(name))
    return False


_MARKS = "\"'“‘([{"


_SAINTS = frozenset({"St.", "Ste.", "St", "Saint"})  # 'St. Rose of Lima Roman Catholic Church' opening a sentence


_MODALS = frozenset({"Will", "Can", "May", "Should", "Would", "Could", "Did", "Does", "Do", "Is", "Are", "Has"})


_SENTENCE_END = re.compile(r"[.!?\n]")


def _asks(text: str, after: int) -> bool:
    """Whether the sentence going on after this point ends in a question mark."""
    found = _SENTENCE_END.search(text, after, after + 300)
    return bool(found) and found.group() == "?"


_GLUED_NAME = re.compile(r"((?:Mc|Mac)?[A-Z][a-z]{2,})[A-Z][a-z]")  # 'McConnellOvernight', 'TrumpGOP' is GLUED's
_NICKNAME_AFTER = re.compile(r" \(([A-Z][a-z]+)\) [A-Z]")
GLUED = re.compile(r"([A-Z][a-z]{2,})[A-Z]")  # 'TrumpGOP': a word glued to the next one, the page's markup lost


def _written_twice(words: list[str], text: str, start: int) -> int:
    """How many words a name shown and then written again in full keeps ('Lindsey Graham Lindsey Olin GrahamGOP',
    'Trump Donald John TrumpGOP', 'Pete Buttigieg Peter', a tooltip's text run into the prose): all when it is not."""
    again = [i for i, w in enumerate(words) if i >= 2 and w == words[0] and words[i - 1][:1].isupper()]
    if again:  # ('New York and New Jersey' is two names, split later)
        return again[0]
    if len(words) >= 4 and words[-1] in words[1:-2] and all(w[:1].isupper() for w in words):
        # 'Pete Buttigieg Peter Paul Montgomery Buttigieg'; not 'Hillary Clinton and Bill Clinton'
        return words.index(words[-1]) + 1
    # (both patterns need a capital after a word's third letter: a word in lower case from there is read no further)
    glued = next((i for i, w in enumerate(words) if i >= 1 and not w[3:].islower() and
                  (_GLUED_NAME.match(w) or GLUED.match(w))), None)
    if glued is not None:
        shown = (_GLUED_NAME.match(words[glued]) or GLUED.match(words[glued])).group(1)
        if shown in words[:glued - 1]:
            return words.index(shown) + 1
        if shown in text[max(0, start - 80):start]:
            return 0  # 'Chris Stewart Christopher (Chris) Douglas StewartIt's': the rest of a full name shown again
    given = gazetteer.given_names()
    after = start + sum(map(len, words)) + len(words) - 1  # where the words end
    nickname = len(words) >= 3 and text.startswith(" (", after) and _NICKNAME_AFTER.match(text, after)
    if len(words) >= 3 and nickname and fold_word(words[-1]) in given and fold_word(nickname.group(1)) in given:
        return len(words) - 1  # 'Mitch McConnell Addison (Mitch) Mitchell McConnell…': a full name shown again
    if len(words) == 3 and all(w.isalpha() and w[:1].isupper() for w in words) and words[2][0] == words[0][0] \
            and fold_word(words[0]) in given and fold_word(words[2]) in given:
        return 2  # 'Jan Schakowsky Janice': the full given name of the name shown starts again
    return len(words)


def _opener(words: list[str]) -> bool:
    """Whether a run's first word may be a sentence's opening word rather than part of the name: a given name
    ('Banishing Kelly') or a joining word ('Members of The POLITICO Caucus') follows; 'World War II' stays whole."""
    return fold_word(words[0]) not in ORGANISATION_WORDS and (
        words[1].casefold() in ("of", "the", "for") or
        (fold_word(words[1]) in gazetteer.given_names() and
         not (role_word(words[1]) and fold_word(words[-1]) not in ORGANISATION_WORDS)))
    # ('Attorney General Barr' keeps its office to be cut whole; 'Former Justice Department' loses 'Former')


def opens_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 3):start].rstrip(" \"“‘'")
    return not before or before[-1] in ".!?:\n"
