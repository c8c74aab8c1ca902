"""Words the pages and the CLI share: counts with the right plural, names suggested to users."""

from __future__ import annotations

import re
from collections.abc import Collection

_IRREGULAR = {"entry": "entries", "query": "queries", "was": "were", "is": "are", "this": "these"}


def plural(n: int, word: str, many: str | None = None) -> str:
    """``plural(1, "record")`` → "1 record", ``plural(1200, "record")`` → "1,200 records"."""
    if n == 1:
        return f"1 {word}"
    return f"{n:,} {many or _IRREGULAR.get(word) or word + 's'}"


def verb(n: int, one: str, many: str) -> str:
    """The verb form agreeing with a count: ``verb(1, "has", "have")`` → "has"."""
    return one if n == 1 else many


_NOT_NAME = re.compile(r"[^A-Za-z0-9_-]+")


def dataset_name_for(file_name: str, existing: Collection[str]) -> str:
    """A new dataset's name from a file's name: its stem, made unique among ``existing``.

    ``chats.jsonl.gz`` → ``chats``; if ``chats`` exists, ``chats-2`` (then ``-3`` …), so the
    suggested target is never an existing dataset by accident.
    """
    base = file_name.replace("\\", "/").rsplit("/", 1)[-1].split(".")[0]
    base = _NOT_NAME.sub("_", base).strip("_-") or "dataset"
    name, n = base, 1
    while name in existing:
        n += 1
        name = f"{base}-{n}"
    return name
