"""Who a stretch of text is about, for the pronoun after it: the subject of a sentence (the person it opens with,
past an opening phrase and a few role words) is what the next sentences are about; a person named further in a
sentence whose subject is the one speaking (its object: 'Lee later phoned Ruiz') may not be, and then leaves the
pronoun to the one speaking before.
"""

import re

from transforms.compare.quotes.article import Doc
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


def about_speaker(doc: Doc, person: Person, people: list[Person], key: str) -> bool:
    """Whether the sentence that names `person` is about the last speaker (surname key) instead: it opens, past its
    opening phrase, with that speaker's name ('Lee later phoned Ruiz.'), so the person named in it is an object, not
    whom the story moved on to. Not when the words between hand over to the other: a passive's agent ('Lee was
    replaced by Ruiz.') or the one given something ('Lee passed the floor to Ruiz.')."""
    lo = opening(doc.body, sentence_floor(doc.body, person.start), person.start)
    return any(p.key == key and role_words(doc.body[lo:p.start]) and _heads_clause(doc.body, p.end)
               and not _hands_over(doc.body[p.end:person.start])
               for p in named_before(people, person.start, person.start - lo))


def _hands_over(between: str) -> bool:
    """Whether the words between the speaker and a person named after hand over to that person: a passive's agent
    ('was joined by finance director Jo Ruiz'), the one given something ('handed the floor to Jo Ruiz'); not an
    infinitive's 'to' ('had nothing to say about Jo Ruiz')."""
    to = _TO.search(between)
    return bool(_BY.search(between)) or (to is not None and role_words(to["role"]))


def _heads_clause(body: str, end: int) -> bool:
    """Whether a name ending at `end` is no modifier of its clause's subject: not a possessor of a role ('Lee’s lawyer,
    Jo Ruiz,', 'Lee’s campaign manager, Jo Ruiz,') nor a name before a noun ('Lee campaign manager Jo Ruiz', 'Lee
    confidant Jo Ruiz')."""
    after = _AFTER_NAME.match(body, end)
    if after is None:
        return True
    word = after["word"]
    if after["possessive"]:
        return not any(w in PERSON_NOUNS or w in TITLES for w in after["run"].split())
    return finite_verb(word) or "NOUN" not in word_classes(word) or bool(word_classes(word) & {"ADV", "ADJ"})


# Right before the one named after the speaker, past a few role words: 'by' of a passive's agent, 'to' of the one
# given the floor.
_BY = re.compile(r"\bby\s+(?:(?:the|his|her|their|a|an)\s+)?(?:[a-z]+,?\s+){0,3}$")
_TO = re.compile(r"\bto\s+(?:(?:the|his|her|their)\s+)?(?P<role>[^,.;:!?]*)$")
# The name's next word; after a possessive, the run of lower-case words it heads ('’s campaign manager').
_AFTER_NAME = re.compile(r"(?P<possessive>[’']s)?(?P<run>\s+(?P<word>[a-z]+)\b(?:\s+[a-z]+\b){0,3})")

