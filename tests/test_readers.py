"""Format readers: recognition by content, records of multi-record files, HTML extraction with
comments from the markup, rejects for every kind of bad input, duplicates."""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json
import random
import re

import pytest
import zstandard
from hypothesis import given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tasks.clean import clean_text
from tasks.dedup import _WORD, BatchDedup, DedupIndex, _words, distance, exact_key, simhash
from tasks.models import InputFile, Record
from tasks.read import read_bytes, read_input
from tasks.readers.html import extract_page, parse, render, strip_chrome
from tests.html_pages import (
    BLOGGER_HTML,
    DISQUS_HTML,
    NO_TEXT_HTML,
    PLAIN_ARTICLE,
    WORDPRESS_HTML,
    WPDISCUZ_HTML,
)


def _file(tmp_path, name: str, data: bytes) -> InputFile:
    path = tmp_path / name
    path.write_bytes(data)
    st_ = path.stat()
    return InputFile(str(path), name, st_.st_size, st_.st_mtime_ns)


def _jsonl(rows: list) -> bytes:
    return b"".join(json.dumps(r).encode() + b"\n" for r in rows)


def _html_record(page: str, source: str = "page.html") -> Record:
    return Record(source=source, text=clean_text(page), format="html", content_hash="h")


# ---------------------------------------------------------------- recognition


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


# ---------------------------------------------------------------- JSON Lines and CSV


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


# ---------------------------------------------------------------- WARC


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


# ---------------------------------------------------------------- bad input


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


# ---------------------------------------------------------------- HTML extraction


def test_wordpress_article_and_comments_from_markup():
    seg = extract_page(_html_record(WORDPRESS_HTML))
    assert seg.title == "Harbour bridge reopens after repairs"
    assert seg.byline == "Dana Whitfield"
    assert seg.published_at.isoformat() == "2024-03-05T00:00:00"
    assert seg.body.startswith("The harbour bridge reopened to traffic")
    assert "\n\nEngineers replaced" in seg.body
    assert seg.comment_system == "wordpress"
    assert [(c.position, c.author, c.text) for c in seg.comments] == [
        (0, "Marta Lindqvist", "Finally! The ferry queue was getting ridiculous.\n\nGood work by the crews."),
        (1, "Tom Baker", "Agreed, two weeks early is rare."),
        (2, None, "What about the cycle lane?"),
    ]
    everything = seg.body + "".join(c.text for c in seg.comments)
    for chrome in ("SECRET_SCRIPT_TEXT", "NAVIGATION_LINK_TEXT", "FORM_TEXT", "color:red", "Reply"):
        assert chrome not in everything
    assert "ferry queue" not in seg.body


@pytest.mark.parametrize(
    ("page", "system", "expected"),
    [
        (
            DISQUS_HTML,
            "disqus",
            [("railfan88", "Hope they settle before the holidays."), (None, "Unlikely, sadly.")],
        ),
        (
            BLOGGER_HTML,
            "blogger",
            [
                ("Greenfingers", "Same here, lost all my dahlias overnight."),
                ("Owen", "Lift the tubers next time!"),
            ],
        ),
        (
            WPDISCUZ_HTML,
            "wpdiscuz",
            [
                ("Ines Ortega", "About time this town had a proper library."),
                ("Sam", "Hope the cafe is affordable."),
            ],
        ),
    ],
)
def test_comment_systems_from_markup(page, system, expected):
    seg = extract_page(_html_record(page))
    assert seg.comment_system == system
    assert [(c.author, c.text) for c in seg.comments] == expected
    assert len(seg.body.split()) > 30
    for chrome in ("NAVIGATION_LINK_TEXT", "Reply", "ago"):
        assert chrome not in seg.body
    assert expected[0][1] not in seg.body


def test_page_without_text_is_none_and_rendering_drops_chrome():
    assert extract_page(_html_record(NO_TEXT_HTML)) is None
    tree = parse(WORDPRESS_HTML)
    strip_chrome(tree)
    text = render(tree)
    assert "SECRET_SCRIPT_TEXT" not in text and "NAVIGATION_LINK_TEXT" not in text
    assert "\n\nEngineers replaced more than four hundred bolts" in text


# ---------------------------------------------------------------- duplicates


def test_simhash_near_and_far():
    base = " ".join(f"word{i} sits in sentence {i % 7} of the story" for i in range(120))
    edited = base.replace("word55 sits", "word55 stands", 1)
    other = " ".join(f"token{i} appears elsewhere in paragraph {i % 5}" for i in range(120))
    assert distance(simhash(base), simhash(edited)) <= 3
    assert distance(simhash(base), simhash(other)) > 10
    assert simhash("too short to judge") is None


_MASK64 = (1 << 64) - 1


