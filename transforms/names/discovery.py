"""Names the entity table does not list -> mentions of discovered entities, resolved within their article.

Each name left unmatched becomes a mention under a provisional id made from its folded key ('n:barack-obama'):
a full name as written (`discovered`); a surname, titled form ('Mr. Obama', 'Sen. Warren') or possessive resolved
to the one full name of the article that ends with it (`surname_in_article`), with a title's sex deciding between
two ('Mrs. Clinton'); an acronym the article spells out ('Government of National Accord (GNA)') resolved to its
expansion (`acronym`). A lone word the article never explains waits for the corpus (`pending`, `pending_m`,
`pending_f`, `pending_person` when a title shows a person); two full names ending in it and nothing to decide
leave it a candidate noted as ambiguous. The corpus-wide step (`resolution`) merges spellings and links the rest.
"""

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from transforms.lexicon import DEMONYMS, NOT_NAMES, TITLES, fold_word, is_demonym
from transforms.names import gazetteer
from transforms.names.matching import Candidate, Mention
from transforms.names.variants import skeleton

PREFIX = "n:"  # provisional ids: never equal to an entity table id
SEX_MARK = "+"  # 'n:clinton+f': a lone surname after a woman's title
# match_kind of a discovered name's mention, as the batch writes it (the catalog may refine pending and discovered).
DISCOVERED_KINDS = ("discovered", "surname_in_article", "acronym", "pending", "pending_m", "pending_f",
                    "pending_person")
CURATED_KINDS = ("alias", "surname", "surname_in_context", "variant")  # mentions of the entity table's entities
PERSON_KINDS = frozenset({"surname_in_article", "pending_m", "pending_f", "pending_person"})
_WORD = re.compile(r"[^\W_]+(?:[’'][^\W_]+)?")
_ACRONYM = re.compile(r"[A-Z][A-Za-z]?[A-Z]+s?")
_TITLE_BEFORE = re.compile(r"([A-Z][a-z]{1,12})\.?\s+$")
_FEMALE_TITLES = frozenset({"mrs", "ms", "miss", "madam", "madame", "lady", "queen", "princess", "sister"})
_MALE_TITLES = frozenset({"mr", "sir", "lord", "king", "prince", "father", "brother"})
_PERSON_TITLES = frozenset({"dr", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "president", "senator",
                            "governor", "secretary", "minister", "judge", "justice", "mayor", "ambassador",
                            "speaker", "chairman", "chairwoman", "congressman", "congresswoman", "representative",
                            "pope", "ayatollah", "sheikh", "premier", "chancellor", "prosecutor", "director",
                            "leader", "sheriff", "commissioner", "coach", "officer"}) | _FEMALE_TITLES | _MALE_TITLES
# Words that make a name an organisation's: general English, not fitted to any corpus.
ORGANISATION_WORDS = frozenset("""party army group council ministry agency organization organisation front
movement brigade brigades union committee commission court bank company corporation corp inc llc ltd co institute
university college school academy foundation association federation league news times post journal tribune herald
gazette telegraph guardian review magazine press network radio television tv channel media studios airlines
airways administration department office bureau service services authority board senate congress parliament
assembly house caucus coalition alliance club team fund reserve trust holdings partners church hospital police
center centre society forces force guard guards navy command campaign foundation exchange association""".split())
# Offices that end a run of capitalised words that is a role, not a name ('Homeland Security Secretary').
_OFFICES = frozenset("""secretary minister spokesman spokeswoman spokesperson director chairman chairwoman
ambassador envoy adviser advisor commissioner governor senator""".split())
_SEPARATOR = re.compile(r"[\s\-‐‑–—]+")
_POSSESSIVE = re.compile(r"['’]s?$")


@dataclass(frozen=True)
class Name:
    """A candidate read as a name: its span, folded key tokens, and the sex a title before it gives."""

    start: int
    end: int
    surface: str
    tokens: tuple[str, ...]
    title: str | None  # 'm', 'f', 'p' (a person, sex unknown) or None


def provisional_id(tokens: tuple[str, ...] | list[str]) -> str:
    """('barack', 'obama') -> 'n:barack-obama': the id a discovered name carries until the corpus-wide step."""
    return PREFIX + "-".join(tokens)


