"""The attribution clause next to a quote, and the article it is read in: speaker phrases, verbs and their forms.

Forms: '“…,” X said' and '“…,” said X' (titles, appositives and time phrases may stand between: 'Pentagon press
secretary Peter Cook said earlier this year', 'said Jane Doe, a spokeswoman for X, on Monday'), 'X said: “…”',
'X warned…, saying “…”', 'according to X', 'X: “…”'.
"""

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import NamedTuple

import ahocorasick

from transforms.compare.quotes.people import given_name_gender
from transforms.compare.quotes.speech import (
    ADVERB,
    AFFILIATION,
    ANY_VERB,
    APPOSITIVE,
    BEFORE_ONLY,
    CAP_WORD,
    ISSUED_BY,
    NAMING_PARTICIPLES,
    NO_SPEAKER_AFTER,
    NP,
    PARTY,
    PHRASAL,
    SCAN_VERB,
    SCAN_WORDS,
    SHORT_TITLES,
    SPEAKER,
    UPPER,
    VERB,
    VERBS,
    has_no_own_subject,
    is_participle,
    word_alternation,
)
from transforms.compare.quotes.subjects import (
    DETERMINER,
    NAMED_APPOSITIVE,
    OPEN_APPOSITIVE,
    opening,
    subject,
    subject_across_quote,
    untitled,
)
from transforms.lexicon import TITLES, word_classes

_LEAD = r"^[\s,—–-]*"
# A title or description, then a name, right after a quote: 'CBS co-anchor DeMarco Morgan said'.
_DESCRIBED = rf"(?:(?:[\w’'\-&]+,?|[A-Z][a-z]{{0,3}}\.|(?:[A-Z]\.)+)\s+){{1,6}}?{CAP_WORD}(?:\s+{CAP_WORD}){{0,3}}"
# Each with and without an affiliation ('X of the Y said'): the plain one first, so that 'University of Denver
# law professor Sam Kamin said' is Sam Kamin, not the University.
# A phrase opened by a determiner, up to the verb: 'a welcome message on the website reads', 'the moderator said'.
# Adjectives may be separated by commas: 'the bespectacled, 71-year-old diplomat said'.
_NOMINAL = rf"(?:{DETERMINER}|[Tt]his|[Ss]ome|[Mm]any|[Ss]everal|(?:[Dd]ozens|[Hh]undreds|[Tt]housands)\s+of)\s+" \
    rf"(?:[\w’'\-&]+,?\s+){{0,6}}?[\w’'\-&]+"
# A relative clause with a verb of its own, no commas, between a nominal subject and the speech verb: '“…,” one
# senior player who has spent a decade at the club told the radio'. Not 'the agent who Mensah said' (the clause's
# own subject speaks there).
_WHO_CLAUSE = r"\s+who\s+(?!(?:he|she|they|it|we|you|I)\b)[a-z][^,.;:“”\"\n]{0,80}"
AFTER_NAME_VERB = [re.compile(rf"{_LEAD}(?P<np>{speaker})\b{PARTY}?{extra}{APPOSITIVE}?(?:\s+{ADVERB})*"
                              rf"\s+(?P<verb>{VERB})")
                   for speaker, extra in ((SPEAKER, ""), (SPEAKER, AFFILIATION + "?"), (_DESCRIBED, ""),
                                          (_NOMINAL, _WHO_CLAUSE), (_NOMINAL, ""))] + \
    [re.compile(rf"{_LEAD}{OPEN_APPOSITIVE}(?:\s+{ADVERB})*\s+(?P<verb>{VERB})")]
# After 'said', the speaker phrase ends at punctuation or at a word that opens what follows ('in', 'who', ...).
# A full stop ends it unless it closes an initial or an abbreviated title ('said Sen. Robert P. Casey').
_ABBREVIATIONS = "".join(rf"(?<!\b{t})"
                         for t in SHORT_TITLES.split("|"))
_ENDS = r"(?:(?=\s*(?:[,;:()—–]|$)|\s+(?:in|on|at|during|who|from|for|after|before|to|when|while|as|about|via|and|" \
    r"with|familiar|close|knowledgeable|briefed)\b)" \
    rf"|(?<!\b[{UPPER}]){_ABBREVIATIONS}(?=\s*\.))"
