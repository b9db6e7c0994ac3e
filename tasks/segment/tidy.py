"""The last pass over a page's segmentation, whichever reader made it: fields tidied the same way.

Real scrapes show a few habits no reader should have to learn one by one: a title that carries
the site's name (`Falsehoods about prices – Thias's blog`), or that a renderer wrote twice around
it (`Headline - Site Headline`); a commenter's name read with its header verb (`Madflier said`);
a comment that ends in its buttons glued into one word (`ReplyShare`, `LikeReply`). Each is
recognised from the words a kind of line uses (`cues.toml`), never from a site.
"""

from __future__ import annotations

import contextlib
import re
from collections import Counter
from datetime import datetime
from urllib.parse import urlsplit

from tasks.models import Segmentation
from tasks.segment.dates import parse_date
from tasks.segment.features import _WORD, CUE_BIT, cue_mask
from tasks.segment.lines import Line

_SAYS_BIT, _ACTION_BIT = CUE_BIT["says"], CUE_BIT["action"]
_AUXILIARY = {"has", "have", "hat", "a", "ha", "heeft"}

_URLISH = re.compile(r"https?://|www\.\w")
TOP_LINES = 5  # a page's own top-level heading stands among its first lines

# ' - ', ' | ', ' – ' ... between a headline and the site's name
_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|·|•|»|::|◆|◇|■|●|★|~)\s+")
_FIELD_LABEL = re.compile(r"^(?:title|titre|titel|título|titolo)\s*:\s+", re.I)  # 'title: …' shown as a line
_ANCHOR_MARK = re.compile(r"\s*[¶§🔗]+\s*$")  # a heading's permalink mark
_DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}$", re.I)  # 'dio.la', 'example.co.uk'
# a comment section's heading naming the post: '4 thoughts on “Title”', '9 réflexions sur « Title »'
_QUOTED_TITLE = re.compile(r"^\d{1,5}\s+\w+(?:\s+\w+){0,2}\s+[“\"«„‘']\s*(.{8,300}?)\s*[”\"»“’']$")
# words that make a short title part a site's name rather than the headline's end
_SITE_WORDS = {
    "blog",
    "blogs",
    "weblog",
    "news",
    "magazine",
    "magazin",
    "online",
    "times",
    "journal",
    "daily",
    "weekly",
    "tribune",
    "herald",
    "gazette",
    "zeitung",
    "wiki",
    "forum",
    "community",
    "substack",
    "medium",
    "blogspot",
    "wordpress",
}
_ALNUM = re.compile(r"[\W_]+")
_GLUED = re.compile(r"(?:[A-ZÀ-Þ][a-zß-ÿ]+){2,}")  # 'ReplyShare', 'LikeReply'


def _squash(text: str) -> str:
    return _ALNUM.sub("", text.casefold())


def _host_labels(meta: dict[str, str]) -> list[str]:
    """The site's names the front matter gives: its host's labels and its `source`/`site`."""
    out = []
    for key in ("url", "source_url", "link", "canonical"):
        host = urlsplit(meta.get(key) or "").hostname or ""
        out += [lab for lab in host.split(".")[:-1] if lab not in ("www", "m", "blog", "co")]
    for key in ("source", "site", "site_name", "sitename", "publisher"):
        if meta.get(key):
            out.append(meta[key])
    return [s for s in (_squash(x) for x in out) if len(s) >= 4]


def _names_site(part: str, sites: list[str]) -> bool:
    words = part.split()
    if not words or len(words) > 4:
        return False
    if any(w.casefold().strip(".,:") in _SITE_WORDS for w in words):
        return True
    squashed = _squash(part)
    return bool(squashed) and any(
        squashed == s or (len(squashed) >= 4 and (squashed in s or s in squashed)) for s in sites
    )


def quoted_title(lines: list[Line], markdown: bool = True) -> str | None:
    """The post's title as its comment section's heading quotes it ('4 thoughts on “Title”').
    On a plain-text page, only when its words stand on the page as they are (a plain-text
    reading never returns a word the page does not show: '“Title' is not 'Title')."""
    for ln in lines:
        if ln.plain[:1].isdigit() and len(ln.plain) <= 320 and _cues(ln.plain) & CUE_BIT["section"]:
            m = _QUOTED_TITLE.match(ln.plain)
            if m:
                # the page's own words only: a title is never a word the page does not show
                if markdown or set(m.group(1).split()) <= {w for other in lines for w in other.raw.split()}:
                    return m.group(1)
                return _page_line(m.group(1), lines)
    return None


def _page_line(title: str, lines: list[Line]) -> str | None:
    """The page's own line for a title read from an address ('import ai 400 distillation …')."""
    key = _squash(title)
    return next((ln.plain for ln in lines if len(ln.plain) < 400 and _squash(ln.plain) == key), None)


