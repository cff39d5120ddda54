"""Capitalised runs -> names: cut to the name (a role before it: `titles`; see `tidying` for the rest), stretched to
its whole span (`spans`), read apart where a joiner links two names (`pairs`: 'Canada and Mexico', 'Ted Cruz on
Twitter', 'Thomas Perez as Labor secretary'), folded to key tokens and typed (`name_words`); here, which runs read as
names at all (no headline, heading, quoted title, role or doctrine)."""

import re
from dataclasses import dataclass
from functools import lru_cache

from transforms.lexicon import (
    DEMONYMS,
    MONTHS,
    NOT_NAMES,
    ORGANISATION_WORDS,
    fold_word,
    is_demonym,
)
from transforms.names import gazetteer
from transforms.names.capitalised import Candidate, two_letter_name, two_letter_person
from transforms.names.name_words import (
    JOINING_KEYS,
    OFFICES,
    TITLE_ABBREVIATIONS,
    key_tokens,
    name_type,
    people_of_a_place,
    role_word,
)
from transforms.names.pairs import split_pairs
from transforms.names.spans import (
    acronyms_apart,
    comma_lists,
    possessive_bodies,
    repeated_title,
    with_number,
    with_ordinal,
)
from transforms.names.tidying import FUNCTION_WORDS, tidy
from transforms.names.titles import tail_after_title, title_before

# Offices that end a role too, unless 'of' makes them a body ('Department of Justice') or a given name opens a
# person's name ('Mike Judge'): 'Supreme Court Justice', 'Appeals Court Judge', 'House Majority Leader'.
_BODY_OFFICES = frozenset("""justice judge leader mayor president representative congressman congresswoman lawmaker
counsel prosecutor sheriff officer chief general editor correspondent reporter columnist producer analyst
strategist""".split())
# A page's furniture around pictures and players, capitalised as labels: never a name.
_FURNITURE = frozenset({"caption", "captions", "photos", "slideshow", "advertisement", "thumbnail", "image",
                        "newsletter", "newsletters", "video"})
_HEADING_OPENERS = frozenset({"from", "the", "inside", "about", "in", "on"})  # not 'by': 'Photo by Getty Images'
_OPENING_QUOTES = frozenset({'"', "“", "‘"})
_CLOSING_QUOTE = re.compile(r"[.,!?]?[\"”’]")


@dataclass(frozen=True)
class Name:
    """A candidate read as a name: its span, folded key tokens, and the sex a title before it gives."""

    start: int
    end: int
    surface: str
    tokens: tuple[str, ...]
    title: str | None  # 'm', 'f', 'p' (a person, sex unknown) or None


def _no_name_is_so_long(surface: str) -> bool:
    """More than six capitalised words with no joining word between them: a list or a menu, not one name."""
    words = surface.split()
    return len(words) > 6 and all(w[:1].isupper() for w in words)


# A capitalised verb 'to be' or 'to have' inside a run makes it a clause in title case ('GM Is Alive' on a sign,
# 'Love Is Blind'), no name.
_COPULAS = frozenset({"Is", "Are", "Was", "Were", "Has", "Have", "Had"})


def _headline_case(surface: str) -> bool:
    """A run with a capitalised small word or copula after its first ('Cruz Shouted Down After Refusing', 'GM Is
    Alive'): a headline; a word that names organisations ends one of theirs ('Fox News'), and a month after a given
    name is a surname ('Theresa May')."""
    words = surface.split()
    return any(w[:1].isupper() and (w.casefold() in NOT_NAMES or w in _COPULAS) and w != "The" and
               w.casefold() not in ORGANISATION_WORDS
               and not (i == len(words) - 1 and len(words) <= 3 and w.casefold() in MONTHS and
                        fold_word(words[0]) in gazetteer.given_names())
               for i, w in enumerate(words) if i)


def read_names(text: str, candidates: list[Candidate]) -> tuple[list[Name], list[Candidate]]:
    """Candidates -> (those read as names, those left: ambiguous ones the entity table already judged)."""
    names, left = [], []
    candidates = possessive_bodies(text, comma_lists(text, candidates))
    for candidate in (part for c in candidates for pair in split_pairs(text, tidy(text, c))
                      for part in acronyms_apart(text, pair)):
        if (candidate.note or "").startswith("ambiguous"):
            left.append(candidate)
            continue
        candidate = _without_joining_end(candidate)
        cut, tokens, is_name = _reading(candidate.surface)
        if is_name and len(tokens) == 1 and tokens[0] in TITLE_ABBREVIATIONS and not candidate.surface.isupper() \
                and text.startswith(". ", candidate.end_char):
            is_name = False  # 'Sec. Varnholt': a title's abbreviation before a name ('SEC' in capitals is a body)
        if is_name and len(tokens) == 1 and len(tokens[0]) == 2 and \
                not two_letter_person(text, candidate.surface[cut:cut + 2], candidate.start_char + cut):
            is_name = False  # 'Fe and Cu': two letters alone, untitled and opening no full name
        if cut:
            candidate = Candidate(candidate.surface[cut:], candidate.start_char + cut, candidate.end_char,
                                  candidate.note)
        if is_name and (_quoted_title(text, candidate, tokens) or _heading(text, candidate, tokens) or
                        repeated_title(text, candidate)):
            left.append(candidate)  # '“Divide and Conquer.”', 'Story Continued Below': a slogan, title or heading
        elif is_name:
            candidate, tokens = with_ordinal(text, *with_number(text, candidate, tokens))
            names.append(Name(candidate.start_char, candidate.end_char, candidate.surface, tokens,
                              title_before(text, candidate.start_char)))
        elif is_name is not None:
            left.append(candidate)
    return names, left


