"""Records with no element of their own: entries set apart by rules and signed under their text,
records of several rows in an old table, signature lines, microdata times and action buttons."""

from __future__ import annotations

from datetime import datetime

import pytest

from tasks.extract.dom import parse
from tasks.extract.records import _signed_name, mine_comments
from tests.extract.test_records import ARTICLE, PLACEHOLDERS

ENTRIES = [
    (
        "Mara Quist",
        "3 May 2024",
        ["Forty minutes is still too long in the rush hour.", "Two boats would fix it."],
    ),
    ("Olu Bakare", "4 May 2024", ["Two boats need two crews, and the operator has said there are none."]),
    ("Ines Varga", "5 May 2024", ["The Friday crossing matters more than the interval for most of us."]),
    ("Tom Ekberg", "6 May 2024", ["I take the early boat every day and it has never once been on time."]),
]


def _mine(section: str):
    tree = parse(f"<html><head><title>t</title></head><body>{ARTICLE}{section}</body></html>")
    return mine_comments(tree, PLACEHOLDERS)


def _guestbook(entries, signature) -> str:
    parts = ["<h2>Visitors</h2><p><a href='/sign'>Write an entry</a></p><hr>"]
    for i, (name, date, paras) in enumerate(entries):
        parts.append("".join(f"<p>{p}</p>" for p in paras) + signature(i, name, date) + "<hr>")
    return f"<div id='book'>{''.join(parts)}</div>"


def _mixed(i: int, name: str, date: str) -> str:
    if i % 2:
        return f"<p><i>— {name}, {date}</i></p>"
    return f"<p><small>Posted by <b>{name}</b> · {date}</small></p>"


def test_entries_between_rules_are_records_and_their_signatures_name_them():
    mined = _mine(_guestbook(ENTRIES, _mixed))
    assert mined is not None
    assert [(c.author, c.text, c.published_text is not None) for c in mined.comments] == [
        (name, "\n\n".join(paras), True) for name, _, paras in ENTRIES
    ]
    assert [c.published_at.date().isoformat() for c in mined.comments] == [
        "2024-05-03",
        "2024-05-04",
        "2024-05-05",
        "2024-05-06",
    ]


def test_the_header_before_the_first_rule_is_no_entry():
    mined = _mine(_guestbook(ENTRIES, _mixed))
    assert all("Write an entry" not in c.text and "Visitors" not in c.text for c in mined.comments)


def test_labels_repeated_as_signatures_name_nobody():
    # testimonials: 'Letter from a client, May 2018' on every quote is a label, not a name
    quotes = [
        (("Letter from a client" if i % 2 else "Mail from a client"), d, p)
        for i, (_, d, p) in enumerate(ENTRIES)
    ]
    items = "".join(
        f"<li class='slide'><blockquote><p>{' '.join(p)}</p></blockquote><p><i>{who}, {d}</i></p></li>"
        for who, d, p in quotes * 2
    )
    mined = _mine(f"<ul class='slides'>{items}</ul>")
    assert mined is None or all(c.author is None for c in mined.comments)


def _table(rows) -> str:
    """An old comment table: a header row, a text row and a tools row per comment; the depth is
    the width of a spacer image."""
    out = ["<tr><td colspan='2'><b>Reader comments</b></td></tr>"]
    for depth, name, date, text in rows:
        out.append(
            f"<tr><td><img src='/s.gif' width='{20 * depth}' height='1'></td>"
            f"<td><font size='-1'><b>{name}</b> wrote on {date}:</font></td></tr>"
            f"<tr><td></td><td>{text}</td></tr>"
            f"<tr><td></td><td align='right'><font size='-2'><a href='#'>Reply</a> | <a href='#'>Report abuse</a>"
            f"</font></td></tr>"
        )
    return f"<table class='rc'>{''.join(out)}</table>"


def test_records_of_three_rows_are_read_with_their_depth():
    rows = [(0, name, date, " ".join(paras)) for name, date, paras in ENTRIES[:2]] + [
        (1, ENTRIES[2][0], ENTRIES[2][1], ENTRIES[2][2][0]),
        (0, ENTRIES[3][0], ENTRIES[3][1], ENTRIES[3][2][0]),
    ]
    mined = _mine(_table(rows))
    assert mined is not None
    assert [c.author for c in mined.comments] == [r[1] for r in rows]
    assert [c.text for c in mined.comments] == [r[3] for r in rows]
    assert [c.parent_position for c in mined.comments] == [None, None, 1, None]


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("— Ann Lee, 6 September 2024", "Ann Lee"),
        ("Posted by ann_lee · 2 days ago", "ann_lee"),
        ("— Anonym, 5. Dezember 2024 um 05:10", "Anonym"),
        ("by Simon on 3 May 2024", "Simon"),
        ("edited 3 hours ago", None),  # no separator, no dash, no 'by': not a signature
        ("· 4 September 2024", None),
        ("Reply to this comment 2024-01-02", None),
    ],
)
def test_a_signature_line_gives_the_name_before_its_date(line, name):
    assert _signed_name(line) == name


