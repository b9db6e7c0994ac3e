"""What every format reader shares: the error it raises, what it yields, decoding, limits, dates.

A reader turns one decompressed input stream into a sequence of items: a `Record` to load, a
`Reject` for one bad record (the rest of the file goes on), or a `Skipped` tally for a record
that is not a page at all (a WARC request record, say). Problems with the whole input raise
`ReadError`; `tasks.read` turns them into a reject for the file.
"""

from __future__ import annotations

import codecs
import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import BinaryIO

from tasks.models import Record, Reject

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
TEXT_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class ReadError(Exception):
    """An input that cannot become text; carries the reject's stage and reason."""

    def __init__(self, stage: str, reason: str, detail: str = "") -> None:
        super().__init__(reason)
        self.stage, self.reason, self.detail = stage, reason, detail


@dataclass(frozen=True, slots=True)
class Skipped:
    """A record that is not a page (counted by kind in the run summary, not a reject)."""

    kind: str


Item = Record | Reject | Skipped


@dataclass(frozen=True, slots=True)
class Input:
    """One input as a reader sees it: its source name, decompressed stream and limits."""

    source: str  # source of the file (records append `#N`)
    name: str  # file name without a compression suffix, for extension hints
    stream: BinaryIO  # decompressed bytes, from the start
    head: bytes  # the first bytes of `stream` (already read for sniffing, still in `stream`)
    file_hash: str  # hash of the raw file bytes
    max_bytes: int  # limit for one record (one document for single-document formats)


def content_hash(data: bytes) -> str:
    """Stable hash of raw bytes (the identity of a version of a source or record)."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def read_limited(stream: BinaryIO, max_bytes: int) -> bytes:
    """The whole stream, or `ReadError('too large')` once it passes `max_bytes` (bomb-safe)."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise ReadError("read", "too large", f"decompressed size exceeds {max_bytes} bytes")
    return data


def bom_encoding(data: bytes) -> str | None:
    for bom, encoding in TEXT_BOMS:
        if data.startswith(bom):
            return encoding
    return None


def guess_encoding(head: bytes) -> str:
    """Encoding of a stream from its first bytes: BOM, else UTF-8 if they decode, else a detector."""
    by_bom = bom_encoding(head)
    if by_bom:
        return by_bom
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(head).best()
    return best.encoding if best is not None else "utf-8"


def decode(data: bytes) -> str:
    """Bytes -> str: BOMs first, then strict UTF-8, then a charset detector for legacy pages."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
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


def parse_time(value: object) -> datetime | None:
    """A timestamp from ISO 8601 or a common free form, as naive UTC; None when unparseable."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        try:
            return datetime.fromtimestamp(value, UTC).replace(tzinfo=None)
        except (OverflowError, OSError, ValueError):
            return None
    text = str(value).strip()
    if not text:
        return None
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        from dateutil import parser as date_parser

        try:
            parsed = date_parser.parse(text)
        except (ValueError, OverflowError):
            return None
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(UTC).replace(tzinfo=None)
    return parsed
