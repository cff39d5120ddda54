"""The attribution clause before a quote, or the subject of the sentence it stands in: 'X said: “…”', 'X warned…,
saying “…”', 'Said X, “…', 'according to X', 'in the words of X', 'As X reported,', 'X: “…”', 'Ted Nordhaus
welcomed “…”'. The clause after a quote is read in after_quote, the article and its records are in article.
"""

import re

from transforms.compare.quotes.after_quote import DESCRIBED, NOMINAL, PER_AHEAD
from transforms.compare.quotes.article import Clause, Doc
from transforms.compare.quotes.people import given_name_gender
from transforms.compare.quotes.speech import (
    ADVERB,
    ANY_VERB,
    APPOSITIVE,
    BEFORE_ONLY,
    CAP_WORD,
    ISSUED_BY,
    NAMING_PARTICIPLES,
    NO_SPEAKER_AFTER,
    NP,
    PARTY,
    SPEAKER,
    VERB,
    VERBS,
    has_no_own_subject,
    is_participle,
    word_alternation,
)
from transforms.compare.quotes.subjects import (
    DETERMINER,
    opening,
    subject,
    subject_across_quote,
)
from transforms.lexicon import word_classes

# Not after a hyphen: 'the so-called “caliphate”' has no speaker.
_ANY_VERB = re.compile(rf"(?<!-)\b(?P<verb>{ANY_VERB})")
# A conjunction opening a sentence stands before its subject: 'But she was more subdued, saying that “…”'.
_CONJUNCTION = r"(?:(?:And|But|Yet)\s+)?"  # not 'So', 'Still': they also open names ('So Ji-sub')
_SENTENCE_SUBJECT = re.compile(
    rf"^\s*(?:[^,.!?\n]{{1,60}},\s+){{0,2}}{_CONJUNCTION}(?P<np>{SPEAKER}){PARTY}?{APPOSITIVE}?\s+(?:{ADVERB}\s+)*[a-z]")
# A name a few words of description open, then its verb: 'a somewhat irascible Spicer declined to confirm, saying',
# 'the geographer Lars Holm calculated', 'The 64-year-old Mensah apologized' (not 'a former Trump adviser': the word
# after the name is a verb's form, not a noun).
# (Not a place the phrase puts the person in: 'A federal judge in California ordered' is the judge.)
_DESCRIBED_NAME = re.compile(rf"^\s*(?:[^,.!?\n]{{1,60}},[”\"]?\s+){{0,2}}(?:[Aa]n?|[Tt]he)\s+"
                             rf"(?P<described>(?:(?!(?:in|at|of|from|for|near|on|with|to|by)\b)[a-z0-9][\w\-]*\s+)"
                             rf"{{1,3}})(?P<np>{CAP_WORD}(?:\s+{CAP_WORD}){{0,2}})\s+(?:{ADVERB}\s+)*"
                             rf"(?:[a-z]+ed|was|had|has|is)\b")


def described_name(text: str) -> re.Match | None:
    """_DESCRIBED_NAME's match in text, when its words of description are nouns, adjectives or adverbs in
    lemminflect's lexicon (or compounds: '70-year-old'), not a verb or an auxiliary: 'The results might
    suggest Holm has' is no description of Holm."""
    found = _DESCRIBED_NAME.match(text)
    if found and all("-" in word or word[:1].isdigit() or not (classes := word_classes(word))
                     or (classes & {"NOUN", "ADJ", "ADV"} and "AUX" not in classes)
                     for word in found["described"].split()):
        return found
    return None


# 'with one of her ads asking, “…', 'with Trump reportedly yelling: “…': the participle's own subject.
_WITH_SUBJECT = re.compile(rf"\bwith\s+(?P<np>{SPEAKER}|{DETERMINER}\s+(?:[\w’'\-&]+\s+){{0,3}}?[\w’'\-&]+)"
                           rf"(?:\s+{ADVERB})*\s+$")
