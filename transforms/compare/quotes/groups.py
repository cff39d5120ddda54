"""Quotes -> groups of the same words across articles (QUOTE_MATCHES).

Exact copies: quotes with the same words (wire copy, replicated corpora) are matched once, through one
representative; a copy is in its representative's group when it is long enough to match itself (MIN_COMMON_WORDS
words), else it stays alone, as every quote that short does.
Blocking (quotes/blocking.py), over the distinct word lists in order of first appearance: only lists sharing a word
4-gram are compared. Within a 4-gram carried by many lists (a widely quoted line, or 'one of the most') each list is
compared with the first and the previous one only, so the work stays linear and a shared quote still ends up
connected. Pairs whose lengths alone rule out a match are dropped before verification.
Memory: texts are cut into words, lists into 4-grams and 4-grams paired a bounded slice at a time, and the words of
candidate pairs are read out of Arrow a slice at a time, so what is held for the whole corpus is compact Arrow
arrays (word numbers, gram rows, pairs) and one 8-byte union-find entry per distinct quote. A run from scratch
keeps even those out of core: the same blocking runs in DuckDB over a scratch database (sliced.py,
warehouse/quote_pairs.py), and Python verifies candidate pairs a slice at a time.
Verification, on words: the shorter quote must match a stretch of the longer one as long as itself with few
edits, and share enough words in order with it, so one outlet quoting part of another's quote, a dropped
comma or a few changed words still match while a common phrase does not merge unrelated quotes. Groups are
the connected matches (union-find); a group's id is its smallest quote_id.

Update: given an earlier run's QUOTE_MATCHES, restricted to quotes whose text did not change, the quotes found
there are old and the rest new. Two old quotes in different previous groups did not match then and do not now, so
old quotes are compared only within their previous group: a group that kept every member (is_intact, from
kept_matches) is joined as it was, with no comparison; a group that lost one is re-matched among the members it
still has, since the one it lost may have been its bridge: it may split.
New quotes are matched against all quotes through the same blocking. The result is a from-scratch run's, except
where a 4-gram is carried by more than blocking.ALL_PAIRS_UP_TO lists in either run: quotes coming or going move its
line of comparisons, or switch it between all pairs and a line, so old quotes it compares may differ.
"""

import re
import string
from array import array

import pyarrow as pa
import pyarrow.compute as pc
from anyascii import anyascii
from rapidfuzz import fuzz
from rapidfuzz.distance import LCSseq

from transforms.compare.quotes.blocking import arange, flat_lists, gram_keys, posting_pairs
from warehouse.contracts import QUOTE_MATCHES

MIN_COMMON_WORDS = 6  # fewer shared words than this is a phrase in common, not a shared quote
MIN_PART_WORDS = 10  # a part of a much longer quote must be longer still: short stock phrases sit inside many
PART_RATIO = 0.8  # shorter than this share of the longer quote, a quote is matched as a part of it
MIN_WINDOW_SCORE = 80  # rapidfuzz partial_ratio of the shorter quote's words against the longer one's
TEXTS_AT_ONCE = 20_000  # quote texts tokenised at once
PAIRS_AT_ONCE = 50_000  # candidate pairs whose words are read out of Arrow at once, to be compared
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
    """Quote texts -> (each text's quote_words as word numbers, how many distinct words), in bulk, TEXTS_AT_ONCE
    texts at a time (the tokeniser's intermediate arrays are several times the texts)."""
    texts = pc.cast(texts.combine_chunks() if isinstance(texts, pa.ChunkedArray) else texts, pa.string())
    offsets, words, total = [pa.array([0], pa.int64())], [pa.array([], pa.string())], 0
    for start in range(0, len(texts), TEXTS_AT_ONCE):
        ends, found = text_words(texts.slice(start, TEXTS_AT_ONCE))
        offsets.append(pc.add(ends[1:], total))
        words.append(found)
        total += len(found)
    numbers = pc.dictionary_encode(pa.concat_arrays(words))
    return (pa.ListArray.from_arrays(pc.cast(pa.concat_arrays(offsets), pa.int32()),
                                     pc.cast(numbers.indices, pa.int32())), len(numbers.dictionary))


