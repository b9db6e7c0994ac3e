"""Replies drawn inside their comment in markup of another kind, comments shown twice, a lone
comment under a heading in a header line, a date at another place among its line's fields,
replies addressing a name without an '@' or naming the writer answered in a line of their own,
short dates over epoch attributes and names linked where others are plain."""

from __future__ import annotations

from tasks.extract.dom import parse
from tasks.extract.records import mine_comments
from tests.extract.test_records import ARTICLE, PLACEHOLDERS

FLOORS = [
    (
        "Mara Quist",
        "2024-05-03 10:12",
        "Forty minutes is still too long in the rush hour, two boats would fix it.",
    ),
    ("Olu Bakare", "2024-05-03 11:40", "Two boats need two crews, and the operator has said there are none."),
    ("Ines Varga", "2024-05-03 12:05", "The Friday crossing matters more than the interval for most of us."),
    ("Tom Ekberg", "2024-05-03 13:30", "I take the early boat every day and it has never once been on time."),
]
REPLIES = {  # floor -> its one-line replies (name, text, date)
    1: [
        ("Ria Solberg", "Crews can be hired, the money is the problem.", "2024-5-3 12:00"),
        ("Ken Amadi", "They said that in March as well and nothing changed.", "2024-5-3 12:30"),
    ],
    3: [("Lia Moreau", "Same here, it was twenty minutes late on Monday.", "2024-5-3 14:10")],
}


def _mine(section: str):
    tree = parse(f"<html><head><title>t</title></head><body>{ARTICLE}{section}</body></html>")
    return mine_comments(tree, PLACEHOLDERS)


def _floors(
    replies: dict, tail=lambda i, date: f"<span class='tail'>{i + 2}F</span><span class='tail'>{date}</span>"
) -> str:
    out = []
    for i, (name, date, text) in enumerate(FLOORS):
        box = ""
        if replies.get(i):
            box = (
                "<div class='box'><ul class='sub'>"
                + "".join(
                    f"<li class='sub-item'><div class='sub-body'><a class='who' href='/u/{n}'>{n}</a>: "
                    f"<span class='sub-text'>{t}</span><div class='sub-foot'><span class='sub-time'>{d}</span>"
                    "<a href='#'>Reply</a></div></div></li>"
                    for n, t, d in replies[i]
                )
                + "</ul></div>"
            )
        out.append(
            f"<div class='floor'><div class='side'><a class='floor-name' href='/u/{name}'>{name}</a></div>"
            f"<div><div class='floor-text'>{text}</div>"
            f"<div class='floor-foot'>{tail(i, date)}<a href='#'>Reply</a></div>{box}</div></div>"
        )
    return f"<div class='thread'><h3>Comments</h3>{''.join(out)}</div>"


def _expected(replies: dict) -> list[tuple]:
    out = []
    for i, (name, _, text) in enumerate(FLOORS):
        floor = len(out)
        out.append((name, text, None))
        out.extend((n, t, floor) for n, t, _ in replies.get(i, []))
    return out


def _read(mined) -> list[tuple]:
    return [(c.author, c.text, c.parent_position) for c in mined.comments]


def test_floors_holding_more_replies_than_they_are_join_them():
    # five replies in boxes under four floors: the replies are the best list, the floors hold them
    replies = {
        **REPLIES,
        0: [("Pia Lund", "Agreed, and the fares went up too.", "2024-5-3 10:40")],
        2: [("Ada Lee", "Most of us, yes, but not the commuters.", "2024-5-3 12:20")],
    }
    mined = _mine(_floors(replies))
    assert mined is not None
    assert _read(mined) == _expected(replies)


def test_floors_holding_fewer_replies_than_they_are_join_them():
    mined = _mine(_floors(REPLIES))
    assert mined is not None
    assert _read(mined) == _expected(REPLIES)
    assert [c.published_text for c in mined.comments][:2] == ["2024-05-03 10:12", "2024-05-03 11:40"]


def test_a_name_card_in_each_comments_header_is_no_reply():
    # each comment's header holds a card with the writer's counts: a list inside every comment,
    # before its text, which is no reply
    items = "".join(
        f"<div class='post'><div class='card'><b class='card-name'>{n}</b> <span class='card-stats'>{40 + i} posts, "
        f"{i} followers</span> <span class='card-since'>{d}</span></div>"
        f"<div class='post-text'>{text}</div><a href='#'>Reply</a></div>"
        for i, (n, d, text) in enumerate(FLOORS)
    )
    mined = _mine(f"<div class='comments'>{items}</div>")
    assert mined is not None
    assert [c.text for c in mined.comments] == [t for _, _, t in FLOORS]


def test_a_date_at_another_place_among_its_lines_fields_is_read():
    # 'from Android · 3F · date' on most floors, '3F · date' on those posted from the web
    def tail(i: int, date: str) -> str:
        source = "<span class='tail'>from Android</span>" if i in (0, 2, 3) else ""
        return f"{source}<span class='tail'>{i + 2}F</span><span class='tail'>{date}</span>"

    mined = _mine(_floors({}, tail))
    assert mined is not None
    assert [c.published_text for c in mined.comments] == [d for _, d, _ in FLOORS]


