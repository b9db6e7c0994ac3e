"""Format readers: recognition by content and name, JSON Lines, CSV, WARC, and bad input as rejects."""

from __future__ import annotations

import csv
import gzip
import io
import json

import pytest
import zstandard
from hypothesis import given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tasks.models import InputFile
from tasks.read import read_bytes, read_input
from tests.extract.html_pages import (
    DISQUS_HTML,
    PLAIN_ARTICLE,
    WORDPRESS_HTML,
)


def _file(tmp_path, name: str, data: bytes) -> InputFile:
    path = tmp_path / name
    path.write_bytes(data)
    st_ = path.stat()
    return InputFile(str(path), name, st_.st_size, st_.st_mtime_ns)


def _jsonl(rows: list) -> bytes:
    return b"".join(json.dumps(r).encode() + b"\n" for r in rows)


@pytest.mark.parametrize(
    ("name", "data", "fmt"),
    [
        ("page.html", WORDPRESS_HTML.encode(), "html"),
        ("page.txt", WORDPRESS_HTML.encode(), "html"),  # the extension lies: the content decides
        ("notes.html", PLAIN_ARTICLE.encode(), "text"),
        ("dump.txt", _jsonl([{"text": PLAIN_ARTICLE}]), "text"),  # a JSON Lines record of text
        ("items.csv", b"url,content\nhttp://a.example/1,Hello there\n", "text"),
        ("items.data", b"title,text\nA title,Some text here\n", "text"),
    ],
)
def test_format_by_content_and_extension(tmp_path, name, data, fmt):
    got = read_input(_file(tmp_path, name, data))
    assert not got.rejects
    assert [r.format for r in got.records] == [fmt]


def test_container_is_recognised_inside_compression(tmp_path):
    rows = [{"text": "first page text", "url": "http://a.example/1"}, {"content": "second page text"}]
    for name, data in (
        ("d.jsonl.gz", gzip.compress(_jsonl(rows))),
        ("d.ndjson.zst", zstandard.ZstdCompressor().compress(_jsonl(rows))),
        ("d.bin", gzip.compress(_jsonl(rows))),  # no telling extension at all
    ):
        got = read_input(_file(tmp_path, name, data))
        assert got.format == "jsonl"
        assert [(r.source, r.text, r.container) for r in got.records] == [
            (f"{name}#0", "first page text", "jsonl"),
            (f"{name}#1", "second page text", "jsonl"),
        ]


def test_jsonl_fields_map_to_columns_and_a_bad_line_is_one_reject(tmp_path):
    data = (
        _jsonl(
            [
                {
                    "html": WORDPRESS_HTML,
                    "url": "https://courier.example/bridge",
                    "title": "Bridge",
                    "authors": ["Dana Whitfield", "Lee Wong"],
                    "scraped_at": "2024-03-06T10:00:00Z",
                    "site": "courier",
                }
            ]
        )
        + b'{"text": "broken line\n'
        + b"[1, 2]\n"
        + b"\n"
        + _jsonl([{"url": "http://x.example", "title": "no text here"}, {"text": PLAIN_ARTICLE}])
    )
    got = read_input(_file(tmp_path, "scrape.jsonl", data))
    first, last = got.records
    assert (first.source, first.format, first.url, first.title, first.byline) == (
        "scrape.jsonl#0",
        "html",
        "https://courier.example/bridge",
        "Bridge",
        "Dana Whitfield, Lee Wong",
    )
    assert first.scraped_at.isoformat() == "2024-03-06T10:00:00"
    assert first.meta == {"site": "courier"}
    assert (last.source, last.format) == ("scrape.jsonl#4", "text")
    assert [(r.source, r.stage, r.reason) for r in got.rejects] == [
        ("scrape.jsonl#1", "read", "malformed JSON line"),
        ("scrape.jsonl#2", "read", "malformed JSON line"),
        ("scrape.jsonl#3", "read", "no text field"),
    ]
    assert not got.file_rejected and got.records_seen == 5


def test_jsonl_line_over_the_record_limit_is_rejected_alone(tmp_path):
    data = _jsonl([{"text": "x" * 5000}, {"text": "short and fine"}])
    got = read_input(_file(tmp_path, "big.jsonl", data), max_bytes=1000)
    assert [r.text for r in got.records] == ["short and fine"]
    assert [(r.source, r.reason) for r in got.rejects] == [("big.jsonl#0", "too large")]


@given(st.lists(st.text(min_size=1, max_size=40).filter(str.strip), min_size=1, max_size=12))
@settings(max_examples=40, deadline=None)
def test_jsonl_record_n_is_line_n(texts):
    records = read_bytes("h.jsonl", _jsonl([{"text": t} for t in texts]))
    assert [(r.source, r.text) for r in records] == [(f"h.jsonl#{i}", t) for i, t in enumerate(texts)]