def test_a_microdata_time_beside_the_date_shown_is_the_comment_time():
    items = "".join(
        f"<div class='note'><div class='nt'><p>{' '.join(p)}</p></div><div class='by'><b>{n}</b> "
        f"<meta itemprop='commentTime' content='2024-05-0{i + 3}T10:0{i}:00'><span class='when'>{i + 1} days ago</span>"
        f"</div></div>"
        for i, (n, _, p) in enumerate(ENTRIES)
    )
    mined = _mine(f"<div class='notes'><h3>Reader comments</h3>{items}</div>")
    assert mined is not None
    assert [c.published_at for c in mined.comments] == [datetime(2024, 5, 3 + i, 10, i) for i in range(4)]


def test_reply_buttons_in_every_record_say_comment_where_no_class_or_heading_does():
    items = "".join(
        f"<li><p><strong>{n}:</strong> {' '.join(p)}</p><p class='when'>{d} · <a href='#'>Like</a> (3)</p></li>"
        for n, d, p in ENTRIES[:3]
    )
    plain = items.replace("<a href='#'>Like</a> (3)", "")
    assert _mine(f"<div class='tb'><h3>Talkback</h3><ul>{plain}</ul></div>") is None
    mined = _mine(f"<div class='tb'><h3>Talkback</h3><ul>{items}</ul></div>")
    assert mined is not None
    assert [(c.author, c.text) for c in mined.comments] == [(n, " ".join(p)) for n, _, p in ENTRIES[:3]]


def _sig(name: str, stamp: str) -> str:
    if name[0].isdigit():
        return f' <small>— Preceding unsigned comment added by <a href="/c/{name}">{name}</a> (<a>talk</a>) {stamp}</small>'
    return f' --<a href="/wiki/User:{name}">{name}</a> (<a href="/wiki/User_talk:{name}">talk</a>) {stamp}'


TALK = (
    "<div class='talk'><h2>Ferry timetable</h2>"
    "<p>The new timetable drops the last boat.</p><p>That strands the late shift.{s0}</p>"
    "<dl><dd>Agreed, and the first boat is too late for the market.{s1}"
    "<dl><dd>The market opens at seven, the boat is there at half past six.{s2}</dd></dl></dd></dl>"
    "<p>Could the council publish the passenger counts?{s3}</p>"
    "<dl><dd>Seconded, the counts would settle it.{s4}</dd></dl></div>"
)
SIGNERS = [
    ("Mara Quist", "12:49, 13 May 2016 (UTC)"),
    ("Olu_B", "13:02, 13 May 2016 (UTC)"),
    ("Ines Varga", "14:30, 13 May 2016 (UTC)"),
    ("203.0.113.9", "09:15, 14 May 2016 (UTC)"),
    ("Tom Ekberg", "10:00, 14 May 2016 (UTC)"),
]


def test_comments_that_end_in_a_signature_are_read_from_a_talk_page():
    section = TALK.format(**{f"s{i}": _sig(n, t) for i, (n, t) in enumerate(SIGNERS)})
    byline = "<p class='by'>By <a href='/staff/ann'>Ann Lee</a>, 12:00, 12 May 2016</p>"
    mined = _mine(byline + section)
    assert mined is not None
    assert [c.author for c in mined.comments] == ["Mara Quist", "Olu_B", "Ines Varga", None, "Tom Ekberg"]
    assert mined.comments[0].text == "The new timetable drops the last boat.\n\nThat strands the late shift."
    assert mined.comments[3].text == "Could the council publish the passenger counts?"  # no 'unsigned' line
    assert [c.parent_position for c in mined.comments] == [None, 0, 1, None, 3]
    assert [c.published_at.hour for c in mined.comments] == [12, 13, 14, 9, 10]


def test_a_list_of_posts_ending_in_a_linked_date_is_no_talk_page():
    # a tweet widget: each item ends in a permalink on its date, and no name precedes it
    items = "".join(
        f"<li>{' '.join(p)} <a href='https://t.example/s/{i}'>{d} 10:0{i}</a></li>"
        for i, (_, d, p) in enumerate(ENTRIES)
    )
    assert _mine(f"<ul class='tweets'>{items}</ul>") is None


def _board(posts) -> str:
    """An image board: numbered posts, a reply opens with a '>>number' link to the post it answers."""
    out = []
    for i, (name, quote, text) in enumerate(posts):
        ref = (
            f"<a href='#p{100 + quote}' class='quotelink'>&gt;&gt;{100 + quote}</a><br>"
            if quote is not None
            else ""
        )
        out.append(
            f"<div class='pc' id='pc{100 + i}'><div class='post' id='p{100 + i}'><div class='info'>"
            f"<span class='name'>{name}</span> <span class='dt' data-utc='{1714730400 + 3600 * i}'>05/03/24(Fri)</span>"
            f" <a href='#p{100 + i}'>No.</a>{100 + i}</div><blockquote class='msg'>{ref}{text}</blockquote></div></div>"
        )
    return f"<div class='board'>{''.join(out)}</div>"


def test_a_link_to_an_earlier_record_is_the_reply_it_answers_and_no_part_of_the_text():
    posts = [(n, None, " ".join(p)) for n, _, p in ENTRIES[:2]] + [
        (ENTRIES[2][0], 0, ENTRIES[2][2][0]),
        (ENTRIES[3][0], 2, ENTRIES[3][2][0]),
    ]
    mined = _mine(_board(posts))
    assert mined is not None
    assert [c.text for c in mined.comments] == [t for _, _, t in posts]  # no '>>100' in the text
    assert [c.parent_position for c in mined.comments] == [None, None, 0, 2]
    assert [c.published_at for c in mined.comments] == [datetime(2024, 5, 3, 10 + i) for i in range(4)]


