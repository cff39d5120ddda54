"""The pipeline flow: input folder -> documents -> clean articles + names -> Parquet -> DuckDB catalog."""

import gc
import uuid
from collections import deque
from datetime import UTC, datetime

import pyarrow as pa
import pyarrow.compute as pc
from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE
from prefect.task_runners import ThreadPoolTaskRunner

from flows import storage
from flows.progress import PROGRESS
from flows.settings import SETTINGS
from transforms import batch as batches
from transforms import ingest, mentions, outlets, quote_groups, runs, sitelines, stories, suggestions
from warehouse import reports

# A batch allocates millions of short-lived objects (tokens, matches) and few cycles: at the default threshold (700)
# the cyclic collector runs constantly and costs about a fifth of the names stage.
gc.set_threshold(50_000, 20, 20)

# Batches submitted before the earliest is done: enough to keep every worker busy, few enough to bound memory.
IN_FLIGHT = 4

# Input files read at once: up to this many bytes on disk (a larger file is read alone).
READ_BYTES = 64 * 1024 * 1024
# Parts carried over from the previous run are numbered from here: after any part a run writes itself.
CARRIED_PARTS = 100_000
# A document without its text: texts stay in Parquet and stream through the steps that read them.
DOCUMENT_FIELDS = [name for name in storage.CONTRACTS["documents"].names if name != "text"]

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


@io_task
def stat_inputs(input_dir: str, paths: list[str]) -> pa.Table:
    return storage.stat_inputs(input_dir, paths)


@io_task
def versions(entities_file: str, outlets_file: str) -> list[str]:
    return storage.versions(entities_file, outlets_file)


@io_task
def previous_run(warehouse_dir: str) -> dict | None:
    return storage.previous_run(warehouse_dir)


@io_task
def read_run_table(warehouse_dir: str, name: str, run_id: str, column: str | None = None,
                   values: list | pa.Array | None = None, columns: list[str] | None = None) -> pa.Table:
    return storage.read_run_table(warehouse_dir, name, run_id, column, values, columns)


@io_task
def carry_forward(warehouse_dir: str, names: list[str], from_run: str, to_run: str, column: str,
                  values: list | pa.Array, first_part: int) -> dict[str, int]:
    return storage.carry_forward(warehouse_dir, names, from_run, to_run, column, values, first_part)


@light
def config_version(version_list: list[str], manifests: dict[str, dict], input_dir: str) -> str:
    return runs.config_version(version_list, manifests, input_dir)


@light
def plan_reads(files: pa.Table, config: str, previous: dict | None) -> runs.ReadPlan:
    return runs.plan_reads(files, config, previous)


@light
def analysis_keys(docs: pa.Table, site_lines: pa.Table, config: str) -> pa.Table:
    return batches.analysis_keys(docs, site_lines, config)


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
def learn_site_lines(warehouse_dir: str, run_id: str, docs: pa.Table) -> pa.Table:
    """Site lines counted over the documents' texts, streamed from the run's DOCUMENTS parts one at a time."""
    counts = sitelines.SiteLineCounts()
    for part in storage.with_texts(warehouse_dir, run_id, docs):
        counts.add(part)
    return counts.table()


@light
def assign_outlets(docs: pa.Table, site_lines: pa.Table) -> pa.Table:
    return sitelines.assign_signature_outlets(docs, site_lines)


@light
def normalise_outlets(docs: pa.Table, outlet_rows: list[dict]) -> pa.Table:
    return outlets.normalise_outlets(docs, outlets.build_outlet_index(outlet_rows))


@light
def propose_aliases(candidate_mentions: pa.Table, variants: pa.Table, sample_bodies: pa.Table, entities: pa.Table,
                    decisions: list[dict]) -> suggestions.Proposals:
    return suggestions.propose_aliases(candidate_mentions, variants, sample_bodies["body"].to_pylist(), entities,
                                       decisions)


@light
def proposal_table(proposals: suggestions.Proposals, shown_articles: pa.Table) -> pa.Table:
    return suggestions.proposal_table(proposals, shown_articles)


@light
def split_repeats(docs: pa.Table) -> tuple[pa.Table, pa.Table]:
    return batches.split_repeats(docs)


