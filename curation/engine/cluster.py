"""Ray for this process: a local instance started here, or a cluster attached to.

Rules measured with ray 2.60 on the development machine:

- ``ray.init`` only from a process's main thread: started from any other thread (a
  Streamlit page runs in one) it loses its GCS connection after 60 s and kills the
  process. :func:`connect` refuses elsewhere; :func:`curation.engine.choose` keeps such
  callers in-process unless this process is connected already.
- A local instance listens on 127.0.0.1 only (Ray replaces a loopback node address with
  the machine's own unless it is told there is no cluster to reach:
  ``RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER=0``), without the dashboard, without usage
  statistics, with one CPU per usable core.
- Workers log to their own files, not to this process: a stray print must not end up in
  the CLI's ``--json`` output.
"""

from __future__ import annotations

import atexit
import ipaddress
import logging
import os
import sys
import threading
from pathlib import Path
from typing import Any

from curation.errors import CurationError, InternalError

_LOOPBACK_NAMES = ("localhost", "")


class EngineUnavailableError(CurationError):
    """Ray could not be started or reached."""


def connected() -> bool:
    """Whether this process holds a Ray connection (without importing Ray when it does not)."""
    ray = sys.modules.get("ray")
    return ray is not None and bool(ray.is_initialized())


def usable_cores() -> int:
    """The cores this process may run on (Linux: its CPU affinity)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def is_main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


def is_loopback(address: str) -> bool:
    host = address.rsplit(":", 1)[0].strip("[]")
    if host in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def connect(address: str | None = None, *, cpus: int | None = None) -> None:
    """Connect this process to Ray: to the cluster at ``address``, else a new local instance
    with ``cpus`` CPUs (default: one per usable core). Nothing to do when connected already.

    Raises :class:`EngineUnavailableError` (one line) when Ray cannot start or be reached."""
    if connected():
        return
    if not is_main_thread():
        raise InternalError("Ray may be started only from a process's main thread")
    local = address is None or is_loopback(address)
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    if local:
        os.environ["RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER"] = "0"  # node address 127.0.0.1
    if address is None:  # Ray's default for a new instance, without its warning
        os.environ.setdefault("RAY_AUTH_MODE", "token")
    import ray
    from ray._private import ray_constants

    if local:  # read when Ray is imported; Ray may have been imported before this call
        ray_constants.ENABLE_RAY_CLUSTER = False
    if address is None:
        _refresh_auth_mode()
    options: dict[str, Any] = {
        "log_to_driver": False,
        "logging_level": logging.WARNING,
        "configure_logging": False,
    }
    if local:  # the workers import this copy of curation, wherever it was imported from
        root = str(Path(__file__).resolve().parents[2])
        path = os.pathsep.join(p for p in (root, os.environ.get("PYTHONPATH")) if p)
        options["runtime_env"] = {"env_vars": {"PYTHONPATH": path}}
    try:
        if address is None:  # "local": a new instance, never one another process started
            ray.init(
                address="local", num_cpus=cpus or usable_cores(), include_dashboard=False, **options
            )
        else:
            ray.init(address=address, **options)
    except Exception as exc:  # Ray raises ConnectionError, RuntimeError, ValueError…
        where = f"the Ray cluster at {address}" if address else "a local Ray instance"
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise EngineUnavailableError(f"could not start or reach {where}: {reason}") from None
    atexit.register(shutdown)


def _refresh_auth_mode() -> None:
    """Make Ray read ``RAY_AUTH_MODE`` again before a new local instance starts.

    Ray caches its config in this process at its first connection. After one to a cluster
    without token authentication (a test's ``ray.cluster_utils.Cluster``, a cluster
    attached to earlier), the cache still says "disabled": ``ray.init`` then makes no
    token, while the new GCS, reading ``RAY_AUTH_MODE=token`` from the environment, finds
    none and exits ("Timed out waiting for file …gcs_server_port…"). Ray refreshes the cache
    this way itself when it turns token authentication on (``_enable_token_auth``).
    """
    from ray._raylet import Config  # type: ignore[attr-defined]

    Config.initialize("")


def address() -> str:
    """The connected cluster's address, for other processes to attach to."""
    import ray

    return str(ray.get_runtime_context().gcs_address)


def cpus() -> int:
    """The CPUs of the connected cluster (at least 1)."""
    import ray

    return max(1, int(ray.cluster_resources().get("CPU", 1)))


def shutdown() -> None:
    """Disconnect (and stop the local instance this process started). Safe to call twice."""
    if connected():
        import ray

        ray.shutdown()
