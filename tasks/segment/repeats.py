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

import bisect
import re
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from functools import cache

from tasks.models import Comment, Segmentation
from tasks.segment.dates import DATE_PATTERN, parse_date
from tasks.segment.features import CUE_BIT, STOPWORDS, _cues, cue_mask
from tasks.segment.lines import Line

_ACTION_BIT, _MORE_BIT, _BADGE_BIT = (CUE_BIT[k] for k in ("action", "more", "badge"))
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\[\]]*)\]\([^)]*\)")
_DATE = re.compile(r"(?<!\w)(?:" + DATE_PATTERN + r")(?!\w)", re.IGNORECASE)
_CLOCK = re.compile(r"(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?\s?m\.?)?", re.IGNORECASE)
_TIME = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?!\d)")
_NUMBER = re.compile(r"\d+")
_TOKEN = re.compile(r"\w+")
_WORD_START = re.compile(r"(?<!\S)\S")
_URL = re.compile(r"https?://\S+")
_WORDS = re.compile(r"[^\W\d_]+(?:[\s'’.-]+[^\W\d_]+)*")
_SPACES = re.compile(r"\s+")
_LEADING_IMAGES = re.compile(r"^(?:\[\s*!\[[^\]]*\]\([^)]*\)\s*\]\([^)]*\)|!\[[^\]]*\]\([^)]*\))\s*")

_MENTION = re.compile(r"@\[?([^\]\s:,]+)")  # '@Ann: …', '@[Ann](…)': a reply to Ann

MIN_RECORDS = 3  # two dated lines under a heading are as often teasers as comments
MAX_HEADER_CHARS = 160  # a header's text without link targets: a name, a date and a few buttons
MAX_NAME_CHARS = 40
MAX_HEADER_WORDS = 10  # besides the date: a name, a badge, a few buttons and counts
MAX_RECORD_LINES = 80  # a comment with a pasted config file or log runs long
SECTION_REACH = 25  # lines above the first record where the section's heading or count is looked for


@dataclass
class Found:
    """One comment record: its header line, the lines of its text, and what the header says."""

    header: int
    text: list[Line]
    author: str | None
    date: str | None
    lead: str = ""  # the text the header line carries after its date ('Ann 2 years ago I think …')
    replied: str | None = None  # the name an inline header says the comment answers


# every date form holds a digit or one of these words: a cheap test before the costly pattern
_MAYBE_DATE = re.compile(
    r"\d|ago|yesterday|today|just now|gestern|heute|hier|ayer|hoy|ontem|hoje|ieri|oggi|vandaag|gisteren|前|назад|вчера",
    re.IGNORECASE,
)


def _dates(text: str) -> list[str]:
    """The calendar dates and 'N days ago' times in `text` (a clock time alone is no date)."""
    if not _MAYBE_DATE.search(text):
        return []
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
    if not c or c.split()[0].casefold() in STOPWORDS:
        return None  # 'In May 2015,' 'was in September': a sentence's words, no one's name
    return c if _usable(c) else None


def _from_cues(run: list[int], cues: list[int]) -> list[list[int]]:
    """A run of headers, and its tails from each header that a comment section's heading stands
    right above (dated lines of the article before the section belong to no record)."""
    out = [run]
    for k in range(1, len(run)):
        if any(run[k - 1] < c <= run[k] for c in cues):
            out.append(run[k:])
    return out


def _name_above(lines: list[Line], h: int) -> str | None:
    """The name on the line right above a header that shows only a date ('kyle' / 'April 18,
    2023, 08:06'): a short line of its own that is no heading, button or sentence."""
    if h == 0 or lines[h].gap > 1:
        return None
    prev = lines[h - 1]
    text = prev.plain.strip("*_ ")
    if prev.heading or _dates(prev.raw) or text.endswith((".", "!", "?", ":", "。")):
        return None
    if _usable(text):
        return text
    words = text.split()  # 'Ann Lee Post author': the name before its badge
    while words and cue_mask([w.casefold() for w in re.findall(r"\w+", words[-1])]):
        tail = words.pop()
        if words and _cues()[1].get(f"{words[-1]} {tail}".casefold(), 0) & _BADGE_BIT:
            words.pop()  # the badge's other word ('Post author', 'Top commenter')
    name = " ".join(words)
    return name if name != text and _usable(name) else None