def test_a_class_only_some_comments_carry_does_not_split_the_list():
    # WordPress marks the post author's comments with a class of their own; two readers' comments
    # hold a link, which makes the author's comments alone look like the 'cleaner' list
    entries = ENTRIES * 2
    linked = {0, 4}
    items = "".join(
        f"<li class='comment {'byuser' if i in linked else 'bypostauthor'}' id='li-comment-{i}'>"
        f"<div class='comment-author'><cite>{n}</cite></div><div class='comment-meta'><a href='#c{i}'>{d}</a></div>"
        f"<p>{' '.join(p)}{' <a href=/timetable>the timetable for the summer</a>' if i in linked else ''}</p>"
        "<div class='reply'><a href='#'>Reply</a></div></li>"
        for i, (n, d, p) in enumerate(entries)
    )
    mined = _mine(f"<div id='comments'><h3>8 Responses</h3><ol class='commentlist'>{items}</ol></div>")
    assert mined is not None
    assert [c.author for c in mined.comments] == [n for n, _, _ in entries]


def test_a_table_per_comment_is_read_by_its_row_and_column_headers():
    def by_rows(i, n, d, p):
        return (
            f"<table class='entry' id='c{i}'><tr><th>No.</th><td>{i + 1}</td></tr><tr><th>Name</th><td><b>{n}</b></td></tr>"
            f"<tr><th>Date</th><td>{d}</td></tr><tr><th>Comment</th><td>{' '.join(p)}</td></tr></table>"
        )

    def by_columns(i, n, d, p):
        return (
            f"<table class='entry' id='c{i}'><thead><tr><th>No.</th><th>Name</th><th>Date</th></tr></thead>"
            f"<tbody><tr><td>{i + 1}</td><td>{n}</td><td>{d}</td></tr><tr><td colspan='3'><p>{' '.join(p)}</p></td></tr>"
            "</tbody></table>"
        )

    for table in (by_rows, by_columns):
        section = "".join(table(i, n, d, p) for i, (n, d, p) in enumerate(ENTRIES))
        mined = _mine(f"<div class='guest'><h3>Reader comments</h3>{section}</div>")
        assert mined is not None, table.__name__
        assert [(c.author, c.published_text, c.text) for c in mined.comments] == [
            (n, d, " ".join(p)) for n, d, p in ENTRIES
        ], table.__name__


def test_a_list_seen_through_another_wrapper_covers_the_best_lists_records():
    from tasks.extract.records import Record, _Candidate, _covers

    tree = parse(
        "<html><body><ul><li id='a'><div class='box' id='ab'>A</div><ul><li id='r'><div class='box' id='rb'>R</div>"
        "</li></ul></li><li id='b'><div class='box' id='bb'>B</div></li></ul><p id='x'>X</p></body></html>"
    )
    el = {e.get("id"): e for e in tree.iter() if e.get("id")}
    boxes = _Candidate("div.box", [], kept=[Record([el[i]]) for i in ("ab", "rb", "bb")])
    assert _covers(boxes, [el["a"], el["b"]])  # the top comments' <li>, each holding a box
    assert not _covers(boxes, [el["a"], el["x"]])


def test_a_quotation_a_reply_opens_with_is_not_its_text():
    (a, b, c, e) = ENTRIES
    posts = "".join(
        f"<article class='post' id='post-{i}'><aside class='card'><b class='user'>{n}</b></aside><div class='body'>"
        f"<time datetime='2024-05-0{i + 3}T10:00'>{d}</time><div class='msg'>"
        + (
            f"<blockquote><a href='#post-{i - 1}'>{ENTRIES[i - 1][0]} wrote:</a> {ENTRIES[i - 1][2][0][:30]}…</blockquote>"
            if i
            else ""
        )
        + f"{'<br>'.join(p)}</div></div></article>"  # the reply's words follow the quotation
        for i, (n, d, p) in enumerate([a, b, c, e])
    )
    mined = _mine(f"<div class='topic'><h3>Replies</h3>{posts}</div>")
    assert mined is not None
    assert [c.text for c in mined.comments] == ["\n".join(p) for _, _, p in ENTRIES]
    assert [c.parent_position for c in mined.comments] == [None, 0, 1, 2]


def test_a_board_message_in_a_blockquote_is_the_text():
    # the quotation is all the record holds: it is the message itself
    items = "".join(
        f"<div class='pst'><span class='nm'>{n}</span> <span class='dt'>{d}</span><blockquote class='msg'>{' '.join(p)}"
        "</blockquote></div>"
        for n, d, p in ENTRIES
    )
    mined = _mine(f"<div class='comments'>{items}</div>")
    assert mined is not None
    assert [c.text for c in mined.comments] == [" ".join(p) for _, _, p in ENTRIES]


