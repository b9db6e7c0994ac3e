"""Named crash points, so that tests can prove a run killed at any step loses nothing.

`crash_point("before_commit")` does nothing unless the environment variable SCRAPELINE_CRASH_AT
names that step; then the process dies on the spot, as under `kill -9`: no `finally` blocks, no
atexit handlers, no flushing, no lock release other than what the kernel does for a dead process.
"""

from __future__ import annotations

import multiprocessing
import os
import signal

CRASH_ENV = "SCRAPELINE_CRASH_AT"
CRASH_EXIT_CODE = 137  # what a shell reports for a process killed by SIGKILL

# The steps of a run, in order, at which a crash point sits.
STEPS = (
    "after_lock",  # writer lock held, nothing changed yet
    "mid_refresh",  # --full-refresh: database removed, part files not yet
    "after_discover",  # inputs found and planned, no part file written
    "after_batch_write",  # a batch's Parquet parts written, not committed
    "mid_group",  # batches validated together: the first one's rows written, the others' not
    "before_commit",  # every part and the run's row written, commit not begun
    "mid_commit",  # inside the commit transaction: some catalog rows inserted
    "before_views",  # inside the transaction: all catalog rows inserted, views not rebuilt
    "after_views",  # inside the transaction: views rebuilt, COMMIT not yet issued
    "after_commit",  # committed, database not yet closed (its write-ahead log not checkpointed)
)


def crash_point(name: str) -> None:
    """Die here, like kill -9, when SCRAPELINE_CRASH_AT names this step (test hook, off by default)."""
    if os.environ.get(CRASH_ENV) == name:
        if multiprocessing.parent_process() is not None:  # a worker process (Dask): the whole run dies
            os.kill(os.getppid(), signal.SIGKILL)
        os._exit(CRASH_EXIT_CODE)
