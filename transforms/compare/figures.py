"""Article bodies -> FIGURES: numbers with the thing they count, normalised so outlets can be lined up.

`what` rule: the noun phrase right after the number (after its scale and unit), lower case, at most four words,
ending at the first plural noun ('1.7 million Syrians have fled' -> 'syrians', 'two rival seats of power' ->
'rival seats'), at a participle standing alone ('more than 1,000 killed' -> 'killed'), or before a function word,
direction or verb. Adjectives stay ('syrian refugees'); quantity words ('more', 'other', 'new') go. 'N of the X'
counts X. A count of one has its head folded to the plural ('1 soldier' -> 'soldiers'), so a key is the same
whatever the number. Ages have what 'age'. After a unit the noun is taken only when the figure modifies it
('a 450-kilometer border' -> 'border', 'the 15 percent threshold') or through 'of' ('12 percent of voters');
money also takes 'in' and rates ('$1.5 billion in aid' -> 'aid', '$15 an hour' -> 'per hour').
'65 kilometers southeast of the capital' has none.
"""
import re
from bisect import bisect_right
from dataclasses import dataclass, replace

import pyarrow as pa

from transforms.compare.figure_forms import (
    IDIOM_AFTER,
    at_age,
    in_name,
    or_less,
    range_start,
    shares,
    titled_unit,
    what_before,
    what_compared,
)
from transforms.compare.figure_words import (
    COLLECTIVES,
    DETERMINERS,
    GALLERY,
    IRREGULAR_PLURALS,
    LABELS,
    LEADING,
    MEASURES,
    NAMING_NOUNS,
    NOT_PLURALS,
    OPENERS,
    PARTICIPLES,
    PLURAL_OF,
    RAISING,
    SAME_AS,
    STOP,
    TIMES,
)
from transforms.compare.numbers import Number, find_numbers, hedge_before
from transforms.lexicon import is_demonym
from warehouse.contracts import FIGURES

_MONTHS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
_MONTH_BEFORE = re.compile(rf"\b(?:{_MONTHS})[a-z]*\.?,?\s+$")
_MONTH_AFTER = re.compile(rf"(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})[a-z]*\b")
_TIME_AFTER = re.compile(r"\s*(?:[ap]\.m\.|[ap]m\b|o'clock|GMT|UTC|hrs\b|local\s+time)", re.IGNORECASE)
_WORD_BEFORE = re.compile(r"([A-Za-z][\w.'’]*)\s+$")
_NAME_COMMA_BEFORE = re.compile(r"[A-Z][a-z]+,\s+$")
_DETERMINER_BEFORE = re.compile(r"(?:\b(?i:an?|the|this|that|its|his|her|their|our)|['’]s)\s+$")
_ARTICLE_ADJECTIVE_BEFORE = re.compile(r"\b(?i:an?)\s+[a-z]+\s+$")  # 'an impressive $25 million haul'
_SPAN_AFTER = re.compile(r"\s*[,;.:)]")  # 'Over 10 days, cases soared', '$2 billion over five years.'
_CONVERSION = re.compile(r"\s*\((?=[^()\n]{0,40}\d)[^()\n]{1,40}\)")
# 'U.S.' is one word; an opening quote mark does not end the phrase ('a third of the “donations”')
_TOKEN = re.compile(r"[ \t]+[\"“‘']?([A-Za-z](?:\.[A-Za-z])+\.?|[A-Za-z][A-Za-z'’-]*)")
_STRONG = re.compile(r"-strong\b")
_NAME_OF = re.compile(r"[A-Z][\w&]*\s+of\s+$")  # 'Group of 20', 'Class of 2016'
_OF_DETERMINER = re.compile(r"\s+(?:the|its|their|his|her|our|all|both|those|these)(?=\s)", re.IGNORECASE)
_TO_VERB = re.compile(r"[ \t]+to[ \t]+[a-z]")
_POSITION_BEFORE = re.compile(r"\b\d+\s+(?:of|/)\s*$")
_AND_PLURAL = re.compile(r"[ \t]+(and|or)[ \t]+([A-Za-z]+)(?![\w'’-])")
# '[.!?]+[quotes]*(?=\s+[capital])|\n+', written to open with one character class so the scan skips ahead fast.
_SENTENCE_END = re.compile(r"[\n.!?](?:(?<=[.!?])[.!?]*[\"'”’)\]]*(?=\s+[\"“‘(A-Z0-9])|(?<=\n)\n*)")

