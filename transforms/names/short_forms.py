"""Short forms of a person's name in their article, read as a reader does: which of two full names a lone surname
stands for (the one written in full last before it, a subject pronoun after it), a given name alone, a full name in
capitals, and a title of the other sex before a listed man's surname."""

import re
from collections.abc import Iterable

from transforms.lexicon import (
    ORGANISATION_WORDS,
    PLACE_WORDS,
    PLACE_WORDS_AFTER_NO_GIVEN_NAME,
    ROYAL_TITLES,
    THING_WORDS,
    english_word,
    fold_word,
    word_classes,
)
from transforms.names import gazetteer
from transforms.names.capitalised import WORD_BEFORE, Candidate
from transforms.names.matching import Mention
from transforms.names.name_words import key_tokens, name_type, whole_words
from transforms.names.reading import Name
from transforms.names.tidying import opens_sentence
from transforms.names.titles import title_before

# A subject pronoun a few lower-case words after a surname, nothing between, tells its bearer's sex: 'Davis argued
# that she', 'Paul said he' (not 'his' or 'her', nor past a comma: 'a Clinton surrogate, holds … his rivals').
_PRONOUN_AFTER = re.compile(r" (?:[a-z]+ ){1,4}?(he|she)\b")


def by_pronoun(text: str, end: int, bearers: list[tuple[str, ...]], people: dict) -> list[tuple[str, ...]]:
    """Full names a surname may stand for -> those the pronoun after it does not rule out ('Kim Davis' for 'Davis
    argued that she' beside a Joe Davis), or all of them when no pronoun tells or it rules out every one."""
    found = _PRONOUN_AFTER.match(text, end)
    if not found:
        return bearers
    other = "m" if found.group(1) == "she" else "f"
    same = [b for b in bearers if people.get(b, ("u",))[0] != other]  # 'Kim' may be either: not ruled out
    return same or bearers


def pick_bearer(text: str, bearers: list[tuple[str, ...]], written: dict[tuple[str, ...], list[int]], people: dict,
                span: tuple[int, int], by_sex: bool = True) -> tuple[tuple[str, ...] | None, str]:
    """Full names a short form at `span` may stand for -> (the one it stands for, its match kind): the only one, or
    the only one the pronoun after it allows (`by_sex`: no title has told its sex), `surname_in_article`; else the one
    written in full last before it, `surname_last_named`; else (None, a note naming them all as ambiguous)."""
    if len(bearers) > 1 and by_sex:
        bearers = by_pronoun(text, span[1], bearers, people)
    if len(bearers) == 1:
        return bearers[0], "surname_in_article"
    last = last_named(text, bearers, written, span[0], people) or _not_the_relative(text, bearers, written, people)
    if last:
        return last, "surname_last_named"
    return None, "ambiguous: " + ", ".join(" ".join(b).title() for b in sorted(bearers))


def last_named(text: str, bearers: list[tuple[str, ...]], written: dict[tuple[str, ...], list[int]], at: int,
               people: dict) -> tuple[str, ...] | None:
    """Of two or more full names a short form may stand for, the one the text wrote in full last before `at`; None
    when none was written before it, when another was written in the same sentence ('Hillary Clinton and Bill
    Clinton came. … Clinton left': nothing decides), or when it is no known person's name."""
    last = sorted((max((s for s in written.get(b, ()) if s < at), default=-1), b) for b in bearers)
    if last[-1][0] < 0 or (last[-2][0] >= 0 and not _SENTENCE_END.search(text, last[-2][0], last[-1][0])):
        return None
    return last[-1][1] if last[-1][1] in people else None  # not 'Maybe Obama', a name of no known type


# A spouse introduced as one: the other is the one the article is about. Brothers, sons and fathers are not (of
# 'the brothers Tom and Sam Vance' or 'Carl Vance and his son Eli Vance' each is the subject in turn).
_KIN_BEFORE = re.compile(r"\b(?:wife|husband|spouse|widow|widower),? $")


