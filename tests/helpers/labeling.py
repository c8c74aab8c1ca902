"""Fixtures for labelling tests: a dataset of pairs, accounts, a campaign."""

from __future__ import annotations

import json
from pathlib import Path

from curation.auth import create_user
from curation.ingest.importer import import_file
from curation.labeling.campaigns import CampaignSpec, create_campaign
from curation.store import Workspace
from tests.helpers.accounts import hashed_once


def pair_dataset(
    ws: Workspace, tmp_path: Path, n: int, name: str = "prefs", completions: int = 2
) -> None:
    lines = [
        json.dumps(
            {
                "messages": [{"role": "user", "content": f"Question {i}?"}],
                "completions": [f"Answer {i}.{j}" for j in range(completions)],
                "rankings": [[0, 1]],
            }
        )
        for i in range(n)
    ]
    path = tmp_path / f"{name}.jsonl"
    path.write_text("\n".join(lines) + "\n")
    assert import_file(ws, path, name).rejected == 0


def users(ws: Workspace, names: list[str], role: str = "annotator") -> None:
    with hashed_once(), ws.tx() as s:
        for name in names:
            create_user(s, name, role, "password-123", actor="test")


def campaign(ws: Workspace, annotators: list[str], dataset: str = "prefs", **kwargs: object) -> int:
    with ws.tx() as s:
        spec = CampaignSpec(
            name=kwargs.pop("name", "c1"), dataset=dataset, annotators=annotators, **kwargs
        )  # type: ignore[arg-type]
        return create_campaign(s, spec, actor="lead").id
