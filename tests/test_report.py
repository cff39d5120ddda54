"""The HTML report: pure rendering of literal rows, the catalog queries behind it, the CLI, and a real browser."""

import os
import re
import shutil
import struct
import subprocess
import sys
import zlib
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pytest

from flows import storage
from flows.cli import main
from transforms.report import charts
from transforms.report.page import render_report
from transforms.report.sections import OTHER
from warehouse.report_queries import QUERIES

T0 = datetime(2020, 6, 20, 8, 0, tzinfo=UTC)
T1 = datetime(2020, 6, 21, 17, 30, tzinfo=UTC)

DATA = {
    "missing_views": [],
    "runs": [{"run_id": "20200621T100000000000Z-abc123", "started_at": T1, "finished_at": T1, "count_files": 5,
              "count_articles": 5, "count_quarantined": 0}],
    "entity_coverage": [
        {"entity_id": "khalifa-haftar", "canonical_name": "Khalifa Haftar", "entity_type": "person",
         "outlet": "TRT World", "count_articles": 2, "count_mentions": 13},
        {"entity_id": "khalifa-haftar", "canonical_name": "Khalifa Haftar", "entity_type": "person",
         "outlet": "Press TV", "count_articles": 1, "count_mentions": 8},
        {"entity_id": "libya", "canonical_name": "Libya", "entity_type": "place", "outlet": "Press TV",
         "count_articles": 1, "count_mentions": 10},
        {"entity_id": "x", "canonical_name": "<script>alert(1)</script>", "entity_type": "place",
         "outlet": "TRT World", "count_articles": 1, "count_mentions": 1},
    ],
    "alias_usage": [
        {"entity_id": "gna", "canonical_name": "Government of National Accord", "outlet": "TRT World",
         "spelling": "GNA", "count_mentions": 6, "count_articles": 1, "surfaces": ["GNA"]},
        {"entity_id": "gna", "canonical_name": "Government of National Accord", "outlet": "TRT World",
         "spelling": "Government of National Accord", "count_mentions": 2, "count_articles": 1, "surfaces": []},
        {"entity_id": "gna", "canonical_name": "Government of National Accord", "outlet": "Press TV",
         "spelling": "GNA", "count_mentions": 3, "count_articles": 1, "surfaces": ["GNA"]},
    ],
    "entity_descriptors": [
        {"entity_id": "khalifa-haftar", "canonical_name": "Khalifa Haftar", "outlet_id": "trt", "outlet_name":
         "TRT World", "descriptor": "putschist", "kind": "premodifier", "is_quoted": False, "count_descriptors": 4,
         "count_articles": 2},
        {"entity_id": "khalifa-haftar", "canonical_name": "Khalifa Haftar", "outlet_id": "presstv", "outlet_name":
         "Press TV", "descriptor": "commander", "kind": "role", "is_quoted": False, "count_descriptors": 2,
         "count_articles": 1},
        {"entity_id": "khalifa-haftar", "canonical_name": "Khalifa Haftar", "outlet_id": "trt", "outlet_name":
         "TRT World", "descriptor": "warlord", "kind": "appositive", "is_quoted": True, "count_descriptors": 1,
         "count_articles": 1},
    ],
    "shared_quotes": [
        {"quote_group_id": "q1", "text": "Sirte is a red line", "speaker_entity_id": "sisi",
         "speaker_name": "Abdel Fattah el-Sisi", "outlets": ["TRT World", "Press TV", "Republic World"],
         "n_outlets": 3, "variants": ["Sirte is a red line", "Sirte is a red line for Egypt"], "count_quotes": 4},
        {"quote_group_id": "q2", "text": "No military solution", "speaker_entity_id": None, "speaker_name": None,
         "outlets": ["TRT World", "Press TV"], "n_outlets": 2, "variants": ["No military solution"],
         "count_quotes": 2},
    ],
    "figures_across_outlets": [
        {"what": "mercenaries", "unit": "people", "outlet_id": "trt", "outlet_name": "TRT World", "n_outlets": 2,
         "count_figures": 2, "min_value": 2000.0, "max_value": 2500.0, "figure_values": [2000.0, 2500.0],
         "examples": ["2,000 mercenaries"]},
        {"what": "mercenaries", "unit": "people", "outlet_id": "presstv", "outlet_name": "Press TV", "n_outlets": 2,
         "count_figures": 1, "min_value": 1200.0, "max_value": 1200.0, "figure_values": [1200.0],
         "examples": ["some 1,200 mercenaries"]},
        {"what": "lives", "unit": None, "outlet_id": "trt", "outlet_name": "TRT World", "n_outlets": 1,
         "count_figures": 1, "min_value": 380000.0, "max_value": 380000.0, "figure_values": [380000.0],
         "examples": ["3,80,000 lives"]},
    ],
    "story_clusters": [
        {"story_id": "s1", "count_articles": 3, "n_outlets": 3, "outlets": ["TRT World", "Press TV", "Republic World"],
         "titles": ["Egypt warns over Sirte", "Sisi: Sirte a red line"], "first_published_at": T0,
         "last_published_at": T1},
        {"story_id": "s2", "count_articles": 1, "n_outlets": 1, "outlets": ["Press TV"],
         "titles": ["Undated piece"], "first_published_at": None, "last_published_at": None},
    ],
}
VIEWS = [v for v in QUERIES if v != "runs"]


