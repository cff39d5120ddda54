"""Whose cents: hundredths are read as cents of a dollar (as '$' is read as dollars) unless the sentence names other
money. Cents right after another currency are its own ('one euro and 20 cents', '50 euro cents'); cents in a
sentence that names another currency, or a dollar of a named country, are of a currency left unknown ('the euro rose 2
cents against the dollar', "Canada's dollar fell to 74 cents"): the number stays a count of cents."""

import re

from transforms.compare.figure_forms import PEOPLE
from transforms.compare.figure_phrase import counted_phrase
from transforms.compare.figure_words import DETERMINERS, STOP, TIMES
from transforms.compare.numbers import CENTS, CURRENCY_SIGNS, HUNDREDTHS, UNITS, Number
from transforms.lexicon import english_word, is_demonym

_CURRENCY_WORDS = sorted((word for word, unit in UNITS.items() if unit.isupper() and unit != "USD"
                          and word not in HUNDREDTHS), key=len, reverse=True)
# Money other than the US dollar named in words or by its sign.
_OTHER_MONEY = re.compile(
    r"(?i:\b(?:" + "|".join(re.escape(w) for w in _CURRENCY_WORDS) + r")\b)"
    r"|(?:" + "|".join(re.escape(s) for s, code in CURRENCY_SIGNS.items()
                 if code != "USD" and any(not c.isalpha() and c != "." for c in s))
    + r")")
