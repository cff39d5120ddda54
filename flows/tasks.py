"""The flow's tasks: each one storage call or one transform call, so Prefect retries, times and logs every step.

Arrow tables pass between tasks in memory: nothing to cache or hash. Only input and output tasks are retried."""

import pyarrow as pa
from prefect import task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE

from flows import intake, memory, storage
from flows.progress import PROGRESS
from flows.quotes import run_quote_groups
from flows.stories import run_stories
from transforms.clean import site_lines as sitelines
from transforms.compare import stories
from transforms.compare.quotes import groups as quote_groups
from transforms.ingest import documents as ingest
from transforms.ingest import outlets
from transforms.names import mentions, resolution, suggestions
from transforms.runs import batch as batches
from transforms.runs import bookkeeping as runs
from warehouse import reports

# Up to this many documents, site lines are counted in memory (about 30 MB of candidate lines); beyond, in buckets.
SITE_LINE_BUCKET_DOCS = 5_000

light = task(cache_policy=NO_CACHE)
io_task = task(cache_policy=NO_CACHE, retries=2, retry_delay_seconds=1)


@io_task
def plan_run(input_dir: str, warehouse_dir: str, manifest: str | None, entities_file: str, outlets_file: str,
             full: bool) -> tuple[dict | None, runs.ReadPlan, pa.Table, dict, str]:
    return intake.prepare(input_dir, warehouse_dir, manifest, entities_file, outlets_file, full)


@io_task
def read_entities(entities_file: str) -> tuple[list[dict], str]:
    return storage.read_entities(entities_file)


@io_task
def read_outlets(outlets_file: str) -> list[dict]:
    return storage.read_outlets(outlets_file)


@io_task
def read_alias_decisions(entities_file: str) -> list[dict]:
    return storage.read_alias_decisions(entities_file)


@io_task
def read_files(input_dir: str, paths: list[str]) -> pa.Table:
    return storage.read_files(input_dir, paths)


@io_task
def read_run_table(warehouse_dir: str, name: str, run_id: str, column: str | None = None,
                   values: list | pa.Array | None = None, columns: list[str] | None = None) -> pa.Table:
    return storage.read_run_table(warehouse_dir, name, run_id, column, values, columns)


@io_task
def carry_forward(warehouse_dir: str, names: list[str], from_run: str, to_run: str, column: str,
                  values: list | pa.Array, first_part: int) -> dict[str, int]:
    return storage.carry_forward(warehouse_dir, names, from_run, to_run, column, values, first_part)


@light
def analysis_keys(docs: pa.Table, doc_site_lines: pa.Table, config: str) -> pa.Table:
    return batches.analysis_keys(docs, doc_site_lines, config)


@light
def unchanged_ids(keys: pa.Table, previous_keys: pa.Table | None) -> pa.Array:
    return batches.unchanged_ids(keys, previous_keys)


@light
def parse(files: pa.Table, manifest: dict[str, dict]) -> tuple[pa.Table, pa.Table]:
    return ingest.parse_inputs(files, manifest).tables()


@light
def missing_from_manifest(manifest: dict[str, dict], paths: list[str]) -> pa.Table:
    return ingest.missing_from_manifest(manifest, paths)


@light
def parse_entities(rows: list[dict]) -> pa.Table:
    return mentions.parse_entities(rows)


