"""Numbers as written in news text -> values, units and qualifiers: one compiled regex plus lookup tables."""

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import NamedTuple

YEARS = range(1000, 2101)
# Hedges before a number, folded to the keys the FIGURES table stores; 'nearly' stays apart from 'about' because
# "nearly 2,000" and "about 2,000" point to different sides of the number.
QUALIFIERS = {
    "more than": "more_than", "over": "more_than", "above": "more_than", "upwards of": "more_than",
    "in excess of": "more_than", "well over": "more_than", "just over": "more_than",
    "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least", "a minimum of": "at_least",
    "about": "about", "around": "about", "some": "about", "approximately": "about", "roughly": "about",
    "an estimated": "about", "estimated": "about", "nearly": "nearly", "almost": "nearly", "close to": "nearly",
    "just under": "nearly", "up to": "up_to", "as many as": "up_to", "as much as": "up_to", "at most": "at_most",
    "no more than": "at_most", "less than": "less_than", "fewer than": "less_than", "under": "less_than",
    "below": "less_than", "as far as": "up_to", "a little under": "nearly", "a little over": "more_than",
    "just shy of": "nearly", "younger than": "less_than", "older than": "more_than",
    "within": "at_most",  # of a distance, a time or an amount ('within 500 feet'); not of a count (figure_bounds.py)
}
AGE_HEDGES = frozenset({"younger than", "older than"})  # they make the number an age ('younger than 21 years')
SIGNS = {"≥": "at_least", "≤": "at_most", ">": "more_than", "<": "less_than", "~": "about"}
CURRENCY_SIGNS = {
    "US$": "USD", "$": "USD", "A$": "AUD", "C$": "CAD", "HK$": "HKD", "€": "EUR", "£": "GBP", "¥": "JPY",
    "₹": "INR", "₺": "TRY", "Rs": "INR", "Rs.": "INR", "INR": "INR", "USD": "USD", "EUR": "EUR", "GBP": "GBP",
    "TRY": "TRY", "TL": "TRY",
}
# Hundredths of a currency: cents of a dollar, as '$' is read as dollars ('13.6 cents a kilowatt hour'; the currency
# named nearby may say otherwise: figure_money.py), pence of a pound.
CENTS = frozenset({"cents", "cent"})
HUNDREDTHS = CENTS | {"pence"}
# The plural scales are written by some outlets after a number ('$3.5 billions').
SCALES = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000, "lakh": 100_000, "lakhs": 100_000, "crore": 10_000_000, "crores": 10_000_000,
    "dozen": 12, "millions": 1_000_000, "billions": 1_000_000_000, "trillions": 1_000_000_000_000,
}
# Abbreviated scales written against the digits ('$2bn', '€200m'); 'm' and 'b' mean million only after money.
ABBREVIATIONS = {"bn": 1_000_000_000, "b": 1_000_000_000, "mn": 1_000_000, "mln": 1_000_000, "m": 1_000_000,
                 "k": 1_000, "tn": 1_000_000_000_000, "trn": 1_000_000_000_000, "cr": 10_000_000}
