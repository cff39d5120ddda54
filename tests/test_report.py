"""The HTML report: pure rendering of literal rows, the catalog queries behind it, the CLI, and a real browser."""

import os
import re
import shutil
import struct
import subprocess
import sys
import zlib
from datetime import UTC, date, datetime
from pathlib import Path

import duckdb
import pytest

from flows import storage
from flows.cli import main
from transforms.report import charts
from transforms.report.page import render_report
from transforms.report.payload import build
from transforms.report.sections import OTHER, SECTIONS

T0 = datetime(2020, 6, 20, 8, 0, tzinfo=UTC)
T1 = datetime(2020, 6, 21, 17, 30, tzinfo=UTC)
D0, D1 = date(2020, 6, 20), date(2020, 6, 21)


def _coverage(entity, name, kind, outlet, day, mentions, articles):
    return {"entity_id": entity, "canonical_name": name, "entity_type": kind, "outlet_id": outlet.lower(),
            "outlet_name": outlet, "day": day, "count_mentions": mentions, "count_articles": articles}


DATA = {
    "missing_views": [],
    "runs": [{"run_id": "20200621T100000000000Z-abc123", "started_at": T1, "finished_at": T1, "count_files": 5,
              "count_articles": 5, "count_quarantined": 0}],
    "repaired": [{"count_repaired": 1}],
    "outlet_days": [{"outlet_id": "trt", "outlet_name": "TRT World", "day": D0, "count_articles": 2},
                    {"outlet_id": "presstv", "outlet_name": "Press TV", "day": D1, "count_articles": 1},
                    {"outlet_id": "republic", "outlet_name": "Republic World", "day": D1, "count_articles": 2}],
    "entity_coverage": [
        _coverage("khalifa-haftar", "Khalifa Haftar", "person", "TRT World", D0, 13, 2),
        _coverage("khalifa-haftar", "Khalifa Haftar", "person", "Press TV", D1, 8, 1),
        _coverage("libya", "Libya", "place", "Press TV", D1, 10, 1),
        _coverage("x", "<script>alert(1)</script>", "place", "TRT World", D0, 1, 1),
    ],
    "alias_usage": [
        {"entity_id": "gna", "canonical_name": "Government of National Accord", "outlet_id": "trt", "outlet_name":
         "TRT World", "day": D0, "spelling": "GNA", "count_mentions": 6},
        {"entity_id": "gna", "canonical_name": "Government of National Accord", "outlet_id": "trt", "outlet_name":
         "TRT World", "day": D0, "spelling": "Government of National Accord", "count_mentions": 2},
        {"entity_id": "gna", "canonical_name": "Government of National Accord", "outlet_id": "presstv",
         "outlet_name": "Press TV", "day": D1, "spelling": "GNA", "count_mentions": 3},
    ],
    "entity_descriptors": [
        {"entity_id": "khalifa-haftar", "canonical_name": "Khalifa Haftar", "outlet_id": "trt", "outlet_name":
         "TRT World", "day": D0, "descriptor": "putschist", "kind": "premodifier", "is_quoted": False,
         "count_descriptors": 4},
        {"entity_id": "khalifa-haftar", "canonical_name": "Khalifa Haftar", "outlet_id": "presstv", "outlet_name":
         "Press TV", "day": D1, "descriptor": "commander", "kind": "role", "is_quoted": False, "count_descriptors": 2},
        {"entity_id": "khalifa-haftar", "canonical_name": "Khalifa Haftar", "outlet_id": "trt", "outlet_name":
         "TRT World", "day": D0, "descriptor": "warlord", "kind": "appositive", "is_quoted": True,
         "count_descriptors": 1},
        {"entity_id": "libya", "canonical_name": "Libya", "outlet_id": "trt", "outlet_name": "TRT World", "day": D0,
         "descriptor": "war-torn", "kind": "premodifier", "is_quoted": False, "count_descriptors": 1},
    ],
    "shared_quotes": [
        {"quote_group_id": "q1", "text": "Sirte is a red line", "speaker_entity_id": "sisi",
         "speaker_name": "Abdel Fattah el-Sisi", "outlets": ["TRT World", "Press TV", "Republic World"],
         "n_outlets": 3, "variants": ["Sirte is a red line", "Sirte is a red line for Egypt"], "count_quotes": 4,
         "doc_ids": ["a1", "a2", "a3"]},
        {"quote_group_id": "q2", "text": "No military solution", "speaker_entity_id": None, "speaker_name": None,
         "outlets": ["TRT World", "Press TV"], "n_outlets": 2, "variants": ["No military solution"],
         "count_quotes": 2, "doc_ids": ["a1", "a2"]},
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
         "last_published_at": T1, "doc_ids": ["a1", "a2", "a3"]},
        {"story_id": "s2", "count_articles": 1, "n_outlets": 1, "outlets": ["Press TV"],
         "titles": ["Undated piece"], "first_published_at": None, "last_published_at": None, "doc_ids": ["a4"]},
    ],
    "articles": [
        {"doc_id": "a1", "title": "Egypt warns over Sirte", "outlet_id": "trt", "outlet_name": "TRT World", "day": D0,
         "url": "https://www.trtworld.com/a1", "source_path": "a1.txt"},
        {"doc_id": "a2", "title": "Sisi: Sirte a red line", "outlet_id": "presstv", "outlet_name": "Press TV",
         "day": D1, "url": None, "source_path": "a2.txt"},
        {"doc_id": "a3", "title": None, "outlet_id": "republic", "outlet_name": "Republic World", "day": D1,
         "url": None, "source_path": "a3.txt"},
        {"doc_id": "a4", "title": "Undated piece", "outlet_id": "presstv", "outlet_name": "Press TV", "day": None,
         "url": None, "source_path": "a4.txt"},
    ],
}
VIEWS = [view for view, _, _, _ in SECTIONS]


