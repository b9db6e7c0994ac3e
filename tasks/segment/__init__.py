"""Segment stage: one page's text -> title, byline, body and individual comments.

`segment()` is pure and deterministic; `segment_records()` applies it to a batch, turning any
failure on one page into a reject instead of a crash.
"""

from __future__ import annotations

import statistics

from tasks.models import Comment, Record, Reject, Segmentation
from tasks.segment.article import split_article
from tasks.segment.comments import find_section, split_comments
from tasks.segment.lines import Line, split_lines
from tasks.segment.rules import Rules, load_rules

__all__ = ["segment", "segment_records", "join_paragraphs"]


def _wrap_width(lines: list[Line]) -> int | None:
    """The column a hard-wrapped page breaks at, or None when lines are not hard-wrapped."""
    widths = [len(a.plain) for a, b in zip(lines, lines[1:], strict=False) if b.gap == 0]
    if len(widths) < 4:
        return None
    width = int(statistics.quantiles(widths, n=10)[-1])
    return width if 40 <= width <= 110 else None


def join_paragraphs(paragraphs: list[list[Line]], wrap: int | None) -> str:
    """Lines of one paragraph joined (a space where the page hard-wrapped), paragraphs by a blank line."""
    out = []
    for para in paragraphs:
        parts = [para[0].plain]
        for prev, line in zip(para, para[1:], strict=False):
            wrapped = wrap is not None and len(prev.plain) >= wrap - 25
            parts.append((" " if wrapped else "\n") + line.plain)
        out.append("".join(parts))
    return "\n\n".join(out)


def _paragraphs(lines: list[Line]) -> list[list[Line]]:
    paras: list[list[Line]] = []
    for line in lines:
        if paras and line.gap == 0 and paras[-1][-1].idx == line.idx - 1:
            paras[-1].append(line)
        else:
            paras.append([line])
    return paras


def segment(
    text: str, *, markdown: bool = False, title_hint: str | None = None, rules: Rules | None = None
) -> Segmentation:
    """Split one cleaned page into article fields and comments."""
    rules = rules or load_rules()
    lines = split_lines(text, markdown)
    section = find_section(lines, rules)
    article_lines = lines[: section.marker] if section else lines
    article = split_article(article_lines, title_hint, rules)
    wrap = _wrap_width(lines)
    comments: list[Comment] = []
    trace = dict(article.trace)
    if section is not None:
        trace["comment_section"] = f"{section.system}: lines {section.start}-{section.end}"
        for raw in split_comments(lines, section, rules):
            comments.append(
                Comment(
                    position=len(comments),
                    author=raw.author,
                    text=join_paragraphs(raw.paragraphs, wrap),
                    rule=raw.rule,
                )
            )
    return Segmentation(
        title=article.title,
        byline=article.byline,
        body=join_paragraphs(_paragraphs(article.body_lines), wrap),
        comments=comments,
        comment_system=section.system if section else None,
        trace=trace,
    )


def segment_records(records: list[Record]) -> tuple[list[tuple[Record, Segmentation]], list[Reject]]:
    """Segment a batch; a page the segmenter fails on becomes a reject and the batch goes on."""
    rules = load_rules()
    done: list[tuple[Record, Segmentation]] = []
    rejects: list[Reject] = []
    for rec in records:
        try:
            seg = (
                rec.extracted  # already extracted from the page's markup (HTML)
                if rec.extracted is not None
                else segment(rec.text, markdown=rec.format == "markdown", title_hint=rec.title, rules=rules)
            )
        except Exception as exc:  # a bug on one page must not stop the batch
            rejects.append(
                Reject(
                    rec.source, "segment", "segmenter error", f"{type(exc).__name__}: {exc}", rec.content_hash
                )
            )
            continue
        if not seg.body.strip():
            rejects.append(
                Reject(rec.source, "segment", "no article text", "no body text found", rec.content_hash)
            )
            continue
        done.append((rec, seg))
    return done, rejects
