"""The versioned tables beside the input: entities, outlets and the alias decision log; and the version of
everything besides the input that decides a run's tables."""

import csv
import hashlib
import io
import os
from pathlib import Path

from flows.storage.catalog import query
from flows.storage.fs import InputError
from transforms.names.decisions import DECISION_COLUMNS

ENTITY_COLUMNS = ("entity_id", "canonical_name", "entity_type", "aliases")
DECISIONS = "alias_decisions.csv"
PROJECT_ROOT = Path(__file__).resolve().parents[2]


def versions(entities_file: str, outlets_file: str) -> list[str]:
    """Hashes of what besides the input decides the tables: entity and outlet tables, alias decisions, the code."""
    code = sorted(PROJECT_ROOT.glob("transforms/**/*.py")) + [PROJECT_ROOT / "warehouse" / "contracts.py"]
    files = [Path(entities_file), Path(outlets_file), Path(entities_file).parent / DECISIONS] + code
    return [hashlib.sha256(path.read_bytes()).hexdigest()[:12] if path.is_file() else "none" for path in files]


def read_entities(path: str) -> tuple[list[dict], str]:
    """Entity table CSV -> (rows, version: a content hash of the file)."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"entity table {path} cannot be read: {exc.strerror}") from exc
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig")))), hashlib.sha256(data).hexdigest()[:12]


def read_outlets(path: str) -> list[dict]:
    """Outlet table CSV (outlet_id, canonical_name, aliases, domains) -> rows; no file, no rows."""
    if not Path(path).is_file():
        return []
    return list(csv.DictReader(io.StringIO(Path(path).read_bytes().decode("utf-8-sig"))))


def decisions_file(entities_file: str) -> Path:
    """The alias decision log lives beside the entity table it edits."""
    return Path(entities_file).with_name(DECISIONS)


def read_alias_decisions(entities_file: str) -> list[dict]:
    """The entity table's decision log (accepted and rejected suggestions) -> rows; no log, no rows."""
    path = decisions_file(entities_file)
    if not path.is_file():
        return []
    return list(csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8-sig"))))


def read_suggestion(warehouse_dir: str, suggestion_id: str) -> dict:
    """A suggestion id (or a unique prefix of one) -> its row in the catalog's alias_suggestions."""
    columns, rows = query(warehouse_dir, "select * from alias_suggestions")
    found = [dict(zip(columns, r, strict=True)) for r in rows if r[0].startswith(suggestion_id.strip())]
    if len(found) != 1:
        raise InputError(f"{len(found) or 'no'} alias suggestions match {suggestion_id!r} in {warehouse_dir}")
    return found[0]


def read_entity(warehouse_dir: str, entity_id: str) -> dict:
    """An entity id -> its row in the catalog's entities (curated or discovered)."""
    columns, rows = query(warehouse_dir, f"select * from entities where entity_id = '{entity_id.replace(chr(39), '')}'")
    if not rows:
        raise InputError(f"no entity {entity_id!r} in {warehouse_dir}")
    return dict(zip(columns, rows[0], strict=True))


def _replace_text(path: Path, text: str) -> None:
    partial = path.with_name(path.name + ".partial")
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, path)


def save_alias_decision(entities_file: str, entity_rows: list[dict] | None, decision: dict) -> None:
    """Write the entity table's next version (when given) and append the decision to its log."""
    if entity_rows is not None:
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=ENTITY_COLUMNS, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows(entity_rows)
        _replace_text(Path(entities_file), out.getvalue())
    path = decisions_file(entities_file)
    old = path.read_text(encoding="utf-8") if path.is_file() else ""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=DECISION_COLUMNS, lineterminator="\n")
    if not old:
        writer.writeheader()
    writer.writerow(decision)
    _replace_text(path, old + out.getvalue())
