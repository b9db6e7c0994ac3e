"""Comment widgets drawn in utility classes (the record's box told from its spacers and its text
box only by a spacing step), review lists whose date closes a line of words, and reviews whose own
title links to their page."""

from __future__ import annotations

from tasks.extract.dom import parse
from tasks.extract.dom_comments import load_systems
from tasks.extract.records import mine_comments
from tests.extract.test_records import ARTICLE, PLACEHOLDERS

THREAD = [  # (name, date, text, replies)
    (
        "redowl506",
        "2024-05-27 12:12",
        "Forty minutes is still too long in the rush hour, two boats would fix it.",
        [("Mara Quist", "2024-05-27 13:40", "Two boats need two crews, and the operator has none.")],
    ),
    (
        "dark_cat",
        "2024-05-27 14:05",
        "The Friday crossing matters more than the interval for most of us.",
        [],
    ),
    (
        "Ines Varga",
        "2024-05-27 15:30",
        "I take the early boat every day and it has never once been on time.",
        [],
    ),
]


def _mine(section: str):
    tree = parse(f"<html><head><title>t</title></head><body>{ARTICLE}{section}</body></html>")
    return mine_comments(tree, PLACEHOLDERS)


def _widget_comment(name: str, date: str, text: str, replies: str = "") -> str:
    return (
        '<div class="my-4"><div class="flex items-center"><div class="mr-2 font-medium">'
        f'{name}</div></div><div class="text-gray-500 text-sm">{date}</div>'
        f'<div class="text-gray-500 my-2"><p>{text}</p></div>'
        '<div><button class="font-medium text-sm" type="button">Reply</button></div>'
        + (f'<div class="pl-4 border-l-2 border-gray-200">{replies}</div>' if replies else "")
        + "</div>"
    )


def test_a_widget_in_utility_classes_is_read_by_its_records_spacing_step():
    """Every box of the widget says 'my-N': the form's, the spacers', each comment's and each
    text's. The comments are the boxes of one step ('my-4'), the replies inside them."""
    body = "".join(
        _widget_comment(n, d, t, "".join(_widget_comment(*r) for r in replies)) for n, d, t, replies in THREAD
    )
    form = (
        '<div class="my-4"><div class="px-1"><label class="mb-2 block">Nickname</label><input type="text"></div>'
        '<div class="px-1"><label class="mb-2 block">Reply comment</label><textarea></textarea></div>'
        '<div class="px-1"><button class="text-sm p-2 px-4 font-bold">Comment</button></div></div>'
    )
    section = (
        f'<div id="thread_box"><div class="dark:bg-transparent">{form}<div class="my-8"></div>'
        f'<div class="mt-4 px-1">{body}</div><div class="my-8"></div>'
        '<div class="text-center text-xs my-4"><a href="https://example.org">Powered by Widget</a></div></div></div>'
    )
    mined = _mine(section)
    assert mined is not None
    got = [(c.author, c.text, c.parent_position) for c in mined.comments]
    assert got == [
        (THREAD[0][0], THREAD[0][2], None),
        (THREAD[0][3][0][0], THREAD[0][3][0][2], 0),
        (THREAD[1][0], THREAD[1][2], None),
        (THREAD[2][0], THREAD[2][2], None),
    ]


REVIEWS = [  # (name, title, text, place, date)
    (
        "Jennifer Davis",
        "Sturdy and quiet in daily use",
        "It runs every morning without a sound and the lid still closes well.",
        "Canada",
        "May 27, 2024",
    ),
    (
        "RedCat",
        "Does what it says",
        "Fine for the price, though the cable is short.",
        "the United States",
        "June 2, 2024",
    ),
    (
        "lost_farmer1601",
        "Broke after three weeks of light use",
        "The switch stopped working and the seller did not answer my messages.",
        "India",
        "June 9, 2024",
    ),
]


def _reviews(titles: bool = True) -> str:
    out = []
    for i, (name, title, text, place, date) in enumerate(REVIEWS):
        head = (
            f'<a class="review-title" href="/customer-reviews/R{i}"><span>{title}</span></a>'
            if titles
            else ""
        )
        out.append(
            f'<div class="review"><div class="profile"><span class="profile-name">{name}</span></div>'
            f'<div class="row">{head}</div><span class="review-date">Reviewed in {place} on {date}</span>'
            f'<div class="row"><span class="review-text"><span>{text}</span></span></div>'
            f'<div class="row"><a class="button" href="#">Helpful</a> <a href="#">Report</a></div></div>'
        )
    return f"<div id='reviews'><h2>Top reviews</h2>{''.join(out)}</div>"