AFTER_VERB_NAME = [re.compile(rf"{_LEAD}(?P<verb>{VERB})\s+{ISSUED_BY}?(?P<np>{np}){_ENDS}")
                   for np in (_DESCRIBED.replace("{1,6}", "{0,6}"), _NOMINAL)] + \
                  [re.compile(rf"{_LEAD}(?P<verb>{VERB})\s+{ISSUED_BY}?(?P<np>{NP})")]
# '“…,” was his reply.'
AFTER_REPLY = re.compile(r"^[\s,]*(?:was|came)\s+(?P<np>his|her|their|its)\s+(?:\w+\s+)?"
                         r"(?:reply|response|answer|retort)\b")
_PER_AHEAD = rf"(?=\s+(?:the\s+)?[{UPPER}])"  # 'per' names a source before a capital: not 'per hour', 'per capita'
AFTER_ACCORDING = re.compile(rf"{_LEAD}(?:according\s+to|in\s+the\s+words\s+of|to\s+quote|per{_PER_AHEAD})\s+"
                             rf"{ISSUED_BY}?(?P<np>{NP})")
_AFTER_FORMS = [(p, "said_after") for p in (*AFTER_NAME_VERB, *AFTER_VERB_NAME, AFTER_REPLY)] + \
    [(AFTER_ACCORDING, "according_to")]
# Not after a hyphen: 'the so-called “caliphate”' has no speaker.
_ANY_VERB = re.compile(rf"(?<!-)\b(?P<verb>{ANY_VERB})")
_SCAN_VERB = re.compile(rf"(?<!-)\b(?P<verb>{SCAN_VERB})")


def _first_words() -> ahocorasick.Automaton:
    """The words a scanned verb or phrase opens with, in one automaton: a body is read once, in C, for the places
    _SCAN_VERB may match, and the regex is tried only there."""
    automaton = ahocorasick.Automaton()
    for word in {phrase.split()[0] for phrase in [*SCAN_WORDS, *PHRASAL]}:
        automaton.add_word(word, len(word))
    automaton.make_automaton()
    return automaton


_FIRST_WORDS = _first_words()


def scan_verbs(body: str) -> list[re.Match]:
    """Body -> every _SCAN_VERB match, as finditer gives them, tried only where a verb's first word occurs."""
    found, done = [], 0
    for start in sorted({end - size + 1 for end, size in _FIRST_WORDS.iter(body)}):
        if start >= done and (match := _SCAN_VERB.match(body, start)):
            found.append(match)
            done = match.end()
    return found
_OPENING_PRONOUNS = frozenset("He She It They".split())
# The writer or a group speaking as 'we' is no speaker the clause names: '“…,” I’d still say'.
_FIRST_PERSON = re.compile(r"(?:I|We)(?:[’'](?:d|m|ve|ll|re))?")
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
_INVERTED = re.compile(rf"\s*(?:(?:But|And|Yet|Still),?\s+(?:{word_alternation(VERBS)})\s+(?P<described>{_DESCRIBED})|"
                       rf"(?:{word_alternation(w.capitalize() for w in VERBS)})\s+(?P<np>{NP}))"
                       rf"{PARTY}?(?:,\s[^,“”\"\n]{{1,100}})*\s*[,:]\s*$")
# A sentence that leads into a quote with a colon, and its subject: 'Before the video, the cleric Anwar al-Awlaki,
# who was killed in 2011, is shown lecturing: “…', 'HEADLINE - Philip Bump: “…'.
_COLON_SUBJECT = re.compile(
    rf"^\s*(?:[^,.!?\n]{{1,60}},\s+)?(?P<np>{NP}|{_DESCRIBED}){APPOSITIVE}?\s+[a-z][^:\n]*:\s*$")
