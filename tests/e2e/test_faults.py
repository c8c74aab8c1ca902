"""kill -9 of the server while an annotator is labelling: nothing submitted is lost, the app
comes back on the same workspace, and the annotator carries on (still logged in)."""

from __future__ import annotations

import json
from typing import Any

import pytest
import sqlalchemy as sa

from curation.ingest.importer import import_file
from curation.labeling.campaigns import CampaignSpec, create_campaign
from curation.store import labeling_models as lm
from tests.e2e.server import Server
from tests.e2e.ui import login, rank_with_keys

pytestmark = pytest.mark.e2e


def test_server_killed_mid_labelling(
    server: Server, pages: dict[str, Any], tmp_path_factory: pytest.TempPathFactory
) -> None:
    path = tmp_path_factory.mktemp("faults") / "pairs.jsonl"
    path.write_text(
        "\n".join(
            json.dumps(
                {
                    "messages": [{"role": "user", "content": f"Question {i}"}],
                    "completions": [f"A{i}", f"B{i}"],
                }
            )
            for i in range(3)
        )
        + "\n"
    )
    import_file(server.workspace, path, "faults")
    with server.workspace.tx() as s:
        create_campaign(
            s,
            CampaignSpec(name="faults-c", dataset="faults", overlap=1, annotators=["ann1"]),
            actor="e2e",
        )
    page = pages["open"]("ann1")
    login(page, server.url, "ann1")
    rank_with_keys(page, "2", 1, total=3)
    server.restart()  # kill -9, then start again on the same port and workspace
    page.goto(server.url)
    page.get_by_text("1 of 3 done").wait_for(
        timeout=90_000
    )  # logged in again by cookie, progress kept
    rank_with_keys(page, "4", 1, total=3)
    with server.workspace.read() as s:
        labels = s.execute(
            sa.select(lm.Judgment.annotator).where(
                lm.Judgment.campaign_id
                == s.scalar(sa.select(lm.Campaign.id).where(lm.Campaign.name == "faults-c"))
            )
        ).all()
    assert len(labels) == 2
