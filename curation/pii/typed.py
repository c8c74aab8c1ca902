"""The one ``as_dict`` of the PII stage's typed results.

The stage's functions return frozen dataclasses (read by attribute in the CLI and on the
PII page); where JSON output needs a dict, :class:`AsDict` gives every result the same
``as_dict()`` built by :func:`dataclasses.asdict`, so field names are the JSON keys.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any


class AsDict:
    """Mixin for a dataclass result: ``as_dict()`` is :func:`dataclasses.asdict`."""

    __slots__ = ()

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)  # type: ignore[call-overload]