@io_task
def analyse(docs: pa.Table, site_lines: pa.Table, entities: pa.Table, warehouse_dir: str, run_id: str,
            part: int) -> pa.Table:
    """One batch analysed and written where it runs (a thread, a process, a Dask worker): only its quarantine rows
    come back, so the flow never holds the batches' tables."""
    tables = batches.analyse_batch(docs, site_lines, entities)
    storage.write_tables(warehouse_dir, tables.written(), run_id, part)
    return tables.quarantine


@light
def repeat_sources(repeats: pa.Table, article_ids: pa.Array) -> tuple[pa.Table, pa.Table]:
    return batches.repeat_sources(repeats, article_ids)


@light
def match_quotes(all_quotes: pa.Table, previous: pa.Table | None, carried: pa.Array) -> pa.Table:
    if previous is not None:
        previous = quote_groups.kept_matches(previous, all_quotes, carried)
    return quote_groups.group_quotes(all_quotes, previous)


@light
def cluster_stories(features: pa.Table, previous: pa.Table | None, carried: pa.Array) -> pa.Table:
    if previous is not None:
        previous = stories.kept_stories(previous, features["doc_id"].combine_chunks(), carried)
    return stories.cluster_stories(features, previous)


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


def with_runner(runner: str = "local", dask_address: str | None = None):
    """The run flow with its batches on local threads (default), local processes (one per core), or an existing Dask
    cluster at dask_address."""
    if runner == "local":
        return run_folder
    if runner == "processes":
        from prefect.task_runners import ProcessPoolTaskRunner

        return run_folder.with_options(task_runner=ProcessPoolTaskRunner())
    if runner != "dask" or not dask_address:
        raise ValueError("the dask runner needs an address: tcp://HOST:PORT of the cluster's scheduler")
    from prefect_dask import DaskTaskRunner

    return run_folder.with_options(task_runner=DaskTaskRunner(address=dask_address))


def _chunks(items, size: int) -> list:
    """A list or an Arrow table -> consecutive slices of at most `size` (one empty slice if it is empty)."""
    cut = items.slice if isinstance(items, pa.Table) else (lambda i, n: items[i:i + n])
    return [cut(i, size) for i in range(0, len(items), size)] or [cut(0, 0)]


def _read_documents(input_dir: str, warehouse_dir: str, run_id: str, files: pa.Table, paths: list[str],
                    manifests: dict[str, dict], batch_size: int) -> pa.Table:
    """Read and parse the files in `paths` a batch at a time (at most batch_size files and READ_BYTES, or one larger
    file), written as DOCUMENTS parts of at most batch_size rows; -> quarantine rows."""
    PROGRESS.stage("read", len(paths))
    quarantine, part = [], 0
    for batch in runs.read_batches(files, paths, batch_size, READ_BYTES):
        docs, batch_quarantine = parse(read_files(input_dir, batch), manifests)
        for chunk in _chunks(docs, batch_size):
            if chunk.num_rows:
                write(warehouse_dir, "documents", chunk, run_id, part)
                part += 1
        quarantine.append(batch_quarantine)
        PROGRESS.advance("read", len(batch))
    return pa.concat_tables(quarantine)


def _site_lines(warehouse_dir: str, run_id: str, docs: pa.Table) -> pa.Table:
    return learn_site_lines(warehouse_dir, run_id, docs.filter(pc.is_valid(docs["outlet"])))


def _analyse_batches(docs: pa.Table, site_lines: pa.Table, entities: pa.Table, warehouse_dir: str, run_id: str,
                     batch_size: int) -> list[pa.Table]:
    """Submit the batches (independent: the task runner may run them in parallel), a few in flight at a time so
    memory stays bounded; -> each batch's quarantine rows."""
    PROGRESS.stage("analyse", docs.num_rows)
    in_flight, quarantined, part = deque(), [], 0
    empty = docs.slice(0, 0).append_column("text", pa.array([], pa.string()))
    for texts in storage.with_texts(warehouse_dir, run_id, docs) if docs.num_rows else [empty]:
        for batch in _chunks(texts, batch_size):
            future = analyse.submit(batch, site_lines, entities, warehouse_dir, run_id, part)
            in_flight.append((future, batch.num_rows))
            part += 1
            if len(in_flight) >= IN_FLIGHT:
                quarantined.append(_finish(*in_flight.popleft()))
    quarantined += [_finish(*pending) for pending in in_flight]
    return quarantined


