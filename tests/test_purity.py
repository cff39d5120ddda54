"""Transforms are pure: no Prefect, DuckDB, os or pathlib inside transforms/."""

import ast
from pathlib import Path

import pytest

FORBIDDEN = {"prefect", "duckdb", "os", "pathlib"}
TRANSFORMS = Path(__file__).resolve().parents[1] / "transforms"
MODULES = sorted(TRANSFORMS.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(TRANSFORMS).as_posix())
def test_transform_imports_nothing_impure(path):
    tree = ast.parse(path.read_text())
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module.split(".")[0])
    assert not imported & FORBIDDEN, imported & FORBIDDEN


def test_modules_found():
    assert len(MODULES) >= 8
