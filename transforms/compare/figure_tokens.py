"""What the words at a place in a body are, for the counted phrase after a number: a plural, a noun, a verb with its
object, a possessive, adjectives joined before their noun, a quotation opening, the word that opens what is counted
('of the', 'per'), a name standing alone; read with the parts of speech from lemminflect's lexicon.
"""
import re

from transforms.compare.figure_words import (
    DETERMINERS,
    IRREGULAR_PLURALS,
    MEASURES,
    NOT_PLURALS,
    PARTICIPLES,
    PLURAL_OF,
    STOP,
    TIMES,
    is_plural_form,
    word_classes,
)
from transforms.compare.numbers import NUMBER_WORDS
from transforms.lexicon import is_demonym

# 'U.S.' and 'COVID-19' are one word; an opening quote mark does not end the phrase ('a third of the “donations”'),
# nor a closing one ('16 “outlandish” statements')
TOKEN = re.compile(r"[ \t]+[\"“‘']?([A-Za-z](?:\.[A-Za-z])+\.?|[A-Za-z][A-Za-z'’-]*(?:(?<=-)\d+)?)")
# After a word ending in s, words that open its object: then it is a verb ('capacity makes more sense'); not articles,
# which open a rate or a clause after a plural noun as often ('two lease sales a year', 'voters the wrong ballot').
_OBJECT_OPENERS = frozenset("no more less fewer".split())
# Not 'the' nor 'this', which open a time or a clause after a plural noun as often ('two annual parades this year').
_DETERMINED_NEXT = re.compile(r"[ \t]+(?:(?:his|her|their|its|our|my|your|us|them|him|me|two|three|four|five|six|"
                              r"seven|eight|nine|ten)\b|\d)")
_TIME_AGO = re.compile(r"[ \t]+[a-z]+[ \t]+(?:ago|earlier|later)\b")
MAX_WHAT_WORDS = 4
_CLAUSE_NEXT = re.compile(r"\s*(?:[,.;:)!?\"”—–]|$)|[ \t]+(?:which|who|whose|where|whereby|when|that|and|or|in|on|"
                          r"for|with|at|by|since|during|against|from|of)\b")
_NOUN_AFTER_NOUN = re.compile(r"\s*[.,;:)]|[ \t]+(?:in|of|for|on|at|among|across|nationwide|nationally|overall)\b")


def measured(unit: str, raw: str, word: str, body: str, pos: int, governed: bool = False) -> bool:
    """A unit + the word right after it (and where it ends) -> True when the figure measures that word: a plural after
    a unit of measure ('45 mph gusts'); after a percentage or (singular) money a word only ever a noun ('97 percent
    accuracy'), or a noun that may be a verb before a clause end or a preposition ('$1,140 bail.', '15% support in
    polls', '56 percent support among women'; not '47 percent gave', '20 percent want to', '42 percent want major
    changes'), or any noun when a
    preposition governs the figure, which then is no subject ('on $1,140 bail following'), unless it ends in s as
    a verb does ('by 3 percent signals that')."""
    if not raw.islower():
        return False
    if unit in MEASURES and is_plural(word):
        return True
    if not (unit == "percent" or unit.isupper()) or word in STOP or (unit.isupper() and is_plural(word)) \
            or word.endswith("ly") or word in PARTICIPLES:
        return False  # 'up to $1,200 lawmakers just approved', '$1,104 weekly', '$967 billion set'
    classes = word_classes(word)
    if governed and "NOUN" in classes and not word.endswith("ing") and not is_plural_form(word):
        return True  # not 'with 56 percent saying', 'by 3 percent means that': a participle or a verb in s
        # after the figure makes a clause of it
    return classes == {"NOUN"} or ("NOUN" in classes and bool(_NOUN_AFTER_NOUN.match(body, pos)))


