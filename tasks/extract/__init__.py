"""Extract: an HTML page's title, byline, date, body and comments, from its markup.

Part of the segment stage, run on a record's cleaned HTML (the raw layer keeps the page, so
`scrapeline resegment` extracts it again):
- comments from the markup of a known comment system (`dom_comments.toml`), else from repeated
  markup (`records.py`), else the text segmenter runs on the page's text rendering;
- the title by agreement of the page's sources without the site's name, authors and date from
  JSON-LD and meta first (`meta.py`);
- the body by trafilatura on the page without its comment area, checked by a jusText +
  readability vote (`body.py`).
Script, style, navigation and form controls never reach any text.
"""

from __future__ import annotations

import copy
import dataclasses
import re
from dataclasses import dataclass

from lxml import html as lxml_html

from tasks.clean import clean_text
from tasks.extract.body import RULE, collect, vote
from tasks.extract.dom import parse, render, render_clean, strip_chrome
from tasks.extract.dom_comments import DomComments, find_comments, load_systems
from tasks.extract.meta import PageMeta, choose_title, read_meta
from tasks.extract.records import Mined, mine_comments
from tasks.models import Comment, Record, Segmentation
from tasks.readers.base import parse_time
from tasks.segment import segment

__all__ = ["extract_page"]

_COMMENTS_MARK = "data-scrapeline-comments"
_SPACES = re.compile(r"\s+")


@dataclass
class Reading:
    """A page read: its tree, what its head says, its comments, and trafilatura's article."""

    tree: lxml_html.HtmlElement
    meta: PageMeta
    dom: DomComments | None  # comments from markup (a known system's, or mined)
    mined: Mined | None  # the mined list, when the comments came from repeated markup
    article: lxml_html.HtmlElement  # the page without its comment area: what the body comes from
    doc: object  # trafilatura's result on `article`


def read_page(rec: Record) -> Reading | None:
    """Parse a record's HTML, find its comments, and extract the article without them."""
    tree = parse(rec.text)
    if tree is None:
        return None
    meta = read_meta(tree, rec.url)
    dom = find_comments(tree, render_clean, rec.scraped_at)
    mined = None
    if dom is None:
        mined = mine_comments(tree, load_systems()[1], rec.scraped_at)
    if mined is not None:
        # checked against the article trafilatura finds in the whole page: a record holding its
        # opening is the article (a forum's first post), and a list that took article text with
        # it is no comment list
        whole_tree = copy.deepcopy(tree)
        whole = _trafilatura(whole_tree, rec.url, metadata=False)
        article = _without(tree, mined.containers)
        doc = _trafilatura(article, rec.url)
        kept = getattr(doc, "text", None) or ""
        drop = _article_records(getattr(whole, "text", None), mined.comments)
        whole_len = len(getattr(whole, "text", None) or "")
        if drop and (len(kept) < 300 or len(kept) < 0.1 * whole_len):
            # nothing else is an article (a tenth of the whole page's at most): the post opening it is
            mined = mined.without(drop)
            if mined is not None:
                article = _without(tree, mined.containers)
                doc = _trafilatura(article, rec.url)
        if mined is not None and _article_lost(
            getattr(whole, "text", None), getattr(doc, "text", None), mined.comments
        ):
            mined, doc, article = None, None, whole_tree
        if mined is None:  # the whole page after all: its metadata too
            article = whole_tree
            doc = _trafilatura(article, rec.url)
        dom = DomComments("html-records", mined.comments, mined.containers) if mined is not None else None
    else:
        article = _without(tree, dom.containers) if dom is not None else copy.deepcopy(tree)
        doc = _trafilatura(article, rec.url)
    return Reading(tree, meta, dom, mined, article, doc)


def extract_page(rec: Record) -> Segmentation | None:
    """Title, byline, date, body and comments of an HTML record; None when it has no text."""
    r = read_page(rec)
    if r is None:
        return None
    tree, meta, dom, mined, doc = r.tree, r.meta, r.dom, r.mined, r.doc
    title, title_rule = choose_title(meta, getattr(doc, "title", None), getattr(doc, "sitename", None))
    title = _clean(title)
    if title is None and rec.title:
        title, title_rule = rec.title, "metadata"
    byline, byline_rule = _clean(", ".join(meta.authors)), "html:json-ld/meta"
    if byline is None:
        byline, byline_rule = _clean(getattr(doc, "author", None)), "html:metadata"
    text = getattr(doc, "text", None) or ""
    voted = vote(collect(r.article, text, _language(tree), RULE), text, RULE) if text.strip() else text
    body = _clean(_paragraphs(voted))
    published = meta.published or parse_time(getattr(doc, "date", None)) or rec.published_at
    body = _without_title(body, title)
    trace = {"title": title_rule if title else "none", "byline": byline_rule if byline else "none"}
    trace["body"] = "html:trafilatura" if voted == text else "html:trafilatura+vote"
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
        comments = _not_in_article(seg.comments, body)
        system = seg.comment_system if comments else None
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


