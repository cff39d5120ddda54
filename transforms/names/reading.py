"""Capitalised runs -> names: cut to the name (a role before it; see `tidying` for the rest), stretched to its whole
span (`spans`), read apart where a joiner links two names ('Canada and Mexico', 'Ted Cruz on Twitter', 'Thomas Perez
as Labor secretary'), folded to key tokens and typed (`name_words`)."""

import re
from dataclasses import dataclass
from functools import lru_cache

from transforms.lexicon import (
    DEMONYMS,
    MONTHS,
    NOT_NAMES,
    ORGANISATION_WORDS,
    PLACE_OPENERS,
    ROYAL_TITLES,
    THING_WORDS,
    TITLES,
    english_word,
    fold_word,
    is_demonym,
)
from transforms.names import gazetteer
from transforms.names.matching import Candidate, two_letter_name, two_letter_person
from transforms.names.name_words import (
    JOINING_KEYS,
    OFFICES,
    PARTIES,
    TITLE_ABBREVIATIONS,
    key_tokens,
    name_type,
    people_of_a_place,
    role_word,
)
from transforms.names.spans import (
    a_place,
    acronyms_apart,
    comma_lists,
    law_of_two_fields,
    possessive_bodies,
    repeated_title,
    with_number,
    with_ordinal,
)
from transforms.names.tidying import FUNCTION_WORDS, GLUED, tidy, without_role_after

_TITLE_BEFORE = re.compile(r"([A-Z][a-z]{1,12})\.?\s+$")
_FEMALE_TITLES = frozenset({"mrs", "ms", "miss", "madam", "madame", "lady", "queen", "princess", "sister"})
_MALE_TITLES = frozenset({"mr", "sir", "lord", "king", "prince", "father", "brother"})
_PERSON_TITLES = frozenset({"dr", "sen", "rep", "sec", "gov", "gen", "col", "lt", "sgt", "capt", "president", "senator",
                            "governor", "secretary", "minister", "judge", "justice", "mayor", "ambassador",
                            "speaker", "chairman", "chairwoman", "congressman", "congresswoman", "representative",
                            "pope", "ayatollah", "sheikh", "premier", "chancellor", "prosecutor", "director",
                            "leader", "sheriff", "commissioner", "coach", "officer", "professor", "rabbi",
                            "reverend"}) | _FEMALE_TITLES | _MALE_TITLES
# Offices that end a role too, unless 'of' makes them a body ('Department of Justice') or a given name opens a
# person's name ('Mike Judge'): 'Supreme Court Justice', 'Appeals Court Judge', 'House Majority Leader'.
_BODY_OFFICES = frozenset("""justice judge leader mayor president representative congressman congresswoman lawmaker
counsel prosecutor sheriff officer chief general editor correspondent reporter columnist producer analyst
strategist""".split())
# A page's furniture around pictures and players, capitalised as labels: never a name.
_FURNITURE = frozenset({"caption", "captions", "photos", "slideshow", "advertisement", "thumbnail", "image",
                        "newsletter", "newsletters", "video"})
_HONORIFICS = TITLE_ABBREVIATIONS | {"professor", "rabbi", "reverend"}  # before a lone surname: no part of it
_HEADING_OPENERS = frozenset({"from", "the", "inside", "about", "in", "on"})  # not 'by': 'Photo by Getty Images'
_OPENING_QUOTES = frozenset({'"', "“", "‘"})
_CLOSING_QUOTE = re.compile(r"[.,!?]?[\"”’]")
_JOINER = re.compile(" (?:of|and|on|as|the|for) ")


@dataclass(frozen=True)
class Name:
    """A candidate read as a name: its span, folded key tokens, and the sex a title before it gives."""

    start: int
    end: int
    surface: str
    tokens: tuple[str, ...]
    title: str | None  # 'm', 'f', 'p' (a person, sex unknown) or None


def title_before(text: str, start: int) -> str | None:
    """Text + where a name starts -> the sex its title gives: 'f' after 'Mrs.', 'm' after 'Mr.', 'p' after 'Sen.' (a
    person), None with no title."""
    found = _TITLE_BEFORE.search(text, max(0, start - 16), start)
    word = found.group(1).casefold() if found else ""
    if word not in _PERSON_TITLES:
        return None
    return "f" if word in _FEMALE_TITLES else "m" if word in _MALE_TITLES else "p"


_INITIAL = re.compile(r"[A-Z]\.")  # 'L.' of 'L. Francis Cissna'