def test_atomic_css_says_nothing_and_test_attributes_name_the_parts():
    # every paragraph carries other style classes; only data-test says what a part is
    styles = ["Jc(sb) Mt(8px)", "C(#6e7780) Mt(8px)", "Fz(14px) Lh(1.4)"]
    items = "".join(
        f"<li class='D(f) W(100%)' data-test='comment'><div class='Ml(8px)'><button class='Bd(n) Fz(15px)' "
        f"data-test='username'>{n}</button><span class='Mx(4px)'>·</span><span class='Fz(12px)' data-test='timestamp'>"
        f"{d}</span></div><div class='Pos(r)' data-test='comment-text'>"
        + "".join(f"<p class='{styles[(i + j) % 3]}'>{t}</p>" for j, t in enumerate(p))
        + f"</div><div data-test='actions'><button class='Fz(15px) {styles[i % 3]}'>Reply</button></div></li>"
        for i, (n, d, p) in enumerate(ENTRIES)
    )
    mined = _mine(
        f"<section data-test='conversations'><h2>4 comments</h2><ul class='List(n)'>{items}</ul></section>"
    )
    assert mined is not None
    assert [(c.author, c.text) for c in mined.comments] == [(n, "\n\n".join(p)) for n, _, p in ENTRIES]


def test_custom_elements_are_records_whatever_their_first_child():
    # no class, no id: only the element's name says what it is; an avatar on some, a guide line
    # before the replies', so the children differ from record to record
    def item(i: int, name: str, date: str, paras: list[str]) -> str:
        pic = f"<a href='/u/{i}'><img src='/a/{i}.png'></a>" if i % 2 else ""
        line = "<div class='threadline'></div>" if i == 2 else ""
        return (
            f"<x-comment author='{name}' depth='0'>{line}{pic}<div slot='meta'><a href='/u/{i}'>{name}</a>"
            f"<span>•</span><time datetime='2024-05-0{i + 3}T10:00:00'>{date}</time></div>"
            f"<div slot='text'>{''.join(f'<p>{t}</p>' for t in paras)}</div>"
            "<x-action-row><button>Reply</button><button>Share</button></x-action-row></x-comment>"
        )

    items = "".join(item(i, n, d, p) for i, (n, d, p) in enumerate(ENTRIES))
    mined = _mine(f"<div id='section'><x-comment-tree>{items}</x-comment-tree></div>")
    assert mined is not None
    assert [(c.author, c.text) for c in mined.comments] == [(n, "\n\n".join(p)) for n, _, p in ENTRIES]


def test_a_date_among_other_fields_of_a_header_line_dates_the_record():
    # 'name | 5. 1. 2022 23:18 | IP: 35.43.*.*': the date is one field of the line; the count
    # in the heading above says the two records are the list
    stamps = ["5. 1. 2022 23:18", "6. 1. 2022 07:14"]
    items = "".join(
        f"<li><div><p class='info'><strong><a href='/u/{i}'>{n}</a></strong> | {stamps[i]} | IP: 35.4{i}.*.*</p>"
        f"<div class='text'>{' '.join(p)}</div><div class='tools'><a class='plus'>+{i + 3}</a> / "
        f"<a class='minus'>−{i}</a></div></div></li>"
        for i, (n, _, p) in enumerate(ENTRIES[:2])
    )
    mined = _mine(
        f"<div id='disc'><h2>Diskuse <span>(2 příspěvků)</span></h2><ul class='tree'>{items}</ul></div>"
    )
    assert mined is not None
    assert [(c.author, c.published_at) for c in mined.comments] == [
        ("Mara Quist", datetime(2022, 1, 5, 23, 18)),
        ("Olu Bakare", datetime(2022, 1, 6, 7, 14)),
    ]


def test_atomic_classes_drawn_per_element_line_records_up_by_their_tag_paths():
    # every div carries a random pick of atomic classes, so no two records' parts share a class
    # path; the test id's stem ('postItem-by-<handle>') groups the records, and their tag paths
    # (indent guides first in replies) line up the name, the date and the text
    import random

    rng = random.Random(5)
    atoms = [f"r-{rng.randrange(16**6):06x}" for _ in range(20)]

    def v(k: int = 2) -> str:
        return "css-view " + " ".join(rng.sample(atoms, k))

    items = ""
    for i, (n, d, p) in enumerate(ENTRIES):
        guides = "".join(f"<div class='{v(1)}' style='width: 14px'></div>" for _ in range(i % 2))
        items += (
            f"<div class='{v()}' data-testid='postItem-by-{n.split()[0].lower()}.example'><div class='{v()}'>{guides}"
            f"<div class='{v()}'><div class='{v()}'><img src='/a/{i}.jpg'></div><div class='{v()}'>"
            f"<div class='{v()}'><a href='/p/{i}' class='{v(1)}'><div dir='auto' class='{v(3)}'>{n}</div></a>"
            f"<div dir='auto' class='{v(2)}'>·</div><a href='/p/{i}/post' class='{v(1)}'><div dir='auto' class='{v(3)}'>{d}</div></a></div>"
            f"<div dir='auto' class='{v(4)}'>{' '.join(p)}</div>"
            f"<div class='{v(2)}'><div role='button' class='{v(1)}'>{i + 2}</div></div></div></div></div></div>"
        )
    mined = _mine(f"<div class='{v()}'>{items}</div>")
    assert mined is not None
    assert [(c.author, c.published_text, c.text) for c in mined.comments] == [
        (n, d, " ".join(p)) for n, d, p in ENTRIES
    ]


