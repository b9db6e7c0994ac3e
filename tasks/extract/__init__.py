"""Extract: an HTML page's title, byline, date, body and comments, from its markup.

Part of the segment stage, run on a record's cleaned HTML (the raw layer keeps the page, so
`scrapeline resegment` extracts it again):
- the article (title, author, date, site name, body) by trafilatura, comments excluded;
- comments from the markup when a known comment system shows them (`dom_comments.toml`),
  otherwise the text segmenter runs on the page's text rendering and its comments are kept.
Script, style, navigation and form controls never reach any text.
"""

from __future__ import annotations

import copy

from tasks.clean import clean_text
from tasks.extract.dom import parse, render, render_clean, strip_chrome
from tasks.extract.dom_comments import DomComments, find_comments, load_systems
from tasks.extract.records import mine_comments
from tasks.models import Record, Segmentation
from tasks.readers.base import parse_time
from tasks.segment import segment

__all__ = ["extract_page"]

_COMMENTS_MARK = "data-scrapeline-comments"


def extract_page(rec: Record) -> Segmentation | None:
    """Title, byline, date, body and comments of an HTML record; None when it has no text."""
    tree = parse(rec.text)
    if tree is None:
        return None
    dom = find_comments(tree, render_clean)
    mined = None
    if dom is None:
        mined = mine_comments(tree, load_systems()[1], rec.scraped_at)
        if mined is not None:
            dom = DomComments("html-records", mined.comments, mined.containers)
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
        trace["comment_section"] = f"{system}: markup" if mined is None else f"repeated markup: {mined.key}"
    else:  # no comment markup: the text segmenter looks for comments in the rendered page
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


def _paragraphs(text: str | None) -> str:
    """trafilatura's text (one line per element) with paragraphs separated by one blank line."""
    if not text:
        return ""
    return "\n\n".join(line.strip() for line in text.splitlines() if line.strip())


def _clean(text: str | None) -> str | None:
    if not text:
        return None
    out = clean_text(str(text)).strip()
    return out or None
