"""Bounds and spans around a number: the 'one' that opens a range ('one or two senators', 'one to two weeks'), a
unit after a quantity word ('three more weeks'), 'within N' as an upper bound of a distance or a time, a rate per
item ('$40 apiece'), and whether the figure modifies the noun after it ('a 30 mile range')."""

import re
from decimal import Decimal

from transforms.compare.figure_subjects import MOTION
from transforms.compare.figure_words import MEASURES, STOP, TIMES, word_classes
from transforms.compare.numbers import UNITS, Number, hedge_start

_DETERMINER_BEFORE = re.compile(r"(?:\b(?i:an?|the|this|that|its|his|her|their|our)|['’]s)\s+$")
_ARTICLE_ADJECTIVE_BEFORE = re.compile(r"\b(?i:an?)\s+[a-z]+\s+$")  # 'an impressive $25 million haul'
# A determiner, then one or two modifiers before a figure: 'the annual $286 million grant', 'a separate high-interest
# $88 million loan', 'the full 35 percent rate'. The figure stands inside the noun phrase, so it modifies its noun.
_DETERMINER_MODIFIERS_BEFORE = re.compile(r"(?:\b(?i:an?|the|this|its|his|her|their|our)|['’]s)[ \t]+"
                                          r"([a-z][a-z-]*)(?:[ \t]+([a-z][a-z-]*))?[ \t]+$")
# A verb of motion right before 'up to': 'ticked up to', 'crept up to', 'went up to', 'was revised up to'; after a
# modal or a relative it says how far something may go, a ceiling ('fines can go up to $5,000', 'rents that rise up
# to').
_RISING_TO = re.compile(r"(?:\b(?P<modal>(?i:can|could|may|might|will|would|shall|should|must|that|which))[ \t]+"
                        rf"(?:[a-z]+ly[ \t]+)?)?\b(?i:{MOTION})[ \t]+up[ \t]+to[ \t]+$")
# Not before a clause: a pronoun or a determiner then opens its subject ('£2 million or so the accounts suggest').
_OR_SO = re.compile(r"[ \t]+or[ \t]+so\b(?![ \t]+(?:they|he|she|it|we|I|you|that|many|much|far|long|the|a|an|his|"
                    r"her|their|its|our|my|your|this|these|those)\b)")
# 'one' alone is not read as a number (it is a pronoun far more often), but before 'or'/'to' and a second number it
# is a range's lower end.
_ONE_BEFORE = re.compile(r"(?<![\w-])(?P<one>[Oo]ne)\s+(?:or|to)\s+$")
# Quantity words between a number and its unit: 'three more weeks', 'two additional years', 'five extra miles'.
_MORE_UNIT = re.compile(r"[ \t]+(?:(?:more|additional|extra|further|other|or[ \t]+so)[ \t]+)+([a-z]+)\b(?!-)")
# Besides times and lengths, the units 'within N' bounds as a margin ('within 7 points of the incumbent'); after any
# of them the thing after 'of' is where the bound is measured from, not what it measures.
_MARGINS = frozenset({"point", "percentage_point", "percent"})
# After 'within' and a bare count, its noun then 'of': a margin from somewhere ('within two strokes of the lead',
# 'within 10 seats of a majority'), an upper bound as a distance is.
_MARGIN_OF = re.compile(r"[ \t]+[a-z]+(?:[ \t]+[a-z]+)?[ \t]+of\b")
# 'one to 2,000 supporters' is 'one' spoken to 2,000: the ends of a range opened by 'one' lie close together.
_MAX_ONE_RANGE = 20
# After an amount, a rate per item: '$40 apiece', '$200 each.' (not 'each year', which is a rate in time, nor 'each
# of them').
_PER_ITEM = re.compile(r"[ \t]+(?:apiece\b|each(?=\s*(?:[,.;:)!?\"”]|$)|[ \t]+(?:to|for|in|from|on|at|and|or|but|"
                       r"after|before|by|with|if|when|while|than)\b))")


