"""The Superset dashboard end to end: `make bi` on a free loopback port, a real browser, a new run on reload (slow)."""

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import duckdb
import pytest

from tests.conftest import copy_seeds

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[1]
CROSSWIRE = str(Path(sys.executable).with_name("crosswire"))
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
LOGIN = {"CROSSWIRE_BI_USER": "analyst", "CROSSWIRE_BI_PASSWORD": "a-test-only-password"}
N_CHARTS = 11

# Three outlets telling one story over two days: a shared quote, figures on the same thing, two spellings.
WIRE = [
    ("Coastline Herald", "2020-06-20T08:00:00Z", "Fighters leave Sirte as talks resume",
     'Khalifa Haftar\'s forces pulled 2,000 fighters out of Sirte on Saturday. "There is no military solution in '
     'Libya," Fayez al-Sarraj said in Tripoli. Talks between the rival governments resume in Geneva next week.'),
    ("Valley Courier", "2020-06-20T15:30:00Z", "Haftar pulls fighters from Sirte ahead of Geneva talks",
     'About 1,500 fighters loyal to Khalifa Haftar left Sirte on Saturday, officials said. "There is no military '
     'solution in Libya," Fayez al-Serraj told reporters in Tripoli before the Geneva talks resume next week.'),
    ("Metro Ledger", "2020-06-21T09:15:00Z", "Sirte withdrawal: Serraj says no military solution",
     'Fayez al-Serraj said on Sunday: "There is no military solution in Libya." Some 2,000 fighters of Khalifa '
     'Haftar left Sirte on Saturday, and the talks in Geneva resume next week.'),
    ("Metro Ledger", "2020-06-22T11:00:00Z", "Egypt hosts Libyan tribal leaders in Cairo",
     "Egypt hosted Libyan tribal leaders in Cairo on Monday. Khalifa Haftar did not attend the meeting, and Egypt "
     "said 300 delegates had come from eastern Libya."),
]
NEW = ("Harbour Gazette", "2020-06-23T07:45:00Z", "Geneva talks on Libya open without Haftar",
       "Talks on Libya opened in Geneva on Tuesday without Khalifa Haftar, whose forces left Sirte at the weekend. "
       "Fayez al-Sarraj sent 12 delegates.")


