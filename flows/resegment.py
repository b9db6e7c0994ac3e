"""The resegment flow: rebuild articles and comments from the raw layer (`pages`), not the sources.

Useful after the segmenter or the HTML extraction improves: every page that is not an exact
duplicate is extracted and segmented again, in the order it was loaded, and its article and
comments are written as a new version under a new run id, committed atomically like a run.
Near duplicates are recomputed from scratch in that order.
"""

from __future__ import annotations

import json

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from flows.run import Run, new_run_id, row_counts
from tasks.dedup import DedupIndex
from tasks.discover import DEFAULT_BATCH_RECORDS
from tasks.models import Record
from tasks.pipeline import BatchResult, record_from_page, resegment_batch
from tasks.warehouse import Warehouse


@task(name="resegment-batch", task_run_name="batch-{part}", cache_policy=NO_CACHE, retries=2)
def resegment_batch_task(
    records: list[Record], warehouse: Warehouse, run_id: str, part: str, seen: DedupIndex
) -> BatchResult:
    """Extract, segment, validate and stage one batch of pages read back from the warehouse."""
    return resegment_batch(records, warehouse, run_id, part, seen)


@flow(name="scrapeline-resegment", flow_run_name=new_run_id, log_prints=False)
def resegment(warehouse: str = "warehouse", batch_records: int = DEFAULT_BATCH_RECORDS) -> dict:
    """New article and comment versions for every loaded page; return the run summary."""
    logger = get_run_logger()
    with Run(warehouse, logger, require=True) as run:
        run.tag("resegment", "source:pages")
        seen = DedupIndex()
        for i, rows in enumerate(run.warehouse.pages(batch_records)):
            records = [record_from_page(r) for r in rows]
            result = resegment_batch_task(records, run.warehouse, run.run_id, f"part-{i:05d}", seen)
            seen.merge(result.dedup)
            run.add(result)
        logger.info("%d pages segmented again", run.totals["records_seen"])
        summary = run.summary(files_seen=0, files_new=0, files_unchanged=0, files_rejected=0)
        summary.update(row_counts(run.totals), skipped={})
        run.commit(summary, command="resegment", skipped=json.dumps({}))
    run.report(summary, data_docs=False)
    return run.final_state(summary)
