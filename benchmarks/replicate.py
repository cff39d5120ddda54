"""Replicas of a JSONL corpus for scale runs: the same articles under new ids, streamed from disk to disk.

The flow's doc_id is a hash of an article's text (transforms.ingest.documents.content_id), so a replica must differ
in its text, yet clean to the same body, so that every later stage does the same work as on the original. A replica
numbered k >= 1 gets a whitespace-only line of k spaces after the text's first line: cleaning drops blank lines
before it reads a line (and a line's key collapses whitespace), so site lines, removed lines and the body are the
original's; only the raw line numbers after the first line move down by one. A text of one line gets k extra
spaces after its first word instead. The record id gets '~r<k>' and the url a '#replica-<k>' fragment (same host,
so the outlet found from the url is the same). The title is left alone: a marker shared by every replica numbered
k would be a title word common to thousands of unrelated articles, which story clustering would weigh.
"""

import gzip
import json
from collections.abc import Iterable, Iterator


def replica_text(text: str, k: int) -> str:
    """Article text + replica number -> a text with another content hash that cleans to the same body."""
    if k == 0:
        return text
    first_break = text.find("\n", 0, len(text.rstrip()))
    if first_break > 0:
        return text[:first_break] + "\n" + " " * k + text[first_break:]
    first_space = text.find(" ", 0, len(text.rstrip()))
    if first_space > 0:
        return text[:first_space] + " " * k + text[first_space:]
    return text + "\n" + " " * k + "\n" + text  # one word: a repeated line, as close as it gets


def replica_record(record: dict, k: int) -> dict:
    """A corpus record + replica number k (0 = the original) -> the record under a new id, url and content hash."""
    if k == 0:
        return record
    copy = dict(record)
    if isinstance(copy.get("text"), str):
        copy["text"] = replica_text(copy["text"], k)
    if copy.get("id") is not None:
        copy["id"] = f"{copy['id']}~r{k}"
    if isinstance(copy.get("url"), str) and copy["url"]:
        copy["url"] += ("-" if "#" in copy["url"] else "#") + f"replica-{k}"
    return copy


def replica_lines(lines: Iterable[str], k: int, every: int = 1, limit: int | None = None) -> Iterator[str]:
    """JSONL lines + replica number -> replica lines; every n-th record only, the first `limit` records only."""
    for n, line in enumerate(lines):
        if limit is not None and n >= limit:
            return
        if line.strip() and n % every == 0:
            yield json.dumps(replica_record(json.loads(line), k), ensure_ascii=False) + "\n"


def write_replica(source: str, target: str, k: int, every: int = 1, limit: int | None = None) -> tuple[int, int]:
    """Corpus .jsonl(.gz) -> one replica file (.jsonl.gz), streamed record by record; -> (records, bytes unzipped)."""
    opener = gzip.open if source.endswith(".gz") else open
    records = size = 0
    with opener(source, "rt", encoding="utf-8") as lines, gzip.open(target, "wt", encoding="utf-8",
                                                                     compresslevel=1) as out:
        for line in replica_lines(lines, k, every, limit):
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
