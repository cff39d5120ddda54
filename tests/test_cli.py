"""The CLI's fast paths: errors before any flow starts, and the rule listing."""

import subprocess
import sys

import pytest

from flows import storage
from flows.cli import main


def _cli(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "flows.cli", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=120)


def test_missing_input_folder_exits_2_with_one_line(tmp_path):
    result = _cli("run", "--input", str(tmp_path / "nope"), "--warehouse", str(tmp_path / "wh"))
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "does not exist" in result.stderr
    assert not (tmp_path / "wh").exists()


def test_unwritable_warehouse_exits_2(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    result = _cli("run", "--input", str(tmp_path), "--warehouse", str(blocker / "wh"))
    assert result.returncode == 2
    assert result.stderr.startswith("crosswire: cannot write to warehouse")


def test_missing_manifest_exits_2(tmp_path):
    result = _cli("run", "--input", str(tmp_path), "--warehouse", str(tmp_path / "wh"), "--manifest", "none.csv")
    assert result.returncode == 2 and "manifest none.csv does not exist" in result.stderr


def test_rules_lists_every_reason(capsys):
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    for reason in ("ad_slot", "related_link", "twin_caption", "site_line", "footer", "model: navigation-like"):
        assert reason in out
    assert "page model" in out


def test_query_without_catalog_is_a_clear_error(tmp_path, capsys):
    assert main(["query", "select 1", "--warehouse", str(tmp_path)]) == 2
    assert "no catalog" in capsys.readouterr().err


def test_lock_refuses_a_second_run(tmp_path):
    storage.check_warehouse(str(tmp_path))
    with storage.locked(str(tmp_path), "run-a"):
        with pytest.raises(storage.InputError, match="warehouse is locked by run run-a"):
            with storage.locked(str(tmp_path), "run-b"):
                pass
    with storage.locked(str(tmp_path), "run-c"):
        pass


def test_stale_lock_from_a_dead_process_is_taken_over(tmp_path):
    (tmp_path / storage.LOCK).write_text("run-dead 999999999")
    with storage.locked(str(tmp_path), "run-new"):
        assert (tmp_path / storage.LOCK).read_text().startswith("run-new")


def test_a_second_run_on_a_locked_warehouse_exits_2_at_once(tmp_path):
    import os

    (tmp_path / storage.LOCK).write_text(f"run-live {os.getpid()}")
    result = _cli("run", "--input", str(tmp_path), "--warehouse", str(tmp_path))
    assert result.returncode == 2
    assert result.stderr.strip() == f"crosswire: warehouse is locked by run run-live (pid {os.getpid()})"


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_export_writes_every_table_and_mart(seeds_warehouse, tmp_path, fmt, capsys):
    import duckdb

    assert main(["export", "--warehouse", str(seeds_warehouse), "--format", fmt, "--out", str(tmp_path)]) == 0
    names = {p.stem for p in tmp_path.glob(f"*.{fmt}")}
    assert {"articles", "removed_lines", "mentions", "entity_coverage", "alias_usage", "quarantine"} <= names
    assert not any(n.startswith(("stg_", "int_")) for n in names)
    reader = "read_csv_auto" if fmt == "csv" else "read_parquet"
    ((n,),) = duckdb.sql(f"select count(*) from {reader}('{tmp_path / ('articles.' + fmt)}')").fetchall()
    assert n == 5


def test_bad_sql_is_a_one_line_error(seeds_warehouse, capsys):
    assert main(["query", "select nonsense from nowhere", "--warehouse", str(seeds_warehouse)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("crosswire: Catalog Error") and "\n" not in err
