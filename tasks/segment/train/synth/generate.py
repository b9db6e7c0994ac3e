"""Whole generated pages: a layout around an article and a family's comment section, rendered.

`generate(seed, family, pool)` is deterministic: the same seed gives the same page, labels and
gold on every machine. Damage real scrapes show is mixed in: pages without comments or with
comments closed, a 'recent comments' sidebar, cookie banners, truncated files, hard-wrapped
text, Windows line ends.
"""

from __future__ import annotations

import random

from tasks.segment.labels import AUTH, BODY, BYLINE, CCHROME, CHROME, CMETA, META, TEXT
from tasks.segment.train.gold import gold_from_lines
from tasks.segment.train.synth.families import (
    FAMILIES,
    RARE_WORDS,
    TEST_FAMILIES,
    Family,
    Rec,
    composed,
    mark,
    open_records,
)
from tasks.segment.train.synth.page import (
    Comment,
    Context,
    article,
    bottom_chrome,
    recent_comments_widget,
    top_chrome,
)
from tasks.segment.train.synth.tree import DumpStyle, Leaf, Node, el, leaf, render_tree
from tasks.segment.train.teacher import LabelledPage

DROP_META = 0.25  # pages whose scrape lost the comments' dates
DROP_BUTTONS = 0.25  # pages whose scrape lost the comments' buttons
BARE_TOP = 0.12  # pages saved without the site's header: the headline is the first line
BARE_BOTTOM = 0.12  # ... or without its footer
THIRD_PARTY = ("inscriptis", "html2text-md", "markdownify", "browser-copy", "html2text-text")
_AS_ARTICLE = {AUTH: BYLINE, CMETA: META, TEXT: BODY, CCHROME: CHROME}


