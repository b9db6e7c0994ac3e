"""Plain text and markdown scrapes: one file, one page."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import PurePosixPath

from tasks.models import Record
from tasks.readers.base import Input, Item, ReadError, decode, read_limited

MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd"}
TEXT_SUFFIXES = {".txt", ".text", ""}
_MARKDOWN_HINT = re.compile(r"^#{1,6} \S|^\s*[*-] \S|\*\*[^*\n]+\*\*|\[[^\]\n]+\]\([^)\s]+\)|!\[", re.M)
# YAML front matter at the top of a page (as static-site generators and scrapers write it)
_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_URL_FIELD = re.compile(
    r"^(?:url|link|canonical_url|canonical|permalink|source_url)[ \t]*:[ \t]*[\"']?(https?://[^\s\"']+)",
    re.M | re.I,
)


def front_matter_url(text: str) -> str | None:
    """The page's address as its front matter gives it (`url:`, `link:`, `canonical_url:`, …)."""
    m = _FRONT_MATTER.match(text[:20000])
    if not m:
        return None
    found = _URL_FIELD.search(m.group(1))
    return found.group(1) if found else None


def looks_like_markdown(text: str) -> bool:
    return len(_MARKDOWN_HINT.findall(text[:20000])) >= 2


def sniff_markdown(name: str, head: str) -> bool:
    suffix = PurePosixPath(name).suffix.lower()
    if suffix in MARKDOWN_SUFFIXES:
        return True
    return suffix not in TEXT_SUFFIXES and looks_like_markdown(head)


def sniff_text(name: str, head: str) -> bool:
    return True  # the fallback: anything that decodes is text


def read_whole(inp: Input, fmt: str) -> Iterator[Item]:
    """The whole (decompressed) file as one record of format `fmt`."""
    data = read_limited(inp.stream, inp.max_bytes)
    if not data.strip():
        raise ReadError("read", "empty file", "no bytes after decompression")
    text = decode(data)
    if not text.strip():
        raise ReadError("read", "empty file", "no text after decoding")
    yield Record(
        source=inp.source, text=text, format=fmt, content_hash=inp.file_hash, url=front_matter_url(text)
    )


def read_markdown(inp: Input) -> Iterator[Item]:
    return read_whole(inp, "markdown")


def read_text(inp: Input) -> Iterator[Item]:
    return read_whole(inp, "text")
