"""Rows printed for people and for other programs: a terminal table (or one block per record when it is too wide),
CSV with lists as JSON arrays, JSON, or Markdown."""

import csv
import io
import json
from datetime import date, datetime
from decimal import Decimal

from rich.console import Console
from rich.table import Table

FORMATS = ("table", "csv", "json", "markdown")


def _plain(value: object) -> object:
    """A value from DuckDB -> what JSON can hold: times as ISO text, decimals as numbers, lists and dicts kept."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def text_of(value: object) -> str:
    """One cell -> text: empty for NULL, lists and dicts as JSON (unambiguous when an item holds a comma)."""
    if value is None:
        return ""
    if isinstance(value, list | tuple | dict):
        return json.dumps(_plain(value), ensure_ascii=False)
    return str(_plain(value))


def as_csv(columns: list[str], rows: list[tuple]) -> str:
    """Columns + rows -> CSV text with a header; lists as JSON arrays."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([text_of(v) for v in row] for row in rows)
    return out.getvalue()


def as_json(columns: list[str], rows: list[tuple]) -> str:
    """Columns + rows -> a JSON array of objects, one per row."""
    records = [{c: _plain(v) for c, v in zip(columns, row, strict=True)} for row in rows]
    return json.dumps(records, ensure_ascii=False, indent=1) + "\n"


def as_markdown(columns: list[str], rows: list[tuple]) -> str:
    """Columns + rows -> a Markdown pipe table (pipes and newlines in cells escaped)."""
    def cell(value: object) -> str:
        return text_of(value).replace("|", "\\|").replace("\n", "<br>")
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def table(title: str, columns: list[str], rows: list[tuple]) -> Table:
    """Columns + rows -> a rich table whose cells fold rather than being cut."""
    shown = Table(title=title or None, title_justify="left")
    for column in columns:
        shown.add_column(column, overflow="fold")
    for row in rows:
        shown.add_row(*(text_of(v) for v in row))
    return shown


def print_rows(console: Console, columns: list[str], rows: list[tuple], fmt: str = "table") -> None:
    """Rows to the console in a format; a table wider than the terminal prints one block per record instead."""
    if fmt != "table":
        writer = {"csv": as_csv, "json": as_json, "markdown": as_markdown}[fmt]
        console.file.write(writer(columns, rows))
        return
    shown = table("", columns, rows)
    natural = 1 + sum(3 + max([len(column)] + [len(text_of(row[i])) for row in rows])
                      for i, column in enumerate(columns))
    if natural <= console.width or len(columns) <= 2:
        console.print(shown)
        return
    width = max(map(len, columns))
    for n, row in enumerate(rows, start=1):
        console.print(f"[bold]── record {n} ──[/]")
        for column, value in zip(columns, row, strict=True):
            console.print(f"{column:<{width}}  {text_of(value)}", highlight=False, markup=False, soft_wrap=True)
    console.print(f"({len(rows)} rows, one block each: wider than the terminal; --format csv|json|markdown writes "
                  "them for other tools)", highlight=False)
