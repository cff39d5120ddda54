"""Shared fixtures: the flow run once on the seeds (and once on a folder of bad input) under Prefect's harness."""

import os
import shutil
from pathlib import Path

import duckdb
import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds" / "articles"


def pytest_collection_modifyitems(config, items):
    if os.environ.get("CROSSWIRE_SLOW_TESTS") == "1":
        return
    skip = pytest.mark.skip(reason="slow end-to-end test: set CROSSWIRE_SLOW_TESTS=1 (CI does)")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def prefect_harness():
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=180):
        yield


@pytest.fixture(scope="session")
def seeds_warehouse(prefect_harness, tmp_path_factory) -> Path:
    from flows.pipeline import run_folder

    warehouse = tmp_path_factory.mktemp("seeds-warehouse")
    run_folder(input_dir=str(SEEDS), warehouse_dir=str(warehouse))
    return warehouse


@pytest.fixture()
def seeds_db(seeds_warehouse):
    con = duckdb.connect(str(seeds_warehouse / "crosswire.duckdb"), read_only=True)
    yield con
    con.close()


def copy_seeds(target: Path) -> Path:
    """Copy the seed articles and manifest into target; -> target."""
    shutil.copytree(SEEDS, target, dirs_exist_ok=True)
    return target
