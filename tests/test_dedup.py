"""Duplicates: SimHash, the batch and run indexes, and batches running together settled as one at a time."""

from __future__ import annotations

import hashlib
import random
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tasks.dedup import _WORD, BatchDedup, DedupIndex, _words, distance, exact_key, simhash
from tasks.models import InputFile
from tests.extract.html_pages import (
    PLAIN_ARTICLE,
)


def test_simhash_near_and_far():
    base = " ".join(f"word{i} sits in sentence {i % 7} of the story" for i in range(120))
    edited = base.replace("word55 sits", "word55 stands", 1)
    other = " ".join(f"token{i} appears elsewhere in paragraph {i % 5}" for i in range(120))
    assert distance(simhash(base), simhash(edited)) <= 3
    assert distance(simhash(base), simhash(other)) > 10
    assert simhash("too short to judge") is None


_MASK64 = (1 << 64) - 1


def _reference_simhash(text: str) -> int | None:
    """The documented SimHash in plain Python: word 4-gram shingles of the case-folded text's
    `\\w+` words, the set of distinct shingle hashes, each bit set when most of them have it."""
    words = re.findall(r"\w+", text.casefold())
    if len(words) < 4:
        return None
    hashed = [int.from_bytes(hashlib.blake2b(w.encode(), digest_size=8).digest(), "little") for w in words]

    def mix(h: int) -> int:
        h ^= h >> 30
        h = h * 0xBF58476D1CE4E5B9 & _MASK64
        h ^= h >> 27
        h = h * 0x94D049BB133111EB & _MASK64
        return h ^ (h >> 31)

    shingles = set()
    for i in range(len(words) - 3):
        h = hashed[i]
        for j in range(1, 4):
            h = mix((h * 0x9E3779B97F4A7C15 & _MASK64) ^ hashed[i + j])
        shingles.add(h)
    if len(shingles) < 16:
        return None
    value = sum(1 << b for b in range(64) if 2 * sum(h >> b & 1 for h in shingles) > len(shingles))
    return value - (1 << 64) if value >= 1 << 63 else value


# Latin-1 letters, digits and signs, typographic punctuation, letters beyond Latin-1, a combining
# mark, letters whose case folding leaves Latin-1 ('µ', 'İ', 'ẞ') or enters it (Kelvin sign)
wordish = st.text(
    alphabet=st.sampled_from("aB9_ .,'-\t\nßÀéµª²½×÷\u00a0’“”–—…•„ΣΩİẞ\u212a中\u0301"), max_size=80
)


@given(wordish)
@settings(max_examples=1000)
def test_simhash_words_equal_the_regex_words(text: str) -> None:
    words = [w.decode("latin-1") if isinstance(w, bytes) else w for w in _words(text)]
    assert words == _WORD.findall(text.casefold())


@given(
    st.lists(
        st.sampled_from(["Alpha", "beta", "GAMMA", "straße", "déjà", "Σίσυφος", "’", "—", "x1"]), max_size=60
    )
)
@settings(max_examples=300)
def test_simhash_equals_the_plain_definition(tokens: list[str]) -> None:
    text = " ".join(tokens)
    assert simhash(text) == _reference_simhash(text)


def test_simhash_of_a_long_text_equals_the_plain_definition():
    """Over 255 distinct shingles: the bit counts are summed in chunks."""
    rng = random.Random(5)
    vocabulary = [f"w{i}" for i in range(300)] + ["été", "’", "naïve"]
    for size in (300, 700, 2000):
        text = " ".join(rng.choice(vocabulary) for _ in range(size))
        assert simhash(text) == _reference_simhash(text)


