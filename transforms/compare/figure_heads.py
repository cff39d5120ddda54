"""What a figure measures when a noun phrase before it heads it or a verb changes it: the noun 'of' joins it to
('sales of $847 million', 'a town of 9,000' -> its residents), not an idiom of approximation or position ('in the
region of', 'in front of'); or the object of a verb that changes or sets it ('cut taxes by $1.5 trillion', 'put the
cost at $2 billion'); or the group a percentage in a parenthesis gives the share of ('a majority of Republicans
(61 percent)').
"""

import re

from transforms.compare.figure_subjects import PREPOSITIONS, WORD_BACK, change_after, named, noun, opens, phrase_back
from transforms.compare.figure_words import IRREGULAR_PLURALS, TIMES, word_classes
from transforms.compare.numbers import NUMBER_WORDS
from transforms.lexicon import is_demonym

# A verb that changes or sets a level, its object, and the preposition before the figure: 'raised the minimum wage to',
# 'cut taxes by', 'put the cost at'.
_OBJECT_VERB = re.compile(r"\b(?i:rais(?:e|es|ed|ing)|increas(?:e|es|ed|ing)|cut(?:s|ting)?|reduc(?:e|es|ed|ing)|"
                          r"boost(?:s|ed|ing)?|lower(?:s|ed|ing)?|hik(?:e|es|ed|ing)|slash(?:es|ed|ing)?|"
                          r"trim(?:s|med|ming)?|lift(?:s|ed|ing)?|"
                          r"(?P<motion>sen(?:t|d|ds|ding)|dr(?:ive|ives|ove|iven|iving)|br(?:ing|ings|ought|inging)|"
                          r"push(?:es|ed|ing)?|pull(?:s|ed|ing)?|drag(?:s|ged|ging)?)|"
                          r"(?P<setting>set(?:s|ting)?|put(?:s|ting)?|"
                          r"cap(?:s|ped|ping)?|peg(?:s|ged|ging)?|estimat(?:e|es|ed|ing)|plac(?:e|es|ed|ing)|"
                          r"kept|keep(?:s|ing)?|h[eo]ld(?:s|ing)?|fix(?:es|ed|ing)?|"
                          # a report sets its object at a level too, and so does 'with': 'a survey showing the
                          # jobless rate at 5%', 'with inflation at 2%' (only before 'at': 'came with him and cut
                          # his travel by 90%' is the cut's)
                          r"(?P<report>(?:show(?:s|ed|n|ing)?|f(?:ound|inds?|inding)|with)"
                          r"(?=[^\n,;:.!?()]{1,50}[ \t]at[ \t]+$)))|nudg(?:e|es|ed|ing)|"
                          r"bump(?:s|ed|ing)?)[ \t]+"
                          r"(?P<np>[^\n,;:.!?()\"“”]{1,50}?),?[ \t]+(?P<prep>by|to|at|from)[ \t]+$")
_WHEN_AFTER = re.compile(r"[ \t]+(?:(?:in|during|for|through)[ \t]+\d{4}|[a-z]+ly)$")  # 'in 2014', 'sharply'
# 'a tax cut of only $60', 'a tolerance of plus or minus 2 millimetres'
_OF_BEFORE = re.compile(r"(?:^|[ \t])of[ \t]+(?:(?:only|just|plus[ -]or[ -]minus|\+/-|±)[ \t]*)?$")
# Nouns before 'of N' that say how a figure is given, not what it measures: 'a total of', 'to the tune of', 'over the
# course of', 'the likes of'.
_NOT_HEADS = frozenset("""total sum average number amount maximum minimum tune course matter space time likes excess
upwards north south short shy factor part each any all none some most end start beginning middle rest""".split())
# Words after which a verb may open the phrase before 'of': 'asked to award damages of', 'which charges tuition of',
# 'after reporting profit of'.
_VERB_OPENERS = frozenset("""to that which who he she it they we i you is are was were be been being after before by
while when without since can could will would may might must should""".split())
# A record's level names no measure ('a 52-week low of 3,100'); a peak may ('the prior peak of $2.6 trillion').
_RECORDS = frozenset("low lows high highs".split())
_FRACTIONS = frozenset("half halves third thirds quarter quarters fourth fifth fifths tenth tenths".split())
# Places named by a count are named by their people: 'a city of 360,000'.
_PLACES = frozenset("city cities town towns village villages country countries nation state county district suburb "
                    "island region community".split())
