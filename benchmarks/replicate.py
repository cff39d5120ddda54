"""Distinct replicas of a JSONL corpus for scale runs: new articles of the same outlets, not copies.

A replica numbered k >= 1 of an article is another article of the same outlet, written the way that outlet writes,
so that duplicate detection, site lines, names, quote grouping and story clustering do real work at every size:

- paragraphs exchanged: every other prose paragraph (a line of PROSE_WORDS words or more) comes from another
  article of the same outlet (the one k places further in corpus order);
- names changed: every word the corpus writes mostly capitalised is replaced, throughout the replica, by another
  such word of about the same frequency (a permutation per replica), so a replica has its own people, places and
  organisations, consistently across its articles;
- words changed: one in WORD_SHARE of the other word forms is replaced the same way; the COMMON most frequent words,
  which give a text its shape (stopwords, the words line rules read), stay;
- numbers changed: every digit string gets other digits of the same length.

Short lines (headlines, bylines, an outlet's furniture) change only through the same maps, so lines an outlet
repeats are repeated in the replica too. The record id gets '~r<k>' and the url a '#replica-<k>' fragment (same
host, so the same outlet); the title goes through the same maps.
"""

import gzip
import json
import re
import zlib
from collections import Counter, defaultdict
from dataclasses import dataclass

_WORD = re.compile(r"\w+")
_SPLIT = re.compile(r"(\w+)")
PROSE_WORDS = 12
COMMON = 300
WORD_SHARE = 3
BAND = 64  # words are permuted among neighbours in frequency order: a rare word stays rare


@dataclass
class Corpus:
    """A JSONL corpus held in memory with what replicas are made from."""

    records: list[dict]
    names: list[str]  # words written mostly capitalised, most frequent first
    words: list[str]  # other word forms that may change, most frequent first
    neighbours: dict[int, tuple[int, int]]  # record index -> (position in its outlet's list, that list's id)
    outlets: list[list[int]]


def vocabulary(texts: list[str]) -> tuple[list[str], list[str]]:
    """Texts -> (names: words written mostly capitalised; other words that may change), most frequent first."""
    counts = Counter()
    for text in texts:
        counts.update(_WORD.findall(text))
    names, lower = [], Counter()
    for word, n in counts.most_common():
        if word[:1].isupper() and word[1:].islower() and n > counts.get(word.lower(), 0):
            names.append(word)
        elif word.isalpha() and word.islower():
            lower[word] = n
    words = [w for w, _ in lower.most_common()][COMMON:]
    return names, words


def load_corpus(path: str, limit: int | None = None) -> Corpus:
    """A .jsonl(.gz) corpus (its first `limit` records) -> the records, their vocabulary and outlets."""
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as lines:
        records = [json.loads(line) for n, line in enumerate(lines) if line.strip() and (limit is None or n < limit)]
    by_outlet: dict[str, list[int]] = defaultdict(list)
    for i, record in enumerate(records):
        by_outlet[str(record.get("source") or record.get("outlet") or "")].append(i)
    outlets = list(by_outlet.values())
    neighbours = {i: (p, o) for o, members in enumerate(outlets) for p, i in enumerate(members)}
    names, words = vocabulary([r["text"] for r in records if isinstance(r.get("text"), str)])
    return Corpus(records, names, words, neighbours, outlets)


def _permuted(ranked: list[str], k: int, chosen=lambda word: True) -> dict[str, str]:
    """Words in frequency order -> a map of each chosen word to a neighbour in its band, the shift set by k."""
    table = {}
    for start in range(0, len(ranked), BAND):
        band = ranked[start:start + BAND]
        if len(band) < 2:
            continue
        shift = 1 + (k * 7919 + start) % (len(band) - 1)
        table.update({w: band[(i + shift) % len(band)] for i, w in enumerate(band) if chosen(w)})
    return table


def word_map(corpus: Corpus, k: int) -> dict[str, str]:
    """Replica number -> its map of names and words (empty for k = 0, the original)."""
    if k == 0:
        return {}
    changed = _permuted(corpus.words, k, lambda w: zlib.crc32(f"{w}/{k}".encode()) % WORD_SHARE == 0)
    return {**changed, **_permuted(corpus.names, k)}


def digit_map(k: int) -> dict[int, int]:
    """Replica number -> the digit substitution of its numbers (a permutation of 0-9)."""
    return str.maketrans("0123456789", "".join(str((d * 3 + k) % 10) for d in range(10)))


def mapped(text: str, table: dict[str, str], digits: dict[int, int]) -> str:
    """Text -> the same text with its words mapped and its digit strings changed (no new leading zero)."""
    parts = _SPLIT.split(text)
    words = parts[1::2]
    for n, word in enumerate(words):
        if word in table:
            words[n] = table[word]
        elif word[0].isdigit() and word.isdigit():
            new = word.translate(digits)
            words[n] = "1" + new[1:] if new[0] == "0" and len(new) > 1 and word[0] != "0" else new
    parts[1::2] = words
    return "".join(parts)


def _prose(lines: list[str]) -> list[int]:
    return [n for n, line in enumerate(lines) if len(line.split()) >= PROSE_WORDS]


def exchanged(text: str, donor: str, k: int) -> str:
    """Article text + another article of its outlet -> every other prose paragraph taken from the donor."""
    lines, theirs = text.split("\n"), donor.split("\n")
    mine, given = _prose(lines), _prose(theirs)
    for j, at in enumerate(mine):
        if (j + k) % 2 and j < len(given):
            lines[at] = theirs[given[j]]
    return "\n".join(lines)


def replica_record(corpus: Corpus, index: int, k: int, table: dict[str, str]) -> dict:
    """A record of the corpus + replica number k (0 = the original) -> another article of the same outlet."""
    record = corpus.records[index]
    if k == 0:
        return record
    copy, digits = dict(record), digit_map(k)
    position, outlet = corpus.neighbours[index]
    members = corpus.outlets[outlet]
    donor = corpus.records[members[(position + k) % len(members)]]
    if isinstance(copy.get("text"), str):
        other = donor.get("text") if isinstance(donor.get("text"), str) else copy["text"]
        copy["text"] = mapped(exchanged(copy["text"], other, k), table, digits)
    if isinstance(copy.get("title"), str):
        copy["title"] = mapped(copy["title"], table, digits)
    if copy.get("id") is not None:
        copy["id"] = f"{copy['id']}~r{k}"
    if isinstance(copy.get("url"), str) and copy["url"]:
        copy["url"] += ("-" if "#" in copy["url"] else "#") + f"replica-{k}"
    return copy


def write_replica(corpus: Corpus, target: str, k: int, every: int = 1) -> tuple[int, int]:
    """Corpus -> one replica file (.jsonl.gz) of every n-th record; -> (records, bytes unzipped)."""
    table = word_map(corpus, k)
    records = size = 0
    with gzip.open(target, "wt", encoding="utf-8", compresslevel=1) as out:
        for index in range(0, len(corpus.records), every):
            line = json.dumps(replica_record(corpus, index, k, table), ensure_ascii=False) + "\n"
            out.write(line)
            records += 1
            size += len(line.encode("utf-8"))
    return records, size


def count_input(path: str) -> tuple[int, int]:
    """A .jsonl(.gz) file -> (records, bytes unzipped), read as a stream."""
    opener = gzip.open if path.endswith(".gz") else open
    records = size = 0
    with opener(path, "rb") as lines:
        for line in lines:
            records += bool(line.strip())
            size += len(line)
    return records, size
