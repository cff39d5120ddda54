"""Names the entity table does not list -> mentions of discovered entities, resolved within their article.

Each name left unmatched becomes a mention under a provisional id made from its folded key ('n:barack-obama'):
a full name as written (`discovered`); a surname, titled form ('Mr. Obama', 'Sen. Warren') or possessive resolved
to the one full name of the article that ends with it (`surname_in_article`), with a title's sex deciding between
two ('Mrs. Clinton'); an acronym the article spells out ('Government of National Accord (GNA)') resolved to its
expansion (`acronym`). A lone word the article never explains waits for the corpus (`pending`, `pending_m`,
`pending_f`, `pending_person` when a title shows a person); two full names ending in it and nothing to decide
go to the one the article wrote in full last before it (`surname_last_named`: "Clinton, though, said" right after
Bill Clinton's words), as a reader takes it; with none written before it, it stays a candidate noted as ambiguous.
How short forms are read (last named, pronouns, given names, capitals) is in `short_forms`. The corpus-wide step
(`resolution`) merges spellings and links the rest.
"""

import re
from bisect import bisect_right
from collections.abc import Callable

from transforms.lexicon import MONTHS, NOT_NAMES, fold_word, is_demonym
from transforms.names import gazetteer
from transforms.names.acronyms import expansions
from transforms.names.capitalised import Candidate
from transforms.names.matching import Mention
from transforms.names.name_words import WORD, key_tokens, name_type, whole_words
from transforms.names.openers import in_handle
from transforms.names.reading import Name, read_names
from transforms.names.short_forms import (
    dateline_place,
    family_name_first,
    given_name_of,
    name_goes_on,
    pick_bearer,
    shouted_person,
    shouts,
    surname_not_place,
    surnames_apart,
    titled_for_another,
    written_in_full,
)
from transforms.names.titles import title_before
from transforms.names.variants import skeleton

PREFIX = "n:"  # provisional ids: never equal to an entity table id
SEX_MARK = "+"  # 'n:clinton+f': a lone surname after a woman's title
# match_kind of a discovered name's mention, as the batch writes it (the catalog may refine pending and discovered).
DISCOVERED_KINDS = ("discovered", "surname_in_article", "surname_last_named", "given_name_in_article", "acronym",
                    "pending", "pending_m", "pending_f", "pending_person")
CURATED_KINDS = ("alias", "surname", "surname_in_context", "variant")  # mentions of the entity table's entities
# A short form resolved to a person's full name in its article.
SURNAME_KINDS = frozenset({"surname_in_article", "surname_last_named", "given_name_in_article"})
PERSON_KINDS = SURNAME_KINDS | {"pending_m", "pending_f", "pending_person"}
_PARTICLE_WRITTEN = re.compile(r"(?<![\w-])(bin|ibn|ben|abu|al|el|de|da|du|la|le|van|von|der|den|del)[ -]$")
_OWNS_A_NAME = re.compile(r"['’]s ([A-Z][a-z]+) [A-Z][a-z]")
_STATE_AFTER = re.compile(r", ([A-Z][a-z]{1,4}\.|[A-Z][a-z]+(?: [A-Z][a-z]+)?)")
_NOT_STATES = frozenset({"jr", "sr", "mr", "mrs", "ms", "dr", "st", "gov", "gen", "sen", "rep", "lt", "col", "sgt",
                         "capt", "prof", "rev", "inc", "corp", "ltd", "co", "no", "vol"})
# A lone word that says or writes something is a person's surname, not a thing's last word ('Romney said').
_SPEAKS = re.compile(r",? (?:said|says|told|added|wrote|writes|asked|argued|explained|recalled|testified)\b")
_WITH_ME = re.compile(r" and (?:I|me)\b")  # 'until Ada and I left': a person, whatever town bears the name
_PARTICLE_BEFORE = re.compile(r"\b(?:Van|Von|De|Del|Da|Di|Du|Le|La|Al|El|Bin|Ben|Abu|Mac|St)\.? $")


def provisional_id(tokens: tuple[str, ...] | list[str]) -> str:
    """('barack', 'obama') -> 'n:barack-obama': the id a discovered name carries until the corpus-wide step."""
    return PREFIX + "-".join(tokens)


