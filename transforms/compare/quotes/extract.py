"""Articles + mentions -> quotes with their speakers (QUOTES): direct quotes of every kind, and indirect speech.

Offsets: start_char/end_char index `body` and exclude the quote marks and the sentence's punctuation
after the words ('…stability,” Kalın said' ends before the comma). A quote split around its attribution
(“…,” he said. “…”) or run on across paragraphs is one row whose text joins its parts with a space; a
one-part quote's text is body[start_char:end_char]. Indirect rows ('X said (that) …') hold the reported words.

attribution: said_after ('“…,” Kalın said' / '“…,” said Kalin'), said_before ('Kalın said: “…”',
'…warned, saying “…”'), according_to, colon ('Erdogan: “…”'), title ('Turkey's Presidential Spokesman'
-> the person the article named with that title), pronoun (he/she/they -> who it stands for), continued (a quote
with no clause of its own carries on the speaker of the quote before it in its paragraph, or, as a paragraph of
quotes and nothing else, the last speaker of the paragraph before: news style names the speaker once for a run of
quoted sentences and paragraphs), subject (a quote in a sentence with no speech verb: the sentence's subject, when
that is a person named or a pronoun for one); null when nothing names a speaker.
"""

import re
from collections import defaultdict

import pyarrow as pa

from transforms.compare.quotes.after_quote import after_clause, late_clause
from transforms.compare.quotes.article import Clause, Doc, Mention, Speaker
from transforms.compare.quotes.clauses import before_clause, sentence_subject
from transforms.compare.quotes.indirect import indirect_rows
from transforms.compare.quotes.kinds import is_title_case, quote_kind
from transforms.compare.quotes.open_verbs import (
    finite_verb,
    how_colon,
    open_verb_clause,
    participle_subject,
    possessed_words,
    quoted_as,
    role_then_name,
)
from transforms.compare.quotes.people import given_name_gender
from transforms.compare.quotes.spans import Span, find_quote_spans
from transforms.compare.quotes.speakers import people, resolve, speech_events
from transforms.compare.quotes.speech import DOCUMENT_NOUNS, NP, PERSON_PRONOUNS, SHORT_TITLES, VERBS, head_kind
from transforms.compare.quotes.subjects import NAMED_APPOSITIVE, opening, subject_of_sentence_before
from transforms.lexicon import TITLES, english_word, fold_word, word_classes
from warehouse.contracts import QUOTES

_SENTENCE_END = re.compile(r"[.!?…][\"”’)\]]*\s+")
_ABBREVIATION = re.compile(rf"(?:\b[A-Z]|\b(?:{SHORT_TITLES}|"
                           r"St|No|Mt|Ft|Jan|Feb|Aug|Sept?|Oct|Nov|Dec|Ave|Corp|Inc|Co|Atty|Supt|Cpl|Pvt|Vol|Ph|vs))$")
_LOWER_NEXT = re.compile(r"[a-z0-9]")
# A signature line under a quote: '- Sanders.', '—President Obama, tweeting after …', '-Michelle Marks, Philadelphia.'
_DASH = r"(?:[―—–]|--?)"  # a horizontal bar, an em or en dash, a hyphen or two
# A signer's title may hold its own 'of' ('— Acting Chief of Staff of the Navy Ana Ruiz'), and the occasion
# may follow the name: '-- Governor Ana Ruiz in an interview with a radio station'.
_SIGNER = rf"(?P<np>{NP}(?:\s+of\s+{NP})?)"
_OCCASION = r"[^\S\n]+(?:in|on|at|during|after|before|while|via)\s"
_SIGNED = re.compile(rf"\s*{_DASH}\s*{_SIGNER}(?:\s*(?:[,.(]|$)|{_OCCASION})", re.MULTILINE)
# A quote opening its line, signed on that line: '“…” ― Jane Doe' (a round-up of readers' or voters' words).
_SIGNED_HERE = re.compile(rf"[^\S\n]*{_DASH}[^\S\n]*{_SIGNER}[^\S\n]*(?:(?:[.,(]|{_OCCASION})[^\n“”\x22]{{0,80}})?$",
                          re.MULTILINE)
