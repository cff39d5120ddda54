"""Capitalised runs -> names: cut to the name (no role, party tag, sentence opener or shouted word), read apart where
a joiner links two names ('Canada and Mexico', 'Ted Cruz on Twitter', 'Thomas Perez as Labor secretary'), folded to
key tokens and typed (person, organisation, place or unknown) from package data and word shapes."""

import re
from dataclasses import dataclass
from functools import lru_cache

from transforms.lexicon import (
    DEMONYMS,
    NOT_NAMES,
    ORGANISATION_WORDS,
    PLACE_OPENERS,
    PLACE_WORDS,
    PLACE_WORDS_AFTER_NO_GIVEN_NAME,
    ROYAL_TITLES,
    THING_WORDS,
    TITLES,
    fold_word,
    is_demonym,
)
from transforms.names import gazetteer
from transforms.names.matching import Candidate

WORD = re.compile(r"[^\W_]+(?:[’'][^\W_]+)?")
_TITLE_BEFORE = re.compile(r"([A-Z][a-z]{1,12})\.?\s+$")
_FEMALE_TITLES = frozenset({"mrs", "ms", "miss", "madam", "madame", "lady", "queen", "princess", "sister"})
_MALE_TITLES = frozenset({"mr", "sir", "lord", "king", "prince", "father", "brother"})
_PERSON_TITLES = frozenset({"dr", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "president", "senator",
                            "governor", "secretary", "minister", "judge", "justice", "mayor", "ambassador",
                            "speaker", "chairman", "chairwoman", "congressman", "congresswoman", "representative",
                            "pope", "ayatollah", "sheikh", "premier", "chancellor", "prosecutor", "director",
                            "leader", "sheriff", "commissioner", "coach", "officer"}) | _FEMALE_TITLES | _MALE_TITLES
# Offices that end a run of capitalised words that is a role, not a name ('Homeland Security Secretary').
# Written with a period, these are titles of the next name; a whole word before a period ends a sentence ('Department
# of Justice.', 'Stephen King.').
_TITLE_ABBREVIATIONS = frozenset({"gov", "gen", "lt", "col", "sgt", "capt", "adm", "maj", "prof", "rev", "dr", "atty",
                                  "sen", "sens", "rep", "reps", "mr", "mrs", "ms", "pres", "supt", "insp", "cmdr"})
_OFFICES = frozenset("""secretary minister spokesman spokeswoman spokesperson director chairman chairwoman
ambassador envoy adviser advisor commissioner governor senator democrat republican host anchor founder cofounder
co-founder""".split())
_PARTIES = frozenset({"democrat", "republican"})  # adjectives too: 'Republican National Convention'
# Offices that end a role too, unless 'of' makes them a body ('Department of Justice') or a given name opens a
# person's name ('Mike Judge'): 'Supreme Court Justice', 'Appeals Court Judge', 'House Majority Leader'.
_BODY_OFFICES = frozenset("""justice judge leader mayor president representative congressman congresswoman lawmaker
counsel prosecutor sheriff officer chief general editor correspondent reporter columnist producer analyst
strategist""".split())
# A page's furniture around pictures and players, capitalised as labels: never a name.
_FURNITURE = frozenset({"caption", "captions", "photos", "slideshow", "advertisement", "thumbnail", "image",
                        "newsletter", "newsletters", "video"})
_OPENING_QUOTES = frozenset({'"', "“", "‘"})
_CLOSING_QUOTE = re.compile(r"[.,!?]?[\"”’]")
_JOINING_KEYS = frozenset({"of", "for", "and", "the", "on"})  # no person's name holds these: 'Five Questions for'
_POSSESSIVE = re.compile(r"['’]s?$")
_JOINER = re.compile(" (?:of|and|on|as|the|for) ")


@dataclass(frozen=True)
class Name:
    """A candidate read as a name: its span, folded key tokens, and the sex a title before it gives."""

    start: int
    end: int
    surface: str
    tokens: tuple[str, ...]
    title: str | None  # 'm', 'f', 'p' (a person, sex unknown) or None



@lru_cache(maxsize=1 << 17)  # names repeat across a corpus' articles
def key_tokens(surface: str) -> tuple[str, ...]:
    """'Donald J. Trump's' -> ('donald', 'trump'): folded words, possessive and middle initials dropped."""
    words = [fold_word(_POSSESSIVE.sub("", w)) for w in WORD.findall(surface)]
    words = [w for w in words if w]
    if len(words) > 2:
        words = [words[0]] + [w for w in words[1:-1] if len(w) > 1] + [words[-1]]
    return tuple(words)


