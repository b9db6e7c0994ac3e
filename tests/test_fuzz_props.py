"""Property tests of the read, clean and segment stages on generated input (a short run of the
invariants in fuzz/strategies.py; `python -m fuzz.run` runs the same checks for hours if asked)."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from fuzz import strategies as fz

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(fz.names, fz.raw_bytes)
def test_read_returns_records_or_a_reject(name, data):
    fz.check_read(name, data)


@FAST
@given(fz.page, st.sampled_from(["gzip", "zstd"]), st.integers(1, 4))
def test_compressed_input_reads_as_the_plain_text(text, kind, frames):
    fz.check_compressed_round_trip(text, kind, frames)


@settings(max_examples=6, deadline=None)
@given(st.sampled_from(["gzip", "zstd"]), st.integers(1000, 200_000))
def test_expansion_past_the_limit_is_rejected(kind, size):
    fz.check_bomb(kind, size)


@FAST
@given(st.binary(max_size=300))
def test_corrupt_compressed_streams_are_rejects(data):
    fz.check_gzip_trailing_garbage(data)
    fz.check_zlib_noise(data)


@FAST
@given(st.one_of(fz.page, st.text()))
@example("\u00c2\x1f\u00a1")  # found by the long fuzz run: the control character hid a mojibake pair
def test_clean_is_idempotent_and_leaves_storable_text(text):
    fz.check_clean(text)


@FAST
@given(fz.page, st.booleans())
def test_segment_never_fails_and_only_returns_words_of_the_page(text, markdown):
    fz.check_segment(text, markdown)


_WORDS = st.sampled_from(["the", "war", "Raqqa", "Palmyra", "ISIS", "fleeing", "toward", "x", "é", "-"])
_SPACES = st.sampled_from([" ", "  ", "\n", "\t", "\u00a0", "\n\n"])


def _spaced(words: list[str], spaces: list[str]) -> str:
    return "".join(w + spaces[i % len(spaces)] for i, w in enumerate(words))


@settings(max_examples=400, deadline=None)
@given(
    st.lists(_WORDS, max_size=30),
    st.lists(_SPACES, min_size=1, max_size=4),
    st.lists(_WORDS, max_size=8),
    st.lists(_SPACES, min_size=1, max_size=3),
    st.one_of(st.none(), st.integers(0, 30)),
)
def test_text_in_body_answers_as_its_definition(body_words, body_spaces, words, spaces, quote_at):
    """The helper column behind `text_not_in_body`, which skips normalising bodies it can rule
    out, answers as the plain definition: the normalised text, of at least four words, stands in
    the normalised body."""
    from tasks.validate import TEXT_IN_BODY_MIN_WORDS, TextInBody

    if quote_at is not None:  # often a real quote of the body, spaced differently
        words = body_words[quote_at : quote_at + len(words) + 4]
    body, text = _spaced(body_words, body_spaces), _spaced(words, spaces)
    squashed_text, squashed_body = " ".join(text.split()), " ".join(body.split())
    expected = len(text.split()) >= TEXT_IN_BODY_MIN_WORDS and squashed_text in squashed_body
    check = TextInBody({"a": body, "b": None})
    assert check("a", text) == expected
    assert check("a", text) == expected  # the normalised body, kept, gives the same answer
    assert check("b", text) is False and check("missing", text) is False


@settings(max_examples=500, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list(' \t\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029{"ab\u00a0é')), max_size=40)
)
def test_first_line_is_the_first_non_blank_line_splitlines_gives(head):
    """The JSON Lines sniffer finds the first line without splitting the whole head."""
    from tasks.readers.jsonl import first_line

    assert first_line(head) == next((line for line in head.splitlines() if line.strip()), "")
