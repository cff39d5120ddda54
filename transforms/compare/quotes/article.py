"""One article body as its quotes are read: Doc (the body, its mentions and quoted stretches, with its speech verbs,
sentence subjects and places found once, on demand), and the Mention, Speaker and Clause records read in it."""

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import NamedTuple

import ahocorasick

from transforms.compare.quotes.people import given_name_gender
from transforms.compare.quotes.speech import CAP_WORD, PHRASAL, SCAN_VERB, SCAN_WORDS
from transforms.compare.quotes.subjects import subject

# Not after a hyphen: 'the so-called “caliphate”' has no speaker.
_SCAN_VERB = re.compile(rf"(?<!-)\b(?P<verb>{SCAN_VERB})")


def _first_words() -> ahocorasick.Automaton:
    """The words a scanned verb or phrase opens with, in one automaton: a body is read once, in C, for the places
    _SCAN_VERB may match, and the regex is tried only there."""
    automaton = ahocorasick.Automaton()
    for word in {phrase.split()[0] for phrase in [*SCAN_WORDS, *PHRASAL]}:
        automaton.add_word(word, len(word))
    automaton.make_automaton()
    return automaton


_FIRST_WORDS = _first_words()


def scan_verbs(body: str) -> list[re.Match]:
    """Body -> every _SCAN_VERB match, as finditer gives them, tried only where a verb's first word occurs."""
    found, done = [], 0
    for start in sorted({end - size + 1 for end, size in _FIRST_WORDS.iter(body)}):
        if start >= done and (match := _SCAN_VERB.match(body, start)):
            found.append(match)
            done = match.end()
    return found


OPENING_PRONOUNS = frozenset("He She It They".split())
_PLACE = re.compile(rf"\b(?:in|near|across|throughout|outside)\s+({CAP_WORD}(?:\s+{CAP_WORD})*)(?![\w’'])")


class Mention(NamedTuple):
    """A known entity named in the body."""

    start: int
    end: int
    entity_id: str
    surface: str
    is_person: bool
    is_thing: bool = False  # typed as something else than a person (a name of unknown type is neither)


class Speaker(NamedTuple):
    """Who said a quote, as written, the entity if known, and the attribution form that found them."""

    surface: str
    entity_id: str | None
    attribution: str


class Clause(NamedTuple):
    """The speaker phrase of an attribution clause and the form it takes."""

    start: int
    end: int
    form: str
    carries: bool  # the clause introduces the quote directly (not a word quoted inside someone's sentence)
    clause_end: int = -1  # where an after-quote clause's verb ends


@dataclass
class Doc:
    """One article body with its mentions and quoted stretches; speech clauses and people found on demand."""

    body: str
    mentions: list[Mention]
    quoted: list[tuple[int, int]]
    # Speech clauses are read lazily, verb by verb: most quotes need only those shortly before them.
    _verbs: list[re.Match] | None = field(default=None, repr=False)
    _verb_starts: list[int] = field(default_factory=list, repr=False)
    _events: dict = field(default_factory=dict, repr=False)
    _people: list | None = field(default=None, repr=False)
    _key_genders: dict | None = field(default=None, repr=False)  # surname key -> genders of the people named so
    _depth: int = field(default=0, repr=False)  # pronoun events being resolved through earlier ones
    _subjects: dict = field(default_factory=dict, repr=False)
    _person_ids: set | None = field(default=None, repr=False)
    _thing_ids: set | None = field(default=None, repr=False)
    _places: set | None = field(default=None, repr=False)
    _named_words: set | None = field(default=None, repr=False)

    def is_place(self, name: str) -> bool:
        """Whether the article puts a name after 'in', 'near', 'across' ...: 'in China', 'in Des Moines'."""
        if self._places is None:
            self._places = {m[1] for m in _PLACE.finditer(self.body)}
        return name in self._places

    def subject_of(self, verb: re.Match) -> tuple[int, int] | None:
        """subject() of a verb in the body, read once per verb position."""
        key = (verb.start(), verb.end())
        if key not in self._subjects:
            self._subjects[key] = subject(self.body, verb)
        return self._subjects[key]

    def verbs(self) -> list[re.Match]:
        """Every speech, criticism and reporting verb in the body, found in one scan."""
        if self._verbs is None:
            self._verbs = scan_verbs(self.body)
            self._verb_starts = [verb.start() for verb in self._verbs]
        return self._verbs

    def unread_capital(self, start: int, end: int) -> bool:
        """Whether body[start:end] is one capitalised word that no mention of the article holds: a word capitalised
        for its place in the sentence ('Moments after …', 'Spotted on my feed …'), not a name."""
        word = self.body[start:end]
        if " " in word or not word[:1].isupper() or word in OPENING_PRONOUNS or word.isupper() \
                or given_name_gender(word):
            return False
        if self._named_words is None:
            self._named_words = set(" ".join(m.surface for m in self.mentions).split())
        return word not in self._named_words

    def inside_quote(self, pos: int) -> bool:
        """Whether pos falls between a pair of quote marks."""
        i = bisect_left(self.quoted, (pos + 1, 0)) - 1
        return i >= 0 and self.quoted[i][0] <= pos < self.quoted[i][1]