@lru_cache(maxsize=1 << 17)
def name_type(tokens: tuple[str, ...]) -> str:
    """Folded name tokens -> 'person', 'organisation', 'place' or 'unknown', from package data and word shapes."""
    key = " ".join(tokens)
    if set(tokens) & ORGANISATION_WORDS:
        return "organisation"
    places = gazetteer.places()
    given = gazetteer.given_names()
    if places.is_place(key) or (len(tokens) >= 2 and _JOINING_KEYS.isdisjoint(tokens) and (
            tokens[-1] in PLACE_WORDS or tokens[0] in PLACE_OPENERS or
            (tokens[-1] in PLACE_WORDS_AFTER_NO_GIVEN_NAME and tokens[0] not in given))):
        return "place"
    if len(tokens) >= 2 and tokens[0] in given and tokens[0] not in NOT_NAMES and _JOINING_KEYS.isdisjoint(tokens) \
            and tokens[-1] not in THING_WORDS:
        return "person"
    return "unknown"


def _title(text: str, start: int) -> str | None:
    found = _TITLE_BEFORE.search(text, max(0, start - 16), start)
    word = found.group(1).casefold() if found else ""
    if word not in _PERSON_TITLES:
        return None
    return "f" if word in _FEMALE_TITLES else "m" if word in _MALE_TITLES else "p"


def _tail_after_title(candidate: Candidate) -> Candidate:
    """'Senate Majority Leader Mitch McConnell' -> 'Mitch McConnell': the name after a role inside the run."""
    if " " not in candidate.surface:
        return candidate
    if not any(map(_role_word, candidate.surface.split()[:-1])):
        return _person_after_words(candidate)
    words = list(re.finditer(r"\S+", candidate.surface))
    for i in range(len(words) - 2, -1, -1):
        if _role_word(words[i].group()):
            rest = words[i + 1:]
            # 'Attorney General Becerra': one word after a role that another word opens is the titled surname
            plural = words[i].group().casefold().rstrip(".") not in TITLES  # 'Governors DeWine'
            honorific = words[i].group().casefold().rstrip(".") in _TITLE_ABBREVIATIONS  # 'Mr Almutairi'
            lone = len(rest) == 1 and (i >= 1 or plural or honorific) and rest[0].group().isalpha() and \
                fold_word(rest[0].group()) not in ORGANISATION_WORDS
            # 'ARISE Founder Calev Myers': two words or more of no body or thing after an office name a person
            tail = key_tokens(candidate.surface[rest[0].start():])
            named = len(rest) >= 2 and words[i].group().casefold() in _OFFICES - _PARTIES and \
                tail[-1] not in THING_WORDS and \
                all(w.group()[:1].isupper() and w.group().isalpha() for w in rest) and \
                name_type(tail) in ("person", "unknown")
            if rest and (lone or named or fold_word(rest[0].group()) in gazetteer.given_names()):
                royal = len(rest) == 1 and fold_word(words[i].group()) in ROYAL_TITLES
                cut = words[i].start() if royal else rest[0].start()  # 'Prince Harry' stays whole
                return Candidate(candidate.surface[cut:], candidate.start_char + cut, candidate.end_char,
                                 candidate.note)
            break
    return candidate


def _person_after_words(candidate: Candidate) -> Candidate:
    """'State Henry Kissinger', 'Radio Host Charlie Sykes' -> the person's name that ends a run of capitalised words
    none of which is a given name (what is left of a role); 'Keisha Lance Bottoms' and 'JP Morgan Chase' stay whole."""
    words = candidate.surface.split(" ")
    head, tail = words[:-2], " ".join(words[-2:])
    if not head or not all(len(w) >= 3 and w[:1].isupper() and not w.isupper() and w.isalpha() for w in head) \
            or any(fold_word(w) in gazetteer.given_names() for w in head) or name_type(key_tokens(tail)) != "person" \
            or gazetteer.places().is_place(" ".join(key_tokens(" ".join(words[:-1])))):  # 'New York State'
        return candidate
    cut = len(candidate.surface) - len(tail)
    return Candidate(tail, candidate.start_char + cut, candidate.end_char, candidate.note)


