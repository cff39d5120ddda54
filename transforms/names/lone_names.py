"""A lone word or acronym of the corpus -> the entity it names, by the articles' votes: a country, state or big city it
names, the only or usual person bearing it as a surname (a title's sex rules bearers out), the person the articles
naming her give it as a given name, the expansion the articles give an acronym most, an outlet; else ambiguous, an
entity of its own, or no name. Also a lone word's type when it is an entity of its own."""

from collections import Counter, defaultdict
from operator import itemgetter

import pyarrow as pa

from transforms.lexicon import THING_WORDS, english_word, fold_word
from transforms.names import gazetteer
from transforms.names.name_ids import id_tokens, total_rows
from transforms.names.name_words import key_tokens, name_type

ACRONYM_SHARE = 2 / 3     # the share of an acronym's expansions that must name one entity
# An expansion fewer than three articles give must be written once for every 50 times the acronym stands alone.
ACRONYM_VOICES, ACRONYM_RATIO = 3, 50
# A surname the articles that name its bearer resolve to one person this often (share, and at least USUAL_COUNT
# times) is that person where an article does not say: 'Obama' beside a rarely named 'Michelle Obama'.
USUAL_MIN, USUAL_COUNT = 0.9, 20
# A lone word written alone more than this many times as often as the one full name ending in it is no surname of it.
LONE_RATIO = 5
SMALL_TOWN = 200_000  # a town this small named by a given name is named for its people's given name more often
_PENDING_SEX = {"pending_m": "m", "pending_f": "f", "pending_person": "p", "pending": None}


def corpus_acronyms(totals: pa.Table, heads: dict[str, str]) -> dict[str, tuple[str, int]]:
    """Acronym as written -> (the head id of the expansion the articles give it when most agree, how many do)."""
    votes: dict[str, Counter] = defaultdict(Counter)
    # Articles vote, not mentions: one article repeating its acronym (or a typo in its expansion) is one voice.
    for name_id, _, surface, _, articles in total_rows(totals, "acronym"):
        votes[surface][heads.get(name_id, name_id)] += articles
    found = {}
    for surface, counter in votes.items():
        best, n = max(counter.items(), key=itemgetter(1))  # the first of the most, as most_common(1)
        if n >= ACRONYM_SHARE * sum(counter.values()):
            found[surface] = (best, n)
    return found


