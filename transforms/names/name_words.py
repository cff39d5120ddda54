"""Words of a name -> its folded key tokens and its type (person, organisation, place or unknown) from package data
and word shapes, and the role words that stand before names ('Senator', 'Spokesman', 'CEOs')."""

import re
from collections.abc import Callable, Iterator
from functools import lru_cache

from transforms.lexicon import (
    COMPASS_WORDS,
    NOT_NAMES,
    ORGANISATION_WORDS,
    PLACE_OPENERS,
    PLACE_WORDS,
    PLACE_WORDS_AFTER_NO_GIVEN_NAME,
    THING_WORDS,
    TITLES,
    fold_word,
)
from transforms.names import gazetteer

WORD = re.compile(r"[^\W_]+(?:[’'][^\W_]+)?")


# Offices that end a run of capitalised words that is a role, not a name ('Homeland Security Secretary').
# Written with a period, these are titles of the next name; a whole word before a period ends a sentence ('Department
# of Justice.', 'Stephen King.').
TITLE_ABBREVIATIONS = frozenset({"gov", "gen", "lt", "col", "sgt", "capt", "adm", "maj", "prof", "rev", "dr", "atty",
                                  "sen", "sens", "rep", "reps", "mr", "mrs", "ms", "pres", "supt", "insp", "cmdr",
                                  "sec"})


OFFICES = frozenset("""secretary minister spokesman spokeswoman spokesperson director chairman chairwoman
ambassador envoy adviser advisor commissioner governor senator democrat republican host anchor founder cofounder
co-founder administrator professor""".split())


PARTIES = frozenset({"democrat", "republican"})  # adjectives too: 'Republican National Convention'


JOINING_KEYS = frozenset({"of", "for", "and", "the", "on"})  # no person's name holds these: 'Five Questions for'


_POSSESSIVE = re.compile(r"['’]s?$")
# 'K.W.A.', 'T.L.R.': a house style writes initials with periods; the name is the acronym 'KWA' written plainly.
_DOTTED_ACRONYM = re.compile(r"((?:[A-Z]\.){3,6})(?:['’]s?)?")
_ABBREVIATED = {"dept": "department", "depts": "departments"}  # 'Fisheries Dept.' is the Fisheries Department
# 'Harold JT Brennick': two capitals between a given name and a surname are two initials written without periods.
_TWO_INITIALS = re.compile(r"(?![IVXLC]+$)[A-Z]{2}")  # not a numeral: 'Konrad IV Vessner'
# a body's, place's or thing's word, or an office, ends no person's name: 'Essex PD Chief', 'Marta FC Stadium'
_NO_SURNAME = ORGANISATION_WORDS | PLACE_WORDS | PLACE_WORDS_AFTER_NO_GIVEN_NAME | THING_WORDS


@lru_cache(maxsize=1 << 17)  # names repeat across a corpus' articles
def key_tokens(surface: str) -> tuple[str, ...]:
    """'Donald J. Trump's' -> ('donald', 'trump'): folded words, possessive and middle initials dropped, and a first
    initial before a given name ('R. Ted Halvorsen': known by the middle name); a dotted acronym
    alone is one word ('K.W.A.' -> ('kwa',), as 'KWA'); two capitals after a given name are two initials ('Harold
    JT Brennick' -> ('harold', 'j', 't', 'brennick'), as 'Harold J. T. Brennick')."""
    dotted = _DOTTED_ACRONYM.fullmatch(surface)
    if dotted:
        return (dotted.group(1).replace(".", "").casefold(),)
    raw = WORD.findall(surface)
    if len(raw) == 3 and _TWO_INITIALS.fullmatch(raw[1]) and raw[0][1:].islower() and raw[2][1:2].islower() and \
            fold_word(raw[0]) in gazetteer.given_names() and not _NO_SURNAME.intersection((fold_word(raw[-1]),)) \
            and not role_word(raw[-1]):
        raw = [raw[0], raw[1][0], raw[1][1], raw[2]]  # (not 'UK PM Edwin Marlow', 'Tory MP for Eastwick')
    if "'" in surface or "’" in surface:  # (a possessive only where an apostrophe is)
        raw = [_POSSESSIVE.sub("", w) for w in raw]
    words = [_ABBREVIATED.get(w, w) for w in filter(None, map(fold_word, raw))]
    if len(words) > 2 and len(words[0]) == 1 and len(words[1]) > 1 and words[1] in gazetteer.given_names():
        words = words[1:]  # (not 'J.P. Morgan', 'F.W. de Klerk')
    if len(words) > 2 and sum(len(w) == 1 for w in words[1:-1]) < 2:  # two initials tell a person: 'George H. W.'
        words = [words[0]] + [w for w in words[1:-1] if len(w) > 1] + [words[-1]]
    return tuple(words)