# A preposition and a singular noun with 'the' before 'of' make a hedge, not a head: 'in the region of £80 million',
# 'to the value of', 'in the order of'; so does 'in' and a bare noun after a verb ('scored in front of 50,000'), not
# after a noun of change ('a rise in revenue of').
_IDIOM_BEFORE = re.compile(r"(?:^|[ \t])(?:(?i:in|to)[ \t]+(?i:the)|(?P<bare>[A-Za-z]+)[ \t]+in)"
                           r"[ \t]+[a-z]+[^s\W][ \t]+$")


def head_of(body: str, start: int, unit: str | None = None) -> str | None:
    """A figure's start (and unit) -> the noun phrase 'of' joins it to ('sales of $847 million' -> 'sales', 'a top tax
    rate of 35 percent' -> 'top tax rate', 'a population of 3 million' -> 'population', 'a town of 9,000' ->
    'residents'), or None."""
    of = _OF_BEFORE.search(body, max(0, start - 24), start)
    if not of:
        return None
    end = of.start() + (of[0][0] != "o")
    if (idiom := _IDIOM_BEFORE.search(body, max(0, end - 40), end)) and not idiom[0].rstrip().endswith("ing") and not (
            idiom["bare"] and "NOUN" in word_classes(idiom["bare"].lower())):
        return None  # 'in the region of', 'in front of' (not 'the cost in spending of', 'a rise in pay of')
    words, begin = phrase_back(body, end)
    first = body.lower().find(words[0], begin, end) if words else -1  # after a determiner the phrase may open
    before = body[max(0, first - 20):first].split()
    if words and len(words) > 1 and "VERB" in word_classes(words[0]) and (
            (before and before[-1].lower() in _VERB_OPENERS) or opens(body, first)):
        words = words[1:]  # 'is seeking compensation of', 'a school that charges annual tuition of', 'to award damages'
    if not words or ("of" in words and not (_noun_of_noun(words) and not _OWNER.search(body, first, end))) \
            or words[-1] in _NOT_HEADS \
            or words[-1] in _RECORDS or words == ["worth"] or not noun(words[-1]) \
            or any(part in NUMBER_WORDS or part in _FRACTIONS for part in words[-1].split("-")):
        return None  # 'one-half of 1 percent' is a fraction of it; 'a 52-week low of 3,100' is a record, not the index
    return "residents" if words[-1] in _PLACES and unit is None else " ".join(words)  # not 'a city of £2 billion'


_AUXILIARIES = frozenset("will would can could may might must should shall to".split())
_WORTH_BEFORE = re.compile(r"(?:^|[ \t])worth[ \t]+(?:(?:only|just)[ \t]+)?$")


