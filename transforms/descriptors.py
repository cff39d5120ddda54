"""Articles + mentions + quotes -> DESCRIPTORS: the words an outlet puts next to a name.

Kinds: 'premodifier' (the words right before a name: 'renegade General Khalifa Haftar'), 'appositive' ('Haftar, a
former army commander,' -> 'former army commander': a leading a/an/the is dropped so outlets compare on the words
that describe), 'copular' ('Haftar is a former general'), and 'role' ('the strongman', a definite noun phrase that
stands for the person last named, or for the person that role noun was attached to earlier in the article).
Everything is a regular expression over a short window around a mention: no parser.
"""

import re
from bisect import bisect_left
from collections.abc import Iterable

import pyarrow as pa

from transforms.descriptor_words import (
    ADJECTIVES,
    ATTRIBUTIVE_NOUNS,
    DESCRIPTIVE,
    HONORIFICS,
    NOUN_MODIFIERS,
    OFFICE_FAMILY,
    ROLE_FOLLOWERS,
    ROLE_NOUNS,
    STOPWORDS,
    THING_NOUNS,
    TITLE_ABBREVIATIONS,
)
from transforms.lexicon import NOT_NAMES, is_demonym
from warehouse.contracts import DESCRIPTORS

# Only people are matched by a surname alone, so such a mention marks its entity as a person.
PERSON_MATCH_KINDS = frozenset({"surname", "surname_in_context"})
_WINDOW = 100  # characters left of a name: room for the six words a premodifier may have
_MAX_WORDS = 6
_ROLE_WINDOW = 400  # 'the strongman' stands for the person last named only if that name is this close
_ROLE_ALTERNATION = "|".join(sorted(ROLE_NOUNS, key=len, reverse=True))  # longest first: 'vice-president'
_WORD = re.compile(r"(?:[A-Z]\.){2,}(?:-[\w-]*[^\W_])?|(?:" + "|".join(TITLE_ABBREVIATIONS)
                   + r")\.|[^\W_](?:[\w'’.-]*[^\W_])?|\S")
_PREPOSITIONS = frozenset({"of", "for", "to", "at", "in", "on", "from", "with", "under", "since", "turned"})
_PHRASE_GLUE = frozenset({"a", "an", "the", "and"}) | _PREPOSITIONS
_PHRASE = r"([^,;:.!?()\[\]\"“”—–]{2,120}?)"
_END = r"(?=\s*(?:[,;:!?()\[\]\"“”—–]|\.(?:\s|$)|--|$)|\s(?:who|whom|whose|which|that|and|but|when|after)\b)"
_APPOSITIVE = re.compile(r"(,|\s*--|\s*[—–])\s+(?:(a|an|the)\s+)?" + _PHRASE + _END)
_COPULAR = re.compile(r"\s+(?:is|was|remains|remained|became|has been|had been)\s+(?:a|an|the)\s+" + _PHRASE + _END)
_ROLE = re.compile(r"\b[Tt]he\s+((?:[\w'’.-]+\s+){0,3}?)(?i:(" + _ROLE_ALTERNATION + r"))(['’]s)?\b(?![\w-])")

# A role noun after a possessive and not before a name belongs to someone the text does not name.
_CLAIM = re.compile(r"(?:\b(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)|['’]s)\s+(?:[\w-]+\s+){0,2}?(?i:(" + _ROLE_ALTERNATION
                    + r"))\b(?![\w-])(?! [A-Z])")


def _possessive(word: str) -> bool:
    return len(word) > 2 and (word[-2:] in ("'s", "’s") or word[-2:] in ("s'", "s’"))


def _compound(word: str) -> bool:
    """'eastern-based', 'UN-backed', '76-year-old' -> True; 'al-Sarraj' (a name) -> False."""
    tail = word.rsplit("-", 1)[-1]
    return "-" in word and tail.isalpha() and tail.islower()


def _role_word(word: str) -> bool:
    return word.casefold() in ROLE_NOUNS or word.rstrip(".") in TITLE_ABBREVIATIONS


def _sentence_start(body: str, pos: int) -> bool:
    before = body[:pos].rstrip(" \t\u00a0")
    return not before or before[-1] in ".!?\n\"“”:;"


