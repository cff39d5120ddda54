"""The console script end to end, as a user runs it: a real ephemeral Prefect API, real files (slow)."""

import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from tests.conftest import SEEDS, copy_seeds

CROSSWIRE = str(Path(sys.executable).with_name("crosswire"))


def _run(args, env_home, cwd):
    env = {**os.environ, "PREFECT_HOME": str(env_home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    env.pop("PREFECT_API_URL", None)
    return subprocess.run([CROSSWIRE, *args], capture_output=True, text=True, env=env, cwd=cwd, timeout=600)


@pytest.mark.slow
def test_crosswire_run_on_seeds_prints_a_summary_and_builds_a_movable_warehouse(tmp_path):
    warehouse = tmp_path / "warehouse"
    result = _run(["run", "--input", str(SEEDS), "--warehouse", str(warehouse)], tmp_path / "prefect", tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    out = " ".join(result.stdout.split())
    assert "5 files read, 5 documents, 5 articles loaded, 0 quarantined" in out
    # not a terminal: one line per stage, the run-wide steps included; no telemetry notice
    for stage in ("read and parse files: 5 of 5", "learn site lines: 5 of 5", "analyse articles",
                  "run-wide steps: 7 of 7"):
        assert f"crosswire: {stage}" in result.stderr, result.stderr[-2000:]
    assert "anonymous usage" not in result.stderr + result.stdout
    for piece in ("lines removed by reason", "related_link", "mentions by entity type", "Khalifa Haftar",
                  "Press TV"):
        assert piece in out
    moved = tmp_path / "moved"
    warehouse.rename(moved)
    os.chdir(tmp_path.parent)
    con = duckdb.connect(str(moved / "crosswire.duckdb"), read_only=True)
    assert con.execute("select count(*) from articles").fetchone() == (5,)


@pytest.mark.slow
def test_crosswire_run_with_manifest_flag_and_bad_files(tmp_path):
    inbox = copy_seeds(tmp_path / "inbox")
    manifest = tmp_path / "outlets.csv"
    manifest.write_text("path,outlet,url,published_at,extra\nnested/story.txt,Wire Service,,2020-06-21T10:00:00Z,x\n")
    (inbox / "nested").mkdir()
    (inbox / "nested" / "story.txt").write_text("A wire story\n\nKalın spoke in Ankara.\n", encoding="cp1252",
                                                errors="replace")
    (inbox / "empty.txt").write_bytes(b"")
    result = _run(["run", "--input", str(inbox), "--warehouse", str(tmp_path / "wh"), "--manifest", str(manifest)],
                  tmp_path / "prefect", tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "7 files read, 6 documents, 6 articles loaded, 1 quarantined" in " ".join(result.stdout.split())
    con = duckdb.connect(str(tmp_path / "wh" / "crosswire.duckdb"), read_only=True)
    assert con.execute("select outlet, published_on from articles where source_path = 'nested/story.txt'"
                       ).fetchone()[0] == "Wire Service"


@pytest.mark.slow
def test_crosswire_run_on_an_empty_inbox_exits_0_with_an_empty_catalog_and_a_report(tmp_path):
    (tmp_path / "inbox").mkdir()
    warehouse = tmp_path / "wh"
    result = _run(["run", "--input", str(tmp_path / "inbox"), "--warehouse", str(warehouse)], tmp_path / "prefect",
                  tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr and "0 files read, 0 documents, 0 articles loaded" in result.stdout
    report = _run(["report", "--warehouse", str(warehouse), "--out", str(tmp_path / "r.html")], tmp_path / "prefect",
                  tmp_path)
    assert report.returncode == 0 and (tmp_path / "r.html").read_text().count("No data in this warehouse") == 6
