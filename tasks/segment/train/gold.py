"""Labelled lines -> the gold a page is scored against (the shape of ../shared/corpus/real/gold).

The same function serves generated pages (labels read off the markers), real renderings (labels
from the DOM) and the development set, so every score compares like with like: anchors are cut
from the text the segmenter outputs for those lines.
"""

from __future__ import annotations

import random
import unicodedata

from tasks.segment.labels import (
    AUTH,
    AUTH_B,
    BODY,
    BYLINE,
    CCHROME,
    CHROME,
    CMETA,
    CMETA_B,
    COMMENT,
    TEXT,
    TEXT_B,
    TITLE,
)
from tasks.segment.lines import comment_text, split_lines

ANCHOR = 60
COMMENT_ANCHOR = 40


def _norm(s: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", s).split())


def first_words(text: str, n: int) -> str:
    if len(text) <= n:
        return text
    cut = text.rfind(" ", 0, n)
    return text[: cut if cut > n // 2 else n].rstrip()


def last_words(text: str, n: int) -> str:
    if len(text) <= n:
        return text
    cut = text.find(" ", len(text) - n)
    return text[cut + 1 if 0 <= cut < len(text) - n // 2 else len(text) - n :].lstrip()


def gold_from_lines(text: str, markdown: bool, labels: list[int], records: list[int], comments: list) -> dict:
    """Gold for one page. `records[i]`: the comment line i belongs to; `comments[k]`: the
    author / parent / date facts of comment k (objects with those attributes)."""
    lines = split_lines(text, markdown)
    title = next((ln.plain for ln, lab in zip(lines, labels, strict=True) if lab == TITLE), None)
    byline = next((ln.text for ln, lab in zip(lines, labels, strict=True) if lab == BYLINE), None)
    body = [ln.text for ln, lab in zip(lines, labels, strict=True) if lab == BODY]
    by_record: dict[int, list[str]] = {}
    order: list[int] = []
    for ln, lab, rec in zip(lines, labels, records, strict=True):
        if lab in (TEXT, TEXT_B) and rec >= 0:
            if rec not in by_record:
                by_record[rec] = []
                order.append(rec)
            by_record[rec].append(comment_text(ln))
    position = {rec: i for i, rec in enumerate(order)}
    gold_comments = []
    threaded = any(getattr(comments[rec], "depth", 0) for rec in order if rec < len(comments))
    for rec in order:
        info = comments[rec] if rec < len(comments) else None
        texts = by_record[rec]
        c = {
            "author": getattr(info, "author", None),
            "text_first": first_words(texts[0], COMMENT_ANCHOR),
            "text_last": last_words(texts[-1], COMMENT_ANCHOR),
        }
        if threaded:
            parent = getattr(info, "parent", None)
            c["parent"] = position.get(parent) if parent is not None else None
        if getattr(info, "date", None):
            c["date"] = info.date
        gold_comments.append(c)
    content = [_norm(t) for t in body] + [_norm(t) for ts in by_record.values() for t in ts]
    chrome = []
    for ln, lab in zip(lines, labels, strict=True):
        if lab in (CHROME, CCHROME) and ln.text not in chrome:
            key = _norm(ln.text)
            if key and not any(key in c for c in content):
                chrome.append(ln.text)
    rng = random.Random(len(text))
    return {
        "title": title,
        "byline": byline,
        "body_first": first_words(body[0], ANCHOR) if body else "",
        "body_last": last_words(body[-1], ANCHOR) if body else "",
        "boilerplate": rng.sample(chrome, min(len(chrome), 15)),
        "comments": gold_comments,
    }


__all__ = ["gold_from_lines", "AUTH", "AUTH_B", "CMETA", "CMETA_B", "COMMENT"]