def text_words(texts: pa.Array) -> tuple[pa.Array, pa.Array]:
    """Texts -> (where each text's words start, the words): quote_words of every text, in bulk."""
    foreign = pc.invert(pc.string_is_ascii(texts))
    if pc.any(foreign).as_py():
        texts = pc.replace_with_mask(texts, foreign, _ascii(texts.filter(foreign)))
    tokens = pc.ascii_split_whitespace(pc.replace_substring(pc.ascii_lower(texts), "'", ""))
    per_text, pieces = flat_lists(tokens)
    pieces = pc.ascii_trim(pieces, _PUNCTUATION)
    odd = pc.invert(pc.ascii_is_alnum(pieces))  # most tokens are one word once trimmed; the rest are split
    split_offsets, split_words = flat_lists(pc.split_pattern_regex(pieces.filter(odd), "[^a-z0-9]+"))
    nonempty = pc.not_equal(split_words, "")
    ends = pc.cumulative_sum(pc.cast(nonempty, pa.int64()))
    split_offsets = pc.take(pa.concat_arrays([pa.array([0], pa.int64()), ends]), split_offsets)
    plain = pc.invert(odd)
    whole = pieces.filter(plain)
    singles = pa.LargeListArray.from_arrays(arange(len(whole) + 1), whole)
    parts = pa.LargeListArray.from_arrays(split_offsets, split_words.filter(nonempty))
    order = pc.replace_with_mask(pc.replace_with_mask(arange(len(pieces)), plain, arange(len(whole))), odd,
                                 pc.add(arange(len(parts)), len(whole)))
    per_token, words = flat_lists(pc.take(pa.concat_arrays([singles, parts]), order))
    return pc.take(per_token, per_text), words


def _ascii(texts: pa.Array) -> pa.Array:
    """Texts -> anyascii of each; the common marks are replaced in bulk (anyascii goes character by character)."""
    for char, ascii_char in _COMMON_FOREIGN.items():
        texts = pc.replace_substring(texts, char, ascii_char)
    foreign = pc.invert(pc.string_is_ascii(texts))
    if pc.any(foreign).as_py():
        texts = pc.replace_with_mask(texts, foreign, pa.array([anyascii(t) for t in texts.filter(foreign).to_pylist()],
                                                            pa.string()))
    return texts


def word_strings(ids: pa.ListArray, vocabulary: int) -> pa.Array:
    """Word numbers -> one string per quote, a character per word, so matching compares whole words at C speed;
    past what characters can number, 4 bytes per word (matched as lists of numbers)."""
    return joined_words(ids, word_chars(vocabulary))


def word_chars(vocabulary: int) -> pa.Array:
    """How many words -> the character (or, past what characters can number, the 4 bytes) of each word number."""
    if not fits_characters(vocabulary):
        return pa.array([n.to_bytes(4, "big") for n in range(vocabulary)], pa.binary())
    return characters(0, vocabulary)


def fits_characters(vocabulary: int) -> bool:
    """How many words -> whether each can be matched as one character."""
    return vocabulary <= _MAX_WORDS


def characters(first: int, count: int) -> pa.Array:
    """The characters of word numbers first .. first + count - 1 (null past what characters can number)."""
    return pa.array([chr(n + 1 + (0x800 if n + 1 >= _SURROGATES else 0)) if n < _MAX_WORDS else None
                     for n in range(first, first + count)], pa.string())


def joined_words(ids: pa.ListArray, chars: pa.Array) -> pa.Array:
    """Word numbers + word_chars -> one string per list."""
    offsets, values = flat_lists(ids)
    return pc.binary_join(pa.ListArray.from_arrays(offsets, pc.take(chars, values)), pa.scalar("", chars.type))


def sequences(distinct: pa.Array) -> tuple[list, pa.Array]:
    """Word strings -> (what is_same_quote compares for each, its number of words)."""
    if pa.types.is_string(distinct.type):
        return distinct.to_pylist(), _lengths(distinct)
    numbers = [[int.from_bytes(w[k:k + 4], "big") for k in range(0, len(w), 4)] for w in distinct.to_pylist()]
    return numbers, _lengths(distinct)


