"""The generated HTML pages say what their gold says: the gold is only as good as this."""

from __future__ import annotations

import html
import re

import pytest

from devdata.markups import (
    HELD_OUT,
    HELD_OUT_EIGHTH,
    HELD_OUT_ELEVENTH,
    HELD_OUT_FIFTEENTH,
    HELD_OUT_FIFTH,
    HELD_OUT_FOURTEENTH,
    HELD_OUT_NINTH,
    HELD_OUT_SEVENTH,
    HELD_OUT_SIXTH,
    HELD_OUT_TENTH,
    HELD_OUT_THIRTEENTH,
    HELD_OUT_TWELFTH,
    MARKUPS,
    TUNE,
)
from devdata.pages import generate
from tasks.extract.dom import parse, render, strip_chrome

NEWER_SETS = {
    "fifth": HELD_OUT_FIFTH,
    "sixth": HELD_OUT_SIXTH,
    "seventh": HELD_OUT_SEVENTH,
    "eighth": HELD_OUT_EIGHTH,
    "ninth": HELD_OUT_NINTH,
    "tenth": HELD_OUT_TENTH,
    "eleventh": HELD_OUT_ELEVENTH,
    "twelfth": HELD_OUT_TWELFTH,
    "thirteenth": HELD_OUT_THIRTEENTH,
    "fourteenth": HELD_OUT_FOURTEENTH,
    "fifteenth": HELD_OUT_FIFTEENTH,
}


def test_every_markup_is_tuning_or_held_out_never_both():
    assert set(TUNE) | set(HELD_OUT) == set(MARKUPS)
    assert not set(TUNE) & set(HELD_OUT)
    assert len(HELD_OUT) >= 6
    earlier: tuple[str, ...] = ()
    for newer in NEWER_SETS.values():  # six markups each, none in an earlier set
        assert set(newer) <= set(HELD_OUT) and len(newer) == 6
        assert not set(newer) & set(earlier)
        earlier += newer


def _check_gold_on_the_page(pages):
    for file, page, gold in pages:
        tree = parse(page)
        everything = " ".join(tree.xpath("//body")[0].text_content().split())
        strip_chrome(tree)
        text = render(tree.xpath("//body")[0])
        flat = " ".join(text.split())
        assert gold["file"] == file
        assert html.escape(gold["title"], quote=False) in page, file
        assert " ".join(gold["body_first"].split()) in flat, file
        for c in gold["comments"]:
            assert " ".join(c["text_first"].split()) in flat, file
            assert " ".join(c["text_last"].split()) in flat, file
            if c["author"]:
                assert c["author"] in everything, file
            if c.get("parent") is not None:
                assert c["parent"] < gold["comments"].index(c), file
        for line in gold["boilerplate"]:  # menus and buttons included, which the rendering drops
            assert " ".join(line.split()) in everything or line == "Terms | Privacy | Feedback", (file, line)


def test_gold_comments_titles_and_chrome_are_on_the_page():
    _check_gold_on_the_page(generate(list(MARKUPS), 1, seed=3))


@pytest.mark.parametrize("name", list(NEWER_SETS))
def test_a_newer_held_out_set_says_what_its_gold_says(name):
    """More pages of each newer held-out set: its variants (wrappers, date places, footers)
    drawn many times, every comment's text, author and chrome line checked against the page."""
    for seed in (3, 4):
        pages = generate(list(NEWER_SETS[name]), 10, seed=seed)
        assert sum(len(g["comments"]) for _, _, g in pages) > 100
        _check_gold_on_the_page(pages)


def _depths(parents: list[int | None]) -> list[int]:
    out: list[int] = []
    for p in parents:
        out.append(0 if p is None else out[p] + 1)
    return out


def _threads(names: tuple[str, ...], seeds: tuple[int, ...] = (3, 4)):
    """Each generated page of the markups `names`: (system, page, gold comments, their parents,
    how many comments have replies, how many comments are replies)."""
    for seed in seeds:
        for _, page, gold in generate(list(names), 10, seed=seed):
            comments = gold["comments"]
            parents = [c.get("parent") for c in comments]
            has_kids = len({p for p in parents if p is not None})
            n_replies = sum(p is not None for p in parents)
            yield gold["comment_system"], page, comments, parents, has_kids, n_replies


