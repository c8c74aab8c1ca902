"""Operators: what a confirmed value becomes. Presidio's AnonymizerEngine does the replacing.

- ``placeholder``: ``<PERSON>``.
- ``pseudonym``: ``<PERSON_3f2a9c1d>`` (or a realistic fake name) from an HMAC of the value
  under the workspace key: the same value gets the same surrogate across the dataset, or
  across one record with ``scope="record"``; reproducible, not reversible without the key.
  A person's first or last name alone gets their full name's surrogate (or its matching
  part), so "Thanks Maria" stays linked to "Maria Gonzalez" without revealing her.
- ``mask``: every letter and digit becomes ``*``; spaces and punctuation stay.
- ``hash``: salted SHA-256 (Presidio's hash operator) with the workspace salt.
- ``drop``: the record is excluded; its text is also replaced with placeholders, so even an
  override never exports the original.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from typing import Any

from curation.errors import InputError, InternalError
from curation.pii.config import Secrets
from curation.pii.engine import anonymizer
from curation.pii.typed import AsDict

OPERATORS = ("placeholder", "pseudonym", "mask", "hash", "drop")
SCOPES = ("dataset", "record")


@dataclass(frozen=True, slots=True)
class OperatorSpec(AsDict):
    """How accepted values are replaced: the operator's name and, for pseudonyms, realistic
    fakes or tags, consistent across the dataset or within one record."""

    name: str = "placeholder"
    realistic: bool = False  # pseudonym only: fake names, emails, numbers instead of tags
    scope: str = "dataset"  # pseudonym only: "dataset" or "record"

    def __post_init__(self) -> None:
        if self.name not in OPERATORS:
            raise InputError(f"operator {self.name!r} is not one of {', '.join(OPERATORS)}")
        if self.scope not in SCOPES:
            raise InputError(f"pseudonym scope {self.scope!r} is not one of {', '.join(SCOPES)}")


def normalise_value(entity: str, value: str) -> str:
    """The form two spellings of one value share: digits of a phone, lower-case email, …"""
    if entity in ("PHONE_NUMBER", "CREDIT_CARD", "US_SSN"):
        digits = "".join(ch for ch in value if ch.isdigit())
        return digits or value.strip()
    if entity == "IBAN_CODE":
        return "".join(ch for ch in value if ch.isalnum()).upper()
    if entity == "EMAIL_ADDRESS":
        return value.strip().lower()
    return " ".join(value.split())


class Replacer:
    """Replacement text for values under one operator; cached, so each value is done once."""

    def __init__(
        self, spec: OperatorSpec, secrets: Secrets | None, *, record_key: str = ""
    ) -> None:
        if spec.name in ("pseudonym", "hash") and secrets is None:
            raise InternalError(f"the {spec.name} operator needs the workspace secrets")
        self.spec = spec
        self.secrets = secrets
        self.record_key = record_key if spec.scope == "record" else ""
        self._cache: dict[tuple[str, str, str, int], str] = {}

    def for_record(self, record_key: str) -> Replacer:
        """The same operator for another record (a new cache only when the scope is a record)."""
        if self.spec.scope != "record" or self.spec.name != "pseudonym":
            return self
        return Replacer(self.spec, self.secrets, record_key=record_key)

    def digest(self, entity: str, value: str) -> bytes:
        assert self.secrets is not None
        message = "\x1f".join((self.record_key, entity, normalise_value(entity, value)))
        return hmac.new(self.secrets.hmac_key, message.encode(), hashlib.sha256).digest()

    def __call__(self, entity: str, value: str, *, canonical: str = "", part: int = -1) -> str:
        key = (entity, value, canonical, part)
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = self._replace(entity, value, canonical, part)
        return found

    def _replace(self, entity: str, value: str, canonical: str, part: int) -> str:
        from presidio_anonymizer.entities import OperatorConfig, RecognizerResult

        name = self.spec.name
        if name in ("placeholder", "drop"):
            config = OperatorConfig("replace", {"new_value": f"<{entity}>"})
        elif name == "mask":
            config = OperatorConfig(
                "custom", {"lambda": lambda s: "".join("*" if ch.isalnum() else ch for ch in s)}
            )
        elif name == "hash":
            assert self.secrets is not None
            config = OperatorConfig("hash", {"hash_type": "sha256", "salt": self.secrets.salt})
            value = normalise_value(entity, value)
        else:
            surrogate = self._pseudonym(entity, canonical or value, part if canonical else -1)
            config = OperatorConfig("custom", {"lambda": lambda _s: surrogate})
        result = anonymizer().anonymize(
            text=value,
            analyzer_results=[RecognizerResult(entity, 0, len(value), 1.0)],
            operators={entity: config},
        )
        return str(result.text)

    def _pseudonym(self, entity: str, value: str, part: int) -> str:
        digest = self.digest(entity, value)
        if not self.spec.realistic:
            return f"<{entity}_{digest.hex()[:8]}>"
        return realistic_surrogate(entity, value, digest, part)


_FAKERS: dict[str, Any] = {}


def _faker() -> Any:
    found = _FAKERS.get("en_US")
    if found is None:
        from faker import Faker

        found = _FAKERS["en_US"] = Faker("en_US")
    return found


def realistic_surrogate(entity: str, value: str, digest: bytes, part: int = -1) -> str:
    """A fake of the same kind, drawn from Faker seeded by the value's HMAC (reproducible)."""
    fake = _faker()
    fake.seed_instance(int.from_bytes(digest[:8], "big"))
    if entity == "PERSON":
        first, last = fake.first_name(), fake.last_name()
        n_parts = len(value.split())
        if part == 0 or (part < 0 and n_parts == 1):
            return str(first)
        if part > 0:
            return str(last)
        return f"{first} {last}"
    if entity == "EMAIL_ADDRESS":
        return f"{fake.user_name()}@example.com"
    if entity == "PHONE_NUMBER":
        return f"+1 555 01{int.from_bytes(digest[8:10], 'big') % 100:02d} {int.from_bytes(digest[10:12], 'big') % 10000:04d}"
    if entity == "CREDIT_CARD":
        return str(fake.credit_card_number(card_type="visa16"))
    if entity == "IBAN_CODE":
        return str(fake.iban())
    if entity == "US_SSN":
        return str(fake.ssn())
    if entity == "IP_ADDRESS":
        return str(fake.ipv6() if ":" in value else fake.ipv4_private())
    if entity == "STREET_ADDRESS":
        return f"{fake.street_address()}, {fake.city()}"
    if entity == "URL":
        return str(fake.url())
    return f"<{entity}_{digest.hex()[:8]}>"
