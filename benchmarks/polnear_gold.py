"""PolNeAR gold speakers: a labelled source -> the name it stands for, and whether a predicted speaker is it.

Named gold (a name or a phrase): the source cut before its appositive or clause ('Ben Jealous, a former NAACP
leader' -> 'Ben Jealous', 'Sen. Tom Carper of Delaware' -> 'Sen. Tom Carper'; 'Secretary of State John Kerry' stays
whole, as 'of' follows no name there).

Pronoun gold is resolved only where the text leaves no doubt, else it is `unresolved` (left out of speaker accuracy):
- 'he'/'she' (his, him, her): the nearest person named before it outside quote marks whose gender is the pronoun's
  (a title Mr./Mrs./Ms., or a given name gender-guesser calls male or female, not 'mostly'; a lone surname of such
  a name takes its gender; a surname two genders share has none) must be the same person as the nearest labelled
  source before it that is not a pronoun and not of the other gender; and from the earlier of the two, or from the
  start of the paragraph before the pronoun's if that is earlier, every person named whose gender is the pronoun's
  or not sure (a given name gender-guesser calls 'mostly' or either) must be that same person ('Trump attacked Cruz.
  “…,” he said' stays unresolved);
- 'who': the capitalised name right before ', who';
- 'they'/'it'/'we' (them, its, their, us): the one labelled source, not a pronoun nor a person named by a given name
  or title, in its paragraph or the one before; none or several -> unresolved;
- 'I', 'you', 'one': unresolved.

Two speakers are the same when, folded (case, accents, titles, determiners and possessives dropped; the predicted one
cut before its appositive or clause as the gold one is), their last words
are equal, or one is a single word found in the other (Mr. Obama = Barack Obama = Obama); a nominal gold speaker (one
whose last word is a common noun: 'a spokeswoman', 'Trump's spokeswoman') is also matched by the name the article gives
that role within a few words ('spokeswoman Hope Hicks', 'Hope Hicks, a spokeswoman', 'Trump's spokeswoman, Hope
Hicks').
"""

import re
from collections import defaultdict

from anyascii import anyascii
from gender_guesser.detector import Detector

from benchmarks.polnear_corpus import Article