def object_next(body: str, word: str, pos: int) -> bool:
    """A word ending in s + where it ends -> True when a comparative or (after a word no plural, 'means') a gerund
    follows: the word is a verb with its object."""
    token = TOKEN.match(body, pos)
    if not token:
        return False
    return token[1] in _OBJECT_OPENERS or (not is_plural(word) and token[1].endswith("ing") and token[1].islower())


def joined(words: list[str], opened: str, body: str, pos: int) -> bool:
    """The phrase so far + the word that opened it + where 'and' or 'or' ends -> True when it holds only adjectives
    and another follows ('democratic and republican', 'current and former'), or one noun after 'in' or 'of' and
    another follows ('$2.4 million in radio and television advertising'), or two and a plural head follows the next
    ('of U.S. steel and aluminum imports'): they are joined before their noun."""
    after = TOKEN.match(body, pos)
    if not words or not after or after[1].lower() in STOP or after[1].lower() in NUMBER_WORDS:
        return False
    if opened in ("in", "of") and len(words) == 1 and after[1].islower() and "NOUN" in word_classes(after[1]):
        return True
    if opened in ("in", "of") and len(words) == 2 and after[1].islower() and not is_plural(after[1]) \
            and (head := TOKEN.match(body, after.end())) and head[1].islower() and is_plural(head[1]) \
            and not ((then := TOKEN.match(body, head.end())) and then[1].islower() and is_plural(then[1])):
        return True  # 'of U.S. steel and aluminum imports': two modifiers joined before their plural head (not
        # 'income or sales taxes', whose first plural ends it, nor 'use and greenhouse gas emissions')
    return all(adjective(word) for word in [*words, after[1].lower()])


def adjective_only(word: str) -> bool:
    """'unpaid', 'civil' -> True: a word the lexicon knows only as an adjective ('years of unpaid parking tickets')."""
    return word_classes(word) == {"ADJ"}


def adjective(word: str) -> bool:
    """'former', 'democratic', 'asian' -> True: a word the lexicon knows as an adjective, or a demonym."""
    return "ADJ" in word_classes(word) or is_demonym(word.capitalize())


def verb_after_noun(previous: str, body: str, pos: int) -> bool:
    """The word before a word in s + where that ends -> True when a singular noun stands before it and a possessive or
    a number or an object pronoun after it ('the 100-mile zone encompasses two out of three', 'the 25 percent tariff
    hits 1,102 lines', 'a two year deal gets us')."""
    return not is_plural(previous) and bool(_DETERMINED_NEXT.match(body, pos)) and "NOUN" in word_classes(previous)


def verb_in_s(word: str, body: str, pos: int) -> bool:
    """A word in s the lexicon knows only as a verb, before more of its clause ('applies so unevenly', 'provides
    cover'), not before a clause boundary: the lexicon knows some plurals only as verbs ('15 review acts whereby')."""
    return word.endswith("s") and word_classes(word) == {"VERB"} and not _CLAUSE_NEXT.match(body, pos)


def possessive(token: re.Match, opened: str, body: str, pos: int) -> bool:
    """A TOKEN match -> True for a possessive, which determines the noun after it ('the nation’s clinicians'); a
    plural's only after 'of' and before a word ('20 percent of the United States’ uranium assets'): elsewhere 'nine
    members’ terms' counts members."""
    raw = token[1].lower()
    if raw.endswith(("'s", "’s")):
        return True
    return opened == "of" and raw.endswith(("s'", "s’")) and not opens_quote(token) and bool(TOKEN.match(body, pos))


def noun_next(body: str, pos: int) -> bool:
    """True when the word at pos is a lower-case noun ('less benefit'), not an adjective ('more likely')."""
    token = TOKEN.match(body, pos)
    return bool(token) and token[1].islower() and token[1] not in STOP and "NOUN" in word_classes(token[1])


def noun_plural_next(body: str, pos: int) -> bool:
    """True when the word at pos is a plural the lexicon knows only as a noun ('hourly employees', 'undocumented
    immigrants'): the word before it modifies it."""
    token = TOKEN.match(body, pos)
    return bool(token) and token[1].islower() and is_plural(token[1]) and word_classes(token[1]) == {"NOUN"}


