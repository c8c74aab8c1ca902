"""The optional OpenAI fine-tuning round trip: upload, wait for processing, create a job,
follow its status and events, cancel it.

OpenAI closed fine-tuning to new customers in 2026, so this is an extra: the exported
files serve every trainer. Everything goes through the official ``openai`` client, so
any OpenAI-compatible service works with ``base_url``. The API key comes from the
environment (``OPENAI_API_KEY``) or, in the app, from Streamlit secrets; it is handed
to the client and nowhere else — never written to the workspace, the audit log, a
manifest or an error message (:func:`curation.openai_errors.scrub` removes it from any text
we pass on).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from curation.audit import log_event
from curation.errors import CurationError, InputError
from curation.export.names import FORMAT_FOR_METHOD, METHODS
from curation.fileio.gate import check_regular_file
from curation.ingest.checks import detect_layout
from curation.ingest.importer import file_sha256
from curation.ingest.report import ValidationReport
from curation.ingest.validate import validate_file
from curation.openai_errors import OpenAIError as OpenAIError  # re-exported
from curation.openai_errors import api_call as openai_api_call
from curation.openai_errors import scrub as scrub  # re-exported
from curation.store import models as m
from curation.store.failures import mask_url

API_KEY_ENV = "OPENAI_API_KEY"
BASE_URL_ENV = "OPENAI_BASE_URL"
TERMINAL = ("succeeded", "failed", "cancelled")


# --------------------------------------------------------------------------- connection


class MethodError(InputError):
    """A file or hyperparameter does not suit the job's method; ``wanted`` is the export
    format the method takes, when a file is the problem (the CLI names its options)."""

    def __init__(self, message: str, wanted: str | None = None) -> None:
        super().__init__(message)
        self.wanted = wanted


@dataclass(frozen=True, slots=True)
class Credentials:
    """An API key and where it came from; ``repr`` never shows the key."""

    api_key: str = field(repr=False)
    source: str
    base_url: str | None = field(default=None, repr=False)

    @property
    def shown_url(self) -> str | None:
        """The base URL as it may be shown or stored: password and key/token parameters masked."""
        return mask_url(self.base_url) if self.base_url else None


def resolve_credentials(
    secrets: Mapping[str, Any] | None = None,
    *,
    api_key: str | None = None,
    base_url: str | None = None,
) -> Credentials:
    """The key from an explicit value, ``OPENAI_API_KEY``, or secrets (``OPENAI_API_KEY`` or
    ``[openai] api_key``); the base URL likewise (``OPENAI_BASE_URL``, ``[openai] base_url``)."""
    found: tuple[str, str] | None = None
    if api_key:
        found = (api_key, "given")
    elif os.environ.get(API_KEY_ENV):
        found = (os.environ[API_KEY_ENV], "environment")
    else:
        value = _secret(secrets, API_KEY_ENV, "api_key")
        if value:
            found = (value, "secrets")
    if found is None:
        raise CurationError(
            "no OpenAI API key: set OPENAI_API_KEY in the environment (or in "
            ".streamlit/secrets.toml for the app); it is never stored in the workspace"
        )
    url = base_url or os.environ.get(BASE_URL_ENV) or _secret(secrets, BASE_URL_ENV, "base_url")
    return Credentials(found[0], found[1], url or None)


def _secret(secrets: Mapping[str, Any] | None, flat: str, nested: str) -> str | None:
    if secrets is None:
        return None
    try:
        value = secrets.get(flat)
        if not value and isinstance(secrets.get("openai"), Mapping):
            value = secrets["openai"].get(nested)
    except Exception:  # Streamlit raises when there is no secrets file at all
        return None
    return str(value) if value else None


def make_client(credentials: Credentials, *, timeout: float = 60.0, max_retries: int = 2) -> Any:
    """An ``openai.OpenAI`` client for these credentials (any OpenAI-compatible base URL)."""
    from openai import OpenAI

    return OpenAI(
        api_key=credentials.api_key,
        base_url=credentials.base_url,
        timeout=timeout,
        max_retries=max_retries,
    )


def api_call(step: str, credentials: Credentials | None = None) -> AbstractContextManager[None]:
    """The shared error handling of :mod:`curation.openai_errors` for one fine-tuning request."""
    return openai_api_call(f"OpenAI {step}", credentials.api_key if credentials else None)


# --------------------------------------------------------------------------- results


@dataclass(slots=True)
class FileInfo:
    id: str
    filename: str
    bytes: int
    purpose: str
    status: str | None
    status_details: str | None = None

    @classmethod
    def of(cls, obj: Any) -> FileInfo:
        return cls(
            id=obj.id,
            filename=getattr(obj, "filename", ""),
            bytes=int(getattr(obj, "bytes", 0) or 0),
            purpose=str(getattr(obj, "purpose", "")),
            status=getattr(obj, "status", None),
            status_details=getattr(obj, "status_details", None),
        )

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class JobInfo:
    id: str
    status: str
    model: str
    method: str | None
    fine_tuned_model: str | None
    training_file: str | None
    validation_file: str | None
    created_at: int | None
    finished_at: int | None
    estimated_finish: int | None
    trained_tokens: int | None
    seed: int | None
    hyperparameters: dict[str, Any]
    error: str | None

    @classmethod
    def of(cls, job: Any) -> JobInfo:
        method = getattr(job, "method", None)
        error = getattr(job, "error", None)
        hyper = _plain(getattr(job, "hyperparameters", None)) or {}
        kind = getattr(method, "type", None) if method is not None else None
        if method is not None and kind:
            inner = _plain(getattr(getattr(method, kind, None), "hyperparameters", None))
            hyper = inner or hyper
        return cls(
            id=job.id,
            status=str(job.status),
            model=str(getattr(job, "model", "")),
            method=kind,
            fine_tuned_model=getattr(job, "fine_tuned_model", None),
            training_file=getattr(job, "training_file", None),
            validation_file=getattr(job, "validation_file", None),
            created_at=getattr(job, "created_at", None),
            finished_at=getattr(job, "finished_at", None),
            estimated_finish=getattr(job, "estimated_finish", None),
            trained_tokens=getattr(job, "trained_tokens", None),
            seed=getattr(job, "seed", None),
            hyperparameters={k: v for k, v in hyper.items() if v is not None},
            error=(
                f"{getattr(error, 'code', '')}: {getattr(error, 'message', '')}".strip(": ")
                if error
                else None
            ),
        )

    @property
    def done(self) -> bool:
        return self.status in TERMINAL

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _plain(obj: Any) -> dict[str, Any] | None:
    if obj is None:
        return None
    if isinstance(obj, dict):
        return obj
    dump = getattr(obj, "model_dump", None)
    return dump() if callable(dump) else None


@dataclass(slots=True)
class JobEvent:
    id: str
    created_at: int
    level: str
    message: str
    type: str | None
    data: Any = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Hyperparameters:
    """Left as None, a value is OpenAI's ``auto``. ``beta`` is DPO's."""

    n_epochs: int | None = None
    batch_size: int | None = None
    learning_rate_multiplier: float | None = None
    beta: float | None = None

    def for_method(self, method: str) -> dict[str, Any]:
        values = {
            "n_epochs": self.n_epochs,
            "batch_size": self.batch_size,
            "learning_rate_multiplier": self.learning_rate_multiplier,
        }
        if method == "dpo":
            values["beta"] = self.beta
        elif self.beta is not None:
            raise MethodError("beta is a DPO hyperparameter; use it with the dpo method")
        return {k: v for k, v in values.items() if v is not None}


@dataclass(slots=True)
class JobRequest:
    training_file: Path
    model: str
    method: str = "supervised"
    validation_file: Path | None = None
    suffix: str | None = None
    seed: int | None = None
    hyperparameters: Hyperparameters = field(default_factory=Hyperparameters)

    def check(self) -> None:
        if self.method not in METHODS:
            raise InputError(f"method is one of {', '.join(METHODS)}, not {self.method!r}")
        if not self.model.strip():
            raise InputError("name the base model to fine-tune (e.g. gpt-4.1-mini-2025-04-14)")
        if self.suffix is not None and len(self.suffix) > 64:
            raise InputError(f"the suffix is at most 64 characters, got {len(self.suffix)}")
        self.hyperparameters.for_method(self.method)

    def method_param(self) -> dict[str, Any]:
        hyper = self.hyperparameters.for_method(self.method)
        return {"type": self.method, self.method: {"hyperparameters": hyper} if hyper else {}}


@dataclass(slots=True)
class Launch:
    training: FileInfo
    validation: FileInfo | None
    job: JobInfo

    def as_dict(self) -> dict[str, Any]:
        return {
            "training_file": self.training.as_dict(),
            "validation_file": self.validation.as_dict() if self.validation else None,
            "job": self.job.as_dict(),
        }


# --------------------------------------------------------------------------- steps


def check_file(path: Path, method: str, model: str = "gpt-4.1") -> ValidationReport:
    """Validate a file for this method before anything is uploaded."""
    from curation.export.registry import get_export_format
    from curation.fileio.jsonl import iter_jsonl

    check_regular_file(path)
    first = next((item for item in iter_jsonl(path) if item.value is not None), None)
    if first is None or not isinstance(first.value, dict):
        raise InputError(f"{path}: not a JSONL file of training examples")
    wanted = FORMAT_FOR_METHOD[method]
    expected = get_export_format(wanted).layout
    found = detect_layout(first.value)
    if found != expected:
        raise MethodError(
            f"{path} holds {found} examples, but method {method} needs {expected} examples "
            f"(an export as {wanted})",
            wanted,
        )
    report = validate_file(path, model=model, layout=expected)
    if not report.ok:
        first_error = report.errors[0] if report.errors else None
        where = f"; line {first_error.line}: {first_error.message}" if first_error else ""
        raise InputError(
            f"{path} fails validation ({report.error_total:,} errors{where}); fix it before uploading"
        )
    return report


def upload_file(client: Any, path: Path, credentials: Credentials | None = None) -> FileInfo:
    with api_call(f"upload of {path.name}", credentials), path.open("rb") as fh:
        return FileInfo.of(client.files.create(file=(path.name, fh), purpose="fine-tune"))


def wait_for_file(
    client: Any,
    file_id: str,
    *,
    credentials: Credentials | None = None,
    poll_interval: float = 2.0,
    timeout: float = 30 * 60,
    sleep: Callable[[float], None] = time.sleep,
) -> FileInfo:
    """Poll until the service has processed the file; an error status is raised with its reason."""
    deadline = time.monotonic() + timeout
    while True:
        with api_call(f"file {file_id} lookup", credentials):
            info = FileInfo.of(client.files.retrieve(file_id))
        if info.status == "error":
            raise OpenAIError(
                f"the service could not process {info.filename or file_id}: "
                f"{info.status_details or 'no reason given'}"
            )
        if info.status in (None, "processed"):
            return info
        if time.monotonic() > deadline:
            raise OpenAIError(f"file {file_id} still {info.status} after {timeout:.0f} s")
        sleep(poll_interval)


def create_job(
    client: Any,
    request: JobRequest,
    training_file_id: str,
    validation_file_id: str | None,
    credentials: Credentials | None = None,
) -> JobInfo:
    params: dict[str, Any] = {
        "model": request.model,
        "training_file": training_file_id,
        "method": request.method_param(),
    }
    if validation_file_id:
        params["validation_file"] = validation_file_id
    if request.suffix:
        params["suffix"] = request.suffix
    if request.seed is not None:
        params["seed"] = request.seed
    with api_call("job creation", credentials):
        return JobInfo.of(client.fine_tuning.jobs.create(**params))


def launch(
    client: Any,
    request: JobRequest,
    *,
    credentials: Credentials | None = None,
    ws: Any = None,
    actor: str = "cli",
    poll_interval: float = 2.0,
    timeout: float = 30 * 60,
    on_step: Callable[[str], None] | None = None,
) -> Launch:
    """Validate, upload (train, then validation), wait for processing, create the job.

    With a workspace, the job is written to its audit log with the files' sha256 and
    the export they came from, so the job's provenance reaches back to the data.
    """
    request.check()
    step = on_step or (lambda _text: None)
    files = [("training", request.training_file)]
    if request.validation_file is not None:
        files.append(("validation", request.validation_file))
    for role, path in files:
        step(f"checking the {role} file {path.name}")
        check_file(path, request.method, request.model)
    uploaded: dict[str, FileInfo] = {}
    for role, path in files:
        step(f"uploading {path.name}")
        info = upload_file(client, path, credentials)
        step(f"waiting for {info.id} to be processed")
        uploaded[role] = wait_for_file(
            client,
            info.id,
            credentials=credentials,
            poll_interval=poll_interval,
            timeout=timeout,
        )
    step("creating the job")
    validation = uploaded.get("validation")
    job = create_job(
        client, request, uploaded["training"].id, validation.id if validation else None, credentials
    )
    result = Launch(uploaded["training"], validation, job)
    if ws is not None:
        with ws.tx() as session:
            _audit_launch(session, request, result, actor, credentials)
    return result


def _audit_launch(
    session: Session,
    request: JobRequest,
    result: Launch,
    actor: str,
    credentials: Credentials | None,
) -> None:
    files = []
    for role, path, info in (
        ("training", request.training_file, result.training),
        ("validation", request.validation_file, result.validation),
    ):
        if path is None or info is None:
            continue
        sha = file_sha256(path)
        files.append(
            {
                "role": role,
                "path": str(path),
                "sha256": sha,
                "file_id": info.id,
                "export_id": export_for(session, sha),
            }
        )
    log_event(
        session,
        actor,
        "finetune.create",
        "finetune_job",
        result.job.id,
        model=request.model,
        method=request.method,
        suffix=request.suffix,
        seed=request.seed,
        hyperparameters=request.hyperparameters.for_method(request.method),
        files=files,
        base_url=credentials.shown_url if credentials else None,
        status=result.job.status,
    )


def export_for(session: Session, sha256: str) -> int | None:
    """The export that wrote a file with this sha256, if it was exported here (a failed
    export's files were taken back: it wrote nothing)."""
    for export_id, files in session.execute(
        sa.select(m.Export.id, m.Export.files)
        .where(m.Export.status != "failed")
        .order_by(m.Export.id.desc())
    ):
        if any(f.get("sha256") == sha256 for f in files or []):
            return int(export_id)
    return None


def job_status(client: Any, job_id: str, credentials: Credentials | None = None) -> JobInfo:
    with api_call(f"status of {job_id}", credentials):
        return JobInfo.of(client.fine_tuning.jobs.retrieve(job_id))


def job_events(
    client: Any, job_id: str, limit: int = 50, credentials: Credentials | None = None
) -> list[JobEvent]:
    """The job's latest events, oldest first."""
    with api_call(f"events of {job_id}", credentials):
        page = client.fine_tuning.jobs.list_events(job_id, limit=limit)
        events = [
            JobEvent(
                id=e.id,
                created_at=int(e.created_at),
                level=str(e.level),
                message=str(e.message),
                type=getattr(e, "type", None),
                data=getattr(e, "data", None),
            )
            for e in page.data
        ]
    return sorted(events, key=lambda e: (e.created_at, e.id))


def cancel_job(
    client: Any,
    job_id: str,
    *,
    credentials: Credentials | None = None,
    ws: Any = None,
    actor: str = "cli",
) -> JobInfo:
    with api_call(f"cancellation of {job_id}", credentials):
        job = JobInfo.of(client.fine_tuning.jobs.cancel(job_id))
    if ws is not None:
        with ws.tx() as session:
            log_event(session, actor, "finetune.cancel", "finetune_job", job_id, status=job.status)
    return job


@dataclass(frozen=True, slots=True)
class LaunchedJob:
    """A job launched from this workspace, as its audit log recorded it."""

    job_id: str
    at: str
    actor: str
    model: str | None
    method: str | None
    export_ids: list[int]

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def recent_jobs(session: Session, limit: int = 50) -> list[LaunchedJob]:
    """Jobs launched from this workspace (from the audit log), newest first."""
    rows = session.scalars(
        sa.select(m.AuditEvent)
        .where(m.AuditEvent.action == "finetune.create")
        .order_by(m.AuditEvent.id.desc())
        .limit(limit)
    )
    return [
        LaunchedJob(
            job_id=e.target_id,
            at=e.at.isoformat(timespec="seconds") + "Z",
            actor=e.actor,
            model=e.details.get("model"),
            method=e.details.get("method"),
            export_ids=sorted(
                {f["export_id"] for f in e.details.get("files", []) if f.get("export_id")}
            ),
        )
        for e in rows
    ]
