"""Discovered names of common words -> those the corpus mostly writes in lower case: a concept capitalised now and
then for emphasis ('the Deep State', 'Gross Domestic Product') is a phrase of the language, not a name; and a body
named both ways English names one ('Justice Department', 'Department of Justice')."""

import ahocorasick

from transforms.lexicon import ORGANISATION_WORDS, english_word
from transforms.names.name_words import name_type


def common_word_phrases(keys) -> set[str]:
    """Folded names of two words or more ('deep state', 'mitt romney') -> those of English words only and no place's
    or body's: the names a sample of the corpus may show written as plain words ('Deep' is a given name too)."""
    found = set()
    for key in keys:
        tokens = tuple(key.split())
        if 2 <= len(tokens) <= 4 and all(t.isascii() and t.isalpha() and english_word(t) for t in tokens) and \
                name_type(tokens) in ("unknown", "person"):
            found.add(key)
    return found


def lower_case_phrases(phrases: set[str], bodies) -> set[str]:
    """Folded phrases ('deep state') + sample bodies -> those the bodies write in lower case more often than with
    capitals ('the deep state' over 'the Deep State'); one pass over each body."""
    if not phrases:
        return set()
    automaton = ahocorasick.Automaton()
    for phrase in phrases:
        automaton.add_word(phrase, phrase)
    automaton.make_automaton()
    lower: dict[str, int] = {}
    capital: dict[str, int] = {}
    for body in bodies:
        folded = body.lower()
        if len(folded) != len(body):
            continue  # (a letter that lowers to two: offsets would not line up)
        for end, phrase in automaton.iter(folded):
            start = end - len(phrase) + 1
            if (start and folded[start - 1].isalnum()) or (end + 1 < len(folded) and folded[end + 1].isalnum()):
                continue
            written = body[start:end + 1]
            tally = lower if written == phrase else capital if written[:1].isupper() else None
            if tally is not None:
                tally[phrase] = tally.get(phrase, 0) + 1
    return {p for p, n in lower.items() if n > capital.get(p, 0)}


def inverted_bodies(full: dict[str, int], key_of_id) -> dict[str, str]:
    """Ids of names -> for a body named both as '<field> <head>' and '<head> of [the] <field>' ('Justice Department',
    'Department of Justice'; 'Treasury Department', 'Department of the Treasury'), each form's id -> the id of the
    more mentioned one."""
    keys = {key_of_id(i): i for i in full}
    merged = {}
    for key, name_id in keys.items():
        *field, head = key
        if not field or head not in ORGANISATION_WORDS or "of" in field:
            continue
        other = keys.get((head, "of", *field)) or keys.get((head, "of", "the", *field))
        if other and other != name_id:
            top = min((name_id, other), key=lambda i: (-full[i], i))
            merged[name_id] = merged[other] = top
    return merged