def _finish(future, size: int) -> pa.Table:
    result = future.result()
    PROGRESS.advance("analyse", size)
    return result


def _name_tables(warehouse_dir: str, run_id: str, articles: pa.Table, entities: pa.Table,
                 entities_file: str) -> dict[str, pa.Table]:
    """Alias proposals and name candidates from the run's candidate and variant mentions (read for them, dropped
    after); the only bodies read are a sample, to tell common words from names, and the examples they quote."""
    candidates = read_run_table(warehouse_dir, "candidate_mentions", run_id)
    proposals = propose_aliases(
        candidates, read_run_table(warehouse_dir, "mentions", run_id, "match_kind", ["variant"]),
        read_run_table(warehouse_dir, "articles", run_id, "doc_id", suggestions.word_sample(articles["doc_id"]),
                       columns=["body"]),
        entities, read_alias_decisions(entities_file))
    shown = read_run_table(warehouse_dir, "articles", run_id, "doc_id", pa.array(proposals.doc_ids(), pa.string()),
                           columns=["doc_id", "outlet_name", "body"])
    return {"alias_proposals": proposal_table(proposals, shown),
            "name_candidates": summarise_candidates(candidates, articles)}


def _comparison_tables(warehouse_dir: str, run_id: str, previous: dict | None,
                       carried: pa.Array) -> dict[str, pa.Table]:
    """Quote groups and stories over all articles, each updated from the previous run's when articles were carried
    over; each step reads its table (full quotes; story features) for itself."""
    earlier = {} if previous is None or not len(carried) else {
        name: read_run_table(warehouse_dir, name, previous["run_id"]) for name in ("stories", "quote_matches")}
    quotes = read_run_table(warehouse_dir, "quotes", run_id, "is_fragment", [False],
                            columns=["doc_id", "quote_id", "text", "is_fragment"])
    matches = match_quotes(quotes, earlier.get("quote_matches"), carried)
    del quotes
    features = read_run_table(warehouse_dir, "story_features", run_id)
    return {"quote_matches": matches, "stories": cluster_stories(features, earlier.get("stories"), carried)}


def _prepare(input_dir: str, warehouse_dir: str, manifest: str | None, entities_file: str, outlets_file: str,
             full: bool) -> tuple[dict | None, runs.ReadPlan, pa.Table, dict, str]:
    """What this run must read: -> (previous run or None, plan, input files, manifests, config version)."""
    paths = list_inputs(input_dir)
    files = stat_inputs(input_dir, paths)
    manifests = read_manifests(input_dir, manifest)
    config = config_version(versions(entities_file, outlets_file), manifests, input_dir)
    previous = None if full else previous_run(warehouse_dir)
    return previous, plan_reads(files, config, previous), files, manifests, config


