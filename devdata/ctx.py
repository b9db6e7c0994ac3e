"""What one generated page draws from and what its gold records: the language, the site, the
comments (author, parent, date), and every chrome line written, so the gold can say what must
never reach the body or a comment."""

from __future__ import annotations

import html
import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from devdata import words


@dataclass
class GenComment:
    index: int  # page order
    depth: int
    parent: int | None
    shown: str | None  # the name as shown (a placeholder such as 'Guest' included)
    author: str | None  # the gold author: None for a placeholder or no name
    when: datetime
    date_text: str
    date_iso: str | None
    paragraphs: list[str]
    children: list[GenComment] = field(default_factory=list)


@dataclass
class Ctx:
    rng: random.Random
    lang: str
    title: str = ""
    site: str = ""
    host: str = ""
    author: str = ""  # the article's author
    boilerplate: list[str] = field(default_factory=list)
    now: datetime = field(default_factory=lambda: datetime(2024, 6, 1))

    def __post_init__(self) -> None:
        r = self.rng
        self.now = datetime(
            r.randrange(2016, 2025), r.randrange(1, 13), r.randrange(1, 28), r.randrange(24), r.randrange(60)
        )
        self.published = self.now - timedelta(days=r.randrange(1, 40), hours=r.randrange(24))
        self.site = words.site_name(r)
        self.host = (
            "www."
            + "".join(w.lower() for w in self.site.split() if w != "The")
            + r.choice([".com", ".org", ".news", ".co.uk"])
        )
        self.title = words.headline(r, self.lang)
        self.date_style = r.choice(["long", "short", "dmy", "iso", "ago", "ago"])

    @property
    def say(self) -> dict:
        return words.SAY[self.lang]

    def chrome(self, text: str) -> str:
        """A chrome line: remembered for the gold, returned escaped for the markup."""
        if text.strip():
            self.boilerplate.append(text.strip())
        return esc(text)

    def name(self) -> str:
        return words.person(self.rng, self.lang)

    def comments(self, n: int, reply_share: float, anon_share: float, max_depth: int = 3) -> list[GenComment]:
        """n comments in page order, a share of them replies (nested under an earlier one)."""
        r = self.rng
        out: list[GenComment] = []
        roots: list[GenComment] = []
        when = self.published + timedelta(minutes=r.randrange(10, 300))
        for i in range(n):
            parent = None
            if out and r.random() < reply_share:
                # reply to the last comment or one of its ancestors, keeping page order a pre-order walk
                chain = [out[-1]]
                while chain[-1].parent is not None:
                    chain.append(out[chain[-1].parent])
                cands = [c for c in chain if c.depth < max_depth]
                parent = r.choice(cands).index if cands else None
            if r.random() < anon_share:
                shown, author = r.choice(words.PLACEHOLDERS[self.lang]), None
            else:
                shown = self.name()
                author = shown
            when = when + timedelta(minutes=r.randrange(3, 600))
            date_text, iso = words.write_date(r, self.lang, when, self.now, self.date_style)
            depth = out[parent].depth + 1 if parent is not None else 0
            c = GenComment(
                i, depth, parent, shown, author, when, date_text, iso, words.comment_paragraphs(r, self.lang)
            )
            out.append(c)
            (out[parent].children if parent is not None else roots).append(c)
        self.all_comments = out
        return roots


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def attr(text: str) -> str:
    return html.escape(text, quote=True)


def walk(roots: list[GenComment]):
    """Comments in page order (pre-order)."""
    for c in roots:
        yield c
        yield from walk(c.children)


def css_hash(rng: random.Random, n: int = 6) -> str:
    """A class name as CSS-in-JS tools write them: no word in it."""
    return "".join(rng.choice("abcdefghjkmnpqrstuvwxyz0123456789") for _ in range(n))
