"""Batches are independent: repeats split off first, tiny batches and a Dask cluster give the same tables."""

import duckdb
import pyarrow as pa
import pytest

from tests.conftest import SEEDS
from transforms.runs.batch import repeat_sources, split_repeats
from warehouse.contracts import CONTRACTS

# Tables whose rows say when, by which run or from which folder they were made, not what was found: `analysed` keys
# include the input folder, `input_files` the files' modification times (compared below without them).
RUN_SPECIFIC = {"runs", "analysed", "input_files"}


def _docs(ids: list[str]) -> pa.Table:
    return pa.table({"doc_id": ids, "source_path": [f"f{i}.txt" for i in range(len(ids))],
                     "record_no": pa.array([None] * len(ids), pa.int32())})


def test_split_repeats_keeps_the_first_copy_of_each_content():
    firsts, repeats = split_repeats(_docs(["a", "b", "a", "c", "b", "a"]))
    assert firsts["doc_id"].to_pylist() == ["a", "b", "c"]
    assert firsts["source_path"].to_pylist() == ["f0.txt", "f1.txt", "f3.txt"]
    assert repeats["source_path"].to_pylist() == ["f2.txt", "f4.txt", "f5.txt"]


def test_repeats_of_articles_are_sources_and_of_quarantined_content_are_quarantined():
    _, repeats = split_repeats(_docs(["a", "b", "a", "b"]))
    sources, quarantine = repeat_sources(repeats, pa.array(["a"]))
    assert sources.to_pylist() == [{"doc_id": "a", "source_path": "f2.txt", "record_no": None}]
    assert [(q["source_path"], q["reason"]) for q in quarantine.to_pylist()] == [
        ("f3.txt", "repeats content that was quarantined")]


def test_a_re_runs_changed_articles_spread_over_parts_make_full_batches():
    from flows.planning import full_batches as batches

    parts = [pa.table({"doc_id": ids}) for ids in (["a"], ["b", "c", "d"], [], ["e", "f"], ["g"])]
    assert [b["doc_id"].to_pylist() for b in batches(parts, 3)] == [["a", "b", "c"], ["d", "e", "f"], ["g"]]
    assert [b["doc_id"].to_pylist() for b in batches(parts, 7)] == [list("abcdefg")]
    assert list(batches([pa.table({"doc_id": pa.array([], pa.string())})], 2)) == []


def _tables(warehouse) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(warehouse / "crosswire.duckdb"), read_only=True)
    try:
        tables = {name: sorted(con.execute(f"select * from {name}").fetchall(), key=repr)
                  for name in CONTRACTS if name not in RUN_SPECIFIC}
        files = con.execute("select source_path, size_bytes from input_files order by 1").fetchall()
        return tables | {"input_files": files}
    finally:
        con.close()


def _with_repeats(tmp_path):
    """The seeds plus a copy of one of them under another name: repeated content across batches."""
    folder = tmp_path / "input"
    folder.mkdir()
    for path in sorted(SEEDS.glob("*")):
        (folder / path.name).write_bytes(path.read_bytes())
    first = sorted(SEEDS.glob("*.txt"))[0]
    (folder / ("zz_copy_" + first.name)).write_bytes(first.read_bytes())
    (folder / "manifest.csv").write_text((SEEDS / "manifest.csv").read_text() + f"zz_copy_{first.name},TRT World,\n")
    return folder


@pytest.fixture(scope="module")
def default_batches(prefect_harness, tmp_path_factory):
    from flows.pipeline import run_folder

    tmp = tmp_path_factory.mktemp("default-batches")
    run_folder(input_dir=str(_with_repeats(tmp)), warehouse_dir=str(tmp / "wh"))
    return _tables(tmp / "wh")


def test_a_tiny_batch_size_gives_the_same_tables(default_batches, tmp_path):
    from flows.pipeline import run_folder

    run_folder(input_dir=str(_with_repeats(tmp_path)), warehouse_dir=str(tmp_path / "wh"), batch_size=2)
    tiny = _tables(tmp_path / "wh")
    assert len(tiny["sources"]) == 6 and len(tiny["articles"]) == 5
    assert tiny == default_batches


@pytest.mark.slow
def test_a_dask_cluster_gives_the_same_tables(default_batches, tmp_path):
    from distributed import LocalCluster

    from flows.pipeline import with_runner

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        flow = with_runner("dask", cluster.scheduler_address)
        flow(input_dir=str(_with_repeats(tmp_path)), warehouse_dir=str(tmp_path / "wh"), batch_size=2)
    assert _tables(tmp_path / "wh") == default_batches


@pytest.mark.slow
def test_a_process_pool_gives_the_same_tables(default_batches, tmp_path):
    from flows.pipeline import with_runner

    with_runner("processes")(input_dir=str(_with_repeats(tmp_path)), warehouse_dir=str(tmp_path / "wh"), batch_size=2)
    assert _tables(tmp_path / "wh") == default_batches


def test_the_dask_runner_needs_an_address():
    from flows.pipeline import with_runner

    with pytest.raises(ValueError, match="address"):
        with_runner("dask", None)