def _thread(ctx: Context, fam: Family, n: int) -> list[Rec]:
    """Comments in page order; a reply follows its parent's subtree, as threaded pages show them."""
    r = ctx.rng
    recs: list[Rec] = []
    stack: list[Rec] = []
    names = [ctx.name() for _ in range(max(3, n // 2 + 1))]
    when = ctx.published
    for i in range(n):
        parent = None
        if stack and r.random() < fam.reply_share:
            parent = r.choice(stack[-3:])
            stack = stack[: stack.index(parent) + 1]
        else:
            stack = []
        anon = fam.anon != "never" and r.random() < fam.anon_share
        name = None if anon else (ctx.author if r.random() < 0.05 else r.choice(names))
        placeholder = None
        if anon and fam.anon == "placeholder":
            placeholder = ctx.rng.choice(ctx.v["placeholders"])
        from datetime import timedelta

        when = when + timedelta(minutes=r.randrange(1, 60 * 24 * 3))
        text, iso = ctx.date(when)
        rec = Rec(
            i,
            (parent.depth + 1) if parent else 0,
            parent.index if parent else None,
            name,
            placeholder,
            text,
            iso,
            (parent.name or parent.placeholder) if parent else None,
            ctx.comment_paragraphs(),
        )
        recs.append(rec)
        stack.append(rec)
        ctx.comments.append(Comment(name, rec.parent, iso, rec.depth))
    return recs


def _drop(nodes: list[Node], label: int) -> None:
    """A scrape that lost what one kind of leaf shows (dates or buttons drawn as icons or hidden)."""
    for node in nodes:
        for child in node.children:
            if isinstance(child, Leaf):
                if child.label == label:
                    child.text = ""
            else:
                _drop([child], label)


def _record_block(ctx: Context, fam: Family, rec: Rec, record: int) -> Node:
    parts = fam.record(ctx, rec)
    if ctx.drop_meta:
        _drop(parts, CMETA)
        ctx.comments[record].date = None
    if ctx.drop_buttons:
        _drop(parts, CCHROME)
    for part in parts[1:]:
        if part.gap is None:
            part.gap = fam.gap_in
    open_records(parts)
    mark(parts, record)
    depth = rec.depth if fam.nest != "flat" else 0
    return el(
        "li" if fam.nest == "nested" else "div", *parts, gap=fam.gap_between, depth=depth, class_="comment"
    )


def comment_section(ctx: Context, fam: Family, n: int) -> list[Node]:
    recs = _thread(ctx, fam, n)
    blocks = [_record_block(ctx, fam, rec, i) for i, rec in enumerate(recs)]
    if fam.nest == "nested":  # replies inside their parent's block
        top: list[Node] = []
        for rec, block in zip(recs, blocks, strict=True):
            if rec.parent is None:
                top.append(block)
            else:
                holder = blocks[rec.parent]
                kids = next(
                    (
                        c
                        for c in holder.children
                        if isinstance(c, Node) and c.attrs.get("class") == "children"
                    ),
                    None,
                )
                if kids is None:
                    kids = el("ul", class_="children")
                    holder.children.append(kids)
                kids.children.append(block)
        body = [el("ol", *top, class_="comment-list")]
    else:
        body = [el("div", *blocks, class_="comment-list")]
    return [*fam.before(ctx, n), *body, *fam.after(ctx)]


def _forum_page(ctx: Context, fam: Family, n: int) -> list[Node]:
    """A thread: its subject is the title, its first post the article, the replies the comments."""
    recs = _thread(ctx, fam, n + 1)
    ctx.comments.pop(0)
    first = fam.record(ctx, recs[0])

    def relabel(node: Node | Leaf) -> None:
        if isinstance(node, Leaf):
            node.label = _AS_ARTICLE.get(node.label, node.label)
            if node.label == BODY and len(node.text) < 3:
                node.label = CHROME
        else:
            for child in node.children:
                relabel(child)

    for part in first:
        relabel(part)
    for c in ctx.comments:
        c.parent = None if c.parent in (None, 0) else c.parent - 1
    replies = []
    for i, rec in enumerate(recs[1:]):
        rec.parent = None if rec.parent in (None, 0) else rec.parent - 1
        replies.append(_record_block(ctx, fam, rec, i))
    from tasks.segment.labels import TITLE

    subject = el("h1", leaf(ctx.title, TITLE), class_="thread-title")
    return [subject, *fam.before(ctx, n), el("div", *first, class_="first-post"), *replies, *fam.after(ctx)]


def dump_style(rng: random.Random, markdown: bool) -> DumpStyle:
    return DumpStyle(
        markdown=markdown,
        gap=rng.choice([1, 1, 1, 0, 2]),
        indent=rng.choice(["", "  ", "    ", "> "] if markdown else ["", "  ", "    ", "\t"]),
        inline_blocks=rng.random() < 0.3,
        bullets=rng.choice(["* ", "- ", "• "]) if not markdown else rng.choice(["* ", "- "]),
    )


def generate(
    seed: int, family: str, pool, renderer: str | None = None, lang: str | None = None
) -> LabelledPage:
    """One page of `family` (a key of FAMILIES, or 'none' for an article without comments)."""
    rng = random.Random(seed)
    lang = (
        lang
        or rng.choices(
            ["en", "de", "fr", "es", "it", "pt", "nl", "pl", "ru", "id"], [40, 20, 7, 7, 5, 5, 4, 4, 4, 4]
        )[0]
    )
    fam = (
        FAMILIES.get(family)
        or TEST_FAMILIES.get(family)
        or (composed(seed) if family == "composed" else None)
    )
    ctx = Context(rng, lang, pool, rare=family in RARE_WORDS)
    ctx.drop_meta = fam is not None and rng.random() < DROP_META
    ctx.drop_buttons = fam is not None and rng.random() < DROP_BUTTONS
    n = rng.choice([1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 30]) if fam else 0
    n = min(n, fam.max_comments) if fam else 0
    main: list[Node]
    if fam is not None and fam.forum:
        main = _forum_page(ctx, fam, n)
    else:
        main = article(ctx, long=rng.random() < 0.7)
    side_before = rng.random() < 0.08
    sidebar = [recent_comments_widget(ctx)] if rng.random() < 0.15 else []
    section: list[Node] = []
    if fam is not None and not fam.forum:
        section = comment_section(ctx, fam, n)
    elif fam is None and rng.random() < 0.2:  # comments closed, or a form and nothing else
        section = [el("p", leaf(ctx.say("closed") if rng.random() < 0.5 else ctx.say("leave"), CCHROME))]
    top = top_chrome(ctx) if rng.random() >= BARE_TOP else []  # a reader-mode copy starts at the article
    bottom = bottom_chrome(ctx) if rng.random() >= BARE_BOTTOM else []
    parts = [
        *top,
        *(sidebar if side_before else []),
        el("main", el("article", *main), el("section", *section, id="comments")),
        *([] if side_before else sidebar),
        *bottom,
    ]
    root = el("body", *parts)
    if renderer is None:
        r = rng.random()
        renderer = "dump-text" if r < 0.4 else "dump-md" if r < 0.62 else rng.choice(THIRD_PARTY)
    style = renderer if not renderer.startswith("dump") else dump_style(rng, renderer == "dump-md")
    rendering = render_tree(root, ctx.title, lang, style)
    gold = gold_from_lines(
        rendering.text, rendering.format == "markdown", rendering.labels, rendering.records, ctx.comments
    )
    gold.update(
        file=f"{family}-{seed}.{'md' if rendering.format == 'markdown' else 'txt'}",
        format=rendering.format,
        comment_system=family,
        language=lang,
        layout=family,
    )
    return LabelledPage(
        name=gold["file"],
        group=family,
        kind="synth",
        format=rendering.format,
        text=rendering.text,
        labels=rendering.labels,
        gold=gold,
        meta={"renderer": renderer if isinstance(renderer, str) else "dump", "records": rendering.records},
    )
