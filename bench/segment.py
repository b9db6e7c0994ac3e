"""The segmenter alone, on one core: CPU milliseconds per page, step by step.

    python -m bench.segment [--pages 5000] [--batch 256] [--folder DIR] [--no-text-cache]
    python -m bench.segment --path run [--batch 64]

Pages are the benchmark corpus's (bench/corpus.py, built in memory with the same seed) or the
files of --folder. `--path model` (the default) sends every page through the line model, a batch
at a time: front matter and lines, features, the two passes, decoding, assembly. `--path run` does
what `segment_records` does on a sandboxed child's chunk (batches of 64): every page split into
lines, the rule cascade's cheap check on them, the cascade on the pages it recognises, the model on
the rest; boilerplate is learned per site folder over all the pages, as the pipeline learns it
over its batch. The CPU time of each step is summed. BLAS is held to one thread, as in the
pipeline's worker processes. Prints figures; asserts nothing.
"""

from __future__ import annotations

import os

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import random  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections import defaultdict  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

from bench.corpus import SITES, load_templates, vary  # noqa: E402
from tasks.clean import clean_text  # noqa: E402
from tasks.models import Record  # noqa: E402
from tasks.segment import batch_boilerplate, rules, site_of  # noqa: E402
from tasks.segment.assemble import assemble  # noqa: E402
from tasks.segment.features import TEXT_CACHE_SIZE, PageInput, batch_features, keep_text_columns  # noqa: E402
from tasks.segment.labeller import Page, by_rules, front_matter, segment_pages, split_page  # noqa: E402
from tasks.segment.lines import split_lines, wrap_width  # noqa: E402
from tasks.segment.model import shipped  # noqa: E402

STEPS = ("lines", "check", "cascade", "features", "two passes", "decoding", "assembly")


def corpus_pages(n: int, seed: int = 7, avg_bytes: int = 12_500) -> list[tuple[str, bool]]:
    """The benchmark corpus's first n scrapes, as bench/corpus.py writes them, cleaned."""
    rng = random.Random(seed)
    templates = load_templates()
    out = []
    for i in range(n):
        t = templates[i % len(templates)]
        data = vary(t, i, int(avg_bytes * rng.uniform(0.4, 1.6)), rng)
        out.append((clean_text(data.decode("utf-8")), t.suffix == ".md"))
    return out


def folder_pages(folder: Path) -> list[tuple[str, bool]]:
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix in (".txt", ".md"))
    return [(clean_text(p.read_text(encoding="utf-8", errors="replace")), p.suffix == ".md") for p in files]


def as_pages(pages: list[tuple[str, bool]]) -> list[Page]:
    """Pages as `segment_records` makes them, the corpus's site folders standing for sites."""
    records = [
        Record(f"site-{i % SITES:02d}/{i:07d}", text, "markdown" if md else "text", "bench")
        for i, (text, md) in enumerate(pages)
    ]
    learned = batch_boilerplate(records)
    return [
        Page(rec.text, markdown=md, boilerplate=learned.get(site_of(rec), frozenset()))
        for rec, (_, md) in zip(records, pages, strict=True)
    ]


def _timer(spent: dict[str, float]):
    """A function that runs `fn(*args)` and adds its CPU time to `spent[step]`."""

    def timed(step: str, fn, *args):
        t = time.process_time()
        out = fn(*args)
        spent[step] += time.process_time() - t
        return out

    return timed


def run_path(pages: list[Page], batch: int) -> dict[str, float]:
    """`segment_pages` on each chunk, step by step: the check, the cascade, the model's steps."""
    model = shipped()
    spent: dict[str, float] = dict.fromkeys(STEPS, 0.0)
    timed = _timer(spent)

    for lo in range(0, len(pages), batch):
        chunk = pages[lo : lo + batch]
        split = timed("lines", lambda chunk=chunk: [split_page(p) for p in chunk])
        known = timed("check", lambda split=split: [rules.recognise(ls) for ls, _ in split])
        read = timed(
            "cascade",
            lambda chunk=chunk, split=split, known=known: [
                by_rules(p, ls, k) if k is not None else None
                for p, (ls, _), k in zip(chunk, split, known, strict=True)
            ],
        )
        rest = [p for p, seg in zip(chunk, read, strict=True) if seg is None]
        split = [sp for sp, seg in zip(split, read, strict=True) if seg is None]
        if not rest:
            continue
        feats = timed(
            "features",
            batch_features,
            [
                PageInput(ls, p.markdown, p.boilerplate, p.title_hint or meta.get("title"))
                for p, (ls, meta) in zip(rest, split, strict=True)
            ],
        )
        _, probs = timed("two passes", model.batch_probabilities, feats.X, feats.shapes, feats.offsets)

        def decode(split=split, probs=probs, feats=feats):
            gaps = np.fromiter((ln.gap for ls, _ in split for ln in ls), dtype=np.int64, count=len(probs))
            return model.label_batch(probs, gaps, feats.offsets)

        labels = timed("decoding", decode)

        def build(split=split, labels=labels, feats=feats, probs=probs, rest=rest):
            off = feats.offsets
            return [
                assemble(
                    ls,
                    labels[off[i] : off[i + 1]],
                    wrap=wrap_width(ls),
                    title_hint=p.title_hint or meta.get("title"),
                    scraped_at=p.scraped_at,
                    date_hint=meta.get("date") or meta.get("published") or meta.get("published_at"),
                    probs=probs[off[i] : off[i + 1]],
                )
                for i, (p, (ls, meta)) in enumerate(zip(rest, split, strict=True))
            ]

        timed("assembly", build)
    return spent