def test_one_comment_is_read_without_the_paging_line_above_it():
    # the wrapper holds 'Comments 1 to 1 of 1' above the comment and below it: longer than the
    # comment, but the comment's own record (name, date, text) inside it says what its text is
    paging = "<div class='paging'><span class='count'>Showing comments 1 to 1 of 1</span></div>"
    section = (
        f"<div class='thread_area'><div class='thread_header'><span>1 comment</span>{paging}</div>"
        "<div class='thread_comments'><div class='thread_comment'><div class='thread_avatar'><a href='/id/mq'>"
        "<img src='/a.png'></a></div><div class='thread_content'><div class='thread_author'>"
        "<a class='author_link' href='/id/mq'><bdi>Mara Quist</bdi></a>"
        "<span class='thread_timestamp' data-timestamp='1714730400'>3 May 2024</span>"
        "<div class='thread_actions'><a href='#'>Report</a></div></div>"
        "<div class='thread_comment_text'>Well said!</div></div></div></div>"
        f"<div class='thread_footer'>{paging}</div></div>"
    )
    mined = _mine(section)
    assert mined is not None
    assert [(c.author, c.text) for c in mined.comments] == [("Mara Quist", "Well said!")]


def test_a_text_element_with_a_class_more_is_still_the_text():
    # long comments are cut ('comment-body truncated'), short ones are not: one text slot
    items = "".join(
        f"<div class='comment'><div class='comment-meta'><a class='comment-actor-name' href='/p/{i}'>{n}</a>"
        f"<a class='comment-date' href='#c{i}'>{d}</a></div>"
        f"<div class='comment-body{' truncated' if i < 2 else ''}'>{''.join(f'<p>{t}</p>' for t in p)}</div>"
        "<div class='comment-actions'><a class='reply-button'>Reply</a></div></div>"
        for i, (n, d, p) in enumerate(ENTRIES[:3])
    )
    mined = _mine(f"<div class='comments-page'>{items}</div>")
    assert mined is not None
    assert [(c.author, c.text) for c in mined.comments] == [(n, "\n\n".join(p)) for n, _, p in ENTRIES[:3]]


def test_classes_generated_per_element_name_nothing():
    # every element carries a class of its own (CSS-in-JS drawing one per instance): the words
    # line up no records, the tag paths do
    import random

    rng = random.Random(7)

    def sc() -> str:
        return f"sc-{''.join(rng.choice('bcdfghjkmnpqrstvwxz') for _ in range(6))}-0 {''.join(rng.choice('abcdefghijkLMNOPQRS') for _ in range(6))}"

    def page_chrome() -> str:
        return "".join(f"<li class='{sc()}'><a href='/s/{i}'>Section {i}</a></li>" for i in range(12))

    items = "".join(
        f"<li class='{sc()}'><article class='{sc()}'><div class='{sc()}'><div class='{sc()}'>"
        f"<a class='{sc()}' href='/users/{i}'>{n}</a><time class='{sc()}' datetime='2024-05-0{i + 3}T10:00:00'>{d}</time></div>"
        f"<p class='{sc()}'>{' '.join(p)}</p><div class='{sc()}'><button class='{sc()}' type='button'>"
        f"<span class='{sc()}'>Agree</span><span class='{sc()}'>{i + 4}</span></button>"
        f"<button class='{sc()}' type='button'>Report</button></div></div></article></li>"
        for i, (n, d, p) in enumerate(ENTRIES)
    )
    mined = _mine(
        f"<ul class='{sc()}'>{page_chrome()}</ul><div class='{sc()}' id='comment-area'><h2 class='{sc()}'>"
        f"4 comments</h2><ul class='{sc()}'>{items}</ul></div>"
    )
    assert mined is not None
    assert [(c.author, c.text) for c in mined.comments] == [(n, " ".join(p)) for n, _, p in ENTRIES]


def test_by_tag_paths_a_text_with_an_element_after_it_in_some_records_is_still_the_text():
    # atomic classes drawn per element; replies show a reaction count after their text, so the
    # text element sits at another place among its siblings in them
    import random

    rng = random.Random(11)
    atoms = [f"x{''.join(rng.choice('abcdefghjkmnpqrstuvwxyz') for _ in range(6))}" for _ in range(20)]

    def v(k: int = 3) -> str:
        return " ".join(rng.sample(atoms, k))

    items = ""
    for i, (n, d, p) in enumerate(ENTRIES):
        count = f"<div class='{v()}'><span class='{v(2)}'>{i + 30}</span></div>" if i % 2 else ""
        items += (
            f"<div aria-label='Comment by {n}' class='{v(5)}' role='article'><div class='{v()}'><svg></svg></div>"
            f"<div class='{v()}'><div class='{v()}'><div class='{v()}'><span class='{v()}'><a class='{v(4)}' href='/p?id={i}'>"
            f"<span class='{v(2)}' dir='auto'>{n}</span></a></span><div class='{v()}' dir='auto'>"
            f"<div dir='auto'>{' '.join(p)}</div></div>{count}</div></div><ul class='{v()}'>"
            f"<li class='{v()}'><div class='{v()}' role='button'>Like</div></li><li class='{v()}'><div class='{v()}' role='button'>Reply</div></li>"
            f"<li class='{v()}'><a class='{v()}' href='?comment_id={i}'><span class='{v(2)}'>{d}</span></a></li></ul></div></div>"
        )
    mined = _mine(f"<div class='{v()}' data-pagelet='CommentsPlugin'><div class='{v()}'>{items}</div></div>")
    assert mined is not None
    assert [(c.author, c.published_text, c.text) for c in mined.comments] == [
        (n, d, " ".join(p)) for n, d, p in ENTRIES
    ]


