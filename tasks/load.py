"""Load stage: rows -> zstd Parquet part files, and the atomic commit that makes them visible.

A part file is written under a temporary name and renamed into place, but it is not part of
the warehouse until a commit lists it in the catalog table of `warehouse.duckdb`. The commit
inserts the run's files and rebuilds every view in one DuckDB transaction, so a reader sees the
old warehouse or the new one, never half of a run; a killed run leaves only unlisted files,
which the next run deletes. The incremental state is read back from the committed `inputs`.
"""

from __future__ import annotations

import errno
import fcntl
import os
import shutil
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib.resources import files
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from tasks.crash import crash_point

DB_NAME = "warehouse.duckdb"
CATALOG = "_scrapeline_files"
TS = pa.timestamp("us")
# `warehouse.duckdb` is written in the storage format of DuckDB 1.1, which every DuckDB from 1.1 on
# reads (the CLI, DBeaver, Harlequin, a notebook's older `duckdb`); the newest format would lock
# out every DuckDB older than the one writing it. STORAGE_FORMAT is the number that format has in
# the file's header; a database in a newer one is rewritten in this one by the next writing command.
STORAGE_VERSION = "v1.1.0"
STORAGE_FORMAT = 64
WRITE_CONFIG = {"storage_compatibility_version": STORAGE_VERSION}

SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema(
        [
            ("article_id", pa.string()),
            ("source", pa.string()),
            ("url", pa.string()),
            ("domain", pa.string()),
            ("title", pa.string()),
            ("byline", pa.string()),
            ("published_at", TS),
            ("body", pa.string()),
            ("word_count", pa.int32()),
            ("language", pa.string()),
            ("comment_count", pa.int32()),
            ("comment_system", pa.string()),
            ("format", pa.string()),
            ("content_hash", pa.string()),
            ("scraped_at", TS),
            ("title_rule", pa.string()),
            ("byline_rule", pa.string()),
            ("near_duplicate_of", pa.string()),  # source of an earlier article with a near-identical body
            ("body_simhash", pa.int64()),
            ("run_id", pa.string()),
            ("ingested_at", TS),
        ]
    ),
    "comments": pa.schema(
        [
            ("comment_id", pa.string()),
            ("article_id", pa.string()),
            ("position", pa.int32()),
            ("author", pa.string()),
            ("text", pa.string()),
            ("word_count", pa.int32()),
            ("rule", pa.string()),
            ("parent_position", pa.int32()),
            ("published_text", pa.string()),
            ("published_at", TS),
            ("run_id", pa.string()),
        ]
    ),
    "rejects": pa.schema(
        [
            ("source", pa.string()),
            ("stage", pa.string()),
            ("reason", pa.string()),
            ("detail", pa.string()),
            ("content_hash", pa.string()),
            ("run_id", pa.string()),
            ("rejected_at", TS),
            ("reject_id", pa.string()),  # unique: run, batch part, index
            ("row_id", pa.string()),  # article_id or comment_id of a quarantined row
        ]
    ),
    # A reject that a later run (`scrapeline replay`) found passing: the `rejects` view hides it,
    # `rejects_all` keeps it with the run that resolved it.
    "resolutions": pa.schema(
        [
            ("reject_id", pa.string()),
            ("resolved_by_run", pa.string()),
            ("resolved_at", TS),
        ]
    ),
    "inputs": pa.schema(
        [
            ("source", pa.string()),
            ("path", pa.string()),
            ("size", pa.int64()),
            ("mtime_ns", pa.int64()),
            ("content_hash", pa.string()),
            ("status", pa.string()),  # loaded | unchanged | rejected
            ("records", pa.int32()),
            ("format", pa.string()),
            ("records_skipped", pa.int32()),
            ("run_id", pa.string()),
            ("seen_at", TS),
        ]
    ),
    "runs": pa.schema(
        [
            ("run_id", pa.string()),
            ("flow_run_id", pa.string()),
            ("started_at", TS),
            ("finished_at", TS),
            ("status", pa.string()),
            ("files_seen", pa.int64()),
            ("files_new", pa.int64()),
            ("files_unchanged", pa.int64()),
            ("files_rejected", pa.int64()),
            ("articles", pa.int64()),
            ("comments", pa.int64()),
            ("rejects", pa.int64()),
            ("seconds", pa.float64()),
            ("sources", pa.string()),
            ("command", pa.string()),  # run | resegment
            ("records_seen", pa.int64()),
            ("records_loaded", pa.int64()),
            ("records_duplicate", pa.int64()),
            ("records_rejected", pa.int64()),
            ("records_skipped", pa.int64()),
            ("skipped", pa.string()),  # JSON: kind of non-page record -> count
        ]
    ),
    # The raw layer: every input record as read (cleaned text, metadata), so that articles and
    # comments can be rebuilt from it (`scrapeline resegment`) without the source files.
    "pages": pa.schema(
        [
            ("page_id", pa.string()),  # = article_id of the article made from it
            ("source", pa.string()),
            ("format", pa.string()),  # text | markdown | html
            ("container", pa.string()),  # jsonl | csv | warc, or null for a one-page file
            ("url", pa.string()),
            ("title", pa.string()),  # title given by the input's metadata
            ("byline", pa.string()),  # authors given by the input's metadata
            ("published_at", TS),
            ("scraped_at", TS),
            ("text", pa.string()),
            ("meta", pa.string()),  # JSON object of the input's other fields
            ("content_hash", pa.string()),
            ("text_hash", pa.string()),  # hash of `text`: equal text and url, exact duplicate
            ("duplicate_of", pa.string()),  # source already holding this text; this one is not loaded
            ("run_id", pa.string()),
            ("ingested_at", TS),
        ]
    ),
}
TABLES = tuple(SCHEMAS)
# Tables whose user-facing `*_all` view is defined in views.sql over the raw parts view named here.
RAW_VIEWS = {"rejects": "_rejects_parts"}
_DUCK_TYPES = {
    pa.string(): "VARCHAR",
    pa.int32(): "INTEGER",
    pa.int64(): "BIGINT",
    pa.float64(): "DOUBLE",
    pa.bool_(): "BOOLEAN",
    TS: "TIMESTAMP",
}


