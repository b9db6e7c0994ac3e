"""Validate stage: run the Great Expectations suites in `expectations/` on a batch's rows.

Each expectation carries a GX severity: `critical` ones quarantine every failing row (all of
them: the COMPLETE result format lists every index, not a sample); `warning` ones only report.
Great Expectations is imported on first use: it costs seconds and hundreds of MB.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

EXPECTATIONS_DIR = Path(
    os.environ.get("SCRAPELINE_EXPECTATIONS", Path(__file__).resolve().parent.parent / "expectations")
)
SUITES = ("articles", "comments")


@dataclass(slots=True)
class ExpectationOutcome:
    """What one expectation found in one batch (for reports and artifacts)."""

    suite: str
    name: str
    severity: str
    success: bool
    element_count: int
    unexpected_count: int
    examples: list[Any] = field(default_factory=list)


@dataclass(slots=True)
class Verdict:
    """Failing rows of one table: row index -> [(expectation name, offending value)]."""

    failures: dict[int, list[tuple[str, Any]]]
    outcomes: list[ExpectationOutcome]

    def quarantined(self) -> set[int]:
        return set(self.failures)


def load_suite_json(name: str) -> dict:
    with open(EXPECTATIONS_DIR / f"{name}.json", encoding="utf-8") as fh:
        return json.load(fh)


@cache
def _validator():
    """One ephemeral GX context per process, with a pandas asset per suite."""
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
    source = context.data_sources.add_pandas("scrapeline")
    batches = {}
    suites = {}
    for name in SUITES:
        batches[name] = source.add_dataframe_asset(name).add_batch_definition_whole_dataframe(name)
        suites[name] = gx.ExpectationSuite(**load_suite_json(name))
    return batches, suites


def _expectation_name(expectation) -> str:
    meta = expectation.meta or {}
    column = getattr(expectation, "column", None)
    return meta.get("name") or f"{expectation.expectation_type}({column})"


def validate_rows(suite: str, rows: list[dict]) -> Verdict:
    """Run one suite on rows (dicts with the table's columns); report failing rows by index."""
    if not rows:
        return Verdict({}, [])
    import pandas as pd

    batch_definitions, suites = _validator()
    frame = pd.DataFrame.from_records(rows)
    batch = batch_definitions[suite].get_batch(batch_parameters={"dataframe": frame})
    result = batch.validate(
        suites[suite], result_format={"result_format": "COMPLETE", "include_unexpected_rows": False}
    )
    failures: dict[int, list[tuple[str, Any]]] = {}
    outcomes = []
    for res in result.results:
        config = res.expectation_config
        name = _expectation_name(config)
        severity = str(getattr(config.severity, "value", config.severity))
        info = res.result or {}
        indexes = info.get("unexpected_index_list") or []
        values = info.get("unexpected_list") or []
        if res.exception_info and res.exception_info.get("raised_exception"):
            raise RuntimeError(
                f"expectation {name} could not run: {res.exception_info.get('exception_message')}"
            )
        outcomes.append(
            ExpectationOutcome(
                suite,
                name,
                severity,
                bool(res.success),
                int(info.get("element_count") or len(rows)),
                int(info.get("unexpected_count") or 0),
                [_plain(v) for v in values[:5]],
            )
        )
        if severity == "critical" and not res.success:
            for i, idx in enumerate(indexes):
                failures.setdefault(int(idx), []).append(
                    (name, _plain(values[i]) if i < len(values) else None)
                )
    return Verdict(failures, outcomes)


def _plain(value: Any) -> Any:
    """GX hands back numpy/pandas scalars and NaN: make them JSON-friendly."""
    if value is None:
        return None
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and value != value:
        return None
    return value
