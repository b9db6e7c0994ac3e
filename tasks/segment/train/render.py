"""HTML -> the text and markdown renderings scrapers leave behind, several ways.

Scrapes come from many tools: text browsers and layout-aware converters (inscriptis), markdown
converters (html2text, markdownify), a browser's "copy all text" (every block on its own line).
Training on one renderer would teach its quirks; each page is rendered by several.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import html2text
import inscriptis
from inscriptis.css_profiles import CSS_PROFILES
from inscriptis.model.config import ParserConfig
from lxml import html as lxml_html
from markdownify import markdownify

_DROP = ("script", "style", "noscript", "template", "svg", "head", "iframe", "object", "form select")
_BLOCK = {
    "p",
    "div",
    "section",
    "article",
    "header",
    "footer",
    "nav",
    "aside",
    "main",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "dl",
    "dt",
    "dd",
    "figure",
    "figcaption",
    "br",
    "hr",
    "form",
    "fieldset",
    "address",
    "details",
    "summary",
}
_BLANKS = re.compile(r"\n{3,}")
_PARSER = lxml_html.HTMLParser(encoding="utf-8")


def _tree(html: str):
    """The page parsed as UTF-8 bytes (lxml refuses text that declares its own encoding)."""
    return lxml_html.document_fromstring(html.encode("utf-8", "replace"), parser=_PARSER)


def _inscriptis(html: str) -> str:
    config = ParserConfig(css=CSS_PROFILES["strict"], display_links=False, display_images=False)
    return inscriptis.get_text(html, config)


def _inscriptis_relaxed(html: str) -> str:
    return inscriptis.get_text(html, ParserConfig(css=CSS_PROFILES["relaxed"]))


def _html2text(html: str, *, markdown: bool) -> str:
    h = html2text.HTML2Text()
    h.body_width = 0
    h.unicode_snob = True
    if not markdown:
        h.ignore_links = h.ignore_images = h.ignore_emphasis = True
    return h.handle(html)


def _markdownify(html: str) -> str:
    tree = _tree(html)
    for el in tree.xpath("//script|//style|//noscript|//template|//svg|//head"):
        el.drop_tree()
    return _BLANKS.sub("\n\n", markdownify(lxml_html.tostring(tree, encoding="unicode"), heading_style="ATX"))


def _browser_copy(html: str) -> str:
    """What select-all and copy gives: text of each block element on lines of its own."""
    tree = _tree(html)
    for el in tree.xpath("//script|//style|//noscript|//template|//svg|//head|//select"):
        el.drop_tree()
    out: list[str] = []

    def walk(el) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        block = tag in _BLOCK
        if block:
            out.append("\n")
        if el.text and tag:
            out.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                out.append(child.tail)
        if block:
            out.append("\n")

    walk(tree)
    lines = [" ".join(line.split()) for line in "".join(out).split("\n")]
    text, blank = [], 0
    for line in lines:
        if line:
            if text and blank:
                text.append("")
            text.append(line)
            blank = 0
        else:
            blank += 1
    return "\n".join(text) + "\n"


# name -> (render function, format of its output)
RENDERERS: dict[str, tuple[Callable[[str], str], str]] = {
    "inscriptis": (_inscriptis, "text"),
    "inscriptis-relaxed": (_inscriptis_relaxed, "text"),
    "html2text-text": (lambda h: _html2text(h, markdown=False), "text"),
    "browser-copy": (_browser_copy, "text"),
    "html2text-md": (lambda h: _html2text(h, markdown=True), "markdown"),
    "markdownify": (_markdownify, "markdown"),
}


def render(html: str, renderer: str) -> tuple[str, str]:
    """(text, format) of `html` as `renderer` writes it."""
    fn, fmt = RENDERERS[renderer]
    return fn(html), fmt
