"""The whole flow on the seeds (and on bad input) under Prefect's test harness."""

import gzip
import json
import re

import duckdb
import pytest

from tests.conftest import SEEDS

# Every boilerplate line of the seeds: (file prefix, line number) -> the reason it must be removed with.
EXPECTED_REMOVED = {
    ("000", 5): "twin_caption", ("000", 6): "credit", ("000", 8): "twin_caption", ("000", 36): "site_line",
    ("001", 1): "timestamp", ("001", 5): "repeated_lede", ("001", 7): "byline", ("001", 8): "credit",
    ("001", 9): "ad_slot", ("001", 13): "related_link", ("001", 19): "related_link",
    ("001", 23): "related_link", ("001", 27): "related_link", ("001", 29): "ad_slot", ("001", 31): "timestamp",
    ("002", 3): "repeated_headline", ("002", 5): "dateline", ("002", 6): "repeated_headline",
    ("003", 5): "twin_caption", ("003", 6): "credit", ("003", 8): "twin_caption", ("003", 32): "related_link",
    ("003", 34): "loader", ("003", 58): "site_line",
    ("004", 1): "breadcrumb", ("004", 5): "photo_caption", ("004", 42): "footer", ("004", 44): "bare_url",
    ("004", 46): "share_widget", ("004", 47): "footer",
}
NAME_GROUPS = {
    "fayez-al-sarraj": ["Serraj", "Sarraj", "Fayez al Serraj", "Fayez al-Sarraj"],
    "muammar-gaddafi": ["Gaddafi", "Kadhafi", "Muammar Gaddafi"],
    "mevlut-cavusoglu": ["Cavusoglu", "Çavuşoğlu", "Mevlut Cavusoglu", "Mevlüt Çavuşoğlu"],
    "ibrahim-kalin": ["Kalın", "Kalin", "İbrahim Kalın", "Ibrahim Kalin"],
    "recep-tayyip-erdogan": ["Erdogan", "Recep Tayyip Erdogan", "Tayyip Erdogan"],
    "khalifa-haftar": ["Haftar", "Khalifa Haftar"],
    "al-jufra": ["al-Jufra", "Al-Jufra"],
    "government-of-national-accord": ["GNA", "Government of National Accord"],
    "libyan-national-army": ["LNA", "Libyan National Army"],
    "united-nations": ["UN", "U.N.", "United Nations"],
    "united-arab-emirates": ["UAE", "United Arab Emirates"],
}


def _seed_lines():
    for path in sorted(SEEDS.glob("*.txt")):
        for no, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
            if line.strip():
                yield path.name, path.name[:3], no, " ".join(line.split())


def test_every_boilerplate_line_removed_with_its_reason(seeds_db):
    rows = seeds_db.execute("""
        select s.source_path, r.line_no, r.reason, r.text
        from removed_lines r join sources s using (doc_id)
    """).fetchall()
    removed = {(path[:3], line_no): reason for path, line_no, reason, _ in rows}
    assert removed == EXPECTED_REMOVED


def test_boilerplate_absent_from_bodies_and_every_other_line_present(seeds_db):
    bodies = dict(seeds_db.execute("select source_path, body from articles").fetchall())
    for name, prefix, no, line in _seed_lines():
        body_lines = {" ".join(b.split()) for b in bodies[name].split("\n\n")}
        if (prefix, no) in EXPECTED_REMOVED:
            assert line not in body_lines or line.startswith("Turkey, Russia continue"), (name, no, line)
        else:
            assert line in body_lines, (name, no, line)


def test_repeated_headline_kept_once(seeds_db):
    (body,) = seeds_db.execute("select body from articles where source_path like '002%'").fetchone()
    assert body.count("Turkey, Russia continue talks for truce in Libya") == 1


def test_metadata_moved_out_of_bodies(seeds_db):
    rows = {r[0][:3]: r[1:] for r in seeds_db.execute(
        "select source_path, outlet, byline, dateline, updated_at, published_at from articles").fetchall()}
    assert rows["001"][1] == "Vishal Tiwari"
    assert str(rows["001"][3].astimezone(tz=None).isoformat()).startswith("2020-01-12")
    (updated,) = seeds_db.execute(
        "select strftime(timezone('UTC', updated_at), '%Y-%m-%d %H:%M') from articles where source_path like '001%'"
    ).fetchone()
    assert updated == "2020-01-12 07:12"
    assert rows["002"][2] == "ANKARA"
    assert {r[0] for r in rows.values()} == {"TRT World", "Republic World", "Hürriyet Daily News", "Press TV"}


