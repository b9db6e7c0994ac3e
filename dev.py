#!/usr/bin/env python3
"""Set up the project's virtual environment from the lock file, then run one job.

    python3 dev.py example   # install (first time), run scrapeline on the bundled example, show it
    python3 dev.py test      # install (first time), lint and run the test suite
    python3 dev.py test --fast   # lint, then only the unit and property tests (no servers, no killed runs)
    python3 dev.py setup     # only install

Only the standard library is used here, so a machine with nothing but Python 3.11+ can run it.
The install is skipped when `.venv` already matches `requirements.lock` and `pyproject.toml`.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
STAMP = VENV / ".scrapeline-installed"
EXAMPLE_WAREHOUSE = ROOT / "warehouse"


def _fingerprint() -> str:
    h = hashlib.sha256()
    for name in ("requirements.lock", "pyproject.toml"):
        h.update((ROOT / name).read_bytes())
    return h.hexdigest()


def _run(*cmd: str | os.PathLike, **kw) -> None:
    result = subprocess.run([str(c) for c in cmd], cwd=ROOT, **kw)
    if result.returncode:
        sys.exit(result.returncode)


def setup() -> None:
    """Create `.venv` and install the locked dependencies plus the project (editable)."""
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py runs under whatever python3 the user has
        sys.exit(f"scrapeline needs Python 3.11 or newer (this is {sys.version.split()[0]})")
    want = _fingerprint()
    if STAMP.exists() and STAMP.read_text() == want:
        return
    if not (BIN / "python").exists():
        print("creating .venv ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    print("installing locked dependencies into .venv (first run takes a minute or two) ...", flush=True)
    pip = [BIN / "python", "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    _run(*pip, "-r", "requirements.lock")
    _run(*pip, "--no-deps", "-e", ".")
    STAMP.write_text(want)


def example() -> None:
    """Run the pipeline on the bundled example, then show what it loaded."""
    scrapeline = BIN / "scrapeline"
    _run(scrapeline, "run", "examples/", "--warehouse", EXAMPLE_WAREHOUSE)
    _run(
        scrapeline,
        "sql",
        "SELECT a.title, a.byline, a.word_count, a.comment_count, "
        "count(c.author) AS named, count(*) FILTER (WHERE c.author IS NULL) AS anonymous "
        "FROM articles a LEFT JOIN comments c USING (article_id) GROUP BY ALL",
        "--warehouse",
        EXAMPLE_WAREHOUSE,
    )


FAST = ["-m", "not slow"]  # tests marked slow start servers, clusters or `scrapeline` processes


def test() -> None:
    """Lint, then run the whole test suite (with --fast: the tests not marked slow)."""
    args = sys.argv[2:]
    if "--fast" in args:
        args = FAST + [a for a in args if a != "--fast"]
    _run(BIN / "ruff", "check", ".")
    _run(BIN / "ruff", "format", "--check", ".")
    _run(BIN / "python", "-m", "pytest", *args)


def main() -> None:
    jobs = {"setup": setup, "example": example, "test": test}
    job = sys.argv[1] if len(sys.argv) > 1 else ""
    if job not in jobs:
        sys.exit(__doc__)
    setup()
    if job != "setup":
        jobs[job]()


if __name__ == "__main__":
    main()
