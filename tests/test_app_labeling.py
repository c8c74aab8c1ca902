"""Rank, My progress and Campaigns pages through AppTest."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from streamlit.testing.v1 import AppTest

from curation.labeling.answers import Answer, rationale_required
from curation.labeling.outbox import apply_batch
from curation.store import Workspace
from curation.store import labeling_models as lm
from curation.ui.components.task import PREFETCH
from tests.helpers.apptest import REPO, logged_in, open_page, texts
from tests.helpers.labeling import campaign, pair_dataset


@pytest.fixture
def labeled_ws(app_ws: Workspace, tmp_path: Path) -> Workspace:
    pair_dataset(app_ws, tmp_path, 12)
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


def task_data(at: AppTest) -> dict[str, Any]:
    """What the page gave the task component (the browser side is tested with Playwright)."""
    (component,) = at.get("bidi_component")
    assert component.proto.component_name == "curation.task"
    return dict(json.loads(component.proto.json))


def held(ws: Workspace, annotator: str) -> dict[str, int]:
    with ws.read() as s:
        rows = s.execute(
            sa.select(lm.Assignment.status, sa.func.count())
            .where(lm.Assignment.annotator == annotator)
            .group_by(lm.Assignment.status)
        ).tuples()
        return dict(rows.all())


def test_rank_page_holds_the_next_items_for_the_browser(labeled_ws: Workspace) -> None:
    at = logged_in("ann")
    data = task_data(at)
    assert len(data["items"]) == PREFETCH and held(labeled_ws, "ann") == {"open": PREFETCH}
    first = data["items"][0]
    assert first["kind"] == "pair" and first["criteria"] == ["helpfulness"]
    assert first["rationale_required_for"] == ["tie"]
    assert "Prefer the **correct** answer" in data["guidelines"]  # markdown, drawn by the browser
    # unsent answers are kept in the browser per workspace, campaign and annotator
    assert data["storage"].endswith(f":{campaign_id(labeled_ws)}:ann")
    # blind: the browser is told neither which completion is A nor anything about its source
    assert "shown_left" not in first and "pair_id" not in first
    assert [k for k, *_ in data["screen"]] == ["1", "2", "3", "4", "5"]
    assert data["both_bad_key"] == "6"
    assert any("0 of" in str(p.proto.text) for p in at.get("progress"))
    # a refresh (a new session) is given the same items, in the same order
    again = task_data(logged_in("ann"))
    assert [i["assignment"] for i in again["items"]] == [i["assignment"] for i in data["items"]]


def test_answers_sent_by_the_browser_show_in_progress_and_refill(labeled_ws: Workspace) -> None:
    at = logged_in("ann")
    items = task_data(at)["items"]
    cid = campaign_id(labeled_ws)
    result = apply_batch(
        labeled_ws,
        cid,
        "ann",
        [
            {"key": "k1", "kind": "answer", "assignment": items[0]["assignment"], "screen": 2},
            {"key": "k2", "kind": "skip", "assignment": items[1]["assignment"]},
        ],
    )
    assert result.acked == ("k1", "k2")
    at.run()
    data = task_data(at)
    assert items[0]["assignment"] not in [i["assignment"] for i in data["items"]]
    assert len(data["items"]) == PREFETCH
    assert any("1 of" in str(p.proto.text) for p in at.get("progress"))


def test_a_rerun_sends_unchanged_items_as_their_digest_only(labeled_ws: Workspace) -> None:
    at = logged_in("ann")
    first = task_data(at)["items"]
    assert all(i["kind"] == "pair" and len(i["digest"]) == 16 for i in first)
    at.run()  # nothing changed: the browser holds every item already
    again = task_data(at)["items"]
    assert again == [{"assignment": i["assignment"], "same": i["digest"]} for i in first]
    # one answered, one flagged: a new item comes whole, the flagged one again (it changed)
    flagged = first[1]["assignment"]
    apply_batch(
        labeled_ws,
        campaign_id(labeled_ws),
        "ann",
        [
            {"key": "k1", "kind": "answer", "assignment": first[0]["assignment"], "screen": 2},
            {"key": "k2", "kind": "flag", "assignment": flagged, "on": True, "note": ""},
        ],
    )
    at.run()
    items = task_data(at)["items"]
    assert [i["assignment"] for i in items[:3]] == [i["assignment"] for i in first[1:]]
    assert items[0]["flagged"] is True and items[0]["digest"] != first[1]["digest"]
    assert items[1:3] == [{"assignment": i["assignment"], "same": i["digest"]} for i in first[2:]]
    assert "messages" in items[3] and items[3]["assignment"] not in {i["assignment"] for i in first}


def test_leaving_a_campaign_gives_its_held_items_back(
    labeled_ws: Workspace, tmp_path: Path
) -> None:
    pair_dataset(labeled_ws, tmp_path, 3, name="other")
    campaign(labeled_ws, ["ann"], dataset="other", name="other-c")
    at = logged_in("ann")
    first = str(at.selectbox(key="rank_campaign").value)
    then = "other-c" if first == "demo-c" else "demo-c"
    size = {"demo-c": PREFETCH, "other-c": 3}  # other-c has only 3 pairs
    assert held(labeled_ws, "ann") == {"open": size[first]}
    at.selectbox(key="rank_campaign").select(then).run()
    assert not at.exception, at.exception
    assert held(labeled_ws, "ann") == {"open": size[then], "released": size[first]}
    # and back: the released items are served again, not new ones
    at.selectbox(key="rank_campaign").select(first).run()
    assert held(labeled_ws, "ann") == {"open": size[first], "released": size[then]}


def test_logging_out_gives_the_held_items_back(labeled_ws: Workspace) -> None:
    at = logged_in("ann")
    assert held(labeled_ws, "ann") == {"open": PREFETCH}
    at.button(key="logout").click().run()
    assert not at.exception, at.exception
    assert held(labeled_ws, "ann") == {"released": PREFETCH}
    with labeled_ws.read() as s:
        assert s.scalar(sa.select(sa.func.sum(lm.Task.n_assigned))) == 0


def test_a_kind_without_a_view_says_so(labeled_ws: Workspace) -> None:
    with labeled_ws.tx() as s:
        s.execute(sa.update(lm.Campaign).values(kind="essay"))
    at = logged_in("ann")
    assert not at.get("bidi_component")
    assert "cannot be answered on this page yet" in texts(at)


def campaign_id(ws: Workspace, name: str = "demo-c") -> int:
    with ws.read() as s:
        return int(s.scalar(sa.select(lm.Campaign.id).where(lm.Campaign.name == name)))


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


def test_leaving_with_unsent_answers_keeps_their_items_and_says_so(
    labeled_ws: Workspace, tmp_path: Path
) -> None:
    pair_dataset(labeled_ws, tmp_path, 3, name="other")
    campaign(labeled_ws, ["ann"], dataset="other", name="other-c")
    at = logged_in("ann")
    first = str(at.selectbox(key="rank_campaign").value)
    then = "other-c" if first == "demo-c" else "demo-c"
    items = task_data(at)["items"]
    # the browser answered one item; its batch reached the page but is not stored yet
    box = at.session_state[f"rank_outbox_{campaign_id(labeled_ws, first)}"]
    box.not_done = {items[0]["assignment"]}
    at.session_state[f"rank_outbox_{campaign_id(labeled_ws, first)}"] = box
    at.selectbox(key="rank_campaign").select(then).run()
    assert not at.exception, at.exception
    assert any("1 answer in the campaign you left" in str(i.value) for i in at.info)
    with labeled_ws.read() as s:
        status = s.scalar(
            sa.select(lm.Assignment.status).where(lm.Assignment.id == items[0]["assignment"])
        )
    assert status == "open"  # still theirs: the answer on its way will count


def test_opening_another_page_gives_the_held_items_back(labeled_ws: Workspace) -> None:
    at = logged_in("ann")
    assert held(labeled_ws, "ann") == {"open": PREFETCH}
    at.switch_page(str(REPO / "curation" / "ui" / "views" / "my_progress.py")).run()
    assert not at.exception, at.exception
    assert held(labeled_ws, "ann") == {"released": PREFETCH}
