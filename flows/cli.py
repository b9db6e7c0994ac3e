"""The `scrapeline` command line: run, sql, validate, compact, serve.

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
from pathlib import Path

DEFAULT_WAREHOUSE = "warehouse"

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


def _fail(message: str, code: int = 2) -> None:
    from rich.console import Console

    Console(stderr=True).print(f"[bold red]error:[/] {message}")
    sys.exit(code)


def _check_sources(sources: list[str]) -> None:
    for arg in sources:
        if not (os.path.lexists(arg) or (set("*?[") & set(arg) and glob.glob(arg, recursive=True))):
            _fail(f"no such file or folder: {arg}")


def cmd_run(args: argparse.Namespace) -> int:
    _check_sources(args.sources)
    from flows.ingest import ingest
    from flows.report import print_summary

    try:
        summary = ingest(
            sources=[str(s) for s in args.sources],
            warehouse=str(args.warehouse),
            full_refresh=args.full_refresh,
            batch_files=args.batch_files,
            max_bytes=int(args.max_mb * 1024 * 1024),
            workers=args.workers,
            dask_address=args.dask_address,
            progress=not (args.quiet or args.json),
        )
    except Exception as exc:  # the run itself failed: one clear line, details in the Prefect UI/logs
        _fail(f"run failed: {exc}", 1)
    if args.json:
        print(json.dumps(summary, default=str))
    elif not args.quiet:
        print_summary(summary)
    return 0


def cmd_sql(args: argparse.Namespace) -> int:
    import duckdb

    from tasks.load import WarehouseError, connect

    try:
        con = connect(Path(args.warehouse), read_only=True)
    except WarehouseError as exc:
        _fail(str(exc))
    try:
        cur = con.execute(args.query)
        columns = [d[0] for d in cur.description] if cur.description else []
        rows = cur.fetchall() if columns else []
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
    from flows.report import summarise_outcomes
    from tasks.load import WarehouseError, connect
    from tasks.validate import SUITES, validate_rows

    try:
        con = connect(Path(args.warehouse), read_only=True)
    except WarehouseError as exc:
        _fail(str(exc))
    outcomes, failures = [], 0
    for suite in SUITES:
        rel = con.execute(f"SELECT * FROM {suite}")
        columns = [d[0] for d in rel.description]
        rows = [dict(zip(columns, r, strict=True)) for r in rel.fetchall()]
        verdict = validate_rows(suite, rows)
        outcomes.extend(verdict.outcomes)
        failures += len(verdict.failures)
    con.close()
    merged = summarise_outcomes(outcomes)
    _print_rows(
        ["suite", "expectation", "severity", "result", "unexpected", "examples"],
        [
            (
                m["suite"],
                m["expectation"],
                m["severity"],
                "pass" if m["success"] else "FAIL",
                f"{m['unexpected']} ({m['unexpected_percent']}%)",
                ", ".join(map(repr, m["examples"]))[:80],
            )
            for m in merged
        ],
        args.format,
    )
    return 1 if failures else 0


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
    from flows.ingest import ingest

    ingest.serve(
        name=args.name,
        cron=args.cron,
        parameters={
            "sources": [str(Path(s).resolve()) for s in args.sources],
            "warehouse": str(Path(args.warehouse).resolve()),
        },
    )
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="scrapeline", description="Turn raw news-page scrapes into article and comment tables."
    )
    parser.add_argument("--verbose", action="store_true", help="show Prefect's log lines on the terminal")
    sub = parser.add_subparsers(dest="command", required=True)

    def warehouse_opt(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--warehouse", default=DEFAULT_WAREHOUSE, help="warehouse folder (default: ./warehouse)"
        )

    run = sub.add_parser("run", help="load scrapes from files, folders or globs")
    run.add_argument("sources", nargs="+", metavar="SOURCE")
    warehouse_opt(run)
    run.add_argument(
        "--full-refresh", action="store_true", help="forget what was loaded and load everything again"
    )
    run.add_argument("--batch-files", type=int, default=2000, help="scrapes per batch task (default 2000)")
    run.add_argument(
        "--max-mb", type=float, default=20, help="reject inputs larger than this (default 20 MB)"
    )
    run.add_argument(
        "--workers", type=int, default=None, help="parallel batch processes (default: one per core)"
    )
    run.add_argument(
        "--dask-address", metavar="tcp://HOST:PORT", help="run the batch tasks on this Dask cluster"
    )
    run.add_argument("--quiet", action="store_true", help="no progress bar and no summary")
    run.add_argument("--json", action="store_true", help="print the run summary as JSON")
    run.set_defaults(func=cmd_run)

    sql = sub.add_parser("sql", help="run SQL on the warehouse (read-only)")
    sql.add_argument("query")
    warehouse_opt(sql)
    sql.add_argument("--format", choices=("table", "csv", "json"), default="table")
    sql.set_defaults(func=cmd_sql)

    val = sub.add_parser("validate", help="re-run the data-quality suites on what is loaded")
    warehouse_opt(val)
    val.add_argument("--format", choices=("table", "csv", "json"), default="table")
    val.set_defaults(func=cmd_validate)

    compact = sub.add_parser(
        "compact", help="merge many small Parquet files of each table into a few large ones"
    )
    warehouse_opt(compact)
    compact.set_defaults(func=cmd_compact)

    serve = sub.add_parser("serve", help="run on a schedule, visible in the Prefect UI")
    serve.add_argument("sources", nargs="+", metavar="SOURCE")
    warehouse_opt(serve)
    serve.add_argument("--cron", default="0 * * * *", help='cron schedule (default: "0 * * * *", hourly)')
    serve.add_argument("--name", default="scrapeline-scheduled", help="deployment name")
    serve.set_defaults(func=cmd_serve)
    return parser


def main(argv: list[str] | None = None) -> None:
    args = build_parser().parse_args(argv)
    _quiet_environment(args.verbose)
    try:
        sys.exit(args.func(args))
    except KeyboardInterrupt:
        _fail("interrupted", 130)


if __name__ == "__main__":
    main()
