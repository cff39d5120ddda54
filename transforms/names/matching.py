"""Names -> entities: folded multi-pattern matching, surnames resolved in context, unmatched names kept."""

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, compress
from operator import itemgetter
from typing import NamedTuple

import ahocorasick

from transforms.lexicon import (
    ARTICLES,
    CONNECTORS,
    DEMONYMS,
    HYPHEN_ARTICLES,
    NOT_NAMES,
    ORGANISATION_WORDS,
    ROYAL_TITLES,
    SENTENCE_OPENERS,
    TITLES,
    english_word,
    fold_word,
    fold_words,
    is_demonym,
)
from transforms.names import gazetteer
from transforms.names.name_words import TITLE_ABBREVIATIONS
from transforms.names.openers import companion, in_handle, owner_opening

# A word, or initials with their periods ('U.S.'): both open on a letter or digit, written first as a class so the
# regex engine skips the gaps between words by that class instead of trying each alternative at every character.
_TOKEN_SPLIT = re.compile(r"([^\W_](?:(?<=[A-Z])\.(?:[A-Z]\.)++|[^\W_]*+))")
_APOSTROPHES = "'’`ʼ"
# Unions built once: they are tested for every token of every article.
_ANY_ARTICLE = ARTICLES | HYPHEN_ARTICLES
_NOT_NAME_STARTS = NOT_NAMES | CONNECTORS | SENTENCE_OPENERS
# Words that open a sentence as often as a name: inside a sentence, capitalised before another capitalised word, they
# are the name's first word ('Northern Ireland', 'First Amendment', 'Central Intelligence Agency').
_NAME_OPENERS = frozenset({"central", "eastern", "northern", "southern", "western", "upper", "lower", "first",
                           "second", "third"})
# Counts open sentences before names ('Two Texas men'), and the given-name list holds some of them ('One').
_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten eleven twelve dozens hundreds".split())
_PARTICLES = CONNECTORS - {"of", "and", "for", "the", "on", "as"}
_FOLDED_AWAY = ARTICLES | HYPHEN_ARTICLES | {"s"}
_OPENING_SPACE = " \t‘'\"“"  # what may stand between a sentence's break and its first word
_SENTENCE_BREAKS = frozenset(".!?:;\"“”()[]\n")  # a character before a word that opens a sentence
# 'Donald Trump Jr.', 'Robert F. Kennedy, Jr.': a son of the same name, another person than the name alone.
_GENERATION = re.compile(r",? (?:Jr|Sr)\b")
_ABBREVIATED_TITLE = re.compile(r"(?:^|\W)(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Adm|Maj|Prof|Rev|St|Sec)\.$")


class Tokens(NamedTuple):
    """The words of a text, as parallel lists: where each is, as written, and its folded key ('' when it is a
    dropped particle). Lists, not an object per word: texts run to thousands of words."""

    starts: list[int]
    ends: list[int]
    texts: list[str]
    keys: list[str]


@dataclass(frozen=True)
class Mention:
    """A name found in a text, resolved to an entity."""

    entity_id: str
    surface: str
    spelling: str
    start_char: int
    end_char: int
    match_kind: str


@dataclass(frozen=True)
class Candidate:
    """A capitalised name that matched no entity, or matched several."""

    surface: str
    start_char: int
    end_char: int
    note: str | None


@dataclass(frozen=True)
class EntityIndex:
    """Alias keys of known entities, compiled into one automaton."""

    automaton: ahocorasick.Automaton
    targets: Mapping[str, tuple[tuple[str, str], ...]]  # key -> ((entity_id, "alias"|"surname"), ...)
    types: Mapping[str, str]
    acronyms: frozenset[str]