def _split_pairs(text: str, candidate: Candidate) -> list[Candidate]:
    """'Hillary Clinton and Bill Clinton', 'Jordan Libowitz of Citizens for Ethics', 'Canada and Mexico', 'Thune and
    Cornyn', 'Ted Cruz on Twitter', 'Obama and the White House' -> both names; 'CEOs of Merck' -> the name;
    'Department of Health and Human Services', 'Procter and Gamble' stay whole."""
    if candidate.note or " " not in candidate.surface:
        return [candidate]
    surface = candidate.surface.replace(" And ", " and ").replace(" and The ", " and the ")
    if not _JOINER.search(surface):
        return [candidate]
    for joiner in (" and the ", " on ", " as ", " of ", " and ", " for ", " the "):
        at = surface.find(joiner)
        if at >= 0 and _split_at(text, surface, at, joiner):
            cut, start = at + len(joiner), candidate.start_char
            cut += 4 if surface.startswith("The ", cut) else 0  # 'for The Washington Post'
            left = [] if joiner == " of " and _role_word(surface[:at]) else \
                [Candidate(candidate.surface[:at], start, start + at, None)]
            right = Candidate(candidate.surface[cut:], start + cut, candidate.end_char, None)
            left = [part for c in left if c.surface.casefold() not in NOT_NAMES for part in _split_pairs(text, c)]
            return left + ([] if _role_word(right.surface) or right.surface.casefold() in NOT_NAMES
                           else _split_pairs(text, right))
    return [candidate]


def _capitals(side: str) -> bool:
    """'ICE', 'MSNBC and ABC' -> True: acronyms, joined or not."""
    return all(w.isupper() or w in ("and", "of") for w in side.split())


def _opens_with_person(side: str) -> bool:
    """'Lindsey Graham of South Carolina' -> True: a given name and a surname open it."""
    words = side.split()
    return len(words) >= 2 and words[1][:1].isupper() and name_type(key_tokens(" ".join(words[:2]))) == "person"


def _ends_as_organisation(side: str) -> bool:
    """'White House' -> True: its last word names organisations."""
    tokens = key_tokens(side)
    return bool(tokens) and tokens[-1] in ORGANISATION_WORDS


def _role_word(word: str) -> bool:
    """'Senators', 'CEOs': a role, or its plural, standing before a name."""
    lower = word.casefold().rstrip(".")
    plural = lower.endswith("s") and (lower[:-1] in TITLES or lower[:-1] in _OFFICES or
                                      (len(word) >= 4 and word[:-1].isupper()))
    return lower in TITLES or lower in _OFFICES or plural


