"""Labelled lines -> the page's title, byline, body and comments.

The model labels every line; this module only reads the labels off: the title and byline lines,
the body lines joined into paragraphs, and the comment records — each opened by a `_B` line,
holding its header (author and meta lines), its text and its chrome. What is left to decide
here is within a line: which part of a header line is the name (`author_of`), what a meta line
dates, and what a reply answers (indentation, a name it replies to).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache

import numpy as np

from tasks.models import Comment, Segmentation
from tasks.segment.dates import DATE_PATTERN, parse_date
from tasks.segment.features import _WORD, cue_mask
from tasks.segment.labels import (
    AUTH,
    AUTH_B,
    BODY,
    BYLINE,
    CMETA,
    CMETA_B,
    LABELS,
    META,
    OPENS_RECORD,
    TEXT,
    TEXT_B,
    TITLE,
)
from tasks.segment.lines import Line, comment_text, wrapped_on
from tasks.segment.systems import system_of

_DATE = re.compile(r"(?:(?<=\s)|^)(?:" + DATE_PATTERN + r")(?=$|[\s,;:|•·)\]]|\.(?!\d))", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
_WIDE = re.compile(r"\s{2,}")
_SPLIT = re.compile(r"\s+[•·|–—»›>→↳-]\s+|\s*[•·|»›→↳]\s*|\s{2,}|\s+\(|:\s+|:$")
_LEAD = re.compile(
    r"^(?:#\d+\s+|\d{1,4}[.)]\s+|(?:posted|written|comment(?:ed)?|reply|von|par|por|by|from|de|di|door|od|от)\b\s*(?:by|von|par|por)?\s*:\s*|(?:posted by|written by|by|von|par|por|from)\s+|@(?=\S))",
    re.IGNORECASE,
)
_SAYS_TAIL = re.compile(r"\s+(?:\S+\s+){0,1}\S*$")
_PLACEHOLDERS = frozenset(
    [
        "anonymous",
        "anon",
        "guest",
        "unknown",
        "deleted",
        "[deleted]",
        "anonym",
        "gast",
        "unbekannt",
        "anonyme",
        "invité",
        "inconnu",
        "anónimo",
        "invitado",
        "desconocido",
        "anônimo",
        "convidado",
        "desconhecido",
        "anonimo",
        "ospite",
        "sconosciuto",
        "anoniem",
        "gast",
        "onbekend",
        "anonim",
        "gość",
        "аноним",
        "гость",
        "неизвестный",
        "tamu",
        "nieznany",
        "匿名",
        "ゲスト",
        "익명",
    ]
) | {"tidak diketahui", "anonymous coward"}
_REPLY_TO = re.compile(
    r"(?:→|↳|\bin reply to|\breplying to|\breply to|\breplied to|\bin response to|\bantwort (?:auf|an)|\ben réponse à|\bréponse à|\ben respuesta a|\bin risposta a)\s*@?(?P<name>[^•·|,:]{1,60}?)\s*(?:$|[•·|,:])",
    re.IGNORECASE,
)
_MENTION = re.compile(r"^@(?P<name>[\w.-]{2,40})")


def _cue_kinds(text: str) -> int:
    return cue_mask(_WORD.findall(text.casefold()))


_SAYS_BIT = 1 << 6
_BADGE_BIT = 1 << 9
_ACTION_BIT = 1 << 1
_WHEN_BIT = 1 << 15


_PREPOSITIONS = frozenset(
    ["on", "am", "le", "el", "em", "il", "op", "at", "um", "à", "alle", "às"]
)  # 'Jane on <date>'
_LABEL = re.compile(
    r"^(?:posted by|written by|submitted by|comment by|by|von|par|por|from|author|autor|auteur)\s*:?\s+", re.I
)
_AUXILIARY = frozenset(
    ["hat", "ha", "a", "has", "have", "had", "ist", "est", "è", "é", "se"]
)  # 'hat gesagt', 'ha scritto', 'a écrit'
_NUMERIC = re.compile(r"[\d.,:/#+\-−]+|no\.\d+|#\d+|\d+\w{0,3}", re.IGNORECASE)
_TRAILING_DOTS = re.compile(r"(?:\.\.\.|…)$")
_INITIAL_END = re.compile(r"(?:^|\s)\w\.$")


def _name_words(words: list[str]) -> list[str]:
    """A part's words up to where the name ends: before a number or date word, a header verb
    ('says', 'hat gesagt'), a badge ('Mod', 'Author')."""
    for i, w in enumerate(words):
        if i and (_NUMERIC.fullmatch(w) or _cue_kinds(w) & _WHEN_BIT):
            words = words[:i]
            break
    while len(words) > 1:
        last = words[-1].casefold()
        if _cue_kinds(last) & (_SAYS_BIT | _BADGE_BIT | _WHEN_BIT):
            said = _cue_kinds(last) & _SAYS_BIT
            words = words[:-1]
            if said and len(words) > 1 and words[-1].casefold() in _AUXILIARY:
                words = words[:-1]
        elif last in _PREPOSITIONS:
            words = words[:-1]
        else:
            break
    return words


def author_of(text: str) -> str | None:
    """The commenter's name in a header line ('Jane Doe • 3 years ago', 'Jane says:',
    'Posted by: Jane | May 3', '#4 Jane 2021-03-03 12:00'): the first name-like part left when
    dates, separators, header verbs, badges and labels are taken off. None for a placeholder."""
    # Runs of spaces stay wide: two names side by side ('Sam  Jane • a day ago') are a reply
    # and the name replied to.
    text = _SPACES.sub(
        lambda m: "  " if len(m.group()) > 1 else " ", text.replace("**", " ").replace("__", " ")
    )
    text = text.strip()
    if not text:
        return None
    text = _LABEL.sub("", _REPLY_TO.sub(" | ", text))
    text = _DATE.sub(" | ", text)
    for part in _SPLIT.split(text):
        part = _LEAD.sub("", part.strip().lstrip("+*•-– ")).strip()
        part = _TRAILING_DOTS.sub("", part).strip(" \t*_:;,-–—|()[]")
        if not part or not any(c.isalpha() for c in part):
            continue
        words = part.split()
        if (
            words[0].casefold().strip(".:,") in _PLACEHOLDERS
            or " ".join(words[:2]).casefold() in _PLACEHOLDERS
        ):
            return None
        words = _name_words(words)
        if len(words) == 1 and _cue_kinds(words[0]) & (_SAYS_BIT | _ACTION_BIT):
            continue
        name = " ".join(words).rstrip(",:;")
        if name.endswith(".") and not _INITIAL_END.search(name):
            name = name.rstrip(".")
        if not name or len(name) > 60 or len(words) > 6:
            continue
        return None if name.casefold() in _PLACEHOLDERS else name
    return None


def dated(text: str, scraped_at: datetime | None) -> tuple[str | None, datetime | None]:
    shown = _date_shown(text) if len(text) <= 200 else _first_date(text)  # long lines not kept
    if shown is None:
        return None, None
    return shown, parse_date(shown, scraped_at)


def _first_date(text: str) -> str | None:
    """The first date in a line, as shown."""
    m = _DATE.search(text)
    return m.group(0).strip() if m else None


_date_shown = lru_cache(maxsize=32_768)(_first_date)  # remembered per text: the pattern is slow


@dataclass
class Record:
    """One comment's lines."""

    opener: int  # label of the line that opened it
    header: list[Line] = field(default_factory=list)
    meta: list[Line] = field(default_factory=list)
    text: list[Line] = field(default_factory=list)
    first: Line | None = None


