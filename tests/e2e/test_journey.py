"""The whole journey in a real browser: import with bad lines, a campaign, two annotators
ranking with the keyboard only (one reloads mid-way), the lead watching agreement and
adjudicating. Later stages extend this as they land."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from curation.store import models as m
from tests.e2e.conftest import Server
from tests.e2e.ui import body_text, focus_body, login, open_page, settle

pytestmark = pytest.mark.e2e

N_PAIRS = 4


def journey_file(tmp_path: Path) -> Path:
    good = [
        json.dumps(
            {
                "messages": [
                    {"role": "user", "content": f"How do I reset my password for workspace {i}?"}
                ],
                "completions": [
                    f"Open **Settings → Security** and choose *Reset password* (workspace {i}).",
                    f"Email support and wait {i + 2} days.",
                ],
                "rankings": [[0, 1]],
            }
        )
        for i in range(N_PAIRS)
    ]
    lines = [good[0], '{"messages": [', good[1], '{"completions": ["x", "y"]}', good[2], good[3]]
    path = tmp_path / "journey.jsonl"
    path.write_text("\n".join(lines) + "\n")
    return path


def judgments(server: Server) -> list[tuple[str, int | None]]:
    with server.workspace.read() as s:
        return [
            (a, c)
            for a, c in s.execute(
                sa.select(m.Judgment.annotator, m.Judgment.choice).where(
                    m.Judgment.is_current.is_(True), m.Judgment.retracted.is_(False)
                )
            )
        ]


def rank_with_keys(page: Any, key: str, times: int, total: int = N_PAIRS) -> None:
    """Answer ``times`` items with one number key and Enter, checking each is counted."""
    for _ in range(times):
        progress = page.get_by_text(re.compile(r"(\d+) of \d+ done")).first
        progress.wait_for()
        settle(page)
        done = int(re.search(r"(\d+) of", progress.inner_text()).group(1))  # type: ignore[union-attr]
        focus_body(page)
        page.keyboard.press(key)
        page.locator("[data-testid='stBaseButton-primary']").filter(
            has_text=re.compile(r"Left|Right|Tie|Both")
        ).first.wait_for()
        settle(page)
        focus_body(page)
        page.keyboard.press("Enter")
        if done + 1 < total:
            page.get_by_text(f"{done + 1} of").first.wait_for()
        else:
            page.get_by_text("Nothing left for you").wait_for()
        settle(page)


def test_lead_imports_creates_campaign_annotators_rank_lead_adjudicates(
    server: Server, pages: dict[str, Any], tmp_path: Path
) -> None:
    lead = pages["open"]("lead")
    login(lead, server.url, "lead")

    # import a file with bad lines: they are named by line, the rest goes in
    open_page(lead, "Import")
    lead.locator("input[type=file]").first.set_input_files(str(journey_file(tmp_path)))
    settle(lead, 1500)
    lead.get_by_text("line(s) will be rejected").wait_for()
    text = body_text(lead)
    assert "2 line(s) will be rejected" in text
    lead.get_by_label("Into dataset (new or existing)").fill("journey")
    lead.get_by_role("button", name="Import", exact=True).click()
    settle(lead, 1500)
    lead.get_by_text("4 imported").wait_for()

    # a campaign for two annotators
    open_page(lead, "Campaigns")
    lead.get_by_label("Name").fill("journey-c")
    lead.get_by_label("Annotators").click()
    for name in ("ann1", "ann2"):
        lead.keyboard.type(name)
        lead.keyboard.press("Enter")
    lead.keyboard.press("Escape")
    lead.get_by_role("button", name="Create campaign").click()
    settle(lead, 1500)
    lead.get_by_text("Created journey-c: 4 pairs").wait_for()

    # two annotators, keyboard only; ann1 reloads half way and loses nothing
    ann1, ann2 = pages["open"]("ann1"), pages["open"]("ann2")
    login(ann1, server.url, "ann1")
    login(ann2, server.url, "ann2")
    rank_with_keys(ann1, "1", 2)
    assert len([j for j in judgments(server) if j[0] == "ann1"]) == 2
    ann1.reload()
    ann1.get_by_text("2 of 4 done").wait_for(timeout=60_000)  # still logged in, progress kept
    rank_with_keys(ann1, "1", 2)
    rank_with_keys(ann2, "5", 4)
    ann1.get_by_text("Nothing left for you").wait_for()
    labels = judgments(server)
    assert len(labels) == 8
    assert {a for a, _ in labels} == {"ann1", "ann2"}

    # the lead sees the disagreement and settles one
    open_page(lead, "Quality")
    lead.get_by_text("Disagreements").first.wait_for(timeout=60_000)
    lead.get_by_text("Save decision").first.scroll_into_view_if_needed()
    settle(lead)
    assert "Krippendorff" in body_text(lead)
    lead.get_by_role("radiogroup").get_by_text("B ≫ A", exact=True).click()
    lead.get_by_label("Note (why)").fill("B sends the user to support for days.")
    lead.get_by_role("button", name="Save decision").click()
    settle(lead, 1500)
    with server.workspace.read() as s:
        adjudicated = s.execute(sa.select(m.Adjudication.lead, m.Adjudication.choice)).all()
    assert adjudicated == [("lead", -2)]
