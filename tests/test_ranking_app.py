"""Ranking campaigns through AppTest: created on the Campaigns page, given to the Rank page's
component (its keys are tested in Chromium: tests/e2e/test_ranking_keys.py), measured and
applied on the Quality page."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlalchemy as sa

from curation.ingest.importer import import_file
from curation.labeling.campaigns import CampaignSpec, create_campaign
from curation.labeling.outbox import apply_batch
from curation.labeling.ranking import RankingSettings
from curation.store import Workspace
from curation.store import labeling_models as lm
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


def test_rank_page_gives_the_browser_ranking_items_as_text(ranking_ws: Workspace) -> None:
    at = logged_in("ann")
    assert not at.exception, at.exception
    (component,) = at.get("bidi_component")  # the component draws ranking items too
    data = json.loads(component.proto.json)
    assert "Rank by **correctness**." in data["guidelines"] and "ranking" in data["kinds"]
    items = data["items"]
    assert len(items) == 2 and {i["kind"] for i in items} == {"ranking"}
    first = items[0]
    assert [a["label"] for a in first["answers"]] == ["A", "B", "C", "D"]
    assert (first["max_rank"], first["rank_top"]) == (4, None)
    assert first["rationale_required_for"] == ["tie"] and first["left"] == first["right"] == []
    # answers by letter only: no completion id, model or source reaches the browser
    assert not {"answer_ids", "completion_id", "model", "source"} & set(first)
    assert all(set(a) == {"label", "messages"} for a in first["answers"])
    # user content goes as plain strings (the component puts it on the page as text); no
    # Streamlit element carries it as HTML
    blocks = [
        b
        for i in items
        for m in i["messages"] + [m for a in i["answers"] for m in a["messages"]]
        for b in m["blocks"]
    ]
    assert len(blocks) == 10 and all(b["type"] == "md" and PAYLOAD in b["text"] for b in blocks)
    assert all("alert" not in h.proto.body for h in at.get("html"))
    assert not [md for md in at.markdown if "alert" in md.value]

    # what the browser sends (ranks by letter) is stored by completion, in ann's order
    with ranking_ws.read() as s:
        campaign_id = int(s.scalar(sa.select(lm.Campaign.id)) or 0)
    one, two = (i["assignment"] for i in items)
    sent = apply_batch(
        ranking_ws,
        campaign_id,
        "ann",
        [
            {
                "key": "k1",
                "kind": "answer",
                "assignment": one,
                "ranks": {"A": 2, "B": 1, "C": 3, "D": 4},
            },
            {
                "key": "k2",
                "kind": "answer",
                "assignment": two,
                "ranks": {"A": 1, "B": 1, "C": 2, "D": 3},
            },
        ],
    )
    assert sent.acked == ("k1",) and "rationale" in sent.refused[0].message
    assert stored_ranks(ranking_ws) == [("ann", False, False, [2, 1, 3, 4])]
    at.run()
    assert not at.exception, at.exception
    (left,) = json.loads(at.get("bidi_component")[0].proto.json)["items"]
    assert left["assignment"] == two


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
