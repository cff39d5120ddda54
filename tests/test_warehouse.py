"""Seeds -> Parquet -> views: contracts hold, every check returns 0 rows, the folder is relocatable."""

import os
import shutil
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from warehouse.contracts import ARTICLES, CONTRACTS, conform
from warehouse.views import run_checks


def test_every_check_returns_no_rows(seeds_db):
    results = run_checks(seeds_db)
    assert len(results) >= 5
    assert {name: rows for name, rows in results.items() if rows} == {}


def test_the_empty_body_check_finds_the_bodies_trim_leaves_empty():
    from warehouse.views import CHECKS_DIR

    bodies = ["", "   ", " \u00a0 ", " a ", "text", "\n", "\u00a0"]
    con = duckdb.connect()
    con.execute("create table stg_articles as select * from (select unnest(?) as body, 's' as source_path)",
                [bodies])
    con.execute("create or replace table stg_articles as select body as doc_id, * from stg_articles")
    found = {row[0] for row in con.execute((CHECKS_DIR / "articles_body_not_empty.sql").read_text()).fetchall()}
    assert found == {b for (b,) in con.execute("select body from stg_articles where trim(body) = ''").fetchall()}
    assert found == {"", "   ", " \u00a0 ", "\u00a0"}


def test_parquet_files_follow_their_contracts(seeds_warehouse):
    for name, contract in CONTRACTS.items():
        files = list((seeds_warehouse / "parquet" / name).glob("*.parquet"))
        assert files, name
        for path in files:
            assert pq.read_schema(path).remove_metadata() == contract, name


def test_catalog_holds_only_views(seeds_db):
    kinds = seeds_db.execute("select distinct table_type from information_schema.tables").fetchall()
    assert kinds == [("VIEW",)]
    assert seeds_db.execute("select count(*) from duckdb_tables()").fetchone() == (0,)


def test_warehouse_moved_and_opened_from_another_directory(seeds_warehouse, tmp_path, monkeypatch):
    moved = tmp_path / "elsewhere" / "copy of warehouse"
    shutil.copytree(seeds_warehouse, moved)
    other = tmp_path / "some" / "cwd"
    other.mkdir(parents=True)
    monkeypatch.chdir(other)
    con = duckdb.connect(os.path.relpath(moved / "crosswire.duckdb"), read_only=True)
    assert con.execute("select count(*) from articles").fetchone() == (5,)
    assert con.execute("select count(*) from alias_usage").fetchone()[0] > 10
    con.close()


def test_bi_tool_reads_through_sqlalchemy(seeds_warehouse):
    sqlalchemy = pytest.importorskip("sqlalchemy")
    engine = sqlalchemy.create_engine(f"duckdb:///{seeds_warehouse / 'crosswire.duckdb'}",
                                      connect_args={"read_only": True})
    with engine.connect() as conn:
        rows = conn.execute(sqlalchemy.text("select outlet, count(*) from articles group by 1 order by 1")).fetchall()
    engine.dispose()
    assert [tuple(r) for r in rows] == [("Hürriyet Daily News", 1), ("Press TV", 1), ("Republic World", 1),
                                        ("TRT World", 2)]


def test_conform_orders_casts_and_rejects_nulls():
    row = {name: None for name in ARTICLES.names}
    row.update(doc_id="d", source_path="p", source_format="txt", outlet="o", outlet_source="manifest", outlet_id="o",
               outlet_name="O", body="b", count_lines_removed=0)
    table = pa.Table.from_pylist([row]).select(list(reversed(ARTICLES.names)))
    assert conform(table, ARTICLES).schema == ARTICLES
    with pytest.raises(ValueError, match="body"):
        conform(table.set_column(table.schema.get_field_index("body"), "body", pa.array([None], pa.string())),
                ARTICLES)


