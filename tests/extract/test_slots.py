"""How the record miner reads a record's slots: a signature after the text, a list counted by the
line above it, a display name beside an @handle."""

from __future__ import annotations

from tasks.extract.dom import parse
from tasks.extract.records import mine_comments
from tests.extract.test_records import ARTICLE, PLACEHOLDERS

ANSWER = """<div class="a-item"><div class="v"><span>{votes}</span></div><div class="main">
<div class="txt"><p>{text}</p></div><div class="sig"><span>asked</span> <span class="rt">{date}</span>
<a href="/u/{n}">{name}</a></div></div></div>"""

ANSWERS = [
    (
        "Mara Quist",
        "March 3, 2024",
        "Forty minutes is still too long in the rush hour, two boats would fix it.",
    ),
    ("Olu Bakare", "March 4, 2024", "Two boats need two crews, and the operator has said there are none."),
    (
        "Ines Varga",
        "March 5, 2024",
        "The Friday crossing matters more than the interval for most of us here.",
    ),
]


def _mine(section: str):
    tree = parse(f"<html><head><title>t</title></head><body>{ARTICLE}{section}</body></html>")
    return mine_comments(tree, PLACEHOLDERS)


def _answers(items) -> str:
    body = "".join(
        ANSWER.format(votes=3 + i, text=t, date=d, n=i, name=n) for i, (n, d, t) in enumerate(items)
    )
    return f"<div class='qa'><div class='qa-head'><h2>{len(items)} Answers</h2></div>{body}</div>"


def test_signed_records_under_a_line_that_counts_them_are_comments():
    for items in (ANSWERS[:2], ANSWERS[:1]):
        mined = _mine(_answers(items))
        assert mined is not None, len(items)
        assert [(c.author, c.text, c.published_text) for c in mined.comments] == [
            (n, t, d) for n, d, t in items
        ]


def test_a_count_that_does_not_match_the_records_is_no_hint():
    section = _answers(ANSWERS[:2]).replace("2 Answers", "7 Answers")
    assert _mine(section) is None


TWEET = """<article role="article"><div class="un"><a href="/{handle}"><span>{name}</span></a>
<span class="handle">@{handle}</span> · <time datetime="2024-03-0{d}T10:00:00Z">Mar {d}</time></div>
<div class="tt">{text}</div><div role="group"><span>{n}</span></div></article>"""


def test_the_display_name_wins_over_the_handle():
    items = [(n, n.lower().replace(" ", ""), t) for n, _, t in ANSWERS]
    section = (
        "<section><h2>Replies</h2>"
        + "".join(TWEET.format(name=n, handle=h, text=t, d=i + 1, n=i) for i, (n, h, t) in enumerate(items))
        + "</section>"
    )
    mined = _mine(section)
    assert [c.author for c in mined.comments] == [n for n, _, _ in items]
