"""An unnamed person a 'he'/'she' may stand for, when no person named within reach fits the pronoun: the subject
of a sentence shortly before the quote that is a singular person noun with a determiner, not a title (which stands
for whoever holds it): 'A firefighter climbed the ladder. “…,” he said'. A subject the verb acts on ('a woman was
hurt', 'the man died') is read past: a victim or a suspect is seldom who speaks next. It counts when no sentence
between names someone as its subject.
"""

import re
from collections.abc import Callable
from typing import Literal

from lemminflect import getAllLemmas

from transforms.compare.quotes.speech import FEMALE_ROLES, INDEFINITES, MALE_ROLES, PERSON_NOUNS
from transforms.compare.quotes.subjects import opening
from transforms.lexicon import TITLES, is_demonym

_DETERMINERS = frozenset("the a an another one".split())
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+(?=[A-Z“\"])")
# Up to two opening phrases before a sentence's subject: 'After the vote on Tuesday, in the hall, the nurse left'.
_LEAD = re.compile(r"(?:[^,.!?\n“”\"]{1,90},\s+){1,2}")
# Words that may follow a noun phrase's head but not a noun that modifies another: its verb or a preposition.
_LINKS = frozenset("from of in at with on who that was is has had will would could can did".split())
_WORD = re.compile(r"[\w’'\-]+")
# A predicate that acts on its subject rather than the subject acting: a passive ('was hurt', 'had been taken'),
# or a verb of dying; the first few words after the subject phrase, a relative clause allowed ('who fired was held').
_UNDERGOES = re.compile(r"\b(?:(?:was|were|is|are|been|being|got|gets|get)\s+(?:\w+ly\s+)?(?P<participle>\w+)"
                        r"|died|dies|drowned|perished)\b", re.IGNORECASE)
_SAME_PARTICIPLE = frozenset("hurt hit cut".split())  # participles spelt as their verb's base form
REACH = 1200  # characters back the paragraph is read, however long it runs
SENTENCES_BACK = 3  # an unnamed subject further back than this leaves the pronoun to the people named


def unnamed_subject_before(body: str, before: int, pronoun: str,
                           named_at: Callable[[int, int], bool]) -> tuple[int, int] | None:
    """Body + a quote at `before` + 'he'/'she' + a test for 'a person is named as the subject at' -> the span of an
    unnamed singular person who is the subject of one of the few sentences of the quote's paragraph before it (none
    between naming a person as its subject), else None."""
    para = body.rfind("\n", max(0, before - REACH), before) + 1 or max(0, before - REACH)
    ends = [m.end() for m in _SENTENCE_END.finditer(body, para, min(len(body), before + 1)) if m.end() <= before]
    bounds = ([para] + [end for end in ends if end < before] + [before])[::-1]  # each sentence's end, then start
    for stop, start in list(zip(bounds, bounds[1:], strict=False))[:SENTENCES_BACK]:
        for lo in _subject_starts(body, start, stop):
            found = _person_noun_subject(body, lo, stop)
            if isinstance(found, tuple):
                if _fits(body[found[0]:found[1]], pronoun):
                    return found
            elif found == "title" or named_at(lo, stop):
                return None  # a person named or titled as the subject: the people named decide
    return None


def _subject_starts(body: str, start: int, stop: int) -> list[int]:
    lo = opening(body, start, stop)
    lead = _LEAD.match(body, lo, stop)
    return [lo] + ([lead.end()] if lead else [])


def _person_noun_subject(body: str, lo: int, stop: int) -> tuple[int, int] | Literal["title"] | None:
    """The subject at lo: a determiner, at most three words and a singular person noun ('the woman', 'a young
    worker'), or an indefinite and a capitalised noun that no person noun follows ('Another Ranger', not 'A
    Pentagon spokesman'; not a nationality, 'An Israeli'), then a lower-case word (its verb or a preposition) ->
    its span, unless the verb acts on it ('A man was hurt'); 'title' for a title there ('The senator smiled');
    else None."""
    words = list(_WORD.finditer(body, lo, min(stop, lo + 80)))[:6]
    if len(words) < 3 or words[0].group().casefold() not in _DETERMINERS:
        return None
    indefinite = words[0].group().casefold() in INDEFINITES
    for i, word in enumerate(words[1:5], start=1):
        text = word.group()
        after = words[i + 1].group() if i + 1 < len(words) else ""
        if body[word.end():word.end() + 1] in "’'":
            return None  # 'the woman’s lawyer': the possessor is no subject
        if text.casefold() in TITLES and body[word.end():word.end() + 1] == " " and after[:1].islower():
            return "title"  # 'The senator smiled': a title stands for whoever holds it; the people named decide
        capitalised_noun = indefinite and i == 1 and text[0].isupper() and not is_demonym(text) \
            and (after in _LINKS or _inflected_verb(after))  # 'Another Ranger ran', not 'A Navy pilot'
        if (text.casefold() in PERSON_NOUNS or capitalised_noun) and not text.endswith("s"):
            if not after[:1].islower() or _acted_on(body, word.end(), stop, after):
                return None
            return words[0].start(), word.end()
        if text[0].isupper() and not (i == 1 and (is_demonym(text) or after[:1].islower())):
            return None  # a name; but 'A Navy pilot', 'An Israeli soldier' read on to their noun
    return None


def _inflected_verb(word: str) -> bool:
    """'rushed', 'ran', 'says' -> True: a verb's form other than its base, in lemminflect's lexicon ('pilot' is a
    base form, as a noun may be)."""
    lower = word.casefold()
    return lower.endswith(("ed", "s")) or any(lemma != lower for lemma in getAllLemmas(lower, upos="VERB").get(
        "VERB", ()))


def _acted_on(body: str, end: int, stop: int, after: str) -> bool:
    """Whether the predicate after a subject ending at `end` acts on it: right after it ('A man was hurt'), or
    after a relative clause it opens ('The woman who fired the shot was held')."""
    rest = body[end:min(stop, end + 70)]
    found = _UNDERGOES.search(rest) if after in ("who", "that") else _UNDERGOES.match(rest.lstrip())
    if found is None or found["participle"] is None:
        return found is not None
    word = found["participle"].casefold()  # a participle: 'wounded', 'shot', 'slain'; not 'was running', 'was upset'
    return not word.endswith("ing") and (word in _SAME_PARTICIPLE or _inflected_verb(word)) and not word.endswith("s")


def _fits(phrase: str, pronoun: str) -> bool:
    head = phrase.split()[-1].casefold()
    if head in FEMALE_ROLES:
        return pronoun == "she"
    if head in MALE_ROLES:
        return pronoun == "he"
    return pronoun in ("he", "she")