# A heading in capitals before a line's quote ('FROM OUR MAILBAG - “…” – Jo Lee'): the quote still opens the line.
_HEADING = re.compile(r"[A-Z][A-Z’'\s]{2,60}[^\S\n]*[-—–:][^\S\n]*")
# A paragraph that only signs the quote paragraph before it: 'Philip Bump, Washington Post' (a round-up of columns).
_SIGNED_BARE = re.compile(rf"\s*(?P<np>{NP}),[^\S\n]+(?P<outlet>[A-Z][^\n,.!?“”\x22]{{1,60}})\.?[^\S\n]*$",
                          re.MULTILINE)
# ... or on the quote's own line, after it: '“…” Edward B. Foley, Politico'.
_SIGNED_BARE_HERE = re.compile(rf"[^\S\n]+(?P<np>{NP}),[^\S\n]+(?P<outlet>[A-Z][^\n,.!?“”\x22]{{1,60}})\.?[^\S\n]*$",
                               re.MULTILINE)
_NOTHING_AFTER = re.compile(r"[\s.,]*")  # white space (a no-break space too) and the sentence's own punctuation
_ENDS_SENTENCE = re.compile(r"[ \t,]*(?:[.!?…]|\n|$)")
# A sentence opened by a conjunction or a linking adverb and then the quote: it goes on from the sentence before.
_CONNECTIVE = re.compile(r"\s*(?:And|But|Yet|Still|So|Then|Now|Again|Also|Indeed|However|Instead|Besides)\b[\s,]*")
# ... or by a subordinate clause or an opening phrase, the quote being its main clause: 'Although studies differ on
# the cloth, “it’s more important how you wear it.”', 'In the end, “…”'.
_SUBORDINATE = re.compile(r"\s*(?:(?:And|But)\s+)?(?:Although|Though|While|Whereas|When|Whenever|If|Unless|Because|"
                          r"Since|As|After|Before|Once|Until|Even\s+(?:if|though|so|as|when))\b[^.!?;:“”\"\n]{1,200},\s*")
# ... but not an opener that names whose words they are: 'In the words of the groundsman, “…”', 'As the old saying
# goes, “…”', 'According to the notes, “…”'.
_NAMES_SOURCE = re.compile(r"\b(?:words|according|goes|go|says|say|said|puts|put|reads|read|wrote|writes)\b",
                           re.IGNORECASE)
# After a split quote's first part: the attribution clause, a few more words, then the second part.
_SPLIT_REST = re.compile(r"(?:[\s,]+[\w’'\-]+){0,10}\s*[,.:;—–-]\s*")
# A longer one when the second part goes on with the sentence: '“…,” said X, director of … in London, “but it …”'.
_SPLIT_LONG = re.compile(r"(?:[\s,]+[\w’'\-.]+){0,24}\s*,\s*")  # initials too: 'and Jesse M. Shapiro, “…”'


def extract_quotes(articles: pa.Table, mentions: pa.Table, entities: pa.Table) -> pa.Table:
    """Articles (doc_id, body) + MENTIONS + ENTITIES -> QUOTES, one row per quote or reported statement."""
    types = dict(zip(entities["entity_id"].to_pylist(), entities["entity_type"].to_pylist(), strict=True))
    by_doc = defaultdict(list)
    columns = [mentions[name].to_pylist() for name in ("doc_id", "start_char", "end_char", "entity_id", "surface")]
    for doc_id, start, end, entity_id, surface in zip(*columns, strict=True):
        kind = types.get(entity_id, "unknown")
        is_thing = kind not in ("person", "unknown")
        by_doc[doc_id].append(Mention(start, end, entity_id, surface, kind == "person", is_thing))
    rows = []
    for doc_id, body in zip(articles["doc_id"].to_pylist(), articles["body"].to_pylist(), strict=True):
        rows.extend(quote_rows(doc_id, body, sorted(by_doc.get(doc_id, []))))
    return pa.Table.from_pylist(rows, schema=QUOTES)


