"""A figure's sentence: the stops of a body (end punctuation before a capital, line breaks) and the sentence holding
an offset, abbreviations ('Mr.', 'U.S.') not ending one."""
import re
from bisect import bisect_left

# '[.!?]+[quotes]*(?=\s+[capital])|\n+', written to open with one character class so the scan skips ahead fast.
_SENTENCE_END = re.compile(r"[\n.!?](?:(?<=[.!?])[.!?]*[\"'”’)\]]*(?=\s+[\"“‘(A-Z0-9])|(?<=\n)\n*)")

ABBREVIATIONS = frozenset("mr mrs ms dr gen st sen rep gov lt col no jr u.s u.n u.k".split())


def sentence_stops(body: str) -> list[tuple[int, int]]:
    """Body -> the spans of every end punctuation before a capital and every line break, abbreviations included."""
    return [stop.span() for stop in _SENTENCE_END.finditer(body)]


def _ends_sentence(body: str, span: tuple[int, int]) -> bool:
    """Body + a stop's span -> False for the dot of an abbreviation ('Mr. Smith', 'U.S. troops', 'J. Smith')."""
    at = span[0]
    if body[at] != ".":
        return True
    word = (body[max(0, at - 6):at].split() or [""])[-1].lower()
    return len(word) != 1 and word not in ABBREVIATIONS


def sentence(body: str, stops: list[tuple[int, int]], offset: int) -> str:
    """Body + its stops + an offset -> the sentence holding it, whitespace tidied.

    Only the stops next to the offset are checked for abbreviations: a body has many sentences and few figures."""
    before = bisect_left(stops, (offset,)) - 1  # the last stop opening before the offset
    while before >= 0 and (stops[before][1] > offset or not _ends_sentence(body, stops[before])):
        before -= 1
    start = stops[before][1] if before >= 0 else 0
    end = len(body)
    for n in range(before + 1, len(stops)):
        if _ends_sentence(body, stops[n]):
            end = stops[n][1] if body[stops[n][0]] != "\n" else stops[n][0]
            break
    return " ".join(body[start:end].split())
