"""Runs against real services: a Prefect server (the UI path) and a Dask cluster (scale-out)."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import subprocess
import sys

import duckdb
import pytest

from tests.conftest import ROOT, SEED_EXAMPLE
from tests.services import dask_cluster, prefect_server

pytestmark = pytest.mark.slow


def _scrapeline(*args, env_extra: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_LOGGING")}
    env.update(env_extra or {})
    return subprocess.run(
        [sys.executable, "-m", "flows.cli", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def _corpus(tmp_path, copies: int):
    """Copies of the seed, each changed a little, so that every file is a distinct page."""
    src = tmp_path / "corpus"
    src.mkdir()
    text = SEED_EXAMPLE.read_text(encoding="utf-8")
    for i in range(copies):
        (src / f"page{i:03d}.txt").write_text(
            text.replace("Hit them with everything", f"Hit them with everything {i}"), encoding="utf-8"
        )
    return src


def _tables(warehouse) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(warehouse / "warehouse.duckdb"), read_only=True)
    try:
        return {
            "articles": con.execute(
                "SELECT article_id, source, title, byline, body, comment_count, language FROM articles ORDER BY source"
            ).fetchall(),
            "comments": con.execute(
                "SELECT comment_id, author, text FROM comments ORDER BY comment_id"
            ).fetchall(),
            "rejects": con.execute("SELECT source, stage, reason FROM rejects ORDER BY ALL").fetchall(),
        }
    finally:
        con.close()


def test_run_is_visible_through_a_real_prefect_server(tmp_path):
    with prefect_server(tmp_path / "prefect") as api:
        run = _scrapeline(
            "run",
            str(SEED_EXAMPLE),
            "--warehouse",
            str(tmp_path / "w"),
            "--json",
            env_extra={"PREFECT_API_URL": api},
        )
        assert run.returncode == 0, run.stderr
        summary = json.loads(run.stdout)

        async def read_back():
            from prefect.client.orchestration import get_client
            from prefect.client.schemas.filters import (
                ArtifactFilter,
                ArtifactFilterFlowRunId,
                FlowRunFilter,
                FlowRunFilterId,
            )

            async with get_client() as client:
                flow_run = await client.read_flow_run(summary["flow_run_id"])
                task_runs = await client.read_task_runs(
                    flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[flow_run.id]))
                )
                artifacts = await client.read_artifacts(
                    artifact_filter=ArtifactFilter(flow_run_id=ArtifactFilterFlowRunId(any_=[flow_run.id]))
                )
                logs = await client.read_logs()
                return flow_run, task_runs, artifacts, logs

        from prefect.settings import PREFECT_API_URL, temporary_settings

        with temporary_settings({PREFECT_API_URL: api}):
            flow_run, task_runs, artifacts, logs = asyncio.run(read_back())
    assert flow_run.state.is_completed()
    assert flow_run.parameters["sources"] == [str(SEED_EXAMPLE)]
    names = sorted(t.name for t in task_runs)
    assert any(n.startswith("batch-part-") for n in names) and "commit" in " ".join(names)
    assert all(t.state.is_completed() for t in task_runs)
    keys = {a.key for a in artifacts}
    assert {"run-counts", "data-quality"} <= keys
    counts = next(a for a in artifacts if a.key == "run-counts")
    data = json.loads(counts.data) if isinstance(counts.data, str) else counts.data
    assert {"stage": "load", "reason": "comments", "rows": 50} in data
    assert any(log.flow_run_id == flow_run.id for log in logs)


def test_dask_cluster_gives_the_same_tables_as_a_local_run(tmp_path):
    src = _corpus(tmp_path, 12)
    (src / "empty.txt").write_bytes(b"")
    local = _scrapeline(
        "run",
        str(src),
        "--warehouse",
        str(tmp_path / "local"),
        "--batch-files",
        "4",
        "--workers",
        "1",
        "--quiet",
    )
    assert local.returncode == 0, local.stderr
    with dask_cluster(tmp_path / "dask") as address:
        remote = _scrapeline(
            "run",
            str(src),
            "--warehouse",
            str(tmp_path / "dask-w"),
            "--batch-files",
            "4",
            "--dask-address",
            address,
            "--json",
        )
    assert remote.returncode == 0, remote.stderr
    assert json.loads(remote.stdout)["articles"] == 12
    assert _tables(tmp_path / "dask-w") == _tables(tmp_path / "local")
    shutil.rmtree(tmp_path / "dask", ignore_errors=True)


def test_two_workers_give_the_same_tables_as_one(tmp_path):
    """Two batches at a time (two segmenter processes) load exactly what one at a time loads."""
    src = _corpus(tmp_path, 8)
    one = _scrapeline(
        "run",
        str(src),
        "--warehouse",
        str(tmp_path / "one"),
        "--workers",
        "1",
        "--batch-files",
        "2",
        "--quiet",
    )
    two = _scrapeline(
        "run",
        str(src),
        "--warehouse",
        str(tmp_path / "two"),
        "--workers",
        "2",
        "--batch-files",
        "2",
        "--quiet",
    )
    assert one.returncode == 0 and two.returncode == 0, one.stderr + two.stderr
    assert _tables(tmp_path / "two") == _tables(tmp_path / "one")


def test_prefect_yaml_deploys_a_scheduled_deployment(tmp_path):
    with prefect_server(tmp_path / "prefect") as api:
        env = {**os.environ, "PREFECT_API_URL": api, "PREFECT_HOME": str(tmp_path / "prefect")}
        prefect = [os.path.join(os.path.dirname(sys.executable), "prefect")]
        pool = subprocess.run(
            [*prefect, "work-pool", "create", "scrapeline", "--type", "process"],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert pool.returncode == 0, pool.stdout + pool.stderr
        deploy = subprocess.run(
            [*prefect, "--no-prompt", "deploy", "--all"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert deploy.returncode == 0, deploy.stdout + deploy.stderr

        async def read_back():
            from prefect.client.orchestration import get_client

            async with get_client() as client:
                return await client.read_deployment_by_name("scrapeline-ingest/hourly")

        from prefect.settings import PREFECT_API_URL, temporary_settings

        with temporary_settings({PREFECT_API_URL: api}):
            deployment = asyncio.run(read_back())
    assert deployment.entrypoint == "flows/ingest.py:ingest"
    assert deployment.work_pool_name == "scrapeline"
    assert [s.schedule.cron for s in deployment.schedules] == ["0 * * * *"]


def test_serve_runs_the_flow_for_its_deployment(tmp_path):
    import signal
    import time

    warehouse = tmp_path / "w"
    with prefect_server(tmp_path / "prefect") as api:
        env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_LOGGING")}
        env.update(PREFECT_API_URL=api, PREFECT_HOME=str(tmp_path / "prefect"))
        serve = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "flows.cli",
                "serve",
                str(SEED_EXAMPLE),
                "--warehouse",
                str(warehouse),
                "--cron",
                "0 0 1 1 *",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:

            async def trigger_and_wait():
                from prefect.client.orchestration import get_client

                async with get_client() as client:
                    deadline = time.monotonic() + 120
                    while True:
                        try:
                            deployment = await client.read_deployment_by_name(
                                "scrapeline-ingest/scrapeline-scheduled"
                            )
                            break
                        except Exception:
                            if time.monotonic() > deadline or serve.poll() is not None:
                                raise
                            await asyncio.sleep(1)
                    run = await client.create_flow_run_from_deployment(deployment.id)
                    while True:
                        run = await client.read_flow_run(run.id)
                        if run.state.is_final() or time.monotonic() > deadline:
                            return deployment, run
                        await asyncio.sleep(1)

            from prefect.settings import PREFECT_API_URL, temporary_settings

            with temporary_settings({PREFECT_API_URL: api}):
                deployment, run = asyncio.run(trigger_and_wait())
        finally:
            os.killpg(serve.pid, signal.SIGTERM)
            serve.wait(30)
    assert [s.schedule.cron for s in deployment.schedules] == ["0 0 1 1 *"]
    assert run.state.is_completed(), run.state
    con = duckdb.connect(str(warehouse / "warehouse.duckdb"), read_only=True)
    assert con.execute("SELECT count(*), count(author) FROM comments").fetchall() == [(50, 41)]


def _serve_without_server(tmp_path, api_url: str | None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env["PREFECT_HOME"] = str(tmp_path / "prefect")  # a fresh home: no profile names a server
    if api_url is not None:
        env["PREFECT_API_URL"] = api_url
    return subprocess.run(
        [sys.executable, "-m", "flows.cli", "serve", str(SEED_EXAMPLE), "--warehouse", str(tmp_path / "w")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_serve_without_a_server_says_what_to_start(tmp_path):
    """Prefect would serve on a temporary server whose schedule never fires, and only warn."""
    done = _serve_without_server(tmp_path, None)
    assert done.returncode == 2
    assert "prefect server start" in done.stderr and "PREFECT_API_URL" in done.stderr
    assert "Traceback" not in done.stderr + done.stdout


def test_serve_with_a_server_that_is_down_fails_in_one_line(tmp_path):
    from flows.api import free_port

    done = _serve_without_server(tmp_path, f"http://127.0.0.1:{free_port()}/api")
    assert done.returncode == 1
    assert "serve failed" in done.stderr
    assert "Traceback" not in done.stderr + done.stdout