def _not_the_relative(text: str, bearers: list[tuple[str, ...]], written: dict[tuple[str, ...], list[int]],
                      people: dict) -> tuple[str, ...] | None:
    """Of two full names sharing a surname, the one never introduced as the other's spouse ('Mike Pence and his wife
    Karen Pence … Pence said': Mike Pence), when the other always is; None otherwise."""
    if len(bearers) != 2:
        return None
    kin = [all(_KIN_BEFORE.search(text, max(0, s - 16), s) for s in written.get(b, ())) and bool(written.get(b))
           for b in bearers]
    if kin.count(True) != 1:
        return None
    main = bearers[kin.index(False)]
    return main if main in people else None


_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s|\n")


def written_in_full(names: list[Name]) -> dict[tuple[str, ...], list[int]]:
    """Names of two words or more -> where the text writes them in full."""
    found: dict[tuple[str, ...], list[int]] = {}
    for name in names:
        if len(name.tokens) > 1:
            found.setdefault(name.tokens, []).append(name.start)
    return found


def given_name_of(text: str, name: Name, people: dict, speakers: Iterable[tuple[str, ...]] = (),
                  speaks: bool = False) -> tuple[str, ...] | None:
    """A lone given name -> the one person of the text whose full name opens with it ('Hillary' after 'Hillary
    Clinton'; 'Kellyanne' after 'Kellyanne Conway', a first name the given-name list lacks, no acronym and no word
    English knows, of a person or of a two-word name whose surname speaks: 'Conway said'), or None: not when it is a
    place ('Jordan') unless it speaks ('Sydney said' after 'Sydney Ember'), a modal or a word opening a sentence the
    text also writes in lower case ('Will', 'May'; 'Mark' inside a sentence beside 'a mark' is still the name), or
    the given name of two people of the text."""
    word = name.tokens[0]
    listed = word in gazetteer.given_names()
    unlisted = not listed and not english_word(word) and not name.surface.isupper()
    if not (listed or unlisted) or (gazetteer.places().is_place(word) and not speaks):
        return None
    owners = [p for p in (*people, *(speakers if unlisted else ())) if p[0] == word and len(p) > 1]
    if len(owners) != 1 or ((unlisted or "AUX" in word_classes(word) or opens_sentence(text, name.start)) and
                            _written_as_word(text, name.surface.lower())):
        return None
    return owners[0]


# A title before a given name alone is no English use outside courts and churches ('King Olav', 'Father Mike'), so a
# title before the first word of a full name marks a family name written first ('Mr. Wu' for Wu Tao).
_GIVEN_NAME_TITLES = ROYAL_TITLES | frozenset({"father", "sister", "brother", "saint", "st", "lady", "sir", "dame",
                                               "uncle", "aunt"})


def family_name_first(text: str, name: Name, people: dict) -> tuple[str, ...] | None:
    """A titled two-letter word -> the one full name of the text that opens with it ('President Wu', 'Mr. Wu’s' after
    'Wu Tao'), or None: a title of a ruler or a churchman goes with a given name ('Prince Harry'), a name whose
    other words are a given name or English is no family name written first ('Li Ryan'), and a longer word opening a
    name is as often one of two surnames run together ('Quist-Brandt')."""
    title = WORD_BEFORE.search(text, max(0, name.start - 15), name.start)
    if not name.title or not title or title.group(1).casefold() in _GIVEN_NAME_TITLES or len(name.tokens[0]) != 2:
        return None
    given = gazetteer.given_names()
    owners = [p for p in people if p[0] == name.tokens[0] and len(p) > 1]
    return owners[0] if len(owners) == 1 and not any(w in given or english_word(w) for w in owners[0][1:]) else None


_NEXT_WORD = re.compile(r"\s([A-Z][\w’'-]*)")


def name_goes_on(text: str, surname: str, end: int) -> bool:
    """Whether a capitalised word after a surname makes it part of a longer name ('Dyke Lane'); in a headline all in
    capitals a surname stands alone before a verb of the present ('QUIST DODGES QUESTION'), not before another name's
    word ('BRANDT MOTOR SHARES FALL') or a body's, place's or thing's ('QUIST TOWER OPENS')."""
    after = _NEXT_WORD.match(text, end)
    if not after:
        return False
    word = after.group(1)
    if not (surname.isupper() and word.isupper() and len(surname) > 1):
        return True
    stop = text.find("\n", end)
    line = text[text.rfind("\n", 0, end) + 1:stop if stop >= 0 else len(text)]
    folded = fold_word(word)
    if line != line.upper() or not (folded.endswith("s") and "VERB" in word_classes(folded)):
        return True
    return folded in ORGANISATION_WORDS or folded in THING_WORDS or folded in PLACE_WORDS or \
        folded in PLACE_WORDS_AFTER_NO_GIVEN_NAME


