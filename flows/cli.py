"""The one CLI: `crosswire run|serve|export|query|report|rules|aliases` (thin: parses, calls flows and storage)."""

import argparse
import os
import sys
import time

from rich.console import Console
from rich.table import Table

from flows import storage
from flows.settings import SETTINGS
from warehouse import reports

console = Console(stderr=False)
err = Console(stderr=True)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="crosswire", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="process an input folder into the warehouse")
    run.add_argument("--input", default=SETTINGS.input_dir, help="folder of articles (default: the seeds)")
    run.add_argument("--warehouse", default=SETTINGS.warehouse_dir, help="output folder (default: data/)")
    run.add_argument("--manifest", default=None, help="CSV of path,outlet,url,published_at")
    run.add_argument("--entities", default=SETTINGS.entities_file, help="entity table CSV")
    run.add_argument("--outlets", default=SETTINGS.outlets_file, help="outlet table CSV")
    run.add_argument("--batch-size", type=int, default=SETTINGS.batch_size, help="files/articles per task")
    run.add_argument("--full", action="store_true",
                     help="process every input file again, not only what is new or changed since the last run")
    run.add_argument("--runner", choices=("local", "processes", "dask"), default=SETTINGS.runner,
                     help="run batches on local threads (default), one local process per core, or a Dask cluster")
    run.add_argument("--dask-address", default=SETTINGS.dask_address, help="tcp://HOST:PORT of the Dask scheduler")
    run.add_argument("--verbose", action="store_true", help="show Prefect's task logs")
    serve = commands.add_parser("serve", help="serve the flow as a Prefect deployment on a schedule")
    serve.add_argument("--input", default=SETTINGS.input_dir)
    serve.add_argument("--warehouse", default=SETTINGS.warehouse_dir)
    serve.add_argument("--manifest", default=None)
    serve.add_argument("--entities", default=SETTINGS.entities_file)
    serve.add_argument("--name", default="crosswire", help="deployment name")
    when = serve.add_mutually_exclusive_group(required=True)
    when.add_argument("--cron", help='cron schedule, e.g. "*/15 * * * *"')
    when.add_argument("--interval", type=int, help="seconds between runs")
    export = commands.add_parser("export", help="write every table and mart as CSV or Parquet files")
    export.add_argument("--warehouse", default=SETTINGS.warehouse_dir)
    export.add_argument("--format", choices=("csv", "parquet"), default="csv")
    export.add_argument("--out", required=True, help="folder for the files")
    query = commands.add_parser("query", help="run read-only SQL on the warehouse catalog")
    query.add_argument("sql")
    query.add_argument("--warehouse", default=SETTINGS.warehouse_dir)
    report = commands.add_parser("report", help="write an HTML page of charts comparing the outlets")
    report.add_argument("--warehouse", default=SETTINGS.warehouse_dir)
    report.add_argument("--out", required=True, help="HTML file to write")
    commands.add_parser("rules", help="list the boilerplate rules and why each removes a line")
    _alias_parser(commands.add_parser("aliases", help="review, accept or reject the run's alias suggestions"))
    return parser


def _alias_parser(aliases: argparse.ArgumentParser) -> None:
    actions = aliases.add_subparsers(dest="action", required=True)
    review = actions.add_parser("review", help="list the suggestions of the last run")
    review.add_argument("--limit", type=int, default=50)
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
        action.add_argument("--warehouse", default=SETTINGS.warehouse_dir)


def _table(title: str, columns: list[str], rows: list[tuple]) -> Table:
    table = Table(title=title, title_justify="left")
    for column in columns:
        table.add_column(column)
    for row in rows:
        table.add_row(*("" if v is None else str(v) for v in row))
    return table


def _summary(warehouse: str, seconds: float) -> None:
    _, ((files, docs, articles, quarantined, run_id),) = storage.query(warehouse, reports.RUN)
    console.print(f"[bold]run {run_id}[/] in {seconds:.1f} s: {files} files read, {docs} documents, "
                  f"{articles} articles loaded, {quarantined} quarantined", soft_wrap=True)
    for title, sql in (("lines removed by reason", reports.REMOVED_BY_REASON),
                       ("quarantined by reason", reports.QUARANTINE_BY_REASON),
                       ("mentions by entity type", reports.MENTIONS_BY_TYPE),
                       ("unmatched names (name_candidates)", reports.CANDIDATES),
                       ("cross-source comparison", reports.SUMMARY["cross-source comparison"])):
        columns, rows = storage.query(warehouse, sql)
        if rows:
            console.print(_table(title, columns, rows))
    columns, rows = storage.query(warehouse, reports.cross_source(12, 6))
    console.print(_table("mentions by entity x outlet (top 12 entities, top 6 outlets)", columns, rows))
    console.print(f"catalog: {os.path.join(warehouse, storage.CATALOG)}", soft_wrap=True)


def _check_run_arguments(args: argparse.Namespace, quiet: bool) -> None:
    """Fail fast, before Prefect starts, on what the user must fix."""
    if not os.path.isdir(args.input):
        raise storage.InputError(f"input folder {args.input} does not exist or is not a folder")
    if args.manifest and not os.path.isfile(args.manifest):
        raise storage.InputError(f"manifest {args.manifest} does not exist")
    storage.check_warehouse(args.warehouse)
    storage.check_unlocked(args.warehouse)
    if getattr(args, "runner", "local") == "dask" and not args.dask_address:
        raise storage.InputError("--runner dask needs --dask-address tcp://HOST:PORT (or CROSSWIRE_DASK_ADDRESS)")
    if quiet:
        os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    # No telemetry look-ups from this offline tool; a cold local API server can take ~1 min to start.
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    # When the process exits, the local API server stops while its recorder may still be writing the last task-run
    # events to its own history database: a cancelled write there, logged with a traceback, is not an error of the
    # run (its data is published by then). The server's log is quiet unless this setting says otherwise.
    os.environ.setdefault("PREFECT_LOGGING_SERVER_LEVEL", "CRITICAL")
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")


