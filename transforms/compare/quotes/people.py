"""The people an article names, with gender and number, so a pronoun goes only to someone it can stand for.

A person is a known person entity, or two to four capitalised words whose first (after any title) is a given name
in gender-guesser's list (about 40,000 names from many countries), or a surname after Mr./Ms./Dr./Sen. ...; a
lone surname later in the article is the same person. Gender, most telling first: the title (Mr. is male, Ms. and
Mrs. female), the given name, a gendered role next to the name ('spokeswoman Jane Doe', 'Doe, a congressman'),
then the pronouns the article itself uses right after naming them ('Doe said she ...'). A surname two people of
different gender share (Bill and Hillary Clinton) tells no gender on its own.
"""

import re
from bisect import bisect_left
from collections import Counter
from functools import lru_cache
from importlib.resources import files
from typing import NamedTuple

from gender_guesser.detector import Detector

from transforms.compare.quotes.speech import CAP_WORD, FEMALE_ROLES, MALE_ROLES, PERSON_NOUNS, THING_NOUNS, UPPER
from transforms.lexicon import NOT_NAMES, TITLES, fold_word, is_demonym

MALE_TITLES = frozenset({"mr", "mr.", "sir", "lord", "king", "prince", "sheikh"})
FEMALE_TITLES = frozenset({"ms", "ms.", "mrs", "mrs.", "miss", "lady", "queen", "princess", "madam"})
# Titles that stand right before a surname ('Mr. Hatch', 'Sen. Reed').
_NAME_TITLES = frozenset("mr mrs ms miss dr sen rep gov prof rev sir lady lord".split())
_GUESSES = {"male": "male", "mostly_male": "male", "female": "female", "mostly_female": "female", "andy": ""}
# Two to four capitalised words (an initial may stand between), or a title then one: the places a person is named.
# It opens with a character class and looks behind only after it, so the scan skips ahead in C.
_NAME = re.compile(rf"[{UPPER}](?<![\w’'\-.][{UPPER}])(?:(?<=[MDSRGLCPJ])(?:r|rs|s|en|ep|ov|t|ol|apt|rof|ev)\.|"
                   rf"[\w’'\-&]*)(?:[^\S\n]+(?:(?:[A-Z]\.){{1,3}}\s+)?(?:{CAP_WORD})){{0,4}}")  # 'George H.W. Bush'
_PRONOUN_AFTER = re.compile(r"[^.!?\n“”\"]{0,80}?\b(he|his|him|she|her|hers)\b", re.IGNORECASE)
_WORD_BEFORE = re.compile(r"([A-Z][\w’'\-]+)\s+$")
_ROLE_NEAR = re.compile(r"\b([a-z]+)\s*$")
_ROLE_AFTER = re.compile(r",\s+(?:a|an|the)\s+(?:[\w’'\-]+\s+){0,3}?([a-z]+)\b")


class Person(NamedTuple):
    """One place a person is named: span, surface, surname key, and that place's own gender evidence."""

    start: int
    end: int
    surface: str
    key: str
    gender: str | None  # 'male', 'female', '' (a person of unknown gender) or None (not known to be one)
    entity_id: str | None = None


# The sex column of gender-guesser's name list -> its gender words ('1M', '?M': mostly male).
_SEXES = {"M": "male", "1M": "mostly_male", "?M": "mostly_male", "F": "female", "1F": "mostly_female",
          "?F": "mostly_female", "?": "andy"}


class _Names(Detector):
    """gender-guesser's Detector, its name list read in one piece (its own reader goes line by line)."""

    def _parse(self, filename: str) -> None:
        # _eat_name_line and _set inlined: the same table, read without two method calls per line of 48,000.
        names: dict[str, dict[str, str]] = {}
        self.names = names
        for line in files("gender_guesser").joinpath("data/nam_dict.txt").read_text(encoding="utf-8").splitlines():
            if not line or line[0] in "#=":
                continue
            line = line.strip()
            if line[0] in "#=":
                continue
            sex, name = line.split(None, 2)[:2]
            gender, values = _SEXES[sex], line[30:-1]
            name = name.lower()
            for spelling in (name.replace("+", joint) for joint in ("", " ", "-")) if "+" in name else (name,):
                names.setdefault(spelling, {})[gender] = values


