"""Hostile inputs, written to a folder: what each one is and what a run must make of it.

Used by tests/test_hostile.py (each must end as the expected reject, the good pages around them
load) and by fuzz/hostile_rss.py (peak memory of the pipeline on each one alone).
"""

from __future__ import annotations

import os
import unicodedata
import zlib
from dataclasses import dataclass
from pathlib import Path

import zstandard

MB = 1024 * 1024
MAX_MB = 64  # the --max-mb of hostile runs: above the 50 MB CSV field, far below the bombs


@dataclass(frozen=True)
class Hostile:
    name: str | bytes  # file name under the folder (bytes for a name that is not UTF-8)
    what: str
    stage: str | None  # expected reject stage; None: must load; "*": may load or be rejected
    reasons: tuple[str, ...] = ()  # any of these reject reasons is right (empty: any reason)
    needs_reader: str | None = None  # "html"/"csv": not a test of that reader while it rejects the format


def _good_page(title: str) -> str:
    body = " ".join(["The committee reviewed the river bridge repairs and the budget again."] * 6)
    return f"{title}\n\nBy Anna Berg\n\n{body}\n\n{body}\n"


def _gzip_bomb(path: Path, expanded: int) -> None:
    """Concatenated gzip members (valid gzip) of zeros: about 1 KB per MB expanded."""
    member = zlib.compressobj(9, zlib.DEFLATED, 31)
    one = member.compress(b"\0" * MB) + member.flush()
    path.write_bytes(one * (expanded // MB))


def _zstd_bomb(path: Path, expanded: int) -> None:
    co = zstandard.ZstdCompressor(level=1).compressobj()
    chunk = b"A" * MB
    path.write_bytes(b"".join(co.compress(chunk) for _ in range(expanded // MB)) + co.flush())


def write_hostile(root: Path, big: bool = True) -> list[Hostile]:
    """Write every hostile input (and a few good pages with odd names) under root."""
    root.mkdir(parents=True, exist_ok=True)
    cases: list[Hostile] = []

    def add(case: Hostile, data: bytes | None = None) -> None:
        if data is not None:
            with open(os.path.join(os.fsencode(root), os.fsencode(case.name)), "wb") as fh:
                fh.write(data)
        cases.append(case)

    _gzip_bomb(root / "bomb.txt.gz", 1024 * MB)
    add(Hostile("bomb.txt.gz", "gzip bomb: 1 MB expanding to 1 GB", "read", ("too large",)))
    _zstd_bomb(root / "bomb.txt.zst", 1024 * MB)
    add(Hostile("bomb.txt.zst", "zstd bomb: 33 KB expanding to 1 GB", "read", ("too large",)))
    if big:
        with open(root / "one_line.txt", "wb") as fh:
            for _ in range(200):
                fh.write(b"x" * MB)
        add(Hostile("one_line.txt", "200 MB without a newline", "read", ("too large",)))
        field = b"y" * (50 * MB)
        add(
            Hostile(
                "big_field.csv",
                "CSV with a 50 MB field",
                "*",
                needs_reader="csv",
                # loaded as one 50 MB text it is over the segmenter's size limit: rejected either way
            ),
            b'url,title,text\nhttp://example.org/a,A title,"' + field + b'"\n',
        )
    nested = "<html><body>" + "<div>" * 100_000 + "deep text " * 50 + "</div>" * 100_000 + "</body></html>"
    add(Hostile("nested.html", "HTML nested 100,000 levels deep", "*", needs_reader="html"), nested.encode())
    add(
        Hostile("nul_head.txt", "NUL bytes at the start", "decode", ("binary file",)),
        b"\0\0\0" + b"text " * 100,
    )
    add(
        Hostile("nul_late.txt", "NUL bytes after the first 8 KB of a good page", None),
        (_good_page("Late zero bytes in a page") + "\n" * 9000 + "tail\0\0text\n").encode(),
    )
    surrogate = _good_page("A page with encoded lone surrogates").replace("budget", "bud\ud800get")
    add(
        Hostile("surrogates.txt", "UTF-8-encoded lone surrogates (CESU-8 style)", "*"),
        surrogate.encode("utf-8", "surrogatepass"),
    )
    add(
        Hostile("invalid_utf8.txt", "invalid UTF-8: stray continuation and truncated sequences", "*"),
        _good_page("Broken bytes inside a page").encode().replace(b"bridge", b"bri\x80\xc3dge\xe2\x82"),
    )
    os.symlink("loop_b", root / "loop_a")
    os.symlink("loop_a", root / "loop_b")
    cases.append(Hostile("loop_a", "symbolic link loop", "read", ("unreadable file",)))
    cases.append(Hostile("loop_b", "symbolic link loop", "read", ("unreadable file",)))
    os.symlink("does-not-exist.txt", root / "dangling.txt")
    cases.append(Hostile("dangling.txt", "dangling symbolic link", "read", ("unreadable file",)))
    os.mkfifo(root / "pipe.txt")
    cases.append(
        Hostile("pipe.txt", "named pipe (opening it would wait forever)", "read", ("not a regular file",))
    )
    for name in (
        "new\nline.txt",
        "tab\tand\rreturn.txt",
        "r\u202etl-override.txt",
        unicodedata.normalize("NFD", "café-décomposé.txt"),
        "emoji-\U0001f4f0.txt",
        "quote'\"and;semicolon.txt",
    ):
        add(Hostile(name, f"good page named {name!r}", None), _good_page(f"Odd name {len(cases)}").encode())
    add(
        Hostile(b"undecodable-\xff\xfe.txt", "good page whose name is not UTF-8", None),
        _good_page("Bytes name").encode(),
    )
    return cases


def source_of(case: Hostile) -> str:
    """The `source` a run gives the file (undecodable name bytes as \\xNN escapes)."""
    if isinstance(case.name, bytes):
        return case.name.decode("utf-8", "backslashreplace")
    return case.name
