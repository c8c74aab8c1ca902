"""Every page at a laptop (1366×768) and a desktop (1920×1080) size, saved as PNG files in
``$CURATION_TEST_ARTIFACTS`` (default ``test-artifacts/``) for CI to keep and people to look at.

One server and one logged-in browser context per role; each page is opened once through the
sidebar and shot at both sizes. A page that shows an error, an exception or Streamlit's
"Page not found" fails the test.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from curation.auth import create_user
from curation.ingest.importer import import_file
from curation.labeling.campaigns import CampaignSpec, create_campaign
from curation.ui.nav import PAGES
from tests.e2e.server import ARTIFACTS, PASSWORDS, Server
from tests.e2e.ui import login, open_page, settle

pytestmark = pytest.mark.e2e

SIZES = {"1366x768": (1366, 768), "1920x1080": (1920, 1080)}
SAMPLES = Path(__file__).resolve().parents[2] / "curation" / "sample_data"
ADMIN = "admin1"


@pytest.fixture(scope="module")
def content(server: Server) -> Iterator[None]:
    """Something on every page: a dataset of pairs, one of chats, a campaign, an admin."""
    import_file(server.workspace, SAMPLES / "contract_pairs.jsonl", "contracts")
    import_file(server.workspace, SAMPLES / "support_chats.jsonl", "support")
    with server.workspace.tx() as s:
        create_user(s, ADMIN, "admin", "admin1-pass-1", actor="e2e")
        create_campaign(
            s,
            CampaignSpec(
                name="contracts-review",
                dataset="contracts",
                overlap=2,
                annotators=["ann1", "ann2"],
                criteria=["accuracy", "caveats"],
                guidelines="# How to rank\n\nCorrectness first, then caveats, then brevity.",
            ),
            actor="e2e",
        )
    PASSWORDS[ADMIN] = "admin1-pass-1"
    yield
    PASSWORDS.pop(ADMIN, None)


def shoot(page: Any, role: str, slug: str) -> list[Path]:
    saved = []
    for size, (width, height) in SIZES.items():
        page.set_viewport_size({"width": width, "height": height})
        settle(page, 500)
        target = ARTIFACTS / "screens" / f"{role}-{slug}-{size}.png"
        page.screenshot(path=str(target))
        saved.append(target)
    return saved


def no_error_on(page: Any, title: str) -> None:
    for testid in ("stException", "stAlertContentError"):
        assert page.locator(f"[data-testid='{testid}']").count() == 0, f"{title}: an error shows"
    assert page.get_by_text("Page not found").count() == 0, title


@pytest.mark.parametrize(
    ("role", "account"), [("annotator", "ann1"), ("lead", "lead"), ("admin", ADMIN)]
)
def test_every_page_at_two_sizes(
    server: Server, browser: Any, content: None, role: str, account: str
) -> None:
    (ARTIFACTS / "screens").mkdir(parents=True, exist_ok=True)
    ctx = browser.new_context(viewport={"width": 1366, "height": 768})
    try:
        page = ctx.new_page()
        page.set_default_timeout(60_000)
        login(page, server.url, account)
        # each role's own pages (a lead also sees the annotator's, an admin the lead's: shot once)
        titles = [p.title for p in PAGES if p.role == role]
        saved: list[Path] = []
        for title in titles:
            page.set_viewport_size({"width": 1366, "height": 768})
            open_page(page, title)
            settle(page, 1200)
            no_error_on(page, title)
            saved += shoot(page, role, title.lower().replace(" ", "-"))
        assert saved and all(p.stat().st_size > 5_000 for p in saved), saved
    finally:
        ctx.close()
