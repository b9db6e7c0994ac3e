"""The ingest flow: discover -> per batch (read, clean, segment, validate, stage) -> commit -> report."""

from __future__ import annotations

import secrets
import time
from collections import Counter
from datetime import datetime
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run

from flows.report import Progress, publish_artifacts
from tasks import load
from tasks.crash import crash_point
from tasks.discover import DEFAULT_BATCH_FILES, batches, discover, plan
from tasks.guard import DEFAULT_MAX_CHARS, DEFAULT_SECONDS, SegmentLimits
from tasks.models import InputFile, Reject
from tasks.pipeline import UNOPENED_STATE, BatchResult, process_batch
from tasks.read import DEFAULT_MAX_BYTES


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
    limits: SegmentLimits | None = None,
) -> BatchResult:
    """Every stage for one batch of scrapes; writes the batch's Parquet parts, uncommitted."""
    return process_batch(files, known_hashes, warehouse, run_id, part, extra_rejects, max_bytes, limits)


@task(name="commit", cache_policy=NO_CACHE)
def commit_task(warehouse: Path, run_id: str, parts: dict[str, list[tuple[str, int]]]) -> None:
    """Make every part of the run visible at once and refresh the DuckDB views."""
    load.commit(warehouse, run_id, parts)


def new_run_id() -> str:
    return datetime.utcnow().strftime("%Y%m%dT%H%M%S") + "-" + secrets.token_hex(3)


@flow(name="scrapeline-ingest", log_prints=False)
def ingest(
    sources: list[str],
    warehouse: str = "warehouse",
    full_refresh: bool = False,
    batch_files: int = DEFAULT_BATCH_FILES,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: bool = False,
    segment_seconds: float = DEFAULT_SECONDS,
    segment_max_chars: int = DEFAULT_MAX_CHARS,
) -> dict:
    """Load new and changed scrapes under SOURCES into the warehouse; return the run summary."""
    logger = get_run_logger()
    started, t0 = load.utcnow(), time.perf_counter()
    run_id = new_run_id()
    wh = Path(warehouse).expanduser().resolve()
    limits = SegmentLimits(seconds=segment_seconds, max_chars=segment_max_chars)

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
        logger.info("%d files found, %d unchanged, %d to read", len(found.files), len(unchanged), len(todo))
        crash_point("after_discover")

        totals: Counter = Counter()
        reasons: Counter = Counter()
        seconds: Counter = Counter()
        outcomes = []
        parts: dict[str, list[tuple[str, int]]] = {}
        pending_rejects = fresh_rejects
        with Progress(total=len(todo), enabled=progress) as bar:
            work = list(batches(todo, max_files=batch_files))
            if not work and pending_rejects:
                work = [[]]
            for i, batch in enumerate(work):
                result = process_batch_task(
                    batch, known, wh, run_id, f"part-{i:05d}", pending_rejects, max_bytes, limits
                )
                pending_rejects = []
                for table, files in result.parts.items():
                    parts.setdefault(table, []).extend(files)
                totals.update(result.counts)
                reasons.update(result.reject_reasons)
                seconds.update(result.seconds)
                outcomes.extend(result.outcomes)
                bar.advance(len(batch))

        files_rejected = totals["files_rejected"] + len(fresh_rejects)
        summary = {
            "run_id": run_id,
            "flow_run_id": str(flow_run.get_id() or ""),
            "warehouse": str(wh),
            "files_seen": len(found.files) + len(found.rejects),
            "files_new": totals["files_loaded"],
            "files_unchanged": len(unchanged) + totals["files_unchanged"] + repeated_rejects,
            "files_rejected": files_rejected,
            "articles": totals["articles"],
            "comments": totals["comments"],
            "rejects": totals["rejects"],
        }
        accounted = summary["files_new"] + summary["files_unchanged"] + summary["files_rejected"]
        if accounted != summary["files_seen"]:
            raise RuntimeError(
                f"run does not reconcile: {summary['files_seen']} files seen, {accounted} accounted for"
            )
        summary["seconds"] = round(time.perf_counter() - t0, 3)
        run_row = {
            **{k: v for k, v in summary.items() if k in load.SCHEMAS["runs"].names},
            "started_at": started,
            "finished_at": load.utcnow(),
            "status": "completed",
            "sources": "\n".join(sources),
        }
        parts.setdefault("runs", []).append(load.write_part(wh, "runs", [run_row], run_id, "run"))
        crash_point("before_commit")
        commit_task(wh, run_id, parts)

    summary["seconds"] = round(time.perf_counter() - t0, 3)
    summary["stage_seconds"] = {k: round(v, 3) for k, v in seconds.items()}
    summary["reject_reasons"] = [
        {"stage": s, "reason": r, "rows": n} for (s, r), n in sorted(reasons.items())
    ]
    publish_artifacts(summary, outcomes)
    return summary
