"""Who runs a long piece of work: a token naming this process (host, pid, start time), and
whether the process a token names is still alive — so that a row left ``pending`` or
``running`` by a process killed with ``kill -9`` can be shown for what it is."""

from __future__ import annotations

import os
import socket
from pathlib import Path


def owner_token() -> str:
    """This process: host, pid and start time (so that a reused pid is not taken for it)."""
    return f"{socket.gethostname()}:{os.getpid()}:{_start_time(os.getpid())}"


def _start_time(pid: int) -> str:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return ""
    return stat.rsplit(")", 1)[1].split()[19]


def process_alive(owner: str) -> bool | None:
    """Whether the process named by ``owner`` still runs; None when it cannot be told
    (another host, or not a token of :func:`owner_token`)."""
    try:
        host, pid_text, start = owner.rsplit(":", 2)
        pid = int(pid_text)
    except ValueError:
        return None
    if host != socket.gethostname():
        return None
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # another user's process: it exists
    except OSError:
        return None
    try:
        stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return True
    return stat[0] not in ("Z", "X") and (not start or stat[19] == start)  # zombie, dead
