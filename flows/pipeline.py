"""The pipeline flow: input folder -> documents -> clean articles + names -> comparisons -> Parquet -> DuckDB catalog.

`run_folder` reads as the pipeline's table of contents; the tasks it calls are in flows/tasks.py, what a run reads
and carries over in flows/planning.py, and everything on disk in flows/storage/."""

import functools
import gc
import uuid
from collections import deque
from datetime import UTC, datetime

import pyarrow as pa
import pyarrow.compute as pc
from prefect import flow, get_run_logger

from flows import memory, planning, runners, storage
from flows.progress import PROGRESS
from flows.settings import SETTINGS
from flows.tasks import (
    aggregate,
    analyse,
    analysis_keys,
    assign_outlets,
    cluster_out_of_core,
    cluster_stories,
    concat_tables,
    counted_entities,
    learn_site_lines,
    match_quotes,
    match_quotes_out_of_core,
    merge_proposals,
    normalise_outlets,
    parse_entities,
    proposal_table,
    propose_aliases,
    publish,
    publish_summary,
    read_alias_decisions,
    read_entities,
    read_outlets,
    read_run_table,
    repeat_sources,
    resolve_discovered,
    split_repeats,
    with_spelling_docs,
    write,
    write_tables,
)
from transforms.names import discovery, suggestions
from transforms.runs import bookkeeping as runs
from warehouse import run_wide

# A batch allocates millions of short-lived objects (tokens, matches) and few cycles: at the default threshold (700)
# the cyclic collector runs constantly and costs about a fifth of the names stage.
gc.set_threshold(50_000, 20, 20)

# Batches submitted before the earliest is done (at least; twice the cores on a larger machine): enough to keep every
# worker busy, few enough to bound memory.
IN_FLIGHT = 4
ANALYSE = "analyse articles (clean, names, quotes…)"
# The steps after the batches, as the progress names them.
RUN_WIDE = "run-wide steps"
STEPS = ("carrying over unchanged articles", "entities, alias suggestions, name candidates", "quote groups",
         "story clusters", "writing tables", "checking and publishing the catalog", "run summary")


class ChecksFailed(RuntimeError):
    """Data checks found offending rows; the previous catalog stays in place."""


@flow(name="crosswire-run", log_prints=True)
def run_folder(input_dir: str = SETTINGS.input_dir, warehouse_dir: str = SETTINGS.warehouse_dir,
               manifest: str | None = None, entities_file: str = SETTINGS.entities_file,
               batch_size: int = SETTINGS.batch_size, outlets_file: str = SETTINGS.outlets_file,
               full: bool = False, runner: str = SETTINGS.runner, dask_address: str | None = SETTINGS.dask_address
               ) -> dict:
    """Process what is new or changed under input_dir into the warehouse (everything if full), the batches on
    `runner` (see flows/runners.py); -> run id, counts."""
    runners.check(runner, dask_address)
    started_at = datetime.now(UTC)
    run_id = started_at.strftime("%Y%m%dT%H%M%S%fZ-") + uuid.uuid4().hex[:6]
    storage.check_warehouse(warehouse_dir)
    with storage.locked(warehouse_dir, run_id):
        previous, plan, files, manifests, config = planning.prepare(input_dir, warehouse_dir, manifest,
                                                                    entities_file, outlets_file, full)
        if plan.nothing_new:
            return planning.nothing_new(previous)
        entity_rows, entities_version = read_entities(entities_file)
        entities = parse_entities(entity_rows)
        docs, quarantine = planning.documents(input_dir, warehouse_dir, run_id, previous, plan, files, manifests,
                                              batch_size)
        memory.give_back()  # the parsing's peak
        docs = normalise_outlets(_signature_outlets(warehouse_dir, run_id, docs), read_outlets(outlets_file))
        site_lines, doc_site_lines = _site_lines(warehouse_dir, run_id, docs)
        firsts, repeats = split_repeats(docs)
        keys = analysis_keys(firsts, doc_site_lines, config)
        carried, changed = planning.to_analyse(firsts, keys, previous)
        memory.give_back()  # the site lines' peak
        batch_runner = runners.for_batches(runner, dask_address, runners.batch_count(changed.num_rows, batch_size),
                                           storage.shared_by_processes(warehouse_dir))
        quarantined = _analyse_batches(changed, site_lines, entities, warehouse_dir, run_id, batch_size, batch_runner)
        documents_read = docs.num_rows
        del docs, firsts, changed, doc_site_lines  # what the run-wide steps need, they read from Parquet
        memory.give_back()  # the batches' tables, sent to the workers
        PROGRESS.stage(RUN_WIDE, len(STEPS), STEPS[0])
        planning.carry_articles(warehouse_dir, run_id, previous, carried)
        _done(STEPS[0])
        all_articles = read_run_table(warehouse_dir, "articles", run_id, columns=["doc_id", "outlet_name"])
        more_sources, more_quarantine = repeat_sources(repeats, all_articles["doc_id"].combine_chunks())
        write(warehouse_dir, "sources", more_sources, run_id, len(quarantined))
        quarantine = pa.concat_tables([quarantine, more_quarantine] + quarantined)
        counts = {"files": files.num_rows, "documents_read": documents_read, "articles": all_articles.num_rows,
                  "quarantined": quarantine.num_rows, "analysed": all_articles.num_rows - len(carried),
                  "reused": len(carried)}
        _write_tables(warehouse_dir, run_id, _name_tables(warehouse_dir, run_id, all_articles, entities, entities_file))
        _done(STEPS[1])
        _comparison_tables(warehouse_dir, run_id, previous, carried)
        _write_run_wide(warehouse_dir, run_id, {
            "site_lines": site_lines, "quarantine": quarantine, "input_files": files,
            "analysed": keys.filter(pc.is_in(keys["doc_id"], all_articles["doc_id"])),
            "runs": runs.run_record(run_id, started_at, datetime.now(UTC), input_dir, entities_version, config,
                                    counts)})
    get_run_logger().info("run %s: %s", run_id, counts)
    return {"run_id": run_id, **counts, "nothing_new": False}