def _documents(input_dir: str, warehouse_dir: str, run_id: str, previous: dict | None, plan: runs.ReadPlan,
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


def _articles(docs: pa.Table, keys: pa.Table, site_lines: pa.Table, entities: pa.Table, previous: dict | None,
              warehouse_dir: str, run_id: str, batch_size: int) -> tuple[pa.Array, list[pa.Table]]:
    """Analyse the documents whose key changed, carry the others over; -> (carried ids, batches' quarantine)."""
    carried = unchanged_ids(keys, previous["analysed"] if previous else None)
    to_analyse = docs.filter(pc.invert(pc.is_in(docs["doc_id"], carried)))
    quarantined = _analyse_batches(to_analyse, site_lines, entities, warehouse_dir, run_id, batch_size)
    if len(carried):
        carry_forward(warehouse_dir, list(batches.CARRIED), previous["run_id"], run_id, "doc_id", carried,
                      CARRIED_PARTS)
    return carried, quarantined


def _signature_outlets(warehouse_dir: str, run_id: str, docs: pa.Table) -> pa.Table:
    """Documents without an outlet get the one whose site lines they carry; none without, nothing to learn."""
    if not docs["outlet"].null_count:
        return docs
    site_lines = _site_lines(warehouse_dir, run_id, docs)
    lacking = docs.filter(pc.is_null(docs["outlet"]))
    found = [assign_outlets(part, site_lines).drop_columns(["text"])
             for part in storage.with_texts(warehouse_dir, run_id, lacking)]
    docs = pa.concat_tables([docs.filter(pc.is_valid(docs["outlet"]))] + found)
    return docs.sort_by(runs.INPUT_ORDER)


def _nothing_new(previous: dict) -> dict:
    get_run_logger().info("nothing new since run %s: its catalog stays", previous["run_id"])
    counts = {name: previous[f"count_{name}"] for name in ("files", "documents_read", "articles", "quarantined")}
    return {"run_id": previous["run_id"], **counts, "analysed": 0, "reused": counts["articles"], "nothing_new": True}


# One worker thread by default: Python-bound batches gain nothing from more threads, only memory.
@flow(name="crosswire-run", log_prints=True, task_runner=ThreadPoolTaskRunner(max_workers=1))
def run_folder(input_dir: str = SETTINGS.input_dir, warehouse_dir: str = SETTINGS.warehouse_dir,
               manifest: str | None = None, entities_file: str = SETTINGS.entities_file,
               batch_size: int = SETTINGS.batch_size, outlets_file: str = SETTINGS.outlets_file,
               full: bool = False) -> dict:
    """Process what is new or changed under input_dir into the warehouse (everything if full); -> run id, counts."""
    started_at = datetime.now(UTC)
    run_id = started_at.strftime("%Y%m%dT%H%M%S%fZ-") + uuid.uuid4().hex[:6]
    storage.check_warehouse(warehouse_dir)
    with storage.locked(warehouse_dir, run_id):
        previous, plan, files, manifests, config = _prepare(input_dir, warehouse_dir, manifest, entities_file,
                                                            outlets_file, full)
        if plan.nothing_new:
            return _nothing_new(previous)
        entity_rows, entities_version = read_entities(entities_file)
        entities = parse_entities(entity_rows)
        docs, quarantine = _documents(input_dir, warehouse_dir, run_id, previous, plan, files, manifests, batch_size)
        docs = normalise_outlets(_signature_outlets(warehouse_dir, run_id, docs), read_outlets(outlets_file))
        site_lines = _site_lines(warehouse_dir, run_id, docs)
        firsts, repeats = split_repeats(docs)
        keys = analysis_keys(firsts, site_lines, config)
        carried, quarantined = _articles(firsts, keys, site_lines, entities, previous, warehouse_dir, run_id,
                                         batch_size)
        all_articles = read_run_table(warehouse_dir, "articles", run_id, columns=["doc_id", "outlet_name"])
        more_sources, more_quarantine = repeat_sources(repeats, all_articles["doc_id"].combine_chunks())
        write(warehouse_dir, "sources", more_sources, run_id, len(quarantined))
        quarantine = pa.concat_tables([quarantine, more_quarantine] + quarantined)
        counts = {"files": files.num_rows, "documents_read": docs.num_rows, "articles": all_articles.num_rows,
                  "quarantined": quarantine.num_rows, "analysed": all_articles.num_rows - len(carried),
                  "reused": len(carried)}
        _write_run_wide(warehouse_dir, run_id, {
            **_name_tables(warehouse_dir, run_id, all_articles, entities, entities_file),
            **_comparison_tables(warehouse_dir, run_id, previous, carried),
            "entities": entities, "site_lines": site_lines, "quarantine": quarantine, "input_files": files,
            "analysed": keys.filter(pc.is_in(keys["doc_id"], all_articles["doc_id"])),
            "runs": runs.run_record(run_id, started_at, datetime.now(UTC), input_dir, entities_version, config,
                                    counts)})
    get_run_logger().info("run %s: %s", run_id, counts)
    return {"run_id": run_id, **counts, "nothing_new": False}


def _write_run_wide(warehouse_dir: str, run_id: str, ready: dict[str, pa.Table]) -> None:
    """The run-wide tables written; the run published (if its data checks pass) and summarised."""
    for name, table in ready.items():
        write(warehouse_dir, name, table, run_id)
    failures = publish(warehouse_dir, run_id)
    if failures:
        raise ChecksFailed(f"data checks failed, previous catalog kept: {failures}")
    publish_summary(warehouse_dir, run_id)
