"""The command line as a user meets it: errors in one line that name what was given, the whole of
DuckDB's hints, options anywhere, a version, the project file, the run history, the DuckDB shell
and exports. (Runs through Prefect are in test_monitoring.py.)"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys

import pyarrow.parquet as pq
import pytest

from tests.conftest import ROOT
from tests.warehouses import build_warehouse


def scrapeline(
    *args: str, cwd=ROOT, env: dict | None = None, timeout: float = 180
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "flows.cli", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
    )


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    return build_warehouse(tmp_path_factory.mktemp("commands"))


@pytest.mark.parametrize("path", ["a[/]b", "[red]nope", "[bold]x[/bold]"])
def test_a_missing_source_is_named_as_given_without_a_traceback(path, tmp_path):
    done = scrapeline("run", path, "--warehouse", str(tmp_path / "w"))
    assert done.returncode == 2
    assert f"no such file or folder: {path}" in done.stderr
    assert "Traceback" not in done.stderr and "MarkupError" not in done.stderr


def test_sql_prints_bracketed_text_intact(warehouse):
    done = scrapeline(
        "sql", "SELECT '#odds [insert democrat here] wins' AS text", "--warehouse", str(warehouse)
    )
    assert done.returncode == 0, done.stderr
    assert "#odds [insert democrat here] wins" in done.stdout


def test_sql_errors_keep_duckdbs_hints(warehouse):
    done = scrapeline("sql", "SELECT txt FROM comments", "--warehouse", str(warehouse))
    assert done.returncode == 2
    assert "Candidate bindings" in done.stderr and '"text"' in done.stderr


def test_an_unknown_reject_stage_is_a_usage_error(warehouse):
    done = scrapeline("rejects", "--stage", "bogus", "--warehouse", str(warehouse))
    assert done.returncode == 2
    assert "invalid choice: 'bogus'" in done.stderr


def test_an_unknown_reject_reason_names_the_reasons_there_are(warehouse):
    done = scrapeline("rejects", "--reason", "no such reason", "--warehouse", str(warehouse))
    assert done.returncode == 2
    assert "the reasons are:" in done.stderr


def test_verbose_and_config_work_after_the_command_too(warehouse):
    done = scrapeline("sql", "SELECT 1 AS one", "--warehouse", str(warehouse), "--verbose")
    assert done.returncode == 0, done.stderr


def test_version():
    done = scrapeline("--version")
    assert done.returncode == 0
    assert done.stdout.startswith("scrapeline 0.") and "duckdb" in done.stdout


def test_runs_lists_the_history(warehouse):
    done = scrapeline("runs", "--warehouse", str(warehouse), "--format", "json")
    assert done.returncode == 0, done.stderr
    [run] = json.loads(done.stdout)
    assert run["run_id"] == "r1" and run["command"] == "run" and run["files_seen"] > 0
    table = scrapeline("runs", "--warehouse", str(warehouse))
    assert "r1" in table.stdout and "files_seen" in table.stdout


def test_shell_opens_the_duckdb_command_line_read_only(warehouse):
    done = scrapeline("shell", "--warehouse", str(warehouse), "-c", "SELECT count(*) AS n FROM comments")
    assert done.returncode == 0, done.stderr
    (expected,) = (r for r in [_count(warehouse, "comments")])
    assert str(expected) in done.stdout
    write = scrapeline("shell", "--warehouse", str(warehouse), "-c", "CREATE TABLE t AS SELECT 1")
    assert write.returncode != 0 and "read-only" in (write.stdout + write.stderr).lower()


def _count(warehouse, table) -> int:
    import duckdb

    con = duckdb.connect(str(warehouse / "warehouse.duckdb"), read_only=True)
    try:
        return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        con.close()


@pytest.mark.parametrize("suffix", [".parquet", ".csv", ".jsonl"])
def test_export_writes_a_table_to_a_file(warehouse, tmp_path, suffix):
    out = tmp_path / f"comments{suffix}"
    done = scrapeline("export", "comments", str(out), "--warehouse", str(warehouse))
    assert done.returncode == 0, done.stderr
    n = _count(warehouse, "comments")
    if suffix == ".parquet":
        assert pq.read_table(out).num_rows == n
    elif suffix == ".csv":
        with open(out, newline="", encoding="utf-8") as fh:
            assert len(list(csv.DictReader(fh))) == n
    else:
        assert len([json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]) == n
    assert not list(tmp_path.glob(".*.tmp"))


def test_export_refuses_an_unknown_table_or_format(warehouse, tmp_path):
    assert (
        scrapeline("export", "nope", str(tmp_path / "x.csv"), "--warehouse", str(warehouse)).returncode == 2
    )
    assert (
        scrapeline("export", "comments", str(tmp_path / "x.xlsx"), "--warehouse", str(warehouse)).returncode
        == 2
    )


def test_init_writes_a_project_file_that_every_command_reads(warehouse, tmp_path):
    project = tmp_path / "project"
    (project / "sub").mkdir(parents=True)
    done = scrapeline("init", "scrapes/", "--warehouse", str(warehouse), cwd=project)
    assert done.returncode == 0, done.stderr
    assert (project / "scrapeline.toml").is_file()
    again = scrapeline("init", cwd=project)
    assert again.returncode == 2 and "exists already" in again.stderr
    # no --warehouse: the file's, found from a folder below it too
    runs = scrapeline("runs", "--format", "json", cwd=project / "sub")
    assert runs.returncode == 0, runs.stderr
    assert json.loads(runs.stdout)[0]["run_id"] == "r1"


def test_a_project_file_with_an_unknown_key_is_a_clear_error(tmp_path):
    (tmp_path / "scrapeline.toml").write_text('warehouse = "w"\nwarehose = "typo"\n')
    done = scrapeline("runs", cwd=tmp_path)
    assert done.returncode == 2 and "unknown key warehose" in done.stderr


def test_run_without_sources_and_without_a_project_file_says_what_is_missing(tmp_path):
    done = scrapeline("run", cwd=tmp_path)
    assert done.returncode == 2 and "no SOURCE given" in done.stderr


def test_docs_without_data_docs_says_so(warehouse):
    done = scrapeline("docs", "--warehouse", str(warehouse))
    assert done.returncode == 2 and "no Data Docs" in done.stderr


def test_sql_on_a_warehouse_copied_away_from_a_folder_that_is_gone(warehouse, tmp_path):
    import shutil

    first, second = tmp_path / "first", tmp_path / "second"
    shutil.copytree(warehouse, first)
    assert scrapeline("runs", "--warehouse", str(first)).returncode == 0  # its views now read first/
    shutil.copytree(first, second)
    shutil.rmtree(first)  # as on another machine: the folder the views name is not there
    done = scrapeline(
        "sql", "SELECT count(*) AS n FROM comments", "--warehouse", str(second), "--format", "csv"
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[1] == str(_count(warehouse, "comments"))