def _section(page: str, view: str) -> str:
    return re.search(rf'<section id="{view}".*?</section>', page, re.S).group(0)


def test_every_section_is_present_with_a_chart_and_a_table():
    page = render_report(DATA)
    for view in VIEWS:
        section = _section(page, view)
        assert '<svg class="chart"' in section and "<table" in section and "No data" not in section, view
    assert page.count("<section ") == len(VIEWS)


@pytest.mark.parametrize("view, expected", [
    ("entity_coverage", ["Khalifa Haftar", ">13<", ">21<", "2 of 2"]),  # cell counts and the row total
    ("alias_usage", ["GNA", "Government of National Accord", "TRT World (6)", ">9<"]),
    ("entity_descriptors", ["putschist", "“warlord”", "premodifier", ">4<"]),
    ("shared_quotes", ["Sirte is a red line", "3 outlets", "unattributed", "Abdel Fattah el-Sisi"]),
    ("figures_across_outlets", ["mercenaries (people)", "1,200", "2,500", "380,000", "some 1,200 mercenaries"]),
    ("story_clusters", ["Egypt warns over Sirte", "3 articles · 3 outlets", "no date", "2020-06-20 08:00"]),
])
def test_sections_show_their_names_and_numbers(view, expected):
    section = _section(render_report(DATA), view)
    for piece in expected:
        assert piece in section, (view, piece)


def test_rare_spellings_share_one_grey_key():
    rows = [{**DATA["alias_usage"][0], "spelling": f"Spelling {i}", "count_mentions": 10 - i} for i in range(8)]
    section = _section(render_report({**DATA, "alias_usage": rows}), "alias_usage")
    assert "2 other spellings" in section and "Spelling 5" in section
    assert section.count(f'fill="{OTHER}"') == 3  # the key and the two rare segments


def test_a_legend_wraps_then_stops_with_an_ellipsis():
    keys = [(f"{i} rather long spelling", charts.colour(i)) for i in range(12)]
    items, last = charts.swatches(keys, 100, 10, (0, 400))
    drawn = "".join(items)
    assert "0 rather" in drawn and "11 rather" not in drawn and drawn.endswith(">…</text>")
    assert last == 10 + 2 * 16  # wrapped twice, then stopped


def test_header_names_the_run_and_its_date():
    header = re.search(r"<header>.*?</header>", render_report(DATA), re.S).group(0)
    assert "20200621T100000000000Z-abc123" in header and "2020-06-21 17:30 UTC" in header and "5 articles" in header


def test_text_is_escaped_everywhere():
    data = {**DATA, "story_clusters": [{**DATA["story_clusters"][0], "titles": ["<script>alert(2)</script> & co"]}]}
    page = render_report(data)
    assert "<script" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "&lt;script&gt;alert(2)&lt;/script&gt; &amp; co" in page


@pytest.mark.parametrize("missing, note", [
    ([], "No data in this warehouse.</p>"),
    ([{"view": "shared_quotes"}], "No data in this warehouse. (the catalog has no <code>shared_quotes</code> view)"),
])
def test_empty_sections_say_so(missing, note):
    page = render_report({"runs": [], "missing_views": missing})
    assert page.count("No data in this warehouse") == len(VIEWS)
    assert note in _section(page, "shared_quotes")
    assert "<svg" not in page and "no run recorded" in page


def test_page_fetches_nothing():
    page = render_report(DATA)
    assert not re.search(r"(src|href)=\"(?!#)", page) and "@import" not in page and "url(" not in page


@pytest.mark.parametrize("value, expected", [(380000.0, "380,000"), (2.5, "2.5"), (0.125, "0.125"), (7, "7"),
                                             (None, ""), (1234.5, "1,234.5")])
def test_number(value, expected):
    assert charts.number(value) == expected


@pytest.mark.parametrize("fraction, expected", [(0.0, "#eff5fc"), (1.0, "#084081"), (2.0, "#084081")])
def test_heat_runs_light_to_dark(fraction, expected):
    assert charts.heat(fraction) == expected


