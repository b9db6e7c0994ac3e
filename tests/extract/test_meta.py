"""Titles by agreement without the site's name; authors and dates from JSON-LD and meta."""

from __future__ import annotations

import pytest

from tasks.extract.dom import parse
from tasks.extract.meta import choose_title, read_meta, strip_site


@pytest.mark.parametrize(
    ("title", "sites", "host", "expected"),
    [
        ("Harbour bridge reopens | Coastline Courier", ["Coastline Courier"], None, "Harbour bridge reopens"),
        (
            "Harbour bridge reopens - Coastline Courier",
            [],
            "www.coastlinecourier.com",
            "Harbour bridge reopens",
        ),
        ("Coastline Courier: Harbour bridge reopens", ["Coastline Courier"], None, "Harbour bridge reopens"),
        (
            "Harbour bridge reopens – Local – Coastline Courier",
            ["Coastline Courier"],
            None,
            "Harbour bridge reopens",
        ),
        ("Harbour bridge reopens · COURIER", [], "courier.example", "Harbour bridge reopens"),
        # no sign of a site name: a dash stays part of the headline
        ("Brexit - what happens next", [], "news.example.org", "Brexit - what happens next"),
        ("Harbour bridge reopens", ["Coastline Courier"], None, "Harbour bridge reopens"),
    ],
)
def test_strip_site(title, sites, host, expected):
    assert strip_site(title, sites, host) == expected


def _meta(head: str, body: str, url: str = "https://www.coastlinecourier.com/news/bridge"):
    return read_meta(parse(f"<html><head>{head}</head><body>{body}</body></html>"), url)


def test_h1_repeated_in_the_title_wins_over_a_logo_h1():
    m = _meta(
        "<title>Harbour bridge reopens | Coastline Courier</title>",
        '<header><h1 class="site-title"><a href="/">Coastline Courier</a></h1></header>'
        "<article><h1>Harbour bridge reopens</h1><p>Text.</p></article>",
    )
    assert "Coastline Courier" in m.site_names
    assert choose_title(m) == ("Harbour bridge reopens", "html:h1=title")


def test_og_title_without_site_when_there_is_no_h1():
    m = _meta(
        '<title>Coastline Courier - Harbour bridge reopens</title><meta property="og:title" '
        'content="Harbour bridge reopens | Coastline Courier"><meta property="og:site_name" content="Coastline Courier">',
        "<p>Text.</p>",
    )
    assert choose_title(m) == ("Harbour bridge reopens", "html:og:title")


def test_title_tag_alone_loses_the_site_named_by_the_host():
    m = _meta("<title>Harbour bridge reopens — Coastline Courier</title>", "<p>Text.</p>")
    assert choose_title(m) == ("Harbour bridge reopens", "html:title")


def test_json_ld_headline_authors_publisher_and_time():
    ld = (
        '{"@context": "https://schema.org", "@graph": [{"@type": "WebSite", "name": "Coastline Courier"},'
        '{"@type": "NewsArticle", "headline": "Harbour bridge reopens", "datePublished": "2024-03-05T09:30:00+01:00",'
        '"author": [{"@type": "Person", "name": "Dana Whitfield"}, {"@type": "Person", "name": "Tom Baker"}],'
        '"publisher": {"@type": "Organization", "name": "Courier Media"}}]}'
    )
    m = _meta(
        f'<title>Bridge | Coastline Courier</title><script type="application/ld+json">{ld}</script>', ""
    )
    assert m.authors == ["Dana Whitfield", "Tom Baker"]
    assert m.published.isoformat() == "2024-03-05T08:30:00"  # in UTC
    assert {"Coastline Courier", "Courier Media"} <= set(m.site_names)
    assert choose_title(m) == ("Harbour bridge reopens", "html:json-ld")


def test_broken_json_ld_is_ignored_and_meta_author_used():
    m = _meta(
        '<meta name="author" content="Dana Whitfield"><script type="application/ld+json">{"@type": </script>',
        "<h1>Harbour bridge reopens</h1>",
    )
    assert m.authors == ["Dana Whitfield"]
    assert choose_title(m) == ("Harbour bridge reopens", "html:h1")