def within_count(body: str, number: Number) -> Number:
    """A Number -> the same without its hedge when 'within' stands before a bare count: 'within three age groups'
    says where, not how many at most (a unit that comes later, 'within two more weeks', is not seen); but 'within
    five votes of each other' is a margin, at most five."""
    if number.qualifier != "at_most" or number.unit is not None or number.currency \
            or body[number.start:number.lead].split()[0].lower() != "within" or _MARGIN_OF.match(body, number.end):
        return number
    return number._replace(start=number.lead, qualifier=None)


def rising_to(body: str, number: Number) -> Number:
    """A Number -> the same without its hedge when 'up to' follows a verb of motion ('the rate ticked up to 7.9
    percent', 'prices crept up to $4'): 'up' is the direction of the change and 'to' its end, not a ceiling ('could
    borrow up to $50,000', 'can go up to $5,000' keep it). A bare small count keeps it too: without its hedge it would
    read as no quantity ('rose up to 370')."""
    if number.qualifier != "up_to" or not (number.unit or number.scaled or "," in (number.digits or "")) \
            or not (motion := _RISING_TO.search(body, max(0, number.lead - 40), number.lead)) or motion["modal"]:
        return number
    return number._replace(start=number.lead, qualifier=None)


def or_so(body: str, end: int) -> int | None:
    """Body + where a number (or its unit or noun) ends -> where 'or so' after it ends ('200 or so protesters', 'an hour
    or so'), a hedge of approximation; None without it, or before a clause ('300 tickets or so they say')."""
    if "or so" not in body[end:end + 8]:
        return None  # the cheap test first: most figures have none
    found = _OR_SO.match(body, end)
    return found.end() if found else None


def one_before(body: str, number: Number) -> Number | None:
    """A number with no hedge of its own -> a Number for the 'one' right before it that opens a range ('one or two'),
    else None."""
    if number.start != number.lead or number.value > _MAX_ONE_RANGE:
        return None
    found = _ONE_BEFORE.search(body, max(0, number.start - 12), number.start)
    if not found:
        return None
    at = found.start("one")
    opens, qualifier = hedge_start(body, at)  # 'about one or two', 'within one to two weeks'
    return Number(start=opens, lead=at, end=at + 3, numeral_start=at, numeral_end=at + 3, digits=None,
                  value=Decimal(1), unit=None, qualifier=qualifier, currency=None, scaled=False, unit_word=None)


def unit_after_more(body: str, end: int) -> tuple[str, int] | None:
    """Body + where a bare count ends -> (unit key, where it ends) when quantity words or a hedge stand between it and
    a unit of time or length ('three to four more weeks' -> ('week', …), '15 or so years'), else None."""
    found = _MORE_UNIT.match(body, end)
    unit = UNITS.get(found[1]) if found else None
    return (unit, found.end()) if unit in TIMES or unit in MEASURES else None


def within_distance(body: str, number: Number, unit: str | None) -> bool:
    """True for 'within N' before a unit of time, length or a margin: an upper bound, and 'of X' after it says from
    where ('within 500 feet of polling places', 'within 7 points of the incumbent')."""
    hedge = body[number.start:number.lead].split()
    return (unit in TIMES or unit in MEASURES or unit in _MARGINS) and bool(hedge) and hedge[0].lower() == "within"


def per_item(body: str, end: int) -> tuple[str, int] | None:
    """'$40 apiece', '$200 each,' (at the amount's end) -> ('each', where it ends), else None."""
    found = _PER_ITEM.match(body, end)
    return ("each", found.end()) if found else None


