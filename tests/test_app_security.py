"""Security through the app (AppTest): server import folders, sessions after a password
change, login throttling, images in imported content."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from curation.store import Workspace
from tests.helpers.apptest import PASSWORDS, logged_in, new_app, open_page, texts

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
    assert at.session_state["import_server_path"] == str((imports / "chats.jsonl").resolve())
    assert Path(at.session_state["import_file"]).parent == (app_ws.folder / "uploads").resolve()
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
    assert at.session_state["import_server_path"] == str((shared / "team.jsonl").resolve())

    admin.button(key=f"rm_folder_{shared.resolve()}").click().run()
    at.run()  # the chosen file is checked again on every run
    assert "outside the folders" in texts(at) and "import_file" not in at.session_state


def test_an_open_tab_is_logged_out_after_a_password_reset(app_ws: Workspace) -> None:
    from curation.auth import set_password

    at = open_page(logged_in("lead"), "datasets.py")
    with app_ws.tx() as s:
        set_password(s, "lead", "reset-by-admin-1", actor="admin")
    at.run()
    assert not at.exception, at.exception
    assert "user" not in at.session_state
    assert at.text_input(key="login_name") is not None
    assert "Your session has ended" in texts(at)


def test_changing_ones_own_password_keeps_this_session_only(app_ws: Workspace) -> None:
    other_tab = logged_in("lead")
    at = logged_in("lead")
    at.text_input(key="own_pw_current").input(PASSWORDS["lead"])
    at.text_input(key="own_pw_new").input("a fresh password")
    at.button(key="FormSubmitter:own_password-Change password").click().run()
    assert not at.exception, at.exception
    assert "Password changed" in texts(at)
    at.run()
    assert at.session_state["user"]["name"] == "lead"
    other_tab.run()
    assert "user" not in other_tab.session_state

    admin = open_page(logged_in("admin"), "users.py")
    admin.selectbox(key="edit_user").select("admin").run()
    admin.text_input(key="edit_pw").input("admin-new-pass").run()
    admin.button(key="save_pw").click().run()
    assert "other sessions are logged out" in texts(admin)
    admin.run()
    assert admin.session_state["user"]["name"] == "admin"  # the admin's own session stays


def test_login_form_is_throttled_after_repeated_failures(app_ws: Workspace) -> None:
    from curation.auth import THROTTLE_LIMIT

    at = new_app()
    at.run()
    for _ in range(THROTTLE_LIMIT):
        at.text_input(key="login_name").input("lead")
        at.text_input(key="login_password").input("not the password")
        at.button[0].click().run()
        assert "wrong password" in texts(at)
    at.text_input(key="login_name").input("lead")
    at.text_input(key="login_password").input(PASSWORDS["lead"])
    at.button[0].click().run()
    assert "Too many failed logins for this account" in texts(at)
    assert "user" not in at.session_state


def test_images_in_imported_content_render_as_links_until_a_lead_allows_them(
    app_ws: Workspace, tmp_path: Path
) -> None:
    from curation.ingest.importer import import_file
    from curation.markdown_images import has_image

    row = {
        "messages": [
            {"role": "user", "content": "Look: ![tracker](http://127.0.0.1:9/pixel.png)"},
            {"role": "assistant", "content": "Seen.", "name": "![n](http://127.0.0.1:9/n.png)"},
        ],
        "completions": ["A ![a](http://127.0.0.1:9/a.png)", "B"],
    }
    path = tmp_path / "img.jsonl"
    path.write_text(json.dumps(row) + "\n")
    import_file(app_ws, path, "img", actor="test")

    def rendered(at) -> list[str]:  # type: ignore[no-untyped-def]
        return [str(el.value) for group in (at.markdown, at.caption) for el in group]

    at = open_page(logged_in("lead"), "datasets.py")
    bodies = rendered(at)
    assert any("[image: tracker](http://127.0.0.1:9/pixel.png)" in b for b in bodies)
    assert not [b for b in bodies if has_image(b)]

    settings = open_page(logged_in("lead"), "settings.py")
    settings.toggle(key="settings_images").set_value(True).run()
    assert not settings.exception, settings.exception
    at.run()
    assert any(has_image(b) and "pixel.png" in b for b in rendered(at))
    assert not [b for b in rendered(at) if has_image(b) and "n.png" in b]  # captions never


def test_the_images_toggle_writes_only_when_it_is_switched(app_ws: Workspace) -> None:
    import sqlalchemy as sa

    from curation.security import external_images_allowed, set_external_images
    from curation.store import models as m

    def changes() -> int:
        with app_ws.read() as s:
            return len(
                list(
                    s.scalars(
                        sa.select(m.AuditEvent.id).where(
                            m.AuditEvent.action == "settings.external_images"
                        )
                    )
                )
            )

    page = open_page(logged_in("lead"), "settings.py")
    page.run()
    assert changes() == 0  # showing the page writes nothing
    with app_ws.tx() as s:  # another lead allows images meanwhile
        set_external_images(s, True, actor="admin")
    page.run()  # this tab's stale toggle must not switch them back
    assert not page.exception, page.exception
    with app_ws.read() as s:
        assert external_images_allowed(s) is True
    assert changes() == 1
    page.toggle(key="settings_images").set_value(False).run()
    with app_ws.read() as s:
        assert external_images_allowed(s) is False
    assert changes() == 2
    page.run()
    assert changes() == 2


def test_an_admin_unlocks_a_user_on_the_users_page(app_ws: Workspace) -> None:
    from curation.auth import THROTTLE_LIMIT, log_in

    for _ in range(THROTTLE_LIMIT):
        log_in(app_ws, "lead", "not the password")
    admin = open_page(logged_in("admin"), "users.py")
    admin.selectbox(key="edit_user").select("lead").run()
    admin.button(key="unlock_user").click().run()
    assert not admin.exception, admin.exception
    assert log_in(app_ws, "lead", PASSWORDS["lead"]) is not None  # no LoginThrottled


def test_an_admin_sets_the_trusted_proxies_on_the_settings_page(app_ws: Workspace) -> None:
    from curation.security import trusted_proxies

    lead = open_page(logged_in("lead"), "settings.py")
    assert not [n for n in lead.number_input if n.key == "settings_proxies"]  # admins only
    admin = open_page(logged_in("admin"), "settings.py")
    admin.number_input(key="settings_proxies").set_value(1).run()
    assert not admin.exception, admin.exception
    with app_ws.read() as s:
        assert trusted_proxies(s) == 1


def test_the_import_page_refuses_a_server_file_replaced_after_it_was_chosen(
    app_ws: Workspace, tmp_path: Path
) -> None:
    import os

    imports = app_ws.folder / "imports"
    imports.mkdir(exist_ok=True)
    (imports / "chats.jsonl").write_text(json.dumps(CHAT) + "\n")
    at = open_page(logged_in("lead"), "import_data.py")
    use_server_file(at, "chats.jsonl")
    assert "Every line is valid" in texts(at)
    swapped = tmp_path / "swapped.jsonl"
    swapped.write_text(json.dumps(CHAT) + "\n")
    os.replace(swapped, imports / "chats.jsonl")
    at.run()
    assert not at.exception, at.exception
    assert "replaced since it was chosen" in texts(at) and "import_file" not in at.session_state


def test_a_server_file_swapped_for_a_symlink_right_before_the_import_is_not_followed(
    app_ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Checked, then swapped for a symlink to a file outside the allowed folders just after
    the last check before the import: the outside content is never imported."""
    import os

    import sqlalchemy as sa

    import curation.security as security
    from curation.store import models as m

    outside = tmp_path / "hr" / "salaries.jsonl"
    outside.parent.mkdir()
    leak = {"messages": [{"role": "user", "content": "SSN?"},
                         {"role": "assistant", "content": "SSN 123-45-6789"}]}  # fmt: skip
    outside.write_text(json.dumps(leak) + "\n")
    imports = app_ws.folder / "imports"
    imports.mkdir(exist_ok=True)
    chats = imports / "chats.jsonl"
    chats.write_text(json.dumps(CHAT) + "\n")
    shown = str(chats.resolve())
    at = open_page(logged_in("lead"), "import_data.py")
    use_server_file(at, "chats.jsonl")
    assert "Every line is valid" in texts(at)

    real_verify = security.verify_import_file
    calls = []

    def verify_then_swap(*args, **kwargs):  # type: ignore[no-untyped-def]
        checked = real_verify(*args, **kwargs)
        calls.append(1)
        if len(calls) == 2:  # the check right before the import
            os.unlink(chats)
            chats.symlink_to(outside)
        return checked

    monkeypatch.setattr(security, "verify_import_file", verify_then_swap)
    at.button(key="do_import").click().run()
    assert not at.exception, at.exception
    assert len(calls) == 2 and chats.is_symlink()
    assert "123-45-6789" not in texts(at)
    with app_ws.read() as s:
        stored = repr(s.scalars(sa.select(m.Record.messages)).all())
        assert "123-45-6789" not in stored and "Hello" in stored
        assert s.scalar(sa.select(m.ImportRun.path)) == shown  # the server path, not the copy


def test_a_dataset_info_entry_swapped_for_a_symlink_after_listing_is_not_followed(
    app_ws: Workspace, tmp_path: Path
) -> None:
    import os

    import sqlalchemy as sa

    from curation.store import models as m

    outside = tmp_path / "outside.json"
    outside.write_text(json.dumps([{"instruction": "salary?", "output": "SSN 123-45-6789"}]))
    folder = app_ws.folder / "imports" / "lf"
    folder.mkdir(parents=True)
    listed = folder / "data.json"
    listed.write_text(json.dumps([{"instruction": "hi", "output": "hello there"}]))
    (folder / "dataset_info.json").write_text(json.dumps({"greet": {"file_name": "data.json"}}))
    at = open_page(logged_in("lead"), "import_data.py")
    use_server_file(at, "lf/dataset_info.json")
    assert "Import every listed file" in [b.label for b in at.button]
    os.unlink(listed)
    listed.symlink_to(outside)
    at.button(key="info_go").click().run()
    assert not at.exception, at.exception
    with app_ws.read() as s:
        stored = repr(s.scalars(sa.select(m.Record.messages)).all())
    assert "123-45-6789" not in stored and "hello there" in stored
