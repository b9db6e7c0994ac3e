"""Comment records found by their repetition, for pages where no reader found any comments.

A comment section repeats a unit: a header line (a name and a date, often links, numbers and
buttons around them), the comment's text, sometimes a row of buttons. Rendered to text, the
headers of one section share a *shape* — the sequence of their parts' kinds (link, date, time,
number, word run, punctuation) — whatever the words: `[#1楼](…) 2019-08-08 17:20 [Ann](…)` and
`[#2楼](…) 2019-08-08 18:06 [chen_hao](…)` are one shape. The shape that recurs, each time with
a date and a name and text of its own after it, marks the records; lines that recur in most
records (`[Like(0)] [Dislike(0)]`, `---|---`) are the unit's chrome, never text. The last record
ends where the unit's chrome, a wider blank gap than any inside a record, or a heading says so.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from tasks.models import Comment, Segmentation
from tasks.segment.dates import DATE_PATTERN, parse_date
from tasks.segment.features import cue_mask
from tasks.segment.lines import Line

_SECTION_BIT = 1 << 0  # cues.toml [section]: 'comments', 'Kommentare', 'обсуждение', '评论', ...
_ACTION_BIT = 1 << 1  # cues.toml [action]: 'reply', 'quote', 'ответить', '回复', ...
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\[\]]*)\]\([^)]*\)")
_DATE = re.compile(r"(?<!\w)(?:" + DATE_PATTERN + r")(?!\w)", re.IGNORECASE)
_CLOCK = re.compile(r"(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?\s?m\.?)?", re.IGNORECASE)
_TIME = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?!\d)")
_NUMBER = re.compile(r"\d+")
_WORDS = re.compile(r"[^\W\d_]+(?:[\s'’.-]+[^\W\d_]+)*")
_SPACES = re.compile(r"\s+")
_LEADING_IMAGES = re.compile(r"^(?:\[\s*!\[[^\]]*\]\([^)]*\)\s*\]\([^)]*\)|!\[[^\]]*\]\([^)]*\))\s*")

_MENTION = re.compile(r"@\[?([^\]\s:,]+)")  # '@Ann: …', '@[Ann](…)': a reply to Ann

MIN_RECORDS = 3  # two dated lines under a heading are as often teasers as comments
MAX_HEADER_CHARS = 160  # a header's text without link targets: a name, a date and a few buttons
MAX_NAME_CHARS = 40
MAX_RECORD_LINES = 60
SECTION_REACH = 25  # lines above the first record where the section's heading or count is looked for


@dataclass
class Found:
    """One comment record: its header line, the lines of its text, and what the header says."""

    header: int
    text: list[Line]
    author: str | None
    date: str | None


def _dates(text: str) -> list[str]:
    """The calendar dates and 'N days ago' times in `text` (a clock time alone is no date)."""
    return [
        m.group() for m in _DATE.finditer(text) if len(m.group()) >= 6 and not _CLOCK.fullmatch(m.group())
    ]


def shape(text: str) -> str:
    """The kinds of a line's parts in order — I image, L link, D date, T time, N number, W word
    run — punctuation and spaces left out, a run of one kind written once ('[a](…) [b](…)': L)."""
    text = _IMAGE.sub(" \x01 ", text)
    text = _LINK.sub(lambda m: " \x03 " if _dates(m.group(1)) else " \x02 ", text)
    text = _DATE.sub(lambda m: " \x03 " if len(m.group()) >= 6 else m.group(), text)
    text = _TIME.sub(" \x04 ", text)
    text = _NUMBER.sub(" \x05 ", text)
    text = _WORDS.sub(" \x06 ", text)
    kinds = [c for c in text if c in _KINDS]
    return "".join(_KINDS[c] for i, c in enumerate(kinds) if not i or kinds[i - 1] != c)


_KINDS = {"\x01": "I", "\x02": "L", "\x03": "D", "\x04": "T", "\x05": "N", "\x06": "W"}


def _near(a: str, b: str) -> bool:
    """Two header shapes one part apart (a badge, a vote count or a mood more or less)."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1 or min(len(a), len(b)) < 3:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def _usable(c: str) -> bool:
    if len(c) < 2 or len(c) > MAX_NAME_CHARS or len(c.split()) > 4 or not any(ch.isalpha() for ch in c):
        return False
    if _dates(c) or cue_mask([w.casefold() for w in re.findall(r"\w+", c)]):
        return False  # a button, a label ('Published', 'News'), a date word: no one's name
    return not re.fullmatch(r"#?\d+\W*\w?", c)  # '#1楼', '12.'


