"""Every example in the README runs: the SQL against the seeds' warehouse, the Python snippet from its folder."""

import re
from pathlib import Path

import pytest

README = (Path(__file__).resolve().parents[1] / "README.md").read_text()
SQL_EXAMPLES = re.findall(r"```sql\n(.*?)```", README, re.S)
PYTHON_EXAMPLES = re.findall(r"```python\n(.*?)```", README, re.S)


def test_readme_shows_exactly_the_two_commands():
    first_block = re.search(r"```sh\n(.*?)```", README, re.S).group(1)
    assert [line.split("#")[0].strip() for line in first_block.strip().splitlines()] == ["make run", "make test"]


@pytest.mark.parametrize("sql", SQL_EXAMPLES, ids=lambda s: s.split("\n")[0][:40])
def test_sql_example_runs_on_the_seeds(seeds_db, sql):
    rows = seeds_db.execute(sql).fetchall()
    if "quarantine" not in sql:
        assert rows


@pytest.mark.parametrize("code", PYTHON_EXAMPLES)
def test_python_example_runs(seeds_warehouse, tmp_path, monkeypatch, capsys, code):
    (tmp_path / "data").symlink_to(seeds_warehouse)
    monkeypatch.chdir(tmp_path)
    exec(compile(code, "README", "exec"), {})
    assert "TRT World" in capsys.readouterr().out
