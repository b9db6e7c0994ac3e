"""Comments in markups held out of all tuning: the extractor has never been shown them."""

from __future__ import annotations

from devdata.markups import HELD_OUT_FIRST
from devdata.pages import generate
from tasks.clean import clean_text
from tasks.extract import extract_page
from tasks.models import Record


def _norm(name: str | None) -> str:
    name = (name or "").casefold()
    return "" if name in {"anonymous", "guest", "anonyme", "anónimo", "gast", "anonym", "invité"} else name


def test_held_out_markups_give_their_comments_authors_and_titles():
    pages = generate(list(HELD_OUT_FIRST), 2, seed=21)
    counts = authors = texts = titles = total = 0
    for file, page, gold in pages:
        seg = extract_page(Record(source=file, text=clean_text(page), format="html", content_hash="h"))
        want = gold["comments"]
        counts += len(seg.comments) == len(want)
        titles += seg.title == gold["title"]
        for g, c in zip(want, seg.comments, strict=False):
            total += 1
            authors += _norm(g["author"]) == _norm(c.author)
            texts += c.text.startswith(g["text_first"]) and c.text.endswith(g["text_last"])
        for c in seg.comments:  # no button, count or widget line in a comment
            assert not {"Reply", "Like", "Report", "Powered by Coral", "Terms | Privacy | Feedback"} & set(
                c.text.splitlines()
            ), file
    n = len(pages)
    assert counts >= 0.85 * n and titles >= 0.9 * n
    assert total and authors >= 0.9 * total and texts >= 0.9 * total
