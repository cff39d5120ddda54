"""Where the start of a `crosswire run` goes, on the seeds: a run with nothing new, and what a run with work pays
before its first task (imports, the temporary Prefect API server, the flow's own start).

Every figure is the wall time of a fresh process, in a Prefect home of its own (its database made by a first run,
timed apart), as a user runs the command:

    .venv/bin/python -m benchmarks.startup [--repeat 2]
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds" / "articles"
CROSSWIRE = str(Path(sys.executable).with_name("crosswire"))
TARGET_NOOP_S = 8.0

# In a child: the command's way to a run with work, each step timed (the same calls as flows/cli.py's _run_flow).
STEPS = """
import json, sys, time
t0 = time.monotonic()
from flows import api_server
server = api_server.start_unless_named()
t1 = time.monotonic()
from flows.pipeline import run_folder
t2 = time.monotonic()
with api_server.serving(server):
    t3 = time.monotonic()
    run_folder(input_dir=sys.argv[1], warehouse_dir=sys.argv[2], full=True)
    t4 = time.monotonic()
    run_folder(input_dir=sys.argv[1], warehouse_dir=sys.argv[2], full=True)
    t5 = time.monotonic()
print(json.dumps({"start server process": t1 - t0, "import the flow (Prefect, transforms)": t2 - t1,
                  "wait for the server to answer": t3 - t2, "first flow run (seeds, --full)": t4 - t3,
                  "second flow run, same process": t5 - t4}))
"""


def _timed(args: list[str], env: dict[str, str]) -> tuple[float, str]:
    """A command in a fresh process -> (wall seconds, its stdout); RuntimeError if it fails."""
    started = time.perf_counter()
    done = subprocess.run(args, capture_output=True, text=True, env=env, cwd=ROOT, timeout=900)
    if done.returncode:
        raise RuntimeError(f"{args} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return time.perf_counter() - started, done.stdout


def _python(code: str, env: dict[str, str], *args: str) -> tuple[float, str]:
    return _timed([sys.executable, "-c", code, *args], env)


def _row(label: str, seconds: float | list[float], note: str = "") -> None:
    figures = ", ".join(f"{s:.1f} s" for s in (seconds if isinstance(seconds, list) else [seconds]))
    print(f"  {label:<52} {figures}{'   ' + note if note else ''}")


def measure(work: Path, repeat: int) -> None:
    """Print the breakdown of a no-op run and of the start of a run with work."""
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env.update(PREFECT_HOME=str(work / "prefect"), PREFECT_SERVER_ANALYTICS_ENABLED="false", DO_NOT_TRACK="1")
    warehouse, run = str(work / "wh"), [CROSSWIRE, "run", "--input", str(SEEDS)]
    print("a run with nothing new (crosswire run on a seeds warehouse)")
    _row("first run (new Prefect home: its database created)", _timed(run + ["--warehouse", warehouse], env)[0])
    noop = [_timed(run + ["--warehouse", warehouse], env)[0] for _ in range(repeat)]
    _row("re-run, nothing new", noop, f"target <= {TARGET_NOOP_S:.0f} s: "
         f"{'met' if max(noop) <= TARGET_NOOP_S else 'NOT met'}")
    _row("  of which: Python alone", _python("pass", env)[0])
    _row("  of which: importing the command (flows.cli)", _python("import flows.cli", env)[0])
    print("what a run with work pays before its first task")
    _row("importing the flow (flows.pipeline: Prefect, transforms)", _python("import flows.pipeline", env)[0])
    _row("importing Prefect's server app (prefect.server.api.server)",
         _python("import prefect.server.api.server", env)[0], "paid by the server process only")
    _row("Prefect's temporary server: start until it answers", _python(
        "from flows import api_server; api_server.TemporaryServer().start().wait(300)", env)[0])
    steps: dict[str, list[float]] = {}
    for _ in range(repeat):
        found = json.loads(_python(STEPS, env, str(SEEDS), str(work / "steps"))[1].splitlines()[-1])
        for name, seconds in found.items():
            steps.setdefault(name, []).append(seconds)
    for name, seconds in steps.items():
        _row(f"  {name}", seconds)
    full = run + ["--warehouse", str(work / "full"), "--full"]
    _row("crosswire run --full on the seeds (server started early)", [_timed(full, env)[0] for _ in range(repeat)])
    own = ("import sys; from flows.pipeline import run_folder; "
           "run_folder(input_dir=sys.argv[1], warehouse_dir=sys.argv[2], full=True)")
    _row("the flow from Python (Prefect starts its own server)",
         [_python(own, env, str(SEEDS), str(work / "own"))[0] for _ in range(repeat)])


def main() -> None:
    """Command line -> the printed breakdown."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=2, help="times each run is timed (default 2)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="crosswire-startup-") as work:
        measure(Path(work), args.repeat)


if __name__ == "__main__":
    main()
