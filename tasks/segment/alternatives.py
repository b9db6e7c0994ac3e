"""A full-line union of many regular expressions that tries only the alternatives a line can match.

The rule table's lists (chrome lines, section markers, end markers) are unions of up to a hundred
alternatives, and `re` tries every one of them on every line. Most alternatives can only start
with a few characters ('tip jar' with a 't' or 'T'), so the union is split by the line's first
character: for each first character seen, the alternatives that may start with it, in their
order, compiled once per process. The result is exactly the full union's, match groups included:
an alternative left out cannot match the line at all, and the rest are tried in the same order.
"""

from __future__ import annotations

import re
from re import _constants as sre  # type: ignore[attr-defined]  # the parser's opcodes
from re import _parser as sre_parse  # type: ignore[attr-defined]

_CATEGORIES = {
    sre.CATEGORY_DIGIT: r"\d",
    sre.CATEGORY_NOT_DIGIT: r"\D",
    sre.CATEGORY_SPACE: r"\s",
    sre.CATEGORY_NOT_SPACE: r"\S",
    sre.CATEGORY_WORD: r"\w",
    sre.CATEGORY_NOT_WORD: r"\W",
}
_REPEATS = {sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT)}
_ZERO_WIDTH = {sre.AT, sre.ASSERT, sre.ASSERT_NOT}


class _AnyChar(Exception):
    """The alternative may start with any character (or with one this module does not model)."""


def _char(code: int) -> str:
    return re.escape(chr(code))


def _charset(items: list) -> str:
    """A parsed character class back to its source."""
    parts = []
    for op, av in items:
        if op is sre.NEGATE:
            parts.insert(0, "^")
        elif op is sre.LITERAL:
            parts.append(_char(av))
        elif op is sre.RANGE:
            parts.append(f"{_char(av[0])}-{_char(av[1])}")
        elif op is sre.CATEGORY and av in _CATEGORIES:
            parts.append(_CATEGORIES[av])
        else:
            raise _AnyChar
    return "[" + "".join(parts) + "]"


def _first(seq, out: list[str]) -> bool:
    """Add to `out` the one-character patterns a match of `seq` may start with; True when `seq`
    can match the empty string (then what follows it may supply the first character)."""
    for op, av in seq:
        if op is sre.LITERAL:
            out.append(_char(av))
            return False
        if op is sre.NOT_LITERAL:
            out.append(f"[^{_char(av)}]")
            return False
        if op is sre.IN:
            out.append(_charset(av))
            return False
        if op in _ZERO_WIDTH:
            continue  # consumes nothing: the first character comes from what follows
        if op is sre.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            if add_flags or del_flags:
                raise _AnyChar
            if not _first(sub, out):
                return False
            continue
        if op is getattr(sre, "ATOMIC_GROUP", None):
            if not _first(av, out):
                return False
            continue
        if op is sre.BRANCH:
            nullable = False
            for branch in av[1]:
                nullable |= _first(branch, out)
            if not nullable:
                return False
            continue
        if op in _REPEATS:
            low, _high, sub = av
            if not _first(sub, out) and low > 0:
                return False
            continue
        raise _AnyChar  # ANY, back-references, conditionals: any character
    return True


def first_chars(pattern: str, flags: int) -> re.Pattern[str] | None:
    """A one-character pattern that every non-empty full match of `pattern` starts with; None
    when that may be any character."""
    out: list[str] = []
    try:
        _first(sre_parse.parse(pattern, flags), out)
    except _AnyChar:
        return None
    return re.compile("|".join(out), flags) if out else None


class LineUnion:
    """`re.compile('(?:a)|(?:b)|…', flags)` for full-line matching, split by first character."""

    def __init__(self, alternatives: list[str], flags: int = re.IGNORECASE) -> None:
        self.alternatives = alternatives
        self.flags = flags
        self.whole = self._compile(tuple(range(len(alternatives))))
        self.pattern = self.whole.pattern
        self._firsts = [first_chars(p, flags) for p in alternatives]
        self._subsets: dict[tuple[int, ...], re.Pattern[str] | None] = {}
        self._by_char: dict[str, re.Pattern[str] | None] = {}

    def _compile(self, subset: tuple[int, ...]) -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{self.alternatives[i]})" for i in subset), self.flags)

    def _for_char(self, char: str) -> re.Pattern[str] | None:
        subset = tuple(
            i for i, first in enumerate(self._firsts) if first is None or first.fullmatch(char) is not None
        )
        if subset not in self._subsets:
            if not subset:
                self._subsets[subset] = None
            elif len(subset) == len(self.alternatives):
                self._subsets[subset] = self.whole
            else:
                self._subsets[subset] = self._compile(subset)
        return self._subsets[subset]

    def fullmatch(self, text: str) -> re.Match[str] | None:
        if not text:
            return self.whole.fullmatch(text)
        char = text[0]
        try:
            pattern = self._by_char[char]
        except KeyError:
            pattern = self._by_char[char] = self._for_char(char)
        return pattern.fullmatch(text) if pattern is not None else None
