"""Pass 2 on the engine (large exports) writes exactly what the in-process pass writes.

Ray actors on a local 2-CPU instance are forced here on small datasets
(``CURATION_ENGINE=ray``, small chunks so that several chunks are in flight at once).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from curation.engine.settings import MODE_ENV
from curation.errors import CurationError
from curation.export import parallel, rows
from curation.store import Workspace
from curation.store import models as m
from tests.helpers.export import (
    chat,
    import_objects,
    labelled,
    pref,
    record_ids,
    run,
    set_redaction,
)


@pytest.fixture
def workers(monkeypatch: pytest.MonkeyPatch, on_ray: None) -> dict[str, int]:
    """Force the engine for any export; count the passes it ran."""
    monkeypatch.setattr(rows, "ROW_CHUNK", 7)
    calls = {"passes": 0}
    original = parallel.write_rows_in_workers

    def counted(*args: Any, **kwargs: Any) -> None:
        original(*args, **kwargs)
        calls["passes"] += 1

    monkeypatch.setattr(parallel, "write_rows_in_workers", counted)
    return calls


def mixed_chats() -> list[dict[str, Any]]:
    """Plain, tool-calling, weighted, named and multi-part rows, and one the validator refuses."""
    out: list[dict[str, Any]] = [chat(i) for i in range(40)]
    for i in range(10):
        out.append(
            {
                "messages": [
                    {"role": "user", "content": f"Weather in city {i}?"},
                    {
                        "role": "assistant",
                        "content": None,
                        "tool_calls": [
                            {
                                "id": f"c{i}",
                                "type": "function",
                                "function": {"name": "weather", "arguments": '{"c": 1}'},
                            }
                        ],
                    },
                    {"role": "tool", "tool_call_id": f"c{i}", "content": "sunny"},
                    {"role": "assistant", "content": f"Sunny {i}.", "weight": 1, "name": "bot"},
                ],
                "tools": [{"type": "function", "function": {"name": "weather"}}],
                "parallel_tool_calls": False,
            }
        )
    out.append(
        {
            "messages": [
                {"role": "user", "content": [{"type": "text", "text": "Hi"}]},
                {"role": "assistant", "content": "Hello ünïcode\u2028line"},
            ]
        }
    )
    out.append({"messages": [{"role": "user", "content": "no reply"}]})  # validation_error
    return out


def scenario(ws: Workspace, tmp_path: Path, name: str) -> dict[str, Any]:
    """Data for one scenario and the export spec's arguments."""
    if name == "chat":
        import_objects(ws, tmp_path, mixed_chats())
        set_redaction(ws, "clean")
        ids = record_ids(ws)
        with ws.tx() as s:  # one redacted record, two not cleared
            s.execute(
                sa.update(m.Record)
                .where(m.Record.id == ids[3])
                .values(
                    redaction="redacted",
                    redacted_messages=[
                        {"role": "user", "content": "I am <PERSON>"},
                        {"role": "assistant", "content": "Hi."},
                    ],
                )
            )
            s.execute(
                sa.update(m.Record).where(m.Record.id.in_(ids[5:7])).values(redaction="pending")
            )
        return {"fmt": "openai-chat", "validation_split": 0.2, "sft_from": "records"}
    if name == "preference":
        import_objects(ws, tmp_path, [pref(i, prompt=f"Prompt {i % 9}?") for i in range(50)])
        set_redaction(ws, "clean")
        return {"fmt": "openai-preference", "validation_split": 0.2}
    labelled(ws, tmp_path, {i: [1 + i % 2, i % 3 - 1] for i in range(30)})
    return {"fmt": "openai-chat", "campaign": "c1", "dataset": None, "sft_from": "preferred"}


def export_to(ws: Workspace, folder: Path, kwargs: dict[str, Any]) -> Any:
    kwargs = dict(kwargs)
    fmt = kwargs.pop("fmt")
    return run(ws, folder / "data.jsonl", fmt, **kwargs)


def comparable(manifest: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in manifest.items() if k not in ("created_at", "export_id")}


