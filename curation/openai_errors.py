"""Errors from any OpenAI-compatible service (embeddings, fine-tuning, the AI judge), key scrubbed.

A self-hosted OpenAI-compatible server may echo the request's key in its error text
("invalid key abc123…"). Every message built from such an error goes through
:func:`scrub` here, the one place that knows what a key looks like, before it is shown,
logged or stored (``dedup_runs.stats``, the jobs table, judge failures).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from curation.errors import CurationError
from curation.store.failures import mask_url

KEY_PLACEHOLDER = "[api key]"
# OpenAI-shaped keys, also masked ones ("sk-abc*****xyz1") that a service quotes back.
_TOKEN = re.compile(r"\b(sk-[A-Za-z0-9_\-*]{6,})")
# A bearer header quoted back: whatever follows "Bearer " is a credential.
_BEARER = re.compile(r"(?i)\b(bearer\s+)[^\s'\",}]{8,}")
# A URL quoted back (the base URL, a redirect): its password and key/token parameters go.
_URL = re.compile(r"(?i)\b[a-z][a-z0-9+.-]*://[^\s'\"<>]*[^\s'\"<>.,:;)]")


class OpenAIError(CurationError):
    """The OpenAI-compatible service refused or failed a request (the message says which)."""


def scrub(text: str, secret: str | None = None) -> str:
    """``text`` with the key (and anything shaped like an OpenAI key or a bearer token) blanked,
    and every URL in it masked (:func:`curation.store.failures.mask_url`)."""
    if secret:
        text = text.replace(secret, KEY_PLACEHOLDER)
    text = _URL.sub(lambda m: mask_url(m[0]), text)
    text = _BEARER.sub(rf"\g<1>{KEY_PLACEHOLDER}", text)
    return _TOKEN.sub(KEY_PLACEHOLDER, text)


@contextmanager
def api_call(what: str, secret: str | None = None) -> Iterator[None]:
    """Turn the ``openai`` client's exceptions into one :class:`OpenAIError` whose text is scrubbed.

    ``what`` names the request ("OpenAI job creation", "the embeddings endpoint at …");
    the message reads "<what> failed: …". The original exception is not chained, so a
    traceback cannot carry the unscrubbed text either.
    """
    import openai

    try:
        yield
    except openai.APIStatusError as exc:
        detail = _error_message(exc)
        hint = ""
        if exc.status_code == 401:
            hint = " (check OPENAI_API_KEY)"
        elif exc.status_code == 404:
            hint = " (check the id, and base_url for OpenAI-compatible services)"
        raise OpenAIError(
            scrub(f"{what} failed: HTTP {exc.status_code}: {detail}{hint}", secret)
        ) from None
    except openai.APIConnectionError as exc:
        raise OpenAIError(
            scrub(f"{what} failed: cannot reach the service ({exc})", secret)
        ) from None
    except openai.OpenAIError as exc:
        raise OpenAIError(scrub(f"{what} failed: {exc}", secret)) from None


def _error_message(exc: Any) -> str:
    body = getattr(exc, "body", None)
    if isinstance(body, dict):
        inner = body.get("error", body)
        if isinstance(inner, dict) and inner.get("message"):
            return str(inner["message"])
    return str(getattr(exc, "message", "") or exc)
