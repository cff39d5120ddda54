"""Who said a quote: the attribution clause next to it, then the name, title or pronoun it uses resolved."""

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from transforms.compare.quotes.speech import (
    ADVERB,
    AFFILIATION,
    ANY_VERB,
    APPOSITIVE,
    CAP,
    CRITICISM,
    EVENT_VERB,
    ISSUED_BY,
    NP,
    PERSON_PRONOUNS,
    SPEAKER,
    THING_PRONOUNS,
    VERB,
    head_kind,
    is_participle,
)
from transforms.lexicon import NOT_NAMES, TITLES, is_demonym

_LEAD = r"^[\s,—–-]*"
# Each with and without an affiliation ('X of the Y said'): the plain one first, so that 'University of Denver
# law professor Sam Kamin said' is Sam Kamin, not the University.
AFTER_NAME_VERB = [re.compile(rf"{_LEAD}(?P<np>{SPEAKER})\b{extra}{APPOSITIVE}?(?:\s+{ADVERB})*\s+(?P<verb>{VERB})")
                   for extra in ("", AFFILIATION + "?")]
AFTER_VERB_NAME = re.compile(rf"{_LEAD}(?P<verb>{VERB})\s+{ISSUED_BY}?(?P<np>{NP})")
AFTER_ACCORDING = re.compile(rf"{_LEAD}according\s+to\s+{ISSUED_BY}?(?P<np>{NP})")
_AFTER_FORMS = [(p, "said_after") for p in (*AFTER_NAME_VERB, AFTER_VERB_NAME)] + [(AFTER_ACCORDING, "according_to")]
_ANY_VERB = re.compile(rf"\b(?P<verb>{ANY_VERB})")
_EVENT_VERB = re.compile(rf"\b(?P<verb>{EVENT_VERB})")
_SUBJECT_BEFORE = [re.compile(rf"(?<![\w’'\-])(?P<np>{SPEAKER}){extra}{APPOSITIVE}?(?:\s+{ADVERB})*\s*$")
                   for extra in ("", AFFILIATION + "?")]
_NAME_AFTER = re.compile(rf"\s+{ISSUED_BY}?(?P<np>{NP})\b")
_SENTENCE_SUBJECT = re.compile(rf"^\s*(?:[^,.!?\n]{{1,60}},\s+)?(?P<np>{NP}){APPOSITIVE}?\s+(?:{ADVERB}\s+)*[a-z]")
_ACCORDING = re.compile(rf"\b[Aa]ccording\s+to\s+{ISSUED_BY}?(?P<np>{NP})")
_COLON = re.compile(rf"^\s*(?P<np>{NP})\s*:\s*$")
# A speech verb right before the quote, with at most a 'that' and a subject pronoun between: it carries a clause.
_CARRIES = re.compile(rf"\b{ANY_VERB}\s*[,:]?\s*(?:that\s+)?(?:(?:he|she|they|we|it|I|you|there|reporters)\s+)?$")
LEAD_WORDS = 12  # a speech verb further than this before the quote introduces something else
PRONOUN_REACH = 1500  # characters back a pronoun may look for the one it stands for


class Mention(NamedTuple):
    """A known entity named in the body."""

    start: int
    end: int
    entity_id: str
    surface: str
    is_person: bool


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
    """One article body with its mentions and quoted stretches, and speech clauses found on demand."""

    body: str
    mentions: list[Mention]
    quoted: list[tuple[int, int]]
    # Speech clauses are read lazily, verb by verb: most quotes need only those shortly before them.
    _verbs: list[re.Match] | None = field(default=None, repr=False)
    _verb_starts: list[int] = field(default_factory=list, repr=False)
    _events: dict[int, tuple[int, Speaker, bool] | None] = field(default_factory=dict, repr=False)

    def inside_quote(self, pos: int) -> bool:
        """Whether pos falls between a pair of quote marks."""
        i = bisect_left(self.quoted, (pos + 1, 0)) - 1
        return i >= 0 and self.quoted[i][0] <= pos < self.quoted[i][1]


