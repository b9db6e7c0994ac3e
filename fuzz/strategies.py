"""Hypothesis strategies for inputs of the read, clean and segment stages, and the invariants
every input must keep. Shared by the fast property tests (tests/test_fuzz_props.py) and the long
fuzz run (fuzz/run.py), so that both check the same things.

Pages are built from the lines a real scrape is made of (headlines, bylines, dates, prose, comment
section markers, comment headers, reply chrome, names) mixed with arbitrary Unicode lines and
blank-line gaps, so that the fuzzer reaches the segmenter's comment logic, not only its "no
article text" exit.
"""

from __future__ import annotations

import gzip
import zlib

import zstandard
from hypothesis import strategies as st

from tasks.clean import clean_text
from tasks.models import Segmentation
from tasks.read import ReadError, content_hash, read_bytes
from tasks.segment import segment

NAMES = ["Jane Doe", "Anonymous", "guest", "K. O'Neil", "Zoë", "Иван Петров", "李雷", "@handle", "A"]
MARKER_LINES = [
    "3 thoughts on “A headline”",
    "2 Comments",
    "Comments",
    "Leave a Reply",
    "Notify of",
    "Newest Most Voted",
    "Inline Feedbacks",
    "View all comments",
    "Sort by Best",
    "Load more comments",
    "5 comments:",
    "Post a Comment",
    "12 comments Sort by Top",
    "Reply",
    "Reply • Share ›",
    "Like",
    "0",
    "+3",
    "Vote Up",
    "Share this:",
    "Support us",
    "Your email address will not be published.",
]
DATE_LINES = ["March 3, 2021 at 9:14 am", "2 years ago", "2020-10-12", "12/10/2020 15:01", "yesterday"]
PROSE = [
    "The council voted on Tuesday to approve the plan after a long debate.",
    "Residents said the change would make the streets safer for everyone.",
    "It was, he said, “the best decision in years” — and not everyone agreed.",
    "Это предложение написано по-русски и заканчивается точкой.",
    "这是一个中文句子。",
]


def _header(name: str) -> st.SearchStrategy[str]:
    return st.sampled_from([f"{name} says:", f"{name} said...", f"{name} • 2 years ago", f"**{name}**", name])


line = st.one_of(
    st.sampled_from(MARKER_LINES),
    st.sampled_from(DATE_LINES),
    st.sampled_from(PROSE),
    st.sampled_from(NAMES).flatmap(_header),
    st.sampled_from(["# A headline", "## 3 thoughts on this", "By Jane Doe", "Posted by Ellen at 10:31 AM"]),
    st.text(max_size=60),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=200),
    st.sampled_from(["*", "- item", "> quote", "[link](http://x)", "![img](a.png)", "***", "\t", " "]),
)
gap = st.sampled_from(["\n", "\n\n", "\n\n\n", "\r\n", "\n \n"])
page = st.lists(st.tuples(line, gap), max_size=60).map(lambda parts: "".join(a + b for a, b in parts))
raw_bytes = st.one_of(
    st.binary(max_size=2000),
    page.map(lambda t: t.encode("utf-8", "surrogatepass")),
    page.map(lambda t: t.encode("utf-16")),
    page.map(lambda t: t.encode("cp1252", "replace")),
)
names = st.sampled_from(
    ["a.txt", "a.md", "a.txt.gz", "a.md.zst", "a.zstd", "a", "a.html", "a.csv", "a.jsonl"]
)


def compress(data: bytes, kind: str, frames: int = 1) -> bytes:
    """gzip or zstd, in `frames` members/frames (both formats allow several back to back)."""
    step = max(1, len(data) // frames) if data else 1
    chunks = [data[i : i + step] for i in range(0, len(data), step)] or [b""]
    if kind == "gzip":
        return b"".join(gzip.compress(c, mtime=0) for c in chunks)
    return b"".join(zstandard.ZstdCompressor().compress(c) for c in chunks)


def _utf8(text: str | None) -> None:
    if text is not None:
        text.encode("utf-8")  # raises on a lone surrogate: such text could not be stored


def check_read(name: str, data: bytes, max_bytes: int = 1 << 20) -> list:
    """read_bytes returns records with text, or raises ReadError; nothing else escapes."""
    try:
        records = read_bytes(name, data, max_bytes)
    except ReadError as exc:
        assert exc.stage in {"read", "decode"} and exc.reason
        return []
    assert records
    for rec in records:
        assert isinstance(rec.text, str) and rec.text.strip()
        assert rec.content_hash == content_hash(data) or len(records) > 1
        assert len(rec.text) <= max_bytes  # never more characters than the limit's bytes
    return records


def check_compressed_round_trip(text: str, kind: str, frames: int) -> None:
    """A compressed file reads as the same text as the plain one, whatever its frames."""
    data = text.encode("utf-8")
    suffix = ".gz" if kind == "gzip" else ".zst"
    try:
        plain = [r.text for r in read_bytes("p.txt", data)]
    except ReadError as exc:
        plain = exc.reason
    try:
        packed = [r.text for r in read_bytes("p.txt" + suffix, compress(data, kind, frames))]
    except ReadError as exc:
        packed = exc.reason
    assert packed == plain


def check_bomb(kind: str, size: int) -> None:
    """Expansion past the limit is a 'too large' reject, not a read of the whole expansion."""
    data = compress(b"a" * size, kind, 1)
    try:
        read_bytes("b.txt", data, max_bytes=size - 1)
    except ReadError as exc:
        assert exc.reason == "too large", exc.reason
    else:
        raise AssertionError("a bomb was read")


_CONTROL = {chr(c) for c in range(32) if chr(c) not in "\t\n"} | {"\x7f", "\r"}


def check_clean(text: str) -> str:
    """clean_text: idempotent; no control characters, CR or lone surrogates left; storable."""
    once = clean_text(text)
    assert clean_text(once) == once
    assert not (_CONTROL & set(once))
    _utf8(once)
    return once


def check_segment(text: str, markdown: bool) -> Segmentation:
    """segment on cleaned text: no exception, deterministic, comments numbered 0..n-1 in page
    order, all text storable; in plain-text mode every word it returns is a word of the page."""
    cleaned = clean_text(text)
    seg = segment(cleaned, markdown=markdown)
    again = segment(cleaned, markdown=markdown)
    assert (seg.title, seg.byline, seg.body, seg.comments) == (
        again.title,
        again.byline,
        again.body,
        again.comments,
    )
    assert [c.position for c in seg.comments] == list(range(len(seg.comments)))
    for value in (
        seg.title,
        seg.byline,
        seg.body,
        *(c.text for c in seg.comments),
        *(c.author for c in seg.comments),
    ):
        _utf8(value)
    if not markdown:
        words = set(cleaned.split())
        for value in (seg.title, seg.byline, seg.body, *(c.text for c in seg.comments)):
            extra = set((value or "").split()) - words
            assert not extra, f"words not on the page: {sorted(extra)[:5]}"
    return seg


def check_gzip_trailing_garbage(data: bytes) -> None:
    """A gzip stream followed by junk is a reject or a read, never an exception."""
    check_read("g.txt.gz", gzip.compress(b"some text here", mtime=0) + data)


def check_zlib_noise(data: bytes) -> None:
    """Raw deflate noise after a gzip magic number: a corrupt-stream reject at worst."""
    blob = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff" + zlib.compress(data)[2:] + data
    check_read("n.txt.gz", blob)
