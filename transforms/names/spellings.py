"""Candidate and variant mentions -> spellings (one per case-folded surface) with their counts, for alias suggestions.

A run counts them in DuckDB (warehouse/run_wide.py: SPELLING_TOTALS, then SPELLING_DOCS for the few spellings
proposed); `spelling_rows` and `spelling_totals` give the same tables in Arrow for tables in memory."""

from collections import Counter
from dataclasses import dataclass, field

import pyarrow as pa
import pyarrow.compute as pc

TOTALS = pa.schema([pa.field("surface", pa.string()), pa.field("count_mentions", pa.int64()),
                    pa.field("last_variant_key", pa.int64()), pa.field("entity_id", pa.string())])


@dataclass
class Spelling:
    """One way a name was written (case aside), and where."""

    forms: Counter = field(default_factory=Counter)
    docs: dict = field(default_factory=dict)  # doc_id -> first (start, end); insertion-ordered
    entity_id: str | None = None
    surfaces: set = field(default_factory=set)  # as written, whitespace and all: what SPELLING_DOCS looks up
    last_variant: int = -1

    @property
    def text(self) -> str:
        return max(self.forms.items(), key=lambda kv: (kv[1], kv[0]))[0]

    @property
    def count(self) -> int:
        return sum(self.forms.values())


def form_of(surface: str) -> str:
    """'Kim  Jong\\nUn' -> 'Kim Jong Un': a surface with its whitespace collapsed."""
    return " ".join(surface.split())


def spelling_rows(candidate_mentions: pa.Table, mentions: pa.Table) -> pa.Table:
    """CANDIDATE_MENTIONS + MENTIONS -> the rows suggestions read (surface, doc_id, start_char, end_char, entity_id:
    a variant's entity, null for a candidate; row_key: their order): unambiguous candidates, then variant mentions."""
    variants = mentions.filter(pc.equal(mentions["match_kind"], "variant"))
    parts = [(candidate_mentions, candidate_mentions["note"], pa.nulls(candidate_mentions.num_rows, pa.string())),
             (variants, variants["entity_id"], variants["entity_id"])]
    kept = []
    for table, owner, entity in parts:
        unambiguous = pc.invert(pc.fill_null(pc.starts_with(owner, "ambiguous"), False))
        kept.append(pa.table({"surface": table["surface"], "doc_id": table["doc_id"],
                              "start_char": table["start_char"], "end_char": table["end_char"],
                              "entity_id": entity.cast(pa.string())}).filter(unambiguous))
    both = pa.concat_tables(kept)
    return both.append_column("row_key", pa.array(range(both.num_rows), pa.int64()))


def spelling_totals(rows: pa.Table) -> pa.Table:
    """`spelling_rows` -> one row per surface: its mentions, the key of its last variant row and that row's entity."""
    counts = rows.group_by("surface", use_threads=False).aggregate([("row_key", "count")])
    variants = rows.filter(pc.is_valid(rows["entity_id"]))
    last = variants.group_by("surface", use_threads=False).aggregate([("row_key", "max")])
    at = pc.index_in(last["row_key_max"], value_set=rows["row_key"].combine_chunks())
    entities = pc.take(rows["entity_id"], at).to_pylist()
    owners = dict(zip(last["surface"].to_pylist(), zip(last["row_key_max"].to_pylist(), entities, strict=True),
                      strict=True))
    surfaces = counts["surface"].to_pylist()
    found = [owners.get(s, (None, None)) for s in surfaces]
    return pa.table([surfaces, counts["row_key_count"], [f[0] for f in found], [f[1] for f in found]], schema=TOTALS)


def spellings(totals: pa.Table, min_mentions: int) -> dict[str, Spelling]:
    """Surface totals -> spellings keyed by their case-folded form, those seen at least min_mentions times or
    written as a known entity's variant; a spelling's entity is that of its last variant mention."""
    found: dict[str, Spelling] = {}
    columns = (totals[c].to_pylist() for c in ("surface", "count_mentions", "last_variant_key", "entity_id"))
    for surface, n, last, entity_id in zip(*columns, strict=True):
        form = form_of(surface)
        spelling = found.setdefault(form.casefold(), Spelling())
        spelling.forms[form] += n
        spelling.surfaces.add(surface)
        if last is not None and last > spelling.last_variant:
            spelling.last_variant, spelling.entity_id = last, entity_id
    return {key: found[key] for key in sorted(found) if found[key].count >= min_mentions or found[key].entity_id}


def with_docs(chosen: dict[str, Spelling], rows: pa.Table) -> dict[str, Spelling]:
    """Spellings + the rows of their surfaces (surface, doc_id, start_char, end_char, in reading order) -> copies
    with their articles: doc_id -> its first (start, end), in order of first mention."""
    filled = {key: Spelling(s.forms, {}, s.entity_id, s.surfaces, s.last_variant) for key, s in chosen.items()}
    values = (rows[c].to_pylist() for c in ("surface", "doc_id", "start_char", "end_char"))
    for surface, doc_id, start, end in zip(*values, strict=True):
        key = form_of(surface).casefold()
        if key in filled:
            filled[key].docs.setdefault(doc_id, (start, end))
    return filled
