"""The report's sections: each view's rows -> a chart of the whole warehouse (the tables under it follow the page's
filters, see explore), plus the helpers they share."""

from collections import defaultdict
from collections.abc import Callable
from datetime import UTC, datetime
from html import escape

from transforms.report import charts

EMPTY = "No data in this warehouse."
CHART_ENTITIES, CHART_OUTLETS = 25, 15
TOP_SPELLINGS, OTHER = 6, "#c8ccd0"
IN_QUOTE = " (in a quote)"


def cell(value: object) -> str:
    """Any value from a view -> escaped text (lists joined, numbers grouped, times in UTC to the minute)."""
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


def totals(rows: list[dict], key: str | Callable, value: str) -> dict:
    """Rows -> {key: summed value}, largest first (ties by name, so the order is stable)."""
    sums: dict = defaultdict(float)
    for row in rows:
        sums[key(row) if callable(key) else row[key]] += row[value] or 0
    return dict(sorted(sums.items(), key=lambda kv: (-kv[1], str(kv[0]))))


def legend(names: list[str], colours: dict[str, str]) -> str:
    """Series names -> an HTML legend of colour keys."""
    keys = "".join(f'<span class="key"><i style="background:{colours.get(n, charts.PALETTE[0])}"></i>{escape(n)}</span>'
                   for n in names)
    return f'<div class="legend">{keys}</div>'


def _others(count: int) -> str:
    return f"all other outlets ({count})"


def coverage_section(rows: list[dict], colours: dict[str, str]) -> str:
    """entity_coverage rows (entity x outlet x day) -> heatmap of the most mentioned entities by the outlets that
    mention them most, every other outlet added up in one column (row totals stay true)."""
    entities = list(totals(rows, "canonical_name", "count_mentions"))[:CHART_ENTITIES]
    outlets = list(totals(rows, "outlet_name", "count_mentions"))
    shown, rest = outlets[:CHART_OUTLETS], outlets[CHART_OUTLETS:]
    columns = shown + ([_others(len(rest))] if rest else [])
    cells: dict[tuple[str, str], int] = defaultdict(int)
    for row in rows:
        column = row["outlet_name"] if row["outlet_name"] in shown else _others(len(rest))
        cells[(row["canonical_name"], column)] += row["count_mentions"]
    return charts.heatmap(entities, columns, dict(cells), "mentions by entity and outlet")


def spelling_section(rows: list[dict], colours: dict[str, str]) -> str:
    """alias_usage rows (spellings compared without capitalisation) -> per entity, each outlet's split between the
    spellings."""
    groups = []
    for entity in totals(rows, "canonical_name", "count_mentions"):
        mine = [r for r in rows if r["canonical_name"] == entity]
        spellings = list(totals(mine, "spelling", "count_mentions"))
        # Past a handful, spellings share one grey: the eye cannot tell ten hues apart in a thin bar.
        shade = {s: charts.colour(i) if i < TOP_SPELLINGS else OTHER for i, s in enumerate(spellings)}
        bars = []
        for outlet in totals(mine, "outlet_name", "count_mentions"):
            used = totals([r for r in mine if r["outlet_name"] == outlet], "spelling", "count_mentions")
            bars.append((outlet, [(s, used[s], shade[s]) for s in spellings if s in used]))
        keys = [(s, shade[s]) for s in spellings[:TOP_SPELLINGS]]
        others = len(spellings) - TOP_SPELLINGS
        keys += [(f"{others} other spelling{'s' if others > 1 else ''}", OTHER)] if others > 0 else []
        groups.append({"label": entity, "legend": keys, "bars": bars[:CHART_OUTLETS]})
    return charts.grouped_bars(groups, "share of each spelling by outlet", share=True)


def descriptor_label(row: dict) -> str:
    """A descriptor as the report shows it: marked when it was found inside a quotation (someone quoted said it)."""
    return row["descriptor"] + (IN_QUOTE if row["is_quoted"] else "")


