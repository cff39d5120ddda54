"""Discovered names across the corpus -> entities: spellings merged, lone names linked, stable ids, counts.

Works on counts, never on mention rows: NAME_TOTALS (mentions and articles by provisional id, match kind and
surface; see counts.py) in, links and entities out, the entities' mention and article counts added afterwards
from the links (counts.entity_counts, or its twin in DuckDB over a run's parts). Only the distinct ids, a few per
name, are looked at one by one, so memory and time grow with distinct names, not with mentions. Person names of one
transliteration skeleton word for word that share at least one word exactly are one entity (Zelensky / Zelenskiy,
Hillary / Hilary Clinton); other names only merge when their folded keys are equal (Ocasio-Cortez / Ocasio
Cortez). A lone word goes to a country, state or big city it names, else to the corpus's only person bearing it as
a surname (a title's sex rules bearers out), else stays ambiguous (two bearers) or becomes an entity of its own (a
place, a titled person, or a capitalised word the articles never write in lower case). A lone acronym goes to the
expansion the articles give it most. A lone word or acronym that is the name of an outlet the articles come from
('CNN', 'Politico') is that outlet, an organisation, whatever expansion a few articles give it ('Clinton News
Network (CNN)'), unless it is a person's surname ('Bloomberg'); a full name that is an outlet's is an organisation's
('Daily Beast').
"""

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import dataclass
from operator import itemgetter

import pyarrow as pa
import pyarrow.compute as pc

from transforms.lexicon import CONNECTORS, NOT_NAMES, THING_WORDS, english_word, fold_word
from transforms.names import gazetteer
from transforms.names.bodies import inverted_bodies
from transforms.names.counts import entity_counts, name_counts, name_totals, with_counts
from transforms.names.discovery import CURATED_KINDS, DISCOVERED_KINDS, PREFIX, SEX_MARK, SURNAME_KINDS
from transforms.names.entity_rows import entity_rows, entity_types, name_groups, top_surfaces
from transforms.names.initials import initialled_heads
from transforms.names.name_words import key_tokens, name_type
from transforms.names.suggestions import suggestion_id
from transforms.names.variants import skeleton
from warehouse.contracts import ALIAS_SUGGESTIONS, CANDIDATE_MENTIONS, ENTITY_LINKS

ACRONYM_SHARE = 2 / 3     # the share of an acronym's expansions that must name one entity
# An expansion fewer than three articles give must be written once for every 50 times the acronym stands alone.
ACRONYM_VOICES, ACRONYM_RATIO = 3, 50
# A surname the articles that name its bearer resolve to one person this often (share, and at least USUAL_COUNT
# times) is that person where an article does not say: 'Obama' beside a rarely named 'Michelle Obama'.
USUAL_MIN, USUAL_COUNT = 0.9, 20
# A lone word written alone more than this many times as often as the one full name ending in it is no surname of it.
LONE_RATIO = 5
SMALL_TOWN = 200_000  # a town this small named by a given name is named for its people's given name more often
# Words of a state's own name ('Democratic Republic of Congo (DRC)'): a place, whatever acronym it has.
_COUNTRY_FORMS = frozenset({"republic", "kingdom", "emirates", "states", "federation", "union", "territories"})
_NON_WORD = re.compile(r"\W+")
_SURNAME_PARTICLES = CONNECTORS - {"of", "and", "for", "the", "on", "as"}  # 'bin', 'al', 'de', 'van' ...
_GIVEN_PARTICLES = ("al", "el", "ben", "abu")  # also given names, written apart with a capital
_PENDING_SEX = {"pending_m": "m", "pending_f": "f", "pending_person": "p", "pending": None}


@dataclass
class Resolution:
    """The run's discovered entities (ENTITIES rows, counts 0 until counts.with_counts) and every provisional id's
    link (ENTITY_LINKS rows)."""

    entities: pa.Table
    links: pa.Table


