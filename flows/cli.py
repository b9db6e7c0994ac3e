"""The `scrapeline` command line: init, run, sql, shell, export, runs, rejects, validate, docs,
replay, resegment, compact, explain, serve.

Prefect and Great Expectations are imported only by the commands that need them; their
telemetry is off and Prefect's console logging is limited to warnings unless --verbose, so a
normal run prints a progress bar and a summary, not library noise. Logs still reach the Prefect
API (and UI) at full detail. Options a project repeats (the warehouse, the sources, thresholds,
the schedule) come from `scrapeline.toml` when the command line does not give them.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

from tasks.discover import DEFAULT_BATCH_FILES, DEFAULT_BATCH_RECORDS
from tasks.readers.base import DEFAULT_MAX_BYTES
from tasks.sandbox import DEFAULT_MAX_CHARS, DEFAULT_SECONDS

STARTED = time.monotonic()  # the command's start, for the seconds its summary reports

DEFAULT_WAREHOUSE = "warehouse"
DEFAULT_MAX_MB = DEFAULT_MAX_BYTES / (1024 * 1024)
DEFAULT_CRON = "0 * * * *"
DEFAULT_DEPLOYMENT = "scrapeline-scheduled"
STAGES = ("read", "decode", "segment", "validate", "load")
EXIT_THRESHOLD = 3  # the run committed its data but crossed --max-reject-rate or --max-critical-rate

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
    from flows.show import error

    error(message)
    sys.exit(code)


def _read_only(args: argparse.Namespace):
    """The warehouse opened read-only for a query command, or a clear error and exit 2."""
    from tasks.load import WarehouseError, open_for_reading

    try:
        return open_for_reading(Path(args.warehouse))
    except WarehouseError as exc:
        _fail(str(exc))


def _note(message: str) -> None:
    """One dim line on stderr (what the command is doing while it starts)."""
    from rich.console import Console

    from flows.show import plain

    Console(stderr=True).print(plain(message), style="dim", soft_wrap=True)


def _has_files(folder: str) -> bool:
    """Whether a folder holds at least one file a run would read (hidden ones are skipped)."""
    for root, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        if any(not n.startswith(".") for n in names):
            return True
        del root
    return False


def _check_sources(sources: list[str]) -> list[str]:
    """Fail on a SOURCE that does not exist; return those that exist but hold no file to read
    (an empty folder, a glob matching only folders without files)."""
    from tasks.storage import is_s3

    empty = []
    for arg in sources:
        if is_s3(arg):  # listed by the run itself: a missing bucket or prefix is a failed run
            continue
        if os.path.lexists(arg):
            if os.path.isdir(arg) and not _has_files(arg):
                empty.append(arg)
            continue
        matches = glob.glob(arg, recursive=True) if set("*?[") & set(arg) else []
        if not matches:
            _fail(
                f"no such file or folder: {arg}"
                + (" (a glob matching nothing)" if set("*?[") & set(arg) else "")
            )
        if not any(os.path.isfile(m) or (os.path.isdir(m) and _has_files(m)) for m in matches):
            empty.append(arg)
    return empty


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
    `usage_errors` (no warehouse to work on, say) is the caller's mistake: exit status 2. A run
    that crossed a threshold returns its summary with `failed_because` set."""
    from flows.api import prefect_api  # light: Prefect and the flows load while its server boots

    try:
        with prefect_api(prepare=prepare):
            return start()
    except Exception as exc:
        from flows.run import ThresholdExceeded

        if isinstance(exc, ThresholdExceeded):
            return exc.summary
        if isinstance(exc, usage_errors):
            _fail(str(exc))
        _fail(f"{what} failed: {exc}", 1)  # the run itself failed: one clear line, details in Prefect


def _print_run(args: argparse.Namespace, summary: dict) -> int:
    """The summary of a run or resegment: as JSON, on the terminal, or not at all (--quiet).
    The seconds are the command's, start-up included. Exit status 3 when a threshold was crossed."""
    from flows.report import print_summary

    summary["startup_seconds"] = round(max(0.0, time.monotonic() - STARTED - summary.get("seconds", 0.0)), 3)
    summary["seconds"] = round(time.monotonic() - STARTED, 3)
    if args.json:
        print(json.dumps(summary, default=str))
    elif not args.quiet:
        given = getattr(args, "warehouse_location", None)
        hint = None if given in (None, DEFAULT_WAREHOUSE) else given
        print_summary(summary, hint_warehouse=hint)
    return EXIT_THRESHOLD if summary.get("failed_because") else 0


