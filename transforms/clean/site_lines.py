"""Corpus statistics: lines that recur across an outlet's articles are site lines, not reporting."""

import re
import zlib
from collections import defaultdict
from collections.abc import Iterable

import pyarrow as pa
import pyarrow.compute as pc

from warehouse.contracts import SITE_LINES

# A site line recurs in several articles of one outlet after different neighbours (so it is not
# the same story filed twice). Longer lines and sentences need more evidence: a paragraph or a quote
# shared by two articles is more often re-used reporting than a template. Articles of unknown outlets
# are not pooled: lines shared across unrelated sites are shared reporting, not one site's furniture.
SHORT_LINE_WORDS = 8
MAX_LINE_WORDS = 30
MIN_DOCS_SHORT = 2
MIN_DOCS_LONG = 3
PARAGRAPH_WORDS = 12
LABEL_WORDS = 6
# Text structure recurs too: a subhead stands between paragraphs in at least this share of its places,
# a lead-in ('These are the members:') opens a paragraph, a speaker's name or a verdict comes back within one
# article this many times per article on average.
STRUCTURE_SHARE = 0.5
RECURRING_PER_DOC = 1.5
# Words of furniture: a line that invites an action, credits or links is a site line wherever it stands.
_FURNITURE = re.compile(
    r"\b(?:click|tap|sign(?:ing)? up|subscribe|newsletters?|inbox|download|app|follow|share|watch|listen|podcast"
    r"|read|more|see|photos?|videos?|gallery|copyright|rights reserved|contributed|reporting|editor'?s|advert\w*"
    r"|sponsored|visit|e-?mail|contact|twitter|facebook|instagram|comments?|continues|updated|coverage"
    r"|(?:need|what) to know|also like)\b"
    r"|[@©]|https?://|www\.|\.com\b", re.I)


_SENTENCE_END = (".", "!", "?", '"', "”", "’")


def _evidence_needed(key: str) -> int:
    words = len(key.split())
    sentence = words >= 4 and key.endswith(_SENTENCE_END)
    return MIN_DOCS_SHORT if words <= SHORT_LINE_WORDS and not sentence else MIN_DOCS_LONG


def line_key(line: str) -> str:
    """Line -> comparison key: whitespace collapsed, case folded."""
    return " ".join(line.split()).casefold()


def _candidate_lines(text: str):
    """-> (line index, key, line, previous key or None, sandwiched, opens a paragraph) per line short enough to be a
    site line; sandwiched = between two paragraphs of text. Each line is split into words once. The first line is
    not counted (it is the title), but it is among the lines a document's cleaning looks up."""
    lines = [(" ".join(words), len(words)) for words in map(str.split, text.split("\n")) if words]
    for i, (line, n_words) in enumerate(lines):
        if n_words <= MAX_LINE_WORDS:
            opens = i + 1 < len(lines) and lines[i + 1][1] >= PARAGRAPH_WORDS
            sandwiched = opens and i > 0 and lines[i - 1][1] >= PARAGRAPH_WORDS
            previous = lines[i - 1][0].casefold() if i else None
            yield i, line.casefold(), line, previous, sandwiched, opens  # line_key of a joined line


# One row per line that could be a site line; its hash (outlet and key) lets rows be split into buckets that each
# hold whole groups, so the counting can run one bucket at a time (see flows/storage/spill.py). The line before it
# is kept as a 64-bit hash (the process's own: rows are counted where they are made): only distinct ones count.
CANDIDATE_LINES = pa.schema([
    pa.field("outlet", pa.string()), pa.field("doc_id", pa.string()), pa.field("source_path", pa.string()),
    pa.field("record_no", pa.int64()), pa.field("line_no", pa.int32()), pa.field("line_key", pa.string()),
    pa.field("line_text", pa.string()), pa.field("previous_hash", pa.int64()), pa.field("sandwiched", pa.bool_()),
    pa.field("opens", pa.bool_()), pa.field("key_hash", pa.uint32()),
])
_KEYS = ["outlet", "line_key"]
_COUNTS = [("doc_id", "count_distinct"), ("previous_hash", "count_distinct"), ("doc_id", "count"),
           ("sandwiched", "sum"), ("opens", "sum")]
_ORDER = [("source_path", "ascending"), ("record_no", "ascending"), ("line_no", "ascending")]