def _lengths(strings: pa.Array) -> pa.Array:
    """Word strings -> how many words each holds."""
    return pc.utf8_length(strings) if pa.types.is_string(strings.type) else pc.divide(pc.binary_length(strings), 4)


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


class Groups:
    """Union-find over numbered items: each item's group is its smallest member."""

    def __init__(self, n: int) -> None:
        self.parent = array("q", range(n))  # 8 bytes an item, where a list of ints takes about 36

    def root(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def link(self, pairs: pa.Table, distinct: pa.Array) -> None:
        """Join the pairs whose word strings (in `distinct`, by item) are the same quote, checked before their groups
        are looked up (few match); the strings are read out of Arrow PAIRS_AT_ONCE pairs at a time."""
        for start in range(0, pairs.num_rows, PAIRS_AT_ONCE):
            some = pairs.slice(start, PAIRS_AT_ONCE)
            self.link_sequences(some, *(sequences(pc.take(distinct, some[side]))[0] for side in ("a", "b")))

    def link_sequences(self, pairs: pa.Table, firsts: list, seconds: list) -> None:
        """Join the pairs (a, b) whose sequences (what is_same_quote compares, by pair) are the same quote."""
        for a, b, first, second in zip(pairs["a"].to_pylist(), pairs["b"].to_pylist(), firsts, seconds, strict=True):
            if is_same_quote(first, second):
                ra, rb = self.root(a), self.root(b)
                self.parent[max(ra, rb)] = min(ra, rb)

    def join(self, items: pa.Array, groups: pa.Array) -> None:
        """Join the items of each group as they are (an earlier run's group that kept every member is still one)."""
        firsts: dict[str, int] = {}
        for group, i in zip(groups.to_pylist(), items.to_pylist(), strict=True):
            a, b = self.root(firsts.setdefault(group, i)), self.root(i)
            self.parent[max(a, b)] = min(a, b)

    def roots(self) -> pa.Array:
        """-> every item's group, PAIRS_AT_ONCE items at a time."""
        count = len(self.parent)
        return pa.concat_arrays([pa.array([], pa.int64())] + [
            pa.array([self.root(i) for i in range(start, min(start + PAIRS_AT_ONCE, count))], pa.int64())
            for start in range(0, count, PAIRS_AT_ONCE)])


def kept_matches(previous: pa.Table, quotes: pa.Table, carried: pa.Array) -> pa.Table:
    """An earlier run's QUOTE_MATCHES + this run's quotes + ids of the articles carried over unchanged -> the earlier
    rows group_quotes may start from: quotes of carried articles only (an article analysed again may give the same
    quote id to other words), with is_intact: whether the row's group kept every member."""
    same = quotes.filter(pc.is_in(quotes["doc_id"], value_set=carried))["quote_id"].combine_chunks()
    kept = pc.is_in(previous["quote_id"], value_set=same)
    broken = pc.unique(previous["quote_group_id"].filter(pc.invert(kept)))
    return previous.filter(kept).append_column("is_intact", pc.invert(pc.is_in(
        previous["quote_group_id"].filter(kept), value_set=broken)))


def group_quotes(quotes: pa.Table, previous: pa.Table | None = None) -> pa.Table:
    """QUOTES (+ an earlier run's QUOTE_MATCHES of unchanged quotes) -> QUOTE_MATCHES: every non-fragment quote
    with the group of quotes of the same words."""
    kept = quotes.filter(pc.invert(quotes["is_fragment"]))
    texts = pc.dictionary_encode(kept["text"]).combine_chunks()  # copies are read once
    numbers = pa.table({"quote_id": kept["quote_id"], "text_number": texts.indices})
    return group_texts(texts.dictionary, numbers, previous)


def group_texts(texts: pa.Array, quotes: pa.Table, previous: pa.Table | None = None) -> pa.Table:
    """Distinct quote texts + each non-fragment quote (quote_id, text_number: its text's place in texts) (+ an
    earlier run's QUOTE_MATCHES of unchanged quotes) -> QUOTE_MATCHES, as group_quotes: a run numbers the texts in
    DuckDB (warehouse/run_wide.py: QUOTE_TEXTS, QUOTE_NUMBERS), so no text is held once per quote."""
    ids, vocabulary = word_ids(texts)
    each = word_strings(ids, vocabulary)
    distinct = pc.dictionary_encode(each)  # one item per distinct word list, in order of first appearance
    strings, lengths = distinct.dictionary, _lengths(distinct.dictionary)
    item = pc.take(pc.cast(distinct.indices, pa.int64()), quotes["text_number"])
    keys = gram_keys(ids.take(pc.index_in(distinct.dictionary, value_set=each)), vocabulary)
    del ids, each
    groups = Groups(len(strings))
    if previous is None:
        groups.link(could_match(posting_pairs(keys), lengths), strings)
    else:
        found = pc.index_in(quotes["quote_id"], value_set=previous["quote_id"])
        old = pc.is_valid(found)
        was = pc.take(previous["quote_group_id"], found.filter(old))
        intact = pc.take(previous["is_intact"], found.filter(old)) if "is_intact" in previous.column_names else (
            pa.repeat(False, len(was)))
        groups.join(item.filter(old).filter(intact), was.filter(intact))
        again = pc.invert(intact)
        for pairs in (_within_previous(keys, item.filter(old).filter(again), was.filter(again)),
                      _with_new(keys, item.filter(old), len(strings))):
            groups.link(could_match(pairs, lengths), strings)
    return _matches(quotes["quote_id"], item, lengths, groups)


def _with_new(keys: pa.Table, old_items: pa.Array, count: int) -> pa.Table:
    """Gram keys + the items of old quotes -> candidate pairs with at least one new item, as a full run blocks them."""
    is_new = pc.invert(pc.is_in(arange(count), value_set=old_items))
    grams = ["gram", "gram_end"]
    new_grams = keys.filter(pc.take(is_new, keys["item"])).select(grams).group_by(grams).aggregate([])
    pairs = posting_pairs(keys.join(new_grams, grams, join_type="left semi"))
    return pairs.filter(pc.or_(pc.take(is_new, pairs["a"]), pc.take(is_new, pairs["b"])))


def _within_previous(keys: pa.Table, old_items: pa.Array, was: pa.Array) -> pa.Table:
    """Gram keys + old quotes' items and previous groups -> candidate pairs inside each previous group."""
    counts = pc.value_counts(was)
    shared = pc.is_in(was, value_set=counts.field("values").filter(pc.greater(counts.field("counts"), 1)))
    part = Groups(len(old_items) and pc.max(old_items).as_py() + 1)
    firsts: dict[str, int] = {}
    for group, i in zip(was.filter(shared).to_pylist(), old_items.filter(shared).to_pylist(), strict=True):
        a, b = part.root(firsts.setdefault(group, i)), part.root(i)
        part.parent[max(a, b)] = min(a, b)  # a quote's copies may sit in several groups: those are one part
    members = pc.unique(old_items.filter(shared))
    roots = pa.array([part.root(i) for i in members.to_pylist()], pa.int64())
    inside = keys.filter(pc.is_in(keys["item"], value_set=members))
    return posting_pairs(inside.append_column("part", pc.take(roots, pc.index_in(inside["item"], value_set=members))))


def _matches(quote_ids: pa.ChunkedArray, item: pa.Array, lengths: pa.Array, groups: Groups) -> pa.Table:
    """Each quote's item + the items' groups -> QUOTE_MATCHES; a quote too short to match itself stays alone."""
    roots = groups.roots()
    alone = pc.add(arange(len(item)), len(groups.parent))
    key = pc.if_else(pc.greater_equal(pc.take(lengths, item), MIN_COMMON_WORDS), pc.take(roots, item), alone)
    smallest = pa.table({"key": key, "quote_id": quote_ids}).group_by("key").aggregate([("quote_id", "min")])
    group_ids = pc.take(smallest["quote_id_min"], pc.index_in(key, value_set=smallest["key"]))
    return pa.table({"quote_id": quote_ids, "quote_group_id": group_ids}).cast(QUOTE_MATCHES)