def _prose(line: Line) -> bool:
    """A line that reads as someone's words: no heading, list item, table row or bare link."""
    text = record_text(line)
    if line.heading or line.link_only or not text or text[0] in "#*-+|[!<":
        return False
    return len(text.split()) >= 3 or (len(text) >= 6 and not text.isascii())


def _chrome_key(line: Line) -> str:
    """A line as the unit's chrome repeats it: link targets, images and counts left out."""
    text = _LINK.sub(lambda m: "[" + m.group(1) + "]", _IMAGE.sub("", line.raw))
    return _SPACES.sub(" ", _NUMBER.sub("0", _URL.sub("URL", text))).strip()


def _is_header(line: Line) -> bool:
    """A line short enough for a name, a date and a few buttons, with a date, and few other words."""
    bare = _LINK.sub(lambda m: m.group(1), _IMAGE.sub("", line.raw))
    if len(bare.strip()) > MAX_HEADER_CHARS or line.heading or not _dates(line.raw):
        return False
    return len(_DATE.sub(" ", bare).split()) <= MAX_HEADER_WORDS


def find_records(lines: list[Line], start: int = 0, avatars: dict[int, str] | None = None) -> list[Found]:
    """The comment records after line `start`, found by a recurring header shape; [] when no
    shape recurs with a name, a date and text of its own each time. A header is a line of its
    own, or the start of a line that goes on with the comment ('Ann Lee 2 years ago I think…')."""
    words = _section_words()
    page = set(_TOKEN.findall("\n".join(ln.plain for ln in lines[start:]).casefold())) & words
    if not page:
        return []  # no comment section's heading or count anywhere: no header is looked for
    cues = [
        i
        for i in range(start, len(lines))
        if any(w in lines[i].plain.casefold() for w in page)
        and not page.isdisjoint(_TOKEN.findall(lines[i].plain.casefold()))
    ]
    groups: list[tuple[str, list[int]]] = []
    inline: list[tuple[str, list[int]]] = []
    leads: dict[int, tuple[str, str, str]] = {}
    for i in range(cues[0], len(lines)):
        if _is_header(lines[i]):
            _join(groups, shape(lines[i].raw), i)
        if (split := _inline_header(lines[i])) is not None:  # may be both: a short comment
            leads[i] = split
            _join(inline, shape(split[0]), i)
    faces = [("A", sorted(i for i in (avatars or {}) if i >= cues[0]))]
    best: list[Found] = []
    for kind, found_in, named in ((groups, None, None), (faces, None, avatars), (inline, leads, None)):
        for heads in (
            part for _, members in kind if members for run in _runs(members) for part in _from_cues(run, cues)
        ):
            if len(heads) < MIN_RECORDS or not any(heads[0] - SECTION_REACH <= c <= heads[0] for c in cues):
                continue  # no comment section's heading or count just above the first record
            found = _records(lines, heads, found_in, named)
            if len(found) > len(best):
                best = found
    return best


# an avatar's description naming its owner: 'Ann profile image', "Ann's avatar", 'Avatar of Ann'
_AVATAR_ALT = re.compile(
    r"^(?:(?P<a>.{1,40}?)(?:'s|’s)?\s+(?:profile (?:image|picture|photo)|avatar|user ?pic)"
    r"|(?:avatar|profile (?:image|picture|photo)|photo|picture) (?:of|for) (?P<b>.{1,40}))$",
    re.IGNORECASE,
)
_IMAGE_ALT = re.compile(r"!\[([^\]]*)\]\([^)]*\)")


def avatar_name(row: str) -> str | None:
    """The owner's name an avatar image's description gives, on a row of nothing but images and
    links (a renderer drops such rows from the page's lines); else None."""
    m = _IMAGE_ALT.search(row)
    if m is None or _LINK.sub("", _IMAGE.sub("", row)).strip(" []()*-"):
        return None
    found = _AVATAR_ALT.match(m.group(1).strip())
    if found is None:
        return None
    name = (found.group("a") or found.group("b") or "").strip()
    return name if _usable(name) else None


