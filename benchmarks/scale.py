"""Scale of the real flow on abp-dev and on replicas of it, against the targets and a DuckDB floor.

For each replication factor: the input is written to disk (the corpus and distinct replicas of it: new articles of
the same outlets, see benchmarks.replicate), a Prefect API server is started once (its start-up timed apart), the
flow runs in a child process three times on one warehouse (first run, re-run with no new input, re-run after a file
of 1% new articles is added), and between them the DuckDB floor (read the same input, split bodies into lines, one
regex) and every mart query are timed. Stage times are sums of task-run times from the Prefect API; what the flow's
wall time holds beyond them is orchestration (Prefect's task and flow-run bookkeeping, plus the flow's own glue
between tasks). Peak resident memory is read from /proc for the flow process and for every process it starts (batch
workers).

    .venv/bin/python -m benchmarks.scale [--copies 1,10] [--limit 2000] [--keep DIR] [--batch-size 500]
"""

import argparse
import json
import multiprocessing
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterable
from pathlib import Path

import duckdb

from benchmarks.replicate import Corpus, load_corpus, write_replica

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "corpora" / "abp-dev.jsonl.gz"
MARTS = ROOT / "warehouse" / "sql" / "marts"
TARGET_RATE, TARGET_RATE_AT = 1000, 187_000
TARGET_RSS_GB, TARGET_RSS_GROWTH = 1.5, 0.10  # every process, at x10; at x50 no more than 10% above x10
TARGET_RERUN, TARGET_RERUN_NEW, TARGET_MART_S = 0.02, 0.05, 1.0
NEW_EVERY = 100  # the 1% of new articles: every 100th record, in new replicas
# Task names of flows/pipeline.py by stage; a task not listed is shown under its own name.
STAGES = {
    "plan": ("plan_run", "read_entities", "parse_entities", "read_outlets", "read_alias_decisions"),
    "read/parse": ("read_files", "parse", "missing_from_manifest", "read_run_table"),
    "site lines": ("learn_site_lines", "assign_outlets", "normalise_outlets", "split_repeats", "analysis_keys",
                   "unchanged_ids"),
    # One task per batch: clean, names, quotes, descriptors, figures, story features (benchmarks.stage_profile
    # times them one by one).
    "analyse batches": ("analyse",),
    "carry over": ("carry_forward", "repeat_sources"),
    # Names resolved across the corpus: totals and entity counts in DuckDB ('aggregate'), then the rules in Python.
    "names": ("aggregate", "resolve_discovered", "counted_entities", "merge_proposals"),
    "run-wide": ("propose_aliases", "with_spelling_docs", "proposal_table", "match_quotes", "cluster_stories"),
    "write": ("write", "write_tables", "write_batch"),
    "publish": ("publish", "publish_summary"),
}
_STAGE_OF = {task: stage for stage, tasks in STAGES.items() for task in tasks}
_RUN_SUFFIX = re.compile(r"-[0-9a-f]{3,}$")  # Prefect names a task run '<task name>-<random hex>'
FLOOR_SQL = """
    select count(*) as count_lines, count(*) filter (regexp_matches(line, '(?i)advertisement')) as count_matching
    from (select unnest(string_split(text, chr(10))) as line
          from read_json({files}, format = 'newline_delimited'))
"""


def task_name(run_name: str) -> str:
    """Task-run name -> task name: 'find_names-3fa' -> 'find_names'."""
    return _RUN_SUFFIX.sub("", run_name)


def stage_seconds(runs: Iterable[tuple[str, float]]) -> dict[str, float]:
    """(task-run name, seconds) pairs -> seconds by stage, in STAGES order, then unknown tasks by name."""
    totals = dict.fromkeys(STAGES, 0.0)
    for name, seconds in runs:
        stage = _STAGE_OF.get(task_name(name), f"other: {task_name(name)}")
        totals[stage] = totals.get(stage, 0.0) + seconds
    return totals


def orchestration_share(wall: float, task_seconds: float) -> float:
    """Flow wall time + summed task-run time -> share of the wall time spent outside tasks."""
    return max(wall - task_seconds, 0.0) / wall if wall > 0 else 0.0