def tokenize(text: str) -> Tokens:
    """Text -> tokens with folded keys; Arabic articles and possessive 's' fold to ''."""
    # One split and C-level maps instead of a Python step per token: texts run to thousands of words.
    parts = _TOKEN_SPLIT.split(text)  # [gap, word, gap, word, ..., gap]
    words = parts[1::2]
    edges = list(accumulate(map(len, parts)))
    starts, ends = edges[0:-1:2], edges[1::2]
    keys = fold_words(words)
    if not _FOLDED_AWAY.isdisjoint(keys):
        for i in list(compress(range(len(keys)), map(_FOLDED_AWAY.__contains__, keys))):
            key, start = keys[i], starts[i]
            if key in ARTICLES or (key in HYPHEN_ARTICLES and text[ends[i]:ends[i] + 1] == "-"):
                keys[i] = ""
            elif key == "s" and start > 0 and text[start - 1] in _APOSTROPHES:
                keys[i] = ""
    return Tokens(starts, ends, words, keys)


def name_key(name: str) -> str:
    """'Fayez al-Sarraj' -> 'fayez sarraj': the folded key aliases and texts are compared on."""
    return " ".join(filter(None, tokenize(name).keys))


def _is_acronym(alias: str) -> bool:
    letters = alias.replace(".", "")
    return letters.isupper() and letters.isalpha() and len(letters) <= 6


def longer_form(canonical: str, alias: str) -> bool:
    """'Aguila Saleh', 'Aguila Saleh Issa' -> True: an alias that is the canonical name of two words or more with
    more words after it."""
    short, long = name_key(canonical).split(), name_key(alias).split()
    return len(long) > len(short) > 1 and long[:len(short)] == short


def build_index(entities: Iterable[Mapping]) -> EntityIndex:
    """Entity rows (entity_id, canonical_name, entity_type, aliases) -> EntityIndex."""
    targets: dict[str, set] = defaultdict(set)
    types, acronyms = {}, set()
    for row in entities:
        entity_id, kind = row["entity_id"], row["entity_type"]
        types[entity_id] = kind
        for alias in {row["canonical_name"], *row["aliases"]}:
            parts = name_key(alias).split()
            if not parts:
                continue
            if _is_acronym(alias):
                acronyms.add(" ".join(parts))
            if kind != "person":
                targets[" ".join(parts)].add((entity_id, "alias"))
                continue
            # A person's full name and each tail of it ('tayyip erdogan'); a lone word is a surname.
            for i in range(len(parts) - 1):
                if len(parts[i]) > 1:  # 'j trump' of 'Donald J. Trump' would take 'Eric J. Trump'
                    targets[" ".join(parts[i:])].add((entity_id, "alias"))
            if longer_form(row["canonical_name"], alias):
                continue  # 'Aguila Saleh Issa' for Aguila Saleh: a last word more is no name he goes by alone
            targets[parts[-1]].add((entity_id, "surname"))
            if len(parts) == 1:
                targets[parts[0]].add((entity_id, "surname"))
    automaton = ahocorasick.Automaton()
    for key in targets:
        automaton.add_word(f" {key} ", key)
    if targets:
        automaton.make_automaton()
    frozen = {key: tuple(sorted(found)) for key, found in targets.items()}
    return EntityIndex(automaton, frozen, types, frozenset(acronyms))


def _raw_matches(tokens: Tokens, index: EntityIndex) -> list[tuple[int, int, str]]:
    keys = tokens.keys
    live = list(compress(range(len(keys)), keys))
    folded = list(filter(None, keys))
    found = []
    if not folded or not index.targets:
        return found
    # Keys are stored between spaces, so only runs of whole words match: no hits inside longer words. Keys hold no
    # space of their own, so the spaces before a hit's end count the words up to its last, read once left to right
    # (hits come in the order they end), and its own spaces count its words.
    joined = " " + " ".join(folded) + " "
    read = spaces = 0
    for end, key in index.automaton.iter(joined):
        spaces += joined.count(" ", read, end - 1)
        read = end - 1
        found.append((live[spaces - 1 - key.count(" ")], live[spaces - 1], key))
    found.sort(key=lambda m: (m[0], -(m[1] - m[0])))
    chosen, taken_until = [], -1
    for first, last, key in found:
        if first > taken_until:
            chosen.append((first, last, key))
            taken_until = last
    return chosen


