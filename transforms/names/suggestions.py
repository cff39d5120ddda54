"""A run's unknown and variant names -> proposed alias groups with evidence, for people to accept or reject."""

import hashlib
import itertools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

import pyarrow as pa
import pyarrow.compute as pc
from rapidfuzz.distance import Indel

from transforms.lexicon import NOT_NAMES, fold_word
from transforms.names.spellings import Spelling, spelling_rows, spelling_totals, spellings, with_docs
from transforms.names.variant_mentions import is_shouted, variant_matcher
from transforms.names.variants import coarse, is_clear, name_tokens, rank_entities
from warehouse.contracts import ALIAS_SUGGESTIONS

MIN_SPELLING_MENTIONS = 2  # a spelling seen once is too often a typo or a split name to propose
MIN_GROUP_MENTIONS = 3
SUGGEST_MIN = 0.65         # a known entity this close (but below the matcher's confident score) may be meant
CLUSTER_MIN = 0.75         # letter similarity at which two spellings with one skeleton are one name ('Court' != 'Kurt')
MAX_EXAMPLES = 2
MAX_WORD_BODIES = 3000     # a common word shows in lower case long before this many articles
MIN_LETTERS = 5            # shorter names share skeletons by chance ('Reid', 'Reed', 'Red')
_NUMERAL = re.compile(r"[IVX]+|\d+")
_WORD = re.compile(r"\b[a-z]+\b")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
_ORGANISATION_WORDS = frozenset("""party army group council ministry agency organization organisation front
movement brigade brigades union committee commission court bank company corporation institute university
force forces guard guards league news times post network press association""".split())


def _common_words(spellings: dict[str, Spelling], bodies: Iterable[str]) -> set[str]:
    """Keys of one-word spellings that the bodies also write in lower case ('Hell', 'State'): words, not names."""
    wanted = {key for key in spellings if key.isalpha()}
    found: set[str] = set()
    for body in itertools.islice(bodies, MAX_WORD_BODIES):
        found |= wanted.intersection(_WORD.findall(body))
    return found


def _blocking_key(text: str) -> str:
    """'Zelenskyy' -> 'silinski'; numerals stay as written ('World War I' is not 'World War II')."""
    numerals = [w for w in text.split() if _NUMERAL.fullmatch(w)]
    return " ".join(t.replace("K", "k") for t in name_tokens(text)) + "|" + " ".join(numerals)


def _dated(text: str) -> bool:
    """'ET Tuesday', 'March' -> True: a name does not open or close with a day, month or function word."""
    words = text.casefold().split()
    return words[0] in NOT_NAMES or words[-1] in NOT_NAMES


def _letters(text: str) -> str:
    return "".join(fold_word(w) for w in text.split())


def _word_key(token: str) -> tuple[str, str]:
    return coarse(token), token[0].lower()


def _covers(mine: tuple[str, ...], known: tuple[str, ...]) -> bool:
    return all(any(_word_key(a) == _word_key(b) for b in known) for a in mine)


def _resembles(spelling: str, variant: str, person: bool) -> bool:
    """Every word of the spelling has a word of the known variant with its consonants and first letter (a lone
    word: the person's surname); other names must also agree word for word and in most letters."""
    mine, known = name_tokens(spelling), name_tokens(variant)
    if person and len(mine) == 1:
        surname = variant.split()[-1]
        return _covers(mine, known[-1:]) and Indel.normalized_similarity(_letters(spelling), _letters(surname)) >= 0.6
    if person:
        return _covers(mine, known)
    similar = Indel.normalized_similarity(_letters(spelling), _letters(variant)) >= CLUSTER_MIN
    return similar and _covers(mine, known) and _covers(known, mine)


def _link(spellings: dict[str, Spelling], entities: list[dict]) -> dict[str, tuple[str, float, str] | None]:
    """Spelling -> (entity_id, score, known variant) when one known entity is close enough; None when none is;
    spellings close to several known entities are dropped (a shared surname is not a new spelling)."""
    matcher = variant_matcher(entities)
    context_types = matcher.types
    # A new spelling must resemble a known one word for word (see _resembles): rank only those.
    known_keys = {_word_key(t) for *_, tokens in matcher.index.variants for t in tokens}
    links = {}
    for key, spelling in spellings.items():
        close = spelling.entity_id or all(_word_key(t) in known_keys for t in name_tokens(spelling.text))
        ranked = rank_entities(spelling.text, matcher.index) if close else []
        if spelling.entity_id:
            best = next((m for m in ranked if m.entity_id == spelling.entity_id), None)
            links[key] = (spelling.entity_id, best.score if best else 1.0, best.matched_variant if best else "")
        elif is_clear(ranked, SUGGEST_MIN):
            best, person = ranked[0], context_types.get(ranked[0].entity_id) == "person"
            if _resembles(spelling.text, best.matched_variant, person):
                links[key] = (best.entity_id, best.score, best.matched_variant)
        elif not ranked or ranked[0].score < SUGGEST_MIN:
            links[key] = None
    return links