def views_sql() -> str:
    """The user-facing views over the `*_all` views (package data: `warehouse/views.sql`)."""
    return (files("tasks.sql") / "views.sql").read_text(encoding="utf-8")


def utcnow() -> datetime:
    """Naive UTC: the TIMESTAMP columns of the contract carry no zone."""
    return datetime.now(UTC).replace(tzinfo=None)


class WarehouseError(Exception):
    """The warehouse cannot be used (unreadable, locked too long, not a warehouse)."""


# ---------------------------------------------------------------- part files


def write_part(
    warehouse: Path, table: str, rows: list[dict], run_id: str, part: str
) -> tuple[str, int] | None:
    """Write rows as one zstd Parquet file; return (path relative to the warehouse, rows)."""
    if not rows:
        return None
    try:
        arrow = pa.Table.from_pylist(rows, schema=SCHEMAS[table])
    except UnicodeEncodeError:  # a lone surrogate (file name bytes, bad metadata): Parquet needs UTF-8
        arrow = pa.Table.from_pylist([_utf8_safe(r) for r in rows], schema=SCHEMAS[table])
    rel = Path(table) / f"run={run_id}" / f"{part}.parquet"
    final = warehouse / rel
    final.parent.mkdir(parents=True, exist_ok=True)
    _write_parquet(arrow, final)
    return rel.as_posix(), arrow.num_rows


def _write_parquet(arrow: pa.Table, final: Path) -> None:
    """zstd Parquet under a temporary name, then renamed: a reader never sees half a file."""
    tmp = final.with_name(f".{final.name}.tmp")
    pq.write_table(arrow, tmp, compression="zstd", row_group_size=1_000_000)
    os.replace(tmp, final)


def write_run_row(
    warehouse: Path, run_id: str, summary: dict, started: datetime, **fields
) -> tuple[str, int] | None:
    """The run's row of `runs` as a part file: the summary's counts, its times, then `fields`
    (status, sources, command, ...)."""
    row = {
        **{k: v for k, v in summary.items() if k in SCHEMAS["runs"].names},
        "started_at": started,
        "finished_at": utcnow(),
        **fields,
    }
    return write_part(warehouse, "runs", [row], run_id, "run")


def rewrite_part(
    warehouse: Path, rel: str, table: str, edit: Callable[[list[dict]], list[dict]]
) -> tuple[str, int] | None:
    """Replace an uncommitted part file's rows by `edit(rows)`; remove the file when none are left."""
    final = warehouse / rel
    rows = edit(pq.read_table(final).to_pylist())
    if not rows:
        final.unlink()
        return None
    _write_parquet(pa.Table.from_pylist(rows, schema=SCHEMAS[table]), final)
    return rel, len(rows)