def worth_head(body: str, start: int) -> str | None:
    """A figure's start -> the noun phrase 'worth' follows ('a contract worth up to $13 billion' -> 'contract', 'stock
    ownership worth $10,000'), or None after a verb, a pronoun or a name ('is worth', "he's worth", 'Bloomberg,
    worth $50 billion': a person's wealth says nothing comparable)."""
    worth = _WORTH_BEFORE.search(body, max(0, start - 14), start)
    if not worth:
        return None
    end = worth.start() + (worth[0][0] != "w")
    words, begin = phrase_back(body, end)
    if not words or "NOUN" not in word_classes(words[-1]) or "ADV" in word_classes(words[-1]) \
            or named(body, begin, end):
        return None  # 'a trade once worth', 'at best worth': an adverb is no noun phrase
    if len(words) > 1 and (words[0].endswith("ing") or words[0] in TIMES):
        words = words[1:]  # 'making expenditures worth $5m', 'a four year deal worth': a verb, a span's unit
    before = WORD_BACK.search(body, max(0, begin - 20), begin)
    if len(words) > 1 and before and before[1].lower() in _AUXILIARIES:
        words = words[1:]  # 'will mail parents vouchers worth': a verb after an auxiliary, not a noun
    if "of" in words:  # 'sales of homes worth $1 million': the homes are worth it, yet a verb after the phrase
        return None  # measures the sales ('Sales of homes worth $1 million rose 5 percent')
    if len(words) > 1 and (words[0] in _PEOPLE or words[0] in IRREGULAR_PLURALS):
        words = words[1:]  # 'send families food parcels worth $50': the people are the first object
    verbs = [n for n, word in enumerate(words[:-1]) if word.endswith("s") and "VERB" in word_classes(word)]
    return " ".join(words[verbs[-1] + 1:] if verbs else words) or None  # 'the form lists assets worth': a verb and
    # its object


_OWNER = re.compile(r"\w['’]s?\b")  # "the heir of Stalin's policy": an owner inside the phrase


def _noun_of_noun(words: list[str]) -> bool:
    """['margin', 'of', 'error'], ['rate', 'of', 'return'] -> True: a head noun the lexicon knows only as a noun, then
    'of' and one noun, a compound named as a whole; not a part or an amount of something ('half of', 'number of')."""
    at = words.index("of")
    return at > 0 and at == len(words) - 2 and words[at - 1] not in _NOT_HEADS and words[at - 1] not in _FRACTIONS \
        and word_classes(words[at - 1]) == {"NOUN"} and "NOUN" in word_classes(words[-1])


def object_measured(body: str, start: int, unit: str | None = None) -> str | None:
    """A figure's start (and unit) -> the object of the verb that changes or sets it ('raised the minimum wage to $15'
    -> 'minimum wage', 'cut taxes by $1.5 trillion' -> 'taxes', 'cut the rate from 35 percent' -> 'rate', 'put the
    cost at $2 billion' -> 'cost'), or None. A verb of motion changes a level from a figure only of money or a
    percentage ('pushed the rate from 5%'); from a length it moves its object ('pulled the survivors from 30 metres
    below'), though a length it sends its object to is a level ('pushed the river to 7 metres'). A report sets a level
    of money or a percentage ('a survey showing the jobless rate at 5%'), not a place ('found the wreck at 200 m')."""
    if body[max(0, start - 6):start].rstrip()[-2:] not in ("by", "to", "at", "om"):
        return None  # most figures have none of these before them: the last word tells cheaply
    verb = _OBJECT_VERB.search(body, max(0, start - 70), start)
    if not verb or (verb["prep"] == "at") != bool(verb["setting"]) or (
            (verb["motion"] and verb["prep"] == "from") or verb["report"]) and not (
            unit == "percent" or (unit or "").isupper()):
        return None  # 'found the wreck at 200 meters' says where, not a level
    span = _WHEN_AFTER.sub("", verb["np"])  # read alone, so the phrase cannot run back over the verb; 'increases
    # spending in 2014 to', 'raises the deduction sharply from': the year says when, the adverb how
    words, begin = phrase_back(span, len(span))
    before = WORD_BACK.search(span, 0, begin) if words else None
    if before and before[1].lower() in PREPOSITIONS and not verb["report"]:
        words, begin = phrase_back(span, before.start(1))  # 'raise spending on roads by 5%': the phrase before
    if verb["report"] and words and not _reported_level(body, verb, words, start):
        return None  # 'showed the rate holding steady at', 'found a buyer at', 'compared with the last quarter at'
    if not words or begin or named(body, verb.start("np"), verb.end("np")) or not noun(words[-1]):
        return None  # the phrase must be the verb's whole object ('keeping the increase unchanged at' is not); a
        # person's level says nothing comparable
    return " ".join(words)


