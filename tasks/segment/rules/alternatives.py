"""A full-line union of many regular expressions that tries only the alternatives a line can match.

The rule table's lists (chrome lines, section markers, end markers) are unions of up to a hundred
alternatives, and `re` tries every one of them on every line. Most alternatives can only start
with a few characters ('tip jar' with a 't' or 'T'), and some only end with a few ('.{1,120} →'),
so the union is split by the line's first and last characters: for each pair seen, the
alternatives that may start and end with them, in their order, compiled once per process. The
result is exactly the full union's, named groups included: an alternative left out cannot match
the line at all, and the rest are tried in the same order.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]
import re
from functools import cache, cached_property
from re import _compiler as sre_compile  # type: ignore[attr-defined]
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


def _edge(seq, out: list[str], last: bool) -> bool:
    """Add to `out` the one-character patterns a match of `seq` may start with (`last`: end
    with); True when `seq` can match the empty string (then its neighbour supplies that character)."""
    for op, av in reversed(seq) if last else seq:
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
            continue  # consumes nothing: the character comes from its neighbour
        if op is sre.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            if add_flags or del_flags:
                raise _AnyChar
            if not _edge(sub, out, last):
                return False
            continue
        if op is getattr(sre, "ATOMIC_GROUP", None):
            if not _edge(av, out, last):
                return False
            continue
        if op is sre.BRANCH:
            nullable = False
            for branch in av[1]:
                nullable |= _edge(branch, out, last)
            if not nullable:
                return False
            continue
        if op in _REPEATS:
            low, _high, sub = av
            if not _edge(sub, out, last) and low > 0:
                return False
            continue
        raise _AnyChar  # ANY, back-references, conditionals: any character
    return True


@cache
def _parsed(pattern: str, flags: int):
    """The parse tree of a pattern, once per process (the rule lists share many alternatives)."""
    return sre_parse.parse(pattern, flags)


@cache
def edge_chars(pattern: str, flags: int, last: bool = False) -> re.Pattern[str] | None:
    """A one-character pattern that every non-empty full match of `pattern` starts with (`last`:
    ends with); None when that may be any character."""
    out: list[str] = []
    try:
        _edge(_parsed(pattern, flags), out, last)
    except _AnyChar:
        return None
    return re.compile("|".join(out), flags) if out else None


class _CaseFold(dict):
    """Code point -> the code point `re` compares it by when it ignores case: its lower case, the
    few letters `re` also takes as equal ('ſ' and 's') folded to one. Filled as characters come."""

    def __missing__(self, code: int) -> int:
        low = _sre.unicode_tolower(code)
        folded = self[code] = min((low, *sre_compile._EXTRA_CASES.get(low, ())))
        return folded


CASE_FOLD = _CaseFold()


def fold_case(text: str) -> str:
    """`text` with each character as `re` compares it when ignoring case (ASCII: its lower case)."""
    return text.lower() if text.isascii() else text.translate(CASE_FOLD)


def _is_any_run(item) -> bool:
    op, av = item
    return op is sre.MAX_REPEAT and av[0] == 0 and av[1] is sre.MAXREPEAT and list(av[2]) == [(sre.ANY, None)]


@cache
def contained_text(pattern: str, flags: int) -> str | None:
    """'.*we use cookies.*' -> 'we use cookies': for a pattern that matches a whole line exactly
    when the line (holding no newline) contains that text, the text; else None."""
    if flags & ~(re.IGNORECASE | re.UNICODE):
        return None
    try:
        tree = _parsed(pattern, flags)
    except re.error:
        return None
    items = list(tree)
    if tree.state.flags & ~(flags | re.UNICODE) or len(items) < 3:
        return None
    if not (_is_any_run(items[0]) and _is_any_run(items[-1])):
        return None
    if any(op is not sre.LITERAL for op, _ in items[1:-1]):
        return None
    text = "".join(chr(code) for _, code in items[1:-1])
    return text if "\n" not in text else None


MAX_REMEMBERED_ENDS = 100_000  # (first, last) character pairs remembered per union
# Texts whose answer a union, pattern or form list remembers: a site's chrome, headings and
# buttons come back on each of its pages, and the costliest tests (the 'Name date' header forms,
# the chrome list) are the ones that fail on them. A full memo is emptied, not grown; a longer
# text (a paragraph, seldom repeated) is not kept, so that a memo stays a few megabytes.
MAX_REMEMBERED_TEXTS = 32_768
MAX_REMEMBERED_CHARS = 200
_UNSEEN = object()
FEW_ALTERNATIVES = 8  # up to this many are tried one by one: compiling a union of them costs more


class LineUnion:
    """`re.compile('(?:a)|(?:b)|…', flags).fullmatch` for lines, split by a line's first and last
    characters. The same lines match, by the same alternative (the first in order that can)."""

    def __init__(self, alternatives: list[str], flags: int = re.IGNORECASE) -> None:
        self.alternatives = alternatives
        self.flags = flags
        self.pattern = "|".join(f"(?:{p})" for p in alternatives)
        # '.*text.*' alternatives are a substring test on the case-folded line, not a regex scan
        self._contained = {i: t for i, p in enumerate(alternatives) if (t := contained_text(p, flags))}
        self._ignore_case = bool(flags & re.IGNORECASE)
        self._contained_keys = [
            (i, fold_case(text) if self._ignore_case else text) for i, text in self._contained.items()
        ]
        self._firsts = [edge_chars(p, flags) for p in alternatives]
        self._lasts = [edge_chars(p, flags, last=True) for p in alternatives]
        self._first_masks: dict[str, int] = {}
        self._last_masks: dict[str, int] = {}
        self._one: dict[int, re.Pattern[str]] = {}
        self._by_mask: dict[int, tuple[re.Pattern[str], ...]] = {0: ()}
        self._by_ends: dict[tuple[str, str], tuple[re.Pattern[str], ...]] = {}
        self._seen: dict[str, re.Match[str] | None] = {}

    @cached_property
    def whole(self) -> re.Pattern[str]:
        """The union as one regex (compiled when first asked for: the splits mostly do without)."""
        return re.compile(self.pattern, self.flags)

    def _patterns(self, mask: int) -> tuple[re.Pattern[str], ...]:
        """The alternatives in `mask`, in order: each alone when they are few, else their union."""
        chosen = [i for i in range(len(self.alternatives)) if mask >> i & 1]
        if len(chosen) > FEW_ALTERNATIVES:
            return (re.compile("|".join(f"(?:{self.alternatives[i]})" for i in chosen), self.flags),)
        for i in chosen:
            if i not in self._one:
                self._one[i] = re.compile(self.alternatives[i], self.flags)
        return tuple(self._one[i] for i in chosen)

    def _mask(self, char: str, edges: list[re.Pattern[str] | None], cache: dict[str, int]) -> int:
        """The alternatives (one bit each) that may start (or end) with `char`; the '.*text.*'
        ones are tried apart."""
        mask = 0
        for i, edge in enumerate(edges):
            if i not in self._contained and (edge is None or edge.fullmatch(char) is not None):
                mask |= 1 << i
        cache[char] = mask
        return mask

    def _for_ends(self, text: str) -> tuple[re.Pattern[str], ...]:
        """The patterns to try on lines with `text`'s first and last characters (remembered)."""
        if not text:
            return (self.whole,)
        first = self._first_masks.get(text[0])
        if first is None:
            first = self._mask(text[0], self._firsts, self._first_masks)
        last = self._last_masks.get(text[-1])
        if last is None:
            last = self._mask(text[-1], self._lasts, self._last_masks)
        mask = first & last
        patterns = self._by_mask.get(mask)
        if patterns is None:
            patterns = self._by_mask[mask] = self._patterns(mask)
        if len(self._by_ends) >= MAX_REMEMBERED_ENDS:
            self._by_ends.clear()
        self._by_ends[text[0], text[-1]] = patterns
        return patterns

    def fullmatch(self, text: str) -> re.Match[str] | None:
        if len(text) > MAX_REMEMBERED_CHARS:
            return self._fullmatch(text)
        found = self._seen.get(text, _UNSEEN)
        if found is _UNSEEN:
            if len(self._seen) >= MAX_REMEMBERED_TEXTS:
                self._seen.clear()
            found = self._seen[text] = self._fullmatch(text)
        return found  # type: ignore[return-value]

    def _fullmatch(self, text: str) -> re.Match[str] | None:
        try:
            patterns = self._by_ends[text[0], text[-1]]
        except (KeyError, IndexError):
            patterns = self._for_ends(text)
        for pattern in patterns:
            found = pattern.fullmatch(text)
            if found is not None:
                return found
        if self._contained_keys and "\n" not in text:
            folded = fold_case(text) if self._ignore_case else text
            for i, key in self._contained_keys:
                if key in folded:
                    return self._alone(i).fullmatch(text)
        return None

    def _alone(self, i: int) -> re.Pattern[str]:
        if i not in self._one:
            self._one[i] = re.compile(self.alternatives[i], self.flags)
        return self._one[i]


