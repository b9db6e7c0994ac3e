"""Comments in held-out markups: a floor under what they score, so a change that breaks reading
markup in general shows here.

Only the held-out sets already scored and seen (`HELD_OUT_FIRST`, `HELD_OUT_SECOND`,
`HELD_OUT_FRESH`, `HELD_OUT_FOURTH`, `HELD_OUT_FIFTH`, `HELD_OUT_SIXTH`) are used: the seventh,
eighth and ninth are seen but not yet read well enough for a floor this high, and the newest set
(`HELD_OUT_TENTH`) is scored by `devdata.evaluate` alone, so no failing test ever shows its pages
to whoever changes the extractor.
"""

from __future__ import annotations

import pytest

from devdata.markups import (
    HELD_OUT_FIFTH,
    HELD_OUT_FIRST,
    HELD_OUT_FOURTH,
    HELD_OUT_FRESH,
    HELD_OUT_SECOND,
    HELD_OUT_SIXTH,
)
from devdata.pages import generate
from tasks.clean import clean_text
from tasks.extract import extract_page
from tasks.models import Record
from tests.conftest import SHARED

SEEN = list(
    HELD_OUT_FIRST + HELD_OUT_SECOND + HELD_OUT_FRESH + HELD_OUT_FOURTH + HELD_OUT_FIFTH + HELD_OUT_SIXTH
)
CHROME = {"Reply", "Like", "Report", "Powered by Coral", "Terms | Privacy | Feedback"}


def _norm(name: str | None) -> str:
    name = (name or "").casefold()
    return "" if name in {"anonymous", "guest", "anonyme", "anónimo", "gast", "anonym", "invité"} else name


def _extract(file: str, page: str):
    return extract_page(Record(source=file, text=clean_text(page), format="html", content_hash="h"))


def test_held_out_markups_give_their_comments_authors_and_titles():
    pages = generate(SEEN, 2, seed=21)
    counts = authors = texts = titles = total = 0
    for file, page, gold in pages:
        seg = _extract(file, page)
        want = gold["comments"]
        counts += len(seg.comments) == len(want)
        titles += seg.title == gold["title"]
        for g, c in zip(want, seg.comments, strict=False):
            total += 1
            authors += _norm(g["author"]) == _norm(c.author)
            texts += c.text.startswith(g["text_first"]) and c.text.endswith(g["text_last"])
        for c in seg.comments:  # no button, count or widget line in a comment
            assert not CHROME & set(c.text.splitlines()), file
    n = len(pages)
    assert counts >= 0.85 * n and titles >= 0.9 * n
    assert total and authors >= 0.9 * total and texts >= 0.9 * total


def test_shared_scorer_on_held_out_markups():
    """The done-when measure, on a small sample: the shared scorer's combined score and title rate,
    and no gold chrome line in any comment's text."""
    path = SHARED / "tools" / "score.py"
    if not path.is_file():
        pytest.skip("../shared/tools/score.py is not present on this machine")
    from devdata.evaluate import load_scorer, predict

    scorer = load_scorer(path)
    results, leaking = [], []
    for file, page, gold in generate(SEEN, 2, seed=33):
        pred = predict(page, file)
        results.append(scorer.score_doc(gold, pred))
        texts = [c["text"] for c in (pred or {}).get("comments", [])]
        if texts and scorer.leak_hits(gold.get("boilerplate"), texts):
            leaking.append(file)
    overall = scorer.aggregate(results)
    assert overall["score"] >= 0.93
    assert overall["title"] >= 0.95
    assert leaking == []
