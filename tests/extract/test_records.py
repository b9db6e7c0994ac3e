"""Comments from repeated markup: the record miner on comment systems nobody wrote selectors for."""

from __future__ import annotations

from tasks.clean import clean_text
from tasks.extract import extract_page
from tasks.extract.dom import parse
from tasks.extract.records import mine_comments
from tasks.models import Record

PLACEHOLDERS = frozenset({"anonymous", "guest"})

ARTICLE = """<article><h1>Ferry timetable changes from May</h1>
<p>The island ferry will run every forty minutes from the first of May, the operator said on Monday,
after a winter in which crossings ran only once an hour because of crew shortages.</p>
<p>Commuters welcomed the change but asked for a later last crossing on Fridays, which the operator
said it would consider once the new vessel enters service at the end of the summer season.</p>
</article>"""


def _page(section: str, article: str = ARTICLE) -> str:
    return f"<!DOCTYPE html><html><head><title>Ferry timetable changes from May | Island Post</title></head><body>{article}{section}</body></html>"


def _record(page: str) -> Record:
    return Record(source="page.html", text=clean_text(page), format="html", content_hash="h")


# A widget no selector knows: hashed classes, a heading saying what it is, nested replies,
# buttons and counts in every record.
WIDGET = """<div class="x7f2k"><h3>Comments</h3><div class="q1w2e3">
 <div class="r9t8"><div class="h4d"><span class="n1">Mara Quist</span><span class="d2">March 3, 2024 at 9:14 am</span></div>
  <div class="b5"><p>Forty minutes is still too long in the rush hour.</p><p>Two boats would fix it.</p></div>
  <div class="a6"><span>Like</span><span>12</span><span>Reply</span></div>
  <div class="k7">
   <div class="r9t8"><div class="h4d"><span class="n1">Olu Bakare</span><span class="d2">March 3, 2024 at 10:02 am</span></div>
    <div class="b5"><p>Two boats need two crews, and there are none.</p></div>
    <div class="a6"><span>Like</span><span>3</span><span>Reply</span></div></div>
  </div></div>
 <div class="r9t8"><div class="h4d"><span class="n1">Guest</span><span class="d2">March 4, 2024 at 8:00 am</span></div>
  <div class="b5"><p>Will the Friday crossing be later from May too?</p></div>
  <div class="a6"><span>Like</span><span>0</span><span>Reply</span></div></div>
</div><div class="z0">Powered by Talkbox</div></div>"""


def test_unknown_widget_gives_comments_authors_dates_and_replies():
    seg = extract_page(_record(_page(WIDGET)))
    assert seg.comment_system == "html-records"
    assert [(c.position, c.author, c.text, c.parent_position) for c in seg.comments] == [
        (
            0,
            "Mara Quist",
            "Forty minutes is still too long in the rush hour.\n\nTwo boats would fix it.",
            None,
        ),
        (1, "Olu Bakare", "Two boats need two crews, and there are none.", 0),
        (2, None, "Will the Friday crossing be later from May too?", None),
    ]
    assert [c.published_at.isoformat() for c in seg.comments] == [
        "2024-03-03T09:14:00",
        "2024-03-03T10:02:00",
        "2024-03-04T08:00:00",
    ]
    for c in seg.comments:
        assert not {"Like", "Reply", "12", "Powered by Talkbox"} & set(c.text.splitlines())
    assert "Two boats" not in seg.body and "Powered by" not in seg.body
    assert seg.body.startswith("The island ferry will run every forty minutes")


def test_flat_list_with_stated_depth_gives_reply_parents():
    items = [
        (0, "Ann Ho", "First comment on the timetable, about the morning boats."),
        (1, "Ben Ito", "A reply to Ann about the morning boats and the crews."),
        (2, "Cy Lam", "A reply to Ben, about the crews and the new vessel."),
        (0, "Di Ng", "A new thread about the Friday crossing and the late bus."),
    ]
    records = "".join(
        f'<li class="msg" data-depth="{d}"><b class="user">{name}</b> <i>2 days ago</i><p>{text}</p><a>Reply</a></li>'
        for d, name, text in items
    )
    seg = extract_page(_record(_page(f'<h2>Reader comments</h2><ul class="msgs">{records}</ul>')))
    assert [c.author for c in seg.comments] == ["Ann Ho", "Ben Ito", "Cy Lam", "Di Ng"]
    assert [c.parent_position for c in seg.comments] == [None, 0, 1, None]
    assert all(c.published_text == "2 days ago" for c in seg.comments)


def test_header_and_text_as_siblings_make_one_record_each():
    entries = "".join(
        f"<dt><strong>{name}</strong> — {day} March 2024</dt><dd><p>{text}</p></dd>"
        for name, day, text in [
            ("Pia", 3, "The new timetable suits the school run much better."),
            ("Rui", 4, "I still miss the old seven o'clock crossing on Sundays."),
            ("Sol", 5, "Fares should fall now that the boats run more often."),
        ]
    )
    seg = extract_page(_record(_page(f'<div class="responses"><h2>3 Responses</h2><dl>{entries}</dl></div>')))
    assert [(c.author, c.text) for c in seg.comments] == [
        ("Pia", "The new timetable suits the school run much better."),
        ("Rui", "I still miss the old seven o'clock crossing on Sundays."),
        ("Sol", "Fares should fall now that the boats run more often."),
    ]
    assert [c.published_at.day for c in seg.comments] == [3, 4, 5]


