"""The life cycle every writing flow shares (`run`, `replay`, `resegment`), in one place.

    with Run(warehouse, logger) as run:              # writer lock, orphans removed, warehouse ready
        for result in batches:
            run.add(result)                         # parts, counts, reasons, expectation outcomes
        summary = run.summary(files_seen=..., ...)  # the counts every summary has
        run.commit(summary, sources=...)            # reconciled, `runs` row, atomic commit
        run.build_data_docs()                       # GX Data Docs of the run's validation results
    run.report(summary)                             # seconds, reject reasons, verdict, Prefect artifacts
    return run.final_state(summary)                 # Completed (with rejects) or Failed, counts in its message

What differs between the flows (what they read, how they count inputs, what a replay resolves)
stays in each flow; what they share cannot drift apart.
"""

from __future__ import annotations

import logging
import re
import secrets
import shlex
import time
from collections import Counter
from contextlib import ExitStack
from datetime import UTC, datetime

from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run
from prefect.states import Completed, Failed, State

from flows.report import publish_artifacts, state_message
from tasks.crash import crash_point
from tasks.data_docs import merge_result
from tasks.load import WarehouseError, utcnow
from tasks.pipeline import RECORD_OUTCOMES, BatchResult
from tasks.validate import ExpectationOutcome
from tasks.warehouse import Part, Parts, Warehouse


class ReconciliationError(RuntimeError):
    """The files a run saw do not add up to the files it loaded, skipped and rejected."""


class ThresholdExceeded(RuntimeError):
    """The run loaded and committed what it could, but its rejects or failed expectations crossed a
    threshold (`--max-reject-rate`, `--max-critical-rate`): it ends Failed, with its summary."""

    def __init__(self, summary: dict) -> None:
        super().__init__("; ".join(summary["failed_because"]))
        self.summary = summary


@task(name="commit", cache_policy=NO_CACHE)
def commit_task(warehouse: Warehouse, run_id: str, parts: Parts) -> None:
    """Make every part of the run visible at once and refresh the DuckDB views."""
    warehouse.commit(run_id, parts)


@task(name="data-docs", cache_policy=NO_CACHE)
def data_docs_task(warehouse: Warehouse, run_id: str, run_time: datetime, results: list[dict]) -> str | None:
    """Great Expectations Data Docs for this run (once per run, after the batches)."""
    try:
        return str(warehouse.build_data_docs(run_id, run_time, results))
    except Exception as exc:  # the data is committed; a docs failure must not fail the run
        get_run_logger().error("could not build Data Docs under %s: %s", warehouse, exc)
        return None


RUN_ID = re.compile(r"\d{8}T\d{6}-[0-9a-f]{6}")


def new_run_id() -> str:
    """A run id: UTC start time and 6 random hex digits. The flows name their Prefect flow runs
    with it (`flow_run_name=new_run_id`), and a run takes its flow run's name as its id."""
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S") + "-" + secrets.token_hex(3)


def run_id_from_flow_run() -> str:
    name = flow_run.get_name() or ""
    return name if RUN_ID.fullmatch(name) else new_run_id()


def tag_flow_run(*tags: str) -> None:
    """Add tags to the current flow run (those given by the caller's `prefect.tags` stay)."""
    from prefect.client.orchestration import get_client

    run_id = flow_run.get_id()
    if not run_id:
        return
    try:
        with get_client(sync_client=True) as client:
            current = client.read_flow_run(run_id).tags
            given = {t.split(":", 1)[0] + ":" for t in current if ":" in t}
            # a `key:value` tag the caller gave (the s3:// warehouse, not its mirror) is kept as given
            wanted = sorted(set(current) | {t for t in tags if t.split(":", 1)[0] + ":" not in given})
            if wanted != sorted(current):
                client.update_flow_run(run_id, tags=wanted)
    except Exception as exc:  # monitoring must never fail a run
        logging.getLogger(__name__).warning("could not tag the flow run: %s", exc)


def quality_counts(outcomes: list[ExpectationOutcome], reasons: Counter) -> dict[str, int]:
    """Expectations checked, failed (critical) and warned, rows validated and quarantined."""
    rows_by_suite: dict[str, int] = {}
    for o in outcomes:
        rows_by_suite[o.suite] = max(rows_by_suite.get(o.suite, 0), o.element_count)
    return {
        "checked": len(outcomes),
        "critical_failed": sum(1 for o in outcomes if not o.success and o.severity == "critical"),
        "warnings": sum(1 for o in outcomes if not o.success and o.severity != "critical"),
        "rows_validated": sum(rows_by_suite.values()),
        "rows_quarantined": sum(n for (stage, _), n in reasons.items() if stage == "validate"),
    }


