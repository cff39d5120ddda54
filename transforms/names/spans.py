"""Candidates -> candidates stretched or read apart to a name's whole span: a number or ordinal that belongs to it
('State Route 322', '1st District of Wisconsin'), acronyms a hyphen joins ('AP-GfK'), a body's word after a possessive
('Young America’s Foundation'), the fields a body's name lists ('Bureau of Alcohol, Tobacco, Firearms and
Explosives'); and the word tests a run is read apart or left by: a law of two fields ('Tax Cuts and Jobs Act' is one
name), a place by its words ('Quarry County'), a title shown twice back to back (no name)."""

import re

from transforms.lexicon import ORGANISATION_WORDS, THING_WORDS, TITLES, english_word, fold_word, word_classes
from transforms.names import gazetteer
from transforms.names.capitalised import WORD_BEFORE, Candidate
from transforms.names.name_words import PARTIES, TITLE_ABBREVIATIONS, key_tokens, name_type

_NUMBER_AFTER = re.compile(r" (\d{1,4})(?![\w%.,:/-]\w|[\w%-])")


def with_number(text: str, candidate: Candidate, tokens: tuple[str, ...]) -> tuple[Candidate, tuple[str, ...]]:
    """'State Route 322', 'Senate Bill 54': a run of several words of no person or place followed by a number that is
    no year is named with the number (without it, no name)."""
    found = " " in candidate.surface and _NUMBER_AFTER.match(text, candidate.end_char)  # (one word: none read)
    if not found or (len(found.group(1)) == 4 and found.group(1)[:2] in ("19", "20")) \
            or name_type(tokens) in ("person", "place"):
        return candidate, tokens
    end = found.end()
    return Candidate(text[candidate.start_char:end], candidate.start_char, end, candidate.note), \
        tokens + (found.group(1),)


# (a country's initials may stand between: '6th U.S. Circuit Court of Appeals', the country's own court)
_ORDINAL_BEFORE = re.compile(r"(?<![\w.,])(\d{1,3}(?:st|nd|rd|th)) (?:(?:[A-Z]\.){2,3} )?$")


def with_ordinal(text: str, candidate: Candidate, tokens: tuple[str, ...]) -> tuple[Candidate, tuple[str, ...]]:
    """'1st District of Wisconsin', '9th Circuit', '82nd Airborne Division', '4th U.S. Circuit': a name of no person
    or place after an ordinal number is named with it (without it, it is cut or no name at all)."""
    found = _ORDINAL_BEFORE.search(text, max(0, candidate.start_char - 13), candidate.start_char)
    if not found or name_type(tokens) in ("person", "place"):
        return candidate, tokens
    start = found.start()
    return Candidate(text[start:candidate.end_char], start, candidate.end_char, candidate.note), \
        (found.group(1),) + tokens


_JOINED_ACRONYMS = re.compile(r"[A-Z][A-Za-z]*[A-Z](?:-[A-Z][A-Za-z]*[A-Z])+")


def acronyms_apart(text: str, candidate: Candidate) -> list[Candidate]:
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
_PLURAL_GAP = frozenset({"’ ", "' "})  # 'Kurdistan Workers' Party'


