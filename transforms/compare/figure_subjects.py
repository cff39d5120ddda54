"""What a figure measures when its clause names it before the figure: the subject of a verb of change or level or of
a copula ('Revenue was up 22%', 'July temperatures hit 104 degrees', 'the deficit, which has topped $1 trillion', 'The
jobless rate was 4 percent.', 'expect rainfall to reach 9 inches'), or a label before a colon ('Spending per driver:
$495'); the noun 'of' joins it to and the object of a verb that changes it are figure_heads'. A figure that a verb
says was passed ('topped $1 trillion') is more than that figure.

The subject is the noun phrase right before the verb (and its auxiliaries), read backwards by the lexicon's parts
of speech: determiners and a possessive owner open it and are left out ('The company's profit fell 3%' -> 'profit'),
'of' and its noun stay ('the price of oil'), a prepositional phrase between subject and verb is passed over ('Sales
in the region rose'), and 'which'/'that' stand for the noun phrase they follow. A pronoun names nothing.
"""

import re

from transforms.compare.figure_words import DETERMINERS, STOP, TIMES, word_classes
from transforms.compare.numbers import NUMBER_WORDS
from transforms.lexicon import MONTHS

# Verbs of motion: before 'up' they tell the direction of a change ('ticked up to 7.9 percent', 'was revised up 0.2
# points', 'shares jumped up 4%'), its subject being what the figure measures.
MOTION = (r"tick(?:s|ed|ing)?|inch(?:es|ed|ing)?|edg(?:e|es|ed|ing)|creep(?:s|ing)?|crept|mov(?:e|es|ed|ing)|"
          r"go(?:es|ing)?|gone|went|ris(?:e|es|en|ing)|rose|climb(?:s|ed|ing)?|shoot(?:s|ing)?|shot|"
          r"jump(?:s|ed|ing)?|bump(?:s|ed|ing)?|nudg(?:e|es|ed|ing)|ratchet(?:s|ed|ing)?|revis(?:e|es|ed|ing)|"
          r"round(?:s|ed|ing)?|drift(?:s|ed|ing)?|trend(?:s|ed|ing)?|crawl(?:s|ed|ing)?|spik(?:e|es|ed|ing)")
# Verbs whose complement is a level or a change of their subject: 'rose 5%', 'stood at 29 percent', 'was up 22%'.
CHANGE = (rf"(?:{MOTION})[ \t]+up|"
           r"ros(?:e|en)|rises?|risen|rising|contract(?:s|ed|ing)?|f[ae]ll(?:s|en|ing)?|gr[eo]wn?|grows|growing|"
           r"climb(?:s|ed|ing)?|"
           r"drop(?:s|ped|ping)?|jump(?:s|ed|ing)?|surg(?:e|es|ed|ing)|soar(?:s|ed|ing)?|plung(?:e|es|ed|ing)|"
           r"plummet(?:s|ed|ing)?|los(?:t|es|ing)|shed(?:s|ding)?|slip(?:s|ped|ping)?|sli(?:d|des|ding)|declin(?:e|es|ed|ing)|dip(?:s|ped|ping)?|"
           r"tumbl(?:e|es|ed|ing)|sank|sunk|sinks?|increas(?:e|es|ed|ing)|decreas(?:e|es|ed|ing)|gain(?:s|ed|ing)?|"
           r"reach(?:es|ed|ing)?|hit(?:s|ting)?|totall?(?:s|ed|ing)?|totall(?:ed|ing)|averag(?:e|es|ed|ing)|"
           r"st(?:ood|ands?|anding)[ \t]+at|(?:is|was|are|were|been|be)[ \t]+(?:up|down)|"
           r"(?:is|was|are|were|been|be|being)[ \t]+(?:cut|reduced|lowered|raised|boosted|slashed|trimmed|hiked|"
           r"increased|decreased|revised)|slow(?:s|ed|ing)?|eas(?:e|es|ed|ing)|widen(?:s|ed|ing)?|narrow(?:s|ed|ing)?|shr(?:ink|inks|ank|unk|inking)|"
           r"expand(?:s|ed|ing)?|rebound(?:s|ed|ing)?|slump(?:s|ed|ing)?|spik(?:e|es|ed|ing)|advanc(?:e|es|ed|ing)|"
           r"retreat(?:s|ed|ing)?|bounc(?:e|es|ed|ing)(?:[ \t]+back)?|recover(?:s|ed|ing)?|"
           r"(?:tick|inch|edg)(?:s|es|ed|ing|e)?[ \t]+(?:up|down|higher|lower)|(?:is|was|are|were)[ \t]+off|"
           r"stay(?:s|ed|ing)?|peak(?:s|ed|ing)?|hover(?:s|ed|ing)?(?:[ \t]+around)?|settl(?:e|es|ed|ing)|"
           r"clos(?:e|es|ed|ing)|doubl(?:e|es|ed|ing)|tripl(?:e|es|ed|ing)|halv(?:e|es|ed|ing)|swell(?:s|ed|ing)?|"
           r"swollen|balloon(?:s|ed|ing)?|(?:sky)?rocket(?:s|ed|ing)?|shot(?:[ \t]+(?:up|past))?|"
           # a copula states a level: 'The jobless rate was 4 percent', 'Its debt is now $2 billion'
           r"(?P<copula>is|was|are|were|remains?|remained)(?:[ \t]+(?:only|just|still|now|likely|already))?"
           r"(?:[ \t]+worth)?|"  # 'Its stake is worth $80,000'
           # verbs that state a value or a sum: 'The firm is valued at', 'The fees amount to', 'The plan would cost'
           r"(?P<value>valued[ \t]+at|amount(?:s|ed|ing)?[ \t]+to|cost(?:s|ing)?(?![ \t]+(?:by|to|from|at)[ \t]))|"
           + r"(?P<passed>top(?:s|ped|ping)|exceed(?:s|ed|ing)?|surpass(?:es|ed|ing)?)")
