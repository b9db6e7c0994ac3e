"""Two writers at once, readers during commits, and a `scrapeline sql` that cannot write.

Writers are real `scrapeline run` processes; readers poll the views the whole time and must only
ever see a complete warehouse: the old one or the new one, never half of a run.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tasks import load
from tests.flows.test_crash import rerun, snapshot
from tests.synth import write_corpus

PAGES = 60


def _run(api, src: Path, wh: Path, batch: int = 30) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "flows.cli", "run", str(src), "--warehouse", str(wh), "--quiet"]
        + ["--batch-files", str(batch)],
        env=api.env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.fixture(scope="module")
def small(tmp_path_factory, prefect_api):
    """A small corpus and the warehouse of one uninterrupted run over it."""
    base = tmp_path_factory.mktemp("conc")
    src = write_corpus(base / "src", PAGES, seed=11)
    wh = base / "clean"
    rerun(prefect_api, src, wh)
    return src, wh, snapshot(wh)


@pytest.mark.slow
def test_two_runs_at_once_end_with_the_tables_of_one(small, prefect_api, tmp_path):
    src, _, clean_view = small
    wh = tmp_path / "wh"
    first, second = _run(prefect_api, src, wh), _run(prefect_api, src, wh)
    for proc in (first, second):
        _, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err[-2000:]
    assert snapshot(wh) == clean_view
    con = load.connect(wh, read_only=True)
    try:
        runs = con.execute("SELECT files_new, files_unchanged FROM runs ORDER BY finished_at").fetchall()
        [(n_all,)] = con.execute("SELECT count(*) FROM articles_all").fetchall()
    finally:
        con.close()
    assert runs == [(PAGES + 1, 0), (0, PAGES + 4)]  # the second waited, then found nothing new
    assert n_all == PAGES


def _consistent_counts(con) -> tuple[int, int, int]:
    """(articles, comments, runs) read in one connection, with the article/comment invariant checked."""
    [(articles, comments, announced, runs)] = con.execute(
        "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM comments), "
        "(SELECT coalesce(sum(comment_count), 0) FROM articles), (SELECT count(*) FROM runs)"
    ).fetchall()
    assert comments == announced, "comments of a half-committed run"
    return articles, comments, runs


@pytest.mark.slow
def test_readers_during_repeated_commits_see_whole_runs_only(small, prefect_api, tmp_path):
    src_all, clean_wh, _ = small
    pages = sorted(p for p in src_all.rglob("page*"))
    rounds = [pages[i::3] for i in range(3)]
    src, wh = tmp_path / "src", tmp_path / "wh"
    src.mkdir()
    load.init_warehouse(wh)
    seen: list[tuple[int, int, int]] = []
    sql_seen: list[str] = []
    errors: list[BaseException] = []
    done = threading.Event()

    def read_views() -> None:
        try:
            while not done.is_set():
                con = load.connect(wh, read_only=True, timeout=120)
                try:
                    seen.append(_consistent_counts(con))
                finally:
                    con.close()
                time.sleep(0.02)
        except BaseException as exc:  # noqa: BLE001 - reported by the test thread
            errors.append(exc)

    def read_with_cli() -> None:
        query = (
            "SELECT (SELECT count(*) FROM articles) AS a, (SELECT count(*) FROM comments) AS c, "
            "(SELECT coalesce(sum(comment_count), 0) FROM articles) AS n"
        )
        while not done.is_set():
            out = subprocess.run(
                [sys.executable, "-m", "flows.cli", "sql", query, "--warehouse", str(wh), "--format", "csv"],
                env=prefect_api.env(),
                capture_output=True,
                text=True,
                timeout=120,
            )
            if out.returncode == 0:
                sql_seen.append(out.stdout.splitlines()[1])
            else:
                errors.append(AssertionError(out.stderr))
            time.sleep(0.3)

    readers = [threading.Thread(target=read_views), threading.Thread(target=read_with_cli)]
    for r in readers:
        r.start()
    try:
        for files in rounds:
            for page in files:
                target = src / page.relative_to(src_all)
                target.parent.mkdir(exist_ok=True)
                shutil.copy2(page, target)
            proc = _run(prefect_api, src, wh, batch=25)
            _, err = proc.communicate(timeout=600)
            assert proc.returncode == 0, err[-2000:]
    finally:
        done.set()
        for r in readers:
            r.join(timeout=180)
    assert not errors, errors[0]
    cumulative = [0] + [sum(len(r) for r in rounds[: k + 1]) for k in range(len(rounds))]
    assert len({a for a, _, _ in seen}) >= 2, "the reader never saw a commit happen"
    for articles, _, runs in seen:
        assert articles == cumulative[runs], f"{articles} articles with {runs} runs committed"
    for line in sql_seen:
        articles, comments, announced = map(int, line.split(","))
        assert comments == announced and articles in cumulative
    assert seen[-1][0] == cumulative[-1]
