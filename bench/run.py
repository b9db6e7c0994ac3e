"""Benchmark scrapeline end to end against the machine's own yardsticks.

    .venv/bin/python bench/run.py --sizes 10000 100000        # the figures in docs/benchmarks.md
    .venv/bin/python bench/run.py --sizes 2000 --keep          # quick look, keep corpus and warehouse

For each size N it builds a corpus of N distinct scrapes (bench/corpus.py), then measures, on the
same files: raw read throughput (cold-ish: each file's pages dropped from the page cache first;
and warm), the reference pass (bench/reference.py, all cores), `scrapeline run` in a subprocess
(wall time, peak RSS of the whole process tree, the run's own stage seconds), a no-op re-run,
`scrapeline compact`, and two typical queries. It prints a table and writes
bench/out/bench-<time>.json. Everything it creates lives under --workdir (default /tmp) and is
deleted afterwards unless --keep. The load average is recorded before each measurement: on a
shared machine compare figures taken under similar load.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))
import corpus  # noqa: E402
import reference  # noqa: E402

SCRAPELINE = Path(sys.executable).with_name("scrapeline")
QUERIES = {
    "top10_commenters": (
        "SELECT author, count(*) AS comments FROM comments WHERE author IS NOT NULL "
        "GROUP BY author ORDER BY comments DESC LIMIT 10"
    ),
    "comments_per_domain_day": (
        "SELECT coalesce(a.domain, split_part(a.source, '/', 1)) AS domain, "
        "date_trunc('day', coalesce(a.published_at, a.ingested_at)) AS day, count(*) AS comments "
        "FROM comments c JOIN articles a USING (article_id) GROUP BY ALL ORDER BY domain, day"
    ),
}


def load() -> float:
    return round(os.getloadavg()[0], 2)


def _role(p: psutil.Process, root: psutil.Process) -> str:
    if p.pid == root.pid:
        return "flow"
    cmd = " ".join(p.cmdline())
    return (
        "segmenter"
        if "tasks.sandbox" in cmd
        else "api server"
        if "uvicorn" in cmd or "server start" in cmd
        else "other"
    )


class TreeMemory:
    """Peak resident memory of a process and all its descendants, sampled every `every` s."""

    def __init__(self, pid: int, every: float = 0.1) -> None:
        self.root = psutil.Process(pid)
        self.every, self.peak, self.peak_single, self.peak_procs = every, 0, 0, 0
        self.peak_pss = 0  # proportional set size: shared pages counted once across the tree
        self.peak_by_role: dict[str, int] = {}  # role -> its processes' RSS at the tree's peak
        self.cpu: dict[int, float] = {}  # pid -> user+system seconds last seen
        self.roles: dict[int, str] = {}  # pid -> flow, segmenter, api server or other
        self._tick = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                procs = [self.root, *self.root.children(recursive=True)]
            except psutil.Error:
                break
            rss, pss, by_role = [], [], {}
            for p in procs:
                with contextlib.suppress(psutil.Error):
                    rss.append(p.memory_info().rss)
                    t = p.cpu_times()
                    self.cpu[p.pid] = t.user + t.system
                    if p.pid not in self.roles:
                        self.roles[p.pid] = _role(p, self.root)
                    role = self.roles[p.pid]
                    by_role[role] = by_role.get(role, 0) + rss[-1]
                    if self._tick % 5 == 0:  # smaps is costly to read: every 5th sample
                        pss.append(p.memory_full_info().pss)
            self._tick += 1
            self.peak_pss = max(self.peak_pss, sum(pss))
            if sum(rss) > self.peak:
                self.peak, self.peak_procs, self.peak_by_role = sum(rss), len(rss), by_role
            self.peak_single = max([self.peak_single, *rss])
            self._stop.wait(self.every)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def run_scrapeline(args: list[str], env: dict) -> dict:
    """One `scrapeline` command in a subprocess: wall seconds, peak tree RSS, its JSON summary."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [str(SCRAPELINE), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True
    )
    with TreeMemory(proc.pid) as mem:
        out, err = proc.communicate()
    wall = time.perf_counter() - t0
    if proc.returncode:
        raise SystemExit(f"scrapeline {' '.join(args)} failed ({proc.returncode}):\n{err[-3000:]}")
    lines = [ln for ln in out.splitlines() if ln.startswith("{")]
    return {
        "wall_s": round(wall, 2),
        "peak_rss_mb": round(mem.peak / 2**20, 1),
        "peak_single_rss_mb": round(mem.peak_single / 2**20, 1),
        "peak_pss_mb": round(mem.peak_pss / 2**20, 1),
        "cpu_s": round(sum(mem.cpu.values()), 1),
        "cpu_s_by_role": {
            role: round(sum(c for pid, c in mem.cpu.items() if mem.roles.get(pid) == role), 1)
            for role in sorted(set(mem.roles.values()))
        },
        "processes_at_peak": mem.peak_procs,
        # processes seen per role over the run: more segmenters than workers means children were
        # replaced (a chunk over a limit kills its child; the new one warms up again)
        "processes_by_role": {r: list(mem.roles.values()).count(r) for r in sorted(set(mem.roles.values()))},
        "peak_rss_mb_by_role": {k: round(v / 2**20, 1) for k, v in sorted(mem.peak_by_role.items())},
        "summary": json.loads(lines[-1]) if lines else None,
    }


