import gzip
import json

import pyarrow as pa
import pytest

from benchmarks.replicate import count_input, replica_record, replica_text, write_replica
from benchmarks.scale import floor, orchestration_share, stage_seconds, task_name
from transforms.clean.articles import clean_articles
from transforms.clean.site_lines import learn_site_lines
from transforms.ingest.documents import parse_inputs

RECORDS = [
    {"id": "a1", "source": "NPR", "url": "http://www.npr.org/a1", "title": "Poll",
     "text": "Poll finds colleges matter less\n\nThe survey asked 29,650 graduates.\nAdvertisement\nMore below."},
    {"id": "a2", "source": "NPR", "url": "http://www.npr.org/a2#top", "title": "One line", "text": "One line only."},
]


def _gz(path, records) -> str:
    with gzip.open(path, "wt", encoding="utf-8") as out:
        out.writelines(json.dumps(r) + "\n" for r in records)
    return str(path)


def _articles(paths) -> pa.Table:
    files = pa.table({"source_path": [str(p) for p in paths], "data": [open(p, "rb").read() for p in paths],
                      "read_error": [None] * len(paths)})
    docs, quarantine = parse_inputs(files, {}).tables()
    assert quarantine.num_rows == 0
    return clean_articles(docs, learn_site_lines(docs)).articles


@pytest.mark.parametrize("text, k, expected", [
    ("Title\nBody text.", 0, "Title\nBody text."),
    ("Title\nBody text.", 2, "Title\n  \nBody text."),
    ("One line only.", 3, "One    line only."),
])
def test_replica_text(text, k, expected):
    assert replica_text(text, k) == expected


@pytest.mark.parametrize("record, k, expected_id, expected_url", [
    (RECORDS[0], 1, "a1~r1", "http://www.npr.org/a1#replica-1"),
    (RECORDS[1], 4, "a2~r4", "http://www.npr.org/a2#top-replica-4"),
    (RECORDS[0], 0, "a1", "http://www.npr.org/a1"),
])
def test_replica_record_ids(record, k, expected_id, expected_url):
    copy = replica_record(record, k)
    assert (copy["id"], copy["url"], copy["title"]) == (expected_id, expected_url, record["title"])


def test_replicas_are_new_articles_with_the_original_bodies(tmp_path):
    original = _gz(tmp_path / "r0.jsonl.gz", RECORDS)
    for k in (1, 2):
        assert write_replica(original, str(tmp_path / f"r{k}.jsonl.gz"), k) == (2, count_input(
            str(tmp_path / f"r{k}.jsonl.gz"))[1])
    articles = _articles(sorted(tmp_path.glob("r*.jsonl.gz")))
    assert articles.num_rows == 6
    assert len(set(articles["doc_id"].to_pylist())) == 6
    bodies = articles["body"].to_pylist()
    assert bodies[0] == bodies[2] == bodies[4]
    # A text of one line has no line break to hide the change behind: it differs by spaces inside the line.
    assert bodies[1] != bodies[3] and bodies[1].split() == bodies[3].split() == bodies[5].split()


def test_write_replica_keeps_every_nth_of_the_first_records(tmp_path):
    original = _gz(tmp_path / "src.jsonl.gz", [{**RECORDS[1], "id": str(n)} for n in range(10)])
    records, _ = write_replica(original, str(tmp_path / "new.jsonl.gz"), 5, every=3, limit=8)
    ids = [json.loads(line)["id"] for line in gzip.open(tmp_path / "new.jsonl.gz", "rt")]
    assert (records, ids) == (3, ["0~r5", "3~r5", "6~r5"])


@pytest.mark.parametrize("run_name, expected", [
    ("find_names-3fa", "find_names"),
    ("write-0b1c", "write"),
    ("publish_summary-a0e", "publish_summary"),
])
def test_task_name(run_name, expected):
    assert task_name(run_name) == expected


def test_stage_seconds_sums_by_stage_and_keeps_unknown_tasks():
    totals = stage_seconds([("analyse-abc", 2.0), ("analyse-def", 1.5), ("write-123", 0.5), ("read_state-9f0", 0.25)])
    assert (totals["analyse batches"], totals["write"], totals["other: read_state"], totals["run-wide"]) == (
        3.5, 0.5, 0.25, 0.0)


@pytest.mark.parametrize("wall, tasks, expected", [(10.0, 8.0, 0.2), (10.0, 12.0, 0.0), (0.0, 0.0, 0.0)])
def test_orchestration_share(wall, tasks, expected):
    assert orchestration_share(wall, tasks) == pytest.approx(expected)


def test_floor_counts_lines_and_matches(tmp_path):
    path = _gz(tmp_path / "in.jsonl.gz", RECORDS)
    seconds, lines, matching = floor([path])
    assert (lines, matching) == (6, 1)
    assert seconds >= 0
