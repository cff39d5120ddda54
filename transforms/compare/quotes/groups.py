"""Quotes -> groups of the same words across articles (QUOTE_MATCHES).

Exact copies: quotes with the same words (wire copy, replicated corpora) are matched once, through one
representative; a copy is in its representative's group when it is long enough to match itself (MIN_COMMON_WORDS
words), else it stays alone, as every quote that short does.
Blocking, over the distinct word lists in order of first appearance: only lists sharing a word 4-gram are
compared. Within a 4-gram carried by many lists (a widely quoted line, or 'one of the most') each list is
compared with the first and the previous one only, so the work stays linear and a shared quote still ends up
connected. Pairs whose lengths alone rule out a match are dropped before verification.
Verification, on words: the shorter quote must match a stretch of the longer one as long as itself with few
edits, and share enough words in order with it, so one outlet quoting part of another's quote, a dropped
comma or a few changed words still match while a common phrase does not merge unrelated quotes. Groups are
the connected matches (union-find); a group's id is its smallest quote_id.

Update: given an earlier run's QUOTE_MATCHES, restricted to quotes whose text did not change, the quotes found
there are old and the rest new. Two old quotes in different previous groups did not match then and do not now, so
old quotes are compared only within their previous group; each group of several is re-matched among the members
it still has, since one it lost (no longer listed, so not visible here) may have been its bridge: it may split.
New quotes are matched against all quotes through the same blocking. The result is a from-scratch run's, except
where a 4-gram is carried by more than ALL_PAIRS_UP_TO lists in either run: quotes coming or going move its line
of comparisons, or switch it between all pairs and a line, so old quotes it compares may differ.
"""

import re
import string
from functools import reduce

import pyarrow as pa
import pyarrow.compute as pc
from anyascii import anyascii
from rapidfuzz import fuzz
from rapidfuzz.distance import LCSseq

from warehouse.contracts import QUOTE_MATCHES

SHINGLE = 4
MIN_COMMON_WORDS = 6  # fewer shared words than this is a phrase in common, not a shared quote
MIN_PART_WORDS = 10  # a part of a much longer quote must be longer still: short stock phrases sit inside many
PART_RATIO = 0.8  # shorter than this share of the longer quote, a quote is matched as a part of it
MIN_WINDOW_SCORE = 80  # rapidfuzz partial_ratio of the shorter quote's words against the longer one's
ALL_PAIRS_UP_TO = 50  # quotes sharing a 4-gram compared all with all up to this many
_WORD = re.compile(r"[a-z0-9]+")
_SURROGATES = 0xD800  # a word is matched as one character; code points from here on skip the surrogate block
_MAX_WORDS = 0x110000 - 0x800 - 1
_COMMON_FOREIGN = {char: anyascii(char) for char in "’‘“”—–…"}
_PUNCTUATION = string.punctuation


def quote_words(text: str) -> list[str]:
    """'In Libya, we’re “supporting”' -> ['in', 'libya', 'were', 'supporting']: case, marks and accents folded."""
    folded = (text if text.isascii() else anyascii(text)).casefold()
    return _WORD.findall(folded.replace("'", ""))