# A verb that shares its sentence's subject: 'Lazar said he would … and added, “…', 'but went on to say, “…'.
_COORDINATED = re.compile(r"(?:\band|\bbut|\bthen|\bon\s+to|\balso|\blater)\s+$")
# A sentence opened by its verb: 'Said Comey, “…', 'Added Sen. Jane Doe (D-Ohio), a member of the panel: “…'.
# ... after a conjunction too, and a role in lower case before the name: 'Still, said finance director Sofia
# Lindqvist, “…'.
_INVERTED = re.compile(rf"\s*(?:(?:But|And|Yet|Still),?\s+(?:{word_alternation(VERBS)})\s+(?P<described>{DESCRIBED})|"
                       rf"(?:{word_alternation(w.capitalize() for w in VERBS)})\s+(?P<np>{NP}))"
                       rf"{PARTY}?(?:,\s[^,“”\"\n]{{1,100}})*\s*[,:]\s*$")
# A sentence that leads into a quote with a colon, and its subject: 'Before the video, the cleric Anwar al-Awlaki,
# who was killed in 2011, is shown lecturing: “…', 'HEADLINE - Philip Bump: “…'.
_COLON_SUBJECT = re.compile(
    rf"^\s*(?:[^,.!?\n]{{1,60}},\s+)?(?P<np>{NP}|{DESCRIBED}){APPOSITIVE}?\s+[a-z][^:\n]*:\s*$")
_DASH_COLON = re.compile(rf"[—–-]\s+(?P<np>{NP}|{DESCRIBED})\s*:\s*$")
# 'Clinton’s response was: “…”', 'The senator’s full statement read: “…”'.
_POSSESSIVE_COLON = re.compile(rf"(?P<np>{NP})[’']s?\s+(?:\w+\s+)?(?:response|reply|answer|retort|statement|message|"
                               rf"tweet|comment|verdict)\s*(?:was|read|in\s+full)?\s*:\s*$")
# 'Per the county auditor, “…”': 'per' opening a sentence or a clause names its source as 'according to' does
# (not 'miles per hour', 'per capita': a capital must follow).
_PER = rf"(?:\bPer|(?<=[,;(]\s)per|(?<=[(—–])per|(?<=[—–]\s)per){PER_AHEAD}"
_ACCORDING = re.compile(rf"(?:\b[Aa]ccording\s+to|{_PER})\s+{ISSUED_BY}?(?P<np>{NP})")
# 'was, in the words of Abraham Lincoln, “…”': the words right after are that person's.
_IN_WORDS = re.compile(rf"\b(?:[Ii]n\s+the\s+(?:words|phrase)\s+of\s+(?P<np>{NP})|[Tt]o\s+quote\s+(?P<quoted>{NP})|"
                       rf"[Ii]n\s+(?P<own>his|her|their|its)\s+(?:own\s+)?words)\s*[,:]?\s*$")
_COLON = re.compile(rf"^\s*(?P<np>{NP}){APPOSITIVE}?\s*(?:\([^()\n]{{1,30}}\)\s*)?:\s*$")
# A speech verb right before the quote, with at most a 'that' and a subject pronoun between: it carries a clause.
_CARRIES = re.compile(rf"(?<!-)\b{ANY_VERB}\s*[,:]?\s*(?:that\s+)?(?:(?:he|she|they|we|it|I|you|there|reporters)\s+)?$")
# A sentence opened by its source: 'As The Economist reported in 2007, the budgets now go “…”'.
_AS_SAID = re.compile(rf"^\s*(?:(?:And|But|Or|So)\s+as|As)\s+(?:the\s+[a-z]+\s+)?(?P<np>{NP}|{NOMINAL})\s+"
                      rf"(?:{ADVERB}\s+)?(?:{VERB}|put\s+it)\b[^,;:“”\"\n]{{0,40}}[,:]\s")
# A sentence opened by what it quotes: 'Quoting the directive, schools were told to “…”'.
_QUOTING = re.compile(rf"^\s*(?:[A-Z][a-z]+\s+)?[Qq]uoting\s+(?P<np>{NP})\s*,")
# A verb's form right after an article or a possessive is an adjective or a noun, no verb: 'a leaked memo', 'the
# reports', 'his written remarks'. Capitalised, such a word is one only where it opens the sentence: elsewhere it may
# be a name ('Mr. An said', 'Ms. My told').
_ATTRIBUTIVE = re.compile(r"(?:\b(?:an?|the|his|her|their|its|our|my|your)"
                          r"|^[\s“\"‘']*(?:An?|The|His|Her|Their|Its|Our|My|Your))\s+$")
