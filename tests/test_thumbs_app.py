"""Thumbs campaigns through AppTest: created on the Campaigns page, answered on the Rank page."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlalchemy as sa

from curation.ingest.importer import import_file
from curation.labeling.campaigns import CampaignSpec, create_campaign
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


def test_rank_page_shows_one_answer_with_good_and_bad_keys(thumbs_ws: Workspace) -> None:
    at = logged_in("ann")
    assert not at.exception, at.exception
    page = texts(at)
    assert "Is the answer **correct**?" in page and "Answer" in page
    assert at.button(key="thumbs_good").proto.shortcut.lower() == "g"
    assert at.button(key="thumbs_bad").proto.shortcut.lower() == "b"
    assert not [b for b in at.button if b.key and b.key.startswith("rank_choice_")]
    # user content is text/markdown only: the payload never reaches the page as HTML
    shown = [md for md in at.markdown if "alert" in md.value]
    assert len(shown) == 2  # the question and the answer, as markdown with HTML off
    assert all(not md.proto.allow_html for md in shown)
    assert all("alert" not in h.proto.body for h in at.get("html"))

    at.button(key="thumbs_good").click().run()
    assert not at.exception, at.exception
    assert votes(thumbs_ws) == [("ann", 1, False, "")]

    # bad needs a reason in this campaign; the answer is not stored without one
    at.button(key="thumbs_bad").click().run()
    assert "asks for a reason" in texts(at)
    assert len(votes(thumbs_ws)) == 1
    reason = next(t for t in at.text_input if t.key and t.key.startswith("thumbs_reason_"))
    reason.input("Wrong fact.")
    at.button(key="thumbs_bad").click().run()
    assert votes(thumbs_ws)[-1] == ("ann", -1, False, "Wrong fact.")
    assert "Nothing left for you" in texts(at)

    at.button(key="rank_undo").click().run()
    assert not at.exception, at.exception
    assert votes(thumbs_ws)[-1][2] is True  # retracted
    assert at.button(key="thumbs_bad") is not None


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
