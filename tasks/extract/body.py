"""The article body: trafilatura's, checked by a vote of other extractors over the page's blocks.

Each extractor (trafilatura, jusText, readability) reads the article tree (comment area already
removed) on its own. The page is cut into the blocks a reader sees (one per paragraph, heading,
list item); a block is in an extractor's output when its words are. A block joins the body when
the votes it gets reach the threshold; trafilatura's vote weighs most. The result keeps
trafilatura's text where it and the vote agree, adds the blocks the others found inside the
stretch of page trafilatura chose, and drops trafilatura's lone blocks the others both reject
when they look like chrome (short, or mostly link text).
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field

from lxml import html as lxml_html

from tasks.extract.dom import render, strip_chrome

_WORDS = re.compile(r"\w+", re.UNICODE)
_PARA = re.compile(r"\n\s*\n")


def _key(text: str) -> str:
    return " ".join(_WORDS.findall(text.casefold()))


@dataclass
class Votes:
    """What each extractor made of one page, as normalised word strings."""

    blocks: list[str]  # the page's blocks in reading order, as rendered
    links: list[float]  # share of each block's text inside links
    outputs: dict[str, str] = field(default_factory=dict)  # extractor -> its text, normalised

    def has(self, name: str, i: int) -> bool:
        """Is block i in this extractor's output: as a whole line when short ('Home' is in every
        text), else by most of its word pairs."""
        k = _key(self.blocks[i])
        out = self.outputs.get(name, "")
        if not k or not out:
            return False
        words = k.split()
        if len(words) < 4:
            return f"\n{k}\n" in out
        if k in out:
            return True
        cache = self.__dict__.setdefault("grams", {})
        grams = cache.get(name)
        if grams is None:
            flat = out.split()
            grams = cache[name] = set(zip(flat, flat[1:], strict=False))
        pairs = list(zip(words, words[1:], strict=False))
        return sum(p in grams for p in pairs) >= 0.7 * len(pairs)


def page_blocks(tree: lxml_html.HtmlElement) -> tuple[list[str], list[float]]:
    """The blocks of the article tree as a reader sees them, and each block's share of link text."""
    tree = copy.deepcopy(tree)
    strip_chrome(tree)
    bodies = tree.xpath("//body")
    root = bodies[0] if bodies else tree
    marker = "\u2063"  # invisible separator around link text, to measure it after rendering
    for a in root.iter("a"):
        a.text = marker + (a.text or "")
        if len(a):
            last = a[-1]
            last.tail = (last.tail or "") + marker
        else:
            a.text = a.text + marker
    blocks, links = [], []
    for para in _PARA.split(render(root)):
        para = para.strip()
        if not para:
            continue
        parts = para.split(marker)
        linked = sum(len(p) for p in parts[1::2])
        text = "".join(parts)
        if text.strip():
            blocks.append(text)
            links.append(linked / max(len(text), 1))
    return blocks, links


def normalised(text: str) -> str:
    """An extractor's output as one line per paragraph of words, framed by newlines."""
    lines = [_key(line) for line in (text or "").splitlines()]
    return "\n" + "\n".join(line for line in lines if line) + "\n"


def justext_text(tree: lxml_html.HtmlElement, lang: str | None) -> str:
    from trafilatura.external import basic_cleaning, try_justext

    body = try_justext(basic_cleaning(copy.deepcopy(tree)), None, lang)
    return "\n".join((p.text or "") for p in body)


def readability_text(tree: lxml_html.HtmlElement) -> str:
    from trafilatura.readability_lxml import Document

    try:
        summary = Document(copy.deepcopy(tree)).summary()
    except Exception:  # readability fails on odd trees; it then simply has no vote
        return ""
    if not summary.strip():
        return ""
    try:
        doc = lxml_html.document_fromstring(summary)
    except (ValueError, lxml_html.etree.ParserError):
        return ""
    bodies = doc.xpath("//body")
    return render(bodies[0] if bodies else doc)


def collect(
    tree: lxml_html.HtmlElement, trafilatura_text: str, lang: str | None, rule: Rule | None = None
) -> Votes:
    """Every extractor's output on the page. With `rule`, jusText (the slowest) is left out when
    readability's output alone shows `vote` will keep trafilatura's text as it is: every change
    needs all the others to agree, so one that agrees with trafilatura on every block that could
    change settles it."""
    blocks, links = page_blocks(tree)
    votes = Votes(blocks, links)
    votes.outputs["trafilatura"] = normalised(trafilatura_text)
    votes.outputs["readability"] = normalised(readability_text(tree))
    if rule is None or _may_change(votes, rule, "readability"):
        votes.outputs["justext"] = normalised(justext_text(tree, lang))
    return votes


