"""The segmenter's fast paths give exactly what the plain regular expressions they replace give."""

from __future__ import annotations

import re
import tomllib
from functools import cache

from hypothesis import given, settings
from hypothesis import strategies as st

import tasks.segment.lines as lines_module
from tasks.segment.alternatives import CASE_FOLD, LineUnion, contained_text, edge_chars, fold_case
from tasks.segment.backtracking import SLOW_CALL, adversarial_lines, line_tests, worst_case
from tasks.segment.lines import is_menu_row, strip_links
from tasks.segment.rules import RULES_FILE, load_rules

# The link pattern as one regex substitution: the reference the linear stripper must equal.
_LINK = re.compile(r"\[([^\]]*)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)")
_MENU_SPLIT = re.compile(r"\s{2,}|\s*[|·•]\s*")

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


@given(markdownish)
@settings(max_examples=1000)
def test_menu_row_precheck_agrees_with_the_split(text: str) -> None:
    items = [i for i in _MENU_SPLIT.split(text.strip()) if i]
    expected = len(items) >= 3 and all(len(i.split()) <= 3 and not re.search(r"[.!?…:;,]$", i) for i in items)
    assert is_menu_row(text) == expected


def _unions() -> list[LineUnion]:
    rules = load_rules()
    found = [v for v in vars(rules).values() if isinstance(v, LineUnion)]
    for system in (*rules.systems, rules.generic):
        found += [v for v in vars(system).values() if isinstance(v, LineUnion)]
    return found


_ALTERNATIVES = [(u, i) for u in _unions() for i in range(len(u.alternatives))]


def _same(union: LineUnion, text: str) -> None:
    assert (union.fullmatch(text) is None) == (union.whole.fullmatch(text) is None)


@given(st.data())
@settings(max_examples=400, deadline=None)
def test_line_union_matches_every_line_an_alternative_matches(data: st.DataObject) -> None:
    """A line drawn to match one rule alternative is matched by the split union as by the whole."""
    union, i = data.draw(st.sampled_from(_ALTERNATIVES))
    text = data.draw(st.from_regex(re.compile(union.alternatives[i], union.flags), fullmatch=True))
    _same(union, text)
    if text:
        assert union.fullmatch(text) is not None


@given(
    st.sampled_from(_unions()), st.text(alphabet=st.sampled_from("aKkſSsİi1 .:→»•|é\u212a\t"), max_size=12)
)
@settings(max_examples=400, deadline=None)
def test_line_union_agrees_with_the_whole_union_on_any_line(union: LineUnion, text: str) -> None:
    _same(union, text)


def test_first_chars_of_patterns() -> None:
    first = edge_chars(r"(?:on\s+)?\d+ (comments?|replies)", re.IGNORECASE)
    assert first is not None
    assert all(first.fullmatch(c) for c in "oO7")
    assert not any(first.fullmatch(c) for c in "xc ")
    assert edge_chars(r".{1,120} →", re.IGNORECASE) is None
    assert edge_chars(r"(?<!\w)tip jar", re.IGNORECASE).fullmatch("T") is not None


@given(st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=60))
@settings(max_examples=500)
def test_line_keys_from_the_casefolded_page_equal_those_of_each_line(text: str) -> None:
    by_line = {" ".join(line.split()).casefold() for line in text.split("\n")}
    by_page = {" ".join(line.split()) for line in set(text.casefold().split("\n"))}
    assert by_page == by_line


@cache
def _button_words() -> list[str]:
    with open(RULES_FILE, "rb") as fh:
        return tomllib.load(fh)["any_system"]["buttons"]


@given(st.lists(st.sampled_from([*_button_words(), "x", "likes", " ", "·", "é", "_", "1"]), max_size=8))
@settings(max_examples=500)
def test_button_word_trie_finds_what_the_word_list_finds(parts: list[str]) -> None:
    """The button-word pattern is a trie of the words: it must find a word where the plain
    alternation of the rule table's words does, and only there."""
    listed = re.compile(rf"(?<!\w)(?:{'|'.join(_button_words())})(?!\w)", re.IGNORECASE)
    text = "".join(p.replace("\\", "") for p in parts)
    assert (load_rules().button_word.search(text) is None) == (listed.search(text) is None)


