"""The rule cascade: comment sections of known systems found by their markers, read by rules.

Written on the systems it names (`rules.toml`: wpDiscuz, WordPress, Disqus, Blogger, Forem,
TypePad, Facebook, Substack, Joomla, GitHub discussions, forums) it reads their sections better
than the line model does today, and far worse than the model on layouts nobody wrote rules for.
So it is a fast path: `segment` (tasks.segment.labeller) takes its reading only for a page whose
section it recognised by a known system's markers, and the model's for every other page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from tasks.models import Comment, Segmentation
from tasks.segment.dates import parse_date
from tasks.segment.lines import Line, split_lines, wrap_width, wrapped_on
from tasks.segment.rules.article import split_article
from tasks.segment.rules.comments import Section, find_section, split_comments
from tasks.segment.rules.forum import Thread, find_thread, quoted_parent
from tasks.segment.rules.table import Rules, load_rules

__all__ = ["segment", "recognises", "recognise", "Found", "GENERIC"]

GENERIC = "site"  # the system named by the markers every system shares: no known system

_FRONT_MATTER = re.compile(r"\A---\n(.{0,4000}?)\n---\n", re.S)
_FM_FIELD = re.compile(r"^(title|date|published|published_at|author)\s*:\s*[\"']?(.*?)[\"']?\s*$", re.M)


def join_paragraphs(paragraphs: list[list[Line]], wrap: int | None) -> str:
    """Lines of one paragraph joined (a space where the page hard-wrapped), paragraphs by a blank line.

    The text is the page's own (markdown kept: links, emphasis), only outer whitespace removed.
    """
    out = []
    for para in paragraphs:
        parts = [para[0].text]
        for prev, line in zip(para, para[1:], strict=False):
            parts.append((" " if wrapped_on(prev, wrap) else "\n") + line.text)
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


def _front_matter(text: str) -> tuple[str, dict[str, str]]:
    """YAML front matter off the page (kept as blank lines), with its title and date fields."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return text, {}
    fields = {k.lower(): v for k, v in _FM_FIELD.findall(m.group(1)) if v}
    return "\n" * m.group(0).count("\n") + text[m.end() :], fields


@dataclass(frozen=True, slots=True)
class Found:
    """What the check found on a page: a forum thread, else a comment section. `segment` reads
    the page from it instead of looking for them again."""

    thread: Thread | None
    section: Section | None


def recognise(lines: list[Line], rules: Rules | None = None) -> Found | None:
    """`recognises` on a page already split into lines (its front matter off), with what it found."""
    rules = rules or load_rules()
    thread = find_thread(lines, rules)
    if thread is not None:
        return Found(thread, None)
    section = find_section(lines, rules)
    return Found(None, section) if section is not None else None


def recognises(text: str, markdown: bool = False, rules: Rules | None = None) -> bool:
    """Whether the page shows a forum thread or a comment section the table's markers find (a
    known system's, or the generic heading, under which the comments' header forms may still
    name a known system): a tenth of what `segment` costs, so it decides cheaply whether the
    cascade should read the page."""
    return recognise(split_lines(_front_matter(text)[0], markdown), rules) is not None


def segment(
    text: str,
    *,
    markdown: bool = False,
    title_hint: str | None = None,
    rules: Rules | None = None,
    boilerplate: frozenset[str] = frozenset(),
    scraped_at: datetime | None = None,
    lines: list[Line] | None = None,
    found: Found | None = None,
) -> Segmentation:
    """Split one cleaned page into article fields and comments.

    `boilerplate`: line keys (casefolded plain text) known to repeat across the site's pages;
    `scraped_at`: the time relative dates ('5 years ago') are counted back from. `lines`: the page
    already split (`split_lines` of the text without its front matter), and `found`: what
    `recognise` found on them, so that neither is done twice.
    """
    rules = rules or load_rules()
    text, meta = _front_matter(text)
    title_hint = title_hint or meta.get("title")
    if lines is None:
        lines = split_lines(text, markdown)
    if found is None:
        found = recognise(lines, rules) or Found(None, None)
    if found.thread is not None:  # a forum thread: the opening post is the article, the replies comments
        return _from_thread(found.thread, title_hint, wrap_width(lines), scraped_at)
    section = found.section
    article_lines = lines[: section.marker] if section else lines
    wrap = wrap_width(lines)
    article = split_article(article_lines, title_hint, rules, boilerplate, document=bool(meta), wrap=wrap)
    comments: list[Comment] = []
    trace = dict(article.trace)
    system = section.system if section else None
    if section is not None:
        raw_comments, mode = split_comments(lines, section, rules)
        if system == rules.generic.name:  # a generic heading: name the system by its header form
            system = next(
                (c.rule.removesuffix("_header") for c in raw_comments if c.rule.endswith("_header")), system
            )
        trace["comment_section"] = (
            f"{system} ({section.rule}): lines {lines[section.marker].row + 1}-"
            f"{lines[section.end - 1].row + 1 if section.end > section.start else lines[section.marker].row + 1}, split by {mode}"
        )
        for raw in raw_comments:
            comments.append(
                Comment(
                    position=len(comments),
                    author=raw.author,
                    text=join_paragraphs(raw.paragraphs, wrap),
                    rule=raw.rule,
                    parent_position=raw.parent,
                    published_text=raw.published_text,
                    published_at=parse_date(raw.published_text, scraped_at),
                )
            )
            trace[f"comment {len(comments) - 1}"] = f"line {raw.paragraphs[0][0].row + 1}: {raw.rule}" + (
                f", parent {raw.parent} by {raw.parent_rule}" if raw.parent is not None else ""
            )
    date_text = meta.get("date") or meta.get("published") or article.date_text
    published = parse_date(date_text, scraped_at)
    if published is not None:
        trace["published_at"] = f"{date_text!r}"
    return Segmentation(
        title=article.title,
        byline=article.byline,
        body=join_paragraphs(_paragraphs(article.body_lines), wrap),
        comments=comments,
        comment_system=system,
        published_at=published,
        trace=trace,
    )


def _from_thread(
    thread: Thread, title_hint: str | None, wrap: int | None, scraped_at: datetime | None
) -> Segmentation:
    first, replies = thread.posts[0], thread.posts[1:]
    trace = {
        "title": "metadata" if title_hint else "forum_subject",
        "byline": "forum_post_header",
        "body_start": f"line {first.paragraphs[0][0].row + 1}: first post (header line {first.header_idx})",
        "comment_section": f"forum: {len(replies)} replies after the first post, split by post headers",
    }
    comments = [
        Comment(
            position=n,
            author=post.author,
            text=join_paragraphs(post.paragraphs, wrap),
            rule="forum_post",
            parent_position=quoted_parent(thread.posts, n + 1),
            published_text=post.date_text,
            published_at=parse_date(post.date_text, scraped_at),
        )
        for n, post in enumerate(replies)
    ]
    for n, post in enumerate(replies):
        trace[f"comment {n}"] = f"line {post.header_idx}: forum_post" + (
            f", parent {comments[n].parent_position} by quote"
            if comments[n].parent_position is not None
            else ""
        )
    return Segmentation(
        title=title_hint or thread.title,
        byline=first.byline,
        body=join_paragraphs(first.paragraphs, wrap),
        comments=comments,
        comment_system="forum",
        published_at=parse_date(first.date_text, scraped_at),
        trace=trace,
    )