def quote_rows(doc_id: str, body: str, mentions: list[Mention]) -> list[dict]:
    """One body and its mentions (sorted by start) -> QUOTES rows as dicts: direct quotes, then indirect speech."""
    spans = find_quote_spans(body)
    doc = Doc(body, mentions, sorted((p.open_at, p.close_at + 1) for q in spans for p in q))
    found: list[tuple[list[Span], Speaker | None, str]] = []
    merged = _merge_split(doc, spans)
    for n, (parts, clause) in enumerate(merged):
        first, last = parts[0], parts[-1]
        floor = _sentence_start(body, first.paragraph, first.open_at)
        stop = _clause_stop(body, last, spans)
        clause = clause or after_clause(doc, last.close_at + 1, stop, _ended(body, last)) \
            or role_then_name(body, last.close_at + 1, stop) \
            or quoted_as(body, floor, first.open_at, last.close_at + 1, stop) \
            or how_colon(body, floor, first.open_at) or before_clause(doc, floor, first.open_at) \
            or (" " in body[first.start:last.end].strip() and possessed_words(body, floor, first.open_at)) \
            or _signature(doc, first, last) or _lead_in(doc, first) \
            or participle_subject(body, floor, first.open_at, last.close_at + 1, stop) \
            or (None if _ended(body, last) else _open_verb(doc, floor, first, last, stop)
                or late_clause(doc, last.close_at + 1, stop))
        speaker = resolve(doc, clause, first.open_at) if clause else None
        ends = body[last.start:last.end].rstrip("’'”\")]")[-1:] in ".!?…" \
            or bool(_ENDS_SENTENCE.match(body, last.close_at + 1))
        alone = ends and not body[floor:first.open_at].strip()
        linked = ends and bool(_CONNECTIVE.fullmatch(body, floor, first.open_at))  # 'But, “…”' goes on from before
        led = linked or ends and bool(_SUBORDINATE.fullmatch(body, floor, first.open_at)
                                      or opening(body, floor, first.open_at) >= first.open_at) \
            and not _NAMES_SOURCE.search(body, floor, first.open_at)
        text = " ".join(body[p.start:p.end] for p in parts)
        kind = quote_kind(body[floor:first.open_at], text, bool(clause and clause.carries), alone,
                          body[last.close_at:last.close_at + 40])
        if speaker is None and kind == "speech" and clause is None:
            later = merged[n + 1][0] if n + 1 < len(merged) and not alone else None
            speaker = (later and _later_in_sentence(doc, last, later, spans)) \
                or _said_in_sentence(doc, floor, first.open_at) \
                or _continued(doc, parts, found, alone or led, linked and floor == first.paragraph) \
                or _named_subject(doc, floor, first.open_at, last.close_at + 1)
        found.append((parts, speaker, kind))
    rows = [_row(doc_id, n, " ".join(body[p.start:p.end] for p in parts), parts[0].start, parts[-1].end, speaker,
                 kind) for n, (parts, speaker, kind) in enumerate(found)]
    for n, (start, end, speaker) in enumerate(indirect_rows(doc), len(rows)):
        rows.append(_row(doc_id, n, body[start:end], start, end, speaker, "indirect"))
    return rows


def _row(doc_id: str, n: int, text: str, start: int, end: int, speaker: Speaker | None, kind: str) -> dict:
    return {"doc_id": doc_id, "quote_id": f"{doc_id}:{n}", "text": text,
            "speaker_entity_id": speaker.entity_id if speaker else None,
            "speaker_surface": speaker.surface if speaker else None,
            "attribution": speaker.attribution if speaker else None, "start_char": start, "end_char": end,
            "count_words": len(text.split()), "quote_kind": kind, "is_fragment": kind != "speech"}


def _continued(doc: Doc, parts: list[Span], found: list[tuple[list[Span], Speaker | None, str]],
               alone: bool, led: bool = False) -> Speaker | None:
    """A quote with no clause: the speaker of the quote before it in its paragraph (when it stands as a sentence of
    its own), or, for a paragraph that is one quote and nothing else (after a conjunction when `led`: 'But, “…”'),
    the last speaker of the paragraph before. A subordinate clause or phrase before the quote carries a speaker on
    only within its paragraph: a new paragraph so opened is as often the writer's or someone else's."""
    first, last = parts[0], parts[-1]
    same = None
    for p, speaker, kind in reversed(found):  # the quote before it in its paragraph that has a speaker
        if p[-1].paragraph != first.paragraph:
            break
        if kind == "speech" and speaker:
            same = speaker
            break
    if same and alone:
        return same._replace(attribution="continued")
    earlier = speech_events(doc, first.paragraph, first.open_at) if alone else []
    if earlier:
        return earlier[-1][1]._replace(attribution="continued")
    if alone and first.open_at != first.paragraph and _is_clause(" ".join(doc.body[p.start:p.end] for p in parts)) \
            and (subject := _subject_before(doc, first)):
        return subject
    end = _paragraph_end(doc.body, last.close_at)
    if not (led or first.open_at == first.paragraph) or not _NOTHING_AFTER.fullmatch(doc.body, last.close_at + 1, end):
        return None
    previous = doc.body[:first.paragraph].rstrip("\n")
    lo, hi = previous.rfind("\n") + 1, len(previous)
    said = [(pos, speaker) for pos, speaker, _ in speech_events(doc, lo, hi)]
    said += [(p[0].start, speaker) for p, speaker, kind in found if speaker and lo <= p[0].start < hi
             and kind == "speech"]
    if not said:
        return None
    return max(said, key=lambda item: item[0])[1]._replace(attribution="continued")


