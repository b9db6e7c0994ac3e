"""Data Docs: one page per suite per run (not per batch), warning-only failures shown as passed,
each expectation titled with its name and severity, and pages that work offline."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tasks.data_docs import build_data_docs, finish_result, merge_result
from tasks.discover import discover
from tasks.load import utcnow
from tasks.pipeline import process_batch
from tasks.warehouse import Warehouse
from tests.synth import write_corpus


def _result(suite: str, rows: list[tuple[str, str, int, int, list]]) -> dict:
    """A validation result as the batches carry it: (name, severity, elements, unexpected, examples)."""
    return {
        "suite_name": suite,
        "success": all(u == 0 for _, _, _, u, _ in rows),
        "meta": {},
        "statistics": {},
        "results": [
            {
                "success": unexpected == 0,
                "expectation_config": {
                    "type": "expect_column_values_to_not_be_null",
                    "kwargs": {"column": name},
                    "meta": {"name": name, "notes": f"what {name} is for"},
                    "severity": severity,
                },
                "result": {
                    "element_count": n,
                    "missing_count": 0,
                    "unexpected_count": unexpected,
                    "unexpected_percent": 100 * unexpected / n,
                    "partial_unexpected_list": examples,
                },
            }
            for name, severity, n, unexpected, examples in rows
        ],
    }


def test_batches_merge_into_one_result_per_suite():
    first = _result("comments", [("id_present", "critical", 10, 0, []), ("short", "warning", 10, 1, ["a"])])
    second = _result(
        "comments", [("id_present", "critical", 30, 0, []), ("short", "warning", 30, 2, ["b", "a"])]
    )
    merged = merge_result(merge_result(None, first), second)
    present, short = merged["results"]
    assert present["result"]["element_count"] == 40 and present["success"]
    assert short["result"]["unexpected_count"] == 3 and not short["success"]
    assert short["result"]["partial_unexpected_list"] == ["a", "b"]
    assert short["result"]["unexpected_percent"] == pytest.approx(7.5)
    assert merged["statistics"]["unsuccessful_expectations"] == 1
    # only a warning failed: the suite passed, with a warning
    assert merged["success"] is True and merged["meta"]["scrapeline_verdict"] == "passed with 1 warning(s)"
    assert short["expectation_config"]["description"] == "short · warning (reported only): what short is for"


def test_a_critical_failure_fails_the_suite():
    merged = finish_result(merge_result(None, _result("articles", [("body", "critical", 5, 1, ["x"])])))
    assert merged["success"] is False and merged["meta"]["scrapeline_verdict"].startswith(
        "failed: 1 critical"
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The Data Docs of one run of three batches, each batch's results merged as the flow does."""
    base = tmp_path_factory.mktemp("docs")
    wh = Warehouse.at(base / "w")
    wh.init()
    files = discover([str(write_corpus(base / "src", 18, seed=5))]).files
    merged: dict[str, dict] = {}
    for i in range(0, len(files), 6):
        for found in process_batch(files[i : i + 6], {}, wh, "r1", f"part-{i:05d}").validation_results:
            merged[found["suite_name"]] = merge_result(merged.get(found["suite_name"]), found)
    build_data_docs(wh.root, "r1", utcnow(), list(merged.values()))
    return wh.root / "data_docs"


def test_one_page_per_suite_for_a_run_of_several_batches(site):
    pages = sorted(p.relative_to(site).parts[1] for p in (site / "validations").rglob("*.html"))
    assert pages == ["articles", "comments"]


def test_pages_name_each_expectation_and_its_severity(site):
    [comments] = (site / "validations" / "comments").rglob("*.html")
    html = comments.read_text(encoding="utf-8")
    assert "comment_id_present · critical (quarantines failing rows)" in html
    assert "author_not_url · warning (reported only)" in html
    suite_page = (site / "expectations" / "comments.html").read_text(encoding="utf-8")
    assert "author_not_url · warning" in suite_page


def test_pages_load_no_script_style_or_image_from_the_network(site):
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        linked = re.findall(r'<(?:script|link|img)\b[^>]*?\b(?:src|href)="([^"]+)"', html)
        assert linked, page
        for target in linked:
            assert not target.startswith(("http:", "https:", "//")), (page, target)
            if not target.startswith(("#", "data:")):
                assert (page.parent / target.split("?")[0]).resolve().is_file(), (page, target)


@pytest.mark.slow
def test_the_run_list_renders_offline_in_headless_chromium(site, tmp_path):
    """The index's run list is drawn by bootstrap-table's script: with the scripts vendored, the
    rows are in the page a browser builds with no network."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if not browser:
        pytest.skip("no headless Chromium here (Debian: apt-get install chromium)")
    done = subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
        + ["--disable-component-update", "--no-first-run", f"--user-data-dir={tmp_path}", "--dump-dom"]
        + [(site / "index.html").as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    dom = done.stdout
    assert "bootstrap-table" in dom and dom.count("<tr") >= 3  # header and the two suites' rows
    assert ">r1<" in dom or "r1" in re.sub(r"<[^>]+>", " ", dom)
