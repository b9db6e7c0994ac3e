"""The labels the segmenter gives each non-blank line of a page.

A page reads top to bottom as page chrome, the article (title, byline, metadata, body), maybe a
comment section (section chrome, then one record per comment), and chrome again. A comment
record is an optional header (author line, meta lines such as a date or badge), the text, and
per-comment chrome (reply, like and vote rows). The first header or text line of each record
carries a `_B` label, so consecutive comments split even where nothing but the text shows.
"""

from __future__ import annotations

LABELS = (
    "chrome",  # menus, share bars, related links, footers, ads: not article, not comment
    "title",
    "byline",  # the article's author line (may hold its date)
    "meta",  # article metadata: date line, kicker, reading time, tags
    "body",
    "auth_b",  # a comment's author line, first line of its record
    "auth",  # a comment's author line after a meta line that opened the record
    "cmeta_b",  # a comment's meta line (date, badge) that opens its record
    "cmeta",
    "text_b",  # comment text that opens its record (no header shown)
    "text",
    "cchrome",  # chrome inside the comment section: headings, sort bars, reply/like rows, forms
)
INDEX = {name: i for i, name in enumerate(LABELS)}
CHROME, TITLE, BYLINE, META, BODY = (INDEX[n] for n in ("chrome", "title", "byline", "meta", "body"))
AUTH_B, AUTH, CMETA_B, CMETA, TEXT_B, TEXT, CCHROME = (
    INDEX[n] for n in ("auth_b", "auth", "cmeta_b", "cmeta", "text_b", "text", "cchrome")
)
OPENS_RECORD = frozenset({AUTH_B, CMETA_B, TEXT_B})
COMMENT = frozenset({AUTH_B, AUTH, CMETA_B, CMETA, TEXT_B, TEXT, CCHROME})
ARTICLE = frozenset({TITLE, BYLINE, META, BODY})
IGNORE = -1  # a line whose label is unknown (training masks it out)
