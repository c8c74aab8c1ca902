"""Issue 17 in a real browser, where layout and routing matter: the Import target and file
heading (1), the Rank page on a 1366×768 laptop screen (7), and a lead page's URL opened by an
annotator (8). Each test fails if its point comes back."""

from __future__ import annotations

import json
from typing import Any

import pytest

from curation.ingest.importer import import_file
from curation.labeling.campaigns import CampaignSpec, create_campaign
from tests.e2e.server import Server
from tests.e2e.ui import body_text, login, open_page, settle

pytestmark = pytest.mark.e2e

LAPTOP = {"width": 1366, "height": 768}
LONG_ANSWER = " ".join(
    f"Step {i}: check the **billing** settings, then the invoice list, then the card on file."
    for i in range(40)
)
GUIDELINES = "# How to rank\n\nPrefer the answer that is **correct** first, then the shorter one."


@pytest.fixture(scope="module")
def rank_campaigns(server: Server, tmp_path_factory: pytest.TempPathFactory) -> None:
    """ann1 ranks a campaign with guidelines and two criteria; ann2 one without guidelines."""
    path = tmp_path_factory.mktemp("rank") / "rank_pairs.jsonl"
    rows = [
        {
            "messages": [
                {"role": "system", "content": "You are a support assistant. " * 30},
                {"role": "user", "content": f"Why was I charged twice in month {i}? " * 6},
            ],
            "completions": [LONG_ANSWER, f"Short answer {i}: a pending authorisation."],
        }
        for i in range(4)
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    import_file(server.workspace, path, "rankdemo")
    with server.workspace.tx() as s:
        for name, who, guidelines, criteria in (
            ("guided", "ann1", GUIDELINES, ["accuracy", "caveats"]),
            ("bare", "ann2", "", []),
        ):
            create_campaign(
                s,
                CampaignSpec(
                    name=name,
                    dataset="rankdemo",
                    overlap=1,
                    annotators=[who],
                    guidelines=guidelines,
                    criteria=criteria,
                ),
                actor="e2e",
            )


def laptop_page(browser: Any, pages: dict[str, Any], name: str) -> Any:
    ctx = browser.new_context(viewport=LAPTOP)
    page = ctx.new_page()
    page.set_default_timeout(30_000)
    pages["pages"][name] = page
    return page


def box(page: Any, selector: str) -> dict[str, float]:
    found = page.locator(selector).first.bounding_box()
    assert found is not None, f"{selector} is not on screen"
    return dict(found)


def nested_scrollers(page: Any, selector: str) -> int:
    """Elements inside ``selector`` (not itself) that scroll on their own."""
    return int(
        page.evaluate(
            """sel => {
                const root = document.querySelector(sel);
                let n = 0;
                for (const el of root.querySelectorAll('*')) {
                    const y = getComputedStyle(el).overflowY;
                    if ((y === 'auto' || y === 'scroll') && el.scrollHeight > el.clientHeight + 2
                        && !el.contains(root)) n++;
                }
                return n;
            }""",
            selector,
        )
    )


def check_fits(page: Any) -> dict[str, float]:
    page.locator("[data-curation-task] [data-action=submit]").wait_for()
    settle(page, 800)
    bottom = LAPTOP["height"]
    for selector in (
        "[data-part=conversation]",
        "[data-part=answer-left]",
        "[data-part=answer-right]",
        "[data-choice='2']",  # key 1, left much better
        "[data-choice='-2']",  # key 5, right much better
        "[data-choice=both]",
        "[data-action=submit]",
    ):
        b = box(page, selector)
        assert b["y"] >= 0 and b["y"] + b["height"] <= bottom, f"{selector} is off screen: {b}"
    # the page itself does not scroll: everything is in the window
    assert page.evaluate(
        "() => { const m = document.querySelector('[data-testid=\"stMain\"]');"
        " return m.scrollHeight <= m.clientHeight + 4; }"
    )
    # a long answer scrolls once, in its own box, not in a box inside a box
    assert nested_scrollers(page, "[data-part=answer-left]") == 0
    assert nested_scrollers(page, "[data-part=answer-right]") == 0
    return box(page, "[data-part=answer-left]")


def test_rank_fits_a_laptop_screen(
    server: Server, browser: Any, pages: dict[str, Any], rank_campaigns: None
) -> None:
    guided = laptop_page(browser, pages, "ann1")
    login(guided, server.url, "ann1")
    answer = check_fits(guided)
    assert "Guidelines" in body_text(guided)
    main = box(guided, "[data-testid='stMainBlockContainer']")
    assert answer["width"] >= 0.33 * main["width"], (answer, main)

    bare = laptop_page(browser, pages, "ann2")
    login(bare, server.url, "ann2")
    answer = check_fits(bare)
    main = box(bare, "[data-testid='stMainBlockContainer']")
    # no guidelines: no column for them, the two answers share the whole width
    assert answer["width"] >= 0.45 * main["width"], (answer, main)
    assert bare.locator(".ct-guidelines").count() == 0
    assert "No guidelines given" in body_text(bare)


def test_annotator_opening_a_lead_url_is_told_it_is_for_leads(
    server: Server, pages: dict[str, Any]
) -> None:
    page = pages["open"]("ann1")
    login(page, server.url, "ann1")
    for path in ("datasets", "campaigns", "export"):
        page.goto(f"{server.url}/{path}")
        page.get_by_text("Signed in as").wait_for(timeout=60_000)
        settle(page, 800)
        assert "This page is for leads" in body_text(page)
        assert page.get_by_text("Page not found").count() == 0
    page.goto(f"{server.url}/users")
    page.get_by_text("Signed in as").wait_for(timeout=60_000)
    settle(page, 800)
    assert "This page is for admins" in body_text(page)


def test_import_targets_a_new_dataset_named_after_the_file(
    server: Server, pages: dict[str, Any], tmp_path: Any
) -> None:
    first = tmp_path / "contracts_e2e.jsonl"
    first.write_text(
        json.dumps(
            {
                "messages": [
                    {"role": "user", "content": "hi"},
                    {"role": "assistant", "content": "yo"},
                ]
            }
        )
    )
    import_file(server.workspace, first, "contracts_e2e")
    upload = tmp_path / "alpaca_en_demo.jsonl"
    upload.write_text(
        "\n".join(
            json.dumps(
                {
                    "messages": [
                        {"role": "user", "content": f"q{i}"},
                        {"role": "assistant", "content": "a"},
                    ]
                }
            )
            for i in range(3)
        )
    )
    lead = pages["open"]("lead")
    login(lead, server.url, "lead")
    open_page(lead, "Import")
    lead.locator("input[type=file]").first.set_input_files(str(upload))
    settle(lead, 1500)
    lead.get_by_label("New dataset name").wait_for()
    assert lead.get_by_label("New dataset name").input_value() == "alpaca_en_demo"
    heading = (
        lead.locator("[data-testid='stHeading']").filter(has_text="alpaca_en_demo.jsonl").first
    )
    assert (
        heading.inner_text().strip() == "alpaca_en_demo.jsonl"
    )  # not "<digest>-alpaca_en_demo.jsonl"
    lead.get_by_role("button", name="Import", exact=True).click()
    settle(lead, 1500)
    lead.get_by_text("3 imported").wait_for()
    with server.workspace.read() as s:
        from curation.store.queries import dataset_names

        assert "alpaca_en_demo" in dataset_names(s)
