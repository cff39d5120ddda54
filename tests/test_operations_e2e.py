"""Operations against a real Prefect server on loopback: scheduled runs, readers during a run, SIGKILL (slow)."""

import os
import random
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import duckdb
import pytest

from tests.conftest import SEEDS, copy_seeds

pytestmark = pytest.mark.slow
BIN = Path(sys.executable).parent


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait(predicate, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.5)
    raise AssertionError(f"timed out after {seconds} s waiting for {what}")


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@pytest.fixture(scope="module")
def server_env(tmp_path_factory):
    home = tmp_path_factory.mktemp("prefect-home")
    port = _free_port()
    env = {**os.environ, "PREFECT_HOME": str(home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
           "PREFECT_API_URL": f"http://127.0.0.1:{port}/api", "PREFECT_LOGGING_LEVEL": "WARNING"}
    server = subprocess.Popen([str(BIN / "prefect"), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        def healthy():
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=2) as response:
                    return response.status == 200
            except OSError:
                return False
        started = time.monotonic()
        _wait(healthy, 120, "the Prefect server")
        print(f"prefect server up in {time.monotonic() - started:.1f} s")
        yield env
    finally:
        _stop(server)


def _count(warehouse: Path, sql: str = "select count(*) from articles"):
    try:
        con = duckdb.connect(str(warehouse / "crosswire.duckdb"), read_only=True)
    except duckdb.Error:
        return None
    try:
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()


def test_scheduled_runs_start_on_an_empty_inbox_pick_up_new_files_and_stop_cleanly(server_env, tmp_path):
    inbox, warehouse = tmp_path / "inbox", tmp_path / "wh"
    inbox.mkdir()
    outlets = tmp_path / "outlets.csv"
    outlets.write_text("outlet_id,canonical_name,aliases,domains\nwire,The Wire,,wire.example\n")
    serve, log = _serve(server_env, tmp_path, inbox, warehouse, "--outlets", str(outlets))
    try:
        started = time.monotonic()
        # the first run finds an empty inbox: it publishes a catalog of empty tables, it does not fail
        _wait(lambda: _count(warehouse, "select count(*) from runs") == 1, 300, "the first scheduled run")
        assert _count(warehouse) == 0
        (inbox / "first.txt").write_text("First story\n\nKalın spoke in Ankara about Libya on Monday.")
        (inbox / "manifest.csv").write_text("path,url\nfirst.txt,https://wire.example/first\n")
        _wait(lambda: _count(warehouse) == 1, 300, "a scheduled run that picks up the first file")
        first = time.monotonic() - started
        (inbox / "second.txt").write_text("Second story\n\nHaftar’s forces left Sirte on Tuesday, officials said.")
        _wait(lambda: _count(warehouse) == 2, 300, "a scheduled run that picks up the new file")
        print(f"first file loaded after {first:.1f} s; second {time.monotonic() - started:.1f} s in")
        os.killpg(serve.pid, signal.SIGINT)  # Ctrl-C
        assert serve.wait(timeout=60) == 0
    finally:
        _stop(serve)
        log.close()
    output = (tmp_path / "serve.log").read_text()
    assert "Traceback" not in output and "stopped serving crosswire-run/crosswire" in output, output[-3000:]
    assert _count(warehouse, "select count(*) from articles where body like '%Haftar%'") == 1
    assert _count(warehouse, "select outlet_name from articles where source_path = 'first.txt'") == "The Wire"


def _serve(env: dict, tmp_path: Path, inbox: Path, warehouse: Path, *options: str):
    """`crosswire serve` every 5 s, one article a batch, in its own session, output to tmp_path/serve.log; ->
    (process, open log file)."""
    log = (tmp_path / "serve.log").open("w")
    serve = subprocess.Popen([str(BIN / "crosswire"), "serve", "--interval", "5", "--input", str(inbox),
                              "--warehouse", str(warehouse), "--batch-size", "1", *options],
                             env=env, cwd=tmp_path, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    return serve, log


def test_ctrl_c_during_a_run_stops_serving_at_once_and_the_next_run_takes_the_work_up(server_env, tmp_path):
    inbox, warehouse = _corpus(tmp_path / "inbox", 150), tmp_path / "wh"
    serve, log = _serve(server_env, tmp_path, inbox, warehouse)
    try:
        _wait(lambda: (warehouse / ".crosswire.lock").exists(), 300, "a scheduled run in progress")
        os.killpg(serve.pid, signal.SIGINT)  # Ctrl-C while the run is far from done
        assert serve.wait(timeout=60) == 0
    finally:
        _stop(serve)
        log.close()
    output = (tmp_path / "serve.log").read_text()
    assert "Traceback" not in output and "a run in progress is cancelled" in output, output[-3000:]
    assert output.rstrip().endswith("stopped serving crosswire-run/crosswire"), output[-3000:]
    assert _count(warehouse) in (None, 0)  # the cancelled run published nothing
    again = subprocess.run([str(BIN / "crosswire"), "run", "--input", str(inbox), "--warehouse", str(warehouse)],
                           env=server_env, cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr[-3000:]
    assert _count(warehouse) == 155


def _flow(input_dir: Path, warehouse: Path, env: dict, batch_size: int = 20, full: bool = False) -> subprocess.Popen:
    code = ("import sys; from flows.pipeline import run_folder; run_folder(input_dir=sys.argv[1], "
            "warehouse_dir=sys.argv[2], batch_size=int(sys.argv[3]), full=sys.argv[4] == 'full')")
    return subprocess.Popen([sys.executable, "-c", code, str(input_dir), str(warehouse), str(batch_size),
                             "full" if full else "incremental"], env=env,
                            cwd=Path(__file__).resolve().parents[1], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, start_new_session=True)


def _corpus(folder: Path, n: int) -> Path:
    copy_seeds(folder)
    for i in range(n):
        (folder / f"gen-{i:04d}.txt").write_text(
            f"Story {i}\n\nAdvertisement\n\nKalın said on day {i} that the GNA would hold Sirte.\n\n"
            f"Haftar’s forces left al-Jufra after {i * 7} days, officials told Reuters.\n\nREAD MORE: story {i + 1}")
    return folder


def _snapshot(warehouse: Path) -> dict:
    con = duckdb.connect(str(warehouse / "crosswire.duckdb"), read_only=True)
    try:
        return {name: sorted(con.execute(f"select * exclude (run_id, started_at, finished_at) from {name}"
                                         if name == "runs" else f"select * from {name}").fetchall(), key=repr)
                for name in ("articles", "removed_lines", "mentions", "quarantine", "sources", "runs")}
    finally:
        con.close()


def test_readers_are_never_blocked_and_never_see_half_a_run(server_env, tmp_path):
    sqlalchemy = pytest.importorskip("sqlalchemy")
    inbox, warehouse = _corpus(tmp_path / "in", 150), tmp_path / "wh"
    assert _flow(SEEDS, warehouse, server_env).wait(timeout=300) == 0
    engine = sqlalchemy.create_engine(f"duckdb:///{warehouse / 'crosswire.duckdb'}", connect_args={"read_only": True})
    with engine.connect() as reader:
        run = _flow(inbox, warehouse, server_env, batch_size=10)
        seen = set()
        while run.poll() is None:
            started = time.monotonic()
            seen.add(reader.execute(sqlalchemy.text("select count(*) from articles")).scalar())
            assert time.monotonic() - started < 2.0
            time.sleep(0.05)
        assert run.returncode == 0, run.stderr.read().decode()[-2000:]
        assert seen == {5}
    engine.dispose()
    assert _count(warehouse) == 155


def test_sigkill_at_random_points_leaves_the_last_complete_run(server_env, tmp_path):
    inbox = _corpus(tmp_path / "in", 300)
    reference = tmp_path / "reference"
    started = time.monotonic()
    assert _flow(inbox, reference, server_env).wait(timeout=300) == 0
    duration = time.monotonic() - started
    expected = _snapshot(reference)
    warehouse = tmp_path / "wh"
    assert _flow(SEEDS, warehouse, server_env).wait(timeout=300) == 0
    rng = random.Random(7)
    outcomes = []
    for trial in range(10):
        before = _count(warehouse)
        # Every trial does the whole work again (an unchanged input would otherwise finish at once).
        run = _flow(inbox, warehouse, server_env, full=True)
        delay = rng.uniform(0.3, duration)
        time.sleep(delay)
        finished = run.poll() is not None
        if not finished:
            os.killpg(run.pid, signal.SIGKILL)
        run.wait()
        after = _count(warehouse)
        assert after in (before, 305), (trial, before, after)  # the last complete run, never a partial one
        outcomes.append((round(delay, 1), "finished" if finished else "killed", after))
    print("trials (delay s, outcome, articles visible):", outcomes)
    assert sum(1 for o in outcomes if o[1] == "killed") >= 5
    assert _flow(inbox, warehouse, server_env).wait(timeout=300) == 0
    assert _snapshot(warehouse) == expected
    leftovers = [p.name for p in (warehouse / "parquet").glob("*/*") if ".partial" in p.name]
    assert leftovers == []