def test_runs_row_describes_the_run(seeds_db):
    files, docs, articles, quarantined, version = seeds_db.execute(
        "select count_files, count_documents_read, count_articles, count_quarantined, entities_version from runs"
    ).fetchone()
    assert (files, docs, articles, quarantined) == (5, 5, 5, 0)
    assert len(version) == 12


def test_site_lines_explain_themselves(seeds_db):
    assert seeds_db.execute("select outlet, line_text, count_docs, count_outlet_docs from site_lines").fetchall() == [
        ("TRT World", "Route 6", 2, 2)]


def test_removed_lines_mart_counts_reasons(seeds_db):
    rows = dict(seeds_db.execute(
        "select reason, sum(count_lines) from removed_lines_by_reason_outlet group by 1").fetchall())
    assert rows["related_link"] == 5 and rows["twin_caption"] == 4


def test_only_the_line_model_gives_a_reason_detail(seeds_db):
    # The seeds are article texts, not whole pages: their lines are removed by rules, which need no detail.
    rows = seeds_db.execute("select reason, reason_detail from stg_removed_lines").fetchall()
    assert len(rows) >= 9
    assert [(reason, detail) for reason, detail in rows if detail is not None] == []


def test_second_run_replaces_the_catalog_and_prunes_old_files(prefect_harness, tmp_path):
    from flows.pipeline import run_folder
    from tests.conftest import copy_seeds

    inbox = copy_seeds(tmp_path / "in")
    warehouse = tmp_path / "wh"
    first = run_folder(input_dir=str(inbox), warehouse_dir=str(warehouse), batch_size=2)
    reader = duckdb.connect(str(warehouse / "crosswire.duckdb"), read_only=True)
    (inbox / "sub").mkdir()
    (inbox / "sub" / "extra.txt").write_text("A new story\n\nKalın spoke in Ankara about Libya on Sunday.")
    second = run_folder(input_dir=str(inbox), warehouse_dir=str(warehouse), batch_size=2)
    # A reader that opened the previous catalog keeps it, and its Parquet is still there.
    assert reader.execute("select count(*) from articles").fetchone() == (5,)
    reader.close()
    third = run_folder(input_dir=str(inbox), warehouse_dir=str(warehouse), batch_size=2, full=True)
    con = duckdb.connect(str(warehouse / "crosswire.duckdb"), read_only=True)
    assert con.execute("select count(*), count(distinct doc_id) from articles").fetchone() == (6, 6)
    assert con.execute("select run_id from runs").fetchone() == (third["run_id"],)
    con.close()
    runs_on_disk = {p.name.rsplit("-", 1)[0] for p in (warehouse / "parquet" / "articles").glob("*.parquet")}
    assert runs_on_disk == {second["run_id"], third["run_id"]}
    assert first["articles"] == 5 and third["articles"] == 6
    assert not list(Path(warehouse).glob(".building-*"))


def test_transient_io_errors_are_retried(prefect_harness, tmp_path, monkeypatch):
    from flows import storage
    from flows.pipeline import run_folder
    from tests.conftest import copy_seeds

    real, failures = storage.write_table, []

    def flaky(warehouse_dir, name, table, run_id, part=0):
        if name == "articles" and not failures:
            failures.append(name)
            raise OSError(5, "Input/output error")
        return real(warehouse_dir, name, table, run_id, part)

    monkeypatch.setattr(storage, "write_table", flaky)
    summary = run_folder(input_dir=str(copy_seeds(tmp_path / "in")), warehouse_dir=str(tmp_path / "wh"))
    assert failures == ["articles"] and summary["articles"] == 5
    con = duckdb.connect(str(tmp_path / "wh" / "crosswire.duckdb"), read_only=True)
    assert con.execute("select count(*) from articles").fetchone() == (5,)


