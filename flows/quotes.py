"""Quote groups of a run from scratch, out of core: DuckDB holds the distinct texts, their word numbers, 4-grams and
candidate pairs (warehouse/quote_pairs.py, in a scratch database spilling to disk: flows/storage/scratch.py), Python
numbers words and verifies pairs a slice at a time (transforms/compare/quotes/sliced.py). The same groups as
transforms/compare/quotes/groups.group_texts."""

import pyarrow as pa

from flows.storage.scratch import scratch
from transforms.compare.quotes import groups as quote_groups
from transforms.compare.quotes import sliced
from warehouse import quote_pairs

# Its queries hash and sort far more rows than a count (every 4-gram of every distinct quote), so they spill early;
# half a count's memory costs little time and keeps the step's peak near that of the rest.
QUOTE_MEMORY = "256MB"


def run_quote_groups(warehouse_dir: str, run_id: str) -> pa.Table:
    """A run's quotes -> QUOTE_MATCHES: Python holds a slice of texts or pairs at a time, the vocabulary and one
    union-find entry per distinct word list; pairs are found a bucket of 4-grams at a time."""
    with scratch(warehouse_dir, run_id, QUOTE_MEMORY, keep_order=False) as db:
        db.make("quote_texts", quote_pairs.QUOTE_TEXT_ROWS)
        vocabulary = sliced.VOCABULARY.empty_table()
        db.add("quote_words", sliced.WORD_NUMBERS.empty_table())
        for batch in db.slices(quote_pairs.TEXTS_IN_ORDER, rows=quote_groups.TEXTS_AT_ONCE):
            words, vocabulary = sliced.number_words(pa.Table.from_batches([batch]), vocabulary)
            db.add("quote_words", words)
        db.make("quote_items", quote_pairs.QUOTE_ITEMS)
        groups = sliced.Groups(db.fetch(quote_pairs.ITEM_COUNT)["count_items"][0].as_py())
        db.make("quote_grams", quote_pairs.QUOTE_GRAMS)
        buckets = db.fetch(quote_pairs.GRAM_BUCKETS, {"gram_rows": sliced.GRAMS_AT_ONCE})["buckets"][0].as_py()
        for bucket in range(buckets):
            db.extend("quote_candidates", quote_pairs.BUCKET_PAIRS, sliced.blocking_rules(buckets, bucket))
        chars = sliced.list_chars(vocabulary)
        pairs_sql = quote_pairs.CANDIDATE_PAIRS if chars is None else quote_pairs.CANDIDATE_PAIR_LISTS
        for batch in db.slices(pairs_sql, sliced.length_rules(), quote_groups.PAIRS_AT_ONCE):
            sliced.link_candidates(groups, pa.Table.from_batches([batch]), chars)
        return sliced.as_matches(db.fetch(quote_pairs.QUOTE_GROUPS, {"min_common_words": quote_groups.MIN_COMMON_WORDS},
                                          {"item_groups": sliced.item_groups(groups)}))
