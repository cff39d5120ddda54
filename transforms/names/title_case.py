"""Text -> its lines (or bracketed asides) written in title case, every word of four letters or more capitalised:
headlines and labels, where capitalised words are no sign of a name."""

import re

from transforms.lexicon import NOT_NAMES


def title_case_lines(text: str) -> list[tuple[int, int, int]]:
    """Text -> (start, end, words of four letters or more) of each line, or bracketed aside ('(RELATED: Trudeau Calls
    Election)'), whose every such word is capitalised."""
    spans, offset = [], 0
    for line in text.split("\n"):
        n_long = _capitalised_words(line)
        if n_long is not None and n_long >= 2:
            spans.append((offset, offset + len(line), n_long))
        elif "(" in line:
            for aside in _ASIDE.finditer(line):
                n_long = _capitalised_words(aside.group())
                # a headline, not a list of names or a credit: its small words are capitalised too ('As Police Say
                # His'), not only an article ('Will Vragovic, The Tampa Bay Times/AP Photo')
                if n_long is not None and n_long >= 4 and sum(
                        w.istitle() and w.casefold() in NOT_NAMES - _ARTICLE_WORDS for w in aside.group().split()) >= 2:
                    spans.append((offset + aside.start(), offset + aside.end(), n_long))
        offset += len(line) + 1
    return spans
_YEAR = re.compile(r"(?:19|20)\d\d\b")
_ARTICLE_WORDS = frozenset({"the", "a", "an"})
_ASIDE = re.compile(r"\([^()]{20,}\)")
_OPENING_MARKS = "‘“\"'("


def _capitalised_words(line: str) -> int | None:
    """How many words of four letters or more a line has, all capitalised (after an opening quote: '‘MAGA’'; numbers
    but years are no words: 'Drops 20-Week Abortion Limit'), or None when one is not."""
    n_long = 0
    for word in line.split():
        if len(word) >= 4:
            first = word[0]
            if first.isupper() or (not first.isalnum() and word.lstrip(_OPENING_MARKS)[:1].isupper()):
                n_long += 1
            elif not first.isdigit() or _YEAR.match(word):
                return None  # prose: a lower-case word comes early, so most lines stop here; a caption has a year
    return n_long
