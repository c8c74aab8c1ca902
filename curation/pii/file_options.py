"""A file-mode redaction's choices, and the :class:`~curation.pii.files.RedactFileOptions`
they make: the one place ``curation redact SOURCE -o OUT`` and its background job turn the
same options into the same detection config, operator and keys.

A job stores :class:`RedactChoices` as its parameters (plain JSON), never keys: keys come
from the workspace (``workspace`` True) or are made for the run, as in the foreground.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from curation.pii.files import RedactFileOptions
    from curation.store.db import Workspace


@dataclass(frozen=True, slots=True)
class RedactChoices:
    """What a user chose for a file-mode redaction (None: the setting's default).

    ``workspace``: the workspace's settings, rules and keys apply (``--workspace`` or
    ``--db`` given); otherwise the default settings and keys made for the run.
    """

    entities: str | None = None
    threshold: float | None = None
    operator: str | None = None
    realistic: bool = False
    scope: str | None = None
    format: str | None = None
    columns: str | None = None
    report: str | None = None
    report_values: bool = True
    rules_file: str | None = None
    workers: int | None = None
    workspace: bool = False

    def as_params(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_params(cls, params: dict[str, Any]) -> RedactChoices:
        return cls(**{k: params[k] for k in cls.__dataclass_fields__ if k in params})

    def manifest_options(self, options: RedactFileOptions) -> dict[str, Any]:
        """What a sharded run's manifest records of these choices and the ``options``
        they made."""
        return {
            "operator": options.operator.name if options.operator else None,
            "entities": list(options.config.entities) if options.config else None,
            "threshold": options.config.threshold if options.config else None,
            "format": self.format,
            "columns": self.columns,
            "rules": self.rules_file,
            "workspace": self.workspace,
        }

    def options(self, ws: Workspace | None) -> RedactFileOptions:
        """The options :func:`~curation.pii.files.redact_file` takes: ``ws``'s settings,
        rules and keys when given (``workspace`` True), else the defaults and new keys."""
        from curation.ingest.formats import ColumnMapping
        from curation.pii.files import RedactFileOptions
        from curation.pii.rules import (
            config_with_rules,
            load_rules_file,
            settings_config,
            workspace_config,
        )
        from curation.pii.settings import PiiSettings, load_settings, run_secrets, workspace_secrets

        if ws is None:
            settings = PiiSettings()
            config = settings_config(settings, entities=self.entities, threshold=self.threshold)
            secrets = run_secrets()
        else:
            with ws.tx() as s:
                config = workspace_config(s, entities=self.entities, threshold=self.threshold)
                settings = load_settings(s)
                secrets = workspace_secrets(s)
        realistic = True if self.realistic else None
        spec = settings.operator_with(self.operator, realistic=realistic, scope=self.scope)
        if spec.name == "drop":  # the workspace's setting; a file keeps every line
            spec = settings.operator_with("placeholder", realistic=realistic, scope=self.scope)
        if self.rules_file is not None:
            config = config_with_rules(config, load_rules_file(self.rules_file))
        return RedactFileOptions(
            config=config,
            operator=spec,
            secrets=secrets,
            format=self.format,
            mapping=ColumnMapping.parse(self.columns) if self.columns else None,
            report=self.report,
            report_values=self.report_values,
            workers=self.workers,
        )