AUXILIARY = (r"(?:(?:has|have|had|is|was|are|were|will|would|could|can(?![ \t]+[a-z]+[^s\W]s\b)|cannot|"
              r"must|should|may|might|did|does|do|also|"
              r"already|now|been)[ \t]+)*")
# After the verb: 'fell from January's', and an article with an adjective or a noun of level before the figure
# ('remains a tame 1.7%', 'is a perilous 40 percent', 'increased from a maximum of', 'grow by an additional').
_VERB_BEFORE = re.compile(rf"(?:^|(?<=[ \t,(\"“]))([A-Za-z][\w.'’-]*|\d{{2,4}})[ \t]+{AUXILIARY}(?i:{CHANGE})"
                          r"[ \t]+(?:(?:to|by|from|at)[ \t]+(?:[A-Z][\w.]*['’]s[ \t]+)?)?"
                          r"(?:an?[ \t]+[a-z]+[ \t]+(?:of[ \t]+)?)?$")
# An acronym or a capitalised word the lexicon does not know, before a number that ends the name: 'S&P 500', 'Nikkei
# 225' (not 'In May 2019', 'Since 2010').
_NAME_BEFORE_NUMBER = re.compile(r"(?:^|[ \t(\"“])([A-Z][A-Za-z&/]*[A-Z][A-Za-z&/]*|[A-Z][a-z]+)[ \t]+$")
# A period named by its year: 'FY 2023', 'Q3 2024', 'H1 2022' are times, no index.
_PERIOD_NAME = re.compile(r"FY|CY|Q[1-4]|H[12]")
_PARTICIPLE_VERB = re.compile(r"[a-z]ing\b")  # 'ticking', 'averaging': a verb of change in -ing after 'with' its noun
# A negation before the verb makes the figure a ceiling, not a floor: 'never surpassed 3%', 'rarely exceed $5,000'.
_NEGATED = re.compile(r"\b(?i:never|not|rarely|seldom|hardly)\b|n['’]t\b")
CUE = re.compile(r"(?i:ros|ris|f[ae]l|gr[eo]|cli|dro|jum|sur|soa|plu|los|she|sli|dec|dip|tum|san|sun|sin|inc|gai|rea|"
                  r"hit|top|tot|ave|st[oa]|up|down|exc|edg|"
                  r"(?:is|was|are|were|be|been|being|remains?|remained)\b|contract|recover|stay|shot|expand|bounc|"
                  r"peak|hover|settl|clos|doubl|tripl|halv|swell|swollen|balloon|rocket|skyrocket|slow|eas|widen|"
                  r"narrow|shr|rebound|slump|spik|advanc|retreat|tick|worth|valued|amount|cost)")
