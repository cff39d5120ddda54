"""Figures read together: the Figure record, and how neighbouring figures of a sentence complete each other (a bare
percentage listed after one of something, a fraction of one percent or of one scaled amount, a share of the count
after it, what the figure before counts)."""

import re
from dataclasses import dataclass, replace
from fractions import Fraction

_OF_SOON = re.compile(r"\s+(?:or\s+(?:so|thereabouts)\s+)?of\s+(?!(?:them|whom|it|those|these)\b)")
# Units whose figures a list carries on: percentages and counts (amounts of money in a row are more often of
# different things: '$1.6 million for a campaign and $4 million for an initiative').
_LISTED = frozenset({"percent", "percentage_point", None})
# Words that compare a figure with the one before, so even amounts of money measure the same thing: '$10.3 million
# cash on hand, compared with $672,330'.
_COMPARED = re.compile(r"\b(?:compared[ \t]+(?:with|to)|versus|vs\.?)[ \t]+$")
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’)]*\s|\n")
# 'from' right before the low end of 'N to M': a change from one level to another, not a change then its level.
_LOW_END_FROM = re.compile(r"\b(?i:from)\s+$")
# After a figure and a comma, 'up' or 'down' opens the change of what it counts: '389 deliveries, up 28%'.
_CHANGE_AFTER = re.compile(r",\s*(?:up|down)(?:\s+from)?\s+")
# 'up from' or 'down from' set off after a clause, or after a copula: the level a change started from, of what the
# figure before it in the sentence measures ('42% of doctors practice as employees, up from 24% in 2004').
_FROM_LEVEL_BEFORE = re.compile(r"(?:[,(—–-]|\b(?:is|was|are|were)|['’]s)\s*(?:up|down)\s+from\s+$")
TO_BETWEEN = re.compile(r"\s+to\s+")  # 'from 48 to 41 percent': the link of two ends
# Words with no figure, clause or list in them between a change and 'to' the level it reached: 'from a year earlier
# to', 'in the first quarter to', 'on Monday to'.
# The words open with a preposition of time or comparison and hold no noun of change, whose own level the 'to' would
# give ('fell 10 percent despite a rise in rents to $900').
_WORDS_THEN_TO = re.compile(r"[ \t]+(?i:from|on|in|over|against|since|during|compared|versus|vs\.?)"
                            r"(?:[ \t]+(?!(?:and|or|but|while|as|which|that|who|than|rises?|increases?|gains?|jumps?|"
                            r"falls?|drops?|declines?|decreases?|growth|surges?|losses?)\b)[A-Za-z][\w.'’-]*){0,5}"
                            r"[ \t]+to[ \t]+")
_CHANGE_UNITS = frozenset({"percent", "percentage_point", "point"})
_FROM_BETWEEN = re.compile(r"\s+from\s+")
_RESTATED = re.compile(r"\s*(?:,|--|—|–)\s*or\s+")
# A dash alone between two measures in other units, the second ending its clause, restates the first: 'fell 1,000
# points — more than 5 percent.'
_DASHED = re.compile(r"[ \t]*(?:--|—|–)[ \t]*")
_CLAUSE_END = re.compile(r"[ \t]*(?:[.,;:!?)]|--|—|–|$)")
_JOINED = re.compile(r"\s+and\s+|,?\s+or\s+")  # ', and' may open a clause of its own: 'and 20 contributed


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