@lru_cache(maxsize=1 << 17)  # names repeat across a corpus' articles
def key_tokens(surface: str) -> tuple[str, ...]:
    """'Donald J. Trump's' -> ('donald', 'trump'): folded words, possessive and middle initials dropped."""
    words = [fold_word(_POSSESSIVE.sub("", w)) for w in _WORD.findall(surface)]
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
    if places.is_place(key):
        return "place"
    given = gazetteer.given_names()
    if len(tokens) >= 2 and tokens[0] in given and tokens[0] not in NOT_NAMES and "of" not in tokens:
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
    if " " not in candidate.surface or not any(map(_role_word, candidate.surface.split()[:-1])):
        return candidate
    words = list(re.finditer(r"\S+", candidate.surface))
    for i in range(len(words) - 2, -1, -1):
        if _role_word(words[i].group()):
            rest = words[i + 1:]
            if rest and fold_word(rest[0].group()) in gazetteer.given_names():
                cut = rest[0].start()
                return Candidate(candidate.surface[cut:], candidate.start_char + cut, candidate.end_char,
                                 candidate.note)
            break
    return candidate


def _split_pairs(text: str, candidate: Candidate) -> list[Candidate]:
    """'Hillary Clinton and Bill Clinton', 'Jordan Libowitz of Citizens for Ethics', 'Canada and Mexico', 'Thune and
    Cornyn', 'Ted Cruz on Twitter', 'Obama and the White House' -> both names; 'CEOs of Merck' -> the name;
    'Department of Health and Human Services', 'Procter and Gamble' stay whole."""
    surface = candidate.surface.replace(" And ", " and ")
    if candidate.note or not any(j in surface for j in (" of ", " and ", " on ", " as ")):
        return [candidate]
    for joiner in (" and the ", " on ", " as ", " of ", " and "):
        at = surface.find(joiner)
        if at >= 0 and _split_at(text, surface, at, joiner):
            cut, start = at + len(joiner), candidate.start_char
            left = [] if joiner == " of " and _role_word(surface[:at]) else \
                [Candidate(candidate.surface[:at], start, start + at, None)]
            right = Candidate(candidate.surface[cut:], start + cut, candidate.end_char, None)
            left = [c for c in left if c.surface.casefold() not in NOT_NAMES]
            return left + ([] if _role_word(right.surface) or right.surface.casefold() in NOT_NAMES
                           else _split_pairs(text, right))
    return [candidate]


def _role_word(word: str) -> bool:
    """'Senators', 'CEOs': a role, or its plural, standing before a name."""
    lower = word.casefold().rstrip(".")
    plural = lower.endswith("s") and (lower[:-1] in TITLES or (len(word) >= 4 and word[:-1].isupper()))
    return lower in TITLES or plural


def _split_at(text: str, surface: str, at: int, joiner: str) -> bool:
    """Whether a run splits at this joiner into two names (or a role and a name)."""
    left, right = surface[:at], surface[at + len(joiner):]
    if joiner == " and the " or (" " not in right and _role_word(right)):
        return True  # 'Barack Obama and the White House', 'John Thune and Sen.': a name does not go on so
    words, right_words = set(key_tokens(left)), set(key_tokens(right))
    if joiner == " as ":
        return True  # 'Thomas Perez as Labor secretary'
    if joiner == " on ":  # 'Council on Foreign Relations' stays whole; 'The Blaze TV on Wednesday' does not
        return not words & ORGANISATION_WORDS or right.split()[0].casefold() in NOT_NAMES
    if joiner == " of ":
        return " " not in left and _role_word(left) or name_type(key_tokens(left)) == "person"
    if " of " not in left and " for " not in left and all(
            side.isupper() or set(key_tokens(side)) & ORGANISATION_WORDS for side in (left, right)):
        return True  # 'White House and Congress', 'ICE and CBP'; not 'Department of Health and Human Services'
    if words & ORGANISATION_WORDS or right_words & ORGANISATION_WORDS or "the" in words:
        return False  # 'Immigration and Customs Enforcement'
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
_PARTICLE_BEFORE = re.compile(r"\b(?:Van|Von|De|Del|Da|Di|Du|Le|La|Al|El|Bin|Ben|Abu|Mac|St)\.? $")


