"""The Prefect API a command reports to: the configured one, or a temporary server it starts,
records the run and stops with the command."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import time

import psutil
import pytest
from prefect.settings import PREFECT_API_URL, temporary_settings

from flows import api
from tests.conftest import ROOT, SEED_EXAMPLE


def _servers_of(home: str) -> list[psutil.Process]:
    """Prefect server processes (`prefect server start`, run through flows.api) keeping their
    data in `home`."""
    found = []
    for proc in psutil.process_iter(["cmdline"]):
        try:
            cmd = " ".join(proc.info["cmdline"] or [])
            if "server start" in cmd and proc.environ().get("PREFECT_HOME") == home:
                found.append(proc)
        except psutil.Error:
            continue
    return found


async def _flow_and_task_runs(flow_run_id: str):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    async with get_client() as client:
        flow_run = await client.read_flow_run(flow_run_id)
        task_runs = await client.read_task_runs(
            flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[flow_run.id]))
        )
        return flow_run, task_runs


@pytest.mark.slow
def test_run_without_an_api_records_in_its_own_server_and_stops_it(tmp_path, monkeypatch):
    home = str(tmp_path / "prefect-home")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(PREFECT_HOME=home, PREFECT_SERVER_ANALYTICS_ENABLED="false", DO_NOT_TRACK="1")
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "flows.cli",
            "run",
            str(SEED_EXAMPLE),
            "--warehouse",
            str(tmp_path / "w"),
            "--json",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr
    summary = json.loads(run.stdout)
    assert summary["comments"] == 50
    assert not _servers_of(home), "the temporary Prefect server outlived the command"

    # the run, its batch tasks and its commit are in that home's database, for the UI to show
    monkeypatch.setenv("PREFECT_HOME", home)
    server = api.TemporaryServer()
    try:
        server.wait_ready(120)
        assert [p.pid for p in _servers_of(home)] == [server.pid]  # the check above can see one
        with temporary_settings({PREFECT_API_URL: server.url}):
            flow_run, task_runs = asyncio.run(_flow_and_task_runs(summary["flow_run_id"]))
    finally:
        server.stop()
    assert flow_run.state.is_completed()
    names = [t.name for t in task_runs]
    assert any(n.startswith("batch-part-") for n in names) and any(n.startswith("commit") for n in names)
    assert all(t.state.is_completed() for t in task_runs)


@pytest.mark.slow
def test_the_server_ends_when_its_command_is_killed_outright(tmp_path):
    home = str(tmp_path / "prefect-home")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(PREFECT_HOME=home, PREFECT_SERVER_ANALYTICS_ENABLED="false", DO_NOT_TRACK="1")
    run = subprocess.Popen(
        [sys.executable, "-m", "flows.cli", "run", str(SEED_EXAMPLE), "--warehouse", str(tmp_path / "w")],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        while not _servers_of(home):
            assert run.poll() is None and time.monotonic() < deadline, "no server was started"
            time.sleep(0.05)
        server = _servers_of(home)[0]
    finally:
        run.kill()  # SIGKILL: the command gets no chance to stop its server
        run.wait()
    server.wait(timeout=15)  # psutil.TimeoutExpired if it outlives its command
    assert not _servers_of(home)


def test_a_configured_api_is_used_as_it_is():
    before = psutil.Process().children(recursive=True)
    with temporary_settings({PREFECT_API_URL: "http://127.0.0.1:9/api"}), api.prefect_api() as url:
        assert url == "http://127.0.0.1:9/api"
        assert psutil.Process().children(recursive=True) == before


def test_a_server_that_cannot_start_is_a_clear_error_and_leaves_nothing(monkeypatch):
    monkeypatch.setattr(api, "SERVER_FLAGS", ["--no-such-option"])
    before = {p.pid for p in psutil.Process().children(recursive=True)}
    with (
        temporary_settings({PREFECT_API_URL: None}),
        pytest.raises(api.ApiError, match="exited with code"),
        api.prefect_api(),
    ):
        pass
    assert {p.pid for p in psutil.Process().children(recursive=True)} <= before
