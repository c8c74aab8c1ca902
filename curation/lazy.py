"""Package faces that load their names on first use, so importing a stage package stays cheap
(``curation --help`` must not load Presidio, spaCy or SQLAlchemy)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from importlib import import_module
from typing import Any


def lazy_exports(package: str, module_of: Mapping[str, str]) -> Callable[[str], Any]:
    """A package's module ``__getattr__``: ``name`` is imported from ``package.module_of[name]``."""

    def __getattr__(name: str) -> Any:  # noqa: N807 - it is the module's __getattr__
        module = module_of.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(import_module(f"{package}.{module}"), name)

    return __getattr__