def _tidy(text: str, candidate: Candidate) -> Candidate:
    """A candidate cut to its name: no party tag, no shouted word after it ('Bill Barr REALLY'), and no sentence
    opener that is not a given name before it ('Banishing Kelly', 'Members of The POLITICO Caucus')."""
    surface, start = candidate.surface, candidate.start_char
    for pattern in (_PARTY_TAG, _SHOUTED):
        found = pattern.search(surface)
        if found and not surface.isupper():
            surface = surface[:found.start()]
    words = surface.split(" ")
    if len(words) >= 2 and words[-1].casefold() in TITLES and text[start + len(surface):][:1] == ".":
        words = words[:-1]  # 'Vermont Sen. Bernie Sanders': the title belongs to the next name
        while len(words) > 1 and words[-1].casefold() in ("and", "of", "the", "for", "on", "as"):
            words = words[:-1]  # 'Sen. John Thune and Sen. John Cornyn'
        surface = " ".join(words)
    again = [i for i, w in enumerate(words) if i >= 2 and w == words[0]]
    if again:  # 'Kathleen Rice Kathleen Maura RiceProgressive': a name written twice, glued to the next words
        words = words[:again[0]]
        surface = " ".join(words)
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


def _headline_case(surface: str) -> bool:
    """A run with a capitalised small word after its first ('Cruz Shouted Down After Refusing'): a headline."""
    return any(w[:1].isupper() and w.casefold() in NOT_NAMES and w != "The" for w in surface.split()[1:])


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
    for candidate in (part for c in candidates for part in _split_pairs(text, _tidy(text, c))):
        if (candidate.note or "").startswith("ambiguous"):
            left.append(candidate)
            continue
        candidate = _tail_after_title(candidate)
        tokens = key_tokens(candidate.surface)
        if not candidate.surface.strip():
            continue
        if " " in candidate.surface and (candidate.surface.isupper() or _headline_case(candidate.surface)):
            left.append(candidate)  # 'SHOOT FIRST AND TALK LATER', 'Israel Continues Strikes On Gaza': no names
            continue
        if (len(tokens) == 1 and tokens[0] in ORGANISATION_WORDS) or (tokens and tokens[-1] in _OFFICES):
            left.append(candidate)  # 'Department' alone, 'Homeland Security Secretary': no names
            continue
        last = candidate.surface.split()[-1]
        if not tokens or max(map(len, tokens)) < 3 or not candidate.surface[:1].isupper() or \
                (is_demonym(last) and (len(tokens) == 1 or last.casefold() in DEMONYMS or
                                       tokens[0] not in gazetteer.given_names())):  # 'North African'; 'Jordan Fabian'
            left.append(candidate)
            continue
        names.append(Name(candidate.start_char, candidate.end_char, candidate.surface, tokens,
                          _title(text, candidate.start_char)))
    return names, left


def _initials(surface: str) -> str:
    words = [w for w in _SEPARATOR.split(surface) if w]
    return "".join(w[0] for w in words if w[:1].isupper())


def _spelled_out(name: Name, acronym: str) -> Name | None:
    """The shortest tail of a name whose initials spell the acronym ('Agents of the Federal Bureau of Investigation'
    + 'FBI' -> 'Federal Bureau of Investigation')."""
    words = list(re.finditer(r"\S+", name.surface))
    letters = acronym[:-1].upper() if acronym.endswith("s") else acronym.upper()
    for i in range(len(words) - 1, -1, -1):
        if not words[i].group()[:1].isupper():
            continue
        tail = name.surface[words[i].start():]
        tokens = key_tokens(tail)
        initials = (_initials(tail).upper(), "".join(t[0] for t in tokens).upper())
        # an acronym may drop a last word the name gained later ('Centers for Disease Control and Prevention (CDC)')
        if len(tokens) >= 2 and (letters in initials or (len(letters) >= 3 and any(
                i.startswith(letters) and len(i) == len(letters) + 1 for i in initials))):
            return Name(name.start + words[i].start(), name.end, tail, tokens, name.title)
    return None


