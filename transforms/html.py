"""HTML page -> article text and metadata, through trafilatura."""

import trafilatura

from transforms.decode import normalise_text

# Fewer characters than this is a navigation page, an error page or an empty shell, not an article.
MIN_ARTICLE_CHARS = 80


def extract_html(html: str, url: str | None = None) -> dict | None:
    """HTML -> {text, title, byline, published_raw, sitename, url}, or None when no article is found."""
    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False
        )
    except Exception:  # trafilatura raises assorted lxml/parser errors on broken markup
        return None
    text = normalise_text(getattr(doc, "text", None) or "").strip() if doc else ""
    if len(text) < MIN_ARTICLE_CHARS:
        return None
    return {
        "text": text,
        "title": doc.title,
        "byline": doc.author,
        "published_raw": doc.date,
        "sitename": doc.sitename,
        "url": doc.url or url,
    }
