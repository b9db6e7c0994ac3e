"""One generated news or blog page: site chrome, the article, a comment section, the footer.

`Context` holds what one page draws from (its language's words, sentences, names, a date style)
and the facts the gold needs (each comment's author, parent and date). The article and the
chrome around it vary by a page layout; the comment section is a family's (families.py).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from tasks.segment.labels import BODY, BYLINE, CCHROME, CHROME, META, TITLE
from tasks.segment.train.synth.content import (
    DateStyle,
    SentencePool,
    date_style,
    person,
    random_time,
    write_date,
)
from tasks.segment.train.synth.tree import Leaf, Node, el, leaf
from tasks.segment.train.synth.vocab import LANGUAGES, RARE

SITE_WORDS = [
    "Daily",
    "Valley",
    "Ledger",
    "Herald",
    "Gazette",
    "Post",
    "Times",
    "Courier",
    "Chronicle",
    "Observer",
    "Tribune",
    "Review",
    "Monitor",
    "Dispatch",
    "Journal",
    "Bulletin",
    "Record",
    "Echo",
    "Signal",
    "Beacon",
    "Sentinel",
    "Insider",
    "Report",
    "Notes",
    "Blog",
    "Digest",
]


@dataclass
class Comment:
    """What the gold says of one generated comment."""

    author: str | None
    parent: int | None
    date: str | None  # YYYY-MM-DD when the page shows an absolute date
    depth: int = 0


@dataclass
class Context:
    rng: random.Random
    lang: str
    pool: SentencePool
    rare: bool = False  # a held-out family: chrome words no training family uses
    now: datetime = field(default_factory=lambda: datetime(2024, 6, 1))
    site: str = ""
    title: str = ""
    style: DateStyle | None = None
    comments: list[Comment] = field(default_factory=list)
    author: str = ""
    drop_meta: bool = False
    drop_buttons: bool = False

    def __post_init__(self) -> None:
        r = self.rng
        self.v = LANGUAGES.get(self.lang, LANGUAGES["en"])
        self.now = datetime(
            r.randrange(2012, 2025), r.randrange(1, 13), r.randrange(1, 28), r.randrange(24), r.randrange(60)
        )
        self.site = " ".join(r.sample(SITE_WORDS, r.choice([1, 2, 2, 3]))).title()
        if r.random() < 0.3:
            self.site = "The " + self.site
        self.style = date_style(r)
        self.author = person(r, self.lang) if r.random() < 0.8 else f"{self.first()} {self.last()}"
        words = self.pool.sentences(r, self.lang, 1)[0].rstrip('.!?…"”»').split()
        self.title = " ".join(words[: r.randrange(4, 15)]).strip(",;:")
        self.published = self.now - timedelta(days=r.randrange(0, 2000), hours=r.randrange(24))

    # --- words -----------------------------------------------------------------------------------
    def say(self, key: str, **fmt: object) -> str:
        source = RARE if self.rare and key in RARE and self.rng.random() < 0.7 else self.v
        options = source.get(key) or LANGUAGES["en"][key]
        fmt.setdefault("n", self.rng.randrange(1, 60))
        fmt.setdefault("title", self.title)
        fmt.setdefault("site", self.site)
        fmt.setdefault("year", self.now.year)
        fmt.setdefault("name", self.author)
        fmt.setdefault("words", ", ".join(self.topics(self.rng.randrange(1, 4))))
        return self.rng.choice(options).format(**fmt)

    def fixed(self, key: str, k: int) -> list[str]:
        """The same `k` words every time this page asks: one comment system, one set of buttons."""
        cache = self.__dict__.setdefault("_fixed", {})
        if (key, k) not in cache:
            cache[(key, k)] = self.pick(key, k)
        return cache[(key, k)]

    def pick(self, key: str, k: int) -> list[str]:
        source = RARE if self.rare and key in RARE and self.rng.random() < 0.7 else self.v
        options = source.get(key) or LANGUAGES["en"][key]
        fmt = {
            "n": self.rng.randrange(1, 60),
            "title": self.title,
            "site": self.site,
            "year": self.now.year,
            "name": self.author,
            "words": ", ".join(self.topics(2)),
        }
        return [o.format(**fmt) for o in self.rng.sample(options, min(k, len(options)))]

    def topics(self, k: int) -> list[str]:
        words = [
            w.strip('.,;:!?"“”«»()').lower()
            for w in " ".join(self.pool.sentences(self.rng, self.lang, 2)).split()
        ]
        words = [w for w in words if len(w) > 4 and w.isalpha()]
        return self.rng.sample(words, min(k, len(words))) or ["news"]

    def first(self) -> str:
        from tasks.segment.train.synth.content import FIRST

        return self.rng.choice(FIRST.get(self.lang, FIRST["en"]))

    def last(self) -> str:
        from tasks.segment.train.synth.content import LAST

        return self.rng.choice(LAST.get(self.lang, LAST["en"]))

    def name(self) -> str:
        return person(self.rng, self.lang)

    def date(self, when: datetime | None = None, style: DateStyle | None = None) -> tuple[str, str | None]:
        """(the date as this page writes it, YYYY-MM-DD when it is absolute)."""
        when = when or random_time(self.rng, self.published, 30)
        style = style or self.style
        if style.kind == "mixed":
            style = DateStyle(self.rng.choice(["long", "ago"]), style.with_time, style.clock24)
        text = write_date(self.rng, self.lang, when, style, self.now)
        absolute = style.kind not in ("ago", "short_ago")
        return text, when.date().isoformat() if absolute else None

    def paragraphs(self, lo: int, hi: int, sentences: tuple[int, int] = (1, 5)) -> list[str]:
        out = []
        for _ in range(self.rng.randint(lo, hi)):
            out.append(" ".join(self.pool.sentences(self.rng, self.lang, self.rng.randint(*sentences))))
        return out

    def comment_paragraphs(self) -> list[str]:
        r = self.rng.random()
        if r < 0.12:
            return [self.say("short_replies")]
        if r < 0.75:
            return self.paragraphs(1, 1, (1, 3))
        return self.paragraphs(2, 4, (1, 3))


# --- chrome around the article ----------------------------------------------------------------------
def links(
    ctx: Context, words: list[str], label: int = CHROME, sep: str | None = None, tag: str = "ul"
) -> Node:
    """A menu: a list of links, or one line of them side by side."""
    if sep is not None:
        return el("div", leaf(f" {sep} ".join(words), label), class_="menu-inline")
    return el(
        tag,
        *(el("li", el("a", leaf(w, label), href=f"/{w.lower().replace(' ', '-')}")) for w in words),
        class_="menu",
    )


def cookie_banner(ctx: Context) -> Node:
    return el(
        "div",
        el("p", leaf(ctx.say("cookie"), CHROME)),
        el("button", leaf(ctx.pick("cookie", 1)[0], CHROME)),
        class_="cookie-banner",
    )


def top_chrome(ctx: Context) -> list[Node]:
    r = ctx.rng
    out: list[Node] = []
    if r.random() < 0.15:
        out.append(cookie_banner(ctx))
    if r.random() < 0.4:
        out.append(el("a", leaf(ctx.say("skip"), CHROME), href="#main", class_="skip-link"))
    out.append(el("div", el("a", leaf(ctx.site, CHROME), href="/"), class_="site-title"))
    if r.random() < 0.3:
        out.append(el("p", leaf(ctx.say("follow"), CHROME), class_="tagline"))
    nav = ctx.pick("nav", r.randrange(3, 30))
    sep = r.choice([None, None, None, "|", "·", " ", "•"])
    out.append(el("nav", links(ctx, nav, sep=sep)))
    if r.random() < 0.3:
        out.append(
            el(
                "div",
                links(ctx, ctx.pick("nav", r.randrange(2, 6)), sep=r.choice([None, "|"])),
                class_="subnav",
            )
        )
    if r.random() < 0.2:
        out.append(el("div", leaf(ctx.say("ads"), CHROME), class_="ad"))
    return out


def bottom_chrome(ctx: Context) -> list[Node]:
    r = ctx.rng
    out: list[Node] = []
    if r.random() < 0.35:
        out.append(
            el(
                "div",
                el("h3", leaf(ctx.say("newsletter"), CHROME)),
                el("p", leaf(ctx.v["newsletter"][1], CHROME)),
                class_="newsletter",
            )
        )
    if r.random() < 0.4:
        out.append(related(ctx))
    for _ in range(r.choice([0, 0, 1, 3])):  # the long tail of link lists real pages end with
        out.append(
            el(
                "div",
                el("h4", leaf(ctx.say("related"), CHROME)),
                links(ctx, ctx.pick("nav", r.randrange(4, 20))),
                class_="footer-links",
            )
        )
    foot = ctx.pick("footer", r.randrange(2, 8))
    out.append(
        el(
            "footer",
            links(ctx, foot, sep=r.choice([None, "|", None])),
            el("p", leaf(f"© {ctx.now.year} {ctx.site}", CHROME)),
        )
    )
    if r.random() < 0.1:
        out.append(cookie_banner(ctx))
    return out


def related(ctx: Context) -> Node:
    r = ctx.rng
    items = []
    for _ in range(r.randrange(2, 6)):
        words = ctx.pool.sentences(r, ctx.lang, 1)[0].rstrip(".!?").split()[: r.randrange(4, 12)]
        items.append(el("li", el("a", leaf(" ".join(words), CHROME), href="/story")))
    return el("aside", el("h3", leaf(ctx.say("related"), CHROME)), el("ul", *items), class_="related")


def recent_comments_widget(ctx: Context) -> Node:
    """A sidebar listing other pages' recent comments: names that are not this page's comments."""
    r = ctx.rng
    on = {
        "en": "on",
        "de": "bei",
        "fr": "sur",
        "es": "en",
        "it": "su",
        "pt": "em",
        "nl": "op",
        "pl": "o",
        "ru": "к",
        "id": "pada",
    }
    heading = {
        "en": "Recent Comments",
        "de": "Neueste Kommentare",
        "fr": "Commentaires récents",
        "es": "Comentarios recientes",
    }.get(ctx.lang, "Recent Comments")
    items = []
    for _ in range(r.randrange(2, 6)):
        words = ctx.pool.sentences(r, ctx.lang, 1)[0].rstrip(".!?").split()[: r.randrange(3, 9)]
        items.append(el("li", leaf(f"{ctx.name()} {on.get(ctx.lang, 'on')} {' '.join(words)}", CHROME)))
    return el("aside", el("h3", leaf(heading, CHROME)), el("ul", *items), class_="widget recent-comments")


# --- the article -------------------------------------------------------------------------------------
def byline_nodes(ctx: Context) -> list[Node]:
    r = ctx.rng
    date_text, _ = ctx.date(
        ctx.published, DateStyle(r.choice(["long", "short", "numeric_dmy", "iso"]), r.random() < 0.4, True)
    )
    posted = ctx.say("posted_on", date=date_text)
    form = r.randrange(6)
    if form == 0:  # 'By X' then a date line
        return [
            el("p", leaf(ctx.say("by"), BYLINE), class_="byline"),
            el("p", el("time", leaf(posted, META)), class_="date"),
        ]
    if form == 1:  # author and date on one line
        sep = r.choice([" | ", " · ", " — ", ", ", " - "])
        return [el("p", leaf(ctx.say("by") + sep + date_text, BYLINE), class_="byline")]
    if form == 2:  # a date line, then the author
        return [
            el("p", el("time", leaf(posted, META)), class_="date"),
            el("p", leaf(ctx.say("by"), BYLINE), class_="byline"),
        ]
    if form == 3:  # name over date, no 'by'
        return [
            el("p", el("a", leaf(ctx.author, BYLINE), href="/author", rel="author"), class_="author"),
            el("p", leaf(date_text, META), class_="date"),
        ]
    if form == 4:  # only a date
        return [el("p", leaf(posted, META), class_="date")]
    return [el("p", leaf(ctx.say("by"), BYLINE), class_="byline")]


def share_bar(ctx: Context, label: int = CHROME) -> Node:
    r = ctx.rng
    words = ctx.pick("share", r.randrange(2, 7))
    return links(ctx, words, label, sep=r.choice([None, None, "|", " ", "·"]), tag="ul")


def body_nodes(ctx: Context, long: bool) -> list[Node]:
    r = ctx.rng
    paras = ctx.paragraphs(3, 16 if long else 6, (1, 5))
    out: list[Node] = []
    for i, p in enumerate(paras):
        if i and r.random() < 0.08:
            out.append(el("h2", leaf(" ".join(p.split()[: r.randrange(2, 7)]).rstrip(".,;:"), BODY)))
        if i and r.random() < 0.05:
            out.append(el("div", leaf(ctx.say("ads"), CHROME), class_="ad"))
        if i and r.random() < 0.04:
            out.append(
                el(
                    "p",
                    el("strong", leaf(ctx.say("related") + ": ", CHROME)),
                    el("a", leaf(" ".join(ctx.topics(4)), CHROME), href="/x"),
                )
            )
        if i and r.random() < 0.05:
            out.append(
                el(
                    "figure",
                    el("img", src="/img.jpg", alt=""),
                    el("figcaption", leaf(ctx.say("caption", name=ctx.name()), CHROME)),
                )
            )
        if r.random() < 0.06:
            items = [el("li", leaf(s, BODY)) for s in ctx.pool.sentences(r, ctx.lang, r.randrange(2, 5))]
            out.append(el("ul", *items))
            continue
        if r.random() < 0.05:
            out.append(el("blockquote", el("p", leaf(p, BODY))))
            continue
        if r.random() < 0.1:  # a link inside the text
            words = p.split()
            k = r.randrange(len(words))
            j = min(len(words), k + r.randrange(1, 4))
            out.append(
                el(
                    "p",
                    leaf(" ".join(words[:k]) + " ", BODY),
                    el("a", leaf(" ".join(words[k:j]), BODY), href="/ref"),
                    leaf(" " + " ".join(words[j:]), BODY),
                )
            )
            continue
        out.append(el("p", leaf(p, BODY)))
    return out


def article(ctx: Context, long: bool = True) -> list[Node]:
    r = ctx.rng
    out: list[Node] = []
    if r.random() < 0.3:
        crumbs = ctx.pick("nav", r.randrange(1, 3))
        out.append(
            el(
                "div",
                leaf(
                    " › ".join(crumbs) if r.random() < 0.5 else crumbs[0],
                    META if r.random() < 0.5 else CHROME,
                ),
                class_="breadcrumb",
            )
        )
    out.append(el("h1", leaf(ctx.title, TITLE), class_="entry-title"))
    if r.random() < 0.25:
        out.append(el("p", leaf(ctx.pool.sentences(r, ctx.lang, 1)[0], META), class_="deck"))
    if r.random() < 0.15:
        out.append(
            el(
                "figure",
                el("img", src="/lead.jpg", alt=""),
                el("figcaption", leaf(ctx.say("caption", name=ctx.name()), CHROME)),
            )
        )
    out.extend(byline_nodes(ctx))
    if r.random() < 0.2:
        out.append(el("p", leaf(ctx.say("reading"), META), class_="reading-time"))
    if r.random() < 0.35:
        out.append(el("div", share_bar(ctx), class_="share"))
    out.extend(body_nodes(ctx, long))
    if r.random() < 0.35:
        out.append(el("p", leaf(ctx.say("tags"), CHROME), class_="tags"))
    if r.random() < 0.3:
        out.append(el("div", share_bar(ctx), class_="share"))
    if r.random() < 0.2:
        out.append(
            el(
                "div",
                el("h4", leaf(ctx.say("bio"), CHROME)),
                el(
                    "p",
                    leaf(
                        ctx.v["bio"][1].format(name=ctx.author, words=", ".join(ctx.topics(2)))
                        if len(ctx.v["bio"]) > 1
                        else ctx.author,
                        CHROME,
                    ),
                ),
                class_="author-bio",
            )
        )
    return out


def comment_chrome(ctx: Context, text: str) -> Leaf:
    return leaf(text, CCHROME)
