"""The comment section of a page: where it starts and ends, and one comment per reader post.

A reader splits a comment section with a few cues, in this order of strength:
  1. a system's own header form ('Jane says:', 'Jane said...', 'Jane • 5 years ago');
  2. a short name-shaped line followed by a date, or by text, where a new comment may begin;
  3. a wider gap than paragraphs inside a comment (two or more blank lines) before text:
     a new comment whose author the page does not show (anonymous).
Lines that are a system's per-comment chrome (Reply, Like, vote counts) are never text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tasks.segment.lines import Line, is_date, is_name_shaped, is_prose
from tasks.segment.rules import CommentSystem, Rules

HEADER_LOOKAHEAD = 25  # lines after a section start still searched for header chrome


@dataclass(slots=True)
class Section:
    system: str
    marker: int  # index of the line that opened the section
    start: int  # first line that may be comment content
    end: int  # first line after the section


@dataclass(slots=True)
class RawComment:
    author: str | None
    rule: str
    published_text: str | None = None
    paragraphs: list[list[Line]] = field(default_factory=list)

    def add(self, line: Line, new_paragraph: bool) -> None:
        if new_paragraph or not self.paragraphs:
            self.paragraphs.append([line])
        else:
            self.paragraphs[-1].append(line)


def find_section(lines: list[Line], rules: Rules) -> Section | None:
    """The first comment-section marker that follows some article text."""
    seen_prose = False
    for i, line in enumerate(lines):
        if not seen_prose:
            seen_prose = is_prose(line.plain)
            continue
        for system in rules.systems:
            if system.opens_section(line.plain):
                return _bounds(lines, i, system, rules)
    return None


def _bounds(lines: list[Line], marker: int, system: CommentSystem, rules: Rules) -> Section:
    start = marker + 1
    for j in range(marker + 1, min(len(lines), marker + 1 + HEADER_LOOKAHEAD)):
        if system.is_header_chrome(lines[j].plain):
            start = j + 1
    end = len(lines)
    for j in range(start, len(lines)):
        if system.closes_section(lines[j].plain) or rules.any_end.fullmatch(lines[j].plain):
            end = j
            break
    return Section(system.name, marker, start, end)


def _system(rules: Rules, name: str) -> CommentSystem:
    return next(s for s in rules.systems if s.name == name)


def _author(name: str, rules: Rules) -> str | None:
    name = name.strip().strip("*_").strip()
    return None if not name or rules.placeholders.fullmatch(name) else name


def split_comments(lines: list[Line], section: Section, rules: Rules) -> list[RawComment]:
    """Walk the section's lines and open a new comment at each boundary cue."""
    system = _system(rules, section.system)
    region = lines[section.start : section.end]

    def chrome(line: Line) -> bool:
        return (
            system.is_comment_chrome(line.plain)
            or rules.any_comment_chrome.fullmatch(line.plain) is not None
            or rules.badges.fullmatch(line.plain) is not None
        )

    def next_content(k: int) -> Line | None:
        for line in region[k + 1 :]:
            if not chrome(line):
                return line
        return None

    comments: list[RawComment] = []
    current: RawComment | None = None
    awaiting_text = False  # a header was seen; the next content line is its text
    after_chrome = True
    for k, line in enumerate(region):
        text = line.plain
        m = system.header(text)
        if m and (
            not m.group("author").strip() or rules.any_comment_chrome.fullmatch(m.group("author").strip())
        ):
            m = None  # 'Reply • Share' is not a comment by someone called Reply
        if not m and chrome(line):
            after_chrome = True
            continue
        if m and not awaiting_text:
            current = RawComment(_author(m.group("author"), rules), f"{system.name}_header")
            current.published_text = m.groupdict().get("date")
            comments.append(current)
            awaiting_text, after_chrome = True, False
            continue
        if current is not None and is_date(text):  # a date alone on a line is metadata, never text
            current.published_text = current.published_text or text
            continue
        nxt = next_content(k)
        if (
            not awaiting_text
            and is_name_shaped(text)
            and not rules.not_names.fullmatch(text)
            and nxt is not None
            and (is_date(nxt.plain) or not is_name_shaped(nxt.plain) or nxt.gap > 0)
        ):
            current = RawComment(_author(text, rules), "name_line")
            comments.append(current)
            awaiting_text, after_chrome = True, False
            continue
        if current is None or (not awaiting_text and (line.gap >= 2 or after_chrome and current.paragraphs)):
            current = RawComment(None, "gap" if comments else "section_start")
            comments.append(current)
        current.add(line, new_paragraph=line.gap > 0 or awaiting_text)
        awaiting_text, after_chrome = False, False
    return [c for c in comments if c.paragraphs]
