"""Hostile input: each bomb, monster line, broken byte, odd file and odd name ends as a reject with a
reason (or loads, when it is a good page with an odd name), the run goes on, memory stays bounded,
and a re-run repeats nothing. Also the segmenter's per-page limits, with real child processes."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

import pytest

from fuzz.hostile import MAX_MB, write_hostile
from fuzz.hostile import source_of as hostile_source
from tasks import load
from tasks.models import InputFile, Record
from tasks.pipeline import process_batch, segment_pages
from tasks.sandbox import Limits
from tests.conftest import SEED_EXAMPLE

RSS_CEILING = 1024 * 1024 * 1024  # the bombs expand to 1 GB: no input may cost that much memory


# ---------------------------------------------------------------- the segment stage's limits, real segmenter


def _page(source: str, text: str | None = None) -> Record:
    return Record(source, text or SEED_EXAMPLE.read_text(encoding="utf-8"), "text", f"hash-{source}")


def test_real_segmenter_under_an_impossible_time_limit_and_a_size_limit():
    done, rejects = segment_pages(
        [_page("slow"), _page("long", "word " * 10_000)],
        Limits(seconds=0.000001, max_chars=40_000),
        "run",
        datetime(2024, 1, 1),
    )
    assert done == []
    assert sorted((r.source, r.reason) for r in rejects) == [
        ("long", "segment size limit"),
        ("slow", "segment time limit"),
    ]


# Lines on which a rule's regular expression once backtracked exponentially (seconds to forever
# each): in a comment section, they made a good page a 'segment time limit' reject.
BACKTRACKING_LINES = [
    "Like 12345678901234567890 x",  # button rows: a digit run shared out between count tokens
    "Reply 123456 123456 123456 123456 123456 123456 Next",  # per-comment chrome: '(\\d+\\s*)+'
]


@pytest.mark.parametrize("line", BACKTRACKING_LINES)
def test_a_line_that_made_a_rule_backtrack_is_segmented_within_the_time_limit(line):
    seed = SEED_EXAMPLE.read_text(encoding="utf-8")
    comment = "That’s your reply kid? get a life."
    assert comment in seed
    page = _page("page", seed.replace(comment, f"{comment}\n\n{line}", 1))
    done, rejects = segment_pages([page], Limits(seconds=5.0), "run", datetime(2024, 1, 1))
    assert rejects == []
    [(_, comments)] = done
    assert len(comments) == 50


# ---------------------------------------------------------------- a whole run over hostile files


# A child made by fork + exec starts with its parent's high-water RSS (Linux carries it over at
# exec), so a run started from a large test process would be charged that process's memory. A
# small launcher starts the run and reports the run's own peak from its wait4.
_LAUNCHER = """
import os, subprocess, sys
proc = subprocess.Popen(sys.argv[2:])
_, status, usage = os.wait4(proc.pid, 0)
with open(sys.argv[1], "w") as fh:
    fh.write(str(usage.ru_maxrss * 1024))
