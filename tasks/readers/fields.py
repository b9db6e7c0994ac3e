"""Structured scrape records (a JSON object, a CSV row) -> `Record`, by column name.

`text`, `content` or `html` holds the page (first non-empty one, in that order); `url`,
`title`, `authors` (or `author`, `byline`), `scraped_at`, `published_at` (or `date`) map to the
warehouse's columns; every other non-empty field is kept as metadata in `pages.meta`.
"""

from __future__ import annotations

import json

from tasks.models import Record, Reject
from tasks.readers.base import parse_time
from tasks.readers.html import looks_like_html
from tasks.readers.text import looks_like_markdown

TEXT_FIELDS = ("text", "content", "html")
URL_FIELDS = ("url", "link", "target_uri")
TITLE_FIELDS = ("title", "headline")
BYLINE_FIELDS = ("authors", "author", "byline")
SCRAPED_FIELDS = ("scraped_at", "crawled_at", "fetched_at")
PUBLISHED_FIELDS = ("published_at", "date_published", "published", "date")


def _first(fields: dict[str, object], names: tuple[str, ...]) -> tuple[str | None, object]:
    for name in names:
        value = fields.get(name)
        if value not in (None, "", [], {}):
            return name, value
    return None, None


def _as_text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):
        value = ", ".join(str(v).strip() for v in value if str(v).strip())
    text = str(value).strip()
    return text or None


def has_text_field(names: list[str]) -> bool:
    return any(n.strip().lower() in TEXT_FIELDS for n in names)


def record_from_fields(
    source: str, raw: dict[str, object], content_hash: str, container: str, max_bytes: int
) -> Record | Reject:
    """One structured record -> a Record, or a Reject saying what is missing or too large."""
    fields = {str(k).strip().lower(): v for k, v in raw.items()}
    key, body = _first(fields, TEXT_FIELDS)
    if key is None or not isinstance(body, str) or not body.strip():
        present = ", ".join(sorted(k for k in fields if k)) or "none"
        return Reject(
            source,
            "read",
            "no text field",
            f"no text in text/content/html; fields: {present}"[:500],
            content_hash,
        )
    if len(body.encode("utf-8", errors="replace")) > max_bytes:
        return Reject(source, "read", "too large", f"{key} field exceeds {max_bytes} bytes", content_hash)
    if key == "html" or looks_like_html(body):
        fmt = "html"
    else:
        fmt = "markdown" if looks_like_markdown(body) else "text"
    used = {key}
    picked = {}
    for names in (URL_FIELDS, TITLE_FIELDS, BYLINE_FIELDS, SCRAPED_FIELDS, PUBLISHED_FIELDS):
        name, value = _first(fields, names)
        picked[names] = value
        if name:
            used.add(name)
    meta = {}
    for k, v in raw.items():
        if str(k).strip().lower() in used or v in (None, "", [], {}):
            continue
        meta[str(k)] = v if isinstance(v, str | int | float | bool) else json.dumps(v, ensure_ascii=False)
    return Record(
        source=source,
        text=body,
        format=fmt,
        content_hash=content_hash,
        url=_as_text(picked[URL_FIELDS]),
        title=_as_text(picked[TITLE_FIELDS]),
        scraped_at=parse_time(picked[SCRAPED_FIELDS]),
        container=container,
        byline=_as_text(picked[BYLINE_FIELDS]),
        published_at=parse_time(picked[PUBLISHED_FIELDS]),
        meta=meta,
    )
