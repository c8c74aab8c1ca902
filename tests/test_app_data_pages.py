"""Import and Datasets pages through AppTest: upload, line-numbered errors, import, browsing."""

from __future__ import annotations

import json

import sqlalchemy as sa

from curation.ingest.importer import import_file
from curation.store import Workspace
from curation.store import models as m
from tests.helpers.apptest import REPO, logged_in, open_page, texts

MESSY = REPO / "curation" / "sample_data" / "messy_import.jsonl"


def test_upload_shows_bad_lines_then_imports_the_rest(app_ws: Workspace) -> None:
    at = open_page(logged_in("lead"), "import_data.py")
    at.file_uploader(key="import_upload").upload(
        "messy.jsonl", MESSY.read_bytes(), "application/jsonl"
    )
    at.run()
    assert not at.exception, at.exception
    errors = at.dataframe[0].value
    lines = set(errors["line"])
    assert {4, 7, 8} <= lines  # truncated JSON, no messages key, messages not a list
    assert "OpenAI chat" in texts(at)
    codes = next(df.value for df in at.dataframe if "message" in df.value.columns)
    flagged = dict(zip(codes["line"], codes["code"], strict=False))
    assert flagged.get(6) == "unrecognized_role"
    assert flagged.get(14) == "example_missing_assistant_message"
    at.text_input(key="import_dataset").input("messy")
    at.button(key="do_import").click().run()
    assert not at.exception, at.exception
    assert "rejected" in texts(at)
    with app_ws.read() as s:
        n = s.scalar(sa.select(sa.func.count(m.Record.id)))
        audit = s.scalar(sa.select(m.AuditEvent.actor).where(m.AuditEvent.action == "import"))
    assert n and n >= 8
    assert audit == "lead"


def test_datasets_page_counts_and_pages(app_ws: Workspace, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "many.jsonl"
    path.write_text(
        "\n".join(
            json.dumps(
                {
                    "messages": [
                        {"role": "user", "content": f"Q{i}"},
                        {"role": "assistant", "content": f"**A{i}**"},
                    ]
                }
            )
            for i in range(25)
        )
    )
    import_file(app_ws, path, "many")
    at = open_page(logged_in("lead"), "datasets.py")
    assert "Datasets" in [t.value for t in at.title]
    metrics = {mt.label: mt.value for mt in at.metric}
    assert metrics["Records"] == "25"
    assert "Page **1** of 3" in texts(at)
    at.button(key="browser_next").click().run()
    assert "Page **2** of 3" in texts(at)
    at.text_input(key="browser_search").input("Q7").run()
    assert "· 25 records" not in texts(at)
    assert "· 1 record" in texts(at) and "1 records" not in texts(at)
