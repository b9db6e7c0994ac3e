"""HTML as a reader sees it: lenient parsing, chrome removal and a text rendering with paragraphs."""

from __future__ import annotations

import copy
import re

from lxml import etree
from lxml import html as lxml_html

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
# Elements whose content is never page text.
_DROP = (
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "canvas",
    "iframe",
    "object",
    "nav",
    "form",
    "button",
    "select",
    "textarea",
    "input",
    "head",
)
_DROP_XPATH = " | ".join(f"//{t}" for t in _DROP) + " | //*[@role='navigation'] | //comment()"
_BLOCK = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    ]
)
_SPACES = re.compile(r"[ \t\r\n\f\v]+")
_BLANKS = re.compile(r"\n[ \t]*(?:\n[ \t]*)+")


def parse(page: str) -> lxml_html.HtmlElement | None:
    """Parse HTML text leniently; None when there is no document to speak of."""
    page = _XML_DECLARATION.sub("", page, count=1)
    if not page.strip():
        return None
    try:
        return lxml_html.document_fromstring(page)
    except (etree.ParserError, ValueError):
        return None


def strip_chrome(tree: lxml_html.HtmlElement) -> None:
    """Remove, in place, everything that is never page text (keeping the text that follows it)."""
    for el in tree.xpath(_DROP_XPATH):
        if el.getparent() is not None:
            if isinstance(el, lxml_html.HtmlElement):
                el.drop_tree()
            else:  # comments, processing instructions: keep their tail text
                parent, tail = el.getparent(), el.tail
                prev = el.getprevious()
                if tail:
                    if prev is not None:
                        prev.tail = (prev.tail or "") + tail
                    else:
                        parent.text = (parent.text or "") + tail
                parent.remove(el)


def render(el: lxml_html.HtmlElement) -> str:
    """Text of an element as a reader sees it: one line per block, a blank line between blocks."""
    parts: list[str] = []
    for event, node in etree.iterwalk(el, events=("start", "end")):
        tag = node.tag if isinstance(node.tag, str) else None
        if event == "start":
            if tag in _BLOCK:
                parts.append("\n\n")
            elif tag == "br":
                parts.append("\n")
            if tag is not None and node.text:
                parts.append(_SPACES.sub(" ", node.text))
        else:
            if tag in _BLOCK:
                parts.append("\n\n")
            if node is not el and node.tail:
                parts.append(_SPACES.sub(" ", node.tail))
    lines = (line.strip() for line in "".join(parts).split("\n"))
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip()


def render_clean(el: lxml_html.HtmlElement) -> str:
    """Rendered text of one element with its chrome (scripts, buttons, ...) left out."""
    el = copy.deepcopy(el)
    el.tail = None
    holder = lxml_html.Element("div")
    holder.append(el)
    strip_chrome(holder)
    return render(holder)
