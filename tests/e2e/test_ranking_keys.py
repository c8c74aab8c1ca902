"""The ranking task in the Rank page's component, in Chromium: four answers on one laptop
screen ranked with the keyboard only (digits, arrows, 0, X, Enter), the next prompt shown at
once from the local queue, ties, partial rankings, all bad and undo, an invalid ranking
refused in the browser, and every answer stored with the ranks typed."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from typing import Any

import pytest
import sqlalchemy as sa

from curation.ingest.importer import import_file
from curation.labeling.ranking import RankingSettings
from curation.store import labeling_models as lm
from tests.e2e.server import Server
from tests.e2e.test_rank_component import ROOT, STATUS, open_rank, pending, shown, wait_sent

# the fixture, on this module's dataset
from tests.e2e.test_rank_component import make_campaign as make_campaign
from tests.e2e.test_security import PAYLOADS, no_script_ran

pytestmark = pytest.mark.e2e

LAPTOP = {"width": 1366, "height": 768}


@pytest.fixture(scope="module")
def dataset(server: Server, tmp_path_factory: pytest.TempPathFactory) -> str:
    """Five prompts with four answers each; user text carries the XSS payloads."""
    path = tmp_path_factory.mktemp("ranking") / "four_answers.jsonl"
    rows = [
        {
            "messages": [{"role": "user", "content": f"How do I reset device {i}? <b>bold?</b>"}],
            "completions": [
                f"Answer {i}.{j}: hold the button {j + 1} s. {PAYLOADS[j % len(PAYLOADS)]}"
                for j in range(4)
            ],
        }
        for i in range(5)
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    import_file(server.workspace, path, "fouranswers")
    return "fouranswers"


@pytest.fixture
def laptop(browser: Any) -> Iterator[Any]:
    ctx = browser.new_context(viewport=LAPTOP)
    page = ctx.new_page()
    page.set_default_timeout(30_000)
    yield page
    ctx.close()


def stored(server: Server, annotator: str) -> list[tuple[bool, bool, str, list[int | None]]]:
    """(retracted, all bad, rationale, ranks in the order shown) per judgment, oldest first."""
    with server.workspace.read() as s:
        rows = s.execute(
            sa.select(
                lm.Judgment.id, lm.Judgment.retracted, lm.Judgment.both_bad, lm.Judgment.rationale
            )
            .where(lm.Judgment.annotator == annotator)
            .order_by(lm.Judgment.id)
        ).all()
        ranks = s.execute(
            sa.select(lm.JudgmentRank.judgment_id, lm.JudgmentRank.rank).order_by(
                lm.JudgmentRank.judgment_id, lm.JudgmentRank.shown_at
            )
        ).all()
    by: dict[int, list[int | None]] = {}
    for jid, rank in ranks:
        by.setdefault(jid, []).append(rank)
    return [(gone, bad, why, by.get(jid, [])) for jid, gone, bad, why in rows]


def order(page: Any) -> str:
    return str(page.locator(f"{ROOT} [data-part=order]").inner_text())


def ranks_shown(page: Any) -> list[str]:
    return [
        str(page.locator(f"{ROOT} [data-part=answer][data-slot={s}]").get_attribute("data-rank"))
        for s in "ABCD"
    ]


def keys(page: Any, *names: str) -> None:
    for name in names:
        page.keyboard.press(name)


def status(page: Any) -> str:
    return str(page.locator(STATUS).inner_text())


def test_four_answers_ranked_with_keys_ties_all_bad_and_undo(
    server: Server, laptop: Any, make_campaign: Any, dataset: str
) -> None:
    page = laptop
    make_campaign(
        "rank-keys",
        ["rk1"],
        overlap=1,
        kind="ranking",
        ranking=RankingSettings(max_shown=4),
        rationale_required_for=["tie"],
        guidelines="Rank by **correctness**.",
    )
    open_rank(page, server.url, "rk1")
    assert order(page) == "Nothing ranked yet."
    for letter in "ABCD":  # four answers side by side, all on a laptop's screen
        where = page.locator(f"{ROOT} [data-part=answer][data-slot={letter}]").bounding_box()
        assert where is not None and where["y"] + where["height"] <= LAPTOP["height"]
    submit = page.locator(f"{ROOT} [data-action=submit]").bounding_box()
    assert submit is not None and submit["y"] + submit["height"] <= LAPTOP["height"]
    text = page.locator(ROOT).inner_text()
    assert "<b>bold?</b>" in text and "Rank by correctness." in text  # user text as text
    assert page.locator(f"{ROOT} script, {ROOT} img, {ROOT} a, {ROOT} iframe").count() == 0
    no_script_ran(page)
    if os.environ.get("CURATION_TEST_ARTIFACTS"):
        page.screenshot(path=os.path.join(os.environ["CURATION_TEST_ARTIFACTS"], "ranking.png"))

    # A=2, B=1 (the focus moves on after each digit), D=3; C comes in at the bottom rank 4,
    # then one rank up to tie with D, then down again
    first = shown(page)
    keys(page, "2", "1", "ArrowRight", "3", "ArrowUp", "ArrowUp")
    assert order(page) == "B > A > C = D" and ranks_shown(page) == ["2", "1", "3", "3"]
    keys(page, "ArrowDown")
    assert order(page) == "B > A > D > C"
    keys(page, "Enter")
    # the next prompt is on screen at once, from the local queue: no round trip
    second = shown(page)
    assert second not in ("", first) and order(page) == "Nothing ranked yet."
    assert ranks_shown(page) == [""] * 4

    # a tie needs a rationale in this campaign: refused in the browser until it is typed
    keys(page, "1", "1", "2", "3", "Enter")
    assert shown(page) == second and pending(page) in (0, 1)
    assert "rationale when answers share a rank" in status(page)
    assert page.evaluate("() => document.activeElement.hasAttribute('data-rationale')")
    page.keyboard.type("A and B say the same 1 2 x")  # typing types: no key acts here
    assert order(page) == "A = B > C > D"
    keys(page, "Control+Enter")
    third = shown(page)
    assert third not in ("", first, second)

    # an invalid ranking (no rank 1) is refused here, nothing is sent
    wait_sent(page)
    keys(page, "2", "2", "2", "2", "Enter")
    assert shown(page) == third and pending(page) == 0
    assert "best answer gets rank 1" in status(page)
    keys(page, "5")  # four answers: ranks 1 to 4 only
    assert "Ranks go from 1 to 4" in status(page) and order(page) == "A = B = C = D"
    keys(page, "x")
    assert order(page) == "All answers are bad." and ranks_shown(page) == [""] * 4
    keys(page, "Enter")
    assert shown(page) not in ("", third)
    wait_sent(page)
    assert stored(server, "rk1") == [
        (False, False, "", [2, 1, 4, 3]),
        (False, False, "A and B say the same 1 2 x", [1, 1, 3, 4]),
        (False, True, "", [None] * 4),
    ]

    # undo brings the last prompt back at once; answered again, 0 clears a rank on the way
    keys(page, "u")
    assert shown(page) == third and order(page) == "Nothing ranked yet."
    keys(page, "1", "3", "ArrowLeft", "0", "2", "3", "4", "Enter")  # B: 3, cleared, then 2
    wait_sent(page)
    rows = stored(server, "rk1")
    assert rows[3][0] is True  # the all-bad answer retracted
    assert rows[4] == (False, False, "", [1, 2, 3, 4])
    assert page.locator(STATUS).get_attribute("data-failed") == "0"


def test_a_partial_ranking_ranks_the_top_two(
    server: Server, pages: dict[str, Any], make_campaign: Any, dataset: str
) -> None:
    make_campaign(
        "rank-top",
        ["rt1"],
        overlap=1,
        kind="ranking",
        ranking=RankingSettings(max_shown=4, rank_top=2),
    )
    page = pages["open"]("rt1")
    open_rank(page, server.url, "rt1")
    assert page.locator(f"{ROOT} [data-move=rank]").count() == 2  # keys 1 and 2 only
    assert "Rank your top 2" in page.locator(ROOT).inner_text()
    first = shown(page)
    keys(page, "Enter")
    assert "Rank the answers (1 is best)" in status(page)
    keys(page, "1", "Enter")
    assert shown(page) == first and "Rank your top 2 answers: 1 ranked so far" in status(page)
    keys(page, "3")
    assert "Ranks go from 1 to 2" in status(page)
    keys(page, "ArrowRight", "2")  # the focus was on B: C second; B and D stay unranked
    assert order(page) == "A > C > B = D (unranked)"
    keys(page, "Enter")
    assert shown(page) not in ("", first)
    wait_sent(page)
    assert stored(server, "rt1") == [(False, False, "", [1, None, 2, None])]
