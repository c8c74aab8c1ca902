"""Browser tests: a real `streamlit run app.py` on a free port, driven by Playwright in Chromium.

Debian's Chromium is used (Playwright cannot download browsers here); the tests skip
with a clear message when it is missing. On failure every open page is screenshotted
into ``$CURATION_TEST_ARTIFACTS`` (default ``test-artifacts/``), which CI keeps.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from curation.auth import create_user
from curation.store import open_workspace
from tests.e2e.server import ARTIFACTS, PASSWORDS, Server, _start, free_port

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def chromium_path() -> str | None:
    for candidate in (
        os.environ.get("CURATION_CHROMIUM"),
        "/usr/bin/chromium",
        shutil.which("chromium"),
    ):
        if candidate and Path(candidate).exists():
            return candidate
    return None


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with serve(tmp_path_factory) as srv:
        yield srv


@contextmanager
def serve(tmp_path_factory: pytest.TempPathFactory, db_url: str | None = None) -> Iterator[Server]:
    """The app on a fresh workspace (SQLite in its folder, or the database at ``db_url``)."""
    if chromium_path() is None:
        pytest.skip(
            "no Chromium found (apt-get install chromium, or set CURATION_CHROMIUM); browser tests skipped"
        )
    folder = tmp_path_factory.mktemp("e2e-ws")
    ws = open_workspace(folder, db_url)
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
    if db_url:
        env["CURATION_DB_URL"] = db_url
    log = folder / "server.log"
    port = str(free_port())
    proc = _start(port, env, log)
    srv = Server(f"http://127.0.0.1:{port}", ws, folder, proc, log, env)
    try:
        yield srv
    finally:
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
