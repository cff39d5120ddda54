"""Acronyms a text spells out -> the names they stand for: in parentheses after the name ('Government of National
Accord (GNA)'), or, without them, the initials of exactly one name of the text ('the BLM' beside 'the Bureau of Land
Management')."""

import re

from transforms.names.name_words import key_tokens
from transforms.names.reading import Name

_SEPARATOR = re.compile(r"[\s\-‐‑–—]+")
_JOINING_KEYS = frozenset({"of", "and", "for", "the", "on", "in", "to", "de", "la"})
_ACRONYM_AFTER = re.compile(r"\s*\(([A-Z][A-Za-z]{1,7})\)")


def _initials(surface: str) -> str:
    words = [w for w in _SEPARATOR.split(surface) if w]
    return "".join(w[0] for w in words if w[:1].isupper())


def _repeats_a_word(tokens: tuple[str, ...]) -> bool:
    """'Department of Justice Department' -> True: a word written twice, a slip no name makes."""
    words = [t for t in tokens if t not in _JOINING_KEYS]
    return len(set(words)) < len(words)


def _spelled_out(name: Name, acronym: str) -> Name | None:
    """The shortest tail of a name whose initials spell the acronym ('Agents of the Federal Bureau of Investigation'
    + 'FBI' -> 'Federal Bureau of Investigation')."""
    words = list(re.finditer(r"\S+", name.surface))
    letters = acronym[:-1].upper() if acronym.endswith("s") else acronym.upper()
    for i in range(len(words) - 1, -1, -1):
        if not words[i].group()[:1].isupper():
            continue
        tail = name.surface[words[i].start():]
        tokens = key_tokens(tail)
        initials = (_initials(tail).upper(), "".join(t[0] for t in tokens).upper())
        # an acronym may drop a last word the name gained later ('Centers for Disease Control and Prevention (CDC)')
        if len(tokens) >= 2 and not _repeats_a_word(tokens) and (letters in initials or (len(letters) >= 3 and any(
                i.startswith(letters) and len(i) == len(letters) + 1 for i in initials))):
            return Name(name.start + words[i].start(), name.end, tail, tokens, name.title)
    return None


def expansions(text: str, names: list[Name]) -> tuple[list[Name], dict[str, tuple[str, ...]]]:
    """Names + the acronyms the text spells out after them ('Government of National Accord (GNA)') or by the initials
    of one of them -> (the names, each cut to what the acronym spells; acronym -> key of its name)."""
    found, out, branches = {}, [], set()
    for name in names:
        match = _ACRONYM_AFTER.match(text, name.end, name.end + 12)
        spelled = _spelled_out(name, match.group(1)) if match else None
        if match and not spelled and out and _JOINED_BY.fullmatch(text, out[-1].end, name.start):
            whole = _spelled_out(_joined(text, out[-1], name), match.group(1))
            if whole and whole.start == out[-1].start:  # 'Ansar Dine in Northern Mali (ADNM)': one body
                branches.add((out[-1].tokens, text[out[-1].end:name.start], name.tokens))
                out.pop()
                spelled = whole
        if spelled:
            found.setdefault(match.group(1), spelled.tokens)
            name = spelled
        out.append(name)
    return _branches_joined(text, out, branches), _initialled(out, found)


_JOINED_BY = re.compile(r" (?:in|of|for|on)(?: the)? ")


def _joined(text: str, left: Name, right: Name) -> Name:
    surface = text[left.start:right.end]
    return Name(left.start, right.end, surface, key_tokens(surface), left.title)


def _branches_joined(text: str, names: list[Name], branches: set) -> list[Name]:
    """Names + the pairs an acronym showed to be one body's name -> the names with that pair joined wherever the text
    writes it ('Ansar Dine in Mali' again, without its '(ADM)')."""
    if not branches:
        return names
    out: list[Name] = []
    for name in names:
        if out and (out[-1].tokens, text[out[-1].end:name.start], name.tokens) in branches:
            out.append(_joined(text, out.pop(), name))
        else:
            out.append(name)
    return out


def _initialled(names: list[Name], acronyms: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """The acronyms + those of three letters or more that the initials of exactly one name of the text spell, where
    the text gives no parentheses ('The BLM’s actions …' beside 'the Bureau of Land Management')."""
    lone = {n.surface for n in names if n.surface.isupper() and 3 <= len(n.surface) <= 6} - acronyms.keys()
    if not lone:
        return acronyms
    spelled: dict[str, set[tuple[str, ...]]] = {}
    for name in names:
        if len(name.tokens) >= 2 and not name.surface.isupper() and _initials(name.surface) in lone:
            spelled.setdefault(_initials(name.surface), set()).add(name.tokens)
    return acronyms | {a: next(iter(found)) for a, found in spelled.items() if len(found) == 1}