def _announce_run(args: argparse.Namespace) -> None:
    """Check the sources and say what the run is doing, before the warehouse, Prefect or Great
    Expectations load (a second or more of imports, and the API server's boot, follow)."""
    args.empty_sources = _check_sources(args.sources)
    if not (args.quiet or args.json):
        _note(f"loading {', '.join(args.sources)} into {args.warehouse} (starting Prefect) …")


def _preview(args: argparse.Namespace) -> int | None:
    """Discover the sources and compare them with what is loaded while the API server boots, and
    say how many files the run will read; None for S3 sources (listing them twice costs requests).

    The flow discovers again under the writer lock: this count is what the terminal shows first,
    and whether Great Expectations is worth loading while the server boots."""
    from tasks.discover import discover, plan
    from tasks.load import load_state
    from tasks.storage import is_s3

    if any(is_s3(s) for s in args.sources):
        return None
    try:
        found = discover([str(s) for s in args.sources])
        state = {} if args.full_refresh else load_state(Path(args.warehouse))
        todo, unchanged = plan(found.files, state)
    except Exception:  # a preview only: the flow reports what is wrong, or waits for a writer
        return None
    if not (args.quiet or args.json):
        _note(f"{len(found.files):,} files found: {len(todo):,} new or changed, {len(unchanged):,} unchanged")
    return len(todo)


def cmd_run(args: argparse.Namespace) -> int:
    empty = args.empty_sources if hasattr(args, "empty_sources") else _check_sources(args.sources)
    from tasks.storage import is_s3

    chatty = not (args.quiet or args.json)

    def prepare(booting: bool) -> None:
        to_read = _preview(args)
        _load_pipeline(booting and to_read != 0)  # nothing to read: nothing to validate

    def start() -> dict:
        from prefect import tags

        from flows.ingest import ingest

        location = args.warehouse_location
        with tags(*([f"warehouse:{location}"] if is_s3(location) else [])):
            return ingest(
                sources=[str(s) for s in args.sources],
                warehouse=str(args.warehouse),
                full_refresh=args.full_refresh,
                batch_files=args.batch_files,
                max_bytes=int(args.max_mb * 1024 * 1024),
                workers=args.workers,
                dask_address=args.dask_address,
                progress=chatty,
                segment_seconds=args.segment_seconds,
                segment_max_chars=args.segment_max_chars,
                max_reject_rate=args.max_reject_rate,
                max_critical_rate=args.max_critical_rate,
            )

    summary = _run_flow("run", start, prepare=prepare)
    summary["empty_sources"] = empty
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
    except duckdb.Error as exc:  # the whole message: DuckDB's hints ("Candidate bindings", LINE 1) included
        _fail(str(exc).strip() or type(exc).__name__)
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
        from flows.report import print_table

        print_table(columns, rows)


def cmd_shell(args: argparse.Namespace) -> int:
    """The DuckDB command line on the warehouse, read-only (its views pointed here first)."""
    from tasks.load import DB_NAME, WarehouseError, open_for_reading

    warehouse = Path(args.warehouse)
    try:
        open_for_reading(warehouse).close()
    except WarehouseError as exc:
        _fail(str(exc))
    cli = _duckdb_cli()
    if cli is None:
        _fail(
            "the DuckDB command line is not installed (it comes with scrapeline as the `duckdb-cli` "
            "package: `pip install duckdb-cli`); `scrapeline sql` runs single queries without it"
        )
    sys.stdout.flush()
    os.execv(
        cli, [cli, "-readonly", str(warehouse / DB_NAME), *(["-c", args.run_sql] if args.run_sql else [])]
    )


def _duckdb_cli() -> str | None:
    """The `duckdb` command beside this Python (the duckdb-cli wheel), else on PATH."""
    beside = Path(sys.executable).parent / "duckdb"
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    return shutil.which("duckdb")


