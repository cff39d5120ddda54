"""The `crosswire` command: parses options (all checked before anything starts), then calls the flow or storage."""

import argparse
import os
import sys
import time

from rich.console import Console

from flows import api_server, intake, storage
from flows.interrupt import ctrl_c_stops_runs
from flows.options import parser
from flows.output import print_rows, table
from flows.settings import SETTINGS
from warehouse import reports

console = Console(stderr=False)
err = Console(stderr=True)


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
            console.print(table(title, columns, rows))
    columns, rows = storage.query(warehouse, reports.cross_source(12, 6))
    if rows:
        console.print(table("mentions by entity x outlet (top 12 entities, top 6 outlets)", columns, rows))
    console.print(f"catalog: {os.path.join(warehouse, storage.CATALOG)}", soft_wrap=True)


def _check_files(args: argparse.Namespace) -> None:
    """Fail fast, before Prefect starts, on input the user must fix."""
    if not os.path.isdir(args.input):
        raise storage.InputError(f"input folder {args.input} does not exist or is not a folder")
    if args.manifest and not os.path.isfile(args.manifest):
        raise storage.InputError(f"manifest {args.manifest} does not exist")
    if not os.path.isfile(args.entities):
        raise storage.InputError(f"entity table {args.entities} does not exist")
    if args.outlets != SETTINGS.outlets_file and not os.path.isfile(args.outlets):
        raise storage.InputError(f"outlet table {args.outlets} does not exist")
    if args.runner == "dask" and not args.dask_address:
        raise storage.InputError("--runner dask needs --dask-address tcp://HOST:PORT (or CROSSWIRE_DASK_ADDRESS)")


def _check_run_arguments(args: argparse.Namespace) -> None:
    """Every check that needs no Prefect: the files, then a writable warehouse no live run holds."""
    _check_files(args)
    storage.check_warehouse(args.warehouse)
    storage.check_unlocked(args.warehouse)


def _serve(args: argparse.Namespace) -> int:
    _check_files(args)
    api = _prefect_api()
    _check_run_arguments(args)
    from flows.pipeline import run_folder

    parameters = {"input_dir": os.path.abspath(args.input),
                  "warehouse_dir": storage.absolute_warehouse(args.warehouse),
                  "manifest": os.path.abspath(args.manifest) if args.manifest else None,
                  "entities_file": os.path.abspath(args.entities), "outlets_file": os.path.abspath(args.outlets),
                  "batch_size": args.batch_size, "runner": args.runner, "dask_address": args.dask_address}
    schedule = {"cron": args.cron} if args.cron else {"interval": args.interval}
    when = f"cron {args.cron}" if args.cron else f"every {args.interval} s"
    err.print(f"serving deployment crosswire-run/{args.name} ({when}) on {api}; Ctrl-C stops it", soft_wrap=True)
    try:
        # one run at a time: a run that outlasts the interval delays the next instead of meeting it at the lock
        with ctrl_c_stops_runs():
            run_folder.serve(name=args.name, parameters=parameters, print_starting_message=False, limit=1,
                             **schedule)
    except KeyboardInterrupt:
        pass
    err.print(f"stopped serving crosswire-run/{args.name}")
    return 0


def _prefect_api() -> str:
    """The Prefect server's API URL, checked to answer; InputError if there is none or it does not answer."""
    import urllib.request

    from prefect.settings import PREFECT_API_URL

    url = PREFECT_API_URL.value()
    if not url:
        raise storage.InputError("serve needs a Prefect server to schedule runs: start one (`prefect server start "
                                 "--host 127.0.0.1`) and set PREFECT_API_URL=http://127.0.0.1:4200/api")
    try:
        with urllib.request.urlopen(f"{url.rstrip('/')}/health", timeout=5):
            pass
    except OSError as exc:
        raise storage.InputError(f"no Prefect server answers at PREFECT_API_URL={url} ({exc}): start it with "
                                 "`prefect server start --host 127.0.0.1`") from None
    return url


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
    _check_run_arguments(args)
    started = time.monotonic()
    # Nothing new or changed since the published run: said from storage alone, without starting Prefect.
    result = None if args.full else intake.unchanged_since(args.input, args.warehouse, args.manifest, args.entities,
                                                           args.outlets)
    if result is None:
        result = _run_flow(args)
    if result["nothing_new"]:
        console.print(f"nothing new or changed since run {result['run_id']}: its catalog stays (--full redoes all)")
    elif result["reused"]:
        console.print(f"{result['analysed']} articles analysed, {result['reused']} carried over unchanged")
    _summary(args.warehouse, time.monotonic() - started)
    return 0


def _run_flow(args: argparse.Namespace) -> dict:
    """The run flow on the command's options; -> its summary (run id, counts)."""
    if not args.verbose:
        os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    err.print("starting Prefect (a local API server takes a few seconds on first use)…")
    server = api_server.start_unless_named()  # starts while the flow's modules are imported
    from flows.pipeline import with_runner  # prefect is slow to import: only for the runs that do work
    from flows.progress import PROGRESS

    with api_server.serving(server):
        PROGRESS.start(live=err.is_terminal)
        try:
            return with_runner(args.runner, args.dask_address)(
                input_dir=args.input, warehouse_dir=args.warehouse, manifest=args.manifest,
                entities_file=args.entities, batch_size=args.batch_size, outlets_file=args.outlets, full=args.full)
        finally:
            PROGRESS.stop()


def _rules() -> int:
    from transforms.clean.line_rules import LINE_RULES, MODEL_REASONS, STRUCTURE_REASONS

    rows = [(r.name, "line", r.why) for r in LINE_RULES]
    rows += [(name, "page model" if name in MODEL_REASONS else "document/corpus", why)
             for name, why in STRUCTURE_REASONS.items()]
    console.print(table("reasons in removed_lines", ["reason", "scope", "why"], rows))
    return 0


def _review(args: argparse.Namespace) -> int:
    """The alias suggestions, one block each: nothing cut, whatever the terminal's width."""
    columns, rows = storage.query(args.warehouse, reports.alias_review(args.limit))
    if not rows:
        console.print("no alias suggestions to review: the last run proposed none, or all are decided")
        return 0
    for row in rows:
        found = dict(zip(columns, row, strict=True))
        console.print(f"[bold]{found['id']}[/]  {found['kind']}  {found['entity']} ({found['canonical_name']})",
                      soft_wrap=True, highlight=False)
        console.print(f"  spellings: {found['spellings']}  ·  {found['mentions']} mentions in {found['outlets']} "
                      f"outlets  ·  score {found['score']}", soft_wrap=True, highlight=False, markup=False)
        console.print(f"  example: {found['example']}", soft_wrap=True, highlight=False, markup=False)
    console.print(f"{len(rows)} suggestions: crosswire aliases accept|reject ID (a unique prefix is enough)")
    return 0


def _aliases(args: argparse.Namespace) -> int:
    from transforms.names import decisions as alias_decisions

    if args.action == "review":
        return _review(args)
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


def _query(args: argparse.Namespace) -> int:
    columns, rows = storage.query(args.warehouse, args.sql, args.limit)
    print_rows(console, columns, rows, args.format)
    return 0


COMMANDS = {"run": _run, "serve": _serve, "export": _export, "report": _report, "aliases": _aliases,
            "query": _query, "rules": lambda args: _rules()}


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `crosswire` console script; -> exit code."""
    args = parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except (storage.InputError, storage.QueryError) as exc:
        err.print(f"crosswire: {exc}", highlight=False, soft_wrap=True, markup=False)
        return 2


if __name__ == "__main__":
    sys.exit(main())