_PASSING_CUE = re.compile(r"(?i:top|exc|sur)")  # how the verbs of passing in CHANGE open
_WORD_FORWARD = re.compile(r"[ \t]+([A-Za-z][\w.'’-]*)")
WORD_BACK = re.compile(r"(?:^|[ \t])([A-Za-z][\w.'’-]*)[ \t]*$")
_PRONOUNS = frozenset("""it they he she we i you him her them us me this these those there what who someone somebody
anyone anybody everyone everybody nobody himself herself itself themselves""".split())
_RELATIVES = frozenset({"which", "that"})
PREPOSITIONS = frozenset("in at on for from among across during since over under with within outside by to".split())
_GOVERNING = (PREPOSITIONS - {"with"}) | {"of"}  # what makes a name the object of a preposition inside a subject
_DEMONSTRATIVES = frozenset("this that these those".split())
_CONJUNCTIONS = frozenset({"and", "or", "nor"})
# Words after which a clause, and so its subject, may begin: subordinators and verbs that report a clause.
_CLAUSE_OPENERS = frozenset("""that as while when whereas because since after before if though although but so
where until once how why even also then now meanwhile said says say saying showed shows show showing found finds
reported reports estimated estimates expects expected predicted noted means meant think thinks thought believe
believes believed expect argue argues argued claim claims claimed predict predicts warn warns warned""".split())
# Words that end a phrase after a number but may modify a noun before it: 'July temperatures', 'northern states'.
_MODIFIERS = frozenset("""january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday north south east west northeast northwest southeast
southwest northern southern eastern western central high long old prior""".split())
# After a figure a copula states, what ends its predicate: a level ('was 4 percent in May.'), not a difference or a
# property ('was 30 percent more likely', 'is 53 feet long', 'was 41% complete').
PREDICATE_END = re.compile(r"\s*(?:[,.;:)!?\"”—–]|--?[ \t]|$)|[ \t]+(?:in|for|at|on|as|according|by|since|among|last|"
                            r"this|the|and|or|but|while|compared|after|before|during|with|of|until|between|when)\b")
# A copula and a verb that raises the subject of the infinitive after it: 'Sales are expected to rise'.
_RAISED = re.compile(r"[ \t]+(?:is|are|was|were|be|been)(?:[ \t]+(?:now|also|still))?[ \t]+(?:expected|projected|"
                     r"forecast|predicted|set|poised|likely|due|slated|scheduled|estimated)[ \t]+$")
# Nouns of a change: a relative after their prepositional phrase is about its noun ('an increase in the borrowing
# limit, which stands at').
_CHANGE_NOUNS = frozenset("""increase increases rise rises drop drops decline declines decrease decreases reduction
reductions growth fall falls jump jumps surge surges gain gains loss losses""".split())
_ANAPHORS = frozenset("figure figures number numbers total share percentage proportion".split())
# A number right before the antecedent: the relative restates that figure in another unit.
_COUNTED = re.compile(r"(?:\d|\b(?i:hundred|thousand|million|billion|trillion))[ \t]+$")
# A figure a few words before 'which amounts to': the sum it restates ('put 9 million pesos into the plant, which').
_RESTATED = re.compile(r"\d(?:[ \t]+[\w'’-]+){1,5},?[ \t]*$")
_CUTTING = frozenset("""cut cuts cutting slash slashed slashes reduce reduced reduces raise raised raises lower
lowered lowers trim trimmed trims curb curbed curbs boost boosted boosts""".split())
_BE = frozenset("is are was were be been".split())
_MODALS = frozenset("to can could will would may might must should shall do does did".split())
_SCALES = frozenset("hundred thousand million billion trillion percent dollars".split())
_MAX_WORDS = 4
# A label before a colon opening its line or following a parenthesis: 'State highway spending per driver: $495'.
_LABEL = re.compile(r"(?:^|\n|\)[ \t]+)([A-Z][a-z][\w-]*(?:[ \t]+[A-Za-z][\w-]*){0,5}):[ \t]*$")
_LABEL_LINKS = frozenset({"per", "of", "in", "a"})