def _section(page: str, view: str) -> str:
    return re.search(rf'<section id="{view}".*?</section>', page, re.S).group(0)


def test_every_section_is_present_with_a_chart_and_a_table():
    page = render_report(DATA)
    for view in VIEWS:
        section = _section(page, view)
        assert '<svg class="chart"' in section and f'id="t-{view}"' in section and "No data" not in section, view
    assert page.count("<section ") == len(VIEWS)


@pytest.mark.parametrize("view, expected", [
    ("entity_coverage", ["Khalifa Haftar", ">13<", ">8<"]),  # cell counts
    ("alias_usage", ["GNA", "Government of National Accord", "TRT World · GNA: 6"]),
    ("entity_descriptors", ["putschist", "warlord (in a quote)", "putschist · TRT World: 4"]),
    ("shared_quotes", ["Sirte is a red line", "3 outlets", "unattributed", "Abdel Fattah el-Sisi"]),
    ("figures_across_outlets", ["mercenaries (people)", "1,200", "2,500", "380,000"]),
    ("story_clusters", ["Egypt warns over Sirte", "3 articles · 3 outlets", "no date", "2020-06-20"]),
])
def test_sections_show_their_names_and_numbers(view, expected):
    section = _section(render_report(DATA), view)
    for piece in expected:
        assert piece in section, (view, piece)


def test_the_page_carries_every_outlet_and_the_counts_the_filters_add_up():
    payload = build(DATA)
    assert [o["name"] for o in payload["outlets"]] == ["Republic World", "TRT World", "Press TV"]  # by articles
    names = [e["name"] for e in payload["entities"]]
    haftar = names.index("Khalifa Haftar")
    assert sum(r[3] for r in payload["coverage"] if r[0] == haftar) == 21
    assert {payload["days"][r[2]] for r in payload["coverage"]} == {"2020-06-20", "2020-06-21"}
    quote = payload["quotes"][0]
    assert [payload["articles"][i]["title"] for i in quote["docs"]] == ["Egypt warns over Sirte",
                                                                        "Sisi: Sirte a red line", "a3.txt"]
    assert payload["articles"][0]["url"] == "https://www.trtworld.com/a1"


def test_coverage_adds_the_outlets_past_the_chart_into_one_column():
    rows = [_coverage("e", "Entity", "place", f"Outlet {i:02d}", D0, 20 - i, 1) for i in range(20)]
    section = _section(render_report({**DATA, "entity_coverage": rows}), "entity_coverage")
    assert "Outlet 14" in section and "Outlet 15" not in section
    assert "all other outlets (5)" in section and ">20<" in section  # 5 + 4 + 3 + 2 + 1 outside the top 15


def test_every_outlet_gets_a_colour_of_its_own():
    assert len(set(charts.colours_for(135))) == 135
    assert charts.colour(0) == charts.PALETTE[0] and charts.colour(12) not in charts.PALETTE


