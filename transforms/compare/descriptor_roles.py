"""Role phrases -> descriptors: 'the strongman', a definite noun phrase that stands for the person it was attached to
earlier in the article ('Haftar, the strongman, ...'), else for the person last named when the role may stand for
anyone and nobody else was named since.
"""

import re
from functools import cache, partial

from transforms.compare import descriptor_words as vocab
from transforms.compare.descriptor_phrases import MODIFIERS, NAME_RUN, head_words, row
from transforms.compare.quotes.speech import word_alternation

_ROLE_WINDOW = 400  # 'the strongman' stands for the person last named only if that name is this close
_ROLE_ALTERNATION = word_alternation(vocab.ROLE_NOUNS)  # a trie: longer nouns are tried before their prefixes
# 'the' and 'The' as two patterns, each opening with its literal word and checking the word boundary behind it: the
# regex finds a literal opening with a fast string search, where one opening with \b or [Tt] tries far more places.
_ROLE_REST = r"\s+((?:[\w'’.-]+\s+){0,3}?)(?i:(" + _ROLE_ALTERNATION + r"))(['’]s)?\b(?![\w-])"
_ROLES = (re.compile(r"the(?<!\wthe)" + _ROLE_REST), re.compile(r"The(?<!\wThe)" + _ROLE_REST))
# 'Biden is the frontrunner', 'replaced Trump as the front-runner': these say what someone is and stand for no one.
_PREDICATE = re.compile(r"\b(?:is|are|was|were|be|been|being|as|become|becomes|became|remains|remained)\s+$")
_NAME_FOLLOWS = re.compile(r",\s+(?=[A-Z])")
# A role noun after a possessive and not before a name belongs to someone the text does not name.
_CLAIM = re.compile(r"(?:\b(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)|['’]s)\s+(?:[\w-]+\s+){0,2}?(?i:(" + _ROLE_ALTERNATION
                    + r"))\b(?![\w-])(?! [A-Z])")


def _role_span(body: str, match: re.Match) -> tuple[int, int] | None:
    """Span of 'the <modifiers> <role>' without 'the' when it stands for a person, or None ('the general public')."""
    modifiers = match.group(1).split()
    for word in modifiers:
        lower = word.casefold()
        if lower in vocab.STOPWORDS or vocab.is_possessive(word) or not (
                lower in MODIFIERS or vocab.is_compound(word) or word[0].isupper()):
            return None
    if not match.group(3):  # 'the strongman's forces' stands for him whatever follows
        nxt = re.match(r"\s*([^\W\d_]+|\S)?", body[match.end():match.end() + 40]).group(1)
        strict = match.group(2).casefold() in vocab.NOUN_LIKE_ROLES
        if nxt and nxt[0].isalpha() and (nxt[0].isupper() or strict and nxt.casefold() not in vocab.ROLE_FOLLOWERS):
            return None  # 'the general Haftar' is a premodifier, 'the general election' no role at all
    return (match.start(1) if modifiers else match.start(2)), match.end(2)


def _qualifiers(text: str) -> set[str]:
    """Words of a role phrase that narrow who it is: 'vice', 'foreign', 'Greek' ('embattled' narrows nothing)."""
    return {w.casefold() for w in text.split()[:-1]
            if w.casefold() in vocab.RANK_WORDS or w.casefold() in vocab.NOUN_MODIFIERS or w[0].isupper()}


def _unnamed_between(body: str, a: int, b: int, named: list[tuple[int, int]]) -> bool:
    """Whether a capitalised name the entity list does not know ('John Calhoun') stands between a and b."""
    return any(not any(s <= m.start() < e for s, e in named) for m in NAME_RUN.finditer(body, a, b))


def _referent(pos: int, text: str, head: str, doc: tuple) -> str | None:
    """Person a role phrase at pos stands for: the one it was attached to, else the one just named, else None."""
    body, people, attached, claims, named = doc
    last = {entity: (start, end) for start, end, entity in people if end <= pos}
    known: dict[str, set[str]] = {}
    for start, entity, dwords in attached:
        if start < pos:
            known.setdefault(entity, set()).update(dwords)
    words, qualifiers = set(text.casefold().split()), _qualifiers(text)
    scored = [(len(words & dwords), last.get(entity, (-1,)), entity) for entity, dwords in known.items()
              if head in dwords and qualifiers <= dwords]
    if scored:
        return max(scored)[2]
    if head not in vocab.FALLBACK_ROLES or not last or claims().get(head, pos) < pos:
        return None
    (start, end), entity = max((span, e) for e, span in last.items())
    if pos - start > _ROLE_WINDOW or not qualifiers <= known.get(entity, set()) \
            or _unnamed_between(body, end, pos, named):
        return None  # too far back, or someone the entity list does not know was named since
    return entity


def _claims(body: str) -> dict[str, int]:
    """Body -> each role noun a possessive claims ('his deputy'), at its first claim."""
    return {m.group(1).casefold(): m.start() for m in reversed(list(_CLAIM.finditer(body)))}


def _role_matches(body: str) -> list[re.Match]:
    """Every 'the <modifiers> <role>' in a body, as one finditer of both patterns gives them: leftmost first, none
    overlapping the one before."""
    out, found = [], [pattern.search(body) for pattern in _ROLES]
    while any(found):
        match = min((m for m in found if m), key=re.Match.start)
        out.append(match)
        found = [m if m is None or m.start() >= match.end() else pattern.search(body, match.end())
                 for m, pattern in zip(found, _ROLES, strict=True)]
    return out


def roles(doc_id: str, body: str, mentions: list[dict], persons: set[str], described: list[dict]) -> list[dict]:
    """'the strongman' -> a role row for the person it stands for."""
    people = sorted((m["start_char"], m["end_char"], m["entity_id"]) for m in mentions if m["entity_id"] in persons)
    if not people:
        return []
    attached = [(r["start_char"], r["entity_id"], head_words(r["descriptor"]))
                for r in described if r["entity_id"] in persons]
    named = [(m["start_char"], m["end_char"]) for m in mentions]
    named_at = {m["start_char"]: m["entity_id"] for m in mentions}
    taken = [(r["start_char"], r["end_char"]) for r in described]
    claims = cache(partial(_claims, body))  # read only when a fallback role needs it: most texts never do
    doc, rows = (body, people, attached, claims, named), []
    for match in _role_matches(body):
        span = _role_span(body, match)
        if span is None or any(a < span[1] and span[0] < b for a, b in taken) \
                or _PREDICATE.search(body, max(0, match.start() - 12), match.start()):
            continue
        text, apposed = body[span[0]:span[1]], _NAME_FOLLOWS.match(body, match.end())
        if apposed:  # 'the dictator, Bashar al-Assad,' names its person at once, or someone the list does not know
            entity = named_at.get(apposed.end())
        else:
            entity = _referent(match.start(), text, match.group(2).casefold(), doc)
        if entity:
            rows.append(row(doc_id, entity, text, "role", span))
            attached.append((match.start(), entity, set(text.casefold().split())))
    return rows