def _split_at(text: str, surface: str, at: int, joiner: str) -> bool:
    """Whether a run splits at this joiner into two names (or a role and a name)."""
    left, right = surface[:at], surface[at + len(joiner):]
    if joiner == " the ":  # 'award Tiger Woods the Presidential Medal of Freedom'; 'Alexander the Great' stays whole
        return " " in left and " " in right and " of " not in f" {left} " and \
            name_type(key_tokens(left)) in ("person", "unknown")
    if joiner == " and " and _role_word(right.split()[0]) and " " not in left:
        return True  # 'Bill Barrow in Atlanta and Director of Polling Jennifer Agiesta'
    if joiner == " and " and _role_word(left.split()[0]) and left.split()[0].casefold().rstrip(".") not in TITLES:
        return True  # 'Governors DeWine and DeSantis': a plural title names several people
    if joiner == " and the " or (" " not in right and _role_word(right) and joiner != " of "):
        return True  # 'Barack Obama and the White House', 'John Thune and Sen.'; not 'Department of Justice'
    words, right_words = set(key_tokens(left)), set(key_tokens(right))
    if joiner == " as ":
        return True  # 'Thomas Perez as Labor secretary'
    if joiner == " for ":  # 'Edmund D. Fountain for NPR': a credit; 'Americans for Prosperity' stays whole
        tokens = key_tokens(left)
        outlet = right.isupper() or _GLUED.match(right) is not None or bool(right_words & ORGANISATION_WORDS)
        return outlet and len(tokens) >= 2 and (name_type(tokens) == "person" or len(tokens[0]) == 1)
    if joiner == " on ":  # 'Council on Foreign Relations' stays whole; 'The Blaze TV on Wednesday' does not
        return not words & ORGANISATION_WORDS or right.split()[0].casefold() in NOT_NAMES
    if joiner == " of ":
        # 'Thursday of Francis': a weekday or another word that is no name before 'of' leaves the name after it
        return " " not in left and (_role_word(left) or left.casefold() in NOT_NAMES) or \
            name_type(key_tokens(left)) == "person"
    if " of " not in left and " for " not in left and all(
            _capitals(side) or _ends_as_organisation(side) for side in (left, right)):
        return True  # 'White House and Congress', 'ICE and CBP'; not 'Department of Health and Human Services'
    if " " in left and " " in right and key_tokens(left)[-1] in ORGANISATION_WORDS and "of" not in words:
        return True  # 'Perception Institute and Planned Parenthood': the left name ends as a name of its kind ends
    if _opens_with_person(right) and not right_words & ORGANISATION_WORDS:
        return True  # 'Arizona and Lindsey Graham of South Carolina'
    if words & ORGANISATION_WORDS or right_words & ORGANISATION_WORDS or "the" in words:
        return False  # 'Immigration and Customs Enforcement'
    if any(" " in side and name_type(key_tokens(side)) == "person" for side in (left, right)) or \
            (" " in left and gazetteer.places().is_major(" ".join(right_words))):
        return True  # 'Viktor Yanukovych and Philippines strongman', 'India's Narendra Modi and Hungary's Viktor'
    if is_demonym(left) or is_demonym(right):
        return True  # 'Republicans and Democrats', 'Saudis and Emiratis': groups, each no name
    if " " not in left and " " in right and left.casefold() in gazetteer.given_names():
        return True  # 'Greg and Travis McMichael': two people, the first by a given name only
    places = gazetteer.places()
    if places.is_place(" ".join(key_tokens(left))) and places.is_place(" ".join(key_tokens(right))):
        return True  # 'Canada and Mexico', 'New York and Florida'
    if " " in left and " " in right:
        return True  # 'Hillary Clinton and Bill Clinton'
    # 'Thune and Cornyn': each side is written on its own elsewhere; 'Procter and Gamble' only together
    whole = text.count(surface) or 1  # (a capitalised 'And' counts once)
    return all(text.count(side) > whole for side in (left, right))


_PARTY_TAG = re.compile(r"(?:^|\s)[DRI]-[A-Z][\w.]*$")  # 'Sen. Tom Coburn, R-Okla.': a party and state, no name
_SHOUTED = re.compile(r"\s[A-Z]{4,}$")
_TICKER = re.compile(r",\s*[+\-−]\d")


def _tidy(text: str, candidate: Candidate) -> Candidate:
    """A candidate cut to its name: no party tag, no shouted word after it ('Bill Barr REALLY'), and no sentence
    opener that is not a given name before it ('Banishing Kelly', 'Members of The POLITICO Caucus')."""
    surface, start = candidate.surface, candidate.start_char
    if " " not in surface and "-" not in surface:
        return candidate  # one word: no tag, shouted tail, title or opener to cut (most candidates)
    ticker = _TICKER.match(text, candidate.end_char)
    if ticker and " " in surface and surface.rsplit(" ", 1)[1].isupper() and len(surface.rsplit(" ", 1)[1]) <= 5:
        surface = surface.rsplit(" ", 1)[0]  # 'Home Depot HD, +0.03%': a stock ticker after the name
    for pattern in (_PARTY_TAG, _SHOUTED):
        found = pattern.search(surface)
        if found and not surface.isupper() and not surface[:found.start()].endswith((" and", " or", " of")):
            surface = surface[:found.start()]
    words = surface.split(" ")
    after = start + len(surface)
    if len(words) >= 2 and words[-1].casefold() in _TITLE_ABBREVIATIONS and text[after:after + 1] == ".":
        words = words[:-1]  # 'Vermont Sen. Bernie Sanders': the title belongs to the next name
        while len(words) > 1 and words[-1].casefold() in ("and", "of", "the", "for", "on", "as"):
            words = words[:-1]  # 'Sen. John Thune and Sen. John Cornyn'
        surface = " ".join(words)
    if len(words) >= 3 and is_demonym(words[-1]) and words[-2] in ("the", "of", "for", "and"):
        while len(words) > 1 and (is_demonym(words[-1]) or words[-1] in ("the", "of", "for", "and")):
            words = words[:-1]  # 'Carter for the Democratic nomination': an adjective of the words after the run
        surface = " ".join(words)
    written_twice = _written_twice(words, text, start)
    if written_twice < len(words):  # 'Kathleen Rice Kathleen Maura RiceProgressive': glued to the next words
        words = words[:written_twice]
        surface = " ".join(words)
    if _stray_first_word(words, text, surface, start):  # 'Apparently Mitt Romney', 'Utah Mitt Romney'
        surface, start = surface[len(words[0]) + 1:], start + len(words[0]) + 1
        words = words[1:]
    if len(words) >= 2 and words[0] in _MODALS and _opens_sentence(text, start) and _asks(text, after):
        words = words[1:]  # 'Will Obama strike?': a question's verb, not a given name
        cut = len(surface) - len(" ".join(words))
        surface, start = surface[cut:], start + cut
    if len(words) >= 2 and _opens_sentence(text, start) and _opener(words) and \
            fold_word(words[0]) not in gazetteer.given_names() and not gazetteer.places().is_place(fold_word(words[0])):
        rest = 1
        while rest < len(words) and (not words[rest][:1].isupper() or words[rest].casefold() == "the"):
            rest += 1
        cut = len(" ".join(words[:rest])) + 1
        surface, start = surface[cut:], start + cut
    if (surface, start) == (candidate.surface, candidate.start_char):
        return candidate
    return Candidate(surface, start, start + len(surface), candidate.note)