def listed_percentages(body: str, figures: list[Figure]) -> list[Figure]:
    """Figures in order -> the same, a bare percentage or count listed after one of something in its
    sentence, in the same unit, made of it too ('6.3 percent of guest appearances on CNN, 3.1 percent on Fox News' ->
    'guest appearances', '5,000 slots for refugees, 4,000 for Iraqis'; money only when compared: '$10.3 million cash,
    compared with $672,330'); not of a rate, nor of a participle ('47
    percent of those surveyed … and 50 percent'), nor when its own 'of' follows ('25 percent or thereabouts of Iraq';
    but '74 percent of them')."""
    out = figures[:1]
    for fig in figures[1:]:
        last = out[-1]
        listed = fig.unit in _LISTED or bool(_COMPARED.search(body, max(last.end_char, fig.start_char - 16),
                                                               fig.start_char))
        if listed and fig.what is None and last.unit == fig.unit and last.what \
                and not last.what.endswith("ed") and not last.what.startswith("per ") \
                and fig.start_char - last.end_char < 60 \
                and not _SENTENCE_BREAK.search(body, last.end_char, fig.start_char) \
                and (fig.unit or body.rfind("(", last.end_char, fig.start_char)
                     <= body.rfind(")", last.end_char, fig.start_char)) \
                and not _OF_SOON.match(body, fig.end_char):  # a count not inside a parenthesis: '(the population is 5
            # million)'; a percentage may be: '50% of voters approve (down from 54% in May)'
            fig = replace(fig, what=last.what)
        out.append(fig)
    return out


def of_count_after(body: str, share: Figure, after: list[Figure]) -> str | None:
    """A share + the figure right after it -> what that figure counts when the share is of it ('two-thirds of the
    estimated 31,000 Islamic State militants' -> 'islamic state militants'), else None."""
    count = after[0] if after else None
    if count is None or count.unit is not None or not share.raw.endswith(("of", "the", "its", "their")):
        return None
    return count.what if not body[share.end_char:count.start_char].strip() else None


def fractions_of_figures(body: str, figures: list[Figure]) -> list[Figure]:
    """Figures in order -> the same, a fraction of one percent or of one scaled amount made one figure ('less than
    one-half of 1 percent' -> 0.5 percent, 'a quarter of a million dollars' -> 250000 USD); a fraction of any other
    figure stays apart ('for a quarter of $12.88 billion' may be a quarter of a year)."""
    out: list[Figure] = []
    for fig in figures:
        share = out[-1] if out else None
        if share and share.unit == "share" and share.raw.endswith("of") and _unit_amount(fig) \
                and not body[share.end_char:fig.start_char].strip():
            value = float(Fraction(share.value).limit_denominator(10) * Fraction(fig.value))
            out[-1] = replace(fig, value=value, qualifier=share.qualifier or fig.qualifier,
                              raw=body[share.start_char:fig.end_char], start_char=share.start_char)
        else:
            out.append(fig)
    return out


def _unit_amount(fig: Figure) -> bool:
    """'1 percent', 'a million dollars', 'one billion' -> True: one of a unit or a scale, which a fraction divides."""
    first = fig.raw.split()[0].lower()
    if fig.value_to is not None or fig.unit in (None, "share", "age"):
        return fig.unit is None and fig.value_to is None and first in ("a", "an", "one")
    return first in ("a", "an", "one", "1") or fig.unit in ("percent", "percentage_point")


def previous_what(body: str, figures: list[Figure], start: int) -> str | None:
    """What the last figure before `start` counts, when it stands in the same sentence."""
    if not figures or figures[-1].what in (None, "age"):
        return None
    return None if _SENTENCE_BREAK.search(body, figures[-1].end_char, start) else figures[-1].what


