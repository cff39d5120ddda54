"""The CLI's fast paths: errors before any flow starts, and the rule listing."""

import os
import re
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


def test_bad_sql_names_the_error_and_points_at_it(seeds_warehouse, capsys):
    assert main(["query", "select nonsense from nowhere", "--warehouse", str(seeds_warehouse)]) == 2
    lines = capsys.readouterr().err.rstrip().splitlines()
    assert lines[0].startswith("crosswire: Catalog Error") and "nowhere" in lines[0]
    # DuckDB's caret stays under the place in the SQL it could not read
    assert lines[-2] == "LINE 1: select nonsense from nowhere" and lines[-1].index("^") == lines[-2].index("nowhere")


@pytest.mark.parametrize("fmt", ["csv", "json", "markdown", "table"])
def test_query_formats_hold_every_column_and_value(seeds_warehouse, capsys, fmt):
    import csv
    import io
    import json

    sql = ("select doc_id, outlet_name, title, ['a, b', 'c'] as items, published_at from articles "
           "order by published_at nulls last")
    assert main(["query", sql, "--warehouse", str(seeds_warehouse), "--format", fmt, "--limit", "3"]) == 0
    out = capsys.readouterr().out
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out)))
        assert len(rows) == 3 and json.loads(rows[0]["items"]) == ["a, b", "c"]
    elif fmt == "json":
        rows = json.loads(out)
        assert len(rows) == 3 and rows[0]["items"] == ["a, b", "c"] and rows[0]["published_at"].startswith("20")
    elif fmt == "markdown":
        lines = out.splitlines()
        assert lines[0] == "| doc_id | outlet_name | title | items | published_at |" and len(lines) == 5
    else:
        assert "…" not in out and out.count("record ") + out.count("\n") > 3


def test_a_wide_result_prints_one_block_per_record_without_cutting(seeds_warehouse, capsys):
    assert main(["query", "select * from articles order by doc_id", "--warehouse", str(seeds_warehouse),
                 "--limit", "2"]) == 0
    out = capsys.readouterr().out
    assert "…" not in out and "── record 1 ──" in out and "── record 3 ──" not in out
    for column in ("doc_id", "source_path", "outlet_name", "published_at", "body"):
        assert f"\n{column} " in out


def test_export_writes_lists_as_json_arrays(seeds_warehouse, tmp_path):
    import csv
    import json

    assert main(["export", "--warehouse", str(seeds_warehouse), "--out", str(tmp_path)]) == 0
    with (tmp_path / "entities.csv").open(encoding="utf-8") as rows:
        aliases = [json.loads(row["aliases"]) for row in csv.DictReader(rows)]
    assert all(isinstance(a, list) for a in aliases) and any(len(a) > 1 for a in aliases)


def test_alias_review_prints_whole_ids_and_examples(seeds_warehouse, capsys):
    import duckdb

    con = duckdb.connect(str(seeds_warehouse / "crosswire.duckdb"), read_only=True)
    ids = [r[0] for r in con.execute("select suggestion_id from alias_suggestions").fetchall()]
    con.close()
    assert main(["aliases", "review", "--warehouse", str(seeds_warehouse)]) == 0
    out = capsys.readouterr().out
    if ids:
        assert all(i in out for i in ids) and "example: " in out and "…" not in out
    else:
        assert "no alias suggestions to review" in out


def test_alias_review_of_an_empty_queue_says_so(tmp_path, capsys):
    import duckdb

    con = duckdb.connect(str(tmp_path / storage.CATALOG))
    con.execute("""create view alias_suggestions as select * from (select 'x' as suggestion_id, 'k' as kind,
        null as entity_id, 'n' as canonical_name, 'person' as entity_type, ['a'] as spellings, [1] as count_by_spelling,
        null as matched_variant, ['o'] as outlets, 1 as count_outlets, 1 as count_mentions, 1 as count_articles,
        1.0 as score, 'e' as example) where false""")
    con.close()
    assert main(["aliases", "review", "--warehouse", str(tmp_path)]) == 0
    assert capsys.readouterr().out.startswith("no alias suggestions to review")


