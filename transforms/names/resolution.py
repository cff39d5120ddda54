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
('Daily Beast'). The people are clustered in person_clusters, the lone words and acronyms linked in lone_names, ids
and rows read in name_ids; this module puts them together into the run's links and entities.
"""

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import dataclass

import pyarrow as pa
import pyarrow.compute as pc

from transforms.lexicon import NOT_NAMES, THING_WORDS
from transforms.names import gazetteer
from transforms.names.bodies import inverted_bodies
from transforms.names.counts import entity_counts, name_counts, name_totals, with_counts
from transforms.names.discovery import CURATED_KINDS, DISCOVERED_KINDS, PREFIX, SEX_MARK, SURNAME_KINDS
from transforms.names.entity_rows import entity_rows, entity_types, name_groups, top_surfaces
from transforms.names.initials import initialled_heads
from transforms.names.lone_names import (
    corpus_acronyms,
    lone_link,
    lone_type,
    surname_heads,
    surname_votes,
    usual_bearers,
)
from transforms.names.name_ids import id_tokens, most_used, total_rows, written_as
from transforms.names.name_words import key_tokens, name_type
from transforms.names.person_clusters import cluster_people, double_surnames
from transforms.names.suggestions import suggestion_id
from warehouse.contracts import ALIAS_SUGGESTIONS, CANDIDATE_MENTIONS, ENTITY_LINKS

# Words of a state's own name ('Democratic Republic of Congo (DRC)'): a place, whatever acronym it has.
_COUNTRY_FORMS = frozenset({"republic", "kingdom", "emirates", "states", "federation", "union", "territories"})
_NON_WORD = re.compile(r"\W+")


@dataclass
class Resolution:
    """The run's discovered entities (ENTITIES rows, counts 0 until counts.with_counts) and every provisional id's
    link (ENTITY_LINKS rows)."""

    entities: pa.Table
    links: pa.Table


def _slug(tokens: tuple[str, ...], taken: set[str]) -> str:
    slug = "-".join(tokens)
    return slug if slug not in taken else slug + "-n"


def _full_type(name_id: str, kinds: set[str], titled: set[str]) -> str:
    """A full name's type from its words; one of two or three words and no known type is a person's when an article
    resolves a titled or speaking surname to it ('Mr. Romney', 'Romney said' beside 'Mitt Romney'), or when its last
    word stands somewhere after a person's title ('Mr. Martin' for 'Trayvon Martin'), unless a law's word ends it or
    a word no name opens with opens it ('Central America' beside a 'Miss America'); one an article gives an acronym
    is an organisation's, unless it is a state's ('Democratic Republic of Congo (DRC)')."""
    tokens = id_tokens(name_id)
    found = name_type(tokens)
    if found != "unknown" or (tokens[-1] in THING_WORDS and tokens[0] not in gazetteer.given_names()):
        return found  # 'Civil Rights Act': a law, whatever resolves to it ('Andra Day' may still be a person)
    if "acronym" in kinds and len(tokens) >= 2 and SURNAME_KINDS.isdisjoint(kinds) and \
            _COUNTRY_FORMS.isdisjoint(tokens):
        return "organisation"  # 'Black Lives Matter (BLM)': a name of no known type an article gives an acronym
    if not 2 <= len(tokens) <= 3 or tokens[0] in NOT_NAMES:
        return found
    return "person" if not SURNAME_KINDS.isdisjoint(kinds) or PREFIX + tokens[-1] in titled else found


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
    types |= {i: "organisation" for i, kind in types.items() if kind != "person" and "-".join(id_tokens(i)) in outlets}
    heads = {i: i for i in full} | cluster_people(full, types) | inverted_bodies(full, id_tokens)
    heads |= double_surnames(full, types, heads, totals)
    heads |= initialled_heads(heads, types, lambda some: written_as(totals, some))
    # Only lone words are looked at surface by surface: their totals are read into Python, the others' stay in Arrow.
    by_kind, surfaces = _lone_totals(totals, full)
    top = top_surfaces(totals)["surface"].combine_chunks()  # aligned with ids
    votes = surname_votes(totals, heads)
    context = {"acronyms": corpus_acronyms(totals, heads), "surnames": surname_heads(heads, types), "counts": counts,
               "common": common_words, "usual": usual_bearers(votes), "votes": votes,
               "owners": usual_bearers(surname_votes(totals, heads, "given_name_in_article")), "outlets": outlets,
               "name_of": lambda i: top[bisect_left(ids, i)].as_py() if i in full else i}  # for notes
    links = {i: (heads[i], "discovered" if heads[i] == i else "discovered_spelling", None) for i in full}
    for name_id in sorted(kinds.keys() - full.keys()):
        if len(id_tokens(name_id)) > 1:  # a full name in capitals no article writes in plain case ('BREAKING NEWS')
            links[name_id] = (None, None, None)
            continue
        surface = most_used(surfaces[name_id])
        links[name_id] = lone_link(name_id, kinds[name_id], surface, context)
        if links[name_id][0] == name_id:
            types[name_id] = lone_type(name_id, by_kind[name_id], outlets)
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
    for name_id, kind, surface, n, _ in total_rows(lone):
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
        if head and _slug(id_tokens(head), curated_ids) == entity_id:
            links[name_id] = (name_id, "discovered", None)


def _final_ids(heads: list[str], curated_ids: set[str], decisions: list[dict]) -> dict[str, str]:
    """Head ids -> entity ids: the folded key of the head, or the entity review merged it into."""
    final = {head: _slug(id_tokens(head), curated_ids) for head in heads}
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
