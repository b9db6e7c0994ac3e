"""Comment records found by their repetition: a header shape that recurs (a name, a date, links and
counts around them) with someone's words after each, under a comment section's heading."""

from tasks.models import Segmentation
from tasks.segment.labeller import Page, segment_pages
from tasks.segment.lines import split_lines
from tasks.segment.repeats import add_records, find_records, shape

ARTICLE = "\n\n".join(
    f"Paragraph {i} of the article explains at some length what happened in the town this week."
    for i in range(8)
)

BOARD = """
**Discussion** | [ [RSS](/rss?om=1) ]
---|---
* [1](/forum/1.html#1), [segoon](/~segoon) (ok), 23:11, 04/11/2010 [[reply](/post?om=1)]   | +/-
---|---
[![](/avatar/a.jpg)](/~segoon)   This reduces what the X server may do by a lot.
An exploit would find it hard to get root.

* [2](/forum/1.html#2), [konst](/~konst) (??), 19:25, 07/11/2010 [[reply](/post?om=2)]   | +/-
---|---
[![](/avatar/b.jpg)](/~konst)why bother while setuid files are still around?

* [3](/forum/1.html#3), [User294](/~User294) (ok), 22:19, 08/11/2010 [[reply](/post?om=3)]   | -1 +/-
---|---
[![](/avatar/c.jpg)](/~User294)> lets users mount file systems
> they have no access to. A downgrade, then :)

* [4](/forum/1.html#4), [eoranged](/~eoranged) (ok), 02:41, 20/01/2014 [[reply](/post?om=4)]   | +/-
---|---
[![](/avatar/d.jpg)](/~eoranged)Running most of these as root is safer, since the process is isolated.

**  Add a comment**
| Name:|
"""

FLOOR = """
posted @ 2019-08-08 11:07  read(3844) 评论(4)

[#1楼](https://example.cn/p/1.html#1) 2019-08-08 17:20 [难得糊涂1998](https://example.cn/u/a/)

自己写的web服务器使用率应该不高吧？

[支持(0)](javascript:void(0);) [反对(0)](javascript:void(0);)

[#2楼](https://example.cn/p/1.html#2) [楼主] 2019-08-08 18:06 [chen_hao](https://example.cn/u/b/)

[@](https://example.cn/p/1.html#1) 难得糊涂1998
不会使用自己写的web服务器，这真是一个简单的例子

[支持(0)](javascript:void(0);) [反对(0)](javascript:void(0);)

[#3楼](https://example.cn/p/1.html#3) 2019-08-09 17:28 [蝴蝶很美](https://example.cn/u/c/)

学习了^_^ 写得很清楚

[支持(0)](javascript:void(0);) [反对(0)](javascript:void(0);)



发表评论 [升级成为VIP会员](https://example.cn/vip/)
"""


def _records(text: str):
    return find_records(split_lines(text, True))


def test_a_header_shape_is_its_parts_kinds_whatever_the_words():
    assert shape("[#1楼](https://a/1) 2019-08-08 17:20 [Ann](https://a/u)") == "LDL"
    assert shape("[#12楼](https://a/12) 2020-01-02 08:06 [chen_hao](https://a/v)") == "LDL"
    assert shape("Jane Doe • 3 years ago") != shape("[Jane](x) 3 years ago")


def test_a_forum_board_under_a_discussion_heading_gives_one_record_a_header():
    found = _records(ARTICLE + "\n" + BOARD)
    assert [r.author for r in found] == ["segoon", "konst", "User294", "eoranged"]
    assert [r.date for r in found][:2] == ["04/11/2010", "07/11/2010"]
    texts = [[ln.raw for ln in r.text] for r in found]
    assert len(texts[0]) == 2 and texts[0][1] == "An exploit would find it hard to get root."
    assert not any("---|---" in t for rec in texts for t in rec)  # the unit's chrome
    assert all("Add a comment" not in t for t in texts[-1])  # the last record ends at the form


