"""The pipeline flow: input folder -> documents -> clean articles + names -> Parquet -> DuckDB catalog."""

import uuid
from datetime import UTC, datetime

import pyarrow as pa
from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE

from flows import storage
from flows.progress import PROGRESS
from flows.settings import SETTINGS
from transforms import batch as batches
from transforms import ingest, mentions, outlets, quote_groups, runs, sitelines, stories, suggestions
from warehouse import reports

# Arrow tables pass between tasks in memory: nothing to cache or hash.
light = task(cache_policy=NO_CACHE)
io_task = task(cache_policy=NO_CACHE, retries=2, retry_delay_seconds=1)


class ChecksFailed(RuntimeError):
    """Data checks found offending rows; the previous catalog stays in place."""


@io_task
def list_inputs(input_dir: str) -> list[str]:
    return storage.list_inputs(input_dir)


@io_task
def read_manifests(input_dir: str, manifest: str | None) -> dict[str, dict]:
    return storage.read_manifests(input_dir, manifest)


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


@light
def parse(files: pa.Table, manifest: dict[str, dict]) -> tuple[pa.Table, pa.Table]:
    return ingest.parse_inputs(files, manifest).tables()


@light
def missing_from_manifest(manifest: dict[str, dict], paths: list[str]) -> pa.Table:
    return ingest.missing_from_manifest(manifest, paths)


@light
def parse_entities(rows: list[dict]) -> pa.Table:
    return mentions.parse_entities(rows)


@light
def learn_site_lines(docs: pa.Table) -> pa.Table:
    return sitelines.learn_site_lines(docs)


@light
def assign_outlets(docs: pa.Table, site_lines: pa.Table) -> pa.Table:
    return sitelines.assign_signature_outlets(docs, site_lines)


@light
def normalise_outlets(docs: pa.Table, outlet_rows: list[dict]) -> pa.Table:
    return outlets.normalise_outlets(docs, outlets.build_outlet_index(outlet_rows))


@light
def suggest_aliases(candidate_mentions: pa.Table, all_mentions: pa.Table, all_articles: pa.Table,
                    entities: pa.Table, decisions: list[dict]) -> pa.Table:
    return suggestions.suggest_aliases(candidate_mentions, all_mentions, all_articles, entities, decisions)


@light
def split_repeats(docs: pa.Table) -> tuple[pa.Table, pa.Table]:
    return batches.split_repeats(docs)


@light
def analyse(docs: pa.Table, site_lines: pa.Table, entities: pa.Table) -> batches.BatchTables:
    return batches.analyse_batch(docs, site_lines, entities)


@light
def repeat_sources(repeats: pa.Table, article_ids: pa.Array) -> tuple[pa.Table, pa.Table]:
    return batches.repeat_sources(repeats, article_ids)


@light
def match_quotes(all_quotes: pa.Table, all_articles: pa.Table) -> pa.Table:
    return quote_groups.group_quotes(all_quotes, all_articles)


@light
def cluster_stories(features: pa.Table) -> pa.Table:
    return stories.cluster_stories(features)


@light
def summarise_candidates(candidate_mentions: pa.Table, all_articles: pa.Table) -> pa.Table:
    return mentions.summarise_candidates(candidate_mentions, all_articles)


@io_task
def write(warehouse_dir: str, name: str, table: pa.Table, run_id: str, part: int = 0) -> str:
    return storage.write_table(warehouse_dir, name, table, run_id, part)


@io_task
def write_batch(warehouse_dir: str, tables: batches.BatchTables, run_id: str, part: int) -> list[str]:
    return storage.write_tables(warehouse_dir, tables.written(), run_id, part)


@io_task
def publish(warehouse_dir: str, run_id: str) -> dict[str, int]:
    return storage.publish(warehouse_dir, run_id)