def _title_case(body: str, pos: int) -> bool:
    """Whether the line around pos is a headline in Title Case, where capitals say nothing about names."""
    line = body[body.rfind("\n", 0, pos) + 1:body.find("\n", pos) % (len(body) + 1)]
    long = [w for w in re.findall(r"[^\W\d_][\w'’-]*", line) if len(w) > 3]
    return len(long) >= 3 and sum(w[0].isupper() for w in long) >= 0.8 * len(long)


def _proper(body: str, tok: re.Match, named: set[int], headline: bool) -> bool:
    """A capitalised word that may modify a role ('Libyan National Army general'), not a sentence opener."""
    word = tok.group()
    if not word[0].isupper() or word.casefold() in NOT_NAMES or word.casefold() in HONORIFICS:
        return False
    if tok.start() in named or is_demonym(word):
        return True
    return not headline and not _sentence_start(body, tok.start())


def _step(word: str, phase: str | None, proper: bool) -> str | None:
    """Phase after taking a word leftwards into a premodifier ('head' nouns, then 'adjective's), or None to stop."""
    lower = word.casefold()
    if _possessive(word) or lower in STOPWORDS or lower in HONORIFICS or not word[0].isalnum():
        return None
    if lower in ADJECTIVES or _compound(word):
        return "adjective"
    if phase is None:  # the word next to the name must be a role or an adjective
        return "head" if _role_word(word) else None
    if phase == "head" and (_role_word(word) or lower in NOUN_MODIFIERS):
        return "head"
    return phase if proper else None


def _premodifier(body: str, start: int, named: set[int]) -> tuple[int, int] | None:
    """Span of the words right before a name that describe it ('renegade General'), or None."""
    toks = list(_WORD.finditer(body, max(0, start - _WINDOW), start))
    headline, kept, phase, right = _title_case(body, start), [], None, start
    for i in range(len(toks) - 1, -1, -1):
        tok, gap = toks[i], body[toks[i].end():right]
        if not gap or gap.strip(" \u00a0") or len(kept) == _MAX_WORDS:
            break
        word = tok.group()
        if word == "and" and kept and i and phase == "head" and _titled(toks[i - 1].group()) \
                and _titled(toks[kept[-1]].group()):
            kept.append(i)  # 'Treasury and Finance Minister' is one title
            right = tok.start()
            continue
        phase = _step(word, phase, _proper(body, tok, named, headline))
        if phase is None:
            break
        kept.append(i)
        right = tok.start()
        if _sentence_start(body, tok.start()):
            break
    return (toks[kept[-1]].start(), toks[kept[0]].end()) if kept else None


def _titled(word: str) -> bool:
    return word[:1].isupper() and (word.casefold() in NOUN_MODIFIERS or _role_word(word))


def _premodifier_text(body: str, span: tuple[int, int]) -> str:
    """The words as written, but a sentence opening's grammatical capital dropped ('Warlord' -> 'warlord')."""
    text = body[span[0]:span[1]]
    first, _, rest = text.partition(" ")
    if _sentence_start(body, span[0]) and (first.casefold() in DESCRIPTIVE or _compound(first)) \
            and (not rest or rest[:1].islower()):
        return first[:1].lower() + text[1:]
    return text


def _noun_phrase(phrase: str, heads: frozenset[str], has_article: bool) -> int:
    """Length of the part of a phrase after a name that describes it ('former army commander'), 0 if none.

    A second prepositional phrase is cut off: 'ally of the Syrian regime of President Assad' -> 'ally of the Syrian
    regime'."""
    words = phrase.split()
    if not words or len(words) > 12 or any(w.casefold() in STOPWORDS - _PHRASE_GLUE for w in words):
        return 0
    first = words[0]
    if not has_article and not (first.casefold() in ROLE_NOUNS | ADJECTIVES | NOUN_MODIFIERS or _compound(first)
                                or is_demonym(first)):
        return 0  # 'Russia, Egypt' is a list, 'Haftar, 76,' an age
    cuts = [n for n, w in enumerate(words) if w.casefold() in _PREPOSITIONS] + [len(words), len(words)]
    if not 0 < cuts[0] <= 6 or words[cuts[0] - 1].casefold() not in heads or cuts[1] - cuts[0] > 6:
        return 0
    return [m.end() for m in re.finditer(r"\S+", phrase)][cuts[1] - 1]