def with_runner(runner: str = "auto", dask_address: str | None = None):
    """The run flow with its batches on the given runner (see flows/runners.py); ValueError for a bad one."""
    runners.check(runner, dask_address)
    return functools.partial(run_folder, runner=runner, dask_address=dask_address)


def _site_lines(warehouse_dir: str, run_id: str, docs: pa.Table) -> tuple[pa.Table, pa.Table]:
    """-> (SITE_LINES, the site lines each document holds)."""
    return learn_site_lines(warehouse_dir, run_id, docs.filter(pc.is_valid(docs["outlet"])))


def _signature_outlets(warehouse_dir: str, run_id: str, docs: pa.Table) -> pa.Table:
    """Documents without an outlet get the one whose site lines they carry; none without, nothing to learn."""
    if not docs["outlet"].null_count:
        return docs
    site_lines, _ = _site_lines(warehouse_dir, run_id, docs)
    lacking = docs.filter(pc.is_null(docs["outlet"]))
    found = [assign_outlets(part, site_lines).drop_columns(["text"])
             for part in storage.with_texts(warehouse_dir, run_id, lacking)]
    docs = pa.concat_tables([docs.filter(pc.is_valid(docs["outlet"]))] + found)
    return docs.sort_by(runs.INPUT_ORDER)


def _analyse_batches(docs: pa.Table, site_lines: pa.Table, entities: pa.Table, warehouse_dir: str, run_id: str,
                     batch_size: int, task_runner) -> list[pa.Table]:
    """Submit the batches to the task runner (independent: it may run them in parallel), a few more in flight than
    it has cores so memory stays bounded; -> each batch's quarantine rows."""
    PROGRESS.stage(ANALYSE, docs.num_rows)
    in_flight, quarantined, part = deque(), [], 0
    empty = docs.slice(0, 0).append_column("text", pa.array([], pa.string()))
    batches = planning.full_batches(storage.with_texts(warehouse_dir, run_id, docs), batch_size) if docs.num_rows else [
        empty]
    with task_runner:  # workers stop with the batches: the run-wide steps have the memory to themselves
        for batch in batches:
            future = task_runner.submit(analyse, {"docs": batch, "site_lines": site_lines, "entities": entities,
                                                  "warehouse_dir": warehouse_dir, "run_id": run_id, "part": part})
            in_flight.append((future, batch.num_rows))
            part += 1
            if len(in_flight) >= max(IN_FLIGHT, 2 * runners.cores()):
                quarantined.append(_finish(*in_flight.popleft()))
        quarantined += [_finish(*pending) for pending in in_flight]
    return quarantined


def _finish(future, size: int) -> pa.Table:
    result = future.result()
    PROGRESS.advance(ANALYSE, size)
    return result


