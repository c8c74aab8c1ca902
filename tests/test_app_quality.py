"""The Quality page through AppTest: a lead reads α and κ, opens a dispute and adjudicates it."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from curation.labeling import queue
from curation.labeling.answers import Answer, submit
from curation.store import Workspace
from curation.store import labeling_models as lm
from tests.helpers.apptest import REPO, logged_in, open_page, texts
from tests.helpers.labeling import campaign, pair_dataset

# The two-by-six case of tests/test_labeling_quality.py: α = 115/126 ≈ 0.913, disputes on
# the third (1 vs 0) and fifth (−1 vs −2) task.
ANN = [2, 1, 1, 0, -1, -2]
ANN2 = [2, 1, 0, 0, -2, -2]


def labelled_campaign(ws: Workspace, tmp_path: Path) -> tuple[int, list[int]]:
    pair_dataset(ws, tmp_path, 6)
    cid = campaign(ws, ["ann", "ann2"], overlap=2, criteria=["helpfulness"])
    with ws.read() as s:
        tasks = list(
            s.scalars(
                sa.select(lm.Task.id).where(lm.Task.campaign_id == cid).order_by(lm.Task.pair_id)
            )
        )
    for name, answers in (("ann", ANN), ("ann2", ANN2)):
        want = dict(zip(tasks, answers, strict=True))
        while (item := queue.next_item(ws, cid, name)) is not None:
            choice = want[item.task_id]
            submit(
                ws,
                item.assignment_id,
                name,
                Answer(
                    choice=choice,
                    rationale=f"{name} thinks {choice}",
                    criteria={"helpfulness": {"a": 3 + (choice > 0), "b": 3 + (choice < 0)}},
                ),
            )
    return cid, tasks


def test_lead_sees_agreement_and_adjudicates_a_dispute(app_ws: Workspace, tmp_path: Path) -> None:
    _, tasks = labelled_campaign(app_ws, tmp_path)
    at = open_page(logged_in("lead"), "quality.py")
    assert "Quality" in [t.value for t in at.title]
    metrics = {mt.label: mt.value for mt in at.metric}
    assert metrics["Tasks"] == "6" and metrics["Labels"] == "12"
    assert metrics["Krippendorff's α (choice)"] == "0.913"
    assert "α · helpfulness" in metrics
    assert metrics["Adjudicated"] == "0"

    dispute = at.selectbox(key="quality_dispute")
    assert len(dispute.options) == 2
    assert all("disagreement 1" in o and o.endswith("open") for o in dispute.options)
    assert dispute.value == tasks[2]  # most disputed first, then by task
    labels = next(df.value for df in at.dataframe if "rationale" in df.value.columns)
    assert list(labels["annotator"]) == ["ann", "ann2"]
    assert list(labels["rationale"]) == ["ann thinks 1", "ann2 thinks 0"]
    assert "Question 2?" in texts(at)  # the conversation is shown
    assert "**A**" in texts(at) and "**B**" in texts(at)

    at.radio(key=f"quality_adj_choice_{tasks[2]}").set_value("-1")
    at.text_area(key=f"quality_adj_note_{tasks[2]}").input("B answers the question")
    at.button(key=f"quality_adjudicate_{tasks[2]}_go").click().run()
    assert not at.exception, at.exception

    with app_ws.read() as s:
        adj = s.scalar(sa.select(lm.Adjudication).where(lm.Adjudication.task_id == tasks[2]))
    assert adj is not None
    assert (adj.lead, adj.choice, adj.both_bad, adj.note) == (
        "lead",
        -1,
        False,
        "B answers the question",
    )

    page = texts(at)
    assert f"Task {tasks[2]} adjudicated: B > A." in page
    assert "Adjudicated by lead" in page
    assert {mt.label: mt.value for mt in at.metric}["Adjudicated"] == "1"
    # the annotators' labels are still shown next to the decision
    labels = next(df.value for df in at.dataframe if "rationale" in df.value.columns)
    assert list(labels["rationale"]) == ["ann thinks 1", "ann2 thinks 0"]
    assert any("adjudicated: B > A" in o for o in at.selectbox(key="quality_dispute").options)


def test_adjudication_needs_a_choice(app_ws: Workspace, tmp_path: Path) -> None:
    _, tasks = labelled_campaign(app_ws, tmp_path)
    at = open_page(logged_in("lead"), "quality.py")
    at.button(key=f"quality_adjudicate_{tasks[2]}_go").click().run()
    assert "Choose an answer" in texts(at)
    with app_ws.read() as s:
        assert s.scalar(sa.select(sa.func.count(lm.Adjudication.id))) == 0


def test_policy_changes_the_preference_count(app_ws: Workspace, tmp_path: Path) -> None:
    labelled_campaign(app_ws, tmp_path)
    at = open_page(logged_in("lead"), "quality.py")
    # (2,2) a · (1,1) a · (1,0) tie-break: no majority · (0,0) tie · (−1,−2) b · (−2,−2) b
    assert {mt.label: mt.value for mt in at.metric}["Preferences kept"] == "4"
    at.selectbox(key="quality_ties").set_value("keep").run()
    assert {mt.label: mt.value for mt in at.metric}["Preferences kept"] == "5"


def test_page_without_campaign(app_ws: Workspace) -> None:
    at = open_page(logged_in("lead"), "quality.py")
    assert "No campaign yet" in texts(at)


def test_annotator_cannot_open_the_quality_page(app_ws: Workspace) -> None:
    at = logged_in("ann")
    with pytest.raises(ValueError):
        at.switch_page(str(REPO / "curation" / "ui" / "views" / "quality.py"))