def _name(text: str) -> str | None:
    """The header's name: the first link text that is no number, date or button; else the
    header's first run of words, when it is none of those."""
    for m in _LINK.finditer(text):
        c = m.group(1).strip("*_ ")
        if _usable(c):
            return c
    bare = _DATE.sub(" | ", _LINK.sub(" | ", _IMAGE.sub(" ", text)))
    first = _WORDS.search(bare)
    c = first.group().strip("*_ ") if first else ""
    return c if _usable(c) else None


def _prose(line: Line) -> bool:
    """A line that reads as someone's words: no heading, list item, table row or bare link."""
    text = record_text(line)
    if line.heading or line.link_only or not text or text[0] in "#*-+|[!<":
        return False
    return len(text.split()) >= 3 or (len(text) >= 6 and not text.isascii())


def _chrome_key(line: Line) -> str:
    """A line as the unit's chrome repeats it: link targets, images and counts left out."""
    text = _LINK.sub(lambda m: "[" + m.group(1) + "]", _IMAGE.sub("", line.raw))
    return _SPACES.sub(" ", _NUMBER.sub("0", text)).strip()


def _is_header(line: Line) -> bool:
    bare = _LINK.sub(lambda m: m.group(1), _IMAGE.sub("", line.raw))
    return len(bare.strip()) <= MAX_HEADER_CHARS and bool(_dates(line.raw)) and line.heading == 0


def find_records(lines: list[Line], start: int = 0) -> list[Found]:
    """The comment records after line `start`, found by a recurring header shape; [] when no
    shape recurs with a name, a date and text of its own each time."""
    groups: list[tuple[str, list[int]]] = []
    for i in range(start, len(lines)):
        if _is_header(lines[i]):
            kinds = shape(lines[i].raw)
            group = next((g for g in groups if _near(g[0], kinds)), None)
            if group is None:
                groups.append((kinds, [i]))
            else:
                group[1].append(i)
    best: list[Found] = []
    for _, heads in groups:
        if len(heads) < MIN_RECORDS or not _announced(lines, heads[0]):
            continue
        found = _records(lines, heads)
        if len(found) > len(best):
            best = found
    return best


def _announced(lines: list[Line], first: int) -> bool:
    """A comment section's heading or count ('5 Comments', 'Обсуждение', '评论(4)') in the lines
    just above the first record: dated lists of teasers, events or posts have none."""
    for line in lines[max(0, first - SECTION_REACH) : first + 1]:
        if cue_mask(re.findall(r"\w+", line.plain.casefold())) & _SECTION_BIT:
            return True
    return False


