"""What a run reads, carries over and analyses again: the input compared with the published run, unchanged files'
documents and unchanged articles' rows carried over, the rest read or analysed now."""

import pyarrow as pa
import pyarrow.compute as pc
from prefect import get_run_logger

from flows import intake, storage
from flows.progress import PROGRESS
from flows.tasks import (
    carry_forward,
    missing_from_manifest,
    parse,
    plan_run,
    read_files,
    read_run_table,
    unchanged_ids,
    write,
)
from transforms.runs import batch as batches
from transforms.runs import bookkeeping as runs

# Input files read at once: up to this many bytes on disk (a larger file is read alone).
READ_BYTES = 64 * 1024 * 1024
# Parts carried over from the previous run are numbered from here: after any part a run writes itself.
CARRIED_PARTS = 100_000
# A document without its text: texts stay in Parquet and stream through the steps that read them.
DOCUMENT_FIELDS = [name for name in storage.CONTRACTS["documents"].names if name != "text"]


def chunks(items, size: int) -> list:
    """A list or an Arrow table -> consecutive slices of at most `size` (one empty slice if it is empty)."""
    cut = items.slice if isinstance(items, pa.Table) else (lambda i, n: items[i:i + n])
    return [cut(i, size) for i in range(0, len(items), size)] or [cut(0, 0)]


def full_batches(tables, size: int):
    """Arrow tables of one schema (the documents of each part) -> consecutive tables of `size` rows, the last maybe
    fewer, taken across the tables' bounds: a re-run's few changed articles, spread over many parts, make few
    batches (each batch has a fixed cost: a task, the matchers it builds)."""
    held, count = [], 0
    for table in tables:
        start = 0
        while start < table.num_rows:
            held.append(table.slice(start, size - count))
            count, start = count + held[-1].num_rows, start + held[-1].num_rows
            if count == size:
                yield pa.concat_tables(held)
                held, count = [], 0
    if held:
        yield pa.concat_tables(held)


def prepare(input_dir: str, warehouse_dir: str, manifest: str | None, entities_file: str, outlets_file: str,
            full: bool) -> tuple[dict | None, runs.ReadPlan, pa.Table, dict, str]:
    """What this run must read (see flows/intake.py): -> (previous run or None, plan, input files, manifests,
    config version)."""
    return plan_run(input_dir, warehouse_dir, manifest, entities_file, outlets_file, full)


def nothing_new(previous: dict) -> dict:
    """The summary of a run that found nothing new: the published run's counts."""
    get_run_logger().info("nothing new since run %s: its catalog stays", previous["run_id"])
    return intake.nothing_new(previous)


def _read_documents(input_dir: str, warehouse_dir: str, run_id: str, files: pa.Table, paths: list[str],
                    manifests: dict[str, dict], batch_size: int) -> pa.Table:
    """Read and parse the files in `paths` a batch at a time (at most batch_size files and READ_BYTES, or one larger
    file), written as DOCUMENTS parts of at most batch_size rows; -> quarantine rows."""
    PROGRESS.stage("read and parse files", len(paths))
    quarantine, part = [], 0
    for batch in runs.read_batches(files, paths, batch_size, READ_BYTES):
        docs, batch_quarantine = parse(read_files(input_dir, batch), manifests)
        for chunk in chunks(docs, batch_size):
            if chunk.num_rows:
                write(warehouse_dir, "documents", chunk, run_id, part)
                part += 1
        quarantine.append(batch_quarantine)
        PROGRESS.advance("read and parse files", len(batch))
    return pa.concat_tables(quarantine)


def documents(input_dir: str, warehouse_dir: str, run_id: str, previous: dict | None, plan: runs.ReadPlan,
              files: pa.Table, manifests: dict, batch_size: int) -> tuple[pa.Table, pa.Table]:
    """This run's DOCUMENTS parts: those of unchanged files carried over, the others read now;
    -> (the documents without their text, in input order; quarantine)."""
    if plan.unchanged:
        carry_forward(warehouse_dir, ["documents"], previous["run_id"], run_id, "source_path",
                      pa.array(plan.unchanged, pa.string()), CARRIED_PARTS)
    quarantine = _read_documents(input_dir, warehouse_dir, run_id, files, plan.to_read, manifests, batch_size)
    docs = read_run_table(warehouse_dir, "documents", run_id, columns=DOCUMENT_FIELDS)
    docs = docs.sort_by(runs.INPUT_ORDER)
    return docs, pa.concat_tables([missing_from_manifest(manifests, files["source_path"].to_pylist()), quarantine])


def to_analyse(docs: pa.Table, keys: pa.Table, previous: dict | None) -> tuple[pa.Array, pa.Table]:
    """Documents -> (ids of those whose analysis key is unchanged since the previous run, the others)."""
    carried = unchanged_ids(keys, previous["analysed"] if previous else None)
    return carried, docs.filter(pc.invert(pc.is_in(docs["doc_id"], carried)))


def carry_articles(warehouse_dir: str, run_id: str, previous: dict | None, carried: pa.Array) -> None:
    """The per-article tables' rows of carried articles, from the previous run's parts into this run's."""
    if len(carried):
        carry_forward(warehouse_dir, list(batches.CARRIED), previous["run_id"], run_id, "doc_id", carried,
                      CARRIED_PARTS)