@pytest.mark.parametrize("name", ["chat", "preference", "campaign"])
def test_workers_write_the_bytes_one_process_writes(
    ws: Workspace,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    workers: dict[str, int],
    name: str,
) -> None:
    kwargs = scenario(ws, tmp_path, name)
    with monkeypatch.context() as serial:
        serial.setenv(MODE_ENV, "local")
        one = export_to(ws, tmp_path / "one", kwargs)
    assert workers["passes"] == 0
    many = export_to(ws, tmp_path / "many", kwargs)
    assert workers["passes"] == 1
    assert [f.split for f in many.files] == [f.split for f in one.files]
    for a, b in zip(one.files, many.files, strict=True):
        assert a.path.read_bytes() == b.path.read_bytes() and a.sha256 == b.sha256
    assert comparable(many.manifest) == comparable(one.manifest)
    assert many.warnings == one.warnings and many.left_out == one.left_out
    for split, report in one.reports.items():
        assert many.reports[split].as_dict() == report.as_dict()
    if name == "chat":
        assert one.left_out == {"pii_unreviewed": 2, "validation_error": 1}


def test_an_invalid_row_fails_a_strict_export_in_a_worker_clearly(
    ws: Workspace, tmp_path: Path, workers: dict[str, int]
) -> None:
    import_objects(ws, tmp_path, mixed_chats())
    set_redaction(ws, "clean")
    bad = record_ids(ws)[-1]
    out = tmp_path / "out" / "data.jsonl"
    with pytest.raises(CurationError) as err:
        run(ws, out, sft_from="records", strict=True, validation_split=0.2)
    message = str(err.value)
    assert f"record {bad} fails validation" in message
    assert "example_missing_assistant_message" in message and "messages" in message
    assert "nothing was written" in message and "Traceback" not in message
    assert not out.parent.exists() or list(out.parent.iterdir()) == []
    with ws.read() as s:
        assert s.scalar(sa.select(sa.func.count(m.Export.id))) == 0


def test_a_record_changed_after_the_plan(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: dict[str, int]
) -> None:
    """PostgreSQL workers read the plan's snapshot; SQLite ones see the change and leave a
    record no longer cleared for PII out, counted, rather than export it."""
    import_objects(ws, tmp_path, [chat(i) for i in range(30)])
    set_redaction(ws, "clean")
    changed = record_ids(ws)[10]
    original = parallel.write_rows_in_workers

    def change_then_write(*args: Any, **kwargs: Any) -> None:
        with ws.tx() as s:
            s.execute(sa.update(m.Record).where(m.Record.id == changed).values(redaction="pending"))
        original(*args, **kwargs)

    monkeypatch.setattr(parallel, "write_rows_in_workers", change_then_write)
    result = run(ws, tmp_path / "data.jsonl")
    assert workers["passes"] == 1  # in the workers, not in this process after a failure
    lines = (tmp_path / "data.jsonl").read_text().splitlines()
    questions = {json.loads(line)["messages"][1]["content"] for line in lines}
    if ws.is_sqlite:
        assert result.written == 29 and result.left_out == {"changed_during_export": 1}
        assert "Question 10?" not in questions
    else:
        assert result.written == 30 and result.left_out == {}
        assert "Question 10?" in questions


def test_a_worker_lost_midway_fails_the_export_and_writes_nothing(
    ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: dict[str, int]
) -> None:
    import_objects(ws, tmp_path, [chat(i) for i in range(120)])
    set_redaction(ws, "clean")
    ids = record_ids(ws)
    monkeypatch.setattr(rows, "ROW_CHUNK", 20)

    def dies(state: Any, task: Any) -> Any:
        if int(task[0][0]) > ids[20]:
            os._exit(9)  # as the OOM killer would
        return parallel.build_in_worker(state, task)

    monkeypatch.setattr(parallel, "build_in_worker", dies)
    out = tmp_path / "out" / "data.jsonl"
    with pytest.raises(CurationError, match=r"stopped unexpectedly.*nothing was written"):
        run(ws, out, validation_split=0.2)
    assert not out.parent.exists() or list(out.parent.iterdir()) == []
    with ws.read() as s:
        assert s.scalar(sa.select(sa.func.count(m.Export.id))) == 0