def _catalog(folder: Path, views: dict[str, str]) -> Path:
    """A catalog of literal views (the same columns the real marts have) in folder; -> folder."""
    con = duckdb.connect(str(folder / storage.CATALOG))
    for name, sql in views.items():
        con.execute(f"create view {name} as {sql}")
    con.close()
    return folder


RUNS_SQL = ("select 'r1' as run_id, timestamptz '2020-06-21 10:00:00+00' as started_at, timestamptz "
            "'2020-06-21 10:01:00+00' as finished_at, 5 as count_files, 5 as count_articles, 0 as count_quarantined")
COVERAGE_SQL = ("select * from (values ('a', 'Alpha', 'person', 'Out One', 1, 3), ('b', 'Beta', 'place', 'Out Two', "
                "2, 1)) as t(entity_id, canonical_name, entity_type, outlet, count_articles, count_mentions)")
QUOTES_SQL = ("select 'g1' as quote_group_id, 'hello' as text, null as speaker_entity_id, null as speaker_name, "
              "['Out One', 'Out Two'] as outlets, 2 as n_outlets, ['hello', 'hello!'] as variants, 2 as count_quotes")
FIGURES_SQL = ("select * from (values ('lives', null, 'o1', 'Out One', 2, 1, 3.0, 3.0, [3.0], ['three lives']), "
               "('lives', null, 'o2', 'Out Two', 2, 1, 4.0, 4.0, [4.0], ['4 lives'])) as t(what, unit, outlet_id, "
               "outlet_name, n_outlets, count_figures, min_value, max_value, figure_values, examples)")


def test_report_data_reads_the_views_there_are(tmp_path):
    _catalog(tmp_path, {"runs": RUNS_SQL, "entity_coverage": COVERAGE_SQL, "shared_quotes": QUOTES_SQL,
                        "figures_across_outlets": FIGURES_SQL})
    data = storage.report_data(str(tmp_path))
    assert {r["view"] for r in data["missing_views"]} == {"alias_usage", "entity_descriptors", "story_clusters"}
    assert data["alias_usage"] == [] and data["runs"][0]["run_id"] == "r1"
    assert [(r["canonical_name"], r["count_mentions"]) for r in data["entity_coverage"]] == [("Alpha", 3), ("Beta", 1)]
    assert data["shared_quotes"][0]["outlets"] == ["Out One", "Out Two"]
    assert sorted(r["figure_values"][0] for r in data["figures_across_outlets"]) == [3.0, 4.0]  # null unit kept
    page = render_report(data)
    assert "the catalog has no <code>story_clusters</code> view" in page and "three lives" in page


def test_report_data_without_a_catalog_is_an_input_error(tmp_path):
    with pytest.raises(storage.InputError, match="no catalog"):
        storage.report_data(str(tmp_path))


def test_cli_report_on_a_small_catalog(tmp_path, capsys):
    _catalog(tmp_path, {"runs": RUNS_SQL, "entity_coverage": COVERAGE_SQL})
    out = tmp_path / "report.html"
    assert main(["report", "--warehouse", str(tmp_path), "--out", str(out)]) == 0
    assert "Alpha" in out.read_text(encoding="utf-8") and str(out) in capsys.readouterr().out


def test_cli_report_without_a_warehouse_exits_2_with_one_line(tmp_path):
    result = subprocess.run([sys.executable, "-m", "flows.cli", "report", "--warehouse", str(tmp_path / "none"),
                             "--out", str(tmp_path / "r.html")], capture_output=True, text=True, timeout=120)
    assert result.returncode == 2 and result.stderr.strip().count("\n") == 0
    assert result.stderr.startswith("crosswire: no catalog") and not (tmp_path / "r.html").exists()


def test_cli_report_to_an_unwritable_place_exits_2(tmp_path, capsys):
    _catalog(tmp_path, {"runs": RUNS_SQL})
    assert main(["report", "--warehouse", str(tmp_path), "--out", str(tmp_path / "no" / "r.html")]) == 2
    assert "cannot write" in capsys.readouterr().err


