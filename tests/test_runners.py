"""Where batches run: auto picks a process per core on a machine with more than one and a run with more than one
batch, else the flow's own process; the other runners are what they say."""

import pytest

from flows import runners


@pytest.mark.parametrize("cores, batches, chosen", [
    (1, 1, "local"), (1, 40, "local"), (2, 1, "local"), (2, 2, "processes"), (8, 40, "processes")])
def test_auto_uses_every_core_when_there_are_several_and_more_than_one_batch(cores, batches, chosen):
    assert runners.choose("auto", batches, cores) == chosen


def test_auto_keeps_a_warehouse_in_memory_in_the_flows_process():
    from flows.storage import shared_by_processes

    assert not shared_by_processes("memory://wh") and shared_by_processes("data") and shared_by_processes("s3://b/wh")
    assert runners.choose("auto", 40, 2, shared=False) == "local"


@pytest.mark.parametrize("runner", ["local", "processes", "dask"])
def test_a_runner_asked_for_is_the_one_used(runner):
    assert runners.choose(runner, 40, 2) == runner and runners.choose(runner, 1, 1) == runner


@pytest.mark.parametrize("articles, batch_size, batches", [(0, 500, 1), (500, 500, 1), (501, 500, 2), (5, 2, 3)])
def test_batch_count(articles, batch_size, batches):
    assert runners.batch_count(articles, batch_size) == batches


def test_the_batches_task_runner_on_one_core_and_on_two(monkeypatch):
    from prefect.task_runners import ProcessPoolTaskRunner, ThreadPoolTaskRunner

    monkeypatch.setattr(runners, "cores", lambda: 1)
    alone = runners.for_batches("auto", None, 40)
    assert isinstance(alone, ThreadPoolTaskRunner) and alone._max_workers == 1
    monkeypatch.setattr(runners, "cores", lambda: 2)
    pool = runners.for_batches("auto", None, 40)
    assert isinstance(pool, ProcessPoolTaskRunner) and pool._max_workers == 2
    assert isinstance(runners.for_batches("auto", None, 1), ThreadPoolTaskRunner)
    assert runners.for_batches("processes", None, 1)._max_workers == 1  # no more processes than batches
    assert isinstance(runners.for_batches("local", None, 40), ThreadPoolTaskRunner)


def test_unknown_runners_and_dask_without_an_address_are_refused():
    with pytest.raises(ValueError, match="unknown runner 'gpu'"):
        runners.check("gpu", None)
    with pytest.raises(ValueError, match="address"):
        runners.task_runner("dask", None)
    runners.check("dask", "tcp://127.0.0.1:8786")


def test_auto_is_the_default_of_the_command_and_of_the_settings(monkeypatch):
    from flows.options import parser
    from flows.settings import SETTINGS, _from_env

    monkeypatch.delenv("CROSSWIRE_RUNNER", raising=False)
    assert _from_env().runner == "auto"
    monkeypatch.setenv("CROSSWIRE_RUNNER", "local")
    assert _from_env().runner == "local"
    for command in (["run"], ["serve", "--interval", "60"]):
        assert parser().parse_args(command).runner == SETTINGS.runner  # CROSSWIRE_RUNNER, else auto