def _utf8_safe(row: dict) -> dict:
    """Lone surrogates written as `\\udcff` escapes, so that the row can be stored as UTF-8."""
    return {
        k: v.encode("utf-8", "backslashreplace").decode("utf-8") if isinstance(v, str) else v
        for k, v in row.items()
    }


# ---------------------------------------------------------------- catalog and views


def connect(
    warehouse: Path, read_only: bool, timeout: float = 30.0, config: dict | None = None
) -> duckdb.DuckDBPyConnection:
    """Open warehouse.duckdb, waiting while another process holds it for a commit. A database
    created here is written in the storage format of STORAGE_VERSION."""
    path = warehouse / DB_NAME
    if read_only and not path.exists():
        raise WarehouseError(
            f"no warehouse at {warehouse} (no {DB_NAME}); load something with `scrapeline run` first"
        )
    config = {**(config or {}), **({} if read_only else WRITE_CONFIG)}
    deadline = time.monotonic() + timeout
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only, config=config)
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower() or time.monotonic() > deadline:
                raise WarehouseError(f"cannot open {path}: {exc}") from None
            time.sleep(0.1)


def _ensure_catalog(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        f"CREATE TABLE IF NOT EXISTS {CATALOG} (table_name VARCHAR, path VARCHAR, run_id VARCHAR, "
        "rows BIGINT, committed_at TIMESTAMP)"
    )


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _all_view_sql(base: str, table: str, paths: list[str]) -> str:
    """The `*_all` view of a table over its part files, named under `base` (a folder or a URL)."""
    view = RAW_VIEWS.get(table, f"{table}_all")
    if not paths:
        cols = ", ".join(f"CAST(NULL AS {_DUCK_TYPES[f.type]}) AS {f.name}" for f in SCHEMAS[table])
        return f"CREATE OR REPLACE VIEW {view} AS SELECT {cols} WHERE false"
    files = ", ".join(_quote(f"{base}/{p}") for p in paths)
    return (
        f"CREATE OR REPLACE VIEW {view} AS SELECT * FROM read_parquet([{files}], union_by_name = true, "
        "hive_partitioning = false)"  # `run=...` folders are not a column of the tables
    )


def _rebuild_views(con: duckdb.DuckDBPyConnection, warehouse: Path, base: str | None = None) -> None:
    """Every view, over the catalog's files under `base` (default: the warehouse folder itself)."""
    base = base if base is not None else str(warehouse.resolve())
    rows = con.execute(f"SELECT table_name, path FROM {CATALOG} ORDER BY committed_at, path").fetchall()
    by_table: dict[str, list[str]] = {t: [] for t in TABLES}
    for table, path in rows:
        by_table.setdefault(table, []).append(path)
    for table in TABLES:
        con.execute(_all_view_sql(base, table, by_table[table]))
    con.execute(views_sql())


def rebase_views(db: Path, base: str, filesystem=None) -> None:
    """Point the views of the database file `db` at the part files under `base`: another folder
    (a mirror) or an s3:// URL. DuckDB reads each file's schema to define a view, so an s3://
    base needs `filesystem` (an fsspec filesystem for the scheme): no DuckDB extension is used."""
    con = duckdb.connect(
        str(db),
        config={"autoinstall_known_extensions": False, "autoload_known_extensions": False, **WRITE_CONFIG},
    )
    try:
        if filesystem is not None:
            con.register_filesystem(filesystem)
        con.execute("BEGIN TRANSACTION")
        _rebuild_views(con, db.parent, base.rstrip("/"))
        con.execute("COMMIT")
    finally:
        con.close()


def commit(
    warehouse: Path, run_id: str, parts: dict[str, list[tuple[str, int]]], crash_points: bool = True
) -> None:
    """Make a run's part files visible, all tables at once, in one DuckDB transaction."""
    step = crash_point if crash_points else (lambda _name: None)
    now = utcnow()
    con = connect(warehouse, read_only=False)
    try:
        con.execute("BEGIN TRANSACTION")
        _ensure_catalog(con)
        for table, files in parts.items():
            for path, nrows in files:
                con.execute(
                    f"INSERT INTO {CATALOG} VALUES (?, ?, ?, ?, ?)", [table, path, run_id, nrows, now]
                )
                step("mid_commit")
        step("before_views")
        _rebuild_views(con, warehouse)
        step("after_views")
        con.execute("COMMIT")
        step("after_commit")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    finally:
        con.close()


