"""Jobs: what running a stage as a background job costs against the same call in the foreground.

The same ``import_file`` of a synthetic chat file into a fresh SQLite workspace, once
called directly and once submitted as a job and run by a runner (a child process per
job: a Python start, its imports, and progress written at most every 0.5 s, beside the
database while the import holds SQLite's write lock). ``empty_job_seconds`` is a job
that does nothing, from submit to succeeded: the fixed cost of a job. ``progress_seen``
counts the distinct progress values a reader polling every 0.1 s saw during the job.
CPU seconds include every process involved (the job's, the import's workers, the
runner and the polling reader): on a loaded machine they say more than wall time.

    python -m bench.bench_jobs --sizes 200000
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from bench.bench_validate import dataset


def _workspace() -> Any:
    from curation.store import open_workspace

    return open_workspace(Path(tempfile.mkdtemp(prefix="bench-jobs-")))


def _cpu() -> float:
    """CPU seconds of this process and of its reaped children (a job's process, workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def foreground(path: Path) -> tuple[float, float]:
    from curation.ingest.importer import import_file

    ws = _workspace()
    try:
        started, cpu = time.perf_counter(), _cpu()
        import_file(ws, path, "bench")
        return time.perf_counter() - started, _cpu() - cpu
    finally:
        ws.dispose()
        shutil.rmtree(ws.folder, ignore_errors=True)


def as_job(kind: str, params: dict[str, Any]) -> tuple[float, float, int, str]:
    from curation.jobs import get_job, submit
    from curation.jobs.runner import LocalProcessExecutor, Runner
    from curation.jobs.store import quick_workspace

    ws = _workspace()
    quick = quick_workspace(ws.url, ws.folder, 2000)
    runner = Runner(quick, LocalProcessExecutor(ws.url, ws.folder))
    stop = threading.Event()
    thread = threading.Thread(target=runner.run, args=(stop,), daemon=True)
    thread.start()
    try:
        started, cpu = time.perf_counter(), _cpu()
        job = submit(ws, kind, params, None, "bench")
        seen: set[tuple[str, int]] = set()
        while not job.finished:
            time.sleep(0.1)
            job = get_job(ws, job.id)
            seen.add((job.progress.stage, job.progress.done))
        seconds = time.perf_counter() - started
        stop.set()
        thread.join()
        return seconds, _cpu() - cpu, len(seen), job.status
    finally:
        stop.set()
        thread.join()
        quick.dispose()
        ws.dispose()
        shutil.rmtree(ws.folder, ignore_errors=True)


def run(sizes: list[int]) -> list[dict[str, Any]]:
    empty, empty_cpu, _, _ = as_job("sleep", {"seconds": 0, "steps": 1})
    rows = []
    for n in sizes:
        path = dataset(n)
        fg, fg_cpu = foreground(path)
        bg, bg_cpu, seen, status = as_job("import", {"path": str(path), "dataset": "bench"})
        rows.append(
            {
                "benchmark": "jobs",
                "records": n,
                "cores": os.cpu_count(),
                "foreground_seconds": round(fg, 1),
                "job_seconds": round(bg, 1),
                "ratio_to_foreground": round(bg / fg, 2),
                "foreground_cpu_seconds": round(fg_cpu, 1),
                "job_cpu_seconds": round(bg_cpu, 1),
                "cpu_ratio_to_foreground": round(bg_cpu / fg_cpu, 2),
                "empty_job_seconds": round(empty, 1),
                "empty_job_cpu_seconds": round(empty_cpu, 1),
                "progress_seen": seen,
                "job_status": status,
                "load_average": round(os.getloadavg()[0], 1),
            }
        )
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="200000")
    args = parser.parse_args(argv)
    for row in run([int(s) for s in args.sizes.split(",")]):
        print(json.dumps(row))


if __name__ == "__main__":
    main()
