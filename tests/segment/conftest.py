"""Checks on hand-made pages that the segmenter reads wrong today are listed in known_gaps.txt.

They stay in the suite as strict expected failures: one that starts passing fails the run until
it is taken off the list, and every check not on the list must pass. The list is the work list
for the next training data (docs/segmenter.md); it only ever shrinks.
"""

from __future__ import annotations

from pathlib import Path

import pytest

KNOWN_GAPS = Path(__file__).with_name("known_gaps.txt")


def _known_gaps() -> set[str]:
    lines = KNOWN_GAPS.read_text(encoding="utf-8").splitlines() if KNOWN_GAPS.exists() else []
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    gaps = _known_gaps()
    for item in items:
        test_id = item.nodeid.split("tests/segment/", 1)[-1]
        if test_id in gaps:
            item.add_marker(
                pytest.mark.xfail(strict=True, reason="a known gap of the segmenter (known_gaps.txt)")
            )