def test_csv_with_large_fields_and_utf16(tmp_path):
    big = "word " * 60_000  # 300 KB: over the csv module's default field limit
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["id", "title", "authors", "content", "published_at"])
    writer.writerow(["1", "Long read", "Ada Byron", big, "2023-01-02 03:04:05"])
    writer.writerow(["2", "Quotes, commas\nand newlines", "", 'He said "yes",\nthen left.', ""])
    got = read_input(_file(tmp_path, "rows.csv", buf.getvalue().encode("utf-16")))
    assert not got.rejects
    one, two = got.records
    assert (one.source, one.title, one.byline, len(one.text)) == (
        "rows.csv#0",
        "Long read",
        "Ada Byron",
        len(big),
    )
    assert one.published_at.isoformat() == "2023-01-02T03:04:05"
    assert one.meta == {"id": "1"}
    assert (two.title, two.text, two.byline) == (
        "Quotes, commas\nand newlines",
        'He said "yes",\nthen left.',
        None,
    )


def test_csv_without_text_column_and_oversized_field(tmp_path):
    got = read_input(_file(tmp_path, "meta.csv", b"url,title\nhttp://a.example,A\n"))
    assert [(r.source, r.reason) for r in got.rejects] == [("meta.csv", "no text column")]
    assert got.file_rejected
    data = b"title,text\nA,short\nB," + b"y" * 3000 + b"\nC,still read\n"
    got = read_input(_file(tmp_path, "huge.csv", data), max_bytes=1000)
    assert [r.text for r in got.records] == ["short", "still read"]
    assert [(r.source, r.reason) for r in got.rejects] == [("huge.csv#1", "too large")]


def test_fakenewscorpus_sample_loads_every_article(shared_corpus):
    sample = shared_corpus / "fakenewscorpus_sample.csv"
    st_ = sample.stat()
    got = read_input(InputFile(str(sample), sample.name, st_.st_size, st_.st_mtime_ns))
    assert not got.rejects
    assert len(got.records) == 250
    assert [r.source for r in got.records] == [f"{sample.name}#{i}" for i in range(250)]
    with sample.open(newline="", encoding="utf-8") as fh:
        csv.field_size_limit(1 << 26)
        rows = list(csv.DictReader(fh))
    assert [r.title for r in got.records] == [row["title"].strip() or None for row in rows]
    assert [r.byline for r in got.records] == [row["authors"].strip() or None for row in rows]
    assert all(r.url and r.scraped_at for r in got.records)


def _warc(gz: bool) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz)
    writer.write_record(writer.create_warcinfo_record("crawl.warc", {"software": "tests"}))
    writer.write_record(
        writer.create_warc_record(
            "https://courier.example/bridge", "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")
        )
    )
    for uri, ctype, body, status in (
        ("https://courier.example/bridge", "text/html; charset=utf-8", WORDPRESS_HTML.encode(), "200 OK"),
        ("https://courier.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n\x00\x00", "200 OK"),
        ("https://courier.example/gone", "text/html", b"<html>gone</html>", "404 Not Found"),
        (
            "https://legacy.example/",
            "text/html; charset=windows-1252",
            DISQUS_HTML.replace("Monday", "Montag \u00e4").encode("cp1252"),
            "200 OK",
        ),
    ):
        headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers)
        )
    return out.getvalue()


@pytest.mark.parametrize("gz", [False, True])
def test_warc_html_responses_become_pages_and_the_rest_is_counted(tmp_path, gz):
    name = "crawl.warc.gz" if gz else "crawl.warc"
    got = read_input(_file(tmp_path, name, _warc(gz)))
    assert got.format == "warc" and not got.rejects
    assert [(r.source, r.url, r.format) for r in got.records] == [
        (f"{name}#2", "https://courier.example/bridge", "html"),
        (f"{name}#5", "https://legacy.example/", "html"),
    ]
    assert "Montag \u00e4" in got.records[1].text  # the declared charset decoded it
    assert got.records[0].scraped_at is not None
    assert dict(got.skipped) == {
        "warc warcinfo": 1,
        "warc request": 1,
        "warc response image/png": 1,
        "warc response HTTP 404": 1,
    }
    assert got.records_seen == 6


