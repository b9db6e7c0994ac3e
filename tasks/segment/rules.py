"""The site-dependent rule table (rules.toml), compiled once per process."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

RULES_FILE = Path(__file__).with_name("rules.toml")


def _union(patterns: list[str]) -> re.Pattern[str] | None:
    """One case-insensitive full-line regex for a list of alternatives (None when empty)."""
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


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
    comment_chrome: re.Pattern[str] | None

    def opens_section(self, line: str) -> bool:
        return _full(self.start, line)

    def is_header_chrome(self, line: str) -> bool:
        return _full(self.header_chrome, line) or _full(self.start, line)

    def closes_section(self, line: str) -> bool:
        return _full(self.end, line)

    def is_comment_chrome(self, line: str) -> bool:
        return _full(self.comment_chrome, line)

    def header(self, line: str) -> re.Match[str] | None:
        for pattern in self.comment_headers:
            m = pattern.fullmatch(line)
            if m:
                return m
        return None


@dataclass(frozen=True)
class Rules:
    systems: tuple[CommentSystem, ...]
    chrome: re.Pattern[str]
    not_names: re.Pattern[str]
    placeholders: re.Pattern[str]
    badges: re.Pattern[str]
    any_comment_chrome: re.Pattern[str]
    any_end: re.Pattern[str]

    def is_chrome(self, line: str) -> bool:
        return self.chrome.fullmatch(line) is not None


@cache
def load_rules(path: Path = RULES_FILE) -> Rules:
    """Parse and compile the rule table; cached so that each process compiles it once."""
    with open(path, "rb") as fh:
        table = tomllib.load(fh)
    systems = tuple(
        CommentSystem(
            name=s["name"],
            start=_union(s.get("start", [])),
            header_chrome=_union(s.get("header_chrome", [])),
            end=_union(s.get("end", [])),
            comment_headers=tuple(re.compile(p, re.IGNORECASE) for p in s.get("comment_header", [])),
            comment_chrome=_union(s.get("comment_chrome", [])),
        )
        for s in table["system"]
    )
    all_chrome = [p for s in table["system"] for p in s.get("comment_chrome", [])]
    all_end = [p for s in table["system"] for p in s.get("end", [])]
    names = table["names"]
    return Rules(
        systems=systems,
        chrome=_union(table["chrome"]["lines"]),
        not_names=_union(names["not_names"]),
        placeholders=_union(names["placeholders"]),
        badges=_union(names["badges"]),
        any_comment_chrome=_union(all_chrome),
        any_end=_union(all_end),
    )
