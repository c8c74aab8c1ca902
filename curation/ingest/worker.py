"""An import worker process: ``python -m curation.ingest.worker TASK_FD RESULT_FD``.

The first message on TASK_FD is the import's RowContext, then chunks of raw lines; for
each chunk the worker writes its BuiltChunk (or a WorkerFailure) to RESULT_FD, in
order. It exits at the end of the tasks, which is also what it sees when the importing
process dies.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import queue
import signal
import sys
import threading
import traceback
from typing import IO, Any

from curation.ingest.rows import RowContext, WorkerFailure, build_chunk

_END = object()


def main(argv: list[str]) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the importing process
    tasks: queue.Queue[Any] = queue.Queue()
    threading.Thread(target=_read_tasks, args=(int(argv[0]), tasks), daemon=True).start()
    ctx = tasks.get()
    if not isinstance(ctx, RowContext):
        return  # the importing process is gone already
    with os.fdopen(int(argv[1]), "wb") as results, contextlib.suppress(BrokenPipeError):
        while (chunk := tasks.get()) is not _END:
            _answer(results, chunk, ctx)


def _read_tasks(fd: int, tasks: queue.Queue[Any]) -> None:
    with os.fdopen(fd, "rb") as fh:
        while True:
            try:
                tasks.put(pickle.load(fh))
            except Exception:  # the end of the tasks, or a message cut short by a dying importer
                break
    tasks.put(_END)


def _answer(results: IO[bytes], chunk: Any, ctx: RowContext) -> None:
    try:
        outcome: Any = build_chunk(chunk, ctx)
    except Exception:
        outcome = WorkerFailure(traceback.format_exc())
    pickle.dump(outcome, results, protocol=pickle.HIGHEST_PROTOCOL)
    results.flush()


if __name__ == "__main__":
    main(sys.argv[1:])