def _name_tables(warehouse_dir: str, run_id: str, articles: pa.Table, entities: pa.Table,
                 entities_file: str) -> dict[str, pa.Table]:
    """Every entity (the table's and those discovered), the links of discovered names, alias proposals and name
    candidates. Names resolve from the run's name counts, summed in DuckDB (by name, then by entity through the
    links); candidate mentions, with those of names no entity took, are counted in DuckDB too (by surface), and
    only the rows of spellings proposed are read; the only bodies read are a sample, to tell common words from
    names, and the examples the proposals quote."""
    sample = read_run_table(warehouse_dir, "articles", run_id, "doc_id", suggestions.word_sample(articles["doc_id"]),
                            columns=["body", "outlet_name"])
    decisions = read_alias_decisions(entities_file)
    kinds = {"discovered": list(discovery.DISCOVERED_KINDS), "curated": list(discovery.CURATED_KINDS)}
    totals = aggregate(warehouse_dir, run_id, run_wide.NAME_TOTALS, None, {"kinds": kinds["discovered"]})
    memory.give_back()  # what reading the sample and DuckDB's count freed: resolution's Python objects come next
    resolved = resolve_discovered(totals, entities, sample, decisions)
    del totals
    links = resolved.links
    memory.give_back()  # resolution's Python objects and Arrow's freed blocks, before DuckDB counts over the links
    every_entity = counted_entities(
        entities, resolved.entities, aggregate(warehouse_dir, run_id, run_wide.ENTITY_COUNTS, {"links": links}, kinds))
    # Candidate mentions (the batches', then those of names no entity took) are only ever counted, in DuckDB: by
    # surface for the name candidates and the spellings, then read back for the few spellings proposed. The name
    # candidates are counted first, before the proposals' bodies and rows add to what DuckDB's memory comes on top of.
    with_links = {"links": links}
    candidates = aggregate(warehouse_dir, run_id, run_wide.NAME_CANDIDATES, with_links)
    proposals = propose_aliases(aggregate(warehouse_dir, run_id, run_wide.SPELLING_TOTALS, with_links), sample,
                                entities, decisions)
    proposals = with_spelling_docs(proposals, aggregate(warehouse_dir, run_id, run_wide.SPELLING_DOCS, with_links,
                                                        {"surfaces": proposals.surfaces()}))
    examples = pa.array(proposals.example_doc_ids(), pa.string())
    shown = read_run_table(warehouse_dir, "articles", run_id, "doc_id", examples, ["doc_id", "outlet_name", "body"])
    outlets = read_run_table(warehouse_dir, "articles", run_id, "doc_id", pa.array(proposals.doc_ids(), pa.string()),
                             columns=["doc_id", "outlet_name"])
    queue = concat_tables([proposal_table(proposals, shown, outlets), merge_proposals(every_entity, decisions)])
    tables = {"alias_proposals": queue, "entities": every_entity, "entity_links": links, "name_candidates": candidates}
    return tables


def _comparison_tables(warehouse_dir: str, run_id: str, previous: dict | None, carried: pa.Array) -> None:
    """Quote groups and stories over all articles, each updated from the previous run's when articles were carried
    over; each step reads its table (full quotes; story features) for itself and writes what it finds at once."""
    earlier = {} if previous is None or not len(carried) else {
        name: read_run_table(warehouse_dir, name, previous["run_id"]) for name in ("stories", "quote_matches")}
    _write_tables(warehouse_dir, run_id, {"quote_matches": _quote_groups(warehouse_dir, run_id, earlier, carried)})
    _done(STEPS[2])
    _write_tables(warehouse_dir, run_id, {"stories": _stories(warehouse_dir, run_id, earlier, carried)})
    _done(STEPS[3])


def _quote_groups(warehouse_dir: str, run_id: str, earlier: dict[str, pa.Table], carried: pa.Array) -> pa.Table:
    """The run's non-fragment quotes (+ the previous run's groups) -> QUOTE_MATCHES. From scratch, texts, word lists,
    4-grams and candidate pairs live in a scratch database and are read a slice at a time; an update reads the
    distinct texts and each quote's ids and text number, numbered in DuckDB (it keeps the previous run's groups)."""
    if earlier.get("quote_matches") is None:
        return match_quotes_out_of_core(warehouse_dir, run_id)
    return match_quotes(aggregate(warehouse_dir, run_id, run_wide.QUOTE_TEXTS),
                        aggregate(warehouse_dir, run_id, run_wide.QUOTE_NUMBERS), earlier.get("quote_matches"), carried)


def _stories(warehouse_dir: str, run_id: str, earlier: dict[str, pa.Table], carried: pa.Array) -> pa.Table:
    """The run's story features (+ the previous run's stories) -> STORIES. From scratch, out of core (flows/stories.py:
    DuckDB holds the vectors and candidate pairs, Python scores and links them in bounded slices); an update reads
    them all (it keeps the previous run's stories by article)."""
    if earlier.get("stories") is None:
        return cluster_out_of_core(warehouse_dir, run_id)
    features = read_run_table(warehouse_dir, "story_features", run_id)
    return cluster_stories(features, earlier.get("stories"), carried)


def _write_run_wide(warehouse_dir: str, run_id: str, ready: dict[str, pa.Table]) -> None:
    """The last run-wide tables written; the run published (if its data checks pass) and summarised."""
    _write_tables(warehouse_dir, run_id, ready)
    _done(STEPS[4])
    failures = publish(warehouse_dir, run_id)
    if failures:
        raise ChecksFailed(f"data checks failed, previous catalog kept: {failures}")
    _done(STEPS[5])
    publish_summary(warehouse_dir, run_id)
    _done(STEPS[6])


def _write_tables(warehouse_dir: str, run_id: str, ready: dict[str, pa.Table]) -> None:
    """Run-wide tables written as soon as they are made (one task: each task run costs the API a round trip), and
    let go: no step holds another's tables."""
    write_tables(warehouse_dir, ready, run_id)
    ready.clear()


def _done(step: str) -> None:
    """A run-wide step is done: its memory goes back to the system (allocators keep what is freed, so each step's
    peak would stack on the last), the progress advances and names the next one."""
    memory.give_back()
    following = STEPS[STEPS.index(step) + 1:]
    PROGRESS.advance(RUN_WIDE, 1, now=following[0] if following else "done")
