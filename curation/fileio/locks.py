"""Advisory locks that tell a live writer's temporary files from a killed one's.

A writer holds an exclusive ``flock`` on what it stages while it lives; a process killed
with ``kill -9`` loses its locks but leaves its files. A sweep removes only files (or
folders) at least :data:`SWEEP_MIN_AGE` old whose lock nobody holds; where locks cannot be
taken (Windows, some network file systems) it goes by age alone, :data:`UNLOCKED_MIN_AGE`.
"""

from __future__ import annotations

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no advisory locks, sweeps go by age only
    fcntl = None  # type: ignore[assignment]

SWEEP_MIN_AGE = 60.0  # seconds: covers the instant between creating a file and locking it
UNLOCKED_MIN_AGE = 24 * 3600.0  # where locks cannot be taken, only day-old files go


def try_lock(fd: int) -> bool | None:
    """Take the file's exclusive lock without waiting: True when taken, False when another
    open file holds it, None when locks are not available here."""
    if fcntl is None:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError:
        return None
    return True


def hold(fd: int) -> None:
    """Take the file's exclusive lock, waiting for it (nothing where locks are not available)."""
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_EX)
