import pyarrow as pa
import pytest

from transforms.ingest.outlets import (
    build_outlet_index,
    host_owners,
    is_byline_label,
    normalise_outlets,
    resolve_outlet,
)

INDEX = build_outlet_index([
    {"outlet_id": "fox-news", "canonical_name": "Fox News", "aliases": "Fox News Channel", "domains": "foxnews.com"},
    {"outlet_id": "press-tv", "canonical_name": "Press TV", "aliases": "", "domains": "presstv.ir"},
])


@pytest.mark.parametrize("label, url, expected", [
    ("Fox News", None, ("fox-news", "Fox News")),
    ("Fox News (Online)", None, ("fox-news", "Fox News")),
    ("Fox Online News", None, ("fox-news", "Fox News")),
    # a column's or a columnist's label on a site the outlet table knows is that outlet (the label stays in `outlet`)
    ("Guest Writer - Right", "https://www.foxnews.com/opinion/x", ("fox-news", "Fox News")),
    ("John Stossel", "http://www.foxnews.com/opinion/2013/10/09/x.html", ("fox-news", "Fox News")),
    ("Allysia Finley (Wall Street Journal)", "https://presstv.ir/x", ("press-tv", "Press TV")),
    ("Guest Writer - Right", None, ("guest-writer-right", "Guest Writer - Right")),  # no site: nothing to go by
    ("Ann Coulter", "https://townhall.com/columnists/x", ("ann-coulter", "Ann Coulter")),  # a site no one knows
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


@pytest.mark.parametrize("bucket_docs", [20_000, 1], ids=["in memory", "spilled in buckets"])
def test_a_document_without_outlet_gets_the_one_whose_site_lines_it_carries(prefect_harness, tmp_path, monkeypatch,
                                                                            bucket_docs):
    import duckdb

    from flows import tasks
    from flows.pipeline import run_folder

    monkeypatch.setattr(tasks, "SITE_LINE_BUCKET_DOCS", bucket_docs)

    inbox = tmp_path / "in"
    inbox.mkdir()
    leads = {"a": "The harbour reopened to cargo ships on Monday after three weeks of repairs to the quay.",
             "b": "Voters in the northern province went to the polls peacefully, officials said on Sunday.",
             "c": "Heavy rain soaked the valley farms this spring, raising hopes for a larger wheat harvest."}
    for name, lead in leads.items():
        (inbox / f"{name}.txt").write_text(f"Title {name}\n{lead}\n{lead.upper()}\nThe Example Post weekend edition")
    (inbox / "manifest.csv").write_text("path,outlet\na.txt,Example Post\nb.txt,Example Post\n")
    run_folder(input_dir=str(inbox), warehouse_dir=str(tmp_path / "wh"))
    con = duckdb.connect(str(tmp_path / "wh" / "crosswire.duckdb"), read_only=True)
    found = con.execute("select source_path, outlet_source from articles order by source_path").fetchall()
    removed = con.execute("select count(*) from removed_lines where reason = 'site_line'").fetchone()[0]
    con.close()
    assert found == [("a.txt", "manifest"), ("b.txt", "manifest"), ("c.txt", "signature")]
    assert removed == 3  # the edition line goes from c too, once c is known to be the Example Post's


@pytest.mark.parametrize("label, expected", [
    ("Ann Coulter", True), ("S.E. Cupp", True), ("Bill O'Reilly", True), ("Michael Brendan Dougherty", True),
    ("John Gable, AllSides Founder", True), ("Guest Writer - Left", True), ("Opinion", True),
    ("Editorial Board", True), ("Reason", False), ("USA TODAY", False), ("CNN (Web News)", False),
    ("The Daily Caller", False), ("Yahoo! The 360", False),
])
def test_is_byline_label(label, expected):
    assert is_byline_label(label) is expected


def test_bylines_go_to_the_outlet_that_owns_their_site_in_the_corpus():
    rows = [("Townhall", "https://townhall.com/tipsheet/a"), ("Townhall", "https://townhall.com/tipsheet/b"),
            ("Ann Coulter", "https://townhall.com/columnists/anncoulter/c"),
            ("Guest Writer - Right", "https://townhall.com/columnists/d"),
            ("Washington Times", "https://www.washingtontimes.com/news/e"),
            # a person-shaped label that is itself a site's own outlet is a publication wherever it appears
            ("Washington Times", "https://townhall.com/syndicated/f"),
            ("Mother Jones", "https://www.motherjones.com/g"),  # the site's own name
            ("Rand Paul", "https://unknown-blog.example/h")]   # a site with no owner
    docs = pa.table({"outlet": [r[0] for r in rows], "url": [r[1] for r in rows]})
    out = normalise_outlets(docs, INDEX)
    assert out["outlet_name"].to_pylist() == ["Townhall", "Townhall", "Townhall", "Townhall", "Washington Times",
                                              "Washington Times", "Mother Jones", "Rand Paul"]
    assert out["outlet"].to_pylist() == [r[0] for r in rows]  # the label as found stays


def test_host_owners_need_half_of_a_hosts_articles():
    labels = ["A Post", "A Post", "B Daily", "C Wire", "Guest Writer", "Guest Writer", "Guest Writer"]
    urls = ["http://a.example/1", "http://a.example/2", "http://a.example/3", "http://c.example/1",
            "http://c.example/2", "http://c.example/3", "http://c.example/4"]
    assert host_owners(labels, urls) == {"a.example": "A Post", "c.example": "C Wire"}  # columns own no site
