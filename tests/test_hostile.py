"""Hostile input: each bomb, monster line, broken byte, odd file and odd name ends as a reject with a
reason (or loads, when it is a good page with an odd name), the run goes on, memory stays bounded,
and a re-run repeats nothing. Also the segmenter's per-page limits, with real child processes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from fuzz.hostile import MAX_MB, write_hostile
from fuzz.hostile import source_of as hostile_source
from tasks import load
from tasks.guard import SegmentLimits, guarded_segment_records
from tasks.models import InputFile, Record
from tasks.pipeline import process_batch
from tests.conftest import SEED_EXAMPLE

RSS_CEILING = 1024 * 1024 * 1024  # the bombs expand to 1 GB: no input may cost that much memory


# ---------------------------------------------------------------- segmenters for the child process


def hanging_segment_records(records, boilerplate=None):
    """Never returns on a page that says HANG, eats memory on HOG, dies on DIE; else the real one."""
    from tasks.segment import segment_records

    text = records[0].text
    if text.startswith("HANG"):
        while True:
            time.sleep(1)
    if text.startswith("HOG"):
        hog = []
        while True:
            hog.append(bytearray(64 * 1024 * 1024))
    if text.startswith("DIE"):
        os._exit(3)
    return segment_records(records, boilerplate=boilerplate)


HANGING = "tests.test_hostile:hanging_segment_records"


def _page(source: str, text: str | None = None) -> Record:
    return Record(source, text or SEED_EXAMPLE.read_text(encoding="utf-8"), "text", f"hash-{source}")


@pytest.mark.parametrize(
    ("text", "reason"),
    [("HANG", "segment time limit"), ("HOG", "segment memory limit"), ("DIE", "segmenter crashed")],
)
def test_a_page_that_hangs_hogs_or_kills_the_segmenter_is_one_reject(text, reason):
    limits = SegmentLimits(seconds=3.0, memory_mb=256)
    records = [_page("before"), _page("bad", text), _page("after")]
    done, rejects = guarded_segment_records(records, limits, target=HANGING)
    assert [r.source for r, _ in done] == ["before", "after"]
    assert [(r.source, r.stage, r.reason) for r in rejects] == [("bad", "segment", reason)]
    assert done[1][1].comments, "the page after the bad one was segmented by a fresh child"


@pytest.mark.parametrize("text", ["HANG", "DIE"])
def test_pages_queued_behind_a_bad_page_go_to_a_fresh_child_in_order(text):
    """Pages are sent ahead of the child's answers; those queued behind the page that stalls or
    kills it are neither lost nor answered twice, and results keep the order of the batch."""
    records = [_page("a"), _page("bad", text), *(_page(f"after-{i}") for i in range(5))]
    done, rejects = guarded_segment_records(records, SegmentLimits(seconds=3.0), target=HANGING)
    assert [r.source for r, _ in done] == ["a", *(f"after-{i}" for i in range(5))]
    assert [r.source for r in rejects] == ["bad"]


def test_threads_share_the_pool_of_segmenter_processes():
    """Batches in threads take a child from one pool: never more children than `processes`."""
    from tasks import guard

    limits = SegmentLimits(seconds=30.0, processes=1)
    out: list = []
    threads = [
        threading.Thread(target=lambda n=n: out.append(guarded_segment_records([_page(f"p{n}")], limits)))
        for n in range(3)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert sorted(done[0][0].source for done, _ in out) == ["p0", "p1", "p2"]
    assert len(guard._pool(limits, guard.SEGMENTER).workers) == 1


def test_the_limits_hold_outside_the_main_thread():
    """Prefect may run a task in a worker thread, where SIGALRM-style limits cannot reach."""
    out: dict = {}
    worker = threading.Thread(
        target=lambda: out.update(
            result=guarded_segment_records(
                [_page("bad", "HANG"), _page("ok")], SegmentLimits(seconds=2.0), HANGING
            )
        )
    )
    worker.start()
    worker.join(timeout=120)
    assert not worker.is_alive()
    done, rejects = out["result"]
    assert [r.source for r, _ in done] == ["ok"] and [r.reason for r in rejects] == ["segment time limit"]


def _segment_in_daemon(queue) -> None:
    done, rejects = guarded_segment_records(
        [_page("bad", "HANG"), _page("ok")], SegmentLimits(seconds=2.0), HANGING
    )
    queue.put(([r.source for r, _ in done], [r.reason for r in rejects]))


def test_the_limits_hold_in_a_daemonic_process():
    """Dask runs tasks in daemonic processes, which multiprocessing forbids to have children."""
    import multiprocessing

    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=_segment_in_daemon, args=(queue,), daemon=True)
    proc.start()
    try:
        assert queue.get(timeout=120) == (["ok"], ["segment time limit"])
    finally:
        proc.join(10)
        proc.kill()


def test_real_segmenter_under_an_impossible_time_limit_and_a_size_limit():
    done, rejects = guarded_segment_records(
        [_page("slow"), _page("long", "word " * 10_000)], SegmentLimits(seconds=0.000001, max_chars=40_000)
    )
    assert done == []
    assert sorted((r.source, r.reason) for r in rejects) == [
        ("long", "segment size limit"),
        ("slow", "segment time limit"),
    ]


# Lines on which a rule's regular expression once backtracked exponentially (seconds to forever
# each): in a comment section, they made a good page a 'segment time limit' reject.
BACKTRACKING_LINES = [
    "Like 12345678901234567890 x",  # button rows: a digit run shared out between count tokens
    "Reply 123456 123456 123456 123456 123456 123456 Next",  # per-comment chrome: '(\\d+\\s*)+'
]


@pytest.mark.parametrize("line", BACKTRACKING_LINES)
def test_a_line_that_made_a_rule_backtrack_is_segmented_within_the_time_limit(line):
    seed = SEED_EXAMPLE.read_text(encoding="utf-8")
    comment = "That’s your reply kid? get a life."
    assert comment in seed
    page = _page("page", seed.replace(comment, f"{comment}\n\n{line}", 1))
    done, rejects = guarded_segment_records([page], SegmentLimits(seconds=5.0))
    assert rejects == []
    [(_, seg)] = done
    assert len(seg.comments) == 50


# ---------------------------------------------------------------- a whole run over hostile files


def _run_measured(api, *args: str) -> tuple[int, str, str, int]:
    """`scrapeline ARGS` as a child process: (exit code, stdout, stderr, peak RSS in bytes)."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "flows.cli", *args],
        env=api.env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    out: dict[str, bytes] = {}
    readers = [
        threading.Thread(target=lambda n=n, s=s: out.update({n: s.read()}))
        for n, s in (("out", proc.stdout), ("err", proc.stderr))
    ]
    for r in readers:
        r.start()
    _, status, usage = os.wait4(proc.pid, 0)
    for r in readers:
        r.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    return proc.returncode, out["out"].decode(), out["err"].decode(), usage.ru_maxrss * 1024


