"""The only code that touches disk: input files and manifests in, Parquet parts out, the DuckDB catalog swapped in.

fs (the warehouse's file system: a folder or an fsspec URL), inputs (the input folder and its manifests), curated
(the entity, outlet and decision tables), parts (a run's tables as Parquet parts), aggregate (run-wide counts in
DuckDB over a run's parts), scratch (a run-wide step's working tables in a local DuckDB database that spills to
disk, read back in slices), carry (parts carried into the next run), spill (rows of a corpus-wide count spilled to
local files, bucket by bucket), lock (one run at a time), catalog (reading the published catalog), publish (building,
checking and swapping it in). The flow and the CLI use the names below.
"""

from flows.storage.aggregate import aggregate
from flows.storage.carry import carry_forward
from flows.storage.catalog import CATALOG, QueryError, export, previous_run, queries, query, report_data
from flows.storage.curated import (
    read_alias_decisions,
    read_entities,
    read_entity,
    read_outlets,
    read_suggestion,
    save_alias_decision,
    versions,
)
from flows.storage.fs import InputError, absolute_warehouse, shared_by_processes
from flows.storage.inputs import list_inputs, read_files, read_manifests, stat_inputs
from flows.storage.lock import LOCK, check_unlocked, check_warehouse, locked
from flows.storage.parts import read_part, read_run_table, run_parts, with_texts, write_table, write_tables
from flows.storage.publish import publish
from flows.storage.spill import spilled
from warehouse.contracts import CONTRACTS

__all__ = [
    "CATALOG", "CONTRACTS", "LOCK", "InputError", "QueryError", "absolute_warehouse", "aggregate", "carry_forward",
    "check_unlocked", "check_warehouse", "export", "list_inputs", "locked", "previous_run", "publish", "queries",
    "query",
    "read_alias_decisions", "read_entities", "read_files", "read_manifests", "read_outlets", "read_part",
    "read_entity", "read_run_table", "read_suggestion", "report_data", "run_parts", "save_alias_decision",
    "shared_by_processes", "spilled", "stat_inputs",
    "versions", "with_texts", "write_table", "write_tables",
]
