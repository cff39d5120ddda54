from datetime import UTC, datetime

import pytest

from transforms.ingest.metadata import parse_byline, parse_date, parse_dateline, parse_timestamp


@pytest.mark.parametrize("line, kind, expected", [
    ("Updated January 12th, 2020 at 12:42 IST", "updated", datetime(2020, 1, 12, 7, 12, tzinfo=UTC)),
    ("Published January 12th, 2020 at 12:42 IST", "published", datetime(2020, 1, 12, 7, 12, tzinfo=UTC)),
    ("Last Updated: Jun 21, 2020, 10:15 am EDT", "updated", datetime(2020, 6, 21, 14, 15, tzinfo=UTC)),
    ("Saturday, June 20, 2020 3:45 PM GMT", "published", datetime(2020, 6, 20, 15, 45, tzinfo=UTC)),
    ("June 5, 2020", "published", datetime(2020, 6, 5, tzinfo=UTC)),
])
def test_parse_timestamp(line, kind, expected):
    assert parse_timestamp(line) == (kind, expected)


@pytest.mark.parametrize("line", ["Talks with Russia on Idlib", "2020", "On June 5, 2020 fighters entered Tarhouna "
                                  "and held it for weeks before they were pushed back."])
def test_not_a_timestamp(line):
    assert parse_timestamp(line) is None


@pytest.mark.parametrize("line, expected", [
    ("Reported by: Vishal Tiwari", "Vishal Tiwari"),
    ("By John Smith and Jane Doe", "John Smith and Jane Doe"),
    ("By Lisa Lerer | The New York Times", "Lisa Lerer"),
    ("By Saturday the army had left.", None),
    ("Byron said so", None),
])
def test_parse_byline(line, expected):
    assert parse_byline(line) == expected


@pytest.mark.parametrize("line, expected", [
    ("ANKARA", "ANKARA"),
    ("WASHINGTON (AP) — The president spoke.", "WASHINGTON"),
    ("BEIRUT, Lebanon (AP) -- Talks resumed.", "BEIRUT, Lebanon"),
    ("ADVERTISEMENT", None),
    ("UN", None),
    ("Ankara backs the GNA.", None),
])
def test_parse_dateline(line, expected):
    assert parse_dateline(line) == expected


def test_parse_date_assumes_utc_without_zone():
    assert parse_date("2020-06-21") == datetime(2020, 6, 21, tzinfo=UTC)
    assert parse_date("2020-06-21T10:00:00+03:00") == datetime(2020, 6, 21, 7, tzinfo=UTC)
    assert parse_date("not a date at all") is None
