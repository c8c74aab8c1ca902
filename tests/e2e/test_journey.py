"""The whole journey in a real browser: the lead imports a file with bad lines, scans it for
PII and accepts the findings, runs dedup and drops a cluster, creates a campaign; two
annotators rank with the keyboard only (one reloads mid-way); the lead watches agreement,
adjudicates, exports preference JSONL, downloads it, and the file passes the validator."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from curation.ingest.validate import validate_file
from curation.store import labeling_models as lm
from curation.store import models as m
from tests.e2e.server import Server
from tests.e2e.ui import body_text, login, open_page, rank_with_keys, settle

pytestmark = pytest.mark.e2e

EMAIL = "jane.cooper@example.com"


# four distinct support questions, each with a good and a poor answer
TASKS = [
    (
        "How do I reset my password?",
        "Open **Settings → Security** and choose *Reset password*; a link arrives by e-mail.",
        "Email support and wait a few days.",
    ),
    (
        f"I am Jane Cooper ({EMAIL}). Why was my card charged twice this month?",
        "The second charge is a pending authorisation; it drops off within 3 business days.",
        "Banks make mistakes, ask yours.",
    ),
    (
        "Which regions can host a Kubernetes cluster?",
        "Clusters run in `eu-west`, `us-east` and `ap-south`; pick one when you create it.",
        "Everywhere.",
    ),
    (
        "Can I export my invoices as CSV for the accountant?",
        "Yes: **Billing → Invoices → Export** gives one CSV row per invoice line.",
        "Take screenshots of the invoices.",
    ),
]


def journey_file(tmp_path: Path) -> Path:
    good = [
        json.dumps(
            {
                "messages": [{"role": "user", "content": prompt}],
                "completions": [better, worse],
                "rankings": [[0, 1]],
            }
        )
        for prompt, better, worse in TASKS
    ]
    # record 2 again but for case and spacing: an exact duplicate once normalised, and a
    # new record to the importer (its raw content differs)
    copy = json.loads(good[2])
    copy["messages"][0]["content"] = "  WHICH regions can host a   Kubernetes cluster ?"
    lines = [
        good[0],
        '{"messages": [',
        good[1],
        '{"completions": ["x", "y"]}',
        good[2],
        good[3],
        json.dumps(copy),
    ]
    path = tmp_path / "journey.jsonl"
    path.write_text("\n".join(lines) + "\n")
    return path


def judgments(server: Server) -> list[tuple[str, int | None]]:
    with server.workspace.read() as s:
        return [
            (a, c)
            for a, c in s.execute(
                sa.select(lm.Judgment.annotator, lm.Judgment.choice).where(
                    lm.Judgment.is_current.is_(True), lm.Judgment.retracted.is_(False)
                )
            )
        ]


def records_by_status(server: Server) -> dict[str, int]:
    with server.workspace.read() as s:
        rows = s.execute(sa.select(m.Record.status, sa.func.count()).group_by(m.Record.status))
        return {status: n for status, n in rows}


def choose(page: Any, label: str, option: str) -> None:
    """Pick an option of a Streamlit selectbox by typing it, as a keyboard user would."""
    page.get_by_label(label).first.click()
    page.keyboard.type(option)
    page.keyboard.press("Enter")
    settle(page)


def import_with_bad_lines(lead: Any, tmp_path: Path) -> None:
    open_page(lead, "Import")
    lead.locator("input[type=file]").first.set_input_files(str(journey_file(tmp_path)))
    settle(lead, 1500)
    lead.get_by_text("lines will be rejected").wait_for()
    assert "2 lines will be rejected" in body_text(lead)
    # a new dataset named after the file is the default target
    assert lead.get_by_label("New dataset name").input_value() == "journey"
    lead.get_by_role("button", name="Import", exact=True).click()
    settle(lead, 1500)
    lead.get_by_text("5 imported").wait_for()


def scan_and_accept_pii(lead: Any, server: Server) -> None:
    open_page(lead, "PII")
    lead.get_by_role("button", name="Scan", exact=True).click()
    settle(lead, 2000)
    lead.get_by_role("tab", name="Record").click()
    settle(lead)
    # the record with findings opens first, its spans highlighted
    lead.get_by_text(EMAIL).first.wait_for(timeout=60_000)
    settle(lead)
    lead.get_by_role("button", name=re.compile(r"Accept all \d+ unreviewed")).click()
    settle(lead, 1000)
    lead.get_by_role("tab", name="Apply").click()
    settle(lead)
    lead.get_by_role("button", name=re.compile(r"Apply to \d+ records?")).click()
    settle(lead, 2000)
    with server.workspace.read() as s:
        prompts = [
            json.dumps(r.redacted_messages)
            for r in s.scalars(sa.select(m.Record))
            if r.redacted_messages is not None
        ]
    assert len(prompts) == 1 and EMAIL not in prompts[0] and "Jane" not in prompts[0]


def drop_duplicate_cluster(lead: Any, server: Server) -> None:
    open_page(lead, "Deduplicate")
    choose(lead, "Embedder", "MiniLM")
    lead.get_by_role("button", name="Run dedup").click()
    settle(lead, 3000)
    lead.get_by_text("Clusters").first.wait_for(timeout=120_000)
    lead.get_by_role("button", name="Keep the representative only").first.click()
    settle(lead, 1000)
    assert records_by_status(server) == {"active": 4, "duplicate": 1}


def create_campaign(lead: Any) -> None:
    open_page(lead, "Campaigns")
    lead.get_by_label("Name").fill("journey-c")
    lead.get_by_label("Annotators").click()
    for name in ("ann1", "ann2"):
        lead.keyboard.type(name)
        lead.keyboard.press("Enter")
    lead.keyboard.press("Escape")
    lead.get_by_label("Guidelines (markdown)").fill("Prefer the answer that solves the problem.")
    lead.get_by_role("button", name="Create campaign").click()
    settle(lead, 1500)
    lead.get_by_text("Created journey-c: 4 pairs").wait_for()  # the duplicate's pair is out


def adjudicate_one(lead: Any, server: Server) -> None:
    open_page(lead, "Quality")
    lead.get_by_text("Disagreements").first.wait_for(timeout=60_000)
    lead.get_by_text("Save decision").first.scroll_into_view_if_needed()
    settle(lead)
    assert "Krippendorff" in body_text(lead)
    lead.get_by_role("radiogroup").get_by_text("B ≫ A", exact=True).click()
    lead.get_by_label("Note (why)").fill("B gives the user nothing to act on.")
    lead.get_by_role("button", name="Save decision").click()
    settle(lead, 1500)
    with server.workspace.read() as s:
        adjudicated = s.execute(sa.select(lm.Adjudication.lead, lm.Adjudication.choice)).all()
    assert adjudicated == [("lead", -2)]


def export_and_download(lead: Any, tmp_path: Path) -> list[dict[str, Any]]:
    open_page(lead, "Export")
    choose(lead, "Format", "OpenAI preference")
    choose(lead, "Preferences from", "journey-c")
    lead.get_by_label("Validation share").fill("0")
    lead.get_by_label("Validation share").press("Enter")
    settle(lead)
    lead.get_by_role("button", name="Export", exact=True).click()
    settle(lead, 2000)
    button = lead.get_by_role("button", name=re.compile(r"^train: .*\.jsonl"))
    button.wait_for(timeout=60_000)
    with lead.expect_download() as download:
        button.click()
    target = tmp_path / "downloaded.jsonl"
    download.value.save_as(str(target))
    report = validate_file(target)
    assert report.errors == [], report.errors
    rows = [json.loads(line) for line in target.read_text().splitlines()]
    assert rows and report.examples == len(rows)
    return rows


def test_the_whole_journey_from_import_to_a_validated_export(
    server: Server, pages: dict[str, Any], tmp_path: Path
) -> None:
    lead = pages["open"]("lead")
    login(lead, server.url, "lead")
    import_with_bad_lines(lead, tmp_path)
    scan_and_accept_pii(lead, server)
    drop_duplicate_cluster(lead, server)
    create_campaign(lead)

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

    adjudicate_one(lead, server)
    rows = export_and_download(lead, tmp_path)
    # the redacted prompt went out, never the e-mail address, and the duplicate stayed out
    text = json.dumps(rows)
    assert EMAIL not in text
    assert "WHICH regions" not in text
    assert all(len(row["preferred_output"]) == 1 for row in rows)
