"""Score the HTML extractor on generated pages, markups held out of tuning first.

    .venv/bin/python -m devdata.evaluate [--per-markup 10] [--seed 1] [--tune | --held-out | --sets fifteenth fourteenth ...] [--failures 5]

Pages come from `devdata.pages` (in memory); each goes through `extract_page` as the segment
stage runs it, and is scored with `score_doc` of the shared scorer (`--scorer`, by default
`../shared/tools/score.py` next to the project). The table has one row per markup and the
combined score, title, leak, count and author/boundary rates of the scorer. The end-to-end
equivalent (through `scrapeline run` and the warehouse) is:

    .venv/bin/python -m devdata.pages /tmp/gen --held-out --seed 2
    scrapeline run /tmp/gen/pages --warehouse /tmp/gen/wh
    python ../shared/tools/score.py --gold /tmp/gen/gold --warehouse /tmp/gen/wh
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from pathlib import Path

from devdata.markups import (
    HELD_OUT_EIGHTH,
    HELD_OUT_ELEVENTH,
    HELD_OUT_FIFTEENTH,
    HELD_OUT_FIFTH,
    HELD_OUT_FIRST,
    HELD_OUT_FOURTEENTH,
    HELD_OUT_FOURTH,
    HELD_OUT_FRESH,
    HELD_OUT_NINTH,
    HELD_OUT_SECOND,
    HELD_OUT_SEVENTH,
    HELD_OUT_SIXTH,
    HELD_OUT_TENTH,
    HELD_OUT_THIRTEENTH,
    HELD_OUT_TWELFTH,
    MARKUPS,
    TUNE,
)
from devdata.pages import generate

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SCORER = ROOT.parent / "shared" / "tools" / "score.py"


SETS = {
    "fifteenth": ("held-out markups (fifteenth set, never tuned on)", list(HELD_OUT_FIFTEENTH)),
    "fourteenth": ("held-out markups (fourteenth set, scored once, seen)", list(HELD_OUT_FOURTEENTH)),
    "thirteenth": ("held-out markups (thirteenth set, scored once, seen)", list(HELD_OUT_THIRTEENTH)),
    "twelfth": ("held-out markups (twelfth set, scored once, seen)", list(HELD_OUT_TWELFTH)),
    "eleventh": ("held-out markups (eleventh set, scored once, seen)", list(HELD_OUT_ELEVENTH)),
    "tenth": ("held-out markups (tenth set, scored once, seen)", list(HELD_OUT_TENTH)),
    "ninth": ("held-out markups (ninth set, seen)", list(HELD_OUT_NINTH)),
    "eighth": ("held-out markups (eighth set, seen)", list(HELD_OUT_EIGHTH)),
    "seventh": ("held-out markups (seventh set, seen)", list(HELD_OUT_SEVENTH)),
    "sixth": ("held-out markups (sixth set, seen)", list(HELD_OUT_SIXTH)),
    "fifth": ("held-out markups (fifth set, seen)", list(HELD_OUT_FIFTH)),
    "fourth": ("held-out markups (fourth set, seen)", list(HELD_OUT_FOURTH)),
    "fresh": ("held-out markups (third set, seen)", list(HELD_OUT_FRESH)),
    "second": ("held-out markups (second set, seen)", list(HELD_OUT_SECOND)),
    "first": ("held-out markups (first set, seen)", list(HELD_OUT_FIRST)),
    "tune": ("tuning markups", list(TUNE)),
}


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("shared_score", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"no scorer at {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def predict(html: str, file: str) -> dict | None:
    """What the warehouse would hold for one page: extraction as the segment stage runs it."""
    from tasks.clean import clean_text
    from tasks.extract import extract_page
    from tasks.models import Record
    from tasks.segment.train.scoring import as_pred

    seg = extract_page(Record(source=file, text=clean_text(html), format="html", content_hash="dev"))
    if seg is None:
        return None
    return as_pred(seg)


def run(names: list[str], per_markup: int, seed: int, scorer) -> tuple[list[dict], float]:
    results = []
    t0 = time.perf_counter()
    for file, html, gold in generate(names, per_markup, seed):
        pred = predict(html, file)
        r = scorer.score_doc(gold, pred)
        r["_gold"] = gold
        # widget chrome in comment text alone (the scorer's leak also counts the body)
        texts = [c.get("text") or "" for c in (pred or {}).get("comments", [])]
        r["comment_leaks"] = scorer.leak_hits(gold.get("boilerplate"), texts) if texts else []
        results.append(r)
    return results, time.perf_counter() - t0


def report(label: str, results: list[dict], scorer, failures: int) -> dict:
    groups: dict[str, list] = {}
    for r in results:
        groups.setdefault(r["system"], []).append(r)
    extra = any(r["has_parent"] or r["has_date"] for r in results)
    groups_all = dict(groups)
    scorer.print_table(label, groups_all, extra)
    overall = scorer.aggregate(results)
    if failures:
        bad = sorted((r for r in results if r["doc_score"] < 1.0), key=lambda r: (r["doc_score"], r["file"]))
        print(f"failing documents: {len(bad)} of {len(results)}")
        for r in bad[:failures]:
            print(f"- {r['file']} doc score {100 * r['doc_score']:.0f}%")
            for line in scorer.describe_failure(r["_gold"], r):
                print(line)
        print()
    return overall


def summary_line(label: str, o: dict) -> str:
    def pct(v):
        return "n/a" if v is None else f"{100 * v:.1f}%"

    return (
        f"{label}: score {pct(o['score'])} title {pct(o['title'])} body {pct(o['body'])} leak {pct(o['leak'])} "
        f"count_exact {pct(o['count_exact'])} authors {pct(o['authors'])} boundaries {pct(o['boundaries'])} "
        f"threading {pct(o['threading'])} dates {pct(o['dates'])} docs {o['docs']}"
    )


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--per-markup", type=int, default=10)
    p.add_argument("--seed", type=int, default=1)
    which = p.add_mutually_exclusive_group()
    which.add_argument("--held-out", action="store_true")
    which.add_argument("--tune", action="store_true")
    which.add_argument("--sets", nargs="+", choices=list(SETS), help="these sets only")
    p.add_argument("--markups", nargs="*")
    p.add_argument("--failures", type=int, default=0, help="list this many failing pages")
    p.add_argument("--scorer", type=Path, default=DEFAULT_SCORER)
    a = p.parse_args()
    sys.path.insert(0, str(ROOT))
    scorer = load_scorer(a.scorer)
    if a.markups:
        sets = [("markups", list(a.markups))]
    elif a.sets:
        sets = [SETS[k] for k in a.sets]
    elif a.held_out:
        sets = [
            SETS[k]
            for k in (
                "fifteenth",
                "fourteenth",
                "thirteenth",
                "twelfth",
                "eleventh",
                "tenth",
                "ninth",
                "eighth",
                "seventh",
                "sixth",
                "fifth",
                "fourth",
                "fresh",
                "second",
                "first",
            )
        ]
    elif a.tune:
        sets = [SETS["tune"]]
    else:
        sets = list(SETS.values())
    lines = []
    for label, names in sets:
        unknown = [n for n in names if n not in MARKUPS]
        if unknown:
            raise SystemExit(f"unknown markups: {unknown}")
        results, seconds = run(names, a.per_markup, a.seed, scorer)
        overall = report(label, results, scorer, a.failures)
        leaking = [r for r in results if r["comment_leaks"]]
        lines.append(
            summary_line(label, overall)
            + f" comment-chrome-pages {len(leaking)}/{len(results)} ({seconds:.1f} s)"
        )
        for r in leaking[:5]:
            lines.append(f"  chrome in comments of {r['file']}: {r['comment_leaks'][:3]}")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
