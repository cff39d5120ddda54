"""Catalog rows -> the compact data the report's filters and tables work on: outlets, entities, days and articles as
indexes, counts as small arrays (entity, outlet, day, …, count) that the page adds up for any filter."""

import json
from datetime import date, datetime

from transforms.report.charts import colours_for


class _Index:
    """Values -> small integers, in order of first sight."""

    def __init__(self) -> None:
        self.at: dict = {}

    def __call__(self, value) -> int:
        return self.at.setdefault(value, len(self.at))

    def values(self) -> list:
        return list(self.at)


def _day(value: date | datetime | None) -> str:
    return "" if value is None else value.strftime("%Y-%m-%d")


def outlet_order(data: dict[str, list[dict]]) -> list[str]:
    """Every outlet of the warehouse -> names, most articles first, then any that only the marts name."""
    totals: dict[str, int] = {}
    for row in data.get("outlet_days", []):
        totals[row["outlet_name"]] = totals.get(row["outlet_name"], 0) + row["count_articles"]
    names = sorted(totals, key=lambda n: (-totals[n], n))
    seen = set(names)
    more = [r["outlet_name"] for view in ("entity_coverage", "alias_usage", "entity_descriptors",
                                          "figures_across_outlets", "articles") for r in data.get(view, [])]
    more += [name for view in ("shared_quotes", "story_clusters") for r in data.get(view, [])
             for name in r.get("outlets") or []]
    for name in more:
        if name not in seen:
            seen.add(name)
            names.append(name)
    return names


def build(data: dict[str, list[dict]]) -> dict:
    """{query name: rows} (as flows.storage.report_data returns) -> the page's data (JSON-ready)."""
    outlets = outlet_order(data)
    by_name = {name: i for i, name in enumerate(outlets)}
    day, entity, word = _Index(), _Index(), _Index()
    day("")  # index 0: no date
    articles = [{"id": r["doc_id"], "title": r["title"] or r["source_path"], "o": by_name[r["outlet_name"]],
                 "d": day(_day(r["day"])), "url": r["url"]} for r in data.get("articles", [])]
    at = {a["id"]: i for i, a in enumerate(articles)}

    def key(row):
        return entity((row["entity_id"], row["canonical_name"], row.get("entity_type") or "")), by_name[
            row["outlet_name"]], day(_day(row["day"]))

    payload = {
        "outlets": [{"name": n, "colour": c} for n, c in zip(outlets, colours_for(len(outlets)), strict=True)],
        "outlet_days": [[by_name[r["outlet_name"]], day(_day(r["day"])), r["count_articles"]]
                        for r in data.get("outlet_days", [])],
        "coverage": [[*key(r), r["count_mentions"], r["count_articles"]] for r in data.get("entity_coverage", [])],
        "spellings": [[*key(r), word(r["spelling"]), r["count_mentions"]] for r in data.get("alias_usage", [])],
        "descriptors": [[*key(r), word(r["descriptor"]), int(bool(r["is_quoted"])), word(r["kind"]),
                         r["count_descriptors"]] for r in data.get("entity_descriptors", [])],
        "quotes": [{"text": r["text"], "speaker": r["speaker_name"] or "", "outlets": r["outlets"] or [],
                    "speaker_e": r["speaker_entity_id"] or "",
                    "docs": [at[d] for d in r.get("doc_ids") or [] if d in at]} for r in data.get("shared_quotes", [])],
        "stories": [{"title": (r["titles"] or ["(untitled)"])[0], "outlets": r["outlets"] or [],
                     "count": r["count_articles"], "docs": [at[d] for d in r.get("doc_ids") or [] if d in at]}
                    for r in data.get("story_clusters", [])],
        "figures": [{"what": r["what"] or "", "unit": r["unit"] or "", "o": by_name[r["outlet_name"]],
                     "count": r["count_figures"], "min": r["min_value"], "max": r["max_value"],
                     "example": (r["examples"] or [""])[0]} for r in data.get("figures_across_outlets", [])],
        "articles": articles,
    }
    payload["entities"] = [{"id": i, "name": n, "type": t} for i, n, t in entity.values()]
    payload["days"] = day.values()
    payload["words"] = word.values()
    return payload


def as_script(payload: dict) -> str:
    """The page's data as JSON safe inside a <script> element (no '<' at all, no line separators)."""
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), default=str)
    return text.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
