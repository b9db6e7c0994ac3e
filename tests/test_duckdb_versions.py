"""Older DuckDBs open the warehouse: the DuckDB command line from the `duckdb-cli` wheel and the
oldest Python `duckdb` the storage format is chosen for (1.1), each installed into a throwaway
environment from the package index, read every view and table of a real warehouse."""

from __future__ import annotations

import json
import subprocess
import venv
from pathlib import Path

import duckdb
import pytest

from tasks import load
from tests.warehouses import build_warehouse

pytestmark = pytest.mark.slow

OLDEST_PYTHON_DUCKDB = "duckdb==1.1.3"
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

READ_ALL = """
import json, sys
import duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
out = {"version": duckdb.__version__, "rows": {}}
for name in json.loads(sys.argv[2]):
    out["rows"][name] = [[str(v) for v in row] for row in con.execute(f"SELECT * FROM {name} ORDER BY ALL").fetchall()]
print(json.dumps(out))
"""


@pytest.fixture(scope="module")
def older_duckdb(tmp_path_factory) -> Path:
    """A throwaway environment with the `duckdb-cli` wheel and the oldest supported Python duckdb."""
    where = tmp_path_factory.mktemp("older-duckdb") / "venv"
    venv.EnvBuilder(with_pip=True).create(where)
    done = subprocess.run(
        [str(where / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
        + ["duckdb-cli", OLDEST_PYTHON_DUCKDB],
        capture_output=True,
        text=True,
        timeout=900,
    )
    output = done.stdout + done.stderr
    if done.returncode and any(sign in output for sign in UNREACHABLE):
        pytest.skip(f"the package index cannot be reached to install duckdb-cli and {OLDEST_PYTHON_DUCKDB}")
    assert done.returncode == 0, output[-2000:]
    return where / "bin"


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory) -> tuple[Path, dict[str, list[list[str]]]]:
    """A real warehouse, every view and table in it, and each one's rows as this DuckDB reads them."""
    wh = build_warehouse(tmp_path_factory.mktemp("versions"))
    con = duckdb.connect(str(wh / load.DB_NAME), read_only=True)
    try:
        names = [r[0] for r in con.execute("SHOW TABLES").fetchall()]
        rows = {
            n: [[str(v) for v in row] for row in con.execute(f"SELECT * FROM {n} ORDER BY ALL").fetchall()]
            for n in names
        }
    finally:
        con.close()
    assert {"articles", "comments", "rejects", "runs", "inputs", "pages"} <= set(names)
    assert rows["rejects"] and rows["comments"]  # every view has something to read
    return wh, rows


def test_every_view_reads_the_same_in_the_oldest_python_duckdb(older_duckdb, warehouse):
    wh, expected = warehouse
    done = subprocess.run(
        [str(older_duckdb / "python"), "-c", READ_ALL, str(wh / load.DB_NAME), json.dumps(sorted(expected))],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    got = json.loads(done.stdout)
    assert got["version"] == OLDEST_PYTHON_DUCKDB.split("==")[1]
    assert got["rows"] == expected


def test_every_view_reads_in_the_duckdb_command_line(older_duckdb, warehouse):
    wh, expected = warehouse
    cli = older_duckdb / "duckdb"
    version = subprocess.run([str(cli), "--version"], capture_output=True, text=True, timeout=60)
    assert version.returncode == 0 and version.stdout.startswith("v1."), version.stdout + version.stderr
    for name, rows in expected.items():
        done = subprocess.run(
            [
                str(cli),
                "-readonly",
                str(wh / load.DB_NAME),
                "-json",
                "-c",
                f"SELECT count(*) AS n FROM (FROM {name})",
            ],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0 and not done.stderr, f"{name}: {done.stderr}"
        assert json.loads(done.stdout) == [{"n": len(rows)}], name


def test_readme_count_of_comments_and_authors_in_the_command_line(older_duckdb, warehouse):
    """The README's DuckDB command, as printed there, on this warehouse."""
    wh, expected = warehouse
    done = subprocess.run(
        [str(older_duckdb / "duckdb"), "-readonly", str(wh / load.DB_NAME), "-csv", "-noheader"]
        + ["-c", "select count(*), count(author) from comments"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    authors = sum(1 for row in expected["comments"] if row[3] != "None")
    assert done.stdout.strip() == f"{len(expected['comments'])},{authors}"
