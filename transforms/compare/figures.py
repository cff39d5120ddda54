"""Article bodies -> FIGURES: numbers with the thing they count, normalised so outlets can be lined up.

`what` rule: the noun phrase right after the number (after its scale and unit), lower case, at most four words,
ending at the first plural noun ('1.7 million Syrians have fled' -> 'syrians', 'two rival seats of power' ->
'rival seats'), at a participle standing alone ('more than 1,000 killed' -> 'killed'), or before a function word,
direction or verb. Adjectives stay ('syrian refugees'); quantity words ('more', 'other', 'new') go. 'N of the X'
counts X. A count of one has its head folded to the plural ('1 soldier' -> 'soldiers'), so a key is the same
whatever the number. Ages have what 'age'. After a unit the noun is taken only when the figure modifies it
('a 450-kilometer border' -> 'border', 'the 15 percent threshold') or through 'of' ('12 percent of voters');
money also takes 'in' and rates ('$1.5 billion in aid' -> 'aid', '$15 an hour' -> 'per hour'); a rate after any
figure is what it counts ('eight hours a day' -> 'per day'). '65 kilometers southeast of the capital' has none.
With nothing counted after it, a figure with a unit measures the noun 'of' joins it to ('sales of $5 billion'), the
subject of a verb of change, level or a copula before it ('Revenue was up 22%' -> 'revenue'), the object of a verb that
changes it ('cut taxes by $1 trillion'), a label before a colon (figure_heads.py, figure_subjects.py), a margin ('won
by 9 points') or a noun before a bound ('income above $400,000'); figures next to each other complete each other
(figure_merges.py). What before or after a number makes it no quantity (a date, a time, a label) is figure_blocks.py.
The phrase is read in figure_phrase.py (what the words at a place are: figure_tokens.py), by a grammar of noun
phrases with parts of speech from lemminflect's lexicon.
"""
import re
from dataclasses import replace

import pyarrow as pa

from transforms.compare.figure_apposed import apposed_subject
from transforms.compare.figure_blocks import STRONG, blocked_after, blocked_before
from transforms.compare.figure_bounds import (
    hyphenated,
    margin_before,
    modifies,
    noun_before_hedge,
    one_before,
    or_so,
    per_item,
    rising_to,
    unit_after_more,
    within_count,
    within_distance,
)
from transforms.compare.figure_forms import (
    at_age,
    group_before,
    in_name,
    numeral_value,
    or_less,
    or_older,
    range_start,
    rate_after,
    share_verb,
    shares,
    subject_before,
    titled_unit,
    under_age,
    what_before,
    what_compared,
)
from transforms.compare.figure_heads import group_restated, head_of, object_measured, worth_head
from transforms.compare.figure_idioms import set_phrase, texted, wholly
from transforms.compare.figure_merges import (
    TO_BETWEEN,
    Figure,
    change_ends,
    fractions_of_figures,
    listed_percentages,
    of_count_after,
    previous_what,
    restated,
    shared_hedges,
)
from transforms.compare.figure_money import purpose_after, rate_in, spent_on, whose_cents
from transforms.compare.figure_phrase import counted_phrase, kind_phrase
from transforms.compare.figure_polls import standing
from transforms.compare.figure_sentences import sentence, sentence_stops
from transforms.compare.figure_subjects import label_before, passed, subject_measured, verb_before
from transforms.compare.figure_tokens import is_plural, plural
from transforms.compare.figure_words import (
    BASES,
    EXTREMES,
    GALLERY,
    NAMING_NOUNS,
    STOP,
    TIMES,
    not_a_noun,
)
from transforms.compare.numbers import Number, find_numbers, hedge_before
from warehouse.contracts import FIGURES