YEARS = range(1000, 2101)
MAX_WHAT_WORDS = 4
ABBREVIATIONS = frozenset("mr mrs ms dr gen st sen rep gov lt col no jr u.s u.n u.k".split())


@dataclass(frozen=True)
class Figure:
    """One number in a body with its value, unit, counted thing, hedge and character span."""

    value: float
    unit: str | None
    what: str | None
    qualifier: str | None
    raw: str
    start_char: int
    end_char: int
    value_to: float | None = None  # the upper end of a range ('30 to 35 mph'), `value` its lower end


def _is_plural(word: str) -> bool:
    """'refugees', 'people' -> True; 'ceasefire', 'progress', 'status' -> False."""
    return word in IRREGULAR_PLURALS or (word.endswith("s") and not word.endswith(("ss", "us", "is", "'s", "’s"))
                                         and word not in NOT_PLURALS)


def _plural(word: str) -> str:
    """Singular noun -> plural ('soldier' -> 'soldiers', 'person' -> 'people'); plurals and participles unchanged."""
    if word in PLURAL_OF:
        return PLURAL_OF[word]
    if _is_plural(word) or word.endswith("ed"):
        return word
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "i", "o", "u"):
        return word[:-1] + "ies"
    return word + "s"


def _what(body: str, pos: int, unit: str | None, attributive: bool) -> tuple[str | None, int]:
    """Body + offset after a number and its unit -> (counted noun phrase or None, offset where it ends).

    After a unit the noun follows directly only when the figure modifies it ('a 10-day ceasefire'); otherwise it
    needs 'of' ('10 percent of voters'): in '47 percent gave' the next word is a verb."""
    words, end, opened, start = [], pos, "", pos
    while len(words) < MAX_WHAT_WORDS and (token := _TOKEN.match(body, pos)):
        if words and _opens_quote(token):
            break  # 'a 25 percent hike "needs to be…"': a quotation opens after the phrase
        word = token[1].lower().removesuffix("'s").removesuffix("’s").rstrip("'’")
        word = SAME_AS.get(word, word)
        pos = token.end()
        if token[1].lower().endswith(("'s", "’s")):
            words, end = [], pos  # 'two-thirds of the nation’s clinicians': the possessive is a determiner
            continue
        if not words and not opened and word in _openers(unit):
            opened = word  # 'ten percent of voters', '$1.5 billion in aid', '$25 per barrel'
            if (det := _TOKEN.match(body, pos)) and det[1].lower() in DETERMINERS:
                if unit not in (None, "percent"):
                    break  # '100 miles of the border' says where, not what was measured
                pos = det.end()
            continue
        if not words and word in LEADING:
            continue
        if word in STOP or word.endswith(("n't", "n’t")) or (opened == "in" and token[1][0].isupper()):
            break  # '$5 million in Libya' names a place, not what the money is for
        if unit == "percent" and not words and not opened and token[1][:1].isupper() and is_demonym(token[1]):
            attributive = True  # '8 percent Asian', '40 percent Republican voters': a group named by its adjective
        if unit and not opened and not attributive and not (unit in MEASURES and token[1].islower()
                                                            and _is_plural(word)):
            break
        if words and (word.endswith("ed") or word in PARTICIPLES) or (opened == "of" and word.endswith("ing")):
            break  # 'a 90-day deadline set by', 'the tour headed to', '28 years of spending': not the counted noun
        words.append(word)
        end = pos
        if opened in ("per", "a", "an"):
            break  # a rate names one base: '50,000 per day possible' -> 'per day'
        if _is_plural(word) and len(words) <= MAX_WHAT_WORDS - 2 and (pair := _pair(body, pos)):
            words += [pair[1], pair[2].lower()]  # '7,000 bombs and missiles', 'a dozen drones or missiles'
            end = pos = pair.end()
        if _is_plural(word) or (word.endswith("ed") and not _continues(body, pos)):
            if words == [word] and word in RAISING and _TO_VERB.match(body, pos):
                return None, start  # '2.5 million expected to lose power': a verb, not what is counted
            if _is_plural(word) and len(words) < MAX_WHAT_WORDS and (token[1][:1].isupper() or word in COLLECTIVES) \
                    and (head := _compound_head(body, pos)):
                words.append(head[1].lower())  # '15 police officers', '27 jobs bills': the last noun is counted
                end = head.end()
            break
    if opened in ("per", "a", "an") and words:
        words.insert(0, "per")  # '$15 an hour' and '$15 per hour' are one rate
    return (" ".join(words) or None), end