def _written_like_acronym(tokens: Tokens, first: int, last: int) -> bool:
    return all(word.replace(".", "").isupper() for word in tokens.texts[first:last + 1])


def _acronym_in_title_case(text: str, tokens: Tokens, first: int, last: int) -> bool:
    """'Ovra': an acronym of four letters or more written as a word with a capital, as some outlets do, when English
    has no such word, nobody is given it as a name ('Zelda' of a ZELDA is a woman's name, a goddess or a river as
    often), the text never writes it in lower case and never before another capitalised word ('Ovra Lind ... Ovra
    said' is a person)."""
    word = tokens.texts[first]
    if first != last or len(word) < 4 or not word.isalpha() or not word[1:].islower() or english_word(word) or \
            fold_word(word) in gazetteer.given_names():
        return False
    return re.search(rf"(?<![\w-]){word.casefold()}(?![\w-])|\b{word} [A-Z]", text) is None


def _given_name_before(text: str, tokens: Tokens, first: int) -> int | None:
    """Index of a capitalised word right before tokens[first] that reads as another person's given name."""
    i = first - 1
    while i >= 0 and not tokens.keys[i] and text[tokens.ends[i]:tokens.starts[i + 1]] in ("-", " "):
        i -= 1  # skip 'al-' between 'Saif' and 'Gaddafi'
    if i > 0 and len(tokens.texts[i]) == 1 and tokens.texts[i].isupper() and \
            text[tokens.ends[i]:tokens.starts[first]] == ". " and text[tokens.ends[i - 1]:tokens.starts[i]] == " ":
        i -= 1  # skip a middle initial: 'Darrell E. Issa', 'Hunter R. Biden'
    elif i < 0 or text[tokens.ends[i]:tokens.starts[first]].strip(" -"):
        return None
    word = tokens.texts[i]
    lower = word.casefold()
    if not word[:1].isupper() or not word.isalpha() or lower in TITLES or lower in NOT_NAMES or is_demonym(word):
        return None
    return i


def _middle_name_of(text: str, tokens: Tokens, index: EntityIndex, given: int, last: int) -> str | None:
    """The one known person whose full name is the word before a middle name and the surname ('Donald John Trump':
    'Donald Trump'), or None."""
    before = given - 1
    if before < 0 or text[tokens.ends[before]:tokens.starts[given]] != " " or not tokens.keys[before] \
            or not tokens.texts[before][:1].isupper():
        return None
    found = {e for e, kind in index.targets.get(f"{tokens.keys[before]} {tokens.keys[last]}", ()) if kind == "alias"}
    return found.pop() if len(found) == 1 else None


def _expand_left(tokens: Tokens, first: int) -> int:
    while first > 0 and not tokens.keys[first - 1] and tokens.texts[first - 1].casefold() in _ANY_ARTICLE:
        first -= 1
    return first


def _resolve(text: str, tokens: Tokens, index: EntityIndex):
    resolved, pending = [], []
    for first, last, key in _raw_matches(tokens, index):
        if key in index.acronyms and not _written_like_acronym(tokens, first, last) and \
                not _acronym_in_title_case(text, tokens, first, last):
            continue  # 'us' the pronoun is not 'US'
        if not any(word[:1].isupper() for word in tokens.texts[first:last + 1]):
            continue  # 'interests trump those of': a name is written with a capital
        strong = {e for e, kind in index.targets[key] if kind == "alias"}
        if len(strong) == 1:
            resolved.append((first, last, strong.pop(), "alias"))
        else:
            pending.append((first, last, key))
    named = {entity_id for *_, entity_id, _ in resolved}
    unresolved = []
    for first, last, key in pending:
        ids = sorted({e for e, _ in index.targets[key]})
        given = _given_name_before(text, tokens, first) if first == last else None
        in_text = [e for e in ids if e in named]
        middle = _middle_name_of(text, tokens, index, given, last) if given is not None else None
        if middle:
            resolved.append((given - 1, last, middle, "alias"))  # 'Donald John Trump': a middle name more
        elif given is not None:
            unresolved.append((given, last, "shares a surname with a known entity"))
        elif len(in_text) == 1:
            resolved.append((first, last, in_text[0], "surname_in_context"))
        elif len(ids) == 1:
            resolved.append((first, last, ids[0], "surname"))
        else:
            unresolved.append((first, last, "ambiguous: " + ", ".join(ids)))
    return resolved, unresolved


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _joined(text: str, tokens: Tokens, a: int, b: int) -> bool:
    """Words a..b written as one name: spaces or hyphens between them, or a middle initial's period ('James B.')."""
    return all(_joining(text[tokens.ends[i]:tokens.starts[i + 1]], tokens.texts[i]) for i in range(a, b))