@lru_cache(maxsize=1)
def _detector() -> Detector:
    return _Names(case_sensitive=False)


@lru_cache(maxsize=1 << 16)
def given_name_gender(word: str) -> str | None:
    """'Loretta' -> 'female', 'Peter' -> 'male', 'Jordan' -> '' (either), 'Pentagon' -> None (not a given name)."""
    if len(word) < 2 or not word[0].isupper() or word.casefold() in NOT_NAMES:
        return None
    return _GUESSES.get(_detector().get_gender(word))


@lru_cache(maxsize=1 << 16)
def person_gender(word: str) -> str | None:
    """given_name_gender, for telling whom a pronoun stands for: '' (either) for a name the list gives one gender
    overall and the other in the US ('Jean', 'Robin', 'Bernie'), so the article's own pronouns decide."""
    gender = given_name_gender(word)
    if gender and _GUESSES.get(_detector().get_gender(word, "usa"), gender) not in (gender, ""):
        return ""
    return gender


def _title_gender(words: list[str]) -> str | None:
    for word in words:
        lower = word.casefold()
        if lower in MALE_TITLES:
            return "male"
        if lower in FEMALE_TITLES:
            return "female"
    return None


def _person(body: str, match: re.Match) -> Person | None:
    """A capitalised run -> the person it names from its first given name on ('Attorney General Loretta Lynch' ->
    'Loretta Lynch'), or from the surname after a title ('Mr. Hatch'), or None."""
    words = match.group().split()
    lead = titled_at = None
    for i, word in enumerate(words[:-1]):  # one pass: the first given name, else the word after the first title
        folded = word.casefold().rstrip(".")
        if folded not in TITLES and given_name_gender(word) is not None:
            lead = i
            break
        if titled_at is None and folded in _NAME_TITLES:
            titled_at = i + 1
    if lead is None:
        lead = titled_at
    if lead is None:
        return None
    name = words[lead:]
    end = match.end()
    if name[-1].endswith(("’s", "'s")):  # 'Hillary Clinton's health': the name ends before the possessive
        name[-1], end = name[-1][:-2], end - 2
    titled = _title_gender(words[:lead])
    given = person_gender(name[0]) if len(name) > 1 else None
    role = _role(body, match.start(), match.end())
    start = body.index(name[0], match.start() + sum(len(w) + 1 for w in words[:lead]))
    return Person(start, end, " ".join(name), fold_word(name[-1]), titled or role or given or "")


def _role(body: str, start: int, end: int) -> str | None:
    """Gender of a role word right before a name or in its appositive: 'spokeswoman Jane Doe', 'Doe, a congressman'."""
    for match in (_ROLE_NEAR.search(body, max(0, start - 30), start), _ROLE_AFTER.match(body, end)):
        if match and match[1] in FEMALE_ROLES:
            return "female"
        if match and match[1] in MALE_ROLES:
            return "male"
    return None


