"""Who a stretch of text is about, for the pronoun after it: the subject of a sentence (the person it opens with,
past an opening phrase and a few role words) is what the next sentences are about; a person named further in a
sentence whose subject is the one speaking (its object: 'Lee later phoned Ruiz') may not be, and then leaves the
pronoun to the one speaking before.
"""

import re
from bisect import bisect_left

from transforms.compare.quotes.clauses import Doc
from transforms.compare.quotes.open_verbs import finite_verb
from transforms.compare.quotes.people import Person, named_before
from transforms.compare.quotes.speech import PERSON_NOUNS
from transforms.compare.quotes.subjects import opening, sentence_floor
from transforms.lexicon import TITLES, word_classes


def role_words(text: str) -> bool:
    """Whether text is at most three role or capitalised words, no punctuation: a name with these before it heads one
    phrase ('Republican strategist Tim Albrecht' opens its sentence; 'McConnell spokesman Don Stewart' is Stewart)."""
    words = text.split()
    return len(words) <= 3 and all(w.isalpha() and (w[0].isupper() or w in TITLES or w in PERSON_NOUNS)
                                   for w in words)


def about_speaker(doc: Doc, person: Person, people: list[Person], key: str, quote_at: int, pronoun: str) -> bool:
    """Whether the sentence that names `person` is about the last speaker (surname key) instead: it opens, past its
    opening phrase, with that speaker's name ('Lee later phoned Ruiz.'), so the person named in it is an object, not
    whom the story moved on to. A sentence that opens with the speaker may still hand over to the other ('Lee was
    replaced by Ruiz.', 'Lee passed the floor to Ruiz.'), so this holds only when the quote itself speaks of a third
    person of the pronoun's gender ('“He never ran a firm,” he said.'): the one named after the speaker, whom the
    speaker talks about."""
    if not _third_person_in_quote(doc, quote_at, pronoun):
        return False
    lo = opening(doc.body, sentence_floor(doc.body, person.start), person.start)
    return any(p.key == key and role_words(doc.body[lo:p.start]) and _heads_clause(doc.body, p.end)
               for p in named_before(people, person.start, person.start - lo))


def _heads_clause(body: str, end: int) -> bool:
    """Whether a name ending at `end` is no modifier of its clause's subject: not a possessor of a role ('Lee’s lawyer,
    Jo Ruiz,') nor a name before a noun ('Lee campaign manager Jo Ruiz', 'Lee confidant Jo Ruiz')."""
    after = _AFTER_NAME.match(body, end)
    if after is None:
        return True
    word = after["word"]
    if after["possessive"]:
        return word not in PERSON_NOUNS and word not in TITLES
    return finite_verb(word) or "NOUN" not in word_classes(word) or bool(word_classes(word) & {"ADV", "ADJ"})


_AFTER_NAME = re.compile(r"(?P<possessive>[’']s)?\s+(?P<word>[a-z]+)\b")


def _third_person_in_quote(doc: Doc, at: int, pronoun: str) -> bool:
    """Whether the quoted stretch opening at or after `at` in its paragraph holds a pronoun of the same gender."""
    i = bisect_left(doc.quoted, (at, 0))
    if i >= len(doc.quoted):
        return False
    start, end = doc.quoted[i]
    if "\n" in doc.body[at:start]:
        return False
    words = _MALE if pronoun in ("he", "him", "his") else _FEMALE
    return words.search(doc.body, start, end) is not None


_MALE = re.compile(r"\b(?:[Hh]e|[Hh]im|[Hh]is|[Hh]imself)\b")
_FEMALE = re.compile(r"\b(?:[Ss]he|[Hh]er|[Hh]ers|[Hh]erself)\b")
