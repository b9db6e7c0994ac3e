"""One batch through every stage: read -> clean -> segment -> shape -> validate -> stage Parquet.

Plain function calls on plain data, so that a batch can be tested without Prefect; the flow
wraps `process_batch` in one Prefect task per batch.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from tasks.clean import clean_text
from tasks.crash import crash_point
from tasks.guard import SegmentLimits, guarded_segment_records
from tasks.load import utcnow, write_part
from tasks.models import InputFile, Reject
from tasks.read import DEFAULT_MAX_BYTES, read_file
from tasks.rows import to_rows
from tasks.validate import ExpectationOutcome, validate_rows


@dataclass(slots=True)
class BatchResult:
    parts: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    counts: Counter = field(default_factory=Counter)
    outcomes: list[ExpectationOutcome] = field(default_factory=list)
    reject_reasons: Counter = field(default_factory=Counter)  # (stage, reason) -> rows
    seconds: Counter = field(default_factory=Counter)  # stage -> seconds


class _Clock:
    def __init__(self, into: Counter) -> None:
        self.into, self.t = into, time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.into[stage] += now - self.t
        self.t = now


def _reject_row(r: Reject, run_id: str, at) -> dict:
    return {
        "source": r.source,
        "stage": r.stage,
        "reason": r.reason,
        "detail": r.detail[:2000],
        "content_hash": r.content_hash,
        "run_id": run_id,
        "rejected_at": at,
    }


def unopened_input(source: str, run_id: str, at) -> dict:
    """The `inputs` row of a file found but never opened (broken link, link loop): size and
    time unknown. A later run that finds the same rejected, unopened source does not reject it again."""
    return {
        "source": source,
        "path": None,
        "size": None,
        "mtime_ns": None,
        "content_hash": None,
        "status": "rejected",
        "records": 0,
        "run_id": run_id,
        "seen_at": at,
    }


UNOPENED_STATE = (None, None, None, "rejected")  # load_state() of a source written by unopened_input


def process_batch(
    files: list[InputFile],
    known_hashes: dict[str, str | None],
    warehouse: Path,
    run_id: str,
    part: str,
    extra_rejects: list[Reject] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    limits: SegmentLimits | None = None,
) -> BatchResult:
    """Run every stage on a batch of files and write its Parquet parts (not yet committed)."""
    out = BatchResult()
    clock = _Clock(out.seconds)
    now = utcnow()
    rejects: list[Reject] = list(extra_rejects or [])
    inputs: list[dict] = [unopened_input(r.source, run_id, now) for r in rejects]
    records = []
    for f in files:
        recs, bad, digest = read_file(f, max_bytes)
        status = "loaded" if recs else "rejected"
        if digest is not None and digest == known_hashes.get(f.source):
            recs, bad, status = [], [], "unchanged"  # touched, same bytes: nothing new to load
        rejects.extend(bad)
        records.extend(recs)
        out.counts[f"files_{status}"] += 1
        inputs.append(
            {
                "source": f.source,
                "path": f.path,
                "size": f.size,
                "mtime_ns": f.mtime_ns,
                "content_hash": digest,
                "status": status,
                "records": len(recs),
                "run_id": run_id,
                "seen_at": now,
            }
        )
    clock.lap("read")

    for rec in records:
        rec.text = clean_text(rec.text)
    clock.lap("clean")

    segmented, bad = guarded_segment_records(records, limits)  # a slow or huge page is a reject
    rejects.extend(bad)
    clock.lap("segment")

    articles, comments_by_article = [], []
    for rec, seg in segmented:
        article, comments = to_rows(rec, seg, run_id, now)
        articles.append(article)
        comments_by_article.append(comments)
    clock.lap("shape")

    verdict = validate_rows("articles", articles)
    out.outcomes.extend(verdict.outcomes)
    kept_articles, kept_comments = [], []
    for i, article in enumerate(articles):
        failed = verdict.failures.get(i)
        if failed:
            held = len(comments_by_article[i])
            for name, value in failed:
                detail = f"value={value!r}" + (
                    f"; its {held} comments were held back with it" if held else ""
                )
                rejects.append(Reject(article["source"], "validate", name, detail, article["content_hash"]))
            continue
        kept_articles.append(article)
        kept_comments.extend(comments_by_article[i])
    comment_verdict = validate_rows("comments", kept_comments)
    out.outcomes.extend(comment_verdict.outcomes)
    source_of = {a["article_id"]: (a["source"], a["content_hash"]) for a in kept_articles}
    final_comments = []
    for i, comment in enumerate(kept_comments):
        failed = comment_verdict.failures.get(i)
        if not failed:
            final_comments.append(comment)
            continue
        source, digest = source_of[comment["article_id"]]
        for name, value in failed:
            rejects.append(
                Reject(
                    f"{source}", "validate", name, f"comment {comment['position']}: value={value!r}", digest
                )
            )
    loaded_per_article = Counter(c["article_id"] for c in final_comments)
    for article in kept_articles:
        article["comment_count"] = loaded_per_article[article["article_id"]]
    clock.lap("validate")

    reject_rows = [_reject_row(r, run_id, now) for r in rejects]
    for table, rows in (
        ("articles", kept_articles),
        ("comments", final_comments),
        ("rejects", reject_rows),
        ("inputs", inputs),
    ):
        written = write_part(warehouse, table, rows, run_id, part)
        if written:
            out.parts.setdefault(table, []).append(written)
    crash_point("after_batch_write")
    clock.lap("load")

    out.counts["articles"] += len(kept_articles)
    out.counts["comments"] += len(final_comments)
    out.counts["rejects"] += len(reject_rows)
    out.reject_reasons.update((r.stage, r.reason) for r in rejects)
    return out