def test_a_date_closing_a_line_of_words_is_the_records_date():
    """'Reviewed in Canada on May 27, 2024': the line ends in its date after a preposition."""
    mined = _mine(_reviews(titles=False))
    assert mined is not None
    assert [(c.author, c.text) for c in mined.comments] == [(n, t) for n, _, t, _, _ in REVIEWS]
    assert [c.published_at.date().isoformat() for c in mined.comments] == [
        "2024-05-27",
        "2024-06-02",
        "2024-06-09",
    ]


def test_a_reviews_own_title_linking_to_it_is_no_headline():
    """Each review's title links to the review's page; beside a longer text it is no headline of
    another story, so the list stays a list of comments."""
    mined = _mine(_reviews(titles=True))
    assert mined is not None
    assert [(c.author, c.text) for c in mined.comments] == [(n, t) for n, _, t, _, _ in REVIEWS]


def test_a_date_drawn_in_pieces_is_read_whole():
    """'<abbr>Wed</abbr> <span>1</span> <abbr>Sep</abbr> <span>2021</span> <span>5:00AM</span>':
    no piece is the date (the weekday alone is taken for one), the line they make is."""
    items = "".join(
        f'<li class="comment"><h4 class="heading byline"><a href="/users/{n}">{n}</a> '
        f'<span class="posted datetime"><abbr class="day">{wd}</abbr> <span class="date">{d}</span> '
        f'<abbr class="month">Sep</abbr> <span class="year">2021</span> <span class="time">{t}</span> '
        f'<abbr class="timezone">UTC</abbr></span></h4><blockquote class="userstuff"><p>{text}</p></blockquote>'
        '<ul class="actions"><li><a href="#">Reply</a></li></ul></li>'
        for (n, _, text, _), (wd, d, t) in zip(
            THREAD, [("Wed", 1, "5:00AM"), ("Wed", 1, "1:28PM"), ("Thu", 2, "9:10AM")], strict=True
        )
    )
    mined = _mine(f'<div id="comments"><h3>Comments (3)</h3><ol class="thread">{items}</ol></div>')
    assert mined is not None
    assert [c.author for c in mined.comments] == [n for n, _, _, _ in THREAD]
    assert [c.published_at.isoformat() for c in mined.comments] == [
        "2021-09-01T05:00:00",
        "2021-09-01T13:28:00",
        "2021-09-02T09:10:00",
    ]


def _board(names: list[str], refs: dict[int, int]) -> str:
    posts = []
    for i, ((_, date, text, _), name) in enumerate(zip(THREAD, names, strict=True)):
        number = i + 2
        ref = (
            f'<a href="../test/read.cgi/news/1703380896/{refs[i] + 2}" target="_blank">&gt;&gt;{refs[i] + 2}</a><br>'
            if i in refs
            else ""
        )
        posts.append(
            f'<div class="post" id="{number}"><div class="meta"><span class="number">{number}</span>'
            f'<span class="name"><b>{name}</b></span><span class="date">{date}</span></div>'
            f'<div class="message"><span class="escaped">{ref} {text}</span></div></div><br>'
        )
    return f'<div class="thread">{"".join(posts)}</div>'


def test_a_board_reference_to_a_post_number_is_its_parent():
    """'>>2' linking to the post's own page (not to an anchor of this one) answers post 2."""
    mined = _mine(_board([n for n, _, _, _ in THREAD], {1: 0, 2: 0}))
    assert mined is not None
    assert [c.parent_position for c in mined.comments] == [None, 0, 0]


def test_a_boards_placeholder_name_with_its_own_prefix_is_no_name():
    """Boards put their own words before the placeholder ('ニューノーマルの名無しさん'): no one."""
    section = _board(["redowl506", "ニューノーマルの名無しさん", "それでも動く名無し"], {})
    tree = parse(f"<html><head><title>t</title></head><body>{ARTICLE}{section}</body></html>")
    mined = mine_comments(tree, load_systems()[1])  # the placeholders of the comment systems' table
    assert mined is not None
    assert [c.author for c in mined.comments] == ["redowl506", None, None]
