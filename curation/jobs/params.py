"""What every job kind shares: the :class:`JobContext` it runs in and its parameters read
back (a required one, an export's spec)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from curation.errors import InternalError
from curation.progress import Progress
from curation.store.db import Workspace


@dataclass(frozen=True, slots=True)
class JobContext:
    ws: Workspace
    job_id: int
    params: dict[str, Any]
    actor: str
    progress: Progress


def need(params: dict[str, Any], key: str) -> Any:
    if params.get(key) in (None, ""):
        # jobs are submitted by the CLI and pages, which always give their parameters
        raise InternalError(f"the job's parameters lack {key!r}")
    return params[key]


def export_spec_params(spec: Any) -> dict[str, Any]:
    """An :class:`~curation.export.ExportSpec` as job parameters (and back: :func:`spec_of`)."""
    from dataclasses import asdict

    return asdict(spec)


def spec_of(data: dict[str, Any]) -> Any:
    from curation.export.spec import ExportSpec
    from curation.labeling.aggregate import Policy

    fields = dict(data)
    fields["policy"] = Policy(**fields.get("policy", {}))
    spec = ExportSpec(**fields)
    spec.check()
    return spec
