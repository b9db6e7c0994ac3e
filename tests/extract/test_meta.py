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


def test_meta_time_with_an_offset_is_stored_in_utc():
    m = _meta('<meta property="article:published_time" content="2024-03-05T23:30:00-05:00">', "")
    assert m.published.isoformat() == "2024-03-06T04:30:00"


def test_json_ld_plain_author_and_date_created_when_nothing_else_says():
    ld = '{"@type": "BlogPosting", "author": "Dana Whitfield", "dateCreated": "2023-11-02"}'
    m = _meta(f'<script type="application/ld+json">{ld}</script>', "")
    assert m.authors == ["Dana Whitfield"]
    assert m.published.date().isoformat() == "2023-11-02"


def test_json_ld_author_wins_over_meta_and_a_profile_url_is_no_author():
    ld = '{"@type": "NewsArticle", "author": {"@type": "Person", "name": "Tom Baker"}}'
    m = _meta(
        f'<meta name="author" content="Site Staff"><script type="application/ld+json">{ld}</script>', ""
    )
    assert m.authors == ["Tom Baker"]
    m = _meta('<meta property="article:author" content="https://facebook.com/dana">', "")
    assert m.authors == []


def test_site_name_from_the_copyright_line_and_the_link_home():
    page = (
        '<header><a rel="home" href="/">The Harbour Times</a></header>'
        "<article><p>Text.</p></article><footer><p>© 2019–2024 Seaside Media Group. All rights reserved.</p></footer>"
    )
    m = _meta(
        "<title>Harbour bridge reopens | The Harbour Times</title>", page, url="https://news.example/a/1"
    )
    assert {"The Harbour Times", "Seaside Media Group"} <= set(m.site_names)
    assert choose_title(m) == ("Harbour bridge reopens", "html:title")
    m = _meta(
        "<title>Seaside Media Group - Harbour bridge reopens</title>", page, url="https://news.example/a/1"
    )
    assert choose_title(m) == ("Harbour bridge reopens", "html:title")


def test_a_logo_h1_linking_home_is_a_site_name_not_a_title():
    m = _meta(
        "<title>Harbour bridge reopens</title>",
        '<h1><a href="/">Coastline Courier</a></h1><h2>Harbour bridge reopens</h2>',
        url="https://news.example/a/1",
    )
    assert m.h1 == [] and "Coastline Courier" in m.site_names
    assert choose_title(m) == ("Harbour bridge reopens", "html:title")


def test_og_title_beats_an_h1_nothing_repeats():
    # two <h1>s (a section banner and a widget heading): neither is repeated by the head
    m = _meta(
        '<meta property="og:title" content="Harbour bridge reopens after repairs">',
        "<h1>Local news</h1><article><p>Text.</p></article><h1>Weather</h1>",
    )
    assert choose_title(m) == ("Harbour bridge reopens after repairs", "html:og:title")


def test_extracted_page_takes_byline_and_time_of_day_from_json_ld():
    from tasks.clean import clean_text
    from tasks.extract import extract_page
    from tasks.models import Record

    para = (
        "<p>The harbour bridge reopened to traffic on Tuesday morning after eight months of repairs to its "
        "steel deck and cables, the city's transport office said in a statement before the first cars crossed.</p>"
    )
    ld = (
        '{"@type": "NewsArticle", "headline": "Harbour bridge reopens", "datePublished": "2024-03-05T09:30:00+01:00",'
        '"author": [{"@type": "Person", "name": "Dana Whitfield"}, {"@type": "Person", "name": "Tom Baker"}]}'
    )
    page = (
        f'<!DOCTYPE html><html><head><title>Harbour bridge reopens | Coastline Courier</title><script type="application/ld+json">{ld}'
        '</script></head><body><article><h1>Harbour bridge reopens</h1><p class="date">Updated 7 March 2024</p>'
        f"{para}{para}</article></body></html>"
    )
    seg = extract_page(Record(source="p.html", text=clean_text(page), format="html", content_hash="h"))
    assert seg.title == "Harbour bridge reopens"
    assert seg.byline == "Dana Whitfield, Tom Baker"
    assert seg.published_at.isoformat() == "2024-03-05T08:30:00"  # trafilatura's date has no time of day
    assert seg.trace["byline"] == "html:json-ld/meta"