def avatars_before(lines: list[Line], text: str) -> dict[int, str]:
    """Line index -> the name of the avatar shown on the image rows right above that line."""
    out: dict[int, str] = {}
    if "![" not in text:
        return out
    rows = [ln.row for ln in lines]
    for r, row in enumerate(text.split("\n")):
        if "![" in row and (name := avatar_name(row)) is not None:
            i = bisect.bisect_right(rows, r)
            if i < len(lines):
                out.setdefault(i, _display_name(lines[i].raw, row) or name)
    return out


_LINK_TARGET = re.compile(r"\]\(([^)\s]+)\)\s*$")


def _display_name(line: str, avatar_row: str) -> str | None:
    """The name a line right under an avatar shows when it links where the avatar links (a
    profile: '[Matt Curcio](/mccurcio)' under the avatar of 'mccurcio')."""
    m = _LINK.fullmatch(line.strip())
    target, own = _LINK_TARGET.search(avatar_row), _LINK_TARGET.search(line.strip())
    if m is None or target is None or own is None or target.group(1) != own.group(1):
        return None
    name = m.group(1).strip("*_ ")
    return name if _usable(name) else None


def _runs(heads: list[int]) -> list[list[int]]:
    """One shape's lines split where they lie too far apart to be one section's records."""
    runs = [[heads[0]]]
    for h in heads[1:]:
        if h - runs[-1][-1] > MAX_RECORD_LINES:
            runs.append([h])
        else:
            runs[-1].append(h)
    return runs


def _join(groups: list[tuple[str, list[int]]], kinds: str, i: int) -> None:
    group = next((g for g in groups if _near(g[0], kinds)), None)
    if group is None:
        groups.append((kinds, [i]))
    else:
        group[1].append(i)


MAX_INLINE_NAME_WORDS = 8  # avatar initial, name, badge and the name replied to, before the date


def _inline_header(line: Line) -> tuple[str, str, str] | None:
    """(name part, date, the text after it) of a line that opens with a name and a date and goes
    on with words ('K khmoussi Aouina 2 years ago hi if i may ask …'); else None."""
    if line.heading or line.link_only:
        return None
    raw = line.raw.strip()
    if not _MAYBE_DATE.search(raw, 0, 120):
        return None
    # the date is tried only where a word starts, among the first few: anchored, not scanned
    for n, word in enumerate(_WORD_START.finditer(raw)):
        if n > MAX_INLINE_NAME_WORDS:
            return None
        m = _DATE.match(raw, word.start())
        if m is None or len(m.group()) < 6 or _CLOCK.fullmatch(m.group()):
            continue
        head, rest = raw[: m.start()].strip(), raw[m.end() :].strip()
        if n == 0 or len(rest.split()) < 3:
            return None
        return head, m.group(), rest
    return None


def _inline_name(head: str) -> tuple[str | None, str | None]:
    """(commenter, name replied to) from the words before an inline header's date: an avatar's
    initial before the name dropped ('K khmoussi Aouina'), a badge between two names splitting
    them ('Juan Vimberg Mod khmoussi Aouina')."""
    words = [w.strip("*_•·|") for w in head.split()]
    words = [w for w in words if w]
    if (
        len(words) > 1
        and len(words[0]) == 1
        and words[0].isupper()
        and words[1][:1].casefold() == words[0].casefold()
    ):
        words = words[1:]
    replied = None
    for k, w in enumerate(words):
        if k and cue_mask([w.casefold()]) & _BADGE_BIT:
            replied = " ".join(words[k + 1 :]) or None
            words = words[:k]
            break
    name = " ".join(words)
    return (name if _usable(name) else None), replied


@cache
def _section_words() -> frozenset[str]:
    """The words of a comment section's heading or count ('5 Comments', 'Обсуждение', '评论(4)'):
    cues.toml's [section] words."""
    return frozenset(w for w, mask in _cues()[0].items() if mask & CUE_BIT["section"])


