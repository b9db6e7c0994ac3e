"""The comment section of a page: where it starts and ends, and one comment per reader post.

A reader splits a comment section with a few cues, in this order of strength:
  1. a system's own header form ('Jane says:', 'Jane said...', 'Jane • 5 years ago'), or a short
     name-shaped line followed by a date: when a page shows two or more such headers, every
     comment has one (the page's template), and text after a comment's buttons that no header
     opens is not a comment (sidebars, footers);
  2. a footer form that names the author after the text ('Posted by: Jane | date');
  3. without a template: a short name-shaped line followed by text, and a wider gap than
     paragraphs inside a comment (two or more blank lines) before text: a new comment whose
     author the page does not show (anonymous).
Lines that are per-comment chrome (Reply, Like, vote counts, dates) are never text. Replies are
threaded from the page's own cues: 'Reply to Jane', 'Jane  Bob • 2 days ago', '@Jane', indentation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from tasks.segment.dates import DATE_PATTERN
from tasks.segment.lines import Line
from tasks.segment.rules.alternatives import LinePattern
from tasks.segment.rules.shapes import (
    is_byline,
    is_date,
    is_menu_row,
    is_name_shaped,
    is_prose,
    is_sentence,
    word_count,
)
from tasks.segment.rules.table import CommentSystem, Rules

HEADER_LOOKAHEAD = 25  # lines after a section start still searched for header chrome
MIN_TEMPLATE_HEADERS = 2  # headers that make a page's comment template
HEADER_MAX_CHARS = 140  # a name (up to 80) and a date: a longer line is text, never a header
HEADER_MAX_WORDS = 16
TITLE_HEADER_MAX_CHARS = 160  # a pingback's page title over its date
_HAS_DATE = re.compile(r"\b(?:" + DATE_PATTERN + r")(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=32_768)
def _has_date(text: str) -> bool:
    """A date somewhere in the text (remembered per text: the date pattern is slow to search)."""
    return _HAS_DATE.search(text) is not None


_INITIAL = re.compile(r"(?:^|[\s.])\w\.$")
_QUOTE = re.compile(r"^\s*>\s?")
_SEPARATED = re.compile(r"\s[·|•]\s")
_AT_NAME = re.compile(r"^[_*]*@([^\s:,]+(?:\s[^\s:,]+){0,3})")
_LIST_ITEM = re.compile(r"^(\s*)(?:(\d{1,3})[.)]|[*+-])\s+(?=\S)")


@dataclass(slots=True)
class Section:
    system: str
    marker: int  # index of the line that opened the section
    start: int  # first line that may be comment content
    end: int  # first line after the section
    rule: str = "marker"  # marker | header_run


@dataclass(slots=True)
class Header:
    author: str | None
    system: str
    date: str | None = None
    reply_to: str | None = None
    lines: int = 1  # lines the header takes (a name line and its date line: 2)
    rule: str = "name_date"  # how a header of no comment system was found


@dataclass(slots=True)
class RawComment:
    author: str | None
    rule: str
    published_text: str | None = None
    paragraphs: list[list[Line]] = field(default_factory=list)
    indent: int = 0
    reply_to: str | None = None
    parent: int | None = None
    parent_rule: str | None = None

    def add(self, line: Line, new_paragraph: bool) -> None:
        if new_paragraph or not self.paragraphs:
            self.paragraphs.append([line])
        else:
            self.paragraphs[-1].append(line)


def _clean_name(name: str | None) -> str | None:
    if name is None:
        return None
    name = name.strip()
    while len(name) > 2 and name[0] in "*_" and name[-1] == name[0]:  # leftover emphasis: **Jane**
        name = name[1:-1].strip()
    return name or None


def _author(name: str | None, rules: Rules) -> str | None:
    name = _clean_name(name)
    if name and " " in name:  # 'Chiara Benedetti Mod': a badge shown after the name is not part of it
        first, last = name.rsplit(" ", 1)
        name = first if rules.badges.fullmatch(last) else name
    return None if not name or rules.placeholders.fullmatch(name) else name


def _unquote(line: Line) -> Line:
    """A line of a comment quoted as a whole ('> text' under '> **Jane** — date'): the quote mark off."""
    return replace(line, raw=_QUOTE.sub("", line.raw, count=1))


def _footer_line(line: Line, rules: Rules) -> bool:
    """Site footer after the last comment: link rows, chrome, menus, 'RSS · Built with Hugo'."""
    text = line.plain
    if line.link_only or rules.is_chrome(text) or is_menu_row(line.loose):
        return True
    return not is_prose(text) and bool(_SEPARATED.search(text))


def _drop_footer(comment: RawComment, rules: Rules) -> None:
    while len(comment.paragraphs) > 1 and all(_footer_line(ln, rules) for ln in comment.paragraphs[-1]):
        comment.paragraphs.pop()


def _plausible_author(name: str | None, rules: Rules) -> bool:
    """A header's author group: a short name, not a button, not a sentence."""
    name = _clean_name(name)
    if not name or len(name) > 80 or len(name.split()) > 8:
        return False
    if rules.placeholders.fullmatch(name):  # 'Guest', 'Anónimo': a header without a shown name
        return True
    if is_byline(name):  # 'Posted by Jane at 9:21 AM' is the article's byline
        return False
    if name[-1] in ".!?;," and not _INITIAL.search(name):  # 'Peter M.' ends in an initial, not a sentence
        return False
    if _has_date(name):  # 'Posted on Jun 6, 2021 • Updated …' is a date line, not a name
        return False
    return not (rules.any_comment_chrome.fullmatch(name) or rules.not_names.fullmatch(name))


