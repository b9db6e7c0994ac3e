"""HTML pages: recognised by markup and kept raw as one record.

Extraction (title, byline, body and comments from the markup) is the segment stage's work, in
`tasks.extract`: it runs on the record's cleaned HTML, so the raw layer (`pages`) holds the page
itself and `scrapeline resegment` can extract it again.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import PurePosixPath

from tasks.readers.base import Input, Item
from tasks.readers.text import read_whole

HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
_HTML_DOC = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)


def looks_like_html(text: str) -> bool:
    """A whole HTML document (doctype, <html>, <head> or <body> first)."""
    return bool(_HTML_DOC.match(text.lstrip("\ufeff")[:4096]))


def sniff(name: str, head: str) -> bool:
    if looks_like_html(head):
        return True
    return PurePosixPath(name).suffix.lower() in HTML_SUFFIXES and head.lstrip("\ufeff \t\r\n").startswith(
        "<"
    )


def read(inp: Input) -> Iterator[Item]:
    """One HTML file -> one record holding the decoded page (extraction comes later)."""
    return read_whole(inp, "html")
