"""A generated page as a small DOM whose text leaves know their label, and its renderings.

Every text leaf is written with an invisible marker (a private-use character per label, one more
per comment record) in front of it. Whatever renders the page — a third-party HTML-to-text or
-to-markdown converter, or `dump`, which writes the page the way a copy from a browser or a
scraper's text export looks — carries the markers along, so each rendered line's label and
comment are read back from them and the markers removed. The HTML is the teacher.
"""

from __future__ import annotations

import html as html_lib
from dataclasses import dataclass, field

from tasks.segment.labels import (
    AUTH,
    AUTH_B,
    BODY,
    BYLINE,
    CCHROME,
    CHROME,
    CMETA,
    CMETA_B,
    META,
    TEXT,
    TEXT_B,
    TITLE,
)
from tasks.segment.lines import split_lines
from tasks.segment.train.render import render

_LABEL_BASE = 0xE000
_RECORD_BASE = 0xF000
_MARKERS = {chr(c) for c in range(_LABEL_BASE, _LABEL_BASE + 16)} | {
    chr(c) for c in range(_RECORD_BASE, _RECORD_BASE + 2048)
}
# which label a line takes when it holds leaves of several
_PRIORITY = [AUTH_B, CMETA_B, TEXT_B, AUTH, CMETA, TEXT, TITLE, BYLINE, BODY, META, CCHROME, CHROME]
_RANK = {label: i for i, label in enumerate(_PRIORITY)}
_UNOPENED = {AUTH_B: AUTH, CMETA_B: CMETA, TEXT_B: TEXT}
INLINE = {
    "a",
    "span",
    "b",
    "strong",
    "em",
    "i",
    "time",
    "small",
    "abbr",
    "cite",
    "label",
    "button",
    "img",
    "code",
    "sup",
}
VOID = {"img", "br", "hr", "input"}


@dataclass
class Leaf:
    text: str
    label: int
    record: int = -1  # the comment this leaf belongs to, -1 outside comments


@dataclass
class Node:
    tag: str
    children: list[Node | Leaf] = field(default_factory=list)
    attrs: dict[str, str] = field(default_factory=dict)
    gap: int | None = None  # blank lines before this block in a dump (None: the page's default)
    depth: int = 0  # reply depth: a dump indents or quotes it


def el(tag: str, *children: Node | Leaf | None, gap: int | None = None, depth: int = 0, **attrs: str) -> Node:
    attrs = {k.rstrip("_").replace("_", "-"): v for k, v in attrs.items()}
    return Node(tag, [c for c in children if c is not None], attrs, gap, depth)


def leaf(text: str, label: int, record: int = -1) -> Leaf:
    return Leaf(text, label, record)


def _marker(item: Leaf) -> str:
    mark = chr(_LABEL_BASE + item.label)
    return mark + (chr(_RECORD_BASE + item.record) if item.record >= 0 else "")


def to_html(root: Node, title: str, lang: str) -> str:
    """The page as HTML, each text leaf behind its marker."""
    out: list[str] = []

    def walk(node: Node | Leaf) -> None:
        if isinstance(node, Leaf):
            out.append(_marker(node) + html_lib.escape(node.text, quote=False))
            return
        attrs = "".join(f' {k}="{html_lib.escape(v)}"' for k, v in node.attrs.items())
        out.append(f"<{node.tag}{attrs}>")
        if node.tag in VOID:
            return
        for child in node.children:
            walk(child)
        out.append(f"</{node.tag}>")

    walk(root)
    head = f"<head><meta charset='utf-8'><title>{html_lib.escape(title)}</title></head>"
    return f"<!DOCTYPE html><html lang='{lang}'>{head}{''.join(out)}</html>"


@dataclass
class DumpStyle:
    """How a text or markdown export of the page lays it out."""

    markdown: bool = False
    gap: int = 1  # blank lines between blocks whose node sets none
    indent: str = "  "  # per reply level ('' for none, '> ' to quote)
    inline_blocks: bool = False  # every inline element on its own line (a flex layout copied)
    bullets: str = "* "


