"""The subject of a speech verb, read back from the verb ('Kalın said', 'Jane Doe, a spokeswoman, said') or after
it ('said Kalin,'), and where the sentence holding it starts.
"""

import re

from transforms.compare.quotes.people import given_name_gender
from transforms.compare.quotes.speech import (
    ADVERB,
    AFFILIATION,
    APPOSITIVE,
    CAP_WORD,
    ISSUED_BY,
    NO_SPEAKER_AFTER,
    NP,
    PARTY,
    PERSON_NOUNS,
    SHORT_TITLES,
    SPEAKER,
    TIE,
    UPPER,
    is_participle,
    word_alternation,
)
from transforms.lexicon import MONTHS, TITLES, WEEKDAYS

# A name, then an appositive the writer did not close with a comma: 'Sam Lau, the communications director for the
# party said', 'Nate Silver, the polling guru who founded the site tweeted'.
OPEN_APPOSITIVE = rf"(?P<np>{CAP_WORD}(?:\s+{CAP_WORD}){{1,3}}),\s+(?:(?:the|an?)\s+)?[^,“”\"\n]{{1,80}}?"
DETERMINER = r"(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[Hh]is|[Hh]er|[Tt]heir)"
# A word of a nominal subject: not one that opens a clause ('in an interview when asked' is no subject).
_PHRASE_WORD = r"(?!(?:when|which|who|whom|whose|that|if|as|after|before|while|where|and|but|or)\b)[\w’'\-&]+"
_SUBJECT_BEFORE = [re.compile(rf"(?<![\w’'\-])(?P<np>{SPEAKER}){PARTY}?{extra}{APPOSITIVE}?(?:\s+{ADVERB})*\s*$")
                   for extra in ("", AFFILIATION + "?")] + \
    [re.compile(rf"(?<![\w’'\-])(?P<np>{DETERMINER}\s+(?:{_PHRASE_WORD}\s+){{0,3}}?{_PHRASE_WORD})"
                rf"(?:\s+{ADVERB})*\s*$")]
# A phrase opening a sentence before its subject: 'In a statement released Thursday, X said', 'Of Carson, X said'.
# A participle opens one too ('Turning to his campaign manager, X said', 'Informed of it, X said'; not 'Alfred
# Smith, …'), and so does a sentence adverb: 'First, it said'. Its dotted abbreviations end no sentence: 'At 9
# a.m. sharp,', 'In the U.K.,', 'On Sept. 9,'; but one before a capitalised word may end a sentence ('… left the
# U.K. Now, Lee …'), and a title's abbreviation is read as no opening: 'Among them was Rep. Jo Lee, who said'.
_ABBREVIATION = r"(?:[A-Za-z]\.){2,}(?!\s+[A-Z])|\b(?:Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\.(?=\s+\d)"
_INTRO = re.compile(r"\s*(?:(?:In|At|On|During|After|Before|Of|For|From|Asked|Speaking|Unlike|Since|While|When|"
                    r"Without|Under|Despite|Amid|Among|By|With|Following|Upon|Once|Until|Throughout|"
                    rf"[A-Z][a-z]{{2,}}(?:ing|ed)(?=\s+[a-z]))\b(?:{_ABBREVIATION}|[^,.!?\n“”\"]){{0,80}}|Later|"
                    r"Earlier|Still|"
                    r"Instead|Meanwhile|However|Separately|First|Second|Third|Finally|Then|Now|Again|Indeed|"
                    r"[A-Z][a-z]+ly),\s+")
# 'Loretta Lynch, who told', 'quoted a New York health official who said'.
_WHO = re.compile(rf"(?<![\w’'\-])(?P<np>{NP}|(?:{DETERMINER}|[Ii]ts)\s+(?:{_PHRASE_WORD}\s+){{0,3}}?{_PHRASE_WORD})"
                  rf"{PARTY}?,?"
                  rf"\s+who(?:\s+{ADVERB})*\s*$")