def _tail_after_title(candidate: Candidate) -> Candidate:
    """'Senate Majority Leader Mitch McConnell' -> 'Mitch McConnell': the name after a role inside the run."""
    if " " not in candidate.surface:
        return candidate
    if not any(map(role_word, candidate.surface.split()[:-1])):
        return _person_after_words(candidate)
    words = list(re.finditer(r"\S+", candidate.surface))
    for i in range(len(words) - 2, -1, -1):
        if i >= 2 and words[i - 1].group() in ("on", "of", "for") and \
                fold_word(words[i - 2].group()) in ORGANISATION_WORDS:
            continue  # 'Committee on Foreign Relations': a word of a body's complement, no role before a name
        if role_word(words[i].group()):
            rest = words[i + 1:]
            # 'Attorney General Becerra': one word after a role that another word opens is the titled surname
            plural = words[i].group().casefold().rstrip(".") not in TITLES  # 'Governors DeWine'
            honorific = words[i].group().casefold().rstrip(".") in _HONORIFICS  # 'Mr Almutairi', 'Professor Grenier'
            lone = len(rest) == 1 and (i >= 1 or plural or honorific) and rest[0].group().isalpha() and \
                fold_word(rest[0].group()) not in ORGANISATION_WORDS
            # 'ARISE Founder Calev Myers': two words or more of no body or thing after an office name a person
            tail = key_tokens(candidate.surface[rest[0].start():])
            named = len(rest) >= 2 and words[i].group().casefold() in OFFICES - PARTIES and \
                tail[-1] not in THING_WORDS and \
                all(w.group()[:1].isupper() and (w.group().isalpha() or _INITIAL.fullmatch(w.group()))
                    for w in rest) and name_type(tail) in ("person", "unknown")
            if rest and (lone or named or fold_word(rest[0].group()) in gazetteer.given_names()):
                royal = len(rest) == 1 and fold_word(words[i].group()) in ROYAL_TITLES
                cut = words[i].start() if royal else rest[0].start()  # 'Prince Harry' stays whole
                # 'Professor Emeritus Alan Dershowitz': what is left of the role goes too
                return _person_after_words(Candidate(candidate.surface[cut:], candidate.start_char + cut,
                                                     candidate.end_char, candidate.note))
            break
    return candidate


def _person_after_words(candidate: Candidate) -> Candidate:
    """'State Henry Kissinger', 'Radio Host Charlie Sykes' -> the person's name that ends a run of capitalised words
    none of which is a given name (what is left of a role); 'Keisha Lance Bottoms', 'JP Morgan Chase' and a body opened
    by a state's or country's name ('Washington Free Beacon') stay whole."""
    words = candidate.surface.split(" ")
    head, tail = words[:-2], " ".join(words[-2:])
    if not head or not all(len(w) >= 3 and w[:1].isupper() and not w.isupper() and w.isalpha() for w in head) \
            or any(fold_word(w) in gazetteer.given_names() for w in head) or name_type(key_tokens(tail)) != "person" \
            or gazetteer.places().is_place(" ".join(key_tokens(" ".join(words[:-1])))) \
            or gazetteer.places().is_major(fold_word(head[0])):  # 'New York State', 'Washington Free Beacon'
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
            cut += 4 if surface.startswith(("The ", "the "), cut) else 0  # 'for The Washington Post'
            left = [] if joiner == " of " and role_word(surface[:at]) else \
                [_without_title(without_role_after(Candidate(candidate.surface[:at], start, start + at, None)))]
            right = _without_title(Candidate(candidate.surface[cut:], start + cut, candidate.end_char, None))
            left = [part for c in left if c.surface.casefold() not in NOT_NAMES for part in _split_pairs(text, c)]
            return left + ([] if role_word(right.surface) or right.surface.casefold() in NOT_NAMES
                           else _split_pairs(text, right))
    return [candidate]


def _without_title(candidate: Candidate) -> Candidate:
    """'President Obama' (of 'President Obama and Congress'), 'Judge Kavanaugh' (of 'Professor Ford and Judge
    Kavanaugh') -> the name: a person's title opening a side of a split run is no part of it ('King Salman',
    'Justice Department' stay whole)."""
    first, _, rest = candidate.surface.partition(" ")
    if not _titled_person(first, rest) or first.casefold() in ROYAL_TITLES:
        return candidate
    cut = len(first) + 1
    return Candidate(rest, candidate.start_char + cut, candidate.end_char, candidate.note)


def _titled_person(title: str, rest: str) -> bool:
    """'President', 'Obama' -> True: a person's title before a name that is no body's, role or country ('Justice',
    'Department' and 'Secretary', 'General' are not; a lone word may be a town's name too: Obama, Japan)."""
    tokens = key_tokens(rest)
    return bool(tokens) and title.casefold().rstrip(".") in _PERSON_TITLES and rest[:1].isupper() and \
        ORGANISATION_WORDS.isdisjoint(tokens) and not role_word(rest.split()[0]) and (
            name_type(tokens) in ("person", "unknown") or
            (len(tokens) == 1 and not gazetteer.places().is_major(tokens[0])))


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


