"""Read stage: bytes on disk -> decoded scrape records, or reject rows saying why not.

Formats are recognised by content as well as extension; compression (gzip, zstd) by magic bytes.
Every failure is a `Reject`, never an exception that escapes to the batch.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import os
import re
import stat
import zlib
from pathlib import PurePosixPath

from tasks.models import InputFile, Record, Reject

DEFAULT_MAX_BYTES = 20 * 1024 * 1024

_GZIP_MAGIC = b"\x1f\x8b"
_ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
_COMPRESSED_SUFFIXES = {".gz": "gzip", ".zst": "zstd", ".zstd": "zstd"}
_MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd"}
_TEXT_SUFFIXES = {".txt", ".text", ""}
_MARKDOWN_HINT = re.compile(r"^#{1,6} \S|^\s*[*-] \S|\*\*[^*\n]+\*\*|\[[^\]\n]+\]\([^)\s]+\)|!\[", re.M)


class ReadError(Exception):
    """An input that cannot become text; carries the reject's stage and reason."""

    def __init__(self, stage: str, reason: str, detail: str = "") -> None:
        super().__init__(reason)
        self.stage, self.reason, self.detail = stage, reason, detail


def content_hash(data: bytes) -> str:
    """Stable hash of raw input bytes (the identity of a version of a source)."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _bounded_decompress(data: bytes, kind: str, max_bytes: int) -> bytes:
    """Decompress without ever holding more than `max_bytes` of output (bomb-safe)."""
    try:
        if kind == "gzip":
            stream = gzip.GzipFile(fileobj=io.BytesIO(data))
        else:
            import zstandard

            # every frame: a file of several frames (pzstd, appended output) is one text
            stream = zstandard.ZstdDecompressor().stream_reader(io.BytesIO(data), read_across_frames=True)
        out = stream.read(max_bytes + 1)
    except (OSError, EOFError, zlib.error, ValueError) as exc:
        raise ReadError("read", f"corrupt {kind} stream", str(exc)) from None
    except Exception as exc:  # zstandard.ZstdError and friends
        raise ReadError("read", f"corrupt {kind} stream", str(exc)) from None
    if len(out) > max_bytes:
        raise ReadError("read", "too large", f"decompressed size exceeds {max_bytes} bytes")
    return out


def decompress(data: bytes, name: str, max_bytes: int) -> tuple[bytes, str]:
    """Undo gzip/zstd compression found by magic bytes; return the bytes and the inner name."""
    suffix = PurePosixPath(name).suffix.lower()
    inner = name[: -len(suffix)] if suffix in _COMPRESSED_SUFFIXES else name
    if data.startswith(_GZIP_MAGIC):
        return _bounded_decompress(data, "gzip", max_bytes), inner
    if data.startswith(_ZSTD_MAGIC):
        return _bounded_decompress(data, "zstd", max_bytes), inner
    if suffix in _COMPRESSED_SUFFIXES:
        raise ReadError("read", f"corrupt {_COMPRESSED_SUFFIXES[suffix]} stream", "no compression header")
    return data, name


def decode(data: bytes) -> str:
    """Bytes -> str: BOMs first, then strict UTF-8, then a charset detector for legacy pages."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ReadError("decode", "undecodable bytes", f"UTF-16 with BOM: {exc}") from None
    if b"\x00" in data[:8192]:
        raise ReadError("decode", "binary file", "NUL bytes in the first 8 KB")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        from charset_normalizer import from_bytes

        best = from_bytes(data[: 1 << 20]).best()
        if best is None or best.encoding in {"utf_8", "utf-8"}:
            raise ReadError("decode", "undecodable bytes", str(utf8_error)) from None
        try:
            return data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise ReadError("decode", "undecodable bytes", f"{best.encoding}: {exc}") from None


def sniff_format(name: str, text: str) -> str:
    """`markdown` or `text`, from the extension when it is one of ours, else from the content."""
    suffix = PurePosixPath(name).suffix.lower()
    if suffix in _MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in _TEXT_SUFFIXES:
        return "text"
    head = text[:20000]
    if head.lstrip().startswith("<") and re.search(r"<(html|body|div|p)\b", head, re.I):
        raise ReadError("read", "unsupported format", "HTML input is not supported by this reader yet")
    return "markdown" if len(_MARKDOWN_HINT.findall(head)) >= 2 else "text"


def read_bytes(source: str, data: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Record]:
    """Raw bytes of one input -> its records. Raises ReadError with a reject reason."""
    digest = content_hash(data)
    if not data.strip():
        raise ReadError("read", "empty file", f"{len(data)} bytes, no text")
    if len(data) > max_bytes:
        raise ReadError("read", "too large", f"{len(data)} bytes > limit of {max_bytes}")
    raw, inner_name = decompress(data, source, max_bytes)
    text = decode(raw)
    if not text.strip():
        raise ReadError("read", "empty file", "no text after decoding")
    return [Record(source=source, text=text, format=sniff_format(inner_name, text), content_hash=digest)]


def _read_regular(path: str, limit: int) -> bytes:
    """At most `limit` bytes of a regular file; a FIFO, socket or device is refused, not waited on."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            kind = {"p": "named pipe", "s": "socket", "c": "character device", "b": "block device"}
            raise ReadError("read", "not a regular file", kind.get(stat.filemode(mode)[0], "not a file"))
        os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=False) as fh:
            return fh.read(limit)
    finally:
        os.close(fd)


def read_file(
    f: InputFile, max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[list[Record], list[Reject], str | None]:
    """Read one file. Returns (records, rejects, content hash of the file or None if unreadable)."""
    try:
        if f.size > max_bytes:  # too large (compressed or not, see read_bytes): do not read it
            raise ReadError("read", "too large", f"{f.size} bytes > limit of {max_bytes}")
        data = _read_regular(f.path, max_bytes + 1)
    except ReadError as exc:
        return [], [Reject(f.source, exc.stage, exc.reason, exc.detail)], None
    except OSError as exc:
        return [], [Reject(f.source, "read", "unreadable file", exc.strerror or str(exc))], None
    digest = content_hash(data)
    try:
        return read_bytes(f.source, data, max_bytes), [], digest
    except ReadError as exc:
        return [], [Reject(f.source, exc.stage, exc.reason, exc.detail, digest)], digest
