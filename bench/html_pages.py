"""HTML pages per second: `scrapeline run` end to end beside trafilatura alone, on the same pages.

    .venv/bin/python bench/html_pages.py --pages 200                 # generated pages, every markup
    .venv/bin/python bench/html_pages.py --from DIR                  # a folder of saved pages (.html, .html.gz)

The corpus is generated news pages (`devdata.pages`: every comment markup, bodies with extraction
hazards) or the pages of --from. On the same files it measures, each in a fresh process:

- trafilatura alone: read each file and `trafilatura.extract` it (its defaults), one core;
- scrapeline's extraction alone, in process: read, clean and `extract_page` each file, one core;
- `scrapeline run` end to end (read, extract, segment, validate, load, commit; every core),
  after a first run that creates Prefect's database and is not counted.

Wall seconds include interpreter start-up and imports; `work s` leaves them out (the time from
the first page to the last). Prints a table and writes bench/out/html-<time>.json.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(ROOT))
from run import SCRAPELINE, load, run_scrapeline  # noqa: E402

_TRAFILATURA = """
import json, sys, time
t0 = time.perf_counter()
import trafilatura
paths = sys.argv[1:]
t1 = time.perf_counter()
chars = 0
for p in paths:
    data = open(p, "rb").read()
    if p.endswith(".gz"):
        import gzip
        data = gzip.decompress(data)
    chars += len(trafilatura.extract(data) or "")
t2 = time.perf_counter()
print(json.dumps({"import_s": t1 - t0, "work_s": t2 - t1, "chars": chars}))
"""

_EXTRACT = """
import json, sys, time
t0 = time.perf_counter()
from tasks.clean import clean_text
from tasks.extract import extract_page
from tasks.read import read_bytes
paths = sys.argv[1:]
t1 = time.perf_counter()
chars = comments = 0
for p in paths:
    data = open(p, "rb").read()
    if p.endswith(".gz"):
        import gzip
        data = gzip.decompress(data)
    for rec in read_bytes(p, data):
        rec.text = clean_text(rec.text)
        seg = extract_page(rec)
        if seg is not None:
            chars += len(seg.body)
            comments += len(seg.comments)
t2 = time.perf_counter()
print(json.dumps({"import_s": t1 - t0, "work_s": t2 - t1, "chars": chars, "comments": comments}))
"""


def build_generated(dest: Path, n: int, seed: int = 11) -> list[str]:
    from devdata.markups import MARKUPS
    from devdata.pages import generate

    names = list(MARKUPS)
    per = -(-n // len(names))
    dest.mkdir(parents=True, exist_ok=True)
    paths = []
    for k, (file, html, _gold) in enumerate(generate(names, per, seed, hazards=True)[:n]):
        folder = dest / f"site-{k % 20:02d}"
        folder.mkdir(exist_ok=True)
        path = folder / file
        path.write_text(html, encoding="utf-8")
        paths.append(str(path))
    return paths


def copy_pages(src: Path, dest: Path, n: int | None) -> list[str]:
    """Saved pages of a folder, decompressed (scrapeline reads .gz too; trafilatura's loop here
    decompresses them itself), at most n."""
    files = sorted(
        p for p in src.rglob("*") if p.is_file() and p.name.endswith((".html", ".htm", ".html.gz"))
    )
    dest.mkdir(parents=True, exist_ok=True)
    paths = []
    for p in files[:n]:
        out = dest / p.name.removesuffix(".gz")
        data = p.read_bytes()
        out.write_bytes(gzip.decompress(data) if p.name.endswith(".gz") else data)
        paths.append(str(out))
    return paths


def timed(code: str, paths: list[str]) -> dict:
    t0 = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", code, *paths], cwd=ROOT, capture_output=True, text=True, check=True
    )
    wall = time.perf_counter() - t0
    data = json.loads(out.stdout.strip().splitlines()[-1])
    data["wall_s"] = wall
    return data


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument(
        "--pages", type=int, default=200, help="how many pages (generated, or the first N of --from)"
    )
    p.add_argument("--from", dest="src", type=Path, help="a folder of saved pages instead of generated ones")
    p.add_argument("--workdir", type=Path, default=Path("/tmp/scrapeline-bench-html"))
    p.add_argument("--keep", action="store_true")
    a = p.parse_args()
    if not SCRAPELINE.exists():
        raise SystemExit(f"no scrapeline at {SCRAPELINE}: run with the project's .venv/bin/python")
    shutil.rmtree(a.workdir, ignore_errors=True)
    a.workdir.mkdir(parents=True)
    corpus = a.workdir / "pages"
    paths = copy_pages(a.src, corpus, a.pages) if a.src else build_generated(corpus, a.pages)
    n = len(paths)
    env = dict(os.environ)
    env.setdefault("PREFECT_HOME", str(a.workdir / "prefect-home"))
    env.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    env.setdefault("GX_ANALYTICS_ENABLED", "false")
    res: dict = {"pages": n, "corpus": str(a.src) if a.src else "generated"}
    try:
        print(f"{n} pages in {corpus}", flush=True)
        res["trafilatura"] = {"load": load(), **timed(_TRAFILATURA, paths)}
        print(f"trafilatura alone: {res['trafilatura']['wall_s']:.1f} s", flush=True)
        res["extract"] = {"load": load(), **timed(_EXTRACT, paths)}
        print(f"scrapeline extraction in process: {res['extract']['wall_s']:.1f} s", flush=True)
        first = run_scrapeline(["run", str(ROOT / "examples"), "--warehouse", str(a.workdir / "first")], env)
        print(f"first run (creates Prefect's database; not counted): {first['wall_s']} s", flush=True)
        la = load()
        run = run_scrapeline(["run", str(corpus), "--warehouse", str(a.workdir / "wh"), "--json"], env)
        s = run["summary"] or {}
        res["scrapeline"] = {
            "load": la,
            "wall_s": run["wall_s"],
            "flow_s": s.get("seconds"),
            "articles": s.get("articles"),
            "comments": s.get("comments"),
            "rejects": s.get("rejects"),
            "stage_s": s.get("stage_seconds"),
            "peak_rss_mb": run["peak_rss_mb"],
        }
        print(f"scrapeline run: {run['wall_s']:.1f} s", flush=True)
    finally:
        if not a.keep:
            shutil.rmtree(a.workdir, ignore_errors=True)
    t, e, r = res["trafilatura"], res["extract"], res["scrapeline"]
    rows = [
        ("trafilatura alone (1 core)", t["wall_s"], t["work_s"]),
        ("scrapeline extraction (1 core)", e["wall_s"], e["work_s"]),
        (f"scrapeline run ({os.cpu_count()} cores)", r["wall_s"], r["flow_s"] or r["wall_s"]),
    ]
    print()
    print(f"{'':<34} {'wall s':>8} {'pages/s':>8} {'work s':>8} {'pages/s':>8}")
    for label, wall, work in rows:
        print(f"{label:<34} {wall:8.1f} {n / wall:8.1f} {work:8.1f} {n / work:8.1f}")
    print("(work s: without interpreter start-up and imports; for the run, the flow's own seconds)")
    print(f"load average at the run: {r['load']}")
    out = BENCH / "out"
    out.mkdir(exist_ok=True)
    path = out / f"html-{time.strftime('%Y%m%dT%H%M%S')}.json"
    path.write_text(json.dumps(res, indent=2, default=str))
    print(f"full figures: {path}")


if __name__ == "__main__":
    main()