def test_the_newest_held_out_set_keeps_its_threads_in_the_markup():
    """Where the fifteenth set's gold has a parent, the page names it: a reply inside its top
    comment's reply area (naver_news), its `mt-8` block (ghost_comments) or its card as a
    manager's response (tripadvisor_reviews), one level deep; goodreads_reviews, discuz_thread
    and invision_topic have no replies."""
    replies: dict[str, int] = {}
    for system, page, comments, parents, has_kids, n_replies in _threads(HELD_OUT_FIFTEENTH):
        assert all(p is None or parents[p] is None for p in parents), system
        if system == "naver_news":
            assert page.count('<li class="u_cbox_comment') == len(comments) + page.count(
                "u_cbox_type_cleanbot"
            )
            assert page.count("u_cbox_type_reply") == n_replies
            assert page.count('class="u_cbox_reply_area"') == has_kids
        if system == "ghost_comments":
            assert page.count('data-testid="comment-component"') == len(comments)
            assert page.count('sm:mb-0 sm:mt-10">') == has_kids
        if system == "tripadvisor_reviews":
            assert page.count('data-automation="reviewCard"') == len(comments) - n_replies
            assert page.count('data-automation="responseCard"') == n_replies
        if system == "goodreads_reviews":
            assert page.count('<article class="ReviewCard"') == len(comments) and not n_replies
        if system == "discuz_thread":
            assert page.count('class="plhin"') == len(comments) and not n_replies
        if system == "invision_topic":
            assert page.count('class="cPost ') == len(comments) and not n_replies
        replies[system] = replies.get(system, 0) + n_replies
    assert all(replies[s] > 10 for s in ("naver_news", "ghost_comments", "tripadvisor_reviews"))


def test_the_fourteenth_held_out_set_keeps_its_threads_in_the_markup():
    """Where the fourteenth set's gold has a parent, the page names it: a reply inside its
    parent's comment (cusdis_widget in a `pl-4` box, pikabu_tree in `comment__children`,
    heise_forum in the posting's <ul>), a ">>N" link opening the message (fivech_thread), or the
    <li> after the parent's holding an <ol class="thread"> (ao3_comments); amazon_reviews has no
    replies."""
    replies: dict[str, int] = {}
    for system, page, comments, parents, has_kids, n_replies in _threads(HELD_OUT_FOURTEENTH):
        if system == "cusdis_widget":
            assert page.count('<div class="my-4"><div class="flex items-center">') == len(comments)
            assert page.count('class="pl-4 border-l-2') == has_kids
        if system == "pikabu_tree":
            assert page.count('<div class="comment" id="comment_') == len(comments)
            assert page.count('class="comment__children"') == has_kids
            assert (
                page.count(";d=") == len(comments)
                and page.count('data-meta="pid=0;') == len(comments) - n_replies
            )
        if system == "heise_forum":
            assert page.count('<article class="a-posting"') == len(comments)
            assert page.count('class="posting_children"') == has_kids
            assert page.count("posting_element--reply") == n_replies
        if system == "fivech_thread":
            assert page.count('<div class="post" id="') == len(comments)
            assert page.count("&gt;&gt;") == n_replies
            assert all(f'/{i + 2}" rel="noopener' in page for i in {p for p in parents if p is not None})
        if system == "amazon_reviews":
            assert n_replies == 0 and "parent" not in (comments[0] if comments else {})
            assert page.count('data-hook="review"') == len(comments)
        if system == "ao3_comments":
            assert page.count('comment group" id="comment_') == len(comments)
            assert page.count('<li><ol class="thread">') == has_kids
            assert page.count(">Parent Thread<") == n_replies
        replies[system] = replies.get(system, 0) + n_replies
    assert all(replies[s] > 10 for s in HELD_OUT_FOURTEENTH if s != "amazon_reviews")