_NAME_COMMA_BEFORE = re.compile(r"[A-Z][a-z]+,\s+$")
_SPAN_AFTER = re.compile(r"\s*[,;.:)]")  # 'Over 10 days, cases soared', '$2 billion over five years.'
_AMOUNT_BEFORE = re.compile(r"(?:\d|\b(?:million|billion|trillion|percent|dollars|cents))\s+$")
_FOR_BEFORE = re.compile(r"\b(?i:for)\s+$")
_TIMES_AFTER = re.compile(r"\s+times\b")
_CONVERSION = re.compile(r"\s*(?:\((?=[^()\n]{0,40}\d)[^()\n]{1,40}\)|\[(?=[^\[\]\n]{0,40}\d)[^\[\]\n]{1,40}\])")
_NAME_OF = re.compile(r"[A-Z][\w&]*\s+of\s+$")  # 'Group of 20', 'Class of 2016'
_OF_DETERMINER = re.compile(r"\s+(?:the|its|their|his|her|our|all|both|those|these)(?=\s)", re.IGNORECASE)
# 'from' before the first of two numbers: where a change starts ('slipped from 48 to 41 percent').
_CHANGE_FROM = re.compile(r"\b(?i:from)\s+$")
# Not 'a 10-year low-income programme', 'a 30-minute high-intensity workout': a compound modifier, no record.
_EXTREME_AFTER = re.compile(rf"[ \t]+(?:{'|'.join(EXTREMES)})(?![\w-])(?![ \t]+school)")
_KINDS = frozenset("types kinds sorts forms varieties".split())
_OF_AFTER = re.compile(r"[ \t]+of(?=[ \t])")
_OF_THOSE = re.compile(r"\s+of\s+(?:those|them|these)\b(?![ \t]+(?:who|that|which|whose)\b)")  # not 'of those who
# chose one', a group of its own
_POSITION_BEFORE = re.compile(r"\b\d+\s+(?:of|/)\s*$")
# After a compound modifier with a figure, a comma and a second compound modifier before the noun they both modify.
_COORDINATE_AFTER = re.compile(r",(?=[ \t]+[a-z]+-[a-z]+[ \t]+[a-z])")
# A preposition that governs a figure, so the figure is no subject ('on $1,140 bail', 'at 5% support'); not 'of',
# after which the figure ends a noun phrase that is often the subject of a verb ('Rates of 3 percent mean that').
_PREPOSITION_BEFORE = re.compile(r"\b(?i:on|for|with|at|by|from|into|without|under)\s+$")


def _figure(body: str, number: Number, previous: str | None = None, opened_at: int | None = None) -> Figure | None:
    """One Number in its body (and what the count before it in its sentence counts; where its range opens) ->
    Figure, or None when it is not a quantity."""
    digits = number.digits or ""
    if (digits.startswith("0") and digits[1:2].isdigit()) or blocked_after(body, number):
        return None
    lead = number.lead
    if _NAME_COMMA_BEFORE.search(body, max(0, lead - 30), lead) and body[number.end:number.end + 1] == ",":
        return _age_after_name(number)
    if blocked_before(body, number) or _NAME_OF.search(body, max(0, lead - 30), lead) or titled_unit(body, number) \
            or in_name(body, number):
        return None
    if wholly(body, number) or texted(body, number) or set_phrase(body, number):
        return None  # '100% not true', 'This is 100 percent a Ryan failure', '4 ur correction', 'my two cents'
    return _bare_age(body, number) or _quantity(body, number, previous, number.start if opened_at is None
                                                 else opened_at)


def _bare_age(body: str, number: Number) -> Figure | None:
    """'wrote at 15 of', 'voters under 35', '65 or older' -> an age figure (with its hedge), else None."""
    if not (number.digits and number.unit is None and not number.scaled and 0 < number.value < 120):
        return None
    if at_age(body, number.lead, number.end):
        start, qualifier = number.lead, None
    elif under_age(body, number.start, number.lead, number.end, STOP):
        start, qualifier = number.start, number.qualifier
    elif older := or_older(body, number.end):
        start, qualifier = number.start, number.qualifier or older
    else:
        return None
    return Figure(float(number.value), "age", "age", qualifier, body[start:number.end], start, number.end)