def clean_title(
    title: str | None, lines: list[Line], meta: dict[str, str], markdown: bool = True
) -> str | None:
    """`title` without a site's name after a separator, and without the headline a renderer
    wrote again after it ('Headline - Site Headline' -> 'Headline'); without a field label or a
    permalink mark; the comment section's quote of it where the page gave none."""
    quoted = quoted_title(lines, markdown)
    if not title:
        return quoted
    title = _ANCHOR_MARK.sub("", _FIELD_LABEL.sub("", title)) or title
    if quoted and len(quoted) < len(title) and _squash(quoted) in _squash(title):
        return quoted
    if title == title.casefold() and len(title.split()) >= 3:
        title = _page_line(title, lines) or title
    if _URLISH.search(title):  # no headline holds a web address: a note above the page's own
        h1 = next(
            (ln.plain for ln in lines[:TOP_LINES] if ln.heading == 1 and not _URLISH.search(ln.plain)), None
        )
        if h1:
            return h1
    parts = _SEPARATOR.split(title)
    if len(parts) < 2:
        return title
    head = parts[0].strip()
    if len(head) >= 12 and title.endswith(" " + head) and len(title) > 2 * len(head):
        return head  # two title lines joined: the headline with the site's name, then alone
    sites = _host_labels(meta)
    for _ in range(3):  # 'Headline | example.org - Ann's blog': one site name after another
        cut = list(_SEPARATOR.finditer(title))
        if not cut:
            break
        before, last = title[: cut[-1].start()].strip(), title[cut[-1].end() :].strip()
        if len(before) < 12 or len(before.split()) < 2:
            break
        if not (
            _names_site(last, sites)
            or _DOMAIN.match(last)
            or (len(last.split()) <= 4 and any(ln.plain.strip() == before for ln in lines))
        ):
            break
        title = before
    return title


_TAG = re.compile(r"<[^<>]{0,300}>")
_REPLY_MARK = re.compile(r"\s*(?:\*>\*|›|▸|▶|➦|↪)\s*\S.*$")  # 'Ann *>* Bob': Ann, answering Bob


def clean_author(author: str | None) -> str | None:
    """A commenter's name without the header verb the scrape kept beside it ('Ann said'), the
    markup a converter left around it ('<h6 class="author">Ann</h6>') or the name it answers."""
    if not author:
        return author
    if "<" in author:
        author = _TAG.sub(" ", author).strip() or author
    author = _REPLY_MARK.sub("", author) or author
    words = author.split()
    if len(words) > 1 and cue_mask([words[-1].casefold().strip(".:…")]) & _SAYS_BIT:
        words = words[:-1]
        if len(words) > 1 and words[-1].casefold() in _AUXILIARY:
            words = words[:-1]
    return " ".join(words)


def _glued_buttons(token: str) -> bool:
    """'ReplyShare': two or more button words written as one."""
    if not _GLUED.fullmatch(token):
        return False
    parts = re.findall(r"[A-ZÀ-Þ][a-zß-ÿ]+", token)
    return all(cue_mask([p.casefold()]) & _ACTION_BIT for p in parts)


# a link whose text has no word in it, maybe as a list item: a pager's '[«](…)', '* [›](…)'
_SYMBOL_LINK_END = re.compile(r"\s*(?:[*+-]\s+)?\[[^\w\[\]]*\]\([^)\s]*\)\s*$")


def clean_comment_text(text: str) -> str:
    """A comment's text without buttons glued into one word at its end ('… thanks! ReplyShare'),
    and without the pager's arrows a list of comments ends with ('* [«](…) * [»](…)')."""
    stripped = text.rstrip()
    while (cut := _SYMBOL_LINK_END.search(stripped)) is not None and cut.start() > 0:
        stripped = stripped[: cut.start()].rstrip()
    last = stripped.rsplit(None, 1)
    if len(last) == 2 and _glued_buttons(last[1]):
        return last[0].rstrip()
    return stripped if stripped != text.rstrip() else text


_HEADING_MARKS = re.compile(r"^\s{0,3}#{1,6}\s+")
_TAIL_CUES = CUE_BIT["subscribe"] | CUE_BIT["share"] | CUE_BIT["related"] | CUE_BIT["ad"]
TAIL_SHARE = 0.25  # a closing section is at most this share of the body's words
_END_CUES = (
    _TAIL_CUES | CUE_BIT["action"] | CUE_BIT["section"] | CUE_BIT["powered"]
)  # what a body never ends with


def _cues(text: str) -> int:
    return cue_mask(_WORD.findall(text.casefold()))