def _rows(totals: pa.Table, kind: str | None = None) -> list[tuple[str, str, str, int, int]]:
    """NAME_TOTALS (of one match kind, if given) -> (id, kind, surface, mentions, articles) tuples."""
    if kind is not None:
        totals = totals.filter(pc.equal(totals["match_kind"], kind))
    columns = ("entity_id", "match_kind", "surface", "count_mentions", "count_articles")
    return list(zip(*(totals[c].to_pylist() for c in columns), strict=True))


def _most_used(counter: Counter) -> str:
    return max(counter.items(), key=lambda kv: (kv[1], kv[0]))[0] if len(counter) > 1 else next(iter(counter))


# Not cached: splitting an id costs about what a cache look-up does, and a cache bounded below the corpus's distinct
# names (721,745 at abp-dev x10) misses nearly every time while holding a quarter of a million tuples.
def _tokens(name_id: str) -> tuple[str, ...]:
    return tuple(name_id[len(PREFIX):].split(SEX_MARK)[0].split("-"))


def _slug(tokens: tuple[str, ...], taken: set[str]) -> str:
    slug = "-".join(tokens)
    return slug if slug not in taken else slug + "-n"


def _person_clusters(full: dict[str, int], types: dict[str, str]) -> dict[str, str]:
    """Full-name ids of people -> the id of the member standing for their entity (the most mentioned)."""
    blocks: dict[tuple, list[str]] = defaultdict(list)
    for name_id in full:
        if types[name_id] == "person":
            blocks[tuple(map(skeleton, _tokens(name_id)))].append(name_id)
    head = {}
    for members in blocks.values():
        members.sort(key=lambda m: (-full[m], m))
        groups: list[list[str]] = []
        for member in members:
            mine = _tokens(member)
            group = next((g for g in groups if any(set(mine) & set(_tokens(other)) for other in g)), None)
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
        tokens = _tokens(name_id)
        if len(tokens) == 2:
            short[tokens] = head[name_id]
    members: dict[str, list[str]] = defaultdict(list)
    for name_id, its_head in head.items():
        members[its_head].append(name_id)
    for name_id in list(members):
        tokens = _tokens(name_id)
        tokens = tokens[:-1] if len(tokens) > 2 and tokens[-1] in ("iii", "iv") else tokens
        initials = sum(len(t) == 1 for t in tokens[1:-1]) >= 2  # 'George H. W. Bush' is not George W. Bush
        target = short.get((tokens[0], tokens[-1])) if len(tokens) > 1 and len(tokens[-1]) > 2 and not initials \
            else None
        if target and target != name_id:
            for member in members[name_id]:
                head[member] = target
    return head


def _double_surnames(full: dict[str, int], types: dict[str, str], heads: dict[str, str], totals: pa.Table
                     ) -> dict[str, str]:
    """'Ruiz-Quist' ('Rep. Ruiz-Quist' where an article never gives her full name) -> the one person whose name ends
    in it ('Ada Ruiz-Quist'): two words only ever written as one hyphenated word are a double surname, not a given name
    and a surname, and so are a surname and the particle before it ('Bin Qasri', 'al-Tarsi', 'Van Dort'); of two
    bearers, one named nine times in ten ('Ida Ruiz-Quist' once) is the one. Every id of such an entity -> that
    person's."""
    tails: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    for name_id in full:
        tokens = _tokens(name_id)
        if len(tokens) > 2 and types[heads[name_id]] == "person":
            tails[tokens[-2:]][heads[name_id]] += full[name_id]
    candidates = [i for i in full if heads[i] == i and _tokens(i) in tails]
    surfaces = _written_as(totals, candidates)
    found = {}
    for name_id in candidates:
        bearers = tails[_tokens(name_id)]
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
    tokens = _tokens(name_id)
    if tokens[0] not in _SURNAME_PARTICLES or any(gazetteer.places().is_place(key) for key in
                                                   (" ".join(tokens), "".join(tokens))):
        return False
    return tokens[0] not in _GIVEN_PARTICLES or \
        not any(s.startswith(tuple(f"{p.title()} " for p in _GIVEN_PARTICLES)) for s in surfaces)