def storage_format(db: Path) -> int | None:
    """The storage format number in a DuckDB file's header, or None for a file that is not one."""
    try:
        with open(db, "rb") as fh:
            head = fh.read(20)
    except OSError:
        return None
    if len(head) < 20 or head[8:12] != b"DUCK":
        return None
    return int.from_bytes(head[12:20], "little")


def views_elsewhere(con: duckdb.DuckDBPyConnection, warehouse: Path) -> int:
    """How many of the `*_all` views read part files outside `warehouse` (a copied, synced or
    moved warehouse still names the files of the folder it was written in)."""
    prefix = "'" + str(warehouse.resolve()).replace("'", "''") + "/"
    return con.execute(
        "SELECT count(*) FROM duckdb_views() WHERE database_name = current_database() "
        "AND sql LIKE '%read_parquet(%' AND position(? IN sql) = 0",
        [prefix],
    ).fetchone()[0]


def _rewrite_database(warehouse: Path) -> None:
    """warehouse.duckdb written anew in STORAGE_VERSION's format: the catalog copied, the views
    rebuilt, then renamed over the old file (a reader sees the old database or the new one)."""
    db = warehouse / DB_NAME
    tmp = warehouse / f".{DB_NAME}.rewrite"
    tmp.unlink(missing_ok=True)
    tmp.with_name(tmp.name + ".wal").unlink(missing_ok=True)
    con = duckdb.connect(str(tmp), config=WRITE_CONFIG)
    try:
        con.execute(f"ATTACH {_quote(str(db))} AS old (READ_ONLY)")
        _ensure_catalog(con)
        (has_catalog,) = con.execute(
            "SELECT count(*) FROM duckdb_tables() WHERE database_name = 'old' AND table_name = ?", [CATALOG]
        ).fetchone()
        if has_catalog:
            con.execute(
                f"INSERT INTO {CATALOG} SELECT table_name, path, run_id, rows, committed_at FROM old.{CATALOG}"
            )
        con.execute("DETACH old")
        _rebuild_views(con, warehouse)
    finally:
        con.close()
    db.with_name(DB_NAME + ".wal").unlink(missing_ok=True)
    os.replace(tmp, db)


def upgrade(warehouse: Path) -> str | None:
    """Make an existing warehouse readable where it is, by every DuckDB from 1.1 on: a database in
    a newer storage format is rewritten in STORAGE_VERSION's, and the views of a warehouse copied
    or moved from another folder are pointed at this folder's files. Call under the writer lock;
    returns what was done, or None."""
    db = warehouse / DB_NAME
    found = storage_format(db)
    if found is None:
        return None
    if found != STORAGE_FORMAT:
        _rewrite_database(warehouse)
        return f"rewrote {DB_NAME} in the storage format of DuckDB {STORAGE_VERSION.lstrip('v')}"
    con = connect(warehouse, read_only=False)
    try:
        if not views_elsewhere(con, warehouse):
            return None
        con.execute("BEGIN TRANSACTION")
        _rebuild_views(con, warehouse)
        con.execute("COMMIT")
    finally:
        con.close()
    return f"pointed the views at the part files under {warehouse.resolve()}"


def open_for_reading(warehouse: Path, config: dict | None = None) -> duckdb.DuckDBPyConnection:
    """A read-only connection for a reading command. A warehouse copied or moved here has its views
    pointed at its own files first (under the writer lock, a brief write of warehouse.duckdb)."""
    con = connect(warehouse, read_only=True, config=config)
    try:
        moved = views_elsewhere(con, warehouse)
    except BaseException:
        con.close()
        raise
    if not moved:
        return con
    con.close()
    try:
        with writer_lock(warehouse):
            upgrade(warehouse)
    except (OSError, duckdb.Error) as exc:
        raise WarehouseError(
            f"the views of {warehouse / DB_NAME} read the files of the folder it was copied from, and "
            f"they cannot be pointed at {warehouse.resolve()} (the folder is not writable: {exc}); "
            "copy it to a writable place, or run a scrapeline command on it there once"
        ) from None
    return connect(warehouse, read_only=True, config=config)


def init_warehouse(warehouse: Path) -> None:
    """Create the folder, the catalog and empty views, so readers always find the contract's views."""
    warehouse.mkdir(parents=True, exist_ok=True)
    if not os.access(warehouse, os.W_OK):
        raise WarehouseError(f"warehouse folder {warehouse} is not writable")
    commit(warehouse, "init", {}, crash_points=False)


