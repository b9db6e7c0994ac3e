"""The `scrapeline` command line: run, sql, validate, rejects, replay, compact, serve.

Prefect and Great Expectations are imported only by the commands that need them; their
telemetry is off and Prefect's console logging is limited to warnings unless --verbose, so a
normal run prints a progress bar and a summary, not library noise. Logs still reach the Prefect
API (and UI) at full detail.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

from tasks.discover import DEFAULT_BATCH_FILES, DEFAULT_BATCH_RECORDS
from tasks.readers.base import DEFAULT_MAX_BYTES
from tasks.sandbox import DEFAULT_MAX_CHARS, DEFAULT_SECONDS

DEFAULT_WAREHOUSE = "warehouse"
DEFAULT_MAX_MB = DEFAULT_MAX_BYTES / (1024 * 1024)

QUIET_ENV = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "GX_ANALYTICS_ENABLED": "false",
    "DO_NOT_TRACK": "1",
    "PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL": "WARNING",
    "PREFECT_LOGGING_HANDLERS_CONSOLE_FLOW_RUNS_LEVEL": "WARNING",
    "PREFECT_LOGGING_HANDLERS_CONSOLE_TASK_RUNS_LEVEL": "WARNING",
    "TQDM_DISABLE": "1",
    # the temporary API server can take more than the default 20 s to start on a busy machine
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
}


def _quiet_environment(verbose: bool) -> None:
    for key, value in QUIET_ENV.items():
        if verbose and "LOGGING" in key:
            continue
        os.environ.setdefault(key, value)


def _fail(message: str, code: int = 2) -> NoReturn:
    from rich.console import Console

    Console(stderr=True).print(f"[bold red]error:[/] {message}")
    sys.exit(code)


def _check_sources(sources: list[str]) -> None:
    from tasks.storage import is_s3

    for arg in sources:
        if is_s3(arg):  # listed by the run itself: a missing bucket or prefix is a failed run
            continue
        if not (os.path.lexists(arg) or (set("*?[") & set(arg) and glob.glob(arg, recursive=True))):
            _fail(f"no such file or folder: {arg}")


def _load_pipeline(booting: bool) -> None:
    """Import the pipeline; while a temporary Prefect server boots, load Great Expectations too."""
    import flows.ingest  # noqa: F401

    if booting:
        from tasks.validate import warm_up

        warm_up()


def _run_flow(
    what: str,
    start: Callable[[], dict],
    prepare: Callable[[bool], object] | None = None,
    usage_errors: tuple[type[Exception], ...] = (),
) -> dict:
    """Start a flow under the Prefect API (a temporary server when none is configured). A flow that
    fails is one clear line and exit status 1, its details in the Prefect UI and logs; one of
    `usage_errors` (no warehouse to work on, say) is the caller's mistake: exit status 2."""
    from flows.api import prefect_api

    try:
        with prefect_api(prepare=prepare):
            return start()
    except usage_errors as exc:
        _fail(str(exc))
    except Exception as exc:  # the run itself failed: one clear line, details in the Prefect UI/logs
        _fail(f"{what} failed: {exc}", 1)


def _print_run(args: argparse.Namespace, summary: dict) -> int:
    """The summary of a run or resegment: as JSON, on the terminal, or not at all (--quiet)."""
    from flows.report import print_summary

    if args.json:
        print(json.dumps(summary, default=str))
    elif not args.quiet:
        print_summary(summary)
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    _check_sources(args.sources)
    from tasks.storage import is_s3

    def start() -> dict:
        from flows.ingest import ingest

        return ingest(
            sources=[str(s) for s in args.sources],
            warehouse=str(args.warehouse),
            full_refresh=args.full_refresh,
            batch_files=args.batch_files,
            max_bytes=int(args.max_mb * 1024 * 1024),
            workers=args.workers,
            dask_address=args.dask_address,
            progress=not (args.quiet or args.json),
            segment_seconds=args.segment_seconds,
            segment_max_chars=args.segment_max_chars,
        )

    summary = _run_flow("run", start, prepare=_load_pipeline)
    if is_s3(getattr(args, "warehouse_location", None)):
        summary["warehouse"] = args.warehouse_location  # not its local mirror
    return _print_run(args, summary)


def cmd_resegment(args: argparse.Namespace) -> int:
    def start() -> dict:
        from flows.resegment import resegment

        return resegment(warehouse=str(args.warehouse), batch_records=args.batch_records)

    from tasks.load import WarehouseError

    return _print_run(args, _run_flow("resegment", start, usage_errors=(WarehouseError,)))


