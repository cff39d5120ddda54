"""Who said a quote: the speaker phrase of its clause resolved to a name, a role's holder or a pronoun's antecedent.

Pronouns: 'he'/'she' go to the last speaker (else the last person named) within reach whose gender fits; 'they' to
the last group or organisation speaking; 'it' to the last organisation or document speaking. No one who fits -> no
speaker, not a guess. Roles: 'the spokeswoman' is the person the article named in that role, else stays as written.
"""

import re
from bisect import bisect_left
from functools import lru_cache

from transforms.compare.quotes.antecedents import according_before, is_the_two, names_no_one, pair_before
from transforms.compare.quotes.article import Clause, Doc, Speaker
from transforms.compare.quotes.discourse import about_speaker, role_words
from transforms.compare.quotes.heads import names_another
from transforms.compare.quotes.kinds import is_title_case
from transforms.compare.quotes.people import (
    Person,
    find_people,
    fits,
    named_before,
    speakers_named,
)
from transforms.compare.quotes.phrases import head_name, strip_titles, title_words
from transforms.compare.quotes.speech import (
    CAP,
    EVENT_WORDS,
    FEMALE_ROLES,
    GROUP_PRONOUNS,
    MALE_ROLES,
    PERSON_NOUNS,
    PERSON_PRONOUNS,
    THING_NOUNS,
    THING_PRONOUNS,
    TIE,
    UPPER,
    has_no_own_subject,
    head_kind,
)
from transforms.compare.quotes.subjects import (
    LOCATED_AT,
    opening,
    sentence_end_before,
    sentence_floor,
    sentence_start,
    subject_of_sentence_before,
)
from transforms.compare.quotes.unnamed import unnamed_subject_before
from transforms.lexicon import TITLES, fold_word

_PRONOUNS = PERSON_PRONOUNS | THING_PRONOUNS | GROUP_PRONOUNS
_INITIAL = re.compile(r"\w\.")
_PRONOUN_OPENS = re.compile(r"(?:He|She)\b|[“\"]")
_SENTENCE_ENDS = re.compile(r"[.!?][\"”’)]*\s+(?=[A-Z“\"])")
_POSSESSIVES = {"his": "he", "her": "she", "their": "they", "its": "it"}
PRONOUN_REACH = 1500  # characters back a pronoun may look for the one it stands for
MAX_CHAIN = 20  # 'he said' clauses resolved through earlier ones at most this deep
_NAME_AFTER_TITLE = re.compile(rf"\s+(?P<np>{CAP}(?:\s+{CAP}){{0,3}})")
_NAME_BEFORE_TITLE = re.compile(
    rf"(?<![\w’'\-])(?P<np>{CAP}(?:\s+{CAP}){{0,3}}),\s+(?:(?i:the|a|an)\s+|{CAP}[’']s\s+)(?:[\w’'\-]+\s+){{0,2}}$")


def people(doc: Doc) -> list[Person]:
    """The people the article names, found once per document."""
    if doc._people is None:
        doc.verbs()
        doc._people = find_people(doc.body, doc.inside_quote, doc.mentions,
                                  speakers_named(doc.body, doc._verb_starts))
    return doc._people


def resolve(doc: Doc, clause: Clause, quote_start: int) -> Speaker | None:
    """A clause's speaker phrase -> Speaker: a pronoun or role stands for someone the article named before."""
    phrase = doc.body[clause.start:clause.end].casefold()
    if phrase in _POSSESSIVES:  # 'in his words' is the words of whom the sentence is about, else of whom 'he' is
        phrase = _POSSESSIVES[phrase]
        opener = _opens(doc, sentence_floor(doc.body, clause.start), clause.start, phrase)
        if opener:
            return Speaker(opener.surface, opener.entity_id, "pronoun")
    if is_the_two(phrase):  # 'the two commissioners wrote': the pair named speaking before
        pair = next((s for _, s, kind in _events_back(doc, quote_start - PRONOUN_REACH, quote_start)
                     if kind == "group" and " and " in s.surface), None)
        if pair:
            return pair._replace(attribution=clause.form)
    if phrase.split()[-1] in _PRONOUNS and all(_INITIAL.fullmatch(w) for w in phrase.split()[:-1]):
        # A pronoun before the quote stands for someone named before it, not between it and the quote ('But she
        # was subdued about Clinton, saying “…”'); 'A. They say': a Q&A's answer mark is no name.
        found = antecedent(doc, min(quote_start, clause.start), phrase.split()[-1])
        return found._replace(attribution="pronoun") if found else None
    return name_speaker(doc, clause.start, clause.end, clause.form, quote_start)


