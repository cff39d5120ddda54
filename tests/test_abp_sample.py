"""The labelled abp-dev sample against the line rules: no ../shared needed."""

import csv
from pathlib import Path

import pytest

from transforms.clean.line_rules import RULES_BY_NAME, line_reason

SAMPLE = Path(__file__).parent / "fixtures" / "abp_lines.csv"
TEXT_CHARS = 200  # the sample keeps this much of each line; longer lines are judged by their whole text only
ROWS = [row for row in csv.DictReader(SAMPLE.open(encoding="utf-8")) if len(row["text"]) < TEXT_CHARS]
# Known errors of the line rules, labelled content: capitals subheads read as datelines (clean_document keeps
# those standing after the first paragraph).
KNOWN_ERRORS = {"PARKING LOT", "TOGETHER", "E-COMMERCE WINDFALL", "SISTER PROMOTION", "BUZZ"}


def test_sample_is_labelled():
    rows = list(csv.DictReader(SAMPLE.open(encoding="utf-8")))
    assert len(rows) == 600
    assert {row["label"] for row in rows} == {"boilerplate", "content"}
    assert sum(row["sampled"] == "removed" for row in rows) == 300


@pytest.mark.parametrize("row", [r for r in ROWS if r["reason"] in RULES_BY_NAME and r["label"] == "boilerplate"],
                         ids=lambda r: f"{r['reason']}:{r['text'][:30]}")
def test_line_rules_still_remove_labelled_boilerplate(row):
    assert line_reason(row["text"]) is not None


@pytest.mark.parametrize("row", [r for r in ROWS if r["label"] == "content" and r["text"] not in KNOWN_ERRORS],
                         ids=lambda r: r["text"][:40])
def test_line_rules_keep_labelled_content(row):
    assert line_reason(row["text"]) is None


@pytest.mark.parametrize("text", sorted(KNOWN_ERRORS))
def test_known_errors_are_still_errors(text):
    # When a rule stops removing one of these, drop it from KNOWN_ERRORS.
    assert line_reason(text) is not None
