"""Capitalised words the entity table does not match -> Candidate names: runs of capitalised words joined as one name
('James B. Comey', "O'Rourke", 'Kim Jong-un'), trimmed of sentence openers, counts, titles and nationalities before
them ('German Foreign Minister Heiko Maas' -> 'Heiko Maas'); a lone word kept only where it may be a name (not a
sentence's first word, a title, a word after a lower-case prefix or inside a headline); two-letter surnames ('Xi',
'Wu') only after a title or opening a full name; and whether a known name is part of a longer one."""

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress
from operator import itemgetter

from transforms.lexicon import (
    CONNECTORS,
    DEMONYMS,
    NOT_NAMES,
    ORGANISATION_WORDS,
    ROYAL_TITLES,
    SENTENCE_OPENERS,
    TITLES,
    english_word,
    is_demonym,
)
from transforms.names.name_words import TITLE_ABBREVIATIONS
from transforms.names.openers import companion, in_handle, owner_opening
from transforms.names.tokens import Tokens

_NOT_NAME_STARTS = NOT_NAMES | CONNECTORS | SENTENCE_OPENERS
# Words that open a sentence as often as a name: inside a sentence, capitalised before another capitalised word, they
# are the name's first word ('Northern Ireland', 'First Amendment', 'Central Intelligence Agency').
_NAME_OPENERS = frozenset({"central", "eastern", "northern", "southern", "western", "upper", "lower", "first",
                           "second", "third"})
# Counts open sentences before names ('Two Texas men'), and the given-name list holds some of them ('One').
_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten eleven twelve dozens hundreds".split())
_PARTICLES = CONNECTORS - {"of", "and", "for", "the", "on", "as"}
_OPENING_SPACE = " \t‘'\"“"  # what may stand between a sentence's break and its first word
_SENTENCE_BREAKS = frozenset(".!?:;\"“”()[]\n")  # a character before a word that opens a sentence
_ABBREVIATED_TITLE = re.compile(r"(?:^|\W)(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Adm|Maj|Prof|Rev|St|Sec)\.$")


@dataclass(frozen=True)
class Candidate:
    """A capitalised name that matched no entity, or matched several."""

    surface: str
    start_char: int
    end_char: int
    note: str | None


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _joined(text: str, tokens: Tokens, a: int, b: int) -> bool:
    """Words a..b written as one name: spaces or hyphens between them, or a middle initial's period ('James B.')."""
    return all(_joining(text[tokens.ends[i]:tokens.starts[i + 1]], tokens.texts[i]) for i in range(a, b))


def _joining(gap: str, word: str) -> bool:
    """A gap inside one name: a space or hyphen, a middle initial's period ('James B. Comey'), or the apostrophe of
    'O'Rourke', 'D'Souza', "Ke'Arre"."""
    if gap in (" ", "-"):
        return True
    if gap == ". " and word in ("St", "Ft", "Mt"):
        return True  # 'St. Louis County', 'Ft. Worth'
    if gap in ("'", "’") and 2 <= len(word) <= 3 and word[:1].isupper() and word[1:].islower():
        return True  # "Ke'Arre", 'Ma’Khia', 'Le’Veon': a given name's first syllable before an apostrophe
    return len(word) == 1 and word.isupper() and (gap == ". " or (gap in ("'", "’") and word in "OD"))


def _runs(text: str, tokens: Tokens, taken: set[int]) -> list[tuple[int, int]]:
    is_cap = list(map(str.isupper, map(itemgetter(0), tokens.texts)))
    runs, free_from, n = [], 0, len(is_cap)
    for i in compress(range(n), is_cap):  # a run opens only on a capitalised word
        if i < free_from or i in taken:
            continue
        j = i
        while True:
            k = j + 1
            while k < n and not is_cap[k] and tokens.texts[k].casefold() in CONNECTORS:
                k += 1
            # (the next word is most often one space on: that gap joins without a call per gap)
            if k < n and k not in taken and is_cap[k] and ((k == j + 1 and text[tokens.ends[j]:tokens.starts[k]] in
                                                            (" ", "-")) or _joined(text, tokens, j, k)) and \
                    not (k > j + 1 and tokens.texts[k] == "I"):  # 'Ann and I': the pronoun, no part of a name
                j = k
            elif j > i and k == j + 1 and k < n and _syllable(text, tokens, k):
                j = k  # 'Kim Jong-un', 'Moon Jae-in': a given name's second syllable
                break
            else:
                break
        runs.append((i, j))
        free_from = j + 1
    return runs