def _joining(gap: str, word: str) -> bool:
    """A gap inside one name: a space or hyphen, a middle initial's period ('James B. Comey'), or the apostrophe of
    'O'Rourke', 'D'Souza', "Ke'Arre"."""
    if gap in (" ", "-"):
        return True
    if gap == ". " and word in ("St", "Ft", "Mt"):
        return True  # 'St. Louis County', 'Ft. Worth'
    if gap in ("'", "’") and 2 <= len(word) <= 3 and word[:1].isupper() and word[1:].islower():
        return True  # "Ke'Arre", 'Ma’Khia', 'Le’Veon': a given name's first syllable before an apostrophe
    return len(word) == 1 and word.isupper() and (gap == ". " or (gap in ("'", "’") and word in "OD"))


def _title_case_lines(text: str) -> list[tuple[int, int, int]]:
    """Text -> (start, end, words of four letters or more) of each line, or bracketed aside ('(RELATED: Trudeau Calls
    Election)'), whose every such word is capitalised."""
    spans, offset = [], 0
    for line in text.split("\n"):
        n_long = _capitalised_words(line)
        if n_long is not None and n_long >= 2:
            spans.append((offset, offset + len(line), n_long))
        elif "(" in line:
            for aside in _ASIDE.finditer(line):
                n_long = _capitalised_words(aside.group())
                # a headline, not a list of names or a credit: its small words are capitalised too ('As Police Say
                # His'), not only an article ('Will Vragovic, The Tampa Bay Times/AP Photo')
                if n_long is not None and n_long >= 4 and sum(
                        w.istitle() and w.casefold() in NOT_NAMES - _ARTICLE_WORDS for w in aside.group().split()) >= 2:
                    spans.append((offset + aside.start(), offset + aside.end(), n_long))
        offset += len(line) + 1
    return spans


_YEAR = re.compile(r"(?:19|20)\d\d\b")
_ARTICLE_WORDS = frozenset({"the", "a", "an"})
_ASIDE = re.compile(r"\([^()]{20,}\)")
_OPENING_MARKS = "‘“\"'("


def _capitalised_words(line: str) -> int | None:
    """How many words of four letters or more a line has, all capitalised (after an opening quote: '‘MAGA’'; numbers
    but years are no words: 'Drops 20-Week Abortion Limit'), or None when one is not."""
    n_long = 0
    for word in line.split():
        if len(word) >= 4:
            first = word[0]
            if first.isupper() or (not first.isalnum() and word.lstrip(_OPENING_MARKS)[:1].isupper()):
                n_long += 1
            elif not first.isdigit() or _YEAR.match(word):
                return None  # prose: a lower-case word comes early, so most lines stop here; a caption has a year
    return n_long