def floor(files: list[str]) -> tuple[float, int, int]:
    """Input .jsonl(.gz) files -> (seconds, lines, lines matching the regex) of the DuckDB floor query."""
    con = duckdb.connect()
    try:
        started = time.perf_counter()
        lines, matching = con.execute(FLOOR_SQL.format(files=[str(f) for f in files])).fetchone()
        return time.perf_counter() - started, lines, matching
    finally:
        con.close()


def mart_seconds(warehouse: str) -> dict[str, tuple[float, int]]:
    """Warehouse -> {mart: (seconds, rows)} for `select * from <mart>` fully fetched, marts in file order."""
    con = duckdb.connect(str(Path(warehouse) / "crosswire.duckdb"), read_only=True)
    found = {}
    try:
        for path in sorted(MARTS.glob("*.sql")):
            started = time.perf_counter()
            rows = con.execute(f"select * from {path.stem}").fetchall()
            found[path.stem] = (time.perf_counter() - started, len(rows))
    finally:
        con.close()
    return found


def _mark(ok: bool) -> str:
    return "ok" if ok else "MISS"


_CORPUS: Corpus | None = None  # the corpus the replica writers share (forked processes inherit it)


def _write_one(job: tuple[str, int]) -> tuple[int, int]:
    return write_replica(_CORPUS, *job)


def _prepare(corpus: Corpus, name: str, folder: Path, copies: int) -> tuple[int, int]:
    """Write the input folder: the corpus and distinct replicas 1..copies-1, one process per core; -> (records,
    bytes)."""
    global _CORPUS
    folder.mkdir(parents=True, exist_ok=True)
    jobs = [(str(folder / f"{name}-r{k:03d}.jsonl.gz"), k) for k in range(copies)]
    _CORPUS = corpus
    with multiprocessing.get_context("fork").Pool(min(os.cpu_count() or 1, copies)) as pool:
        written = pool.map(_write_one, jobs)
    return sum(n for n, _ in written), sum(b for _, b in written)