def judge(summary: dict, max_reject_rate: float | None, max_critical_rate: float | None) -> None:
    """`reject_rate`, `critical_rate`, `status` and `failed_because` of a summary."""
    # whole files that could not be read, and records (pages) read: rejected ones among them
    records = summary.get("records_seen", summary["files_new"])
    seen = summary["files_rejected"] + records
    rejected = summary["files_rejected"] + summary.get("records_rejected", 0)
    summary["inputs_read"], summary["inputs_rejected"] = seen, rejected
    summary["reject_rate"] = round(rejected / seen, 4) if seen else 0.0
    q = summary.get("quality") or {}
    validated = q.get("rows_validated") or 0
    summary["critical_rate"] = round(q.get("rows_quarantined", 0) / validated, 4) if validated else 0.0
    failed = []
    if max_reject_rate is not None and summary["reject_rate"] > max_reject_rate:
        failed.append(
            f"reject rate {100 * summary['reject_rate']:.1f}% ({rejected} of {seen} inputs read) is above "
            f"--max-reject-rate {100 * max_reject_rate:g}%"
        )
    if max_critical_rate is not None and summary["critical_rate"] > max_critical_rate:
        failed.append(
            f"{100 * summary['critical_rate']:.1f}% of validated rows ({q['rows_quarantined']} of "
            f"{validated}) failed a critical expectation, above --max-critical-rate {100 * max_critical_rate:g}%"
        )
    summary["failed_because"] = failed
    summary["status"] = (
        "failed" if failed else ("completed with rejects" if summary["rejects"] else "completed")
    )


def row_counts(totals: Counter) -> dict[str, int]:
    """The summary's rows loaded and records accounted for, from the batches' summed counts."""
    return {
        **{k: totals[k] for k in ("articles", "comments", "rejects", "records_seen")},
        **{f"records_{k}": totals[f"records_{k}"] for k in RECORD_OUTCOMES},
    }


def check_records(summary: dict) -> None:
    """Every record read ends loaded, duplicate, rejected or skipped: the counts must add up."""
    accounted = sum(summary[f"records_{k}"] for k in RECORD_OUTCOMES)
    if accounted != summary["records_seen"]:
        raise RuntimeError(
            f"run does not reconcile: {summary['records_seen']} records seen, {accounted} accounted for"
        )


def check_reconciliation(summary: dict) -> None:
    """Every input seen is loaded, unchanged or rejected; anything else fails the run before commit."""
    seen = summary["files_seen"]
    new, unchanged, rejected = summary["files_new"], summary["files_unchanged"], summary["files_rejected"]
    accounted = new + unchanged + rejected
    if accounted != seen:
        raise ReconciliationError(
            f"run {summary['run_id']} does not reconcile: {seen} input files seen, but "
            f"{new} loaded + {unchanged} unchanged + {rejected} rejected = {accounted} "
            f"({seen - accounted:+d} unaccounted for). Nothing was committed; the warehouse is as "
            "it was before this run."
        )


def merge_outcomes(into: dict[tuple[str, str], ExpectationOutcome], batch: list[ExpectationOutcome]) -> None:
    """Fold one batch's expectation results into one running total per expectation, so the flow
    holds a fixed amount of data however many batches the run has."""
    for o in batch:
        m = into.get((o.suite, o.name))
        if m is None:
            into[(o.suite, o.name)] = ExpectationOutcome(
                o.suite, o.name, o.severity, o.success, o.element_count, o.unexpected_count, list(o.examples)
            )
            continue
        m.success = m.success and o.success
        m.element_count += o.element_count
        m.unexpected_count += o.unexpected_count
        m.examples = (m.examples + [e for e in o.examples if e not in m.examples])[:5]


