"""One Prefect API server for every test that starts `scrapeline run` as a separate process.

Without it each such process starts its own temporary API (10 s or more); with it a process only
connects (about 2 s less work per run, and far less CPU on a shared machine). The server runs on a
free loopback port with its own PREFECT_HOME, and is stopped by its process id at the end.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from flows.api import free_port, healthy

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class PrefectApi:
    url: str
    home: str

    def env(self, **extra: str) -> dict[str, str]:
        """Environment for a `scrapeline` subprocess that reports to this server."""
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "SCRAPELINE_"))}
        env.update(
            PREFECT_API_URL=self.url,
            PREFECT_HOME=self.home,
            PREFECT_SERVER_ANALYTICS_ENABLED="false",
            GX_ANALYTICS_ENABLED="false",
            DO_NOT_TRACK="1",
            PYTHONPATH=str(ROOT),
        )
        env.update(extra)
        return env


@pytest.fixture(scope="session")
def prefect_api() -> Iterator[PrefectApi]:
    home = tempfile.mkdtemp(prefix="scrapeline-prefect-server-")
    port = free_port()
    url = f"http://127.0.0.1:{port}/api"
    env = PrefectApi(url, home).env(PREFECT_UI_API_URL=url)
    env.pop("PREFECT_API_URL")
    log = open(Path(home) / "server.log", "wb")  # noqa: SIM115 - closed at teardown
    server = subprocess.Popen(
        [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port)]
        + ["--no-ui", "--no-services"],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 120
        while not healthy(url):
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.fail(
                    f"prefect server did not start: {(Path(home) / 'server.log').read_text()[-2000:]}"
                )
            time.sleep(0.2)
        yield PrefectApi(url, home)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        log.close()
        shutil.rmtree(home, ignore_errors=True)
