"""Figure forms around a number: shares ('three in four', 'two thirds of'), ages ('at 15'), 'N or less', idioms
('100% not true'), ranges ('30 to 35 mph', 'three or four months') and the counted noun a sentence names before its
number ('protesters …, about 10,000 in Madrid').
"""

import re
from decimal import Decimal

from transforms.compare.numbers import HUNDREDTHS, NUMBER_WORDS, Number
from transforms.lexicon import is_demonym

_COUNT = r"(?:\d{1,3}(?:,\d{3})*|one|two|three|four|five|six|seven|eight|nine|ten)"
_DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
                 "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "tenth": 10, "tenths": 10}
# 'three in four Democrats', 'one out of (every) five voters', 'three of every four', 'two-thirds of the vote', 'a
# third of voters': the first found from the space before 'in', 'out of' or 'of every', the second where str.find
# meets a fraction word, so both skip ahead in C.
SHARE_IN = re.compile(rf" (?:in|out of|of(?= every))(?: every)? (?P<den>{_COUNT})(?![\w-])")
_FRACTIONS = "|".join(_DENOMINATORS)
# Plural fractions need no 'of' ('two thirds say'); 'quarters' and 'halves' do, being counts too ('three quarters').
SHARE_FRACTION = re.compile(rf"[- ](?P<frac>{_FRACTIONS})(?: of\b|(?<=thirds|fifths|sixths|tenths)\b|(?<=fourths)\b)")
# How each fraction word opens: SHARE_FRACTION is tried only where one is found.
_FRACTION_STEMS = ("half", "halv", "third", "quarter", "fourth", "fifth", "sixth", "tenth")
_NUMERATOR = re.compile(rf"(?<![\w-])(?P<num>{_COUNT}|a)$", re.IGNORECASE)
_OF_GROUP = re.compile(r"(?:^|[.;:!?\n]\s*|\b(?:and|but)\s+)(?:(?i:of)\s+(?:the|those|these|all)\s+(?:[\d,]+\s+)?"
                       r"(?:[a-z][\w-]*\s+){0,2}?([a-z][a-z-]*[a-z](?<![su])s)|(?i:among)\s+(?:(?:the|all)\s+)?"
                       r"(?:[A-Za-z][\w-]*\s+){0,2}?([A-Za-z][a-z-]*[a-z](?<![su])s)(?:\s[^\n,.;:]{1,30})?)\s*,\s*$")
# Plurals that name people, who a share 'among' them counts: agent and member nouns by their endings ('renters',
# 'investors', 'residents', 'economists', 'Americans', 'employees') and common words for people.
PEOPLE = re.compile(r"(?:ers|ors|ents|ants|ists|ans|ees|ites)$|^(?:people|men|women|adults|children|kids|teens|"
                     r"teenagers|youths|parents|families|households|firms|companies|businesses|voters|patients)$")
# After a share's participle, an object makes it a verb: 'four in five supported the incumbent'.
_WORD_AT = re.compile(r"[ \t]+([a-z]+)\b")
_OBJECT_AFTER = re.compile(r"[ \t]+(?:the|a|an|his|her|their|its|this|that|these|those|him|them|it)\b")
OR_LESS = re.compile(r"\s*(?:[\w’'\-]+\s+){0,3}?or\s+(?P<side>less|fewer|under|below|younger|lower|more|greater|"
                     r"higher|above|older)\b")
_OR_OLDER = re.compile(r"\s+or\s+(older|younger)\b")
_AT_BEFORE = re.compile(r"\b(?i:at)\s+$")
_AGE_AFTER = re.compile(r"(?:\s*[,.;)]|\s+(?:of|when|and|he|she|they)\b)")
_PLACE_AFTER = re.compile(r"\s+(?:in|at|across|outside|near)\s+[A-Z]")
_SENTENCE_START = re.compile(r"(?:[.!?][\"”’)]*\s+|\n)")
_NEXT_WORD = re.compile(r"[ \t]+([A-Za-z](?:\.[A-Za-z])+\.?|[A-Za-z][A-Za-z'’-]*)")
_PLURAL = re.compile(r"\b([A-Za-z][a-z]{3,}s)\b")


def _count(word: str) -> int | None:
    word = word.lower()
    return int(word.replace(",", "")) if word[:1].isdigit() else NUMBER_WORDS.get(word)


