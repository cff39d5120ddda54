"""Blocking for quote groups, in Arrow: the word 4-grams of word lists, and the pairs of lists sharing one.

A 4-gram carried by up to ALL_PAIRS_UP_TO lists pairs them all; a longer list pairs each item with its first and
the one before it, so the work stays linear. Gram rows are paired a bucket of whole lists at a time (GRAM_ROWS rows
a bucket), so the peak is that of one bucket, however many quotes a corpus has; the pairs come out the same.
"""

from functools import reduce

import pyarrow as pa
import pyarrow.compute as pc

SHINGLE = 4
ALL_PAIRS_UP_TO = 50  # quotes sharing a 4-gram compared all with all up to this many
LISTS_AT_ONCE = 20_000  # word lists cut into 4-grams at once
GRAM_ROWS = 250_000  # gram rows paired at once (their pairs take several times as many bytes)


def posting_pairs(keys: pa.Table) -> pa.Table:
    """(key columns..., item) -> distinct pairs (a, b), a < b, of items sharing all keys: all pairs in a list of up
    to ALL_PAIRS_UP_TO items, else each item with the list's first and with the one before it; sorted by (a, b)."""
    buckets = -(-keys.num_rows // GRAM_ROWS)
    if buckets <= 1:
        return _list_pairs(keys)
    gram = pc.bit_wise_xor(keys["gram"], keys["gram_end"])  # a list lies within one gram, so within one bucket
    bucket = pc.subtract(gram, pc.multiply(pc.divide(gram, buckets), buckets))
    order = pc.sort_indices(bucket)
    ends = pc.cumulative_sum(pc.take(pc.value_counts(bucket).field("counts"),
                                     pc.sort_indices(pc.value_counts(bucket).field("values")))).to_pylist()
    found = [_list_pairs(keys.take(order[start:end])) for start, end in zip([0, *ends], ends, strict=False)]
    return _distinct(*(pa.chunked_array([chunk for f in found for chunk in f[side].chunks], pa.int64())
                       for side in ("a", "b")))


def gram_keys(ids: pa.ListArray, vocabulary: int) -> pa.Table:
    """Word numbers per list -> (gram, gram_end, item): every word 4-gram of every list, exactly, as the numbers of
    its first and last word pairs; LISTS_AT_ONCE lists at a time."""
    return pa.concat_tables([_grams(ids.slice(0, 0), vocabulary, 0)] + [
        _grams(ids.slice(start, LISTS_AT_ONCE), vocabulary, start) for start in range(0, len(ids), LISTS_AT_ONCE)])


def _grams(ids: pa.ListArray, vocabulary: int, first: int) -> pa.Table:
    """gram_keys of lists numbered from `first`."""
    offsets, words = flat_lists(ids)
    words = pc.cast(words, pa.int64())
    count = max(len(words) - SHINGLE + 1, 0)
    pairs = pc.add(pc.multiply(words[:-1], vocabulary), words[1:]) if count else pa.array([], pa.int64())
    items = pc.add(pc.cast(pc.list_parent_indices(pa.ListArray.from_arrays(offsets, words)), pa.int64()), first)
    inside = pc.equal(items[:count], items[SHINGLE - 1:])  # the 4-gram does not run into the next list
    return pa.table({"gram": pairs[:count], "gram_end": pairs[SHINGLE - 2:], "item": items[:count]}).filter(inside)


def _list_pairs(keys: pa.Table) -> pa.Table:
    """posting_pairs of keys held at once."""
    item, follows = _lists(keys)
    if len(item) < 2:
        return pa.table({"a": pa.array([], pa.int64()), "b": pa.array([], pa.int64())})
    starts = pc.cast(pc.indices_nonzero(pc.invert(follows)), pa.int64())
    sizes = pc.subtract(pa.concat_arrays([starts[1:], pa.array([len(item)], pa.int64())]), starts)
    in_list = pc.subtract(pc.cumulative_sum(pc.cast(pc.invert(follows), pa.int64())), 1)
    start, size = pc.take(starts, in_list), pc.take(sizes, in_list)
    small = pc.less_equal(size, ALL_PAIRS_UP_TO)
    after = pc.subtract(pc.add(start, size), pc.add(arange(len(item)), 1))  # items after this one in its list
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
    step = pc.subtract(arange(total), pc.take(ends, source))
    return pc.take(item, source), pc.take(item, pc.add(pc.add(pc.cast(source, pa.int64()), step), 1))


def _distinct(a: pa.ChunkedArray, b: pa.ChunkedArray) -> pa.Table:
    """Pairs -> the distinct ones, in order (sorted, then each unlike the one before: a hash table of every pair
    would take several times the memory)."""
    span = (pc.max(b).as_py() or 0) + 1
    codes = pc.add(pc.multiply(a, span), b).combine_chunks()
    codes = pc.take(codes, pc.sort_indices(codes))
    if len(codes) > 1:
        codes = codes.filter(pa.concat_arrays([pa.array([True]), pc.not_equal(codes[1:], codes[:-1])]))
    first = pc.divide(codes, span)
    return pa.table({"a": first, "b": pc.subtract(codes, pc.multiply(first, span))})


def flat_lists(lists: pa.ListArray) -> tuple[pa.Array, pa.Array]:
    """A list array -> (offsets from 0, the values they index)."""
    return pc.subtract(lists.offsets, lists.offsets[0]), pc.list_flatten(lists)




def arange(n: int) -> pa.Array:
    """0, 1, ... n - 1 as int64."""
    return pc.cast(pc.indices_nonzero(pa.repeat(True, n)), pa.int64())