def test_the_unit_s_button_row_is_no_text_and_ends_the_last_record():
    found = _records(ARTICLE + "\n" + FLOOR)
    assert [r.author for r in found] == ["难得糊涂1998", "chen_hao", "蝴蝶很美"]
    assert all("支持" not in ln.raw for r in found for ln in r.text)
    assert [ln.raw for ln in found[-1].text] == ["学习了^_^ 写得很清楚"]


def test_dated_teasers_without_a_comment_heading_are_no_comments():
    teasers = "\n\n".join(
        f"[Story {i} about the budget](https://news.example/{i}) 1{i}.02.2022\n\nThe council met again on Tuesday to talk."
        for i in range(5)
    )
    assert _records(ARTICLE + "\n\nMore news\n\n" + teasers) == []


def test_one_label_on_every_header_is_no_discussion():
    rows = "\n\n".join(
        f"Termin 2{i}.03.2020, 18:30 Uhr\n\nA tasting of whisky from Scotland with a buffet."
        for i in range(4)
    )
    assert _records(ARTICLE + "\n\nKommentare\n\n" + rows) == []


def test_a_page_without_comments_gets_the_records_and_loses_their_section_from_its_body():
    seg = Segmentation(title="T", byline=None, body=ARTICLE + "\n\n" + BOARD.strip())
    assert add_records(seg, split_lines(ARTICLE + "\n" + BOARD, True), None)
    assert [c.author for c in seg.comments] == ["segoon", "konst", "User294", "eoranged"]
    assert seg.comments[0].text.startswith("This reduces what the X server")  # avatar taken off
    assert seg.comments[0].published_text == "04/11/2010"
    assert seg.body.endswith("happened in the town this week.")
    assert "repeated headers" in seg.trace["comment_section"]
    assert seg.comment_system == "text-records"


def test_the_segmenter_falls_back_to_repetition_when_nothing_else_found_comments():
    seg = segment_pages([Page("# A title\n\n" + ARTICLE + "\n" + FLOOR, markdown=True)])[0]
    assert [c.rule for c in seg.comments] == ["repeated_header"] * 3
    assert "评论" not in seg.body


DISQUS_LINES = """
3 Comments

Newest
Oldest
−
+
K khmoussi Aouina 2 years ago hi if i may ask why inject the use cases in the controller ? see more
0 Press the down arrow key to see users who liked this 0 Press the down arrow key to see users who disliked this
Reply
Share ›
http://disq.us/p/2xr5qx4
−
+
 Juan Vimberg Mod khmoussi Aouina 2 years ago You're correct, at runtime the service is injected. see more
0 Press the down arrow key to see users who liked this 0 Press the down arrow key to see users who disliked this
Reply
Share ›
http://disq.us/p/2y0stxc
Show more replies Show more replies
−
+
 Marc Collin 5 years ago don't seem to have three layers here, user side and infra see more
0 Press the down arrow key to see users who liked this 0 Press the down arrow key to see users who disliked this
Reply
Share ›
http://disq.us/p/2dvypfb
"""


def test_comments_written_on_their_header_s_line_are_records_too():
    seg = segment_pages([Page("# A title\n\n" + ARTICLE + "\n" + DISQUS_LINES, markdown=True)])[0]
    assert [c.author for c in seg.comments] == ["khmoussi Aouina", "Juan Vimberg", "Marc Collin"]
    assert seg.comments[1].parent_position == 0  # 'Mod' between the name and the name replied to
    assert (
        seg.comments[0].text == "hi if i may ask why inject the use cases in the controller ?"
    )  # 'see more' off
    assert [c.published_text for c in seg.comments] == ["2 years ago", "2 years ago", "5 years ago"]
    assert not any("Press the down arrow" in c.text or "Show more" in c.text for c in seg.comments)