# A dollar after a capitalised word that names a place or people ('Canada's dollar', 'the Australian dollar'), not
# an English word that opens a sentence ('Another dollar', 'Each dollar').
_NAMED_DOLLAR = re.compile(r"\b([A-Z][a-z]+)(?:['’]s)?[ \t]+dollars?\b")
# Another currency's units just before the cents: 'one euro and 20 cents', '2 euros, 20 cents'.
_UNITS_BEFORE = re.compile(r"\b(?P<word>[A-Za-z]+)(?:[ \t]+and|,)[ \t]+$")
_CENTS_AFTER = re.compile(r"[ \t]+cents?\b")
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’)]*\s+(?=[A-Z\"“])")
_REACH = 200


def whose_cents(body: str, number: Number) -> Number:
    """A Number -> the same with its cents in the currency they are of ('50 euro cents' -> 0.5 EUR), or read as a
    count of cents when the sentence names other money than the dollar."""
    word = (number.unit_word or "").lower()
    if number.unit and number.unit != "USD" and word and word not in HUNDREDTHS \
            and (cents := _CENTS_AFTER.match(body, number.end)):
        return number._replace(value=number.value / 100, end=cents.end())  # '50 euro cents'
    if word not in CENTS or number.currency:
        return number
    if (units := _UNITS_BEFORE.search(body, max(0, number.start - 24), number.start)) \
            and (code := UNITS.get(units["word"].lower())) and code.isupper() and code != "USD":
        return number._replace(unit=code)  # 'one euro and 20 cents'
    if not _other_money(body, number.start, number.end):
        return number
    end = number.end - len(number.unit_word)
    while body[end - 1].isspace():
        end -= 1
    return number._replace(value=number.value * 100, unit=None, unit_word=None, end=end)


def _other_money(body: str, start: int, end: int) -> bool:
    """True when the sentence around [start, end) names money other than the US dollar."""
    left = body[max(0, start - _REACH):start]
    breaks = list(_SENTENCE_BREAK.finditer(left))
    left = left[breaks[-1].end():] if breaks else left
    right = body[end:end + _REACH]
    stop = _SENTENCE_BREAK.search(right)
    right = right[:stop.start()] if stop else right
    return any(_OTHER_MONEY.search(part) or any(_foreign(found[1]) for found in _NAMED_DOLLAR.finditer(part))
               for part in (left, right))


def _foreign(word: str) -> bool:
    """'Canada', 'Australian' -> True; 'Another', 'American' -> False: a name or demonym other than the US's."""
    lower = word.lower()
    return word != "American" and (is_demonym(word) or not (english_word(lower) or lower in STOP or lower in
                                                             DETERMINERS or lower == "every"))


# A verb of spending before an amount, in its clause: 'spent $400,000 on private flights', 'saving $1,500 on'.
_SPENDING = re.compile(r"\b(?i:spen(?:d|ds|t|ding)|wast(?:e|es|ed|ing)|sav(?:e|es|ed|ing)|splurg(?:e|es|ed|ing))\b"
                       r"[^.;:!?\n]{0,40}$")
_ON = re.compile(r"[ \t]+on(?:[ \t]+(?:the|its|their|his|her|our))?(?=[ \t])")


# Words that make 'on' an idiom or a time, not what money buys: 'on average', 'on top of', 'on behalf of', 'on the
# first day'.
_ON_IDIOMS = frozenset("""average top behalf balance hand time end record condition account board first second third
last final opening closing night morning evening afternoon weekend""".split())


def spent_on(body: str, start: int, end: int) -> tuple[str, int] | None:
    """An amount's start and end -> (what it was spent on, where that ends) ('spent $400,000 on private flights',
    'spends $800 billion on the programs'): after a verb of spending, 'on' names the thing the money buys; else None
    ('won $5 million on appeal' names no purchase; 'spent $50 on average', 'on behalf of', 'on the first day' are an
    idiom or a time)."""
    found = _ON.match(body, end)
    if not found or not _SPENDING.search(body, max(0, start - 48), start):
        return None
    what, stop = counted_phrase(body, found.end(), None, True)
    words = what.split() if what else []
    if not words or any(word in _ON_IDIOMS or word.rstrip("s") in TIMES for word in words):
        return None
    return what, stop


_FOR = re.compile(r"[ \t]+for(?P<each>[ \t]+(?:each|every)(?![ \t]+of\b))?(?:[ \t]+(?:the|a|an|its|their|his|her|our))?"
                  r"(?=[ \t])")
# A verb of price or of collecting before an amount: 'for' then names whom it is charged or raised for or what is
# bought ('charged $90 for adults', 'paid 20 cents for the ticket', 'raised $40m for other Democrats'), not what the
# money is set aside for.
_PRICE_BEFORE = re.compile(r"\b(?i:cost(?:s|ing)?|charg(?:e|es|ed|ing)|pa(?:y|ys|id|ying)|ow(?:e|es|ed|ing)|"
                           r"sel(?:l|ls|ling)|sold|fin(?:e|es|ed|ing)|rais(?:e|es|ed|ing))\b[^.;:!?\n]{0,40}$")
_COMPARED_BEFORE = re.compile(r"\b(?:compared[ \t]+(?:with|to)|versus|vs\.?)[ \t]+$")
# Whom a price or an income level is for, not what the money buys: '$48,000 for an individual', 'for a family of four',
# '$75,000 for single parents'; 'for free' says no price.
_RECIPIENTS = frozenset("""individual individuals family families couple couples single singles married person people
household households free victims hostages captives pupils staff girls boys""".split())
# Words after 'for' that say how much or which one of a time, not a purpose: 'for much of the week', 'for a third
# straight week', 'for the quarter'.
_NO_PURPOSE = frozenset("""much most many part rest bulk majority half first second third fourth fifth sixth seventh
eighth ninth tenth quarter period season session term night morning evening weekend""".split())


def purpose_after(body: str, start: int, end: int) -> tuple[str, int] | None:
    """An amount's start and end -> (what it is for, where that ends): '$25 billion for a border wall' -> 'border
    wall', '$5,000 for each violation' -> 'per violation' (a rate per item); None before a time, a number or whom a
    price is for ('$3.7 trillion for 2020', '$48,000 for an individual'), after a verb of price ('charged $90 for
    adults'), or when it is compared with an amount before it, whose measure it shares ('a $111,000 median income
    versus $59,000 for the state')."""
    found = _FOR.match(body, end)
    if not found or _COMPARED_BEFORE.search(body, max(0, start - 16), start) \
            or (not found["each"] and _PRICE_BEFORE.search(body, max(0, start - 48), start)):
        return None  # a price per item stays one: 'charge $5 for each bag'
    what, stop = counted_phrase(body, found.end(), None, True)
    words = what.split() if what else []
    if not words or any(word in _RECIPIENTS or word in _NO_PURPOSE for word in words) or PEOPLE.search(words[-1]) \
            or words[-1] in STOP or words[-1].rstrip("s") in TIMES or _unknown_name(body, stop, words[-1]):
        return None
    return (f"per {what}" if found["each"] else what), stop


def _unknown_name(body: str, stop: int, word: str) -> bool:
    """True when the phrase ends in a capitalised word the lexicon does not know: a name ('$3 million for Bogachev',
    'for the IRS') says whom the money goes to, seldom what it measures."""
    return body[stop - len(word):stop][:1].isupper() and not english_word(word)


_IN_AFTER = re.compile(r"[ \t]+in[ \t]+[a-z]")
# Words that make 'in' an idiom, not what money is in: 'in addition to', 'in some cases', 'in total'.
_IN_IDIOMS = frozenset("addition some all total part fact turn return general particular most many any each".split())


# Nouns of money paid or received, or of goods traded, which 'in' after a sum and its rate names: '$2 million a year
# in grants'; other nouns after 'in' mostly say where ('in small towns', 'in most hospitals').
_FLOWS = frozenset("""funding funds fees grants wages rent rents taxes tax revenue revenues aid subsidies benefits
salary salaries tuition payments royalties sales spending income profit profits earnings donations contributions
bonuses pay compensation damages fines savings costs interest dividends loans credits refunds rebates premiums
pensions relief assistance investment investments tips overtime alimony exports imports goods arms weapons trade
purchases orders contracts deals bonds debt assets deposits cash losses""".split())


def rate_in(body: str, end: int, unit: str, rate: str) -> tuple[str, int] | None:
    """Where an amount of money and its rate end ('$450 million annually', what 'per year') -> (what the money is in
    with the rate, where it ends): '$450 million annually in federal funding' -> 'federal funding per year'; None
    without 'in' and a noun, or for an idiom ('$600 a week in addition to', '$60 a day in some cases')."""
    if " " in rate[4:] or not _IN_AFTER.match(body, end):
        return None
    what, after = counted_phrase(body, end, unit, False)
    if not what or what.split()[0] in _IN_IDIOMS or what.split()[-1] not in _FLOWS:
        return None  # 'costs $4 a gallon in small towns', 'earn $40 an hour in private hospitals': where, not what
    return f"{what} {rate}", after