# Participles and adjectives that state where a level stands: after a noun they open a clause ('the rate holding
# steady at', 'his rating sitting at', 'Obama polling at').
_LEVEL_WORDS = frozenset("""sitting standing holding hanging hovering remaining staying running polling trending steady
unchanged""".split())


# Before 'with', words that make it a comparison or company, not a level it sets: 'compared with the old plan at'.
_WITH_COMPARED = re.compile(r"\b(?i:compared|comparison|line|along|together|level|par|versus|than)[ \t]+$")
# After the figure, a comparison or a risk: 'found smokers at 30 percent higher risk' is no level of smokers.
_COMPARED_AFTER = re.compile(r"[^,;:!?\n]{0,20}?[ \t](?i:higher|lower|more|less|greater|smaller|increased|reduced|"
                             r"risk)\b")
# People are found or shown at a level of something else: 'found tenants at 12 percent'.
_PEOPLE = frozenset("""patient patients buyer buyers bidder bidders voter voters resident residents adult adults
student students worker workers customer customers user users tenant tenants owner owners smoker smokers families
households parents pensioners retirees seniors taxpayers""".split())


def _reported_level(body: str, verb: re.Match, words: list[str], start: int) -> bool:
    """True when a report's or 'with''s object is a level set at the figure ('found the jobless rate at', 'with
    rents at'); not a thing or person found ('found a buyer at', 'found tenants at 9 percent higher risk'), a time
    ('compared with the last quarter at') or a clause ('showed the rate holding steady at')."""
    head = words[-1]
    if not _plain_noun_phrase(words) or head.removesuffix("s") in TIMES or head in _PEOPLE \
            or head in IRREGULAR_PLURALS or _COMPARED_AFTER.match(body, start):
        return False
    if verb[0][:4].lower() == "with":
        return not _WITH_COMPARED.search(body, max(0, verb.start() - 20), verb.start())
    return verb["np"].split()[0].lower() not in ("a", "an")  # 'found a buyer at': a thing found, not a level


def _plain_noun_phrase(words: list[str]) -> bool:
    """'approval rating', 'hispanic approval of the president' -> True: a phrase ending in a word the lexicon knows as
    a noun; not one ending in a participle or a word of level ('approval rating sitting', 'the rate holding steady')."""
    return "NOUN" in word_classes(words[-1]) and words[-1] not in _LEVEL_WORDS and not words[-1].endswith("ed")


_GROUP_BEFORE = re.compile(r"([A-Za-z][\w'’-]*)[ \t]+\($")
_WORD_OR_NUMBER_BACK = re.compile(r"(?:^|[ \t])([A-Za-z][\w.'’-]*|\d[\d,]*)[ \t]*$")
_LISTED_BEFORE = re.compile(r"\)[ \t]*,?[ \t]*(?:(?:and|or)[ \t]+)?$")  # 'whites (67%), blacks (65%)'
# Words that count part of a group before 'of' or the group's noun: 'a majority of Republicans (61 percent)', 'most
# tenants (72 percent)', '270 of the incidents (13%)'.
_PART_WORDS = frozenset("""majority majorities half halves share shares third thirds quarter quarters fifth fifths
tenth tenths proportion fraction percent most many some all few none number""".split())