def expansions(text: str, names: list[Name]) -> tuple[list[Name], dict[str, tuple[str, ...]]]:
    """Names + the acronyms the text spells out after them ('Government of National Accord (GNA)') -> (the names,
    each cut to what the acronym spells; acronym -> key of its name)."""
    found, out = {}, []
    for name in names:
        match = re.match(r"\s*\(([A-Z][A-Za-z]{1,7})\)", text[name.end:name.end + 12])
        spelled = _spelled_out(name, match.group(1)) if match else None
        if spelled:
            found.setdefault(match.group(1), spelled.tokens)
            name = spelled
        out.append(name)
    return out, found


def _people(names: list[Name]) -> dict[tuple[str, ...], tuple[str, str]]:
    """Full names of people in the text -> (the sex of the given name: 'm', 'f' or 'u'; the surname as written)."""
    given = gazetteer.given_names()
    return {n.tokens: (given.get(n.tokens[0], "u"), _WORD.findall(n.surface)[-1]) for n in names
            if len(n.tokens) >= 2 and name_type(n.tokens) in (("person", "unknown") if n.title else ("person",))
            and _JOINING.isdisjoint(n.surface.split())}


_JOINING = frozenset({"and", "of", "on", "the", "for", "And", "The"})  # no person's full name holds these


def _bearers(tokens: tuple[str, ...], sex: str | None, people: dict[tuple[str, ...], tuple[str, str]],
             tails: dict[tuple[str, ...], list[tuple[str, ...]]]) -> list[tuple[str, ...]]:
    """Full names of the text ending in these tokens; a title's sex rules out names given to the other sex."""
    found = tails.get(tokens, [])
    if not found and len(tokens) == 1 and len(tokens[0]) >= 5:  # 'Zelensky' after 'Volodymyr Zelenskiy'
        found = [p for p in people if skeleton(p[-1]) == skeleton(tokens[0])]
    if sex in ("m", "f"):  # 'Mr. Romney' is not the article's Ann Romney
        found = [p for p in found if people[p][0] in (sex, "u")]
    return found


def _tails(people: dict, names: list[Name]) -> dict[tuple[str, ...], list[tuple[str, ...]]]:
    """Each shorter tail of the text's full names ('obama', 'ocasio cortez') -> the names ending in it; and under
    ('?', surname) the two-word names of no known type ending in it ('Mitt Romney'), which may be people too."""
    tails: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    for person in people:
        for n in range(1, len(person)):
            tails.setdefault(person[-n:], []).append(person)
    for name in names:
        if len(name.tokens) == 2 and name.tokens not in people and ("?", name.tokens[1]) not in tails and \
                name_type(name.tokens) == "unknown" and _JOINING.isdisjoint(name.surface.split()):
            tails[("?", name.tokens[1])] = [name.tokens]
    return tails


def _mention(name: Name, tokens: tuple[str, ...], kind: str) -> Mention:
    return Mention(provisional_id(tokens), name.surface, name.surface.split()[-1] if kind != "acronym" else
                   name.surface, name.start, name.end, kind)


def _resolve_short(name: Name, people: dict, tails: dict, acronyms: dict) -> Mention | Candidate:
    bearers = _bearers(name.tokens, name.title, people, tails)
    if len(bearers) == 1 and not (name.title in ("m", "f") and people[bearers[0]][0] == name.title):
        # 'Romney' beside 'Ann Romney' and a 'Mitt Romney' the given-name list does not know: two bearers
        bearers = bearers + tails.get(("?",) + name.tokens, [])
    elif not bearers and name.title:  # 'Mr. Romney' beside 'Mitt Romney': the title shows a person
        bearers = tails.get(("?",) + name.tokens, [])
    if len(bearers) == 1:
        return _mention(name, bearers[0], "surname_in_article")
    if len(bearers) > 1:
        note = "ambiguous: " + ", ".join(" ".join(b).title() for b in sorted(bearers))
        return Candidate(name.surface, name.start, name.end, note)
    if name.surface in acronyms:
        return _mention(name, acronyms[name.surface], "acronym")
    if len(name.tokens) > 1:
        return _mention(name, name.tokens, "discovered")
    kind = {"m": "pending_m", "f": "pending_f", "p": "pending_person"}.get(name.title or "", "pending")
    mention = _mention(name, name.tokens, kind)
    if name.title in ("m", "f"):  # a title's sex narrows the bearers: its own id, linked on its own
        mention = Mention(mention.entity_id + SEX_MARK + name.title, *list(mention.__dict__.values())[1:])
    return mention