class Run:
    """One writing command on a warehouse, from taking its writer lock to its artifacts.

    `full_refresh` forgets what was loaded first; `create` makes a missing warehouse, else one
    must exist (`require`) or a missing one is left to the flow to report.
    """

    def __init__(
        self,
        location: str,
        logger: logging.Logger | logging.LoggerAdapter,
        *,
        full_refresh: bool = False,
        create: bool = False,
        require: bool = False,
    ) -> None:
        self.warehouse = Warehouse.at(location)
        self.logger = logger
        self.full_refresh, self.create, self.require = full_refresh, create, require
        self.run_id = run_id_from_flow_run()
        self.started, self.t0 = utcnow(), time.perf_counter()
        self.totals: Counter = Counter()
        self.reasons: Counter = Counter()
        self.seconds: Counter = Counter()
        # stage -> CPU seconds (batch threads, segmenter children, the commit); "start-up" is this
        # process's CPU before the run began: imports, the Prefect client, the flow run's creation
        self.cpu: Counter = Counter({"start-up": time.process_time()})
        self.skipped: Counter = Counter()
        self.outcomes: dict[tuple[str, str], ExpectationOutcome] = {}
        self.validation_results: dict[str, dict] = {}  # suite -> the run's one merged result
        self.parts: Parts = {}
        self._stack = ExitStack()

    def tag(self, command: str, *more: str) -> None:
        """Tags of the flow run in the Prefect UI: the command, the warehouse, and `more`."""
        tag_flow_run("scrapeline", f"command:{command}", f"warehouse:{self.warehouse}", *more)

    def __enter__(self) -> Run:
        wh = self.warehouse
        if self.require and not wh.exists:
            raise WarehouseError(f"no warehouse at {wh}; load something with `scrapeline run` first")

        def waiting(holder: str) -> None:
            self.logger.warning("warehouse %s is being written by %s; waiting for it to finish", wh, holder)

        self._stack.enter_context(wh.lock(on_wait=waiting))
        try:
            crash_point("after_lock")
            if self.full_refresh:
                wh.full_refresh()
            upgraded = wh.upgrade()
            if upgraded:
                self.logger.info("warehouse %s: %s", wh, upgraded)
            orphans = wh.remove_orphans()
            if orphans:
                self.logger.info("removed %d uncommitted part files left by an interrupted run", orphans)
            if self.create:
                wh.init()
        except BaseException:
            self._stack.close()
            raise
        return self

    def __exit__(self, *exc) -> None:
        self._stack.close()

    def add(self, result: BatchResult) -> None:
        """Add one batch's parts, counts, reasons, seconds and expectation results to the run's."""
        self.skipped.update(result.skipped)
        for table, files in result.parts.items():
            self.parts.setdefault(table, []).extend(files)
        self.totals.update(result.counts)
        self.reasons.update(result.reject_reasons)
        self.seconds.update(result.seconds)
        self.cpu.update(result.cpu)
        merge_outcomes(self.outcomes, result.outcomes)
        for found in result.validation_results:  # one result per suite for the run, not one per batch
            suite = found.get("suite_name") or "unknown"
            self.validation_results[suite] = merge_result(self.validation_results.get(suite), found)

    def add_part(self, table: str, part: Part | None) -> None:
        if part:
            self.parts.setdefault(table, []).append(part)

    def summary(self, **files: int) -> dict:
        """The summary's head: the run, its warehouse, then `files` (files_seen, ...) as given."""
        return {
            "run_id": self.run_id,
            "flow_run_id": str(flow_run.get_id() or ""),
            "warehouse": str(self.warehouse),
            **files,
        }

    def commit(self, summary: dict, *, status: str = "completed", sources: str = "", **fields) -> None:
        """Check the summary adds up, write the `runs` row, and commit every part at once.

        Files must reconcile when the summary counts files, records when it counts records; a run
        that does not add up fails here, before its commit, leaving the warehouse as it was.
        `fields` are more columns of the `runs` row (command, skipped).
        """
        check_reconciliation(summary)
        if "records_seen" in summary:
            check_records(summary)
        summary["seconds"] = round(time.perf_counter() - self.t0, 3)
        self.add_part(
            "runs",
            self.warehouse.write_run_row(
                self.run_id, summary, self.started, status=status, sources=sources, **fields
            ),
        )
        crash_point("before_commit")
        started = time.thread_time()
        commit_task(self.warehouse, self.run_id, self.parts)
        self.cpu["commit"] += time.thread_time() - started

    def build_data_docs(self, always: bool = False) -> None:
        """The Data Docs for this run's validation results (or a first, empty site when `always`)."""
        if self.validation_results or (always and not self.warehouse.data_docs.exists()):
            started = time.thread_time()
            data_docs_task(self.warehouse, self.run_id, self.started, list(self.validation_results.values()))
            self.cpu["data_docs"] += time.thread_time() - started

    def report(
        self,
        summary: dict,
        *,
        stage_seconds: bool = False,
        data_docs: bool = True,
        max_reject_rate: float | None = None,
        max_critical_rate: float | None = None,
    ) -> dict:
        """The summary's closing figures and verdict, and the run's artifacts in the Prefect UI."""
        summary["seconds"] = round(time.perf_counter() - self.t0, 3)
        if stage_seconds:
            summary["stage_seconds"] = {k: round(v, 3) for k, v in self.seconds.items()}
            summary["stage_cpu_seconds"] = {k: round(v, 4) for k, v in sorted(self.cpu.items())}
        summary["reject_reasons"] = [
            {"stage": s, "reason": r, "rows": n} for (s, r), n in sorted(self.reasons.items())
        ]
        if data_docs:
            index = self.warehouse.data_docs
            summary["data_docs"] = str(index) if index.exists() else None
        summary["quality"] = quality_counts(list(self.outcomes.values()), self.reasons)
        judge(summary, max_reject_rate, max_critical_rate)
        docs = f"scrapeline docs --warehouse {shlex.quote(summary['warehouse'])}"
        publish_artifacts(summary, list(self.outcomes.values()), docs if summary.get("data_docs") else None)
        return summary

    def final_state(self, summary: dict) -> State:
        """The flow run's end: Completed (named "Completed with rejects" when there are some) with the
        counts in its message, or Failed when a threshold was crossed (the data stays committed)."""
        message = state_message(summary)
        if summary.get("failed_because"):
            return Failed(message=message, data=ThresholdExceeded(summary))
        name = "Completed with rejects" if summary["rejects"] else "Completed"
        return Completed(message=message, name=name, data=summary)