def _runs(text: str, tokens: Tokens, taken: set[int]) -> list[tuple[int, int]]:
    is_cap = list(map(str.isupper, map(itemgetter(0), tokens.texts)))
    runs, free_from, n = [], 0, len(is_cap)
    for i in compress(range(n), is_cap):  # a run opens only on a capitalised word
        if i < free_from or i in taken:
            continue
        j = i
        while True:
            k = j + 1
            while k < n and not is_cap[k] and tokens.texts[k].casefold() in CONNECTORS:
                k += 1
            # (the next word is most often one space on: that gap joins without a call per gap)
            if k < n and k not in taken and is_cap[k] and ((k == j + 1 and text[tokens.ends[j]:tokens.starts[k]] in
                                                            (" ", "-")) or _joined(text, tokens, j, k)) and \
                    not (k > j + 1 and tokens.texts[k] == "I"):  # 'Ann and I': the pronoun, no part of a name
                j = k
            elif j > i and k == j + 1 and k < n and _syllable(text, tokens, k):
                j = k  # 'Kim Jong-un', 'Moon Jae-in': a given name's second syllable
                break
            else:
                break
        runs.append((i, j))
        free_from = j + 1
    return runs


def _syllable(text: str, tokens: Tokens, k: int) -> bool:
    """A two-letter lower-case word glued by a hyphen to the short capitalised word before it ('Jong-un')."""
    word, before = tokens.texts[k], tokens.texts[k - 1]
    return len(word) == 2 and word.islower() and text[tokens.starts[k] - 1] == "-" and \
        tokens.ends[k - 1] == tokens.starts[k] - 1 and before[:1].isupper() and len(before) <= 4


def _particle(tokens: Tokens, first: int, last: int) -> bool:
    """A capitalised particle opening a longer name: 'Van Dyke', 'De Blasio', 'Al Qaeda', 'El Paso'."""
    word = tokens.texts[first]
    return first < last and word[:1].isupper() and word.casefold() in _PARTICLES


def _trim(text: str, tokens: Tokens, first: int, last: int) -> tuple[int, int]:
    def title(word: str) -> bool:
        lower = word.casefold()  # a plural title too: 'Governors DeWine and DeSantis', 'Sens. Warren and Sanders'
        return lower in TITLES or (lower[-1:] == "s" and lower[:-1] in TITLES)

    def role(word: str) -> bool:
        return title(word) or (is_demonym(word) and word.casefold() not in ORGANISATION_WORDS)
    shouted = False
    while first <= last and tokens.texts[first].casefold() in _NOT_NAME_STARTS and not _particle(tokens, first, last) \
            and not (first < last and tokens.texts[first].casefold() in _NAME_OPENERS
                     and not _sentence_initial(text, tokens.starts[first])):
        shouted = shouted or (len(tokens.texts[first]) > 1 and tokens.texts[first].isupper())
        first += 1
    while shouted and first < last and tokens.texts[first].isupper() and len(tokens.texts[first]) > 1:
        first += 1  # 'MUST WATCH Morsy aide', 'JUST WATCHED Possible': a shouted label before the name
    if first < last and tokens.keys[first] in _NUMBER_WORDS and tokens.keys[last] not in ORGANISATION_WORDS and \
            _sentence_initial(text, tokens.starts[first]) and text[tokens.ends[first]:tokens.starts[first + 1]] == " ":
        first += 1  # 'One Hong Kong officer': a count opening a sentence ('One America News Network', 'TWO-LANE' stay)
    # 'German Foreign Minister Heiko Maas' -> 'Heiko Maas'; 'Libyan Army' stays whole.
    end_of_roles = first
    while end_of_roles <= last and role(tokens.texts[end_of_roles]):
        end_of_roles += 1
    # 'General Assembly', 'General Motors', 'Justice Department and FBI' stay whole
    body = tokens.keys[min(end_of_roles, last)] in ORGANISATION_WORDS and not title(tokens.texts[last])
    if (end_of_roles > last or title(tokens.texts[end_of_roles - 1])) and \
            tokens.keys[last] not in ORGANISATION_WORDS and not body:
        royal = first < end_of_roles <= last and tokens.keys[end_of_roles - 1] in ROYAL_TITLES and (
            end_of_roles == last or tokens.texts[end_of_roles + 1].casefold() in CONNECTORS)
        first = end_of_roles - 1 if royal else end_of_roles  # 'Saudi King Salman' -> 'King Salman'
    while first <= last and tokens.texts[first].casefold() in CONNECTORS and not _particle(tokens, first, last):
        first += 1
    while last >= first and (tokens.texts[last].casefold() in CONNECTORS or not _capitalised(tokens.texts[last])) \
            and not (last > first and _syllable(text, tokens, last)):
        last -= 1
    if all(role(word) for word in tokens.texts[first:last + 1] if _capitalised(word)):
        return first, first - 1  # only roles and nationalities: 'Turkish and Russian'
    return first, last


