"""gzip and zstd as streams: found by magic bytes, read in small steps, truncation detected.

The standard `gzip` module and `zstandard.stream_reader` are both streaming, but a zstd stream
cut short simply ends early there. Feeding each library's decompressor object in small chunks
keeps memory bounded (a 1 KB zstd chunk expands to at most a few tens of MB), handles
multi-member gzip and multi-frame zstd (e.g. `.warc.gz`, one member per record), and lets the
end of the input be checked: a member or frame still open at end of file is a truncated stream.
"""

from __future__ import annotations

import io
import zlib
from typing import BinaryIO

import zstandard

from tasks.readers.base import ReadError

GZIP_MAGIC = b"\x1f\x8b"
ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
COMPRESSED_SUFFIXES = {".gz": "gzip", ".zst": "zstd", ".zstd": "zstd"}
_CHUNK = {"gzip": 64 * 1024, "zstd": 1024}
_MAX_STEP_OUTPUT = 1024 * 1024


def kind_of(head: bytes) -> str | None:
    if head.startswith(GZIP_MAGIC):
        return "gzip"
    if head.startswith(ZSTD_MAGIC):
        return "zstd"
    return None


class _Decompressing(io.RawIOBase):
    """A readable stream of the decompressed bytes of `fh`; errors surface as `ReadError`."""

    def __init__(self, fh: BinaryIO, kind: str) -> None:
        self.fh, self.kind = fh, kind
        self.decoder = self._new_decoder()
        self.fed = False  # the current member/frame has received input
        self.pending = b""  # compressed bytes not yet given to a decoder
        self.out = b""
        self.done = False

    def _new_decoder(self):
        if self.kind == "gzip":
            return zlib.decompressobj(wbits=31)
        return zstandard.ZstdDecompressor().decompressobj()

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while not self.out and not self.done:
            self._step()
        n = min(len(buffer), len(self.out))
        buffer[:n] = self.out[:n]
        self.out = self.out[n:]
        return n

    def _corrupt(self, detail: str) -> ReadError:
        return ReadError("read", f"corrupt {self.kind} stream", detail)

    def _step(self) -> None:
        chunk = self.pending or self.fh.read(_CHUNK[self.kind])
        self.pending = b""
        if not chunk:
            if self.fed and not self.decoder.eof:
                raise self._corrupt("truncated: the stream ends inside a compressed block")
            self.done = True
            return
        if not self.fed and not self.decoder.eof and kind_of(chunk[:4]) != self.kind:
            if not chunk.strip(b"\x00"):  # zero padding after the last member is allowed
                self.done = True
                return
            raise self._corrupt("data after the end of the compressed stream is not compressed")
        self.fed = True
        try:
            if self.kind == "gzip":
                self.out = self.decoder.decompress(chunk, _MAX_STEP_OUTPUT)
                self.pending = self.decoder.unconsumed_tail
            else:
                self.out = self.decoder.decompress(chunk)
        except (zlib.error, zstandard.ZstdError) as exc:
            raise self._corrupt(str(exc)) from None
        if self.decoder.eof:  # next member / frame, if any, starts in the unused bytes
            self.pending = self.decoder.unused_data + self.pending
            self.decoder, self.fed = self._new_decoder(), False


def open_stream(fh: BinaryIO, name: str) -> tuple[BinaryIO, str, str | None]:
    """(decompressed stream, name without compression suffix, compression kind or None).

    Compression is found by magic bytes; a compression suffix on an uncompressed file is a
    corrupt stream (the file was cut or mislabelled), not silently read as text.
    """
    head = fh.read(4)
    fh.seek(0)
    kind = kind_of(head)
    lower = name.lower()
    suffix = next((s for s in COMPRESSED_SUFFIXES if lower.endswith(s)), None)
    inner = name[: -len(suffix)] if suffix else name
    if kind is None:
        if suffix:
            raise ReadError("read", f"corrupt {COMPRESSED_SUFFIXES[suffix]} stream", "no compression header")
        return fh, name, None
    return io.BufferedReader(_Decompressing(fh, kind), buffer_size=256 * 1024), inner, kind
