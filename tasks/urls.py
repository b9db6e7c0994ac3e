"""URL helpers shared by the stages (the segmenter groups pages by site, rows carry the domain)."""

from __future__ import annotations

from urllib.parse import urlsplit


def domain_of(url: str | None) -> str | None:
    """The URL's host without a leading `www.`; None when there is no URL or no host in it."""
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None
