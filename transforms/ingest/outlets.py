"""Outlet labels as written -> one outlet each, through the versioned outlet table and the article URL's domain."""

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import pyarrow as pa

from transforms.ingest.documents import domain_of
from transforms.lexicon import fold_word

# Section and edition marks that outlets append to their name: 'CNN (Web News)', 'Fox Online News',
# 'New York Times - News' are CNN, Fox News and the New York Times.
_QUALIFIER = re.compile(r"\s*\([^)]*\)|\s+-\s+(?:news|opinion|editorial|online)\s*$", re.I)
_EDITION_WORDS = frozenset({"online", "the"})
# Words of a column or byline label rather than a publication's name: 'Guest Writer - Right', 'Opinion',
# 'Editorial Board', 'Columnists'.
COLUMN_WORDS = frozenset("""guest writer writers column columns columnist columnists opinion opinions op-ed oped
editorial editorials commentary analysis blog blogs contributor contributors letters staff editor editors board
""".split())
# A word of a person's name as labels write it: 'Ann', "O'Reilly", 'Abdul-Jabbar', an initial or initials 'S.E.'.
_NAME_WORD = re.compile(r"(?:[A-Z]['’])?(?:Ma?c)?[A-Z][a-z]+(?:['’-][A-Z]?[a-z]+)*|[A-Z][a-z]?\.(?:[A-Z]\.)*")
# A host's own outlet, learned from the corpus: the label most of the host's articles carry (when the outlet
# table does not list the domain).
MIN_HOST_SHARE = 0.5


@dataclass(frozen=True)
class OutletIndex:
    """Outlet table keyed by folded name and by domain."""

    by_name: Mapping[str, tuple[str, str]]    # name key -> (outlet_id, canonical name)
    by_domain: Mapping[str, tuple[str, str]]  # 'foxnews.com' -> (outlet_id, canonical name)
    by_host: Mapping[str, str] = field(default_factory=dict)  # corpus: 'townhall.com' -> the label most used there


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


def is_column_label(label: str) -> bool:
    """'Guest Writer - Right', 'Opinion', 'Editorial Board' -> True: the name of a column, not of a publication."""
    return any(w.casefold().strip("-,:()") in COLUMN_WORDS for w in re.split(r"[\s/]+", label))


def is_byline_label(label: str) -> bool:
    """'Ann Coulter', 'Guest Writer - Right', 'John Gable, AllSides Founder' -> True: a person's name or a column,
    not a publication ('Washington Times' is person-shaped too: the corpus tells it apart, see host_owners)."""
    if is_column_label(label):
        return True
    name = _QUALIFIER.sub("", label).partition(",")[0].split()
    return 2 <= len(name) <= 4 and name[0].casefold() != "the" and all(_NAME_WORD.fullmatch(w) for w in name)


def host_owners(labels: Iterable[str | None], urls: Iterable[str | None]) -> dict[str, str]:
    """Outlet labels and URLs of a corpus -> {host: the label most of its articles carry} for hosts where one
    label carries at least half of them ('Townhall' on townhall.com, where 'Ann Coulter' is a few)."""
    by_host: dict[str, Counter] = defaultdict(Counter)
    for label, url in zip(labels, urls, strict=True):
        host = domain_of(url)
        if host and label and not is_column_label(label):
            by_host[host][label] += 1
    owners = {}
    for host, counts in by_host.items():
        label, count = counts.most_common(1)[0]
        if count >= MIN_HOST_SHARE * sum(counts.values()):
            owners[host] = label
    return owners


def _spells_host(label: str, url: str | None) -> bool:
    """The label is the site's own name: 'Mother Jones' on motherjones.com."""
    letters = "".join(fold_word(w) for w in label.split())
    return bool(letters) and letters in (domain_of(url) or "").replace(".", "").replace("-", "")


def _byline_owner(label: str, url: str | None, index: OutletIndex) -> tuple[str, str] | None:
    """The outlet of the site a byline or column label was published on, if the outlet table or the corpus knows
    it: a label that is some host's own outlet in the corpus is a publication, never a byline."""
    if not url or not is_byline_label(label) or _spells_host(label, url):
        return None
    if not is_column_label(label) and label in index.by_host.values():
        return None
    owner = _domain_owner(url, index)
    if owner:
        return owner
    host = domain_of(url)
    found = index.by_host.get(host) if host else None
    return resolve_outlet(found, url, index) if found and found != label else None


def resolve_outlet(label: str | None, url: str | None, index: OutletIndex) -> tuple[str, str]:
    """Outlet label + URL -> (outlet_id, canonical name): the table's name or alias; else, for a person's name or a
    column, the outlet of the URL's site; else the label without edition marks ('NPR Online News' -> 'npr-news',
    'NPR News'); the URL's domain in the table when the label is empty or is that domain."""
    key = outlet_key(label or "")
    if key in index.by_name:
        return index.by_name[key]
    owner = _byline_owner(label, url, index) if key else None
    if owner:
        return owner
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
    """Documents (outlet, url) + OutletIndex -> the same documents with outlet_id and outlet_name appended (the
    corpus's own hosts learned from these documents)."""
    labels, urls = docs["outlet"].to_pylist(), docs["url"].to_pylist()
    index = OutletIndex(index.by_name, index.by_domain, host_owners(labels, urls))
    found = [resolve_outlet(label, url, index) for label, url in zip(labels, urls, strict=True)]
    for position, name in enumerate(("outlet_id", "outlet_name")):
        docs = docs.append_column(name, pa.array([f[position] for f in found], pa.string()))
    return docs