def _stray_first_word(words: list[str], text: str, surface: str, start: int) -> bool:
    """Whether a run's first word is no part of the name after it: a word that is no given name, title, body's word or
    acronym before a name of two words or more that the text also writes without it ('Apparently Mitt Romney',
    'Obama White House' beside 'Mitt Romney', 'White House')."""
    if len(words) < 3 or not words[1][:1].isupper() or words[0].isupper() or not words[0].isalpha() or \
            len(words[0]) < 3 or _role_word(words[1]):
        return False  # ('Godspeed President Bush': the title before the name is cut by the rules for roles)
    tokens = key_tokens(surface[len(words[0]) + 1:])
    rest = name_type(tokens)
    # 'Occupy Wall Street', 'Ohio Republican Party', 'National Emergencies Act': another body, place or law
    if rest == "place" or tokens[-1] in THING_WORDS or (rest == "organisation" and (
            is_demonym(words[0]) or gazetteer.places().is_place(fold_word(words[0])))):
        return False
    first = fold_word(words[0])
    return not (first in gazetteer.given_names() or first in ORGANISATION_WORDS or first in PLACE_OPENERS or
                _role_word(words[0])) and _written_alone(text, surface[len(words[0]) + 1:], words[0],
                                                         start + len(words[0]) + 1)


def _written_alone(text: str, name: str, word: str, here: int) -> bool:
    """Whether the text writes a name somewhere else without this word before it, and no other capitalised word
    ('Mitt Romney said', 'Sen. Mitt Romney', 'Later Mitt Romney'; not 'Voting Rights Act' for 'Rights Act')."""
    at = text.find(name)
    while at >= 0:
        before = text[max(0, at - 40):at].split()
        last = before[-1].lstrip(_MARKS) if before else ""
        if at != here and last != word and (not last[:1].isupper() or last[-1] in '.:!?"”“' or
                                            last.casefold() in NOT_NAMES):
            return True
        at = text.find(name, at + len(name))
    return False


_MARKS = "\"'“‘([{"
_MODALS = frozenset({"Will", "Can", "May", "Should", "Would", "Could", "Did", "Does", "Do", "Is", "Are", "Has"})
_SENTENCE_END = re.compile(r"[.!?\n]")


def _asks(text: str, after: int) -> bool:
    """Whether the sentence going on after this point ends in a question mark."""
    found = _SENTENCE_END.search(text, after, after + 300)
    return bool(found) and found.group() == "?"


_GLUED = re.compile(r"([A-Z][a-z]{2,})[A-Z]")  # 'TrumpGOP': a word glued to the next one, the page's markup lost


