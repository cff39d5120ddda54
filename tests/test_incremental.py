"""Incremental runs: nothing new -> the catalog stays; new files -> only they are analysed, tables as from scratch."""

import shutil
import subprocess
import sys

import duckdb
import pyarrow as pa
import pytest

from flows import intake
from flows.settings import SETTINGS
from tests.conftest import ROOT, SEEDS, copy_seeds
from transforms.clean.site_lines import learn_doc_site_lines
from transforms.runs.batch import analysis_keys, unchanged_ids
from transforms.runs.bookkeeping import plan_reads
from warehouse.contracts import CONTRACTS, INPUT_FILES

NEW_STORY = ("Turkey and Russia meet again\n\nİbrahim Kalın said on Monday that Ankara would keep supporting the GNA "
             "in Tripoli. “We will stay as long as we are asked,” Kalın told reporters.\n\nAdvertisement\n\n"
             "More than 2,000 fighters left Sirte, officials said.")


def _tables(warehouse) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(warehouse / "crosswire.duckdb"), read_only=True)
    try:
        return {name: sorted(con.execute(f"select * from {name}").fetchall(), key=repr)
                for name in CONTRACTS if name != "runs"}
    finally:
        con.close()


def _files(rows: list[tuple]) -> pa.Table:
    return pa.Table.from_pylist([{"source_path": p, "size_bytes": s, "modified_at": m} for p, s, m in rows],
                                schema=INPUT_FILES)


def test_plan_reads_only_new_changed_or_quarantined_files():
    previous = {"config_version": "c1", "input_files": _files([("a", 1, 10), ("b", 2, 20), ("q", 3, 30)]),
                "quarantined": {"q"}}
    plan = plan_reads(_files([("a", 1, 10), ("b", 2, 21), ("c", 5, 50), ("q", 3, 30)]), "c1", previous)
    assert (plan.to_read, plan.unchanged, plan.nothing_new) == (["b", "c", "q"], ["a"], False)
    assert plan_reads(_files([("a", 1, 10)]), "c2", previous).to_read == ["a"]
    assert plan_reads(_files([("a", 1, 10)]), "c1", None).unchanged == []
    same = {**previous, "quarantined": set(), "input_files": _files([("a", 1, 10)])}
    assert plan_reads(_files([("a", 1, 10)]), "c1", same).nothing_new
    # A file that went away is a change too: the run must drop its articles.
    assert not plan_reads(_files([]), "c1", same).nothing_new


def test_analysis_key_changes_with_the_site_lines_a_document_holds_and_the_configuration():
    docs = pa.table({"doc_id": ["d1", "d2"], "outlet": ["A", "B"], "title": ["t", "t"], "text": ["x", "y"]})
    held = pa.table({"doc_id": ["d1"], "outlet": ["A"], "line_key": ["k1"]})
    first = analysis_keys(docs, held, "c1")
    assert analysis_keys(docs, held, "c1") == first
    # d1 now holds a second site line: its cleaning changes, d2's does not
    more = pa.table({"doc_id": ["d1", "d1"], "outlet": ["A", "A"], "line_key": ["k2", "k1"]})
    assert unchanged_ids(analysis_keys(docs, more, "c1"), first).to_pylist() == ["d2"]
    # a site line held under another outlet (the same content filed under B) is not d1's
    assert unchanged_ids(analysis_keys(docs, pa.concat_tables([held, pa.table({
        "doc_id": ["d1"], "outlet": ["B"], "line_key": ["k9"]})]), "c1"), first).to_pylist() == ["d1", "d2"]
    assert unchanged_ids(analysis_keys(docs, held, "c2"), first).to_pylist() == []


def test_a_site_line_learned_from_other_documents_changes_no_key_of_a_document_without_it():
    texts = {"a1": "T\nBody one, long enough to be a paragraph of text for the test here.\nShare this story",
             "a2": "T\nBody two, long enough to be a paragraph of text for the test here.\nShare this story",
             "a3": "T\nBody three, long enough to be a paragraph of text for the test here.\nA plain ending."}
    docs = pa.table({"doc_id": list(texts), "outlet": ["A"] * 3, "text": list(texts.values())})
    site, held = learn_doc_site_lines(docs)
    assert site["line_key"].to_pylist() == ["share this story"]
    assert sorted(held["doc_id"].to_pylist()) == ["a1", "a2"]
    before = analysis_keys(docs.drop_columns(["text"]), held, "c1")
    texts["a4"], texts["a5"] = "T\nMore.\nA new footer\nEnd.", "T\nOther.\nA new footer\nEnd!"
    more = pa.table({"doc_id": list(texts), "outlet": ["A"] * 5, "text": list(texts.values())})
    site, held = learn_doc_site_lines(more)
    assert sorted(site["line_key"].to_pylist()) == ["a new footer", "share this story"]
    after = analysis_keys(more.drop_columns(["text"]), held, "c1")
    assert unchanged_ids(after, before).to_pylist() == ["a1", "a2", "a3"]


