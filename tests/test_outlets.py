import pyarrow as pa
import pytest

from transforms.outlets import build_outlet_index, normalise_outlets, resolve_outlet

INDEX = build_outlet_index([
    {"outlet_id": "fox-news", "canonical_name": "Fox News", "aliases": "Fox News Channel", "domains": "foxnews.com"},
    {"outlet_id": "press-tv", "canonical_name": "Press TV", "aliases": "", "domains": "presstv.ir"},
])


@pytest.mark.parametrize("label, url, expected", [
    ("Fox News", None, ("fox-news", "Fox News")),
    ("Fox News (Online)", None, ("fox-news", "Fox News")),
    ("Fox Online News", None, ("fox-news", "Fox News")),
    ("Guest Writer - Right", "https://www.foxnews.com/opinion/x", ("guest-writer-right", "Guest Writer - Right")),
    ("Kalamazoo Gazette", "https://www.nytimes.com/x", ("kalamazoo-gazette", "Kalamazoo Gazette")),
    ("", "https://www.foxnews.com/opinion/x", ("fox-news", "Fox News")),
    ("presstv.ir", "https://www.presstv.ir/Detail/1", ("press-tv", "Press TV")),
    ("CNN (Web News)", "https://edition.cnn.com/x", ("cnn", "CNN")),
    ("New York Times - News", None, ("new-york-times", "New York Times")),
    (None, None, ("unknown", "unknown")),
])
def test_resolve_outlet(label, url, expected):
    assert resolve_outlet(label, url, INDEX) == expected


def test_normalise_outlets_keeps_the_label():
    docs = pa.table({"outlet": ["Fox Online News", "Wire"], "url": [None, None]})
    out = normalise_outlets(docs, INDEX)
    assert out.select(["outlet", "outlet_id", "outlet_name"]).to_pylist() == [
        {"outlet": "Fox Online News", "outlet_id": "fox-news", "outlet_name": "Fox News"},
        {"outlet": "Wire", "outlet_id": "wire", "outlet_name": "Wire"},
    ]