def _widget_line(para: str) -> bool:
    """A one-line paragraph that is a widget's, not the article's: a comment system naming
    itself ('We were unable to load Disqus.'), a call to subscribe ('Get my playbook free on
    newsletter signup:'), a lone symbol ('☰')."""
    if len(para) > WIDGET_CHARS or "\n" in para or _HEADING_MARKS.match(para):
        return False
    text = para.strip()
    if not any(ch.isalnum() for ch in text):
        return len(text) <= 3 and not any(ch in _CODE_MARKS for ch in text)  # '☰', not a code block's '}'
    words = text.split()
    if len(words) > WIDGET_WORDS:
        return False
    cues = _cues(text)
    if cues & CUE_BIT["powered"]:
        return True
    return bool(cues & CUE_BIT["subscribe"]) and not text.endswith((".", "?", '"', "”", "»"))


_FORM_END = CUE_BIT["form"] | CUE_BIT["closed"] | CUE_BIT["legal"] | CUE_BIT["account"]


def _form_line(para: str) -> bool:
    """A short line of the form or footer after the last comment ('Notify me of new comments by
    e-mail.', 'Both comments and pings are currently closed.')."""
    return "\n" not in para and len(para.split()) <= UI_WORDS and bool(_cues(para) & _FORM_END)


def without_widget_tail(text: str) -> str:
    """The last comment without the comment widget's own lines the section ends with
    ('- [Powered by Disqus](…)'), however many; its first paragraph always stays."""
    paras = text.split("\n\n")
    while len(paras) > 1 and (
        _widget_line(bare := _MD_LINK.sub(r"\1", paras[-1].split("\n")[0]).strip(" -*•\t"))
        or _form_line(bare)
    ):
        paras.pop()
    return "\n\n".join(paras) if len(paras) < len(text.split("\n\n")) else text


WIDGET_WORDS = 20
_CODE_MARKS = frozenset("{}[]();<>/\\|=+-*`'\"")
WIDGET_CHARS = 200
TAIL_WORDS = 4  # 'Like this:', 'Like Loading…', 'Related', 'Share': buttons left at the body's end


_MD_LINK = re.compile(r"\[([^\[\]]*)\]\([^)]*\)")


def _link_row(unit: str) -> bool:
    """A row of links with a few labels between them, no sentence: tags, breadcrumbs, sources
    ('Section: [Root](…) / [Security](…)', 'Keywords: [a](…), [b](…) / License: CC-BY')."""
    if "\n" in unit or unit.rstrip().endswith((".", "!", "?")):
        return False
    links = len(_MD_LINK.findall(unit))
    outside = sum(any(ch.isalnum() for ch in w) for w in _MD_LINK.sub(" ", unit).split())
    return links >= 2 and outside <= links + 2


REPEATED_LINK = 3  # a link line shown this often on one page is navigation ('Back to top')


def _repeated_links(lines: list[Line]) -> frozenset[str]:
    counts = Counter(ln.raw.strip() for ln in lines if ln.link_only)
    return frozenset(text for text, n in counts.items() if n >= REPEATED_LINK)


def clean_body(body: str, navigation: frozenset[str] = frozenset()) -> str:
    """The body without a closing section under a heading that asks for money, subscriptions or
    shares, or points to other pages ('## Buy me a coffee?', '## Share this post', '## Related'),
    without widget lines at either end (`_widget_line`), and without the buttons and section
    headings left at its very end ('Like this:', 'Like Loading…', 'Related', 'Comments').
    Paragraphs are the units, or lines when the body has no blank line; a unit that is one of the
    page's `navigation` links (a link line shown three times or more) goes wherever it stands."""
    sep = "\n\n" if "\n\n" in body else "\n"
    units = [u for u in body.split(sep) if u.strip() not in navigation] or body.split(sep)
    total = len(body.split())
    seen = 0
    for k in range(len(units) - 1, 0, -1):
        unit = units[k]
        seen += len(unit.split())
        if seen > total * TAIL_SHARE:
            break
        if _HEADING_MARKS.match(unit) and "\n" not in unit and _cues(unit) & _TAIL_CUES:
            units = units[:k]
            break
    n = len(units)
    ends, after = {0, 1}, 0  # the first two units and those of the closing quarter
    for i in range(n - 1, 1, -1):
        after += len(units[i].split())
        if after > total * TAIL_SHARE:
            break
        ends.add(i)
    kept = [u for i, u in enumerate(units) if not (n > 1 and i in ends and _widget_line(u))]
    while (
        len(kept) > 1
        and len(kept[-1].split()) <= TAIL_WORDS
        and not kept[-1].rstrip().endswith((".", "!", "?"))
        and (_cues(kept[-1]) & _END_CUES or _widget_line(kept[-1]))
    ) or (len(kept) > 1 and (_link_row(kept[-1]) or _section_ui(kept[-1]))):
        kept.pop()
    if kept and "\n" in kept[-1]:  # a last paragraph whose closing lines are the section's
        rows = kept[-1].split("\n")
        while len(rows) > 1 and _section_ui(rows[-1]):
            rows.pop()
        kept[-1] = "\n".join(rows)
    return sep.join(kept).rstrip() if kept else body