def dump(root: Node, style: DumpStyle) -> str:
    """The page written out as a scraper's text or markdown export of it."""
    lines: list[tuple[int, str, int]] = []  # (gap before, text, depth)
    current: list[str] = []
    pending_gap = [0]

    def flush(depth: int) -> None:
        text = "".join(current).strip()
        current.clear()
        if text:
            lines.append((pending_gap[0], text, depth))
            pending_gap[0] = 0

    def inline(node: Node | Leaf) -> str:
        if isinstance(node, Leaf):
            return _marker(node) + node.text
        inner = "".join(inline(c) for c in node.children)
        if not style.markdown:
            return inner
        if node.tag == "a" and node.attrs.get("href") and inner.strip():
            return f"[{inner}]({node.attrs['href']})"
        if node.tag in ("b", "strong") and inner.strip():
            return f"**{inner}**"
        if node.tag in ("em", "i") and inner.strip():
            return f"*{inner}*"
        if node.tag == "img":
            return f"![{node.attrs.get('alt', '')}]({node.attrs.get('src', '')})"
        return inner

    def block(node: Node, depth: int, prefix: str) -> None:
        depth = max(depth, node.depth)
        gap = node.gap if node.gap is not None else style.gap
        flush(depth)
        pending_gap[0] = max(pending_gap[0], gap)
        md = style.markdown
        lead = ""
        if md and node.tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            lead = "#" * int(node.tag[1]) + " "
        elif node.tag == "li":
            lead = style.bullets
        elif md and node.tag == "blockquote":
            lead = "> "
        for child in node.children:
            if isinstance(child, Leaf) or (child.tag in INLINE and not style.inline_blocks):
                if not current:
                    current.append(prefix + lead)
                current.append(inline(child))
            else:
                if isinstance(child, Node) and child.tag in INLINE:  # an inline element copied as a block
                    flush(depth)
                    current.append(prefix + lead + inline(child))
                    flush(depth)
                    continue
                block(child, depth, prefix)
        flush(depth)
        pending_gap[0] = max(pending_gap[0], gap if node.tag not in INLINE else 0)

    block(root, 0, "")
    out: list[str] = []
    for i, (gap, text, depth) in enumerate(lines):
        if i:
            out.extend([""] * gap)
        out.append(style.indent * depth + text)
    return "\n".join(out) + "\n"


@dataclass
class Rendering:
    text: str
    format: str  # text | markdown
    labels: list[int]  # one per split_lines line
    records: list[int]  # the comment each line belongs to (-1: none)


def read_markers(marked: str, markdown: bool) -> Rendering:
    """Labels and comment records of each line of a marked rendering, and the text without markers."""
    rows = marked.split("\n")
    clean_rows, row_label, row_record = [], [], []
    last_label, last_record = CHROME, -1
    for row in rows:
        found: list[tuple[int, int]] = []
        chars = []
        i = 0
        while i < len(row):
            c = row[i]
            code = ord(c)
            if _LABEL_BASE <= code < _LABEL_BASE + 16:
                record = -1
                if i + 1 < len(row) and _RECORD_BASE <= ord(row[i + 1]) < _RECORD_BASE + 2048:
                    record = ord(row[i + 1]) - _RECORD_BASE
                    i += 1
                found.append((code - _LABEL_BASE, record))
            elif not (_RECORD_BASE <= code < _RECORD_BASE + 2048):
                chars.append(c)
            i += 1
        clean = "".join(chars)
        if found:
            label, record = min(found, key=lambda f: _RANK[f[0]])
            last_label, last_record = _UNOPENED.get(label, label), record
        else:
            label, record = last_label, last_record
        clean_rows.append(clean.rstrip() if clean.strip() else "")
        row_label.append(label)
        row_record.append(record)
    text = "\n".join(clean_rows)
    lines = split_lines(text, markdown)
    return Rendering(
        text,
        "markdown" if markdown else "text",
        [row_label[line.row] for line in lines],
        [row_record[line.row] for line in lines],
    )


def render_tree(root: Node, title: str, lang: str, renderer: str | DumpStyle) -> Rendering:
    if isinstance(renderer, DumpStyle):
        return read_markers(dump(root, renderer), renderer.markdown)
    text, fmt = render(to_html(root, title, lang), renderer)
    return read_markers(text, fmt == "markdown")