def _named_subject(doc: Doc, floor: int, open_at: int, after: int) -> Speaker | None:
    """A quote in a sentence whose subject is a person named or a pronoun for one -> that person: the words are
    given as theirs ('Ana Ruiz welcomed “…”'); a subject that is a group, a thing or a role is not taken, nor
    one whose sentence names a source after the quote ('X is “…”, according to the paper')."""
    end = _SENTENCE_END.search(doc.body, after)
    if _SOURCED.search(doc.body, after, end.start() if end else len(doc.body)):
        return None
    floor = max(floor, doc.body.rfind(";", floor, open_at) + 1)  # '…, he studied under X; X’s dictum was “…”'
    clause = sentence_subject(doc, floor, open_at)
    speaker = resolve(doc, clause, open_at) if clause else None
    phrase = doc.body[clause.start:clause.end] if clause else ""
    return speaker._replace(attribution="subject") if _is_person(doc, speaker, phrase) else None


# A source named after a quote in its sentence: the words are that source's account, not the subject's.
_SOURCED = re.compile(r"\b(?:according\s+to|as\s+(?:reported|quoted)\s+by)\b", re.IGNORECASE)


def _is_clause(text: str) -> bool:
    """Whether a quote's words are a clause someone says (six words or more, with a finite verb or a first or second
    person pronoun), not a caption or a comment with no verb ('A sad end to a long career.')."""
    words = re.findall(r"[\w’'-]+", text)
    return len(words) >= 6 and any(w.casefold() in _CLAUSE_WORDS or finite_verb(w.casefold()) for w in words)


_CLAUSE_WORDS = frozenset("""i i’m i'm we we’re we're you you’re you're my our me us will would can could should must
may might shall""".split())


def _subject_before(doc: Doc, first: Span) -> Speaker | None:
    """A quote standing as a sentence in its paragraph, no one speaking before it there -> the subject of the
    sentence right before, when that is a person named or a pronoun for one: 'A legislator, Jim Olsen, has proposed
    a bill. “…”' is Olsen's; not one the sentence acts on ('Olsen was sued by the city.')."""
    span = subject_of_sentence_before(doc.body, first.open_at)
    if span is None or span[0] < first.paragraph or doc.body[:first.open_at].rstrip(" \"“”")[-1:] in "?!":
        return None  # a question or an exclamation before the quote is someone's words, not a statement about them
    if named := NAMED_APPOSITIVE.match(doc.body, span[1]):  # 'A Republican legislator, Jim Olsen, has …'
        span = named.span("np")
    if _ACTED_ON.match(doc.body, span[1]):
        return None
    phrase = doc.body[span[0]:span[1]]
    if " " not in phrase and english_word(phrase) and not any(m.start == span[0] for m in doc.mentions):
        return None  # a word capitalised as the sentence's first, not a name: 'Are you sure?'
    speaker = resolve(doc, Clause(span[0], span[1], "subject", False), first.open_at)
    if speaker and speaker.attribution != "pronoun" and not phrase.endswith(speaker.surface):
        return None  # a person who only modifies the subject: 'The Olsen press office issued …'
    if (head := _NEXT_WORD.match(doc.body, span[1])) and head[1] not in _CLAUSE_WORDS \
            and "NOUN" in word_classes(head[1]) and not finite_verb(head[1]):
        return None  # ... when the subject read stops before the noun it modifies: 'The Olsen bakery wants …'
    return speaker._replace(attribution="subject") if _is_person(doc, speaker, phrase) else None


_NEXT_WORD = re.compile(r" ([a-z][a-z\-]+)\b")
# A passive after a subject: the sentence is about what was done to them, not what they did.
_ACTED_ON = re.compile(r"[^.!?\n]{0,80}?\b(?:was|were|is|are|been|being|got)\s+(?:\w+ly\s+)?\w+(?:ed|en|t)\b")


