"""Real services on loopback for tests: a Prefect server, a Dask scheduler with workers, an S3 server.

Each starts as its own process group on a free port and is stopped by PID when the test ends.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from flows.api import free_port, healthy

BIN = Path(sys.executable).parent


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(5)


def _wait(check, what: str, proc: subprocess.Popen, log: Path, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{what} exited early:\n{log.read_text()[-3000:]}")
        try:
            if check():
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise TimeoutError(f"{what} did not come up in {timeout:.0f}s:\n{log.read_text()[-3000:]}")


@contextmanager
def prefect_server(home: Path):
    """`prefect server start` on a free loopback port; yields the API URL."""
    port = free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = {
        **os.environ,
        "PREFECT_HOME": str(home),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_UI_API_URL": api,
        "PREFECT_API_URL": "",
    }
    log = home / "server.log"
    home.mkdir(parents=True, exist_ok=True)
    with open(log, "w") as out:
        proc = subprocess.Popen(
            [str(BIN / "prefect"), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        _wait(
            lambda: healthy(api),
            "prefect server",
            proc,
            log,
        )
        yield api
    finally:
        _stop(proc)


@contextmanager
def dask_cluster(workdir: Path, workers: int = 2):
    """`dask scheduler` plus `dask worker` processes on loopback; yields the scheduler address."""
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    workdir.mkdir(parents=True, exist_ok=True)
    procs = []
    logs = []

    def start(name: str, args: list[str]) -> subprocess.Popen:
        log = workdir / f"{name}.log"
        logs.append(log)
        with open(log, "w") as out:
            proc = subprocess.Popen(
                [str(BIN / "dask"), *args],
                cwd=workdir,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        procs.append(proc)
        return proc

    try:
        sched = start(
            "scheduler", ["scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"]
        )
        _wait(
            lambda: socket.create_connection(("127.0.0.1", port), timeout=1).close() or True,
            "dask scheduler",
            sched,
            logs[0],
        )
        for i in range(workers):
            start(
                f"worker{i}",
                [
                    "worker",
                    address,
                    "--nworkers",
                    "1",
                    "--nthreads",
                    "1",
                    "--no-dashboard",
                    "--host",
                    "127.0.0.1",
                ],
            )
        from distributed import Client

        with Client(address, timeout=30) as client:
            client.wait_for_workers(workers, timeout=90)
        yield address
    finally:
        for proc in reversed(procs):
            _stop(proc)


@contextmanager
def moto_server(workdir: Path):
    """moto's S3-compatible server (`python -m moto.server`) on a free loopback port; yields its URL."""
    port = free_port()
    workdir.mkdir(parents=True, exist_ok=True)
    log = workdir / "moto.log"
    with open(log, "w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
            cwd=workdir,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        _wait(
            lambda: socket.create_connection(("127.0.0.1", port), timeout=1).close() or True,
            "moto server",
            proc,
            log,
        )
        yield f"http://127.0.0.1:{port}"
    finally:
        _stop(proc)
