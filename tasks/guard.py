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
import os
import resource
import socket
import subprocess
import sys
import threading
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection

from tasks.lifeline import exit_with_parent
from tasks.models import Record, Reject

DEFAULT_SECONDS = 5.0
DEFAULT_MAX_CHARS = 2_000_000
DEFAULT_MEMORY_MB = 1024
_START_TIMEOUT = 120.0  # a child's start-up (imports) is not the page's fault
_AHEAD_PAGES = 16  # pages queued in the child's socket at most
_AHEAD_BYTES = 64 * 1024  # and bytes of text: well below a socket's buffer (>= 200 KB)


@dataclass(frozen=True, slots=True)
class SegmentLimits:
    """How much one page may cost the segmenter before it is rejected instead."""

    seconds: float = DEFAULT_SECONDS  # wall-clock time per page
    max_chars: int = DEFAULT_MAX_CHARS  # characters of cleaned text per page
    memory_mb: int = DEFAULT_MEMORY_MB  # extra address space the child may take for one page
    processes: int = 0  # segmenter processes a process may run at once (0: one per core)


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

    def segment_all(self, jobs: list[tuple[Record, dict]], options: dict | None = None) -> Iterator[Outcome]:
        """Each page's outcome, in order, with pages sent ahead so the child never waits for us.

        The child answers pages in the order sent; a few are queued in its socket while it works,
        so the time this process takes to hand over the next page (the GIL may be busy with another
        batch for milliseconds) is not time the child sits idle. Queued text stays under
        `_AHEAD_BYTES`, well inside the socket's buffer, so a send never blocks while the child
        blocks on its answer. The time limit runs from the previous answer, i.e. from when the
        child took the page up. A page that kills or stalls the child is the one it was working
        on; the pages queued behind it go to a fresh child.
        """
        options = options or {}
        queue = deque(jobs)
        sent: deque[tuple[Record, dict]] = deque()
        while queue or sent:
            while queue and self._room(sent, queue[0][0]):
                rec, boilerplate = queue[0]
                if len(rec.text) > self.limits.max_chars:
                    if sent:
                        break  # answers go out in order: wait for those ahead of it
                    queue.popleft()
                    detail = f"{len(rec.text)} characters > {self.limits.max_chars}"
                    yield [], [_limit_reject(rec, "segment size limit", detail)]
                    continue
                conn = self._conn or self._start()
                try:
                    conn.send((rec, boilerplate, options))
                except OSError:  # the child died; the page it was on shows as its answer below
                    if not sent:
                        self.stop()  # it died after its last answer: start afresh
                    break
                sent.append(queue.popleft())
            if not sent:
                continue
            outcome = self._answer(sent[0][0])
            sent.popleft()
            if self._conn is None:  # the child is gone: what was queued in it goes to a fresh one
                queue.extendleft(reversed(sent))
                sent.clear()
            yield outcome

    @staticmethod
    def _room(sent: deque[tuple[Record, dict]], rec: Record) -> bool:
        """Whether `rec` may join the pages queued in the child (always, when none are)."""
        if not sent:
            return True
        queued = sum(_wire_bytes(r) for r, _ in sent) + _wire_bytes(rec)
        return len(sent) < _AHEAD_PAGES and queued <= _AHEAD_BYTES

    def _answer(self, rec: Record) -> Outcome:
        """The child's answer for `rec`, the oldest page it holds; a limit reject if it fails on it."""
        conn = self._conn
        assert conn is not None
        t0 = time.monotonic()
        try:
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


def _wire_bytes(rec: Record) -> int:
    """An upper bound on the bytes a page's text takes in the socket (UTF-8: 4 per character)."""
    return len(rec.text) if rec.text.isascii() else 4 * len(rec.text)


def _limit_reject(rec: Record, reason: str, detail: str) -> Reject:
    return Reject(rec.source, "segment", reason, detail, rec.content_hash)


class _Pool:
    """The segmenter processes of one process, shared by every thread that segments.

    A thread takes a child for the segmenting part of its batch only, so with more batch threads
    than children, the children work on one batch while another batch is read or validated.
    """

    def __init__(self, limits: SegmentLimits, target: str) -> None:
        self.limits, self.target = limits, target
        self._slots = threading.BoundedSemaphore(limits.processes or os.cpu_count() or 1)
        self._lock = threading.Lock()
        self._idle: list[SegmentWorker] = []
        self.workers: list[SegmentWorker] = []

    @contextlib.contextmanager
    def worker(self) -> Iterator[SegmentWorker]:
        with self._slots:
            with self._lock:
                if self._idle:
                    worker = self._idle.pop()
                else:
                    worker = SegmentWorker(self.limits, self.target)
                    self.workers.append(worker)
            try:
                yield worker
            finally:
                with self._lock:
                    self._idle.append(worker)


_POOLS: dict[tuple[SegmentLimits, str], _Pool] = {}
_POOLS_LOCK = threading.Lock()


def _pool(limits: SegmentLimits, target: str) -> _Pool:
    with _POOLS_LOCK:
        pool = _POOLS.get((limits, target))
        if pool is None:
            pool = _POOLS[(limits, target)] = _Pool(limits, target)
        return pool


def _stop_all() -> None:
    for pool in _POOLS.values():
        for worker in pool.workers:
            worker.stop()


atexit.register(_stop_all)


def guarded_segment_records(
    records: list[Record], limits: SegmentLimits | None = None, target: str = SEGMENTER, **options
) -> Outcome:
    """`segment_records` with per-page time, size and memory limits, in a child taken from the pool.

    `target` ("module:function", called like `segment_records` plus `options` as keywords) is
    what the child runs; its (done, rejects) for each page are returned as they are.
    """
    from tasks.segment import batch_boilerplate, site_of

    learned = batch_boilerplate(records)
    jobs = []
    for rec in records:
        site = site_of(rec)
        jobs.append((rec, {site: learned[site]} if site in learned else {}))
    done: list = []
    rejects: list[Reject] = []
    with _pool(limits or SegmentLimits(), target).worker() as worker:
        for ok, bad in worker.segment_all(jobs, options):
            done.extend(ok)
            rejects.extend(bad)
    return done, rejects


if __name__ == "__main__":  # the child: python -m tasks.guard FD MEMORY_BYTES TARGET
    _serve(Connection(int(sys.argv[1])), int(sys.argv[2]), sys.argv[3])