def candidate_rows(docs: pa.Table) -> pa.Table:
    """Documents (outlet, doc_id, text; source_path and record_no if known) -> CANDIDATE_LINES of those with an
    outlet (articles of unknown outlets are not pooled)."""
    docs = _with_order(docs)
    rows = []
    fields = ("outlet", "doc_id", "source_path", "record_no", "text")
    for outlet, doc_id, path, record, text in zip(*(docs[c].to_pylist() for c in fields), strict=True):
        if outlet:
            order, prefix = (outlet, doc_id, path, -1 if record is None else record), f"{outlet}\0".encode()
            rows += [(*order, no, key, line, None if previous is None else hash(previous), sandwiched, opens,
                      zlib.crc32(key.encode(), zlib.crc32(prefix)))
                     for no, key, line, previous, sandwiched, opens in _candidate_lines(text)]
    columns = list(zip(*rows, strict=True)) or [[] for _ in CANDIDATE_LINES.names]
    return pa.table(dict(zip(CANDIDATE_LINES.names, columns, strict=True)), schema=CANDIDATE_LINES)


def recurring_lines(rows: pa.Table) -> pa.Table:
    """CANDIDATE_LINES holding whole (outlet, line_key) groups -> per group seen in two documents or more after two
    lines or more: count_docs, count_contexts, occurrences, sandwiched, opens and the text of its first document
    in (source_path, record_no) order. The same rows give the same counts however they are split or ordered."""
    rows = rows.filter(pc.greater(rows["line_no"], 0))  # a title is not counted
    counts = rows.group_by(_KEYS, use_threads=False).aggregate(_COUNTS)
    counts = counts.rename_columns(_count_names(counts))
    counts = counts.filter(pc.and_(pc.greater_equal(counts["count_docs"], MIN_DOCS_SHORT),
                                   pc.greater_equal(counts["count_contexts"], MIN_DOCS_SHORT)))
    # the text of each kept line: its first row in document order, sorted among the kept lines' rows only
    kept = rows.join(counts.select(_KEYS), _KEYS, join_type="left semi").sort_by(_ORDER)
    firsts = kept.group_by(_KEYS, use_threads=False).aggregate([("line_text", "first")])
    return counts.join(firsts.rename_columns(_count_names(firsts)), _KEYS)


def doc_site_lines(rows: pa.Table, site_lines: pa.Table) -> pa.Table:
    """CANDIDATE_LINES + SITE_LINES -> (doc_id, outlet, line_key) of every site line a document holds: all its
    cleaning looks up, so a document's cleaning changes only when these do."""
    held = rows.select(["doc_id", "outlet", "line_key"]).join(site_lines.select(_KEYS), _KEYS, join_type="left semi")
    return held.group_by(["doc_id", "outlet", "line_key"], use_threads=False).aggregate([])


def _count_names(counts: pa.Table) -> list[str]:
    names = {"doc_id_count_distinct": "count_docs", "previous_hash_count_distinct": "count_contexts",
             "doc_id_count": "occurrences", "sandwiched_sum": "sandwiched", "opens_sum": "opens",
             "line_text_first": "line_text"}
    return [names.get(name, name) for name in counts.column_names]


def outlet_doc_counts(docs: pa.Table) -> dict[str, int]:
    """Documents (outlet, doc_id) -> {outlet: its distinct documents}; the same content may come twice."""
    pairs = docs.select(["outlet", "doc_id"]).filter(pc.is_valid(docs["outlet"]))
    counts = pairs.group_by("outlet").aggregate([("doc_id", "count_distinct")])
    return dict(zip(counts["outlet"].to_pylist(), counts["doc_id_count_distinct"].to_pylist(), strict=True))


def _is_text_structure(text: str, occurrences: int, docs: int, sandwiched: int, opens: int) -> bool:
    """A recurring subhead, lead-in, speaker's name or verdict label: the outlet's way of writing, not its
    furniture. Lines in furniture words are never structure."""
    if _FURNITURE.search(text):
        return False
    share = STRUCTURE_SHARE * occurrences
    subhead = len(text.split()) <= LABEL_WORDS and sandwiched >= share
    lead_in = text.endswith(":") and opens >= share
    return subhead or lead_in or occurrences >= RECURRING_PER_DOC * docs


