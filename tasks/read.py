"""Read stage: a file on disk -> its scrape records, rejects saying why not, and skip tallies.

The file is hashed first, so a touched file with the same bytes is recognised without parsing.
Compression (gzip, zstd) is found by magic bytes and undone as a stream; the format is chosen
by content and name through the table in `tasks.readers`. A single-document format (text,
markdown, HTML) is one record; a multi-record format (JSON Lines, CSV, WARC) yields `source#N`
records, and a bad record is a reject of that record while the rest of the file loads. Every
failure is a `Reject`, never an exception that escapes to the batch.
"""

from __future__ import annotations

import hashlib
import io
import os
import stat
from collections import Counter
from dataclasses import dataclass, field
from typing import BinaryIO

from tasks import storage
from tasks.models import InputFile, Record, Reject
from tasks.readers import choose
from tasks.readers.base import (
    DEFAULT_MAX_BYTES,
    Input,
    ReadError,
    Skipped,
    bom_encoding,
    content_hash,
    decode,
)
from tasks.readers.compression import open_stream

__all__ = [
    "DEFAULT_MAX_BYTES",
    "FileRead",
    "ReadError",
    "content_hash",
    "decode",
    "read_bytes",
    "read_input",
]

HEAD_BYTES = 64 * 1024


@dataclass(slots=True)
class FileRead:
    """What reading one file gave."""

    records: list[Record] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)  # of the file or of single records
    skipped: Counter = field(default_factory=Counter)  # kind -> records that are not pages
    digest: str | None = None  # hash of the file's bytes; None when unreadable
    format: str | None = None
    unchanged: bool = False  # same bytes as the committed version: not parsed

    @property
    def file_rejected(self) -> bool:
        """Nothing of the file loaded: no record and at least one reject."""
        return not self.records and bool(self.rejects)

    @property
    def records_seen(self) -> int:
        return (
            len(self.records) + sum(1 for r in self.rejects if "#" in r.source) + sum(self.skipped.values())
        )


class _Rewound(io.RawIOBase):
    """`head` followed by the rest of `stream`: sniffing reads the head without losing it.

    A stream that breaks (a truncated or corrupt compressed file) ends here as if at its end,
    so that a reader keeps every record it completed; the error is kept in `error` and the
    file gets its reject once the reader is done.
    """

    def __init__(self, head: bytes, stream: BinaryIO, error: ReadError | None = None) -> None:
        self.head, self.stream, self.error = head, stream, error

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self.head:
            n = min(len(buffer), len(self.head))
            buffer[:n] = self.head[:n]
            self.head = self.head[n:]
            return n
        if self.error is not None:
            return 0
        try:
            data = self.stream.read1(len(buffer))
        except ReadError as exc:
            self.error = exc
            return 0
        buffer[: len(data)] = data
        return len(data)


def _head_text(head: bytes) -> str:
    encoding = bom_encoding(head)
    if encoding == "utf-16":
        return head[: len(head) // 2 * 2].decode("utf-16", errors="replace")
    return head.decode(encoding or "utf-8", errors="replace")


def _open_regular(path: str) -> BinaryIO:
    """Open a regular file for reading; a FIFO, socket or device is refused, never waited on."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            kind = {"p": "named pipe", "s": "socket", "c": "character device", "b": "block device"}
            raise ReadError("read", "not a regular file", kind.get(stat.filemode(mode)[0], "not a file"))
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _open_input(path: str) -> BinaryIO:
    """A local file (regular files only) or an object in S3 fetched once into a seekable copy."""
    return storage.open_object(path) if storage.is_s3(path) else _open_regular(path)


_CHUNK = 64 * 1024  # most scrapes are 5-50 KB: a few reads each, no large buffer per file


def _digest(fh: BinaryIO) -> str:
    h = hashlib.blake2b(digest_size=16)
    while chunk := fh.read(_CHUNK):
        h.update(chunk)
    return h.hexdigest()


def _read_stream(out: FileRead, fh: BinaryIO, source: str, size: int, max_bytes: int) -> None:
    stream, inner_name, _ = open_stream(fh, source)
    head, error = b"", None
    try:
        while len(head) < HEAD_BYTES and (chunk := stream.read1(HEAD_BYTES - len(head))):
            head += chunk
    except ReadError as exc:  # a short file cut inside its compression: read what came before
        if not head.strip():
            raise
        error = exc
    if not head.strip():
        raise ReadError("read", "empty file", f"{size} bytes, no text")
    fmt = choose(inner_name, _head_text(head))
    out.format = fmt.name
    if not fmt.multi_record and size > max_bytes:
        raise ReadError("read", "too large", f"{size} bytes > limit of {max_bytes}")
    rewound = _Rewound(head, stream, error)
    whole = io.BufferedReader(rewound, buffer_size=_CHUNK)
    inp = Input(
        source=source,
        name=inner_name,
        stream=whole,
        head=head,
        file_hash=out.digest or "",
        max_bytes=max_bytes,
    )
    dropped = 0
    for item in fmt.read(inp):
        if rewound.error is not None:  # read at or after the break: possibly cut short
            dropped += 1
            continue
        if isinstance(item, Record):
            out.records.append(item)
        elif isinstance(item, Reject):
            out.rejects.append(item)
        elif isinstance(item, Skipped):
            out.skipped[item.kind] += 1
    if rewound.error is not None:
        exc = rewound.error
        note = f"; {dropped} records read at the break were dropped" if dropped else ""
        raise ReadError(exc.stage, exc.reason, exc.detail + note)


def read_input(f: InputFile, max_bytes: int = DEFAULT_MAX_BYTES, known_hash: str | None = None) -> FileRead:
    """Read one file; when its bytes hash to `known_hash` it is reported unchanged, unparsed."""
    out = FileRead()
    try:
        fh = _open_input(f.path)
    except ReadError as exc:
        out.rejects.append(Reject(f.source, exc.stage, exc.reason, exc.detail))
        return out
    except OSError as exc:
        out.rejects.append(Reject(f.source, "read", "unreadable file", exc.strerror or str(exc)))
        return out
    with fh:
        try:
            out.digest = _digest(fh)
        except OSError as exc:
            out.rejects.append(Reject(f.source, "read", "unreadable file", exc.strerror or str(exc)))
            return out
        if known_hash is not None and out.digest == known_hash:
            out.unchanged = True
            return out
        try:
            fh.seek(0)
            _read_stream(out, fh, f.source, f.size, max_bytes)
        except ReadError as exc:
            done = len(out.records)
            detail = exc.detail + (f" (after {done} records, which were kept)" if done else "")
            out.rejects.append(Reject(f.source, exc.stage, exc.reason, detail, out.digest))
        except OSError as exc:
            out.rejects.append(
                Reject(f.source, "read", "unreadable file", exc.strerror or str(exc), out.digest)
            )
        except Exception as exc:  # a reader or its library failing on odd bytes: this file, not the batch
            detail = f"{type(exc).__name__}: {exc}"[:500]
            out.rejects.append(Reject(f.source, "read", "reader error", detail, out.digest))
    return out


def read_bytes(source: str, data: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Record]:
    """Raw bytes of one input -> its records. Raises ReadError when the input as a whole is bad."""
    out = FileRead(digest=content_hash(data))
    _read_stream(out, io.BytesIO(data), source, len(data), max_bytes)
    if out.file_rejected:
        first = out.rejects[0]
        raise ReadError(first.stage, first.reason, first.detail)
    return out.records