def _header_forms(line: Line, rules: Rules, generic: bool) -> list[tuple[str, LinePattern]]:
    """The systems' own header forms (or the generic ones) this line matches, in table order.

    Each kind is tried once per line, whichever system asks, and the generic forms (the costly
    'Name date' shapes) only when a caller needs them."""
    key = "generic_header_forms" if generic else "system_header_forms"
    forms = line.memo.get(key)
    if forms is None:
        text = line.plain
        if len(text) > HEADER_MAX_CHARS or text.count(" ") > HEADER_MAX_WORDS:
            forms = []
        else:
            forms = (rules.generic_header_forms if generic else rules.system_header_forms).matching(text)
        line.memo[key] = forms
    return forms


def system_header(line: Line, rules: Rules) -> Header | None:
    """`match_header(line, rules, "")` when that is a comment system's own form, else None: the
    generic forms come last, so they can only decide when no system's form does."""
    forms = _header_forms(line, rules, generic=False)
    return _match_header(line, rules, forms) if forms else None


def match_header(line: Line, rules: Rules, system: str) -> Header | None:
    """The comment header this line is, by any system's header forms (`system`'s first)."""
    key = ("header", system)
    if key in line.memo:
        return line.memo[key]
    forms = _header_forms(line, rules, generic=False) + _header_forms(line, rules, generic=True)
    if forms:  # `system`'s own forms first, the generic 'Name date' form last
        forms = sorted(forms, key=lambda f: (f[0] == rules.generic.name, f[0] != system))
    found = _match_header(line, rules, forms) if forms else None
    line.memo[key] = found
    return found


def _match_header(line: Line, rules: Rules, forms: list[tuple[str, LinePattern]]) -> Header | None:
    for name, pattern in forms:
        m = pattern.fullmatch(line.plain)
        if m and "reply_to" in pattern.groupindex:  # names side by side: told apart by the spaces between
            m = pattern.fullmatch(line.loose) or m
        if not m or not _plausible_author(m.group("author"), rules):
            continue
        if name == rules.generic.name and not is_name_shaped(_clean_name(m.group("author")) or ""):
            continue  # the generic 'Name  date' form: only a name-shaped author
        groups = m.groupdict()
        author, date = _unglue_day(_clean_name(m.group("author")), groups.get("date"))
        return Header(author, name, date, _clean_name(groups.get("reply_to")))
    return None


_GLUED_DAY = re.compile(r"(?<=[^\W\d])(\d{1,2})$")


def _unglue_day(author: str | None, date: str | None) -> tuple[str | None, str | None]:
    """'Jane15 August 2015 at 12:52': a text dump that glued the name link to the date link gives
    the day to the name. A date that starts with its month and a name ending in a day number: the
    number is the date's."""
    if not author or not date or not date[:1].isalpha():
        return author, date
    m = _GLUED_DAY.search(author)
    if m is None or not 1 <= int(m.group(1)) <= 31 or not is_date(f"{m.group(1)} {date}"):
        return author, date
    return author[: m.start()], f"{m.group(1)} {date}"


