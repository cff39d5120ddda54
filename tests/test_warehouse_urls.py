"""A warehouse at an fsspec URL (memory://, file://) holds the same tables as one in a local folder."""

from pathlib import Path

import fsspec
import pyarrow as pa
import pytest

from flows import storage
from flows.cli import main
from tests.conftest import SEEDS, copy_seeds
from tests.test_incremental import NEW_STORY
from warehouse.contracts import CONTRACTS


@pytest.fixture()
def memory_warehouse():
    fs = fsspec.filesystem("memory")
    yield "memory://wh-test"
    if fs.exists("/wh-test"):
        fs.rm("/wh-test", recursive=True)


def _tables(warehouse: str) -> dict[str, list[tuple]]:
    return {name: sorted(storage.query(warehouse, f"select * from {name}")[1], key=repr)
            for name in CONTRACTS if name != "runs"}


def test_parts_and_the_lock_live_in_the_url_filesystem(memory_warehouse):
    fs = fsspec.filesystem("memory")
    storage.check_warehouse(memory_warehouse)
    rows = pa.table({"doc_id": ["d1", "d2"], "analysis_key": ["k1", "k2"]})
    url = storage.write_table(memory_warehouse, "analysed", rows, "20260101T000000000000Z-abc123", 1)
    assert url == "memory:///wh-test/parquet/analysed/20260101T000000000000Z-abc123-00001.parquet"
    fs.pipe_file("/wh-test/parquet/analysed/20260101T000000000000Z-abc123-00002.parquet.partial", b"half")
    table = storage.read_run_table(memory_warehouse, "analysed", "20260101T000000000000Z-abc123", "doc_id", ["d2"])
    assert table.to_pylist() == [{"doc_id": "d2", "analysis_key": "k2"}]
    with storage.locked(memory_warehouse, "run-a"):
        assert fs.cat_file("/wh-test/.crosswire.lock").startswith(b"run-a ")
        with pytest.raises(storage.InputError, match="locked by run run-a"):
            with storage.locked(memory_warehouse, "run-b"):
                pass
    assert not fs.exists("/wh-test/.crosswire.lock")
    copied = storage.carry_forward(memory_warehouse, ["analysed"], "20260101T000000000000Z-abc123",
                                   "20260102T000000000000Z-def456", "doc_id", pa.array(["d1", "d2"]), 7)
    assert copied == {"analysed": 2}
    (part,) = storage.run_parts(memory_warehouse, "analysed", "20260102T000000000000Z-def456")
    assert part == "memory:///wh-test/parquet/analysed/20260102T000000000000Z-def456-00007.parquet"
    assert storage.read_part(part, "analysed")["doc_id"].to_pylist() == ["d1", "d2"]
    assert not Path("memory:").exists() and not Path("wh-test").exists()


def test_an_unknown_protocol_is_an_input_error():
    with pytest.raises(storage.InputError, match="nosuch://wh"):
        storage.check_warehouse("nosuch://wh")


@pytest.mark.parametrize("warehouse, expected", [
    ("memory://wh", "memory://wh"),
    ("s3://bucket/wh", "s3://bucket/wh"),
    ("file:///srv/wh", "file:///srv/wh"),
    ("/srv/wh", "/srv/wh"),
])
def test_absolute_warehouse_keeps_urls(warehouse, expected):
    assert storage.absolute_warehouse(warehouse) == expected


def test_absolute_warehouse_makes_a_folder_absolute():
    assert storage.absolute_warehouse("data") == str(Path("data").resolve())


def test_a_memory_warehouse_equals_a_local_one_and_carries_over_from_its_previous_run(prefect_harness,
                                                                                      memory_warehouse, tmp_path):
    from flows.pipeline import run_folder

    inbox = copy_seeds(tmp_path / "in")
    run_folder(input_dir=str(inbox), warehouse_dir=str(tmp_path / "local"))
    first = run_folder(input_dir=str(inbox), warehouse_dir=memory_warehouse)
    fs = fsspec.filesystem("memory")
    assert fs.isfile("/wh-test/crosswire.duckdb") and fs.ls("/wh-test/parquet/articles")
    assert not fs.glob("/wh-test/.building-*") and not Path("memory:").exists()
    assert _tables(memory_warehouse) == _tables(str(tmp_path / "local"))
    assert storage.previous_run(memory_warehouse)["run_id"] == first["run_id"]
    again = run_folder(input_dir=str(inbox), warehouse_dir=memory_warehouse)
    assert again["nothing_new"] and again["run_id"] == first["run_id"]
    (inbox / "kalin.txt").write_text(NEW_STORY)
    third = run_folder(input_dir=str(inbox), warehouse_dir=memory_warehouse)
    assert (third["analysed"], third["reused"], third["articles"]) == (1, 5, 6)
    assert storage.query(memory_warehouse, "select count(distinct doc_id) from articles")[1] == [(6,)]
    runs = {path.rpartition("/")[2][:29] for path in fs.ls("/wh-test/parquet/articles", detail=False)}
    assert runs == {first["run_id"], third["run_id"]}


def test_a_file_url_warehouse_equals_a_local_one_and_answers_queries(seeds_warehouse, tmp_path, capsys):
    from flows.pipeline import run_folder

    url = (tmp_path / "wh").as_uri()
    first = run_folder(input_dir=str(SEEDS), warehouse_dir=url)
    assert (tmp_path / "wh" / "crosswire.duckdb").is_file()
    assert _tables(url) == _tables(str(seeds_warehouse))
    again = run_folder(input_dir=str(SEEDS), warehouse_dir=url)
    assert again["nothing_new"] and again["run_id"] == first["run_id"]
    capsys.readouterr()
    assert main(["query", "select count(*) as n, count(distinct doc_id) as d from articles", "--warehouse", url]) == 0
    assert "│ 5 │ 5 │" in capsys.readouterr().out