def shares(body: str) -> list[tuple[int, int, float]]:
    """Body -> (start, end, fraction) of each share: 'three in four' -> 0.75, 'two thirds of' -> 0.6667."""
    out = []
    for matches, key in ((SHARE_IN.finditer(body), "den"), (fraction_matches(body), "frac")):
        for match in matches:
            num = _NUMERATOR.search(body, max(0, match.start() - 6), match.start())
            if not num or (key == "den" and num["num"].lower() == "a"):
                continue
            den = _count(match["den"]) if key == "den" else _DENOMINATORS[match["frac"].lower()]
            top = 1 if num["num"].lower() == "a" else _count(num["num"])
            if top and den and top < den <= 1_000_000:
                out.append((num.start(), match.end(), round(top / den, 4)))
    return sorted(out)


def fraction_matches(body: str) -> list[re.Match]:
    """Body -> SHARE_FRACTION's matches in order, tried only where a fraction word is found: str.find passes over
    text in C far faster than the pattern can from its opening space or hyphen, the commonest characters."""
    found = {}
    for stem in _FRACTION_STEMS:
        at = body.find(stem, 1)
        while at != -1:
            if match := SHARE_FRACTION.match(body, at - 1):
                found[at] = match
            at = body.find(stem, at + 1)
    return [found[at] for at in sorted(found)]


def group_before(body: str, start: int, stop_words: frozenset[str]) -> str | None:
    """Body + a number's start -> the plural of an 'Of the N ...,' or 'Among ...,' that opens its clause ('Of the 251
    participants, 35.7 percent said' -> 'participants', 'Among voters under 30, 61 percent' -> 'voters'), else
    None."""
    found = _OF_GROUP.search(body, max(0, start - 80), start)
    group = found and (found[1] or found[2]).lower()
    if found and found[2] and not (found[2][:1].isupper() or is_demonym(group) or PEOPLE.search(group)):
        return None  # 'Among the reasons, 30 percent cited cost': a share among things is no share of a group
    return group if group and group not in stop_words else None


def share_verb(what: str | None, body: str, end: int, pos: int) -> bool:
    """A share's counted phrase + where it ends (+ where it would start) -> True when it is a verb with an object
    ('nearly four in five supported the incumbent'), not what the share is of; the counted phrase leaves such a verb
    out, so with none the word at `pos` is looked at."""
    if what is None and (word := _WORD_AT.match(body, pos)):
        what, end = word[1], word.end()
    return bool(what) and " " not in what and what.endswith("ed") and bool(_OBJECT_AFTER.match(body, end))


def subject_before(body: str, start: int, stop_words: frozenset[str]) -> str | None:
    """The last plural noun of the clause before `start` ('Asian voters were 4 percent of the electorate and nearly
    four in five' -> 'voters'), or None."""
    return _clause_plural(body, _sentence_start(body, start), start, stop_words)


def at_age(body: str, lead: int, end: int) -> bool:
    """'a story he wrote at 15 of children' -> True: 'at N' with nothing counted after it is an age."""
    return bool(_AT_BEFORE.search(body, max(0, lead - 4), lead)) and bool(_AGE_AFTER.match(body, end))


def or_older(body: str, end: int) -> str | None:
    """'65 or older', '18 or younger' -> 'at_least' / 'at_most': a number that is an age; else None."""
    found = _OR_OLDER.match(body, end)
    return None if not found else "at_least" if found[1] == "older" else "at_most"


def or_less(body: str, end: int) -> str | None:
    """'49 or less', '18 or older' -> 'at_most' / 'at_least' from the words after a figure, else None."""
    found = OR_LESS.match(body, end)
    if not found:
        return None
    return "at_most" if found["side"].lower() in ("less", "fewer", "under", "below", "younger", "lower") else \
        "at_least"


# A rate after a figure: 'eight hours a day', '3 percent a year', '500 per week', '$50 billion annually'.
_RATE_AFTER = re.compile(r"[ \t]+(?:(?:a|an|per|each|every)[ \t]+(second|minute|hour|day|week|month|year|decade)\b"
                         r"(?![ \t]+(?:ago|earlier|later)\b)|(annually|yearly|monthly|weekly|daily|hourly)\b)")
_RATE_ADVERBS = {"annually": "year", "yearly": "year", "monthly": "month", "weekly": "week", "daily": "day",
                 "hourly": "hour"}
