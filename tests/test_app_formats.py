"""The Import page reports detection and every mapped/unused field before importing; the
Datasets page shows unpaired (KTO) labels and reasoning apart from the answer."""

from __future__ import annotations

from pathlib import Path

from curation.ingest.importer import import_file
from curation.store import Workspace
from tests.helpers.apptest import logged_in, open_page, texts

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


def test_export_page_offers_the_trainer_config(app_ws: Workspace, tmp_path: Path) -> None:
    from tests.helpers.export import import_objects, pref, set_redaction

    import_objects(app_ws, tmp_path, [pref(i) for i in range(12)])
    set_redaction(app_ws, "clean")
    at = open_page(logged_in("lead"), "export.py")
    at.selectbox(key="export_format").set_value("llamafactory-dpo").run()
    at.button(key="export_go").click().run()
    assert not at.exception, at.exception
    labels = [b.proto.label for b in at.get("download_button")]
    assert any(label.startswith("LLaMA-Factory config: ") for label in labels), labels


def test_import_page_joins_an_openai_batch(app_ws: Workspace) -> None:
    from curation.store.queries import dataset_names

    at = open_page(logged_in("lead"), "import_data.py")
    at.session_state["import_tab"] = "OpenAI Batch (two files)"
    at.run()
    for key, name in (
        ("batch_requests", "batch_requests.jsonl"),
        ("batch_results", "batch_results.jsonl"),
    ):
        at.file_uploader(key=key).upload(name, (FIXTURES / name).read_bytes(), "application/jsonl")
    at.run()
    assert at.text_input(key="batch_dataset").value == "batch_requests"
    at.button(key="batch_import").click().run()
    assert not at.exception, at.exception
    assert any("imported" in s.value for s in [*at.success, *at.warning]), texts(at)
    with app_ws.read() as s:
        assert "batch_requests" in dataset_names(s)


def test_import_page_imports_every_file_a_dataset_info_lists(app_ws: Workspace) -> None:
    import shutil

    from curation.store.queries import dataset_names

    folder = app_ws.folder / "imports" / "lf"
    shutil.copytree(FIXTURES / "lf_info", folder)
    at = open_page(logged_in("lead"), "import_data.py")
    at.text_input(key="import_path").input("lf/dataset_info.json")
    at.button(key="use_path").click().run()
    assert not at.exception, at.exception
    assert "Import every listed file" in [b.label for b in at.button]
    at.button(key="info_go").click().run()
    assert not at.exception, at.exception
    with app_ws.read() as s:
        names = set(dataset_names(s))
    from curation.ingest.formats.dataset_info import read_dataset_info

    entries, _ = read_dataset_info(folder)
    assert entries and {e.name for e in entries} <= names


def test_a_dataset_info_cannot_reach_files_outside_the_allowed_folders(
    app_ws: Workspace, tmp_path: Path
) -> None:
    import json
    import shutil

    from curation.store.queries import dataset_names

    secret = tmp_path / "secret.json"
    shutil.copy(FIXTURES / "lf_info" / "plain_alpaca.json", secret)
    folder = app_ws.folder / "imports" / "lf"
    folder.mkdir(parents=True)
    entry = {"file_name": str(secret)}
    (folder / "dataset_info.json").write_text(json.dumps({"outside": entry}))
    at = open_page(logged_in("lead"), "import_data.py")
    at.text_input(key="import_path").input("lf/dataset_info.json")
    at.button(key="use_path").click().run()
    assert not at.exception, at.exception
    assert at.error and "Import every listed file" not in [b.label for b in at.button]
    with app_ws.read() as s:
        assert "outside" not in dataset_names(s)