def _opens_quote(token: re.Match) -> bool:
    """A _TOKEN match -> whether a quote mark opens before its word ('a 25 percent hike “needs …')."""
    return token[0].lstrip()[:1] in "\"“‘'"


def _compound_head(body: str, pos: int) -> re.Match | None:
    """Body + the end of a name or collective noun -> the match of a plural noun right after it that heads the phrase
    ('police officers', 'Sanders supporters', 'Hamas rockets'), or None. After a common plural the next word is as
    often a verb ('two countries negates'), so it is not read."""
    token = _TOKEN.match(body, pos)
    if not token or not token[1].islower() or _opens_quote(token):
        return None
    word = token[1]
    if word in STOP or word.endswith("ed") or len(word) < 4 or word.removesuffix("s") in TIMES or word == "ages":
        return None  # '15 people years ago', 'Democrats ages 18 to 29': a time or an age says when or who
    return token if _is_plural(word) else None


def _pair(body: str, pos: int) -> re.Match | None:
    """Body + the end of a plural noun -> the match of 'and/or' + a second plural noun that ends the phrase there."""
    pair = _AND_PLURAL.match(body, pos)
    if not pair or pair[2].lower() in STOP or not _is_plural(pair[2].lower()):
        return None
    after = _TOKEN.match(body, pair.end())
    return pair if after is None or after[1].lower() in STOP or not body[pair.end()].isspace() else None


def _openers(unit: str | None) -> tuple[str, ...]:
    """Unit key -> words that may stand between the number and what it measures."""
    if unit and unit.isupper():
        return ("of", "in", "per", "a", "an")
    return ("of",) if unit else ("of", "per")  # '70,000 per year': a count's rate


def _continues(body: str, pos: int) -> bool:
    """True when a content word follows at pos: the participle before it is an adjective ('wounded soldiers')."""
    token = _TOKEN.match(body, pos)
    return bool(token) and token[1].lower() not in STOP


def _blocked_before(body: str, number: Number) -> bool:
    """True when the text before a number makes it part of a date, name, label, id or list."""
    lead, end = number.lead, number.end
    prev = body[lead - 1] if lead else "\n"
    bare = end == number.numeral_end
    if prev.isalnum() or prev in "-–/:+#@.&_" or (prev == "(" and bare and body[end:end + 1] == ")"):
        return True  # 'COVID-19', 'G20', '12/01', '+90', '#11', '(1)' but not '(62 percent)'
    if number.digits and lead >= 2 and prev.isspace() and body[lead - 2].isdigit():
        return True  # digit groups split by spaces: phone numbers
    if prev == "\n" and body[end:end + 1] in (".", ")"):
        return True  # '1.' or '1)' opening a list line
    day = number.digits is not None and len(number.digits) <= 2
    if day and _MONTH_BEFORE.search(body, max(0, lead - 12), lead):
        return True  # 'June 5', 'Aug. 22' (but 'in March 300 people')
    if number.start < lead or number.currency:
        return False  # a hedge or a currency sign already says this is a quantity
    before = _WORD_BEFORE.search(body, max(0, lead - 25), lead)
    if not before:
        return False
    word = before[1].lower()
    if word in LABELS or word.rstrip(".") in LABELS or word == "per":
        return True  # 'per 100,000' is the base of a rate, not a count
    if number.unit_word or number.scaled or word.endswith(("'s", "’s", "s'", ".")):
        return False  # a unit or scale makes a quantity; 'Beijing’s 21 million', 'the GOP. Thirty-six percent'
    return before[1][0].isupper() and word not in OPENERS


def _blocked_after(body: str, number: Number) -> bool:
    """True when the text after a number makes it part of a date, time, ordinal, range, version or compound."""
    end = number.end
    nxt, after = body[end:end + 1] or "\n", body[end + 1:end + 2] or "\n"  # the body's end reads as a line end
    if nxt.isalnum() or (nxt in "-–/:,.·" and after.isdigit()) or (nxt == " " and after.isdigit()):
        return True  # '5th', '4G', '10-15', '12:42', '1,2,3', '3.1.4', phone digit groups
    if nxt in "-–" and not number.unit_word and not _STRONG.match(body, end):
        return True  # 'two-state', '10-point plan', '1,700-plus': a compound, not a count
    if number.digits and len(number.digits) <= 2 and _MONTH_AFTER.match(body, number.numeral_end):
        return True  # '5 June'
    return bool(number.digits and _TIME_AFTER.match(body, number.numeral_end))


