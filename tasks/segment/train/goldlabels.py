"""Line labels for a page from its gold file (the hand labels of the development set and of the
labelled real scrapes): title, byline and body by their anchors, each comment by its text's
first and last words and its author's name, the rest chrome. Lines the gold cannot place are
left unlabelled (IGNORE), so the model is not taught a guess."""

from __future__ import annotations

import re
import unicodedata

from tasks.segment.dates import is_date
from tasks.segment.features import _WORD, CUE_KINDS, cue_mask
from tasks.segment.labels import (
    AUTH_B,
    BODY,
    BYLINE,
    CCHROME,
    CHROME,
    CMETA,
    CMETA_B,
    IGNORE,
    META,
    TEXT,
    TEXT_B,
    TITLE,
)
from tasks.segment.lines import Line, comment_text, split_lines

_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>~|])")
_SECTION = 1 << CUE_KINDS.index("section")
PLACEHOLDERS = {"anonymous", "unknown", "guest", "anon", "[deleted]", "deleted"}


def norm(s: str | None) -> str:
    if not s:
        return ""
    s = unicodedata.normalize("NFKC", s)
    s = _MD_ESCAPE.sub(r"\1", s).replace("**", "").replace("__", "")
    return " ".join(s.split())


class _Text:
    """The page's lines as one normalised string, to find anchors that span hard-wrapped lines."""

    def __init__(self, lines: list[Line], text=lambda ln: ln.text) -> None:
        self.starts: list[int] = []
        parts = []
        pos = 0
        for ln in lines:
            t = norm(text(ln))
            self.starts.append(pos)
            parts.append(t)
            pos += len(t) + 1
        self.text = " ".join(parts)

    def line_at(self, pos: int) -> int:
        import bisect

        return max(0, bisect.bisect_right(self.starts, pos) - 1)

    def find(self, anchor: str, start_line: int = 0) -> tuple[int, int] | None:
        """(first line, last line) of the anchor's first occurrence at or after `start_line`; where
        the whole anchor is not there (an image or a mark the line splitter drops), its longest
        tail of at least 15 characters that is."""
        a = norm(anchor)
        if not a:
            return None
        lo = self.starts[start_line] if start_line < len(self.starts) else len(self.text)
        for part in _tails(a):
            i = self.text.find(part, lo)
            if i >= 0:
                return self.line_at(i), self.line_at(i + len(part) - 1)
        return None

    def rfind_end(self, anchor: str, lo: int = 0) -> int | None:
        """The line the anchor's last occurrence ends on, at or after `lo` (its longest tail of at
        least 15 characters where the whole is not there: the end of a passage marks where it ends)."""
        a = norm(anchor)
        for part in _tails(a):
            i = self.text.rfind(part)
            if i >= lo:
                return self.line_at(i + len(part) - 1)
        return None


def _tails(a: str) -> list[str]:
    """The anchor, then its tails from the first word boundaries on, down to 15 characters."""
    out = [a]
    for k, ch in enumerate(a):
        if ch == " " and len(a) - k - 1 >= 15:
            out.append(a[k + 1 :])
    return out


