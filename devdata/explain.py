"""Why the record miner chose what it chose on one page: its candidate groups, best first.

.venv/bin/python -m devdata.explain PAGE.html [--top 8]
.venv/bin/python -m devdata.explain --markup NAME --index 0 [--seed 1]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from tasks.extract import records
from tasks.extract.dom import parse
from tasks.extract.dom_comments import load_systems


def explain(html: str, top: int) -> None:
    tree = parse(html)
    body = tree.xpath("//body")[0]
    page = records._Page(body)
    cands = records._candidates(page)
    for cand in cands:
        records._analyse(cand, page, load_systems()[1], None)
    cands.sort(key=lambda c: -c.score)
    for cand in cands[:top]:
        print(
            f"{cand.score:6.3f}  {cand.key}  records={len(cand.records)} comments={len(cand.comments)} {cand.factors}"
        )
        for c in cand.comments[:3]:
            text = c.text.replace("\n", " / ")
            print(f"          author={c.author!r} date={c.published_text!r} text={text[:90]!r}")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("page", nargs="?", type=Path)
    p.add_argument("--markup")
    p.add_argument("--index", type=int, default=0)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--top", type=int, default=8)
    a = p.parse_args()
    if a.markup:
        from devdata.pages import generate

        html = generate([a.markup], a.index + 1, a.seed)[a.index][1]
    else:
        html = a.page.read_text(encoding="utf-8", errors="replace")
    explain(html, a.top)


if __name__ == "__main__":
    main()
