"""Segment stage: one page's text -> title, byline, body and individual comments.

Each line of the page gets a label from a trained model (tasks.segment.model: two small neural
networks and a Viterbi pass over line features, tasks.segment.features), and the labelled lines
are read off as the article and its comment records (tasks.segment.assemble). The model file is
trained by `python -m tasks.segment.train`. A page whose comment section shows the markers of a
system the rule table knows (tasks.segment.rules: wpDiscuz, WordPress, Disqus, Blogger, …) is
read by those rules instead, which still read such sections better than the model.

`segment()` is pure and deterministic; `segment_records()` applies it to a batch, turning any
failure on one page into a reject instead of a crash. Before segmenting, the batch is read once
for boilerplate: a line shown on many pages of one site (menus, footers, widgets) is flagged on
each of them, a feature the model weighs (line-frequency deduplication, as CCNet does for web
corpora).
"""

from __future__ import annotations

import os
from collections import Counter, defaultdict

from tasks.models import Record, Reject, Segmentation
from tasks.segment.labeller import Page, assemble_page, label_page, segment_pages, segment_text
from tasks.urls import domain_of

__all__ = [
    "segment",
    "segment_pages",
    "segment_records",
    "batch_boilerplate",
    "label_page",
    "assemble_page",
    "site_of",
    "Page",
]

BOILERPLATE_MIN_PAGES = 4  # a line must be on at least this many pages of one site...
BOILERPLATE_MIN_SHARE = 0.5  # ...and on at least this share of them to count as boilerplate
BOILERPLATE_MAX_CHARS = 200
BOILERPLATE_PAGE_CHARS = 2_000_000  # pages longer than this are not read for boilerplate

segment = segment_text


def site_of(rec: Record) -> str:
    """Pages of one site: the URL's host, else the folder the scrape came from."""
    return domain_of(rec.url) or os.path.dirname(rec.source.split("#", 1)[0])


def batch_boilerplate(records: list[Record]) -> dict[str, frozenset[str]]:
    """Per site: the line keys found on at least BOILERPLATE_MIN_PAGES pages and half of its pages."""
    pages: dict[str, list[Record]] = defaultdict(list)
    for rec in records:
        if len(rec.text) <= BOILERPLATE_PAGE_CHARS:  # a huge page is no site's template (and costly)
            pages[site_of(rec)].append(rec)
    out: dict[str, frozenset[str]] = {}
    for site, recs in pages.items():
        if len(recs) < BOILERPLATE_MIN_PAGES:
            continue
        seen: Counter[str] = Counter()
        for rec in recs:
            # The page casefolded at once gives each line's key: casefolding maps characters one
            # by one, whitespace to whitespace and nothing else to it. Repeated lines count once.
            keys = {" ".join(line.split()) for line in set(rec.text.casefold().split("\n"))}
            seen.update(k for k in keys if k and len(k) <= BOILERPLATE_MAX_CHARS)
        need = max(BOILERPLATE_MIN_PAGES, BOILERPLATE_MIN_SHARE * len(recs))
        out[site] = frozenset(k for k, n in seen.items() if n >= need)
    return out


def segment_records(
    records: list[Record], boilerplate: dict[str, frozenset[str]] | None = None
) -> tuple[list[tuple[Record, Segmentation]], list[Reject]]:
    """Segment a batch, its pages together (the model's steps work on a batch's lines at once);
    a page the segmenter fails on becomes a reject and the batch goes on.

    `boilerplate` (site -> repeated line keys) is learned from `records` unless given: a caller
    that segments a batch in parts learns it once from the whole batch.
    """
    if boilerplate is None:
        boilerplate = batch_boilerplate(records)
    pages = [
        Page(
            rec.text,
            markdown=rec.format == "markdown",
            title_hint=rec.title,
            boilerplate=boilerplate.get(site_of(rec), frozenset()),
            scraped_at=rec.scraped_at,
        )
        for rec in records
    ]
    try:
        segs: list[Segmentation | Exception] = list(segment_pages(pages))
    except Exception:  # a page the batch fails on: each page alone, to find it
        segs = []
        for page in pages:
            try:
                segs.append(segment_pages([page])[0])
            except Exception as exc:
                segs.append(exc)
    done: list[tuple[Record, Segmentation]] = []
    rejects: list[Reject] = []
    for rec, seg in zip(records, segs, strict=True):
        if isinstance(seg, Exception):
            detail = f"{type(seg).__name__}: {seg}"
            rejects.append(Reject(rec.source, "segment", "segmenter error", detail, rec.content_hash))
        elif not seg.body.strip():
            rejects.append(
                Reject(rec.source, "segment", "no article text", "no body text found", rec.content_hash)
            )
        else:
            done.append((rec, seg))
    return done, rejects