def _is_person(doc: Doc, speaker: Speaker | None, phrase: str) -> bool:
    """Whether a speaker read from a subject phrase is a person named (a given name, a mention typed as a person, or
    a surname the article gives a person elsewhere: 'Ruiz' after 'Ana Ruiz') or 'he'/'she' for one."""
    if speaker is None:
        return False
    if speaker.attribution == "pronoun":
        return phrase.casefold() in PERSON_PRONOUNS  # 'It requires …' stands for no person
    if given_name_gender(speaker.surface.split()[0]) \
            or any(m.is_person and m.entity_id == speaker.entity_id for m in doc.mentions):
        return True
    if head_kind(speaker.surface) != "name" or doc.is_place(speaker.surface) \
            or any(m.is_thing and m.entity_id == speaker.entity_id for m in doc.mentions):
        return False
    key = fold_word(speaker.surface.split()[-1])
    return any(p.key == key and p.gender is not None and len(p.surface.split()) > 1
               and (given_name_gender(p.surface.split()[0]) or p.surface.split()[0].casefold().rstrip(".") in TITLES)
               for p in people(doc))  # named in full somewhere: 'Ana Ruiz', 'Ms. Ruiz'


def _later_in_sentence(doc: Doc, last: Span, later: list[Span], spans: list[list[Span]]) -> Speaker | None:
    """A quote whose sentence goes on to a later quote with a clause after it -> that clause's speaker: 'While it may
    not “attract the fringe” the deal may “pass something,” he added.'"""
    between = doc.body[last.close_at + 1:later[0].open_at]
    if later[0].paragraph != last.paragraph or doc.body[last.end - 1:last.end] in ".!?…" \
            or any(mark in between for mark in ".!?…:;—–") or "--" in between:
        return None  # the sentence ends, or an aside stands between: '“…” -- an assertion X denied -- and “…”'
    clause = after_clause(doc, later[-1].close_at + 1, _clause_stop(doc.body, later[-1], spans),
                          _ended(doc.body, later[-1]))
    return resolve(doc, clause, later[0].open_at) if clause else None


def _said_in_sentence(doc: Doc, floor: int, open_at: int) -> Speaker | None:
    """A quote after a colon in a sentence whose speech verb has a subject: '“…,” said Skelly, explaining he worked
    with Vito: “…”' -> that verb's speaker."""
    if not doc.body[floor:open_at].rstrip().endswith(":"):
        return None
    events = [speaker for pos, speaker, _ in speech_events(doc, floor, open_at) if doc.body[pos:pos + 1].islower()
              and doc.body[pos:].split(None, 1)[0] in VERBS]  # 'what he called a success' introduces no quote
    return events[-1]._replace(attribution="said_before") if events else None


def _merge_split(doc: Doc, spans: list[list[Span]]) -> list[tuple[list[Span], Clause | None]]:
    """Quotes -> quotes with '“…,” he said. “…”' joined into one, each with the clause found between its parts.

    A second part with an attribution of its own ('“…,” it added') is a quote of its own."""
    merged: list[tuple[list[Span], Clause | None]] = []
    for parts in spans:
        if merged:
            prev, clause = merged[-1]
            end, start = prev[-1], parts[0]
            if end.paragraph == start.paragraph:
                between = after_clause(doc, end.close_at + 1, start.open_at, _ended(doc.body, end)) \
                    or (None if _ended(doc.body, end) else _open_verb(doc, _sentence_start(
                        doc.body, prev[0].paragraph, prev[0].open_at), prev[0], end, start.open_at))
                own = after_clause(doc, parts[-1].close_at + 1, _clause_stop(doc.body, parts[-1], spans),
                                   _ended(doc.body, parts[-1]))
                rest = _SPLIT_LONG if doc.body[start.start:start.start + 1].islower() else _SPLIT_REST
                if between and not own and rest.fullmatch(doc.body, between.clause_end, start.open_at):
                    merged[-1] = (prev + parts, clause or between)
                    continue
        merged.append((parts, None))
    return merged


def _ended(body: str, part: Span) -> bool:
    """Whether a quote's last part ends its sentence with a full stop, inside or right after the mark; '…in the
    U.S.,” X said' does not (the full stop is an abbreviation's, a comma follows)."""
    if "," in body[part.end:part.close_at + 2]:
        return False
    return body[part.end - 1] == "." or body[part.close_at + 1:part.close_at + 2] == "."


