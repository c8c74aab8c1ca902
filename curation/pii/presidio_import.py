"""Presidio and spaCy imported without torch and transformers.

``import presidio_analyzer`` imports ``transformers`` (for its optional Hugging Face engine)
and, through spaCy's ``thinc`` and Presidio's device detector, ``torch``: most of the
start-up of ``curation redact`` on a small file, for two engines we never use (the bundled
spaCy model runs on numpy). Both are optional to those packages, which catch the
ImportError, so while they are first imported here those two names are made unimportable
(``sys.modules[name] = None``) and ``PRESIDIO_DEVICE`` says ``cpu``; afterwards the names
are released, so other code in the process can still import torch. Where torch or
transformers is already loaded, nothing is blocked.
"""

from __future__ import annotations

import os
import sys
import threading

_BLOCKED = ("torch", "transformers")
_lock = threading.Lock()


def load_presidio() -> None:
    """Import presidio_analyzer and spaCy without torch/transformers. Idempotent."""
    with _lock:
        if "presidio_analyzer" in sys.modules and "spacy" in sys.modules:
            return
        os.environ.setdefault("PRESIDIO_DEVICE", "cpu")
        blocked = [name for name in _BLOCKED if name not in sys.modules]
        for name in blocked:
            sys.modules[name] = None  # type: ignore[assignment]
        try:
            import presidio_analyzer  # noqa: F401
            import spacy  # noqa: F401
        finally:
            for name in blocked:
                if sys.modules.get(name, 0) is None:
                    del sys.modules[name]


load_presidio()

from presidio_analyzer import LocalRecognizer, RecognizerResult  # noqa: E402
from presidio_analyzer.nlp_engine import NlpArtifacts  # noqa: E402

__all__ = ["LocalRecognizer", "NlpArtifacts", "RecognizerResult", "load_presidio"]
