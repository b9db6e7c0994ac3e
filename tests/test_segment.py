"""The segmenter on the seed scrape and on small pages of each comment system."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tasks.clean import clean_text
from tasks.segment import segment
from tests import pages


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


# ---------------------------------------------------------------- invariants

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
    if markdown:
        return  # markdown decoration is stripped, so outputs are not verbatim substrings
    flat = _norm(text)
    for part in [first.title or "", first.byline or "", *[p for p in first.body.split("\n\n")]]:
        assert _norm(part) in flat
    body_paragraphs = {_norm(p) for p in first.body.split("\n\n") if p.strip()}
    for c in first.comments:
        assert c.text.strip()
        for para in c.text.split("\n\n"):
            assert _norm(para) in flat
    # no input line lands both in the body and in a comment
    body_lines = {_norm(line) for line in first.body.splitlines() if line.strip()}
    comment_lines = [_norm(line) for c in first.comments for line in c.text.splitlines() if line.strip()]
    assert body_paragraphs is not None
    for line in comment_lines:
        if line in body_lines:
            assert text.count(line) >= 2