def _status_kb(pid: int, field: str) -> int:
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def descendants(pid: int) -> list[int]:
    """A process id -> the ids of every process below it (children, their children, ...), from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    parent = int(stat.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(parent, []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        below = children.get(todo.pop(), [])
        found += below
        todo += below
    return found


class ProcessPeaks:
    """Peak resident memory (VmHWM) of a process and of each process below it, sampled while they run."""

    def __init__(self, pid: int, every_s: float = 0.25) -> None:
        self.pid, self.every_s, self.peaks = pid, every_s, {}
        self.timeline: list[tuple[float, int]] = []  # (epoch seconds, resident KB) of the process itself
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        while not self._stop.is_set():
            for pid in [self.pid] + descendants(self.pid):
                self.peaks[pid] = max(self.peaks.get(pid, 0), _status_kb(pid, "VmHWM"))
            self.timeline.append((time.time(), _status_kb(self.pid, "VmRSS")))
            self._stop.wait(self.every_s)

    def stop(self) -> dict[str, float]:
        """-> {'flow': GB, 'workers': [GB, ...] largest first} of the peaks seen."""
        self._stop.set()
        self._thread.join()
        workers = sorted((kb / 1024 ** 2 for pid, kb in self.peaks.items() if pid != self.pid), reverse=True)
        return {"flow_gb": self.peaks.get(self.pid, 0) / 1024 ** 2, "workers_gb": workers,
                "timeline": self.timeline}


def rss_by_task(timeline: list[tuple[float, int]], runs: Iterable[tuple[str, float, float]]) -> dict[str, tuple]:
    """The flow process's (epoch s, resident KB) samples + (task-run name, start, end) -> {task: (resident GB when
    its first run started, peak GB while any of its runs ran)}, highest peak first: which step holds the memory."""
    found: dict[str, tuple[float, float]] = {}
    for name, start, end in runs:
        during = [kb for at, kb in timeline if start <= at <= end]
        before = [kb for at, kb in timeline if at <= start]
        if not during and not before:
            continue
        task = task_name(name)
        first, peak = found.get(task, ((before or during)[-1 if before else 0] / 1024 ** 2, 0.0))
        found[task] = (first, max(peak, max(during or before[-1:]) / 1024 ** 2))
    return dict(sorted(found.items(), key=lambda item: -item[1][1]))


def _run_child(input_dir: Path, warehouse: Path, batch_size: int, api_url: str) -> dict:
    """One flow run in a child process -> its figures (flow run id, wall and process seconds, peak RSS of the flow
    process and of every process it started)."""
    env = {**os.environ, "PREFECT_API_URL": api_url, "PREFECT_LOGGING_LEVEL": "WARNING"}
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "benchmarks.scale", "--child", str(input_dir), str(warehouse),
                              str(batch_size)], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True)
    peaks = ProcessPeaks(child.pid)
    out, errors = child.communicate()
    memory = peaks.stop()
    if child.returncode:
        raise RuntimeError(f"flow run failed ({child.returncode}):\n{errors[-3000:]}")
    figures = json.loads(out.strip().splitlines()[-1])
    return {**figures, **memory, "process_s": time.perf_counter() - started}


def _child(input_dir: str, warehouse: str, batch_size: int) -> None:
    """In the child: run the flow once (on the runner CROSSWIRE_RUNNER names), print its figures as one JSON line."""
    import resource

    from flows.pipeline import with_runner
    from flows.settings import SETTINGS

    started = time.perf_counter()
    state = with_runner(SETTINGS.runner, SETTINGS.dask_address)(
        input_dir=input_dir, warehouse_dir=warehouse, batch_size=batch_size, return_state=True)
    wall = time.perf_counter() - started
    counts = state.result()
    # The process pool's workers are children of this process: its peak counts with them.
    rss_kb = max(resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    print(json.dumps({"flow_run_id": str(state.state_details.flow_run_id), "wall_s": wall,
                      "rss_gb": rss_kb / 1024 ** 2, "articles": counts["articles"]}))


def _start_server(home: Path):
    """A local Prefect API server of its own (fresh history database) -> (server, seconds it took to start)."""
    home.mkdir(parents=True, exist_ok=True)
    os.environ.update(PREFECT_HOME=str(home), PREFECT_SERVER_ANALYTICS_ENABLED="false",
                      PREFECT_LOGGING_SERVER_LEVEL="CRITICAL", PREFECT_LOGGING_LEVEL="WARNING")
    from prefect.server.api.server import SubprocessASGIServer

    server = SubprocessASGIServer()
    started = time.perf_counter()
    server.start(timeout=180)
    return server, time.perf_counter() - started


def _task_runs(api_url: str, flow_run_id: str, settle_s: float = 3.0, timeout_s: float = 300) -> list[tuple]:
    """A flow run's task runs from the API -> (name, seconds, start, end epoch seconds), once the server has
    recorded them all."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId
    from prefect.settings import PREFECT_API_URL, temporary_settings

    flow_filter = FlowRunFilter(id=FlowRunFilterId(any_=[flow_run_id]))
    seen, since, deadline = None, time.monotonic(), time.monotonic() + timeout_s
    with temporary_settings({PREFECT_API_URL: api_url}), get_client(sync_client=True) as client:
        while True:
            runs, page = [], None
            while page is None or len(page) == 200:
                page = client.read_task_runs(flow_run_filter=flow_filter, limit=200, offset=len(runs))
                runs += page
            # Task-run states reach the server as events and are recorded a little later: wait until they settle.
            ended = sum(r.end_time is not None for r in runs)
            if (len(runs), ended) != seen:
                seen, since = (len(runs), ended), time.monotonic()
            elif ended == len(runs) and time.monotonic() - since >= settle_s or time.monotonic() > deadline:
                break
            time.sleep(1)
    return [(r.name, (r.end_time - r.start_time).total_seconds() if r.end_time and r.start_time
             else r.total_run_time.total_seconds(), r.start_time.timestamp() if r.start_time else 0.0,
             r.end_time.timestamp() if r.end_time else 0.0) for r in runs]


