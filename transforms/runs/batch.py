"""One batch of documents -> every per-article table the flow writes: the unit of work a task (or a Dask worker) runs.

Batches are independent: repeated content is split off before batching (`split_repeats`), so no batch needs to
know what another one cleaned, and batches may run in any order or in parallel with the same result."""

import hashlib
import json
from dataclasses import dataclass

import pyarrow as pa
import pyarrow.compute as pc

from transforms.clean import articles
from transforms.compare import descriptors, figures, story_features
from transforms.compare.quotes import extract as quotes
from transforms.names import counts, mentions
from warehouse.contracts import ANALYSED, QUARANTINE, SOURCES

# Per-article tables a later run can carry over for an article whose analysis key has not changed.
CARRIED = ("articles", "removed_lines", "sources", "mentions", "name_counts", "candidate_mentions", "quotes",
           "descriptors", "figures", "story_features")


@dataclass
class BatchTables:
    """Per-article tables from one batch; `written` are the ones stored as they are, the rest feed run-wide steps."""

    articles: pa.Table
    removed_lines: pa.Table
    sources: pa.Table
    quarantine: pa.Table
    mentions: pa.Table
    name_counts: pa.Table
    candidate_mentions: pa.Table
    quotes: pa.Table
    descriptors: pa.Table
    figures: pa.Table
    story_features: pa.Table

    def written(self) -> dict[str, pa.Table]:
        """Table name -> table, for the tables written per batch."""
        return {name: getattr(self, name) for name in CARRIED}


def split_repeats(docs: pa.Table) -> tuple[pa.Table, pa.Table]:
    """Documents -> (the first document of each content id, the later documents repeating one)."""
    first = pc.equal(pa.array(range(docs.num_rows), pa.int64()),
                     _first_index(docs["doc_id"].to_pylist()))
    return docs.filter(first), docs.filter(pc.invert(first))


def _first_index(ids: list[str]) -> pa.Array:
    seen: dict[str, int] = {}
    return pa.array([seen.setdefault(doc_id, i) for i, doc_id in enumerate(ids)], pa.int64())


def repeat_sources(repeats: pa.Table, article_ids: pa.Array) -> tuple[pa.Table, pa.Table]:
    """Repeated documents + ids that became articles -> (their SOURCES rows, QUARANTINE rows for the others)."""
    kept = pc.is_in(repeats["doc_id"], value_set=article_ids)
    sources = repeats.filter(kept).select(SOURCES.names).cast(SOURCES)
    dropped = repeats.filter(pc.invert(kept))
    reason = pa.array(["repeats content that was quarantined"] * dropped.num_rows, pa.string())
    quarantine = pa.table({"source_path": dropped["source_path"], "record_no": dropped["record_no"],
                           "reason": reason}).cast(QUARANTINE)
    return sources, quarantine


def analyse_batch(docs: pa.Table, site_lines: pa.Table, entities: pa.Table) -> BatchTables:
    """Documents with distinct content ids + site lines + entities -> clean articles and everything found in them."""
    cleaned = articles.clean_articles(docs, site_lines)
    found, candidates = mentions.extract_mentions(cleaned.articles, entities)
    entities = mentions.with_discovered(entities, found)
    found_quotes = quotes.extract_quotes(cleaned.articles, found, entities)
    return BatchTables(
        articles=cleaned.articles,
        removed_lines=cleaned.removed_lines,
        sources=cleaned.sources,
        quarantine=cleaned.quarantine,
        mentions=found,
        name_counts=counts.name_counts(found),
        candidate_mentions=candidates,
        quotes=found_quotes,
        descriptors=descriptors.extract_descriptors(cleaned.articles, found, found_quotes, entities),
        figures=figures.extract_figures(cleaned.articles),
        # Stories compare the entity table's entities only: discovered names are many, and resolved run-wide.
        story_features=story_features.story_features(cleaned.articles, mentions.curated_only(found)),
    )


def analysis_keys(docs: pa.Table, doc_site_lines: pa.Table, config: str) -> pa.Table:
    """Documents + the site lines each holds (doc_id, outlet, line_key) + configuration version -> ANALYSED: one key
    per document of all its tables hang on. Of its outlet's site lines, only those in the document count: a site
    line learned elsewhere changes nothing in its cleaning."""
    held: dict[tuple, list[str]] = {}
    for doc_id, outlet, key in zip(*(doc_site_lines[c].to_pylist() for c in ("doc_id", "outlet", "line_key")),
                                   strict=True):
        held.setdefault((doc_id, outlet), []).append(key)
    keys = []
    for fields in docs.select([c for c in docs.column_names if c != "text"]).to_pylist():  # the content id has it
        lines = sorted(held.get((fields["doc_id"], fields["outlet"]), ()))
        text = json.dumps([config, lines, fields], sort_keys=True, default=str)
        keys.append(hashlib.sha256(text.encode()).hexdigest()[:24])
    return pa.table({"doc_id": docs["doc_id"], "analysis_key": pa.array(keys, pa.string())}).cast(ANALYSED)


def unchanged_ids(keys: pa.Table, previous: pa.Table | None) -> pa.Array:
    """This run's ANALYSED keys + the previous run's -> ids of the documents whose key is the same (carry them)."""
    if previous is None or previous.num_rows == 0:
        return pa.array([], pa.string())
    joined = keys.join(previous, keys=["doc_id", "analysis_key"], join_type="inner")
    return joined["doc_id"].combine_chunks()
