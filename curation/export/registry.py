"""Every export format by name: the generic layouts (:mod:`curation.export.formats`) and the
trainers' own (:mod:`curation.export.targets`). The one place that knows both, so neither
of those modules has to import the other's names back."""

from __future__ import annotations

from collections.abc import Callable

from curation.errors import InputError
from curation.export.formats import (
    ExportFormat,
    OpenAIChatExport,
    OpenAIPreferenceExport,
    OpenAIRFTExport,
    RFTPairsExport,
    TableExport,
    TRLKTOExport,
    TRLPreferenceExport,
)
from curation.export.names import FORMAT_NAMES
from curation.export.ranked import RankedListExport
from curation.export.targets import TARGETS


def get_export_format(name: str, *, trl_style: str = "conversational") -> ExportFormat:
    makers: dict[str, Callable[[], ExportFormat]] = {
        "openai-chat": OpenAIChatExport,
        "openai-preference": OpenAIPreferenceExport,
        "openai-rft": OpenAIRFTExport,
        "trl-preference": lambda: TRLPreferenceExport(trl_style),
        "rft-pairs": RFTPairsExport,
        "trl-kto": lambda: TRLKTOExport(trl_style),
        "ranked-list": RankedListExport,
        "csv": lambda: TableExport("csv"),
        "parquet": lambda: TableExport("parquet"),
    }
    makers.update(TARGETS)
    try:
        return makers[name]()
    except KeyError:
        raise InputError(
            f"unknown export format {name!r}; choose one of: {', '.join(FORMAT_NAMES)}"
        ) from None