@pytest.mark.parametrize("entity_id, variants", NAME_GROUPS.items())
def test_name_group_is_one_entity(seeds_db, entity_id, variants):
    bodies = dict(seeds_db.execute("select doc_id, body from articles").fetchall())
    spans = {}
    for doc_id, eid, start, end in seeds_db.execute(
            "select doc_id, entity_id, start_char, end_char from mentions").fetchall():
        spans.setdefault(doc_id, []).append((eid, start, end))
    for variant in variants:
        pattern = re.compile(rf"(?<!\w){re.escape(variant)}(?!\w)")
        hits = [(d, m.start(), m.end()) for d, body in bodies.items() for m in pattern.finditer(body)]
        assert hits, f"{variant!r} does not occur in the seeds' bodies"
        for doc_id, start, end in hits:
            owners = {eid for eid, s, e in spans.get(doc_id, []) if s <= start and end <= e}
            assert owners == {entity_id}, (variant, doc_id, start, owners)


def test_alias_usage_shows_outlet_spellings(seeds_db):
    rows = seeds_db.execute("""
        select outlet_name, list(distinct spelling order by spelling)
        from alias_usage where entity_id = 'fayez-al-sarraj' group by outlet_name
    """).fetchall()
    spellings = dict(rows)
    assert spellings["Hürriyet Daily News"] == ["Sarraj"]
    assert spellings["Press TV"] == ["Sarraj"]
    assert spellings["TRT World"] == ["Serraj"]


def test_relatives_and_subheads_stay_apart(seeds_db):
    subheads = seeds_db.execute(
        "select count(*) from articles where body like '%Talks with Russia on Idlib%'").fetchone()
    assert subheads == (1,)
    assert seeds_db.execute("select count(*) from mentions where entity_id = 'saddam-haftar'").fetchone() == (0,)


def test_entity_coverage_has_outlet_rows(seeds_db):
    rows = dict(seeds_db.execute("""
        select outlet_name, count_articles from entity_coverage where entity_id = 'khalifa-haftar'
    """).fetchall())
    assert rows == {"TRT World": 2, "Republic World": 1, "Hürriyet Daily News": 1, "Press TV": 1}


def test_every_mart_names_its_outlet_the_same_way(seeds_db):
    marts = [r[0] for r in seeds_db.execute(
        "select table_name from information_schema.tables where table_name not like 'stg_%' and table_name in "
        "('entity_coverage', 'alias_usage', 'removed_lines_by_reason_outlet', 'entity_descriptors', "
        "'figures_across_outlets', 'int_entity_mentions')").fetchall()]
    assert len(marts) == 6
    for mart in marts:
        columns = {r[0] for r in seeds_db.execute(f"describe {mart}").fetchall()}
        assert {"outlet_id", "outlet_name"} <= columns and "outlet" not in columns, mart


