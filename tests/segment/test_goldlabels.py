"""Line labels from a page's hand labels: what the training command learns from real scrapes."""

from tasks.segment.labels import AUTH_B, BODY, TEXT, TITLE
from tasks.segment.lines import split_lines
from tasks.segment.train.goldlabels import labels_from_gold

PAGE = """# A post about disks

I have a media server and a spare disk.

![](https://example.org/img/0040.jpg)
Then power on and check that the disk still works:

## 2 comments

Ann

Nice trick, thanks.

Bob

Mine works too.
"""

GOLD = {
    "title": "A post about disks",
    "body_first": "I have a media server",
    # a scrape's excerpt keeps the image the line splitter drops
    "body_last": "0040.jpg) Then power on and check that the disk still works:",
    "boilerplate": ["## 2 comments"],
    "comments": [
        {"author": "Ann", "text_first": "Nice trick", "text_last": "Nice trick, thanks."},
        {"author": "Bob", "text_first": "Mine works", "text_last": "works too."},
    ],
}


def test_labels_follow_the_gold_where_an_excerpt_holds_what_the_lines_drop():
    lines = split_lines(PAGE, True)
    labels = labels_from_gold(PAGE, True, GOLD)
    by_text = {ln.plain: labels[ln.idx] for ln in lines}
    assert by_text["A post about disks"] == TITLE
    assert by_text["Then power on and check that the disk still works:"] == BODY
    assert by_text["Ann"] == by_text["Bob"] == AUTH_B
    assert by_text["Nice trick, thanks."] == by_text["Mine works too."] == TEXT


def test_a_gold_that_does_not_match_the_page_labels_nothing():
    wrong = {**GOLD, "comments": [{"author": "Cy", "text_first": "never written here", "text_last": "x"}]}
    assert set(labels_from_gold(PAGE, True, wrong)) == {-1}
