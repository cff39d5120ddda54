"""One batch of documents -> every per-article table the flow writes: the unit of work a task (or a Dask worker) runs.

Batches are independent: repeated content is split off before batching (`split_repeats`), so no batch needs to
know what another one cleaned, and batches may run in any order or in parallel with the same result."""

from dataclasses import dataclass

import pyarrow as pa
import pyarrow.compute as pc

from transforms import articles, descriptors, figures, mentions, quotes, stories
from warehouse.contracts import QUARANTINE, SOURCES


@dataclass
class BatchTables:
    """Per-article tables from one batch; `written` are the ones stored as they are, the rest feed run-wide steps."""

    articles: pa.Table
    removed_lines: pa.Table
    sources: pa.Table
    quarantine: pa.Table
    mentions: pa.Table
    candidate_mentions: pa.Table
    quotes: pa.Table
    descriptors: pa.Table
    figures: pa.Table
    story_features: pa.Table

    def written(self) -> dict[str, pa.Table]:
        """Table name -> table, for the tables written per batch."""
        names = ("articles", "removed_lines", "sources", "mentions", "quotes", "descriptors", "figures")
        return {name: getattr(self, name) for name in names}


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
    found_quotes = quotes.extract_quotes(cleaned.articles, found, entities)
    return BatchTables(
        articles=cleaned.articles,
        removed_lines=cleaned.removed_lines,
        sources=cleaned.sources,
        quarantine=cleaned.quarantine,
        mentions=found,
        candidate_mentions=candidates,
        quotes=found_quotes,
        descriptors=descriptors.extract_descriptors(cleaned.articles, found, found_quotes, entities),
        figures=figures.extract_figures(cleaned.articles),
        story_features=stories.story_features(cleaned.articles, found),
    )
