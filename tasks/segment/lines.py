"""A page as a list of lines, each with the blank-line gap before it and its markdown decoration
removed (`Line.plain`), so that `## 3 thoughts on …` and `**Jane**` are read like their text."""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field

_MD_ESCAPED_IMAGE_LINK = (
    re.compile(  # '[!\[Image\](icon.gif)](url "Email Post")': an icon a converter escaped
        r"\[!\\\[[^\]]*?\\\]\([^)]*\)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)"
    )
)
_MD_IMAGE = re.compile(r"!\[\[[^\]]*\]\]|!\[[^\]]*\]\([^)]*\)")
# a link's target: a URL (balanced or escaped parentheses inside), or a 'javascript:' call a
# renderer kept with its spaces and escaped parentheses ('javascript:go\\('a'\\); f\\(\\);')
_MD_TARGET = r"\((?:javascript:(?:\\.|[^)\\])*|(?:[^()\s\\]|\\.|\([^()\s]*\))*(?:\s+\"[^\"]*\")?)\)"
_MD_LINK = re.compile(r"\[([^\]]*)\]" + _MD_TARGET)
_MD_LINK_TAIL = re.compile(r"\]" + _MD_TARGET)  # from a link's ']'
_MD_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_MD_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
_MD_EMPHASIS = re.compile(
    r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])"
    r"|(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])"
)
_MD_PREFIX = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?)+")
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+\S")
_MD_LIST = re.compile(r"^\s*(?:[*+-]|\d{1,3}[.)])\s+")
_MD_ATTRIBUTES = re.compile(r"\{:[^{}\n]*\}")  # kramdown attribute lists: '[date](#c1){:name='c1'}'
# pandoc's markdown: attribute blocks ('{#id .class key="v"}', one may run over a line break),
# bracketed spans ('[text]{.class}') and fenced divs ('::: {.comment}', ':::')
_PANDOC_SPAN = re.compile(r"\[([^\[\]\n]*)\]\{[#.a-zA-Z][^{}]{0,300}\}")
_PANDOC_ATTRIBUTES = re.compile(r"\{[#.](?:[^{}\n]|\n(?!\s*\n)){0,300}\}")
_PANDOC_DIV = re.compile(r"^([ \t]*(?:(?:\d{1,3}[.)]|[-*+])[ \t]+)?):::+.*$", re.M)
_TEXT_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(?=\S)")  # a markdown heading kept in a plain-text dump
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>~|])")
_MD_RULE = re.compile(r"^\s*(?:[-*_]\s*){3,}$")
_MD_SETEXT_H1 = re.compile(r"^\s{0,3}={3,}\s*$")  # 'Title' underlined with '====='
_MD_EMPTY_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])$")  # a list marker with nothing after it
_BARE_URL = re.compile(r"(?:https?://|www\.)\S+")
# Text-browser dumps (lynx, w3m -o display_link_number): '[12]' before each link's text, and a
# 'References' list of the links' addresses at the end of the page.
_LINK_REF = re.compile(r"\[\d{1,4}\](?=\S)")
_REFERENCES = re.compile(r"^\s*(?:references|visible links|hidden links):?\s*$", re.IGNORECASE)
_REFERENCE_ENTRY = re.compile(r"^\s*\d{1,4}\.\s+\S+\s*$")
LINK_REF_MIN = 3  # markers that make a page a text-browser dump

_LINK_ONLY = re.compile(r"^(?:\s|[|•·,;/→←»«>-]|\[[^\]]*\]\([^)]*\)|!\[[^\]]*\]\([^)]*\)|!\[\[[^\]]*\]\])+$")
_FENCE = re.compile(r"^\s*(?:```|~~~)")
_HTML_COMMENT = re.compile(r"^\s*<!--.*-->\s*$")  # a markdown file's hidden note ('<!-- source: … -->')
# a commenter's header verb wrapped onto a line of its own under the name ('Ann' / 'dit :')
_SAYS_ALONE = re.compile(
    r"^(?:says|said|wrote|dit|a dit|dice|disse|diz|sagt|schrieb|schreef|zegt|scrive|napisał|пишет|написал|написала)"
    r"\s*[:：]?$",
    re.I,
)
# inline HTML a converter left in markdown ('<code style="…">Ann - May 1, 2012</code><br>'): not text
_INLINE_TAG = re.compile(
    r"</?(?:code|span|div|p|br|a|b|i|em|strong|small|font|sup|sub|u|img|time|cite|abbr|h[1-6]|li|ul|ol)\b[^<>]*>",
    re.I,
)
_TEMPLATE_TAG = re.compile(
    r"^\s*(?:\{\{[<%].*[%>]\}\}|\{%.*%\})\s*$"
)  # a site generator's '{{< giscus >}}', '{% raw %}'
_MD_BLOCK_MARKS = frozenset("-*_`~+<{")  # what a rule, fence, empty item or note line opens with (or a digit)
_LINK_ONLY_MARKS = frozenset("|•·,;/→←»«>-[!")  # what a line of nothing but links can open with


