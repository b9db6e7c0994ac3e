"""A run killed at any moment, then run again, ends with exactly the tables of an uninterrupted run.

Each case kills a real `scrapeline run` process (at a named crash point, or with SIGKILL after a
random delay), checks that the views then show the old warehouse or the complete new one and
never a part of a run, runs again without the hook, and compares every view row by row
(run ids and timestamps aside) with a clean run of the same corpus.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tasks import load
from tasks.crash import CRASH_ENV, CRASH_EXIT_CODE, STEPS
from tests.prefect_server import PrefectApi
from tests.synth import write_corpus

pytestmark = pytest.mark.slow

PAGES = 200
BATCH = 100  # two batches, so a crash can fall between them
RANDOM_KILLS = 20
VOLATILE = {"run_id", "reject_id", "ingested_at", "rejected_at", "seen_at"}  # reject_id holds the run id
COMPARED = ("articles", "comments", "rejects", "inputs")


def cli_run(api: PrefectApi, corpus: Path, wh: Path, *extra: str, crash: str | None = None):
    env = api.env(**({CRASH_ENV: crash} if crash else {}))
    return subprocess.Popen(
        [sys.executable, "-m", "flows.cli", "run", str(corpus), "--warehouse", str(wh), "--quiet"]
        + ["--batch-files", str(BATCH), *extra],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def rerun(api: PrefectApi, corpus: Path, wh: Path) -> dict:
    """The run after the crash, in this process (same flow, without the start-up of a new one)."""
    from prefect.settings import PREFECT_API_URL, PREFECT_LOGGING_TO_API_ENABLED, temporary_settings

    from flows.ingest import ingest

    with temporary_settings(updates={PREFECT_API_URL: api.url, PREFECT_LOGGING_TO_API_ENABLED: False}):
        return ingest(sources=[str(corpus)], warehouse=str(wh), batch_files=BATCH)


def snapshot(wh: Path) -> dict[str, list[tuple]]:
    """Every compared view as a sorted list of rows without run ids and timestamps; {} if no warehouse."""
    if not (wh / load.DB_NAME).exists():
        return {t: [] for t in COMPARED}
    con = load.connect(wh, read_only=True)
    try:
        out = {}
        for table in COMPARED:
            cur = con.execute(f"SELECT * FROM {table}")
            keep = [i for i, d in enumerate(cur.description) if d[0] not in VOLATILE]
            out[table] = sorted((tuple(r[i] for i in keep) for r in cur.fetchall()), key=repr)
        return out
    finally:
        con.close()


def assert_no_orphans_or_duplicates(wh: Path) -> None:
    con = load.connect(wh, read_only=True)
    try:
        listed = {p for (p,) in con.execute(f"SELECT path FROM {load.CATALOG}").fetchall()}
        for table in ("articles", "comments"):
            [(n,)] = con.execute(f"SELECT count(*) FROM {table}").fetchall()
            [(n_all,)] = con.execute(f"SELECT count(*) FROM {table}_all").fetchall()
            assert n == n_all, f"{table}: {n_all - n} rows of another version of an unchanged source"
    finally:
        con.close()
    on_disk = {p.relative_to(wh).as_posix() for t in load.TABLES for p in (wh / t).rglob("*") if p.is_file()}
    assert on_disk == listed, f"unlisted files: {sorted(on_disk - listed)[:5]}"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("crash") / "corpus", PAGES)


@pytest.fixture(scope="module")
def clean(prefect_api, corpus, tmp_path_factory) -> tuple[Path, dict, float]:
    """A run that was never interrupted: its warehouse, its views, and how long its work took."""
    wh = tmp_path_factory.mktemp("clean") / "wh"
    proc = cli_run(prefect_api, corpus, wh)
    locked = _wait_for_lock(wh, proc)
    proc.communicate(timeout=300)
    work_seconds = time.monotonic() - locked
    assert proc.returncode == 0
    view = snapshot(wh)
    assert len(view["articles"]) == PAGES and len(view["rejects"]) == 4 and view["comments"]
    return wh, view, work_seconds


def _wait_for_lock(wh: Path, proc: subprocess.Popen) -> float:
    """Block until `proc` holds the writer lock (its work begins); return that moment."""
    lock = wh / ".scrapeline.lock"
    mark = f"pid {proc.pid}".encode()
    while proc.poll() is None:
        try:
            if lock.read_bytes() == mark:
                return time.monotonic()
        except OSError:
            pass
        time.sleep(0.01)
    return time.monotonic()


def _check_recovery(api, corpus, wh, clean_view, after_crash: dict) -> None:
    empty = {t: [] for t in COMPARED}
    assert after_crash in (empty, clean_view), "the views showed part of a run"
    summary = rerun(api, corpus, wh)
    assert summary["files_seen"] == PAGES + 4
    assert snapshot(wh) == clean_view
    assert_no_orphans_or_duplicates(wh)


@pytest.mark.parametrize("step", [s for s in STEPS if s != "mid_refresh"])
def test_crash_at_step_then_rerun_equals_clean_run(step, prefect_api, corpus, clean, tmp_path):
    _, clean_view, _ = clean
    wh = tmp_path / "wh"
    proc = cli_run(prefect_api, corpus, wh, crash=step)
    proc.communicate(timeout=300)
    # the flow process exits at its own steps; at a batch step a worker dies and kills it
    assert proc.returncode in (CRASH_EXIT_CODE, -signal.SIGKILL), f"the run did not stop at {step}"
    after = snapshot(wh)
    assert after == (clean_view if step == "after_commit" else {t: [] for t in COMPARED})
    _check_recovery(prefect_api, corpus, wh, clean_view, after)


def test_crash_during_full_refresh_then_plain_rerun_equals_clean_run(prefect_api, corpus, clean, tmp_path):
    clean_wh, clean_view, _ = clean
    wh = tmp_path / "wh"
    shutil.copytree(clean_wh, wh)
    proc = cli_run(prefect_api, corpus, wh, "--full-refresh", crash="mid_refresh")
    proc.communicate(timeout=300)
    assert proc.returncode == CRASH_EXIT_CODE
    _check_recovery(prefect_api, corpus, wh, clean_view, snapshot(wh))


@pytest.mark.parametrize("seed", range(RANDOM_KILLS))
def test_sigkill_at_random_moment_then_rerun_equals_clean_run(seed, prefect_api, corpus, clean, tmp_path):
    _, clean_view, work_seconds = clean
    wh = tmp_path / "wh"
    proc = cli_run(prefect_api, corpus, wh)
    _wait_for_lock(wh, proc)
    time.sleep(random.Random(seed).uniform(0, work_seconds))
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=300)
    assert proc.returncode in (0, -signal.SIGKILL)
    _check_recovery(prefect_api, corpus, wh, clean_view, snapshot(wh))