def test_shared_quote_rows_show_a_dot_for_every_outlet():
    rows = [{**DATA["shared_quotes"][1], "quote_group_id": f"g{i}", "outlets": [f"Outlet {i:02d}", "Wide"],
             "n_outlets": 2} for i in range(20)]
    section = _section(render_report({**DATA, "shared_quotes": rows}), "shared_quotes")
    drawn = section.count('r="7"')
    assert drawn == 40  # 2 outlets, 2 dots on every row: one of them in the "all other outlets" column
    assert "all other outlets (6)" in section


def test_descriptors_are_scaled_per_entity():
    section = _section(render_report(DATA), "entity_descriptors")
    widths = [float(w) for w in re.findall(r'<rect x="250.0" y="[\d.]+" width="([\d.]+)"', section)]
    assert widths.count(560.0) == 2  # the longest bar of each entity is full width, Libya's single one too


def test_timeline_ticks_name_the_years_of_a_long_span():
    svg = charts.timeline([("a", datetime(2012, 3, 1, tzinfo=UTC), datetime(2020, 5, 1, tzinfo=UTC), "n")], "x")
    assert [label for label in ("2013", "2014", "2016", "2018") if f">{label}<" in svg] == ["2014", "2016", "2018"]
    assert ">2012-03-01<" in svg and ">2020-05-01<" in svg  # the ends say their day


def test_long_titles_keep_their_whole_text_as_a_tooltip():
    title = "A story whose title runs well past sixty-four characters, as real headlines do"
    svg = charts.timeline([(title, T0, T1, "2 articles")], "x")
    assert f"<title>{title}</title>" in svg


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


def test_header_names_the_run_its_date_and_the_repairs():
    header = re.search(r"<header>.*?</header>", render_report(DATA), re.S).group(0)
    assert "20200621T100000000000Z-abc123" in header and "2020-06-21 17:30 UTC" in header and "5 articles" in header
    assert "1 with mojibake repaired" in header


def test_text_is_escaped_everywhere():
    data = {**DATA, "story_clusters": [{**DATA["story_clusters"][0], "titles": ["<script>alert(2)</script> & co"]}]}
    page = render_report(data)
    assert page.count("<script") == 2  # the page's data and its code, nothing from the warehouse
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "&lt;script&gt;alert(2)&lt;/script&gt; &amp; co" in page
    assert "alert(1)</script>" not in page and "\\u003cscript>alert(1)" in page  # in the JSON, no '<' at all


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
    assert "fetch(" not in page and "XMLHttpRequest" not in page


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
ARTICLES_SQL = ("select * from (values ('d1', 'One', 'o1', 'Out One', date '2020-06-20', null, 'd1.txt', null), "
                "('d2', 'Two', 'o2', 'Out Two', date '2020-06-21', 'https://two.example/2', 'd2.txt', 'mojibake')) "
                "as t(doc_id, title, outlet_id, outlet_name, published_on, url, source_path, repair)")
MENTIONS_SQL = ("select * from (values ('d1', 'a', 'Alpha', 'person', 'o1', 'Out One', 'Alpha'), "
                "('d1', 'a', 'Alpha', 'person', 'o1', 'Out One', 'ALPHA'), ('d2', 'a', 'Alpha', 'person', 'o2', "
                "'Out Two', 'Alfa'), ('d2', 'b', 'Beta', 'place', 'o2', 'Out Two', 'Beta')) "
                "as t(doc_id, entity_id, canonical_name, entity_type, outlet_id, outlet_name, spelling)")
COVERAGE_SQL = ("select entity_id, outlet_name, count(*) as count_mentions from int_entity_mentions group by all")
QUOTES_SQL = ("select 'g1' as quote_group_id, 'hello' as text, null as speaker_entity_id, null as speaker_name, "
              "['Out One', 'Out Two'] as outlets, 2 as n_outlets, ['hello', 'hello!'] as variants, 2 as count_quotes")
FIGURES_SQL = ("select * from (values ('lives', null, 'o1', 'Out One', 2, 1, 3.0, 3.0, [3.0], ['three lives']), "
               "('lives', null, 'o2', 'Out Two', 2, 1, 4.0, 4.0, [4.0], ['4 lives'])) as t(what, unit, outlet_id, "
               "outlet_name, n_outlets, count_figures, min_value, max_value, figure_values, examples)")