def _is_year(number: Number) -> bool:
    """'2011', 'in 2014' -> True: four bare digits in year range with no currency, scale or unit."""
    digits = number.digits or ""
    plain = len(digits) == 4 and digits.isdigit() and int(digits) in YEARS
    return plain and not (number.currency or number.scaled or number.unit_word)


def _figure(body: str, number: Number, previous: str | None = None) -> Figure | None:
    """One Number in its body (and what the count before it in its sentence counts) -> Figure, or None when it is
    not a quantity."""
    digits = number.digits or ""
    if (digits.startswith("0") and digits[1:2].isdigit()) or _is_year(number) or _blocked_after(body, number):
        return None
    lead = number.lead
    if _NAME_COMMA_BEFORE.search(body, max(0, lead - 30), lead) and body[number.end:number.end + 1] == ",":
        return _age_after_name(number)
    if _blocked_before(body, number) or _NAME_OF.search(body, max(0, lead - 30), lead) or titled_unit(body, number) \
            or in_name(body, number):
        return None
    if number.unit == "percent" and IDIOM_AFTER.match(body, number.end):
        return None  # '100% not true', '110 percent behind him'
    if number.digits and number.unit is None and not number.scaled and at_age(body, lead, number.end) \
            and 0 < number.value < 120:
        return Figure(float(number.value), "age", "age", None, body[lead:number.end], lead, number.end)
    unit, pos = number.unit, number.end
    if unit and (conversion := _CONVERSION.match(body, pos)):
        pos = conversion.end()  # '450 kilometers (280 miles)': the conversion is not a second figure
    attributive = bool(_DETERMINER_BEFORE.search(body, max(0, number.start - 8), number.start)
                       or _DETERMINER_BEFORE.search(body, max(0, lead - 4), lead)  # 'at least a six-foot distance'
                       or _ARTICLE_ADJECTIVE_BEFORE.search(body, max(0, number.start - 24), number.start))
    what, end = ("age", pos) if unit == "age" else _what(body, pos, unit, attributive)
    if _STRONG.match(body, number.end):
        what, end = _what(body, number.end + len("-strong"), None, True)
    if what is None and unit is None:
        what = what_compared(body, number.start, max(end, pos), STOP, previous)
    qualifier = number.qualifier or or_less(body, end)
    if qualifier == "more_than" and unit in TIMES and body[number.start:number.lead].strip().lower() == "over" \
            and _SPAN_AFTER.match(body, max(end, pos)):
        qualifier = None  # 'over 10 days' as the span something took, not 'more than 10 days'
    if what is None and unit is None and not (qualifier or number.scaled or "," in digits):
        return None  # a bare small number ('the 300', 'two of them') says nothing comparable
    if what and not digits and unit is None and not _is_plural(head := what.split()[-1]) and not head.endswith("ed"):
        return None  # 'the two met': after a number word a count names a plural
    if what and unit is None and what.split()[-1] in NAMING_NOUNS:
        return None
    if what in GALLERY and _POSITION_BEFORE.search(body, max(0, number.start - 12), number.start):
        return None  # '46 of 132 Photos': where a picture stands in a gallery, not a count
    if unit is None and number.value == 1 and what:
        what = " ".join([*what.split()[:-1], _plural(what.split()[-1])])
    end = max(end, pos)
    if what is None and unit is None:
        what = what_before(body, number.start, end, STOP, previous)
    return Figure(float(number.value), unit, what, qualifier, body[number.start:end], number.start, end)


def _ranged(body: str, first: Number, second: Number | None, previous: str | None) -> Figure | None:
    """Two numbers that are the ends of one range ('30 to 35 mph winds', 'from 2.5 to 3.5 million') -> one Figure
    with both ends, read as the second end is (its unit, scale and counted noun), or None."""
    low = range_start(body, first, second) if second is not None else None
    if low is None or _is_year(first) or _blocked_after(body, first) or _blocked_before(body, first):
        return None
    upper = _figure(body, second, previous)
    if upper is None or upper.start_char != second.start or upper.unit == "age":
        return None
    return replace(upper, value=float(low), value_to=upper.value, qualifier=first.qualifier or upper.qualifier,
                   raw=body[first.start:upper.end_char], start_char=first.start)


