"""Quotes -> groups of the same words across articles (QUOTE_MATCHES).

Blocking: an inverted index from word 4-grams to quotes; only quotes sharing a 4-gram are compared. Within a
4-gram carried by many quotes (a widely quoted line, or 'one of the most') each quote is compared with the
first and the previous one only, so the work stays linear and a shared quote still ends up connected.
Verification, on words: the shorter quote must match a stretch of the longer one as long as itself with few
edits, and share enough words in order with it, so one outlet quoting part of another's quote, a dropped
comma or a few changed words still match while a common phrase does not merge unrelated quotes. Groups are
the connected matches (union-find); a group's id is its smallest quote_id.
"""

import re
from collections import defaultdict

import pyarrow as pa
import pyarrow.compute as pc
from anyascii import anyascii
from rapidfuzz import fuzz
from rapidfuzz.distance import LCSseq

from warehouse.contracts import QUOTE_MATCHES

SHINGLE = 4
MIN_COMMON_WORDS = 6  # fewer shared words than this is a phrase in common, not a shared quote
MIN_PART_WORDS = 10  # a part of a much longer quote must be longer still: short stock phrases sit inside many
PART_RATIO = 0.8  # shorter than this share of the longer quote, a quote is matched as a part of it
MIN_WINDOW_SCORE = 80  # rapidfuzz partial_ratio of the shorter quote's words against the longer one's
ALL_PAIRS_UP_TO = 50  # quotes sharing a 4-gram compared all with all up to this many
_WORD = re.compile(r"[a-z0-9]+")


def quote_words(text: str) -> list[str]:
    """'In Libya, we’re “supporting”' -> ['in', 'libya', 'were', 'supporting']: case, marks and accents folded."""
    folded = (text if text.isascii() else anyascii(text)).casefold()
    return _WORD.findall(folded.replace("'", ""))


def is_same_quote(a: list[str], b: list[str]) -> bool:
    """Two quotes' words -> whether one carries (most of) the other: part, near copy or exact copy."""
    short, long = sorted((a, b), key=len)
    least = MIN_PART_WORDS if len(short) < PART_RATIO * len(long) else MIN_COMMON_WORDS
    if len(short) < least or LCSseq.similarity(a, b) < least:
        return False
    return fuzz.partial_ratio(short, long, score_cutoff=MIN_WINDOW_SCORE) > 0


def candidate_pairs(words: list[list[str]]) -> set[tuple[int, int]]:
    """Word lists -> index pairs (i < j) to compare: quotes sharing a word 4-gram."""
    postings: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, ws in enumerate(words):
        for gram in {tuple(ws[k:k + SHINGLE]) for k in range(len(ws) - SHINGLE + 1)}:
            postings[gram].append(i)
    pairs = set()
    for members in postings.values():
        if len(members) <= ALL_PAIRS_UP_TO:
            pairs.update((a, b) for n, a in enumerate(members) for b in members[n + 1:])
        else:
            pairs.update((members[0], b) for b in members[1:])
            pairs.update(zip(members[1:], members[2:], strict=False))
    return pairs


def group_quotes(quotes: pa.Table) -> pa.Table:
    """QUOTES -> QUOTE_MATCHES: every non-fragment quote with the group of quotes of the same words."""
    kept = quotes.filter(pc.invert(quotes["is_fragment"]))
    ids = kept["quote_id"].to_pylist()
    words = [quote_words(text) for text in kept["text"].to_pylist()]
    parent = list(range(len(ids)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in sorted(candidate_pairs(words)):
        ra, rb = root(a), root(b)
        if ra != rb and is_same_quote(words[a], words[b]):
            parent[max(ra, rb)] = min(ra, rb)
    smallest: dict[int, str] = {}
    for i, quote_id in enumerate(ids):
        r = root(i)
        smallest[r] = min(smallest.get(r, quote_id), quote_id)
    return pa.Table.from_pylist([{"quote_id": q, "quote_group_id": smallest[root(i)]} for i, q in enumerate(ids)],
                                schema=QUOTE_MATCHES)