_DASH_COLON = re.compile(rf"[—–-]\s+(?P<np>{NP}|{_DESCRIBED})\s*:\s*$")
# 'Clinton’s response was: “…”', 'The senator’s full statement read: “…”'.
_POSSESSIVE_COLON = re.compile(rf"(?P<np>{NP})[’']s?\s+(?:\w+\s+)?(?:response|reply|answer|retort|statement|message|"
                               rf"tweet|comment|verdict)\s*(?:was|read|in\s+full)?\s*:\s*$")
# 'Per the county auditor, “…”': 'per' opening a sentence or a clause names its source as 'according to' does
# (not 'miles per hour', 'per capita': a capital must follow).
_PER = rf"(?:\bPer|(?<=[,;(]\s)per|(?<=[(—–])per|(?<=[—–]\s)per){_PER_AHEAD}"
_ACCORDING = re.compile(rf"(?:\b[Aa]ccording\s+to|{_PER})\s+{ISSUED_BY}?(?P<np>{NP})")
# 'was, in the words of Abraham Lincoln, “…”': the words right after are that person's.
_IN_WORDS = re.compile(rf"\b(?:[Ii]n\s+the\s+(?:words|phrase)\s+of\s+(?P<np>{NP})|[Tt]o\s+quote\s+(?P<quoted>{NP})|"
                       rf"[Ii]n\s+(?P<own>his|her|their|its)\s+(?:own\s+)?words)\s*[,:]?\s*$")
