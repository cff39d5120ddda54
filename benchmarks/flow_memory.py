"""What each corpus-wide step of a run adds to the flow process's peak memory, on a warehouse's published run.

Each step runs as the flow runs it (the same functions of flows/pipeline.py, its Prefect tasks called as plain
functions) in a forked process of its own, so one step's freed but unreturned memory does not hide the next one's:
printed is its resident memory at the start, its peak (VmHWM) and the growth. Run it on warehouses of two corpus
sizes to see which steps grow with the corpus.

    .venv/bin/python -m benchmarks.flow_memory --warehouse WH [--entities seeds/entities.csv] [--steps names stories]
"""

import argparse
import importlib
import os
import tempfile
import time

import pyarrow as pa
from prefect import Task

from flows import pipeline, planning, storage
from flows.settings import SETTINGS
from flows.storage.catalog import published_run
from flows.storage.fs import open_fs


def _plain_tasks() -> None:
    """The flow's helpers call Prefect tasks: here they run as the plain functions they wrap (no API needed)."""
    for module in (pipeline, planning):
        for name, value in vars(module).copy().items():
            if isinstance(value, Task):
                setattr(module, name, value.fn)


def _kb(field: str) -> int:
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith(field + ":"))


def _site_lines(warehouse: str, run_id: str, entities_file: str) -> None:
    docs = storage.read_run_table(warehouse, "documents", run_id, columns=planning.DOCUMENT_FIELDS)
    pipeline._site_lines(warehouse, run_id, docs.filter(pa.compute.is_valid(docs["outlet"])))


def _names(warehouse: str, run_id: str, entities_file: str) -> None:
    from transforms.names import mentions

    articles = storage.read_run_table(warehouse, "articles", run_id, columns=["doc_id", "outlet_name"])
    entities = mentions.parse_entities(storage.read_entities(entities_file)[0])
    pipeline._name_tables(warehouse, run_id, articles, entities, entities_file)


def _quote_groups(warehouse: str, run_id: str, entities_file: str) -> None:
    pipeline._quote_groups(warehouse, run_id, {}, pa.array([], pa.string()))


def _stories(warehouse: str, run_id: str, entities_file: str) -> None:
    pipeline._stories(warehouse, run_id, {}, pa.array([], pa.string()))


def _checks(warehouse: str, run_id: str, entities_file: str) -> None:
    fs, root = open_fs(warehouse)
    path = f"{root}/.building-memory-{os.getpid()}.duckdb"
    try:
        importlib.import_module("flows.storage.publish")._build_catalog(path, run_id, None, root)
    finally:
        for leftover in (path, path + ".wal"):
            if os.path.exists(leftover):
                os.unlink(leftover)


STEPS = {"site lines": _site_lines, "names": _names, "quote groups": _quote_groups, "stories": _stories,
         "catalog and data checks": _checks}


def measure(step, *args) -> tuple[float, float, float]:
    """A step run in a forked child -> (resident GB at its start, peak GB, seconds)."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: run the step, send its figures, leave without cleanup
        os.close(read)
        start, started = _kb("VmRSS"), time.perf_counter()
        step(*args)
        os.write(write, f"{start} {_kb('VmHWM')} {time.perf_counter() - started}".encode())
        os._exit(0)
    os.close(write)
    with os.fdopen(read) as answer:
        text = answer.read()
    os.waitpid(pid, 0)
    start, peak, seconds = text.split()
    return int(start) / 1024 ** 2, int(peak) / 1024 ** 2, float(seconds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--warehouse", required=True)
    parser.add_argument("--entities", default=SETTINGS.entities_file)
    parser.add_argument("--steps", nargs="+", choices=[name.split()[0] for name in STEPS],
                        help="only these steps (by first word: site, names, quote, stories, catalog)")
    args = parser.parse_args()
    _plain_tasks()
    run_id = published_run(args.warehouse)
    os.environ.setdefault("TMPDIR", tempfile.gettempdir())
    print(f"run {run_id}: {storage.read_run_table(args.warehouse, 'articles', run_id, columns=['doc_id']).num_rows:,}"
          " articles")
    print(f"{'step':<26}{'start GB':>9}{'peak GB':>9}{'growth':>9}{'seconds':>9}")
    for name, step in STEPS.items():
        if args.steps and name.split()[0] not in args.steps:
            continue
        start, peak, seconds = measure(step, args.warehouse, run_id, args.entities)
        print(f"{name:<26}{start:>9.2f}{peak:>9.2f}{peak - start:>9.2f}{seconds:>9.1f}")


if __name__ == "__main__":
    main()
