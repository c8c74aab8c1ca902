"""Browser tests: a real `streamlit run app.py` on a free port, driven by Playwright in Chromium.

Debian's Chromium is used (Playwright cannot download browsers here); the tests skip
with a clear message when it is missing. On failure every open page is screenshotted
into ``$CURATION_TEST_ARTIFACTS`` (default ``test-artifacts/``), which CI keeps.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from curation.auth import create_user
from curation.store import Workspace, open_workspace

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = Path(os.environ.get("CURATION_TEST_ARTIFACTS", REPO / "test-artifacts"))
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
PASSWORDS = {"lead": "lead-pass-1", "ann1": "ann1-pass-1", "ann2": "ann2-pass-1"}


def chromium_path() -> str | None:
    for candidate in (
        os.environ.get("CURATION_CHROMIUM"),
        "/usr/bin/chromium",
        shutil.which("chromium"),
    ):
        if candidate and Path(candidate).exists():
            return candidate
    return None


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


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    if chromium_path() is None:
        pytest.skip(
            "no Chromium found (apt-get install chromium, or set CURATION_CHROMIUM); browser tests skipped"
        )
    folder = tmp_path_factory.mktemp("e2e-ws")
    ws = open_workspace(folder)
    with ws.tx() as s:
        for name, password in PASSWORDS.items():
            create_user(s, name, "lead" if name == "lead" else "annotator", password, actor="e2e")
    env = dict(
        os.environ,
        CURATION_WORKSPACE=str(folder),
        HF_HUB_OFFLINE="1",
        TOKENIZERS_PARALLELISM="false",
    )
    env.pop("CURATION_DB_URL", None)
    log = folder / "server.log"
    port = str(free_port())
    proc = _start(port, env, log)
    srv = Server(f"http://127.0.0.1:{port}", ws, folder, proc, log, env)
    yield srv
    srv.process.kill()
    srv.process.wait(timeout=30)
    ws.dispose()


@pytest.fixture(scope="module")
def browser(server: Server) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        yield b
        b.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    outcome = yield
    report = outcome.get_result()  # type: ignore[attr-defined]
    if report.when == "call":
        item.stash[FAILED] = report.failed


FAILED = pytest.StashKey[bool]()


@pytest.fixture
def pages(request: pytest.FixtureRequest, browser: Any, server: Server) -> Iterator[dict[str, Any]]:
    """Open browser pages by name; screenshots of all of them are kept when the test fails."""
    opened: dict[str, Any] = {}
    contexts = []

    def open_as(name: str) -> Any:
        ctx = browser.new_context(viewport={"width": 1440, "height": 1000}, accept_downloads=True)
        contexts.append(ctx)
        page = ctx.new_page()
        page.set_default_timeout(30_000)
        opened[name] = page
        return page

    registry: dict[str, Any] = {"open": open_as, "pages": opened}
    yield registry
    if request.node.stash.get(FAILED, False):
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        for name, page in opened.items():
            target = ARTIFACTS / f"{request.node.name}-{name}.png"
            try:
                page.screenshot(path=str(target), full_page=True)
                print(f"screenshot kept: {target}")
            except Exception as exc:  # a crashed page cannot be shot; say so and go on
                print(f"no screenshot of {name}: {exc}")
        shutil.copy(server.log, ARTIFACTS / f"{request.node.name}-server.log")
    for ctx in contexts:
        ctx.close()