def _quantity(body: str, number: Number, previous: str | None, opened_at: int) -> Figure | None:
    """A Number that is a quantity -> Figure with its unit, counted noun and hedge, or None when a bare small number
    or a name says nothing comparable."""
    unit, pos, digits = number.unit, number.end, number.digits or ""
    if unit and (conversion := _CONVERSION.match(body, pos)):
        pos = conversion.end()  # '450 kilometers (280 miles)', '£600 million [$650 million]': not a second figure
    after, approx = pos, or_so(body, pos)  # '200 or so protesters': a hedge between the number and what it counts
    if unit is None and (more := unit_after_more(body, pos)):
        unit, pos = more  # 'three to four more weeks', '15 or so years' are spans of weeks and years
    elif approx:
        pos = approx
    what, end = _counted(body, number, unit, pos, previous, opened_at)
    verb = verb_before(body, number.start, unit not in (None, "age"))
    if unit == "percent" and what in BASES:  # 'Debt was 98 percent of GDP' measures debt, when its clause says so
        what = _measured(body, number, unit, end, verb, None, False) or what
    qualifier = number.qualifier or or_less(body, end)
    if approx or (end != after and (approx := or_so(body, end))):  # 'an hour or so', '50 people or so'
        qualifier, end = qualifier or "about", max(end, approx)
    if qualifier == "more_than" and _span_over(body, number, unit, max(end, pos)):
        qualifier = None  # 'over 10 days' as the span something took ('$18 billion over 10 years'), not 'more than'
    if what is None and unit is None and not (qualifier or number.scaled or "," in digits):
        return None  # a bare small number ('the 300', 'two of them') says nothing comparable
    if _no_count(body, number, unit, what):
        return None
    if unit is None and number.value == 1 and what and not what.startswith("per "):
        what = " ".join([*what.split()[:-1], plural(what.split()[-1])])
    end = max(end, pos)
    if what is None and unit is None and not _TIMES_AFTER.match(body, end):
        what = what_before(body, number.start, end, STOP, previous) \
            or head_of(body, number.start)  # not of a multiplier: 'rose nearly three times'; 'a crowd of 5,000'
    if what is None and unit in (None, "percent"):
        what = group_before(body, number.start, STOP) or (  # 'Of the 251 participants, 35.7 percent said'
            group_restated(body, number.start, end) if unit else None)  # 'a majority of Republicans (61 percent)'
    if what is None and unit in ("percent", "share") and _OF_THOSE.match(body, end):
        what = previous  # '4,000 forms were sent out but only 62% of those came back'
    if what is None and unit not in (None, "age"):  # 'sales of $5 billion', 'Revenue was up 22%', 'The rate was 4
        # percent.', 'Spending per driver: $495', 'cut taxes by $1 trillion'
        what = _measured(body, number, unit, end, verb, previous, True)
        if what is None and unit.isupper() and (purpose := purpose_after(body, number.start, end)):
            what, end = purpose  # '$25 billion for a border wall': last, a subject ('Tuition is $9,000 for') first
    elif what and what.startswith("per ") and unit not in (None, "age") and (head := head_of(body, number.start, unit)):
        what = f"{head} {what}"  # 'earnings of $4.04 a share' -> 'earnings per share'
    if qualifier is None and passed(body, verb):
        qualifier = "more_than"  # 'the deficit has topped $1 trillion'
    return Figure(float(number.value), unit, what, qualifier, body[number.start:end], number.start, end)


def _measured(body: str, number: Number, unit: str | None, end: int, verb: re.Match | None, previous: str | None,
              label: bool) -> str | None:
    """What a figure with a unit measures when its clause names it before the figure: the noun 'of' joins it to, the
    subject of the verb before it (`verb`), a label before a colon (when `label`), the object of a verb that changes
    it, a margin, or the noun before its bound. A span has no head ('the end of four years')."""
    start, span = number.start, unit in TIMES
    return (None if span else head_of(body, start, unit) or worth_head(body, start)) \
        or subject_measured(body, verb, end, span, previous) or apposed_subject(body, start, end) \
        or (label_before(body, start) if label else None) or object_measured(body, start, unit) \
        or margin_before(body, start, end, unit) or noun_before_hedge(body, number, unit) \
        or standing(body, start, end, unit)


