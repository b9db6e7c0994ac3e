"""Generated news and blog pages in many comment markups, each with its gold file.

    .venv/bin/python -m devdata.pages OUT --per-markup 10 [--held-out | --tune] [--seed 1]

writes OUT/pages/<markup>-<n>.html and OUT/gold/<markup>-<n>.json (the format of the shared
scorer: title, byline, body anchors, chrome lines, comments with author, text anchors, parent
and date). A page is the site's header and menus, the article (title in varied head and body
markup, byline, paragraphs, share and tag lines), sometimes a sidebar, the comment section in
one markup family (`markups.py`), and a footer. About one page in ten has no comments.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

from devdata import words
from devdata.ctx import Ctx, attr, esc, walk
from devdata.markups import HELD_OUT, MARKUPS, TUNE, Markup


def head(ctx: Ctx, has_h1: bool) -> str:
    r = ctx.rng
    t, s = ctx.title, ctx.site
    section = r.choice(words.NAV[ctx.lang][1:])
    title = r.choice(
        [
            f"{t} | {s}",
            f"{t} - {s}",
            f"{t} – {s}",
            f"{t} — {s}",
            f"{s}: {t}",
            f"{s} | {t}",
            f"{t} · {s}",
            f"{t} | {section} | {s}",
            f"{t} - {section} - {s}",
            f"{t}",
        ]
    )
    meta = [f"<title>{esc(title)}</title>", '<meta charset="utf-8">']
    if r.random() < 0.6 or not has_h1:
        og = t if r.random() < 0.75 else f"{t} | {s}"
        meta.append(f'<meta property="og:title" content="{attr(og)}">')
    if r.random() < 0.5:
        meta.append(f'<meta property="og:site_name" content="{attr(s)}">')
    if r.random() < 0.3:
        meta.append(f'<meta name="twitter:title" content="{attr(t)}">')
    if r.random() < 0.4:
        meta.append(f'<meta name="author" content="{attr(ctx.author)}">')
    if r.random() < 0.4:
        meta.append(f'<meta property="article:published_time" content="{ctx.published.isoformat()}+00:00">')
    if r.random() < 0.4:
        ld = {
            "@context": "https://schema.org",
            "@type": r.choice(["NewsArticle", "Article", "BlogPosting"]),
            "headline": t,
            "datePublished": ctx.published.isoformat() + "Z",
            "author": {"@type": "Person", "name": ctx.author},
            "publisher": {"@type": "Organization", "name": s},
        }
        meta.append(f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>')
    meta.append("<style>body{font-family:sans-serif}.ad{display:block}</style>")
    meta.append(
        '<script>window.dataLayer=window.dataLayer||[];function track(){return "TRACKING_SCRIPT"}</script>'
    )
    return f"<head>{''.join(meta)}</head>"


def header(ctx: Ctx, logo_h1: bool) -> str:
    r = ctx.rng
    nav = r.sample(words.NAV[ctx.lang], r.randrange(4, 9))
    for item in nav:
        ctx.boilerplate.append(item)
    links = "".join(f'<li><a href="/{i}">{esc(item)}</a></li>' for i, item in enumerate(nav))
    logo = f'<a href="/" rel="home">{esc(ctx.site)}</a>'
    logo = f'<h1 class="site-title">{logo}</h1>' if logo_h1 else f'<div class="site-title">{logo}</div>'
    menu = (
        f'<nav class="main-nav"><ul class="menu">{links}</ul></nav>'
        if r.random() < 0.7
        else f'<div class="menu"><ul>{links}</ul></div>'
    )
    top = ""
    if r.random() < 0.3:
        top = f'<div class="cookie-notice"><p>{ctx.chrome("We use cookies to improve your experience on our site.")}</p><button>OK</button></div>'
    return f'{top}<header class="site-header">{logo}{menu}</header>'


def article(ctx: Ctx, has_h1: bool, hazards: bool = False) -> tuple[str, list[str], list[str]]:
    """The article's markup, its body paragraphs (the gold's anchors come from them) and its
    whole body text in blocks (paragraphs and subheadings). With `hazards`, the body carries what
    trips extractors: a lead paragraph outside the body's container, 'Read more' lines, captions,
    an inline newsletter box, a body split by an ad, a related-stories box, an 'Updated' line."""
    r = ctx.rng
    out = []
    if r.random() < 0.3:
        crumbs = f"{esc(words.NAV[ctx.lang][0])} › {esc(r.choice(words.NAV[ctx.lang][1:]))}"
        out.append(f'<div class="breadcrumbs">{crumbs}</div>')
    if has_h1:
        cls = r.choice(["entry-title", "article-title", "headline", "post-title", ""])
        out.append(f'<h1 class="{cls}">{esc(ctx.title)}</h1>' if cls else f"<h1>{esc(ctx.title)}</h1>")
    date_text, _ = words.write_date(r, ctx.lang, ctx.published, ctx.now, r.choice(["long", "dmy", "short"]))
    by = ctx.say["by"]
    form = r.randrange(4)
    if form == 0:
        out.append(
            f'<p class="byline">{esc(by)} <a rel="author" href="/author/x">{esc(ctx.author)}</a> | <time>{esc(date_text)}</time></p>'
        )
    elif form == 1:
        out.append(
            f'<div class="meta"><span class="author">{esc(ctx.author)}</span><span class="date">{esc(date_text)}</span></div>'
        )
    elif form == 2:
        out.append(f'<p class="post-meta">{esc(date_text)}</p>')
    if r.random() < 0.35:
        share = r.sample(["Share on Facebook", "Share on X", "Email", "Print", "Copy link", "WhatsApp"], 3)
        out.append(f'<div class="share">{"".join(f"<a>{ctx.chrome(s)}</a>" for s in share)}</div>')
    paragraphs = [words.paragraph(r, ctx.lang, 2, 5) for _ in range(r.randint(3, 10))]
    body: list[str] = []
    full: list[str] = []
    if hazards and r.random() < 0.2:
        lead = words.paragraph(r, ctx.lang, 1, 2)
        out.append(
            f'<p class="{r.choice(["lead", "standfirst", "intro", "article-summary"])}">{esc(lead)}</p>'
        )
        full.append(lead)
    if hazards and r.random() < 0.2:
        updated, _ = words.write_date(r, ctx.lang, ctx.published, ctx.now, "long")
        body.append(f'<p class="updated">{ctx.chrome("Updated: " + updated)}</p>')
    split_at = r.randrange(1, len(paragraphs)) if hazards and r.random() < 0.3 else None
    for i, p in enumerate(paragraphs):
        if i == split_at:
            wrap_now = r.choice(["entry-content", "article-body", "story-body"])
            body.append(
                f'</div><div class="ad-slot"><span>{ctx.chrome("Advertisement")}</span>'
                f'<span>{ctx.chrome("Continue reading below")}</span></div><div class="{wrap_now}">'
            )
        if hazards and i and r.random() < 0.12:
            body.append(
                f'<p><strong>{ctx.chrome("Read more:")}</strong> <a href="/s/{i}">{ctx.chrome(words.teaser(r))}</a></p>'
            )
            ctx.boilerplate.append(f"Read more: {ctx.boilerplate[-1]}")
        if hazards and 0 < i < len(paragraphs) - 1 and r.random() < 0.12:
            caption = f"Photo: {words.person(r, ctx.lang)} / {r.choice(['Reuters', 'AFP', 'dpa', 'AP', 'Getty Images'])}"
            body.append(
                f'<figure><img src="/p{i}.jpg" alt=""><figcaption>{ctx.chrome(caption)}</figcaption></figure>'
            )
        if hazards and i == len(paragraphs) // 2 and r.random() < 0.3:
            body.append(
                f'<div class="newsletter-inline"><h3>{ctx.chrome("Get the morning briefing")}</h3>'
                f"<p>{ctx.chrome('Our editors pick the five stories you need, every weekday at 7am.')}</p>"
                "<form><input type='email'><button>Sign up</button></form></div>"
            )
        if 0 < i < len(paragraphs) - 1 and r.random() < 0.1:
            sub = words.headline(r, ctx.lang)
            body.append(f"<h2>{esc(sub)}</h2>")
            full.append(sub)
        full.append(p)
        if 0 < i < len(paragraphs) - 1 and r.random() < 0.08:
            body.append(f'<div class="ad">{ctx.chrome("Advertisement")}</div>')
        if 0 < i < len(paragraphs) - 1 and r.random() < 0.06:
            body.append('<figure><img src="/photo.jpg" alt=""></figure>')
        if i > 0 and r.random() < 0.1:
            ws = p.split()
            k = r.randrange(1, len(ws) - 2)
            body.append(
                f'<p>{esc(" ".join(ws[:k]))} <a href="/ref">{esc(ws[k])}</a> {esc(" ".join(ws[k + 1 :]))}</p>'
            )
        else:
            body.append(f"<p>{esc(p)}</p>")
    wrap = r.choice(["entry-content", "article-body", "post-content", "story-body", "content"])
    if hazards and r.random() < 0.3:
        items = "".join(
            f'<li><a href="/r/{i}">{ctx.chrome(words.teaser(r))}</a></li>' for i in range(r.randrange(2, 5))
        )
        body.append(
            f'<div class="related-inline"><h3>{ctx.chrome("Related stories")}</h3><ul>{items}</ul></div>'
        )
    out.append(f'<div class="{wrap}">{"".join(body)}</div>')
    if r.random() < 0.35:
        tags = ", ".join(
            r.sample(["harbour", "council", "budget", "transport", "schools", "weather", "sport"], 3)
        )
        out.append(f'<p class="tags">{ctx.chrome(f"Tags: {tags}")}</p>')
    if r.random() < 0.2:
        out.append(
            f'<div class="author-bio"><h4>{ctx.chrome("About the author")}</h4>'
            f"<p>{ctx.chrome(f'{ctx.author} covers local politics and transport for {ctx.site}.')}</p></div>"
        )
    tag = r.choice(["article", "article", "div"])
    return f'<{tag} class="post hentry">{"".join(out)}</{tag}>', paragraphs, full


def sidebar(ctx: Ctx) -> str:
    r = ctx.rng
    parts = []
    if r.random() < 0.5:
        items = "".join(
            f'<li><a href="/s/{i}">{ctx.chrome(words.teaser(r))}</a></li>' for i in range(r.randrange(3, 6))
        )
        parts.append(
            f'<div class="widget most-read"><h3>{ctx.chrome(r.choice(["Most read", "Related stories", "More from " + ctx.site]))}</h3><ol>{items}</ol></div>'
        )
    if r.random() < 0.2:
        on = {"en": "on", "de": "bei", "fr": "sur", "es": "en"}[ctx.lang]
        items = "".join(
            f'<li class="recentcomments"><span class="comment-author-link">{esc(ctx.name())}</span> {on} <a href="/s/{i}">{esc(words.teaser(r))}</a></li>'
            for i in range(r.randrange(2, 5))
        )
        parts.append(
            f'<div class="widget widget_recent_comments"><h3>{ctx.chrome("Recent Comments")}</h3><ul id="recentcomments">{items}</ul></div>'
        )
    if r.random() < 0.3:
        parts.append(
            f'<div class="widget newsletter"><h3>{ctx.chrome("Sign up for our newsletter")}</h3>'
            f"<p>{ctx.chrome('The best stories of the week, straight to your inbox.')}</p><form><input type='email'><button>Subscribe</button></form></div>"
        )
    return f'<aside class="sidebar">{"".join(parts)}</aside>' if parts else ""


def footer(ctx: Ctx) -> str:
    r = ctx.rng
    links = r.sample(
        ["About us", "Contact", "Advertise", "Privacy policy", "Terms of use", "Careers", "Corrections"], 4
    )
    return (
        f'<footer class="site-footer"><ul>{"".join(f"<li><a>{ctx.chrome(x)}</a></li>" for x in links)}</ul>'
        f"<p>{ctx.chrome(f'© {ctx.now.year} {ctx.site}. All rights reserved.')}</p></footer>"
    )


def page(markup: Markup, seed: int, lang: str | None = None, hazards: bool = False) -> tuple[str, dict]:
    """One page in `markup` and its gold (with `hazards`, a body that trips extractors)."""
    r = random.Random(seed)
    ctx = Ctx(r, lang or r.choice(words.LANGS))
    ctx.author = (
        words.person(r, ctx.lang)
        if r.random() < 0.3
        else f"{r.choice(words.FIRST[ctx.lang])} {r.choice(words.LAST[ctx.lang])}"
    )
    has_h1 = r.random() < 0.88
    logo_h1 = r.random() < 0.15
    n = 0 if r.random() < 0.1 else min(int(r.expovariate(1 / 7)) + 1, 25)
    roots = ctx.comments(n, markup.reply_share if markup.nest != "flat" else 0.0, markup.anon_share)
    art, paragraphs, full = article(ctx, has_h1, hazards)
    if n:
        section = markup.render(ctx, roots)
    elif r.random() < 0.5:
        section = f'<div id="comments" class="comments-area"><p>{ctx.chrome(ctx.say["first"])}</p>{_form(ctx)}</div>'
    else:
        section = ""
    main = f'<main class="site-main">{art}{section}</main>'
    layout = [main, sidebar(ctx)] if r.random() < 0.7 else [sidebar(ctx), main]
    html = (
        f'<!DOCTYPE html><html lang="{ctx.lang}">{head(ctx, has_h1)}<body class="single">{header(ctx, logo_h1)}'
        f'<div class="container">{"".join(layout)}</div>{footer(ctx)}</body></html>'
    )
    comments = []
    for c in walk(roots):
        g: dict = {
            "author": c.author,
            "text_first": c.paragraphs[0][:40],
            "text_last": c.paragraphs[-1][-40:],
        }
        if markup.nest != "flat":
            g["parent"] = c.parent
        if c.date_iso:
            g["date"] = c.date_iso
        comments.append(g)
    gold = {
        "format": "html",
        "comment_system": markup.name,
        "layout": "held-out" if markup.name in HELD_OUT else "tune",
        "tags": [ctx.lang, markup.nest, "with-h1" if has_h1 else "no-h1"],
        "language": ctx.lang,
        "title": ctx.title,
        "byline": ctx.author,
        "body_first": full[0][:60],
        "body_text": "\n\n".join(full),
        "body_last": paragraphs[-1][-60:],
        "boilerplate": sorted(set(ctx.boilerplate)),
        "comments": comments,
    }
    return html, gold


def _form(ctx: Ctx) -> str:
    return f'<div id="respond"><h3>{ctx.chrome(ctx.say["leave"])}</h3><form><textarea></textarea><button>Post</button></form></div>'


def generate(
    names: list[str], per_markup: int, seed: int = 1, hazards: bool = False
) -> list[tuple[str, str, dict]]:
    """(file name, html, gold) for `per_markup` pages of each markup, deterministic for a seed."""
    out = []
    for name in names:
        for i in range(per_markup):
            html, gold = page(MARKUPS[name], seed * 1_000_003 + hash_name(name) * 1009 + i, hazards=hazards)
            file = f"{name}-{i:03d}.html"
            gold["file"] = file
            out.append((file, html, gold))
    return out


def hash_name(name: str) -> int:
    """A stable number per markup name (str hash is salted per process)."""
    return sum((i + 1) * ord(ch) for i, ch in enumerate(name))


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("out", type=Path)
    p.add_argument("--per-markup", type=int, default=10)
    p.add_argument("--seed", type=int, default=1)
    which = p.add_mutually_exclusive_group()
    which.add_argument("--held-out", action="store_true", help="only the markups held out of tuning")
    which.add_argument("--tune", action="store_true", help="only the markups used for tuning")
    p.add_argument("--markups", nargs="*", help="these markups only")
    p.add_argument("--hazards", action="store_true", help="bodies that trip extractors (for body tuning)")
    a = p.parse_args()
    names = a.markups or (list(HELD_OUT) if a.held_out else list(TUNE) if a.tune else list(MARKUPS))
    (a.out / "pages").mkdir(parents=True, exist_ok=True)
    (a.out / "gold").mkdir(parents=True, exist_ok=True)
    for file, html, gold in generate(names, a.per_markup, a.seed, a.hazards):
        (a.out / "pages" / file).write_text(html, encoding="utf-8")
        (a.out / "gold" / file.replace(".html", ".json")).write_text(
            json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8"
        )
    print(f"{len(names) * a.per_markup} pages in {a.out}/pages, gold in {a.out}/gold")


if __name__ == "__main__":
    main()
