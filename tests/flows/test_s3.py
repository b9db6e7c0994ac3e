"""Object storage end to end: scrapes in S3 and a warehouse in S3, on a real S3 server (moto's
server mode, a separate process on loopback), through real `scrapeline` commands."""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from tasks import storage
from tasks.discover import discover
from tasks.read import content_hash, read_input
from tests.conftest import SEED_EXAMPLE
from tests.services import moto_server
from tests.synth import page

BUCKET = "scrapes"
SCRAPES = f"s3://{BUCKET}/incoming/2024"  # the SOURCE prefix
WAREHOUSE = f"s3://{BUCKET}/lake/news"  # the warehouse prefix
PAGES = {
    "seed.txt": SEED_EXAMPLE.read_bytes(),
    "site-a/one.txt": page(random.Random(11)).encode(),
    "site-b/two.md": page(random.Random(12)).encode(),
    "site-b/empty.txt": b"",  # a bad input: a reject, never a crash
    ".hidden/skipped.txt": b"not an input",
}


@pytest.fixture(scope="module")
def s3(tmp_path_factory):
    """A fresh S3 server holding the scrapes, and this process's environment pointing at it."""
    work = tmp_path_factory.mktemp("s3")
    with moto_server(work / "moto") as endpoint, pytest.MonkeyPatch.context() as mp:
        aws = {
            "AWS_ACCESS_KEY_ID": "testing",
            "AWS_SECRET_ACCESS_KEY": "testing",
            "AWS_DEFAULT_REGION": "eu-west-1",
            "AWS_ENDPOINT_URL_S3": endpoint,
            # nothing from this machine's own AWS set-up
            "AWS_CONFIG_FILE": str(work / "no-aws-config"),
            "AWS_SHARED_CREDENTIALS_FILE": str(work / "no-aws-credentials"),
        }
        for key, value in aws.items():
            mp.setenv(key, value)
        for key in ("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_ENDPOINT_URL"):
            mp.delenv(key, raising=False)
        storage._FILESYSTEMS.clear()
        fs = storage.filesystem()
        fs.mkdir(BUCKET)
        for rel, data in PAGES.items():
            fs.pipe(f"{SCRAPES}/{rel}", data)
        yield fs, aws, work
        storage._FILESYSTEMS.clear()


def _cli(api, aws: dict, cache: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "flows.cli", *args],
        cwd=cache.parent,
        env=api.env(**aws, SCRAPELINE_CACHE=str(cache)),
        capture_output=True,
        text=True,
        timeout=600,
    )


def _ok(result: subprocess.CompletedProcess) -> subprocess.CompletedProcess:
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    return result


def _csv(result: subprocess.CompletedProcess) -> list[list[str]]:
    return [line.split(",") for line in _ok(result).stdout.splitlines()[1:]]


def test_discover_and_read_objects(s3):
    """A prefix is listed recursively (hidden names skipped), a glob and a single object too; an
    object is read like a file, and its change marker moves when its bytes change."""
    fs, _, _ = s3
    found = discover([SCRAPES])
    by_source = {f.source: f for f in found.files}
    assert sorted(by_source) == ["seed.txt", "site-a/one.txt", "site-b/empty.txt", "site-b/two.md"]
    assert by_source["site-a/one.txt"].path == f"{SCRAPES}/site-a/one.txt"
    assert by_source["seed.txt"].size == len(PAGES["seed.txt"])
    assert [f.source for f in discover([f"{SCRAPES}/site-b/*.md"]).files] == ["two.md"]
    assert [f.source for f in discover([f"{SCRAPES}/site-a/one.txt"]).files] == ["one.txt"]

    got = read_input(by_source["seed.txt"])
    assert got.digest == content_hash(PAGES["seed.txt"]) and len(got.records) == 1
    assert "Raqqa" in got.records[0].text
    empty = read_input(by_source["site-b/empty.txt"])
    assert empty.file_rejected and empty.rejects[0].reason == "empty file"

    marker = by_source["site-a/one.txt"].mtime_ns
    fs.pipe(f"{SCRAPES}/scratch/copy.txt", PAGES["site-a/one.txt"])
    same = {f.source: f.mtime_ns for f in discover([SCRAPES]).files}["scratch/copy.txt"]
    fs.pipe(f"{SCRAPES}/scratch/copy.txt", PAGES["site-a/one.txt"] + b"\nUpdated.\n")
    changed = {f.source: f.mtime_ns for f in discover([SCRAPES]).files}["scratch/copy.txt"]
    fs.rm(f"{SCRAPES}/scratch/copy.txt")
    assert same == marker and changed != marker


