"""Child processes that end with their parent.

A run killed with `kill -9` cannot stop its segmenter children (or a Dask worker's); left
alone they would live on as orphans, holding the run's pipes and memory. A daemon thread in each
child notices that its parent is gone (it is re-parented) and ends the child at once.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time

CHECK_SECONDS = 0.5


def exit_with_parent(parent: int | None = None) -> None:
    """Call first thing in a child process: it exits as soon as its parent process dies.

    The parent is `parent` (the pid the starting process passed down: right even when it died
    while this one was still starting up), else the process that started this one as
    multiprocessing knows it, else the current parent.
    """
    if parent is None:
        started_by = multiprocessing.parent_process()
        parent = started_by.pid if started_by is not None else os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()
