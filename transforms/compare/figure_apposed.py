"""The subject of a verb of change or level set off from it by commas: an appositive ('Home prices, a key gauge of
wealth, rose 4 percent' -> 'home prices'), a sentence adverb ('Exports, meanwhile, fell 3 percent') or a source
('Sales, according to the firm, rose 5%'). The subject must open its clause, so a list ('cars, trucks, buses rose')
or an object before the commas ('bought shares, the firm said, rose') is not taken.
"""

import re

from transforms.compare.figure_subjects import (
    AUXILIARY,
    CHANGE,
    CUE,
    PREDICATE_END,
    named,
    noun,
    opens,
    phrase_back,
)
from transforms.compare.figure_tokens import is_plural
from transforms.compare.figure_words import DETERMINERS, word_classes

# Commas around words with no figure or clause end in them, then the verb and what may stand before the figure.
_APPOSED_VERB = re.compile(rf",[ \t]+(?P<inner>[^,;:.!?()\n\d\"“”]{{2,60}}),[ \t]+{AUXILIARY}(?i:{CHANGE})"
                           r"[ \t]+(?:(?:to|by|from|at)[ \t]+)?$")
# Sentence adverbs and sources that may stand between a subject and its verb.
_ASIDES = frozenset("""meanwhile however though too also overall instead nonetheless nevertheless still moreover
furthermore likewise similarly""".split())
# Nouns of people by their office or trade: their level in a poll or a ranking says nothing comparable.
_ROLES = frozenset("""minister ministers president presidents economist economists banker bankers executive executives
chief governor governors mayor mayors senator senators director directors officer officers chairman chairwoman chair
leader leaders candidate candidates analyst analysts spokesman spokeswoman secretary chancellor premier manager
managers founder founders investor investors lawmaker lawmakers official officials ceo coach coaches""".split())
_SOURCE = re.compile(r"(?i:according[ \t]+to|analysts[ \t]+said|officials[ \t]+said)\b")


def apposed_subject(body: str, start: int, end: int) -> str | None:
    """A figure's span -> the subject its verb of change or level is parted from by commas ('Home prices, a key gauge
    of wealth, rose 4 percent' -> 'home prices'), or None."""
    words = body[max(0, start - 40):start].split()[-3:]
    if not words or not any(CUE.match(word) for word in words) or "," not in body[max(0, start - 100):start]:
        return None  # most figures have no verb of change right before them: cheap tests first
    verb = _APPOSED_VERB.search(body, max(0, start - 140), start)
    if not verb or not _aside(verb["inner"]) or (verb["copula"] and not PREDICATE_END.match(body, end)):
        return None
    subject, begin = phrase_back(body, verb.start())
    if not subject or not noun(subject[-1]) or not opens(body, begin) or named(body, begin, verb.start()) or (
            len(subject) == 1 and body[begin].isupper() and not is_plural(subject[0])):
        return None  # 'Smith, the mayor, is up 5 points': a person's level says nothing comparable
    if subject[-1] in _ROLES or any(word in _ROLES or word == "former" for word in verb["inner"].lower().split()):
        return None  # 'The finance minister, a former banker, fell 5 points in the polls': a person too
    return " ".join(subject)


def _aside(inner: str) -> bool:
    """'a key gauge of wealth', 'meanwhile', 'according to the firm' -> True: an appositive opened by a determiner,
    a sentence adverb or a source; not a noun of a list ('trucks') nor a clause ('which rose')."""
    words = inner.split()
    first = words[0].lower()
    if first in DETERMINERS and len(words) > 1 and first not in ("that", "this", "these", "those", "all", "both"):
        return True
    if len(words) == 1:
        return first in _ASIDES or word_classes(first) == {"ADV"}
    return bool(_SOURCE.match(inner))