@io_task
def learn_site_lines(warehouse_dir: str, run_id: str, docs: pa.Table) -> tuple[pa.Table, pa.Table]:
    """Site lines counted over the documents' texts, streamed from the run's DOCUMENTS parts one at a time, and the
    site lines each document holds; their candidate lines are counted in memory up to SITE_LINE_BUCKET_DOCS
    documents, else spilled and counted in buckets (the peak holds one bucket, whatever the corpus)."""
    PROGRESS.stage("learn site lines", docs.num_rows)
    with storage.spilled(-(-docs.num_rows // SITE_LINE_BUCKET_DOCS) or 1, "key_hash") as spill:
        for part in storage.with_texts(warehouse_dir, run_id, docs):
            spill.add(sitelines.candidate_rows(part))
            PROGRESS.advance("learn site lines", part.num_rows)
        return sitelines.learn_from_rows(spill.buckets(), sitelines.outlet_doc_counts(docs))


@light
def assign_outlets(docs: pa.Table, site_lines: pa.Table) -> pa.Table:
    return sitelines.assign_signature_outlets(docs, site_lines)


@light
def normalise_outlets(docs: pa.Table, outlet_rows: list[dict]) -> pa.Table:
    return outlets.normalise_outlets(docs, outlets.build_outlet_index(outlet_rows))


@light
def propose_aliases(spelling_totals: pa.Table, sample_bodies: pa.Table, entities: pa.Table,
                    decisions: list[dict]) -> suggestions.Proposals:
    return suggestions.propose_aliases(spelling_totals, sample_bodies["body"].to_pylist(), entities, decisions)


@light
def with_spelling_docs(proposals: suggestions.Proposals, spelling_docs: pa.Table) -> suggestions.Proposals:
    return suggestions.with_spelling_docs(proposals, spelling_docs)


@io_task
def aggregate(warehouse_dir: str, run_id: str, sql: str, tables: dict[str, pa.Table] | None = None,
              params: dict | None = None) -> pa.Table:
    return storage.aggregate(warehouse_dir, run_id, sql, tables, params)


@light
def resolve_discovered(totals: pa.Table, entities: pa.Table, sample_bodies: pa.Table,
                       decisions: list[dict]) -> resolution.Resolution:
    # the bodies stay in Arrow: resolution only splits them into distinct words, in Arrow too
    return resolution.resolve_discovered(totals, entities, sample_bodies["body"].combine_chunks(), decisions,
                                         sample_bodies["outlet_name"].to_pylist())


@light
def counted_entities(entities: pa.Table, discovered: pa.Table, counts: pa.Table) -> pa.Table:
    return resolution.counted_entities(entities, discovered, counts)


@light
def merge_proposals(entities: pa.Table, decisions: list[dict]) -> pa.Table:
    return resolution.merge_proposals(entities, {d["suggestion_id"] for d in decisions})


@light
def concat_tables(tables: list[pa.Table]) -> pa.Table:
    return pa.concat_tables(tables)


@light
def proposal_table(proposals: suggestions.Proposals, example_articles: pa.Table, outlets: pa.Table) -> pa.Table:
    return suggestions.proposal_table(proposals, example_articles, outlets)


@light
def split_repeats(docs: pa.Table) -> tuple[pa.Table, pa.Table]:
    return batches.split_repeats(docs)


@io_task
def analyse(docs: pa.Table, site_lines: pa.Table, entities: pa.Table, warehouse_dir: str, run_id: str,
            part: int) -> pa.Table:
    """One batch analysed and written where it runs (a thread, a process, a Dask worker): only its quarantine rows
    come back, so the flow never holds the batches' tables."""
    tables = batches.analyse_batch(docs, site_lines, entities)
    for name, table in tables.written().items():
        storage.write_table(warehouse_dir, name, table, run_id, part)
    quarantine = tables.quarantine
    del tables
    memory.give_back()  # a worker's next batch starts from what it holds, not its last peak
    return quarantine


@light
def repeat_sources(repeats: pa.Table, article_ids: pa.Array) -> tuple[pa.Table, pa.Table]:
    return batches.repeat_sources(repeats, article_ids)


@light
def match_quotes(texts: pa.Table, quotes: pa.Table, previous: pa.Table | None, carried: pa.Array) -> pa.Table:
    if previous is not None:
        previous = quote_groups.kept_matches(previous, quotes, carried)
    return quote_groups.group_texts(texts["text"].combine_chunks(), quotes, previous)


@light
def match_quotes_out_of_core(warehouse_dir: str, run_id: str) -> pa.Table:
    return run_quote_groups(warehouse_dir, run_id)


@light
def cluster_out_of_core(warehouse_dir: str, run_id: str) -> pa.Table:
    return run_stories(warehouse_dir, run_id)


@light
def cluster_stories(features: pa.Table, previous: pa.Table | None, carried: pa.Array) -> pa.Table:
    if previous is not None:
        previous = stories.kept_stories(previous, features["doc_id"].combine_chunks(), carried)
    return stories.cluster_stories(features, previous)


@io_task
def write(warehouse_dir: str, name: str, table: pa.Table, run_id: str, part: int = 0) -> str:
    return storage.write_table(warehouse_dir, name, table, run_id, part)


@io_task
def write_tables(warehouse_dir: str, tables: dict[str, pa.Table], run_id: str) -> list[str]:
    return storage.write_tables(warehouse_dir, tables, run_id)


@io_task
def publish(warehouse_dir: str, run_id: str) -> dict[str, int]:
    return storage.publish(warehouse_dir, run_id)


@io_task
def publish_summary(warehouse_dir: str, run_id: str) -> None:
    """The run's summary as Prefect artifacts: a table of counts and a markdown digest."""
    lines = [f"# crosswire run {run_id}", ""]
    rows = []
    for title, (columns, found) in storage.queries(warehouse_dir, reports.SUMMARY).items():
        rows += [{"section": title, "item": str(r[0]), "count": r[1]} for r in found]
        lines += [f"## {title}", "", "| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
        lines += ["| " + " | ".join(str(v) for v in r) + " |" for r in found] + [""]
    key = "crosswire-run-summary"
    create_table_artifact(key=key, table=rows, description=f"crosswire run {run_id}")
    create_markdown_artifact(key="crosswire-run-digest", markdown="\n".join(lines), description=run_id)