def _jsonl(rows) -> str:
    return "".join(json.dumps({"outlet": o, "published_at": at, "title": title, "text": f"{title}\n\n{text}"}) + "\n"
                   for o, at, title, text in rows)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _crosswire_run(inbox: Path, warehouse: Path, home: Path) -> float:
    env = {**os.environ, "PREFECT_HOME": str(home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    env.pop("PREFECT_API_URL", None)
    started = time.monotonic()
    result = subprocess.run([CROSSWIRE, "run", "--input", str(inbox), "--warehouse", str(warehouse)], env=env,
                            capture_output=True, text=True, timeout=600, cwd=home.parent)
    assert result.returncode == 0, result.stderr[-3000:]
    return time.monotonic() - started


def _query(warehouse: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(warehouse / "crosswire.duckdb"), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


class Superset:
    """`make bi` in its own process group, and how long it took to answer on /health."""

    def __init__(self, warehouse: Path, home: Path, log: Path):
        self.port, self.log = _free_port(), log
        env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS")}
        env.update(LOGIN, CROSSWIRE_WAREHOUSE=str(warehouse), CROSSWIRE_BI_HOME=str(home),
                   CROSSWIRE_BI_PORT=str(self.port))
        started = time.monotonic()
        with open(log, "ab") as out:
            self.process = subprocess.Popen(["make", "-s", "bi"], cwd=ROOT, env=env, stdout=out,
                                            stderr=subprocess.STDOUT, start_new_session=True)
        self.url = f"http://127.0.0.1:{self.port}"
        deadline = started + 1500  # a cold bring-up installs Superset first
        while not self._healthy():
            tail = log.read_text(errors="replace")[-3000:]
            assert self.process.poll() is None, f"make bi exited {self.process.returncode}:\n{tail}"
            assert time.monotonic() < deadline, f"Superset did not come up:\n{tail}"
            time.sleep(1)
        self.seconds = time.monotonic() - started

    def _healthy(self) -> bool:
        try:
            with urllib.request.urlopen(f"{self.url}/health", timeout=2) as response:
                return response.status == 200
        except OSError:
            return False

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


@pytest.fixture(scope="module")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"the dashboard test needs {CHROMIUM} (apt-get install chromium; `make test` does it as root)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        chromium = driver.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        yield chromium
        chromium.close()


def _log_in(browser, url: str):
    page = browser.new_context(viewport={"width": 1600, "height": 3000}).new_page()
    page.goto(f"{url}/login/")
    page.fill("#username", LOGIN["CROSSWIRE_BI_USER"])
    page.fill("#password", LOGIN["CROSSWIRE_BI_PASSWORD"])
    page.keyboard.press("Enter")
    page.wait_for_url("**/superset/welcome/**", timeout=60000)
    return page


def _open_dashboard(page, url: str, shot: Path, filters: str = "") -> dict[str, dict]:
    """Open (or reload) the dashboard, wait for every chart's data; -> chart name: its chart data API answer."""
    charts = {c["id"]: c["slice_name"] for c in page.request.get(f"{url}/api/v1/dashboard/crosswire/charts")
              .json()["result"]}
    assert len(charts) == N_CHARTS
    answers: dict[str, dict] = {}

    def record(response):
        if "/api/v1/chart/data" in response.url and response.request.method == "POST":
            form = response.request.post_data_json.get("form_data", {})
            answers[charts.get(form.get("slice_id"), "?")] = {"status": response.status, **response.json()}

    page.on("response", record)
    page.goto(f"{url}/superset/dashboard/crosswire/" + (f"?native_filters={filters}" if filters else ""))
    deadline = time.monotonic() + 180
    while set(charts.values()) - set(answers) and time.monotonic() < deadline:
        page.wait_for_timeout(500)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(2000)  # let the charts draw what they received
    page.remove_listener("response", record)
    page.screenshot(path=str(shot))
    assert set(answers) >= set(charts.values()), set(charts.values()) - set(answers)
    errors = page.locator("[data-test='error-message'], .alert-danger")
    assert errors.count() == 0, [errors.nth(i).inner_text() for i in range(errors.count())]
    assert page.locator("[data-test='chart-container']").count() == N_CHARTS
    for name, answer in answers.items():
        assert answer["status"] == 200 and answer["result"][0].get("error") is None, (name, answer)
        assert answer["result"][0]["rowcount"] > 0 or filters, name  # a filter may leave a chart empty
    return answers


def _rows(answer: dict) -> list[dict]:
    return answer["result"][0]["data"]


def _filters(outlet: str, time_range: str) -> str:
    """An outlet and a date range -> the dashboard's native filters as its URL carries them (rison)."""
    return (f"(NATIVE_FILTER-outlet:(id:NATIVE_FILTER-outlet,extraFormData:(filters:!((col:outlet,op:IN,"
            f"val:!('{outlet}')))),filterState:(value:!('{outlet}')),ownState:()),"
            f"NATIVE_FILTER-date-range:(id:NATIVE_FILTER-date-range,extraFormData:(time_range:'{time_range}'),"
            f"filterState:(value:'{time_range}'),ownState:()))")


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    folder = os.environ.get("CROSSWIRE_BI_SCREENSHOTS")
    return Path(folder) if folder else tmp_path_factory.mktemp("screenshots")


def test_dashboard_draws_every_chart_and_shows_a_new_run_on_reload(browser, shots, tmp_path):
    inbox, warehouse, home = copy_seeds(tmp_path / "inbox"), tmp_path / "wh", tmp_path / "bi-home"
    (inbox / "wire.jsonl").write_text(_jsonl(WIRE), encoding="utf-8")
    _crosswire_run(inbox, warehouse, tmp_path / "prefect")
    cold = not (ROOT / "bi" / ".venv" / ".installed").exists()
    superset = Superset(warehouse, home, tmp_path / "superset.log")
    try:
        print(f"\nSuperset up in {superset.seconds:.1f} s ({'installing its environment, ' if cold else ''}"
              f"new metadata database)")
        page = _log_in(browser, superset.url)
        answers = _open_dashboard(page, superset.url, shots / "dashboard.png")
        articles = _query(warehouse, "select count(*) from articles")[0][0]
        assert articles == 9 and _rows(answers["Articles"]) == [{"articles": 9}]
        assert "Metro Ledger" in page.locator("[data-test='dashboard-grid'], .grid-content").inner_text()
        coverage = {(r["entity"], r["outlet"]): r["mentions"] for r in _rows(answers["Coverage per article"])}
        expected = _query(warehouse, "select canonical_name, outlet_name, count_mentions from entity_coverage")
        assert coverage == {(name, outlet): n for name, outlet, n in expected}
        assert coverage[("Khalifa Haftar", "Valley Courier")] == 2
        quotes = _rows(answers["Shared quotes and the outlets carrying them"])
        assert any("no military solution" in r["quote"].lower() and r["outlets_carrying"] == 3 for r in quotes)
        timeline = _rows(answers["Story clusters on a timeline"])
        assert {r["outlet"] for r in timeline} >= {"Coastline Herald", "Valley Courier", "Metro Ledger"}
        figures = {(r["outlet"], r["what"]) for r in _rows(answers["Figures side by side"])}
        assert ("Valley Courier", "fighters") in figures and ("Coastline Herald", "fighters") in figures

        answers = _open_dashboard(page, superset.url, shots / "dashboard-filtered.png",
                                  _filters("Metro Ledger", "2020-06-21 : 2020-06-22"))
        assert _rows(answers["Articles"]) == [{"articles": 1}]  # Metro Ledger's article of 21 June
        assert {r["outlet"] for r in _rows(answers["Coverage per article"])} == {"Metro Ledger"}
        assert {r["outlet"] for r in _rows(answers["Story clusters on a timeline"])} == {"Metro Ledger"}

        (inbox / "new.jsonl").write_text(_jsonl([NEW]), encoding="utf-8")
        seconds = _crosswire_run(inbox, warehouse, tmp_path / "prefect")
        print(f"crosswire run with the new file beside the open dashboard: {seconds:.1f} s")
        answers = _open_dashboard(page, superset.url, shots / "dashboard-after-run.png")
        assert _rows(answers["Articles"]) == [{"articles": 10}]
        per_day = answers["Articles per day by outlet"]["result"][0]["colnames"]
        assert "Harbour Gazette" in per_day
        coverage = {(r["entity"], r["outlet"]) for r in _rows(answers["Coverage per article"])}
        assert ("Khalifa Haftar", "Harbour Gazette") in coverage
    finally:
        superset.stop()

    warm = Superset(warehouse, home, tmp_path / "superset.log")
    try:
        print(f"Superset up again in {warm.seconds:.1f} s (environment and metadata kept)")
        page = _log_in(browser, warm.url)
        answers = _open_dashboard(page, warm.url, shots / "dashboard-warm.png")
        assert _rows(answers["Articles"]) == [{"articles": 10}]
    finally:
        warm.stop()
    assert warm.process.returncode is not None and superset.process.returncode is not None
