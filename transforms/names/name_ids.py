"""Provisional ids of discovered names and their NAME_TOTALS rows, read into Python a few at a time: an id's words,
the rows of one match kind, the surfaces some names are written as, the spelling most used."""

from collections import Counter, defaultdict

import pyarrow as pa
import pyarrow.compute as pc

from transforms.names.discovery import PREFIX, SEX_MARK


def total_rows(totals: pa.Table, kind: str | None = None) -> list[tuple[str, str, str, int, int]]:
    """NAME_TOTALS (of one match kind, if given) -> (id, kind, surface, mentions, articles) tuples."""
    if kind is not None:
        totals = totals.filter(pc.equal(totals["match_kind"], kind))
    columns = ("entity_id", "match_kind", "surface", "count_mentions", "count_articles")
    return list(zip(*(totals[c].to_pylist() for c in columns), strict=True))


def most_used(counter: Counter) -> str:
    """Counts by spelling -> the spelling most used (of equals, the last in sort order)."""
    return max(counter.items(), key=lambda kv: (kv[1], kv[0]))[0] if len(counter) > 1 else next(iter(counter))


# Not cached: splitting an id costs about what a cache look-up does, and a cache bounded below the corpus's distinct
# names (721,745 at abp-dev x10) misses nearly every time while holding a quarter of a million tuples.
def id_tokens(name_id: str) -> tuple[str, ...]:
    """A provisional id ('n:clinton+f', 'n:barack-obama') -> its words (('clinton',), ('barack', 'obama'))."""
    return tuple(name_id[len(PREFIX):].split(SEX_MARK)[0].split("-"))


def written_as(totals: pa.Table, ids: list[str]) -> dict[str, set[str]]:
    """NAME_TOTALS + some names -> the surfaces each of them is written as (only theirs read into Python)."""
    rows = totals.filter(pc.is_in(totals["entity_id"], value_set=pa.array(ids, pa.string())))
    written: dict[str, set[str]] = defaultdict(set)
    for name_id, surface in zip(rows["entity_id"].to_pylist(), rows["surface"].to_pylist(), strict=True):
        written[name_id].add(surface)
    return written
