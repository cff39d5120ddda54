"""Outlet labels as written -> one outlet each, through the versioned outlet table and the article URL's domain."""

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pyarrow as pa

from transforms.ingest.documents import domain_of
from transforms.lexicon import fold_word

# Section and edition marks that outlets append to their name: 'CNN (Web News)', 'Fox Online News',
# 'New York Times - News' are CNN, Fox News and the New York Times.
_QUALIFIER = re.compile(r"\s*\([^)]*\)|\s+-\s+(?:news|opinion|editorial|online)\s*$", re.I)
_EDITION_WORDS = frozenset({"online", "the"})


@dataclass(frozen=True)
class OutletIndex:
    """Outlet table keyed by folded name and by domain."""

    by_name: Mapping[str, tuple[str, str]]    # name key -> (outlet_id, canonical name)
    by_domain: Mapping[str, tuple[str, str]]  # 'foxnews.com' -> (outlet_id, canonical name)


def outlet_key(label: str) -> str:
    """'Fox News (Online)', 'Fox Online News' -> 'fox-news': folded words without edition marks."""
    words = [fold_word(w) for w in _QUALIFIER.sub("", label).split()]
    kept = [w for w in words if w and w not in _EDITION_WORDS] or [w for w in words if w]
    return "-".join(kept)


def build_outlet_index(rows: Iterable[Mapping[str, str]]) -> OutletIndex:
    """Outlet table rows (outlet_id, canonical_name, aliases 'a|b', domains 'a|b') -> OutletIndex."""
    by_name, by_domain = {}, {}
    for row in rows:
        target = (row["outlet_id"].strip(), row["canonical_name"].strip())
        for name in [row["canonical_name"], *(row.get("aliases") or "").split("|")]:
            if name.strip():
                by_name[outlet_key(name)] = target
        for domain in (row.get("domains") or "").split("|"):
            if domain.strip():
                by_domain[domain.strip().lower().removeprefix("www.")] = target
    return OutletIndex(by_name, by_domain)


def _domain_owner(url: str | None, index: OutletIndex) -> tuple[str, str] | None:
    host = domain_of(url) or ""
    while host:
        if host in index.by_domain:
            return index.by_domain[host]
        host = host.partition(".")[2]  # 'edition.cnn.com' -> 'cnn.com'
    return None


def resolve_outlet(label: str | None, url: str | None, index: OutletIndex) -> tuple[str, str]:
    """Outlet label + URL -> (outlet_id, canonical name): the table's name or alias, else the label without
    edition marks ('NPR Online News' -> 'npr-news', 'NPR News'); the URL's domain in the table only when the label
    is empty or is that domain."""
    key = outlet_key(label or "")
    if key in index.by_name:
        return index.by_name[key]
    # The URL's domain decides only when the label is empty or is that domain: a label the table does not know
    # may name another publication carried on that site, and merging two outlets is worse than keeping them apart.
    from_url = not key or (label or "").strip().lower().removeprefix("www.") == domain_of(url)
    owner = _domain_owner(url, index) if from_url else None
    if owner:
        return owner
    if not key:
        return "unknown", "unknown"
    name = " ".join(w for w in _QUALIFIER.sub("", label).split() if w.casefold() != "online")
    return key, name or label


def normalise_outlets(docs: pa.Table, index: OutletIndex) -> pa.Table:
    """Documents (outlet, url) + OutletIndex -> the same documents with outlet_id and outlet_name appended."""
    found = [resolve_outlet(label, url, index)
             for label, url in zip(docs["outlet"].to_pylist(), docs["url"].to_pylist(), strict=True)]
    for position, name in enumerate(("outlet_id", "outlet_name")):
        docs = docs.append_column(name, pa.array([f[position] for f in found], pa.string()))
    return docs
