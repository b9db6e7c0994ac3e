"""`scrapeline run` says what it will do before Prefect starts: the sources' files, how many are new."""

from __future__ import annotations

import argparse

from flows.cli import _preview


def _args(sources: list[str], warehouse, **over) -> argparse.Namespace:
    values = {
        "sources": sources,
        "warehouse": str(warehouse),
        "full_refresh": False,
        "quiet": False,
        "json": False,
    }
    return argparse.Namespace(**{**values, **over})


def test_preview_counts_the_files_a_run_will_read(tmp_path, capsys):
    src = tmp_path / "src"
    src.mkdir()
    for name in ("a.txt", "b.txt", ".hidden"):
        (src / name).write_text("text", encoding="utf-8")
    assert _preview(_args([str(src)], tmp_path / "no-warehouse-yet")) == 2
    assert "2 files found: 2 new or changed, 0 unchanged" in capsys.readouterr().err


def test_preview_is_silent_when_asked_and_never_fails_the_run(tmp_path, capsys):
    assert _preview(_args([str(tmp_path / "missing")], tmp_path / "w")) is None  # the flow reports it
    assert _preview(_args(["s3://bucket/prefix"], tmp_path / "w")) is None  # not listed twice
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text("text", encoding="utf-8")
    assert _preview(_args([str(src)], tmp_path / "w", json=True)) == 1
    assert capsys.readouterr().err == ""
