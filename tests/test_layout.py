"""The direction of imports that keeps the layout readable: transforms stay pure and flow stage by stage
(ingest -> clean -> names -> compare -> report -> runs, `lexicon` shared), taking from the warehouse only plain
values (the table contracts, the report's row limits); the warehouse knows no transforms; and no module reaches
into another's private names."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
STAGES = ["ingest", "clean", "names", "compare", "report", "runs"]
SHARED = {"transforms.lexicon"}
# What transforms may take from the warehouse: table schemas and the report's row limits, plain values.
WAREHOUSE_VALUES = {"warehouse.contracts", "warehouse.report_queries"}


def _imports(path: Path) -> list[tuple[str, list[str]]]:
    """A module -> (imported module, names taken from it) for every import statement in it."""
    found = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found += [(alias.name, []) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.module, [alias.name for alias in node.names]))
    return found


def _modules(folder: str) -> list[Path]:
    return sorted((ROOT / folder).rglob("*.py"))


def _stage(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "transforms" and parts[1] in STAGES else None


def _imported_modules(module: str, names: list[str]) -> list[str]:
    """`from transforms.names import mentions` imports transforms.names.mentions: the stage is the same."""
    return [module] + [f"{module}.{name}" for name in names]


@pytest.mark.parametrize("path", _modules("transforms"), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_transforms_import_only_earlier_stages(path):
    own = _stage(".".join(path.relative_to(ROOT).with_suffix("").parts))
    for module, names in _imports(path):
        assert module.split(".")[0] not in {"flows", "prefect"}, module
        assert not module.startswith("warehouse") or module in WAREHOUSE_VALUES, module
        if not module.startswith("transforms"):
            continue
        for target in _imported_modules(module, names):
            if target in SHARED or module in SHARED:
                continue
            stage = _stage(target)
            assert stage is not None, f"{target}: transforms import stages or the shared lexicon only"
            assert own is not None and STAGES.index(stage) <= STAGES.index(own), f"{own} imports later {target}"


@pytest.mark.parametrize("path", _modules("transforms"), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_transforms_do_not_open_files(path):
    calls = [node.func.id for node in ast.walk(ast.parse(path.read_text()))
             if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)]
    assert "open" not in calls


@pytest.mark.parametrize("path", _modules("warehouse"), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_warehouse_imports_no_transforms_or_flows(path):
    assert not [m for m, _ in _imports(path) if m.split(".")[0] in {"transforms", "flows"}]


@pytest.mark.parametrize("path", _modules("flows") + _modules("transforms") + _modules("warehouse"),
                         ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_module_imports_private_names_of_another(path):
    own = ".".join(path.relative_to(ROOT).with_suffix("").parts)
    for module, names in _imports(path):
        if module.split(".")[0] in {"flows", "transforms", "warehouse"} and module != own:
            assert not [n for n in names if n.startswith("_")], (module, names)


def test_stage_order_is_the_folders():
    packages = {p.name for p in (ROOT / "transforms").iterdir() if (p / "__init__.py").is_file()}
    assert packages == set(STAGES)
    for stage in STAGES:
        assert ast.get_docstring(ast.parse((ROOT / "transforms" / stage / "__init__.py").read_text()))


def test_flow_modules_stay_small():
    sizes = {p.relative_to(ROOT).as_posix(): len(p.read_text().splitlines()) for p in _modules("flows")}
    assert max(sizes.values()) <= 300, sizes


def test_rules_catch_a_later_stage_import(tmp_path):
    module = tmp_path / "bad.py"
    module.write_text("from transforms.compare import figures\nfrom transforms.clean.articles import _private\n")
    imported = _imports(module)
    assert _stage(imported[0][0]) == "compare" and _stage(_imported_modules(*imported[0])[1]) == "compare"
    assert imported[1] == ("transforms.clean.articles", ["_private"])
