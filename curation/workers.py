"""Worker processes for the import and the export: fresh interpreters running a module of
this copy of ``curation``.

A worker is ``python -m <module>``, not a :mod:`multiprocessing` child: spawn and
forkserver re-run the caller's main script in every worker (a script without an
``if __name__ == "__main__"`` guard would start workers forever), and fork copies the
caller's threads (the export's sink writers, a Streamlit server, a database driver)
mid-lock, which can deadlock. A worker is handed its pipes or socket by descriptor
(``pass_fds``), which needs POSIX.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path


def usable_cores() -> int:
    """The cores this process may run on, for worker processes: 1 off POSIX, where a worker
    cannot inherit its descriptors."""
    if os.name != "posix":
        return 1
    if hasattr(os, "sched_getaffinity"):  # Linux: the cores this process is allowed
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def start_module_worker(
    module: str, args: list[str], pass_fds: Sequence[int]
) -> subprocess.Popen[bytes]:
    """``python -m module args…`` in a fresh interpreter that imports this copy of
    ``curation``, with the descriptors ``pass_fds`` inherited.

    The worker keeps the caller's directory (a workspace given by a relative path stays
    where it is): this copy comes first on ``PYTHONPATH``, and ``-P`` keeps the caller's
    directory, which may hold another ``curation``, off ``sys.path``. Its stdin and stdout
    are /dev/null, so a stray print cannot end up in the caller's output (the CLI's
    ``--json``); its stderr is the caller's. Raises :class:`OSError` when it cannot start.
    """
    root = str(Path(__file__).resolve().parent.parent)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [root, env.get("PYTHONPATH")]))
    return subprocess.Popen(
        [sys.executable, "-P", "-m", module, *args],
        pass_fds=pass_fds,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        env=env,
    )
