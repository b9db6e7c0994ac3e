"""Reader comments from repeated markup: data-record mining for comment systems nobody described.

A comment list is a run of elements built the same way (the records of MDR/DEPTA), each holding a
short name, perhaps a date, a text that differs from record to record, and the same buttons.
The miner:

1. groups the page's elements by what they share — a class word, an id stem, a data or role
   attribute, or (without any) their first-child tag path — and keeps groups of two or more
   that are not the page's article (no <h1>, not most of the page's text, not mostly links);
2. cuts each member into text pieces (a text node with the tag path that leads to it from the
   member) and lines the members up by those paths: the slot whose text differs the most and
   weighs the most is the comment text; a short slot that differs, sits outside the text and
   looks like a name (class words such as author/user/name, a link or bold tag, `rel=author`,
   `itemprop`) is the author; a slot that reads as a date (or a <time>) is the date; a slot
   whose text repeats from record to record, or is a button word or a count, is chrome;
3. scores each group as a comment list (text length, names and dates found, distinct texts,
   little link text, comment words in classes or in a heading above it) and keeps the best;
4. reads reply nesting from the DOM (a record inside or below an earlier, shallower record's
   parent) or from a depth the markup states (`depth-2`, `level-3`, `data-depth`, an indent).

A group of header elements followed by their text as siblings (<dt>/<dd>, <h4>/<p> runs) is read
the same way, each record being a header and the siblings up to the next one.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime

from lxml import html as lxml_html

from tasks.extract.dom import _BLOCK, _DROP
from tasks.models import Comment
from tasks.segment.dates import DATE_PATTERN, is_date, parse_date

# What never holds text a reader sees; a <button> does (a widget's username often is one), and
# the miner tells its 'Reply' and 'Like' apart as chrome like any other repeated word.
_INVISIBLE = (frozenset(_DROP) - {"button"}) | {
    "head",
    "title",
    "meta",
    "link",
    "img",
    "video",
    "audio",
    "picture",
    "source",
}
_SPACES = re.compile(r"\s+")
_HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6", "header", "legend", "caption"))
_DIGITS = re.compile(r"\d+")
_DATE_SEARCH = re.compile(DATE_PATTERN, re.I)
_SEPARATOR = re.compile(r"(?:^|\s)[|·•](?:\s|$)")

_COMMENT_WORDS = re.compile(
    r"comment|kommentar|komment|koment|disqus|repl(?:y|ies)|responses\b|discussion|diskus|dyskusj|conversation|thread|forum"
    r"|message|postbit|post-?list|remark|leserbrief|réaction|commentaire|comentario|commento|commenti",
    re.I,
)
_HEADING_WORDS = re.compile(
    r"comment|kommentar|koment|responses|replies|discussion|diskus|dyskusj|conversation|thoughts on|réactions|commentaires"
    r"|comentarios|commenti|antworten|leserbriefe|reader|评论|評論|跟帖|留言|コメント|댓글|комментари",
    re.I,
)
_AUTHOR_WORDS = re.compile(
    r"author|user|name|nick|\bfn\b|poster|byline|member|profile|handle|commenter|\bby\b"
    r"|autor|auteur|nombre|\bnom\b|nome|benutzer|verfasser|pseudo",
    re.I,
)
_DATE_WORDS = re.compile(r"date|time|ago|stamp|posted|when|datum|zeit|fecha", re.I)
_TEXT_WORDS = re.compile(
    r"text|body|content|message|msg|cooked|entry|comment-?content|postcontent|wrapper", re.I
)
_CHROME_WORDS = re.compile(
    r"reply|repl|like|vote|share|report|flag|action|button|btn|tool|menu|count|score|reaction|rating|badge"
    r"|avatar|footer|control|option|quote|permalink|rank|title|stats|spacer|nav",
    re.I,
)
# Texts that are never comment text when a slot holds nothing else: buttons, counts, separators.
_CHROME_TEXT = re.compile(
    r"(?:reply|replies|like|likes|unlike|share|report|flag|quote|permalink|edit|delete|hide|show|more|less"
    r"|upvote|downvote|vote|votes|points?|recommend|respect|follow|mute|block|translate|link|copy link"
    r"|reply with quote|multi-?quote|antworten|gefällt mir|melden|teilen|zitieren|répondre|j'aime|signaler"
    r"|partager|responder|me gusta|denunciar|compartir|rispondi|mi piace|responder|curtir|posts?:?|joined:?"
    r"|says:?|said:?|wrote:?|(?:posted |written )?by:?|schrieb:?|a écrit ?:?|escribió:?|\d+\s*(?:likes?|points?|votes?|replies|repl|upvotes?"
    r"|reactions?|comments?)?|[#+\-−–—|•·:>»›▲▼↑↓♥❤👍👎✓×…()\[\]]+\s*\d*|\(\d+\)|#\d+"
    r"|\(\d{1,3}(?:\.(?:\d{1,3}|\*{1,3})){1,3}\))",  # '(118.235)': the writer's address, half shown
    re.I,
)
# Buttons that act on what a reader wrote (a story teaser or a paragraph has none)
_ACTION_TEXT = re.compile(
    r"(?:reply|report|report abuse|flag|like|upvote|downvote|antworten|melden|gefällt mir|répondre|signaler"
    r"|j'aime|responder|denunciar|me gusta|rispondi|segnala|mi piace|curtir|odpovědět|nahlásit|odpowiedz"
    r"|zgłoś(?: naruszenie)?|helpful|useful|hilfreich|utile|útil|ответить|пожаловаться|回复|举报|返信|通報|답글|신고"
    r"|[▲▼↑↓👍👎♥❤]+)\s*(?:\(?\d+\)?)?",
    re.I,
)
_BY = re.compile(r"^(?:[Bb]y|[Pp]osted by|[Ww]ritten by|par|por)\s+")  # not 'Von', 'Di', 'De': names
_SAYS = re.compile(
    r"\s*(?:says|said|wrote|schrieb|a écrit|escribió|dice|disse)\s*:?\s*$|\s*[:·•|,-]\s*$", re.I
)
_SIGNED = re.compile(r"[–—-]|(?:posted |written )?by\s", re.I)
_SIGN_TAIL = re.compile(r"(?:[\s,·•|–—-]+(?:on|am|le|el|il|em|at|um))?[\s,·•|–—-]*$", re.I)
_DEPTH_CLASS = re.compile(r"(?:depth|level|lvl|indent|nest(?:ed|ing)?)[-_]?(\d{1,2})\b", re.I)
_DEPTH_STYLE = re.compile(r"(?:margin|padding)-left\s*:\s*(\d+(?:\.\d+)?)\s*(px|em|rem|%)?", re.I)
_DEPTH_ATTRS = ("aria-level", "data-depth", "data-level", "data-indent", "depth", "level", "indent")

MAX_GROUPS = 16  # groups analysed in full per page (after a cheap pre-score)
MIN_SCORE = 0.5


@dataclass(slots=True)
class Piece:
    text: str
    owner: lxml_html.HtmlElement  # the element whose .text or whose child's .tail this is
    key: str  # tag path from the record's root to the owner, and which text of it


@dataclass
class Record:
    roots: list[lxml_html.HtmlElement]
    pieces: list[Piece] = field(default_factory=list)
    depth: int = 0  # element depth of the first root, for nesting
    stated_depth: int | None = None  # a depth the markup states (class, data attribute, indent)


@dataclass
class Mined:
    comments: list[Comment]
    containers: list[lxml_html.HtmlElement]
    score: float
    key: str  # what the records share (for the trace)
    records: list[list[lxml_html.HtmlElement]] = field(default_factory=list)  # each comment's elements
    page: _Page | None = None

    def without(self, drop: set[int]) -> Mined | None:
        """The list without the records at `drop` (they are article, not comments); None when
        nothing is left. Positions and reply parents are renumbered; a reply to a dropped record
        becomes a top-level comment."""
        keep = [i for i in range(len(self.comments)) if i not in drop]
        if not keep:
            return None
        new_index = {old: new for new, old in enumerate(keep)}
        comments = []
        for old in keep:
            c = self.comments[old]
            c.position = new_index[old]
            c.parent_position = new_index.get(c.parent_position) if c.parent_position is not None else None
            comments.append(c)
        records = [self.records[i] for i in keep]
        avoid = [e for i in drop for e in self.records[i]]
        roots = [r for r in records if not any(_within(r[0], o[0]) for o in records if o is not r)]
        return Mined(comments, _section(roots, self.page, avoid), self.score, self.key, records, self.page)


# --- the page's elements, once ----------------------------------------------------------------------------
class _Page:
    """Per-element text and link lengths (invisible content left out), computed bottom-up once."""

    def __init__(self, body: lxml_html.HtmlElement) -> None:
        self.text: dict = {}
        self.links: dict = {}
        self.order: dict = {}
        self.depth: dict = {}
        self.elements: list = []
        self.h1: list = []
        stack = [(body, 0, False)]
        post: list = []
        while stack:
            el, depth, hidden = stack.pop()
            tag = el.tag if isinstance(el.tag, str) else None
            if tag is None:
                continue
            hidden = hidden or tag in _INVISIBLE or el.get("hidden") is not None
            self.order[el] = len(self.order)
            self.depth[el] = depth
            if not hidden:
                self.elements.append(el)
                if tag == "h1":
                    self.h1.append(el)
            post.append((el, hidden))
            for child in reversed(el):
                stack.append((child, depth + 1, hidden))
        for el, hidden in reversed(post):
            if hidden:
                self.text[el] = self.links[el] = 0
                continue
            own = len((el.text or "").strip())
            kids = links = 0
            for child in el:
                if not isinstance(child.tag, str):
                    own += len((child.tail or "").strip())
                    continue
                kids += self.text.get(child, 0)
                links += self.links.get(child, 0)
                own += len((child.tail or "").strip())
            self.text[el] = own + kids
            self.links[el] = own + kids if el.tag == "a" else links
        self.total = self.text.get(body, 0)
        self.h1 = _article_h1s(self.h1)
        self._anchors: dict | None = None

    def anchors(self) -> dict:
        """The page's elements by id and by anchor name (gathered when first asked)."""
        if self._anchors is None:
            self._anchors = {}
            for el in self.order:
                for name in ("id", "name"):
                    value = el.get(name)
                    if value:
                        self._anchors.setdefault(value, el)
        return self._anchors


def _article_h1s(h1s: list) -> list:
    """The page's <h1>s less those that title records: an <h1> at the same place in elements of one
    kind as another <h1> (a posting's headline in every posting), or inside one of a run of like
    siblings named by a class or a custom tag (a posting among postings), is no article's title."""
    if not h1s:
        return h1s
    places = {}
    titles = set()
    for h in h1s:
        chain, el = [], h
        for _ in range(4):
            el = el.getparent()
            if el is None or el.tag in ("body", "html"):
                break
            key = _node_key(el)
            chain.append(key)
            if ("." in key or "-" in el.tag) and _like_sibling(el, key):
                titles.add(h)
        places[h] = tuple(chain[:3])
    counts = Counter(places.values())
    return [h for h in h1s if counts[places[h]] < 2 and h not in titles]


def _like_sibling(el, key: str) -> bool:
    for sib in (*el.itersiblings(preceding=True), *el.itersiblings()):
        if isinstance(sib.tag, str) and _node_key(sib) == key:
            return True
    return False