def descriptor_section(rows: list[dict], colours: dict[str, str]) -> str:
    """entity_descriptors rows -> per entity, its descriptors stacked by outlet, each entity on its own scale."""
    groups = []
    outlets = list(totals(rows, "outlet_name", "count_descriptors"))
    for entity in totals(rows, "canonical_name", "count_descriptors"):
        mine = [r for r in rows if r["canonical_name"] == entity]
        bars = []
        for label in totals(mine, descriptor_label, "count_descriptors"):
            by_outlet = totals([r for r in mine if descriptor_label(r) == label], "outlet_name", "count_descriptors")
            bars.append((label, [(o, by_outlet[o], colours.get(o, charts.PALETTE[0])) for o in outlets
                                 if o in by_outlet]))
        groups.append({"label": entity, "bars": bars})
    chart = charts.grouped_bars(groups, "descriptors by entity, stacked by outlet", share=False)
    return legend(outlets[:30], colours) + chart


def quote_section(rows: list[dict], colours: dict[str, str]) -> str:
    """shared_quotes rows -> quote x outlet dot matrix; outlets past the most frequent share one column, so every
    row shows as many dots as it has outlets there."""
    counts: dict[str, int] = defaultdict(int)
    for row in rows:
        for outlet in row["outlets"] or []:
            counts[outlet] += 1
    ranked = sorted(counts, key=lambda o: (-counts[o], o))
    shown, rest = ranked[:CHART_OUTLETS], ranked[CHART_OUTLETS:]
    lines = []
    for r in rows:
        present = {o for o in r["outlets"] or [] if o in shown}
        extra = len(r["outlets"] or []) - len(present)
        if extra:
            present.add(_others(len(rest)))
        note = charts.plural(r["n_outlets"], "outlet") + (f" ({extra} in the last column)" if extra else "")
        lines.append((f"{r['speaker_name'] or 'unattributed'}: “{r['text']}”", present, note))
    columns = shown + ([_others(len(rest))] if rest else [])
    return charts.dot_matrix(lines, columns, {**colours, _others(len(rest)): "#5f6b7a"},
                             "which outlets carried each quote")


def _figure_label(row: dict) -> str:
    return " ".join(str(p) for p in (row["what"], f"({row['unit']})" if row["unit"] else None) if p) or "(unnamed)"


def figure_section(rows: list[dict], colours: dict[str, str]) -> str:
    """figures_across_outlets rows -> per figure, each outlet's values on one line."""
    lines = []
    for label in dict.fromkeys(map(_figure_label, rows)):
        mine = [r for r in rows if _figure_label(r) == label]
        lines.append((label, [(r["outlet_name"], list(r["figure_values"] or [r["min_value"], r["max_value"]]))
                              for r in mine[:CHART_OUTLETS]]))
    outlets = list(totals(rows, "outlet_name", "count_figures"))
    return legend(outlets[:30], colours) + charts.ranges(lines, colours, "figures reported by each outlet")


def story_section(rows: list[dict], colours: dict[str, str]) -> str:
    """story_clusters rows -> timeline of each story from its first to its last article, with dated ticks."""
    lines = [((r["titles"] or ["(untitled)"])[0], r["first_published_at"], r["last_published_at"],
              f"{charts.plural(r['count_articles'], 'article')} · {charts.plural(r['n_outlets'], 'outlet')}")
             for r in rows]
    return charts.timeline(lines, "stories from first to last article")


SECTIONS = (
    ("entity_coverage", "Coverage: who each outlet writes about",
     f"Mentions of the {CHART_ENTITIES} most mentioned entities: the {CHART_OUTLETS} outlets that mention them most, "
     "and every other outlet added up. The table gives each outlet's mentions per 100 of its articles, so large and "
     "small outlets compare.", coverage_section),
    ("alias_usage", "Spelling choices by outlet",
     "Entities written more than one way (capitalisation aside): each bar is one outlet's split between the "
     "spellings.", spelling_section),
    ("entity_descriptors", "How outlets describe people and organisations",
     "The words next to a name, for the most described entities, each on its own scale; \u201c(in a quote)\u201d "
     "marks words found inside a quotation: someone the outlet quotes said them.", descriptor_section),
    ("shared_quotes", "Shared quotes", "The same words quoted by several outlets, and which outlets carried them; "
     "open a row of the table for its articles.", quote_section),
    ("figures_across_outlets", "Figures side by side",
     "The same thing counted by different outlets: each line spans one outlet's lowest to highest value; each row "
     "has its own scale.", figure_section),
    ("story_clusters", "Story clusters", "Articles telling the same story, from the first published to the last; "
     "open a row of the table for its articles.", story_section),
)
