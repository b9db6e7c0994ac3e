"""The package installs anywhere: a wheel built from this tree, installed into a fresh virtual
environment (no source tree on its path), runs the bundled example from an empty folder, with
the views' SQL and the expectation suites read from the installed package."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# what pip says when it cannot reach or find packages (no network, no index): not this project's fault
UNREACHABLE = (
    "No matching distribution",
    "Could not find a version",
    "Failed to establish",
    "Network is unreachable",
    "Temporary failure in name resolution",
    "ConnectionError",
    "Read timed out",
)

pytestmark = pytest.mark.slow


def _pip(python: Path, *args: str | Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(python), "-m", "pip", "--disable-pip-version-check", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=900,
    )


def _build_wheel(dist: Path) -> Path:
    """The project's wheel; without an index to fetch the build backend from, this environment's."""
    built = _pip(Path(sys.executable), "wheel", "--no-deps", "--wheel-dir", dist, ROOT)
    if built.returncode:
        built = _pip(
            Path(sys.executable), "wheel", "--no-deps", "--no-build-isolation", "--wheel-dir", dist, ROOT
        )
    assert built.returncode == 0, built.stdout[-2000:] + built.stderr[-2000:]
    [wheel] = dist.glob("scrapeline-*.whl")
    return wheel


def _fresh_venv(where: Path, wheel: Path) -> Path:
    """A new environment holding the wheel and its dependencies, pinned by the lock file."""
    venv.EnvBuilder(with_pip=True).create(where)
    python = where / "bin" / "python"
    installed = _pip(python, "install", "--quiet", "-c", ROOT / "requirements.lock", wheel)
    if installed.returncode:
        output = installed.stdout + installed.stderr
        if any(sign in output for sign in UNREACHABLE):
            pytest.skip(f"the wheel's dependencies cannot be installed here: {output.strip()[-300:]}")
        pytest.fail(f"pip could not install the wheel:\n{output[-3000:]}")
    return python


def test_the_wheel_runs_the_example_from_an_empty_folder(tmp_path, prefect_api):
    wheel = _build_wheel(tmp_path / "dist")
    python = _fresh_venv(tmp_path / "venv", wheel)
    scrapeline = python.parent / "scrapeline"
    empty = tmp_path / "empty"
    empty.mkdir()
    env = prefect_api.env()
    env.pop("PYTHONPATH")  # nothing of the source tree: only what the wheel installed
    env["PATH"] = f"{python.parent}{os.pathsep}{env.get('PATH', '')}"

    def run(*args: str | Path) -> str:
        done = subprocess.run(
            [str(a) for a in args], cwd=empty, env=env, capture_output=True, text=True, timeout=600
        )
        assert done.returncode == 0, done.stderr[-3000:]
        return done.stdout

    where = run(python, "-c", "import tasks, tasks.sql, tasks.expectations; print(tasks.__file__)")
    assert Path(where.strip()).is_relative_to(tmp_path / "venv")

    summary = json.loads(
        run(scrapeline, "run", ROOT / "examples", "--warehouse", "wh", "--json").splitlines()[-1]
    )
    assert (summary["files_new"], summary["articles"], summary["comments"], summary["rejects"]) == (
        1,
        1,
        50,
        0,
    )
    counts = run(
        scrapeline, "sql", "SELECT count(*) AS n FROM comments", "--warehouse", "wh", "--format", "csv"
    )
    assert counts.split() == ["n", "50"]
    checked = json.loads(run(scrapeline, "validate", "--warehouse", "wh", "--format", "json"))
    assert {c["suite"] for c in checked} == {"articles", "comments"}  # the suites shipped as package data
    assert sorted(p.name for p in empty.iterdir()) == ["wh"]