def name_speaker(doc: Doc, start: int, end: int, form: str, before: int, titles: bool = True) -> Speaker | None:
    """A speaker phrase that is not a pronoun -> Speaker, or None when it names no one ('The', 'This')."""
    tie = _TIE.search(doc.body, start, end)
    if tie:  # 'a source close to Mike Pence': the source speaks, named as written; 'Jane Doe, close to him': Doe
        holder = name_speaker(doc, start, tie.start(), form, before, titles)
        if holder is None or holder.entity_id or head_kind(holder.surface) == "name":
            return holder
        return Speaker(" ".join(doc.body[start:end].split()), None, form)
    end = start + len(head_name(doc.body[start:end]))  # a name's affiliation names someone else: 'X of Y'
    if doc.body[start:end].endswith(("’s", "'s")):  # 'Clinton's emails was …': a possessive is no subject
        return None
    inside, i = [], bisect_left(doc.mentions, (start,))
    while i < len(doc.mentions) and doc.mentions[i].start < end:  # sorted by start: stop past the phrase
        if doc.mentions[i].end <= end:
            inside.append(doc.mentions[i])
        i += 1
    if inside and _NOMINAL_START.match(doc.body, start, end) and not any(m.is_person for m in inside) \
            and _LOCATED.search(doc.body, max(start, inside[-1].start - 12), inside[-1].start):
        # 'a worker at a plant in Ohio', 'the FBI field office in Tulsa': a place that tells where the speaker is
        # names no one, whatever its capitals; an organisation named inside speaks for it ('a spokeswoman for Acme
        # in Leeds'), else the nominal phrase does, as written.
        organisation = [m for m in inside[:-1] if not doc.is_place(m.surface)
                        and m.surface.casefold() not in THING_NOUNS]  # not a bare 'Embassy' of 'The U.S. Embassy'
        if organisation:
            return Speaker(organisation[-1].surface, organisation[-1].entity_id, form)
        return Speaker(" ".join(doc.body[start:end].split()), None, form)
    if names_another(doc.body[start:end], [m.start - start for m in inside if m.is_person]) \
            and not any(m.is_thing for m in inside):  # 'a spokesman for Mayor Ruiz': not Ruiz, the spokesman
        return Speaker(" ".join(doc.body[start:end].split()), None, form)
    # A person named as a possessive speaks not: 'a source familiar with Cruz’s thinking', 'Trump’s spokeswoman'.
    persons = [m for m in inside if m.is_person and doc.body[m.end:m.end + 2] not in ("’s", "'s")]
    if persons:
        return Speaker(persons[-1].surface, persons[-1].entity_id, form)
    words = doc.body[start:end].split()
    if titles and words[-1].casefold() in TITLES:
        holder = title_holder(doc, tuple(title_words(words)), min(before, start))  # not the phrase itself
        if holder:
            return holder
    named = [m for m in inside if m.end == end]
    if named:
        return Speaker(named[-1].surface, named[-1].entity_id, form)
    kind = head_kind(doc.body[start:end])
    if kind is None:
        return None
    return Speaker(strip_titles(doc.body[start:end]) if kind == "name" else doc.body[start:end], None, form)


_NOMINAL_START = re.compile(r"(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[Tt]wo|[Tt]hree|[Ss]ome|[Ss]everal)\s+\S")
_LOCATED = re.compile(LOCATED_AT)
_TIE = re.compile(TIE)


@lru_cache(maxsize=4096)
def _title_pattern(title: tuple[str, ...]) -> re.Pattern:
    return re.compile(r"\b" + r"\s+".join(re.escape(w) for w in title) + r"\b", re.IGNORECASE)


def title_holder(doc: Doc, title: tuple[str, ...], before: int) -> Speaker | None:
    """('presidential', 'spokesman') -> the person last named with that title before `before`, if any.

    Named with it: 'Presidential Spokesman Ibrahim Kalin', 'İbrahim Kalın, the Turkish presidential spokesman',
    'Jane Doe, a spokeswoman for …'."""
    if not title:
        return None
    for match in reversed(list(_title_pattern(title).finditer(doc.body, 0, before))):
        if doc.inside_quote(match.start()) or _in_headline(doc.body, match.start()):
            continue  # 'Governor Ruiz Will Visit Flooded Towns': a headline's capitals run past the name
        name = _NAME_AFTER_TITLE.match(doc.body, match.end()) or \
            _NAME_BEFORE_TITLE.search(doc.body, max(0, match.start() - 90), match.start())
        found = name and name_speaker(doc, *name.span("np"), "title", name.start("np"), titles=False)
        if found and head_kind(found.surface) == "name":
            return found._replace(attribution="title")
    return None


