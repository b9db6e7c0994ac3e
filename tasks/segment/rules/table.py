"""The site-dependent rule table (rules.toml), compiled once per process."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from pathlib import Path
from re import _constants as sre_constants  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]

from tasks.segment.dates import DATE_PATTERN, FULL_DATE_PATTERN, is_date, word_trie
from tasks.segment.rules.alternatives import MAX_REMEMBERED_TEXTS, LinePattern, LineUnion, NamedPatterns

RULES_FILE = Path(__file__).with_name("rules.toml")


_HAS_DATE = re.compile(r"(?<!\w)(?:" + DATE_PATTERN + r")(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=32_768)
def _has_date(line: str) -> bool:
    """A date somewhere in the line (remembered per text: the date pattern is slow to search)."""
    return _HAS_DATE.search(line) is not None


def _expand(pattern: str) -> str:
    return pattern.replace("{DATE}", f"(?:{DATE_PATTERN})").replace("{FULL_DATE}", f"(?:{FULL_DATE_PATTERN})")


def _union(patterns: list[str]) -> LineUnion | None:
    """One case-insensitive full-line regex for a list of alternatives (None when empty)."""
    if not patterns:
        return None
    return LineUnion([_expand(p) for p in patterns], re.IGNORECASE)


def _each(patterns: list[str]) -> tuple[LinePattern, ...]:
    return tuple(LinePattern(re.compile(_expand(p), re.IGNORECASE)) for p in patterns)


def _full(pattern: LineUnion | None, line: str) -> bool:
    return pattern is not None and pattern.fullmatch(line) is not None


@dataclass(frozen=True)
class CommentSystem:
    """One comment system's markers: see the header of rules.toml."""

    name: str
    start: LineUnion | None
    header_chrome: LineUnion | None
    end: LineUnion | None
    comment_headers: tuple[LinePattern, ...]
    comment_footers: tuple[LinePattern, ...]
    comment_chrome: LineUnion | None
    comment_trailer: LineUnion | None = None

    def opens_section(self, line: str) -> bool:
        return _full(self.start, line)

    def is_header_chrome(self, line: str) -> bool:
        return _full(self.header_chrome, line) or _full(self.start, line)

    def closes_section(self, line: str) -> bool:
        return _full(self.end, line)

    def is_trailer(self, line: str) -> bool:
        """A row that closes every comment of this system ('LikeLike'), on pages with no heading."""
        return _full(self.comment_trailer, line)


@dataclass(frozen=True)
class ForumRules:
    """A forum thread's markers (the `forum` system entry): see tasks/segment/forum.py."""

    post_headers: tuple[LinePattern, ...]
    profile: LineUnion | None
    post_end: LineUnion | None
    quotes: tuple[LinePattern, ...]
    subjects: tuple[LinePattern, ...]

    def is_profile(self, line: str) -> bool:
        return len(line) <= 120 and _full(self.profile, line)

    def ends_post(self, line: str) -> bool:
        return _full(self.post_end, line)

    def opens_quote(self, line: str) -> re.Match[str] | None:
        """A line opening a quoted post; its `name` group, when set, is the quoted poster."""
        if len(line) > 160:
            return None
        return next((m for p in self.quotes if (m := p.fullmatch(line))), None)


