"""What a run must read, decided from storage and the run bookkeeping alone (no Prefect, no analysis): the flow plans
with it, and the command with it finds a run with nothing new before it starts Prefect at all."""

import pyarrow as pa

from flows import storage
from transforms.runs import bookkeeping as runs


def prepare(input_dir: str, warehouse_dir: str, manifest: str | None, entities_file: str, outlets_file: str,
            full: bool) -> tuple[dict | None, runs.ReadPlan, pa.Table, dict, str]:
    """What this run must read: -> (previous run or None, plan, input files, manifests, config version)."""
    files = storage.stat_inputs(input_dir, storage.list_inputs(input_dir))
    manifests = storage.read_manifests(input_dir, manifest)
    config = runs.config_version(storage.versions(entities_file, outlets_file), manifests, input_dir)
    previous = None if full else storage.previous_run(warehouse_dir)
    return previous, runs.plan_reads(files, config, previous), files, manifests, config


def unchanged_since(input_dir: str, warehouse_dir: str, manifest: str | None, entities_file: str,
                    outlets_file: str) -> dict | None:
    """The published run's summary (see nothing_new) when nothing is new or changed since it, else None."""
    previous, plan, *_ = prepare(input_dir, warehouse_dir, manifest, entities_file, outlets_file, full=False)
    return nothing_new(previous) if plan.nothing_new else None


def nothing_new(previous: dict) -> dict:
    """The summary of a run that found nothing new: the published run's counts."""
    counts = {name: previous[f"count_{name}"] for name in ("files", "documents_read", "articles", "quarantined")}
    return {"run_id": previous["run_id"], **counts, "analysed": 0, "reused": counts["articles"], "nothing_new": True}