def _people(names: list[Name]) -> dict[tuple[str, ...], tuple[str, str]]:
    """Full names of people in the text -> (the sex of the given name: 'm', 'f' or 'u'; the surname as written)."""
    given = gazetteer.given_names()
    return {n.tokens: (given.get(n.tokens[0], "u"), WORD.findall(n.surface)[-1]) for n in names
            if len(n.tokens) >= 2 and name_type(n.tokens) in (("person", "unknown") if n.title else ("person",))
            and _JOINING.isdisjoint(n.surface.split()) and not _ACRONYM_LAST.search(n.surface)}


_JOINING = frozenset({"and", "of", "on", "the", "for", "And", "The"})  # no person's full name holds these
# 'Dakota GOP', 'Harbor PAC', 'Eastvale VA': a name ending in an acronym after a word in plain case is a body's or a
# branch's, and the acronym alone is that body, no surname ('Walt Pemberton III' ends in a numeral)
_ACRONYM_LAST = re.compile(r"\b[A-Z][a-z]+\b.* (?![IVXLC]+\b)[A-Z]{2,}(?:['’]s?)?$")


def _bearers(tokens: tuple[str, ...], sex: str | None, people: dict[tuple[str, ...], tuple[str, str]],
             tails: dict[tuple[str, ...], list[tuple[str, ...]]]) -> list[tuple[str, ...]]:
    """Full names of the text ending in these tokens; a title's sex rules out names given to the other sex, and
    picks the one name given to that sex over names given to both."""
    found = tails.get(tokens, [])
    if not found and len(tokens) == 1 and len(tokens[0]) >= 5:  # 'Zelensky' after 'Volodymyr Zelenskiy'
        first, target = tokens[0][0], skeleton(tokens[0])  # the same first letter, then the same skeleton
        found = [p for p in people if p[-1][:1] == first and skeleton(p[-1]) == target]
    if sex in ("m", "f"):  # 'Mr. Romney' is not the article's Ann Romney; 'Mrs. Sanders' is Sarah, not Bernie
        strict = [p for p in found if people[p][0] == sex]
        found = strict if len(strict) == 1 else [p for p in found if people[p][0] in (sex, "u")]
    return found


def _tails(people: dict, names: list[Name]) -> dict[tuple[str, ...], list[tuple[str, ...]]]:
    """Each shorter tail of the text's full names ('obama', 'ocasio cortez') -> the names ending in it; and under
    ('?', surname) the two-word names of no known type ending in it ('Mitt Romney'), which may be people too."""
    tails: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    # A name written only as one hyphenated word ('Ruiz-Quist', 'the Lowe-Marsh plan') is a double surname or
    # two people's surnames joined, never a given name and a surname: it bears no shorter surname.
    spaced = {n.tokens for n in names if " " in n.surface.strip()}
    for person in people:
        if person not in spaced:
            continue
        for n in range(1, len(person)):
            tails.setdefault(person[-n:], []).append(person)
    for name in names:
        if len(name.tokens) == 2 and name.tokens not in people and ("?", name.tokens[1]) not in tails and \
                name_type(name.tokens) == "unknown" and _JOINING.isdisjoint(name.surface.split()) and \
                " " in name.surface.strip() and not _ACRONYM_LAST.search(name.surface):
            tails[("?", name.tokens[1])] = [name.tokens]
    return tails


def _mention(name: Name, tokens: tuple[str, ...], kind: str) -> Mention:
    return Mention(provisional_id(tokens), name.surface, name.surface.split()[-1] if kind != "acronym" else
                   name.surface, name.start, name.end, kind)


def _with_particle(text: str, name: Name, bearer: tuple[str, ...]) -> Name:
    """'bin Laden' for Osama bin Laden: a lower-case particle before a surname that the full name has too is part of
    the mention."""
    found = _PARTICLE_WRITTEN.search(text, max(0, name.start - 5), name.start)
    if not found or len(bearer) < 3 or fold_word(found.group(1)) != bearer[-2]:
        return name
    return Name(found.start(), name.end, text[found.start():name.end], name.tokens, name.title)


