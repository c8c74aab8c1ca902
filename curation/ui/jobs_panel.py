"""A job's live panel: status, progress, place in the queue, Cancel, and the outcome.

A page submits a job with :func:`start_job` and, on every run, calls :func:`followed_job`,
which shows the panel of the job the page follows (one still running, whoever started it,
else the one this session started) and hands the page a result once it is ready. While the job is queued or running the panel is a fragment that re-runs itself every
second, reading one row; the page around it does not re-run. Once the job has finished
the panel re-runs the page once and stays still. Clicks elsewhere, a page change or a
closed browser do not touch the job: a runner process owns it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

import streamlit as st

from curation.errors import CurationError
from curation.jobs import cancel, get_job, rerun, submit
from curation.jobs.follow import Following, follow_job
from curation.jobs.model import FAILED, INTERRUPTED, JobInfo
from curation.store import Workspace
from curation.ui import keys

REFRESH_SECONDS = 1.0
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$])")


def _plain(text: str) -> str:
    """User text (a file name, an error) shown literally inside markdown elements."""
    return _MARKDOWN.sub(r"\\\1", text)


def _followed_key(key: str) -> str:
    return f"{keys.JOB_FOLLOWED}.{key}"


def followed_job(
    ws: Workspace,
    kinds: str | Sequence[str],
    dataset_id: int | None,
    *,
    actor: str,
    key: str,
    match: Callable[[JobInfo], bool] | None = None,
) -> Following:
    """Show the panel of the job this page follows (:func:`~curation.jobs.follow.follow_job`).

    A live job found is remembered in the session, so its result reaches this page when it
    is done even if another browser started it or the page was reloaded meanwhile. The
    result comes back in ``.done`` (and ``.job``) once; the page shows it its own way.
    """
    state = _followed_key(key)
    mine = st.session_state.get(state)
    following = follow_job(ws, kinds, dataset_id, None if mine is None else int(mine), match=match)
    if following.done is not None:
        st.session_state.pop(state, None)
    elif following.job_id is not None:
        st.session_state[state] = following.job_id
        job_panel(ws, following.job_id, actor=actor, key=key)
    return following


def start_job(
    ws: Workspace, kind: str, params: dict[str, Any], dataset: str | None, *, actor: str, key: str
) -> NoReturn:
    """Queue a job, follow it in this page's panel ``key``, and re-run the page to show it."""
    job = submit(ws, kind, params, dataset, actor)
    st.session_state[_followed_key(key)] = job.id
    st.rerun()


def job_panel(ws: Workspace, job_id: int, *, actor: str, key: str = "job") -> None:
    """Show job ``job_id`` (or the re-run that replaced it in this panel)."""
    current = st.session_state.get(f"{keys.JOB_PANEL}.{key}", {}).get(job_id, job_id)
    job = get_job(ws, current)
    if job.finished:
        _render(ws, job, job_id, actor, key)
    else:
        _live(ws, current, job_id, actor, key)


@st.fragment(run_every=REFRESH_SECONDS)
def _live(ws: Workspace, current: int, first: int, actor: str, key: str) -> None:
    job = get_job(ws, current)
    _render(ws, job, first, actor, key)
    if job.finished:
        st.rerun(scope="app")  # shown still from now on


def _render(ws: Workspace, job: JobInfo, first: int, actor: str, key: str) -> None:
    with st.container(border=True):
        st.markdown(f"**Job {job.id}** · {_plain(job.kind)} · {job.status}")
        if job.status == "queued":
            place = job.queue_position or 1
            st.info(
                f"Waiting for a runner: place {place} in the queue.", icon=":material/schedule:"
            )
        elif job.status == "running":
            p = job.progress
            where = f"{p.done:,} of {p.total:,}" if p.total else f"{p.done:,}"
            label = f"{_plain(p.stage or 'starting')}: {where}"
            st.progress(p.fraction or 0.0, text=label)
            if job.cancel_requested:
                st.caption("Cancelling…")
        elif job.status == "succeeded":
            summary = job.outcome.summary or "Done."
            st.success(_plain(summary), icon=":material/check_circle:")
        elif job.status == "cancelled":
            st.warning("Cancelled. " + _plain(job.error), icon=":material/cancel:")
        else:
            st.error(_plain(job.error or job.status), icon=":material/error:")
        if not job.finished:
            st.button(
                "Cancel",
                key=f"{keys.JOB_PANEL}.{key}.cancel.{job.id}",
                disabled=job.cancel_requested,
                on_click=_cancel,
                args=(ws, job.id, actor),
            )
        elif job.status in (FAILED, INTERRUPTED):
            st.button(
                "Re-run",
                key=f"{keys.JOB_PANEL}.{key}.rerun.{job.id}",
                on_click=_rerun,
                args=(ws, job.id, first, actor, key),
            )


def _cancel(ws: Workspace, job_id: int, actor: str) -> None:
    try:
        cancel(ws, job_id, actor)
    except CurationError as exc:  # it finished meanwhile: the panel shows how
        st.toast(str(exc))


def _rerun(ws: Workspace, job_id: int, first: int, actor: str, key: str) -> None:
    try:
        again = rerun(ws, job_id, actor)
    except CurationError as exc:
        st.toast(str(exc))
        return
    panel = dict(st.session_state.get(f"{keys.JOB_PANEL}.{key}", {}))
    panel[first] = again.id
    st.session_state[f"{keys.JOB_PANEL}.{key}"] = panel
