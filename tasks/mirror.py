"""A warehouse in S3, worked on through a local mirror folder.

DuckDB cannot write a database file in S3, and the commit protocol relies on a local
`warehouse.duckdb`, so every command on an `s3://bucket/prefix` warehouse works on a mirror:

1. pull: download what is new or changed in S3 (a file already there with the same ETag is
   kept), delete local files S3 no longer has, and point the downloaded database's views at the
   mirror's files;
2. the command runs on the mirror exactly as on a local warehouse;
3. push (commands that write): upload new and changed files, then, LAST, `warehouse.duckdb`
   with its views pointing at the s3:// files: the uploaded database is the commit point, so a
   reader in S3 never sees a catalog naming a file not uploaded yet. Files the command removed
   (a full refresh, a compaction) are deleted from S3 after that.

The mirror folder keeps a manifest of what it last pulled or pushed (`.scrapeline-mirror.json`);
a command that failed leaves the mirror ahead of S3, and the next pull puts it back.
One command at a time per mirror (a lock file); there is no lock across machines.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tasks import load, storage

MANIFEST = ".scrapeline-mirror.json"
SYNC_LOCK = ".scrapeline-mirror.lock"

# rel path -> [size, mtime_ns, etag] of the local file as last synced, and the object's ETag then
Manifest = dict[str, list]


def mirror_folder(location: storage.S3Location) -> Path:
    """`$SCRAPELINE_CACHE/s3/BUCKET/PREFIX`, by default under `~/.cache/scrapeline`."""
    root = os.environ.get("SCRAPELINE_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "scrapeline"
    )
    # a warehouse at the bucket's root gets a folder of its own, apart from those of its prefixes
    return Path(root, "s3", location.bucket, *(location.prefix or "_bucket_root").split("/")).resolve()


def _stamp(path: Path) -> tuple[int, int]:
    st = path.stat()
    return st.st_size, st.st_mtime_ns


def _is_synced_file(rel: str) -> bool:
    """Warehouse files, not the mirror's own (lock files, manifest, temporary and log files)."""
    name = rel.rsplit("/", 1)[-1]
    return not (any(part.startswith(".") for part in rel.split("/")) or name.endswith((".tmp", ".wal")))


def _local_files(folder: Path) -> dict[str, Path]:
    out = {}
    for path in folder.rglob("*"):
        rel = path.relative_to(folder).as_posix()
        if path.is_file() and _is_synced_file(rel):
            out[rel] = path
    return out


def _etag(info: dict) -> str:
    return str(info.get("ETag") or info.get("etag") or "").strip('"')


class Mirror:
    """The local working copy of one S3 warehouse."""

    def __init__(self, url: str, folder: Path | None = None) -> None:
        self.location = storage.parse_s3(url)
        self.folder = folder or mirror_folder(self.location)
        self.fs = storage.filesystem()

    # ------------------------------------------------------------ state

    def _remote(self) -> dict[str, str]:
        """rel path -> ETag of every warehouse object under the prefix."""
        self.fs.invalidate_cache()
        try:
            found = self.fs.find(self.location.path, detail=True)
        except FileNotFoundError:
            return {}
        except Exception as exc:
            raise load.WarehouseError(f"cannot list {self.location.url}: {exc}") from None
        out = {}
        for key, info in found.items():
            rel = self.location.relative(key)
            if info.get("type", "file") == "file" and rel and _is_synced_file(rel):
                out[rel] = _etag(info)
        return out

    def _read_manifest(self) -> Manifest:
        try:
            return json.loads((self.folder / MANIFEST).read_text())
        except (OSError, ValueError):
            return {}

    def _write_manifest(self, manifest: Manifest) -> None:
        tmp = self.folder / (MANIFEST + ".tmp")
        tmp.write_text(json.dumps(manifest, sort_keys=True))
        os.replace(tmp, self.folder / MANIFEST)

    def _in_sync(self, rel: str, etag: str, manifest: Manifest) -> bool:
        """The local copy is the object's bytes as last synced, untouched since."""
        known = manifest.get(rel)
        path = self.folder / rel
        return known is not None and known[2] == etag and path.is_file() and list(_stamp(path)) == known[:2]

    # ------------------------------------------------------------ pull and push

    def pull(self) -> None:
        """Make the mirror what S3 holds; the database's views then read the mirror's files."""
        self.folder.mkdir(parents=True, exist_ok=True)
        remote = self._remote()
        manifest = {rel: v for rel, v in self._read_manifest().items() if rel in remote}
        # the database last: its views are defined over part files that must be here already
        for rel, etag in sorted(remote.items(), key=lambda item: (item[0] == load.DB_NAME, item[0])):
            if self._in_sync(rel, etag, manifest):
                continue
            target = self.folder / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_name(f".{target.name}.tmp")
            self.fs.get_file(self.location.child(rel), str(tmp))
            os.replace(tmp, target)
            if rel == load.DB_NAME:
                target.with_name(load.DB_NAME + ".wal").unlink(missing_ok=True)
                load.rebase_views(target, str(self.folder))
            manifest[rel] = [*_stamp(target), etag]
        for rel, path in _local_files(self.folder).items():
            if rel not in remote:  # removed in S3, or left by a command whose push never happened
                path.unlink()
        if load.DB_NAME not in remote:
            (self.folder / (load.DB_NAME + ".wal")).unlink(missing_ok=True)
        self._write_manifest(manifest)

    def push(self) -> None:
        """Upload what the command wrote: part files first, the database last, then deletions."""
        remote = self._remote()
        manifest = self._read_manifest()
        local = _local_files(self.folder)
        for rel, path in sorted(local.items()):
            if rel == load.DB_NAME or (rel in remote and self._in_sync(rel, remote[rel], manifest)):
                continue
            manifest[rel] = self._upload(path, rel)
        if load.DB_NAME in local:
            manifest[load.DB_NAME] = self._upload_database(local[load.DB_NAME])
        gone = [rel for rel in remote if rel not in local and rel in manifest]
        if gone:
            self.fs.rm([self.location.child(rel) for rel in gone])
        for rel in gone:
            manifest.pop(rel, None)
        self._write_manifest(manifest)

    def _upload(self, path: Path, rel: str, source: Path | None = None) -> list:
        stamp = _stamp(path)
        url = self.location.child(rel)
        self.fs.put_file(str(source or path), url)
        return [*stamp, _etag(self.fs.info(url))]

    def _upload_database(self, db: Path) -> list:
        """A copy of the database whose views read the s3:// files, uploaded as warehouse.duckdb."""
        with tempfile.TemporaryDirectory(prefix="scrapeline-push-") as tmp:
            copy = Path(tmp, load.DB_NAME)
            shutil.copyfile(db, copy)
            load.rebase_views(copy, self.location.url, filesystem=self.fs)
            return self._upload(db, load.DB_NAME, source=copy)

    @contextmanager
    def lock(self) -> Iterator[None]:
        """One command at a time on this mirror (pull, work and push together)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.folder / SYNC_LOCK, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)


@contextmanager
def local_warehouse(warehouse: str, writes: bool) -> Iterator[str]:
    """The folder a command works on: the warehouse itself, or the mirror of an s3:// warehouse,
    pulled first and, for a command that writes and succeeds, pushed after."""
    if not storage.is_s3(warehouse):
        yield warehouse
        return
    mirror = Mirror(warehouse)
    with mirror.lock():
        mirror.pull()
        yield str(mirror.folder)
        if writes:
            mirror.push()