# (label, flow-side stages, segmenter-side steps) of the per-stage CPU table; the summary's
# stage_cpu_seconds names flow-side stages plainly and the children's steps "segmenter:<step>"
CPU_STAGES = (
    ("start-up (flow process, before the run)", ("start-up",), ()),
    ("read", ("read",), ()),
    ("clean (and exact-duplicate keys)", ("clean",), ()),
    ("boilerplate", ("boilerplate",), ("boilerplate",)),
    ("extract (HTML)", (), ("extract",)),
    ("segment (children)", (), ("segment", "rows")),
    ("segment hand-off (flow side)", ("segment",), ()),
    ("language", (), ("language",)),
    ("dedup / SimHash", ("dedup",), ("simhash",)),
    ("validate", ("validate",), ()),
    ("load", ("load",), ()),
    ("commit (and Data Docs)", ("commit", "data_docs"), ()),
)


def stage_cpu(run: dict, n: int) -> dict[str, float]:
    """CPU microseconds per page of each stage, and of what no stage accounts for: the rest of the
    flow process (Prefect's task machinery, Great Expectations' import), of the segmenter
    children (their start and warm-up, pages' pickling) and the Prefect API server."""
    cpu = (run.get("summary") or {}).get("stage_cpu_seconds") or {}
    roles = run.get("cpu_s_by_role", {})
    out: dict[str, float] = {}
    for label, flow_side, child_side in CPU_STAGES:
        seconds = sum(cpu.get(k, 0.0) for k in flow_side) + sum(
            cpu.get(f"segmenter:{k}", 0.0) for k in child_side
        )
        out[label] = seconds
    flow_stages = sum(v for k, v in cpu.items() if not k.startswith("segmenter:"))
    child_steps = sum(v for k, v in cpu.items() if k.startswith("segmenter:"))
    out["flow process, other"] = max(0.0, roles.get("flow", 0.0) - flow_stages)
    out["segmenter children, other"] = max(0.0, roles.get("segmenter", 0.0) - child_steps)
    out["Prefect API server"] = roles.get("api server", 0.0)
    return {k: round(1e6 * v / max(1, n), 1) for k, v in out.items()}


def read_all(paths: list[str], cold: bool) -> dict:
    """Read every byte once; cold drops each file's cached pages first (this file only)."""
    if cold:
        for p in paths:
            fd = os.open(p, os.O_RDONLY)
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            os.close(fd)
    t0 = time.perf_counter()
    total = 0
    for p in paths:
        with open(p, "rb") as fh:
            total += len(fh.read())
    s = time.perf_counter() - t0
    return {"seconds": round(s, 3), "mb_s": round(total / 1e6 / s, 1), "files_s": round(len(paths) / s)}