# Atomic CSS names a style, not a part: 'Fz(15px)', 'C(#6e7780)', 'md:flex', 'w-[32px]'; such
# words say nothing about what an element is and differ from paragraph to paragraph
_ATOMIC = re.compile(r"[()#:\[\]]")
_PART_ATTRS = ("data-test", "data-testid", "data-qa", "data-test-id")  # what the part is, for tests
_FIRST_WORD = re.compile(r"[A-Za-z]{3,}")
_CLASS_PART = re.compile(r"\.[^/~|]*")  # the class words of a slot key's steps
_SIBLING_INDEX = re.compile(r"~-\d+")  # a step's place among its like siblings, by tag paths


def _raw_class_words(cls: str | None) -> set[str]:
    if not cls:
        return set()
    return {
        _DIGITS.sub("", w).strip("-_").lower()
        for w in cls.split()
        if w.strip("-_0123456789") and not _ATOMIC.search(w)
    }


# How many elements of the page carry each class word, while one page is mined, on a page whose
# classes are generated per element: there a word only one element carries names no kind of element
_CLASS_COUNTS: Counter | None = None


def _per_element_classes(tree) -> Counter | None:
    """The page's class-word counts when nearly every element with a class (nineteen in twenty, forty
    at least) carries only words no other element carries; else None."""
    sets = [w for el in tree.iter() if isinstance(el.tag, str) and (w := _raw_class_words(el.get("class")))]
    counts = Counter(w for words in sets for w in words)
    alone = sum(all(counts[w] == 1 for w in words) for words in sets)
    return counts if alone >= 40 and alone >= 0.95 * len(sets) else None


def _class_words(el) -> list[str]:
    words = _raw_class_words(el.get("class"))
    counts = _CLASS_COUNTS
    if counts is not None and words:
        words = {w for w in words if counts[w] > 1}
    if not words:
        for name in _PART_ATTRS:
            value = el.get(name)
            if value and len(value) <= 40:
                words = {_DIGITS.sub("", value).strip("-_").lower()}
                break
    return sorted(w for w in words if w)


# Per-element keys, remembered while one page is mined (the same elements are keyed again for
# every candidate group); the dicts hold the elements, so an element's identity stays its own.
_NODE_KEYS: dict | None = None
_SEGMENTS: dict | None = None
# Records lined up by their tag paths alone, each element counted among its like siblings: for
# lists whose class names differ from record to record (atomic CSS drawn per element)
_TAG_PATHS = False
_UNINDEXED = frozenset(("p", "li", "tr", "dd", "dt", "br"))  # paragraphs and rows of one text share a slot


def _node_key(el) -> str:
    memo = _NODE_KEYS
    if memo is not None:
        key = memo.get(el)
        if key is not None:
            return key
    words = _row_label(el) if _TAG_PATHS else _class_words(el) or _row_label(el)
    key = el.tag + ("." + ".".join(words) if words else "")
    if memo is not None:
        memo[el] = key
    return key


def _row_label(el) -> list[str]:
    """A table row headed by a <th> ('Name', 'Date', 'Comment') is that field's slot in every
    record, wherever the row stands: its label stands in for a class name."""
    if el.tag != "tr":
        return []
    first = next((c for c in el if isinstance(c.tag, str)), None)
    if first is None or first.tag != "th":
        return []
    label = _SPACES.sub(" ", first.text_content()).strip().rstrip(":").casefold()
    return [w for w in re.findall(r"\w+", label)][:3] if 0 < len(label) <= 24 else []


_INLINE = frozenset(
    (
        "a",
        "abbr",
        "b",
        "bdi",
        "button",
        "cite",
        "code",
        "em",
        "font",
        "i",
        "label",
        "small",
        "span",
        "strong",
        "time",
        "u",
    )
)


def _segment(el) -> str:
    """An element's step in a slot's path; the second <span> of a line ('Name' then 'date') is a
    slot of its own, while paragraphs of a text share one."""
    memo = _SEGMENTS
    if memo is not None:
        seg = memo.get(el)
        if seg is not None:
            return seg
    key = _node_key(el)
    if _TAG_PATHS and el.tag not in _UNINDEXED:
        # counted from the end: what a record may or may not show (an avatar, indent guides,
        # a badge) comes first more often than last
        n = sum(1 for s in el.itersiblings() if isinstance(s.tag, str) and s.tag == el.tag)
        key += f"~-{n}"
    elif el.tag in _INLINE or el.tag in ("td", "th"):  # a row's cells are columns: No., Name, Date
        n = sum(1 for s in el.itersiblings(preceding=True) if isinstance(s.tag, str) and _node_key(s) == key)
        if n:
            key += f"~{n}"
    if memo is not None:
        memo[el] = key
    return key


def _first_path(el, depth: int = 3) -> str:
    parts = [el.tag]
    cur = el
    for _ in range(depth):
        kids = [c for c in cur if isinstance(c.tag, str) and c.tag not in _INVISIBLE]
        if not kids:
            break
        cur = kids[0]
        parts.append(cur.tag)
    return ">".join(parts)


# A utility class ('my-4', 'pl-2', 'py-0.5'): a short prefix and a step of a spacing scale. The step
# is what tells the record's box ('my-4') from the spacer and the text box ('my-8', 'my-2')
_UTILITY = re.compile(r"[a-z]{1,3}-\d{1,2}(?:\.5)?")


def _group_keys(el) -> list[str]:
    """What an element may share with the other records of its list."""
    keys = [f"{el.tag}.{w}" for w in _class_words(el)]
    keys += [f"{el.tag}.{w}" for w in (el.get("class") or "").split() if _UTILITY.fullmatch(w)]
    ident = el.get("id")
    if ident:
        stem = _DIGITS.sub("#", ident)
        if stem != ident:
            keys.append(f"{el.tag}#{stem}")
    for name, value in el.attrib.items():
        telling = name in ("role", "itemtype", "itemprop") or (
            name.startswith("data-") and name.endswith(("class", "type", "role"))
        )
        if telling and value and len(value) <= 60 and not _DIGITS.fullmatch(value):
            keys.append(f"{el.tag}@{name}={_DIGITS.sub('#', value)}")
        elif name in _PART_ATTRS and value:
            # what the part is, before what tells one from another: 'postThreadItem-by-<handle>'
            stem = _FIRST_WORD.match(value)
            if stem:
                keys.append(f"{el.tag}@{name}={stem.group(0)}")
    if not keys:
        keys.append("~" + _first_path(el))
    if "-" in el.tag:
        keys.append(el.tag)  # a custom element is a component: its instances are one kind of thing
    return keys


# --- records and their pieces -----------------------------------------------------------------------------
def _pieces(rec: Record, others: set) -> None:
    """The record's text pieces in page order, nested records (`others`) left out."""
    out: list[Piece] = []
    for root in rec.roots:
        stack: list = [(root, root.tag)]
        while stack:
            item = stack.pop()
            if isinstance(item, Piece):
                out.append(item)
                continue
            el, path = item
            if el.text and el.text.strip():
                out_text = Piece(_SPACES.sub(" ", el.text).strip(), el, path + "|t")
            else:
                out_text = None
            todo: list = []
            if out_text is not None:
                todo.append(out_text)
            for child in el:
                tag = child.tag if isinstance(child.tag, str) else None
                if (
                    tag is not None
                    and tag not in _INVISIBLE
                    and child not in others
                    and child.get("hidden") is None
                ):
                    todo.append((child, path + "/" + _segment(child)))
                if child.tail and child.tail.strip():
                    todo.append(Piece(_SPACES.sub(" ", child.tail).strip(), el, f"{path}|{tag or '!'}~"))
            stack.extend(reversed(todo))
    rec.pieces = out


def _stated_depth(rec: Record) -> int | None:
    root = rec.roots[0]
    for el in [root, *list(root.iterdescendants())[:12]]:
        if not isinstance(el.tag, str):
            continue
        for name in _DEPTH_ATTRS:
            value = el.get(name)
            if value and value.strip().isdigit():
                return int(value)
        if el is root:
            m = _DEPTH_CLASS.search(el.get("class") or "")
            if m:
                return int(m.group(1))
            m = _DEPTH_STYLE.search(el.get("style") or "")
            if m:
                unit = (m.group(2) or "px").lower()
                return round(float(m.group(1)) / (16 if unit == "px" else 1))
        if el.tag == "img" and el.get("width", "").isdigit() and el.get("height") in ("1", "0"):
            return int(el.get("width"))  # a spacer image: the indent in pixels
    return None


# --- slots ------------------------------------------------------------------------------------------------
@dataclass
class _Slot:
    key: str
    values: list[str]  # per record: the slot's text ('' when absent)
    role: str = "text"  # text | author | date | chrome
    author_score: float = 0.0


def _looks_like_date(text: str, owner) -> bool:
    if len(text) > 60:
        return False
    el = owner
    for _ in range(3):
        if el is None:
            break
        if (
            el.tag in ("time", "relative-time", "time-ago", "abbr")
            or el.get("datetime")
            or any(_epoch(el.get(name)) for name in _EPOCH_ATTRS)
        ):
            return True
        el = el.getparent()
    return _date_text(text)


# A day and a time of day without the year, as boards print this year's posts ('05.27 12:12:12',
# '05-27'), and times ago in Chinese, Japanese and Korean ('3小时前', '3時間前', '3시간 전')
_DAY_CLOCK = re.compile(
    r"(?:0?[1-9]|1[0-2])[./-](?:0?[1-9]|[12]\d|3[01])\.?\s+\d{1,2}:\d{2}(?::\d{2})?"
    r"|(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])"  # two digits each: '05-27', not pages '9-14'
    r"|\d{1,3}\s*(?:秒|分钟|分鐘|分|小时|小時|時間|天|日|周|週間?|个月|個月|か月|ヶ月|年)前"
    r"|\d{1,3}\s*(?:초|분|시간|일|주|개월|달|년)\s*전"
)


@functools.lru_cache(maxsize=8192)
def _date_text(text: str) -> bool:
    """The text reads as a date (remembered: every candidate group asks again for the same texts)."""
    if is_date(text) or _DAY_CLOCK.fullmatch(text):
        return True
    parts = [p.strip() for p in _SEPARATOR.split(text)]
    if 1 < len(parts) <= 4 and any(p and is_date(p) for p in parts):
        return True  # a header line of fields: '5. 1. 2022 23:18 | IP: 35.43.*.*'
    m = _DATE_SEARCH.search(text)
    if m and len(m.group(0)) >= 0.5 * len(text) or _signed_name(text) is not None:
        return True
    # a line that ends in its date after a preposition: 'Reviewed in Canada on May 27, 2024'
    m = _DATE_AFTER.search(text)
    return bool(m and is_date(m.group(1)))


_DATE_AFTER = re.compile(r"\s(?:on|am|le|el|em|il|vom|du|del)\s+(\S.{5,30}?)\s*\.?$", re.I)


@functools.lru_cache(maxsize=4096)
def _placeholder(name: str, placeholders: frozenset[str]) -> bool:
    """A name standing for no one: a placeholder, or one a board prefixes with its own words in a
    script written without spaces ('ニューノーマルの名無しさん', '風吹けば名無し')."""
    folded = name.casefold()
    if folded in placeholders:
        return True
    return " " not in folded and any(
        len(p) >= 2 and not p.isascii() and folded.endswith(p) for p in placeholders
    )