def modifies(body: str, number: Number, opened_at: int) -> bool:
    """True when a hyphen to its unit, a unit left singular or a determiner before the figure (or its range) makes it
    modify the noun after it ('six-year graduation rate', '30 mile range', 'the 15 percent threshold', 'at least a
    six-foot distance', 'an impressive $25 million haul', 'the annual $286 million grant', 'a 10 to 14 percent
    chance')."""
    if hyphenated(body, number):
        return True  # 'a lower-than-desired, six-year graduation rate': a compound modifier
    if number.unit_word and number.value != 1 and singular_unit(number.unit_word.lower()):
        return True  # '(30 mile range)', '12 hour shifts': a unit left singular after a plural number modifies
    return bool(_DETERMINER_BEFORE.search(body, max(0, opened_at - 8), opened_at)
                or _DETERMINER_BEFORE.search(body, max(0, number.lead - 4), number.lead)
                or _ARTICLE_ADJECTIVE_BEFORE.search(body, max(0, opened_at - 24), opened_at)) \
        or _modifiers_before(body, number, opened_at)


def _modifiers_before(body: str, number: Number, opened_at: int) -> bool:
    """True when a determiner and one or two modifiers stand before a figure with a unit ('the annual $286 million
    grant', 'a separate high-interest $88 million loan'); not a span of time, whose modifiers say when ('the past
    12 months sales rose')."""
    if number.unit is None or number.unit in TIMES or not body[max(0, opened_at - 1):opened_at].isspace():
        return False
    space = body.rfind(" ", max(0, opened_at - 30), opened_at - 1)
    last = body[space + 1:opened_at - 1] if space >= 0 else ""
    if not last.islower() or last in STOP:
        return False  # the cheap test first: most figures follow a function word ('of', 'to', 'by')
    found = _DETERMINER_MODIFIERS_BEFORE.search(body, max(0, opened_at - 40), opened_at)
    return bool(found) and all(_modifier(word) for word in found.groups() if word)


def _modifier(word: str) -> bool:
    """'annual', 'high-interest', 'proposed' -> True: an adjective, a compound modifier or a participle; not a
    superlative or a word that picks a part ('the richest 1 percent earn', 'the top 10 percent hold'): the figure
    then names the group itself, no modifier of a noun after it."""
    return word not in STOP and word not in _PART_PICKERS and not _superlative(word) \
        and ("-" in word or word.endswith("ed") or "ADJ" in word_classes(word))


_PART_PICKERS = frozenset("top bottom remaining other first last final".split())


def _superlative(word: str) -> bool:
    """'richest', 'wealthiest', 'biggest' -> True: an adjective in -est ('honest', 'forest' are not); not of time
    ('the latest $5 million grant' modifies the grant)."""
    if not word.endswith("est") or len(word) < 6 or word in ("latest", "earliest") or "NOUN" in word_classes(word):
        return False
    stem = word[:-3]
    bases = (stem, f"{stem}e", f"{stem[:-1]}y" if stem.endswith("i") else stem,
             stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem)
    return any("ADJ" in word_classes(base) for base in bases)


def hyphenated(body: str, number: Number) -> bool:
    """True when a hyphen joins the number to its unit word ('a six-year', 'a three-day'): a compound modifier."""
    return bool(number.unit_word) and body[number.end - len(number.unit_word) - 1] == "-"


def singular_unit(word: str) -> bool:
    """'mile', 'hour', 'foot' -> True: the singular of a unit word that has a plural ('percent', 'mph' have none)."""
    return not word.endswith("s") and (f"{word}s" in UNITS or f"{word}es" in UNITS or word == "foot")


# A verb of winning, carrying, losing, leading or trailing, its object, then 'by' before the figure: 'won the county
# by', 'trails her by', 'was leading him by', 'ahead by'. The -ing form only after an auxiliary: 'leading economists
# expect growth by' and 'the trailing candidate's support grew by' use it as an adjective.
_SPLIT_AFTER = re.compile(r"[ \t]+to[ \t]+\d")
_MARGIN_BEFORE = re.compile(r"(?:\b(?i:w[oi]ns?|leads?|led|trail(?:s|ed)?|beat(?:s|en)?|defeat(?:s|ed)?|"
                            r"(?P<contest>carr(?:y|ies|ied)|los(?:e|es|t))|"  # 'carried the state by', 'lost women by'
                            r"(?:is|are|was|were|be|been|['’]s)[ \t]+(?:winning|leading|trailing|beating))"
                            r"(?P<object>(?:[ \t]+[\w'’.-]+){0,4}?)|\b(?i:ahead|behind))[ \t]+by[ \t]+$")


