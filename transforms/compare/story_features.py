"""Articles -> compact per-article story features: an article's most salient stemmed words and its entities."""

import heapq
import re
import zlib
from collections import Counter, defaultdict
from functools import lru_cache
from operator import itemgetter

import pyarrow as pa

from transforms.lexicon import fold_word
from warehouse.contracts import STORY_FEATURES

MAX_TERMS = 80  # 80 x 6 bytes keeps a feature row well under 1 KB while covering a news story's content words
TITLE_BOOST = 2  # a title word counts as three body words: titles name the event in few words
STEM_LENGTH = 6  # prefix truncation folds 'apologizes', 'apologized', 'apology' into one term
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
