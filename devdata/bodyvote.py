"""Choose the body rule on development pages: trafilatura alone against votes with jusText and
readability, over snippet precision and recall of trafilatura's labelled pages.

    .venv/bin/python -m devdata.bodyvote [--split dev] [--cache /tmp/bodyvote-dev.pickle]

Each page is read once as the pipeline reads it (comment area removed) and the three extractors'
outputs are cached, so rules are compared in seconds. The rule in `tasks.extract.body.RULE` was
picked here on the development split only; report it on `--split held-out` and on newspaper4k's
pages (`devdata.bodyf1`), which no rule was tuned on.
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
from dataclasses import replace
from pathlib import Path

from devdata.realpages import DEFAULT_DATA, ROOT, load, norm


def build(split: str, data: Path, limit: int | None) -> list[tuple[dict, str, object]]:
    from tasks.extract import read_page
    from tasks.extract.body import collect
    from tasks.models import Record

    out = []
    for page in load(data, split, limit):
        r = read_page(
            Record(source="page.html", text=page.html, format="html", content_hash="dev", url=page.url)
        )
        if r is None:
            continue
        text = getattr(r.doc, "text", None) or ""
        lang = (r.tree.get("lang") or "")[:2].lower() or None
        out.append((page.label, text, collect(r.article, text, lang)))
    return out


def build_generated(per_markup: int, seed: int) -> list[tuple[dict, str, object]]:
    """Generated pages with bodies that trip extractors (tuning markups only); the gold is the
    whole body text."""
    from devdata.markups import TUNE
    from devdata.pages import generate
    from tasks.clean import clean_text
    from tasks.extract import read_page
    from tasks.extract.body import collect
    from tasks.models import Record

    out = []
    for file, html, gold in generate(list(TUNE), per_markup, seed, hazards=True):
        r = read_page(Record(source=file, text=clean_text(html), format="html", content_hash="dev"))
        if r is None:
            continue
        text = getattr(r.doc, "text", None) or ""
        out.append((gold, text, collect(r.article, text, gold.get("language"))))
    return out


def score_full(cache, make) -> tuple[float, float, float]:
    """Mean shingle precision, recall and F1 against the whole gold body."""
    from devdata.bodyf1 import f1

    tot = [0.0, 0.0, 0.0]
    for gold, text, votes in cache:
        for i, v in enumerate(f1(gold["body_text"], make(votes, text))):
            tot[i] += v
    return tuple(v / max(len(cache), 1) for v in tot)


def score(cache, make) -> tuple[float, float, float]:
    if cache and "body_text" in cache[0][0]:
        return score_full(cache, make)
    tp = fp = fn = 0
    for label, text, votes in cache:
        body = norm(make(votes, text))
        for s in label.get("with", []):
            if norm(s) in body:
                tp += 1
            else:
                fn += 1
        for s in label.get("without", []) + (label.get("comments") or []):
            fp += norm(s) in body
    p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    return p, r, 2 * p * r / max(p + r, 1e-9)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--split", default="dev")
    p.add_argument("--data", type=Path, default=DEFAULT_DATA)
    p.add_argument("--limit", type=int)
    p.add_argument("--cache", type=Path)
    p.add_argument(
        "--generated", type=int, metavar="PER_MARKUP", help="generated pages instead (full-text F1)"
    )
    a = p.parse_args()
    sys.path.insert(0, str(ROOT))
    from tasks.extract.body import RULE, vote

    label = f"generated-{a.generated}" if a.generated else a.split
    cache_path = a.cache or Path(f"/tmp/bodyvote-{label}.pickle")
    if cache_path.exists():
        cache = pickle.loads(cache_path.read_bytes())
    else:
        t0 = time.perf_counter()
        cache = build_generated(a.generated, 5) if a.generated else build(a.split, a.data, a.limit)
        cache_path.write_bytes(pickle.dumps(cache))
        print(f"read {len(cache)} pages in {time.perf_counter() - t0:.0f} s")

    def single(name):
        return lambda v, t: "\n".join(v.blocks[i] for i in range(len(v.blocks)) if v.has(name, i))

    rows = {
        "trafilatura": lambda v, t: t,
        "trafilatura blocks": single("trafilatura"),
        "justext blocks": single("justext"),
        "readability blocks": single("readability"),
        "majority of 3": lambda v, t: "\n".join(
            v.blocks[i]
            for i in range(len(v.blocks))
            if sum(v.has(n, i) for n in ("trafilatura", "justext", "readability")) >= 2
        ),
        "chosen rule": lambda v, t: vote(v, t, RULE),
    }
    variants = {
        "add prose only": replace(RULE, drop_lone=False),
        "drop chrome only": replace(RULE, add_inside=False),
        "jusText only, add + drop": replace(RULE, others=("justext",)),
        "readability only, add + drop": replace(RULE, others=("readability",)),
        "add within trafilatura's stretch": replace(RULE, add_margin=0),
        "drop at the edges only": replace(RULE, edges_only=True),
    }
    for name, r in variants.items():
        rows[name] = lambda v, t, r=r: vote(v, t, r)
    print(f"{len(cache)} pages ({label})")
    print(f"{'rule':<36} {'P':>6} {'R':>6} {'F1':>6}")
    for name, make in rows.items():
        pr, rc, f1 = score(cache, make)
        print(f"{name:<36} {pr:6.3f} {rc:6.3f} {f1:6.3f}")


if __name__ == "__main__":
    main()
