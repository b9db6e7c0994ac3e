"""What a replay reads again and what it resolves: the inputs of open rejects, found by the
paths recorded in `inputs`, and the rejects that happen again after a fix (not written twice)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tasks import storage
from tasks.models import InputFile
from tasks.warehouse import Part, Warehouse

RejectKey = tuple[str, str, str, str | None]  # source, stage, reason, row_id
KEY_COLUMNS = ["source", "stage", "reason", "row_id"]


@dataclass(frozen=True, slots=True)
class OpenReject:
    reject_id: str
    key: RejectKey
    input_source: str | None
    path: str | None


def open_rejects(warehouse: Warehouse) -> list[OpenReject]:
    """Unresolved rejects with the input (source and path) they came from, when it is recorded."""
    rows = warehouse.query(
        """
        WITH newest AS (
            SELECT source, path FROM inputs
            QUALIFY row_number() OVER (PARTITION BY source ORDER BY seen_at DESC, run_id DESC) = 1
        )
        SELECT r.reject_id, r.source, r.stage, r.reason, r.row_id, i.source, i.path
        FROM rejects AS r
        LEFT JOIN newest AS i ON r.source = i.source OR starts_with(r.source, i.source || '#')
        WHERE r.reject_id IS NOT NULL
        QUALIFY row_number() OVER (PARTITION BY r.reject_id ORDER BY length(i.source) DESC) = 1
        ORDER BY r.source, r.reject_id
        """
    )
    return [OpenReject(r[0], (r[1], r[2], r[3], r[4]), r[5], r[6]) for r in rows]


def input_files(rejects: list[OpenReject]) -> tuple[list[InputFile], list[str]]:
    """The files to read again, and the sources left alone because their file is gone."""
    files: dict[str, InputFile] = {}
    missing: set[str] = set()
    for r in rejects:
        if r.input_source is None or r.path is None:
            missing.add(r.key[0])
            continue
        if r.input_source in files:
            continue
        try:
            size, marker = _stat(r.path)
        except OSError:
            missing.add(r.input_source)
            continue
        files[r.input_source] = InputFile(r.path, r.input_source, size, marker)
    return list(files.values()), sorted(missing)


def _stat(path: str) -> tuple[int, int]:
    """(size, modification time) of a file, or (size, change marker) of an object in S3."""
    if storage.is_s3(path):
        return storage.object_stat(path)
    st = Path(path).stat()
    return st.st_size, st.st_mtime_ns


def reject_keys(warehouse: Warehouse, parts: list[Part]) -> set[RejectKey]:
    """The keys of the rejects in a run's (uncommitted) reject parts."""
    return {
        (r["source"], r["stage"], r["reason"], r["row_id"])
        for rel, _ in parts
        for r in warehouse.read_part(rel, columns=KEY_COLUMNS)
    }


def drop_repeated_rejects(warehouse: Warehouse, parts: list[Part], still_open: set[RejectKey]) -> list[Part]:
    """This run's (uncommitted) reject parts without the rejects that are already open."""

    def fresh(rows: list[dict]) -> list[dict]:
        return [r for r in rows if (r["source"], r["stage"], r["reason"], r["row_id"]) not in still_open]

    kept = [warehouse.rewrite_part(rel, "rejects", fresh) for rel, _ in parts]
    return [k for k in kept if k is not None]


def resolution_rows(resolved: list[OpenReject], run_id: str, now) -> list[dict]:
    """`resolutions` rows: each reject that no longer happens, resolved by this run."""
    return [{"reject_id": r.reject_id, "resolved_by_run": run_id, "resolved_at": now} for r in resolved]