def _in_headline(body: str, pos: int) -> bool:
    """Whether pos lies in a line written in title case (a headline or heading, its capitals no guide to a name)."""
    lo, hi = body.rfind("\n", 0, pos) + 1, body.find("\n", pos)
    return is_title_case(body[lo:hi if hi >= 0 else len(body)].strip().rstrip(":"), 4)


def antecedent(doc: Doc, before: int, pronoun: str) -> Speaker | None:
    """A pronoun before `before` -> the speaker it stands for, by gender and number, or None when no one fits."""
    if pronoun in THING_PRONOUNS or pronoun in GROUP_PRONOUNS:
        want = "thing" if pronoun in THING_PRONOUNS else "group"
        if want == "thing" and (source := according_before(doc, before) or _thing_before(doc, before)):
            # 'According to a model by the IHME, …. “…,” it said': the sentence's source; 'The Reporter gave more
            # evidence. “…,” it found': the organisation or document the sentence right before is about.
            return source
        for _, speaker, kind in _events_back(doc, before - PRONOUN_REACH, before):
            if kind == want or (want == "group" and kind == "thing"):
                return speaker
        return _thing_before(doc, before) if want == "thing" else None
    named = _person_antecedent(doc, before, pronoun)
    if named:  # a person named within reach whose gender fits comes first: 'the man' is often that person again
        return named
    unnamed = unnamed_subject_before(doc.body, before, pronoun, lambda lo, hi: _named_at(doc, lo, hi))
    if unnamed:  # 'A firefighter climbed the ladder. “…,” he said', with no one named: the unnamed one, as written
        return Speaker(" ".join(doc.body[unnamed[0]:unnamed[1]].split()), None, "pronoun")
    return None


def _person_antecedent(doc: Doc, before: int, pronoun: str) -> Speaker | None:
    """'he'/'she' -> the person named before `before` it stands for, by gender and the sentences' subjects."""
    last = _subject_before(doc, before, pronoun)
    for position, speaker, kind in _events_back(doc, before - PRONOUN_REACH, before):
        if kind == "person" and fits(gender_of(doc, speaker), pronoun):
            # The story moved on to the subject of the sentence before (a later paragraph), or a nominal speaker
            # ('an Iowa voter asked') gives way to the person named as that sentence's subject.
            if last and last.key != fold_word(speaker.surface.split()[-1]) and (
                    _moved_on(doc, last, position) or head_kind(speaker.surface) != "name"):
                return Speaker(last.surface, last.entity_id, "pronoun")
            named = _named(doc, before, before - position, pronoun, fold_word(speaker.surface.split()[-1]))
            # One named later takes over, unless the speaker is their sentence's subject: 'Lee phoned Jo Ruiz.'
            if named is None or not _closer(doc, named, position) or about_speaker(
                    doc, named, people(doc), fold_word(speaker.surface.split()[-1])):
                return speaker._replace(attribution="pronoun")
            return Speaker(named.surface, named.entity_id, "pronoun")
    if last:
        return Speaker(last.surface, last.entity_id, "pronoun")
    named = _named(doc, before, PRONOUN_REACH, pronoun, None)
    return Speaker(named.surface, named.entity_id, "pronoun") if named else None


def _named_at(doc: Doc, lo: int, hi: int) -> bool:
    """Whether a person is named at lo, after at most a few title words ('Sen. Jane Doe', 'Doe')."""
    return any(role_words(doc.body[lo:p.start]) or p.start == lo for p in named_before(people(doc), min(hi, lo + 40),
                                                                                         min(hi, lo + 40) - lo))


def _subject_before(doc: Doc, before: int, pronoun: str) -> Person | None:
    """The person who opens the sentence before the quote at `before` (no one else named between), when the
    pronoun fits them: 'By 2:30 p.m., Thompson was talking school policy. “…,” he said' is Thompson."""
    end = sentence_end_before(doc.body, before)
    if end is None:  # inside its sentence: one a pronoun or quote opens ('He told CNN that “…”', '“…,” she said')
        floor = sentence_start(doc.body, before)
        if floor is None or not _PRONOUN_OPENS.match(doc.body, opening(doc.body, floor, before)) \
                or any(not doc.inside_quote(p.start) for p in named_before(people(doc), before, before - floor)):
            return None  # 'The former officer rejected it because he believes …', 'he referred to a speech Obama …'
        end = sentence_end_before(doc.body, floor)
    start = sentence_start(doc.body, end - 1) if end else None
    if start is None or doc.inside_quote(start):
        return None  # no sentence ends there, or one too long to tell where it starts
    return _opens(doc, start, end, pronoun)


