"""Whether the text around a number makes it part of something that is not a quantity: a date ('June 5', '5 June'),
a time ('3 p.m.'), a name or label ('Route 66', 'per 100,000'), an id, a list number, a range of digits or a compound
('10-point plan').
"""

import re

from transforms.compare.figure_words import LABELS, OPENERS
from transforms.compare.numbers import Number

_MONTHS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
_MONTH_BEFORE = re.compile(rf"\b(?:{_MONTHS})[a-z]*\.?,?\s+$")
_MONTH_AFTER = re.compile(rf"(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})[a-z]*\b")
_TIME_AFTER = re.compile(r"\s*(?:[ap]\.m\.|[ap]m\b|o'clock|GMT|UTC|hrs\b|local\s+time)", re.IGNORECASE)
_WORD_BEFORE = re.compile(r"([A-Za-z][\w.'’]*)\s+$")
STRONG = re.compile(r"-strong\b")  # 'a 5,000-strong force': a count, not a compound


def blocked_before(body: str, number: Number) -> bool:
    """True when the text before a number makes it part of a date, name, label, id or list."""
    lead, end = number.lead, number.end
    prev = body[lead - 1] if lead else "\n"
    bare = end == number.numeral_end
    if prev.isalnum() or prev in "-–/:+#@.&_×" or (prev == "(" and bare and body[end:end + 1] == ")"):
        return True  # 'COVID-19', 'G20', '12/01', '+90', '#11', '7.62×51', '(1)' but not '(62 percent)'
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


def blocked_after(body: str, number: Number) -> bool:
    """True when the text after a number makes it part of a date, time, ordinal, range, version or compound."""
    end = number.end
    nxt, after = body[end:end + 1] or "\n", body[end + 1:end + 2] or "\n"  # the body's end reads as a line end
    if nxt.isalnum() or (nxt in "-–/:,.·" and after.isdigit()) or (nxt == " " and after.isdigit()):
        return True  # '5th', '4G', '10-15', '12:42', '1,2,3', '3.1.4', phone digit groups
    if nxt in "-–" and not number.unit_word and not STRONG.match(body, end):
        return True  # 'two-state', '10-point plan', '1,700-plus': a compound, not a count
    if number.digits and len(number.digits) <= 2 and _MONTH_AFTER.match(body, number.numeral_end):
        return True  # '5 June'
    return bool(_TIME_AFTER.match(body, number.numeral_end))  # "3 p.m.", "two o'clock"
