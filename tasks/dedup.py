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


def exact_key(url: str | None, digest: str) -> bytes:
    """What makes two records the same page: equal text hash, equal URL. 16 bytes of hash of
    both, so that the run's index of every loaded page stays small at any size."""
    return compact_key(f"{url or ''}\x00{digest}")


def compact_key(key: str) -> bytes:
    """`url NUL text hash` (as `tasks.load.read_dedup_keys` gives it) as an index key."""
    return hashlib.blake2b(key.encode("utf-8", errors="surrogatepass"), digest_size=16).digest()


_MIX_SHIFTS = (np.uint64(30), np.uint64(27), np.uint64(31))
_MIX_FACTORS = (np.uint64(0xBF58476D1CE4E5B9), np.uint64(0x94D049BB133111EB), None)
_SHINGLE_FACTOR = np.uint64(0x9E3779B97F4A7C15)


def _mix(h: np.ndarray, scratch: np.ndarray) -> None:
    """splitmix64's finaliser, in place: every input bit reaches every output bit."""
    for shift, factor in zip(_MIX_SHIFTS, _MIX_FACTORS, strict=True):
        np.right_shift(h, shift, out=scratch)
        h ^= scratch
        if factor is not None:
            h *= factor


# Characters outside Latin-1 that pages often put between words (typographic quotes, dashes,
# ellipsis, bullets): none is a word character, so a space in their place splits words alike.
_WIDE_PUNCTUATION = tuple(
    ch for ch in "\u2019\u2018\u201c\u201d\u2013\u2014\u2026\u2022\u201e" if not _WORD.fullmatch(ch)
)
# Latin-1 byte -> itself when `_WORD` counts it as a word character, else a space
_LATIN1_WORD_BYTES = bytes(b if _WORD.fullmatch(chr(b)) else 0x20 for b in range(256))


def _words(text: str) -> list[str] | list[bytes]:
    """`_WORD.findall(text.casefold())`; for text that is Latin-1 once its common wide punctuation
    is spaced out (most European pages), the same words as Latin-1 bytes, found without a regex
    scan (a byte table turns every non-word character into a space, then a split)."""
    folded = text.casefold()
    spaced = folded
    if not folded.isascii():
        for ch in _WIDE_PUNCTUATION:
            if ch in spaced:
                spaced = spaced.replace(ch, " ")
    try:
        encoded = spaced.encode("latin-1")
    except UnicodeEncodeError:
        return _WORD.findall(folded)
    return encoded.translate(_LATIN1_WORD_BYTES).split()


class _WordHashes(dict):
    """Word -> its stable 64-bit hash (blake2b, 8 little-endian bytes), computed on first use and
    kept per process: pages share most of their words. Keys are str or Latin-1 bytes words."""

    def __missing__(self, word: str | bytes) -> bytes:
        data = word.decode("latin-1").encode() if isinstance(word, bytes) else word.encode()
        digest = self[word] = hashlib.blake2b(data, digest_size=8).digest()
        return digest


_WORD_HASHES = _WordHashes()
_WORD_HASHES_MAX = 100_000  # ~20 MB


def _word_hashes(words: list[str] | list[bytes]) -> np.ndarray:
    """Each word's hash, as uint64."""
    joined = b"".join(map(_WORD_HASHES.__getitem__, words))
    if len(_WORD_HASHES) > _WORD_HASHES_MAX:
        _WORD_HASHES.clear()
    return np.frombuffer(joined, dtype="<u8").astype(np.uint64, copy=False)


