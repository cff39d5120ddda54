"""Attribution forms the clause patterns do not read: a verb in no list after a quote ('“…,” Ruiz grumbled.',
'“…,” the survey found.'), the one quoted by someone else ('X quoted Y as saying “…”'), whose statement a quote
reports ('her statement that the “…”'), how someone put it before a colon ('this is how she put it: “…”') and the
subject after a participle's phrase ('Calling it “…,” Doe said').

English fronts a quoted object before its clause only in an attribution: a quote that closes on a comma, a question
mark or an exclamation mark, followed by a subject and one finite verb that ends the clause, is that subject's words,
whatever the verb (writers vary the verb of speaking: 'snarled', 'gasped', 'found', 'states'). The verb is read as
finite from lemminflect's lexicon (a past or third-person form of a verb), so a noun after a name is not one.
"""

import re

from lemminflect import getAllLemmas

from transforms.compare.quotes.article import Clause
from transforms.compare.quotes.kinds import is_title_case
from transforms.compare.quotes.speech import (
    ADVERB,
    APPOSITIVE,
    CAP_WORD,
    DETERMINERS,
    NP,
    PARTICIPLES,
    PARTY,
    PRONOUN,
    VERB,
    word_alternation,
)
from transforms.compare.quotes.subjects import DETERMINER
from transforms.lexicon import TITLES, word_classes

# The subject: a pronoun, a name or a nominal phrase ('the audit office report'); then a verb, and the clause ends (a
# comma, the sentence's end, or a short phrase of place or manner: 'found in her study.', 'snarled at him.').
_OPEN_CLAUSE = re.compile(
    rf"[^\S\n]*(?P<np>{PRONOUN}|{NP}|{DETERMINER}\s+(?:[\w’'\-&]+\s+){{0,3}}?[\w’'\-&]+)"
    rf"{PARTY}?{APPOSITIVE}?(?:\s+{ADVERB})*\s+(?P<verb>[a-z]{{3,}})"
    rf"(?:\s+(?:in|on|at|to|during|after|before|from|via|with|over)\s+[^\s,.;:!?“”\"]+(?:\s+[^\s,.;:!?“”\"]+){{0,4}})?"
    rf"(?=[^\S\n]*(?:[.!?;]|,\s|\n|$))")


def open_verb_clause(body: str, start: int, stop: int, words: str = "") -> Clause | None:
    """Text right after a closing quote mark at `start` -> the clause of a subject and a finite verb that is not a
    listed speech verb, or of a name alone that ends the sentence (its verb left out), when the quote closed its
    words on a comma, '?' or '!'."""
    if not any(mark in ",?!" for mark in body[max(0, start - 3):start + 1]):  # inside the marks or right after
        return None
    found = _OPEN_CLAUSE.match(body, start + (body[start:start + 1] == ","), stop)
    if found and finite_verb(found["verb"]) and (
            "," in body[max(0, start - 3):start + 1] or _may_follow_a_question(found["np"])):
        return Clause(found.start("np"), found.end("np"), "said_after", True, found.end())
    named = _NAME_ONLY.match(body, start + (body[start:start + 1] == ","), stop)
    last = named["np"].split()[-1] if named else ""
    if named and last[:1].isupper() and len(last) > 1 and last not in ("Jr", "Sr") \
            and len([w for w in named["np"].split() if w.casefold() not in DETERMINERS]) >= 2 \
            and not is_title_case(words.strip(" ,.!?"), 1) and last.casefold() not in TITLES:  # not 'the Rev.'
        # '“…,” city hall spokeswoman Ana Ruiz.'; not one word cut by its abbreviation's point ('Gov.
        # Andrew …'), nor a title and its author in a list ('“Still Water,” Ines Varga.')
        return Clause(named.start("np"), named.end("np"), "said_after", True, named.end())
    return None


def _may_follow_a_question(np: str) -> bool:
    """After a quote closed on '?' or '!' a new sentence may start ('“Goal!” The stadium erupted.'): read on as the
    attribution only from a lower-case pronoun ('he', 'she') or a name or title, a capitalised word that is no
    English word or determiner ('Kalin', 'President Ruto'); not 'The question', 'Nobody', 'Fans'."""
    head = np.split()[0]
    if head[:1].islower():
        return head in ("he", "she", "they", "it")
    return head.casefold().rstrip(".") in TITLES or (
        head.casefold() not in DETERMINERS and not word_classes(head.casefold()))