def _syllable(text: str, tokens: Tokens, k: int) -> bool:
    """A two-letter lower-case word glued by a hyphen to the short capitalised word before it ('Jong-un')."""
    word, before = tokens.texts[k], tokens.texts[k - 1]
    return len(word) == 2 and word.islower() and text[tokens.starts[k] - 1] == "-" and \
        tokens.ends[k - 1] == tokens.starts[k] - 1 and before[:1].isupper() and len(before) <= 4


def _particle(tokens: Tokens, first: int, last: int) -> bool:
    """A capitalised particle opening a longer name: 'Van Dyke', 'De Blasio', 'Al Qaeda', 'El Paso'."""
    word = tokens.texts[first]
    return first < last and word[:1].isupper() and word.casefold() in _PARTICLES


def _trim(text: str, tokens: Tokens, first: int, last: int) -> tuple[int, int]:
    def title(word: str) -> bool:
        lower = word.casefold()  # a plural title too: 'Governors DeWine and DeSantis', 'Sens. Warren and Sanders'
        return lower in TITLES or (lower[-1:] == "s" and lower[:-1] in TITLES)

    def role(word: str) -> bool:
        return title(word) or (is_demonym(word) and word.casefold() not in ORGANISATION_WORDS)
    shouted = False
    while first <= last and tokens.texts[first].casefold() in _NOT_NAME_STARTS and not _particle(tokens, first, last) \
            and not (first < last and tokens.texts[first].casefold() in _NAME_OPENERS
                     and not _sentence_initial(text, tokens.starts[first])):
        shouted = shouted or (len(tokens.texts[first]) > 1 and tokens.texts[first].isupper())
        first += 1
    while shouted and first < last and tokens.texts[first].isupper() and len(tokens.texts[first]) > 1:
        first += 1  # 'MUST WATCH Morsy aide', 'JUST WATCHED Possible': a shouted label before the name
    if first < last and tokens.keys[first] in _NUMBER_WORDS and tokens.keys[last] not in ORGANISATION_WORDS and \
            _sentence_initial(text, tokens.starts[first]) and text[tokens.ends[first]:tokens.starts[first + 1]] == " ":
        first += 1  # 'One Hong Kong officer': a count opening a sentence ('One America News Network', 'TWO-LANE' stay)
    # 'German Foreign Minister Heiko Maas' -> 'Heiko Maas'; 'Libyan Army' stays whole.
    end_of_roles = first
    while end_of_roles <= last and role(tokens.texts[end_of_roles]):
        end_of_roles += 1
    # 'General Assembly', 'General Motors', 'Justice Department and FBI' stay whole
    body = tokens.keys[min(end_of_roles, last)] in ORGANISATION_WORDS and not title(tokens.texts[last])
    if (end_of_roles > last or title(tokens.texts[end_of_roles - 1])) and \
            tokens.keys[last] not in ORGANISATION_WORDS and not body:
        royal = first < end_of_roles <= last and tokens.keys[end_of_roles - 1] in ROYAL_TITLES and (
            end_of_roles == last or tokens.texts[end_of_roles + 1].casefold() in CONNECTORS)
        first = end_of_roles - 1 if royal else end_of_roles  # 'Saudi King Salman' -> 'King Salman'
    while first <= last and tokens.texts[first].casefold() in CONNECTORS and not _particle(tokens, first, last):
        first += 1
    while last >= first and (tokens.texts[last].casefold() in CONNECTORS or not _capitalised(tokens.texts[last])) \
            and not (last > first and _syllable(text, tokens, last)):
        last -= 1
    if all(role(word) for word in tokens.texts[first:last + 1] if _capitalised(word)):
        return first, first - 1  # only roles and nationalities: 'Turkish and Russian'
    return first, last


def _sentence_initial(text: str, start: int) -> bool:
    if text[start - 1:start] == " " and (last := text[start - 2:start - 1]) and last not in _SENTENCE_BREAKS and \
            last not in _OPENING_SPACE:
        return False  # most words: a space after a word's last letter or a comma, inside a sentence
    before = text[max(0, start - 64):start].rstrip(_OPENING_SPACE)  # a short look back: texts can be huge
    if before.endswith(".") and _ABBREVIATED_TITLE.search(before):
        return False  # 'Mr. Obama', 'Sen. Warren': the period abbreviates a title
    return (not before and start < 64) or (bool(before) and before[-1] in _SENTENCE_BREAKS)


@lru_cache(maxsize=1 << 16)
def _lone_name(word: str) -> bool:
    """A capitalised word standing alone that may be a name: not a title, nationality or sentence opener."""
    lower = word.casefold()
    return (len(word) >= 3 or two_letter_name(word)) and lower not in _NOT_NAME_STARTS and lower not in TITLES \
        and not is_demonym(word)