def test_report_data_reads_the_views_there_are(tmp_path):
    _catalog(tmp_path, {"runs": RUNS_SQL, "articles": ARTICLES_SQL, "int_entity_mentions": MENTIONS_SQL,
                        "entity_coverage": COVERAGE_SQL, "alias_usage": "select 1 as x",
                        "figures_across_outlets": FIGURES_SQL})
    data = storage.report_data(str(tmp_path))
    # views missing, or missing a view they read (quote matches, descriptors): their sections say so
    assert {r["view"] for r in data["missing_views"]} == {"entity_descriptors", "shared_quotes", "story_clusters"}
    assert data["runs"][0]["run_id"] == "r1" and data["repaired"] == [{"count_repaired": 1}]
    assert [(r["canonical_name"], r["outlet_name"], str(r["day"]), r["count_mentions"]) for r in
            data["entity_coverage"]] == [("Alpha", "Out One", "2020-06-20", 2), ("Alpha", "Out Two", "2020-06-21", 1),
                                         ("Beta", "Out Two", "2020-06-21", 1)]
    # spellings compared without capitalisation: 'Alpha' and 'ALPHA' are one, 'Alfa' another
    assert sorted((r["outlet_name"], r["spelling"], r["count_mentions"]) for r in data["alias_usage"]) == [
        ("Out One", "Alpha", 2), ("Out Two", "Alfa", 1)]
    assert [(r["outlet_name"], r["count_articles"]) for r in data["outlet_days"]] == [("Out One", 1), ("Out Two", 1)]
    assert sorted(r["figure_values"][0] for r in data["figures_across_outlets"]) == [3.0, 4.0]  # null unit kept
    page = render_report(data)
    assert "the catalog has no <code>story_clusters</code> view" in page and "lives" in page


def test_report_data_without_a_catalog_is_an_input_error(tmp_path):
    with pytest.raises(storage.InputError, match="no catalog"):
        storage.report_data(str(tmp_path))


def test_cli_report_on_a_small_catalog(tmp_path, capsys):
    _catalog(tmp_path, {"runs": RUNS_SQL, "articles": ARTICLES_SQL, "int_entity_mentions": MENTIONS_SQL,
                        "entity_coverage": COVERAGE_SQL})
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
    assert "Hürriyet Daily News" in page and "per 100 articles" in page


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
    page.errors, page.dialogs = [], []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
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
    assert requests == [] and page.errors == [] and page.dialogs == []  # the <script> in a name stayed text
    assert _charts_drawn(page, tmp_path) == len(VIEWS)
    assert page.locator("section").count() == len(VIEWS) and page.title() == "crosswire report"
    assert page.evaluate("() => document.scripts.length") == 2  # the page's data and its code
    assert page.locator("#t-entity_coverage tbody tr").count() == 3  # the tables are drawn from the data
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


# A small multi-outlet corpus: five outlet labels (one a column on foxnews.com), three weeks, quotes and a story
# several outlets share.
CORPUS = [
    ("Fox News", "https://www.foxnews.com/world/a", "2020-06-01", "Haftar pushes on Tripoli",
     "Khalifa Haftar pushed towards Tripoli on Monday. Libya's government asked Turkey for help. "
     "\"Sirte is a red line for Egypt,\" Abdel Fattah el-Sisi said."),
    ("Guest Writer - Right", "https://www.foxnews.com/opinion/b", "2020-06-06", "Why Libya matters",
     "Libya matters. Haftar and Erdogan both want Sirte. Turkey sent drones. Khalifa Haftar denied it."),
    ("Press TV", "https://www.presstv.ir/Detail/c", "2020-06-08", "Egypt warns Turkey over Sirte",
     "\"Sirte is a red line for Egypt,\" Abdel Fattah el-Sisi said on Saturday. Khalifa Haftar welcomed it. "
     "Libya's GNA rejected the warning, and Haftar's forces dug in."),
    ("Press TV", "https://www.presstv.ir/Detail/d", "2020-06-12", "Russia and Libya",
     "Sergei Lavrov spoke about Libya. Khalifa Haftar met him in Moscow."),
    ("TRT World", "https://www.trtworld.com/e", "2020-06-09", "Egypt draws a red line at Sirte",
     "\"Sirte is a red line for Egypt,\" Abdel Fattah el-Sisi said. Recep Tayyip Erdoğan answered. "
     "Turkey backs the GNA in Libya against Khalifa Haftar."),
    ("TRT World", "https://www.trtworld.com/f", "2020-06-18", "Turkey and Libya sign deal",
     "Turkey and Libya signed a deal. Erdoğan said Haftar had lost."),
    ("CNN (Web News)", "https://edition.cnn.com/g", "2020-06-14", "Haftar retreats from Tripoli",
     "Khalifa Haftar retreated from Tripoli. Libya is calmer. Turkey claimed victory."),
    ("CNN (Web News)", "https://edition.cnn.com/h", "2020-06-20", "Libya talks",
     "Talks on Libya began in Berlin. Heiko Maas hosted them."),
]