def _without_title(body: str | None, title: str | None) -> str | None:
    """The body without a first paragraph that only repeats the title (an <h1> kept with it)."""
    if not body or not title:
        return body
    first, _, rest = body.partition("\n\n")
    if rest and _SPACES.sub(" ", first).strip().casefold() == _SPACES.sub(" ", title).strip().casefold():
        return rest
    return body


def _language(tree) -> str | None:
    lang = (tree.get("lang") or tree.get("xml:lang") or "")[:2].lower()
    return lang or None


def _without(tree, containers) -> object:
    """A copy of the page without the given elements (the comment area)."""
    for container in containers:
        container.set(_COMMENTS_MARK, "")
    out = copy.deepcopy(tree)
    for container in containers:
        del container.attrib[_COMMENTS_MARK]
    for container in out.xpath(f"//*[@{_COMMENTS_MARK}]"):
        if container.getparent() is not None:
            container.drop_tree()
    return out


def _trafilatura(tree, url: str | None, metadata: bool = True):
    import trafilatura  # here, not at the top: only the segmenter processes extract (~40 MB)

    # htmldate's extensive search parses every date-like string with dateparser (up to seconds a
    # page); the head, JSON-LD, the URL and <time> elements are searched all the same
    dates = {"original_date": True, "extensive_search": False, "max_date": "2100-01-01"}
    return trafilatura.bare_extraction(
        tree,
        url=url,
        include_comments=False,
        with_metadata=metadata,
        deduplicate=False,
        date_extraction_params=dates,
    )


def _article_records(whole: str | None, comments: list) -> set[int]:
    """The comment whose text opens the article trafilatura finds in the whole page: it is the
    article (a forum's first post, a page whose article shares the comments' markup)."""
    text = _SPACES.sub(" ", whole or "")
    if not text:
        return set()
    best: tuple[int, int] | None = None  # (offset in the article, comment index)
    for i, c in enumerate(comments):
        lines = [_SPACES.sub(" ", line).strip() for line in c.text.splitlines()]
        first = next((line for line in lines if len(line) >= 40), None)
        offset = text.find(first) if first is not None else -1
        if offset >= 0 and (best is None or offset < best[0]):
            best = (offset, i)
    if best is None or best[0] > max(300, len(text) // 10):
        return set()
    return {best[1]}


def _not_in_article(comments: list[Comment], body: str | None) -> list[Comment]:
    """The text segmenter's comments less those whose text the article extracted from the markup
    holds: where the two readings disagree, the markup's article wins. Positions and replies are
    renumbered over the comments kept."""
    article = _SPACES.sub(" ", body or "")
    if not article:
        return comments
    kept = [c for c in comments if _SPACES.sub(" ", c.text).strip() not in article]
    if len(kept) == len(comments):
        return comments
    new_position = {c.position: i for i, c in enumerate(kept)}
    return [
        dataclasses.replace(c, position=i, parent_position=new_position.get(c.parent_position))
        for i, c in enumerate(kept)
    ]


def _article_lost(whole: str | None, kept: str | None, comments: list) -> bool:
    """True when over a quarter of the whole page's article text is neither in the article
    extracted without the comment area nor in the comments: the area held article text."""
    if not whole:
        return False
    kept_text = _SPACES.sub(" ", kept or "")
    comment_text = _SPACES.sub(" ", " ".join(c.text for c in comments))
    # a comment's paragraph inside a longer line is the comment with its name or buttons around it
    comment_lines = {
        t for c in comments for line in c.text.splitlines() if len(t := _SPACES.sub(" ", line).strip()) >= 30
    }
    total = lost = 0
    for line in whole.splitlines():
        line = _SPACES.sub(" ", line).strip()
        if len(line) < 30:
            continue
        total += len(line)
        if line not in kept_text and line not in comment_text and not any(t in line for t in comment_lines):
            lost += len(line)
    return total > 0 and lost > 0.25 * total


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