def _slots(records: list[Record], placeholders: frozenset[str] = frozenset()) -> dict[str, _Slot]:
    by_key: dict[str, _Slot] = {}
    owners: dict[str, list] = {}
    for i, rec in enumerate(records):
        for p in rec.pieces:
            slot = by_key.get(p.key)
            if slot is None:
                slot = by_key[p.key] = _Slot(p.key, [""] * len(records))
                owners[p.key] = []
            slot.values[i] = (slot.values[i] + " " + p.text).strip()
            owners[p.key].append(p.owner)
    n = len(records)
    for key, slot in by_key.items():
        vals = [v for v in slot.values if v]
        present = len(vals)
        # 'Guest' on every other comment is a name slot, not a repeated button
        named = [v for v in vals if not _placeholder(v, placeholders)] or vals
        common, top = Counter(named).most_common(1)[0]
        hinted_author = _name_hint(key) == "author" or len(named) < len(vals)
        if all(_CHROME_TEXT.fullmatch(v) for v in vals):
            slot.role = "chrome"
        elif sum(_looks_like_date(v, o) for v, o in zip(vals, owners[key], strict=False)) >= 0.6 * present:
            slot.role = "date"
        elif (
            n >= 2
            and len(named) >= 2
            and top >= 0.8 * len(named)
            and len(common) <= 60
            and not hinted_author
            or present >= 4
            and len(set(vals)) <= 0.35 * present
            and sum(map(len, vals)) / present <= 30
            and not hinted_author
        ):
            slot.role = "chrome"
    return by_key


def _class_more_or_less(a: str, b: str) -> bool:
    """Two slot keys with the same steps, where a step's class words differ, one step's words
    holding the other's ('comment-body' and 'comment-body truncated'); read by tag paths, the
    same steps at another place among their like siblings (a reaction count after the text)."""
    if a == b:
        return False
    if _TAG_PATHS:  # by tag paths: the same steps, an element more or less beside one of them
        return _SIBLING_INDEX.sub("", a) == _SIBLING_INDEX.sub("", b)
    if _CLASS_PART.sub("", a) != _CLASS_PART.sub("", b):
        return False
    for x, y in zip(a.partition("|")[0].split("/"), b.partition("|")[0].split("/"), strict=True):
        if x != y:
            wx = set(x.partition("~")[0].split(".")[1:])
            wy = set(y.partition("~")[0].split(".")[1:])
            if not wx or not wy or not (wx <= wy or wy <= wx):
                return False
    return True


def _in_link(key: str) -> bool:
    """The slot's text sits inside a link."""
    return any(seg.partition(".")[0].partition("~")[0] == "a" for seg in key.split("|")[0].split("/")[1:])


def _name_hint(key: str) -> str | None:
    """What the class words nearest to a slot say it is: 'author', 'chrome' or nothing."""
    for seg in reversed(key.split("|")[0].split("/")[-5:]):
        seg = seg.partition(".")[2]  # the class words, not the tag (a <button> may hold a name)
        author = bool(_AUTHOR_WORDS.search(seg))
        chrome = bool(_CHROME_WORDS.search(seg))
        if author and not chrome:
            return "author"
        if chrome:
            return "chrome"
    return None


def _author_score(slot: _Slot, n: int, owner_sample) -> float:
    vals = [v for v in slot.values if v]
    if not vals:
        return 0.0
    lens = [len(v) for v in vals]
    words = [len(v.split()) for v in vals]
    if max(lens) > 60 or sum(words) / len(words) > 5 or max(lens) == 1:
        return 0.0  # too long for a name, or one letter: an avatar drawn from the name's initial
    score = len(vals) / n
    hint = _name_hint(slot.key)
    if hint == "author":
        score += 1.0
    elif hint == "chrome":
        score -= 0.5
    el = owner_sample
    if el is not None:
        if el.tag in ("a", "b", "strong", "cite", "h3", "h4", "h5", "h6", "address"):
            score += 0.4
        if el.get("rel") == "author" or el.get("itemprop") in ("author", "name", "creator"):
            score += 1.0
    if len(set(vals)) == 1 and len(vals) > 2:
        score -= 0.3
    if sum(v.startswith("@") and " " not in v for v in vals) >= 0.8 * len(vals):
        score -= 1.5  # '@handle': the account, shown beside the name; the name wins when there is one
    return score + 0.5 * len(set(vals)) / len(vals)  # names vary more than ranks and badges


# --- rendering a record's text ------------------------------------------------------------------------------
def _path_of(el, rec: Record) -> str | None:
    """The key path of `el` inside a record (None when it is not inside)."""
    chain = []
    cur = el
    while cur is not None and cur not in rec.roots:
        chain.append(cur)
        cur = cur.getparent()
    if cur is None:
        return None
    return "/".join([cur.tag, *(_segment(e) for e in reversed(chain))])


# --- one candidate group --------------------------------------------------------------------------------------
@dataclass
class _Candidate:
    key: str
    records: list[Record]
    score: float = 0.0
    comments: list[Comment] = field(default_factory=list)
    kept: list[Record] = field(default_factory=list)
    factors: tuple = ()
    scattered: float = 0.0  # share of its slots only one record fills
    cover: float = 1.0  # share of its records that hold a comment
    inner: frozenset = frozenset()  # records of another list inside these, left out of their text
    text_key: str = ""  # the slot read as the comment text


def _analyse(cand: _Candidate, page: _Page, placeholders: frozenset[str], ref: datetime | None) -> None:
    """Read a candidate list; when its class names line up too few records for a text slot
    shared by half of them, read it again by tag paths and keep that reading when it lines up
    nearly all records and scores better."""
    global _NODE_KEYS, _SEGMENTS, _TAG_PATHS
    roots = [(r.roots, r.depth) for r in cand.records]
    _analyse_once(cand, page, placeholders, ref)
    n = len(roots)
    if n < 3 or len(cand.comments) >= 0.5 * n or cand.scattered < 0.5 or _TAG_PATHS or _NODE_KEYS is None:
        return  # lined up well enough, or its slots are not scattered by classes drawn per element
    alt = _Candidate(cand.key, [Record(list(r), depth=d) for r, d in roots])
    saved = _NODE_KEYS, _SEGMENTS
    _NODE_KEYS, _SEGMENTS, _TAG_PATHS = {}, {}, True
    try:
        _analyse_once(alt, page, placeholders, ref)
    finally:
        (_NODE_KEYS, _SEGMENTS), _TAG_PATHS = saved, False
    if len(alt.comments) >= 0.8 * n and alt.score > cand.score:  # lined up, nearly all of them
        cand.records, cand.score, cand.comments, cand.kept, cand.factors, cand.cover = (
            alt.records,
            alt.score,
            alt.comments,
            alt.kept,
            alt.factors,
            alt.cover,
        )


