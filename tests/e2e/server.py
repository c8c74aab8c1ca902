"""The app under test: a real `streamlit run` on a free port (start, restart), its paths and accounts."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from curation.store import Workspace

REPO = Path(__file__).resolve().parents[2]


ARTIFACTS = Path(os.environ.get("CURATION_TEST_ARTIFACTS", REPO / "test-artifacts"))


PASSWORDS = {"lead": "lead-pass-1", "ann1": "ann1-pass-1", "ann2": "ann2-pass-1"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    url: str
    workspace: Workspace
    folder: Path
    process: subprocess.Popen[bytes]
    log: Path
    env: dict[str, str] = field(default_factory=dict)

    def restart(self) -> None:
        """Kill -9 and start again on the same port and workspace."""
        self.process.kill()
        self.process.wait(timeout=30)
        self.process = _start(self.url.rsplit(":", 1)[1], self.env, self.log)


def _start(port: str, env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    cmd = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(REPO / "curation" / "ui" / "app.py"),
        "--server.port",
        port,
        "--server.address",
        "127.0.0.1",
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
        "--server.fileWatcherType",
        "none",
    ]
    proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=log.open("ab"), stderr=subprocess.STDOUT)
    deadline = time.time() + 90
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return proc
        except OSError:
            time.sleep(0.5)
    proc.kill()
    raise RuntimeError(f"streamlit did not start; see {log}")
