"""Who a stretch of text is about, for the pronoun after it: the subject of a sentence (the person it opens with,
past an opening phrase and a few role words) is what the next sentences are about; a person named further in a
sentence whose subject is the one speaking (its object: 'Lee had nothing bad to say about Ruiz') is not, and leaves
the pronoun to the one speaking before.
"""

from transforms.compare.quotes.clauses import Doc
from transforms.compare.quotes.people import Person, named_before
from transforms.compare.quotes.speech import PERSON_NOUNS
from transforms.compare.quotes.subjects import opening, sentence_floor
from transforms.lexicon import TITLES


def role_words(text: str) -> bool:
    """Whether text is at most three role or capitalised words, no punctuation: a name with these before it heads one
    phrase ('Republican strategist Tim Albrecht' opens its sentence; 'McConnell spokesman Don Stewart' is Stewart)."""
    words = text.split()
    return len(words) <= 3 and all(w.isalpha() and (w[0].isupper() or w in TITLES or w in PERSON_NOUNS)
                                   for w in words)


def about_speaker(doc: Doc, person: Person, people: list[Person], key: str) -> bool:
    """Whether the sentence that names `person` is about the last speaker (surname key) instead: it opens, past its
    opening phrase, with that speaker's name ('In an interview, Lee had nothing to say about Ruiz.'), so the person
    named in it is an object, not whom the story moved on to."""
    lo = opening(doc.body, sentence_floor(doc.body, person.start), person.start)
    return any(p.key == key and role_words(doc.body[lo:p.start])
               for p in named_before(people, person.start, person.start - lo))
