"""HTML extraction: article fields by trafilatura, comments from the markup of each comment system."""

from __future__ import annotations

import pytest

from tasks.clean import clean_text
from tasks.dedup import BatchDedup, DedupIndex
from tasks.extract import extract_page
from tasks.extract.dom import parse, render, strip_chrome
from tasks.models import Record
from tests.extract.html_pages import (
    BLOGGER_HTML,
    DISQUS_HTML,
    NO_TEXT_HTML,
    WORDPRESS_HTML,
    WPDISCUZ_HTML,
)


def _html_record(page: str, source: str = "page.html") -> Record:
    return Record(source=source, text=clean_text(page), format="html", content_hash="h")


def test_wordpress_article_and_comments_from_markup():
    seg = extract_page(_html_record(WORDPRESS_HTML))
    assert seg.title == "Harbour bridge reopens after repairs"
    assert seg.byline == "Dana Whitfield"
    assert seg.published_at.isoformat() == "2024-03-05T09:30:00"  # article:published_time, in UTC
    assert seg.body.startswith("The harbour bridge reopened to traffic")
    assert "\n\nEngineers replaced" in seg.body
    assert seg.comment_system == "wordpress"
    assert [(c.position, c.author, c.text) for c in seg.comments] == [
        (0, "Marta Lindqvist", "Finally! The ferry queue was getting ridiculous.\n\nGood work by the crews."),
        (1, "Tom Baker", "Agreed, two weeks early is rare."),
        (2, None, "What about the cycle lane?"),
    ]
    assert [c.parent_position for c in seg.comments] == [None, 0, None]  # Tom answers Marta
    assert seg.comments[0].published_text == "March 5, 2024 at 10:02 am"
    assert seg.comments[0].published_at.isoformat() == "2024-03-05T10:02:00"
    everything = seg.body + "".join(c.text for c in seg.comments)
    for chrome in ("SECRET_SCRIPT_TEXT", "NAVIGATION_LINK_TEXT", "FORM_TEXT", "color:red", "Reply"):
        assert chrome not in everything
    assert "ferry queue" not in seg.body


@pytest.mark.parametrize(
    ("page", "system", "expected"),
    [
        (
            DISQUS_HTML,
            "disqus",
            [("railfan88", "Hope they settle before the holidays."), (None, "Unlikely, sadly.")],
        ),
        (
            BLOGGER_HTML,
            "blogger",
            [
                ("Greenfingers", "Same here, lost all my dahlias overnight."),
                ("Owen", "Lift the tubers next time!"),
            ],
        ),
        (
            WPDISCUZ_HTML,
            "wpdiscuz",
            [
                ("Ines Ortega", "About time this town had a proper library."),
                ("Sam", "Hope the cafe is affordable."),
            ],
        ),
    ],
)
def test_comment_systems_from_markup(page, system, expected):
    seg = extract_page(_html_record(page))
    assert seg.comment_system == system
    assert [(c.author, c.text) for c in seg.comments] == expected
    assert len(seg.body.split()) > 30
    for chrome in ("NAVIGATION_LINK_TEXT", "Reply", "ago"):
        assert chrome not in seg.body
    assert expected[0][1] not in seg.body


def test_page_without_text_is_none_and_rendering_drops_chrome():
    assert extract_page(_html_record(NO_TEXT_HTML)) is None
    tree = parse(WORDPRESS_HTML)
    strip_chrome(tree)
    text = render(tree)
    assert "SECRET_SCRIPT_TEXT" not in text and "NAVIGATION_LINK_TEXT" not in text
    assert "\n\nEngineers replaced more than four hundred bolts" in text


def test_html_page_without_article_text_is_a_reject():
    from tasks.pipeline import _Clock, process_records

    page = "<html><head><script>var x = 1;</script></head><body><nav><a href='/'>Home</a></nav></body></html>"
    rec = Record("empty.html", page, "html", "hash-empty")
    from collections import Counter

    done = process_records([rec], "r1", None, BatchDedup(DedupIndex()), _Clock(Counter()))
    assert done.articles == []
    assert [(r.source, r.stage, r.reason) for r in done.rejects] == [
        ("empty.html", "segment", "no extractable text")
    ]


def test_comment_lines_read_with_their_names_around_them_are_not_article_text_lost():
    """When the page's comments outweigh its article, trafilatura reads the comments as the
    article, each line with the name and buttons around it; those lines are the comments, not
    article text the comment area took."""
    from tasks.extract import _article_lost
    from tasks.models import Comment

    texts = [f"Comment number {i} says the ferry should run every twenty minutes at least." for i in range(6)]
    comments = [Comment(i, f"user{i}", t, "dom:records") for i, t in enumerate(texts)]
    whole = "\n".join(f"user{i}: {t} 3 May 2024 · Like (2)" for i, t in enumerate(texts))
    assert not _article_lost(whole, "", comments)
    article = "\n".join(
        f"The council met on day {i} to discuss the harbour wall and its repair." for i in range(6)
    )
    assert _article_lost(whole + "\n" + article, "", comments)


def test_a_wordpress_block_theme_gives_its_comments_without_moderation_notes_or_like_rows():
    items = "".join(
        f"<li id='comment-{i}' class='comment depth-1'><div class='wp-block-group'>"
        f"<div class='wp-block-comment-author-name'><a href='/u{i}'>{name}</a></div>"
        f"<div class='wp-block-comment-date'><time datetime='2024-05-0{i + 1}T10:00:00'>May {i + 1}, 2024</time></div>"
        f"<div class='wp-block-comment-content'>"
        + (
            "<em class='comment-awaiting-moderation'>Your comment is awaiting moderation.</em>"
            if i == 1
            else ""
        )
        + f"<p>{text}</p><p class='comment-likes'><a class='comment-like-link'>Like</a>"
        "<span class='comment-like-feedback'>Liked by 3 people</span></p></div></div></li>"
        for i, (name, text) in enumerate(
            [
                ("Ann Lee", "The ferry should run every twenty minutes."),
                ("Bo Chan", "Only in summer, surely."),
            ]
        )
    )
    page = (
        "<html><head><title>Ferry</title></head><body><article><h1>Ferry timetable changes</h1>"
        "<p>The operator announced a new timetable on Monday, with fewer boats in the evening.</p></article>"
        f"<div class='wp-block-comments'><h2>2 responses</h2><ol class='wp-block-comment-template'>{items}</ol></div>"
        "</body></html>"
    )
    from tasks.extract.dom import render
    from tasks.extract.dom_comments import find_comments

    found = find_comments(parse(page), render)
    assert found is not None and found.system == "wordpress-blocks"
    assert [(c.author, c.text, c.published_at.day) for c in found.comments] == [
        ("Ann Lee", "The ferry should run every twenty minutes.", 1),
        ("Bo Chan", "Only in summer, surely.", 2),
    ]