_COLON = re.compile(rf"^\s*(?P<np>{NP}){APPOSITIVE}?\s*(?:\([^()\n]{{1,30}}\)\s*)?:\s*$")
# A speech verb right before the quote, with at most a 'that' and a subject pronoun between: it carries a clause.
_CARRIES = re.compile(rf"(?<!-)\b{ANY_VERB}\s*[,:]?\s*(?:that\s+)?(?:(?:he|she|they|we|it|I|you|there|reporters)\s+)?$")
_PLACE = re.compile(rf"\b(?:in|near|across|throughout|outside)\s+({CAP_WORD}(?:\s+{CAP_WORD})*)(?![\w’'])")
# A few words of the writer's sentence after a quote, then its clause: '“…” after opening up, says Dr. Wachter.'
_LATE = re.compile(r"[^“”\"\n.;:!?,]{1,100},(?=\s)")
# ... its verb's object or time last, a few words: '…, a senior official told reporters earlier Friday.'
_CLAUSE_ENDS = re.compile(r"(?:[^\S\n]+[\w’'\-]+){0,5}[^\S\n]*(?:[.!?]|$)", re.MULTILINE)
# A sentence opened by its source: 'As The Economist reported in 2007, the budgets now go “…”'.
_AS_SAID = re.compile(rf"^\s*(?:(?:And|But|Or|So)\s+as|As)\s+(?:the\s+[a-z]+\s+)?(?P<np>{NP}|{_NOMINAL})\s+"
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


class Mention(NamedTuple):
    """A known entity named in the body."""

    start: int
    end: int
    entity_id: str
    surface: str
    is_person: bool
    is_thing: bool = False  # typed as something else than a person (a name of unknown type is neither)


class Speaker(NamedTuple):
    """Who said a quote, as written, the entity if known, and the attribution form that found them."""

    surface: str
    entity_id: str | None
    attribution: str


class Clause(NamedTuple):
    """The speaker phrase of an attribution clause and the form it takes."""

    start: int
    end: int
    form: str
    carries: bool  # the clause introduces the quote directly (not a word quoted inside someone's sentence)
    clause_end: int = -1  # where an after-quote clause's verb ends


@dataclass
class Doc:
    """One article body with its mentions and quoted stretches; speech clauses and people found on demand."""

    body: str
    mentions: list[Mention]
    quoted: list[tuple[int, int]]
    # Speech clauses are read lazily, verb by verb: most quotes need only those shortly before them.
    _verbs: list[re.Match] | None = field(default=None, repr=False)
    _verb_starts: list[int] = field(default_factory=list, repr=False)
    _events: dict = field(default_factory=dict, repr=False)
    _people: list | None = field(default=None, repr=False)
    _key_genders: dict | None = field(default=None, repr=False)  # surname key -> genders of the people named so
    _depth: int = field(default=0, repr=False)  # pronoun events being resolved through earlier ones
    _subjects: dict = field(default_factory=dict, repr=False)
    _person_ids: set | None = field(default=None, repr=False)
    _thing_ids: set | None = field(default=None, repr=False)
    _places: set | None = field(default=None, repr=False)
    _named_words: set | None = field(default=None, repr=False)

    def is_place(self, name: str) -> bool:
        """Whether the article puts a name after 'in', 'near', 'across' ...: 'in China', 'in Des Moines'."""
        if self._places is None:
            self._places = {m[1] for m in _PLACE.finditer(self.body)}
        return name in self._places

    def subject_of(self, verb: re.Match) -> tuple[int, int] | None:
        """subject() of a verb in the body, read once per verb position."""
        key = (verb.start(), verb.end())
        if key not in self._subjects:
            self._subjects[key] = subject(self.body, verb)
        return self._subjects[key]

    def verbs(self) -> list[re.Match]:
        """Every speech, criticism and reporting verb in the body, found in one scan."""
        if self._verbs is None:
            self._verbs = scan_verbs(self.body)
            self._verb_starts = [verb.start() for verb in self._verbs]
        return self._verbs

    def unread_capital(self, start: int, end: int) -> bool:
        """Whether body[start:end] is one capitalised word that no mention of the article holds: a word capitalised
        for its place in the sentence ('Moments after …', 'Spotted on my feed …'), not a name."""
        word = self.body[start:end]
        if " " in word or not word[:1].isupper() or word in _OPENING_PRONOUNS or word.isupper() \
                or given_name_gender(word):
            return False
        if self._named_words is None:
            self._named_words = set(" ".join(m.surface for m in self.mentions).split())
        return word not in self._named_words

    def inside_quote(self, pos: int) -> bool:
        """Whether pos falls between a pair of quote marks."""
        i = bisect_left(self.quoted, (pos + 1, 0)) - 1
        return i >= 0 and self.quoted[i][0] <= pos < self.quoted[i][1]


def after_clause(doc: Doc, start: int, stop: int, ended: bool = False) -> Clause | None:
    """Text right after a closing mark -> the '…,” X said' / 'said X' / 'according to X' clause, if any.

    ended: the quote closed its sentence with a full stop, so a capital after it opens the next sentence. A
    capitalised pronoun opens one whatever closed the quote: '“…!” She replied to him …' is not '“…!” she said'."""
    tail = doc.body[start:stop]
    for pattern, form in _AFTER_FORMS:
        match = pattern.match(tail)
        if match and pattern is AFTER_NAME_VERB[1] and all(w.casefold() in TITLES for w in match["np"].split()):
            continue  # 'Secretary of State Mike Pompeo said': the title's own 'of', not an affiliation
        if match and "verb" in match.re.groupindex and has_no_own_subject(tail, match):
            continue  # '“too often” the agency did not respond': a verb after 'not' or 'to' ends no attribution
        if match and not (ended and tail[match.start():].lstrip(" ,")[:1].isupper()) \
                and match["np"] not in _OPENING_PRONOUNS and not _FIRST_PERSON.fullmatch(match["np"]):
            named = NAMED_APPOSITIVE.match(tail, match.end("np")) if form == "said_after" \
                and "verb" in match.re.groupindex and match.start("np") < match.start("verb") else None
            # 'the treasurer, Omar Haddad, said', 'the lawyer for the firm, Sen. Ann Ruiz, said': the name speaks
            if named and given_name_gender(untitled(named["np"]).split()[0]):
                return Clause(start + named.start("np"), start + named.end("np"), form, True, start + match.end())
            return Clause(start + match.start("np"), start + match.end("np"), form, True, start + match.end())
    return None


def late_clause(doc: Doc, start: int, stop: int) -> Clause | None:
    """Text after a closing mark -> an 'X said' clause that ends the sentence a few words on ('“…” after opening up,
    says Dr. Wachter.'); not 'according to X', which names who reported the words, not who said them."""
    late = _LATE.match(doc.body, start, stop)
    found = late and after_clause(doc, late.end(), stop)
    return found if found and found.form == "said_after" and _CLAUSE_ENDS.match(doc.body, found.clause_end) else None


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