def _resolve_short(text: str, name: Name, people: dict, tails: dict, acronyms: dict,
                   written: dict[tuple[str, ...], list[int]], speakers: list[tuple[str, ...]]) -> Mention | Candidate:
    bearers = _bearers(name.tokens, name.title, people, tails)
    if len(bearers) == 1 and not (name.title in ("m", "f") and people[bearers[0]][0] == name.title):
        # 'Romney' beside 'Ann Romney' and a 'Mitt Romney' the given-name list does not know: two bearers
        bearers = bearers + tails.get(("?",) + name.tokens, [])
    elif not bearers and (name.title or _SPEAKS.match(text, name.end)):
        bearers = tails.get(("?",) + name.tokens, [])  # 'Mr. Romney', 'Romney said' beside 'Mitt Romney': a person
    if bearers:
        bearer, kind = pick_bearer(text, bearers, written, people, (name.start, name.end), by_sex=not name.title)
        if bearer is None:
            return Candidate(name.surface, name.start, name.end, kind)
        return _mention(_with_particle(text, name, bearer), bearer, kind)
    if name.surface in acronyms:
        return _mention(name, acronyms[name.surface], "acronym")
    if len(name.tokens) > 1:
        return _mention(name, name.tokens, "discovered")
    speaks = _SPEAKS.match(text, name.end) is not None or _WITH_ME.match(text, name.end) is not None
    owner = None if name.title else given_name_of(text, name, people, speakers, speaks)
    if owner:
        return _mention(name, owner, "given_name_in_article")
    owner = family_name_first(text, name, people)
    if owner:
        return _mention(name, owner, "surname_in_article")
    kind = {"m": "pending_m", "f": "pending_f", "p": "pending_person"}.get(name.title or "", "pending")
    mention = _mention(name, name.tokens, kind)
    if name.title in ("m", "f"):  # a title's sex narrows the bearers: its own id, linked on its own
        mention = Mention(mention.entity_id + SEX_MARK + name.title, *list(mention.__dict__.values())[1:])
    return mention


def discover(text: str, mentions: list[Mention], candidates: list[Candidate]
             ) -> tuple[list[Mention], list[Candidate]]:
    """Text + its mentions of listed entities + the candidates left -> (mentions with the discovered ones added,
    candidates left: ambiguous or unreadable names)."""
    mentions, again = titled_for_another(text, [_state_written_out(text, m) for m in mentions])
    names, left = read_names(text, sorted(candidates + again, key=lambda c: c.start_char))
    names, acronyms = expansions(text, names)
    people = _people(names)
    names, listed = surnames_apart(names, people, mentions)
    tails = _tails(people, names)
    written = written_in_full(names)
    unknown = _speaking_unknown(text, names, tails)
    found = [_surname_for_place(text, m, people, tails, acronyms, written, unknown) for m in mentions] + listed
    for name in names:
        if text[name.end:name.end + 1] in _EPONYM_STARTS and _EPONYM_AFTER.match(text, name.end):
            left.append(Candidate(name.surface, name.start, name.end, "names an illness after it"))
            continue
        if (text.startswith(" v", name.end) and _CASE_AFTER.match(text, name.end)) or (
                " v" in text[max(0, name.start - 5):name.start] and
                _CASE_BEFORE.search(text, max(0, name.start - 40), name.start)):
            left.append(Candidate(name.surface, name.start, name.end, "a party in a court case's name"))
            continue
        if name.tokens in people or (len(name.tokens) > 1 and name_type(name.tokens) != "unknown"
                                     and name.tokens not in tails):
            found.append(_mention(name, name.tokens, "discovered"))
            continue
        if len(name.tokens) == 1 and not name.title and _employer(text, name):
            left.append(Candidate(name.surface, name.start, name.end, "owns the name after it: an outlet or employer"))
            continue
        if len(name.tokens) == 1 and _before_its_state(text, name):
            left.append(Candidate(name.surface, name.start, name.end, "a town before its state or country"))
            continue
        resolved = _resolve_short(text, name, people, tails, acronyms, written, list(unknown))
        (found if isinstance(resolved, Mention) else left).append(resolved)
    taken, left = _taken(left, lambda c: shouts(c, people) or dateline_place(text, c), "discovered")
    found += taken
    # a person's name in capitals the article never writes in plain case: the corpus decides (see resolution)
    taken, left = _taken(left, lambda c: not c.note and shouted_person(c), "pending")
    found += taken
    extra, ambiguous = _unwritten_surnames(text, found, left, people, unknown, written)
    found += extra
    left += ambiguous
    found += _unwritten_acronyms(text, found, acronyms)
    return sorted(found, key=lambda m: m.start_char), sorted(left, key=lambda c: c.start_char)


