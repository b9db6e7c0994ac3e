"""The segmenter on layouts seen on unlabelled real pages: headers, lists, forums, dumps, chrome."""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tasks.clean import clean_text
from tasks.segment import segment
from tests.segment import pages

SCRAPED = datetime(2024, 1, 10, 12, 0)


def _seg(page: str, markdown: bool = False):
    return segment(clean_text(page), markdown=markdown, scraped_at=SCRAPED)


def test_migrated_blogger_headers_date_first_with_attribute_lists():
    seg = _seg(pages.MIGRATED_BLOGGER_MD, markdown=True)
    assert seg.comment_system == "blogger"
    assert [c.author for c in seg.comments] == ["Greta Holm", "Tom"]
    assert seg.comments[0].text == "Which oil did you use? Mine is still stuck."
    assert seg.comments[1].published_at == datetime(2009, 3, 3, 9, 40)
    assert all("{:name" not in c.text and "said..." not in c.text for c in seg.comments)


def test_list_item_headers_with_date_in_parentheses():
    seg = _seg(pages.MIGRATED_LIST_ES, markdown=True)
    assert [c.author for c in seg.comments] == ["Elena", "Rafa"]
    assert seg.comments[1].text == "¿Qué tamaño de maceta recomiendas?\n\nTengo un balcón pequeño."
    assert seg.comments[0].published_at == datetime(2010, 5, 14)
    assert "albahaca" not in seg.body


def test_numbered_comment_list_with_jump_link_under_heading():
    seg = _seg(pages.WPCOM_LIST, markdown=True)
    assert [c.author for c in seg.comments] == ["Ada Lane", "Ben Ruiz", "Cy"]
    assert [c.parent_position for c in seg.comments] == [None, 0, None]
    assert seg.comments[2].text == "Mine was full of dust too."  # 'No trackbacks yet.' closes the section
    assert "Leave a comment" not in seg.body


def test_numbered_comments_without_names_are_split_by_list_items():
    page = pages.WPCOM_LIST.replace("\n   Ada Lane\n\n   May 3, 2024 at 4:10 pm\n", "")
    page = page.split("1. ![Ada")[0] + (
        "1.  First reader comment without a name.\n\n    [Reply](#c1)\n\n"
        "2.  Hi\n\n    A second one, its first line a greeting.\n\n    [Reply](#c2)\n\n"
        "    *   A reply to the second.\n\n        [Reply](#c3)\n\n"
        "### Leave a Comment [Cancel reply](#respond)\n\nName Email Website\n"
    )
    seg = _seg(page, markdown=True)
    assert [c.text for c in seg.comments] == [
        "First reader comment without a name.",
        "Hi\n\nA second one, its first line a greeting.",
        "A reply to the second.",
    ]
    assert [c.author for c in seg.comments] == [None, None, None]
    assert [c.parent_position for c in seg.comments] == [None, None, 1]


def test_substack_discussion():
    seg = _seg(pages.SUBSTACK, markdown=True)
    assert seg.comment_system == "substack"
    assert [c.author for c in seg.comments] == ["Iris Moen", "Kai Berg"]
    assert seg.comments[0].text == "Ours closed last year and the street feels empty now."
    for c in seg.comments:
        assert not {"Like (7)", "Reply", "Share", "Expand full comment"} & set(c.text.splitlines())


def test_like_rows_close_comments_on_a_page_without_heading():
    seg = _seg(pages.LIKE_ROWS, markdown=True)
    assert seg.comment_system == "wordpress"
    assert seg.body.endswith("Mara Quist [@mara](https://example.org/mara)")
    assert [c.text for c in seg.comments] == [
        "I tried twice and gave up at the heel. This guide makes it look possible.\n\n"
        "Thanks for the tip about counting rows.",
        "So glad it helps! Send me a photo when they are done.",
    ]