def _counted(body: str, number: Number, unit: str | None, pos: int, previous: str | None,
             opened_at: int) -> tuple[str | None, int]:
    """A quantity + its unit + where its unit ends -> (what it counts or None, where that ends): the noun phrase after
    it, else what it is compared with, a rate after it or a price per item."""
    attributive = modifies(body, number, opened_at)
    if unit == "age" or within_distance(body, number, unit):
        what, end = ("age" if unit == "age" else None), pos  # 'within 500 feet of the school' measures no school
    else:
        governed = bool(_PREPOSITION_BEFORE.search(body, max(0, number.start - 9), number.start))
        what, end = counted_phrase(body, pos, unit, attributive, governed)
    if what is None and unit and hyphenated(body, number) and (other := _COORDINATE_AFTER.match(body, pos)):
        what, end = counted_phrase(body, other.end(), unit, True)  # 'a three-day, closed-door summit'
    if STRONG.match(body, number.end):
        what, end = counted_phrase(body, number.end + len("-strong"), None, True)
    if what and what.split()[-1] in _KINDS and (of := _OF_AFTER.match(body, end)) \
            and (kind := kind_phrase(body, of.end()))[0]:  # what the kinds are of: '650 miles of
        # various types of fencing' measures fencing, 'two kinds of loans' counts kinds of loans
        what, end = (kind[0] if unit else f"{what.split()[-1]} of {kind[0]}"), kind[1]
    if what and unit is None and " " not in what and not_a_noun(what):
        what, end = None, pos  # 'fell from 42 to 39 worldwide': an adverb or adjective alone counts nothing
    if what is None and unit is None:
        what = what_compared(body, number.start, max(end, pos), STOP, previous)
    if what is None and unit != "age" and (rate := rate_after(body, max(end, pos))):
        what, end = rate  # 'eight hours a day', '3 percent a year', '500 a week'
    elif what and unit not in ("age", "percent") and not what.startswith("per ") and (rate := rate_after(body, end)):
        what, end = f"{what} {rate[0]}", rate[1]  # '3 million tests a week' -> 'tests per week'
    if what and what.startswith("per ") and unit and unit.isupper() and (spent := rate_in(body, end, unit, what)):
        what, end = spent  # '$450 million annually in federal funding'
    if what is None and unit and unit.isupper() and (on := spent_on(body, number.start, max(end, pos))):
        what, end = on  # 'spent $400,000 on private flights'
    if what is None and unit not in (None, "age") and (item := per_item(body, max(end, pos))):
        what, end = item  # '$40 apiece', '$200 each': a price per item, not a total
    return what, end


def _span_over(body: str, number: Number, unit: str | None, end: int) -> bool:
    """True for 'over N days' as the span something took ('Over 10 days, cases soared', '$18 billion over 10 years'),
    not 'more than' ('for over two decades.' is)."""
    return unit in TIMES and body[number.start:number.lead].strip().lower() == "over" \
        and not _FOR_BEFORE.search(body, max(0, number.start - 5), number.start) \
        and bool(_SPAN_AFTER.match(body, end) or _AMOUNT_BEFORE.search(body, max(0, number.start - 12), number.start))


def _no_count(body: str, number: Number, unit: str | None, what: str | None) -> bool:
    """True when what a unitless number counts shows it is no count: a singular after a number word ('the two met'),
    a naming noun, a place in a gallery ('46 of 132 Photos'), the window of a record ('a 52-week low')."""
    if what and not number.digits and unit is None \
            and not is_plural(head := what.split(" per ")[0].split(" of ")[0].split()[-1]) \
            and not head.endswith("ed") and not what.startswith("per "):
        return True  # 'the two met': after a number word a count names a plural
    if what and unit is None and what.split()[-1] in NAMING_NOUNS:
        return True
    if unit in TIMES and hyphenated(body, number) and _EXTREME_AFTER.match(body, number.end):
        return True  # 'a 52-week low', 'a 20-year high': the window of a record, not a span anything took
    return what in GALLERY and bool(_POSITION_BEFORE.search(body, max(0, number.start - 12), number.start))


def _ranged(body: str, first: Number, second: Number | None, previous: str | None) -> Figure | None:
    """Two numbers that are the ends of one range ('30 to 35 mph winds', 'from 2.5 to 3.5 million') -> one Figure
    with both ends, read as the second end is (its unit, scale and counted noun), or None."""
    low = range_start(body, first, second) if second is not None else None
    if low is None or blocked_after(body, first) or blocked_before(body, first):
        return None
    upper = _figure(body, second, previous, first.start)
    if upper is None or upper.start_char != second.start or upper.unit == "age":
        return None
    what = upper.what or (head_of(body, first.start) if upper.unit not in (None, "age") else None)
    return replace(upper, value=float(low), value_to=upper.value, qualifier=first.qualifier or upper.qualifier,
                   what=what, raw=body[first.start:upper.end_char], start_char=first.start)  # 'sales of $69
    # billion to $73 billion': the noun 'of' joins the range to


