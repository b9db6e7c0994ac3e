"""Exact and near duplicates across sources, within a run and against what is already loaded.

Exact: the same cleaned text under the same URL (or both without one); a second source with
it is recorded in `pages.duplicate_of` and not loaded again. The same text under different URLs
(syndication, or a scraper's error page saved for many URLs) is not dropped: it loads and is
flagged as a near duplicate. Near: a 64-bit SimHash over word 4-gram shingles of
an article body; bodies within 3 differing bits are flagged in `articles.near_duplicate_of`
(still loaded: a near duplicate may be a corrected or syndicated version worth keeping). The
lookup uses 4 bands of 16 bits: two hashes within 3 bits agree on at least one whole band.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np

SHINGLE_WORDS = 4
MIN_SHINGLES = 16  # shorter bodies collide too easily to be called near duplicates
MAX_DISTANCE = 3
_BANDS = 4
_BAND_BITS = 64 // _BANDS
_WORD = re.compile(r"\w+")


def text_hash(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", errors="surrogatepass"), digest_size=16).hexdigest()


def exact_key(url: str | None, digest: str) -> str:
    """What makes two records the same page: equal text hash, equal URL."""
    return f"{url or ''}\x00{digest}"


def _mix(h: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser: every input bit reaches every output bit."""
    h = h ^ (h >> np.uint64(30))
    h = h * np.uint64(0xBF58476D1CE4E5B9)
    h = h ^ (h >> np.uint64(27))
    h = h * np.uint64(0x94D049BB133111EB)
    return h ^ (h >> np.uint64(31))


_WORD_HASHES: dict[str, int] = {}  # per process: pages share most of their words
_WORD_HASHES_MAX = 100_000  # ~20 MB


def _word_hashes(words: list[str]) -> np.ndarray:
    """Each word's stable 64-bit hash (blake2b), computed once per process per distinct word."""
    known = _WORD_HASHES
    missing = set(words).difference(known)
    if len(known) + len(missing) > _WORD_HASHES_MAX:
        known.clear()
        missing = set(words)
    for w in missing:
        known[w] = int.from_bytes(hashlib.blake2b(w.encode(), digest_size=8).digest(), "little")
    return np.fromiter(map(known.__getitem__, words), dtype=np.uint64, count=len(words))


def simhash(text: str) -> int | None:
    """Signed 64-bit SimHash of the text's word shingles; None when the text is too short.

    Each distinct word is hashed once per process (blake2b, stable across processes); a
    shingle's hash combines its words' hashes with numpy.
    """
    words = _WORD.findall(text.casefold())
    if len(words) < SHINGLE_WORDS:
        return None
    hashed = _word_hashes(words)
    n = len(words) - SHINGLE_WORDS + 1
    with np.errstate(over="ignore"):
        h = hashed[:n].copy()
        for j in range(1, SHINGLE_WORDS):
            h = _mix(h * np.uint64(0x9E3779B97F4A7C15) ^ hashed[j : j + n])
    shingles = np.unique(h)
    if len(shingles) < MIN_SHINGLES:
        return None
    bits = np.unpackbits(shingles.view(np.uint8).reshape(-1, 8), axis=1, bitorder="little")
    majority = bits.sum(axis=0, dtype=np.int64) * 2 > len(shingles)
    value = int.from_bytes(np.packbits(majority, bitorder="little").tobytes(), "little")
    return value - (1 << 64) if value >= 1 << 63 else value


def _bands(value: int) -> list[tuple[int, int]]:
    unsigned = value & ((1 << 64) - 1)
    return [(b, (unsigned >> (b * _BAND_BITS)) & ((1 << _BAND_BITS) - 1)) for b in range(_BANDS)]


def distance(a: int, b: int) -> int:
    return ((a ^ b) & ((1 << 64) - 1)).bit_count()


@dataclass(slots=True)
class DedupIndex:
    """Text hashes and body SimHashes of loaded pages, each with the source that holds it."""

    exact: dict[str, str] = field(default_factory=dict)
    near: dict[tuple[int, int], list[tuple[int, str]]] = field(default_factory=lambda: defaultdict(list))
    added: list[tuple[str, int | None, str]] = field(default_factory=list)  # (text hash, simhash, source)

    def add_exact(self, digest: str, source: str) -> None:
        self.exact.setdefault(digest, source)
        self.added.append((digest, None, source))

    def add_near(self, value: int, source: str) -> None:
        for band in _bands(value):
            self.near[band].append((value, source))
        self.added.append(("", value, source))

    def merge(self, other: DedupIndex) -> None:
        """Take over what another index (a finished batch) added."""
        for digest, value, source in other.added:
            if value is None:
                self.exact.setdefault(digest, source)
            else:
                for band in _bands(value):
                    self.near[band].append((value, source))


@dataclass(slots=True)
class BatchDedup:
    """A batch's view: the run's index so far (read only) plus what this batch adds."""

    base: DedupIndex
    new: DedupIndex = field(default_factory=DedupIndex)

    def duplicate_of(self, digest: str, source: str) -> str | None:
        """The source already holding this exact text, or None (then this source holds it)."""
        holder = self.new.exact.get(digest) or self.base.exact.get(digest)
        if holder is not None and holder != source:
            return holder
        if holder is None:
            self.new.add_exact(digest, source)
        return None

    def near_duplicate_of(self, value: int | None, source: str) -> str | None:
        """The closest earlier source within MAX_DISTANCE bits, then remember this one."""
        if value is None:
            return None
        best: tuple[int, str] | None = None
        for index in (self.base, self.new):
            for band in _bands(value):
                for other, other_source in index.near.get(band, ()):
                    if other_source == source:
                        continue
                    d = distance(value, other)
                    if d <= MAX_DISTANCE and (best is None or d < best[0]):
                        best = (d, other_source)
        self.new.add_near(value, source)
        return best[1] if best else None


def index_from_keys(exact: list[tuple[str, str]], near: list[tuple[int, str]]) -> DedupIndex:
    """An index of what is loaded, from `tasks.load.read_dedup_keys`."""
    index = DedupIndex()
    for digest, source in exact:
        index.exact.setdefault(digest, source)
    for value, source in near:
        for band in _bands(value):
            index.near[band].append((value, source))
    return index