MONEY_ONLY_ABBREVIATIONS = frozenset({"m", "b"})
# Words after the number that name what it measures -> unit key (money as ISO currency codes; pounds are weight,
# money in pounds being written with its sign or "pounds sterling").
UNITS = {
    "%": "percent", "percent": "percent", "per cent": "percent", "pc": "percent",
    "percentage points": "percentage_point", "percentage point": "percentage_point",
    "points": "point", "point": "point", "basis points": "basis_point", "basis point": "basis_point",
    "km": "km", "kms": "km", "kilometers": "km", "kilometres": "km", "kilometer": "km", "kilometre": "km",
    "sq km": "km2", "square kilometers": "km2", "square kilometres": "km2", "km2": "km2",
    "miles": "mile", "mile": "mile", "square miles": "mile2", "meters": "m", "metres": "m", "meter": "m",
    "metre": "m", "feet": "ft", "foot": "ft", "ft": "ft", "cm": "cm", "mm": "mm", "kg": "kg", "kilograms": "kg",
    "kilos": "kg", "tonnes": "t", "tons": "t", "tonne": "t", "ton": "t", "hectares": "ha", "acres": "acre",
    "litres": "l", "liters": "l", "gallons": "gallon", "ounces": "oz", "ounce": "oz", "oz": "oz", "inches": "inch",
    "inch": "inch", "yards": "yd", "yard": "yd", "pounds": "lb", "pound": "lb", "lbs": "lb",
    "degrees celsius": "celsius", "degrees c": "celsius", "°c": "celsius", "degrees fahrenheit": "fahrenheit",
    "degrees f": "fahrenheit", "°f": "fahrenheit",
    "dollars": "USD", "dollar": "USD", "us dollars": "USD", "euros": "EUR", "euro": "EUR",
    "pounds sterling": "GBP", "rupees": "INR", "rupee": "INR", "lira": "TRY", "liras": "TRY",
    "turkish lira": "TRY", "yuan": "CNY", "yen": "JPY", "rubles": "RUB", "roubles": "RUB", "riyals": "SAR",
    "dirhams": "AED", "shekels": "ILS", "usd": "USD", "eur": "EUR", "tl": "TRY",
    "cents": "USD", "cent": "USD", "pence": "GBP",
    "year-old": "age", "years-old": "age", "years old": "age", "year old": "age", "year-olds": "age",
    "year olds": "age", "month-olds": "age", "month olds": "age",
    "month-old": "age", "months-old": "age", "months old": "age", "month old": "age", "week-old": "age",
    "weeks-old": "age", "weeks old": "age", "week old": "age", "day-old": "age", "days-old": "age", "days old": "age",
    "day old": "age",
    "seconds": "second", "second": "second", "minutes": "minute", "minute": "minute", "hours": "hour",
    "hour": "hour", "days": "day", "day": "day", "weeks": "week", "week": "week", "months": "month",
    "month": "month", "years": "year", "year": "year", "yrs": "year", "yr": "year", "decades": "decade",
    "decade": "decade", "mph": "mph", "miles per hour": "mph", "km/h": "kmh", "kph": "kmh",
}
# An age told in months, weeks or days ('a 6-month-old', 'three weeks old') -> how many make a year: ages are in years.
AGE_SPANS = {"month": 12, "week": 52, "day": 365}
SMALL_NUMBERS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
                 "sixteen seventeen eighteen nineteen").split()
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
NUMBER_WORDS = {**{word: n for n, word in enumerate(SMALL_NUMBERS)}, **TENS, "a": 1, "an": 1, "half a": 0.5}


def _alternation(phrases: Iterable[str], flexible_space: bool = True) -> str:
    """Phrases -> regex alternation, longest first; spaces match any run of spaces, hyphens also a space."""
    out = []
    for phrase in sorted(phrases, key=len, reverse=True):
        piece = re.escape(phrase)
        if flexible_space:
            piece = piece.replace(r"\ ", r"\s+").replace(r"\-", r"[-\s]")
        out.append(piece)
    return "|".join(out)


def _first_literal(alternatives: list[tuple[str, str]]) -> str:
    """(first character, regex for the rest) pairs -> alternation whose every branch opens with a plain character.

    A pattern opening with plain characters lets `re` skip in C to the next place one of them occurs; an optional
    group or a \\b in front would make it try every position of the body."""
    rests = defaultdict(list)
    for first, rest in alternatives:
        rests[first].append(rest)
    guard = "(?<![A-Za-z].)"  # the first character opens a word
    return "|".join(f"{re.escape(first)}{guard if first.isalpha() else ''}(?:{'|'.join(rest)})"
                    for first, rest in rests.items())


def _cased(word: str, rest: str) -> list[tuple[str, str]]:
    """'two' -> branches for 'two' and 'Two'."""
    return [(word[0], rest), (word[0].upper(), rest)]


_SCALE = _alternation(SCALES)
_DIGITS_REST = r"(?>\d{0,2}(?:,\d{3})+(?!\d)|\d?(?:,\d\d)+,\d{3}(?!\d)|\d*)(?:\.\d+)?"  # after the first digit
_UNITS_DIGITS = "|".join(SMALL_NUMBERS[1:10])
_WORD_BRANCHES = [branch for word in SMALL_NUMBERS[2:] for branch in _cased(word, f"{word[1:]}(?![A-Za-z])")]
_WORD_BRANCHES += [branch for word in TENS
                   for branch in _cased(word, f"{word[1:]}(?:[-\\s](?:{_UNITS_DIGITS}))?(?![A-Za-z])")]
# 'one' alone is a pronoun far more often than a count, and 'a' an article: both count only before a scale word.
_SCALED = [branch for word in ("a", "an", "one", "half a") for branch in _cased(word, re.escape(word[1:]).replace(
    r"\ ", r"\s+") + rf"(?=\s+(?i:{_SCALE})(?![A-Za-z]))")]
