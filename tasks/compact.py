"""Compaction: rewrite a table's many small committed part files into a few large ones.

Every batch of a run writes one part file per table, so a warehouse loaded in many runs (or
one big run) holds many small files with small row groups. `compact` streams each table's small
files through DuckDB (bounded memory) into large zstd Parquet files with large row groups, then
swaps the catalog in one DuckDB transaction, exactly like a run's commit: readers see the old
files or the new ones, never both or neither. A compaction killed before its commit leaves
only unlisted files (the next run removes them); the old files are deleted after the commit.
Rows keep every column, so the views (newest version per source) are unchanged.
"""

from __future__ import annotations

import os
import secrets
import shutil
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from tasks import load

SMALL_FILE_BYTES = 64 * 2**20  # files below this are worth merging
ROW_GROUP_ROWS = 131_072  # large row groups (>= 100,000 rows), still several per core to scan in parallel
ROW_GROUP_BYTES = 128 * 2**20  # ...but never more than this in memory at once (wide article rows)
FILE_ROWS = 10_000_000


@dataclass(slots=True)
class TableCompaction:
    table: str
    files_before: int
    files_after: int
    rows: int


def _small_files(warehouse: Path, con) -> dict[str, list[tuple[str, int]]]:
    """table -> committed (path, rows) of files small enough to merge."""
    out: dict[str, list[tuple[str, int]]] = {}
    for table, path, rows in con.execute(
        f"SELECT table_name, path, rows FROM {load.CATALOG} ORDER BY committed_at, path"
    ).fetchall():
        file = warehouse / path
        if file.exists() and file.stat().st_size < SMALL_FILE_BYTES:
            out.setdefault(table, []).append((path, rows))
    return out


def _rewrite(warehouse: Path, table: str, paths: list[str], tag: str) -> list[tuple[str, int]]:
    """Stream the files' rows into new large files; return their (relative path, rows)."""
    import duckdb

    files = ", ".join(load._quote(str(warehouse / p)) for p in paths)
    con = duckdb.connect()  # in-memory: reads only the Parquet files, never warehouse.duckdb
    con.execute("SET memory_limit = '512MB'")
    query = f"SELECT * FROM read_parquet([{files}], union_by_name = true, hive_partitioning = false)"
    reader = con.sql(query).to_arrow_reader(64_000)
    folder = warehouse / table / f"compact={tag}"
    folder.mkdir(parents=True, exist_ok=True)
    written: list[tuple[str, int]] = []
    writer: pq.ParquetWriter | None = None
    pending: list[pa.RecordBatch] = []
    pending_rows = pending_bytes = file_rows = 0

    def flush() -> None:
        nonlocal writer, pending, pending_rows, pending_bytes, file_rows
        if not pending:
            return
        if writer is None:
            final = folder / f"part-{len(written):05d}.parquet"
            writer = pq.ParquetWriter(folder / f".{final.name}.tmp", reader.schema, compression="zstd")
            written.append((final.relative_to(warehouse).as_posix(), 0))
        writer.write_table(pa.Table.from_batches(pending, reader.schema), row_group_size=pending_rows)
        rel, n = written[-1]
        written[-1] = (rel, n + pending_rows)
        file_rows += pending_rows
        pending, pending_rows, pending_bytes = [], 0, 0
        if file_rows >= FILE_ROWS:
            close()

    def close() -> None:
        nonlocal writer, file_rows
        if writer is not None:
            writer.close()
            final = warehouse / written[-1][0]
            os.replace(final.with_name(f".{final.name}.tmp"), final)
            writer, file_rows = None, 0

    for batch in reader:
        pending.append(batch)
        pending_rows += batch.num_rows
        pending_bytes += batch.nbytes
        if pending_rows >= ROW_GROUP_ROWS or pending_bytes >= ROW_GROUP_BYTES:
            flush()
    flush()
    close()
    con.close()
    return written


def compact(warehouse: Path, min_files: int = 2) -> list[TableCompaction]:
    """Merge each table's small committed files (when it has at least `min_files` of them) into
    a few large ones and swap them into the catalog atomically. Holds the writer lock."""
    warehouse = warehouse.resolve()
    done: list[TableCompaction] = []
    with load.writer_lock(warehouse):
        load.upgrade(warehouse)
        load.remove_orphans(warehouse)
        con = load.connect(warehouse, read_only=True)
        try:
            small = _small_files(warehouse, con)
        finally:
            con.close()
        tag = load.utcnow().strftime("%Y%m%dT%H%M%S") + "-" + secrets.token_hex(3)
        swaps: dict[str, tuple[list[str], list[tuple[str, int]]]] = {}
        for table, files in small.items():
            if len(files) < min_files:
                continue
            paths = [p for p, _ in files]
            swaps[table] = (paths, _rewrite(warehouse, table, paths, tag))
            done.append(TableCompaction(table, len(paths), len(swaps[table][1]), sum(n for _, n in files)))
        if not swaps:
            return done
        _swap(warehouse, tag, swaps)
        for old, _ in swaps.values():
            for path in old:
                (warehouse / path).unlink(missing_ok=True)
        for table in swaps:  # run=... folders emptied by the swap
            for folder in (warehouse / table).iterdir():
                if folder.is_dir() and not any(folder.iterdir()):
                    shutil.rmtree(folder, ignore_errors=True)
    return done


def _swap(warehouse: Path, tag: str, swaps: dict[str, tuple[list[str], list[tuple[str, int]]]]) -> None:
    """Replace old catalog entries by the new files and rebuild the views, in one transaction."""
    now = load.utcnow()
    con = load.connect(warehouse, read_only=False)
    try:
        con.execute("BEGIN TRANSACTION")
        for table, (old, new) in swaps.items():
            con.executemany(
                f"DELETE FROM {load.CATALOG} WHERE table_name = ? AND path = ?", [[table, p] for p in old]
            )
            con.executemany(
                f"INSERT INTO {load.CATALOG} VALUES (?, ?, ?, ?, ?)",
                [[table, path, f"compact-{tag}", rows, now] for path, rows in new],
            )
        load._rebuild_views(con, warehouse)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    finally:
        con.close()
