"""The segmenter on the gold set and on pages, dates, button rows and names in other languages."""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import datetime

import pytest

from tasks.clean import clean_text
from tasks.segment import segment
from tasks.segment.dates import is_date, parse_date
from tests.segment import pages

SCRAPED = datetime(2024, 1, 10, 12, 0)


def _seg(page: str, markdown: bool = False):
    return segment(clean_text(page), markdown=markdown, scraped_at=SCRAPED)


_MD_ESC = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>~|])")


def _gnorm(s) -> str:
    s = unicodedata.normalize("NFKC", str(s or ""))
    s = _MD_ESC.sub(r"\1", s).replace("**", "").replace("__", "")
    return " ".join(s.split())


GOLD_SET_FLOOR = 0.96


def test_gold_set(shared_corpus):
    """Title, body anchors, leaks, comment count, authors and boundaries on the hand labels."""
    gold_dir = shared_corpus / "real" / "gold"
    if not gold_dir.is_dir():
        pytest.skip("no gold labels")
    parts = []
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        src = shared_corpus / "real" / gold["file"]
        src = src if src.exists() else shared_corpus / gold["file"]
        seg = segment(clean_text(src.read_text(encoding="utf-8")), markdown=src.suffix == ".md")
        body = _gnorm(seg.body)
        title_ok = gold["title"] is None or _gnorm(gold["title"]).casefold() == _gnorm(seg.title).casefold()
        start_ok = 0 <= body.find(_gnorm(gold["body_first"])) <= 200
        end_at = body.rfind(_gnorm(gold["body_last"]))
        end_ok = end_at >= 0 and len(body) - end_at - len(_gnorm(gold["body_last"])) <= 200
        texts = [body] + [_gnorm(c.text) for c in seg.comments]
        leak = any(_gnorm(b) in t for b in gold["boilerplate"] if len(_gnorm(b)) >= 20 for t in texts)
        gc = gold["comments"]
        count_ok = len(gc) == len(seg.comments)
        placeholders = {"anonymous", "unknown", "guest"}
        authors = bounds = 0
        for g, p in zip(gc, seg.comments, strict=False):
            ga = _gnorm(g["author"]).casefold()
            pa = _gnorm(p.author).casefold()
            authors += ("" if ga in placeholders else ga) == pa
            t = _gnorm(p.text)
            bounds += t.startswith(_gnorm(g["text_first"])) and t.endswith(_gnorm(g["text_last"]))
        if gc:
            author_rate, bound_rate = authors / len(gc), bounds / len(gc)
        else:  # a page without comments is right only when none were found
            author_rate = bound_rate = float(not seg.comments)
        doc = [title_ok, start_ok, end_ok, not leak, count_ok, author_rate, bound_rate]
        parts.append(sum(doc) / len(doc))
    # A regression check on pages the segmenter was written and trained on (the rule cascade
    # alone scored 1.0, the line model alone 0.74): the shipped segmenter's figure, rounded down.
    assert sum(parts) / len(parts) >= GOLD_SET_FLOOR


def test_news_site_in_german_name_date_comments_and_button_rows():
    seg = _seg(pages.NEWS_DE)
    assert seg.title == "Neue Buslinie verbindet die Dörfer am See"  # not the labelled date line
    assert seg.byline == "Von Jana Petersen"
    assert seg.body.endswith("ob die Linie bleibt.")
    assert "Radweg am Kanal" not in seg.body and "Kommentare" not in seg.body
    assert [c.author for c in seg.comments] == ["Tobias K.", None]  # 'Gast' is a placeholder
    assert seg.comments[0].text == "Endlich! Bisher musste ich jeden Morgen mit dem Auto zum Bahnhof."
    assert seg.comments[0].published_text == "vor 2 Stunden"
    assert seg.comments[0].published_at == datetime(2024, 1, 10, 10, 0)
    for c in seg.comments:
        assert "Antworten" not in c.text and "Impressum" not in c.text


def test_blogger_in_spanish_said_headers_and_placeholder():
    seg = _seg(pages.BLOGGER_ES)
    assert seg.comment_system == "blogger"
    assert seg.title == "Lentejas con chorizo, la receta de siempre"
    assert seg.byline == "Publicado por Lucía Romero en 12:40"
    assert [c.author for c in seg.comments] == ["Pedro Alonso", None, "Lucía Romero"]
    assert seg.comments[1].text == "¿Se pueden hacer en olla rápida?"
    assert seg.comments[0].published_at == datetime(2019, 2, 8, 13, 5)
    assert "Etiquetas" not in seg.body and "Enviar por correo" not in seg.body
    assert all("Entrada" not in c.text for c in seg.comments)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("vor 2 Stunden", datetime(2024, 1, 10, 10, 0)),
        ("il y a un an", datetime(2023, 1, 10, 12, 0)),
        ("hace 3 días", datetime(2024, 1, 7, 12, 0)),
        ("há 2 horas", datetime(2024, 1, 10, 10, 0)),
        ("2h ago", datetime(2024, 1, 10, 10, 0)),
        ("15 de marzo de 2018, 9:05", datetime(2018, 3, 15, 9, 5)),
        ("12 agosto, 2021 a las 19:03", datetime(2021, 8, 12, 19, 3)),
        ("4 juillet 2023", datetime(2023, 7, 4)),
        ("am 3. März 2021", datetime(2021, 3, 3)),
        ("gestern", datetime(2024, 1, 9, 12, 0)),
        ("3. 3. 2024 10:38", datetime(2024, 3, 3, 10, 38)),  # Czech and Slovak: spaces after the dots
        ("2016/7/3(日) 08:12", datetime(2016, 7, 3, 8, 12)),  # Japanese: the weekday in brackets
    ],
)
def test_parse_date_in_other_languages(text, expected):
    assert is_date(text)
    assert parse_date(text, SCRAPED) == expected