def group_restated(body: str, start: int, end: int) -> str | None:
    """'a majority of Republicans (61 percent) said', 'most tenants (72 percent)' (a percentage's span) -> the group
    whose share the percentage stands alone in a parenthesis after ('republicans', 'tenants'): a plural noun after a
    word counting part of it, a number or the parenthesis before it; None after anything else ('Illinois (9.4%)',
    'calmer as a result of the talks (31 percent)', 'a ban with exceptions (40 percent)', 'fell in most regions (12
    percent)')."""
    if body[start - 1:start] != "(" or body[end:end + 1] != ")" or change_after(body, end + 1):
        return None  # 'Shares of the two banks (4 percent) fell': the change of the clause's subject
    last = _GROUP_BEFORE.search(body, max(0, start - 40), start)
    if not last or not _group_noun(body, last):
        return None
    words, begin = phrase_back(body, last.end(1))
    if words and len(words) > 1 and _part_word(words[0]) and "of" not in words:
        words, begin = words[1:], begin + len(words[0]) + 1  # 'Many Nigerians (58 percent)': the group, not its part
    if not words:
        return None
    if "of" in words:
        at = len(words) - 1 - words[::-1].index("of")
        return " ".join(words[at + 1:]) if _part_word(words[at - 1]) and at + 1 < len(words) else None
    before = _WORD_OR_NUMBER_BACK.search(body, max(0, begin - 40), begin)
    if before and before[1].lower() == "of":
        before = _WORD_OR_NUMBER_BACK.search(body, max(0, before.start(1) - 40), before.start(1))
        return " ".join(words) if before and _part_word(before[1].lower()) else None
    if before and _part_word(before[1].lower()):
        return None if _governed(body, before.start(1)) else " ".join(words)  # not 'fell in most regions (12%)'
    if _listed(body, begin) or opens(body, begin):
        return " ".join(words)
    return None


_SKIPPED = frozenset("the these those all".split())


def _governed(body: str, at: int) -> bool:
    """True when a preposition stands before the part word at `at` (past a determiner): 'in most regions', 'of the two
    banks' are objects inside a clause, not the group it counts; not in a share ('nine in 10 nurses')."""
    before = _WORD_OR_NUMBER_BACK.search(body, max(0, at - 40), at)
    if before and before[1].lower() in _SKIPPED:
        before = _WORD_OR_NUMBER_BACK.search(body, max(0, before.start(1) - 40), before.start(1))
    if not before or not (before[1].lower() in PREPOSITIONS or before[1].lower() == "of"):
        return False
    share = _WORD_OR_NUMBER_BACK.search(body, max(0, before.start(1) - 40), before.start(1))
    return not (share and _part_word(share[1].lower()))


def _listed(body: str, begin: int) -> bool:
    """True when a parenthesis closes right before `begin`: the group is one of a list of groups and shares."""
    return bool(_LISTED_BEFORE.search(body, max(0, begin - 10), begin))


def _part_word(word: str) -> bool:
    """'majority', 'two-thirds', '270', 'most' -> True: a word that counts part of a group."""
    return word.split("-")[-1] in _PART_WORDS or word.replace(",", "").isdigit() or word in NUMBER_WORDS


def _group_noun(body: str, last: re.Match) -> bool:
    """The last word before a parenthesis -> True for a plural noun the lexicon knows, a demonym's plural or a plural
    it does not know in lower case ('voters', 'Americans', 'enrollees'); not a fraction ('two-thirds (68 percent)'),
    nor a name ending in s ('Illinois', 'the Department of Veterans Affairs')."""
    raw = last[1]
    word = raw.lower()
    if not (word.endswith("s") or word in ("men", "women", "people", "children")) or _part_word(word):
        return False
    if raw[:1].isupper() and (previous := WORD_BACK.search(body, max(0, last.start(1) - 40), last.start(1))) \
            and previous[1][:1].isupper() and not opens(body, previous.start(1)):
        return False  # a word of a name: 'Veterans Affairs'
    classes = word_classes(word)
    return "NOUN" in classes or is_demonym(raw.capitalize()) or (not classes and (raw.islower() or _listed(
        body, last.start(1))))  # 'whites (67%), blacks (65%) and Latinos (55%)': a list of groups
