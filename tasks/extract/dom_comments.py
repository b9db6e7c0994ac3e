"""Reader comments straight from a page's markup, one per comment element.

Which elements hold a comment, its author and its text differs by comment system; that is data
(`dom_comments.toml`), compiled once to XPath with cssselect. A reply nested inside another
comment is a comment of its own, and its text never leaks into its parent's.
"""

from __future__ import annotations

import copy
import re
import tomllib
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path

from lxml import html as lxml_html
from lxml.cssselect import CSSSelector

from tasks.extract.records import comment_time, reply_parents
from tasks.models import Comment

RULES_FILE = Path(__file__).with_name("dom_comments.toml")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class DomSystem:
    name: str
    section: CSSSelector
    comment: CSSSelector
    author: tuple[CSSSelector, ...]  # tried in order
    text: tuple[CSSSelector, ...]
    date: tuple[CSSSelector, ...] = ()  # the date as shown, tried in order
    drop: CSSSelector | None = None  # notes inside a comment's text that are not its words


@dataclass(frozen=True, slots=True)
class DomComments:
    system: str
    comments: list[Comment]
    containers: list[lxml_html.HtmlElement]  # the comment area(s), to keep out of the article


@cache
def load_systems() -> tuple[tuple[DomSystem, ...], frozenset[str]]:
    data = tomllib.loads(RULES_FILE.read_text(encoding="utf-8"))
    systems = tuple(
        DomSystem(
            name=s["name"],
            section=CSSSelector(s["section"]),
            comment=CSSSelector(s["comment"]),
            author=tuple(CSSSelector(a) for a in s["author"]),
            text=tuple(CSSSelector(t) for t in s["text"]),
            date=tuple(CSSSelector(d) for d in s.get("date", ())),
            drop=CSSSelector(", ".join(s["drop"])) if s.get("drop") else None,
        )
        for s in data["system"]
    )
    return systems, frozenset(p.casefold() for p in data["placeholders"])


def _owner(el, comment_set: set) -> object | None:
    """The nearest comment element enclosing `el` (itself excluded)."""
    parent = el.getparent()
    while parent is not None:
        if parent in comment_set:
            return parent
        parent = parent.getparent()
    return None


def _first_own(selectors: tuple[CSSSelector, ...], comment, comment_set: set):
    """First element matched by the first selector that matches inside this very comment."""
    for selector in selectors:
        for m in selector(comment):
            if _owner(m, comment_set) is comment:
                return m
    return None


def _without_notes(el, drop: CSSSelector | None):
    """The text element, or a copy of it without the system's notes ('awaiting moderation')."""
    if drop is None or not drop(el):
        return el
    el = copy.deepcopy(el)
    for note in drop(el):
        note.drop_tree()
    return el


def find_comments(tree: lxml_html.HtmlElement, render, ref: datetime | None = None) -> DomComments | None:
    """Comments of the first system in the table the markup shows, or None.

    `render` turns an element into text with paragraphs (the page's text renderer); relative
    dates ('3 hours ago') count from `ref`, the scrape time.
    """
    systems, placeholders = load_systems()
    for system in systems:
        elements = system.comment(tree)
        if not elements:
            continue
        comment_set = set(elements)
        comments: list[Comment] = []
        kept: list = []
        for el in elements:
            text_el = _first_own(system.text, el, comment_set)
            if text_el is None:
                continue
            text = render(_without_notes(text_el, system.drop))
            if not text.strip():
                continue
            author_el = _first_own(system.author, el, comment_set)
            author = _SPACES.sub(" ", author_el.text_content()).strip() if author_el is not None else ""
            if not author or author.casefold() in placeholders:
                author = None
            date_el = _first_own(system.date, el, comment_set)
            shown = _SPACES.sub(" ", date_el.text_content()).strip() if date_el is not None else None
            when = comment_time(date_el, shown, ref) if date_el is not None else None
            comments.append(
                Comment(len(comments), author, text, f"dom:{system.name}", None, shown or None, when)
            )
            kept.append(el)
        for c, parent in zip(comments, reply_parents(kept), strict=True):
            c.parent_position = parent
        if comments:
            containers = system.section(tree) or [e for e in elements if _owner(e, comment_set) is None]
            return DomComments(system.name, comments, containers)
    return None
