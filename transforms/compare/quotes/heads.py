"""The head of a nominal speaker phrase: where the words that modify it after the head begin.

An English noun phrase puts its head before its post-modifiers: in 'a spokesman for Mayor Ana Ruiz', 'critics of the
mayor', 'the growers who voted for Ruiz', the head is 'spokesman', 'critics', 'growers', and whoever the
prepositional phrase or the relative clause names is someone else, not the one speaking. A title joined to its
domain by 'of' is no such head ('the secretary of state Ana Ruiz': the name after it is the head), nor is a
singular noun with no determiner before it ('chief of staff Ana Ruiz').
"""

import re

from transforms.compare.quotes.people import given_name_gender
from transforms.compare.quotes.speech import PERSON_NOUNS
from transforms.lexicon import TITLES, word_classes

_DETERMINER = re.compile(r"(?:the|a|an|one|some|another|two|three|several|many|most|few)\s+", re.IGNORECASE)
# A lower-case word (or the phrase's first, capitalised for its place in the sentence) before a preposition or a
# relative pronoun that opens a post-modifier.
# A relative clause only with 'who' and its own verb: in 'the memo that Ruiz wrote' the name is the clause's subject.
_HEAD_THEN_MODIFIER = re.compile(r"(?<![\w’'\-])(?P<head>[A-Za-z][a-z\-]+)\s+(?P<after>of|for|to|from|with|at|near|"
                                 r"who(?=\s+[a-z])|close\s+to|familiar\s+with)\s")
_PREPOSITION = re.compile(r"(?:close\s+to|familiar\s+with|\w+)\s+")


def post_modifier(phrase: str) -> int | None:
    """A nominal speaker phrase -> the offset where the words after its common-noun head begin ('a spokesman for Ana
    Ruiz' -> 12), or None when its head is a name or a title before one ('Ana Ruiz of Fresno', 'Secretary of State
    Ana Ruiz')."""
    determiner = _DETERMINER.match(phrase)
    for found in _HEAD_THEN_MODIFIER.finditer(phrase, determiner.end() if determiner else 0):
        head = found["head"]
        described = phrase[determiner.end() if determiner else 0:found.start()].split()
        if len(described) > 3 or "," in phrase or not all(
                "-" in word or word[:1].isdigit() or {"NOUN", "ADJ"} & word_classes(word.casefold())
                for word in described):
            return None  # a head comes after a few words of description, no clause or comma in the phrase
        if head[0].isupper() and found.start() != (determiner.end() if determiner else 0):
            return None  # a capital inside the phrase: a name or a title heads it
        if "NOUN" not in word_classes(head.casefold()) or not {head.casefold(), head.casefold()[:-1]} & PERSON_NOUNS:
            continue  # 'close', 'familiar': no head noun; 'a debate with Ruiz', 'the hand of Ruiz': no one's role
        if found["after"] == "of" and head.casefold() in TITLES:
            continue  # 'the secretary of state', 'chief of staff to …': a title's own 'of'
        if determiner or (head.endswith("s") and head.casefold() not in TITLES):
            return found.start("after")  # 'a spokesman for …', 'critics of …', 'growers who …'
        return None
    return None


def names_another(phrase: str, persons: list[int]) -> bool:
    """A speaker phrase and where people are named in it (offsets in the phrase) -> whether its head is a common noun
    whose post-modifier names a person ('a spokesman for Mayor Ana Ruiz', 'critics of Sen. Ruiz'): the phrase then
    stands for someone unnamed, not for the one named. A person: a mention, a given name before a capitalised word or
    a title before one."""
    cut = post_modifier(phrase)
    if cut is None or len(phrase[cut:].split()) > 8 or "(" in phrase:
        return False  # a long stretch after the head is a clause of the sentence's own, not one phrase
    if phrase.startswith("who", cut):  # a relative clause: whoever it names is not its head
        return any(start >= cut for start in persons) or _names_person(phrase[cut:].split())
    # A prepositional phrase: only a person right after the preposition (or after a title) is its object; a name
    # after a common noun there is in apposition to the head ('the manager of the national team Ana Ruiz').
    at = _PREPOSITION.match(phrase, cut).end()
    words, starts = phrase[at:].split(), [at]
    while words[1:2] and words[0][:1].isupper() and words[0].casefold().rstrip(".") in TITLES \
            and words[1][:1].isupper():  # 'for Mayor Ana Ruiz', not 'for trade Ana Ruiz'
        starts.append(phrase.index(words[1], starts[-1] + len(words[0])))
        words = words[1:]
    return bool(set(starts) & set(persons)) or len(starts) > 1 \
        or (len(words) > 1 and words[1][:1].isupper() and given_name_gender(words[0]) is not None)


def _names_person(words: list[str]) -> bool:
    """Whether these words hold a given name or a title before a capitalised word."""
    return any(later[:1].isupper() and (given_name_gender(word) is not None or word.casefold().rstrip(".") in TITLES)
               for word, later in zip(words, words[1:], strict=False))
