"""The temporary Prefect API server of a `crosswire run` that names no server of its own, started early.

Left to itself, Prefect starts it when the flow first calls its API: after the command has imported the flow, and
after importing the whole server application into the command's process too, only to start it in another. Started
here (the same server, in the same way: uvicorn on Prefect's app factory, ephemeral, no UI) before the command imports
Prefect, its start-up overlaps the command's imports, and the command never imports the server's code."""

import atexit
import importlib.util
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# What Prefect's own temporary server is told: no UI, ephemeral services only, the last app of its process.
SERVER_ENV = {"PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1", "PREFECT__SERVER_FINAL": "1"}


class TemporaryServer:
    """A local Prefect API server process for this command."""

    def __init__(self) -> None:
        self.process: subprocess.Popen | None = None
        self.url = ""

    def start(self) -> "TemporaryServer":
        """Start the server process, not waiting for it to answer; -> self."""
        with socket.socket() as probe:  # a free port on loopback
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        prefect_dir = Path(importlib.util.find_spec("prefect").origin).parent  # without importing prefect
        self.process = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "--app-dir", str(prefect_dir.parent), "--factory",
             "prefect.server.api.server:create_app", "--host", "127.0.0.1", "--port", str(port), "--log-level",
             "error", "--lifespan", "on"], env={**os.environ, **SERVER_ENV}, stdout=subprocess.DEVNULL)
        atexit.register(self.stop)
        self.url = f"http://127.0.0.1:{port}/api"
        return self

    def wait(self, timeout: float) -> None:
        """Return once the server answers; RuntimeError if it exits or does not answer within timeout seconds."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the local Prefect API server exited with code {self.process.returncode}")
            try:
                with urllib.request.urlopen(f"{self.url}/health", timeout=2) as answer:
                    if answer.status == 200:
                        return
            except OSError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"the local Prefect API server did not answer within {timeout:.0f} s")

    def stop(self) -> None:
        """Stop the server process (killed if it has not stopped within 5 s)."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def start_unless_named() -> TemporaryServer | None:
    """A started TemporaryServer, or None when PREFECT_API_URL in the environment names a server already."""
    return None if os.environ.get("PREFECT_API_URL") else TemporaryServer().start()


@contextmanager
def serving(server: TemporaryServer | None) -> Iterator[None]:
    """Prefect's API at the server for the block, once it answers. Prefect's settings (a profile) naming a server,
    or a server that fails to start, leave Prefect to its own choice. The server stops when the process exits, after
    Prefect's own exit handlers have sent it the run's last events and logs (start() registered it first)."""
    from prefect.settings import PREFECT_API_URL, temporary_settings

    if server is None or PREFECT_API_URL.value():
        if server:
            server.stop()
        yield
        return
    try:
        server.wait(float(os.environ.get("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")))
    except RuntimeError:
        server.stop()  # Prefect starts its own, as it would have
        yield
        return
    with temporary_settings({PREFECT_API_URL: server.url}):
        yield
