"""`scrapeline explain`: how the segmenter read one file, as a user sees it in the terminal."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.conftest import ROOT, SEED_EXAMPLE


def _explain(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "flows.cli", "explain", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        **kwargs,
    )


def test_explain_shows_each_decision_with_its_rule():
    done = _explain(str(SEED_EXAMPLE))
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "title        'Why is ISIS fleeing from Raqqa toward Palmyra?'" in out
    assert "comments     50  [wpdiscuz" in out
    assert out.count("\n    #") == 50  # one line per comment


def test_explain_a_missing_file_is_one_clear_error(tmp_path):
    done = _explain(str(tmp_path / "nope.txt"))
    assert done.returncode == 2
    assert "no such file" in done.stderr and "Traceback" not in done.stderr


def test_explain_into_a_reader_that_stops_early_ends_quietly(tmp_path):
    """`scrapeline explain page.txt | head -1`: the reader goes away; no traceback.

    The output is made larger than a pipe holds (a feed of many copies of the seed page), so
    that the command is still writing when the reader has gone: with a short output it could
    have written everything into the pipe first and ended with 0, as `seq 3 | head -1` may.
    """
    seed = SEED_EXAMPLE.read_text(encoding="utf-8")
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"text": seed}) + "\n" for _ in range(20)), encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "flows.cli", "explain", str(feed)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert proc.stdout.readline()  # the first line, then the reader closes the pipe
    proc.stdout.close()
    stderr = proc.stderr.read().decode()
    assert proc.wait(120) == 141
    assert "Traceback" not in stderr


def test_explain_shows_what_a_run_makes_of_a_page_comment_records_included(tmp_path):
    """The last passes of a run (records found by repetition, tidied names) show in `explain` too."""
    from tests.segment.test_repeats import ARTICLE, BOARD

    page = tmp_path / "board.md"
    page.write_text("# A title\n\n" + ARTICLE + "\n" + BOARD, encoding="utf-8")
    done = _explain(str(page), "--summary")
    assert done.returncode == 0, done.stderr
    assert "comments     4  [text-records]" in done.stdout
    assert "author='konst'" in done.stdout
