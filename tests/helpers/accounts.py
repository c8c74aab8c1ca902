"""Accounts for fixtures, without paying Argon2id for every one of them.

Argon2id costs about 0.2 s of CPU a hash, and the app and labelling fixtures make four to
ten accounts per test. Inside :func:`hashed_once`, each password is hashed once per test
process and the hash reused: a stored hash verifies the same whichever salt it was made with.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from curation import auth


class HashedOnce:
    """Stands for ``auth._hasher`` while accounts are made."""

    def __init__(self, real: Any) -> None:
        self.real = real

    def hash(self, password: str) -> str:
        return _hash(self.real, password)


@functools.cache
def _hash(real: Any, password: str) -> str:
    return str(real.hash(password))


@contextmanager
def hashed_once() -> Iterator[None]:
    real = auth._hasher
    auth._hasher = HashedOnce(real)  # type: ignore[assignment]
    try:
        yield
    finally:
        auth._hasher = real