EXPORT_FORMATS = {
    ".parquet": "(FORMAT parquet, COMPRESSION zstd)",
    ".csv": "(FORMAT csv, HEADER true)",
    ".tsv": "(FORMAT csv, HEADER true, DELIMITER '\t')",
    ".jsonl": "(FORMAT json)",
    ".ndjson": "(FORMAT json)",
    ".json": "(FORMAT json, ARRAY true)",
}


def cmd_export(args: argparse.Namespace) -> int:
    """One table or view to a Parquet, CSV or JSON Lines file (what `COPY` in `scrapeline sql` may not do)."""
    import duckdb

    out = Path(args.out)
    suffix = out.suffix.lower()
    if suffix not in EXPORT_FORMATS:
        _fail(f"cannot tell the format of {out}: name it .parquet, .csv, .tsv, .jsonl, .ndjson or .json")
    con = _read_only(args)
    try:
        names = {
            r[0]
            for r in con.execute(
                "SELECT view_name FROM duckdb_views() WHERE database_name = current_database() AND NOT internal "
                "UNION SELECT table_name FROM duckdb_tables() WHERE database_name = current_database()"
            ).fetchall()
        }
        if args.table not in names:
            _fail(
                f"no table or view {args.table!r}; there are: {', '.join(sorted(n for n in names if not n.startswith('_')))}"
            )
        if not out.parent.is_dir():
            _fail(f"no such folder: {out.parent}")
        tmp = out.with_name(f".{out.name}.tmp")
        where = f" WHERE {args.where}" if args.where else ""
        quoted = '"' + args.table.replace('"', '""') + '"'
        target = "'" + str(tmp).replace("'", "''") + "'"
        try:
            (rows,) = con.execute(f"SELECT count(*) FROM {quoted}{where}").fetchone()
            con.execute(f"COPY (SELECT * FROM {quoted}{where}) TO {target} {EXPORT_FORMATS[suffix]}")
        except duckdb.Error as exc:
            tmp.unlink(missing_ok=True)
            _fail(str(exc).strip())
        os.replace(tmp, out)
    finally:
        con.close()
    from rich.console import Console

    from flows.show import plain

    Console(stderr=True).print(plain(f"{rows} rows of {args.table} written to {out}"), soft_wrap=True)
    return 0


def cmd_runs(args: argparse.Namespace) -> int:
    """The run history: newest first, with counts, rejects and duration."""

    con = _read_only(args)
    try:
        cur = con.execute(
            "SELECT run_id, coalesce(command, 'run') AS command, status, started_at, round(seconds, 1) AS seconds, "
            "files_seen, files_new, files_rejected, articles, comments, rejects FROM runs "
            "ORDER BY started_at DESC, run_id DESC LIMIT ?",
            [args.limit],
        )
        columns = [d[0] for d in cur.description]
        rows = cur.fetchall()
    finally:
        con.close()
    if not rows and args.format == "table":
        print("no runs yet")
        return 0
    _print_rows(columns, rows, args.format)
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    from flows.report import print_expectations, summarise_outcomes
    from tasks.validate import validate_loaded

    con = _read_only(args)
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

    con = _read_only(args)
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
        reasons = (
            [r[0] for r in con.execute(f"SELECT DISTINCT reason FROM {view} ORDER BY 1").fetchall()]
            if args.reason and not rows
            else []
        )
    finally:
        con.close()
    if args.reason and not rows and args.reason not in reasons:
        _fail(
            f"no reject has the reason {args.reason!r}"
            + (f"; the reasons are: {', '.join(reasons)}" if reasons else " (there are no rejects)")
        )
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

    from flows.show import line, plain

    console = Console()
    console.print(
        line((f"replay {summary['run_id']} done", "bold green"), " → ", plain(summary["warehouse"]))
    )
    console.print(
        plain(
            f"open rejects {summary['open_rejects']}: {summary['resolved']} resolved, "
            f"{summary['still_failing']} still failing, {summary['not_replayed']} not replayable"
        )
    )
    console.print(
        plain(
            f"inputs replayed {summary['files_seen']} ({summary['files_new']} loaded, "
            f"{summary['files_rejected']} rejected); articles {summary['articles']}, "
            f"comments {summary['comments']}, new reject rows {summary['rejects']}"
        )
    )
    for source in summary["missing_inputs"]:
        console.print(line(("  not replayed (file gone): ", "yellow"), plain(source)))
    return 0


