"""The last pass over a segmentation: site names off titles, header verbs off names, glued buttons
off comment ends — from the words a kind of line uses, whatever the site."""

from tasks.models import Comment, Segmentation
from tasks.segment.lines import split_lines
from tasks.segment.tidy import clean_author, clean_body, clean_comment_text, clean_title, tidy


def test_a_title_loses_a_site_name_that_says_it_is_a_site():
    assert (
        clean_title("Falsehoods about online shopping – Thias's blog", [], {})
        == "Falsehoods about online shopping"
    )
    assert clean_title("Why prices lie | The Daily Herald", [], {}) == "Why prices lie"


def test_a_title_loses_the_site_named_by_the_front_matter_url():
    meta = {"url": "https://www.codingforest.io/post/1"}
    assert clean_title("Hexagonal Architecture on Spring Boot - Coding Forest", [], meta) == (
        "Hexagonal Architecture on Spring Boot"
    )


def test_a_title_loses_a_suffix_when_the_headline_stands_alone_on_the_page():
    lines = split_lines("Menu\n\nHexagonal Architecture on Spring Boot\n\nText.", False)
    assert clean_title("Hexagonal Architecture on Spring Boot - Acme Works", lines, {}) == (
        "Hexagonal Architecture on Spring Boot"
    )


def test_two_title_lines_joined_keep_the_headline():
    joined = "Hexagonal Architecture on Spring Boot - Coding Forest Hexagonal Architecture on Spring Boot"
    assert clean_title(joined, [], {}) == "Hexagonal Architecture on Spring Boot"


def test_a_headline_with_a_dash_of_its_own_stays_whole():
    assert clean_title("Brexit - what happens next for Northern Ireland", [], {}) == (
        "Brexit - what happens next for Northern Ireland"
    )
    assert clean_title("Python 3.6 - a retrospective", [], {}) == "Python 3.6 - a retrospective"


def test_a_name_loses_its_header_verb_but_not_its_words():
    assert clean_author("Madflier said") == "Madflier"
    assert clean_author("Hans Müller schreibt") == "Hans Müller"
    assert clean_author("Said Ahmed") == "Said Ahmed"
    assert clean_author("Said") == "Said"


def test_glued_buttons_leave_the_comment_end():
    assert clean_comment_text("Thanks for your article. ReplyShare") == "Thanks for your article."
    assert clean_comment_text("Explained with quite interesting example <3 LikeReply") == (
        "Explained with quite interesting example <3"
    )
    assert clean_comment_text("I use JavaScript") == "I use JavaScript"
    assert clean_comment_text("We met at PyCon") == "We met at PyCon"


def test_tidy_edits_the_segmentation_and_says_why():
    seg = Segmentation(
        title="A long headline here - Some News",
        byline=None,
        body="Text.",
        comments=[Comment(position=0, author="Ann says", text="Nice. ReplyShare", rule="x")],
    )
    tidy(seg, [], {})
    assert seg.title == "A long headline here"
    assert "site name" in seg.trace["title"]
    assert (seg.comments[0].author, seg.comments[0].text) == ("Ann", "Nice.")


def test_a_closing_section_asking_for_money_or_shares_leaves_the_body():
    from tasks.segment.tidy import clean_body

    text = "\n\n".join(f"Paragraph {i} says what the article is about in some detail." for i in range(12))
    assert clean_body(text + "\n\n## Buy me a coffee?\n\nIf you like my work, support it. Thanks!") == text
    assert clean_body(text + "\n\n## Share this post\n\n[Twitter](x) [Facebook](y)") == text
    assert clean_body(text + "\n\n## What comes next\n\nMore on this soon.") == text + (
        "\n\n## What comes next\n\nMore on this soon."
    )


def test_a_long_section_under_such_a_heading_is_article_text():
    from tasks.segment.tidy import clean_body

    head = "Intro paragraph of the piece, short."
    long_part = "\n\n".join(f"Paragraph {i} explains the newsletter business in detail." for i in range(12))
    text = head + "\n\n## Newsletters\n\n" + long_part
    assert clean_body(text) == text


def test_a_byline_loses_its_heading_marks():
    seg = Segmentation(title="T", byline="##  Posted by Ann on 2025-12-14", body="Text.")
    tidy(seg, [], {})
    assert seg.byline == "Posted by Ann on 2025-12-14"