def possessive_bodies(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """'Young America', 'Foundation' -> 'Young America’s Foundation': a name owning a body's word is that body's
    name ('People's Party'), read as one; a place or body owning one names itself and its part ('Britain's Parliament',
    'Justice Department’s Office of Professional Responsibility')."""
    out, i = [], 0
    while i < len(candidates):
        first = candidates[i]
        after = candidates[i + 1] if i + 1 < len(candidates) else None
        gap = text[first.end_char:after.start_char] if after else ""
        if after and (gap in _POSSESSIVE_GAP or (gap in _PLURAL_GAP and first.surface.endswith("s"))) and \
                (_owns_a_body(first, after) or (gap in _PLURAL_GAP and _members_own_a_body(first, after))) and \
                not _titled(text, first.start_char):
            out.append(Candidate(text[first.start_char:after.end_char], first.start_char, after.end_char, None))
            i += 2
            continue
        out.append(first)
        i += 1
    return out



def _titled(text: str, start: int) -> bool:
    """Whether a person's title stands before a name ('Speaker Quist's House Democrats'): its owner is a person, and
    what it owns no body's name."""
    found = WORD_BEFORE.search(text, max(0, start - 16), start)
    return found is not None and (found.group(1).casefold() in TITLES or
                                  found.group(1).casefold() in TITLE_ABBREVIATIONS)


# Bodies a person, party or place has rather than names: 'Kerry's Senate confirmation', 'the GOP's Senate majority'.
_BODIES_HELD = frozenset({"senate", "house", "congress", "parliament", "army", "navy", "party", "administration",
                          "government", "court", "cabinet", "team", "police", "forces", "guard", "assembly"})


def _owns_a_body(first: Candidate, after: Candidate) -> bool:
    """Whether a name and the body's word after its possessive are one body's name ('Young America’s Foundation')."""
    words = after.surface.split()
    tokens = key_tokens(first.surface)
    return fold_word(words[0]) in ORGANISATION_WORDS and not first.note and not after.note and \
        not (len(words) == 1 and words[0].casefold() in _BODIES_HELD and
             not (_common_plural(tokens[-1:]) and name_type(tokens) != "person")) and \
        not first.surface.isupper() and \
        not (len(tokens) == 1 and tokens[0] in gazetteer.given_names()) and \
        name_type(tokens) not in ("place", "organisation")


def _members_own_a_body(first: Candidate, after: Candidate) -> bool:
    """'White House Correspondents', 'Association' -> True: a class of people named in the plural, whatever body or
    place opens its name, owns the body or day after its apostrophe ('Indigenous Peoples’ Day'); a party's members or
    a name ending in a surname ('Ada Banks’ Mom', 'Valley News’ Ted') own none, nor does a team own its ground or hall
    ('Velmar Rovers’ Brixton Arena': a team's name is a plural too, and a venue's last word names a thing)."""
    tokens, words = key_tokens(first.surface), key_tokens(after.surface)
    return len(tokens) >= 2 and bool(words) and not first.note and not after.note and \
        _common_plural(tokens[-1:]) and (words[0] in ORGANISATION_WORDS or words[-1] == "day") and \
        name_type(tokens) != "person"


_PEOPLE = frozenset({"people", "peoples", "women", "men", "children"})  # plurals without an 's' of their own


def _common_plural(tokens: tuple[str, ...]) -> bool:
    """('people',), ('workers',) -> True: a plural common noun for a class of people owns no body but names one ('the
    Korean People's Army', 'Kurdistan Workers' Party'); a party's members ('Democrats') do own theirs."""
    if not tokens or tokens[0] in PARTIES or tokens[0].rstrip("s") in PARTIES:
        return False
    word = tokens[0]
    return word in _PEOPLE or (word.endswith("s") and "NOUN" in word_classes(word[:-1]))


_BODY_OF = re.compile(r"\w+ of [A-Z][a-z]+$")


_LAST_OF_LIST = re.compile(r"(?:[A-Z][a-z]+ and )?[A-Z][a-z]+$")


def comma_lists(text: str, candidates: list[Candidate]) -> list[Candidate]:
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


# Last words of a law's name, which English titles by the fields it covers joined with 'and' ('Farm Credit and
# Rural Lending Act').
_LAW_WORDS = frozenset({"act", "acts"})


def law_of_two_fields(left: str, right: str) -> bool:
    """'Tax Cuts', 'Jobs Act' -> True: the right side ends as a law's name, and the left, of two words or more, is a
    field named in plain English words, none a given name ('Clean Streams Act and Rural Lending Act', 'Ada Quist and
    Voting Rights Act', 'Ohio and Fair Housing Act' are two; so is a company's or club's name of words English lacks,
    'Brixcorp Holdings and Clean Water Act')."""
    left_tokens, right_tokens = key_tokens(left), key_tokens(right)
    return len(right_tokens) >= 2 and right_tokens[-1] in _LAW_WORDS and len(left_tokens) >= 2 and \
        left_tokens[-1] not in THING_WORDS and name_type(left_tokens) == "unknown" and \
        all(english_word(word) and word.casefold() not in gazetteer.given_names() for word in left.split()
            if not word.islower())  # ('Relief for Farmers and Rural Lending Act': 'for' is a function word)


def a_place(side: str) -> bool:
    """'New York', 'Quarry County', 'Fort Brixley' -> True: a place the gazetteer knows, or one its words name (a
    county's, island's or fort's)."""
    tokens = key_tokens(side)
    return bool(tokens) and (gazetteer.places().is_place(" ".join(tokens)) or name_type(tokens) == "place")


def _phrase(words: str) -> bool:
    """'Storm in Ostrava' -> True, 'Velmar Rovers' -> False: a title holds a word in lower case; capitalised words
    only, written twice, are a name said twice ('Quandle City Quandle City' chanted), read once as a name."""
    return any(word.islower() for word in words.split())


def repeated_title(text: str, candidate: Candidate) -> bool:
    """A run of words written twice back to back, or running from the end of such words into their second copy: a
    gallery's or player's title shown twice ('Highlights of the Gala Highlights of the Gala', 'Storm in Ostrava Storm
    in Ostrava' read as 'Ostrava Storm'), no name of its own."""
    start, end, surface = candidate.start_char, candidate.end_char, candidate.surface
    if " " not in surface or name_type(key_tokens(surface)) == "person":
        return False  # ('Ada Quist Ada QuistHouse': a person's name shown again by a tooltip is read by `tidy`)
    if text[end:end + 1] == " " and text.startswith(surface, end + 1) and _phrase(surface) and \
            not text[end + 1 + len(surface):end + 2 + len(surface)].isalnum():
        return True
    at = surface.find(" ")
    while at >= 0:
        junction = start + at
        after = text[junction + 1:junction + 81]
        before = text[max(0, junction - 80):junction]
        word = after.split(" ", 1)[0]
        found = before.rfind(word)
        while found >= 0:
            copy = before[found:]
            if " " in copy and copy.replace(" ", "").isalnum() and _phrase(copy) and after.startswith(copy) and \
                    (found == 0 or not before[found - 1].isalnum()):  # (words only: 'North Carolina, South Carolina')
                return True
            found = before.rfind(word, 0, found)
        at = surface.find(" ", at + 1)
    return False
