"""A capitalised run read apart where a joiner links two names: 'Hillary Clinton and Bill Clinton', 'Canada and
Mexico', 'Ted Cruz on Twitter', 'Thomas Perez as Labor secretary', 'Jordan Libowitz of Citizens for Ethics' -> both
names; 'Department of Health and Human Services', 'Procter and Gamble', 'Tax Cuts and Jobs Act' stay whole."""

import re

from transforms.lexicon import (
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
from transforms.names.capitalised import Candidate
from transforms.names.name_words import key_tokens, name_type, role_word
from transforms.names.spans import a_place, law_of_two_fields
from transforms.names.tidying import FUNCTION_WORDS, GLUED, without_role_after
from transforms.names.titles import INITIAL, PERSON_TITLES, tail_after_title

_JOINER = re.compile(" (?:of|and|on|as|the|for) ")


def split_pairs(text: str, candidate: Candidate) -> list[Candidate]:
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
            left = [part for c in left if c.surface.casefold() not in NOT_NAMES for part in split_pairs(text, c)]
            return left + ([] if role_word(right.surface) or right.surface.casefold() in NOT_NAMES
                           else split_pairs(text, right))
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
    return bool(tokens) and title.casefold().rstrip(".") in PERSON_TITLES and rest[:1].isupper() and \
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
    name = left[tail_after_title(Candidate(left, 0, len(left), None)).start_char:]
    words, tokens = name.split(), key_tokens(name)
    if len(words) < 2 or not all(w[:1].isupper() and (w.isalpha() or INITIAL.fullmatch(w)) for w in words) or \
            not ORGANISATION_WORDS.isdisjoint(tokens) or tokens[-1] in THING_WORDS:
        return False
    kind = name_type(tokens)
    given = gazetteer.given_names()
    return kind == "person" or (kind == "unknown" and not any(map(english_word, words[-1:])) and all(
        (fold_word(w) in given or fold_word(w) in gazetteer.nicknames() or not english_word(w)) and
        not is_demonym(w) for w in words[:-1]))
