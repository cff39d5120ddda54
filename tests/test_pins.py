"""pyproject.toml's pins: each package once, at the version requirements.lock installs."""

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _name(requirement: str) -> str:
    return re.split(r"[=<>!~\[ ;]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def _pyproject_pins() -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return project["dependencies"] + [r for extra in project["optional-dependencies"].values() for r in extra]


def _locked() -> dict[str, str]:
    lines = (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines()
    pins = [line.split("#")[0].strip() for line in lines]
    return {_name(pin): pin.split("==", 1)[1] for pin in pins if "==" in pin}


def test_every_dependency_is_listed_once():
    names = [_name(r) for r in _pyproject_pins()]
    assert sorted({n for n in names if names.count(n) > 1}) == []


def test_every_dependency_is_pinned_at_the_locked_version():
    locked = _locked()
    wrong = [r for r in _pyproject_pins() if "==" not in r or locked.get(_name(r)) != r.split("==", 1)[1]]
    assert wrong == []