def _reference_simhash(text: str) -> int | None:
    """The documented SimHash in plain Python: word 4-gram shingles of the case-folded text's
    `\\w+` words, the set of distinct shingle hashes, each bit set when most of them have it."""
    words = re.findall(r"\w+", text.casefold())
    if len(words) < 4:
        return None
    hashed = [int.from_bytes(hashlib.blake2b(w.encode(), digest_size=8).digest(), "little") for w in words]

    def mix(h: int) -> int:
        h ^= h >> 30
        h = h * 0xBF58476D1CE4E5B9 & _MASK64
        h ^= h >> 27
        h = h * 0x94D049BB133111EB & _MASK64
        return h ^ (h >> 31)

    shingles = set()
    for i in range(len(words) - 3):
        h = hashed[i]
        for j in range(1, 4):
            h = mix((h * 0x9E3779B97F4A7C15 & _MASK64) ^ hashed[i + j])
        shingles.add(h)
    if len(shingles) < 16:
        return None
    value = sum(1 << b for b in range(64) if 2 * sum(h >> b & 1 for h in shingles) > len(shingles))
    return value - (1 << 64) if value >= 1 << 63 else value


# Latin-1 letters, digits and signs, typographic punctuation, letters beyond Latin-1, a combining
# mark, letters whose case folding leaves Latin-1 ('µ', 'İ', 'ẞ') or enters it (Kelvin sign)
wordish = st.text(
    alphabet=st.sampled_from("aB9_ .,'-\t\nßÀéµª²½×÷\u00a0’“”–—…•„ΣΩİẞ\u212a中\u0301"), max_size=80
)


@given(wordish)
@settings(max_examples=1000)
def test_simhash_words_equal_the_regex_words(text: str) -> None:
    words = [w.decode("latin-1") if isinstance(w, bytes) else w for w in _words(text)]
    assert words == _WORD.findall(text.casefold())


@given(
    st.lists(
        st.sampled_from(["Alpha", "beta", "GAMMA", "straße", "déjà", "Σίσυφος", "’", "—", "x1"]), max_size=60
    )
)
@settings(max_examples=300)
def test_simhash_equals_the_plain_definition(tokens: list[str]) -> None:
    text = " ".join(tokens)
    assert simhash(text) == _reference_simhash(text)


def test_simhash_of_a_long_text_equals_the_plain_definition():
    """Over 255 distinct shingles: the bit counts are summed in chunks."""
    rng = random.Random(5)
    vocabulary = [f"w{i}" for i in range(300)] + ["été", "’", "naïve"]
    for size in (300, 700, 2000):
        text = " ".join(rng.choice(vocabulary) for _ in range(size))
        assert simhash(text) == _reference_simhash(text)


def test_batch_dedup_within_and_across_batches():
    run = DedupIndex()
    first = BatchDedup(run)
    key = exact_key("http://a.example/1", "t1")
    assert first.duplicate_of(key, "a.txt") is None
    assert first.duplicate_of(key, "b.txt") == "a.txt"
    assert first.duplicate_of(exact_key("http://a.example/2", "t1"), "c.txt") is None  # other URL
    value = simhash(PLAIN_ARTICLE * 3)
    assert first.near_duplicate_of(value, "a.txt") is None
    run.merge(first.new)
    second = BatchDedup(run)
    assert second.duplicate_of(key, "d.txt") == "a.txt"
    assert second.duplicate_of(key, "a.txt") is None  # a new version of the same source
    assert second.near_duplicate_of(value ^ 0b101, "e.txt") == "a.txt"


@settings(max_examples=25, deadline=None)
@given(st.randoms(use_true_random=False), st.integers(1, 3))
def test_near_index_finds_what_a_scan_of_every_page_finds(rng, fold_every):
    """The banded, folded index answers like a scan of all earlier pages: the closest within
    MAX_DISTANCE, ties to the first met band by band, across folds into its arrays."""
    from tasks.dedup import MAX_DISTANCE, NearIndex, _bands

    index, pages = NearIndex(), []
    index.FOLD_AT = 3 * fold_every
    for n in range(60):
        if pages and rng.random() < 0.5:  # a near copy of an earlier page: a few bits flipped
            flips = 0
            for _ in range(rng.randrange(5)):
                flips |= 1 << rng.randrange(64)
            value = (rng.choice(pages)[0] & ((1 << 64) - 1)) ^ flips
            value = value - (1 << 64) if value >= 1 << 63 else value  # signed, as stored
        else:
            value = rng.getrandbits(64) - (1 << 63)
        expected, best = None, None
        for band in _bands(value):  # the plain scan: band by band, oldest first
            for other, source in pages:
                d = distance(value, other)
                if band in _bands(other) and d <= MAX_DISTANCE and (best is None or d < best):
                    expected, best = source, d
        dedup = BatchDedup(DedupIndex(near=index))
        assert dedup.near_duplicate_of(value, f"page-{n}") == expected
        index.add(value, f"page-{n}")
        pages.append((value, f"page-{n}"))
    assert len(index) == len(pages)