_BYLINE_WORDS = re.compile(r"^(?:by|von|par|por|door|di|av|af|przez|posted by|written by)\s+", re.I)
NOTE_WORDS = 80


def without_author_note(body: str, byline: str | None) -> str:
    """The body without the note about its author that closes it ('Michael Elad is a professor
    …'): a last paragraph that opens with the byline's name."""
    if not byline or "\n\n" not in body:
        return body
    name = _BYLINE_WORDS.sub("", byline.strip()).split(",")[0].strip()
    words = name.split()
    if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
        return body
    head, _, last = body.rpartition("\n\n")
    opening = last.lstrip("*_# ")
    if opening.startswith(name) and len(last.split()) <= NOTE_WORDS and head.strip():
        return head.rstrip()
    return body


_UI_END = CUE_BIT["closed"] | CUE_BIT["powered"]
UI_WORDS = 12


def _section_ui(unit: str) -> bool:
    """A short line of the comment section's, not the article's: comments switched off, the
    system's name, the section's own heading or label ('Comments imported from blogger:')."""
    text = unit.strip()
    if "\n" in text or len(text.split()) > UI_WORDS:
        return False
    cues = _cues(text)
    if cues & _UI_END:
        return True
    return bool(cues & CUE_BIT["section"]) and (bool(_HEADING_MARKS.match(text)) or text.endswith(":"))


_NUMERIC_DATE = re.compile(r"(?<!\d)(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?!\d)")
_RELATIVE = re.compile(
    r"\b(?:ago|vor|hace|fa|il y a|geleden|temu|lalu|назад|yesterday|today|gestern|heute|hier|ayer|hoy|just now)\b|前",
    re.IGNORECASE,
)


def _day_first(texts: list[str]) -> bool | None:
    """Whether the page writes numeric dates day first (a '20/01/2014' says so), month first
    ('01/20/2014'), or None when no date tells."""
    for text in texts:
        m = _NUMERIC_DATE.search(text)
        if m and int(m.group(1)) > 12 >= int(m.group(3)):
            return True
        if m and int(m.group(3)) > 12 >= int(m.group(1)):
            return False
    return None


def date_comments(seg: Segmentation) -> None:
    """Times for comments whose date alone was not enough: '04/11/2010' read the way the page's
    other numeric dates are written; 'Aug 27' (no year, no scrape time) in the article's year, or
    the next one when that would put the comment before the article."""
    undated = [c for c in seg.comments if c.published_at is None and c.published_text]
    if not undated:
        return
    order = _day_first([c.published_text or "" for c in seg.comments])
    for c in undated:
        text = c.published_text or ""
        m = _NUMERIC_DATE.search(text)
        if m and order is not None:
            day, month = (m.group(1), m.group(3)) if order else (m.group(3), m.group(1))
            year = m.group(4) if len(m.group(4)) == 4 else "20" + m.group(4)
            with contextlib.suppress(ValueError):
                c.published_at = datetime(int(year), int(month), int(day))
            continue
        if seg.published_at is None or _RELATIVE.search(text):
            continue
        when = parse_date(text, seg.published_at)
        if when is not None and when.year == seg.published_at.year:
            c.published_at = when if when >= seg.published_at else when.replace(year=when.year + 1)


def tidy(seg: Segmentation, lines: list[Line], meta: dict[str, str], markdown: bool = True) -> Segmentation:
    """`seg` with its title, byline, body end, commenters' names and comment texts tidied (in place)."""
    title = clean_title(seg.title, lines, meta, markdown)
    if title != seg.title:
        seg.trace["title"] = f"{seg.trace.get('title', '')}; site name taken off".lstrip("; ")
        seg.title = title
    if seg.byline:
        seg.byline = _HEADING_MARKS.sub("", seg.byline).strip()
    body = without_author_note(clean_body(seg.body, _repeated_links(lines)), seg.byline)
    if body != seg.body:
        seg.trace["body_end"] = "widget lines, repeated links or a closing section left out"
        seg.body = body
    for c in seg.comments:
        c.author = clean_author(c.author)
        c.text = clean_comment_text(c.text)
    if seg.comments:
        last = seg.comments[-1]
        last.text = without_widget_tail(last.text)
    date_comments(seg)
    return seg