_PRONOUNS = frozenset("he she it they".split())
_COUNTED = frozenset("one another some many several".split())  # 'One of its sponsors, …': no given name here
# A subject with a relative clause that has its own verb, no commas: 'a White House official who spoke anonymously
# to discuss strategy said'. Not 'the man who Trump said' (the clause has a subject of its own).
_NOUN_WORD = rf"(?!(?:in|of|at|from|for|with|on|to|by)\b){_PHRASE_WORD}"
_RELATIVE = re.compile(rf"(?<![\w’'\-])(?P<np>{DETERMINER}\s+(?:{_NOUN_WORD}\s+){{0,3}}?{_NOUN_WORD})"
                       rf"(?:\s+(?:in|of|at|from|for|with)\s+[^,.;:“”\"\n]{{1,60}}?)?\s+who\s+"
                       rf"(?!(?:he|she|they|it|we|you|I)\b)[a-z][^,.;:“”\"\n]{{0,80}}?(?:\s+{ADVERB})*\s*$")
_OPEN_SUBJECT = re.compile(rf"(?<![\w’'\-]){OPEN_APPOSITIVE}(?:\s+{ADVERB})*\s*$")
_NAME_AFTER = re.compile(rf"\s+{ISSUED_BY}?(?P<np>{NP})\b")
# A finite verb after 'and'/'but' shares its sentence's subject: 'Trump called on her to resign and said, “…'.
_AFTER_AND = re.compile(rf"\b(?:and|but)(?:\s+{ADVERB})*\s+$")
_COMMA = re.compile(r",\s+")
# The holder of a tie right before a verb's subject: 'One operative' in 'One operative familiar with the campaign'.
_TIED = re.compile(rf"(?<![\w’'\-])(?P<np>{NP}|{DETERMINER}\s+(?:{_PHRASE_WORD}\s+){{0,3}}?{_PHRASE_WORD}){TIE}$")
_OF_BEFORE = re.compile(r"\s(?:of|from)\s+$")
# A person named by a noun, then whom they speak for: 'A spokesman for the union explained', 'the lawyer for Jane
# Doe said': the spokesman speaks, not the union or Doe.
_SPEAKS_FOR = re.compile(rf"(?<![\w’'\-])(?P<np>{DETERMINER}\s+(?:{_NOUN_WORD}\s+){{0,3}}?"
                         rf"(?:{word_alternation(PERSON_NOUNS)}))\s+(?:for|of|at|with|from)\s+[^,.;:“”\"\n]{{0,60}}$")
# The words that put a place at the end of a speaker phrase: it tells where the speaker is, and never speaks.
LOCATED_AT = r"\s+(?:in|near|outside)\s+(?:the\s+)?$"
# A nominal subject that a place closes: 'The state health department in Boise', 'a nurse at a clinic near Austin'.
_DOTTED_WORD = rf"(?:{_NOUN_WORD}|(?:[{UPPER}]\.){{2,3}})"  # an abbreviation keeps its dots: 'The E.U. mission in Kyiv'
_LOCATED_SUBJECT = re.compile(
    rf"(?<![\w’'\-])(?P<np>{DETERMINER}\s+(?:{_DOTTED_WORD}\s+){{0,4}}?{_NOUN_WORD}"
    rf"(?:\s+(?:at|of|for|with)\s+(?:(?:the|an?)\s+)?(?:{_DOTTED_WORD}\s+){{0,2}}?{_NOUN_WORD})?)"
    rf"{LOCATED_AT}")
# 'One resident of Havana, Andres Murci, told', 'One of its sponsors, Rep. Steve Toth, told'.
# A name in apposition right after a noun phrase, past an 'of'/'for' phrase of its own: 'the lawyer for the firm,
# Mark Ruiz,'.
_APPOSED = rf",\s+(?P<np>{CAP_WORD}(?:\s+{CAP_WORD}){{1,3}}),"
NAMED_APPOSITIVE = re.compile(rf"(?:\s+(?:of|for)\s+[^,“”\"\n]{{1,40}})?{_APPOSED}")
# A sentence's subject, read from where the sentence (past its opening phrase) starts.
_SUBJECT_AT = re.compile(rf"(?P<np>{SPEAKER}){PARTY}?{APPOSITIVE}?\s+(?:{ADVERB}\s+)*[a-z]")
# A name in apposition to the noun phrase before it, its closing comma right before the verb.
_NAME_IN_APPOSITION = re.compile(rf"(?<=[\w’'.]){_APPOSED}\s*$")
# A noun phrase a determiner or a possessive opens, closing an opening phrase with its comma: 'her rival, '.
_NOUN_BEFORE_COMMA = re.compile(r"\b(?:his|her|their|its|our|my|the|an?|\w+[’']s)\s+(?:[a-z][\w\-]*\s+){0,2}"
                                r"[a-z][\w\-]*,\s+$")
