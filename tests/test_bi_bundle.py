"""The Superset bundle: stable views keep their columns, datasets use only them, charts and filters fit together."""

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
import yaml

from warehouse.bi_views import STABLE_VIEWS

ROOT = Path(__file__).resolve().parents[1]
BUNDLE = ROOT / "bi" / "bundle"


def _load(folder: str) -> dict[str, dict]:
    return {path.stem: yaml.safe_load(path.read_text(encoding="utf-8")) for path in (BUNDLE / folder).rglob("*.yaml")}


DATASETS, CHARTS = _load("datasets"), _load("charts")
DASHBOARD = _load("dashboards")["crosswire"]
SERVE_SPEC = importlib.util.spec_from_file_location("bi_serve", ROOT / "bi" / "serve.py")
serve = importlib.util.module_from_spec(SERVE_SPEC)
SERVE_SPEC.loader.exec_module(serve)


def _columns(con, view: str) -> dict[str, str]:
    rows = con.execute("select column_name, data_type from information_schema.columns where table_name = ? "
                       "order by ordinal_position", [view]).fetchall()
    return dict(rows)


def test_stable_views_have_their_columns_and_types(seeds_db):
    for view, columns in STABLE_VIEWS.items():
        actual = _columns(seeds_db, view)
        assert {name: actual.get(name) for name in columns} == columns, view


def test_readme_lists_the_stable_views():
    section = (ROOT / "README.md").read_text(encoding="utf-8").split("## Dashboards and other BI tools")[1]
    section = section.split("\n## ")[0]
    listed = dict(re.findall(r"^\| `(\w+)` \| (.+?) \|$", section, re.M))
    assert set(listed) == set(STABLE_VIEWS)
    for view, columns in STABLE_VIEWS.items():
        assert re.findall(r"`(\w+)`", listed[view]) == list(columns), view


@pytest.fixture()
def contract_only(seeds_warehouse):
    """A connection where each stable view shows only its contract's columns (nothing else of the catalog)."""
    con = duckdb.connect()
    con.execute(f"set file_search_path = '{seeds_warehouse}'")
    con.execute(f"attach '{seeds_warehouse / 'crosswire.duckdb'}' as wh (read_only)")
    con.execute("set TimeZone = 'UTC'")
    for view, columns in STABLE_VIEWS.items():
        con.execute(f"create view {view} as select {', '.join(columns)} from wh.{view}")
    yield con
    con.close()


@pytest.mark.parametrize("name", sorted(DATASETS))
def test_dataset_sql_needs_only_stable_columns_and_gives_its_columns(contract_only, name):
    dataset = DATASETS[name]
    result = contract_only.execute(dataset["sql"])
    assert [d[0] for d in result.description] == [c["column_name"] for c in dataset["columns"]]
    assert result.fetchall(), f"{name} has no rows on the seeds"
    assert dataset["database_uuid"] == _load("databases")["crosswire"]["uuid"]


def test_datasets_name_the_views_they_depend_on():
    for name, dataset in DATASETS.items():
        used = set(re.findall(r"\b(?:from|join)\s+(\w+)", dataset["sql"])) - set(re.findall(r"(\w+) as \(",
                                                                                             dataset["sql"]))
        assert used and used <= set(STABLE_VIEWS), (name, used)
        for view in used:
            assert f"{view}(" in dataset["description"], (name, view)


def test_coverage_rates_agree_with_the_mart(contract_only):
    rows = contract_only.execute(f"select entity_id, outlet, count_articles, count_mentions, outlet_articles from "
                                 f"({DATASETS['crosswire_coverage']['sql']}) where entity_id = 'khalifa-haftar' "
                                 f"and outlet = 'TRT World'").fetchall()
    mart = contract_only.execute("select count_articles, count_mentions from entity_coverage where entity_id = "
                                 "'khalifa-haftar' and outlet_name = 'TRT World'").fetchone()
    total = contract_only.execute("select count(*) from articles where outlet_name = 'TRT World'").fetchone()[0]
    assert rows == [("khalifa-haftar", "TRT World", *mart, total)] and total == 2


def _chart_fields(params: dict) -> set[str]:
    """Chart params -> the dataset columns and saved metrics it names."""
    names = set()
    for key in ("x_axis", "groupby", "groupbyRows", "groupbyColumns", "metric", "metrics", "y_axis", "series",
                "start_time", "end_time", "tooltip_columns", "tooltip_metrics", "timeseries_limit_metric"):
        value = params.get(key)
        names.update([value] if isinstance(value, str) else value or [])
    names.update(f["subject"] for f in params.get("adhoc_filters", []))
    return names


