"""One progress protocol for every long stage: ``progress(stage, done, total)``.

A stage names what it is doing (``"import"``, ``"scan"``, ``"embed"``, ``"write"``…), how many
of its items are done and how many there are (``None`` when not known in advance, never a
total smaller than ``done``). A job records the three values, the command line shows them
with :func:`curation.cli.common.progress_bar` and a page with
:func:`curation.ui.progress.progress_bar`.
"""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[str, int, int | None], None]
