"""What a page says about itself: title candidates, site names, authors and dates from its head
(`og:*`, `twitter:*`, `<title>`, `article:*`, `meta name=author`) and JSON-LD, and the <h1>s.

The title is chosen by agreement: every source is cleaned of the site's name (`og:site_name`,
`application-name`, the JSON-LD publisher or WebSite, the host's name, trafilatura's site name),
split on the separators titles use (` | `, ` - `, ` – `, ` — `, ` · `, ` » `, ` :: `, `Site: `),
and the headline most sources agree on wins — an <h1> that some other source repeats first, then
the head's own headline fields, then a lone article <h1>, then `<title>` without the site.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urlsplit

from lxml import html as lxml_html

from tasks.readers.base import parse_time

_SPACES = re.compile(r"\s+")
_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|·|•|»|«|::|/|~)\s+|\s*\|\s*")
_ALNUM = re.compile(r"[\W_]+", re.UNICODE)
_ARTICLE_TYPES = re.compile(r"article|posting|report|news|blog|review|story|webpage", re.I)
_SITE_TYPES = re.compile(r"website|organization|newsmediaorganization|corporation", re.I)
_LOGO_WORDS = re.compile(r"logo|site-?title|site-?name|brand|masthead|navbar|header-title", re.I)
_GENERIC = {"home", "startseite", "accueil", "inicio", "news", "blog", "homepage"}


@dataclass
class PageMeta:
    html_title: str | None = None
    og_title: str | None = None
    twitter_title: str | None = None
    ld_headline: str | None = None
    h1: list[str] = field(default_factory=list)  # article <h1>s (logos left out), page order
    site_names: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)  # JSON-LD, then meta
    published: datetime | None = None  # JSON-LD datePublished or article:published_time
    host: str | None = None


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):
        value = value[0] if value else None
        if value is None:
            return None
    if isinstance(value, dict):
        return _text(value.get("name") or value.get("@value"))
    out = _SPACES.sub(" ", unicodedata.normalize("NFKC", str(value))).strip()
    return out or None


def _ld_objects(tree) -> list[dict]:
    out: list[dict] = []
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        raw = (script.text or "").strip()
        if not raw:
            continue
        raw = re.sub(r"^\s*(?://)?\s*<!\[CDATA\[|\]\]>\s*$", "", raw)
        try:
            data = json.loads(raw)
        except ValueError:
            try:
                data = json.loads(re.sub(r"[\x00-\x1f]", " ", raw))
            except ValueError:
                continue
        stack = [data]
        while stack and len(out) < 50:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                out.append(item)
                if isinstance(item.get("@graph"), list):
                    stack.extend(reversed(item["@graph"]))
    return out


def _types(obj: dict) -> str:
    t = obj.get("@type")
    return " ".join(t) if isinstance(t, list) else str(t or "")


def _names(value: object) -> list[str]:
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    name = _text(value)
    return [name] if name and len(name) <= 100 else []


def _is_logo(h1) -> bool:
    """An <h1> that names the site: the logo link home, or inside the site header."""
    el = h1
    for _ in range(4):
        if el is None:
            break
        words = " ".join(filter(None, (el.get("class"), el.get("id"))))
        if _LOGO_WORDS.search(words) or el.tag in ("nav",):
            return True
        if el.tag == "header" and el.getparent() is not None and el.getparent().tag == "body":
            return True
        el = el.getparent()
    links = h1.xpath(".//a[@href]")
    return bool(links) and all(
        a.get("rel") == "home" or urlsplit(a.get("href", "")).path in ("", "/") for a in links
    )


def read_meta(tree: lxml_html.HtmlElement, url: str | None = None) -> PageMeta:
    m = PageMeta()

    def meta(*names: str) -> str | None:
        for name in names:
            for el in tree.xpath(f'//meta[@property="{name}" or @name="{name}"]'):
                value = _text(el.get("content"))
                if value:
                    return value
        return None

    titles = tree.xpath("//title")
    m.html_title = _text(titles[0].text_content()) if titles else None
    m.og_title = meta("og:title")
    m.twitter_title = meta("twitter:title")
    for name in (meta("og:site_name"), meta("application-name"), meta("twitter:site")):
        if name:
            m.site_names.append(name.lstrip("@"))
    published = meta("article:published_time", "og:article:published_time", "datePublished", "pubdate")
    for obj in _ld_objects(tree):
        kind = _types(obj)
        if _ARTICLE_TYPES.search(kind) and not _SITE_TYPES.search(kind):
            if m.ld_headline is None and "webpage" not in kind.lower():
                m.ld_headline = _text(obj.get("headline")) or None
            if not m.authors:
                m.authors = _names(obj.get("author") or obj.get("creator"))
            published = published or _text(obj.get("datePublished")) or _text(obj.get("dateCreated"))
            publisher = obj.get("publisher")
            if isinstance(publisher, dict):
                m.site_names += _names(publisher.get("name"))
        elif _SITE_TYPES.search(kind):
            m.site_names += _names(obj.get("name")) + _names(obj.get("alternateName"))
    if not m.authors:
        author = meta(
            "author", "article:author", "dc.creator", "DC.creator", "sailthru.author", "parsely-author"
        )
        if author and not author.startswith("http"):
            m.authors = [author]
    m.published = parse_time(published) if published else None
    for h1 in tree.xpath("//body//h1"):
        text = _text(h1.text_content())
        if not text or len(text) > 300:
            continue
        if _is_logo(h1):
            m.site_names.append(text)
        else:
            m.h1.append(text)
    if not url:  # a saved page may still say where it lives
        url = meta("og:url") or next(
            (link.get("href") for link in tree.xpath('//link[@rel="canonical"]')), None
        )
    m.host = (urlsplit(url).hostname or "").lower() if url and "//" in url else None
    m.site_names += _named_home(tree)
    return m


_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*([^.|·•\n©]{2,60})", re.I
)


def _named_home(tree) -> list[str]:
    """Names the page gives itself outside the head: the link home, the logo, the copyright line."""
    out = []
    for a in tree.xpath('//body//a[@rel="home"]')[:3]:
        out.append(_text(a.text_content()) or _text(next(iter(a.xpath(".//img/@alt")), None)))
    for el in tree.xpath("//body//*[@class or @id]")[:400]:
        words = " ".join(filter(None, (el.get("class"), el.get("id"))))
        if el.tag in ("a", "div", "span", "p", "strong") and _LOGO_WORDS.search(words):
            out.append(_text(el.text_content()) or _text(next(iter(el.xpath(".//img/@alt")), None)))
    for el in tree.xpath("//body//footer | //body//*[contains(@class, 'footer') or contains(@id, 'footer')]")[
        :3
    ]:
        m = _COPYRIGHT.search(el.text_content()[-2000:])
        if m:
            out.append(
                re.sub(
                    r"\s*(all rights reserved|alle rechte vorbehalten|tous droits réservés).*$",
                    "",
                    m.group(1),
                    flags=re.I,
                )
            )
    return [n for n in out if n and 2 <= len(n) <= 60]


def _key(text: str | None) -> str:
    return _ALNUM.sub(" ", (text or "").casefold()).strip()


def _squash(text: str) -> str:
    return _ALNUM.sub("", text.casefold())


def _is_site(segment: str, sites: list[str], host: str | None) -> bool:
    """A title segment that names the site, not the article."""
    seg = _squash(segment)
    if not seg:
        return True
    if seg in _GENERIC:
        return True
    for site in sites:
        s = _squash(site)
        if s and (seg == s or (len(seg) >= 4 and (seg in s or s in seg) and len(segment.split()) <= 6)):
            return True
    if host:
        labels = [
            lab for lab in host.split(".") if lab not in ("www", "m", "com", "org", "net", "de", "co", "uk")
        ]
        for lab in labels:
            lab = _squash(lab)
            if len(lab) >= 4 and (
                seg == lab or (lab in seg and len(segment.split()) <= 4) or (seg in lab and len(seg) >= 5)
            ):
                return True
    return False


def strip_site(title: str | None, sites: list[str], host: str | None) -> str | None:
    """A title without the site's name and the separators around it."""
    if not title:
        return None
    parts = [p for p in _SEPARATORS.split(title) if p and p.strip()]
    if len(parts) == 1:
        # 'Site: Headline'
        m = re.match(r"^([^:]{2,60}):\s+(.{8,})$", title)
        if m and _is_site(m.group(1), sites, host):
            return m.group(2).strip()
        return title.strip()
    kept = [p.strip() for p in parts if not _is_site(p, sites, host)]
    if not kept:
        return title.strip()
    if len(kept) == len(parts):
        return title.strip()
    # what remains: the longest run (a section name may be left beside the headline)
    return max(kept, key=len)


