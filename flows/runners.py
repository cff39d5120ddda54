"""Where a run's batches go: `auto` (the default) picks the fastest correct runner for this machine and run, `local`
is one thread in the flow's process, `processes` one process per core, `dask` the workers of an existing cluster."""

import math
import os

RUNNERS = ("auto", "local", "processes", "dask")


def cores() -> int:
    """The number of CPU cores this process may run on (its affinity, where the system tells it)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def batch_count(articles: int, batch_size: int) -> int:
    """Articles to analyse and the batch size -> how many batches they make (at least one)."""
    return max(1, math.ceil(articles / batch_size))


def choose(runner: str, batches: int, cores: int, shared: bool = True) -> str:
    """The runner asked for, the run's batches, the machine's cores and whether other processes see the warehouse
    -> the runner the batches run on.

    `auto` is a process per core when there is more than one core and more than one batch (batches are Python-bound:
    threads would share one core), else the flow's own process, which saves starting workers for a single batch and
    is the only one that sees a warehouse in its own memory."""
    if runner != "auto":
        return runner
    return "processes" if cores > 1 and batches > 1 and shared else "local"


def check(runner: str, dask_address: str | None) -> None:
    """Raise ValueError for a runner this module does not know, or the dask runner without an address."""
    if runner not in RUNNERS:
        raise ValueError(f"unknown runner {runner!r}: one of {', '.join(RUNNERS)}")
    if runner == "dask" and not dask_address:
        raise ValueError("the dask runner needs an address: tcp://HOST:PORT of the cluster's scheduler")


def task_runner(runner: str, dask_address: str | None = None, workers: int | None = None):
    """A chosen runner (not auto) -> a Prefect task runner, not yet started: `workers` processes for processes
    (default: one per core)."""
    check(runner, dask_address)
    if runner == "processes":
        from prefect.task_runners import ProcessPoolTaskRunner

        return ProcessPoolTaskRunner(max_workers=workers or cores())
    if runner == "dask":
        from prefect_dask import DaskTaskRunner

        return DaskTaskRunner(address=dask_address)
    from prefect.task_runners import ThreadPoolTaskRunner

    return ThreadPoolTaskRunner(max_workers=1)


def for_batches(runner: str, dask_address: str | None, batches: int, shared: bool = True):
    """The task runner a run's batches go to (auto resolved for this machine and warehouse), no more processes than
    batches."""
    chosen = choose(runner, batches, cores(), shared)
    return task_runner(chosen, dask_address, min(cores(), batches) if chosen == "processes" else None)
