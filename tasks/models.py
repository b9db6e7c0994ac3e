"""Plain data passed between stages: what a batch carries from read to load."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

STAGES = ("read", "decode", "segment", "validate", "load")


@dataclass(frozen=True, slots=True)
class InputFile:
    """One file found under a SOURCE argument."""

    path: str  # absolute path on disk, or the s3:// URL of an object
    source: str  # path relative to the SOURCE it was found under
    size: int
    mtime_ns: int  # modification time; for an object, a marker derived from its ETag


@dataclass(slots=True)
class Record:
    """One scrape: the decoded text of a file, or of one record of a multi-record file."""

    source: str
    text: str
    format: str  # text | markdown | html: how `text` is to be read
    content_hash: str  # hash of the raw input bytes of this record
    url: str | None = None
    title: str | None = None  # title given by the input's metadata, if any
    scraped_at: datetime | None = None
    container: str | None = None  # jsonl | csv | warc for a record of a multi-record file
    byline: str | None = None  # author(s) given by the input's metadata, if any
    published_at: datetime | None = None  # publication time given by the input's metadata
    meta: dict[str, object] = field(default_factory=dict)  # other metadata of the input, kept raw


@dataclass(slots=True)
class Reject:
    """Why one input (or one row) did not load; becomes a row of `rejects`."""

    source: str
    stage: str
    reason: str
    detail: str = ""
    content_hash: str | None = None
    row_id: str | None = None  # article_id or comment_id of a quarantined row; None for a whole input

    def __post_init__(self) -> None:
        if self.stage not in STAGES:
            raise ValueError(f"unknown stage {self.stage!r}")


@dataclass(slots=True)
class Comment:
    position: int
    author: str | None
    text: str
    rule: str  # which rule opened this comment (provenance)
    parent_position: int | None = None  # position of the comment this one replies to
    published_text: str | None = None  # date or relative time as the page shows it
    published_at: datetime | None = None  # absolute time, relative ones counted from the scrape time


@dataclass(slots=True)
class Segmentation:
    """What the segmenter made of one page."""

    title: str | None
    byline: str | None
    body: str
    comments: list[Comment] = field(default_factory=list)
    comment_system: str | None = None
    published_at: datetime | None = None
    trace: dict[str, str] = field(default_factory=dict)  # decision -> rule that made it
