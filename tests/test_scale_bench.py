import gzip
import json
import os

import pyarrow as pa
import pytest

from benchmarks.replicate import (
    count_input,
    digit_map,
    load_corpus,
    mapped,
    replica_record,
    word_map,
    write_replica,
)
from benchmarks.scale import (
    descendants,
    floor,
    orchestration_share,
    rss_by_task,
    stage_seconds,
    task_name,
    task_seconds,
)
from transforms.clean.articles import clean_articles
from transforms.clean.site_lines import learn_site_lines
from transforms.ingest.documents import parse_inputs

FOOTER = "Copyright 2016 National Public Radio. All rights reserved."
PROSE = [
    "Senator Warren told reporters in Boston on Tuesday that the committee would vote on 29,650 amendments soon.",
    "The survey of graduates asked how much colleges mattered to them, and most said that it mattered less now.",
    "Governor Baker said the state budget of 2016 would include money for roads, bridges and schools in Boston.",
    "Officials in Washington said they expected Warren and Baker to meet again before the end of the year.",
]
RECORDS = [
    {"id": "a1", "source": "NPR", "url": "http://www.npr.org/a1", "title": "Warren in Boston",
     "text": "\n".join([PROSE[0], "Advertisement", PROSE[1], FOOTER])},
    {"id": "a2", "source": "NPR", "url": "http://www.npr.org/a2#top", "title": "Baker budget",
     "text": "\n".join([PROSE[2], PROSE[3], FOOTER])},
    {"id": "a3", "source": "NPR", "url": "http://www.npr.org/a3", "title": "Graduates",
     "text": "\n".join([PROSE[1], "Advertisement", PROSE[0], FOOTER])},
    {"id": "b1", "source": "Fox News", "url": "http://www.foxnews.com/b1", "title": "Warren",
     "text": "\n".join([PROSE[3], PROSE[0]])},
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


@pytest.fixture
def corpus(tmp_path):
    return load_corpus(_gz(tmp_path / "src.jsonl.gz", RECORDS))


def test_replica_zero_is_the_original(corpus):
    assert [replica_record(corpus, i, 0, word_map(corpus, 0)) for i in range(len(RECORDS))] == RECORDS


@pytest.mark.parametrize("index, k, expected_id, expected_url", [
    (0, 1, "a1~r1", "http://www.npr.org/a1#replica-1"),
    (1, 4, "a2~r4", "http://www.npr.org/a2#top-replica-4"),
])
def test_replica_ids_and_urls_keep_the_host(corpus, index, k, expected_id, expected_url):
    copy = replica_record(corpus, index, k, word_map(corpus, k))
    assert (copy["id"], copy["url"], copy["source"]) == (expected_id, expected_url, RECORDS[index]["source"])


def test_names_and_numbers_change_consistently_and_common_words_stay(corpus):
    table = word_map(corpus, 3)
    assert set(table) & {"Warren", "Baker", "Boston"} and "the" not in table and "said" not in table
    assert all(new[:1].isupper() for old, new in table.items() if old in corpus.names)
    once, twice = mapped("Warren said 2016", table, {}), mapped("Warren said 2016", table, {})
    assert once == twice
    numbers = mapped("in 2016, 29,650 and 0.5", {}, digit_map(3)).replace(",", " ").split()
    assert [len(n) for n in numbers] == [2, 4, 2, 3, 3, 3] and "2016" not in numbers and "650" not in numbers


def test_paragraphs_come_from_the_same_outlet_only(corpus):
    for k in (1, 2, 3):
        lines = replica_record(corpus, 0, k, {})["text"].split("\n")
        npr = [line for r in RECORDS if r["source"] == "NPR" for line in r["text"].split("\n")]
        assert set(lines) <= {mapped(line, {}, digit_map(k)) for line in npr}
        assert lines[1] == "Advertisement" and lines[-1] == mapped(FOOTER, {}, digit_map(k))
    assert replica_record(corpus, 0, 1, {})["text"] != RECORDS[0]["text"]


def test_replicas_are_distinct_articles_whose_furniture_still_repeats(tmp_path, corpus):
    paths = []
    for k in (0, 1, 2):
        paths.append(tmp_path / f"r{k}.jsonl.gz")
        assert write_replica(corpus, str(paths[-1]), k) == (4, count_input(str(paths[-1]))[1])
    articles = _articles(paths)
    assert articles.num_rows == 12 and len(set(articles["doc_id"].to_pylist())) == 12
    assert len(set(articles["body"].to_pylist())) == 12
    docs, _ = parse_inputs(pa.table({"source_path": [str(p) for p in paths],
                                     "data": [open(p, "rb").read() for p in paths],
                                     "read_error": [None] * 3}), {}).tables()
    footers = {line for line in learn_site_lines(docs)["line_text"].to_pylist() if "rights reserved" in line}
    assert footers, "the outlet's footer, mapped the same way in every article of a replica, is still a site line"


def test_write_replica_keeps_every_nth_record(tmp_path):
    corpus = load_corpus(_gz(tmp_path / "src.jsonl.gz", [{**RECORDS[1], "id": str(n)} for n in range(10)]), limit=8)
    records, _ = write_replica(corpus, str(tmp_path / "new.jsonl.gz"), 5, every=3)
    ids = [json.loads(line)["id"] for line in gzip.open(tmp_path / "new.jsonl.gz", "rt")]
    assert (records, ids) == (3, ["0~r5", "3~r5", "6~r5"])


def test_descendants_lists_a_child_process():
    import subprocess
    import sys

    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(5)"])
    try:
        assert child.pid in descendants(os.getpid())
    finally:
        child.kill()
        child.wait()


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


def test_task_seconds_sums_each_task_s_runs_longest_first():
    found = task_seconds([("analyse-abc", 2.0), ("write_tables-1a2", 0.5), ("analyse-def", 1.5), ("publish-9f0", 3.0)])
    assert found == {"analyse": (3.5, 2), "publish": (3.0, 1), "write_tables": (0.5, 1)}
    assert list(found) == ["analyse", "publish", "write_tables"]


def test_rss_by_task_takes_each_task_s_level_at_its_start_and_its_peak_over_its_runs():
    gb = 1024 ** 2  # samples are in KB
    timeline = [(0.0, 1 * gb), (1.0, 2 * gb), (2.0, 5 * gb), (3.0, 3 * gb), (4.0, 4 * gb), (5.0, 1 * gb)]
    runs = [("match_quotes-1a2", 1.5, 2.5), ("write-3b4", 0.5, 1.2), ("write-5c6", 3.5, 4.5), ("late-7d8", 9, 10)]
    assert rss_by_task(timeline, runs) == {"match_quotes": (2.0, 5.0), "write": (1.0, 4.0), "late": (1.0, 1.0)}
    assert list(rss_by_task(timeline, runs)) == ["match_quotes", "write", "late"]  # highest peak first


@pytest.mark.parametrize("wall, tasks, expected", [(10.0, 8.0, 0.2), (10.0, 12.0, 0.0), (0.0, 0.0, 0.0)])
def test_orchestration_share(wall, tasks, expected):
    assert orchestration_share(wall, tasks) == pytest.approx(expected)


def test_floor_counts_lines_and_matches(tmp_path):
    path = _gz(tmp_path / "in.jsonl.gz", RECORDS)
    seconds, lines, matching = floor([path])
    assert (lines, matching) == (13, 2)
    assert seconds >= 0


def _hold_bytes(size: int) -> None:
    held = bytearray(size)
    held[::4096] = b"x" * len(held[::4096])  # touch every page, so it is resident


def test_flow_memory_measures_a_step_s_growth_in_a_process_of_its_own():
    from benchmarks.flow_memory import measure

    start, peak, seconds = measure(_hold_bytes, 200 * 1024 ** 2)
    assert 0.18 < peak - start < 0.3 and seconds >= 0
    again, _, _ = measure(_hold_bytes, 1)
    assert abs(again - start) < 0.05  # the step ran in a child: this process did not grow
