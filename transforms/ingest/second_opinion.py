"""Second opinions on a page's article: readability-lxml's and resiliparse's main text, and trafilatura's text
replaced where the two agree that it stopped short."""

import re
from collections import Counter

import lxml.html
from readability import Document
from resiliparse.extract.html2text import extract_plain_text
from resiliparse.parse.html import HTMLTree

_TOKEN = re.compile(r"\w+")
SHINGLE = 4
# trafilatura sometimes stops at an inline box and keeps the first part of a story only. When its text lies
# inside readability's (this share of its shingles), readability's lies inside resiliparse's (the two other
# extractors agree), and trafilatura holds less than MISSED_SHARE of readability's, readability's text wins.
CONTAINED = 0.9
# Conservative on purpose: where trafilatura holds half of the others' text or more, what it left out is more
# often teasers and boxes next to the story (which the other two keep) than the rest of the story.
MISSED_SHARE = 0.5
_BLOCKS = frozenset("p h1 h2 h3 h4 h5 h6 li blockquote pre div section article br tr figcaption ul ol table".split())


def shingles(text: str) -> Counter:
    """Text -> Counter of its 4-word shingles (one shingle of all its words when it has fewer)."""
    tokens = _TOKEN.findall(text)
    return Counter(tuple(tokens[i:i + SHINGLE]) for i in range(max(1, len(tokens) - SHINGLE + 1))) if tokens \
        else Counter()


def covered(part: Counter, whole: Counter) -> float:
    """Shingles of a text + shingles of another -> share of the first found in the second."""
    return sum((part & whole).values()) / max(sum(part.values()), 1)


def readability_text(html: str) -> str:
    """HTML -> readability-lxml's article, one line per block ('' when it finds none)."""
    try:
        tree = lxml.html.fromstring(Document(html).summary(html_partial=True))
    except Exception:  # readability raises assorted parser errors on broken or empty markup
        return ""
    for element in tree.iter():
        if isinstance(element.tag, str) and element.tag in _BLOCKS:
            element.tail, element.text = "\n" + (element.tail or ""), "\n" + (element.text or "")
    return "\n".join(" ".join(line.split()) for line in tree.text_content().split("\n") if line.strip())


def resiliparse_text(html: str) -> str:
    """HTML -> resiliparse's main-content text ('' when it finds none)."""
    try:
        return extract_plain_text(HTMLTree.parse(html), main_content=True, alt_texts=False, links=False)
    except Exception:  # resiliparse rejects some byte soup
        return ""


def agreed_text(main: str, readability: str, resiliparse: str) -> str:
    """trafilatura's text + the two other extractors' -> readability's where both others hold trafilatura's and
    much more, else trafilatura's as it is."""
    a, b, c = shingles(main), shingles(readability), shingles(resiliparse)
    if covered(a, b) >= CONTAINED and covered(b, c) >= CONTAINED and covered(b, a) < MISSED_SHARE:
        return readability
    return main
