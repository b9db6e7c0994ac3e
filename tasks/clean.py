"""Clean stage: one canonical form of text for every later stage.

Line endings become \\n, mojibake is repaired (ftfy, only where its detector sees any), text is
NFC-normalised, control characters other than tab and newline are dropped, trailing spaces go.
"""

from __future__ import annotations

import re
import unicodedata

import ftfy
from ftfy.badness import is_bad

_FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,
    uncurl_quotes=False,
    fix_character_width=False,
    fix_latin_ligatures=False,
    fix_line_breaks=False,
    normalization=None,
    explain=False,
)
# control characters other than tab and newline, and invisible marks: one pass drops both
_CONTROL_OR_INVISIBLE = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\u200b\u200e\u200f\u2060\ufeff]"
)
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_TRAILING = " \t\u00a0"
# UTF-8 read as Latin-1/cp1252 leaves a lead byte (Â, Ã, â, Ð, …) before a continuation-range
# character. ftfy's own detector costs ~0.2 ms/KB, so it only runs where this cheap test fires.
_MOJIBAKE_HINT = re.compile(
    "[\u00c2\u00c3\u00c5\u00ce\u00cf\u00d0\u00d1\u00d8\u00d9\u00e0\u00e1\u00e2\u00e3]"
    "[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]"
)


def clean_text(text: str) -> str:
    """Normalise one scrape's text; idempotent (clean_text(clean_text(x)) == clean_text(x)).

    The steps repeat until nothing changes: dropping a control or invisible character can bring
    together the two halves of a mojibake pair, or a letter and its combining accent, for the
    next pass.
    """
    for _ in range(4):
        cleaned = _clean_once(text)
        if cleaned == text:
            break
        text = cleaned
    return text


def _clean_once(text: str) -> str:
    text = _normalise(text)
    # the mojibake test sees the final characters (a dropped control character, a composed accent
    # or a stripped space changes what ftfy sees); its output is normalised again (U+2029, say)
    if _MOJIBAKE_HINT.search(text) and is_bad(text):
        text = _normalise(ftfy.fix_text(text, _FTFY_CONFIG))
    return text


def _normalise(text: str) -> str:
    """Line endings, lone surrogates, control and invisible characters, NFC, trailing spaces."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    try:
        text.encode("utf-8")  # C-speed check: a lone surrogate is rare, so only then pay for the regex
    except UnicodeEncodeError:
        text = _SURROGATE.sub("\ufffd", text)
    return _strip_line_ends(unicodedata.normalize("NFC", _CONTROL_OR_INVISIBLE.sub("", text)))


def _strip_line_ends(text: str) -> str:
    """Drop spaces, tabs and no-break spaces before each newline and at the end (str.rstrip per
    line: a `[ \\t]+$` regex in multiline mode tries every space of the text and costs 10x more)."""
    if not any(c + "\n" in text for c in _TRAILING) and not text.endswith(tuple(_TRAILING)):
        return text
    return "\n".join(line.rstrip(_TRAILING) for line in text.split("\n"))