def after_clause(doc: Doc, start: int, stop: int, ended: bool = False) -> Clause | None:
    """Text right after a closing mark -> the '…,” X said' / 'said X' / 'according to X' clause, if any.

    ended: the quote closed its sentence with a full stop, so a capital after it opens the next sentence."""
    tail = doc.body[start:stop]
    for pattern, form in _AFTER_FORMS:
        match = pattern.match(tail)
        if match and not (ended and tail[match.start():].lstrip(" ,")[:1].isupper()):
            return Clause(start + match.start("np"), start + match.end("np"), form, True, start + match.end())
    return None


def before_clause(doc: Doc, floor: int, open_at: int) -> Clause | None:
    """Sentence text before an opening mark -> 'X said: “' / 'X warned…, saying “' / 'According to X' clause."""
    before = doc.body[floor:open_at]
    leads = [m for m in _ANY_VERB.finditer(before) if not doc.inside_quote(floor + m.start())]
    if leads and len(before[leads[-1].end():].split()) <= LEAD_WORDS:
        carries = bool(_CARRIES.search(before))
        for lead in reversed(leads):
            if lead.group("verb").startswith("according"):
                break
            found = _subject(before, lead)
            if found:
                return Clause(floor + found[0], floor + found[1], "said_before", carries)
            if not is_participle(lead.group("verb")):
                break
        else:
            subject = _SENTENCE_SUBJECT.match(before)
            if subject:
                return Clause(floor + subject.start("np"), floor + subject.end("np"), "said_before", carries)
    according = _ACCORDING.search(before)
    if according:
        return Clause(floor + according.start("np"), floor + according.end("np"), "according_to", False)
    colon = _COLON.match(before)
    if colon:
        return Clause(floor + colon.start("np"), floor + colon.end("np"), "colon", True)
    return None


def _subject(text: str, verb: re.Match) -> tuple[int, int] | None:
    """The speaker phrase of a finite speech verb: just before it ('Kalın said') or just after ('said Kalin,')."""
    if is_participle(verb.group("verb")):
        return None
    for pattern in _SUBJECT_BEFORE:
        subject = pattern.search(text, max(0, verb.start() - 160), verb.start())
        if subject:
            return subject.span("np")
    if verb.group("verb") in CRITICISM:  # 'accused France': the word after is who was accused
        return None
    after = _NAME_AFTER.match(text, verb.end())
    return after.span("np") if after else None


def resolve(doc: Doc, clause: Clause, quote_start: int) -> Speaker | None:
    """A clause's speaker phrase -> Speaker: a pronoun or title stands for a person the article named before."""
    phrase = doc.body[clause.start:clause.end]
    if phrase.casefold() in PERSON_PRONOUNS | THING_PRONOUNS:
        found = antecedent(doc, quote_start, phrase.casefold() in PERSON_PRONOUNS)
        return found._replace(attribution="pronoun") if found else None
    return name_speaker(doc, clause.start, clause.end, clause.form, quote_start)


def name_speaker(doc: Doc, start: int, end: int, form: str, before: int, titles: bool = True) -> Speaker | None:
    """A speaker phrase that is not a pronoun -> Speaker, or None when it names no one ('The', 'This')."""
    first = bisect_left(doc.mentions, (start,))
    inside = [m for m in doc.mentions[first:] if m.start < end and m.end <= end]
    people = [m for m in inside if m.is_person]
    if people:
        return Speaker(people[-1].surface, people[-1].entity_id, form)
    words = doc.body[start:end].split()
    if titles and words[-1].casefold() in TITLES:
        holder = title_holder(doc, tuple(_title_words(words)), before)
        if holder:
            return holder
    named = [m for m in inside if m.end == end]
    if named:
        return Speaker(named[-1].surface, named[-1].entity_id, form)
    kind = head_kind(doc.body[start:end])
    if kind is None:
        return None
    return Speaker(_strip_titles(doc.body, start, end) if kind == "name" else doc.body[start:end], None, form)


def _title_words(words: list[str]) -> list[str]:
    titles = []
    for word in reversed(words):
        if word.casefold() not in TITLES:
            break
        titles.append(word.casefold())
    return titles[::-1]


