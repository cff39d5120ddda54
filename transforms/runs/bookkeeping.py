"""Run bookkeeping: the one-row runs table, the configuration's version, and which input files need reading."""

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime

import pyarrow as pa
import pyarrow.compute as pc

from warehouse.contracts import RUNS


def run_record(run_id: str, started_at: datetime, finished_at: datetime, input_dir: str, entities_version: str,
               config_version: str, counts: dict[str, int]) -> pa.Table:
    """Run identity, times, configuration version and counts -> one-row RUNS table."""
    row = {"run_id": run_id, "started_at": started_at, "finished_at": finished_at, "input_dir": input_dir,
           "entities_version": entities_version, "config_version": config_version,
           **{f"count_{k}": v for k, v in counts.items()}}
    return pa.Table.from_pylist([row], schema=RUNS)


def config_version(versions: list[str], manifests: dict[str, dict], input_dir: str) -> str:
    """Versions of the tables and code + the manifests' rows + the input folder -> one hash: equal hashes, equal
    results for files that did not change (another folder is another corpus, even with the same file names)."""
    text = json.dumps([versions, sorted(manifests.items()), input_dir], sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


@dataclass(frozen=True)
class ReadPlan:
    """Which input files a run must read, and which it may take from the previous run's documents."""

    to_read: list[str]
    unchanged: list[str]
    nothing_new: bool


def plan_reads(files: pa.Table, config: str, previous: dict | None) -> ReadPlan:
    """INPUT_FILES now + the previous run (or None) -> ReadPlan.

    A file is unchanged when the previous run, under the same configuration, saw it with the same size and time and
    quarantined none of it (quarantine rows are not kept per file, so such a file is read again)."""
    paths = files["source_path"].to_pylist()
    if previous is None or previous["config_version"] != config:
        return ReadPlan(paths, [], False)
    before = {r["source_path"]: (r["size_bytes"], r["modified_at"]) for r in previous["input_files"].to_pylist()}
    now = {r["source_path"]: (r["size_bytes"], r["modified_at"]) for r in files.to_pylist()}
    unchanged = [p for p in paths if before.get(p) == now[p] and p not in previous["quarantined"]]
    to_read = [p for p in paths if p not in set(unchanged)]
    return ReadPlan(to_read, unchanged, not to_read and before.keys() == now.keys())


def read_batches(files: pa.Table, paths: list[str], batch_size: int, max_bytes: int) -> list[list[str]]:
    """INPUT_FILES + the paths to read -> consecutive batches of at most batch_size paths and max_bytes on disk (a
    larger file alone); one empty batch when there is nothing to read."""
    size = dict(zip(files["source_path"].to_pylist(), files["size_bytes"].to_pylist(), strict=True))
    batches, current, total = [], [], 0
    for path in paths:
        grow = max(size.get(path, 0), 0)
        if current and (len(current) >= batch_size or total + grow > max_bytes):
            batches.append(current)
            current, total = [], 0
        current.append(path)
        total += grow
    return batches + [current] if current or not batches else batches


# Documents in input order: by file, then by record within a file.
INPUT_ORDER = [("source_path", "ascending"), ("record_no", "ascending")]


def row_keys(docs: pa.Table) -> pa.Array:
    """Documents (source_path, record_no) -> one key per input record: 'a.jsonl\x1f3', 'b.html\x1f-1'."""
    record = pc.cast(pc.fill_null(docs["record_no"], -1), pa.string())
    return pc.binary_join_element_wise(docs["source_path"], record, "\x1f").combine_chunks() if docs.num_rows \
        else pa.array([], pa.string())
