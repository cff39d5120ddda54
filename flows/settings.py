"""The one config object: read from CROSSWIRE_* environment variables once; defaults point at seeds/."""

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Settings:
    """Where input comes from, where the warehouse goes, and how big a batch is."""

    input_dir: str
    warehouse_dir: str
    entities_file: str
    outlets_file: str
    batch_size: int
    runner: str  # 'local' (threads in this process) or 'dask' (an existing Dask cluster at dask_address)
    dask_address: str | None


def _from_env() -> Settings:
    env = os.environ
    return Settings(
        input_dir=env.get("CROSSWIRE_INPUT", str(PROJECT_ROOT / "seeds" / "articles")),
        warehouse_dir=env.get("CROSSWIRE_WAREHOUSE", "data"),
        entities_file=env.get("CROSSWIRE_ENTITIES", str(PROJECT_ROOT / "seeds" / "entities.csv")),
        outlets_file=env.get("CROSSWIRE_OUTLETS", str(PROJECT_ROOT / "seeds" / "outlets.csv")),
        # a bad value is reported by the CLI, which checks every option before a run starts
        batch_size=int(batch) if (batch := env.get("CROSSWIRE_BATCH_SIZE", "500")).isdigit() and int(batch) else 500,
        runner=env.get("CROSSWIRE_RUNNER", "local"),
        dask_address=env.get("CROSSWIRE_DASK_ADDRESS") or None,
    )


SETTINGS = _from_env()