PRONOUNS = frozenset("he she they it we i you him her them his its their us one who".split())
_GENDERED = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female"}
_GROUP = frozenset("they them their it its we us".split())
DROP = frozenset("the a an mr mrs ms miss dr sen rep gov gen president former".split())
_TITLES = frozenset("mr mrs ms dr sen rep gov gen president secretary senator governor".split())
_TITLE_GENDER = {"Mr.": "male", "Mrs.": "female", "Ms.": "female"}
_NOT_SURNAMES = frozenset("University College Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())
_DETECTOR: list[Detector] = []
_RUN = re.compile(r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.(?:\s+[A-Z][\w’'\-]+)+"
                  r"|[A-Z][\w’'\-]+(?:\s+(?:[A-Z]\.\s+)?[A-Z][\w’'\-]+)*")
_NAME_BEFORE_WHO = re.compile(r"((?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.\s+)?[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-.]+)*)"
                              r"\s*,?\s*$")
_FUNCTION_WORDS = frozenset("of for to in at on and the a an".split())
_CLAUSE = re.compile(r",|\(| who | whose | which | at | from | with ")
_OF = re.compile(r" (?:of|for) ")


def head(source: str) -> str:
    """'Ben Jealous, a former NAACP leader' -> 'Ben Jealous': a gold source without its appositive or clause."""
    cut = _CLAUSE.split(source)[0].strip() or source
    of = _OF.search(cut)
    if of:
        before = cut[:of.start()].split()
        if len(before) >= 2 and before[-1][:1].isupper() and before[-1].casefold().rstrip(".") not in _TITLES:
            cut = cut[:of.start()]
    return cut


def _inside_quote(text: str, pos: int) -> bool:
    paragraph = text[text.rfind("\n", 0, pos) + 1:pos]
    return (paragraph.count("“") > paragraph.count("”")) or paragraph.count('"') % 2 == 1


def _gender(word: str) -> str | None:
    """A given name -> 'male', 'female', '' (gender-guesser knows it but is not sure) or None (not a given name)."""
    if not _DETECTOR:
        _DETECTOR.append(Detector(case_sensitive=False))
    found = _DETECTOR[0].get_gender(word)
    return found if found in ("male", "female") else "" if found != "unknown" else None


def people(article: Article) -> list[tuple[int, str, str]]:
    """(position, name, gender) of every person the text names outside quotes with a gender it tells: a title, or a
    given name gender-guesser is sure of; a lone surname of such a name takes its gender unless two genders share it."""
    if article.people is not None:
        return article.people
    found, surnames = [], defaultdict(set)
    for match in _RUN.finditer(article.text):
        words = match.group().split()
        given = 1 if words[0].endswith(".") else 0 if len(words) > 1 else None
        if given is None or not words[given:] or words[-1] in _NOT_SURNAMES:
            continue
        gender = _TITLE_GENDER.get(words[0]) or _gender(words[given])
        if gender is not None and not _inside_quote(article.text, match.start()):
            name = " ".join(words[given:]).removesuffix("’s").removesuffix("'s")
            found.append((match.start(), name, gender))
            surnames[name.split()[-1]].add(gender)
    for surname, genders in surnames.items():
        if len(genders) == 1:
            for match in re.finditer(rf"\b{re.escape(surname)}\b", article.text):
                if not _inside_quote(article.text, match.start()):
                    found.append((match.start(), surname, next(iter(genders))))
    article.people = sorted(set(found))
    return article.people


def gold_speaker(article: Article, source: str | None, start: int) -> str | None:
    """A gold source as written -> the name it stands for (by the rules above), or None when a pronoun is unresolved."""
    if source is None:
        return None
    pronoun = source.casefold()
    if pronoun not in PRONOUNS:
        return head(source)
    if pronoun in _GENDERED:
        return _gendered(article, _GENDERED[pronoun], start)
    if pronoun == "who":
        name = _NAME_BEFORE_WHO.search(article.text, max(0, start - 80), start)
        return name[1] if name else None
    return _group(article, start) if pronoun in _GROUP else None


def _labelled(article: Article, lo: int, hi: int) -> list[tuple[int, str]]:
    """Labelled sources that are not pronouns, starting in lo..hi, in text order."""
    return sorted((a.source_start, head(a.source)) for a in article.attributions
                  if a.source and lo <= a.source_start < hi and a.source.casefold() not in PRONOUNS)


def _gendered(article: Article, want: str, start: int) -> str | None:
    named = [(pos, name, gender) for pos, name, gender in people(article) if pos < start and _words(name)]
    fitting = [(pos, name) for pos, name, gender in named if gender == want]
    if not fitting:
        return None
    genders = {_words(name)[-1]: gender for _, name, gender in named}
    labelled = [(pos, name) for pos, name in _labelled(article, 0, start)
                if not _words(name) or genders.get(_words(name)[-1], want) in (want, "")]
    if not labelled:
        return None
    source_at, source = labelled[-1]
    nearest_at, nearest = fitting[-1]
    paragraph = article.text.rfind("\n", 0, start)
    lo = min(source_at, nearest_at, article.text.rfind("\n", 0, max(0, paragraph)) + 1 if paragraph > 0 else 0)
    since = {_words(name)[-1] for pos, name, gender in named if pos >= lo and gender in (want, "")}
    return nearest if same_speaker(nearest, source, article.text) and len(since) == 1 else None


def _group(article: Article, start: int) -> str | None:
    paragraph = article.text.rfind("\n", 0, start)
    lo = article.text.rfind("\n", 0, max(0, paragraph)) + 1 if paragraph > 0 else 0
    persons = {_words(name)[-1] for _, name, _ in people(article) if _words(name)}
    found = {tuple(_words(name)): name for _, name in _labelled(article, lo, start)
             if _words(name) and _words(name)[-1] not in persons}
    return next(iter(found.values())) if len(found) == 1 else None


def _words(name: str) -> list[str]:
    folded = anyascii(name).casefold().replace("'s", "").replace("’s", "")
    return [w for w in re.findall(r"[a-z0-9]+", folded) if w not in DROP]


def same_speaker(predicted: str | None, gold: str | None, text: str) -> bool:
    """Predicted speaker surface vs gold speaker (resolved) -> whether they are the same, by the rule above."""
    if gold is None:
        return predicted is None
    if predicted is None:
        return False
    p, g = _words(head(predicted)), _words(gold)
    if not p or not g:
        return False
    if p[-1] == g[-1] or (len(p) == 1 and p[0] in g) or (len(g) == 1 and g[0] in p):
        return True
    nouns = [w for w in gold.split() if w[:1].islower() and w not in _FUNCTION_WORDS]
    if nouns:  # a nominal gold: its head is a common noun ('a spokeswoman', 'Trump's spokeswoman for the campaign')
        role = re.escape(nouns[-1])
        name = re.escape(predicted)
        near = rf"\b{role}\b[^.\n]{{0,40}}{name}|{name}[^.\n]{{0,40}}\b{role}\b"
        return re.search(near, text, re.IGNORECASE) is not None
    return False