def test_comments_shown_again_in_a_list_of_highlights_count_once():
    def item(n: str, d: str, t: str) -> str:
        return (
            f"<li class='entry'><span class='user'>{n}</span> <span class='text'>{t}</span>"
            f" <span class='date'>{d}</span></li>"
        )

    popular = "".join(item(*FLOORS[i]) for i in (2, 0))
    newest = "".join(item(*f) for f in FLOORS)
    mined = _mine(
        f"<div class='comments'><h3>Popular comments</h3><ul>{popular}</ul><h3>Newest comments</h3><ul>{newest}</ul></div>"
    )
    assert mined is not None
    assert [(c.author, c.text) for c in mined.comments] == [(n, t) for n, _, t in FLOORS]


def test_the_one_comment_under_a_heading_in_a_header_line_is_read():
    section = (
        "<div class='tie'><div class='tie-head'><h2>网友评论</h2><span>61人参与</span>"
        "<div class='tabs'><a>热门</a><a>最新</a></div></div><div class='tie-list'>"
        "<div class='tie-item'><div class='tie-meta'><a class='user-name' href='#'>Mara Quist</a>"
        "<span class='tie-time'>2024-05-27 18:58:00</span></div>"
        "<p class='tie-content'>This is great news.</p><div class='ops'><a>回复</a><a>分享</a></div></div></div></div>"
    )
    mined = _mine(section)
    assert mined is not None
    assert [(c.author, c.text) for c in mined.comments] == [("Mara Quist", "This is great news.")]


def test_a_reply_addressing_a_name_without_an_at_sign_answers_that_comment():
    rows = [
        ("Mara Quist", FLOORS[0][2]),
        ("Olu Bakare", FLOORS[1][2]),
        ("Ines Varga", f"回复 Mara Quist : {FLOORS[2][2]}"),
    ]
    items = "".join(
        f"<div class='c'><span class='nick'>{n}</span><div class='txt'>{t}</div><span class='time'>2024-05-0{i + 3}</span>"
        "<a class='btn'>Reply</a></div>"
        for i, (n, t) in enumerate(rows)
    )
    mined = _mine(f"<div class='comments'>{items}</div>")
    assert mined is not None
    assert [(c.text, c.parent_position) for c in mined.comments] == [
        (FLOORS[0][2], None),
        (FLOORS[1][2], None),
        (FLOORS[2][2], 0),
    ]


def test_a_line_naming_the_writer_answered_makes_a_flat_list_a_thread():
    # one flat run of posts; a reply shows 'in reply to' with the answered writer's avatar and name
    answered = [None, 0, None, 1]
    items = "".join(
        f"<article class='post'><h3><a href='https://forum.example.org/u/{n}'>{n}</a></h3>"
        f"<div class='post-date'><a href='https://forum.example.org/t/{i}'>May {i + 3}</a></div>"
        + (
            f"<div class='in-reply-to'><a href='https://forum.example.org/t/{answered[i]}'>"
            f"<img src='/a.png'>{FLOORS[answered[i]][0]}</a></div>"
            if answered[i] is not None
            else ""
        )
        + f"<div class='cooked'><p>{t}</p></div></article>"
        for i, (n, _, t) in enumerate(FLOORS)
    )
    mined = _mine(f"<div id='discussion'><div class='posts'>{items}</div></div>")
    assert mined is not None
    assert [(c.author, c.parent_position) for c in mined.comments] == [
        (n, answered[i]) for i, (n, _, _) in enumerate(FLOORS)
    ]


def test_a_short_date_over_epoch_milliseconds_is_a_date():
    # "May '23" as a forum prints an older post's date: the data-time attribute says it is one
    shown = ["May '23", "Apr '23", "Mar '23", "2h"]
    stamps = [1716800000000, 1716790000000, 1716500000000, 1716600000000]
    items = "".join(
        f"<div class='entry'><b class='who'>{n}</b> <a class='when' data-time='{ms}' href='#'>{d}</a>"
        f"<div class='words'>{t}</div></div>"
        for (n, _, t), d, ms in zip(FLOORS, shown, stamps, strict=True)
    )
    mined = _mine(f"<div class='comments'>{items}</div>")
    assert mined is not None
    assert [c.published_text for c in mined.comments] == shown
    assert all(c.published_at is not None for c in mined.comments)


def test_a_name_linked_to_the_writers_site_where_others_show_it_plain_is_a_name():
    def name(i: int, n: str) -> str:
        if i % 2:
            return f"<a class='name-site' href='https://{n.split()[0].lower()}.example.net'>{n}</a>"
        return f"<span class='name-plain'>{n}</span>"

    items = "".join(
        f"<div class='c-item'><div class='c-head'><div class='c-name-date'>{name(i, n)}"
        f"<span class='c-date'>{d}</span></div></div><div class='c-body'><p>{t}</p></div>"
        "<a href='#'>Reply</a></div>"
        for i, (n, d, t) in enumerate(FLOORS)
    )
    mined = _mine(f"<div id='thread'>{items}</div>")
    assert mined is not None
    assert [c.author for c in mined.comments] == [n for n, _, _ in FLOORS]
