"""A page's lines: the linear link stripper equals the regex it replaces, and the keys that tell a
site's repeated lines apart agree between the batch's count and each line's feature."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tasks.segment.features import boilerplate_key
from tasks.segment.lines import comment_text, split_lines, strip_links

# The link pattern as one regex substitution: the reference the linear stripper must equal.
_LINK = re.compile(r"\[([^\]]*)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)")

markdownish = st.text(alphabet=st.sampled_from('[]()"! ab\\\t·|•\u00a0\u2009\n'), max_size=40)


@given(markdownish)
@settings(max_examples=1000)
def test_strip_links_equals_the_regex_substitution(text: str) -> None:
    assert strip_links(text) == _LINK.sub(r"\1", text)


def test_strip_links_on_a_line_of_brackets() -> None:
    """Thousands of '[' before one ']' cost the regex a scan per '[': the stripper keeps them as
    they are, and a link after them still loses its markup."""
    line = "[ " * 20_000 + "] tail [text](https://example.org/a)"
    assert strip_links(line) == "[ " * 20_000 + "] tail text"


@given(st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=60))
@settings(max_examples=500)
def test_line_keys_from_the_casefolded_page_equal_those_of_each_line(text: str) -> None:
    """`batch_boilerplate` keys a page's lines from the casefolded page at once; the feature keys
    each line on its own: both must give the same key for the same line."""
    by_page = {" ".join(line.split()) for line in set(text.casefold().split("\n"))}
    for markdown in (False, True):
        for line in split_lines(text, markdown):
            assert boilerplate_key(line) in by_page


def test_lines_know_their_row_in_the_file():
    text = "Title\n\n\nFirst paragraph.\n   \nSecond.\n"
    lines = split_lines(text, markdown=False)
    assert [(ln.row, ln.gap, ln.plain) for ln in lines] == [
        (0, 0, "Title"),
        (3, 2, "First paragraph."),
        (5, 1, "Second."),
    ]


def test_comment_text_drops_the_marks_of_a_thread_not_of_the_text():
    (quoted, listed, plain, starred) = split_lines(
        "> > Nested reply\n\n* Listed reply\n\nPlain\n\n**Bold** start\n", markdown=True
    )
    assert [comment_text(ln) for ln in (quoted, listed, plain)] == ["Nested reply", "Listed reply", "Plain"]
    assert comment_text(starred) == "**Bold** start"


def test_a_javascript_link_with_escaped_parentheses_is_a_link_not_prose():
    line = split_lines("* [   Light Mode ](javascript:updateTheme\\('light'\\); setThemeUI\\(\\);)", True)[0]
    assert line.plain == "Light Mode"
    assert split_lines('[a](http://x.org/a_(b)) and [c](d "t")', True)[0].plain == "a and c"


def test_pandoc_marks_go_and_the_rows_stay():
    page = (
        "::: {#content .site}\n"
        "Le grand méchant client {#le-grand .post-title}\n"
        "[J'aime]{.button} [chargement...]{.loading}\n"
        "1.  ::: {#comment-1 .comment}\n"
        "    ![](https://x.org/a.png){.avatar\n"
        '    .avatar-32 width="32"} lyly dit :\n'
        ":::\n"
        "Texte du commentaire."
    )
    lines = split_lines(page, True)
    assert [ln.plain for ln in lines] == [
        "Le grand méchant client",
        "J'aime chargement...",
        "lyly dit :",
        "Texte du commentaire.",
    ]
    assert [ln.row for ln in lines] == [1, 2, 5, 7]


def test_a_header_verb_wrapped_under_the_name_joins_it():
    lines = split_lines("chroniquedunhomme\ndit :\n\n25 janvier 2016\n\nMerci.", True)
    assert [ln.plain for ln in lines] == ["chroniquedunhomme dit :", "25 janvier 2016", "Merci."]
    # a verb after a blank line, or under a long line, is a line of its own
    assert (
        len(split_lines("A whole sentence of article text that runs on for a long while here\nsays:", False))
        == 2
    )


def test_template_tags_and_lone_hard_breaks_are_no_lines():
    page = "Title\n\n{% raw %}\nBody text.\\\n\\\n{{< giscus >}}\nMore."
    lines = split_lines(page, True)
    assert [ln.plain for ln in lines] == ["Title", "Body text.", "More."]
    assert lines[1].text == "Body text.\\"  # the page's own text keeps its mark


def test_inline_markup_a_converter_left_is_no_part_of_a_lines_words():
    page = '<code style="color : blue">Christiaan - February 10, 2012 at 10:55 am</code><br>\nGreat.'
    assert split_lines(page, True)[0].plain == "Christiaan - February 10, 2012 at 10:55 am"