def _change_from(body: str, first: Number, second: Number | None, previous: str | None) -> Figure | None:
    """'slipped from 48 to 41 percent', 'rose from 2.5 to 3.1 million', 'grew from 900 to 1,200 students' -> the
    figure a change starts from, in the unit and scale of the end it goes to and counting what it counts, or None."""
    if second is None or first.unit or first.scaled or not TO_BETWEEN.fullmatch(body, first.end, second.start) \
            or not _CHANGE_FROM.search(body, max(0, first.start - 6), first.start) or blocked_after(body, first):
        return None
    to = _figure(body, second, previous)
    if to is None or to.start_char != second.start or to.unit == "age" or not (to.unit or second.scaled or to.what):
        return None  # 'rose from 20 to 30' says nothing of what
    value = first.value
    if second.scaled:
        numeral = numeral_value(body, second)
        if not numeral:
            return None
        value = first.value * second.value / numeral
    what = to.what or subject_measured(body, verb_before(body, first.start), first.end, to.unit in TIMES) \
        or (object_measured(body, first.start, to.unit) if to.unit else None)
    return replace(to, value=float(value), what=what, qualifier=first.qualifier, raw=body[first.start:first.end],
                   start_char=first.start, end_char=first.end)


def _shares(body: str) -> list[Figure]:
    """'three in four Democrats' -> 0.75 of 'democrats', unit 'share'; 'two-thirds of the vote' -> 0.6667."""
    out = []
    for start, pos, value in shares(body):
        if body[pos - 2:pos] == "of" and (det := _OF_DETERMINER.match(body, pos)):
            pos = det.end()
        what, end = counted_phrase(body, pos, None, True)
        if share_verb(what, body, end, pos):
            what, end = subject_before(body, start, STOP), pos  # of the group the clause is about
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
    numbers = [rising_to(body, within_count(body, whose_cents(body, n))) for n in find_numbers(body, years=False)]
    for n, number in enumerate(numbers):
        if number.start < skip_until or any(a <= number.lead < b for a, b in taken):
            continue
        previous = previous_what(body, figures, number.start)
        following = numbers[n + 1] if n + 1 < len(numbers) else None
        one = one_before(body, number)  # 'one or two senators': 'one' alone is not found as a number
        figure = (one and one.start >= skip_until and _ranged(body, one, number, previous)) \
            or _ranged(body, number, following, previous) or _change_from(body, number, following, previous) \
            or _figure(body, number, previous)
        if figure:
            figures.append(figure)
            skip_until = figure.end_char
    figures = shared_hedges(body, restated(body, change_ends(body, listed_percentages(body, figures))))
    if not found_shares:
        return figures
    merged = fractions_of_figures(body, sorted(figures + found_shares, key=lambda f: f.start_char))
    for n, share in enumerate(merged):  # 'two thirds of whom': what the count before it counts
        if share.unit == "share" and share.what is None:
            previous = previous_what(body, merged[:n], share.start_char)
            merged[n] = replace(share, what=of_count_after(body, share, merged[n + 1:n + 2])
                                or what_before(body, share.start_char, share.end_char, STOP, previous, listed=False))
    return merged


def extract_figures(articles: pa.Table) -> pa.Table:
    """Articles (doc_id, body) -> FIGURES, one row per figure; figure_id '<doc_id>:<n>', offsets index into body."""
    rows = []
    for doc_id, body in zip(articles["doc_id"].to_pylist(), articles["body"].to_pylist(), strict=True):
        figures = find_figures(body or "")
        stops = sentence_stops(body) if figures else []
        for n, fig in enumerate(figures):
            rows.append({"doc_id": doc_id, "figure_id": f"{doc_id}:{n}", **fig.__dict__,
                         "sentence": sentence(body, stops, fig.start_char)})
    return pa.Table.from_pylist(rows, schema=FIGURES)