def _report_run(label: str, run: dict, first: dict | None, target: float | None) -> None:
    wall = run["wall_s"]
    if first is None:
        print(f"{label:<34}{wall:>9.1f} s  (flow wall time; child process incl. imports {run['process_s']:.1f} s)")
        return
    share = wall / first["wall_s"]
    print(f"{label:<34}{wall:>9.1f} s  {share:>6.1%} of the first run   target <= {target:.0%}  "
          f"{_mark(share <= target)}")


def _report_first(run: dict, stages: dict[str, float], records: int, size: int, floor_s: float) -> None:
    wall = run["wall_s"]
    rate = run["articles_in"] / wall
    at = "" if records >= 0.9 * TARGET_RATE_AT else f" (target is for ~{TARGET_RATE_AT:,}; here {records:,})"
    print(f"  throughput                      {rate:>9,.0f} articles/s, {size / 1e6 / wall:.2f} MB/s   "
          f"target >= {TARGET_RATE:,} articles/s{at}  {_mark(rate >= TARGET_RATE)}")
    print(f"  pipeline / floor                {wall / floor_s:>9.0f}x")
    _report_memory(run)
    _report_stages(stages, wall)


def _report_memory(run: dict) -> None:
    largest = max([run["flow_gb"]] + run["workers_gb"])
    workers = ", ".join(f"{gb:.2f}" for gb in run["workers_gb"][:8]) or "none"
    print(f"  peak RSS, flow process          {run['flow_gb']:>9.2f} GB   target <= {TARGET_RSS_GB} GB  "
          f"{_mark(run['flow_gb'] <= TARGET_RSS_GB)}")
    print(f"  peak RSS, processes it started  {len(run['workers_gb']):>9d}      largest first (GB): {workers}  "
          f"{_mark(largest <= TARGET_RSS_GB)}")


def _report_stages(stages: dict[str, float], wall: float) -> None:
    print("  time by stage (sum of task-run times)")
    for stage, seconds in stages.items():
        if seconds >= 0.05:
            print(f"    {stage:<30}{seconds:>9.1f} s  {seconds / wall:>6.1%}")
    tasks = sum(stages.values())
    print(f"    {'prefect orchestration':<30}{max(wall - tasks, 0):>9.1f} s  {orchestration_share(wall, tasks):>6.1%}"
          "  (flow wall time minus task-run time; 0 when tasks ran in parallel)")


def task_seconds(runs: Iterable[tuple[str, float]]) -> dict[str, tuple[float, int]]:
    """(task-run name, seconds) pairs -> {task: (summed seconds, runs)}, longest first."""
    found: dict[str, tuple[float, int]] = {}
    for name, seconds in runs:
        total, count = found.get(task_name(name), (0.0, 0))
        found[task_name(name)] = (total + seconds, count + 1)
    return dict(sorted(found.items(), key=lambda item: -item[1][0]))


def _report_tasks(runs: Iterable[tuple[str, float]], shown: int = 12) -> None:
    print("  time by task (sum of its runs), longest first")
    for task, (seconds, count) in list(task_seconds(runs).items())[:shown]:
        print(f"    {task:<30}{seconds:>9.2f} s  {count:>5d} run(s)")


def _report_flow_memory(by_task: dict[str, tuple[float, float]], shown: int = 8) -> None:
    print("  flow process resident memory by task (GB at its first start -> peak while it ran), highest first")
    for task, (start, peak) in list(by_task.items())[:shown]:
        print(f"    {task:<30}{start:>9.2f} -> {peak:.2f}")


def _report_marts(warehouse: Path) -> None:
    print("  marts (select * fully fetched)")
    for name, (seconds, rows) in mart_seconds(str(warehouse)).items():
        print(f"    {name:<30}{seconds:>9.2f} s  {rows:>9,} rows   target <= {TARGET_MART_S:.0f} s  "
              f"{_mark(seconds <= TARGET_MART_S)}")


