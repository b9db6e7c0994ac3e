"""Comment-section layout families: how one comment system arranges a record, and its chrome.

A family is a function from a record (who, when, replying to whom) to the blocks that show it,
plus the chrome before and after the list. Records are built from the same parts everywhere —
an author line, meta lines, the text, per-comment chrome — in each family's order and markup,
so families differ the way real systems do: what the header holds, where the date goes, what
the action row says, how replies nest, what anonymous posters look like.

`HELD_OUT` families never reach training: their scores are the measure of what the model does
with a comment system nobody described to it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from tasks.segment.labels import AUTH, AUTH_B, CCHROME, CMETA, CMETA_B, TEXT, TEXT_B
from tasks.segment.train.synth.page import Context
from tasks.segment.train.synth.tree import Leaf, Node, el, leaf

_OPEN = {AUTH: AUTH_B, CMETA: CMETA_B, TEXT: TEXT_B}


@dataclass
class Rec:
    """One comment being generated."""

    index: int
    depth: int
    parent: int | None
    name: str | None  # the name shown (None: nothing shown)
    placeholder: str | None  # 'Anonymous', 'Guest' … when shown instead of a name
    date_text: str
    date_iso: str | None
    parent_name: str | None
    paragraphs: list[str]

    @property
    def shown(self) -> str | None:
        return self.name or self.placeholder


@dataclass
class Family:
    name: str
    record: Callable[[Context, Rec], list[Node]]
    before: Callable[[Context, int], list[Node]]
    after: Callable[[Context], list[Node]]
    nest: str = "indent"  # indent: replies carry a depth; nested: inside their parent's block; flat
    anon: str = "placeholder"  # placeholder | omit (no header at all) | never
    anon_share: float = 0.1
    reply_share: float = 0.3
    gap_in: int = 1
    gap_between: int = 1
    max_comments: int = 25
    forum: bool = False  # the first post is the article


# --- parts -----------------------------------------------------------------------------------------
def author(rec: Rec, tag: str = "span", **attrs: str) -> Node:
    return el(tag, leaf(rec.shown or "", AUTH), class_=attrs.pop("class_", "comment-author"), **attrs)


def meta(text: str, tag: str = "span", cls: str = "comment-date") -> Node:
    return el(tag, leaf(text, CMETA), class_=cls)


def chrome(text: str, tag: str = "span", cls: str = "comment-action") -> Node:
    return el(tag, leaf(text, CCHROME), class_=cls)


def text_blocks(rec: Rec, gap: int | None = None, tag: str = "p") -> list[Node]:
    return [el(tag, leaf(p, TEXT), gap=gap if i == 0 else None) for i, p in enumerate(rec.paragraphs)]


def line(*parts: Node | Leaf | None, gap: int | None = None, cls: str = "comment-meta") -> Node:
    return el("div", *parts, gap=gap, class_=cls)


def sep(text: str = " • ") -> Leaf:
    return leaf(text, CCHROME)


def actions(
    ctx: Context, words: list[str], joiner: str | None, gap: int | None = None, cls: str = "comment-actions"
) -> Node:
    """An action row: one line with separators, or one block per button (joiner None)."""
    if joiner is None:
        return el("div", *(el("div", leaf(w, CCHROME)) for w in words), gap=gap, class_=cls)
    return el("div", leaf(joiner.join(words), CCHROME), gap=gap, class_=cls)


def heading(ctx: Context, key: str = "comments", tag: str = "h3") -> Node:
    return el(tag, leaf(ctx.say(key), CCHROME), class_="comments-title")


def form(ctx: Context, k: int | None = None) -> Node:
    r = ctx.rng
    parts = [el("h3", leaf(ctx.say("leave"), CCHROME))]
    for f in ctx.v["form"][: k or r.randrange(2, len(ctx.v["form"]) + 1)]:
        parts.append(el("p", leaf(f, CCHROME)))
    return el("div", *parts, id="respond", class_="comment-respond")


def buttons(ctx: Context, k: int) -> list[str]:
    return ctx.fixed("actions", k)


def _none(ctx: Context, n: int = 0) -> list[Node]:
    return []


# --- families -----------------------------------------------------------------------------------------
def wp_says(ctx: Context, rec: Rec) -> list[Node]:
    says = ctx.say("says")
    return [
        line(author(rec, "cite", class_="fn"), leaf(" " + says, CCHROME), cls="comment-author vcard"),
        line(
            el("a", leaf(rec.date_text, CMETA), href=f"#comment-{rec.index}"),
            cls="comment-meta commentmetadata",
        ),
        *text_blocks(rec),
        line(el("a", leaf(ctx.v["actions"][0], CCHROME), class_="comment-reply-link"), cls="reply"),
    ]


def wp_name_date(ctx: Context, rec: Rec) -> list[Node]:
    reply = ctx.rng.choice([ctx.v["actions"][0], ctx.v["actions"][0] + " ↓", ctx.v["actions"][0].upper()])
    return [
        line(author(rec, "b", class_="fn")),
        line(meta(rec.date_text, "time")),
        *text_blocks(rec),
        line(chrome(reply), cls="reply"),
    ]


def wp_date_first(ctx: Context, rec: Rec) -> list[Node]:
    says = ctx.say("says")
    return [
        line(meta(rec.date_text, "time")),
        line(author(rec, "cite"), leaf(" " + says, CCHROME)),
        *text_blocks(rec),
    ]


def wpdiscuz(ctx: Context, rec: Rec) -> list[Node]:
    parts = []
    if rec.shown:
        parts.append(line(author(rec, "div", class_="wpd-comment-author")))
    if rec.placeholder and ctx.rng.random() < 0.5:
        parts.append(line(chrome(ctx.rng.choice(["Guest", "Member"]))))
    parts.append(line(meta(rec.date_text, "div", "wpd-comment-date")))
    if ctx.rng.random() < 0.5:
        parts = [p for p in parts if p.attrs.get("class") != "comment-meta" or p is parts[0]]
    parts += text_blocks(rec, tag="div")
    if ctx.rng.random() < 0.6:
        parts.append(line(chrome(ctx.v["actions"][0])))
    if ctx.rng.random() < 0.4:
        parts.append(line(chrome(str(ctx.rng.randrange(-3, 20)))))
    return parts


def disqus(ctx: Context, rec: Rec) -> list[Node]:
    r = ctx.rng
    head = [author(rec, "a", class_="author")]
    if r.random() < 0.1:
        head.append(el("span", leaf(" " + r.choice(["Mod", "Author"]), CMETA), class_="badge"))
    if rec.parent_name and r.random() < 0.5:
        head.append(el("span", leaf(f" → {rec.parent_name}", CMETA), class_="parent-link"))
    head += [sep(" • "), el("a", leaf(rec.date_text, CMETA), class_="time-ago")]
    row = [str(r.randrange(0, 40)), "•", ctx.v["actions"][0], "•", r.choice(["Share ›", ctx.v["share"][0]])]
    if r.random() < 0.4:
        row = row[2:]
    return [
        line(*head, cls="post-byline"),
        *text_blocks(rec),
        actions(ctx, row, r.choice([None, " "]), cls="post-menu"),
    ]


def blogger(ctx: Context, rec: Rec) -> list[Node]:
    said = {
        "en": "said...",
        "de": "hat gesagt…",
        "fr": "a dit…",
        "es": "dijo...",
        "pt": "disse...",
        "it": "ha detto...",
    }
    return [
        line(
            author(rec, "cite", class_="user"),
            leaf(" " + said.get(ctx.lang, "said..."), CCHROME),
            cls="comment-author",
        ),
        *text_blocks(rec, tag="p"),
        line(el("a", leaf(rec.date_text, CMETA), class_="comment-timestamp")),
        line(chrome(ctx.v["actions"][min(5, len(ctx.v["actions"]) - 1)]), cls="item-control"),
    ]


def facebook(ctx: Context, rec: Rec) -> list[Node]:
    r = ctx.rng
    parts = [line(author(rec, "a", class_="UFICommentActorName"))]
    if r.random() < 0.15:
        parts.append(line(leaf(r.choice(["Top Commenter", "Top Fan", "Works at " + ctx.site]), CMETA)))
    parts += text_blocks(rec, tag="div")
    a = ctx.v["actions"]
    parts.append(
        line(
            leaf(f"{a[1]} · {a[0]} · ", CCHROME),
            leaf(ctx.say("short_ago", n=r.randrange(1, 9)), CMETA),
            cls="UFICommentActions",
        )
    )
    return parts


def jcomments(ctx: Context, rec: Rec) -> list[Node]:
    r = ctx.rng
    return [
        line(
            leaf(f"#{rec.index + 1} ", CCHROME),
            author(rec, "span", class_="comment-author"),
            leaf(" " + rec.date_text, CMETA),
            cls="comment-head",
        ),
        *text_blocks(rec, tag="div"),
        actions(
            ctx,
            ["Quote", ctx.v["actions"][0], "Report to administrator"],
            r.choice([" | ", None]),
            cls="comments-buttons",
        ),
        line(chrome(r.choice(["+", "-"]) + str(r.randrange(0, 9))), cls="rating"),
    ]


def substack(ctx: Context, rec: Rec) -> list[Node]:
    r = ctx.rng
    parts = []
    if r.random() < 0.3:
        parts.append(line(chrome(f"{rec.shown}'s avatar" if rec.shown else "avatar")))
    parts += [line(author(rec, "a")), line(meta(rec.date_text)), *text_blocks(rec)]
    parts.append(
        actions(
            ctx,
            [f"{ctx.v['actions'][1]} ({r.randrange(1, 30)})", ctx.v["actions"][0], ctx.v["share"][0]],
            r.choice([None, " "]),
        )
    )
    return parts


def medium(ctx: Context, rec: Rec) -> list[Node]:
    r = ctx.rng
    parts = [line(author(rec, "a")), line(meta(rec.date_text)), *text_blocks(rec)]
    parts.append(
        actions(
            ctx,
            [str(r.randrange(1, 200)), ctx.say("replies", n=r.randrange(1, 5)), ctx.v["actions"][0]],
            None,
        )
    )
    return parts


def github(ctx: Context, rec: Rec) -> list[Node]:
    r = ctx.rng
    handle = rec.shown or "ghost"
    verb = r.choice(["commented", "commented on", "replied"])
    parts = [
        line(
            author(rec, "a", class_="author"),
            leaf(f" {verb} ", CCHROME),
            leaf(rec.date_text, CMETA),
            cls="timeline-comment-header",
        )
    ]
    parts += text_blocks(rec)
    if r.random() < 0.5:
        parts.append(
            line(
                chrome(
                    " · ".join(
                        f"{e} {r.randrange(1, 9)}"
                        for e in r.sample(["👍", "🎉", "❤️", "🚀", "👀"], r.randrange(1, 3))
                    )
                )
            )
        )
    del handle
    return parts


def reddit(ctx: Context, rec: Rec) -> list[Node]:
    r = ctx.rng
    parts = []
    if r.random() < 0.5:
        parts.append(
            line(chrome(f"▲ {r.randrange(1, 900)} ▼" if r.random() < 0.5 else str(r.randrange(1, 900))))
        )
    parts.append(
        line(
            author(rec, "a"), leaf(f" · {r.randrange(1, 500)} points · ", CCHROME), leaf(rec.date_text, CMETA)
        )
    )
    parts += text_blocks(rec)
    parts.append(
        actions(
            ctx,
            [ctx.v["actions"][0], ctx.v["share"][0], ctx.v["actions"][3], "Save"],
            r.choice([" ", None, " · "]),
        )
    )
    return parts


def guardian(ctx: Context, rec: Rec) -> list[Node]:
    r = ctx.rng
    parts = [line(author(rec, "a")), line(meta(rec.date_text, "a"))]
    if rec.parent_name:
        parts.append(line(leaf(ctx.say("reply_to", name=rec.parent_name), CMETA)))
    parts += text_blocks(rec)
    parts.append(
        actions(
            ctx, [ctx.v["actions"][3], ctx.v["share"][0], ctx.v["actions"][0], str(r.randrange(0, 300))], None
        )
    )
    return parts


def youtube(ctx: Context, rec: Rec) -> list[Node]:
    r = ctx.rng
    parts = [line(author(rec, "a")), line(meta(rec.date_text)), *text_blocks(rec, tag="div")]
    parts.append(actions(ctx, [str(r.randrange(0, 5000)), ctx.v["actions"][0]], None))
    if r.random() < 0.2:
        parts.append(line(chrome(ctx.say("replies", n=r.randrange(2, 30)))))
    return parts


def livefyre(ctx: Context, rec: Rec) -> list[Node]:
    a = ctx.v["actions"]
    return [
        line(author(rec, "span")),
        *text_blocks(rec),
        line(leaf(f"{a[1]} {a[0]} · ", CCHROME), leaf(rec.date_text, CMETA)),
    ]


def typepad(ctx: Context, rec: Rec) -> list[Node]:
    return [
        *text_blocks(rec),
        line(
            leaf("Posted by: ", CCHROME),
            author(rec, "a"),
            leaf(" | ", CCHROME),
            leaf(rec.date_text, CMETA),
            cls="comment-footer",
        ),
    ]


def nyt(ctx: Context, rec: Rec) -> list[Node]:
    r = ctx.rng
    city = r.choice(
        ["Portland, OR", "Berlin", "Lyon", "Austin", "Toronto", "Leeds", "NYC", "Madrid", "Sydney", "Oslo"]
    )
    parts = [
        line(author(rec, "span")),
        line(meta(city, "span", "location")),
        line(meta(rec.date_text, "time")),
    ]
    if r.random() < 0.3:
        parts.insert(1, line(leaf(r.choice(["Times Pick", "Reader Pick", "Verified"]), CMETA)))
    parts += text_blocks(rec)
    parts.append(
        actions(
            ctx,
            [f"Recommend {r.randrange(1, 900)}", ctx.v["actions"][0], ctx.v["share"][0], "Flag"],
            r.choice([None, " "]),
        )
    )
    return parts


def md_heading(ctx: Context, rec: Rec) -> list[Node]:
    return [
        el("h4", leaf(rec.shown or "", AUTH)),
        line(el("em", leaf(rec.date_text, CMETA))),
        *text_blocks(rec),
    ]


def md_bold_wrote(ctx: Context, rec: Rec) -> list[Node]:
    says = ctx.say("says").rstrip(":")
    on = {"en": "on", "de": "am", "fr": "le", "es": "el", "it": "il", "pt": "em", "nl": "op"}.get(
        ctx.lang, "on"
    )
    return [
        line(
            el("strong", leaf(rec.shown or "", AUTH)),
            leaf(f" {says} {on} ", CCHROME),
            leaf(rec.date_text + ":", CMETA),
        ),
        *text_blocks(rec),
    ]


def initials(ctx: Context, rec: Rec) -> list[Node]:
    ini = "".join(w[:1] for w in (rec.shown or "A").split()[:2]).upper()
    return [
        line(chrome(ini, cls="avatar")),
        line(author(rec, "b")),
        line(meta(rec.date_text)),
        *text_blocks(rec),
        line(chrome(ctx.v["actions"][0])),
    ]


def isso(ctx: Context, rec: Rec) -> list[Node]:
    a = ctx.v["actions"]
    return [
        line(author(rec, "span"), sep(" · "), leaf(rec.date_text, CMETA)),
        *text_blocks(rec),
        actions(ctx, [a[0], a[4], a[5]], ctx.rng.choice([" ", None])),
    ]


def discourse(ctx: Context, rec: Rec) -> list[Node]:
    r = ctx.rng
    parts = [line(author(rec, "a", class_="username"))]
    if r.random() < 0.4:
        parts.append(line(leaf(r.choice(["Regular", "Leader", "Member", "Basic"]), CMETA)))
    parts += [line(meta(rec.date_text)), *text_blocks(rec)]
    parts.append(actions(ctx, [f"{r.randrange(1, 30)} Likes", ctx.v["actions"][0]], None))
    return parts


def imageboard(ctx: Context, rec: Rec) -> list[Node]:
    r = ctx.rng
    return [
        line(
            author(rec, "span", class_="name"),
            leaf(" " + rec.date_text, CMETA),
            leaf(f" No.{r.randrange(10**6, 10**7)}", CCHROME),
        ),
        *text_blocks(rec, tag="blockquote"),
    ]


def numbered(ctx: Context, rec: Rec) -> list[Node]:
    return [
        line(leaf(f"{rec.index + 1}.", CCHROME)),
        line(author(rec, "b")),
        line(meta(rec.date_text)),
        *text_blocks(rec),
    ]


def wp_pipe(ctx: Context, rec: Rec) -> list[Node]:
    return [
        line(author(rec, "b"), leaf(" | ", CCHROME), leaf(rec.date_text, CMETA)),
        *text_blocks(rec),
        line(chrome(ctx.v["actions"][0])),
    ]


def name_paren_date(ctx: Context, rec: Rec) -> list[Node]:
    return [line(author(rec, "b"), leaf(f" ({rec.date_text}):", CMETA)), *text_blocks(rec)]


def vbulletin(ctx: Context, rec: Rec) -> list[Node]:
    r = ctx.rng
    parts = [
        line(leaf(f"#{rec.index + 2}", CCHROME)),
        line(author(rec, "a", class_="username")),
        line(leaf(r.choice(["Senior Member", "Junior Member", "Member", "Moderator"]), CMETA)),
    ]
    if r.random() < 0.6:
        parts.append(
            line(leaf(f"Join Date: {ctx.v['mon'][r.randrange(12)]} {r.randrange(2003, 2020)}", CMETA))
        )
        parts.append(line(leaf(f"Posts: {r.randrange(1, 9000):,}", CMETA)))
    parts += [line(meta(rec.date_text)), *text_blocks(rec)]
    parts.append(line(chrome("Reply With Quote")))
    return parts


def phpbb(ctx: Context, rec: Rec) -> list[Node]:
    r = ctx.rng
    parts = [line(leaf("by ", CCHROME), author(rec, "a"), leaf(" » " + rec.date_text, CMETA))]
    parts += text_blocks(rec)
    if r.random() < 0.3:
        parts.append(line(chrome("_" * 12)))
        parts.append(line(chrome(" ".join(ctx.topics(3)))))
    if r.random() < 0.5:
        parts.append(line(leaf(f"Posts: {r.randrange(1, 5000)}", CCHROME)))
    return parts


# held-out families -------------------------------------------------------------------------------------
def hn(ctx: Context, rec: Rec) -> list[Node]:
    return [
        line(
            author(rec, "a", class_="hnuser"),
            leaf(" ", CCHROME),
            leaf(rec.date_text, CMETA),
            leaf(" | parent | next [–]", CCHROME),
        ),
        *text_blocks(rec),
        line(chrome("reply")),
    ]


def slashdot(ctx: Context, rec: Rec) -> list[Node]:
    r = ctx.rng
    mood = r.choice(["Insightful", "Funny", "Informative", "Interesting", "Troll"])
    return [
        line(leaf(f"Re:{' '.join(ctx.title.split()[:4])} (Score:{r.randrange(-1, 6)}, {mood})", CCHROME)),
        line(
            leaf("by ", CCHROME),
            author(rec, "a"),
            leaf(" on ", CCHROME),
            leaf(rec.date_text, CMETA),
            leaf(f" (#{r.randrange(10**7, 10**8)})", CCHROME),
        ),
        *text_blocks(rec),
        actions(ctx, ["Parent", ctx.v["share"][0]], " "),
    ]


def coral(ctx: Context, rec: Rec) -> list[Node]:
    parts = [line(author(rec, "span")), line(meta(rec.date_text))]
    if rec.parent_name:
        parts.append(line(leaf(f"In reply to {rec.parent_name}", CMETA)))
    parts += text_blocks(rec)
    parts.append(actions(ctx, ["Respect", *buttons(ctx, 2), "Report"], ctx.rng.choice([None, " "])))
    return parts


def kinja(ctx: Context, rec: Rec) -> list[Node]:
    parts = [line(author(rec, "a"))]
    if rec.parent_name:
        parts.append(line(leaf(f"replied to {rec.parent_name}", CMETA)))
    parts += [line(meta(rec.date_text)), *text_blocks(rec), line(chrome(ctx.v["actions"][0]))]
    return parts


def letters(ctx: Context, rec: Rec) -> list[Node]:
    r = ctx.rng
    city = r.choice(["Bristol", "Graz", "Utrecht", "Halifax", "Perth", "Dunedin", "Brno"])
    return [
        *text_blocks(rec),
        line(leaf("— ", CCHROME), author(rec, "span"), leaf(f", {city}", CMETA), cls="signature"),
    ]


def email_archive(ctx: Context, rec: Rec) -> list[Node]:
    return [
        line(leaf("From: ", CCHROME), author(rec, "span")),
        line(leaf("Date: " + rec.date_text, CMETA)),
        line(leaf(f"Subject: Re: {ctx.title}", CCHROME)),
        *text_blocks(rec),
    ]


def xenforo(ctx: Context, rec: Rec) -> list[Node]:
    r = ctx.rng
    parts = [
        line(author(rec, "a", class_="username")),
        line(leaf(r.choice(["Well-known member", "New member", "Active member"]), CMETA)),
        line(meta(rec.date_text)),
        line(chrome(f"#{rec.index + 2}")),
    ]
    parts += text_blocks(rec)
    parts.append(actions(ctx, [ctx.v["actions"][1], ctx.v["actions"][0]], " "))
    if r.random() < 0.4:
        parts.append(line(chrome(f"Reactions: {ctx.name()}, {ctx.name()} and {r.randrange(2, 9)} others")))
    return parts


def reviews(ctx: Context, rec: Rec) -> list[Node]:
    r = ctx.rng
    stars = "★" * r.randrange(1, 6)
    return [
        line(chrome(stars.ljust(5, "☆"))),
        line(author(rec, "span")),
        line(meta(rec.date_text)),
        *text_blocks(rec),
        line(chrome(r.choice(["Was this helpful? Yes No", "Helpful (3)", "Report review"]))),
    ]


def chat(ctx: Context, rec: Rec) -> list[Node]:
    return [line(author(rec, "strong"), leaf(" — ", CCHROME), leaf(rec.date_text, CMETA)), *text_blocks(rec)]


# --- section chrome -------------------------------------------------------------------------------------
def before_generic(ctx: Context, n: int) -> list[Node]:
    r = ctx.rng
    out = [heading(ctx)]
    if r.random() < 0.3:
        out.append(el("p", leaf(ctx.say("sort"), CCHROME)))
    if r.random() < 0.2:
        out.append(el("p", leaf(ctx.say("login"), CCHROME)))
    return out


def before_wp(ctx: Context, n: int) -> list[Node]:
    return [el("h2", leaf(ctx.say("comments", n=n), CCHROME), class_="comments-title")]


def after_wp(ctx: Context) -> list[Node]:
    r = ctx.rng
    out = []
    if r.random() < 0.2:
        out.append(el("p", leaf(ctx.say("more"), CCHROME)))
    out.append(form(ctx) if r.random() < 0.7 else el("p", leaf(ctx.say("closed"), CCHROME)))
    return out


def before_wpdiscuz(ctx: Context, n: int) -> list[Node]:
    r = ctx.rng
    out = [
        el("div", leaf(t, CCHROME))
        for t in (
            "Notify of",
            "Newest Most Voted" if r.random() < 0.5 else "Oldest Newest Most Voted",
            "Inline Feedbacks",
            "View all comments",
        )
        if r.random() < 0.8
    ]
    if r.random() < 0.5:
        out.insert(0, el("div", leaf(f"{n} Comments", CCHROME)))
    return out


def after_wpdiscuz(ctx: Context) -> list[Node]:
    return [
        el("div", leaf(t, CCHROME))
        for t in ("Would love your thoughts, please comment.x", "()", "x", "| Reply")
        if ctx.rng.random() < 0.5
    ]


def before_disqus(ctx: Context, n: int) -> list[Node]:
    r = ctx.rng
    words = [
        f"{n} Comments",
        ctx.site,
        "Login",
        "Recommend",
        "Tweet",
        ctx.v["share"][0],
        ctx.say("sort"),
        ctx.say("guest_prompt"),
    ]
    if r.random() < 0.3:
        words = [
            ctx.say("guest_prompt"),
            f"{r.randrange(1, 9)} Responses",
            "Upvote",
            "Funny",
            "Love",
            "Surprised",
            "Angry",
            "Sad",
            *words,
        ]
    return [el("div", leaf(w, CCHROME)) for w in words if r.random() < 0.85]


def after_disqus(ctx: Context) -> list[Node]:
    r = ctx.rng
    out = [el("div", leaf(ctx.say("more"), CCHROME))] if r.random() < 0.6 else []
    if r.random() < 0.4:
        out.append(el("div", leaf(f"ALSO ON {ctx.site.upper()}", CCHROME)))
    if r.random() < 0.6:
        out.append(el("div", leaf("Powered by Disqus" if not ctx.rare else ctx.say("powered"), CCHROME)))
    if r.random() < 0.3:
        out.append(el("div", leaf("✉ Subscribe  d Add Disqus to your site  ⚠ Do Not Sell My Data", CCHROME)))
    return out


def before_blogger(ctx: Context, n: int) -> list[Node]:
    return [
        el(
            "h4",
            leaf(
                f"{n} {ctx.v['comments'][2].lower()}:" if ctx.rng.random() < 0.5 else f"{n} comments:",
                CCHROME,
            ),
        )
    ]


def after_blogger(ctx: Context) -> list[Node]:
    r = ctx.rng
    return [
        el("p", leaf(ctx.say("leave"), CCHROME)),
        el("div", leaf("Newer Post Older Post Home" if r.random() < 0.6 else "Newer Post", CCHROME)),
        el("div", leaf("Subscribe to: Post Comments (Atom)", CCHROME)),
    ]


def before_facebook(ctx: Context, n: int) -> list[Node]:
    return [
        el("div", leaf(f"{n} Comments", CCHROME)),
        el("div", leaf(ctx.say("sort"), CCHROME)),
        el("div", leaf("Add a comment...", CCHROME)),
    ]


def after_facebook(ctx: Context) -> list[Node]:
    return (
        [el("div", leaf("Facebook Comments Plugin", CCHROME))]
        if ctx.rng.random() < 0.7
        else [el("div", leaf(ctx.say("more"), CCHROME))]
    )


def before_jcomments(ctx: Context, n: int) -> list[Node]:
    return [
        el("h4", leaf(f"{ctx.v['comments'][2]} ({n})", CCHROME)),
        el("div", leaf("RSS feed for comments to this post", CCHROME)),
    ]


def after_jcomments(ctx: Context) -> list[Node]:
    return [
        el("h4", leaf("Add comment", CCHROME)),
        el("p", leaf(ctx.v["form"][3], CCHROME)),
        el("div", leaf("Powered by JComments", CCHROME)),
    ]


def before_substack(ctx: Context, n: int) -> list[Node]:
    return [
        el("h4", leaf("Discussion about this post", CCHROME)),
        el("div", leaf("Comments Restacks", CCHROME)),
        el("div", leaf("Write a comment...", CCHROME)),
    ]


def after_substack(ctx: Context) -> list[Node]:
    return [
        el("div", leaf(f"{ctx.rng.randrange(2, 40)} more comments...", CCHROME)),
        el("div", leaf("Ready for more?", CCHROME)),
    ]


def before_github(ctx: Context, n: int) -> list[Node]:
    r = ctx.rng
    return [
        el("div", leaf(f"{r.randrange(0, 20)} reactions", CCHROME)),
        el("div", leaf(f"{n} comments", CCHROME)),
    ]


def after_github(ctx: Context) -> list[Node]:
    return [
        el("div", leaf("Sign in with GitHub to comment", CCHROME)),
        el("div", leaf("Powered by giscus", CCHROME)),
    ]


def before_forum(ctx: Context, n: int) -> list[Node]:
    r = ctx.rng
    return [el("div", leaf(f"Page 1 of {r.randrange(1, 5)}", CCHROME))] if r.random() < 0.5 else []


def after_forum(ctx: Context) -> list[Node]:
    r = ctx.rng
    return [
        el("div", leaf(t, CCHROME))
        for t in (
            "Post Reply",
            "Quick Reply",
            f"Users browsing this thread: {r.randrange(1, 9)} Guests",
            "Powered by phpBB® Forum Software",
        )
        if r.random() < 0.6
    ]


def after_rare(ctx: Context) -> list[Node]:
    r = ctx.rng
    out = [el("div", leaf(ctx.say("more"), CCHROME))] if r.random() < 0.6 else []
    if r.random() < 0.5:
        out.append(el("div", leaf(ctx.say("powered"), CCHROME)))
    return out


def before_rare(ctx: Context, n: int) -> list[Node]:
    r = ctx.rng
    out = [heading(ctx)]
    if r.random() < 0.5:
        out.append(el("p", leaf(ctx.say("sort"), CCHROME)))
    return out


F = Family
FAMILIES: dict[str, Family] = {
    f.name: f
    for f in [
        F("wp_says", wp_says, before_wp, after_wp, nest="nested", anon_share=0.05),
        F("wp_name_date", wp_name_date, before_wp, after_wp, nest="nested"),
        F("wp_date_first", wp_date_first, before_generic, after_wp, nest="indent"),
        F(
            "wpdiscuz",
            wpdiscuz,
            before_wpdiscuz,
            after_wpdiscuz,
            anon="omit",
            anon_share=0.35,
            gap_in=1,
            gap_between=2,
        ),
        F("disqus", disqus, before_disqus, after_disqus, nest="indent", anon_share=0.1),
        F("blogger", blogger, before_blogger, after_blogger, nest="flat", anon_share=0.2),
        F("facebook", facebook, before_facebook, after_facebook, nest="indent", anon="never", gap_in=0),
        F("jcomments", jcomments, before_jcomments, after_jcomments, nest="flat", anon_share=0.15),
        F("substack", substack, before_substack, after_substack, nest="indent", anon="never"),
        F("medium", medium, before_generic, after_rare, nest="flat", anon="never"),
        F("github", github, before_github, after_github, nest="flat", anon="never"),
        F("reddit", reddit, before_generic, _none, nest="indent", anon="never", reply_share=0.5),
        F("guardian", guardian, before_generic, after_rare, nest="indent", anon="never"),
        F("youtube", youtube, before_generic, _none, nest="indent", anon="never", gap_in=0),
        F("livefyre", livefyre, before_generic, after_rare, nest="indent"),
        F("typepad", typepad, before_generic, after_wp, nest="flat"),
        F("nyt", nyt, before_generic, after_rare, nest="indent", anon="never"),
        F("md_heading", md_heading, before_generic, after_wp, nest="flat", anon="never"),
        F("md_bold_wrote", md_bold_wrote, before_generic, after_wp, nest="flat", anon="never"),
        F("initials", initials, before_generic, after_rare, nest="indent", anon="never"),
        F("isso", isso, before_generic, after_rare, nest="nested"),
        F("discourse", discourse, before_generic, _none, nest="flat", anon="never"),
        F("imageboard", imageboard, before_generic, _none, nest="flat", anon_share=0.9, anon="placeholder"),
        F("numbered", numbered, before_wp, after_wp, nest="flat"),
        F("wp_pipe", wp_pipe, before_wp, after_wp, nest="indent"),
        F("name_paren_date", name_paren_date, before_generic, after_wp, nest="flat"),
        F("vbulletin", vbulletin, before_forum, after_forum, nest="flat", anon="never", forum=True, gap_in=0),
        F("phpbb", phpbb, before_forum, after_forum, nest="flat", anon="never", forum=True),
        # held out of training
        F("hn", hn, _none, _none, nest="indent", anon="never", reply_share=0.6),
        F("slashdot", slashdot, before_generic, _none, nest="indent", anon_share=0.2),
        F("coral", coral, before_rare, after_rare, nest="indent", anon="never"),
        F("kinja", kinja, before_rare, after_rare, nest="flat", anon="never"),
        F("letters", letters, before_rare, _none, nest="flat", anon="never", reply_share=0.0),
        F(
            "email_archive",
            email_archive,
            _none,
            _none,
            nest="flat",
            anon="never",
            forum=True,
            reply_share=0.0,
        ),
        F("xenforo", xenforo, before_forum, after_rare, nest="flat", anon="never", forum=True, gap_in=0),
        F("reviews", reviews, before_rare, after_rare, nest="flat", anon_share=0.1, reply_share=0.0),
        F("chat", chat, before_rare, _none, nest="flat", anon="never", gap_in=0, gap_between=1),
    ]
}
HELD_OUT = ("hn", "slashdot", "coral", "kinja", "letters", "email_archive", "xenforo", "reviews", "chat")
RARE_WORDS = frozenset(HELD_OUT)  # families that dress in words no training family uses


def open_records(nodes: list[Node]) -> None:
    """The first author, meta or text leaf of a record opens it (its `_B` label)."""

    def first(node: Node | Leaf) -> Leaf | None:
        if isinstance(node, Leaf):
            return node if node.label in _OPEN and node.text.strip() else None
        for child in node.children:
            found = first(child)
            if found is not None:
                return found
        return None

    for node in nodes:
        hit = first(node)
        if hit is not None:
            hit.label = _OPEN[hit.label]
            return


def mark(nodes: list[Node], record: int) -> None:
    def walk(node: Node | Leaf) -> None:
        if isinstance(node, Leaf):
            node.record = record
        else:
            for child in node.children:
                walk(child)

    for node in nodes:
        walk(node)


# --- composed families: a record layout drawn at random from the parts ------------------------------
_FILLER_BUTTONS = [
    "Boost",
    "Zap",
    "Pin",
    "Cheer",
    "Star",
    "Thanks",
    "Agree",
    "Disagree",
    "Nod",
    "Clap",
    "Bump",
    "Mention",
    "Follow",
    "Subscribe",
    "Award",
    "Upvote",
    "Downvote",
    "Save",
    "Mute",
    "Embed",
]


def composed(seed: int) -> Family:
    """A family made up for one page: its header, meta, text and button arrangement drawn from the
    shapes real systems use, so that training sees far more arrangements than any list of systems."""
    import random

    r = random.Random(seed)
    header_form = r.choice(
        [
            "name",
            "bold",
            "link",
            "says",
            "at",
            "name_sep_date",
            "name_on_date",
            "name_paren",
            "num_name_date",
            "by_name",
            "wrote",
            "name_badge",
            "avatar_name",
        ]
    )
    meta_form = r.choice(
        ["none", "date", "date", "date_num", "posted_date", "location_date", "rank_date", "date_replyto"]
    )
    order = r.choice(["header_meta", "header_meta", "meta_header", "header_only", "text_footer"])
    action_form = r.choice(
        ["none", "line", "line", "blocks", "count_line", "votes_before", "date_in_actions"]
    )
    sep_char = r.choice([" • ", " · ", " | ", " - ", " — ", ", "])
    words = r.choice([None, None, r.sample(_FILLER_BUTTONS, 4)])
    gap_in = r.choice([0, 1, 1])
    gap_between = r.choice([0, 1, 1, 2])
    nest = r.choice(["indent", "nested", "flat"])

    n_buttons = r.randrange(1, 4)

    def buttons_(ctx: Context, k: int) -> list[str]:
        return words[:k] if words else ctx.fixed("actions", k)

    def header(ctx: Context, rec: Rec) -> list[Node]:
        name = author(rec, "span")
        if header_form == "bold":
            return [line(el("strong", leaf(rec.shown or "", AUTH)))]
        if header_form == "link":
            return [line(el("a", leaf(rec.shown or "", AUTH), href="/u/x"))]
        if header_form == "says":
            return [line(name, leaf(" " + ctx.say("says"), CCHROME))]
        if header_form == "at":
            return [line(leaf("@", CCHROME), name)]
        if header_form == "name_sep_date":
            return [line(name, sep(sep_char), leaf(rec.date_text, CMETA))]
        if header_form == "name_on_date":
            on = {"de": "am", "fr": "le", "es": "el", "it": "il", "pt": "em", "nl": "op"}.get(ctx.lang, "on")
            return [
                line(
                    name,
                    leaf(f" {on} ", CCHROME),
                    leaf(rec.date_text, CMETA),
                    leaf(r.choice([":", " said:", ""]), CCHROME),
                )
            ]
        if header_form == "name_paren":
            return [line(name, leaf(f" ({rec.date_text})", CMETA))]
        if header_form == "num_name_date":
            return [line(leaf(f"{rec.index + 1}. ", CCHROME), name, leaf(f" {rec.date_text}", CMETA))]
        if header_form == "by_name":
            return [line(leaf(r.choice(["by ", "From ", "Posted by "]), CCHROME), name)]
        if header_form == "wrote":
            return [line(name, leaf(" " + r.choice(["wrote:", "writes:", "commented:"]), CCHROME))]
        if header_form == "name_badge":
            return (
                [line(name, leaf(" " + r.choice(ctx.v["badges"]), CMETA))]
                if r.random() < 0.3
                else [line(name)]
            )
        if header_form == "avatar_name":
            return [
                line(chrome(r.choice(["Avatar", f"{rec.shown}'s avatar", "[image]", "User avatar"]))),
                line(name),
            ]
        return [line(name)]

    def meta_(ctx: Context, rec: Rec) -> list[Node]:
        if meta_form == "none" or header_form in (
            "name_sep_date",
            "name_on_date",
            "name_paren",
            "num_name_date",
        ):
            return []
        if meta_form == "date":
            return [line(meta(rec.date_text))]
        if meta_form == "date_num":
            return [line(leaf(rec.date_text, CMETA), leaf(f"{sep_char}#{rec.index + 1}", CCHROME))]
        if meta_form == "posted_date":
            return [line(leaf(r.choice(["Posted ", "Posted on ", "Submitted "]) + rec.date_text, CMETA))]
        if meta_form == "location_date":
            return [
                line(meta(r.choice(["Berlin", "Ohio", "Lisbon", "Kraków", "Leeds"]))),
                line(meta(rec.date_text)),
            ]
        if meta_form == "rank_date":
            return [
                line(meta(r.choice(["Member", "Regular", "Newcomer", "Veteran", "Contributor"]))),
                line(meta(rec.date_text)),
            ]
        parts = [line(meta(rec.date_text))]
        if rec.parent_name:
            parts.append(line(leaf(ctx.say("reply_to", name=rec.parent_name), CMETA)))
        return parts

    def actions_(ctx: Context, rec: Rec) -> list[Node]:
        if action_form == "none":
            return []
        b = buttons_(ctx, n_buttons)
        if action_form == "line":
            return [actions(ctx, b, sep_char)]
        if action_form == "blocks":
            return [actions(ctx, b, None)]
        if action_form == "count_line":
            return [actions(ctx, [str(r.randrange(0, 99)), *b], sep_char)]
        if action_form == "date_in_actions":
            return [line(leaf(sep_char.join(b) + sep_char, CCHROME), leaf(rec.date_text, CMETA))]
        return []

    def record(ctx: Context, rec: Rec) -> list[Node]:
        parts: list[Node] = []
        if action_form == "votes_before":
            parts.append(
                line(
                    chrome(
                        r.choice(
                            [f"▲ {r.randrange(0, 99)} ▼", str(r.randrange(-5, 99)), f"+{r.randrange(0, 20)}"]
                        )
                    )
                )
            )
        head = header(ctx, rec) if rec.shown else []
        met = meta_(ctx, rec)
        if order == "text_footer":
            return parts + text_blocks(rec) + head + met + actions_(ctx, rec)
        if order == "meta_header":
            parts += met + head
        elif order == "header_only":
            parts += head
        else:
            parts += head + met
        return parts + text_blocks(rec) + actions_(ctx, rec)

    before = r.choice([before_generic, before_wp, before_disqus, before_rare, _none])
    after = r.choice([after_wp, after_rare, after_disqus, _none])
    anon = r.choice(["placeholder", "omit", "never"])
    return Family(
        f"composed-{seed}",
        record,
        before,
        after,
        nest=nest,
        anon=anon,
        anon_share=r.choice([0.0, 0.1, 0.3, 0.5]),
        reply_share=r.choice([0.0, 0.2, 0.4]),
        gap_in=gap_in,
        gap_between=gap_between,
    )


# --- test families: written before the model was tuned, scored only to report ----------------------
def t_disqus(ctx: Context, rec: Rec) -> list[Node]:
    r = ctx.rng
    parts = [line(author(rec, "a"))]
    if r.random() < 0.15:
        parts.append(line(leaf(r.choice(["Mod", "Author", "Top commenter"]), CMETA)))
    parts.append(line(leaf("• " + rec.date_text, CMETA)))
    if rec.parent_name and r.random() < 0.5:
        parts.append(line(leaf(f"Reply to {rec.parent_name}", CMETA)))
    parts += text_blocks(rec)
    parts.append(actions(ctx, [f"▲ {r.randrange(0, 60)} ▼", ctx.v["actions"][0], "Share ›"], None))
    return parts


def t_wpdiscuz(ctx: Context, rec: Rec) -> list[Node]:
    parts = [line(author(rec, "div"))] if rec.shown else []
    if rec.parent_name:
        parts.append(line(leaf(f"Reply to  {rec.parent_name}", CMETA)))
    parts += [
        line(meta(rec.date_text)),
        *text_blocks(rec),
        line(leaf("Vote Up" + str(ctx.rng.randrange(0, 9)) + "Vote Down  Reply", CCHROME)),
    ]
    return parts


def t_blogger(ctx: Context, rec: Rec) -> list[Node]:
    return [
        line(author(rec, "cite")),
        line(meta(rec.date_text)),
        *text_blocks(rec),
        actions(ctx, [ctx.v["actions"][0], ctx.v["actions"][5]], None),
    ]


def t_facebook(ctx: Context, rec: Rec) -> list[Node]:
    r = ctx.rng
    parts = [line(author(rec, "a")), *text_blocks(rec, tag="div")]
    a = ctx.v["actions"]
    parts.append(
        line(
            leaf(f"{a[1]} · {a[0]} · Mark as spam · ", CCHROME),
            leaf(ctx.say("short_ago", n=r.randrange(1, 9)), CMETA),
        )
    )
    if r.random() < 0.15:
        parts.append(line(chrome(f"View {r.randrange(2, 9)} more replies")))
    return parts


def t_jcomments(ctx: Context, rec: Rec) -> list[Node]:
    return [
        line(leaf(f"{rec.index + 1}. ", CCHROME), author(rec, "span")),
        line(meta(rec.date_text)),
        *text_blocks(rec),
        actions(ctx, ["Quote", ctx.v["actions"][0]], None),
    ]


def t_phpbb(ctx: Context, rec: Rec) -> list[Node]:
    r = ctx.rng
    parts = [
        line(leaf(f"Re: {ctx.title}", CCHROME)),
        line(leaf("by ", CCHROME), author(rec, "a"), leaf(" » " + rec.date_text, CMETA)),
        *text_blocks(rec),
    ]
    parts += [
        line(leaf(f"Posts: {r.randrange(1, 9000)}", CCHROME)),
        line(leaf(f"Joined: {ctx.v['mon'][r.randrange(12)]} {r.randrange(2004, 2020)}", CCHROME)),
    ]
    if r.random() < 0.5:
        parts.append(line(leaf(f"Location: {r.choice(['Ohio', 'Leeds', 'Graz', 'Lyon'])}", CCHROME)))
    return parts


def t_markdown_list(ctx: Context, rec: Rec) -> list[Node]:
    on = {"de": "am", "fr": "le", "es": "el", "it": "il", "pt": "em", "nl": "op"}.get(ctx.lang, "on")
    return [
        line(el("strong", leaf(rec.shown or "", AUTH)), leaf(f" {on} ", CCHROME), leaf(rec.date_text, CMETA)),
        *text_blocks(rec),
    ]


def t_commento(ctx: Context, rec: Rec) -> list[Node]:
    return [
        line(chrome("▲ ▼")),
        line(author(rec, "span")),
        line(meta(rec.date_text)),
        *text_blocks(rec),
        actions(ctx, ["reply", "collapse"], " "),
    ]


def t_vuukle(ctx: Context, rec: Rec) -> list[Node]:
    r = ctx.rng
    return [
        line(author(rec, "span"), leaf(" · " + rec.date_text, CMETA)),
        *text_blocks(rec),
        actions(
            ctx,
            [
                ctx.v["actions"][0],
                ctx.v["actions"][4] if len(ctx.v["actions"]) > 4 else "Flag",
                f"{r.randrange(0, 30)} likes",
            ],
            r.choice([None, "   "]),
        ),
    ]


def before_t(ctx: Context, n: int) -> list[Node]:
    r = ctx.rng
    out = [heading(ctx)]
    if r.random() < 0.4:
        out.append(
            el("p", leaf(r.choice(["Most relevant", "Newest", "Top comments", ctx.say("sort")]), CCHROME))
        )
    return out


def after_t(ctx: Context) -> list[Node]:
    r = ctx.rng
    out = [el("p", leaf(ctx.say("more"), CCHROME))] if r.random() < 0.5 else []
    if r.random() < 0.5:
        out.append(form(ctx, 3))
    return out


TEST_FAMILIES: dict[str, Family] = {
    f.name: f
    for f in [
        F("t_disqus", t_disqus, before_disqus, after_disqus, nest="indent"),
        F(
            "t_wpdiscuz",
            t_wpdiscuz,
            before_wpdiscuz,
            after_wpdiscuz,
            anon="omit",
            anon_share=0.3,
            gap_between=2,
        ),
        F("t_blogger", t_blogger, before_blogger, after_blogger, nest="nested", anon_share=0.25),
        F("t_facebook", t_facebook, before_facebook, after_facebook, nest="indent", anon="never", gap_in=0),
        F("t_jcomments", t_jcomments, before_jcomments, after_jcomments, nest="flat", anon_share=0.15),
        F("t_phpbb", t_phpbb, before_forum, after_forum, nest="flat", anon="never", forum=True),
        F("t_markdown_list", t_markdown_list, before_wp, after_t, nest="nested", anon="never"),
        F("t_commento", t_commento, before_t, after_t, nest="nested", anon_share=0.1),
        F("t_vuukle", t_vuukle, before_t, after_t, nest="indent", anon_share=0.1),
    ]
}