@dataclass(frozen=True)
class Rules:
    systems: tuple[CommentSystem, ...]
    generic: CommentSystem  # [any_system]: markers shared by every system
    chrome: LineUnion
    article_end: LineUnion
    byline_forms: LineUnion | None
    dateline_forms: LineUnion | None
    not_names: LineUnion
    placeholders: LineUnion
    badges: LineUnion
    any_comment_chrome: LineUnion
    any_end: LineUnion
    reply_to: tuple[LinePattern, ...]
    button_row: re.Pattern[str]  # a row of buttons, counts, arrows and dates between separators
    button_word: re.Pattern[str]  # one button word somewhere in a line
    header_forms: list[tuple[str, LinePattern]]  # every system's comment-header forms, generic last
    any_header_chrome: LineUnion
    author_label: LineUnion | None = None  # 'Written by', 'Author': the next line is the author's name
    forum: ForumRules | None = None  # the `forum` entry's extra keys, when the table has one
    any_start: LineUnion | None = None  # every system's section markers: most lines open none

    def opening_system(self, line: str) -> CommentSystem | None:
        """The first system (the generic one last) whose section marker this line is."""
        if self.any_start is None or self.any_start.fullmatch(line) is None:
            return None
        return next((s for s in (*self.systems, self.generic) if s.opens_section(line)), None)

    def is_button_row(self, line: str) -> bool:
        """'Reply · Like (14) · Report', '▲ 12 ▼ • Reply • Share ›': a row with at least one button word."""
        if len(line) > BUTTON_ROW_MAX_CHARS:
            return False
        seen = self._button_rows
        found = seen.get(line)
        if found is None:
            if len(seen) >= MAX_REMEMBERED_TEXTS:
                seen.clear()
            found = seen[line] = (
                self.button_word.search(line) is not None
                and self.button_row.fullmatch(line) is not None
                and not is_date(line)  # 'Jan 3 • Edited on Jan 3' is the comment's date
            )
        return found

    @cached_property
    def _button_rows(self) -> dict[str, bool]:
        """`is_button_row` per text: asked of every short line of each comment section."""
        return {}

    def is_any_header_chrome(self, line: str) -> bool:
        """Section-header chrome of any system ('8 Comments' then wpDiscuz's 'Notify of')."""
        return self.any_header_chrome.fullmatch(line) is not None

    def is_chrome(self, line: str) -> bool:
        return len(line) <= CHROME_MAX_CHARS and self.chrome.fullmatch(line) is not None

    def is_byline_form(self, line: str) -> bool:
        """'Jane Doe, Environment correspondent', 'Posted on <date> by Jane', 'Jane · 8 min read'."""
        return len(line) <= 200 and _full(self.byline_forms, line)

    def is_dateline(self, line: str) -> bool:
        """A labelled date line: 'Updated 14:22, 19 October 2021', 'Published: 02 March 2019'."""
        if len(line) > 120 or not _full(self.dateline_forms, line):
            return False
        return _has_date(line)

    def is_author_label(self, line: str) -> bool:
        return _full(self.author_label, line)

    def ends_article(self, line: str) -> bool:
        return self.article_end.fullmatch(line) is not None

    def system(self, name: str) -> CommentSystem:
        return next((s for s in self.systems if s.name == name), self.generic)

    def footers(self) -> list[tuple[str, LinePattern]]:
        return self._footers

    @cached_property
    def _footers(self) -> list[tuple[str, LinePattern]]:
        return [(s.name, p) for s in (*self.systems, self.generic) for p in s.comment_footers]

    @cached_property
    def _per_comment_chrome(self) -> dict[str, LineUnion]:
        return {}

    def per_comment_chrome(self, system: CommentSystem) -> LineUnion:
        """One union of the rows that are per-comment chrome in `system`'s section: its own chrome
        and trailer rows, every system's chrome rows and the badges (one test instead of four)."""
        union = self._per_comment_chrome.get(system.name)
        if union is None:
            parts = (system.comment_chrome, system.comment_trailer, self.any_comment_chrome, self.badges)
            alternatives = [a for part in parts if part is not None for a in part.alternatives]
            union = self._per_comment_chrome[system.name] = LineUnion(alternatives, re.IGNORECASE)
        return union

    @cached_property
    def system_header_forms(self) -> NamedPatterns:
        """The comment systems' own header forms, in table order (the generic ones left out)."""
        return NamedPatterns([(n, p) for n, p in self.header_forms if n != self.generic.name])

    @cached_property
    def generic_header_forms(self) -> NamedPatterns:
        return NamedPatterns([(n, p) for n, p in self.header_forms if n == self.generic.name])