# A name alone after the quote, the sentence ending there: the writer left the verb out.
_NAME_ONLY = re.compile(rf"[^\S\n]*(?P<np>{NP})[^\S\n]*\.(?=[^\S\n]*(?:$|\n|[“\"A-Z]))")


def finite_verb(word: str) -> bool:
    """'snarled', 'found', 'states' -> True; 'news', 'report', 'pledge' -> False: a past or third-person form of a
    verb in lemminflect's lexicon, not its base form (which a noun may share)."""
    if "VERB" not in word_classes(word):
        return False
    lemmas = getAllLemmas(word, upos="VERB").get("VERB", ())
    return any(lemma != word for lemma in lemmas) and not word.endswith("ing")


# 'The paper quoted Jane Doe as saying “…”' (or 'quotes a group saying'), 'citing a senior official as saying that
# “…”': the quoted one speaks, not who quotes them; the reported clause may run a few words before the quote.
_QUOTED_AS = re.compile(
    rf"\b(?:quoted|quotes|quoting|cited|cites|citing)\s+(?P<np>{NP}|{DETERMINER}\s+(?:[\w’'\-&]+\s+){{0,4}}?"
    rf"[\w’'\-&]+){PARTY}?{APPOSITIVE}?\s+(?P<as>as\s+)?(?:saying|telling|writing|stating|warning|adding)\b"
    rf"[^.!?;“”\"\n]{{0,200}}$")
# '“…,” Jane Doe was quoted by the Daily Ledger as saying.'
_QUOTED_BY = re.compile(
    rf"[\s,—–-]*(?P<np>{PRONOUN}|{NP}){PARTY}?{APPOSITIVE}?\s+(?:was|is|were|are|has\s+been|had\s+been)\s+quoted\s+"
    rf"(?:by|in)\s+[^,.;:“”\"\n]{{1,80}}?\s+as\s+(?:saying|telling|writing)\b")


def quoted_as(body: str, floor: int, open_at: int, after: int, stop: int) -> Clause | None:
    """A sentence around a quote opening at open_at (the text before it from floor, after it from `after` to `stop`)
    -> the clause of the one quoted: 'X quoted Y as saying “…”', '“…,” Y was quoted by X as saying'."""
    if "quoted" in body[after:min(stop, after + 200)]:
        found = _QUOTED_BY.match(body, after, stop)
        if found:
            return Clause(found.start("np"), found.end("np"), "said_after", True)
    before = body[floor:open_at]
    if "quot" in before or "citing" in before or "cite" in before:
        found = _QUOTED_AS.search(body, floor, open_at)
        if found and not found["as"] and not found[0].lower().startswith("quot"):
            found = None  # 'citing a report saying' is the report's words; 'quotes a group saying' the group's
        if found and len(body[found.end():open_at].split()) <= 40:
            return Clause(found.start("np"), found.end("np"), "said_before", True)
    return None


# Whose words a noun of speech says they are: 'Ms. Ruiz’s post that the levy had left “…”', 'her statement that
# the “…”'. The possessor said them; the quote stands in the clause the noun reports, a few words on.
_SPEECH_NOUN = r"(?:statement|claim|remark|comment|assertion|argument|insistence|promise|pledge|vow|warning|tweet|" \
               r"post|message|reply|response|answer|suggestion|contention|complaint|declaration|admission|" \
               r"prediction|boast|charge|accusation)s?"
_OWN_WORDS = re.compile(
    rf"(?<![\w’'\-])(?P<np>(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)|{NP}(?=[’']s?\s))(?:[’']s?)?\s+(?:[a-z][\w\-]*\s+){{0,2}}?"
    rf"{_SPEECH_NOUN}\s+that\s+(?:[^.!?;:“”\"\n]|(?<=[A-Z])\.){{0,120}}$")  # 'U.S.' does not end it


def possessed_words(body: str, floor: int, open_at: int) -> Clause | None:
    """Sentence text before a quote -> the clause of whose statement, claim or tweet the quote reports: 'his
    statement that “…”' -> 'his', 'Ms. Ruiz’s post that the levy left “…”' -> 'Ms. Ruiz'."""
    if " that " not in body[floor:open_at]:
        return None
    found = _OWN_WORDS.search(body, max(floor, open_at - 240), open_at)
    if not found:
        return None
    start = found.start("np")
    if (opener := _PARTICIPLE_FIRST.match(body, start, found.end("np"))) and " " in found["np"]:
        start = opener.end()  # 'Quoting Ruiz’s remark that …': the participle opens the sentence, not the name
    return Clause(start, found.end("np"), "said_before", True)