def plural_noun_next(body: str, pos: int) -> bool:
    """True when the word at pos is a lower-case plural noun ('outside groups'), not a verb ('over counts')."""
    token = TOKEN.match(body, pos)
    if not token or body[pos - 1] in "'’" or not token[1].islower() or token[1] in STOP or not is_plural(token[1]):
        return False
    return "NOUN" in word_classes(token[1])


def opens_quote(token: re.Match) -> bool:
    """A TOKEN match -> whether a quote mark opens before its word ('a 25 percent hike “needs …')."""
    return token[0].lstrip()[:1] in "\"“‘'"


def modifier_next(body: str, pos: int) -> re.Match | None:
    """The match of the word at pos when it modifies a content word after it ('507 currently hospitalized compared
    to', 'three entirely different approaches'), else None: a verb before a function word ('sharply disagreed in')."""
    token = TOKEN.match(body, pos)
    return token if token and token[1].islower() and token[1] not in STOP and continues(body, token.end()) else None


def continues(body: str, pos: int) -> bool:
    """True when a content word follows at pos: the participle before it is an adjective ('wounded soldiers')."""
    token = TOKEN.match(body, pos)
    return bool(token) and token[1].lower() not in STOP


def is_plural(word: str) -> bool:
    """'refugees', 'people' -> True; 'ceasefire', 'progress', 'status' -> False."""
    return word in IRREGULAR_PLURALS or (word.endswith("s") and not word.endswith(("ss", "us", "is", "'s", "’s"))
                                         and word not in NOT_PLURALS)


def plural(word: str) -> str:
    """Singular noun -> plural ('soldier' -> 'soldiers', 'person' -> 'people'); plurals and participles unchanged."""
    if word in PLURAL_OF:
        return PLURAL_OF[word]
    if is_plural(word) or word.endswith("ed"):
        return word
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "i", "o", "u"):
        return word[:-1] + "ies"
    return word + "s"


def opening(word: str, unit: str | None, body: str, pos: int) -> int | None:
    """A word that opens what a figure counts ('of', 'in', 'per', 'a') + where it ends -> where the counted phrase
    starts (after a determiner: 'of the voters'), or None when what follows is no counted thing."""
    if word in ("a", "an") and _TIME_AGO.match(body, pos):
        return None  # '$21 billion a year ago' says when, not a rate
    if (det := TOKEN.match(body, pos)) and det[1].lower() in DETERMINERS:
        if unit not in (None, "percent") and not (word == "of" and unit.isupper()):
            return None  # '100 miles of the border', '$7 million in the first quarter' say where or when; money is
            # of what it is part of: '$5 million of the grant'
        if det[1].lower() in ("all", "both") and (then := TOKEN.match(body, det.end())) \
                and then[1].lower() in DETERMINERS:
            return then.end()  # 'of all the cases': a quantifier then an article
        return det.end()
    if word == "of" and det and det[1].lower() in ("every", "each"):
        return None  # '30 cents of every dollar', '9 of every 10': a proportion's base, not what is counted
    if unit in TIMES and word == "of" and det and name_alone(det, body):
        return None  # 'four more years of Smith': a name after a span says whose time it is, not what is counted
    return pos


def name_alone(token: re.Match, body: str) -> bool:
    """A TOKEN match -> True for capitalised words, not possessive, that no lower-case content word follows within
    the phrase: a name ('years of Smith.', 'days of Senate Foreign Relations Committee hearings'), not words before
    their noun ('years of Jewish history', 'years of New York politics')."""
    if not token[1][:1].isupper():
        return False
    run = 0
    while token and token[1][:1].isupper():  # 'years of New York politics': a name may modify the noun after it
        if token[1].endswith(("'s", "’s")):
            return False
        token, run = TOKEN.match(body, token.end()), run + 1
    # a name too long for its noun to follow within the phrase is read as the name alone
    return not token or not token[1].islower() or token[1] in STOP or run >= MAX_WHAT_WORDS
