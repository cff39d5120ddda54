"""Articles -> compact per-article story features (per batch); all features -> stories told across outlets."""

import bisect
import heapq
import math
import re
import zlib
from collections import Counter, defaultdict
from functools import lru_cache
from operator import itemgetter

import pyarrow as pa
import pyarrow.compute as pc

from transforms.names import fold_word
from warehouse.contracts import STORIES, STORY_FEATURES

MAX_TERMS = 80  # 80 x 6 bytes keeps a feature row well under 1 KB while covering a news story's content words
TITLE_BOOST = 2  # a title word counts as three body words: titles name the event in few words
STEM_LENGTH = 6  # prefix truncation folds 'apologizes', 'apologized', 'apology' into one term
# Scores are tf-idf cosines. The thresholds are set against abp-dev candidate pairs dated 31-60 days apart (so
# never one story): 6.5% of them reach THRESHOLD, 0.3% UNDATED_THRESHOLD (which stands in for the date window
# when a date is missing), and FLOOR is below their median (0.13).
THRESHOLD = 0.25
UNDATED_THRESHOLD = 0.4
FLOOR = 0.1  # pairs below this are not kept: they count as 0 when judging a merge
# Two clusters merge only if the mean score over all pairs across them reaches COHESION: a third article joins a
# pair when it scores 0.3 with one and nothing with the other, but not on a bare THRESHOLD link (no chaining).
COHESION = 0.15
# Articles dated further apart than this are never linked directly, nor share a story at twice that distance.
WINDOW_DAYS = 3
KEY_TERMS = 10  # an article looks for partners through its highest tf-idf terms
MIN_SHARED_KEYS = 2  # a partner must carry two of those terms to be scored at all
MAX_POSTINGS = 200  # a term that many articles in the window share is too common locally to find partners
ENTITY_PREFIX = "entity:"
ENTITY_COUNT = 1 + TITLE_BOOST  # a known entity the articles share weighs like a shared title word

_WORD = re.compile(r"[^\W_]+(?:['’][^\W\d_]+)?")
# Function words and the vocabulary of news writing itself: frequent everywhere, they would crowd out story terms.
_STOP = frozenset("""a about above after again against all also am an and any are aren as at be because been
before being below between both but by can cannot could did do does doing don down during each few for from
further had has have having he her here hers herself him himself his how i if in into is it its itself just
let me more most my myself no nor not now of off on once only or other our ours ourselves out over own same
she should so some such than that the their theirs them themselves then there these they this those through to
too under until up very was we were what when where which while who whom why will with would you your yours
yourself said says say saying told tell according one two three four five six seven eight nine ten new also
year years day days week weeks month months time times people monday tuesday wednesday thursday friday saturday
sunday last first may might must however many much well even still back since another way make made get got
like including around among news report reported reports via per today yesterday mr mrs ms dr""".split())


@lru_cache(maxsize=1 << 18)  # news vocabulary repeats: most words are keyed once per run
def _term(word: str) -> str:
    """'Apologized' -> 'apolog'; '' for a word that cannot tell one story from another."""
    if len(word) < 3 or word.casefold() in _STOP or word.isdigit() and len(word) < 4:
        return ""
    key = fold_word(word.replace("’", "'").split("'")[0])
    if len(key) > 3 and key.endswith("s") and not key.endswith(("ss", "us", "is")):
        key = key[:-1]
    return key[:STEM_LENGTH]


def salient_terms(title: str | None, body: str) -> Counter:
    """Title + body -> counts of stemmed content words: ('Mosque row', 'The mosque...') -> {'mosque': 4, ...}."""
    counts = Counter(map(_term, _WORD.findall(body)))
    for term in map(_term, _WORD.findall(title or "")):
        counts[term] += 1 + TITLE_BOOST
    counts.pop("", None)
    return counts


def term_hash(term: str) -> int:
    """'mosque' -> a stable 32-bit id (crc32; unlike hash() it is the same in every process)."""
    return zlib.crc32(term.encode("utf-8"))