_PARTICIPLE_FIRST = re.compile(r"[A-Z][a-z]+ing\s+")


# 'This is how she described her daughter: “…”', 'Here’s how the AP sums up the news:': the words that follow the
# colon are how the clause's subject put it, when its verb is one of putting into words; 'how the crash happened:'
# is an event told by someone else.
_HOW_VERBS = frozenset("""put puts described describes summed sums summarized summarised summarizes summarises
explained explains characterized characterised characterizes characterises framed frames phrased phrases worded
words said says told tells recalled recalls recounted recounts remembered remembers answered answers replied replies
responded responds wrote writes defended defends justified justifies""".split())
_HOW_COLON = re.compile(
    rf"\bhow\s+(?P<np>{PRONOUN}|{NP}|{DETERMINER}\s+(?:[\w’'\-&]+\s+){{0,3}}?[\w’'\-&]+)\s+(?:{ADVERB}\s+)*"
    rf"(?P<verb>[a-z]{{3,}})(?:\s+(?:it|up|it\s+up|this|that))?\b[^:;.!?“”\"\n]{{0,80}}:\s*$")


def how_colon(body: str, floor: int, open_at: int) -> Clause | None:
    """Sentence text before a quote -> the clause of X in 'this is how X described it: “…”', when its verb is one
    of putting into words."""
    if "how " not in body[floor:open_at]:
        return None
    found = _HOW_COLON.search(body, floor, open_at)
    if not found or found["verb"] not in _HOW_VERBS:
        return None
    return Clause(found.start("np"), found.end("np"), "colon", True)


_NOT_OPENING = frozenset("continuing recalling answering replying responding writing asking".split())
# A sentence opened by a participle of speech, the quote inside it, then its main clause: 'Calling the inquiry a
# “tax on families,” Ruiz then left the hall': the participle's subject is the main clause's.
# Not a participle that carries speech on but introduces none of its own ('Continuing the “war on drugs,” police
# raided …', 'Responding to the “…,” she said': the words are a name or someone else's).
_OPENING_PARTICIPLE = re.compile(
    rf"\s*(?:{word_alternation(w.capitalize() for w in PARTICIPLES if w not in _NOT_OPENING)})\b[^.!?;:,“”\"\n]*$")
_MAIN_SUBJECT = re.compile(
    rf"[\s,]*(?P<np>{PRONOUN}|{NP}){PARTY}?{APPOSITIVE}?(?:\s+{ADVERB})*\s+(?P<verb>[a-z]{{3,}})")


def participle_subject(body: str, floor: int, open_at: int, after: int, stop: int) -> Clause | None:
    """'Calling it a “…,” Ruiz left …' -> Ruiz's clause: a sentence that a speech participle opens, the
    quote in the participle's phrase, and the main clause's subject and finite verb right after the quote."""
    if not _OPENING_PARTICIPLE.match(body, floor, open_at):
        return None
    found = _MAIN_SUBJECT.match(body, after, stop)
    if not found or not finite_verb(found["verb"]):
        return None
    return Clause(found.start("np"), found.end("np"), "said_before", True)


# A role in lower case with no determiner, then the name in apposition and a speech verb: '“…,” head of the rail
# board, Ana Ruiz, told a radio station.'
_ROLE_THEN_NAME = re.compile(
    rf"[\s,]*[a-z][\w\-]*(?:\s+[\w’'\-&]+){{0,7}}?,\s+(?P<np>{CAP_WORD}(?:\s+{CAP_WORD}){{1,3}}),"
    rf"(?:\s+{ADVERB})*\s+(?:{VERB})")


def role_then_name(body: str, start: int, stop: int) -> Clause | None:
    """Text right after a closing quote mark -> the clause of a name in apposition to a role that opens it, when a
    speech verb follows: '“…,” head of the rail board, Ana Ruiz, told …' -> Ana Ruiz."""
    found = _ROLE_THEN_NAME.match(body, start, stop)
    return Clause(found.start("np"), found.end("np"), "said_after", True, found.end()) if found else None