def _written_twice(words: list[str], text: str, start: int) -> int:
    """How many words a name shown and then written again in full keeps ('Lindsey Graham Lindsey Olin GrahamGOP',
    'Trump Donald John TrumpGOP', 'Pete Buttigieg Peter', a tooltip's text run into the prose): all when it is not."""
    again = [i for i, w in enumerate(words) if i >= 2 and w == words[0] and words[i - 1][:1].isupper()]
    if again:  # ('New York and New Jersey' is two names, split later)
        return again[0]
    if len(words) >= 4 and words[-1] in words[1:-2] and all(w[:1].isupper() for w in words):
        # 'Pete Buttigieg Peter Paul Montgomery Buttigieg'; not 'Hillary Clinton and Bill Clinton'
        return words.index(words[-1]) + 1
    glued = next((i for i, w in enumerate(words) if i >= 1 and _GLUED.match(w)), None)
    if glued is not None:
        shown = _GLUED.match(words[glued]).group(1)
        if shown in words[:glued - 1]:
            return words.index(shown) + 1
        if glued == len(words) - 1 and shown in text[max(0, start - 80):start]:
            return 0  # 'Chris Stewart Christopher (Chris) Douglas StewartIt's': the rest of a full name shown again
    given = gazetteer.given_names()
    if len(words) == 3 and all(w.isalpha() and w[:1].isupper() for w in words) and words[2][0] == words[0][0] \
            and fold_word(words[0]) in given and fold_word(words[2]) in given:
        return 2  # 'Jan Schakowsky Janice': the full given name of the name shown starts again
    return len(words)


def _no_name_is_so_long(surface: str) -> bool:
    """More than six capitalised words with no joining word between them: a list or a menu, not one name."""
    words = surface.split()
    return len(words) > 6 and all(w[:1].isupper() for w in words)


def _headline_case(surface: str) -> bool:
    """A run with a capitalised small word after its first ('Cruz Shouted Down After Refusing'): a headline; a word
    that names organisations ends one of theirs ('Fox News')."""
    return any(w[:1].isupper() and w.casefold() in NOT_NAMES and w != "The" and w.casefold() not in ORGANISATION_WORDS
               for w in surface.split()[1:])


def _opener(words: list[str]) -> bool:
    """Whether a run's first word may be a sentence's opening word rather than part of the name: a given name
    ('Banishing Kelly') or a joining word ('Members of The POLITICO Caucus') follows; 'World War II' stays whole."""
    return fold_word(words[0]) not in ORGANISATION_WORDS and (
        words[1].casefold() in ("of", "the", "for") or fold_word(words[1]) in gazetteer.given_names())


def _opens_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 3):start].rstrip(" \"“‘'")
    return not before or before[-1] in ".!?:\n"


def read_names(text: str, candidates: list[Candidate]) -> tuple[list[Name], list[Candidate]]:
    """Candidates -> (those read as names, those left: ambiguous ones the entity table already judged)."""
    names, left = [], []
    candidates = _possessive_bodies(text, _comma_lists(text, candidates))
    for candidate in (part for c in candidates for pair in _split_pairs(text, _tidy(text, c))
                      for part in _acronyms_apart(text, pair)):
        if (candidate.note or "").startswith("ambiguous"):
            left.append(candidate)
            continue
        cut, tokens, is_name = _reading(candidate.surface)
        if cut:
            candidate = Candidate(candidate.surface[cut:], candidate.start_char + cut, candidate.end_char,
                                  candidate.note)
        if is_name and (_quoted_title(text, candidate, tokens) or _heading(text, candidate, tokens)):
            left.append(candidate)  # '“Divide and Conquer.”', 'Story Continued Below': a slogan, title or heading
        elif is_name:
            candidate, tokens = _with_ordinal(text, *_with_number(text, candidate, tokens))
            names.append(Name(candidate.start_char, candidate.end_char, candidate.surface, tokens,
                              _title(text, candidate.start_char)))
        elif is_name is not None:
            left.append(candidate)
    return names, left


_NUMBER_AFTER = re.compile(r" (\d{1,4})(?![\w%.,:/-]\w|[\w%-])")


def _with_number(text: str, candidate: Candidate, tokens: tuple[str, ...]) -> tuple[Candidate, tuple[str, ...]]:
    """'State Route 322', 'Senate Bill 54': a run of several words of no person or place followed by a number that is
    no year is named with the number (without it, no name)."""
    found = _NUMBER_AFTER.match(text, candidate.end_char)
    if not found or " " not in candidate.surface or (len(found.group(1)) == 4 and found.group(1)[:2] in ("19", "20")) \
            or name_type(tokens) in ("person", "place"):
        return candidate, tokens
    end = found.end()
    return Candidate(text[candidate.start_char:end], candidate.start_char, end, candidate.note), \
        tokens + (found.group(1),)