def run_copies(corpus: Corpus, name: str, copies: int, batch_size: int, work: Path, api_url: str) -> dict:
    """One replication factor: prepare, floor, first run, marts, re-runs; print as it goes; -> first run."""
    folder, warehouse = work / f"x{copies}" / "input", work / f"x{copies}" / "warehouse"
    started = time.perf_counter()
    records, size = _prepare(corpus, name, folder, copies)
    print(f"\n{name} x{copies}: {records:,} distinct articles, {size / 1e6:,.1f} MB uncompressed in {copies} "
          f"file(s), batches of {batch_size} (written in {time.perf_counter() - started:.0f} s)")
    floor_s, lines, matching = floor(sorted(folder.iterdir()))
    print(f"  floor: duckdb read_json + split lines + 1 regex {floor_s:>6.2f} s  ({lines:,} lines, {matching:,} match)")
    first = {**_run_child(folder, warehouse, batch_size, api_url), "articles_in": records}
    _report_run("  first run", first, None, None)
    runs = _task_runs(api_url, first["flow_run_id"])
    _report_first(first, stage_seconds((name, seconds) for name, seconds, *_ in runs), records, size, floor_s)
    _report_flow_memory(rss_by_task(first["timeline"], [(name, *span) for name, _, *span in runs]))
    _report_marts(warehouse)
    _report_run("  re-run, no new input", _run_child(folder, warehouse, batch_size, api_url), first, TARGET_RERUN)
    # 1% new: every NEW_EVERY-th record, in as many new replicas as the corpus has copies
    new = sum(write_replica(corpus, str(folder / f"new-r{k:03d}.jsonl.gz"), k, NEW_EVERY)[0]
              for k in range(copies, 2 * copies))
    again = _run_child(folder, warehouse, batch_size, api_url)
    _report_run(f"  re-run, +{new:,} new articles", again, first, TARGET_RERUN_NEW)
    _report_memory(again)
    runs = _task_runs(api_url, again["flow_run_id"])
    _report_stages(stage_seconds((name, seconds) for name, seconds, *_ in runs), again["wall_s"])
    _report_tasks((name, seconds) for name, seconds, *_ in runs)
    return first


def run_all(path: str, factors: list[int], limit: int | None, batch_size: int, work: Path) -> None:
    """Every replication factor against one Prefect API server; -> printed figures."""
    corpus = load_corpus(path, limit)
    server, startup = _start_server(work / "prefect-home")
    try:
        print(f"prefect API server start-up {startup:.1f} s (not counted)")
        name = Path(path).name.split(".")[0]
        firsts = {copies: run_copies(corpus, name, copies, batch_size, work, server.api_url) for copies in factors}
    finally:
        server.stop()
    if len(firsts) > 1:
        peaks = {c: max([r["flow_gb"]] + r["workers_gb"]) for c, r in firsts.items()}
        print("\nlargest process peak RSS by replication: " + ", ".join(f"x{c} {gb:.2f} GB" for c, gb in peaks.items()))
        low, high = min(firsts), max(firsts)
        growth = peaks[high] / peaks[low] - 1 if peaks[low] else 0.0
        print(f"  x{high} vs x{low}: {growth:+.0%}   target <= +{TARGET_RSS_GROWTH:.0%}  "
              f"{_mark(growth <= TARGET_RSS_GROWTH)}")


def main() -> None:
    """Command line -> the printed benchmark (or, with --child, one flow run)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", default=str(DEFAULT))
    parser.add_argument("--copies", default="1", help="replication factors, e.g. 1,10")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles of the corpus")
    parser.add_argument("--batch-size", type=int, default=500)
    parser.add_argument("--keep", default=None, help="folder for inputs and warehouses, kept afterwards")
    parser.add_argument("--runner", choices=("auto", "local", "processes"), default=None,
                        help="task runner of the flow runs (default: CROSSWIRE_RUNNER, else auto, as `crosswire run`)")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.runner:
        os.environ["CROSSWIRE_RUNNER"] = args.runner
    if args.child:
        _child(args.child[0], args.child[1], int(args.child[2]))
        return
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="crosswire-scale-"))
    try:
        run_all(args.corpus, [int(c) for c in args.copies.split(",")], args.limit, args.batch_size, work)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