def _clause_stop(body: str, last: Span, spans: list[list[Span]]) -> int:
    """Where the text after a quote stops: the next opening mark or the paragraph's end."""
    stop = _paragraph_end(body, last.close_at)
    for quote in spans:  # in body order: the first opening after this quote
        if quote[0].open_at > last.close_at:
            return min(stop, quote[0].open_at)
    return stop


def _lead_in(doc: Doc, first: Span) -> Clause | None:
    """A quote opening its paragraph after a paragraph that ends with a colon -> that sentence's clause ('Trump
    issued the following statement:')."""
    if first.open_at != first.paragraph:
        return None
    end = len(doc.body[:first.paragraph].rstrip())
    if not doc.body[:end].endswith(":"):
        return None
    paragraph = doc.body.rfind("\n", 0, end) + 1
    return before_clause(doc, _sentence_start(doc.body, paragraph, end), end)


def _signature(doc: Doc, first: Span, last: Span) -> Clause | None:
    """A quote signed after it: '“…” ― Jane Doe' on its own line, or a quote ending its paragraph signed in the next
    one: '“…”' then '- Bernie Sanders.' / '—Jane Doe, Ohio', or, after a paragraph that is only the quote, 'Philip Bump,
    Washington Post'."""
    opens_line = first.open_at == first.paragraph or bool(_HEADING.fullmatch(doc.body, first.paragraph, first.open_at))
    after = last.close_at + 1
    titled = is_title_case(doc.body[first.start:last.end].strip(" ,.!?"), 1)  # '“Still Water” Ines Varga, Spain'
    signed = (_signer(_SIGNED_HERE.match(doc.body, after))
              or (None if titled else _bare(_SIGNED_BARE_HERE.match(doc.body, after)))) if opens_line else None
    if signed:
        return Clause(signed.start("np"), signed.end("np"), "said_after", True)
    end = _paragraph_end(doc.body, last.close_at)
    if not _NOTHING_AFTER.fullmatch(doc.body, last.close_at + 1, end):
        return None
    signed = _signer(_SIGNED.match(doc.body, end)) \
        or (_bare(_SIGNED_BARE.match(doc.body, end)) if opens_line and not titled else None)
    return Clause(signed.start("np"), signed.end("np"), "said_after", True) if signed else None


def _signer(signed: re.Match | None) -> re.Match | None:
    """A dash signature, when an occasion follows only a name ('-- Governor Ana Ruiz in an interview'), not a
    description ('-- Portion of voters in a new poll'), and never a document ('-- Editorial in the Daily Ledger')."""
    if signed and signed.string[signed.end("np"):signed.end()].strip(" \t,.(") and signed["np"].split()[-1].islower():
        return None
    if signed and signed["np"].split()[0].casefold() in DOCUMENT_NOUNS:
        return None
    return signed


def _bare(signed: re.Match | None) -> re.Match | None:
    """A 'Name, Outlet' signature when the outlet is written as a name (its longer words capitalised)."""
    return signed if signed and all(w[:1].isupper() for w in signed["outlet"].split() if len(w) > 3) else None


def _open_verb(doc: Doc, floor: int, first: Span, last: Span, stop: int) -> Clause | None:
    """'“…,” Ruiz grumbled.': a subject and a finite verb in no list of speech verbs after a quote that opens its
    sentence (not one inside an opening phrase: 'In a talk on “Night Desk,” Doe pointed to …') and closes on a
    comma, '?' or '!'."""
    if doc.body[floor:first.open_at].strip() and not _CONNECTIVE.fullmatch(doc.body, floor, first.open_at):
        return None
    return open_verb_clause(doc.body, last.close_at + 1, stop, doc.body[first.start:last.end])


def _paragraph_end(body: str, pos: int) -> int:
    end = body.find("\n", pos)
    return len(body) if end < 0 else end


def _sentence_start(body: str, paragraph: int, pos: int) -> int:
    """Start of the sentence holding pos: not after an abbreviation or initial ('the No. 2 in the GOP', 'Sen.',
    'J.'), nor before a word in lower case or a digit ('U.S. officials')."""
    start = paragraph
    for match in _SENTENCE_END.finditer(body, paragraph, pos):
        opens = body[match.end():match.end() + 1] in "“\"‘'"  # a quote opening a sentence: 'S.C. “It …'
        if opens or not (_ABBREVIATION.search(body, max(paragraph, match.start() - 5), match.start())
                         and body[match.start()] == ".") and not _LOWER_NEXT.match(body, match.end()):
            start = match.end()
    return start
