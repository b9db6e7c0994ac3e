"""The real Prefect flow end to end, into a temporary warehouse, checked through DuckDB."""

from __future__ import annotations

import gzip
import os
import shutil
import subprocess
import sys

import duckdb
import pytest

from flows.ingest import ingest
from tests.conftest import ROOT, SEED_EXAMPLE

pytestmark = pytest.mark.slow


def _query(warehouse, sql, params=None):
    con = duckdb.connect(str(warehouse / "warehouse.duckdb"), read_only=True)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


@pytest.fixture(scope="module")
def seed_run(tmp_path_factory):
    wh = tmp_path_factory.mktemp("wh")
    summary = ingest(sources=[str(SEED_EXAMPLE)], warehouse=str(wh))
    return wh, summary


def test_seed_figures(seed_run):
    wh, summary = seed_run
    assert (summary["files_seen"], summary["files_new"], summary["articles"], summary["comments"]) == (
        1,
        1,
        1,
        50,
    )
    [(title, byline, body, source, comment_count, language, system)] = _query(
        wh, "SELECT title, byline, body, source, comment_count, language, comment_system FROM articles"
    )
    assert title == "Why is ISIS fleeing from Raqqa toward Palmyra?"
    assert byline == "Original by Aleksandr Kots published by RIA Novosti; translation by J.Hawk"
    assert body.startswith("Russian Aerospace Forces (VKS) aircraft destroyed")
    assert body.endswith("they can launch unpleasant surprises.")
    assert "Support SouthFront" not in body
    assert (source, comment_count, language, system) == ("seed_southfront.txt", 50, "en", "wpdiscuz")
    assert _query(wh, "SELECT count(*), count(author), min(position), max(position) FROM comments") == [
        (50, 41, 0, 49)
    ]
    authors = {a for (a,) in _query(wh, "SELECT DISTINCT author FROM comments WHERE author IS NOT NULL")}
    assert {"Samuel Boas", "Dustil schmit", "Goran Grubić HardyVeles"} <= authors
    [(text,)] = _query(wh, "SELECT text FROM comments WHERE text LIKE '%be sent their way.'")
    assert text.startswith("Jesus: There is the small matter")
    assert _query(wh, "SELECT count(*) FROM rejects") == [(0,)]
    [(run_articles, run_comments, status)] = _query(wh, "SELECT articles, comments, status FROM runs")
    assert (run_articles, run_comments, status) == (1, 50, "completed")


def test_parquet_is_zstd_and_readable_alone(seed_run):
    import pyarrow.parquet as pq

    wh, _ = seed_run
    files = sorted((wh / "comments").rglob("*.parquet"))
    assert files
    meta = pq.ParquetFile(files[0]).metadata
    assert meta.row_group(0).column(0).compression == "ZSTD"
    assert pq.read_table(files[0]).num_rows == 50


def test_rerun_loads_nothing_and_changed_file_is_a_new_version(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SEED_EXAMPLE, src / "seed.txt")
    wh = tmp_path / "wh"
    ingest(sources=[str(src)], warehouse=str(wh))
    again = ingest(sources=[str(src)], warehouse=str(wh))
    assert (again["files_new"], again["files_unchanged"], again["articles"]) == (0, 1, 0)
    assert _query(wh, "SELECT count(*), count(author) FROM comments") == [(50, 41)]
    assert _query(wh, "SELECT count(*) FROM runs") == [(2,)]

    os.utime(src / "seed.txt", ns=(1, 1))  # touched, same bytes: still nothing new
    touched = ingest(sources=[str(src)], warehouse=str(wh))
    assert (touched["files_new"], touched["files_unchanged"]) == (0, 1)

    text = (src / "seed.txt").read_text(encoding="utf-8")
    (src / "seed.txt").write_text(
        text.replace("Hit them with everything", "Hit them with all"), encoding="utf-8"
    )
    changed = ingest(sources=[str(src)], warehouse=str(wh))
    assert (changed["files_new"], changed["articles"]) == (1, 1)
    assert _query(wh, "SELECT count(*) FROM articles") == [(1,)]
    assert _query(wh, "SELECT count(*) FROM articles_all") == [(2,)]
    assert _query(wh, "SELECT count(*) FROM comments WHERE text LIKE 'Hit them with all%'") == [(1,)]
    assert _query(wh, "SELECT count(*) FROM comments") == [(50,)]

    refreshed = ingest(sources=[str(src)], warehouse=str(wh), full_refresh=True)
    assert refreshed["files_new"] == 1
    assert _query(wh, "SELECT count(*) FROM articles_all") == [(1,)]