def run_whole(pages: list[Page], batch: int) -> float:
    """CPU seconds of `segment_pages` itself on the same chunks: what the steps should add up to.
    Run after them, it finds the rules' answers for these pages' texts remembered: lower."""
    t = time.process_time()
    for lo in range(0, len(pages), batch):
        segment_pages(pages[lo : lo + batch])
    return time.process_time() - t


def run(pages: list[tuple[str, bool]], batch: int) -> dict[str, float]:
    model = shipped()
    spent: dict[str, float] = defaultdict(float)
    timed = _timer(spent)

    for lo in range(0, len(pages), batch):
        chunk = pages[lo : lo + batch]

        def prepare(chunk=chunk):
            return [split_lines(front_matter(text)[0], md) for text, md in chunk]

        lines = timed("lines", prepare)
        feats = timed(
            "features", batch_features, [PageInput(ls, md) for ls, (_, md) in zip(lines, chunk, strict=True)]
        )
        _, probs = timed("two passes", model.batch_probabilities, feats.X, feats.shapes, feats.offsets)

        def decode(lines=lines, probs=probs, feats=feats):
            gaps = np.fromiter((ln.gap for ls in lines for ln in ls), dtype=np.int64, count=len(probs))
            return model.label_batch(probs, gaps, feats.offsets)

        labels = timed("decoding", decode)

        def build(lines=lines, labels=labels, feats=feats, probs=probs):
            off = feats.offsets
            return [
                assemble(
                    ls, labels[off[i] : off[i + 1]], wrap=wrap_width(ls), probs=probs[off[i] : off[i + 1]]
                )
                for i, ls in enumerate(lines)
            ]

        timed("assembly", build)
    return spent


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, default=5000)
    ap.add_argument(
        "--batch", type=int, help="pages per batch (default: 256 on the model path, 64 on the run's)"
    )
    ap.add_argument(
        "--path",
        choices=("model", "run"),
        default="model",
        help="model: every page through the line model; run: what a pipeline child does (check, cascade, model)",
    )
    ap.add_argument("--folder", type=Path, help="segment these .txt/.md files instead of the corpus")
    ap.add_argument(
        "--no-text-cache", action="store_true", help="compute every batch's line texts afresh (no cache)"
    )
    args = ap.parse_args(argv)
    pages = folder_pages(args.folder) if args.folder else corpus_pages(args.pages)
    if not pages:
        print("no pages", file=sys.stderr)
        return 2
    batch = args.batch or (64 if args.path == "run" else 256)
    whole = None
    if args.path == "run":
        inputs = as_pages(pages)
        run_path(inputs[:batch], batch)  # warm-up: tables, model, caches
        keep_text_columns(0 if args.no_text_cache else TEXT_CACHE_SIZE)  # the warm-up's texts not kept
        spent = run_path(inputs, batch)
        keep_text_columns(0 if args.no_text_cache else TEXT_CACHE_SIZE)
        whole = run_whole(inputs, batch)
    else:
        run(pages[: min(len(pages), batch)], batch)  # warm-up: tables, model, caches
        keep_text_columns(0 if args.no_text_cache else TEXT_CACHE_SIZE)  # the warm-up's texts not kept
        spent = run(pages, batch)
    total = sum(spent.values())
    lines = sum(len(split_lines(t, md)) for t, md in pages[:500]) / min(len(pages), 500)
    cache = "no text cache" if args.no_text_cache else "text cache"
    print(
        f"{len(pages)} pages (~{lines:.0f} lines each), {args.path} path, batches of {batch}, one core, {cache}"
    )
    for step, seconds in spent.items():
        print(f"  {step:12} {1000 * seconds / len(pages):7.3f} ms/page")
    print(f"  {'total':12} {1000 * total / len(pages):7.3f} ms/page CPU ({len(pages) / total:,.0f} pages/s)")
    if whole is not None:
        print(
            f"  {'whole':12} {1000 * whole / len(pages):7.3f} ms/page CPU (segment_pages on the same chunks, after)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
