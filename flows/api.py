"""The Prefect API a command reports to: the configured one, or a temporary server of its own.

With no PREFECT_API_URL configured, Prefect itself would start a temporary server when the flow
is first called. It does so by importing its whole server application into the flow's process
(about 80 MB and 3 s, kept for the rest of the run) just to launch a subprocess, and only then
waits for it. Starting `prefect server start` ourselves, before the flow's own imports, keeps
that memory out of the flow and lets the server boot while Great Expectations and the pipeline
load. The server keeps its data in PREFECT_HOME, as Prefect's temporary server does, so runs
show in the UI of a `prefect server start` pointed at the same home later. It runs Prefect's
command line through this module (`python -m flows.api server start ...`), which ends it when
the command that started it dies, even when that command was killed outright.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager

# Services a single command does not need: the scheduler and late-run marker act on deployments
# and scheduled runs, which only `scrapeline serve` (with its own server) has.
SERVER_FLAGS = ["--no-ui", "--no-scheduler", "--no-late-runs", "--analytics-off", "--log-level", "WARNING"]
DEFAULT_STARTUP_SECONDS = 120.0
PARENT_ENV = "SCRAPELINE_SERVER_PARENT"  # pid of the command the server belongs to


class ApiError(RuntimeError):
    """The temporary Prefect API server could not be started."""


def configured_api_url() -> str | None:
    """PREFECT_API_URL from the environment or the active Prefect profile, if any."""
    from prefect.settings import PREFECT_API_URL

    return PREFECT_API_URL.value() or None


def free_port() -> int:
    """A loopback port free at the moment of asking."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def healthy(url: str) -> bool:
    """Whether the Prefect API at `url` answers its health check."""
    try:
        with urllib.request.urlopen(f"{url}/health", timeout=2) as resp:
            return resp.status == 200
    except OSError:
        return False


class TemporaryServer:
    """`prefect server start` on a free loopback port, in its own process group."""

    def __init__(self) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/api"
        self._log = tempfile.TemporaryFile()  # noqa: SIM115 - closed in stop()
        self._proc = subprocess.Popen(
            # Prefect's command line through this module, so that the server ends with the
            # command even when the command is killed outright (no `finally` runs then)
            [sys.executable, "-m", "flows.api", "server", "start", "--host", "127.0.0.1"]
            + ["--port", str(self.port), *SERVER_FLAGS],
            env={**os.environ, "PREFECT_API_URL": "", PARENT_ENV: str(os.getpid())},
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # Ctrl-C reaches the command, which then stops the server
        )

    @property
    def pid(self) -> int:
        return self._proc.pid

    def wait_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while not healthy(self.url):
            if self._proc.poll() is not None:
                raise ApiError(f"the Prefect server exited with code {self._proc.returncode}: {self._tail()}")
            if time.monotonic() > deadline:
                raise ApiError(f"the Prefect server did not answer within {timeout:.0f} s: {self._tail()}")
            time.sleep(0.1)

    def _tail(self) -> str:
        self._log.seek(0)
        lines = self._log.read().decode("utf-8", "replace").strip().splitlines()
        return " / ".join(lines[-5:]) or "no output"

    def stop(self) -> None:
        if self._proc.poll() is None:
            os.killpg(self._proc.pid, signal.SIGTERM)
            try:
                self._proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self._proc.pid, signal.SIGKILL)
                self._proc.wait()
        self._log.close()


def deliver_pending_logs_and_events(timeout: float = 10.0) -> None:
    """Send the logs and events Prefect still queues to the server before it stops (Prefect would
    otherwise send them at interpreter exit, when the server is gone)."""
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker

    for worker in (APILogWorker, EventsWorker):
        worker.drain_all(timeout=timeout)


@contextmanager
def prefect_api(prepare: Callable[[bool], object] | None = None) -> Iterator[str | None]:
    """Yield the URL of the API to report to, starting a temporary server when none is configured.

    `prepare(booting)` runs first, while a temporary server boots if `booting` (the caller's
    heavy imports; work that would compete with the flow otherwise). Inside the block,
    PREFECT_API_URL names the server; it is restored afterwards.
    """
    from prefect.settings import (
        PREFECT_API_URL,
        PREFECT_SERVER_EPHEMERAL_ENABLED,
        PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS,
        temporary_settings,
    )

    url = configured_api_url()
    if url is not None or not PREFECT_SERVER_EPHEMERAL_ENABLED.value():
        if prepare:  # with neither, Prefect itself says that an API URL is needed
            prepare(False)
        yield url
        return

    server = TemporaryServer()
    try:
        if prepare:
            prepare(True)
        server.wait_ready(
            float(PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS.value() or DEFAULT_STARTUP_SECONDS)
        )
        previous = os.environ.get("PREFECT_API_URL")
        os.environ["PREFECT_API_URL"] = server.url  # for any child process that reports to Prefect
        try:
            with temporary_settings({PREFECT_API_URL: server.url}):
                try:
                    yield server.url
                finally:
                    deliver_pending_logs_and_events()
        finally:
            if previous is None:
                os.environ.pop("PREFECT_API_URL", None)
            else:
                os.environ["PREFECT_API_URL"] = previous
    finally:
        server.stop()


if __name__ == "__main__":
    # `python -m flows.api ARGS` is `prefect ARGS`, ended when the process that started it dies
    from tasks.lifeline import exit_with_parent

    exit_with_parent(int(os.environ.pop(PARENT_ENV, "0")) or None)
    from prefect.cli import app

    sys.argv[0] = "prefect"
    app()
