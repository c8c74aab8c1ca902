"""Import: upload or point at a file, check every line, preview it as chat, import it."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import pandas as pd
import streamlit as st

from curation.errors import CurationError
from curation.ingest.formats import FORMATS, ColumnMapping
from curation.ingest.importer import import_file
from curation.ingest.report import ValidationReport
from curation.ingest.scan import ScanReport, preview_records, scan_file
from curation.ingest.uploads import copy_import_file, store_upload
from curation.ingest.validate import validate_file
from curation.jobs import runner_beside_app
from curation.security import (
    ImportFile,
    check_import_path,
    import_roots,
    importable_files,
    verify_import_file,
)
from curation.store.queries import dataset_names
from curation.ui import charts, keys
from curation.ui.chat import caption, render_conversation, render_message
from curation.ui.import_sets import batch_tab, dataset_info_panel
from curation.ui.jobs_panel import followed_job, start_job
from curation.ui.progress import progress_bar
from curation.ui.resources import workspace
from curation.ui.session import require_role
from curation.wording import dataset_name_for, plural

IMPORTED_INTO = "import_done_into"  # after an import, the target becomes that dataset

me = require_role("lead")
ws = workspace()
st.title("Import")
st.caption(
    "OpenAI chat / preference / RFT, the source article's RFT pairs and N-completion records, TRL, "
    "ShareGPT, Alpaca, HH-RLHF, UltraFeedback, CSV/TSV/Parquet. `.gz` is fine."
)


def _show_result(summary: str, rejected: int, errors: list[dict[str, object]]) -> None:
    (st.success if not rejected else st.warning)(summary)
    if errors:
        st.dataframe(
            pd.DataFrame(errors), hide_index=True, width="stretch", key="import_result_errors"
        )


# With a runner beside the app (`curation serve`) an import is a job: it goes on whatever the
# page does. The page shows the live import (whoever started it) and, once this session's is
# done, its report here, above the file's check.
background = runner_beside_app()
if background:
    following = followed_job(ws, "import", None, actor=me.name, key="import")
    if following.done is not None and following.job is not None:
        data = following.done.data
        into = str(following.job.params["dataset"])
        st.session_state[keys.IMPORT_RESULT] = (
            str(following.job.params["path"]),
            following.done.summary,
            int(data.get("rejected") or 0),
            list(data.get("errors") or []),
        )
        st.session_state[keys.DATASET] = into
        st.session_state[IMPORTED_INTO] = into
    shown = st.session_state.get(keys.IMPORT_RESULT)
    if shown:
        _show_result(*shown[1:])


def _choose_file(path: str, name: str) -> None:
    """Check ``path`` next; a different file than before forgets the last result and target."""
    if st.session_state.get(keys.IMPORT_FILE) != path:
        for key in (keys.IMPORT_RESULT, keys.IMPORT_TARGET, keys.IMPORT_NEW_NAME):
            st.session_state.pop(key, None)
    st.session_state[keys.IMPORT_FILE] = path
    st.session_state[keys.IMPORT_NAME] = name


upload_tab, path_tab, batch = st.tabs(
    ["Upload a file", "File on the server", "OpenAI Batch (two files)"],
    key="import_tab",
    on_change="rerun",
)
if batch.open:
    with batch:
        batch_tab(ws, me)
    st.stop()
with upload_tab:
    uploaded = st.file_uploader("File", key="import_upload", accept_multiple_files=False)
    if uploaded is not None:
        _choose_file(str(store_upload(ws, uploaded.name, uploaded.getvalue())), uploaded.name)
        st.session_state[keys.IMPORT_FROM_SERVER] = False
with path_tab:
    with ws.read() as s:
        roots = import_roots(ws, s)
        offered = [str(p) for p in importable_files(ws, s)]
    others = f" or in {', '.join(f'`{r}`' for r in roots[1:])}" if len(roots) > 1 else ""
    st.caption(
        f"The app reads files on the server only from allowed folders: put the file in "
        f"`{roots[0]}` (this workspace's imports folder){others}. An admin allows another "
        "folder on the **Settings** page or with `curation settings allow-import-folder DIR`."
    )
    picked = st.selectbox(
        "File in an allowed folder",
        offered,
        index=None,
        key="import_pick",
        placeholder="Choose a file" if offered else "No file there yet",
    )
    server_path = st.text_input(
        "…or its path (relative to the imports folder)",
        key="import_path",
        placeholder="chats.jsonl.gz",
    )
    wanted = server_path.strip() or picked
    if st.button("Use this file", key="use_path") and wanted:
        try:
            # checked, then copied through the checked descriptor: every read below (scan,
            # preview, import) is of the copy, so a symlink swapped in later leads nowhere
            with ws.read() as s:
                checked = check_import_path(ws, s, wanted)
                copy = copy_import_file(ws, s, checked)
            _choose_file(str(copy), checked.path.name)
            st.session_state[keys.IMPORT_SERVER_PATH] = str(checked.path)
            st.session_state[keys.IMPORT_FILE_ID] = (checked.device, checked.inode)
            st.session_state[keys.IMPORT_FROM_SERVER] = True
        except CurationError as exc:
            st.error(str(exc))

path_str = st.session_state.get(keys.IMPORT_FILE)
if not path_str:
    st.info("Choose a file to check it before importing.")
    st.stop()


def _server_file_still_allowed() -> None:
    """Again on every run and right before the import: the folder list may have changed, or
    the file been replaced (then it must be chosen again)."""
    if not st.session_state.get(keys.IMPORT_FROM_SERVER):
        return
    device, inode = st.session_state.get(keys.IMPORT_FILE_ID) or (-1, -1)
    server = str(st.session_state.get(keys.IMPORT_SERVER_PATH) or "")
    try:
        with ws.read() as s:
            verify_import_file(ws, s, ImportFile(Path(server), device, inode))
    except CurationError as exc:
        st.session_state.pop(keys.IMPORT_FILE, None)
        st.error(str(exc))
        st.stop()


_server_file_still_allowed()
path = Path(path_str)
from_server = bool(st.session_state.get(keys.IMPORT_FROM_SERVER))
server_file = Path(str(st.session_state.get(keys.IMPORT_SERVER_PATH) or ""))
if from_server and server_file.name == "dataset_info.json":
    dataset_info_panel(ws, me, server_file)
    st.stop()
shown_name = str(st.session_state.get(keys.IMPORT_NAME) or path.name)
st.subheader(shown_name)

format_names = ["auto-detect", *[f for f in FORMATS if f != "table"]]
chosen = st.selectbox("Format", format_names, key="import_format")
fmt = None if chosen == "auto-detect" else chosen

mapping: ColumnMapping | None = None


@st.cache_data(show_spinner="Checking every line…", max_entries=8)
def _scan(
    file: tuple[str, float], fmt: str | None, mapping: tuple[tuple[str, str | None], ...]
) -> ScanReport:
    """The file's check, cached by (path, modification time), format and column mapping."""
    return scan_file(file[0], fmt, ColumnMapping(**dict(mapping)) if mapping else None)