def test_the_thirteenth_held_out_set_keeps_its_threads_in_the_markup():
    """Where the thirteenth set's gold has a parent, the page names it: a `hashover-reply` div
    inside the parent's with a link up to it (hashover_thread), an in-floor reply under its floor
    (tieba_floors), an "in reply to" line (discourse_embed), a stack of the answered comments'
    floors above the text (netease_floors), or a "#N" link opening the text (meneame_thread);
    hatena_bookmarks has no replies."""
    replies: dict[str, int] = {}
    for system, page, comments, parents, has_kids, n_replies in _threads(HELD_OUT_THIRTEENTH):
        if system == "hashover_thread":
            assert page.count('class="hashover-comment') == len(comments)
            assert page.count('class="hashover-comment hashover-reply"') == n_replies
            assert page.count('class="hashover-thread-link"') == n_replies
        if system == "tieba_floors":
            assert all(p is None or parents[p] is None for p in parents)  # one level of replies
            assert page.count('class="l_post l_post_bright j_l_post') == len(comments) - n_replies
            assert page.count('class="lzl_single_post') == n_replies
            assert page.count('class="j_lzl_container') == has_kids
        if system == "discourse_embed":
            assert page.count('<article class="post"') == len(comments)
            assert page.count('class="in-reply-to"') == n_replies
        if system == "hatena_bookmarks":
            assert n_replies == 0 and "parent" not in (comments[0] if comments else {})
            assert page.count('class="entry-comment-text') >= len(comments)
        if system == "netease_floors":
            assert page.count('class="tie-item"') == len(comments)
            assert page.count('class="floors"') == n_replies
            assert page.count('class="floor"') == sum(_depths(parents))
        if system == "meneame_thread":
            assert page.count('<div class="comment-header"><a class="comment-order"') == len(comments)
            assert page.count('class="tooltip c:') == n_replies
        replies[system] = replies.get(system, 0) + n_replies
    assert all(replies[s] > 10 for s in HELD_OUT_THIRTEENTH if s != "hatena_bookmarks")


def test_the_twelfth_held_out_set_keeps_its_threads_in_the_markup():
    """Where the twelfth set's gold has a parent, the page names it: a `comment--indented` article
    after its thread's first one with an "Antwort auf #N" link (zeit_thread), the replies box after
    its thread's first comment (nyt_picks), a "comment__answers" block inside the parent
    (lemonde_reactions), the `reply_list` in the <li> after the parent's (dc_gallery), or the
    sub-reply container under the root reply (bili_replies); douban_short has no replies."""
    replies: dict[str, int] = {}
    for system, page, comments, parents, has_kids, n_replies in _threads(HELD_OUT_TWELFTH):
        if system not in ("douban_short", "lemonde_reactions"):
            assert all(p is None or parents[p] is None for p in parents)  # one level of replies
        if system == "zeit_thread":
            assert page.count('<article class="comment') == len(comments)
            assert page.count("comment--indented") == n_replies
            assert page.count('class="comment__origin') == n_replies
        if system == "nyt_picks":
            assert page.count('id="comment-') == len(comments)
            assert page.count("In Reply to") == n_replies
        if system == "lemonde_reactions":
            assert page.count("data-comment-id=") == len(comments)
            assert page.count('class="comment__answers"') == has_kids
        if system == "douban_short":
            assert page.count('class="comment-item "') == len(comments)
            assert n_replies == 0 and "parent" not in (comments[0] if comments else {})
        if system == "dc_gallery":
            assert page.count("_li_") == len(comments)
            assert page.count('class="reply_list"') == has_kids
            assert page.count('id="reply_li_') == n_replies
        if system == "bili_replies":
            assert page.count('class="reply-item"') == len(comments) - n_replies
            assert page.count('class="sub-reply-item"') == n_replies
            assert page.count('class="sub-reply-list"') == has_kids
        replies[system] = replies.get(system, 0) + n_replies
    assert all(replies[s] > 10 for s in HELD_OUT_TWELFTH if s != "douban_short")


