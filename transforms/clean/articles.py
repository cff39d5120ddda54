"""Documents -> articles (clean body + metadata) and removed_lines (every removed line with its reason)."""

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from itertools import pairwise

import pyarrow as pa

from transforms.clean.line_model import page_decisions
from transforms.clean.line_rules import line_reason
from transforms.clean.page_text import looks_like_page
from transforms.clean.site_lines import line_key, site_line_sets
from transforms.ingest.metadata import parse_byline, parse_date, parse_dateline, parse_timestamp
from warehouse.contracts import ARTICLES, QUARANTINE, REMOVED_LINES, SOURCES

# A standfirst repeated by the first paragraph sits at the top; look that far.
LEDE_WINDOW = 6
LEDE_MIN_WORDS = 8
CAPTION_CREDIT_MAX_WORDS = 5
TITLE_MAX_WORDS = 30
MAX_PASSES = 6
PARAGRAPH_MIN_WORDS = 12
FOOTER_SHORT_WORDS = 4
# A copy this long says nothing new wherever it stands; shorter repeats may be a question put again, a list's item
# or a speaker's turn. A copy right after its original is a layout double once it is this long.
REPEAT_MIN_WORDS = 12
DOUBLE_MIN_WORDS = 6
# A block printed twice by the layout comes back once; a line that comes back this many times is the text's own
# structure: a question put to each guest, a table's header, a step of a plan, a list item of each product.
RECURRING_COPIES = 3
# Capitals section heads run a few words ('POLL CHECK'); a capitals line this long is another story's headline.
CAPS_HEADLINE_WORDS = 10
# A credit between two copies of a caption names who took it: 'Jane Doe', 'Alex Wong/Getty Images'.
_CREDIT_SHAPE = re.compile(r"^[A-Z][\w.'’-]*(?:[ /,]+[A-Z][\w.'’-]*){1,5}$")
# Lines removed around a caption printed twice: its credit, a photo strip, a player.
_CAPTION_REASONS = frozenset({"credit", "photo_caption", "gallery", "loader"})
_SENTENCE_END = (".", "!", "?", '"', "”", "’", "'", ")")
# Reasons a line may have on its own and still be the start of a site's trailing block.
_FOOTER_MARKERS = frozenset({"share_widget", "bare_url", "copyright", "related_link", "ad_slot", "site_line"})


@dataclass
class Cleaned:
    """One document after cleaning: body, removed lines (with the model's detail by line number) and the metadata
    found in them."""

    body: str
    removed: list[tuple[int, str, str]] = field(default_factory=list)
    details: dict[int, str] = field(default_factory=dict)
    title: str | None = None
    byline: str | None = None
    dateline: str | None = None
    published_at: datetime | None = None
    updated_at: datetime | None = None


def _mark_repeats(lines: list[str], keys: list[str], reasons: dict[int, str], title_i: int | None) -> None:
    title_key = keys[title_i] if title_i is not None else None
    for i, key in enumerate(keys):
        if i not in reasons and i != title_i and key == title_key:
            reasons[i] = "repeated_headline"
    # Structure is read on the lines the line rules kept, so that cleaning a cleaned body changes nothing.
    kept = [i for i in range(len(keys)) if i not in reasons]
    _mark_twins(kept, lines, keys, reasons, title_key)
    _mark_repeated_runs([i for i in kept if i not in reasons], keys, reasons)


def _credit_shaped(line: str) -> bool:
    return len(line.split()) <= CAPTION_CREDIT_MAX_WORDS and _CREDIT_SHAPE.match(line) is not None


def _mark_twins(kept: list[int], lines: list[str], keys: list[str], reasons: dict[int, str],
                title_key: str | None) -> None:
    # A caption printed twice: around a credit-shaped line we kept, or around a credit a rule removed. Two
    # copies around anything else (a section head, an ad slot) are text repeated: the repeat rules decide.
    for n in range(len(kept) - 1):
        a, b = kept[n], kept[n + 1]
        if a in reasons or keys[a] == title_key:
            continue
        if keys[a] == keys[b] and any(reasons.get(i) in _CAPTION_REASONS for i in range(a + 1, b)):
            reasons[a] = reasons[b] = "twin_caption"
        elif n + 2 < len(kept) and keys[a] == keys[kept[n + 2]] and _credit_shaped(lines[b]):
            reasons[a] = reasons[kept[n + 2]] = "twin_caption"
            reasons[b] = "caption_credit"


