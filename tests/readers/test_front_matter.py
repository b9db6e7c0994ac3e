"""A markdown or text scrape whose front matter gives the page's address loads with url and domain."""

from __future__ import annotations

from tasks.read import read_bytes
from tasks.urls import domain_of

PAGE = """---
title: curl with partial files
url: https://daniel.haxx.se/blog/2024/12/30/curl-with-partial-files/
date: 2024-12-31
---

# curl with partial files

Some text of the article, long enough to be one.
"""


def test_front_matter_url_becomes_the_records_url():
    [record] = read_bytes("post.md", PAGE.encode())
    assert record.url == "https://daniel.haxx.se/blog/2024/12/30/curl-with-partial-files/"
    assert domain_of(record.url) == "daniel.haxx.se"
    assert record.text == PAGE  # the front matter stays in the text, for the segmenter's title and date


def test_other_spellings_and_no_front_matter():
    quoted = PAGE.replace("url: https", "canonical_url: 'https").replace("files/\n", "files/'\n", 1)
    assert read_bytes("post.md", quoted.encode())[0].url.endswith("curl-with-partial-files/")
    assert read_bytes("post.txt", b"Just text\n\nurl: https://a.example/x in the body\n")[0].url is None
    assert read_bytes("post.md", PAGE.replace("url:", "image:").encode())[0].url is None