def warehouse_layout(wh: Path) -> dict:
    """Committed files per table and their smallest row group: is there small-file sprawl?"""
    import duckdb
    import pyarrow.parquet as pq

    con = duckdb.connect(str(wh / "warehouse.duckdb"), read_only=True)
    rows = con.execute("SELECT table_name, path, rows FROM _scrapeline_files").fetchall()
    con.close()
    out: dict[str, dict] = {}
    for table, path, nrows in rows:
        t = out.setdefault(table, {"files": 0, "rows": 0, "min_row_group": None, "bytes": 0})
        meta = pq.ParquetFile(wh / path).metadata
        t["files"] += 1
        t["rows"] += nrows
        t["bytes"] += (wh / path).stat().st_size
        smallest = min(meta.row_group(i).num_rows for i in range(meta.num_row_groups))
        t["min_row_group"] = smallest if t["min_row_group"] is None else min(t["min_row_group"], smallest)
    return out


def time_queries(wh: Path, repeat: int = 5) -> dict:
    """Median of `repeat` runs of each typical query (after one warm-up), on a fresh connection."""
    import duckdb

    con = duckdb.connect(str(wh / "warehouse.duckdb"), read_only=True)
    out = {}
    for name, sql in QUERIES.items():
        t0 = time.perf_counter()
        first = con.execute(sql).fetchall()
        first_s = time.perf_counter() - t0
        times = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            con.execute(sql).fetchall()
            times.append(time.perf_counter() - t0)
        out[name] = {
            "first_s": round(first_s, 3),
            "median_s": round(statistics.median(times), 3),
            "rows": len(first),
        }
    con.close()
    return out


