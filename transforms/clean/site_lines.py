"""Corpus statistics: lines that recur across an outlet's articles are site lines, not reporting."""

import re
from collections import defaultdict
from dataclasses import dataclass

import pyarrow as pa

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
    """-> (key, line, previous key, sandwiched, opens a paragraph) per line that could be a site line;
    sandwiched = between two paragraphs of text. Each line is split into words once."""
    lines = [(" ".join(words), len(words)) for words in map(str.split, text.split("\n")) if words]
    for i in range(1, len(lines)):
        line, n_words = lines[i]
        if n_words <= MAX_LINE_WORDS:
            opens = i + 1 < len(lines) and lines[i + 1][1] >= PARAGRAPH_WORDS
            sandwiched = opens and lines[i - 1][1] >= PARAGRAPH_WORDS
            yield line.casefold(), line, lines[i - 1][0].casefold(), sandwiched, opens  # line_key of a joined line


@dataclass
class _Seen:
    text: str
    first: tuple  # (source_path, record_no) of the document it was first seen in: the text shown is that one's
    contexts: set
    docs: int = 0  # a document's lines are counted together: a count and the last document, not a set of ids
    last_doc: str = ""
    occurrences: int = 0
    sandwiched: int = 0
    opens: int = 0

    def is_text_structure(self) -> bool:
        """A recurring subhead, lead-in, speaker's name or verdict label: the outlet's way of writing, not its
        furniture. Lines in furniture words are never structure."""
        if _FURNITURE.search(self.text):
            return False
        share = STRUCTURE_SHARE * self.occurrences
        subhead = len(self.text.split()) <= LABEL_WORDS and self.sandwiched >= share
        lead_in = self.text.endswith(":") and self.opens >= share
        return subhead or lead_in or self.occurrences >= RECURRING_PER_DOC * self.docs


class SiteLineCounts:
    """Line statistics per outlet, added up over documents given in any batches and any order: the same documents
    give the same SITE_LINES however they are split (the text shown for a line is the one of its first document in
    (source_path, record_no) order)."""

    def __init__(self):
        self.docs_per_outlet: dict[str, set] = defaultdict(set)
        self.seen: dict[tuple[str, str], _Seen] = {}

    def add(self, docs: pa.Table) -> "SiteLineCounts":
        """Documents (outlet, doc_id, source_path, record_no, text) -> self, their lines counted."""
        columns = ("outlet", "doc_id", "source_path", "record_no", "text")
        for outlet, doc_id, path, record, text in zip(*(docs[c].to_pylist() for c in columns), strict=True):
            if not outlet:
                continue
            new_doc = doc_id not in self.docs_per_outlet[outlet]  # the same content may come twice
            self.docs_per_outlet[outlet].add(doc_id)
            order = (path, -1 if record is None else record)
            for key, line, previous, sandwiched, opens in _candidate_lines(text):
                entry = self.seen.get((outlet, key))
                if entry is None:
                    entry = self.seen[(outlet, key)] = _Seen(line, order, set())
                elif order < entry.first:
                    entry.text, entry.first = line, order
                if new_doc and entry.last_doc != doc_id:
                    entry.docs += 1
                    entry.last_doc = doc_id
                entry.contexts.add(previous)
                entry.occurrences += 1
                entry.sandwiched += sandwiched
                entry.opens += opens
        return self

    def table(self) -> pa.Table:
        """-> SITE_LINES: lines seen in enough documents after enough different lines, that are not text structure."""
        rows = []
        for (group, key), entry in self.seen.items():
            n_docs, needed = entry.docs, _evidence_needed(key)
            if n_docs >= needed and len(entry.contexts) >= needed and not entry.is_text_structure():
                rows.append({
                    "outlet": group, "line_key": key, "line_text": entry.text, "count_docs": n_docs,
                    "count_outlet_docs": len(self.docs_per_outlet[group]), "count_contexts": len(entry.contexts),
                })
        rows.sort(key=lambda r: (r["outlet"], -r["count_docs"], r["line_key"]))
        return pa.Table.from_pylist(rows, schema=SITE_LINES)


def learn_site_lines(docs: pa.Table) -> pa.Table:
    """Documents (outlet, doc_id, text; source_path and record_no if known) -> SITE_LINES table (outlet, line_key,
    counts, example text)."""
    for name in ("source_path", "record_no"):
        if name not in docs.column_names:
            docs = docs.append_column(name, pa.array([f"{i:012d}" for i in range(docs.num_rows)], pa.string())
                                      if name == "source_path" else pa.nulls(docs.num_rows, pa.int32()))
    return SiteLineCounts().add(docs).table()


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
