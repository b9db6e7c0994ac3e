"""The resegment flow: rebuild articles and comments from the raw layer (`pages`), not the sources.

Useful after the segmenter or the HTML extraction improves: every page that is not an exact
duplicate is extracted and segmented again, in the order it was loaded, and its article and
comments are written as a new version under a new run id, committed atomically like a run.
Near duplicates are recomputed from scratch in that order.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.runtime import flow_run

from flows.ingest import check_records, commit_task, new_run_id, row_counts
from flows.report import publish_artifacts
from tasks import load
from tasks.dedup import DedupIndex
from tasks.models import Record
from tasks.pipeline import BatchResult, record_from_page, resegment_batch

DEFAULT_BATCH_RECORDS = 2000


@task(name="resegment-batch", task_run_name="batch-{part}", cache_policy=NO_CACHE, retries=2)
def resegment_batch_task(
    records: list[Record], warehouse: Path, run_id: str, part: str, seen: DedupIndex
) -> BatchResult:
    """Extract, segment, validate and stage one batch of pages read back from the warehouse."""
    return resegment_batch(records, warehouse, run_id, part, seen)


@flow(name="scrapeline-resegment", log_prints=False)
def resegment(warehouse: str = "warehouse", batch_records: int = DEFAULT_BATCH_RECORDS) -> dict:
    """New article and comment versions for every loaded page; return the run summary."""
    logger = get_run_logger()
    started, t0 = load.utcnow(), time.perf_counter()
    run_id = new_run_id()
    wh = Path(warehouse).expanduser().resolve()
    if not (wh / load.DB_NAME).exists():
        raise load.WarehouseError(f"no warehouse at {wh}; load something with `scrapeline run` first")
    with load.writer_lock(wh):
        load.remove_orphans(wh)
        seen = DedupIndex()
        totals: Counter = Counter()
        reasons: Counter = Counter()
        outcomes = []
        parts: dict[str, list[tuple[str, int]]] = {}
        for i, rows in enumerate(load.read_pages(wh, batch_records)):
            records = [record_from_page(r) for r in rows]
            result = resegment_batch_task(records, wh, run_id, f"part-{i:05d}", seen)
            seen.merge(result.dedup)
            for table, files in result.parts.items():
                parts.setdefault(table, []).extend(files)
            totals.update(result.counts)
            reasons.update(result.reject_reasons)
            outcomes.extend(result.outcomes)
        logger.info("%d pages segmented again", totals["records_seen"])
        summary = {
            "run_id": run_id,
            "flow_run_id": str(flow_run.get_id() or ""),
            "warehouse": str(wh),
            "files_seen": 0,
            "files_new": 0,
            "files_unchanged": 0,
            "files_rejected": 0,
            **row_counts(totals),
            "skipped": {},
        }
        check_records(summary)
        summary["seconds"] = round(time.perf_counter() - t0, 3)
        run_row = load.write_run_row(
            wh,
            run_id,
            summary,
            started,
            status="completed",
            sources="",
            command="resegment",
            skipped=json.dumps({}),
        )
        parts.setdefault("runs", []).append(run_row)
        commit_task(wh, run_id, parts)
    summary["reject_reasons"] = [
        {"stage": s, "reason": r, "rows": n} for (s, r), n in sorted(reasons.items())
    ]
    publish_artifacts(summary, outcomes)
    return summary
