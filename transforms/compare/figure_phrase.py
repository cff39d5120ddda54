"""The counted phrase after a number: 'more than 1.7 million Syrians have fled' -> 'syrians', '15 police officers' ->
'police officers', 'a two-thirds majority necessary to' -> 'majority', '$15 an hour' -> 'per hour'.

Rules of English noun phrases, with the parts of speech of a word from the lexicon lemminflect ships: the phrase ends
at its first plural noun (or a name or collective noun's plural head), a participle standing alone, a function word,
a contraction or an adjective after the noun; adjectives and words in quote marks before the noun stay.
"""
import re

from transforms.compare.figure_tokens import (
    MAX_WHAT_WORDS,
    TOKEN,
    adjective,
    adjective_only,
    continues,
    is_plural,
    joined,
    measured,
    modifier_next,
    noun_next,
    noun_plural_next,
    object_next,
    opening,
    opens_quote,
    plural_noun_next,
    possessive,
    verb_after_noun,
    verb_in_s,
)
from transforms.compare.figure_words import (
    BASE_PASTS,
    COLLECTIVES,
    COMPARATIVES,
    GROUPS,
    LEADING,
    NEAR_DAYS,
    PARTICIPLES,
    RAISING,
    REPORTED,
    SAME_AS,
    STOP,
    TIMES,
    is_adverb,
    is_modifier,
    not_a_noun,
    word_classes,
)
from transforms.compare.numbers import NUMBER_WORDS
from transforms.lexicon import is_demonym

_CONTRACTIONS = ("n't", "n’t", "'ve", "’ve", "'re", "’re", "'ll", "’ll", "'d", "’d", "'m", "’m")
_TO_FOR = re.compile(r"[ \t]+(?:to|for)\b")
# Endings of adjectives that may stand after their noun ('the majority necessary to', 'funds available for').
_POSTPOSED_ENDINGS = ("ary", "ible", "able", "ient")
# Endings of words that may end a phrase after its noun: postposed adjectives and adverbs.
_AFTER_NOUN_ENDINGS = (*_POSTPOSED_ENDINGS, "ly")
_TO_VERB = re.compile(r"[ \t]+to[ \t]+[a-z]")
# After 'N times', what makes it a count of occasions: an end, or a preposition or conjunction, not 'the', 'as',
# 'more' or 'that' (a multiplier).
_TIMES_COUNTED = re.compile(r"\s*(?:[,.;:)!?\"”]|$)|[ \t]+(?:in|since|during|over|on|at|by|with|before|after|this|last|"
                            r"so|and|or|but|while|when|a|per|each|every)\b")

_OBJECT_NEXT = re.compile(r"[ \t]+[$\d]")
_OF_NEXT = re.compile(r"[ \t]+of\b")
_AND_PLURAL = re.compile(r"[ \t]+(and|or)[ \t]+([A-Za-z]+)(?![\w'’-])")

# What may follow a noun phrase and seldom a verb: end punctuation, a relative pronoun, a conjunction, a preposition
# ('that' and 'from' follow verbs as often: 'polls shows that', 'stations stretches from').
# After a word that is both a noun and an irregular participle, what makes it a participle: its agent, a complement
# or an object ('a deadline set by the court', 'a budget cut to the bone', 'the sum paid out', 'a fee set at $5').
_PARTICIPLE_NEXT = re.compile(r"[ \t]+(?:(?:by|to|at|as|up|down|off|out|aside|back|over|the|a|an|his|her|their|"
                              r"its|our|this|these|those)\b|[$\d])")
# What may follow the head of a compound and seldom a verb: an end, a relative pronoun, a conjunction, 'of' or an
# auxiliary ('a $40 billion tax cut that'); a verb's past that is not its base may go on ('a two-year bond fell below').
_HEAD_END = re.compile(r"\s*(?:[,.;:)!?\"”]|$)|[ \t]+(?:that|which|and|or|of|is|was|were|are|will|would|could|"
                       r"might|has|had)\b")
# After an adjective and a gerund, what shows the gerund heads the phrase ('10 days of heavy fighting in'), not a
# clause with its object ('of the public supporting it').
_GERUND_END = re.compile(r"\s*(?:[,.;:)!?\"”—–]|$)|[ \t]+(?:in|on|at|across|along|during|since|between|near|around|"
                         r"and|or|but|that|which|as|after|before|until|when|while)\b")
