"""The segmenter on the seed scrape and on small pages of each comment system; its invariants."""

from __future__ import annotations

import re
from datetime import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tasks.clean import clean_text
from tasks.models import Record
from tasks.segment import batch_boilerplate, segment, segment_records
from tasks.segment.dates import is_date, parse_date
from tests.segment import pages

SCRAPED = datetime(2024, 1, 10, 12, 0)


@pytest.fixture
def seed(seed_text):
    return segment(clean_text(seed_text))


def test_seed_article_fields(seed):
    assert seed.title == "Why is ISIS fleeing from Raqqa toward Palmyra?"
    assert seed.byline == "Original by Aleksandr Kots published by RIA Novosti; translation by J.Hawk"
    assert seed.body.startswith("Russian Aerospace Forces (VKS) aircraft destroyed")
    assert seed.body.endswith("they can launch unpleasant surprises.")
    assert "Support SouthFront" not in seed.body
    assert "\nWhy is ISIS fleeing from Raqqa toward Palmyra?\n" not in f"\n{seed.body}\n"
    assert seed.comment_system == "wpdiscuz"


def test_seed_comments(seed):
    assert len(seed.comments) == 50
    assert [c.position for c in seed.comments] == list(range(50))
    assert sum(c.author is None for c in seed.comments) == 9
    authors = {c.author for c in seed.comments}
    assert {"Samuel Boas", "Dustil schmit", "Goran Grubić HardyVeles", "Jens Holm"} <= authors
    sentence = next(c for c in seed.comments if "be sent their way." in c.text)
    assert sentence.text.startswith("Jesus: There is the small matter")
    declaration = [c for c in seed.comments if "Universal" in c.text or "Article 30" in c.text]
    assert len(declaration) == 1 and declaration[0].author == "Jens Holm"
    chrome = {"Notify of", "Newest Most Voted", "Inline Feedbacks", "View all comments"}
    for c in seed.comments:
        assert not chrome & set(c.text.splitlines())
        assert "Would love your thoughts" not in c.text


def test_wordpress_says_headers():
    seg = segment(pages.WORDPRESS)
    assert seg.comment_system == "wordpress"
    assert seg.title == "City council approves new bike lanes downtown"
    assert seg.byline == "By Maria Lopez"
    assert seg.body.startswith("The city council voted")
    assert seg.body.endswith("small businesses.")
    assert [c.author for c in seg.comments] == ["John Carter", "Linda Park", None]
    assert (
        seg.comments[1].text
        == "Parking is already impossible downtown. This will make it worse.\n\nI hope they reconsider."
    )
    assert all("Reply" not in c.text and "2021" not in c.text for c in seg.comments)


def test_blogger_markdown_said_headers():
    seg = segment(pages.BLOGGER_MD, markdown=True)
    assert seg.comment_system == "blogger"
    assert seg.title == "Notes from the garden: tomatoes in October"
    assert [c.author for c in seg.comments] == ["Peter M.", None]
    assert seg.comments[0].text == "Same here in the north! Ours are still going strong."
    assert "Post a Comment" not in seg.body


def test_disqus_bullet_headers():
    seg = segment(pages.DISQUS)
    assert seg.comment_system == "disqus"
    assert [c.author for c in seg.comments] == ["Karen W.", "Tom_R"]
    assert (
        seg.comments[1].text
        == "I visited the island in 2005 and he showed us the logbook.\n\nIt was full of drawings of ships."
    )
    assert all("Share" not in c.text for c in seg.comments)


@pytest.mark.parametrize("page", [pages.NO_COMMENTS, pages.INTERVIEW], ids=["plain", "interview"])
def test_pages_without_comment_section(page):
    seg = segment(page)
    assert seg.comments == []
    assert seg.comment_system is None
    last_line = page.strip().splitlines()[-1]
    assert seg.body.endswith(last_line)


def test_crlf_and_clean_give_the_same_result():
    assert segment(clean_text(pages.WORDPRESS.replace("\n", "\r\n"))) == segment(pages.WORDPRESS)


_ws = re.compile(r"\s+")


def _norm(text: str) -> str:
    return _ws.sub(" ", text).strip()


