"""Accepted and rejected alias suggestions -> the entity table's next version and the decision log's rows."""

import re
from collections.abc import Mapping

from anyascii import anyascii

DECISION_COLUMNS = ("suggestion_id", "decision", "kind", "entity_id", "spellings")
# Decisions on discovered entities; `spellings` holds the other entity, the spelling or the new name.
ENTITY_DECISIONS = ("merged", "split", "renamed", "promoted")


def slug(name: str) -> str:
    """'Volodymyr Zelensky' -> 'volodymyr-zelensky': an entity id from a name."""
    return re.sub(r"[^a-z0-9]+", "-", anyascii(name).casefold()).strip("-") or "entity"


def _decision(suggestion: Mapping, decision: str, entity_id: str | None) -> dict:
    return {"suggestion_id": suggestion["suggestion_id"], "decision": decision, "kind": suggestion["kind"],
            "entity_id": entity_id or "", "spellings": "|".join(suggestion["spellings"])}


def reject(suggestion: Mapping) -> dict:
    """A suggestion -> its decision row: never propose these spellings for this entity again."""
    return _decision(suggestion, "rejected", suggestion.get("entity_id"))


def accept(rows: list[Mapping[str, str]], suggestion: Mapping, entity_type: str | None = None
           ) -> tuple[list[dict], dict]:
    """Entity table rows (aliases 'a|b') + a suggestion (+ a type for a new entity) -> (the rows with its spellings
    as aliases of the entity, or with a new entity row; the decision row)."""
    out = [dict(r) for r in rows]
    if suggestion["kind"] == "merge":  # two discovered entities: the next run merges them
        return out, entity_decision("merged", suggestion["matched_variant"], suggestion["entity_id"]) | {
            "suggestion_id": suggestion["suggestion_id"]}
    if suggestion["entity_id"]:
        entity_id = suggestion["entity_id"]
        row = next((r for r in out if r["entity_id"] == entity_id), None)
        if row is None:
            raise ValueError(f"entity {entity_id} is not in the entity table")
        aliases = [a for a in (row.get("aliases") or "").split("|") if a]
        known = {a.casefold() for a in aliases} | {row["canonical_name"].casefold()}
        row["aliases"] = "|".join(aliases + [s for s in suggestion["spellings"] if s.casefold() not in known])
    else:
        taken = {r["entity_id"] for r in out}
        entity_id = base = slug(suggestion["canonical_name"])
        n = 1
        while entity_id in taken:
            n += 1
            entity_id = f"{base}-{n}"
        others = [s for s in suggestion["spellings"] if s.casefold() != suggestion["canonical_name"].casefold()]
        out.append({"entity_id": entity_id, "canonical_name": suggestion["canonical_name"],
                    "entity_type": entity_type or suggestion["entity_type"], "aliases": "|".join(others)})
    return out, _decision(suggestion, "accepted", entity_id)


def entity_decision(decision: str, entity_id: str, value: str) -> dict:
    """'merged' (into the entity `value`), 'split' (the spelling `value` out of it) or 'renamed' (to `value`) ->
    the decision row the next run applies to a discovered entity."""
    if decision not in ENTITY_DECISIONS:
        raise ValueError(f"decision must be one of {ENTITY_DECISIONS}")
    return {"suggestion_id": "", "decision": decision, "kind": "entity", "entity_id": entity_id, "spellings": value}


def promote(rows: list[Mapping[str, str]], entity: Mapping, entity_type: str | None = None
            ) -> tuple[list[dict], dict]:
    """Entity table rows + a discovered entity (entity_id, canonical_name, entity_type, aliases) -> (the rows with it
    as a curated row under the same id, so ids stay; the decision row)."""
    if any(r["entity_id"] == entity["entity_id"] for r in rows):
        raise ValueError(f"entity {entity['entity_id']} is already in the entity table")
    kind = entity_type or (entity["entity_type"] if entity["entity_type"] != "unknown" else None)
    if kind is None:
        raise ValueError("this entity's type is unknown: give one with --type")
    aliases = [a for a in entity["aliases"] if a.casefold() != entity["canonical_name"].casefold()]
    row = {"entity_id": entity["entity_id"], "canonical_name": entity["canonical_name"], "entity_type": kind,
           "aliases": "|".join(aliases)}
    return [dict(r) for r in rows] + [row], entity_decision("promoted", entity["entity_id"], entity["canonical_name"])
