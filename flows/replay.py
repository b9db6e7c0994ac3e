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

import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pyarrow.parquet as pq
from prefect import flow, get_run_logger

from flows.ingest import check_reconciliation, commit_task, data_docs_task, new_run_id, process_batch_task
from flows.report import publish_artifacts
from tasks import load, storage
from tasks.data_docs import docs_index
from tasks.discover import DEFAULT_BATCH_FILES, batches
from tasks.models import InputFile
from tasks.read import DEFAULT_MAX_BYTES

RejectKey = tuple[str, str, str, str | None]  # source, stage, reason, row_id


@dataclass(frozen=True, slots=True)
class OpenReject:
    reject_id: str
    key: RejectKey
    input_source: str | None
    path: str | None


def open_rejects(warehouse: Path) -> list[OpenReject]:
    """Unresolved rejects with the input (source and path) they came from, when it is recorded."""
    con = load.connect(warehouse, read_only=True)
    try:
        rows = con.execute(
            """
            WITH newest AS (
                SELECT source, path FROM inputs
                QUALIFY row_number() OVER (PARTITION BY source ORDER BY seen_at DESC, run_id DESC) = 1
            )
            SELECT r.reject_id, r.source, r.stage, r.reason, r.row_id, i.source, i.path
            FROM rejects AS r
            LEFT JOIN newest AS i ON r.source = i.source OR starts_with(r.source, i.source || '#')
            WHERE r.reject_id IS NOT NULL
            QUALIFY row_number() OVER (PARTITION BY r.reject_id ORDER BY length(i.source) DESC) = 1
            ORDER BY r.source, r.reject_id
            """
        ).fetchall()
    finally:
        con.close()
    return [OpenReject(r[0], (r[1], r[2], r[3], r[4]), r[5], r[6]) for r in rows]


def _input_files(rejects: list[OpenReject]) -> tuple[list[InputFile], list[str]]:
    """The files to read again, and the sources left alone because their file is gone."""
    files: dict[str, InputFile] = {}
    missing: set[str] = set()
    for r in rejects:
        if r.input_source is None or r.path is None:
            missing.add(r.key[0])
            continue
        if r.input_source in files:
            continue
        try:
            size, marker = _stat(r.path)
        except OSError:
            missing.add(r.input_source)
            continue
        files[r.input_source] = InputFile(r.path, r.input_source, size, marker)
    return list(files.values()), sorted(missing)


def _stat(path: str) -> tuple[int, int]:
    """(size, modification time) of a file, or (size, change marker) of an object in S3."""
    if storage.is_s3(path):
        return storage.object_stat(path)
    st = Path(path).stat()
    return st.st_size, st.st_mtime_ns


def _drop_repeated_rejects(
    warehouse: Path, parts: list[tuple[str, int]], still_open: set[RejectKey]
) -> list[tuple[str, int]]:
    """Rewrite this run's (uncommitted) reject parts without the rejects that are already open."""
    kept_parts = []
    for rel, _ in parts:
        rows = pq.read_table(warehouse / rel).to_pylist()
        fresh = [r for r in rows if (r["source"], r["stage"], r["reason"], r["row_id"]) not in still_open]
        (warehouse / rel).unlink()
        if fresh:
            kept_parts.append(
                load.write_part(warehouse, "rejects", fresh, fresh[0]["run_id"], Path(rel).stem)
            )
    return kept_parts


@flow(name="scrapeline-replay", log_prints=False)
def replay(
    warehouse: str = "warehouse",
    batch_files: int = DEFAULT_BATCH_FILES,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> dict:
    """Re-process the inputs of unresolved rejects; resolve the rejects that now pass."""
    from prefect.runtime import flow_run

    logger = get_run_logger()
    started, t0 = load.utcnow(), time.perf_counter()
    run_id = new_run_id()
    wh = Path(warehouse).expanduser().resolve()
    with load.writer_lock(wh):
        load.remove_orphans(wh)
        rejects = open_rejects(wh)
        files, missing = _input_files(rejects)
        for source in missing:
            logger.warning(
                "cannot replay %s: its file is gone or was never recorded; rejects left open", source
            )
        replayed_sources = {f.source for f in files}
        replayed = [r for r in rejects if r.input_source in replayed_sources]

        totals: Counter = Counter()
        reasons: Counter = Counter()
        outcomes, results = [], []
        parts: dict[str, list[tuple[str, int]]] = {}
        new_rejects: set[RejectKey] = set()
        for i, batch in enumerate(batches(files, max_files=batch_files)):
            result = process_batch_task(batch, {}, wh, run_id, f"part-{i:05d}", None, max_bytes)
            for table, written in result.parts.items():
                parts.setdefault(table, []).extend(written)
            for rel, _ in result.parts.get("rejects", []):
                new_rejects.update(
                    (r["source"], r["stage"], r["reason"], r["row_id"])
                    for r in pq.read_table(
                        wh / rel, columns=["source", "stage", "reason", "row_id"]
                    ).to_pylist()
                )
            totals.update(result.counts)
            reasons.update(result.reject_reasons)
            outcomes.extend(result.outcomes)
            results.extend(result.validation_results)

        still_open = {r.key for r in replayed if r.key in new_rejects}
        resolved = [r for r in replayed if r.key not in new_rejects]
        if "rejects" in parts:
            parts["rejects"] = _drop_repeated_rejects(wh, parts["rejects"], still_open)
        now = load.utcnow()
        resolution_rows = [
            {"reject_id": r.reject_id, "resolved_by_run": run_id, "resolved_at": now} for r in resolved
        ]
        written = load.write_part(wh, "resolutions", resolution_rows, run_id, "replay")
        if written:
            parts.setdefault("resolutions", []).append(written)

        summary = {
            "run_id": run_id,
            "flow_run_id": str(flow_run.get_id() or ""),
            "warehouse": str(wh),
            "files_seen": len(files),
            "files_new": totals["files_loaded"],
            "files_unchanged": totals["files_unchanged"],
            "files_rejected": totals["files_rejected"],
            "articles": totals["articles"],
            "comments": totals["comments"],
            "rejects": sum(n for _, n in parts.get("rejects", [])),
            "open_rejects": len(rejects),
            "resolved": len(resolved),
            "still_failing": len(replayed) - len(resolved),
            "not_replayed": len(rejects) - len(replayed),
            "missing_inputs": missing,
        }
        check_reconciliation(summary)
        summary["seconds"] = round(time.perf_counter() - t0, 3)
        run_row = load.write_run_row(
            wh, run_id, summary, started, status="replay", sources="\n".join(f.path for f in files)
        )
        parts.setdefault("runs", []).append(run_row)
        commit_task(wh, run_id, parts)
        if results:
            data_docs_task(wh, run_id, started, results)

    summary["seconds"] = round(time.perf_counter() - t0, 3)
    summary["reject_reasons"] = [
        {"stage": s, "reason": r, "rows": n} for (s, r), n in sorted(reasons.items())
    ]
    summary["data_docs"] = str(docs_index(wh)) if docs_index(wh).exists() else None
    publish_artifacts(summary, outcomes)
    return summary
