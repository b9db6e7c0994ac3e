"""Segmentation speed and sanity figures, single core (prints numbers; not a test).

    python -m tasks.segment.benchmark examples/seed_southfront.txt
    python -m tasks.segment.benchmark --csv ../shared/corpus/fakenewscorpus_sample.csv

For a CSV (columns `content`, `title`): pages/second, the share of rows with no comments, and
title agreement with the `title` column on rows whose title text appears in `content`.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time

from tasks.clean import clean_text
from tasks.segment import segment
from tasks.segment.rules import load_rules


def _norm(text: str | None) -> str:
    return " ".join((text or "").split()).casefold().strip(" .")


def _rate(pages: list[str], markdown: bool, min_seconds: float = 2.0) -> tuple[float, float, list]:
    """Pages per second of wall time and of this process's CPU time (the machine may be shared)."""
    rules = load_rules()
    out = [segment(p, markdown=markdown, rules=rules) for p in pages]  # warm-up, and the results
    n, start, cpu = 0, time.perf_counter(), time.process_time()
    while time.perf_counter() - start < min_seconds:
        for p in pages:
            segment(p, markdown=markdown, rules=rules)
        n += len(pages)
    return n / (time.perf_counter() - start), n / max(1e-9, time.process_time() - cpu), out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*")
    ap.add_argument("--csv")
    args = ap.parse_args(argv)
    for path in args.files:
        with open(path, encoding="utf-8") as fh:
            text = clean_text(fh.read())
        rate, cpu_rate, _ = _rate([text], path.endswith(".md"))
        print(f"{path}: {rate:.1f} pages/s ({cpu_rate:.1f} per CPU second; {len(text)} chars)")
    if args.csv:
        csv.field_size_limit(sys.maxsize)
        with open(args.csv, encoding="utf-8", newline="") as fh:
            rows = [r for r in csv.DictReader(fh) if (r.get("content") or "").strip()]
        pages = [clean_text(r["content"]) for r in rows]
        rate, cpu_rate, segs = _rate(pages, markdown=False)
        zero = sum(1 for s in segs if not s.comments) / len(segs)
        eligible = [
            (r, s)
            for r, s in zip(rows, segs, strict=True)
            if _norm(r.get("title")) and _norm(r["title"]) in _norm(r["content"])
        ]
        agree = sum(1 for r, s in eligible if _norm(r["title"]) == _norm(s.title)) / max(1, len(eligible))
        hinted = sum(
            1
            for r, _ in eligible
            if _norm(segment(clean_text(r["content"]), title_hint=r["title"]).title) == _norm(r["title"])
        ) / max(1, len(eligible))
        print(f"{args.csv}: {len(rows)} rows, {rate:.1f} pages/s ({cpu_rate:.1f} per CPU second)")
        print(f"  rows with zero comments: {100 * zero:.1f}%")
        print(
            f"  title agreement: {100 * agree:.1f}% of {len(eligible)} rows whose title is in the content (text only)"
        )
        print(f"  title agreement with the row's title as metadata hint: {100 * hinted:.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
