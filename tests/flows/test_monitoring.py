"""What a run shows in the Prefect UI and on the terminal, against a real Prefect server: the flow
run named after the run id, tagged, its state named and carrying the counts, a run above
--max-reject-rate Failed, the summary artifact first and agreeing with the terminal, and a Data
Docs link that `scrapeline docs` serves."""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request

import pytest

from tests.conftest import ROOT, SEED_EXAMPLE

pytestmark = pytest.mark.slow


def _sources(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "page.txt").write_text(SEED_EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (src / "empty.txt").write_bytes(b"")
    return src


def _scrapeline(api, *args: str) -> tuple[subprocess.CompletedProcess, float]:
    t0 = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "flows.cli", *args],
        cwd=ROOT,
        env=api.env(),
        capture_output=True,
        text=True,
        timeout=600,
    )
    return done, time.monotonic() - t0


def _read_back(api, flow_run_id: str):
    async def read():
        from prefect.client.orchestration import get_client
        from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId
        from prefect.client.schemas.sorting import ArtifactSort

        async with get_client() as client:
            flow_run = await client.read_flow_run(flow_run_id)
            artifacts = await client.read_artifacts(
                artifact_filter=ArtifactFilter(flow_run_id=ArtifactFilterFlowRunId(any_=[flow_run.id])),
                sort=ArtifactSort.CREATED_DESC,
            )
            return flow_run, list(reversed(artifacts))

    from prefect.settings import PREFECT_API_URL, temporary_settings

    with temporary_settings({PREFECT_API_URL: api.url}):
        return asyncio.run(read())


@pytest.fixture(scope="module")
def finished(prefect_api, tmp_path_factory):
    """One run with a reject, as JSON, read back from the server."""
    tmp = tmp_path_factory.mktemp("monitoring")
    wh = tmp / "w"
    done, wall = _scrapeline(prefect_api, "run", str(_sources(tmp)), "--warehouse", str(wh), "--json")
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    flow_run, artifacts = _read_back(prefect_api, summary["flow_run_id"])
    return wh, summary, wall, flow_run, artifacts


def test_flow_run_is_named_after_the_run_and_tagged(finished):
    wh, summary, _, flow_run, _ = finished
    assert flow_run.name == summary["run_id"]
    assert {"scrapeline", "command:run", f"warehouse:{wh}", "source:local"} <= set(flow_run.tags)


def test_state_is_named_and_carries_the_counts(finished):
    _, summary, _, flow_run, _ = finished
    assert flow_run.state.is_completed() and flow_run.state.name == "Completed with rejects"
    message = flow_run.state.message
    assert "2 files seen (1 new or changed, 0 unchanged, 1 rejected)" in message
    assert "1 articles, 50 comments loaded" in message and "1 reject rows" in message


def test_summary_artifact_comes_first_and_agrees_with_the_terminal(finished):
    from flows.report import summary_lines

    _, summary, _, _, artifacts = finished
    assert artifacts[0].key == "run-summary"
    markdown = artifacts[0].data
    for label, value in summary_lines(summary):
        if label != "seconds":  # the terminal's seconds also count the command's start-up
            assert f"| {label.strip()} | {value} |" in markdown
    assert "**Data quality:** all" in markdown and "**Slowest stage:**" in markdown
    counts = next(a for a in artifacts if a.key == "run-counts")
    data = json.loads(counts.data) if isinstance(counts.data, str) else counts.data
    assert {"stage": "input", "reason": "new or changed", "rows": summary["files_new"]} in data


def test_data_docs_link_is_http_and_scrapeline_docs_serves_it(finished, prefect_api):
    wh, _, _, _, artifacts = finished
    link = next(a for a in artifacts if a.key == "data-docs")
    assert re.search(r"\(http://127\.0\.0\.1:\d+/index\.html\)", link.data), link.data
    server = subprocess.Popen(
        [sys.executable, "-m", "flows.cli", "docs", "--warehouse", str(wh), "--port", "0"],
        cwd=ROOT,
        env=prefect_api.env(PYTHONUNBUFFERED="1"),
        stdout=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        url = re.search(r"http://\S+/index.html", server.stdout.readline()).group(0)
        with urllib.request.urlopen(url, timeout=10) as resp:
            assert resp.status == 200 and b"Data Docs" in resp.read()
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(20)


def test_summary_seconds_count_the_start_up(finished):
    _, summary, wall, _, _ = finished
    assert summary["startup_seconds"] > 0
    assert summary["seconds"] >= wall - 3  # all but the interpreter's own start


def test_a_run_above_the_reject_threshold_fails_with_its_data_committed(prefect_api, tmp_path):
    wh = tmp_path / "w"
    done, _ = _scrapeline(
        prefect_api, "run", str(_sources(tmp_path)), "--warehouse", str(wh), "--max-reject-rate", "10%"
    )
    assert done.returncode == 3, done.stderr
    assert done.stderr.startswith("loading ")  # said at once, before Prefect starts
    assert "FAILED" in done.stdout and "is above --max-reject-rate 10%" in done.stdout
    assert f"scrapeline rejects --warehouse {wh}" in done.stdout
    run_id = re.search(r"run (\S+) FAILED", done.stdout).group(1)
    import duckdb

    con = duckdb.connect(str(wh / "warehouse.duckdb"), read_only=True)
    try:
        [(flow_run_id, articles)] = con.execute("SELECT flow_run_id, articles FROM runs").fetchall()
    finally:
        con.close()
    assert articles == 1  # committed all the same
    flow_run, _ = _read_back(prefect_api, flow_run_id)
    assert flow_run.name == run_id
    assert flow_run.state.is_failed()
    assert flow_run.state.message.startswith("FAILED: reject rate 50.0% (1 of 2 inputs read)")


def test_an_empty_folder_is_a_warning(prefect_api, tmp_path):
    (tmp_path / "empty").mkdir()
    done, _ = _scrapeline(prefect_api, "run", str(tmp_path / "empty"), "--warehouse", str(tmp_path / "w"))
    assert done.returncode == 0, done.stderr
    assert f"no files found under {tmp_path / 'empty'}" in done.stdout
