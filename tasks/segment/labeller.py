"""Pages through the learned segmenter, a batch at a time: lines, features, two passes, decoding,
assembly. Every step works on the whole batch's lines at once; a page is a batch of one."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

import numpy as np

from tasks.models import Segmentation
from tasks.segment import rules
from tasks.segment.assemble import assemble
from tasks.segment.features import PageInput, batch_features
from tasks.segment.labels import LABELS
from tasks.segment.lines import Line, split_lines, wrap_width
from tasks.segment.model import LineModel, shipped
from tasks.segment.repeats import add_records
from tasks.segment.tidy import tidy

_FRONT_MATTER = re.compile(r"\A---\n(.{0,4000}?)\n---\n", re.S)
_FM_FIELD = re.compile(r"^(title|date|published|published_at|author|url)\s*:\s*[\"']?(.*?)[\"']?\s*$", re.M)


def front_matter(text: str) -> tuple[str, dict[str, str]]:
    """YAML front matter off the page (kept as blank lines, so line numbers stay the file's), and
    its title, date, author and url fields."""
    if not text.startswith("---"):
        return text, {}
    m = _FRONT_MATTER.match(text)
    if not m:
        return text, {}
    fields = {k.lower(): v for k, v in _FM_FIELD.findall(m.group(1)) if v}
    return "\n" * m.group(0).count("\n") + text[m.end() :], fields


@dataclass
class Page:
    """One page to segment, and what its input says about it."""

    text: str
    markdown: bool = False
    title_hint: str | None = None
    boilerplate: frozenset[str] = frozenset()
    scraped_at: datetime | None = None


@dataclass
class Labelled:
    """A page's lines with the model's verdict on each: for `explain` and for assembly."""

    lines: list[Line]
    features: np.ndarray
    first: np.ndarray  # first-pass probabilities
    probs: np.ndarray  # second-pass probabilities
    labels: np.ndarray
    meta: dict[str, str] = field(default_factory=dict)
    reasons: list[list[tuple[str, float]]] | None = None  # per line, the features that decided it

    def explained(self):
        """(line, label name, its probability, the features that decided it) per line."""
        for i, line in enumerate(self.lines):
            label = int(self.labels[i])
            why = self.reasons[i] if self.reasons is not None else []
            yield line, LABELS[label], float(self.probs[i, label]), why


def split_page(page: Page) -> tuple[list[Line], dict[str, str]]:
    """The page's lines (its front matter off) and the front matter's fields."""
    text, meta = front_matter(page.text)
    return split_lines(text, page.markdown), meta


def label_pages(
    pages: Sequence[Page],
    model: LineModel | None = None,
    reasons: bool = False,
    split: Sequence[tuple[list[Line], dict[str, str]]] | None = None,
) -> list[Labelled]:
    """The model's labels for each page's lines; `split`: the pages' `split_page`, when done."""
    model = model or shipped()
    if split is None:
        split = [split_page(page) for page in pages]
    feats = batch_features(
        [
            PageInput(lines, page.markdown, page.boilerplate, page.title_hint or meta.get("title"))
            for page, (lines, meta) in zip(pages, split, strict=True)
        ]
    )
    p1, p2 = model.batch_probabilities(feats.X, feats.shapes, feats.offsets)
    gaps = np.fromiter((ln.gap for lines, _ in split for ln in lines), dtype=np.int64, count=len(p2))
    labels = model.label_batch(p2, gaps, feats.offsets)
    out = []
    for i, (lines, meta) in enumerate(split):
        lo, hi = feats.offsets[i], feats.offsets[i + 1]
        done = Labelled(lines, feats.X[lo:hi], p1[lo:hi], p2[lo:hi], labels[lo:hi], meta)
        if reasons and lines:
            done.reasons = model.reasons(done.features, feats.shapes[lo:hi], done.labels)
        out.append(done)
    return out


def assemble_page(
    done: Labelled, title_hint: str | None = None, scraped_at: datetime | None = None
) -> Segmentation:
    """The article and its comments, read off a labelled page."""
    meta = done.meta
    return assemble(
        done.lines,
        done.labels,
        wrap=wrap_width(done.lines),
        title_hint=title_hint or meta.get("title"),
        scraped_at=scraped_at,
        date_hint=meta.get("date") or meta.get("published") or meta.get("published_at"),
        probs=done.probs,
    )


def segment_pages(
    pages: Sequence[Page], model: LineModel | None = None, fast_path: bool = True
) -> list[Segmentation]:
    """Split cleaned pages into article fields and comments: a page whose comment section the
    rule cascade recognises by a known system's markers (`rules.recognises`, cheap) is read by
    it (`by_rules`), every other page by the line model, the batch's pages together.
    `fast_path=False`: the model alone. Each page is split into lines once, for both."""
    split = [split_page(page) for page in pages]
    out: list[Segmentation | None] = []
    for page, (lines, _) in zip(pages, split, strict=True):
        found = rules.recognise(lines) if fast_path else None
        out.append(by_rules(page, lines, found) if found is not None else None)
    rest = [i for i, seg in enumerate(out) if seg is None]
    labelled = label_pages([pages[i] for i in rest], model, split=[split[i] for i in rest])
    for i, done in zip(rest, labelled, strict=True):
        out[i] = assemble_page(done, pages[i].title_hint, pages[i].scraped_at)
    for seg, page, parts in zip(out, pages, split, strict=True):
        finish(seg, page, parts)  # type: ignore[arg-type]
    return out  # type: ignore[return-value]


def finish(
    seg: Segmentation, page: Page, split: tuple[list[Line], dict[str, str]] | None = None
) -> Segmentation:
    """The passes every reading of a page ends with, the rules' or the model's: comment records
    found by their repetition where the reading found no comments or no names to speak of
    (`few_names`), then the fields tidied (`tidy`)."""
    lines, meta = split if split is not None else split_page(page)
    if few_names(seg.comments):
        add_records(seg, lines, page.scraped_at, front_matter(page.text)[0])
    return tidy(seg, lines, meta, page.markdown)


def few_names(comments: list) -> bool:
    """No comments, fewer than half of them named, or one 'name' on most of three or more (a
    label such as 'Joined' read as the name): a reading that records found by repetition may
    replace, when they name more people."""
    named = [c.author for c in comments if c.author]
    if len(named) * 2 < len(comments) or not comments:
        return True
    return len(comments) >= 3 and Counter(named).most_common(1)[0][1] * 5 >= len(comments) * 3


def by_rules(
    page: Page, lines: list[Line] | None = None, found: rules.Found | None = None
) -> Segmentation | None:
    """The rule cascade's reading of a page, when it found comments in the section of a system
    it has rules for (its generic section heading alone does not count); else None. `lines` and
    `found`: the page's lines and what `rules.recognise` found on them, when known."""
    seg = rules.segment(
        page.text,
        markdown=page.markdown,
        title_hint=page.title_hint,
        boilerplate=page.boilerplate,
        scraped_at=page.scraped_at,
        lines=lines,
        found=found,
    )
    if not seg.comments or seg.comment_system in (None, rules.GENERIC):
        return None
    seg.trace["segmenter"] = f"rules: a known comment system ({seg.comment_system})"
    return seg


def label_page(
    text: str,
    *,
    markdown: bool = False,
    title_hint: str | None = None,
    boilerplate: frozenset[str] = frozenset(),
    model: LineModel | None = None,
    reasons: bool = False,
) -> Labelled:
    return label_pages([Page(text, markdown, title_hint, boilerplate)], model, reasons)[0]


def segment_text(
    text: str,
    *,
    markdown: bool = False,
    title_hint: str | None = None,
    boilerplate: frozenset[str] = frozenset(),
    scraped_at: datetime | None = None,
    model: LineModel | None = None,
) -> Segmentation:
    """Split one cleaned page into article fields and comments."""
    return segment_pages([Page(text, markdown, title_hint, boilerplate, scraped_at)], model)[0]
