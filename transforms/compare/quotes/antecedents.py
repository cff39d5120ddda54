"""Whom 'they', 'it' and 'the two X' stand for besides the last one speaking: a pair named speaking ('Jacobs and
Thomsen said' -> 'they', 'the two commissioners'), and the source of a sentence opened by 'According to' ('According
to a model by the IHME, … “…,” it said'); and the names that stand for no one a pronoun may stand for ('the Sanders
agenda', 'former Phoenix Suns player')."""

import re
from bisect import bisect_left

from transforms.compare.quotes.article import Doc, Speaker
from transforms.compare.quotes.people import given_name_gender
from transforms.compare.quotes.speech import CAP_WORD, PERSON_NOUNS, UPPER
from transforms.compare.quotes.subjects import sentence_end_before, sentence_start
from transforms.lexicon import TITLES

_NAME = rf"{CAP_WORD}(?:[^\S\n]+{CAP_WORD}){{0,3}}"
# The first name of a pair right before a verb's subject: 'Jacobs and ' in 'Jacobs and Thomsen said'.
_FIRST_OF_PAIR = re.compile(rf"(?<![\w’'\-.])(?P<np>{_NAME})[^\S\n]+and[^\S\n]+$")
# A word before a pair's first name that makes both one name: 'Institute for Science and International Security'.
# ... or one of a longer list: 'Speaker John Boehner, Majority Leader Eric Cantor and Mr. Issa'.
_INSIDE_NAME = re.compile(rf"(?:\b(?:of|for|at|on|and|the)|[&\w’'.]|{CAP_WORD},)\s+$")
# A phrase that stands for two people named before: 'the two commissioners', 'both senators', 'the pair'.
_THE_TWO = re.compile(r"(?:the\s+(?:two|pair)|both)(?:\s+[a-z][a-z\-]*){0,2}")
# A sentence opened by its source: 'According to a model maintained by the IHME, …', 'According to the ministry, …'.
_ACCORDING = re.compile(r"\s*According\s+to\s+(?P<np>(?:(?:the|a|an|its|their|this|that)\s+)?[^,;:.!?“”\"\n]{1,160}?)"
                        r"\s*,")
# Where a document's description names who made it: 'a model maintained by', 'a report from', 'a study of'.
_ORGANISATION = re.compile(rf"the\s+{CAP_WORD}(?:\s+(?:of\s+|for\s+)?{CAP_WORD}){{0,5}}|[{UPPER}]{{2,6}}")
_MADE_BY = re.compile(r"\s+(?:[a-z]+\s+)?(?:by|from)\s+")
_DOCUMENT_HEAD = re.compile(r"(?:(?:the|a|an|its|their|this|that)\s+)(?:[a-z][\w\-]*\s+){0,2}?(?P<head>[a-z][\w\-]*)"
                            r"(?=\s+(?:[a-z]+\s+)?(?:by|from|of|on)\s|$)")


# A name between a determiner and a noun modifies the noun: 'the Sanders agenda', 'a Trump supporter'.
# 'The Daily Ledger', 'the New York Times': a name that 'the' opens, with only capitalised words between, names a
# paper, a firm or a work, not a person ('the Rev. Jo Lee' has a title there and stays a person).
_THE_BEFORE = re.compile(r"(?<![\w’'\-])[Tt]he\s+(?P<words>(?:[A-Z][\w’'\-.]*\s+)*)$")
_DETERMINER_BEFORE = re.compile(r"(?<![\w’'\-])(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Ff]ormer)\s+$")
# A noun after it: a word in lower case that is not a preposition, conjunction, pronoun or common verb.
_NOUN_AFTER = re.compile(r"[^\S\n]+(?!(?:of|in|at|on|for|to|from|with|by|as|and|or|but|nor|who|whom|whose|which|that|"
                         r"was|is|are|were|be|been|has|had|have|will|would|could|should|may|might|can|did|does|do|"
                         r"said|says|told|tells)\b)[a-z][a-z\-]*\b(?![’'])")


