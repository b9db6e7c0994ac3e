"""One batch through the stages: read -> clean -> segment -> validate -> load (uncommitted parts).

Plain function calls on plain data, so that a batch can be tested without Prefect; the flows
wrap `process_batch` (and `resegment_batch`) in one Prefect task per batch. After reading and
cleaning, the raw layer (`pages`) is written; `process_records` is everything after it, shared
with `scrapeline resegment`, which feeds it records read back from `pages`. The segment stage
runs each page in a sandboxed child process (tasks.sandbox) under per-page limits.

Every record ends in exactly one of: loaded (an article row), duplicate (its text is already
loaded under another source), rejected (a reject row names it), skipped (not a page: a WARC
request record, say). The counts `records_*` add up to `records_seen`.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tasks import rows
from tasks.clean import clean_text
from tasks.crash import crash_point
from tasks.dedup import BatchDedup, DedupIndex, exact_key, text_hash
from tasks.load import utcnow
from tasks.models import InputFile, Record, Reject
from tasks.read import DEFAULT_MAX_BYTES, read_input
from tasks.rows import Shaped, article_id
from tasks.sandbox import Exceeded, Limits, Task, run_sandboxed
from tasks.segment import batch_boilerplate, site_of
from tasks.validate import Checked, ExpectationOutcome, quarantine_batches, quarantine_failing_rows
from tasks.validate import warm_up as warm_up_validation
from tasks.warehouse import Part, Warehouse

RECORD_OUTCOMES = ("loaded", "duplicate", "rejected", "skipped")
# what a sandboxed segmenter child runs on each chunk of pages, after loading what every page needs once
SEGMENTER = Task(rows.shape_chunk, warm_up=rows.warm_up, name="segmenter")
CHUNK_PAGES = 64  # pages a child segments together (its steps cost far less per page in a batch)
CHUNK_CHARS = 1_000_000  # and characters
# A chunk may take this many pages' time limits: a chunk's pages are many, yet one page stuck in a
# loop must not hold its chunk long before the chunk is rerun page by page.
CHUNK_TIME_PAGES = 4
LIMIT_REASONS = {
    "time": "segment time limit",
    "size": "segment size limit",
    "memory": "segment memory limit",
    "crash": "segmenter crashed",
}


@dataclass(frozen=True, slots=True)
class BatchOptions:
    """The settings every batch of a run shares: the input size limit and the per-page limits."""

    max_bytes: int = DEFAULT_MAX_BYTES
    limits: Limits = field(default_factory=Limits)


@dataclass(slots=True)
class BatchResult:
    """What a batch wrote (uncommitted parts) and what it counted, for the run to add up."""

    parts: dict[str, list[Part]] = field(default_factory=dict)
    counts: Counter = field(default_factory=Counter)
    outcomes: list[ExpectationOutcome] = field(default_factory=list)
    validation_results: list[dict] = field(default_factory=list)  # GX results (JSON) for Data Docs
    reject_reasons: Counter = field(default_factory=Counter)  # (stage, reason) -> rows
    seconds: Counter = field(default_factory=Counter)  # stage -> seconds
    # stage -> CPU seconds of the batch's thread; "segmenter:<step>" those of the segmenter children
    cpu: Counter = field(default_factory=Counter)
    skipped: Counter = field(default_factory=Counter)  # kind of non-page record -> records
    dedup: DedupIndex = field(default_factory=DedupIndex)  # what this batch added to the run's index
    near_unmatched: list[tuple[int, str]] = field(default_factory=list)  # articles naming no near duplicate
    held: Held | None = None  # rows shaped, not yet validated (the run validates them with others)


@dataclass(slots=True)
class Held:
    """A batch's shaped rows waiting for validation, and what its load stage needs after it."""

    articles: list[dict]
    comments_by_article: list[list[dict]]
    rejects: list[Reject]  # the batch's rejects so far (unopened, read, segment)
    run_id: str
    part: str
    now: Any