def _opens(doc: Doc, start: int, end: int, pronoun: str) -> Person | None:
    """The person named first in body[start:end], past its opening phrase and at most a few title words, when the
    pronoun fits them."""
    lo = opening(doc.body, start, end)
    for person in reversed(named_before(people(doc), end, end - lo)):  # the first one named in it
        lead = doc.body[lo:person.start].split()  # 'Georgia Republican Rep. Doug Collins', 'Democratic front-runner'
        if len(lead) > 4 or not all(w[:1].isupper() or w in TITLES or w in PERSON_NOUNS or "-" in w for w in lead):
            return None
        if doc.body[person.end:person.end + 2] not in ("’s", "'s") and not doc.is_place(person.surface) \
                and not names_no_one(doc, person) \
                and not doc.body[person.end:].lstrip().startswith("and ") \
                and fits(gender_of(doc, Speaker(person.surface, person.entity_id, "")), pronoun):
            return person  # else read on: 'Georgia' in 'Georgia Republican Rep. Doug Collins' is no one
    return None


def _thing_before(doc: Doc, before: int) -> Speaker | None:
    """'it' with no organisation speaking before it -> the subject of the sentence just before (past an opening
    phrase of its own), when that is an organisation or a document ('The newspaper ran an editorial. “…,” it
    wrote')."""
    lo = sentence_floor(doc.body, before)
    if opening(doc.body, lo, before) >= before:  # 'The law did two things. First, it declared': past 'First,'
        before = lo
    span = subject_of_sentence_before(doc.body, before)
    speaker = span and name_speaker(doc, *span, "pronoun", span[0])
    return speaker if speaker and _subject_kind(doc, speaker, span) == "thing" else None


def _place_not_person(doc: Doc, name: str) -> bool:
    """A capitalised name the article puts after 'in' ('in China', 'in Des Moines'): a place."""
    return name[:1].isupper() and doc.is_place(name)


def _named(doc: Doc, before: int, reach: int, pronoun: str, other_than: str | None) -> Person | None:
    """The last person named before `before` (not as a possessive) whose gender is the pronoun's, else the last
    one whose gender is unknown."""
    unknown = None
    for person in named_before(people(doc), before, reach):
        if person.key == other_than or doc.body[person.end:person.end + 2] in ("’s", "'s") \
                or doc.is_place(person.surface) or doc.inside_quote(person.start) \
                or names_no_one(doc, person):  # named in someone's words, as a modifier or a team
            continue
        if fits(person.gender, pronoun) and person.gender:
            return _opener(doc, person, pronoun, other_than) or person
        if unknown is None and person.gender == "":
            unknown = person
    return unknown and (_opener(doc, unknown, pronoun, other_than) or unknown)


def _opener(doc: Doc, person: Person, pronoun: str, other_than: str | None) -> Person | None:
    """The person who opens the sentence `person` is named in (its subject, after any opening phrase), when the
    pronoun fits them too: 'Deacon had nothing bad to say about Sanders. “…,” she said' is Deacon."""
    lo = sentence_floor(doc.body, person.start)
    if lo == person.start or lo <= person.start - 160:
        return None
    subject = opening(doc.body, lo, person.start)
    for other in named_before(people(doc), person.start, person.start - lo):
        if other.start >= subject and role_words(doc.body[subject:other.start]) \
                and other.key not in (other_than, person.key) and fits(other.gender, pronoun) \
                and not doc.is_place(other.surface) and not names_no_one(doc, other) \
                and doc.body[other.end:other.end + 2] not in ("’s", "'s") \
                and not role_words(doc.body[other.end:person.start]):
            return other
    return None


def _moved_on(doc: Doc, person: Person, position: int) -> bool:
    """Whether a person is named in a later paragraph than a speech verb at `position`, or a sentence or more after
    the verb's own: 'Rubio says it helps. Obama won most Latinos. “…,” he said' stays with Rubio."""
    return person.start > position and (
        _closer(doc, person, position) or len(_SENTENCE_ENDS.findall(doc.body, position, person.start)) >= 2)


