"""Per-item limits with real child processes: an item that hangs, hogs memory or kills its child is
one answer over a limit, the items around it are answered, and the limits hold in threads, in
daemonic processes and on a real local Dask cluster. A child's warm-up is never an item's time."""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from datetime import datetime

import pytest

from tasks import pipeline, rows
from tasks.models import Record
from tasks.pipeline import segment_pages
from tasks.sandbox import Exceeded, Limits, Task, pool, run_sandboxed
from tests.conftest import SEED_EXAMPLE

# ---------------------------------------------------------------- work for the child process


def misbehave(text: str) -> str:
    """Never returns on HANG, eats memory on HOG, dies on DIE, takes a while on SLEEP <seconds>;
    else answers at once."""
    if text.startswith("SLEEP "):
        time.sleep(float(text.split()[1]))
    if text.startswith("HANG"):
        while True:
            time.sleep(1)
    if text.startswith("HOG"):
        hog = []
        while True:
            hog.append(bytearray(64 * 1024 * 1024))
    if text.startswith("DIE"):
        os._exit(3)
    return text.upper()


def slow_warm_up() -> None:
    time.sleep(3.0)  # a model to load, patterns to compile: longer than an item may take


def hostile_shape_chunk(recs: list[Record], boilerplate, run_id, ingested_at):
    """The segment stage's own work, except on pages that hang, hog or kill the child."""
    for rec in recs:
        misbehave(rec.text)
    return rows.shape_chunk(recs, boilerplate, run_id, ingested_at)


MISBEHAVING = Task(misbehave, name="test")
HOSTILE_SEGMENTER = Task(hostile_shape_chunk, warm_up=rows.warm_up, name="segmenter")


def _page(source: str, text: str | None = None) -> Record:
    return Record(source, text or SEED_EXAMPLE.read_text(encoding="utf-8"), "text", f"hash-{source}")


def _jobs(*texts: str) -> list[tuple[int, tuple]]:
    return [(len(t), (t,)) for t in texts]


@pytest.fixture
def hostile_segmenter(monkeypatch):
    monkeypatch.setattr(pipeline, "SEGMENTER", HOSTILE_SEGMENTER)


# ---------------------------------------------------------------- the segment stage's limits


@pytest.mark.parametrize(
    ("text", "reason"),
    [("HANG", "segment time limit"), ("HOG", "segment memory limit"), ("DIE", "segmenter crashed")],
)
def test_a_page_that_hangs_hogs_or_kills_the_segmenter_is_one_reject(hostile_segmenter, text, reason):
    limits = Limits(seconds=3.0, memory_mb=256)
    records = [_page("before"), _page("bad", text), _page("after")]
    shaped, rejects = segment_pages(records, limits, "run", datetime(2024, 1, 1))
    assert [article["source"] for article, _ in shaped] == ["before", "after"]
    assert [(r.source, r.stage, r.reason) for r in rejects] == [("bad", "segment", reason)]
    assert shaped[1][1], "the page after the bad one was segmented by a fresh child"


@pytest.mark.parametrize("text", ["HANG", "DIE"])
def test_items_queued_behind_a_bad_item_go_to_a_fresh_child_in_order(text):
    """Items are sent ahead of the child's answers; those queued behind the item that stalls or
    kills it are neither lost nor answered twice, and answers keep the order of the jobs."""
    answers = run_sandboxed(
        MISBEHAVING, _jobs("a", text, *(f"after-{i}" for i in range(5))), Limits(seconds=3.0)
    )
    assert answers[0] == "A" and answers[2:] == [f"AFTER-{i}" for i in range(5)]
    assert isinstance(answers[1], Exceeded) and answers[1].limit == ("time" if text == "HANG" else "crash")