BUTTON_ROW_MAX_CHARS = 100
CHROME_MAX_CHARS = 400  # a longer line is text, whatever words it shares with a widget


def _button_patterns(words: list[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    word = "|".join(sorted(words, key=len, reverse=True))
    # Spaces and digit runs are taken whole (possessive `*+`, `++`): trying every way to share
    # them out between neighbouring tokens took exponential time on a failing line ('Like
    # 12345678901234567890 x': minutes). The price: a count glued to a date ('+13d') no longer
    # splits into '+1' and '3d'. Dates still overlap ('12 Jan 12' or '12 Jan' + '12'): the worst
    # line of `python -m tasks.segment.backtracking` takes ~0.5 s at BUTTON_ROW_MAX_CHARS.
    token = (
        rf"(?:(?:{word})(?:\s*+\(\d++\))?\s*+›?|[+\-−]?\d++|\(\d++\)|[▲▼△▽↑↓⬆⬇⚑›♥^]|(?:{_expand('{DATE}')}))"
    )
    row = rf"\s*+{token}(?:\s*+[•·|,/–-]?\s*+{token})*\s*+[•·|]?\s*+"
    literals = [_literal(w) for w in words]
    if all(literals):  # a trie of the words finds the same lines without trying them one by one
        word = word_trie({w for w in literals if w})
    return re.compile(row, re.IGNORECASE), re.compile(rf"(?<!\w)(?:{word})(?!\w)", re.IGNORECASE)


def _literal(pattern: str) -> str | None:
    """The one text a pattern of plain characters matches ('loading\\.\\.\\.'), else None."""
    try:
        parsed = sre_parse.parse(pattern)
    except re.error:
        return None
    if not len(parsed) or any(op is not sre_constants.LITERAL for op, _ in parsed):
        return None
    return "".join(chr(code) for _, code in parsed)


def _system(s: dict) -> CommentSystem:
    return CommentSystem(
        name=s["name"],
        start=_union(s.get("start", [])),
        header_chrome=_union(s.get("header_chrome", [])),
        end=_union(s.get("end", [])),
        comment_headers=_each(s.get("comment_header", [])),
        comment_footers=_each(s.get("comment_footer", [])),
        comment_chrome=_union(s.get("comment_chrome", [])),
        comment_trailer=_union(s.get("comment_trailer", [])),
    )


def _forum(table: dict) -> ForumRules | None:
    entry = next((s for s in table["system"] if "post_header" in s), None)
    if entry is None:
        return None
    return ForumRules(
        post_headers=_each(entry["post_header"]),
        profile=_union(entry.get("profile", [])),
        post_end=_union(entry.get("post_end", [])),
        quotes=_each(entry.get("quote", [])),
        subjects=_each(entry.get("subject", [])),
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
    rows, word = _button_patterns(generic.get("buttons", []))
    generic_system = _system(generic)
    return Rules(
        systems=systems,
        generic=generic_system,
        chrome=_union(table["chrome"]["lines"]),
        article_end=_union(table["article"]["end"]),
        byline_forms=_union(table["article"].get("byline", [])),
        dateline_forms=_union(table["article"].get("dateline", [])),
        not_names=_union(names["not_names"]),
        placeholders=_union(names["placeholders"]),
        badges=_union(names["badges"]),
        any_comment_chrome=_union(all_chrome),
        any_end=_union(all_end),
        reply_to=_each(generic.get("reply_to", [])),
        button_row=rows,
        button_word=word,
        header_forms=[(s.name, p) for s in (*systems, generic_system) for p in s.comment_headers],
        author_label=_union(table["article"].get("author_label", [])),
        any_header_chrome=_union(
            [p for s in table["system"] for p in (*s.get("header_chrome", []), *s.get("start", []))]
        ),
        forum=_forum(table),
        any_start=_union([p for s in [*table["system"], generic] for p in s.get("start", [])]),
    )