def test_paragraphs_that_open_with_a_date_are_no_comments():
    news = "\n\n".join(
        f"Update {d} March 2020: the council said that the road will stay closed for weeks."
        for d in (3, 4, 5, 6)
    )
    assert _records(ARTICLE + "\n\nComments\n\n" + news) == []


FACES = """
## Top comments (3)

![arkforge-ceo profile image](https://media.example/u/1.png)
![](https://media.example/u/1-90.png)

The principle maps well beyond single sessions. Each sub-agent inherits a slice of the context.

![somedood profile image](https://media.example/u/2.png)
![](https://media.example/u/2-90.png)

That's exactly right! My sub-agents often have a validation script of their own.

![itskondrat profile image](https://media.example/u/3.png)
![](https://media.example/u/3-90.png)

Ran into this building my agent fleet, the reduce step is where it gets hard.

Are you sure you want to hide this comment? It will become hidden in your post.
"""


def test_avatars_named_by_their_description_head_records_when_no_name_line_is_rendered():
    seg = segment_pages([Page("# A title\n\n" + ARTICLE + "\n" + FACES, markdown=True)])[0]
    assert [c.author for c in seg.comments] == ["arkforge-ceo", "somedood", "itskondrat"]
    assert (
        seg.comments[2].text
        == "Ran into this building my agent fleet, the reduce step is where it gets hard."
    )


def test_a_profile_link_under_an_avatar_gives_the_display_name():
    from tasks.segment.repeats import avatars_before

    text = (
        "Intro\n\n[![mccurcio profile image](https://m.example/1.png)](https://dev.to/mccurcio)\n\n"
        "[Matt Curcio](https://dev.to/mccurcio)\n\nGreat, thanks!"
    )
    lines = split_lines(text, True)
    assert list(avatars_before(lines, text).values()) == ["Matt Curcio"]


def test_a_reading_with_a_label_for_every_name_may_be_replaced():
    from tasks.models import Comment
    from tasks.segment.labeller import few_names

    def comments(*names):
        return [Comment(position=i, author=n, text="t", rule="r") for i, n in enumerate(names)]

    assert few_names([])
    assert few_names(comments("Joined", "Joined", "Joined", "Ann"))
    assert few_names(comments(None, None, "Ann"))
    assert not few_names(comments("Ann", "Bob", "Ann", None))


LYNX_THREAD = """
12 thoughts on “Fan control”

    kyle
    April 18, 2023, 08:06

    is there a way i could monitor the fan from a conky file?

    Reply
  [d948ba2aaf]

    Andrei Nevedomskii Post author
    April 19, 2023, 10:11

    Sure, read the level from the proc file and print it in your config.

    Reply
  [399a8b3313]

    kyle
    April 20, 2023, 09:00

    Thanks, that works nicely for me now.

    Reply
  [52c1e0ff31]

    BlaY0
    June 24, 2022, 13:24

    Same here, the fan finally stays quiet under light load.

    Reply
  [a1b2c3d4e5]
"""


def test_a_name_on_the_line_above_a_dated_line_heads_a_record():
    lines = split_lines(ARTICLE + "\n\n" + LYNX_THREAD, False)
    found = find_records(lines)
    assert [r.author for r in found] == ["kyle", "Andrei Nevedomskii", "kyle", "BlaY0"]
    assert [r.text[0].plain for r in found] == [
        "is there a way i could monitor the fan from a conky file?",
        "Sure, read the level from the proc file and print it in your config.",
        "Thanks, that works nicely for me now.",
        "Same here, the fan finally stays quiet under light load.",
    ]


def test_dated_article_lines_before_the_section_do_not_hide_its_records():
    dated = "\n\n".join(
        f"Update\nMarch {d}, 2023, 10:00\n\nThe vendor changed the firmware again." for d in (1, 2)
    )
    lines = split_lines(ARTICLE + "\n\n" + dated + "\n\n" + LYNX_THREAD, False)
    assert [r.author for r in find_records(lines)] == ["kyle", "Andrei Nevedomskii", "kyle", "BlaY0"]