# A body of the state outlasts whoever holds it, so an officeholder's surname before its name dates it ('the Grant
# War Department', 'a Harding White House'); a company, hotel, centre or foundation bearing a surname is named for
# that person for good ('the Smith Motor Company', 'the Smith International Hotel'), so its short form written alone
# ('the Motor Company') tells nothing. A party or a committee outlasts its leader as well ('a Grant Republican Party').
_STATE_BODIES = frozenset("""department house administration ministry office bureau agency senate congress
parliament cabinet court government treasury party committee commission council""".split())
_OF = re.compile(r" (?:of|for|on) ")


def _dated_body(first: str, rest: str, tokens: tuple[str, ...]) -> bool:
    """Whether a surname before a body's name dates or owns it: a possessive's owner ('Quist's Center for Cats'), or
    a body of the state, by its head word before any 'of' ('the Grant Department of War')."""
    if first.endswith(("'s", "’s")):
        return name_type(tokens) == "organisation"
    return _OF.split(rest, maxsplit=1)[0].rsplit(" ", 1)[-1].casefold() in _STATE_BODIES


def surnames_apart(names: list[Name], people: dict, mentions: list[Mention]) -> tuple[list[Name], list[Mention]]:
    """'Trump White House', 'Obama Justice Department' -> the surname and the body: the surname of a person of the
    text, no given name, major place or adjective, before the name of a body of the state the text also writes
    alone, says whose body it means ('Johnson Space Center', 'Ford Motor Company' stay whole). A listed person's
    surname is a mention of that person, as the entity table's matching makes one."""
    # a listed person's mention is spelled by its surname as written ('Donald Trump' -> 'Trump')
    listed: dict[str, set[str]] = {}
    for m in mentions:
        if m.spelling != m.surface and key_tokens(m.spelling):
            listed.setdefault(key_tokens(m.spelling)[-1], set()).add(m.entity_id)
    surnames = {person[-1] for person in people} | listed.keys()
    written = {name.tokens for name in names}
    out, found = [], []
    for name in names:
        first, _, rest = name.surface.partition(" ")
        tokens = key_tokens(rest)
        if len(name.tokens) >= 3 and name.tokens[0] in surnames and tokens in written and \
                name.tokens[0] not in gazetteer.given_names() and not gazetteer.places().is_major(name.tokens[0]) \
                and "ADJ" not in word_classes(first) and _dated_body(first, rest, tokens):
            cut, owner = name.start + len(first) + 1, listed.get(name.tokens[0], set())
            if len(owner) == 1 and not any(p[-1] == name.tokens[0] for p in people):
                found.append(Mention(next(iter(owner)), first, first, name.start, name.start + len(first), "surname"))
            else:
                out.append(Name(name.start, name.start + len(first), first, name.tokens[:1], name.title))
            out.append(Name(cut, name.end, rest, tokens, None))
        else:
            out.append(name)
    return out, found


def _written_as_word(text: str, word: str) -> bool:
    """Whether the text writes this word with no letter, digit, apostrophe or hyphen on either side ('will', not
    'will-power')."""
    return next(whole_words(text, word, _in_word), None) is not None


def _in_word(char: str) -> bool:
    return char.isalnum() or char in "_’'-"  # what the pattern's \w, apostrophes and hyphen took


def shouts(candidate: Candidate, people: dict) -> bool:
    """'BERNIE SANDERS: WE WILL WIN' -> True where the text also names Bernie Sanders in plain case: a person's full
    name in capitals (read as no name, since a line in capitals is most often a headline)."""
    return " " in candidate.surface and candidate.surface.isupper() and key_tokens(candidate.surface) in people