def _mark_repeated_runs(kept: list[int], keys: list[str], reasons: dict[int, str]) -> None:
    # A copy that comes back with a neighbour of its first copy is a layout duplicate (a block printed twice);
    # a line alone repeated among new neighbours is text (an interview's recurring question, a list's item).
    seq = [keys[i] for i in kept]
    pairs = list(pairwise(seq))
    first_pair, first_line, copies = {}, {}, Counter(seq)
    for n, pair in enumerate(pairs):
        first_pair.setdefault(pair, n)
    for n, key in enumerate(seq):
        first_line.setdefault(key, n)
    for n, key in enumerate(seq):
        if copies[key] >= RECURRING_COPIES and (n == 0 or seq[n - 1] != key):
            continue
        before = n > 0 and first_pair[pairs[n - 1]] < n - 1
        after = n < len(pairs) and first_pair[pairs[n]] < n
        words = len(key.split())
        doubled = n > 0 and seq[n - 1] == key and words >= DOUBLE_MIN_WORDS
        if (before or after or doubled or words >= REPEAT_MIN_WORDS) and first_line[key] < n:
            reasons[kept[n]] = "repeated_line"


def _mark_lede(keys: list[str], reasons: dict[int, str]) -> None:
    kept = [i for i in range(len(keys)) if i not in reasons]
    for i in kept[:LEDE_WINDOW]:
        if len(keys[i].split()) < LEDE_MIN_WORDS:
            continue
        if any(j > i and len(keys[j]) > len(keys[i]) and keys[j].startswith(keys[i]) for j in kept):
            reasons[i] = "repeated_lede"


def _footerish(line: str, outlet_key: str | None) -> bool:
    names_outlet = bool(outlet_key) and outlet_key in line_key(line)
    open_ended = not line.endswith(_SENTENCE_END)
    return open_ended and (names_outlet or len(line.split()) <= FOOTER_SHORT_WORDS)


def _mark_footer(lines: list[str], reasons: dict[int, str], outlet: str | None) -> None:
    outlet_key = line_key(outlet).split(".")[0] if outlet else None
    block, anchored = [], False
    for i in range(len(lines) - 1, -1, -1):
        if i in reasons:
            anchored |= reasons[i] in _FOOTER_MARKERS
        elif _footerish(lines[i], outlet_key):
            block.append(i)
            anchored |= bool(outlet_key) and outlet_key in line_key(lines[i])
        else:
            break
    if anchored:
        for i in block:
            reasons[i] = "footer"


def _metadata(cleaned: Cleaned, lines: list[str], reasons: dict[int, str], title_i: int | None) -> None:
    for i, reason in sorted(reasons.items()):
        if reason == "byline" and not cleaned.byline:
            cleaned.byline = parse_byline(lines[i])
        elif reason == "dateline" and not cleaned.dateline:
            cleaned.dateline = parse_dateline(lines[i])
        elif reason == "timestamp":
            kind, stamp = parse_timestamp(lines[i])
            if kind == "updated" and not cleaned.updated_at:
                cleaned.updated_at = stamp
            elif kind == "published" and not cleaned.published_at:
                cleaned.published_at = stamp
    kept = [i for i in range(len(lines)) if i not in reasons]
    if title_i is not None and len(lines[title_i].split()) <= TITLE_MAX_WORDS:
        cleaned.title = lines[title_i]
    for i in kept[:3]:
        if not cleaned.dateline and i != title_i:
            cleaned.dateline = parse_dateline(lines[i])


def _first_paragraph(lines: list[str], reasons: dict[int, str]) -> int:
    return next((i for i in range(len(lines)) if i not in reasons
                 and len(lines[i].split()) >= PARAGRAPH_MIN_WORDS), len(lines))


def _keep_late_datelines(lines: list[str], reasons: dict[int, str]) -> None:
    # A dateline opens a story; a capitals line after the first paragraph is a subhead ("PARKING LOT").
    first_paragraph = _first_paragraph(lines, reasons)
    for i in [i for i, r in reasons.items() if r == "dateline" and i > first_paragraph]:
        del reasons[i]


def _caps_headline(line: str) -> bool:
    words = line.split()
    return (len(words) >= CAPS_HEADLINE_WORDS and line[0].isalpha() and line.upper() == line
            and not line.rstrip("\"”’') ").endswith((".", "!", "?", ":", "…")))


def _mark_caps_headlines(lines: list[str], reasons: dict[int, str]) -> None:
    # Before the story begins a capitals line may be its own headline; inside the story it links to another.
    for i in range(_first_paragraph(lines, reasons) + 1, len(lines)):
        if i not in reasons and _caps_headline(lines[i]):
            reasons[i] = "caps_headline"