def test_a_second_run_with_nothing_new_keeps_the_catalog(prefect_harness, tmp_path):
    from flows.pipeline import run_folder

    inbox, warehouse = copy_seeds(tmp_path / "in"), tmp_path / "wh"
    first = run_folder(input_dir=str(inbox), warehouse_dir=str(warehouse))
    before = _tables(warehouse)
    told = intake.unchanged_since(str(inbox), str(warehouse), None, SETTINGS.entities_file, SETTINGS.outlets_file)
    second = run_folder(input_dir=str(inbox), warehouse_dir=str(warehouse))
    assert second["nothing_new"] and second["run_id"] == first["run_id"] and second["analysed"] == 0
    assert told == second  # the command, which asks before it starts Prefect, tells what the flow would
    assert _tables(warehouse) == before
    con = duckdb.connect(str(warehouse / "crosswire.duckdb"), read_only=True)
    assert con.execute("select count(*), count(distinct doc_id) from articles").fetchone() == (5, 5)
    con.close()


@pytest.mark.parametrize("batch_size", [500, 2])
def test_new_files_alone_are_analysed_and_the_tables_equal_a_run_from_scratch(prefect_harness, tmp_path, batch_size):
    from flows.pipeline import run_folder

    inbox, warehouse = copy_seeds(tmp_path / "in"), tmp_path / "wh"
    run_folder(input_dir=str(inbox), warehouse_dir=str(warehouse), batch_size=batch_size)
    (inbox / "new").mkdir()
    (inbox / "new" / "kalin.txt").write_text(NEW_STORY)
    assert intake.unchanged_since(str(inbox), str(warehouse), None, SETTINGS.entities_file,
                                  SETTINGS.outlets_file) is None
    again = run_folder(input_dir=str(inbox), warehouse_dir=str(warehouse), batch_size=batch_size)
    assert (again["analysed"], again["reused"], again["articles"]) == (1, 5, 6)
    assert _tables(warehouse) == _tables(_from_scratch(run_folder, inbox, tmp_path / "scratch", batch_size))
    # A copy of an article changes its outlet's line statistics: that outlet's articles are analysed again.
    shutil.copy(inbox / "000_41676460d73d8d83.txt", inbox / "new" / "copy-of-000.txt")
    third = run_folder(input_dir=str(inbox), warehouse_dir=str(warehouse), batch_size=batch_size)
    assert third["articles"] == 6 and 0 < third["analysed"] < 6 and third["reused"] == 6 - third["analysed"]
    assert _tables(warehouse) == _tables(_from_scratch(run_folder, inbox, tmp_path / "scratch2", batch_size))


def _from_scratch(run_folder, inbox, warehouse, batch_size):
    run_folder(input_dir=str(inbox), warehouse_dir=str(warehouse), batch_size=batch_size)
    return warehouse


def test_a_changed_entity_table_analyses_everything_again(prefect_harness, tmp_path):
    from flows.pipeline import run_folder

    inbox, warehouse = copy_seeds(tmp_path / "in"), tmp_path / "wh"
    entities = tmp_path / "entities.csv"
    shutil.copy(ROOT / "seeds" / "entities.csv", entities)
    run = {"input_dir": str(inbox), "warehouse_dir": str(warehouse), "entities_file": str(entities)}
    run_folder(**run)
    entities.write_text(entities.read_text() + "new-person,Jane Roe,person,\n")
    assert intake.unchanged_since(str(inbox), str(warehouse), None, str(entities), SETTINGS.outlets_file) is None
    again = run_folder(**run)
    assert (again["analysed"], again["reused"], again["nothing_new"]) == (5, 0, False)


def test_files_are_read_in_batches_bounded_by_count_and_bytes():
    from transforms.runs.bookkeeping import read_batches

    files = _files([("a", 40, 0), ("b", 40, 0), ("c", 500, 0), ("d", 10, 0), ("e", 10, 0), ("f", 10, 0)])
    paths = files["source_path"].to_pylist()
    assert read_batches(files, paths, 2, 100) == [["a", "b"], ["c"], ["d", "e"], ["f"]]
    assert read_batches(files, paths, 10, 100) == [["a", "b"], ["c"], ["d", "e", "f"]]
    assert read_batches(files, [], 10, 100) == [[]]


def test_the_command_tells_nothing_new_without_starting_prefect(seeds_warehouse):
    code = ("import sys; from flows.cli import main; code = main(sys.argv[1:]); "
            "print('prefect imported:', any(m.split('.')[0] == 'prefect' for m in sys.modules)); sys.exit(code)")
    result = subprocess.run([sys.executable, "-c", code, "run", "--input", str(SEEDS), "--warehouse",
                             str(seeds_warehouse)], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr[-3000:]
    con = duckdb.connect(str(seeds_warehouse / "crosswire.duckdb"), read_only=True)
    run_id = con.execute("select run_id from runs").fetchone()[0]
    con.close()
    out = " ".join(result.stdout.split())
    assert f"nothing new or changed since run {run_id}: its catalog stays (--full redoes all)" in out
    assert f"run {run_id} in " in out and "5 files read, 5 documents, 5 articles loaded, 0 quarantined" in out
    for piece in ("lines removed by reason", "mentions by entity type", "Khalifa Haftar", "catalog: "):
        assert piece in out
    assert "prefect imported: False" in out and result.stderr == ""