def cmd_sql(args: argparse.Namespace) -> int:
    import duckdb

    from tasks.load import WarehouseError
    from tasks.query import RefusedStatement, check_statements, open_readonly

    try:
        con = open_readonly(Path(args.warehouse))
    except WarehouseError as exc:
        _fail(str(exc))
    try:
        check_statements(con, args.query)
        cur = con.execute(args.query)
        columns = [d[0] for d in cur.description] if cur.description else []
        rows = cur.fetchall() if columns else []
    except RefusedStatement as exc:
        _fail(str(exc))
    except duckdb.Error as exc:
        _fail(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
    finally:
        con.close()
    _print_rows(columns, rows, args.format)
    return 0


def _print_rows(columns: list[str], rows: list[tuple], fmt: str) -> None:
    if fmt == "json":
        print(json.dumps([dict(zip(columns, r, strict=True)) for r in rows], default=str, ensure_ascii=False))
    elif fmt == "csv":
        import csv

        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        writer.writerows(rows)
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(*columns, show_lines=False)
        for r in rows:
            table.add_row(*("NULL" if v is None else str(v) for v in r))
        console = Console()
        console.print(table)
        console.print(f"({len(rows)} row{'s' if len(rows) != 1 else ''})", style="dim")


def cmd_validate(args: argparse.Namespace) -> int:
    from flows.report import print_expectations, summarise_outcomes
    from tasks.load import WarehouseError, open_for_reading
    from tasks.validate import validate_loaded

    try:
        con = open_for_reading(Path(args.warehouse))
    except WarehouseError as exc:
        _fail(str(exc))
    try:
        verdicts = validate_loaded(con)
    finally:
        con.close()
    merged = summarise_outcomes([o for v in verdicts for o in v.outcomes])
    failed = [m for m in merged if not m["success"] and m["severity"] == "critical"]
    if args.format == "table":
        print_expectations(merged)
    else:
        _print_rows(
            [
                "suite",
                "expectation",
                "severity",
                "success",
                "rows",
                "unexpected",
                "unexpected_percent",
                "examples",
            ],
            [
                (
                    m["suite"],
                    m["expectation"],
                    m["severity"],
                    m["success"],
                    m["rows"],
                    m["unexpected"],
                    m["unexpected_percent"],
                    json.dumps(m["examples"], default=str, ensure_ascii=False),
                )
                for m in merged
            ],
            args.format,
        )
    return 1 if failed else 0


def cmd_rejects(args: argparse.Namespace) -> int:
    from flows.report import print_rejects
    from tasks.load import WarehouseError, open_for_reading

    try:
        con = open_for_reading(Path(args.warehouse))
    except WarehouseError as exc:
        _fail(str(exc))
    view = "rejects_all" if args.all else "rejects"
    where, params = [], []
    for column, value in (("stage", args.stage), ("reason", args.reason)):
        if value:
            where.append(f"{column} = ?")
            params.append(value)
    sql = (
        f"SELECT stage, reason, source, detail, run_id, rejected_at, resolved_by_run FROM {view}"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY stage, reason, source, rejected_at"
    )
    try:
        cur = con.execute(sql, params)
        columns = [d[0] for d in cur.description]
        rows = cur.fetchall()
    finally:
        con.close()
    if args.format == "table":
        print_rejects(columns, rows, resolved_too=args.all)
    else:
        _print_rows(columns, rows, args.format)
    return 0


def cmd_replay(args: argparse.Namespace) -> int:
    def start() -> dict:
        from flows.replay import replay

        return replay(warehouse=str(args.warehouse), max_bytes=int(args.max_mb * 1024 * 1024))

    summary = _run_flow("replay", start)
    if args.json:
        print(json.dumps(summary, default=str))
        return 0
    from rich.console import Console

    console = Console()
    console.print(f"[bold green]replay {summary['run_id']} done[/] → {summary['warehouse']}")
    console.print(
        f"open rejects {summary['open_rejects']}: {summary['resolved']} resolved, "
        f"{summary['still_failing']} still failing, {summary['not_replayed']} not replayable"
    )
    console.print(
        f"inputs replayed {summary['files_seen']} ({summary['files_new']} loaded, "
        f"{summary['files_rejected']} rejected); articles {summary['articles']}, comments {summary['comments']}, "
        f"new reject rows {summary['rejects']}"
    )
    for source in summary["missing_inputs"]:
        console.print(f"  not replayed (file gone): {source}", style="yellow")
    return 0


def cmd_explain(args: argparse.Namespace) -> int:
    """How the segmenter read one scrape: each decision and the rule that made it."""
    from tasks.clean import clean_text
    from tasks.read import ReadError, read_bytes
    from tasks.segment import segment

    path = Path(args.file)
    if not path.is_file():
        _fail(f"no such file: {path}")
    try:
        records = read_bytes(path.name, path.read_bytes())
    except ReadError as exc:
        _fail(f"{exc.stage}: {exc.reason} ({exc.detail})", 1)
    for i, rec in enumerate(records):
        seg = segment(
            clean_text(rec.text),
            markdown=rec.format == "markdown",
            title_hint=rec.title,
            scraped_at=rec.scraped_at,
        )
        print(f"{rec.source}{f' #{i}' if len(records) > 1 else ''} ({rec.format})")
        print(f"  title        {seg.title!r}  [{seg.trace.get('title')}]")
        print(f"  byline       {seg.byline!r}  [{seg.trace.get('byline')}]")
        print(f"  published_at {seg.published_at}  [{seg.trace.get('published_at', 'none')}]")
        print(f"  body start   {seg.trace.get('body_start')}")
        print(f"  body end     {seg.trace.get('body_end')}")
        print(
            f"  comments     {len(seg.comments)}  [{seg.trace.get('comment_section', 'no comment section')}]"
        )
        for c in seg.comments:
            where = seg.trace.get(f"comment {c.position}", c.rule)
            first = " ".join(c.text.split())[:60]
            print(f"    #{c.position:<3} {where}  author={c.author!r} date={c.published_text!r}  {first!r}")
    return 0


def cmd_compact(args: argparse.Namespace) -> int:
    from tasks.compact import compact
    from tasks.load import WarehouseError

    try:
        done = compact(Path(args.warehouse))
    except WarehouseError as exc:
        _fail(str(exc))
    if not done:
        print("nothing to compact")
    for t in done:
        print(f"{t.table:<9} {t.files_before:>6} files -> {t.files_after:>3}  ({t.rows} rows)")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    _check_sources(args.sources)
    from tasks.storage import is_s3

    if is_s3(args.warehouse):
        _fail("serve needs a local --warehouse folder; an s3:// warehouse is for run and the other commands")
    from flows.api import configured_api_url

    if configured_api_url() is None:  # Prefect would serve on a temporary server that never schedules
        _fail(
            "serve needs a Prefect server, which keeps the schedule and starts the runs: start one with "
            "`prefect server start` and set PREFECT_API_URL (e.g. http://127.0.0.1:4200/api)"
        )
    from flows.ingest import ingest

    try:
        ingest.serve(
            name=args.name,
            cron=args.cron,
            parameters={
                "sources": [str(Path(s).resolve()) for s in args.sources],
                "warehouse": str(Path(args.warehouse).resolve()),
            },
        )
    except Exception as exc:  # e.g. the server is down: one clear line, not the HTTP client's traceback
        _fail(f"serve failed: {type(exc).__name__}: {exc}", 1)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="scrapeline", description="Turn raw news-page scrapes into article and comment tables."
    )
    parser.add_argument("--verbose", action="store_true", help="show Prefect's log lines on the terminal")
    sub = parser.add_subparsers(dest="command", required=True)

    def warehouse_opt(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--warehouse",
            default=DEFAULT_WAREHOUSE,
            help="warehouse folder or s3://bucket/prefix (default: ./warehouse)",
        )

    def number(p: argparse.ArgumentParser, flag: str, default: float, what: str, shown: object) -> None:
        """A numeric option whose help ends with its default, given once (the DEFAULT_* constant)."""
        p.add_argument(flag, type=type(default), default=default, help=f"{what} (default {shown})")

    def max_mb_opt(p: argparse.ArgumentParser) -> None:
        number(p, "--max-mb", DEFAULT_MAX_MB, "reject inputs larger than this", f"{DEFAULT_MAX_MB:g} MB")

    run = sub.add_parser("run", help="load scrapes from files, folders or globs")
    run.add_argument("sources", nargs="+", metavar="SOURCE")
    warehouse_opt(run)
    run.add_argument(
        "--full-refresh", action="store_true", help="forget what was loaded and load everything again"
    )
    number(run, "--batch-files", DEFAULT_BATCH_FILES, "scrapes per batch task", DEFAULT_BATCH_FILES)
    max_mb_opt(run)
    run.add_argument(
        "--workers",
        type=int,
        default=None,
        help="segmenter processes, one per core by default (one batch more is read or validated meanwhile)",
    )
    run.add_argument(
        "--dask-address", metavar="tcp://HOST:PORT", help="run the batch tasks on this Dask cluster"
    )
    number(
        run,
        "--segment-seconds",
        DEFAULT_SECONDS,
        "reject a page the segmenter needs longer than this for",
        f"{DEFAULT_SECONDS:g} s",
    )
    number(
        run,
        "--segment-max-chars",
        DEFAULT_MAX_CHARS,
        "reject a page longer than this before segmenting it",
        f"{DEFAULT_MAX_CHARS:,} characters",
    )
    run.add_argument("--quiet", action="store_true", help="no progress bar and no summary")
    run.add_argument("--json", action="store_true", help="print the run summary as JSON")
    run.set_defaults(func=cmd_run, writes=True)

    reseg = sub.add_parser(
        "resegment", help="rebuild articles and comments from the loaded pages, without the sources"
    )
    warehouse_opt(reseg)
    number(reseg, "--batch-records", DEFAULT_BATCH_RECORDS, "pages per batch task", DEFAULT_BATCH_RECORDS)
    reseg.add_argument("--quiet", action="store_true", help="no summary")
    reseg.add_argument("--json", action="store_true", help="print the run summary as JSON")
    reseg.set_defaults(func=cmd_resegment, writes=True)

    sql = sub.add_parser("sql", help="run SQL on the warehouse (read-only)")
    sql.add_argument("query")
    warehouse_opt(sql)
    sql.add_argument("--format", choices=("table", "csv", "json"), default="table")
    sql.set_defaults(func=cmd_sql)

    val = sub.add_parser("validate", help="re-run the data-quality suites on what is loaded")
    warehouse_opt(val)
    val.add_argument("--format", choices=("table", "csv", "json"), default="table")
    val.set_defaults(func=cmd_validate)

    explain = sub.add_parser("explain", help="show how one scrape is segmented, and by which rules")
    explain.add_argument("file", metavar="FILE")
    explain.set_defaults(func=cmd_explain)

    rej = sub.add_parser("rejects", help="list quarantined inputs and rows, grouped by reason")
    warehouse_opt(rej)
    rej.add_argument("--stage", help="only this stage (read, decode, segment, validate, load)")
    rej.add_argument("--reason", help="only this reason (for validate: the expectation's name)")
    rej.add_argument("--all", action="store_true", help="include rejects resolved by a replay")
    rej.add_argument("--format", choices=("table", "csv", "json"), default="table")
    rej.set_defaults(func=cmd_rejects)

    rep = sub.add_parser("replay", help="re-process the inputs of open rejects after a fix")
    warehouse_opt(rep)
    max_mb_opt(rep)
    rep.add_argument("--json", action="store_true", help="print the replay summary as JSON")
    rep.set_defaults(func=cmd_replay, writes=True)

    compact = sub.add_parser(
        "compact", help="merge many small Parquet files of each table into a few large ones"
    )
    warehouse_opt(compact)
    compact.set_defaults(func=cmd_compact, writes=True)

    serve = sub.add_parser("serve", help="run on a schedule, visible in the Prefect UI")
    serve.add_argument("sources", nargs="+", metavar="SOURCE")
    warehouse_opt(serve)
    serve.add_argument("--cron", default="0 * * * *", help='cron schedule (default: "0 * * * *", hourly)')
    serve.add_argument("--name", default="scrapeline-scheduled", help="deployment name")
    serve.set_defaults(func=cmd_serve)
    return parser


def _run_command(args: argparse.Namespace) -> int:
    """Run the command on its warehouse folder; an s3:// warehouse through its local mirror,
    pulled before and, when the command writes and succeeds, pushed after."""
    from tasks.load import WarehouseError
    from tasks.mirror import local_warehouse

    args.warehouse_location = getattr(args, "warehouse", None)
    if args.warehouse_location is None or args.command == "serve":
        return args.func(args)
    try:
        with local_warehouse(args.warehouse_location, writes=getattr(args, "writes", False)) as folder:
            args.warehouse = folder
            code = args.func(args)
            if code:  # leaving by an exception: a failed command uploads nothing
                sys.exit(code)
    except (WarehouseError, OSError) as exc:
        _fail(f"warehouse {args.warehouse_location}: {exc}", 1)
    return code


def main(argv: list[str] | None = None) -> None:
    args = build_parser().parse_args(argv)
    _quiet_environment(args.verbose)
    try:
        sys.exit(_run_command(args))
    except KeyboardInterrupt:
        _fail("interrupted", 130)
    except BrokenPipeError:  # output piped into `head` and the like, which stopped reading
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
        sys.exit(141)


if __name__ == "__main__":
    main()