def _clusters(keys: list[str], spellings: dict[str, Spelling]) -> list[tuple[list[str], float]]:
    """Unknown spellings -> groups that spell one name: one skeleton ('Zelensky', 'Zelenskyy'), and letters
    close enough that the skeleton is not a coincidence ('Court', 'Kurt')."""
    blocks: dict[str, list[str]] = {}
    for key in keys:
        blocks.setdefault(_blocking_key(spellings[key].text), []).append(key)
    groups = []
    for members in blocks.values():
        members.sort(key=lambda k: (-spellings[k].count, k))
        letters = {k: _letters(spellings[k].text) for k in members}
        group, sims = [members[0]], []
        for key in members[1:]:
            best = max(Indel.normalized_similarity(letters[key], letters[g]) for g in group)
            if best >= CLUSTER_MIN:
                group.append(key)
                sims.append(best)
        if len(group) >= 2 and len(letters[group[0]]) >= MIN_LETTERS:
            groups.append((group, min(sims)))
    return groups


def _sentence(body: str, start: int, end: int) -> str:
    """Body + a span -> the sentence around it (at most ~300 characters)."""
    left = max((m.end() for m in _SENTENCE_END.finditer(body, max(0, start - 300), start)), default=max(0, start - 300))
    right = next((m.start() for m in _SENTENCE_END.finditer(body, end, end + 300)), min(len(body), end + 300))
    return " ".join(body[left:right].split())


def guess_type(name: str) -> str:
    """'Islamic Jihad Movement' -> 'organisation', else 'person': a starting point for review, not a fact."""
    words = {w.casefold() for w in re.findall(r"\w+", name)}
    return "organisation" if words & _ORGANISATION_WORDS else "person"


def suggestion_id(kind: str, entity_id: str | None, spellings: Iterable[str]) -> str:
    """Kind + entity + spellings -> a stable 12-hex id (order and case of spellings aside)."""
    content = "|".join([kind, entity_id or ""] + sorted({s.casefold() for s in spellings}))
    return hashlib.sha256(content.encode()).hexdigest()[:12]


def _rejected(decisions: Iterable[Mapping[str, str]]) -> tuple[set[str], set[tuple[str, str]]]:
    """Decision rows (suggestion_id, decision, entity_id, spellings 'a|b') -> (decided ids, rejected spellings)."""
    ids, spellings = set(), set()
    for row in decisions:
        ids.add(row["suggestion_id"])
        if row["decision"] == "rejected":
            owner = row.get("entity_id") or ""
            spellings |= {(owner, s.strip().casefold()) for s in (row.get("spellings") or "").split("|") if s.strip()}
    return ids, spellings


def _shown(spellings: Mapping[str, Spelling], keys: list[str]) -> list[Spelling]:
    """A group's spellings, most written first: the first MAX_EXAMPLES give its examples."""
    return sorted((spellings[k] for k in keys), key=lambda s: (-s.count, s.text))


def _row(kind: str, keys: list[str], score: float, link: tuple | None, context: Mapping) -> dict:
    spellings, entity = context["spellings"], context["entities"].get(link[0]) if link else None
    members = _shown(spellings, keys)
    docs = dict.fromkeys(d for s in members for d in s.docs)
    examples = []
    for spelling in members[:MAX_EXAMPLES]:
        doc_id, (start, end) = next(iter(spelling.docs.items()))
        examples.append(_sentence(context["bodies"][doc_id], start, end))
    texts = [s.text for s in members]
    return {
        "suggestion_id": suggestion_id(kind, entity and entity["entity_id"], texts), "kind": kind,
        "entity_id": entity and entity["entity_id"],
        "canonical_name": entity["canonical_name"] if entity else max(texts, key=lambda t: (len(t.split()), 0)),
        "entity_type": entity["entity_type"] if entity else guess_type(" ".join(texts)),
        "spellings": texts, "count_by_spelling": [s.count for s in members],
        "matched_variant": link[2] if link else None,
        "outlets": sorted({context["outlets"].get(d, "unknown") for d in docs}),
        "count_mentions": sum(s.count for s in members), "count_articles": len(docs), "score": round(score, 4),
        "examples": examples,
    }


def _groups(spellings: dict[str, Spelling], links: Mapping, rejected: set) -> list[tuple[str, list[str], float, tuple]]:
    known: dict[tuple[str, str], list[str]] = {}
    unknown = []
    for key, link in links.items():
        if (link[0] if link else "", key) in rejected:
            continue
        if link:
            known.setdefault((link[0], _blocking_key(spellings[key].text)), []).append(key)
        else:
            unknown.append(key)
    groups = [("new_spelling", keys, min(links[k][1] for k in keys), links[keys[0]]) for keys in known.values()]
    groups += [("new_entity", keys, score, None) for keys, score in _clusters(unknown, spellings)]
    return [g for g in groups if sum(spellings[k].count for k in g[1]) >= MIN_GROUP_MENTIONS]