def margin_before(body: str, start: int, end: int, unit: str | None) -> str | None:
    """'won the county by 18 points', 'was leading him by 25 percent' (a figure's span and unit) -> 'margin': the
    figure is the gap between the sides, not a level ('ahead by 55% to 45%' is the split); else None."""
    if unit not in ("point", "percentage_point", "percent") or body[max(0, start - 3):start].rstrip()[-2:] != "by" \
            or _SPLIT_AFTER.match(body, end):
        return None
    verb = _MARGIN_BEFORE.search(body, max(0, start - 60), start)
    if not verb or any(word_classes(word.lower()) == {"VERB"} for word in (verb["object"] or "").split()):
        return None  # 'backed the plan by', 'support grew by': a verb in the object makes it a clause of its own
    if verb["contest"] and not _contested(verb["object"] or "", unit):
        return None  # 'lost customers by 12 percent', 'carried cargo by': a fall or a load, not a gap between sides
    return "margin"


# What a race is carried or lost in, or among: 'carried the county', 'lost suburban women', 'lost it'.
_CONTESTED = frozenset("""state states district districts county counties seat seats ward wards constituency
constituencies precinct precincts province provinces region regions city vote votes voters electorate women men
independents moderates seniors youth it them him her""".split())


def _contested(object_: str, unit: str | None) -> bool:
    """True when the object of 'carry' or 'lose' ('the county', 'suburban women', 'Ohio', none) is a place, a group
    of voters, a name or left out, and the figure is in points: 'lost value by 30 percent' is a fall, not a margin."""
    if unit == "percent":
        return False
    words = [word.strip(".,") for word in object_.split()]
    return not words or any(word.lower() in _CONTESTED or word[:1].isupper() for word in words)  # 'lost by 3
    # points': a race; a capitalised word after the verb is a name ('carried Kentucky in 2016 by', 'lost to Lee by')


_WORD_BEFORE = re.compile(r"(?:^|[ \t(])([A-Za-z][a-z-]*)[ \t]+([a-z][a-z-]*)[ \t]+$")
# Words before the noun that keep it the head of a phrase the bound is of: 'on income', 'any income'.
_BOUND_OPENERS = frozenset("on to of in with from at by any all".split())
# Hedges that bound a class of things after their noun: 'income above', 'incomes below', 'income up to'.
_BOUND_WORDS = frozenset("over above under below up".split())


def noun_before_hedge(body: str, number: Number, unit: str | None) -> str | None:
    """'on income above $250,000', 'household income up to $90,000' (an amount or a percentage with a hedge) -> the
    noun right before the hedge, when the lexicon knows it only as a noun and a preposition or a modifier stands
    before it, not a verb or a determiner ('paid teachers about 7 percent', 'save the government $4 billion': an
    object); else None."""
    if number.start == number.lead or not (unit == "percent" or (unit or "").isupper()) \
            or body[number.start:number.lead].split()[0].lower() not in _BOUND_WORDS:
        return None  # 'paid teachers about 7 percent', 'save taxpayers more than $2 billion': an object's amount
    before = _WORD_BEFORE.search(body, max(0, number.start - 40), number.start)
    if not before or before[2] in STOP or word_classes(before[2]) != {"NOUN"}:
        return None
    opener, classes = before[1].lower(), word_classes(before[1].lower())
    if opener in _BOUND_OPENERS or "NOUN" in classes or classes == {"ADJ"}:
        return before[2]
    return None