def _match_footer(line: Line, rules: Rules) -> Header | None:
    for name, pattern in rules.footers():
        m = pattern.fullmatch(line.plain)
        if m and _plausible_author(m.group("author"), rules):
            return Header(_clean_name(m.group("author")), name, m.groupdict().get("date"))
    return None


def find_section(lines: list[Line], rules: Rules) -> Section | None:
    """The comment section: the first marker after some article text, or else the first run of
    comment headers after it (a page whose section heading is in no table)."""
    seen_prose = False
    marker: Section | None = None
    first_header: tuple[int, Header] | None = None
    header_count = 0
    for i, line in enumerate(lines):
        if not seen_prose:
            seen_prose = is_prose(line.plain) and not rules.is_chrome(line.plain)
            continue
        if marker is None:
            system = rules.opening_system(line.plain)
            if system is not None:
                i = _last_same_heading(lines, i) if system is rules.generic else i
                marker = _bounds(lines, i, system, rules)
        header = system_header(line, rules)  # 'Name date' alone makes no section
        if header is not None:
            header_count += 1
            if first_header is None:
                first_header = (i, header)
        if marker is not None and (first_header is None or first_header[0] > marker.marker):
            return marker
        if header_count >= MIN_TEMPLATE_HEADERS and first_header is not None:
            i0, h0 = first_header
            if marker is not None and marker.marker < i0:
                return marker
            section = _bounds(lines, i0 - 1, rules.system(h0.system), rules)
            section.marker, section.start, section.rule = i0, i0, "header_run"
            return section
    return marker or _trailer_section(lines, rules)


def _trailer_section(lines: list[Line], rules: Rules) -> Section | None:
    """A section shown only by the row that closes each comment ('LikeLike' under every comment,
    no heading, no names): two or more such rows with text between them. The first comment reaches
    back over the prose paragraphs above its row, up to the article's last line that is not prose
    (a sign-off, a heading, a link row)."""
    first_prose = next((i for i, ln in enumerate(lines) if is_prose(ln.plain)), None)
    if first_prose is None:
        return None
    for system in rules.systems:
        if system.comment_trailer is None:  # no trailer rows: no section of this kind
            continue
        rows = [i for i in range(first_prose + 1, len(lines)) if system.is_trailer(lines[i].plain)]
        texts = [i for i in range(rows[0] + 1, rows[1]) if is_prose(lines[i].plain)] if len(rows) >= 2 else []
        if not texts:
            continue
        start = rows[0]
        while start - 1 > first_prose and is_prose(lines[start - 1].plain) and not lines[start - 1].heading:
            start -= 1
        if start == rows[0]:
            continue  # no text above the first row: a share bar, not a comment
        end = next(
            (j for j in range(rows[-1], len(lines)) if rules.any_end.fullmatch(lines[j].plain)), len(lines)
        )
        return Section(system.name, start, start, end, "trailer")
    return None


def _last_same_heading(lines: list[Line], i: int) -> int:
    """A generic heading shown twice ('Comments' in the page header, linking down, and above the
    comments): the section is under the last one."""
    key = lines[i].key
    return max((j for j in range(i, len(lines)) if lines[j].key == key), default=i)


def _opens_comment(lines: list[Line], j: int, rules: Rules) -> bool:
    """A comment header, or a name line right above a date ('Guest' / '2 years ago')."""
    if match_header(lines[j], rules, "") is not None:
        return True
    return j + 1 < len(lines) and is_name_shaped(lines[j].plain) and is_date(lines[j + 1].plain)


def _bounds(lines: list[Line], marker: int, system: CommentSystem, rules: Rules) -> Section:
    start = marker + 1
    for j in range(marker + 1, min(len(lines), marker + 1 + HEADER_LOOKAHEAD)):
        text = lines[j].plain
        closes = system.closes_section(text) or rules.any_end.fullmatch(text)
        if closes and lines[j].link_only:  # '[Leave a comment](#respond)' under the heading: a jump link
            start = j + 1
            continue
        if closes:
            break
        if system.is_header_chrome(text) or rules.generic.is_header_chrome(text):
            start = j + 1
        elif rules.is_any_header_chrome(text) and not _opens_comment(lines, j, rules):
            start = j + 1  # another system's header chrome ('8 Comments', then wpDiscuz's 'Notify of')
        elif is_prose(text) or _opens_comment(lines, j, rules):
            break  # the first comment: header chrome further down belongs to the section's end
    end = len(lines)
    for j in range(start, len(lines)):
        if system.closes_section(lines[j].plain) or rules.any_end.fullmatch(lines[j].plain):
            end = j
            break
    return Section(system.name, marker, start, end)


