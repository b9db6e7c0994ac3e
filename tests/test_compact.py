"""`scrapeline compact`: many small committed part files become a few large ones, atomically,
and every view returns exactly the same rows before and after."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from flows.cli import main as cli_main
from tasks import compact as compaction
from tasks import load
from tasks.discover import discover
from tasks.pipeline import process_batch
from tests.segment import pages

VIEWS = ("articles", "comments", "rejects", "inputs", "runs")


def _load_run(wh: Path, src: Path, run_id: str, batch: int = 2) -> None:
    """One run without Prefect: the flow's batches and its commit, a few scrapes per batch."""
    found = discover([str(src)])
    state = load.load_state(wh)
    todo = [f for f in found.files if state.get(f.source, (None, None))[:2] != (f.size, f.mtime_ns)]
    parts: dict[str, list[tuple[str, int]]] = {}
    for i in range(0, len(todo), batch):
        result = process_batch(todo[i : i + batch], {}, wh, run_id, f"part-{i:05d}")
        for table, files in result.parts.items():
            parts.setdefault(table, []).extend(files)
    run_row = {"run_id": run_id, "status": "completed", "started_at": load.utcnow()}
    parts["runs"] = [load.write_part(wh, "runs", [run_row], run_id, "run")]
    load.commit(wh, run_id, parts)


def _snapshot(wh: Path) -> dict[str, tuple[list[str], list[tuple]]]:
    con = duckdb.connect(str(wh / load.DB_NAME), read_only=True)
    try:
        out = {}
        for view in (*VIEWS, "articles_all", "comments_all"):
            cur = con.execute(f"SELECT * FROM {view}")
            columns = [d[0] for d in cur.description]
            out[view] = (columns, sorted(cur.fetchall(), key=repr))
        return out
    finally:
        con.close()


def _catalog(wh: Path) -> list[tuple[str, str, int]]:
    con = duckdb.connect(str(wh / load.DB_NAME), read_only=True)
    try:
        return con.execute(f"SELECT table_name, path, rows FROM {load.CATALOG} ORDER BY path").fetchall()
    finally:
        con.close()


@pytest.fixture(scope="module")
def loaded(tmp_path_factory) -> Path:
    """Two runs over the synthetic pages (the second changes one page), in batches of two."""
    tmp_path = tmp_path_factory.mktemp("compact")
    src = tmp_path / "src"
    src.mkdir()
    texts = [pages.WORDPRESS, pages.BLOGGER_MD, pages.DISQUS, pages.NO_COMMENTS, pages.INTERVIEW]
    for i, text in enumerate(texts):
        (src / f"page{i}.{'md' if '#' in text[:3] else 'txt'}").write_text(text)
    (src / "empty.txt").write_text("")  # a reject row too
    wh = tmp_path / "wh"
    load.init_warehouse(wh)
    _load_run(wh, src, "run1")
    changed = src / "page0.txt"
    changed.write_text(pages.WORDPRESS.replace("Finally!", "At last!"))
    os.utime(changed, ns=(time.time_ns(), time.time_ns() + 10**9))
    _load_run(wh, src, "run2")
    return tmp_path


@pytest.fixture
def warehouse(loaded: Path, tmp_path: Path) -> Path:
    """A private copy of the loaded warehouse (views re-pointed at the copy's files)."""
    shutil.copytree(loaded, tmp_path, dirs_exist_ok=True)
    load.commit(tmp_path / "wh", "copy", {})
    return tmp_path / "wh"


