"""Per-page limits on the segmenter: a page that makes it slow or hungry becomes a reject.

Python cannot stop a thread, and SIGALRM reaches only the main thread (where a Prefect task runs
depends on how the flow is run: a `.submit()`, a timeout or a deployment put it elsewhere), and
neither stops a regular expression stuck in C code or bounds memory. So pages are segmented in a
child process: it has an address-space limit of its own, and the batch waits at most `seconds`
for each page's answer. A page over the time limit gets its child killed (a new one starts for
the next page); a page over the memory limit fails inside the child; a page longer than
`max_chars` is not sent at all. Each becomes a `segment` reject and the batch goes on.

The child runs the segmenter's own `segment_records` on one page at a time, with the lines that
repeat across the whole batch's pages of a site learned once, here, so the guard adds limits and
nothing else: what counts as a failed page stays the segmenter's business.
"""

from __future__ import annotations

import atexit
import contextlib
import importlib
import resource
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection

from tasks.lifeline import exit_with_parent
from tasks.models import Record, Reject

DEFAULT_SECONDS = 5.0
DEFAULT_MAX_CHARS = 2_000_000
DEFAULT_MEMORY_MB = 1024
_START_TIMEOUT = 120.0  # a child's start-up (imports) is not the page's fault


@dataclass(frozen=True, slots=True)
class SegmentLimits:
    """How much one page may cost the segmenter before it is rejected instead."""

    seconds: float = DEFAULT_SECONDS  # wall-clock time per page
    max_chars: int = DEFAULT_MAX_CHARS  # characters of cleaned text per page
    memory_mb: int = DEFAULT_MEMORY_MB  # extra address space the child may take for one page


Outcome = tuple[list, list[Reject]]  # the target's results for the pages it did, and rejects


def _vm_bytes() -> int:
    """Address space this process already uses (the child's limit is on top of it)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


SEGMENTER = "tasks.segment:segment_records"


def _serve(conn: Connection, memory_bytes: int, target: str) -> None:
    """Child: segment each page sent, answer with the segmenter's own (done, rejects) for it."""
    exit_with_parent()
    module, _, name = target.partition(":")
    segment_records = getattr(importlib.import_module(module), name)

    if memory_bytes:
        limit = _vm_bytes() + memory_bytes
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    conn.send("ready")
    while True:
        try:
            rec, boilerplate, options = conn.recv()
        except EOFError:
            return
        try:
            done, rejects = segment_records([rec], boilerplate=boilerplate, **options)
            out_of_memory = any(r.detail.startswith("MemoryError") for r in rejects)
        except MemoryError:
            out_of_memory = True
        if out_of_memory:
            conn.send(("memory", None))
            return  # a fresh child for the next page; this one may be fragmented or half-broken
        conn.send(("ok", (done, rejects)))


class SegmentWorker:
    """A child process that segments one page at a time, replaced when a page kills it."""

    def __init__(self, limits: SegmentLimits, target: str = SEGMENTER) -> None:
        self.limits, self.target = limits, target
        self._proc: subprocess.Popen | None = None
        self._conn: Connection | None = None

    def _start(self) -> Connection:
        # A plain subprocess, not a multiprocessing child: daemonic processes (Dask's workers)
        # may not start those, and the limits matter there as much as anywhere.
        ours, theirs = socket.socketpair()
        with theirs:
            proc = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "tasks.guard",
                    str(theirs.fileno()),
                    str(self.limits.memory_mb * 1024 * 1024),
                    self.target,
                ],
                pass_fds=[theirs.fileno()],
                stdin=subprocess.DEVNULL,
            )
        parent = Connection(ours.detach())
        try:
            ready = parent.poll(_START_TIMEOUT) and parent.recv() == "ready"
        except (EOFError, OSError):
            ready = False
        if not ready:
            proc.kill()
            parent.close()
            raise RuntimeError(f"the segmenter process did not start (exit code {proc.poll()})")
        self._proc, self._conn = proc, parent
        return parent

    def stop(self) -> None:
        if self._proc is not None:
            self._proc.kill()
            self._proc.wait()
        if self._conn is not None:
            self._conn.close()
        self._proc = self._conn = None

    def segment(
        self, rec: Record, boilerplate: dict[str, frozenset[str]] | None = None, options: dict | None = None
    ) -> Outcome:
        """Segment one page within the limits; a page over a limit is one reject."""
        if len(rec.text) > self.limits.max_chars:
            return [], [
                _limit_reject(
                    rec, "segment size limit", f"{len(rec.text)} characters > {self.limits.max_chars}"
                )
            ]
        conn = self._conn or self._start()
        t0 = time.monotonic()
        try:
            conn.send((rec, boilerplate or {}, options or {}))
            if not conn.poll(self.limits.seconds):
                self.stop()
                return [], [
                    _limit_reject(rec, "segment time limit", f"no result after {self.limits.seconds:g} s")
                ]
            kind, payload = conn.recv()
        except (EOFError, OSError):  # the child died on this page
            code = None
            if self._proc is not None:
                with contextlib.suppress(subprocess.TimeoutExpired):
                    self._proc.wait(5)
                code = self._proc.returncode
            self.stop()
            if code == -9:  # SIGKILL: what the kernel's out-of-memory killer sends
                return [], [_limit_reject(rec, "segment memory limit", "segmenter process was killed")]
            return [], [_limit_reject(rec, "segmenter crashed", f"segmenter process exited with {code}")]
        if kind == "memory":
            self.stop()
            return [], [
                _limit_reject(
                    rec,
                    "segment memory limit",
                    f"over {self.limits.memory_mb} MB after {time.monotonic() - t0:.1f} s",
                )
            ]
        return payload


def _limit_reject(rec: Record, reason: str, detail: str) -> Reject:
    return Reject(rec.source, "segment", reason, detail, rec.content_hash)


_WORKERS: dict[tuple[SegmentLimits, str, int], SegmentWorker] = {}  # one per thread that segments


def _stop_all() -> None:
    for worker in _WORKERS.values():
        worker.stop()


atexit.register(_stop_all)


def guarded_segment_records(
    records: list[Record], limits: SegmentLimits | None = None, target: str = SEGMENTER, **options
) -> Outcome:
    """`segment_records` with per-page time, size and memory limits; one child per thread, reused.

    `target` ("module:function", called like `segment_records` plus `options` as keywords) is
    what the child runs; its (done, rejects) for each page are returned as they are.
    """
    key = (limits or SegmentLimits(), target, threading.get_ident())
    worker = _WORKERS.get(key)
    if worker is None:
        worker = _WORKERS[key] = SegmentWorker(key[0], target)
    from tasks.segment import batch_boilerplate, site_of

    learned = batch_boilerplate(records)
    done: list = []
    rejects: list[Reject] = []
    for rec in records:
        site = site_of(rec)
        ok, bad = worker.segment(rec, {site: learned[site]} if site in learned else {}, options)
        done.extend(ok)
        rejects.extend(bad)
    return done, rejects


if __name__ == "__main__":  # the child: python -m tasks.guard FD MEMORY_BYTES TARGET
    _serve(Connection(int(sys.argv[1])), int(sys.argv[2]), sys.argv[3])