_DETERMINER_NEXT = re.compile(r"[ \t]+(?:the|a|an|his|her|their|its|these|those|our|my|your)[ \t]")
# A time after a participle and a determiner says when, not what it acted on: 'the 12 injured the night before',
# '30 evacuated the following morning' count people.
_TIME_NEXT = re.compile(r"[ \t]+(?:the|a|that|this)[ \t]+"
                        r"(?:(?:same|previous|following|next|last|other|past|very)[ \t]+)?"
                        r"(?:" + "|".join(sorted(TIMES)) + r"|night|morning|evening|afternoon|weekend)s?\b")
_BOUNDARY = re.compile(r"\s*(?:[,.;:)!?\"”]|$)|[ \t]+(?:which|who|and|or|in|on|for|with|at|by|since|during|against)\b")


def counted_phrase(body: str, pos: int, unit: str | None, attributive: bool,
                   governed: bool = False) -> tuple[str | None, int]:
    """Body + offset after a number and its unit (+ whether a preposition governs the figure) -> (counted noun
    phrase or None, offset where it ends).

    After a unit the noun follows directly only when the figure modifies it ('a 10-day ceasefire'); otherwise it
    needs 'of' ('10 percent of voters'): in '47 percent gave' the next word is a verb. After a preposition the
    figure is no subject, so a noun that may be a verb is the noun ('freed on $1,140 bail following')."""
    words, end, opened, start, limit, determined = [], pos, "", pos, MAX_WHAT_WORDS, False
    while len(words) < limit and (token := TOKEN.match(body, pos)):
        if words and opens_quote(token):
            break  # 'a 25 percent hike "needs to be…"': a quotation opens after the phrase
        word = token[1].lower().removesuffix("'s").removesuffix("’s").rstrip("'’")
        word = SAME_AS.get(word, word)
        pos = token.end()
        if pos < len(body) and body[pos] in "\"”’'" and opens_quote(token):
            pos += 1  # '16 “outlandish” statements': the word's closing mark
        if possessive(token, opened, body, pos):
            if word in STOP and token[1].islower() and word not in NEAR_DAYS:
                break  # '$35 million she’s taken': a pronoun and its verb
            words, end = [], pos  # 'two-thirds of the nation’s clinicians': the possessive is a determiner
            continue
        if word in ("and", "or") and limit == MAX_WHAT_WORDS and joined(words, opened, body, pos):
            words.append(word)
            limit += 2  # '12 Democratic and Republican senators': adjectives joined before their noun
            continue
        if word in NUMBER_WORDS and word not in ("a", "an"):
            break  # "six of the state's seven Democratic members": the second count is a figure of its own
        if not words and not opened and word == "times" and unit is None and _TIMES_COUNTED.match(body, pos):
            return "times", pos  # 'played an estimated 28,000 times,', not 'three times the number'
        if not words and not opened and word == "worth" and _OF_NEXT.match(body, pos):
            continue  # '$75 billion worth of re-estimates': what the amount is of follows 'of'
        if not words and not opened and word in _openers(unit):
            if (after := opening(word, unit, body, pos)) is None:
                break
            opened, determined, pos = word, after != pos, after  # 'ten percent of voters', '$1.5 billion in aid'
            continue
        if not words and token[1].islower() and (lead := _lead_word(word, body, pos)):  # not 'five New Jersey towns'
            if lead == "stop":
                break
            attributive = attributive or (word in COMPARATIVES and noun_next(body, pos))  # '$1,210 less benefit'
            continue
        maybe_ends = word in STOP or "'" in word or "’" in word or opened == "in" \
            or (words and word.endswith(_AFTER_NOUN_ENDINGS))  # the cheap tests first: most words go on
        if maybe_ends and _ends_phrase(token, word, words, opened, body, pos):
            break
        if unit == "percent" and not words and not opened and token[1][:1].isupper() \
                and (is_demonym(token[1]) or word in GROUPS):
            attributive = True  # '8 percent Asian', '40 percent Republican voters': a group named by its adjective
        if unit and not opened and not words and verb_in_s(word, body, pos):
            break  # 'the extra $8 billion provides cover': right after a unit, a word only ever a verb is the figure's
        if unit and not opened and not attributive:
            if not measured(unit, token[1], word, body, pos, governed):
                break
            attributive = True  # the phrase goes on as after an article: '$300 million highway bill'
        if _verb_or_clause(word, words, opened, body, pos, determined) or _after_the_noun(word, words, body, pos):
            break
        words.append(word)
        if len(words) == limit and token[1].istitle() and limit < MAX_WHAT_WORDS + 2 and noun_next(body, pos):
            limit += 1  # a name then its head: '$10,000 Economic Injury Disaster Loan advance'
        end = pos
        if opened in ("per", "a", "an"):
            if (unit_of_time := TOKEN.match(body, pos)) and unit_of_time[1] in TIMES:
                words, end = [*words, unit_of_time[1]], unit_of_time.end()  # 'per kilowatt hour', 'per man hour'
            break  # a rate names one base: '50,000 per day possible' -> 'per day'
        if is_plural(word) and len(words) <= MAX_WHAT_WORDS - 2 and (pair := _pair(body, pos)):
            words += [pair[1], pair[2].lower()]  # '7,000 bombs and missiles', 'a dozen drones or missiles'
            end = pos = pair.end()
        if is_plural(word) or (word.endswith("ed") and not continues(body, pos)):
            if words == [word] and (word in REPORTED or word in RAISING and _TO_VERB.match(body, pos)
                                    or (word.endswith("ed") and _DETERMINER_NEXT.match(body, pos)
                                        and not _TIME_NEXT.match(body, pos))):
                return None, start  # '2.5 million expected to lose power', 'the 94 reported on Wednesday', 'the two
                # signed the declaration': a verb (with its object)
            if is_plural(word) and (token[1][:1].isupper() or word in COLLECTIVES or _plural_compound(body, pos)):
                end = _compound_heads(body, pos, words, end)
            break
    words = words[:-1] if words and words[-1] in ("and", "or") else words
    if opened in ("per", "a", "an") and words:
        words.insert(0, "per")  # '$15 an hour' and '$15 per hour' are one rate
    return (" ".join(words) or None), end