def _records(lines: list[Line], heads: list[int]) -> list[Found]:
    names = [_name(lines[h].raw) for h in heads]
    if sum(n is not None for n in names) < max(MIN_RECORDS, len(heads) * 2 // 3):
        return []
    distinct = {n for n in names if n}
    if len(distinct) < max(MIN_RECORDS, len(heads) // 2):
        return []  # the same few names on every header: one author's posts, a column of labels
    spans = [(h, nxt) for h, nxt in zip(heads, heads[1:], strict=False)]
    if any(nxt - h < 2 or nxt - h > MAX_RECORD_LINES for h, nxt in spans):
        return []
    # the unit's chrome: line shapes that recur in most of the (complete) records
    seen: Counter[str] = Counter()
    for h, nxt in spans:
        seen.update({_chrome_key(ln) for ln in lines[h + 1 : nxt]})
    chrome = {k for k, n in seen.items() if n >= max(2, (len(spans) + 1) // 2) and len(spans) >= 2}

    def is_chrome(line: Line) -> bool:
        if _chrome_key(line) in chrome:
            return True
        return line.link_only and bool(cue_mask(re.findall(r"\w+", line.plain.casefold())) & _ACTION_BIT)

    texts = [[ln for ln in lines[h + 1 : nxt] if not is_chrome(ln)] for h, nxt in spans]
    inner_gaps = [ln.gap for t in texts for ln in t[1:]]
    widest = max(inner_gaps, default=1)
    longest = max((len(t) for t in texts), default=1)
    last: list[Line] = []
    for ln in lines[heads[-1] + 1 : heads[-1] + 1 + MAX_RECORD_LINES]:
        if ln.heading or (last and ln.gap > widest) or len(last) >= longest + 2:
            break
        if is_chrome(ln):
            if last:
                break
            continue
        last.append(ln)
    texts.append(last)
    if sum(bool(t) and _prose(t[0]) for t in texts) < max(2, -(-2 * len(texts) // 3)):
        return []  # what follows the headers is no one's words: teasers, listings, links
    return [
        Found(h, t, name, next(iter(_dates(lines[h].raw)), None))
        for h, t, name in zip(heads, texts, names, strict=True)
        if t
    ]


def record_text(line: Line) -> str:
    """A record line as comment text: without the avatar image a renderer put before it."""
    return _LEADING_IMAGES.sub("", line.raw.strip())


MAX_PEELED_CHARS = 80  # a section heading or rule line above the first record, not prose


def _body_before(body: str, lines: list[Line], first: int) -> str:
    """`body` cut where the records' section begins in it: at the first header, and before the
    short lines right above it that the body holds contiguously (a heading, a table rule)."""
    cut = body.rfind(lines[first].raw.strip())
    if cut < 0:
        return body
    for line in reversed(lines[max(0, first - 3) : first]):
        text = line.raw.strip()
        if len(text) > MAX_PEELED_CHARS:
            break
        at = body.rfind(text, 0, cut)
        if at < 0 or body[at + len(text) : cut].strip():
            break
        cut = at
    return body[:cut].rstrip()


def add_records(seg: Segmentation, lines: list[Line], scraped_at: datetime | None) -> bool:
    """Give `seg` the records a recurring header shape marks, and take their section out of its
    body, when it has no comments or comments with fewer names than the records give (a line
    model's reading of a section it could not split). True when it did."""
    found = find_records(lines)
    if not found:
        return False
    if seg.comments and sum(bool(c.author) for c in seg.comments) >= sum(bool(r.author) for r in found):
        return False
    seg.comments = []
    for key in [k for k in seg.trace if k.startswith("comment ")]:
        del seg.trace[key]  # the earlier reading's comments
    by_author: dict[str, int] = {}
    for n, rec in enumerate(found):
        text = "".join(
            ("\n\n" if ln.gap else "\n") * bool(i) + record_text(ln) for i, ln in enumerate(rec.text)
        )
        mention = _MENTION.match(text)
        parent = by_author.get(mention.group(1)) if mention else None
        seg.comments.append(
            Comment(
                position=n,
                author=rec.author,
                text=text,
                rule="repeated_header",
                parent_position=parent,
                published_text=rec.date,
                published_at=parse_date(rec.date, scraped_at),
            )
        )
        if rec.author:
            by_author[rec.author] = n
    seg.body = _body_before(seg.body, lines, found[0].header)
    if seg.comment_system in (None, "generic"):  # no system named: as the HTML miner's 'html-records'
        seg.comment_system = "text-records"
    seg.trace["comment_section"] = (
        f"repeated headers: {len(found)} records from line {lines[found[0].header].row + 1}, "
        f"each a header of the shape {shape(lines[found[0].header].raw)}"
    )
    return True