def _top_terms(counts: Counter) -> tuple[list[int], list[int]]:
    top = heapq.nlargest(MAX_TERMS, counts.items(), key=itemgetter(1))  # ties: the earlier word in the text
    return [term_hash(t) for t, _ in top], [min(c, 65535) for _, c in top]


def story_features(articles: pa.Table, mentions: pa.Table) -> pa.Table:
    """ARTICLES batch + its MENTIONS -> STORY_FEATURES, one row per article."""
    entities = defaultdict(set)
    for doc_id, entity_id in zip(mentions["doc_id"].to_pylist(), mentions["entity_id"].to_pylist(), strict=True):
        entities[doc_id].add(entity_id)
    doc_ids = articles["doc_id"].to_pylist()
    titles = articles["title"].to_pylist() if "title" in articles.column_names else [None] * len(doc_ids)
    terms, counts = [], []
    for title, body in zip(titles, articles["body"].to_pylist(), strict=True):
        hashed, tallies = _top_terms(salient_terms(title, body))
        terms.append(hashed)
        counts.append(tallies)
    return pa.table({
        "doc_id": doc_ids,
        "outlet_id": articles["outlet_id"],
        "published_at": articles["published_at"].cast(STORY_FEATURES.field("published_at").type, safe=False),
        "terms": terms,
        "counts": counts,
        "entity_ids": [sorted(entities.get(d, ())) for d in doc_ids],
    }, schema=STORY_FEATURES)