def _site_lines(counts: pa.Table, outlet_docs: dict[str, int]) -> pa.Table:
    """recurring_lines of one bucket + outlet_doc_counts -> its SITE_LINES: lines seen in enough documents after
    enough different lines, that are not text structure (unsorted)."""
    rows = []
    for row in counts.to_pylist():
        needed = _evidence_needed(row["line_key"])
        if row["count_docs"] >= needed and row["count_contexts"] >= needed and not _is_text_structure(
                row["line_text"], row["occurrences"], row["count_docs"], row["sandwiched"], row["opens"]):
            rows.append({
                "outlet": row["outlet"], "line_key": row["line_key"], "line_text": row["line_text"],
                "count_docs": row["count_docs"], "count_outlet_docs": outlet_docs[row["outlet"]],
                "count_contexts": row["count_contexts"],
            })
    return pa.Table.from_pylist(rows, schema=SITE_LINES)


def learn_from_rows(buckets: Iterable[pa.Table], outlet_docs: dict[str, int]) -> tuple[pa.Table, pa.Table]:
    """CANDIDATE_LINES in buckets of whole (outlet, line_key) groups + outlet_doc_counts -> (SITE_LINES, the site
    lines each document holds: see doc_site_lines), one pass over the buckets (each decides its own groups)."""
    found, held = [SITE_LINES.empty_table()], [doc_site_lines(CANDIDATE_LINES.empty_table(), SITE_LINES.empty_table())]
    for rows in buckets:
        found.append(_site_lines(recurring_lines(rows), outlet_docs))
        held.append(doc_site_lines(rows, found[-1]))
    site_lines = pa.concat_tables(found).sort_by(
        [("outlet", "ascending"), ("count_docs", "descending"), ("line_key", "ascending")])
    return site_lines, pa.concat_tables(held)


def _with_order(docs: pa.Table) -> pa.Table:
    for name in ("source_path", "record_no"):
        if name not in docs.column_names:
            docs = docs.append_column(name, pa.array([f"{i:012d}" for i in range(docs.num_rows)], pa.string())
                                      if name == "source_path" else pa.nulls(docs.num_rows, pa.int32()))
    return docs


def learn_site_lines(docs: pa.Table) -> pa.Table:
    """Documents (outlet, doc_id, text; source_path and record_no if known) -> SITE_LINES table (outlet, line_key,
    counts, example text), all in memory (the flow counts bucket by bucket)."""
    return learn_doc_site_lines(docs)[0]


def learn_doc_site_lines(docs: pa.Table) -> tuple[pa.Table, pa.Table]:
    """Documents -> (SITE_LINES, the site lines each document holds: see doc_site_lines), all in memory."""
    return learn_from_rows([candidate_rows(docs)], outlet_doc_counts(docs))


def site_line_sets(site_lines: pa.Table) -> dict[str | None, frozenset[str]]:
    """SITE_LINES table -> {outlet: keys of its site lines}."""
    groups: dict[str | None, set] = defaultdict(set)
    for outlet, key in zip(site_lines["outlet"].to_pylist(), site_lines["line_key"].to_pylist(), strict=True):
        groups[outlet].add(key)
    return {outlet: frozenset(keys) for outlet, keys in groups.items()}


def assign_signature_outlets(docs: pa.Table, site_lines: pa.Table) -> pa.Table:
    """Documents + known outlets' site lines -> documents where an outlet-less one carrying the site lines
    of exactly one outlet gets that outlet (outlet_source 'signature')."""
    owners: dict[str, set] = defaultdict(set)
    for outlet, keys in site_line_sets(site_lines).items():
        for key in keys if outlet else ():
            owners[key].add(outlet)
    unique = {key: next(iter(found)) for key, found in owners.items() if len(found) == 1}
    outlets, sources = docs["outlet"].to_pylist(), docs["outlet_source"].to_pylist()
    for i, text in enumerate(docs["text"].to_pylist()):
        if outlets[i] is None:
            found = {unique[key] for key in map(line_key, text.split("\n")) if key in unique}
            if len(found) == 1:
                outlets[i], sources[i] = found.pop(), "signature"
    for name, values in (("outlet", outlets), ("outlet_source", sources)):
        docs = docs.set_column(docs.schema.get_field_index(name), name, pa.array(values, pa.string()))
    return docs
