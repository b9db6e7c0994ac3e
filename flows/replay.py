"""The replay flow: process the inputs of unresolved rejects again, after a fix.

After a suite, segmenter or reader change (or a repaired file), `scrapeline replay` reads every
input that has an unresolved reject from the path recorded in `inputs`, runs it through the same
batch task as a normal run, and commits in one transaction:

- the new articles, comments and inputs rows (a new version of each replayed source),
- a `resolutions` row for each old reject that no longer happens: `rejects` stops showing it,
  `rejects_all` keeps it with `resolved_by_run` set to this run,
- rejects that are new (a stricter suite, a changed file); a reject that happens again exactly
  as before (same source, stage, reason and row) is not written twice: the old row stays open.

Inputs whose file is gone are left as they are, and said so.
"""

from __future__ import annotations

from prefect import flow, get_run_logger

from flows.ingest import process_batch_task
from flows.run import Run, new_run_id
from tasks.discover import DEFAULT_BATCH_FILES, batches
from tasks.load import utcnow
from tasks.pipeline import BatchOptions
from tasks.read import DEFAULT_MAX_BYTES
from tasks.replay import drop_repeated_rejects, input_files, open_rejects, reject_keys, resolution_rows


@flow(name="scrapeline-replay", flow_run_name=new_run_id, log_prints=False)
def replay(
    warehouse: str = "warehouse",
    batch_files: int = DEFAULT_BATCH_FILES,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> dict:
    """Re-process the inputs of unresolved rejects; resolve the rejects that now pass."""
    logger = get_run_logger()
    options = BatchOptions(max_bytes=max_bytes)
    with Run(warehouse, logger) as run:
        run.tag("replay", "source:rejects")
        wh = run.warehouse
        rejects = open_rejects(wh)
        files, missing = input_files(rejects)
        for source in missing:
            logger.warning(
                "cannot replay %s: its file is gone or was never recorded; rejects left open", source
            )
        replayed_sources = {f.source for f in files}
        replayed = [r for r in rejects if r.input_source in replayed_sources]
        for i, batch in enumerate(batches(files, max_files=batch_files)):
            run.add(process_batch_task(batch, {}, wh, run.run_id, f"part-{i:05d}", options=options))

        new_rejects = reject_keys(wh, run.parts.get("rejects", []))
        still_open = {r.key for r in replayed if r.key in new_rejects}
        resolved = [r for r in replayed if r.key not in new_rejects]
        if "rejects" in run.parts:
            run.parts["rejects"] = drop_repeated_rejects(wh, run.parts["rejects"], still_open)
        run.add_part(
            "resolutions",
            wh.write_part(
                "resolutions", resolution_rows(resolved, run.run_id, utcnow()), run.run_id, "replay"
            ),
        )
        totals = run.totals
        summary = run.summary(
            files_seen=len(files),
            files_new=totals["files_loaded"],
            files_unchanged=totals["files_unchanged"],
            files_rejected=totals["files_rejected"],
        )
        summary.update(
            articles=totals["articles"],
            comments=totals["comments"],
            rejects=sum(n for _, n in run.parts.get("rejects", [])),
            open_rejects=len(rejects),
            resolved=len(resolved),
            still_failing=len(replayed) - len(resolved),
            not_replayed=len(rejects) - len(replayed),
            missing_inputs=missing,
        )
        run.commit(summary, status="replay", sources="\n".join(f.path for f in files))
        run.build_data_docs()
    run.report(summary)
    return run.final_state(summary)
