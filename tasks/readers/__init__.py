"""Format readers and the one table that says how each format is recognised and read.

`FORMATS` is tried in order: the first format whose sniffer accepts the input's name (without a
compression suffix) and the decoded start of its content reads it. Content signatures come
first (a WARC header, a JSON object per line, an HTML document), so an extension that lies
does not decide; extensions only decide between formats the content does not tell apart.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from tasks.readers import csvfile, html, jsonl, text, warc
from tasks.readers.base import Input, Item


@dataclass(frozen=True, slots=True)
class Format:
    name: str
    sniff: Callable[[str, str], bool]  # (name, decoded head of the content) -> is it this format
    read: Callable[[Input], Iterator[Item]]
    multi_record: bool  # records are `source#N`; the size limit applies per record


FORMATS: tuple[Format, ...] = (
    Format("warc", warc.sniff, warc.read, True),
    Format("jsonl", jsonl.sniff, jsonl.read, True),
    Format("html", html.sniff, html.read, False),
    Format("csv", csvfile.sniff, csvfile.read, True),
    Format("markdown", text.sniff_markdown, text.read_markdown, False),
    Format("text", text.sniff_text, text.read_text, False),
)


def choose(name: str, head: str) -> Format:
    """The format of an input from its name and the decoded start of its content."""
    return next(f for f in FORMATS if f.sniff(name, head))
