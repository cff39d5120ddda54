"""HTML page -> article text and metadata, through trafilatura, with readability-lxml and resiliparse as second
opinions on whether trafilatura's article is whole."""

import re

import trafilatura
from rapidfuzz import fuzz

from transforms.ingest.decode import normalise_text
from transforms.ingest.second_opinion import agreed_text, readability_text, resiliparse_text

# Fewer characters than this is a navigation page, an error page or an empty shell, not an article.
MIN_ARTICLE_CHARS = 80
# trafilatura's precision mode drops more navigation and teasers, but on some layouts it also cuts the
# article short. When it keeps less than this share of the words its recall mode finds, the cut is the
# more likely story, and the fuller text wins.
MIN_PRECISE_SHARE = 0.5
# Pages print the headline in the article slightly unlike their <title> (site suffix, curly quotes, an
# abbreviation spelled out); body paragraphs that merely share words with it stay far below this.
HEADLINE_SIMILARITY = 85
HEADLINE_MAX_WORDS = 30
_WORD = re.compile(r"\w+")


def _extract(html: str, url: str | None, **favor: bool):
    try:
        return trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=True, **favor
        )
    except Exception:  # trafilatura raises assorted lxml/parser errors on broken markup
        return None


def _words(doc) -> int:
    return len((getattr(doc, "text", None) or "").split())


def _words_key(text: str) -> str:
    return " ".join(_WORD.findall(text)).casefold()


def without_headline(text: str, title: str | None) -> str:
    """Article text + page title -> the text without a first line that repeats the title."""
    first, _, rest = text.partition("\n")
    if not title or len(first.split()) > HEADLINE_MAX_WORDS:
        return text
    a, b = _words_key(first), _words_key(title)
    with_suffix = b.startswith(a) and len(a.split()) >= 3  # '<headline> - <site name>'
    same = with_suffix or max(fuzz.ratio(a, b), fuzz.token_sort_ratio(a, b)) >= HEADLINE_SIMILARITY
    return rest.lstrip("\n") if same else text


def extract_html(html: str, url: str | None = None) -> dict | None:
    """HTML -> {text, title, byline, published_raw, sitename, url}, or None when no article is found."""
    precise, fuller = _extract(html, url, favor_precision=True), _extract(html, url, favor_recall=True)
    doc = fuller if _words(precise) < MIN_PRECISE_SHARE * _words(fuller) else precise
    text = normalise_text(getattr(doc, "text", None) or "").strip() if doc else ""
    if len(text) < MIN_ARTICLE_CHARS:
        return None
    text = normalise_text(agreed_text(text, readability_text(html), resiliparse_text(html))).strip()
    return {
        # The headline is its own field: in a page it is an element apart from the article text.
        "text": without_headline(text, doc.title),
        "title": doc.title,
        "byline": doc.author,
        "published_raw": doc.date,
        "sitename": doc.sitename,
        "url": doc.url or url,
    }