def simhash(text: str) -> int | None:
    """Signed 64-bit SimHash of the text's word shingles; None when the text is too short.

    Words are `\\w+` runs of the case-folded text. Each distinct word is hashed once per process
    (blake2b, stable across processes); a shingle's hash combines its words' hashes with numpy.
    Each bit of the result is the majority vote of that bit over the distinct shingle hashes.
    """
    words = _words(text)
    if len(words) < SHINGLE_WORDS:
        return None
    hashed = _word_hashes(words)
    n = len(words) - SHINGLE_WORDS + 1
    h = hashed[:n].copy()  # shingle i: its first word's hash, then each next word mixed in
    scratch = np.empty_like(h)
    for j in range(1, SHINGLE_WORDS):
        h *= _SHINGLE_FACTOR
        h ^= hashed[j : j + n]
        _mix(h, scratch)
    h.sort()  # the distinct hashes: the first of each run of equal ones (cheaper than np.unique)
    first = np.empty(n, dtype=bool)
    first[0] = True
    np.not_equal(h[1:], h[:-1], out=first[1:])
    shingles = h[first]
    count = len(shingles)
    if count < MIN_SHINGLES:
        return None
    # Ones per bit position: each hash's bits unpacked to one byte each, rows summed as 8 uint64
    # lanes of 8 bytes, at most 255 rows at a time so that no byte carries into the next.
    lanes = np.unpackbits(shingles.view(np.uint8), bitorder="little").view(np.uint64).reshape(count, 8)
    sums = np.add.reduceat(lanes, np.arange(0, count, 255), axis=0)
    ones = sums.view(np.uint8).reshape(-1, 64).sum(axis=0, dtype=np.int64)
    value = int.from_bytes(np.packbits(ones * 2 > count, bitorder="little").tobytes(), "little")
    return value - (1 << 64) if value >= 1 << 63 else value


def _bands(value: int) -> list[int]:
    """The value's band keys: band number and the band's bits in one int."""
    unsigned = value & ((1 << 64) - 1)
    mask = (1 << _BAND_BITS) - 1
    return [(b << _BAND_BITS) | ((unsigned >> (b * _BAND_BITS)) & mask) for b in range(_BANDS)]


def distance(a: int, b: int) -> int:
    return ((a ^ b) & ((1 << 64) - 1)).bit_count()


class NearIndex:
    """Body SimHashes by band, to find those within MAX_DISTANCE bits of a new one.

    Most entries sit in numpy arrays (per band: the band's bits sorted, and whose they are):
    ~30 bytes a page besides its source name, however many pages the warehouse holds. The
    latest additions sit in a small dict until there are enough of them to fold in.
    """

    FOLD_AT = 4096

    def __init__(self) -> None:
        self.sources: list[str] = []  # entry id -> source
        self._values = np.empty(0, dtype=np.int64)  # SimHash of each folded entry
        self._keys = [np.empty(0, dtype=np.uint16) for _ in range(_BANDS)]  # band bits, sorted
        self._ids = [np.empty(0, dtype=np.int32) for _ in range(_BANDS)]  # entry id of each key
        self._recent_values: list[int] = []  # entries since the last fold
        self._recent: dict[int, list[int]] = defaultdict(list)  # band key -> their entry ids

    def __len__(self) -> int:
        return len(self.sources)

    def add(self, value: int, source: str) -> None:
        entry = len(self.sources)
        self.sources.append(source)
        self._recent_values.append(value)
        for band in _bands(value):
            self._recent[band].append(entry)
        if len(self._recent_values) >= self.FOLD_AT:
            self._fold()

    def _fold(self) -> None:
        values = np.concatenate([self._values, np.array(self._recent_values, dtype=np.int64)])
        unsigned = values.view(np.uint64)
        for b in range(_BANDS):
            keys = ((unsigned >> np.uint64(b * _BAND_BITS)) & np.uint64(0xFFFF)).astype(np.uint16)
            order = np.argsort(keys, kind="stable")  # equal keys stay oldest first
            self._keys[b], self._ids[b] = keys[order], order.astype(np.int32)
        self._values = values
        self._recent_values, self._recent = [], defaultdict(list)

    def nearest(self, value: int, source: str) -> tuple[int, str] | None:
        """(distance, source) of the first closest entry within MAX_DISTANCE bits of `value` under
        another source, taking entries band by band, oldest first, as the bands list them. A
        band of the folded entries is compared in one numpy step: pages of one template share
        bands by the thousand, and a Python loop over them grew with the run."""
        folded = len(self._values)
        best: tuple[int, str] | None = None
        for b, band in enumerate(_bands(value)):
            keys, bits = self._keys[b], np.uint16(band & 0xFFFF)  # same dtype: no cast of `keys`
            lo, hi = keys.searchsorted(bits, "left"), keys.searchsorted(bits, "right")
            if 0 < hi - lo <= _FEW:
                for entry in self._ids[b][lo:hi].tolist():
                    d = distance(value, int(self._values[entry]))
                    if d <= MAX_DISTANCE and (best is None or d < best[0]) and self.sources[entry] != source:
                        best = (d, self.sources[entry])
            elif hi > lo:
                ids = self._ids[b][lo:hi]
                apart = _popcount(self._values[ids] ^ np.int64(value))
                limit = MAX_DISTANCE if best is None else best[0] - 1
                near = np.flatnonzero(apart <= limit)
                # closest first, then in the band's order: the first under another source wins
                for k in near[np.argsort(apart[near], kind="stable")].tolist():
                    if self.sources[ids[k]] != source:
                        best = (int(apart[k]), self.sources[ids[k]])
                        break
            for entry in self._recent.get(band, ()):
                d = distance(value, self._recent_values[entry - folded])
                if d <= MAX_DISTANCE and (best is None or d < best[0]) and self.sources[entry] != source:
                    best = (d, self.sources[entry])
        return best


