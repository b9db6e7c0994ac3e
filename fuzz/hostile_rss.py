"""Peak memory of the pipeline on each hostile input alone: `python -m fuzz.hostile_rss`.

Each input goes through every stage of one batch (read, clean, segment, validate, Parquet) in a
fresh process; the figure is that process's peak resident set size (its segmenter child
included), next to a good page's as the baseline, with the outcome and the wall time.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from fuzz.hostile import MAX_MB, write_hostile

_CHILD = """
import json, os, sys
from pathlib import Path
from tasks.discover import discover
from tasks.pipeline import BatchOptions, process_batch
src, wh, max_bytes = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
found = discover([src])
result = process_batch(
    found.files, {}, wh, "bench", "part-0", extra_rejects=found.rejects, options=BatchOptions(max_bytes=max_bytes)
)
print(json.dumps({"articles": result.counts["articles"],
                  "rejects": sorted(f"{s}: {r}" for (s, r) in result.reject_reasons)}))
"""


def measure(path: Path, max_bytes: int) -> tuple[int, float, dict]:
    """(peak RSS bytes, seconds, outcome) of one batch over `path` in a fresh process."""
    with tempfile.TemporaryDirectory(prefix="rss-wh-") as wh:
        t0 = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-c", _CHILD, str(path), wh, str(max_bytes)],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        out = proc.stdout.read()
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - t0
    outcome = json.loads(out) if proc.returncode == 0 else {"crashed": proc.returncode}
    return usage.ru_maxrss * 1024, seconds, outcome


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-mb", type=int, default=MAX_MB, help=f"input size limit (default {MAX_MB})")
    args = parser.parse_args(argv)
    max_bytes = args.max_mb * 1024 * 1024
    root = Path(tempfile.mkdtemp(prefix="hostile-"))
    cases = write_hostile(root / "all")
    good = root / "good" / "good.txt"
    good.parent.mkdir()
    good.write_bytes(
        (Path(__file__).resolve().parent.parent / "examples" / "seed_southfront.txt").read_bytes()
    )
    rows = [("baseline: a good page", good)]
    folders: dict[str, Path] = {}  # one folder per kind of input (the two links of a loop together)
    for case in cases:
        if case.what not in folders:
            folders[case.what] = root / f"one-{len(rows)}"
            folders[case.what].mkdir()
            rows.append((case.what, folders[case.what]))
        name = os.fsencode(case.name)
        target = os.path.join(os.fsencode(folders[case.what]), name)
        os.rename(os.path.join(os.fsencode(root / "all"), name), target)
    print(f"{'input':<52}{'peak RSS MB':>12}{'seconds':>9}  outcome")
    try:
        for what, path in rows:
            rss, seconds, outcome = measure(path, max_bytes)
            shown = outcome.get("rejects") or f"{outcome.get('articles', 0)} article(s)"
            if "crashed" in outcome:
                shown = f"CRASHED (exit {outcome['crashed']})"
            print(f"{what[:51]:<52}{rss / 2**20:>12.0f}{seconds:>9.1f}  {shown}", flush=True)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