_ORDINAL_BEFORE = re.compile(r"(?<![\w.,])(\d{1,3}(?:st|nd|rd|th)) $")


def _with_ordinal(text: str, candidate: Candidate, tokens: tuple[str, ...]) -> tuple[Candidate, tuple[str, ...]]:
    """'1st District of Wisconsin', '9th Circuit', '82nd Airborne Division': a name of no person or place after an
    ordinal number is named with it (without it, it is cut or no name at all)."""
    found = _ORDINAL_BEFORE.search(text, max(0, candidate.start_char - 6), candidate.start_char)
    if not found or name_type(tokens) in ("person", "place"):
        return candidate, tokens
    start = found.start()
    return Candidate(text[start:candidate.end_char], start, candidate.end_char, candidate.note), \
        (found.group(1),) + tokens


_JOINED_ACRONYMS = re.compile(r"[A-Z][A-Za-z]*[A-Z](?:-[A-Z][A-Za-z]*[A-Z])+")


def _acronyms_apart(text: str, candidate: Candidate) -> list[Candidate]:
    """'AP-GfK', 'ABC-WaPo' -> each acronym: two bodies joined by a hyphen (a joint poll), not one name, when the text
    writes one of them alone too ('AFL-CIO', 'SARS-CoV-2' stay whole)."""
    if "-" not in candidate.surface or not _JOINED_ACRONYMS.fullmatch(candidate.surface) or \
            not any(part.isupper() for part in candidate.surface.split("-")) or \
            text[candidate.end_char:candidate.end_char + 1] == "-" or not any(
                re.search(rf"(?<![\w-]){re.escape(part)}(?![\w-])", text) for part in candidate.surface.split("-")):
        return [candidate]
    out, at = [], 0
    for part in candidate.surface.split("-"):
        out.append(Candidate(part, candidate.start_char + at, candidate.start_char + at + len(part), candidate.note))
        at += len(part) + 1
    return out


_POSSESSIVE_GAP = frozenset({"’s ", "'s "})