def _written_as(totals: pa.Table, ids: list[str]) -> dict[str, set[str]]:
    """NAME_TOTALS + some names -> the surfaces each of them is written as (only theirs read into Python)."""
    rows = totals.filter(pc.is_in(totals["entity_id"], value_set=pa.array(ids, pa.string())))
    written: dict[str, set[str]] = defaultdict(set)
    for name_id, surface in zip(rows["entity_id"].to_pylist(), rows["surface"].to_pylist(), strict=True):
        written[name_id].add(surface)
    return written


def _nicknames(head: dict[str, str], full: dict[str, int]) -> dict[str, str]:
    """'Chuck Schumer' / 'Charles Schumer', 'Bernie' / 'Bernard Sanders': people of one surname letter for letter whose
    given names the nicknames table links, when the table links the name to exactly one other person of that surname
    ('Chris Smith' beside both a Christopher and a Christine Smith stays apart)."""
    linked = gazetteer.nicknames()
    by_surname: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for name_id, its_head in head.items():
        tokens = _tokens(name_id)
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


def _acronyms(totals: pa.Table, heads: dict[str, str]) -> dict[str, tuple[str, int]]:
    """Acronym as written -> (the head id of the expansion the articles give it when most agree, how many do)."""
    votes: dict[str, Counter] = defaultdict(Counter)
    # Articles vote, not mentions: one article repeating its acronym (or a typo in its expansion) is one voice.
    for name_id, _, surface, _, articles in _rows(totals, "acronym"):
        votes[surface][heads.get(name_id, name_id)] += articles
    found = {}
    for surface, counter in votes.items():
        best, n = max(counter.items(), key=itemgetter(1))  # the first of the most, as most_common(1)
        if n >= ACRONYM_SHARE * sum(counter.values()):
            found[surface] = (best, n)
    return found