def change_ends(body: str, figures: list[Figure]) -> list[Figure]:
    """Figures in order -> the same, the two ends of a change 'from N to M' measuring the same thing ('Approval fell
    from 48 percent to 41 percent of voters': both 'voters', or 'to $10.10 from $7.25'), whichever end names it;
    and the level a change goes to ('Hourly pay rose 4 cents to $23.82': both 'hourly pay')."""
    out = list(figures)
    for n in range(1, len(out)):
        low, high = out[n - 1], out[n]
        if low.what and high.what is None and "per " not in low.what and (
                (low.unit == high.unit and _FROM_BETWEEN.fullmatch(body, low.end_char, high.start_char))
                or _CHANGE_AFTER.fullmatch(body, low.end_char, high.start_char) or _from_level(body, low, high)):
            out[n] = replace(high, what=low.what)  # 'raising the minimum wage to $10.10 from $7.25', '389
            continue  # deliveries, up 28%'
        if low.what and high.what is None and _changed_then_level(body, low, high):
            out[n] = replace(high, what=low.what)  # 'rose 26.9% from a year earlier to 1.78 trillion yuan'
            continue
        if (low.what is None) == (high.what is None) or not TO_BETWEEN.fullmatch(body, low.end_char, high.start_char):
            continue
        if not _LOW_END_FROM.search(body, max(0, low.start_char - 6), low.start_char):
            if high.what is None and "per " not in low.what and low.unit not in (None, "age", "share"):
                out[n] = replace(high, what=low.what)  # a change, then the level it reaches
            continue
        if low.unit != high.unit:
            continue
        if low.what is None:
            out[n - 1] = replace(low, what=high.what)
        else:
            out[n] = replace(high, what=low.what)
    return out


def _changed_then_level(body: str, low: Figure, high: Figure) -> bool:
    """True when `low` is a change in points or percent and a few words saying when or against what lead to 'to' and
    `high`, the level reached: 'rose 26.9% from a year earlier to 1.78 trillion yuan', 'fell 2% on Monday to 1,234
    points'."""
    return low.unit in _CHANGE_UNITS and "per " not in (low.what or "") \
        and not _LOW_END_FROM.search(body, max(0, low.start_char - 6), low.start_char) \
        and bool(_WORDS_THEN_TO.fullmatch(body, low.end_char, high.start_char))


def _from_level(body: str, low: Figure, high: Figure) -> bool:
    """True when `high` is the level a change started from ('…, up from 24%') and `low`, in its sentence and unit,
    the level it reached."""
    return low.unit == high.unit and low.value_to is None \
        and bool(_FROM_LEVEL_BEFORE.search(body, max(low.end_char, high.start_char - 14), high.start_char)) \
        and not _SENTENCE_BREAK.search(body, low.end_char, high.start_char)


def shared_hedges(body: str, figures: list[Figure]) -> list[Figure]:
    """Figures in order -> the same, a hedge before the first of two joined figures bounding the second too ('up to
    two ounces and six plants': both up_to), when the second has none of its own."""
    out = list(figures)
    for n in range(1, len(out)):
        first, second = out[n - 1], out[n]
        if first.qualifier and second.qualifier is None and not first.raw[:1].isdigit() \
                and first.raw[:1] not in "$£€¥" and first.unit != "age" and second.unit != "age" \
                and _JOINED.fullmatch(body, first.end_char, second.start_char):
            out[n] = replace(second, qualifier=first.qualifier)
    return out


def _dashed(body: str, first: Figure, second: Figure) -> bool:
    """True when a dash alone sets `second` off after `first`, both measures in other units and `second` ending its
    clause: 'down 300 points — 2 percent.' restates; '$5 million — 40 percent from donors' does not."""
    return None not in (first.unit, second.unit) and first.unit != second.unit \
        and bool(_DASHED.fullmatch(body, first.end_char, second.start_char)) \
        and bool(_CLAUSE_END.match(body, second.end_char))


def restated(body: str, figures: list[Figure]) -> list[Figure]:
    """Figures in order -> the same, a figure that restates the one before it in other terms (', or 7.6%', '-- or
    70 percent --', '— 5 percent.') measuring what that one measures ('fell 225 points, or 7.6%', '61 of the 86
    deaths -- or 70 percent')."""
    out = list(figures)
    for n in range(1, len(out)):
        first, second = out[n - 1], out[n]
        if second.what is None and first.what and "per " not in first.what and first.unit != "age" \
                and (_RESTATED.fullmatch(body, first.end_char, second.start_char) or _dashed(body, first, second)):
            out[n] = replace(second, what=first.what)
    return out