def _sentence_initial(text: str, start: int) -> bool:
    if text[start - 1:start] == " " and (last := text[start - 2:start - 1]) and last not in _SENTENCE_BREAKS and \
            last not in _OPENING_SPACE:
        return False  # most words: a space after a word's last letter or a comma, inside a sentence
    before = text[max(0, start - 64):start].rstrip(_OPENING_SPACE)  # a short look back: texts can be huge
    if before.endswith(".") and _ABBREVIATED_TITLE.search(before):
        return False  # 'Mr. Obama', 'Sen. Warren': the period abbreviates a title
    return (not before and start < 64) or (bool(before) and before[-1] in _SENTENCE_BREAKS)


@lru_cache(maxsize=1 << 16)
def _lone_name(word: str) -> bool:
    """A capitalised word standing alone that may be a name: not a title, nationality or sentence opener."""
    lower = word.casefold()
    return (len(word) >= 3 or two_letter_name(word)) and lower not in _NOT_NAME_STARTS and lower not in TITLES \
        and not is_demonym(word)


def two_letter_name(word: str) -> bool:
    """'Xi', 'Li', 'Wu' -> True: a capital and a small letter English does not know may be a surname (Chinese and
    Korean names have such); 'Mr', 'Jr', 'In' are titles, a generation or words."""
    return len(word) == 2 and word[0].isupper() and word[1].islower() and not english_word(word) and \
        word.casefold() not in _NOT_NAME_STARTS and word.casefold() not in TITLE_ABBREVIATIONS and \
        word.casefold() not in ("jr", "sr")


# A capitalised word, maybe abbreviated, just before a name: a title when TITLES lists it ('Mr.', 'President').
WORD_BEFORE = re.compile(r"([A-Z][a-z]+)\.? $")


def two_letter_person(text: str, word: str, start: int) -> bool:
    """'Mr. Wu', 'President Wu', or 'Wu' in an article that writes 'Wu Tao' -> True: two letters alone ('Hz', 'Ok',
    'Fe', 'Uh') are a name only after a title or as the first word of a full name the article writes."""
    before = WORD_BEFORE.search(text, max(0, start - 16), start)
    return (before is not None and before.group(1).casefold() in TITLES) or \
        re.search(rf"\b{word} [A-Z][a-z]", text) is not None


def _after_prefix(text: str, start: int) -> bool:
    """'anti-Semitism', 'non-Hispanic': a word glued to a lower-case prefix is a word, not a name of its own."""
    return start >= 2 and text[start - 1] == "-" and text[start - 2].islower()


def _candidates(text: str, tokens: Tokens, taken: set[int], lines: list[tuple[int, int, int]]) -> list[Candidate]:
    headlines = [(a, b) for a, b, n_long in lines if n_long >= 4]
    found = []
    for first, last in _runs(text, tokens, taken):
        if first == last:  # most runs are one word: what _trim and the lone-word rule say depends on it alone
            start, word = tokens.starts[first], tokens.texts[first]
            if _lone_name(word) and not _after_prefix(text, start) and \
                    not (len(word) == 2 and (text[tokens.ends[first]:tokens.ends[first] + 1] == "." or
                                             not two_letter_person(text, word, start))) and \
                    (not _sentence_initial(text, start) or owner_opening(text, word, tokens.ends[first]) or
                     companion(text, word, tokens.ends[first])) and \
                    not in_handle(text, start) and \
                    not (headlines and any(a <= start < b for a, b in headlines)):
                found.append(Candidate(word, start, tokens.ends[first], None))
            continue
        first, last = _trim(text, tokens, first, last)
        if first > last or any(a <= tokens.starts[first] < b for a, b in headlines) or \
                in_handle(text, tokens.starts[first]):
            continue
        n_caps = sum(_capitalised(word) for word in tokens.texts[first:last + 1])
        word = tokens.texts[first]
        lone_ok = ((len(word) >= 3 or (two_letter_name(word) and two_letter_person(text, word, tokens.starts[first])))
                   and not _sentence_initial(text, tokens.starts[first])
                   and word.casefold() not in NOT_NAMES and not is_demonym(word))
        if n_caps >= 2 or (n_caps == 1 and lone_ok):
            start, end = tokens.starts[first], tokens.ends[last]
            found.append(Candidate(text[start:end], start, end, None))
    return found