def test_batch_dedup_within_and_across_batches():
    run = DedupIndex()
    first = BatchDedup(run)
    key = exact_key("http://a.example/1", "t1")
    assert first.duplicate_of(key, "a.txt") is None
    assert first.duplicate_of(key, "b.txt") == "a.txt"
    assert first.duplicate_of(exact_key("http://a.example/2", "t1"), "c.txt") is None  # other URL
    value = simhash(PLAIN_ARTICLE * 3)
    assert first.near_duplicate_of(value, "a.txt") is None
    run.merge(first.new)
    second = BatchDedup(run)
    assert second.duplicate_of(key, "d.txt") == "a.txt"
    assert second.duplicate_of(key, "a.txt") is None  # a new version of the same source
    assert second.near_duplicate_of(value ^ 0b101, "e.txt") == "a.txt"


@settings(max_examples=25, deadline=None)
@given(st.randoms(use_true_random=False), st.integers(1, 3))
def test_near_index_finds_what_a_scan_of_every_page_finds(rng, fold_every):
    """The banded, folded index answers like a scan of all earlier pages: the closest within
    MAX_DISTANCE, ties to the first met band by band, across folds into its arrays."""
    from tasks.dedup import MAX_DISTANCE, NearIndex, _bands

    index, pages = NearIndex(), []
    index.FOLD_AT = 3 * fold_every
    for n in range(60):
        if pages and rng.random() < 0.5:  # a near copy of an earlier page: a few bits flipped
            flips = 0
            for _ in range(rng.randrange(5)):
                flips |= 1 << rng.randrange(64)
            value = (rng.choice(pages)[0] & ((1 << 64) - 1)) ^ flips
            value = value - (1 << 64) if value >= 1 << 63 else value  # signed, as stored
        else:
            value = rng.getrandbits(64) - (1 << 63)
        expected, best = None, None
        for band in _bands(value):  # the plain scan: band by band, oldest first
            for other, source in pages:
                d = distance(value, other)
                if band in _bands(other) and d <= MAX_DISTANCE and (best is None or d < best):
                    expected, best = source, d
        dedup = BatchDedup(DedupIndex(near=index))
        assert dedup.near_duplicate_of(value, f"page-{n}") == expected
        index.add(value, f"page-{n}")
        pages.append((value, f"page-{n}"))
    assert len(index) == len(pages)


def test_batches_running_together_settle_their_shared_pages_as_duplicates(tmp_path):
    """Two batches started with the same snapshot both load a text; the later result is settled."""
    from tasks.pipeline import process_batch, settle_late_duplicates
    from tests.conftest import SEED_EXAMPLE

    seed = SEED_EXAMPLE.read_bytes()
    files = []
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_bytes(seed)
        st_ = (tmp_path / name).stat()
        files.append(InputFile(str(tmp_path / name), name, st_.st_size, st_.st_mtime_ns))
    wh = tmp_path / "wh"
    snapshot = DedupIndex()  # what both batches were given: nothing loaded yet
    first = process_batch(files[:1], {}, wh, "r1", "part-00000", seen=snapshot)
    second = process_batch(files[1:], {}, wh, "r1", "part-00001", seen=snapshot)
    assert second.counts["articles"] == 1 and second.counts["records_duplicate"] == 1  # c dup of b
    comments_before = second.counts["comments"]
    assert comments_before == 50

    run = DedupIndex()
    assert settle_late_duplicates(first, run, wh) == 0
    run.merge(first.dedup)
    assert settle_late_duplicates(second, run, wh) == 1
    run.merge(second.dedup)

    assert (second.counts["articles"], second.counts["comments"]) == (0, 0)
    assert (second.counts["records_loaded"], second.counts["records_duplicate"]) == (0, 2)
    assert not second.parts.get("articles") and not second.parts.get("comments")  # files removed
    import pyarrow.parquet as pq

    pages = [r for rel, _ in second.parts["pages"] for r in pq.read_table(wh / rel).to_pylist()]
    assert {r["source"]: r["duplicate_of"] for r in pages} == {"b.txt": "a.txt", "c.txt": "a.txt"}
    for rel, n in first.parts["articles"] + first.parts["comments"]:
        assert pq.read_table(wh / rel).num_rows == n  # the first batch's rows are untouched
    assert list(run.exact.values()) == ["a.txt"]  # the settled source never becomes a holder


