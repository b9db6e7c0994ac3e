"""Line features: what the line-labelling model sees of each line of a page.

Three kinds, all cheap and language-light:
- the line itself: length, case, punctuation, digits, markdown marks, link density, whether it is
  a date or shaped like a name, and which cue words it holds (cues.toml);
- its place: position on the page, blank lines around it, indentation, how many lines of the
  page say the same or have the same shape, whether the site repeats it on other pages;
- its neighbourhood: the same features of the lines around it, and running summaries of the page
  above and below (how much prose, whether a comment heading came before).

Features are computed for a whole batch of pages at once: character classes with numpy over the
batch's code points, the few patterns with RE2 (pyarrow.compute) over the batch's distinct lines,
cue words split with numpy over the same code points and looked up in one arrow hash lookup.
`page_features` is a batch of one. The result is one float32 row per line; `FEATURES` names the
columns (for `explain`).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from operator import attrgetter
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from tasks.segment import regex
from tasks.segment.dates import DATE_PATTERN
from tasks.segment.lines import Line

_WORD = re.compile(r"\w+(?:['’]\w+)?|[→↳@©]")
_SHAPE_DIGITS = re.compile(r"\d+")
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_INVISIBLE_RE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")

# RE2 patterns, run by pyarrow over a batch's distinct lines
_RE_DATE = "(?i)(?:" + DATE_PATTERN + ")"
_RE_IS_DATE = "(?i)^(?:" + DATE_PATTERN + r")(?:\s*[•·|]\s*edited(?: on .{1,30})?|\s*\(edited\))?$"
_RE_INNER_SENTENCE = r"\w[.!?]\s+\p{Lu}"
_RE_URL = r"https?://|www\.|\.\w{2,4}/"
_RE_SEPARATORS = r"\s[|•·›»/–—-]\s|\s{3,}"
_RE_VOTE = r"^[▲▼↑↓⬆⬇+\-−^v♥❤👍👎\s\d.,kK()]+$"
_RE_LIST = r"^\s*(?:[*+•-]|\d{1,3}[.)])\s"
_RE_BOLD = r"^\s*(?:\*\*|__).*(?:\*\*|__):?\s*$"
_RE_NAME_BAD = r"[\"“”«»()\[\]{}<>=/\\|#@*•·，。！？；：、…]|https?:|www\.|(?:^|\W)\d{3,}|\S{26,}"
_RE_NAME_BAD_END = r"[.!?…:;,]$"
_RE_INITIAL_END = r"(?:^|\s)\w\.$"

CUE_KINDS = (
    "section", "action", "account", "form", "legal", "related", "says", "byline", "placeholder", "badge", "more",
    "sort", "share", "nav", "ad", "when", "powered", "subscribe", "reply_to", "closed", "caption",
)  # fmt: skip
CUE_BIT = {kind: 1 << i for i, kind in enumerate(CUE_KINDS)}  # a kind's bit in `cue_mask`
STOPWORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "or",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "with",
        "from",
        "by",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "as",
        "but",
        "not",
        "no",
        "so",
        "if",
        "than",
        "then",
        "there",
        "their",
        "they",
        "we",
        "you",
        "he",
        "she",
        "his",
        "her",
        "our",
        "your",
        "my",
        "i",
        "me",
        "us",
        "them",
        "who",
        "what",
        "which",
        "when",
        "where",
        "how",
        "der",
        "die",
        "das",
        "und",
        "oder",
        "ist",
        "sind",
        "war",
        "ein",
        "eine",
        "einen",
        "dem",
        "den",
        "des",
        "zu",
        "im",
        "in",
        "auf",
        "mit",
        "von",
        "für",
        "nicht",
        "sich",
        "auch",
        "es",
        "wir",
        "ich",
        "sie",
        "le",
        "la",
        "les",
        "et",
        "ou",
        "est",
        "sont",
        "un",
        "une",
        "des",
        "du",
        "de",
        "dans",
        "sur",
        "avec",
        "pour",
        "pas",
        "que",
        "qui",
        "il",
        "elle",
        "nous",
        "vous",
        "ce",
        "cette",
        "ces",
        "au",
        "aux",
        "el",
        "los",
        "las",
        "y",
        "o",
        "es",
        "son",
        "un",
        "una",
        "unos",
        "del",
        "en",
        "con",
        "por",
        "para",
        "no",
        "que",
        "se",
        "lo",
        "su",
        "al",
        "como",
        "pero",
        "más",
        "il",
        "lo",
        "gli",
        "e",
        "è",
        "sono",
        "un",
        "una",
        "del",
        "della",
        "di",
        "da",
        "con",
        "per",
        "non",
        "che",
        "si",
        "questo",
        "questa",
        "o",
        "os",
        "as",
        "e",
        "é",
        "são",
        "um",
        "uma",
        "do",
        "da",
        "dos",
        "das",
        "em",
        "com",
        "para",
        "não",
        "que",
        "se",
        "de",
        "het",
        "een",
        "en",
        "of",
        "is",
        "zijn",
        "van",
        "in",
        "op",
        "met",
        "voor",
        "niet",
        "dat",
        "die",
        "er",
        "ik",
        "je",
        "w",
        "i",
        "z",
        "na",
        "do",
        "że",
        "się",
        "nie",
        "jest",
        "to",
        "jak",
        "co",
        "и",
        "в",
        "не",
        "на",
        "что",
        "с",
        "по",
        "это",
        "как",
        "а",
        "но",
        "он",
        "она",
        "они",
        "мы",
        "вы",
        "я",
        "dan",
        "yang",
        "di",
        "ke",
        "dari",
        "ini",
        "itu",
        "dengan",
        "untuk",
        "tidak",
        "ada",
    ]
)

BASE = (
    "len", "words", "upper", "starts_upper", "title_words", "sentence_end", "colon_end", "comma_end", "inner_sentence",
    "digits", "punct", "is_date", "has_date", "name_shaped", "stopwords", "heading", "list_item", "link_share",
    "link_only", "quote", "bold_line", "indent", "gap", "gap_after", "url", "separators", "at_start", "number_only",
    "tiny", "vote", "cjk", "repeat", "shape_repeat", "boilerplate", "first_seen", "title_hint", "gap_rel", "gap_rel_after",
    *(f"cue_{k}" for k in CUE_KINDS),
)  # fmt: skip
_NEIGHBOURS = (-2, -1, 1, 2)
_NEIGHBOUR_BASE = (
    "len", "words", "sentence_end", "is_date", "has_date", "name_shaped", "stopwords", "heading", "link_share", "gap",
    "indent", "repeat", "cue_action", "cue_says", "cue_section", "cue_when", "tiny", "number_only", "title_words",
    "gap_rel",
)  # fmt: skip
_WINDOWS = (3, 12)
_WINDOW_BASE = (
    "words",
    "sentence_end",
    "stopwords",
    "link_share",
    "has_date",
    "name_shaped",
    "cue_action",
    "repeat",
)
PAGE = ("position", "char_position", "prose_above", "prose_below", "since_prose", "until_prose", "section_above",
        "since_section", "markdown")  # fmt: skip
FEATURES = (
    *BASE,
    *(f"{n}@{d:+d}" for d in _NEIGHBOURS for n in _NEIGHBOUR_BASE),
    *(f"{n}~{w}" for w in _WINDOWS for n in _WINDOW_BASE),
    *PAGE,
)
_COL = {name: i for i, name in enumerate(BASE)}
_CUE0 = _COL["cue_section"]
LOG8 = float(np.log1p(8))


# --- character classes ------------------------------------------------------------------------------
_ALPHA, _UPPER, _DIGIT, _SPACE, _PUNCT, _CJK, _WORDCH, _FINAL = (1 << i for i in range(8))
_QUOTES = np.array([ord(c) for c in "\"'”’»)]"], dtype=np.uint32)


@cache
def _classes() -> np.ndarray:
    """Class bits of every code point of the basic multilingual plane."""
    table = np.zeros(0x10000, dtype=np.uint8)
    for cp in range(0x10000):
        ch = chr(cp)
        bits = 0
        if ch.isalpha():
            bits |= _ALPHA | _WORDCH
            if ch.isupper():
                bits |= _UPPER
        if ch.isdigit():
            bits |= _DIGIT | _WORDCH
        elif ch.isnumeric():
            bits |= _WORDCH
        if ch == "_":
            bits |= _WORDCH
        if ch.isspace():
            bits |= _SPACE
        elif not ch.isalnum():
            bits |= _PUNCT
        if 0x3040 <= cp <= 0x9FFF or 0xAC00 <= cp <= 0xD7AF:
            bits |= _CJK
        if ch in ".!?…。！？":
            bits |= _FINAL
        table[cp] = bits
    return table


def _class_of(cps: np.ndarray) -> np.ndarray:
    cls = _classes()[np.minimum(cps, 0xFFFF)]
    astral = cps > 0xFFFF  # emoji and rarer scripts: symbols, save the CJK extensions
    if astral.any():
        cjk_ext = (cps >= 0x20000) & (cps <= 0x3FFFF)
        cls = np.where(astral, np.where(cjk_ext, _ALPHA | _WORDCH | _CJK, _PUNCT), cls).astype(np.uint8)
    return cls


# --- cue words ----------------------------------------------------------------------------------------
@cache
def _cues() -> tuple[dict[str, int], dict[str, int]]:
    """cue word -> bit mask of its kinds; cue phrase (space-joined words) -> bit mask."""
    data = tomllib.loads((Path(__file__).with_name("cues.toml")).read_text(encoding="utf-8"))
    words: dict[str, int] = {}
    phrases: dict[str, int] = {}
    for bit, kind in enumerate(CUE_KINDS):
        entry = data.get(kind, {})
        for w in entry.get("words", []):
            words[w.casefold()] = words.get(w.casefold(), 0) | (1 << bit)
        for p in entry.get("phrases", []):
            key = " ".join(_WORD.findall(p.casefold()))
            if " " in key:
                phrases[key] = phrases.get(key, 0) | (1 << bit)
            elif key:
                words[key] = words.get(key, 0) | (1 << bit)
    return words, phrases


@cache
def _phrase_starts() -> frozenset[str]:
    return frozenset(p.split(" ", 1)[0] for p in _cues()[1])


def cue_mask(words: list[str]) -> int:
    """Bits of the cue kinds whose words or phrases (up to three words) the words hold."""
    cue_words, cue_phrases = _cues()
    starts = _phrase_starts()
    mask = 0
    last = len(words) - 1
    for i, w in enumerate(words):
        hit = cue_words.get(w)
        if hit:
            mask |= hit
        if i < last and w in starts:
            two = w + " " + words[i + 1]
            mask |= cue_phrases.get(two, 0)
            if i + 1 < last:
                mask |= cue_phrases.get(two + " " + words[i + 2], 0)
    return mask


CUE_WORDS = 12  # cue words are looked for in a line's first words: chrome is short, prose is not
SHORT_LINE = 16  # words; a line this short is read whole for cues


@cache
def _stop_pattern() -> str:
    return r"(?i)\b(?:" + "|".join(sorted(map(re.escape, STOPWORDS), key=len, reverse=True)) + r")\b"


# --- words of a whole batch at once -------------------------------------------------------------------
# `_WORD.findall` per line was most of the features' time. The same tokens are found with numpy
# over the code points of the batch's lines joined, and looked up in one arrow hash lookup.
_TOKEN_WORD, _TOKEN_APOSTROPHE, _TOKEN_SYMBOL = 1, 2, 4


@cache
def _token_classes() -> np.ndarray:
    """What `_WORD` makes of each code point of the basic multilingual plane: a word character
    (Python's `\\w`), an apostrophe that may join two words, a symbol that is a word alone."""
    table = ((_classes() & _WORDCH) != 0).astype(np.uint8) * _TOKEN_WORD
    for ch in "'’":
        table[ord(ch)] = _TOKEN_APOSTROPHE
    for ch in "→↳@©":
        table[ord(ch)] = _TOKEN_SYMBOL
    return table


def _token_class(cps: np.ndarray) -> np.ndarray:
    """`_token_classes` of any code point (above U+FFFF only letters and digits are words)."""
    out = _token_classes()[np.minimum(cps, 0xFFFF)]
    astral = np.flatnonzero(cps > 0xFFFF)
    if len(astral):
        found, inverse = np.unique(cps[astral], return_inverse=True)
        out[astral] = np.array([chr(cp).isalnum() for cp in found.tolist()], dtype=np.uint8)[inverse]
    return out


@dataclass
class _Joined:
    """Lines joined by a separator, as code points and utf-8 bytes."""

    cps: np.ndarray
    starts: np.ndarray  # where each line starts
    utf8: np.ndarray
    ascii: bool  # code point offsets are byte offsets

    @classmethod
    def of(cls, lines: list[str]) -> _Joined:
        joined = "\n".join(lines)
        cps = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
        lengths = np.fromiter(map(len, lines), dtype=np.int64, count=len(lines))
        starts = np.concatenate([[0], np.cumsum(lengths + 1)[:-1]])
        utf8 = np.frombuffer(joined.encode("utf-8"), dtype=np.uint8)
        return cls(cps, starts, utf8, len(utf8) == len(cps))

    def line_of(self, at: np.ndarray) -> np.ndarray:
        return np.searchsorted(self.starts, at, side="right") - 1

    def strings(self, starts: np.ndarray, ends: np.ndarray) -> pa.Array:
        """The code point spans [starts, ends) as arrow strings."""
        if self.ascii:
            lo, hi = starts, ends
        else:
            wide = (self.cps >= 0x80).astype(np.int64) + (self.cps >= 0x800) + (self.cps >= 0x10000)
            extra = np.concatenate([[0], np.cumsum(wide)])
            lo, hi = starts + extra[starts], ends + extra[ends]
        size = hi - lo
        offsets = np.concatenate([[0], np.cumsum(size)])
        at = np.repeat(lo - offsets[:-1], size) + np.arange(offsets[-1])
        return pa.LargeStringArray.from_buffers(
            len(starts), pa.py_buffer(offsets), pa.py_buffer(self.utf8[at])
        )


def _word_runs(kind: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Starts and ends of the runs of word characters (what `\\w+` matches)."""
    edge = np.diff(np.concatenate([[0], kind & _TOKEN_WORD, [0]]).astype(np.int8))
    return np.flatnonzero(edge == 1), np.flatnonzero(edge == -1)


def _word_tokens(kind: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """`_WORD`'s matches: runs of word characters, two of them with one apostrophe between them
    one word (pairwise from the left, as the regex reads "a'b'c" as "a'b", "c"), and each of
    the symbols a word of its own."""
    starts, ends = _word_runs(kind)
    runs = len(starts)
    linked = np.zeros(runs, dtype=bool)  # the run and the next make one word, if it opens one
    if runs > 1:
        linked[:-1] = (starts[1:] == ends[:-1] + 1) & (kind[ends[:-1]] == _TOKEN_APOSTROPHE)
    idx = np.arange(runs)
    chain_start = np.maximum.accumulate(np.where(np.concatenate([[True], ~linked[:-1]]), idx, 0))
    opens = (idx - chain_start) % 2 == 0
    joins = np.flatnonzero(linked & opens)
    token_end = ends.copy()
    token_end[joins] = ends[joins + 1]
    symbols = np.flatnonzero(kind == _TOKEN_SYMBOL)
    if not len(symbols):
        return starts[opens], token_end[opens]
    s = np.concatenate([starts[opens], symbols])
    e = np.concatenate([token_end[opens], symbols + 1])
    order = np.argsort(s, kind="stable")
    return s[order], e[order]


@dataclass
class _CueVocab:
    words: pa.Array  # cue words and the words of cue phrases
    bits: np.ndarray  # each word's cue kinds as a bit mask
    pairs: np.ndarray  # two-word phrases as sorted codes of their word ids...
    pair_bits: np.ndarray  # ...and their bit masks
    triples: np.ndarray
    triple_bits: np.ndarray


@cache
def _cue_vocab() -> _CueVocab:
    """`_cues()` as arrays: a phrase of two or three words (the ones `cue_mask` reads) is a code
    of its word ids."""
    cue_words, cue_phrases = _cues()
    ids: dict[str, int] = {w: i for i, w in enumerate(cue_words)}
    for phrase in cue_phrases:
        for w in phrase.split(" "):
            ids.setdefault(w, len(ids))
    size = len(ids)
    bits = np.array([cue_words.get(w, 0) for w in ids], dtype=np.int64)
    codes: dict[int, dict[int, int]] = {2: {}, 3: {}}
    for phrase, mask in cue_phrases.items():
        words = phrase.split(" ")
        if len(words) in codes:
            code = 0
            for w in words:
                code = code * size + ids[w]
            codes[len(words)][code] = mask

    def table(n: int) -> tuple[np.ndarray, np.ndarray]:
        keys = np.array(sorted(codes[n]), dtype=np.int64)
        return keys, np.array([codes[n][k] for k in keys.tolist()], dtype=np.int64)

    return _CueVocab(pa.array(list(ids), type=pa.large_string()), bits, *table(2), *table(3))


def _lookup(codes: np.ndarray, keys: np.ndarray, values: np.ndarray) -> np.ndarray:
    """values of codes found in the sorted keys, else 0."""
    if not len(keys):
        return np.zeros(len(codes), dtype=values.dtype)
    at = np.minimum(np.searchsorted(keys, codes), len(keys) - 1)
    return np.where(keys[at] == codes, values[at], 0)


def _cue_columns(heads: list[str], words: np.ndarray) -> np.ndarray:
    """Per distinct line: one column per cue kind, set when the line holds a cue word of it
    (`cue_mask` over the line's first words, or all of them in a short line)."""
    joined = _Joined.of([h.casefold() for h in heads])
    s, e = _word_tokens(_token_class(joined.cps))
    line = joined.line_of(s)
    rank = np.arange(len(s)) - np.searchsorted(line, line)
    read = np.flatnonzero((rank < CUE_WORDS) | (words[line] <= SHORT_LINE))
    s, e, line = s[read], e[read], line[read]
    vocab = _cue_vocab()
    ids = pc.index_in(joined.strings(s, e), value_set=vocab.words).fill_null(-1).to_numpy()
    found = np.where(ids >= 0, vocab.bits[ids], 0)
    code = ids.astype(np.int64)
    whole = ids >= 0  # every word of the phrase is a vocabulary word the line shows
    for k, keys, values in ((1, vocab.pairs, vocab.pair_bits), (2, vocab.triples, vocab.triple_bits)):
        after = np.full(len(ids), -1)
        after[:-k] = np.where(line[k:] == line[:-k], ids[k:], -1)
        whole &= after >= 0
        code = code * len(vocab.bits) + np.maximum(after, 0)
        at = np.flatnonzero(whole)
        found[at] |= _lookup(code[at], keys, values)
    mask = np.zeros(len(heads), dtype=np.int64)
    hit = np.flatnonzero(found)
    np.bitwise_or.at(mask, line[hit], found[hit])
    return ((mask[:, None] >> np.arange(len(CUE_KINDS))) & 1).astype(np.float32)


def boilerplate_key(line: Line) -> str:
    """How a line is known across a site's pages: as written, casefolded, spaces collapsed (the
    key `tasks.segment.batch_boilerplate` counts)."""
    return " ".join(line.raw.casefold().split())


def shape_key(text: str) -> str:
    """The same line with other numbers: '3 years ago' and '5 years ago' share a shape."""
    return _SHAPE_DIGITS.sub("0", text.casefold())


# --- the batch ------------------------------------------------------------------------------------------
@dataclass
class PageInput:
    lines: list[Line]
    markdown: bool = False
    boilerplate: frozenset[str] = frozenset()
    title_hint: str | None = None


HEAD = 400  # character statistics are read off a line's first characters


def _kinds() -> np.ndarray:
    """A 5-bit code per code point class: kind (alpha, digit, space, punctuation) and upper, CJK
    and word-start flags (the last set per position below)."""
    return _classes()


def _text_columns(texts: list[str]) -> np.ndarray:
    """Columns that depend on a line's text alone, for the batch's distinct texts."""
    m = len(texts)
    out = np.zeros((m, len(BASE)), dtype=np.float32)
    if not m:
        return out
    heads = [t[:HEAD] for t in texts]
    joined = "\n".join(heads)
    cps = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
    cls = _class_of(cps)
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=m)
    head_len = np.minimum(lengths, HEAD)
    word = (cls & _WORDCH) != 0
    word_start = word.copy()
    word_start[1:] &= ~word[:-1]
    # one histogram of (line, class code) gives every count at once
    kind = np.where(cls & _ALPHA, 0, np.where(cls & _DIGIT, 1, np.where(cls & _SPACE, 2, 3))).astype(np.int64)
    code = kind | ((cls & _UPPER) != 0) << 2 | ((cls & _CJK) != 0) << 3 | word_start.astype(np.int64) << 4
    line_id = np.repeat(np.arange(m + 1), np.append(head_len + 1, 0))[: len(cps)]
    line_id[np.cumsum(head_len + 1)[:-1] - 1] = m  # the separators count for no line
    hist = np.bincount(line_id * 32 + code, minlength=(m + 1) * 32).reshape(m + 1, 32)[:m].astype(np.float32)
    codes = np.arange(32)
    k = codes & 3

    def count(mask: np.ndarray) -> np.ndarray:
        return hist @ mask.astype(np.float32)

    letters = count(k == 0)
    uppers = count((k == 0) & (codes & 4 != 0))
    digits = count(k == 1)
    spaces = count(k == 2)
    punct = count(k == 3)
    cjk = count(codes & 8 != 0)
    words = count(codes & 16 != 0)
    alpha_starts = count((codes & 16 != 0) & (k == 0))
    titled = count((codes & 16 != 0) & (k == 0) & (codes & 4 != 0))
    n = lengths.astype(np.float32)
    hn = np.maximum(head_len, 1).astype(np.float32)
    words = words * np.maximum(n, 1) / hn  # a long line's words, estimated from its head
    nonempty = lengths > 0
    tails = [t[-2:] for t in texts]
    last_cp = np.fromiter((ord(t[-1]) if t else 0 for t in tails), dtype=np.uint32, count=m)
    before_cp = np.fromiter((ord(t[0]) if len(t) == 2 else 0 for t in tails), dtype=np.uint32, count=m)
    first_cp = np.fromiter((ord(h[0]) if h else 0 for h in heads), dtype=np.uint32, count=m)
    quoted = np.isin(last_cp, _QUOTES) & (lengths >= 2)
    final_cp = np.where(quoted, before_cp, last_cp)
    col = out.T
    col[_COL["len"]] = np.log1p(n)
    col[_COL["words"]] = np.log1p(words)
    col[_COL["upper"]] = np.where(letters > 0, uppers / np.maximum(letters, 1), 0)
    col[_COL["starts_upper"]] = nonempty & ((_class_of(first_cp) & _UPPER) != 0)
    col[_COL["title_words"]] = np.where(alpha_starts > 0, titled / np.maximum(alpha_starts, 1), 0)
    col[_COL["sentence_end"]] = nonempty & ((_class_of(final_cp) & _FINAL) != 0)
    col[_COL["colon_end"]] = last_cp == ord(":")
    col[_COL["comma_end"]] = np.isin(last_cp, [ord(c) for c in ",;-–"])
    col[_COL["digits"]] = digits / hn
    col[_COL["punct"]] = punct / hn
    col[_COL["at_start"]] = first_cp == ord("@")
    col[_COL["number_only"]] = (digits > 0) & (digits + punct + spaces == head_len) & (lengths <= HEAD)
    col[_COL["tiny"]] = n <= 2
    col[_COL["cjk"]] = np.minimum(cjk / 20, 1)

    short = lengths <= 60
    medium = lengths <= 200

    def matches(pattern: str, where: np.ndarray | None = None) -> np.ndarray:
        if where is None:
            return regex.match(texts, pattern)
        hit = np.zeros(m, dtype=bool)
        idx = np.flatnonzero(where)
        if len(idx):
            hit[idx] = regex.match([texts[i] for i in idx], pattern)
        return hit

    is_date = matches(_RE_IS_DATE, short)
    col[_COL["is_date"]] = is_date
    col[_COL["has_date"]] = is_date | matches(_RE_DATE, medium & ~is_date)
    col[_COL["inner_sentence"]] = matches(_RE_INNER_SENTENCE, lengths >= 8)
    col[_COL["url"]] = matches(_RE_URL)
    col[_COL["vote"]] = matches(_RE_VOTE, lengths <= 24)
    # a display name: one to five short tokens, no sentence punctuation at the end, no links
    candidate = nonempty & (lengths <= 50) & (spaces <= 4) & (letters > 0) & ~is_date
    bad = matches(_RE_NAME_BAD, candidate) | (
        matches(_RE_NAME_BAD_END, candidate) & ~matches(_RE_INITIAL_END, candidate)
    )
    col[_COL["name_shaped"]] = candidate & ~bad
    stops = regex.count(heads, _stop_pattern())
    head_words = count(codes & 16 != 0)
    col[_COL["stopwords"]] = np.where(head_words > 0, stops / np.maximum(head_words, 1), 0)
    out[:, _CUE0 : _CUE0 + len(CUE_KINDS)] = _cue_columns(heads, head_words)
    return out


class _TextCache:
    """`_text_columns` with the rows of recently seen texts kept: a site's pages repeat their
    menus, footers and buttons batch after batch, and a row depends on its text alone. When
    full, the oldest rows make room."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.rows = np.zeros((0, len(BASE)), dtype=np.float32)
        self.slot: dict[str, int] = {}
        self.texts: list[str | None] = [None] * size
        self.next = 0

    def __call__(self, texts: list[str]) -> np.ndarray:
        """Rows of the (distinct) texts."""
        if not self.size:
            return _text_columns(texts)
        get = self.slot.get
        slots = np.fromiter((get(t, -1) for t in texts), dtype=np.int64, count=len(texts))
        out = np.empty((len(texts), len(BASE)), dtype=np.float32)
        hit = slots >= 0
        out[hit] = self.rows[slots[hit]]
        miss = np.flatnonzero(~hit)
        if len(miss):
            new = [texts[i] for i in miss.tolist()]
            out[miss] = rows = _text_columns(new)
            self._keep(new, rows)
        return out

    def _keep(self, texts: list[str], rows: np.ndarray) -> None:
        if not len(self.rows):
            self.rows = np.zeros((self.size, len(BASE)), dtype=np.float32)
        take = min(len(texts), self.size)
        slots = (self.next + np.arange(take)) % self.size
        for s, text in zip(slots.tolist(), texts[-take:], strict=True):
            old = self.texts[s]
            if old is not None:
                del self.slot[old]
            self.texts[s] = text
            self.slot[text] = s
        self.rows[slots] = rows[-take:]
        self.next = (self.next + take) % self.size


TEXT_CACHE_SIZE = 1 << 15  # line texts whose columns are kept between batches (about 8 MB)
_text_cache = _TextCache(TEXT_CACHE_SIZE)


def keep_text_columns(size: int) -> None:
    """Keep the text columns of this many line texts between batches (0: none)."""
    global _text_cache
    _text_cache = _TextCache(size)


@dataclass
class Features:
    X: np.ndarray  # one row of FEATURES per line, the pages' lines stacked
    offsets: np.ndarray  # row offsets of the pages (one more than pages)
    shapes: np.ndarray  # shape id of each line (the same id: the same line but for its numbers)


def _attr(lines: list[Line], name: str, dtype: type) -> np.ndarray:
    """One attribute of every line, as an array."""
    return np.fromiter(map(attrgetter(name), lines), dtype=dtype, count=len(lines))


def batch_features(pages: Sequence[PageInput]) -> Features:
    """FEATURES for every line of every page."""
    sizes = np.array([len(p.lines) for p in pages], dtype=np.int64)
    offsets = np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64)
    total = int(offsets[-1])
    if total == 0:
        return Features(np.zeros((0, len(FEATURES)), dtype=np.float32), offsets, np.zeros(0, dtype=np.int64))
    lines = [ln for p in pages for ln in p.lines]
    page_of = np.repeat(np.arange(len(pages)), sizes)
    texts = [ln.plain if ln.plain.isascii() else _INVISIBLE_RE.sub("", ln.plain) for ln in lines]
    # columns of the text alone: computed once per distinct text in the batch
    index: dict[str, int] = {}
    row_of = np.fromiter((index.setdefault(t, len(index)) for t in texts), dtype=np.int64, count=total)
    distinct = list(index)
    rows = _text_cache(distinct)
    base = rows[row_of]
    raws = list(map(attrgetter("raw"), lines))
    markdown = np.array([p.markdown for p in pages], dtype=bool)[page_of]
    raw_arr = pa.array(raws, type=pa.string())
    col = base.T
    col[_COL["heading"]] = _attr(lines, "heading", np.float32) / 6
    col[_COL["list_item"]] = regex.match(raws, _RE_LIST)
    col[_COL["link_only"]] = _attr(lines, "link_only", bool)
    col[_COL["quote"]] = pc.starts_with(pc.utf8_ltrim_whitespace(raw_arr), ">").to_numpy(zero_copy_only=False)
    col[_COL["bold_line"]] = regex.match(raws, _RE_BOLD)
    col[_COL["indent"]] = np.log1p(_attr(lines, "indent", np.float32))
    gaps = np.minimum(_attr(lines, "gap", np.float32), 4)
    col[_COL["gap"]] = np.minimum(gaps, 3) / 3
    loose = [ln.loose or t for ln, t in zip(lines, texts, strict=True)]
    col[_COL["separators"]] = regex.count(loose, _RE_SEPARATORS)
    for i in np.flatnonzero(markdown):
        raw = raws[i]
        if "](" in raw and texts[i]:
            chars = sum(len(m.group(1)) for m in _MD_LINK.finditer(raw))
            col[_COL["link_share"]][i] = min(chars / len(texts[i]), 1.0)
    numbered = _numbered(distinct, rows)
    shapes = _page_local(base, pages, offsets, texts, gaps, page_of, distinct, row_of, numbered)
    cols = [base, *_neighbours(base, page_of, offsets), *_windows(base, offsets, page_of)]
    cols.append(_page_columns(base, texts, offsets, page_of, markdown))
    return Features(_stack32(cols), offsets, shapes)


def _stack32(blocks: list[np.ndarray]) -> np.ndarray:
    """`np.hstack(blocks).astype(np.float32)`, each block cast as it is copied in: no float64
    array of the whole and no second copy (the same values: one rounding to float32 either way)."""
    blocks = [b[:, None] if b.ndim == 1 else b for b in blocks]
    out = np.empty((len(blocks[0]), sum(b.shape[1] for b in blocks)), dtype=np.float32)
    at = 0
    for b in blocks:
        out[:, at : at + b.shape[1]] = b
        at += b.shape[1]
    return out


def page_features(
    lines: list[Line],
    markdown: bool,
    boilerplate: frozenset[str] = frozenset(),
    title_hint: str | None = None,
) -> np.ndarray:
    """One row of FEATURES per line of one page."""
    return batch_features([PageInput(lines, markdown, boilerplate, title_hint)]).X


def _first_ids(values: list[str]) -> np.ndarray:
    """An id per value: equal values share it, numbered in order of first appearance."""
    ids: dict[str, int] = {}
    return np.fromiter((ids.setdefault(v, len(ids)) for v in values), dtype=np.int64, count=len(values))


def _numbered(texts: list[str], rows: np.ndarray) -> np.ndarray:
    """The texts whose shape may differ from their key: a digit in the head, a text longer than
    its head, or one beyond U+FFFF (the class table takes those characters for symbols)."""
    m = len(texts)
    astral = (not t.isascii() and max(t) > "\uffff" for t in texts)
    return (
        (rows[:, _COL["digits"]] > 0)
        | (np.fromiter(map(len, texts), np.int64, m) > HEAD)
        | np.fromiter(astral, bool, m)
    )


def _key_ids(texts: list[str], numbered: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Ids of the texts' keys (casefolded) and of their shapes (`shape_key`). Only the texts
    marked `numbered` may hold a digit: the others' shape is their key (casefolding makes no
    digit of a character that is none)."""
    keys = [t.casefold() for t in texts]
    shapes = list(keys)
    numbered_at = np.flatnonzero(numbered).tolist()
    ascii_at = [i for i in numbered_at if keys[i].isascii()]  # there Python's \d is RE2's [0-9]
    ascii_shapes = regex.replace([keys[i] for i in ascii_at], "[0-9]+", "0")
    for i, shape in zip(ascii_at, ascii_shapes, strict=True):
        shapes[i] = shape
    for i in numbered_at:
        if not keys[i].isascii():
            shapes[i] = _SHAPE_DIGITS.sub("0", keys[i])
    return _first_ids(keys), _first_ids(shapes)


def _page_local(
    base: np.ndarray,
    pages: Sequence[PageInput],
    offsets: np.ndarray,
    texts: list[str],
    gaps: np.ndarray,
    page_of: np.ndarray,
    distinct: list[str],
    row_of: np.ndarray,
    numbered: np.ndarray,
) -> np.ndarray:
    """Columns that compare a line with the rest of its page: repeats, site boilerplate, the title
    hint, first occurrences, blank lines against the page's usual gap. Returns the shape ids."""
    col = base.T
    n = len(texts)
    keys, shapes = (ids[row_of] for ids in _key_ids(distinct, numbered))
    span = int(max(keys.max(), shapes.max())) + 1
    for ids, name in ((keys, "repeat"), (shapes, "shape_repeat")):
        combined = page_of * span + ids
        _, inverse, counts = np.unique(combined, return_inverse=True, return_counts=True)
        col[_COL[name]] = np.log1p(counts[inverse] - 1)
        if name == "repeat":
            first = np.zeros(n, dtype=bool)
            first[np.unique(combined, return_index=True)[1]] = True
            col[_COL["first_seen"]] = first
    for p, page in enumerate(pages):
        if page.boilerplate or page.title_hint:
            lo, hi = int(offsets[p]), int(offsets[p + 1])
            if page.boilerplate:
                col[_COL["boilerplate"]][lo:hi] = [
                    boilerplate_key(ln) in page.boilerplate for ln in page.lines
                ]
            if page.title_hint:
                hint = " ".join(page.title_hint.casefold().split())
                col[_COL["title_hint"]][lo:hi] = [
                    " ".join(t.casefold().split()) == hint or (len(t) > 10 and t.casefold() in hint)
                    for t in texts[lo:hi]
                ]
    g = gaps.astype(np.int64)
    first_line = np.zeros(n, dtype=bool)
    first_line[offsets[:-1][offsets[:-1] < n]] = True
    tally = np.bincount(page_of[~first_line] * 5 + g[~first_line], minlength=len(pages) * 5).reshape(
        len(pages), 5
    )
    usual = np.where(tally.sum(axis=1) > 0, tally.argmax(axis=1), 1).astype(np.float32)
    col[_COL["gap_rel"]] = np.clip(gaps - usual[page_of], -2, 3)
    last_line = np.roll(first_line, -1)
    last_line[-1] = True
    col[_COL["gap_after"]] = np.where(last_line, 1.0, np.roll(col[_COL["gap"]], -1))
    col[_COL["gap_rel_after"]] = np.where(last_line, 0.0, np.roll(col[_COL["gap_rel"]], -1))
    return shapes


def _shift(values: np.ndarray, d: int, page_of: np.ndarray, fill: float) -> np.ndarray:
    """values[i + d] where line i + d is on the same page as line i, else `fill`."""
    out = np.full_like(values, fill)
    n = len(values)
    if abs(d) >= n:
        return out
    src, dst = (slice(0, n + d), slice(-d, n)) if d < 0 else (slice(d, n), slice(0, n - d))
    same = (page_of[src] == page_of[dst])[:, None] if values.ndim == 2 else page_of[src] == page_of[dst]
    out[dst] = np.where(same, values[src], fill)
    return out


def _neighbours(base: np.ndarray, page_of: np.ndarray, offsets: np.ndarray) -> list[np.ndarray]:
    sub = base[:, [_COL[name] for name in _NEIGHBOUR_BASE]]
    return [_shift(sub, d, page_of, -1.0) for d in _NEIGHBOURS]


def _windows(base: np.ndarray, offsets: np.ndarray, page_of: np.ndarray) -> list[np.ndarray]:
    sub = base[:, [_COL[name] for name in _WINDOW_BASE]]
    csum = np.vstack(
        [np.zeros((1, sub.shape[1]), dtype=np.float64), np.cumsum(sub, axis=0, dtype=np.float64)]
    )
    idx = np.arange(len(base))
    lo_page, hi_page = offsets[page_of], offsets[page_of + 1]
    out = []
    for w in _WINDOWS:
        lo = np.maximum(idx - w, lo_page)
        hi = np.minimum(idx + w + 1, hi_page)
        out.append(((csum[hi] - csum[lo]) / (hi - lo)[:, None]).astype(np.float32))
    return out


def _since(flags: np.ndarray, page_start: np.ndarray) -> np.ndarray:
    """Lines since the last flagged line at or above each line on its page (1000 when none)."""
    n = len(flags)
    idx = np.arange(n)
    marks = np.where(flags, idx, -1)
    starts = np.flatnonzero(page_start)
    marks[starts] = np.where(flags[starts], starts, starts - 1)  # a page starts afresh
    last = np.maximum.accumulate(marks)
    first_row = np.maximum.accumulate(np.where(page_start, idx, 0))
    return np.where(last >= first_row, idx - last, 1000).astype(np.float32)


def _until(flags: np.ndarray, page_start: np.ndarray) -> np.ndarray:
    """Lines until the next flagged line at or below each line on its page (1000 when none)."""
    page_end = np.roll(page_start, -1)
    page_end[-1] = True
    return _since(flags[::-1], page_end[::-1])[::-1]


def _page_columns(base, texts, offsets, page_of, markdown) -> np.ndarray:
    n = len(base)
    idx = np.arange(n)
    start = offsets[page_of]
    size = offsets[page_of + 1] - start
    page_start = idx == start
    lens = np.fromiter(map(len, texts), dtype=np.float64, count=n)
    gcum = np.cumsum(lens)
    before = gcum[start] - lens[start]
    page_chars = gcum - before
    total_chars = gcum[offsets[page_of + 1] - 1] - before
    prose = (
        (base[:, _COL["words"]] >= LOG8)
        & (base[:, _COL["sentence_end"]] > 0)
        & (base[:, _COL["link_share"]] < 0.3)
    )
    section = (base[:, _COL["cue_section"]] > 0) & (base[:, _COL["words"]] <= LOG8)
    prose_cum = np.cumsum(prose)
    prose_before_page = prose_cum[start] - prose[start]
    page_prose = prose_cum - prose_before_page
    prose_on_page = prose_cum[offsets[page_of + 1] - 1] - prose_before_page
    prose_total = np.maximum(prose_on_page, 1)
    section_cum = np.cumsum(section)
    section_before_page = section_cum[start] - section[start]
    out = np.zeros((n, len(PAGE)), dtype=np.float32)
    out[:, 0] = (idx - start) / np.maximum(size - 1, 1)
    out[:, 1] = (page_chars - lens[start]) / np.maximum(total_chars, 1.0)
    out[:, 2] = (page_prose - prose) / prose_total
    out[:, 3] = (prose_on_page - page_prose) / prose_total
    out[:, 4] = np.log1p(_since(prose, page_start))
    out[:, 5] = np.log1p(_until(prose, page_start))
    out[:, 6] = np.minimum(section_cum - section - section_before_page, 3) / 3
    out[:, 7] = np.log1p(_since(section, page_start))
    out[:, 8] = markdown
    return out


# --- the second pass: what the first pass thought of the lines around ----------------------------
_CONTEXT_OFFSETS = (-3, -2, -1, 0, 1, 2, 3)
_CONTEXT_WINDOWS = (2, 8)
_OPENERS = (5, 7, 9)  # auth_b, cmeta_b, text_b: a comment record starts here
_COMMENTISH = slice(5, 12)  # every comment label


def context_names(labels: Sequence[str]) -> tuple[str, ...]:
    """Names of the second-pass columns: `guess@-1:meta` is the first pass's probability that the
    line above is a meta line; `~8` a window of 8 lines each side; `shape` the lines of the same
    shape; `slot-`/`slot+` the same place in the previous/next comment record."""
    names = [f"guess@{d:+d}:{lab}" if d else f"guess:{lab}" for d in _CONTEXT_OFFSETS for lab in labels]
    names += [f"guess~{w}:{lab}" for w in _CONTEXT_WINDOWS for lab in labels]
    names += [f"guess above:{lab}" for lab in labels] + [f"guess below:{lab}" for lab in labels]
    names += [f"guess shape:{lab}" for lab in labels] + ["lines of this shape"]
    names += [f"guess slot-:{lab}" for lab in labels] + [f"guess slot+:{lab}" for lab in labels]
    names += ["record period", "lines since opener", "lines to opener"]
    return tuple(names)


def shape_ids(lines: list[Line]) -> np.ndarray:
    """Lines with the same shape (numbers aside) share an id."""
    ids: dict[str, int] = {}
    return np.array([ids.setdefault(shape_key(line.plain), len(ids)) for line in lines], dtype=np.int64)


def context_features(P: np.ndarray, shapes: np.ndarray) -> np.ndarray:
    """Second-pass features of one page's lines (see `batch_context`)."""
    return batch_context(P, shapes, np.array([0, len(P)]))


def batch_context(P: np.ndarray, shapes: np.ndarray, offsets: np.ndarray) -> np.ndarray:
    """Second-pass features of each line from the first pass's label probabilities `P`: the labels
    guessed for its neighbours, for its page above and below it, for the other lines of its shape
    on its page (a comment system repeats its header and button lines), and for the lines at the
    same place in the previous and next comment record (records start at the guessed openers).
    `shapes` are shape ids (unique within a page); `offsets` the pages' row offsets."""
    n, k = P.shape
    if n == 0:
        return np.zeros((0, len(context_names(range(k)))), dtype=np.float32)
    sizes = np.diff(offsets)
    page_of = np.repeat(np.arange(len(sizes)), sizes)
    start, end = offsets[page_of], offsets[page_of + 1]
    idx = np.arange(n)
    page_start = idx == start
    cols = [P if d == 0 else _shift(P, d, page_of, 0.0) for d in _CONTEXT_OFFSETS]
    csum = np.vstack([np.zeros((1, k)), np.cumsum(P, axis=0, dtype=np.float64)])
    for w in _CONTEXT_WINDOWS:
        lo, hi = np.maximum(idx - w, start), np.minimum(idx + w + 1, end)
        cols.append((csum[hi] - csum[lo]) / (hi - lo)[:, None])
    cols.append((csum[idx] - csum[start]) / np.maximum(idx - start, 1)[:, None])
    cols.append((csum[end] - csum[idx + 1]) / np.maximum(end - idx - 1, 1)[:, None])
    group = page_of * (int(shapes.max()) + 1) + shapes
    _, group, counts = np.unique(group, return_inverse=True, return_counts=True)
    sums = np.stack([np.bincount(group, weights=P[:, j], minlength=len(counts)) for j in range(k)], axis=1)
    others = counts[group] - 1
    cols += [(sums[group] - P) / np.maximum(others, 1)[:, None], np.log1p(others)[:, None]]
    opener = P[:, list(_OPENERS)].sum(axis=1)
    strong = opener > 0.5
    period = _periods(strong & (P[:, _COMMENTISH].sum(axis=1) > 0.5), page_of, len(sizes))
    cols += [
        *_slots(P, strong, start, end),
        np.log1p(period[page_of])[:, None],
        np.log1p(np.minimum(_since(strong, page_start), 50))[:, None],
        np.log1p(np.minimum(_until(strong, page_start), 50))[:, None],
    ]
    return _stack32(cols)


def _slots(
    P: np.ndarray, strong: np.ndarray, start: np.ndarray, end: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """For each line, the first pass's guess for the line at the same place in the previous and
    in the next comment record of its page (records are found at the guessed openers)."""
    n = len(P)
    at = np.flatnonzero(strong)
    prev_slot = np.zeros_like(P)
    next_slot = np.zeros_like(P)
    if len(at) < 2:
        return prev_slot, next_slot
    idx = np.arange(n)
    r = np.searchsorted(at, idx, side="right") - 1  # the record each line is in (-1: none above)
    rc = np.maximum(r, 0)
    inside = (r >= 0) & (at[rc] >= start)
    offset = idx - at[rc]
    rp = np.maximum(r - 1, 0)
    has_prev = inside & (r >= 1) & (at[rp] >= start)
    src = at[rp] + offset
    ok = has_prev & (src < at[rc])
    prev_slot[ok] = P[src[ok]]
    rn = np.minimum(r + 1, len(at) - 1)
    has_next = inside & (r + 1 < len(at)) & (at[rn] < end)
    src = at[rn] + offset
    rnn = np.minimum(r + 2, len(at) - 1)
    limit = np.where((r + 2 < len(at)) & (at[rnn] < end), at[rnn], end)
    ok = has_next & (src < limit)
    next_slot[ok] = P[src[ok]]
    return prev_slot, next_slot


def _periods(openers: np.ndarray, page_of: np.ndarray, pages: int, longest: int = 16) -> np.ndarray:
    """Per page, the most common distance between consecutive record openers (0: fewer than three)."""
    at = np.flatnonzero(openers)
    out = np.zeros(pages, dtype=np.float32)
    if len(at) < 3:
        return out
    same = page_of[at[1:]] == page_of[at[:-1]]
    gaps = np.diff(at)
    keep = same & (gaps <= longest)
    page = page_of[at[1:]][keep]
    tally = np.bincount(page * (longest + 1) + gaps[keep], minlength=pages * (longest + 1)).reshape(
        pages, longest + 1
    )
    enough = np.bincount(page_of[at], minlength=pages) >= 3
    return np.where(enough & (tally.sum(axis=1) > 0), tally.argmax(axis=1), 0).astype(np.float32)
