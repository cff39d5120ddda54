"""Inline SVG charts drawn from plain Python values: heatmap, grouped bars, dot matrix, ranges, timeline."""

import math
from datetime import UTC, datetime
from html import escape

# Tableau 10: distinct hues that stay apart for the common colour-vision deficiencies.
PALETTE = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
           "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac")
CHAR_WIDTH = 6.6  # px per character of 12px sans-serif: no font metrics here, so labels are clipped to fit
LIGHT, DARK = (239, 245, 252), (8, 64, 129)


def _hsl(hue: float, saturation: float, lightness: float) -> str:
    chroma = (1 - abs(2 * lightness - 1)) * saturation
    x = chroma * (1 - abs((hue / 60) % 2 - 1))
    r, g, b = [(chroma, x, 0), (x, chroma, 0), (0, chroma, x), (0, x, chroma), (x, 0, chroma), (chroma, 0, x)][
        int(hue // 60) % 6]
    m = lightness - chroma / 2
    return "#" + "".join(f"{round((v + m) * 255):02x}" for v in (r, g, b))


def colours_for(count: int) -> list[str]:
    """-> `count` distinct colours: the palette first, then hues a golden angle apart in three lightness bands."""
    found = list(PALETTE[:count])
    n = 0
    while len(found) < count:
        shade = _hsl((n * 137.508) % 360, (0.65, 0.5, 0.8)[n % 3], (0.42, 0.6, 0.3)[(n // 3) % 3])
        if shade not in found:
            found.append(shade)
        n += 1
    return found


def colour(index: int) -> str:
    """Series index -> a colour of its own (the palette, then generated: no two indexes share one)."""
    return colours_for(index + 1)[index]


def clip(text: str, limit: int) -> str:
    """Text -> at most `limit` characters, an ellipsis marking a cut."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def plural(count: int, noun: str) -> str:
    """Count and noun -> '1 outlet', '3 outlets'."""
    return f"{number(count)} {noun}{'' if count == 1 else 's'}"


def number(value: float | int | None) -> str:
    """Number -> short readable text: 380000 -> '380,000', 2.5 -> '2.5', None -> ''."""
    if value is None:
        return ""
    if float(value).is_integer():
        return f"{value:,.0f}"
    return f"{value:,.2f}".rstrip("0").rstrip(".") if abs(value) >= 1 else f"{value:.3g}"


def _text(x: float, y: float, text: str, cls: str = "", anchor: str = "start", extra: str = "") -> str:
    klass = f' class="{cls}"' if cls else ""
    return f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}"{klass}{extra}>{escape(text)}</text>'


def _rect(x: float, y: float, w: float, h: float, fill: str, tip: str = "", extra: str = "") -> str:
    title = f"<title>{escape(tip)}</title>" if tip else ""
    return f'<rect x="{x:.1f}" y="{y:.1f}" width="{max(w, 0):.1f}" height="{h:.1f}" fill="{fill}"{extra}>{title}</rect>'


def _label(x: float, y: float, text: str, limit: int, anchor: str = "end") -> str:
    """A label clipped to `limit` characters; a clipped one keeps its whole text as a tooltip."""
    shown = clip(text, limit)
    title = f"<title>{escape(str(text))}</title>" if shown != " ".join(str(text).split()) else ""
    return f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}">{escape(shown)}{title}</text>'


def _svg(width: float, height: float, label: str, body: list[str]) -> str:
    return (f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{escape(label)}" '
            f'width="{width:.0f}" height="{height:.0f}" viewBox="0 0 {width:.0f} {height:.0f}">'
            + "".join(body) + "</svg>")


def heat(fraction: float) -> str:
    """Share of the largest value (0..1) -> a light-to-dark blue; square root so small counts still show."""
    t = math.sqrt(min(max(fraction, 0.0), 1.0))
    r, g, b = (round(lo + (hi - lo) * t) for lo, hi in zip(LIGHT, DARK, strict=True))
    return f"#{r:02x}{g:02x}{b:02x}"


def _column_heads(names: list[str], x0: float, step: float, y: float) -> list[str]:
    return [_text(x0 + step * (i + 0.5), y, clip(name, 22), "head", extra=f' transform="rotate(-40 '
                  f'{x0 + step * (i + 0.5):.1f} {y:.1f})"') for i, name in enumerate(names)]


def _head_room(columns: list[str]) -> float:
    """Height the rotated column labels need (sin 40° of their clipped width)."""
    return 24 + 0.65 * CHAR_WIDTH * max((len(clip(c, 22)) for c in columns), default=4)


def heatmap(rows: list[str], columns: list[str], cells: dict[tuple[str, str], int], label: str) -> str:
    """Row and column labels + {(row, column): count} -> SVG grid with counts in cells and a colour scale."""
    cell_w, cell_h, top = 46, 22, _head_room(columns)
    left = 16 + 1.1 * CHAR_WIDTH * min(28, max(map(len, rows), default=4))
    top_value = max(cells.values(), default=0) or 1
    body = _column_heads(columns, left, cell_w, top - 6)
    for r, row in enumerate(rows):
        y = top + r * cell_h
        body.append(_label(left - 8, y + 15, row, 28))
        for c, column in enumerate(columns):
            value = cells.get((row, column), 0)
            fill = heat(value / top_value) if value else "#f7f7f7"
            body.append(_rect(left + c * cell_w + 1, y + 1, cell_w - 2, cell_h - 2, fill, f"{row} × {column}: {value}"))
            if value:
                ink = "cell-dark" if value / top_value > 0.3 else "cell"
                body.append(_text(left + (c + 0.5) * cell_w, y + 15, number(value), ink, "middle"))
    legend_y = top + len(rows) * cell_h + 18
    body += _scale(left, legend_y, top_value)
    # the last column's label leans right past the grid (rotated 40°)
    width = max(left + len(columns) * cell_w + 20 + 0.77 * CHAR_WIDTH * len(clip(columns[-1], 22)) if columns else 0,
                left + 330)
    return _svg(width, legend_y + 40, label, body)


def _scale(x: float, y: float, top_value: int) -> list[str]:
    body, last = [_text(x, y + 10, "mentions:", "muted")], None
    for i, share in enumerate((0.0, 0.04, 0.16, 0.36, 0.64, 1.0)):  # even colour steps on the square-root scale
        sx = x + 70 + i * 52
        body.append(_rect(sx, y, 48, 12, heat(share)))
        value = max(1, round(top_value * share))
        if value != last:  # a small top value has fewer steps than colours: each number once
            body.append(_text(sx + 24, y + 26, number(value), "muted", "middle"))
        last = value
    return body


def width(text: str, size: float = 12) -> float:
    """Rough rendered width of text in px: capitals are wider (no font metrics here)."""
    return sum(8.0 if c.isupper() else 6.2 for c in text) * size / 12


def swatches(keys: list[tuple[str, str]], x: float, y: float, span: tuple[float, float], limit: int = 26
             ) -> tuple[list[str], float]:
    """[(label, colour)] -> (SVG legend items from (x, y), the last line's y); lines wrap within span=(left, right)."""
    body, lines = [], 1
    for label, fill in keys:
        text = clip(label, limit)
        if x + 14 + width(text, 11) > span[1]:
            if lines == 3:  # a legend longer than that says less than the table below the chart
                return body + [_text(x, y, "…", "muted")], y
            x, y, lines = span[0], y + 16, lines + 1
        body.append(_rect(x, y - 9, 10, 10, fill))
        body.append(_text(x + 14, y, text, "muted"))
        x += 26 + width(text, 11)
    return body, y


def grouped_bars(groups: list[dict], label: str, share: bool, bar_width: float = 560) -> str:
    """Groups {label, legend: [(key, colour)], bars: [(label, [(key, value, colour)])]} -> stacked horizontal bars.

    share=True draws each bar as 100% (how an outlet splits its choices); otherwise lengths compare across the bars of
    one group, each group on its own scale (the longest bar of every group is full width)."""
    left, row_h, y, body = 250, 20, 4, []
    for group in groups:
        longest = max((sum(s[1] for s in bar[1]) for bar in group["bars"]), default=1) or 1
        body.append(_text(0, y + 14, clip(group["label"], 40), "group"))
        # Headings are bold and 13px: an eighth wider than the estimate, so the legend starts clear of them.
        start = 16 + 1.2 * width(clip(group["label"], 40), 13)
        keys, last = swatches(group.get("legend", []), start, y + 14, (left, left + bar_width + 20))
        body += keys
        y = last + 8
        for bar_label, segments in group["bars"]:
            total = sum(s[1] for s in segments) or 1
            scale = bar_width / (total if share else longest)
            body.append(_label(left - 8, y + 13, bar_label, 38))
            x = left
            for key, value, fill in segments:
                body.append(_rect(x, y + 2, value * scale, row_h - 4, fill, f"{bar_label} · {key}: {number(value)}"))
                if value * scale > 22:
                    body.append(_text(x + value * scale / 2, y + 14, number(value), "on-bar", "middle"))
                x += value * scale
            y += row_h
        y += 10
    return _svg(left + bar_width + 20, y + 4, label, body)


def dot_matrix(rows: list[tuple[str, set[str], str]], columns: list[str], colours: dict[str, str], label: str) -> str:
    """[(row label, columns present, right-hand note)] + column labels -> SVG grid of dots where present."""
    left, step, row_h, top = 12 + CHAR_WIDTH * min(60, max((len(r[0]) for r in rows), default=4)), 40, 24, 0
    top = _head_room(columns)
    body = _column_heads(columns, left, step, top - 6)
    for r, (row, present, note) in enumerate(rows):
        y = top + r * row_h
        body.append(_rect(0, y, left + step * len(columns), row_h, "#f6f8fa" if r % 2 else "#ffffff"))
        body.append(_label(left - 8, y + 16, row, 60))
        for c, column in enumerate(columns):
            cx = left + step * (c + 0.5)
            if column in present:
                body.append(f'<circle cx="{cx:.1f}" cy="{y + 12:.1f}" r="7" fill="{colours.get(column, PALETTE[0])}">'
                            f"<title>{escape(column)}</title></circle>")
            else:
                body.append(f'<circle cx="{cx:.1f}" cy="{y + 12:.1f}" r="2" fill="#c8ccd0"/>')
        body.append(_text(left + step * len(columns) + 10, y + 16, note, "muted"))
    return _svg(left + step * len(columns) + 120, top + len(rows) * row_h + 8, label, body)


def _placer(lo: float, hi: float, left: float, track: float):
    """A value range onto [left, left + track]; a range of one value sits in the middle."""
    if hi <= lo:
        return lambda v: left + track / 2
    return lambda v: left + track * (v - lo) / (hi - lo)


def ranges(rows: list[tuple[str, list[tuple[str, list[float]]]]], colours: dict[str, str], label: str) -> str:
    """[(row label, [(series, values)])] -> per row, one line per series from its lowest to highest value.

    Each row has its own scale (rows count different things), so only positions within a row compare."""
    left, track, y, body = 200, 520, 4, []
    for row, series in rows:
        values = [v for _, vs in series for v in vs]
        lo, hi = min(values, default=0.0), max(values, default=0.0)
        place = _placer(lo, hi, left, track)
        body.append(_text(0, y + 14, clip(row, 80), "group"))
        bottom = y + 22 + len(series) * 16
        body += [f'<line x1="{x}" x2="{x}" y1="{y + 22}" y2="{bottom}" class="axis"/>' for x in (left, left + track)]
        for s, (name, vs) in enumerate(series):
            sy = y + 30 + s * 16
            fill = colours.get(name, PALETTE[0])
            body.append(_text(left - 8, sy + 4, clip(name, 28), anchor="end"))
            if vs:
                body.append(f'<line x1="{place(min(vs)):.1f}" x2="{place(max(vs)):.1f}" y1="{sy}" y2="{sy}" '
                            f'stroke="{fill}" stroke-width="3"/>')
            body += [f'<circle cx="{place(v):.1f}" cy="{sy}" r="5" fill="{fill}"><title>{escape(name)}: '
                     f"{escape(number(v))}</title></circle>" for v in vs]
        body.append(_text(place(lo), bottom + 12, number(lo), "muted", "middle"))
        if hi > lo:
            body.append(_text(place(hi), bottom + 12, number(hi), "muted", "middle"))
        y = bottom + 26
    return _svg(left + track + 40, y + 4, label, body)


def _epoch(moment: datetime | None) -> float | None:
    if moment is None:
        return None
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).timestamp()


def ticks(lo: float, hi: float, most: int = 8) -> list[tuple[float, str]]:
    """A time range (epoch seconds) -> [(moment, label)]: years, quarters, months or days, at most `most`."""
    start, end = datetime.fromtimestamp(lo, tz=UTC), datetime.fromtimestamp(hi, tz=UTC)
    months = (end.year - start.year) * 12 + end.month - start.month
    step, fmt = next(((n, f) for n, f in ((12, "%Y"), (24, "%Y"), (48, "%Y"), (3, "%b %Y"), (1, "%b %Y"))
                      if months // n < most and (n < 12 or months >= 24)), (6, "%b %Y"))
    if months < 2:  # days: every day or every few
        every = max(1, int((hi - lo) // 86400) // most + 1)
        day0 = start.replace(hour=0, minute=0, second=0, microsecond=0).timestamp()
        return [(t, _day(t)[:10]) for t in (day0 + i * every * 86400 for i in range(most + 2)) if lo <= t <= hi]
    found, year, month = [], start.year, start.month
    while True:
        month += 1
        year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
        moment = datetime(year, month, 1, tzinfo=UTC)
        if moment.timestamp() > hi:
            return found
        if (year * 12 + month - 1) % step == 0:
            found.append((moment.timestamp(), moment.strftime(fmt)))


def timeline(rows: list[tuple[str, datetime | None, datetime | None, str]], label: str) -> str:
    """[(label, first, last, note)] -> SVG of one span per row on a shared time axis with dated ticks; undated rows
    say so."""
    left, track, row_h, top = 430, 480, 24, 30
    moments = [t for r in rows for t in map(_epoch, r[1:3]) if t is not None]
    lo, hi = min(moments, default=0.0), max(moments, default=0.0)
    place = _placer(lo, hi, left, track)
    bottom = top + len(rows) * row_h
    body = [_text(left, 12, _day(lo)[:10], "muted"), _text(left + track, 12, _day(hi)[:10], "muted", "end")] \
        if moments else []
    for moment, text in ticks(lo, hi) if hi > lo else []:
        x = place(moment)
        body.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top - 4}" y2="{bottom}" class="axis"/>')
        if left + 90 < x < left + track - 90:  # clear of the first and last dates above the ends
            body.append(_text(x, 12, text, "muted", "middle"))
    for r, (name, first, last, note) in enumerate(rows):
        y = top + r * row_h
        body.append(_rect(0, y, left + track + 150, row_h, "#f6f8fa" if r % 2 else "#ffffff", name))
        body.append(_label(left - 8, y + 16, name, 64))
        start, end = _epoch(first), _epoch(last if last is not None else first)
        if start is None:
            body.append(_text(left, y + 16, "no date", "muted"))
        else:
            x0, x1 = place(start), place(end)
            body.append(_rect(x0 - 4, y + 6, max(x1 - x0, 0) + 8, row_h - 12, colour(0), f"{name}: {note}",
                              ' rx="6"'))
        body.append(_text(left + track + 12, y + 16, note, "muted"))
    return _svg(left + track + 150, bottom + 6, label, body)


def _day(epoch: float) -> str:
    return datetime.fromtimestamp(epoch, tz=UTC).strftime("%Y-%m-%d %H:%M")