_SENTENCE_BREAK = re.compile(rf"[.!?][\"”’)]*\s+(?=[{UPPER}])")
# The word before a full stop that does not end a sentence: an initial or an abbreviated title ('W.', 'Sen.').
_ABBREVIATED_END = re.compile(
    rf"(?:\b[{UPPER}]|\b(?:{SHORT_TITLES}|St|No))$")


def sentence_floor(text: str, at: int) -> int:
    """Where the sentence holding `at` starts (within 160 characters; see _subject_floor)."""
    return _subject_floor(text, at)


def subject_of_sentence_before(text: str, at: int) -> tuple[int, int] | None:
    """The subject of the sentence that ends right before `at` ('The paper ran an editorial. “…,” it wrote' -> 'The
    paper'), past its opening phrase; None when no sentence ends there."""
    end = sentence_end_before(text, at)
    if end is None:
        return None
    lo = opening(text, _subject_floor(text, end - 1), end)
    found = _SUBJECT_AT.match(text, lo, end)
    return found.span("np") if found else None


def sentence_end_before(text: str, at: int) -> int | None:
    """Where a sentence ends right before `at` (past white space and quote marks), or None."""
    end = at
    while end > 0 and text[end - 1] in " \n\"“”":
        end -= 1
    return end if end > 0 and text[end - 1] in ".!?" else None


def opening(text: str, lo: int, at: int) -> int:
    """Where a sentence starting at lo names its subject: past white space and an opening phrase ('In an
    interview, ')."""
    while intro := _INTRO.match(text, lo, at):
        lo = intro.end()
    while lo < at and text[lo].isspace():
        lo += 1
    return lo


def sentence_start(text: str, at: int, reach: int = 400) -> int | None:
    """Where the sentence holding `at` starts, quote marks inside it or not ('Clinton saluted “the campaign” Sanders
    mounted.'), or None when it starts further back than `reach`."""
    lo = text.rfind("\n", max(0, at - reach), at) + 1
    found = _past_sentence_ends(text, lo, at)
    return found if found > lo or lo or at <= reach else None


def _subject_floor(text: str, at: int) -> int:
    """Where a verb's subject may start: within 160 characters, after any quote mark, line break, semicolon or
    sentence end ('… for signatures. Mrs. Pelosi said': not after 'Mrs.' or an initial)."""
    lo = max(0, at - 160)
    # five rfinds written out: a generator here cost more than the searches (this runs for every verb read)
    return _past_sentence_ends(text, max(lo, text.rfind('"', lo, at) + 1, text.rfind("“", lo, at) + 1,
                                         text.rfind("”", lo, at) + 1, text.rfind("\n", lo, at) + 1,
                                         text.rfind(";", lo, at) + 1), at)


def _past_sentence_ends(text: str, lo: int, at: int) -> int:
    """Where the last sentence in text[lo:at] starts (lo if none ends there); not after an abbreviated title or an
    initial ('Mrs.', 'W.')."""
    for end in _SENTENCE_BREAK.finditer(text, lo, at):
        if not _ABBREVIATED_END.search(text, max(lo, end.start() - 5), end.start()):
            lo = end.end()
    return lo


# After a month a day's number or the verb's own words go on; a month that is a name ('said May: “…”', 'told April
# Okafor') is followed by punctuation or a capitalised word.
_TIME_GOES_ON = re.compile(r"\s+(?:\d|[a-z])")


