"""Quote groups a slice at a time, for a run whose texts, word lists, 4-grams and pairs live out of core
(warehouse/quote_pairs.py): texts -> word numbers, a slice at a time, with the vocabulary met so far; candidate pairs
with their word numbers -> links in the union-find; the union-find -> each item's group.

The groups are those of groups.group_texts: words are numbered in order of first appearance as there, so the same
items, 4-grams and pairs are found, and a group is the connected matches, whatever order pairs are verified in.
"""

import pyarrow as pa
import pyarrow.compute as pc

from transforms.compare.quotes import blocking
from transforms.compare.quotes import groups as quote_groups
from transforms.compare.quotes.blocking import arange
from transforms.compare.quotes.groups import (
    Groups,
    characters,
    fits_characters,
    joined_words,
    sequences,
    text_words,
    word_chars,
)
from warehouse.contracts import QUOTE_MATCHES

VOCABULARY = pa.schema([pa.field("word", pa.string()), pa.field("char", pa.string())])
GRAMS_AT_ONCE = 2_000_000  # 4-gram rows paired in one bucket (DuckDB hashes and orders them: about 100 MB)
WORD_NUMBERS = pa.schema([pa.field("text_number", pa.int64()), pa.field("words", pa.list_(pa.int32())),
                          pa.field("chars", pa.string())])


def number_words(texts: pa.Table, vocabulary: pa.Table) -> tuple[pa.Table, pa.Table]:
    """(text_number, text) rows + the VOCABULARY so far -> ((text_number, words: the text's quote_words as word
    numbers, chars: one character per word, as groups.word_strings), the vocabulary with the slice's new words
    appended in order of first appearance). Past what characters can number, chars is null."""
    if texts.num_rows == 0:
        return WORD_NUMBERS.empty_table(), vocabulary
    ends, found = text_words(pc.cast(texts["text"].combine_chunks(), pa.string()))
    new = pc.unique(found.filter(pc.is_null(pc.index_in(found, value_set=vocabulary["word"]))))
    if len(new):
        vocabulary = pa.concat_tables([vocabulary, pa.table(
            {"word": new, "char": characters(vocabulary.num_rows, len(new))}, VOCABULARY)]).combine_chunks()
    numbers = pc.cast(pc.index_in(found, value_set=vocabulary["word"]), pa.int32())
    words = pa.ListArray.from_arrays(pc.cast(ends, pa.int32()), numbers)
    return pa.table({"text_number": pc.cast(texts["text_number"], pa.int64()), "words": words,
                     "chars": joined_words(words, vocabulary["char"].combine_chunks())}, WORD_NUMBERS), vocabulary


def list_chars(vocabulary: pa.Table) -> pa.Array | None:
    """The vocabulary -> None when every word has a character (pairs are compared on the texts' chars), else
    word_chars (4 bytes a word) to join the pairs' word numbers with."""
    return None if fits_characters(vocabulary.num_rows) else word_chars(vocabulary.num_rows)


def blocking_rules(buckets: int, bucket: int) -> dict[str, int]:
    """How many buckets of 4-grams, which one -> the parameters pairs of that bucket are found with."""
    return {"all_pairs_up_to": blocking.ALL_PAIRS_UP_TO, "buckets": buckets, "bucket": bucket}


def length_rules() -> dict[str, float]:
    """-> the length rules candidate pairs are cut by before they are verified (the SQL's parameters)."""
    return {"part_ratio": quote_groups.PART_RATIO, "min_part_words": quote_groups.MIN_PART_WORDS,
            "min_common_words": quote_groups.MIN_COMMON_WORDS}


def link_candidates(groups: Groups, pairs: pa.Table, chars: pa.Array | None) -> None:
    """Candidate pairs (a, b, first_words, second_words: the items' chars, or their word numbers to join with
    list_chars) -> the pairs of the same quote joined in the union-find."""
    firsts, seconds = (sequences(pairs[side].combine_chunks() if chars is None else
                                 joined_words(pairs[side].combine_chunks(), chars))[0]
                       for side in ("first_words", "second_words"))
    groups.link_sequences(pairs, firsts, seconds)


def as_matches(rows: pa.Table) -> pa.Table:
    """(quote_id, quote_group_id) rows -> QUOTE_MATCHES."""
    return rows.cast(QUOTE_MATCHES)


def item_groups(groups: Groups) -> pa.Table:
    """The union-find -> (item, root): each item's group."""
    roots = groups.roots()
    return pa.table({"item": arange(len(roots)), "root": roots})


__all__ = ["VOCABULARY", "WORD_NUMBERS", "Groups", "as_matches", "item_groups", "link_candidates", "list_chars",
           "number_words", "blocking_rules", "length_rules"]