_SIGNED = [(sign[0], re.escape(sign[1:]) + r"[ \t]?\d" + _DIGITS_REST) for sign in CURRENCY_SIGNS]
_TAIL = rf"""
    (?:
        (?:\s+|-)(?P<scale>(?i:{_SCALE}))(?:\s+(?P<scale2>(?i:{_SCALE})))?(?![A-Za-z])
        |(?P<abbr>{_alternation(ABBREVIATIONS, False)})(?![A-Za-z])
    )?
    (?:(?:[ \t]*|-)(?P<unit>(?i:{_alternation(UNITS)}))(?![A-Za-z]))?
"""
_CORE = _first_literal([(d, _DIGITS_REST) for d in "0123456789"] + _SIGNED + _WORD_BRANCHES + _SCALED)
FIGURE = re.compile(rf"(?P<core>{_CORE}){_TAIL}", re.VERBOSE)
# FIGURE as two scans that each skip ahead in C: numerals and money (digits and currency signs are rare characters),
# and number words, found from the character before them (not a letter), so that the letters inside words are
# passed over without trying the words' branches at each. No position can start both (their second characters
# differ), so the two merged in order are FIGURE's own matches.
_NUMERAL = re.compile(rf"(?P<core>{_first_literal([(d, _DIGITS_REST) for d in '0123456789'] + _SIGNED)}){_TAIL}",
                      re.VERBOSE)
_WORDS = _first_literal(_WORD_BRANCHES + _SCALED).replace("(?<![A-Za-z].)", "")
_NUMBER_WORD = re.compile(rf"[^A-Za-z](?P<core>{_WORDS}){_TAIL}", re.VERBOSE)
_NUMBER_WORD_FIRST = re.compile(rf"(?P<core>{_WORDS}){_TAIL}", re.VERBOSE)  # at the body's first character
_PARTS = re.compile(rf"(?:(?P<cur>{_alternation(CURRENCY_SIGNS, False)})[ \t]?)?(?P<num>[\d,]+)(?P<dec>\.\d+)?")
# Hedges that keep their sense across an article ('at least a six-foot distance', 'nearly a 20 percent drop'); not
# the prepositions ('over a 10-year period' says how long, not how much).
_ARTICLE_HEDGES = [q for q in QUALIFIERS if (" " in q and q != "as far as")
                   or q in ("about", "nearly", "almost", "roughly", "approximately")]
_HEDGE = re.compile(rf"""(?<![A-Za-z])(?:(?P<qual>(?i:{_alternation(QUALIFIERS)}))\s+
    |(?P<qual_a>(?i:{_alternation(_ARTICLE_HEDGES)}))\s+(?i:an?)\s+)?
    (?:(?P<aged>(?i:aged|age|at\s+the\s+age\s+of))\s+)?$""", re.VERBOSE)
_APART = str.maketrans(dict.fromkeys("\"“‘'([—–-.", " "))  # punctuation that may stick to a hedge word
_HEDGE_ENDS = frozenset(phrase.split()[-1] for phrase in QUALIFIERS) | {"aged", "age", "of", "a", "an"}


class Number(NamedTuple):
    """A number as found: span with its hedge, the numeral's own span, its value, unit and what it was made of.

    A named tuple, not a frozen dataclass: a body holds dozens and a tuple is built three times as fast."""

    start: int
    lead: int
    end: int
    numeral_start: int
    numeral_end: int
    digits: str | None
    value: Decimal
    unit: str | None
    qualifier: str | None
    currency: str | None
    scaled: bool
    unit_word: str | None


def find_numbers(body: str, years: bool = True) -> Iterator[Number]:
    """Body -> Numbers in reading order: digits, number words, money, scales, units and hedges resolved; without
    bare years ('in 2014') when `years` is False, left out before their hedge and value are read."""
    for match in figure_matches(body):
        core = match["core"]
        if not years and is_year(match):
            continue
        parts = _PARTS.fullmatch(core)
        if match["abbr"] == "b" and not (parts and parts["cur"]):
            continue  # '5b' is a label, not five billion
        start = match.start("core")
        hedge = _hedge(body, start)
        qual, aged = (hedge["qual"] or hedge["qual_a"], hedge["aged"]) if hedge and hedge.start() < start \
            else (None, None)
        aged = aged or (qual and " ".join(qual.lower().split()) in AGE_HEDGES)
        numeral_start = start + parts.start("num") if parts else start
        numeral_end = start + (parts.end() if parts else len(core))
        qualifier = QUALIFIERS[" ".join(qual.lower().split())] if qual else None
        opens = hedge.start() if qual or aged else start
        if opens == start and (signed := _sign_before(body, start)):
            opens, qualifier = start - 1, signed
        yield Number(
            start=opens, lead=start, end=match.end(), numeral_start=numeral_start,
            numeral_end=numeral_end, digits=core[numeral_start - start:] if parts else None,
            value=_value(parts, core, match), unit=_unit(parts, match, bool(aged)),
            qualifier=qualifier,
            currency=parts["cur"] if parts else None, scaled=bool(match["scale"] or match["abbr"]),
            unit_word=match["unit"])