def test_plain_text_dump_with_markdown_title_marks():
    seg = _seg(pages.TEXT_WITH_HEADING_MARKS)
    assert seg.title == "Five quiet beaches on the north coast"
    assert seg.body.startswith("The north coast has long sandy beaches")


def test_chinese_theme_says_headers_dates_browser_rows_and_unnamed_reply():
    seg = _seg(pages.WORDPRESS_ZH, markdown=True)
    assert [c.author for c in seg.comments] == ["小林", None]
    assert [c.text for c in seg.comments] == ["我家的番茄今年结了很多果子，谢谢分享！", "太好了，继续加油。"]
    assert [c.published_at for c in seg.comments] == [
        datetime(2023, 5, 2, 10, 15),
        datetime(2023, 5, 2, 12, 40),
    ]
    assert seg.comments[1].parent_position == 0


def test_glued_name_and_day_are_told_apart():
    seg = _seg(pages.BLOGGER_GLUED_DAY)
    assert [c.author for c in seg.comments] == ["Ola Berg", None, "Tom H"]
    assert [c.published_at for c in seg.comments] == [
        datetime(2015, 8, 15, 12, 52),
        datetime(2015, 8, 17, 9, 42),
        datetime(2016, 9, 2, 8, 4),
    ]
    assert seg.comments[2].text == "Mine had a ceramic cartridge instead."


def test_pingbacks_are_comments_and_an_archive_widget_is_not():
    seg = _seg(pages.WPDISCUZ_PINGBACKS)
    assert [c.author for c in seg.comments] == [
        "Water utility attacked by ransomware - Weekly Security Roundup | Example News",
        "Lena Marsh",
        "Blog of Someone Else",  # a title longer than a name may be: its site name
    ]
    assert seg.comments[1].text == "Patch your VPN appliances, people."
    assert seg.comments[2].text == "[…] encrypted billing systems, the utility said […]"


def test_printed_page_markers_source_note_author_label_and_edited_dates():
    seg = _seg(pages.PRINTED_RESPONSES, markdown=True)
    assert seg.title == "What lives in a tide pool"
    assert seg.body.startswith("Tide pools hold anemones")
    assert "Page 2" not in seg.body and "Author" not in seg.body
    assert [c.author for c in seg.comments] == ["Rui Costa", "Hana Ito"]
    assert [c.published_text for c in seg.comments] == ["3 days ago", "2 days ago (edited)"]
    assert [c.text for c in seg.comments] == [
        "We found a starfish last summer, the children loved it.",
        "Which beach was this?",
    ]


@pytest.mark.parametrize(
    "tail",
    [
        "Tagged as:gardening\n\nOlder post title here\n\n5\n\n3\n\nvotes\n\nArticle Rating",
        "Share this:\n\nClick to share on X (Opens in new window)Click to share on Facebook (Opens in new window)"
        "\n\nJuly 21, 2017\n\ngardening, tools, spring",
        "☆版权☆\n\n* 本文链接：https://example.org/p/1\n\n猜你喜欢：\n\n2024年1月26日\n\n另一篇文章的标题",
        "👋 Before you go\n\nJoin our community of gardeners. It takes a minute.\n\nGet started",
        "Share on FB\n\nTweet this\n\nPost to LinkedIn",
    ],
    ids=["tags-and-rating", "share-widget", "zh-copyright-and-related", "before-you-go", "share-links"],
)
def test_article_ends_before_tags_share_widgets_and_related_boxes(tail):
    page = (
        "How to sharpen garden shears\n\nA sharp blade cuts cleanly and keeps the plants healthy through the season.\n\n"
        "Use a fine file along the bevel, always away from the edge, and oil the pivot afterwards.\n\n"
        + tail
        + "\n"
    )
    seg = _seg(page)
    assert seg.body.endswith("oil the pivot afterwards.")