def _shares(body: str) -> list[Figure]:
    """'three in four Democrats' -> 0.75 of 'democrats', unit 'share'; 'two-thirds of the vote' -> 0.6667."""
    out = []
    for start, pos, value in shares(body):
        if body[pos - 2:pos] == "of" and (det := _OF_DETERMINER.match(body, pos)):
            pos = det.end()
        what, end = _what(body, pos, None, True)
        end = max(end, pos)
        raw = body[start:end].rstrip()
        out.append(Figure(value, "share", what, hedge_before(body, start), raw, start, start + len(raw)))
    return out


def _age_after_name(number: Number) -> Figure | None:
    """'Tyrone Melville, 41, of Manhattan' -> an age figure; other numbers between commas after a name -> None."""
    digits = number.digits or ""
    if not digits.isdigit() or number.unit_word or number.scaled or not 0 < int(digits) < 120:
        return None
    return Figure(float(digits), "age", "age", None, digits, number.numeral_start, number.numeral_end)


def find_figures(body: str) -> list[Figure]:
    """Article body -> its figures in reading order (dates, years, times, ids, labels and list numbers left out)."""
    figures, skip_until = [], 0
    found_shares = _shares(body)
    taken = [(f.start_char, f.end_char) for f in found_shares]
    numbers = list(find_numbers(body))
    for n, number in enumerate(numbers):
        if number.start < skip_until or any(a <= number.lead < b for a, b in taken):
            continue
        previous = _previous_what(body, figures, number.start)
        following = numbers[n + 1] if n + 1 < len(numbers) else None
        figure = _ranged(body, number, following, previous) or _figure(body, number, previous)
        if figure:
            figures.append(figure)
            skip_until = figure.end_char
    if not found_shares:
        return figures
    merged = sorted(figures + found_shares, key=lambda f: f.start_char)
    for n, share in enumerate(merged):  # 'two thirds of whom': what the count before it counts
        if share.unit == "share" and share.what is None:
            previous = _previous_what(body, merged[:n], share.start_char)
            merged[n] = replace(share, what=what_before(body, share.start_char, share.end_char, STOP, previous))
    return merged


_SENTENCE_BREAK = re.compile(r"[.!?][\"”’)]*\s|\n")


def _previous_what(body: str, figures: list[Figure], start: int) -> str | None:
    """What the last figure before `start` counts, when it stands in the same sentence."""
    if not figures or figures[-1].what in (None, "age"):
        return None
    return None if _SENTENCE_BREAK.search(body, figures[-1].end_char, start) else figures[-1].what


def _sentence_bounds(body: str) -> tuple[list[int], list[int]]:
    """Body -> (sentence starts, sentence ends), split at end punctuation before a capital and at line breaks."""
    starts, ends, start = [], [], 0
    for stop in _SENTENCE_END.finditer(body):
        at, mark = stop.start(), body[stop.start()]
        if mark == ".":
            word = (body[max(0, at - 6):at].split() or [""])[-1].lower()
            if len(word) == 1 or word in ABBREVIATIONS:
                continue  # 'Mr. Smith', 'U.S. troops', 'J. Smith': an abbreviation, not a sentence end
        starts.append(start)
        ends.append(stop.end() if mark != "\n" else at)
        start = stop.end()
    starts.append(start)
    ends.append(len(body))
    return starts, ends


def _sentence(body: str, bounds: tuple[list[int], list[int]], offset: int) -> str:
    """Body + sentence bounds + an offset -> the sentence holding it, whitespace tidied."""
    starts, ends = bounds
    n = max(0, bisect_right(starts, offset) - 1)
    return " ".join(body[starts[n]:ends[n]].split())


def extract_figures(articles: pa.Table) -> pa.Table:
    """Articles (doc_id, body) -> FIGURES, one row per figure; figure_id '<doc_id>:<n>', offsets index into body."""
    rows = []
    for doc_id, body in zip(articles["doc_id"].to_pylist(), articles["body"].to_pylist(), strict=True):
        figures = find_figures(body or "")
        bounds = _sentence_bounds(body) if figures else ([0], [0])
        for n, fig in enumerate(figures):
            rows.append({"doc_id": doc_id, "figure_id": f"{doc_id}:{n}", **fig.__dict__,
                         "sentence": _sentence(body, bounds, fig.start_char)})
    return pa.Table.from_pylist(rows, schema=FIGURES)