def shouted_person(candidate: Candidate) -> bool:
    """'NORA TALLIS:' opening a transcript's line, 'ODELL VRANKEN' in a headline -> True: two or three words in
    capitals opening with a given name English has no word for, none of the others an English word ('FREE RIDE',
    'ROSA WOULD' are not), the last no state or country ('TYLER TEXAS' is a dateline). Such a name is a person's
    only where the corpus names that person in plain case."""
    words = candidate.surface.split()
    return 2 <= len(words) <= 3 and candidate.surface.isupper() and all(w.isalpha() for w in words) and \
        words[0].casefold() in gazetteer.given_names() and not any(map(english_word, words)) and \
        fold_word(words[-1]) not in gazetteer.places().regions and \
        name_type(key_tokens(candidate.surface)) == "person"


_DATELINE_AFTER = re.compile(r",| \(| [—–-] ")


def dateline_place(text: str, candidate: Candidate) -> bool:
    """'LOS ANGELES (AP) —', 'ABU DHABI, United Arab Emirates': a place of the gazetteer in capitals opening its line
    before a comma, a bracket or a dash is a dateline's place, not a headline's words."""
    start = candidate.start_char
    return " " in candidate.surface and candidate.surface.isupper() and \
        not text[text.rfind("\n", 0, start) + 1:start].strip() and \
        _DATELINE_AFTER.match(text, candidate.end_char) is not None and \
        gazetteer.places().is_place(" ".join(key_tokens(candidate.surface)))


def titled_for_another(text: str, mentions: list[Mention]) -> tuple[list[Mention], list[Candidate]]:
    """Mentions of listed people by surname + the text -> (those kept, those whose title gives the other sex than the
    listed person's given name, as candidates to read again: 'Mrs. Trump' is not the listed Donald Trump)."""
    given = gazetteer.given_names()
    kept, again = [], []
    for mention in mentions:
        if mention.match_kind in ("surname", "surname_in_context"):
            title = title_before(text, mention.start_char)
            sex = given.get(mention.entity_id.split("-")[0])
            if title in ("m", "f") and sex in ("m", "f") and title != sex:
                again.append(Candidate(mention.surface, mention.start_char, mention.end_char, None))
                continue
        kept.append(mention)
    return kept, again


_PARTY_STATE = re.compile(r" \([RDI]-[A-Z]")  # 'Jordan (R-Ohio)': a member of a legislature, by party and state


def surname_not_place(text: str, mention: Mention, people: dict, speaks: bool) -> bool:
    """'Rep. Jordan', 'Jordan (R-Ohio)', 'Jordan said' beside 'Jim Jordan': a lone word the list reads as a place is
    the surname of a person the text names in full when a person's title stands before it, a party and state follow
    it or it speaks ('Jordan' alone, or 'in Jordan', stays the country)."""
    key = " ".join(key_tokens(mention.surface))
    return " " not in mention.surface and not mention.match_kind.startswith("surname") and \
        gazetteer.places().is_place(key) and any(len(p) > 1 and p[-1] == key for p in people) and \
        (speaks or title_before(text, mention.start_char) is not None or
         _PARTY_STATE.match(text, mention.end_char) is not None or _among_surnames(text, mention, people))


_LISTED_BEFORE = re.compile(r"([A-Z][\w’'-]+)(?:,| and| or|, and) $")
_LISTED_AFTER = re.compile(r"(?:,| and| or|, and) ([A-Z][\w’'-]+)")


def _among_surnames(text: str, mention: Mention, people: dict) -> bool:
    """'Holm, Dale and Brix' beside 'Ada Dale': a word listed next to the surname of another person of the text is a
    surname too (an acronym is none: 'the UN, Quist and Wen Jo Un')."""
    if mention.surface.isupper():
        return False
    surnames = {p[-1] for p in people if len(p) > 1}
    before = _LISTED_BEFORE.search(text, max(0, mention.start_char - 30), mention.start_char)
    after = _LISTED_AFTER.match(text, mention.end_char)
    key = " ".join(key_tokens(mention.surface))
    return any(found and fold_word(found.group(1)) in surnames - {key} for found in (before, after))