def bench_size(n: int, work: Path, env: dict, extra_args: list[str]) -> dict:
    src, wh, ref_out = work / f"corpus-{n}", work / f"warehouse-{n}", work / f"reference-{n}"
    t0 = time.perf_counter()
    files, size = corpus.build(src, n)
    res: dict = {
        "n": n,
        "bytes": size,
        "mb": round(size / 1e6, 1),
        "corpus_build_s": round(time.perf_counter() - t0, 1),
    }
    paths = sorted(str(p) for p in src.rglob("*") if p.is_file() and not p.name.startswith("."))
    print(f"[{n}] corpus: {files} files, {size / 1e6:.0f} MB", flush=True)

    res["read_cold"] = {"load": load(), **read_all(paths, cold=True)}
    res["read_warm"] = {"load": load(), **read_all(paths, cold=False)}
    print(
        f"[{n}] raw read: cold {res['read_cold']['mb_s']} MB/s, warm {res['read_warm']['mb_s']} MB/s",
        flush=True,
    )

    shutil.rmtree(ref_out, ignore_errors=True)
    la = load()
    ref = reference.run(paths, ref_out)
    res["reference"] = {
        "load": la,
        **ref,
        "files_s": round(n / ref["seconds"], 1),
        "mb_s": round(size / 1e6 / ref["seconds"], 2),
    }
    print(
        f"[{n}] reference pass: {ref['seconds']:.1f} s, {res['reference']['files_s']} scrapes/s", flush=True
    )

    shutil.rmtree(wh, ignore_errors=True)
    la = load()
    run = run_scrapeline(["run", str(src), "--warehouse", str(wh), "--json", *extra_args], env)
    s = run["summary"]
    stages = s.get("stage_seconds", {})
    # stage seconds are summed over the batch threads: one per worker, plus one
    threads = min(int(os.environ.get("BENCH_WORKERS") or os.cpu_count() or 1) + 1, max(1, n))
    work_wall = sum(stages.values()) / threads
    run.update(
        load=la,
        files_s=round(n / run["wall_s"], 1),
        mb_s=round(size / 1e6 / run["wall_s"], 2),
        flow_s=round(s["seconds"] - s.get("startup_seconds", 0.0), 3),  # `seconds` is the command's
        stage_cpu_us_per_page=stage_cpu(run, n),
        stage_s=stages,
        stage_work_wall_s=round(work_wall, 2),
        prefect_overhead_s=round(run["wall_s"] - work_wall, 2),
        vs_reference=round(res["reference"]["seconds"] / run["wall_s"], 3),
    )
    res["scrapeline"] = run
    print(
        f"[{n}] scrapeline run: {run['wall_s']} s, {run['files_s']} scrapes/s, peak RSS {run['peak_rss_mb']} MB",
        flush=True,
    )

    la = load()
    noop = run_scrapeline(["run", str(src), "--warehouse", str(wh), "--json"], env)
    noop_flow_s = round(noop["summary"]["seconds"] - noop["summary"].get("startup_seconds", 0.0), 3)
    res["noop"] = {
        "load": la,
        "wall_s": noop["wall_s"],
        "flow_s": noop_flow_s,  # the flow function's own seconds
        "command_s": noop["summary"]["seconds"],  # from the command's first import to its summary
        "startup_s": round(noop["wall_s"] - noop_flow_s, 2),
        "stage_cpu_us_per_page": stage_cpu(noop, n),
        "peak_rss_mb": noop["peak_rss_mb"],
        "files_unchanged": noop["summary"]["files_unchanged"],
    }
    print(f"[{n}] no-op re-run: {noop['wall_s']} s (flow {noop_flow_s} s)", flush=True)

    res["layout_after_run"] = warehouse_layout(wh)
    res["queries_after_run"] = {"load": load(), **time_queries(wh)}
    la = load()
    compact = run_scrapeline(["compact", "--warehouse", str(wh)], env)
    res["compact"] = {"load": la, "wall_s": compact["wall_s"], "peak_rss_mb": compact["peak_rss_mb"]}
    res["layout"] = warehouse_layout(wh)
    res["queries"] = {"load": load(), **time_queries(wh)}
    print(
        f"[{n}] queries: "
        + ", ".join(f"{k} {v['median_s']} s" for k, v in res["queries"].items() if k != "load"),
        flush=True,
    )
    return res


