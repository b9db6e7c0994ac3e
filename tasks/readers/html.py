"""HTML pages: recognised by markup, kept raw as a record, extracted before segmentation.

Extraction (`extract_page`) runs on a record's cleaned HTML, not at read time, so the raw
layer (`pages`) holds the page itself and `scrapeline resegment` can extract it again:
- the article (title, author, date, site name, body) by trafilatura, comments excluded;
- comments from the markup when a known comment system shows them (`dom_comments.toml`),
  otherwise the text segmenter runs on the page's text rendering and its comments are kept.
Script, style, navigation and form controls never reach any text.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from pathlib import PurePosixPath

from lxml import etree
from lxml import html as lxml_html

from tasks.clean import clean_text
from tasks.models import Record, Segmentation
from tasks.readers.base import Input, Item, parse_time
from tasks.readers.dom_comments import find_comments
from tasks.readers.text import read_whole

HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
_HTML_DOC = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
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
_COMMENTS_MARK = "data-scrapeline-comments"
_BLANKS = re.compile(r"\n[ \t]*(?:\n[ \t]*)+")


def looks_like_html(text: str) -> bool:
    """A whole HTML document (doctype, <html>, <head> or <body> first)."""
    return bool(_HTML_DOC.match(text.lstrip("\ufeff")[:4096]))


def sniff(name: str, head: str) -> bool:
    if looks_like_html(head):
        return True
    return PurePosixPath(name).suffix.lower() in HTML_SUFFIXES and head.lstrip("\ufeff \t\r\n").startswith(
        "<"
    )


def read(inp: Input) -> Iterator[Item]:
    """One HTML file -> one record holding the decoded page (extraction comes later)."""
    return read_whole(inp, "html")


# ---------------------------------------------------------------- parsing and text rendering


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


def _render_clean(el: lxml_html.HtmlElement) -> str:
    """Rendered text of one element with its chrome (scripts, buttons, ...) left out."""
    el = copy.deepcopy(el)
    el.tail = None
    holder = lxml_html.Element("div")
    holder.append(el)
    strip_chrome(holder)
    return render(holder)


def _paragraphs(text: str | None) -> str:
    """trafilatura's text (one line per element) with paragraphs separated by one blank line."""
    if not text:
        return ""
    return "\n\n".join(line.strip() for line in text.splitlines() if line.strip())


# ---------------------------------------------------------------- extraction


def extract_page(rec: Record) -> Segmentation | None:
    """Title, byline, date, body and comments of an HTML record; None when it has no text."""
    tree = parse(rec.text)
    if tree is None:
        return None
    dom = find_comments(tree, _render_clean)
    if dom is not None:  # keep the comment area out of the article
        for container in dom.containers:
            container.set(_COMMENTS_MARK, "")
    article_tree = copy.deepcopy(tree)
    for container in article_tree.xpath(f"//*[@{_COMMENTS_MARK}]"):
        if container.getparent() is not None:
            container.drop_tree()
    import trafilatura  # here, not at the top: only the segmenter processes extract (~40 MB)

    doc = trafilatura.bare_extraction(
        article_tree,
        url=rec.url,
        include_comments=False,
        with_metadata=True,
        deduplicate=False,
    )
    title = _clean(getattr(doc, "title", None)) or rec.title
    byline = _clean(getattr(doc, "author", None)) or rec.byline
    body = _clean(_paragraphs(getattr(doc, "text", None)))
    published = parse_time(getattr(doc, "date", None)) or rec.published_at
    trace = {"title": "html:metadata" if title else "none", "byline": "html:metadata" if byline else "none"}
    if getattr(doc, "sitename", None):
        trace["sitename"] = str(doc.sitename)
    if dom is not None:
        comments, system = dom.comments, dom.system
        for c in comments:
            c.text = clean_text(c.text)
            c.author = clean_text(c.author) if c.author else None
        trace["comment_section"] = f"{system}: markup"
    else:  # no comment markup: the text segmenter looks for comments in the rendered page
        from tasks.segment import segment

        strip_chrome(tree)
        bodies = tree.xpath("//body")
        rendered = clean_text(render(bodies[0] if bodies else tree))
        if not rendered.strip():
            return None
        seg = segment(rendered, title_hint=title)
        comments, system = seg.comments, seg.comment_system
        if not body:
            body, trace["body"] = seg.body, "html:segmenter"
        title = title or seg.title
        byline = byline or seg.byline
        if seg.comment_system:
            trace["comment_section"] = f"{seg.comment_system}: rendered text"
    if not body.strip():
        return None
    return Segmentation(
        title=title,
        byline=byline,
        body=body,
        comments=comments,
        comment_system=system,
        published_at=published,
        trace=trace,
    )


def _clean(text: str | None) -> str | None:
    if not text:
        return None
    out = clean_text(str(text)).strip()
    return out or None