AUTHOR_MAX_CHARS = 80  # the comments suite's longest display name
_SITE_SEPARATOR = re.compile(r"\s[-–—|»]\s")


def _pingback_author(title: str) -> str | None:
    """A pingback's author: the linking page's title as shown, or, when that is longer than a name
    may be, the site name after its last separator ('Long headline – Example News')."""
    if len(title) <= AUTHOR_MAX_CHARS:
        return title
    site = _SITE_SEPARATOR.split(title)[-1].strip()
    return site if site != title and 0 < len(site) <= AUTHOR_MAX_CHARS else None


class _Walker:
    """Line classification shared by the three ways of splitting a section."""

    def __init__(self, region: list[Line], rules: Rules, system: CommentSystem) -> None:
        self.region, self.rules, self.system = region, rules, system

    def buttons(self, line: Line) -> bool:
        """Per-comment chrome: reply/like/vote buttons and badges."""
        key = ("buttons", self.system.name)
        found = line.memo.get(key)
        if found is None:
            found = line.memo[key] = self._buttons(line.plain)
        return found

    def _buttons(self, text: str) -> bool:
        """The system's chrome or trailer rows, any system's chrome rows, badges, button rows."""
        if self.rules.per_comment_chrome(self.system).fullmatch(text) is not None:
            return True
        return self.rules.is_button_row(text)

    def chrome(self, line: Line) -> bool:
        key = ("chrome", self.system.name)
        found = line.memo.get(key)
        if found is None:
            found = line.memo[key] = self.buttons(line) or self.rules.is_chrome(line.plain)
        return found

    def reply_to(self, line: Line) -> str | None:
        for pattern in self.rules.reply_to:
            m = pattern.fullmatch(line.plain)
            if m:
                return _clean_name(m.group("name"))
        return None

    def next_content(self, k: int) -> int | None:
        for j in range(k + 1, len(self.region)):
            if not self.chrome(self.region[j]):
                return j
        return None

    def name_line(self, k: int) -> bool:
        line = self.region[k]
        found = line.memo.get("name_line")
        if found is None:
            text = line.plain
            found = line.memo["name_line"] = is_name_shaped(text) and not self.rules.not_names.fullmatch(text)
        return found

    def place_then_date(self, k: int) -> int | None:
        """The date line's index when the name at k has a place right under it, then the date,
        three lines in a row; None otherwise."""
        if k + 2 >= len(self.region):
            return None
        place, date = self.region[k + 1], self.region[k + 2]
        if place.gap or date.gap or not self.name_line(k + 1) or not is_date(date.plain):
            return None
        return k + 2

    def _after_header(self, found: dict[int, Header], k: int) -> bool:
        """Line k comes right after the last header found (chrome aside): that header's date line."""
        if not found:
            return False
        h, header = next(reversed(found.items()))
        return all(self.chrome(self.region[x]) for x in range(h + header.lines, k))

    def date_then_name(self, k: int) -> Header | None:
        """A date line, then the commenter's name, then text ('At 8 March 2015, 14:22' / 'Jane'):
        the name must not be followed by a date, or it opens a comment of its own (name, date)."""
        j = self.next_content(k)
        if j is None or not self.name_line(j):
            return None
        after = self.next_content(j)
        if after is None or is_date(self.region[after].plain) or self.name_line(after):
            return None
        return Header(self.region[j].plain, "", self.region[k].plain, None, j - k + 1, "date_name")

    def date_list(self, j: int) -> bool:
        """A date followed by more dates: an archive widget ('February 2024', 'January 2024', …)."""
        return j + 1 < len(self.region) and is_date(self.region[j + 1].plain)

    def titled_link(self, k: int) -> bool:
        """A pingback: the linking page's title, its date on the next line, then its excerpt. The
        title is longer than a name but no sentence, and the date is not the end of a comment
        (the line after it is text, not the next header)."""
        if k + 2 >= len(self.region):
            return False
        line, date, after = self.region[k], self.region[k + 1], self.region[k + 2]
        return (
            len(line.plain) <= TITLE_HEADER_MAX_CHARS
            and is_date(date.plain)
            and not is_sentence(line.plain)
            and not self.chrome(line)
            and not is_date(line.plain)
            and not self.chrome(after)
            and match_header(after, self.rules, self.system.name) is None
        )

    def placeholder(self, k: int) -> bool:
        return self.rules.placeholders.fullmatch(_clean_name(self.region[k].plain) or "") is not None

    def headers(self) -> dict[int, Header]:
        """Lines that open a comment: a header form, or a name line whose next content is a date."""
        found: dict[int, Header] = {}
        k = 0
        while k < len(self.region):
            line = self.region[k]
            header = match_header(line, self.rules, self.system.name)
            if header is None and self.name_line(k) and (self.placeholder(k) or not self.chrome(line)):
                j = self.next_content(k)
                if j is not None and self.name_line(j) and not is_date(self.region[j].plain):
                    j = self.place_then_date(k)  # 'Jane Doe' / 'Dayton, OH' / 'Aug. 21', line by line
                if j is not None and is_date(self.region[j].plain) and not self.date_list(j):
                    header = Header(line.plain, "", self.region[j].plain, None, j - k + 1)
            if header is None and is_date(line.plain) and not self._after_header(found, k):
                header = self.date_then_name(k)
            if header is None and self.titled_link(k):
                header = Header(_pingback_author(line.plain), "", self.region[k + 1].plain, None, 2)
            if header is not None:
                found[k] = header
                k += header.lines
                continue
            k += 1
        return found