def test_batches_running_together_name_each_others_near_duplicates_as_one_at_a_time_would(tmp_path):
    """A page and its edited copy in batches started with the same snapshot: the later one's
    article names the earlier as its near duplicate once settled, as a one-batch-at-a-time run does."""
    import pyarrow.parquet as pq

    from tasks.pipeline import process_batch, settle_late_duplicates, settle_late_near_duplicates
    from tests.conftest import SEED_EXAMPLE

    seed = SEED_EXAMPLE.read_text(encoding="utf-8")
    comment = "That’s your reply kid? get a life."
    assert comment in seed
    files = []
    for name, text in (("a.txt", seed), ("b.txt", seed.replace(comment, "That’s your answer? get a life."))):
        (tmp_path / name).write_text(text, encoding="utf-8")
        st_ = (tmp_path / name).stat()
        files.append(InputFile(str(tmp_path / name), name, st_.st_size, st_.st_mtime_ns))

    def near_of(result, wh) -> dict:
        return {
            r["source"]: r["near_duplicate_of"]
            for rel, _ in result.parts["articles"]
            for r in pq.read_table(wh / rel).to_pylist()
        }

    one_at_a_time = DedupIndex()
    alone = tmp_path / "alone"
    first = process_batch(files[:1], {}, alone, "r0", "part-00000", seen=one_at_a_time)
    one_at_a_time.merge(first.dedup)
    second = process_batch(files[1:], {}, alone, "r0", "part-00001", seen=one_at_a_time)
    assert near_of(second, alone) == {"b.txt": "a.txt"}

    wh = tmp_path / "wh"
    snapshot = DedupIndex()
    first = process_batch(files[:1], {}, wh, "r1", "part-00000", seen=snapshot)
    second = process_batch(files[1:], {}, wh, "r1", "part-00001", seen=snapshot)
    assert near_of(second, wh) == {"b.txt": None}  # not seen while both ran
    run = DedupIndex()
    assert settle_late_near_duplicates(first, run, wh) == 0
    run.merge(first.dedup)
    assert settle_late_duplicates(second, run, wh) == 0  # not the same text: both stay loaded
    assert settle_late_near_duplicates(second, run, wh) == 1
    assert near_of(second, wh) == {"b.txt": "a.txt"}
    assert near_of(first, wh) == {"a.txt": None}
    assert second.counts["articles"] == 1 and second.counts["comments"] == 50


@settings(max_examples=15, deadline=None)
@given(st.randoms(use_true_random=False), st.integers(1, 40))
def test_near_index_over_crowded_bands_and_repeated_sources_answers_like_the_scan(rng, fold_at):
    """Pages of one template share bands by the dozen (the index compares such bands in numpy,
    small ones in Python) and a source may come again (its own entries never count): the answer
    is still the scan's — the closest other source, ties to the first met band by band."""
    from tasks.dedup import _FEW, MAX_DISTANCE, NearIndex, _bands

    index, pages = NearIndex(), []
    index.FOLD_AT = fold_at
    bases = [rng.getrandbits(64) - (1 << 63) for _ in range(2)]
    for _ in range(4 * _FEW):
        flips = 0
        for _ in range(rng.randrange(6)):
            flips |= 1 << rng.randrange(64)
        value = (rng.choice(bases) & ((1 << 64) - 1)) ^ flips
        value = value - (1 << 64) if value >= 1 << 63 else value
        source = f"page-{rng.randrange(30)}"
        expected, best = None, None
        for band in _bands(value):
            for other, other_source in pages:
                d = distance(value, other)
                if (
                    other_source != source
                    and band in _bands(other)
                    and d <= MAX_DISTANCE
                    and (best is None or d < best)
                ):
                    expected, best = (d, other_source), d
        assert index.nearest(value, source) == expected
        index.add(value, source)
        pages.append((value, source))