@dataclass(slots=True)
class Line:
    """One non-blank line of a page."""

    idx: int  # position among the page's non-blank lines
    raw: str  # as in the cleaned text
    plain: str  # markdown decoration removed (markdown pages), whitespace collapsed: for tests
    gap: int  # blank lines before this line
    indent: int  # leading whitespace, a tab counted as four spaces
    heading: int = 0  # markdown heading level, 0 when none
    link_only: bool = False  # nothing but markdown links or images (navigation, metadata)
    loose: str = ""  # like `plain` with runs of spaces kept: two names side by side stay apart
    memo: dict = field(default_factory=dict)  # per-line classifications, computed once per page
    row: int = -1  # index of the line in `text.split("\n")`

    @property
    def text(self) -> str:
        """The line as output: the page's own text, markdown kept, outer whitespace removed."""
        return self.raw.strip()

    @property
    def key(self) -> str:
        """Comparison key: the same line written twice has the same key."""
        return self.plain.casefold()


def strip_links(text: str) -> str:
    """`_MD_LINK.sub(r"\\1", text)` in linear time: each link keeps its text.

    The regex tries every '[' and scans each to the next ']': quadratic on a line of thousands of
    '['. A link's text cannot hold ']', so every '[' before the same ']' leads to the same attempt
    at that ']': it is made once, for the leftmost of them, as the regex would find it.
    """
    out: list[str] = []
    done = pos = 0
    while (opening := text.find("[", pos)) >= 0:
        closing = text.find("]", opening)
        if closing < 0:
            break
        tail = _MD_LINK_TAIL.match(text, closing)
        if tail is None:
            pos = closing + 1  # no link from any '[' up to this ']'
            continue
        out.append(text[done:opening])
        out.append(text[opening + 1 : closing])
        done = pos = tail.end()
    if not out:
        return text
    out.append(text[done:])
    return "".join(out)


def _emphasis_text(m: re.Match[str]) -> str:
    return m.group(2) or m.group(3) or m.group(4) or ""


def strip_markdown(text: str) -> str:
    """Markdown decoration off one line: links keep their text, images go, emphasis goes.

    Each pattern runs only when the line holds the characters it needs (most lines hold none)."""
    if "{:" in text:
        text = _MD_ATTRIBUTES.sub("", text)
    if "[!\\[" in text:
        text = _MD_ESCAPED_IMAGE_LINK.sub("", text)
    if "![" in text:
        text = _MD_IMAGE.sub("", text)
    if "](" in text:
        text = strip_links(text)
    if "][" in text:
        text = _MD_REF_LINK.sub(r"\1", text)
    if "<http" in text:
        text = _MD_AUTOLINK.sub(r"\1", text)
    if "#" in text or ">" in text:
        text = _MD_PREFIX.sub("", text)
    head = text.lstrip()[:1]
    if head in ("*", "+", "-") or head.isdecimal():
        text = _MD_LIST.sub("", text)
    for _ in range(2):
        if "*" not in text and "_" not in text:
            break
        text, found = _MD_EMPHASIS.subn(_emphasis_text, text)
        if not found:  # nothing replaced: a second pass would find nothing either
            break
    return _MD_ESCAPE.sub(r"\1", text) if "\\" in text else text


def _without_references(raw_lines: list[str]) -> list[str]:
    """A dump's closing 'References' list (numbered addresses only) is not page text."""
    for i in range(len(raw_lines) - 1, -1, -1):
        if _REFERENCES.match(raw_lines[i]):
            rest = [r for r in raw_lines[i + 1 :] if r.strip()]
            if rest and all(_REFERENCE_ENTRY.match(r) for r in rest):
                return raw_lines[:i]
            return raw_lines
    return raw_lines


def _collapsed(loose: str) -> str:
    """Whitespace runs as one space (`loose` is stripped). A printable line (every whitespace
    character but the space is unprintable) without two spaces in a row has no run to collapse:
    it is its own result, and no list of words is built."""
    if "  " not in loose and loose.isprintable():
        return loose
    return " ".join(loose.split())


def without_pandoc_marks(text: str) -> str:
    """pandoc's attribute blocks, spans and div fences off a markdown page: the page's words stay,
    its line count too (a block that ran over a line break leaves the break)."""
    if ":::" in text:
        text = _PANDOC_DIV.sub(r"\1", text)
    if "]{" in text:
        text = _PANDOC_SPAN.sub(r"\1", text)
    if "{#" in text or "{." in text:
        text = _PANDOC_ATTRIBUTES.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    return text


