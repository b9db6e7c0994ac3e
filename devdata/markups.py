"""Comment sections as comment systems write them: one function per markup family.

Each family turns the page's comments (a forest, replies under their parent) into the HTML of a
comment section, chrome included: headings, sort and login prompts, per-comment action rows,
"Powered by" lines, trending lists. Every chrome line goes through `ctx.chrome`, so the gold
knows it must appear neither in the body nor in a comment. Families vary within themselves
(optional wrappers, avatars, badges, date positions) so a family is not one fixed template.

`HELD_OUT` families are not used to write selectors or rules for: their scores are the measure of
how the extractor reads comment markup nobody wrote a selector or a rule for. There are fifteen
sets. Only the newest (`HELD_OUT_FIFTEENTH`) has never been looked at or tuned on; the older
sets' failures were fixed (see below), so their scores are regression checks.
"""

from __future__ import annotations

import email.utils
import json
import textwrap
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, timedelta

from devdata import words
from devdata.ctx import Ctx, GenComment, attr, css_hash, esc, walk


@dataclass(frozen=True)
class Markup:
    name: str
    render: Callable[[Ctx, list[GenComment]], str]
    nest: str  # nested (replies inside their parent's markup) | indent (depth shown) | flat (no threading)
    reply_share: float = 0.3
    anon_share: float = 0.1
    known: bool = False  # a system with selectors in tasks/extract/dom_comments.toml


def paras(c: GenComment, tag: str = "p", cls: str = "") -> str:
    a = f' class="{cls}"' if cls else ""
    return "".join(f"<{tag}{a}>{esc(p)}</{tag}>" for p in c.paragraphs)


def br_text(c: GenComment) -> str:
    """Paragraphs separated by <br><br> inside one element (old forums, Disqus exports)."""
    return "<br><br>".join(esc(p) for p in c.paragraphs)


def avatar(ctx: Ctx, c: GenComment, cls: str = "avatar") -> str:
    return f'<img class="{cls}" src="/avatars/{c.index}.png" alt="">' if ctx.rng.random() < 0.7 else ""


def time_el(c: GenComment, cls: str = "", inner: str | None = None) -> str:
    a = f' class="{cls}"' if cls else ""
    dt = f' datetime="{c.when.isoformat()}Z"'
    return f"<time{a}{dt}>{esc(inner if inner is not None else c.date_text)}</time>"


def heading(ctx: Ctx, n: int, tag: str = "h3", cls: str = "") -> str:
    r = ctx.rng
    text = r.choice([ctx.say["n_comments"].format(n=n), ctx.say["comments"], f"{ctx.say['comments']} ({n})"])
    a = f' class="{cls}"' if cls else ""
    return f"<{tag}{a}>{ctx.chrome(text)}</{tag}>"


def wp_form(ctx: Ctx) -> str:
    if ctx.rng.random() < 0.3:
        return ""
    return (
        f'<div id="respond" class="comment-respond"><h3 class="comment-reply-title">{ctx.chrome(ctx.say["leave"])}</h3>'
        f'<form class="comment-form"><p class="comment-notes">Your email address will not be published.</p>'
        f'<textarea name="comment"></textarea><input type="submit" value="Post Comment"></form></div>'
    )


def trending(ctx: Ctx) -> str:
    """A news widget's 'Trending now' block of other stories, below the comments."""
    r = ctx.rng
    items = "".join(
        f'<li><a href="/story/{i}">{ctx.chrome(words.teaser(r))}</a></li>' for i in range(r.randrange(3, 6))
    )
    return f'<div class="trending"><h4>{ctx.chrome("Trending now")}</h4><ul>{items}</ul></div>'


def widget_footer(ctx: Ctx, vendor: str) -> str:
    r = ctx.rng
    parts = []
    if r.random() < 0.7:
        parts.append(f"<div>{ctx.chrome(f'Powered by {vendor}')}</div>")
    if r.random() < 0.6:
        parts.append(
            f'<div class="legal"><a href="/t">{ctx.chrome("Terms")}</a> | <a href="/p">{ctx.chrome("Privacy")}</a> | '
            f'<a href="/f">{ctx.chrome("Feedback")}</a></div>'
        )
        ctx.boilerplate.append("Terms | Privacy | Feedback")
    return "".join(parts)


def nested(
    roots: list[GenComment], item: Callable[[GenComment, str], str], children: Callable[[str], str]
) -> str:
    """Records whose replies sit inside them: item(comment, replies_html)."""

    def one(c: GenComment) -> str:
        kids = "".join(one(k) for k in c.children)
        return item(c, children(kids) if kids else "")

    return "".join(one(c) for c in roots)


# --- families with selectors (fast paths) ---------------------------------------------------------------
def wordpress(ctx: Ctx, roots: list[GenComment]) -> str:
    r = ctx.rng
    says = r.random() < 0.6

    def item(c: GenComment, kids: str) -> str:
        parity = "even" if c.index % 2 == 0 else "odd"
        name = (
            f'<b class="fn">{esc(c.shown)}</b>'
            if r.random() < 0.7
            else f'<b class="fn"><a href="https://example.org/u{c.index}" class="url">{esc(c.shown)}</a></b>'
        )
        return (
            f'<li id="comment-{100 + c.index}" class="comment {parity} depth-{c.depth + 1}">'
            f'<article id="div-comment-{100 + c.index}" class="comment-body"><footer class="comment-meta">'
            f'<div class="comment-author vcard">{avatar(ctx, c)}{name}'
            + (f' <span class="says">{ctx.chrome("says:")}</span>' if says else "")
            + f'</div><div class="comment-metadata"><a href="#comment-{100 + c.index}">{time_el(c)}</a></div></footer>'
            f'<div class="comment-content">{paras(c)}</div>'
            f'<div class="reply"><a class="comment-reply-link" href="#">{ctx.chrome(ctx.say["reply"])}</a></div>'
            f"</article>{kids}</li>"
        )

    n = len(list(walk(roots)))
    body = nested(roots, item, lambda k: f'<ol class="children">{k}</ol>')
    return (
        f'<div id="comments" class="comments-area"><h2 class="comments-title">{ctx.chrome(f"{n} thoughts on “{ctx.title}”")}</h2>'
        f'<ol class="comment-list">{body}</ol>{wp_form(ctx)}</div>'
    )


def wpdiscuz(ctx: Ctx, roots: list[GenComment]) -> str:
    def item(c: GenComment, kids: str) -> str:
        level = f"wpd_comment_level-{c.depth + 1}"
        cls = "wpd-comment" + (" wpd-reply" if c.depth else "")
        return (
            f'<div id="wpd-comm-{c.index}" class="{cls} {level}"><div class="wpd-comment-wrap">'
            f'<div class="wpd-comment-left">{avatar(ctx, c, "avatar")}</div><div class="wpd-comment-right">'
            f'<div class="wpd-comment-header"><div class="wpd-comment-author">{esc(c.shown)}</div>'
            f'<div class="wpd-comment-date">{esc(c.date_text)}</div></div>'
            f'<div class="wpd-comment-text">{paras(c)}</div>'
            f'<div class="wpd-comment-footer"><div class="wpd-vote"><div class="wpd-vote-result">{ctx.chrome(str(c.index % 7))}</div></div>'
            f'<div class="wpd-reply-button"><span>{ctx.chrome(ctx.say["reply"])}</span></div></div>'
            f"</div></div>{kids}</div>"
        )

    body = nested(roots, item, lambda k: k)
    return (
        f'<div class="wpdiscuz_top_clearing"></div><div id="comments" class="comments-area"><div id="wpdcom" class="wpdiscuz_unauth">'
        f'<div class="wpd-thread-head"><div class="wpd-thread-info">{ctx.chrome(ctx.say["n_comments"].format(n=len(ctx.all_comments)))}</div>'
        f'<div class="wpd-thread-filter">{ctx.chrome("Inline Feedbacks")}</div></div>'
        f'<div class="wpd-thread-list">{body}</div></div></div>'
    )


def disqus(ctx: Ctx, roots: list[GenComment]) -> str:
    def item(c: GenComment, kids: str) -> str:
        return (
            f'<li class="post" id="post-{5000 + c.index}"><div class="post-content"><div class="avatar">{avatar(ctx, c, "user")}</div>'
            f'<div class="post-body"><header><span class="post-byline"><span class="author publisher-anchor-color"><a href="/u">{esc(c.shown)}</a></span></span>'
            f' <span class="post-meta"><a class="time-ago" title="{attr(c.date_text)}">{esc(c.date_text)}</a></span></header>'
            f'<div class="post-body-inner"><div class="post-message"><div>{paras(c)}</div></div></div>'
            f'<footer><menu><li class="voting"><a class="vote-up">{ctx.chrome(str((c.index * 3) % 11))}</a></li>'
            f'<li class="reply"><a>{ctx.chrome(ctx.say["reply"])}</a></li><li class="share"><a>{ctx.chrome("Share ›")}</a></li></menu></footer>'
            f"</div></div>{kids}</li>"
        )

    body = nested(roots, item, lambda k: f'<ul class="children">{k}</ul>')
    return (
        f'<div id="disqus_thread"><div id="layout"><section id="conversation"><div class="nav">{ctx.chrome(ctx.say["n_comments"].format(n=len(ctx.all_comments)))}</div>'
        f'<ul id="post-list" class="post-list">{body}</ul></section></div></div>'
        + (f"<div>{ctx.chrome('Powered by Disqus')}</div>" if ctx.rng.random() < 0.5 else "")
    )


def blogger(ctx: Ctx, roots: list[GenComment]) -> str:
    def item(c: GenComment, kids: str) -> str:
        replies = (
            f'<div class="comment-replies"><div class="comment-thread inline-thread"><ol>{kids}</ol></div></div>'
            if kids
            else ""
        )
        return (
            f'<li class="comment" id="c{900 + c.index}"><div class="avatar-image-container">{avatar(ctx, c)}</div>'
            f'<div class="comment-block"><div class="comment-header"><cite class="user"><a href="/p/{c.index}">{esc(c.shown)}</a></cite>'
            f'<span class="icon user"></span><span class="datetime secondary-text"><a rel="nofollow">{esc(c.date_text)}</a></span></div>'
            f'<p class="comment-content">{br_text(c)}</p>'
            f'<span class="comment-actions secondary-text"><a class="comment-reply">{ctx.chrome(ctx.say["reply"])}</a>'
            f'<span class="item-control blog-admin"><a>{ctx.chrome("Delete")}</a></span></span></div>{replies}</li>'
        )

    body = nested(roots, item, lambda k: k)
    return (
        f'<div class="comments" id="comments"><h4>{ctx.chrome(ctx.say["n_comments"].format(n=len(ctx.all_comments)) + ":")}</h4>'
        f'<div class="comments-content"><div class="comment-thread"><ol>{body}</ol></div></div>'
        f'<p class="comment-footer"><a>{ctx.chrome("Post a Comment")}</a></p></div>'
    )


def schema_org(ctx: Ctx, roots: list[GenComment]) -> str:
    def item(c: GenComment, kids: str) -> str:
        return (
            f'<div class="user-comment" itemprop="comment" itemscope itemtype="https://schema.org/Comment">'
            f'<div class="meta"><span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">{esc(c.shown)}</span></span>'
            f' · <time itemprop="dateCreated" datetime="{c.when.isoformat()}">{esc(c.date_text)}</time></div>'
            f'<div itemprop="text">{paras(c)}</div><div class="tools"><a>{ctx.chrome(ctx.say["reply"])}</a></div>{kids}</div>'
        )

    body = nested(roots, item, lambda k: f'<div class="replies">{k}</div>')
    return f'<section class="user-comments">{heading(ctx, len(ctx.all_comments), "h2")}{body}</section>'


# --- families without selectors, used to tune the record miner -------------------------------------------
def viafoura(ctx: Ctx, roots: list[GenComment]) -> str:
    r = ctx.rng

    def item(c: GenComment, kids: str) -> str:
        badge = f'<span class="vf-badge">{ctx.chrome("Top Commenter")}</span>' if r.random() < 0.1 else ""
        replies = f'<div class="vf-replies">{kids}</div>' if kids else ""
        return (
            f'<div class="vf-comment" data-id="{c.index}"><div class="vf-comment-header">{avatar(ctx, c, "vf-avatar")}'
            f'<span class="vf-username">{esc(c.shown)}</span>{badge}<span class="vf-date">{esc(c.date_text)}</span></div>'
            f'<div class="vf-comment-body">{paras(c)}</div><div class="vf-comment-actions">'
            f'<button class="vf-like">{ctx.chrome(ctx.say["like"])}</button><span class="vf-count">{ctx.chrome(str(c.index % 9))}</span>'
            f'<a class="vf-reply">{ctx.chrome(ctx.say["reply"])}</a></div>{replies}</div>'
        )

    body = nested(roots, item, lambda k: k)
    return (
        f'<div class="vf-conversations"><div class="vf-header">{heading(ctx, len(ctx.all_comments), "h2")}'
        f'<div class="vf-sort">{ctx.chrome(ctx.say["sort"])}</div></div><div class="vf-comments">{body}</div>'
        f'<div class="vf-load-more"><a>{ctx.chrome(ctx.say["more"])}</a></div>{trending(ctx) if r.random() < 0.5 else ""}'
        f"{widget_footer(ctx, 'Viafoura')}</div>"
    )


def commento(ctx: Ctx, roots: list[GenComment]) -> str:
    def item(c: GenComment, kids: str) -> str:
        kids_html = f'<div class="commento-children">{kids}</div>' if kids else ""
        return (
            f'<div class="commento-card" id="commento-{c.index}"><div class="commento-header"><div class="commento-avatar">{esc((c.shown or "?")[0])}</div>'
            f'<div class="commento-name">{esc(c.shown)}</div><div class="commento-subtitle"><div class="commento-score">{ctx.chrome(f"{c.index % 5} points")}</div>'
            f'<div class="commento-timeago">{esc(c.date_text)}</div></div></div>'
            f'<div class="commento-contents"><div class="commento-body">{paras(c)}</div>'
            f'<div class="commento-options"><button class="commento-option-reply">{ctx.chrome(ctx.say["reply"])}</button></div>{kids_html}</div></div>'
        )

    body = nested(roots, item, lambda k: k)
    return (
        f'<div id="commento"><div class="commento-main-area"><div class="commento-login"><div class="commento-login-text">{ctx.chrome("Login")}</div></div>'
        f'<div class="commento-comments">{body}</div></div><div class="commento-footer">{ctx.chrome("Powered by Commento")}</div></div>'
    )


def discourse(ctx: Ctx, roots: list[GenComment]) -> str:
    r = ctx.rng
    items = []
    for c in walk(roots):
        title = (
            f'<span class="user-title">{ctx.chrome(r.choice(["Regular", "Leader", "Member"]))}</span>'
            if r.random() < 0.3
            else ""
        )
        items.append(
            f'<article class="post"><div class="author"><a href="/u/{c.index}">{avatar(ctx, c)}</a><h3><a href="/u/{c.index}">{esc(c.shown)}</a></h3>{title}'
            f'<span class="post-date"><a href="/t/{c.index}">{esc(c.date_text)}</a></span></div>'
            f'<div class="cooked">{paras(c)}</div></article>'
        )
    return (
        f'<div id="discourse-comments"><header><h3>{ctx.chrome(ctx.say["comments"])}</h3></header><div class="posts-wrapper">{"".join(items)}</div>'
        f'<footer><a class="button" href="/t">{ctx.chrome("Continue Discussion")}</a><span class="powered-by">{ctx.chrome("Powered by Discourse")}</span></footer></div>'
    )


def phpbb(ctx: Ctx, roots: list[GenComment]) -> str:
    r = ctx.rng
    items = []
    subject = f"Re: {ctx.title}"
    for i, c in enumerate(walk(roots)):
        items.append(
            f'<div id="p{2000 + c.index}" class="post has-profile bg{1 + i % 2}"><div class="inner">'
            f'<dl class="postprofile"><dt class="has-profile-rank">{avatar(ctx, c)}<a href="/m/{c.index}" class="username">{esc(c.shown)}</a></dt>'
            f'<dd class="profile-rank">{ctx.chrome(r.choice(["Member", "Regular", "Newbie"]))}</dd>'
            f'<dd class="profile-posts"><strong>{ctx.chrome("Posts:")}</strong> <a>{ctx.chrome(str(r.randrange(1, 900)))}</a></dd></dl>'
            f'<div class="postbody"><h3><a href="#p{2000 + c.index}">{ctx.chrome(subject)}</a></h3>'
            f'<p class="author"><span class="responsive-hide">by <strong><a class="username">{esc(c.shown)}</a></strong> » </span>{esc(c.date_text)}</p>'
            f'<div class="content">{br_text(c)}</div></div></div></div><hr class="divider">'
        )
    return (
        f'<div class="topic-replies"><h2 class="topic-title">{ctx.chrome(ctx.say["comments"])}</h2>{"".join(items)}'
        f'<div class="action-bar"><a class="button">{ctx.chrome("Post Reply")}</a></div></div>'
    )


def facebook(ctx: Ctx, roots: list[GenComment]) -> str:
    """Facebook's comments plugin: classes that name nothing."""
    r = ctx.rng
    k = {
        name: "_" + css_hash(r, 4) for name in ("item", "name", "text", "actions", "list", "replies", "time")
    }

    def item(c: GenComment, kids: str) -> str:
        rep = f'<div class="{k["replies"]}">{kids}</div>' if kids else ""
        return (
            f'<div class="{k["item"]}"><div class="_ohe">{avatar(ctx, c, "img")}</div><div class="_ohf"><div>'
            f'<a class="{k["name"]}" href="/profile/{c.index}">{esc(c.shown)}</a>'
            f'<div class="{k["text"]}"><span>{br_text(c)}</span></div>'
            f'<div class="{k["actions"]}"><a>{ctx.chrome(ctx.say["like"])}</a> · <a>{ctx.chrome(ctx.say["reply"])}</a> · '
            f'<abbr class="{k["time"]}">{esc(c.date_text)}</abbr></div></div>{rep}</div></div>'
        )

    body = nested(roots, item, lambda x: x)
    return (
        f'<div class="fb-comments"><div class="_4k-6"><span class="_50f7">{ctx.chrome(ctx.say["n_comments"].format(n=len(ctx.all_comments)))}</span>'
        f'<span>{ctx.chrome(ctx.say["sort"])}</span></div><div class="{k["list"]}">{body}</div>'
        f'<div class="_5o4h">{ctx.chrome("Facebook Comments Plugin")}</div></div>'
    )


def remark42(ctx: Ctx, roots: list[GenComment]) -> str:
    items = []
    for c in walk(roots):
        items.append(
            f'<article class="comment comment_level_{min(c.depth, 5)}" id="remark42__comment-{c.index}"><div class="comment__body">'
            f'<div class="comment__info">{avatar(ctx, c, "comment__avatar")}<span class="comment__username">{esc(c.shown)}</span>'
            f' <a class="comment__time" href="#c{c.index}">{esc(c.date_text)}</a>'
            f'<span class="comment__score"><span class="comment__vote">{ctx.chrome("Vote up")}</span><span class="comment__score-value">{ctx.chrome(str(c.index % 6))}</span></span></div>'
            f'<div class="comment__text raw-content">{paras(c)}</div>'
            f'<div class="comment__actions"><button class="comment__action">{ctx.chrome(ctx.say["reply"])}</button></div></div></article>'
        )
    return f'<div id="remark42"><div class="root__threads"><div class="thread">{"".join(items)}</div></div></div>'


def classless(ctx: Ctx, roots: list[GenComment]) -> str:
    """A hand-written theme: no classes at all, nested lists."""

    def item(c: GenComment, kids: str) -> str:
        return f"<li><p><b>{esc(c.shown)}</b> <small>{esc(c.date_text)}</small></p>{paras(c)}{kids}</li>"

    body = nested(roots, item, lambda k: f"<ul>{k}</ul>")
    return f"<section>{heading(ctx, len(ctx.all_comments), 'h2')}<ul>{body}</ul></section>"


def table_forum(ctx: Ctx, roots: list[GenComment]) -> str:
    rows = []
    for c in walk(roots):
        rows.append(
            f'<tr><td class="auth" valign="top"><b>{esc(c.shown)}</b><br><small>{esc(c.date_text)}</small></td>'
            f'<td class="msg">{br_text(c)}<br><br><small><a href="#">{ctx.chrome("[quote]")}</a></small></td></tr>'
        )
    return (
        f'<h3>{ctx.chrome(ctx.say["comments"])}</h3><table class="cmts" width="100%">{"".join(rows)}</table>'
    )


def giscus(ctx: Ctx, roots: list[GenComment]) -> str:
    r = ctx.rng

    def item(c: GenComment, kids: str) -> str:
        react = (
            f'<div class="gsc-reactions">{ctx.chrome(f"👍 {c.index % 4 + 1}")}</div>'
            if r.random() < 0.4
            else ""
        )
        rep = f'<div class="gsc-replies">{kids}</div>' if kids else ""
        return (
            f'<div class="gsc-comment"><div class="gsc-comment-box"><div class="gsc-comment-header">{avatar(ctx, c, "gsc-avatar")}'
            f'<a class="gsc-comment-author" href="https://github.com/u{c.index}">{esc(c.shown)}</a> '
            f'<a class="gsc-comment-date" href="#dc{c.index}"><time-ago datetime="{c.when.isoformat()}Z">{esc(c.date_text)}</time-ago></a></div>'
            f'<div class="gsc-comment-content markdown">{paras(c)}</div>{react}</div>{rep}</div>'
        )

    body = nested(roots, item, lambda k: k)
    return (
        f'<div class="giscus"><div class="gsc-main"><div class="gsc-header">{ctx.chrome(f"{len(ctx.all_comments)} comments")}</div>'
        f'<div class="gsc-timeline">{body}</div><div class="gsc-comment-box">{ctx.chrome("Sign in with GitHub")}</div></div></div>'
    )


def guardian(ctx: Ctx, roots: list[GenComment]) -> str:
    def item(c: GenComment, kids: str) -> str:
        rep = f'<ul class="d-thread d-thread--responses">{kids}</ul>' if kids else ""
        return (
            f'<li class="d-comment" id="comment-{c.index}"><div class="d-comment__inner"><div class="d-comment__meta">'
            f'<span class="d-comment__author"><a href="/profile/{c.index}">{esc(c.shown)}</a></span>'
            f'<a class="d-comment__timestamp" href="#c">{esc(c.date_text)}</a></div>'
            f'<div class="d-comment__content"><div class="d-comment__body">{paras(c)}</div></div>'
            f'<div class="d-comment__actions"><span class="d-comment__recommend">{ctx.chrome(str(c.index * 2 % 13))}</span>'
            f"<button>{ctx.chrome(ctx.say['reply'])}</button><button>{ctx.chrome('Report')}</button></div></div>{rep}</li>"
        )

    body = nested(roots, item, lambda k: k)
    return (
        f'<div class="discussion"><div class="discussion__toolbar">{ctx.chrome(ctx.say["sort"])}</div>'
        f'<ul class="d-thread d-thread--comments">{body}</ul><div class="discussion__show-more">{ctx.chrome(ctx.say["more"])}</div></div>'
    )


def openweb(ctx: Ctx, roots: list[GenComment]) -> str:
    """An OpenWeb / Spot.IM-like widget: module-scoped class names, depth as a data attribute."""
    r = ctx.rng
    items = []
    for c in walk(roots):
        items.append(
            f'<li data-spot-im-class="message-view" data-depth="{c.depth}" class="src-components-Message-index__root">'
            f'<div class="src-components-Message-index__header"><span class="src-components-Username-index__wrapper">{esc(c.shown)}</span>'
            f'<span class="src-components-Timestamp-index__time">{esc(c.date_text)}</span></div>'
            f'<div class="src-components-MessageContent-index__text">{paras(c)}</div>'
            f'<div class="src-components-Actions-index__row"><button>{ctx.chrome(ctx.say["reply"])}</button>'
            f"<button>{ctx.chrome(str(c.index % 8))}</button><button>{ctx.chrome(ctx.say['share'])}</button></div></li>"
        )
    return (
        f'<div data-spotim-module="conversation"><div class="src-components-Header">{ctx.chrome("Conversation")}'
        f"<span>{ctx.chrome(ctx.say['n_comments'].format(n=len(ctx.all_comments)))}</span></div>"
        f'<div>{ctx.chrome(ctx.say["sort"])}</div><ul class="src-components-MessagesList">{"".join(items)}</ul>'
        f"{trending(ctx) if r.random() < 0.6 else ''}{widget_footer(ctx, 'OpenWeb')}</div>"
    )


def vbulletin(ctx: Ctx, roots: list[GenComment]) -> str:
    r = ctx.rng
    items = []
    for i, c in enumerate(walk(roots)):
        items.append(
            f'<li class="postbitlegacy postcontainer" id="post_{300 + c.index}"><div class="posthead"><span class="postdate old"><span class="date">{esc(c.date_text)}</span></span>'
            f'<span class="nodecontrols"><a class="postcounter">{ctx.chrome(f"#{i + 2}")}</a></span></div>'
            f'<div class="postdetails"><div class="userinfo"><a class="username"><strong>{esc(c.shown)}</strong></a>'
            f'<span class="usertitle">{ctx.chrome(r.choice(["Senior Member", "Junior Member", "Member"]))}</span></div>'
            f'<div class="postbody"><div class="content"><blockquote class="postcontent restore">{br_text(c)}</blockquote></div></div></div>'
            f'<div class="postfoot"><a class="quote">{ctx.chrome("Reply With Quote")}</a></div></li>'
        )
    return f'<div id="postlist"><ol id="posts" class="posts">{"".join(items)}</ol></div>'


def dl_pairs(ctx: Ctx, roots: list[GenComment]) -> str:
    """A definition list: the header in <dt>, the text in the next <dd>; no wrapper per comment."""
    items = []
    for c in walk(roots):
        items.append(f"<dt><strong>{esc(c.shown)}</strong> — {esc(c.date_text)}</dt><dd>{paras(c)}</dd>")
    return f'<div class="responses">{heading(ctx, len(ctx.all_comments), "h2")}<dl class="responses-list">{"".join(items)}</dl></div>'


# --- held out: never used to tune ------------------------------------------------------------------------
def coral(ctx: Ctx, roots: list[GenComment]) -> str:
    r = ctx.rng

    def item(c: GenComment, kids: str) -> str:
        parent = ctx.all_comments[c.parent] if c.parent is not None else None
        in_reply = (
            f'<div class="coral-comment-inReplyTo">{ctx.chrome("In reply to")} <span>{esc(parent.shown)}</span></div>'
            if parent is not None and r.random() < 0.7
            else ""
        )
        rep = f'<div class="coral coral-replyList">{kids}</div>' if kids else ""
        return (
            f'<div class="coral coral-comment coral-indent-{c.depth}" role="article"><div class="coral-comment-topBar">'
            f'<span class="coral coral-comment-username"><button class="coral-username">{esc(c.shown)}</button></span>'
            f'<span class="coral coral-timestamp"><time datetime="{c.when.isoformat()}Z">{esc(c.date_text)}</time></span></div>'
            f'{in_reply}<div class="coral coral-content">{paras(c)}</div>'
            f'<div class="coral coral-comment-actionBar"><span class="coral-reactButton">{ctx.chrome("Respect")}</span>'
            f'<span class="coral-comment-replyButton">{ctx.chrome(ctx.say["reply"])}</span>'
            f'<span class="coral-comment-shareButton">{ctx.chrome(ctx.say["share"])}</span>'
            f'<span class="coral-reportButton">{ctx.chrome("Report")}</span></div>{rep}</div>'
        )

    body = nested(roots, item, lambda k: k)
    return (
        f'<div id="coral_thread"><div class="coral coral-stream"><div class="coral-tabBar">{ctx.chrome(ctx.say["n_comments"].format(n=len(ctx.all_comments)))}</div>'
        f'<div class="coral-sortMenu">{ctx.chrome(ctx.say["sort"])}</div><div class="coral coral-allComments">{body}</div>'
        f'<div class="coral-loadMore">{ctx.chrome(ctx.say["more"])}</div>{widget_footer(ctx, "Coral")}</div></div>'
    )


def livefyre(ctx: Ctx, roots: list[GenComment]) -> str:
    items = []
    for c in walk(roots):
        items.append(
            f'<article class="fyre-comment-article fyre-comment-source-0 fyre-comment-depth-{c.depth}" data-message-id="{c.index}">'
            f'<header class="fyre-comment-head">{avatar(ctx, c, "fyre-user-avatar")}<span class="fyre-comment-username">{esc(c.shown)}</span>'
            f'<time class="fyre-comment-date">{esc(c.date_text)}</time></header>'
            f'<section class="fyre-comment-body"><div class="fyre-comment">{paras(c)}</div></section>'
            f'<footer class="fyre-comment-footer"><a class="fyre-comment-like">{ctx.chrome(ctx.say["like"])}</a>'
            f'<a class="fyre-comment-reply">{ctx.chrome(ctx.say["reply"])}</a><a class="fyre-comment-share">{ctx.chrome(ctx.say["share"])}</a></footer></article>'
        )
    return (
        f'<div id="livefyre"><div class="fyre"><div class="fyre-stream-stats">{ctx.chrome(ctx.say["n_comments"].format(n=len(ctx.all_comments)))}</div>'
        f'<div class="fyre-stream-content">{"".join(items)}</div><div class="fyre-stream-more">{ctx.chrome(ctx.say["more"])}</div>'
        f"{widget_footer(ctx, 'Livefyre')}</div></div>"
    )


def isso(ctx: Ctx, roots: list[GenComment]) -> str:
    def item(c: GenComment, kids: str) -> str:
        return (
            f'<div class="isso-comment" id="isso-{c.index}"><div class="isso-avatar">{avatar(ctx, c)}</div><div class="isso-text-wrapper">'
            f'<div class="isso-comment-header"><span class="isso-author">{esc(c.shown)}</span><span class="isso-spacer">{ctx.chrome("•")}</span>'
            f'<a class="isso-permalink" href="#isso-{c.index}">{time_el(c)}</a></div>'
            f'<div class="isso-text">{paras(c)}</div><div class="isso-comment-footer"><a class="isso-upvote">{ctx.chrome("+1")}</a>'
            f'<a class="isso-reply">{ctx.chrome(ctx.say["reply"])}</a></div></div><div class="isso-follow-up">{kids}</div></div>'
        )

    body = nested(roots, item, lambda k: k)
    return f'<section id="isso-thread"><h4 class="isso-thread-heading">{ctx.chrome(ctx.say["n_comments"].format(n=len(ctx.all_comments)))}</h4><div id="isso-root">{body}</div></section>'


def xenforo(ctx: Ctx, roots: list[GenComment]) -> str:
    r = ctx.rng
    items = []
    for i, c in enumerate(walk(roots)):
        reactions = (
            f'<div class="reactionsBar">{ctx.chrome(f"Reactions: {ctx.name()}, {ctx.name()} and {r.randrange(2, 9)} others")}</div>'
            if r.random() < 0.4
            else ""
        )
        items.append(
            f'<article class="message message--post" data-author="{attr(c.shown or "")}" id="js-post-{700 + c.index}"><div class="message-inner">'
            f'<div class="message-cell message-cell--user"><section class="message-user"><div class="message-avatar">{avatar(ctx, c)}</div>'
            f'<div class="message-userDetails"><h4 class="message-name"><a class="username">{esc(c.shown)}</a></h4>'
            f'<h5 class="userTitle message-userTitle">{ctx.chrome(r.choice(["Well-known member", "New member", "Active member"]))}</h5></div></section></div>'
            f'<div class="message-cell message-cell--main"><header class="message-attribution"><ul class="message-attribution-main"><li>{time_el(c, "u-dt")}</li></ul>'
            f'<ul class="message-attribution-opposite"><li><a>{ctx.chrome(f"#{i + 1}")}</a></li></ul></header>'
            f'<div class="message-content"><div class="message-userContent"><article class="message-body"><div class="bbWrapper">{br_text(c)}</div></article></div></div>'
            f'<footer class="message-footer"><div class="message-actionBar"><a>{ctx.chrome(ctx.say["like"])}</a> <a>{ctx.chrome("Quote")}</a> <a>{ctx.chrome(ctx.say["reply"])}</a></div>{reactions}</footer>'
            f"</div></div></article>"
        )
    return f'<div class="block block--messages"><div class="block-container"><div class="block-body">{"".join(items)}</div></div></div>'


def hn(ctx: Ctx, roots: list[GenComment]) -> str:
    rows = []
    for c in walk(roots):
        rows.append(
            f'<tr class="athing comtr" id="{40000 + c.index}"><td><table border="0"><tr>'
            f'<td class="ind" indent="{c.depth}"><img src="s.gif" height="1" width="{40 * c.depth}"></td>'
            f'<td class="votelinks"><a><div class="votearrow" title="upvote"></div></a></td><td class="default">'
            f'<div style="margin-top:2px; margin-bottom:-10px;"><span class="comhead"><a class="hnuser">{esc(c.shown)}</a> '
            f'<span class="age" title="{c.when.isoformat()}"><a>{esc(c.date_text)}</a></span> <span class="navs">{ctx.chrome("| parent | next [–]")}</span></span></div><br>'
            f'<div class="comment"><span class="commtext c00">{"<p>".join(esc(p) for p in c.paragraphs)}</span>'
            f'<div class="reply"><p><font size="1"><u><a>{ctx.chrome("reply")}</a></u></font></p></div></div></td></tr></table></td></tr>'
        )
    return f'<table border="0" class="comment-tree">{"".join(rows)}</table>'


def cssmodules(ctx: Ctx, roots: list[GenComment]) -> str:
    """A widget built with CSS-in-JS: every class a hash, nothing says comment, author or date."""
    r = ctx.rng
    k = {n: css_hash(r) for n in ("list", "item", "head", "name", "date", "text", "bar", "kids")}

    def item(c: GenComment, kids: str) -> str:
        rep = f'<div class="{k["kids"]}">{kids}</div>' if kids else ""
        return (
            f'<div class="{k["item"]}"><div class="{k["head"]}"><span class="{k["name"]}">{esc(c.shown)}</span>'
            f'<span class="{k["date"]}">{esc(c.date_text)}</span></div><div class="{k["text"]}">{paras(c)}</div>'
            f'<div class="{k["bar"]}"><span>{ctx.chrome(ctx.say["like"])}</span><span>{ctx.chrome(ctx.say["reply"])}</span></div>{rep}</div>'
        )

    body = nested(roots, item, lambda x: x)
    return (
        f'<div class="{css_hash(r)}"><h3 class="{css_hash(r)}">{ctx.chrome(ctx.say["comments"])}</h3>'
        f'<div class="{k["list"]}">{body}</div><div class="{css_hash(r)}">{ctx.chrome(ctx.say["more"])}</div></div>'
    )


def vuukle(ctx: Ctx, roots: list[GenComment]) -> str:
    """A news-site widget in the style of Vuukle: talk box, emotes, trending and a legal line."""
    r = ctx.rng
    items = []
    for c in walk(roots):
        items.append(
            f'<div class="v-comment{" v-comment--reply" if c.depth else ""}" style="margin-left:{24 * c.depth}px">'
            f'<div class="v-comment__top"><strong class="v-comment__user">{esc(c.shown)}</strong>'
            f'<span class="v-comment__when">{esc(c.date_text)}</span></div>'
            f'<div class="v-comment__message">{paras(c)}</div><div class="v-comment__controls">'
            f"<span>{ctx.chrome('▲')}</span><span>{ctx.chrome(str(c.index % 5))}</span><span>{ctx.chrome('▼')}</span>"
            f"<span>{ctx.chrome(ctx.say['reply'])}</span></div></div>"
        )
    emotes = "".join(f"<li>{ctx.chrome(e)}</li>" for e in ("Happy", "Unmoved", "Amused", "Excited", "Angry"))
    return (
        f'<div id="vuukle-comments"><div class="v-emotes"><h4>{ctx.chrome("What is your reaction?")}</h4><ul>{emotes}</ul></div>'
        f'<div class="v-talk">{ctx.chrome(ctx.say["n_comments"].format(n=len(ctx.all_comments)))}</div><div class="v-list">{"".join(items)}</div>'
        f"{trending(ctx) if r.random() < 0.7 else ''}{widget_footer(ctx, 'Vuukle')}</div>"
    )


def slashdot(ctx: Ctx, roots: list[GenComment]) -> str:
    r = ctx.rng

    def item(c: GenComment, kids: str) -> str:
        mood = r.choice(["Insightful", "Funny", "Informative", "Interesting"])
        sub = f"<ul>{kids}</ul>" if kids else ""
        return (
            f'<li id="tree_{c.index}" class="comment"><div class="cw"><div class="commentTop"><div class="title">'
            f'<h4><a>{ctx.chrome("Re: " + " ".join(ctx.title.split()[:4]))}</a></h4> <span class="score">{ctx.chrome(f"(Score:{r.randrange(1, 6)}, {mood})")}</span></div>'
            f'<div class="details">by <span class="by"><a>{esc(c.shown)}</a></span> on <span class="otherdetails">{esc(c.date_text)}</span></div></div>'
            f'<div class="commentBody"><div>{paras(c)}</div></div><div class="commentSub">{ctx.chrome("Parent")} {ctx.chrome(ctx.say["share"])}</div></div>{sub}</li>'
        )

    body = nested(roots, item, lambda k: k)
    return f'<div id="commentlisting"><ul id="commentlisting-ul">{body}</ul></div>'


# --- held out, second set: written after the first held-out set had been scored once -----------------
def hyvor(ctx: Ctx, roots: list[GenComment]) -> str:
    def item(c: GenComment, kids: str) -> str:
        rep = f'<div class="hc-replies">{kids}</div>' if kids else ""
        return (
            f'<div class="hc-comment" data-hc-id="{c.index}"><div class="hc-comment-head">{avatar(ctx, c, "hc-avatar")}'
            f'<a class="hc-name" href="/u/{c.index}">{esc(c.shown)}</a><span class="hc-time" title="{c.when.isoformat()}">{esc(c.date_text)}</span></div>'
            f'<div class="hc-body">{paras(c)}</div><div class="hc-foot"><span class="hc-vote">{ctx.chrome(str(c.index % 6))}</span>'
            f'<span class="hc-reply-btn">{ctx.chrome(ctx.say["reply"])}</span></div>{rep}</div>'
        )

    body = nested(roots, item, lambda k: k)
    return (
        f'<div id="hyvor-talk-view"><div class="hc-top">{ctx.chrome(ctx.say["n_comments"].format(n=len(ctx.all_comments)))}</div>'
        f'<div class="hc-list">{body}</div>{widget_footer(ctx, "Hyvor Talk")}</div>'
    )


def talkyard(ctx: Ctx, roots: list[GenComment]) -> str:
    def item(c: GenComment, kids: str) -> str:
        rep = f'<ol class="dw-res">{kids}</ol>' if kids else ""
        return (
            f'<li class="dw-t"><div class="dw-p" id="post-{c.index + 2}"><div class="dw-p-hd">'
            f'<a class="dw-p-by">{esc(c.shown)}</a> <span class="dw-p-at">{esc(c.date_text)}</span></div>'
            f'<div class="dw-p-bd"><div class="dw-p-bd-blk">{paras(c)}</div></div></div>'
            f'<div class="dw-p-as"><a class="dw-a-reply">{ctx.chrome(ctx.say["reply"])}</a><a class="dw-a-like">{ctx.chrome(ctx.say["like"])}</a></div>{rep}</li>'
        )

    body = nested(roots, item, lambda k: k)
    return f'<div class="talkyard-comments"><div class="dw-cmts-tlbr">{ctx.chrome(ctx.say["n_comments"].format(n=len(ctx.all_comments)))}</div><ol class="dw-res dw-depth-0">{body}</ol></div>'


def hcite(ctx: Ctx, roots: list[GenComment]) -> str:
    """Webmentions in microformats: h-cite, p-author h-card, dt-published, e-content."""
    items = []
    for c in walk(roots):
        items.append(
            f'<li class="h-cite"><div class="p-author h-card">{avatar(ctx, c, "u-photo")}<a class="u-url p-name" href="https://example.net/{c.index}">{esc(c.shown)}</a></div>'
            f'<a class="u-url" href="#m{c.index}"><time class="dt-published" datetime="{c.when.isoformat()}">{esc(c.date_text)}</time></a>'
            f'<div class="e-content">{paras(c)}</div></li>'
        )
    return f'<section class="webmentions"><h2>{ctx.chrome(ctx.say["comments"])}</h2><ol class="mentions">{"".join(items)}</ol></section>'


def mybb(ctx: Ctx, roots: list[GenComment]) -> str:
    r = ctx.rng
    items = []
    for c in walk(roots):
        items.append(
            f'<div class="post classic" id="post_{800 + c.index}"><div class="post_author scaleimages"><div class="author_information">'
            f'<strong><span class="largetext"><a href="/member.php?uid={c.index}">{esc(c.shown)}</a></span></strong><br>'
            f'<span class="smalltext">{ctx.chrome(r.choice(["Junior Member", "Member", "Senior Member"]))}</span></div>'
            f'<div class="author_statistics">{ctx.chrome("Posts:")} {ctx.chrome(str(r.randrange(1, 500)))}</div></div>'
            f'<div class="post_content"><div class="post_head"><span class="post_date">{esc(c.date_text)}</span></div>'
            f'<div class="post_body scaleimages" id="pid_{800 + c.index}">{br_text(c)}</div></div>'
            f'<div class="post_controls"><a class="postbit_quote">{ctx.chrome("Quote")}</a><a class="postbit_report">{ctx.chrome("Report")}</a></div></div>'
        )
    return f'<div id="posts_container"><div id="posts">{"".join(items)}</div></div>'


def reader_notes(ctx: Ctx, roots: list[GenComment]) -> str:
    """Readers' notes signed at the end: the name and the date come after the text."""
    items = []
    for c in walk(roots):
        items.append(
            f'<article class="reader-note">{paras(c)}<footer>— <cite>{esc(c.shown)}</cite>, '
            f'<time datetime="{c.when.isoformat()}">{esc(c.date_text)}</time></footer></article>'
        )
    return f'<section class="notes"><h2>{ctx.chrome("Readers respond")}</h2>{"".join(items)}</section>'


def drupal(ctx: Ctx, roots: list[GenComment]) -> str:
    def item(c: GenComment, kids: str) -> str:
        sub = f'<div class="indented">{kids}</div>' if kids else ""
        who = "by-anonymous" if c.author is None else "by-user"
        return (
            f'<article class="comment js-comment {who}" role="article"><span class="hidden" data-comment-user-id="{c.index}"></span>'
            f'<footer class="comment__meta"><p class="comment__submitted">{ctx.chrome("Submitted by")} <span>{esc(c.shown)}</span> '
            f"{ctx.chrome('on')} <span>{esc(c.date_text)}</span></p></footer>"
            f'<div class="content"><div class="field field--name-comment-body">{paras(c)}</div>'
            f'<ul class="links inline"><li><a>{ctx.chrome(ctx.say["reply"])}</a></li></ul></div></article>{sub}'
        )

    body = nested(roots, item, lambda k: k)
    return f'<section class="field--name-comment"><h2 class="title">{ctx.chrome(ctx.say["comments"])}</h2>{body}{wp_form(ctx)}</section>'


# --- held out, third set: written after the second set had been scored once -----------------------------
def tailwind(ctx: Ctx, roots: list[GenComment]) -> str:
    """A comments app styled with utility classes only (Ghost-like): no class names a part."""
    r = ctx.rng

    def item(c: GenComment, kids: str) -> str:
        rep = f'<div class="ml-10 mt-4 flex flex-col gap-4">{kids}</div>' if kids else ""
        return (
            f'<div class="flex flex-row w-full gap-3"><div class="shrink-0">{avatar(ctx, c, "h-9 w-9 rounded-full")}</div>'
            f'<div class="flex-1 min-w-0"><div class="flex items-baseline gap-2"><h4 class="text-[1.5rem] font-bold tracking-tight">{esc(c.shown)}</h4>'
            f'<div class="text-sm text-neutral-500"><span>{esc(c.date_text)}</span></div></div>'
            f'<div class="mt-1 text-[1.6rem] leading-normal">{paras(c)}</div>'
            f'<div class="mt-2 flex gap-5 text-sm"><button class="flex items-center">{ctx.chrome(str(r.randrange(0, 9)))}</button>'
            f'<button class="flex items-center">{ctx.chrome(ctx.say["reply"])}</button></div>{rep}</div></div>'
        )

    body = nested(roots, item, lambda k: k)
    return (
        f'<section class="mx-auto max-w-3xl py-10"><h2 class="text-2xl font-bold">{ctx.chrome(ctx.say["n_comments"].format(n=len(ctx.all_comments)))}</h2>'
        f'<div class="mt-8 flex flex-col gap-8">{body}</div><div class="mt-6 text-sm">{ctx.chrome(ctx.say["more"])}</div></section>'
    )


def bootstrap_media(ctx: Ctx, roots: list[GenComment]) -> str:
    """Bootstrap's media object: the name and date in the heading, replies nested in the body."""

    def item(c: GenComment, kids: str) -> str:
        return (
            f'<div class="media mt-4">{avatar(ctx, c, "mr-3 rounded-circle")}<div class="media-body">'
            f'<h5 class="mt-0">{esc(c.shown)} <small class="text-muted">{esc(c.date_text)}</small></h5>'
            f'{paras(c)}<a class="btn btn-link btn-sm">{ctx.chrome(ctx.say["reply"])}</a>{kids}</div></div>'
        )

    body = nested(roots, item, lambda k: k)
    return f'<div class="card my-4"><h5 class="card-header">{ctx.chrome(ctx.say["comments"])}</h5><div class="card-body">{body}</div></div>'


def qa_answers(ctx: Ctx, roots: list[GenComment]) -> str:
    """Answers under a question (StackExchange-like): votes first, the signature after the text."""
    r = ctx.rng
    items = []
    for c in walk(roots):
        items.append(
            f'<div id="answer-{900 + c.index}" class="answer js-answer"><div class="post-layout"><div class="votecell">'
            f'<div class="js-vote-count">{ctx.chrome(str(r.randrange(-2, 40)))}</div></div><div class="answercell post-layout--right">'
            f'<div class="s-prose js-post-body">{paras(c)}</div><div class="mt24"><div class="post-signature">'
            f'<div class="user-info"><div class="user-action-time">{ctx.chrome("answered")} <span class="relativetime" title="{c.when.isoformat()}Z">{esc(c.date_text)}</span></div>'
            f'<div class="user-details"><a href="/users/{c.index}">{esc(c.shown)}</a><div class="-flair"><span class="reputation-score">{ctx.chrome(f"{r.randrange(1, 90)},{r.randrange(100, 999)}")}</span></div></div>'
            f"</div></div></div></div></div></div>"
        )
    return f'<div id="answers"><div id="answers-header"><h2>{ctx.chrome(f"{len(items)} Answers")}</h2></div>{"".join(items)}</div>'


def tweet_replies(ctx: Ctx, roots: list[GenComment]) -> str:
    """Embedded social replies: a display name and a handle, test ids instead of classes."""
    r = ctx.rng
    items = []
    for c in walk(roots):
        handle = "@" + "".join(ch for ch in (c.shown or "user").lower() if ch.isalnum())[:12]
        items.append(
            f'<article data-testid="tweet" role="article"><div data-testid="User-Name"><a href="/{handle[1:]}"><span>{esc(c.shown)}</span></a>'
            f'<span class="handle">{esc(handle)}</span> · <time datetime="{c.when.isoformat()}Z">{esc(c.date_text)}</time></div>'
            f'<div data-testid="tweetText" lang="{ctx.lang}">{br_text(c)}</div>'
            f'<div role="group"><span>{ctx.chrome(str(r.randrange(0, 30)))}</span><span>{ctx.chrome(str(r.randrange(0, 90)))}</span></div></article>'
        )
    return f'<section aria-label="Replies"><h2>{ctx.chrome("Replies")}</h2>{"".join(items)}</section>'


# --- held out, fourth set: written after the third set was scored, before its failures were fixed -------
def web_components(ctx: Ctx, roots: list[GenComment]) -> str:
    """Custom elements with their slots flattened into the page: parts named by slot attributes."""
    r = ctx.rng

    def item(c: GenComment, kids: str) -> str:
        return (
            f'<comment-item data-id="c{c.index}"><span slot="author">{esc(c.shown)}</span>'
            f'<relative-time slot="timestamp" datetime="{c.when.isoformat()}Z">{esc(c.date_text)}</relative-time>'
            f'<div slot="content">{paras(c)}</div><span slot="actions"><button>{ctx.chrome(ctx.say["reply"])}</button>'
            f"<button>{ctx.chrome(f'♥ {r.randrange(0, 12)}')}</button></span>{kids}</comment-item>"
        )

    body = nested(roots, item, lambda k: k)
    return (
        f'<comment-thread><span slot="count">{ctx.chrome(ctx.say["n_comments"].format(n=len(ctx.all_comments)))}</span>'
        f"{body}</comment-thread>{widget_footer(ctx, 'Threadline')}"
    )


def legacy_table(ctx: Ctx, roots: list[GenComment]) -> str:
    """A news site's old comment table: a header row, a text row and a tools row per comment,
    depth shown only by the width of a spacer image."""
    rows = [
        f'<tr><td colspan="2" bgcolor="#eeeeee"><font size="-1"><b>{ctx.chrome("Reader comments")}</b></font></td></tr>'
    ]
    for c in walk(roots):
        pad = 20 * c.depth
        rows.append(
            f'<tr><td width="{pad + 1}"><img src="/img/spacer.gif" width="{pad}" height="1" alt=""></td>'
            f'<td><font size="-1"><b>{esc(c.shown)}</b> {ctx.chrome("wrote on")} {esc(c.date_text)}:</font></td></tr>'
            f"<tr><td></td><td>{br_text(c)}</td></tr>"
            f'<tr><td></td><td align="right"><font size="-2"><a href="#">{ctx.chrome(ctx.say["reply"])}</a> | '
            f'<a href="#">{ctx.chrome("Report abuse")}</a></font></td></tr>'
        )
    return (
        f'<table class="rc" width="100%" cellpadding="4" cellspacing="0" border="0">{"".join(rows)}</table>'
        f"{widget_footer(ctx, 'CommentLine 2.1')}"
    )


def user_comments(ctx: Ctx, roots: list[GenComment]) -> str:
    """Microdata with the old UserComments type: the text first, creator and commentTime after it."""
    r = ctx.rng

    def item(c: GenComment, kids: str) -> str:
        sub = f'<div class="uc-replies">{kids}</div>' if kids else ""
        return (
            f'<div class="uc" itemprop="comment" itemscope itemtype="http://schema.org/UserComments">'
            f'<div itemprop="commentText">{paras(c)}</div><div class="uc-by">'
            f'<span itemprop="creator" itemscope itemtype="http://schema.org/Person"><span itemprop="name">{esc(c.shown)}</span></span>'
            f' <meta itemprop="commentTime" content="{c.when.isoformat()}"><span class="uc-when">{esc(c.date_text)}</span>'
            f' <span class="uc-votes">{ctx.chrome("▲")} {ctx.chrome(str(r.randrange(0, 40)))} {ctx.chrome("▼")}</span></div>{sub}</div>'
        )

    body = nested(roots, item, lambda k: k)
    return f'<div id="user-comments">{heading(ctx, len(ctx.all_comments), "h3")}{body}</div>'


def hr_guestbook(ctx: Ctx, roots: list[GenComment]) -> str:
    """A guestbook with no wrapper per entry: paragraphs, a signature line, then a rule."""
    r = ctx.rng
    parts = [
        f'<h2>{ctx.chrome("Guestbook")}</h2><p><a href="/sign">{ctx.chrome("Sign the guestbook")}</a></p><hr>'
    ]
    for c in walk(roots):
        sig = (
            f"<p><small>{ctx.chrome('Posted by')} <b>{esc(c.shown)}</b> · {esc(c.date_text)}</small></p>"
            if r.random() < 0.5
            else f"<p><i>— {esc(c.shown)}, {esc(c.date_text)}</i></p>"
        )
        parts.append(f"{paras(c)}{sig}<hr>")
    return f'<div id="guestbook">{"".join(parts)}</div>'


def aria_tree(ctx: Ctx, roots: list[GenComment]) -> str:
    """Comments as an ARIA tree: flat siblings, depth only in aria-level, the name in <address>."""
    r = ctx.rng
    items = []
    for c in walk(roots):
        items.append(
            f'<div role="treeitem" aria-level="{c.depth + 1}" aria-expanded="true" tabindex="-1" id="c{c.index}">'
            f'<address><a rel="author" href="/people/{c.index}">{esc(c.shown)}</a></address> '
            f'<a href="#c{c.index}"><time datetime="{c.when.isoformat()}">{esc(c.date_text)}</time></a>'
            f"<blockquote>{paras(c)}</blockquote>"
            f'<div aria-label="votes"><button>{ctx.chrome("▲")}</button><output>{ctx.chrome(str(r.randrange(0, 60)))}</output>'
            f"<button>{ctx.chrome('▼')}</button></div></div>"
        )
    return (
        f'<div role="tree" aria-label="Comments"><div>{ctx.chrome(ctx.say["n_comments"].format(n=len(ctx.all_comments)))}</div>'
        f"{''.join(items)}</div>{trending(ctx) if r.random() < 0.6 else ''}"
    )


def inline_author(ctx: Ctx, roots: list[GenComment]) -> str:
    """A chat-like list: the name in bold at the start of the first paragraph, the date under it."""
    r = ctx.rng
    items = []
    for c in walk(roots):
        first, rest = c.paragraphs[0], c.paragraphs[1:]
        more = "".join(f"<p>{esc(p)}</p>" for p in rest)
        items.append(
            f"<li><p><strong>{esc(c.shown)}:</strong> {esc(first)}</p>{more}"
            f'<p class="when">{esc(c.date_text)} · <a href="#">{ctx.chrome(ctx.say["like"])}</a> ({ctx.chrome(str(r.randrange(0, 20)))})</p></li>'
        )
    return (
        f'<div class="talkback"><h3>{ctx.chrome("Talkback")}</h3><ul class="tb">{"".join(items)}</ul>'
        f"{widget_footer(ctx, 'Talkback')}</div>"
    )


# --- held out, fifth set: written after the fourth set was scored, before its failures were fixed --------
# Words of these families' chrome that `words.SAY` does not have.
_SAY5 = {
    "en": {
        "replies": ("{n} reply", "{n} replies"),
        "reply_to": "In reply to",
        "votes": ("Agree", "Disagree"),
        "badge": "Subscriber",
        "rules": "Please keep to our community guidelines",
        "expand": "Expand all",
        "talk": "talk",
        "edit": "edit",
        "unsigned": "Preceding unsigned comment added by",
    },
    "de": {
        "replies": ("{n} Antwort", "{n} Antworten"),
        "reply_to": "Antwort auf",
        "votes": ("Zustimmung", "Ablehnung"),
        "badge": "Abonnent",
        "rules": "Bitte beachten Sie unsere Netiquette",
        "expand": "Alle aufklappen",
        "talk": "Diskussion",
        "edit": "Quelltext bearbeiten",
        "unsigned": "Vorstehender nicht signierter Beitrag stammt von",
    },
    "fr": {
        "replies": ("{n} réponse", "{n} réponses"),
        "reply_to": "En réponse à",
        "votes": ("Pour", "Contre"),
        "badge": "Abonné",
        "rules": "Merci de respecter notre charte de modération",
        "expand": "Tout déplier",
        "talk": "discuter",
        "edit": "modifier le code",
        "unsigned": "Le message qui précède, non signé, a été déposé par",
    },
    "es": {
        "replies": ("{n} respuesta", "{n} respuestas"),
        "reply_to": "En respuesta a",
        "votes": ("A favor", "En contra"),
        "badge": "Suscriptor",
        "rules": "Respeta las normas de participación",
        "expand": "Desplegar todo",
        "talk": "disc.",
        "edit": "editar",
        "unsigned": "El comentario anterior sin firmar es obra de",
    },
}


def _n_replies(ctx: Ctx, n: int) -> str:
    one, many = _SAY5[ctx.lang]["replies"]
    return (one if n == 1 else many).format(n=n)


def _slug(name: str | None) -> str:
    return "".join(ch for ch in (name or "user").lower() if ch.isalnum()) or "user"


def mailing_list(ctx: Ctx, roots: list[GenComment]) -> str:
    """A mailing-list archive's thread view (Pipermail, MHonArc, Hypermail): nested <ul>, a subject
    line per message, the author in <em> or <i>, the text in <pre>, hard-wrapped in some archives,
    with the list's footer appended to every message in some."""
    r = ctx.rng
    lst = r.choice(["readers", "letters", "discuss", "forum", "talk", "local"]) + r.choice(
        ["-l", "-list", ""]
    )
    domain = ctx.host.removeprefix("www.")
    topic = f"[{lst}] " + " ".join(ctx.title.split()[:5])
    style = r.choice(["pipermail", "mhonarc", "headers"])
    em = r.choice(["em", "i"])
    wrap = r.random() < 0.5
    list_footer = r.random() < 0.4
    emails = r.random() < 0.5

    def body(c: GenComment) -> str:
        text = esc("\n\n".join(textwrap.fill(p, 72) if wrap else p for p in c.paragraphs))
        if list_footer:
            lines = [
                "_" * 47,
                f"{lst} mailing list",
                f"{lst}@{domain}",
                f"https://lists.{domain}/listinfo/{lst}",
            ]
            text += "\n\n" + "\n".join(ctx.chrome(x) for x in lines)
        return f"<pre>{text}</pre>"

    def item(c: GenComment, kids: str) -> str:
        num = 4100 + c.index
        # archives print the mail's own Date header (English names, never "2 hours ago")
        rfc = email.utils.format_datetime(c.when.replace(tzinfo=UTC))
        stamp = f"{c.when:%a %b} {c.when.day} {c.when:%H:%M:%S} UTC {c.when.year}"
        subj = ctx.chrome(("Re: " if c.parent is not None else "") + topic)
        host = r.choice([domain, "example.org", "example.net", "mail.example.com"])
        addr = f" {ctx.chrome(f'<{_slug(c.shown)} at {host}>')}" if emails else ""
        if style == "pipermail":
            head = (
                f'<a href="{num:06d}.html"><b>{subj}</b></a>&nbsp;&nbsp;<a name="{num}">&nbsp;</a>'
                f"<{em}>{esc(c.shown)}</{em}>{addr} <small>{esc(stamp)}</small>"
            )
        elif style == "mhonarc":
            head = (
                f'<strong><a name="{num:05d}" href="msg{num:05d}.html">{subj}</a></strong>, '
                f"<{em}>{esc(c.shown)}</{em}>{addr}, <tt>{esc(c.date_text)}</tt>"
            )
        else:  # a message's header block, the labels in <em>
            head = (
                f'<a name="msg{num}"></a><ul class="hdr"><li><em>{ctx.chrome("From")}</em>: {esc(c.shown)}{addr}</li>'
                f"<li><em>{ctx.chrome('Date')}</em>: {esc(rfc)}</li>"
                f"<li><em>{ctx.chrome('Subject')}</em>: {subj}</li></ul>"
            )
        return f"<li>{head}{body(c)}{kids}</li>"

    body_html = nested(roots, item, lambda k: f"<ul>{k}</ul>")
    n = len(ctx.all_comments)
    sorted_by = (
        f"<p><b>{ctx.chrome('Messages sorted by:')}</b> <a>{ctx.chrome('[ date ]')}</a> <a>{ctx.chrome('[ thread ]')}</a> "
        f"<a>{ctx.chrome('[ subject ]')}</a> <a>{ctx.chrome('[ author ]')}</a></p>"
    )
    ctx.boilerplate.append("Messages sorted by: [ date ] [ thread ] [ subject ] [ author ]")
    generator = r.choice(
        [
            "This archive was generated by Pipermail 0.09 (Mailman edition).",
            "This archive was generated by hypermail 2.4.0",
            "Mail converted by MHonArc 2.6.24",
        ]
    )
    return (
        f'<div class="archive"><h2>{ctx.chrome(f"The {lst} Archives")}</h2>{sorted_by}'
        f"<p>{ctx.chrome(f'Messages: {n}')}</p><hr><ul>{body_html}</ul><hr>"
        + (
            f'<p><a href="https://lists.{domain}/listinfo/{lst}">{ctx.chrome(f"More information about the {lst} mailing list")}</a></p>'
            if r.random() < 0.6
            else ""
        )
        + f"<address>{ctx.chrome(generator)}</address></div>"
    )


def details_thread(ctx: Ctx, roots: list[GenComment]) -> str:
    """A collapsible thread of <details>: the name (and the date, in some) in the <summary>, the
    text after it, replies as <details> inside their parent, some of them closed."""
    r = ctx.rng
    s5 = _SAY5[ctx.lang]
    date_in_summary = r.random() < 0.6
    text_wrap = r.random() < 0.5
    kids_wrap = r.random() < 0.5
    counts = r.random() < 0.7

    def item(c: GenComment, kids: str) -> str:
        under = sum(1 for _ in walk(c.children))
        count = (
            f' <span class="count">{ctx.chrome(_n_replies(ctx, under))}</span>' if counts and under else ""
        )
        when = f'<time datetime="{c.when.isoformat()}Z">{esc(c.date_text)}</time>'
        summary = (
            f"<summary>{avatar(ctx, c, 'pic')}<b>{esc(c.shown)}</b>"
            + (f" · {when}" if date_in_summary else "")
            + f"{count}</summary>"
        )
        meta = "" if date_in_summary else f'<p class="meta">{when}</p>'
        text = f'<div class="text">{paras(c)}</div>' if text_wrap else paras(c)
        acts = (
            f'<p class="actions"><button>{ctx.chrome(ctx.say["reply"])}</button> '
            f"<button>{ctx.chrome(ctx.say['report'])}</button></p>"
        )
        sub = (f'<div class="replies">{kids}</div>' if kids_wrap else kids) if kids else ""
        is_open = "" if c.depth and r.random() < 0.3 else " open"
        return f'<details class="comment" id="c{c.index}"{is_open}>{summary}{meta}{text}{acts}{sub}</details>'

    body = nested(roots, item, lambda k: k)
    top = (
        f'<div class="toolbar"><button>{ctx.chrome(s5["expand"])}</button> <span>{ctx.chrome(ctx.say["sort"])}</span></div>'
        if r.random() < 0.7
        else ""
    )
    login = (
        f'<p class="signin"><a href="/login">{ctx.chrome(ctx.say["login"])}</a></p>'
        if r.random() < 0.5
        else ""
    )
    return (
        f'<div class="discussion">{heading(ctx, len(ctx.all_comments), "h2")}{top}{login}{body}'
        f'<p><button class="more">{ctx.chrome(ctx.say["more"])}</button></p></div>'
    )


def reddit_things(ctx: Ctx, roots: list[GenComment]) -> str:
    """An old-reddit comment tree: a "thing" per comment with data-author, vote arrows, an "entry"
    (tagline, text, a row of buttons) and a "child" holding the replies' things."""
    r = ctx.rng
    for c in walk(roots):  # user names have no spaces: the name shown, and the gold's, is the handle
        if c.shown and " " in c.shown:
            c.shown = c.shown.replace(" ", r.choice(["_", "", "-"])).replace(".", "")
            c.author = c.shown if c.author is not None else None
    sub = r.choice(["news", "worldnews", "europe", "de", "france", "spain", "localnews", "CityPolitics"])
    ids = {
        c.index: "".join(r.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(7))
        for c in walk(roots)
    }
    hidden_scores = r.random() < 0.2
    flairs = r.random() < 0.4

    def item(c: GenComment, kids: str) -> str:
        tid = ids[c.index]
        if hidden_scores:
            score = f'<span class="score-hidden">{ctx.chrome("[score hidden]")}</span>'
        else:
            pts = r.randrange(-4, 400)
            score = f'<span class="score unvoted" title="{pts}">{ctx.chrome(f"{pts} point" + ("" if pts == 1 else "s"))}</span>'
        flair = (
            f'<span class="flair" title="">{ctx.chrome(r.choice(["Verified", "Local", "Expat", "Moderator note"]))}</span>'
            if flairs and r.random() < 0.3
            else ""
        )
        when = (
            f'<time title="{c.when:%a %b %d %H:%M:%S %Y} UTC" datetime="{c.when.isoformat()}+00:00" '
            f'class="live-timestamp">{esc(c.date_text)}</time>'
        )
        tagline = (
            f'<p class="tagline"><a class="expand" href="javascript:void(0)">{ctx.chrome("[–]")}</a>'
            f'<a href="/user/{attr(_slug(c.shown))}" class="author may-blank">{esc(c.shown)}</a>{flair}'
            f'<span class="userattrs"></span> {score} {when}</p>'
        )
        text = (
            f'<div class="usertext" id="form-t1_{tid}"><input type="hidden" name="thing_id" value="t1_{tid}">'
            f'<div class="usertext-body may-blank-within md-container"><div class="md">{paras(c)}</div></div></div>'
        )
        buttons = [
            f'<li class="first"><a href="/r/{sub}/comments/x/_/{tid}/">{ctx.chrome("permalink")}</a></li>'
        ]
        buttons += [f"<li><a>{ctx.chrome(b)}</a></li>" for b in ("embed", "save")]
        if c.parent is not None:
            buttons.append(
                f'<li><a href="#{ids[c.parent]}" data-event-action="parent">{ctx.chrome("parent")}</a></li>'
            )
        buttons += [f"<li><a>{ctx.chrome(b)}</a></li>" for b in ("report", "reply")]
        child = (
            f'<div class="child"><div id="siteTable_t1_{tid}" class="sitetable listing">{kids}</div></div>'
            if kids
            else '<div class="child"></div>'
        )
        return (
            f'<div class="thing id-t1_{tid} noncollapsed comment" id="thing_t1_{tid}" data-fullname="t1_{tid}" '
            f'data-type="comment" data-subreddit="{sub}" data-author="{attr(c.shown or "")}">'
            f'<p class="parent"><a name="{tid}"></a></p><div class="midcol unvoted">'
            f'<div class="arrow up login-required" role="button" aria-label="upvote" tabindex="0"></div>'
            f'<div class="arrow down login-required" role="button" aria-label="downvote" tabindex="0"></div></div>'
            f'<div class="entry unvoted">{tagline}{text}<ul class="flat-list buttons">{"".join(buttons)}</ul></div>'
            f'{child}<div class="clearleft"></div></div><div class="clearleft"></div>'
        )

    body = nested(roots, item, lambda k: k)
    more = (
        f'<div class="thing morechildren"><span class="morecomments"><a>{ctx.chrome("load more comments")}</a> '
        f'<span class="gray">{ctx.chrome(f"({r.randrange(2, 30)} replies)")}</span></span></div>'
        if r.random() < 0.5
        else ""
    )
    n = len(ctx.all_comments)
    return (
        f'<div class="commentarea"><div class="panestack-title"><span class="title">{ctx.chrome(f"all {n} comments")}</span></div>'
        f'<div class="menuarea"><span class="dropdown-title">{ctx.chrome("sorted by:")}</span> '
        f'<span class="selected">{ctx.chrome(r.choice(["best", "top", "new", "controversial"]))}</span></div>'
        + (
            f'<div class="login-required">{ctx.chrome("Log in or sign up to leave a comment")}</div>'
            if r.random() < 0.5
            else ""
        )
        + f'<div id="siteTable_t3_{css_hash(r, 6)}" class="sitetable nestedlisting">{body}{more}</div></div>'
    )


def se_comments(ctx: Ctx, roots: list[GenComment]) -> str:
    """Stack Exchange comments under a post: one line each, the text first, then " – ", the user
    and the date; a vote count before the text when it is not zero."""
    r = ctx.rng
    items = []
    flat = list(walk(roots))
    for c in flat:
        cid = 13_400_000 + 37 * c.index
        votes = r.randrange(1, 40) if r.random() < 0.4 else 0
        score = (
            f'<span title="number of \'useful comment\' votes received" class="cool">{ctx.chrome(str(votes))}</span>'
            if votes
            else ""
        )
        text = " ".join(esc(p) for p in c.paragraphs)  # a comment is one line
        mod = (
            f'<span class="mod-flair" title="moderator">{ctx.chrome("♦")}</span>' if r.random() < 0.06 else ""
        )
        edited = (
            f' <span title="edited" class="comment-edited">{ctx.chrome("✎")}</span>'
            if r.random() < 0.1
            else ""
        )
        user = (
            f'<a href="/users/{2000 + c.index}/{_slug(c.shown)}" class="comment-user">{esc(c.shown)}</a>{mod}'
        )
        date = (
            f'<span class="comment-date" dir="ltr"><a class="comment-link" href="#comment{cid}_{cid}">'
            f'<span title="{c.when:%Y-%m-%d %H:%M:%S}Z, License: CC BY-SA 4.0" class="relativetime-clean">{esc(c.date_text)}</span></a></span>'
        )
        items.append(
            f'<li id="comment-{cid}" class="comment js-comment" data-comment-id="{cid}" data-comment-score="{votes}">'
            f'<div class="js-comment-actions comment-actions"><div class="comment-score js-comment-score">{score}</div></div>'
            f'<div class="comment-text js-comment-text-and-form"><div class="comment-body js-comment-edit-hide">'
            f'<span class="comment-copy">{text}</span> <div class="d-inline-flex ai-center">{ctx.chrome("–")}&nbsp;{user}</div> '
            f"{date}{edited}</div></div></li>"
        )
    links = f'<a class="js-add-link comments-link">{ctx.chrome("Add a comment")}</a>'
    if len(flat) > 5:
        links += f' <span class="js-link-separator">{ctx.chrome("|")}</span> <a class="js-show-link comments-link">{ctx.chrome(f"Show {len(flat) - 5} more comments")}</a>'
    head = f'<h3 class="comments-title">{ctx.chrome(ctx.say["comments"])}</h3>' if r.random() < 0.3 else ""
    return (
        f'<div id="comments-{9000 + len(flat)}" class="comments js-comments-container bt bc-black-075 mt12">{head}'
        f'<ul class="comments-list js-comments-list">{"".join(items)}</ul></div>'
        f'<div id="comments-link-{9000 + len(flat)}">{links}</div>'
    )


def _wiki_stamp(ctx: Ctx, c: GenComment) -> str:
    w, month = c.when, words.MONTHS[ctx.lang][c.when.month - 1]
    clock = f"{w.hour:02d}:{w.minute:02d}"
    return {
        "en": f"{clock}, {w.day} {month} {w.year} (UTC)",
        "de": f"{clock}, {w.day}. {month[:3]}. {w.year} (CEST)",
        "fr": f"{w.day} {month} {w.year} à {clock} (CEST)",
        "es": f"{clock} {w.day} {month[:3]} {w.year} (UTC)",
    }[ctx.lang]


def wiki_talk(ctx: Ctx, roots: list[GenComment]) -> str:
    """A wiki talk page: no element per comment; a comment ends with its signature inline in its
    last paragraph; replies indented by nested <dl><dd>, each paragraph of a reply its own <dd>."""
    r = ctx.rng
    s5 = _SAY5[ctx.lang]
    tools = r.random() < 0.5  # comment markers and [reply] links as a newer wiki software writes them
    dash = r.choice(["", "— ", "--"])

    def sig(c: GenComment) -> str:
        stamp = esc(_wiki_stamp(ctx, c))
        talk = ctx.chrome(s5["talk"])
        if c.author is None:
            ip = f"203.0.113.{10 + c.index}"
            s = (
                f' <small>— {ctx.chrome(s5["unsigned"])} <a href="/wiki/Special:Contributions/{ip}">{ip}</a> '
                f'(<a href="/wiki/User_talk:{ip}">{talk}</a>) {stamp}</small>'
            )
        else:
            u = attr((c.shown or "").replace(" ", "_"))
            s = (
                f' {esc(dash)}<a href="/wiki/User:{u}" title="User:{u}">{esc(c.shown)}</a> '
                f'(<a href="/wiki/User_talk:{u}" title="User talk:{u}">{talk}</a>) {stamp}'
            )
        if tools:
            s += (
                f'<span data-mw-comment-end="c-{c.index}"></span><span class="ext-discussiontools-init-replylink-buttons">'
                f" [<a>{ctx.chrome(ctx.say['reply'].lower() if ctx.lang == 'en' else ctx.say['reply'])}</a>]</span>"
            )
        return s

    def start(c: GenComment) -> str:
        return f'<span data-mw-comment-start="" id="c-{c.index}"></span>' if tools else ""

    def kids_dl(c: GenComment) -> str:
        return f"<dl>{''.join(reply(k) for k in c.children)}</dl>" if c.children else ""

    def reply(c: GenComment) -> str:
        ps = [esc(p) for p in c.paragraphs]
        ps[0] = start(c) + ps[0]
        out = "".join(f"<dd>{p}</dd>" for p in ps[:-1])
        return out + f"<dd>{ps[-1]}{sig(c)}{kids_dl(c)}</dd>"

    parts = []
    for c in roots:
        ps = [esc(p) for p in c.paragraphs]
        ps[0] = start(c) + ps[0]
        ps[-1] += sig(c)
        parts.append("".join(f"<p>{p}</p>" for p in ps) + kids_dl(c))
    edit = (
        f'<span class="mw-editsection"><span class="mw-editsection-bracket">[</span><a>{ctx.chrome(s5["edit"])}</a>'
        f'<span class="mw-editsection-bracket">]</span></span>'
    )
    meta = (
        f'<div class="ext-discussiontools-init-section-metadata">{ctx.chrome(ctx.say["n_comments"].format(n=len(ctx.all_comments)))}</div>'
        if tools
        else ""
    )
    return (
        f'<div class="mw-parser-output"><h2><span class="mw-headline" id="c">{ctx.chrome(ctx.say["comments"])}</span>{edit}</h2>'
        f"{meta}{''.join(parts)}</div>"
    )


def leser_threads(ctx: Ctx, roots: list[GenComment]) -> str:
    """A news site's reader comments: a <section> per thread with its reply count, the replies in
    one flat list under the first posting, each naming its parent by id (and, in some, by name),
    vote bars, "Reply" and "Report" buttons, netiquette and login lines."""
    r = ctx.rng
    s5 = _SAY5[ctx.lang]
    ids, pid = {}, r.randrange(10_000_000, 90_000_000)
    for c in walk(roots):
        pid += r.randrange(3, 400)
        ids[c.index] = pid
    reply_to = r.random() < 0.6
    bars = r.random() < 0.6
    numbered = r.random() < 0.4
    timed = r.random() < 0.5

    def posting(c: GenComment, reply: bool) -> str:
        me = ids[c.index]
        parent = ctx.all_comments[c.parent] if c.parent is not None else None
        par = ids[parent.index] if parent is not None else ""
        badge = f'<span class="lm-badge">{ctx.chrome(s5["badge"])}</span>' if r.random() < 0.15 else ""
        when = (
            f'<time class="lm-date" datetime="{c.when.isoformat()}">{esc(c.date_text)}</time>'
            if timed
            else f'<span class="lm-date">{esc(c.date_text)}</span>'
        )
        num = f'<span class="lm-no">{ctx.chrome(f"#{c.index + 1}")}</span>' if numbered else ""
        to = (
            f'<div class="lm-replyto">{ctx.chrome(s5["reply_to"])} <a href="#posting-{par}">{esc(parent.shown)}</a></div>'
            if reply and reply_to and parent is not None
            else ""
        )
        pro, contra = r.randrange(0, 90), r.randrange(0, 40)
        yes, no = s5["votes"]
        if bars:
            share = round(100 * pro / max(pro + contra, 1))
            rating = (
                f'<div class="lm-rating"><div class="lm-bar" role="meter" aria-valuenow="{share}">'
                f'<span class="lm-bar-pro" style="width:{share}%"></span></div>'
                f'<span class="lm-pro" title="{attr(yes)}">{ctx.chrome(str(pro))}</span>'
                f'<span class="lm-contra" title="{attr(no)}">{ctx.chrome(str(contra))}</span></div>'
            )
        else:
            rating = (
                f'<div class="lm-rating"><button>{ctx.chrome(f"{yes} ({pro})")}</button>'
                f"<button>{ctx.chrome(f'{no} ({contra})')}</button></div>"
            )
        return (
            f'<div class="lm-posting{" lm-posting--reply" if reply else ""}" id="posting-{me}" '
            f'data-posting-id="{me}" data-parent-id="{par}"><div class="lm-head">{avatar(ctx, c, "lm-avatar")}'
            f'<a class="lm-user" href="/userprofil/{me}">{esc(c.shown)}</a>{badge}{when}{num}</div>{to}'
            f'<div class="lm-text">{paras(c)}</div>{rating}<div class="lm-actions">'
            f"<button>{ctx.chrome(ctx.say['reply'])}</button><button>{ctx.chrome(ctx.say['report'])}</button></div></div>"
        )

    threads = []
    for root in roots:
        under = list(walk(root.children))
        replies = ""
        if under:
            items = "".join(f"<li>{posting(c, True)}</li>" for c in under)
            replies = (
                f'<button class="lm-toggle" aria-expanded="true">{ctx.chrome(_n_replies(ctx, len(under)))}</button>'
                f'<ol class="lm-replies">{items}</ol>'
            )
        threads.append(
            f'<section class="lm-thread" data-thread-id="{ids[root.index]}">{posting(root, False)}{replies}</section>'
        )
    head = (
        f'<div class="lm-header">{heading(ctx, len(ctx.all_comments), "h2")}'
        f'<select class="lm-sort"><option>{ctx.chrome(ctx.say["sort"])}</option></select>'
        + (
            f'<p class="lm-rules"><a href="/netiquette">{ctx.chrome(s5["rules"])}</a></p>'
            if r.random() < 0.6
            else ""
        )
        + (
            f'<p class="lm-login"><a href="/login">{ctx.chrome(ctx.say["login"])}</a></p>'
            if r.random() < 0.6
            else ""
        )
        + "</div>"
    )
    return (
        f'<div id="lesermeinungen" class="lm">{head}<div class="lm-threads">{"".join(threads)}</div>'
        f'<button class="lm-more">{ctx.chrome(ctx.say["more"])}</button>{trending(ctx) if r.random() < 0.4 else ""}</div>'
    )


# --- held out, sixth set: written after the fifth set was scored, before its failures were fixed --------
# Words of these families' chrome that neither `words.SAY` nor `_SAY5` has.
_SAY6 = {
    "en": {
        "thread": "Thread",
        "parent": "Parent",
        "link": "Link",
        "add": "Add a comment…",
        "read_more": "Read more",
        "see_more": "See more",
        "loading": "Loading comments…",
        "name": "Name",
        "posted": "Date",
        "days": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
        "write": "Write a comment…",
        "edited": "(edited)",
    },
    "de": {
        "thread": "Diskussion",
        "parent": "Übergeordnet",
        "link": "Link",
        "add": "Kommentar hinzufügen…",
        "read_more": "Mehr anzeigen",
        "see_more": "Mehr ansehen",
        "loading": "Kommentare werden geladen…",
        "name": "Name",
        "posted": "Datum",
        "days": ("Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"),
        "write": "Kommentar schreiben…",
        "edited": "(bearbeitet)",
    },
    "fr": {
        "thread": "Fil",
        "parent": "Parent",
        "link": "Lien",
        "add": "Ajouter un commentaire…",
        "read_more": "Lire la suite",
        "see_more": "Voir plus",
        "loading": "Chargement des commentaires…",
        "name": "Nom",
        "posted": "Date",
        "days": ("lun", "mar", "mer", "jeu", "ven", "sam", "dim"),
        "write": "Écrire un commentaire…",
        "edited": "(modifié)",
    },
    "es": {
        "thread": "Hilo",
        "parent": "Anterior",
        "link": "Enlace",
        "add": "Añade un comentario…",
        "read_more": "Leer más",
        "see_more": "Ver más",
        "loading": "Cargando comentarios…",
        "name": "Nombre",
        "posted": "Fecha",
        "days": ("lun", "mar", "mié", "jue", "vie", "sáb", "dom"),
        "write": "Escribe un comentario…",
        "edited": "(editado)",
    },
}


def _login(name: str | None, sep: str = "") -> str:
    """A login made of a display name: ASCII letters, digits and the separator."""
    folded = unicodedata.normalize("NFKD", (name or "").lower()).encode("ascii", "ignore").decode()
    return "".join(ch for ch in folded.replace(" ", sep) if ch.isalnum() or ch in "_-") or "user"


def _as_handles(roots: list[GenComment], sep: str = "", prefix: str = "") -> None:
    """Sites whose names are logins: the name shown, and the gold's, becomes the handle."""
    for c in walk(roots):
        if c.author is not None and c.shown:
            c.shown = prefix + _login(c.shown, sep)
            c.author = c.shown


def lj_thread(ctx: Ctx, roots: list[GenComment]) -> str:
    """A LiveJournal or Dreamwidth journal's comments: one block per comment in page order, its
    depth only in an em-unit margin-left in a style attribute, the login as an "ljuser" (an info
    icon then the name in bold), a subject line, a userpic, and "(Reply) (Thread) (Link)" chrome."""
    r = ctx.rng
    s6 = _SAY6[ctx.lang]
    _as_handles(roots, r.choice(["_", ""]))
    dreamwidth = r.random() < 0.5
    step = r.choice([2, 2.5, 3])
    subjects = r.random() < 0.6
    userpics = r.random() < 0.7
    topic = " ".join(ctx.title.split()[:4])
    ids = {c.index: 2_000 + 37 * c.index + r.randrange(0, 30) for c in walk(roots)}

    def ljuser(c: GenComment) -> str:
        if c.author is None:
            return f'<span class="anon"><i>({esc(c.shown)})</i></span>'
        u = attr(c.shown or "")
        host = u.replace("_", "-")  # journal host names have hyphens where logins have underscores
        alt = "[personal profile]" if dreamwidth else "[info]"
        return (
            f'<span lj:user="{u}" style="white-space: nowrap;" class="ljuser"><a href="https://{host}.example.net/profile">'
            f'<img src="/img/silk/identity/user.png" alt="{alt}" width="17" height="17" style="vertical-align: text-bottom; border: 0;"></a>'
            f'<a href="https://{host}.example.net/"><b>{esc(c.shown)}</b></a></span>'
        )

    def stamp(c: GenComment) -> str:
        if r.random() < 0.5:
            return esc(c.date_text)
        h = c.when.hour % 12 or 12
        return f"{c.when:%Y-%m-%d} {h:02d}:{c.when.minute:02d} {'am' if c.when.hour < 12 else 'pm'} (UTC)"

    def subject(c: GenComment) -> str:
        if not subjects or (c.parent is None and r.random() < 0.5):
            return ""
        return ctx.chrome(("Re: " if c.parent is not None else "") + topic)

    items = []
    for c in walk(roots):
        me = ids[c.index]
        margin = f"margin-left: {step * c.depth:g}em"
        par = f"#t{ids[c.parent]}" if c.parent is not None else ""
        links = [("reply", ctx.say["reply"], f"?replyto={me}"), ("threadroot", s6["thread"], f"?thread={me}")]
        if c.parent is not None:
            links.append(("parent", s6["parent"], par))
        links.append(("commentlink", s6["link"], f"#t{me}"))
        pic = (
            f'<img class="userpic" src="/userpic/{c.index}" width="100" height="100" alt="">'
            if userpics
            else ""
        )
        subj = subject(c)
        if dreamwidth:
            lis = "".join(f'<li class="link {k}"><a href="{h}">{ctx.chrome(t)}</a></li>' for k, t, h in links)
            parity = "odd" if c.depth % 2 == 0 else "even"
            items.append(
                f'<div class="comment-thread comment-depth-{parity}" style="{margin}"><a name="t{me}"></a>'
                f'<div class="dwexpcomment"><div id="cmt{me}" class="comment-wrapper comment-wrapper-{parity}">'
                f'<div class="comment" id="comment-cmt{me}"><div class="inner"><div class="header"><div class="inner">'
                + (f'<h4 class="comment-title">{subj}</h4>' if subj else "")
                + f'<span class="datetime"><a href="#cmt{me}">{stamp(c)}</a></span></div></div>'
                f'<div class="contents"><div class="inner"><div class="userpic">{pic}</div>'
                f'<div class="poster-info"><span class="poster">{ljuser(c)}</span></div>'
                f'<div class="comment-content" dir="ltr">{br_text(c)}</div></div></div>'
                f'<div class="footer"><div class="inner"><ul class="comment-interaction-links">{lis}</ul></div></div>'
                f"</div></div></div></div></div>"
            )
        else:
            chrome_links = " ".join(f'(<a href="{h}">{ctx.chrome(t)}</a>)' for _, t, h in links)
            items.append(
                f'<div id="ljcmt{me}" style="{margin}"><a name="t{me}"></a>'
                f'<table class="talk-comment" width="100%" cellpadding="2" cellspacing="0" border="0"><tr>'
                + (f'<td valign="top" width="100">{pic}</td>' if pic else "")
                + f'<td valign="top" width="100%"><div class="talk-comment-head">{ljuser(c)}'
                f'<br><small><span class="ljdate">{stamp(c)}</span></small>'
                + (f'<br><b class="subject">{subj}</b>' if subj else "")
                + f'</div><div class="talk-comment-box">{br_text(c)}</div>'
                f'<p><small class="talk-comment-links">{chrome_links}</small></p></td></tr></table></div>'
            )
    top = (
        f'<p class="comment-pages"><b>{ctx.chrome(ctx.say["n_comments"].format(n=len(ctx.all_comments)))}</b> | '
        f'<a href="?mode=reply">{ctx.chrome(ctx.say["leave"])}</a></p>'
    )
    expand = (
        f'<p><a href="?expand_all=1">{ctx.chrome(_SAY5[ctx.lang]["expand"])}</a></p>'
        if r.random() < 0.5
        else ""
    )
    return f'<div id="comments" class="comments-body">{top}{expand}{"".join(items)}{top if r.random() < 0.4 else ""}</div>'


def yt_threads(ctx: Ctx, roots: list[GenComment]) -> str:
    """A video site's comments as custom elements (YouTube-like): a thread renderer per top-level
    comment, parts named by ids (#author-text, #published-time-text, #content-text) on elements
    whose tags say little, every reply of a thread in one flat list under a "N replies" button, a
    reply to a reply opening with an @mention of the name it answers."""
    r = ctx.rng
    s6 = _SAY6[ctx.lang]
    handles = r.random() < 0.6  # the newer page: @handles, view models and attributed strings
    if handles:
        _as_handles(roots, r.choice(["", "-", "_"]), "@")
    tag = "ytd-comment-view-model" if handles else "ytd-comment-renderer"
    scope = f"style-scope {tag}"
    pinned = r.random() < 0.3

    def text(c: GenComment) -> str:
        body = esc("\n\n".join(c.paragraphs))
        if c.depth >= 2:
            who = ctx.all_comments[c.parent].shown or ""
            mention = who if who.startswith("@") else "@" + who
            body = (
                f'<a class="yt-simple-endpoint" href="/{attr(mention.replace(" ", ""))}">{ctx.chrome(mention)}</a> '
                + body
            )
        if handles:
            return (
                f'<yt-attributed-string id="content-text" slot="content" class="{scope}" user-input="">'
                f'<span class="yt-core-attributed-string yt-core-attributed-string--white-space-pre-wrap" role="text">{body}</span></yt-attributed-string>'
            )
        return f'<yt-formatted-string id="content-text" slot="content" split-lines="" class="{scope}">{body}</yt-formatted-string>'

    def one(c: GenComment, first: bool) -> str:
        likes = r.randrange(0, 400) if r.random() < 0.7 else 0
        pin = (
            f'<div id="pinned-comment-badge"><ytd-pinned-comment-badge-renderer class="{scope}">'
            f'<yt-formatted-string id="label">{ctx.chrome(f"Pinned by {ctx.site}")}</yt-formatted-string></ytd-pinned-comment-badge-renderer></div>'
            if pinned and first
            else ""
        )
        edited = f' <span class="edited">{ctx.chrome(s6["edited"])}</span>' if r.random() < 0.1 else ""
        thumb = (
            f'<div id="author-thumbnail"><button id="author-thumbnail-button"><yt-img-shadow fit="" height="40" width="40" class="no-transition">'
            f'<img id="img" draggable="false" alt="" height="40" width="40" src="/yt3/{c.index}.jpg"></yt-img-shadow></button></div>'
        )
        author = (
            f'<h3 class="{scope}"><a id="author-text" class="yt-simple-endpoint {scope}" href="/{attr((c.shown or "").replace(" ", ""))}">'
            f'<span class="{scope}">{esc(c.shown)}</span></a></h3>'
            if handles
            else f'<a id="author-text" class="yt-simple-endpoint {scope}" href="/channel/UC{css_hash(r, 22)}"><span class="{scope}"> {esc(c.shown)} </span></a>'
        )
        when = (
            f'<span id="published-time-text" class="{scope}"><a class="yt-simple-endpoint {scope}" href="/watch?v=x&amp;lc=Ugx{css_hash(r, 16)}">'
            f"{esc(c.date_text)}</a>{edited}</span>"
        )
        toolbar = (
            f'<ytd-comment-engagement-bar id="action-buttons" class="{scope}"><div id="toolbar">'
            f'<ytd-toggle-button-renderer id="like-button"><yt-button-shape><button aria-label="Like this comment"></button></yt-button-shape></ytd-toggle-button-renderer>'
            f'<span id="vote-count-middle" class="style-scope ytd-comment-engagement-bar" aria-label="{likes} likes">{ctx.chrome(str(likes)) if likes else ""}</span>'
            f'<ytd-toggle-button-renderer id="dislike-button"><yt-button-shape><button aria-label="Dislike this comment"></button></yt-button-shape></ytd-toggle-button-renderer>'
            f'<div id="reply-button-end"><ytd-button-renderer><yt-button-shape><button aria-label="{attr(ctx.say["reply"])}">'
            f'<div class="yt-spec-button-shape-next__button-text-content"><span role="text">{ctx.chrome(ctx.say["reply"])}</span></div></button></yt-button-shape></ytd-button-renderer></div>'
            f"</div></ytd-comment-engagement-bar>"
        )
        more = (
            f'<tp-yt-paper-button id="more" class="{scope}"><span class="more-button">{ctx.chrome(s6["read_more"])}</span></tp-yt-paper-button>'
            if len(c.paragraphs) > 1
            else ""
        )
        return (
            f'<{tag} id="comment" class="{scope}"><div id="body" class="{scope}">{thumb}<div id="main" class="{scope}">'
            f'{pin}<div id="header"><div id="header-author" class="{scope}">{author}{when}</div></div>'
            f'<div id="expander"><div id="content">{text(c)}</div>{more}</div>{toolbar}</div></div></{tag}>'
        )

    threads = []
    for i, root in enumerate(roots):
        under = list(walk(root.children))
        replies = ""
        if under:
            lst = "".join(one(c, False) for c in under)
            replies = (
                f'<div id="replies" class="style-scope ytd-comment-thread-renderer"><ytd-comment-replies-renderer class="style-scope ytd-comment-thread-renderer">'
                f'<div id="expander"><div id="expander-header"><ytd-button-renderer id="more-replies"><yt-button-shape><button>'
                f"<span>{ctx.chrome(_n_replies(ctx, len(under)))}</span></button></yt-button-shape></ytd-button-renderer></div>"
                f'<div id="expander-contents"><div id="contents" class="style-scope ytd-comment-replies-renderer">{lst}</div></div></div>'
                f"</ytd-comment-replies-renderer></div>"
            )
        threads.append(
            f'<ytd-comment-thread-renderer class="style-scope ytd-item-section-renderer">{one(root, i == 0)}{replies}</ytd-comment-thread-renderer>'
        )
    n = len(ctx.all_comments)
    head = (
        f'<div id="header"><ytd-comments-header-renderer><div id="title"><h2 id="count"><yt-formatted-string class="count-text">'
        f"{ctx.chrome(ctx.say['n_comments'].format(n=n))}</yt-formatted-string></h2>"
        f'<yt-sort-filter-sub-menu-renderer><yt-dropdown-menu><tp-yt-paper-button id="label">{ctx.chrome(ctx.say["sort"])}</tp-yt-paper-button>'
        f"</yt-dropdown-menu></yt-sort-filter-sub-menu-renderer></div>"
        f'<ytd-comment-simplebox-renderer><div id="placeholder-area"><yt-formatted-string id="simplebox-placeholder">{ctx.chrome(s6["add"])}</yt-formatted-string></div>'
        f"</ytd-comment-simplebox-renderer></ytd-comments-header-renderer></div>"
    )
    cont = (
        f'<div id="continuations"><ytd-continuation-item-renderer><tp-yt-paper-spinner active=""></tp-yt-paper-spinner>'
        f"<span>{ctx.chrome(ctx.say['more'])}</span></ytd-continuation-item-renderer></div>"
        if r.random() < 0.5
        else ""
    )
    return (
        f'<ytd-comments id="comments" class="style-scope ytd-watch-flexy"><ytd-item-section-renderer id="sections" class="style-scope ytd-comments">'
        f'{head}<div id="contents" class="style-scope ytd-item-section-renderer">{"".join(threads)}</div>{cont}'
        f"</ytd-item-section-renderer></ytd-comments>"
    )


def quote_board(ctx: Ctx, roots: list[GenComment]) -> str:
    """An anonymous board's numbered posts (imageboard or textboard): mostly default names, poster
    IDs and tripcodes, the board's own timestamps, no nesting; a reply opens with a ">>number"
    quote link naming the post it answers, and the imageboard lists its replies' numbers
    ("backlinks") in the answered post's header."""
    r = ctx.rng
    s6 = _SAY6[ctx.lang]
    image = r.random() < 0.5
    flat = list(walk(roots))
    nos, no = {}, r.randrange(100_000, 99_000_000)
    for k, c in enumerate(flat):
        no += r.randrange(1, 60)
        nos[c.index] = no if image else k + 1
    backlinks = r.random() < 0.7
    ids = r.random() < 0.6
    labels = r.random() < 0.4
    kids_of: dict[int, list[int]] = {}
    for c in flat:
        if c.parent is not None:
            kids_of.setdefault(c.parent, []).append(c.index)

    def stamp(c: GenComment) -> str:
        w = c.when
        day = s6["days"][w.weekday()]
        if image:
            return f"{w:%m/%d/%y}({day}){w:%H:%M:%S}"
        return f"{w:%Y/%m/%d}({day}) {w:%H:%M:%S}.{r.randrange(0, 100):02d}"

    def message(c: GenComment) -> str:
        ps = "<br><br>".join(esc(p) for p in c.paragraphs)
        if c.parent is None:
            return ps
        p = nos[c.parent]
        href = f"#p{p}" if image else f"../test/read.cgi/news/{1_700_000_000 + len(flat)}/{p}"
        cls = "quotelink" if image else "reply_link"
        return f'<a href="{href}" class="{cls}">{ctx.chrome(f">>{p}")}</a><br>{ps}'

    posts = []
    for c in flat:
        n = nos[c.index]
        uid = (
            f"{'ID:' if not image else ''}{''.join(r.choice('ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789+/') for _ in range(8))}"
            if ids
            else ""
        )
        trip = (
            f' <span class="postertrip">{ctx.chrome("!" + css_hash(r, 10))}</span>'
            if c.author is not None and r.random() < 0.4
            else ""
        )
        if image:
            back = ""
            if backlinks and c.index in kids_of:
                back = (
                    '<span class="backlink">'
                    + "".join(
                        f'<span><a href="#p{nos[k]}" class="quotelink">{ctx.chrome(f">>{nos[k]}")}</a> </span>'
                        for k in kids_of[c.index]
                    )
                    + "</span>"
                )
            posts.append(
                f'<div class="postContainer replyContainer" id="pc{n}"><div class="sideArrows" id="sa{n}">&gt;&gt;</div>'
                f'<div id="p{n}" class="post reply"><div class="postInfo desktop" id="pi{n}"><input type="checkbox" name="{n}" value="delete"> '
                f'<span class="nameBlock"><span class="name">{esc(c.shown)}</span>{trip} '
                + (
                    f'<span class="posteruid id_{uid}">(ID: <span class="hand" title="Highlight posts by this ID">{ctx.chrome(uid)}</span>)</span>'
                    if uid
                    else ""
                )
                + f'</span> <span class="dateTime" data-utc="{int(c.when.replace(tzinfo=UTC).timestamp())}">{esc(stamp(c))}</span> '
                f'<span class="postNum desktop"><a href="#p{n}" title="Link to this post">{ctx.chrome("No.")}</a>'
                f'<a href="javascript:quote(\'{n}\');" title="Reply to this post">{ctx.chrome(str(n))}</a></span>{back}</div>'
                f'<blockquote class="postMessage" id="m{n}">{message(c)}</blockquote></div></div>'
            )
        else:
            name_label = f"{ctx.chrome(s6['name'])}: " if labels else ""
            date_label = f"{ctx.chrome(s6['posted'])}: " if labels else ""
            posts.append(
                f'<div class="post" id="{n}" data-date="NG" data-userid="{attr(uid)}" data-id="{n}"><div class="meta">'
                f'<span class="number">{ctx.chrome(str(n))}</span> <span class="name">{name_label}<b>{esc(c.shown)}</b>{trip}</span> '
                f'<span class="date">{date_label}{esc(stamp(c))}</span>'
                + (f' <span class="uid">{ctx.chrome(uid)}</span>' if uid else "")
                + f'</div><div class="message"><span class="escaped"> {message(c)} </span></div></div><br>'
            )
    if image:
        top = (
            f'<div class="navLinks desktop">[<a href="/news/catalog">{ctx.chrome("Catalog")}</a>] '
            f'[<a href="#bottom">{ctx.chrome("Bottom")}</a>] [<a>{ctx.chrome("Update")}</a>] [<label><input type="checkbox">{ctx.chrome("Auto")}</label>]</div>'
        )
        return (
            f'<div class="board"><hr>{top}<hr>'
            f'<div class="thread" id="t{nos[flat[0].index] - 1}">{"".join(posts)}</div><hr>'
            f'<div class="bottomCtrl desktop"><span class="deleteform">{ctx.chrome("Delete Post:")} <input type="checkbox">'
            f'{ctx.chrome("[File Only]")} <input type="submit" value="Delete"></span></div></div>'
        )
    return (
        f'<div class="thread"><h2 class="title">{ctx.chrome(ctx.title[:60] + " [" + str(len(flat)) + "]")}</h2>'
        f'<div class="pagestats"><ul class="menujust"><li class="metastats meta centered">{ctx.chrome(str(len(flat)) + " " + ctx.say["comments"])}</li></ul></div>'
        f'<div class="thread">{"".join(posts)}</div><div class="newpostbutton"><a>{ctx.chrome(ctx.say["leave"])}</a></div></div>'
    )


def gh_timeline(ctx: Ctx, roots: list[GenComment]) -> str:
    """Comments as a code host's discussion timeline (a GitHub-like page, or the utterances widget
    that shows one): "<login> commented <time>" headers, the text in a table cell, role labels and
    reaction counts, and, on the full page, timeline events naming people between comments."""
    r = ctx.rng
    _as_handles(roots, r.choice(["-", ""]))
    widget = r.random() < 0.4
    labels = ["bug", "question", "needs-triage", "documentation", "wontfix", "duplicate"]
    roles = ["Owner", "Member", "Contributor", "Collaborator", "Author"]
    emojis = ["👍", "❤️", "🎉", "😄", "👀", "🚀", "👎"]
    items = []

    def reactions(c: GenComment) -> str:
        if r.random() < 0.5:
            return ""
        picks = r.sample(emojis, r.randrange(1, 4))
        cls = "reaction-list BtnGroup" if widget else "comment-reactions-options"
        btns = "".join(
            f'<button type="submit" class="btn-link social-reaction-summary-item"><g-emoji>{ctx.chrome(e)}</g-emoji> '
            f'<span class="js-discussion-reaction-group-count">{ctx.chrome(str(r.randrange(1, 30)))}</span></button>'
            for e in picks
        )
        return f'<div class="comment-reactions js-reactions-container"><div class="{cls}">{btns}</div></div>'

    def role(c: GenComment) -> str:
        if r.random() < 0.3:
            rl = r.choice(roles)
            return f'<span class="Label Label--secondary tooltipped" aria-label="This user is a {rl.lower()}">{ctx.chrome(rl)}</span>'
        return ""

    def event() -> str:
        who = _login(ctx.name(), r.choice(["", "-"]))
        kind = r.randrange(4)
        if kind == 0:
            lab = r.choice(labels)
            line = f"{who} added the {lab} label"
            mid = f' added the <span class="IssueLabel">{esc(lab)}</span> label'
        elif kind == 1:
            line, mid = f"{who} mentioned this issue", " mentioned this issue"
        elif kind == 2:
            line, mid = f"{who} self-assigned this", " self-assigned this"
        else:
            line, mid = f"{who} referenced this issue", " referenced this issue"
        ctx.boilerplate.append(line)
        return (
            f'<div class="js-timeline-item js-timeline-progressive-focus-container"><div class="TimelineItem TimelineItem--condensed">'
            f'<div class="TimelineItem-badge"><svg class="octicon" width="16" height="16"></svg></div><div class="TimelineItem-body">'
            f'<a class="author Link--primary text-bold" href="/{who}">{esc(who)}</a>{mid} '
            f'<a class="Link--secondary"><relative-time datetime="{ctx.now.isoformat()}Z">{ctx.chrome(r.choice(["last week", "yesterday", "2 days ago"]))}</relative-time></a>'
            f"</div></div></div>"
        )

    for c in walk(roots):
        cid = 1_800_000_000 + 997 * c.index
        when = f'<relative-time datetime="{c.when.isoformat()}Z" class="no-wrap">{esc(c.date_text)}</relative-time>'
        pic = f'<img class="avatar avatar-user" src="/u/{c.index}?s=80" width="40" height="40" alt="@{attr(c.shown or "")}">'
        commented = ctx.chrome("commented")
        if widget:
            items.append(
                f'<article class="timeline-comment"><a class="avatar" href="https://github.com/{attr(c.shown or "")}">{pic}</a>'
                f'<div class="comment"><header class="comment-header"><span class="comment-meta">'
                f'<a class="text-link" href="https://github.com/{attr(c.shown or "")}"><strong>{esc(c.shown)}</strong></a> {commented} '
                f'<a class="text-link" href="#issuecomment-{cid}">{when}</a></span>'
                f'<div class="comment-actions">{role(c)}</div></header>'
                f'<div class="markdown-body markdown-body-scrollable">{paras(c)}</div>'
                f'<div class="comment-footer">{reactions(c)}</div></div></article>'
            )
            continue
        if r.random() < 0.25:
            items.append(event())
        edited = (
            f' <details class="dropdown details-reset d-inline-block"><summary class="btn-link Link--secondary">{ctx.chrome("edited")}</summary></details>'
            if r.random() < 0.15
            else ""
        )
        items.append(
            f'<div class="js-timeline-item js-timeline-progressive-focus-container"><div class="TimelineItem js-comment-container">'
            f'<div class="avatar-parent-child TimelineItem-avatar d-none d-md-block"><a class="d-inline-block" href="/{attr(c.shown or "")}">{pic}</a></div>'
            f'<div class="timeline-comment-group js-minimizable-comment-group" id="issuecomment-{cid}">'
            f'<div class="ml-n3 timeline-comment unminimized-comment comment previewable-edit js-comment current-user" data-body-version="{css_hash(r, 12)}">'
            f'<div class="timeline-comment-header clearfix d-flex"><div class="timeline-comment-actions flex-shrink-0">{role(c)}'
            f'<details class="details-overlay"><summary class="timeline-comment-action Link--secondary" aria-label="Show options"></summary></details></div>'
            f'<h3 class="f5 text-normal"><strong><a class="author Link--primary text-bold css-overflow-wrap-anywhere" href="/{attr(c.shown or "")}">{esc(c.shown)}</a></strong> '
            f'{commented} <a href="#issuecomment-{cid}" class="Link--secondary js-timestamp">{when}</a>{edited}</h3></div>'
            f'<div class="edit-comment-hide"><task-lists disabled="" sortable=""><table class="d-block user-select-contain" data-paste-markdown-skip="">'
            f'<tbody class="d-block"><tr class="d-block"><td class="d-block comment-body markdown-body js-comment-body">{paras(c)}</td></tr></tbody></table></task-lists></div>'
            f"{reactions(c)}</div></div></div></div>"
        )
    n = len(ctx.all_comments)
    if widget:
        return (
            f'<div class="utterances"><div class="timeline"><div class="timeline-header"><h1 class="timeline-header-title">'
            f'<a class="text-link">{ctx.chrome(ctx.say["n_comments"].format(n=n))}</a></h1>'
            f"<em>{ctx.chrome('– powered by utteranc.es')}</em></div>{''.join(items)}"
            f'<article class="timeline-comment"><div class="comment"><header class="new-comment-header tabnav"><div class="tabnav-tabs">'
            f'<button class="tabnav-tab">{ctx.chrome("Write")}</button><button class="tabnav-tab">{ctx.chrome("Preview")}</button></div></header>'
            f'<div class="comment-body"><textarea placeholder="{attr(_SAY6[ctx.lang]["write"])}"></textarea></div>'
            f'<footer class="comment-footer"><a class="text-link markdown-info">{ctx.chrome("Styling with Markdown is supported")}</a>'
            f'<button class="btn btn-primary">{ctx.chrome("Sign in with GitHub")}</button></footer></div></article></div></div>'
        )
    return (
        f'<div id="discussion_bucket"><div class="js-discussion js-socket-channel">{"".join(items)}</div>'
        f'<div class="discussion-timeline-actions"><div class="flash flash-warn">{ctx.chrome("Sign up for free to join this conversation on GitHub.")} '
        f"<a>{ctx.chrome('Already have an account? Sign in to comment')}</a></div></div></div>"
    )


def tg_discussion(ctx: Ctx, roots: list[GenComment]) -> str:
    """A messenger channel's discussion widget (Telegram-like): chat bubbles in time order, day
    separators between them, the time of day (or the date) at the bubble's foot; a reply carries a
    quote block naming the message it answers and repeating its first words, linked by id."""
    r = ctx.rng
    time_only = r.random() < 0.5
    channel = _slug(ctx.site)[:20]
    post = r.randrange(100, 9000)
    ids, k = {}, r.randrange(1000, 50000)
    for c in walk(roots):
        k += r.randrange(1, 12)
        ids[c.index] = k
    views = r.random() < 0.4
    parts, day = [], None
    for c in walk(roots):
        if time_only and c.when.date() != day:
            day = c.when.date()
            month = words.MONTHS[ctx.lang][day.month - 1]
            sep = f"{month} {day.day}" if ctx.lang == "en" else f"{day.day} {month}"
            parts.append(
                f'<div class="tgme_widget_message_service_date_wrap"><div class="tgme_widget_message_service_date">{ctx.chrome(sep)}</div></div>'
            )
        me = ids[c.index]
        initial = esc((c.shown or "?")[0])
        reply = ""
        if c.parent is not None:
            par = ctx.all_comments[c.parent]
            first = par.paragraphs[0]
            cut = first if len(first) <= 60 else first[:60].rsplit(" ", 1)[0] + "…"
            reply = (
                f'<a class="tgme_widget_message_reply" href="https://t.me/{channel}/{post}?comment={ids[par.index]}">'
                f'<div class="tgme_widget_message_author accent_color"><span class="tgme_widget_message_author_name" dir="auto">{esc(par.shown)}</span></div>'
                f'<div class="tgme_widget_message_metatext js-message_reply_text" dir="auto">{esc(cut)}</div></a>'
            )
        shown_time = f"{c.when:%H:%M}" if time_only else c.date_text
        seen = (
            f'<span class="tgme_widget_message_views">{ctx.chrome(str(r.randrange(1, 90)))}</span>'
            if views
            else ""
        )
        parts.append(
            f'<div class="tgme_widget_message_wrap js-widget_message_wrap"><div class="tgme_widget_message js-widget_message" '
            f'data-post="{channel}/{post}?comment={me}" data-comment-id="{me}">'
            f'<div class="tgme_widget_message_user"><a href="https://t.me/u{me}"><i class="tgme_widget_message_user_photo bgcolor{c.index % 7}" data-content="{initial}">'
            + (f'<img src="/tg/{me}.jpg" alt="">' if r.random() < 0.6 else "")
            + f'</i></a></div><div class="tgme_widget_message_bubble"><i class="tgme_widget_message_bubble_tail"></i>'
            f'<div class="tgme_widget_message_author accent_color"><a class="tgme_widget_message_owner_name" href="https://t.me/u{me}">'
            f'<span dir="auto">{esc(c.shown)}</span></a></div>{reply}'
            f'<div class="tgme_widget_message_text js-message_text" dir="auto">{br_text(c)}</div>'
            f'<div class="tgme_widget_message_footer compact js-message_footer"><div class="tgme_widget_message_info short js-message_info">'
            f'{seen}<span class="tgme_widget_message_meta"><a class="tgme_widget_message_date" href="https://t.me/{channel}/{post}?comment={me}">'
            f'<time datetime="{c.when.isoformat()}+00:00" class="time">{esc(shown_time)}</time></a></span></div></div></div></div></div>'
        )
    n = len(ctx.all_comments)
    head = (
        f'<div class="tgme_widget_discussion_header"><span class="tgme_widget_discussion_header_count">'
        f"{ctx.chrome(ctx.say['n_comments'].format(n=n))}</span></div>"
    )
    more = (
        f'<div class="tgme_widget_discussion_more"><a class="tme_messages_more js-messages_more">{ctx.chrome(ctx.say["more"])}</a></div>'
        if r.random() < 0.5
        else ""
    )
    foot = (
        f'<div class="tgme_widget_discussion_footer"><div class="tgme_widget_discussion_reply_input">{ctx.chrome(_SAY6[ctx.lang]["write"])}</div>'
        f'<a class="tgme_widget_discussion_login" href="https://oauth.telegram.org/">{ctx.chrome("Log in with Telegram")}</a></div>'
    )
    return (
        f'<div class="tgme_widget_discussion js-widget_discussion" data-channel="{channel}" data-post="{post}">{head}{more}'
        f'<div class="tgme_widget_discussion_messages js-message_history">{"".join(parts)}</div>{foot}</div>'
    )


def amp_comments(ctx: Ctx, roots: list[GenComment]) -> str:
    """An AMP page's comments: an <amp-list> with its amp-mustache <template> left in the page
    beside what it rendered (role="list" and "listitem" containers, amp-img, amp-timeago, buttons
    with "on" and [bound] attributes), replies as a nested list; a placeholder and an overflow
    button in the list."""
    r = ctx.rng
    s6 = _SAY6[ctx.lang]
    cls = r.choice(["comment", "c-item", "amp-comment"])
    timeago = r.random() < 0.6
    toggles = r.random() < 0.5

    def item(c: GenComment, kids: str) -> str:
        pic = (
            f'<amp-img class="{cls}__avatar i-amphtml-element i-amphtml-layout-fixed i-amphtml-layout-size-defined i-amphtml-built i-amphtml-layout" '
            f'layout="fixed" width="36" height="36" src="/avatars/{c.index}.png" style="width:36px;height:36px;">'
            f'<img decoding="async" src="/avatars/{c.index}.png" class="i-amphtml-fill-content i-amphtml-replaced-content"></amp-img>'
            if r.random() < 0.7
            else ""
        )
        when = (
            f'<amp-timeago class="{cls}__time i-amphtml-element i-amphtml-layout-fixed-height i-amphtml-built" layout="fixed-height" height="20" '
            f'datetime="{c.when.isoformat()}Z" locale="{ctx.lang}"><time datetime="{c.when.isoformat()}Z">{esc(c.date_text)}</time></amp-timeago>'
            if timeago
            else f'<span class="{cls}__time">{esc(c.date_text)}</span>'
        )
        likes = r.randrange(0, 50)
        acts = (
            f'<div class="{cls}__actions"><button on="tap:AMP.setState({{replyTo: {c.index}}}),reply-form.focus">{ctx.chrome(ctx.say["reply"])}</button>'
            f'<button on="tap:like-{c.index}.submit" [text]="likes[{c.index}] || \'{likes}\'">{ctx.chrome(str(likes))}</button>'
            f'<button on="tap:report-lightbox">{ctx.chrome(ctx.say["report"])}</button></div>'
        )
        sub = ""
        if kids:
            n = len(c.children)
            toggle = (
                f'<button class="{cls}__toggle" on="tap:AMP.setState({{open{c.index}: !open{c.index}}})">{ctx.chrome(_n_replies(ctx, n))}</button>'
                if toggles
                else ""
            )
            sub = f'{toggle}<div role="list" class="{cls}__replies" [class]="open{c.index} ? \'open\' : \'\'">{kids}</div>'
        return (
            f'<div role="listitem" class="{cls}" id="c-{c.index}"><div class="{cls}__head">{pic}'
            f'<strong class="{cls}__author">{esc(c.shown)}</strong>{when}</div>'
            f'<div class="{cls}__body">{paras(c)}</div>{acts}{sub}</div>'
        )

    body = nested(roots, item, lambda k: k)
    template = (
        f'<template type="amp-mustache" id="comment-tpl"><div role="listitem" class="{cls}"><div class="{cls}__head">'
        f'<amp-img layout="fixed" width="36" height="36" src="{{{{avatar}}}}"></amp-img><strong class="{cls}__author">{{{{author}}}}</strong>'
        f'<amp-timeago layout="fixed-height" height="20" datetime="{{{{date}}}}">{{{{date}}}}</amp-timeago></div>'
        f'<div class="{cls}__body">{{{{{{html}}}}}}</div>{{{{#replies.length}}}}<div role="list">{{{{> comment-tpl}}}}</div>{{{{/replies.length}}}}</div></template>'
    )
    n = len(ctx.all_comments)
    placeholder = f'<div placeholder="" class="amp-hidden">{ctx.chrome(s6["loading"])}</div>'
    overflow = f'<button overflow="" class="amp-visible" aria-label="{attr(s6["see_more"])}">{ctx.chrome(s6["see_more"])}</button>'
    form = (
        f'<form id="reply-form" method="post" action-xhr="https://{ctx.host}/api/comments" target="_top" class="i-amphtml-form">'
        f'<textarea name="text" placeholder="{attr(s6["write"])}"></textarea><button type="submit">{ctx.chrome(ctx.say["leave"])}</button>'
        f'<div submit-success=""><template type="amp-mustache">{{{{message}}}}</template></div></form>'
        if r.random() < 0.6
        else f'<p class="amp-login"><a href="/login">{ctx.chrome(ctx.say["login"])}</a></p>'
    )
    return (
        f'<section class="amp-comments" id="comments">{heading(ctx, n, "h2")}'
        f'<amp-state id="likes" src="https://{ctx.host}/api/likes"></amp-state>'
        f'<amp-list id="comment-list" layout="fixed-height" height="{200 * max(n, 1)}" src="https://{ctx.host}/api/comments?post={css_hash(r, 8)}" '
        f'items="comments" binding="no" class="i-amphtml-element i-amphtml-layout-fixed-height i-amphtml-layout-size-defined i-amphtml-built i-amphtml-layout">'
        f'{template}{placeholder}<div class="i-amphtml-fill-content i-amphtml-replaced-content" role="list">{body}</div>{overflow}</amp-list>'
        f"{form}{widget_footer(ctx, 'AMP Comments')}</section>"
    )


# --- held out, seventh set: written after the sixth set was scored, before its failures were fixed -------
# Words of these families' chrome that `words.SAY`, `_SAY5` and `_SAY6` do not have.
_SAY7 = {
    "en": {
        "place": "Location",
        "deleted": "This comment was deleted by its author.",
        "hidden": "This comment was hidden by the moderators.",
        "comment": "Comment",
        "no": "No.",
        "page": "Page 1 of {n}",
        "next": "Next »",
        "post": "Post a comment",
        "verified": "Verified reader",
        "helpful": "Was this helpful?",
        "yes_no": ("Yes", "No"),
        "found": "{n} people found this helpful",
        "reviewed": "Reviewed on",
        "stars": "{n} out of 5 stars",
        "star_row": "{n} star",
        "response": "Response from",
        "write_review": "Write a review",
        "filter": "Filter by rating",
        "reviews": "{n} reader reviews",
        "titles": (
            "Worth reading",
            "Not convinced",
            "Spot on",
            "A fair account",
            "Missing the point",
            "Long overdue",
        ),
        "letters": "Letters to the editor",
        "salutation": ("Sir,", "SIR –", "Dear Editor,"),
        "supplied": "Name and address supplied",
        "edited_note": "Letters may be edited for length and clarity.",
        "write_to": "Write to us at",
        "ed_note": "Editor's note:",
        "ed_notes": ("The council has been invited to respond.", "We are happy to set the record straight."),
        "heads": (
            "Bus fares",
            "The harbour plan",
            "School meals",
            "Parking again",
            "Cycle lanes",
            "Library hours",
        ),
        "towns": ("Harrogate", "Truro", "Stroud", "Kendal", "Ludlow", "Whitby", "Hexham", "Totnes"),
        "today": "Today at",
        "new_msgs": "New messages",
        "jump": "Jump to present",
        "reply_to_h": "in reply to",
        "boosts": "boosts",
        "favs": "favourites",
        "fedi": "Comments from the fediverse",
        "fedi_how": "Reply to this post from any Mastodon account to join in.",
        "copy": "Copy link",
    },
    "de": {
        "place": "Ort",
        "deleted": "Dieser Kommentar wurde vom Verfasser gelöscht.",
        "hidden": "Dieser Kommentar wurde von der Moderation ausgeblendet.",
        "comment": "Kommentar",
        "no": "Nr.",
        "page": "Seite 1 von {n}",
        "next": "Weiter »",
        "post": "Kommentar schreiben",
        "verified": "Verifizierter Leser",
        "helpful": "War das hilfreich?",
        "yes_no": ("Ja", "Nein"),
        "found": "{n} Personen fanden das hilfreich",
        "reviewed": "Bewertet am",
        "stars": "{n} von 5 Sternen",
        "star_row": "{n} Sterne",
        "response": "Antwort von",
        "write_review": "Bewertung schreiben",
        "filter": "Nach Bewertung filtern",
        "reviews": "{n} Leserbewertungen",
        "titles": (
            "Lesenswert",
            "Nicht überzeugt",
            "Genau so",
            "Fair berichtet",
            "Am Thema vorbei",
            "Längst überfällig",
        ),
        "letters": "Leserbriefe",
        "salutation": ("Sehr geehrte Redaktion,", "Zum Artikel:"),
        "supplied": "Name und Anschrift sind der Redaktion bekannt",
        "edited_note": "Die Redaktion behält sich Kürzungen vor.",
        "write_to": "Schreiben Sie uns an",
        "ed_note": "Anmerkung der Redaktion:",
        "ed_notes": ("Die Stadt wurde um eine Stellungnahme gebeten.", "Wir korrigieren das gern."),
        "heads": (
            "Busfahrpreise",
            "Der Hafenplan",
            "Schulessen",
            "Schon wieder Parken",
            "Radwege",
            "Öffnungszeiten",
        ),
        "towns": ("Lüneburg", "Bamberg", "Passau", "Husum", "Celle", "Wismar", "Konstanz", "Goslar"),
        "today": "Heute um",
        "new_msgs": "Neue Nachrichten",
        "jump": "Zur Gegenwart springen",
        "reply_to_h": "als Antwort auf",
        "boosts": "Boosts",
        "favs": "Favoriten",
        "fedi": "Kommentare aus dem Fediverse",
        "fedi_how": "Antworte mit einem beliebigen Mastodon-Konto auf diesen Beitrag.",
        "copy": "Link kopieren",
    },
    "fr": {
        "place": "Lieu",
        "deleted": "Ce commentaire a été supprimé par son auteur.",
        "hidden": "Ce commentaire a été masqué par la modération.",
        "comment": "Commentaire",
        "no": "N°",
        "page": "Page 1 sur {n}",
        "next": "Suivant »",
        "post": "Publier un commentaire",
        "verified": "Lecteur vérifié",
        "helpful": "Cet avis vous a-t-il été utile ?",
        "yes_no": ("Oui", "Non"),
        "found": "{n} personnes ont trouvé cela utile",
        "reviewed": "Avis publié le",
        "stars": "{n} sur 5 étoiles",
        "star_row": "{n} étoiles",
        "response": "Réponse de",
        "write_review": "Donner votre avis",
        "filter": "Filtrer par note",
        "reviews": "{n} avis de lecteurs",
        "titles": ("À lire", "Pas convaincu", "Très juste", "Un récit honnête", "À côté du sujet", "Enfin"),
        "letters": "Courrier des lecteurs",
        "salutation": ("Madame, Monsieur,", "À la rédaction,"),
        "supplied": "Nom et adresse connus de la rédaction",
        "edited_note": "Les lettres peuvent être raccourcies par la rédaction.",
        "write_to": "Écrivez-nous à",
        "ed_note": "Note de la rédaction :",
        "ed_notes": ("La mairie a été invitée à réagir.", "Nous rectifions volontiers."),
        "heads": (
            "Tarifs des bus",
            "Le projet du port",
            "Cantines",
            "Encore le stationnement",
            "Pistes cyclables",
            "Horaires",
        ),
        "towns": ("Quimper", "Annecy", "Colmar", "Millau", "Vannes", "Dole", "Sète", "Cahors"),
        "today": "Aujourd'hui à",
        "new_msgs": "Nouveaux messages",
        "jump": "Revenir au présent",
        "reply_to_h": "en réponse à",
        "boosts": "partages",
        "favs": "favoris",
        "fedi": "Commentaires du fédivers",
        "fedi_how": "Répondez à ce message depuis n'importe quel compte Mastodon.",
        "copy": "Copier le lien",
    },
    "es": {
        "place": "Lugar",
        "deleted": "Este comentario fue eliminado por su autor.",
        "hidden": "Este comentario fue ocultado por los moderadores.",
        "comment": "Comentario",
        "no": "N.º",
        "page": "Página 1 de {n}",
        "next": "Siguiente »",
        "post": "Publicar un comentario",
        "verified": "Lector verificado",
        "helpful": "¿Te ha resultado útil?",
        "yes_no": ("Sí", "No"),
        "found": "A {n} personas les ha resultado útil",
        "reviewed": "Opinión del",
        "stars": "{n} de 5 estrellas",
        "star_row": "{n} estrellas",
        "response": "Respuesta de",
        "write_review": "Escribir una opinión",
        "filter": "Filtrar por valoración",
        "reviews": "{n} opiniones de lectores",
        "titles": (
            "Merece la pena",
            "No me convence",
            "Muy acertado",
            "Un relato justo",
            "Fuera de lugar",
            "Ya era hora",
        ),
        "letters": "Cartas al director",
        "salutation": ("Señor director:", "Al director:"),
        "supplied": "Nombre y dirección en poder de la redacción",
        "edited_note": "La redacción se reserva el derecho de extractar las cartas.",
        "write_to": "Escríbanos a",
        "ed_note": "Nota de la redacción:",
        "ed_notes": ("El ayuntamiento ha sido invitado a responder.", "Rectificamos con gusto."),
        "heads": (
            "Tarifas del bus",
            "El plan del puerto",
            "Comedores escolares",
            "Otra vez el aparcamiento",
            "Carriles bici",
            "Horarios",
        ),
        "towns": ("Teruel", "Cáceres", "Lugo", "Soria", "Ronda", "Jaca", "Mérida", "Olot"),
        "today": "Hoy a las",
        "new_msgs": "Mensajes nuevos",
        "jump": "Ir al presente",
        "reply_to_h": "en respuesta a",
        "boosts": "impulsos",
        "favs": "favoritos",
        "fedi": "Comentarios desde el fediverso",
        "fedi_how": "Responde a esta publicación desde cualquier cuenta de Mastodon.",
        "copy": "Copiar enlace",
    },
}


def _one_level(roots: list[GenComment]) -> None:
    """Systems with one level of replies: every reply under a top-level comment answers that
    comment (the gold's parent too), in page order."""
    for root in roots:
        under = list(walk(root.children))
        for c in under:
            c.parent, c.depth, c.children = root.index, 1, []
        root.children = under


def cbox_list(ctx: Ctx, roots: list[GenComment]) -> str:
    """A Korean portal's news comments (Naver-like `u_cbox_*` list): IDs masked after four
    letters, a dotted timestamp, 공감/비공감 (agree/disagree) counters, one level of replies in a
    reply area behind a "답글 N" (replies) button, deleted and filtered comments left as
    placeholder items in the list, BEST badges; the chrome Korean or in the page's language."""
    r = ctx.rng
    s7 = _SAY7[ctx.lang]
    _one_level(roots)
    korean = r.random() < 0.6
    for c in walk(roots):
        c.shown = _login(c.shown)[:4] + "****"
        c.author = c.shown
    reply_inside = r.random() < 0.6  # the reply area inside the comment's <li>, or the next sibling
    if korean:
        words_ = {
            "agree": "공감",
            "disagree": "비공감",
            "reply": "답글",
            "report": "신고",
            "deleted": "작성자에 의해 삭제된 댓글입니다.",
            "cleanbot": "클린봇이 부적절한 표현을 감지한 댓글입니다.",
            "sort": ("순공감순", "최신순", "공감비율순"),
            "count": "댓글",
            "more": "더보기",
            "login": "댓글을 작성하려면 로그인 해주세요",
            "rules": "댓글 운영 규정",
            "write": "답글 쓰기",
        }
    else:
        agree, disagree = _SAY5[ctx.lang]["votes"]
        words_ = {
            "agree": agree,
            "disagree": disagree,
            "reply": ctx.say["reply"],
            "report": ctx.say["report"],
            "deleted": s7["deleted"],
            "cleanbot": s7["hidden"],
            "sort": (ctx.say["sort"],),
            "count": ctx.say["comments"],
            "more": ctx.say["more"],
            "login": ctx.say["login"],
            "rules": _SAY5[ctx.lang]["rules"],
            "write": _SAY6[ctx.lang]["write"],
        }

    def stamp(c: GenComment) -> str:
        if c.date_iso is None:
            return esc(c.date_text)
        return f"{c.when:%Y.%m.%d.} {c.when:%H:%M}"

    def info(c: GenComment, best: bool) -> str:
        ag, dis = r.randrange(0, 900), r.randrange(0, 300)
        badge = f'<span class="u_cbox_ico_best">{ctx.chrome("BEST")}</span>' if best else ""
        pic = (
            f'<div class="u_cbox_thumb"><img src="/profile/{c.index}.png" width="28" height="28" alt=""></div>'
            if r.random() < 0.3
            else ""
        )
        return (
            f'<div class="u_cbox_info">{pic}{badge}<span class="u_cbox_info_main"><span class="u_cbox_name">'
            f'<span class="u_cbox_name_area"><span class="u_cbox_nick_area"><span class="u_cbox_nick">{esc(c.shown)}</span></span></span></span></span></div>'
            f'<div class="u_cbox_text_wrap"><span class="u_cbox_contents" data-lang="{ctx.lang}">{br_text(c)}</span></div>'
            f'<div class="u_cbox_info_base"><span class="u_cbox_date" data-value="{c.when.isoformat()}+0900">{stamp(c)}</span>'
            f'<span class="u_cbox_work_box"><a class="u_cbox_btn_report" href="#"><span class="u_cbox_ico_report"></span>'
            f'<span class="u_cbox_in_report">{ctx.chrome(words_["report"])}</span></a></span></div>'
            f'<div class="u_cbox_tool"><div class="u_cbox_recomm_set">'
            f'<a class="u_cbox_btn_recomm" href="#"><span class="u_cbox_tx_recomm">{ctx.chrome(words_["agree"])}</span>'
            f'<em class="u_cbox_cnt_recomm">{ctx.chrome(str(ag))}</em></a>'
            f'<a class="u_cbox_btn_unrecomm" href="#"><span class="u_cbox_tx_unrecomm">{ctx.chrome(words_["disagree"])}</span>'
            f'<em class="u_cbox_cnt_unrecomm">{ctx.chrome(str(dis))}</em></a></div></div>'
        )

    def placeholder() -> str:
        text = words_[r.choice(["deleted", "cleanbot"])]
        return (
            f'<li class="u_cbox_comment u_cbox_type_delete"><div class="u_cbox_comment_box"><div class="u_cbox_area">'
            f'<div class="u_cbox_text_wrap"><span class="u_cbox_delete_contents">{ctx.chrome(text)}</span></div></div></div></li>'
        )

    items = []
    for i, root in enumerate(roots):
        if r.random() < 0.12:
            items.append(placeholder())
        kids = ""
        if root.children:
            lis = "".join(
                f'<li class="u_cbox_comment u_cbox_type_reply" data-info="parentCommentNo:\'{700_000 + root.index}\'">'
                f'<div class="u_cbox_comment_box u_cbox_type_profile"><div class="u_cbox_area">{info(c, False)}</div></div></li>'
                for c in root.children
            )
            kids = (
                f'<div class="u_cbox_reply_area" style="display: block;"><ul class="u_cbox_list">{lis}</ul>'
                f'<div class="u_cbox_write_wrap"><span class="u_cbox_guide">{ctx.chrome(words_["write"])}</span></div></div>'
            )
        count = len(root.children)
        btn = (
            f'<a class="u_cbox_btn_reply" href="#"><strong class="u_cbox_reply_txt">{ctx.chrome(words_["reply"])}</strong>'
            + (f'<span class="u_cbox_reply_cnt">{ctx.chrome(str(count))}</span>' if count else "")
            + "</a>"
        )
        head = (
            f'<li class="u_cbox_comment cbox_module__comment_{700_000 + root.index}" data-info="commentNo:\'{700_000 + root.index}\'">'
            f'<div class="u_cbox_comment_box"><div class="u_cbox_area">{info(root, i < 2 and r.random() < 0.5)}'
            f"{btn}</div></div>"
        )
        items.append(
            head + kids + "</li>" if reply_inside else head + "</li>" + (f"<li>{kids}</li>" if kids else "")
        )
    n = len(ctx.all_comments)
    sort = "".join(f'<li class="u_cbox_sort_option"><a>{ctx.chrome(s)}</a></li>' for s in words_["sort"])
    return (
        f'<div class="u_cbox" id="cbox_module"><div class="u_cbox_wrap u_cbox_ko">'
        f'<div class="u_cbox_head"><h5 class="u_cbox_title">{ctx.chrome(words_["count"])}</h5>'
        f'<span class="u_cbox_count">{ctx.chrome(str(n))}</span></div>'
        f'<div class="u_cbox_write_wrap"><div class="u_cbox_write_box"><span class="u_cbox_guide">{ctx.chrome(words_["login"])}</span></div></div>'
        f'<div class="u_cbox_sort"><ul class="u_cbox_sort_option_list">{sort}</ul></div>'
        f'<div class="u_cbox_content_wrap"><ul class="u_cbox_list">{"".join(items)}</ul></div>'
        f'<a class="u_cbox_btn_more"><span class="u_cbox_page_more">{ctx.chrome(words_["more"])}</span></a>'
        + (
            f'<div class="u_cbox_notice"><a>{ctx.chrome(words_["rules"])}</a></div>'
            if r.random() < 0.5
            else ""
        )
        + "</div></div>"
    )


def kv_tables(ctx: Ctx, roots: list[GenComment]) -> str:
    """One small <table> per comment, its parts named by <th> label cells (number, name, date,
    comment), as form-built guestbooks and council consultation pages print them; replies either
    as a table nested in a last row of their parent's, or flat with an "In reply to" row linking
    the parent's number. In some, the labels head columns instead of rows."""
    r = ctx.rng
    s6, s7 = _SAY6[ctx.lang], _SAY7[ctx.lang]
    mode = r.choice(["rows", "rows", "columns"])
    nested_tables = r.random() < 0.5
    numbered = r.random() < 0.6
    town_row = r.random() < 0.3
    brs = r.random() < 0.4
    nums = {c.index: k + 1 for k, c in enumerate(walk(roots))}
    th = r.choice(['<th scope="row" align="left" valign="top">', '<th class="label">', "<th>"])

    def text(c: GenComment) -> str:
        return br_text(c) if brs else paras(c)

    def reply_row(c: GenComment) -> str:
        if nested_tables or c.parent is None:
            return ""
        p = ctx.all_comments[c.parent]
        return (
            f"<tr>{th}{ctx.chrome(_SAY5[ctx.lang]['reply_to'])}</th>"
            f'<td><a href="#c{nums[p.index]}">{ctx.chrome(f"#{nums[p.index]}")}</a> {esc(p.shown)}</td></tr>'
        )

    def table(c: GenComment, kids: str) -> str:
        n = nums[c.index]
        sub = f'<tr><td colspan="2" class="replies">{kids}</td></tr>' if kids else ""
        when = (
            f'<time datetime="{c.when.isoformat()}">{esc(c.date_text)}</time>'
            if r.random() < 0.5
            else esc(c.date_text)
        )
        if mode == "columns":
            heads = (f"<th>{ctx.chrome(s7['no'])}</th>" if numbered else "") + (
                f"<th>{ctx.chrome(s6['name'])}</th><th>{ctx.chrome(s6['posted'])}</th>"
            )
            cells = (
                f"<td>{ctx.chrome(str(n))}</td>" if numbered else ""
            ) + f"<td>{esc(c.shown)}</td><td>{when}</td>"
            span = 3 if numbered else 2
            sub = f'<tr><td colspan="{span}" class="replies">{kids}</td></tr>' if kids else ""
            reply = reply_row(c).replace("<td>", f'<td colspan="{span - 1}">', 1)
            return (
                f'<table class="entry" id="c{n}" width="100%" border="1" cellspacing="0" cellpadding="4">'
                f"<thead><tr>{heads}</tr></thead><tbody><tr>{cells}</tr>{reply}"
                f'<tr><td colspan="{span}">{text(c)}</td></tr>{sub}</tbody></table>'
            )
        rows = [f"<tr>{th}{ctx.chrome(s7['no'])}</th><td>{ctx.chrome(str(n))}</td></tr>"] if numbered else []
        rows.append(f"<tr>{th}{ctx.chrome(s6['name'])}</th><td><b>{esc(c.shown)}</b></td></tr>")
        if town_row:
            rows.append(
                f"<tr>{th}{ctx.chrome(s7['place'])}</th><td>{ctx.chrome(r.choice(s7['towns']))}</td></tr>"
            )
        rows.append(f"<tr>{th}{ctx.chrome(s6['posted'])}</th><td>{when}</td></tr>")
        rows.append(reply_row(c))
        rows.append(f"<tr>{th}{ctx.chrome(s7['comment'])}</th><td>{text(c)}</td></tr>")
        return (
            f'<table class="entry" id="c{n}" border="0" cellspacing="0" cellpadding="3" summary="">'
            f"<tbody>{''.join(rows)}{sub}</tbody></table>" + ("" if kids else "<br>")
        )

    body = nested(roots, table, lambda k: k) if nested_tables else "".join(table(c, "") for c in walk(roots))
    pages = r.randrange(1, 4)
    nav = (
        f'<p class="pager">{ctx.chrome(s7["page"].format(n=pages))} | <a href="?page=2">{ctx.chrome(s7["next"])}</a></p>'
        if pages > 1
        else ""
    )
    return (
        f'<div id="entries">{heading(ctx, len(ctx.all_comments), "h2")}{nav}{body}{nav}'
        f'<p><a href="/comment/new">{ctx.chrome(s7["post"])}</a></p></div>'
    )


def letters_column(ctx: Ctx, roots: list[GenComment]) -> str:
    """Letters to the editor as the printed column runs them: an editor's headline over each
    letter (or over a group of letters on one subject), a salutation in some, the text, then the
    writer's name and town on lines of their own, no date anywhere; a withheld name printed as
    "Name and address supplied"; editor's notes after some letters."""
    r = ctx.rng
    s7 = _SAY7[ctx.lang]
    for c in walk(roots):  # the column prints no dates: the gold has none either
        c.date_iso = None
    style = r.choice(["bare", "article", "grouped"])
    salute = r.choice(s7["salutation"]) if r.random() < 0.5 else ""
    caps = r.random() < 0.3

    def signoff(c: GenComment) -> str:
        if c.author is None:
            return f'<p class="signoff"><i>{ctx.chrome(s7["supplied"])}</i></p>'
        town = ctx.chrome(r.choice(s7["towns"]))
        name = esc(c.shown.upper() if caps else c.shown)
        if caps:
            c.author = c.shown = c.shown.upper()
        if style == "article":
            return (
                f'<footer class="letter__signoff"><span class="letter__name">{name}</span>, '
                f'<span class="letter__town">{town}</span></footer>'
            )
        return f'<p class="signoff"><strong>{name}</strong><br><em>{town}</em></p>'

    def letter_text(c: GenComment) -> str:
        sal = f'<p class="salutation">{ctx.chrome(salute)}</p>' if salute else ""
        return sal + "".join(f"<p>{esc(p)}</p>" for p in c.paragraphs)

    def note() -> str:
        if r.random() < 0.15:
            return f"<p><i>{ctx.chrome(s7['ed_note'])} {ctx.chrome(r.choice(s7['ed_notes']))}</i></p>"
        return ""

    flat = list(walk(roots))
    parts = []
    if style == "grouped":
        k = 0
        while k < len(flat):
            size = r.randrange(1, 4)
            parts.append(f"<h3>{ctx.chrome(r.choice(s7['heads']))}</h3>")
            for c in flat[k : k + size]:
                parts.append(letter_text(c) + signoff(c) + note())
            k += size
    elif style == "article":
        for c in flat:
            parts.append(
                f'<article class="letter"><h2 class="letter__headline">{ctx.chrome(r.choice(s7["heads"]))}</h2>'
                f'<div class="letter__body">{letter_text(c)}</div>{signoff(c)}{note()}</article>'
            )
    else:
        for c in flat:
            parts.append(f"<h4>{ctx.chrome(r.choice(s7['heads']))}</h4>{letter_text(c)}{signoff(c)}{note()}")
    domain = ctx.host.removeprefix("www.")
    foot = (
        f'<p class="letters-info"><small>{ctx.chrome(s7["edited_note"])} {ctx.chrome(s7["write_to"])} '
        f'<a href="mailto:letters@{domain}">{ctx.chrome(f"letters@{domain}")}</a></small></p>'
    )
    return f'<section class="letters"><h2>{ctx.chrome(s7["letters"])}</h2>{"".join(parts)}{foot}</section>'


def chat_groups(ctx: Ctx, roots: list[GenComment]) -> str:
    """A chat app's channel log (Discord- or Slack-like): consecutive messages of one person
    grouped, the name and full date only on the first of a run, the following ones with a
    time-of-day stamp alone; day dividers and a "New messages" bar between them."""
    r = ctx.rng
    s7 = _SAY7[ctx.lang]
    flat = list(walk(roots))
    for prev, c in zip(flat, flat[1:], strict=False):  # people post several messages in a row
        if r.random() < 0.35:
            c.shown, c.author = prev.shown, prev.author
    discord = r.random() < 0.5
    h = css_hash(r, 6)
    unread = r.randrange(1, len(flat) + 1) if r.random() < 0.3 else None
    items, day, last = [], None, None
    for k, c in enumerate(flat):
        if c.when.date() != day:
            day, last = c.when.date(), None
            month = words.MONTHS[ctx.lang][day.month - 1]
            label = ctx.chrome(
                f"{month} {day.day}, {day.year}" if ctx.lang == "en" else f"{day.day} {month} {day.year}"
            )
            items.append(
                f'<div class="divider_{h} hasContent_{h}" role="separator" aria-label="{attr(label)}"><span class="content_{h}">{label}</span></div>'
                if discord
                else f'<div class="c-message_list__day_divider" role="presentation"><div class="c-message_list__day_divider__label"><button>{label}</button></div></div>'
            )
        if unread == k:
            items.append(
                f'<div class="newMessagesBar_{h}" role="separator"><span>{ctx.chrome(s7["new_msgs"])}</span></div>'
            )
        first = c.shown != last
        last = c.shown
        clock = f"{c.when:%H:%M}"
        mid = 1_100_000_000_000 + 4_099 * c.index
        text = (
            "".join(f'<div class="messageContent_{h}" dir="auto">{esc(p)}</div>' for p in c.paragraphs)
            if discord
            else (
                '<div class="p-rich_text_block" dir="auto">'
                + "".join(f'<div class="p-rich_text_section">{esc(p)}</div>' for p in c.paragraphs)
                + "</div>"
            )
        )
        full = c.date_text if c.date_iso or r.random() < 0.5 else f"{s7['today']} {clock}"
        if discord:
            if first:
                head = (
                    f'<img src="/avatars/{c.index}.webp" class="avatar_{h}" alt=" " aria-hidden="true">'
                    f'<h3 class="header_{h}" aria-labelledby="message-username-{mid}"><span id="message-username-{mid}" class="headerText_{h}">'
                    f'<span class="username_{h} desaturateUserColors_{h} clickable_{h}" role="button" tabindex="0">{esc(c.shown)}</span></span>'
                    f'<span class="timestamp_{h} timestampInline_{h}"><time aria-label="{attr(full)}" datetime="{c.when.isoformat()}.000Z">'
                    f'<i class="separator_{h}" aria-hidden="true"> — </i>{esc(full)}</time></span></h3>'
                )
            else:
                head = (
                    f'<span class="latin24CompactTimeStamp_{h} timestamp_{h} timestampVisibleOnHover_{h} alt_{h}">'
                    f'<time aria-label="{attr(full)}" datetime="{c.when.isoformat()}.000Z"><i class="separator_{h}" aria-hidden="true">[</i>'
                    f'{esc(clock)}<i class="separator_{h}" aria-hidden="true">] </i></time></span>'
                )
            items.append(
                f'<li id="chat-messages-{mid}" class="messageListItem_{h}" aria-setsize="-1">'
                f'<div class="message_{h} cozyMessage_{h}{" groupStart_" + h if first else ""} wrapper_{h} cozy_{h}" role="article" '
                f'data-list-item-id="chat-messages___chat-messages-{mid}" tabindex="-1">'
                f'<div class="contents_{h}">{head}<div id="message-content-{mid}" class="markup_{h} messageContent_{h}">{text}</div></div>'
                f'<div id="message-accessories-{mid}" class="container_{h}"></div></div></li>'
            )
        else:
            ts = (
                f'<a class="c-link c-timestamp" href="/archives/C{css_hash(r, 8).upper()}/p{mid}" data-ts="{int(c.when.replace(tzinfo=UTC).timestamp())}.000100">'
                f'<span class="c-timestamp__label">{esc(full if first else clock)}</span></a>'
            )
            gutter = (
                f'<div class="c-message_kit__gutter__left"><img class="c-base_icon" src="/avatars/{c.index}.png" alt=""></div>'
                if first
                else f'<div class="c-message_kit__gutter__left">{ts}</div>'
            )
            sender = (
                f'<span class="c-message__sender c-message_kit__sender" data-qa="message_sender"><button class="c-message__sender_button" '
                f'data-qa="message_sender_name">{esc(c.shown)}</button></span> {ts}<br>'
                if first
                else ""
            )
            items.append(
                f'<div class="c-virtual_list__item" role="listitem" data-item-key="{mid}"><div class="c-message_kit__background'
                f'{" c-message_kit__message--first" if first else ""}"><div class="c-message_kit__hover" data-qa-hover="true">'
                f'<div class="c-message_kit__actions c-message_kit__actions--default"><div class="c-message_kit__gutter">{gutter}'
                f'<div class="c-message_kit__gutter__right" data-qa="message_content">{sender}'
                f'<div class="c-message_kit__blocks"><div class="c-message__message_blocks" data-qa="message-text">{text}</div></div>'
                f"</div></div></div></div></div></div>"
            )
    channel = r.choice(["readers", "comments", "letters", "the-newsroom", "town-hall"])
    if discord:
        return (
            f'<div class="chat_{h}" role="region"><section class="title_{h}" aria-label="Channel header"><h1 class="channelName_{h}">'
            f"{ctx.chrome('# ' + channel)}</h1></section>"
            f'<ol class="scrollerInner_{h}" data-list-id="chat-messages" role="list">{"".join(items)}</ol>'
            f'<div class="jumpToPresentBar_{h}"><button>{ctx.chrome(s7["jump"])}</button></div>'
            f'<form><div class="channelTextArea_{h}"><div role="textbox" aria-label="{attr(s7["copy"])}">'
            f"{ctx.chrome(f'Message #{channel}')}</div></div></form></div>"
        )
    return (
        f'<div class="p-workspace__primary_view"><div class="p-view_header"><span class="p-view_header__channel_title">'
        f"{ctx.chrome('# ' + channel)}</span></div>"
        f'<div class="c-virtual_list c-message_list" role="list" aria-label="{attr(channel)}">{"".join(items)}</div>'
        f'<div class="p-message_input"><div class="ql-placeholder">{ctx.chrome(f"Message #{channel}")}</div></div></div>'
    )


def fedi_replies(ctx: Ctx, roots: list[GenComment]) -> str:
    """Replies from the fediverse shown under a blog post (Mastodon-like statuses marked up in
    microformats2): an h-entry per reply in time order, no nesting, each naming what it answers
    by the permalink in its u-in-reply-to (the post's own address for a top-level reply, the
    parent's u-url for a reply to a reply); the h-card with a display name and an @user@instance
    handle; a reply to a reply opening with a mention of the handle it answers."""
    r = ctx.rng
    s7 = _SAY7[ctx.lang]
    instances = [
        "mastodon.social",
        "fosstodon.org",
        "hachyderm.io",
        "mstdn.social",
        "chaos.social",
        "piaille.fr",
    ]
    post = f"https://{ctx.host}/{_slug(ctx.title)[:30]}"
    inst, handle, url = {}, {}, {}
    sid = r.randrange(110_000_000_000_000_000, 112_000_000_000_000_000)
    for c in walk(roots):
        inst[c.index] = r.choice(instances)
        handle[c.index] = _login(c.shown, r.choice(["", "_"]))[:20]
        sid += r.randrange(10_000, 10_000_000)
        url[c.index] = f"https://{inst[c.index]}/@{handle[c.index]}/{sid}"
    visible_to = r.random() < 0.5
    counts = r.random() < 0.7
    wrapper = r.choice(["article", "li"])

    def mention(p: GenComment) -> str:
        return (
            f'<span class="h-card" translate="no"><a href="https://{inst[p.index]}/@{handle[p.index]}" class="u-url mention">'
            f"{ctx.chrome('@' + handle[p.index])}</a></span> "
        )

    items = []
    for c in walk(roots):
        parent = ctx.all_comments[c.parent] if c.parent is not None else None
        target = url[parent.index] if parent is not None else post
        ps = [esc(p) for p in c.paragraphs]
        if parent is not None and r.random() < 0.8:
            ps[0] = mention(parent) + ps[0]
        content = "".join(f"<p>{p}</p>" for p in ps)
        to = (
            f'<div class="reply-context">{ctx.chrome("↩")} {ctx.chrome(s7["reply_to_h"])} '
            f'<a class="u-in-reply-to" href="{target}">{esc(("@" + handle[parent.index]) if parent else ctx.title)}</a></div>'
            if visible_to and parent is not None
            else f'<a class="u-in-reply-to" href="{target}" hidden></a>'
        )
        stats = (
            f'<div class="status-stats"><span class="boosts" title="{attr(s7["boosts"])}">{ctx.chrome("🔁")} {ctx.chrome(str(r.randrange(0, 20)))}</span> '
            f'<span class="favourites" title="{attr(s7["favs"])}">{ctx.chrome("⭐")} {ctx.chrome(str(r.randrange(0, 60)))}</span></div>'
            if counts
            else ""
        )
        full = f"@{handle[c.index]}@{inst[c.index]}"
        items.append(
            f'<{wrapper} class="h-entry fedi-reply" id="reply-{c.index}"><header class="fedi-reply__head">'
            f'<a class="p-author h-card u-url" href="https://{inst[c.index]}/@{handle[c.index]}" rel="nofollow">'
            + (
                f'<img class="u-photo" src="/fedi/{c.index}.png" width="46" height="46" alt="">'
                if r.random() < 0.8
                else ""
            )
            + f'<bdi class="p-name">{esc(c.shown)}</bdi> <span class="p-nickname">{ctx.chrome(full)}</span></a></header>'
            f'{to}<div class="e-content" lang="{ctx.lang}">{content}</div>'
            f'<footer><a class="u-url u-uid" href="{url[c.index]}"><time class="dt-published" datetime="{c.when.isoformat()}Z">'
            f"{esc(c.date_text)}</time></a>{stats}</footer></{wrapper}>"
        )
    lst = "".join(items) if wrapper == "article" else f'<ol class="fedi-replies">{"".join(items)}</ol>'
    return (
        f'<section id="fediverse-comments" class="fedi"><h2>{ctx.chrome(s7["fedi"])}</h2>'
        f'<p class="fedi__how">{ctx.chrome(s7["fedi_how"])} <a href="{post}">{ctx.chrome(s7["copy"])}</a></p>'
        f'{lst}<button class="fedi__more">{ctx.chrome(ctx.say["more"])}</button></section>'
    )


def review_letters(ctx: Ctx, roots: list[GenComment]) -> str:
    """Reader responses in a shop's review layout: a rating summary with a star histogram, each
    response with its star row (text only in an aria-label in some), a title, "Reviewed on
    <date>", a "Verified reader" badge, "N people found this helpful" and Yes/No buttons; the
    newsroom's or other readers' answers set inside the review they answer (one level)."""
    r = ctx.rng
    s7 = _SAY7[ctx.lang]
    _one_level(roots)
    glyphs = r.random() < 0.5  # ★★★★☆ in the text, or empty icons with an aria-label

    def stars(k: int) -> str:
        label = s7["stars"].format(n=k)
        if glyphs:
            return f'<span class="review-stars" title="{attr(label)}">{ctx.chrome("★" * k + "☆" * (5 - k))}</span>'
        icons = "".join(f'<i class="icon-star{"" if i < k else "-empty"}"></i>' for i in range(5))
        return f'<div class="review-stars" role="img" aria-label="{attr(label)}">{icons}<span class="sr-only">{ctx.chrome(label)}</span></div>'

    def response(c: GenComment) -> str:
        return (
            f'<div class="review-response" id="review-{c.index}"><p class="review-response__by">{ctx.chrome(s7["response"])} '
            f'<b>{esc(c.shown)}</b> · <span class="review-response__date">{esc(c.date_text)}</span></p>'
            f'<div class="review-response__text">{paras(c)}</div></div>'
        )

    items, ratings = [], []
    for c in roots:
        k = r.choice([1, 2, 3, 4, 4, 5, 5, 5])
        ratings.append(k)
        helped = r.randrange(0, 80)
        yes, no = s7["yes_no"]
        badge = f'<span class="review-badge">{ctx.chrome(s7["verified"])}</span>' if r.random() < 0.5 else ""
        date_first = r.random() < 0.5
        date = f'<p class="review-date">{ctx.chrome(s7["reviewed"])} {esc(c.date_text)}</p>'
        resp = "".join(response(x) for x in c.children)
        items.append(
            f'<div class="review" id="review-{c.index}" data-rating="{k}"><div class="review-header">'
            + (f'<img class="review-avatar" src="/avatars/{c.index}.png" alt="">' if r.random() < 0.5 else "")
            + f'<span class="review-author">{esc(c.shown)}</span>{badge}</div>'
            f'<div class="review-rating">{stars(k)}<h4 class="review-title">{ctx.chrome(r.choice(s7["titles"]))}</h4></div>'
            + (date if date_first else "")
            + f'<div class="review-body">{paras(c)}</div>'
            + ("" if date_first else date)
            + (
                f'<p class="review-helpful-count">{ctx.chrome(s7["found"].format(n=helped))}</p>'
                if helped
                else ""
            )
            + f'<div class="review-actions"><span>{ctx.chrome(s7["helpful"])}</span> <button>{ctx.chrome(yes)}</button>'
            f"<button>{ctx.chrome(no)}</button> <a>{ctx.chrome(ctx.say['report'])}</a></div>{resp}</div>"
        )
    mean = sum(ratings) / len(ratings)
    show_hist = r.random() < 0.7
    hist = (
        ""
        if not show_hist
        else "".join(
            f'<tr><td>{ctx.chrome(s7["star_row"].format(n=k))}</td><td><div class="bar" style="width:{round(100 * ratings.count(k) / len(ratings))}%"></div></td>'
            f"<td>{ctx.chrome(f'{round(100 * ratings.count(k) / len(ratings))}%')}</td></tr>"
            for k in range(5, 0, -1)
        )
    )
    summary = (
        f'<div class="rating-summary"><h2>{ctx.chrome(s7["reviews"].format(n=len(roots)))}</h2>'
        f'<p class="rating-mean">{ctx.chrome(s7["stars"].format(n=f"{mean:.1f}"))}</p>'
        + (f'<table class="rating-histogram">{hist}</table>' if show_hist else "")
        + f'<a class="btn" href="/review/new">{ctx.chrome(s7["write_review"])}</a></div>'
    )
    tools = (
        f'<div class="review-tools"><select><option>{ctx.chrome(s7["filter"])}</option></select>'
        f"<select><option>{ctx.chrome(ctx.say['sort'])}</option></select></div>"
    )
    return (
        f'<section class="reviews" id="reader-reviews">{summary}{tools}<div class="review-list">{"".join(items)}</div>'
        f'<button class="reviews-more">{ctx.chrome(ctx.say["more"])}</button></section>'
    )


# --- held out, eighth set: written after the seventh set was scored, before its failures were fixed -----
# Words of these families' chrome that `words.SAY`, `_SAY5`, `_SAY6` and `_SAY7` do not have.
_SAY8 = {
    "en": {
        "hide": "Hide replies",
        "staff": "Staff",
        "answers": "{n} Answers",
        "upvote": "Upvote",
        "answered": "Answered",
        "follow": "Follow",
        "views": "{n} views",
        "related": "Related questions",
        "recommended": "Sort: Recommended",
        "creds": ("Retired engineer", "Studied history", "Former council clerk", "Works in logistics"),
        "replied_to": "replied to",
        "writes": "Writes",
        "discussion": "Discussion about this post",
        "restacks": "Restacks",
        "expand": "Expand full comment",
        "top": "Top",
        "latest": "Latest",
        "subscribe": "Subscribe",
        "paid": "Paid subscriber",
        "responses": ("One response to “{t}”", "{n} responses to “{t}”"),
        "awaiting": "Your comment is awaiting moderation.",
        "edit": "Edit",
        "older": "« Older Comments",
        "newer": "Newer Comments »",
        "liked_by": "Liked by {n} people",
        "loading": "Loading...",
        "wrote": "{name} wrote:",
        "said": "{name} said:",
        "joined": "Joined",
        "posts": "Posts",
        "quote": "Quote",
        "post_reply": "Post reply",
        "ranks": ("Member", "Regular", "Newcomer", "Veteran"),
        "sigs": (
            "Sent from my phone, excuse the typos.",
            "Views my own.",
            "Local since 1987.",
            "Carpe diem.",
        ),
    },
    "de": {
        "hide": "Antworten ausblenden",
        "staff": "Redaktion",
        "answers": "{n} Antworten",
        "upvote": "Positiv bewerten",
        "answered": "Beantwortet",
        "follow": "Folgen",
        "views": "{n} Aufrufe",
        "related": "Ähnliche Fragen",
        "recommended": "Sortieren: Empfohlen",
        "creds": (
            "Ingenieur im Ruhestand",
            "Studierte Geschichte",
            "Früher bei der Stadtverwaltung",
            "Arbeitet in der Logistik",
        ),
        "replied_to": "antwortete",
        "writes": "Schreibt",
        "discussion": "Diskussion zu diesem Beitrag",
        "restacks": "Restacks",
        "expand": "Ganzen Kommentar anzeigen",
        "top": "Top",
        "latest": "Neueste",
        "subscribe": "Abonnieren",
        "paid": "Zahlender Abonnent",
        "responses": ("Eine Antwort zu „{t}“", "{n} Antworten zu „{t}“"),
        "awaiting": "Dein Kommentar muss noch freigegeben werden.",
        "edit": "Bearbeiten",
        "older": "« Ältere Kommentare",
        "newer": "Neuere Kommentare »",
        "liked_by": "Gefällt {n} Personen",
        "loading": "Wird geladen …",
        "wrote": "{name} schrieb:",
        "said": "{name} sagte:",
        "joined": "Dabei seit",
        "posts": "Beiträge",
        "quote": "Zitieren",
        "post_reply": "Antwort erstellen",
        "ranks": ("Mitglied", "Stammgast", "Neuling", "Urgestein"),
        "sigs": (
            "Vom Handy gesendet.",
            "Meine Meinung, nicht die meines Arbeitgebers.",
            "Seit 1987 hier.",
            "Carpe diem.",
        ),
    },
    "fr": {
        "hide": "Masquer les réponses",
        "staff": "Rédaction",
        "answers": "{n} réponses",
        "upvote": "Voter pour",
        "answered": "Répondu",
        "follow": "Suivre",
        "views": "{n} vues",
        "related": "Questions associées",
        "recommended": "Trier : Recommandées",
        "creds": (
            "Ingénieur retraité",
            "A étudié l'histoire",
            "Ancien employé municipal",
            "Travaille dans la logistique",
        ),
        "replied_to": "a répondu à",
        "writes": "Écrit",
        "discussion": "Discussion sur cet article",
        "restacks": "Restacks",
        "expand": "Afficher tout le commentaire",
        "top": "Meilleurs",
        "latest": "Récents",
        "subscribe": "S'abonner",
        "paid": "Abonné payant",
        "responses": ("Une réponse à « {t} »", "{n} réponses à « {t} »"),
        "awaiting": "Votre commentaire est en attente de modération.",
        "edit": "Modifier",
        "older": "« Commentaires plus anciens",
        "newer": "Commentaires plus récents »",
        "liked_by": "Aimé par {n} personnes",
        "loading": "Chargement…",
        "wrote": "{name} a écrit :",
        "said": "{name} a dit :",
        "joined": "Inscrit le",
        "posts": "Messages",
        "quote": "Citer",
        "post_reply": "Répondre au sujet",
        "ranks": ("Membre", "Habitué", "Nouveau", "Vétéran"),
        "sigs": ("Envoyé de mon téléphone.", "Avis personnel.", "Ici depuis 1987.", "Carpe diem."),
    },
    "es": {
        "hide": "Ocultar respuestas",
        "staff": "Redacción",
        "answers": "{n} respuestas",
        "upvote": "Votar a favor",
        "answered": "Respondida",
        "follow": "Seguir",
        "views": "{n} visualizaciones",
        "related": "Preguntas relacionadas",
        "recommended": "Ordenar: Recomendadas",
        "creds": (
            "Ingeniero jubilado",
            "Estudió historia",
            "Exfuncionario municipal",
            "Trabaja en logística",
        ),
        "replied_to": "respondió a",
        "writes": "Escribe",
        "discussion": "Debate sobre esta publicación",
        "restacks": "Restacks",
        "expand": "Ver el comentario completo",
        "top": "Destacados",
        "latest": "Recientes",
        "subscribe": "Suscribirse",
        "paid": "Suscriptor de pago",
        "responses": ("Una respuesta a «{t}»", "{n} respuestas a «{t}»"),
        "awaiting": "Tu comentario está pendiente de moderación.",
        "edit": "Editar",
        "older": "« Comentarios anteriores",
        "newer": "Comentarios siguientes »",
        "liked_by": "Les gusta a {n} personas",
        "loading": "Cargando...",
        "wrote": "{name} escribió:",
        "said": "{name} dijo:",
        "joined": "Registrado",
        "posts": "Mensajes",
        "quote": "Citar",
        "post_reply": "Responder",
        "ranks": ("Miembro", "Habitual", "Recién llegado", "Veterano"),
        "sigs": ("Enviado desde mi móvil.", "Opinión personal.", "Vecino desde 1987.", "Carpe diem."),
    },
}


def _ago(ctx: Ctx, c: GenComment) -> tuple[int, int]:
    """How long before the page's now a comment was written: (count, 0 minutes | 1 hours | 2 days)."""
    secs = max(int((ctx.now - c.when).total_seconds()), 60)
    if secs >= 86_400:
        return secs // 86_400, 2
    if secs >= 3600:
        return secs // 3600, 1
    return secs // 60, 0


def vue_scoped(ctx: Ctx, roots: list[GenComment]) -> str:
    """A comment list rendered server-side by a Vue or Svelte app: no class names that say
    anything, every element carrying its component's scope (a data-v-xxxxxxxx attribute, or a
    svelte-xxxxxx class), Vue's fragment markers (<!--[-->, <!--]-->) and empty v-if comments
    (<!---->) left in the page; replies a list inside their comment, rendered by a child
    component whose elements carry a second scope, behind a "N replies" toggle in some."""
    r = ctx.rng
    s8 = _SAY8[ctx.lang]
    svelte = r.random() < 0.4
    hexes = ["".join(r.choice("0123456789abcdef") for _ in range(8)) for _ in range(3)]
    date_first = r.random() < 0.3
    initials = r.random() < 0.4
    toggles = r.random() < 0.5
    tag = r.choice(["ul", "ol", "div"])
    li = "li" if tag != "div" else "div"

    def s(k: int) -> str:
        if svelte:
            return f' class="svelte-{hexes[k][:7]}"'
        return f' data-v-{hexes[k]}=""' + (f' data-v-{hexes[0]}=""' if k and r.random() < 0.3 else "")

    def frag(x: str) -> str:
        return x if svelte else f"<!--[-->{x}<!--]-->"

    empty = "" if svelte else "<!---->"

    def item(c: GenComment, kids: str) -> str:
        k = 1 if c.depth == 0 else 2
        a = s(k)
        if initials:
            pic = f'<div{a} aria-hidden="true">{esc((c.shown or "?")[0].upper())}</div>'
        else:
            pic = f'<img{a} src="/api/avatar/{c.index}?s=48" alt="" width="48" height="48" loading="lazy">'
        badge = f"<span{a}>{ctx.chrome(s8['staff'])}</span>" if r.random() < 0.08 else empty
        edited = f" <span{a}>{ctx.chrome(_SAY6[ctx.lang]['edited'])}</span>" if r.random() < 0.1 else ""
        when = f'<time{a} datetime="{c.when.isoformat()}Z" title="{attr(c.when.strftime("%Y-%m-%d %H:%M"))}">{esc(c.date_text)}</time>{edited}'
        name = f"<span{a}>{esc(c.shown)}</span>"
        head = (
            f"<div{a}>{when}<span{a}>·</span>{name}{badge}</div>"
            if date_first
            else f"<div{a}>{name}{badge}<span{a}>·</span>{when}</div>"
        )
        likes = r.randrange(0, 30)
        bar = (
            f'<div{a}><button{a} type="button" aria-label="{attr(ctx.say["like"])}">{ctx.chrome(f"♡ {likes}")}</button>'
            f'<button{a} type="button">{ctx.chrome(ctx.say["reply"])}</button>'
            + (
                f'<button{a} type="button">{ctx.chrome(ctx.say["report"])}</button>'
                if r.random() < 0.4
                else empty
            )
            + "</div>"
        )
        sub = empty
        if kids:
            n = sum(1 for _ in walk(c.children))
            toggle = (
                f'<button{a} type="button" aria-expanded="true">{ctx.chrome(r.choice([_n_replies(ctx, n), s8["hide"]]))}</button>'
                if toggles
                else ""
            )
            sub = frag(f"{toggle}<{tag}{s(2)}>{kids}</{tag}>")
        text = "".join(f"<p{a}>{esc(p)}</p>" for p in c.paragraphs)
        return f'<{li}{a} id="c-{c.index}">{frag(f"<div{a}>{pic}<div{a}>{head}<div{a}>{text}</div>{bar}</div></div>{sub}")}</{li}>'

    body = nested(roots, item, lambda x: x)
    top = s(0)
    n = len(ctx.all_comments)
    form = (
        f'<form{top}><textarea{top} placeholder="{attr(_SAY6[ctx.lang]["write"])}"></textarea>'
        f'<button{top} type="submit">{ctx.chrome(ctx.say["leave"])}</button></form>'
        if r.random() < 0.5
        else f'<p{top}><a{top} href="/login">{ctx.chrome(ctx.say["login"])}</a></p>'
    )
    more = f'<button{top} type="button">{ctx.chrome(ctx.say["more"])}</button>' if r.random() < 0.6 else empty
    app = "svelte-app" if svelte else "__nuxt"
    return (
        f'<div id="{app}"><section{top}><header{top}><h2{top}>{ctx.chrome(ctx.say["n_comments"].format(n=n))}</h2>'
        f"<select{top}><option{top}>{ctx.chrome(ctx.say['sort'])}</option></select></header>{form}"
        f"{frag(f'<{tag}{top}>{body}</{tag}>')}{more}</section></div>"
    )


def _related(ctx: Ctx) -> str:
    r = ctx.rng
    return "".join(
        f'<li><a href="/q/{i}">{ctx.chrome(words.teaser(r))}</a></li>' for i in range(r.randrange(2, 5))
    )


def answer_feed(ctx: Ctx, roots: list[GenComment]) -> str:
    """Readers' answers in a Q&A site's feed (Zhihu- or Quora-like), no threading: the author's
    one-line credential beside or under the name, the answer date under the text with "Edited"
    or "Published" before it (Zhihu) or beside the credential after a " · " (Quora), upvote
    counts in the action bar; Zhihu's answer card names its author again in a JSON data-zop
    attribute and schema.org <meta> tags; Zhihu's chrome is Chinese, anonymous answers
    "匿名用户"."""
    r = ctx.rng
    s8 = _SAY8[ctx.lang]
    zhihu = r.random() < 0.5
    qid = r.randrange(300_000_000, 600_000_000)
    flat = list(walk(roots))
    items = []
    for c in flat:
        aid = r.randrange(1_000_000_000, 3_000_000_000)
        ups = r.randrange(0, 5000)
        ncom = r.randrange(0, 200)
        cred = r.choice(s8["creds"])
        if zhihu:
            if c.author is None:
                c.shown = "匿名用户"
            if c.date_iso is None:
                n, unit = _ago(ctx, c)
                stamp = f"{n} {('分钟', '小时', '天')[unit]}前"
            else:
                stamp = f"{c.when:%Y-%m-%d %H:%M}"
            label = r.choice(["编辑于", "发布于"])
            zop = attr(
                json.dumps(
                    {"authorName": c.shown, "itemId": aid, "title": ctx.title[:30], "type": "answer"},
                    ensure_ascii=False,
                )
            )
            name = (
                f'<span class="UserLink AuthorInfo-name"><a class="UserLink-link" data-za-detail-view-element="2" href="//www.zhihu.com/people/{_login(c.shown)}">{esc(c.shown)}</a></span>'
                if c.author is not None
                else f'<span class="AuthorInfo-name">{esc(c.shown)}</span>'
            )
            badge = (
                f'<div class="AuthorInfo-detail"><div class="AuthorInfo-badge"><div class="ztext AuthorInfo-badgeText">{ctx.chrome(cred)}</div></div></div>'
                if c.author is not None and r.random() < 0.7
                else ""
            )
            voters = (
                f'<div class="css-h5al4j"><span class="Voters"><button type="button" class="Button Button--plain">{ctx.chrome(f"{ups} 人赞同了该回答")}</button></span></div>'
                if ups and r.random() < 0.6
                else ""
            )
            first = ' data-first-child=""'
            text = "".join(
                f'<p{first if i == 0 else ""} data-pid="{css_hash(r, 8)}">{esc(p)}</p>'
                for i, p in enumerate(c.paragraphs)
            )
            items.append(
                f'<div class="List-item" tabindex="0"><div class="ContentItem AnswerItem" data-za-index="0" data-zop="{zop}" name="{aid}" '
                f'itemprop="answer" itemscope="" itemtype="http://schema.org/Answer"><div class="ContentItem-meta">'
                f'<div class="AuthorInfo AnswerItem-authorInfo AnswerItem-authorInfo--related" itemprop="author" itemscope="" itemtype="http://schema.org/Person">'
                f'<meta itemprop="name" content="{attr(c.shown or "")}"><span class="UserLink AuthorInfo-avatarWrapper"><img class="Avatar AuthorInfo-avatar" width="38" height="38" src="/pic/{c.index}.jpg" alt=""></span>'
                f'<div class="AuthorInfo-content"><div class="AuthorInfo-head">{name}</div>{badge}</div></div>{voters}</div>'
                f'<meta itemprop="upvoteCount" content="{ups}"><meta itemprop="dateCreated" content="{c.when.isoformat()}.000Z"><meta itemprop="commentCount" content="{ncom}">'
                f'<div class="RichContent RichContent--unescapable"><span><div class="RichContent-inner"><div class="css-376mun">'
                f'<span class="RichText ztext CopyrightRichText-richText css-1g0fqss" options="[object Object]" itemprop="text">{text}</span></div></div></span>'
                f'<div><div class="ContentItem-time"><a target="_blank" href="/question/{qid}/answer/{aid}"><span data-tooltip="{attr(label + " " + stamp)}">{ctx.chrome(label)} {esc(stamp)}</span></a></div></div>'
                f'<div class="ContentItem-actions RichContent-actions"><span><button aria-label="赞同 {ups}" type="button" class="Button VoteButton VoteButton--up">{ctx.chrome(f"赞同 {ups}")}</button>'
                f'<button aria-label="反对" type="button" class="Button VoteButton VoteButton--down"></button></span>'
                f'<button type="button" class="Button ContentItem-action">{ctx.chrome(f"{ncom} 条评论" if ncom else "添加评论")}</button>'
                f'<button type="button" class="Button ContentItem-action">{ctx.chrome("分享")}</button>'
                f'<button type="button" class="Button ContentItem-action">{ctx.chrome("收藏")}</button></div></div></div></div>'
            )
        else:
            q = "q-text qu-dynamicFontSize--small"
            name = (
                f'<a class="q-box Link___StyledBox-t2xg9c-0 dFkjrQ puppeteer_test_link qu-color--gray_dark qu-cursor--pointer qu-hover--textDecoration--underline" href="/profile/{_login(c.shown, "-")}">{esc(c.shown)}</a>'
                if c.author is not None
                else f"<span>{esc(c.shown)}</span>"
            )
            follow = (
                f' · <button class="q-click-wrapper qu-color--blue_dark">{ctx.chrome(s8["follow"])}</button>'
                if c.author is not None and r.random() < 0.6
                else ""
            )
            credline = (
                f"<span>{ctx.chrome(cred)}</span> · " if c.author is not None and r.random() < 0.7 else ""
            )
            when = f'<a class="q-box answer_timestamp" href="/answer/{aid}">{ctx.chrome(s8["answered"])} {esc(c.date_text)}</a>'
            text = "".join(
                f'<p class="q-text qu-display--block qu-wordBreak--break-word qu-textAlign--start"><span style="font-weight: normal; font-style: normal; background: none;">{esc(p)}</span></p>'
                for p in c.paragraphs
            )
            votes = f"{ups / 1000:.1f}K" if ups >= 1000 else str(ups)
            items.append(
                f'<div class="q-box dom_annotate_question_answer_item_{len(items)} qu-borderAll qu-borderRadius--small qu-borderColor--raised qu-boxShadow--small qu-bg--raised">'
                f'<div class="q-box qu-pt--medium qu-px--medium qu-pb--tiny"><div class="q-flex qu-alignItems--center">'
                f'<div class="q-box qu-mr--small"><img class="q-image qu-display--block" src="/main-thumb-{c.index}-50.jpg" alt="" width="36" height="36"></div>'
                f'<div class="q-box qu-flex--auto"><div class="{q} qu-bold qu-color--gray_dark">{name}{follow}</div>'
                f'<div class="{q} qu-color--gray_light qu-passColorToLinks">{credline}{when}</div></div></div></div>'
                f'<div class="q-box spacing_log_answer_content puppeteer_test_answer_content"><div class="q-text qu-wordBreak--break-word">'
                f'<div class="q-box qu-userSelect--text">{text}</div></div></div>'
                + (
                    f'<div class="{q} qu-color--gray_light">{ctx.chrome(s8["views"].format(n=r.randrange(100, 90_000)))}</div>'
                    if r.random() < 0.6
                    else ""
                )
                + f'<div class="q-flex qu-justifyContent--space-between qu-alignItems--center"><div class="q-flex">'
                f'<button class="q-click-wrapper qu-borderRadius--pill" aria-label="{attr(s8["upvote"])}"><span>{ctx.chrome(s8["upvote"])}</span><span> · </span><span>{ctx.chrome(votes)}</span></button>'
                f'<button class="q-click-wrapper" aria-label="Downvote"></button><button class="q-click-wrapper"><span>{ctx.chrome(str(ncom))}</span></button></div>'
                f'<button class="q-click-wrapper">{ctx.chrome(ctx.say["share"])}</button></div></div>'
            )
    n = len(flat)
    if zhihu:
        return (
            f'<div class="Question-main"><div class="ListShortcut"><div class="Question-mainColumn"><div id="QuestionAnswers-answers" class="QuestionAnswers-answers">'
            f'<div class="Card AnswersNavWrapper"><div class="List"><div class="List-header"><h4 class="List-headerText"><span>{ctx.chrome(f"{n} 个回答")}</span></h4>'
            f'<div class="List-headerOptions"><button type="button" class="Button Select-button">{ctx.chrome("默认排序")}</button></div></div>'
            f"<div>{''.join(items)}</div></div></div>"
            + (
                f'<div class="Card"><button type="button" class="Button QuestionMainAction">{ctx.chrome(f"查看全部 {n + r.randrange(2, 40)} 个回答")}</button></div>'
                if r.random() < 0.5
                else ""
            )
            + "</div></div></div></div>"
        )
    return (
        f'<div class="q-box qu-pt--medium"><div class="q-flex qu-justifyContent--space-between"><div class="q-text qu-bold">{ctx.chrome(s8["answers"].format(n=n))}</div>'
        f'<button class="q-click-wrapper">{ctx.chrome(s8["recommended"])}</button></div>{"".join(items)}'
        + (
            f'<div class="q-box qu-mt--medium"><div class="q-text qu-bold">{ctx.chrome(s8["related"])}</div><ul>{_related(ctx)}</ul></div>'
            if r.random() < 0.6
            else ""
        )
        + "</div>"
    )


_RU_MONTHS = ("янв", "фев", "мар", "апр", "мая", "июн", "июл", "авг", "сен", "окт", "ноя", "дек")


def vk_widget(ctx: Ctx, roots: list[GenComment]) -> str:
    """A social network's comments widget (VK-like): each comment a `reply` block (the class
    names the comment, not a button) with `reply_author`, `wall_reply_text` and a `reply_date`
    footer; all the replies of a top-level comment in one flat `replies_wrap_deep` list, a reply
    to a reply naming whom it answers by a "replied to <first name>" link to that comment's id
    and, in some, opening its text with the addressee's first name; the chrome Russian, or in
    the page's language."""
    r = ctx.rng
    s8 = _SAY8[ctx.lang]
    russian = r.random() < 0.5
    owner = -r.randrange(10_000_000, 99_000_000)
    ids, k = {}, r.randrange(1000, 90_000)
    for c in walk(roots):
        k += r.randrange(1, 9)
        ids[c.index] = k
    uids = {c.index: r.randrange(1_000_000, 800_000_000) for c in walk(roots)}
    inside = r.random() < 0.6  # the replies' list inside the comment's content, or after it
    mentions = r.random() < 0.6
    if russian:
        w = {
            "reply": "Ответить",
            "like": "Нравится",
            "to": "ответил",
            "count": "{n} комментариев",
            "sort": "Сначала интересные",
            "more": "Показать следующие комментарии",
            "login": "Войдите, чтобы оставить комментарий",
            "next": "Показать ещё {n} ответа",
            "powered": "Комментарии ВКонтакте",
        }
    else:
        w = {
            "reply": ctx.say["reply"],
            "like": ctx.say["like"],
            "to": s8["replied_to"],
            "count": ctx.say["n_comments"],
            "sort": ctx.say["sort"],
            "more": ctx.say["more"],
            "login": ctx.say["login"],
            "next": _SAY5[ctx.lang]["replies"][1],
            "powered": "Powered by VK",
        }

    def stamp(c: GenComment) -> str:
        if not russian:
            return esc(c.date_text)
        if c.date_iso is None:
            n, unit = _ago(ctx, c)
            return f"{n} {('мин.', 'ч.', 'дн.')[unit]} назад"
        return f"{c.when.day} {_RU_MONTHS[c.when.month - 1]} {c.when.year} в {c.when:%H:%M}"

    def first(c: GenComment) -> str:
        return (c.shown or "").split()[0] if c.shown else ""

    def post(c: GenComment, kids: str) -> str:
        pid = f"{owner}_{ids[c.index]}"
        parent = ctx.all_comments[c.parent] if c.parent is not None else None
        deep = parent is not None and parent.depth >= 1
        to = (
            f' <a class="reply_to" href="#post{owner}_{ids[parent.index]}" data-post="{owner}_{ids[parent.index]}">'
            f"{ctx.chrome(w['to'] + ' ' + first(parent))}</a>"
            if deep
            else ""
        )
        ps = [esc(p) for p in c.paragraphs]
        if deep and mentions:
            # the addressee is part of the message as written ("[id|Name], ..."): not chrome
            ps[0] = f'<a href="/id{uids[parent.index]}" class="mem_link">{esc(first(parent))}</a>, ' + ps[0]
        likes = r.randrange(0, 40)
        pic = (
            f'<a class="reply_image" href="/id{uids[c.index]}"><img class="reply_img" src="/u/{uids[c.index]}.jpg" alt="{attr(c.shown or "")}"></a>'
            if r.random() < 0.85
            else ""
        )
        foot = (
            f'<div class="reply_footer"><div class="reply_date"><a class="wd_lnk" href="?reply={ids[c.index]}"><span class="rel_date">{stamp(c)}</span></a>{to}</div>'
            f'<div class="reply_actions"><a class="reply_link">{ctx.chrome(w["reply"])}</a>'
            f'<div class="like_wrap"><a class="like_btn like _like"><span class="like_button_label">{ctx.chrome(w["like"])}</span>'
            f'<span class="like_button_count">{ctx.chrome(str(likes)) if likes else ""}</span></a></div></div></div>'
        )
        sub = (
            f'<div class="replies_wrap_deep"><div class="replies_list_deep">{kids}</div></div>'
            if kids
            else ""
        )
        cls = "reply reply_dived clear" + (" reply_deep" if c.depth else "")
        return (
            f'<div class="{cls}" id="post{pid}" data-post-id="{pid}" onclick="wall.replyClick(event)">'
            f'<div class="reply_wrap _reply_wrap">{pic}<div class="reply_content">'
            f'<div class="reply_author"><a class="author" href="/id{uids[c.index]}" data-from-id="{uids[c.index]}">{esc(c.shown)}</a></div>'
            f'<div class="reply_text"><div id="wpt{pid}"><div class="wall_reply_text">{"<br><br>".join(ps)}</div></div></div>'
            f"{foot}{sub if inside else ''}</div></div>{'' if inside else sub}</div>"
        )

    threads = []
    for root in roots:
        under = list(walk(root.children))
        kids = "".join(post(c, "") for c in under)
        if under and r.random() < 0.2:
            kids += f'<a class="replies_next">{ctx.chrome(w["next"].format(n=r.randrange(2, 9)))}</a>'
        threads.append(post(root, kids))
    n = len(ctx.all_comments)
    return (
        f'<div id="vk_comments" class="wcomments_page"><div class="wcomments_head clear_fix">'
        f'<span class="wcomments_count">{ctx.chrome(w["count"].format(n=n))}</span>'
        f'<a class="wcomments_sort">{ctx.chrome(w["sort"])}</a></div>'
        + (
            f'<div class="wcomments_form"><div class="wcomments_login">{ctx.chrome(w["login"])}</div></div>'
            if r.random() < 0.6
            else ""
        )
        + f'<div id="wcomments_posts" class="wcomments_posts">{"".join(threads)}</div>'
        f'<a class="wcomments_more" id="wcomments_more">{ctx.chrome(w["more"])}</a>'
        + (f'<div class="wcomments_footer">{ctx.chrome(w["powered"])}</div>' if r.random() < 0.5 else "")
        + "</div>"
    )


def substack_thread(ctx: Ctx, roots: list[GenComment]) -> str:
    """A newsletter platform's discussion (Substack-like): nested comment-list-items, a
    collapser line element beside each reply list, the commenter's own publication as a
    "Writes <name>" line under the name for some, subscriber badges, like counts and "Reply" /
    "Share" links, "Expand full comment" on long comments, deleted comments left in the list
    as placeholders."""
    r = ctx.rng
    s7, s8 = _SAY7[ctx.lang], _SAY8[ctx.lang]
    pubs = r.random() < 0.7
    date_line = r.random() < 0.4  # the date on a line of its own under the name, or after it

    def meta(c: GenComment) -> str:
        slug = _login(c.shown, "-")
        uid = 1_000_000 + 7 * c.index
        name = (
            f'<a href="https://substack.com/profile/{uid}-{slug}" class="comment-actor-name">{esc(c.shown)}</a>'
            if c.author is not None
            else f'<span class="comment-actor-name">{esc(c.shown)}</span>'
        )
        badge = (
            f'<span class="subscriber-badge" title="{attr(s8["paid"])}">{ctx.chrome(s8["paid"])}</span>'
            if r.random() < 0.15
            else ""
        )
        when = f'<a class="comment-date" href="#comment-{uid}" title="{c.when.isoformat()}.000Z">{esc(c.date_text)}</a>'
        pub = ""
        if pubs and c.author is not None and r.random() < 0.3:
            pub_name = words.site_name(r)
            ctx.boilerplate.append(f"{s8['writes']} {pub_name}")
            pub = (
                f'<div class="commenter-publication">{ctx.chrome(s8["writes"])} '
                f'<a href="https://{_login(pub_name)}.substack.com">{ctx.chrome(pub_name)}</a></div>'
            )
        if date_line:
            return f'<div class="comment-meta"><span class="commenter-name">{name}{badge}</span>{pub}<div>{when}</div></div>'
        return f'<div class="comment-meta"><span class="commenter-name">{name}{badge}</span><span class="dot">·</span>{when}{pub}</div>'

    def deleted(kids: str) -> str:
        return (
            f'<div class="comment-list-item"><div class="comment comment-deleted"><div class="comment-content">'
            f'<div class="comment-body"><i>{ctx.chrome(s7["deleted"])}</i></div></div></div>{kids}</div>'
        )

    def item(c: GenComment, kids: str) -> str:
        likes = r.randrange(0, 60)
        long = sum(len(p) for p in c.paragraphs) > 400
        sub = (
            f'<div class="comment-list"><div class="comment-list-collapser"><div class="comment-list-collapser-line"></div></div>'
            f'<div class="comment-list-items">{kids}</div></div>'
            if kids
            else ""
        )
        pic = (
            f'<div class="profile-hover-card-target"><a class="comment-user-head" href="#"><img class="comment-avatar" '
            f'src="/img/profile/{c.index}.jpg" width="32" height="32" alt=""></a></div>'
            if r.random() < 0.8
            else '<div class="comment-user-head"><div class="comment-avatar-empty"></div></div>'
        )
        return (
            f'<div class="comment-list-item"><div class="comment" id="comment-{1_000_000 + 7 * c.index}"><div class="comment-anchor"></div>'
            f'<div class="comment-content">{pic}<div class="comment-main">{meta(c)}'
            f'<div class="comment-body{" truncated" if long else ""}">{paras(c)}</div>'
            + (f'<button class="comment-expand">{ctx.chrome(s8["expand"])}</button>' if long else "")
            + f'<div class="comment-actions"><a class="like-button" role="button"><svg width="16" height="16"></svg>'
            f'<span class="like-count">{ctx.chrome(str(likes)) if likes else ""}</span></a>'
            f'<a class="reply-button" role="button">{ctx.chrome(ctx.say["reply"])}</a>'
            f'<a class="share-button" role="button">{ctx.chrome(ctx.say["share"])}</a></div></div></div></div>{sub}</div>'
        )

    parts = []
    for root in roots:
        one = nested([root], item, lambda k: k)
        parts.append(one)
        if r.random() < 0.06:
            parts.append(deleted(""))
    n = len(ctx.all_comments)
    tabs = (
        f'<div class="comments-tabs"><a class="tab active">{ctx.chrome(ctx.say["comments"])}</a>'
        f'<a class="tab">{ctx.chrome(s8["restacks"])}</a></div>'
    )
    gate = (
        f'<div class="comment-input-gate"><p>{ctx.chrome(_SAY6[ctx.lang]["write"])}</p>'
        f'<a class="button primary" href="/subscribe">{ctx.chrome(s8["subscribe"])}</a></div>'
        if r.random() < 0.6
        else ""
    )
    sort = (
        f'<div class="comments-sort"><button class="active">{ctx.chrome(s8["top"])}</button>'
        f"<button>{ctx.chrome(s8['latest'])}</button></div>"
        if r.random() < 0.6
        else ""
    )
    return (
        f'<div class="comments-page"><div class="container"><h4 class="comments-heading">{ctx.chrome(s8["discussion"])}</h4>'
        f"{tabs}{gate}{sort}"
        f'<div class="comments-list"><div class="comment-list-items">{"".join(parts)}</div></div>'
        + (
            f'<button class="more-comments">{ctx.chrome(_n_replies(ctx, n + r.randrange(2, 30)))}</button>'
            if r.random() < 0.3
            else ""
        )
        + f"<p>{ctx.chrome(ctx.say['n_comments'].format(n=n))}</p></div></div>"
    )


def wp_blocks(ctx: Ctx, roots: list[GenComment]) -> str:
    """A WordPress block theme's comments (the Comment Template block): each comment laid out in
    group and column blocks, its parts in separate blocks (wp-block-comment-author-name,
    -comment-date, -comment-content, -comment-reply-link) whose order the theme chooses (the
    date above the name, or the name and date under the text), replies in <ol class="children">,
    Jetpack's "Like" row and "Liked by N people" under some texts, a pagination block."""
    r = ctx.rng
    s8 = _SAY8[ctx.lang]
    order = r.choice(["name-date-text", "date-name-text", "text-name-date"])
    columns = r.random() < 0.6
    likes = r.random() < 0.4
    edit = r.random() < 0.3
    lay = "is-layout-flow wp-block-group-is-layout-flow"
    small = "has-small-font-size"

    def item(c: GenComment, kids: str) -> str:
        cid = 40 + 3 * c.index
        parity = "even" if c.index % 2 == 0 else "odd"
        name = (
            f'<a rel="external nofollow ugc" href="https://example.net/~{_login(c.shown)}" target="_self">{esc(c.shown)}</a>'
            if c.author is not None and r.random() < 0.6
            else esc(c.shown)
        )
        author = f'<div class="wp-block-comment-author-name {small}">{name}</div>'
        date = (
            f'<div class="wp-block-comment-date {small}"><time datetime="{c.when.isoformat()}+00:00">'
            f'<a href="#comment-{cid}">{esc(c.date_text)}</a></time></div>'
        )
        if edit:
            date = (
                f'<div class="wp-block-group is-nowrap is-layout-flex wp-block-group-is-layout-flex" style="margin-top:0px;margin-bottom:0px">'
                f'{date}<div class="wp-block-comment-edit-link {small}"><a class="comment-edit-link" href="/wp-admin/comment.php?c={cid}">'
                f"{ctx.chrome(s8['edit'])}</a></div></div>"
            )
        liked = ""
        if likes and r.random() < 0.6:
            n = r.randrange(0, 12)
            liked = (
                f'<p class="comment-likes"><a class="comment-like-link needs-login" rel="nofollow" href="#">{ctx.chrome(ctx.say["like"])}</a>'
                + (
                    f'<span class="comment-like-feedback">{ctx.chrome(s8["liked_by"].format(n=n))}</span>'
                    if n > 1
                    else ""
                )
                + "</p>"
            )
        wait = (
            f'<em class="comment-awaiting-moderation">{ctx.chrome(s8["awaiting"])}</em>'
            if r.random() < 0.04
            else ""
        )
        content = f'<div class="wp-block-comment-content">{wait}{paras(c)}{liked}</div>'
        reply = (
            f'<div class="wp-block-comment-reply-link {small}"><a rel="nofollow" class="comment-reply-link" href="#comment-{cid}" '
            f'data-commentid="{cid}" data-postid="{r.randrange(100, 9000)}" data-belowelement="comment-{cid}" '
            f'data-respondelement="respond" aria-label="{attr(ctx.say["reply"] + " " + (c.shown or ""))}">{ctx.chrome(ctx.say["reply"])}</a></div>'
        )
        if order == "name-date-text":
            parts = author + date + content
        elif order == "date-name-text":
            parts = date + author + content
        else:
            parts = content + (
                f'<div class="wp-block-group is-layout-flex wp-block-group-is-layout-flex">{author}{date}</div>'
            )
        parts += reply
        pic = (
            f'<div class="wp-block-avatar"><img alt="" src="/gravatar/{c.index}?s=40&amp;d=mm" '
            f'class="avatar avatar-40 photo wp-block-avatar__image" height="40" width="40" style="border-radius:20px"></div>'
        )
        if columns:
            inner = (
                f'<div class="wp-block-columns is-layout-flex wp-container-core-columns-is-layout-1 wp-block-columns-is-layout-flex">'
                f'<div class="wp-block-column is-vertically-aligned-top is-layout-flow wp-block-column-is-layout-flow" style="flex-basis:40px">{pic}</div>'
                f'<div class="wp-block-column is-layout-flow wp-block-column-is-layout-flow">{parts}</div></div>'
            )
        else:
            inner = parts
        kids_html = f'<ol class="children">{kids}</ol>' if kids else ""
        return (
            f'<li id="comment-{cid}" class="comment {parity} thread-{parity} depth-{c.depth + 1}">'
            f'<div class="wp-block-group {lay}" style="margin-top:0;margin-bottom:var(--wp--preset--spacing--50)">{inner}</div>'
            f"{kids_html}</li>"
        )

    body = nested(roots, item, lambda k: k)
    n = len(ctx.all_comments)
    one, many = s8["responses"]
    title = (one if n == 1 else many).format(n=n, t=ctx.title)
    pages = (
        f'<nav class="wp-block-comments-pagination is-layout-flex wp-block-comments-pagination-is-layout-flex" aria-label="Comments pagination">'
        f'<a href="?cpage=1#comments" class="wp-block-comments-pagination-previous">{ctx.chrome(s8["older"])}</a>'
        f'<div class="wp-block-comments-pagination-numbers"><a class="page-numbers" href="?cpage=1">{ctx.chrome("1")}</a> '
        f'<span aria-current="page" class="page-numbers current">{ctx.chrome("2")}</span></div></nav>'
        if r.random() < 0.3
        else ""
    )
    form = (
        f'<div id="respond" class="comment-respond wp-block-post-comments-form"><h3 id="reply-title" class="comment-reply-title">'
        f'{ctx.chrome(ctx.say["leave"])}</h3><form class="comment-form"><p class="comment-notes">'
        f'{ctx.chrome("Your email address will not be published.")}</p><textarea name="comment"></textarea>'
        f'<p class="form-submit wp-block-button"><input name="submit" type="submit" class="wp-block-button__link wp-element-button" value="Post Comment"></p></form></div>'
        if r.random() < 0.7
        else ""
    )
    return (
        f'<div class="wp-block-comments wp-block-comments-query-loop" id="comments">'
        f'<h2 class="wp-block-comments-title">{ctx.chrome(title)}</h2>'
        f'<ol class="wp-block-comment-template">{body}</ol>{pages}{form}</div>'
    )


def forum_quotes(ctx: Ctx, roots: list[GenComment]) -> str:
    """A discussion forum's topic under an article (Flarum-, NodeBB- or Invision-like, not
    phpBB): an <article> per post with an <aside> user card (avatar, name, rank, joined, post
    count), the date and post number in the post's header; no nesting: a reply opens with a
    <blockquote> of the post it answers, headed "<name> wrote:" (or "said:") and linked to that
    post's id, the quote holding that post's first words; signatures under a rule for some
    members."""
    r = ctx.rng
    s8 = _SAY8[ctx.lang]
    _as_handles(roots, r.choice(["", "_", "-"]))
    like = ctx.say["like"]
    flat = list(walk(roots))
    pids, k = {}, r.randrange(10_000, 900_000)
    for c in flat:
        k += r.randrange(1, 40)
        pids[c.index] = k
    verb = r.choice(["wrote", "said"])
    cut = r.random() < 0.6  # quote the first sentence(s) only, or the whole first paragraph
    sigs = {c.shown: r.choice(s8["sigs"]) for c in flat if r.random() < 0.3}
    card_first = r.random() < 0.7
    joined = {
        c.shown: f"{words.MONTHS[ctx.lang][r.randrange(12)][:3]} {r.randrange(2008, 2023)}" for c in flat
    }
    counts = {c.shown: r.randrange(1, 9000) for c in flat}

    def quote(p: GenComment) -> str:
        text = p.paragraphs[0]
        if cut and len(text) > 120:
            text = text[:120].rsplit(" ", 1)[0] + " …"
        head = s8[verb].format(name=p.shown)
        return (
            f'<blockquote class="post-quote" data-quote-pid="{pids[p.index]}" data-quote-author="{attr(p.shown or "")}">'
            f'<div class="post-quote__head"><a href="#post-{pids[p.index]}">{ctx.chrome(head)}</a></div>'
            f'<div class="post-quote__body"><p>{esc(text)}</p></div></blockquote>'
        )

    posts = []
    for i, c in enumerate(flat):
        pid = pids[c.index]
        rank = ctx.chrome(r.choice(s8["ranks"]))
        card = (
            f'<aside class="post-user"><img class="post-user__avatar" src="/avatars/{c.index}.png" width="64" height="64" alt="">'
            f'<a class="post-user__name" href="/members/{attr(c.shown or "")}.{pid % 9973}/">{esc(c.shown)}</a>'
            f'<span class="post-user__rank">{rank}</span><dl class="post-user__stats">'
            f"<dt>{ctx.chrome(s8['joined'])}</dt><dd>{ctx.chrome(joined[c.shown])}</dd>"
            f"<dt>{ctx.chrome(s8['posts'])}</dt><dd>{ctx.chrome(f'{counts[c.shown]:,}')}</dd></dl></aside>"
        )
        head = (
            f'<header class="post-head"><a class="post-permalink" href="#post-{pid}">{ctx.chrome(f"#{i + 2}")}</a> '
            f'<time class="post-time" datetime="{c.when.isoformat()}Z" title="{attr(c.date_text)}">{esc(c.date_text)}</time></header>'
        )
        q = quote(ctx.all_comments[c.parent]) if c.parent is not None else ""
        sig = (
            f'<div class="post-signature"><hr><small>{ctx.chrome(sigs[c.shown])}</small></div>'
            if c.shown in sigs
            else ""
        )
        acts = (
            f'<footer class="post-actions"><button>{ctx.chrome(s8["quote"])}</button><button>{ctx.chrome(ctx.say["reply"])}</button>'
            f"<button>{ctx.chrome(ctx.say['report'])}</button>"
            + (f"<span>{ctx.chrome(like + f' ({r.randrange(1, 30)})')}</span>" if r.random() < 0.4 else "")
            + "</footer>"
        )
        main = f'<div class="post-main">{head}<div class="post-text">{q}{paras(c)}</div>{sig}{acts}</div>'
        posts.append(
            f'<article class="forum-post" id="post-{pid}" data-post-id="{pid}" data-author="{attr(c.shown or "")}">'
            + (card + main if card_first else main + card)
            + "</article>"
        )
    topic = "Re: " + " ".join(ctx.title.split()[:6])
    return (
        f'<div class="topic" id="topic-comments"><div class="topic-head"><h2 class="topic-title">{ctx.chrome(topic)}</h2>'
        f'<p class="topic-stats">{ctx.chrome(ctx.say["n_comments"].format(n=len(flat)))}</p></div>'
        f'<div class="topic-posts">{"".join(posts)}</div>'
        f'<div class="topic-foot"><a class="button" href="/reply">{ctx.chrome(s8["post_reply"])}</a>'
        + (f' <a href="/login">{ctx.chrome(ctx.say["login"])}</a>' if r.random() < 0.5 else "")
        + "</div></div>"
    )


# --- held out, ninth set: written after the eighth set was scored, before its failures were fixed -------
# Words of these families' chrome that `words.SAY` and `_SAY5`..`_SAY8` do not have.
_SAY9 = {
    "en": {
        "quote": "Quote",
        "add": "Add comment",
        "rss": "RSS feed for comments to this post",
        "refresh": "Refresh comments list",
        "rep": "Reputation",
        "email_sub": "Subscribe to comments by email",
        "login_with": "Login with:",
        "guidelines": "Read our community guidelines",
        "sort_popular": "Sort by: Popular",
        "relevant": "Most relevant",
        "top_fan": "Top fan",
        "view_all": "View all {n} replies",
        "comment_by": "Comment by {name}",
        "reply_by": "Reply by {name} to {to}'s comment",
        "responses": "Responses ({n})",
        "thoughts": "What are your thoughts?",
        "see_all": "See all responses",
    },
    "de": {
        "quote": "Zitieren",
        "add": "Kommentar hinzufügen",
        "rss": "RSS-Feed für Kommentare zu diesem Beitrag",
        "refresh": "Kommentarliste aktualisieren",
        "rep": "Reputation",
        "email_sub": "Kommentare per E-Mail abonnieren",
        "login_with": "Anmelden mit:",
        "guidelines": "Lesen Sie unsere Community-Richtlinien",
        "sort_popular": "Sortieren: Beliebt",
        "relevant": "Relevanteste",
        "top_fan": "Top-Fan",
        "view_all": "Alle {n} Antworten ansehen",
        "comment_by": "Kommentar von {name}",
        "reply_by": "Antwort von {name} auf den Kommentar von {to}",
        "responses": "Antworten ({n})",
        "thoughts": "Was denkst du?",
        "see_all": "Alle Antworten ansehen",
    },
    "fr": {
        "quote": "Citer",
        "add": "Ajouter un commentaire",
        "rss": "Flux RSS des commentaires de cet article",
        "refresh": "Actualiser la liste des commentaires",
        "rep": "Réputation",
        "email_sub": "S'abonner aux commentaires par e-mail",
        "login_with": "Se connecter avec :",
        "guidelines": "Lisez notre charte de la communauté",
        "sort_popular": "Trier : Populaires",
        "relevant": "Les plus pertinents",
        "top_fan": "Fan assidu",
        "view_all": "Voir les {n} réponses",
        "comment_by": "Commentaire de {name}",
        "reply_by": "Réponse de {name} au commentaire de {to}",
        "responses": "Réponses ({n})",
        "thoughts": "Qu'en pensez-vous ?",
        "see_all": "Voir toutes les réponses",
    },
    "es": {
        "quote": "Citar",
        "add": "Añadir comentario",
        "rss": "Canal RSS de los comentarios de esta entrada",
        "refresh": "Actualizar la lista de comentarios",
        "rep": "Reputación",
        "email_sub": "Suscribirse a los comentarios por correo",
        "login_with": "Iniciar sesión con:",
        "guidelines": "Lee nuestras normas de la comunidad",
        "sort_popular": "Ordenar: Populares",
        "relevant": "Más relevantes",
        "top_fan": "Fan destacado",
        "view_all": "Ver las {n} respuestas",
        "comment_by": "Comentario de {name}",
        "reply_by": "Respuesta de {name} al comentario de {to}",
        "responses": "Respuestas ({n})",
        "thoughts": "¿Qué opinas?",
        "see_all": "Ver todas las respuestas",
    },
}


def lobsters_tree(ctx: Ctx, roots: list[GenComment]) -> str:
    """A link aggregator's story comments (Lobsters-like): each comment a `comments_subtree` <li>
    opening with a hidden checkbox and a <label> that fold the subtree, a vote column (an empty
    upvote link and the score) before the details; one byline line holding the avatar, the login,
    the date as a relative time with the timestamp in a title, hats, and the actions between
    "|" separators; replies in a nested <ol class="comments">. The site's chrome is English."""
    r = ctx.rng
    _as_handles(roots, r.choice(["_", "", "-"]))
    sids = {c.index: css_hash(r, 6) for c in walk(roots)}
    avatars = r.random() < 0.7
    tree_lines = r.random() < 0.5
    scores = r.random() < 0.8
    hats = r.random() < 0.3

    def item(c: GenComment, kids: str) -> str:
        sid = sids[c.index]
        user = attr(c.shown or "")
        pic = (
            f'<a href="/~{user}" tabindex="-1"><img srcset="/avatars/{user}-32.png 2x" class="avatar" alt="{user} avatar" '
            f'loading="lazy" decoding="async" src="/avatars/{user}-16.png" width="16" height="16"></a> '
            if avatars
            else ""
        )
        hat = (
            f'<span class="hat hat_{css_hash(r, 4)}" title="{attr(ctx.site)}">{ctx.chrome(r.choice(["Staff", "Sysop", "Author"]))}</span> '
            if hats and r.random() < 0.2
            else ""
        )
        score = (
            f'<div class="score">{ctx.chrome(str(r.randrange(1, 40)))}</div>'
            if scores
            else '<div class="score">~</div>'
        )
        acts = [("link", f"/c/{sid}")]
        if c.parent is not None:
            acts.append(("parent", f"#c_{sids[c.parent]}"))
        acts += [("flag", "/login"), ("reply", "/login")]
        actions = "".join(f' | <a href="{h}">{ctx.chrome(a)}</a>' for a, h in acts)
        line = (
            f'<div class="comment_parent_tree_line{" score_shown" if scores else ""}"></div>'
            if tree_lines
            else ""
        )
        sub = f'<ol class="comments">{kids}</ol>' if kids else '<ol class="comments"></ol>'
        return (
            f'<li class="comments_subtree"><input id="comment_folder_{sid}" class="comment_folder_button" type="checkbox" autocomplete="off">'
            f'<div id="c_{sid}" class="comment" data-shortid="{sid}"><label for="comment_folder_{sid}" class="comment_folder"></label>'
            f'<div class="voters"><a class="upvoter" href="/login"></a>{score}</div><div class="details"><div class="byline">'
            f'{pic}<a class="" href="/~{user}">{esc(c.shown)}</a> {hat}<a href="/c/{sid}"><span title="{c.when:%Y-%m-%d %H:%M:%S} -0000">{esc(c.date_text)}</span></a>'
            f'<span class="comment_actions">{actions}</span></div>'
            f'<div class="comment_text">{paras(c)}</div></div></div>{line}{sub}</li>'
        )

    body = nested(roots, item, lambda k: k)
    n = len(ctx.all_comments)
    head = (
        f'<div class="story_comments_header"><h2>{ctx.chrome(f"{n} comment" + ("" if n == 1 else "s"))}</h2></div>'
        if r.random() < 0.5
        else ""
    )
    login = (
        f'<div class="comment_form_container"><p>{ctx.chrome("Log in or sign up to comment.")}</p></div>'
        if r.random() < 0.6
        else ""
    )
    return f'<div id="story_comments">{head}{login}<ol class="comments comments1">{body}</ol></div>'


def jcomments(ctx: Ctx, roots: list[GenComment]) -> str:
    """A Joomla site's JComments list in tree mode: each comment an even/odd item whose box is
    wrapped in the old rounded-corner divs (empty rbox_tr/tl/t and rbox_br/bl/b rows around the
    content), a "#N" anchor, an optional title line, the author and date, the text with <br>
    breaks, "Reply | Quote" links and a +/- vote; replies in a `comments-list` inside or right
    after their parent's item."""
    r = ctx.rng
    s9 = _SAY9[ctx.lang]
    corners = r.random() < 0.6
    kids_inside = r.random() < 0.5
    titles = r.random() < 0.35
    votes = r.random() < 0.6
    anchor_first = r.random() < 0.5
    ids = {c.index: 340 + 7 * c.index + r.randrange(0, 5) for c in walk(roots)}

    def box(x: str) -> str:
        if not corners:
            return x
        return (
            '<div class="rbox"><div class="rbox_tr"><div class="rbox_tl"><div class="rbox_t">&nbsp;</div></div></div>'
            f'<div class="rbox_m">{x}</div>'
            '<div class="rbox_br"><div class="rbox_bl"><div class="rbox_b">&nbsp;</div></div></div></div>'
        )

    def item(c: GenComment, kids: str) -> str:
        cid = ids[c.index]
        anchor = f'<a class="comment-anchor" href="#comment-{cid}" id="comment-{cid}">{ctx.chrome(f"#{c.index + 1}")}</a>'
        title = (
            f'<span class="comment-title">{ctx.chrome(words.teaser(r))}</span> &mdash; '
            if titles and r.random() < 0.6
            else ""
        )
        who = f'<span class="comment-author">{esc(c.shown)}</span>'
        when = f'<small class="comment-date">{esc(c.date_text)}</small>'
        head = (
            (anchor + " " + title + who + " " + when)
            if anchor_first
            else (title + who + " " + when + " " + anchor)
        )
        vote = ""
        if votes:
            good, poor = r.randrange(0, 9), r.randrange(0, 4)
            vote = (
                f'<span class="comments-vote"><span id="comment-vote-holder-{cid}"><a class="vote-good" href="#">{ctx.chrome("+")}</a>'
                f'<span class="vote-{"good" if good >= poor else "poor"}">{ctx.chrome(f"{good - poor:+d}")}</span>'
                f'<a class="vote-poor" href="#">{ctx.chrome("−")}</a></span></span>'
            )
        pic = (
            '<div class="comment-avatar"><img src="/components/com_jcomments/images/no_avatar.png" alt=""></div>'
            if r.random() < 0.5
            else ""
        )
        inner = (
            f'<div class="comment-box{" avatar-indent" if pic else ""}">{pic}{vote}{head}'
            f'<div class="comment-body" id="comment-body-{cid}">{br_text(c)}</div>'
            f'<span class="comments-buttons"><a href="#" onclick="jcomments.showReply({cid}); return false;">{ctx.chrome(ctx.say["reply"])}</a>'
            f' | <a href="#" onclick="jcomments.quoteComment({cid}); return false;">{ctx.chrome(s9["quote"])}</a></span></div>'
            '<div class="clear"></div>'
        )
        parity = "even" if c.index % 2 == 0 else "odd"
        sub = f'<div class="comments-list" id="comments-list-{cid}">{kids}</div>' if kids else ""
        if kids_inside:
            return f'<div class="{parity}" id="comment-item-{cid}">{box(inner)}{sub}</div>'
        return f'<div class="{parity}" id="comment-item-{cid}">{box(inner)}</div>{sub}'

    body = nested(roots, item, lambda k: k)
    n = len(ctx.all_comments)
    tools = (
        f'<a class="refresh" href="#" title="{attr(s9["refresh"])}">&nbsp;</a>'
        f'<a class="rss" href="/index.php?option=com_jcomments&amp;task=rss" title="{attr(s9["rss"])}">&nbsp;</a>'
    )
    form = (
        f'<a id="addcomments" href="#addcomments"></a><form id="comments-form" name="comments-form"><h4>{ctx.chrome(s9["add"])}</h4>'
        f'<p><textarea id="comments-form-comment" name="comment"></textarea></p><div id="comments-form-buttons"><div class="btn">'
        f'<div><a href="#">{ctx.chrome("Send")}</a></div></div></div></form>'
        if r.random() < 0.6
        else ""
    )
    powered = (
        f'<div id="comments-footer" align="center"><a href="https://www.joomlatune.ru" title="JComments">{ctx.chrome("JComments")}</a></div>'
        if r.random() < 0.6
        else ""
    )
    return (
        f'<script type="text/javascript">var jcomments=new JComments(0,"com_content","/index.php");</script>'
        f'<div id="jc"><div id="comments"><h4>{ctx.chrome(ctx.say["comments"] + f" ({n})")}</h4>{tools}'
        f'<div class="comments-list" id="comments-list-0">{body}</div><div id="comments-list-footer">'
        f'<a class="refresh" href="#">{ctx.chrome(s9["refresh"])}</a></div></div>{form}{powered}</div>'
    )


def idc_threads(ctx: Ctx, roots: list[GenComment]) -> str:
    """A hosted comment system's section (IntenseDebate-like): abbreviated class names (idc-c,
    idc-c-h, idc-c-t, idc-c-b), each comment's header laid out as a one-row <table> in some
    versions (avatar cell, name with reputation points and the date, a vote cell) or divs in
    others, the text under the header, an `idc-thread` per comment holding it and its replies'
    threads; login row, subscribe links and "Comments by IntenseDebate" around the list."""
    r = ctx.rng
    s9 = _SAY9[ctx.lang]
    table = r.random() < 0.6
    rep = r.random() < 0.6
    votes_right = r.random() < 0.5
    ids = {c.index: r.randrange(100_000_000, 900_000_000) for c in walk(roots)}

    def item(c: GenComment, kids: str) -> str:
        cid = ids[c.index]
        pts = r.randrange(0, 300)
        name = (
            f'<a class="idc-cite" href="https://intensedebate.com/people/{attr(_login(c.shown))}">{esc(c.shown)}</a>'
            if c.author is not None
            else f'<span class="idc-anonymous">{esc(c.shown)}</span>'
        )
        points = (
            f' <span class="idc-rep" title="{attr(s9["rep"])}">{ctx.chrome(f"{pts}p")}</span>'
            if rep and c.author is not None
            else ""
        )
        when = (
            f'<a class="idc-time" href="#IDComment{cid}" title="{c.when.isoformat()}">{esc(c.date_text)}</a>'
        )
        score = r.randrange(-2, 12)
        vote = (
            f'<span class="idc-v"><a class="idc-v-up" href="#">{ctx.chrome("+")}</a>'
            f'<span class="idc-v-total">{ctx.chrome(str(score))}</span><a class="idc-v-down" href="#">{ctx.chrome("-")}</a></span>'
        )
        pic = f'<img class="idc-avatar" src="/idc/avatar/{c.index}.png" width="35" height="35" alt="">'
        if table:
            cells = [
                f'<td class="idc-a">{pic}</td>',
                f'<td class="idc-i">{name}{points}<br>{when}</td>',
                f'<td class="idc-c-v">{vote}</td>',
            ]
            if not votes_right:
                cells = [cells[2], cells[0], cells[1]]
            head = f'<div class="idc-c-h"><table class="idc-c-h-t" cellspacing="0" cellpadding="0"><tr>{"".join(cells)}</tr></table></div>'
        else:
            head = (
                f'<div class="idc-c-h"><div class="idc-a">{pic}</div><div class="idc-i">{name}{points} '
                f'<span class="idc-sep">{ctx.chrome("·")}</span> {when}</div>{vote}</div>'
            )
        text = f'<div class="idc-c-t"><div class="idc-c-t-inner">{paras(c)}</div></div>'
        buttons = (
            f'<div class="idc-c-b"><a class="idc-btn_s" href="#"><span>{ctx.chrome(ctx.say["reply"])}</span></a>'
            f'<a class="idc-btn_s" href="#"><span>{ctx.chrome(ctx.say["report"])}</span></a></div>'
        )
        depth = min(c.depth, 5)
        sub = f'<div class="idc-thread-children">{kids}</div>' if kids else ""
        return (
            f'<div class="idc-thread" id="idc-thread-{cid}"><div id="IDComment{cid}" class="idc-c idc-c-{depth}{" idc-anon" if c.author is None else ""}">'
            f'{head}<div class="idc-c-m">{text}{buttons}</div></div>{sub}</div>'
        )

    body = nested(roots, item, lambda k: k)
    n = len(ctx.all_comments)
    login = (
        f'<div class="idc-loginbox"><span>{ctx.chrome(s9["login_with"])}</span> <a>{ctx.chrome("IntenseDebate")}</a> '
        f"<a>{ctx.chrome('WordPress.com')}</a> <a>{ctx.chrome('Twitter')}</a> <a>{ctx.chrome('OpenID')}</a></div>"
        if r.random() < 0.6
        else ""
    )
    subs = (
        f'<div class="idc-foot"><a href="#">{ctx.chrome(s9["email_sub"])}</a> <a href="#">{ctx.chrome("RSS")}</a></div>'
        if r.random() < 0.6
        else ""
    )
    return (
        f'<div id="idc-container-parent"><div id="idc-container"><div id="idc-cover">'
        f'<div class="idc-head"><h3 class="idc-commentcount">{ctx.chrome(ctx.say["n_comments"].format(n=n))}</h3>'
        f'<span class="idc-sort">{ctx.chrome(ctx.say["sort"])}</span></div>{login}'
        f'<div id="idc-comment-wrap">{body}</div>{subs}'
        f'<div class="idc-poweredby">{ctx.chrome("Comments by IntenseDebate")}</div></div></div></div>'
    )


_ATOMIC = (
    "D(f)", "D(ib)", "Ai(c)", "Jc(sb)", "Fz(12px)", "Fz(14px)", "Fz(15px)", "Fw(b)", "C(#6e7780)",
    "C(#232a31)", "Mt(4px)", "Mt(8px)", "Mb(8px)", "Mx(4px)", "Ml(8px)", "Py(12px)", "Pos(r)",
    "Lh(1.4)", "W(100%)", "Bdbs(s)", "Bdbw(1px)", "Bdbc(#e0e4e9)", "Cur(p)", "Bgc(t)", "Bd(n)",
)  # fmt: skip


def atomic_conversations(ctx: Ctx, roots: list[GenComment]) -> str:
    """A portal's "Conversations" (Yahoo-like): a React dump styled with Atomic CSS class names
    (`D(f) Fz(14px) C(#6e7780)`), the parts named by data-test attributes in some versions and
    by nothing in others, the name a <button>, thumbs-up/down counts; one level of replies, in a
    list under the top comment behind a "N replies" toggle."""
    r = ctx.rng
    s9 = _SAY9[ctx.lang]
    _one_level(roots)
    tests = r.random() < 0.6
    avatars = r.random() < 0.7

    def cls(k: int) -> str:
        return " ".join(r.sample(_ATOMIC, k))

    def dt(name: str) -> str:
        return f' data-test="{name}"' if tests else ""

    def one(c: GenComment, reply: bool) -> str:
        up, down = r.randrange(0, 200), r.randrange(0, 60)
        pic = (
            f'<img class="W(32px) H(32px) Bdrs(50%)" src="/avatar/{c.index}.jpg" alt="">'
            if avatars
            else f'<span class="D(ib) W(32px) H(32px) Bdrs(50%) Bgc(#7d2eff) C(#fff) Ta(c)">{esc((c.shown or "?")[0].upper())}</span>'
        )
        text = "".join(f'<p class="{cls(2)}">{esc(p)}</p>' for p in c.paragraphs)
        toggle = ""
        if c.children:
            n = len(c.children)
            toggle = (
                f'<button class="{cls(3)}"{dt("toggle-replies")} aria-expanded="true">{ctx.chrome(_n_replies(ctx, n))}</button>'
                f'<ul class="replies List(n) Pstart(40px)"{dt("replies")}>'
                + "".join(one(k, True) for k in c.children)
                + "</ul>"
            )
        return (
            f'<li class="{"reply" if reply else "comment"} {cls(4)}"{dt("reply" if reply else "comment")} data-id="{css_hash(r, 10)}">'
            f'<div class="{cls(2)}">{pic}<div class="Ml(8px) W(100%)"><div class="{cls(3)}">'
            f'<button class="username {cls(3)}"{dt("username")}>{esc(c.shown)}</button><span class="Mx(4px)">·</span>'
            f'<span class="{cls(2)}"{dt("timestamp")}>{esc(c.date_text)}</span></div>'
            f'<div class="comment-content {cls(2)}"{dt("comment-text")}>{text}</div>'
            f'<div class="{cls(3)}"{dt("actions")}><button class="{cls(2)}"{dt("reply-button")}>{ctx.chrome(ctx.say["reply"])}</button>'
            f'<button class="{cls(2)}" aria-label="Thumbs Up">{ctx.chrome(f"👍 {up}")}</button>'
            f'<button class="{cls(2)}" aria-label="Thumbs Down">{ctx.chrome(f"👎 {down}")}</button></div>'
            f"{toggle}</div></div></li>"
        )

    body = "".join(one(c, False) for c in roots)
    n = len(ctx.all_comments)
    signin = (
        f'<div class="{cls(3)}"><a href="/login" class="{cls(2)}">{ctx.chrome(ctx.say["login"])}</a></div>'
        if r.random() < 0.6
        else ""
    )
    return (
        f'<div id="comments-container" class="D(b) Mt(20px)"><section class="{cls(2)}"{dt("conversations")}>'
        f'<header class="D(f) Jc(sb) Ai(c)"><h2 class="Fz(20px) Fw(b)">{ctx.chrome(ctx.say["n_comments"].format(n=n))}</h2>'
        f'<button class="{cls(3)}">{ctx.chrome(s9["sort_popular"])}</button></header>{signin}'
        f'<p class="Fz(12px) C(#6e7780)"><a href="/guidelines">{ctx.chrome(s9["guidelines"])}</a></p>'
        f'<ul class="comments-list List(n)"{dt("comments-list")}>{body}</ul>'
        f'<button class="{cls(3)}"{dt("load-more")}>{ctx.chrome(ctx.say["more"])}</button></section></div>'
        f"{trending(ctx) if r.random() < 0.4 else ''}"
    )


def stylex_plugin(ctx: Ctx, roots: list[GenComment]) -> str:
    """A social network's newer comments plugin (Facebook-like, not the older `_4k-6` one): every
    element carries a run of atomic x-classes (x1n2onr6 x1iorvi4 …) that name nothing, each
    comment a role="article" whose aria-label names the author, and for a reply the person it
    answers; names and texts in dir="auto" elements, actions a list of role="button" divs, the
    date a short link last in the actions; replies in a block after the article, inside the
    comment's wrapper, with "View all N replies" above some."""
    r = ctx.rng
    s9 = _SAY9[ctx.lang]
    pool = ["x" + css_hash(r, r.randrange(5, 9)) for _ in range(40)]

    def x(k: int = 5) -> str:
        return " ".join(r.sample(pool, k))

    fans = r.random() < 0.4
    edited = r.random() < 0.3

    def item(c: GenComment, kids: str) -> str:
        if c.parent is None:
            label = s9["comment_by"].format(name=c.shown)
        else:
            label = s9["reply_by"].format(name=c.shown, to=ctx.all_comments[c.parent].shown)
        label += f" {c.date_text}"
        badge = (
            f'<div class="{x(3)}"><span class="{x(4)}">{ctx.chrome(s9["top_fan"])}</span></div>'
            if fans and r.random() < 0.2
            else ""
        )
        name = (
            f'<span class="{x(4)}"><a class="{x(6)}" href="/profile.php?id={r.randrange(10**9, 10**10)}" role="link" tabindex="0">'
            f'<span class="{x(3)}" dir="auto">{esc(c.shown)}</span></a></span>'
        )
        text = "".join(f'<div dir="auto" style="text-align: start;">{esc(p)}</div>' for p in c.paragraphs)
        acts = [
            f'<li class="{x(3)}"><div class="{x(4)}" role="button" tabindex="0">{ctx.chrome(ctx.say["like"])}</div></li>',
            f'<li class="{x(3)}"><div class="{x(4)}" role="button" tabindex="0">{ctx.chrome(ctx.say["reply"])}</div></li>',
        ]
        if edited and r.random() < 0.1:
            acts.append(
                f'<li class="{x(3)}"><span class="{x(3)}">{ctx.chrome(_SAY6[ctx.lang]["edited"])}</span></li>'
            )
        acts.append(
            f'<li class="{x(3)}"><a class="{x(5)}" href="?comment_id={c.index}" role="link" tabindex="0"><span class="{x(2)}">{esc(c.date_text)}</span></a></li>'
        )
        likes = r.randrange(0, 40)
        react = (
            f'<div class="{x(4)}" role="button" aria-label="{likes} reactions"><span class="{x(3)}">{ctx.chrome(str(likes))}</span></div>'
            if likes > 2 and r.random() < 0.5
            else ""
        )
        art = (
            f'<div aria-label="{attr(label)}" class="{x(7)}" role="article" tabindex="-1"><div class="{x(4)}">'
            f'<svg aria-hidden="true" class="{x(3)}" height="32" width="32"><image href="/pic/{c.index}.jpg" height="32" width="32"></image></svg></div>'
            f'<div class="{x(5)}"><div class="{x(4)}"><div class="{x(5)}">{badge}{name}<div class="{x(4)}" dir="auto">{text}</div>{react}</div></div>'
            f'<ul class="{x(4)}">{"".join(acts)}</ul></div></div>'
        )
        sub = ""
        if kids:
            n = sum(1 for _ in walk(c.children))
            more = (
                f'<div class="{x(4)}" role="button" tabindex="0"><span class="{x(3)}" dir="auto">{ctx.chrome(s9["view_all"].format(n=n))}</span></div>'
                if n > 1 and r.random() < 0.4
                else ""
            )
            sub = f'<div class="{x(4)}">{more}{kids}</div>'
        return f'<div class="{x(3)}">{art}{sub}</div>'

    body = nested(roots, item, lambda k: k)
    write = _SAY6[ctx.lang]["write"]
    box = (
        f'<div class="{x(4)}"><div aria-label="{attr(write)}" class="{x(5)}" contenteditable="true" role="textbox"></div></div>'
        if r.random() < 0.5
        else ""
    )
    return (
        f'<div class="{x(6)}" data-pagelet="CommentsPlugin"><div class="{x(4)}"><div class="{x(3)}" role="button" tabindex="0">'
        f'<span class="{x(3)}" dir="auto">{ctx.chrome(s9["relevant"])}</span></div></div>{box}'
        f'<div class="{x(4)}">{body}</div><div class="{x(4)}" role="button" tabindex="0">'
        f'<span class="{x(3)}" dir="auto">{ctx.chrome(ctx.say["more"])}</span></div>'
        f"{widget_footer(ctx, 'Facebook Comments Plugin')}</div>"
    )


def medium_responses(ctx: Ctx, roots: list[GenComment]) -> str:
    """A blogging platform's responses (Medium-like): short hashed class names (`be b bf z`) on
    every element, the name, the "·" and the date each a <p> like the text's own paragraphs
    (the text a <pre> with blank lines in some versions), clap counts, a "N replies" button;
    replies inside their response under a thread line."""
    r = ctx.rng
    s9 = _SAY9[ctx.lang]
    two = "abcdefghijklmnopqrstuvwxyz"
    pool = sorted({r.choice(two) + r.choice(two + "0123456789") for _ in range(60)} | set(two[:6]))

    def k(n: int = 3) -> str:
        return " ".join(r.sample(pool, n))

    pre = r.random() < 0.5
    follow = r.random() < 0.4
    p_name = k(4)
    p_meta = k(4)

    def item(c: GenComment, kids: str) -> str:
        h = attr(_login(c.shown))
        pic = f'<a href="/@{h}"><img alt="{attr(c.shown or "")}" class="{k(3)}" src="/1*{css_hash(r, 12)}.jpeg" width="32" height="32" loading="lazy"></a>'
        fol = (
            f'<p class="{p_meta}">{ctx.chrome("·")}</p><button class="{k(4)}"><p class="{p_meta}">{ctx.chrome(_SAY8[ctx.lang]["follow"])}</p></button>'
            if follow and r.random() < 0.5
            else ""
        )
        head = (
            f'<div class="ab q">{pic}<div class="{k(2)}"><div class="ab q"><a href="/@{h}"><p class="{p_name}">{esc(c.shown)}</p></a>{fol}</div>'
            f'<a href="/@{h}/{css_hash(r, 12)}"><p class="{p_meta}">{esc(c.date_text)}</p></a></div></div>'
        )
        if pre:
            text = f'<pre class="{k(5)}">' + esc("\n\n".join(c.paragraphs)) + "</pre>"
        else:
            text = "".join(f'<p class="{k(4)}">{esc(p)}</p>' for p in c.paragraphs)
        claps = r.randrange(0, 90)
        clap = (
            f'<div class="pw-multi-vote-count {k(2)}"><p class="{p_meta}"><button class="{k(3)}">{ctx.chrome(str(claps))}</button></p></div>'
            if claps
            else ""
        )
        n = len(c.children)
        count = (
            f'<button class="{k(3)}"><p class="{p_meta}">{ctx.chrome(_n_replies(ctx, n))}</p></button>'
            if n
            else ""
        )
        bar = (
            f'<div class="ab q {k(2)}"><div class="ab q"><div class="{k(2)}"><svg width="24" height="24" aria-label="clap"></svg></div>{clap}{count}</div>'
            f'<button class="{k(3)}"><p class="{p_meta}">{ctx.chrome(ctx.say["reply"])}</p></button></div>'
        )
        sub = (
            f'<div class="{k(3)}" style="border-left: 3px solid #f2f2f2; padding-left: 20px">{kids}</div>'
            if kids
            else ""
        )
        return f'<div class="{k(3)}"><div class="{k(2)}"><div class="{k(3)}">{head}</div><div class="{k(2)}">{text}</div>{bar}</div>{sub}</div>'

    body = nested(roots, item, lambda x: x)
    n = len(ctx.all_comments)
    box = (
        f'<div class="{k(3)}"><div class="{k(2)}" role="textbox" contenteditable="true"><p class="{k(3)}">{ctx.chrome(s9["thoughts"])}</p></div></div>'
        if r.random() < 0.6
        else ""
    )
    more = (
        f'<div class="{k(3)}"><a href="/responses"><button class="{k(4)}">{ctx.chrome(s9["see_all"])}</button></a></div>'
        if r.random() < 0.5
        else ""
    )
    return (
        f'<div class="ab cm" id="responses"><div class="{k(3)}"><h2 class="{k(4)}">{ctx.chrome(s9["responses"].format(n=n))}</h2></div>'
        f'{box}<div class="{k(2)}">{body}</div>{more}</div>'
    )


# --- held out, tenth set: written after the ninth set was scored, before its failures were fixed -------
# Words of these families' chrome that `words.SAY` and `_SAY5`..`_SAY9` do not have.
_SAY10 = {
    "en": {
        "reply_to": "Reply to {name}",
        "more_replies": "{n} more replies",
        "join": "Join the conversation",
        "award": "Award",
        "sort_best": "Sort by: Best",
        "op": "OP",
        "likes_this": "{a} likes this",
        "reblogged": "{a} reblogged this from {b}",
        "posted": "{a} posted this",
        "said": "said:",
        "notes": "{n} notes",
        "more_notes": "Show more notes",
        "showing": "Showing {a}-{b} of {n} comments",
        "must_login": "You must be logged in to post a comment.",
        "bsky_join": "Reply on Bluesky to join the conversation.",
        "reposts": "{n} reposts",
        "likes": "{n} likes",
        "developer": "Developer",
    },
    "de": {
        "reply_to": "Antwort an {name}",
        "more_replies": "{n} weitere Antworten",
        "join": "Diskutiere mit",
        "award": "Auszeichnen",
        "sort_best": "Sortieren nach: Beste",
        "op": "OP",
        "likes_this": "{a} gefällt das",
        "reblogged": "{a} hat das von {b} gerebloggt",
        "posted": "{a} hat das gepostet",
        "said": "sagte:",
        "notes": "{n} Anmerkungen",
        "more_notes": "Weitere Anmerkungen anzeigen",
        "showing": "{a}–{b} von {n} Kommentaren",
        "must_login": "Sie müssen angemeldet sein, um einen Kommentar zu verfassen.",
        "bsky_join": "Antworte auf Bluesky, um mitzudiskutieren.",
        "reposts": "{n} Reposts",
        "likes": "{n} Likes",
        "developer": "Entwickler",
    },
    "fr": {
        "reply_to": "Réponse à {name}",
        "more_replies": "{n} réponses de plus",
        "join": "Participer à la conversation",
        "award": "Récompenser",
        "sort_best": "Trier par : Meilleurs",
        "op": "OP",
        "likes_this": "{a} aime ça",
        "reblogged": "{a} a reblogué ceci depuis {b}",
        "posted": "{a} a publié ceci",
        "said": "a dit :",
        "notes": "{n} notes",
        "more_notes": "Afficher plus de notes",
        "showing": "Commentaires {a} à {b} sur {n}",
        "must_login": "Vous devez être connecté pour publier un commentaire.",
        "bsky_join": "Répondez sur Bluesky pour participer à la conversation.",
        "reposts": "{n} republications",
        "likes": "{n} j'aime",
        "developer": "Développeur",
    },
    "es": {
        "reply_to": "Respuesta a {name}",
        "more_replies": "{n} respuestas más",
        "join": "Únete a la conversación",
        "award": "Premiar",
        "sort_best": "Ordenar por: Mejores",
        "op": "OP",
        "likes_this": "A {a} le gusta esto",
        "reblogged": "{a} ha rebloggeado esto de {b}",
        "posted": "{a} ha publicado esto",
        "said": "dijo:",
        "notes": "{n} notas",
        "more_notes": "Mostrar más notas",
        "showing": "Mostrando {a}-{b} de {n} comentarios",
        "must_login": "Debes iniciar sesión para publicar un comentario.",
        "bsky_join": "Responde en Bluesky para unirte a la conversación.",
        "reposts": "{n} reposts",
        "likes": "{n} me gusta",
        "developer": "Desarrollador",
    },
}


def _linked(ctx: Ctx, template: str, **links: tuple[str, str]) -> str:
    """A chrome line with names in it, each name a link: the whole line remembered for the gold."""
    ctx.boilerplate.append(template.format(**{k: name for k, (name, _) in links.items()}))
    out = esc(template.format(**{k: f"\x00{k}\x00" for k in links}))
    for k, (name, href) in links.items():
        out = out.replace(f"\x00{k}\x00", f'<a href="{attr(href)}" class="tumblelog">{esc(name)}</a>')
    return out


def shreddit_tree(ctx: Ctx, roots: list[GenComment]) -> str:
    """A link aggregator's newer comment page (new-Reddit-like, server-rendered custom elements):
    each comment a <shreddit-comment> whose attributes carry its data (author, thingid, depth,
    parentid for a reply, score, created), its parts in slotted children (commentMeta with the
    name inside hovercard and tracker wrappers and a <faceplate-timeago>, comment with the text,
    actionRow), replies as <shreddit-comment> elements directly inside their parent's, after its
    action row; "N more replies" loaders under some threads, an OP badge on some names."""
    r = ctx.rng
    s10 = _SAY10[ctx.lang]
    _as_handles(roots, r.choice(["_", "-", ""]))
    sub = r.choice(["news", "worldnews", "europe", "de", "france", "spain", "unitedkingdom", "politics"])
    post = css_hash(r, 7)
    ids = {c.index: css_hash(r, 7) for c in walk(roots)}
    op = r.choice([c.shown for c in walk(roots)]) if r.random() < 0.5 else None
    parent_attr = r.random() < 0.7  # the parentid attribute, or the nesting alone
    avatars = r.random() < 0.7
    threadlines = r.random() < 0.6
    date_first = r.random() < 0.2

    def item(c: GenComment, kids: str) -> str:
        tid = ids[c.index]
        h = attr(c.shown or "")
        score = r.randrange(-5, 900)
        created = f"{c.when.isoformat()}+0000"
        pid = f' parentid="t1_{ids[c.parent]}"' if parent_attr and c.parent is not None else ""
        pic = (
            f'<faceplate-tracker source="comment" action="click" noun="author_avatar" slot="commentAvatar">'
            f'<a href="/user/{h}/" aria-hidden="true" tabindex="-1"><shreddit-async-loader bundlename="comment_avatar">'
            f'<span class="avatar" slot="avatar"><img src="/avatars/{c.index}.png" alt="u/{h} avatar" width="24" height="24"></span>'
            f"</shreddit-async-loader></a></faceplate-tracker>"
            if avatars
            else ""
        )
        badge = (
            f' <span class="text-global-op font-bold" id="comment-op-badge-{tid}">{ctx.chrome(s10["op"])}</span>'
            if op is not None and c.shown == op
            else ""
        )
        name = (
            f'<faceplate-hovercard data-id="user-hover-card" position="bottom-start" enter-delay="500">'
            f'<faceplate-tracker source="comment" action="click" noun="comment_author">'
            f'<a href="/user/{h}/" class="truncate font-bold text-neutral-content-strong text-12 hover:underline">{esc(c.shown)}</a>'
            f"</faceplate-tracker></faceplate-hovercard>{badge}"
        )
        when = (
            f'<faceplate-timeago ts="{created}" format="short"><time datetime="{c.when.isoformat()}.000Z" '
            f'title="{attr(c.when.strftime("%a, %b %d, %Y, %H:%M:%S"))}">{esc(c.date_text)}</time></faceplate-timeago>'
        )
        dot = '<span class="inline-block my-0 created-separator text-neutral-content-weak">•</span>'
        meta = (
            '<div slot="commentMeta" class="flex flex-row items-center overflow-hidden text-12">'
            + (when + dot + name if date_first else name + dot + when)
            + "</div>"
        )
        text = f'<div slot="comment"><div class="md text-14" id="t1_{tid}-comment-rtjson-content">{paras(c)}</div></div>'
        row = (
            f'<shreddit-comment-action-row slot="actionRow" comment-id="t1_{tid}" post-id="t3_{post}" score="{score}">'
            f'<span class="vote-count"><faceplate-number number="{score}">{ctx.chrome(str(score))}</faceplate-number></span>'
            f'<button class="button-plain" name="comments-action-button">{ctx.chrome(ctx.say["reply"])}</button>'
            + (
                f'<button class="button-plain">{ctx.chrome(s10["award"])}</button>'
                if r.random() < 0.5
                else ""
            )
            + f'<button class="button-plain">{ctx.chrome(ctx.say["share"])}</button></shreddit-comment-action-row>'
        )
        line = '<div slot="threadline" class="threadline"></div>' if threadlines and kids else ""
        more = (
            f'<faceplate-partial loading="action" src="/svc/shreddit/more-comments/{sub}/t1_{tid}" slot="more-comments-permalink">'
            f'<button class="text-secondary-weak font-semibold">{ctx.chrome(s10["more_replies"].format(n=r.randrange(2, 40)))}</button></faceplate-partial>'
            if kids and r.random() < 0.25
            else ""
        )
        return (
            f'<shreddit-comment author="{h}" thingid="t1_{tid}" depth="{c.depth}"{pid} postid="t3_{post}" score="{score}" '
            f'permalink="/r/{sub}/comments/{post}/comment/{tid}/" created="{created}" collapsed="false">'
            f"{line}{pic}{meta}{text}{row}{kids}{more}</shreddit-comment>"
        )

    body = nested(roots, item, lambda k: k)
    n = len(ctx.all_comments)
    head = (
        f'<div class="comments-header"><comment-body-header><span>{ctx.chrome(s10["join"])}</span></comment-body-header>'
        f"<shreddit-sort-dropdown><button>{ctx.chrome(s10['sort_best'])}</button></shreddit-sort-dropdown></div>"
    )
    login = (
        f'<faceplate-tracker noun="login"><a href="/login/">{ctx.chrome(ctx.say["login"])}</a></faceplate-tracker>'
        if r.random() < 0.5
        else ""
    )
    return (
        f'<div id="comments-section">{head}{login}'
        f'<shreddit-comment-tree id="comment-tree" post-id="t3_{post}" totalcomments="{n}" sort="confidence">{body}</shreddit-comment-tree>'
        + (
            f'<faceplate-partial loading="action" src="/svc/shreddit/more-comments/{sub}/t3_{post}">'
            f"<button>{ctx.chrome(ctx.say['more'])}</button></faceplate-partial>"
            if r.random() < 0.5
            else ""
        )
        + "</div>"
    )


def bsky_thread(ctx: Ctx, roots: list[GenComment]) -> str:
    """Replies to a post on a decentralised social network (Bluesky-like) as its web app renders
    them with React Native for Web: nothing but <div>s with `css-175oi2r` / `r-xxxxxx` classes,
    each reply a `postThreadItem-by-<handle>` test id, the display name and the @handle side by
    side, the text in a dir="auto" div, reply / repost / like counts. In the tree view every
    reply is a sibling and its depth is the number of empty guide columns before it; in the
    linear view a reply names the post it answers ("Reply to <name>", linked to that post)."""
    r = ctx.rng
    s10 = _SAY10[ctx.lang]
    tree = r.random() < 0.65
    domains = ["bsky.social"] * 4 + ["bsky.team", "mastodon.example.social", ctx.host.removeprefix("www.")]
    handle, rkey = {}, {}
    for c in walk(roots):
        handle[c.index] = f"{_login(c.shown, r.choice(['', '-']))[:18]}.{r.choice(domains)}"
        rkey[c.index] = "3l" + css_hash(r, 11)
        if r.random() < 0.12:  # no display name: the handle is the name
            c.shown = c.author = handle[c.index]
    atoms = ["r-" + css_hash(r, 6) for _ in range(24)]

    def v(k: int = 2) -> str:
        return "css-175oi2r " + " ".join(r.sample(atoms, k))

    def t(k: int = 3) -> str:
        return "css-146c3p1 " + " ".join(r.sample(atoms, k))

    items = []
    for c in walk(roots):
        h = handle[c.index]
        href = f"/profile/{h}/post/{rkey[c.index]}"
        long = c.when.strftime("%B %d, %Y at %H:%M")
        name = (
            f'<a href="/profile/{attr(h)}" aria-label="{attr(c.shown or "")}" class="{v(1)}">'
            f'<div dir="auto" class="{t(4)}">{esc(c.shown)}</div></a>'
            + (f'<div dir="auto" class="{t(3)}">{ctx.chrome("@" + h)}</div>' if c.shown != h else "")
        )
        when = (
            f'<div dir="auto" class="{t(2)}">·</div><a href="{href}" aria-label="{attr(long)}" data-tooltip="{attr(long)}" class="{v(1)}">'
            f'<div dir="auto" class="{t(3)}">{esc(c.date_text)}</div></a>'
        )
        to = ""
        if not tree and c.parent is not None:
            p = ctx.all_comments[c.parent]
            to = (
                f'<div class="{v(2)}"><svg fill="none" width="12" viewBox="0 0 24 24" height="12"></svg>'
                f'<a href="/profile/{handle[p.index]}/post/{rkey[p.index]}" class="{v(1)}"><div dir="auto" class="{t(3)}">'
                f"{ctx.chrome(s10['reply_to'].format(name=p.shown))}</div></a></div>"
            )
        text = (
            f'<div dir="auto" data-testid="postText" data-word-wrap="1" class="{t(4)}" style="white-space: pre-wrap;">'
            + esc("\n\n".join(c.paragraphs))
            + "</div>"
        )
        counts = [
            ("replyBtn", sum(1 for _ in walk(c.children)) + r.randrange(0, 3)),
            ("repostBtn", r.randrange(0, 30)),
            ("likeBtn", r.randrange(0, 200)),
        ]
        bar = "".join(
            f'<div class="{v(2)}"><div data-testid="{k}" role="button" tabindex="0" class="{v(2)}"><svg width="18" height="18"></svg>'
            + (f'<div dir="auto" class="{t(2)}">{ctx.chrome(str(n))}</div>' if n else "")
            + "</div></div>"
            for k, n in counts
        )
        pic = (
            f'<div class="{v(2)}" data-testid="userAvatarImage"><img src="/img/avatar_thumbnail/{c.index}@jpeg" '
            f'alt="" class="{v(1)}" style="width: 36px; height: 36px;"></div>'
            if r.random() < 0.85
            else f'<div class="{v(2)}" data-testid="userAvatarFallback"></div>'
        )
        content = (
            f'<div class="{v(3)}"><div class="{v(2)}">{name}{when}</div>{to}{text}'
            f'<div class="{v(3)}">{bar}</div></div>'
        )
        guides = (
            "".join(
                '<div class="css-175oi2r" style="width: 14px; border-left-width: 2px; border-left-color: rgb(212, 219, 226); margin-left: 7px;"></div>'
                for _ in range(c.depth)
            )
            if tree
            else ""
        )
        items.append(
            f'<div class="{v(2)}" data-testid="postThreadItem-by-{attr(h)}"><div class="{v(3)}" style="flex-direction: row;">'
            f'{guides}<div class="{v(2)}" style="flex-direction: row; flex: 1;">{pic}{content}</div></div></div>'
        )
    n = len(ctx.all_comments)
    stats = (
        f'<div class="{v(2)}"><div dir="auto" class="{t(2)}">{ctx.chrome(s10["likes"].format(n=r.randrange(10, 900)))}</div>'
        f'<div dir="auto" class="{t(2)}">{ctx.chrome(s10["reposts"].format(n=r.randrange(0, 200)))}</div>'
        f'<div dir="auto" class="{t(2)}">{ctx.chrome(_n_replies(ctx, n))}</div></div>'
    )
    join = (
        f'<div class="{v(2)}"><div dir="auto" class="{t(3)}">{ctx.chrome(s10["bsky_join"])}</div></div>'
        if r.random() < 0.6
        else ""
    )
    return (
        f'<div id="bsky-comments" class="{v(2)}">{stats}{join}<div class="{v(2)}" data-testid="postThreadScreen">'
        f"{''.join(items)}</div></div>"
    )


def tumblr_notes(ctx: Ctx, roots: list[GenComment]) -> str:
    """A microblog post's notes (Tumblr-like) under a blog theme: one <ol class="notes"> where
    the readers' replies ("<name> said: <text>", the text inside the note's action line) are
    interleaved with likes and reblogs written the same way ("<name> likes this", "<name>
    reblogged this from <name>"), closed by the "<blog> posted this" note and a "Show more notes"
    item. Themes print no dates (the gold has none); the newer notes view puts the date beside
    the name."""
    r = ctx.rng
    s10 = _SAY10[ctx.lang]
    _as_handles(roots, r.choice(["-", ""]))
    dated = r.random() < 0.35
    if not dated:
        for c in walk(roots):
            c.date_iso = None
    verb = r.random() < 0.6
    avatars = r.random() < 0.7
    blog = _login(ctx.site, "-")[:24]

    def someone() -> str:
        return _login(words.person(r, ctx.lang), r.choice(["-", ""]))[:20]

    def pic(h: str) -> str:
        return (
            f'<a rel="nofollow" class="avatar_frame" href="https://{attr(h)}.tumblr.com/" title="{attr(h)}">'
            f'<img src="https://64.media.tumblr.com/avatar_{css_hash(r, 12)}_64.pnj" class="avatar" alt=""></a>'
            if avatars
            else ""
        )

    def other() -> str:
        a = someone()
        if r.random() < 0.55:
            line = _linked(ctx, s10["likes_this"], a=(a, f"https://{a}.tumblr.com/"))
            kind = "like"
        else:
            b = r.choice([blog, someone()])
            line = _linked(
                ctx, s10["reblogged"], a=(a, f"https://{a}.tumblr.com/"), b=(b, f"https://{b}.tumblr.com/")
            )
            kind = "reblog"
        return (
            f'<li class="note {kind} tumblelog_{attr(a)} without_commentary">{pic(a)}'
            f'<span class="action">{line}</span><div class="clear"></div></li>'
        )

    items = []
    for c in walk(roots):
        while r.random() < 0.45:
            items.append(other())
        h = attr(c.shown or "")
        said = f" {ctx.chrome(s10['said'])}" if verb else ""
        when = (
            f' <span class="note_time" title="{attr(c.when.isoformat())}">{esc(c.date_text)}</span>'
            if dated
            else ""
        )
        items.append(
            f'<li class="note reply tumblelog_{h} without_commentary">{pic(c.shown or "")}'
            f'<span class="action" data-post-url="https://{h}.tumblr.com/post/{r.randrange(10**11, 10**12)}">'
            f'<a rel="nofollow" href="https://{h}.tumblr.com/" class="tumblelog" title="{h}">{esc(c.shown)}</a>{said}{when} '
            f'<span class="answer_content">{br_text(c)}</span></span><div class="clear"></div></li>'
        )
    for _ in range(r.randrange(0, 3)):
        items.append(other())
    items.append(
        f'<li class="note original_post">{pic(blog)}<span class="action">'
        f'{_linked(ctx, s10["posted"], a=(blog, f"https://{blog}.tumblr.com/"))}</span><div class="clear"></div></li>'
    )
    if r.random() < 0.5:
        items.append(
            f'<li class="note more_notes_link_container"><a class="more_notes_link" href="#">{ctx.chrome(s10["more_notes"])}</a></li>'
        )
    total = len(items) + r.randrange(0, 400)
    return (
        f'<div class="post-notes" id="notes"><h3 class="notes-title">{ctx.chrome(s10["notes"].format(n=total))}</h3>'
        f'<ol class="notes">{"".join(items)}</ol></div>'
    )


_DISKUSE = {
    "cs": {
        "title": "Diskuse",
        "count": "{n} příspěvků",
        "reply": "Odpovědět",
        "report": "Nahlásit",
        "sort": ("Od nejnovějších", "Od nejstarších", "Nejlépe hodnocené"),
        "more": "Zobrazit další příspěvky",
        "login": "Pro vstup do diskuse se přihlaste",
        "verified": "ověřený uživatel",
        "rules": "Pravidla diskuse",
        "deleted": "Příspěvek byl smazán administrátorem.",
        "guest": "Host",
        "react": "reakce na",
    },
    "pl": {
        "title": "Komentarze",
        "count": "{n} komentarzy",
        "reply": "Odpowiedz",
        "report": "Zgłoś naruszenie",
        "sort": ("Najnowsze", "Najstarsze", "Najwyżej oceniane"),
        "more": "Pokaż więcej komentarzy",
        "login": "Zaloguj się, aby dodać komentarz",
        "verified": "zweryfikowany",
        "rules": "Regulamin forum",
        "deleted": "Komentarz został usunięty przez moderatora.",
        "guest": "Gość",
        "react": "odpowiedź na",
    },
}


def diskuse_tree(ctx: Ctx, roots: list[GenComment]) -> str:
    """A Central European news site's reader discussion (Czech "diskuse" or Polish "komentarze"):
    a nested <ul> tree, each post's header one line of text with the name in <strong>, then the
    date and, on some sites, a masked IP address as bare text between "|" separators; a subject
    line ("Re: ...") on some, "+N / −N" rating links and "Reply / Report" under the text, posts
    removed by the moderators left in the tree; the chrome Czech or Polish."""
    r = ctx.rng
    ui = r.choice(["cs", "pl"])
    w = _DISKUSE[ui]
    ips = r.random() < 0.6
    subjects = r.random() < 0.4
    date_first = r.random() < 0.3
    target = r.random() < 0.3  # a reply names the post it answers ("reakce na <name>")
    topic = " ".join(ctx.title.split()[:5])
    ids = {c.index: 10_000_000 + r.randrange(10, 99) * 1000 + c.index for c in walk(roots)}
    for c in walk(roots):
        c.date_iso = c.when.date().isoformat()  # the site prints absolute dates
        if c.author is None:
            c.shown = w["guest"]

    def stamp(c: GenComment) -> str:
        if ui == "cs":
            return f"{c.when.day}. {c.when.month}. {c.when.year} {c.when:%H:%M}"
        return f"{c.when:%d.%m.%Y}, {c.when:%H:%M}"

    def item(c: GenComment, kids: str) -> str:
        cid = ids[c.index]
        name = (
            f'<strong class="user"><a href="/uzivatel/{cid % 99991}">{esc(c.shown)}</a></strong>'
            if c.author is not None
            else f'<strong class="user guest">{esc(c.shown)}</strong>'
        )
        badge = (
            f' <span class="verified">{ctx.chrome("(" + w["verified"] + ")")}</span>'
            if c.author is not None and r.random() < 0.3
            else ""
        )
        ip = f" | {ctx.chrome(f'IP: {r.randrange(31, 223)}.{r.randrange(0, 255)}.*.*')}" if ips else ""
        head = (
            f'<p class="info">{esc(stamp(c))} | {name}{badge}{ip}</p>'
            if date_first
            else f'<p class="info">{name}{badge} | {esc(stamp(c))}{ip}</p>'
        )
        subj = (
            f'<h4 class="subject">{ctx.chrome(("Re: " if c.parent is not None else "") + topic)}</h4>'
            if subjects
            else ""
        )
        to = ""
        if target and c.parent is not None:
            p = ctx.all_comments[c.parent]
            to = (
                f'<p class="react">{ctx.chrome(w["react"])} <a href="#c{ids[p.index]}">{esc(p.shown)}</a></p>'
            )
        plus, minus = r.randrange(0, 120), r.randrange(0, 60)
        tools = (
            f'<div class="tools"><span class="rate"><a class="plus" href="#">{ctx.chrome(f"+{plus}")}</a> / '
            f'<a class="minus" href="#">{ctx.chrome(f"−{minus}")}</a></span> '
            f'<a class="reply" href="#">{ctx.chrome(w["reply"])}</a> <a class="report" href="#">{ctx.chrome(w["report"])}</a></div>'
        )
        sub = f"<ul>{kids}</ul>" if kids else ""
        return (
            f'<li id="c{cid}" class="disc-item"><div class="contribution">{head}{subj}{to}'
            f'<div class="text">{br_text(c)}</div>{tools}</div>{sub}</li>'
        )

    parts = []
    for root in roots:
        if r.random() < 0.08:
            parts.append(
                f'<li class="disc-item deleted"><p class="deleted"><i>{ctx.chrome(w["deleted"])}</i></p></li>'
            )
        parts.append(nested([root], item, lambda k: k))
    n = len(ctx.all_comments)
    sort = " | ".join(f"<a>{ctx.chrome(s)}</a>" for s in w["sort"])
    return (
        f'<div id="disc" class="diskuse"><h2>{ctx.chrome(w["title"])} <span class="count">{ctx.chrome("(" + w["count"].format(n=n) + ")")}</span></h2>'
        f'<p class="disc-sort">{sort}</p>'
        + (
            f'<p class="disc-login"><a href="/login">{ctx.chrome(w["login"])}</a></p>'
            if r.random() < 0.6
            else ""
        )
        + f'<ul class="disc-tree">{"".join(parts)}</ul>'
        f'<p class="disc-more"><a href="?page=2">{ctx.chrome(w["more"])}</a></p>'
        + (
            f'<p class="disc-rules"><a href="/pravidla">{ctx.chrome(w["rules"])}</a></p>'
            if r.random() < 0.5
            else ""
        )
        + "</div>"
    )


_JA_DAYS = ("月", "火", "水", "木", "金", "土", "日")
_JA_CREDS = (
    "ジャーナリスト",
    "大学教授",
    "経済アナリスト",
    "弁護士",
    "元新聞記者",
    "医師",
    "防災アドバイザー",
)


def yahoo_jp(ctx: Ctx, roots: list[GenComment]) -> str:
    """A Japanese news portal's comments (Yahoo! JAPAN News-like): two lists in one section, in
    two templates: the experts' comments first (a real name, an "expert" badge, a credential
    line, the text in paragraphs), then the readers' comments (a nickname or a masked ID, the
    date as 2024/6/1(土) 12:34, the text with <br>s, three reaction counters and a reply count
    whose replies are on another page); styled-components class names; the chrome Japanese."""
    r = ctx.rng
    flat = list(walk(roots))
    for c in flat:
        c.date_iso = c.when.date().isoformat()  # the portal prints absolute dates
    k = r.randrange(1, min(3, len(flat)) + 1) if len(flat) > 2 and r.random() < 0.6 else 0
    experts, readers = flat[:k], flat[k:]
    masked = r.random() < 0.5
    for c in readers:
        if c.author is not None:
            c.shown = (
                _login(c.shown)[:3] + "*****" if masked and r.random() < 0.6 else _login(c.shown, "_")[:14]
            )
            c.author = c.shown

    def sc(n: int = 0) -> str:
        return f"sc-{css_hash(r, 6)}-{n} {''.join(r.choice('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ') for _ in range(6))}"

    def stamp(c: GenComment) -> str:
        return f"{c.when.year}/{c.when.month}/{c.when.day}({_JA_DAYS[c.when.weekday()]}) {c.when:%H:%M}"

    def when(c: GenComment) -> str:
        return f'<time class="{sc(3)}" datetime="{c.when.isoformat()}+09:00">{esc(stamp(c))}</time>'

    ex = []
    for c in experts:
        badge = ctx.chrome(r.choice(["エキスパート", "オーサー"]))
        ex.append(
            f'<li class="{sc(1)}"><article class="{sc(2)}"><div class="{sc(3)}">'
            f'<img class="{sc(4)}" src="/expert/{c.index}.jpg" width="48" height="48" alt="">'
            f'<div class="{sc(5)}"><p class="{sc(6)}"><a href="/expert/authors/{css_hash(r, 8)}">{esc(c.shown)}</a>'
            f'<span class="{sc(7)}">{badge}</span></p><p class="{sc(8)}">{ctx.chrome(r.choice(_JA_CREDS))}</p></div></div>'
            f'<div class="{sc(9)}">{paras(c, "p", sc(10))}</div><div class="{sc(11)}">{when(c)}'
            f'<button class="{sc(12)}" type="button">{ctx.chrome("報告")}</button></div></article></li>'
        )
    us = []
    for c in readers:
        pic = (
            f'<a class="{sc(2)}" href="/users/{css_hash(r, 10)}"><img src="/users/icon/{c.index}.png" width="32" height="32" alt=""></a>'
            if r.random() < 0.6
            else ""
        )
        reacts = "".join(
            f'<button class="{sc(8)}" type="button" aria-label="{label}"><span class="{sc(9)}">{ctx.chrome(label)}</span>'
            f'<span class="{sc(10)}">{ctx.chrome(str(r.randrange(0, 3000)))}</span></button>'
            for label in ("共感した", "なるほど", "うーん")
        )
        replies = r.randrange(0, 60)
        us.append(
            f'<li class="{sc(1)}"><article class="{sc(3)}">{pic}<div class="{sc(4)}"><div class="{sc(5)}">'
            f'<a class="{sc(6)}" href="/users/{css_hash(r, 10)}">{esc(c.shown)}</a>{when(c)}</div>'
            f'<p class="{sc(7)}">{br_text(c)}</p><div class="{sc(11)}">{reacts}</div><div class="{sc(12)}">'
            + (
                f'<button class="{sc(13)}" type="button">{ctx.chrome(f"返信{replies}")}</button>'
                if replies
                else ""
            )
            + f'<button class="{sc(14)}" type="button">{ctx.chrome("違反報告する")}</button></div></div></article></li>'
        )
    n = len(flat)
    tabs = "".join(
        f'<li class="{sc(2)}"><a href="#">{ctx.chrome(t)}</a></li>'
        for t in ("おすすめ順", "新着順", "共感された順")
    )
    expert_sec = (
        f'<section class="{sc(0)}" id="expert-comments"><h2 class="{sc(1)}">{ctx.chrome("エキスパートのコメント")}</h2>'
        f'<ul class="{sc(2)}">{"".join(ex)}</ul></section>'
        if ex
        else ""
    )
    user_sec = (
        f'<section class="{sc(0)}" id="user-comments"><h2 class="{sc(1)}">{ctx.chrome("コメント一覧")}</h2>'
        f'<ul class="{sc(3)}">{tabs}</ul><ul class="{sc(4)}">{"".join(us)}</ul>'
        f'<button class="{sc(5)}" type="button">{ctx.chrome("もっと見る")}</button></section>'
        if us
        else ""
    )
    return (
        f'<div class="{sc(0)}" id="comment-area"><div class="{sc(1)}"><h1 class="{sc(2)}">{ctx.chrome(f"コメント{n}件")}</h1>'
        f'<p class="{sc(3)}"><a href="/comments/policy">{ctx.chrome("Yahoo!ニュース コメントポリシー")}</a></p>'
        + (f'<a class="{sc(4)}" href="/login">{ctx.chrome("コメントを書く")}</a>' if r.random() < 0.6 else "")
        + f"</div>{expert_sec}{user_sec}</div>"
    )


def steam_thread(ctx: Ctx, roots: list[GenComment]) -> str:
    """A game platform's comment thread (Steam-like `commentthread_*`): newest comment first (the
    gold follows the page), each an avatar block and a content block whose author line holds the
    name in a <bdi> inside a miniprofile link, a badge for some, and the date in a span with an
    epoch data-timestamp; the text in `commentthread_comment_text`; "Showing 1-15 of N comments"
    paging above and below the list, a comment box or a sign-in line."""
    r = ctx.rng
    s10 = _SAY10[ctx.lang]
    if r.random() < 0.8:
        roots.reverse()  # flat: every comment is a root
    ids = {c.index: 1_700_000_000_000_000_000 + r.randrange(10**15) for c in walk(roots)}
    english = ctx.lang == "en" and r.random() < 0.7

    def stamp(c: GenComment) -> str:
        if not english or c.date_iso is None:
            return esc(c.date_text)
        h = c.when.hour % 12 or 12
        return f"{c.when.day} {c.when:%b}, {c.when.year} @ {h}:{c.when.minute:02d}{'am' if c.when.hour < 12 else 'pm'}"

    items = []
    for c in walk(roots):
        cid = ids[c.index]
        state = r.choice(["offline", "online", "in-game"])
        badge = (
            f'<img class="commentthread_workshop_authorbadge" src="/public/images/sharedfiles/authoricon.png" alt="">'
            f'<span class="commentthread_author_badge">{ctx.chrome(s10["developer"])}</span>'
            if r.random() < 0.06
            else ""
        )
        epoch = int(c.when.replace(tzinfo=UTC).timestamp())
        items.append(
            f'<div class="commentthread_comment responsive_body_text" id="comment_{cid}">'
            f'<div class="commentthread_comment_avatar playerAvatar {state}"><a href="https://steamcommunity.com/id/{attr(_login(c.shown))}">'
            f'<img src="/avatars/{c.index}.jpg" srcset="/avatars/{c.index}.jpg 1x, /avatars/{c.index}_medium.jpg 2x"></a></div>'
            f'<div class="commentthread_comment_content"><div class="commentthread_comment_author">'
            f'<a class="hoverunderline commentthread_author_link" href="https://steamcommunity.com/id/{attr(_login(c.shown))}" '
            f'data-miniprofile="{r.randrange(10**6, 10**9)}"><bdi>{esc(c.shown)}</bdi></a>{badge}'
            f'<span class="commentthread_comment_timestamp" title="{attr(c.when.strftime("%d %B, %Y @ %H:%M:%S UTC"))}" '
            f'data-timestamp="{epoch}">&nbsp;{stamp(c)}</span>'
            f'<div class="commentthread_comment_actions"><a class="actionlink" href="javascript:ReportComment(\'{cid}\');">'
            f"{ctx.chrome(ctx.say['report'])}</a></div></div>"
            f'<div class="commentthread_comment_text" id="comment_content_{cid}">{br_text(c)}</div></div></div>'
        )
    n = len(items)
    total = n + (r.randrange(1, 900) if r.random() < 0.6 else 0)

    def paging() -> str:
        pages = ""
        if total > n:
            pages = (
                f'<span class="commentthread_pagelinks"><a class="commentthread_pagelink active">{ctx.chrome("1")}</a>'
                f'<a class="commentthread_pagelink">{ctx.chrome("2")}</a><span class="commentthread_pagelink_ellipsis">…</span>'
                f'<a class="commentthread_pagelink">{ctx.chrome(str(total // max(n, 1) + 1))}</a></span>'
                f'<a class="commentthread_pagebtn">{ctx.chrome(">")}</a>'
            )
        return (
            f'<div class="commentthread_paging{" has_pages" if pages else ""}">{pages}'
            f'<span class="commentthread_count">{ctx.chrome(s10["showing"].format(a=1, b=n, n=f"{total:,}"))}</span></div>'
        )

    entry = (
        f'<div class="commentthread_entry"><div class="commentthread_entry_quotebox">'
        f'<textarea class="commentthread_textarea" placeholder="{attr(_SAY6[ctx.lang]["add"])}"></textarea></div>'
        f'<button class="btn_green_white_innerfade btn_small"><span>{ctx.chrome("Post Comment")}</span></button></div>'
        if r.random() < 0.5
        else f'<div class="commentthread_entry"><div class="commentthread_entry_login">{ctx.chrome(s10["must_login"])}</div></div>'
    )
    return (
        f'<div class="commentthread_area" id="commentthread_News_{r.randrange(10**9)}_area">'
        f'<div class="commentthread_header"><div class="commentthread_count_label">'
        f"<span>{ctx.chrome(ctx.say['n_comments'].format(n=f'{total:,}'))}</span></div>{paging()}</div>"
        f'{entry}<div class="commentthread_comments">{"".join(items)}</div>'
        f'<div class="commentthread_footer">{paging() if r.random() < 0.7 else ""}</div></div>'
    )


_SAY11 = {
    "en": {
        "creator": "creator",
        "mod": "mod",
        "points": "{n} points",
        "more_replies": "{n} more replies",
        "sorts": ("Hot", "Top", "Controversial", "New", "Old", "Chat"),
        "post": "Post",
        "preview": "Preview",
        "n_reviews": "{n} reviews",
        "reviews": "Reviews",
        "verified": "Verified",
        "invited": "Invited",
        "experience": "Date of experience:",
        "reply_from": "Reply from {name}",
        "useful": "Useful",
        "filter": "Filter",
        "sort_relevant": "Sort: Most relevant",
        "prev": "Previous page",
        "next": "Next page",
        "write_review": "Write a review",
        "activity": "Activity",
        "oldest": "Oldest first",
        "all_activity": "Show all activity",
        "roles": ("Maintainer", "Developer", "Author", "Reporter", "Owner"),
        "reply_ph": "Reply…",
        "resolve": "Resolve thread",
        "collapse": "Collapse replies",
        "edited": "Edited {when} by {name}",
        "write_note": "Write a comment or drag your files here…",
        "comment_btn": "Comment",
        "events": (
            "added ~{x} label",
            "changed the description",
            "assigned to @{x}",
            "mentioned in merge request !{n}",
            "changed milestone to %{x}",
            "marked this issue as related to #{n}",
        ),
    },
    "de": {
        "creator": "Ersteller",
        "mod": "Mod",
        "points": "{n} Punkte",
        "more_replies": "{n} weitere Antworten",
        "sorts": ("Heiß", "Top", "Kontrovers", "Neu", "Alt", "Chat"),
        "post": "Absenden",
        "preview": "Vorschau",
        "n_reviews": "{n} Bewertungen",
        "reviews": "Bewertungen",
        "verified": "Verifiziert",
        "invited": "Eingeladen",
        "experience": "Erlebnisdatum:",
        "reply_from": "Antwort von {name}",
        "useful": "Hilfreich",
        "filter": "Filtern",
        "sort_relevant": "Sortieren: Relevanteste",
        "prev": "Vorherige Seite",
        "next": "Nächste Seite",
        "write_review": "Bewertung schreiben",
        "activity": "Aktivität",
        "oldest": "Älteste zuerst",
        "all_activity": "Alle Aktivitäten anzeigen",
        "roles": ("Betreuer", "Entwickler", "Autor", "Reporter", "Eigentümer"),
        "reply_ph": "Antworten…",
        "resolve": "Thread auflösen",
        "collapse": "Antworten einklappen",
        "edited": "Bearbeitet {when} von {name}",
        "write_note": "Schreibe einen Kommentar oder ziehe deine Dateien hierher…",
        "comment_btn": "Kommentieren",
        "events": (
            "hat das Label ~{x} hinzugefügt",
            "hat die Beschreibung geändert",
            "hat @{x} zugewiesen",
            "erwähnt in Merge Request !{n}",
            "hat den Meilenstein auf %{x} geändert",
            "hat dieses Ticket als verwandt mit #{n} markiert",
        ),
    },
    "fr": {
        "creator": "créateur",
        "mod": "modo",
        "points": "{n} points",
        "more_replies": "{n} réponses de plus",
        "sorts": ("Populaires", "Meilleurs", "Controversés", "Nouveaux", "Anciens", "Discussion"),
        "post": "Envoyer",
        "preview": "Aperçu",
        "n_reviews": "{n} avis",
        "reviews": "Avis",
        "verified": "Vérifié",
        "invited": "Invité",
        "experience": "Date de l'expérience :",
        "reply_from": "Réponse de {name}",
        "useful": "Utile",
        "filter": "Filtrer",
        "sort_relevant": "Trier : Les plus pertinents",
        "prev": "Page précédente",
        "next": "Page suivante",
        "write_review": "Écrire un avis",
        "activity": "Activité",
        "oldest": "Les plus anciens d'abord",
        "all_activity": "Afficher toute l'activité",
        "roles": ("Mainteneur", "Développeur", "Auteur", "Rapporteur", "Propriétaire"),
        "reply_ph": "Répondre…",
        "resolve": "Résoudre le fil",
        "collapse": "Réduire les réponses",
        "edited": "Modifié {when} par {name}",
        "write_note": "Écrivez un commentaire ou glissez vos fichiers ici…",
        "comment_btn": "Commenter",
        "events": (
            "a ajouté l'étiquette ~{x}",
            "a modifié la description",
            "a assigné à @{x}",
            "mentionné dans la requête de fusion !{n}",
            "a changé le jalon en %{x}",
            "a marqué ce ticket comme lié à #{n}",
        ),
    },
    "es": {
        "creator": "creador",
        "mod": "mod",
        "points": "{n} puntos",
        "more_replies": "{n} respuestas más",
        "sorts": ("Popular", "Mejores", "Polémicos", "Nuevos", "Antiguos", "Chat"),
        "post": "Publicar",
        "preview": "Vista previa",
        "n_reviews": "{n} opiniones",
        "reviews": "Opiniones",
        "verified": "Verificada",
        "invited": "Invitado",
        "experience": "Fecha de la experiencia:",
        "reply_from": "Respuesta de {name}",
        "useful": "Útil",
        "filter": "Filtrar",
        "sort_relevant": "Ordenar: Más relevantes",
        "prev": "Página anterior",
        "next": "Página siguiente",
        "write_review": "Escribir una opinión",
        "activity": "Actividad",
        "oldest": "Más antiguos primero",
        "all_activity": "Mostrar toda la actividad",
        "roles": ("Mantenedor", "Desarrollador", "Autor", "Informador", "Propietario"),
        "reply_ph": "Responder…",
        "resolve": "Resolver hilo",
        "collapse": "Contraer respuestas",
        "edited": "Editado {when} por {name}",
        "write_note": "Escribe un comentario o arrastra tus archivos aquí…",
        "comment_btn": "Comentar",
        "events": (
            "añadió la etiqueta ~{x}",
            "cambió la descripción",
            "asignado a @{x}",
            "mencionado en la solicitud de fusión !{n}",
            "cambió el hito a %{x}",
            "marcó esta incidencia como relacionada con #{n}",
        ),
    },
}


def _titled(r, c: GenComment, share: float) -> str | None:
    """A posting or review with a headline its writer typed: the first words of the text, made the
    comment's first paragraph (the gold's text starts with it)."""
    if r.random() >= share:
        return None
    words_ = c.paragraphs[0].split()
    title = " ".join(words_[: r.randrange(3, 7) if len(words_) > 7 else 2]).rstrip(",.;:")
    c.paragraphs.insert(0, title)
    return title


def lemmy_thread(ctx: Ctx, roots: list[GenComment]) -> str:
    """A federated link aggregator's comments (Lemmy-like web UI, Bootstrap classes): nested
    <ul class="comments"> lists, each comment an <li role="comment"> around an <article
    class="comment-node">; the header one row of small muted text: a collapse icon button, the
    name (a display name or the username) with "@instance" in a <small> for remote users, a
    "creator" or "mod" badge on some, the score and a short relative time with the full date in a
    tooltip attribute; the markdown text in a div; icon buttons with vote counts under it; replies
    in a nested list indented by a coloured left border; "N more replies" under some threads."""
    r = ctx.rng
    s11 = _SAY11[ctx.lang]
    home = r.choice(["lemmy.world", "feddit.org", "lemmy.ml", "jlai.lu", "feddit.cl", "sh.itjust.works"])
    others = [
        "lemmy.world",
        "lemmy.ml",
        "programming.dev",
        "beehaw.org",
        "lemm.ee",
        "sopuli.xyz",
        "feddit.nl",
    ]
    inst = {}
    for c in walk(roots):
        if c.author is not None and r.random() < 0.55:
            c.shown = c.author = _login(c.shown, r.choice(["_", ""]))[:20]
        inst[c.index] = home if r.random() < 0.5 else r.choice(others)
    op = r.choice([c.shown for c in walk(roots)]) if r.random() < 0.4 else None
    colours = ["var(--comment-node-1-color)", "var(--comment-node-2-color)", "var(--comment-node-3-color)"]

    def item(c: GenComment, kids: str) -> str:
        h = _login(c.shown, "_")
        up, down = r.randrange(0, 300), r.randrange(0, 40)
        remote = inst[c.index] != home
        who = (
            f'<a class="person-listing d-inline-flex align-items-baseline text-info" title="{attr(c.shown or "")}" '
            f'href="/u/{h}@{inst[c.index]}">'
            + (
                f'<img src="https://{inst[c.index]}/pictrs/image/{css_hash(r, 12)}.webp?format=webp&amp;thumbnail=96" '
                f'alt="" title="" class="overflow-hidden pictrs-image img-fluid img-icon me-1 rounded-circle" loading="lazy">'
                if r.random() < 0.6
                else ""
            )
            + f"<span>{esc(c.shown)}</span>"
            + (f'<small class="text-muted">{ctx.chrome("@" + inst[c.index])}</small>' if remote else "")
            + "</a>"
        )
        badges = ""
        if op is not None and c.shown == op:
            badges += f'<span class="mx-1 badge text-bg-light">{ctx.chrome(s11["creator"])}</span>'
        elif r.random() < 0.05:
            badges += f'<span class="mx-1 badge text-bg-light">{ctx.chrome(s11["mod"])}</span>'
        score = up - down
        long = c.when.strftime("%A, %B %d, %Y at %I:%M:%S %p")
        head = (
            '<div class="d-flex flex-wrap align-items-center text-muted small">'
            '<button class="btn btn-sm btn-link text-muted me-2" aria-label="Collapse" data-tippy-content="Collapse">'
            '<svg class="icon icon-inline"><use xlink:href="/static/assets/symbols.svg#icon-minus-square"></use></svg></button>'
            f'<span class="me-2">{who}</span>{badges}<span class="me-1">•</span>'
            f'<span class="unselectable pointer mx-1" data-tippy-content="{attr(s11["points"].format(n=score))} • {up} upvotes • {down} downvotes">'
            f'{ctx.chrome(str(score))}</span><span class="me-1">•</span>'
            f'<span><span class="moment-time pointer unselectable" data-tippy-content="{attr(long)}">{esc(c.date_text)}</span></span>'
            "</div>"
        )
        text = f'<div class="md-div">{paras(c)}</div>'

        def btn(label: str, icon: str, n: int | None = None) -> str:
            count = f'<span class="ms-2">{ctx.chrome(str(n))}</span>' if n else ""
            return (
                f'<button type="button" class="btn btn-link btn-animate text-muted py-0 btn-sm" data-tippy-content="{label}" aria-label="{label}">'
                f'<svg class="icon icon-inline"><use xlink:href="/static/assets/symbols.svg#icon-{icon}"></use></svg>{count}</button>'
            )

        bar = (
            '<div class="d-flex justify-content-between justify-content-lg-start flex-wrap text-muted fw-bold">'
            + btn("Upvote", "arrow-up1", up)
            + btn("Downvote", "arrow-down1", down)
            + btn("reply", "reply1")
            + btn("save", "star")
            + btn("more", "more-vertical")
            + "</div>"
        )
        more = (
            f'<button class="btn btn-link text-muted" type="button">{ctx.chrome(s11["more_replies"].format(n=r.randrange(1, 12)))}</button>'
            if r.random() < 0.12
            else ""
        )
        sub = f'<ul class="comments ms-1" aria-label="Comments">{kids}</ul>' if kids else ""
        style = f' style="border-left: 2px solid {colours[(c.depth - 1) % 3]};"' if c.depth else ""
        return (
            f'<li class="comment list-unstyled{" ms-1" if c.depth else ""}" role="comment" aria-selected="false"{style}>'
            f'<article id="comment-{40_000_000 + 37 * c.index}" class="details comment-node py-2">'
            f'<div class="ms-1">{head}{text}{bar}</div></article>{sub}{more}</li>'
        )

    body = nested(roots, item, lambda k: k)
    sorts = "".join(
        f'<input id="comments-{i}" type="radio" class="btn-check" value="{i}"{" checked" if i == 0 else ""}>'
        f'<label class="btn btn-outline-secondary pointer" for="comments-{i}">{ctx.chrome(s)}</label>'
        for i, s in enumerate(s11["sorts"])
    )
    form = (
        '<form class="comment-form"><div class="mb-3 row"><div class="col-sm-12"><textarea class="form-control" rows="2" maxlength="10000"></textarea>'
        f'</div></div><div class="row"><div class="col-sm-12 d-flex flex-wrap"><button type="submit" class="btn btn-sm btn-secondary me-2">{ctx.chrome(s11["post"])}</button>'
        f'<button class="btn btn-sm btn-secondary me-2">{ctx.chrome(s11["preview"])}</button></div></div></form>'
        if r.random() < 0.6
        else ""
    )
    return (
        f'<div class="post-comments">{form}<div class="btn-group btn-group-toggle flex-wrap me-3 mb-2" role="group">{sorts}</div>'
        f'<div class="comments"><ul class="comments" aria-label="Comments">{body}</ul></div></div>'
    )


_HABR_MONTHS = ("янв", "фев", "мар", "апр", "мая", "июн", "июл", "авг", "сен", "окт", "ноя", "дек")
_HABR = {
    "ru": {
        "title": "Комментарии",
        "reply": "Ответить",
        "ufo": "НЛО прилетело и опубликовало эту надпись здесь",
        "only_full": "Только полноправные пользователи могут оставлять комментарии. Войдите, пожалуйста.",
        "write": "Написать комментарий",
        "votes": "Всего голосов {n}: ↑{u} и ↓{d}",
        "at": "в",
        "today": "сегодня",
        "yesterday": "вчера",
        "more": "Ещё",
    },
    "en": {
        "title": "Comments",
        "reply": "Reply",
        "ufo": "UFO just landed and posted this here",
        "only_full": "Only those users with full accounts are able to leave comments. Log in, please.",
        "write": "Write a comment",
        "votes": "Total votes {n}: ↑{u} and ↓{d}",
        "at": "at",
        "today": "today",
        "yesterday": "yesterday",
        "more": "More",
    },
}


def habr_comments(ctx: Ctx, roots: list[GenComment]) -> str:
    """A tech publishing community's comments (Habr-like `tm-*` BEM classes), Russian chrome or
    the English site's: each comment a <section class="tm-comment-thread"> whose <article> holds a
    header (userpic, nickname link, and a permalink whose <time> says "27 мая 2024 в 12:12" or
    "вчера в 12:12"), the body in a div (paragraphs or <br>s), a footer with a "+5" votes meter
    and "Ответить"; replies in a `__children` div after the article; comments deleted by their
    authors left in the tree as a fixed "UFO landed" line with no header."""
    r = ctx.rng
    ui = "en" if ctx.lang == "en" and r.random() < 0.4 else "ru"
    w = _HABR[ui]
    _as_handles(roots, r.choice(["_", "", "-"]))
    art = r.randrange(700_000, 850_000)
    brs = r.random() < 0.5

    def stamp(c: GenComment) -> str:
        hm = f"{c.when:%H:%M}"
        days = (ctx.now.date() - c.when.date()).days
        if days == 0:
            c.date_iso = None
            return f"{w['today']} {w['at']} {hm}"
        if days == 1:
            c.date_iso = None
            return f"{w['yesterday']} {w['at']} {hm}"
        c.date_iso = c.when.date().isoformat()
        if ui == "ru":
            return f"{c.when.day} {_HABR_MONTHS[c.when.month - 1]} {c.when.year} {w['at']} {hm}"
        return f"{c.when:%b} {c.when.day}, {c.when.year} {w['at']} {hm}"

    def votes() -> str:
        u, d = r.randrange(0, 40), r.randrange(0, 8)
        v = u - d
        sign = "positive" if v > 0 else "negative" if v < 0 else "zero"
        shown = f"+{v}" if v > 0 else str(v).replace("-", "–")
        return (
            f'<div class="tm-comment-footer__votes"><div class="tm-votes-meter tm-comment__votes">'
            f'<span title="{attr(w["votes"].format(n=u + d, u=u, d=d))}" class="tm-votes-meter__value tm-votes-meter__value_{sign} tm-votes-meter__value_appearance-comment">'
            f"{ctx.chrome(shown)}</span></div></div>"
        )

    def item(c: GenComment, kids: str) -> str:
        cid = 26_000_000 + r.randrange(10_000, 99_999) * 10 + c.index
        h = attr(c.shown or "")
        pic = (
            f'<a href="/{ui}/users/{h}/" class="tm-user-info__userpic"><div class="tm-entity-image">'
            f'<img alt="" height="24" src="//habrastorage.org/r/w48/getpro/habr/avatars/{css_hash(r, 10)}.jpg" width="24" class="tm-entity-image__pic"></div></a>'
            if r.random() < 0.6
            else f'<a href="/{ui}/users/{h}/" class="tm-user-info__userpic"><div class="tm-entity-image"><svg class="tm-svg-img tm-image-placeholder"></svg></div></a>'
        )
        head = (
            f'<header class="tm-comment__header"><div class="tm-comment__user-info tm-user-info">{pic}'
            f'<span class="tm-user-info__user"><a href="/{ui}/users/{h}/" class="tm-user-info__username">{esc(c.shown)}</a></span></div>'
            f'<a href="/{ui}/articles/{art}/comments/#comment_{cid}" class="tm-comment-thread__comment-link">'
            f'<time datetime="{c.when.isoformat()}.000Z" title="{c.when:%Y-%m-%d, %H:%M}">{esc(stamp(c))}</time></a>'
            '<div class="tm-comment__buttons"><button class="tm-comment__button"><svg class="tm-svg-img tm-comment__icon"></svg></button></div></header>'
        )
        body = br_text(c) if brs else paras(c)
        foot = (
            f'<div class="tm-comment-footer">{votes()}<div class="tm-comment-footer__buttons">'
            f'<button class="tm-comment-thread__button">{ctx.chrome(w["reply"])}</button>'
            + (
                f'<button class="tm-comment-thread__button tm-comment-thread__button_more">{ctx.chrome(w["more"])}</button>'
                if r.random() < 0.3
                else ""
            )
            + "</div></div>"
        )
        sub = f'<div class="tm-comment-thread__children">{kids}</div>' if kids else ""
        return (
            f'<section class="tm-comment-thread"><article class="tm-comment-thread__comment">'
            f'<a name="comment_{cid}" class="tm-comment-thread__target"></a><div class="tm-comment">{head}'
            f'<div class="tm-comment__body"><div xmlns="http://www.w3.org/1999/xhtml" class="tm-comment__body-content tm-comment__body-content_v2">{body}</div></div>'
            f"{foot}</div></article>{sub}</section>"
        )

    parts = []
    for root in roots:
        if r.random() < 0.07:
            parts.append(
                f'<section class="tm-comment-thread"><article class="tm-comment-thread__comment">'
                f'<div class="tm-comment__ufo"><div class="tm-comment__ufo-text">{ctx.chrome(w["ufo"])}</div></div></article></section>'
            )
        parts.append(nested([root], item, lambda k: k))
    n = len(ctx.all_comments)
    bottom = (
        f'<div class="tm-comments-wrapper__signin"><span class="tm-comments-wrapper__signin-text">{ctx.chrome(w["only_full"])}</span></div>'
        if r.random() < 0.6
        else f'<div class="tm-comments-wrapper__write"><button class="tm-comments-wrapper__write-btn">{ctx.chrome(w["write"])}</button></div>'
    )
    return (
        f'<div class="tm-article-comments" id="comments"><div class="tm-comments-wrapper__wrapper">'
        f'<header class="tm-comments-wrapper__header"><h2 class="tm-comments-wrapper__title">{ctx.chrome(w["title"])} '
        f'<span class="tm-comments-wrapper__comments-count">{ctx.chrome(str(n))}</span></h2></header>'
        f'<div class="tm-comments__tree">{"".join(parts)}</div>{bottom}</div></div>'
    )


def weibo_classic(ctx: Ctx, roots: list[GenComment]) -> str:
    """A Chinese microblog's comment list in its classic desktop layout (Weibo-like `list_li` /
    `WB_*` classes): the name and the text on one line in `WB_text` ("name：text", the name a
    usercard link, a member icon after some names), the date ("5月27日 12:12", "今天 12:12",
    "12分钟前", or a full date for older ones) in `WB_from` after a right-floated action list of
    举报 (report), 回复 (reply) and a like count; every reply under a comment in one inner box
    beside it, replies to a reply prefixed "回复@name:", a "共N条回复" (N replies) link under
    some boxes; "热门评论" (hot comments) headings and a "查看更多" (more) card; the chrome
    Chinese."""
    r = ctx.rng
    uids = {c.index: r.randrange(1_000_000_000, 7_999_999_999) for c in walk(roots)}

    def stamp(c: GenComment) -> str:
        delta = ctx.now - c.when
        if delta.days == 0 and delta.seconds < 3600:
            c.date_iso = None
            return f"{max(delta.seconds // 60, 1)}分钟前"
        if c.when.date() == ctx.now.date():
            c.date_iso = None
            return f"今天 {c.when:%H:%M}"
        if c.when.year == ctx.now.year:
            c.date_iso = None  # no year on the page
            return f"{c.when.month}月{c.when.day}日 {c.when:%H:%M}"
        c.date_iso = c.when.date().isoformat()
        return f"{c.when.year}-{c.when.month}-{c.when.day} {c.when:%H:%M}"

    faces = ["[doge]", "[允悲]", "[笑cry]", "[赞]", "[抱抱]", "[微笑]"]

    def one(c: GenComment, child: bool) -> str:
        uid = uids[c.index]
        member = (
            f'<a target="_blank" href="//vip.weibo.com/personal"><i class="W_icon icon_member{r.randrange(1, 8)}"></i></a>'
            if r.random() < 0.2
            else ""
        )
        to = ""
        if child and c.parent is not None and ctx.all_comments[c.parent].depth > 0:
            p = ctx.all_comments[c.parent]
            ctx.boilerplate.append(f"回复@{p.shown}:")
            to = f'回复<a target="_blank" render="ext" extra-data="type=atname" href="//weibo.com/n/{attr(p.shown or "")}">@{esc(p.shown)}</a>:'
        face = ""
        if r.random() < 0.2:
            f = r.choice(faces)
            face = (
                f'<img class="W_img_face" render="ext" src="//img.t.sinajs.cn/t4/appstyle/expression/ext/normal/{css_hash(r, 2)}/face.png" '
                f'title="{f}" alt="{f}" type="face">'
            )
        text = (
            f'<div class="WB_text"><a target="_blank" href="//weibo.com/{uid}" usercard="id={uid}">{esc(c.shown)}</a>{member}'
            f"：{to}{esc(' '.join(c.paragraphs))}{face}</div>"
        )
        likes = r.randrange(0, 2000) if r.random() < 0.7 else 0
        like = f"<em>{ctx.chrome(str(likes))}</em>" if likes else f"<em>{ctx.chrome('赞')}</em>"
        func = (
            '<div class="WB_func clearfix"><div class="WB_handle W_fr"><ul class="clearfix">'
            f'<li><span class="line S_line1"><a href="javascript:;" class="S_txt1" action-type="delete">{ctx.chrome("举报")}</a></span></li>'
            f'<li><span class="line S_line1"><a href="javascript:;" class="S_txt1" action-type="reply">{ctx.chrome("回复")}</a></span></li>'
            f'<li><span class="line S_line1"><a href="javascript:void(0)" class="S_txt1" action-type="fl_like" title="赞">'
            f'<span node-type="like_status"><em class="W_ficon ficon_praised S_txt2">ñ</em>{like}</span></a></span></li></ul></div>'
            f'<div class="WB_from S_txt2">{esc(stamp(c))}</div></div>'
        )
        face_img = (
            f'<div class="WB_face W_fl"><a target="_blank" href="//weibo.com/{uid}"><img width="{20 if child else 30}" height="{20 if child else 30}" '
            f'alt="{attr(c.shown or "")}" src="//tvax1.sinaimg.cn/crop.0.0.512.512.50/{css_hash(r, 8)}.jpg" usercard="id={uid}"></a></div>'
        )
        kids = ""
        if not child and c.children:
            rows = "".join(one(k, True) for k in walk(c.children))
            more = (
                f'<div class="list_li_v2"><div class="WB_text"><a href="javascript:void(0);" action-type="click_more_child_comment_big">'
                f'{ctx.chrome(f"共{len(list(walk(c.children))) + r.randrange(1, 60)}条回复")}<i class="W_ficon ficon_arrow_down S_ficon">c</i></a></div></div>'
                if r.random() < 0.4
                else ""
            )
            kids = f'<div class="list_box_in S_bg3" node-type="child_comment"><div class="list_ul">{rows}{more}</div></div>'
        cid = 4_900_000_000_000_000 + r.randrange(10**12)
        root_attr = "" if child else ' node-type="root_comment"'
        return (
            f'<div comment_id="{cid}" class="list_li S_line1 clearfix"{root_attr}>'
            f'{face_img}<div class="list_con" node-type="replywrap">{text}'
            f'<div class="WB_expand_media_box" style="display: none;" node-type="comment_media_disp"></div>{func}{kids}</div></div>'
        )

    hot = r.random() < 0.4 and len(roots) > 3
    rows = []
    for i, root in enumerate(roots):
        if hot and i in (0, min(3, len(roots) - 1)):
            label = "热门评论" if i == 0 else "最新评论"
            rows.append(
                f'<div class="list_title_s"><div class="WB_text"><span class="S_txt1">{ctx.chrome(label)}</span></div></div>'
            )
        rows.append(one(root, False))
    more = (
        f'<div class="list_li_v2"><div class="WB_cardmore S_txt1 S_line1 clearfix"><a href="javascript:void(0);" action-type="click_more_comment">'
        f'<span class="more_txt">{ctx.chrome("查看更多")}<em class="W_ficon ficon_arrow_right S_ficon">a</em></span></a></div></div>'
        if r.random() < 0.6
        else ""
    )
    publish = (
        '<div class="WB_feed_publish clearfix"><div class="WB_publish"><div class="p_input"><textarea class="W_input" name="" node-type="textEl"></textarea></div>'
        f'<div class="p_opt clearfix"><div class="btn W_fr"><a href="javascript:void(0);" class="W_btn_a" node-type="btnText">{ctx.chrome("评论")}</a></div>'
        f'<ul class="ipt"><li class="W_fl"><label><input type="checkbox" class="W_checkbox">{ctx.chrome("同时转发到我的微博")}</label></li></ul></div></div></div>'
        if r.random() < 0.6
        else ""
    )
    return (
        f'<div class="WB_feed_repeat S_bg1" node-type="feed_list_repeat"><div class="WB_repeat S_line1"><div class="WB_feed_repeat_wrap">{publish}'
        f'<div class="repeat_list"><div class="list_box"><div class="list_ul" node-type="feed_list_commentList">{"".join(rows)}{more}'
        "</div></div></div></div></div></div>"
    )


def trustpilot_reviews(ctx: Ctx, roots: list[GenComment]) -> str:
    """A review platform's review list (Trustpilot-like): CSS-module class names with hash
    suffixes and data-* attributes naming the parts; each review an <article> with an <aside>
    of the reviewer (an initials avatar, the name, "3 reviews", a country code), a star image
    whose only words are its alt text, the date, a headline the reviewer typed (a link around an
    <h2>), the text, a "Date of experience:" line with another date, Useful / Share buttons;
    the company's reply ("Reply from <company>", its own date, its text) inside the review's
    card, one at most per review."""
    r = ctx.rng
    s11 = _SAY11[ctx.lang]
    company = ctx.site
    # one reply per review, always the company's: further replies become reviews of their own
    flat: list[GenComment] = []
    for root in roots:
        under = list(walk(root.children))
        root.children = []
        flat.append(root)
        for k, c in enumerate(under):
            if k == 0:
                c.parent, c.depth, c.children = root.index, 1, []
                c.shown = c.author = company
                root.children = [c]
            else:
                c.parent, c.depth, c.children = None, 0, []
                flat.append(c)
    roots[:] = flat
    countries = {
        "en": ["GB", "US", "IE", "AU", "CA"],
        "de": ["DE", "AT", "CH"],
        "fr": ["FR", "BE", "CA"],
        "es": ["ES", "MX", "AR"],
    }

    def h(prefix: str, name: str) -> str:
        return f"{prefix}_{name}__{css_hash(r, 5)}"

    def typo(kind: str) -> str:
        return f"{h('typography', kind)} {h('typography', 'appearance-default')}"

    def when(c: GenComment, data: str) -> str:
        return f'<time datetime="{c.when.isoformat()}.000Z" class="" {data}="true">{esc(c.date_text)}</time>'

    items = []
    for c in roots:
        title = _titled(r, c, 1.0)
        stars = r.choice([1, 2, 3, 4, 5, 5, 5, 4])
        initials = "".join(p[0] for p in (c.shown or "?").split()[:2]).upper()
        pic = (
            f'<div class="{h("avatar", "avatar")} {h("avatar", "size40")}" data-consumer-avatar="true">'
            + (
                f'<img src="https://user-images.trustpilot.com/{css_hash(r, 24)}/73x73.png" alt="" class="{h("avatar", "avatarImage")}">'
                if r.random() < 0.4
                else f'<span class="{typo("heading-xxs")}">{ctx.chrome(initials)}</span>'
            )
            + "</div>"
        )
        n_rev = r.choice([1, 1, 2, 3, 5, 8, 14])
        consumer = (
            f'<aside class="{h("styles", "consumerInfoWrapper")}" aria-label="Info for {attr(c.shown or "")}">'
            f'<div class="{h("styles", "consumerDetailsWrapper")}">{pic}'
            f'<a href="/users/{css_hash(r, 24)}" name="consumer-profile" class="{h("link", "internal")} {h("link", "link")} {h("styles", "consumerDetails")}" data-consumer-profile-link="true">'
            f'<span class="{typo("heading-xxs")}" data-consumer-name-typography="true">{esc(c.shown)}</span>'
            f'<div class="{h("styles", "consumerExtraDetails")}" data-consumer-reviews-count="{n_rev}">'
            f'<span class="{typo("body-m")}" data-consumer-reviews-count-typography="true">{ctx.chrome(s11["n_reviews"].format(n=n_rev))}</span>'
            f'<div class="{typo("body-m")} {h("styles", "detailsIcon")}" data-consumer-country-typography="true"><svg width="16" height="16"></svg>'
            f"<span>{ctx.chrome(r.choice(countries[ctx.lang]))}</span></div></div></a></div></aside>"
        )
        label = ""
        if r.random() < 0.5:
            label = (
                f'<div class="{h("styles", "reviewLabel")}"><div class="{h("styles", "verificationIcon")}"><svg></svg></div>'
                f'<span class="{typo("body-xs")}">{ctx.chrome(r.choice([s11["verified"], s11["invited"]]))}</span></div>'
            )
        experienced = c.when - (c.when - ctx.published) * r.random()
        exp_text = words.write_date(r, ctx.lang, experienced, ctx.now, "dmy")[0]
        ctx.boilerplate.append(f"{s11['experience']} {exp_text}")
        text = (
            f'<div class="{h("styles", "reviewContent")}" aria-hidden="false" data-review-content="true">'
            f'<a href="/reviews/{css_hash(r, 24)}" rel="nofollow" class="{h("link", "internal")} {h("link", "notUnderlined")}" data-review-title-typography="true">'
            f'<h2 class="{typo("heading-s")}" data-service-review-title-typography="true">{esc(title or "")}</h2></a>'
            f'<p class="{typo("body-l")} {h("typography", "color-black")}" data-service-review-text-typography="true">{br_text(GenComment(c.index, 0, None, None, None, c.when, "", None, c.paragraphs[1:]))}</p>'
            f'<p class="{typo("body-m")}" data-service-review-date-of-experience-typography="true"><b class="{typo("body-m")} {h("typography", "weight-heavy")}" weight="heavy">'
            f"{esc(s11['experience'])}</b> {esc(exp_text)}</p></div>"
        )
        header = (
            f'<div class="{h("styles", "reviewHeader")}" data-service-review-rating="{stars}">'
            f'<div class="{h("star-rating", "starRating")} {h("star-rating", "medium")}"><img src="https://cdn.trustpilot.net/brand-assets/4.1.0/stars/stars-{stars}.svg" alt="Rated {stars} out of 5 stars"></div>'
            f'<div class="{typo("body-m")} {h("styles", "datesWrapper")}">{when(c, "data-service-review-date-time-ago")}</div></div>'
        )
        useful = r.randrange(0, 12)
        foot = (
            f'<div class="{h("styles", "reviewFooter")}"><div class="{h("styles", "actionsWrapper")}">'
            f'<button class="{h("styles", "actionButton")}" data-review-like-button="true" aria-label="{attr(s11["useful"])}"><svg></svg>'
            f'<span class="{typo("body-m")}">{ctx.chrome(s11["useful"])}</span>'
            + (f'<span class="{typo("body-m")}">{ctx.chrome(str(useful))}</span>' if useful else "")
            + f'</button><button class="{h("styles", "actionButton")}" data-review-share-button="true"><svg></svg>'
            f'<span class="{typo("body-m")}">{ctx.chrome(ctx.say["share"])}</span></button></div>'
            f'<button class="{h("styles", "reportButton")}" aria-label="{attr(ctx.say["report"])}"><svg></svg></button></div>'
        )
        reply = ""
        if c.children:
            k = c.children[0]
            line = s11["reply_from"].format(name=company)
            reply = (
                f'<div class="{h("paper", "paper")} {h("paper", "square")} {h("styles", "wrapper")}" data-service-review-business-reply="true">'
                f'<div class="{h("styles", "replyInfo")}"><div class="{h("avatar", "avatar")}"><img src="/logo.png" alt=""></div>'
                f'<div class="{h("styles", "replyHeader")}"><p class="{typo("body-m")} {h("styles", "replyCompany")}" data-service-review-business-reply-title-typography="true">'
                f"{ctx.chrome(line)}</p>{when(k, 'data-service-review-business-reply-date-time-ago')}</div></div>"
                f'<p class="{typo("body-m")} {h("styles", "message")}" data-service-review-business-reply-text-typography="true">{br_text(k)}</p></div>'
            )
        items.append(
            f'<div class="{h("styles", "cardWrapper")} {h("styles", "show")} {h("styles", "reviewCard")}">'
            f'<article class="{h("paper", "paper")} {h("paper", "outline")} {h("card", "card")} {h("styles", "reviewCard")}" data-service-review-card-paper="true">'
            f'<div class="{h("styles", "reviewCardInnerHeader")}">{consumer}</div>'
            f'<section class="{h("styles", "reviewContentwrapper")}" aria-disabled="false">{header}{label}{text}</section>'
            f"{foot}{reply}</article></div>"
        )
    total = len(items) + r.randrange(10, 5000)
    head = (
        f'<div class="{h("styles", "reviewsOverview")}"><h2 class="{typo("heading-m")}">{ctx.chrome(s11["reviews"])}</h2>'
        f'<span class="{typo("body-l")}">{ctx.chrome(f"{total:,}")}</span>'
        f'<a class="{h("button", "button")}" href="/evaluate/{ctx.host}">{ctx.chrome(s11["write_review"])}</a>'
        f'<div class="{h("styles", "filters")}"><button class="{h("button", "button")}">{ctx.chrome(s11["filter"])}</button>'
        f'<button class="{h("button", "button")}">{ctx.chrome(s11["sort_relevant"])}</button></div></div>'
    )
    pages = (
        f'<nav class="{h("pagination", "pagination")}" aria-label="Pagination">'
        f'<a aria-disabled="true" class="{h("pagination", "previousLink")}"><span>{ctx.chrome(s11["prev"])}</span></a>'
        + "".join(
            f'<a class="{h("pagination", "link")}" href="?page={p}">{ctx.chrome(str(p))}</a>'
            for p in (1, 2, 3)
        )
        + f'<a class="{h("pagination", "nextLink")}" href="?page=2"><span>{ctx.chrome(s11["next"])}</span></a></nav>'
        if r.random() < 0.7
        else ""
    )
    return (
        f'<section class="{h("styles", "reviewListContainer")}" aria-label="{attr(s11["reviews"])}">{head}'
        f"{''.join(items)}{pages}</section>"
    )


def gitlab_notes(ctx: Ctx, roots: list[GenComment]) -> str:
    """A code host's issue activity (GitLab-like notes): one <ul class="notes timeline">, each
    entry a `timeline-entry` whose header has the display name, "@username" beside it and a
    linked relative time, a role badge ("Maintainer", "Author") among the note's action icons,
    the text in `note-text md`, emoji award buttons; a comment that was answered opens a
    discussion card whose <ul class="notes"> holds it and its replies as siblings, then a
    "Reply…" placeholder and "Resolve thread"; system notes ("<name> @<user> added ~bug label ·
    1 week ago") share the header markup; some notes carry an "Edited <when> by <name>" line."""
    r = ctx.rng
    s11 = _SAY11[ctx.lang]
    _one_level(roots)
    users = {}
    for c in walk(roots):
        users[c.index] = _login(c.shown, r.choice(["", ".", "_"]))[:20]
    author = r.choice([c.shown for c in walk(roots)])
    roles = {}
    for c in walk(roots):
        if c.shown == author:
            roles[c.index] = s11["roles"][2]
        elif r.random() < 0.3:
            roles[c.index] = r.choice([s11["roles"][0], s11["roles"][1], s11["roles"][3], s11["roles"][4]])
    labels = ["bug", "feature", "UX", "backend", "needs-investigation", "documentation"]
    milestones = ["16.1", "v2.4", "Q3", "Backlog"]

    def header(name: str, user: str, when_html: str, message: str = "") -> str:
        return (
            '<div class="note-header-info">'
            f'<a href="/{attr(user)}" class="js-user-link" data-username="{attr(user)}">'
            f'<span class="note-header-author-name gl-font-bold">{esc(name)}</span> '
            f'<span class="note-headline-light">{ctx.chrome("@" + user)}</span></a>'
            f'<span class="note-headline-light note-headline-meta">{message}'
            f'<span class="system-note-separator">·</span>{when_html}</span></div>'
        )

    def stamp(c: GenComment, nid: int) -> str:
        return (
            f'<a href="#note_{nid}" class="note-timestamp system-note-separator">'
            f'<time class="js-timeago" datetime="{c.when.isoformat()}Z" title="{attr(c.when.strftime("%B %d, %Y at %I:%M:%S %p UTC"))}" '
            f'data-toggle="tooltip" data-placement="top" data-container="body">{esc(c.date_text)}</time></a>'
        )

    def note(c: GenComment, in_thread: bool) -> str:
        nid = 1_900_000_000 + 131 * c.index
        role = (
            f'<span class="note-role user-access-role has-tooltip gl-badge badge badge-pill badge-muted sm">{ctx.chrome(roles[c.index])}</span>'
            if c.index in roles
            else ""
        )
        actions = (
            f'<div class="note-actions">{role}<div class="note-actions-item"><button aria-label="Add reaction" class="note-action-button js-add-award">'
            '<svg class="gl-icon s16"></svg></button></div><button aria-label="Edit comment" class="note-action-button js-note-edit"><svg class="gl-icon s16"></svg></button>'
            '<div class="more-actions dropdown"><button class="note-action-button more-actions-toggle" aria-label="More actions"><svg class="gl-icon s16"></svg></button></div></div>'
        )
        awards = ""
        if r.random() < 0.35:
            awards = (
                '<div class="awards js-awards-block">'
                + "".join(
                    f'<button class="btn gl-button btn-default award-control"><gl-emoji data-name="{e}">{ctx.chrome(sym)}</gl-emoji>'
                    f'<span class="award-control-text js-counter">{ctx.chrome(str(r.randrange(1, 20)))}</span></button>'
                    for e, sym in r.sample(
                        [("thumbsup", "👍"), ("heart", "❤️"), ("tada", "🎉"), ("eyes", "👀")],
                        r.randrange(1, 3),
                    )
                )
                + "</div>"
            )
        edited = ""
        if r.random() < 0.15:
            who = r.choice([c.shown or "", ctx.name()])
            ago = r.choice(["1 day ago", "2 weeks ago", "3 hours ago"])
            ctx.boilerplate.append(s11["edited"].format(when=ago, name=who))
            pre, rest = s11["edited"].split("{when}")
            mid, _ = rest.split("{name}")
            edited = (
                f'<div class="note_edited_ago">{esc(pre)}<time class="js-timeago">{esc(ago)}</time>{esc(mid)}'
                f'<a href="/{attr(_login(who))}" class="author-link">{esc(who)}</a></div>'
            )
        pic = (
            f'<div class="timeline-avatar gl-float-left"><a href="/{attr(users[c.index])}" class="js-user-link">'
            f'<img class="avatar s{24 if in_thread and c.depth else 40} gl-avatar gl-avatar-circle" src="/uploads/-/system/user/avatar/{c.index}/avatar.png?width=64" alt="{attr(c.shown or "")}\'s avatar"></a></div>'
        )
        return (
            f'<li id="note_{nid}" class="note note-wrapper timeline-entry{" note-comment" if in_thread else ""}" data-note-id="{nid}">'
            f'<div class="timeline-entry-inner">{pic}<div class="timeline-content"><div class="note-header">'
            f"{header(c.shown or '', users[c.index], stamp(c, nid))}{actions}</div>"
            f'<div class="timeline-discussion-body"><div class="note-body"><div class="note-text md">{paras(c, "p")}</div>{edited}</div>{awards}</div>'
            f"</div></div></li>"
        )

    def system() -> str:
        name = ctx.name()
        user = _login(name, r.choice(["", "."]))[:20]
        msg = r.choice(s11["events"]).format(
            x=r.choice(labels + milestones + [_login(ctx.name())]), n=r.randrange(2, 900)
        )
        ago = r.choice(["1 week ago", "2 days ago", "3 weeks ago", "5 hours ago"])
        ctx.boilerplate.append(msg)
        ctx.boilerplate.append(ago)
        return (
            f'<li id="note_{r.randrange(10**9)}" class="note system-note timeline-entry note-wrapper">'
            '<div class="timeline-entry-inner"><div class="timeline-icon"><svg class="gl-icon s16"></svg></div>'
            f'<div class="timeline-content"><div class="note-header">'
            + header(
                name,
                user,
                f'<a class="system-note-separator" href="#"><time class="js-timeago">{esc(ago)}</time></a>',
                f'<span class="system-note-message"><span>{esc(msg)}</span></span>',
            )
            + "</div></div></div></li>"
        )

    entries = []
    for root in roots:
        while r.random() < 0.3:
            entries.append(system())
        if not root.children:
            entries.append(note(root, False))
            continue
        notes = note(root, True)
        if r.random() < 0.4:
            notes += (
                f'<li class="toggle-replies-widget gl-border-r gl-border-l"><button class="gl-button btn btn-link">'
                f'<svg class="gl-icon s16"></svg>{ctx.chrome(s11["collapse"])}</button></li>'
            )
        notes += "".join(note(k, True) for k in root.children)
        notes += (
            f'<li class="discussion-reply-holder"><button type="button" class="js-vue-discussion-reply">{ctx.chrome(s11["reply_ph"])}</button>'
            + (
                f'<button type="button" class="btn gl-button btn-default">{ctx.chrome(s11["resolve"])}</button>'
                if r.random() < 0.5
                else ""
            )
            + "</li>"
        )
        entries.append(
            '<li class="note note-discussion timeline-entry"><div class="timeline-entry-inner"><div class="timeline-content">'
            '<div class="discussion js-discussion-container"><div class="discussion-body"><div class="card discussion-wrapper">'
            f'<div class="discussion-notes"><ul class="notes">{notes}</ul></div></div></div></div></div></div></li>'
        )
    for _ in range(r.randrange(0, 2)):
        entries.append(system())
    head = (
        f'<div class="issuable-discussion"><div class="gl-flex gl-justify-between"><h2 class="gl-text-size-h1">{ctx.chrome(s11["activity"])}</h2>'
        f'<div class="gl-dropdown"><button class="btn dropdown-toggle">{ctx.chrome(s11["oldest"])}</button></div>'
        f'<div class="gl-dropdown"><button class="btn dropdown-toggle">{ctx.chrome(s11["all_activity"])}</button></div></div>'
    )
    form = (
        f'<div class="js-comment-form"><textarea class="note-textarea" placeholder="{attr(s11["write_note"])}"></textarea>'
        f'<button class="btn gl-button btn-confirm">{ctx.chrome(s11["comment_btn"])}</button></div>'
        if r.random() < 0.6
        else ""
    )
    return f'{head}<ul id="notes-list" class="notes main-notes-list timeline">{"".join(entries)}</ul>{form}</div>'


_STANDARD_MONTHS = (
    "Jänner",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
)


def standard_forum(ctx: Ctx, roots: list[GenComment]) -> str:
    """An Austrian daily's reader forum (Der-Standard-like, custom elements): one flat list of
    <dst-posting> elements in page order, a reply's depth only in a data-level attribute and a
    CSS variable (and on some pages a level class); the header a user button with the name over
    a second line of counts ("123 Postings, 4 Follower"), a subscriber badge on some, and a
    <time> ("27. Mai 2024, 11:12:45"); a bold posting title on many postings, the text in
    paragraphs, a rating log of two bare numbers, "Antworten" / "Melden"; postings removed by the
    editors left as one line; "Posting 1 bis 40 von 1.234" paging; the chrome German."""
    r = ctx.rng
    level_class = r.random() < 0.5
    flat = list(walk(roots))
    for c in flat:
        c.date_iso = c.when.date().isoformat()

    def stamp(c: GenComment) -> str:
        return f"{c.when.day}. {_STANDARD_MONTHS[c.when.month - 1]} {c.when.year}, {c.when:%H:%M:%S}"

    items = []
    for c in flat:
        if c.depth == 0 and r.random() < 0.06:
            items.append(
                f'<dst-posting data-level="0" class="posting posting--removed" style="--level: 0">'
                f'<div class="posting--removed-text">{ctx.chrome("Dieses Posting wurde von der Redaktion entfernt.")}</div></dst-posting>'
            )
        title = _titled(r, c, 0.4)
        pid = 1_140_000_000 + r.randrange(10**6)
        followers = (
            f'<span class="upost-follower">{ctx.chrome(f"{r.randrange(1, 9000):,}".replace(",", ".") + f" Postings, {r.randrange(0, 300)} Follower")}</span>'
            if r.random() < 0.8
            else ""
        )
        badge = (
            f'<span class="upost-badge upost-badge--subscriber" title="Abonnent:in">{ctx.chrome("Abo")}</span>'
            if r.random() < 0.15
            else ""
        )
        user = (
            f'<dst-posting--user><button class="posting--usermenu" aria-haspopup="true">'
            f'<span class="upost-usercontainer"><span class="upost-usertag">{esc(c.shown)}</span>{badge}{followers}</span></button></dst-posting--user>'
        )
        when = f'<time class="posting--time" data-date="{c.when.isoformat()}.000Z" datetime="{c.when.isoformat()}.000Z">{esc(stamp(c))}</time>'
        body_paras = c.paragraphs[1:] if title else c.paragraphs
        content = (
            '<div class="posting--content">'
            + (f"<h1>{esc(title)}</h1>" if title else "")
            + "".join(f"<p>{esc(p)}</p>" for p in body_paras)
            + "</div>"
        )
        plus, minus = r.randrange(0, 200), r.randrange(0, 60)
        foot = (
            '<footer class="posting--footer"><dst-posting--ratinglog class="ratinglog"><button class="ratings--positive">'
            f'<span class="ratings-positive-count">{ctx.chrome(str(plus))}</span></button><button class="ratings--negative">'
            f'<span class="ratings-negative-count">{ctx.chrome(str(minus))}</span></button></dst-posting--ratinglog>'
            f'<button class="posting--reply">{ctx.chrome("Antworten")}</button>'
            f'<button class="posting--report">{ctx.chrome("Melden")}</button></footer>'
        )
        lvl = f" posting--level-{c.depth}" if level_class else ""
        items.append(
            f'<dst-posting data-postingid="{pid}" data-level="{c.depth}" class="posting{lvl}" style="--level: {c.depth}">'
            f'<header class="posting--header">{user}{when}</header>{content}{foot}</dst-posting>'
        )
    n = len(flat)
    total = n + (r.randrange(1, 3000) if r.random() < 0.6 else 0)
    paging = ctx.chrome(f"Posting 1 bis {n} von {total:,}".replace(",", "."))
    sort = "".join(
        f'<button class="forum--sort{" is-active" if i == 0 else ""}">{ctx.chrome(s)}</button>'
        for i, s in enumerate(("Neueste zuerst", "Älteste zuerst", "Beliebteste"))
    )
    login = (
        f'<div class="forum--login"><a href="/login">{ctx.chrome("Einloggen zum Mitposten")}</a></div>'
        if r.random() < 0.5
        else f'<div class="forum--compose"><button>{ctx.chrome("Neues Posting verfassen")}</button></div>'
    )
    return (
        f'<section id="story-community" class="story-community"><header class="forum--header"><h2>{ctx.chrome("Forum")}</h2>'
        f'<div class="forum--meta"><span class="forum--count">{paging}</span>'
        f'<a class="forum--rules" href="/communityregeln">{ctx.chrome("Forenregeln")}</a></div>'
        f'<div class="forum--sorting">{sort}</div>{login}</header>'
        f'<dst-forum class="forum--postings">{"".join(items)}</dst-forum>'
        + (
            f'<div class="forum--more"><button>{ctx.chrome("Weitere Postings laden")}</button></div>'
            if total > n
            else ""
        )
        + "</section>"
    )


_ZEIT_MONTHS = (
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
)
_ZEIT_NOTES = (
    "Entfernt. Bitte verzichten Sie auf Pauschalisierungen. Danke, die Redaktion/{x}",
    "Gekürzt. Bitte bleiben Sie beim Thema des Artikels. Danke, die Redaktion/{x}",
    "Bitte formulieren Sie Ihre Kritik sachlich. Danke, die Redaktion/{x}",
)


def zeit_thread(ctx: Ctx, roots: list[GenComment]) -> str:
    """A German weekly's reader comments (Zeit-Online-like BEM classes): one flat run of
    <article class="comment"> in page order, a reply set apart only by a `comment--indented`
    modifier and an "Antwort auf #3 von <name>" link above its text (one level of replies); the
    name an <h4>, the comment's number ("#12", "#12.3") and its time ("vor 2 Stunden", or "27. Mai
    2024, 11:12 Uhr" for older ones) in one anchor; a "Redaktionsempfehlung" badge on some; an
    editors' note in <em> after the text of some ("Entfernt. … Danke, die Redaktion/ab");
    "Antworten", "Melden" and "12 Fans" reactions; "Weitere Antworten anzeigen" after some
    threads; the chrome German."""
    r = ctx.rng
    _one_level(roots)
    numbers: dict[int, str] = {}
    for i, root in enumerate(roots):
        numbers[root.index] = f"#{i + 1}"
        for j, k in enumerate(root.children):
            numbers[k.index] = f"#{i + 1}.{j + 1}"

    def stamp(c: GenComment) -> str:
        delta = ctx.now - c.when
        if delta.days < 1:
            c.date_iso = None
            if delta.seconds < 3600:
                return f"vor {max(delta.seconds // 60, 1)} Minuten"
            h = delta.seconds // 3600
            return "vor 1 Stunde" if h == 1 else f"vor {h} Stunden"
        c.date_iso = c.when.date().isoformat()
        return f"{c.when.day}. {_ZEIT_MONTHS[c.when.month - 1]} {c.when.year}, {c.when:%H:%M} Uhr"

    def one(c: GenComment) -> str:
        cid = 61_000_000 + 17 * c.index
        reply = c.parent is not None
        recommended = r.random() < 0.1
        classes = (
            "comment"
            + (" comment--indented" if reply else "")
            + (" comment--recommended" if recommended else "")
        )
        avatar_html = (
            f'<img class="comment-meta__avatar" src="https://profile.example.de/avatar/{c.index}.jpg" alt="">'
            if r.random() < 0.4
            else ""
        )
        badge = (
            f'<span class="comment-meta__badge">{ctx.chrome("Redaktionsempfehlung")}</span>'
            if recommended
            else ""
        )
        origin = ""
        if reply:
            p = ctx.all_comments[c.parent]
            line = f"Antwort auf {numbers[p.index]} von {p.shown}"
            origin = f'<a class="comment__origin js-jump-to-comment" href="#cid-{61_000_000 + 17 * p.index}">{ctx.chrome(line)}</a>'
        note = ""
        if r.random() < 0.08:
            initials = r.choice(["ab", "fk", "jk", "mst", "ls", "sk"])
            note = f"<em>{ctx.chrome(r.choice(_ZEIT_NOTES).format(x=initials))}</em>"
        fans = r.randrange(0, 400) if r.random() < 0.7 else 0
        fans_html = (
            f'<a class="comment__reaction js-recommend-comment" href="#"><span class="js-comment-recommendations">'
            f"{ctx.chrome(f'{fans} Fans')}</span></a>"
            if fans
            else f'<a class="comment__reaction js-recommend-comment" href="#">{ctx.chrome("Fan werden")}</a>'
        )
        return (
            f'<article class="{classes}" id="cid-{cid}"><div class="comment__container">'
            f'<div class="comment-meta">{avatar_html}<h4 class="comment-meta__name"><a href="https://profile.example.de/{_login(c.shown)}">{esc(c.shown)}</a></h4>'
            f'{badge}<a class="comment-meta__date" href="#cid-{cid}" title="Link zu diesem Kommentar">'
            f"{ctx.chrome(numbers[c.index])} &nbsp;—&nbsp; {esc(stamp(c))}</a></div>"
            f'<div class="comment__body">{origin}{paras(c)}{note}</div>'
            f'<div class="comment__reactions"><a class="comment__reaction js-reply-to-comment" href="#">{ctx.chrome("Antworten")}</a>'
            f'<a class="comment__reaction js-report-comment" href="#">{ctx.chrome("Melden")}</a>{fans_html}</div>'
            "</div></article>"
        )

    items = []
    for root in roots:
        items.append(one(root))
        for k in root.children:
            items.append(one(k))
        if root.children and r.random() < 0.3:
            items.append(
                f'<div class="comment-overlay js-load-comment-replies"><span class="comment-overlay__cta">'
                f"{ctx.chrome(f'Weitere {r.randrange(2, 30)} Antworten anzeigen')}</span></div>"
            )
    n = len(ctx.all_comments)
    pages = r.randrange(2, 20) if r.random() < 0.5 else 1
    paging = (
        f'<div class="pager"><span class="pager__current">{ctx.chrome(f"Seite 1 von {pages}")}</span>'
        f'<a class="pager__button pager__button--next" href="?page=2">{ctx.chrome("Nächste Seite")}</a></div>'
        if pages > 1
        else ""
    )
    sort = "".join(
        f'<a class="comment-section__sort-item{" comment-section__sort-item--active" if i == 0 else ""}" href="#">{ctx.chrome(s)}</a>'
        for i, s in enumerate(("Chronologisch", "Leserempfehlungen", "Redaktionsempfehlungen"))
    )
    form = (
        f'<div class="comment-form"><p class="comment-form__intro">{ctx.chrome("Kommentieren Sie diesen Artikel")}</p>'
        f'<textarea class="comment-form__textarea"></textarea><button class="comment-form__submit">{ctx.chrome("Kommentar senden")}</button></div>'
        if r.random() < 0.5
        else f'<p class="comment-section__closed">{ctx.chrome("Die Kommentarfunktion ist geschlossen.")}</p>'
    )
    return (
        f'<section class="comment-section" id="comments"><div class="comment-section__head">'
        f'<h2 class="comment-section__headline">{ctx.chrome(f"{n} Kommentare")}</h2>'
        f'<div class="comment-section__sort">{sort}</div></div>{form}'
        f'<div class="comment-section__body" id="js-comments-body">{"".join(items)}</div>{paging}</section>'
    )


_NYT_PLACES = (
    "Brooklyn, NY",
    "Seattle",
    "Portland, OR",
    "Berlin, Germany",
    "Lyon, France",
    "Madrid",
    "Toronto",
    "Ohio",
    "Upper West Side",
    "London",
    "Chicago, IL",
    "Austin, Texas",
)


def nyt_picks(ctx: Ctx, roots: list[GenComment]) -> str:
    """A newspaper's comment panel (New-York-Times-like, CSS-in-JS `css-xxxx` classes, drawn
    once per page per part): "NYT Picks / Reader Picks / All" tabs with counts, a sort select;
    each comment an avatar (an image or the name's initial), the name with the writer's place
    beside it ("Brooklyn, NY"), an "NYT Pick" badge on some and a "Reporter" label on the
    article's author when they answer, a short date ("May 27", "2h ago"); the text in paragraphs;
    "Recommend" with a count, "Reply", "Share", "Flag"; replies (one level) in a box under their
    thread's first comment after a "See N Replies" / "Hide replies" toggle, each opening "In Reply
    to <name>"; "See more comments" at the end."""
    r = ctx.rng
    _one_level(roots)
    cls = {
        k: f"css-{css_hash(r, r.choice([5, 6, 7]))}"
        for k in (
            "thread",
            "comment",
            "header",
            "avatar",
            "who",
            "name",
            "place",
            "pick",
            "date",
            "inreply",
            "body",
            "p",
            "actions",
            "btn",
            "count",
            "replies",
            "toggle",
        )
    }
    for c in walk(roots):
        if c.parent is not None and r.random() < 0.08:
            c.shown = c.author = ctx.author

    def stamp(c: GenComment) -> str:
        delta = ctx.now - c.when
        if delta.days == 0:
            c.date_iso = None
            return (
                f"{delta.seconds // 3600}h ago"
                if delta.seconds >= 3600
                else f"{max(delta.seconds // 60, 1)}m ago"
            )
        if c.when.year == ctx.now.year:
            c.date_iso = None
            return c.when.strftime("%b %-d")
        c.date_iso = c.when.date().isoformat()
        return c.when.strftime("%b %-d, %Y")

    def one(c: GenComment) -> str:
        reporter = c.shown == ctx.author and c.parent is not None
        face = (
            f'<img alt="" src="https://static01.example.com/avatars/{c.index}.png" width="36">'
            if r.random() < 0.4
            else f'<span aria-hidden="true">{esc((c.shown or "?")[0].upper())}</span>'
        )
        place = (
            f'<span class="{cls["place"]}">{ctx.chrome(r.choice(_NYT_PLACES))}</span>'
            if not reporter and r.random() < 0.85
            else ""
        )
        label = (
            f'<span class="{cls["pick"]}">{ctx.chrome("Reporter")}</span>'
            if reporter
            else (f'<span class="{cls["pick"]}">{ctx.chrome("NYT Pick")}</span>' if r.random() < 0.12 else "")
        )
        inreply = (
            f'<div class="{cls["inreply"]}">{ctx.chrome("In Reply to")} <span>{esc(ctx.all_comments[c.parent].shown)}</span></div>'
            if c.parent is not None
            else ""
        )
        recs = r.randrange(1, 900)
        return (
            f'<div class="{cls["comment"]}" id="comment-{130_000_000 + 7 * c.index}">'
            f'<div class="{cls["header"]}"><div class="{cls["avatar"]}">{face}</div><div class="{cls["who"]}">'
            f'<span class="{cls["name"]}">{esc(c.shown)}</span>{place}</div>{label}'
            f'<span class="{cls["date"]}">{esc(stamp(c))}</span></div>{inreply}'
            f'<div class="{cls["body"]}">{paras(c, "p", cls["p"])}</div>'
            f'<div class="{cls["actions"]}"><button class="{cls["btn"]}">{ctx.chrome("Recommend")}</button>'
            f'<span class="{cls["count"]}">{ctx.chrome(str(recs))}</span>'
            f'<button class="{cls["btn"]}">{ctx.chrome("Reply")}</button><button class="{cls["btn"]}">{ctx.chrome("Share")}</button>'
            f'<button class="{cls["btn"]}" aria-label="Flag">{ctx.chrome("Flag")}</button></div></div>'
        )

    threads = []
    for root in roots:
        kids = ""
        if root.children:
            n = len(root.children)
            toggle = ctx.chrome(
                "Hide replies" if r.random() < 0.5 else f"See {n} Repl{'y' if n == 1 else 'ies'}"
            )
            kids = (
                f'<button class="{cls["toggle"]}">{toggle}</button>'
                f'<div class="{cls["replies"]}">{"".join(one(k) for k in root.children)}</div>'
            )
        threads.append(f'<div class="{cls["thread"]}">{one(root)}{kids}</div>')
    n = len(ctx.all_comments)
    picks = r.randrange(0, min(n, 5) + 1)
    tabs = "".join(
        f'<button role="tab" aria-selected="{"true" if i == 2 else "false"}">{ctx.chrome(t)}</button>'
        for i, t in enumerate((f"NYT Picks {picks}", f"Reader Picks {n}", f"All {n}"))
    )
    more = f"<button>{ctx.chrome('See more comments')}</button>" if r.random() < 0.5 else ""
    return (
        f'<section id="commentsContainer" aria-label="Comments"><header><h2>{ctx.chrome(f"{n} Comments")}</h2>'
        f'<div role="tablist">{tabs}</div><label>{ctx.chrome("Sort by")} <select><option>{ctx.chrome("Newest")}</option>'
        f"<option>{ctx.chrome('Oldest')}</option></select></label></header>"
        f'<div id="comments-list">{"".join(threads)}</div>{more}</section>'
    )


def lemonde_reactions(ctx: Ctx, roots: list[GenComment]) -> str:
    """A French daily's "Réactions" (Le-Monde-like BEM classes): each reaction a <div
    class="comment"> of <p> lines (the name, "Le 27/05/2024 à 12h12" or "Aujourd'hui à 12h12",
    the text in one <p> with <br> between paragraphs), an "Abonné" status beside some names;
    answers nested in a "comment__answers" block inside their parent after an "Afficher N
    réponses" link; "Répondre" and "Signaler un abus" links; a subscribers-only notice and the
    reaction charter above; "Voir plus de réactions" below; the chrome French."""
    r = ctx.rng

    def stamp(c: GenComment) -> str:
        if c.when.date() == ctx.now.date():
            c.date_iso = None
            return f"Aujourd'hui à {c.when.hour}h{c.when.minute:02d}"
        if (ctx.now.date() - c.when.date()).days == 1:
            c.date_iso = None
            return f"Hier à {c.when.hour}h{c.when.minute:02d}"
        c.date_iso = c.when.date().isoformat()
        return f"Le {c.when:%d/%m/%Y} à {c.when.hour}h{c.when.minute:02d}"

    def item(c: GenComment, kids: str) -> str:
        status = f' <span class="comment__status">{ctx.chrome("Abonné")}</span>' if r.random() < 0.3 else ""
        n_kids = len(c.children)
        answers = (
            f'<a class="comment__show-answers" href="#">{ctx.chrome(f"Afficher {n_kids} réponse" + ("s" if n_kids > 1 else ""))}</a>'
            f'<div class="comment__answers">{kids}</div>'
            if kids
            else ""
        )
        return (
            f'<div class="comment{" comment--answer" if c.parent is not None else ""}" data-comment-id="{8_800_000 + c.index}">'
            f'<p class="comment__author">{esc(c.shown)}{status}</p>'
            f'<p class="comment__date">{esc(stamp(c))}</p>'
            f'<p class="comment__content">{br_text(c)}</p>'
            f'<div class="comment__actions"><a class="comment__reply" href="#">{ctx.chrome("Répondre")}</a>'
            f'<a class="comment__report" href="#">{ctx.chrome("Signaler un abus")}</a></div>{answers}</div>'
        )

    body = nested(roots, item, lambda k: k)
    n = len(ctx.all_comments)
    notice = (
        f'<p class="comments__notice">{ctx.chrome("Les réactions sont réservées aux abonnés.")} '
        f'<a href="/abonnement">{ctx.chrome("Abonnez-vous")}</a></p>'
        if r.random() < 0.6
        else f'<p class="comments__notice">{ctx.chrome("Vous ne pouvez plus réagir à cet article.")}</p>'
    )
    charter = (
        f'<a class="comments__charter" href="/charte">{ctx.chrome("Consultez notre charte des réactions")}</a>'
        if r.random() < 0.5
        else ""
    )
    more = (
        f'<button class="comments__more">{ctx.chrome("Voir plus de réactions")}</button>'
        if r.random() < 0.5
        else ""
    )
    return (
        f'<section class="comments" id="comments"><h2 class="comments__title">{ctx.chrome(f"Réactions ({n})")}</h2>'
        f"{notice}{charter}"
        f'<div class="comments__list">{body}</div>{more}</section>'
    )


_DOUBAN_CITIES = ("北京", "上海", "广东", "浙江", "四川", "江苏", "湖北", "美国", "法国", "德国")


def douban_short(ctx: Ctx, roots: list[GenComment]) -> str:
    """A Chinese review community's short reviews (Douban-like): a flat list of `comment-item`
    divs, the avatar link titled with the name; the header an <h3> that opens with the vote count
    and "有用" (useful) before the name's link, a status word ("看过", watched), a rating that is
    only a class and a title attribute, the time ("2024-05-27 12:12:12", the full stamp in a
    title) and the writer's region; the text in <span class="short"> inside the
    `comment-content` paragraph; "热门 / 最新 / 好友" filters and "全部 N 条" above, paging
    ("< 前页", "后页 >") below; the chrome Chinese."""
    r = ctx.rng
    flat = list(walk(roots))
    status = r.choice(["看过", "读过", "听过"])
    items = []
    for c in flat:
        c.date_iso = c.when.date().isoformat()
        uid = _login(c.shown, "") + str(r.randrange(10, 99))
        stars = r.randrange(1, 6)
        rating = (
            f'<span class="allstar{stars}0 rating" title="{["很差", "较差", "还行", "推荐", "力荐"][stars - 1]}"></span>'
            if r.random() < 0.8
            else ""
        )
        place = (
            f'<span class="comment-location">{ctx.chrome(r.choice(_DOUBAN_CITIES))}</span>'
            if r.random() < 0.7
            else ""
        )
        stamp = f"{c.when:%Y-%m-%d %H:%M:%S}"
        shown_time = stamp if r.random() < 0.5 else f"{c.when:%Y-%m-%d}"
        cid = 3_900_000_000 + r.randrange(10**8)
        items.append(
            f'<div class="comment-item " data-cid="{cid}">'
            f'<div class="avatar"><a title="{attr(c.shown or "")}" href="https://www.douban.com/people/{uid}/">'
            f'<img src="https://img1.doubanio.com/icon/u{cid % 10**7}-{r.randrange(1, 9)}.jpg" class=""></a></div>'
            '<div class="comment"><h3>'
            f'<span class="comment-vote"><span class="votes vote-count">{ctx.chrome(str(r.randrange(0, 3000)))}</span>'
            f'<input value="{cid}" type="hidden"><a href="javascript:;" class="j a_show_login" data-id="{cid}">{ctx.chrome("有用")}</a></span>'
            f'<span class="comment-info"><a href="https://www.douban.com/people/{uid}/" class="">{esc(c.shown)}</a>'
            f"<span>{ctx.chrome(status)}</span>{rating}"
            f'<span class="comment-time " title="{stamp}">{shown_time}</span>{place}</span></h3>'
            f'<p class=" comment-content"><span class="short">{esc(" ".join(c.paragraphs))}</span></p></div></div>'
        )
    n = len(flat)
    total = n + (r.randrange(10, 90_000) if r.random() < 0.7 else 0)
    head = (
        f'<div class="mod-hd"><h2><i class="">{ctx.chrome("短评")}</i> · · · · · · '
        f'<span class="pl">( <a href="comments?status=P">{ctx.chrome(f"全部 {total} 条")}</a> )</span></h2></div>'
        f'<div class="comment-filter"><span class="is-active">{ctx.chrome("热门")}</span> / '
        f'<a href="?sort=time">{ctx.chrome("最新")}</a> / <a href="?sort=follows">{ctx.chrome("好友")}</a></div>'
    )
    paging = (
        f'<div id="paginator" class="center"><span class="first">{ctx.chrome("< 首页")}</span>'
        f'<span class="prev">{ctx.chrome("< 前页")}</span><a href="?start=20" class="next">{ctx.chrome("后页 >")}</a></div>'
        if total > n
        else ""
    )
    return (
        f'<div id="comments-section"><div class="mod-hd-wrap">{head}</div>'
        f'<div class="mod-bd" id="comments">{"".join(items)}</div>{paging}</div>'
    )


def dc_gallery(ctx: Ctx, roots: list[GenComment]) -> str:
    """A Korean message board's post comments (DCinside-like): a <ul class="cmt_list"> whose
    <li> each hold one comment's `cmt_info` row — a nick box (an anonymous "ㅇㅇ" with the first
    half of the writer's IP "(118.235)" after it, or a fixed nick with an icon image only), the
    text in <p class="usertxt">, the date without a year ("05.27 12:12:12"), a 삭제 (delete)
    button; a comment's replies (one level) not inside its <li> but in the next <li>, a
    `reply_list` of their own; a removed comment left as one line; an advertising comment by
    "댓글돌이" on some pages; "전체 댓글 N개" with 본문 보기 / 댓글닫기 / 새로고침 above, a
    paging row and the write box below; the chrome Korean."""
    r = ctx.rng
    _one_level(roots)
    for c in walk(roots):
        if c.author is None:
            c.shown = "ㅇㅇ"

    def stamp(c: GenComment) -> str:
        if c.when.year == ctx.now.year:
            c.date_iso = None
            return f"{c.when:%m.%d %H:%M:%S}"
        c.date_iso = c.when.date().isoformat()
        return f"{c.when:%Y.%m.%d %H:%M:%S}"

    def nick(c: GenComment) -> str:
        if c.author is None:
            ip = f"{r.randrange(1, 224)}.{r.randrange(0, 256)}"
            return (
                f'<span class="gall_writer ub-writer" data-nick="ㅇㅇ" data-uid="" data-ip="{ip}" data-loc="comment">'
                f'<span class="nickname"><em title="ㅇㅇ">ㅇㅇ</em></span><span class="ip">{ctx.chrome(f"({ip})")}</span></span>'
            )
        uid = _login(c.shown, "")
        icon = r.choice(["fix_nik.gif", "nik.gif", "fix_sub_managernik.gif"])
        return (
            f'<span class="gall_writer ub-writer" data-nick="{attr(c.shown or "")}" data-uid="{attr(uid)}" data-ip="" data-loc="comment">'
            f'<span class="nickname in" title="{attr(c.shown or "")}" style=""><em>{esc(c.shown)}</em></span>'
            f'<a class="writer_nikcon"><img src="https://nstatic.example.com/dc/w/images/{icon}" border="0" title="{attr(uid)} : 갤로그로 이동합니다." '
            f'width="12" height="11" style="cursor:pointer;"></a></span>'
        )

    def row(c: GenComment, cls: str) -> str:
        no = 2_400_000 + 3 * c.index
        text = "<br>".join(esc(p) for p in c.paragraphs)
        return (
            f'<li id="{"reply" if c.parent is not None else "comment"}_li_{no}" class="ub-content">'
            f'<div class="{cls} clear" data-no="{no}" data-rcnt="{len(c.children)}" data-article-no="{no // 7}">'
            f'<div class="cmt_nickbox">{nick(c)}</div>'
            f'<div class="clear cmt_txtbox btn_reply_write_all"><p class="usertxt ub-word">{text}</p></div>'
            f'<div class="fr clear"><span class="date_time">{esc(stamp(c))}</span>'
            f'<div class="cmt_mdf_del" data-type="cmt" re_no="{no}" data-my="N"><button type="button" class="btn_cmt_delete">'
            f"{ctx.chrome('삭제')}</button></div></div></div></li>"
        )

    items = []
    for i, root in enumerate(roots):
        if i and r.random() < 0.07:
            items.append(
                f'<li class="ub-content"><p class="del_reply">{ctx.chrome("해당 댓글은 삭제되었습니다.")}</p></li>'
            )
        items.append(row(root, "cmt_info"))
        if root.children:
            kids = "".join(row(k, "reply_info") for k in root.children)
            items.append(
                f'<li><div class="reply show"><div class="reply_box"><ul class="reply_list" id="reply_list_{2_400_000 + 3 * root.index}">'
                f"{kids}</ul></div></div></li>"
            )
    if r.random() < 0.2:
        pos = r.randrange(0, len(items) + 1)
        ad = ctx.chrome(
            r.choice(
                ["[광고] 지금 가입하면 포인트 3만원 즉시 지급!", "[광고] 오늘만 무료배송, 최대 70% 할인"]
            )
        )
        items.insert(
            pos,
            '<li class="ub-content dory"><div class="cmt_info clear"><div class="cmt_nickbox"><span class="gall_writer">'
            f'<span class="nickname"><em>{ctx.chrome("댓글돌이")}</em></span></span></div>'
            f'<div class="clear cmt_txtbox"><p class="usertxt ub-word">{ad}</p></div></div></li>',
        )
    n = len(ctx.all_comments)
    head = (
        f'<div class="comment_count"><div class="fl num_box">{ctx.chrome("전체 댓글")} <em class="font_red">{n}</em>{ctx.chrome("개")}</div>'
        f'<div class="fr"><button type="button" class="btn_cmt_close">{ctx.chrome("본문 보기")}</button>'
        f'<button type="button" class="btn_cmt_close">{ctx.chrome("댓글닫기")}</button>'
        f'<button type="button" class="btn_cmt_refresh">{ctx.chrome("새로고침")}</button></div></div>'
    )
    paging = (
        f'<div class="bottom_paging_box"><em>1</em><a href="#">{ctx.chrome("2")}</a><a href="#">{ctx.chrome("3")}</a></div>'
        if r.random() < 0.4
        else ""
    )
    write = (
        '<div class="cmt_write_box clear"><div class="fl"><input type="text" placeholder="닉네임"><input type="password" placeholder="비밀번호"></div>'
        f'<div class="cmt_txt_cont"><textarea maxlength="400"></textarea></div><div class="cmt_cont_bottm clear"><div class="fr">'
        f'<button type="button" class="btn_blue small repley_add">{ctx.chrome("등록")}</button>'
        f'<button type="button" class="btn_lightblue small repley_add_vote">{ctx.chrome("등록+추천")}</button></div></div></div>'
        if r.random() < 0.7
        else ""
    )
    return (
        f'<div class="view_comment"><div id="focus_cmt"></div><div class="comment_wrap show">{head}'
        f'<div class="comment_box"><ul class="cmt_list">{"".join(items)}</ul></div>{paging}{write}</div></div>'
    )


def bili_replies(ctx: Ctx, roots: list[GenComment]) -> str:
    """A Chinese video site's replies (Bilibili-like): each `reply-item` a root reply (avatar,
    the name in `user-name` with a level icon and an "UP" mark on some, the text in
    `reply-content`, an info row of time, "IP属地：广东", a like count and "回复") and a
    `sub-reply-container` under it whose replies (one level) put the name and the text on one
    line, a reply to a reply opening "回复 @name :"; a pinned "置顶" mark and an "UP主觉得很赞"
    tag on some; "共N条回复, 点击查看" under some threads; "评论 N" with 最热 / 最新 above and
    "没有更多评论" at the end; times "3小时前", "05-27" or "2023-05-27"; the chrome Chinese."""
    r = ctx.rng
    answered = {c.index: c.parent for c in walk(roots)}
    _one_level(roots)
    mids = {c.index: r.randrange(10_000, 3_000_000_000) for c in walk(roots)}
    up = r.choice([c.index for c in walk(roots)]) if r.random() < 0.5 else None
    regions = ("广东", "北京", "上海", "江苏", "四川", "浙江", "湖南", "海外")

    def stamp(c: GenComment) -> str:
        delta = ctx.now - c.when
        if delta.days == 0:
            c.date_iso = None
            if delta.seconds < 3600:
                return f"{max(delta.seconds // 60, 1)}分钟前"
            return f"{delta.seconds // 3600}小时前"
        if c.when.year == ctx.now.year:
            c.date_iso = None
            return f"{c.when:%m-%d}"
        c.date_iso = c.when.date().isoformat()
        return f"{c.when:%Y-%m-%d}"

    def info(c: GenComment, prefix: str) -> str:
        likes = r.randrange(1, 5000) if r.random() < 0.7 else 0
        where = (
            f'<span class="{prefix}reply-location">{ctx.chrome(f"IP属地：{r.choice(regions)}")}</span>'
            if r.random() < 0.6
            else ""
        )
        return (
            f'<div class="{prefix}reply-info"><span class="{prefix}reply-time">{esc(stamp(c))}</span>{where}'
            f'<span class="{prefix}reply-like"><i class="svg-icon like use-color"></i>'
            + (f"<span>{ctx.chrome(str(likes))}</span>" if likes else "")
            + f'</span><span class="{prefix}reply-dislike"><i class="svg-icon dislike use-color"></i></span>'
            f'<span class="{prefix}reply-btn">{ctx.chrome("回复")}</span>'
            '<div class="reply-operation-warp"><div class="reply-operation"><i class="svg-icon more"></i></div></div></div>'
        )

    def text(c: GenComment, pinned: bool) -> str:
        pin = f'<i class="top-icon">{ctx.chrome("置顶")}</i>' if pinned else ""
        to = ""
        was = answered[c.index]
        if c.parent is not None and was is not None and was != c.parent:
            p = ctx.all_comments[was]
            ctx.boilerplate.append(f"回复 @{p.shown} :")
            to = f'回复 <a class="jump-link user" data-user-id="{mids[p.index]}" href="#">@{esc(p.shown)}</a> :'
        return f'<span class="reply-content">{pin}{to}{"<br>".join(esc(p) for p in c.paragraphs)}</span>'

    def level(prefix: str) -> str:
        return (
            f'<span class="{prefix}user-level"><i class="svg-icon user-level-{r.randrange(1, 7)}"></i></span>'
        )

    def up_mark(c: GenComment) -> str:
        return f'<span class="up-icon">{ctx.chrome("UP")}</span>' if c.index == up else ""

    items = []
    for i, root in enumerate(roots):
        tag = (
            f'<div class="reply-tag-list"><div class="reply-tag-item">{ctx.chrome("UP主觉得很赞")}</div></div>'
            if r.random() < 0.1
            else ""
        )
        color = ' style="color:#FB7299;"' if r.random() < 0.3 else ""
        root_html = (
            '<div class="root-reply-container">'
            f'<div class="root-reply-avatar" data-user-id="{mids[root.index]}"><div class="bili-avatar">'
            f'<img class="bili-avatar-img" src="//i0.hdslb.com/bfs/face/{css_hash(r, 12)}.jpg@96w_96h_1c_1s.webp"></div></div>'
            f'<div class="content-warp"><div class="user-info"><div class="user-name" data-user-id="{mids[root.index]}"{color}>{esc(root.shown)}</div>'
            f"{level('')}{up_mark(root)}</div>"
            f'<div class="root-reply"><span class="reply-content-container root-reply">{text(root, i == 0 and r.random() < 0.2)}</span>'
            f"{info(root, '')}{tag}</div></div></div>"
        )
        subs = ""
        if root.children:
            rows = "".join(
                '<div class="sub-reply-item"><div class="sub-user-info">'
                f'<div class="sub-reply-avatar" data-user-id="{mids[k.index]}"><div class="bili-avatar">'
                f'<img class="bili-avatar-img" src="//i0.hdslb.com/bfs/face/{css_hash(r, 12)}.jpg@48w_48h_1c_1s.webp"></div></div>'
                f'<div class="sub-user-name" data-user-id="{mids[k.index]}">{esc(k.shown)}</div>{level("sub-")}{up_mark(k)}</div>'
                f'<span class="reply-content-container sub-reply-content">{text(k, False)}</span>{info(k, "sub-")}</div>'
                for k in root.children
            )
            more = (
                f'<div class="view-more"><div class="view-more-default"><span>{ctx.chrome(f"共{len(root.children) + r.randrange(1, 200)}条回复, ")}</span>'
                f'<span class="view-more-btn">{ctx.chrome("点击查看")}</span></div></div>'
                if r.random() < 0.4
                else ""
            )
            subs = f'<div class="sub-reply-list">{rows}{more}</div>'
        items.append(
            f'<div class="reply-item">{root_html}<div class="sub-reply-container">{subs}</div>'
            '<div class="reply-box-warp"></div><div class="bottom-line"></div></div>'
        )
    n = len(ctx.all_comments)
    total = n + (r.randrange(1, 9000) if r.random() < 0.5 else 0)
    head = (
        '<div class="reply-header"><div class="reply-navigation"><ul class="nav-bar">'
        f'<li class="nav-title"><span class="nav-title-text">{ctx.chrome("评论")}</span><span class="total-reply">{ctx.chrome(str(total))}</span></li>'
        f'<li class="nav-sort hot"><div class="hot-sort">{ctx.chrome("最热")}</div><div class="part-symbol"></div>'
        f'<div class="time-sort">{ctx.chrome("最新")}</div></li></ul></div></div>'
    )
    end = (
        f'<div class="reply-end-mark"><div class="reply-end">{ctx.chrome("没有更多评论")}</div></div>'
        if total == n
        else f'<div class="reply-end-mark"><div class="reply-loading">{ctx.chrome("正在加载...")}</div></div>'
    )
    return (
        f'<div class="bili-comment browser-pc"><div class="comment-container">{head}'
        f'<div class="reply-warp"><div class="reply-list">{"".join(items)}</div>{end}</div></div></div>'
    )


# --- held out, thirteenth set: written after the twelfth set was scored, before its failures were fixed --
def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 < 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def hashover_thread(ctx: Ctx, roots: list[GenComment]) -> str:
    """A self-hosted PHP comment script's thread (HashOver-like `hashover-*` classes): the
    comment form first (name, password, e-mail and website inputs), "Showing N Comments"; each
    comment a `hashover-comment` div holding, after its header (avatar, the name as plain text or
    a link to the writer's website, a "▲" link to the comment answered on replies, the permalink
    date "May 27th, 2024 - 12:12pm" or "3 days ago"), the text in paragraphs and a footer of
    Like / Dislike links with "N Likes", Reply and (on some) Edit, its replies as
    `hashover-comment hashover-reply` divs inside it; "Show N Other Comments" and a "HashOver
    Comments · RSS" line below."""
    r = ctx.rng
    relative = r.random() < 0.35
    ids: dict[int, str] = {}
    for i, root in enumerate(roots):

        def number(c: GenComment, key: str) -> None:
            ids[c.index] = key
            for j, k in enumerate(c.children):
                number(k, f"{key}r{j + 1}")

        number(root, f"c{i + 1}")

    def stamp(c: GenComment) -> str:
        if relative:
            c.date_iso = None
            n, unit = _ago(ctx, c)
            word = ("minute", "hour", "day")[unit]
            return f"{n} {word}{'s' if n != 1 else ''} ago"
        c.date_iso = c.when.date().isoformat()
        h = c.when.hour % 12 or 12
        return f"{c.when:%B} {_ordinal(c.when.day)}, {c.when.year} - {h}:{c.when.minute:02d}{'am' if c.when.hour < 12 else 'pm'}"

    def item(c: GenComment, kids: str) -> str:
        hid = f"hashover-{ids[c.index]}"
        if c.author is not None and r.random() < 0.35:
            name = f'<a href="https://{_login(c.shown)}.example.net" class="hashover-name-website" rel="noopener noreferrer" target="_blank">{esc(c.shown)}</a>'
        else:
            name = f'<span class="hashover-name-plain">{esc(c.shown)}</span>'
        up = (
            f'<a href="#hashover-{ids[c.parent]}" class="hashover-thread-link" title="This is a reply to a comment">{ctx.chrome("▲")}</a>'
            if c.parent is not None
            else ""
        )
        face = (
            f'<div class="hashover-avatar"><img src="/hashover/images/avatar.png" alt="#{ids[c.index][1:]}"></div>'
            if r.random() < 0.7
            else f'<div class="hashover-avatar"><span>{ctx.chrome("#" + ids[c.index][1:])}</span></div>'
        )
        likes = r.randrange(0, 30) if r.random() < 0.5 else 0
        count = (
            f'<span class="hashover-likes" title="{likes} Like{"s" if likes != 1 else ""}">{ctx.chrome(f"{likes} Like" + ("s" if likes != 1 else ""))}</span>'
            if likes
            else ""
        )
        edit = (
            f'<a href="?hashover-edit={ids[c.index]}#{hid}" class="hashover-edit-link" title="Edit your comment">{ctx.chrome("Edit")}</a>'
            if r.random() < 0.1
            else ""
        )
        body = "".join(f"<p>{esc(p)}</p>" for p in c.paragraphs)
        return (
            f'<div id="{hid}" class="hashover-comment{" hashover-reply" if c.parent is not None else ""}">'
            f'<div class="hashover-header">{face}<div class="hashover-name-date">{name}{up}'
            f'<span class="hashover-date"><a href="#{hid}" class="hashover-date-permalink" title="Permalink">{esc(stamp(c))}</a></span></div></div>'
            f'<div class="hashover-content">{body}</div>'
            f'<div class="hashover-footer"><span class="hashover-buttons">'
            f'<a href="#" class="hashover-like" title="\'Like\' this comment">{ctx.chrome("Like")}</a>'
            f'<a href="#" class="hashover-dislike" title="\'Dislike\' this comment">{ctx.chrome("Dislike")}</a></span>{count}'
            f'<span class="hashover-controls">{edit}<a href="?hashover-reply={ids[c.index]}#hashover-reply-form-{ids[c.index]}" class="hashover-reply-link" title="Reply to this comment">{ctx.chrome("Reply")}</a></span></div>'
            f"{kids}</div>"
        )

    body = nested(roots, item, lambda k: k)
    n = len(ctx.all_comments)
    shown = f"Showing {n} Comment{'s' if n != 1 else ''}"
    form = (
        '<form id="hashover-form" class="hashover-balloon" name="hashover-form" action="/hashover/hashover.php" method="post">'
        '<div class="hashover-inputs"><input type="text" name="name" title="Name (optional)" placeholder="Name">'
        '<input type="password" name="password" placeholder="Password"><input type="email" name="email" placeholder="E-mail">'
        '<input type="url" name="website" placeholder="Website"></div>'
        '<textarea id="hashover-main-comment" name="comment" rows="5" placeholder="Type comment here..."></textarea>'
        '<input class="hashover-submit hashover-post-button" type="submit" name="post" value="Post Comment"></form>'
    )
    others = r.randrange(2, 40)
    more = (
        f'<div class="hashover-more-link" title="Show {others} Other Comments">{ctx.chrome(f"Show {others} Other Comments")}</div>'
        if r.random() < 0.3
        else ""
    )
    end = (
        f'<div id="hashover-end-links"><a href="https://www.barkdull.org/software/hashover" id="hashover-home-link" target="_blank">{ctx.chrome("HashOver Comments")}</a>'
        f' &#183; <a href="/hashover/api/rss.php" target="_blank" title="RSS Feed">{ctx.chrome("RSS")}</a></div>'
        if r.random() < 0.7
        else ""
    )
    return (
        f'<div id="hashover"><span id="hashover-post-title" class="hashover-title">{ctx.chrome("Post a Comment")}</span>{form}'
        f'<div id="hashover-count-wrapper"><span class="hashover-count-plural">{ctx.chrome(shown)}</span></div>'
        f'<div id="hashover-sort-section">{body}</div>{more}{end}</div>'
    )


def tieba_floors(ctx: Ctx, roots: list[GenComment]) -> str:
    """A Chinese forum's thread under a post (Baidu-Tieba-like): each top-level comment a floor,
    an `l_post` whose left column holds the avatar, the name and a level badge ("知名人士 7"), the
    right column the text in `d_post_content` (<br> between paragraphs), then a tail line
    ("来自Android客户端", "2楼", "2024-05-27 12:12") and "回复(N)"; the floor's replies (one level)
    in an in-floor list under it, each one line: the name, a colon, the text (a reply to a
    reply opening "回复 name :"), then the time and "回复"; "还有N条回复，点击查看" under long
    lists; floors folded by the filter left as one line; "回复贴：N" with "只看楼主 / 收藏 / 回复"
    above, a pager below; the chrome Chinese."""
    r = ctx.rng
    answered = {c.index: c.parent for c in walk(roots)}
    _one_level(roots)
    uids = {c.index: r.randrange(10**8, 10**10) for c in walk(roots)}
    titles = ("初级粉丝", "中级粉丝", "铁杆吧友", "知名人士", "人气楷模", "吧中豪杰", "黄金吧友")
    tails = ("Android客户端", "iPhone客户端", "小米手机", "华为Mate60 Pro", "")
    for c in walk(roots):
        c.date_iso = c.when.date().isoformat()

    def card(c: GenComment) -> str:
        return f'data-field=\'{{"id":"{uids[c.index]}","un":"{attr(c.shown or "")}"}}\''

    def lzl(k: GenComment) -> str:
        to = ""
        was = answered[k.index]
        if was is not None and was != k.parent:
            p = ctx.all_comments[was]
            ctx.boilerplate.append(f"回复 {p.shown} :")
            to = f'回复 <a href="/home/main?id={uids[p.index]}" class="at j_user_card" {card(p)}>{esc(p.shown)}</a> :'
        text = " ".join(esc(p) for p in k.paragraphs)
        return (
            f'<li class="lzl_single_post j_lzl_s_p" data-field=\'{{"spid":{r.randrange(10**11, 10**12)},"user_name":"{attr(k.shown or "")}"}}\'>'
            f'<a class="j_user_card lzl_p_p" {card(k)} href="/home/main?id={uids[k.index]}" target="_blank">'
            f'<img src="https://gss0.bdstatic.com/6LZ1dD3d1sgCo2Kml5_Y_D3/sys/portrait/item/{css_hash(r, 16)}" width="32" height="32"></a>'
            f'<div class="lzl_cnt"><a class="at j_user_card" {card(k)} href="/home/main?id={uids[k.index]}" target="_blank">{esc(k.shown)}</a>'
            f':&nbsp;<span class="lzl_content_main">{to}{text}</span>'
            f'<div class="lzl_content_reply"><span class="lzl_op_list j_lzl_o_l"></span>'
            f'<span class="lzl_time">{k.when.year}-{k.when.month}-{k.when.day} {k.when:%H:%M}</span>'
            f'<a href="#" class="lzl_s_r">{ctx.chrome("回复")}</a></div></div></li>'
        )

    floors = []
    for i, root in enumerate(roots):
        if i and r.random() < 0.06:
            floors.append(
                f'<div class="l_post l_post_bright p_post_fold"><div class="p_post_fold_text">{ctx.chrome("该楼层疑似违规已被系统折叠")}'
                f' <a href="#">{ctx.chrome("隐藏此楼")}</a><a href="#">{ctx.chrome("查看此楼")}</a></div></div>'
            )
        lv = r.randrange(1, 16)
        badge = (
            f'<li class="l_badge" style="display:block;"><div class="p_badge"><a href="/f/like/level?kw=x" target="_blank" '
            f'class="user_badge d_badge_bright d_badge_icon{min(lv // 4 + 1, 4)}" title="本吧头衔{lv}级，经验值{lv * 137}，点击进入等级头衔说明页">'
            f'<div class="d_badge_title ">{ctx.chrome(titles[min(lv // 2, len(titles) - 1)])}</div><div class="d_badge_lv">{ctx.chrome(str(lv))}</div></a></div></li>'
            if r.random() < 0.85
            else ""
        )
        tail_from = r.choice(tails)
        tail = (
            '<div class="post-tail-wrap">'
            + (
                f'<span class="tail-info">{ctx.chrome("来自")}<a rel="noopener" href="#" target="_blank">{ctx.chrome(tail_from)}</a></span>'
                if tail_from
                else ""
            )
            + f'<span class="tail-info">{ctx.chrome(f"{i + 2}楼")}</span><span class="tail-info">{root.when:%Y-%m-%d %H:%M}</span></div>'
        )
        kids = root.children
        link = ctx.chrome(f"回复({len(kids)})" if kids else "回复")
        reply_box = ""
        if kids:
            more = (
                f'<li class="lzl_li_pager j_lzl_l_p lzl_li_pager_s"><p>{ctx.chrome(f"还有{r.randrange(1, 60)}条回复，")}'
                f'<a href="#" class="j_lzl_m">{ctx.chrome("点击查看")}</a></p></li>'
                if r.random() < 0.3
                else f'<li class="lzl_li_pager j_lzl_l_p lzl_li_pager_s"><a class="lzl_link_unfold" href="#">{ctx.chrome("我也说一句")}</a></li>'
            )
            reply_box = (
                '<div class="j_lzl_container core_reply_wrapper"><div class="j_lzl_c_b_a core_reply_content">'
                f'<ul class="j_lzl_m_w">{"".join(lzl(k) for k in kids)}{more}</ul></div></div>'
            )
        text = "<br>".join(esc(p) for p in root.paragraphs)
        floors.append(
            f'<div class="l_post l_post_bright j_l_post clearfix" data-field=\'{{"author":{{"user_id":{uids[root.index]},"user_name":"{attr(root.shown or "")}"}},"content":{{"post_no":{i + 2}}}}}\'>'
            '<div class="d_author"><ul class="p_author">'
            f'<li class="icon"><div class="icon_relative j_user_card" {card(root)}><a class="p_author_face" href="/home/main?id={uids[root.index]}">'
            f'<img username="{attr(root.shown or "")}" src="https://gss0.bdstatic.com/6LZ1dD3d1sgCo2Kml5_Y_D3/sys/portrait/item/{css_hash(r, 16)}" class=""></a></div></li>'
            f'<li class="d_name" {card(root)}><a class="p_author_name j_user_card" href="/home/main?id={uids[root.index]}" target="_blank">{esc(root.shown)}</a></li>'
            f"{badge}</ul></div>"
            '<div class="d_post_content_main"><div class="p_content"><cc>'
            f'<div id="post_content_{r.randrange(10**11, 10**12)}" class="d_post_content j_d_post_content " style="display:;">{text}</div><br></cc></div>'
            f'<div class="core_reply j_lzl_wrapper"><div class="core_reply_tail clearfix">{tail}'
            f'<ul class="j_jb_ele"><li class="lzl_link_unfold"><a href="#" class="lzl_link_unfold">{link}</a></li></ul></div>{reply_box}</div>'
            "</div></div>"
        )
    n = len(ctx.all_comments)
    pages = r.randrange(2, 30) if r.random() < 0.4 else 1
    head = (
        '<div class="l_thread_info"><ul class="l_posts_num">'
        f'<li class="l_reply_num"><span class="red">{ctx.chrome(f"回复贴：{n + r.randrange(0, 500)}")}</span></li>'
        f'<li class="l_btn_more"><a href="?see_lz=1">{ctx.chrome("只看楼主")}</a><a href="#">{ctx.chrome("收藏")}</a>'
        f'<a href="#sub">{ctx.chrome("回复")}</a></li></ul></div>'
    )
    pager = (
        f'<div class="l_pager pager_theme_4 pb_list_pager"><span class="tP">1</span><a href="?pn=2">{ctx.chrome("2")}</a>'
        f'<a href="?pn=2">{ctx.chrome("下一页")}</a><a href="?pn={pages}">{ctx.chrome("尾页")}</a>'
        f'<span class="red">{ctx.chrome(f"共{pages}页")}</span></div>'
        if pages > 1
        else ""
    )
    return f'<div class="left_section"><div class="p_postlist" id="j_p_postlist">{head}{"".join(floors)}</div>{pager}</div>'


def discourse_embed(ctx: Ctx, roots: list[GenComment]) -> str:
    """A forum's embedded comments under a blog post (Discourse-embed-like): "Continue
    Discussion" and "N replies" in the header; one flat run of <article class="post"> in time
    order, each an avatar link, the username in an <h3> (the full name beside it on some), the
    relative date ("2h", "May 27", "May '23") in a link whose title holds the full date and
    whose data-time the epoch milliseconds, an "in reply to" line with the answered writer's
    avatar and name on replies, a quote of the answered post opening some replies, the cooked
    text, and "N Likes"; "Powered by Discourse" below."""
    r = ctx.rng
    _as_handles(roots, r.choice(["_", "", "."]))
    flat = list(walk(roots))
    full_names = r.random() < 0.4
    forum = r.choice(["forum", "discuss", "community", "talk"]) + "." + ctx.host.removeprefix("www.")

    def stamp(c: GenComment) -> str:
        c.date_iso = c.when.date().isoformat()
        delta = ctx.now - c.when
        if delta.days == 0:
            return f"{delta.seconds // 3600}h" if delta.seconds >= 3600 else f"{max(delta.seconds // 60, 1)}m"
        if delta.days < 7:
            return f"{delta.days}d"
        if c.when.year == ctx.now.year:
            return f"{c.when:%b} {c.when.day}"
        return f"{c.when:%b} '{c.when:%y}"

    items = []
    for n, c in enumerate(flat):
        user = c.shown or "system"
        face = (
            f'<a href="https://{forum}/u/{attr(user)}"><img src="https://{forum}/user_avatar/{forum}/{attr(user.lower())}/45/{r.randrange(100, 9999)}_2.png" '
            f'title="{attr(user)}" class="avatar" width="45" height="45"></a>'
        )
        full = (
            f'<span class="full-name">{ctx.chrome(words.person(r, ctx.lang))}</span>'
            if full_names and r.random() < 0.6
            else ""
        )
        reply_to = ""
        quote = ""
        if c.parent is not None:
            p = ctx.all_comments[c.parent]
            reply_to = (
                f'<div class="in-reply-to"><a href="https://{forum}/t/{c.parent + 2}" title="in reply to">'
                f'<img src="https://{forum}/user_avatar/{forum}/{attr((p.shown or "").lower())}/20/{r.randrange(100, 9999)}_2.png" class="avatar" width="20" height="20">'
                f"{ctx.chrome(p.shown or '')}</a></div>"
            )
            if r.random() < 0.25:
                said = p.paragraphs[0].split(". ")[0]
                quote = (
                    f'<aside class="quote no-group" data-username="{attr(p.shown or "")}" data-post="{c.parent + 2}" data-topic="{r.randrange(1000, 90000)}">'
                    f'<div class="title"><img alt="" width="24" height="24" src="https://{forum}/user_avatar/x/24/1.png" class="avatar"> {ctx.chrome((p.shown or "") + ":")}</div>'
                    f"<blockquote><p>{esc(said)}</p></blockquote></aside>"
                )
        likes = r.randrange(1, 40) if r.random() < 0.3 else 0
        ms = int(c.when.replace(tzinfo=UTC).timestamp() * 1000)
        h = c.when.hour % 12 or 12
        items.append(
            f'<article class="post" id="post-{n + 2}">{face}'
            f'<div class="author"><h3><a href="https://{forum}/u/{attr(user)}">{esc(user)}</a></h3>{full}</div>'
            f'<div class="post-date"><a href="https://{forum}/t/{n + 2}" data-time="{ms}" title="{c.when:%b} {c.when.day}, {c.when.year} {h}:{c.when.minute:02d} {"am" if c.when.hour < 12 else "pm"}">{esc(stamp(c))}</a></div>'
            f'{reply_to}<div class="cooked">{quote}{paras(c)}</div>'
            + (
                f'<div class="post-likes">{ctx.chrome(f"{likes} Like" + ("s" if likes > 1 else ""))}</div>'
                if likes
                else ""
            )
            + '<div style="clear: both"></div></article>'
        )
    n = len(flat)
    topic = f"https://{forum}/t/{_login(ctx.title, '-')[:60]}/{r.randrange(100, 99999)}"
    header = (
        f'<header><div class="header-container"><a href="{topic}" class="button" target="_blank">{ctx.chrome("Continue Discussion")}</a>'
        f'<span class="replies">{ctx.chrome(f"{n} repl" + ("ies" if n != 1 else "y"))}</span></div></header>'
    )
    footer = (
        f'<footer><a href="{topic}" class="button" target="_blank">{ctx.chrome("Continue Discussion")}</a>'
        f'<a href="https://www.discourse.org" class="powered-by-discourse" target="_blank">{ctx.chrome("Powered by Discourse")}</a></footer>'
        if r.random() < 0.7
        else ""
    )
    return f'<div id="discourse-comments"><div class="posts-wrapper">{header}<div class="posts">{"".join(items)}</div>{footer}</div></div>'


_HATENA_TAGS = (
    "あとで読む",
    "政治",
    "経済",
    "社会",
    "これはひどい",
    "これはすごい",
    "あとで",
    "考え方",
    "海外",
    "交通",
)


def hatena_bookmarks(ctx: Ctx, roots: list[GenComment]) -> str:
    """A social-bookmark service's comments on a story (Hatena-Bookmark-like): each bookmark an
    <li class="entry-comment-contents"> with the user id (an icon and the id as links), the
    comment on one line, the user's tags as a list, the date "2024/05/27" as a permalink and a
    star count; the newest bookmark first; on some pages a "人気コメント" (popular) list of a few
    of the same bookmarks above the "新着コメント" (newest) list; bookmarks left without a comment
    in the newest list on some pages (the id, tags and date only); "N users" and the chrome
    Japanese."""
    r = ctx.rng
    _as_handles(roots, r.choice(["_", "-", ""]))
    roots.reverse()  # flat: every comment is a root
    tags = {c.index: r.sample(_HATENA_TAGS, r.choice([0, 0, 1, 2])) for c in roots}
    stars = {c.index: r.randrange(0, 300) if r.random() < 0.6 else 0 for c in roots}
    for c in roots:
        c.date_iso = c.when.date().isoformat()

    def one(c: GenComment | None, user: str, when, tag_list: list[str], star: int) -> str:
        text = (
            f'<span class="entry-comment-text js-bookmark-comment">{esc(" ".join(c.paragraphs))}</span>'
            if c is not None
            else ""
        )
        tag_html = (
            '<ul class="entry-comment-tags">'
            + "".join(
                f'<li class="entry-comment-tag"><a href="/{attr(user)}/{attr(t)}/" class="js-entry-comment-tag">{ctx.chrome(t)}</a></li>'
                for t in tag_list
            )
            + "</ul>"
            if tag_list
            else ""
        )
        star_html = (
            f'<span class="entry-comment-star"><span class="hatena-star-star-container"><span class="hatena-star-inner-count">{ctx.chrome(str(star))}</span></span></span>'
            if star
            else ""
        )
        return (
            f'<li class="entry-comment-contents js-bookmark" data-user-name="{attr(user)}">'
            '<div class="entry-comment-contents-main">'
            f'<span class="entry-comment-profile-image"><a href="/{attr(user)}/"><img src="https://cdn.profile-image.st-hatena.com/users/{attr(user)}/profile.png" alt="{attr(user)}" class="entry-comment-profile-image" width="32" height="32"></a></span>'
            f'<span class="entry-comment-username"><a href="/{attr(user)}/" class="js-user-link">{esc(user)}</a></span>'
            f'{text}{tag_html}<div class="entry-comment-meta"><span class="entry-comment-timestamp"><a href="/{attr(user)}/{when:%Y%m%d}#bookmark-{r.randrange(10**9, 10**10)}">{when:%Y/%m/%d}</a></span>'
            f"{star_html}</div></div></li>"
        )

    popular = ""
    if len(roots) >= 4 and r.random() < 0.4:
        top = sorted(roots, key=lambda c: -stars[c.index])[: r.randrange(2, min(len(roots), 6))]
        popular = (
            f'<section class="entry-comment-sections is-popular"><h2 class="entry-comment-title js-popular-title">{ctx.chrome("人気コメント")}</h2>'
            f'<ul class="entry-comment-list">{"".join(one(c, c.shown or "", c.when, tags[c.index], stars[c.index]) for c in top)}</ul></section>'
        )
    rows = []
    for c in roots:
        rows.append(one(c, c.shown or "", c.when, tags[c.index], stars[c.index]))
        if r.random() < 0.15:
            silent = _login(words.person(r, ctx.lang), r.choice(["_", ""]))
            rows.append(one(None, silent, c.when, r.sample(_HATENA_TAGS, 1), 0))
    n = len(roots)
    users = n + r.randrange(0, 400)
    head = (
        f'<div class="entry-info-users"><a href="/entry/s/{ctx.host}" class="entry-info-users-count">{ctx.chrome(f"{users} users")}</a></div>'
        f'<div class="bookmarks-sort-panels"><ul class="bookmarks-sort-tabs"><li class="is-active">{ctx.chrome("コメント")}</li>'
        f"<li>{ctx.chrome('すべて')}</li></ul></div>"
    )
    hidden = (
        f'<p class="entry-comment-readmore"><a href="/entry/s/{ctx.host}?mode=all">{ctx.chrome("すべてのユーザーの詳細を表示します")}</a></p>'
        if r.random() < 0.5
        else ""
    )
    return (
        f'<div class="entry-comments" id="bookmarks"><h2 class="entry-comments-title">{ctx.chrome("ブックマークしたユーザー")}</h2>{head}{popular}'
        f'<section class="entry-comment-sections is-recent"><h2 class="entry-comment-title">{ctx.chrome("新着コメント")}</h2>'
        f'<ul class="entry-comment-list js-recent-comments">{"".join(rows)}</ul></section>{hidden}</div>'
    )


_NETEASE_PLACES = (
    "广东省广州市",
    "浙江省杭州市",
    "北京市",
    "上海市",
    "四川省成都市",
    "湖北省武汉市",
    "江苏省南京市",
    "山东省济南市",
)


def netease_floors(ctx: Ctx, roots: list[GenComment]) -> str:
    """A Chinese portal's news comments (NetEase-like "跟帖" with stacked floors): every comment
    an item of one flat list in time order; a reply carries, above its own text, the chain of the
    comments it answers as nested boxes (the first comment innermost), each box a numbered
    floor with the writer's name and place and the full text, the reply's own text after the
    stack; the writer a nick or a place name ("网易广东省广州市网友", the site's name for a
    reader without one) with "[浙江省杭州市网友]" beside nicks on some; the time "2024-05-27
    12:12:12"; "顶[12]", "踩[3]", "回复", "分享"; "热门跟帖 / 最新跟帖" tabs and "N人参与 M跟帖"
    above; the chrome Chinese."""
    r = ctx.rng
    for c in walk(roots):
        c.date_iso = c.when.date().isoformat()
        if r.random() < 0.35:
            c.shown = c.author = f"网易{r.choice(_NETEASE_PLACES)}{r.choice(['', '手机'])}网友"
    places = {c.index: r.choice(_NETEASE_PLACES) for c in walk(roots)}

    def who(c: GenComment) -> str:
        where = (
            f'<span class="from">{ctx.chrome(f"[{places[c.index]}网友]")}</span>'
            if not (c.shown or "").startswith("网易") and r.random() < 0.5
            else ""
        )
        return f'<a class="user-name" href="#">{esc(c.shown)}</a>{where}'

    def floors(c: GenComment) -> str:
        chain = []
        p = c.parent
        while p is not None:
            chain.append(ctx.all_comments[p])
            p = ctx.all_comments[p].parent
        chain.reverse()  # the first comment first: it is the innermost box
        box = ""
        for i, a in enumerate(chain):
            box = (
                f'<div class="floor">{box}<div class="floor-head"><span class="floor-user">{who(a)}</span>'
                f'<span class="floor-num">{ctx.chrome(str(i + 1))}</span></div>'
                f'<div class="floor-body"><p>{esc(" ".join(a.paragraphs))}</p></div>'
                f'<div class="floor-op"><a href="#">{ctx.chrome("回复")}</a></div></div>'
            )
        return f'<div class="floors">{box}</div>' if box else ""

    items = []
    for c in walk(roots):
        up, down = r.randrange(0, 3000), r.randrange(0, 200)
        items.append(
            f'<div class="tie-item" id="tie-{2_000_000_000 + r.randrange(10**8)}">'
            f'<div class="tie-avatar"><img src="https://cms-bucket.ws.126.net/2024/avatar/{css_hash(r, 10)}.png" alt=""></div>'
            f'<div class="tie-main"><div class="tie-head"><div class="tie-user">{who(c)}</div>'
            f'<div class="tie-time">{c.when:%Y-%m-%d %H:%M:%S}</div></div>'
            f'{floors(c)}<div class="tie-body"><p class="tie-content">{"<br>".join(esc(p) for p in c.paragraphs)}</p></div>'
            f'<div class="tie-op"><a class="op-vote" href="#">{ctx.chrome(f"顶[{up}]")}</a>'
            f'<a class="op-against" href="#">{ctx.chrome(f"踩[{down}]")}</a>'
            f'<a class="op-reply" href="#">{ctx.chrome("回复")}</a><a class="op-share" href="#">{ctx.chrome("分享")}</a></div></div></div>'
        )
    n = len(ctx.all_comments)
    people = n * r.randrange(3, 400)
    head = (
        f'<div class="tie-header"><h2 class="tie-title">{ctx.chrome("网友评论")}</h2>'
        f'<span class="tie-info">{ctx.chrome(f"{people}人参与")} <a href="#">{ctx.chrome(f"{n}跟帖")}</a></span>'
        f'<div class="tie-tabs"><a class="tab">{ctx.chrome("热门跟帖")}</a><a class="tab is-active">{ctx.chrome("最新跟帖")}</a></div></div>'
    )
    notice = (
        f'<p class="tie-notice">{ctx.chrome("跟帖评论自律管理承诺书")} · {ctx.chrome("违规举报")}</p>'
        if r.random() < 0.5
        else ""
    )
    more = (
        f'<div class="tie-more"><a href="#">{ctx.chrome("查看全部跟帖")}</a></div>'
        if r.random() < 0.5
        else ""
    )
    return f'<div class="tie-wrap" id="tie">{head}<div class="tie-list">{"".join(items)}</div>{more}{notice}</div>'


def meneame_thread(ctx: Ctx, roots: list[GenComment]) -> str:
    """A Spanish news aggregator's story comments (Menéame-like): each comment a box whose header
    has the order number "#12" as a permalink, the user's login, and a relative time ("hace 3
    horas", the full date in a title; "27/05/2024 12:12" for older ones); a reply's text opens
    with a "#5" link to the comment it answers; "votos: 12, karma: 85" and "responder" in the
    footer; replies nested in `threader-childs` boxes on some pages, one flat run in time order
    on others; comments hidden for their karma left as one line with "mostrar"; "N comentarios"
    with "ordenar: votos / fecha" above; the chrome Spanish."""
    r = ctx.rng
    _as_handles(roots, r.choice(["_", ""]))
    threaded = r.random() < 0.5
    flat = list(walk(roots))
    order = {c.index: i + 1 for i, c in enumerate(flat)}

    def stamp(c: GenComment) -> tuple[str, str]:
        full = f"{c.when:%d/%m/%Y %H:%M}"
        delta = ctx.now - c.when
        if delta.days == 0:
            c.date_iso = None
            if delta.seconds < 3600:
                return f"hace {max(delta.seconds // 60, 1)} min", full
            h = delta.seconds // 3600
            return f"hace {h} hora{'s' if h > 1 else ''}", full
        c.date_iso = c.when.date().isoformat()
        return full, full

    def one(c: GenComment) -> str:
        shown, full = stamp(c)
        num = order[c.index]
        ref = ""
        if c.parent is not None:
            pn = order[c.parent]
            ref = f'<a class="tooltip c:{pn}" href="#c-{pn}" rel="nofollow">{ctx.chrome(f"#{pn}")}</a> '
        votes, karma = r.randrange(0, 80), r.randrange(-20, 300)
        text = f'<div class="comment-text">{ref}{br_text(c)}</div>'
        return (
            f'<div class="comment{" comment-reply" if c.parent is not None and threaded else ""}" id="c-{num}" data-id="{38_000_000 + num}">'
            f'<div class="comment-header"><a class="comment-order" href="#c-{num}">{ctx.chrome(f"#{num}")}</a> '
            f'<a class="username" href="/user/{attr(c.shown or "")}">{esc(c.shown)}</a> '
            f'<span class="ts" data-ts="{int(c.when.replace(tzinfo=UTC).timestamp())}" title="publicado: {full}">{esc(shown)}</span></div>'
            f'<div class="comment-body">{text}</div>'
            f'<div class="comment-footer"><span class="comment-votes-info">{ctx.chrome(f"votos: {votes}, karma: {karma}")}</span> '
            f'<a class="comment-reply-link" href="#">{ctx.chrome("responder")}</a></div></div>'
        )

    def hidden() -> str:
        return (
            f'<div class="comment comment-hidden"><div class="comment-header">{ctx.chrome("comentario oculto por karma negativo")} '
            f'<a href="#">{ctx.chrome("mostrar")}</a></div></div>'
        )

    if threaded:

        def item(c: GenComment, kids: str) -> str:
            return f'<div class="threader">{one(c)}{kids}</div>'

        body = nested(roots, item, lambda k: f'<div class="threader-childs">{k}</div>')
    else:
        body = "".join(
            (hidden() if i and r.random() < 0.05 else "") + f'<div class="threader">{one(c)}</div>'
            for i, c in enumerate(flat)
        )
    n = len(flat)
    head = (
        f'<div class="comments-header"><h2>{ctx.chrome(f"{n} comentario" + ("s" if n != 1 else ""))}</h2>'
        f'<div class="comments-order">{ctx.chrome("ordenar:")} <a href="?order=votes">{ctx.chrome("votos")}</a> '
        f'<a href="?order=date" class="selected">{ctx.chrome("fecha")}</a></div></div>'
    )
    login = (
        f'<div class="comment-login"><a href="/login">{ctx.chrome("Entra o regístrate para comentar")}</a></div>'
        if r.random() < 0.6
        else ""
    )
    return f'<div id="comments" class="comments">{head}<div class="comments-list">{body}</div>{login}</div>'


# --- held out, fourteenth set: written after the thirteenth set was scored, before its failures were fixed --
def cusdis_widget(ctx: Ctx, roots: list[GenComment]) -> str:
    """A lightweight comment widget's thread as its iframe draws it (Cusdis-like, utility classes
    only): the form first (nickname, e-mail, "Reply..." and a "Comment" button); each comment a
    `my-4` div: the nickname in a bold div, a "MOD" badge on the site owner's replies, the date
    "2024-05-27 12:12" in a grey div, the text rendered from Markdown into paragraphs, a "Reply"
    button; replies in a `pl-4 border-l-2` div inside the comment; "Load more" and "Powered by
    Cusdis" below."""
    r = ctx.rng
    for c in walk(roots):
        if c.parent is not None and r.random() < 0.2:
            c.shown = c.author = ctx.author
        c.date_iso = c.when.date().isoformat()

    def item(c: GenComment, kids: str) -> str:
        mod = (
            f'<div class="mr-2 dark:bg-gray-500 bg-gray-200 text-xs py-0.5 px-1 rounded dark:text-gray-100">{ctx.chrome("MOD")}</div>'
            if c.shown == ctx.author
            else ""
        )
        return (
            '<div class="my-4"><div class="flex items-center">'
            f'<div class="mr-2 font-medium dark:text-gray-100">{esc(c.shown)}</div>{mod}</div>'
            f'<div class="text-gray-500 text-sm dark:text-gray-400">{c.when:%Y-%m-%d %H:%M}</div>'
            f'<div class="text-gray-500 my-2 dark:text-gray-200">{paras(c)}</div>'
            f'<div><button class="font-medium text-sm text-gray-500 dark:text-gray-400" type="button">{ctx.chrome("Reply")}</button></div>'
            + (
                f'<div class="pl-4 border-l-2 border-gray-200 dark:border-gray-500">{kids}</div>'
                if kids
                else ""
            )
            + "</div>"
        )

    form = (
        '<div class="grid grid-cols-2 gap-4"><div class="px-1"><label class="mb-2 block dark:text-gray-200">'
        f'{ctx.chrome("Nickname")}</label><input class="w-full p-2 border border-gray-200 bg-transparent" type="text" title="Nickname"></div>'
        f'<div class="px-1"><label class="mb-2 block dark:text-gray-200">{ctx.chrome("Email (optional)")}</label>'
        '<input class="w-full p-2 border border-gray-200 bg-transparent" type="email" title="Email (optional)"></div></div>'
        f'<div class="px-1"><label class="mb-2 block dark:text-gray-200">{ctx.chrome("Reply comment")}</label>'
        '<textarea class="w-full p-2 border border-gray-200 h-24 bg-transparent" title="Reply comment"></textarea></div>'
        f'<div class="px-1"><button class="text-sm bg-gray-200 p-2 px-4 font-bold">{ctx.chrome("Comment")}</button></div>'
    )
    more = (
        f'<div class="p-2 w-full border rounded text-center my-8 cursor-pointer">{ctx.chrome("Load more")}</div>'
        if r.random() < 0.3
        else ""
    )
    powered = (
        f'<div class="text-center text-gray-500 dark:text-gray-100 text-xs my-4"><a href="https://cusdis.com">{ctx.chrome("Powered by Cusdis")}</a></div>'
        if r.random() < 0.8
        else ""
    )
    body = nested(roots, item, lambda k: k)
    return (
        f'<div id="cusdis_thread" data-host="https://cusdis.com" data-page-title="{attr(ctx.title)}">'
        f'<div class="dark:bg-transparent"><div class="my-4">{form}</div><div class="my-8"></div>'
        f'<div class="mt-4 px-1">{body}{more}</div><div class="my-8"></div>{powered}</div></div>'
    )


_PIKABU_HOURS = ("час", "часа", "часов")


def pikabu_tree(ctx: Ctx, roots: list[GenComment]) -> str:
    """A Russian entertainment site's comment tree (Pikabu-like `comment__*` classes): each comment
    a `comment` div holding a `comment__body` (header with avatar, the login, a rating "+12"
    between up and down arrows, a <time> with the full date in datetime and "2 часа назад" or
    "27.05.2024 12:12" as text, a "#" permalink and an "автор" badge on the post's author's; the
    text; "Ответить / ещё" tools) and a `comment__children` div with its replies beside branch
    lines; long branches cut with "Раскрыть N комментариев"; deleted comments left as one line;
    sort tabs "Лучшие / Актуальные / Новые" above, the chrome Russian."""
    r = ctx.rng
    _as_handles(roots, r.choice(["", "_", "."]))
    poster = _login(ctx.author, "")

    def stamp(c: GenComment) -> str:
        c.date_iso = c.when.date().isoformat()
        delta = ctx.now - c.when
        if delta.days == 0 and delta.seconds >= 3600:
            h = delta.seconds // 3600
            form = _PIKABU_HOURS[
                0 if h % 10 == 1 and h != 11 else 1 if 2 <= h % 10 <= 4 and not 12 <= h <= 14 else 2
            ]
            return f"{h} {form} назад"
        if delta.days == 0:
            return f"{max(delta.seconds // 60, 1)} мин. назад"
        return f"{c.when:%d.%m.%Y %H:%M}"

    def item(c: GenComment, kids: str) -> str:
        cid = 300_000_000 + c.index * 17
        author_mark = c.parent is not None and r.random() < 0.15
        if author_mark:
            c.shown = c.author = poster
        rating = r.randrange(-15, 120)
        score = (
            ctx.chrome(f"+{rating}" if rating > 0 else str(rating)) if r.random() < 0.85 else ctx.chrome("?")
        )
        badge = f'<span class="comment__author-mark">{ctx.chrome("автор")}</span>' if author_mark else ""
        deleted = ""
        if c.parent is None and r.random() < 0.05:
            deleted = (
                f'<div class="comment comment_deleted"><div class="comment__body"><div class="comment__content">'
                f"{ctx.chrome('Комментарий удален. Причина: данное действие было выполнено по просьбе пользователя.')}</div></div></div>"
            )
        more = (
            f'<div class="comment-hidden-group"><span class="comment-hidden-group__toggle">{ctx.chrome(f"Раскрыть {r.randrange(2, 40)} комментариев")}</span></div>'
            if kids and r.random() < 0.2
            else ""
        )
        return (
            deleted
            + f'<div class="comment" id="comment_{cid}" data-id="{cid}" data-meta="pid={0 if c.parent is None else 300_000_000 + c.parent * 17};d={c.when:%Y-%m-%dT%H:%M:%S}+03:00">'
            f'<div class="comment__body"><div class="comment__header"><div class="comment__user" data-name="{attr(c.shown or "")}">'
            + (
                f'<a class="user" href="/@{attr(c.shown or "")}"><img class="avatar" src="https://cs.pikabu.ru/images/def_avatar/def_avatar_{r.randrange(1, 9)}.png" alt=""></a>'
                if r.random() < 0.8
                else ""
            )
            + f'<a href="/@{attr(c.shown or "")}" class="comment__user-name user"><span>{esc(c.shown)}</span></a>{badge}</div>'
            f'<div class="comment__rating"><span class="comment__rating-up"></span><div class="comment__rating-count">{score}</div><span class="comment__rating-down"></span></div>'
            f'<time datetime="{c.when:%Y-%m-%dT%H:%M:%S}+03:00" class="comment__datetime hint">{esc(stamp(c))}</time>'
            f'<a href="/story/x#comment_{cid}" class="comment__tool hint">#</a></div>'
            f'<div class="comment__content">{paras(c)}</div>'
            f'<div class="comment__controls"><span class="comment__tool" data-role="reply">{ctx.chrome("Ответить")}</span>'
            f'<span class="comment__tool" data-role="menu">{ctx.chrome("ещё")}</span></div></div>'
            + (f'<div class="comment__children">{kids}{more}</div>' if kids else "")
            + "</div>"
        )

    n = len(ctx.all_comments)
    head = (
        f'<div class="comments__title"><span class="comments__count">{ctx.chrome(f"{n} Комментари" + ("й" if n % 10 == 1 and n != 11 else "ев"))}</span>'
        f'<div class="comments__sort"><span class="active">{ctx.chrome("Лучшие")}</span><span>{ctx.chrome("Актуальные")}</span>'
        f"<span>{ctx.chrome('Новые')}</span></div></div>"
    )
    login = (
        f'<div class="comments__login-box">{ctx.chrome("Чтобы оставить комментарий,")} <a href="/login">{ctx.chrome("необходимо авторизоваться")}</a></div>'
        if r.random() < 0.6
        else ""
    )
    body = nested(roots, item, lambda k: k)
    return f'<section class="comments comments_show"><div class="comments__container">{head}<div class="comments__main">{body}</div>{login}</div></section>'


_HEISE_SIGS = (
    "Wer Rechtschreibfehler findet, darf sie behalten.",
    "Signatur? Welche Signatur?",
    "Mein Rechner, meine Regeln.",
    "Es gibt 10 Arten von Menschen.",
    "Grüße aus dem Funkloch",
)


def heise_forum(ctx: Ctx, roots: list[GenComment]) -> str:
    """A German tech publisher's article forum in its threaded view (heise-like): "Kommentare"
    with "Thema erstellen / Sortierung" above; each posting an <li> of a tree whose nesting is
    the thread, a `posting` article holding a subject line the writer typed (often the first
    words of the text), the writer's name linked to the forum profile, the date "27.05.2024
    12:12", a quote of the answered posting ("name schrieb am 27.05.2024 12:12:" then a
    blockquote) opening some replies, the text, on some a signature after "-- " in its own
    paragraph, then "Antworten / Zitieren / Beitrag melden" and "+12 / -3" ratings; postings
    hidden for their votes left as a grey subject line; a pager below."""
    r = ctx.rng
    titled = set()
    for c in walk(roots):
        c.date_iso = c.when.date().isoformat()
        if _titled(r, c, 0.7):
            titled.add(c.index)
    sigs = {c.index: r.choice(_HEISE_SIGS) for c in walk(roots) if r.random() < 0.25}

    def item(c: GenComment, kids: str) -> str:
        pid = 33_000_000 + c.index * 7
        quote = ""
        if c.parent is not None and r.random() < 0.35:
            p = ctx.all_comments[c.parent]
            head_ = f"{p.shown} schrieb am {p.when:%d.%m.%Y %H:%M}:"
            quote = f'<p class="quote_header">{ctx.chrome(head_)}</p><blockquote class="quote">{esc(p.paragraphs[-1])}</blockquote>'
        sig = f'<p class="signature">-- <br>{ctx.chrome(sigs[c.index])}</p>' if c.index in sigs else ""
        up, down = r.randrange(0, 90), r.randrange(0, 30)
        if c.index in titled:  # the subject is the text's first words, typed by the writer
            subject, rest = esc(c.paragraphs[0]), c.paragraphs[1:]
        else:
            rest = c.paragraphs
            subject = ctx.chrome(r.choice(("Zustimmung", "Naja", "Quelle?", "Re: " + ctx.title[:40])))
        return (
            f'<li class="posting_element{" posting_element--reply" if c.parent is not None else ""}" data-level="{c.depth}">'
            f'<article class="a-posting" id="posting_{pid}"><header class="a-posting__header">'
            f'<h3 class="a-posting__title"><a href="/forum/heise-online/Kommentare/posting-{pid}/show/">{subject}</a></h3>'
            f'<div class="a-posting__meta"><a class="a-posting__author" href="/forum/user/{pid % 9973}/">{esc(c.shown)}</a> '
            f'<time class="a-posting__date" datetime="{c.when:%Y-%m-%dT%H:%M:%S}">{c.when:%d.%m.%Y %H:%M}</time></div></header>'
            f'<div class="bbcode a-posting__text">{quote}{"".join(f"<p>{esc(p)}</p>" for p in rest)}{sig}</div>'
            f'<footer class="a-posting__footer"><a href="#" class="a-posting__answer">{ctx.chrome("Antworten")}</a> '
            f'<a href="#" class="a-posting__quote">{ctx.chrome("Zitieren")}</a> <a href="#" class="a-posting__report">{ctx.chrome("Beitrag melden")}</a>'
            f'<span class="a-vote"><span class="a-vote__up">{ctx.chrome(f"+{up}")}</span> <span class="a-vote__down">{ctx.chrome(f"-{down}")}</span></span></footer></article>'
            + (f'<ul class="posting_children">{kids}</ul>' if kids else "")
            + "</li>"
        )

    body = "".join(
        (
            f'<li class="posting_element posting_element--hidden"><span class="a-posting__hidden">{ctx.chrome("Beitrag ausgeblendet (negativ bewertet)")}</span></li>'
            if i and r.random() < 0.05
            else ""
        )
        + nested([c], item, lambda k: k)
        for i, c in enumerate(roots)
    )
    head = (
        f'<div class="forum_head"><h2>{ctx.chrome("Kommentare")}</h2><a href="/forum/new" class="btn">{ctx.chrome("Thema erstellen")}</a>'
        f'<span class="sort">{ctx.chrome("Sortierung:")} <a href="?sort=date">{ctx.chrome("Neueste zuerst")}</a></span></div>'
    )
    pager = (
        f'<nav class="forum_pager"><a href="?page=1">{ctx.chrome("1")}</a> <a href="?page=2">{ctx.chrome("2")}</a> '
        f'<a href="?page=2">{ctx.chrome("Nächste Seite")}</a></nav>'
        if r.random() < 0.4
        else ""
    )
    return (
        f'<section class="forum" id="forum">{head}<ul class="forum_thread_tree">{body}</ul>{pager}</section>'
    )


_FIVECH_DAYS = ("月", "火", "水", "木", "金", "土", "日")


def fivech_thread(ctx: Ctx, roots: list[GenComment]) -> str:
    """A Japanese anonymous board's thread under a news post (5ch-like): numbered posts in time
    order, the first number after the post itself; each a `post` div whose `meta` line holds the
    number, the name (mostly the board's "名無しさん" placeholder, in bold, inside a "mailto:sage"
    link on some, a tripcode "◆AbCd1234" after a chosen name), the date "2024/05/27(月)
    12:12:12.34" and "ID:AbCd1234"; the message lines joined by <br>, a reply opening with a
    ">>12" link to the post it answers; "レス数 N" and "全部 / 最新50" above, the chrome
    Japanese."""
    r = ctx.rng
    flat = list(walk(roots))
    number = {c.index: i + 2 for i, c in enumerate(flat)}
    board = r.choice(("newsplus", "news", "bizplus", "scienceplus", "mnewsplus"))
    tid = r.randrange(1_600_000_000, 1_720_000_000)
    placeholder = r.choice(
        ("名無しさん", "名無しさん@お腹いっぱい。", "ニューノーマルの名無しさん", "それでも動く名無し")
    )
    ids = {c.index: css_hash(r, 8) for c in flat}
    for c in flat:
        c.date_iso = c.when.date().isoformat()
        if r.random() < 0.75:
            c.shown, c.author = placeholder, None

    def one(c: GenComment) -> str:
        n = number[c.index]
        name = f"<b>{esc(c.shown)}</b>"
        if c.author is not None and r.random() < 0.5:
            name += " " + ctx.chrome(f"◆{css_hash(r, 10)}")
        if r.random() < 0.3:
            name = f'<a href="mailto:sage">{name}</a>'
        ref = ""
        if c.parent is not None:
            pn = number[c.parent]
            ref = f'<a href="../test/read.cgi/{board}/{tid}/{pn}" rel="noopener noreferrer" target="_blank">{ctx.chrome(f">>{pn}")}</a><br>'
        stamp = (
            f"{c.when:%Y/%m/%d}({_FIVECH_DAYS[c.when.weekday()]}) {c.when:%H:%M:%S}.{r.randrange(100):02d}"
        )
        text = "<br>".join(esc(p) for p in c.paragraphs)
        return (
            f'<div class="post" id="{n}" data-date="NG" data-userid="ID:{ids[c.index]}" data-id="{n}">'
            f'<div class="meta"><span class="number">{n}</span><span class="name">{name}</span>'
            f'<span class="date">{stamp}</span><span class="uid">{ctx.chrome(f"ID:{ids[c.index]}")}</span></div>'
            f'<div class="message"><span class="escaped">{ref} {text} </span></div></div><br>'
        )

    body = "".join(one(c) for c in flat)
    head = (
        f'<div class="navmenu"><a href="/test/read.cgi/{board}/{tid}/">{ctx.chrome("全部")}</a> '
        f'<a href="/test/read.cgi/{board}/{tid}/l50">{ctx.chrome("最新50")}</a> '
        f'<span class="count">{ctx.chrome(f"レス数 {len(flat) + 1}")}</span></div>'
    )
    foot = (
        f'<div class="newpostform"><textarea rows="5" name="MESSAGE"></textarea><input type="submit" value="書き込む">'
        f'<span>{ctx.chrome("名前:")}</span><input name="FROM"><span>{ctx.chrome("E-mail (省略可) :")}</span><input name="mail"></div>'
        if r.random() < 0.5
        else ""
    )
    return f'<div class="thread-wrap">{head}<div class="thread">{body}</div>{foot}</div>'


_REVIEW_PLACES = ("the United States", "Canada", "the United Kingdom", "Australia", "India")


def amazon_reviews(ctx: Ctx, roots: list[GenComment]) -> str:
    """A shop's customer reviews under a product text (Amazon-like `data-hook` attributes): a
    rating summary ("4.3 out of 5", a star histogram "5 star 68%") and "Top reviews from the
    United States" above; each review a `review` div: the profile (avatar, name), the stars "5.0
    out of 5 stars" as a hidden label of an icon, a bold title the reviewer typed, "Reviewed in
    the United States on May 27, 2024", "Size: Large | Verified Purchase", the text in a
    read-more expander (<br><br> between paragraphs), "12 people found this helpful" with
    Helpful / Report; on some pages a second list "Top reviews from other countries"; "See more
    reviews" below."""
    r = ctx.rng
    flat = list(walk(roots))
    home = r.choice(_REVIEW_PLACES)
    split = r.randrange(1, len(flat)) if len(flat) > 2 and r.random() < 0.4 else len(flat)
    sizes = ("Size: Large", "Size: Medium", "Color: Black", "Style: Standard", "Pattern Name: Single")

    def one(c: GenComment, where: str) -> str:
        c.date_iso = c.when.date().isoformat()
        title = _titled(r, c, 1.0)  # the review's bold title: the text's first words, typed by the reviewer
        rest = c.paragraphs[1:]
        title_html = (
            f'<a data-hook="review-title" class="a-size-base a-link-normal review-title a-color-base review-title-content a-text-bold" href="/gp/customer-reviews/R{c.index}">'
            f"<span>{esc(title or '')}</span></a>"
        )
        stars = r.choice((5, 5, 4, 3, 1))
        label = f"{stars}.0 out of 5 stars"
        helpful = r.randrange(2, 400) if r.random() < 0.5 else 0
        votes = (
            '<span data-hook="helpful-vote-statement" class="a-size-base a-color-tertiary cr-vote-text">'
            + ctx.chrome(
                "One person found this helpful" if helpful == 1 else f"{helpful} people found this helpful"
            )
            + "</span>"
            if helpful
            else ""
        )
        badges = [ctx.chrome(r.choice(sizes))] if r.random() < 0.6 else []
        if r.random() < 0.8:
            badges.append(
                f'<span data-hook="avp-badge-linkless" class="a-size-mini a-color-state a-text-bold">{ctx.chrome("Verified Purchase")}</span>'
            )
        vine = (
            f'<span class="a-color-success a-text-bold">{ctx.chrome("Vine Customer Review of Free Product")}</span>'
            if r.random() < 0.08
            else ""
        )
        return (
            f'<div id="R{css_hash(r, 12).upper()}" data-hook="review" class="a-section review aok-relative">'
            f'<div class="a-profile" data-a-size="small"><div aria-hidden="true" class="a-profile-avatar-wrapper"><div class="a-profile-avatar">'
            f'<img src="https://m.media-amazon.com/images/S/amazon-avatars-global/default.png" alt=""></div></div>'
            f'<div class="a-profile-content"><span class="a-profile-name">{esc(c.shown)}</span></div></div>'
            f'<div class="a-row"><a class="a-link-normal" title="{label}" href="/gp/customer-reviews/R{c.index}">'
            f'<i data-hook="review-star-rating" class="a-icon a-icon-star a-star-{stars} review-rating"><span class="a-icon-alt">{ctx.chrome(label)}</span></i></a>'
            f" {title_html}</div>"
            f'<span data-hook="review-date" class="a-size-base a-color-secondary review-date">{ctx.chrome(f"Reviewed in {where} on")} {c.when:%B} {c.when.day}, {c.when.year}</span>'
            f'<div class="a-row a-spacing-mini review-data review-format-strip">{" | ".join(badges)}{vine}</div>'
            f'<div class="a-row a-spacing-small review-data"><span data-hook="review-body" class="a-size-base review-text">'
            f'<div data-a-expander-name="review_text_read_more" class="a-expander-collapsed-height a-row a-expander-container">'
            f'<div data-hook="review-collapsed" class="a-expander-content reviewText review-text-content"><span>{"<br><br>".join(esc(p) for p in rest)}</span></div>'
            f'<div class="a-expander-header"><a href="#" class="a-expander-partial-collapse-header">{ctx.chrome("Read more")}</a></div></div></span></div>'
            f'<div class="a-row review-comments">{votes}<span class="a-button a-button-base"><a class="a-button-text" href="#">{ctx.chrome("Helpful")}</a></span>'
            f' <a class="a-link-normal a-color-secondary report-abuse-link" href="#">{ctx.chrome("Report")}</a></div></div>'
        )

    first = "".join(one(c, home) for c in flat[:split])
    others = "".join(one(c, r.choice([p for p in _REVIEW_PLACES if p != home])) for c in flat[split:])
    avg = f"{r.randrange(30, 50) / 10:.1f} out of 5"
    hist = "".join(
        f'<tr class="a-histogram-row"><td>{ctx.chrome(f"{s} star")}</td><td><div class="a-meter"></div></td><td>{ctx.chrome(f"{r.randrange(0, 70)}%")}</td></tr>'
        for s in (5, 4, 3, 2, 1)
    )
    summary = (
        f'<div id="cm_cr_dp_d_rating_histogram"><h2>{ctx.chrome("Customer reviews")}</h2>'
        f'<span data-hook="rating-out-of-text">{ctx.chrome(avg)}</span>'
        f'<div data-hook="total-review-count">{ctx.chrome(f"{len(flat) + r.randrange(0, 900)} global ratings")}</div>'
        f'<table id="histogramTable" class="a-normal a-align-center a-spacing-base">{hist}</table></div>'
    )
    lists = f'<h3 data-hook="dp-local-reviews-header">{ctx.chrome(f"Top reviews from {home}")}</h3><div id="cm-cr-dp-review-list">{first}</div>'
    if others:
        lists += f'<h3 data-hook="dp-global-reviews-header">{ctx.chrome("Top reviews from other countries")}</h3><div id="cm-cr-global-review-list">{others}</div>'
    more = f'<a data-hook="see-all-reviews-link-foot" class="a-link-emphasis" href="/product-reviews/x">{ctx.chrome("See more reviews")}</a>'
    return (
        f'<div id="reviewsMedley" class="a-row"><div class="a-column a-span4">{summary}</div>'
        f'<div class="a-column a-span8"><div id="cm-cr-dp-review-header"></div>{lists}{more}</div></div>'
    )


def ao3_comments(ctx: Ctx, roots: list[GenComment]) -> str:
    """A fan-fiction archive's comments under a chapter (AO3-like): "Comments (N)" and the post
    form ("Comment as", "Post Comment") above; an <ol class="thread"> of `comment` <li>s, each a
    byline heading (the name linked to the writer's pseud, or a guest's name with "(Guest)", "on
    Chapter 3", the date split into spans: "Mon 27 May 2024 12:12PM UTC"), an icon, the text in a
    `userstuff` blockquote, "Reply / Thread / Parent Thread" actions; a comment's replies in the
    NEXT <li> of the list, itself holding an <ol class="thread">; a pager below."""
    r = ctx.rng
    chapter = r.randrange(1, 30) if r.random() < 0.7 else 0
    guests = {c.index for c in walk(roots) if r.random() < 0.2}
    days = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

    def one(c: GenComment) -> str:
        c.date_iso = c.when.date().isoformat()
        cid = 400_000_000 + c.index * 13
        if c.index in guests:
            name = f'<span>{esc(c.shown)} <span class="role">{ctx.chrome("(Guest)")}</span></span>'
        else:
            name = f'<a href="/users/{_login(c.shown)}/pseuds/{_login(c.shown)}">{esc(c.shown)}</a>'
        on = f' <span class="parent">{ctx.chrome(f"on Chapter {chapter}")}</span>' if chapter else ""
        h = c.when.hour % 12 or 12
        when = (
            f'<span class="posted datetime"><abbr class="day" title="{days[c.when.weekday()]}">{days[c.when.weekday()]}</abbr> '
            f'<span class="date">{c.when.day}</span> <abbr class="month" title="{c.when:%b}">{c.when:%b}</abbr> '
            f'<span class="year">{c.when.year}</span> <span class="time">{h}:{c.when.minute:02d}{"AM" if c.when.hour < 12 else "PM"}</span> '
            '<abbr class="timezone" title="UTC">UTC</abbr></span>'
        )
        icon = (
            f'<div class="icon"><a href="/users/{_login(c.shown)}"><img alt="" class="icon" src="/images/skins/iconsets/default/icon_user.png"></a></div>'
            if c.index not in guests
            else '<div class="icon"></div>'
        )
        actions = [f'<li><a href="/comments/{cid}/add_comment_reply">{ctx.chrome("Reply")}</a></li>']
        if c.children or c.parent is not None:
            actions.append(f'<li><a href="/comments/{cid}">{ctx.chrome("Thread")}</a></li>')
        if c.parent is not None:
            actions.append(
                f'<li><a href="/comments/{400_000_000 + c.parent * 13}">{ctx.chrome("Parent Thread")}</a></li>'
            )
        out = (
            f'<li class="{"odd" if c.index % 2 else "even"} comment group" id="comment_{cid}" role="article">'
            f'<h4 class="heading byline">{name}{on} {when}</h4>{icon}'
            f'<blockquote class="userstuff">{paras(c)}</blockquote>'
            f'<h5 class="landmark heading">{ctx.chrome("Comment Actions")}</h5>'
            f'<ul class="actions" id="navigation_for_comment_{cid}">{"".join(actions)}</ul></li>'
        )
        if c.children:
            out += f'<li><ol class="thread">{"".join(one(k) for k in c.children)}</ol></li>'
        return out

    n = len(ctx.all_comments)
    form = (
        f'<div id="add_comment_placeholder"><h3 class="heading">{ctx.chrome("Post Comment")}</h3>'
        f'<form class="new_comment"><fieldset><legend>{ctx.chrome("Post Comment")}</legend>'
        f'<h4 class="heading">{ctx.chrome("Comment as")} <span class="byline">{ctx.chrome("Guest")}</span></h4>'
        '<textarea id="comment_content" name="comment[comment_content]"></textarea>'
        f'<p class="character_counter">{ctx.chrome("10000 characters left")}</p><input type="submit" value="Comment"></fieldset></form></div>'
    )
    pager = (
        f'<ol class="pagination actions" role="navigation"><li class="previous"><span class="disabled">{ctx.chrome("← Previous")}</span></li>'
        f'<li><span class="current">1</span></li><li><a href="?page=2">2</a></li><li class="next"><a rel="next" href="?page=2">{ctx.chrome("Next →")}</a></li></ol>'
        if r.random() < 0.3
        else ""
    )
    return (
        f'<div id="feedback" class="feedback"><h3 class="landmark heading">{ctx.chrome("Actions")}</h3>'
        f'<ul class="actions" role="navigation"><li><a href="#comments">{ctx.chrome(f"Hide Comments ({n})")}</a></li></ul>'
        f'{form}<div id="comments_placeholder"><h3 class="heading">{ctx.chrome(f"Comments ({n})")}</h3>'
        f'<div class="thread"><ol class="thread">{"".join(one(c) for c in roots)}</ol></div>{pager}</div></div>'
    )


# --- held out, fifteenth set: written after the fourteenth set was scored, before its failures were fixed --
def _two_levels(roots: list[GenComment]) -> None:
    """Systems that show one level of replies: every reply below a top comment goes directly under
    it, in page order (a pre-order walk, so page order and the gold's indices stay as they were)."""
    for root in roots:
        below = list(walk(root.children))
        for c in below:
            c.parent, c.depth, c.children = root.index, 1, []
        root.children = below


def naver_news(ctx: Ctx, roots: list[GenComment]) -> str:
    """A Korean portal's news comments (Naver-like `u_cbox_*` classes): sort tabs "순공감순 /
    최신순 / 공감비율순" and a count above; each comment an <li class="u_cbox_comment">: the
    login masked after four letters ("abcd****"), the date "2024.05.27. 12:12", the text in a
    `u_cbox_contents` span (<br> between paragraphs), a "답글 3" toggle, 공감/비공감 counts and
    a report link; replies, one level deep, in a `u_cbox_reply_area` list inside the comment; a
    "BEST" badge on some; comments the filter hid left as one line; "더보기" below."""
    r = ctx.rng
    _two_levels(roots)
    for c in walk(roots):
        if c.author is not None:
            c.shown = c.author = _login(c.shown, r.choice(["", "_"]))[:4] + "****"
        c.date_iso = c.when.date().isoformat()

    def item(c: GenComment, kids: str) -> str:
        n_kids = len(c.children)
        best = (
            f'<span class="u_cbox_ico_best">{ctx.chrome("BEST")}</span>'
            if c.parent is None and r.random() < 0.2
            else ""
        )
        up, down = r.randrange(0, 900), r.randrange(0, 200)
        reply_btn = (
            f'<a href="#" class="u_cbox_btn_reply" role="button"><strong class="u_cbox_reply_txt">{ctx.chrome("답글")}</strong>'
            f'<span class="u_cbox_reply_cnt">{ctx.chrome(str(n_kids))}</span></a>'
            if c.parent is None
            else ""
        )
        area = (
            f'<div class="u_cbox_reply_area" style="display: block;"><ul class="u_cbox_list">{kids}</ul>'
            f'<a href="#" class="u_cbox_btn_fold"><span class="u_cbox_fold_txt">{ctx.chrome("답글 접기")}</span></a></div>'
            if kids
            else ""
        )
        kind = "u_cbox_comment" if c.parent is None else "u_cbox_comment u_cbox_type_reply"
        return (
            f'<li class="{kind} cbox_module__comment_{9_000_000 + c.index * 7}" data-info="commentNo:\'{9_000_000 + c.index * 7}\'">'
            '<div class="u_cbox_comment_box"><div class="u_cbox_area">'
            f'<div class="u_cbox_info">{best}<span class="u_cbox_info_main"><span class="u_cbox_name_area">'
            f'<span class="u_cbox_nick_area"><span class="u_cbox_nick">{esc(c.shown)}</span></span></span></span></div>'
            f'<div class="u_cbox_text_wrap"><span class="u_cbox_contents" data-lang="ko">{br_text(c)}</span></div>'
            f'<div class="u_cbox_info_base"><span class="u_cbox_date" data-value="{c.when.isoformat()}+0900">'
            f"{c.when:%Y.%m.%d. %H:%M}</span></div>"
            f'<div class="u_cbox_tool">{reply_btn}<div class="u_cbox_recomm_set">'
            f'<a href="#" class="u_cbox_btn_recomm"><em class="u_cbox_cnt_recomm">{ctx.chrome(str(up))}</em></a>'
            f'<a href="#" class="u_cbox_btn_unrecomm"><em class="u_cbox_cnt_unrecomm">{ctx.chrome(str(down))}</em></a></div>'
            f'<a href="#" class="u_cbox_btn_report">{ctx.chrome("신고")}</a></div>'
            f"</div></div>{area}</li>"
        )

    def cleaned() -> str:
        return (
            '<li class="u_cbox_comment"><div class="u_cbox_comment_box u_cbox_type_cleanbot"><div class="u_cbox_area">'
            f'<span class="u_cbox_delete_contents">{ctx.chrome("클린봇이 부적절한 표현을 감지한 댓글입니다.")}</span></div></div></li>'
        )

    parts = []
    for c in roots:
        if parts and r.random() < 0.08:
            parts.append(cleaned())
        parts.append(nested([c], item, lambda k: k))
    n = len(list(walk(roots)))
    head = (
        f'<div class="u_cbox_head"><h5 class="u_cbox_title">{ctx.chrome("댓글")}</h5>'
        f'<span class="u_cbox_count">{ctx.chrome(str(n))}</span></div>'
        '<div class="u_cbox_sort"><ul class="u_cbox_sort_option">'
        + "".join(
            f'<li class="u_cbox_sort_item"><a href="#"><span class="u_cbox_sort_label">{ctx.chrome(t)}</span></a></li>'
            for t in ("순공감순", "최신순", "공감비율순")
        )
        + "</ul></div>"
    )
    more = (
        f'<a href="#" class="u_cbox_btn_more"><span class="u_cbox_more_wrap"><span class="u_cbox_page_more">{ctx.chrome("더보기")}</span></span></a>'
        if r.random() < 0.6
        else ""
    )
    return (
        f'<div id="cbox_module" class="u_cbox"><div class="u_cbox_wrap u_cbox_ko">{head}'
        f'<div class="u_cbox_content_wrap"><ul class="u_cbox_list">{"".join(parts)}</ul></div>{more}</div></div>'
    )


def goodreads_reviews(ctx: Ctx, roots: list[GenComment]) -> str:
    """A book site's community reviews (Goodreads-like `ReviewCard` components): "Community
    Reviews", a rating histogram and "Displaying 1 - 30 of 1,234 reviews" above; each review an
    <article class="ReviewCard">: the reviewer column (avatar, the name in a link, "123 reviews"
    and "45 followers", a Follow button), then the stars as an aria-label "Rating 4 out of 5" and
    the date "May 27, 2024" in a link to the review, the text in a `TruncatedContent` span with
    <br><br> between paragraphs and "Show more", and a footer "12 likes · 3 comments" with Like
    and Comment buttons; "More reviews and ratings" below."""
    r = ctx.rng
    flat = list(walk(roots))

    def one(c: GenComment) -> str:
        c.date_iso = c.when.date().isoformat()
        stars = r.choice((5, 5, 4, 4, 3, 2, 1))
        label = f"Rating {stars} out of 5"
        meta = []
        if r.random() < 0.8:
            n = r.randrange(1, 900)
            meta.append(
                f'<span class="Text Text__body3 Text__subdued">{ctx.chrome(f"{n} review" + ("s" if n != 1 else ""))}</span>'
            )
        if r.random() < 0.6:
            n = r.randrange(1, 3000)
            meta.append(
                f'<span class="Text Text__body3 Text__subdued">{ctx.chrome(f"{n} follower" + ("s" if n != 1 else ""))}</span>'
            )
        likes = r.randrange(0, 300)
        social = []
        if likes:
            social.append(ctx.chrome(f"{likes} like" + ("s" if likes != 1 else "")))
        if r.random() < 0.3:
            k = r.randrange(1, 20)
            social.append(ctx.chrome(f"{k} comment" + ("s" if k != 1 else "")))
        spoiler = (
            f'<div class="ReviewText__spoilerWarning">{ctx.chrome("This review contains spoilers.")}</div>'
            if r.random() < 0.06
            else ""
        )
        return (
            f'<article class="ReviewCard" aria-label="Review by {attr(c.shown or "")}">'
            '<div class="ReviewCard__reviewer"><div class="ReviewerProfile">'
            f'<a class="Avatar Avatar--medium" href="/user/show/{c.index}"><img class="Avatar__image" alt="" src="/a/{c.index}.jpg"></a>'
            f'<div class="ReviewerProfile__info"><span class="Text Text__title5"><div class="ReviewerProfile__name">'
            f'<a href="/user/show/{c.index}">{esc(c.shown)}</a></div></span>'
            f'<div class="ReviewerProfile__meta">{"".join(meta)}</div></div>'
            f'<div class="ReviewerProfile__follow"><button class="Button Button--secondary Button--small" type="button">'
            f'<span class="Button__labelItem">{ctx.chrome("Follow")}</span></button></div></div></div>'
            '<section class="ReviewCard__content"><section class="ReviewCard__row"><div class="ShelvingSocialSignalCard">'
            f'<span aria-label="{attr(label)}" role="img" class="RatingStars RatingStars__small">'
            + "".join(
                '<span class="baseClass RatingStar--small"><svg viewBox="0 0 24 24"></svg></span>'
                for _ in range(5)
            )
            + "</span>"
            f'<span class="Text Text__body3"><a href="/review/show/{4_000_000 + c.index}">{c.when:%B} {c.when.day}, {c.when.year}</a></span></div></section>'
            f'<section class="ReviewText">{spoiler}<section class="ReviewText__content"><div class="TruncatedContent" tabindex="-1">'
            f'<div class="TruncatedContent__text TruncatedContent__text--large" data-testid="contentContainer">'
            f'<section><span class="Formatted">{"<br><br>".join(esc(p) for p in c.paragraphs)}</span></section></div>'
            f'<div class="Button__container"><button type="button" class="Button Button--tertiary Button--small">'
            f'<span class="Button__labelItem">{ctx.chrome("Show more")}</span></button></div></div></section></section>'
            f'<footer class="SocialFooter"><div class="SocialFooter__statsContainer">{" · ".join(social)}</div>'
            '<div class="SocialFooter__actionContainer">'
            f'<button type="button" class="Button Button--subdued"><span class="Button__labelItem">{ctx.chrome("Like")}</span></button>'
            f'<button type="button" class="Button Button--subdued"><span class="Button__labelItem">{ctx.chrome("Comment")}</span></button>'
            "</div></footer></section></article>"
        )

    total = len(flat) + r.randrange(0, 4000)
    hist = "".join(
        f'<div class="RatingsHistogram__bar" aria-label="{s} stars"><div class="RatingsHistogram__labelTitle">'
        f'{ctx.chrome(f"{s} stars")}</div><div class="RatingsHistogram__labelTotal">{ctx.chrome(f"{r.randrange(1, 3000):,} ({r.randrange(1, 60)}%)")}</div></div>'
        for s in (5, 4, 3, 2, 1)
    )
    head = (
        f'<div class="ReviewsSectionStatistics"><h2 class="Text Text__title2">{ctx.chrome("Community Reviews")}</h2>'
        f'<div class="RatingStatistics__rating">{ctx.chrome(f"{r.randrange(30, 48) / 10:.2f}")}</div>'
        f'<div class="RatingStatistics__meta">{ctx.chrome(f"{total * 7:,} ratings · {total:,} reviews")}</div>'
        f'<div class="RatingsHistogram">{hist}</div></div>'
        f'<div class="ReviewsList__listContext"><span class="Text Text__body3 Text__subdued">{ctx.chrome(f"Displaying 1 - {min(len(flat), 30)} of {total:,} reviews")}</span></div>'
    )
    more = (
        f'<div class="ReviewsList__footer"><a class="Button Button--secondary" href="/book/show/1/reviews">{ctx.chrome("More reviews and ratings")}</a></div>'
        if r.random() < 0.7
        else ""
    )
    return (
        f'<div class="BookPage__reviewsSection"><div id="ReviewsSection" class="ReviewsSection">{head}'
        f'<div class="ReviewsList"><div role="list">{"".join(f"<div role=listitem>{one(c)}</div>" for c in flat)}</div>{more}</div></div></div>'
    )


_DISCUZ_FLOORS = ("沙发", "板凳", "地板")


def discuz_thread(ctx: Ctx, roots: list[GenComment]) -> str:
    """A Chinese forum's thread (Discuz!-like): `postlist` holding one `post_N` div per reply, each
    a `plhin` table: the left cell the poster (the name in bold, an avatar, "主题 / 帖子 / 积分"
    counts, a user group); the right cell a floor label ("沙发", "板凳", "地板", then "5#"), "发表于
    2024-5-27 12:12" (or "3 天前" with the full time in a title) and "只看该作者", sometimes "本帖最后由
    X 于 … 编辑" above the text, the text in a `t_f` cell with <br> lines, a signature below some,
    and "回复 / 支持 / 反对 / 举报" tools; paging above and below."""
    r = ctx.rng
    flat = list(walk(roots))
    _as_handles(roots, r.choice(["", "_"]))

    def stamp(c: GenComment) -> str:
        c.date_iso = c.when.date().isoformat()
        full = f"{c.when.year}-{c.when.month}-{c.when.day} {c.when:%H:%M}"
        delta = ctx.now - c.when
        if 0 < delta.days < 7 and r.random() < 0.7:
            return f'{ctx.chrome("发表于")} <span title="{full}:{c.when:%S}">{delta.days}&nbsp;天前</span>'
        return f"{ctx.chrome('发表于')} {full}"

    def one(i: int, c: GenComment) -> str:
        pid = 8_000_000 + c.index * 3
        floor = _DISCUZ_FLOORS[i] if i < 3 else f"{i + 2}#"
        edited = (
            f'<i class="pstatus"> {ctx.chrome(f"本帖最后由 {c.shown} 于 {c.when.year}-{c.when.month}-{c.when.day} {(c.when.hour + 1) % 24:02d}:{c.when:%M} 编辑")} </i><br><br>'
            if r.random() < 0.12
            else ""
        )
        sign = (
            f'<div class="sign">{ctx.chrome(r.choice(["天道酬勤", "路漫漫其修远兮", "签名被屏蔽", "生活不止眼前的苟且"]))}</div>'
            if r.random() < 0.25
            else ""
        )
        stats = "".join(
            f'<td><p><a href="#" class="xi2">{ctx.chrome(str(r.randrange(1, 5000)))}</a></p>{ctx.chrome(k)}</td>'
            for k in ("主题", "帖子", "积分")
        )
        return (
            f'<div id="post_{pid}"><table id="pid{pid}" class="plhin" summary="pid{pid}" cellspacing="0" cellpadding="0"><tr>'
            f'<td class="pls" rowspan="2"><div class="pls favatar"><div class="pi"><div class="authi">'
            f'<a href="home.php?mod=space&amp;uid={c.index + 100}" class="xw1">{esc(c.shown)}</a></div></div>'
            f'<div class="avatar"><a href="#"><img src="/uc_server/avatar.php?uid={c.index + 100}&amp;size=middle"></a></div>'
            f'<div class="tns xg2"><table cellspacing="0" cellpadding="0"><tr>{stats}</tr></table></div>'
            f'<p><em><a href="#">{ctx.chrome(r.choice(["注册会员", "中级会员", "高级会员", "新手上路"]))}</a></em></p></div></td>'
            f'<td class="plc"><div class="pi"><strong><a href="forum.php?mod=redirect&amp;ptid=1&amp;pid={pid}" id="postnum{pid}">'
            f"<em>{ctx.chrome(floor)}</em></a></strong>"
            f'<div class="pti"><div class="authi"><img class="authicn vm" src="/static/image/common/online_member.gif">'
            f'<em id="authorposton{pid}">{stamp(c)}</em><span class="pipe">|</span>'
            f'<a href="#" rel="nofollow">{ctx.chrome("只看该作者")}</a></div></div></div>'
            f'<div class="pct"><div class="pcb"><div class="t_fsz"><table cellspacing="0" cellpadding="0"><tr>'
            f'<td class="t_f" id="postmessage_{pid}">{edited}{"<br>".join(esc(p) for p in c.paragraphs)}</td></tr></table></div></div></div>'
            f"{sign}</td></tr>"
            f'<tr><td class="plc plm"><div class="po hin"><div class="pob cl"><em>'
            f'<a class="fastre" href="#">{ctx.chrome("回复")}</a></em><p>'
            f'<a href="#" class="replyadd">{ctx.chrome("支持")}</a> <a href="#" class="replysubtract">{ctx.chrome("反对")}</a> '
            f'<a href="#">{ctx.chrome("举报")}</a></p></div></div></td></tr></table></div>'
        )

    pages = r.randrange(2, 9)
    pager = (
        f'<div class="pgs mtm mbm cl"><div class="pg"><strong>1</strong><a href="#">2</a>'
        f'<label><span title="共 {pages} 页">{ctx.chrome(f"/ {pages} 页")}</span></label>'
        f'<a href="#" class="nxt">{ctx.chrome("下一页")}</a></div></div>'
        if r.random() < 0.6
        else ""
    )
    head = (
        f'<div id="pgt" class="pgs mbm cl"><a id="post_reply" href="#">{ctx.chrome("回复")}</a>'
        f'<span class="xg1">{ctx.chrome(f"查看: {r.randrange(100, 90000)}")}</span> <span class="xg1">{ctx.chrome(f"回复: {len(flat)}")}</span></div>'
    )
    return (
        f'<div id="ct" class="wp cl">{head}<div id="postlist" class="pl bm">'
        f"{''.join(one(i, c) for i, c in enumerate(flat))}</div>{pager}</div>"
    )


def invision_topic(ctx: Ctx, roots: list[GenComment]) -> str:
    """A forum topic's replies (Invision-Community-like): each an <article class="cPost
    ipsComment"> with an author pane (the name in an <h3>'s link, a group title, the avatar, a
    posts count, a rank), then the meta line "Posted May 27, 2024" with a <time> whose title is
    "05/27/2024 12:12 PM" and a "Share this post" link, the text in a `data-role="commentContent"`
    rich-text div, "Edited … by name" below some, "Quote" and reaction counts; "Reply to this
    topic" and "Create an account or sign in to comment" after the list, paging above."""
    r = ctx.rng
    flat = list(walk(roots))
    _as_handles(roots, r.choice(["", "_", "-"]))

    def one(c: GenComment) -> str:
        c.date_iso = c.when.date().isoformat()
        h = c.when.hour % 12 or 12
        title = f"{c.when:%m/%d/%Y} {h:02d}:{c.when:%M}  {'AM' if c.when.hour < 12 else 'PM'}"
        shown_date = f"{c.when:%B} {c.when.day}, {c.when.year}"
        edited = ""
        if r.random() < 0.15:
            later = c.when.replace(minute=(c.when.minute + 7) % 60)
            edited = (
                f'<span class="ipsType_reset ipsType_medium ipsType_light" data-excludequote=""><strong>'
                f"{ctx.chrome(f'Edited {later:%B} {later.day}, {later.year} by {c.shown}')}</strong></span>"
            )
        reacts = (
            f'<ul class="ipsReact_reactions"><li class="ipsReact_reactCount"><span>{ctx.chrome(str(r.randrange(1, 40)))}</span></li></ul>'
            if r.random() < 0.5
            else ""
        )
        cid = 700_000 + c.index * 11
        return (
            f'<article id="elComment_{cid}" class="cPost ipsBox ipsResponsive_pull ipsComment ipsComment_parent ipsClearfix ipsClear ipsColumns ipsColumns_noSpacing ipsColumns_collapsePhone">'
            f'<div class="cAuthorPane_mobile ipsResponsive_showPhone"></div>'
            f'<aside class="ipsComment_author cAuthorPane ipsColumn ipsColumn_medium ipsResponsive_hidePhone">'
            f'<h3 class="ipsType_sectionHead cAuthorPane_author ipsType_blendLinks ipsType_break"><strong>'
            f'<a href="/profile/{c.index + 40}-{_slug(c.shown)}/" class="ipsType_break">{esc(c.shown)}</a></strong></h3>'
            f'<ul class="cAuthorPane_info ipsList_reset"><li data-role="group">{ctx.chrome(r.choice(["Members", "Member", "Advanced Member", "Moderators"]))}</li>'
            f'<li data-role="photo" class="cAuthorPane_photo"><a href="#" class="ipsUserPhoto ipsUserPhoto_large"><img src="/uploads/{c.index}.png" alt=""></a></li>'
            f'<li data-role="stats" class="ipsResponsive_hidePhone ipsType_light"><i class="fa fa-comment"></i> {ctx.chrome(f"{r.randrange(1, 9000):,}")}</li>'
            f'<li data-role="rank-title" class="ipsType_break">{ctx.chrome(r.choice(["Newbie", "Contributor", "Enthusiast", "Community Regular"]))}</li></ul></aside>'
            f'<div class="ipsColumn ipsColumn_fluid ipsMargin:none"><div id="comment-{cid}_wrap" data-controller="core.front.core.comment" class="ipsComment_content ipsType_medium">'
            f'<div class="ipsComment_meta ipsType_light ipsFlex ipsFlex-ai:center ipsFlex-jc:between ipsFlex-fd:row-reverse">'
            f'<ul class="ipsList_inline ipsComment_tools"><li><a href="#" class="ipsType_blendLinks">{ctx.chrome("Share this post")}</a></li></ul>'
            f'<div class="ipsType_reset ipsResponsive_hidePhone"><a href="?do=findComment&amp;comment={cid}" class="ipsType_blendLinks">'
            f'{ctx.chrome("Posted")} <time datetime="{c.when.isoformat()}Z" title="{title}" data-short="1 yr">{shown_date}</time></a></div></div>'
            f'<div class="cPost_contentWrap"><div data-role="commentContent" class="ipsType_normal ipsType_richText ipsPadding_bottom ipsContained" data-controller="core.front.core.lightboxedImages">'
            f"{paras(c)}</div>{edited}"
            f'<div class="ipsItemControls"><div data-controller="core.front.core.reaction" class="ipsItemControls_right ipsClearfix">{reacts}</div>'
            f'<ul class="ipsComment_controls ipsClearfix ipsItemControls_left"><li><a href="#" class="ipsButton ipsButton_light ipsButton_verySmall">'
            f"<span>{ctx.chrome('Quote')}</span></a></li></ul></div></div></div></div></article>"
        )

    pager = (
        f'<div class="ipsPagination"><span class="ipsPagination_pageJump">{ctx.chrome(f"Page 1 of {r.randrange(2, 6)}")}</span> '
        f'<a class="ipsPagination_next" href="#">{ctx.chrome("Next")}</a></div>'
        if r.random() < 0.5
        else ""
    )
    foot = (
        f'<div class="ipsAreaBackground_light ipsPadding"><h2 class="ipsType_sectionHead">{ctx.chrome("Create an account or sign in to comment")}</h2>'
        f'<p class="ipsType_normal">{ctx.chrome("You need to be a member in order to leave a comment")}</p></div>'
        if r.random() < 0.7
        else f'<a href="#replyForm" class="ipsButton ipsButton_primary">{ctx.chrome("Reply to this topic")}</a>'
    )
    return (
        f'<div class="cTopic ipsClear ipsSpacer_top">{pager}<div data-role="commentFeed" data-controller="core.front.core.commentFeed, forums.front.topic.view">'
        f'<div data-role="commentList">{"".join(one(c) for c in flat)}</div></div>{foot}</div>'
    )


def ghost_comments(ctx: Ctx, roots: list[GenComment]) -> str:
    """A blog's member comments (Ghost-like comments app, utility classes): "12 comments" and a
    "Best / Newest / Oldest" sort above, "Sign in to join the conversation" or a "Join the
    discussion" form; each comment a row: a round avatar or the name's initials, then the name in
    an <h4>, an optional expertise line ("Product designer") and the date ("2 days ago" or "27
    May 2024", the full date in a title), the text in paragraphs, "Like 3", "Reply" and a "More"
    button; one level of replies in a `mt-8` block inside the comment, "Show 3 more replies"."""
    r = ctx.rng
    _two_levels(roots)
    jobs = ("Product designer", "Subscriber since 2019", "Founder", "Reader", "Teacher", "Engineer")

    def when(c: GenComment) -> str:
        c.date_iso = c.when.date().isoformat()
        n, unit = _ago(ctx, c)
        if unit == 2 and n >= 7:
            return f"{c.when.day} {c.when:%b} {c.when.year}"
        word = ("min", "hr", "day")[unit] + ("s" if n != 1 else "")
        return f"{n} {word} ago"

    def item(c: GenComment, kids: str) -> str:
        initials = "".join(w[0] for w in (c.shown or "?").split()[:2]).upper()
        pic = (
            f'<figure class="relative h-9 w-9"><img class="absolute left-0 top-0 h-9 w-9 rounded-full" src="/avatar/{c.index}.jpg" alt="Avatar"></figure>'
            if r.random() < 0.5
            else f'<figure class="relative h-9 w-9"><div class="flex h-full w-full items-center justify-center rounded-full bg-[#d1c5ea]">'
            f'<p class="font-sans text-base font-semibold text-white">{ctx.chrome(initials)}</p></div></figure>'
        )
        job = (
            f'<span class="text-[rgba(0,0,0,0.5)]">{ctx.chrome(r.choice(jobs))}</span><span class="mx-[0.3em]">·</span>'
            if r.random() < 0.3
            else ""
        )
        likes = r.randrange(0, 30)
        return (
            '<div class="flex w-full flex-row" data-testid="comment-component"><div class="mr-2 flex flex-col items-center justify-start sm:mr-3">'
            f'<div class="flex-0 mb-3 sm:mb-4">{pic}</div></div>'
            '<div class="flex grow flex-col"><div class="mb-2 flex min-h-[35px] items-start">'
            '<div class="flex flex-col"><h4 class="text-[rgb(23,23,23] font-sans text-[17px] font-bold tracking-tight dark:text-[rgba(255,255,255,0.85)]">'
            f"{esc(c.shown)}</h4>"
            f'<div class="flex items-baseline pr-4 font-sans text-[14px] tracking-tight text-[rgba(0,0,0,0.5)]">{job}'
            f'<span title="{c.when:%d %B %Y %H:%M}">{when(c)}</span></div></div></div>'
            f'<div class="mb-2 flex flex-row items-center gap-4 pr-4 sm:mb-2.5"><div class="gh-comment-content font-sans text-[16px] leading-normal text-neutral-900">{paras(c)}</div></div>'
            '<div class="mb-5 flex items-center gap-5">'
            f'<button class="duration-50 group flex items-center font-sans text-sm outline-0"><svg></svg>{ctx.chrome(str(likes) if likes else "Like")}</button>'
            f'<button class="duration-50 group flex items-center font-sans text-sm outline-0" type="button"><svg></svg>{ctx.chrome("Reply")}</button>'
            f'<button class="flex items-center" type="button" aria-label="More"><svg></svg></button></div>'
            + (f'<div class="mb-4 ml-[-1.4rem] mt-8 sm:mb-0 sm:mt-10">{kids}</div>' if kids else "")
            + "</div></div>"
        )

    n = len(list(walk(roots)))
    sort = (
        '<div class="flex items-center justify-between"><h2 class="font-sans text-[2.4rem] font-bold tracking-tight">'
        f"{ctx.chrome('Member discussion')}</h2>"
        f'<span class="font-sans text-base text-[rgba(0,0,0,0.5)]">{ctx.chrome(f"{n} comment" + ("s" if n != 1 else ""))}</span></div>'
        f'<div class="z-20 mb-7 mt-3 flex items-center"><span class="text-sm">{ctx.chrome("Sorted by")}</span>'
        f'<button class="ml-1 text-sm font-semibold">{ctx.chrome(r.choice(["Best", "Newest", "Oldest"]))}</button></div>'
    )
    cta = (
        f'<section class="flex flex-col items-center pb-[1rem] pt-[2rem]"><h1 class="mb-[8px] font-sans text-2xl font-bold">'
        f'{ctx.chrome("Start the conversation")}</h1><p class="mb-[28px] font-sans text-lg">{ctx.chrome("Become a member of " + ctx.site + " to start commenting.")}</p>'
        f'<button class="rounded-md font-sans font-semibold">{ctx.chrome("Sign up now")}</button>'
        f'<p class="font-sans text-sm">{ctx.chrome("Already a member?")} <button>{ctx.chrome("Sign in")}</button></p></section>'
        if r.random() < 0.6
        else f'<div class="relative w-full"><div class="font-sans text-[16.5px] leading-normal">{ctx.chrome("Join the discussion")}</div></div>'
    )
    return (
        '<div id="ghost-comments-root" class="gh-article-comments gh-canvas"><div class="ghost-display" data-testid="comments-frame">'
        f'<section class="flex w-full flex-col">{sort}{cta}<div class="z-10" data-test="comment-list">'
        f"{nested(roots, item, lambda k: k)}</div></section></div></div>"
    )


def tripadvisor_reviews(ctx: Ctx, roots: list[GenComment]) -> str:
    """A travel site's reviews of a hotel (Tripadvisor-like `data-automation` attributes): a
    "Reviews (1,234)" heading, filters and "Traveler rating" checkboxes above; each review card: the
    avatar, the name, a home town and "12 contributions", the bubbles as an SVG title "4.0 of 5
    bubbles", a bold title the reviewer typed, "Date of stay: May 2024" and "Trip type: Traveled as
    a couple" (the stay's month, not the review's date), the text with "Read more", "Written May 27,
    2024" and the disclaimer; the manager's response, when there is one, a box inside the card
    ("Response from Jane D, General Manager", "Responded May 29, 2024", the text)."""
    r = ctx.rng
    _two_levels(roots)
    towns = ("London, United Kingdom", "Toronto, Canada", "Lyon, France", "Austin, Texas", "Madrid, Spain")
    roles = ("General Manager", "Guest Relations Manager", "Front Office Manager", "Owner")

    def response(c: GenComment) -> str:
        c.date_iso = c.when.date().isoformat()
        role = r.choice(roles)
        return (
            '<div class="owner-response" data-automation="responseCard"><div class="biGQs _P fiohW">'
            f'{ctx.chrome("Response from")} <span class="responder">{esc(c.shown)}</span>, {ctx.chrome(role)}</div>'
            f'<div class="biGQs _P pZUbB ncFvv osNWb">{ctx.chrome("Responded")} {c.when:%B} {c.when.day}, {c.when.year}</div>'
            f'<div class="biGQs _P pZUbB KxBGd"><span class="JguWG"><span class="yCeTE">{br_text(c)}</span></span></div></div>'
        )

    def card(c: GenComment) -> str:
        c.date_iso = c.when.date().isoformat()
        title = _titled(r, c, 0.9)
        bubbles = r.choice((5, 5, 4, 4, 3, 2, 1))
        stay = c.when.replace(day=1) if r.random() < 0.5 else (c.when.replace(day=1) - timedelta(days=20))
        meta = []
        if r.random() < 0.6:
            meta.append(f'<span class="biGQs _P pZUbB osNWb">{ctx.chrome(r.choice(towns))}</span>')
        if r.random() < 0.8:
            k = r.randrange(1, 400)
            meta.append(
                f'<span class="biGQs _P pZUbB osNWb">{ctx.chrome(f"{k} contribution" + ("s" if k != 1 else ""))}</span>'
            )
        trip = (
            f'<span class="DlAxN">{ctx.chrome(r.choice(["Traveled as a couple", "Traveled with family", "Traveled solo", "Traveled on business"]))}</span>'
            if r.random() < 0.6
            else ""
        )
        rest = c.paragraphs[1:] if title else c.paragraphs
        kids = "".join(response(k) for k in c.children)
        return (
            '<div data-automation="reviewCard" class="_c"><div class="mwPje f M k"><div class="XExLl f u o">'
            f'<a href="/Profile/{_login(c.shown)}" class="BMQDV _F Gv wSSLS SwZTJ FGwzt ukgoS"><img class="avatar" src="/a/{c.index}.jpg" alt=""></a>'
            f'<div class="zpDvc Zb"><span class="biGQs _P fiohW fOtGX"><a href="/Profile/{_login(c.shown)}" class="BMQDV _F Gv wSSLS SwZTJ FGwzt ukgoS">{esc(c.shown)}</a></span>'
            f'<div class="JINyA">{"".join(meta)}</div></div></div></div>'
            f'<svg class="UctUV d H0" viewBox="0 0 128 24" width="88" height="16" aria-labelledby=":r{c.index}:"><title id=":r{c.index}:">{ctx.chrome(f"{bubbles}.0 of 5 bubbles")}</title></svg>'
            + (
                f'<div class="biGQs _P fiohW qWPrE ncFvv fOtGX"><a href="/ShowUserReviews-r{9_000 + c.index}" class="BMQDV _F Gv wSSLS SwZTJ FGwzt ukgoS"><span class="yCeTE">{esc(title)}</span></a></div>'
                if title
                else ""
            )
            + f'<div class="RpeCd">{ctx.chrome(f"{stay:%b} {stay.year}")}{" • " + trip if trip else ""}</div>'
            f'<div class="_T FKffI"><div class="fIrGe _T bgMZj" style="line-break: normal; cursor: auto;">'
            f'<div class="biGQs _P pZUbB KxBGd"><span class="JguWG"><span class="yCeTE">{"<br><br>".join(esc(p) for p in rest)}</span></span></div></div>'
            f'<div class="lszDU"><button class="UikNM _G B- _S _W _T c G_ wSSLS ACvVd" type="button"><span class="biGQs _P ttuOS">{ctx.chrome("Read more")}</span></button></div></div>'
            f'<div class="TreSq"><div class="biGQs _P pZUbB ncFvv osNWb">{ctx.chrome("Written")} {c.when:%B} {c.when.day}, {c.when.year}</div>'
            f'<div class="biGQs _P pZUbB ohLQb ZNjnF">{ctx.chrome("This review is the subjective opinion of a Tripadvisor member and not of Tripadvisor LLC. Tripadvisor performs checks on reviews as part of our industry-leading trust & safety standards.")}</div></div>'
            f"{kids}</div>"
        )

    manager = ctx.name()
    for root in roots:
        for k in root.children:  # the hotel answers, under one manager's name per page
            k.shown = k.author = manager
    n = len(list(walk(roots)))
    head = (
        f'<div class="ZtPlb"><h2 class="biGQs _P fiohW uuBRH">{ctx.chrome(f"Reviews ({n + r.randrange(0, 3000):,})")}</h2>'
        f'<div class="traveler-rating"><div class="biGQs _P fiohW">{ctx.chrome("Traveler rating")}</div>'
        + "".join(
            f'<label><input type="checkbox"><span>{ctx.chrome(t)}</span></label>'
            for t in ("Excellent", "Very good", "Average", "Poor", "Terrible")
        )
        + "</div></div>"
    )
    pager = (
        f'<div class="pageNumbers"><span class="pageNum current">1</span><a class="pageNum" href="#">2</a>'
        f'<a class="ui_button nav next primary" href="#">{ctx.chrome("Next")}</a></div>'
        if r.random() < 0.5
        else ""
    )
    return f'<div id="REVIEWS" data-automation="reviewsSection" class="reviews-tab">{head}<div class="LbPSX">{"".join(card(c) for c in roots)}</div>{pager}</div>'


M = Markup
MARKUPS: dict[str, Markup] = {
    m.name: m
    for m in [
        M("wordpress", wordpress, "nested", known=True),
        M("wpdiscuz", wpdiscuz, "nested", anon_share=0.2, known=True),
        M("disqus", disqus, "nested", known=True),
        M("blogger", blogger, "nested", known=True),
        M("schema_org", schema_org, "nested", known=True),
        M("viafoura", viafoura, "nested"),
        M("commento", commento, "nested"),
        M("discourse", discourse, "flat", reply_share=0.0, anon_share=0.0),
        M("phpbb", phpbb, "flat", reply_share=0.0, anon_share=0.0),
        M("facebook", facebook, "nested", anon_share=0.0),
        M("remark42", remark42, "indent"),
        M("classless", classless, "nested"),
        M("table_forum", table_forum, "flat", reply_share=0.0),
        M("giscus", giscus, "nested", anon_share=0.0),
        M("guardian", guardian, "nested", anon_share=0.0),
        M("openweb", openweb, "indent", anon_share=0.0),
        M("vbulletin", vbulletin, "flat", reply_share=0.0, anon_share=0.0),
        M("dl_pairs", dl_pairs, "flat", reply_share=0.0),
        # held out
        M("coral", coral, "nested", anon_share=0.0),
        M("livefyre", livefyre, "indent"),
        M("isso", isso, "nested", anon_share=0.3),
        M("xenforo", xenforo, "flat", reply_share=0.0, anon_share=0.0),
        M("hn", hn, "indent", reply_share=0.5, anon_share=0.0),
        M("cssmodules", cssmodules, "nested", anon_share=0.0),
        M("vuukle", vuukle, "indent"),
        M("slashdot", slashdot, "nested", anon_share=0.2),
        # held out, second set
        M("hyvor", hyvor, "nested", anon_share=0.0),
        M("talkyard", talkyard, "nested"),
        M("hcite", hcite, "flat", reply_share=0.0, anon_share=0.0),
        M("mybb", mybb, "flat", reply_share=0.0, anon_share=0.0),
        M("reader_notes", reader_notes, "flat", reply_share=0.0, anon_share=0.0),
        M("drupal", drupal, "nested", anon_share=0.2),
        # held out, third set
        M("tailwind", tailwind, "nested", anon_share=0.0),
        M("bootstrap_media", bootstrap_media, "nested", anon_share=0.1),
        M("qa_answers", qa_answers, "flat", reply_share=0.0, anon_share=0.0),
        M("tweet_replies", tweet_replies, "flat", reply_share=0.0, anon_share=0.0),
        # held out, fourth set
        M("web_components", web_components, "nested", anon_share=0.15),
        M("legacy_table", legacy_table, "indent", anon_share=0.2),
        M("user_comments", user_comments, "nested", anon_share=0.1),
        M("hr_guestbook", hr_guestbook, "flat", reply_share=0.0, anon_share=0.2),
        M("aria_tree", aria_tree, "indent", anon_share=0.0),
        M("inline_author", inline_author, "flat", reply_share=0.0, anon_share=0.1),
        # held out, fifth set
        M("mailing_list", mailing_list, "nested", reply_share=0.6, anon_share=0.0),
        M("details_thread", details_thread, "nested", reply_share=0.4, anon_share=0.1),
        M("reddit_things", reddit_things, "nested", reply_share=0.5, anon_share=0.0),
        M("se_comments", se_comments, "flat", reply_share=0.0, anon_share=0.0),
        M("wiki_talk", wiki_talk, "nested", reply_share=0.5, anon_share=0.15),
        M("leser_threads", leser_threads, "indent", reply_share=0.4, anon_share=0.1),
        # held out, sixth set
        M("lj_thread", lj_thread, "indent", reply_share=0.5, anon_share=0.15),
        M("yt_threads", yt_threads, "nested", reply_share=0.5, anon_share=0.0),
        M("quote_board", quote_board, "indent", reply_share=0.5, anon_share=0.6),
        M("gh_timeline", gh_timeline, "flat", reply_share=0.0, anon_share=0.0),
        M("tg_discussion", tg_discussion, "indent", reply_share=0.5, anon_share=0.0),
        M("amp_comments", amp_comments, "nested", reply_share=0.3, anon_share=0.1),
        # held out, seventh set
        M("cbox_list", cbox_list, "nested", reply_share=0.4, anon_share=0.0),
        M("kv_tables", kv_tables, "nested", reply_share=0.35, anon_share=0.1),
        M("letters_column", letters_column, "flat", reply_share=0.0, anon_share=0.15),
        M("chat_groups", chat_groups, "flat", reply_share=0.0, anon_share=0.0),
        M("fedi_replies", fedi_replies, "indent", reply_share=0.5, anon_share=0.0),
        M("review_letters", review_letters, "nested", reply_share=0.3, anon_share=0.1),
        # held out, eighth set
        M("vue_scoped", vue_scoped, "nested", reply_share=0.35, anon_share=0.1),
        M("answer_feed", answer_feed, "flat", reply_share=0.0, anon_share=0.1),
        M("vk_widget", vk_widget, "indent", reply_share=0.45, anon_share=0.0),
        M("substack_thread", substack_thread, "nested", reply_share=0.4, anon_share=0.05),
        M("wp_blocks", wp_blocks, "nested", reply_share=0.3, anon_share=0.15),
        M("forum_quotes", forum_quotes, "indent", reply_share=0.5, anon_share=0.0),
        # held out, ninth set
        M("lobsters_tree", lobsters_tree, "nested", reply_share=0.5, anon_share=0.0),
        M("jcomments", jcomments, "nested", reply_share=0.35, anon_share=0.2),
        M("idc_threads", idc_threads, "nested", reply_share=0.4, anon_share=0.15),
        M("atomic_conversations", atomic_conversations, "nested", reply_share=0.4, anon_share=0.0),
        M("stylex_plugin", stylex_plugin, "nested", reply_share=0.45, anon_share=0.0),
        M("medium_responses", medium_responses, "nested", reply_share=0.35, anon_share=0.0),
        # held out, tenth set
        M("shreddit_tree", shreddit_tree, "nested", reply_share=0.5, anon_share=0.0),
        M("bsky_thread", bsky_thread, "indent", reply_share=0.5, anon_share=0.0),
        M("tumblr_notes", tumblr_notes, "flat", reply_share=0.0, anon_share=0.0),
        M("diskuse_tree", diskuse_tree, "nested", reply_share=0.4, anon_share=0.15),
        M("yahoo_jp", yahoo_jp, "flat", reply_share=0.0, anon_share=0.0),
        M("steam_thread", steam_thread, "flat", reply_share=0.0, anon_share=0.0),
        # held out, eleventh set
        M("lemmy_thread", lemmy_thread, "nested", reply_share=0.5, anon_share=0.0),
        M("habr_comments", habr_comments, "nested", reply_share=0.45, anon_share=0.0),
        M("weibo_classic", weibo_classic, "nested", reply_share=0.45, anon_share=0.0),
        M("trustpilot_reviews", trustpilot_reviews, "nested", reply_share=0.35, anon_share=0.0),
        M("gitlab_notes", gitlab_notes, "nested", reply_share=0.4, anon_share=0.0),
        M("standard_forum", standard_forum, "indent", reply_share=0.45, anon_share=0.0),
        # held out, twelfth set
        M("zeit_thread", zeit_thread, "indent", reply_share=0.45, anon_share=0.0),
        M("nyt_picks", nyt_picks, "nested", reply_share=0.4, anon_share=0.0),
        M("lemonde_reactions", lemonde_reactions, "nested", reply_share=0.4, anon_share=0.0),
        M("douban_short", douban_short, "flat", reply_share=0.0, anon_share=0.0),
        M("dc_gallery", dc_gallery, "nested", reply_share=0.4, anon_share=0.45),
        M("bili_replies", bili_replies, "nested", reply_share=0.45, anon_share=0.0),
        # held out, thirteenth set
        M("hashover_thread", hashover_thread, "nested", reply_share=0.4, anon_share=0.3),
        M("tieba_floors", tieba_floors, "nested", reply_share=0.5, anon_share=0.0),
        M("discourse_embed", discourse_embed, "indent", reply_share=0.4, anon_share=0.0),
        M("hatena_bookmarks", hatena_bookmarks, "flat", reply_share=0.0, anon_share=0.0),
        M("netease_floors", netease_floors, "indent", reply_share=0.45, anon_share=0.0),
        M("meneame_thread", meneame_thread, "indent", reply_share=0.45, anon_share=0.0),
        # held out, fourteenth set
        M("cusdis_widget", cusdis_widget, "nested", reply_share=0.4, anon_share=0.0),
        M("pikabu_tree", pikabu_tree, "nested", reply_share=0.5, anon_share=0.0),
        M("heise_forum", heise_forum, "nested", reply_share=0.45, anon_share=0.0),
        M("fivech_thread", fivech_thread, "indent", reply_share=0.4, anon_share=0.0),
        M("amazon_reviews", amazon_reviews, "flat", reply_share=0.0, anon_share=0.0),
        M("ao3_comments", ao3_comments, "nested", reply_share=0.4, anon_share=0.0),
        # held out, fifteenth set
        M("naver_news", naver_news, "nested", reply_share=0.45, anon_share=0.0),
        M("goodreads_reviews", goodreads_reviews, "flat", reply_share=0.0, anon_share=0.0),
        M("discuz_thread", discuz_thread, "flat", reply_share=0.0, anon_share=0.0),
        M("invision_topic", invision_topic, "flat", reply_share=0.0, anon_share=0.0),
        M("ghost_comments", ghost_comments, "nested", reply_share=0.45, anon_share=0.0),
        M("tripadvisor_reviews", tripadvisor_reviews, "nested", reply_share=0.25, anon_share=0.0),
    ]
}
# Fifteen held-out sets, each written before the previous one's failures were looked at. The first
# two were scored while the miner was still changing and their failures seen (so they are reported
# as such). The third (`HELD_OUT_FRESH`) was scored once; its failures (qa_answers: a signature
# after the text under a counting heading; tweet_replies: an @handle beside the display name) were
# then fixed in the miner, so it is seen too and no longer a measure. The fourth
# (`HELD_OUT_FOURTH`) was written before those fixes and scored once, after them (combined 92.7%:
# hr_guestbook and inline_author miss); its failures were then fixed in the miner (entries set
# apart by rules, signature lines, records of several rows, action buttons as a hint, microdata
# times), so it is seen too. The fifth (`HELD_OUT_FIFTH`) was written after the fourth was scored
# and before those fixes, and scored once after them (combined 86.2%, the same as before them);
# its wiki_talk failure was then fixed (comments that end in a signature), so it is seen too. The
# sixth (`HELD_OUT_SIXTH`) was written after the fifth was scored and before its failures were
# fixed, and scored once after that (combined 90.8%, the same as before those fixes); its failures
# were then fixed (links to the record answered, epoch times, text after a leading link, the
# widest list), so it is seen too. The seventh (`HELD_OUT_SEVENTH`) was written after the sixth
# was scored and before its failures were fixed, and scored once after that (combined 75.6%; 68.4%
# before those fixes); two of its failures were then fixed (tables read by their header cells, a
# list seen through another wrapper), so it is seen too. The eighth (`HELD_OUT_EIGHTH`) was
# written after the seventh was scored, from the markups alone, and scored once after those fixes
# (combined 89.2%; 87.8% before this round of fixes began); its failures were then fixed in part
# (WordPress block themes, notes dropped from comment text, a quotation a reply opens with), so it
# is seen too. The ninth (`HELD_OUT_NINTH`) was written after the eighth was scored, from the
# markups alone, and scored once after those fixes (combined 88.1%); its failures were then fixed
# in part (atomic CSS class names, data-test attributes naming parts), so it is seen too. The tenth
# (`HELD_OUT_TENTH`) was written after the ninth was scored and its failures partly fixed, from the
# markups alone, and scored once (combined 82.7%); its failures were then fixed in part (custom
# elements, test-id stems, records lined up by tag paths when atomic classes are drawn per
# element, dates among a header line's fields, one record read without a paging line above it,
# classes generated per element, a text element with a class more or less, guide columns as
# depth), so it is seen too. The eleventh (`HELD_OUT_ELEVENTH`) was
# written after the tenth was scored, from the markups alone, and scored once before any of the
# tenth's failures were fixed (combined 78.3%); its failures were then fixed in part (headlines
# inside records, lists with activity lines among their records, reply buttons in other scripts,
# replies that address their parent by name), so it is seen too. The twelfth (`HELD_OUT_TWELFTH`)
# was written after the eleventh was scored and before its failures were looked at, from the
# markups alone (no look at the miner, no evaluation run), and scored once before any of the
# eleventh's failures were fixed (combined 86.2%, the same after those fixes); its failures were
# then fixed (replies drawn as lists of their own beside or after their comments', nesting read from
# the records' items, a line linking to the comment answered that opens a reply, editors' notes
# closing a comment, pinned marks and advertisements among comments, half an address beside a
# name, an avatar's initial, days without a year and times ago in other scripts, boards' names for
# writers without one), so it is seen too. The thirteenth (`HELD_OUT_THIRTEENTH`) was written
# after the twelfth was scored and before its failures were looked at, from the markups alone (no
# look at the miner, no evaluation run), and scored once before any of the twelfth's failures
# were fixed (combined 90.8%, the same after those fixes); its failures were then fixed (replies
# drawn inside their comment in markup of another kind, highlight lists repeating comments, a date
# at another place among its line's fields, one comment under a heading in a header line, a line
# naming the writer answered, short dates over epoch attributes, names linked where others are
# plain, addresses without an '@'), so it is seen too. The fourteenth (`HELD_OUT_FOURTEENTH`) was
# written after the thirteenth was scored and before its failures were looked at, from the markups
# alone (no look at the miner, no evaluation run), and scored once before any of the thirteenth's
# failures were fixed (combined 86.8%; 87.4% after those fixes); its failures were then fixed (widgets
# in utility classes read by their records' spacing step, dates closing a line of words or drawn in
# pieces, reviews' own titles linking to their page, board references to a post number, boards'
# placeholder names with their own prefix), so it is seen too. The fifteenth (`HELD_OUT_FIFTEENTH`)
# was written after the fourteenth was scored and before its failures were looked at, from the
# markups alone (no look at the miner, no evaluation run), and scored once before any of the
# fourteenth's failures were fixed (combined 85.9%); no test runs the extractor on it.
HELD_OUT_FIRST = ("coral", "livefyre", "isso", "xenforo", "hn", "cssmodules", "vuukle", "slashdot")
HELD_OUT_SECOND = ("hyvor", "talkyard", "hcite", "mybb", "reader_notes", "drupal")
HELD_OUT_FRESH = ("tailwind", "bootstrap_media", "qa_answers", "tweet_replies")
HELD_OUT_FOURTH = (
    "web_components",
    "legacy_table",
    "user_comments",
    "hr_guestbook",
    "aria_tree",
    "inline_author",
)
HELD_OUT_FIFTH = (
    "mailing_list",
    "details_thread",
    "reddit_things",
    "se_comments",
    "wiki_talk",
    "leser_threads",
)
HELD_OUT_SIXTH = (
    "lj_thread",
    "yt_threads",
    "quote_board",
    "gh_timeline",
    "tg_discussion",
    "amp_comments",
)
HELD_OUT_SEVENTH = (
    "cbox_list",
    "kv_tables",
    "letters_column",
    "chat_groups",
    "fedi_replies",
    "review_letters",
)
HELD_OUT_EIGHTH = (
    "vue_scoped",
    "answer_feed",
    "vk_widget",
    "substack_thread",
    "wp_blocks",
    "forum_quotes",
)
HELD_OUT_NINTH = (
    "lobsters_tree",
    "jcomments",
    "idc_threads",
    "atomic_conversations",
    "stylex_plugin",
    "medium_responses",
)
HELD_OUT_TENTH = (
    "shreddit_tree",
    "bsky_thread",
    "tumblr_notes",
    "diskuse_tree",
    "yahoo_jp",
    "steam_thread",
)
HELD_OUT_ELEVENTH = (
    "lemmy_thread",
    "habr_comments",
    "weibo_classic",
    "trustpilot_reviews",
    "gitlab_notes",
    "standard_forum",
)
HELD_OUT_TWELFTH = (
    "zeit_thread",
    "nyt_picks",
    "lemonde_reactions",
    "douban_short",
    "dc_gallery",
    "bili_replies",
)
HELD_OUT_THIRTEENTH = (
    "hashover_thread",
    "tieba_floors",
    "discourse_embed",
    "hatena_bookmarks",
    "netease_floors",
    "meneame_thread",
)
HELD_OUT_FOURTEENTH = (
    "cusdis_widget",
    "pikabu_tree",
    "heise_forum",
    "fivech_thread",
    "amazon_reviews",
    "ao3_comments",
)
HELD_OUT_FIFTEENTH = (
    "naver_news",
    "goodreads_reviews",
    "discuz_thread",
    "invision_topic",
    "ghost_comments",
    "tripadvisor_reviews",
)
HELD_OUT = (
    HELD_OUT_FIRST
    + HELD_OUT_SECOND
    + HELD_OUT_FRESH
    + HELD_OUT_FOURTH
    + HELD_OUT_FIFTH
    + HELD_OUT_SIXTH
    + HELD_OUT_SEVENTH
    + HELD_OUT_EIGHTH
    + HELD_OUT_NINTH
    + HELD_OUT_TENTH
    + HELD_OUT_ELEVENTH
    + HELD_OUT_TWELFTH
    + HELD_OUT_THIRTEENTH
    + HELD_OUT_FOURTEENTH
    + HELD_OUT_FIFTEENTH
)
TUNE = tuple(name for name in MARKUPS if name not in HELD_OUT)