_FEW = 24  # a band holding at most this many entries is walked in Python: numpy's set-up costs more

_POP8 = np.array([bin(i).count("1") for i in range(256)], dtype=np.uint8)


def _popcount(values: np.ndarray) -> np.ndarray:
    """Set bits of each int64 (numpy 1.26 has no bitwise_count)."""
    return _POP8[values.view(np.uint8)].reshape(-1, 8).sum(axis=1, dtype=np.int64)


@dataclass(slots=True)
class DedupIndex:
    """Text hashes and body SimHashes of loaded pages, each with the source that holds it."""

    exact: dict[bytes, str] = field(default_factory=dict)
    near: NearIndex = field(default_factory=NearIndex)
    added: list[tuple[bytes, int | None, str]] = field(default_factory=list)  # (exact key, simhash, source)

    def add_exact(self, key: bytes, source: str) -> None:
        self.exact.setdefault(key, source)
        self.added.append((key, None, source))

    def add_near(self, value: int, source: str) -> None:
        self.near.add(value, source)
        self.added.append((b"", value, source))

    def nearest(self, value: int, source: str) -> tuple[int, str] | None:
        """(distance, source) of the closest entry within MAX_DISTANCE bits under another source
        (the oldest of equally close ones), or None."""
        return self.near.nearest(value, source)

    def merge(self, other: DedupIndex) -> None:
        """Take over what another index (a finished batch) added."""
        for key, value, source in other.added:
            if value is None:
                self.exact.setdefault(key, source)
            else:
                self.near.add(value, source)


@dataclass(slots=True)
class BatchDedup:
    """A batch's view: the run's index so far (read only) plus what this batch adds."""

    base: DedupIndex
    new: DedupIndex = field(default_factory=DedupIndex)
    unmatched: list[tuple[int, str]] = field(default_factory=list)  # (SimHash, source): no near duplicate

    def duplicate_of(self, key: bytes, source: str) -> str | None:
        """The source already holding this exact page, or None (then this source holds it)."""
        holder = self.new.exact.get(key) or self.base.exact.get(key)
        if holder is not None and holder != source:
            return holder
        if holder is None:
            self.new.add_exact(key, source)
        return None

    def near_duplicate_of(self, value: int | None, source: str) -> str | None:
        """The closest earlier source within MAX_DISTANCE bits, then remember this one."""
        if value is None:
            return None
        found = [f for f in (self.base.nearest(value, source), self.new.nearest(value, source)) if f]
        self.new.add_near(value, source)
        if not found:
            self.unmatched.append((value, source))
            return None
        return min(found, key=lambda f: f[0])[1]  # a tie: the earlier index's


def index_from_keys(exact: list[tuple[str, str]], near: list[tuple[int, str]]) -> DedupIndex:
    """An index of what is loaded, from `tasks.load.read_dedup_keys`; each source's name is
    held once, though both lists name most sources."""
    index = DedupIndex()
    names: dict[str, str] = {}
    for key, source in exact:
        index.exact.setdefault(compact_key(key), names.setdefault(source, source))
    for value, source in near:
        index.near.add(value, names.setdefault(source, source))
    return index