def committed_paths(warehouse: Path) -> set[str]:
    if not (warehouse / DB_NAME).exists():
        return set()
    con = connect(warehouse, read_only=True)
    try:
        _exists = con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [CATALOG]
        ).fetchall()[0][0]
        if not _exists:
            return set()
        return {r[0] for r in con.execute(f"SELECT path FROM {CATALOG}").fetchall()}
    finally:
        con.close()


def remove_orphans(warehouse: Path) -> int:
    """Delete part files no commit lists (left by a killed run). Call only under the writer lock."""
    listed = committed_paths(warehouse)
    removed = 0
    for table in TABLES:
        root = warehouse / table
        if not root.is_dir():
            continue
        for path in root.rglob("*"):
            if path.is_file() and (
                path.name.endswith(".tmp") or path.relative_to(warehouse).as_posix() not in listed
            ):
                path.unlink()
                removed += 1
    return removed


def full_refresh(warehouse: Path) -> None:
    """Forget everything loaded: drop the catalog, the views' data and the part files.

    The database goes first: once it is gone no catalog lists any part file, so a run killed
    half-way through leaves only orphans (removed by the next run), never views over missing files.
    Its write-ahead log goes before it: a log left without its database would be replayed into
    the next new one.
    """
    db = warehouse / DB_NAME
    for path in (db.with_name(DB_NAME + ".wal"), db):
        path.unlink(missing_ok=True)
    crash_point("mid_refresh")
    for table in TABLES:
        shutil.rmtree(warehouse / table, ignore_errors=True)


def load_state(warehouse: Path) -> dict[str, tuple[int, int, str | None, str]]:
    """source -> (size, mtime_ns, content_hash, status) of its newest committed `inputs` row."""
    if not (warehouse / DB_NAME).exists():
        return {}
    con = connect(warehouse, read_only=True)
    try:
        rows = con.execute(
            "SELECT source, size, mtime_ns, content_hash, status FROM inputs_all "
            "QUALIFY row_number() OVER (PARTITION BY source ORDER BY seen_at DESC, run_id DESC) = 1"
        ).fetchall()
    except duckdb.Error:
        return {}
    finally:
        con.close()
    return {r[0]: (r[1], r[2], r[3], r[4]) for r in rows}


def read_pages(warehouse: Path, batch_rows: int) -> Iterator[list[dict]]:
    """The newest version of every page that is not a duplicate, in load order, in batches."""
    con = connect(warehouse, read_only=True)
    try:
        cur = con.execute(
            "SELECT * FROM pages WHERE duplicate_of IS NULL ORDER BY ingested_at, run_id, source"
        )
        columns = [d[0] for d in cur.description]
        while rows := cur.fetchmany(batch_rows):
            yield [dict(zip(columns, r, strict=True)) for r in rows]
    finally:
        con.close()


def read_dedup_keys(warehouse: Path) -> tuple[list[tuple[str, str]], list[tuple[int, str]]]:
    """(exact key, source) of loaded pages and (body SimHash, source) of loaded articles."""
    if not (warehouse / DB_NAME).exists():
        return [], []
    con = connect(warehouse, read_only=True)
    try:
        exact = con.execute(
            "SELECT coalesce(url, '') || chr(0) || text_hash, source FROM pages "
            "WHERE duplicate_of IS NULL ORDER BY ingested_at, source"
        ).fetchall()
        near = con.execute(
            "SELECT body_simhash, source FROM articles WHERE body_simhash IS NOT NULL ORDER BY ingested_at, source"
        ).fetchall()
    except duckdb.Error:
        return [], []
    finally:
        con.close()
    return exact, near


# ---------------------------------------------------------------- one writer at a time


@contextmanager
def writer_lock(warehouse: Path, wait: bool = True, on_wait=None) -> Iterator[None]:
    """Hold the warehouse's writer lock; a second writer waits (or fails when wait=False)."""
    warehouse.mkdir(parents=True, exist_ok=True)
    fd = os.open(warehouse / ".scrapeline.lock", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno not in (errno.EAGAIN, errno.EACCES):
                raise
            holder = os.pread(fd, 64, 0).decode(errors="replace").strip() or "another process"
            if not wait:
                raise WarehouseError(f"warehouse {warehouse} is being written by {holder}") from None
            if on_wait:
                on_wait(holder)
            fcntl.flock(fd, fcntl.LOCK_EX)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()}".encode(), 0)
        yield
    finally:
        os.close(fd)