def find_people(body: str, quoted, mentions, said_by: set[str]) -> list[Person]:
    """Body + a test for 'inside a quote' + person mentions + the lone capitalised words that speak ('Trump said')
    -> every place a person is named, in body order, each with the gender the article gives that person (by
    surname) wherever it is told."""
    found = [Person(m.start, m.end, m.surface, fold_word(m.surface.split()[-1]),
                    person_gender(m.surface.split()[0]) if len(m.surface.split()) > 1 else None, m.entity_id)
             for m in mentions if m.is_person]
    taken = sorted((p.start, p.end) for p in found)
    lone = []  # (start, word) of the last word of each capitalised run that names no one on its own
    for match in _NAME.finditer(body):
        if taken:
            i = bisect_left(taken, (match.end(),))
            if i and taken[i - 1][1] > match.start():
                continue  # a known person's mention covers it
        text = match.group()
        person = _person(body, match) if " " in text else None
        if person is None:
            last = text.rsplit(None, 1)[-1]
            lone.append((match.end() - len(last), last))
        elif not quoted(person.start):
            found.append(person)
    keys = {p.key for p in found} | said_by
    bodies = {m.surface.casefold() for m in mentions if m.is_thing}
    folded: dict[str, str] = {}
    for start, last in lone:
        word = last.removesuffix("’s").removesuffix("'s")
        if word not in folded:
            folded[word] = fold_word(word)
        if folded[word] in keys and not quoted(start) and not _names_no_one_alone(word, bodies):
            found.append(Person(start, start + len(word), word, folded[word], None))
    found.sort()
    genders = _genders(body, found)
    return [Person(p.start, p.end, p.surface, p.key, genders.get(p.key, p.gender or ""), p.entity_id) for p in found]


def _names_no_one_alone(word: str, bodies: set[str]) -> bool:
    """A capitalised word that is no person's surname when it stands alone, whatever name ends with it elsewhere: a
    plural of a person noun ('Republicans', 'Officials') is a group; a word in capitals that the article names as an
    organisation or other body ('NATO'), that body. Other capitals stay a surname: a transcript's speaker label
    ('LEE: …') or a wire style that sets surnames in capitals. 'I' alone is the pronoun, though a regnal name ends with
    it."""
    return word == "I" or (word.isupper() and word.casefold() in bodies) \
        or (word[-1:] == "s" and word.casefold() in PERSON_NOUNS)


def speakers_named(body: str, verb_starts: list[int]) -> set[str]:
    """Body + where its speech verbs start -> surname keys of lone capitalised words right before one ('Trump said'):
    people, of unknown gender."""
    keys = set()
    for at in verb_starts:
        word = _WORD_BEFORE.search(body, max(0, at - 25), at)
        # 'Officials said', 'ISIS said': a common noun opening a sentence or an acronym names no person
        if word and word[1].casefold() not in NOT_NAMES and not is_demonym(word[1]) and not word[1].isupper() \
                and word[1].casefold() not in PERSON_NOUNS | THING_NOUNS:
            keys.add(fold_word(word[1]))
    return keys


def _genders(body: str, people: list[Person]) -> dict[str, str]:
    """Surname key -> the gender the article tells for it: titles, given names and roles first, then pronouns."""
    told: dict[str, set[str]] = {}
    for p in people:
        if p.gender:
            told.setdefault(p.key, set()).add(p.gender)
    out = {key: next(iter(g)) for key, g in told.items() if len(g) == 1}
    votes: dict[str, Counter] = {}
    for p in people:
        if p.key not in told:
            after = _PRONOUN_AFTER.match(body, p.end)
            if after:
                votes.setdefault(p.key, Counter())["female" if after[1].lower()[0] == "s" or
                                                   after[1].lower().startswith("her") else "male"] += 1
    for key, counter in votes.items():
        (gender, n), *rest = counter.most_common()
        if not rest or n > rest[0][1]:
            out[key] = gender
    return out


def fits(gender: str | None, pronoun: str) -> bool:
    """A person's gender and a pronoun -> whether the pronoun may stand for them ('' is a person of either)."""
    if pronoun in ("he", "him", "his"):
        return gender in ("male", "")
    if pronoun in ("she", "her"):
        return gender in ("female", "")
    return False


def named_before(people: list[Person], before: int, reach: int) -> list[Person]:
    """People named within reach before `before`, the last first."""
    hi = bisect_left(people, (before,))
    lo = bisect_left(people, (before - reach,))
    return people[lo:hi][::-1]