def _records(
    lines: list[Line],
    heads: list[int],
    leads: dict[int, tuple[str, str, str]] | None,
    named: dict[int, str] | None = None,
) -> list[Found]:
    """The records under `heads`, or [] when they do not read as a discussion. `leads`: the
    inline headers' (name part, date, text) by line, when the headers carry their comment."""
    off = 0 if named else 1  # an avatar's record starts with its first line of text
    above: set[int] = set()  # headers whose name stands on the line above their date
    if named:
        names: list[str | None] = [named[h] for h in heads]
    elif leads is None:
        names = []
        for h in heads:
            name = _name(lines[h].raw)
            if name is None and (name := _name_above(lines, h)) is not None:
                above.add(h)
            names.append(name)
    else:
        names = [_inline_name(leads[h][0])[0] for h in heads]
    if sum(n is not None for n in names) < max(MIN_RECORDS, len(heads) * 2 // 3):
        return []
    distinct = {n for n in names if n}
    if len(distinct) < max(MIN_RECORDS, len(heads) // 3):
        return []  # the same few names on every header: one author's posts, a column of labels
    spans = [(h, nxt - (nxt in above)) for h, nxt in zip(heads, heads[1:], strict=False)]
    if any(nxt - h < (1 if leads or named else 2) or nxt - h > MAX_RECORD_LINES for h, nxt in spans):
        return []
    # the unit's chrome: line shapes that recur in most of the (complete) records
    seen: Counter[str] = Counter()
    for h, nxt in spans:
        seen.update({_chrome_key(ln) for ln in lines[h + off : nxt]})
    chrome = {k for k, n in seen.items() if n >= max(2, (len(spans) + 1) // 2) and len(spans) >= 2}

    def is_chrome(line: Line) -> bool:
        if _chrome_key(line) in chrome:
            return True
        words = re.findall(r"\w+", line.plain.casefold())
        if leads and len(words) <= 6 and cue_mask(words) & (_ACTION_BIT | _MORE_BIT):
            return True  # 'Show more replies' under a comment written on its header's line
        return line.link_only and bool(cue_mask(words) & _ACTION_BIT)

    if (
        leads
        and sum(any(is_chrome(ln) for ln in lines[h + 1 : nxt]) for h, nxt in spans) < len(spans) * 2 / 3
    ):
        return []  # paragraphs that open with a date: comments on one line each keep a button row between
    texts = [_last_run(lines[h + off : nxt], is_chrome) for h, nxt in spans]
    inner_gaps = [ln.gap for t in texts for ln in t[1:]]
    widest = max(inner_gaps, default=1 if not leads else 0)
    longest = max((len(t) for t in texts), default=1)
    last: list[Line] = []
    start = heads[-1] + off
    # the chrome row right above the text in most records ('Report abuse'): the last record's
    # text starts after it too (a profile card or the name shown again come before it)
    above = Counter(
        _chrome_key(lines[t[0].idx - 1])
        for t in texts
        if t and t[0].idx > 0 and is_chrome(lines[t[0].idx - 1])
    ).most_common(1)
    if above and above[0][1] >= max(2, -(-2 * len(texts) // 3)):
        window = lines[start : start + max(nxt - h for h, nxt in spans) + 1]
        row = next((ln for ln in window if _chrome_key(ln) == above[0][0]), None)
        if row is not None:
            start = row.idx + 1
    for ln in lines[start : start + MAX_RECORD_LINES]:
        if ln.heading or (last and ln.gap > widest) or (len(last) >= longest and ln.gap > 0):
            break
        if last and _ui_line(ln):
            break  # the section's form, a log-in prompt, a dialog, the site's footer
        if is_chrome(ln):
            if last or leads:
                break
            continue
        if leads and ln.gap > widest:
            break
        last.append(ln)
    texts.append(last)
    if leads is None:
        prose = sum(any(_prose(ln) for ln in t[:3]) for t in texts)
    else:
        prose = sum(len(leads[h][2].split()) >= 3 for h in heads)
    if prose < max(2, -(-2 * len(texts) // 3)):
        return []  # what follows the headers is no one's words: teasers, listings, links
    if named:  # the date, if any: the last short dated line above the record's text
        return [
            Found(h, t, name, _date_above(lines[h : t[0].idx]))
            for h, t, name in zip(heads, texts, names, strict=True)
            if t
        ]
    if leads is None:
        return [
            Found(h, t, name, next(iter(_dates(lines[h].raw)), None))
            for h, t, name in zip(heads, texts, names, strict=True)
            if t
        ]
    return [
        Found(h, t, name, leads[h][1], leads[h][2], _inline_name(leads[h][0])[1])
        for h, t, name in zip(heads, texts, names, strict=True)
    ]


def _date_above(span: list[Line]) -> str | None:
    for ln in reversed(span):
        if _is_header(ln) and (dates := _dates(ln.raw)):
            return dates[0]
    return None


_UI_BITS = CUE_BIT["form"] | CUE_BIT["account"] | CUE_BIT["legal"] | CUE_BIT["subscribe"] | CUE_BIT["closed"]
UI_WORDS = 8


def _ui_line(line: Line) -> bool:
    """A line of the page's interface after a comment, not the comment's words: short with a
    form, log-in, legal or subscribe word, or opening with such a phrase ('Are you sure …')."""
    words = _TOKEN.findall(line.plain.casefold())
    if len(words) <= UI_WORDS and cue_mask(words) & _UI_BITS:
        return True
    return bool(cue_mask(words[:3]) & _UI_BITS) and len(words) > 3


def _last_run(span: list[Line], is_chrome) -> list[Line]:
    """A record's text: its last lines between the unit's chrome. A profile card, the name shown
    again, a date line come before a record's last chrome row above the text."""
    runs: list[list[Line]] = [[]]
    for ln in span:
        if is_chrome(ln):
            if runs[-1]:
                runs.append([])
        else:
            runs[-1].append(ln)
    runs = [run for run in runs if run]
    # the last run that reads as someone's words: a form field's marker after the buttons is none
    return next(
        (run for run in reversed(runs) if any(_prose(ln) for ln in run[:3])), runs[-1] if runs else []
    )


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


def _joined(rec: Found) -> str:
    parts = [rec.lead] if rec.lead else []
    for ln in rec.text:
        if parts:
            parts.append("\n\n" if ln.gap else "\n")
        parts.append(record_text(ln))
    return "".join(parts)


COMMON_END_WORDS = 3


def _without_common_end(texts: list[str]) -> list[str]:
    """Texts without the words most of them end with ('… see more'): the unit's chrome, written
    on the comment's own line."""
    if len(texts) < MIN_RECORDS:
        return texts
    for k in range(COMMON_END_WORDS, 0, -1):
        ends = Counter(" ".join(t.split()[-k:]).casefold() for t in texts if len(t.split()) > k)
        if not ends:
            continue
        end, n = ends.most_common(1)[0]
        if n >= max(MIN_RECORDS, -(-3 * len(texts) // 5)) and not any(c.isdigit() for c in end):
            return [_cut_end(t, k) if " ".join(t.split()[-k:]).casefold() == end else t for t in texts]
    return texts


def _cut_end(text: str, k: int) -> str:
    for _ in range(k):
        text = text.rstrip()
        text = text[: max(text.rfind(" "), text.rfind("\n"), 0)]
    return text.rstrip()


def _names(authors) -> tuple[int, int]:
    """(people named, comments named): how well a reading names its commenters."""
    named = [a for a in authors if a]
    return len(set(named)), len(named)


def add_records(seg: Segmentation, lines: list[Line], scraped_at: datetime | None, text: str = "") -> bool:
    """Give `seg` the records a recurring header shape marks, and take their section out of its
    body, when it has no comments or comments with fewer names than the records give (a line
    model's reading of a section it could not split). True when it did."""
    found = find_records(lines, avatars=avatars_before(lines, text))
    if not found:
        return False
    if seg.comments and _names(c.author for c in seg.comments) >= _names(r.author for r in found):
        return False  # the reading names as many people
    seg.comments = []
    for key in [k for k in seg.trace if k.startswith("comment ")]:
        del seg.trace[key]  # the earlier reading's comments
    by_author: dict[str, int] = {}
    texts = _without_common_end([_joined(rec) for rec in found])
    for n, (rec, text) in enumerate(zip(found, texts, strict=True)):
        mention = _MENTION.match(text)
        replied = rec.replied or (mention.group(1) if mention else None)
        parent = by_author.get(replied) if replied else None
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