def cmd_explain(args: argparse.Namespace) -> int:
    """How the segmenter read one scrape: each line's label, how sure the model is, and the
    features that decided it; then what was assembled from the labels."""
    from tasks.clean import clean_text
    from tasks.read import ReadError, read_bytes
    from tasks.segment import Page, assemble_page, label_page, rules
    from tasks.segment.labeller import by_rules, finish

    path = Path(args.file)
    if not path.is_file():
        _fail(f"no such file: {path}")
    try:
        records = read_bytes(path.name, path.read_bytes())
    except ReadError as exc:
        _fail(f"{exc.stage}: {exc.reason} ({exc.detail})", 1)
    for i, rec in enumerate(records):
        page = None
        if rec.format == "html":  # read from the markup: no lines to label
            from tasks.extract import extract_page

            seg = extract_page(rec)
            if seg is None:
                print(f"{rec.source}: no article text in the page's markup")
                continue
            print(f"{rec.source}{f' #{i}' if len(records) > 1 else ''} (html, read from its markup)")
        else:
            text = clean_text(rec.text)
            markdown = rec.format == "markdown"
            known = Page(text, markdown, rec.title, scraped_at=rec.scraped_at)
            seg = by_rules(known) if rules.recognises(text, markdown) else None
            if seg is not None:
                how = seg.trace["segmenter"]
            else:
                page = label_page(text, markdown=markdown, title_hint=rec.title, reasons=True)
                seg = assemble_page(page, title_hint=rec.title, scraped_at=rec.scraped_at)
                how = f"{len(page.lines)} lines, read by the line model"
            finish(seg, known)
            print(f"{rec.source}{f' #{i}' if len(records) > 1 else ''} ({rec.format}): {how}")
        print(f"  title        {seg.title!r}  [{seg.trace.get('title')}]")
        print(f"  byline       {seg.byline!r}  [{seg.trace.get('byline')}]")
        print(f"  published_at {seg.published_at}  [{seg.trace.get('published_at', 'none')}]")
        print(f"  body         {seg.trace.get('body_start', 'none')}, {len(seg.body.split())} words")
        print(f"  comments     {len(seg.comments)}  [{seg.comment_system or 'no comment section'}]")
        for c in seg.comments:
            where = seg.trace.get(f"comment {c.position}", c.rule)
            first = " ".join(c.text.split())[:60]
            print(f"    #{c.position:<3} {where}  author={c.author!r} date={c.published_text!r}  {first!r}")
        if page is not None and not args.summary:
            print("  line  label    p     text  [features that decided it]")
            for line, label, prob, why in page.explained():
                shown = " ".join(line.text.split())
                shown = shown if len(shown) <= 60 else shown[:59] + "…"
                because = ", ".join(f"{name} {value:+.1f}" for name, value in why)
                print(f"  {line.row + 1:>4}  {label:8} {prob:.2f}  {shown}  [{because}]")
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


def cmd_docs(args: argparse.Namespace) -> int:
    """Serve the warehouse's Great Expectations Data Docs over HTTP until interrupted."""
    from functools import partial
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    from tasks.data_docs import docs_index

    index = docs_index(Path(args.warehouse))
    if not index.is_file():
        _fail(f"no Data Docs under {args.warehouse} yet: a `scrapeline run` builds them")

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, format: str, *log_args) -> None:  # no line per request on the terminal
            pass

    try:
        server = ThreadingHTTPServer((args.host, args.port), partial(Quiet, directory=str(index.parent)))
    except OSError as exc:
        _fail(f"cannot serve on {args.host}:{args.port}: {exc.strerror or exc}; choose another --port")

    print(
        f"Data Docs of {args.warehouse} at http://{args.host}:{server.server_port}/index.html (Ctrl-C stops)"
    )
    sys.stdout.flush()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