def _after(body: str, end: int, heads: frozenset[str]) -> list[tuple[str, int, int]]:
    """Appositive and copular descriptors right after a name: (kind, start, end)."""
    found = []
    apposed = _APPOSITIVE.match(body, end)
    size = apposed and _noun_phrase(apposed.group(3), heads, bool(apposed.group(2)))
    # 'Kalin, the foreign minister, and the intelligence chief' is a list of people, not a description of Kalin.
    if size and not re.match(r"\s*,\s*(?:and|or)\b", body[apposed.end():apposed.end() + 8]):
        found.append(("appositive", apposed.start(3), apposed.start(3) + size))
    copular = _COPULAR.match(body, end)
    size = copular and _noun_phrase(copular.group(1), heads, True)
    if size:
        found.append(("copular", copular.start(1), copular.start(1) + size))
    return found


def _attributive(body: str, end: int) -> bool:
    """'former Trump adviser': the name modifies the next word, so 'former' describes the adviser."""
    nxt = re.match(r" ([a-z]+)\b", body[end:end + 30])
    return body[end:end + 1] == "-" or bool(nxt and nxt.group(1) in ATTRIBUTIVE_NOUNS | ROLE_NOUNS)


def _head(text: str) -> str:
    """The noun a descriptor is about: the last word before any 'of'/'for' ('head of the GNA' -> 'head')."""
    words = [w.casefold() for w in text.split()]
    cut = next((n for n, w in enumerate(words) if w in _PREPOSITIONS), len(words))
    return words[cut - 1] if cut else ""


def _describe(doc_id: str, body: str, mentions: list[dict], persons: set[str], things: set[str]) -> list[dict]:
    """Premodifier, appositive and copular rows for the mentions of one article."""
    named = {m["start_char"] for m in mentions}
    rows = []
    for m in mentions:
        entity, start, end = m["entity_id"], m["start_char"], m["end_char"]
        heads = ROLE_NOUNS if entity in persons else THING_NOUNS if entity in things else ROLE_NOUNS | THING_NOUNS
        span = _premodifier(body, start, named)
        if span and not (entity in things and _role_word(body[span[0]:span[1]].split()[-1])):
            text = _premodifier_text(body, span)
            if _role_word(text.split()[-1]) or not _attributive(body, end):
                rows.append(_row(doc_id, entity, text, "premodifier", span))
        for kind, a, b in _after(body, end, heads):
            rows.append(_row(doc_id, entity, body[a:b], kind, (a, b)))
    return rows


def _row(doc_id: str, entity_id: str, text: str, kind: str, span: tuple[int, int]) -> dict:
    return {"doc_id": doc_id, "entity_id": entity_id, "descriptor": " ".join(text.split()), "kind": kind,
            "start_char": span[0], "end_char": span[1], "is_quoted": False}


def _role_span(body: str, match: re.Match) -> tuple[int, int] | None:
    """Span of 'the <modifiers> <role>' without 'the' when it stands for a person, or None ('the general public')."""
    modifiers = match.group(1).split()
    for word in modifiers:
        lower = word.casefold()
        if lower in STOPWORDS or _possessive(word) or not (
                lower in ADJECTIVES or lower in NOUN_MODIFIERS or _compound(word) or word[0].isupper()):
            return None
    if not match.group(3):  # 'the strongman's forces' stands for him whatever follows
        nxt = re.match(r"\s*([^\W\d_]+|\S)?", body[match.end():match.end() + 40]).group(1)
        if nxt and nxt[0].isalpha() and (nxt[0].isupper() or nxt.casefold() not in ROLE_FOLLOWERS):
            return None  # 'the general Haftar' is a premodifier, 'the general election' no role at all
    return (match.start(1) if modifiers else match.start(2)), match.end(2)


def _claimed(body: str) -> dict[str, int]:
    """Role nouns first owned by someone unnamed ('Erdogan's spokesman said', 'his adviser') -> position."""
    claims: dict[str, int] = {}
    for match in _CLAIM.finditer(body):
        claims.setdefault(match.group(1).casefold(), match.start())
    return claims