_CLOSED = re.compile(r",\s+\w")  # a relative clause closed by a comma, its sentence going on
LEAD_WORDS = 12  # a speech verb further than this before the quote introduces something else
# ... unless it reports a clause the quote stands in: 'X said in a statement that the timing of the attack and the
# information from local authorities indicated “an ISIS-inspired act of terrorism.”', or the quote opens in lower
# case, a few words inside the reported clause: 'X said the plan, for all the money spent on it, is “a mess.”'
REPORTED_WORDS = 40
_REPORTS = re.compile(r"\s+(?:[\w’'\-]+\s+){0,4}?that\s")


def before_clause(doc: Doc, floor: int, open_at: int) -> Clause | None:
    """Sentence text before an opening mark -> 'X said: “' / 'X warned…, saying “' / 'According to X' clause."""
    before = doc.body[floor:open_at]
    inverted = _INVERTED.match(before)
    if inverted:
        group = "np" if inverted["np"] else "described"
        return Clause(floor + inverted.start(group), floor + inverted.end(group), "said_before", True)
    dash = _DASH_COLON.search(before) if before.rstrip().endswith(":") else None
    verbs = list(_ANY_VERB.finditer(before, 0, dash.start())) if dash else []
    if dash and (not verbs or not before[verbs[-1].end():dash.start()].strip()):
        # 'Pollsters agree - Jane Doe: “…”', 'as one analyst puts it - Jane Doe:': the name right before the colon
        # speaks, not the verb's subject; but after a verb's object the dash names the object again ('wrote to the
        # chairman - Senator Jo Lee:'), and the verb's subject speaks.
        return Clause(floor + dash.start("np"), floor + dash.end("np"), "colon", True)
    leads = [m for m in _ANY_VERB.finditer(before) if not doc.inside_quote(floor + m.start())
             and not _ATTRIBUTIVE.search(before, max(0, m.start() - 7), m.start())
             and not has_no_own_subject(doc.body, _ANY_VERB.match(doc.body, floor + m.start()))]
    if len(leads) > 1:  # not a verb of an opening phrase: 'When pressed, he demurred, saying'
        lo = opening(before, 0, len(before))
        leads = [m for m in leads if m.start() >= lo] or leads  # ('During her statement Sebelius said, “' has none)
    partial = doc.body[open_at + 1:open_at + 2].islower()  # a few words of the reported clause: 'said it is “a …'
    if leads and len(before[leads[-1].end():].split()) <= (
            REPORTED_WORDS if partial or _REPORTS.match(before, leads[-1].end()) else LEAD_WORDS):
        found = _lead_clause(doc, floor, before, leads)
        if found:
            return found
    return _named_clause(floor, before)


# The word right before a participle when it is no preposition of manner or time ('by calling', 'in calling').
_NOUN_BEFORE = re.compile(r"(?<![\w’'-])(?!(?:by|in|for|after|while|without|when|before|of|on|from|and|or|then|also)\s)"
                          r"([a-zA-Z][\w’'-]*)\s+$", re.IGNORECASE)