def _surname_votes(totals: pa.Table, heads: dict[str, str], kind: str = "surname_in_article"
                   ) -> dict[str, Counter]:
    """A lone surname (or, by kind, a lone given name) -> how many times the articles naming its bearers resolve it
    to each."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for name_id, _, surface, n, _ in _rows(totals, kind):
        tokens = key_tokens(surface)
        if len(tokens) == 1:
            votes[tokens[0]][heads.get(name_id, name_id)] += n
    return votes


def _usual_bearers(votes: dict[str, dict[str, int]]) -> dict[str, tuple[str, float, int]]:
    """A lone surname's (or given name's) votes -> (the person the articles naming its bearers resolve it to
    most, that share, how many times the articles resolved it)."""
    usual = {}
    for word, counter in votes.items():
        best, n = max(counter.items(), key=itemgetter(1))  # the first of the most, as most_common(1)
        total = sum(counter.values())
        usual[word] = (best, n / total, total)
    return usual


def _surnames(heads: dict[str, str], types: dict[str, str]) -> dict[str, set[str]]:
    found: dict[str, set[str]] = defaultdict(set)
    for name_id, head in heads.items():
        if types.get(head) == "person":
            found[_tokens(name_id)[-1]].add(head)
    return found


def _outnumbered(name_id: str, bearer: str, counts: Counter) -> bool:
    """Whether a lone word is written alone at most LONE_RATIO times as often as its bearer's name: 'Christmas' far
    more often than a 'Merry Christmas', 'Medicare' than a 'Romney Medicare', is a word or a name of its own."""
    return counts[name_id] <= LONE_RATIO * counts[bearer]


def _lone(name_id: str, kinds: set[str], surface: str, context: dict) -> tuple[str | None, str | None, str | None]:
    """A lone word's provisional id -> (head id or itself, match kind, note) by the rules of the module doc."""
    word = _tokens(name_id)[0]
    places = gazetteer.places()
    if surface.isupper() and len(surface) > 1 and word in context["outlets"]:
        return name_id, "discovered", None
    if surface.isupper() and len(surface) > 1:
        head, voices = context["acronyms"].get(surface, (None, 0))
        if head and voices < ACRONYM_VOICES and context["counts"][name_id] > ACRONYM_RATIO * context["counts"][head]:
            head = None  # 'super PAC' everywhere, one article's 'Paradigm Accelerated Curriculum (PAC)'
        return (head, "acronym_in_corpus", None) if head else (None, None, None)
    if places.is_major(word):
        return name_id, "discovered", None
    sexes = {_PENDING_SEX[k] for k in kinds}
    if surface.upper() in context["acronyms"] and not sexes - {None} and _acronym_as_word(surface, word, context):
        return context["acronyms"][surface.upper()][0], "acronym_in_corpus", None
    bearers = sorted(context["surnames"].get(word, ()))
    usual = context["usual"].get(word)
    if sexes & {"m", "f"} and len(bearers) > 1:
        given = gazetteer.given_names()
        bearers = [b for b in bearers if given.get(_tokens(b)[0], "u") in sexes | {"u"}] or bearers
        # 'Mr. Quill': the usual bearer among the men the articles resolve the surname to, not all its bearers
        votes = context["votes"].get(word)
        theirs = {b: n for b, n in votes.items() if b in bearers} if votes else None
        usual = _usual_bearers({word: theirs}).get(word) if theirs else None
    # 'his son, Will,', 'betting that Rupert': an untitled given name is a surname only where the corpus often
    # resolves it as one, and never when it also writes it in lower case
    given = not sexes - {None} and word in gazetteer.given_names() and \
        (word in context["common"] or not usual or usual[2] < USUAL_COUNT)
    if given and len(bearers) == 1:
        return None, None, None
    if usual and usual[2] >= USUAL_COUNT and usual[1] >= USUAL_MIN and len(_tokens(usual[0])) > 1 and \
            _tokens(usual[0])[0] == word and _outnumbered(name_id, usual[0], context["counts"]):
        return usual[0], "surname_in_corpus", None  # 'Wu' for Wu Tao: a family name written first
    # Only a word the articles use as a surname ('Mr. Ebeling', or resolved to a full name somewhere) is one here:
    # 'Fla', 'Thanksgiving' or 'Nancy' next to a name that happens to end in it are not.
    if len(bearers) == 1 and (usual or sexes - {None}) and _outnumbered(name_id, bearers[0], context["counts"]):
        return bearers[0], "surname_in_corpus", None
    if not given and usual and usual[2] >= USUAL_COUNT and usual[1] >= USUAL_MIN and usual[0] in bearers \
            and _outnumbered(name_id, usual[0], context["counts"]):
        return usual[0], "surname_in_corpus", None
    owner = context["owners"].get(word)
    if not bearers and not sexes - {None} and owner and owner[2] >= USUAL_COUNT and owner[1] >= USUAL_MIN and \
            word not in context["common"] and _outnumbered(name_id, owner[0], context["counts"]):
        return owner[0], "given_name_in_corpus", None  # 'Hillary' alone: the articles that name her say who
    if bearers:
        return None, None, "ambiguous: " + ", ".join(context["name_of"](b) for b in bearers)
    # A lone word of its own is a place or a titled person; anything else ('Hindu', 'DUIs') is too often no name.
    own = (places.is_place(word) and not _word_before_town(word, context["common"])) or word in context["outlets"] \
        or (sexes - {None} and word not in THING_WORDS)  # 'Mr. Day' now and then leaves 'Day 390' no entity
    return (name_id, "discovered", None) if own else (None, None, None)


def _acronym_as_word(surface: str, word: str, context: dict) -> bool:
    """'Ovra' of an OVRA: an acronym of four letters or more the articles expand, written as a word with a capital, as
    some outlets do, when English has no such word, nobody is given it as a name (a lone 'Zelda' is a woman more
    often than a ZELDA) and the corpus never writes it in lower case."""
    found = context["acronyms"].get(surface.upper())
    return found is not None and found[1] >= ACRONYM_VOICES and len(surface) >= 4 and surface.isalpha() and \
        surface[1:].islower() and word not in context["common"] and not english_word(surface) and \
        fold_word(surface) not in gazetteer.given_names()


def _word_before_town(word: str, common: set[str]) -> bool:
    """'Time', 'Federal', 'Nancy', 'Anna': a town's name the corpus also writes in lower case, or a given name that
    only a town of under 200,000 people bears, alone is that word or person far more often than the town."""
    return word in common or (word in gazetteer.given_names() and gazetteer.places().cities.get(word, 0) < SMALL_TOWN)


