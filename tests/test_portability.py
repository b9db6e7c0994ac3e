"""The warehouse opens anywhere: in the storage format every DuckDB from 1.1 reads, its Parquet
files readable by pyarrow, pandas and polars, and a copy in another folder reading its own files."""

from __future__ import annotations

import errno
import shutil

import duckdb
import pandas as pd
import polars as pl
import pyarrow.dataset as ds
import pytest

from tasks import load
from tests.warehouses import build_warehouse

# tables whose every committed part file the `<table>_all` view reads
FILE_TABLES = ("articles", "comments", "rejects", "runs", "inputs", "pages")


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    return build_warehouse(tmp_path_factory.mktemp("portable"))


def _count(db_folder, sql):
    con = duckdb.connect(str(db_folder / load.DB_NAME), read_only=True)
    try:
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()


def test_the_database_is_written_in_the_storage_format_of_duckdb_1_1(warehouse):
    assert load.storage_format(warehouse / load.DB_NAME) == load.STORAGE_FORMAT == 64


def test_a_database_in_a_newer_format_is_rewritten_with_the_same_catalog(tmp_path, monkeypatch):
    monkeypatch.setattr(load, "WRITE_CONFIG", {})  # as the versions before wrote it: the newest format
    wh = build_warehouse(tmp_path)
    assert load.storage_format(wh / load.DB_NAME) > load.STORAGE_FORMAT
    before = {t: _count(wh, f"SELECT count(*) FROM {t}") for t in FILE_TABLES}
    catalog = _count(wh, f"SELECT count(*) FROM {load.CATALOG}")
    monkeypatch.undo()
    assert "storage format" in load.upgrade(wh)
    assert load.storage_format(wh / load.DB_NAME) == load.STORAGE_FORMAT
    assert {t: _count(wh, f"SELECT count(*) FROM {t}") for t in FILE_TABLES} == before
    assert _count(wh, f"SELECT count(*) FROM {load.CATALOG}") == catalog
    assert load.upgrade(wh) is None  # nothing more to do


@pytest.mark.parametrize("table", FILE_TABLES)
def test_parquet_files_read_without_duckdb_give_the_views_counts(warehouse, table):
    """pyarrow datasets, pandas and polars over a table's folder (hive `run=` folders included)."""
    rows = _count(warehouse, f"SELECT count(*) FROM {table}_all")
    assert rows > 0
    folder = warehouse / table
    assert ds.dataset(folder, format="parquet", partitioning="hive").count_rows() == rows
    frame = pd.read_parquet(folder)
    assert len(frame) == rows and "run" in frame.columns  # the hive folder as a column
    assert pl.read_parquet(folder / "**" / "*.parquet", hive_partitioning=True).height == rows
    assert pl.scan_parquet(folder / "**" / "*.parquet").select(pl.len()).collect().item() == rows


def test_a_copied_warehouse_reads_its_own_files_in_plain_duckdb(warehouse, tmp_path):
    copy = tmp_path / "elsewhere" / "copied"
    shutil.copytree(warehouse, copy)
    before = {t: _count(warehouse, f"SELECT count(*) FROM {t}") for t in FILE_TABLES}
    con = load.open_for_reading(copy)  # what every reading command opens: points the views here
    try:
        assert load.views_elsewhere(con, copy) == 0
        assert {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in FILE_TABLES} == before
    finally:
        con.close()
    moved = tmp_path / "moved"
    shutil.move(copy, moved)  # moved again, and this time the folder it came from is gone
    con = load.open_for_reading(moved)
    con.close()
    shutil.rmtree(tmp_path / "elsewhere")
    assert {t: _count(moved, f"SELECT count(*) FROM {t}") for t in FILE_TABLES} == before  # plain DuckDB


def test_a_copy_that_cannot_be_re_pointed_says_why(warehouse, tmp_path, monkeypatch):
    copy = tmp_path / "readonly"
    shutil.copytree(warehouse, copy)

    def read_only_folder(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(load, "writer_lock", read_only_folder)
    with pytest.raises(load.WarehouseError, match="copied from"):
        load.open_for_reading(copy)