def test_escaped_icon_links_leave_a_blogger_footer_byline():
    page = (
        "# Baking rye bread\n\nRye needs a sour starter and a long, slow rise before it goes in the oven.\n\n"
        "Bake it hot for the first ten minutes, then lower the heat.\n\n"
        'Posted by [Ana Ruiz](https://example.org/profile "author profile")  at  [9:10 PM](https://example.org/p "permanent link")'
        '  [!\\[Image\\](https://example.org/icon_email.gif)](https://example.org/email-post/1 "Email Post")\n'
    )
    seg = _seg(page, markdown=True)
    assert seg.body.endswith("then lower the heat.")
    assert seg.byline is not None and seg.byline.startswith("Posted by [Ana Ruiz]")


def test_a_top_level_heading_with_by_in_it_is_the_title_not_a_byline():
    page = (
        "# [Site Name](https://example.org/)\n\n## A blog about cooking\n\n- [Home](https://example.org/)\n\n"
        "# Cooking By Feel\n\n[June 2, 2020](https://example.org/p)\n\n"
        "Recipes are a start, but the best cooks taste as they go and adjust the salt at the end.\n"
    )
    seg = _seg(page, markdown=True)
    assert seg.title == "Cooking By Feel"
    assert seg.byline is None
    assert seg.body.startswith("Recipes are a start")


def test_body_follows_the_last_title_past_a_long_breadcrumb():
    title = "Replacing the battery of an old mechanical wristwatch with a quartz movement at home"
    page = (
        f"# {title}\n\n# [Tick Blog](https://example.org/)\n\nNotes on small repairs.\n\n"
        f"> [Repairs](https://example.org/c/repairs), [Watches](https://example.org/c/watches) > {title}\n\n"
        f"## {title}\n\nThe case back unscrews with a rubber ball, and the old cell lifts out with plastic tweezers.\n"
    )
    seg = segment(clean_text(page), markdown=True, title_hint=title, scraped_at=SCRAPED)
    assert (
        seg.body
        == "The case back unscrews with a rubber ball, and the old cell lifts out with plastic tweezers."
    )


def test_a_name_under_an_author_label_is_the_byline_not_the_headline():
    page = (
        "# Splitting a table into sheets\n\nWritten by\n\n[Rita Oyelaran](https://example.org/rita)\n\n"
        "Rita Oyelaran\n\nStart with a header row, then sort the table by the column you want to split on.\n"
    )
    seg = _seg(page, markdown=True)
    assert seg.title == "Splitting a table into sheets"
    assert seg.byline == "[Rita Oyelaran](https://example.org/rita)"
    assert seg.body == "Start with a header row, then sort the table by the column you want to split on."


def test_forum_thread_first_post_is_the_article_and_replies_are_comments():
    seg = _seg(pages.FORUM_PHPBB)
    assert seg.comment_system == "forum"
    assert seg.title == "Why do my courgettes rot at the tip?"
    assert seg.byline == "Posted by Wendy P on Tue Jul 05, 2022 7:12 pm"
    assert seg.body.startswith("Every courgette on my two plants")
    assert seg.body.endswith("What am I doing wrong?")
    assert [c.author for c in seg.comments] == ["Arun K", "Wendy P"]
    assert seg.comments[0].text.endswith("It sorts itself out in a couple of weeks.")
    assert "Forty years" not in seg.comments[0].text and "Posts:" not in seg.comments[0].text
    # the quoted line is not hers
    assert seg.comments[1].text == "You were right, the new ones are fine. Thank you!"
    assert seg.comments[1].parent_position == 0  # she quotes Arun's reply
    assert seg.comments[1].published_at == datetime(2022, 7, 9, 8, 3)
    assert seg.published_at == datetime(2022, 7, 5, 19, 12)


