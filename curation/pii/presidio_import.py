"""Presidio and spaCy imported without torch and transformers.

``import presidio_analyzer`` imports ``transformers`` (for its optional Hugging Face engine)
and, through spaCy's ``thinc`` and Presidio's device detector, ``torch``: most of the
start-up of ``curation redact`` on a small file, for two engines we never use (the bundled
spaCy model runs on numpy). Both are optional to those packages, which catch the
ImportError, so while they are first imported here those two names are made unimportable
(``sys.modules[name] = None``) and ``PRESIDIO_DEVICE`` says ``cpu``; afterwards the names
are released, so other code in the process can still import torch. Where torch or
transformers is already loaded, nothing is blocked.

Importing the package also builds some 170 ``Pattern`` objects in the class bodies of its
predefined recognisers (every country's), and each one compiles its regex only to check it
is valid, then drops it; the URL recogniser's alone took 0.6 s. The patterns are Presidio's
own constants and a recogniser compiles its patterns again, with its flags, when it first
runs, so during this first import the check is skipped (:class:`_TrustShippedPatterns`)
and then put back: patterns built later, a user's rules among them, are checked as before.

``import spacy`` imports its command line (``spacy.cli``: typer, weasel, jinja2, rich, …)
for one re-export, ``spacy.info``: a fifth of the import, for commands never run here.
During this first import ``spacy.cli`` is a stand-in (:class:`_DeferSpacyCli`) whose
attributes, and ``spacy.info``, import the real package on first use; afterwards
``import spacy.cli`` imports the real one as usual.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import os
import sys
import threading
from collections.abc import Sequence
from types import ModuleType
from typing import Any

_BLOCKED = ("torch", "transformers")
_PATTERN_MODULE = "presidio_analyzer.pattern"
_CHECK = "_Pattern__validate_regex"  # Pattern.__validate_regex, name-mangled
_lock = threading.Lock()


def _skip_check(pattern: str) -> None:  # noqa: ARG001
    return None


class _TrustShippedPatterns(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Loads ``presidio_analyzer.pattern`` with ``Pattern``'s regex check turned off."""

    def __init__(self) -> None:
        self.original: Any = None
        self.module: ModuleType | None = None
        self._loader: Any = None

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname != _PATTERN_MODULE:
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path, target)
        if spec is None or spec.loader is None:
            return spec
        self._loader, spec.loader = spec.loader, self
        return spec

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType | None:
        return self._loader.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        self._loader.exec_module(module)
        pattern = getattr(module, "Pattern", None)
        if pattern is not None and _CHECK in vars(pattern):
            self.original = vars(pattern)[_CHECK]
            self.module = module
            setattr(pattern, _CHECK, staticmethod(_skip_check))

    def restore(self) -> None:
        if self.module is not None and self.original is not None:
            setattr(self.module.Pattern, _CHECK, self.original)


_SPACY_CLI = ("spacy.cli", "spacy.cli.info")


def _real_spacy_cli() -> ModuleType:
    for name in _SPACY_CLI:
        if getattr(sys.modules.get(name), "__stand_in__", False):
            del sys.modules[name]
    return importlib.import_module("spacy.cli")


def _cli_attribute(name: str) -> Any:
    return getattr(_real_spacy_cli(), name)


def _spacy_info(*args: Any, **kwargs: Any) -> Any:
    return _real_spacy_cli().info(*args, **kwargs)


class _DeferSpacyCli(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Serves stand-ins for ``spacy.cli`` and ``spacy.cli.info`` (see the module doc)."""

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None,  # noqa: ARG002
        target: ModuleType | None = None,  # noqa: ARG002
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname not in _SPACY_CLI:
            return None
        return importlib.machinery.ModuleSpec(fullname, self, is_package=fullname == "spacy.cli")

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType | None:  # noqa: ARG002
        return None

    def exec_module(self, module: ModuleType) -> None:
        module.__stand_in__ = True  # type: ignore[attr-defined]
        if module.__name__ == "spacy.cli.info":
            module.info = _spacy_info  # type: ignore[attr-defined]
        else:
            setattr(module, "__getattr__", _cli_attribute)  # noqa: B010 (mypy: a module method)


def load_presidio() -> None:
    """Import presidio_analyzer and spaCy without torch/transformers. Idempotent."""
    with _lock:
        if "presidio_analyzer" in sys.modules and "spacy" in sys.modules:
            return
        os.environ.setdefault("PRESIDIO_DEVICE", "cpu")
        blocked = [name for name in _BLOCKED if name not in sys.modules]
        for name in blocked:
            sys.modules[name] = None  # type: ignore[assignment]
        trust = _TrustShippedPatterns() if _PATTERN_MODULE not in sys.modules else None
        if trust is not None:
            sys.meta_path.insert(0, trust)
        defer = _DeferSpacyCli() if "spacy" not in sys.modules else None
        if defer is not None:
            sys.meta_path.insert(0, defer)
        try:
            import presidio_analyzer  # noqa: F401
            import spacy  # noqa: F401
        finally:
            if defer is not None:
                sys.meta_path.remove(defer)
                for name in _SPACY_CLI:  # a later ``import spacy.cli`` gets the real one
                    if getattr(sys.modules.get(name), "__stand_in__", False):
                        del sys.modules[name]
            if trust is not None:
                sys.meta_path.remove(trust)
                trust.restore()
            for name in blocked:
                if sys.modules.get(name, 0) is None:
                    del sys.modules[name]


load_presidio()

from presidio_analyzer import LocalRecognizer, RecognizerResult  # noqa: E402
from presidio_analyzer.nlp_engine import NlpArtifacts  # noqa: E402

__all__ = ["LocalRecognizer", "NlpArtifacts", "RecognizerResult", "load_presidio"]
