"""Object storage: `s3://bucket/prefix` locations, the S3 filesystem, and listing objects as inputs.

Credentials and the endpoint come from the usual environment variables (AWS_ACCESS_KEY_ID,
AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, AWS_PROFILE, AWS_REGION / AWS_DEFAULT_REGION) and
AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL for S3-compatible servers (MinIO, Ceph, a local test
server). Each process builds its own filesystem object: batch workers never share a client
(or its event loop) with the process that forked or spawned them.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from typing import IO

S3_SCHEME = "s3://"
_SPOOL_BYTES = 16 * 1024 * 1024  # objects up to this size are fetched into memory, larger ones to a temp file


def is_s3(location: str | os.PathLike) -> bool:
    return isinstance(location, str) and location.startswith(S3_SCHEME)


@dataclass(frozen=True, slots=True)
class S3Location:
    """A bucket and a key prefix (no leading or trailing slash; empty for the bucket's root)."""

    bucket: str
    prefix: str

    @property
    def url(self) -> str:
        return f"{S3_SCHEME}{self.bucket}/{self.prefix}".rstrip("/")

    @property
    def path(self) -> str:
        """The location as s3fs names it (no scheme)."""
        return f"{self.bucket}/{self.prefix}".rstrip("/")

    def child(self, rel: str) -> str:
        """The s3:// URL of `rel` (a relative, slash-separated path) under this location."""
        return f"{self.url}/{rel}"

    def relative(self, key_path: str) -> str:
        """The part of an s3fs path ('bucket/prefix/a/b') below this location ('a/b')."""
        return key_path[len(self.path) :].lstrip("/")


def parse_s3(url: str) -> S3Location:
    """`s3://bucket/some/prefix/` -> S3Location('bucket', 'some/prefix')."""
    if not is_s3(url):
        raise ValueError(f"not an s3:// URL: {url!r}")
    bucket, _, prefix = url[len(S3_SCHEME) :].partition("/")
    if not bucket:
        raise ValueError(f"no bucket in {url!r}")
    return S3Location(bucket, prefix.strip("/"))


def endpoint_url() -> str | None:
    """The S3 endpoint from the environment, the S3-specific variable first (as the AWS CLI does)."""
    return os.environ.get("AWS_ENDPOINT_URL_S3") or os.environ.get("AWS_ENDPOINT_URL") or None


_FILESYSTEMS: dict[int, object] = {}


def filesystem():
    """This process's `s3fs.S3FileSystem`, configured from the environment."""
    pid = os.getpid()
    fs = _FILESYSTEMS.get(pid)
    if fs is None:
        import s3fs

        client_kwargs = {}
        if endpoint := endpoint_url():
            client_kwargs["endpoint_url"] = endpoint
        if region := os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION"):
            client_kwargs["region_name"] = region
        # skip_instance_cache: fsspec's instance cache would hand a forked worker its parent's client
        fs = s3fs.S3FileSystem(client_kwargs=client_kwargs, skip_instance_cache=True)
        _FILESYSTEMS.clear()
        _FILESYSTEMS[pid] = fs
    return fs


def change_marker(info: dict) -> int:
    """A number that changes whenever the object's bytes do: its ETag, else its modification time.

    Stored in `inputs.mtime_ns`, where a local file keeps its modification time, so that an
    unchanged object is skipped on a listing alone, exactly like an unchanged file.
    """
    etag = str(info.get("ETag") or info.get("etag") or "").strip('"').split("-")[0]
    try:
        return int(etag[:15], 16)  # 60 bits: fits the int64 column
    except ValueError:
        modified = info.get("LastModified")
        return int(modified.timestamp() * 1e9) if modified is not None else 0


def open_object(url: str) -> IO[bytes]:
    """The object's bytes in one GET, as a seekable local file (hashed, then parsed, from one copy).

    Every failure is an OSError, as for a local file: the read stage turns it into a reject."""
    spool = tempfile.SpooledTemporaryFile(max_size=_SPOOL_BYTES)  # noqa: SIM115 - returned open
    try:
        with filesystem().open(url, "rb", block_size=4 * 1024 * 1024, cache_type="none") as remote:
            shutil.copyfileobj(remote, spool, 1024 * 1024)
        spool.seek(0)
        return spool
    except OSError:
        spool.close()
        raise
    except Exception as exc:  # botocore's own errors (credentials, endpoint) are not OSErrors
        spool.close()
        raise OSError(f"{type(exc).__name__}: {exc}") from exc


def object_stat(url: str) -> tuple[int, int]:
    """(size, change marker) of one object; raises OSError (FileNotFoundError) when it is gone."""
    info = filesystem().info(url)
    return int(info["size"]), change_marker(info)
