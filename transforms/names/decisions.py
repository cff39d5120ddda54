"""Accepted and rejected alias suggestions -> the entity table's next version and the decision log's rows."""

import re
from collections.abc import Mapping

from anyascii import anyascii

DECISION_COLUMNS = ("suggestion_id", "decision", "kind", "entity_id", "spellings")


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
