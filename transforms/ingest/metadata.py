"""Metadata lines -> values: timestamps with time zones, bylines, datelines."""

import re
import warnings
from datetime import UTC, datetime

from dateutil import parser as dateparser

# Offsets in seconds of the zone abbreviations newsrooms print. Ambiguous ones take the reading
# most common in English-language news (IST = India, CST = US Central, AST = Arabia).
TZ_OFFSETS = {
    "UTC": 0, "GMT": 0, "Z": 0, "WET": 0, "BST": 3600, "IST": 19800, "CET": 3600, "CEST": 7200,
    "EET": 7200, "EEST": 10800, "TRT": 10800, "MSK": 10800, "AST": 10800, "GST": 14400,
    "PKT": 18000, "JST": 32400, "KST": 32400, "HKT": 28800, "SGT": 28800, "AEST": 36000,
    "AEDT": 39600, "EST": -18000, "EDT": -14400, "CST": -21600, "CDT": -18000, "MST": -25200,
    "MDT": -21600, "PST": -28800, "PDT": -25200, "ET": -18000, "CT": -21600, "MT": -25200, "PT": -28800,
}
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_HAS_DATE = re.compile(rf"\b{_MONTH}\s+\d{{1,2}}|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}|\b\d{{4}}-\d{{2}}-\d{{2}}"
                       rf"|\b\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}\b", re.I)
_STAMP = re.compile(
    r"^(?P<kind>last updated|updated|first published|published|posted|modified|created|date)"
    r"(?:\s+(?:on|at))?\s*[:|-]?\s*(?P<when>.+)$", re.I)
_WEEKDAY = re.compile(r"^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+", re.I)
_BYLINE = re.compile(
    r"^(?i:by|reported by|written by|posted by|story by|words by|author|authors|reporting by)\s*[:|-]?\s+"
    r"(?P<names>[A-Z][\w.'’-]*(?:[ ,]+(?:and |& )?(?:[A-Z][\w.'’-]*|[a-z]{1,3}(?= [A-Z])))*)"
    r"(?:\s*[,|/]\s*(?P<org>[A-Z][\w .&'’-]{1,40}))?\s*$")
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,3})(?:,\s*(?P<region>[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?))?"
    r"(?:\s*\((?P<agency>[A-Za-z ]{2,25})\))?\s*(?P<rest>[-—–]+\s.*|:\s.*)?$")
# All-caps words that open a line but are labels, not places.
_NOT_PLACES = frozenset("""ADVERTISEMENT AD ADS BREAKING NEWS UPDATE UPDATED LIVE WATCH VIDEO PHOTO PHOTOS EXCLUSIVE
OPINION ANALYSIS EDITORIAL READ MORE RELATED SHARE LOADING CLOSE MENU HOME SEARCH SUBSCRIBE LOGIN SIGN UP FOLLOW
CONTINUE STORY BELOW THE AND OF IN ON FOR TO A AN WITH BY AT FROM IS ARE WAS NOT NO YES OK POLL CHECK URGENT NOTE
EDITOR EDITORS LATEST TOP TRENDING MUST SEE ALSO CLICK HERE GET APP FREE NEW TIP TODAY""".split())


def _parse(text: str, fuzzy: bool) -> datetime | None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # an unknown zone name leaves the time naive: read as UTC below
        try:
            return dateparser.parse(text, tzinfos=TZ_OFFSETS, fuzzy=fuzzy)
        except (ValueError, OverflowError, TypeError):
            return None


def parse_timestamp(line: str) -> tuple[str, datetime] | None:
    """'Updated January 12th, 2020 at 12:42 IST' -> ('updated', 2020-01-12 07:12 UTC); None if not a stamp."""
    text = " ".join(line.split())
    if len(text.split()) > 12 or not _HAS_DATE.search(text):
        return None
    match = _STAMP.match(text)
    kind, when = ("published", text) if match is None else (match["kind"].lower(), match["when"])
    kind = "updated" if kind in ("last updated", "updated", "modified") else "published"
    when = _WEEKDAY.sub("", when.strip(" |,"))
    stamp = _parse(when, fuzzy=False)
    if stamp is None:
        return None
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=UTC)
    return kind, stamp.astimezone(UTC).replace(tzinfo=UTC)


def parse_date(raw: str | None) -> datetime | None:
    """Loose date text ('2020-06-21', 'June 21, 2020 10:00 EDT') -> UTC datetime, or None."""
    if not raw or not raw.strip():
        return None
    stamp = _parse(_WEEKDAY.sub("", raw.strip()), fuzzy=True)
    if stamp is None:
        return None
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=UTC)
    return stamp.astimezone(UTC)


def parse_byline(line: str) -> str | None:
    """'Reported by: Vishal Tiwari' -> 'Vishal Tiwari'; None if the line is not a byline."""
    text = " ".join(line.split())
    match = _BYLINE.match(text)
    if not match or len(text.split()) > 14:
        return None
    return match["names"].strip(" ,")


def parse_dateline(line: str) -> str | None:
    """'ANKARA' or 'WASHINGTON (AP) — text' -> 'ANKARA' / 'WASHINGTON'; None if no dateline opens the line."""
    text = " ".join(line.split())
    match = _DATELINE.match(text)
    if not match:
        return None
    words = re.findall(r"[A-Z]+", match["place"])
    if not words or any(w in _NOT_PLACES for w in words) or len(match["place"]) < 4:
        return None
    if match["rest"] is None and match["agency"] is None and len(words) > 3:
        return None
    return match["place"] if match["region"] is None else f"{match['place']}, {match['region']}"


def is_dateline_only(line: str) -> bool:
    """True for a line that is nothing but a dateline ('ANKARA', 'BEIRUT, Lebanon (AP)')."""
    match = _DATELINE.match(" ".join(line.split()))
    return bool(match) and match["rest"] is None and parse_dateline(line) is not None