def _paragraphs(lines: list[Line]) -> list[list[Line]]:
    paras: list[list[Line]] = []
    for line in lines:
        if paras and line.gap == 0 and paras[-1][-1].idx == line.idx - 1:
            paras[-1].append(line)
        else:
            paras.append([line])
    return paras


def join_paragraphs(paragraphs: list[list[Line]], wrap: int | None, text=lambda line: line.text) -> str:
    """Lines of one paragraph joined (a space where the page hard-wrapped), paragraphs by a blank line."""
    out = []
    for para in paragraphs:
        parts = [text(para[0])]
        for prev, line in zip(para, para[1:], strict=False):
            parts.append((" " if wrapped_on(prev, wrap) else "\n") + text(line))
        out.append("".join(parts))
    return "\n\n".join(out)


def records(lines: list[Line], labels: np.ndarray) -> list[Record]:
    out: list[Record] = []
    current: Record | None = None
    for line, label in zip(lines, labels, strict=True):
        label = int(label)
        if label == TEXT_B and current is not None and not current.text and (current.header or current.meta):
            label = TEXT  # text right under a header that has none yet: that header's comment
        if label in OPENS_RECORD or (current is None and label in (AUTH, CMETA, TEXT)):
            current = Record(label, first=line)
            out.append(current)
        if current is None:
            continue
        if label in (AUTH_B, AUTH):
            current.header.append(line)
        elif label in (CMETA_B, CMETA):
            current.meta.append(line)
        elif label in (TEXT_B, TEXT):
            current.text.append(line)
    return [r for r in out if r.text]