def names_no_one(doc: Doc, person) -> bool:
    """Whether a person found named is no one a pronoun may stand for: a name that modifies a noun ('the Sanders
    agenda', 'former Phoenix Suns player'), a place named, then a plural ('Phoenix Suns', 'Dallas Cowboys'): a
    team, or a name 'the' opens ('The Daily Ledger')."""
    words = person.surface.split()
    if len(words) >= 2 and words[-1].endswith("s") and not words[-1].endswith("ss") and (
            doc.is_place(words[0]) or any(m.is_thing and m.surface == words[0] for m in _mentions_at(doc, person))):
        return True
    the = _THE_BEFORE.search(doc.body, max(0, person.start - 40), person.start)
    if the and not any(w.casefold().rstrip(".") in TITLES | PERSON_NOUNS for w in the["words"].split()):
        return True
    return bool(_DETERMINER_BEFORE.search(doc.body, max(0, person.start - 8), person.start)
                and _NOUN_AFTER.match(doc.body, person.end))


def _mentions_at(doc: Doc, person) -> list:
    i = bisect_left(doc.mentions, (person.start,))
    return doc.mentions[i:i + 2]


def pair_before(doc: Doc, start: int, end: int) -> Speaker | None:
    """A name that is a verb's subject at start..end, with another name and 'and' before it -> the pair as written
    ('Jacobs and Thomsen'), else None."""
    if not doc.body[start:start + 1].isupper():
        return None
    first = _FIRST_OF_PAIR.search(doc.body, max(0, start - 60), start)
    if first is None or first["np"].split()[0] in ("The", "A", "An") \
            or all(word.casefold().rstrip(".") in TITLES for word in first["np"].split()) \
            or _INSIDE_NAME.search(doc.body, max(0, first.start() - 40), first.start()):
        return None  # 'the Institute for Science and International Security', 'Chairman and Chief Executive X'
    return Speaker(doc.body[first.start("np"):end], None, "said")


def is_the_two(phrase: str) -> bool:
    """'the two commissioners', 'both men' -> True: a phrase that stands for a pair named before."""
    return _THE_TWO.fullmatch(phrase) is not None


def according_before(doc: Doc, before: int) -> Speaker | None:
    """The source of the sentence before `before` when 'According to' opens it and the source is no person: the
    organisation that made the document ('a model maintained by the Institute for …' -> the Institute), else the
    document or organisation as written ('the report', 'the Pentagon')."""
    end = sentence_end_before(doc.body, before)
    start = sentence_start(doc.body, end - 1) if end else None
    found = _ACCORDING.match(doc.body, start, end) if start is not None else None
    if found is None:
        return None
    lo, hi = found.span("np")
    made = _MADE_BY.search(doc.body, lo, hi)
    source = _mention_at(doc, made.end(), hi) if made else None  # 'a model maintained by the IHME' is the IHME's
    phrase = doc.body[lo:hi]
    if source is None and (phrase[:1].isupper() or _ORGANISATION.fullmatch(phrase)):
        source = _mention_at(doc, lo, hi) or (Speaker(phrase, None, "pronoun") if _ORGANISATION.fullmatch(phrase)
                                              else None)
    if source is not None:  # 'According to Jane Doe' names a person, whom 'it' does not stand for
        person = source.entity_id in _person_ids(doc) or given_name_gender(source.surface.split()[0]) is not None
        return None if person else source
    document = _DOCUMENT_HEAD.match(phrase)
    if document is None or document["head"] in PERSON_NOUNS:
        return None  # 'According to officials' names people, whom 'it' does not stand for
    return Speaker(phrase[:document.end("head")], None, "pronoun")


def _mention_at(doc: Doc, start: int, end: int) -> Speaker | None:
    """The mention that starts at `start` (past 'the ') and ends by `end`, as a speaker."""
    if doc.body.startswith("the ", start):
        start += 4
    i = bisect_left(doc.mentions, (start,))
    if i < len(doc.mentions) and doc.mentions[i].start == start and doc.mentions[i].end <= end:
        return Speaker(doc.mentions[i].surface, doc.mentions[i].entity_id, "pronoun")
    return None


def _person_ids(doc: Doc) -> set:
    return {m.entity_id for m in doc.mentions if m.is_person} - {None}
