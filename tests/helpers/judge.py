"""A campaign for the AI-judge and secret-scrubbing tests: pair i has a long and a short answer."""

from __future__ import annotations

from pathlib import Path

from curation.store import Workspace
from tests.helpers.export import import_objects, set_redaction
from tests.helpers.labeling import campaign, users

# Pair i: completion A is long for even i, short for odd i.
LONG, SHORT = "A careful, complete and well explained answer.", "Short."


def judged_campaign(ws: Workspace, tmp_path: Path, n: int = 6, *, clean: bool = True) -> int:
    objects = [
        {
            "messages": [{"role": "user", "content": f"Question {i}?"}],
            "completions": [LONG, SHORT] if i % 2 == 0 else [SHORT, LONG],
        }
        for i in range(n)
    ]
    import_objects(ws, tmp_path, objects)
    if clean:
        set_redaction(ws, "clean")
    users(ws, ["ann", "ann2"])
    return campaign(
        ws,
        ["ann", "ann2"],
        dataset="d",
        overlap=2,
        criteria=["accuracy"],
        guidelines="Prefer the complete answer.",
    )