class _Clock:
    """Wall seconds and this thread's CPU seconds per stage. Batches run in threads beside each
    other: wall time counts the waits on the others, CPU time what the stage itself costs."""

    def __init__(self, into: Counter, cpu: Counter | None = None) -> None:
        self.into, self.cpu = into, Counter() if cpu is None else cpu
        self.t, self.c = time.perf_counter(), time.thread_time()

    def lap(self, stage: str, wall: bool = True) -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        if wall:
            self.into[stage] += now - self.t
        self.cpu[stage] += cpu - self.c
        self.t, self.c = now, cpu


def _reject_row(r: Reject, run_id: str, at, reject_id: str) -> dict:
    return {
        "reject_id": reject_id,
        "row_id": r.row_id,
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
        "format": None,
        "records_skipped": 0,
        "run_id": run_id,
        "seen_at": at,
    }


UNOPENED_STATE = (None, None, None, "rejected")  # load_state() of a source written by unopened_input


def _clean_record(rec: Record) -> None:
    rec.text = clean_text(rec.text)
    for name in ("title", "byline"):
        value = getattr(rec, name)
        if value is not None:
            setattr(rec, name, clean_text(value).strip() or None)


def page_row(rec: Record, digest: str, duplicate_of: str | None, run_id: str, at) -> dict:
    """The raw-layer row of one record: enough to segment it again without its source."""
    return {
        "page_id": article_id(rec.source, rec.content_hash),
        "source": rec.source,
        "format": rec.format,
        "container": rec.container,
        "url": rec.url,
        "title": rec.title,
        "byline": rec.byline,
        "published_at": rec.published_at,
        "scraped_at": rec.scraped_at,
        "text": rec.text,
        "meta": json.dumps(rec.meta, ensure_ascii=False, default=str, sort_keys=True) if rec.meta else None,
        "content_hash": rec.content_hash,
        "text_hash": digest,
        "duplicate_of": duplicate_of,
        "run_id": run_id,
        "ingested_at": at,
    }


@dataclass(slots=True)
class Processed:
    articles: list[dict] = field(default_factory=list)
    comments: list[dict] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)
    outcomes: list[ExpectationOutcome] = field(default_factory=list)
    validation_results: list[dict] = field(default_factory=list)


def segment_pages(
    records: list[Record], limits: Limits, run_id: str, now, cpu: Counter | None = None
) -> tuple[list[Shaped], list[Reject]]:
    """The segment stage: each page extracted or segmented, and shaped into rows, in a sandboxed
    child under `limits`; a page over a limit is a `segment` reject. Pages go to the children in
    chunks; a chunk that goes over a limit is run again page by page, under the same limits, so
    that only the page at fault is rejected. The lines repeated across a site's pages are learned
    here, once for the whole batch, and handed to each chunk. `cpu` gets the CPU seconds the
    children spent on each step ("segmenter:extract", ...) and this thread on "boilerplate"."""
    cpu = Counter() if cpu is None else cpu
    started = time.thread_time()
    learned = batch_boilerplate(records)
    cpu["boilerplate"] += time.thread_time() - started
    answers: list[Any] = [None] * len(records)
    chunks: list[list[int]] = []
    for i, rec in enumerate(records):
        if len(rec.text) > limits.max_chars:
            answers[i] = Exceeded("size", f"{len(rec.text)} characters > {limits.max_chars}")
        else:
            if _chunk_full(chunks, records, i):
                chunks.append([i])
            else:
                chunks[-1].append(i)
    jobs = [_chunk_job(records, c, learned, run_id, now, limits.seconds) for c in chunks]
    done = run_sandboxed(SEGMENTER, jobs, limits)
    retry = []
    for answer in done:
        _add_child_cpu(cpu, answer)
    for chunk, answer in zip(chunks, done, strict=True):
        if isinstance(answer, Exceeded) and len(chunk) > 1:
            retry.extend(chunk)
        elif isinstance(answer, Exceeded):
            answers[chunk[0]] = answer
        else:
            for i, page_answer in zip(chunk, answer, strict=True):
                answers[i] = page_answer
    alone = run_sandboxed(
        SEGMENTER, [_chunk_job(records, [i], learned, run_id, now, limits.seconds) for i in retry], limits
    )
    for i, answer in zip(retry, alone, strict=True):
        _add_child_cpu(cpu, answer)
        answers[i] = answer if isinstance(answer, Exceeded) else answer[0]
    shaped: list[Shaped] = []
    rejects: list[Reject] = []
    for rec, answer in zip(records, answers, strict=True):
        if isinstance(answer, Exceeded):
            reason = LIMIT_REASONS[answer.limit]
            rejects.append(Reject(rec.source, "segment", reason, answer.detail, rec.content_hash))
        else:
            shaped.extend(answer[0])
            rejects.extend(answer[1])
    return shaped, rejects