def _may_change(v: Votes, rule: Rule, name: str) -> bool:
    """Could `vote` change trafilatura's text when extractor `name` is one of the others? False
    only when it is (with trafilatura choosing something) and, on every block `vote` could add or
    drop, it sides with trafilatura."""
    if v.outputs.get(name, "\n") == "\n":
        return True  # it would have no vote: the others decide alone
    n = len(v.blocks)
    traf = [v.has("trafilatura", i) for i in range(n)]
    chosen = [i for i in range(n) if traf[i]]
    if not chosen:
        return False
    first, last = chosen[0], chosen[-1]
    for i in range(n):
        mine = v.has(name, i)
        if not traf[i] and mine and rule.add_inside:
            inside = first - rule.add_margin <= i <= last + rule.add_margin
            if inside and len(v.blocks[i]) >= rule.add_chars and v.links[i] < rule.add_links:
                return True
        elif (
            traf[i]
            and not mine
            and rule.drop_lone
            and (len(v.blocks[i]) < rule.chrome_chars or v.links[i] >= rule.chrome_links)
        ):
            return True
    return False


@dataclass(frozen=True)
class Rule:
    """How the votes make a body (the weights and the thresholds are set on development pages)."""

    others: tuple[str, ...] = ("justext", "readability")
    add_inside: bool = True  # add blocks all others chose that lie between trafilatura's blocks
    add_margin: int = 0  # ... or this many blocks before its first / after its last
    add_chars: int = 0  # only blocks at least this long ...
    add_links: float = 1.0  # ... with less than this share of link text are added
    drop_lone: bool = True  # drop trafilatura's blocks all others reject when they look like chrome
    edges_only: bool = False  # ... only before the first / after the last block another also chose
    chrome_chars: int = 60  # a lone block this short ...
    chrome_links: float = 0.5  # ... or with this share of link text looks like chrome


def vote(v: Votes, trafilatura_text: str, rule: Rule) -> str:
    """The body: trafilatura's text, with blocks the others all chose inside its stretch of the
    page added where they stand, and its lone chrome-like blocks the others all reject removed."""
    n = len(v.blocks)
    traf = [v.has("trafilatura", i) for i in range(n)]
    chosen = [i for i in range(n) if traf[i]]
    others = [[v.has(name, i) for i in range(n)] for name in rule.others if v.outputs.get(name, "\n") != "\n"]
    if not chosen or not others:
        return trafilatura_text
    lines = [line for line in trafilatura_text.splitlines() if line.strip()]
    keys = [_key(line) for line in lines]
    # where each of trafilatura's blocks stands in its text
    at: dict[int, int] = {}
    j = 0
    for i in chosen:
        k = _key(v.blocks[i])
        for jj in range(j, len(keys)):
            if k and (k in keys[jj] or keys[jj] in k):
                at[i] = j = jj
                break
    first, last = chosen[0], chosen[-1]
    confirmed = [i for i in chosen if any(o[i] for o in others)]
    inner = (confirmed[0], confirmed[-1]) if confirmed else (n, -1)
    drop: set[int] = set()
    after: dict[int, list[str]] = {}  # line index (-1: before the first) -> blocks to add after it
    anchor = -1
    for i in range(n):
        if i in at:
            anchor = at[i]
        yes = all(o[i] for o in others)
        no = not any(o[i] for o in others)
        inside = first - rule.add_margin <= i <= last + rule.add_margin
        if not traf[i] and yes and rule.add_inside and inside:
            if len(v.blocks[i]) >= rule.add_chars and v.links[i] < rule.add_links:
                after.setdefault(anchor, []).append(v.blocks[i])
        elif traf[i] and no and rule.drop_lone and i in at and keys[at[i]] == _key(v.blocks[i]):
            edge = not inner[0] <= i <= inner[1]
            chrome = len(v.blocks[i]) < rule.chrome_chars or v.links[i] >= rule.chrome_links
            if chrome and (edge or not rule.edges_only):
                drop.add(at[i])
    if not drop and not after:
        return trafilatura_text
    out = list(after.get(-1, []))
    for jj, line in enumerate(lines):
        if jj not in drop:
            out.append(line)
        out.extend(after.get(jj, []))
    return "\n".join(out)


# Chosen with devdata.bodyvote on the development split of trafilatura's labelled pages (snippet F1
# 0.924 -> 0.926) and on generated pages with hazardous bodies (full-text F1 0.947 -> 0.967).
# Then, on the same development split only: blocks are added only when next to no text of them is
# link text (snippet F1 0.9286 -> 0.9296; trafilatura alone 0.9281).
RULE = Rule(add_margin=10, add_chars=80, add_links=0.05, chrome_chars=40, chrome_links=0.5)