def test_threads_share_the_pool_of_children():
    """Batches in threads take a child from one pool: never more children than `processes`."""
    limits = Limits(seconds=30.0, processes=1)
    out: list = []
    threads = [
        threading.Thread(target=lambda n=n: out.extend(run_sandboxed(MISBEHAVING, _jobs(f"p{n}"), limits)))
        for n in range(3)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert sorted(out) == ["P0", "P1", "P2"]
    assert len(pool(MISBEHAVING, limits).sandboxes) == 1


def test_the_limits_hold_outside_the_main_thread():
    """Prefect may run a task in a worker thread, where SIGALRM-style limits cannot reach."""
    out: dict = {}
    worker = threading.Thread(
        target=lambda: out.update(
            answers=run_sandboxed(MISBEHAVING, _jobs("HANG", "ok"), Limits(seconds=2.0))
        )
    )
    worker.start()
    worker.join(timeout=120)
    assert not worker.is_alive()
    assert out["answers"] == [Exceeded("time", "no result after 2 s"), "OK"]


def _sandbox_in_worker() -> tuple[bool, list]:
    answers = run_sandboxed(MISBEHAVING, _jobs("HANG", "ok"), Limits(seconds=2.0))
    return multiprocessing.current_process().daemon, [
        a.limit if isinstance(a, Exceeded) else a for a in answers
    ]


def _sandbox_in_daemon(queue) -> None:
    queue.put(_sandbox_in_worker())


def test_the_limits_hold_in_a_daemonic_process():
    """Dask runs tasks in daemonic processes, which multiprocessing forbids to have children."""
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=_sandbox_in_daemon, args=(queue,), daemon=True)
    proc.start()
    try:
        assert queue.get(timeout=120) == (True, ["time", "OK"])
    finally:
        proc.join(10)
        proc.kill()


@pytest.mark.slow
def test_the_limits_hold_on_a_real_local_dask_cluster():
    """A task on a Dask worker process (daemonic) still gets its items' limits."""
    from distributed import Client, LocalCluster

    with (
        LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        assert client.submit(_sandbox_in_worker, pure=False).result(timeout=180) == (True, ["time", "OK"])


# ---------------------------------------------------------------- warm-up


def test_a_slow_warm_up_is_the_childs_start_up_not_the_first_items_time():
    """What a child loads once (models, compiled patterns, imports) must not count against the
    first item's time limit, nor against the first item of the fresh child after a bad one."""
    task = Task(misbehave, warm_up=slow_warm_up, name="test")
    answers = run_sandboxed(task, _jobs("first", "HANG", "after"), Limits(seconds=1.5))
    assert answers == ["FIRST", Exceeded("time", "no result after 1.5 s"), "AFTER"]


def test_a_job_with_its_own_time_limit_is_held_to_it_not_to_the_default():
    """A chunk of many pages is one job: it gets its own time limit, not one page's."""
    jobs = [(7, ("SLEEP 1.5",), 6.0), (7, ("SLEEP 1.5",)), (3, ("ok",), 0.5)]
    answers = run_sandboxed(MISBEHAVING, jobs, Limits(seconds=1.0))
    assert answers == ["SLEEP 1.5", Exceeded("time", "no result after 1 s"), "OK"]


def test_a_chunk_of_pages_gets_several_pages_time_but_a_bounded_amount():
    records = [_page(f"p{i}") for i in range(pipeline.CHUNK_PAGES)]
    limit = 2.0
    assert pipeline._chunk_job(records, [0], {}, "run", None, limit)[2] == limit
    assert pipeline._chunk_job(records, [0, 1], {}, "run", None, limit)[2] == 2 * limit
    many = pipeline._chunk_job(records, list(range(len(records))), {}, "run", None, limit)[2]
    assert many == pipeline.CHUNK_TIME_PAGES * limit < len(records) * limit


def test_the_segmenter_child_warms_up_on_a_text_and_an_html_page():
    """The segment stage's warm-up goes through extraction, segmentation and language detection."""
    rows.warm_up()  # in this process: it must simply work, whatever the segmenter's internals
    shaped, rejects = rows.shape_pages([_page("seed")])
    assert rejects == [] and len(shaped[0][1]) == 50