def test_empty_guide_columns_opening_a_row_give_the_depth_of_a_flat_thread():
    # every reply a sibling; its row opens with one empty guide column per level
    depths = [0, 1, 2, 0]
    items = "".join(
        "<div class='post'><div class='row'>"
        + "<div class='guide' style='width: 14px; border-left-width: 2px'></div>" * depth
        + f"<div class='body'><div class='head'><a href='/p/{i}'>{n}</a> · <a href='/p/{i}/post'>{d}</a></div>"
        f"<div class='text'>{' '.join(p)}</div></div></div></div>"
        for i, ((n, d, p), depth) in enumerate(zip(ENTRIES, depths, strict=True))
    )
    mined = _mine(f"<div class='thread'><h3>4 replies</h3>{items}</div>")
    assert mined is not None
    assert [c.author for c in mined.comments] == [n for n, _, _ in ENTRIES]
    assert [c.parent_position for c in mined.comments] == [None, 0, 1, None]


def test_a_headline_in_every_record_is_no_article_title():
    # each posting opens with its writer's headline in an <h1>: the postings are records all the same
    items = "".join(
        f"<div class='posting'><div class='head'><b class='user'>{n}</b> <time>{d}</time></div>"
        f"<div class='content'><h1>{p[0][:20]}</h1><p>{' '.join(p)}</p></div><button>Reply</button></div>"
        for n, d, p in ENTRIES
    )
    mined = _mine(f"<section class='forum'><h2>Forum</h2>{items}</section>")
    assert mined is not None
    assert [c.author for c in mined.comments] == [n for n, _, _ in ENTRIES]


def _note(name: str, date: str, text: str, extra: str = "") -> str:
    return (
        f"<li class='note entry{extra}'><div class='note-header'><a class='user-link'>{name}</a> "
        f"<time>{date}</time></div><div class='note-text'><p>{text}</p></div></li>"
    )


def test_a_list_whose_activity_lines_hold_no_comment_is_still_the_widest():
    # notes on an issue: activity lines ('added a label') among them, answered notes in a card
    activity = "<li class='note entry system'><div class='note-header'><a class='user-link'>Bot</a> added ~bug</div></li>"
    (a, ad, ap), (b, bd, bp), (c, cd, cp), (d, dd, dp) = ENTRIES
    card = "".join(
        _note(n, t, " ".join(p), " threaded") for n, t, p in [(b, bd, bp), (c, cd, cp), (d, dd, dp)]
    )
    notes = (
        activity
        + _note(a, ad, " ".join(ap))
        + activity
        + f"<li class='discussion'><div class='card'><ul class='notes'>{card}</ul></div></li>"
        + activity
    )
    mined = _mine(f"<div class='activity'><h2>Comments</h2><ul class='timeline'>{notes}</ul></div>")
    assert mined is not None
    assert [c.author for c in mined.comments] == [n for n, _, _ in ENTRIES]


def test_reply_and_report_buttons_in_other_scripts_say_comment_and_a_colon_after_the_name_is_no_text():
    # 'name：text' on one line, '举报' (report) and '回复' (reply) under each, no word of comments in a class
    items = "".join(
        f"<div class='item'><div class='txt'><a href='/u/{i}'>{n}</a>：{' '.join(p)}</div>"
        f"<div class='func'><a>举报</a><a>回复</a><span class='from'>{d}</span></div></div>"
        for i, (n, d, p) in enumerate(ENTRIES)
    )
    mined = _mine(f"<div class='box'>{items}</div>")
    assert mined is not None
    assert [(c.author, c.text) for c in mined.comments] == [(n, " ".join(p)) for n, _, p in ENTRIES]


def test_a_reply_that_opens_by_addressing_a_name_answers_that_comment():
    # one box of replies under the first comment; a reply to a reply opens '回复@name:'
    (a, ad, ap), (b, bd, bp), (c, cd, cp), (d, dd, dp) = ENTRIES

    def row(n: str, d: str, text: str) -> str:
        return f"<div class='comment'><div class='txt'><a href='/u'>{n}</a>：{text}</div><span class='from'>{d}</span></div>"

    inner = row(b, bd, " ".join(bp)) + row(c, cd, f"回复<a href='/n/{b}'>@{b}</a>:" + " ".join(cp))
    items = (
        f"<div class='comment'><div class='txt'><a href='/u'>{a}</a>：{' '.join(ap)}</div><span class='from'>{ad}</span>"
        f"<div class='replies'>{inner}</div></div>" + row(d, dd, " ".join(dp))
    )
    mined = _mine(f"<div class='comments'><h3>Comments</h3>{items}</div>")
    assert mined is not None
    assert [(c.author, c.text) for c in mined.comments] == [(n, " ".join(p)) for n, _, p in ENTRIES]
    assert [c.parent_position for c in mined.comments] == [None, 0, 1, None]