def two_letter_name(word: str) -> bool:
    """'Xi', 'Li', 'Wu' -> True: a capital and a small letter English does not know may be a surname (Chinese and
    Korean names have such); 'Mr', 'Jr', 'In' are titles, a generation or words."""
    return len(word) == 2 and word[0].isupper() and word[1].islower() and not english_word(word) and \
        word.casefold() not in _NOT_NAME_STARTS and word.casefold() not in TITLE_ABBREVIATIONS and \
        word.casefold() not in ("jr", "sr")
# A capitalised word, maybe abbreviated, just before a name: a title when TITLES lists it ('Mr.', 'President').
WORD_BEFORE = re.compile(r"([A-Z][a-z]+)\.? $")


def two_letter_person(text: str, word: str, start: int) -> bool:
    """'Mr. Wu', 'President Wu', or 'Wu' in an article that writes 'Wu Tao' -> True: two letters alone ('Hz', 'Ok',
    'Fe', 'Uh') are a name only after a title or as the first word of a full name the article writes."""
    before = WORD_BEFORE.search(text, max(0, start - 16), start)
    return (before is not None and before.group(1).casefold() in TITLES) or \
        re.search(rf"\b{word} [A-Z][a-z]", text) is not None


def _after_prefix(text: str, start: int) -> bool:
    """'anti-Semitism', 'non-Hispanic': a word glued to a lower-case prefix is a word, not a name of its own."""
    return start >= 2 and text[start - 1] == "-" and text[start - 2].islower()


def run_candidates(text: str, tokens: Tokens, taken: set[int], lines: list[tuple[int, int, int]]) -> list[Candidate]:
    """Text + its tokens + the tokens known names took + its title-case lines -> the capitalised names left."""
    headlines = [(a, b) for a, b, n_long in lines if n_long >= 4]
    found = []
    for first, last in _runs(text, tokens, taken):
        if first == last:  # most runs are one word: what _trim and the lone-word rule say depends on it alone
            start, word = tokens.starts[first], tokens.texts[first]
            if _lone_name(word) and not _after_prefix(text, start) and \
                    not (len(word) == 2 and (text[tokens.ends[first]:tokens.ends[first] + 1] == "." or
                                             not two_letter_person(text, word, start))) and \
                    (not _sentence_initial(text, start) or owner_opening(text, word, tokens.ends[first]) or
                     companion(text, word, tokens.ends[first])) and \
                    not in_handle(text, start) and \
                    not (headlines and any(a <= start < b for a, b in headlines)):
                found.append(Candidate(word, start, tokens.ends[first], None))
            continue
        first, last = _trim(text, tokens, first, last)
        if first > last or any(a <= tokens.starts[first] < b for a, b in headlines) or \
                in_handle(text, tokens.starts[first]):
            continue
        n_caps = sum(_capitalised(word) for word in tokens.texts[first:last + 1])
        word = tokens.texts[first]
        lone_ok = ((len(word) >= 3 or (two_letter_name(word) and two_letter_person(text, word, tokens.starts[first])))
                   and not _sentence_initial(text, tokens.starts[first])
                   and word.casefold() not in NOT_NAMES and not is_demonym(word))
        if n_caps >= 2 or (n_caps == 1 and lone_ok):
            start, end = tokens.starts[first], tokens.ends[last]
            found.append(Candidate(text[start:end], start, end, None))
    return found


def part_of_longer_name(text: str, tokens: Tokens, first: int, last: int, headlines: list) -> bool:
    """A match followed by a capitalised word in prose ('Washington Post', 'Trump Tower', 'Jordan Libowitz'), or
    preceded by one that is not a title, nationality or sentence opener ('South Sudan'): another, longer name."""
    start, after = tokens.starts[first], last + 1
    if any(a <= start < b for a, b in headlines):
        # in a title-case line only a word that names organisations makes a longer name ('Washington Post')
        return after < len(tokens.texts) and _joined(text, tokens, last, after) and text[tokens.ends[last]] == " " \
            and tokens.keys[after] in ORGANISATION_WORDS
    after = last + 1
    if after < len(tokens.texts) and not tokens.keys[after]:
        return False  # a possessive ends the name
    if after < len(tokens.texts) and _joined(text, tokens, last, after) and text[tokens.ends[last]] == " ":
        word = tokens.texts[after]
        if word[:1].isupper() and word.isalpha() and not word.isupper() and word.casefold() not in NOT_NAMES \
                and word.casefold() not in TITLES and word.casefold() not in DEMONYMS:
            return True  # ('Jordan Fabian': a surname may end like a nationality)
    before = first - 1
    if before >= 0 and text[tokens.ends[before]:start] == " ":
        word = tokens.texts[before]
        return (word[:1].isupper() and word.isalpha() and not word.isupper() and _lone_name(word)
                and not _sentence_initial(text, tokens.starts[before]))
    return False
