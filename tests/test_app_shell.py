"""The app shell: the login gate, role-based pages, logging out, first-admin set-up."""

from __future__ import annotations

from pathlib import Path

import pytest

from curation.store import Workspace
from tests.helpers.apptest import PASSWORDS, REPO, logged_in, new_app, open_page, texts


def login(name: str, password: str):  # type: ignore[no-untyped-def]
    at = new_app()
    at.run()
    at.text_input(key="login_name").input(name)
    at.text_input(key="login_password").input(password)
    at.button[0].click().run()
    return at


def test_without_a_session_only_the_login_page_renders(app_ws: Workspace) -> None:
    at = new_app()
    at.run()
    assert not at.exception
    assert at.text_input(key="login_name") is not None
    assert "Datasets" not in [t.value for t in at.title]
    with pytest.raises(ValueError):  # not registered: there is no way to ask for it
        at.switch_page(str(REPO / "curation" / "ui" / "views" / "datasets.py"))


def test_wrong_password_is_refused(app_ws: Workspace) -> None:
    at = login("lead", "wrong-password")
    assert "wrong password" in texts(at)
    assert "user" not in at.session_state


def test_lead_logs_in_and_lands_on_datasets(app_ws: Workspace) -> None:
    at = login("lead", PASSWORDS["lead"])
    assert not at.exception
    assert at.session_state["user"]["name"] == "lead"
    assert "Datasets" in [t.value for t in at.title]


def test_annotator_cannot_reach_lead_pages(app_ws: Workspace) -> None:
    at = logged_in("ann")
    for page in ("datasets.py", "import_data.py", "users.py"):
        with pytest.raises(ValueError):
            at.switch_page(str(REPO / "curation" / "ui" / "views" / page))


def test_lead_cannot_reach_the_users_page(app_ws: Workspace) -> None:
    at = logged_in("lead")
    with pytest.raises(ValueError):
        at.switch_page(str(REPO / "curation" / "ui" / "views" / "users.py"))


def test_a_disabled_account_loses_its_session_at_once(app_ws: Workspace) -> None:
    from curation.auth import set_disabled

    at = logged_in("lead")
    with app_ws.tx() as s:
        set_disabled(s, "lead", True, actor="admin")
    at.run()
    assert at.text_input(key="login_name") is not None
    assert "user" not in at.session_state


def test_logging_out_ends_the_session(app_ws: Workspace) -> None:
    at = logged_in("lead")
    at.button(key="logout").click().run()
    assert "user" not in at.session_state
    assert at.text_input(key="login_name") is not None


def test_admin_adds_a_user_from_the_users_page(app_ws: Workspace) -> None:
    at = open_page(logged_in("admin"), "users.py")
    at.text_input(key="new_user_name").input("dora")
    at.selectbox(key="new_user_role").select("annotator")
    at.text_input(key="new_user_pw").input("dora-pass-1")
    at.button[0].click().run()
    assert not at.exception
    assert "Added dora" in texts(at)
    assert login("dora", "dora-pass-1").session_state["user"]["role"] == "annotator"


def test_first_admin_is_created_on_an_empty_workspace(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import streamlit as st

    monkeypatch.setenv("CURATION_WORKSPACE", str(tmp_path / "empty"))
    st.cache_resource.clear()
    at = new_app()
    at.run()
    at.text_input(key="first_name").input("root")
    at.text_input(key="first_password").input("root-pass-1")
    at.button[0].click().run()
    assert not at.exception
    assert at.session_state["user"] == {"name": "root", "role": "admin"}
    st.cache_resource.clear()


def test_single_sign_on_is_offered_only_when_configured(app_ws: Workspace) -> None:
    at = new_app()
    at.run()
    assert not [b for b in at.button if b.key == "sso"]
    at = new_app()
    at.secrets["auth"] = {
        "redirect_uri": "http://localhost:8501/oauth2callback",
        "cookie_secret": "x" * 32,
        "client_id": "id",
        "client_secret": "secret",
        "server_metadata_url": "https://idp.example/.well-known/openid-configuration",
    }
    at.run()
    assert [b for b in at.button if b.key == "sso"]