def _serve(args: argparse.Namespace) -> int:
    _check_run_arguments(args, quiet=False)
    from flows.pipeline import run_folder

    parameters = {"input_dir": os.path.abspath(args.input),
                  "warehouse_dir": storage.absolute_warehouse(args.warehouse),
                  "manifest": os.path.abspath(args.manifest) if args.manifest else None,
                  "entities_file": os.path.abspath(args.entities)}
    schedule = {"cron": args.cron} if args.cron else {"interval": args.interval}
    err.print(f"serving deployment crosswire-run/{args.name} ({schedule}); Ctrl-C stops it")
    run_folder.serve(name=args.name, parameters=parameters, **schedule)
    return 0


def _export(args: argparse.Namespace) -> int:
    for path in storage.export(args.warehouse, args.out, args.format):
        console.print(path, soft_wrap=True)
    return 0


def _report(args: argparse.Namespace) -> int:
    from transforms.report.page import render_report

    page = render_report(storage.report_data(args.warehouse))
    try:
        with open(args.out, "w", encoding="utf-8") as out:
            out.write(page)
    except OSError as exc:
        raise storage.InputError(f"cannot write {args.out}: {exc.strerror}") from exc
    console.print(f"report: {args.out}", soft_wrap=True)
    return 0


def _run(args: argparse.Namespace) -> int:
    _check_run_arguments(args, quiet=not args.verbose)
    from flows.pipeline import with_runner  # prefect is slow to import: only for the commands that run flows
    from flows.progress import PROGRESS

    started = time.monotonic()
    err.print("starting Prefect (a local API server takes a few seconds on first use)…")
    if console.is_terminal:
        PROGRESS.start()
    try:
        result = with_runner(args.runner, args.dask_address)(
            input_dir=args.input, warehouse_dir=args.warehouse, manifest=args.manifest, entities_file=args.entities,
            batch_size=args.batch_size, outlets_file=args.outlets, full=args.full)
    finally:
        PROGRESS.stop()
    if result["nothing_new"]:
        console.print(f"nothing new or changed since run {result['run_id']}: its catalog stays (--full redoes all)")
    elif result["reused"]:
        console.print(f"{result['analysed']} articles analysed, {result['reused']} carried over unchanged")
    _summary(args.warehouse, time.monotonic() - started)
    return 0


def _rules() -> int:
    from transforms.clean.line_rules import LINE_RULES, STRUCTURE_REASONS

    rows = [(r.name, "line", r.why) for r in LINE_RULES]
    rows += [(name, "document/corpus", why) for name, why in STRUCTURE_REASONS.items()]
    console.print(_table("reasons in removed_lines", ["reason", "scope", "why"], rows))
    return 0


def _aliases(args: argparse.Namespace) -> int:
    from transforms.names import decisions as alias_decisions

    if args.action == "review":
        columns, rows = storage.query(args.warehouse, reports.alias_review(args.limit))
        console.print(_table("alias suggestions (accept or reject by id)", columns, rows))
        return 0
    if args.action in ("merge", "split", "rename", "promote"):
        return _entity_decision(args)
    suggestion = storage.read_suggestion(args.warehouse, args.suggestion_id)
    if args.action == "reject":
        storage.save_alias_decision(args.entities, None, alias_decisions.reject(suggestion))
    else:
        rows, _ = storage.read_entities(args.entities)
        try:
            new_rows, decision = alias_decisions.accept(rows, suggestion, args.type)
        except ValueError as exc:
            raise storage.InputError(str(exc)) from None
        storage.save_alias_decision(args.entities, new_rows, decision)
    console.print(f"{args.action}ed {suggestion['suggestion_id']}: {' / '.join(suggestion['spellings'])} "
                  f"({suggestion['entity_id'] or 'new entity'}) in {args.entities}", soft_wrap=True)
    return 0


def _entity_decision(args: argparse.Namespace) -> int:
    """merge, split, rename: a decision row the next run applies; promote: a curated row with the same id."""
    from transforms.names import decisions as alias_decisions

    try:
        if args.action == "promote":
            entity = storage.read_entity(args.warehouse, args.entity_id)
            rows, decision = alias_decisions.promote(storage.read_entities(args.entities)[0], entity, args.type)
            storage.save_alias_decision(args.entities, rows, decision)
        else:
            value = {"merge": "into_entity_id", "split": "spelling", "rename": "name"}[args.action]
            decision = alias_decisions.entity_decision(
                {"merge": "merged", "split": "split", "rename": "renamed"}[args.action], args.entity_id,
                getattr(args, value))
            storage.save_alias_decision(args.entities, None, decision)
    except ValueError as exc:
        raise storage.InputError(str(exc)) from None
    console.print(f"{decision['decision']} {decision['entity_id']}: {decision['spellings']} "
                  f"(in {args.entities}; the next run applies it)", soft_wrap=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `crosswire` console script; -> exit code."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "run":
            return _run(args)
        if args.command == "serve":
            return _serve(args)
        if args.command == "export":
            return _export(args)
        if args.command == "report":
            return _report(args)
        if args.command == "aliases":
            return _aliases(args)
        if args.command == "query":
            columns, rows = storage.query(args.warehouse, args.sql)
            console.print(_table("", columns, rows))
            return 0
        return _rules()
    except (storage.InputError, storage.QueryError) as exc:
        err.print(f"crosswire: {exc}", highlight=False, soft_wrap=True)
        return 2


if __name__ == "__main__":
    sys.exit(main())