def _acronym(side: str) -> bool:
    """'FBI' -> True: one word of two or more capitals."""
    return " " not in side and len(side) >= 2 and side.isupper() and side.isalpha()


def _known_acronym(text: str, side: str) -> bool:
    """'FBI Director Ada Quist' in a text that writes 'FBI' elsewhere -> True: an acronym opening a run names a body
    of its own only when the article uses it alone too; a field's acronym ('ICT', 'IT') ends a complement."""
    word = side.split()[0]
    return _acronym(word) and len(re.findall(rf"\b{word}\b", text)) > 1


def _head_before_of(side: str) -> bool:
    """'Department of Homeland Security' -> True: a word that names bodies heads it before its 'of'; the words after
    an 'and' are then no part of that complement when they name a body of their own ('Department of Health and
    Human Services' stays whole: 'Human Services' has no head of its own)."""
    head, of, _ = side.partition(" of ")
    tokens = key_tokens(head)
    return bool(of) and bool(tokens) and tokens[-1] in ORGANISATION_WORDS


def _place_or_person(side: str) -> bool:
    """'Fort Brixley', 'New York', 'Ada Quist' -> True: a place the gazetteer knows or a fort or mount names, or a
    person ('Open Sea' is no known place)."""
    tokens = key_tokens(side)
    return bool(tokens) and (gazetteer.places().is_place(" ".join(tokens)) or tokens[0] in PLACE_OPENERS or
                             name_type(tokens) == "person")


def _body_head(head: str) -> bool:
    """'Friends', 'People', 'Citizens Committee' -> True: one English word ('Friends for the ...') or a name ending in a
    body's word may head a body's name with a complement; 'Hope Marsh', 'Grace Park' (names of English words) do not."""
    tokens = key_tokens(head)
    return bool(tokens) and all(map(english_word, head.split())) and \
        (len(tokens) == 1 or tokens[-1] in ORGANISATION_WORDS)


def _two_bodies(left: str, right: str) -> bool:
    """'Speech Project', 'Valley Civil Liberties Union' -> True: the right side ends as a body's name of two
    words or more, with no 'of' complement ('Commission on the Future of the Army' is one name), so the left is another
    name ('Program for the Study of Women' is one)."""
    right_tokens = key_tokens(right)
    return len(right_tokens) >= 2 and right_tokens[-1] in ORGANISATION_WORDS and "of" not in right_tokens