def _parents(recs: list[Record], authors: list[str | None], indent_levels: list[int]) -> list[int | None]:
    parents: list[int | None] = []
    for i, rec in enumerate(recs):
        parent = None
        cue = None
        for line in (*rec.header, *rec.meta):
            m = _REPLY_TO.search(line.plain)
            if m:
                cue = m.group("name").strip()
                break
        if cue is None and rec.text:
            m = _MENTION.match(rec.text[0].plain)
            cue = m.group("name") if m else None
        if cue is None and rec.header:  # 'Sam Ortiz  Nora Lind • a day ago': Sam replies to Nora
            side = _WIDE.split((rec.header[0].loose or rec.header[0].plain).strip(), maxsplit=1)
            cue = author_of(side[1]) if len(side) == 2 and author_of(side[0]) == authors[i] else None
        if cue:
            key = cue.casefold()
            parent = next((j for j in range(i - 1, -1, -1) if (authors[j] or "").casefold() == key), None)
        if parent is None and indent_levels[i] > 0:
            parent = next((j for j in range(i - 1, -1, -1) if indent_levels[j] < indent_levels[i]), None)
        parents.append(parent)
    return parents


def _depth(line: Line) -> int:
    quote = len(line.raw) - len(line.raw.lstrip(" >")) if line.raw.lstrip().startswith(">") else 0
    return line.indent + 4 * line.raw[:quote].count(">")


BYLINE_LEAST = 0.2  # the least byline probability of a line read as the byline
PROSE_WORDS = 8  # words of a line kept as body when the decode labelled no body at all
TITLE_FALLBACK = 0.15  # the least title probability of a headline taken when the decode gave none


def _without_headline(body: list[Line], title: str | None) -> list[Line]:
    """Body lines less those repeating the headline word for word (an image's caption or a
    banner shows it again inside the article): the title says it once."""
    if not title or len(title.split()) < 3:
        return body
    key = " ".join(title.casefold().split())
    return [line for line in body if " ".join(line.plain.casefold().split()) != key]