def _referent(pos: int, head: str, words: set[str], people: list[tuple[int, str]], attached: list[tuple],
              claims: dict[str, int]) -> str | None:
    """Person a role phrase at pos stands for: the one it was attached to, else the one last named, else None."""
    starts = [p[0] for p in people]
    last = {entity: start for start, entity in people[:bisect_left(starts, pos)]}
    earlier = [(entity, dwords, dhead) for start, entity, dwords, dhead in attached if start < pos]
    scored = [(len(words & dwords), last.get(entity, -1), entity) for entity, dwords, _ in earlier if head in dwords]
    if scored:
        return max(scored)[2]
    if claims.get(head, pos) < pos or not last:
        return None
    start, entity = max((s, e) for e, s in last.items())
    families = {OFFICE_FAMILY.get(dhead) for e, _, dhead in earlier if e == entity} - {None}
    if pos - start > _ROLE_WINDOW or (OFFICE_FAMILY.get(head) and families and OFFICE_FAMILY[head] not in families):
        return None  # too far back, or someone else: a president is not 'the minister' of the next sentence
    return entity


def _roles(doc_id: str, body: str, mentions: list[dict], persons: set[str], described: list[dict]) -> list[dict]:
    """'the strongman' -> a role row for the person it stands for."""
    people = sorted((m["start_char"], m["entity_id"]) for m in mentions if m["entity_id"] in persons)
    if not people:
        return []
    attached = [(r["start_char"], r["entity_id"], _words(r["descriptor"]), _head(r["descriptor"]))
                for r in described if r["entity_id"] in persons]
    taken = [(r["start_char"], r["end_char"]) for r in described]
    claims, rows = _claimed(body), []
    for match in _ROLE.finditer(body):
        span = _role_span(body, match)
        if span is None or any(a < span[1] and span[0] < b for a, b in taken):
            continue
        text, head = body[span[0]:span[1]], match.group(2).casefold()
        entity = _referent(match.start(), head, _words(text), people, attached, claims)
        if entity:
            rows.append(_row(doc_id, entity, text, "role", span))
            attached.append((match.start(), entity, _words(text), head))
    return rows


def _words(text: str) -> set[str]:
    return {w.casefold() for w in text.split()}


def _by_doc(rows: Iterable[dict]) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = {}
    for row in rows:
        grouped.setdefault(row["doc_id"], []).append(row)
    return grouped


def _types(mentions: pa.Table, entities: pa.Table | None) -> tuple[set[str], set[str]]:
    """(persons, non-persons) known from the entity table, or persons told by surname-only mentions."""
    if entities is not None:
        kinds = dict(zip(entities["entity_id"].to_pylist(), entities["entity_type"].to_pylist(), strict=True))
        return {e for e, k in kinds.items() if k == "person"}, {e for e, k in kinds.items() if k != "person"}
    kinds = zip(mentions["entity_id"].to_pylist(), mentions["match_kind"].to_pylist(), strict=True)
    return {e for e, k in kinds if k in PERSON_MATCH_KINDS}, set()


def extract_descriptors(articles: pa.Table, mentions: pa.Table, quotes: pa.Table,
                        entities: pa.Table | None = None) -> pa.Table:
    """Articles (doc_id, body) + MENTIONS + QUOTES spans (+ ENTITIES for types) -> DESCRIPTORS, in text order."""
    by_doc = _by_doc(mentions.to_pylist())
    quoted = _by_doc(quotes.select(["doc_id", "start_char", "end_char"]).to_pylist())
    persons, things = _types(mentions, entities)
    out = []
    for doc_id, body in zip(articles["doc_id"].to_pylist(), articles["body"].to_pylist(), strict=True):
        doc_mentions = by_doc.get(doc_id)
        if not doc_mentions:
            continue
        described = _describe(doc_id, body, doc_mentions, persons, things)
        # A name described by a person's role noun ('warlord') is a person even when only named in full.
        people = persons | ({r["entity_id"] for r in described if _head(r["descriptor"]) in ROLE_NOUNS - THING_NOUNS}
                            - things)
        rows = described + _roles(doc_id, body, doc_mentions, people, described)
        spans = [(q["start_char"], q["end_char"]) for q in quoted.get(doc_id, [])]
        seen = set()
        for row in sorted(rows, key=lambda r: (r["start_char"], r["end_char"], r["entity_id"], r["kind"])):
            key = (row["entity_id"], row["kind"], row["start_char"], row["end_char"])
            if key not in seen:
                seen.add(key)
                row["is_quoted"] = any(a <= row["start_char"] and row["end_char"] <= b for a, b in spans)
                out.append(row)
    return pa.Table.from_pylist(out, schema=DESCRIPTORS)