def verb_before(body: str, start: int, level: bool = True) -> re.Match | None:
    """The verb of change or level right before a figure's start and its subject's last word, or None; tried only
    when one of the three words before (five after an article: 'dipped from a high of') opens like one of its
    verbs: most figures have none, and the pattern is slow to fail from every place of its window. Without `level` (a
    bare count, whose subject is not asked for) only a verb of passing is looked for: a copula before most counts
    ('there were 300') need not start the search."""
    cue = CUE if level else _PASSING_CUE
    words = body[max(0, start - 40):start].split()[-5:]
    if not any(cue.match(word) for word in (words if "a" in words[-4:] or "an" in words[-4:] else words[-3:])):
        return None
    return _VERB_BEFORE.search(body, max(0, start - 80), start)


_CHANGE_AFTER = re.compile(rf"[ \t]+{AUXILIARY}(?i:{CHANGE})\b")


def change_after(body: str, pos: int) -> bool:
    """True when a verb of change (not a copula) follows `pos`: 'Shares of the two banks (4 percent) fell'."""
    found = _CHANGE_AFTER.match(body, pos)
    return bool(found) and not found["copula"]


def _name_governed(body: str, start: int) -> bool:
    """True when a preposition (but 'with', which opens a clause of its own) stands before the name at `start`, with
    or without 'the': the name is then inside the subject ('Orders for the Boeing 787 rose', 'Cases of Covid 19
    rose'), not its head; 'The FTSE 100 fell' and "Japan's Nikkei 225 slid" open it."""
    before = WORD_BACK.search(body, max(0, start - 40), start)
    if before and before[1].lower() == "the":
        before = WORD_BACK.search(body, max(0, before.start(1) - 40), before.start(1))
    return bool(before) and before[1].lower() in _GOVERNING


def passed(body: str, verb: re.Match | None) -> bool:
    """A figure's verb_before -> True when it is a verb of passing ('has topped $1 trillion', 'exceeded 5 percent'):
    the figure is a floor the thing measured went over."""
    return bool(verb and verb["passed"]) and not _NEGATED.search(body, max(0, verb.start() - 12), verb.start("passed"))


