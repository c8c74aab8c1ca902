"""The PII evaluation sets' halves, built once per test process and shared by the round modules."""

from __future__ import annotations

from functools import cache

from bench.pii_eval.build import Half, build


@cache
def half(set_name: str, which: str) -> Half:
    return build(set_name, which)
