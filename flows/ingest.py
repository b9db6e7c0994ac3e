"""The ingest flow (`scrapeline run`): discover -> per batch (read, clean, segment, validate,
load) -> commit -> report."""

from __future__ import annotations

import json
import math
import os
import sys
from collections import deque
from collections.abc import Iterator

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner
from prefect.utilities.annotations import quote

from flows.report import Progress
from flows.run import Run, new_run_id, row_counts
from tasks.crash import crash_point
from tasks.dedup import DedupIndex
from tasks.discover import DEFAULT_BATCH_FILES, batches, discover, plan
from tasks.models import InputFile, Reject
from tasks.pipeline import (
    UNOPENED_STATE,
    BatchOptions,
    BatchResult,
    finish_held,
    held_pages,
    process_batch,
    settle_late_duplicates,
    settle_late_near_duplicates,
)
from tasks.read import DEFAULT_MAX_BYTES
from tasks.sandbox import DEFAULT_MAX_CHARS, DEFAULT_SECONDS, Limits
from tasks.storage import is_s3
from tasks.warehouse import Warehouse

MIN_BATCH_FILES = 100
# Pages whose rows the flow holds to validate them together: GX costs ~0.15 s per call whatever
# its rows, ~0.3 ms a page for a batch of 1,000; held rows cost ~10 kB a page until written.
GROUP_PAGES = 10_000
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
    warehouse: Warehouse,
    run_id: str,
    part: str,
    extra_rejects: list[Reject] | None = None,
    seen: DedupIndex | None = None,
    options: BatchOptions | None = None,
    hold: bool = False,
) -> BatchResult:
    """Every stage for one batch of scrapes; writes the batch's Parquet parts, uncommitted (with
    `hold`, those of the raw layer: its shaped rows go back to the flow, validated in a group)."""
    return process_batch(
        files,
        known_hashes,
        warehouse,
        run_id,
        part,
        extra_rejects=extra_rejects,
        seen=seen,
        options=options,
        hold=hold,
    )


def batch_size(files: int, max_files: int, workers: int | None) -> int:
    """Batches small enough that every worker gets one, large enough to amortise a task run."""
    workers = workers or os.cpu_count() or 1
    return min(max_files, max(MIN_BATCH_FILES, math.ceil(files / workers))) if files else max_files


def task_runner(workers: int | None, dask_address: str | None, batches: int) -> TaskRunner:
    """Batch tasks in threads of the flow's process, or on a Dask cluster when given its address.

    Threads suffice on one machine because a batch's CPU-bound work (extraction, segmentation,
    language, SimHash) runs in sandboxed segmenter child processes (tasks.sandbox, one per worker), while
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
    warehouse: Warehouse,
    run_id: str,
    first_rejects: list[Reject],
    seen: DedupIndex,
    options: BatchOptions,
    workers: int | None,
    dask_address: str | None,
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
                    # duplicates already loaded, plus those of the batches finished so far; batches
                    # in flight at the same time are settled as results arrive (settle_late_duplicates)
                    "seen": unwalked(seen),
                    "options": options,
                    "hold": True,  # validated by the flow, several batches at once (finish_held)
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


@flow(name="scrapeline-ingest", flow_run_name=new_run_id, log_prints=False)
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
    max_reject_rate: float | None = None,
    max_critical_rate: float | None = None,
) -> dict:
    """Load new and changed scrapes under SOURCES into the warehouse; return the run summary.

    The flow run is named after the run id, tagged with the warehouse and the kind of sources,
    and ends Completed ("Completed with rejects" when there are some) with the counts in its
    message, or Failed when the share of rejected records is above `max_reject_rate` or the share
    of validated rows failing a critical expectation above `max_critical_rate` (0.1 = 10%)."""
    logger = get_run_logger()
    limits = Limits(
        seconds=segment_seconds, max_chars=segment_max_chars, processes=workers or os.cpu_count() or 1
    )
    options = BatchOptions(max_bytes=max_bytes, limits=limits)
    with Run(warehouse, logger, full_refresh=full_refresh, create=True) as run:
        run.tag("run", *sorted({"source:s3" if is_s3(s) else "source:local" for s in sources}))
        wh = run.warehouse
        found = discover(sources)
        state = wh.state()
        todo, unchanged = plan(found.files, state)
        fresh_rejects = [r for r in found.rejects if state.get(r.source) != UNOPENED_STATE]
        repeated_rejects = len(found.rejects) - len(fresh_rejects)  # rejected before, still unopenable
        known = {f.source: state[f.source][2] for f in todo if f.source in state}
        # exact and near duplicates already loaded; nothing to read when nothing is new
        seen = wh.dedup_index() if todo else DedupIndex()
        logger.info("%d files found, %d unchanged, %d to read", len(found.files), len(unchanged), len(todo))

        crash_point("after_discover")
        work = list(batches(todo, max_files=batch_size(len(todo), batch_files, workers)))
        if not work and fresh_rejects:
            work = [[]]

        def finish(group: list[BatchResult]) -> None:
            """Validate the held batches together, then load and add each, in order."""
            for result in finish_held(group, wh, seen):
                late = settle_late_duplicates(result, seen, wh)
                if late:
                    logger.info("%d pages loaded by a batch running alongside are duplicates", late)
                near = settle_late_near_duplicates(result, seen, wh)
                if near:
                    logger.info("%d articles near-duplicate one a batch running alongside loaded", near)
                seen.merge(result.dedup)
                run.add(result)

        group: list[BatchResult] = []
        with Progress(total=len(todo), enabled=progress) as bar:
            for n_files, result in run_batches(
                work, known, wh, run.run_id, fresh_rejects, seen, options, workers, dask_address
            ):
                # its pages' exact keys at once, so batches started while it waits see them;
                # its rows are validated with the next batches' (one GX call for the group)
                seen.merge(result.dedup)
                group.append(result)
                if sum(held_pages(r) for r in group) >= GROUP_PAGES:
                    finish(group)
                    group = []
                bar.advance(n_files)
            finish(group)

        totals = run.totals
        summary = run.summary(
            files_seen=len(found.files) + len(found.rejects),
            files_new=totals["files_loaded"],
            files_unchanged=len(unchanged) + totals["files_unchanged"] + repeated_rejects,
            files_rejected=totals["files_rejected"] + len(fresh_rejects),
        )
        summary.update(row_counts(totals), skipped=dict(sorted(run.skipped.items())))
        run.commit(summary, sources="\n".join(sources), command="run", skipped=json.dumps(summary["skipped"]))
        run.build_data_docs(always=True)
    run.report(
        summary, stage_seconds=True, max_reject_rate=max_reject_rate, max_critical_rate=max_critical_rate
    )
    return run.final_state(summary)
