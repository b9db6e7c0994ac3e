"""What a run shows: a progress bar while batches run, artifacts in the Prefect UI, a summary."""

from __future__ import annotations

import sys
from collections import defaultdict

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
from rich.progress import Progress as RichProgress
from rich.table import Table

from tasks.validate import ExpectationOutcome

stderr = Console(stderr=True)


class Progress:
    """A files-done bar on the terminal (stderr), or nothing when disabled or not a terminal."""

    def __init__(self, total: int, enabled: bool) -> None:
        self.enabled = enabled and total > 0 and sys.stderr.isatty()
        self.total = total
        self._bar: RichProgress | None = None

    def __enter__(self) -> Progress:
        if self.enabled:
            self._bar = RichProgress(
                TextColumn("scrapes"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=stderr,
                transient=True,
            )
            self._bar.start()
            self._task = self._bar.add_task("load", total=self.total)
        return self

    def advance(self, n: int) -> None:
        if self._bar is not None:
            self._bar.advance(self._task, n)

    def __exit__(self, *exc) -> None:
        if self._bar is not None:
            self._bar.stop()


def summarise_outcomes(outcomes: list[ExpectationOutcome]) -> list[dict]:
    """Merge per-batch outcomes into one line per expectation."""
    merged: dict[tuple[str, str], dict] = {}
    for o in outcomes:
        m = merged.setdefault(
            (o.suite, o.name),
            {
                "suite": o.suite,
                "expectation": o.name,
                "severity": o.severity,
                "rows": 0,
                "unexpected": 0,
                "examples": [],
            },
        )
        m["rows"] += o.element_count
        m["unexpected"] += o.unexpected_count
        m["examples"] = (m["examples"] + [e for e in o.examples if e not in m["examples"]])[:3]
    for m in merged.values():
        m["success"] = m["unexpected"] == 0
        m["unexpected_percent"] = round(100 * m["unexpected"] / m["rows"], 2) if m["rows"] else 0.0
    return sorted(merged.values(), key=lambda m: (m["suite"], m["expectation"]))


def publish_artifacts(summary: dict, outcomes: list[ExpectationOutcome]) -> None:
    """Counts by stage and reason, and the expectation results, as artifacts of the flow run."""
    from prefect.artifacts import create_markdown_artifact, create_table_artifact

    rows = [
        {"stage": "run", "reason": key, "rows": summary[key]}
        for key in ("files_seen", "files_new", "files_unchanged", "files_rejected", "articles", "comments")
    ]
    rows += [
        {"stage": r["stage"], "reason": r["reason"], "rows": r["rows"]} for r in summary["reject_reasons"]
    ]
    create_table_artifact(
        rows, key="run-counts", description=f"Counts by stage and reason, run {summary['run_id']}"
    )

    lines = [
        f"# Data quality, run `{summary['run_id']}`",
        "",
        "| suite | expectation | severity | result | unexpected | examples |",
        "|---|---|---|---|---|---|",
    ]
    by_suite = defaultdict(list)
    for m in summarise_outcomes(outcomes):
        by_suite[m["suite"]].append(m)
        examples = ", ".join(repr(e)[:60] for e in m["examples"]).replace("|", "\\|")
        verdict = "pass" if m["success"] else ("**fail**" if m["severity"] == "critical" else "warn")
        lines.append(
            f"| {m['suite']} | {m['expectation']} | {m['severity']} | {verdict} | {m['unexpected']} ({m['unexpected_percent']}%) | {examples} |"
        )
    if not by_suite:
        lines.append("| – | no rows were validated in this run | | | | |")
    create_markdown_artifact(
        "\n".join(lines), key="data-quality", description="Great Expectations results for this run"
    )


def print_summary(summary: dict, console: Console | None = None) -> None:
    """The short end-of-run report for the terminal."""
    console = console or Console()
    table = Table(show_header=False, box=None, pad_edge=False)
    table.add_column(style="bold")
    table.add_column(justify="right")
    table.add_row("files seen", str(summary["files_seen"]))
    table.add_row("  new or changed", str(summary["files_new"]))
    table.add_row("  unchanged", str(summary["files_unchanged"]))
    table.add_row("  rejected", str(summary["files_rejected"]))
    if summary.get("records_seen", 0) > summary["files_new"]:  # multi-record files or resegment
        table.add_row("records seen", str(summary["records_seen"]))
        for outcome in ("loaded", "duplicate", "rejected", "skipped"):
            table.add_row(f"  {outcome}", str(summary.get(f"records_{outcome}", 0)))
    elif summary.get("records_duplicate"):
        table.add_row("duplicates", str(summary["records_duplicate"]))
    table.add_row("articles loaded", str(summary["articles"]))
    table.add_row("comments loaded", str(summary["comments"]))
    table.add_row("reject rows", str(summary["rejects"]))
    table.add_row("seconds", f"{summary['seconds']:.1f}")
    console.print(f"[bold green]run {summary['run_id']} done[/] → {summary['warehouse']}")
    console.print(table)
    if summary.get("skipped"):
        console.print("skipped records (not pages):")
        for kind, n in summary["skipped"].items():
            console.print(f"  {kind:<42} {n:>6}")
    if summary.get("reject_reasons"):
        console.print("rejects by reason:")
        for r in summary["reject_reasons"]:
            console.print(f"  {r['stage']:<9} {r['reason']:<32} {r['rows']:>6}")
        console.print('  see them with: scrapeline sql "SELECT * FROM rejects"')