def _without_joining_end(candidate: Candidate) -> Candidate:
    """'Attorney for' (of 'the Attorney for the Southern District', read apart at 'the') -> 'Attorney': a joining word
    ends no name."""
    surface = candidate.surface
    while " " in surface and surface.rsplit(" ", 1)[1] in FUNCTION_WORDS:
        surface = surface.rsplit(" ", 1)[0]
    if surface == candidate.surface:
        return candidate
    return Candidate(surface, candidate.start_char, candidate.start_char + len(surface), candidate.note)


def _heading(text: str, candidate: Candidate, tokens: tuple[str, ...]) -> bool:
    """A run of several words that fills its line by itself, or after a heading's small words only, and reads as no
    person, organisation or place: a heading or a page's label ('Mixed Messages', 'Story Continued Below', 'From the
    Health Desk')."""
    start, end = candidate.start_char, candidate.end_char
    if " " not in candidate.surface or text[end:end + 1] not in ("", "\n"):
        return False
    line = text[text.rfind("\n", max(0, start - 30), start) + 1:start]  # the words before it on its line
    return len(line) < 30 and all(w.casefold() in _HEADING_OPENERS for w in line.split()) and \
        name_type(tokens) == "unknown"


def _quoted_title(text: str, candidate: Candidate, tokens: tuple[str, ...]) -> bool:
    """A run of several words that fills a quotation by itself and reads as no person, organisation or place."""
    start, end = candidate.start_char, candidate.end_char
    return " " in candidate.surface and text[start - 1:start] in _OPENING_QUOTES and \
        _CLOSING_QUOTE.match(text, end) is not None and name_type(tokens) == "unknown"


def _ends_in_office(tokens: tuple[str, ...]) -> bool:
    """('court', 'justice') -> True: a body's office, a role; ('department', 'of', 'justice'), ('mike', 'judge') and a
    lone 'Justice' are not."""
    return len(tokens) >= 2 and tokens[-1] in _BODY_OFFICES and tokens[-2] not in JOINING_KEYS and \
        name_type(tokens) != "person"


def _names_a_doctrine(tokens: tuple[str, ...]) -> bool:
    """('anti', 'semitism'), ('marxism',) -> True: a belief or movement ending in '-ism' names no one, unless a body's
    word makes it a body's name ('Institute for the Study of Antisemitism')."""
    return bool(tokens) and tokens[-1].endswith(("ism", "isms")) and len(tokens[-1]) > 5 and \
        ORGANISATION_WORDS.isdisjoint(tokens)


# 'UK MPs', 'Fortune 500 CEOs': a group of people, no name; a longer acronym names a body too ('Navy SEALs')
_PLURAL_ACRONYM = re.compile(r" [A-Z]{2,3}s$")


@lru_cache(maxsize=1 << 17)  # what a run of words reads as depends on its words alone, and names repeat
def _reading(surface: str) -> tuple[int, tuple[str, ...], bool | None]:
    """A candidate's words -> (where its name starts after a role, the name's key tokens, whether it reads as a
    name: False for a headline, role or adjective, None for nothing at all)."""
    cut = tail_after_title(Candidate(surface, 0, len(surface), None)).start_char
    surface = surface[cut:]
    tokens = key_tokens(surface)
    if not surface.strip():
        return cut, tokens, None
    if " " in surface and (surface.isupper() or _headline_case(surface) or _no_name_is_so_long(surface)):
        return cut, tokens, False  # 'SHOOT FIRST AND TALK LATER', 'Israel Continues Strikes On Gaza': no names
    if (len(tokens) == 1 and (tokens[0] in ORGANISATION_WORDS or role_word(surface.replace(".", "")))) or \
            (tokens and (tokens[-1] in OFFICES or tokens[-1][-1:] == "s" and tokens[-1][:-1] in OFFICES)) \
            or not _FURNITURE.isdisjoint(tokens) or _ends_in_office(tokens) or _PLURAL_ACRONYM.search(surface) \
            or _names_a_doctrine(tokens) or people_of_a_place(tokens):
        return cut, tokens, False  # 'Department' alone, 'Homeland Security Secretary', 'Hide Caption', 'New Mexicans'
    last = surface.split()[-1]
    short = len(tokens) == 1 and two_letter_name(surface[:2]) and not surface[2:3].isalpha()  # 'Wu', 'Wu’s
    if not tokens or (max(map(len, tokens)) < 3 and not short) or not surface[:1].isupper() or \
            (is_demonym(last) and (len(tokens) == 1 or last.casefold() in DEMONYMS or
                                   tokens[0] not in gazetteer.given_names())):  # 'North African'; 'Jordan Fabian'
        return cut, tokens, False
    return cut, tokens, True