def _possessive_bodies(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """'Young America', 'Foundation' -> 'Young America’s Foundation': a name owning a body's word is that body's
    name ('People's Party'), read as one; a place or body owning one names itself and its part ('Britain's Parliament',
    'Justice Department’s Office of Professional Responsibility')."""
    out, i = [], 0
    while i < len(candidates):
        first = candidates[i]
        after = candidates[i + 1] if i + 1 < len(candidates) else None
        if after and text[first.end_char:after.start_char] in _POSSESSIVE_GAP and _owns_a_body(first, after):
            out.append(Candidate(text[first.start_char:after.end_char], first.start_char, after.end_char, None))
            i += 2
            continue
        out.append(first)
        i += 1
    return out


# Bodies a person, party or place has rather than names: 'Kerry's Senate confirmation', 'the GOP's Senate majority'.
_BODIES_HELD = frozenset({"senate", "house", "congress", "parliament", "army", "navy", "party", "administration",
                          "government", "court", "cabinet", "team", "police", "forces", "guard", "assembly"})


def _owns_a_body(first: Candidate, after: Candidate) -> bool:
    """Whether a name and the body's word after its possessive are one body's name ('Young America’s Foundation')."""
    words = after.surface.split()
    tokens = key_tokens(first.surface)
    return fold_word(words[0]) in ORGANISATION_WORDS and not first.note and not after.note and \
        not (len(words) == 1 and words[0].casefold() in _BODIES_HELD) and not first.surface.isupper() and \
        not (len(tokens) == 1 and tokens[0] in gazetteer.given_names()) and \
        name_type(tokens) not in ("place", "organisation")


_BODY_OF = re.compile(r"\w+ of [A-Z][a-z]+$")
_LAST_OF_LIST = re.compile(r"(?:[A-Z][a-z]+ and )?[A-Z][a-z]+$")


def _comma_lists(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """'Bureau of Alcohol', 'Tobacco', 'Firearms and Explosives' -> 'Bureau of Alcohol, Tobacco, Firearms and
    Explosives': a body's name whose last part lists its fields, read as one name (its commas split the run)."""
    if len(candidates) < 2 or ", " not in text:
        return candidates
    out, i = [], 0
    while i < len(candidates):
        first, j = candidates[i], i
        if _BODY_OF.search(first.surface) and not ORGANISATION_WORDS.isdisjoint(key_tokens(first.surface)):
            while j + 1 < len(candidates) and text[candidates[j].end_char:candidates[j + 1].start_char] in (
                    ", ", ", and ") and _LAST_OF_LIST.fullmatch(candidates[j + 1].surface):
                j += 1
                if " and " in candidates[j].surface or text[candidates[j - 1].end_char:].startswith(", and "):
                    break
            ends_list = j > i and (" and " in candidates[j].surface or
                                   text[candidates[j - 1].end_char:].startswith(", and ")) and \
                all(map(_a_field, (w for c in candidates[i + 1:j + 1] for w in key_tokens(c.surface))))
            if ends_list:
                end = candidates[j].end_char
                out.append(Candidate(text[first.start_char:end], first.start_char, end, first.note))
                i = j + 1
                continue
        out.append(first)
        i += 1
    return out


def _a_field(word: str) -> bool:
    """'tobacco', 'firearms' -> True: a word that names no body, office, place or person ('Treasury', 'Congress')."""
    return word == "and" or not (word in ORGANISATION_WORDS or word in TITLES or word in gazetteer.given_names()
                                 or gazetteer.places().is_place(word))


def _heading(text: str, candidate: Candidate, tokens: tuple[str, ...]) -> bool:
    """A run of several words that fills its line by itself and reads as no person, organisation or place: a heading
    or a page's label ('Mixed Messages', 'Story Continued Below')."""
    start, end = candidate.start_char, candidate.end_char
    return " " in candidate.surface and (start == 0 or text[start - 1] == "\n") and \
        text[end:end + 1] in ("", "\n") and name_type(tokens) == "unknown"


def _quoted_title(text: str, candidate: Candidate, tokens: tuple[str, ...]) -> bool:
    """A run of several words that fills a quotation by itself and reads as no person, organisation or place."""
    start, end = candidate.start_char, candidate.end_char
    return " " in candidate.surface and text[start - 1:start] in _OPENING_QUOTES and \
        _CLOSING_QUOTE.match(text, end) is not None and name_type(tokens) == "unknown"


def _ends_in_office(tokens: tuple[str, ...]) -> bool:
    """('court', 'justice') -> True: a body's office, a role; ('department', 'of', 'justice'), ('mike', 'judge') and a
    lone 'Justice' are not."""
    return len(tokens) >= 2 and tokens[-1] in _BODY_OFFICES and tokens[-2] not in _JOINING_KEYS and \
        name_type(tokens) != "person"


_PLURAL_ACRONYM = re.compile(r" [A-Z]{2,}s$")  # 'UK MPs', 'Fortune 500 CEOs': a group of people, no name


@lru_cache(maxsize=1 << 17)  # what a run of words reads as depends on its words alone, and names repeat
def _reading(surface: str) -> tuple[int, tuple[str, ...], bool | None]:
    """A candidate's words -> (where its name starts after a role, the name's key tokens, whether it reads as a
    name: False for a headline, role or adjective, None for nothing at all)."""
    cut = _tail_after_title(Candidate(surface, 0, len(surface), None)).start_char
    surface = surface[cut:]
    tokens = key_tokens(surface)
    if not surface.strip():
        return cut, tokens, None
    if " " in surface and (surface.isupper() or _headline_case(surface) or _no_name_is_so_long(surface)):
        return cut, tokens, False  # 'SHOOT FIRST AND TALK LATER', 'Israel Continues Strikes On Gaza': no names
    if (len(tokens) == 1 and (tokens[0] in ORGANISATION_WORDS or _role_word(surface))) or \
            (tokens and (tokens[-1] in _OFFICES or tokens[-1][-1:] == "s" and tokens[-1][:-1] in _OFFICES)) \
            or not _FURNITURE.isdisjoint(tokens) or _ends_in_office(tokens) or _PLURAL_ACRONYM.search(surface):
        return cut, tokens, False  # 'Department' alone, 'Homeland Security Secretary', 'Hide Caption': no names
    last = surface.split()[-1]
    if not tokens or max(map(len, tokens)) < 3 or not surface[:1].isupper() or \
            (is_demonym(last) and (len(tokens) == 1 or last.casefold() in DEMONYMS or
                                   tokens[0] not in gazetteer.given_names())):  # 'North African'; 'Jordan Fabian'
        return cut, tokens, False
    return cut, tokens, True
