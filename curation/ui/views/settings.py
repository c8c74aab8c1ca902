"""Workspace settings: images in content (a lead switches them), server import folders (admins)."""

from __future__ import annotations

import streamlit as st

from curation.errors import CurationError
from curation.security import (
    add_import_folder,
    import_roots,
    load_security,
    remove_import_folder,
    set_external_images,
)
from curation.ui.resources import workspace
from curation.ui.session import require_role

me = require_role("lead")
ws = workspace()
st.title("Settings")

with ws.read() as s:
    current = load_security(s)
    roots = import_roots(ws, s)

st.subheader("Images in content")
st.caption(
    "Imported conversations may contain markdown images (`![…](https://…)`). Shown as images, "
    "they make every reader's browser fetch those addresses, which tells their owner who looks "
    "at the data and when. By default they are shown as links; allow them only for data you trust."
)
allow_images = st.toggle(
    "Load images named in content", value=current.external_images, key="settings_images"
)
if allow_images != current.external_images:
    with ws.tx() as s:
        set_external_images(s, allow_images, actor=me.name)
    st.rerun()

st.subheader("Server folders for imports")
st.caption(
    "The Import page's *File on the server* reads only from these folders (symlinks and `..` "
    f"are resolved first). This workspace's own `{roots[0]}` is always allowed."
)
for folder in current.import_folders:
    c1, c2 = st.columns([5, 1])
    c1.code(folder, language=None)
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