def _by_template(walker: _Walker, headers: dict[int, Header], rules: Rules) -> list[RawComment]:
    comments: list[RawComment] = []
    current: RawComment | None = None
    closed = False
    skip_until = -1
    quoted = False  # the current comment's header is quoted: its text lines are too
    for k, line in enumerate(walker.region):
        if k < skip_until:
            continue
        if k in headers:
            h = headers[k]
            rule = f"{h.system}_header" if h.system else h.rule
            current = RawComment(
                _author(h.author, rules), rule, h.date, indent=line.indent, reply_to=h.reply_to
            )
            comments.append(current)
            closed, skip_until = False, k + h.lines
            quoted = line.raw.lstrip().startswith(">")
            continue
        if current is None:
            continue
        target = walker.reply_to(line)
        if target is not None and not current.paragraphs:
            current.reply_to = current.reply_to or target
            continue
        if walker.chrome(line):  # a button after the text ends it; a bare vote count does not
            button = walker.buttons(line) and any(ch.isalpha() for ch in line.plain)
            closed = closed or (bool(current.paragraphs) and button)
            continue
        if is_date(line.plain):
            current.published_text = current.published_text or line.plain
            continue
        if closed:
            continue  # after a comment's buttons and before the next header: not a comment
        if quoted and _QUOTE.match(line.raw):
            line = _unquote(line)
        current.add(line, new_paragraph=line.gap > 0)
    return comments


def _by_footer(walker: _Walker, rules: Rules) -> list[RawComment]:
    comments: list[RawComment] = []
    current: RawComment | None = None
    for line in walker.region:
        footer = _match_footer(line, rules)
        if footer is not None:
            if current is not None and current.paragraphs:
                current.author, current.published_text = _author(footer.author, rules), footer.date
                current.rule = f"{footer.system}_footer"
                comments.append(current)
            current = None
            continue
        if walker.chrome(line) or is_date(line.plain):
            continue
        if current is None:
            current = RawComment(None, "footer", indent=line.indent)
        current.add(line, new_paragraph=line.gap > 0)
    return comments  # text after the last footer is not signed: not a comment


def _list_items(region: list[Line]) -> set[int]:
    """Lines that open a comment shown as a list item ('1.  Great post…'): the numbered items at
    the outermost level, when there are two or more of them. Empty when the section is no list."""
    numbered = {}
    for k, line in enumerate(region):
        m = _LIST_ITEM.match(line.raw)
        if m and m.group(2):
            numbered[k] = len(m.group(1).expandtabs(4))
    if not numbered:
        return set()
    base = min(numbered.values())
    top = {k for k, indent in numbered.items() if indent == base}
    return top if len(top) >= MIN_TEMPLATE_HEADERS else set()