def _closer(doc: Doc, named: Person, position: int) -> bool:
    """Whether a person named after the last speaker opens a later paragraph: the story has moved on to them."""
    return doc.body.rfind("\n", 0, named.start) > doc.body.rfind("\n", 0, position)


def gender_of(doc: Doc, speaker: Speaker) -> str | None:
    """A speaker -> 'male', 'female', '' (a person, either) from the people named and gendered roles."""
    words = speaker.surface.casefold().split()
    if words and words[-1] in FEMALE_ROLES:
        return "female"
    if words and words[-1] in MALE_ROLES:
        return "male"
    key = fold_word(speaker.surface.split()[-1]) if speaker.surface.split() else ""
    if doc._key_genders is None:
        doc._key_genders = {}
        for person in people(doc):
            doc._key_genders.setdefault(person.key, set()).add(person.gender)
    genders = doc._key_genders.get(key, ())
    return next(iter(genders)) if len(genders) == 1 else ""


def speech_events(doc: Doc, lo: int = 0, hi: int | None = None) -> list[tuple[int, Speaker, str]]:
    """Every 'X said' / 'said X' outside quotes (whose verb starts in lo..hi) -> (position, speaker, kind: person,
    group or thing), in body order."""
    return list(_events_back(doc, lo, len(doc.body) + 1 if hi is None else hi))[::-1]


def _events_back(doc: Doc, lo: int, hi: int):
    """Speech events whose verb starts in lo..hi, last first, each read once per document."""
    verbs = doc.verbs()
    for i in range(bisect_left(doc._verb_starts, hi) - 1, bisect_left(doc._verb_starts, lo) - 1, -1):
        if i not in doc._events:
            word = " ".join(verbs[i].group("verb").split())
            doc._events[i] = _event(doc, verbs[i]) if word in EVENT_WORDS else None
        if doc._events[i] is not None:
            yield doc._events[i]


def _event(doc: Doc, verb: re.Match) -> tuple[int, Speaker, str] | None:
    if doc.inside_quote(verb.start()) or has_no_own_subject(doc.body, verb):
        return None
    span = doc.subject_of(verb)
    if not span:
        return None
    phrase = doc.body[span[0]:span[1]].casefold()
    if phrase in _PRONOUNS:  # 'he said' speaks for whom 'he' stands for: a chain of pronouns stays with one person
        if doc._depth >= MAX_CHAIN:
            return None
        doc._depth += 1
        try:
            speaker = antecedent(doc, span[0], phrase)
        finally:
            doc._depth -= 1
        return (verb.start(), speaker, "person" if phrase in PERSON_PRONOUNS else _kind(doc, speaker)) \
            if speaker else None
    speaker = name_speaker(doc, span[0], span[1], "said", span[0])
    if speaker is None:
        return None
    if pair := pair_before(doc, *span):  # 'Jacobs and Thomsen said': two people, whom 'they' may stand for
        return verb.start(), pair, "group"
    return verb.start(), speaker, _subject_kind(doc, speaker, span)


def _subject_kind(doc: Doc, speaker: Speaker, span: tuple[int, int]) -> str:
    """_kind of a speaker read as a verb's subject at span: 'the BBC reported', 'China said' name no person 'he' or
    'she' may stand for."""
    kind = _kind(doc, speaker)
    if kind == "person" and speaker.entity_id not in doc._person_ids and (
            _ORGANISATION.match(doc.body, span[0], span[1]) or _place_not_person(doc, speaker.surface)):
        return "thing"
    return kind


# A capitalised name after 'the', or an acronym, names an organisation: 'the BBC reported', 'the Patriots said'.
_ORGANISATION = re.compile(rf"(?:[Tt]he\s+(?:{CAP}\s+)*{CAP}|[{UPPER}]{{2,6}})$")


def _kind(doc: Doc, speaker: Speaker) -> str:
    """'person', 'group' (a plural: 'officials', 'Democrats') or 'thing' (an organisation or document)."""
    if doc._person_ids is None:
        doc._person_ids = {m.entity_id for m in doc.mentions if m.is_person}
        doc._thing_ids = {m.entity_id for m in doc.mentions if m.is_thing}
    if speaker.entity_id:
        if speaker.entity_id in doc._person_ids:
            return "person"
        if speaker.entity_id in doc._thing_ids:
            return "thing"  # a discovered name of unknown type ('Saez said') is read from its words below
    kind = head_kind(speaker.surface)
    if kind == "thing":
        return "thing"
    last = speaker.surface.split()[-1]
    if kind == "person" and last.endswith("s") and not last.endswith("ss"):
        return "group"
    return "person"