def test_a_teaser_list_under_the_article_is_no_comment_list():
    teasers = "".join(
        f'<div class="card"><h3><a href="/s/{i}">{title}</a></h3><span class="by">Staff reporter</span>'
        f'<span class="when">{i + 1} March 2024</span><p>{summary}</p></div>'
        for i, (title, summary) in enumerate(
            [
                ("Harbour wall repairs start in June", "The council has set aside money for the work."),
                ("New café opens at the ferry terminal", "It will serve breakfast from six in the morning."),
                ("School boat trips return in autumn", "Pupils will visit the lighthouse again this year."),
                ("Island bus gets an electric fleet", "Four buses arrive before the end of the year."),
            ]
        )
    )
    html = _page(f'<section class="more"><h2>More stories</h2>{teasers}</section>')
    assert mine_comments(parse(clean_text(html)), PLACEHOLDERS) is None
    seg = extract_page(_record(html))
    assert seg.comments == [] or seg.comment_system != "html-records"


def test_article_paragraphs_are_never_records():
    # paragraphs under subheadings repeat, but have no name and no date: the article stays whole
    body = "".join(
        f"<h2>Part {n}</h2><p>{text}</p>"
        for n, text in enumerate(
            [
                "The operator will add a second boat in the summer, when visitor numbers peak.",
                "Crew training starts in April and takes six weeks, the union said on Tuesday.",
                "Fares stay the same this year, although fuel costs have risen since the winter.",
            ]
        )
    )
    article = f"<article><h1>Ferry timetable changes from May</h1>{body}</article>"
    html = _page('<div id="comments"><p>Be the first to comment.</p></div>', article)
    assert mine_comments(parse(clean_text(html)), PLACEHOLDERS) is None
    seg = extract_page(_record(html))
    assert seg.comments == []
    assert "Fares stay the same this year" in seg.body and "Crew training starts" in seg.body


def test_forum_thread_first_post_is_the_article():
    posts = "".join(
        f'<div class="post-row"><div class="poster"><a class="username">{name}</a><span class="date">{day} May 2023</span></div>'
        f'<div class="message-text"><p>{text}</p></div><div class="post-actions"><a>Quote</a><a>Reply</a></div></div>'
        for name, day, text in [
            (
                "harbourmaster",
                1,
                "Does anyone know whether the new ferry timetable applies on bank holidays as well? "
                "The operator's site says nothing about it and the office is closed until Tuesday, "
                "so I cannot ask them before the long weekend when we want to travel with the car.",
            ),
            ("islander42", 2, "It does, I asked at the terminal yesterday and they confirmed it."),
            ("Mara", 2, "Same answer from the ticket office this morning, every forty minutes."),
        ]
    )
    html = (
        "<!DOCTYPE html><html><head><title>Bank holiday ferries - Island Forum</title></head><body>"
        f'<div class="thread"><h2>Bank holiday ferries</h2><div class="forum-posts">{posts}</div></div></body></html>'
    )
    seg = extract_page(_record(html))
    assert "applies on bank holidays" in seg.body
    assert [c.author for c in seg.comments] == ["islander42", "Mara"]
    assert seg.comments[0].position == 0


def test_known_systems_stay_the_fast_path(monkeypatch):
    import tasks.extract as extract
    from tests.extract.html_pages import WORDPRESS_HTML

    def no_mining(*args, **kwargs):
        raise AssertionError("the record miner ran on a page a known system describes")

    monkeypatch.setattr(extract, "mine_comments", no_mining)
    seg = extract_page(_record(WORDPRESS_HTML))
    assert seg.comment_system == "wordpress"
    assert seg.trace["comment_section"] == "wordpress: markup"
    assert len(seg.comments) == 3
    # the same comments under markup no selector knows are found by the miner
    monkeypatch.undo()
    unknown = (
        WORDPRESS_HTML.replace("comments-area", "talk")
        .replace("commentlist", "talk-list")
        .replace('class="comment"', 'class="talk-item"')
        .replace("comment-", "talk-")
        .replace('id="comments"', 'id="talk"')
        .replace('class="fn"', 'class="talk-name"')
    )
    seg = extract_page(_record(unknown))
    assert seg.comment_system == "html-records"
    assert [(c.author, c.text, c.parent_position) for c in seg.comments] == [
        (
            "Marta Lindqvist",
            "Finally! The ferry queue was getting ridiculous.\n\nGood work by the crews.",
            None,
        ),
        ("Tom Baker", "Agreed, two weeks early is rare.", 0),
        (None, "What about the cycle lane?", None),
    ]
