"""Attribution forms the clause patterns do not read: a verb in no list after a quote ('“…,” Conway snarled.',
'“…,” Kneebone found.').

English fronts a quoted object before its clause only in an attribution: a quote that closes on a comma, a question
mark or an exclamation mark, followed by a subject and one finite verb that ends the clause, is that subject's words,
whatever the verb (writers vary the verb of speaking: 'snarled', 'gasped', 'found', 'states'). The verb is read as
finite from lemminflect's lexicon (a past or third-person form of a verb), so a noun after a name is not one.
"""

import re

from lemminflect import getAllLemmas

from transforms.compare.quotes.clauses import Clause
from transforms.compare.quotes.speech import ADVERB, APPOSITIVE, NP, PARTY, PRONOUN
from transforms.compare.quotes.subjects import DETERMINER
from transforms.lexicon import word_classes

# The subject: a pronoun, a name or a nominal phrase ('the OIG report'); then a verb, and the clause ends (a
# comma, the sentence's end, or a short phrase of place or manner: 'found in her study.', 'snarled at him.').
_OPEN_CLAUSE = re.compile(
    rf"[^\S\n]*(?P<np>{PRONOUN}|{NP}|{DETERMINER}\s+(?:[\w’'\-&]+\s+){{0,3}}?[\w’'\-&]+)"
    rf"{PARTY}?{APPOSITIVE}?(?:\s+{ADVERB})*\s+(?P<verb>[a-z]{{3,}})"
    rf"(?:\s+(?:in|on|at|to|during|after|before|from|via|with|over)\s+[^\s,.;:!?“”\"]+(?:\s+[^\s,.;:!?“”\"]+){{0,4}})?"
    rf"(?=[^\S\n]*(?:[.!?;]|,\s|\n|$))")


def open_verb_clause(body: str, start: int, stop: int) -> Clause | None:
    """Text right after a closing quote mark at `start` -> the clause of a subject and a finite verb that is not a
    listed speech verb, when the quote closed its words on a comma, '?' or '!'."""
    if not any(mark in ",?!" for mark in body[max(0, start - 3):start + 1]):  # inside the marks or right after
        return None
    found = _OPEN_CLAUSE.match(body, start + (body[start:start + 1] == ","), stop)
    if not found or not finite_verb(found["verb"]):
        return None
    return Clause(found.start("np"), found.end("np"), "said_after", True, found.end())


def finite_verb(word: str) -> bool:
    """'snarled', 'found', 'states' -> True; 'news', 'report', 'pledge' -> False: a past or third-person form of a
    verb in lemminflect's lexicon, not its base form (which a noun may share)."""
    if "VERB" not in word_classes(word):
        return False
    lemmas = getAllLemmas(word, upos="VERB").get("VERB", ())
    return any(lemma != word for lemma in lemmas) and not word.endswith("ing")