def test_a_line_opening_a_reply_that_links_to_the_comment_answered_is_no_part_of_its_text():
    # one flat run: a reply opens with 'Reply to #1 by Ann', a link to the answered comment's anchor
    def item(i: int, n: str, d: str, paras: list[str], to: int | None) -> str:
        origin = (
            f"<a class='origin' href='#c{to}'>Reply to #{to + 1} by {ENTRIES[to][0]}</a>"
            if to is not None
            else ""
        )
        return (
            f"<article class='note' id='c{i}'><h4 class='who'><a href='/u/{i}'>{n}</a></h4>"
            f"<a class='when' href='#c{i}'>#{i + 1} — {d}</a><div class='body'>{origin}"
            + "".join(f"<p>{p}</p>" for p in paras)
            + "</div><div class='acts'><a href='#'>Reply</a></div></article>"
        )

    answers = [None, 0, 1, None]
    entries = [(n, d, [*p, "That is all I wanted to say."]) for n, d, p in ENTRIES]
    items = "".join(item(i, n, d, p, answers[i]) for i, (n, d, p) in enumerate(entries))
    mined = _mine(f"<section class='talk'><h2>4 Comments</h2>{items}</section>")
    assert mined is not None
    assert [c.text for c in mined.comments] == ["\n\n".join(p) for _, _, p in entries]
    assert [c.parent_position for c in mined.comments] == answers


def _nick(i: int, name: str | None) -> str:
    if name is None:  # no account: the board's name for anybody and half the writer's address
        return f"<span class='writer'><span class='nick'><em>Guest</em></span><span class='ip'>(118.{i + 30})</span></span>"
    return f"<span class='writer'><span class='nick in'><em>{name}</em></span><a class='icon'><img src='/n.gif'></a></span>"


def test_half_an_address_beside_a_name_is_no_name():
    names = [None, ENTRIES[0][0], None, ENTRIES[2][0], None, ENTRIES[3][0], None]
    items = "".join(
        f"<li class='cmt'><div class='nickbox'>{_nick(i, n)}</div><p class='txt'>{ENTRIES[i % 4][2][0]}</p>"
        f"<span class='date'>2024.05.0{i + 1} 10:00:00</span></li>"
        for i, n in enumerate(names)
    )
    mined = _mine(f"<div class='cmt_wrap'><h3>Comments</h3><ul class='cmt_list'>{items}</ul></div>")
    assert mined is not None
    assert [c.author for c in mined.comments] == names


@pytest.mark.parametrize(
    "text, dated",
    [
        ("05.27 12:12:12", True),
        ("05-27", True),
        ("3小时前", True),
        ("12分钟前", True),
        ("3時間前", True),
        ("3시간 전", True),
        ("3.5", False),
        ("13-40", False),
        ("9-14", False),
        ("Route 12", False),
    ],
)
def test_a_day_without_its_year_and_times_ago_in_other_scripts_are_dates(text, dated):
    from tasks.extract.records import _date_text

    assert _date_text(text) is dated


def test_one_comment_dated_some_hours_ago_in_another_script_is_read():
    name, _, paras = ENTRIES[0]
    item = (
        f"<div class='reply-item'><div class='user-name'>{name}</div><span class='content'>{' '.join(paras)}</span>"
        "<div class='info'><span class='time'>3小时前</span><span class='btn'>回复</span></div></div>"
    )
    mined = _mine(f"<div class='box'><div class='reply-list'>{item}</div></div>")
    assert mined is not None
    assert [(c.author, c.published_text) for c in mined.comments] == [(name, "3小时前")]


def test_an_avatar_drawn_from_the_names_initial_is_no_name():
    # class names that say nothing; the avatar is the name's first letter
    items = "".join(
        f"<div class='k3v1'><div class='q8z2'><div class='m4x7'><span aria-hidden='true'>{n[0]}</span></div>"
        f"<div class='t5r9'><span class='p2w6'>{n}</span></div><span class='h7d3'>{d}</span></div>"
        f"<div class='b1n8'>{''.join(f'<p>{p}</p>' for p in paras)}</div>"
        "<div class='a6c4'><button>Recommend</button><button>Reply</button></div></div>"
        for n, d, paras in ENTRIES
    )
    mined = _mine(f"<section aria-label='Comments'><div id='list'>{items}</div></section>")
    assert mined is not None
    assert [c.author for c in mined.comments] == [n for n, _, _ in ENTRIES]


def test_sub_replies_in_markup_of_their_own_join_the_comments_they_answer():
    # each item: the root reply, then a box of sub-replies drawn another way (name and text on one line)
    (a, ad, ap), (b, bd, bp), (c, cd, cp), (d, dd, dp) = ENTRIES

    def root(n: str, date: str, paras: list[str], subs: str = "") -> str:
        return (
            f"<div class='reply-item'><div class='root-box'><div class='user-name'>{n}</div>"
            f"<span class='root-content'>{' '.join(paras)}</span><div class='info'><span class='time'>{date}</span>"
            f"<span class='btn'>Reply</span></div></div><div class='sub-box'>{subs}</div></div>"
        )

    def sub(n: str, date: str, paras: list[str]) -> str:
        return (
            f"<div class='sub-item'><span class='sub-name'>{n}</span><span class='sub-content'>{' '.join(paras)}</span>"
            f"<div class='sub-info'><span class='sub-time'>{date}</span><span class='btn'>Reply</span></div></div>"
        )

    items = root(a, ad, ap, sub(b, bd, bp) + sub(c, cd, cp)) + root(d, dd, dp)
    mined = _mine(f"<div class='reply-list'>{items}</div>")
    assert mined is not None
    assert [(x.author, x.text) for x in mined.comments] == [(n, " ".join(p)) for n, _, p in ENTRIES]
    assert [x.parent_position for x in mined.comments] == [None, 0, 0, None]