page_text = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "",
                "",
                "Reply",
                "Jane Doe",
                "Notify of",
                "View all comments",
                "3 comments:",
                "Bob said...",
                "Leave a Reply",
                "By Someone",
                "Jane • 2 days ago",
                "March 3, 2021 at 9:14 am",
                "Posted by: Ann | May 1, 2020",
                "Reply to  Jane",
                "**Bob** says:",
                "[link](http://x.y/z) text",
                "```",
            ]
        ),
        st.text(st.characters(blacklist_categories=("Cs",)), max_size=120),
    ),
    max_size=40,
).map("\n".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(page_text, st.booleans())
def test_segmenter_invariants(text, markdown):
    text = clean_text(text)
    first = segment(text, markdown=markdown)
    assert segment(text, markdown=markdown) == first  # deterministic
    flat = _norm(text)
    for part in [first.byline or "", *[p for p in first.body.split("\n\n")]]:
        assert _norm(part) in flat
    body_paragraphs = {_norm(p) for p in first.body.split("\n\n") if p.strip()}
    for c in first.comments:
        assert c.text.strip()
        for para in c.text.split("\n\n"):
            assert _norm(para) in flat
    # no input line lands both in the body and in a comment
    for c in first.comments:  # no paragraph both in the body and in a comment, unless the page repeats it
        for para in c.text.split("\n\n"):
            if _norm(para) in body_paragraphs:
                assert flat.count(_norm(para)) >= 2
        assert c.parent_position is None or 0 <= c.parent_position < c.position


def _seg(page: str, markdown: bool = False):
    return segment(clean_text(page), markdown=markdown, scraped_at=SCRAPED)


def test_wpdiscuz_name_date_template_and_reply_to():
    seg = _seg(pages.WPDISCUZ)
    assert seg.comment_system == "wpdiscuz"
    assert seg.title == "Review: a solar charger for long hikes"
    assert seg.published_at == datetime(2023, 6, 2)
    assert seg.body.endswith("the build quality is excellent.")
    assert "Our favourite tents" not in seg.body  # 'Related Posts' ends the article
    assert [c.author for c in seg.comments] == ["Rosa Marquez", "Ben Ode", "Hal"]
    assert [c.parent_position for c in seg.comments] == [None, 0, None]
    assert seg.comments[1].text == "Yes, that is how we used it most days."
    assert seg.comments[2].text == "Ordered one, thanks for the review.\nIt arrived in two days."
    assert seg.comments[0].published_text == "June 3, 2023 10:15 am"
    assert seg.comments[0].published_at == datetime(2023, 6, 3, 10, 15)
    assert all("linkedin" not in c.text and "coffee" not in c.text for c in seg.comments)


def test_disqus_side_by_side_reply_and_relative_dates():
    seg = _seg(pages.DISQUS_REPLIES)
    assert seg.comment_system == "disqus"
    assert [c.author for c in seg.comments] == ["Nora Lind", "Sam Ortiz", "Priya K"]
    assert [c.parent_position for c in seg.comments] == [None, 0, None]
    assert [c.published_text for c in seg.comments] == ["2 days ago", "a day ago", "5 hours ago"]
    assert seg.comments[2].published_at == datetime(2024, 1, 10, 7, 0)
    assert seg.comments[1].text == "Agreed, but it closes far too early in summer."
    for c in seg.comments:
        assert not {"Reply", "Share ›", "•", "Avatar", "6", "1"} & set(c.text.splitlines())


def test_blogger_text_said_headers_and_at_reply():
    seg = _seg(pages.BLOGGER_TEXT)
    assert seg.comment_system == "blogger"
    assert seg.byline == "Posted by Martha at 7:42 PM"
    assert seg.body.endswith("still browns well.")
    assert [c.author for c in seg.comments] == ["Joe Baker", None, "Martha"]
    assert [c.parent_position for c in seg.comments] == [None, None, 0]
    assert seg.comments[1].text == "What flour do you use?"
    assert seg.comments[0].published_at == datetime(2019, 3, 2, 8, 10)


def test_facebook_plugin():
    seg = _seg(pages.FACEBOOK)
    assert seg.comment_system == "facebook"
    assert [(c.author, c.text) for c in seg.comments] == [
        ("Lena Fischer", "The fireworks were the best I have seen in years."),
        ("Marco Rossi", "Parking was a nightmare though."),
    ]


def test_news_site_indented_replies_and_more_replies_chrome():
    seg = _seg(pages.NEWS_SITE)
    assert [c.author for c in seg.comments] == ["Dana W", "Gil Amsel", "Omar H"]
    assert [c.parent_position for c in seg.comments] == [None, 0, None]
    assert seg.comments[1].text == "It was online for two weeks, to be fair."
    assert seg.comments[2].published_at == datetime(2024, 1, 9, 12, 0)
    assert all("Show 4 more replies" not in c.text and "Report" not in c.text for c in seg.comments)


def test_joomla_numbered_comments():
    seg = _seg(pages.JOOMLA)
    assert seg.comment_system == "joomla"
    assert seg.title == "Village fair results"
    assert [c.author for c in seg.comments] == ["Peter Vos", "Ineke"]
    assert seg.comments[1].text == "The cakes were sold out by noon. Next year we need more bakers!"
    assert seg.comments[0].published_at == datetime(2020, 9, 14, 10, 12)


def test_reader_markdown_keeps_links_and_emphasis():
    seg = _seg(pages.JINA_MARKDOWN, markdown=True)
    assert seg.title == "Building a birdhouse with children"
    assert seg.published_at == datetime(2022, 4, 4)
    assert seg.body.endswith("See [our guide to wood](https://example.org/wood) for more.")
    assert [c.author for c in seg.comments] == ["Alice Moreau", "Ken"]
    assert seg.comments[0].text == "We built one last spring and _two_ families of tits used it."
    assert (
        seg.comments[1].text
        == "How big should the entrance hole be?\n\nIt depends on the birds you want, I suppose."
    )
    assert all("avatar" not in c.text and "Reply" not in c.text for c in seg.comments)


def test_footer_signed_comments():
    seg = _seg(pages.TYPEPAD)
    assert [(c.author, c.text) for c in seg.comments] == [
        ("Ana", "Lovely charts, which tool did you use?"),
        ("Old Farmer", "The 1976 drought is still talked about here."),
    ]
    assert all("follow this conversation" not in c.text for c in seg.comments)


def test_hard_wrapped_lines_are_joined():
    seg = _seg(pages.HARD_WRAPPED)
    assert seg.body.startswith(
        "Volunteers pulled more than two tonnes of rubbish out of the river on Saturday, including"
    )
    assert seg.body.endswith("has fallen by half over that time.")
    assert seg.byline is None
    assert seg.comments[0].text.endswith("it was a great morning and the weather held until the very end.")


def test_crlf_markdown_page():
    assert _seg(pages.JINA_MARKDOWN.replace("\n", "\r\n"), markdown=True) == _seg(
        pages.JINA_MARKDOWN, markdown=True
    )


@pytest.mark.parametrize(
    "name", ["COMMENTS_CLOSED", "QANDA", "FILM_CREDITS", "LETTER", "SHORT_LINES", "INTERVIEW", "NO_COMMENTS"]
)
def test_hard_negatives_stay_in_the_article(name):
    page = getattr(pages, name)
    seg = _seg(page)
    assert seg.comments == []
    last = page.strip().splitlines()[-1]
    if name != "COMMENTS_CLOSED":
        assert seg.body.endswith(last)
    else:
        assert "Comments are closed" not in seg.body


def test_batch_boilerplate_is_learned_per_site():
    menu = "Weather Sport Culture Opinion Podcasts"
    body = pages.NO_COMMENTS.split("\n", 1)[1]
    recs = [
        Record(
            f"site/{i}.txt",
            f"{menu}\n\nStory {i} headline here\n\n" + body.replace("Stocks", f"Stocks on day {i}"),
            "text",
            str(i),
            url=f"https://news.example/{i}",
        )
        for i in range(5)
    ]
    assert menu.casefold() in batch_boilerplate(recs)["news.example"]
    done, rejects = segment_records(recs)
    assert not rejects and all(menu not in seg.body for _, seg in done)
    assert batch_boilerplate(recs[:2]) == {}  # too few pages to tell


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("March 3, 2021 at 9:14 am", datetime(2021, 3, 3, 9, 14)),
        ("17 January 2017", datetime(2017, 1, 17)),
        ("2024-12-31T08:05", datetime(2024, 12, 31, 8, 5)),
        ("Feb 18 '22", datetime(2022, 2, 18)),
        ("Jan 4", datetime(2024, 1, 4)),
        ("5 years ago", datetime(2019, 1, 11, 12, 0)),
        ("3h", datetime(2024, 1, 10, 9, 0)),
        ("yesterday", datetime(2024, 1, 9, 12, 0)),
        ("11:20 PM", None),
        ("30 February 2020", None),
        ("07-19-2017, 10:14 PM", datetime(2017, 7, 19, 22, 14)),  # month first: the day is over 12
        ("19/07/2017", datetime(2017, 7, 19)),  # day first
        ("03/04/2017", None),  # 3 April or March 4: not told
    ],
)
def test_parse_date(text, expected):
    assert is_date(text)
    assert parse_date(text, SCRAPED) == expected


def test_relative_dates_need_a_scrape_time():
    assert parse_date("5 years ago") is None and parse_date("Jan 4") is None