def test_bad_inputs_are_rejects_and_the_rest_loads(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SEED_EXAMPLE, src / "good.txt")
    (src / "empty.txt").write_bytes(b"")
    (src / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00binary")
    (src / "broken.txt.gz").write_bytes(gzip.compress(b"some text")[:12])
    (src / "menu.txt").write_text("Home\nAbout\nContact\n")
    wh = tmp_path / "wh"
    summary = ingest(sources=[str(src)], warehouse=str(wh))
    assert summary["files_seen"] == 5
    assert summary["files_new"] + summary["files_unchanged"] + summary["files_rejected"] == 5
    rejects = sorted(_query(wh, "SELECT source, stage, reason FROM rejects"))
    assert rejects == [
        ("broken.txt.gz", "read", "corrupt gzip stream"),
        ("empty.txt", "read", "empty file"),
        ("menu.txt", "segment", "no article text"),
        ("photo.txt", "decode", "binary file"),
    ]
    assert _query(wh, "SELECT source FROM articles") == [("good.txt",)]
    again = ingest(sources=[str(src)], warehouse=str(wh))
    assert again["files_unchanged"] == 5
    assert _query(wh, "SELECT count(*) FROM rejects") == [(4,)]


def _cli(*args, cwd):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_LOGGING")}
    return subprocess.run(
        [sys.executable, "-m", "flows.cli", *args],
        cwd=cwd,
        env={**env, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_command_line_run_is_quiet_and_sql_answers(tmp_path):
    wh = tmp_path / "w"
    run = _cli("run", str(SEED_EXAMPLE), "--warehouse", str(wh), cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    for stream in (run.stdout, run.stderr):
        assert "Traceback" not in stream and "ERROR" not in stream
    assert "comments loaded" in run.stdout
    sql = _cli(
        "sql",
        "select count(*), count(author) from comments",
        "--warehouse",
        str(wh),
        "--format",
        "csv",
        cwd=tmp_path,
    )
    assert sql.returncode == 0, sql.stderr
    assert sql.stdout.splitlines() == ["count_star(),count(author)", "50,41"]
    bad = _cli("run", str(tmp_path / "nope"), "--warehouse", str(wh), cwd=tmp_path)
    assert bad.returncode == 2 and "no such file or folder" in bad.stderr and "Traceback" not in bad.stderr
    bad_sql = _cli("sql", "select * from nowhere", "--warehouse", str(wh), cwd=tmp_path)
    assert bad_sql.returncode == 2 and "Traceback" not in bad_sql.stderr


def test_mixed_formats_duplicates_rejects_and_resegment(tmp_path):
    import io
    import json

    import zstandard
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    from flows.resegment import resegment
    from tests.extract.html_pages import DISQUS_HTML, PLAIN_ARTICLE, WORDPRESS_HTML

    long_read = (
        PLAIN_ARTICLE
        + "\n\n"
        + " ".join(
            f"Item {i} of the plan moves desk {i * 7} to the east wing before spring." for i in range(40)
        )
    )
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SEED_EXAMPLE, src / "seed.txt")
    (src / "bridge.html").write_text(WORDPRESS_HTML, encoding="utf-8")
    lines = [
        {"text": long_read, "url": "https://town.example/sundays", "authors": "Kim Doe"},
        {"text": long_read, "url": "https://town.example/sundays"},  # exact duplicate of #0
    ]
    jsonl = "".join(json.dumps(x) + "\n" for x in lines) + '{"text": "cut\n'
    (src / "feed.jsonl.zst").write_bytes(zstandard.ZstdCompressor().compress(jsonl.encode()))
    (src / "rows.csv").write_text(
        'url,content\nhttps://other.example/a,"' + long_read + ' Updated."\n', encoding="utf-8"
    )
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record(
            "https://rail.example/talks",
            "response",
            payload=io.BytesIO(DISQUS_HTML.encode()),
            http_headers=headers,
        )
    )
    writer.write_record(
        writer.create_warc_record("https://rail.example/talks", "request", payload=io.BytesIO(b"GET /"))
    )
    (src / "crawl.warc.gz").write_bytes(out.getvalue())
    (src / "empty.md").write_bytes(b"")

    wh = tmp_path / "wh"
    s = ingest(sources=[str(src)], warehouse=str(wh))
    assert (s["files_seen"], s["files_new"], s["files_rejected"]) == (6, 5, 1)
    assert (s["records_seen"], s["records_loaded"], s["records_duplicate"]) == (8, 5, 1)
    assert (s["records_rejected"], s["records_skipped"]) == (1, 1)
    assert s["skipped"] == {"warc request": 1}
    assert s["articles"] == 5
    reasons = {(r["stage"], r["reason"]) for r in s["reject_reasons"]}
    assert reasons == {("read", "empty file"), ("read", "malformed JSON line")}
    by_source = dict(_query(wh, "SELECT source, comment_system FROM articles"))
    assert set(by_source) == {"seed.txt", "bridge.html", "feed.jsonl.zst#0", "rows.csv#0", "crawl.warc.gz#0"}
    assert (by_source["bridge.html"], by_source["crawl.warc.gz#0"]) == ("wordpress", "disqus")
    assert _query(wh, "SELECT source, duplicate_of FROM pages WHERE duplicate_of IS NOT NULL") == [
        ("feed.jsonl.zst#1", "feed.jsonl.zst#0")
    ]
    assert _query(wh, "SELECT byline, url FROM articles WHERE source = 'feed.jsonl.zst#0'") == [
        ("Kim Doe", "https://town.example/sundays")
    ]
    assert _query(wh, "SELECT near_duplicate_of FROM articles WHERE source = 'rows.csv#0'") == [
        ("feed.jsonl.zst#0",)
    ]
    assert _query(
        wh,
        "SELECT author FROM comments c JOIN articles a USING (article_id) WHERE a.source = 'bridge.html' ORDER BY position",
    ) == [
        ("Marta Lindqvist",),
        ("Tom Baker",),
        (None,),
    ]
    before = _query(wh, "SELECT article_id, title, body FROM articles ORDER BY article_id")
    comments_before = _query(wh, "SELECT comment_id, author, text FROM comments ORDER BY comment_id")

    again = ingest(sources=[str(src)], warehouse=str(wh))
    assert (again["files_unchanged"], again["articles"], again["records_seen"]) == (6, 0, 0)

    shutil.rmtree(src)  # resegment needs only the warehouse
    r = resegment(warehouse=str(wh))
    assert (r["records_seen"], r["records_loaded"], r["articles"]) == (5, 5, 5)
    assert _query(wh, "SELECT DISTINCT run_id FROM articles") == [(r["run_id"],)]
    assert _query(wh, "SELECT article_id, title, body FROM articles ORDER BY article_id") == before
    assert _query(wh, "SELECT comment_id, author, text FROM comments ORDER BY comment_id") == comments_before
    assert _query(wh, "SELECT command, records_seen FROM runs ORDER BY started_at") == [
        ("run", 8),
        ("run", 0),
        ("resegment", 5),
    ]


def test_copies_in_batches_running_together_load_once(tmp_path):
    """One-file batches on two workers: up to four run at once and cannot see each other's pages."""
    src = tmp_path / "in"
    src.mkdir()
    for i in range(6):
        shutil.copy(SEED_EXAMPLE, src / f"copy{i}.txt")
    wh = tmp_path / "wh"
    summary = ingest(sources=[str(src)], warehouse=str(wh), batch_files=1, workers=2)
    assert (summary["articles"], summary["comments"]) == (1, 50)
    assert (summary["records_loaded"], summary["records_duplicate"]) == (1, 5)
    assert _query(wh, "SELECT count(*) FROM articles") == [(1,)]
    assert _query(wh, "SELECT count(*) FROM comments") == [(50,)]
    holder = _query(wh, "SELECT source FROM articles")[0][0]
    assert _query(wh, "SELECT count(*) FROM pages WHERE duplicate_of = ?", [holder]) == [(5,)]
