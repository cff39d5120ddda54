"""Body text -> spans of directly quoted text: quote marks paired by context, paragraph by paragraph."""

import re
from typing import NamedTuple

# Double quote marks only: a single ’ is far more often an apostrophe (Libya’s, don’t) than a quote mark.
_MARK = re.compile(r"[\"“”«»]")
_PARAGRAPH = re.compile(r"[^\n]+")
_OPENS_AFTER = frozenset(" \t([{—–-/")
# Kept out of a quote's text: the punctuation that belongs to the sentence around it ("…,” he said).
_TRAILING = " \t,;:"


class Span(NamedTuple):
    """Quoted text between start and end (marks excluded); where its marks are; the paragraph it is in."""

    start: int
    end: int
    open_at: int
    close_at: int  # the paragraph's end when the quote runs on into the next paragraph
    paragraph: int


def _kind(body: str, i: int, is_open: bool) -> str:
    """'open', 'close', 'either' or 'none' for the mark at i, read from the characters around it."""
    before = body[i - 1] if i > 0 else " "
    after = body[i + 1] if i + 1 < len(body) else " "
    can_open = (before in _OPENS_AFTER or before == "\n") and not after.isspace()
    can_close = not before.isspace() and (after.isspace() or not after.isalnum())
    if can_open and not can_close:
        return "open"
    if can_close and not can_open:
        return "close"
    if can_open and can_close:
        return "open" if is_open else "close"
    # Glued on both sides (said"We): the glyph decides, or the pairing state does for a straight mark.
    return "either"


def _trimmed(body: str, open_at: int, close_at: int, paragraph: int) -> Span | None:
    start, end = open_at + 1, close_at
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1] in _TRAILING:
        end -= 1
    return Span(start, end, open_at, close_at, paragraph) if end > start else None


def _paragraph_quotes(body: str, start: int, end: int) -> tuple[list[Span], int | None]:
    """Closed quotes of one paragraph, and where a quote left open at its end began (or None)."""
    found, pending = [], None
    for match in _MARK.finditer(body, start, end):
        i, mark = match.start(), match.group()
        kind = _kind(body, i, mark in "“«")
        if kind == "either" and mark == '"':
            kind = "close" if pending is not None else "open"
        elif kind == "either":
            kind = "open" if mark in "“«" else "close"
        if kind == "open":
            pending = i  # a second opening mark means the first was never closed: start again from here
        elif kind == "close" and pending is not None:
            span = _trimmed(body, pending, i, start)
            if span:
                found.append(span)
            pending = None
    return found, pending


def find_quote_spans(body: str) -> list[list[Span]]:
    """Body -> quotes, each a list of parts: one part, or one per paragraph when a quote runs on across paragraphs.

    News style leaves a quote open at the end of a paragraph when the next paragraph carries it on and opens
    with a quote mark; a quote left open otherwise is a stray mark and is dropped."""
    quotes: list[list[Span]] = []
    carried: list[Span] = []
    for para in _PARAGRAPH.finditer(body):
        p_start, p_end = para.span()
        opens_here = body[p_start:p_start + 1] in ('"', "“", "«")
        closed, pending = _paragraph_quotes(body, p_start, p_end)
        if carried and opens_here and closed and closed[0].open_at == p_start:
            quotes.append(carried + [closed.pop(0)])
            carried = []
        elif carried and opens_here and pending == p_start and not closed:
            part = _trimmed(body, p_start, p_end, p_start)
            carried += [part] if part else []
            continue
        carried = []
        quotes.extend([span] for span in closed)
        if pending is not None:
            part = _trimmed(body, pending, p_end, p_start)
            carried = [part] if part else []
    return quotes