# Before 'under/over N', words that make N an age: an age word or people ('younger, under 35', 'adults over 65').
_AGE_CONTEXT = re.compile(r"\b(?i:younger|older|aged?|ages|people|adults|children|kids|teens|teenagers|voters|men|"
                          r"women|those|anyone|everyone|someone|somebody|anybody|everybody|respondents|americans|"
                          r"workers|residents|students|patients|you|we|they|he|she|i)\s*,?\s+(?:(?:who\s+)?(?:are|were|is|was|am)\s+)?$"
                          r"|\b(?i:you|we|they)['’]re\s+$|\b(?i:he|she)['’]s\s+$|\bI['’]m\s+$")
# An adverb that spreads a property over a group's members makes 'over/under N' theirs: an age ('the dead were mostly
# over 65', 'voters, largely under 30').
_AGE_ADVERB = re.compile(r"\b(?i:mostly|mainly|largely|predominantly|overwhelmingly|primarily|chiefly)\s+$")
_AGE_PAIR = re.compile(r"\b(?i:under|over|above|below)\s+\d{1,2}\s+(?:and|or)\s+$")  # 'those under 20 and over 65'
_AGE_HEDGES = frozenset({"under", "over", "above", "below"})
_AFTER_AGE = re.compile(r"\s*(?:[,.;:)!?]|$)|[ \t]+([A-Za-z]+)")


def rate_after(body: str, end: int) -> tuple[str, int] | None:
    """'eight hours a day', '46 annually' (at the figure's end) -> ('per day', where the rate ends), else None."""
    found = _RATE_AFTER.match(body, end)
    return ("per " + (found[1] or _RATE_ADVERBS[found[2]]), found.end()) if found else None


def under_age(body: str, start: int, lead: int, end: int, stop_words: frozenset[str]) -> bool:
    """'many of whom are younger, under 35', 'adults over 65 were', 'those under 20 and over 65', 'respondents under 30
    cited', 'were mostly over 65' -> True: 'under/over N' after an age word, people, another age or an adverb that
    spreads it over a group, with nothing counted after it (a function word or a verb in -ed), is an age."""
    if body[start:lead].strip().lower() not in _AGE_HEDGES:
        return False
    after = _AFTER_AGE.match(body, end)
    if not after or (after[1] and after[1].lower() not in stop_words and not after[1].endswith("ed")):
        return False
    return bool(_AGE_CONTEXT.search(body, max(0, start - 40), start)
                or _AGE_PAIR.search(body, max(0, start - 20), start)
                or _AGE_ADVERB.search(body, max(0, start - 16), start))


def _sentence_start(body: str, start: int) -> int:
    """Where the sentence holding `start` begins, looking back at most 300 characters."""
    return max((m.end() for m in _SENTENCE_START.finditer(body, max(0, start - 300), start)),
               default=max(0, start - 300))


def what_compared(body: str, start: int, end: int, stop_words: frozenset[str], previous: str | None) -> str | None:
    """A number compared with a count ('52,000 votes, 8,000 more than his rival' -> 'votes'; 'killed 12 people and
    wounded 53 others' -> 'people') or an end of a range
    ('infections climbed from fewer than 20 to more than 900' -> 'infections') -> what it counts, or None."""
    if _COMPARED_AFTER.match(body, end) or _OTHERS_AFTER.match(body, end):
        return previous  # '12 people and wounded 53 others': the others are of the count before
    if "from" not in body[max(0, start - 75):start]:
        return None  # both range forms below hold 'from' within their windows: most numbers are done here
    sentence = _sentence_start(body, start)
    ranged = _RANGE_FROM.search(body, max(sentence, start - 8), start) or \
        _FROM_TO_BEFORE.search(body, max(sentence, start - 70), start)
    if not ranged:
        return None
    toll = _TOLL.search(body, sentence, start)  # 'the death toll rose from 2,500 to 3,800'
    return previous or (toll[1].lower() + "s" if toll else _clause_plural(body, sentence, ranged.start(), stop_words))


