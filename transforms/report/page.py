"""The warehouse's comparisons as one self-contained HTML page: inline CSS and SVG, nothing fetched."""

from html import escape

from transforms.report.sections import EMPTY, SECTIONS, cell, outlet_colours

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
"""


def header(runs: list[dict]) -> str:
    """The runs view's row -> page header naming the run, when it ran and what it read."""
    if not runs:
        return "<header><h1>crosswire report</h1><div class=\"run\">no run recorded in this warehouse</div></header>"
    run = runs[0]
    facts = (f"{cell(run.get('count_files'))} files, {cell(run.get('count_articles'))} articles, "
             f"{cell(run.get('count_quarantined'))} quarantined")
    return (f"<header><h1>crosswire report</h1><div class=\"run\">run <code>{cell(run['run_id'])}</code> · "
            f"{cell(run.get('started_at'))} UTC · {facts}</div></header>")


def section(view: str, title: str, blurb: str, body: tuple[str, str] | None, missing: bool) -> str:
    """One section's parts -> its HTML; no body means no rows (and says why when the view is missing)."""
    if body is None:
        why = f" (the catalog has no <code>{escape(view)}</code> view)" if missing else ""
        content = f'<p class="empty">{EMPTY}{why}</p>'
    else:
        chart, summary = body
        content = f'<div class="chart-box">{chart}</div>{summary}'
    return (f'<section id="{escape(view)}" data-view="{escape(view)}"><h2>{escape(title)}</h2>'
            f'<p class="blurb">{escape(blurb)}</p>{content}</section>')


def render_report(data: dict[str, list[dict]]) -> str:
    """{view: rows} (as flows.storage.report_data returns) -> the whole report as one HTML string."""
    colours = outlet_colours(data)
    missing = {row["view"] for row in data.get("missing_views", [])}
    parts = []
    for view, title, blurb, build in SECTIONS:
        rows = data.get(view) or []
        parts.append(section(view, title, blurb, build(rows, colours) if rows else None, view in missing))
    nav = "".join(f'<a href="#{escape(view)}">{escape(title.split(":")[0])}</a>' for view, title, _, _ in SECTIONS)
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>crosswire report</title><style>{CSS}</style></head><body>{header(data.get('runs', []))}"
            f"<nav>{nav}</nav><main>{''.join(parts)}</main>"
            "<footer>crosswire · every chart is drawn from the warehouse's catalog views</footer></body></html>\n")
