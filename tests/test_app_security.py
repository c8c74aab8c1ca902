"""Security through the app (AppTest): server import folders, sessions after a password
change, login throttling, images in imported content."""

from __future__ import annotations

import json
from pathlib import Path

from curation.store import Workspace
from tests.apptest_helpers import app_ws, logged_in, open_page, texts

__all__ = ["app_ws"]

CHAT = {"messages": [{"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello"}]}


def use_server_file(at, text: str):  # type: ignore[no-untyped-def]
    at.text_input(key="import_path").input(text)
    at.button(key="use_path").click().run()
    assert not at.exception, at.exception
    return at


def test_import_page_reads_only_allowed_server_folders(app_ws: Workspace, tmp_path: Path) -> None:
    hr = tmp_path / "hr"
    hr.mkdir()
    salaries = hr / "salaries.csv"
    salaries.write_text("prompt,response\nAnn,SSN 123-45-6789 salary 250000\n")
    imports = app_ws.folder / "imports"
    imports.mkdir(exist_ok=True)
    (imports / "chats.jsonl").write_text(json.dumps(CHAT) + "\n")

    at = open_page(logged_in("lead"), "import_data.py")
    assert str(imports.resolve()) in texts(at) and "curation settings allow-import-folder" in texts(
        at
    )
    use_server_file(at, str(salaries))
    assert "outside the folders" in texts(at)
    assert "import_file" not in at.session_state
    assert "123-45-6789" not in texts(at)

    use_server_file(at, "../workspace.db")
    assert "outside the folders" in texts(at) and "import_file" not in at.session_state

    at.text_input(key="import_path").input("")
    at.selectbox(key="import_pick").select(str(imports / "chats.jsonl")).run()
    at.button(key="use_path").click().run()
    assert at.session_state["import_file"] == str((imports / "chats.jsonl").resolve())
    assert "Every line is valid" in texts(at)


def test_an_admin_allows_a_folder_on_the_settings_page(app_ws: Workspace, tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "team.jsonl").write_text(json.dumps(CHAT) + "\n")

    lead = open_page(logged_in("lead"), "settings.py")
    assert not [t for t in lead.text_input if t.key == "settings_new_folder"]  # admins only

    admin = open_page(logged_in("admin"), "settings.py")
    admin.text_input(key="settings_new_folder").input(str(shared))
    admin.button[0].click().run()
    assert not admin.exception, admin.exception
    assert str(shared.resolve()) in [c.value for c in admin.code]

    at = open_page(logged_in("lead"), "import_data.py")
    use_server_file(at, str(shared / "team.jsonl"))
    assert at.session_state["import_file"] == str((shared / "team.jsonl").resolve())

    admin.button(key=f"rm_folder_{shared.resolve()}").click().run()
    at.run()  # the chosen file is checked again on every run
    assert "outside the folders" in texts(at) and "import_file" not in at.session_state
