"""Rank, My progress and Campaigns pages through AppTest."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from curation.labeling.answers import Answer, rationale_required
from curation.labeling.scale import to_pair_axis
from curation.store import Workspace
from curation.store import labeling_models as lm
from tests.helpers.apptest import REPO, logged_in, open_page, texts
from tests.helpers.labeling import campaign, pair_dataset


@pytest.fixture
def labeled_ws(app_ws: Workspace, tmp_path: Path) -> Workspace:
    pair_dataset(app_ws, tmp_path, 6)
    campaign(
        app_ws,
        ["ann", "ann2"],
        name="demo-c",
        overlap=2,
        criteria=["helpfulness"],
        rationale_required_for=["tie"],
        guidelines="# Prefer the **correct** answer",
    )
    return app_ws


def judgments(ws: Workspace) -> list[tuple[str, int | None, bool, bool, str]]:
    with ws.read() as s:
        return [
            tuple(r)
            for r in s.execute(  # type: ignore[misc]
                sa.select(
                    lm.Judgment.annotator,
                    lm.Judgment.choice,
                    lm.Judgment.retracted,
                    lm.Judgment.is_current,
                    lm.Judgment.shown_left,
                ).order_by(lm.Judgment.id)
            )
        ]


def test_rank_page_keys_submit_and_persist(labeled_ws: Workspace) -> None:
    at = logged_in("ann")
    assert not at.exception
    assert "Prefer the **correct** answer" in texts(at)
    assert at.button(key="rank_choice_1").proto.shortcut == "1"
    assert at.button(key="rank_submit").proto.shortcut.lower() == "enter"
    assert at.button(key="rank_submit").disabled
    at.button(key="rank_choice_1").click().run()
    at.button(key="rank_submit").click().run()
    assert not at.exception, at.exception
    rows = judgments(labeled_ws)
    assert len(rows) == 1
    annotator, choice, _, _, shown_left = rows[0]
    assert annotator == "ann" and choice == to_pair_axis(2, shown_left)
    # a fresh session (browser refresh, server restart) sees the progress from the store
    again = logged_in("ann")
    assert any("1 of" in str(p.proto.text) for p in again.get("progress"))


def test_rationale_required_for_tie(labeled_ws: Workspace) -> None:
    at = logged_in("ann")
    area = next(t for t in at.text_area if t.key and t.key.startswith("rank_rationale_"))
    assert area.label == "Rationale (optional)"
    at.button(key="rank_choice_3").click().run()
    area = next(t for t in at.text_area if t.key and t.key.startswith("rank_rationale_"))
    assert area.label == "Rationale (required for this answer)"  # a tie, in this campaign
    at.button(key="rank_submit").click().run()
    assert "asks for a rationale" in texts(at)
    assert judgments(labeled_ws) == []
    area = next(t for t in at.text_area if t.key and t.key.startswith("rank_rationale_"))
    area.input("Both are equally correct.")
    at.button(key="rank_submit").click().run()
    assert len(judgments(labeled_ws)) == 1


def test_undo_skip_and_flag(labeled_ws: Workspace) -> None:
    at = logged_in("ann")
    at.button(key="rank_choice_5").click().run()
    at.button(key="rank_submit").click().run()
    at.button(key="rank_undo").click().run()
    rows = judgments(labeled_ws)
    assert [r[2] for r in rows] == [False, True]  # the answer, then its retraction: nothing deleted
    at.button(key="rank_flag").click().run()
    with labeled_ws.read() as s:
        assert (
            s.scalar(
                sa.select(sa.func.count()).select_from(lm.Assignment).where(lm.Assignment.flagged)
            )
            == 1
        )
    at.button(key="rank_skip").click().run()
    with labeled_ws.read() as s:
        statuses = sorted(s.scalars(sa.select(lm.Assignment.status)))
    assert "skipped" in statuses


def test_criteria_ratings_are_stored_on_the_pair_axis(labeled_ws: Workspace) -> None:
    at = logged_in("ann")
    controls = [c for c in at.get("button_group") if "helpfulness" in str(c.proto.label)]
    assert len(controls) == 2
    at.button(key="rank_choice_2").click().run()
    left = next(c for c in at.get("button_group") if "Left" in str(c.proto.label))
    right = next(c for c in at.get("button_group") if "Right" in str(c.proto.label))
    left.set_value(5)
    right.set_value(2)
    at.run()
    at.button(key="rank_submit").click().run()
    with labeled_ws.read() as s:
        j = s.scalar(sa.select(lm.Judgment))
    assert j is not None
    left_side = j.shown_left
    right_side = "b" if left_side == "a" else "a"
    assert j.criteria == {"helpfulness": {left_side: 5, right_side: 2}}


def test_annotator_sees_only_rank_and_progress(labeled_ws: Workspace) -> None:
    at = logged_in("ann")
    for page in ("campaigns.py", "datasets.py", "import_data.py"):
        with pytest.raises(ValueError):
            at.switch_page(str(REPO / "curation" / "ui" / "views" / page))
    open_page(at, "my_progress.py")
    assert "demo-c" in texts(at)


def test_lead_creates_a_campaign_from_the_page(app_ws: Workspace, tmp_path: Path) -> None:
    pair_dataset(app_ws, tmp_path, 4)
    at = open_page(logged_in("lead"), "campaigns.py")
    at.text_input(key="nc_name").input("from-page")
    at.multiselect(key="nc_annotators").select("ann").select("ann2")
    at.text_input(key="nc_criteria").input("helpfulness, safety")
    at.text_area(key="nc_guidelines").input("Be strict.")
    at.button[0].click().run()
    assert not at.exception, at.exception
    assert "Created from-page: 4 pairs" in texts(at)
    with app_ws.read() as s:
        c = s.scalar(sa.select(lm.Campaign).where(lm.Campaign.name == "from-page"))
        assert c is not None and c.criteria == ["helpfulness", "safety"]


def test_which_answers_need_a_rationale() -> None:
    tie, both_bad, better = Answer(choice=0), Answer(choice=None, both_bad=True), Answer(choice=2)
    assert rationale_required(["tie"], tie) and not rationale_required(["tie"], both_bad)
    assert rationale_required(["both_bad"], both_bad) and not rationale_required(["both_bad"], tie)
    assert not rationale_required(["tie", "both_bad"], better)
    assert not rationale_required(["tie"], Answer(choice=None))  # nothing picked yet