def test_batches_running_together_settle_their_shared_pages_as_duplicates(tmp_path):
    """Two batches started with the same snapshot both load a text; the later result is settled."""
    from tasks.pipeline import process_batch, settle_late_duplicates
    from tests.conftest import SEED_EXAMPLE

    seed = SEED_EXAMPLE.read_bytes()
    files = []
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_bytes(seed)
        st_ = (tmp_path / name).stat()
        files.append(InputFile(str(tmp_path / name), name, st_.st_size, st_.st_mtime_ns))
    wh = tmp_path / "wh"
    snapshot = DedupIndex()  # what both batches were given: nothing loaded yet
    first = process_batch(files[:1], {}, wh, "r1", "part-00000", seen=snapshot)
    second = process_batch(files[1:], {}, wh, "r1", "part-00001", seen=snapshot)
    assert second.counts["articles"] == 1 and second.counts["records_duplicate"] == 1  # c dup of b
    comments_before = second.counts["comments"]
    assert comments_before == 50

    run = DedupIndex()
    assert settle_late_duplicates(first, run, wh) == 0
    run.merge(first.dedup)
    assert settle_late_duplicates(second, run, wh) == 1
    run.merge(second.dedup)

    assert (second.counts["articles"], second.counts["comments"]) == (0, 0)
    assert (second.counts["records_loaded"], second.counts["records_duplicate"]) == (0, 2)
    assert not second.parts.get("articles") and not second.parts.get("comments")  # files removed
    import pyarrow.parquet as pq

    pages = [r for rel, _ in second.parts["pages"] for r in pq.read_table(wh / rel).to_pylist()]
    assert {r["source"]: r["duplicate_of"] for r in pages} == {"b.txt": "a.txt", "c.txt": "a.txt"}
    for rel, n in first.parts["articles"] + first.parts["comments"]:
        assert pq.read_table(wh / rel).num_rows == n  # the first batch's rows are untouched
    assert list(run.exact.values()) == ["a.txt"]  # the settled source never becomes a holder


def test_batches_running_together_name_each_others_near_duplicates_as_one_at_a_time_would(tmp_path):
    """A page and its edited copy in batches started with the same snapshot: the later one's
    article names the earlier as its near duplicate once settled, as a one-batch-at-a-time run does."""
    import pyarrow.parquet as pq

    from tasks.pipeline import process_batch, settle_late_duplicates, settle_late_near_duplicates
    from tests.conftest import SEED_EXAMPLE

    seed = SEED_EXAMPLE.read_text(encoding="utf-8")
    comment = "That’s your reply kid? get a life."
    assert comment in seed
    files = []
    for name, text in (("a.txt", seed), ("b.txt", seed.replace(comment, "That’s your answer? get a life."))):
        (tmp_path / name).write_text(text, encoding="utf-8")
        st_ = (tmp_path / name).stat()
        files.append(InputFile(str(tmp_path / name), name, st_.st_size, st_.st_mtime_ns))

    def near_of(result, wh) -> dict:
        return {
            r["source"]: r["near_duplicate_of"]
            for rel, _ in result.parts["articles"]
            for r in pq.read_table(wh / rel).to_pylist()
        }

    one_at_a_time = DedupIndex()
    alone = tmp_path / "alone"
    first = process_batch(files[:1], {}, alone, "r0", "part-00000", seen=one_at_a_time)
    one_at_a_time.merge(first.dedup)
    second = process_batch(files[1:], {}, alone, "r0", "part-00001", seen=one_at_a_time)
    assert near_of(second, alone) == {"b.txt": "a.txt"}

    wh = tmp_path / "wh"
    snapshot = DedupIndex()
    first = process_batch(files[:1], {}, wh, "r1", "part-00000", seen=snapshot)
    second = process_batch(files[1:], {}, wh, "r1", "part-00001", seen=snapshot)
    assert near_of(second, wh) == {"b.txt": None}  # not seen while both ran
    run = DedupIndex()
    assert settle_late_near_duplicates(first, run, wh) == 0
    run.merge(first.dedup)
    assert settle_late_duplicates(second, run, wh) == 0  # not the same text: both stay loaded
    assert settle_late_near_duplicates(second, run, wh) == 1
    assert near_of(second, wh) == {"b.txt": "a.txt"}
    assert near_of(first, wh) == {"a.txt": None}
    assert second.counts["articles"] == 1 and second.counts["comments"] == 50


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


def test_html_page_without_article_text_is_a_reject():
    from tasks.dedup import DedupIndex
    from tasks.pipeline import _Clock, process_records

    page = "<html><head><script>var x = 1;</script></head><body><nav><a href='/'>Home</a></nav></body></html>"
    rec = Record("empty.html", page, "html", "hash-empty")
    from collections import Counter

    done = process_records([rec], "r1", None, BatchDedup(DedupIndex()), _Clock(Counter()))
    assert done.articles == []
    assert [(r.source, r.stage, r.reason) for r in done.rejects] == [
        ("empty.html", "segment", "no extractable text")
    ]


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