def assemble(
    lines: list[Line],
    labels: np.ndarray,
    *,
    wrap: int | None,
    title_hint: str | None = None,
    scraped_at: datetime | None = None,
    date_hint: str | None = None,
    probs: np.ndarray | None = None,
) -> Segmentation:
    trace: dict[str, str] = {}

    def where(i: int) -> str:
        p = f", p={probs[i, labels[i]]:.2f}" if probs is not None else ""
        return f"line {lines[i].row + 1}: {LABELS[int(labels[i])]}{p}"

    title = None
    titles = [i for i, lab in enumerate(labels) if lab == TITLE]
    if title_hint:
        title, trace["title"] = title_hint, "metadata"
    elif titles:
        first = titles[0]
        run = [first] + [i for i in titles[1:] if i == first + titles.index(i) and lines[i].gap == 0]
        title = " ".join(lines[i].plain for i in run)
        trace["title"] = where(first)
    elif probs is not None and len(lines):
        # Every article has a headline: when the decode named none, the line above the body the
        # model finds most title-like is taken, if it gives it a fair chance.
        body_at = next((i for i, lab in enumerate(labels) if lab == BODY), len(lines))
        above = probs[: max(body_at, 1), TITLE]
        best = int(above.argmax())
        if above[best] >= TITLE_FALLBACK and len(lines[best].plain.split()) >= 2:
            title = lines[best].plain
            trace["title"] = f"line {lines[best].row + 1}: most title-like, p={above[best]:.2f}"
    byline = None
    by = next((i for i, lab in enumerate(labels) if lab == BYLINE), None)
    body_at = next((i for i, lab in enumerate(labels) if lab == BODY), None)
    if probs is not None and (by is None or probs[by, BYLINE] < BYLINE_LEAST):
        # The decode can name a byline the model doubts (the transitions favour a line under the
        # title): the line at or above the body start the model finds most byline-like is taken
        # instead, if it is sure enough; none when no line is.
        upto = len(lines) if body_at is None else body_at + 1
        scores = probs[:upto, BYLINE]
        by = int(scores.argmax()) if upto and scores.max() >= BYLINE_LEAST else None
    if by is not None:
        byline, trace["byline"] = lines[by].text, where(by)
    body_lines = [
        line for i, (line, lab) in enumerate(zip(lines, labels, strict=True)) if lab == BODY and i != by
    ]
    if body_lines:
        trace["body_start"] = f"line {body_lines[0].row + 1}"
    published = None
    date_text = date_hint
    if date_text is None:
        for i, lab in enumerate(labels):
            if lab in (META, BYLINE, TITLE):
                shown, when = dated(lines[i].plain, scraped_at)
                if when is not None:
                    date_text, published = shown, when
                    trace["published_at"] = f"{shown!r} ({where(i)})"
                    break
    else:
        published = parse_date(date_text, scraped_at)
        if published is not None:
            trace["published_at"] = f"{date_text!r}"
    recs = records(lines, labels)
    if body_lines:  # comments sit below the article: records above its first line are not comments,
        # and records inside it, with more of the article after them than they hold, are its text
        recs = [r for r in recs if r.first is None or r.first.row > body_lines[0].row]
        inside = [r for r in recs if r.first is not None and r.first.row < body_lines[-1].row]
        if inside:
            last = max(line.row for r in inside for line in (*r.header, *r.meta, *r.text))
            after = sum(len(line.plain.split()) for line in body_lines if line.row > last)
            held = sum(len(line.plain.split()) for r in inside for line in r.text)
            if after >= held:
                body_lines = sorted(
                    [*body_lines, *(line for r in inside for line in r.text)], key=lambda ln: ln.row
                )
                recs = [r for r in recs if r not in inside]
    forum = not body_lines and bool(recs)
    if forum:  # a discussion page: its opening post is the article
        opening = recs.pop(0)
        body_lines = opening.text
        trace["body_start"] = f"line {body_lines[0].row + 1}: the opening post"
        if byline is None and opening.header:
            byline, trace["byline"] = opening.header[0].text, "the opening post's header"
    if not body_lines and not recs:
        # No page loses its text: when the decode found neither an article nor comments, the
        # prose lines (a sentence's worth of words, not title or byline) are the body.
        body_lines = [
            line
            for line, lab in zip(lines, labels, strict=True)
            if lab not in (TITLE, BYLINE) and len(line.plain.split()) >= PROSE_WORDS
        ]
        if body_lines:
            trace["body_start"] = f"line {body_lines[0].row + 1}: prose kept, no body was labelled"
    authors: list[str | None] = []
    for rec in recs:
        name = None
        for line in rec.header:
            name = author_of(line.loose or line.plain)
            if name:
                break
        authors.append(name)
    levels = [_depth(rec.first) for rec in recs]
    base = min(levels) if levels else 0
    parents = _parents(recs, authors, [lv - base for lv in levels])
    comments = []
    for k, (rec, name, parent) in enumerate(zip(recs, authors, parents, strict=True)):
        shown = when = None
        for line in (*rec.header, *rec.meta):
            shown, when = dated(line.plain, scraped_at)
            if shown:
                break
        comments.append(
            Comment(
                position=k,
                author=name,
                text=join_paragraphs(_paragraphs(rec.text), wrap, comment_text),
                rule=f"model:{LABELS[rec.opener]}",
                parent_position=parent,
                published_text=shown,
                published_at=when,
            )
        )
        trace[f"comment {k}"] = f"line {rec.first.row + 1}: {LABELS[rec.opener]}" + (
            f", parent {parent}" if parent is not None else ""
        )
    return Segmentation(
        title=title,
        byline=byline,
        body=join_paragraphs(_paragraphs(_without_headline(body_lines, title)), wrap),
        comments=comments,
        comment_system=system_of(lines, labels, len(comments), forum),
        published_at=published,
        trace=trace,
    )