def test_forum_numbered_posts_with_profile_blocks_and_signatures():
    seg = _seg(pages.FORUM_VBULLETIN)
    assert seg.title == "Creaking bottom bracket on a steel frame"
    assert seg.byline == "tomasz_b"
    assert seg.body == (
        "My bike creaks on every pedal stroke under load, only when standing up. I have greased the pedals already."
    )
    assert [c.author for c in seg.comments] == [None, "tomasz_b"]  # 'Guest' shows no name
    assert seg.comments[0].text.startswith("Check the seat post")
    assert seg.comments[0].text.endswith("through a steel frame.")  # the signature is not text
    assert seg.comments[0].parent_position is None  # it quotes the opening post, which is the article
    assert seg.comments[1].text == "It was the saddle rails. A drop of oil and it is silent."


def test_text_browser_dump_link_markers_and_references():
    seg = _seg(pages.LYNX_DUMP)
    assert seg.comment_system == "wordpress"
    assert seg.title == "Slugs ate every lettuce in one night"
    assert seg.byline == "Posted on [3]June 2, 2023 by [4]Martha Quill"  # the page's own text, markers kept
    assert seg.body.endswith("after the rain has passed.")
    assert [c.author for c in seg.comments] == ["Owen Trask", "Martha Quill"]
    assert seg.comments[0].text == "Copper tape worked for me, but only on raised beds."
    assert seg.comments[1].text == "Our beds are flat, sadly. I will try wool pellets."
    assert seg.comments[1].parent_position == 0
    assert all("References" not in c.text and "https://" not in c.text for c in seg.comments)


def test_link_markers_glued_to_names_and_dates_are_split():
    from tasks.segment.lines import split_lines

    dump = "[1]Home [2]About [3]Contact\n\n[14]Wren Adebayo[15]February 4, 2016 at 9:48 PM\n"
    lines = split_lines(dump, markdown=False)
    assert lines[1].plain == "Wren Adebayo February 4, 2016 at 9:48 PM"
    assert lines[1].text == "[14]Wren Adebayo[15]February 4, 2016 at 9:48 PM"
    assert split_lines("Footnote [1]here and [2]there only.\n", markdown=False)[0].plain.count("[") == 2


def test_press_release_ends_at_its_end_mark_and_contacts():
    seg = _seg(pages.PRESS_RELEASE)
    assert seg.comments == [] and seg.comment_system is None
    assert seg.title == "Ashby Mills opens its first flour mill powered by the river again"
    assert "Heritage White" in seg.body  # a list of product names is article text, not commenters
    assert seg.body.endswith("employs 60 people.")
    assert "press@ashby.example" not in seg.body and "press alerts" not in seg.body


def test_transcript_speaker_lines_stay_article_and_the_masthead_is_no_title():
    seg = _seg(pages.PODCAST_TRANSCRIPT)
    assert seg.comments == [] and seg.comment_system is None
    assert seg.title == "Transcript: Episode 40 — Can a city sleep?"  # not the site's name above its menu
    assert seg.byline == "Hosted by Marisol Vega"
    assert "Desmond Achebe\nHow busy it is." in seg.body
    assert seg.body.endswith("The night bus is never empty.")
    assert "Listen on" not in seg.body and "More episodes" not in seg.body


def test_forum_profile_block_above_the_post_header_names_the_poster():
    seg = _seg(pages.FORUM_SMF)
    assert seg.title == "Stern gland dripping after winter"
    assert seg.byline == "narrowboat_nell"
    assert seg.body == (
        "The stern gland drips about once a second since we came out of winter mooring. Is that too much?"
    )
    assert [c.author for c in seg.comments] == ["Old Tom", "narrowboat_nell"]
    assert (
        seg.comments[0].text
        == "Give the greaser a turn every day for a week. If it still drips it needs repacking."
    )
    assert seg.comments[1].published_at == datetime(2016, 3, 9, 18, 15, 30)


_FORUM_NAMES = ["Wendy P", "Arun K", "mossy_bank", "Guest", "T. Okafor"]


