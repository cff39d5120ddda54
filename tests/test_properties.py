"""Properties of the transforms on arbitrary text: no exception, and cleaning a cleaned body changes nothing."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transforms.clean.articles import clean_document
from transforms.ingest.decode import decode_bytes
from transforms.names.matching import build_index, find_names

INDEX = build_index([
    {"entity_id": "haftar", "canonical_name": "Khalifa Haftar", "entity_type": "person", "aliases": []},
    {"entity_id": "un", "canonical_name": "United Nations", "entity_type": "organisation", "aliases": ["U.N."]},
])
LINES = st.lists(st.one_of(
    st.text(max_size=80),
    st.sampled_from(["Advertisement", "READ MORE: x", "Khalifa Haftar said.", "", "U.N.", "By Jane Doe",
                     "Updated June 5, 2020 at 10:00 IST", "ANKARA", "Title", "Route 6", "www.example.com"]),
), max_size=25)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(st.binary(max_size=2000))
def test_decode_never_raises(data):
    decoded = decode_bytes(data)
    assert (decoded.text is None) != (decoded.error is None)


# Degenerate files: one byte repeated (any byte, any length), zero-filled, a short pattern repeated, random bytes.
DEGENERATE = st.one_of(
    st.builds(lambda b, n: bytes([b]) * n, st.integers(0, 255), st.integers(64, 20_000)),
    st.builds(lambda n: bytes(n), st.integers(1, 20_000)),
    st.builds(lambda p, n: p * n, st.binary(min_size=1, max_size=3), st.integers(64, 4_000)),
    st.binary(min_size=256, max_size=8192).filter(lambda b: len(set(b)) > 64),
)


@FAST
@given(DEGENERATE)
def test_degenerate_bytes_are_never_an_article(data):
    decoded = decode_bytes(data)
    assert decoded.text is None, (data[:16], len(data), decoded.encoding, decoded.text[:40])
    assert decoded.error.startswith(("binary content, not text", "undecodable bytes", "empty file"))


@FAST
@given(st.sampled_from(["Libya's parliament met in Tobruk on Monday, officials said.",
                        "Le parlement libyen s'est réuni à Tobrouk lundi, selon des responsables.",
                        "Парламент Ливии собрался в Тобруке в понедельник, сообщили официальные лица.",
                        "البرلمان الليبي اجتمع في طبرق يوم الاثنين، حسبما قال مسؤولون.",
                        "利比亚议会星期一在图卜鲁格开会，官员们说。",
                        "リビア議会は月曜日にトブルクで会合を開いたと当局者が述べた。"]),
       st.integers(1, 40), st.sampled_from(["utf-8", "utf-16", "utf-8-sig"]))
def test_text_in_any_language_still_decodes(sentence, repeat, encoding):
    text = "\n\n".join([sentence] * repeat)
    decoded = decode_bytes(text.encode(encoding))
    assert decoded.text == text, decoded.error


@FAST
@given(LINES)
def test_clean_never_raises_and_is_idempotent(lines):
    text = "\n".join(lines)
    body = clean_document(text, frozenset({"route 6"}), "Example").body
    assert clean_document(body, frozenset({"route 6"}), "Example").body == body


@FAST
@given(st.text(max_size=400))
def test_mentions_point_into_the_text(text):
    mentions, candidates = find_names(text, INDEX)
    for found in mentions + candidates:
        assert text[found.start_char:found.end_char] == found.surface