def word_sample(doc_ids: pa.Array | pa.ChunkedArray) -> pa.Array:
    """Article ids -> the MAX_WORD_BODIES smallest: content hashes, so a sample the same in every run and order."""
    ids = pc.unique(doc_ids)
    return pc.take(ids, pc.sort_indices(ids)[:MAX_WORD_BODIES])


@dataclass
class Proposals:
    """Alias groups found in a run's names, before their examples and outlets are looked up in the articles."""

    groups: list[tuple[str, list[str], float, tuple | None]]
    spellings: dict[str, Spelling]
    entities: dict[str, dict]
    decided: set[str]

    def doc_ids(self) -> list[str]:
        """The articles the groups' spellings appear in (once `with_spelling_docs` has added them): the only ones
        `proposal_table` needs."""
        return sorted({d for _, keys, _, _ in self.groups for k in keys for d in self.spellings[k].docs})

    def example_doc_ids(self) -> list[str]:
        """The articles whose sentences the groups show as examples: the only bodies `proposal_table` reads."""
        return sorted({next(iter(s.docs)) for _, keys, _, _ in self.groups
                       for s in _shown(self.spellings, keys)[:MAX_EXAMPLES]})

    def surfaces(self) -> list[str]:
        """The surfaces, as written, of the groups' spellings: the only rows whose articles are looked up."""
        return sorted({s for _, keys, _, _ in self.groups for k in keys for s in self.spellings[k].surfaces})


def propose_aliases(totals: pa.Table, sample_bodies: Iterable[str], entities: pa.Table,
                    decisions: Iterable[Mapping[str, str]] = ()) -> Proposals:
    """Surface totals of candidate and variant mentions (SPELLING_TOTALS) + bodies of a sample of articles (up to
    MAX_WORD_BODIES, to tell common words) + ENTITIES + past decisions -> the proposed groups: new spellings of known
    entities and new entities, their articles not yet known."""
    rows = entities.to_pylist()
    found = {key: s for key, s in spellings(totals, MIN_SPELLING_MENTIONS).items()
             if not is_shouted(s.text) and not _dated(s.text)}
    for key in _common_words(found, sample_bodies):
        del found[key]
    decided, rejected = _rejected(decisions)
    groups = _groups(found, _link(found, rows), rejected)
    return Proposals(groups, found, {e["entity_id"]: e for e in rows}, decided)


def with_spelling_docs(proposals: Proposals, rows: pa.Table) -> Proposals:
    """Proposals + the rows of their surfaces (SPELLING_DOCS: surface, doc_id, start_char, end_char, in reading
    order) -> the same proposals, their spellings with the articles they appear in."""
    keys = {k for _, group, _, _ in proposals.groups for k in group}
    chosen = with_docs({k: proposals.spellings[k] for k in keys}, rows)
    return replace(proposals, spellings={**proposals.spellings, **chosen})


def proposal_table(proposals: Proposals, articles: pa.Table, outlets: pa.Table | None = None) -> pa.Table:
    """Proposals + articles (doc_id, outlet_name, body; at least those of `proposals.example_doc_ids()`) + their
    outlets (doc_id, outlet_name; at least those of `proposals.doc_ids()`; the articles' when not given) ->
    ALIAS_SUGGESTIONS, most seen first; suggestions decided before are left out."""
    examples = articles.filter(pc.is_in(articles["doc_id"],
                                        value_set=pa.array(proposals.example_doc_ids(), pa.string())))
    outlets = articles if outlets is None else outlets
    shown = outlets.filter(pc.is_in(outlets["doc_id"], value_set=pa.array(proposals.doc_ids(), pa.string())))
    context = {"spellings": proposals.spellings, "entities": proposals.entities,
               "bodies": dict(zip(examples["doc_id"].to_pylist(), examples["body"].to_pylist(), strict=True)),
               "outlets": dict(zip(shown["doc_id"].to_pylist(), shown["outlet_name"].to_pylist(), strict=True))}
    out = [_row(kind, keys, score, link, context) for kind, keys, score, link in proposals.groups]
    out = [r for r in out if r["suggestion_id"] not in proposals.decided]
    out.sort(key=lambda r: (-r["count_mentions"], r["suggestion_id"]))
    return pa.Table.from_pylist(out, schema=ALIAS_SUGGESTIONS)


def suggest_aliases(candidate_mentions: pa.Table, mentions: pa.Table, articles: pa.Table, entities: pa.Table,
                    decisions: Iterable[Mapping[str, str]] = ()) -> pa.Table:
    """Candidate mentions + mentions + articles (doc_id, outlet_name, body) + ENTITIES + past decisions ->
    ALIAS_SUGGESTIONS: new spellings of known entities and new entities with several spellings, most seen first."""
    sample = articles.filter(pc.is_in(articles["doc_id"], value_set=word_sample(articles["doc_id"])))
    rows = spelling_rows(candidate_mentions, mentions)
    proposals = propose_aliases(spelling_totals(rows), sample["body"].to_pylist(), entities, decisions)
    wanted = rows.filter(pc.is_in(rows["surface"], value_set=pa.array(proposals.surfaces(), pa.string())))
    return proposal_table(with_spelling_docs(proposals, wanted), articles)