def cmd_init(args: argparse.Namespace) -> int:
    """Write scrapeline.toml in the current folder."""
    from flows.config import CONFIG_NAME, template

    target = Path(CONFIG_NAME)
    if target.exists() and not args.force:
        _fail(f"{target.resolve()} exists already (--force replaces it)")
    sources = args.sources or ["scrapes/"]
    target.write_text(
        template(args.warehouse or DEFAULT_WAREHOUSE, sources, args.cron or DEFAULT_CRON), encoding="utf-8"
    )
    print(f"wrote {target.resolve()}")
    print("now: scrapeline run        (loads the sources it names into its warehouse)")
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

    warehouse = str(Path(args.warehouse).resolve())
    try:
        ingest.serve(
            name=args.name,
            cron=args.cron,
            tags=["scrapeline", f"warehouse:{warehouse}"],
            parameters={
                "sources": [s if is_s3(s) else str(Path(s).resolve()) for s in args.sources],
                "warehouse": warehouse,
                "max_reject_rate": args.max_reject_rate,
                "max_critical_rate": args.max_critical_rate,
            },
        )
    except Exception as exc:  # e.g. the server is down: one clear line, not the HTTP client's traceback
        _fail(f"serve failed: {type(exc).__name__}: {exc}", 1)
    return 0


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    def of(name: str) -> str:
        try:
            return version(name)
        except PackageNotFoundError:
            return "not installed"

    return (
        f"scrapeline {of('scrapeline')} (duckdb {of('duckdb')}, prefect {of('prefect')}, "
        f"great-expectations {of('great-expectations')}; warehouse files readable by DuckDB 1.1 and newer)"
    )


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--verbose",
        action="store_true",
        default=argparse.SUPPRESS,
        help="show Prefect's log lines on the terminal",
    )
    common.add_argument(
        "--config",
        metavar="FILE",
        default=argparse.SUPPRESS,
        help="project file (default: scrapeline.toml here or in a folder above, or $SCRAPELINE_CONFIG)",
    )
    parser = argparse.ArgumentParser(
        prog="scrapeline",
        description="Turn raw news-page scrapes into article and comment tables.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=_version())
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, help: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, help=help, description=help, parents=[common])

    def warehouse_opt(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--warehouse",
            default=None,
            help="warehouse folder or s3://bucket/prefix (default: scrapeline.toml's, else ./warehouse)",
        )

    def sources_opt(p: argparse.ArgumentParser) -> None:
        p.add_argument("sources", nargs="*", metavar="SOURCE", help="default: the sources of scrapeline.toml")
        warehouse_opt(p)

    def number(p: argparse.ArgumentParser, flag: str, default: float, what: str, shown: object) -> None:
        """A numeric option whose help ends with its default, given once (the DEFAULT_* constant);
        None when not given, so that scrapeline.toml can set it."""
        p.add_argument(flag, type=type(default), default=None, help=f"{what} (default {shown})")

    def max_mb_opt(p: argparse.ArgumentParser) -> None:
        number(p, "--max-mb", DEFAULT_MAX_MB, "reject inputs larger than this", f"{DEFAULT_MAX_MB:g} MB")

    def threshold_opts(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--max-reject-rate",
            type=_rate,
            default=None,
            metavar="RATE",
            help="end the run Failed (exit status 3, data still committed) when more than this share of "
            "the inputs read (unreadable files and records) is rejected, e.g. 0.1 or 10%% (default: no limit)",
        )
        p.add_argument(
            "--max-critical-rate",
            type=_rate,
            default=None,
            metavar="RATE",
            help="end the run Failed when more than this share of the validated rows fails a critical "
            "expectation (default: no limit)",
        )

    init = command("init", "write scrapeline.toml here: warehouse, sources, schedule, thresholds")
    init.add_argument("sources", nargs="*", metavar="SOURCE")
    init.add_argument(
        "--warehouse", default=None, help="warehouse folder or s3://bucket/prefix (default: warehouse)"
    )
    init.add_argument(
        "--cron", default=None, help=f'schedule for `scrapeline serve` (default: "{DEFAULT_CRON}")'
    )
    init.add_argument("--force", action="store_true", help="replace an existing scrapeline.toml")
    init.set_defaults(func=cmd_init, no_warehouse=True)

    run = command("run", "load scrapes from files, folders or globs")
    sources_opt(run)
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
    threshold_opts(run)
    run.add_argument("--quiet", action="store_true", help="no progress bar and no summary")
    run.add_argument("--json", action="store_true", help="print the run summary as JSON")
    run.set_defaults(func=cmd_run, writes=True)

    sql = command("sql", "run SQL on the warehouse (read-only)")
    sql.add_argument("query")
    warehouse_opt(sql)
    sql.add_argument("--format", choices=("table", "csv", "json"), default="table")
    sql.set_defaults(func=cmd_sql)

    shell = command("shell", "open the warehouse, read-only, in the DuckDB command line")
    warehouse_opt(shell)
    shell.add_argument("-c", dest="run_sql", metavar="SQL", help="run these statements and exit")
    shell.set_defaults(func=cmd_shell)

    export = command("export", "write a table or view to a .parquet, .csv, .tsv, .jsonl or .json file")
    export.add_argument("table", metavar="TABLE")
    export.add_argument("out", metavar="OUT")
    warehouse_opt(export)
    export.add_argument("--where", metavar="SQL", help="only the rows matching this condition")
    export.set_defaults(func=cmd_export)

    runs = command("runs", "list the run history: counts, rejects, duration")
    warehouse_opt(runs)
    runs.add_argument("--limit", type=int, default=20, help="newest runs shown (default 20)")
    runs.add_argument("--format", choices=("table", "csv", "json"), default="table")
    runs.set_defaults(func=cmd_runs)

    rej = command("rejects", "list quarantined inputs and rows, grouped by reason")
    warehouse_opt(rej)
    rej.add_argument("--stage", choices=STAGES, help="only this stage")
    rej.add_argument("--reason", help="only this reason (for validate: the expectation's name)")
    rej.add_argument("--all", action="store_true", help="include rejects resolved by a replay")
    rej.add_argument("--format", choices=("table", "csv", "json"), default="table")
    rej.set_defaults(func=cmd_rejects)

    val = command("validate", "re-run the data-quality suites on what is loaded")
    warehouse_opt(val)
    val.add_argument("--format", choices=("table", "csv", "json"), default="table")
    val.set_defaults(func=cmd_validate)

    docs = command("docs", "serve the Great Expectations Data Docs of the warehouse over HTTP")
    warehouse_opt(docs)
    docs.add_argument(
        "--port", type=int, default=None, help="port (default: scrapeline.toml's, else 8765; 0: any free one)"
    )
    docs.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    docs.set_defaults(func=cmd_docs)

    rep = command("replay", "re-process the inputs of open rejects after a fix")
    warehouse_opt(rep)
    max_mb_opt(rep)
    rep.add_argument("--json", action="store_true", help="print the replay summary as JSON")
    rep.set_defaults(func=cmd_replay, writes=True)

    reseg = command("resegment", "rebuild articles and comments from the loaded pages, without the sources")
    warehouse_opt(reseg)
    per_batch = f"pages per batch task (default {DEFAULT_BATCH_RECORDS})"
    reseg.add_argument("--batch-records", type=int, default=DEFAULT_BATCH_RECORDS, help=per_batch)
    reseg.add_argument("--quiet", action="store_true", help="no summary")
    reseg.add_argument("--json", action="store_true", help="print the run summary as JSON")
    reseg.set_defaults(func=cmd_resegment, writes=True)

    compact = command("compact", "merge many small Parquet files of each table into a few large ones")
    warehouse_opt(compact)
    compact.set_defaults(func=cmd_compact, writes=True)

    explain = command("explain", "show how one scrape is segmented: each line's label and why")
    explain.add_argument("file", metavar="FILE")
    explain.add_argument("--summary", action="store_true", help="only what was assembled, not every line")
    explain.set_defaults(func=cmd_explain, no_warehouse=True)

    serve = command("serve", "run on a schedule, visible in the Prefect UI")
    sources_opt(serve)
    serve.add_argument(
        "--cron",
        default=None,
        help=f'cron schedule (default: scrapeline.toml\'s, else "{DEFAULT_CRON}", hourly)',
    )
    serve.add_argument("--name", default=None, help=f"deployment name (default {DEFAULT_DEPLOYMENT})")
    threshold_opts(serve)
    serve.set_defaults(func=cmd_serve)
    return parser