@st.cache_data(show_spinner="Running the OpenAI checks…", max_entries=8)
def _openai_check(file: tuple[str, float]) -> ValidationReport:
    return validate_file(file[0])


this_file = (str(path), path.stat().st_mtime)
try:
    scan = _scan(this_file, fmt, ())
    if scan.columns is not None:
        st.markdown("**Column mapping** (guessed; change it if it is wrong)")
        options = ["—", *scan.columns]
        guessed = scan.mapping.as_dict() if scan.mapping else {}
        map_cols = st.columns(5)
        chosen_map: dict[str, str | None] = {}
        for col, role in zip(
            map_cols, ("system", "prompt", "response", "chosen", "rejected"), strict=True
        ):
            guess = guessed.get(role)
            pick = col.selectbox(
                role,
                options,
                index=options.index(guess) if guess in options else 0,
                key=f"map_{role}",
            )
            chosen_map[role] = None if pick == "—" else pick
        if chosen_map != guessed:
            mapping = ColumnMapping(**chosen_map)
            scan = _scan(this_file, fmt, tuple(sorted(chosen_map.items())))
        else:
            mapping = ColumnMapping(**chosen_map)
except CurationError as exc:
    st.error(str(exc))
    st.stop()

st.markdown(
    f"Detected format: **{FORMATS[scan.format].label}** (`{scan.format}`), {scan.container.upper()} file"
)
if scan.detected_by:
    st.caption(f"Detected by {scan.detected_by}. Choose another format above to override.")
m1, m2, m3, m4, m5 = st.columns(5)
m1.metric("Items", f"{scan.lines:,}")
m2.metric("Valid", f"{scan.valid:,}")
m3.metric(
    "Duplicates inside this file",
    f"{scan.repeats:,}",
    help="Valid items whose content an earlier item of this file already has: imported once.",
)
m4.metric("Rejected", f"{scan.rejected:,}")
m5.metric("Pairs", f"{scan.pairs:,}")
repeats_note = (
    f" {plural(scan.repeats, 'valid item')} {'repeats' if scan.repeats == 1 else 'repeat'}"
    " an earlier item of this file and will be imported once."
    if scan.repeats
    else ""
)

if scan.errors:
    st.error(
        f"{plural(scan.rejected, 'line')} will be rejected; all other lines import." + repeats_note
    )
    st.dataframe(
        pd.DataFrame([asdict(e) for e in scan.errors]),
        hide_index=True,
        width="stretch",
        key="import_errors",
    )
elif repeats_note:
    st.warning("Every line is valid." + repeats_note)
