"""The export stage's names and choices, with no import: the one source for the command line's
``--help`` (which must not import the export stage), the pages and the library.

The format names (:func:`curation.export.registry.get_export_format` makes each), the choices
of an :class:`~curation.export.spec.ExportSpec`'s settings, and which fine-tuning method
takes which export format (:mod:`curation.finetune.jobs`).
"""

from __future__ import annotations

FORMAT_NAMES = (
    "openai-chat",
    "openai-preference",
    "openai-rft",
    "trl-preference",
    "rft-pairs",
    "trl-kto",
    "ranked-list",
    "llamafactory-sharegpt",
    "llamafactory-v1",
    "llamafactory-alpaca",
    "llamafactory-dpo",
    "llamafactory-kto",
    "axolotl-chat",
    "csv",
    "parquet",
)
SFT_FROM = ("auto", "records", "preferred")
STRATIFY = ("source", "format")
TRL_STYLES = ("conversational", "standard")
TRL_FORMATS = ("trl-preference", "trl-kto")  # the formats ``trl_style`` applies to
# A campaign's tie and both-bad policies (curation.labeling.aggregate.POLICIES holds the same:
# that module reads the store, so the command line's --help takes the names from here).
POLICY_CHOICES = ("exclude", "keep")

# The fine-tuning method each uploadable export format is for (OpenAI's SFT and DPO).
METHOD_FOR_FORMAT = {"openai-chat": "supervised", "openai-preference": "dpo"}
FORMAT_FOR_METHOD = {method: fmt for fmt, method in METHOD_FOR_FORMAT.items()}
METHODS = tuple(FORMAT_FOR_METHOD)
