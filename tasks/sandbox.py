"""Per-item limits: run a function on one item at a time in a child process, so that an item
that makes it slow or hungry becomes an `Exceeded` answer instead of a hung or dead batch.

Python cannot stop a thread, and SIGALRM reaches only the main thread (where a Prefect task runs
depends on how the flow is run), and neither stops a regular expression stuck in C code or
bounds memory. So the work runs in a child process: it has an address-space limit of its own,
and the caller waits at most `seconds` for each item's answer. An item over the time limit gets
its child killed (a new one starts for the next item); an item over the memory limit fails
inside the child; an item larger than `max_chars` is not sent at all.

The child is a plain subprocess (`python -m tasks.sandbox`), not a multiprocessing child:
daemonic processes (Dask's workers) may not start those, and the limits matter there as much as
anywhere. It is handed the work function and a warm-up function (pickled, i.e. by reference to
their modules), runs the warm-up once and only then reports ready: loading models, compiling
patterns and importing libraries is the child's start-up, never the first item's time.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import pickle
import resource
import socket
import subprocess
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from tasks.lifeline import exit_with_parent

DEFAULT_SECONDS = 5.0
DEFAULT_MAX_CHARS = 2_000_000
DEFAULT_MEMORY_MB = 1024
START_TIMEOUT = 120.0  # a child's start-up (imports, warm-up) is not an item's fault
_AHEAD_ITEMS = 16  # items queued in the child's socket at most
_AHEAD_BYTES = 64 * 1024  # and bytes: well below a socket's buffer (>= 200 KB)


@dataclass(frozen=True, slots=True)
class Limits:
    """How much one item may cost before it is given up on."""

    seconds: float = DEFAULT_SECONDS  # wall-clock time per item
    max_chars: int = DEFAULT_MAX_CHARS  # size of an item, as the caller measures it
    memory_mb: int = DEFAULT_MEMORY_MB  # extra address space the child may take for one item
    processes: int = 0  # children a process may run at once (0: one per core)


@dataclass(frozen=True, slots=True)
class Exceeded:
    """An item the sandbox gave up on: which limit (time, size, memory, crash) and what it saw."""

    limit: str
    detail: str


Work = Callable[..., Any]
# (the item's size, the arguments of the work function[, its own time limit in seconds])
Job = tuple[int, tuple] | tuple[int, tuple, float]


@dataclass(frozen=True, slots=True)
class Task:
    """What a child runs: `work(*args)` per item, after `warm_up()` once; `name` is used in messages."""

    work: Work
    warm_up: Callable[[], object] | None = None
    name: str = "sandbox"


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


def _serve(conn: Connection, memory_bytes: int) -> None:
    """Child: warm up, report ready, then answer each item sent with ("ok", work(*args))."""
    exit_with_parent()
    task: Task = pickle.loads(conn.recv_bytes())
    if task.warm_up is not None:
        task.warm_up()
    if memory_bytes:
        limit = _vm_bytes() + memory_bytes
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    conn.send("ready")
    while True:
        try:
            data = conn.recv_bytes()
        except EOFError:
            return
        try:
            answer = ("ok", task.work(*pickle.loads(data)))
        except MemoryError:
            conn.send(("memory", None))
            return  # a fresh child for the next item; this one may be fragmented or half-broken
        conn.send(answer)


# One process per core does the work: BLAS threads inside it (numpy's small matrix products in
# the segmenter) would only fight the other processes for the cores.
_ONE_THREAD = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


class Sandbox:
    """A child process that runs one item at a time, replaced when an item kills it."""

    def __init__(self, task: Task, limits: Limits) -> None:
        self.task, self.limits = task, limits
        self._proc: subprocess.Popen | None = None
        self._conn: Connection | None = None

    def _start(self) -> Connection:
        ours, theirs = socket.socketpair()
        with theirs:
            proc = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "tasks.sandbox",
                    str(theirs.fileno()),
                    str(self.limits.memory_mb << 20),
                ],
                pass_fds=[theirs.fileno()],
                stdin=subprocess.DEVNULL,
                env={**os.environ, **_ONE_THREAD},
            )
        parent = Connection(ours.detach())
        try:
            parent.send_bytes(pickle.dumps(self.task))
            ready = parent.poll(START_TIMEOUT) and parent.recv() == "ready"
        except (EOFError, OSError):
            ready = False
        if not ready:
            proc.kill()
            parent.close()
            raise RuntimeError(f"the {self.task.name} process did not start (exit code {proc.poll()})")
        self._proc, self._conn = proc, parent
        return parent

    def stop(self) -> None:
        if self._proc is not None:
            self._proc.kill()
            self._proc.wait()
        if self._conn is not None:
            self._conn.close()
        self._proc = self._conn = None

    def run_all(self, jobs: Iterable[Job]) -> Iterator[Any]:
        """Each item's answer (or `Exceeded`), in order, with items sent ahead so the child never
        waits for this process.

        The child answers items in the order sent; a few are queued in its socket while it works,
        so the time this process takes to hand over the next item (the GIL may be busy with another
        batch for milliseconds) is not time the child sits idle. Queued bytes stay under
        `_AHEAD_BYTES`, well inside the socket's buffer, so a send never blocks while the child
        blocks on its answer. The time limit runs from the previous answer, i.e. from when the
        child took the item up. An item that kills or stalls the child is the one it was working
        on; the items queued behind it go to a fresh child.
        """
        # (size, arguments pickled when first sent, time limit)
        queue: deque[tuple[int, tuple | bytes, float]] = deque(
            (job[0], job[1], job[2] if len(job) > 2 else self.limits.seconds) for job in jobs
        )
        sent: deque[tuple[bytes, float]] = deque()
        while queue or sent:
            while queue:
                size, item, seconds = queue[0]
                if size > self.limits.max_chars:
                    if sent:
                        break  # answers go out in order: wait for those ahead of it
                    queue.popleft()
                    yield Exceeded("size", f"{size} characters > {self.limits.max_chars}")
                    continue
                data = item if isinstance(item, bytes) else pickle.dumps(item)
                queue[0] = (size, data, seconds)
                if not self._room(sent, data):
                    break
                conn = self._conn or self._start()
                try:
                    conn.send_bytes(data)
                except OSError:  # the child died; the item it was on shows as its answer below
                    if not sent:
                        self.stop()  # it died after its last answer: start afresh
                    break
                queue.popleft()
                sent.append((data, seconds))
            if not sent:
                continue
            answer = self._answer(sent[0][1])
            sent.popleft()
            if self._conn is None:  # the child is gone: what was queued in it goes to a fresh one
                queue.extendleft((0, data, seconds) for data, seconds in reversed(sent))
                sent.clear()
            yield answer

    @staticmethod
    def _room(sent: deque[tuple[bytes, float]], data: bytes) -> bool:
        """Whether `data` may join the items queued in the child (always, when none are)."""
        if not sent:
            return True
        return len(sent) < _AHEAD_ITEMS and sum(len(d) for d, _ in sent) + len(data) <= _AHEAD_BYTES

    def _answer(self, seconds: float) -> Any:
        """The child's answer for the oldest item it holds (given `seconds`), or `Exceeded` if it
        fails on it."""
        conn = self._conn
        assert conn is not None
        t0 = time.monotonic()
        name = self.task.name
        try:
            if not conn.poll(seconds):
                self.stop()
                return Exceeded("time", f"no result after {seconds:g} s")
            kind, payload = conn.recv()
        except (EOFError, OSError):  # the child died on this item
            code = None
            if self._proc is not None:
                with contextlib.suppress(subprocess.TimeoutExpired):
                    self._proc.wait(5)
                code = self._proc.returncode
            self.stop()
            if code == -9:  # SIGKILL: what the kernel's out-of-memory killer sends
                return Exceeded("memory", f"{name} process was killed")
            return Exceeded("crash", f"{name} process exited with {code}")
        if kind == "memory":
            self.stop()
            return Exceeded("memory", f"over {self.limits.memory_mb} MB after {time.monotonic() - t0:.1f} s")
        return payload


class _Pool:
    """The children of one process for one task, shared by every thread that uses them.

    A thread takes a child for the sandboxed part of its batch only, so with more batch threads
    than children, the children work on one batch while another batch is read or validated.
    """

    def __init__(self, task: Task, limits: Limits) -> None:
        self.task, self.limits = task, limits
        self._slots = threading.BoundedSemaphore(limits.processes or os.cpu_count() or 1)
        self._lock = threading.Lock()
        self._idle: list[Sandbox] = []
        self.sandboxes: list[Sandbox] = []

    @contextlib.contextmanager
    def sandbox(self) -> Iterator[Sandbox]:
        with self._slots:
            with self._lock:
                if self._idle:
                    box = self._idle.pop()
                else:
                    box = Sandbox(self.task, self.limits)
                    self.sandboxes.append(box)
            try:
                yield box
            finally:
                with self._lock:
                    self._idle.append(box)


_POOLS: dict[tuple[Task, Limits], _Pool] = {}
_POOLS_LOCK = threading.Lock()


def pool(task: Task, limits: Limits) -> _Pool:
    """This process's pool of children for `task` under `limits`."""
    with _POOLS_LOCK:
        found = _POOLS.get((task, limits))
        if found is None:
            found = _POOLS[(task, limits)] = _Pool(task, limits)
        return found


def _stop_all() -> None:
    for p in _POOLS.values():
        for box in p.sandboxes:
            box.stop()


atexit.register(_stop_all)


def run_sandboxed(task: Task, jobs: Iterable[Job], limits: Limits | None = None) -> list[Any]:
    """`task.work(*args)` for each job's arguments, in order, each in a child taken from the pool:
    the work's answer, or `Exceeded` for an item over a limit."""
    with pool(task, limits or Limits()).sandbox() as box:
        return list(box.run_all(jobs))


if __name__ == "__main__":  # the child: python -m tasks.sandbox FD MEMORY_BYTES
    _serve(Connection(int(sys.argv[1])), int(sys.argv[2]))