def labels_from_gold(text: str, markdown: bool, gold: dict) -> list[int]:
    lines = split_lines(text, markdown)
    n = len(lines)
    labels = [IGNORE] * n
    if not n:
        return labels
    raw = _Text(lines)
    plain = _Text(lines, comment_text)
    title_at = byline_at = None
    if gold.get("title"):
        t = norm(gold["title"]).casefold()
        title_at = next((i for i, ln in enumerate(lines) if norm(ln.plain).casefold() == t), None)
    if gold.get("byline"):
        b = norm(gold["byline"]).casefold()
        byline_at = next(
            (i for i, ln in enumerate(lines) if b in (norm(ln.text).casefold(), norm(ln.plain).casefold())),
            None,
        )
    body0 = raw.find(gold.get("body_first") or "")
    body_start = body0[0] if body0 else None
    body1 = None
    if body_start is not None and gold.get("body_last"):
        body1 = raw.rfind_end(gold["body_last"], raw.starts[body_start])
    boiler = {norm(b) for b in gold.get("boilerplate") or []}
    # comments, in order
    spans: list[tuple[int, int]] = []
    at = body1 + 1 if body1 is not None else 0
    for c in gold.get("comments") or []:
        first = plain.find(c.get("text_first") or "", at)
        if first is None:
            return [IGNORE] * n  # the gold does not match the page: use none of it
        s = first[0]
        last = plain.find(c.get("text_last") or "", s)
        e = last[1] if last is not None else s
        spans.append((s, e))
        at = e + 1
    # article
    for i in range(n):
        if i == title_at:
            labels[i] = TITLE
        elif i == byline_at:
            labels[i] = BYLINE
        elif body_start is not None and body1 is not None and body_start <= i <= body1:
            labels[i] = CHROME if norm(lines[i].text) in boiler else BODY
        elif body_start is not None and i < body_start:
            labels[i] = META if is_date(lines[i].plain) else CHROME
    if not spans:
        if body1 is not None:
            for i in range(body1 + 1, n):
                labels[i] = CHROME
        return labels
    # between the body and the first comment: chrome, the section's from its heading on
    zone_start = body1 + 1 if body1 is not None else 0
    section_from = None
    for i in range(zone_start, spans[0][0]):
        if (
            cue_mask(_WORD.findall(lines[i].plain.casefold())) & _SECTION
            and len(lines[i].plain.split()) <= 12
        ):
            section_from = i if section_from is None else section_from
    prev_end = None
    for k, (s, e) in enumerate(spans):
        c = gold["comments"][k]
        zone_lo = (prev_end + 1) if prev_end is not None else max(zone_start, s - 6)
        if prev_end is None:
            for i in range(zone_start, zone_lo):
                labels[i] = IGNORE if section_from is None else CCHROME if i >= section_from else CHROME
        author = norm(c.get("author")).casefold()
        author_at = None
        if author and author not in PLACEHOLDERS:
            for i in range(s - 1, zone_lo - 1, -1):
                if author in norm(lines[i].plain).casefold():
                    author_at = i
                    break
            if author_at is None and author in norm(lines[s].plain).casefold()[: len(author) + 3]:
                author_at = None  # a name run into the text's first line: leave the text as is
        elif author in PLACEHOLDERS or c.get("author") is None:
            for i in range(s - 1, zone_lo - 1, -1):
                head = _WORD.findall(norm(lines[i].plain).casefold())
                if head and head[0] in PLACEHOLDERS and len(head) <= 8:
                    author_at = i
                    break
        for i in range(zone_lo, s):
            labels[i] = CCHROME
        if author_at is not None:
            labels[author_at] = AUTH_B
            for i in range(author_at + 1, s):
                if is_date(lines[i].plain) or (len(lines[i].plain) < 60 and not lines[i].plain.endswith(".")):
                    labels[i] = CMETA if is_date(lines[i].plain) else CCHROME
            for i in range(zone_lo, author_at):
                if is_date(lines[i].plain):
                    labels[i] = IGNORE  # the previous comment's date, or this one's: the gold cannot say
        else:
            opened = False
            for i in range(zone_lo, s):
                if is_date(lines[i].plain) and i >= s - 2:
                    labels[i] = CMETA if opened else CMETA_B
                    opened = True
        for i in range(s, e + 1):
            labels[i] = TEXT
        if author_at is None and not any(labels[i] == CMETA_B for i in range(zone_lo, s)):
            labels[s] = TEXT_B
        prev_end = e
    # after the last comment: its chrome, then the page's
    tail = spans[-1][1] + 1
    for i in range(tail, n):
        labels[i] = CCHROME if i < tail + 3 and len(lines[i].plain) <= 40 else IGNORE
    return labels
