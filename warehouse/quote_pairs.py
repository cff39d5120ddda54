"""SQL of quote groups run out of core (flows/storage/scratch.py): the blocking of transforms/compare/quotes/blocking.py
over the run's distinct quote texts, as DuckDB queries over scratch tables, so no list of every quote, word list,
4-gram or pair is held in Python.

Scratch tables: quote_texts (text_number, text), made by QUOTE_TEXT_ROWS; quote_words (text_number, words: the
text's word numbers, chars: a character per word, as sliced.number_words gives them), added a slice at a time;
quote_items, made by QUOTE_ITEMS. Named Arrow tables: item_groups (item, root: the item's group after matching).
"""

from warehouse.run_wide import QUOTE_ROWS

# One row per distinct non-fragment text, numbered in order of first appearance (as QUOTE_TEXTS).
QUOTE_TEXT_ROWS = QUOTE_ROWS + """
select text_number, text from numbered
"""

# The distinct texts in order of their numbers.
TEXTS_IN_ORDER = """
select text_number, text from quote_texts
order by text_number
"""

ITEM_COUNT = """
select count(*) as count_items from quote_items
"""

# One row per distinct word list (an item), numbered in order of first appearance among the texts, as
# dictionary_encode numbers them in groups.group_texts.
QUOTE_ITEMS = """
with firsts as (
    select
        words,
        any_value(chars) as chars,
        min(text_number) as first_text
    from quote_words
    group by words
)

select
    (row_number() over (order by first_text) - 1)::bigint as item,
    words,
    chars,
    len(words)::bigint as count_words
from firsts
"""

# Every word 4-gram of every item, exactly: its four word numbers in one 128-bit number (a quote that says a 4-gram
# twice lists it twice here, once in BUCKET_PAIRS).
QUOTE_GRAMS = """
select
    (words[i]::hugeint << 96) | (words[i + 1]::hugeint << 64) | (words[i + 2]::hugeint << 32) | words[i + 3] as gram,
    item
from quote_items, unnest(range(1, len(words) - 2)) as positions(i)
"""

# How many buckets of about $gram_rows 4-gram rows the pairs are found in, each holding whole 4-grams.
GRAM_BUCKETS = """
select greatest(1, ceil(count(*) / $gram_rows))::bigint as buckets from quote_grams
"""

# The pairs (a < b) of items sharing a 4-gram of bucket $bucket (blocking.posting_pairs): all pairs in a 4-gram's
# list of up to $all_pairs_up_to items, else each item with the list's first and the one before it. A 4-gram of one
# item pairs nothing, so only the lists of shared 4-grams are ordered. A pair sharing 4-grams of several buckets is
# found in each (CANDIDATE_PAIRS keeps it once).
BUCKET_PAIRS = """
with grams as (
    select distinct
        gram,
        item
    from quote_grams
    where hash(gram) % $buckets = $bucket
),

shared as (
    select
        gram,
        count(*) as size,
        min(item) as first_item
    from grams
    group by gram
    having count(*) > 1
),

listed as (
    select
        grams.gram,
        grams.item,
        shared.size,
        shared.first_item
    from grams
    inner join shared on grams.gram = shared.gram
),

small as (
    select gram, item from listed
    where size <= $all_pairs_up_to
),

in_line as (
    select
        lag(item) over (partition by gram order by item) as previous_item,
        item
    from listed
    where size > $all_pairs_up_to
)

select
    one.item as a,
    other.item as b
from small as one
inner join small as other on one.gram = other.gram and one.item < other.item
union
select first_item as a, item as b from listed
where size > $all_pairs_up_to and item != first_item
union
select previous_item as a, item as b from in_line
where previous_item is not null
"""

# The distinct candidate pairs to verify, with both items' chars: only pairs whose word counts leave room for a match
# (groups.could_match).
_CANDIDATES = """
with pairs as (
    select distinct a, b from quote_candidates
),

possible as (
    select
        pairs.a,
        pairs.b
    from pairs
    inner join quote_items as first on pairs.a = first.item
    inner join quote_items as second on pairs.b = second.item
    where least(first.count_words, second.count_words) >= case
        when least(first.count_words, second.count_words)::double
            < greatest(first.count_words, second.count_words)::double * $part_ratio
            then $min_part_words
        else $min_common_words
    end
)

select
    possible.a,
    possible.b,
    first.@compared as first_words,
    second.@compared as second_words
from possible
inner join quote_items as first on possible.a = first.item
inner join quote_items as second on possible.b = second.item
"""

CANDIDATE_PAIRS = _CANDIDATES.replace("@compared", "chars")
# Past what characters can number, the pairs' word numbers instead.
CANDIDATE_PAIR_LISTS = _CANDIDATES.replace("@compared", "words")

# QUOTE_MATCHES, in reading order: each non-fragment quote with the smallest quote_id of its item's group; a quote
# too short to match itself ($min_common_words) stays alone.
QUOTE_GROUPS = QUOTE_ROWS + """,

keyed as (
    select
        kept.quote_id,
        kept.row_key,
        case when quote_items.count_words >= $min_common_words then item_groups.root end as root
    from kept
    inner join quote_texts on kept.text = quote_texts.text
    inner join quote_words on quote_texts.text_number = quote_words.text_number
    inner join quote_items on quote_words.words = quote_items.words
    inner join item_groups on quote_items.item = item_groups.item
)

select
    quote_id,
    case when root is null then quote_id else min(quote_id) over (partition by root) end as quote_group_id
from keyed
order by row_key
"""
