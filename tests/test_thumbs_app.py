"""Thumbs campaigns through AppTest: created on the Campaigns page, answered on the Rank page."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlalchemy as sa

from curation.ingest.importer import import_file
from curation.labeling.campaigns import CampaignSpec, create_campaign
from curation.labeling.outbox import apply_batch
from curation.store import Workspace
from curation.store import labeling_models as lm
from curation.store import models as m
from tests.helpers.apptest import logged_in, open_page, texts

PAYLOAD = "<script>alert(1)</script><img src=x onerror=alert(2)>"


def answers(ws: Workspace, tmp_path: Path, n: int = 2) -> None:
    lines = [
        json.dumps(
            {
                "messages": [{"role": "user", "content": f"Question {i}? {PAYLOAD}"}],
                "completions": [f"Answer {i}.0 {PAYLOAD}"],
            }
        )
        for i in range(n)
    ]
    path = tmp_path / "answers.jsonl"
    path.write_text("\n".join(lines) + "\n")
    assert import_file(ws, path, "answers").rejected == 0


@pytest.fixture
def thumbs_ws(app_ws: Workspace, tmp_path: Path) -> Workspace:
    answers(app_ws, tmp_path)
    with app_ws.tx() as s:
        spec = CampaignSpec(
            name="thumbs-c",
            dataset="answers",
            annotators=["ann", "ann2"],
            kind="thumbs",
            rationale_required_for=["bad"],
            guidelines="Is the answer **correct**?",
        )
        create_campaign(s, spec, actor="lead")
    return app_ws


def votes(ws: Workspace) -> list[tuple[str, int | None, bool, str]]:
    with ws.read() as s:
        rows = s.execute(
            sa.select(
                lm.Judgment.annotator,
                lm.Judgment.choice,
                lm.Judgment.retracted,
                lm.Judgment.rationale,
            ).order_by(lm.Judgment.id)
        )
        return [(a, c, r, t) for a, c, r, t in rows]


def test_rank_page_gives_the_browser_thumbs_items_as_text(thumbs_ws: Workspace) -> None:
    at = logged_in("ann")
    assert not at.exception, at.exception
    (component,) = at.get("bidi_component")
    data = json.loads(component.proto.json)
    assert "Is the answer **correct**?" in data["guidelines"]
    items = data["items"]
    assert len(items) == 2 and {i["kind"] for i in items} == {"thumbs"}
    assert items[0]["rationale_required_for"] == ["bad"] and items[0]["right"] == []
    # user content goes as plain strings (the component puts it on the page as text); no
    # Streamlit element carries it as HTML
    blocks = [b for i in items for m in i["messages"] + i["left"] for b in m["blocks"]]
    assert all(b["type"] == "md" and PAYLOAD in b["text"] for b in blocks)
    assert all("alert" not in h.proto.body for h in at.get("html"))
    assert not [md for md in at.markdown if "alert" in md.value]

    # what the browser sends is stored as thumbs votes, a bad one only with a reason
    cid = items[0]["assignment"]
    with thumbs_ws.read() as s:
        campaign_id = s.scalar(sa.select(lm.Campaign.id))
    sent = apply_batch(
        thumbs_ws,
        int(campaign_id),
        "ann",
        [
            {"key": "g1", "kind": "answer", "assignment": cid, "good": True},
            {"key": "b1", "kind": "answer", "assignment": items[1]["assignment"], "good": False},
            {
                "key": "b2",
                "kind": "answer",
                "assignment": items[1]["assignment"],
                "good": False,
                "rationale": "Wrong fact.",
            },
        ],
    )
    assert sent.acked == ("g1", "b2") and "asks for a reason" in sent.refused[0].message
    assert votes(thumbs_ws) == [("ann", 1, False, ""), ("ann", -1, False, "Wrong fact.")]
    at.run()
    assert json.loads(at.get("bidi_component")[0].proto.json)["items"] == []


def test_lead_creates_a_thumbs_campaign_from_the_page(app_ws: Workspace, tmp_path: Path) -> None:
    answers(app_ws, tmp_path, 3)
    at = open_page(logged_in("lead"), "campaigns.py")
    at.button_group(key="nc_kind").set_value("thumbs").run()
    assert not at.exception, at.exception
    at.text_input(key="nc_name").input("thumbs-page")
    at.multiselect(key="nc_annotators").select("ann").select("ann2")
    at.number_input(key="nc_min_votes").set_value(3)
    at.slider(key="nc_min_share").set_value(0.7)
    at.text_area(key="nc_guidelines").input("Good if correct.")
    next(b for b in at.button if "Create campaign" in b.label).click().run()
    assert not at.exception, at.exception
    assert "Created thumbs-page: 3 answers" in texts(at)
    with app_ws.read() as s:
        c = s.scalar(sa.select(lm.Campaign).where(lm.Campaign.name == "thumbs-page"))
        assert c is not None and c.kind == "thumbs"
        assert c.thumbs_policy == {"min_votes": 3, "min_share": 0.7}
        assert s.scalar(sa.select(sa.func.count(lm.Task.completion_id))) == 3


def test_quality_page_shows_thumbs_agreement_and_applies_labels(
    thumbs_ws: Workspace, tmp_path: Path
) -> None:
    from curation.labeling import answers, queue

    with thumbs_ws.read() as s:
        cid = s.scalar(sa.select(lm.Campaign.id))
    assert cid is not None
    # ann: good, good; ann2: good on the first answer it is served, bad (with a reason) on the other
    for annotator, answers_given in (("ann", [True, True]), ("ann2", [True, False])):
        for good in answers_given:
            item = queue.next_item(thumbs_ws, cid, annotator)
            assert item is not None
            answers.submit(thumbs_ws, item.assignment_id, annotator, answers.thumbs(good, "x"))
    at = open_page(logged_in("lead"), "quality.py")
    assert not at.exception, at.exception
    metrics = {x.label: x.value for x in at.metric}
    assert metrics["Unanimous"] == "50%"
    assert metrics["Answers with 2+ votes"] == "2"
    assert metrics["Krippendorff's α (nominal)"] != "—"
    assert (metrics["Good (desirable)"], metrics["Undecided"]) == ("1", "1")
    at.button(key="quality_thumbs_apply").click().run()
    assert not at.exception, at.exception
    with thumbs_ws.read() as s:
        labels = sorted(s.scalars(sa.select(m.Completion.label)), key=repr)
    assert labels == [None, True]