def test_charts_use_their_datasets_columns_and_metrics():
    by_uuid = {d["uuid"]: d for d in DATASETS.values()}
    for name, chart in CHARTS.items():
        dataset = by_uuid[chart["dataset_uuid"]]
        known = {c["column_name"] for c in dataset["columns"]} | {m["metric_name"] for m in dataset["metrics"]}
        assert _chart_fields(chart["params"]) <= known, (name, _chart_fields(chart["params"]) - known)
        assert chart["params"]["viz_type"] == chart["viz_type"]


def test_dashboard_places_every_chart_and_filters_fit_their_charts():
    position = DASHBOARD["position"]
    placed = {item["meta"]["uuid"]: item["meta"]["chartId"] for item in position.values()
              if isinstance(item, dict) and item.get("type") == "CHART"}
    assert set(placed) == {c["uuid"] for c in CHARTS.values()}
    chart_of = {placed[c["uuid"]]: c for c in CHARTS.values()}
    by_uuid = {d["uuid"]: d for d in DATASETS.values()}
    filters = {f["name"]: f for f in DASHBOARD["metadata"]["native_filter_configuration"]}
    assert set(filters) == {"Date range", "Outlet", "Entity"}
    for name, native in filters.items():
        in_scope = [chart_of[i] for i in set(chart_of) - set(native["scope"]["excluded"])]
        assert in_scope, name
        column = native["targets"][0].get("column", {}).get("name")
        for chart in in_scope:
            columns = {c["column_name"]: c for c in by_uuid[chart["dataset_uuid"]]["columns"]}
            if column:
                assert column in columns, (name, chart["slice_name"])
            else:  # the date range applies through a chart's time-range filter on a time column
                subjects = [f["subject"] for f in chart["params"]["adhoc_filters"] if f["operator"] == "TEMPORAL_RANGE"]
                assert subjects and columns[subjects[0]]["is_dttm"], chart["slice_name"]


def test_bundle_points_its_database_at_the_catalog_read_only(tmp_path):
    catalog = tmp_path / "wh" / "crosswire.duckdb"
    contents = serve.bundle_contents(BUNDLE, catalog)
    database = yaml.safe_load(contents["databases/crosswire.yaml"])
    assert database["sqlalchemy_uri"] == f"duckdb:///{catalog}" and catalog.is_absolute()
    assert database["extra"]["engine_params"]["connect_args"] == {"read_only": True}
    assert contents["metadata.yaml"].startswith("version: 1.0.0") and len(contents) == 1 + 1 + 8 + 11 + 1


@pytest.mark.parametrize("env, message", [
    ({}, "set CROSSWIRE_BI_USER and CROSSWIRE_BI_PASSWORD"),
    ({"CROSSWIRE_BI_USER": "ana"}, "set CROSSWIRE_BI_USER and CROSSWIRE_BI_PASSWORD"),
    ({"CROSSWIRE_BI_USER": "ana", "CROSSWIRE_BI_PASSWORD": "pw", "CROSSWIRE_WAREHOUSE": "nowhere"}, "no catalog at"),
    ({"CROSSWIRE_BI_USER": "ana", "CROSSWIRE_BI_PASSWORD": "pw", "CROSSWIRE_WAREHOUSE": "s3://bucket/wh"},
     "on local disk"),
])
def test_bring_up_refuses_without_a_login_or_a_catalog(tmp_path, env, message):
    clean = {k: v for k, v in os.environ.items() if not k.startswith("CROSSWIRE_")}
    result = subprocess.run([sys.executable, str(ROOT / "bi" / "serve.py")], env={**clean, **env}, cwd=tmp_path,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and message in result.stderr and result.stderr.count("\n") == 1
    assert not (tmp_path / "bi").exists() and not any(tmp_path.iterdir())


def test_settings_resolve_the_warehouse_from_the_working_directory(tmp_path):
    (tmp_path / "wh").mkdir()
    (tmp_path / "wh" / "crosswire.duckdb").write_bytes(b"")
    config = serve.settings({"CROSSWIRE_BI_USER": "ana", "CROSSWIRE_BI_PASSWORD": "pw", "CROSSWIRE_WAREHOUSE": "wh",
                             "CROSSWIRE_BI_HOME": "home", "CROSSWIRE_BI_PORT": "9001"}, tmp_path)
    assert config["catalog"] == tmp_path / "wh" / "crosswire.duckdb" and config["home"] == tmp_path / "home"
    assert config["port"] == 9001
    key = serve.secret_key(config["home"], "")
    assert len(key) > 40 and serve.secret_key(config["home"], "") == key
    assert oct((config["home"] / "secret_key").stat().st_mode & 0o777) == "0o600"
