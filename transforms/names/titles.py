"""Titles and roles before a name: the sex a title gives ('Mrs.', 'Mr.', 'Sen.'), and a run cut to the name after a
role inside it ('Senate Majority Leader Mitch McConnell' -> 'Mitch McConnell')."""

import re

from transforms.lexicon import ORGANISATION_WORDS, ROYAL_TITLES, THING_WORDS, TITLES, fold_word
from transforms.names import gazetteer
from transforms.names.capitalised import Candidate
from transforms.names.name_words import OFFICES, PARTIES, TITLE_ABBREVIATIONS, key_tokens, name_type, role_word

_TITLE_BEFORE = re.compile(r"([A-Z][a-z]{1,12})\.?\s+$")
_FEMALE_TITLES = frozenset({"mrs", "ms", "miss", "madam", "madame", "lady", "queen", "princess", "sister"})
_MALE_TITLES = frozenset({"mr", "sir", "lord", "king", "prince", "father", "brother"})
PERSON_TITLES = frozenset({"dr", "sen", "rep", "sec", "gov", "gen", "col", "lt", "sgt", "capt", "president", "senator",
                           "governor", "secretary", "minister", "judge", "justice", "mayor", "ambassador",
                           "speaker", "chairman", "chairwoman", "congressman", "congresswoman", "representative",
                           "pope", "ayatollah", "sheikh", "premier", "chancellor", "prosecutor", "director",
                           "leader", "sheriff", "commissioner", "coach", "officer", "professor", "rabbi",
                           "reverend"}) | _FEMALE_TITLES | _MALE_TITLES
_HONORIFICS = TITLE_ABBREVIATIONS | {"professor", "rabbi", "reverend"}  # before a lone surname: no part of it


def title_before(text: str, start: int) -> str | None:
    """Text + where a name starts -> the sex its title gives: 'f' after 'Mrs.', 'm' after 'Mr.', 'p' after 'Sen.' (a
    person), None with no title."""
    found = _TITLE_BEFORE.search(text, max(0, start - 16), start)
    word = found.group(1).casefold() if found else ""
    if word not in PERSON_TITLES:
        return None
    return "f" if word in _FEMALE_TITLES else "m" if word in _MALE_TITLES else "p"
INITIAL = re.compile(r"[A-Z]\.")  # 'L.' of 'L. Francis Cissna'


def tail_after_title(candidate: Candidate) -> Candidate:
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
                all(w.group()[:1].isupper() and (w.group().isalpha() or INITIAL.fullmatch(w.group()))
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