def _verb_or_clause(word: str, words: list[str], opened: str, body: str, pos: int, determined: bool) -> bool:
    """A word + the phrase before it + the word that opened it + where it ends -> True when it is a verb or opens a
    clause: a word in s before its object ('restaurant capacity makes more sense', 'the 100-mile zone encompasses
    two'), a participle after the noun ('a 90-day deadline set by', 'the tour headed to'; not 'fully paid leave',
    'young undocumented immigrants'; nor a noun that is also a participle heading a compound: 'a $40 billion tax cut
    that'), a gerund after 'of' ('28 years of spending'; not 'of unpaid parking tickets', nor before a noun: 'of the
    rising costs', 'of declining sales', nor after an adjective at the phrase's end: 'of heavy fighting.')."""
    if words and word.endswith("s") and (object_next(body, word, pos) or verb_after_noun(words[-1], body, pos)):
        return True
    if words and verb_in_s(word, body, pos) and not is_plural(words[-1]) \
            and (not (classes := word_classes(words[-1])) or "NOUN" in classes):
        return True  # 'the full 35 percent rate applies so': after a singular noun, the verb of the phrase
    if words and _is_participle(word) and not (words[-1].endswith("ly") and continues(body, pos)) \
            and not noun_plural_next(body, pos) and not _compound_head(word, words[-1], body, pos):
        return True
    if determined and not words and continues(body, pos):
        return False  # 'of the rising costs': after a determiner and before a noun, a participle modifies it
    if opened != "of" or not word.endswith("ing") or "-" in word:
        return False
    if not words:  # 'of declining sales': before a noun a participle of change modifies it; 'of making cars' is a
        return not (noun_next(body, pos) and (_modifying_participle(word) or _gerund_compound(word, body, pos)))
    return not adjective_only(words[-1]) and not (adjective(words[-1]) and not is_plural(words[-1])
                                                  and bool(_GERUND_END.match(body, pos)))  # 'of heavy fighting.'


# Participles that modify a noun more often than they take it as object: of change ('declining sales', 'mounting
# debts') and of state ('working women', 'ageing parents').
_MODIFYING_PARTICIPLES = frozenset("""rising falling declining growing mounting increasing decreasing soaring surging
climbing dropping sliding slumping plunging shrinking slowing easing widening narrowing worsening improving deepening
escalating spiralling spiraling dwindling fluctuating accelerating ballooning skyrocketing tumbling sagging stagnating
lingering persisting working living ageing aging dying emerging existing remaining ongoing""".split())


