#!/usr/bin/env python3
"""Run a command and report, like GNU time's '%e %U %S %M', its wall-clock
seconds, user and system CPU seconds, and peak resident memory in KiB, where
the peak is of the whole process tree at once: the resident memory of the
command and all its descendants, summed, sampled every 20 ms.

    python3 Benchmarks/tree_time.py -o TIMEFILE -- COMMAND [ARGS...]

GNU time's %M is the largest peak of any single process. A build that runs
two search indexers beside itself uses the sum of the three, so that is what
this reports (or the largest single peak, if that is larger, for a process
too short-lived for the sampling).
"""
import os, resource, subprocess, sys, threading, time


def tree_rss_kib(root):
    """Resident KiB of `root` and its descendants, read from /proc."""
    children = {}
    rss = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as stat:
                fields = stat.read().rsplit(b")", 1)[1].split()
            parent, pages = int(fields[1]), int(fields[21])
        except (OSError, IndexError, ValueError):
            continue
        pid = int(entry)
        children.setdefault(parent, []).append(pid)
        rss[pid] = pages * (os.sysconf("SC_PAGE_SIZE") // 1024)
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, []))
    return total


def main():
    args = sys.argv[1:]
    if len(args) < 4 or args[0] != "-o" or args[2] != "--":
        sys.exit(__doc__)
    out, command = args[1], args[3:]
    started = time.monotonic()
    process = subprocess.Popen(command)
    peak = [0]
    done = threading.Event()

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], tree_rss_kib(process.pid))
            done.wait(0.02)
    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    status = process.wait()
    done.set()
    sampler.join()
    wall = time.monotonic() - started
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    with open(out, "w") as file:
        file.write(f"{wall:.2f} {usage.ru_utime:.2f} {usage.ru_stime:.2f} {max(peak[0], usage.ru_maxrss)}\n")
    sys.exit(status if status >= 0 else 128 - status)


if __name__ == "__main__":
    main()
