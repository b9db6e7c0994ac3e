"""One warehouse folder as an object: its Parquet parts, the catalog of committed ones, the views,
the writer lock and the state a run reads back (what is loaded, the pages, duplicates' keys).

Flows and batches hold a `Warehouse` and never a path or a pyarrow table: where a part lives,
how it is written, rewritten or read, and how a commit makes parts visible is decided here
(on top of the storage primitives of `tasks.load`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pyarrow.parquet as pq

from tasks import load
from tasks.data_docs import build_data_docs, docs_index
from tasks.dedup import DedupIndex, index_from_keys

Part = tuple[str, int]  # a part file: its path relative to the warehouse, and its rows
Parts = dict[str, list[Part]]  # table -> parts


@dataclass(frozen=True, slots=True)
class Warehouse:
    """A local warehouse folder (an S3 warehouse is worked on through its mirror folder)."""

    root: Path

    @classmethod
    def at(cls, location: str | Path) -> Warehouse:
        return cls(Path(location).expanduser().resolve())

    def __str__(self) -> str:
        return str(self.root)

    # ------------------------------------------------------------ life cycle

    @property
    def exists(self) -> bool:
        return (self.root / load.DB_NAME).exists()

    def lock(self, on_wait: Callable[[str], None] | None = None) -> AbstractContextManager[None]:
        """The writer lock: one writing command at a time (a second one waits)."""
        return load.writer_lock(self.root, on_wait=on_wait)

    def full_refresh(self) -> None:
        load.full_refresh(self.root)

    def remove_orphans(self) -> int:
        return load.remove_orphans(self.root)

    def upgrade(self) -> str | None:
        """A database in a newer DuckDB storage format rewritten in the one every DuckDB from 1.1
        reads; views of a copied or moved warehouse pointed at its own files. Under the lock."""
        return load.upgrade(self.root)

    def init(self) -> None:
        """The folder, the catalog and empty views, unless the warehouse exists already."""
        if not self.exists:
            load.init_warehouse(self.root)

    # ------------------------------------------------------------ parts and the commit

    def write_part(self, table: str, rows: list[dict], run_id: str, part: str) -> Part | None:
        """Rows as one uncommitted part file of `table` (None when there are no rows)."""
        return load.write_part(self.root, table, rows, run_id, part)

    def rewrite_part(self, part: str, table: str, edit: Callable[[list[dict]], list[dict]]) -> Part | None:
        """An uncommitted part's rows replaced by `edit(rows)`; the file goes when none are left."""
        return load.rewrite_part(self.root, part, table, edit)

    def read_part(self, part: str, columns: list[str] | None = None) -> list[dict]:
        return pq.read_table(self.root / part, columns=columns).to_pylist()

    def write_run_row(self, run_id: str, summary: dict, started: datetime, **fields) -> Part | None:
        return load.write_run_row(self.root, run_id, summary, started, **fields)

    def commit(self, run_id: str, parts: Parts) -> None:
        """Every part of the run visible at once, with the views rebuilt, in one transaction."""
        load.commit(self.root, run_id, parts)

    # ------------------------------------------------------------ what is loaded

    def state(self) -> dict[str, tuple[int, int, str | None, str]]:
        """source -> (size, mtime_ns, content_hash, status) of its newest committed input."""
        return load.load_state(self.root)

    def dedup_index(self) -> DedupIndex:
        """Exact and near duplicates' keys of every page and article loaded."""
        return index_from_keys(*load.read_dedup_keys(self.root))

    def pages(self, batch_rows: int) -> Iterator[list[dict]]:
        """The newest version of every page that is not a duplicate, in load order, in batches."""
        return load.read_pages(self.root, batch_rows)

    def query(self, sql: str) -> list[tuple]:
        """Rows of a read-only query on the views."""
        con = load.connect(self.root, read_only=True)
        try:
            return con.execute(sql).fetchall()
        finally:
            con.close()

    @property
    def data_docs(self) -> Path:
        """The Data Docs site's index page (there once a run has built it)."""
        return docs_index(self.root)

    def build_data_docs(self, run_id: str, run_time: datetime, results: list[dict]) -> Path:
        """Store a run's validation results and rebuild the Data Docs site under the warehouse."""
        return build_data_docs(self.root, run_id, run_time, results)
