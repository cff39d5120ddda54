"""The report's sections: each catalog view's rows -> (chart, small table), plus the helpers they share."""

from collections import defaultdict
from collections.abc import Callable
from datetime import UTC, datetime
from html import escape

from transforms.report import charts
from warehouse.report_queries import TOP_ENTITIES, TOP_OUTLETS, TOP_SERIES

EMPTY = "No data in this warehouse."
TABLE_ROWS = 12
TOP_SPELLINGS, OTHER = 6, "#c8ccd0"


def cell(value: object) -> str:
    """Any value from a view -> escaped table text (lists joined, numbers grouped, times in UTC to the minute)."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return escape(", ".join(charts.clip(v, 80) for v in value if v is not None))
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float):
        return escape(charts.number(value))
    if isinstance(value, datetime):
        return escape((value.astimezone(UTC) if value.tzinfo else value).strftime("%Y-%m-%d %H:%M"))
    return escape(str(value))


def table(headers: list[str], rows: list[list]) -> str:
    """Headers + rows of values -> an HTML table, every cell escaped."""
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{cell(v)}</td>" for v in row) + "</tr>" for row in rows)
    return f'<table class="data"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _totals(rows: list[dict], key: str | Callable, value: str) -> list[str]:
    """Distinct keys of rows, largest summed value first (ties by name, so the order is stable)."""
    sums: dict = defaultdict(float)
    for row in rows:
        sums[key(row) if callable(key) else row[key]] += row[value] or 0
    return sorted(sums, key=lambda k: (-sums[k], str(k)))


def outlet_colours(data: dict[str, list[dict]]) -> dict[str, str]:
    """Every outlet named in the data -> one colour, the same in every section (most covered first)."""
    names = _totals(data.get("entity_coverage", []), "outlet", "count_mentions")
    for view, key in (("entity_descriptors", "outlet_name"), ("figures_across_outlets", "outlet_name")):
        names += [r[key] for r in data.get(view, []) if r[key] not in names]
    for row in data.get("shared_quotes", []):
        names += [o for o in row["outlets"] or [] if o not in names]
    return {name: charts.colour(i) for i, name in enumerate(dict.fromkeys(names))}


def legend(names: list[str], colours: dict[str, str]) -> str:
    """Series names -> an HTML legend of colour keys."""
    keys = "".join(f'<span class="key"><i style="background:{colours.get(n, charts.PALETTE[0])}"></i>{escape(n)}</span>'
                   for n in names)
    return f'<div class="legend">{keys}</div>'


def coverage_section(rows: list[dict], colours: dict[str, str]) -> tuple[str, str]:
    """entity_coverage rows -> (entity x outlet heatmap, table of the most mentioned entities)."""
    entities = _totals(rows, "canonical_name", "count_mentions")
    outlets = _totals(rows, "outlet", "count_mentions")
    cells = {(r["canonical_name"], r["outlet"]): r["count_mentions"] for r in rows}
    chart = charts.heatmap(entities, outlets, cells, "mentions by entity and outlet")
    summary = []
    for name in entities[:TABLE_ROWS]:
        mine = [r for r in rows if r["canonical_name"] == name]
        summary.append([name, mine[0]["entity_type"], sum(r["count_mentions"] for r in mine),
                        sum(r["count_articles"] for r in mine), f"{len(mine)} of {len(outlets)}"])
    return chart, table(["entity", "type", "mentions", "articles", "outlets"], summary)


def spelling_section(rows: list[dict], colours: dict[str, str]) -> tuple[str, str]:
    """alias_usage rows -> (per entity, each outlet's split between spellings; table of spellings)."""
    groups, summary = [], []
    for entity in _totals(rows, "canonical_name", "count_mentions"):
        mine = [r for r in rows if r["canonical_name"] == entity]
        spellings = _totals(mine, "spelling", "count_mentions")
        # Past a handful, spellings share one grey: the eye cannot tell ten hues apart in a thin bar.
        shade = {s: charts.colour(i) if i < TOP_SPELLINGS else OTHER for i, s in enumerate(spellings)}
        bars = [(outlet, [(r["spelling"], r["count_mentions"], shade[r["spelling"]])
                          for r in sorted(mine, key=lambda r: spellings.index(r["spelling"])) if r["outlet"] == outlet])
                for outlet in _totals(mine, "outlet", "count_mentions")]
        keys = [(s, shade[s]) for s in spellings[:TOP_SPELLINGS]]
        others = len(spellings) - TOP_SPELLINGS
        keys += [(f"{others} other spelling{'s' if others > 1 else ''}", OTHER)] if others > 0 else []
        groups.append({"label": entity, "legend": keys, "bars": bars})
        for spelling in spellings:
            used = [r for r in mine if r["spelling"] == spelling]
            summary.append([entity, spelling, [f"{r['outlet']} ({r['count_mentions']})" for r in used],
                            sum(r["count_mentions"] for r in used)])
    chart = charts.grouped_bars(groups, "share of each spelling by outlet", share=True)
    return chart, table(["entity", "spelling", "outlets (mentions)", "mentions"], summary[:TABLE_ROWS * 2])


def _descriptor_label(row: dict) -> str:
    return f"“{row['descriptor']}”" if row["is_quoted"] else row["descriptor"]


def descriptor_section(rows: list[dict], colours: dict[str, str]) -> tuple[str, str]:
    """entity_descriptors rows -> (per entity, its descriptors stacked by outlet; table of descriptors)."""
    groups, summary = [], []
    outlets = _totals(rows, "outlet_name", "count_descriptors")
    for entity in _totals(rows, "canonical_name", "count_descriptors"):
        mine = [r for r in rows if r["canonical_name"] == entity]
        bars = []
        for label in _totals(mine, _descriptor_label, "count_descriptors"):
            used = [r for r in mine if _descriptor_label(r) == label]
            by_outlet = {o: sum(r["count_descriptors"] for r in used if r["outlet_name"] == o) for o in outlets}
            bars.append((label, [(o, n, colours.get(o, charts.PALETTE[0])) for o, n in by_outlet.items() if n]))
            summary.append([entity, label, used[0]["kind"], [f"{o} ({n})" for o, n in by_outlet.items() if n],
                            sum(by_outlet.values())])
        groups.append({"label": entity, "bars": bars})
    chart = charts.grouped_bars(groups, "descriptors by entity, stacked by outlet", share=False)
    return legend(outlets, colours) + chart, table(["entity", "descriptor", "kind", "outlets (times)", "times"],
                                                   summary[:TABLE_ROWS * 2])


def quote_section(rows: list[dict], colours: dict[str, str]) -> tuple[str, str]:
    """shared_quotes rows -> (quote x outlet dot matrix, table of quotes with their speakers)."""
    counts: dict[str, int] = defaultdict(int)
    for row in rows:
        for outlet in row["outlets"] or []:
            counts[outlet] += 1
    outlets = sorted(counts, key=lambda o: (-counts[o], o))[:TOP_OUTLETS]
    lines = [(f"{r['speaker_name'] or 'unattributed'}: “{r['text']}”", set(r["outlets"] or []),
              charts.plural(r["n_outlets"], "outlet")) for r in rows]
    chart = charts.dot_matrix(lines, outlets, colours, "which outlets carried each quote")
    summary = [[r["text"], r["speaker_name"], r["outlets"], r["count_quotes"], len(r["variants"] or [])]
               for r in rows[:TABLE_ROWS]]
    return chart, table(["quote", "speaker", "outlets", "times quoted", "wordings"], summary)


def _figure_label(row: dict) -> str:
    return " ".join(str(p) for p in (row["what"], f"({row['unit']})" if row["unit"] else None) if p) or "(unnamed)"


def figure_section(rows: list[dict], colours: dict[str, str]) -> tuple[str, str]:
    """figures_across_outlets rows -> (per figure, each outlet's values on one line; table of the ranges)."""
    lines = []
    for label in dict.fromkeys(map(_figure_label, rows)):
        mine = [r for r in rows if _figure_label(r) == label]
        lines.append((label, [(r["outlet_name"], list(r["figure_values"] or [r["min_value"], r["max_value"]]))
                              for r in mine]))
    outlets = _totals(rows, "outlet_name", "count_figures")
    chart = charts.ranges(lines, colours, "figures reported by each outlet")
    summary = [[_figure_label(r), r["outlet_name"], r["count_figures"], r["min_value"], r["max_value"],
                (r["examples"] or [""])[0]] for r in rows[:TABLE_ROWS * 2]]
    return legend(outlets, colours) + chart, table(["figure", "outlet", "times", "lowest", "highest", "as written"],
                                                   summary)


def story_section(rows: list[dict], colours: dict[str, str]) -> tuple[str, str]:
    """story_clusters rows -> (timeline of each story's first to last article, table of stories)."""
    lines = [((r["titles"] or ["(untitled)"])[0], r["first_published_at"], r["last_published_at"],
              f"{charts.plural(r['count_articles'], 'article')} · {charts.plural(r['n_outlets'], 'outlet')}")
             for r in rows]
    chart = charts.timeline(lines, "stories from first to last article")
    summary = [[(r["titles"] or [""])[0], r["outlets"], r["count_articles"], r["first_published_at"],
                r["last_published_at"]] for r in rows[:TABLE_ROWS]]
    return chart, table(["story (first title)", "outlets", "articles", "first", "last"], summary)


SECTIONS = (
    ("entity_coverage", "Coverage: who each outlet writes about",
     f"Mentions of the {TOP_ENTITIES} most mentioned entities in the {TOP_OUTLETS} outlets that mention them most.",
     coverage_section),
    ("alias_usage", "Spelling choices by outlet",
     "Entities written more than one way: each bar is one outlet's split between the spellings.", spelling_section),
    ("entity_descriptors", "How outlets describe people and organisations",
     f"The words next to a name (top descriptors of the most described entities, {TOP_SERIES} outlets); "
     "quoted descriptors are in quotation marks.", descriptor_section),
    ("shared_quotes", "Shared quotes", "The same words quoted by several outlets, and which outlets carried them.",
     quote_section),
    ("figures_across_outlets", "Figures side by side",
     "The same thing counted by different outlets: each line spans one outlet's lowest to highest value; each row "
     "has its own scale.", figure_section),
    ("story_clusters", "Story clusters", "Articles telling the same story, from the first published to the last.",
     story_section),
)
