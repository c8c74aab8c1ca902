"""The workspace store: models, sessions, migrations and queries.

Names are re-exported lazily: importing a light module of this package
(:mod:`~curation.store.location`) does not import SQLAlchemy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from curation.lazy import lazy_exports

if TYPE_CHECKING:
    from curation.store.db import Workspace, open_workspace

_EXPORTS = {"Workspace": "db", "open_workspace": "db"}

__all__ = ["Workspace", "open_workspace"]

__getattr__ = lazy_exports(__name__, _EXPORTS)
