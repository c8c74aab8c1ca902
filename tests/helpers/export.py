"""Building blocks of the export tests: import objects into a workspace, mark them cleared
for PII, run an export, read what it wrote, list the export history."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from curation.export import (
    ExportSpec,
    export_dataset,
    history_rows,
)
from curation.ingest.importer import import_file
from curation.labeling import queue
from curation.labeling.answers import Answer, submit
from curation.store import Workspace
from curation.store import labeling_models as lm
from curation.store import models as m
from tests.helpers.labeling import campaign, users


def write_objects(path: Path, objects: list[Any]) -> Path:
    path.write_text("".join(json.dumps(o) + "\n" for o in objects), encoding="utf-8")
    return path


def import_objects(
    ws: Workspace, tmp_path: Path, objects: list[Any], dataset: str = "d", name: str = "in"
) -> None:
    path = write_objects(tmp_path / f"{name}.jsonl", objects)
    result = import_file(ws, path, dataset)
    assert result.rejected == 0, result.errors


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def set_redaction(ws: Workspace, state: str, where: Any = None) -> None:
    with ws.tx() as s:
        query = sa.update(m.Record).values(redaction=state)
        if where is not None:
            query = query.where(where)
        s.execute(query)


def record_ids(ws: Workspace) -> list[int]:
    with ws.read() as s:
        return list(s.scalars(sa.select(m.Record.id).order_by(m.Record.id)))


def chat(i: int, **extra: Any) -> dict[str, Any]:
    return {
        "messages": [
            {"role": "system", "content": "Be brief."},
            {"role": "user", "content": f"Question {i}?"},
            {"role": "assistant", "content": f"Answer {i}."},
        ],
        **extra,
    }


def pref(i: int, prompt: str | None = None) -> dict[str, Any]:
    return {
        "input": {"messages": [{"role": "user", "content": prompt or f"Prompt {i}?"}]},
        "preferred_output": [{"role": "assistant", "content": f"Good answer {i}."}],
        "non_preferred_output": [{"role": "assistant", "content": f"Bad {i}."}],
    }


def run(ws: Workspace, out: Path, fmt: str = "openai-chat", **kwargs: Any) -> Any:
    kwargs.setdefault("dataset", "d")
    return export_dataset(ws, ExportSpec(fmt, **kwargs), out, actor="tester")


def labelled(ws: Workspace, tmp_path: Path, answers: dict[int, list[int | None]]) -> int:
    """A campaign over len(answers) pairs; answers[i] are the two annotators' choices."""
    objects = [
        {
            "messages": [{"role": "user", "content": f"Q{i}?"}],
            "completions": [f"first {i}", f"second {i}"],
        }
        for i in range(len(answers))
    ]
    import_objects(ws, tmp_path, objects)
    set_redaction(ws, "clean")
    users(ws, ["ann", "ann2"])
    cid = campaign(ws, ["ann", "ann2"], dataset="d", overlap=2, criteria=["accuracy"])
    with ws.read() as s:
        tasks = {
            t.id: int(t.record_id)
            for t in s.scalars(sa.select(lm.Task).where(lm.Task.campaign_id == cid))
        }
    order = {rid: i for i, rid in enumerate(sorted(tasks.values()))}
    for who, index in (("ann", 0), ("ann2", 1)):
        while (item := queue.next_item(ws, cid, who)) is not None:
            choice = answers[order[tasks[item.task_id]]][index]
            submit(
                ws,
                item.assignment_id,
                who,
                Answer(choice=choice, both_bad=choice is None, rationale="r"),
            )
    return cid


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file of the folder (temporary ones included) with its bytes."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def history(ws: Workspace) -> list[tuple[int, str, bool]]:
    with ws.read() as s:
        return [(r.id, r.status, r.on_disk) for r in history_rows(s)]


def exported_once(ws: Workspace, tmp_path: Path, n: int = 20) -> tuple[Path, dict[str, bytes]]:
    """``n`` cleared chats exported once (a quarter held out for validation): the output path
    and the folder's bytes, to compare with after a failed second export."""
    import_objects(ws, tmp_path, [chat(i) for i in range(n)])
    set_redaction(ws, "clean")
    out = tmp_path / "out" / "data.jsonl"
    assert run(ws, out, validation_split=0.25).export_id == 1
    return out, snapshot(out.parent)
