"""The Import page reports detection and every mapped/unused field before importing; the
Datasets page shows unpaired (KTO) labels and reasoning apart from the answer."""

from __future__ import annotations

from pathlib import Path

from curation.importer import import_file
from curation.store import Workspace
from tests.apptest_helpers import app_ws, logged_in, open_page, texts

__all__ = ["app_ws"]

FIXTURES = Path(__file__).parent / "fixtures" / "formats"


def test_import_page_reports_fields_before_importing(app_ws: Workspace) -> None:
    at = open_page(logged_in("lead"), "import_data.py")
    data = (FIXTURES / "lf_v1_sft.jsonl").read_bytes()
    at.file_uploader(key="import_upload").upload("v1.jsonl", data, "application/jsonl")
    at.run()
    assert not at.exception, at.exception
    shown = texts(at)
    assert "llamafactory-v1" in shown
    assert "runner-up openai-chat" in shown
    fields = next(df.value for df in at.dataframe if "action" in df.value.columns)
    rows = {(r.field, r.count): r.action for r in fields.itertuples()}
    assert rows[("loss_weight", 7)] == "mapped to weight"
    assert ("image", 1) in rows


def test_datasets_page_shows_kto_labels(app_ws: Workspace) -> None:
    import_file(app_ws, FIXTURES / "lf_kto.json", "kto")
    at = open_page(logged_in("lead"), "datasets.py")
    assert not at.exception, at.exception
    assert "2 completions labelled desirable, 1 undesirable" in texts(at)
