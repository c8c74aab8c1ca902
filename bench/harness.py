"""Run one benchmark contender in a fresh interpreter and read its own peak memory.

A child prints one JSON line ``{"seconds": …, "cpu_seconds": …, "summary": {…}}``; the
parent reads the child's peak RSS from ``os.wait4`` so each contender's memory is its own.
CPU seconds count the work's own process and the processes it started and waited for
(import workers, say): on a shared machine they move much less than wall time.
"""

from __future__ import annotations

import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# CURATION_BENCH_OUT moves the cached data (GBs at 1M records) out of the checkout.
OUT = Path(os.environ.get("CURATION_BENCH_OUT") or ROOT / "bench" / "out")


def measure(module: str, *args: str, show_stderr: bool = False) -> dict[str, Any]:
    """``python -m module --child args…`` → seconds (as the child timed its work), peak RSS.

    ``show_stderr``: the child's stderr goes to ours as it runs (progress of a long run).
    """
    cmd = [sys.executable, "-m", module, "--child", *args]
    env = dict(os.environ, HF_HUB_OFFLINE="1", TOKENIZERS_PARALLELISM="false")
    started = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        where = None if show_stderr else err
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=where, env=env)
        assert proc.stdout is not None
        out = proc.stdout.read()
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            err.seek(0)
            raise RuntimeError(
                f"{module} {args} failed: {err.read().decode(errors='replace')[-2000:]}"
            )
    elapsed = time.perf_counter() - started
    result = json.loads(out.decode().strip().splitlines()[-1])
    return {
        "seconds": result["seconds"],
        "cpu_seconds": result["cpu_seconds"],
        "process_seconds": elapsed,
        "peak_rss_mb": usage.ru_maxrss / 1024,  # Linux reports KiB
        "summary": result["summary"],
    }


def child(work: Callable[..., dict[str, Any]], *args: Any) -> None:
    """Inside the child: time only the work, print one JSON line."""
    start, cpu = time.perf_counter(), cpu_seconds()
    summary = work(*args)
    seconds, cpu = time.perf_counter() - start, cpu_seconds() - cpu
    print(json.dumps({"seconds": seconds, "cpu_seconds": cpu, "summary": summary}))


def cpu_seconds() -> float:
    """User + system CPU of this process and of its children that have been waited for."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    return own.ru_utime + own.ru_stime + children_cpu_seconds()


def children_cpu_seconds() -> float:
    """User + system CPU of this process's children that have been waited for (workers)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return children.ru_utime + children.ru_stime


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{os.cpu_count()} cores ({cpu}), {mem:.0f} GiB RAM, Python {platform.python_version()}"