def _analyse_once(cand: _Candidate, page: _Page, placeholders: frozenset[str], ref: datetime | None) -> None:
    records = cand.records
    members = {r.roots[0] for r in records} | cand.inner
    for rec in records:
        _pieces(rec, members - {rec.roots[0]})
    records = [r for r in records if r.pieces]
    if not records:
        return
    cand.records = records
    n = len(records)
    slots = _slots(records, placeholders)
    cand.scattered = sum(1 for s in slots.values() if sum(1 for v in s.values if v) == 1) / len(slots)
    # the comment text: the slot with the most distinct text
    text_slot = None
    best = 0.0
    for slot in slots.values():
        if slot.role != "text":
            continue
        vals = [v for v in slot.values if v]
        mass = sum(len(v) for v in set(vals)) * len(vals) / n
        if _in_link(slot.key):
            mass *= 0.3  # a link's words are a name or a headline more often than what a reader wrote
        if mass > best:
            best, text_slot = mass, slot
    if text_slot is None:
        return
    cand.text_key = text_slot.key
    # where each record's text lives: the smallest element holding all its text-slot pieces,
    # grown while what it adds is text too
    containers: list = []
    text_base = text_slot.key.split("|")[0]
    for rec in records:
        owners = (
            [p.owner for p in rec.pieces if p.key == text_slot.key]
            or [
                # the text after a leading link or break ('>>1995071<br>Text') is its element's too
                p.owner
                for p in rec.pieces
                if p.key.split("|")[0] == text_base and slots[p.key].role == "text"
            ]
            or [
                # the text element with a class more or less ('comment-body truncated')
                p.owner
                for p in rec.pieces
                if slots[p.key].role == "text" and _class_more_or_less(p.key, text_slot.key)
            ]
        )
        containers.append(_container(owners, rec, slots, text_slot.key) if owners else None)
    # slots inside the text in most records are part of it (links, emphasis), not names or dates
    inside_count: Counter[str] = Counter()
    present_count: Counter[str] = Counter()
    multiple: Counter[str] = Counter()
    for rec, cont in zip(records, containers, strict=True):
        seen = Counter(p.key for p in rec.pieces)
        for key, times in seen.items():
            present_count[key] += 1
            if times > 1:
                multiple[key] += 1
        if cont is None:
            continue
        # what comes before the first piece of text is a header even inside the container
        start = next((i for i, p in enumerate(rec.pieces) if p.key == text_slot.key), 0)
        for key in {p.key for p in rec.pieces[start:] if _within(p.owner, cont)}:
            inside_count[key] += 1
    inside = {k for k, v in inside_count.items() if v > 0.5 * present_count[k]}
    # the author: the best short varying slot outside the text
    samples: dict[str, object] = {}
    for rec in records:
        for p in rec.pieces:
            samples.setdefault(p.key, p.owner)
    author_slot = None
    best_a = 0.6
    for slot in slots.values():
        if slot.role in ("chrome", "date") or slot is text_slot or slot.key in inside:
            continue
        s = _author_score(slot, n, samples.get(slot.key))
        s -= multiple[slot.key] / n  # a name slot that repeats inside a record: records hold several comments
        if s > best_a:
            best_a, author_slot = s, slot
    # the date: the date slot most records fill; a record without it may show its date elsewhere
    dated = sorted(
        (s for s in slots.values() if s.role == "date"), key=lambda s: -sum(1 for v in s.values if v)
    )
    date_slot = dated[0] if dated else None
    date_keys = [s.key for s in dated]
    excluded = {k for k, s in slots.items() if s.role in ("chrome", "date")}
    if author_slot is not None:
        excluded.add(author_slot.key)
        author_slot.role = "author"
    # header slots that precede the text in most records stay out of it (names, badges, titles)
    first_text_index = []
    for rec in records:
        idx = next((i for i, p in enumerate(rec.pieces) if p.key == text_slot.key), None)
        first_text_index.append(idx)

    # names from signature lines ('— Ann, 3 May 2024') where no name slot is filled; the same few
    # 'names' on many records are labels ('Letter from a client, May 2018'), not signatures
    signatures = [
        (_signed_name(d.text) or "").casefold()
        for rec in records
        if not (author_slot and _has(rec, author_slot.key)) and (d := _date_piece(rec, date_keys)) is not None
    ]
    signatures = [s for s in signatures if s and s not in placeholders]
    trust_signatures = len(signatures) < 4 or len(set(signatures)) >= 0.5 * len(signatures)

    # where the name slot's element stands (its parent's path, its place among the parent's
    # children): a record without that slot may show its name there in another element (a name
    # linked to the writer's site where others show it plain)
    name_place = None
    if author_slot is not None and author_slot.key.endswith("|t"):
        places = Counter(
            _element_index(p.owner) for rec in records for p in rec.pieces if p.key == author_slot.key
        )
        name_place = (author_slot.key[:-2].rsplit("/", 1)[0], places.most_common(1)[0][0])

    comments: list[Comment] = []
    kept: list[Record] = []
    text_chars = link_chars = 0
    with_header = with_author = with_date = with_name_slot = 0
    distinct: set[str] = set()
    members_all = members
    for i, (rec, cont) in enumerate(zip(records, containers, strict=True)):
        if cont is None:
            continue
        outside = {p.key for p in rec.pieces[: first_text_index[i] or 0] if not _within(p.owner, cont)}
        skip_keys = excluded | outside

        def keep(key: str, skip_keys: set = skip_keys) -> bool:
            return key not in skip_keys

        rel_root = cont
        skip = members_all - {rec.roots[0]}
        quote = _leading_quote(cont, page)
        if quote is not None:
            skip = skip | {quote}
        reference = _leading_reference(cont, rec, page)
        if reference is not None:
            skip = skip | {reference}
        note = _editors_note(cont, page)
        if note is not None:
            skip = skip | {note}
        pin = _leading_mark(cont)
        if pin is not None:
            skip = skip | {pin}
        text = _render_in(rel_root, rec, skip, keep).lstrip(":：").lstrip()  # 'Ann: text' less 'Ann'
        if not text or any(_AD_LABEL.match(line) for line in text.split("\n", 3)[:3]):
            continue  # nothing, or an advertisement posted among the comments
        author = None
        date_text = None
        when = None
        for p in rec.pieces:
            if author_slot is not None and author is None and p.key == author_slot.key:
                author = _clean_author(p.text)
        placed = False
        if author is None and name_place is not None and not _has(rec, author_slot.key):
            for p in rec.pieces:
                if (
                    p.key.endswith("|t")
                    and p.key[:-2].rsplit("/", 1)[0] == name_place[0]
                    and _element_index(p.owner) == name_place[1]
                    and p.key != text_slot.key
                    and p.key not in inside
                    and slots[p.key].role not in ("chrome", "date")
                    and _name_like(p.text)
                ):
                    author = _clean_author(p.text)
                    placed = author is not None
                    break
        date_piece = _date_piece(rec, date_keys)
        if date_piece is not None:
            date_text = date_piece.text
            when = _when(date_piece.owner, date_piece.text, ref)
        signed = False
        if (
            author is None
            and date_text
            and trust_signatures
            and not (author_slot and _has(rec, author_slot.key))
        ):
            author = _signed_name(date_text)  # a signature: '— Ann, 3 May 2024'
            signed = author is not None
        if author and _placeholder(author, placeholders):
            author = None
        named_slot = signed or placed or author_slot is not None and _has(rec, author_slot.key)
        if author or date_text or named_slot:
            with_header += 1
        with_name_slot += named_slot
        with_author += bool(author)
        with_date += bool(date_text)
        text_chars += len(text)
        link_chars += sum(page.links.get(e, 0) for e in _top_links(cont, rec))
        distinct.add(text if len(text) >= 30 else f"{len(comments)}:{text}")  # 'Agreed.' twice is fine
        comments.append(
            Comment(len(comments), author, text, "dom:records", published_text=date_text, published_at=when)
        )
        kept.append(rec)
    if not comments:
        return
    k = len(comments)
    mean_len = text_chars / k
    f_text = min(1.0, mean_len / 40)
    f_header = with_header / k
    f_distinct = len(distinct) / k
    f_links = 1.0 - min(1.0, link_chars / max(text_chars, 1))
    # a name or date slot found more than once in a record: the records hold several comments each
    f_single = 1.0 - max(
        (multiple[s.key] / n for s in (author_slot, date_slot) if s is not None), default=0.0
    )
    # named records, and records that all hold a comment (not every other one, as when a record
    # is one of two cells of a post), make the better list
    f_named = 0.8 + 0.2 * with_name_slot / k
    f_cover = k / len(records)
    hint = _hints(cand, kept, page)
    if (
        k == 1
        and cand.key.startswith("after-heading")
        and hint
        and comments[0].author
        and comments[0].published_at is not None
    ):
        # the one item under a heading that names comments, named and dated: short is no snippet
        f_text = min(1.0, mean_len / 15)
    quality = f_text * (0.4 + 0.6 * f_header) * f_distinct * f_links * f_single * f_named * f_cover
    if (
        not hint
        and with_name_slot >= 0.9 * k
        and with_date >= 0.9 * k
        and _counted(kept[0].roots[0], page) == k
    ):
        hint = 1.0  # named, dated records right under a line that counts them ('3 Answers')
    score = quality * (1.0 - 1.0 / (1 + k))
    if hint:
        score *= 2.0
    else:
        # nothing says comment: only named and dated records of varied text, with no other text of
        # their own outside it (a teaser list has a headline too), will do
        extra = sum(
            1
            for key, slot in slots.items()
            if slot.role == "text"
            and slot is not text_slot
            and key not in inside
            and present_count[key] >= 0.5 * n
            and sum(len(v) for v in slot.values if v) >= 25 * present_count[key]  # a headline, not a badge
        )
        strong = k >= 4 and with_name_slot >= 0.9 * k and with_date >= 0.9 * k and extra == 0
        score *= 0.7 if strong else 0.2
    if author_slot is None and date_slot is None:
        score *= 0.3
    elif with_date == 0 and with_name_slot < 0.5 * k:
        score *= 0.3  # undated, and most records without a name: paragraphs, not comments
    # (a dated record of a list may hold a title linking to its own page above a longer text; one
    # record alone may not: it is more often a section whose links go elsewhere; nor may an undated
    # one: a teaser's headline above its lead)
    lengths = [len(c.text) if k > 1 and c.published_text else 0 for c in comments]
    if sum(_links_elsewhere(r, n) for r, n in zip(kept, lengths, strict=True)) >= 0.6 * k:
        score *= 0.3  # each record links to another story by its headline: teasers, 'recent comments'
    runs = cand.key.endswith("+siblings") or cand.key.startswith(("rows", "hr-runs"))
    if runs and not (with_name_slot >= 0.8 * k and with_date >= 0.8 * k):
        score *= 0.2  # a heading and its paragraphs is a comment only under a name and a date
    if k == 1 and (hint < 1 or author_slot is None or date_slot is None):
        score *= 0.3  # one record: nothing to line up, so it must look like a comment on its own
    cand.score = score
    cand.cover = f_cover
    cand.factors = (round(f_text, 2), round(f_header, 2), round(f_distinct, 2), round(f_links, 2), hint, k)
    cand.comments = comments
    cand.kept = kept


_QUOTE_CLASS = re.compile(r"quote", re.I)


def _leading_quote(cont, page: _Page):
    """A quotation the text opens with ('X wrote: …' in a <blockquote>), when the reply's own words
    follow it: the words of the comment answered, not of this one."""
    if (cont.text or "").strip():
        return None
    first = next((c for c in cont if isinstance(c.tag, str) and c.tag not in _INVISIBLE), None)
    if first is None or not (first.tag == "blockquote" or _QUOTE_CLASS.search(first.get("class") or "")):
        return None
    if page.text.get(cont, 0) - page.text.get(first, 0) < 10:
        return None  # the quotation is all there is: it is the text (a board's <blockquote> message)
    return first


def _leading_reference(cont, rec: Record, page: _Page):
    """A short line that opens the text and links to an anchor elsewhere on the page ('Antwort auf
    #3 von Ann', 'In reply to Ann'), when the comment's own words follow it: it names the comment
    answered (see `_linked_parents`) and is no part of this one."""
    if (cont.text or "").strip():
        return None
    first = next((c for c in cont if isinstance(c.tag, str) and c.tag not in _INVISIBLE), None)
    if first is None or (first.tail or "").strip():
        return None
    size = page.text.get(first, 0)
    link = first if first.tag == "a" else first.find(".//a")
    if link is None or page.text.get(link, 0) != size or not 0 < size <= 80:
        return None
    href = link.get("href") or ""
    if not href.startswith("#") or len(href) < 2 or page.text.get(cont, 0) - size < 2:
        return None
    target = page.anchors().get(href[1:])
    if target is None or any(_within(target, r) for r in rec.roots):
        return None
    return first


# A mark opening a pinned comment's text, and the label of an advertisement posted as a comment
_PINNED = re.compile(r"置顶|置頂|固定|고정|pinned|angepinnt|épinglé|fijado|fissato|закреплено", re.I)
_AD_LABEL = re.compile(
    r"\s*[\[【](?:광고|ad|ads|advertisement|anzeige|werbung|sponsored|publicité|publicidad|pubblicità|广告|廣告|広告|pr)[\]】]",
    re.I,
)


def _leading_mark(cont):
    """A 'pinned' mark that opens a comment's text in an element of its own ('<i>置顶</i>Text'),
    at most three elements down."""
    el = cont
    for _ in range(3):
        if (el.text or "").strip():
            return None
        el = next((c for c in el if isinstance(c.tag, str) and c.tag not in _INVISIBLE), None)
        if el is None:
            return None
        if _PINNED.fullmatch(_SPACES.sub(" ", el.text_content()).strip()):
            return el
    return None


# An editors' note: headed as one ('Editor's note:', 'Anm. d. Red.:') or signed by the editors or
# moderators at its end ('… Danke, die Redaktion/ab')
_EDITORS = re.compile(
    r"^(?:editor'?s note|moderator'?s note|anm(?:erkung)?\.? d(?:er)?\.? red(?:aktion)?\.?|note de la rédaction"
    r"|nota de la redacción)\b"
    r"|\b(?:die |la |the )?(?:redaktion|rédaction|redacción|redazione|editors|moderation|moderators?|mod team)"
    r"(?:\s*/\s*\w{1,4})?\s*\)?\s*$",
    re.I,
)
_NOTE_CLASS = re.compile(r"note|moderat|editor|admin", re.I)


def _editors_note(cont, page: _Page):
    """An editors' note closing a comment's text: its last element, set apart as emphasis or by a
    class that says note, headed or signed by the editors ('Gekürzt. Bitte bleiben Sie beim Thema.
    Danke, die Redaktion/ab'); not the reader's words."""
    last = None
    for child in cont:
        if isinstance(child.tag, str) and child.tag not in _INVISIBLE:
            last = child
    if last is None or (last.tail or "").strip() or not 0 < page.text.get(last, 0) <= 300:
        return None
    if last.tag not in ("em", "i", "small") and not _NOTE_CLASS.search(last.get("class") or ""):
        return None
    if page.text.get(cont, 0) - page.text.get(last, 0) < 2:
        return None
    return last if _EDITORS.search(_SPACES.sub(" ", last.text_content()).strip()) else None


def _links_elsewhere(rec: Record, text_chars: int) -> bool:
    """The record holds a link of four words or more to another page (a headline), not short
    beside the record's comment text (a review's own title above a longer text is no headline)."""
    for root in rec.roots:
        for a in root.iter("a"):
            href = a.get("href") or ""
            if href and not href.startswith(("#", "javascript:")):
                words = a.text_content().split()
                if len(words) >= 4 and 2 * sum(len(w) + 1 for w in words) >= text_chars:
                    return True
    return False