sys.exit(os.waitstatus_to_exitcode(status))
"""


def _run_measured(api, *args: str) -> tuple[int, str, str, int]:
    """`scrapeline ARGS` as a child process: (exit code, stdout, stderr, peak RSS in bytes of the
    run's largest process)."""
    with tempfile.TemporaryDirectory() as tmp:
        peak = Path(tmp) / "peak"
        proc = subprocess.run(
            [sys.executable, "-c", _LAUNCHER, str(peak), sys.executable, "-m", "flows.cli", *args],
            env=api.env(),
            capture_output=True,
        )
        rss = int(peak.read_text())
    return proc.returncode, proc.stdout.decode(), proc.stderr.decode(), rss


@pytest.fixture(scope="module")
def hostile_run(prefect_api, tmp_path_factory):
    base = tmp_path_factory.mktemp("hostile")
    cases = write_hostile(base / "src")
    (base / "src" / "good.txt").write_bytes(SEED_EXAMPLE.read_bytes())
    wh = base / "wh"
    code, out, err, rss = _run_measured(
        prefect_api, "run", str(base / "src"), "--warehouse", str(wh), "--json", "--max-mb", str(MAX_MB)
    )
    assert code == 0, err[-3000:]
    return base, wh, cases, json.loads(out), rss


def _rows(wh: Path, sql: str) -> list[tuple]:
    con = load.connect(wh, read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


slow = pytest.mark.slow


@slow
def test_every_hostile_input_is_accounted_for_and_memory_stays_bounded(hostile_run):
    _, wh, cases, summary, rss = hostile_run
    assert rss < RSS_CEILING, f"peak RSS {rss / 2**20:.0f} MB"
    rejected = {}
    for source, stage, reason in _rows(wh, "SELECT source, stage, reason FROM rejects"):
        rejected.setdefault(source, []).append((stage, reason))
    loaded = {s for (s,) in _rows(wh, "SELECT source FROM articles")}
    assert "good.txt" in loaded
    for case in cases:
        source = hostile_source(case)
        # a multi-record file (CSV) loads or rejects its records as `source#N`
        got = [r for s, rs in rejected.items() if s == source or s.startswith(source + "#") for r in rs]
        if any(s.startswith(source + "#") for s in loaded):
            loaded.add(source)
        assert not (got and source in loaded), f"{case.what}: both loaded and rejected"
        if case.stage is None:
            assert source in loaded, f"{case.what}: not loaded, rejects {got}"
        elif case.stage == "*":
            assert source in loaded or got, f"{case.what}: neither loaded nor rejected"
        else:
            assert len(got) == 1 and got[0][0] == case.stage and got[0][1] in case.reasons, (case.what, got)
    assert summary["files_seen"] == len(cases) + 1
    for (text,) in _rows(wh, "SELECT body FROM articles UNION ALL SELECT text FROM comments"):
        assert "\0" not in text and text.encode("utf-8")


@slow
@pytest.mark.parametrize("reader", ["html", "csv"])
def test_formats_being_added_are_rejected_or_loaded_within_limits(hostile_run, reader):
    _, wh, cases, _, _ = hostile_run
    case = next(c for c in cases if c.needs_reader == reader)
    reasons = [r for (r,) in _rows(wh, f"SELECT reason FROM rejects WHERE source LIKE '{case.name}%'")]
    if reasons == ["unsupported format"]:
        pytest.skip(f"no {reader} reader yet: rejected as an unsupported format")
    loaded = _rows(wh, f"SELECT word_count FROM articles WHERE source LIKE '{case.name}%'")
    assert reasons or loaded
    if reader == "csv":  # a 50 MB field is over every per-page limit: it cannot become an article
        assert reasons and not loaded


@slow
def test_rerun_over_hostile_inputs_repeats_nothing(hostile_run, prefect_api):
    from prefect.settings import PREFECT_API_URL, PREFECT_LOGGING_TO_API_ENABLED, temporary_settings

    from flows.ingest import ingest

    base, wh, cases, first, _ = hostile_run
    before = _rows(wh, "SELECT count(*) FROM rejects") + _rows(wh, "SELECT count(*) FROM articles_all")
    with temporary_settings(
        updates={PREFECT_API_URL: prefect_api.url, PREFECT_LOGGING_TO_API_ENABLED: False}
    ):
        again = ingest(sources=[str(base / "src")], warehouse=str(wh), max_bytes=MAX_MB * 1024 * 1024)
    assert (again["files_new"], again["files_rejected"], again["rejects"]) == (0, 0, 0)
    assert again["files_unchanged"] == first["files_seen"]
    after = _rows(wh, "SELECT count(*) FROM rejects") + _rows(wh, "SELECT count(*) FROM articles_all")
    assert after == before


def test_file_removed_between_discover_and_read_is_a_reject(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    good, gone = src / "good.txt", src / "gone.txt"
    good.write_bytes(SEED_EXAMPLE.read_bytes())
    gone.write_bytes(SEED_EXAMPLE.read_bytes())
    files = [InputFile(str(p), p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in (gone, good)]
    gone.unlink()
    result = process_batch(files, {}, tmp_path / "wh", "run1", "part-0")
    assert result.counts["articles"] == 1 and result.counts["files_rejected"] == 1
    assert dict(result.reject_reasons) == {("read", "unreadable file"): 1}
