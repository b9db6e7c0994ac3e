"""Batches whose rows are validated together (`process_batch(hold=True)`, `finish_held`) write
what batches validated one by one write: the same articles, comments, rejects and pages, counts,
reject reasons, expectation outcomes and validation results, with one GX call per suite."""

from __future__ import annotations

import shutil
from datetime import datetime

import pyarrow.parquet as pq
import pytest

from tasks import validate
from tasks.dedup import DedupIndex
from tasks.discover import discover
from tasks.pipeline import finish_held, process_batch, settle_late_duplicates, settle_late_near_duplicates
from tests.conftest import SEED_EXAMPLE
from tests.segment.pages import WORDPRESS
from tests.synth import write_corpus
from tests.validate.test_quality import URL_AUTHOR, quoting_page

VOLATILE = {"ingested_at", "rejected_at", "seen_at"}
TABLES = ("articles", "comments", "rejects", "pages", "inputs")


@pytest.fixture(autouse=True)
def fixed_parameters(monkeypatch):
    """The suite parameters of one moment, so two runs compare value for value."""
    at = datetime(2026, 1, 1)  # naive UTC, as the rows' dates
    monkeypatch.setattr(validate, "suite_parameters", lambda: {"latest_plausible_time": at})


@pytest.fixture(scope="module")
def batches(tmp_path_factory):
    src = write_corpus(tmp_path_factory.mktemp("held") / "in", 48)
    shutil.copy(SEED_EXAMPLE, src / "seed.txt")
    shutil.copy(SEED_EXAMPLE, src / "site1" / "seed-copy.txt")  # an exact copy, in a later batch
    for i, name in enumerate(("site0/quoting.md", "site2/quoting.md", "site3/quoting.md")):
        # comments quarantined for repeating the body, in three batches of the group
        (src / name).write_text(
            quoting_page(30 + 10 * i, title=f"Harbour pier {i} to be extended"), encoding="utf-8"
        )
    # a commenter who signs with a web address: a warning, reported but loaded
    (src / "site3" / "wordpress.txt").write_text(
        WORDPRESS.replace("Linda Park says:", f"{URL_AUTHOR} says:"), encoding="utf-8"
    )
    seed = SEED_EXAMPLE.read_text(encoding="utf-8")
    (src / "site2" / "seed-edited.txt").write_text(seed.replace("get a life", "get a grip"), encoding="utf-8")
    files = sorted(discover([str(src)]).files, key=lambda f: f.source)
    return [files[i : i + 12] for i in range(0, len(files), 12)]


def _tables(result, wh) -> dict[str, list[dict]]:
    out = {}
    for table in TABLES:
        rows = [r for rel, _ in result.parts.get(table, []) for r in pq.read_table(wh / rel).to_pylist()]
        out[table] = [{k: v for k, v in r.items() if k not in VOLATILE} for r in rows]
    return out


def _seen(result, wh) -> dict:
    results = [dict(r, meta={**r["meta"], "batch_markers": {}}) for r in result.validation_results]
    return {
        "tables": _tables(result, wh),
        "counts": +result.counts,
        "reasons": +result.reject_reasons,
        "outcomes": result.outcomes,
        "results": results,
        "skipped": result.skipped,
    }


def _settled(result, seen, wh) -> None:
    settle_late_duplicates(result, seen, wh)
    settle_late_near_duplicates(result, seen, wh)
    seen.merge(result.dedup)


def test_batches_validated_together_write_what_batches_validated_alone_write(batches, tmp_path, monkeypatch):
    alone_wh, seen = tmp_path / "alone", DedupIndex()
    alone = []
    for i, files in enumerate(batches):
        result = process_batch(files, {}, alone_wh, "r1", f"part-{i:05d}", seen=seen)
        _settled(result, seen, alone_wh)
        alone.append(_seen(result, alone_wh))

    calls = []
    run = validate._run_suite_listing
    monkeypatch.setattr(
        validate,
        "_run_suite_listing",
        lambda suite, frame, relist: calls.append(suite) or run(suite, frame, relist),
    )
    wh, seen = tmp_path / "together", DedupIndex()
    held = []
    for i, files in enumerate(batches):
        result = process_batch(files, {}, wh, "r1", f"part-{i:05d}", seen=seen, hold=True)
        assert not result.parts.get("articles") and result.held is not None
        seen.merge(result.dedup)  # the exact keys at once, as the run does
        held.append(result)
    together = []
    for result in finish_held(held, wh, seen):
        _settled(result, seen, wh)
        together.append(_seen(result, wh))

    assert [t["tables"] for t in together] == [a["tables"] for a in alone]
    for t, a in zip(together, alone, strict=True):
        assert {k: t[k] == a[k] for k in a} == dict.fromkeys(a, True)
    assert together == alone
    assert calls == ["articles", "comments"]  # one GX call per suite for the whole group
    assert sum(any(r["stage"] == "validate" for r in a["tables"]["rejects"]) for a in alone) >= 2
    assert any(o.severity == "warning" and not o.success for a in alone for o in a["outcomes"])
    assert sum(a["counts"]["records_duplicate"] for a in alone) >= 1
    assert any(r["near_duplicate_of"] for a in alone for r in a["tables"]["articles"])