def test_cli_report_on_the_seeds(seeds_warehouse, tmp_path):
    out = tmp_path / "seeds.html"
    assert main(["report", "--warehouse", str(seeds_warehouse), "--out", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert "Khalifa Haftar" in page and "TRT World" in page and page.count('<svg class="chart"') == 6


def _pixels(png: bytes) -> set[bytes]:
    """PNG bytes (8-bit RGB or RGBA, not interlaced: what Chromium writes) -> its distinct pixel values."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    pos, data, header = 8, bytearray(), None
    while pos < len(png):
        length, kind = struct.unpack(">I4s", png[pos:pos + 8])
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", png[pos + 8:pos + 21])
        elif kind == b"IDAT":
            data += png[pos + 8:pos + 8 + length]
        pos += 12 + length
    width, height, depth, colour_type, _, _, interlace = header
    assert depth == 8 and colour_type in (2, 6) and interlace == 0, header
    bpp, raw, seen = 3 if colour_type == 2 else 4, zlib.decompress(bytes(data)), set()
    stride, previous = width * bpp, bytearray(width * bpp)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride) if kind else ():
            a, b = line[i - bpp] if i >= bpp else 0, previous[i]
            c = previous[i - bpp] if i >= bpp else 0
            p = a + b - c
            guess = (a if abs(p - a) <= min(abs(p - b), abs(p - c)) else b if abs(p - b) <= abs(p - c) else c)
            line[i] = (line[i] + (a, b, (a + b) // 2, guess)[kind - 1]) & 255
        seen.update(bytes(line[i:i + bpp]) for i in range(0, stride, bpp))
        previous = line
    return seen


def test_pixels_decoder_tells_blank_from_drawn():
    def png(rows: list[bytes]) -> bytes:
        def chunk(kind, body):
            return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        ihdr = struct.pack(">IIBBBBB", 2, len(rows), 8, 2, 0, 0, 0)
        return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"".join(rows))) + \
            chunk(b"IEND", b"")
    white = b"\x00" + b"\xff" * 6
    assert _pixels(png([white, white])) == {b"\xff\xff\xff"}
    # filter 1 (Sub): the second pixel is stored as its difference from the first
    assert _pixels(png([white, b"\x01" + b"\x10\x20\x30" + b"\x01\x01\x01"])) == {b"\xff\xff\xff", b"\x10\x20\x30",
                                                                              b"\x11\x21\x31"}


CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="module")
def browser():
    missing = []
    if not os.path.exists(CHROMIUM):
        missing.append(f"{CHROMIUM} (apt-get install chromium; `make test` does it as root)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing.append("the playwright package (in requirements.lock: `make setup`)")
    if missing:
        reason = "headless-browser test needs " + " and ".join(missing)
        if os.environ.get("CROSSWIRE_SLOW_TESTS") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    with sync_playwright() as driver:
        chromium = driver.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        yield chromium
        chromium.close()


def _open(browser, html: str, folder: Path):
    """Write html into folder and open it with every request recorded and any but the file itself aborted."""
    path = (folder / "report.html").resolve()
    path.write_text(html, encoding="utf-8")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    requests: list[str] = []
    page = context.new_page()
    page.on("request", lambda request: requests.append(request.url))
    context.route("**/*", lambda route: route.continue_() if route.request.url == path.as_uri() else route.abort())
    page.goto(path.as_uri(), wait_until="load")
    return page, [url for url in requests if url != path.as_uri()]


def _charts_drawn(page, folder: Path) -> int:
    """Check every chart on the page has a size, shapes and more than one colour on screen; -> how many."""
    shot = page.screenshot(full_page=True)
    (folder / "page.png").write_bytes(shot)
    assert shot[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", shot[16:24])[0] == 1280
    charts_ = page.locator("svg.chart")
    for i in range(charts_.count()):
        chart = charts_.nth(i)
        box = chart.bounding_box()
        assert box and box["width"] > 50 and box["height"] > 20, (i, box)
        assert chart.evaluate("el => el.querySelectorAll('rect, circle, line').length") > 0, i
        colours = _pixels(chart.screenshot())
        assert len(colours) > 2, (i, colours)  # background, shapes and text at the least
    return charts_.count()


@pytest.mark.slow
def test_browser_draws_every_section_of_a_full_report(browser, tmp_path):
    page, requests = _open(browser, render_report(DATA), tmp_path)
    assert requests == []
    assert _charts_drawn(page, tmp_path) == len(VIEWS)
    assert page.locator("section").count() == len(VIEWS) and page.title() == "crosswire report"
    assert page.evaluate("() => document.scripts.length") == 0  # the <script> in a name stayed text
    page.context.close()


@pytest.mark.slow
def test_browser_draws_the_seeds_report(browser, seeds_warehouse, tmp_path):
    page, requests = _open(browser, render_report(storage.report_data(str(seeds_warehouse))), tmp_path)
    assert requests == []
    assert _charts_drawn(page, tmp_path) == 6  # every section of the seeds has rows to draw
    assert page.locator("section p.empty").count() == 0
    page.context.close()


@pytest.mark.slow
def test_browser_records_a_request_the_page_would_make(browser, tmp_path):
    page, requests = _open(browser, '<img src="http://fetch.invalid/x.png"><p>a page that fetches</p>', tmp_path)
    assert requests == ["http://fetch.invalid/x.png"]  # seen and aborted: the check above can fail
    page.context.close()
