"""Real HTML pages as labelled renderings: the HTML is the teacher.

A page's main text, title, author and comments come from its markup (trafilatura reads the DOM),
then each line of a text or markdown rendering of the same page takes the label of what it
renders: a line whose words the main text holds, in order, is body; the headline is the title;
the author's name near the top is the byline; the rest is chrome. Comment lines are left
unlabelled (the DOM does not say which line is whose header): training ignores them.

Pages where the teacher itself is wrong (a snippet the evaluation set says must be in the main
text is missing, or one that must not be is present) are not used.
"""

from __future__ import annotations

import difflib
import gzip
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from trafilatura import bare_extraction

from tasks.segment.dates import is_date
from tasks.segment.labels import BODY, BYLINE, CHROME, IGNORE, META, TITLE
from tasks.segment.lines import Line, split_lines
from tasks.segment.train.render import render

_WORD = re.compile(r"\w+")
_SITE_SEPARATORS = re.compile(r"\s+[-|–—:·•»/]\s+")


_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)


def words(text: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFKC", text).translate(_INVISIBLE).casefold())


@dataclass
class Teacher:
    """What the markup says the page is."""

    body: str
    title: str | None
    author: str | None
    comments: str
    date: str | None
    url: str | None = None


@dataclass
class LabelledPage:
    """A page, its lines' labels (one per `split_lines` line) and where it comes from."""

    name: str
    group: str  # the unit of held-out splits: a layout family or a site
    kind: str  # synth | real | devset
    format: str  # text | markdown
    text: str
    labels: list[int]
    gold: dict | None = None  # score.py-style gold, where the page has one
    meta: dict = field(default_factory=dict)

    def to_json(self) -> str:
        return json.dumps(self.__dict__, ensure_ascii=False)

    @classmethod
    def from_json(cls, line: str) -> LabelledPage:
        return cls(**json.loads(line))


def teach(html: str | bytes, url: str | None = None) -> Teacher | None:
    doc = bare_extraction(html, include_comments=True, with_metadata=True, url=url)
    if doc is None or not doc.text:
        return None
    return Teacher(doc.text, doc.title, doc.author, doc.comments or "", doc.date, url)


def snippets_ok(teacher: Teacher, entry: dict) -> bool:
    """The teacher keeps every 'with' snippet and no 'without' one (whitespace-insensitive)."""
    body = " ".join(words(teacher.body))
    inside = all(" ".join(words(s)) in body for s in entry.get("with", []))
    outside = not any(" ".join(words(s)) in body for s in entry.get("without", []) if words(s))
    return inside and outside


def _matched_words(lines: list[Line], target: str) -> list[list[bool]]:
    """Per line, per word: is this word part of `target`'s text, aligned in order."""
    page = [words(line.plain) for line in lines]
    flat = [w for ws in page for w in ws]
    want = words(target)
    hit = [False] * len(flat)
    if flat and want:
        matcher = difflib.SequenceMatcher(None, flat, want, autojunk=False)
        for block in matcher.get_matching_blocks():
            if block.size >= 2 or (block.size == 1 and len(want) < 4):
                for k in range(block.a, block.a + block.size):
                    hit[k] = True
    out, k = [], 0
    for ws in page:
        out.append(hit[k : k + len(ws)])
        k += len(ws)
    return out


def _title_variants(title: str | None) -> set[str]:
    if not title:
        return set()
    parts = [p for p in _SITE_SEPARATORS.split(title) if len(words(p)) >= 2]
    out = {" ".join(words(title))}
    out.update(" ".join(words(p)) for p in parts)
    return {v for v in out if v}


def label_rendering(text: str, fmt: str, teacher: Teacher, h1: list[str]) -> list[int]:
    """One label per line of `text` (IGNORE where the teacher cannot say)."""
    lines = split_lines(text, fmt == "markdown")
    body_hits = _matched_words(lines, teacher.body)
    comment_hits = _matched_words(lines, teacher.comments) if teacher.comments.strip() else None
    labels = []
    for i in range(len(lines)):
        hits = body_hits[i]
        if hits and sum(hits) >= 0.6 * len(hits):
            labels.append(BODY)
        elif comment_hits and comment_hits[i] and sum(comment_hits[i]) >= 0.5 * len(comment_hits[i]):
            labels.append(IGNORE)
        elif hits and sum(hits) > 0:
            labels.append(IGNORE)  # partly main text: a line the renderer joined across blocks
        else:
            labels.append(CHROME)
    body_at = [i for i, lab in enumerate(labels) if lab == BODY]
    if not body_at:
        return labels
    first = body_at[0]
    # the headline: the page's h1 or the metadata title, the last such line at or before the body
    wanted = set().union(*(_title_variants(t) for t in [*h1, teacher.title]))
    title_at = None
    for i in range(max(0, first - 25), min(len(lines), first + 3)):
        if " ".join(words(lines[i].plain)) in wanted:
            title_at = i
            if i >= first:
                break
    if title_at is not None:
        labels[title_at] = TITLE
        first = min(first, title_at)
    # the byline: a short line naming the author, near the top of the article
    names = [" ".join(words(a)) for a in re.split(r";|,| and | und ", teacher.author or "") if words(a)]
    for i in range(max(0, first - 10), min(len(lines), first + 12)):
        key = " ".join(words(lines[i].plain))
        if labels[i] in (CHROME, BODY, IGNORE) and len(key.split()) <= 15 and any(n in key for n in names):
            labels[i] = BYLINE
            break
    for i in range(max(0, first - 6), min(len(lines), first + 8)):
        if labels[i] in (CHROME, IGNORE) and is_date(lines[i].plain):
            labels[i] = META
    return labels


def correct(text: str, fmt: str, labels: list[int], entry: dict) -> list[int]:
    """The evaluation set's own snippets over the teacher: a line holding text that must not be in
    the main text is not body; one holding text that must be, is."""
    without = [" ".join(words(s)) for s in entry.get("without", []) if len(words(s)) >= 2]
    within = [" ".join(words(s)) for s in entry.get("with", []) if len(words(s)) >= 2]
    if not without and not within:
        return labels
    out = list(labels)
    for i, line in enumerate(split_lines(text, fmt == "markdown")):
        key = " ".join(words(line.plain))
        if not key:
            continue

        def holds(snippet: str, key: str = key) -> bool:
            return snippet in key or (len(key) >= 20 and key in snippet)

        if out[i] == BODY and any(holds(s) for s in without):
            out[i] = CHROME
        elif out[i] != BODY and any(holds(s) for s in within):
            out[i] = BODY
    return out


def h1_texts(html: str) -> list[str]:
    from lxml import html as lxml_html

    try:
        tree = lxml_html.document_fromstring(
            html.encode("utf-8", "replace"), parser=lxml_html.HTMLParser(encoding="utf-8")
        )
    except Exception:  # noqa: BLE001 - a page lxml cannot parse has no headline to offer
        return []
    return [" ".join(h.text_content().split()) for h in tree.iter("h1")][:3]


def real_pages(corpus: Path, renderers: list[str], split_of, only: str | None = None) -> list[LabelledPage]:
    """trafilatura's evaluation pages rendered by each renderer and labelled by their markup
    (`only`: the pages of that split alone)."""
    entries = json.loads((corpus / "evaldata.json").read_text())
    out = []
    for url, entry in sorted(entries.items()):
        path = corpus / "html" / (entry["file"] + ".gz")
        site = re.sub(r"^www\.", "", url.split("/")[2]) if "//" in url else entry["file"]
        if not path.exists() or (only is not None and split_of(site) != only):
            continue
        html = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
        teacher = teach(html, url)
        if teacher is None:
            continue
        h1 = h1_texts(html)
        for renderer in renderers:
            try:
                text, fmt = render(html, renderer)
            except Exception:  # noqa: BLE001 - a renderer that chokes on a page: that rendering is skipped
                continue
            labels = correct(text, fmt, label_rendering(text, fmt, teacher, h1), entry)
            out.append(
                LabelledPage(
                    name=f"{entry['file']}@{renderer}",
                    group=site,
                    kind="real",
                    format=fmt,
                    text=text,
                    labels=labels,
                    meta={"url": url, "renderer": renderer, "split": split_of(site), "entry": entry},
                )
            )
    return out