def surname_votes(totals: pa.Table, heads: dict[str, str], kind: str = "surname_in_article"
                   ) -> dict[str, Counter]:
    """A lone surname (or, by kind, a lone given name) -> how many times the articles naming its bearers resolve it
    to each."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for name_id, _, surface, n, _ in total_rows(totals, kind):
        tokens = key_tokens(surface)
        if len(tokens) == 1:
            votes[tokens[0]][heads.get(name_id, name_id)] += n
    return votes


def usual_bearers(votes: dict[str, dict[str, int]]) -> dict[str, tuple[str, float, int]]:
    """A lone surname's (or given name's) votes -> (the person the articles naming its bearers resolve it to
    most, that share, how many times the articles resolved it)."""
    usual = {}
    for word, counter in votes.items():
        best, n = max(counter.items(), key=itemgetter(1))  # the first of the most, as most_common(1)
        total = sum(counter.values())
        usual[word] = (best, n / total, total)
    return usual


def surname_heads(heads: dict[str, str], types: dict[str, str]) -> dict[str, set[str]]:
    """Heads by id + types -> the heads of the people bearing each last word."""
    found: dict[str, set[str]] = defaultdict(set)
    for name_id, head in heads.items():
        if types.get(head) == "person":
            found[id_tokens(name_id)[-1]].add(head)
    return found


def _outnumbered(name_id: str, bearer: str, counts: Counter) -> bool:
    """Whether a lone word is written alone at most LONE_RATIO times as often as its bearer's name: 'Christmas' far
    more often than a 'Merry Christmas', 'Medicare' than a 'Romney Medicare', is a word or a name of its own."""
    return counts[name_id] <= LONE_RATIO * counts[bearer]


def lone_link(name_id: str, kinds: set[str], surface: str, context: dict) -> tuple[str | None, str | None, str | None]:
    """A lone word's provisional id -> (head id or itself, match kind, note) by the rules of the module doc."""
    word = id_tokens(name_id)[0]
    places = gazetteer.places()
    if surface.isupper() and len(surface) > 1 and word in context["outlets"]:
        return name_id, "discovered", None
    if surface.isupper() and len(surface) > 1:
        head, voices = context["acronyms"].get(surface, (None, 0))
        if head and voices < ACRONYM_VOICES and context["counts"][name_id] > ACRONYM_RATIO * context["counts"][head]:
            head = None  # 'super PAC' everywhere, one article's 'Paradigm Accelerated Curriculum (PAC)'
        return (head, "acronym_in_corpus", None) if head else (None, None, None)
    if places.is_major(word):
        return name_id, "discovered", None
    sexes = {_PENDING_SEX[k] for k in kinds}
    if surface.upper() in context["acronyms"] and not sexes - {None} and _acronym_as_word(surface, word, context):
        return context["acronyms"][surface.upper()][0], "acronym_in_corpus", None
    bearers = sorted(context["surnames"].get(word, ()))
    usual = context["usual"].get(word)
    if sexes & {"m", "f"} and len(bearers) > 1:
        given = gazetteer.given_names()
        bearers = [b for b in bearers if given.get(id_tokens(b)[0], "u") in sexes | {"u"}] or bearers
        # 'Mr. Quill': the usual bearer among the men the articles resolve the surname to, not all its bearers
        votes = context["votes"].get(word)
        theirs = {b: n for b, n in votes.items() if b in bearers} if votes else None
        usual = usual_bearers({word: theirs}).get(word) if theirs else None
    # 'his son, Will,', 'betting that Rupert': an untitled given name is a surname only where the corpus often
    # resolves it as one, and never when it also writes it in lower case
    given = not sexes - {None} and word in gazetteer.given_names() and \
        (word in context["common"] or not usual or usual[2] < USUAL_COUNT)
    if given and len(bearers) == 1:
        return None, None, None
    if usual and usual[2] >= USUAL_COUNT and usual[1] >= USUAL_MIN and len(id_tokens(usual[0])) > 1 and \
            id_tokens(usual[0])[0] == word and _outnumbered(name_id, usual[0], context["counts"]):
        return usual[0], "surname_in_corpus", None  # 'Wu' for Wu Tao: a family name written first
    # Only a word the articles use as a surname ('Mr. Ebeling', or resolved to a full name somewhere) is one here:
    # 'Fla', 'Thanksgiving' or 'Nancy' next to a name that happens to end in it are not.
    if len(bearers) == 1 and (usual or sexes - {None}) and _outnumbered(name_id, bearers[0], context["counts"]):
        return bearers[0], "surname_in_corpus", None
    if not given and usual and usual[2] >= USUAL_COUNT and usual[1] >= USUAL_MIN and usual[0] in bearers \
            and _outnumbered(name_id, usual[0], context["counts"]):
        return usual[0], "surname_in_corpus", None
    owner = context["owners"].get(word)
    if not bearers and not sexes - {None} and owner and owner[2] >= USUAL_COUNT and owner[1] >= USUAL_MIN and \
            word not in context["common"] and _outnumbered(name_id, owner[0], context["counts"]):
        return owner[0], "given_name_in_corpus", None  # 'Hillary' alone: the articles that name her say who
    if bearers:
        return None, None, "ambiguous: " + ", ".join(context["name_of"](b) for b in bearers)
    # A lone word of its own is a place or a titled person; anything else ('Hindu', 'DUIs') is too often no name.
    own = (places.is_place(word) and not _word_before_town(word, context["common"])) or word in context["outlets"] \
        or (sexes - {None} and word not in THING_WORDS)  # 'Mr. Day' now and then leaves 'Day 390' no entity
    return (name_id, "discovered", None) if own else (None, None, None)


def _acronym_as_word(surface: str, word: str, context: dict) -> bool:
    """'Ovra' of an OVRA: an acronym of four letters or more the articles expand, written as a word with a capital, as
    some outlets do, when English has no such word, nobody is given it as a name (a lone 'Zelda' is a woman more
    often than a ZELDA) and the corpus never writes it in lower case."""
    found = context["acronyms"].get(surface.upper())
    return found is not None and found[1] >= ACRONYM_VOICES and len(surface) >= 4 and surface.isalpha() and \
        surface[1:].islower() and word not in context["common"] and not english_word(surface) and \
        fold_word(surface) not in gazetteer.given_names()


def _word_before_town(word: str, common: set[str]) -> bool:
    """'Time', 'Federal', 'Nancy', 'Anna': a town's name the corpus also writes in lower case, or a given name that
    only a town of under 200,000 people bears, alone is that word or person far more often than the town."""
    return word in common or (word in gazetteer.given_names() and gazetteer.places().cities.get(word, 0) < SMALL_TOWN)


def lone_type(name_id: str, by_kind: Counter, outlets: frozenset[str]) -> str:
    """A lone word's type: an outlet's is an organisation's; a person's when a title comes before it, unless it names
    a country, state or large city and most of its mentions are untitled ('Rep. Jordan' now and then leaves 'Jordan'
    the country)."""
    if id_tokens(name_id)[0] in outlets:
        return "organisation"
    titled = sum(n for kind, n in by_kind.items() if _PENDING_SEX.get(kind))
    major = gazetteer.places().is_major(id_tokens(name_id)[0])
    if titled and (not major or 2 * titled > sum(by_kind.values())):
        return "person"
    return name_type(id_tokens(name_id))
