"""Body F1 on pages with their full expected text: scrapeline's body beside trafilatura alone.

    pip download --no-binary :all: --no-deps newspaper4k==0.9.6 -d /tmp/np4k
    tar xzf /tmp/np4k/newspaper4k-0.9.6.tar.gz -C /tmp/np4k
    .venv/bin/python -m devdata.bodyf1 /tmp/np4k/newspaper4k-0.9.6/tests/data

Every page of `html/` with a `txt/` of the same name is scored. F1 is over 4-gram shingles of
word tokens (each CJK, Thai, Lao, Khmer or Burmese character a token of its own, since those
scripts do not space their words), precision and recall over the multiset of shingles; the
figure is the mean over pages. Both extractors read the same bytes in the same run: scrapeline
as its pipeline does (read, clean, extract) and trafilatura with its defaults
(`trafilatura.extract`), which appends the comments it finds; `trafilatura, no comments` turns
that off, and `scrapeline, no vote` is scrapeline's body before the jusText + readability vote.
These pages were never used to tune anything.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from pathlib import Path

from devdata.realpages import ROOT

_TOKEN = re.compile(
    r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[^\W_]+",
    re.UNICODE,
)


def shingles(text: str, n: int = 4) -> Counter:
    tokens = _TOKEN.findall((text or "").casefold())
    if len(tokens) < n:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def f1(expected: str, got: str) -> tuple[float, float, float]:
    e, g = shingles(expected), shingles(got)
    if not e and not g:
        return 1.0, 1.0, 1.0
    both = sum((e & g).values())
    p = both / max(sum(g.values()), 1)
    r = both / max(sum(e.values()), 1)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _page(raw: bytes, url: str | None):
    """The page's record as a run reads and cleans it (None for a file that is no page)."""
    from tasks.clean import clean_text
    from tasks.read import read_bytes

    records = read_bytes("page.html", raw)
    if not records:
        return None
    rec = records[0]
    rec.text = clean_text(rec.text)
    rec.url = rec.url or url
    return rec


def scrapeline_body(raw: bytes, url: str | None) -> str:
    from tasks.extract import extract_page

    rec = _page(raw, url)
    seg = extract_page(rec) if rec is not None else None
    return seg.body if seg is not None else ""


def no_vote_body(raw: bytes, url: str | None) -> str:
    """scrapeline's body before the vote: trafilatura on the page without its comment area."""
    from tasks.extract import read_page

    rec = _page(raw, url)
    if rec is None:
        return ""
    r = read_page(rec)
    return (getattr(r.doc, "text", None) or "") if r is not None else ""


def trafilatura_body(raw: bytes, url: str | None) -> str:
    import trafilatura

    return trafilatura.extract(raw, url=url) or ""


def trafilatura_no_comments(raw: bytes, url: str | None) -> str:
    """trafilatura with its comment extraction off: its defaults append the comments it finds."""
    import trafilatura

    return trafilatura.extract(raw, url=url, include_comments=False) or ""


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("data", type=Path, help="a folder with html/ and txt/ (and optionally metadata/)")
    p.add_argument("--pages", action="store_true", help="one line per page")
    a = p.parse_args()
    sys.path.insert(0, str(ROOT))
    import json

    pairs = sorted(
        (h, a.data / "txt" / (h.stem + ".txt"))
        for h in (a.data / "html").glob("*.html")
        if (a.data / "txt" / (h.stem + ".txt")).exists()
    )
    systems = {
        "scrapeline": scrapeline_body,
        "scrapeline, no vote": no_vote_body,
        "trafilatura alone": trafilatura_body,
        "trafilatura, no comments": trafilatura_no_comments,
    }
    totals = {name: [0.0, 0.0, 0.0] for name in systems}
    seconds = dict.fromkeys(systems, 0.0)
    for html, txt in pairs:
        raw = html.read_bytes()
        expected = txt.read_text(encoding="utf-8", errors="replace")
        meta = a.data / "metadata" / (html.stem + ".json")
        url = json.loads(meta.read_text(encoding="utf-8")).get("url") if meta.exists() else None
        line = []
        for name, fn in systems.items():
            t0 = time.perf_counter()
            got = fn(raw, url)
            seconds[name] += time.perf_counter() - t0
            scores = f1(expected, got)
            for i in range(3):
                totals[name][i] += scores[i]
            line.append(f"{scores[2]:.3f}")
        if a.pages:
            print(f"{html.stem:<24} " + "  ".join(line) + "   (" + " / ".join(systems) + ")")
    n = len(pairs)
    print(f"{n} pages with expected text")
    print(f"{'extractor':<25} {'P':>6} {'R':>6} {'F1':>6} {'s/page':>7}")
    for name in systems:
        pr, rc, f = (v / n for v in totals[name])
        print(f"{name:<25} {pr:6.3f} {rc:6.3f} {f:6.3f} {seconds[name] / n:7.3f}")


if __name__ == "__main__":
    main()
