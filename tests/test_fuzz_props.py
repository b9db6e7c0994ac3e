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
