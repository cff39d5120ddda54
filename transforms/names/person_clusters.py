"""Full names of people -> the member standing for their entity: one transliteration skeleton word for word sharing a
word (Zelensky / Zelenskiy), a middle name more ('Barack Hussein Obama'), a double surname or one with a particle
('Ruiz-Quist', 'Bin Qasri') and given names the nicknames table links ('Chuck' / 'Charles Schumer')."""

from collections import Counter, defaultdict

import pyarrow as pa

from transforms.lexicon import CONNECTORS
from transforms.names import gazetteer
from transforms.names.lone_names import USUAL_MIN
from transforms.names.name_ids import id_tokens, written_as
from transforms.names.variants import skeleton

_SURNAME_PARTICLES = CONNECTORS - {"of", "and", "for", "the", "on", "as"}  # 'bin', 'al', 'de', 'van' ...
_GIVEN_PARTICLES = ("al", "el", "ben", "abu")  # also given names, written apart with a capital


def cluster_people(full: dict[str, int], types: dict[str, str]) -> dict[str, str]:
    """Full-name ids of people -> the id of the member standing for their entity (the most mentioned)."""
    blocks: dict[tuple, list[str]] = defaultdict(list)
    for name_id in full:
        if types[name_id] == "person":
            blocks[tuple(map(skeleton, id_tokens(name_id)))].append(name_id)
    head = {}
    for members in blocks.values():
        members.sort(key=lambda m: (-full[m], m))
        groups: list[list[str]] = []
        for member in members:
            mine = id_tokens(member)
            group = next((g for g in groups if any(set(mine) & set(id_tokens(other)) for other in g)), None)
            (group.append(member) if group is not None else groups.append([member]))
        for group in groups:
            head.update(dict.fromkeys(group, group[0]))
    return _nicknames(_middle_names(head, full), full)


def _middle_names(head: dict[str, str], full: dict[str, int]) -> dict[str, str]:
    """'Barack Hussein Obama', 'Sarah Huckabee Sanders', 'Robert S. Mueller III' -> the entity of the two-word name
    with the same first and last word (a last 'III' or 'IV' left aside), when there is exactly one. A last word of two
    letters is a syllable of a given name ('Kim Jong Il' is not 'Kim Il'); 'Jr.' is another person, and so is a name
    with two middle initials ('George H. W. Bush' beside 'George Bush')."""
    short: dict[tuple[str, str], str] = {}
    for name_id in head:
        tokens = id_tokens(name_id)
        if len(tokens) == 2:
            short[tokens] = head[name_id]
    members: dict[str, list[str]] = defaultdict(list)
    for name_id, its_head in head.items():
        members[its_head].append(name_id)
    for name_id in list(members):
        tokens = id_tokens(name_id)
        tokens = tokens[:-1] if len(tokens) > 2 and tokens[-1] in ("iii", "iv") else tokens
        initials = sum(len(t) == 1 for t in tokens[1:-1]) >= 2  # 'George H. W. Bush' is not George W. Bush
        target = short.get((tokens[0], tokens[-1])) if len(tokens) > 1 and len(tokens[-1]) > 2 and not initials \
            else None
        if target and target != name_id:
            for member in members[name_id]:
                head[member] = target
    return head


def double_surnames(full: dict[str, int], types: dict[str, str], heads: dict[str, str], totals: pa.Table
                     ) -> dict[str, str]:
    """'Ruiz-Quist' ('Rep. Ruiz-Quist' where an article never gives her full name) -> the one person whose name ends
    in it ('Ada Ruiz-Quist'): two words only ever written as one hyphenated word are a double surname, not a given name
    and a surname, and so are a surname and the particle before it ('Bin Qasri', 'al-Tarsi', 'Van Dort'); of two
    bearers, one named nine times in ten ('Ida Ruiz-Quist' once) is the one. Every id of such an entity -> that
    person's."""
    tails: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    for name_id in full:
        tokens = id_tokens(name_id)
        if len(tokens) > 2 and types[heads[name_id]] == "person":
            tails[tokens[-2:]][heads[name_id]] += full[name_id]
    candidates = [i for i in full if heads[i] == i and id_tokens(i) in tails]
    surfaces = written_as(totals, candidates)
    found = {}
    for name_id in candidates:
        bearers = tails[id_tokens(name_id)]
        if not _particle_surname(name_id, surfaces[name_id]) and \
                not all(" " not in s and "-" in s for s in surfaces[name_id]):
            continue
        (top, n), *rest = bearers.most_common()
        if n >= USUAL_MIN * (n + sum(m for _, m in rest)):
            found[name_id] = top
    return {i: found[head] for i, head in heads.items() if head in found}


def _particle_surname(name_id: str, surfaces: set[str]) -> bool:
    """'Bin Qasri', 'van Dort', 'al-Tarsi': a particle and a surname; not 'Al Dunmore' or 'Ben Tarsa', where 'Al',
    'El', 'Ben' or 'Abu' written apart and capitalised is a given name, nor a place of the gazetteer ('Van Wick' of a
    'Van Wick County', 'La Pena', 'DeSalle' written apart) that a person's name happens to end in."""
    tokens = id_tokens(name_id)
    if tokens[0] not in _SURNAME_PARTICLES or any(gazetteer.places().is_place(key) for key in
                                                   (" ".join(tokens), "".join(tokens))):
        return False
    return tokens[0] not in _GIVEN_PARTICLES or \
        not any(s.startswith(tuple(f"{p.title()} " for p in _GIVEN_PARTICLES)) for s in surfaces)


def _nicknames(head: dict[str, str], full: dict[str, int]) -> dict[str, str]:
    """'Chuck Schumer' / 'Charles Schumer', 'Bernie' / 'Bernard Sanders': people of one surname letter for letter whose
    given names the nicknames table links, when the table links the name to exactly one other person of that surname
    ('Chris Smith' beside both a Christopher and a Christine Smith stays apart)."""
    linked = gazetteer.nicknames()
    by_surname: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for name_id, its_head in head.items():
        tokens = id_tokens(name_id)
        by_surname[tokens[-1]][tokens[0]].add(its_head)
    into: dict[str, str] = {}
    for given in by_surname.values():
        partner: dict[str, set[str]] = defaultdict(set)
        for name, heads in given.items():
            others = {h for other in linked.get(name, ()) for h in given.get(other, ())} - heads
            for its_head in heads:
                partner[its_head] |= others
        for its_head, others in partner.items():
            other = next(iter(others)) if len(others) == 1 else None
            if other and partner.get(other) == {its_head}:  # each the other's only linked person
                pair = sorted((its_head, other), key=lambda h: (-full.get(h, 0), h))
                into[pair[1]] = pair[0]
    return {name_id: into.get(its_head, its_head) for name_id, its_head in head.items()}