def subject(text: str, verb: re.Match) -> tuple[int, int] | None:
    """The speaker phrase of a finite speech verb: just before it ('Kalın said') or just after ('said Kalin,')."""
    if is_participle(verb.group("verb")):
        return None
    lo = _subject_floor(text, verb.start())
    if lo < verb.start() - 1:
        found = _subject_before(text, lo, verb.start())
        if found:
            return found
    if verb.group("verb") in NO_SPEAKER_AFTER:  # 'accused France', 'questioned Trump's logic': the object
        return None
    after = _NAME_AFTER.match(text, verb.end())
    if after and (after["np"].casefold() in WEEKDAYS or after["np"].casefold() in MONTHS
                  and _TIME_GOES_ON.match(text, after.end("np"))):
        return None  # 'and said Friday the port …', 'said June 3 that …': a time, the subject being before the verb
    return after.span("np") if after else None


# The comma that closes a relative clause or an appositive right before its sentence's verb.
_CLOSING_COMMA = re.compile(rf",\s+(?:{ADVERB}\s+)*$")
# A quoted stretch, its marks included: masked so that a subject is read across it.
_QUOTED = re.compile(r"[“\"][^“”\"\n]{1,200}[”\"]")


def subject_across_quote(text: str, verb: re.Match) -> tuple[int, int] | None:
    """subject() of a finite verb whose subject the quote marks of a title or phrase inside its relative clause or
    appositive hide: 'Dr. Helga Brandt, whose first novel was titled “Cold Harbour,” said', 'Kenji Mori, who said in
    March the repairs would take “weeks, not days” to finish, said'. A quote's words are masked and the subject read
    across them; a comma that the writer put inside the closing mark is the sentence's and stays."""
    lo = _subject_floor(text, verb.start())
    if is_participle(verb.group("verb")) or lo == 0 or text[lo - 1] not in '”"':
        return None  # the subject floor is no closing quote mark
    masked = _QUOTED.sub(_mask, text[:verb.start()]) + text[verb.start():verb.end()]
    if masked[lo - 1] in '”"' or not _CLOSING_COMMA.search(masked, max(0, verb.start() - 60), verb.start()):
        return None  # a coordinated verb ('… called it “a gift” and said'): its subject is read as it was
    found = _subject_before(masked, _subject_floor(masked, verb.start()), verb.start())
    return found if found and not masked[found[0]:found[1]].count("x" * 4) else None


def _mask(quote: re.Match) -> str:
    comma = "," if quote[0][-2] == "," else ""
    return "x" * (len(quote[0]) - len(comma)) + comma


def _subject_before(text: str, lo: int, at: int) -> tuple[int, int] | None:
    """The speaker phrase that ends right before a verb at `at`, in text[lo:at]."""
    if lo == 0 or text[lo - 1] in '"“”\n;' or at - lo < 160:  # lo opens a sentence: pass over its opening phrase
        lo = opening(text, lo, at)  # 'In a statement, X said', 'Of Carson, Levine said'
    if _AFTER_AND.search(text, max(lo, at - 60), at) and (shared := _shared_subject(text, lo, at)):
        return shared
    who = _WHO.search(text, lo, at) if "who" in text[max(lo, at - 40):at] else None  # 'Loretta Lynch, who told'
    if who:
        return who.span("np")
    relative = _RELATIVE.search(text, lo, at) if " who " in text[lo:at] else None
    if relative:
        return relative.span("np")
    named = _NAME_IN_APPOSITION.search(text, max(lo, at - 60), at) if text[lo:at].rstrip().endswith(",") else None
    if named and given_name_gender(untitled(named["np"]).split()[0]) is not None:
        return named.span("np")  # 'The club’s treasurer, Omar Haddad, replied': the name closes the appositive
    found = _plain_subject(text, lo, at)
    opened = _OPEN_SUBJECT.search(text, lo, at) if "," in text[lo:at] else None
    # 'Sam Lau, the director for the party said' is Sam Lau; in 'Juan Zarate, an adviser to George W. Bush, also
    # said' the open appositive ('George W. Bush, also') starts after the subject with its closed appositive.
    # Not when the words after its comma are a name themselves: 'Turning to his manager, Jeff Roe, Cruz said' is Cruz.
    # Nor when the name is in apposition to the noun that closes the opening phrase: 'Asked about his rival, Omar
    # Haddad, the mayor said' is the mayor.
    if opened and given_name_gender(opened["np"].split()[0]) is not None and (
            found is None or found[0] >= opened.start("np")) and not _is_name(text[opened.end("np") + 1:at]) \
            and not _NOUN_BEFORE_COMMA.search(text, max(0, opened.start("np") - 60), opened.start("np")):
        return opened.span("np")
    return found