def _part_of_longer_name(text: str, tokens: Tokens, first: int, last: int, headlines: list) -> bool:
    """A match followed by a capitalised word in prose ('Washington Post', 'Trump Tower', 'Jordan Libowitz'), or
    preceded by one that is not a title, nationality or sentence opener ('South Sudan'): another, longer name."""
    start, after = tokens.starts[first], last + 1
    if any(a <= start < b for a, b in headlines):
        # in a title-case line only a word that names organisations makes a longer name ('Washington Post')
        return after < len(tokens.texts) and _joined(text, tokens, last, after) and text[tokens.ends[last]] == " " \
            and tokens.keys[after] in ORGANISATION_WORDS
    after = last + 1
    if after < len(tokens.texts) and not tokens.keys[after]:
        return False  # a possessive ends the name
    if after < len(tokens.texts) and _joined(text, tokens, last, after) and text[tokens.ends[last]] == " ":
        word = tokens.texts[after]
        if word[:1].isupper() and word.isalpha() and not word.isupper() and word.casefold() not in NOT_NAMES \
                and word.casefold() not in TITLES and word.casefold() not in DEMONYMS:
            return True  # ('Jordan Fabian': a surname may end like a nationality)
    before = first - 1
    if before >= 0 and text[tokens.ends[before]:start] == " ":
        word = tokens.texts[before]
        return (word[:1].isupper() and word.isalpha() and not word.isupper() and _lone_name(word)
                and not _sentence_initial(text, tokens.starts[before]))
    return False


def find_names(text: str, index: EntityIndex) -> tuple[list[Mention], list[Candidate]]:
    """Text + EntityIndex -> (mentions of known entities, capitalised names left unmatched or ambiguous); a known
    name inside a longer one ('Washington Post') or a person's name with 'Jr.' after it is left to the longer one, a
    candidate."""
    tokens = tokenize(text)
    resolved, unresolved = _resolve(text, tokens, index)
    lines = _title_case_lines(text)
    headlines = [(a, b) for a, b, _ in lines]
    resolved = [r for r in resolved if (r[0] != r[1] or tokens.keys[r[0]] in index.acronyms
                or not _part_of_longer_name(text, tokens, r[0], r[1], headlines))
                and not (index.types.get(r[2]) == "person" and _GENERATION.match(text, tokens.ends[r[1]]))]
    mentions, taken = [], set()
    for first, last, entity_id, kind in resolved:
        first = _expand_left(tokens, first)
        start, end = tokens.starts[first], tokens.ends[last]
        person = index.types.get(entity_id) == "person"
        surface = text[start:end]
        spelling = tokens.texts[last] if person else surface  # a person's spelling is the surname as written
        mentions.append(Mention(entity_id, surface, spelling, start, end, kind))
        taken.update(range(first, last + 1))
    candidates = []
    for first, last, note in unresolved:
        start, end = tokens.starts[first], tokens.ends[last]
        candidates.append(Candidate(text[start:end], start, end, note))
        taken.update(range(first, last + 1))
    candidates += _candidates(text, tokens, taken, lines)
    mentions.sort(key=lambda m: m.start_char)
    candidates.sort(key=lambda c: c.start_char)
    return mentions, candidates