def what_before(body: str, start: int, end: int, stop_words: frozenset[str], previous: str | None,
                listed: bool = True) -> str | None:
    """A number with nothing counted after it -> what it counts, named before it in its sentence, or None.

    'Protesters marched across Spain, with about 10,000 in Madrid' -> 'protesters' (a place follows: the first
    plural noun of the sentence); a number that goes on from an earlier count ('24,000 cases Monday, a daily
    increase of about 740', 'Deaths had increased to about 55', '136 people, two thirds of whom', 'a dozen of
    which') -> `previous`, the count before it in its sentence, else the first plural noun; 'the death toll at
    130,000' -> 'deaths', 'the number of people unaccounted for at 1,276' -> 'people'; a
    number standing alone in a list after a count ('300,000 licenses, … Virginia, which has 363,274, and') -> the
    count before it (`listed`; not after 'of', 'a population of 180 million', nor inside a parenthesis)."""
    if listed and previous and _ALONE_AFTER.match(body, end) and not _OF_BEFORE.search(body, max(0, start - 4), start) \
            and body.rfind("(", max(0, start - 80), start) <= body.rfind(")", max(0, start - 80), start):
        return previous
    sentence = _sentence_start(body, start)
    if _PLACE_AFTER.match(body, end):
        return _first_plural(body, sentence, start, stop_words)
    if (named := _NUMBER_OF.search(body, max(sentence, start - 150), start)) and named[1] not in stop_words \
            and not _TOLL.search(body, named.end(), start):
        return named[1]  # 'The number of people killed in the attack is at least 19' -> 'people'
    if not (_GOES_ON_BEFORE.search(body, max(sentence, start - 40), start) or _OF_WHOM.match(body, end)):
        return None
    toll = _TOLL.search(body, sentence, start)
    if toll:
        return toll[1].lower() + "s"
    return previous or _first_plural(body, sentence, start, stop_words)


# Words before a number that carry on a count named earlier: 'an increase of', 'rose to', 'the toll now at'.
_GOES_ON_BEFORE = re.compile(r"\b(?i:(?:increase|rise|drop|decline|fall|jump|gain|loss|total|toll|tally)\s+(?:now\s+)?"
                             r"(?:of|at|to)|(?:increased|rose|risen|fell|fallen|dropped|declined|climbed|grew|grown|jumped|reached|"
                             r"totaled|totalled|stood|stands|surpassed|topped|exceeded|passed|hit)(?:\s+(?:at|to))?)\s+$")
_COMPARED_AFTER = re.compile(r"\s+(?:more|fewer|less|higher|lower|greater|larger|smaller|bigger)\s+than\b")
_OTHERS_AFTER = re.compile(r"\s+others\b")
# After a number, what leaves it standing alone in a list of counts: a comma, semicolon or sentence end, 'and', 'or'.
_OF_BEFORE = re.compile(r"\bof\s+$")
_ALONE_AFTER = re.compile(r"\s*(?:[,;)]|\.(?:\s|$)|$)|\s+(?:and|or)\b")
_RANGE_FROM = re.compile(r"\bfrom\s+$")  # 'from' opening a range a count changes over ('climbed from 20 to 900')
_FROM_TO_BEFORE = re.compile(r"\bfrom\s+(?:[^,;.!?]|[,.](?=\d)){1,40}?\bto\s+(?:an?\s+)?(?:[a-z][\w-]*\s+)?$")
_CLAUSE_PLURAL = re.compile(r"\b([A-Za-z][a-z]+(?:-[a-z]+)*s)\b")
_OF_WHOM = re.compile(r"(?:\s+of)?\s+(?:whom|which|them|those)\b")
# 'the number of US troops in Syria … standing today at some 2,000': what a bare number later in its sentence counts.
_NUMBER_OF = re.compile(r"\b(?i:numbers?)\s+of\s+(?:[A-Za-z][\w.-]*\s+){0,2}?([a-z][a-z-]+(?<![su])s|people)\b")
_TOLL = re.compile(r"\b([a-z]+)\s+toll\b")


def _first_plural(body: str, sentence: int, start: int, stop_words: frozenset[str]) -> str | None:
    for noun in _PLURAL.finditer(body, sentence, start):
        word = noun[1].lower()
        if word not in stop_words and not word.endswith(("ss", "us", "is", "ys", "ies")) and \
                (noun[1].islower() or noun.start() == sentence):
            return word
    return None


def _clause_plural(body: str, sentence: int, until: int, stop_words: frozenset[str]) -> str | None:
    """The last plural noun of the clause that ends at `until` ('the number of school inspectors from' ->
    'inspectors'), lower case, or capitalised when it opens the clause ('Infections climbed from')."""
    clause = max(sentence, body.rfind(",", sentence, until) + 1, body.rfind(";", sentence, until) + 1)
    found = None
    for noun in _CLAUSE_PLURAL.finditer(body, clause, until):
        word = noun[1].lower()
        opens = not body[clause:noun.start()].strip()
        if word not in stop_words and not word.endswith(("ss", "us", "is", "ys")) and (noun[1].islower() or opens):
            found = word
    return found


