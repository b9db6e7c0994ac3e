"""The ingest flow: discover -> per batch (read, clean, segment, validate, stage) -> commit -> report."""

from __future__ import annotations

import json
import math
import os
import secrets
import sys
import time
from collections import Counter, deque
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run
from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner
from prefect.utilities.annotations import quote

from flows.report import Progress, publish_artifacts
from tasks import load
from tasks.crash import crash_point
from tasks.data_docs import build_data_docs, docs_index
from tasks.dedup import DedupIndex, index_from_keys
from tasks.discover import DEFAULT_BATCH_FILES, batches, discover, plan
from tasks.guard import DEFAULT_MAX_CHARS, DEFAULT_SECONDS, SegmentLimits
from tasks.models import InputFile, Reject
from tasks.pipeline import (
    RECORD_OUTCOMES,
    UNOPENED_STATE,
    BatchResult,
    process_batch,
    settle_late_duplicates,
    settle_late_near_duplicates,
)
from tasks.read import DEFAULT_MAX_BYTES
from tasks.validate import ExpectationOutcome

MIN_BATCH_FILES = 100
SWITCH_INTERVAL = 0.0005  # seconds a thread may hold the GIL while another waits for it


@task(
    name="process-batch",
    task_run_name="batch-{part}",
    cache_policy=NO_CACHE,
    retries=2,
    retry_delay_seconds=[1, 5],
)
def process_batch_task(
    files: list[InputFile],
    known_hashes: dict[str, str | None],
    warehouse: Path,
    run_id: str,
    part: str,
    extra_rejects: list[Reject] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    seen: DedupIndex | None = None,
    limits: SegmentLimits | None = None,
) -> BatchResult:
    """Every stage for one batch of scrapes; writes the batch's Parquet parts, uncommitted."""
    return process_batch(files, known_hashes, warehouse, run_id, part, extra_rejects, max_bytes, seen, limits)


@task(name="commit", cache_policy=NO_CACHE)
def commit_task(warehouse: Path, run_id: str, parts: dict[str, list[tuple[str, int]]]) -> None:
    """Make every part of the run visible at once and refresh the DuckDB views."""
    load.commit(warehouse, run_id, parts)


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


def batch_size(files: int, max_files: int, workers: int | None) -> int:
    """Batches small enough that every worker gets one, large enough to amortise a task run."""
    workers = workers or os.cpu_count() or 1
    return min(max_files, max(MIN_BATCH_FILES, math.ceil(files / workers))) if files else max_files


def task_runner(workers: int | None, dask_address: str | None, batches: int) -> TaskRunner:
    """Batch tasks in threads of the flow's process, or on a Dask cluster when given its address.

    Threads suffice on one machine because a batch's CPU-bound work (extraction, segmentation,
    language, SimHash) runs in segmenter child processes (tasks.guard, one per worker), while
    Prefect, pandas and Great Expectations are loaded once, in this process, instead of once per
    worker process (~400 MB each). One thread more than workers: while N batches keep the N
    segmenters busy, the next one is read and cleaned, or the last one validated and written.
    """
    if dask_address:
        from prefect_dask import DaskTaskRunner

        return DaskTaskRunner(address=dask_address)
    threads = (workers or os.cpu_count() or 1) + 1
    return ThreadPoolTaskRunner(max_workers=max(1, min(threads, batches)))


def run_batches(
    work: list[list[InputFile]],
    known: dict[str, str | None],
    warehouse: Path,
    run_id: str,
    first_rejects: list[Reject],
    max_bytes: int,
    workers: int | None,
    dask_address: str | None,
    seen: DedupIndex,
    limits: SegmentLimits | None = None,
) -> Iterator[tuple[int, BatchResult]]:
    """Submit one task per batch, at most a few in flight per worker so memory stays bounded,
    and yield (files in batch, result) in submission order."""
    runner = task_runner(workers, dask_address, len(work))
    # Each page goes to and comes back from a segmenter process through this process: a thread
    # waiting on that socket needs the GIL back at once, not after another batch's thread has
    # held it for the default 5 ms, or the segmenters wait on this process (measured: a batch
    # segmented beside a validating one took twice as long at 5 ms).
    switch = sys.getswitchinterval()
    sys.setswitchinterval(min(switch, SWITCH_INTERVAL))
    # In threads, Prefect would walk every value of the parameters looking for futures while
    # this thread adds finished batches' pages to `seen`; quoted, it passes them as they are.
    # Dask ships parameters as plain tuples, which would lose the quote: there they go bare.
    unwalked = (lambda value: value) if dask_address else quote
    try:
        with runner:
            limit = 2 * max(1, workers or os.cpu_count() or 1)
            in_flight: deque = deque()
            for i, batch in enumerate(work):
                params = {
                    "files": unwalked(batch),
                    "known_hashes": unwalked({f.source: known[f.source] for f in batch if f.source in known}),
                    "warehouse": warehouse,
                    "run_id": run_id,
                    "part": f"part-{i:05d}",
                    "extra_rejects": unwalked(first_rejects if i == 0 else []),
                    "max_bytes": max_bytes,
                    # duplicates already loaded, plus those of the batches finished so far; batches
                    # in flight at the same time are settled as results arrive (settle_late_duplicates)
                    "seen": unwalked(seen),
                    "limits": limits,
                }
                in_flight.append((len(batch), runner.submit(process_batch_task, parameters=params)))
                if len(in_flight) >= limit:
                    n, future = in_flight.popleft()
                    yield n, future.result()
            while in_flight:
                n, future = in_flight.popleft()
                yield n, future.result()
    finally:
        sys.setswitchinterval(switch)