def _days(features: pa.Table) -> list[int | None]:
    millis = pc.cast(features["published_at"], pa.int64())
    return [None if ms is None else ms // 86_400_000 for ms in millis.to_pylist()]


def _vectors(features: pa.Table) -> list[dict[int, float]]:
    """Features -> one unit-length tf-idf vector per article; idf is counted over the features given."""
    bags = []
    for terms, counts, entity_ids in zip(features["terms"].to_pylist(), features["counts"].to_pylist(),
                                         features["entity_ids"].to_pylist(), strict=True):
        bag = dict(zip(terms, counts, strict=True))
        for entity_id in entity_ids:  # a known entity matches across spellings the words alone would miss
            key = term_hash(ENTITY_PREFIX + entity_id)
            bag[key] = bag.get(key, 0) + ENTITY_COUNT
        bags.append(bag)
    df = Counter(t for bag in bags for t in bag)
    n = len(bags)
    vectors = []
    for bag in bags:
        weights = {t: (1 + math.log(c)) * (math.log((n + 1) / (df[t] + 1)) + 1) for t, c in bag.items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        vectors.append({t: w / norm for t, w in weights.items() if df[t] > 1})  # a term no one shares cannot link
    return vectors


def _cosine(a: dict[int, float], b: dict[int, float]) -> float:
    return sum(a[t] * b[t] for t in a.keys() & b.keys())


class _Postings:
    """Term -> the articles holding it, dated ones sorted by day so a window is two bisections."""

    def __init__(self, vectors: list[dict[int, float]], days: list[int | None]):
        dated, self.undated = defaultdict(list), defaultdict(list)
        for i in sorted(range(len(vectors)), key=lambda i: (days[i] is None, days[i] or 0, i)):
            for t in vectors[i]:
                (self.undated if days[i] is None else dated)[t].append(i)
        self.dated = {t: (docs, [days[i] for i in docs]) for t, docs in dated.items()}

    def near(self, term: int, day: int | None, window: int | None) -> list[int]:
        """Articles holding term within window days of day (all of them when either date is unknown)."""
        docs, doc_days = self.dated.get(term, ([], []))
        if day is not None and window is not None:
            docs = docs[bisect.bisect_left(doc_days, day - window):bisect.bisect_right(doc_days, day + window)]
        undated = self.undated.get(term, [])
        return (docs if len(docs) <= MAX_POSTINGS else []) + (undated if len(undated) <= MAX_POSTINGS else [])


def _scored_pairs(vectors, days, window: int | None) -> dict[int, dict[int, float]]:
    """Vectors + days -> neighbours scoring at least FLOOR, found through shared key terms, never all pairs."""
    postings = _Postings(vectors, days)
    neighbours: dict[int, dict[int, float]] = defaultdict(dict)
    scored = set()
    for a, vector in enumerate(vectors):
        keys = sorted(vector, key=lambda t: (-vector[t], t))[:KEY_TERMS]
        shared = Counter(b for t in keys for b in postings.near(t, days[a], window))
        for b, n in shared.items():
            pair = (a, b) if a < b else (b, a)
            if n < MIN_SHARED_KEYS or a == b or pair in scored:
                continue
            scored.add(pair)
            score = _cosine(vector, vectors[b])
            if score >= FLOOR:
                neighbours[a][b] = neighbours[b][a] = score
    return neighbours


class _Clusters:
    """Union-find over articles that keeps each cluster's members and date range."""

    def __init__(self, days: list[int | None]):
        self.parent = list(range(len(days)))
        self.members = {i: [i] for i in range(len(days))}
        self.span = {i: (d, d) for i, d in enumerate(days) if d is not None}

    def find(self, i: int) -> int:
        """Article -> the root of its cluster."""
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def merged_span(self, a: int, b: int) -> int:
        """Two roots -> days between the earliest and latest dated article they would hold together."""
        spans = [self.span[r] for r in (a, b) if r in self.span]
        return max(s[1] for s in spans) - min(s[0] for s in spans) if spans else 0

    def merge(self, small: int, large: int) -> None:
        """Fold root small into root large."""
        self.parent[small] = large
        self.members[large] += self.members.pop(small)
        spans = [self.span.pop(r) for r in (small, large) if r in self.span]
        if spans:
            self.span[large] = (min(s[0] for s in spans), max(s[1] for s in spans))


def _link(neighbours: dict[int, dict[int, float]], days: list[int | None], threshold: float,
          max_span: int | None) -> list[int]:
    """Strongest links first; two clusters merge only if their mean pairwise score reaches COHESION (no chains)."""
    clusters = _Clusters(days)
    edges = sorted((-s, a, b) for a, nbrs in neighbours.items() for b, s in nbrs.items()
                   if a < b and s >= (threshold if days[a] is not None and days[b] is not None else UNDATED_THRESHOLD))
    for _, a, b in edges:
        ra, rb = clusters.find(a), clusters.find(b)
        if ra == rb or max_span is not None and clusters.merged_span(ra, rb) > max_span:
            continue
        small, large = sorted((ra, rb), key=lambda r: len(clusters.members[r]))
        cross = sum(s for x in clusters.members[small] for y, s in neighbours[x].items() if clusters.find(y) == large)
        if cross >= COHESION * len(clusters.members[small]) * len(clusters.members[large]):
            clusters.merge(small, large)
    return [clusters.find(i) for i in range(len(days))]


def cluster_stories(features: pa.Table, *, threshold: float = THRESHOLD,
                    window_days: int | None = WINDOW_DAYS) -> pa.Table:
    """STORY_FEATURES of a corpus -> STORIES: story_id = smallest doc_id of the story, similarity = best link."""
    features = features.take(pc.sort_indices(features["doc_id"]))  # ties between links break the same every run
    doc_ids, days = features["doc_id"].to_pylist(), _days(features)
    neighbours = _scored_pairs(_vectors(features), days, window_days)
    roots = _link(neighbours, days, threshold, None if window_days is None else 2 * window_days)
    story_of = {}
    for i, root in enumerate(roots):
        story_of[root] = min(story_of.get(root, doc_ids[i]), doc_ids[i])
    similarity = [max((s for j, s in neighbours.get(i, {}).items() if roots[j] == roots[i]), default=None)
                  for i in range(len(doc_ids))]
    return pa.table({"story_id": [story_of[r] for r in roots], "doc_id": doc_ids, "similarity": similarity},
                    schema=STORIES)