_FORUM_TEXTS = [
    "The hinge squeaks whenever the wind turns.",
    "Try a drop of oil on the pin, then work it back and forth.",
    "Mine did the same until I replaced the washer under the head.",
]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(
            st.sampled_from(_FORUM_NAMES),
            st.sampled_from(_FORUM_TEXTS),
            st.booleans(),  # a signature under the profile block
            st.booleans(),  # a quote of the post before
        ),
        min_size=2,
        max_size=5,
    )
)
def test_forum_posts_keep_their_own_text_whatever_the_mix(posts):
    blocks, previous = ["Board index ‹ House ‹ Doors", ""], None
    for n, (name, text, signature, quote) in enumerate(posts):
        blocks += [
            ("Re: " if n else "") + "A squeaking hinge",
            f"Posted by {name} on Mon Mar 06, 2023 8:{n:02d} am",
            "",
        ]
        if quote and previous:
            blocks += [
                "Quote",
                f"{previous[0]} wrote: ↑Mon Mar 06, 2023 8:00 am",
                "Something quoted here.",
                "",
            ]
        blocks += [text, "", name, "Posts: 12", "Joined: May 2020"] + (
            ["Signature line of the poster."] if signature else []
        )
        blocks.append("")
        previous = (name, text)
    seg = _seg("\n".join(blocks))
    assert seg.comment_system == "forum"
    assert seg.body == posts[0][1]
    assert [c.text for c in seg.comments] == [p[1] for p in posts[1:]]
    assert [c.author for c in seg.comments] == [None if p[0] == "Guest" else p[0] for p in posts[1:]]


def test_forum_last_post_without_profile_block_stops_at_the_thread_footer():
    last_profile = "Wendy P\nPosts: 31\nJoined: Apr 2021\n\nPost Reply\n"
    assert pages.FORUM_PHPBB.count(last_profile) == 1
    page = pages.FORUM_PHPBB.replace(last_profile, "Post Reply\n3 posts • Page 1 of 1\nWho is online\n")
    seg = _seg(page)
    assert seg.comments[-1].text == "You were right, the new ones are fine. Thank you!"


_PROSE = (
    "The council voted on Tuesday to keep the branch library open for another two years, after a "
    "petition gathered more than four thousand signatures in a single month."
)


def test_short_headline_over_a_date_author_tags_line():
    """Static-site themes show 'date author tags' under a short headline; the line is metadata."""
    page = (
        "a blog about small towns\n\nNorthfield Notes\nAbout\nArchive\nLibrary Stays Open\n"
        " Wed 8 May 2024 Jonas Berg libraries council\nWhat happened\n" + _PROSE + "\n"
    )
    seg = segment(page)
    assert seg.title == "Library Stays Open"
    assert seg.published_at == datetime(2024, 5, 8)
    assert seg.body.startswith("What happened\n")
    assert "Jonas Berg" not in seg.body


def test_name_over_a_bare_date_is_not_taken_for_the_headline():
    page = "Library Stays Open After Petition\nJonas Berg\n8 May 2024\n\n" + _PROSE + "\n"
    assert segment(page).title == "Library Stays Open After Petition"


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("*8 May 2024 — Jonas Berg*", "*8 May 2024 — Jonas Berg*"),
        ("8 May 2024 | Local News", None),  # a section, not a name
        ("8 May 2024 — Local News today", None),  # not every word capitalised: no name
        ("8 May 2024 libraries council news", None),  # tags are no name
    ],
)
def test_a_date_line_names_the_author_only_when_a_name_follows_the_date(line, byline):
    page = f"# Library Stays Open After Petition\n\n{line}\n\n{_PROSE}\n"
    seg = segment(page, markdown=True)
    assert seg.byline == byline
    assert seg.published_at == datetime(2024, 5, 8)
    assert seg.body == _PROSE


def test_a_static_site_footer_is_not_article_text():
    page = (
        "# Library Stays Open After Petition\n\n" + _PROSE + "\n\n Tags\n Feed\n\n"
        "Site generated by Pelican | Theme by someone\n"
    )
    assert segment(page, markdown=True).body == _PROSE