def _modifying_participle(word: str) -> bool:
    """'declining', 'working', 'ongoing' -> True: a word in -ing that modifies the noun after it (the lexicon's
    adjectives too); 'making', 'building', 'teaching' -> False: before a noun they are gerunds with their object."""
    return word in _MODIFYING_PARTICIPLES or "ADJ" in word_classes(word)


def _gerund_compound(word: str, body: str, pos: int) -> bool:
    """A word in -ing the lexicon knows as a noun, before a singular noun -> True: the two are a compound ('90% of
    advertising space', 'years of housing policy'); before a plural it is a gerund and its object ('of building
    bridges', 'of teaching children')."""
    token = TOKEN.match(body, pos)
    return "NOUN" in word_classes(word) and bool(token) and not is_plural(token[1].lower())


def _compound_head(word: str, previous: str, body: str, pos: int) -> bool:
    """An irregular participle that is also a noun, after a noun or gerund -> True when it heads the compound ('tax
    cut', 'spending cut', 'price hit'): one that is its verb's base too with no agent, complement or object after it
    ('a $5 trillion tax cut for the rich'), any other before an end, a relative or an auxiliary."""
    if word not in PARTICIPLES or "NOUN" not in word_classes(word) \
            or not ("NOUN" in word_classes(previous) or previous.endswith("ing")):
        return False
    if word in BASE_PASTS:
        return not _PARTICIPLE_NEXT.match(body, pos)
    return bool(_HEAD_END.match(body, pos))


def _after_the_noun(word: str, words: list[str], body: str, pos: int) -> bool:
    """A word + the phrase before it + where it ends -> True when an adverb or adjective follows the noun and no noun
    follows it ('a 10% advantage statewide', 'the $20 trillion borrowing limit sometime', '1 percent of the vote
    overall'), or a gerund before its object ('the 10-year Treasury yield averaging 2.6 percent'); before a noun it
    modifies it ('current and former federal employees')."""
    if not words or not not_a_noun(word) or "NOUN" not in word_classes(words[-1]):
        return False
    after = TOKEN.match(body, pos)
    if word.endswith("ing"):  # a gerund heads or modifies a compound ('defense spending.', 'spending cuts'); before
        if not after:        # a name, a number or another word it is a verb with its object ('ad buy slamming Ayotte')
            return bool(_OBJECT_NEXT.match(body, pos))
        following = after[1].lower()
        compound = after[1].islower() and ("NOUN" in word_classes(following) or is_plural(following))
        return not compound and following not in STOP
    return not after or after[1].lower() in STOP or "NOUN" not in word_classes(after[1].lower())


def _lead_word(word: str, body: str, pos: int) -> str | None:
    """The first word after a number -> 'skip' for a quantity word or an adverb before a participle ('1,000 more
    troops', '507 currently hospitalized compared to'), 'stop' for an adverb before nothing counted ('the two sharply
    disagreed in private': an adverb is never what is counted), else None."""
    if word in LEADING:
        return "skip"
    if word.endswith("ly") and is_adverb(word):
        modified = modifier_next(body, pos)
        return "stop" if not modified else "skip" if modified[1].endswith("ed") else None
    return None


def _ends_phrase(token: re.Match, word: str, words: list[str], opened: str, body: str, pos: int) -> bool:
    """True when a word cannot go on the counted phrase: a function word, a negation or contraction ('I’ve'), a
    capitalised place after 'in', or an adjective or adverb after the noun ('a two-thirds majority necessary to');
    'time' after a noun goes on."""
    if word == "time" and words and not is_plural(words[-1]):
        return False  # '$1 million in advertising time', 'hours of screen time': after a noun, 'time' heads it
    if word in STOP:
        # 'about 150 outside groups', 'two high schools': a word that may modify a noun, before a plural noun
        return not is_modifier(word) or not plural_noun_next(body, pos)
    if word.endswith(_CONTRACTIONS) or (opened == "in" and token[1][0].isupper() and not is_demonym(token[1])
                                        and not (not words and noun_next(body, pos))):
        return True  # '$5 million in Libya' names a place, not what the money is for ('in Chinese goods' is, and a
        # name before a noun modifies it: '$8 billion in GM plants', '$400 million in US security aid')
    if words and word.endswith("ly") and not words[-1].endswith("ed") and is_adverb(word) \
            and not noun_plural_next(body, pos):
        return True  # '$2 trillion worth of debt immediately', not 'temporary hourly employees'; not after a participle
    return bool(words) and word.endswith(_POSTPOSED_ENDINGS) and bool(_TO_FOR.match(body, pos)) \
        and "ADJ" in word_classes(word)