@pytest.fixture(scope="module")
def bad_input_warehouse(prefect_harness, tmp_path_factory):
    from flows.pipeline import run_folder

    folder = tmp_path_factory.mktemp("bad-input")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "undecodable.txt").write_bytes(b"caf\xe9 \x81\x8d\x8f\x90\x9d " * 3)
    (folder / "nav.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    good = {"id": "a1", "text": "Kalın said the GNA must hold Sirte.\n\nHaftar did not answer.", "outlet": "Wire"}
    (folder / "feed.jsonl").write_text(json.dumps(good) + "\n{not json\n" + json.dumps({"title": "no body"}) + "\n")
    records = [json.dumps({"text": f"Erdogan spoke in Ankara about Libya: statement {i ** 7}."}) for i in range(50)]
    with gzip.open(folder / "cut.jsonl.gz", "wb") as fh:
        fh.write("\n".join(records).encode() + b"\n")
    data = (folder / "cut.jsonl.gz").read_bytes()
    (folder / "cut.jsonl.gz").write_bytes(data[: len(data) - 12])
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4")
    from tests.test_ingest import HTML
    (folder / "site" / "deep").mkdir(parents=True)
    (folder / "site" / "deep" / "page.html").write_bytes(HTML.encode("utf-8"))
    warehouse = tmp_path_factory.mktemp("bad-warehouse")
    run_folder(input_dir=str(folder), warehouse_dir=str(warehouse))
    return warehouse


def test_bad_input_is_quarantined_and_the_run_goes_on(bad_input_warehouse):
    con = duckdb.connect(str(bad_input_warehouse / "crosswire.duckdb"), read_only=True)
    reasons = dict(con.execute(
        "select source_path || coalesce(':' || record_no, ''), reason from quarantine").fetchall())
    assert reasons["empty.txt"] == "empty file"
    assert reasons["binary.txt"] == "binary content, not text"
    assert reasons["undecodable.txt"].startswith("undecodable bytes: no character set fits")
    assert reasons["nav.html"] == "HTML with no article text"
    assert reasons["feed.jsonl:2"].startswith("line 2 is not valid JSON")
    assert reasons["feed.jsonl:3"] == "line 3 has no 'text' or 'html' field with content"
    assert reasons["cut.jsonl.gz"].startswith("truncated gzip file")
    assert reasons["notes.pdf"].startswith("unsupported file type")
    loaded = dict(con.execute("select source_path, count(*) from articles group by all").fetchall())
    assert loaded["feed.jsonl"] == 1
    assert 40 <= loaded["cut.jsonl.gz"] < 50  # the complete records before the cut
    assert set(loaded) == {"feed.jsonl", "cut.jsonl.gz", "site/deep/page.html"}
    assert con.execute("select outlet, byline from articles where source_path like 'site/%'").fetchone() == (
        "Daily Example", "Jane Doe")
    assert con.execute("select outlet from articles where source_path = 'feed.jsonl'").fetchone() == ("Wire",)


def _artifacts_of_run(run_id: str) -> dict:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    with get_client(sync_client=True) as client:
        found = client.read_artifacts(artifact_filter=ArtifactFilter(key=ArtifactFilterKey(like_="crosswire-run-")))
    return {a.key: a for a in found if run_id in (a.description or "")}


def test_run_publishes_summary_artifacts(seeds_db):
    (run_id,) = seeds_db.execute("select run_id from runs").fetchone()
    artifacts = _artifacts_of_run(run_id)
    table, digest = artifacts["crosswire-run-summary"], artifacts["crosswire-run-digest"]
    rows = json.loads(table.data) if isinstance(table.data, str) else table.data
    counts = {(r["section"], r["item"]): r["count"] for r in rows}
    assert counts[("documents", "articles loaded")] == 5
    assert counts[("lines removed by reason", "related_link")] == 5
    assert "## lines removed by reason" in digest.data and "## alias suggestions" in digest.data


EXTRA_STORY = ("Kyiv talks\n\nTalks with Zelensky went on while Zelenskiy waited in Kyiv. Aides to Zelenskiy said "
               "Zelensky agreed, and Zelensky left. In Berlin, Angela Merkel spoke, and Merkell said more; allies of "
               "Merkell left, while Merkell stayed.\n")


def _suggestions(warehouse):
    con = duckdb.connect(str(warehouse / "crosswire.duckdb"), read_only=True)
    rows = con.execute("select suggestion_id, kind, entity_id, spellings from alias_suggestions").fetchall()
    found = dict(con.execute("select entity_id, count(*) from mentions group by all").fetchall())
    con.close()
    return rows, found


def test_accepted_and_rejected_suggestions_change_the_next_run(prefect_harness, tmp_path):
    import shutil

    from flows.cli import main
    from flows.pipeline import run_folder
    from tests.conftest import ROOT, copy_seeds

    inbox = copy_seeds(tmp_path / "in")
    (inbox / "extra.txt").write_text(EXTRA_STORY)
    entities = tmp_path / "table" / "entities.csv"
    entities.parent.mkdir()
    shutil.copy(ROOT / "seeds" / "entities.csv", entities)
    warehouse = tmp_path / "wh"
    run = {"input_dir": str(inbox), "warehouse_dir": str(warehouse), "entities_file": str(entities)}
    run_folder(**run)
    suggestions, mentions = _suggestions(warehouse)
    by_spelling = {tuple(s[3]): s for s in suggestions}
    zelensky, merkell = by_spelling[("Zelensky", "Zelenskiy")], by_spelling[("Merkell",)]
    assert zelensky[1:3] == ("new_entity", None) and merkell[1:3] == ("new_spelling", "angela-merkel")
    assert "zelenskiy" not in mentions and "zelensky" not in mentions
    assert main(["aliases", "accept", zelensky[0][:8], "--warehouse", str(warehouse), "--entities", str(entities)]) == 0
    assert main(["aliases", "reject", merkell[0], "--warehouse", str(warehouse), "--entities", str(entities)]) == 0
    run_folder(**run)
    suggestions, after = _suggestions(warehouse)
    new_id = next(e for e in after if e.startswith("zelensk"))
    assert after[new_id] == 5
    assert after["angela-merkel"] == mentions["angela-merkel"]
    assert suggestions == []
    decisions = (entities.parent / "alias_decisions.csv").read_text().splitlines()
    assert [d.split(",")[1] for d in decisions[1:]] == ["accepted", "rejected"]
    assert (ROOT / "seeds" / "entities.csv").read_text() != entities.read_text()


def test_a_missing_unit_is_null_in_figures_and_across_outlets(seeds_db):
    assert seeds_db.execute("select count(*) from figures_across_outlets where unit = ''").fetchone() == (0,)
    across = {r[0] for r in seeds_db.execute("select distinct unit from figures_across_outlets").fetchall()}
    assert across <= {r[0] for r in seeds_db.execute("select distinct unit from figures").fetchall()}
