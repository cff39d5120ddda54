"""The bad-input catalogue: every kind of awkward input becomes an article or a quarantine row with a reason."""

import codecs
import gzip
import json
import os

import duckdb
import pyarrow as pa
import pytest

from flows import storage
from transforms.ingest.documents import parse_inputs

STORY = "Kalın said the GNA must hold Sirte.\n\nHaftar’s forces withdrew from al-Jufra on Monday, officials said."


def _catalogue(folder):
    """Write one file per case; -> {case: relative path}."""
    cases = {
        "empty": ("empty.txt", b""),
        "binary": ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 40),
        "nul bytes": ("nul.txt", ("NUL story\n\n" + STORY + "\x00 and more.").encode()),
        "cp1252": ("cp1252.txt", "Café story\n\nThe “café” reopened in Tripoli – officials said.".encode("cp1252")),
        "latin-1": ("latin1.txt", "Résumé story\n\nLe café à Tripoli a rouvert, déjà.".encode("latin-1")),
        "utf-16 bom": ("utf16.txt", ("UTF-16 story\n\n" + STORY).encode("utf-16")),
        "utf-8 bom": ("utf8bom.txt", codecs.BOM_UTF8 + ("BOM story\n\n" + STORY).encode()),
        "cr newlines": ("cr.txt", b"CR story\r\rFirst paragraph here.\r\rSecond paragraph here."),
        "crlf newlines": ("crlf.txt", b"CRLF story\r\n\r\nFirst paragraph.\r\n\r\nSecond paragraph."),
        "1 MB line": ("long-line.txt", ("Long line story\n\n" + "word " * 200_000).encode()),
        "no article": ("nav.html", b"<html><body><nav><a href='/'>Home</a> <a href='/x'>World</a></nav></body></html>"),
        "malformed html": ("broken.html", ("<html><body><div><p>" + STORY.replace("\n\n", "<p>") * 3
                                           + "<div><span>unclosed <b>tags").encode()),
        "jsonl broken line": ("feed.jsonl", (json.dumps({"text": "Feed story\n\n" + STORY, "outlet": "Wire"})
                                             + "\n{oops\n").encode()),
        "spaces and non-ascii": ("dossier é/été 2020 story.txt", ("Summer story\n\n" + STORY + " Summer.").encode()),
        "mojibake": ("mojibake.txt",
                     "Mojibake story\n\nThe â€œcafÃ©â€\x9d reopened in Tripoli, officials said.".encode()),
        "duplicate content a": ("dup/a.txt", ("Twin story\n\n" + STORY + " Twin.").encode()),
        "duplicate content b": ("dup/b.txt", ("Twin story\n\n" + STORY + " Twin.").encode()),
    }
    for path, data in cases.values():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_bytes(data)
    lines = "\n".join(json.dumps({"text": f"Gz story {i}\n\nErdogan spoke on day {i ** 5}."}) for i in range(60))
    data = gzip.compress(lines.encode())
    (folder / "cut.jsonl.gz").write_bytes(data[: len(data) * 2 // 3])
    cases["truncated gz"] = ("cut.jsonl.gz", None)
    os.symlink("loop-b.txt", folder / "loop-a.txt")
    os.symlink("loop-a.txt", folder / "loop-b.txt")
    cases["symlink loop"] = ("loop-a.txt", None)
    (folder / "manifest.csv").write_text("path,outlet,colour\ncp1252.txt,Example Post,red\nghost.txt,Nobody,blue\n")
    return {case: path for case, (path, _) in cases.items()}


@pytest.fixture(scope="module")
def catalogue(prefect_harness, tmp_path_factory):
    from flows.pipeline import run_folder

    folder = tmp_path_factory.mktemp("catalogue")
    paths = _catalogue(folder)
    warehouse = tmp_path_factory.mktemp("catalogue-wh")
    run_folder(input_dir=str(folder), warehouse_dir=str(warehouse))
    con = duckdb.connect(str(warehouse / "crosswire.duckdb"), read_only=True)
    yield paths, con
    con.close()


def _quarantine(con):
    return dict(con.execute("select source_path, reason from quarantine where record_no is null").fetchall())


def _body(con, path):
    row = con.execute("select a.body from articles a join sources s using (doc_id) where s.source_path = ?",
                      [path]).fetchone()
    return row and row[0]


@pytest.mark.parametrize("case, reason", [
    ("empty", "empty file"),
    ("binary", "binary content, not text"),
    ("no article", "HTML with no article text"),
    ("truncated gz", "truncated gzip file"),
    ("symlink loop", "unreadable file: Too many levels of symbolic links"),
])
def test_quarantined_with_reason(catalogue, case, reason):
    paths, con = catalogue
    assert _quarantine(con)[paths[case]].startswith(reason)


@pytest.mark.parametrize("case, text", [
    ("nul bytes", "withdrew from al-Jufra on Monday, officials said. and more."),
    ("cp1252", "The “café” reopened in Tripoli – officials said."),
    ("latin-1", "Le café à Tripoli a rouvert, déjà."),
    ("utf-16 bom", "Kalın said the GNA must hold Sirte."),
    ("utf-8 bom", "Kalın said the GNA must hold Sirte."),
    ("cr newlines", "First paragraph here.\n\nSecond paragraph here."),
    ("crlf newlines", "First paragraph.\n\nSecond paragraph."),
    ("malformed html", "Kalın said the GNA must hold Sirte."),
    ("spaces and non-ascii", "Summer."),
])
def test_loaded_with_clean_text(catalogue, case, text):
    paths, con = catalogue
    body = _body(con, paths[case])
    assert body is not None and text in body
    assert "\x00" not in body and "\r" not in body and "\ufeff" not in body


def test_mojibake_is_repaired_and_the_repair_recorded(catalogue):
    paths, con = catalogue
    body, repair = con.execute("select a.body, a.repair from articles a join sources s using (doc_id) "
                               "where s.source_path = ?", [paths["mojibake"]]).fetchone()
    assert "The “café” reopened in Tripoli" in body and repair.startswith("mojibake repaired in text")
    assert con.execute("select count(*) from articles where repair is not null").fetchone() == (1,)


def test_a_one_megabyte_line_loads(catalogue):
    paths, con = catalogue
    assert len(_body(con, paths["1 MB line"])) > 1_000_000


def test_broken_jsonl_line_quarantined_and_the_rest_loaded(catalogue):
    paths, con = catalogue
    reasons = dict(con.execute("select record_no, reason from quarantine where source_path = ?",
                               [paths["jsonl broken line"]]).fetchall())
    assert reasons[2].startswith("line 2 is not valid JSON")
    assert "Kalın said" in _body(con, paths["jsonl broken line"])


def test_truncated_gzip_keeps_the_records_before_the_cut(catalogue):
    _, con = catalogue
    (n,) = con.execute("select count(*) from sources where source_path = 'cut.jsonl.gz'").fetchone()
    assert 20 <= n < 60


def test_manifest_missing_file_and_unknown_column(catalogue):
    paths, con = catalogue
    assert _quarantine(con)["ghost.txt"] == "listed in the manifest, but no such file"
    outlet = con.execute("select outlet from articles where source_path = ?", [paths["cp1252"]]).fetchone()
    assert outlet == ("Example Post",)


def test_same_content_under_two_names_is_one_article_with_both_paths(catalogue):
    paths, con = catalogue
    rows = con.execute("""
        select count(distinct doc_id), list(source_path order by source_path) from sources
        where source_path in (?, ?)""", [paths["duplicate content a"], paths["duplicate content b"]]).fetchone()
    assert rows == (1, ["dup/a.txt", "dup/b.txt"])


def test_every_input_file_is_an_article_source_or_quarantined(catalogue, tmp_path):
    paths, con = catalogue
    sources = {r[0] for r in con.execute("select source_path from sources").fetchall()}
    quarantined = {r[0] for r in con.execute("select source_path from quarantine").fetchall()}
    for case, path in paths.items():
        assert path in sources or path in quarantined, case


def test_unreadable_file_is_quarantined(tmp_path, monkeypatch):
    (tmp_path / "secret.txt").write_text("hidden")
    real = type(tmp_path).read_bytes

    def deny(self):
        if self.name == "secret.txt":
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(type(tmp_path), "read_bytes", deny)
    files = storage.read_files(str(tmp_path), ["secret.txt"])
    parsed = parse_inputs(files, {})
    assert parsed.quarantine == [{"source_path": "secret.txt", "record_no": None,
                                  "reason": "unreadable file: Permission denied"}]


@pytest.mark.slow
def test_a_twenty_megabyte_file_loads(prefect_harness, tmp_path):
    from flows.pipeline import run_folder

    line = "Paragraph {}: officials in Tripoli said talks on day {} had made progress."
    paragraphs = [line.format(i, i) for i in range(260_000)]
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "big.txt").write_text("Big story\n\n" + "\n\n".join(paragraphs))
    assert (tmp_path / "in" / "big.txt").stat().st_size > 20_000_000
    summary = run_folder(input_dir=str(tmp_path / "in"), warehouse_dir=str(tmp_path / "wh"))
    assert summary["articles"] == 1


def test_data_checks_failing_keep_the_previous_catalog(seeds_warehouse, tmp_path):
    import shutil

    warehouse = tmp_path / "wh"
    shutil.copytree(seeds_warehouse, warehouse)
    con = duckdb.connect(str(warehouse / "crosswire.duckdb"), read_only=True)
    tables = {name: con.sql(f"select * from {name}").to_arrow_table() for name in storage.CONTRACTS}
    con.close()
    run_id = "20300101T000000000000Z-bad000"
    mentions = tables["mentions"]
    tables["mentions"] = mentions.set_column(mentions.schema.get_field_index("end_char"), "end_char",
                                             pa.array([10**6] * mentions.num_rows, pa.int32()))
    for name, table in tables.items():
        storage.write_table(str(warehouse), name, table, run_id)
    failures = storage.publish(str(warehouse), run_id)
    assert failures == {"mentions_inside_body": mentions.num_rows}
    assert not list((warehouse / "parquet").glob(f"*/{run_id}-*"))
    con = duckdb.connect(str(warehouse / "crosswire.duckdb"), read_only=True)
    assert con.execute("select count(*) from mentions where end_char > 100000").fetchone() == (0,)


@pytest.mark.parametrize("files", [{}, {"feed.jsonl.gz": b"\x1f\x8b\x08\x00 not really gzip"},
                                   {"empty.txt": b"", "image.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 40}],
                         ids=["empty folder", "only a corrupt gz", "only bad files"])
def test_an_inbox_with_no_readable_document_publishes_an_empty_catalog(prefect_harness, tmp_path, files):
    from flows.pipeline import run_folder

    inbox = tmp_path / "in"
    inbox.mkdir()
    for name, data in files.items():
        (inbox / name).write_bytes(data)
    summary = run_folder(input_dir=str(inbox), warehouse_dir=str(tmp_path / "wh"))
    assert summary["articles"] == 0 and summary["quarantined"] == len(files)
    con = duckdb.connect(str(tmp_path / "wh" / "crosswire.duckdb"), read_only=True)
    for name in ("articles", "mentions", "quotes", "entity_coverage", "shared_quotes", "story_clusters"):
        assert con.execute(f"select count(*) from {name}").fetchone() == (0,), name
    assert sorted(con.execute("select source_path from quarantine").fetchall()) == [(n,) for n in sorted(files)]
    assert con.execute("select count_articles, count_quarantined from runs").fetchone() == (0, len(files))
    # a second run on the same (still empty) inbox finds nothing new and keeps the catalog
    assert run_folder(input_dir=str(inbox), warehouse_dir=str(tmp_path / "wh"))["articles"] == 0
