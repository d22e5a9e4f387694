"""Run one command and print its own wall time, CPU time and peak memory as JSON (bench/run.py's measuring stick).

    python -I bench/launch.py -- COMMAND [ARG ...]

Why a launcher: `wait4` reports a child's `ru_maxrss` as the most the child ever held, and a child made by
`fork` starts by holding its parent's pages, a peak the kernel keeps through `exec`. Measured straight from the
benchmark, every build would report at least the benchmark's own size (hundreds of MiB once it has rendered an
archive). This script is started as a fresh interpreter holding nothing else (about 10 MiB), forks the command
from there and reports what `wait4` says of it: the command's peak or its children's (Pagefind), whichever is
higher, so the largest single process of the tree; and, polled from /proc every 50 ms while it runs, the peak of
the largest Python process of the tree (VmHWM: the build's own, not Pagefind's binary nor a shell around both steps),
and the peak of the sum of the resident memory (RSS) of every live process
of the tree at once (the command and its descendants, found by their parent ids in /proc/*/stat: this kernel has no
/proc/<pid>/task/*/children). A process that lives less than 50 ms can be missed by the sum; pages two processes
share are counted in each.
Standard library only; the command's output goes to this script's stderr.
"""

from __future__ import annotations

import json
import os
import sys
import time

INTERVAL = 0.05
"""Seconds between two readings of /proc."""
PAGE_KIB = os.sysconf("SC_PAGE_SIZE") // 1024


def main(argv: list[str]) -> int:
    if not argv or argv[0] != "--" or len(argv) < 2:
        print("usage: launch.py -- COMMAND [ARG ...]", file=sys.stderr)
        return 2
    command = argv[1:]
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:  # the child: stdout is the report's, so the command writes to stderr
        try:
            os.dup2(2, 1)
            os.execvp(command[0], command)
        finally:
            os._exit(127)
    own = tree = samples = 0
    while True:  # the largest Python process's high-water mark and the tree's summed RSS, read while it runs
        pids = _tree(pid)
        own = max(own, *(_hwm_kib(p) for p in pids if _is_python(p)), 0)
        tree = max(tree, _rss_kib(pids))
        samples += 1
        done, status, usage = os.wait4(pid, os.WNOHANG)
        if done:
            break
        time.sleep(INTERVAL)
    seconds = time.perf_counter() - start
    print(json.dumps({"returncode": os.waitstatus_to_exitcode(status), "seconds": seconds,
                      "cpu": usage.ru_utime + usage.ru_stime, "peak_kib": usage.ru_maxrss, "own_peak_kib": own,
                      "tree_peak_kib": tree, "samples": samples}))
    return 0


def _hwm_kib(pid: int) -> int:
    """VmHWM of `pid` (its peak resident memory since its last exec), 0 once it is gone."""
    try:
        status = open(f"/proc/{pid}/status", encoding="ascii").read()
    except OSError:
        return 0
    field = status.partition("VmHWM:")[2].split()
    return int(field[0]) if field else 0


def _is_python(pid: int) -> bool:
    """Whether `pid` runs a Python interpreter (the build, not Pagefind's binary or a shell around them)."""
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            first = f.read().split(b"\0")[0]
    except OSError:
        return False
    return os.path.basename(first).startswith(b"python")


def _tree(root: int) -> list[int]:
    """`root` and all its live descendants."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as f:
                stat = f.read()
        except OSError:
            continue
        ppid = int(stat.rpartition(b")")[2].split()[1])  # the name, in parentheses, may hold spaces
        children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def _rss_kib(pids: list[int]) -> int:
    """The resident memory of `pids`, summed (KiB); a process gone meanwhile counts 0."""
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/statm", "rb") as f:
                total += int(f.read().split()[1]) * PAGE_KIB
        except (OSError, IndexError, ValueError):
            continue
    return total


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