def _is_participle(word: str) -> bool:
    """'set', 'headed' -> True; 'rights-related' -> False: a hyphenated participle modifies the noun after it."""
    return (word.endswith("ed") and "-" not in word) or word in PARTICIPLES


def _compound_heads(body: str, pos: int, words: list[str], end: int) -> int:
    """Body + the end of a name, collective noun or plural compound's first noun + the phrase so far -> where the
    phrase ends, after the plural nouns right after it that head it ('15 police officers', 'Sanders supporters',
    'five Dallas police officers', '27 jobs bills'), appended to `words`."""
    while len(words) < MAX_WHAT_WORDS and (token := TOKEN.match(body, pos)) and token[1].islower() \
            and not opens_quote(token):
        word = token[1]
        if word in STOP or word.endswith("ed") or len(word) < 4 or word.removesuffix("s") in TIMES or word == "ages" \
                or not is_plural(word):
            break  # '15 people years ago', 'Democrats ages 18 to 29': a time or an age says when or who
        words.append(word.lower())
        end = pos = token.end()
        if word not in COLLECTIVES:
            break
    return end


def _plural_compound(body: str, pos: int) -> bool:
    """Body + the end of a common plural -> True when a plural the lexicon knows as a noun follows and a clause
    boundary after it ('27 jobs bills that', 'two sports fans.'): the second noun heads the phrase. Before an object
    the second word is a verb ('two countries negates the rule', 'jobs costs $5')."""
    token = TOKEN.match(body, pos)
    if not token or body[pos - 1] in "'’" or not token[1].islower() or token[1] in STOP or len(token[1]) < 4 \
            or not is_plural(token[1]) or token[1].removesuffix("s") in TIMES:
        return False  # "nine members’ terms": a possessive, not a compound
    return bool(_BOUNDARY.match(body, token.end())) and "NOUN" in word_classes(token[1])


def _pair(body: str, pos: int) -> re.Match | None:
    """Body + the end of a plural noun -> the match of 'and/or' + a second plural noun that ends the phrase there."""
    pair = _AND_PLURAL.match(body, pos)
    if not pair or pair[2].lower() in STOP or not is_plural(pair[2].lower()):
        return None
    after = TOKEN.match(body, pair.end())
    return pair if after is None or after[1].lower() in STOP or not body[pair.end()].isspace() else None


def _openers(unit: str | None) -> tuple[str, ...]:
    """Unit key -> words that may stand between the number and what it measures."""
    if unit and unit.isupper():
        return ("of", "in", "per", "a", "an")
    return ("of",) if unit else ("of", "per")  # '70,000 per year': a count's rate


# After a phrase a bare verb may end, what opens its object or complement: 'account for', 'cause 90 percent'.
_VERB_OBJECT_NEXT = re.compile(r"[ \t]+(?:[$£€\d]|(?:for|to|in|on|at|with|about|up|down|the|a|an|more|most|less|"
                               r"some|many|all)\b)")


def kind_phrase(body: str, pos: int) -> tuple[str | None, int]:
    """Body + offset after 'kinds of' -> (what the kinds are of, where it ends). 'Kinds' is plural, so a bare verb
    agreeing with it may follow the noun: 'two kinds of bacteria cause 90 percent' ends before 'cause' when its
    object follows it."""
    what, end = counted_phrase(body, pos, None, False)
    words = (what or "").split()
    if len(words) > 1 and not words[-1].endswith("s") and "VERB" in word_classes(words[-1]) \
            and _VERB_OBJECT_NEXT.match(body, end) and (verb := body.lower().rfind(words[-1], pos, end)) > pos:
        end = verb
        while body[end - 1] in " \t":
            end -= 1
        what = " ".join(words[:-1])
    return what, end