def _split_at(text: str, surface: str, at: int, joiner: str) -> bool:
    """Whether a run splits at this joiner into two names (or a role and a name)."""
    left, right = surface[:at], surface[at + len(joiner):]
    if joiner == " the ":  # 'award Tiger Woods the Presidential Medal of Freedom'; 'Alexander the Great' stays whole
        # ('Friends for the Open Sea': 'the' after a joining word opens that word's complement, inside a body's name
        # headed by one English word or a body's word; 'Ivo Brandt for the Stormy Lake deal', 'Hope Marsh for the
        # Harvest Cup', a person before it, and 'the Silver Star for the Fort Brixley victims', a place after it, are
        # two)
        head, _, joining = left.rpartition(" ")
        return " " in left and " " in right and " of " not in f" {left} " and \
            name_type(key_tokens(left)) in ("person", "unknown") and \
            not (joining in FUNCTION_WORDS and _body_head(head) and not _place_or_person(right)
                 and not _two_bodies(head, right))
    if joiner == " and " and role_word(right.split()[0]) and " " not in left:
        return True  # 'Bill Barrow in Atlanta and Director of Polling Jennifer Agiesta'
    if joiner == " and " and role_word(left.split()[0]) and left.split()[0].casefold().rstrip(".") not in TITLES:
        return True  # 'Governors DeWine and DeSantis': a plural title names several people
    if joiner == " and " and " of " not in left and _titled_person(*left.partition(" ")[::2]):
        return True  # 'President Obama and Congress': a titled person, then another name
    if joiner == " and " and " " not in left and " " not in right and \
            (left.casefold() in ORGANISATION_WORDS or right.casefold() in ORGANISATION_WORDS):
        return True  # 'Obama and Congress', 'House and Senate': a body named by its word alone, and another name
    if joiner == " and the " or (" " not in right and role_word(right) and joiner != " of "):
        return True  # 'Barack Obama and the White House', 'John Thune and Sen.'; not 'Department of Justice'
    words, right_words = set(key_tokens(left)), set(key_tokens(right))
    if joiner == " as ":
        return True  # 'Thomas Perez as Labor secretary'
    if joiner == " and " and law_of_two_fields(left, right):
        return False  # 'Tax Cuts and Jobs Act': a law's name joins the fields it covers with 'and'
    if joiner == " for ":  # 'Edmund D. Fountain for NPR': a credit; 'Americans for Prosperity' stays whole
        tokens = key_tokens(left)
        outlet = right.isupper() or GLUED.match(right) is not None or bool(right_words & ORGANISATION_WORDS)
        # (a name of two or three plain capitalised words English and the given-name list do not know: 'Kwabe
        # Ndoro'; not 'Brixton Endowment for Coastal Peace')
        plain = 2 <= len(left.split()) <= 3 and all(w[:1].isupper() and w[1:].islower() and not english_word(w)
                                                    for w in left.split())
        return outlet and len(tokens) >= 2 and (name_type(tokens) == "person" or len(tokens[0]) == 1 or
                                                (plain and name_type(tokens) == "unknown"))
    if joiner == " on ":  # 'Council on Foreign Relations' stays whole; 'The Blaze TV on Wednesday' does not
        return not words & ORGANISATION_WORDS or right.split()[0].casefold() in NOT_NAMES
    if joiner == " of ":
        # 'Thursday of Francis': a weekday or another word that is no name before 'of' leaves the name after it
        return " " not in left and (role_word(left) or left.casefold() in NOT_NAMES) or \
            name_type(key_tokens(left)) == "person" or _person_of_a_state(left, right)
    if joiner == " and " and _head_before_of(right) and (_acronym(left) or _head_before_of(left)) or \
            joiner == " and " and _head_before_of(left) and (_acronym(right) or _known_acronym(text, right)):
        return True  # 'Bureau of Prisons and ICE', 'ICE and Bureau of Prisons': a body named by its head and
        # complement, and another body ('Ministry of Science and ICT' is one: ICT is written nowhere else)
    if " of " not in left and " for " not in left and all(
            _capitals(side) or _ends_as_organisation(side) for side in (left, right)):
        return True  # 'White House and Congress', 'ICE and CBP'; not 'Department of Health and Human Services'
    if " " in left and key_tokens(left)[-1] in ORGANISATION_WORDS and words.isdisjoint(("of", "for")) and \
            (" " in right or (right[:1].isupper() and text.count(right) > text.count(surface))):
        return True  # 'Perception Institute and Planned Parenthood', 'General Motors and Ford': the left name ends as a
        # name of its kind ends
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
    if " " not in left and " " not in right and all(fold_word(side) in gazetteer.given_names() and not
                                                    english_word(side) for side in (left, right)):
        return True  # 'Ann and Zoe': two people by their given names ('Will and Grace' may be a title)
    places = gazetteer.places()
    if a_place(left) and a_place(right):
        return True  # 'Canada and Mexico', 'New York and Florida', 'Ohio and Lassen County'
    if " " in left and " " in right:
        return True  # 'Hillary Clinton and Bill Clinton'
    # 'Thune and Cornyn': each side is written on its own elsewhere; 'Procter and Gamble' only together
    whole = text.count(surface) or 1  # (a capitalised 'And' counts once)
    if any(places.is_major(" ".join(key_tokens(a))) and " " not in b and text.count(b) > whole
           for a, b in ((left, right), (right, left))):
        return True  # 'Sens. Mark Kirk of Illinois and Murkowski': a state, and a name written alone elsewhere
    return all(text.count(side) > whole for side in (left, right))


def _person_of_a_state(left: str, right: str) -> bool:
    """'Minority Leader Ada Quist', 'Kentucky' -> True: a person's name, after any role before it, of a state,
    country or continent ('Tariq Olumbe of Vermont': given names or words English does not know, then a surname it
    does not know) is read apart from it; a body's name ('Concerned Women of America', 'Mental Health America of
    Texas', 'Islamic Emirate of Afghanistan') and a place's ('United States of America') are not."""
    if " ".join(key_tokens(right)) not in gazetteer.places().regions:
        return False
    name = left[_tail_after_title(Candidate(left, 0, len(left), None)).start_char:]
    words, tokens = name.split(), key_tokens(name)
    if len(words) < 2 or not all(w[:1].isupper() and (w.isalpha() or _INITIAL.fullmatch(w)) for w in words) or \
            not ORGANISATION_WORDS.isdisjoint(tokens) or tokens[-1] in THING_WORDS:
        return False
    kind = name_type(tokens)
    given = gazetteer.given_names()
    return kind == "person" or (kind == "unknown" and not any(map(english_word, words[-1:])) and all(
        (fold_word(w) in given or fold_word(w) in gazetteer.nicknames() or not english_word(w)) and
        not is_demonym(w) for w in words[:-1]))


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
    for candidate in (part for c in candidates for pair in _split_pairs(text, tidy(text, c))
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
    cut = _tail_after_title(Candidate(surface, 0, len(surface), None)).start_char
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
