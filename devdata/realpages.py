"""Body, title and comments on real pages with partial labels (trafilatura's evaluation set).

    .venv/bin/python -m devdata.realpages [--split dev|held-out|all] [--limit N] [--variants ...]

The set (`--data`, by default ../shared/corpus/trafilatura_eval next to the project) holds saved
pages and, per URL, text snippets that must appear in the body (`with`), must not (`without`),
reader-comment snippets, and for many pages the title. Pages are split by site: a page is
held out when the first hex digit of sha256(host) is 0-3 (about a quarter of the sites), the
rest is for development. Tune on `dev`; report `held-out`.

Per variant it prints body precision, recall and F1 over snippets (as trafilatura's own
benchmark counts them), exact titles, comment-snippet recall on pages with comment labels, and
the share of pages labelled without comments where comments were found anyway.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import sys
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "corpus" / "trafilatura_eval"
_WS = re.compile(r"\s+")


def norm(text: str | None) -> str:
    return _WS.sub(" ", unicodedata.normalize("NFKC", text or "")).strip()


def host_of(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


def split_of(url: str) -> str:
    return "held-out" if hashlib.sha256(host_of(url).encode()).hexdigest()[0] in "0123" else "dev"


@dataclass
class Page:
    url: str
    html: str
    label: dict


def load(data: Path, split: str, limit: int | None = None) -> list[Page]:
    labels = json.loads((data / "evaldata.json").read_text(encoding="utf-8"))
    out = []
    for url, label in labels.items():
        if split != "all" and split_of(url) != split:
            continue
        path = data / "html" / (label["file"] + ".gz")
        if not path.exists():
            continue
        raw = gzip.decompress(path.read_bytes())
        out.append(Page(url, _decode(raw), label))
        if limit and len(out) >= limit:
            break
    return out


def _decode(raw: bytes) -> str:
    """The page's text as the pipeline's read and clean stages make it."""
    from tasks.clean import clean_text
    from tasks.read import read_bytes

    records = read_bytes("page.html", raw)
    return clean_text(records[0].text) if records else ""


@dataclass
class Tally:
    tp: int = 0
    fn: int = 0
    fp: int = 0
    tn: int = 0
    titles: int = 0
    titles_ok: int = 0
    authors: int = 0
    authors_ok: int = 0
    comment_snips: int = 0
    comment_found: int = 0
    comment_in_body: int = 0
    no_comment_pages: int = 0
    false_comment_pages: int = 0
    seconds: float = 0.0
    pages: int = 0
    misses: list[str] = field(default_factory=list)

    def row(self) -> dict:
        p = self.tp / max(self.tp + self.fp, 1)
        r = self.tp / max(self.tp + self.fn, 1)
        return {
            "precision": p,
            "recall": r,
            "f1": 2 * p * r / max(p + r, 1e-9),
            "accuracy": (self.tp + self.tn) / max(self.tp + self.tn + self.fp + self.fn, 1),
            "title_exact": self.titles_ok / max(self.titles, 1),
            "titles": self.titles,
            "author_exact": self.authors_ok / max(self.authors, 1),
            "comment_recall": self.comment_found / max(self.comment_snips, 1),
            "comment_snippets": self.comment_snips,
            "comments_in_body": self.comment_in_body / max(self.comment_snips, 1),
            "false_comment_pages": self.false_comment_pages / max(self.no_comment_pages, 1),
            "no_comment_pages": self.no_comment_pages,
            "pages_s": self.pages / max(self.seconds, 1e-9),
        }


@dataclass
class Output:
    body: str
    title: str | None = None
    comments: list[str] | None = None  # None: the variant does not look for comments
    author: str | None = None


def ours(page: Page) -> Output:
    from tasks.extract import extract_page
    from tasks.models import Record

    seg = extract_page(
        Record(source="page.html", text=page.html, format="html", content_hash="dev", url=page.url)
    )
    if seg is None:
        return Output("", None, [])
    return Output(seg.body, seg.title, [c.text for c in seg.comments], seg.byline)


def trafilatura_alone(page: Page) -> Output:
    import trafilatura

    doc = trafilatura.bare_extraction(page.html, url=page.url, with_metadata=True)
    if doc is None:
        return Output("")
    return Output(doc.text or "", doc.title, None, doc.author)


def trafilatura_no_comments(page: Page) -> Output:
    """trafilatura with its comment extraction off (its defaults append the comments it finds)."""
    import trafilatura

    doc = trafilatura.bare_extraction(page.html, url=page.url, with_metadata=True, include_comments=False)
    if doc is None:
        return Output("")
    return Output(doc.text or "", doc.title, None, doc.author)


VARIANTS: dict[str, Callable[[Page], Output]] = {
    "scrapeline": ours,
    "trafilatura": trafilatura_alone,
    "trafilatura-nocomments": trafilatura_no_comments,
}


def tally(pages: list[Page], fn: Callable[[Page], Output], show_misses: bool = False) -> Tally:
    t = Tally()
    for page in pages:
        t0 = time.perf_counter()
        out = fn(page)
        t.seconds += time.perf_counter() - t0
        t.pages += 1
        body = norm(out.body)
        for snip in page.label.get("with", []):
            if norm(snip) in body:
                t.tp += 1
            else:
                t.fn += 1
                if show_misses:
                    t.misses.append(f"{page.url} missing {snip[:60]!r}")
        for snip in page.label.get("without", []):
            if norm(snip) in body:
                t.fp += 1
                if show_misses:
                    t.misses.append(f"{page.url} extra {snip[:60]!r}")
            else:
                t.tn += 1
        gold_title = page.label.get("title")
        if gold_title and out.title is not None:
            t.titles += 1
            t.titles_ok += norm(gold_title).casefold() == norm(out.title).casefold()
        gold_author = page.label.get("author")
        if isinstance(gold_author, list):
            gold_author = "; ".join(gold_author)
        if gold_author:
            t.authors += 1
            t.authors_ok += norm(gold_author).casefold() == norm(out.author).casefold()
        if out.comments is None:
            continue
        snips = page.label.get("comments")
        if snips:
            texts = norm(" \n ".join(out.comments))
            for snip in snips:
                t.comment_snips += 1
                t.comment_found += norm(snip) in texts
                t.comment_in_body += norm(snip) in body
        elif snips is not None:
            t.no_comment_pages += 1
            t.false_comment_pages += bool(out.comments)
    return t


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data", type=Path, default=DEFAULT_DATA)
    p.add_argument("--split", choices=["dev", "held-out", "all"], default="dev")
    p.add_argument("--limit", type=int)
    p.add_argument("--variants", nargs="*", default=list(VARIANTS))
    p.add_argument("--misses", type=int, default=0, help="show this many missed/extra snippets per variant")
    a = p.parse_args()
    sys.path.insert(0, str(ROOT))
    pages = load(a.data, a.split, a.limit)
    print(f"{len(pages)} pages ({a.split})")
    header = f"{'variant':<22} {'P':>6} {'R':>6} {'F1':>6} {'acc':>6} {'title':>6} {'author':>6} {'c.rec':>6} {'c.body':>6} {'falseC':>6} {'pages/s':>8}"
    print(header)
    for name in a.variants:
        t = tally(pages, VARIANTS[name], a.misses > 0)
        r = t.row()
        print(
            f"{name:<22} {r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f} {r['accuracy']:6.3f} "
            f"{r['title_exact']:6.3f} {r['author_exact']:6.3f} {r['comment_recall']:6.3f} {r['comments_in_body']:6.3f} "
            f"{r['false_comment_pages']:6.3f} {r['pages_s']:8.1f}",
            flush=True,
        )
        for line in t.misses[: a.misses]:
            print("   ", line)


if __name__ == "__main__":
    main()
