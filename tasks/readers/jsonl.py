"""JSON Lines: one scrape per line. A bad line is a reject of that record; the others load."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from pathlib import PurePosixPath

from tasks.models import Reject
from tasks.readers.base import Input, Item, content_hash, guess_encoding
from tasks.readers.fields import record_from_fields

JSONL_SUFFIXES = {".jsonl", ".ndjson", ".jsonlines"}
_OBJECT_START = re.compile(r'^\s*\{\s*"')
_TEXT_KEY = re.compile(r'"(?:text|content|html)"\s*:', re.I)
# a line as str.splitlines() cuts them, found one at a time: a head is tens of KB of lines
_LINE = re.compile(r"[^\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]+")


def first_line(head: str) -> str:
    """The first line of `head` that is not blank (as splitlines() would find it), or ''."""
    return next((m.group() for m in _LINE.finditer(head) if not m.group().isspace()), "")


def sniff(name: str, head: str) -> bool:
    first = first_line(head.lstrip("\ufeff"))
    if not _OBJECT_START.match(first):
        return PurePosixPath(name).suffix.lower() in JSONL_SUFFIXES and first.lstrip().startswith("{")
    return PurePosixPath(name).suffix.lower() in JSONL_SUFFIXES or bool(_TEXT_KEY.search(first))


def _lines(inp: Input, encoding: str) -> Iterator[bytes | str]:
    """Lines of the stream, each at most max_bytes + 1 long (a longer line is cut and flagged)."""
    if encoding == "utf-16":  # lines cannot be split on b"\n" bytes
        stream: io.IOBase = io.TextIOWrapper(inp.stream, encoding="utf-16", newline="")
    else:
        stream = inp.stream
    limit = inp.max_bytes + 1
    while True:
        line = stream.readline(limit)
        if not line:
            return
        if len(line) >= limit and not line.endswith(b"\n" if isinstance(line, bytes) else "\n"):
            while True:  # drop the rest of an oversized line
                more = stream.readline(limit)
                if not more or more.endswith(b"\n" if isinstance(more, bytes) else "\n"):
                    break
            yield line[:0]  # an empty marker: the record was too large
            continue
        yield line


def read(inp: Input) -> Iterator[Item]:
    encoding = guess_encoding(inp.head)
    line_encoding = "utf-8" if encoding == "utf-8-sig" else encoding
    n = 0
    for line in _lines(inp, encoding):
        if isinstance(line, bytes | str) and len(line) == 0:
            yield Reject(f"{inp.source}#{n}", "read", "too large", f"line exceeds {inp.max_bytes} bytes")
            n += 1
            continue
        if not line.strip():
            continue
        source = f"{inp.source}#{n}"
        n += 1
        raw = line if isinstance(line, bytes) else line.encode("utf-8", errors="surrogatepass")
        digest = content_hash(raw)
        try:
            text = line.decode(line_encoding) if isinstance(line, bytes) else line
        except (UnicodeDecodeError, LookupError) as exc:
            yield Reject(source, "decode", "undecodable bytes", str(exc), digest)
            continue
        try:
            obj = json.loads(text.lstrip("\ufeff"))
        except ValueError as exc:
            yield Reject(source, "read", "malformed JSON line", str(exc)[:300], digest)
            continue
        if not isinstance(obj, dict):
            yield Reject(
                source, "read", "malformed JSON line", f"a JSON {type(obj).__name__}, not an object", digest
            )
            continue
        yield record_from_fields(source, obj, digest, "jsonl", inp.max_bytes)
