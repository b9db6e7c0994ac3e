"""Read and clean stages: formats, encodings, compression, and the rejects for bad bytes."""

from __future__ import annotations

import gzip

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tasks.clean import clean_text
from tasks.models import InputFile, Record, Reject
from tasks.read import DEFAULT_MAX_BYTES, ReadError, content_hash, read_bytes, read_input


def read_file(
    f: InputFile, max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[list[Record], list[Reject], str | None]:
    """(records, rejects, content hash) of one file."""
    got = read_input(f, max_bytes)
    return got.records, got.rejects, got.digest


def _input(tmp_path, name: str, data: bytes) -> InputFile:
    path = tmp_path / name
    path.write_bytes(data)
    st_ = path.stat()
    return InputFile(str(path), name, st_.st_size, st_.st_mtime_ns)


def test_text_and_markdown_by_extension_and_content():
    assert read_bytes("a.txt", b"Hello world")[0].format == "text"
    assert read_bytes("a.md", b"Hello world")[0].format == "markdown"
    md = b"# Title\n\nSome [link](http://x.org) and **bold** text.\n"
    assert read_bytes("page.scrape", md)[0].format == "markdown"


def test_encodings():
    assert read_bytes("a.txt", "Grüße".encode("utf-16"))[0].text == "Grüße"
    assert read_bytes("a.txt", "\ufeffcafé".encode())[0].text == "café"
    legacy = "Le café est très bon, à mon avis, et très chaud aujourd'hui.".encode("cp1252")
    assert read_bytes("a.txt", legacy)[0].text.startswith("Le café est très bon")


def test_gzip_is_undone_and_hash_is_of_raw_bytes():
    raw = gzip.compress(b"Some scraped text")
    rec = read_bytes("page.txt.gz", raw)[0]
    assert rec.text == "Some scraped text"
    assert rec.content_hash == content_hash(raw)


@pytest.mark.parametrize(
    ("name", "data", "stage", "reason"),
    [
        ("empty.txt", b"", "read", "empty file"),
        ("blank.txt", b"  \n\n \t", "read", "empty file"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "decode", "binary file"),
        ("bad.txt.gz", b"\x1f\x8b\x08\x00garbage", "read", "corrupt gzip stream"),
        ("lies.gz", b"plain text, not gzip", "read", "corrupt gzip stream"),
    ],
)
def test_bad_inputs_become_rejects(tmp_path, name, data, stage, reason):
    records, rejects, _ = read_file(_input(tmp_path, name, data))
    assert records == []
    assert [(r.source, r.stage, r.reason) for r in rejects] == [(name, stage, reason)]


def test_size_limit(tmp_path):
    records, rejects, _ = read_file(_input(tmp_path, "big.txt", b"x" * 5000), max_bytes=1000)
    assert not records and rejects[0].reason == "too large"


def test_gzip_bomb_is_bounded():
    bomb = gzip.compress(b"a" * 5_000_000)
    with pytest.raises(ReadError, match="too large"):
        read_bytes("bomb.txt.gz", bomb, max_bytes=1_000_000)


def test_unreadable_file_is_a_reject(tmp_path):
    f = InputFile(str(tmp_path / "gone.txt"), "gone.txt", 10, 0)
    records, rejects, digest = read_file(f)
    assert not records and digest is None and rejects[0].reason == "unreadable file"


def test_clean_normalises():
    assert clean_text("a\r\nb\rc") == "a\nb\nc"
    assert clean_text("Itâ€™s fine") == "It’s fine"
    assert clean_text("cafe\u0301") == "café"
    assert clean_text("x\x00y\x07z  \n") == "xyz\n"
    assert clean_text("“curly” quotes stay") == "“curly” quotes stay"


@given(st.text())
def test_clean_is_idempotent(text):
    once = clean_text(text)
    assert clean_text(once) == once
    assert "\r" not in once