def _full_type(name_id: str, kinds: set[str], titled: set[str]) -> str:
    """A full name's type from its words; one of two or three words and no known type is a person's when an article
    resolves a titled or speaking surname to it ('Mr. Romney', 'Romney said' beside 'Mitt Romney'), or when its last
    word stands somewhere after a person's title ('Mr. Martin' for 'Trayvon Martin'), unless a law's word ends it or
    a word no name opens with opens it ('Central America' beside a 'Miss America'); one an article gives an acronym
    is an organisation's, unless it is a state's ('Democratic Republic of Congo (DRC)')."""
    tokens = _tokens(name_id)
    found = name_type(tokens)
    if found != "unknown" or (tokens[-1] in THING_WORDS and tokens[0] not in gazetteer.given_names()):
        return found  # 'Civil Rights Act': a law, whatever resolves to it ('Andra Day' may still be a person)
    if "acronym" in kinds and len(tokens) >= 2 and SURNAME_KINDS.isdisjoint(kinds) and \
            _COUNTRY_FORMS.isdisjoint(tokens):
        return "organisation"  # 'Black Lives Matter (BLM)': a name of no known type an article gives an acronym
    if not 2 <= len(tokens) <= 3 or tokens[0] in NOT_NAMES:
        return found
    return "person" if not SURNAME_KINDS.isdisjoint(kinds) or PREFIX + tokens[-1] in titled else found


def _lone_type(name_id: str, by_kind: Counter, outlets: frozenset[str]) -> str:
    """A lone word's type: an outlet's is an organisation's; a person's when a title comes before it, unless it names
    a country, state or large city and most of its mentions are untitled ('Rep. Jordan' now and then leaves 'Jordan'
    the country)."""
    if _tokens(name_id)[0] in outlets:
        return "organisation"
    titled = sum(n for kind, n in by_kind.items() if _PENDING_SEX.get(kind))
    major = gazetteer.places().is_major(_tokens(name_id)[0])
    if titled and (not major or 2 * titled > sum(by_kind.values())):
        return "person"
    return name_type(_tokens(name_id))


def resolve(discovered: pa.Table, curated_ids: set[str], common_words: set[str], decisions: list[dict] = (),
            outlets: frozenset[str] = frozenset()) -> Resolution:
    """Discovered mention rows (doc_id, entity_id = provisional id, surface, match_kind) + the entity table's ids +
    lower-case words of the corpus + review's decisions (merged, split, renamed) + the outlets' names
    (folded: see outlet_keys) -> Resolution, with counts."""
    counts = name_counts(discovered)
    kinds = pc.unique(counts["match_kind"]).to_pylist()
    found = resolve_totals(name_totals(counts, kinds), curated_ids, common_words, decisions, outlets)
    by_entity = entity_counts(counts, found.links, kinds, ())
    return Resolution(with_counts(found.entities, by_entity, curated=False), found.links)


