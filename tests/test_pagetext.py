import pyarrow as pa
import pytest

from transforms.clean.articles import clean_articles, clean_document
from transforms.clean.line_model import NAVIGATION, page_decisions
from transforms.clean.page_text import line_class, looks_like_page
from warehouse.contracts import DOCUMENTS, SITE_LINES

MENU = ["Home", "News", "Sport", "Business", "Weather"]
BODY = [
    "Flood waters rose across the north of the state on Tuesday, and the police said that two towns had been cut off.",
    "Talks with the council",
    "The mayor said that she would ask the government for help, and that the army was ready to move in if needed.",
    "Residents who had left their homes were told that they could not return before the weekend at the earliest.",
    "Forecasters said that more rain was expected on Thursday, and that the river would not fall for several days.",
]
# Another story's teaser: two paragraphs of prose set apart from the story by a menu.
TEASER = ["Another story, from the weekend, told how the farmers who had lost their crops were waiting for money.",
          "It said that the state had not paid them, and that some of them would have to sell their land by spring."]
FOOTER = ["Contact us", "Privacy", "Terms", "Site map"]
NAMES = ["Joe Biden", "Kamala Harris", "Julian Castro", "Marianne Williamson", "Joe Sestak"]
COMMENTS = ["Comments (2)", "I think that the council should have acted much sooner, and that they knew all about it."]


@pytest.mark.parametrize("line, expected", [
    ("Home", "short"),
    ("News · Sport · Business · Weather", "bad"),
    (BODY[0], "good"),
    ("Residents said the water was rising.", "short"),
    ("The Daily Example Newspaper Group Limited Company Registered Office London Number 1234567", "bad"),
])
def test_line_class(line, expected):
    assert line_class(line) == expected


def _decide(lines):
    return page_decisions(lines, {}, [False] * len(lines))[0]


def test_subhead_between_paragraphs_is_kept_and_menus_are_not():
    decisions = _decide(MENU + BODY)
    assert decisions[len(MENU):] == [None] * len(BODY)
    assert decisions[: len(MENU)] == [NAVIGATION] * len(MENU)


def test_page_decisions_keep_the_main_text_only():
    page = MENU + TEASER + MENU + BODY + COMMENTS + FOOTER
    decisions = _decide(page)
    assert [d for d, line in zip(decisions, page, strict=True) if line in BODY] == [None] * len(BODY)
    assert decisions[len(MENU):len(MENU) + 2] == ["off_main_text"] * 2
    assert decisions[-len(FOOTER) - 1] == "comments"
    assert decisions[: len(MENU)] == [NAVIGATION] * len(MENU)


@pytest.mark.parametrize("lines, expected", [
    (MENU + BODY + FOOTER, True),
    # An article ending in a list of names is not a page, however long the list ...
    (BODY + NAMES, False),
    # ... but a menu on one side whose items name a site's sections or services makes one.
    (BODY + FOOTER, True),
    (MENU + BODY, True),
    (["Home | News | Sport | Weather", "Top stories", "Markets today", "Latest videos"] + BODY, True),
    (["Home | About", "Top stories", "Markets today", "Latest videos"] + BODY, False),
    (["• One highlight", "• Another highlight", "• A third one"] + BODY + NAMES, False),
    (MENU + FOOTER, False),  # no prose at all
])
def test_looks_like_page(lines, expected):
    assert looks_like_page(lines) is expected


def test_clean_document_removes_page_furniture_with_reasons():
    page = MENU + BODY + FOOTER
    cleaned = clean_document("\n".join(page))
    assert cleaned.body.split("\n\n") == BODY
    assert {reason for _, _, reason in cleaned.removed} == {NAVIGATION}
    assert sorted(cleaned.details) == [no for no, _, _ in cleaned.removed]
    assert all(cleaned.details.values())


def test_removed_lines_keep_the_model_features_apart_from_the_reason():
    text = "\n".join(["Advertisement"] + MENU + BODY + FOOTER)
    docs = pa.Table.from_pylist([{"doc_id": "p", "source_path": "p.txt", "source_format": "txt", "outlet": "X",
                                  "outlet_source": "manifest", "text": text}], schema=DOCUMENTS)
    rows = clean_articles(docs, SITE_LINES.empty_table()).removed_lines.to_pylist()
    assert rows[0] == {"doc_id": "p", "line_no": 1, "text": "Advertisement", "reason": "ad_slot",
                       "reason_detail": None}
    assert {r["reason"] for r in rows[1:]} == {NAVIGATION}
    assert all(r["reason_detail"] for r in rows[1:])


def test_article_text_is_left_to_the_article_rules():
    cleaned = clean_document("\n".join(BODY + NAMES))
    assert cleaned.body.split("\n\n") == BODY + NAMES
