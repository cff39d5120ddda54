"""Names the alias index does not know -> mentions of the entity whose known spellings they match."""

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz.distance import Indel, Levenshtein

from transforms.lexicon import is_demonym
from transforms.names.capitalised import Candidate
from transforms.names.matching import Mention, longer_form
from transforms.names.variants import (
    VariantIndex,
    build_variant_index,
    coarse,
    match_variant,
    name_tokens,
    surname_bearers,
)

# A person's last word as written must keep half the letters of the known surname: transliteration changes
# many ('Khadafy' ~ 'Gaddafi' 0.57, 'Hifter' ~ 'Haftar' 0.67), a different name most ('Bayer' vs 'Albayrak').
SURNAME_LETTERS = 0.5
KIND_CODES = {"person": "PER", "organisation": "ORG", "place": "LOC"}
# Candidates carrying these notes were already judged by the exact index: a shared surname stays ambiguous.
_JUDGED = "ambiguous"
_SEPARATOR = re.compile(r"[\s\-‐‑–—]")
_WORD = re.compile(r"[^\W_]+")
_GLUED_ARTICLES = ("al-", "el-", "al ", "el ")
# Words that join a sentence-opening word to a name in one capitalised run ('Fighters of al-Qaida').
_JOINERS = ("of", "and", "for", "the", "on")
_JOINER_GAPS = tuple(f" {word} " for word in _JOINERS)  # as searched for in a run: whole words


@dataclass(eq=False)
class VariantMatcher:
    """Known spellings of the entity table, with answers remembered per name (news repeats names)."""

    index: VariantIndex
    types: Mapping[str, str]
    keys: frozenset[str]  # consonant keys of every known word: a name sharing too few of them cannot match
    full: dict[str, str | None] = field(default_factory=dict)
    lone: dict[str, tuple[str, ...]] = field(default_factory=dict)


def is_shouted(name: str) -> bool:
    """'NATO', 'U.N.', 'POLITICO' -> True: no lower-case letter, an acronym or a name in capitals."""
    return not any(map(str.islower, name))


def variant_matcher(entities: Iterable[Mapping]) -> VariantMatcher:
    """Entity rows (entity_id, canonical_name, entity_type, aliases) -> VariantMatcher over every known spelling;
    the same table gives the same matcher, so batches of one run share what it has learned."""
    rows = tuple((e["entity_id"], e["canonical_name"], e["entity_type"], tuple(e["aliases"])) for e in entities)
    return _matcher(rows)


@lru_cache(maxsize=1)
def _matcher(rows: tuple[tuple, ...]) -> VariantMatcher:
    # Acronyms ('MIT', 'GNA') are not transliterated: spelled differently they are other acronyms. A name
    # qualified in parentheses ('House of Representatives (Libya)') must not match its unqualified namesakes.
    # A longer form of a person's name ('Aguila Saleh Issa') is left to the exact index: its last word would be taken
    # for the surname of someone who goes by the canonical name.
    known = [(entity_id, name, KIND_CODES[kind]) for entity_id, canonical, kind, aliases in rows
             for name in (canonical, *aliases) if not is_shouted(name) and "(" not in name
             and not (kind == "person" and longer_form(canonical, name))]
    index = build_variant_index(known)
    keys = frozenset(key for *_, tokens in index.variants for t in tokens for key in _word_keys(t))
    return VariantMatcher(index, {r[0]: r[2] for r in rows}, keys)


@lru_cache(maxsize=1 << 16)
def _word_keys(token: str) -> tuple[str, str]:
    return coarse(token), coarse(token.replace("K", "h"))


def _may_match(surface: str, matcher: VariantMatcher) -> bool:
    """Whether (nearly) every word shares consonants with some known word: a cheap test before scoring.
    Acronyms and names in capitals are left to the exact index."""
    tokens = () if is_shouted(surface) else name_tokens(surface)
    unknown = sum(1 for t in tokens if matcher.keys.isdisjoint(_word_keys(t)))
    return bool(tokens) and unknown <= len(tokens) // 3


def _same_surname(surface: str, known: str) -> bool:
    """A person's last word as written spells the known surname: its consonants differ by one at most (and it keeps
    three), and it keeps half the letters ('Gadhafi' is Gaddafi; 'Kelley' is not Merkel, 'All' is not Saleh)."""
    mine, theirs = name_tokens(surface)[-1:], name_tokens(known)[-1:]
    if not mine or not theirs:
        return False
    mine, theirs = coarse(mine[0]), coarse(theirs[0])
    close = mine == theirs or (min(len(mine), len(theirs)) >= 3 and Levenshtein.distance(mine, theirs) <= 1)
    last, known_last = surface.split()[-1].casefold(), known.split()[-1].casefold()
    return close and Indel.normalized_similarity(last, known_last) >= SURNAME_LETTERS