@pytest.mark.slow
def test_s3_source_into_local_warehouse(s3, prefect_api, tmp_path):
    _, aws, _ = s3
    wh = tmp_path / "wh"
    _ok(_cli(prefect_api, aws, tmp_path / "cache", "run", SCRAPES, "--warehouse", str(wh), "--quiet"))
    con = duckdb.connect(str(wh / "warehouse.duckdb"), read_only=True)
    try:
        sources = con.execute("SELECT source, comment_count FROM articles ORDER BY source").fetchall()
        rejects = con.execute("SELECT source, reason FROM rejects").fetchall()
        paths = con.execute("SELECT path FROM inputs ORDER BY path").fetchall()
    finally:
        con.close()
    assert [s for s, _ in sources] == ["seed.txt", "site-a/one.txt", "site-b/two.md"]
    assert dict(sources)["seed.txt"] == 50
    assert rejects == [("site-b/empty.txt", "empty file")]
    assert [p for (p,) in paths] == [
        f"{SCRAPES}/{rel}" for rel in ("seed.txt", "site-a/one.txt", "site-b/empty.txt", "site-b/two.md")
    ]


@pytest.mark.slow
def test_s3_warehouse_lifecycle(s3, prefect_api, tmp_path):
    fs, aws, _ = s3
    cache = tmp_path / "cache"

    def cli(*args: str) -> subprocess.CompletedProcess:
        return _cli(prefect_api, aws, cache, *args)

    def run() -> dict:
        out = _ok(cli("run", SCRAPES, "--warehouse", WAREHOUSE, "--json")).stdout
        return json.loads(out.strip().splitlines()[-1])

    def objects() -> set[str]:
        fs.invalidate_cache()
        return {storage.parse_s3(WAREHOUSE).relative(k) for k in fs.find(storage.parse_s3(WAREHOUSE).path)}

    first = run()
    assert (first["files_seen"], first["files_new"], first["files_rejected"]) == (4, 3, 1)
    assert first["warehouse"] == WAREHOUSE

    # the contract's layout, at the prefix
    stored = objects()
    assert "warehouse.duckdb" in stored
    for table in ("articles", "comments", "rejects", "runs", "inputs", "pages"):
        assert any(k.startswith(f"{table}/") and k.endswith(".parquet") for k in stored), table
    assert not any(k.endswith((".wal", ".tmp", ".lock")) or "/." in k for k in stored)

    counts_sql = "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM comments), (SELECT count(*) FROM rejects)"
    [[articles, comments, rejects]] = _csv(
        cli("sql", counts_sql, "--warehouse", WAREHOUSE, "--format", "csv")
    )
    assert (int(articles), int(rejects)) == (3, 1)
    assert int(comments) >= 50

    # the Parquet files in S3 read on their own (pyarrow through s3fs) hold the same rows
    def parquet_rows(table: str) -> int:
        keys = sorted(k for k in objects() if k.startswith(f"{table}/") and k.endswith(".parquet"))
        return sum(
            pq.read_table(f"{storage.parse_s3(WAREHOUSE).path}/{k}", filesystem=fs).num_rows for k in keys
        )

    assert (parquet_rows("articles"), parquet_rows("comments"), parquet_rows("rejects")) == (
        3,
        int(comments),
        1,
    )

    # the uploaded database's views read the s3:// files, not the mirror's
    downloaded = tmp_path / "downloaded.duckdb"
    fs.get_file(f"{WAREHOUSE}/warehouse.duckdb", str(downloaded))
    con = duckdb.connect(str(downloaded), read_only=True)
    try:
        views = dict(con.execute("SELECT view_name, sql FROM duckdb_views() WHERE NOT internal").fetchall())
    finally:
        con.close()
    assert {"articles", "comments", "rejects", "runs"} <= set(views)
    assert f"'{WAREHOUSE}/articles/run=" in views["articles_all"]
    assert f"'{WAREHOUSE}/comments/run=" in views["comments_all"]
    assert str(cache) not in "".join(views.values())

    # the state lives in S3: without the mirror, a re-run still loads nothing
    shutil.rmtree(cache)
    again = run()
    assert (again["files_new"], again["files_unchanged"], again["articles"]) == (0, 4, 0)

    # a changed object is a new version; the views show the newest one
    changed = page(random.Random(99)).encode()
    fs.pipe(f"{SCRAPES}/site-a/one.txt", changed)
    third = run()
    assert (third["files_new"], third["files_unchanged"]) == (1, 3)
    [[total, shown, newest_hash]] = _csv(
        cli(
            "sql",
            "SELECT (SELECT count(*) FROM articles_all), (SELECT count(*) FROM articles), "
            "(SELECT content_hash FROM articles WHERE source = 'site-a/one.txt')",
            "--warehouse",
            WAREHOUSE,
            "--format",
            "csv",
        )
    )
    assert (int(total), int(shown), newest_hash) == (4, 3, content_hash(changed))

    # compaction swaps files; the replaced ones are deleted from S3 after the new database is up
    before = {k for k in objects() if k.startswith("articles/")}
    _ok(cli("compact", "--warehouse", WAREHOUSE))
    after = {k for k in objects() if k.startswith("articles/")}
    assert not (before & after) and all("/compact=" in k for k in after)
    [[total_after]] = _csv(
        cli("sql", "SELECT count(*) FROM articles_all", "--warehouse", WAREHOUSE, "--format", "csv")
    )
    assert int(total_after) == 4
    assert (
        sum(pq.read_table(f"{storage.parse_s3(WAREHOUSE).path}/{k}", filesystem=fs).num_rows for k in after)
        == 4
    )