def test_compact_merges_files_and_keeps_every_row(warehouse):
    before, catalog_before = _snapshot(warehouse), _catalog(warehouse)
    assert sum(1 for t, _, _ in catalog_before if t == "articles") >= 4  # many small parts to merge

    done = {t.table: t for t in compaction.compact(warehouse)}

    after, catalog_after = _snapshot(warehouse), _catalog(warehouse)
    assert after == before  # same columns, same rows, in every view
    for table in ("articles", "comments", "inputs", "runs"):
        files = [(p, n) for t, p, n in catalog_after if t == table]
        assert len(files) == 1, table
        assert done[table].files_before == sum(1 for t, _, _ in catalog_before if t == table)
        assert done[table].rows == files[0][1] == sum(n for t, _, n in catalog_before if t == table)
        meta = pq.ParquetFile(warehouse / files[0][0]).metadata
        assert meta.num_row_groups == 1 and meta.num_rows == files[0][1]
        assert meta.row_group(0).column(0).compression == "ZSTD"
    on_disk = sorted(p.relative_to(warehouse).as_posix() for p in warehouse.rglob("*.parquet"))
    assert on_disk == sorted(p for _, p, _ in catalog_after)  # the replaced files are gone
    assert not [d for t in done for d in (warehouse / t).iterdir() if d.name.startswith("run=")]


def test_compact_again_is_a_no_op_and_runs_go_on(warehouse, tmp_path):
    compaction.compact(warehouse)
    catalog = _catalog(warehouse)
    assert compaction.compact(warehouse) == []
    assert _catalog(warehouse) == catalog
    state = load.load_state(warehouse)
    assert len(state) == 6 and state["page0.txt"][3] == "loaded"
    articles = _snapshot(warehouse)["articles"]
    _load_run(warehouse, tmp_path / "src", "run3")  # nothing changed since: nothing new to load
    assert _snapshot(warehouse)["articles"] == articles
    assert len(_catalog(warehouse)) == len(catalog) + 1  # only run3's own row in `runs`


def test_compact_killed_before_its_commit_changes_nothing(warehouse, monkeypatch):
    before, catalog_before = _snapshot(warehouse), _catalog(warehouse)

    def crash(*args, **kwargs):
        raise KeyboardInterrupt  # killed between writing the new files and the catalog swap

    monkeypatch.setattr(compaction, "_swap", crash)
    with pytest.raises(KeyboardInterrupt):
        compaction.compact(warehouse)
    assert _catalog(warehouse) == catalog_before and _snapshot(warehouse) == before
    assert load.remove_orphans(warehouse) > 0  # the unlisted new files, removed by the next writer
    assert _snapshot(warehouse) == before
    monkeypatch.undo()
    compaction.compact(warehouse)
    assert _snapshot(warehouse) == before


def test_compact_swap_is_one_transaction(warehouse, monkeypatch):
    before, catalog_before = _snapshot(warehouse), _catalog(warehouse)

    def broken_views(con, wh):
        raise RuntimeError("view rebuild failed")

    monkeypatch.setattr(load, "_rebuild_views", broken_views)
    with pytest.raises(RuntimeError):
        compaction.compact(warehouse)
    monkeypatch.undo()
    assert _catalog(warehouse) == catalog_before and _snapshot(warehouse) == before


def test_row_groups_are_large_but_bounded(warehouse, monkeypatch):
    rows = sum(n for t, _, n in _catalog(warehouse) if t == "comments")
    monkeypatch.setattr(compaction, "ROW_GROUP_ROWS", 4)
    compaction.compact(warehouse)
    [(path, n)] = [(p, n) for t, p, n in _catalog(warehouse) if t == "comments"]
    meta = pq.ParquetFile(warehouse / path).metadata
    assert n == rows == meta.num_rows
    assert meta.num_row_groups > 1
    assert all(meta.row_group(i).num_rows >= 4 for i in range(meta.num_row_groups - 1))


def test_compact_command(warehouse, capsys):
    with pytest.raises(SystemExit) as exit_:
        cli_main(["compact", "--warehouse", str(warehouse)])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert "articles" in out and "-> " in out
    with pytest.raises(SystemExit):
        cli_main(["compact", "--warehouse", str(warehouse)])
    assert "nothing to compact" in capsys.readouterr().out
