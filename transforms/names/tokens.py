"""Text -> its words as parallel lists (Tokens), each with its folded key: what names are matched and read on."""

import re
from itertools import accumulate, compress
from typing import NamedTuple

from transforms.lexicon import ARTICLES, HYPHEN_ARTICLES, fold_words

# A word, or initials with their periods ('U.S.'): both open on a letter or digit, written first as a class so the
# regex engine skips the gaps between words by that class instead of trying each alternative at every character.
_TOKEN_SPLIT = re.compile(r"([^\W_](?:(?<=[A-Z])\.(?:[A-Z]\.)++|[^\W_]*+))")
_APOSTROPHES = "'’`ʼ"
_FOLDED_AWAY = ARTICLES | HYPHEN_ARTICLES | {"s"}


class Tokens(NamedTuple):
    """The words of a text, as parallel lists: where each is, as written, and its folded key ('' when it is a
    dropped particle). Lists, not an object per word: texts run to thousands of words."""

    starts: list[int]
    ends: list[int]
    texts: list[str]
    keys: list[str]


def tokenize(text: str) -> Tokens:
    """Text -> tokens with folded keys; Arabic articles and possessive 's' fold to ''."""
    # One split and C-level maps instead of a Python step per token: texts run to thousands of words.
    parts = _TOKEN_SPLIT.split(text)  # [gap, word, gap, word, ..., gap]
    words = parts[1::2]
    edges = list(accumulate(map(len, parts)))
    starts, ends = edges[0:-1:2], edges[1::2]
    keys = fold_words(words)
    if not _FOLDED_AWAY.isdisjoint(keys):
        for i in list(compress(range(len(keys)), map(_FOLDED_AWAY.__contains__, keys))):
            key, start = keys[i], starts[i]
            if key in ARTICLES or (key in HYPHEN_ARTICLES and text[ends[i]:ends[i] + 1] == "-"):
                keys[i] = ""
            elif key == "s" and start > 0 and text[start - 1] in _APOSTROPHES:
                keys[i] = ""
    return Tokens(starts, ends, words, keys)


def name_key(name: str) -> str:
    """'Fayez al-Sarraj' -> 'fayez sarraj': the folded key aliases and texts are compared on."""
    return " ".join(filter(None, tokenize(name).keys))
