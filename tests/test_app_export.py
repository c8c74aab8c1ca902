"""The Export and Fine-tune pages, and the AI-judge parts of the Rank, Campaigns and Quality
pages, through AppTest."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from streamlit.testing.v1 import AppTest

from curation.finetune import jobs as ft
from curation.finetune.judge import JudgeSettings, judge_campaign
from curation.labeling.campaigns import set_show_ai_suggestions
from curation.store import Workspace
from curation.store import labeling_models as lm
from curation.store import models as m
from tests.helpers.apptest import REPO, logged_in, open_page, texts
from tests.helpers.export import chat, import_objects, pref, read_jsonl, set_redaction
from tests.helpers.fake_openai import API_KEY, FakeOpenAI
from tests.helpers.labeling import campaign


def export_page(
    ws: Workspace, tmp_path: Path, objects: list[dict[str, Any]], clean: bool = True
) -> Any:
    import_objects(ws, tmp_path, objects)
    if clean:
        set_redaction(ws, "clean")
    return open_page(logged_in("lead"), "export.py")


def test_lead_previews_exports_and_downloads(app_ws: Workspace, tmp_path: Path) -> None:
    at = export_page(app_ws, tmp_path, [pref(i) for i in range(20)])
    at.selectbox(key="export_format").set_value("openai-preference").run()
    assert "input messages plus one preferred" in texts(at)
    at.button(key="export_preview_go").click().run()
    assert not at.exception, at.exception
    assert len(at.json) == 5
    assert "record 1, pair 1" in texts(at)

    at.button(key="export_go").click().run()
    assert not at.exception, at.exception
    page = texts(at)
    assert "Export #1" in page and "20 of 20 candidate rows written" in page
    metrics = {mt.label: mt.value for mt in at.metric}
    assert metrics["Rows written"] == "20" and metrics["Left out"] == "0"
    assert "estimated $" in page and "billed" in page
    with app_ws.read() as s:
        export = s.scalar(sa.select(m.Export))
    assert export is not None and export.actor == "lead"
    train = Path(export.files[0]["path"])
    assert (app_ws.folder / "exports").resolve() in train.parents
    assert len(read_jsonl(train)) == 18
    assert json.loads(Path(export.files[0]["manifest"]).read_text())["export_id"] == export.id
    labels = [b.proto.label for b in at.get("download_button")]
    assert any(label.startswith("train: ") for label in labels)
    assert "validation manifest" in labels
    history = next(df.value for df in at.dataframe if "PII override" in df.value.columns)
    assert list(history["#"]) == [1]


def test_tag_filter_on_the_page(app_ws: Workspace, tmp_path: Path) -> None:
    objects = [chat(i, metadata={"tags": ["billing"] if i < 6 else []}) for i in range(10)]
    at = export_page(app_ws, tmp_path, objects)
    at.text_input(key="export_tags").input("billing").run()
    at.number_input(key="export_validation_split").set_value(0.0).run()
    at.button(key="export_go").click().run()
    assert not at.exception, at.exception
    assert "6 of 10 candidate rows written" in texts(at)
    with app_ws.read() as s:
        export = s.scalar(sa.select(m.Export))
    assert export is not None and export.manifest["filters"]["tags"] == ["billing"]
    assert export.manifest["counts"]["left_out"] == {"filtered": 4}


def test_the_pii_gate_and_the_leads_override(app_ws: Workspace, tmp_path: Path) -> None:
    at = export_page(app_ws, tmp_path, [chat(i) for i in range(10)], clean=False)
    at.button(key="export_go").click().run()
    assert "pii_not_scanned 10" in texts(at)
    at.checkbox(key="export_pii_override").check().run()
    at.button(key="export_go").click().run()
    assert "Say why the PII gate is overridden" in texts(at)
    at.text_input(key="export_override_reason").input("synthetic demo data").run()
    at.button(key="export_go").click().run()
    assert not at.exception, at.exception
    assert "PII override: 10 records" in texts(at)
    with app_ws.read() as s:
        export = s.scalar(sa.select(m.Export))
    assert export is not None and export.pii_override
    assert export.manifest["pii"]["override"]["by"] == "lead"
    assert export.manifest["pii"]["override"]["reason"] == "synthetic demo data"


def test_a_failed_export_is_reported_truthfully_and_listed_as_failed(
    app_ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from curation.export import publish

    at = export_page(app_ws, tmp_path, [chat(i) for i in range(10)])
    at.button(key="export_go").click().run()
    assert "Export #1" in texts(at)

    def database_full(*args: Any) -> None:
        raise sa.exc.OperationalError("UPDATE exports", {}, Exception("database or disk is full"))

    monkeypatch.setattr(publish, "finish", database_full)
    at.button(key="export_go").click().run()
    assert not at.exception, at.exception
    errors = [e.value for e in at.error]
    assert errors == [
        "export #2 failed while recording it as done in the workspace database: database or "
        "disk is full; its files were taken back out: nothing was written; the export "
        "history lists #2 as failed"
    ]
    history = next(df.value for df in at.dataframe if "PII override" in df.value.columns)
    assert list(history["#"]) == [2, 1] and list(history["status"]) == ["failed", "done"]
    assert list(history["files on disk"]) == [False, True]
    assert "Not every export finished: #2 failed" in texts(at)
    assert at.selectbox(key="export_history_pick").options == [
        f"#1 · openai-chat · {history['when (UTC)'][1]}"
    ]


def test_campaign_policy_controls(app_ws: Workspace, tmp_path: Path) -> None:
    import_objects(
        app_ws,
        tmp_path,
        [
            {"messages": [{"role": "user", "content": f"Q{i}"}], "completions": ["a", "b"]}
            for i in range(3)
        ],
    )
    set_redaction(app_ws, "clean")
    campaign(app_ws, ["ann"], dataset="d", name="review")
    campaign(app_ws, ["ann"], dataset="d", name="thumbs-up", kind="thumbs")
    at = open_page(logged_in("lead"), "export.py")
    at.selectbox(key="export_format").set_value("openai-preference").run()
    assert "thumbs-up" not in at.selectbox(key="export_campaign").options  # no preferences
    at.selectbox(key="export_campaign").set_value("review").run()
    assert at.slider(key="export_min_agreement").value == 0.5
    at.button(key="export_go").click().run()
    assert "unlabelled 3" in texts(at)  # nothing labelled yet: a clear error


def test_annotators_cannot_open_the_export_pages(app_ws: Workspace) -> None:
    at = logged_in("ann")
    for page in ("export.py", "finetune.py"):
        with pytest.raises(ValueError):
            at.switch_page(str(REPO / "curation" / "ui" / "views" / page))


def test_finetune_page_launches_follows_and_cancels(
    app_ws: Workspace, tmp_path: Path, fake_openai: FakeOpenAI
) -> None:
    fake_openai.state.advance_jobs = False  # the job waits while the lead looks at it
    at = export_page(app_ws, tmp_path, [chat(i) for i in range(20)])
    at.button(key="export_go").click().run()
    at = open_page(at, "finetune.py")
    assert "API key found in the environment" in texts(at)
    assert "Method **supervised**" in texts(at)
    at.text_input(key="ft_suffix").input("demo")
    at.number_input(key="ft_epochs").set_value(2)
    at.button(key="FormSubmitter:finetune_launch-Upload and create the job").click().run()
    assert not at.exception, at.exception
    assert "Created job ftjob-" in texts(at)
    create = next(r for r in fake_openai.state.requests if r["path"] == "/v1/fine_tuning/jobs")
    assert create["json"]["suffix"] == "demo" and create["json"]["validation_file"]
    assert create["json"]["method"]["supervised"] == {"hyperparameters": {"n_epochs": 2}}
    metrics = {mt.label: mt.value for mt in at.metric}
    assert metrics["Method"] == "supervised" and metrics["Status"] == "validating_files"
    assert "Created fine-tuning job" in str(at.dataframe[-1].value["message"].tolist())
    at.checkbox(key="finetune_cancel_confirm").check().run()
    at.button(key="finetune_cancel").click().run()
    assert "is cancelled" in texts(at)
    assert API_KEY not in repr(at.session_state.to_dict())
    for path in app_ws.folder.rglob("*"):
        if path.is_file():
            assert API_KEY.encode() not in path.read_bytes()


def test_finetune_page_without_a_key(app_ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    at = open_page(logged_in("lead"), "finetune.py")
    assert "no OpenAI API key" in texts(at)


# --------------------------------------------------------------------------- AI judge


def judged(ws: Workspace, tmp_path: Path) -> int:
    objects = [
        {
            "messages": [{"role": "user", "content": f"Question {i}?"}],
            "completions": ["A complete and careful answer.", "No."],
        }
        for i in range(3)
    ]
    import_objects(ws, tmp_path, objects)
    set_redaction(ws, "clean")
    cid = campaign(ws, ["ann", "ann2"], dataset="d", name="jc")
    judge_campaign(
        ws,
        cid,
        ft.make_client(ft.resolve_credentials(None), max_retries=0),
        JudgeSettings(model="judge-1"),
        actor="lead",
    )
    return cid


def test_annotators_see_suggestions_only_when_allowed(
    app_ws: Workspace, tmp_path: Path, fake_openai: FakeOpenAI
) -> None:
    cid = judged(app_ws, tmp_path)

    def suggestions(at: AppTest) -> list[Any]:
        # each item the Rank component holds carries its own (the one on screen is shown)
        (component,) = at.get("bidi_component")
        return [i["suggestion"] for i in json.loads(component.proto.json)["items"]]

    at = logged_in("ann")
    assert not at.exception
    assert suggestions(at) == [None, None, None]
    with app_ws.tx() as s:
        set_show_ai_suggestions(s, s.get(lm.Campaign, cid), True, actor="lead")
    shown = suggestions(logged_in("ann"))
    assert len(shown) == 3 and all(s is not None for s in shown)
    assert all("much better" in s["label"] and s["model"] == "judge-1" for s in shown)


def test_campaigns_page_toggles_suggestions(app_ws: Workspace, tmp_path: Path) -> None:
    import_objects(
        app_ws,
        tmp_path,
        [{"messages": [{"role": "user", "content": "Q"}], "completions": ["a", "b"]}],
    )
    cid = campaign(app_ws, ["ann"], dataset="d", name="tc")
    at = open_page(logged_in("lead"), "campaigns.py")
    at.toggle(key=f"mc_show_ai_{cid}").set_value(True).run()
    assert not at.exception, at.exception
    with app_ws.read() as s:
        assert s.get(lm.Campaign, cid).show_ai_suggestions  # type: ignore[union-attr]


def test_quality_page_runs_the_judge_and_shows_agreement(
    app_ws: Workspace, tmp_path: Path, fake_openai: FakeOpenAI
) -> None:
    objects = [
        {
            "messages": [{"role": "user", "content": f"Q{i}?"}],
            "completions": ["Long careful answer.", "No."],
        }
        for i in range(4)
    ]
    import_objects(app_ws, tmp_path, objects)
    set_redaction(app_ws, "clean")
    campaign(app_ws, ["ann", "ann2"], dataset="d", name="qc")
    at = open_page(logged_in("lead"), "quality.py")
    assert "No AI-judge suggestion yet" in texts(at)
    at.text_input(key="quality_judge_run_model").input("judge-x")
    at.button(key="FormSubmitter:quality_judge_run-Run the judge").click().run()
    assert not at.exception, at.exception
    assert "4 pairs judged by judge-x" in texts(at)
    metrics = {mt.label: mt.value for mt in at.metric}
    assert metrics["Pairs judged"] == "4"
    assert metrics["Same verdict in both orders"] == "100%"
    assert metrics["Prefers the reply shown first"] == "50%"