@task(name="data-docs", cache_policy=NO_CACHE)
def data_docs_task(warehouse: Path, run_id: str, run_time: datetime, results: list[dict]) -> str | None:
    """Great Expectations Data Docs for this run (once per run, after the batches)."""
    try:
        return str(build_data_docs(warehouse, run_id, run_time, results))
    except Exception as exc:  # the data is committed; a docs failure must not fail the run
        get_run_logger().error("could not build Data Docs under %s: %s", warehouse, exc)
        return None


class ReconciliationError(RuntimeError):
    """The files a run saw do not add up to the files it loaded, skipped and rejected."""


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


def new_run_id() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S") + "-" + secrets.token_hex(3)


@flow(name="scrapeline-ingest", log_prints=False)
def ingest(
    sources: list[str],
    warehouse: str = "warehouse",
    full_refresh: bool = False,
    batch_files: int = DEFAULT_BATCH_FILES,
    max_bytes: int = DEFAULT_MAX_BYTES,
    workers: int | None = None,
    dask_address: str | None = None,
    progress: bool = False,
    segment_seconds: float = DEFAULT_SECONDS,
    segment_max_chars: int = DEFAULT_MAX_CHARS,
) -> dict:
    """Load new and changed scrapes under SOURCES into the warehouse; return the run summary."""
    logger = get_run_logger()
    started, t0 = load.utcnow(), time.perf_counter()
    run_id = new_run_id()
    wh = Path(warehouse).expanduser().resolve()
    limits = SegmentLimits(
        seconds=segment_seconds, max_chars=segment_max_chars, processes=workers or os.cpu_count() or 1
    )

    def waiting(holder: str) -> None:
        logger.warning("warehouse %s is being written by %s; waiting for it to finish", wh, holder)

    with load.writer_lock(wh, on_wait=waiting):
        crash_point("after_lock")
        if full_refresh:
            load.full_refresh(wh)
        orphans = load.remove_orphans(wh)
        if orphans:
            logger.info("removed %d uncommitted part files left by an interrupted run", orphans)
        if not (wh / load.DB_NAME).exists():
            load.init_warehouse(wh)

        found = discover(sources)
        state = load.load_state(wh)
        todo, unchanged = plan(found.files, state)
        fresh_rejects = [r for r in found.rejects if state.get(r.source) != UNOPENED_STATE]
        repeated_rejects = len(found.rejects) - len(fresh_rejects)  # rejected before, still unopenable
        known = {f.source: state[f.source][2] for f in todo if f.source in state}
        # exact and near duplicates already loaded; nothing to read when nothing is new
        seen = index_from_keys(*load.read_dedup_keys(wh)) if todo else DedupIndex()
        logger.info("%d files found, %d unchanged, %d to read", len(found.files), len(unchanged), len(todo))

        totals: Counter = Counter()
        reasons: Counter = Counter()
        seconds: Counter = Counter()
        skipped: Counter = Counter()
        outcomes: dict[tuple[str, str], ExpectationOutcome] = {}
        validation_results: list[dict] = []
        parts: dict[str, list[tuple[str, int]]] = {}
        crash_point("after_discover")
        pending_rejects = fresh_rejects
        work = list(batches(todo, max_files=batch_size(len(todo), batch_files, workers)))
        if not work and pending_rejects:
            work = [[]]
        with Progress(total=len(todo), enabled=progress) as bar:
            for n_files, result in run_batches(
                work, known, wh, run_id, pending_rejects, max_bytes, workers, dask_address, seen, limits
            ):
                late = settle_late_duplicates(result, seen, wh)
                if late:
                    logger.info("%d pages loaded by a batch running alongside are duplicates", late)
                near = settle_late_near_duplicates(result, seen, wh)
                if near:
                    logger.info("%d articles near-duplicate one a batch running alongside loaded", near)
                seen.merge(result.dedup)
                skipped.update(result.skipped)
                for table, files in result.parts.items():
                    parts.setdefault(table, []).extend(files)
                totals.update(result.counts)
                reasons.update(result.reject_reasons)
                seconds.update(result.seconds)
                merge_outcomes(outcomes, result.outcomes)
                validation_results.extend(result.validation_results)
                bar.advance(n_files)

        files_rejected = totals["files_rejected"] + len(fresh_rejects)
        summary = {
            "run_id": run_id,
            "flow_run_id": str(flow_run.get_id() or ""),
            "warehouse": str(wh),
            "files_seen": len(found.files) + len(found.rejects),
            "files_new": totals["files_loaded"],
            "files_unchanged": len(unchanged) + totals["files_unchanged"] + repeated_rejects,
            "files_rejected": files_rejected,
            **row_counts(totals),
            "skipped": dict(sorted(skipped.items())),
        }
        check_reconciliation(summary)
        check_records(summary)
        summary["seconds"] = round(time.perf_counter() - t0, 3)
        run_row = load.write_run_row(
            wh,
            run_id,
            summary,
            started,
            status="completed",
            sources="\n".join(sources),
            command="run",
            skipped=json.dumps(summary["skipped"]),
        )
        parts.setdefault("runs", []).append(run_row)
        crash_point("before_commit")
        commit_task(wh, run_id, parts)
        if validation_results or not docs_index(wh).exists():
            data_docs_task(wh, run_id, started, validation_results)

    summary["seconds"] = round(time.perf_counter() - t0, 3)
    summary["stage_seconds"] = {k: round(v, 3) for k, v in seconds.items()}
    summary["reject_reasons"] = [
        {"stage": s, "reason": r, "rows": n} for (s, r), n in sorted(reasons.items())
    ]
    summary["data_docs"] = str(docs_index(wh)) if docs_index(wh).exists() else None
    publish_artifacts(summary, list(outcomes.values()))
    return summary