def _add_child_cpu(cpu: Counter, answer: Any) -> None:
    """The CPU seconds a segmenter child reports with a chunk's answers (rows.ChunkAnswers)."""
    for step, seconds in (getattr(answer, "cpu", None) or {}).items():
        cpu[f"segmenter:{step}"] += seconds


def _chunk_full(chunks: list[list[int]], records: list[Record], i: int) -> bool:
    """Whether page i opens a new chunk: the last is full, or already holds its source."""
    if not chunks:
        return True
    last = chunks[-1]
    chars = sum(len(records[j].text) for j in last) + len(records[i].text)
    source = records[i].source
    return len(last) >= CHUNK_PAGES or chars > CHUNK_CHARS or any(records[j].source == source for j in last)


def _chunk_job(
    records: list[Record], chunk: list[int], learned, run_id: str, now, seconds: float
) -> tuple[int, tuple, float]:
    """A chunk as a sandbox job: its largest page's size, its arguments, and its time limit (one
    page's, times up to CHUNK_TIME_PAGES for a chunk of several)."""
    recs = [records[i] for i in chunk]
    sites = {site_of(rec) for rec in recs}
    boilerplate = {site: learned[site] for site in sites if site in learned}
    limit = seconds * min(len(chunk), CHUNK_TIME_PAGES)
    return max(len(rec.text) for rec in recs), (recs, boilerplate, run_id, now), limit


def process_records(
    records: list[Record],
    run_id: str,
    now,
    dedup: BatchDedup,
    clock: _Clock,
    limits: Limits | None = None,
) -> Processed:
    """Cleaned, de-duplicated records -> validated article and comment rows (and rejects).

    Empties `records` once they are segmented, so their texts are not held through validation.
    """
    out, articles, comments_by_article = shape_records(records, run_id, now, clock, limits)
    checked = quarantine_failing_rows(articles, comments_by_article)
    clock.lap("validate")
    return finish_records(out, articles, checked, dedup, clock)


def shape_records(
    records: list[Record], run_id: str, now, clock: _Clock, limits: Limits | None = None
) -> tuple[Processed, list[dict], list[list[dict]]]:
    """The segment stage of `process_records`: its rejects and counts so far, and the shaped
    articles with each one's comments (empties `records`)."""
    out = Processed()
    arrived = len(records)
    warm_up_validation()  # Great Expectations loads while the segmenters work on the first batch
    learning = clock.cpu["boilerplate"]
    shaped, bad = segment_pages(records, limits or Limits(), run_id, now, clock.cpu)
    records.clear()  # their rows hold what is needed from here on: the texts may go
    out.rejects.extend(bad)
    out.counts["records_rejected"] += arrived - len(shaped)
    clock.lap("segment")
    clock.cpu["segment"] -= clock.cpu["boilerplate"] - learning  # counted apart, as "boilerplate"
    return out, [article for article, _ in shaped], [comments for _, comments in shaped]


def finish_records(
    out: Processed, articles: list[dict], checked: Checked, dedup: BatchDedup, clock: _Clock
) -> Processed:
    """After validation: rejects, outcomes and counts added, and each article that loads named
    its near duplicate (a quarantined article never enters the run's index)."""
    out.rejects.extend(checked.rejects)
    out.outcomes.extend(checked.outcomes)
    out.validation_results.extend(checked.results)
    out.counts["records_rejected"] += len(articles) - len(checked.articles)
    for article in checked.articles:
        article["near_duplicate_of"] = dedup.near_duplicate_of(article["body_simhash"], article["source"])
    out.articles, out.comments = checked.articles, checked.comments
    out.counts["records_loaded"] += len(out.articles)
    out.counts["articles"] += len(out.articles)
    out.counts["comments"] += len(out.comments)
    clock.lap("dedup")
    return out