def table(results: list[dict]) -> str:
    rows = [("scrapes", lambda r: f"{r['n']:,}"), ("corpus MB", lambda r: f"{r['mb']:.0f}")]
    rows += [
        (
            "raw read cold / warm MB/s",
            lambda r: f"{r['read_cold']['mb_s']:.0f} / {r['read_warm']['mb_s']:.0f}",
        ),
        (
            "reference pass s (scrapes/s)",
            lambda r: f"{r['reference']['seconds']:.1f} ({r['reference']['files_s']:.0f})",
        ),
        ("scrapeline wall s", lambda r: f"{r['scrapeline']['wall_s']:.1f}"),
        ("  scrapes/s", lambda r: f"{r['scrapeline']['files_s']:.0f}"),
        ("  MB/s", lambda r: f"{r['scrapeline']['mb_s']:.2f}"),
        ("  ratio to reference", lambda r: f"{r['scrapeline']['vs_reference']:.2f}"),
        ("  peak RSS MB (tree)", lambda r: f"{r['scrapeline']['peak_rss_mb']:.0f}"),
        ("  peak RSS MB (one process)", lambda r: f"{r['scrapeline']['peak_single_rss_mb']:.0f}"),
        (
            "  at the peak: flow / segmenters / API",
            lambda r: " / ".join(
                f"{r['scrapeline'].get('peak_rss_mb_by_role', {}).get(k, 0):.0f}"
                for k in ("flow", "segmenter", "api server")
            ),
        ),
        ("  peak PSS MB (tree)", lambda r: f"{r['scrapeline']['peak_pss_mb']:.0f}"),
        ("  CPU s (tree)", lambda r: f"{r['scrapeline']['cpu_s']:.0f}"),
        (
            "  segmenter processes started",
            lambda r: f"{r['scrapeline'].get('processes_by_role', {}).get('segmenter', 0)}",
        ),
        (
            "  CPU s flow / segmenters / API",
            lambda r: " / ".join(
                f"{r['scrapeline']['cpu_s_by_role'].get(k, 0):.0f}"
                for k in ("flow", "segmenter", "api server")
            ),
        ),
    ]
    for stage in ("read", "clean", "segment", "validate", "dedup", "load"):  # segment: waits on the children
        rows.append(
            (
                f"  {stage} s (sum over batch threads)",
                lambda r, s=stage: f"{r['scrapeline']['stage_s'].get(s, 0):.1f}",
            )
        )
    rows += [
        ("  Prefect + start-up + commit s", lambda r: f"{r['scrapeline']['prefect_overhead_s']:.1f}"),
        ("no-op re-run wall s (flow s)", lambda r: f"{r['noop']['wall_s']:.1f} ({r['noop']['flow_s']:.1f})"),
        ("  no-op command s (from import)", lambda r: f"{r['noop'].get('command_s', 0):.1f}"),
        ("compact s", lambda r: f"{r['compact']['wall_s']:.1f}"),
        (
            "files articles/comments",
            lambda r: f"{r['layout']['articles']['files']}/{r['layout']['comments']['files']}",
        ),
        ("query top-10 commenters s", lambda r: f"{r['queries']['top10_commenters']['median_s']:.3f}"),
        (
            "query comments/domain/day s",
            lambda r: f"{r['queries']['comments_per_domain_day']['median_s']:.3f}",
        ),
        ("load average at run", lambda r: f"{r['scrapeline']['load']:.1f}"),
    ]
    rows.append(("CPU us per page, by stage", lambda r: ""))
    for label in results[0]["scrapeline"].get("stage_cpu_us_per_page", {}) if results else ():
        rows.append(
            (f"  {label}", lambda r, k=label: f"{r['scrapeline']['stage_cpu_us_per_page'].get(k, 0):.0f}")
        )
    rows.append(("  total (tree CPU s / pages)", lambda r: f"{1e6 * r['scrapeline']['cpu_s'] / r['n']:.0f}"))
    width = max(len(r[0]) for r in rows)
    lines = []
    for label, fmt in rows:
        lines.append(f"{label:<{width}}  " + "  ".join(f"{fmt(r):>14}" for r in results))
    return "\n".join(lines)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    p.add_argument("--workdir", type=Path, default=Path("/tmp/scrapeline-bench"))
    p.add_argument("--keep", action="store_true", help="keep corpora and warehouses")
    p.add_argument("--run-args", default="", help="extra arguments for `scrapeline run`, e.g. '--workers 1'")
    a = p.parse_args()
    a.workdir.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    env.setdefault("PREFECT_HOME", str(a.workdir / "prefect-home"))
    env.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    env.setdefault("GX_ANALYTICS_ENABLED", "false")
    results = []
    try:
        # The first run on a machine creates Prefect's database (~15 s): not what a size costs.
        first = run_scrapeline(["run", str(ROOT / "examples"), "--warehouse", str(a.workdir / "first")], env)
        print(f"first run (creates Prefect's database; not counted): {first['wall_s']} s", flush=True)
        for n in a.sizes:
            results.append(bench_size(n, a.workdir, env, a.run_args.split()))
    finally:
        if not a.keep:
            shutil.rmtree(a.workdir, ignore_errors=True)
    machine = {
        "cpus": os.cpu_count(),
        "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
        "python": sys.version.split()[0],
        "at": time.strftime("%Y-%m-%dT%H:%M:%S"),
    }
    out = BENCH / "out"
    out.mkdir(exist_ok=True)
    path = out / f"bench-{time.strftime('%Y%m%dT%H%M%S')}.json"
    path.write_text(json.dumps({"machine": machine, "results": results}, indent=2, default=str))
    print()
    print(table(results))
    print(f"\nfull figures: {path}")


if __name__ == "__main__":
    main()