def test_comment_dates_read_the_way_the_page_writes_them():
    from datetime import datetime

    seg = Segmentation(
        title="T",
        byline=None,
        body="Text.",
        published_at=datetime(2025, 8, 14),
        comments=[
            Comment(position=0, author="A", text="x", rule="r", published_text="04/11/2010"),
            Comment(position=1, author="B", text="y", rule="r", published_text="20/01/2014"),
            Comment(position=2, author="C", text="z", rule="r", published_text="Aug 27"),
            Comment(position=3, author="D", text="w", rule="r", published_text="Feb 2"),
            Comment(position=4, author="E", text="v", rule="r", published_text="2 years ago"),
        ],
    )
    seg.comments[1].published_at = datetime(2014, 1, 20)
    tidy(seg, [], {})
    got = [c.published_at for c in seg.comments]
    assert got[0] == datetime(2010, 11, 4)  # day first, as '20/01/2014' shows
    assert got[2] == datetime(2025, 8, 27)  # the article's year
    assert got[3] == datetime(2026, 2, 2)  # after the article: the next year
    assert got[4] is None  # relative to a scrape time nobody gave


def test_widget_lines_and_buttons_at_the_body_s_ends_leave_it():
    from tasks.segment.tidy import clean_body

    text = "\n\n".join(f"Paragraph {i} says what the article is about in some detail." for i in range(12))
    body = (
        "☰\n\nGet my system design playbook for FREE on newsletter signup:\n\n"
        + text
        + "\n\nWe were unable to load Disqus. If you are a moderator please see our troubleshooting guide."
        + "\n\nLike this:\n\nLike Loading…\n\nRelated"
    )
    assert clean_body(body) == text


def test_an_article_sentence_about_newsletters_stays():
    from tasks.segment.tidy import clean_body

    text = "\n\n".join(f"Paragraph {i} says what the article is about in some detail." for i in range(12))
    body = "Newsletters grew fast this year.\n\n" + text + "\n\nThat is what we learned."
    assert clean_body(body) == body


def test_a_body_without_blank_lines_is_tidied_line_by_line():
    from tasks.segment.tidy import clean_body

    text = "\n".join(f"Line {i} of the article says what it is about in some detail." for i in range(12))
    body = text + "\nComments\nWe were unable to load Disqus. If you are a moderator please see our guide."
    assert clean_body(body) == text


def test_a_row_of_tags_or_breadcrumbs_leaves_the_body_s_end_but_a_sentence_with_links_stays():
    from tasks.segment.tidy import clean_body

    text = "\n\n".join(f"Paragraph {i} says what the article is about in some detail." for i in range(12))
    tags = "04.11.2010, Source: [wiki](https://w/x) Keywords: [caps](/k/c), [suid](/k/s) / License: CC-BY"
    assert clean_body(text + "\n\n" + tags) == text
    see_also = "See also [the first part](/a), [the second](/b) and [the third](/c)."
    assert clean_body(text + "\n\n" + see_also) == text + "\n\n" + see_also


def test_a_pager_s_arrows_leave_the_last_comment():
    text = (
        "It has broken through in a big way. * [«](/post/x/page/0#comments)\n* [»](/post/x/page/2#comments)"
    )
    assert clean_comment_text(text) == "It has broken through in a big way."
    assert clean_comment_text("See [this](https://a.b/c) for more") == "See [this](https://a.b/c) for more"


def test_a_link_the_page_shows_three_times_is_navigation_wherever_it_stands_in_the_body():
    from tasks.segment.lines import split_lines

    top = "[Back to top](https://blog.example/p/1#top)"
    paras = [f"Paragraph {i} says what the article is about in some detail." for i in range(6)]
    page = "\n\n".join([paras[0], top, paras[1], top, *paras[2:], top])
    seg = Segmentation(title="T", byline=None, body="\n\n".join([paras[0], top, *paras[1:]]))
    tidy(seg, split_lines(page, True), {})
    assert top not in seg.body and seg.body.startswith(paras[0]) and seg.body.endswith(paras[-1])