def test_the_eleventh_held_out_set_keeps_its_threads_in_the_markup():
    """Where the eleventh set's gold has a parent, the page names it: a nested list inside the
    parent's item (lemmy_thread), a children div after the parent's article (habr_comments), the
    one reply box beside a top comment with "回复@name:" naming a reply's parent (weibo_classic),
    the company's reply inside the review's card (trustpilot_reviews), the discussion card whose
    first note the replies follow (gitlab_notes), or a data-level attribute (standard_forum)."""
    replies: dict[str, int] = {}
    for system, page, comments, parents, has_kids, n_replies in _threads(HELD_OUT_ELEVENTH):
        if system == "lemmy_thread":
            assert page.count('role="comment"') == len(comments)
            assert page.count('<ul class="comments ms-1"') == has_kids
        if system == "habr_comments":
            assert page.count('<a name="comment_') == len(comments)
            assert page.count('class="tm-comment-thread__children"') == has_kids
        if system == "weibo_classic":
            assert page.count('class="list_li S_line1 clearfix"') == len(comments)
            roots_with_kids = len({p for i, p in enumerate(parents) if p is not None and parents[p] is None})
            assert page.count('node-type="child_comment"') == roots_with_kids
        if system == "trustpilot_reviews":
            assert page.count('data-service-review-card-paper="true"') == len(comments) - n_replies
            assert page.count('data-service-review-business-reply="true"') == n_replies == has_kids
        if system == "gitlab_notes":
            assert page.count('class="note note-wrapper timeline-entry') == len(comments)
            assert page.count('class="note note-discussion timeline-entry"') == has_kids
            assert all(p is None or parents[p] is None for p in parents)
        if system == "standard_forum":
            levels = [
                int(v) for v in re.findall(r'<dst-posting data-postingid="\d+" data-level="(\d+)"', page)
            ]
            assert levels == _depths(parents)
        replies[system] = replies.get(system, 0) + n_replies
    assert all(replies[s] > 10 for s in HELD_OUT_ELEVENTH)


def test_the_tenth_held_out_set_keeps_its_threads_in_the_markup():
    """Where the tenth set's gold has a parent, the page names it: the reply is a custom element
    directly inside its parent's, after the parent's action row (shreddit_tree), a nested list
    inside its parent's item (diskuse_tree), or a sibling whose depth is the number of guide
    columns before it, or which links the post it answers (bsky_thread); the notes list, the
    portal's two lists and the game platform's thread have no threading."""
    replies: dict[str, int] = {}
    for system, page, comments, parents, has_kids, n_replies in _threads(HELD_OUT_TENTH):
        if system in ("tumblr_notes", "yahoo_jp", "steam_thread"):
            assert all("parent" not in c for c in comments)
        if system == "tumblr_notes":
            assert page.count('class="note reply ') == len(comments)
        if system == "yahoo_jp":
            assert page.count('<article class="sc-') == len(comments)
        if system == "steam_thread":
            assert page.count('class="commentthread_comment responsive_body_text"') == len(comments)
        if system == "shreddit_tree":
            assert page.count("<shreddit-comment ") == len(comments)
            assert page.count("</shreddit-comment-action-row><shreddit-comment ") == has_kids
        if system == "diskuse_tree":
            assert page.count('<ul><li id="c') == has_kids
        if system == "bsky_thread":
            assert page.count('data-testid="postThreadItem-by-') == len(comments)
            guides = page.count("border-left-width: 2px")
            linked = len(
                re.findall(r'<a href="/profile/[^"]+/post/3l\w+" class="[^"]+"><div dir="auto"', page)
            )
            assert (guides, linked) in ((sum(_depths(parents)), 0), (0, n_replies))
        replies[system] = replies.get(system, 0) + n_replies
    assert all(replies[s] > 10 for s in ("shreddit_tree", "bsky_thread", "diskuse_tree"))