def _lead_clause(doc: Doc, floor: int, before: str, leads: list[re.Match]) -> Clause | None:
    """The speech verbs before a quote, last first -> the clause of the first whose subject is found, else of the
    sentence's subject when only participles and shared verbs stand there, else None."""
    carries = bool(_CARRIES.search(before))
    for lead in reversed(leads):
        if lead.group("verb").startswith("according") or (
                lead.group("verb") in BEFORE_ONLY and any(mark in before[lead.end():] for mark in ":;")):
            return None  # 'what he called a success, then took credit: “…': the quote is not the verb's object
        if lead.group("verb") in NAMING_PARTICIPLES and _NOUN_BEFORE.search(before, 0, lead.start()) \
                and "NOUN" in word_classes(_NOUN_BEFORE.search(before, 0, lead.start()).group(1)):
            # 'a resolution calling for “…”': a participle right after a noun, no comma between, is the noun's;
            # after a preposition or a verb it is the subject's ('responded by calling', 'joined in calling')
            return None
        if before[:lead.start()].rstrip().endswith("who") and (
                lead is not leads[-1] or _CLOSED.search(before, lead.end())):
            continue  # a relative clause's verb: 'an architect who said …, saying “', 'Jo, who spoke, said “'
        found = subject(before, lead) or subject_across_quote(before, lead)
        if found and "NOUN" in word_classes(lead.group("verb")) and any(
                other is not lead and other.group("verb") in NO_SPEAKER_AFTER and other.end() <= found[0]
                and not before[other.end():found[0]].strip() for other in leads):
            # the object of a verb that takes a noun object is no subject of a word that can be a noun: 'called the
            # news reports “…”'; 'said', 'told' take a clause, whose subject speaks ('said the judge warned “…”')
            continue
        if found:
            return Clause(floor + found[0], floor + found[1], "said_before", carries)
        if is_participle(lead.group("verb")) and (own := _WITH_SUBJECT.search(before, 0, lead.start())):
            return Clause(floor + own.start("np"), floor + own.end("np"), "said_before", carries)
        if not is_participle(lead.group("verb")) and not _COORDINATED.search(before, 0, lead.start()):
            return None
    found = described_name(before) or _SENTENCE_SUBJECT.match(before)
    if found and not doc.unread_capital(floor + found.start("np"), floor + found.end("np")):
        return Clause(floor + found.start("np"), floor + found.end("np"), "said_before", carries)
    return None


def _per_names_a_speaker(before: str, according: re.Match) -> bool:
    """Whether a 'Per X' read as a source is rather a person named Per speaking: 'Per' a given name, no 'the' after
    it, and the sentence goes on to a colon or a speech verb of its own ('Per Carlsen: “…”', 'Per Carlsen, who leads
    the talks, said: “…”'); 'Per Reuters, “…”' stays a source."""
    opener = before[according.start():according.start("np")].split()
    if opener[0] != "Per" or len(opener) != 1 or not given_name_gender("Per"):
        return False
    rest = before[according.end("np"):]
    return rest.rstrip().endswith(":") or _ANY_VERB.search(rest) is not None


def _named_clause(floor: int, before: str) -> Clause | None:
    """Sentence text before a quote with no speech verb to read -> 'in the words of X', 'As X reported,', 'according
    to X' or 'X: “' clause."""
    in_words = _IN_WORDS.search(before) if " words" in before or " phrase" in before or "quote " in before else None
    if in_words:
        group = next(g for g in ("np", "quoted", "own") if in_words[g])
        return Clause(floor + in_words.start(group), floor + in_words.end(group), "according_to", True)
    quoting = _QUOTING.match(before) if "uoting " in before else None
    if quoting:
        return Clause(floor + quoting.start("np"), floor + quoting.end("np"), "according_to", False)
    as_said = _AS_SAID.match(before) if "s " in before[:12] else None
    if as_said:
        return Clause(floor + as_said.start("np"), floor + as_said.end("np"), "according_to", False)
    according = _ACCORDING.search(before) if "ccording" in before or "er " in before else None
    if according and _per_names_a_speaker(before, according):
        according = None  # 'Per Carlsen, who leads the talks, was blunt: “…”': a given name, and its own clause
    if according:
        return Clause(floor + according.start("np"), floor + according.end("np"), "according_to", False)
    if not before.rstrip().endswith(":"):
        return None
    for pattern in (_COLON, _DASH_COLON, _POSSESSIVE_COLON, _COLON_SUBJECT):
        colon = pattern.search(before) if pattern in (_DASH_COLON, _POSSESSIVE_COLON) else pattern.match(before)
        if colon:
            return Clause(floor + colon.start("np"), floor + colon.end("np"), "colon", True)
    return None


def sentence_subject(doc: Doc, floor: int, open_at: int) -> Clause | None:
    """The subject of the sentence a quote stands in, when that sentence has no speech verb: 'Ted Nordhaus welcomed
    “…”', 'Moore thanked him for “…'."""
    found = described_name(doc.body[floor:open_at]) or _SENTENCE_SUBJECT.match(doc.body[floor:open_at])
    if not found or doc.unread_capital(floor + found.start("np"), floor + found.end("np")):
        return None
    return Clause(floor + found.start("np"), floor + found.end("np"), "subject", False)
