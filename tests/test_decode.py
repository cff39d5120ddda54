import codecs

import pytest

from transforms.ingest.decode import decode_bytes, normalise_text, text_problem

TEXT = "Çavuşoğlu and Kalın met “İbrahim” – café"


@pytest.mark.parametrize("data, encoding", [
    (TEXT.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
    (TEXT.encode("utf-16"), "utf-16"),
    ("Kalın said".encode("utf-16-le"), None),
])
def test_unicode_encodings(data, encoding):
    decoded = decode_bytes(data)
    assert decoded.error is None
    assert decoded.text in (TEXT, "Kalın said")
    if encoding:
        assert decoded.encoding == encoding


@pytest.mark.parametrize("text, encoding", [
    ("The café’s “naïve” résumé — a test of Western text in Paris", "cp1252"),
    ("Le café naïve résumé à la française, déjà vu", "latin-1"),
])
def test_single_byte_encodings(text, encoding):
    decoded = decode_bytes(text.encode(encoding))
    assert decoded.text == text


@pytest.mark.parametrize("data, reason", [
    (b"", "empty file"),
    (b"  \n\n ", "empty file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 30, "binary content, not text"),
    (b"caf\xe9 \x81\x8d\x8f\x90\x9d " * 3, "undecodable bytes: no character set fits"),
    (b"\xa5" * 4096, "binary content, not text"),  # cp949 would read it as 2,048 copies of "ⅴ"
    (b"\x00" * 4096, "binary content, not text"),
    (b"a" * 4096, "binary content, not text (one character repeated"),
    (b"\xee\x80\x80" * 500, "binary content, not text (control or private-use characters"),
    (("Ж" * 3000 + " слово").encode("utf-8"), "binary content, not text (one character repeated"),
])
def test_unreadable(data, reason):
    decoded = decode_bytes(data)
    assert decoded.text is None and decoded.error.startswith(reason)


def test_normalise_text_unifies_newlines_and_composes():
    assert normalise_text("a\r\nb\rc\u2028d") == "a\nb\nc\nd"
    assert normalise_text("Kalı\u0307n\x00") == "Kalı\u0307n"
    assert normalise_text("Cafe\u0301") == "Café"


@pytest.mark.parametrize("text, problem", [
    ("Libya's parliament met in Tobruk on Monday, officials said.", None),
    ("利比亚议会星期一在图卜鲁格开会，官员们说。" * 5, None),  # no spaces, and still words
    ("2019 | 2020 | 2021\n" * 20, "too few letters"),
    ("x" * 500, "one character repeated"),
    ("abcdefghijklmnopqrstuvwxyz" * 40, "no words: too little whitespace"),
])
def test_text_problem(text, problem):
    assert text_problem(text) == problem
