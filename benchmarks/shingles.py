"""Shingle scoring of the scrapinghub article-extraction-benchmark (its evaluate.py semantics, re-implemented).

Per page: tokens are `\\w+` runs (case kept); shingles are the 4-token windows, counted as a multiset; a text
with fewer than 4 tokens gives one shingle of all its tokens, an empty text none. TP/FP/FN are the multiset
overlap and the two differences, divided by their sum so every page weighs the same. Over pages: precision
is the mean over pages that predicted something (tp + fp > 0), recall the mean over pages whose gold or
prediction has text (tp + fn > 0); a page with fp = fn = 0 scores 1. F1 is the harmonic mean of the two means.
"""

import re
from collections import Counter

_TOKEN = re.compile(r"\w+")
SHINGLE = 4


def shingles(text: str, n: int = SHINGLE) -> Counter:
    """Text -> Counter of its n-token shingles (one short shingle when it has fewer than n tokens)."""
    tokens = _TOKEN.findall(text or "")
    if not tokens:
        return Counter()
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)))


def page_tp_fp_fn(gold: str, predicted: str) -> tuple[float, float, float]:
    """Gold text, predicted text -> (tp, fp, fn) over shingles, normalised to sum to 1 (zeros when both empty)."""
    want, got = shingles(gold), shingles(predicted)
    tp, fp, fn = sum((want & got).values()), sum((got - want).values()), sum((want - got).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def page_precision(tp: float, fp: float, fn: float) -> float:
    """Normalised counts -> precision of one page."""
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fp) if tp + fp else 0.0


def page_recall(tp: float, fp: float, fn: float) -> float:
    """Normalised counts -> recall of one page."""
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fn) if tp + fn else 0.0


def page_f1(gold: str, predicted: str) -> float:
    """Gold text, predicted text -> the page's own shingle F1 (for finding the worst pages)."""
    counts = page_tp_fp_fn(gold, predicted)
    p, r = page_precision(*counts), page_recall(*counts)
    return 2 * p * r / (p + r) if p + r else 0.0


def score(pairs: list[tuple[str, str]]) -> tuple[float, float, float]:
    """[(gold, predicted), ...] -> (precision, recall, F1) as the benchmark aggregates them."""
    counts = [page_tp_fp_fn(gold, predicted) for gold, predicted in pairs]
    precisions = [page_precision(*c) for c in counts if c[0] + c[1] > 0]
    recalls = [page_recall(*c) for c in counts if c[0] + c[2] > 0]
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1
