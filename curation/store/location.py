"""Where the default workspace lives, without the store: file mode only checks whether one
is there (see ``curation redact``), and importing SQLAlchemy for that cost most of a second."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

WORKSPACE_ENV = "CURATION_WORKSPACE"


def default_workspace_dir() -> Path:
    env = os.environ.get(WORKSPACE_ENV)
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir("curation-studio")) / "workspace"