def is_same_quote(a: list[str], b: list[str]) -> bool:
    """Two quotes' words -> whether one carries (most of) the other: part, near copy or exact copy."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    least = MIN_PART_WORDS if len(short) < PART_RATIO * len(long) else MIN_COMMON_WORDS
    if len(short) < least:
        return False
    common = LCSseq.similarity(a, b)
    # A window scoring S shares c of the shorter quote's n words in order with 2c / (n + c) >= S / 100, so
    # c (200 - S) >= S n: most pairs fail that here, without the costly window search (one word of slack).
    if common < least or (common + 1) * (200 - MIN_WINDOW_SCORE) < MIN_WINDOW_SCORE * len(short):
        return False
    return fuzz.partial_ratio(short, long, score_cutoff=MIN_WINDOW_SCORE) > 0


def word_ids(texts: pa.Array | pa.ChunkedArray) -> tuple[pa.ListArray, int]:
    """Quote texts -> (each text's quote_words as word numbers, how many distinct words), in bulk."""
    texts = pc.cast(texts.combine_chunks() if isinstance(texts, pa.ChunkedArray) else texts, pa.string())
    foreign = pc.invert(pc.string_is_ascii(texts))
    if pc.any(foreign).as_py():
        texts = pc.replace_with_mask(texts, foreign, _ascii(texts.filter(foreign)))
    tokens = pc.ascii_split_whitespace(pc.replace_substring(pc.ascii_lower(texts), "'", ""))
    per_text, pieces = _flat(tokens)
    pieces = pc.ascii_trim(pieces, _PUNCTUATION)
    odd = pc.invert(pc.ascii_is_alnum(pieces))  # most tokens are one word once trimmed; the rest are split
    split_offsets, split_words = _flat(pc.split_pattern_regex(pieces.filter(odd), "[^a-z0-9]+"))
    nonempty = pc.not_equal(split_words, "")
    ends = pc.cumulative_sum(pc.cast(nonempty, pa.int64()))
    split_offsets = pc.take(pa.concat_arrays([pa.array([0], pa.int64()), ends]), split_offsets)
    plain = pc.invert(odd)
    whole = pieces.filter(plain)
    numbers = pc.dictionary_encode(pa.concat_arrays([whole, split_words.filter(nonempty)]))
    codes = pc.cast(numbers.indices, pa.int64())
    singles = pa.LargeListArray.from_arrays(_arange(len(whole) + 1), codes[:len(whole)])
    parts = pa.LargeListArray.from_arrays(split_offsets, codes[len(whole):])
    order = pc.replace_with_mask(pc.replace_with_mask(_arange(len(pieces)), plain, _arange(len(whole))), odd,
                                 pc.add(_arange(len(parts)), len(whole)))
    per_token, words = _flat(pc.take(pa.concat_arrays([singles, parts]), order))
    offsets = pc.cast(pc.take(per_token, per_text), pa.int32())
    return pa.ListArray.from_arrays(offsets, pc.cast(words, pa.int32())), len(numbers.dictionary)


def _ascii(texts: pa.Array) -> pa.Array:
    """Texts -> anyascii of each; the common marks are replaced in bulk (anyascii goes character by character)."""
    for char, ascii_char in _COMMON_FOREIGN.items():
        texts = pc.replace_substring(texts, char, ascii_char)
    foreign = pc.invert(pc.string_is_ascii(texts))
    if pc.any(foreign).as_py():
        texts = pc.replace_with_mask(texts, foreign, pa.array([anyascii(t) for t in texts.filter(foreign).to_pylist()],
                                                            pa.string()))
    return texts


def _arange(n: int) -> pa.Array:
    """0, 1, ... n - 1 as int64."""
    return pc.cast(pc.indices_nonzero(pa.repeat(True, n)), pa.int64())


def word_strings(ids: pa.ListArray, vocabulary: int) -> pa.Array:
    """Word numbers -> one string per quote, a character per word, so matching compares whole words at C speed;
    past what characters can number, 4 bytes per word (matched as lists of numbers)."""
    if vocabulary > _MAX_WORDS:
        chars = pa.array([n.to_bytes(4, "big") for n in range(vocabulary)], pa.binary())
    else:
        chars = pa.array([chr(n + 1 + (0x800 if n + 1 >= _SURROGATES else 0)) for n in range(vocabulary)], pa.string())
    offsets, values = _flat(ids)
    return pc.binary_join(pa.ListArray.from_arrays(offsets, pc.take(chars, values)), pa.scalar("", chars.type))


def _sequences(distinct: pa.Array) -> tuple[list, pa.Array]:
    """Distinct word_strings -> (what is_same_quote compares for each, its number of words)."""
    if pa.types.is_string(distinct.type):
        return distinct.to_pylist(), pc.utf8_length(distinct)
    sequences = [[int.from_bytes(w[k:k + 4], "big") for k in range(0, len(w), 4)] for w in distinct.to_pylist()]
    return sequences, pc.divide(pc.binary_length(distinct), 4)


def _flat(lists: pa.ListArray) -> tuple[pa.Array, pa.Array]:
    """A list array -> (offsets from 0, the values they index)."""
    return pc.subtract(lists.offsets, lists.offsets[0]), pc.list_flatten(lists)


def gram_keys(ids: pa.ListArray, vocabulary: int) -> pa.Table:
    """Word numbers per list -> (gram, item): every word 4-gram (as a number) of every list, in bulk."""
    offsets, words = _flat(ids)
    if len(words) < SHINGLE:
        return pa.table({"gram": pa.array([], pa.int64()), "item": pa.array([], pa.int64())})
    words = pc.cast(words, pa.int64())
    pairs = pc.dictionary_encode(pc.add(pc.multiply(words[:-1], vocabulary), words[1:]))
    codes, count = pc.cast(pairs.indices, pa.int64()), len(pairs.dictionary)
    grams = pc.add(pc.multiply(codes[:-(SHINGLE - 2)], count), codes[SHINGLE - 2:])  # two word pairs: exact
    items = pc.cast(pc.list_parent_indices(pa.ListArray.from_arrays(offsets, words)), pa.int64())
    inside = pc.equal(items[:-(SHINGLE - 1)], items[SHINGLE - 1:])  # the 4-gram does not run into the next list
    return pa.table({"gram": grams, "item": items[:len(grams)]}).filter(inside)


def posting_pairs(keys: pa.Table) -> pa.Table:
    """(key columns..., item) -> distinct pairs (a, b), a < b, of items sharing all keys: all pairs in a list of up
    to ALL_PAIRS_UP_TO items, else each item with the list's first and with the one before it."""
    item, follows = _lists(keys)
    if len(item) < 2:
        return pa.table({"a": pa.array([], pa.int64()), "b": pa.array([], pa.int64())})
    starts = pc.cast(pc.indices_nonzero(pc.invert(follows)), pa.int64())
    sizes = pc.subtract(pa.concat_arrays([starts[1:], pa.array([len(item)], pa.int64())]), starts)
    in_list = pc.subtract(pc.cumulative_sum(pc.cast(pc.invert(follows), pa.int64())), 1)
    start, size = pc.take(starts, in_list), pc.take(sizes, in_list)
    small = pc.less_equal(size, ALL_PAIRS_UP_TO)
    after = pc.subtract(pc.add(start, size), pc.add(_arange(len(item)), 1))  # items after this one in its list
    a, b = _all_pairs(item, pc.if_else(small, after, 0))
    line = pc.and_(pc.invert(small), follows)
    firsts = [a, pc.take(item, start).filter(line), item[:-1].filter(line[1:])]
    seconds = [b, item.filter(line), item[1:].filter(line[1:])]
    return _distinct(pa.chunked_array(firsts, pa.int64()), pa.chunked_array(seconds, pa.int64()))


def _lists(keys: pa.Table) -> tuple[pa.Array, pa.Array]:
    """(key columns..., item) -> items sorted by keys then item, once per list, and whether each follows another
    item of its list."""
    names = [n for n in keys.column_names if n != "item"]
    rows = keys.sort_by([(n, "ascending") for n in [*names, "item"]])
    item = rows["item"].combine_chunks()
    if len(item) < 2:
        return item, pa.array([False] * len(item))
    same = [pc.equal(rows[n].combine_chunks()[1:], rows[n].combine_chunks()[:-1]) for n in names]
    follows = pa.concat_arrays([pa.array([False]), reduce(pc.and_, same)])
    repeat = pa.concat_arrays([pa.array([False]), pc.equal(item[1:], item[:-1])])
    keep = pc.invert(pc.and_(follows, repeat))  # a 4-gram said twice in a quote lists the quote once
    return item.filter(keep), follows.filter(keep)


def _all_pairs(item: pa.Array, later: pa.Array) -> tuple[pa.Array, pa.Array]:
    """Items sorted within lists, and how many items follow each in its list -> every (item, later item)."""
    ends = pa.concat_arrays([pa.array([0], pa.int64()), pc.cumulative_sum(later)])
    total = ends[-1].as_py()
    source = pc.list_parent_indices(pa.LargeListArray.from_arrays(ends, pa.nulls(total, pa.int8())))
    step = pc.subtract(_arange(total), pc.take(ends, source))
    return pc.take(item, source), pc.take(item, pc.add(pc.add(pc.cast(source, pa.int64()), step), 1))


def _distinct(a: pa.ChunkedArray, b: pa.ChunkedArray) -> pa.Table:
    """Pairs -> the distinct ones, in order."""
    span = (pc.max(b).as_py() or 0) + 1
    codes = pc.unique(pc.add(pc.multiply(a, span), b))
    codes = pc.take(codes, pc.sort_indices(codes))
    first = pc.divide(codes, span)
    return pa.table({"a": first, "b": pc.subtract(codes, pc.multiply(first, span))})


def candidate_pairs(words: list[list[str]]) -> set[tuple[int, int]]:
    """Word lists -> index pairs (i < j) to compare: lists sharing a word 4-gram."""
    vocabulary: dict[str, int] = {}
    numbers = [[vocabulary.setdefault(w, len(vocabulary)) for w in ws] for ws in words]
    pairs = posting_pairs(gram_keys(pa.array(numbers, pa.list_(pa.int32())), max(len(vocabulary), 1)))
    return set(zip(pairs["a"].to_pylist(), pairs["b"].to_pylist(), strict=True))


def could_match(pairs: pa.Table, lengths: pa.Array) -> pa.Table:
    """Candidate pairs -> those whose word counts leave room for is_same_quote to hold."""
    first, second = pc.take(lengths, pairs["a"]), pc.take(lengths, pairs["b"])
    short, long = pc.min_element_wise(first, second), pc.max_element_wise(first, second)
    part = pc.less(pc.cast(short, pa.float64()), pc.multiply(pc.cast(long, pa.float64()), PART_RATIO))
    return pairs.filter(pc.greater_equal(short, pc.if_else(part, MIN_PART_WORDS, MIN_COMMON_WORDS)))


class _Groups:
    """Union-find over numbered items: each item's group is its smallest member."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def root(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def link(self, pairs: pa.Table, strings: list) -> None:
        """Join the pairs whose strings are the same quote (checked before their groups are looked up: few match)."""
        for a, b in zip(pairs["a"].to_pylist(), pairs["b"].to_pylist(), strict=True):
            if is_same_quote(strings[a], strings[b]):
                ra, rb = self.root(a), self.root(b)
                self.parent[max(ra, rb)] = min(ra, rb)


def kept_matches(previous: pa.Table, quotes: pa.Table, carried: pa.Array) -> pa.Table:
    """An earlier run's QUOTE_MATCHES + this run's quotes + ids of the articles carried over unchanged -> the earlier
    rows group_quotes may start from: quotes of carried articles only (an article analysed again may give the same
    quote id to other words)."""
    same = quotes.filter(pc.is_in(quotes["doc_id"], value_set=carried))["quote_id"].combine_chunks()
    return previous.filter(pc.is_in(previous["quote_id"], value_set=same))


def group_quotes(quotes: pa.Table, previous: pa.Table | None = None) -> pa.Table:
    """QUOTES (+ an earlier run's QUOTE_MATCHES of unchanged quotes) -> QUOTE_MATCHES: every non-fragment quote
    with the group of quotes of the same words."""
    kept = quotes.filter(pc.invert(quotes["is_fragment"]))
    texts = pc.dictionary_encode(kept["text"]).combine_chunks()  # copies are read once
    ids, vocabulary = word_ids(texts.dictionary)
    each = word_strings(ids, vocabulary)
    distinct = pc.dictionary_encode(each)  # one item per distinct word list, in order of first appearance
    strings, lengths = _sequences(distinct.dictionary)
    item = pc.take(pc.cast(distinct.indices, pa.int64()), texts.indices)
    keys = gram_keys(ids.take(pc.index_in(distinct.dictionary, value_set=each)), vocabulary)
    groups = _Groups(len(strings))
    if previous is None:
        groups.link(could_match(posting_pairs(keys), lengths), strings)
    else:
        found = pc.index_in(kept["quote_id"], value_set=previous["quote_id"])
        old = pc.is_valid(found)
        was = pc.take(previous["quote_group_id"], found.filter(old))
        for pairs in (_within_previous(keys, item.filter(old), was), _with_new(keys, item.filter(old), len(strings))):
            groups.link(could_match(pairs, lengths), strings)
    return _matches(kept["quote_id"], item, lengths, groups)


def _with_new(keys: pa.Table, old_items: pa.Array, count: int) -> pa.Table:
    """Gram keys + the items of old quotes -> candidate pairs with at least one new item, as a full run blocks them."""
    is_new = pc.invert(pc.is_in(_arange(count), value_set=old_items))
    new_grams = pc.unique(keys["gram"].filter(pc.take(is_new, keys["item"])))
    pairs = posting_pairs(keys.filter(pc.is_in(keys["gram"], value_set=new_grams)))
    return pairs.filter(pc.or_(pc.take(is_new, pairs["a"]), pc.take(is_new, pairs["b"])))


def _within_previous(keys: pa.Table, old_items: pa.Array, was: pa.Array) -> pa.Table:
    """Gram keys + old quotes' items and previous groups -> candidate pairs inside each previous group."""
    counts = pc.value_counts(was)
    shared = pc.is_in(was, value_set=counts.field("values").filter(pc.greater(counts.field("counts"), 1)))
    part = _Groups(len(old_items) and pc.max(old_items).as_py() + 1)
    firsts: dict[str, int] = {}
    for group, i in zip(was.filter(shared).to_pylist(), old_items.filter(shared).to_pylist(), strict=True):
        a, b = part.root(firsts.setdefault(group, i)), part.root(i)
        part.parent[max(a, b)] = min(a, b)  # a quote's copies may sit in several groups: those are one part
    members = pc.unique(old_items.filter(shared))
    roots = pa.array([part.root(i) for i in members.to_pylist()], pa.int64())
    inside = keys.filter(pc.is_in(keys["item"], value_set=members))
    return posting_pairs(inside.append_column("part", pc.take(roots, pc.index_in(inside["item"], value_set=members))))


def _matches(quote_ids: pa.ChunkedArray, item: pa.Array, lengths: pa.Array, groups: _Groups) -> pa.Table:
    """Each quote's item + the items' groups -> QUOTE_MATCHES; a quote too short to match itself stays alone."""
    roots = pa.array([groups.root(i) for i in range(len(groups.parent))], pa.int64())
    alone = pc.add(_arange(len(item)), len(groups.parent))
    key = pc.if_else(pc.greater_equal(pc.take(lengths, item), MIN_COMMON_WORDS), pc.take(roots, item), alone)
    smallest = pa.table({"key": key, "quote_id": quote_ids}).group_by("key").aggregate([("quote_id", "min")])
    group_ids = pc.take(smallest["quote_id_min"], pc.index_in(key, value_set=smallest["key"]))
    return pa.table({"quote_id": quote_ids, "quote_group_id": group_ids}).cast(QUOTE_MATCHES)
