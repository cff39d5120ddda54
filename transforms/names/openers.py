"""Where a capitalised word stands tells whether it names: a lone word opening a sentence names when it owns
something or keeps the writer company ('Mexico’s', 'Ann and I'); the words of an account's handle never name."""

import re

from transforms.lexicon import english_word
from transforms.names import gazetteer

_POSSESSIVE = re.compile(r"['’]s\b")
_WITH_I = re.compile(r" and I\b")


def owner_opening(text: str, word: str, end: int) -> bool:
    """'Mexico’s president said': a word opening a sentence with a possessive is a name when English does not know it
    or it names a country, state or big city ('China’s'); 'Today’s', 'Everyone's' are words."""
    return _POSSESSIVE.match(text, end) is not None and (
        not english_word(word) or gazetteer.places().is_major(word.casefold()))


def companion(text: str, word: str, end: int) -> bool:
    """'Ann and I left': a word opening a sentence before 'and I' names the writer's companion when it is a given name
    or English does not know it ('Mom and I' is a word)."""
    return _WITH_I.match(text, end) is not None and (
        word.casefold() in gazetteer.given_names() or not english_word(word))


def in_handle(text: str, start: int) -> bool:
    """'@SamJones', '@Sam_Smith': a word of an account's handle (letters, digits and '_' after an '@') is no name."""
    if not start or text[start - 1] in " \n\"“(":
        return False  # most names: after a space
    at = start
    while at > 0 and (text[at - 1].isalnum() or text[at - 1] == "_"):
        at -= 1
    return at > 0 and text[at - 1] == "@"
