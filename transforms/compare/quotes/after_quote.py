"""The attribution clause right after a quote: '“…,” X said', '“…,” said X' (titles, appositives and time phrases may
stand between: 'Pentagon press secretary Peter Cook said earlier this year', 'said Jane Doe, a spokeswoman for X, on
Monday'), '“…,” was his reply', '“…,” according to X', and such a clause a few words on ('“…” after opening up, says
Dr. Wachter.')."""

import re

from transforms.compare.quotes.article import OPENING_PRONOUNS, Clause, Doc
from transforms.compare.quotes.people import given_name_gender
from transforms.compare.quotes.speech import (
    ADVERB,
    AFFILIATION,
    APPOSITIVE,
    CAP_WORD,
    ISSUED_BY,
    NP,
    PARTY,
    SHORT_TITLES,
    SPEAKER,
    UPPER,
    VERB,
    has_no_own_subject,
)
from transforms.compare.quotes.subjects import DETERMINER, NAMED_APPOSITIVE, OPEN_APPOSITIVE, untitled
from transforms.lexicon import TITLES

_LEAD = r"^[\s,—–-]*"
# A title or description, then a name, right after a quote: 'CBS co-anchor DeMarco Morgan said'.
DESCRIBED = rf"(?:(?:[\w’'\-&]+,?|[A-Z][a-z]{{0,3}}\.|(?:[A-Z]\.)+)\s+){{1,6}}?{CAP_WORD}(?:\s+{CAP_WORD}){{0,3}}"
# Each with and without an affiliation ('X of the Y said'): the plain one first, so that 'University of Denver
# law professor Sam Kamin said' is Sam Kamin, not the University.
# A phrase opened by a determiner, up to the verb: 'a welcome message on the website reads', 'the moderator said'.
# Adjectives may be separated by commas: 'the bespectacled, 71-year-old diplomat said'.
NOMINAL = rf"(?:{DETERMINER}|[Tt]his|[Ss]ome|[Mm]any|[Ss]everal|(?:[Dd]ozens|[Hh]undreds|[Tt]housands)\s+of)\s+" \
    rf"(?:[\w’'\-&]+,?\s+){{0,6}}?[\w’'\-&]+"
# A relative clause with a verb of its own, no commas, between a nominal subject and the speech verb: '“…,” one
# senior player who has spent a decade at the club told the radio'. Not 'the agent who Mensah said' (the clause's
# own subject speaks there).
_WHO_CLAUSE = r"\s+who\s+(?!(?:he|she|they|it|we|you|I)\b)[a-z][^,.;:“”\"\n]{0,80}"
AFTER_NAME_VERB = [re.compile(rf"{_LEAD}(?P<np>{speaker})\b{PARTY}?{extra}{APPOSITIVE}?(?:\s+{ADVERB})*"
                              rf"\s+(?P<verb>{VERB})")
                   for speaker, extra in ((SPEAKER, ""), (SPEAKER, AFFILIATION + "?"), (DESCRIBED, ""),
                                          (NOMINAL, _WHO_CLAUSE), (NOMINAL, ""))] + \
    [re.compile(rf"{_LEAD}{OPEN_APPOSITIVE}(?:\s+{ADVERB})*\s+(?P<verb>{VERB})")]
# After 'said', the speaker phrase ends at punctuation or at a word that opens what follows ('in', 'who', ...).
# A full stop ends it unless it closes an initial or an abbreviated title ('said Sen. Robert P. Casey').
_ABBREVIATIONS = "".join(rf"(?<!\b{t})"
                         for t in SHORT_TITLES.split("|"))
_ENDS = r"(?:(?=\s*(?:[,;:()—–]|$)|\s+(?:in|on|at|during|who|from|for|after|before|to|when|while|as|about|via|and|" \
    r"with|familiar|close|knowledgeable|briefed)\b)" \
    rf"|(?<!\b[{UPPER}]){_ABBREVIATIONS}(?=\s*\.))"
AFTER_VERB_NAME = [re.compile(rf"{_LEAD}(?P<verb>{VERB})\s+{ISSUED_BY}?(?P<np>{np}){_ENDS}")
                   for np in (DESCRIBED.replace("{1,6}", "{0,6}"), NOMINAL)] + \
                  [re.compile(rf"{_LEAD}(?P<verb>{VERB})\s+{ISSUED_BY}?(?P<np>{NP})")]
# '“…,” was his reply.'
AFTER_REPLY = re.compile(r"^[\s,]*(?:was|came)\s+(?P<np>his|her|their|its)\s+(?:\w+\s+)?"
                         r"(?:reply|response|answer|retort)\b")
PER_AHEAD = rf"(?=\s+(?:the\s+)?[{UPPER}])"  # 'per' names a source before a capital: not 'per hour', 'per capita'
AFTER_ACCORDING = re.compile(rf"{_LEAD}(?:according\s+to|in\s+the\s+words\s+of|to\s+quote|per{PER_AHEAD})\s+"
                             rf"{ISSUED_BY}?(?P<np>{NP})")
_AFTER_FORMS = [(p, "said_after") for p in (*AFTER_NAME_VERB, *AFTER_VERB_NAME, AFTER_REPLY)] + \
    [(AFTER_ACCORDING, "according_to")]
# The writer or a group speaking as 'we' is no speaker the clause names: '“…,” I’d still say'.
_FIRST_PERSON = re.compile(r"(?:I|We)(?:[’'](?:d|m|ve|ll|re))?")
# A few words of the writer's sentence after a quote, then its clause: '“…” after opening up, says Dr. Wachter.'
_LATE = re.compile(r"[^“”\"\n.;:!?,]{1,100},(?=\s)")
# ... its verb's object or time last, a few words: '…, a senior official told reporters earlier Friday.'
_CLAUSE_ENDS = re.compile(r"(?:[^\S\n]+[\w’'\-]+){0,5}[^\S\n]*(?:[.!?]|$)", re.MULTILINE)


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
                and match["np"] not in OPENING_PRONOUNS and not _FIRST_PERSON.fullmatch(match["np"]):
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
