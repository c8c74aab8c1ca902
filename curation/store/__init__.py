"""The workspace store: models, sessions, migrations and queries."""

from curation.store.db import Workspace, open_workspace

__all__ = ["Workspace", "open_workspace"]
