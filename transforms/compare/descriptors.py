"""Articles + mentions + quotes -> DESCRIPTORS: the words an outlet puts next to a name.

Kinds: 'premodifier' (the words right before a name: 'renegade General Khalifa Haftar'), 'appositive' ('Haftar, a
former army commander,' -> 'former army commander': a leading a/an/the is dropped so outlets compare on the words
that describe), 'copular' ('Haftar is a former general'), and 'role' ('the strongman', a definite noun phrase that
stands for the person last named, or for the person that role noun was attached to earlier in the article).
Everything is a regular expression over a short window around a mention: no parser. The phrases around a name are
read in `descriptor_phrases`, the role phrases in `descriptor_roles`.
"""

from collections.abc import Iterable

import pyarrow as pa
import pyarrow.compute as pc

from transforms.compare import descriptor_words as vocab
from transforms.compare.descriptor_phrases import describe, head_words
from transforms.compare.descriptor_roles import roles
from warehouse.contracts import DESCRIPTORS

# Only people are matched by a surname alone, so such a mention marks its entity as a person.
PERSON_MATCH_KINDS = frozenset({"surname", "surname_in_context"})
_PERSON_ONLY = vocab.ROLE_NOUNS - vocab.THING_NOUNS


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
    by_doc = _by_doc(mentions.select(["doc_id", "entity_id", "start_char", "end_char"]).to_pylist())
    if "quote_kind" in quotes.column_names:  # reported speech is the writer's words, not quoted ones
        quotes = quotes.filter(pc.fill_null(pc.not_equal(quotes["quote_kind"], "indirect"), True))
    quoted = _by_doc(quotes.select(["doc_id", "start_char", "end_char"]).to_pylist())
    persons, things = _types(mentions, entities)
    out = []
    for doc_id, body in zip(articles["doc_id"].to_pylist(), articles["body"].to_pylist(), strict=True):
        doc_mentions = by_doc.get(doc_id)
        if not doc_mentions:
            continue
        described = describe(doc_id, body, doc_mentions, persons, things)
        # A name described by a person's role noun ('warlord') is a person even when only named in full.
        people = {m["entity_id"] for m in doc_mentions if m["entity_id"] in persons} | (
            {r["entity_id"] for r in described if head_words(r["descriptor"]) & _PERSON_ONLY} - things)
        rows = described + roles(doc_id, body, doc_mentions, people, described)
        spans = [(q["start_char"], q["end_char"]) for q in quoted.get(doc_id, [])]
        seen = set()
        for row in sorted(rows, key=lambda r: (r["start_char"], r["end_char"], r["entity_id"], r["kind"])):
            key = (row["entity_id"], row["kind"], row["start_char"], row["end_char"])
            if key not in seen:
                seen.add(key)
                row["is_quoted"] = any(a <= row["start_char"] and row["end_char"] <= b for a, b in spans)
                out.append(row)
    return pa.Table.from_pylist(out, schema=DESCRIPTORS)
