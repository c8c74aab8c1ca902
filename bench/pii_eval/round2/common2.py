"""What the round 2 generators share: message builders and a per-half drawing context."""

from __future__ import annotations

import json
import random
import string
from typing import Any

from bench.pii_eval.common import Example, Private, Protected, rng_for, split_pool
from bench.pii_eval.round2 import ids
from bench.pii_eval.round2.people import SEED2, Name, People
from bench.pii_eval.round2.places import Places


def user(text: str) -> dict[str, Any]:
    return {"role": "user", "content": text}


def assistant(text: str) -> dict[str, Any]:
    return {"role": "assistant", "content": text}


def system(text: str) -> dict[str, Any]:
    return {"role": "system", "content": text}


class Ctx:
    """One half's pools and random stream, and the example under construction."""

    def __init__(self, set_name: str, half: str) -> None:
        self.half = half
        self.rng: random.Random = rng_for(set_name, half, SEED2)
        self.people = People(half)
        self.places = Places(half)
        self.domains = ids.mail_domains(half)
        self.ex = Example([])
        self._calls = 0

    def pool(self, label: str, items: tuple[Any, ...]) -> list[Any]:
        return split_pool(items, self.half, f"r2:{label}", SEED2)

    def start(self) -> Example:
        self.ex = Example([])
        return self.ex

    # -- private values, recorded in the gold as they are drawn ------------------------------
    def person(self, text: str, tag: str) -> str:
        self.ex.private.append(Private(text, "person", tag))
        return text

    def name(self, culture: str | None = None, shape: str = "") -> Name:
        rng, people = self.rng, self.people
        if shape == "apostrophe":
            return people.apostrophe_name(rng)
        if shape == "particle":
            return people.particle_name(rng)
        if shape == "hyphenated":
            return people.hyphen_name(rng)
        if shape == "common_word":
            return people.word_name(rng)
        return people.draw(rng, culture)

    def email(self, name: Name) -> str:
        value = ids.email(self.rng, name, self.domains)
        self.ex.private.append(Private(value, "email"))
        return value

    def phone(self, country: str = "US", e164: bool | None = None) -> str:
        value = ids.phone(self.rng, country, e164)
        self.ex.private.append(Private(value, "phone", country))
        return value

    def card(self) -> str:
        value = ids.card(self.rng)
        self.ex.private.append(Private(value, "card"))
        return value

    def ssn(self) -> str:
        value = ids.ssn(self.rng)
        self.ex.private.append(Private(value, "ssn"))
        return value

    def iban(self, country: str | None = None) -> str:
        value = ids.iban(self.rng, country)
        self.ex.private.append(Private(value, "iban"))
        return value

    def ip(self) -> str:
        value = ids.ipv6(self.rng) if self.rng.random() < 0.3 else ids.ipv4(self.rng)
        self.ex.private.append(Private(value, "ip"))
        return value

    def address(self, country: str) -> str:
        text, parts = self.places.address(self.rng, country)
        self.ex.private.append(Private(text, "address", country, parts))
        return text

    # -- protected values ----------------------------------------------------------------------
    def keep(self, text: str, kind: str) -> str:
        self.ex.protected.append(Protected(text, kind))
        return text

    def ref(self, prefix: str = "", digits: int = 6) -> str:
        body = "".join(self.rng.choices(string.ascii_uppercase + string.digits, k=digits))
        if prefix:
            body = f"{prefix}{''.join(self.rng.choices(string.digits, k=digits))}"
        return self.keep(body, "ref")

    # -- tool calls ----------------------------------------------------------------------------
    def call(self, function: str, args: dict[str, Any]) -> tuple[dict[str, Any], str]:
        self._calls += 1
        call_id = f"call_{self.rng.getrandbits(40):010x}"
        message = {
            "role": "assistant",
            "content": None,
            "tool_calls": [
                {
                    "id": call_id,
                    "type": "function",
                    "function": {
                        "name": function,
                        "arguments": json.dumps(args, ensure_ascii=False),
                    },
                }
            ],
        }
        return message, call_id

    @staticmethod
    def result(call_id: str, obj: Any) -> dict[str, Any]:
        return {
            "role": "tool",
            "tool_call_id": call_id,
            "content": json.dumps(obj, ensure_ascii=False),
        }