def _rate(text: str) -> float:
    """A share: 0.1, or 10%."""
    try:
        value = float(text[:-1]) / 100 if text.endswith("%") else float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a rate: {text!r} (write 0.1 or 10%)") from None
    if not 0 <= value <= 1:
        raise argparse.ArgumentTypeError(f"a rate is between 0 and 1 (0% and 100%), not {text}")
    return value


# option -> (section of scrapeline.toml, key, built-in default)
CONFIGURED = {
    "max_mb": ("run", "max_mb", DEFAULT_MAX_MB),
    "workers": ("run", "workers", None),
    "batch_files": ("run", "batch_files", DEFAULT_BATCH_FILES),
    "segment_seconds": ("run", "segment_seconds", DEFAULT_SECONDS),
    "segment_max_chars": ("run", "segment_max_chars", DEFAULT_MAX_CHARS),
    "max_reject_rate": ("thresholds", "max_reject_rate", None),
    "max_critical_rate": ("thresholds", "max_critical_rate", None),
    "cron": ("schedule", "cron", DEFAULT_CRON),
    "name": ("schedule", "name", DEFAULT_DEPLOYMENT),
    "port": ("docs", "port", 8765),
}


def _apply_config(args: argparse.Namespace) -> None:
    """Fill what the command line left out from scrapeline.toml, then from the built-in defaults."""
    from flows.config import ConfigError, find_config, load_config

    given = getattr(args, "config", None)
    try:
        config = load_config(Path(given) if given else find_config())
    except ConfigError as exc:
        _fail(str(exc))
    args.project = config.path
    if hasattr(args, "warehouse") and args.command != "init" and args.warehouse is None:
        configured = config.get("", "warehouse")
        args.warehouse = config.location(configured) if configured else DEFAULT_WAREHOUSE
    if hasattr(args, "sources") and args.command in ("run", "serve") and not args.sources:
        args.sources = [config.location(s) for s in config.get("", "sources") or []]
        if not args.sources:
            where = (
                f"{config.path} names none"
                if config.path
                else "there is no scrapeline.toml (see `scrapeline init`)"
            )
            _fail(f"no SOURCE given, and {where}")
    for option, (section, key, default) in CONFIGURED.items():
        if hasattr(args, option) and getattr(args, option) is None:
            value = config.get(section, key)
            setattr(args, option, default if value is None else value)
    for option in ("max_reject_rate", "max_critical_rate"):
        value = getattr(args, option, None)
        if value is not None and not 0 <= value <= 1:
            _fail(f"{option} = {value} in {config.path}: a rate is between 0 and 1")


