"""Ranking campaigns through AppTest: created on the Campaigns page, ranked on the Rank page
with the keyboard, measured and applied on the Quality page."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from curation.ingest.importer import import_file
from curation.labeling.campaigns import CampaignSpec, create_campaign
from curation.labeling.ranking import RankingSettings
from curation.store import Workspace
from curation.store import labeling_models as lm
from curation.ui.ranking_task import apply_key, order_text
from tests.helpers.apptest import logged_in, open_page, texts

PAYLOAD = "<script>alert(1)</script><img src=x onerror=alert(2)>"


def prompts(ws: Workspace, tmp_path: Path, n: int = 2, completions: int = 4) -> None:
    lines = [
        json.dumps(
            {
                "messages": [{"role": "user", "content": f"Question {i}? {PAYLOAD}"}],
                "completions": [f"Answer {i}.{j} {PAYLOAD}" for j in range(completions)],
            }
        )
        for i in range(n)
    ]
    path = tmp_path / "prompts.jsonl"
    path.write_text("\n".join(lines) + "\n")
    assert import_file(ws, path, "prompts").rejected == 0


@pytest.fixture
def ranking_ws(app_ws: Workspace, tmp_path: Path) -> Workspace:
    prompts(app_ws, tmp_path)
    with app_ws.tx() as s:
        spec = CampaignSpec(
            name="rank-c",
            dataset="prompts",
            annotators=["ann", "ann2"],
            kind="ranking",
            ranking=RankingSettings(max_shown=4),
            rationale_required_for=["tie"],
            guidelines="Rank by **correctness**.",
        )
        create_campaign(s, spec, actor="lead")
    return app_ws


def stored_ranks(ws: Workspace) -> list[tuple[str, bool, bool, list[int | None]]]:
    """(annotator, retracted, all bad, ranks in the order shown) per judgment, oldest first."""
    with ws.read() as s:
        judgments = s.execute(
            sa.select(
                lm.Judgment.id, lm.Judgment.annotator, lm.Judgment.retracted, lm.Judgment.both_bad
            ).order_by(lm.Judgment.id)
        ).all()
        ranks = s.execute(
            sa.select(lm.JudgmentRank.judgment_id, lm.JudgmentRank.rank).order_by(
                lm.JudgmentRank.judgment_id, lm.JudgmentRank.shown_at
            )
        ).all()
    by_judgment: dict[int, list[int | None]] = {}
    for jid, rank in ranks:
        by_judgment.setdefault(jid, []).append(rank)
    return [(a, r, b, by_judgment.get(jid, [])) for jid, a, r, b in judgments]


def press(at, key: str) -> None:  # type: ignore[no-untyped-def]
    at.button(key=key).click().run()
    assert not at.exception, at.exception


def test_key_handling_is_a_pure_state_change() -> None:
    state: dict[str, Any] = {"assignment": 1, "focus": 0, "ranks": {}, "all_bad": False}
    state = apply_key(state, "rank:2", 4, 4)  # A gets 2, focus moves to B
    assert (state["ranks"], state["focus"]) == ({0: 2}, 1)
    state = apply_key(state, "rank:1", 4, 4)
    state = apply_key(state, "rank:2", 4, 4)  # C ties with A
    assert state["ranks"] == {0: 2, 1: 1, 2: 2} and state["focus"] == 3
    state = apply_key(state, "up", 4, 4)  # D unranked: comes in at the bottom rank
    assert state["ranks"][3] == 4
    state = apply_key(apply_key(state, "up", 4, 4), "down", 4, 4)
    assert state["ranks"][3] == 4
    state = apply_key(apply_key(state, "prev", 4, 4), "clear", 4, 4)  # C cleared
    assert state["ranks"] == {0: 2, 1: 1, 3: 4} and state["focus"] == 2
    assert order_text(state["ranks"], 4, False) == "**B** > **A** > **D** > C (unranked)"
    assert apply_key(state, "all_bad", 4, 4)["all_bad"] is True
    assert apply_key(state, "next", 4, 4)["focus"] == 3
    assert apply_key(state, "focus:0", 4, 4)["focus"] == 0


def test_rank_page_ranks_four_answers_with_the_keyboard(ranking_ws: Workspace) -> None:
    at = logged_in("ann")
    assert not at.exception, at.exception
    page = texts(at)
    assert "Rank by **correctness**." in page
    assert [at.button(key=f"ranking_focus_{i}").label for i in range(4)] == [
        "▶ A · unranked",
        "B · unranked",
        "C · unranked",
        "D · unranked",
    ]
    assert [at.button(key=f"ranking_key_{r}").proto.shortcut for r in range(1, 5)] == [
        "1",
        "2",
        "3",
        "4",
    ]
    assert at.button(key="ranking_key_up").proto.shortcut.lower() in ("arrowup", "up")
    assert at.button(key="ranking_submit").disabled
    assert not [b for b in at.button if b.key and b.key.startswith("rank_choice_")]
    # user content is text/markdown only: the payload never reaches the page as HTML
    shown = [md for md in at.markdown if "alert" in md.value]
    assert len(shown) == 5  # the question and four answers
    assert all(not md.proto.allow_html for md in shown)
    assert all("alert" not in h.proto.body for h in at.get("html"))

    for key in ("ranking_key_2", "ranking_key_1", "ranking_key_3", "ranking_key_4"):
        press(at, key)  # A=2, B=1, C=3, D=4, the focus moving on after each
    assert "**B** > **A** > **C** > **D**" in texts(at)
    press(at, "ranking_submit")
    assert stored_ranks(ranking_ws) == [("ann", False, False, [2, 1, 3, 4])]

    # next prompt: a tie needs a rationale in this campaign
    for key in ("ranking_key_1", "ranking_key_1", "ranking_key_2", "ranking_key_3"):
        press(at, key)
    press(at, "ranking_submit")
    assert "rationale when answers share a rank" in texts(at)
    assert len(stored_ranks(ranking_ws)) == 1
    rationale = next(t for t in at.text_area if t.key and t.key.startswith("ranking_rationale_"))
    rationale.input("A and B say the same.")
    press(at, "ranking_submit")
    # stored in one notation: 1 + the answers ranked strictly better
    assert stored_ranks(ranking_ws)[-1] == ("ann", False, False, [1, 1, 3, 4])
    assert "Nothing left for you" in texts(at)

    press(at, "rank_undo")
    assert stored_ranks(ranking_ws)[-1][1] is True  # retracted
    press(at, "ranking_key_all_bad")
    assert "All answers are bad." in texts(at)
    press(at, "ranking_submit")
    assert stored_ranks(ranking_ws)[-1] == ("ann", False, True, [None] * 4)


def test_lead_creates_a_ranking_campaign_from_the_page(app_ws: Workspace, tmp_path: Path) -> None:
    prompts(app_ws, tmp_path, 3, completions=5)
    at = open_page(logged_in("lead"), "campaigns.py")
    at.button_group(key="nc_kind").set_value("ranking").run()
    assert not at.exception, at.exception
    assert not [w for w in at.number_input if w.key == "nc_gold"]
    at.text_input(key="nc_name").input("rank-page")
    at.multiselect(key="nc_annotators").select("ann").select("ann2")
    at.number_input(key="nc_max_shown").set_value(3)
    at.number_input(key="nc_rank_top").set_value(2)
    at.text_area(key="nc_guidelines").input("Best first.")
    next(b for b in at.button if "Create campaign" in b.label).click().run()
    assert not at.exception, at.exception
    assert "Created rank-page: 3 prompts" in texts(at)
    with app_ws.read() as s:
        c = s.scalar(sa.select(lm.Campaign).where(lm.Campaign.name == "rank-page"))
        assert c is not None and c.kind == "ranking"
        assert c.ranking_settings == {"max_shown": 3, "rank_top": 2}
        assert s.scalar(sa.select(sa.func.count()).select_from(lm.RankingSlot)) == 9

    # a setting the library refuses is shown as a message, nothing is created
    at.button_group(key="nc_kind").set_value("ranking").run()
    at.text_input(key="nc_name").input("rank-bad")
    at.number_input(key="nc_max_shown").set_value(3)
    at.number_input(key="nc_rank_top").set_value(3)
    at.checkbox(key="nc_no_guidelines").check()
    next(b for b in at.button if "Create campaign" in b.label).click().run()
    assert "ranks the top 1 to 2 of the 3 answers shown, not 3" in texts(at)


def test_quality_page_shows_rank_agreement_and_applies(ranking_ws: Workspace) -> None:
    from curation.labeling import answers, queue

    with ranking_ws.read() as s:
        cid = s.scalar(sa.select(lm.Campaign.id))
    assert cid is not None
    for annotator in ("ann", "ann2"):
        while (item := queue.next_item(ranking_ws, cid, annotator)) is not None:
            texts_shown = [m[0]["content"] for m in item.answers]
            order = sorted(range(4), key=lambda i: texts_shown[i])
            ranks = {item.answer_ids[i]: r + 1 for r, i in enumerate(order)}
            answers.submit(ranking_ws, item.assignment_id, annotator, answers.ranking(ranks))
    at = open_page(logged_in("lead"), "quality.py")
    assert not at.exception, at.exception
    metrics = {x.label: x.value for x in at.metric}
    assert metrics["Prompts with 2+ rankings"] == "2"
    assert metrics["Krippendorff's α (ordinal, ranks)"] == "1.000"
    assert metrics["Kendall's τ (mean)"] == "1.000"
    assert metrics["Prompts with a ranked list"] == "2"
    at.button(key="quality_ranking_apply").click().run()
    assert not at.exception, at.exception
    with ranking_ws.read() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(lm.RankingOutcome)) == 8
