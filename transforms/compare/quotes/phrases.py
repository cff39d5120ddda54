"""Parts of a speaker phrase read from its words alone: the name before its affiliation ('Patricia Moran of
Cheyenne' -> 'Patricia Moran'), the title words that end it, and the name without the titles before it."""

import re

from transforms.compare.quotes.people import given_name_gender
from transforms.compare.quotes.speech import is_capitalised
from transforms.lexicon import NOT_NAMES, TITLES, is_demonym

_AFFILIATION_CUT = re.compile(r",|\s+(?:of|from|at|in)\s+")


def head_name(phrase: str) -> str:
    """'Patricia Moran of Cheyenne' -> 'Patricia Moran', 'Sen. Tom Carper of Delaware' -> 'Sen. Tom Carper': the
    phrase up to a name's affiliation; 'Secretary of State John Kerry' stays whole (no name before 'of')."""
    for cut in _AFFILIATION_CUT.finditer(phrase):
        run = []
        for word in reversed(phrase[:cut.start()].split()):
            if not is_capitalised(word):
                break
            run.insert(0, word)
        titled = [n for n, word in enumerate(run) if word.endswith(".") and word.casefold().rstrip(".") in TITLES]
        name = run[titled[-1] + 1:] if titled else run
        if name and (titled or (len(name) >= 2 and given_name_gender(name[0]) is not None)):
            return phrase[:cut.start()]
    return phrase


def title_words(words: list[str]) -> list[str]:
    """['Turkish', 'presidential', 'spokesman'] -> ['presidential', 'spokesman']: the title words ending a phrase."""
    titles = []
    for word in reversed(words):
        if word.casefold() not in TITLES:
            break
        titles.append(word.casefold())
    return titles[::-1]


def strip_titles(phrase: str) -> str:
    """'Pentagon press secretary Peter Cook' -> 'Peter Cook': the last capitalised run, without titles before it."""
    tokens = phrase.split()
    run = len(tokens) - 1
    while run > 0 and is_capitalised(tokens[run - 1]) and not tokens[run - 1].endswith(("'s", "’s")):
        run -= 1
    for i in range(run, len(tokens) - 1):
        word = tokens[i].casefold().rstrip(".")
        if not (word in TITLES or word in NOT_NAMES or is_demonym(word) or word.endswith(("'s", "’s"))):
            return " ".join(tokens[i:])
    return tokens[-1]