def split_lines(text: str, markdown: bool) -> list[Line]:
    """Cleaned text -> non-blank lines, each with its gap of blank lines before it.

    In a text-browser dump the link-reference markers are off `plain` (the output keeps them)."""
    lines: list[Line] = []
    gap = 0
    if markdown:
        text = without_pandoc_marks(text)
    raw_lines = text.split("\n")
    dump = not markdown and len(_LINK_REF.findall(text)) >= LINK_REF_MIN
    if dump:
        raw_lines = _without_references(raw_lines)
    for row, raw in enumerate(raw_lines):
        stripped = raw.strip()
        if markdown and stripped == "\\":  # a hard line break alone on its line: a blank line
            stripped = ""
        first = stripped[:1]  # the line patterns below can only match lines opening with their marks
        if (
            markdown
            and first == "="
            and _MD_SETEXT_H1.match(raw)
            and lines
            and gap == 0
            and not lines[-1].heading
        ):
            lines[-1].heading = 1
            continue
        if not stripped or (
            markdown
            and (first in _MD_BLOCK_MARKS or first.isdecimal())
            and (
                _MD_RULE.match(stripped)
                or _FENCE.match(stripped)
                or _MD_EMPTY_ITEM.match(stripped)
                or _HTML_COMMENT.match(stripped)
                or _TEMPLATE_TAG.match(stripped)
            )
        ):
            gap += 1
            continue
        heading = 0
        if markdown:
            m = _MD_HEADING.match(raw) if first == "#" else None
            heading = len(m.group(1)) if m else 0
            bare = stripped[:-1] if stripped.endswith("\\") and not stripped.endswith("\\\\") else stripped
            if "<" in bare:
                bare = _INLINE_TAG.sub(" ", bare)
            loose = strip_markdown(bare).replace("\t", "  ").strip()
            plain = _collapsed(loose)
            if not plain:  # an image or an empty link alone on its line
                gap += 1
                continue
        else:  # a plain-text dump may still show '# Title': the marks are not part of the text
            m = _TEXT_HEADING.match(raw) if first == "#" else None
            heading = len(m.group(1)) if m else 0
            loose = (raw[m.end() :] if m else stripped).strip().replace("\t", "  ")
            if dump:
                loose = _MD_LIST.sub("", _LINK_REF.sub(" ", loose)).strip() or loose
            plain = _collapsed(loose)
        if raw[0] in " \t":
            lead = raw[: len(raw) - len(raw.lstrip(" \t"))]
            indent = len(lead.replace("\t", "    "))
        else:
            indent = 0
        link_only = (
            (  # nothing but links: navigation, metadata ('## https://…' in a text dump too)
                first in _LINK_ONLY_MARKS and _LINK_ONLY.match(stripped) is not None
                if markdown
                else plain[:1] in ("h", "w") and _BARE_URL.fullmatch(plain) is not None
            )
            and not (markdown and heading)
        )
        if gap == 0 and lines and len(plain) <= 8 and _SAYS_ALONE.match(plain) and len(lines[-1].plain) <= 60:
            prev = lines[-1]  # 'dit :' under the name it belongs to: one header line, as a page shows it
            prev.raw, prev.plain, prev.loose = (
                f"{prev.raw.rstrip()} {stripped}",
                f"{prev.plain} {plain}",
                f"{prev.loose} {loose}",
            )
            continue
        lines.append(Line(len(lines), raw.rstrip(), plain, gap, indent, heading, link_only, loose, row=row))
        gap = 0
    return lines


WRAP_SLACK = 25  # a line this much shorter than the wrap width ended its paragraph line on purpose


def wrap_width(lines: list[Line]) -> int | None:
    """The column a hard-wrapped page breaks at, or None when lines are not hard-wrapped."""
    widths = [len(a.plain) for a, b in zip(lines, lines[1:], strict=False) if b.gap == 0]
    if len(widths) < 4:
        return None
    width = int(statistics.quantiles(widths, n=10)[-1])
    return width if 40 <= width <= 110 else None


def wrapped_on(line: Line, wrap: int | None) -> bool:
    """The line reaches the wrap width: its paragraph goes on in the next line (when gap 0)."""
    return wrap is not None and len(line.plain) >= wrap - WRAP_SLACK


_STRUCTURAL_PREFIX = re.compile(r"^(?:\s*>\s?)+|^\s*(?:[*+•-]|\d{1,3}[.)])\s+")


def comment_text(line: Line) -> str:
    """A comment line as output: the page's text without the quote or list marks that only show
    its place in a thread (a reply rendered as '> …' or '* …')."""
    text = line.text
    if text[:1] in (">", "*", "+", "-", "•") or text[:1].isdecimal():
        stripped = _STRUCTURAL_PREFIX.sub("", text, count=1)
        return stripped if stripped.strip() else text
    return text