def _strip_titles(body: str, start: int, end: int) -> str:
    """'Turkish Defence Minister Hulusi Akar' -> 'Hulusi Akar': the name without the words before it."""
    tokens = list(re.finditer(r"\S+", body[start:end]))
    for token in tokens[:-1]:
        word = token.group().casefold().rstrip(".")
        if not (word in TITLES or word in NOT_NAMES or is_demonym(word) or word.endswith(("'s", "’s"))):
            return body[start + token.start():end]
    return body[start + tokens[-1].start():end]


_NAME_AFTER_TITLE = re.compile(rf"\s+(?P<np>{CAP}(?:\s+{CAP}){{0,3}})")
_NAME_BEFORE_TITLE = re.compile(
    rf"(?<![\w’'\-])(?P<np>{CAP}(?:\s+{CAP}){{0,3}}),\s+(?i:the)\s+(?:[\w’'\-]+\s+){{0,2}}$")


@lru_cache(maxsize=4096)
def _title_pattern(title: tuple[str, ...]) -> re.Pattern:
    return re.compile(r"\b" + r"\s+".join(re.escape(w) for w in title) + r"\b", re.IGNORECASE)


def title_holder(doc: Doc, title: tuple[str, ...], before: int) -> Speaker | None:
    """('presidential', 'spokesman') -> the person last named with that title before `before`, if any.

    Named with it: 'Presidential Spokesman Ibrahim Kalin' or 'İbrahim Kalın, the Turkish presidential spokesman'."""
    if not title:
        return None
    for match in reversed(list(_title_pattern(title).finditer(doc.body, 0, before))):
        if doc.inside_quote(match.start()):
            continue
        name = _NAME_AFTER_TITLE.match(doc.body, match.end()) or \
            _NAME_BEFORE_TITLE.search(doc.body, max(0, match.start() - 90), match.start())
        found = name and name_speaker(doc, *name.span("np"), "title", name.start("np"), titles=False)
        if found and head_kind(found.surface) == "name":
            return found._replace(attribution="title")
    return None


def antecedent(doc: Doc, before: int, person: bool) -> Speaker | None:
    """The last speaker of a speech clause (else the last person named) before `before`, within reach."""
    for _, speaker, is_person in _events_back(doc, before - PRONOUN_REACH, before):
        if is_person == person:
            return speaker
    if not person:
        return None
    for m in reversed(doc.mentions):
        if before - PRONOUN_REACH <= m.start < before and m.is_person and not doc.inside_quote(m.start):
            return Speaker(m.surface, m.entity_id, "pronoun")
    return None


def speech_events(doc: Doc, lo: int = 0, hi: int | None = None) -> list[tuple[int, Speaker, bool]]:
    """Every 'X said' / 'said X' outside quotes (whose verb starts in lo..hi) -> (position, speaker, is a person),
    in body order."""
    return list(_events_back(doc, lo, len(doc.body) + 1 if hi is None else hi))[::-1]


def _events_back(doc: Doc, lo: int, hi: int):
    """Speech events whose verb starts in lo..hi, last first, each read once per document."""
    if doc._verbs is None:
        doc._verbs = list(_EVENT_VERB.finditer(doc.body))
        doc._verb_starts = [verb.start() for verb in doc._verbs]
    for i in range(bisect_left(doc._verb_starts, hi) - 1, bisect_left(doc._verb_starts, lo) - 1, -1):
        if i not in doc._events:
            doc._events[i] = _event(doc, doc._verbs[i])
        if doc._events[i] is not None:
            yield doc._events[i]


def _event(doc: Doc, verb: re.Match) -> tuple[int, Speaker, bool] | None:
    if doc.inside_quote(verb.start()):
        return None
    span = _subject(doc.body, verb)
    if not span or doc.body[span[0]:span[1]].casefold() in PERSON_PRONOUNS | THING_PRONOUNS:
        return None
    speaker = name_speaker(doc, span[0], span[1], "said", span[0])
    return (verb.start(), speaker, _is_person(doc, speaker)) if speaker else None


def _is_person(doc: Doc, speaker: Speaker) -> bool:
    if speaker.entity_id:
        return any(m.entity_id == speaker.entity_id and m.is_person for m in doc.mentions)
    return head_kind(speaker.surface) != "thing"