class LinePattern:
    """A compiled pattern for full lines that first checks the line's first and last characters
    against those its matches can have: most lines fail one of them, and fail it in a lookup."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.compiled = pattern
        self.pattern = pattern.pattern
        self.groupindex = pattern.groupindex
        self._first = edge_chars(pattern.pattern, pattern.flags)
        self._last = edge_chars(pattern.pattern, pattern.flags, last=True)
        self._ends_ok: dict[tuple[str, str], bool] = {}
        self._seen: dict[str, re.Match[str] | None] = {}

    def may_match(self, text: str) -> bool:
        """False when no full match can start and end with `text`'s first and last characters."""
        if not text:
            return True
        ends = text[0], text[-1]
        ok = self._ends_ok.get(ends)
        if ok is None:
            ok = (self._first is None or self._first.fullmatch(ends[0]) is not None) and (
                self._last is None or self._last.fullmatch(ends[1]) is not None
            )
            if len(self._ends_ok) >= MAX_REMEMBERED_ENDS:
                self._ends_ok.clear()
            self._ends_ok[ends] = ok
        return ok

    def fullmatch(self, text: str) -> re.Match[str] | None:
        if len(text) > MAX_REMEMBERED_CHARS:
            return self.compiled.fullmatch(text) if self.may_match(text) else None
        found = self._seen.get(text, _UNSEEN)
        if found is _UNSEEN:
            if len(self._seen) >= MAX_REMEMBERED_TEXTS:
                self._seen.clear()
            found = self._seen[text] = self.compiled.fullmatch(text) if self.may_match(text) else None
        return found  # type: ignore[return-value]