def _taken(left: list[Candidate], wanted: Callable[[Candidate], bool],
           kind: str) -> tuple[list[Mention], list[Candidate]]:
    """Candidates + a test + a match kind -> (the wanted ones as mentions of their own name, the others)."""
    taken = [c for c in left if wanted(c)]
    return ([Mention(provisional_id(key_tokens(c.surface)), c.surface, c.surface.split()[-1], c.start_char,
                     c.end_char, kind) for c in taken], [c for c in left if c not in taken])


# 'Kawasaki disease', 'Guillain-Barre syndrome': a name before these words names an illness after a person or place,
# not that person or place ('Wuhan virus', 'the Trump effect' do mean the place and the person).
_EPONYM_AFTER = re.compile(r"(?:['’]s)? (?:disease|diseases|syndrome|disorder|palsy|sarcoma)\b")
_EPONYM_STARTS = frozenset("'’ ")  # the characters that pattern opens with
_STATE_WORD = re.compile(r" state\b")
# 'Roe v. Wade', 'Brown v Board of Education': the parties of a court case's name name the case, not a person.
_CASE_AFTER = re.compile(r" v\.? [A-Z]")
_CASE_BEFORE = re.compile(r"[A-Z][\w.’'-]* v\.? $")


def _surname_for_place(text: str, mention: Mention, people: dict, tails: dict, acronyms: dict, written: dict,
                       unknown: dict) -> Mention:
    """A listed place's name that is the surname of a person the text names, titled or speaking ('Rep. Jordan'
    beside 'Jim Jordan') -> that person's mention; any other mention as it is."""
    speaks = _SPEAKS.match(text, mention.end_char) is not None
    if not surname_not_place(text, mention, people, speaks):
        return mention
    name = Name(mention.start_char, mention.end_char, mention.surface, key_tokens(mention.surface),
                title_before(text, mention.start_char))
    resolved = _resolve_short(text, name, people, tails, acronyms, written, list(unknown))
    return resolved if isinstance(resolved, Mention) else mention


def _state_written_out(text: str, mention: Mention) -> Mention:
    """'Washington state': a listed name followed by the word 'state' names that US state, whatever the table means
    by the name alone (the capital), so it is a discovered place of its own."""
    if not _STATE_WORD.match(text, mention.end_char) or mention.match_kind != "alias":
        return mention
    tokens = key_tokens(mention.surface) + ("state",)
    if " ".join(tokens[:-1]) not in gazetteer.places().states:
        return mention
    end = mention.end_char + len(" state")
    return Mention(provisional_id(tokens), text[mention.start_char:end], text[mention.start_char:end],
                   mention.start_char, end, "discovered")


# A capitalised word before a speaking verb, with the word before it: 'Sachs said' after 'Goldman' is a company's
# name speaking whole, not its last word speaking alone.
_SPEAKER = re.compile(r"(?<![\w’'.-])(?:([\w’'.-]+) )?([A-Z][\w’'-]+)" + _SPEAKS.pattern)


def _speaking_unknown(text: str, names: list[Name], tails: dict) -> dict[tuple[str, ...], tuple[None, str]]:
    """Two-word names of no known type whose surname speaks alone somewhere in the text ('Rice said', not 'Acme
    Widgets said') -> (no sex, the surname as written): one pattern over the text, not a search per name."""
    if not any(key[0] == "?" for key in tails):
        return {}
    surnames = [(name.tokens, WORD.findall(name.surface)) for name in names
                if tails.get(("?",) + name.tokens[1:]) == [name.tokens]]
    if not surnames:
        return {}  # no such name: the text need not be read for speakers
    before: dict[str, set[str]] = {}  # a speaking word -> the words written before it where it speaks
    for found in _speakers(text):
        before.setdefault(found.group(2), set()).add(found.group(1) or "")
    return {tokens: (None, words[-1]) for tokens, words in surnames if before.get(words[-1], set()) - {words[0]}}


def _speakers(text: str):
    """_SPEAKER.finditer(text), read only around the speaking verbs: a match is the two words right before one (no
    space inside either), so each verb's stretch starts after the second space before it, stretches that overlap are
    read as one, and each is read to one character past its verb (where the verb's word boundary is seen)."""
    stretches: list[list[int]] = []
    for verb in _SPEAKS.finditer(text):
        space = text.rfind(" ", 0, verb.start())
        start = text.rfind(" ", 0, space) + 1 if space >= 0 else 0
        if stretches and start < stretches[-1][1]:
            stretches[-1][1] = verb.end()
        else:
            stretches.append([start, verb.end()])
    for start, end in stretches:
        yield from _SPEAKER.finditer(text, start, end + 1)


