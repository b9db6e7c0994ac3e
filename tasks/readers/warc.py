"""WARC archives (warcio): each HTTP response carrying an HTML page becomes a page record.

Every other record is not an error but not a page either: requests, metadata, warcinfo,
responses with another media type or a non-2xx status are counted by kind (`Skipped`) and
reported in the run summary; they never become rejects. A response over the size limit is a
"too large" reject. Record N of a file is `source#N`, N counting every WARC record of the file.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator

from tasks.models import Record, Reject
from tasks.readers.base import Input, Item, ReadError, Skipped, content_hash, decode, parse_time

HTML_TYPES = ("text/html", "application/xhtml+xml")


def sniff(name: str, head: str) -> bool:
    return head.lstrip("\ufeff").startswith("WARC/")


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset":
            name = value.strip().strip("\"'")
            try:
                return codecs.lookup(name).name
            except LookupError:
                return None
    return None


def _page(rec, source: str, max_bytes: int) -> Item:
    warc_type = rec.rec_type or "unknown"
    if warc_type != "response":
        return Skipped(f"warc {warc_type}")
    http = rec.http_headers
    if http is None:
        return Skipped("warc response without HTTP headers")
    status = http.get_statuscode() or ""
    content_type = (http.get_header("Content-Type") or "").strip()
    mime = content_type.split(";")[0].strip().lower() or "no content type"
    if not status.startswith("2"):
        return Skipped(f"warc response HTTP {status or '?'}")
    if mime not in HTML_TYPES:
        return Skipped(f"warc response {mime}")
    payload = rec.content_stream().read(max_bytes + 1)
    digest = content_hash(payload)
    if len(payload) > max_bytes:
        return Reject(source, "read", "too large", f"HTML payload exceeds {max_bytes} bytes", digest)
    charset = _charset(content_type)
    try:
        text = payload.decode(charset) if charset else decode(payload)
    except (UnicodeDecodeError, LookupError):
        try:
            text = decode(payload)
        except ReadError as exc:
            return Reject(source, exc.stage, exc.reason, exc.detail, digest)
    except ReadError as exc:
        return Reject(source, exc.stage, exc.reason, exc.detail, digest)
    if not text.strip():
        return Reject(source, "read", "empty file", "empty HTML payload", digest)
    headers = rec.rec_headers
    return Record(
        source=source,
        text=text,
        format="html",
        content_hash=digest,
        url=headers.get_header("WARC-Target-URI"),
        scraped_at=parse_time(headers.get_header("WARC-Date")),
        container="warc",
        meta={
            "warc_record_id": headers.get_header("WARC-Record-ID") or "",
            "http_status": status,
            "content_type": content_type,
        },
    )


def read(inp: Input) -> Iterator[Item]:
    from warcio.archiveiterator import ArchiveIterator  # only when a WARC comes (~13 MB)
    from warcio.exceptions import ArchiveLoadFailed

    n = 0
    try:
        for rec in ArchiveIterator(inp.stream, arc2warc=True):
            yield _page(rec, f"{inp.source}#{n}", inp.max_bytes)
            n += 1
    except ReadError:
        raise
    except (ArchiveLoadFailed, ValueError, EOFError, OSError) as exc:
        raise ReadError("read", "corrupt WARC", f"after {n} records: {exc}") from None
    except (AttributeError, TypeError, KeyError, IndexError) as exc:  # warcio on malformed headers
        raise ReadError("read", "corrupt WARC", f"after {n} records: {type(exc).__name__}: {exc}") from None
