"""Small Playwright helpers for a Streamlit app: log in, open a page, wait until a rerun is done."""

from __future__ import annotations

import re
from typing import Any

from tests.e2e.server import PASSWORDS


def settle(page: Any, ms: int = 400) -> None:
    """Wait until Streamlit has finished the current run (the 'running' widget is gone)."""
    page.wait_for_timeout(ms)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000
    )
    page.wait_for_timeout(200)


def login(page: Any, url: str, name: str) -> None:
    page.goto(url)
    page.get_by_label("User name").wait_for(timeout=90_000)
    page.get_by_label("User name").fill(name)
    page.get_by_label("Password", exact=True).fill(PASSWORDS[name])
    page.get_by_role("button", name="Log in").click()
    page.get_by_text("Signed in as").wait_for(timeout=60_000)
    settle(page)


def open_page(page: Any, title: str) -> None:
    page.get_by_role("link", name=title).first.click()
    settle(page)


def focus_body(page: Any) -> None:
    """Move focus off any input so that single-key shortcuts reach the app."""
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    page.mouse.click(2, 300)


def body_text(page: Any) -> str:
    return str(page.locator("section.stMain, [data-testid='stMain']").first.inner_text())


N_PAIRS = 4  # the pairs the journey's dataset holds


TASK_ITEM = "[data-curation-task][data-assignment]:not([data-assignment=''])"


def rank_with_keys(page: Any, key: str, times: int, total: int = N_PAIRS) -> None:
    """Answer ``times`` items with one number key and Enter, checking each is stored and counted."""
    for _ in range(times):
        progress = page.get_by_text(re.compile(r"(\d+) of \d+ done")).first
        progress.wait_for()
        done = int(re.search(r"(\d+) of", progress.inner_text()).group(1))  # type: ignore[union-attr]
        page.locator(TASK_ITEM).wait_for()
        focus_body(page)
        page.keyboard.press(key)
        page.keyboard.press("Enter")
        page.locator("[data-send-status][data-pending='0']").wait_for()
        if done + 1 < total:
            page.get_by_text(f"{done + 1} of").first.wait_for()
        else:
            page.get_by_text("Nothing left for you").wait_for()
        settle(page)