def resolve_totals(totals: pa.Table, curated_ids: set[str], common_words: set[str], decisions: list[dict] = (),
                   outlets: frozenset[str] = frozenset()) -> Resolution:
    """NAME_TOTALS of discovered names (sorted: see counts.name_totals) + the entity table's ids + lower-case words of
    the corpus + review's decisions (merged, split, renamed) + the outlets' names (folded: see outlet_keys) ->
    Resolution (entities' counts 0)."""
    ids, counts, kinds = _by_name(totals)
    full = {i: counts[i] for i, k in kinds.items() if not all(x.startswith("pending") for x in k)}
    titled = {i.split(SEX_MARK)[0] for i, k in kinds.items() if k & {"pending_m", "pending_f", "pending_person"}}
    types = {i: _full_type(i, kinds[i], titled) for i in full}
    # an outlet's name is an organisation's, unless a person's ('John Stossel' writes under his own name)
    types |= {i: "organisation" for i, kind in types.items() if kind != "person" and "-".join(_tokens(i)) in outlets}
    heads = {i: i for i in full} | _person_clusters(full, types) | inverted_bodies(full, _tokens)
    heads |= _double_surnames(full, types, heads, totals)
    heads |= initialled_heads(heads, types, lambda some: _written_as(totals, some))
    # Only lone words are looked at surface by surface: their totals are read into Python, the others' stay in Arrow.
    by_kind, surfaces = _lone_totals(totals, full)
    top = top_surfaces(totals)["surface"].combine_chunks()  # aligned with ids
    votes = _surname_votes(totals, heads)
    context = {"acronyms": _acronyms(totals, heads), "surnames": _surnames(heads, types), "counts": counts,
               "common": common_words, "usual": _usual_bearers(votes), "votes": votes,
               "owners": _usual_bearers(_surname_votes(totals, heads, "given_name_in_article")), "outlets": outlets,
               "name_of": lambda i: top[bisect_left(ids, i)].as_py() if i in full else i}  # for notes
    links = {i: (heads[i], "discovered" if heads[i] == i else "discovered_spelling", None) for i in full}
    for name_id in sorted(kinds.keys() - full.keys()):
        if len(_tokens(name_id)) > 1:  # a full name in capitals no article writes in plain case ('BREAKING NEWS')
            links[name_id] = (None, None, None)
            continue
        surface = _most_used(surfaces[name_id])
        links[name_id] = _lone(name_id, kinds[name_id], surface, context)
        if links[name_id][0] == name_id:
            types[name_id] = _lone_type(name_id, by_kind[name_id], outlets)
    _split(links, list(decisions), curated_ids)
    return _tables(totals, links, types, counts, curated_ids, list(decisions))


def _by_name(totals: pa.Table) -> tuple[list[str], Counter, dict[str, frozenset[str]]]:
    """NAME_TOTALS -> (the names, sorted; mentions by name; match kinds by name, a few sets shared by all)."""
    return name_groups(totals)


def _lone_totals(totals: pa.Table, full: dict[str, int]) -> tuple[dict[str, Counter], dict[str, Counter]]:
    """NAME_TOTALS + the full names -> (mentions by kind, mentions by surface) of each lone word."""
    lone = totals.filter(pc.invert(pc.is_in(totals["entity_id"], value_set=pa.array(list(full), pa.string()))))
    by_kind: dict[str, Counter] = defaultdict(Counter)
    surfaces: dict[str, Counter] = defaultdict(Counter)
    for name_id, kind, surface, n, _ in _rows(lone):
        by_kind[name_id][kind] += n
        surfaces[name_id][surface] += n
    return by_kind, surfaces


def _decided(decisions: list[dict], kind: str) -> list[tuple[str, str]]:
    return [(d["entity_id"], d["spellings"]) for d in decisions if d.get("kind") in ("entity", "merge")
            and d["decision"] == kind]


def _split(links: dict, decisions: list[dict], curated_ids: set[str]) -> None:
    """Spellings review split out of an entity become entities of their own."""
    for entity_id, spelling in _decided(decisions, "split"):
        name_id = PREFIX + "-".join(key_tokens(spelling))
        head = links.get(name_id, (None,))[0]
        if head and _slug(_tokens(head), curated_ids) == entity_id:
            links[name_id] = (name_id, "discovered", None)


def _final_ids(heads: list[str], curated_ids: set[str], decisions: list[dict]) -> dict[str, str]:
    """Head ids -> entity ids: the folded key of the head, or the entity review merged it into."""
    final = {head: _slug(_tokens(head), curated_ids) for head in heads}
    into = dict(_decided(decisions, "merged"))
    return {head: into.get(entity_id, entity_id) for head, entity_id in final.items()}


