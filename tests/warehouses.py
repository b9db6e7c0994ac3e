"""Small real warehouses for tests, made by the batch pipeline and the commit (no Prefect)."""

from __future__ import annotations

from pathlib import Path

from tasks.discover import discover
from tasks.load import utcnow
from tasks.pipeline import process_batch
from tasks.warehouse import Warehouse
from tests.synth import write_corpus


def build_warehouse(root: Path, pages: int = 20, seed: int = 11, batch: int = 10, run_id: str = "r1") -> Path:
    """A warehouse at `root/warehouse` over a synthetic corpus at `root/src` (bad files included,
    so `rejects` has rows), committed in one run of several batches; returns the warehouse folder."""
    src = write_corpus(root / "src", pages, seed=seed)
    wh = Warehouse.at(root / "warehouse")
    wh.init()
    parts: dict[str, list] = {}
    files = discover([str(src)]).files
    for i in range(0, len(files), batch):
        result = process_batch(files[i : i + batch], {}, wh, run_id, f"part-{i:05d}")
        for table, written in result.parts.items():
            parts.setdefault(table, []).extend(written)
    run_row = {"run_id": run_id, "files_seen": len(files), "command": "run"}
    parts["runs"] = [wh.write_run_row(run_id, run_row, utcnow(), status="completed")]
    wh.commit(run_id, parts)
    return wh.root