def test_a_title_holding_a_web_address_gives_way_to_the_page_s_own_heading():
    from tasks.segment.lines import split_lines

    lines = split_lines(
        "# The Picasa .pmp format\n\n> Archived copy. Source: <https://a.example/p>\n\nText.", True
    )
    assert clean_title("Archived copy. Source: https://a.example/p", lines, {}) == "The Picasa .pmp format"
    assert (
        clean_title("Archived copy. Source: https://a.example/p", [], {})
        == "Archived copy. Source: https://a.example/p"
    )


def test_a_title_loses_a_field_label_a_permalink_mark_and_site_names_in_a_row():
    assert clean_title("title: Android Web Gallery Example", [], {}) == "Android Web Gallery Example"
    assert (
        clean_title("How to use the pre-built ReAct agent ¶", [], {})
        == "How to use the pre-built ReAct agent"
    )
    assert clean_title("Lexical state updates | dio.la - Dani's blog", [], {}) == "Lexical state updates"


def test_the_comment_heading_quoting_the_post_gives_the_title():
    lines = split_lines(
        "Some text.\n\n## 4 thoughts on “How to Perform TF-IDF Analysis via Python?”\n\nAnn", True
    )
    assert clean_title(None, lines, {}) == "How to Perform TF-IDF Analysis via Python?"
    assert clean_title("How to Perform TF-IDF Analysis via Python? – SEO", lines, {}) == (
        "How to Perform TF-IDF Analysis via Python?"
    )
    # a plain-text reading returns only words the page shows: '“How' is not 'How'
    text_lines = split_lines("Some text.\n\n4 thoughts on “How to Perform TF-IDF Analysis”\n\nAnn", False)
    assert clean_title(None, text_lines, {}, markdown=False) is None
    spaced = split_lines("Some text.\n\n9 réflexions sur « Les limites du body positive »\n\nAnn", False)
    assert clean_title(None, spaced, {}, markdown=False) == "Les limites du body positive"
    # a heading quoting another post does not replace a title of the page's own
    assert clean_title("Filter one table by another", lines, {}) == "Filter one table by another"


def test_a_title_read_from_an_address_takes_the_pages_own_line():
    lines = split_lines(
        "Import AI 400: Distillation scaling laws; and wafer-scale computation\n\nText.", False
    )
    slug = "import ai 400 distillation scaling laws and wafer scale computation"
    assert (
        clean_title(slug, lines, {})
        == "Import AI 400: Distillation scaling laws; and wafer-scale computation"
    )


def test_a_name_loses_markup_and_the_name_it_answers():
    assert clean_author('<h6 class="author">Martin</h6>') == "Martin"
    assert clean_author("kalqlate *>* Paul Jurczak") == "kalqlate"


def test_the_last_comment_loses_the_widgets_closing_lines():
    text = "Thanks\n\n- [Powered by Disqus](https://disqus.com)"
    seg = Segmentation(
        title="T",
        byline=None,
        body="Body.",
        comments=[Comment(position=0, author="Ann", text=text, rule="r")],
    )
    tidy(seg, [], {})
    assert seg.comments[0].text == "Thanks"


def test_the_sections_closing_lines_leave_the_body_and_the_last_comment():
    body = "First paragraph of the article.\n\nYou can follow any responses to this entry.\nBoth comments and pings are currently closed."
    assert (
        clean_body(body) == "First paragraph of the article.\n\nYou can follow any responses to this entry."
    )
    text = "I agree with the post.\n\nNotify me of new comments via e-mail."
    seg = Segmentation(
        title="T", byline=None, body="B.", comments=[Comment(position=0, author="A", text=text, rule="r")]
    )
    tidy(seg, [], {})
    assert seg.comments[0].text == "I agree with the post."
    # the article asking for comments keeps its last words
    assert clean_body("Text.\n\nTell me what you think in the comments below!") == (
        "Text.\n\nTell me what you think in the comments below!"
    )


def test_a_code_blocks_closing_brace_is_no_widget_and_an_author_note_leaves_the_body():
    code = "Call it like this:\n\nint f() {\n    return 1;\n}\n\n}"
    assert clean_body(code).endswith("}\n\n}")
    assert clean_body("Text of the article.\n\nMore of it.\n\n☰") == "Text of the article.\n\nMore of it."
    seg = Segmentation(
        title="T",
        byline="By Michael Elad",
        body="What deep learning changed.\n\nMichael Elad is a professor of computer science at the Technion.",
        comments=[],
    )
    tidy(seg, [], {})
    assert seg.body == "What deep learning changed."
