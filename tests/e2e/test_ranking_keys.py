"""The ranking task in a real browser: four answers on one laptop screen, ranked with the
keyboard only (digits, arrows, X, Enter), every answer stored with the ranks typed."""

from __future__ import annotations

import json
import os
from typing import Any

import pytest
import sqlalchemy as sa

from curation.ingest.importer import import_file
from curation.labeling.campaigns import CampaignSpec, create_campaign
from curation.labeling.ranking import RankingSettings
from curation.store import labeling_models as lm
from tests.e2e.server import Server
from tests.e2e.ui import body_text, focus_body, login, settle

pytestmark = pytest.mark.e2e

LAPTOP = {"width": 1366, "height": 768}


@pytest.fixture(scope="module")
def ranking_campaign(server: Server, tmp_path_factory: pytest.TempPathFactory) -> None:
    path = tmp_path_factory.mktemp("ranking") / "four_answers.jsonl"
    rows = [
        {
            "messages": [{"role": "user", "content": f"How do I reset device {i}? <b>bold?</b>"}],
            "completions": [f"Answer {i}.{j}: hold the button {j + 1} seconds." for j in range(4)],
        }
        for i in range(2)
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    import_file(server.workspace, path, "fouranswers")
    with server.workspace.tx() as s:
        create_campaign(
            s,
            CampaignSpec(
                name="ranking-keys",
                dataset="fouranswers",
                overlap=1,
                annotators=["ann2"],
                kind="ranking",
                ranking=RankingSettings(max_shown=4),
                guidelines="Rank by **correctness**.",
            ),
            actor="e2e",
        )


def stored(server: Server) -> list[tuple[bool, list[int | None]]]:
    with server.workspace.read() as s:
        ids = list(s.scalars(sa.select(lm.Judgment.id).order_by(lm.Judgment.id)))
        bad = dict(s.execute(sa.select(lm.Judgment.id, lm.Judgment.both_bad)).tuples().all())
        ranks = s.execute(
            sa.select(lm.JudgmentRank.judgment_id, lm.JudgmentRank.rank).order_by(
                lm.JudgmentRank.judgment_id, lm.JudgmentRank.shown_at
            )
        ).all()
    out: dict[int, list[int | None]] = {i: [] for i in ids}
    for jid, rank in ranks:
        out[jid].append(rank)
    return [(bad[i], out[i]) for i in ids]


def key(page: Any, name: str) -> None:
    focus_body(page)
    page.keyboard.press(name)
    settle(page)


def test_four_answers_ranked_with_keys_only(
    server: Server, browser: Any, ranking_campaign: None
) -> None:
    ctx = browser.new_context(viewport=LAPTOP)
    page = ctx.new_page()
    page.set_default_timeout(30_000)
    try:
        login(page, server.url, "ann2")
        page.get_by_text("Nothing ranked yet.").wait_for()
        for letter in "ABCD":  # four answers side by side, all on the screen
            found = page.get_by_role("button", name=f"{letter} · unranked")
            found.wait_for()
            where = found.bounding_box()
            assert where is not None and where["y"] + where["height"] <= LAPTOP["height"]
        submit = page.get_by_role("button", name="Submit").bounding_box()
        assert submit is not None and submit["y"] + submit["height"] <= LAPTOP["height"]
        assert "<b>bold?</b>" in body_text(page)  # user text shown as text, not as HTML
        if os.environ.get("CURATION_TEST_ARTIFACTS"):
            page.screenshot(path=os.path.join(os.environ["CURATION_TEST_ARTIFACTS"], "ranking.png"))
        # A=2, B=1 (the focus moves on after each digit), D=3; C comes in at the bottom
        # rank 4, then one rank up to tie with D
        for name in ("2", "1", "ArrowRight", "3", "ArrowUp", "ArrowUp"):
            key(page, name)
        page.get_by_text("B > A > C = D").wait_for()
        key(page, "ArrowDown")  # C back down to 4
        page.get_by_text("B > A > D > C").wait_for()
        key(page, "Enter")
        page.get_by_text("Nothing ranked yet.").wait_for()
        assert stored(server) == [(False, [2, 1, 4, 3])]
        key(page, "x")
        page.get_by_text("All answers are bad.").wait_for()
        key(page, "Enter")
        page.get_by_text("Nothing left for you").wait_for()
        assert stored(server)[-1] == (True, [None] * 4)
    finally:
        ctx.close()
