"""The `crosswire` command's options: every one checked as it is parsed, so a bad value is a one-line error (exit 2)
before anything starts."""

import argparse
import os
import re
from datetime import datetime

from flows.output import FORMATS
from flows.runners import RUNNERS
from flows.settings import SETTINGS

DESCRIPTION = """Compare how news outlets cover the same people and stories: read a folder of articles (text, HTML or
crawler JSONL) into a warehouse of tables, then query it, export it or open an HTML report."""


class _Parser(argparse.ArgumentParser):
    """argparse with its errors on one line (exit 2), like every other error of the command."""

    def error(self, message: str):
        self.exit(2, f"{self.prog}: {message} (see --help)\n")


def _count(text: str) -> int:
    """A whole number of at least 1, or a one-line error."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def _cron(text: str) -> str:
    """A cron expression cronsim (Prefect's cron library) accepts, or a one-line error."""
    from cronsim import CronSim, CronSimError

    try:
        CronSim(text, datetime.now())
    except CronSimError as exc:
        raise argparse.ArgumentTypeError(f"not a cron expression ({exc}): {text!r}") from None
    return text


def _dask_address(text: str) -> str:
    if not re.fullmatch(r"(tcp|tls|ucx)://[^:/\s]+:\d+", text):
        raise argparse.ArgumentTypeError(f"expected tcp://HOST:PORT, got {text!r}")
    return text


def _flow_options(command: argparse.ArgumentParser) -> None:
    """The options a run takes, shared by `run` and `serve`."""
    command.add_argument("--input", default=SETTINGS.input_dir,
                         help="folder of articles, read at any depth (default: the bundled seeds; CROSSWIRE_INPUT)")
    command.add_argument("--warehouse", default=SETTINGS.warehouse_dir,
                         help="folder (or fsspec URL) the tables and catalog go to (default: data/; "
                              "CROSSWIRE_WAREHOUSE)")
    command.add_argument("--manifest", default=None,
                         help="CSV of path,outlet,url,published_at for files that lack them")
    command.add_argument("--entities", default=SETTINGS.entities_file,
                         help="entity table CSV: the people, organisations and places to find (CROSSWIRE_ENTITIES)")
    command.add_argument("--outlets", default=SETTINGS.outlets_file,
                         help="outlet table CSV: names, aliases and domains of the outlets (CROSSWIRE_OUTLETS)")
    command.add_argument("--batch-size", type=_count, default=os.environ.get("CROSSWIRE_BATCH_SIZE", "500"),
                         help="files or articles per task; smaller uses less memory (default 500; "
                              "CROSSWIRE_BATCH_SIZE)")
    command.add_argument("--runner", choices=RUNNERS, default=SETTINGS.runner,
                         help="where batches run: auto (default: one process per core when the machine has more "
                              "than one and the run more than one batch, else this process), local (one thread), "
                              "processes (one per core) or dask (a cluster; CROSSWIRE_RUNNER)")
    command.add_argument("--dask-address", type=_dask_address, default=SETTINGS.dask_address,
                         help="tcp://HOST:PORT of the Dask scheduler, for --runner dask (CROSSWIRE_DASK_ADDRESS)")


def parser() -> argparse.ArgumentParser:
    """The command line of `crosswire` and its commands."""
    top = _Parser(prog="crosswire", description=DESCRIPTION)
    commands = top.add_subparsers(dest="command", required=True, metavar="COMMAND")
    run = commands.add_parser("run", help="read a folder of articles into the warehouse (only what is new since the "
                              "last run)", description="Read a folder of articles into the warehouse, then print a "
                              "summary. A re-run reads only new or changed files.")
    _flow_options(run)
    run.add_argument("--full", action="store_true",
                     help="process every input file again, not only what is new or changed since the last run")
    run.add_argument("--verbose", action="store_true", help="show Prefect's task logs")
    serve = commands.add_parser("serve", help="keep the warehouse up to date: run on a schedule, picking up new "
                                "files (needs a Prefect server)", description="Run on a schedule until stopped "
                                "(Ctrl-C), as the Prefect deployment crosswire-run/NAME. Needs a Prefect server: "
                                "PREFECT_API_URL=http://127.0.0.1:4200/api after `prefect server start`.")
    _flow_options(serve)
    serve.add_argument("--name", default="crosswire", help="deployment name (default: crosswire)")
    when = serve.add_mutually_exclusive_group(required=True)
    when.add_argument("--cron", type=_cron, help='cron schedule, e.g. "*/15 * * * *" (every 15 minutes)')
    when.add_argument("--interval", type=_count, help="seconds between runs")
    query = commands.add_parser("query", help="run SQL on the warehouse and print the rows (table, CSV, JSON or "
                                "Markdown)", description="Run read-only SQL on the warehouse's tables and "
                                "comparisons (see the README for examples) and print the rows.")
    query.add_argument("sql", help='e.g. "select outlet_name, count(*) from articles group by all"')
    query.add_argument("--warehouse", default=SETTINGS.warehouse_dir, help="warehouse folder (default: data/)")
    query.add_argument("--format", choices=FORMATS, default="table",
                       help="table (for reading; one block per row when too wide), csv (lists as JSON arrays), json "
                            "or markdown")
    query.add_argument("--limit", type=_count, help="print at most this many rows")
    report = commands.add_parser("report", help="write one HTML page comparing the outlets (opens offline)",
                                 description="Write one self-contained HTML page: coverage, spellings, descriptors, "
                                 "shared quotes, figures and stories by outlet, with filters and sortable tables.")
    report.add_argument("--warehouse", default=SETTINGS.warehouse_dir, help="warehouse folder (default: data/)")
    report.add_argument("--out", required=True, help="HTML file to write")
    export = commands.add_parser("export", help="write every table and comparison as CSV or Parquet files",
                                 description="Write every table and comparison as one file each, for spreadsheets, "
                                 "BI tools and other programs (in CSV, lists are JSON arrays).")
    export.add_argument("--warehouse", default=SETTINGS.warehouse_dir, help="warehouse folder (default: data/)")
    export.add_argument("--format", choices=("csv", "parquet"), default="csv", help="file format (default csv)")
    export.add_argument("--out", required=True, help="folder for the files")
    commands.add_parser("rules", help="list why lines are removed from articles (the reasons in removed_lines)")
    _alias_parser(commands.add_parser("aliases", help="review spellings the last run suggests adding to the entity "
                                      "table; accept or reject them"))
    return top


def _alias_parser(aliases: argparse.ArgumentParser) -> None:
    actions = aliases.add_subparsers(dest="action", required=True, metavar="ACTION")
    review = actions.add_parser("review", help="list the suggestions of the last run, most mentioned first")
    review.add_argument("--limit", type=_count, default=50, help="show at most this many (default 50)")
    accept = actions.add_parser("accept", help="write a suggestion's spellings into the entity table")
    accept.add_argument("--type", choices=("person", "organisation", "place"), help="type of a new entity")
    reject = actions.add_parser("reject", help="never propose a suggestion's spellings again")
    for action in (accept, reject):
        action.add_argument("suggestion_id", help="id (or a unique prefix) from `crosswire aliases review`")
        action.add_argument("--entities", default=SETTINGS.entities_file, help="entity table CSV to edit")
    merge = actions.add_parser("merge", help="merge a discovered entity into another entity from the next run on")
    merge.add_argument("entity_id")
    merge.add_argument("into_entity_id")
    split = actions.add_parser("split", help="make one spelling of a discovered entity an entity of its own")
    split.add_argument("entity_id")
    split.add_argument("spelling")
    rename = actions.add_parser("rename", help="give a discovered entity another canonical name")
    rename.add_argument("entity_id")
    rename.add_argument("name")
    promote = actions.add_parser("promote", help="copy a discovered entity into the entity table (same id)")
    promote.add_argument("entity_id")
    promote.add_argument("--type", choices=("person", "organisation", "place"), help="type, if not the found one")
    for action in (merge, split, rename, promote):
        action.add_argument("--entities", default=SETTINGS.entities_file, help="entity table CSV beside the log")
    for action in (review, accept, reject, promote):
        action.add_argument("--warehouse", default=SETTINGS.warehouse_dir, help="warehouse folder (default: data/)")