def is_year(match: re.Match) -> bool:
    """A FIGURE match -> True for four bare digits in year range ('2011'): no currency, scale or unit."""
    core = match["core"]
    return len(core) == 4 and core.isdigit() and int(core) in YEARS \
        and not (match["scale"] or match["abbr"] or match["unit"])


def figure_matches(body: str) -> Iterator[re.Match]:
    """Body -> FIGURE's matches, as FIGURE.finditer gives them (a number starts at match.start('core'))."""
    numeral = _NUMERAL.search(body)
    word = _NUMBER_WORD_FIRST.match(body) or _NUMBER_WORD.search(body)
    while numeral or word:
        found = numeral if word is None or (numeral and numeral.start() < word.start("core")) else word
        yield found
        pos = found.end()
        if numeral and numeral.start() < pos:
            numeral = _NUMERAL.search(body, pos)
        if word and word.start("core") < pos:
            word = _NUMBER_WORD.search(body, pos - 1)


def _sign_before(body: str, start: int) -> str | None:
    """Body + a number's start -> the qualifier key of a comparison sign right before it ('≥5%', '(<10'), else None."""
    sign = body[start - 1] if start else ""
    return SIGNS.get(sign) if sign and (start < 2 or body[start - 2] in " \t\n(") else None


def hedge_before(body: str, start: int) -> str | None:
    """Body + where a number starts -> the qualifier key of the hedge right before it ('nearly two thirds')."""
    return hedge_start(body, start)[1]


def hedge_start(body: str, start: int) -> tuple[int, str | None]:
    """Body + where a number starts -> (where its hedge opens, the hedge's qualifier key), (start, None) if none."""
    found = _hedge(body, start)
    qual = found and (found["qual"] or found["qual_a"])
    return (found.start(), QUALIFIERS[" ".join(qual.lower().split())]) if qual else (start, None)


def _hedge(body: str, start: int) -> re.Match | None:
    """Body + a number's start -> the match of the hedge words right before it ('more than', 'aged'), if any."""
    words = body[max(0, start - 16):start].translate(_APART).split()
    if not words or words[-1].lower() not in _HEDGE_ENDS:
        return None  # most numbers have no hedge: the last word tells cheaply
    return _HEDGE.search(body, max(0, start - 40), start)


def _value(parts: re.Match | None, core: str, match: re.Match) -> Decimal:
    """Numeral parts + FIGURE match -> the value, scales applied: '3,80,000' -> 380000, '2.5 crore' -> 25000000."""
    if parts:
        value = Decimal(parts["num"].replace(",", "") + (parts["dec"] or ""))
    else:
        word = " ".join(core.lower().replace("-", " ").split())
        pieces = [word] if word in NUMBER_WORDS else word.split()  # 'twenty five' = 20 + 5
        value = Decimal(str(sum(NUMBER_WORDS[piece] for piece in pieces)))
    for scale in (match["scale"], match["scale2"]):
        if scale:
            value *= SCALES[scale.lower()]
    money = bool(parts and parts["cur"])
    unit = match["unit"]
    if unit and (aged := unit.lower().removesuffix("s"))[-3:] == "old" and (span := aged[:-4].rstrip("s -")) \
            in AGE_SPANS:
        value = round(value / AGE_SPANS[span], 4)  # 'months-old' -> 'month': ages are in years
    if unit and unit.lower() in HUNDREDTHS and not money:
        value /= 100
    if match["abbr"] and (money or match["abbr"] not in MONEY_ONLY_ABBREVIATIONS):
        value *= ABBREVIATIONS[match["abbr"]]
    return value


def _unit(parts: re.Match | None, match: re.Match, aged: bool) -> str | None:
    """Numeral parts + FIGURE match -> 'age', an ISO currency code, 'percent', 'km', 'year', ... or None (a count)."""
    unit = UNITS[" ".join(match["unit"].lower().split())] if match["unit"] else None
    if aged or unit == "age":
        return "age"
    if parts and parts["cur"]:
        return CURRENCY_SIGNS[parts["cur"]]
    if match["abbr"] in MONEY_ONLY_ABBREVIATIONS:
        return "m" if match["abbr"] == "m" else None  # '200m' without money is a distance
    return unit
