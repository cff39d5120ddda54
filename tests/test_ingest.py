import gzip
import json

import pyarrow as pa
import pytest

from transforms.ingest.decode import repair_text
from transforms.ingest.documents import domain_of, parse_inputs
from transforms.ingest.html import extract_html, without_headline

HTML = """<html><head><title>Kalın speaks</title><meta property="og:site_name" content="Daily Example">
<meta name="author" content="Jane Doe"><meta property="article:published_time" content="2020-06-21T10:00:00+03:00">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>Kalın speaks on Libya</h1>
<p>Turkish presidential spokesman İbrahim Kalın said on Saturday that Sirte and al-Jufra should be evacuated
by Haftar's forces for a sustainable ceasefire in Libya.</p>
<p>He told Agence France-Presse in Istanbul that Turkey supports the Government of National Accord.</p>
</article><footer>© 2020 Daily Example. All rights reserved.</footer></body></html>"""


def _files(*rows):
    return pa.Table.from_pylist([{"source_path": p, "data": d, "read_error": e} for p, d, e in rows],
                                schema=pa.schema([("source_path", pa.string()), ("data", pa.large_binary()),
                                                  ("read_error", pa.string())]))


def test_text_file_with_manifest():
    parsed = parse_inputs(_files(("a/x.txt", "Title\r\nBody.".encode("cp1252"), None)),
                          {"a/x.txt": {"outlet": "Wire", "published_at": "2020-06-21"}})
    (doc,) = parsed.documents
    assert (doc["outlet"], doc["outlet_source"], doc["text"], doc["published_raw"]) == (
        "Wire", "manifest", "Title\nBody.", "2020-06-21")
    assert len(doc["doc_id"]) == 20 and not parsed.quarantine


def test_html_through_trafilatura():
    parsed = parse_inputs(_files(("p.html", HTML.encode(), None)), {})
    (doc,) = parsed.documents
    assert "İbrahim Kalın said on Saturday" in doc["text"]
    assert "All rights reserved" not in doc["text"] and "Home" not in doc["text"]
    assert doc["outlet"] == "Daily Example" and doc["outlet_source"] == "html"
    assert doc["byline"] == "Jane Doe"
    assert doc["published_raw"].startswith("2020-06-21")


def test_jsonl_records_fields_and_errors():
    lines = [
        json.dumps({"id": "r1", "text": "Body one.", "source": "Fox News", "date": "2020-01-01",
                    "authors": ["A B", "C D"], "url": "https://www.foxnews.com/x"}),
        "{broken",
        json.dumps({"html": HTML, "url": "https://news.example.org/a"}),
        json.dumps({"text": "Body two.", "url": "https://www.presstv.ir/Detail/1"}),
        json.dumps([1, 2]),
        "",
    ]
    parsed = parse_inputs(_files(("feed.jsonl", "\n".join(lines).encode(), None)), {})
    docs = {d["record_no"]: d for d in parsed.documents}
    assert docs[1]["outlet"] == "Fox News" and docs[1]["byline"] == "A B; C D" and docs[1]["external_id"] == "r1"
    assert docs[3]["outlet"] == "Daily Example" and docs[3]["source_format"] == "jsonl-html"
    assert docs[4]["outlet"] == "presstv.ir" and docs[4]["outlet_source"] == "url"
    assert [(q["record_no"], q["reason"][:21]) for q in parsed.quarantine] == [
        (2, "line 2 is not valid J"), (5, "line 5 is JSON but no")]


def test_truncated_and_corrupt_gzip():
    data = gzip.compress(("\n".join(json.dumps({"text": f"Story {i} " * 20}) for i in range(200)) + "\n").encode())
    parsed = parse_inputs(_files(("cut.jsonl.gz", data[: len(data) // 2], None),
                                 ("bad.jsonl.gz", b"\x1f\x8b\x08garbage", None)), {})
    assert 0 < len(parsed.documents) < 200
    reasons = {q["source_path"]: q["reason"] for q in parsed.quarantine}
    assert reasons["cut.jsonl.gz"].startswith("truncated gzip file")
    assert reasons["bad.jsonl.gz"].startswith("corrupt gzip data")


@pytest.mark.parametrize("path, data, error, reason", [
    ("empty.txt", b"", None, "empty file"),
    ("nav.html", b"<html><body><a href='/'>Home</a></body></html>", None, "HTML with no article text"),
    ("x.docx", b"PK\x03\x04", None, "unsupported file type"),
    ("locked.txt", None, "unreadable file: Permission denied", "unreadable file: Permission denied"),
])
def test_quarantine_reasons(path, data, error, reason):
    parsed = parse_inputs(_files((path, data, error)), {})
    assert not parsed.documents
    assert parsed.quarantine[0]["reason"].startswith(reason)


@pytest.mark.parametrize("url, domain", [
    ("https://www.presstv.ir/Detail/2020", "presstv.ir"),
    ("trtworld.com/turkey", "trtworld.com"),
    (None, None),
    ("", None),
])
def test_domain_of(url, domain):
    assert domain_of(url) == domain


@pytest.mark.parametrize("text, title, expected", [
    ("Kalın speaks on Libya\nHe said so.", "Kalın speaks on Libya", "He said so."),
    ("HS Roundup: Viera beats Rockledge\nViera won.", "High School Roundup: Viera beats Rockledge", "Viera won."),
    ("NASA adds five lander companies\nIt did.", "NASA adds five lander companies - SpaceNews.com", "It did."),
    ("Kalın said Sirte must go.\nMore.", "Kalın speaks on Libya", "Kalın said Sirte must go.\nMore."),
    ("Headline\nBody.", None, "Headline\nBody."),
])
def test_without_headline(text, title, expected):
    assert without_headline(text, title) == expected


def test_html_body_leaves_the_headline_to_the_title():
    page = extract_html(HTML)
    assert page["title"] == "Kalın speaks on Libya" and "Kalın speaks on Libya" not in page["text"]


@pytest.mark.parametrize("raw, repaired", [
    ("Ã¢â‚¬Å“Twice brokenÃ¢â‚¬Â\x9d, he said", "“Twice broken”, he said"),
    ("The â€œcafÃ©â€\x9d reopened", "The “café” reopened"),
])
def test_mojibake_is_repaired_and_recorded(raw, repaired):
    record = {"text": f"{raw}\n\nSecond paragraph of the story.", "title": raw, "outlet": "Wire"}
    files = pa.table({"source_path": ["feed.jsonl"], "data": [json.dumps(record).encode()], "read_error": [None]})
    doc = parse_inputs(files, {}).documents[0]
    assert doc["text"].startswith(repaired) and doc["title"] == repaired
    assert doc["repair"].startswith("mojibake repaired in text, title (")


@pytest.mark.parametrize("text", ["plain “curly” quotes – and a dash", "naïve café in Zürich", "Ça va? Très bien.",
                                  "Kalın and Çavuşoğlu met", "price: 5 €, 3 £"])
def test_text_without_mojibake_is_left_as_written(text):
    assert repair_text(text) == (text, None)