def _segments(title: str | None) -> list[str]:
    if not title:
        return []
    return [p.strip() for p in _SEPARATORS.split(title) if p and p.strip()]


def choose_title(
    m: PageMeta, trafilatura_title: str | None = None, sitename: str | None = None
) -> tuple[str | None, str]:
    """The article's title and the rule that chose it."""
    sites = list(m.site_names)
    if sitename:
        sites.append(sitename)
    heads = {
        "og:title": strip_site(m.og_title, sites, m.host),
        "json-ld": strip_site(m.ld_headline, sites, m.host),
        "twitter:title": strip_site(m.twitter_title, sites, m.host),
        "title": strip_site(m.html_title, sites, m.host),
    }
    head_keys = {name: _key(value) for name, value in heads.items() if value}
    raw_segments = {
        _key(s) for t in (m.og_title, m.ld_headline, m.twitter_title, m.html_title) for s in _segments(t)
    }
    raw_full = {_key(t) for t in (m.og_title, m.ld_headline, m.twitter_title, m.html_title) if t}
    # 1. an <h1> that another source repeats (whole, or as one segment of a title with a site name)
    for h1 in m.h1:
        k = _key(h1)
        if not k:
            continue
        agree = [name for name, hk in head_keys.items() if hk == k]
        if agree or k in raw_segments or k in raw_full:
            return h1, "html:h1=" + (agree[0] if agree else "title")
    # 2. the head's headline fields, agreeing with one another or alone
    for name in ("og:title", "json-ld", "twitter:title"):
        value = heads[name]
        if value:
            return value, "html:" + name
    # 3. a lone article <h1>, when <title> does not name something else entirely
    if len(m.h1) == 1 and len(m.h1[0]) >= 4:
        return m.h1[0], "html:h1"
    if heads["title"]:
        return heads["title"], "html:title"
    if m.h1:
        return m.h1[0], "html:h1"
    if trafilatura_title:
        return strip_site(trafilatura_title, sites, m.host), "html:metadata"
    return None, "none"