def _full_name(surface: str, matcher: VariantMatcher) -> str | None:
    """A name of several words -> the entity it spells; an organisation or place must agree word for word
    ('Libyan Army' is not the Libyan National Army), and an adjective ('North African') names nothing."""
    if surface not in matcher.full:
        plausible = not is_demonym(surface.split()[-1]) and _may_match(surface, matcher)
        found = match_variant(surface, matcher.index) if plausible else None
        if found and matcher.types.get(found.entity_id) != "person":
            # Organisations and places vary in transliteration only: every word must keep its skeleton
            # ('Russian Foreign Minister' is not the Russian Foreign Ministry).
            found = found if name_tokens(surface) == name_tokens(found.matched_variant) else None
        elif found and not _same_surname(surface, found.matched_variant):
            found = None
        matcher.full[surface] = found.entity_id if found else None
    return matcher.full[surface]


def _lone_word(surface: str, matcher: VariantMatcher) -> tuple[str, ...]:
    """A lone word -> the people whose surname it spells. A lone word never names an organisation or place by
    resemblance ('Parisi' is not Paris, 'Waggoner' is not Wagner): those need the exact alias table."""
    if surface not in matcher.lone:
        matcher.lone[surface] = tuple(surname_bearers(surface, matcher.index)) if _may_match(surface, matcher) else ()
    return matcher.lone[surface]


def _tail(candidate: Candidate) -> Candidate | None:
    """'Fighters of al-Qaida' -> 'al-Qaida': the name after the last joining word of a run that names nothing."""
    cuts = [at + len(gap) for gap in _JOINER_GAPS if (at := candidate.surface.rfind(gap)) >= 0]
    if not cuts:
        return None
    cut = max(cuts)
    return Candidate(candidate.surface[cut:], candidate.start_char + cut, candidate.end_char, None)


def _names_a_known_entity(candidate: Candidate, matcher: VariantMatcher) -> bool:
    """Whether a run's tail spells a listed entity: only then is the head ('Fighters of') not part of the name."""
    if _SEPARATOR.search(candidate.surface):
        return _full_name(candidate.surface, matcher) is not None
    return bool(_lone_word(candidate.surface, matcher))


def _mention(text: str, candidate: Candidate, entity_id: str, matcher: VariantMatcher) -> Mention:
    start, end = candidate.start_char, candidate.end_char
    if text[max(0, start - 3):start].casefold() in _GLUED_ARTICLES and not text[max(0, start - 4):start - 3].isalnum():
        start -= 3  # 'al-Qaida' as written, as the exact index reports it
    surface = text[start:end]
    spelling = _WORD.findall(surface)[-1] if matcher.types.get(entity_id) == "person" else surface
    return Mention(entity_id, surface, spelling, start, end, "variant")


def resolve_variants(text: str, mentions: list[Mention], candidates: list[Candidate],
                     matcher: VariantMatcher) -> tuple[list[Mention], list[Candidate]]:
    """Text + its exact mentions and candidates -> (mentions, candidates) with confident variants resolved;
    a lone surname follows the exact index's rules: the bearer named in the text, else the only bearer."""
    found, left, lone, judged = list(mentions), [], [], []
    queue = list(candidates)
    while queue:
        candidate = queue.pop(0)
        if (candidate.note or "").startswith(_JUDGED):
            (left if _SEPARATOR.search(candidate.surface) else judged).append(candidate)
        elif not _SEPARATOR.search(candidate.surface):
            lone.append(candidate)
        elif (entity_id := _full_name(candidate.surface, matcher)) is not None:
            found.append(_mention(text, candidate, entity_id, matcher))
        elif (tail := _tail(candidate)) is not None and _names_a_known_entity(tail, matcher):
            queue.insert(0, tail)
        else:
            left.append(candidate)
    named = {m.entity_id for m in found}
    # 'Khalifa Hifter ... Hifter': a surname written as in a full name of this text is that person.
    surnames = {name_tokens(m.spelling): m.entity_id for m in found if matcher.types.get(m.entity_id) == "person"}
    for candidate in judged:  # a shared surname ('Gaddafi': Muammar, Saif al-Islam) spelled as one's full name here
        same = surnames.get(name_tokens(candidate.surface))
        if same and same in candidate.note:
            found.append(_mention(text, candidate, same, matcher))
        else:
            left.append(candidate)
    for candidate in lone:
        same = surnames.get(name_tokens(candidate.surface))
        bearers = (same,) if same else _lone_word(candidate.surface, matcher)
        in_text = [b for b in bearers if b in named]
        # A spelling the table never listed names a person only when this text names that person in full:
        # alone, 'Salle' is not Aguila Saleh and 'Lauro' is not Lavrov.
        if len(in_text) == 1 or (same and len(bearers) == 1):
            found.append(_mention(text, candidate, (in_text or bearers)[0], matcher))
        elif bearers:
            left.append(Candidate(candidate.surface, candidate.start_char, candidate.end_char,
                                  "ambiguous: " + ", ".join(bearers)))
        else:
            left.append(candidate)
    return sorted(found, key=lambda m: m.start_char), sorted(left, key=lambda c: c.start_char)
