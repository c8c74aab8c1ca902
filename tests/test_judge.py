"""AI-judge suggestions: both orders asked, stored on the pair's axis, hidden unless allowed,
compared with the humans. Driven through the real ``openai`` client against the fake service."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from curation.cli import cli
from curation.errors import CurationError
from curation.finetune import jobs as ft
from curation.finetune.judge import (
    JudgeSettings,
    combined_choice,
    judge_agreement,
    judge_campaign,
    suggestion_for,
)
from curation.finetune.judge_prompt import build_messages, parse_answer
from curation.labeling import answers, queue
from curation.labeling.campaigns import set_show_ai_suggestions
from curation.store import Workspace, open_workspace
from curation.store import labeling_models as lm
from curation.store import models as m
from tests.helpers.export import set_redaction
from tests.helpers.fake_openai import API_KEY, FakeOpenAI, always_first
from tests.helpers.judge import judged_campaign


def tasks_by_record(ws: Workspace, cid: int) -> dict[int, int]:
    with ws.read() as s:
        return dict(
            s.execute(
                sa.select(lm.Task.record_id, lm.Task.id).where(lm.Task.campaign_id == cid)
            ).all()
        )


def label(ws: Workspace, cid: int, choose: Any) -> None:
    for who in ("ann", "ann2"):
        while (item := queue.next_item(ws, cid, who)) is not None:
            answers.submit(ws, item.assignment_id, who, answers.Answer(choice=choose(item)))


def settings(**kwargs: Any) -> JudgeSettings:
    return JudgeSettings(model="judge-1", workers=2, **kwargs)


def client() -> Any:
    return ft.make_client(ft.resolve_credentials(None), max_retries=0)


def test_the_judge_is_asked_in_both_orders_and_answers_land_on_the_pair_axis(
    fake_openai: FakeOpenAI, ws: Workspace, tmp_path: Path
) -> None:
    sqlite_ws = ws  # both backends
    cid = judged_campaign(sqlite_ws, tmp_path)
    run = judge_campaign(sqlite_ws, cid, client(), settings(), actor="lead")
    assert (run.tasks, run.judged, run.consistent, run.failed) == (6, 6, 6, 0)
    chats = [r for r in fake_openai.state.requests if r["path"] == "/v1/chat/completions"]
    assert len(chats) == 12 and all(r["json"]["model"] == "judge-1" for r in chats)
    prompt = chats[0]["json"]["messages"][1]["content"]
    assert "## Guidelines\nPrefer the complete answer." in prompt
    assert "## Criteria\n- accuracy" in prompt and "Question" in prompt
    with sqlite_ws.read() as s:
        rows = {
            r.task_id: (r.choice_ab, r.choice_ba)
            for r in s.scalars(
                sa.select(lm.JudgeSuggestion).where(lm.JudgeSuggestion.campaign_id == cid)
            )
        }
        records = dict(s.execute(sa.select(lm.Task.id, lm.Task.record_id)).all())
    order = {rid: i for i, rid in enumerate(sorted(records.values()))}
    for task_id, (ab, ba) in rows.items():
        expected = 2 if order[records[task_id]] % 2 == 0 else -2  # the long answer wins (≥ 2×)
        assert (ab, ba) == (expected, expected)
    again = judge_campaign(sqlite_ws, cid, client(), settings(), actor="lead")
    assert again.judged == 0 and again.already == 6
    redo = judge_campaign(sqlite_ws, cid, client(), settings(redo=True, limit=2), actor="lead")
    assert redo.judged == 2
    with sqlite_ws.read() as s:
        assert s.scalar(sa.select(sa.func.count(lm.JudgeSuggestion.id))) == 6
        event = s.scalar(sa.select(m.AuditEvent).where(m.AuditEvent.action == "judge.run"))
    assert event is not None and event.details["judged"] == 6
    assert API_KEY not in json.dumps(event.details)


def test_suggestions_are_hidden_unless_the_campaign_allows_them(
    fake_openai: FakeOpenAI, sqlite_ws: Workspace, tmp_path: Path
) -> None:
    cid = judged_campaign(sqlite_ws, tmp_path, n=2)
    judge_campaign(sqlite_ws, cid, client(), settings(), actor="lead")
    task_id = min(tasks_by_record(sqlite_ws, cid).values())  # pair 0: A (long) is much better
    with sqlite_ws.read() as s:
        assert suggestion_for(s, cid, task_id, "a") is None
    with sqlite_ws.tx() as s:
        set_show_ai_suggestions(s, s.get(lm.Campaign, cid), True, actor="lead")
    with sqlite_ws.read() as s:
        left = suggestion_for(s, cid, task_id, "a")
        right = suggestion_for(s, cid, task_id, "b")
        event = s.scalar(
            sa.select(m.AuditEvent).where(m.AuditEvent.action == "campaign.ai_suggestions")
        )
    assert left is not None and left.label == "Left much better" and left.consistent
    assert right is not None and right.label == "Right much better"
    assert "A is on the right" in right.rationale
    assert event is not None and event.details == {"show": True}


def test_a_position_biased_judge_is_exposed(
    fake_openai: FakeOpenAI, sqlite_ws: Workspace, tmp_path: Path
) -> None:
    fake_openai.state.judge = always_first
    cid = judged_campaign(sqlite_ws, tmp_path, n=10)
    run = judge_campaign(sqlite_ws, cid, client(), settings(), actor="lead")
    assert run.judged == 10 and run.consistent == 0
    with sqlite_ws.read() as s:
        report = judge_agreement(s, cid)
    assert report.model == "judge-1" and report.suggestions == 10
    assert report.consistency == 0.0
    assert report.first_position_share == 1.0
    assert report.first_position_p is not None and report.first_position_p < 0.001
    with sqlite_ws.tx() as s:
        set_show_ai_suggestions(s, s.get(lm.Campaign, cid), True, actor="lead")
    with sqlite_ws.read() as s:
        shown = suggestion_for(s, cid, min(tasks_by_record(sqlite_ws, cid).values()), "a")
    assert shown is not None and shown.label.startswith("No clear preference")


def test_agreement_with_the_humans(
    fake_openai: FakeOpenAI, sqlite_ws: Workspace, tmp_path: Path
) -> None:
    cid = judged_campaign(sqlite_ws, tmp_path, n=6)
    judge_campaign(sqlite_ws, cid, client(), settings(), actor="lead")
    records = tasks_by_record(sqlite_ws, cid)
    order = {task: i for i, (_, task) in enumerate(sorted(records.items()))}

    def choose(item: Any) -> int:
        i = order[item.task_id]
        if i == 5:
            return 0  # humans call it a tie, the judge does not
        return 1 if i % 2 == 0 else -1  # the humans also prefer the long answer

    label(sqlite_ws, cid, choose)
    with sqlite_ws.read() as s:
        report = judge_agreement(s, cid)
    assert report.compared == 6
    assert report.agreement == pytest.approx(5 / 6)
    assert report.confusion["tie"]["B"] == 1 and report.confusion["A"]["A"] == 3
    assert report.kappa is not None and 0.5 < report.kappa < 1
    assert {r.annotator: r.agreement for r in report.by_annotator} == {
        "ann": pytest.approx(5 / 6),
        "ann2": pytest.approx(5 / 6),
    }


def test_records_not_cleared_for_pii_are_not_sent(
    fake_openai: FakeOpenAI, sqlite_ws: Workspace, tmp_path: Path
) -> None:
    cid = judged_campaign(sqlite_ws, tmp_path, n=3, clean=False)
    run = judge_campaign(sqlite_ws, cid, client(), settings(), actor="lead")
    assert run.judged == 0 and run.refused_pii == 3
    # marked redacted, but without the redacted copy: still not cleared
    set_redaction(sqlite_ws, "redacted")
    run = judge_campaign(sqlite_ws, cid, client(), settings(), actor="lead")
    assert run.judged == 0 and run.refused_pii == 3
    assert not [r for r in fake_openai.state.requests if r["path"] == "/v1/chat/completions"]
    with sqlite_ws.tx() as s:
        s.execute(
            sa.update(m.Record).values(
                redaction="redacted",
                redacted_messages=[{"role": "user", "content": "Question <NUMBER>?"}],
            )
        )
    run = judge_campaign(sqlite_ws, cid, client(), settings(), actor="lead")
    assert run.judged == 3
    sent = [
        r["json"]["messages"][1]["content"] for r in fake_openai.state.requests if r.get("json")
    ]
    assert all("Question <NUMBER>?" in text for text in sent)


def test_failures_are_counted_not_fatal(
    fake_openai: FakeOpenAI, sqlite_ws: Workspace, tmp_path: Path
) -> None:
    fake_openai.state.judge = lambda messages: "I cannot decide."
    cid = judged_campaign(sqlite_ws, tmp_path, n=2)
    run = judge_campaign(sqlite_ws, cid, client(), settings(), actor="lead")
    assert run.failed == 2 and run.judged == 0
    assert "no verdict" in run.errors[0]


def test_parse_answer_and_combine() -> None:
    assert parse_answer('{"choice": "A>>B", "both_bad": false, "rationale": "x"}').choice == 2
    assert parse_answer('Sure! {"choice": "B > A", "rationale": "y"} done').choice == -1
    assert parse_answer('{"choice": "tie"}').choice == 0
    both = parse_answer('{"choice": "A>B", "both_bad": true, "rationale": "neither"}')
    assert both.both_bad and both.choice is None
    assert parse_answer("My verdict: B>>A because it is right").choice == -2
    with pytest.raises(CurationError, match="no verdict"):
        parse_answer("hmm")
    assert combined_choice(2, 1) == 2 and combined_choice(1, 1) == 1
    assert combined_choice(1, -1) == 0 and combined_choice(None, None) is None
    assert combined_choice(-1, -2) == -2 and combined_choice(None, -1) == -1
    messages = build_messages(
        "",
        [],
        [{"role": "user", "content": "Q"}],
        [{"role": "assistant", "content": "a"}],
        [{"role": "assistant", "content": "b"}],
    )
    assert "## Guidelines" not in messages[1]["content"]
    assert messages[1]["content"].endswith("## Response A\na\n\n## Response B\nb")


def test_cli_judge_run_report_and_suggestions(fake_openai: FakeOpenAI, tmp_path: Path) -> None:
    wsdir = tmp_path / "ws"
    ws = open_workspace(wsdir)
    judged_campaign(ws, tmp_path, n=4)
    ws.dispose()
    runner = CliRunner()
    result = runner.invoke(
        cli, ["judge", "run", "-c", "c1", "--model", "judge-1", "-w", str(wsdir)]
    )
    assert result.exit_code == 0, result.stderr
    assert "4 pairs judged by judge-1 (4 consistent in both orders)" in result.stdout
    result = runner.invoke(cli, ["judge", "report", "-c", "c1", "-w", str(wsdir)])
    assert result.exit_code == 0 and "consistent in both orders: 100%" in result.stdout
    result = runner.invoke(cli, ["judge", "suggestions", "on", "-c", "c1", "-w", str(wsdir)])
    assert result.exit_code == 0 and "now see" in result.stdout
    ws = open_workspace(wsdir)
    with ws.read() as s:
        assert s.scalar(sa.select(lm.Campaign.show_ai_suggestions))
    ws.dispose()
    for path in wsdir.rglob("*"):
        if path.is_file():
            assert API_KEY.encode() not in path.read_bytes()
