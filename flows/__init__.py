"""The flow, its tasks and run planning, storage, settings and the `crosswire` command.

Importing this package first turns Prefect's telemetry off for every entry point (the CLI, the flow loaded by a
deployment or a worker, the tests): an offline tool sends nothing, and no usage-data notice shows in a terminal.
A user who wants Prefect's telemetry sets these variables themselves."""

import os

os.environ.setdefault("DO_NOT_TRACK", "1")  # Prefect's client: no usage events, no first-run notice
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")  # the local API server a run starts
# A cold local API server can take about a minute to start on a busy machine.
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
# When the process exits, the local API server stops while its recorder may still be writing the last task-run
# events to its own history database: a cancelled write there, logged with a traceback, is not an error of the
# run (its data is published by then). The server's log is quiet unless this setting says otherwise.
os.environ.setdefault("PREFECT_LOGGING_SERVER_LEVEL", "CRITICAL")
