"""Shared fixtures. Prefect runs against a throw-away ephemeral API in a temporary PREFECT_HOME,
with telemetry off, so tests never touch the user's Prefect database."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings

from tests.prefect_server import prefect_api  # noqa: F401  (session fixture)

# CI replays the same generated examples on every run (a new random draw there could only make a
# green change red by chance); elsewhere every run explores new ones.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

_HOME = tempfile.mkdtemp(prefix="scrapeline-prefect-")
atexit.register(shutil.rmtree, _HOME, ignore_errors=True)
os.environ.setdefault("PREFECT_HOME", _HOME)
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
os.environ.setdefault("PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL", "WARNING")

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED_EXAMPLE = ROOT / "examples" / "seed_southfront.txt"


@pytest.fixture
def seed_text() -> str:
    return SEED_EXAMPLE.read_text(encoding="utf-8")


@pytest.fixture
def shared_corpus() -> Path:
    """../shared/corpus, or a clean skip where it is absent."""
    corpus = SHARED / "corpus"
    if not corpus.is_dir():
        pytest.skip("../shared/corpus is not present on this machine")
    return corpus