def test_truncated_warc_gz_keeps_the_complete_records_before_the_cut(tmp_path):
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    for i in range(120):  # ~600 KB of pages: more than the reader's read-ahead
        page = WORDPRESS_HTML.replace("Harbour bridge", f"Harbour bridge {i}")
        body = io.BytesIO(page.encode())
        writer.write_record(
            writer.create_warc_record(
                f"https://c.example/{i}", "response", payload=body, http_headers=headers
            )
        )
    data = out.getvalue()
    got = read_input(_file(tmp_path, "cut.warc.gz", data[: len(data) - 40]))
    assert 0 < len(got.records) < 120  # the page at the cut is not kept
    assert [r.source for r in got.records] == [f"cut.warc.gz#{i}" for i in range(len(got.records))]
    assert all(r.text.rstrip().endswith("</html>") for r in got.records)
    [reject] = got.rejects
    assert (reject.source, reject.reason) == ("cut.warc.gz", "corrupt gzip stream")
    assert f"after {len(got.records)} records" in reject.detail


@pytest.mark.parametrize(
    ("name", "data", "stage", "reason"),
    [
        ("empty.html", b"", "read", "empty file"),
        ("empty.jsonl.gz", gzip.compress(b"   \n"), "read", "empty file"),
        ("image.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 4, "decode", "binary file"),
        (
            "bad.html",
            b"\xff\xfe" + "<html>odd length</html>".encode("utf-16-le") + b"\x00",
            "decode",
            "undecodable bytes",
        ),
        ("cut.txt.gz", gzip.compress(PLAIN_ARTICLE.encode() * 50)[:-30], "read", "corrupt gzip stream"),
        (
            "cut.md.zst",
            zstandard.ZstdCompressor().compress(PLAIN_ARTICLE.encode() * 50)[:-9],
            "read",
            "corrupt zstd stream",
        ),
        ("bad.zst", b"\x28\xb5\x2f\xfd" + b"not a frame at all" * 4, "read", "corrupt zstd stream"),
    ],
)
def test_bad_inputs_are_rejects(tmp_path, name, data, stage, reason):
    got = read_input(_file(tmp_path, name, data))
    assert got.records == []
    assert [(r.source, r.stage, r.reason) for r in got.rejects] == [(name, stage, reason)]


def test_unchanged_bytes_are_not_parsed(tmp_path):
    f = _file(tmp_path, "a.txt", PLAIN_ARTICLE.encode())
    first = read_input(f)
    again = read_input(f, known_hash=first.digest)
    assert again.unchanged and again.records == [] and again.digest == first.digest


def test_record_level_rejects_leave_the_other_records_of_the_file(tmp_path):
    rows = f'url,text\nhttps://a.example/1,"{PLAIN_ARTICLE}"\nhttps://a.example/2\nhttps://a.example/3,"{PLAIN_ARTICLE} Two."\n'
    got = read_input(_file(tmp_path, "rows.csv", rows.encode()))
    assert [r.source for r in got.records] == ["rows.csv#0", "rows.csv#2"]
    assert [(r.source, r.reason) for r in got.rejects] == [("rows.csv#1", "malformed CSV row")]

    lines = _jsonl([{"text": PLAIN_ARTICLE}, {"url": "https://a.example/x", "title": "No body"}])
    got = read_input(_file(tmp_path, "feed.jsonl", lines))
    assert [r.source for r in got.records] == ["feed.jsonl#0"]
    assert [(r.source, r.stage, r.reason) for r in got.rejects] == [("feed.jsonl#1", "read", "no text field")]


def test_corrupt_warc_and_named_pipe_are_rejects(tmp_path):
    import os

    no_uri = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 500\r\n\r\nshort"
    got = read_input(_file(tmp_path, "broken.warc", no_uri))
    assert [(r.source, r.reason) for r in got.rejects] == [("broken.warc", "corrupt WARC")]
    assert "AttributeError" in got.rejects[0].detail  # what warcio raised on the missing target URI

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    got = read_input(InputFile(str(fifo), "pipe.txt", 0, 0))  # opening it must not wait for a writer
    assert [(r.source, r.reason) for r in got.rejects] == [("pipe.txt", "not a regular file")]


def test_a_reader_that_fails_unexpectedly_rejects_its_file_only(tmp_path, monkeypatch):
    """A reader's library may raise anything on odd bytes: that file is a reject, the batch goes on."""
    import tasks.readers as readers
    from tasks.readers import Format

    def broken(inp):
        yield from ()
        raise RuntimeError("library bug")

    formats = tuple(
        Format(f.name, f.sniff, broken, f.multi_record) if f.name == "csv" else f for f in readers.FORMATS
    )
    monkeypatch.setattr(readers, "FORMATS", formats)
    got = read_input(
        _file(tmp_path, "rows.csv", f'url,text\nhttps://a.example/1,"{PLAIN_ARTICLE}"\n'.encode())
    )
    assert got.records == []
    assert [(r.source, r.reason, r.detail) for r in got.rejects] == [
        ("rows.csv", "reader error", "RuntimeError: library bug")
    ]
    assert read_input(_file(tmp_path, "page.txt", PLAIN_ARTICLE.encode())).records  # other formats unaffected
