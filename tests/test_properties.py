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
