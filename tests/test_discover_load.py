"""Discovery, incremental planning, and the warehouse's commit, views and writer lock."""

from __future__ import annotations

import multiprocessing
import os

import duckdb
import pytest

from tasks import load
from tasks.discover import SourceError, batches, discover, plan
from tasks.models import InputFile


def test_sources_are_relative_to_their_argument(tmp_path):
    (tmp_path / "site" / "2021").mkdir(parents=True)
    (tmp_path / "site" / "2021" / "a.txt").write_text("a")
    (tmp_path / "site" / "b.md").write_text("b")
    (tmp_path / "site" / ".hidden").write_text("h")
    (tmp_path / "one.txt").write_text("c")
    found = discover([str(tmp_path / "site"), str(tmp_path / "one.txt"), str(tmp_path / "site" / "*.md")])
    assert sorted(f.source for f in found.files) == ["2021/a.txt", "b.md", "one.txt"]
    with pytest.raises(SourceError):
        discover([str(tmp_path / "missing")])


def test_plan_skips_files_with_same_size_and_mtime():
    a, b = InputFile("/x/a", "a", 10, 1), InputFile("/x/b", "b", 10, 1)
    todo, unchanged = plan([a, b], {"a": (10, 1, "h", "loaded"), "b": (10, 2, "h", "loaded")})
    assert todo == [b] and unchanged == [a]


def test_batches_are_bounded_by_count_and_bytes():
    files = [InputFile(f"/{i}", str(i), 100, 0) for i in range(10)]
    assert [len(b) for b in batches(files, max_files=4)] == [4, 4, 2]
    assert [len(b) for b in batches(files, max_files=100, max_bytes=250)] == [2, 2, 2, 2, 2]


def _article(i: int, run: str) -> dict:
    return {
        "article_id": f"id{i}",
        "source": f"s{i}.txt",
        "body": "text",
        "word_count": 1,
        "comment_count": 0,
        "content_hash": "h",
        "run_id": run,
        "ingested_at": load.utcnow(),
    }


def test_commit_makes_parts_visible_and_orphans_go(tmp_path):
    wh = tmp_path / "wh"
    load.init_warehouse(wh)
    con = duckdb.connect(str(wh / load.DB_NAME), read_only=True)
    assert con.execute("SELECT count(*) FROM articles").fetchall() == [(0,)]  # views exist when empty
    con.close()
    part = load.write_part(wh, "articles", [_article(1, "r1")], "r1", "part-0")
    orphan = load.write_part(wh, "articles", [_article(2, "r1")], "r1", "part-1")
    load.commit(wh, "r1", {"articles": [part]})
    assert load.remove_orphans(wh) == 1
    assert not (wh / orphan[0]).exists()
    con = duckdb.connect(str(wh / load.DB_NAME), read_only=True)
    assert con.execute("SELECT source FROM articles").fetchall() == [("s1.txt",)]


def test_views_show_newest_version_of_each_source(tmp_path):
    wh = tmp_path / "wh"
    load.init_warehouse(wh)
    old = _article(1, "r1")
    new = {**_article(1, "r2"), "article_id": "id1b", "body": "new text"}
    load.commit(wh, "r1", {"articles": [load.write_part(wh, "articles", [old], "r1", "p")]})
    load.commit(wh, "r2", {"articles": [load.write_part(wh, "articles", [new], "r2", "p")]})
    con = duckdb.connect(str(wh / load.DB_NAME), read_only=True)
    assert con.execute("SELECT body FROM articles").fetchall() == [("new text",)]
    assert con.execute("SELECT count(*) FROM articles_all").fetchall() == [(2,)]


def _hold_lock(path, ready, release):
    with load.writer_lock(path):
        ready.set()
        release.wait(10)


def test_second_writer_is_refused_or_waits(tmp_path):
    ctx = multiprocessing.get_context("spawn")
    ready, release = ctx.Event(), ctx.Event()
    holder = ctx.Process(target=_hold_lock, args=(tmp_path, ready, release))
    holder.start()
    try:
        assert ready.wait(20)
        with (
            pytest.raises(load.WarehouseError, match=f"pid {holder.pid}"),
            load.writer_lock(tmp_path, wait=False),
        ):
            pass
        release.set()
        with load.writer_lock(tmp_path):  # waits for the holder to let go, then gets the lock
            assert (tmp_path / ".scrapeline.lock").read_text() == f"pid {os.getpid()}"
    finally:
        release.set()
        holder.join(10)
