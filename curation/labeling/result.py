"""The one base of the labelling stage's typed results: a frozen dataclass whose ``as_dict``
(``dataclasses.asdict``) is the JSON the CLI prints and the pages tabulate.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Result:
    """Base of campaign summaries, quality reports and aggregations."""

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)
