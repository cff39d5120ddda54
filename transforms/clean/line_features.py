"""Lines of one page -> a matrix of numeric features per line: its own shape and that of its neighbours.

Every feature is one the cleaner reads anyway (length, stopword and punctuation shares, sentence shape, link-like
words, section names, position, a line rule or a site line on it) and is computed once per line; the context
columns are shifts and window means of the line columns, done on the whole matrix at once.
"""

import math
import re

import numpy as np

from transforms.clean.page_text import NAV_LABEL, SEPARATORS, ends_a_sentence, stopword_density

# Words of links and widgets: a line made of them points elsewhere or invites an action.
_LINK_WORDS = re.compile(
    r"\b(?:click|tap|sign(?:ing)? (?:up|in)|log ?in|subscribe|newsletters?|download|app|follow|share|print|e-?mail"
    r"|read|more|see|view|watch|listen|photos?|videos?|gallery|slideshow|comments?|related|previous|next|back|top"
    r"|home|search|menu|advert\w*|sponsored|copyright|rights reserved|terms|privacy|contact|rss|feeds?)\b"
    r"|[@©»›|]|https?://|www\.|\.com\b", re.I)
_WORD = re.compile(r"\w+")
_PROSE_WORDS = 25
_WINDOW = 3
_WIDE = 8

# Columns computed from the line alone, with the words a reason names them by.
LINE_COLUMNS = (
    ("log_chars", "length"),
    ("stopwords", "stopword share"),
    ("sentence", "sentence end"),
    ("punctuation", "punctuation share"),
    ("digits", "digit share"),
    ("capitalised", "capitalised words"),
    ("link_words", "link-like words"),
    ("section_name", "section name"),
    ("separators", "separators"),
    ("comma", "commas"),
    ("rule", "a line rule"),
    ("site_line", "repeated by the site"),
    ("prose", "prose (stopwords in a long line)"),
)
# Columns of where the line stands in the page.
PLACE_COLUMNS = (("position", "position in the page"), ("chars_before", "text before it"),
                 ("relative_length", "length against the page's longest line"))
# Line columns also read on the neighbours and the windows around the line.
CONTEXT_OF = ("log_chars", "stopwords", "sentence", "link_words", "prose")


def _line_row(line: str, rule: bool, site_line: bool) -> list[float]:
    chars = max(len(line), 1)
    words = line.split()
    tokens = _WORD.findall(line)
    return [
        math.log1p(len(line)),
        stopword_density(line),
        float(ends_a_sentence(line) and len(words) >= 4),
        sum(not c.isalnum() and not c.isspace() for c in line) / chars,
        sum(c.isdigit() for c in line) / chars,
        sum(w[:1].isupper() for w in tokens) / max(len(tokens), 1),
        min(len(_LINK_WORDS.findall(line)) / max(len(words), 1), 1.0),
        float(NAV_LABEL.match(line) is not None),
        float(len(SEPARATORS.findall(line)) > 0),
        min(line.count(",") / max(len(words), 1) * 5, 1.0),
        float(rule),
        float(site_line),
        stopword_density(line) * min(len(words), _PROSE_WORDS) / _PROSE_WORDS,
    ]


def _window_mean(column: np.ndarray, reach: int) -> np.ndarray:
    padded = np.concatenate([np.zeros(reach), column, np.zeros(reach)])
    counts = np.concatenate([np.zeros(reach), np.ones(len(column)), np.zeros(reach)])
    width = 2 * reach + 1
    sums = np.convolve(padded, np.ones(width), "valid")
    return sums / np.maximum(np.convolve(counts, np.ones(width), "valid"), 1)


def _shift(column: np.ndarray, step: int) -> np.ndarray:
    out = np.zeros_like(column)
    if step > 0:
        out[step:] = column[:-step]
    else:
        out[:step] = column[-step:]
    return out


def feature_names() -> list[str]:
    """-> the column names of line_features, in order."""
    names = [name for name, _ in LINE_COLUMNS + PLACE_COLUMNS]
    for name in CONTEXT_OF:
        names += [f"prev_{name}", f"next_{name}", f"near_{name}", f"wide_{name}"]
    return names


def feature_labels() -> dict[str, str]:
    """-> {column name: the words a removal reason names it by}."""
    labels = dict(LINE_COLUMNS + PLACE_COLUMNS)
    for name in CONTEXT_OF:
        for where, words in (("prev", "line before"), ("next", "line after"), ("near", "lines around"),
                             ("wide", "block around")):
            labels[f"{where}_{name}"] = f"{labels[name]} of the {words}"
    return labels


def line_features(lines: list[str], rules: list[bool], site_lines: list[bool]) -> np.ndarray:
    """Lines of one page + whether a line rule / a site line matched each -> (lines x features) matrix."""
    n = len(lines)
    own = np.array([_line_row(line, r, s) for line, r, s in zip(lines, rules, site_lines, strict=True)],
                   dtype=float).reshape(n, len(LINE_COLUMNS))
    lengths = np.array([len(line) for line in lines], dtype=float)
    position = np.arange(n) / max(n - 1, 1)
    chars_before = (np.cumsum(lengths) - lengths) / max(lengths.sum(), 1)
    relative = lengths / max(lengths.max(initial=0), 1)
    columns = [own, position[:, None], chars_before[:, None], relative[:, None]]
    index = {name: i for i, (name, _) in enumerate(LINE_COLUMNS)}
    for name in CONTEXT_OF:
        col = own[:, index[name]]
        columns.append(np.stack([_shift(col, 1), _shift(col, -1), _window_mean(col, _WINDOW),
                                 _window_mean(col, _WIDE)], axis=1))
    return np.concatenate(columns, axis=1)