@lru_cache(maxsize=1 << 17)
def name_type(tokens: tuple[str, ...]) -> str:
    """Folded name tokens -> 'person', 'organisation', 'place' or 'unknown', from package data and word shapes."""
    key = " ".join(tokens)
    if set(tokens) & ORGANISATION_WORDS or _plural_body(tokens):
        return "organisation"
    places = gazetteer.places()
    given = gazetteer.given_names()
    if places.is_place(key) or (len(tokens) >= 2 and JOINING_KEYS.isdisjoint(tokens) and (
            tokens[-1] in PLACE_WORDS or tokens[0] in PLACE_OPENERS or
            (tokens[-1] in PLACE_WORDS_AFTER_NO_GIVEN_NAME and tokens[0] not in given) or
            (tokens[0] in COMPASS_WORDS and (places.is_place(" ".join(tokens[1:])) or tokens[1:] == ("america",))))):
        return "place"
    if len(tokens) >= 2 and tokens[0] in given and tokens[0] not in NOT_NAMES and JOINING_KEYS.isdisjoint(tokens) \
            and tokens[-1] not in THING_WORDS:
        return "person"
    return "unknown"


def _singular(word: str) -> str:
    return word[:-3] + "y" if word.endswith("ies") else word[:-1] if word.endswith("s") else word


def _plural_body(tokens: tuple[str, ...]) -> bool:
    """('centers', 'for', 'disease', 'control') -> True: a body's word in the plural names a body too; not as the
    surname after a given name ('Jim Banks') or alone ('Banks')."""
    if len(tokens) < 2:
        return False
    plural = [i for i, t in enumerate(tokens) if len(t) > 3 and t[-1] == "s" and _singular(t) in ORGANISATION_WORDS]
    return bool(plural) and not (plural == [len(tokens) - 1] and tokens[0] in gazetteer.given_names())


def whole_words(text: str, word: str, in_word: Callable[[str], bool]) -> Iterator[int]:
    """Where the text writes a word with no character `in_word` takes on either side, left to right and not
    overlapping: str.find and two character checks, as a pattern compiled per word costs more than the search."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not in_word(text[at - 1])) and (end == len(text) or not in_word(text[end])):
            yield at
            at = text.find(word, end)
        else:
            at = text.find(word, at + 1)


def role_word(word: str) -> bool:
    """'Senators', 'CEOs': a role, or its plural, standing before a name."""
    lower = word.casefold().rstrip(".")
    plural = lower.endswith("s") and (lower[:-1] in TITLES or lower[:-1] in OFFICES or
                                      (len(word) >= 4 and word[:-1].isupper()))
    return lower in TITLES or lower in OFFICES or plural


# How English names the people of a place from its last word: 'New Jerseyans', 'Staten Islanders', 'North Dakotans',
# 'West Virginians', 'New Jerseyans' (ending -> what the place's name ends in instead).
_PEOPLE_ENDINGS = (("ers", ""), ("ers", "e"), ("ians", "ia"), ("ans", "a"), ("ans", ""))


def people_of_a_place(tokens: tuple[str, ...]) -> bool:
    """('new', 'yorkers') -> True: the people of a place of two words or more, a group and no name; one word is left
    alone, as surnames end so ('Watters', 'Bowers'), and so is a place's own name ('New Orleans')."""
    if len(tokens) < 2 or not tokens[-1].endswith("s"):
        return False
    places = gazetteer.places()
    if places.is_place(" ".join(tokens)):
        return False
    head, last = " ".join(tokens[:-1]), tokens[-1]
    return any(last.endswith(ending) and places.is_place(f"{head} {last[:-len(ending)]}{place_end}")
               for ending, place_end in _PEOPLE_ENDINGS)