def _opens_block(first: str) -> bool:
    return first in lines_module._MD_BLOCK_MARKS or first.isdecimal()


# (pattern, how split_lines calls it, the test on the stripped line's first character it is guarded by)
_GUARDED = [
    (lines_module._MD_SETEXT_H1.match, False, lambda f: f == "="),
    (lines_module._MD_RULE.match, True, _opens_block),
    (lines_module._FENCE.match, True, _opens_block),
    (lines_module._MD_EMPTY_ITEM.match, True, _opens_block),
    (lines_module._HTML_COMMENT.match, True, _opens_block),
    (lines_module._MD_HEADING.match, False, lambda f: f == "#"),
    (lines_module._TEXT_HEADING.match, False, lambda f: f == "#"),
    (lines_module._LINK_ONLY.match, True, lambda f: f in lines_module._LINK_ONLY_MARKS),
    (lines_module._MD_LIST.match, False, lambda f: f in ("*", "+", "-") or f.isdecimal()),
]


@given(st.text(alphabet=st.sampled_from(" \t=-*_`~+<!>#[]()|•·,;/→«»a1٣.)h:w"), max_size=14))
@settings(max_examples=1000)
def test_line_patterns_only_match_lines_opening_with_their_marks(line: str) -> None:
    """split_lines skips each pattern on lines whose first character it cannot match."""
    stripped = line.strip()
    for match, on_stripped, may_open in _GUARDED:
        if match(stripped if on_stripped else line) is not None:
            assert may_open(stripped[:1])
    if lines_module._BARE_URL.fullmatch(stripped):
        assert stripped[:1] in ("h", "w")


_CONTAINED = [(u, t) for u in _unions() for t in u._contained.values()]
# letters re takes as equal to others when ignoring case: Kelvin sign, long s, dotted and dotless i
_LOOKALIKES = "kK\u212asS\u017fiI\u0130\u0131eEéÉ \u00a0\n"


@given(st.sampled_from(_CONTAINED), st.data())
@settings(max_examples=500, deadline=None)
def test_contained_text_alternatives_match_like_the_regex(picked, data: st.DataObject) -> None:
    """'.*text.*' alternatives are a substring test on case-folded lines: the same lines match,
    whatever case, look-alike letter or newline the text shows."""
    union, text = picked
    chars = [data.draw(st.sampled_from([c, c.upper(), *_LOOKALIKES])) for c in text]
    around = st.text(alphabet=st.sampled_from(_LOOKALIKES + "xy"), max_size=4)
    line = data.draw(around) + "".join(chars) + data.draw(around)
    _same(union, line)


def test_contained_text_is_found_only_for_a_text_between_two_runs_of_anything() -> None:
    assert contained_text(r".*we use cookies.*", re.IGNORECASE) == "we use cookies"
    assert contained_text(r".*bookmark the permalink\.?", re.IGNORECASE) is None
    assert contained_text(r".*(a|b).*", re.IGNORECASE) is None
    assert contained_text(r".*a.*", re.IGNORECASE | re.DOTALL) is None


def test_ascii_text_folds_to_its_lower_case() -> None:
    """fold_case takes str.lower() for ASCII text: re folds every ASCII character to exactly that."""
    ascii_chars = "".join(map(chr, range(128)))
    assert ascii_chars.translate(CASE_FOLD) == ascii_chars.lower() == fold_case(ascii_chars)


def test_backtracking_check_covers_every_rule_union_and_finds_an_exponential_pattern() -> None:
    rules = load_rules()
    tests = line_tests(rules)
    assert {
        id(u.__self__) for u in tests.values() if isinstance(getattr(u, "__self__", None), LineUnion)
    } >= {id(u) for u in _unions()}
    took, line = worst_case(re.compile(r"(\d+\s*)+").fullmatch, adversarial_lines())
    assert took > SLOW_CALL and re.search(r"\d{8}", line.replace(" ", ""))
