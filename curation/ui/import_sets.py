"""The Import page's multi-file imports: an OpenAI Batch (two uploads) and a LLaMA-Factory
``dataset_info.json`` chosen on the server (every local file it lists)."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from curation.auth import Account
from curation.errors import CurationError
from curation.ingest.sets import check_server_dataset_info, import_batch, import_server_entries
from curation.ingest.uploads import store_upload
from curation.store import Workspace
from curation.store.queries import dataset_names
from curation.ui import keys
from curation.wording import dataset_name_for

INFO_CHECKED = "import_info_checked"  # (key, entries with their checked copies, skipped)


def batch_tab(ws: Workspace, me: Account) -> None:
    st.caption(
        "An OpenAI Batch: the input file you submitted and the output file it returned, "
        "joined by `custom_id`. Several results for one prompt become completions of one "
        "record, ready to pair and rank."
    )
    left, right = st.columns(2)
    requests = left.file_uploader("Input file (requests)", key="batch_requests")
    results = right.file_uploader("Output file (results)", key="batch_results")
    if requests is None or results is None:
        return
    with ws.read() as s:
        existing = dataset_names(s)
    name = st.text_input(
        "Into dataset (new or existing)",
        value=dataset_name_for(requests.name, existing),
        key="batch_dataset",
    ).strip()
    if not st.button("Import the batch", type="primary", key="batch_import", disabled=not name):
        return
    try:
        with st.spinner("Joining and importing…"):
            done = import_batch(
                ws,
                store_upload(ws, requests.name, requests.getvalue()),
                store_upload(ws, results.name, results.getvalue()),
                name,
                actor=me.name,
                display_name=f"{requests.name} + {results.name}",
            )
    except CurationError as exc:
        st.error(str(exc))
        return
    (st.success if done.exit_code == 0 else st.warning)(done.summary())


def dataset_info_panel(ws: Workspace, me: Account, info: Path) -> None:
    """A ``dataset_info.json`` on the server: its entries, then each local file imported
    under the entry's name (each file checked against the allowed folders as well, and
    what is imported is the copy made through the checked descriptor)."""
    st.subheader(info.name)
    # checked and copied once per chosen list (IMPORT_FILE is its copy, so new content is a
    # new key): every rerun of the panel would otherwise copy every listed file again
    cache_key = (str(info), str(st.session_state.get(keys.IMPORT_FILE)))
    cached = st.session_state.get(INFO_CHECKED)
    if cached is not None and cached[0] == cache_key:
        checked, skipped = cached[1], cached[2]
    else:
        try:
            checked, skipped = check_server_dataset_info(ws, info)
        except CurationError as exc:
            st.session_state.pop(INFO_CHECKED, None)
            st.error(str(exc))
            return
        st.session_state[INFO_CHECKED] = (cache_key, checked, skipped)
    entries = [item.entry for item in checked]
    st.markdown(
        f"A LLaMA-Factory dataset list: **{len(entries)}** local "
        f"file{'s' if len(entries) != 1 else ''} to import, each into a dataset named by its entry."
    )
    for entry in entries:
        st.markdown(f"- `{entry.name}` ← `{entry.path.name}`")
    for line in skipped:
        st.caption(f"Not imported: {line}")
    prefix = st.text_input("Prefix for the dataset names", key="info_prefix").strip()
    if not entries or not st.button("Import every listed file", type="primary", key="info_go"):
        return
    try:
        with st.spinner("Importing…"):
            done = import_server_entries(ws, checked, skipped, actor=me.name, prefix=prefix)
    except CurationError as exc:
        st.error(str(exc))
        return
    for result in done.results:
        (st.success if result.exit_code == 0 else st.warning)(result.summary())