def _within(el, ancestor) -> bool:
    while el is not None:
        if el is ancestor:
            return True
        el = el.getparent()
    return False


def _container(owners: list, rec: Record, slots: dict[str, _Slot], text_key: str):
    """Lowest common ancestor of the text pieces' owners, grown while it adds only text."""
    lca = owners[0]
    for o in owners[1:]:
        while not _within(o, lca):
            lca = lca.getparent()
    if not any(_within(lca, r) for r in rec.roots):
        return rec.roots[0]
    while lca not in rec.roots:
        parent = lca.getparent()
        if parent is None:
            break
        keys = {p.key for p in rec.pieces if _within(p.owner, parent) and not _within(p.owner, lca)}
        if any(slots[k].role != "text" or _header_like(slots[k]) for k in keys):
            break
        lca = parent
    return lca


def _header_like(slot: _Slot) -> bool:
    """A slot most records fill with a short text of their own: a name, a title, a badge."""
    vals = [v for v in slot.values if v]
    return len(vals) >= 0.5 * len(slot.values) and sum(map(len, vals)) / len(vals) <= 30


def _render_in(cont, rec: Record, nested: set, keep) -> str:
    if cont in rec.roots and len(rec.roots) > 1:
        return "\n\n".join(t for t in (_render_from(r, rec, nested, keep) for r in rec.roots) if t)
    return _render_from(cont, rec, nested, keep)


def _render_from(el, rec: Record, nested: set, keep) -> str:
    base = _path_of(el, rec)
    if base is None:
        return ""
    parts: list[str] = []
    # _render walks from `el` with paths relative to the record root
    return _render_rel(el, base, nested, keep, parts)


def _render_rel(root, base: str, nested: set, keep, parts: list[str]) -> str:
    def walk(el, path: str) -> None:
        tag = el.tag
        block = tag in _BLOCK
        if block:
            parts.append("\n\n")
        if el.text:
            if el.text.strip():
                if keep(path + "|t"):
                    parts.append(_SPACES.sub(" ", el.text))
            else:
                parts.append(" ")
        for child in el:
            ctag = child.tag if isinstance(child.tag, str) else None
            if ctag == "br":
                parts.append("\n")
            elif (
                ctag is not None
                and ctag not in _INVISIBLE
                and child not in nested
                and child.get("hidden") is None
            ):
                walk(child, path + "/" + _segment(child))
            if child.tail:
                if child.tail.strip():
                    if keep(f"{path}|{ctag or '!'}~"):
                        parts.append(_SPACES.sub(" ", child.tail))
                else:
                    parts.append(" ")
        if block:
            parts.append("\n\n")

    walk(root, base)
    lines = (line.strip() for line in "".join(parts).split("\n"))
    return re.sub(r"\n\s*\n+", "\n\n", "\n".join(lines)).strip()


def _top_links(cont, rec: Record) -> list:
    return [a for a in cont.iter("a")]


def _date_piece(rec: Record, date_keys: list[str]) -> Piece | None:
    """The record's date: from the date slot most records fill, else from another date slot, else
    from a piece that reads as a date at another place among the same like siblings as a date
    slot's (a field before it missing: '2楼 · date' where others show 'from Android · 2楼 · date')."""
    for key in date_keys:
        for p in rec.pieces:
            if p.key == key:
                return p
    unplaced = {_INLINE_INDEX.sub("", k) for k in date_keys}
    for p in rec.pieces:
        if _INLINE_INDEX.sub("", p.key) in unplaced and _looks_like_date(p.text, p.owner):
            return p
    return None


_INLINE_INDEX = re.compile(r"~\d+(?=/|\||$)")  # an inline element's place among its like siblings


def _has(rec: Record, key: str) -> bool:
    return any(p.key == key for p in rec.pieces)


def _signed_name(text: str) -> str | None:
    """The name before the date in a signature line ('— Ann Lee, 3 May 2024', 'Ann · 2 days
    ago'); None when what precedes the date is not a short name."""
    m = _DATE_SEARCH.search(text)
    if m is None or m.start() == 0:
        return None
    before = text[: m.start()].strip()
    if not (before.endswith((",", "·", "•", "|", "–", "—", "-")) or _SIGNED.match(before)):
        return None  # 'edited 3 hours ago' is no signature
    name = _clean_author(_SIGN_TAIL.sub("", before))
    if (
        not name
        or _CHROME_TEXT.fullmatch(name)
        or len(name) > 40
        or len(name.split()) > 4
        or not any(ch.isalpha() for ch in name)
    ):
        return None
    return name


def _clean_author(text: str) -> str | None:
    text = _BY.sub("", text.strip())
    text = _SAYS.sub("", text).strip(" :·•|-—–@")
    return text or None


def comment_time(owner, text: str | None, ref: datetime | None) -> datetime | None:
    """A comment's time: a machine-readable attribute near the date shown, else the date parsed."""
    return _when(owner, text or "", ref)


def _when(owner, text: str, ref: datetime | None) -> datetime | None:
    el = owner
    for _ in range(3):
        if el is None:
            break
        for name in ("datetime", "title", "data-time", "data-date", "content"):
            when = _iso(el.get(name))
            if when is not None:
                return when
        for name in _EPOCH_ATTRS:
            when = _epoch(el.get(name))
            if when is not None:
                return when
        # microdata beside the date shown: <meta itemprop="commentTime" content="2024-05-03T10:00">
        for meta in el.iterchildren("meta"):
            if _DATE_WORDS.search(meta.get("itemprop") or ""):
                when = _iso(meta.get("content"))
                if when is not None:
                    return when
        el = el.getparent()
    return parse_date(text, ref)


_EPOCH_ATTRS = ("data-utc", "data-time", "data-timestamp", "data-epoch", "data-ts")


def _epoch(value: str | None) -> datetime | None:
    """Seconds (or milliseconds) since 1970 in a data attribute: data-utc="1627400460"."""
    if not value or not value.isdigit() or not 9 <= len(value) <= 13:
        return None
    seconds = int(value) / (1000 if len(value) > 11 else 1)
    return datetime.fromtimestamp(seconds, UTC).replace(tzinfo=None)


