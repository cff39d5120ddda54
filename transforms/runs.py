"""Run bookkeeping: the one-row runs table."""

from datetime import datetime

import pyarrow as pa

from warehouse.contracts import INPUT_FILES, RUNS


def run_record(run_id: str, started_at: datetime, finished_at: datetime, input_dir: str, entities_version: str,
               counts: dict[str, int]) -> pa.Table:
    """Run identity, times and counts -> one-row RUNS table."""
    row = {"run_id": run_id, "started_at": started_at, "finished_at": finished_at, "input_dir": input_dir,
           "entities_version": entities_version, **{f"count_{k}": v for k, v in counts.items()}}
    return pa.Table.from_pylist([row], schema=RUNS)


def input_files(paths: list[str]) -> pa.Table:
    """Relative paths found under the input folder -> INPUT_FILES table."""
    return pa.Table.from_pylist([{"source_path": p} for p in paths], schema=INPUT_FILES)
