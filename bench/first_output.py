"""Seconds from starting a command to the first byte it writes on stdout or stderr.

    .venv/bin/python bench/first_output.py -- scrapeline run examples --warehouse /tmp/wh

A command that sits silent while its libraries load looks hung; this measures how long the
terminal stays blank. The command runs to its end (so it leaves no half-done work); its wall
time is printed too. --repeat N gives the median of N runs.
"""

from __future__ import annotations

import argparse
import os
import selectors
import statistics
import subprocess
import time


def first_output(cmd: list[str]) -> tuple[float, float, str]:
    """(seconds to first byte, seconds to exit, the first line) of one run of `cmd`."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    sel = selectors.DefaultSelector()
    for stream in (proc.stdout, proc.stderr):
        os.set_blocking(stream.fileno(), False)
        sel.register(stream, selectors.EVENT_READ)
    first, text = None, b""
    open_streams = 2
    while open_streams:
        for key, _ in sel.select():
            chunk = key.fileobj.read()
            if not chunk:
                sel.unregister(key.fileobj)
                open_streams -= 1
                continue
            if first is None:
                first = time.perf_counter() - t0
            if b"\n" not in text:
                text += chunk
    proc.wait()
    wall = time.perf_counter() - t0
    return (first if first is not None else wall), wall, text.decode("utf-8", "replace").split("\n")[0]


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--repeat", type=int, default=1)
    p.add_argument("cmd", nargs=argparse.REMAINDER)
    a = p.parse_args()
    cmd = a.cmd[1:] if a.cmd[:1] == ["--"] else a.cmd
    firsts, walls = [], []
    for _ in range(a.repeat):
        first, wall, line = first_output(cmd)
        firsts.append(first)
        walls.append(wall)
        print(f"first byte {first:.3f} s, exit {wall:.2f} s: {line[:100]!r}", flush=True)
    print(f"median first byte {statistics.median(firsts):.3f} s, exit {statistics.median(walls):.2f} s")


if __name__ == "__main__":
    main()