def _tables(totals: pa.Table, links: dict, types: dict, counts: Counter, curated_ids: set[str],
            decisions: list[dict]) -> Resolution:
    ids = sorted(links)
    heads = sorted({head for head, _, _ in links.values() if head})
    final = _final_ids(heads, curated_ids, decisions)
    entity_ids = [final.get(links[i][0]) for i in ids]
    link_table = pa.table({
        "name_id": ids,
        "entity_id": entity_ids,
        "match_kind": [links[i][1] for i in ids],
        "note": [links[i][2] for i in ids],
    }, schema=ENTITY_LINKS)
    # an entity's type: its names' in link order, each weighed by its mentions
    members = ((final[head], types.get(head, "unknown"), counts[name_id]) for name_id, (head, _, _) in links.items()
               if head)
    rows = entity_rows(totals, link_table["name_id"], link_table["entity_id"], entity_types(members),
                       dict(_decided(decisions, "renamed")), curated_ids)
    return Resolution(rows, link_table)


def lower_case_words(words: set[str], bodies) -> set[str]:
    """Folded lone words + sample bodies -> those the bodies also write in lower case ('Hell', 'State')."""
    # The bodies' distinct tokens at white space, split in Arrow: no Python string per token, only per distinct one.
    tokens = pc.unique(pc.list_flatten(pc.utf8_split_whitespace(pa.array(bodies, pa.large_string()))))
    alpha = pc.utf8_is_alpha(tokens)
    asked = pa.array(sorted(words), pa.large_string())
    written = set(tokens.filter(pc.and_(alpha, pc.is_in(tokens, value_set=asked))).to_pylist())
    # words glued to punctuation ('state,', "state's", 'well-known') are split apart once, all together
    glued = tokens.filter(pc.invert(alpha)).to_pylist()
    written.update(w for w in _NON_WORD.split(" ".join(glued)) if w in words)
    return {w for w in written if w.isascii() and w.isalpha() and w.islower()}


def pending_candidates(discovered: pa.Table, links: pa.Table) -> pa.Table:
    """Discovered mention rows + ENTITY_LINKS -> CANDIDATE_MENTIONS rows for the names no entity took."""
    at = pc.index_in(discovered["entity_id"], value_set=links["name_id"])
    left = pc.is_null(pc.take(links["entity_id"], at))
    rows = discovered.filter(left)
    notes = pc.take(links["note"], pc.index_in(rows["entity_id"], value_set=links["name_id"]))
    return pa.table({"doc_id": rows["doc_id"], "surface": rows["surface"], "start_char": rows["start_char"],
                     "end_char": rows["end_char"], "note": notes}, schema=CANDIDATE_MENTIONS)


def resolve_discovered(totals: pa.Table, entities: pa.Table, sample_bodies, decisions: list[dict] = (),
                       outlet_names=()) -> Resolution:
    """NAME_TOTALS of discovered names + the entity table (ENTITIES) + a sample of bodies (to tell the corpus's
    lower-case words) + review's decisions + the outlet names of articles -> Resolution (entities' counts 0)."""
    pending = totals.filter(pc.starts_with(totals["match_kind"], "pending"))
    lone = {i[len(PREFIX):] for i in pc.unique(pending["entity_id"]).to_pylist()}
    return resolve_totals(totals, set(entities["entity_id"].to_pylist()), lower_case_words(lone, sample_bodies),
                          decisions, outlet_keys(outlet_names))


def outlet_keys(outlet_names) -> frozenset[str]:
    """Outlet names ('CNN', 'The Daily Caller') -> their folded keys as ids join them ('cnn', 'daily-caller')."""
    keys = (k[1:] if k[:1] == ("the",) else k for k in map(key_tokens, set(outlet_names)))
    return frozenset("-".join(k) for k in keys if k)


def unlinked(links: pa.Table) -> pa.Array:
    """ENTITY_LINKS -> the provisional ids no entity took (their mentions become candidates)."""
    return links.filter(pc.is_null(links["entity_id"]))["name_id"].combine_chunks()


def counted_entities(entities: pa.Table, discovered: pa.Table, counts: pa.Table) -> pa.Table:
    """The entity table + discovered entities (both ENTITIES) + ENTITY_COUNTS -> every entity, with its counts."""
    return pa.concat_tables([with_counts(entities, counts, curated=True),
                             with_counts(discovered, counts, curated=False)])