def test_carry_forward_links_whole_parts_and_filters_the_others(tmp_path):
    from flows import storage

    def part(ids: list[str]) -> pa.Table:
        return pa.table({"doc_id": ids, "source_path": [f"{i}.txt" for i in ids], "record_no": [None] * len(ids)},
                        schema=storage.CONTRACTS["sources"])

    old, new = "20260101T000000000000Z-aaaaaa", "20260102T000000000000Z-bbbbbb"
    whole = storage.write_table(str(tmp_path), "sources", part(["a", "b"]), old, 0)
    storage.write_table(str(tmp_path), "sources", part(["c", "d"]), old, 1)
    copied = storage.carry_forward(str(tmp_path), ["sources"], old, new, "doc_id", pa.array(["a", "b", "d"]), 7)
    assert copied == {"sources": 3}
    linked, filtered = storage.run_parts(str(tmp_path), "sources", new)
    assert linked.endswith("-00007.parquet") and os.path.samefile(linked, whole)  # linked, not rewritten
    assert filtered.endswith("-00008.parquet")
    assert storage.read_run_table(str(tmp_path), "sources", new)["doc_id"].to_pylist() == ["a", "b", "d"]


def test_a_filtered_read_keeps_the_rows_asked_for_in_part_order(tmp_path):
    from flows import storage

    def part(ids: list[str]) -> pa.Table:
        return pa.table({"doc_id": ids, "source_path": [f"{i}.txt" for i in ids], "record_no": [None] * len(ids)},
                        schema=storage.CONTRACTS["sources"])

    run = "20260101T000000000000Z-aaaaaa"
    for number, ids in enumerate([["e", "a"], ["d", "b"], ["c"]]):
        storage.write_table(str(tmp_path), "sources", part(ids), run, number)
    found = storage.read_run_table(str(tmp_path), "sources", run, "doc_id", pa.array(["c", "a", "d"]), ["source_path"])
    assert found["source_path"].to_pylist() == ["a.txt", "d.txt", "c.txt"]


def test_texts_stream_from_the_parts_holding_the_documents_asked_for(tmp_path):
    from flows import storage

    run = "20260101T000000000000Z-aaaaaa"

    def docs(rows: list[tuple]) -> pa.Table:
        found = [{"doc_id": f"id-{p}-{r}", "source_path": p, "record_no": r, "source_format": "txt",
                  "outlet_source": "manifest", "text": t} for p, r, t in rows]
        return pa.Table.from_pylist(found, schema=CONTRACTS["documents"])

    storage.write_table(str(tmp_path), "documents", docs([("a.jsonl", 0, "A0"), ("a.jsonl", 1, "A1")]), run, 0)
    storage.write_table(str(tmp_path), "documents", docs([("b.txt", None, "B")]), run, 1)
    wanted = docs([("b.txt", None, ""), ("a.jsonl", 1, "")]).drop_columns(["text"])
    parts = [p.select(["source_path", "record_no", "text"]).to_pylist()
             for p in storage.with_texts(str(tmp_path), run, wanted)]
    assert parts == [[{"source_path": "a.jsonl", "record_no": 1, "text": "A1"}],  # the part's rows, in its order
                     [{"source_path": "b.txt", "record_no": None, "text": "B"}]]
    assert list(storage.with_texts(str(tmp_path), run, wanted.slice(0, 0))) == []


def test_views_carry_discovered_entities_under_their_resolved_ids(seeds_db):
    assert seeds_db.execute("select count(*) from mentions where starts_with(entity_id, 'n:')").fetchone() == (0,)
    assert seeds_db.execute("select count(*) from stg_mentions where starts_with(entity_id, 'n:')").fetchone()[0] > 0
    discovered = seeds_db.execute("""
        select entity_id, canonical_name, entity_type, sum(count_mentions)
        from entity_coverage where not is_curated group by all order by 1""").fetchall()
    assert ("libyan-army", "Libyan Army", "organisation", 2) in discovered
    curated = seeds_db.execute("select count(*), bool_and(is_curated) from entities where is_curated").fetchone()
    assert curated == (76, True)
