"""The Format protocol: every external format detects, parses and (where it can) writes records."""

from __future__ import annotations

from typing import Any, ClassVar

from curation.records import Record


class Format:
    """One external format. ``parse`` raises FieldError for a bad record; nothing else escapes."""

    name: ClassVar[str]
    label: ClassVar[str]
    containers: ClassVar[tuple[str, ...]] = ("jsonl", "json")
    # Higher wins when several formats claim the same first record.
    priority: ClassVar[int] = 0

    def detect(self, obj: dict[str, Any]) -> bool:
        raise NotImplementedError

    def parse(self, obj: Any) -> Record:
        raise NotImplementedError

    def dump(self, record: Record) -> dict[str, Any]:
        """The record in this format; formats that cannot hold it raise CurationError."""
        raise NotImplementedError
