"""Indirect (reported) speech: 'X said (that) …', 'X told reporters …', '…, X said.' -> the reported words and the
speaker, resolved like a direct quote's. A clause whose words open with a quote mark is a direct quote's, not one
of these; words fewer than MIN_WORDS are not a statement."""

import re

from transforms.compare.quotes.article import Clause, Doc, Speaker
from transforms.compare.quotes.speakers import resolve
from transforms.compare.quotes.speech import REPORT_VERBS

_TELLS = frozenset("told tells warned warns assured informed reminded".split())
MIN_WORDS = 4
_OBJECT = re.compile(r"\s+(?:him|her|them|us|me|reporters|journalists|supporters|(?:the|a|an)\s+[\w\-]+|"
                     r"[A-Z][\w.&’'\-]*(?:\s+[A-Z][\w.&’'\-]*){0,3})(?=[\s,])")
_THAT = re.compile(r"[^.!?\n“”\"]{0,60}?\bthat\s+")
_STOP = re.compile(r"[.!?](?=[\"”’)]*(?:\s|$))|\n")
_CLAUSE_END = re.compile(r"[^.!?\n“”\"]{0,60}?[.!?](?:\s|$)")
_AFTER_QUOTE = re.compile(r"[”\"][^”\"“\n.!?]{0,78}$")  # '“…,” Jane Doe, a spokeswoman, said'
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+")
_QUOTE_MARKS = "\"“”«»"
# A time or place phrase, then a quote: 'said Wednesday, “…' introduces a direct quote, not reported words.
_LEADS_QUOTE = re.compile(r"[^.!?\n“”\",]{0,30},\s*[“\"«]")


def indirect_rows(doc: Doc) -> list[tuple[int, int, Speaker | None]]:
    """One article -> (start, end, speaker) of each reported statement outside quotes, in body order."""
    out = []
    for verb in doc.verbs():
        if verb.group("verb") not in REPORT_VERBS or doc.inside_quote(verb.start()):
            continue
        after = _after(doc, verb)  # the cheap checks first: most verbs attribute a direct quote
        if after is None and (not _CLAUSE_END.match(doc.body, verb.end())
                              or _AFTER_QUOTE.search(doc.body, max(0, verb.start() - 80), verb.start())):
            continue
        span = doc.subject_of(verb)
        if span is None:
            continue
        words = after if span[1] <= verb.start() else None
        words = words or _before(doc, verb, span)
        if words and (not out or words[0] >= out[-1][1]):
            clause = Clause(span[0], span[1], "said_before" if words[0] > verb.start() else "said_after", True)
            out.append((*words, resolve(doc, clause, verb.start())))
    return out


def _after(doc: Doc, verb: re.Match) -> tuple[int, int] | None:
    """'X said (that) …' / 'X told reporters …' -> the span of the reported words, to the sentence's end."""
    body, pos = doc.body, verb.end()
    if verb.group("verb") in _TELLS and (obj := _OBJECT.match(body, pos)):
        pos = obj.end()
    that = _THAT.match(body, pos)
    pos = that.end() if that else pos
    while pos < len(body) and body[pos] in " ,":
        pos += 1
    if pos >= len(body) or body[pos] in _QUOTE_MARKS or body[pos] in ":;.\n" or doc.inside_quote(pos) \
            or _LEADS_QUOTE.match(body, pos):
        return None
    return _words(body, pos, _stop(body, pos))


def _before(doc: Doc, verb: re.Match, span: tuple[int, int]) -> tuple[int, int] | None:
    """'…, X said.' / '…, said X.' closing a sentence without quote marks -> the span of the words before."""
    body = doc.body
    lead = body.rfind(",", max(0, min(span[0], verb.start()) - 3), min(span[0], verb.start()))
    if lead < 0 or not _CLAUSE_END.match(body, max(span[1], verb.end())):
        return None
    start = _sentence_start(body, lead)
    while start < lead and body[start] in " ":
        start += 1
    if body[start:start + 1] in _QUOTE_MARKS or any(doc.inside_quote(i) for i in (start, lead - 1)):
        return None
    return _words(body, start, lead)


def _sentence_start(body: str, pos: int) -> int:
    """Start of the sentence that holds pos (its paragraph's start at the latest)."""
    start = body.rfind("\n", 0, pos) + 1
    for end in _SENTENCE_END.finditer(body, max(start, pos - 400), pos):
        start = end.end()
    return start


def _stop(body: str, pos: int) -> int:
    found = _STOP.search(body, pos)
    return found.start() if found else len(body)


def _words(body: str, start: int, end: int) -> tuple[int, int] | None:
    while end > start and body[end - 1] in " ,;:":
        end -= 1
    return (start, end) if len(body[start:end].split()) >= MIN_WORDS else None
