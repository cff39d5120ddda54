"""Names -> entities: folded multi-pattern matching of the entity table's names, surnames resolved in context, acronyms
written as words ('Ovra' of an OVRA), unmatched names kept (as `capitalised` reads them from the text's `tokens`,
outside its `title_case` lines)."""

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import compress

import ahocorasick

from transforms.lexicon import (
    ARTICLES,
    HYPHEN_ARTICLES,
    NOT_NAMES,
    TITLES,
    english_word,
    fold_word,
    is_demonym,
)
from transforms.names import gazetteer
from transforms.names.capitalised import Candidate, part_of_longer_name, run_candidates
from transforms.names.title_case import title_case_lines
from transforms.names.tokens import Tokens, name_key, tokenize

# Unions built once: they are tested for every token of every article.
_ANY_ARTICLE = ARTICLES | HYPHEN_ARTICLES
# 'Donald Trump Jr.', 'Robert F. Kennedy, Jr.': a son of the same name, another person than the name alone.
_GENERATION = re.compile(r",? (?:Jr|Sr)\b")


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
class EntityIndex:
    """Alias keys of known entities, compiled into one automaton."""

    automaton: ahocorasick.Automaton
    targets: Mapping[str, tuple[tuple[str, str], ...]]  # key -> ((entity_id, "alias"|"surname"), ...)
    types: Mapping[str, str]
    acronyms: frozenset[str]


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


def find_names(text: str, index: EntityIndex) -> tuple[list[Mention], list[Candidate]]:
    """Text + EntityIndex -> (mentions of known entities, capitalised names left unmatched or ambiguous); a known
    name inside a longer one ('Washington Post') or a person's name with 'Jr.' after it is left to the longer one, a
    candidate."""
    tokens = tokenize(text)
    resolved, unresolved = _resolve(text, tokens, index)
    lines = title_case_lines(text)
    headlines = [(a, b) for a, b, _ in lines]
    resolved = [r for r in resolved if (r[0] != r[1] or tokens.keys[r[0]] in index.acronyms
                or not part_of_longer_name(text, tokens, r[0], r[1], headlines))
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
    candidates += run_candidates(text, tokens, taken, lines)
    mentions.sort(key=lambda m: m.start_char)
    candidates.sort(key=lambda c: c.start_char)
    return mentions, candidates
