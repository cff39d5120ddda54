"""Names written with initials -> the one person of the corpus whose initials they are.

'K.T. Marsh' and 'A. Marsh' give a person's initials and surname only; the full names of the corpus say whose they
are: 'Ada K. T. Marsh' has the first initial A and the middle initials K and T, so both are hers, unless an 'Alan
Marsh' is named too. Initials that agree with two people's (a 'J. Reed' beside a John and a Jane Reed) decide
nothing, and a single middle initial is no lead ('T. Marsh' is no 'Ada T. Marsh'). Middle names written out are read
by their initials too: 'Ada Kate Tilly Marsh' is the 'Ada K. T. Marsh' of the corpus, not the 'Ada Marsh' a middle
name more would make her.
"""

import re
from collections import defaultdict
from collections.abc import Callable

from transforms.names import gazetteer
from transforms.names.discovery import PREFIX
from transforms.names.name_ids import id_tokens

_INITIALS = re.compile(r"(?:[A-Z]\.? ?){1,3}")  # 'K.T.', 'K. T.', 'KT', 'T.'
_SUFFIXES = frozenset({"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"})
_POSSESSIVE = re.compile(r"['’]s?$")


def _words(surface: str) -> list[str]:
    words = [_POSSESSIVE.sub("", w) for w in surface.split()]
    while len(words) > 2 and words[-1] in _SUFFIXES:
        words.pop()
    return words


def _letters(word: str) -> tuple[str, ...]:
    """'K.T.' -> ('k', 't'); 'Kate' -> ('k',): the initials a word of a name gives."""
    if _INITIALS.fullmatch(word):
        return tuple(c.casefold() for c in word if c.isalpha())
    return (word[0].casefold(),)


def lead_initials(surface: str) -> tuple[str, ...] | None:
    """'K.T. Marsh' -> ('k', 't'), 'A. Marsh’s' -> ('a',); None unless initials alone stand before the surname."""
    words = _words(surface)
    if len(words) < 2 or not words[-1][1:].islower():
        return None
    before = " ".join(words[:-1])
    return tuple(c.casefold() for c in before if c.isalpha()) if _INITIALS.fullmatch(before) else None


def name_initials(surface: str) -> tuple[tuple[str, ...], tuple[str, ...], bool] | None:
    """'Ada K. T. Marsh' -> (('a',), ('k', 't'), True): a full name's first initial, middle initials and whether
    the middle names are written as initials (None when the first word is itself an initial)."""
    words = _words(surface)
    if len(words) < 2 or _INITIALS.fullmatch(words[0]) or not words[0][1:].islower():
        return None
    middle = words[1:-1]
    return (_letters(words[0]), tuple(c for w in middle for c in _letters(w)),
            bool(middle) and all(_INITIALS.fullmatch(w) for w in middle))


def initialled_heads(heads: dict[str, str], types: dict[str, str],
                     written_as: Callable[[list[str]], dict[str, set[str]]]) -> dict[str, str]:
    """Full-name ids -> their head ids + the surfaces of some ids -> the ids whose head changes: names written with
    initials for the given names joined to the one person whose initials they are, and a name whose middle names
    spell the middle initials of another name joined to that name's person."""
    def person(name_id: str) -> bool:
        return name_id in heads and types.get(heads[name_id]) == "person"

    whole: dict[str, str] = {}  # a head id -> the head its whole entity joins
    alone: dict[str, str] = {}  # an id that leaves its entity -> the head it joins
    leads = []
    first = len(PREFIX) + 1  # where a hyphen stands after a one-letter first word
    for name_id in heads:  # string tests first: few ids have an initial first or four words
        lead = name_id[first:first + 1] == "-"
        if not lead and name_id.count("-") < 3 or not person(name_id):
            continue
        tokens = id_tokens(name_id)
        if not lead and all(len(t) > 1 for t in tokens[1:-1]):
            initialled = PREFIX + "-".join((tokens[0], *(t[0] for t in tokens[1:-1]), tokens[-1]))
            if person(initialled) and heads[initialled] != heads[name_id]:
                (whole if heads[name_id] == name_id else alone)[name_id] = heads[initialled]
        elif lead and heads[name_id] == name_id and all(len(t) == 1 for t in tokens[1:-1]):
            leads.append(name_id)

    def head_of(name_id: str) -> str:
        return whole.get(heads[name_id], alone.get(name_id, heads[name_id]))

    surnames = {id_tokens(i)[-1] for i in leads}
    people = [i for i in heads if i[i.rfind("-") + 1:] in surnames and person(i)]  # (a string test first)
    moved = _leads_to_bearers(leads, head_of, people, written_as) if leads else {}
    if not (whole or alone or moved):
        return {}
    changed = {i: moved.get(whole.get(head, head), whole.get(head, head)) for i, head in heads.items()
               if head in whole or head in moved}
    changed |= {i: moved.get(head, head) for i, head in alone.items()}
    return {i: head for i, head in changed.items() if head != heads[i]}


def _leads_to_bearers(leads: list[str], head_of: Callable[[str], str], people: list[str],
                      written_as: Callable[[list[str]], dict[str, set[str]]]) -> dict[str, str]:
    surnames = {id_tokens(i)[-1] for i in leads}
    given = gazetteer.given_names()
    bearers = [i for i in people if id_tokens(i)[-1] in surnames and id_tokens(i)[0] in given]
    surfaces = written_as(leads + bearers)
    by_initials: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for bearer in bearers:
        for surface in surfaces.get(bearer, ()):
            found = name_initials(surface)
            if found:
                surname = id_tokens(bearer)[-1]
                # 'K.T. Marsh' for 'Ada K. T. Marsh': two middle initials or more stand for the name she is known
                # by; one alone does not ('B. Marsh' is as often a Bea Marsh the corpus never names in full as an
                # 'Ada B. Marsh')
                if found[2] and len(found[1]) > 1:
                    by_initials[(*found[1], surname)].add(head_of(bearer))
                by_initials[(*found[0], *found[1], surname)].add(head_of(bearer))
    moved = {}
    for lead in leads:
        letters = {lead_initials(s) for s in surfaces.get(lead, ())} - {None}
        if len(letters) != 1:
            continue  # 'K. Marsh' and 'K.T. Marsh' both folded to one id: which is meant is unclear
        owners = by_initials.get((*letters.pop(), id_tokens(lead)[-1]), set())
        if len(owners) == 1:
            moved[lead] = next(iter(owners))
    return moved