def _iso(value: str | None) -> datetime | None:
    if value and re.match(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return datetime.fromisoformat(value.replace("Z", "+00:00")).replace(tzinfo=None)
        except ValueError:
            return None
    return None


def _hints(cand: _Candidate, kept: list[Record], page: _Page) -> float:
    """1 when the records' classes or ids, those of their near ancestors, or a heading just above
    them speak of comments; else 0."""
    if _COMMENT_WORDS.search(cand.key):
        return 1.0
    # a reply, like, vote or report button in most records: what readers wrote
    acting = sum(any(_ACTION_TEXT.fullmatch(p.text) for p in rec.pieces) for rec in kept)
    if acting >= 0.6 * len(kept):
        return 1.0
    first = kept[0].roots[0]
    el = first.getparent()
    for _ in range(4):
        if el is None or el.tag == "body":
            break
        if _COMMENT_WORDS.search(" ".join(filter(None, (el.get("class"), el.get("id"))))):
            return 1.0
        el = el.getparent()
    # a heading (or a short line) shortly before the first record
    for line in _lines_above(first, page, 60):
        if _HEADING_WORDS.search(line.text_content()[:80]):
            return 1.0
    return 0.0


def _lines_above(first, page: _Page, max_chars: int):
    """Headings and short lines (up to `max_chars`) shortly before `first`: up to three siblings
    back, from `first` and from each of its next two ancestors, nearest first."""
    el = first
    for _ in range(3):
        prev = el.getprevious()
        steps = 0
        while prev is not None and steps < 3:
            if isinstance(prev.tag, str) and (
                prev.tag in _HEADINGS or 0 < page.text.get(prev, 0) <= max_chars
            ):
                yield prev
            prev = prev.getprevious()
            steps += 1
        el = el.getparent()
        if el is None or el.tag == "body":
            break


_COUNT = re.compile(r"\d{1,4}")


def _counted(first, page: _Page) -> int | None:
    """The number in a short line (a heading: '3 Answers', '12 Kommentare') just above the first
    record, when that line holds one number and few words; else None."""
    for line in _lines_above(first, page, 40):
        n = _line_count(line.text_content())
        if n is not None:
            return n
    return None


def _line_count(text: str) -> int | None:
    text = " ".join(text.split())
    numbers = _COUNT.findall(text)
    if len(text) > 40 or len(numbers) != 1 or len(text.split()) > 4:
        return None
    return int(numbers[0])


# --- nesting ------------------------------------------------------------------------------------------------
def _parents(records: list[Record], page: _Page) -> list[int | None]:
    """Reply parent of each record (index into records), from DOM nesting or a stated depth."""
    n = len(records)
    stated = [r.stated_depth for r in records]
    if sum(s is not None for s in stated) >= 0.8 * n and len({s for s in stated if s is not None}) > 1:
        levels = sorted({s for s in stated if s is not None})
        rank = {v: i for i, v in enumerate(levels)}
        return _parents_by_depth([rank.get(s, 0) if s is not None else 0 for s in stated])
    out = reply_parents([r.roots[0] for r in records], [page.depth.get(r.roots[0], 0) for r in records])
    if n >= 2 and all(p is None for p in out):
        items = _items([r.roots[0] for r in records])
        by_items = reply_parents(items, [page.depth.get(e, 0) for e in items])
        if any(p is not None for p in by_items):
            return by_items
        guides = _guide_depths(records)
        if guides is not None:
            return _parents_by_depth(guides)
    return out


def _items(roots: list) -> list:
    """Each record's item: the outermost element holding it and no other record (the list item
    around a comment's inner box), whose nesting says what it answers where the boxes' own does
    not (replies in a list inside the item after their comment's)."""
    held: Counter = Counter(a for r in roots for a in r.iterancestors())
    out = []
    for r in roots:
        item = r
        parent = r.getparent()
        while parent is not None and parent.tag not in ("body", "html") and held[parent] == 1:
            item, parent = parent, parent.getparent()
        out.append(item)
    return out


def _parents_by_depth(depth: list[int]) -> list[int | None]:
    """Each record's parent in a flat thread: the nearest earlier record less deep."""
    out: list[int | None] = [None] * len(depth)
    for i in range(len(depth)):
        for j in range(i - 1, -1, -1):
            if depth[j] < depth[i]:
                out[i] = j
                break
    return out


_FILLED = frozenset(("img", "svg", "input", "br", "hr", "video", "picture", "iframe"))


def _leading_empty(el) -> int:
    """How many empty elements (no text, no children) open `el`: indent guides before a row's content."""
    count = 0
    for child in el:
        if not isinstance(child.tag, str):
            continue
        if child.tag in _FILLED or len(child) or (child.text or "").strip() or (child.tail or "").strip():
            return count  # guides before content; an empty element alone is an icon or a placeholder
        count += 1
    return 0


def _guide_depths(records: list[Record]) -> list[int] | None:
    """Depths shown only by empty guide elements opening a row (a thread drawn as flat siblings,
    each reply's row opening with one guide column per level): at the shallowest step down the
    records' first children where the number of leading empty elements differs from record to
    record, and every record has that step; else None."""
    chains = []
    for rec in records:
        chain, el = [], rec.roots[0]
        for _ in range(4):
            chain.append(_leading_empty(el))
            kids = [c for c in el if isinstance(c.tag, str)]
            if not kids:
                break
            el = kids[0]
        chains.append(chain)
    for level in range(4):
        if any(len(c) <= level for c in chains):
            return None
        counts = [c[level] for c in chains]
        if len(set(counts)) > 1:
            return counts if min(counts) == 0 else None
    return None


_BACKREF = re.compile(r">>\s?(\d{1,5})")  # a board's reference to an earlier post by its number


def _linked_parents(records: list[Record]) -> dict[int, int]:
    """Replies that link to what they answer: a record holding a link to an earlier record's
    anchor ('>>1995071', 'Parent', 'in reply to', a quoted name) replies to that record."""
    owner: dict[str, int] = {}  # anchor -> the innermost record holding it
    links: dict = {}  # <a href="#..."> -> the innermost record holding it
    for i, rec in enumerate(records):
        first = rec.roots[0]
        before = first.getprevious()
        if (
            before is not None
            and before.tag == "a"
            and before.get("name")
            and not before.text_content().strip()
        ):
            owner[before.get("name")] = i  # '<a name="msg4100"></a>' just before the record
        for root in rec.roots:
            for el in root.iter():
                if not isinstance(el.tag, str):
                    continue
                for name in ("id", "name"):
                    value = el.get(name)
                    if value:
                        owner[value] = i
                href = el.get("href") if el.tag == "a" else None
                if href and href.startswith("#") and len(href) > 1:
                    links[el] = i
                elif href and _BACKREF.fullmatch(el.text_content().strip()):
                    links[el] = i  # '>>2' linking to the post's own page ('…/read.cgi/…/2')
    out: dict[int, int] = {}
    for link, i in links.items():
        href = link.get("href")
        if href.startswith("#"):
            j = owner.get(href[1:])
        else:
            number = _BACKREF.fullmatch(link.text_content().strip()).group(1)
            j = owner.get(number) if href.rstrip("/").rsplit("/", 1)[-1] == number else None
        if j is not None and j < i and i not in out:
            out[i] = j
    return out


def reply_parents(elements: list, depths: list[int] | None = None) -> list[int | None]:
    """Reply parent of each comment element (in page order) from DOM nesting: a comment replies
    to the nearest earlier, shallower comment whose parent element holds it; a comment at the
    same depth beside an earlier one shares its parent."""
    if depths is None:
        depths = [sum(1 for _ in el.iterancestors()) for el in elements]
    out: list[int | None] = [None] * len(elements)
    for i in range(len(elements)):
        for j in range(i - 1, -1, -1):
            if depths[j] < depths[i]:
                scope = elements[j].getparent()
                if scope is not None and _within(elements[i], scope):
                    out[i] = j
                break
            if depths[j] == depths[i] and _siblings(elements[j], elements[i]):
                out[i] = out[j]
                break
    return out


def _siblings(a, b) -> bool:
    return a.getparent() is b.getparent()


# --- candidates -------------------------------------------------------------------------------------------
def _candidates(page: _Page) -> list[_Candidate]:
    groups: dict[str, list] = {}
    for el in page.elements:
        if el.tag in ("html", "body", "head") or page.text.get(el, 0) < 2:
            continue
        for key in _group_keys(el):
            groups.setdefault(key, []).append(el)
    for key in [k for k in groups if _UTILITY.fullmatch(k.partition(".")[2])]:
        tag, _, word = key.partition(".")
        base = groups.get(f"{tag}.{next(iter(_raw_class_words(word)), '')}")
        if base is not None and len(base) == len(groups[key]):  # the step tells nothing apart here
            del groups[key]
    # the article itself is no record (its class may be a comment system's: `post`, `entry`)
    article_chain = {a for h in page.h1 for a in h.iterancestors()}
    pre: list[tuple[float, str, list]] = []
    for key, members in groups.items():
        if len(members) < 2 and not _COMMENT_WORDS.search(key):
            continue
        members = [m for m in members if m not in article_chain]
        if not members:
            continue
        texts = [page.text[m] for m in members]
        total = sum(texts)
        if total / len(members) < 8:
            continue
        if page.total and max(texts) > 0.8 * page.total and len(members) > 1:
            continue
        links = sum(page.links[m] for m in members)
        if links > 0.6 * total:
            continue
        hint = 1.0 if _COMMENT_WORDS.search(key) else 0.0
        pre.append(((1 + hint) * math.log1p(len(members)) * (1 - links / total), key, members))
    # the items of the list right under a 'Comments' heading, even a list of one
    for h in page.elements:
        if h.tag in ("h2", "h3", "h4", "h5", "h6") and 0 < page.text.get(h, 0) <= 60:
            if _line_count(h.text_content()) == 1:
                # 'One answer': the element after the heading (or after its wrapper) is the record
                after = _next_element(h)
                if after is None and page.text.get(h.getparent(), 0) <= 60:
                    after = _next_element(h.getparent())
                if after is not None and after not in article_chain and page.text.get(after, 0) >= 8:
                    pre.append((0.5, f"after-count>{after.tag}", [after]))
            if not _HEADING_WORDS.search(h.text_content()):
                continue
            sib = _next_element(h)
            items = _items_of(sib, page)
            if not items and page.text.get(h.getparent(), 0) <= 60:
                sib = _next_element(h.getparent())  # the heading in a header line (tabs, a count)
                items = _items_of(sib, page)
            if sib is None or sib in article_chain:
                continue
            if len(items) == 1:  # two or more are found by what they share
                pre.append((math.log1p(len(items)), f"after-heading>{items[0].tag}", items))
    pre.sort(key=lambda t: -t[0])
    out = []
    for _, key, members in pre[: MAX_GROUPS * 2]:
        members = sorted(members, key=page.order.__getitem__)
        out.append(_Candidate(key, [Record([m], depth=page.depth[m]) for m in members]))
        header_run = _header_records(members, page)
        if header_run:
            out.append(_Candidate(key + "+siblings", header_run))
    return out[: MAX_GROUPS * 2] + _separated_runs(page, article_chain) + _periodic_runs(page, article_chain)


def _items_of(el, page: _Page) -> list:
    return [c for c in el if isinstance(c.tag, str) and page.text.get(c, 0) >= 8] if el is not None else []


def _next_element(el):
    sib = el.getnext() if el is not None else None
    while sib is not None and not isinstance(sib.tag, str):
        sib = sib.getnext()
    return sib


def _separated_runs(page: _Page, article_chain: set) -> list[_Candidate]:
    """Entries with no element of their own, set apart by rules: each run of siblings after an
    <hr> (up to the next one) is a record, as in guestbooks and old comment pages."""
    parents: dict = {}
    for el in page.elements:
        if el.tag == "hr":
            parent = el.getparent()
            parents[parent] = parents.get(parent, 0) + 1
    out = []
    for parent, rules in parents.items():
        if rules < 2 or parent in article_chain or parent.tag in ("html", "body") and page.h1:
            continue
        runs: list[list] = []
        run: list | None = None  # what comes before the first rule is the section's header
        for child in parent:
            if not isinstance(child.tag, str) or child.tag in _INVISIBLE:
                continue
            if child.tag == "hr":
                if run:
                    runs.append(run)
                run = []
            elif run is not None:
                run.append(child)
        if run:
            runs.append(run)
        runs = [r for r in runs if sum(page.text.get(e, 0) for e in r) >= 8]
        if runs and not any(h in article_chain or h.tag == "h1" for r in runs for h in r):
            key = f"hr-runs@{_node_key(parent)}"
            out.append(_Candidate(key, [Record(r, depth=page.depth[r[0]]) for r in runs]))
    return out


_TEXT_LEVEL = frozenset(("br", "a", "b", "i", "em", "strong", "u", "code", "p", "q", "s", "sub", "sup"))


def _shape(el) -> str:
    """An element's tag and its children's tags with theirs: what a row of a record looks like."""
    kids = []
    for c in el:
        if isinstance(c.tag, str) and c.tag not in _INVISIBLE:
            first = next((g.tag for g in c if isinstance(g.tag, str) and g.tag not in _INVISIBLE), "")
            kids.append(
                f"{c.tag}>{'~' if not first or first in _TEXT_LEVEL else first}"
            )  # text varies, rows do not
    return el.tag + "[" + ",".join(kids) + "]"


def _periodic_runs(page: _Page, article_chain: set) -> list[_Candidate]:
    """Records made of k adjacent siblings (MDR's generalised nodes): a header row, a text row and
    a tools row per comment in an old table. Found where the siblings' shapes repeat with a period
    of 2 to 4 whose rows differ."""
    out = []
    for parent in page.elements:
        if len(parent) < 6 or parent in article_chain or parent.tag in ("html", "body"):
            continue
        kids = [c for c in parent if isinstance(c.tag, str) and c.tag not in _INVISIBLE]
        if len(kids) < 6:
            continue
        shapes = [_shape(c) for c in kids]
        for k in (2, 3, 4):
            start = next(
                (
                    s
                    for s in range(0, min(k + 1, len(kids) - 2 * k + 1))
                    if len(set(shapes[s : s + k])) > 1 and shapes[s : s + k] == shapes[s + k : s + 2 * k]
                ),
                None,
            )
            if start is None:
                continue
            records = []
            i = start
            while i + k <= len(kids) and shapes[i : i + k] == shapes[start : start + k]:
                records.append(kids[i : i + k])
                i += k
            if len(records) >= 3 and len(records) * k >= 0.5 * len(kids):  # two could be chance
                key = f"rows{k}@{_node_key(parent)}"
                out.append(_Candidate(key, [Record(r, depth=page.depth[r[0]]) for r in records]))
            break
    return out


# --- comments that end in a signature (talk pages, digests): no element of their own -----------------------
_TRAILER = re.compile(r"(?:\s*\[[^\]]{1,20}\])*\s*$")  # '[reply]' buttons after the stamp
_STAMP_END = re.compile(r"^[\s,]*(?:\d{1,2}[:.]\d{2}\s*)?(?:\(?[A-Z]{2,5}\)?)?[\s.)]*$")  # ' (UTC)'
_IP = re.compile(r"\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f]{1,4}(?::[0-9a-f]{0,4}){2,7}", re.I)
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b")
_SIGNATURE_CHARS = 120  # a signature: a linked name, a talk link, a stamp


def _inline_children(el) -> list:
    out = []
    for child in el:
        if not isinstance(child.tag, str):
            continue
        if child.tag in _BLOCK:
            break
        out.append(child)
    return out


def _signature(el):
    """Where a block's closing signature starts (its first element) and its date, or None."""
    kids = _inline_children(el)
    if not kids:
        return None
    texts = [_SPACES.sub(" ", k.text_content() + (k.tail or "")) for k in kids]
    tail = _TRAILER.sub("", "".join(texts))[-80:]
    clocks = _CLOCK.findall(tail)
    if not clocks:
        return None  # a talk page's stamp has its time of day: '12:49, 13 May 2016 (UTC)'
    m = None
    for m in _DATE_SEARCH.finditer(tail):  # noqa: B007 - the last date is the stamp
        pass
    if m is None or _STAMP_END.sub("", tail[m.end() :]):
        return None
    suffix = 0
    start = None
    for i in range(len(kids) - 1, -1, -1):
        suffix += len(texts[i])
        if suffix > _SIGNATURE_CHARS:
            break
        link = kids[i] if kids[i].tag == "a" else kids[i].find(".//a")
        if link is not None and _name_like(link.text_content()):
            start = i
    if start is None:
        return None
    # the stamp follows the name: it is not the name link's own text (a permalink on a date)
    link = kids[start] if kids[start].tag == "a" else kids[start].find(".//a")
    name = link.text_content().strip()
    if _DATE_SEARCH.search(name) and not _IP.fullmatch(name):
        return None
    return kids[start], m.group(0), clocks[-1]


def _element_index(el) -> int:
    """An element's place among its parent's element children."""
    parent = el.getparent()
    if parent is None:
        return 0
    return sum(1 for s in el.itersiblings(preceding=True) if isinstance(s.tag, str))


def _name_like(text: str) -> bool:
    text = text.strip()
    return bool(_IP.fullmatch(text)) or (
        0 < len(text) <= 40
        and len(text.split()) <= 4
        and "://" not in text
        and not text.startswith(("#", "@", "www."))
        and _DATE_SEARCH.search(text) is None
        and any(ch.isalpha() for ch in text)
    )


def _signed_runs(page: _Page, placeholders: frozenset[str], ref: datetime | None) -> _Candidate | None:
    """Each block ending in a signature (a linked name and a date), with the unsigned blocks just
    before it among its siblings, is a comment: the name is the signature's first link, the text
    what precedes the signature."""
    article_chain = {a for h in page.h1 for a in h.iterancestors()}
    found = []
    for el in page.elements:
        if el.tag in ("p", "dd", "li") and el not in article_chain and page.text.get(el, 0) >= 20:
            sig = _signature(el)
            if sig is not None:
                found.append((el, *sig))
    if len(found) < 2:
        return None
    # the discussion: the deepest element holding most signed blocks (a byline elsewhere is not one)
    cover: Counter = Counter(a for el, *_ in found for a in el.iterancestors())
    home = max(
        (a for a, n in cover.items() if n >= 0.6 * len(found)),
        key=lambda a: page.depth.get(a, 0),
        default=None,
    )
    found = [f for f in found if home is None or _within(f[0], home)]
    marks = {el for el, *_ in found}
    records, comments = [], []
    for el, start, date_text, clock in found:
        roots = [el]
        prev = el.getprevious()
        while prev is not None and prev.tag == el.tag and prev not in marks and page.text.get(prev, 0):
            roots.insert(0, prev)
            prev = prev.getprevious()
        paras = [_SPACES.sub(" ", r.text_content()).strip() for r in roots[:-1]]
        own = [el.text or ""]
        for child in _inline_children(el):
            if child is start:
                break
            own.append(child.text_content() + (child.tail or ""))
        last = _SPACES.sub(" ", "".join(own)).strip().rstrip("-—–~ ").strip()
        text = "\n\n".join(t for t in [*paras, last] if t)
        link = start if start.tag == "a" else start.find(".//a")
        author = _clean_author(link.text_content())
        if author and (author.casefold() in placeholders or _IP.fullmatch(author)):
            author = None  # an address signs for someone without an account
        if sum(ch.isalpha() for ch in text) < 2:
            continue
        when = _when(start, f"{date_text} {clock}", ref)
        comments.append(
            Comment(len(comments), author, text, "dom:records", published_text=date_text, published_at=when)
        )
        records.append(Record(roots, depth=page.depth[roots[0]]))
    k = len(comments)
    if k < 2:
        return None
    cand = _Candidate("signed-runs", records, comments=comments, kept=records)
    distinct = len({c.text for c in comments}) / k
    hint = _hints(cand, records, page)
    cand.score = distinct * (1.0 - 1.0 / (1 + k)) * (2.0 if hint else 0.7 if k >= 4 else 0.2)
    cand.factors = (1.0, 1.0, round(distinct, 2), 1.0, hint, k)
    return cand


def _header_records(members: list, page: _Page) -> list[Record] | None:
    """Members that are headers followed by their text as siblings: one record per header."""
    parents = {m.getparent() for m in members}
    if len(parents) != 1 or len(members) < 2:
        return None
    mset = set(members)
    out = []
    for m in members:
        roots = [m]
        sib = m.getnext()
        while sib is not None and sib not in mset:
            if isinstance(sib.tag, str) and sib.tag not in _INVISIBLE:
                roots.append(sib)
            sib = sib.getnext()
        if len(roots) == 1:
            return None
        out.append(Record(roots, depth=page.depth[m]))
    # the header alone is short; its followers carry the text
    if sum(page.text[r.roots[0]] for r in out) > 0.5 * sum(page.text[e] for r in out for e in r.roots):
        return None
    return out


def mine_comments(
    tree: lxml_html.HtmlElement, placeholders: frozenset[str], ref: datetime | None = None
) -> Mined | None:
    """The page's comment list found from repeated structure, or None when there is none."""
    global _NODE_KEYS, _SEGMENTS, _CLASS_COUNTS
    _NODE_KEYS, _SEGMENTS = {}, {}
    _CLASS_COUNTS = _per_element_classes(tree)
    try:
        return _mine(tree, placeholders, ref)
    finally:
        _NODE_KEYS = _SEGMENTS = _CLASS_COUNTS = None


def _mine(tree: lxml_html.HtmlElement, placeholders: frozenset[str], ref: datetime | None) -> Mined | None:
    bodies = tree.xpath("//body")
    body = bodies[0] if bodies else tree
    page = _Page(body)
    best: _Candidate | None = None
    analysed = []
    for cand in _candidates(page):
        _analyse(cand, page, placeholders, ref)
        if cand.comments:
            analysed.append(cand)
            if best is None or cand.score > best.score + 1e-9:
                best = cand
    if best is not None:
        best = _widest(best, analysed)
        best = _innermost(best, analysed, page)
        best = _joined(best, analysed, page)
        best = _held(best, analysed, page, placeholders, ref)
        best = _once(best)
    signed = _signed_runs(page, placeholders, ref)
    if signed is not None and (best is None or signed.score > best.score + 1e-9):
        best = signed
    if best is None or best.score < MIN_SCORE:
        return None
    kept = best.kept
    if all(c.published_at is None for c in best.comments):
        _split_dates(best.comments, kept, ref)
    for rec in kept:
        rec.stated_depth = _stated_depth(rec)
    parents = _parents(kept, page)
    for i, j in _linked_parents(kept).items():
        parents[i] = j
    for i, j in _addressed(best.comments).items():
        parents[i] = j
    for i, j in _named_parents(kept, best.comments).items():
        if parents[i] is None:
            parents[i] = j
    for c, p in zip(best.comments, parents, strict=True):
        c.parent_position = p
    top = [r.roots for r in kept if not any(_within(r.roots[0], o.roots[0]) for o in kept if o is not r)]
    containers = _section(top, page)
    return Mined(best.comments, containers, best.score, best.key, [r.roots for r in kept], page)


_SPLIT_DATE_CHARS = 60


def _split_dates(comments: list[Comment], records: list[Record], ref: datetime | None) -> None:
    """Dates drawn in pieces, one element each ('<abbr>Wed</abbr> <span>1</span> <abbr>Sep</abbr>
    <span>2021</span>'), are no slot of their own: in a list found undated, each record's first
    short element of three inline pieces or more that reads as a date as a whole is its date (over
    a piece of it, 'Wed', taken for one)."""
    for c, rec in zip(comments, records, strict=True):
        for el in rec.roots[0].iter():
            if not isinstance(el.tag, str) or el.tag not in _INLINE and el.tag not in ("div", "p"):
                continue
            kids = [k for k in el if isinstance(k.tag, str)]
            if len(kids) < 3 or any(k.tag not in _INLINE or len(k) for k in kids):
                continue
            text = _SPACES.sub(" ", el.text_content()).strip()
            if len(text) > _SPLIT_DATE_CHARS or not _date_text(text):
                continue
            when = _when(el, text, ref)
            if when is not None:
                c.published_text, c.published_at = text, when
                break


# 'Reply to @name:' opening a reply's text, in the languages of the comment systems that write it
_ADDRESS = re.compile(
    r"^(?:(?:回复|回覆|返信|답글|ответ(?:ить)?|reply(?: to)?|antwort(?: an)?|réponse à|respuesta a)\s*"
    r"(?:@\s*([^:：\n]{1,40}?))?|(?:回复|回覆|返信|답글)\s+([^\s:：@][^:：\n]{0,39}?))\s*[:：]\s*",
    re.I,
)  # the name after '@', or after a space in the scripts that write '回复 Ann :' without one


def _addressed(comments: list[Comment]) -> dict[int, int]:
    """Replies whose text opens by addressing the comment answered ('回复@Ann:', 'Reply to @Ann:'):
    the address is no part of the text, and the latest earlier comment by that name is the parent."""
    out: dict[int, int] = {}
    latest: dict[str, int] = {}
    for i, c in enumerate(comments):
        m = _ADDRESS.match(c.text)
        if m and m.end() < len(c.text):
            c.text = c.text[m.end() :]
            name = (m.group(1) or m.group(2) or "").strip().casefold()
            if name in latest:
                out[i] = latest[name]
        if c.author:
            latest[c.author.casefold()] = i
    return out


def _named_parents(records: list[Record], comments: list[Comment]) -> dict[int, int]:
    """Replies that name the writer they answer in a line of their own ('in reply to Ann', an avatar
    and a name above the text): a slot that two or more records fill, each time with the name of an
    earlier comment's writer other than their own, says that the latest earlier comment by that
    name is the parent."""
    names = [(c.author or "").casefold() for c in comments]
    by_key: dict[str, list[tuple[int, str]]] = {}
    for i, rec in enumerate(records):
        for p in rec.pieces:
            by_key.setdefault(p.key, []).append((i, p.text))
    out: dict[int, int] = {}
    for values in by_key.values():
        if len(values) < 2 or len({i for i, _ in values}) < len(values):
            continue
        found = {}
        for i, text in values:
            name = text.strip().lstrip("@").rstrip(":：").strip().casefold()
            j = next((j for j in range(i - 1, -1, -1) if names[j] == name), None) if name else None
            if j is None or names[i] == name:
                break
            found[i] = j
        else:
            out.update(found)
    return out


def _widest(best: _Candidate, others: list[_Candidate]) -> _Candidate:
    """The list that holds the best one's records and more, when it scores nearly as well: a class
    that only some comments carry (`odd`, `bypostauthor`, `comment-author-NAME`) is part of a list.
    When it holds the best one's very records, those of its records that hold no comment (an
    activity line among the comments) do not count against it: the comments it adds do."""
    mine = [r.roots[0] for r in best.kept]
    wider = [
        c
        for c in others
        if len(c.kept) > len(best.kept)
        and (
            c.score >= 0.9 * best.score
            or c.score / c.cover >= 0.9 * best.score
            and set(mine) <= {r.roots[0] for r in c.kept}
        )
        and _covers(c, mine)
    ]
    return max(wider, key=lambda c: (len(c.kept), c.score), default=best)


def _innermost(best: _Candidate, others: list[_Candidate], page: _Page) -> _Candidate:
    """A list of one record read through a wrapper that holds more (a paging line above it) takes the
    reading of the smallest record inside it with the same name and date: the comment alone, whose
    text is the reader's words, not the wrapper's longest line."""
    if len(best.comments) != 1:
        return best
    mine = best.comments[0]
    if not (mine.author and mine.published_text):
        return best
    root = best.kept[0].roots[0]
    inner = [
        c
        for c in others
        if len(c.comments) == 1
        and c.score >= 0.3 * best.score
        and c.comments[0].author == mine.author
        and c.comments[0].published_text == mine.published_text
        and c.kept[0].roots[0] is not root
        and _within(c.kept[0].roots[0], root)
    ]
    if not inner:
        return best
    pick = max(inner, key=lambda c: len(list(c.kept[0].roots[0].iterancestors())))
    # only when the wrapper's text comes before the comment (a line above it): a text after the
    # name and date is the comment's own, and the smaller record its header
    first = mine.text.split("\n")[0]
    start = next((p.owner for p in best.kept[0].pieces if p.text and p.text in first), None)
    inner_root = pick.kept[0].roots[0]
    if start is None or _within(start, inner_root) or page.order[start] > page.order[inner_root]:
        return best
    return _Candidate(pick.key, pick.records, best.score, pick.comments, pick.kept, pick.factors)


def _joined(best: _Candidate, others: list[_Candidate], page: _Page) -> _Candidate:
    """Comments and their replies drawn as two lists of their own (a root reply and its sub-replies
    in markup of another kind, replies in the list item after their comment's): another list that
    reads as comments, whose records neither hold, sit in nor stand beside the best one's, and
    whose records share the items of one list with the best one's (an item holding both, or items
    of the one list next to items of the other), joins it in page order. Of several, the best
    scoring, and of those the shallowest (the whole comment, not its inner box). The best list may
    be read through any wrapper that gives the same comments nearly as well, the shallowest that
    can be joined first (an item holding the replies' box cannot; the box beside it can)."""
    texts = [c.text for c in best.comments]
    same = [
        c
        for c in sorted(others, key=lambda c: -c.score)
        if c is not best and c.score >= 0.9 * best.score and [x.text for x in c.comments] == texts
    ]
    readings = sorted((best, *same), key=lambda c: sum(page.depth[r.roots[0]] for r in c.kept) / len(c.kept))
    for mine in readings:  # the shallowest first: its items hold the replies' lists, if any
        joined = _join(mine, others, page)
        if joined is not None:
            return joined
    return best


def _merged(a: _Candidate, b: _Candidate, page: _Page, key: str, score: float, factors: tuple) -> _Candidate:
    """Two lists' kept records and comments as one list in page order, the comments renumbered."""
    pairs = sorted(
        [*zip(a.kept, a.comments, strict=True), *zip(b.kept, b.comments, strict=True)],
        key=lambda rc: page.order[rc[0].roots[0]],
    )
    for i, (_, comment) in enumerate(pairs):
        comment.position = i
    records = [r for r, _ in pairs]
    return _Candidate(key, records, score, [c for _, c in pairs], list(records), factors)


def _join(best: _Candidate, others: list[_Candidate], page: _Page) -> _Candidate | None:
    mine = [r.roots[0] for r in best.kept]
    roots = {e for r in best.kept for e in r.roots}
    holding = {a for e in roots for a in (e, *e.iterancestors())}  # our records and what holds them
    parents = {e.getparent() for e in roots}
    fits = []
    for c in others:
        if c.score < MIN_SCORE:
            continue
        theirs = [e for r in c.kept for e in r.roots]
        if any(
            t in holding or t.getparent() in parents or any(a in roots for a in t.iterancestors())
            for t in theirs
        ):
            continue  # the same comments, parts of them, or parts beside them
        if _items_shared(mine, [r.roots[0] for r in c.kept], page) < 1:
            continue
        fits.append(c)
    if not fits:
        return None
    top = max(c.score for c in fits)
    pick = min(
        (c for c in fits if c.score >= 0.9 * top),
        key=lambda c: (sum(page.depth[r.roots[0]] for r in c.kept) / len(c.kept), -c.score),
    )
    return _merged(best, pick, page, f"{best.key}&{pick.key}", best.score, best.factors)


def _held(
    best: _Candidate,
    others: list[_Candidate],
    page: _Page,
    placeholders: frozenset[str],
    ref: datetime | None,
) -> _Candidate:
    """Replies drawn inside their comment in markup of another kind (a floor and the one-line
    replies in a box under its text): two lists, the records of one (the replies) all inside the
    records of the other, join in page order when the outer one, read with the inner one's records
    left out of its text, still reads as comments (two or more, scoring at least half as well) and
    the inner one reads as comments of their own (not the outer's text seen through its box). The
    best list may be either. Of several fits, the best scoring, and of those the one with the most
    comments, then the shallowest."""

    def reread(outer: _Candidate, inner: list) -> _Candidate | None:
        alt = _Candidate(
            outer.key, [Record(list(r.roots), depth=r.depth) for r in outer.records], inner=frozenset(inner)
        )
        _analyse_once(alt, page, placeholders, ref)
        if len(alt.comments) < 2 or alt.score < max(MIN_SCORE, 0.5 * outer.score):
            return None
        return alt

    def inside(inner: list, outer: list) -> bool:
        inner_set, outer_set = set(inner), set(outer)
        if inner_set & outer_set or any(_within(o, i) for o in outer for i in inner):
            return False
        return all(any(_within(i, o) for o in outer) for i in inner)

    def after_text(outer: _Candidate, inner: list) -> bool:
        """Every inner record comes after the text of the outer record holding it (replies under
        the comment, not a name card or a badge in its header)."""
        for rec in outer.kept:
            start = next((p.owner for p in rec.pieces if p.key == outer.text_key), None)
            for i in inner:
                if any(_within(i, r) for r in rec.roots) and (
                    start is None or page.order[i] < page.order[start]
                ):
                    return False
        return True

    mine = [r.roots[0] for r in best.kept]
    fits: list[tuple[_Candidate, _Candidate]] = []  # (outer, inner)
    for c in others:
        if c is best or not c.kept:
            continue
        if len(c.records) >= 2 and inside(mine, [r.roots[0] for r in c.records]):
            alt = reread(c, mine)
            if alt is not None and after_text(alt, mine):
                fits.append((alt, best))
    # the best list holding another: read through any wrapper that gives the same comments nearly
    # as well (the whole floor, its name column included, not its text column alone)
    texts = [c.text for c in best.comments]
    readings = [best] + [
        c
        for c in others
        if c is not best and c.score >= 0.9 * best.score and [x.text for x in c.comments] == texts
    ]
    for outer, c in ((o, c) for o in readings for c in others):
        if not c.kept or any(c is r for r in readings):
            continue
        mine = [r.roots[0] for r in outer.kept]
        theirs = [r.roots[0] for r in c.kept]
        if c.score >= max(MIN_SCORE, 0.5 * best.score) and inside(theirs, mine):
            alt = reread(outer, theirs)
            was = {id(r.roots[0]): x.text for r, x in zip(outer.kept, outer.comments, strict=True)}
            if (
                alt is not None
                and len(alt.comments) >= 0.8 * len(outer.comments)
                and after_text(alt, theirs)
                # its own comments the same, less the inner ones' text if it held it
                and all(
                    x.text in was.get(id(r.roots[0]), "") for r, x in zip(alt.kept, alt.comments, strict=True)
                )
                # the inner comments are none of the outer ones' text (its box seen alone)
                and not any(x.text in t for x in c.comments for t in was.values())
            ):
                fits.append((alt, c))
    if not fits:
        return best
    top = max(o.score + i.score for o, i in fits)
    outer, inner = min(
        ((o, i) for o, i in fits if o.score + i.score >= 0.9 * top),
        key=lambda oi: (
            -len(oi[0].comments) - len(oi[1].comments),
            sum(page.depth[r.roots[0]] for c in oi for r in c.kept) / sum(len(c.kept) for c in oi),
        ),
    )
    return _merged(outer, inner, page, f"{outer.key}>{inner.key}", max(best.score, outer.score), best.factors)


def _once(best: _Candidate) -> _Candidate:
    """A comment shown twice, as a list of highlights ('Popular', 'Top comments') above the full
    list repeats some of its comments: records with the same name, date and text as a later one,
    in a list of their own that holds none of the others, are copies and are dropped (the later
    stand in the full list, in its order). The same words posted twice in one list both stay."""
    last = {}
    for i, c in enumerate(best.comments):
        if c.author and c.published_text:
            last[(c.author, c.published_text, c.text)] = i
    copies = [
        i
        for i, c in enumerate(best.comments)
        if c.author and c.published_text and last[(c.author, c.published_text, c.text)] != i
    ]
    if not copies:
        return best
    lca = best.kept[copies[0]].roots[0].getparent()
    for i in copies[1:]:
        while lca is not None and not _within(best.kept[i].roots[0], lca):
            lca = lca.getparent()
    drop = set(copies)
    if lca is None or any(_within(r.roots[0], lca) for i, r in enumerate(best.kept) if i not in drop):
        return best
    keep = [i for i in range(len(best.comments)) if i not in drop]
    comments = [best.comments[i] for i in keep]
    for i, c in enumerate(comments):
        c.position = i
    kept = [best.kept[i] for i in keep]
    return _Candidate(best.key, kept, best.score, comments, kept, best.factors)


def _items_shared(mine: list, theirs: list, page: _Page) -> int:
    """How often two lists' records share the items of one list: the items (children of the
    element holding all the records) that hold records of both, plus the places where an item
    holding one list's records stands next to an item holding the other's. 0 when the element
    holding them all is the page's body, one of the records or holds the article's title."""
    lca = mine[0]
    for e in [*mine[1:], *theirs]:
        while not _within(e, lca):
            lca = lca.getparent()
    if lca.tag in ("body", "html") or lca in mine or lca in theirs or any(_within(h, lca) for h in page.h1):
        return 0  # the page itself, or one record holding all the others

    def item(el):
        while el.getparent() is not lca:
            el = el.getparent()
        return el

    held: dict = {}
    for side, els in ((1, mine), (2, theirs)):
        for e in els:
            it = item(e)
            held[it] = held.get(it, 0) | side
    sequence = [held[it] for it in sorted(held, key=page.order.__getitem__)]
    shared = sum(1 for v in sequence if v == 3)
    beside = sum(1 for a, b in zip(sequence, sequence[1:], strict=False) if {a, b} == {1, 2})
    return shared + beside


def _covers(cand: _Candidate, roots: list) -> bool:
    """Every one of `roots` is one of the candidate's records, or holds one, or sits in one (the
    same comment seen through another wrapper)."""
    theirs = {r.roots[0] for r in cand.kept}
    for root in roots:
        if root in theirs:
            continue
        if len(theirs) > 400:
            return False
        if not any(_within(t, root) or _within(root, t) for t in theirs):
            return False
    return True


def _section(tops: list[list], page: _Page, avoid: list | None = None) -> list:
    """The elements to keep out of the article: the records' common ancestor when it holds
    little else (and none of `avoid`), else the records themselves."""
    roots = [e for roots in tops for e in roots]
    lca = roots[0]
    for e in roots[1:]:
        while not _within(e, lca):
            lca = lca.getparent()
    inside = sum(page.text.get(e, 0) for e in roots)
    holds_article = any(_within(h, lca) for h in [*page.h1, *(avoid or ())])
    if lca.tag not in ("body", "html") and not holds_article and page.text.get(lca, 0) <= 1.5 * inside + 400:
        return [lca]
    return roots