def _employer(text: str, name: Name) -> bool:
    """'Bloomberg’s Peter Gosselin', 'CNN's Jake Tapper': a lone word owning a person's full name is where that
    person works, not a surname."""
    found = _OWNS_A_NAME.match(text, name.end)
    return bool(found) and fold_word(found.group(1)) in gazetteer.given_names()


def _before_its_state(text: str, name: Name) -> bool:
    """'Richmond, Va.', 'Ferguson, Missouri': a lone word written before a state or country is a town, not the
    surname of anyone (left unresolved: its own town is not known)."""
    found = _STATE_AFTER.match(text, name.end)
    if not found or " ".join(name.tokens) in gazetteer.places().regions:
        return False  # 'Chad, North Korea and Venezuela': a country in a list
    state = found.group(1)
    if state.endswith("."):
        return state[:-1].casefold() not in _NOT_STATES
    return gazetteer.places().is_major(gazetteer.key_of(state))


def _unwritten_acronyms(text: str, found: list[Mention], acronyms: dict) -> list[Mention]:
    """The spelled-out acronyms where no candidate was read: in their parentheses, or opening a sentence."""
    taken = {m.start_char for m in found}
    extra = []
    for acronym, tokens in acronyms.items():
        for start in whole_words(text, acronym, _word_char):  # re's \b, as an acronym opens and ends with letters
            if start not in taken:
                extra.append(Mention(provisional_id(tokens), acronym, acronym, start, start + len(acronym), "acronym"))
    return extra


def _word_char(char: str) -> bool:
    return char.isalnum() or char == "_"  # re's \w


def _occurrences(text: str, words) -> list[tuple[str, int, int]]:
    """Whole-word occurrences of each word in the text, found with str.find (no pattern to compile per text)."""
    return [(word, at, at + len(word)) for word in words for at in whole_words(text, word, str.isalnum)]


def _unwritten_surnames(text: str, found: list[Mention], left: list[Candidate], people: dict, unknown: dict,
                        written: dict[tuple[str, ...], list[int]]) -> tuple[list[Mention], list[Candidate]]:
    """Surnames of the text's full names, as written or in capitals, where no candidate was read (opening a sentence
    or a headline); those of two-word names of no known type only where they speak ('Rice said')."""
    by_surname: dict[str, list[tuple[str, ...]]] = {}
    speaking = {surname for _, surname in unknown.values()} - {surname for _, surname in people.values()}
    for person, (_, surname) in (people | unknown).items():
        if (surname.casefold() not in NOT_NAMES or surname.casefold() in MONTHS) and len(surname) >= 3 and \
                surname[0].isupper() and \
                not is_demonym(surname):
            by_surname.setdefault(surname, []).append(person)
            if len(surname) >= 4:  # 'PELOSI:' opening a transcript's line, 'TRUMP RALLY' in a shouted heading
                by_surname.setdefault(surname.upper(), []).append(person)
    if not by_surname:
        return [], []
    spans = sorted([(m.start_char, m.end_char) for m in found] + [(c.start_char, c.end_char) for c in left])
    starts = [a for a, _ in spans]
    extra, ambiguous = [], []
    for surname, start, end in _occurrences(text, by_surname):
        at = bisect_right(starts, end - 1) - 1  # the last span opening before this match ends
        if (at >= 0 and spans[at][1] > start) or text[end:end + 1] == "-" or name_goes_on(text, surname, end) \
                or _PARTICLE_BEFORE.search(text, max(0, start - 5), start) \
                or (surname in speaking and not _SPEAKS.match(text, end)) or in_handle(text, start) \
                or (surname.casefold() in MONTHS and not (_SPEAKS.match(text, end) or title_before(text, start))):
            continue  # inside a longer name: 'Dyke' in 'Van Dyke', '@Sam_Smith'
        bearer, kind = pick_bearer(text, by_surname[surname], written, people, (start, end))
        if bearer is None:
            ambiguous.append(Candidate(surname, start, end, kind))
        else:
            extra.append(Mention(provisional_id(bearer), surname, surname, start, end, kind))
    return extra, ambiguous