def in_name(body: str, number: Number) -> bool:
    """'Sixteen Thirty Fund', 'the Ten Commandments', 'the 737 Max': a capitalised number word before a capitalised
    word inside a sentence, or bare digits before a capitalised singular word, are part of a name."""
    after = _NEXT_WORD.match(body, number.end)
    capital = bool(after) and after[1][:1].isupper() and not after[1].isupper() and not is_demonym(after[1])
    if number.digits is None:  # 'the Ten Commandments': a plural too
        before = body[max(0, number.lead - 3):number.lead].rstrip(" \"“‘(")
        return body[number.lead].isupper() and capital and not (before == "" or before[-1] in ".!?\n:")
    return number.unit is None and not number.scaled and capital and not after[1].endswith("s") \
        and body[number.end:number.end + 1] == " "


def titled_unit(body: str, number: Number) -> bool:
    """'60 Minutes', 'the 24 Hours race': a capitalised unit word inside a sentence makes the number part of a name."""
    word = number.unit_word or ""
    if not (word[:1].isupper() and word[1:].islower()):
        return False
    before = body[max(0, number.start - 3):number.start].rstrip(" \"“‘(")
    return not (before == "" or before.endswith((".", "!", "?", "\n")))


# Between the two ends of a range: 'to', 'or' ('three or four months'), 'and' after 'between'.
_RANGE_LINK = re.compile(r"\s+(to|or|and)\s+")
_BETWEEN_BEFORE = re.compile(r"\b(?i:between)\s+$")
_FROM_BEFORE_RANGE = re.compile(r"\b(?i:from)\s+$")
# 'ranged from', 'varies from': 'from N to M' is a range; after other words ('rose from') it is a change.
_RANGING = re.compile(r"\b(?i:rang(?:e|es|ed|ing)|var(?:y|ies|ied|ying)|anywhere|somewhere)\b[^,;.!?]{0,30}$")
# Before a pair of numbers, words that make it a score or a vote, not a range ('voted 52 to 48').
_SCORE_BEFORE = re.compile(r"\b(?i:vote[ds]?|voting|margin|score[ds]?|won|lost|beat|defeated|ruling|ruled|record)\b"
                           r"[^,;.!?]{0,12}$")
# Earlier in the sentence, words that make a pair a ratio ('doctors to specialists at 30 percent to 70 percent').
_RATIO_BEFORE = re.compile(r"\b(?i:ratio|split)\b[^.!?]*$")


def range_start(body: str, first: Number, second: Number) -> Decimal | None:
    """Two numbers in a row -> the range's lower end as `second` states it ('2.5 to 3.5 million' -> 2500000), or None
    when they are not the ends of one range (a change 'rose from 20 to 30', a score, a descending pair, other units)."""
    link = _RANGE_LINK.fullmatch(body, first.end, second.start)
    if not link or second.start < second.lead or (first.scaled and not second.scaled):
        return None
    before = body[max(0, first.start - 40):first.start]
    if _RATIO_BEFORE.search(body, max(0, first.start - 90), first.start):
        return None
    if link[1] == "and" and not _BETWEEN_BEFORE.search(before):
        return None
    if (_FROM_BEFORE_RANGE.search(before) and not _RANGING.search(before)) or _SCORE_BEFORE.search(before):
        return None
    if first.unit not in (None, second.unit) or (first.currency and first.currency != second.currency) \
            or (first.unit and (first.unit_word is None) != (second.unit_word is None)):
        return None  # 'rose 4 cents to $23.82': ends written in two forms are a change and a level
    low = first.value
    if first.unit is None and second.unit_word and second.unit_word.lower() in HUNDREDTHS:
        low /= 100  # '5 to 12 cents': the lower end in cents too
    if second.scaled and not first.scaled:
        numeral = numeral_value(body, second)
        if not numeral:
            return None
        low = first.value * second.value / numeral
    return low if low < second.value else None


def numeral_value(body: str, number: Number) -> Decimal | None:
    """A number -> the value of its numeral alone ('3.5 million' -> 3.5, 'three million' -> 3), or None."""
    if number.digits:
        return Decimal(number.digits.replace(",", ""))
    word = " ".join(body[number.numeral_start:number.numeral_end].lower().replace("-", " ").split())
    pieces = [word] if word in NUMBER_WORDS else word.split()
    if not pieces or any(piece not in NUMBER_WORDS for piece in pieces):
        return None
    return Decimal(str(sum(NUMBER_WORDS[piece] for piece in pieces))) or None