@io_task
def publish_summary(warehouse_dir: str, run_id: str) -> None:
    """The run's summary as Prefect artifacts: a table of counts and a markdown digest."""
    lines = [f"# crosswire run {run_id}", ""]
    rows = []
    for title, sql in reports.SUMMARY.items():
        columns, found = storage.query(warehouse_dir, sql)
        rows += [{"section": title, "item": str(r[0]), "count": r[1]} for r in found]
        lines += [f"## {title}", "", "| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
        lines += ["| " + " | ".join(str(v) for v in r) + " |" for r in found] + [""]
    key = "crosswire-run-summary"
    create_table_artifact(key=key, table=rows, description=f"crosswire run {run_id}")
    create_markdown_artifact(key="crosswire-run-digest", markdown="\n".join(lines), description=run_id)


def with_runner(runner: str = "local", dask_address: str | None = None):
    """The run flow on the local task runner (threads), or on an existing Dask cluster at dask_address."""
    if runner == "local":
        return run_folder
    if runner != "dask" or not dask_address:
        raise ValueError("the dask runner needs an address: tcp://HOST:PORT of the cluster's scheduler")
    from prefect_dask import DaskTaskRunner

    return run_folder.with_options(task_runner=DaskTaskRunner(address=dask_address))


def _chunks(items, size: int) -> list:
    """A list or an Arrow table -> consecutive slices of at most `size` (one empty slice if it is empty)."""
    cut = items.slice if isinstance(items, pa.Table) else (lambda i, n: items[i:i + n])
    return [cut(i, size) for i in range(0, len(items), size)] or [cut(0, 0)]


def _read_documents(input_dir: str, manifest: str | None, batch_size: int) -> tuple[pa.Table, pa.Table, list]:
    paths = list_inputs(input_dir)
    manifests = read_manifests(input_dir, manifest)
    PROGRESS.stage("read", len(paths))
    docs, quarantine = [], [missing_from_manifest(manifests, paths)]
    for batch in _chunks(paths, batch_size):
        batch_docs, batch_quarantine = parse(read_files(input_dir, batch), manifests)
        docs.append(batch_docs)
        quarantine.append(batch_quarantine)
        PROGRESS.advance("read", len(batch))
    return pa.concat_tables(docs), pa.concat_tables(quarantine), paths


def _analyse_batches(docs: pa.Table, site_lines: pa.Table, entities: pa.Table, warehouse_dir: str, run_id: str,
                     batch_size: int) -> list[batches.BatchTables]:
    """Submit every batch (they are independent: the task runner may run them in parallel); -> their tables."""
    PROGRESS.stage("analyse", docs.num_rows)
    futures = [analyse.submit(batch, site_lines, entities) for batch in _chunks(docs, batch_size)]
    writes = [write_batch.submit(warehouse_dir, future, run_id, part) for part, future in enumerate(futures)]
    results = []
    for future in futures:
        results.append(future.result())
        PROGRESS.advance("analyse", results[-1].sources.num_rows + results[-1].quarantine.num_rows)
    for written in writes:
        written.result()
    return results


@flow(name="crosswire-run", log_prints=True)
def run_folder(input_dir: str = SETTINGS.input_dir, warehouse_dir: str = SETTINGS.warehouse_dir,
               manifest: str | None = None, entities_file: str = SETTINGS.entities_file,
               batch_size: int = SETTINGS.batch_size, outlets_file: str = SETTINGS.outlets_file) -> dict:
    """Process every article under input_dir into the warehouse; -> run id and counts."""
    started_at = datetime.now(UTC)
    run_id = started_at.strftime("%Y%m%dT%H%M%S%fZ-") + uuid.uuid4().hex[:6]
    storage.check_warehouse(warehouse_dir)
    with storage.locked(warehouse_dir, run_id):
        entity_rows, entities_version = read_entities(entities_file)
        entities = parse_entities(entity_rows)
        docs, quarantine, paths = _read_documents(input_dir, manifest, batch_size)
        docs = normalise_outlets(assign_outlets(docs, learn_site_lines(docs)), read_outlets(outlets_file))
        site_lines = learn_site_lines(docs)
        firsts, repeats = split_repeats(docs)
        done = _analyse_batches(firsts, site_lines, entities, warehouse_dir, run_id, batch_size)
        all_articles = pa.concat_tables([d.articles for d in done])
        more_sources, more_quarantine = repeat_sources(repeats, all_articles["doc_id"].combine_chunks())
        write(warehouse_dir, "sources", more_sources, run_id, len(done))
        quarantine = pa.concat_tables([quarantine, more_quarantine] + [d.quarantine for d in done])
        candidate_mentions = pa.concat_tables([d.candidate_mentions for d in done])
        proposals = suggest_aliases(candidate_mentions, pa.concat_tables([d.mentions for d in done]), all_articles,
                                    entities, read_alias_decisions(entities_file))
        counts = {"files": len(paths), "documents_read": docs.num_rows, "articles": all_articles.num_rows,
                  "quarantined": quarantine.num_rows}
        for name, table in (("entities", entities), ("site_lines", site_lines), ("quarantine", quarantine),
                            ("candidate_mentions", candidate_mentions), ("input_files", runs.input_files(paths)),
                            ("alias_proposals", proposals),
                            ("quote_matches", match_quotes(pa.concat_tables([d.quotes for d in done]), all_articles)),
                            ("stories", cluster_stories(pa.concat_tables([d.story_features for d in done]))),
                            ("name_candidates", summarise_candidates(candidate_mentions, all_articles)),
                            ("runs", runs.run_record(run_id, started_at, datetime.now(UTC), input_dir,
                                                     entities_version, counts))):
            write(warehouse_dir, name, table, run_id)
        failures = publish(warehouse_dir, run_id)
        if failures:
            raise ChecksFailed(f"data checks failed, previous catalog kept: {failures}")
        publish_summary(warehouse_dir, run_id)
    get_run_logger().info("run %s: %s", run_id, counts)
    return {"run_id": run_id, **counts}
