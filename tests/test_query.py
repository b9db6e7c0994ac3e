"""`scrapeline sql` cannot change anything: statements that write, load or reach outside the
warehouse are refused, and reading the views and the warehouse's own files still works."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tasks.discover import discover
from tasks.pipeline import process_batch
from tasks.query import RefusedStatement, check_statements, open_readonly
from tasks.warehouse import Warehouse
from tests.synth import write_corpus

PAGES = 60


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    """A small corpus and the warehouse of one run over it (its batches and commit, no Prefect)."""
    base = tmp_path_factory.mktemp("query")
    src = write_corpus(base / "src", PAGES, seed=11)
    wh = Warehouse.at(base / "clean")
    wh.init()
    parts: dict[str, list] = {}
    files = discover([str(src)]).files
    for i in range(0, len(files), 30):
        for table, written in process_batch(files[i : i + 30], {}, wh, "r1", f"part-{i:05d}").parts.items():
            parts.setdefault(table, []).extend(written)
    wh.commit("r1", parts)
    return src, wh.root, {"articles": wh.query("SELECT * FROM articles")}


@pytest.mark.parametrize(
    "sql",
    [
        "COPY (SELECT 1) TO '{wh}/articles/new.parquet'",
        "COPY articles TO '{wh}/runs/run=x/run.parquet'",
        "EXPORT DATABASE '{wh}/export'",
        "INSTALL httpfs",
        "LOAD httpfs",
        "ATTACH '{wh}/other.duckdb' AS other",
        "SET enable_external_access = true",
        "SELECT 1; COPY articles TO '{wh}/x.csv'",
        "CREATE TEMP TABLE t AS SELECT 1",
    ],
)
def test_sql_statements_that_write_or_load_are_refused(small, sql):
    _, wh, _ = small
    before = sorted(p.relative_to(wh) for p in wh.rglob("*"))
    con = open_readonly(wh)
    try:
        with pytest.raises(RefusedStatement, match="refused: "):
            check_statements(con, sql.format(wh=wh))
    finally:
        con.close()
    assert sorted(p.relative_to(wh) for p in wh.rglob("*")) == before


@pytest.mark.parametrize(
    "sql",
    [
        "SELECT count(*) FROM read_csv('/etc/hostname')",
        "SELECT * FROM glob('/etc/*')",
        "SET threads = 1",
    ],
)
def test_sql_cannot_reach_outside_the_warehouse_or_unlock_settings(small, sql):
    import duckdb

    _, wh, _ = small
    con = open_readonly(wh)
    try:
        with pytest.raises(duckdb.Error):
            con.execute(sql).fetchall()
    finally:
        con.close()


def test_sql_still_reads_views_and_the_warehouse_files(small):
    _, wh, clean_view = small
    con = open_readonly(wh)
    try:
        for sql in (
            "SELECT count(*) FROM articles",
            f"SELECT count(DISTINCT source) FROM read_parquet('{wh}/articles/*/*.parquet')",
            "FROM articles SELECT count(*)",
            "WITH a AS (SELECT * FROM articles) SELECT count(*) FROM a",
        ):
            check_statements(con, sql)
            assert con.execute(sql).fetchall() == [(len(clean_view["articles"]),)]
        for sql in ("DESCRIBE articles", "SHOW TABLES", "EXPLAIN SELECT 1", "SUMMARIZE comments"):
            check_statements(con, sql)
            assert con.execute(sql).fetchall()
    finally:
        con.close()


def test_sql_command_refuses_with_a_clear_message(small):
    _, wh, _ = small
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "flows.cli",
            "sql",
            f"COPY articles TO '{wh}/leak.csv'",
            "--warehouse",
            str(wh),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert "refused" in out.stderr and "COPY" in out.stderr
    assert not (wh / "leak.csv").exists()