def rule_reasons(lines: list[str]) -> dict[int, str]:
    """Lines of one document -> {index: reason} of the line rules, datelines after the first paragraph kept and
    capitals headlines inside the story marked."""
    reasons = {i: r for i, r in enumerate(map(line_reason, lines)) if r}
    _keep_late_datelines(lines, reasons)
    _mark_caps_headlines(lines, reasons)
    return reasons


def clean_document(text: str, site_lines: frozenset[str] = frozenset(), outlet: str | None = None) -> Cleaned:
    """Article text -> Cleaned(body, removed lines with reasons, title/byline/dateline/timestamps)."""
    numbered = [(no, raw.strip()) for no, raw in enumerate(text.split("\n"), start=1) if raw.strip()]
    lines = [" ".join(line.split()) for _, line in numbered]
    keys = [line_key(line) for line in lines]
    reasons, details = rule_reasons(lines), {}
    if looks_like_page(lines):
        decisions, details = page_decisions(lines, reasons, [key in site_lines for key in keys])
        reasons |= {i: r for i, r in enumerate(decisions) if r}
    title_i = next((i for i in range(len(lines)) if i not in reasons), None)
    for i, key in enumerate(keys):
        if i not in reasons and i != title_i and key in site_lines:
            reasons[i] = "site_line"
    # Each removal can bring new neighbours together: repeat until nothing changes, so that cleaning a
    # cleaned body changes nothing.
    for _ in range(MAX_PASSES):
        before = len(reasons)
        _mark_repeats(lines, keys, reasons, title_i)
        _mark_lede(keys, reasons)
        _mark_footer(lines, reasons, outlet)
        if len(reasons) == before:
            break
    cleaned = Cleaned(body="\n\n".join(numbered[i][1] for i in range(len(lines)) if i not in reasons))
    cleaned.removed = [(numbered[i][0], numbered[i][1], reasons[i]) for i in sorted(reasons)]
    cleaned.details = {numbered[i][0]: detail for i, detail in details.items()}
    _metadata(cleaned, lines, reasons, title_i)
    return cleaned


@dataclass
class CleanBatch:
    """Tables from cleaning one batch of documents."""

    articles: pa.Table
    removed_lines: pa.Table
    sources: pa.Table
    quarantine: pa.Table
    seen: frozenset[str]  # content ids cleaned so far, this batch included


def _article(doc: dict, cleaned: Cleaned) -> dict:
    return {
        **doc,
        "outlet": doc["outlet"] or "unknown",
        "outlet_source": doc["outlet_source"] or "none",
        "outlet_id": doc.get("outlet_id") or "unknown",
        "outlet_name": doc.get("outlet_name") or doc["outlet"] or "unknown",
        "title": doc["title"] or cleaned.title,
        "byline": doc["byline"] or cleaned.byline,
        "dateline": cleaned.dateline,
        "published_at": parse_date(doc["published_raw"]) or cleaned.published_at,
        "updated_at": cleaned.updated_at,
        "body": cleaned.body,
        "count_lines_removed": len(cleaned.removed),
    }


def clean_articles(docs: pa.Table, site_lines: pa.Table, seen: frozenset[str] = frozenset()) -> CleanBatch:
    """Documents + site lines -> CleanBatch; content already in `seen` or in the batch becomes one article."""
    per_outlet = site_line_sets(site_lines)
    articles, removed, sources, quarantine, done = [], [], [], [], set(seen)
    for doc in docs.to_pylist():
        source = {k: doc[k] for k in ("doc_id", "source_path", "record_no")}
        if doc["doc_id"] in done:
            sources.append(source)
            continue
        cleaned = clean_document(doc["text"], per_outlet.get(doc["outlet"], frozenset()), doc["outlet"])
        if not cleaned.body:
            reason = f"no article text left after removing {len(cleaned.removed)} boilerplate lines"
            quarantine.append({"source_path": doc["source_path"], "record_no": doc["record_no"], "reason": reason})
            continue
        done.add(doc["doc_id"])
        sources.append(source)
        removed.extend({"doc_id": doc["doc_id"], "line_no": n, "text": t, "reason": r,
                        "reason_detail": cleaned.details.get(n)} for n, t, r in cleaned.removed)
        articles.append(_article(doc, cleaned))
    return CleanBatch(
        pa.Table.from_pylist(articles, schema=ARTICLES),
        pa.Table.from_pylist(removed, schema=REMOVED_LINES),
        pa.Table.from_pylist(sources, schema=SOURCES),
        pa.Table.from_pylist(quarantine, schema=QUARANTINE),
        frozenset(done),
    )