def left_candidates(candidate_mentions: pa.Table, unlinked_mentions: pa.Table, links: pa.Table) -> pa.Table:
    """CANDIDATE_MENTIONS + the mentions of unlinked ids + ENTITY_LINKS -> every candidate mention (those of unlinked
    ids last, with the note of their link)."""
    return pa.concat_tables([candidate_mentions.cast(CANDIDATE_MENTIONS), pending_candidates(unlinked_mentions, links)])


def resolve_names(mentions: pa.Table, candidate_mentions: pa.Table, entities: pa.Table, sample_bodies,
                  decisions: list[dict] = (), outlet_names=()) -> tuple[pa.Table, pa.Table, pa.Table]:
    """MENTIONS + CANDIDATE_MENTIONS + the entity table (ENTITIES) + a sample of bodies + review's decisions + the
    articles' outlet names -> (every entity, curated and discovered, with counts; ENTITY_LINKS; candidates nothing
    resolved): a run's name step on tables in memory, counted in Arrow where a run counts in DuckDB."""
    counts = name_counts(mentions)
    resolution = resolve_discovered(name_totals(counts, DISCOVERED_KINDS), entities, sample_bodies, decisions,
                                    outlet_names)
    by_entity = entity_counts(counts, resolution.links, DISCOVERED_KINDS, CURATED_KINDS)
    unlinked_mentions = mentions.filter(pc.is_in(mentions["entity_id"], value_set=unlinked(resolution.links)))
    return (counted_entities(entities, resolution.entities, by_entity), resolution.links,
            left_candidates(candidate_mentions, unlinked_mentions, resolution.links))


def merge_proposals(entities: pa.Table, decided: set[str] = frozenset()) -> pa.Table:
    """Every entity (ENTITIES) -> ALIAS_SUGGESTIONS of kind 'merge': discovered people that are likely one person but
    were not merged (a middle name more: 'Hillary Rodham Clinton' / 'Hillary Clinton'), ranked by the mentions a merge
    would move. Only one surname letter for letter: look-alike surnames ('Kelly', 'Kelley') are never offered."""
    groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for row in _namesakes(entities).to_pylist():
        tokens = key_tokens(row["canonical_name"])
        groups[(tokens[-1], tokens[0])].append(row)
    out = []
    for rows in groups.values():
        rows.sort(key=lambda r: (-r["count_mentions"], r["entity_id"]))
        for other in rows[1:]:
            target = rows[0]
            if other["is_curated"] or not set(key_tokens(target["canonical_name"])) ^ \
                    set(key_tokens(other["canonical_name"])):
                continue
            spellings = [target["canonical_name"], other["canonical_name"]]
            out.append({"suggestion_id": suggestion_id("merge", target["entity_id"], spellings), "kind": "merge",
                        "entity_id": target["entity_id"], "canonical_name": target["canonical_name"],
                        "entity_type": "person", "spellings": spellings,
                        "count_by_spelling": [target["count_mentions"], other["count_mentions"]],
                        "matched_variant": other["entity_id"], "outlets": [],
                        "count_mentions": other["count_mentions"], "count_articles": other["count_articles"],
                        "score": 0.0, "examples": []})
    out = [r for r in out if r["suggestion_id"] not in decided]
    out.sort(key=lambda r: (-r["count_mentions"], r["suggestion_id"]))
    return pa.Table.from_pylist(out, schema=ALIAS_SUGGESTIONS)


def _namesakes(entities: pa.Table) -> pa.Table:
    """ENTITIES -> the people whose canonical name's first and last words another person's also has, in table order:
    the only rows read into Python (one key string per person is made, no row)."""
    people = entities.filter(pc.equal(entities["entity_type"], "person")).select(
        [f for f in entities.column_names if f != "aliases"])
    keys = pa.array([f"{t[-1]} {t[0]}" if len(t) >= 2 else None
                     for t in map(key_tokens, people["canonical_name"].to_pylist())], pa.string())
    sizes = pa.table({"key": keys}).group_by("key", use_threads=False).aggregate([([], "count_all")])
    shared = sizes.filter(pc.and_(pc.is_valid(sizes["key"]), pc.greater(sizes["count_all"], 1)))["key"]
    return people.filter(pc.is_in(keys, value_set=shared))
