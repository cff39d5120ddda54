"""The warehouse's comparisons as one self-contained HTML page: inline CSS, SVG, data and script, nothing fetched."""

from html import escape

from transforms.report.explore import SCRIPT, filter_bar
from transforms.report.payload import as_script, build
from transforms.report.sections import EMPTY, SECTIONS, cell

CSS = """
:root { --ink: #1f2933; --muted: #5f6b7a; --rule: #dde2e8; --card: #ffffff; --page: #f3f5f8; --accent: #08519c; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--page); color: var(--ink);
       font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
header { background: #12263f; color: #fff; padding: 24px 32px; }
header h1 { margin: 0 0 4px; font-size: 26px; }
header .run { color: #c9d6e6; font-size: 14px; }
header code { color: #fff; }
nav { padding: 10px 32px; background: #fff; border-bottom: 1px solid var(--rule); position: sticky; top: 0; }
nav a { color: var(--accent); margin-right: 18px; text-decoration: none; font-size: 14px; white-space: nowrap; }
main { max-width: 1180px; margin: 0 auto; padding: 16px 24px 48px; }
section { background: var(--card); border: 1px solid var(--rule); border-radius: 8px; margin: 20px 0;
          padding: 18px 22px; }
section h2 { margin: 0 0 2px; font-size: 20px; }
.blurb { color: var(--muted); margin: 0 0 12px; }
.chart-box { overflow-x: auto; margin-bottom: 14px; }
svg.chart { display: block; font-size: 12px; font-family: inherit; }
svg.chart text { fill: var(--ink); }
svg.chart .head { fill: var(--muted); }
svg.chart .muted { fill: var(--muted); font-size: 11px; }
svg.chart .group { font-weight: 600; font-size: 13px; }
svg.chart .cell { fill: #12263f; font-size: 11px; }
svg.chart .cell-dark, svg.chart .on-bar { fill: #fff; font-size: 11px; }
svg.chart .axis { stroke: #c8ccd0; stroke-width: 1; }
.legend { margin: 0 0 8px; font-size: 13px; color: var(--muted); }
.legend .key { margin-right: 14px; white-space: nowrap; }
.legend i { display: inline-block; width: 11px; height: 11px; border-radius: 2px; margin-right: 5px;
            vertical-align: -1px; }
table.data { border-collapse: collapse; width: 100%; font-size: 13px; }
table.data th { text-align: left; color: var(--muted); font-weight: 600; border-bottom: 2px solid var(--rule);
                padding: 4px 8px; }
table.data td { border-bottom: 1px solid var(--rule); padding: 4px 8px; vertical-align: top; }
table.data tbody tr:nth-child(even) { background: #f8fafc; }
.empty { color: var(--muted); font-style: italic; margin: 6px 0; }
footer { color: var(--muted); font-size: 12px; text-align: center; padding: 0 0 24px; }
.filters { display: flex; flex-wrap: wrap; gap: 10px 18px; align-items: center; padding: 10px 32px; background: #fff;
           border-bottom: 1px solid var(--rule); font-size: 14px; }
.filters select[multiple] { min-width: 220px; vertical-align: middle; }
.muted { color: var(--muted); font-size: 13px; }
table.sortable th { cursor: pointer; white-space: nowrap; }
table.data td.n, table.data th.n { text-align: right; font-variant-numeric: tabular-nums; }
tr.opens { cursor: pointer; }
tr.opens td:first-child::before { content: "▸ "; color: var(--muted); }
tr.detail td { background: #fbfcfe; }
ul.articles { margin: 4px 0; padding-left: 18px; }
.explore h3 { font-size: 14px; margin: 14px 0 4px; }
body.filtered .chart-box::after { content: "The chart shows the whole warehouse; the tables below follow the filters.";
                                  display: block; color: var(--muted); font-size: 12px; font-style: italic; }
"""


def header(runs: list[dict], repaired: int = 0) -> str:
    """The runs view's row -> page header naming the run, when it ran and what it read (and repaired)."""
    if not runs:
        return "<header><h1>crosswire report</h1><div class=\"run\">no run recorded in this warehouse</div></header>"
    run = runs[0]
    facts = (f"{cell(run.get('count_files'))} files, {cell(run.get('count_articles'))} articles, "
             f"{cell(run.get('count_quarantined'))} quarantined")
    if repaired:
        facts += f", {cell(repaired)} with mojibake repaired (articles.repair)"
    return (f"<header><h1>crosswire report</h1><div class=\"run\">run <code>{cell(run['run_id'])}</code> · "
            f"{cell(run.get('started_at'))} UTC · {facts}</div></header>")


def section(view: str, title: str, blurb: str, chart: str | None, missing: bool) -> str:
    """One section's parts -> its HTML: the chart and the place of its tables; no chart means no rows (and says why
    when the view is missing)."""
    if chart is None:
        why = f" (the catalog has no <code>{escape(view)}</code> view)" if missing else ""
        content = f'<p class="empty">{EMPTY}{why}</p>'
    else:
        more = ('<h3>by outlet</h3><div class="table-box" id="t-entity_coverage-outlets"></div>'
                if view == "entity_coverage" else "")
        content = (f'<div class="chart-box">{chart}</div><div class="explore"><div class="table-box" id="t-{view}">'
                   f"</div>{more}</div>")
    return (f'<section id="{escape(view)}" data-view="{escape(view)}"><h2>{escape(title)}</h2>'
            f'<p class="blurb">{escape(blurb)}</p>{content}</section>')


def render_report(data: dict[str, list[dict]]) -> str:
    """{query name: rows} (as flows.storage.report_data returns) -> the whole report as one HTML string."""
    payload = build(data)
    colours = {o["name"]: o["colour"] for o in payload["outlets"]}
    missing = {row["view"] for row in data.get("missing_views", [])}
    parts = []
    for view, title, blurb, chart in SECTIONS:
        rows = data.get(view) or []
        parts.append(section(view, title, blurb, chart(rows, colours) if rows else None, view in missing))
    nav = "".join(f'<a href="#{escape(view)}">{escape(title.split(":")[0])}</a>' for view, title, _, _ in SECTIONS)
    repaired = (data.get("repaired") or [{}])[0].get("count_repaired", 0)
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>crosswire report</title><style>{CSS}</style></head><body>"
            f"{header(data.get('runs', []), repaired)}<nav>{nav}</nav>{filter_bar(payload)}"
            f"<main>{''.join(parts)}</main>"
            "<footer>crosswire · every chart and table is drawn from the warehouse's catalog views</footer>"
            f'<script type="application/json" id="report-data">{as_script(payload)}</script>'
            f"<script>{SCRIPT}</script></body></html>\n")