def _run_command(args: argparse.Namespace) -> int:
    """Run the command on its warehouse folder; an s3:// warehouse through its local mirror,
    pulled before and, when the command writes and commits, pushed after."""
    from tasks.load import WarehouseError
    from tasks.mirror import local_warehouse

    args.warehouse_location = getattr(args, "warehouse", None)
    if args.warehouse_location is None or args.command == "serve" or getattr(args, "no_warehouse", False):
        return args.func(args)
    try:
        with local_warehouse(args.warehouse_location, writes=getattr(args, "writes", False)) as folder:
            args.warehouse = folder
            code = args.func(args)
            if code not in (0, EXIT_THRESHOLD):  # leaving by an exception: a failed command uploads nothing
                sys.exit(code)
    except (WarehouseError, OSError) as exc:
        _fail(f"warehouse {args.warehouse_location}: {exc}", 1)
    return code


def main(argv: list[str] | None = None) -> None:
    args = build_parser().parse_args(argv)
    args.verbose = getattr(args, "verbose", False)
    _quiet_environment(args.verbose)
    _apply_config(args)
    try:
        if args.command == "run":
            _announce_run(args)
        sys.exit(_run_command(args))
    except KeyboardInterrupt:
        _fail("interrupted", 130)
    except BrokenPipeError:  # output piped into `head` and the like, which stopped reading
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
        sys.exit(141)


if __name__ == "__main__":
    main()
