"""Numbers that say no measure: a percentage as a manner of speaking ('100% not true', 'I trust the voter 100
percent', '“1000%” confident'), a digit texted for a word ('4 ur correction') and set phrases ('catch forty winks',
'my two cents', 'the whole nine yards')."""

import re

from transforms.compare.figure_words import word_classes
from transforms.compare.numbers import Number

# After a percentage, words that make '100%' a manner of speaking, not a measure.
IDIOM_AFTER = re.compile(r"\s*(?:(?i:not|sure|certain|true|false|wrong|right|behind|committed|confident|correct|"
                         r"honest|accurate|serious|positive|convinced|clear|guaranteed)\b)")
# After a whole percentage or more, words that make it 'wholly' ('100 percent a Ryan failure', 'with them 100% on'):
# a measure of 100 percent names what it measures next ('100 percent of', '100 percent renewable energy').
WHOLLY_AFTER = re.compile(r"\s+(?:(?i:a|an|the|with|for|on\s+board|in\s+favou?r|agree|agreed|support|supports)\b)")
# A whole percentage or more set off in quote marks by itself, or after whom or what it backs at a clause end.
_CLOSING_QUOTE = re.compile(r"[.,!?]?[\"”’'](?:[ \t]+([a-z]+))?")
_CLAUSE_END = re.compile(r"\s*(?:[.,;:!?\"”’)]|—|--|$)")
_WORD_BEFORE = re.compile(r"([a-z]+)\s+$")
_OBJECT_PRONOUNS = frozenset("him her them it you me us".split())
# '4 ur correction', 'thanks 2 u': a 2 or 4 before a pronoun is 'to' or 'for', as texted.
_TEXTED_AFTER = re.compile(r"[ \t]+(?:u|ur|ya|yr|you|your|me|him|them|us)\b")


# Set phrases that hold a number and count nothing; tried only where the word after a number is one they end with.
# 'Two cents' is an opinion only after a personal possessive and with no rate after it: 'Exxon’s two cents a gallon',
# 'the company’s two cents per share' are prices.
_SET_PHRASE = re.compile(r"(?i:(?:forty|40)\s+winks|\b(?:my|his|her|their|our|your)\s+(?:two|2)\s+cents\b"
                         r"(?![ \t]+(?:a|an|per)\b)|(?:two|2)\s+cents['’]?\s+worth|whole\s+nine\s+yards|"
                         r"worth\s+a\s+thousand\s+words)\b")
_SET_PHRASE_ENDS = re.compile(r"[ \t]*(?i:winks|cents|yards|words)\b")


def set_phrase(body: str, number: Number) -> bool:
    """'to catch 40 winks', 'here are my two cents', 'went the whole nine yards' -> True: the number is part of an
    idiom, not a quantity."""
    if not (_SET_PHRASE_ENDS.match(body, number.numeral_end) or _SET_PHRASE_ENDS.match(body, number.end)):
        return False
    found = _SET_PHRASE.search(body, max(0, number.lead - 24), min(len(body), number.end + 16))
    return bool(found) and found.start() <= number.lead < found.end()


def texted(body: str, number: Number) -> bool:
    """'I’ll wait 4 ur correction', 'thanks 2 u' -> True: a bare 2 or 4 before a pronoun stands for 'to' or 'for'."""
    return number.digits in ("2", "4") and number.start == number.lead and number.unit is None \
        and bool(_TEXTED_AFTER.match(body, number.end))


def wholly(body: str, number: Number) -> bool:
    """'100% not true', 'This is 100 percent a Ryan failure', 'who responded “100%.”', '‘1000%’ confident', 'with the
    establishment 100%.' -> True: a percentage as a manner of speaking, not a measure."""
    if number.unit != "percent":
        return False
    end, start = number.end, number.start
    if IDIOM_AFTER.match(body, end):
        return True
    if number.value < 100 or start < number.lead:
        return False  # 'nearly 100%' measures
    if WHOLLY_AFTER.match(body, end):
        return True
    if start and body[start - 1] in "\"“‘'" and (quoted := _CLOSING_QUOTE.match(body, end)):
        after = quoted[1] and word_classes(quoted[1])
        return not after or "NOUN" not in after or bool(after & {"ADJ", "ADV"})  # 'a “100%” rating' measures
    if not _CLAUSE_END.match(body, end):
        return False
    before = _WORD_BEFORE.search(body, max(0, start - 25), start)
    return bool(before) and (before[1] in _OBJECT_PRONOUNS or word_classes(before[1]) == {"NOUN"})
