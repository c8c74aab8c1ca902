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
    # What happens to a top-level key the format does not map (kept in ``extra``), for the
    # import report; None when such keys are the format's own data (RFT grader fields).
    extra_action: ClassVar[str | None] = "kept with the record, not shown"
    # How detection recognises the format (shown when it picks it).
    rule: ClassVar[str] = ""
    # One line showing the layout, for ``curation formats`` and the README.
    example: ClassVar[str] = ""

    def detect(self, obj: dict[str, Any]) -> bool:
        raise NotImplementedError

    def parse(self, obj: Any) -> Record:
        raise NotImplementedError

    def dump(self, record: Record) -> dict[str, Any]:
        """The record in this format; formats that cannot hold it raise CurationError."""
        raise NotImplementedError
