"""The article part of a page: title, byline and body, chrome removed."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from tasks.segment.lines import (
    Line,
    is_byline,
    is_date,
    is_prose,
    is_title_shaped,
    word_count,
)
from tasks.segment.rules import Rules

_FRONT_MATTER_TITLE = re.compile(r"^title:\s*[\"']?(.+?)[\"']?\s*$", re.M)


@dataclass(slots=True)
class Article:
    title: str | None
    byline: str | None
    body_lines: list[Line]
    trace: dict[str, str]


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


LONG_PARAGRAPH_WORDS = 15  # a paragraph this long is article text, never a headline


def _first_prose(lines: list[Line], start: int, rules: Rules) -> int | None:
    for i in range(start, len(lines)):
        if is_prose(lines[i].plain) and not rules.is_chrome(lines[i].plain):
            return i
    return None


def _first_long(lines: list[Line], start: int) -> int | None:
    for i in range(start, len(lines)):
        if word_count(lines[i].plain) >= LONG_PARAGRAPH_WORDS:
            return i
    return None


def find_title(lines: list[Line], hint: str | None, rules: Rules) -> tuple[str | None, int | None, str]:
    """(title, index of the line that shows it or None, rule). The anchor is where the body may begin."""
    keys = Counter(line.key for line in lines)
    if hint:
        want = _norm(hint)
        for line in lines:
            if _norm(line.plain) == want:
                return line.plain, line.idx, "metadata"
        return hint.strip(), None, "metadata"
    for line in lines[:80]:
        if line.heading == 1 and is_title_shaped(line.plain):
            return line.plain, line.idx, "markdown_h1"
    first_long = _first_long(lines, 0)
    preamble = lines[: first_long if first_long is not None else len(lines)]
    for line in preamble:
        if keys[line.key] >= 2 and is_title_shaped(line.plain) and not rules.is_chrome(line.plain):
            return line.plain, line.idx, "repeated_line"
    for line in preamble[:80]:
        if line.heading and is_title_shaped(line.plain) and not rules.is_chrome(line.plain):
            return line.plain, line.idx, "markdown_heading"
    for line in reversed(preamble[-8:]):
        if (
            is_title_shaped(line.plain)
            and word_count(line.plain) >= 3
            and not rules.is_chrome(line.plain)
            and not is_byline(line.plain)
        ):
            return line.plain, line.idx, "line_before_text"
    return None, None, "none"


def _last_repeat_before(lines: list[Line], anchor: int, stop: int | None) -> int:
    """The title is often shown twice (page header, then article header): the body follows the last."""
    key = lines[anchor].key
    end = stop if stop is not None else len(lines)
    last = anchor
    for i in range(anchor + 1, end):
        if lines[i].key == key:
            last = i
    return last


def split_article(lines: list[Line], hint_title: str | None, rules: Rules) -> Article:
    """Title, byline and body lines of the article region (the lines before any comment section)."""
    trace: dict[str, str] = {}
    title, anchor, trace["title"] = find_title(lines, hint_title, rules)
    title_key = _norm(title) if title else None
    byline: str | None = None
    trace["byline"] = "none"

    if anchor is not None:
        anchor = _last_repeat_before(lines, anchor, _first_long(lines, anchor + 1))
        start = anchor + 1
        # metadata lines between the title and the text: byline, dates, share bars
        while start < len(lines):
            text = lines[start].plain
            if byline is None and is_byline(text) and not is_prose(text.rstrip(".")):
                byline, trace["byline"] = text, "by_pattern"
            elif not (is_date(text) or rules.is_chrome(text) or _norm(text) == title_key):
                break
            start += 1
    else:
        start = _first_prose(lines, 0, rules)
        if start is None:
            start = 0
        if start > 0 and is_byline(lines[start - 1].plain):
            byline, trace["byline"] = lines[start - 1].plain, "by_pattern"
    trace["body_start"] = f"line {lines[start].idx}" if start < len(lines) else "empty"

    body = [
        line
        for line in lines[start:]
        if not rules.is_chrome(line.plain) and (title_key is None or _norm(line.plain) != title_key)
    ]
    while body and not is_prose(body[-1].plain) and (word_count(body[-1].plain) <= 12):
        body.pop()  # share bars, tag lists, 'related' headings left at the end
    return Article(title, byline, body, trace)