else:
    st.success("Every line is valid.")

if scan.desirable or scan.undesirable:
    st.info(
        f"Unpaired feedback (KTO): {scan.desirable:,} completions labelled "
        f"desirable, {scan.undesirable:,} undesirable."
    )
if scan.fields:
    st.markdown("**Fields the importer maps, or keeps without using**")
    st.dataframe(
        pd.DataFrame([asdict(n) for n in scan.fields])[["field", "where", "count", "action"]],
        hide_index=True,
        width="stretch",
        key="import_fields",
    )

if scan.format.startswith("openai-") and scan.container == "jsonl":
    report = _openai_check(this_file)
    warnings = report.warnings
    with st.expander(
        f"OpenAI fine-tuning checks: {plural(report.error_total, 'error')},"
        f" {plural(len(warnings), 'warning')}",
        expanded=bool(report.error_total),
    ):
        st.caption("The OpenAI cookbook's checks (corrected for tool calling), on every line.")
        if report.errors:
            st.dataframe(
                pd.DataFrame([asdict(e) for e in report.errors]),
                hide_index=True,
                width="stretch",
                key="openai_errors",
            )
        for warning in warnings:
            st.warning(warning.message)
        if not report.errors and not warnings:
            st.success("The file passes every OpenAI check.")

left, right = st.columns(2)
with left:
    st.markdown(f"**Tokens per example** ({scan.encoding})")
    if len(scan.tokens):
        st.altair_chart(charts.histogram(scan.tokens, "tokens per example"), width="stretch")
    if scan.note:
        st.caption(scan.note)
with right:
    charts.cost_panel(scan.tokens, key_prefix="import")

with st.expander("Preview of the first records", expanded=True):
    for parsed in preview_records(path, fmt, mapping, n=5):
        st.markdown(f"**Line {parsed.line}**")
        if parsed.error is not None:
            st.error(str(parsed.error))
            continue
        assert parsed.record is not None
        render_conversation(parsed.record.messages)
        if parsed.record.completions:
            cols = st.columns(len(parsed.record.completions[:4]))
            for i, (col, completion) in enumerate(
                zip(cols, parsed.record.completions[:4], strict=False)
            ):
                with col:
                    caption(
                        f"Completion {i + 1}"
                        + (f" · {completion.source}" if completion.source else "")
                    )
                    for message in completion.messages:
                        render_message(message)
        st.divider()

st.subheader("Import")
with ws.read() as s:
    existing = dataset_names(s)
NEW = "New dataset"
if (just_imported := st.session_state.pop(IMPORTED_INTO, None)) in existing:
    st.session_state[keys.IMPORT_TARGET] = just_imported
target = st.selectbox(
    "Into dataset",
    [NEW, *existing],
    key=keys.IMPORT_TARGET,
    help="A new dataset named after the file, or add the records to an existing one.",
)
if target == NEW:
    if keys.IMPORT_NEW_NAME not in st.session_state:
        st.session_state[keys.IMPORT_NEW_NAME] = dataset_name_for(shown_name, existing)
    dataset = st.text_input("New dataset name", key=keys.IMPORT_NEW_NAME).strip()
    clash = dataset in existing
    if clash:
        st.warning(
            f"A dataset named **{dataset}** exists already: choose it under *Into dataset* to "
            "add to it, or give the new one another name."
        )
else:
    dataset, clash = target, False
    st.caption(f"The records are added to **{dataset}**; content already there is skipped.")
if st.button(
    "Import",
    type="primary",
    key="do_import",
    disabled=scan.valid == 0 or not dataset or clash,
):
    _server_file_still_allowed()
    shown_as = str(server_file) if from_server else shown_name
    if background:
        st.session_state.pop(keys.IMPORT_RESULT, None)
        params = {
            "path": str(path),
            "dataset": dataset,
            "format": fmt,
            "columns": mapping.as_dict() if mapping is not None else None,
            "display_name": shown_as,
        }
        start_job(ws, "import", params, dataset, actor=me.name, key="import")
    progress, bar = progress_bar("Importing…")
    try:
        result = import_file(
            ws,
            path,
            dataset,
            format=fmt,
            mapping=mapping,
            actor=me.name,
            display_name=shown_as,
            progress=progress,
        )
    except CurationError as exc:
        bar.empty()
        st.error(str(exc))
    else:
        bar.progress(1.0, text="Done")
        errors = [asdict(e) for e in result.errors]
        st.session_state[keys.IMPORT_RESULT] = (path_str, result.summary(), result.rejected, errors)
        st.session_state[keys.DATASET] = dataset
        st.session_state[IMPORTED_INTO] = dataset
        st.rerun()

last = st.session_state.get(keys.IMPORT_RESULT)
if last and last[0] == path_str and not background:
    _show_result(*last[1:])