def _write(
    out: BatchResult, warehouse: Warehouse, run_id: str, part: str, tables: dict[str, list[dict]]
) -> None:
    for table, table_rows in tables.items():
        written = warehouse.write_part(table, table_rows, run_id, part)
        if written:
            out.parts.setdefault(table, []).append(written)


def _load_rows(
    out: BatchResult,
    warehouse: Warehouse,
    run_id: str,
    part: str,
    now,
    done: Processed,
    rejects: list[Reject],
) -> None:
    """The load stage's part of a batch: its articles, comments and reject rows as parts."""
    reject_rows = [_reject_row(r, run_id, now, f"{run_id}/{part}/{i}") for i, r in enumerate(rejects)]
    _write(
        out,
        warehouse,
        run_id,
        part,
        {"articles": done.articles, "comments": done.comments, "rejects": reject_rows},
    )
    out.counts["rejects"] += len(reject_rows)
    out.reject_reasons.update((r.stage, r.reason) for r in rejects)


def _as_warehouse(warehouse: Warehouse | Path) -> Warehouse:
    return warehouse if isinstance(warehouse, Warehouse) else Warehouse.at(warehouse)


def process_batch(
    files: list[InputFile],
    known_hashes: dict[str, str | None],
    warehouse: Warehouse | Path,
    run_id: str,
    part: str,
    *,
    extra_rejects: list[Reject] | None = None,
    seen: DedupIndex | None = None,
    options: BatchOptions | None = None,
    hold: bool = False,
) -> BatchResult:
    """Run every stage on a batch of files and write its Parquet parts (not yet committed).

    `known_hashes`: source -> content hash of the files loaded before (the same bytes again are
    unchanged); `extra_rejects`: inputs found but never opened, recorded with this batch;
    `seen`: the duplicates' keys of what is loaded and of the batches finished so far.
    `hold`: stop after the segment stage and hand the shaped rows back (`BatchResult.held`), for
    the run to validate with other batches' and load (`finish_held`).
    """
    warehouse = _as_warehouse(warehouse)
    options = options or BatchOptions()
    out = BatchResult()
    clock = _Clock(out.seconds, out.cpu)
    now = utcnow()
    dedup = BatchDedup(seen if seen is not None else DedupIndex())
    rejects: list[Reject] = list(extra_rejects or [])
    inputs: list[dict] = [unopened_input(r.source, run_id, now) for r in rejects]
    records: list[Record] = []
    for f in files:
        got = read_input(f, options.max_bytes, known_hashes.get(f.source))
        status = "unchanged" if got.unchanged else ("rejected" if got.file_rejected else "loaded")
        rejects.extend(got.rejects)
        records.extend(got.records)
        out.skipped.update(got.skipped)
        record_rejects = sum(1 for r in got.rejects if r.source != f.source)
        out.counts["records_seen"] += len(got.records) + record_rejects + sum(got.skipped.values())
        out.counts["records_rejected"] += record_rejects
        out.counts["records_skipped"] += sum(got.skipped.values())
        out.counts[f"files_{status}"] += 1
        inputs.append(
            {
                "source": f.source,
                "path": f.path,
                "size": f.size,
                "mtime_ns": f.mtime_ns,
                "content_hash": got.digest,
                "status": status,
                "records": len(got.records),
                "format": got.format,
                "records_skipped": sum(got.skipped.values()),
                "run_id": run_id,
                "seen_at": now,
            }
        )
    clock.lap("read")

    pages, fresh = [], []
    for rec in records:
        _clean_record(rec)
        digest = text_hash(rec.text)
        duplicate_of = dedup.duplicate_of(exact_key(rec.url, digest), rec.source)
        pages.append(page_row(rec, digest, duplicate_of, run_id, now))
        if duplicate_of is None:
            fresh.append(rec)
    out.counts["records_duplicate"] += len(records) - len(fresh)
    clock.lap("clean")
    # the raw layer is complete now: written (uncommitted) and let go before the pages are
    # segmented, so a batch holds its texts once, not as records, page rows and articles at once
    _write(out, warehouse, run_id, part, {"inputs": inputs, "pages": pages})
    del records, pages, inputs
    clock.lap("load")

    if hold:
        shaped, articles, comments_by_article = shape_records(fresh, run_id, now, clock, options.limits)
        rejects.extend(shaped.rejects)
        out.counts.update(shaped.counts)
        out.held = Held(articles, comments_by_article, rejects, run_id, part, now)
        out.dedup = dedup.new  # the exact duplicates' keys: the run takes them over at once
        return out
    done = process_records(fresh, run_id, now, dedup, clock, options.limits)
    rejects.extend(done.rejects)
    out.outcomes.extend(done.outcomes)
    out.counts.update(done.counts)
    out.validation_results.extend(done.validation_results)
    _load_rows(out, warehouse, run_id, part, now, done, rejects)
    crash_point("after_batch_write")
    clock.lap("load")
    out.dedup = dedup.new
    out.near_unmatched = dedup.unmatched
    return out


