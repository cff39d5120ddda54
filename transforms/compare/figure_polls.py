"""A percentage that is a candidate's standing in a poll or a vote: 'Biden leads with 32 percent', 'Trump led Cruz 35
percent to 20 percent', 'followed by Cruz at 17 percent', 'Warren came in third with 14 percent'. The sentence names
the candidate, not what the share is of, so what is counted is the 'support' the poll or vote gave. Told by the
grammar of standing (a name, a verb of leading, trailing or placing, then 'with', 'at' or a split 'N to M'; a name
opening a line of a list) and by a word of polls or votes in the sentence before; a place or a group at a level
('France at 34%', 'Koreans at 0.5%') is not a candidate.
"""

import re

from transforms.compare.figure_words import STOP, word_classes
from transforms.lexicon import is_demonym
from transforms.names.gazetteer import key_of, places

STANDING = "support"
# A name (up to three capitalised words), a verb of leading, trailing or placing, its object, then 'with', a comma
# or nothing before the figure: 'Biden leads with', 'Trump led Cruz', 'Warren came in third with', 'Sanders, at'.
_LEADING = re.compile(r"(?:^|[ \t(\"“])(?P<name>[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,2})[ \t]+"
                      r"(?:(?:is|was|still|now|also|currently)[ \t]+)*"
                      r"(?P<verb>leads?|led|leading|trails?|trailed|trailing|(?:finished|came[ \t]+in|placed)"
                      r"[ \t]+(?:first|second|third|fourth|fifth|sixth|last))"
                      r"(?P<object>(?:[ \t]+[A-Z][\w'’.-]*){0,3})[ \t]*(?P<link>,|[ \t]with)?[ \t]*$")
# A name at a level: 'followed by Cruz at 17 percent', 'Biden at 23 percent', 'Warren is at 14 percent'.
_AT = re.compile(r"(?:^|[ \t(\"“])(?P<name>[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,2})[ \t]+"
                 r"(?:(?:is|was|remains|remained|stands|stood|sits|sat|now|currently)[ \t]+)*at[ \t]+$")
# A name opening a line or a bullet, then a comma or colon: '• Joe Biden, 26 percent'; a given name and a surname at
# least, as a list of places, brands or departments ('Ohio, 4 percent', 'Sales: 12%') has one word.
_LISTED = re.compile(r"(?:^|[\n•·])[ \t]*(?P<name>[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){1,2})[ \t]*[,:][ \t]*$")
_SPLIT_AFTER = re.compile(r"[ \t]*(?:to|-|–)[ \t]*\d")  # 'led Cruz 35 percent to 20 percent', '43-37 percent'
# Words of polls and votes in the sentence: without one, a name at a level is a place or a firm at a rate. Words of
# elections only: a survey of shoppers, the 'race' for market share or 'support' for a bill rank brands and places too.
_POLL_WORDS = re.compile(r"\b(?i:polls?|polling|polled|voters|caucus(?:es|goers)?|primary|primaries|"
                         r"ballot|nomination|electorate|candidates?)\b")
_SENTENCE_START = re.compile(r"[.!?][\"”’)]*\s+(?=[A-Z\"“])|\n")


def standing(body: str, start: int, end: int, unit: str | None) -> str | None:
    """A percentage's span -> 'support' when it is a named candidate's standing in a poll or vote ('Biden leads with
    32 percent', 'followed by Cruz at 17 percent'), else None."""
    if unit != "percent":
        return None
    lead = _LEADING.search(body, max(0, start - 90), start)
    if lead and not (lead["link"] or lead["object"] and _SPLIT_AFTER.match(body, end)):
        lead = None  # 'Biden leads 32 percent' alone is no standing; 'leads Trump 45 percent to 40' is
    found = lead or _AT.search(body, max(0, start - 60), start)
    listed = None if found else _LISTED.search(body, max(0, start - 50), start)
    if not (found or listed) or not _candidate(body, found or listed) or _judged(body, end) \
            or not _in_poll(body, start, 12 if listed else 2):
        return None
    return STANDING


_WORD_AFTER = re.compile(r"[ \t]+([a-z]+)\b")
_JUDGEMENTS = frozenset("positive negative approve disapprove".split())


def _judged(body: str, end: int) -> bool:
    """True when a judgement follows the figure ('Webb is at 37% unfavorable', '40% positive'): a rating, not a
    candidate's support (an adjective alone: 'statewide' says where)."""
    after = _WORD_AFTER.match(body, end)
    return bool(after) and (after[1] in _JUDGEMENTS or (word_classes(after[1]) == {"ADJ"} and after[1].endswith(
        ("able", "ible", "ive", "ed"))))


def _candidate(body: str, found: re.Match) -> bool:
    """A name before a standing -> True for a person's name: capitalised inside its sentence ('followed by Walker
    at'), or one the lexicon does not know as a common word when it opens the sentence ('Biden leads'); not a demonym
    ('Koreans'), a pronoun or a common word opening a sentence ('He', 'The')."""
    first, last = found["name"].split()[0].lower(), found["name"].split()[-1].rstrip(".,")
    if first in STOP:
        return False  # 'In Ohio, 60% were': a phrase, not a name
    if is_demonym(last) or (last.endswith("s") and is_demonym(last[:-1])) or last.endswith(("'s", "’s")):
        return False  # "He's at 49 percent": a contraction, whoever it stands for
    if places().is_major(key_of(found["name"])):
        return False  # 'Germany at 3 percent', 'Ohio, 4 percent': a country, a state or a large city
    before = body[max(0, found.start("name") - 3):found.start("name")].rstrip(" \t\"“‘(")
    return not word_classes(last.lower()) or (bool(before) and before[-1] not in ".!?\n")


def _in_poll(body: str, start: int, sentences: int) -> bool:
    """True when a word of polls or votes stands in the sentence before `start` or the ones before it (a list's lines
    go back to its heading)."""
    window = body[max(0, start - 400):start]
    stops = [m.end() for m in _SENTENCE_START.finditer(window)]
    return bool(_POLL_WORDS.search(window, stops[-sentences] if len(stops) >= sentences else 0))