def _next_item_thread(shared_class: str) -> str:
    """A comment's replies not inside its <li> but in a list of their own in the next <li>."""

    def row(n: str, date: str, paras: list[str], kind: str) -> str:
        return (
            f"<div class='{kind}{shared_class}'><div class='nickbox'><b class='nick'>{n}</b></div>"
            f"<p class='usertxt'>{' '.join(paras)}</p><span class='date_time'>{date}</span></div>"
        )

    items = (
        f"<li class='c'>{row(*ENTRIES[0], 'cmt_info')}</li>"
        f"<li><div class='reply_box'><ul class='reply_list'><li class='r'>{row(*ENTRIES[1], 'reply_info')}</li>"
        f"<li class='r'>{row(*ENTRIES[2], 'reply_info')}</li></ul></div></li>"
        f"<li class='c'>{row(*ENTRIES[3], 'cmt_info')}</li>"
        f"<li class='c'>{row(*ENTRIES[0], 'cmt_info')}</li>"
        f"<li><div class='reply_box'><ul class='reply_list'><li class='r'>{row(*ENTRIES[1], 'reply_info')}</li>"
        f"<li class='r'>{row(*ENTRIES[2], 'reply_info')}</li></ul></div></li>"
        f"<li class='c'>{row(*ENTRIES[3], 'cmt_info')}</li>"
    )
    return f"<div class='comment_box'><ul class='cmt_list'>{items}</ul></div>"


def test_replies_in_the_list_item_after_their_comments_join_them():
    # the comments' rows and the replies' rows share no class: two lists, one thread
    mined = _mine(_next_item_thread(""))
    assert mined is not None
    assert [(x.author, x.text) for x in mined.comments] == [(n, " ".join(p)) for n, _, p in ENTRIES * 2]
    assert [x.parent_position for x in mined.comments] == [None, 0, 0, None, None, 4, 4, None]


def test_rows_of_one_list_answer_the_row_in_the_list_item_before_theirs():
    # the rows share a class: one list, whose rows' own nesting says nothing; their items' does
    mined = _mine(_next_item_thread(" clear"))
    assert mined is not None
    assert [(x.author, x.text) for x in mined.comments] == [(n, " ".join(p)) for n, _, p in ENTRIES * 2]
    assert [x.parent_position for x in mined.comments] == [None, 0, 0, None, None, 4, 4, None]


def test_the_names_boards_give_writers_without_one_name_nobody():
    from tasks.extract.dom_comments import load_systems

    assert {"ㅇㅇ", "익명", "匿名", "名無しさん"} <= load_systems()[1]


def test_an_editors_note_closing_a_comments_text_is_not_the_readers():
    notes = [
        "<em>Gekürzt. Bitte bleiben Sie beim Thema. Danke, die Redaktion/ab</em>",
        "",
        "<em>Editor's note: the timetable figure was corrected.</em>",
        "<em>Just my two cents.</em>",  # the reader's own words, set in italics
    ]
    items = "".join(
        f"<div class='post'><b class='user'>{n}</b> <span class='time'>{d}</span>"
        f"<div class='body'>{''.join(f'<p>{p}</p>' for p in paras)}{notes[i]}</div><a href='#'>Reply</a></div>"
        for i, (n, d, paras) in enumerate(ENTRIES)
    )
    mined = _mine(f"<div class='comments'>{items}</div>")
    assert mined is not None
    assert [c.text for c in mined.comments] == [
        "\n\n".join(ENTRIES[0][2]),
        ENTRIES[1][2][0],
        ENTRIES[2][2][0],
        f"{ENTRIES[3][2][0]}\n\nJust my two cents.",
    ]


def test_a_pinned_mark_and_an_advertisement_among_the_comments_are_no_comment_text():
    # the first comment is pinned ('置顶' opening its text); an advertisement is posted as a comment
    rows = [
        (n, d, ("<i class='top'>置顶</i>" if i == 0 else "") + " ".join(p))
        for i, (n, d, p) in enumerate(ENTRIES)
    ]
    rows.insert(2, ("Helper", ENTRIES[1][1], "[AD] Sign up today and get three months free!"))
    items = "".join(
        f"<li class='row'><span class='nick'>{n}</span><span class='txt'>{t}</span><span class='time'>{d}</span>"
        "<a class='btn'>Reply</a></li>"
        for n, d, t in rows
    )
    mined = _mine(f"<div class='comments'><h3>Comments</h3><ul>{items}</ul></div>")
    assert mined is not None
    assert [(c.author, c.text) for c in mined.comments] == [(n, " ".join(p)) for n, _, p in ENTRIES]
