"""Shape tests on one line, the cues a human reader uses: a short name-shaped line, a date, a
sentence-like paragraph, a byline, a menu row. They look at `Line.plain`, the line with markdown
decoration removed."""

from __future__ import annotations

import re

from tasks.segment.dates import is_date

_SENTENCE_END = re.compile(r"[.!?…。！？:;][\"'”’»)\]]*$")
_INNER_SENTENCE = re.compile(r"[a-z]{2}[.!?]\s+[A-Z]")  # 'the audio. A better', not 'Rev. Rodriguez'
_NAME_BAD_END = re.compile(r"[.!?…:;,]$")
_NAME_BAD_CHARS = re.compile(r"[\"“”«»()\[\]{}<>=/\\|#@*•·，。！？；：、…]|https?:|www\.|(?<!\w)\d{3,}")
_NAME_INITIAL = re.compile(r"(?:^|\s)\w\.$")  # 'Petra V.' ends in an initial, not a sentence
_BYLINE = re.compile(
    r"(?:by|von|par|por|door|di|av|af|przez|автор|oleh|penulis):?\s+\S.*"
    r"|(?:\S+\s+){0,3}by\s+[A-ZÀ-Ýa-z].*"
    r"|(?:author|authors|written by|posted by|autor|auteur|reporter)\s*:\s*\S.*",
    re.IGNORECASE,
)


def word_count(text: str) -> int:
    return len(text.split())


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


def text_words(text: str) -> int:
    """Words of running text: Chinese, Japanese and Korean are written without spaces, so two of
    their characters count as a word."""
    words = len(text.split())
    return words if text.isascii() else words + len(_CJK.findall(text)) // 2


def is_prose(text: str) -> bool:
    """A sentence-like paragraph: long, or several words ending like a sentence."""
    # text_words(), inline: this runs on most lines of every page. Words past the twelfth change
    # nothing (twelve words are prose), so a paragraph is split no further than that.
    words = len(text.split(maxsplit=12))
    if not text.isascii():
        words += len(_CJK.findall(text)) // 2
    return words >= 12 or (words >= 4 and _SENTENCE_END.search(text) is not None)


def is_sentence(text: str) -> bool:
    """Ends like a sentence ('.', '?', '!', closing quote after them) or holds two sentences;
    a headline does neither."""
    return _SENTENCE_END.search(text) is not None or _INNER_SENTENCE.search(text) is not None


def is_byline(text: str) -> bool:
    return word_count(text) <= 25 and len(text) <= 200 and _BYLINE.fullmatch(text) is not None


_MENU_SPLIT = re.compile(r"\s{2,}|\s*[|·•]\s*")


_WHITESPACE_RUN = re.compile(r"\s\s")  # `\s` is what str.split() splits on: Unicode whitespace


def _has_separator(stripped: str) -> bool:
    """What every match of _MENU_SPLIT holds: '|', '·', '•' or two whitespace characters in a row
    (searched for, not counted from the line's words: a paragraph is no list of words to build)."""
    if "|" in stripped or "·" in stripped or "•" in stripped or "  " in stripped or not stripped:
        return True
    if stripped.isprintable():  # no whitespace but single spaces (the others are unprintable)
        return False
    return _WHITESPACE_RUN.search(stripped) is not None


def is_menu_row(loose: str) -> bool:
    """A navigation row: three or more short items side by side ('News | Sport | Culture',
    'Reviews  Features  Festivals'), none of them a sentence."""
    loose = loose.strip()
    if not _has_separator(loose):  # one item: no row
        return False
    items = [i for i in _MENU_SPLIT.split(loose) if i]
    return len(items) >= 3 and all(len(i.split()) <= 3 and not _NAME_BAD_END.search(i) for i in items)


def is_title_shaped(text: str) -> bool:
    """A headline: a handful of words on one line, not a sentence fragment or a date."""
    words = text_words(text)
    return (
        2 <= words <= 30
        and 8 <= len(text) <= 250
        and not text.endswith((",", ";", ":"))
        and not is_date(text)
        and any(c.isalpha() for c in text)
    )


def is_name_shaped(text: str) -> bool:
    """A display name: one to five short tokens, no sentence punctuation at the end, no links."""
    if not 1 <= len(text) <= 50 or _NAME_BAD_CHARS.search(text):
        return False
    if _NAME_BAD_END.search(text) and not _NAME_INITIAL.search(text):
        return False
    tokens = text.split()
    if not 1 <= len(tokens) <= 5 or any(len(t) > 25 for t in tokens):
        return False
    return any(c.isalpha() for c in text) and not is_date(text)


WRAP_SLACK = 25  # a line this much shorter than the wrap width ended its paragraph line on purpose