_REPLY_LABEL = re.compile(r'aria-label="(Reply by|Antwort von|Réponse de|Respuesta de) ')


def test_the_ninth_held_out_set_keeps_its_threads_in_the_markup():
    """Where the ninth set's gold has a parent, the page names it: the reply sits inside its
    parent's subtree (lobsters_tree, jcomments, idc_threads, medium_responses), in the replies
    list of the one top comment it answers (atomic_conversations), or inside its parent's
    wrapper with an aria-label naming the person it answers (stylex_plugin)."""
    replies: dict[str, int] = {}
    for system, page, comments, parents, has_kids, _ in _threads(HELD_OUT_NINTH):
        if system == "lobsters_tree":
            assert page.count('class="comments_subtree"') == len(comments)
            assert page.count('<ol class="comments"><li') == has_kids
        if system == "jcomments" and comments:
            assert page.count('class="comments-list" id="comments-list-') == 1 + has_kids
        if system == "idc_threads":
            assert page.count('class="idc-thread"') == len(comments)
            assert page.count('class="idc-thread-children"') == has_kids
        if system == "atomic_conversations":  # one level of replies
            assert all(p is None or parents[p] is None for p in parents)
            assert page.count('class="replies ') == has_kids
        if system == "stylex_plugin":
            assert page.count('role="article"') == len(comments)
            assert len(_REPLY_LABEL.findall(page)) == sum(p is not None for p in parents)
        if system == "medium_responses":
            assert page.count("border-left: 3px") == has_kids
        replies[system] = replies.get(system, 0) + sum(p is not None for p in parents)
    assert all(replies[s] > 10 for s in HELD_OUT_NINTH)


def test_the_eighth_held_out_set_keeps_its_threads_in_the_markup():
    """Where the eighth set's gold has a parent, the page names it: the reply sits inside its
    parent's element (vue_scoped, substack_thread, wp_blocks), a reply to a reply links its
    parent's post id (vk_widget), a reply quotes the post it answers and links its id
    (forum_quotes); the answers feed has no threading."""
    replies: dict[str, int] = {}
    for seed in (3, 4):
        for _, page, gold in generate(list(HELD_OUT_EIGHTH), 10, seed=seed):
            system, comments = gold["comment_system"], gold["comments"]
            parents = [c.get("parent") for c in comments]
            if system == "answer_feed":
                assert all("parent" not in c for c in comments)
            if system == "forum_quotes":
                assert page.count('class="post-quote"') == sum(p is not None for p in parents)
            if system == "vk_widget":
                deep = sum(p is not None and parents[p] is not None for p in parents)
                assert page.count('class="reply_to"') == deep
            if system == "wp_blocks":
                assert page.count('class="children"') == len({p for p in parents if p is not None})
            replies[system] = replies.get(system, 0) + sum(p is not None for p in parents)
    assert all(replies[s] > 10 for s in HELD_OUT_EIGHTH if s != "answer_feed")


def test_the_seventh_held_out_set_keeps_its_threads_and_dates_in_the_markup():
    """Where the seventh set's gold has a parent, the page names it (nesting, a parent row or
    id, an in-reply-to address); where the page prints no date, the gold has none."""
    for seed in (3, 4):
        for _, page, gold in generate(list(HELD_OUT_SEVENTH), 10, seed=seed):
            parents = [c.get("parent") for c in gold["comments"]]
            if gold["comment_system"] in ("letters_column", "chat_groups"):
                assert all(p is None for p in parents)
            if gold["comment_system"] == "letters_column":
                assert all("date" not in c for c in gold["comments"])
            if gold["comment_system"] == "fedi_replies":
                assert page.count('class="u-in-reply-to"') == len(gold["comments"])
            if gold["comment_system"] in ("cbox_list", "review_letters"):  # one level of replies
                assert all(p is None or parents[p] is None for p in parents)


def test_a_seed_gives_the_same_pages():
    assert generate(["coral", "wordpress"], 2, seed=9) == generate(["coral", "wordpress"], 2, seed=9)