@pytest.fixture(scope="module")
def multi_outlet_warehouse(prefect_harness, tmp_path_factory) -> Path:
    import json

    from flows.pipeline import run_folder

    inbox, warehouse = tmp_path_factory.mktemp("multi-in"), tmp_path_factory.mktemp("multi-wh")
    records = [{"outlet": o, "url": u, "published_at": d, "title": t, "text": f"{t}\n\n{body}\n\nMore on this later."}
               for o, u, d, t, body in CORPUS]
    (inbox / "feed.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    run_folder(input_dir=str(inbox), warehouse_dir=str(warehouse))
    return warehouse


def _cells(page, table: str) -> list[list[str]]:
    return page.eval_on_selector_all(f"#{table} tbody tr:not(.detail)",
                                     "rows => rows.map(r => [...r.cells].map(c => c.textContent))")


def _mentions(con, where: str = "true", params: list | None = None) -> dict[str, int]:
    return dict(con.execute(f"""
        select e.canonical_name, count(*) from mentions m join articles a using (doc_id)
        join entities e using (entity_id) where {where} group by all""", params or []).fetchall())


def _number(text: str) -> float:
    return float(text.replace(",", "")) if text else 0.0


@pytest.mark.slow
def test_browser_filters_dates_outlets_and_entities_with_totals_that_match_sql(browser, multi_outlet_warehouse,
                                                                              tmp_path):
    con = duckdb.connect(str(multi_outlet_warehouse / "crosswire.duckdb"), read_only=True)
    page, requests = _open(browser, render_report(storage.report_data(str(multi_outlet_warehouse))), tmp_path)
    assert requests == [] and page.errors == []
    outlets = [o for (o,) in con.execute("select distinct outlet_name from articles order by 1").fetchall()]
    assert outlets == ["CNN", "Fox News", "Press TV", "TRT World"]  # the column on foxnews.com is Fox News
    everything = {row[0]: _number(row[2]) for row in _cells(page, "t-entity_coverage")}
    assert everything == _mentions(con)
    page.screenshot(path=str(tmp_path / "report-unfiltered.png"), full_page=True)

    # dates, two outlets, then one entity
    page.eval_on_selector("#f-from", "el => { el.value = '2020-06-05'; el.dispatchEvent(new Event('change')); }")
    page.eval_on_selector("#f-to", "el => { el.value = '2020-06-15'; el.dispatchEvent(new Event('change')); }")
    page.select_option("#f-outlets", label=["Fox News", "Press TV"])
    where = "a.published_on between '2020-06-05' and '2020-06-15' and a.outlet_name in ('Fox News', 'Press TV')"
    expected = _mentions(con, where)
    shown = {row[0]: _number(row[2]) for row in _cells(page, "t-entity_coverage")}
    assert shown == expected and shown["Khalifa Haftar"] < everything["Khalifa Haftar"]
    haftar = page.locator("#f-entity option", has_text="Khalifa Haftar").get_attribute("value")
    page.select_option("#f-entity", haftar)
    rows = _cells(page, "t-entity_coverage")
    assert [(r[0], _number(r[2])) for r in rows] == [("Khalifa Haftar", expected["Khalifa Haftar"])]
    assert rows[0][5] == "2 of 2"
    # per outlet: mentions, and mentions per 100 of the outlet's articles in the date range
    articles = dict(con.execute(f"select outlet_name, count(*) from articles a where {where} group by 1").fetchall())
    by_outlet = dict(con.execute(f"""select a.outlet_name, count(*) from mentions m join articles a using (doc_id)
        where {where} and m.entity_id = 'khalifa-haftar' group by 1""").fetchall())
    for entity, outlet, mentions, per100, _, outlet_articles in _cells(page, "t-entity_coverage-outlets"):
        assert entity == "Khalifa Haftar" and _number(mentions) == by_outlet[outlet]
        assert _number(outlet_articles) == articles[outlet]
        assert _number(per100) == pytest.approx(100 * by_outlet[outlet] / articles[outlet], abs=0.05)
    page.screenshot(path=str(tmp_path / "report-filtered.png"), full_page=True)

    # the entity filter leaves quotes by others out; reset brings everything back
    page.select_option("#f-entity", "-1")
    quotes = _cells(page, "t-shared_quotes")
    assert quotes and all("Fox News" in q[2] or "Press TV" in q[2] for q in quotes)
    page.click("#f-reset")
    assert {row[0]: _number(row[2]) for row in _cells(page, "t-entity_coverage")} == everything
    assert page.errors == []
    page.context.close()
    con.close()


@pytest.mark.slow
def test_browser_sorts_tables_and_links_quotes_and_stories_to_their_articles(browser, multi_outlet_warehouse,
                                                                            tmp_path):
    con = duckdb.connect(str(multi_outlet_warehouse / "crosswire.duckdb"), read_only=True)
    page, _ = _open(browser, render_report(storage.report_data(str(multi_outlet_warehouse))), tmp_path)
    page.click("#t-entity_coverage th[data-key=entity]")
    names = [r[0] for r in _cells(page, "t-entity_coverage")]
    assert names == sorted(names, reverse=True) or names == sorted(names)
    page.click("#t-entity_coverage th[data-key=entity]")
    assert [r[0] for r in _cells(page, "t-entity_coverage")] == list(reversed(names))
    page.click("#t-entity_coverage th[data-key=mentions]")
    counts = [_number(r[2]) for r in _cells(page, "t-entity_coverage")]
    assert counts == sorted(counts, reverse=True)
    # a number's header stands over its column: both right-aligned, text columns both left
    edges = page.eval_on_selector_all("#t-entity_coverage th", """ths => ths.map(th => {
        const td = th.closest('table').tBodies[0].rows[0].cells[th.cellIndex];
        const a = th.getBoundingClientRect(), b = td.getBoundingClientRect(), range = document.createRange();
        range.selectNodeContents(th); const h = range.getBoundingClientRect();
        range.selectNodeContents(td); const c = range.getBoundingClientRect();
        return [th.dataset.key, Math.abs(h.right - c.right) < 12, Math.abs(h.left - c.left) < 12]; })""")
    assert {key: right for key, right, _ in edges}["mentions"] and {key: left for key, _, left in edges}["entity"]

    (text, n_outlets) = con.execute("select text, n_outlets from shared_quotes order by n_outlets desc").fetchone()
    assert n_outlets >= 3 and text.startswith("Sirte is a red line")
    page.click("#t-shared_quotes tbody tr.opens >> nth=0")
    links = page.eval_on_selector_all("#t-shared_quotes tr.detail a", "as => as.map(a => [a.textContent, a.href])")
    titles = {t for (t,) in con.execute("""select a.title from quotes q join quote_matches m using (quote_id)
        join shared_quotes s using (quote_group_id) join articles a using (doc_id)
        where s.text like 'Sirte is a red line%'""").fetchall()}
    assert {title for title, _ in links} == titles and all(href.startswith("https://") for _, href in links)
    details = page.inner_text("#t-shared_quotes tr.detail")
    assert "2020-06-08" in details and "Press TV" in details

    stories = _cells(page, "t-story_clusters")
    expected = con.execute("select count(*) from story_clusters").fetchone()[0]
    assert len(stories) == expected
    if stories:
        page.click("#t-story_clusters tbody tr.opens >> nth=0")
        assert page.locator("#t-story_clusters tr.detail li").count() >= 2
    page.screenshot(path=str(tmp_path / "report-opened.png"), full_page=True)
    assert page.errors == []
    page.context.close()
    con.close()


def test_report_descriptors_and_spellings_ignore_capitalisation(seeds_warehouse):
    data = storage.report_data(str(seeds_warehouse))
    assert data["missing_views"] == [] and data["entity_descriptors"] and data["alias_usage"]
    for view, word in (("entity_descriptors", "descriptor"), ("alias_usage", "spelling")):
        keys = [(r["entity_id"], r["outlet_name"], r["day"], r[word].lower(), r.get("is_quoted")) for r in data[view]]
        assert len(keys) == len(set(keys)), view