def subject_measured(body: str, verb: re.Match | None, figure_end: int | None = None, span: bool = False,
                     previous: str | None = None) -> str | None:
    """A figure's verb_before (and the figure's end; whether it is a span of time; what the figure before it
    measures) -> the subject of that verb of change or level ('Revenue was up 22%' -> 'revenue', 'July temperatures
    hit 104 degrees' -> 'july temperatures', 'The jobless rate was 4 percent.' -> 'jobless rate', 'a deficit of $900
    billion would fall to $700 billion' -> what the figure before measures), or None."""
    if not verb:
        return None
    if verb[1].lower() in _SCALES and not verb["copula"]:
        return previous  # the subject ends in a figure: it measures what that figure does
    if verb[1].isdigit():  # 'The S&P 500 fell 3%', 'the FTSE 100 sank': a name ending in a number
        name = _NAME_BEFORE_NUMBER.search(body, max(0, verb.start(1) - 30), verb.start(1))
        if not name or (name[1][1:].islower() and (word_classes(name[1].lower()) or name[1].lower() in MONTHS)) \
                or _PERIOD_NAME.fullmatch(name[1]) or _name_governed(body, name.start(1)):
            return None  # 'Since 2010', 'in December 2007', 'FY 2023', 'Deliveries of the Boeing 737 fell'
        return f"{name[1].lower()} {verb[1]}"
    if verb["value"] and verb[1].lower() in _CUTTING:
        return None  # 'The airline cut costs 10 percent': 'costs' is the object of a verb, no verb of value
    if verb["copula"] and (span or figure_end is None or not PREDICATE_END.match(body, figure_end)):
        return None  # 'was 30 percent more likely', '17 points ahead', '53 feet long', 'was two weeks ago'
    end, relative = verb.end(1), verb[1].lower() in _RELATIVES
    if verb[1].lower() == "to":  # 'Sales are expected to rise 5%': the subject before the raising verb
        raised = _RAISED.search(body, max(0, verb.start(1) - 40), verb.start(1))
        if not raised:
            return _object_before_to(body, verb.start(1))
        end = raised.start()
    if relative:  # 'the deficit, which has topped': the noun phrase before the relative
        end = verb.start(1)
        while end and body[end - 1] in " \t,":
            end -= 1
    words, begin = phrase_back(body, end)
    before = WORD_BACK.search(body, max(0, begin - 40), begin) if words or begin < end else None
    if before and before[1].lower() == "with" and words and not (verb["copula"] and named(body, begin, end)) \
            and _PARTICIPLE_VERB.search(body, verb.end(1), verb.end()):
        return " ".join(words)  # 'with the jobless rate ticking up to 7.9 percent': the subject of a clause of its own
    # A subject may have a prepositional phrase before its verb ('Sales in the region rose', 'income in this state
    # fell'); a relative stands for the phrase right before it after a noun of change ('a drop in the peso, which
    # fell 1%'), not after a name ('a conference in Denver that cost'); before a verb of value it is the noun the
    # phrase hangs on ('a grant for rural clinics, which would cost': the grant costs).
    if before and before[1].lower() in PREPOSITIONS and not (
            relative and not named(body, begin, end) and (
                (head := phrase_back(body, before.start(1))[0]) and head[-1] in _CHANGE_NOUNS)):
        words, begin = phrase_back(body, end := before.start(1))
        if words and words[-1].endswith("ing") and (words[-2:-1] == ["of"] or (
                len(words) == 1 and "NOUN" not in word_classes(words[0]))):
            return None  # 'the cost of dealing with floods rises': the phrase is a verb's (not 'approval rating')
        before = WORD_BACK.search(body, max(0, begin - 40), begin) if words else None
    joined = bool(before) and before[1].lower() in _CONJUNCTIONS
    if not words or (joined and not opens(body, before.start(1)) and not _determined(body, before.end(1))):
        return None  # 'burglary and car theft are down': one conjunct is not the subject (', and' opens a clause)
    stated = verb["copula"] or verb["value"]
    if (stated and named(body, begin, end)) or (len(words) == 1 and (words[0] in _ANAPHORS or (
            body[begin:begin + 2].lower() in ("a ", "an") and "ADJ" in word_classes(words[0])))):
        return None  # 'Smith was at 5 percent': a person's level says nothing comparable; 'the number dropped from'
        # refers back; 'a slight decline from 82%': the verb's form is a noun
    if relative:  # the antecedent may be an object: 'could collect fines that total', the verb left out ('are
        # confronting ad rates that', a participle); not a time ('a bill last week that would cost')
        if words[-1].removesuffix("s") in TIMES or _COUNTED.search(body, max(0, begin - 16), begin) or (
                "amount" in verb[0].lower() and _RESTATED.search(body, max(0, verb.start(1) - 60), verb.start(1))):
            return None  # 'invested 9 million pesos in the plant, which amounts to $500,000': a figure restated
        verbal = before and (before[1].lower() in _MODALS or (before[1].lower() in _BE and words[0].endswith("ing")))
        return " ".join(words[1:] if verbal and len(words) > 1 else words)
    if not opens(body, begin) and not joined and not (before and before[1].lower() in _CLAUSE_OPENERS):
        return None  # 'see storm surges up to', 'the number of robberies that led to arrests has declined', '18
        # months of wage gains above 3%': the phrase is an object, the end of a longer subject or counted
    return " ".join(words)


def _object_before_to(body: str, end: int) -> str | None:
    """'caused the jobless rate to rise to 4%' (the text before 'to') -> 'jobless rate': the object of a verb is the
    subject of the infinitive after it; None for a verb, a gerund or a name before 'to'."""
    words, begin = phrase_back(body, end)
    if not words or not noun(words[-1]) or words[-1].endswith("ing") or named(body, begin, end) \
            or opens(body, begin) or (len(words) == 1 and "ADJ" in word_classes(words[0])):
        return None  # 'A candidate needs to hit 15 percent': a phrase opening its clause is no object; 'possible to
        # stay 6 feet away': an adjective
    return " ".join(words)


_TITLE_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Prof)\.[ \t]*$")


def named(body: str, begin: int, end: int) -> bool:
    """True when the phrase between `begin` and `end` ends in a name: a capitalised word inside its sentence, or one
    the lexicon does not know."""
    last = body[begin:end].split()[-1:]
    return bool(last) and last[0][:1].isupper() and (not opens(body, at := end - len(last[0])) or not word_classes(
        last[0].lower()) or bool(_TITLE_BEFORE.search(body, max(0, at - 7), at)))  # 'Mr. Trump'