@pytest.mark.parametrize("args, message", [
    (["run", "--batch-size", "0"], "argument --batch-size: must be at least 1, got 0"),
    (["run", "--batch-size", "ten"], "argument --batch-size: expected a whole number, got 'ten'"),
    (["run", "--runner", "gpu"], "argument --runner: invalid choice: 'gpu'"),
    (["run", "--runner", "dask", "--dask-address", "localhost"], "expected tcp://HOST:PORT, got 'localhost'"),
    (["serve", "--interval", "0"], "argument --interval: must be at least 1, got 0"),
    (["serve", "--cron", "every minute"], "argument --cron: not a cron expression"),
    (["serve", "--interval", "5", "--cron", "* * * * *"], "not allowed with argument"),
    (["query", "select 1", "--limit", "-3"], "argument --limit: must be at least 1, got -3"),
    (["query", "select 1", "--format", "xml"], "argument --format: invalid choice: 'xml'"),
    (["aliases", "review", "--limit", "0"], "argument --limit: must be at least 1, got 0"),
])
def test_bad_options_are_one_line_and_exit_2_before_anything_starts(tmp_path, args, message):
    result = _cli(*args, "--warehouse", str(tmp_path / "wh"), cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert result.stderr.strip().count("\n") == 0 and message in result.stderr, result.stderr
    assert list(tmp_path.iterdir()) == []  # no warehouse, no parquet/, nothing from Prefect


def test_a_bad_batch_size_from_the_environment_is_an_option_error(tmp_path):
    env = {**os.environ, "CROSSWIRE_BATCH_SIZE": "0"}
    result = subprocess.run([sys.executable, "-m", "flows.cli", "run", "--warehouse", str(tmp_path / "wh")],
                            capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120)
    assert result.returncode == 2 and "--batch-size: must be at least 1" in result.stderr
    assert not (tmp_path / "wh").exists()


def test_a_missing_entity_or_outlet_table_stops_before_the_run(tmp_path):
    for option in ("--entities", "--outlets"):
        result = _cli("run", "--input", str(tmp_path), "--warehouse", str(tmp_path / "wh"), option, "none.csv")
        assert result.returncode == 2 and "none.csv does not exist" in result.stderr
        assert result.stderr.strip().count("\n") == 0
    assert not (tmp_path / "wh").exists()


@pytest.mark.parametrize("api_url, message", [
    (None, "serve needs a Prefect server"),
    ("http://127.0.0.1:9/api", "no Prefect server answers at PREFECT_API_URL=http://127.0.0.1:9/api"),
])
def test_serve_without_a_reachable_prefect_server_refuses(tmp_path, api_url, message):
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env["PREFECT_HOME"] = str(tmp_path / "prefect")
    if api_url:
        env["PREFECT_API_URL"] = api_url
    result = subprocess.run([sys.executable, "-m", "flows.cli", "serve", "--input", str(tmp_path), "--warehouse",
                             str(tmp_path / "wh"), "--interval", "60"], capture_output=True, text=True, env=env,
                            timeout=120)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith(f"crosswire: {message}") and result.stderr.strip().count("\n") == 0
    assert "serving" not in result.stderr and not (tmp_path / "wh").exists()


def test_run_and_serve_take_the_same_options_each_with_help():
    import argparse

    from flows.options import parser

    commands = next(a for a in parser()._actions if isinstance(a, argparse._SubParsersAction)).choices
    for command in ("run", "serve"):
        helps = {option: action.help for action in commands[command]._actions for option in action.option_strings}
        for option in ("--input", "--warehouse", "--manifest", "--entities", "--outlets", "--batch-size", "--runner",
                       "--dask-address"):
            assert helps.get(option) and len(helps[option]) > 15, (command, option)


def test_help_says_what_each_command_does_for_the_user(capsys):
    from flows.options import parser

    with pytest.raises(SystemExit):
        parser().parse_args(["--help"])
    text = " ".join(capsys.readouterr().out.split())
    for command in ("run", "serve", "query", "report", "export", "rules", "aliases"):
        assert re.search(rf"\b{command} [a-z]", text), command
    assert not re.search(r"\b(thin|layer|calls flows|storage)\b", text)


def test_importing_the_flows_turns_prefect_telemetry_off_in_a_terminal(tmp_path):
    import pty

    env = {k: v for k, v in os.environ.items() if k not in CI_VARIABLES and k != "DO_NOT_TRACK"}
    env["PREFECT_HOME"] = str(tmp_path / "prefect")
    code = ("import flows.pipeline, os, sys; from prefect._internal.analytics import is_telemetry_enabled; "
            "print('telemetry', is_telemetry_enabled(), os.environ['PREFECT_SERVER_ANALYTICS_ENABLED'], "
            "sys.stdout.isatty())")
    out = []
    pid, fd = pty.fork()
    if pid == 0:  # the child: a Python with a terminal, as a user has
        os.execve(sys.executable, [sys.executable, "-c", code], env)
    try:
        while True:
            out.append(os.read(fd, 4096).decode(errors="replace"))
    except OSError:
        pass
    os.waitpid(pid, 0)
    text = "".join(out)
    assert "telemetry False false True" in text, text
    assert "anonymous usage" not in text and not (tmp_path / "prefect" / ".sdk_telemetry" / "notice_shown").exists()


CI_VARIABLES = {"CI", "GITHUB_ACTIONS", "GITLAB_CI", "JENKINS_URL", "TRAVIS", "CIRCLECI", "BUILDKITE", "TF_BUILD",
                "CODEBUILD_BUILD_ID", "BITBUCKET_COMMIT", "TEAMCITY_VERSION", "DRONE", "SEMAPHORE", "APPVEYOR",
                "BUDDY", "CI_NAME"}


def test_progress_without_a_terminal_is_one_line_per_stage(capsys):
    from flows.progress import _Reporter

    progress = _Reporter()
    progress.start(live=False)
    progress.stage("read and parse files", 3)
    progress.advance("read and parse files", 2)
    assert capsys.readouterr().err == ""
    progress.advance("read and parse files", 1)
    progress.stage("run-wide steps", 2, "quote groups")
    progress.advance("run-wide steps", 1, now="stories")
    progress.stop()  # a stage left unfinished is reported when the run ends
    lines = capsys.readouterr().err.splitlines()
    assert [line.split(" done in ")[0] for line in lines] == ["crosswire: read and parse files: 3 of 3",
                                                               "crosswire: run-wide steps: 1 of 2"]


def test_progress_on_a_terminal_shows_counts_elapsed_and_time_left():
    import io

    from rich.console import Console

    from flows.progress import _Reporter

    screen = io.StringIO()
    progress = _Reporter()
    progress.start(live=True, console=Console(file=screen, force_terminal=True, width=120))
    progress.stage("analyse articles", 10)
    progress.advance("analyse articles", 4)
    progress.stage("run-wide steps", 7, "quote groups")
    progress.advance("run-wide steps", 2, now="story clusters")
    progress.stop()
    shown = screen.getvalue()
    assert "analyse articles" in shown and "4/10" in shown and "left" in shown
    assert "run-wide steps: story clusters" in shown and "2/7" in shown
