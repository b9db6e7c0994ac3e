"""The segmenter's fast paths give exactly what the plain regular expressions they replace give."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tasks.segment.lines import is_menu_row, strip_links

# The link pattern as one regex substitution: the reference the linear stripper must equal.
_LINK = re.compile(r"\[([^\]]*)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)")
_MENU_SPLIT = re.compile(r"\s{2,}|\s*[|·•]\s*")

markdownish = st.text(alphabet=st.sampled_from('[]()"! ab\\\t·|•\u00a0'), max_size=40)


@given(markdownish)
@settings(max_examples=2000)
def test_strip_links_equals_the_regex_substitution(text: str) -> None:
    assert strip_links(text) == _LINK.sub(r"\1", text)


def test_strip_links_on_a_line_of_brackets() -> None:
    """Thousands of '[' before one ']' cost the regex a scan per '[': the stripper keeps them as
    they are, and a link after them still loses its markup."""
    line = "[ " * 20_000 + "] tail [text](https://example.org/a)"
    assert strip_links(line) == "[ " * 20_000 + "] tail text"


@given(markdownish)
@settings(max_examples=1000)
def test_menu_row_precheck_agrees_with_the_split(text: str) -> None:
    items = [i for i in _MENU_SPLIT.split(text.strip()) if i]
    expected = len(items) >= 3 and all(len(i.split()) <= 3 and not re.search(r"[.!?…:;,]$", i) for i in items)
    assert is_menu_row(text) == expected