@pytest.fixture(scope="module")
def hostile_run(prefect_api, tmp_path_factory):
    base = tmp_path_factory.mktemp("hostile")
    cases = write_hostile(base / "src")
    (base / "src" / "good.txt").write_bytes(SEED_EXAMPLE.read_bytes())
    wh = base / "wh"
    code, out, err, rss = _run_measured(
        prefect_api, "run", str(base / "src"), "--warehouse", str(wh), "--json", "--max-mb", str(MAX_MB)
    )
    assert code == 0, err[-3000:]
    return base, wh, cases, json.loads(out), rss


def _rows(wh: Path, sql: str) -> list[tuple]:
    con = load.connect(wh, read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


slow = pytest.mark.slow


@slow
def test_every_hostile_input_is_accounted_for_and_memory_stays_bounded(hostile_run):
    _, wh, cases, summary, rss = hostile_run
    assert rss < RSS_CEILING, f"peak RSS {rss / 2**20:.0f} MB"
    rejected = {}
    for source, stage, reason in _rows(wh, "SELECT source, stage, reason FROM rejects"):
        rejected.setdefault(source, []).append((stage, reason))
    loaded = {s for (s,) in _rows(wh, "SELECT source FROM articles")}
    assert "good.txt" in loaded
    for case in cases:
        source = hostile_source(case)
        # a multi-record file (CSV) loads or rejects its records as `source#N`
        got = [r for s, rs in rejected.items() if s == source or s.startswith(source + "#") for r in rs]
        if any(s.startswith(source + "#") for s in loaded):
            loaded.add(source)
        assert not (got and source in loaded), f"{case.what}: both loaded and rejected"
        if case.stage is None:
            assert source in loaded, f"{case.what}: not loaded, rejects {got}"
        elif case.stage == "*":
            assert source in loaded or got, f"{case.what}: neither loaded nor rejected"
        else:
            assert len(got) == 1 and got[0][0] == case.stage and got[0][1] in case.reasons, (case.what, got)
    assert summary["files_seen"] == len(cases) + 1
    for (text,) in _rows(wh, "SELECT body FROM articles UNION ALL SELECT text FROM comments"):
        assert "\0" not in text and text.encode("utf-8")


@slow
@pytest.mark.parametrize("reader", ["html", "csv"])
def test_formats_being_added_are_rejected_or_loaded_within_limits(hostile_run, reader):
    _, wh, cases, _, _ = hostile_run
    case = next(c for c in cases if c.needs_reader == reader)
    reasons = [r for (r,) in _rows(wh, f"SELECT reason FROM rejects WHERE source LIKE '{case.name}%'")]
    if reasons == ["unsupported format"]:
        pytest.skip(f"no {reader} reader yet: rejected as an unsupported format")
    loaded = _rows(wh, f"SELECT word_count FROM articles WHERE source LIKE '{case.name}%'")
    assert reasons or loaded
    if reader == "csv":  # a 50 MB field is over every per-page limit: it cannot become an article
        assert reasons and not loaded


@slow
def test_rerun_over_hostile_inputs_repeats_nothing(hostile_run, prefect_api):
    from prefect.settings import PREFECT_API_URL, PREFECT_LOGGING_TO_API_ENABLED, temporary_settings

    from flows.ingest import ingest

    base, wh, cases, first, _ = hostile_run
    before = _rows(wh, "SELECT count(*) FROM rejects") + _rows(wh, "SELECT count(*) FROM articles_all")
    with temporary_settings(
        updates={PREFECT_API_URL: prefect_api.url, PREFECT_LOGGING_TO_API_ENABLED: False}
    ):
        again = ingest(sources=[str(base / "src")], warehouse=str(wh), max_bytes=MAX_MB * 1024 * 1024)
    assert (again["files_new"], again["files_rejected"], again["rejects"]) == (0, 0, 0)
    assert again["files_unchanged"] == first["files_seen"]
    after = _rows(wh, "SELECT count(*) FROM rejects") + _rows(wh, "SELECT count(*) FROM articles_all")
    assert after == before


def test_file_removed_between_discover_and_read_is_a_reject(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    good, gone = src / "good.txt", src / "gone.txt"
    good.write_bytes(SEED_EXAMPLE.read_bytes())
    gone.write_bytes(SEED_EXAMPLE.read_bytes())
    files = [InputFile(str(p), p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in (gone, good)]
    gone.unlink()
    result = process_batch(files, {}, tmp_path / "wh", "run1", "part-0")
    assert result.counts["articles"] == 1 and result.counts["files_rejected"] == 1
    assert dict(result.reject_reasons) == {("read", "unreadable file"): 1}