def discover(text: str, mentions: list[Mention], candidates: list[Candidate]
             ) -> tuple[list[Mention], list[Candidate]]:
    """Text + its mentions of listed entities + the candidates left -> (mentions with the discovered ones added,
    candidates left: ambiguous or unreadable names)."""
    names, left = read_names(text, candidates)
    names, acronyms = expansions(text, names)
    people = _people(names)
    tails = _tails(people, names)
    found = list(mentions)
    for name in names:
        if name.tokens in people or (len(name.tokens) > 1 and name_type(name.tokens) != "unknown"
                                     and name.tokens not in tails):
            found.append(_mention(name, name.tokens, "discovered"))
            continue
        resolved = _resolve_short(name, people, tails, acronyms)
        (found if isinstance(resolved, Mention) else left).append(resolved)
    extra, ambiguous = _unwritten_surnames(text, found, left, people)
    found += extra
    left += ambiguous
    found += _unwritten_acronyms(text, found, acronyms)
    return sorted(found, key=lambda m: m.start_char), sorted(left, key=lambda c: c.start_char)


def _unwritten_acronyms(text: str, found: list[Mention], acronyms: dict) -> list[Mention]:
    """The spelled-out acronyms where no candidate was read: in their parentheses, or opening a sentence."""
    taken = {m.start_char for m in found}
    extra = []
    for acronym, tokens in acronyms.items():
        for match in re.finditer(r"\b" + re.escape(acronym) + r"\b", text):
            if match.start() not in taken:
                extra.append(Mention(provisional_id(tokens), acronym, acronym, match.start(), match.end(), "acronym"))
    return extra


def _occurrences(text: str, words) -> list[tuple[str, int, int]]:
    """Whole-word occurrences of each word in the text, found with str.find (no pattern to compile per text)."""
    found = []
    for word in words:
        at = text.find(word)
        while at >= 0:
            end = at + len(word)
            if (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
                found.append((word, at, end))
            at = text.find(word, end)
    return found


def _unwritten_surnames(text: str, found: list[Mention], left: list[Candidate], people: dict
                        ) -> tuple[list[Mention], list[Candidate]]:
    """Surnames of the text's full names where no candidate was read (opening a sentence or a headline)."""
    by_surname: dict[str, list[tuple[str, ...]]] = {}
    for person, (_, surname) in people.items():
        if surname.casefold() not in NOT_NAMES and len(surname) >= 3 and surname[0].isupper() and \
                not is_demonym(surname):
            by_surname.setdefault(surname, []).append(person)
    if not by_surname:
        return [], []
    spans = sorted([(m.start_char, m.end_char) for m in found] + [(c.start_char, c.end_char) for c in left])
    starts = [a for a, _ in spans]
    extra, ambiguous = [], []
    for surname, start, end in _occurrences(text, by_surname):
        at = bisect_right(starts, end - 1) - 1  # the last span opening before this match ends
        if (at >= 0 and spans[at][1] > start) or text[end:end + 1] == "-" or re.match(r"\s+[A-Z]", text[end:end + 2]) \
                or _PARTICLE_BEFORE.search(text, max(0, start - 5), start):
            continue  # inside a longer name: 'Dyke' in 'Van Dyke'
        bearers = by_surname[surname]
        if len(bearers) == 1:
            extra.append(Mention(provisional_id(bearers[0]), surname, surname, start, end, "surname_in_article"))
        else:
            note = "ambiguous: " + ", ".join(" ".join(b).title() for b in sorted(bearers))
            ambiguous.append(Candidate(surname, start, end, note))
    return extra, ambiguous