def held_pages(result: BatchResult) -> int:
    """Articles a batch holds for validation."""
    return len(result.held.articles) if result.held else 0


def finish_held(
    results: list[BatchResult], warehouse: Warehouse | Path, seen: DedupIndex
) -> Iterator[BatchResult]:
    """Validate the rows the batches `results` hold, with each suite run once for all of them
    (`quarantine_batches`: each batch gets the rows, rejects and outcomes it gets alone), then,
    batch by batch in order, name near duplicates and write the batch's articles, comments and
    rejects (uncommitted), and yield it. `seen` must hold every earlier batch when the next is
    taken: the caller merges each batch yielded into it first, as it does without holding.

    The validation's CPU and wall seconds are shared out over the batches by their rows.
    """
    warehouse = _as_warehouse(warehouse)
    held = [(r, r.held) for r in results if r.held is not None]
    t, c = time.perf_counter(), time.thread_time()
    checked = quarantine_batches([(h.articles, h.comments_by_article) for _, h in held])
    wall, cpu = time.perf_counter() - t, time.thread_time() - c
    rows = sum(len(h.articles) for _, h in held)
    for k, ((result, h), got) in enumerate(zip(held, checked, strict=True)):
        if k:
            crash_point("mid_group")
        result.held = None
        share = len(h.articles) / rows if rows else 1 / len(held)
        result.seconds["validate"] += wall * share
        result.cpu["validate"] += cpu * share
        clock = _Clock(result.seconds, result.cpu)
        dedup = BatchDedup(seen, result.dedup)
        done = finish_records(Processed(), h.articles, got, dedup, clock)
        result.outcomes.extend(done.outcomes)
        result.counts.update(done.counts)
        result.validation_results.extend(done.validation_results)
        h.rejects.extend(done.rejects)
        _load_rows(result, warehouse, h.run_id, h.part, h.now, done, h.rejects)
        crash_point("after_batch_write")
        clock.lap("load")
        result.near_unmatched = dedup.unmatched
        yield result