def phrase_back(body: str, end: int) -> tuple[list[str] | None, int]:
    """Text before `end` -> (the noun phrase that ends there, lower case, its determiners and owner left out; None
    for a pronoun) and where the phrase with its determiners begins."""
    words: list[str] = []
    while token := WORD_BACK.search(body, max(0, end - 40), end):
        raw, word = token[1], token[1].lower()
        if not words and word in _PRONOUNS:
            return None, end
        if _owner(raw) or _outside(raw, word) or (word in STOP and word != "of" and word not in _MODIFIERS) \
                or (word == "of" and (not words or "of" in words)) or (word != "of" and not _nominal(raw, word)) \
                or len(words) > _MAX_WORDS + 1 or (words and words[0] != "of" and word in _CLAUSE_OPENERS):
            break
        words.insert(0, word)
        end = token.start(1)
    owned = False
    while (token := WORD_BACK.search(body, max(0, end - 40), end)) and (
            _owner(token[1]) or token[1].lower() in DETERMINERS or (owned and token[1][:1].isupper())):
        end = token.start(1)  # 'The company's profit', 'Mr. Smith's rating': the determiner and owner open it
        owned = owned or _owner(token[1])
        if token[1].lower() in _DEMONSTRATIVES and (token[1].lower() != "that" or opens(body, end)):
            return [], end  # 'That number could grow': it refers back (not 'found that life expectancy')
    if words and words[0] == "of":
        words = words[1:]
    elif words and "of" not in words and (of := WORD_BACK.search(body, max(0, end - 40), end)) \
            and of[1] == "of" and (head := phrase_back(body, of.start(1)))[0] and "of" not in head[0]:
        words, end = [*head[0], "of", *words], head[1]  # 'Shares of the carmaker': the head before 'of the'
    if len(words) > _MAX_WORDS:
        head = words[:words.index("of")] if "of" in words else []
        words = (head if len(head) > 1 else []) if "of" in words else words[-_MAX_WORDS:]  # 'the share of
        # households reporting any debt': its head alone would say too little; 'the average net worth of the same
        # families' -> 'average net worth'
    return words, end


def opens(body: str, at: int) -> bool:
    """True when nothing but punctuation or a line start stands before `at` in its sentence."""
    before = body[max(0, at - 3):at].rstrip(" \t\"“‘(")
    return not before or before[-1] in ".!?\n:;,—–"


def _determined(body: str, at: int) -> bool:
    """True when a determiner or an owner opens the phrase at `at` ('and the rate', "and Germany's index"): a
    conjunct of its own, not a noun joined to the one before ('burglary and car theft')."""
    first = _WORD_FORWARD.match(body, at)
    return bool(first) and (first[1].lower() in DETERMINERS or _owner(first[1]))


def _owner(raw: str) -> bool:
    return raw.endswith(("'s", "’s", "s'", "s’"))


def _outside(raw: str, word: str) -> bool:
    """A word that cannot be in the subject's phrase: one ending a sentence ('data.', not 'U.S.'), a contraction
    ("they've"), a number or scale ('$1.2 trillion in tax increases')."""
    return (raw.endswith(".") and "." not in raw[:-1]) or (("'" in raw or "’" in raw) and not _owner(raw)) \
        or word in _SCALES or word in NUMBER_WORDS


def _nominal(raw: str, word: str) -> bool:
    """A word that may stand in a noun phrase: a noun, an adjective, a name, a gerund ('spending')."""
    if raw[:1].isupper() or word.endswith("ing") or word[:-2] in TIMES:
        return True  # 'hourly earnings': a rate adjective the lexicon knows only as an adverb
    classes = word_classes(word)
    return not classes or bool(classes & {"NOUN", "ADJ"})


def noun(word: str) -> bool:
    """A word that may head a noun phrase: the lexicon knows it as a noun, or not at all ('second-quarter sales'), or
    a gerund ('spending')."""
    classes = word_classes(word)
    return not classes or "NOUN" in classes or word.endswith("ing")


def label_before(body: str, start: int) -> str | None:
    """'State highway spending per driver: $495' -> 'state highway spending per driver': a label of nouns before a
    colon says what the figure after it measures; not a speaker ('He said: 40 percent')."""
    found = _LABEL.search(body, max(0, start - 70), start)
    if not found:
        return None
    words = found[1].split()
    lowered = [w.lower() for w in words]
    if any(w in STOP and w not in _LABEL_LINKS for w in lowered) or not all(
            _nominal(w, w.lower()) or w.lower() in _LABEL_LINKS for w in words):
        return None
    return " ".join(lowered)
