"""Helpers to drive the Streamlit app with AppTest on a temporary workspace."""

from __future__ import annotations

import os

from streamlit.testing.v1 import AppTest

from curation.auth import create_login_session
from curation.store import open_workspace
from tests.helpers.common import REPO

APP = str(REPO / "curation" / "ui" / "app.py")
TIMEOUT = 60

PASSWORDS = {
    "admin": "admin-pass-1",
    "lead": "lead-pass-1",
    "ann": "ann-pass-1",
    "ann2": "ann2-pass-1",
}
ROLES = {"admin": "admin", "lead": "lead", "ann": "annotator", "ann2": "annotator"}


def new_app() -> AppTest:
    return AppTest.from_file(APP, default_timeout=TIMEOUT)


def logged_in(name: str) -> AppTest:
    """An AppTest whose session is already logged in as ``name`` (as after the login form):
    a real login token in the store, since the app re-checks it on every run."""
    ws = open_workspace(os.environ["CURATION_WORKSPACE"], os.environ.get("CURATION_DB_URL"))
    try:
        with ws.tx() as s:
            token = create_login_session(s, name)
    finally:
        ws.dispose()
    at = new_app()
    at.session_state["user"] = {"name": name, "role": ROLES[name]}
    at.session_state["session_token"] = token
    at.run()
    assert not at.exception, at.exception
    return at


def open_page(at: AppTest, page: str) -> AppTest:
    at.switch_page(str(REPO / "curation" / "ui" / "views" / page)).run()
    assert not at.exception, at.exception
    return at


def texts(at: AppTest) -> str:
    """All markdown, captions, titles and alerts on the page, joined, for assertions."""
    parts: list[str] = []
    for group in (
        at.title,
        at.header,
        at.subheader,
        at.markdown,
        at.caption,
        at.success,
        at.info,
        at.warning,
        at.error,
    ):
        parts.extend(str(el.value) for el in group)
    return "\n".join(parts)
