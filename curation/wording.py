"""Words the pages and the CLI share: counts with the right plural, names suggested to users."""

from __future__ import annotations

import re
from collections.abc import Collection
from datetime import UTC, datetime

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


def human_time(when: datetime, now: datetime | None = None) -> str:
    """A time as people say it: "just now", "5 min ago", "3 h ago", "yesterday 14:03",
    "5 Dec 14:03", "5 Dec 2025" (naive times are taken as UTC, as the store keeps them)."""
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    now = now or datetime.now(UTC)
    if now.tzinfo is None:
        now = now.replace(tzinfo=UTC)
    seconds = (now - when).total_seconds()
    if -60 < seconds < 60:
        return "just now"
    if 0 < seconds < 3600:
        return f"{int(seconds // 60)} min ago"
    if 0 < seconds < 6 * 3600:
        return f"{int(seconds // 3600)} h ago"
    days = (now.date() - when.date()).days
    clock = when.strftime("%H:%M")
    if days == 0:
        return f"today {clock}"
    if days == 1:
        return f"yesterday {clock}"
    if when.year == now.year:
        return f"{when.day} {when:%b} {clock}"
    return f"{when.day} {when:%b %Y}"
