"""The site-dependent rule table (rules.toml), compiled once per process."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from tasks.segment.dates import DATE_PATTERN

RULES_FILE = Path(__file__).with_name("rules.toml")


def _expand(pattern: str) -> str:
    return pattern.replace("{DATE}", f"(?:{DATE_PATTERN})")


def _union(patterns: list[str]) -> re.Pattern[str] | None:
    """One case-insensitive full-line regex for a list of alternatives (None when empty)."""
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{_expand(p)})" for p in patterns), re.IGNORECASE)


def _each(patterns: list[str]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(_expand(p), re.IGNORECASE) for p in patterns)


def _full(pattern: re.Pattern[str] | None, line: str) -> bool:
    return pattern is not None and pattern.fullmatch(line) is not None


@dataclass(frozen=True)
class CommentSystem:
    """One comment system's markers: see the header of rules.toml."""

    name: str
    start: re.Pattern[str] | None
    header_chrome: re.Pattern[str] | None
    end: re.Pattern[str] | None
    comment_headers: tuple[re.Pattern[str], ...]
    comment_footers: tuple[re.Pattern[str], ...]
    comment_chrome: re.Pattern[str] | None

    def opens_section(self, line: str) -> bool:
        return _full(self.start, line)

    def is_header_chrome(self, line: str) -> bool:
        return _full(self.header_chrome, line) or _full(self.start, line)

    def closes_section(self, line: str) -> bool:
        return _full(self.end, line)

    def is_comment_chrome(self, line: str) -> bool:
        return _full(self.comment_chrome, line)


@dataclass(frozen=True)
class Rules:
    systems: tuple[CommentSystem, ...]
    generic: CommentSystem  # [any_system]: markers shared by every system
    chrome: re.Pattern[str]
    article_end: re.Pattern[str]
    not_names: re.Pattern[str]
    placeholders: re.Pattern[str]
    badges: re.Pattern[str]
    any_comment_chrome: re.Pattern[str]
    any_end: re.Pattern[str]
    reply_to: tuple[re.Pattern[str], ...]

    def is_chrome(self, line: str) -> bool:
        return self.chrome.fullmatch(line) is not None

    def ends_article(self, line: str) -> bool:
        return self.article_end.fullmatch(line) is not None

    def system(self, name: str) -> CommentSystem:
        return next((s for s in self.systems if s.name == name), self.generic)

    def headers(self, first: str) -> list[tuple[str, re.Pattern[str]]]:
        """Every system's comment-header forms, those of `first` tried first."""
        ordered = sorted(self.systems, key=lambda s: s.name != first)
        return [(s.name, p) for s in ordered for p in s.comment_headers]

    def footers(self) -> list[tuple[str, re.Pattern[str]]]:
        return [(s.name, p) for s in (*self.systems, self.generic) for p in s.comment_footers]


def _system(s: dict) -> CommentSystem:
    return CommentSystem(
        name=s["name"],
        start=_union(s.get("start", [])),
        header_chrome=_union(s.get("header_chrome", [])),
        end=_union(s.get("end", [])),
        comment_headers=_each(s.get("comment_header", [])),
        comment_footers=_each(s.get("comment_footer", [])),
        comment_chrome=_union(s.get("comment_chrome", [])),
    )


@cache
def load_rules(path: Path = RULES_FILE) -> Rules:
    """Parse and compile the rule table; cached so that each process compiles it once."""
    with open(path, "rb") as fh:
        table = tomllib.load(fh)
    systems = tuple(_system(s) for s in table["system"])
    generic = table["any_system"]
    all_chrome = [p for s in [*table["system"], generic] for p in s.get("comment_chrome", [])]
    all_end = [p for s in [*table["system"], generic] for p in s.get("end", [])]
    names = table["names"]
    return Rules(
        systems=systems,
        generic=_system(generic),
        chrome=_union(table["chrome"]["lines"]),
        article_end=_union(table["article"]["end"]),
        not_names=_union(names["not_names"]),
        placeholders=_union(names["placeholders"]),
        badges=_union(names["badges"]),
        any_comment_chrome=_union(all_chrome),
        any_end=_union(all_end),
        reply_to=_each(generic.get("reply_to", [])),
    )