class NamedPatterns:
    """(name, pattern) pairs tried in order; for each (first, last) character pair of a line, only
    the patterns that may match it are kept (remembered), so a line pays for those alone."""

    def __init__(self, forms: list[tuple[str, LinePattern]]) -> None:
        self.forms = forms
        self._by_ends: dict[tuple[str, str], list[tuple[str, LinePattern]]] = {}
        self._seen: dict[str, list[tuple[str, LinePattern]]] = {}

    def __iter__(self):
        return iter(self.forms)

    def matching(self, text: str) -> list[tuple[str, LinePattern]]:
        """The forms that fully match `text`, in order (the list is shared: not to be changed)."""
        if len(text) > MAX_REMEMBERED_CHARS:
            return self._matching(text)
        found = self._seen.get(text)
        if found is None:
            if len(self._seen) >= MAX_REMEMBERED_TEXTS:
                self._seen.clear()
            found = self._seen[text] = self._matching(text)
        return found

    def _matching(self, text: str) -> list[tuple[str, LinePattern]]:
        try:
            candidates = self._by_ends[text[0], text[-1]]
        except (KeyError, IndexError):
            candidates = [(n, p) for n, p in self.forms if p.may_match(text)]
            if text:
                if len(self._by_ends) >= MAX_REMEMBERED_ENDS:
                    self._by_ends.clear()
                self._by_ends[text[0], text[-1]] = candidates
        return [(n, p) for n, p in candidates if p.compiled.fullmatch(text) is not None]