def _without_marker(line: Line) -> Line:
    return replace(line, raw=_LIST_ITEM.sub(r"\1", line.raw, count=1))


def _by_cues(walker: _Walker, rules: Rules) -> list[RawComment]:
    """No template: list items, name lines followed by text, and wide gaps, open comments."""
    region = walker.region
    items = _list_items(region)
    comments: list[RawComment] = []
    current: RawComment | None = None
    awaiting_text = False  # a header was seen; the next content line is its text
    after_chrome = True
    for k, line in enumerate(region):
        text = line.plain
        header = match_header(line, rules, walker.system.name)
        if header is None and walker.chrome(line):
            after_chrome = True
            continue
        if header is not None and not awaiting_text:
            current = RawComment(
                _author(header.author, rules), f"{header.system}_header", header.date, indent=line.indent
            )
            current.reply_to = header.reply_to
            comments.append(current)
            awaiting_text, after_chrome = True, False
            continue
        if current is not None and is_date(text):  # a date alone on a line is metadata, never text
            if after_chrome and current.paragraphs and not awaiting_text:  # after a comment's buttons:
                current = RawComment(None, "date_line", text, indent=line.indent)  # the next, unnamed
                comments.append(current)
                awaiting_text, after_chrome = True, False
                continue
            current.published_text = current.published_text or text
            continue
        if items and (k in items or (after_chrome and _LIST_ITEM.match(line.raw))):  # a reply: a nested item
            current = RawComment(None, "list_item", indent=line.indent)
            comments.append(current)
            current.add(_without_marker(line), new_paragraph=True)
            awaiting_text, after_chrome = False, False
            continue
        j = walker.next_content(k)
        nxt = region[j] if j is not None else None
        if (
            not awaiting_text
            and walker.name_line(k)
            and nxt is not None
            and (is_date(nxt.plain) or not is_name_shaped(nxt.plain) or nxt.gap > 0)
        ):
            current = RawComment(_author(text, rules), "name_line", indent=line.indent)
            comments.append(current)
            awaiting_text, after_chrome = True, False
            continue
        if current is None or (not awaiting_text and (line.gap >= 2 or after_chrome and current.paragraphs)):
            current = RawComment(None, "gap" if comments else "section_start", indent=line.indent)
            comments.append(current)
        current.add(line, new_paragraph=line.gap > 0 or awaiting_text)
        awaiting_text, after_chrome = False, False
    return comments


def _thread(comments: list[RawComment]) -> None:
    """Parent of each reply, from the cues the page shows (named target first, then indentation)."""
    indents = {c.indent for c in comments}
    for i, c in enumerate(comments):
        target = c.reply_to
        rule = "reply_to"
        if target is None and c.paragraphs:
            m = _AT_NAME.match(c.paragraphs[0][0].plain)
            if m:
                target, rule = m.group(1), "at_name"
        if target is not None:
            want = target.casefold().lstrip("@")
            for j in range(i - 1, -1, -1):
                author = (comments[j].author or "").casefold()
                if author and (author == want or (rule == "at_name" and want.startswith(author.split()[0]))):
                    c.parent, c.parent_rule = j, rule
                    break
            if c.parent is not None:
                continue
        if len(indents) > 1:
            for j in range(i - 1, -1, -1):
                if comments[j].indent < c.indent:
                    c.parent, c.parent_rule = j, "indent"
                    break


def split_comments(lines: list[Line], section: Section, rules: Rules) -> tuple[list[RawComment], str]:
    """The section's comments in page order, and the way they were split (for the trace)."""
    system = rules.system(section.system)
    walker = _Walker(lines[section.start : section.end], rules, system)
    headers = walker.headers()
    footers = sum(1 for line in walker.region if _match_footer(line, rules) is not None)
    if len(headers) >= MIN_TEMPLATE_HEADERS:
        comments, mode = _by_template(walker, headers, rules), "template"
    elif footers:
        comments, mode = _by_footer(walker, rules), "footer"
    else:
        comments, mode = _by_cues(walker, rules), "cues"
    comments = [c for c in comments if c.paragraphs and any(word_count(p[0].plain) for p in c.paragraphs)]
    if comments:
        _drop_footer(comments[-1], rules)
    _thread(comments)
    return comments, mode
