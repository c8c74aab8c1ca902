"""Workspace settings: images in content (a lead switches them), server import folders and
trusted reverse proxies (admins). Each control writes only in its on_change callback."""

from __future__ import annotations

import streamlit as st

from curation.errors import CurationError
from curation.security import (
    MAX_PROXIES,
    add_import_folder,
    changed_import_folders,
    import_roots,
    load_security,
    remove_import_folder,
    set_external_images,
    set_trusted_proxies,
)
from curation.ui.resources import workspace
from curation.ui.session import account, require_role

me = require_role("lead")
ws = workspace()
st.title("Settings")

with ws.read() as s:
    current = load_security(s)
    roots = import_roots(ws, s)
    changed = changed_import_folders(s)

st.subheader("Images in content")
st.caption(
    "Imported conversations may contain markdown images (`![…](https://…)`). Shown as images, "
    "they make every reader's browser fetch those addresses, which tells their owner who looks "
    "at the data and when. By default they are shown as links; allow them only for data you trust."
)


def _still(role: str) -> str | None:
    """The user's name if they still have ``role`` (a callback runs before the page's checks)."""
    found = account()
    return found.name if found is not None and found.can(role) else None


def _switch_images() -> None:
    # only when this user flips the toggle: a rerun of a stale tab must not undo another's change
    actor = _still("lead")
    if actor is None:
        return
    with ws.tx() as s:
        set_external_images(s, bool(st.session_state["settings_images"]), actor=actor)


st.session_state["settings_images"] = current.external_images  # show what the store says
st.toggle("Load images named in content", key="settings_images", on_change=_switch_images)

st.subheader("Server folders for imports")
st.caption(
    "The Import page's *File on the server* reads only from these folders (symlinks and `..` "
    f"are resolved first). This workspace's own `{roots[0]}` is always allowed."
)
for folder in current.import_folders:
    c1, c2 = st.columns([5, 1])
    c1.code(folder, language=None)
    if folder in changed:
        c1.warning(
            "This folder, or one above it, now leads elsewhere (a symlink was put in its place): "
            "the app refuses it until an admin removes it and allows the folder again."
        )
    if me.can("admin") and c2.button("Remove", key=f"rm_folder_{folder}"):
        with ws.tx() as s:
            remove_import_folder(s, folder, actor=me.name)
        st.rerun()
if not current.import_folders:
    st.caption("No other folder is allowed.")
if me.can("admin"):
    with st.form("add_folder", clear_on_submit=True):
        folder = st.text_input(
            "Allow a folder (absolute path on the server)", key="settings_new_folder"
        )
        if st.form_submit_button("Allow folder") and folder.strip():
            try:
                with ws.tx() as s:
                    added = add_import_folder(s, folder.strip(), actor=me.name)
            except CurationError as exc:
                st.error(str(exc))
            else:
                st.toast(f"Leads can now import files from {added}.")
                st.rerun()
else:
    st.caption(
        "Only an admin can allow a folder (here, or `curation settings allow-import-folder`)."
    )

st.subheader("Reverse proxies")
st.caption(
    "Failed logins are counted per account and per browser address. Behind a reverse proxy "
    "every browser seems to come from the proxy's address; say how many proxies stand in front "
    "of the app and the address they report in `X-Forwarded-For` is used instead. Leave 0 if "
    "browsers reach the app directly: then that header, which anyone can send, is ignored."
)
if me.can("admin"):

    def _seen_address() -> tuple[str, str]:
        try:
            peer = str(st.context.ip_address or "")
            return peer, ", ".join(st.context.headers.get_all("X-Forwarded-For"))
        except Exception:  # no browser behind this run
            return "", ""

    def _set_proxies() -> None:
        actor = _still("admin")
        if actor is None:
            return
        with ws.tx() as s:
            set_trusted_proxies(s, int(st.session_state["settings_proxies"]), actor=actor)

    st.session_state["settings_proxies"] = current.trusted_proxies
    peer, forwarded = _seen_address()
    if peer:
        st.caption(
            f"This browser reaches the app from `{peer}`"
            + (f"; the request says `X-Forwarded-For: {forwarded}`." if forwarded else ".")
        )
    st.number_input(
        "Trusted reverse proxies",
        min_value=0,
        max_value=MAX_PROXIES,
        step=1,
        key="settings_proxies",
        on_change=_set_proxies,
    )
else:
    st.caption(f"Trusted reverse proxies: {current.trusted_proxies} (an admin changes this).")