# An abbreviated title: a capital, a few small letters and a full stop ('Cmdr.', 'Adm.', 'Prof.'); not an initial.
_SHORT_TITLE = re.compile(r"[A-Z][a-z]{1,4}\.")


def untitled(name: str) -> str:
    """'Rep. Steve Toth' -> 'Steve Toth', 'Lt. Cmdr. Priya Nair' -> 'Priya Nair'."""
    words = name.split()
    while len(words) > 1 and (words[0].casefold().rstrip(".") in TITLES or _SHORT_TITLE.fullmatch(words[0])):
        words = words[1:]
    return " ".join(words)


def _is_name(words: str) -> bool:
    """Whether words are a capitalised run and nothing else: 'Cruz', 'Ted Cruz' (not 'the director for the party')."""
    words = words.split()
    return 0 < len(words) <= 3 and all(w[:1].isupper() and w.isalpha() for w in words)


def _shared_subject(text: str, lo: int, at: int) -> tuple[int, int] | None:
    """The subject of the clause a coordinated verb at `at` belongs to: after the last comma that leaves one ('Eight
    years ago, he backed Obama and said' -> 'he'), else the sentence's ('Jane Doe, the mayor, met them and said')."""
    starts = [lo] + [comma.end() for comma in _COMMA.finditer(text, lo, at)]
    for start in reversed(starts):
        shared = _SUBJECT_AT.match(text, start, at)
        if shared:
            return shared.span("np")
    return None


# The words _TIED and _LOCATED_SUBJECT end with (before white space): a text that does not end so is not searched.
_TIE_LAST = ("with", "to", "about", "on", "of")
_LOCATED_LAST = ("in", "near", "outside", "the")


def _ends_with(text: str, lo: int, at: int, words: tuple[str, ...]) -> bool:
    """Whether text[lo:at], trailing white space aside, ends with one of the words (or a word ending so)."""
    return text[lo:at].rstrip().endswith(words)


def _plain_subject(text: str, lo: int, at: int) -> tuple[int, int] | None:
    for pattern in _SUBJECT_BEFORE:
        found = pattern.search(text, lo, at)
        if found:
            named = NAMED_APPOSITIVE.match(text, found.end("np"))
            first = found["np"].split()[0]
            if named and given_name_gender(untitled(named["np"]).split()[0]) \
                    and (first.casefold() in _COUNTED or not given_name_gender(first)):
                return named.span("np")  # 'One resident of Havana, Andres Murci, told': the name in apposition
            if text[found.start("np") - 1:found.start("np")] == " " \
                    and _ends_with(text, max(lo, found.start("np") - 120), found.start("np"), _TIE_LAST) and (
                    tied := _TIED.search(text, max(lo, found.start("np") - 120), found.start("np"))):
                return tied.start("np"), found.end("np")  # 'One operative familiar with the campaign explained'
            if pattern is _SUBJECT_BEFORE[0] \
                    and _ends_with(text, max(lo, found.start("np") - 90), found.start("np"), _LOCATED_LAST) and (
                    located := _LOCATED_SUBJECT.search(text, max(lo, found.start("np") - 90), found.start("np"))):
                return located.start("np"), found.end("np")  # the place tells where the speaker is
            if pattern is _SUBJECT_BEFORE[0] and (speaks := _SPEAKS_FOR.search(
                    text, max(lo, found.start("np") - 120), found.start("np"))):
                return speaks.span("np")
            if pattern is _SUBJECT_BEFORE[0] and _OF_BEFORE.search(text, max(lo, found.start("np") - 5),
                                                                     found.start("np")):
                person = _SUBJECT_BEFORE[1].search(text, lo, at)  # 'Mitch McConnell of Kentucky, the leader, told'
                if person and any(given_name_gender(word) for word in person["np"].split()[:2]):
                    return person.span("np")
            if found["np"].islower() and " " not in found["np"] and found["np"] not in _PRONOUNS:
                nominal = _SUBJECT_BEFORE[-1].search(text, lo, at)  # 'The minority leader said', not 'leader'
                return (nominal or found).span("np")
            return found.span("np")
    return None
