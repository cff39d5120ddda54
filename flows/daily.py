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
from transforms import (
    articles,
    descriptors,
    figures,
    ingest,
    mentions,
    outlets,
    quote_groups,
    quotes,
    runs,
    sitelines,
    stories,
    suggestions,
)
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
def clean(docs: pa.Table, site_lines: pa.Table, seen: frozenset[str]) -> articles.CleanBatch:
    return articles.clean_articles(docs, site_lines, seen)


@light
def find_names(batch: pa.Table, entities: pa.Table) -> tuple[pa.Table, pa.Table]:
    return mentions.extract_mentions(batch, entities)


@light
def find_quotes(batch: pa.Table, batch_mentions: pa.Table, entities: pa.Table) -> pa.Table:
    return quotes.extract_quotes(batch, batch_mentions, entities)


@light
def find_descriptors(batch: pa.Table, batch_mentions: pa.Table, batch_quotes: pa.Table,
                     entities: pa.Table) -> pa.Table:
    return descriptors.extract_descriptors(batch, batch_mentions, batch_quotes, entities)


@light
def find_figures(batch: pa.Table) -> pa.Table:
    return figures.extract_figures(batch)


@light
def story_features(batch: pa.Table, batch_mentions: pa.Table) -> pa.Table:
    return stories.story_features(batch, batch_mentions)


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


def _process_batch(batch: pa.Table, site_lines: pa.Table, seen: frozenset[str], entities: pa.Table,
                   warehouse_dir: str, run_id: str, part: int, kept: dict[str, list]) -> frozenset[str]:
    """Clean one batch, find its names, quotes, descriptors, figures; write its tables; -> ids seen so far."""
    result = clean(batch, site_lines, seen)
    batch_mentions, batch_candidates = find_names(result.articles, entities)
    batch_quotes = find_quotes(result.articles, batch_mentions, entities)
    for name, table in (("articles", result.articles), ("removed_lines", result.removed_lines),
                        ("sources", result.sources), ("mentions", batch_mentions), ("quotes", batch_quotes),
                        ("descriptors", find_descriptors(result.articles, batch_mentions, batch_quotes, entities)),
                        ("figures", find_figures(result.articles))):
        write(warehouse_dir, name, table, run_id, part)
    for key, table in (("articles", result.articles), ("quarantine", result.quarantine),
                       ("candidates", batch_candidates), ("mentions", batch_mentions), ("quotes", batch_quotes),
                       ("features", story_features(result.articles, batch_mentions))):
        kept[key].append(table)
    return result.seen


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
        seen, kept = frozenset(), {"articles": [], "quarantine": [], "candidates": [], "mentions": [],
                                    "quotes": [], "features": []}
        PROGRESS.stage("clean", docs.num_rows)
        for part, batch in enumerate(_chunks(docs, batch_size)):
            seen = _process_batch(batch, site_lines, seen, entities, warehouse_dir, run_id, part, kept)
            PROGRESS.advance("clean", batch.num_rows)
        all_articles = pa.concat_tables(kept["articles"])
        quarantine = pa.concat_tables([quarantine] + kept["quarantine"])
        candidate_mentions = pa.concat_tables(kept["candidates"])
        proposals = suggest_aliases(candidate_mentions, pa.concat_tables(kept["mentions"]), all_articles, entities,
                                    read_alias_decisions(entities_file))
        counts = {"files": len(paths), "documents_read": docs.num_rows, "articles": all_articles.num_rows,
                  "quarantined": quarantine.num_rows}
        for name, table in (("entities", entities), ("site_lines", site_lines), ("quarantine", quarantine),
                            ("candidate_mentions", candidate_mentions), ("input_files", runs.input_files(paths)),
                            ("alias_proposals", proposals),
                            ("quote_matches", match_quotes(pa.concat_tables(kept["quotes"]), all_articles)),
                            ("stories", cluster_stories(pa.concat_tables(kept["features"]))),
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