def settle_late_duplicates(result: BatchResult, seen: DedupIndex, warehouse: Warehouse | Path) -> int:
    """Make a batch's copies of pages that a batch running beside it loaded into duplicates.

    Batches in flight together cannot see each other's pages, so both may load the same text.
    Results arrive in submission order and `seen` holds every batch before this one: a text this
    batch added that `seen` holds under another source is a late duplicate. Its article, comments
    and rejects are dropped from this batch's (still uncommitted) parts and its `pages` row names
    the holder, as if the batch had seen it in time. Returns the number of records settled.
    """
    late = {
        source: seen.exact[key]
        for key, simhash_value, source in result.dedup.added
        if simhash_value is None and seen.exact.get(key, source) != source
    }
    if not late:
        return 0
    warehouse = _as_warehouse(warehouse)
    result.dedup.added = [a for a in result.dedup.added if a[2] not in late]
    dropped: dict[str, list[dict]] = {"articles": [], "comments": [], "rejects": []}

    def without(table: str, column: str, values) -> Callable[[list[dict]], list[dict]]:
        def edit(rows: list[dict]) -> list[dict]:
            dropped[table].extend(r for r in rows if r[column] in values)
            return [r for r in rows if r[column] not in values]

        return edit

    def naming_holders(rows: list[dict]) -> list[dict]:
        for r in rows:
            if r["source"] in late:
                r["duplicate_of"] = late[r["source"]]
            elif r["duplicate_of"] in late:  # a copy of a settled page: name the one holder
                r["duplicate_of"] = late[r["duplicate_of"]]
        return rows

    def rewrite(table: str, edit: Callable[[list[dict]], list[dict]]) -> None:
        kept = [warehouse.rewrite_part(rel, table, edit) for rel, _ in result.parts.get(table, [])]
        if table in result.parts:
            result.parts[table] = [k for k in kept if k is not None]

    rewrite("articles", without("articles", "source", late))
    rewrite("comments", without("comments", "article_id", {a["article_id"] for a in dropped["articles"]}))
    rewrite("rejects", without("rejects", "source", late))
    rewrite("pages", naming_holders)
    loaded = len(dropped["articles"])
    result.counts.update(
        {
            "records_loaded": -loaded,
            "articles": -loaded,
            "comments": -len(dropped["comments"]),
            "records_rejected": -(len(late) - loaded),
            "records_duplicate": len(late),
            "rejects": -len(dropped["rejects"]),
        }
    )
    result.reject_reasons.subtract((r["stage"], r["reason"]) for r in dropped["rejects"])
    result.reject_reasons += Counter()  # drop reasons that reached zero
    return len(late)


def settle_late_near_duplicates(result: BatchResult, seen: DedupIndex, warehouse: Warehouse | Path) -> int:
    """Name, on a batch's articles that name no near duplicate, one a batch running beside it
    loaded: the closest within the SimHash distance in `seen` (every batch before this one).

    As with exact copies (settle_late_duplicates), batches in flight together cannot see each
    other's articles; this makes `near_duplicate_of` what a run of one batch at a time gives,
    except that an article naming a near duplicate keeps it even if an article loaded beside it
    was closer. Returns the number of articles settled.
    """
    loaded = {source for _key, value, source in result.dedup.added if value is not None}  # not settled away
    late = {}
    for value, source in result.near_unmatched:
        if source in loaded and (found := seen.nearest(value, source)) is not None:
            late[source] = found[1]
    if not late:
        return 0

    def naming_holders(rows: list[dict]) -> list[dict]:
        for r in rows:
            if r["source"] in late:
                r["near_duplicate_of"] = late[r["source"]]
        return rows

    warehouse = _as_warehouse(warehouse)
    for rel, _ in result.parts.get("articles", []):
        warehouse.rewrite_part(rel, "articles", naming_holders)
    return len(late)


def record_from_page(row: dict) -> Record:
    """A `pages` row back into the record it was read as."""
    return Record(
        source=row["source"],
        text=row["text"],
        format=row["format"],
        content_hash=row["content_hash"],
        url=row["url"],
        title=row["title"],
        scraped_at=row["scraped_at"],
        container=row["container"],
        byline=row["byline"],
        published_at=row["published_at"],
        meta=json.loads(row["meta"]) if row["meta"] else {},
    )


def resegment_batch(
    records: list[Record],
    warehouse: Warehouse | Path,
    run_id: str,
    part: str,
    seen: DedupIndex,
    options: BatchOptions | None = None,
) -> BatchResult:
    """Records read back from `pages` -> new article and comment versions (sources untouched)."""
    warehouse = _as_warehouse(warehouse)
    out = BatchResult()
    clock = _Clock(out.seconds, out.cpu)
    now = utcnow()
    dedup = BatchDedup(seen)
    out.counts["records_seen"] += len(records)
    limits = (options or BatchOptions()).limits
    done = process_records(list(records), run_id, now, dedup, clock, limits)  # a retry gets them again
    out.outcomes.extend(done.outcomes)
    out.counts.update(done.counts)
    out.validation_results.extend(done.validation_results)
    _load_rows(out, warehouse, run_id, part, now, done, done.rejects)
    clock.lap("load")
    out.dedup = dedup.new
    out.near_unmatched = dedup.unmatched
    return out
