"""The article part of a page: title, byline and body, chrome removed."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from tasks.segment.dates import DATE_PATTERN
from tasks.segment.lines import Line, wrapped_on
from tasks.segment.rules.shapes import (
    is_byline,
    is_date,
    is_menu_row,
    is_name_shaped,
    is_prose,
    is_sentence,
    is_title_shaped,
    text_words,
    word_count,
)
from tasks.segment.rules.table import Rules

_BREADCRUMB = re.compile(r"\s[>»›]\s")
_BYLINE_START = re.compile(r"(?:by|posted|written|published|words|text|reporting)\b", re.IGNORECASE)
_DATE_IN = re.compile(DATE_PATTERN, re.IGNORECASE)
_SIGNED = re.compile(r"(?P<name>\S.{0,40}?)\s+(?:" + DATE_PATTERN + r")", re.IGNORECASE)
_AUTHOR_JOINERS = frozenset({"and", "&", "und", "et", "y", "e"})  # 'Jane Doe' / 'and' / 'John Roe'
# a like or comment count under a headline ('57', '1.2K')
_COUNT = re.compile(r"[\d.,]+\s?[km]?", re.IGNORECASE)
# what parts a date from the author's name: '— Jane', 'by Jane' ('| Local News' is a section)
_NAME_LEAD = re.compile(r"\s*(?:[—–-]|by\s)\s*", re.IGNORECASE)
LONG_PARAGRAPH_WORDS = 15
MIN_BODY_WORDS = 12  # below this, a body without any sentence is menu debris  # a paragraph this long is article text, never a headline
TITLE_LOOKBACK = 15  # lines above the first paragraph searched for its headline
STANDFIRST_LINES = 3  # a standfirst and a photo caption over the byline; more is article text
SHORT_LINE_WORDS = 3  # tags, categories, section names between a headline and its text


@dataclass(slots=True)
class Article:
    title: str | None
    byline: str | None
    body_lines: list[Line]
    trace: dict[str, str]
    date_text: str | None = None


@lru_cache(maxsize=4096)
def _date_in_byline(byline: str) -> str | None:
    """The first date a byline shows, when at least 8 characters long (remembered: an author's
    byline comes back on each of their pages, and the date pattern is slow to search)."""
    found = _DATE_IN.search(byline)
    return found.group(0) if found and len(found.group(0)) >= 8 else None


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


class _Page:
    """The article region with the page-independent tests the title and body rules share."""

    def __init__(
        self, lines: list[Line], rules: Rules, boilerplate: frozenset[str], wrap: int | None = None
    ) -> None:
        self.lines, self.rules, self.boilerplate, self.wrap = lines, rules, boilerplate, wrap
        self.authors = {  # names shown under an author label ('Written by' / 'Jane Doe'), wherever repeated
            b.key
            for a, b in zip(lines, lines[1:], strict=False)
            if rules.is_author_label(a.plain) and is_name_shaped(b.plain)
        }

    def chrome(self, line: Line) -> bool:
        found = line.memo.get("page_chrome")
        if found is None:
            found = line.memo["page_chrome"] = (
                self.rules.is_chrome(line.plain)
                or (bool(self.boilerplate) and line.key in self.boilerplate)
                or is_menu_row(line.loose)
            )
        return found

    def byline(self, line: Line) -> bool:
        """An author line; a top-level heading is a headline even when it reads 'Paxos By Example'."""
        found = line.memo.get("page_byline")
        if found is None:
            if line.heading == 1:
                found = False
            elif is_byline(line.plain) or self.rules.is_byline_form(line.plain):
                found = not self.rules.is_chrome(line.plain)  # '6 min read' alone names nobody
            else:
                found = line.key in self.authors
            line.memo["page_byline"] = found
        return found

    def dated(self, line: Line) -> bool:
        """A date alone, or a date line with a label ('Updated 14:22, 19 October 2021')."""
        return is_date(line.plain) or self.rules.is_dateline(line.plain)

    def metadata(self, line: Line) -> bool:
        """Lines between a headline and its text: dates, bylines, chrome, link rows."""
        found = line.memo.get("page_metadata")
        if found is None:
            found = line.memo["page_metadata"] = (
                self.dated(line) or self.byline(line) or self.chrome(line) or line.link_only
            )
        return found

    def first_prose(self, start: int = 0, stop: int | None = None) -> int | None:
        """The first paragraph of the page's own text (a quote or a byline is not one) from `start`
        (before `stop`)."""
        for i in range(start, len(self.lines) if stop is None else min(stop, len(self.lines))):
            line = self.lines[i]
            if (
                is_prose(line.plain)
                and not (
                    self.chrome(line)
                    or line.link_only
                    or self.byline(line)
                    or self.rules.is_dateline(line.plain)
                )
                and not line.raw.lstrip().startswith(">")
            ):
                return i
        return None

    def first_long(self, start: int = 0) -> int | None:
        """The first long paragraph; a breadcrumb trail ('Home > News > Headline') is not one."""
        for i in range(start, len(self.lines)):
            text = self.lines[i].plain
            if word_count(text) < LONG_PARAGRAPH_WORDS or self.chrome(self.lines[i]):
                continue
            if _BREADCRUMB.search(text) and not is_sentence(text):
                continue
            return i
        return None

    def candidate(self, line: Line) -> bool:
        return is_title_shaped(line.plain) and not self.metadata(line)


def _echoed(line: Line, preamble: list[Line]) -> bool:
    """The headline is shown twice, alone or inside the page title ('Site: Headline', 'Headline | Site')."""
    key = line.key
    if word_count(key) < 3:
        return sum(1 for other in preamble if other.key == key) >= 2
    return any(other.idx != line.idx and key in other.key for other in preamble)


def _navigation(page: _Page, line: Line) -> bool:
    """The site's navigation row ('Recipes | FAQ | Contact', 'Episodes  Guests  Transcripts'): a menu
    row that is no share bar, date line or byline."""
    text = line.plain
    return (
        is_menu_row(line.loose)
        and not page.rules.is_chrome(text)
        and not (page.dated(line) or page.byline(line))
    )


def _named_after_date(text: str) -> bool:
    """A date line that goes on with a dash or 'by' and a person's name ('8 March 2015 — Jane Doe'):
    two to four capitalised words, so that '— 5 min read' or a row of tags is no name."""
    found = _DATE_IN.match(text)
    if found is None:
        return False
    lead = _NAME_LEAD.match(text, found.end())
    if lead is None:
        return False
    rest = text[lead.end() :].strip(" *_")
    tokens = rest.split()
    return (
        2 <= len(tokens) <= 4
        and all(t[:1].isupper() and not any(c.isdigit() for c in t) for t in tokens)
        and is_name_shaped(rest)
    )


def _over_its_dateline(page: _Page, i: int) -> bool:
    """A line with the article's date line right under it ('Webfaction LetsEncrypt Django' over
    'Sat 31 December 2016 Jane Doe python'): a headline, however short."""
    below = page.lines[i + 1] if i + 1 < len(page.lines) else None
    return (
        below is not None
        and below.gap == 0
        and not page.chrome(below)
        and page.rules.is_dateline(below.plain)  # a bare date may as well sit under an author's name
    )


def _headline_above(page: _Page, prose: int) -> Line | None:
    """The headline right above the text, past its dates, bylines, tags and share links."""
    preamble = page.lines[:prose]
    skipped = False  # short lines (tags, counters) passed: a short headline must be echoed or a heading
    for i in range(prose - 1, max(-1, prose - 1 - TITLE_LOOKBACK), -1):
        line = page.lines[i]
        if _navigation(page, line):
            return None  # above the site's navigation is its masthead (name, tagline), not a headline
        if page.metadata(line):
            continue
        words = text_words(line.plain)
        first = not skipped and all(page.metadata(other) for other in preamble[:i])
        if page.candidate(line) and (
            words > SHORT_LINE_WORDS
            or line.heading
            or first
            or _echoed(line, preamble)
            or _over_its_dateline(page, i)
        ):
            return line
        if words <= SHORT_LINE_WORDS and not is_prose(line.plain):
            skipped = True
            continue
        return None
    return None


def _signature(text: str) -> bool:
    """A post signed under its text with a name and a date ('yamaaruki 2024-03-17 20:15')."""
    found = _SIGNED.fullmatch(text)
    return found is not None and is_name_shaped(found.group("name"))


def _names_over_date(page: _Page, i: int) -> int | None:
    """Under a headline, names with the date right under them ('Jane Doe' / '8 May 2024', or 'Jane
    Doe' / 'and' / 'John Roe' / '8 May 2024') are the byline: the index of the date line, or None."""
    lines = page.lines
    while i < len(lines) and is_name_shaped(lines[i].plain) and not page.chrome(lines[i]):
        below = lines[i + 1] if i + 1 < len(lines) else None
        if below is None:
            return None
        if page.dated(below):
            return i + 1
        if below.key not in _AUTHOR_JOINERS:
            return None
        i += 2
    return None


def _wraps_on(page: _Page, i: int) -> bool:
    """Line i is part of a hard-wrapped paragraph: it reaches the wrap width and the sentence goes
    on in the next line ('…will leave Holm Island at' / '7.10 instead of 6.15, …')."""
    nxt = page.lines[i + 1] if i + 1 < len(page.lines) else None
    return (
        nxt is not None
        and nxt.gap == 0
        and (page.wrap is None or wrapped_on(page.lines[i], page.wrap))
        and not nxt.plain[:1].isupper()
    )


def _standfirst(page: _Page, i: int) -> int | None:
    """Where the metadata resumes when lines i.. are the standfirst (a teaser sentence, maybe a photo
    caption) between the headline and its byline or date: the article's text follows them."""
    lines = page.lines
    for k in range(i + 1, min(i + 1 + STANDFIRST_LINES, len(lines))):
        line = lines[k]
        if page.byline(line) or page.dated(line) or _names_over_date(page, k) is not None:
            text = page.first_prose(k + 1, k + 1 + STANDFIRST_LINES)
            return k if text is not None else None
    return None


def _deck_under(page: _Page, i: int) -> bool:
    """The line under the headline at i is its deck (subtitle): title-shaped and no sentence, right
    under it (a lower-level heading in markdown), longer than a label."""
    if i + 1 >= len(page.lines):
        return False
    head, deck = page.lines[i], page.lines[i + 1]
    if not page.candidate(deck) or is_sentence(deck.plain):
        return False
    if head.heading or deck.heading:
        return bool(deck.heading) and (not head.heading or deck.heading > head.heading)
    return deck.gap == 0 and word_count(deck.plain) > SHORT_LINE_WORDS


def _headline_over_deck(page: _Page, line: Line) -> Line:
    """The headline when `line` is the deck under it ('Semer les tomates trop tôt' over
    'Confessions d'une jardinière impatiente'; '# Title' over '### Subtitle'): a longer title-shaped
    line right above, or a higher-level heading, that is not the site's name atop the page."""
    if line.idx == 0:
        return line
    up = page.lines[line.idx - 1]
    if not page.candidate(up) or _navigation(page, up):
        return line
    if up.heading or line.heading:  # a site's name as a heading atop the page is a link: no candidate
        return up if up.heading and (not line.heading or up.heading < line.heading) else line
    # a short line over a headline is a section label ('World News'), not a headline
    over = line.gap == 0 and word_count(up.plain) > SHORT_LINE_WORDS
    if not over or all(page.metadata(other) for other in page.lines[: up.idx]):
        return line
    return up


def find_title(page: _Page, hint: str | None) -> tuple[str | None, int | None, str]:
    """(title, index of the line that shows it or None, rule). The anchor is where the body may begin."""
    lines = page.lines
    if hint:
        want = _norm(hint)
        for line in lines:
            if line.key == want:  # `plain` is whitespace-normalised: its key is its _norm
                return line.plain, line.idx, "metadata"
        return hint.strip(), None, "metadata"
    prose = page.first_prose()
    for _ in range(3):
        if prose is None:
            break
        found = _headline_above(page, prose)
        text = lines[prose].plain
        shaped = page.candidate(lines[prose]) and (
            word_count(text) < LONG_PARAGRAPH_WORDS or not is_sentence(text)
        )
        # a long headline taken for the first paragraph, under the site's name atop the page
        masthead = (
            found is not None
            and shaped
            and not is_sentence(text)
            and not _wraps_on(page, prose)
            and found.idx < prose - 1  # site chrome between them
            and all(page.metadata(other) for other in lines[: found.idx])
        )
        if found is not None and not masthead:
            headline = _headline_over_deck(page, found)
            if headline is not found:
                return headline.plain, headline.idx, "headline_over_deck"
            return found.plain, found.idx, "line_before_text"
        if not shaped:
            break
        prose = page.first_prose(prose + 1)  # that 'paragraph' was a headline ('?', '!' or no end)
    prose = page.first_prose()
    end = prose if prose is not None else len(lines)
    preamble = lines[:end]
    keys = Counter(line.key for line in preamble)
    h1 = [line for line in preamble if line.heading == 1 and page.candidate(line)]
    if h1:
        return h1[-1].plain, h1[-1].idx, "markdown_h1"
    for line in preamble:
        if keys[line.key] >= 2 and page.candidate(line):
            return line.plain, line.idx, "repeated_line"
    for line in preamble[:80]:
        if line.heading and page.candidate(line):
            return line.plain, line.idx, "markdown_heading"
    first = next((ln for ln in lines if not page.metadata(ln)), None)
    if (  # a page that opens with a headline-shaped line standing alone
        first is not None
        and page.candidate(first)
        and not first.plain.endswith(".")
        and word_count(first.plain) < LONG_PARAGRAPH_WORDS + 5
        and first.idx + 1 < len(lines)
        and lines[first.idx + 1].gap > 0
    ):
        return first.plain, first.idx, "first_line"
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


def split_article(
    lines: list[Line],
    hint_title: str | None,
    rules: Rules,
    boilerplate: frozenset[str] = frozenset(),
    document: bool = False,
    wrap: int | None = None,
) -> Article:
    """Title, byline and body lines of the article region (the lines before any comment section).

    `document`: the page came with front matter (a markdown document, not a page dump with menus).
    """
    page = _Page(lines, rules, boilerplate, wrap)
    trace: dict[str, str] = {}
    title, anchor, trace["title"] = find_title(page, hint_title)
    title_key = _norm(title) if title else None
    byline: str | None = None
    date_text: str | None = None
    trace["byline"] = "none"

    if anchor is not None:
        anchor = _last_repeat_before(lines, anchor, page.first_long(anchor + 1))
        start = anchor + (2 if _deck_under(page, anchor) else 1)  # a deck is neither title nor text
        skipped = 0  # standfirst-like lines passed over
        # metadata lines between the title and the text: byline, dates, share bars
        while start < len(lines):
            line = lines[start]
            text = line.plain
            if page.byline(line) and not is_prose(text.rstrip(".")):
                if byline is None:  # the first author line; a repeat of it (an author box) is skipped
                    byline, trace["byline"] = line.text, "by_pattern"
            elif byline is None and (date_at := _names_over_date(page, start)) is not None:
                byline = " ".join(ln.text for ln in lines[start:date_at])
                trace["byline"] = "name_over_date"
                start = date_at - 1  # on to the date line
            elif page.dated(line):
                date_text = date_text or text
                if byline is None and _named_after_date(text):  # '8 March 2015 — Piotr Zawadzki'
                    byline, trace["byline"] = line.text, "date_then_name"
            elif not (
                page.chrome(line)
                or line.link_only
                or line.key == title_key
                or _COUNT.fullmatch(text)
                or line.key in _AUTHOR_JOINERS
            ):
                resume = None if date_text or skipped >= 2 else _standfirst(page, start)
                if resume is None:
                    break
                skipped += 1  # a standfirst, then maybe the author's one-line bio under the byline
                trace["standfirst" if skipped == 1 else "author_note"] = (
                    f"lines {line.idx}-{lines[resume - 1].idx}"
                )
                start = resume
                continue
            start += 1
    elif document:  # a document with its own metadata: the text begins at once
        start = next((i for i, ln in enumerate(lines) if not page.metadata(ln)), 0)
    else:
        start = page.first_prose() or 0
        if start > 0 and page.byline(lines[start - 1]):
            byline, trace["byline"] = lines[start - 1].text, "by_pattern"
    if date_text is None and byline is not None:  # 'By Jane · April 4, 2022'
        date_text = _date_in_byline(byline) if len(byline) <= 200 else _date_in_byline.__wrapped__(byline)
    if date_text is None and anchor is not None:
        date_text = next((ln.plain for ln in lines[max(0, anchor - 3) : anchor] if is_date(ln.plain)), None)
    trace["body_start"] = (
        f"line {lines[start].row + 1}: {lines[start].plain[:60]!r}" if start < len(lines) else "empty"
    )

    body: list[Line] = []
    for line in lines[start:]:
        if body and rules.ends_article(line.plain) and any(is_prose(b.plain) for b in body):
            trace["body_end"] = f"line {line.row + 1}: article end marker {line.plain[:40]!r}"
            break
        if not page.chrome(line) and (title_key is None or line.key != title_key):
            body.append(line)
    while body:  # share bars, tag lists, 'related' headings, a closing byline left at the end
        last = body[-1]
        closing_byline = (
            is_byline(last.plain) and _BYLINE_START.match(last.plain) and not is_prose(last.plain.rstrip("."))
        )  # 'By Jane Doe', not 'By March it floated, leaked a little and sailed better than I deserve.'
        if closing_byline or rules.is_byline_form(last.plain) or _signature(last.plain):
            if byline is None:
                byline, trace["byline"] = last.text, "by_pattern_after_text"
        elif not (last.heading or last.link_only or is_date(last.plain) or page.chrome(last)):
            break
        body.pop()
    if not any(is_prose(b.plain) for b in body) and sum(word_count(b.plain) for b in body) < MIN_BODY_WORDS:
        body = []  # a few menu words and nothing sentence-like: no article text
    trace.setdefault("body_end", f"line {body[-1].row + 1}" if body else "empty")
    return Article(title, byline, body, trace, date_text)
