"""IP addresses in chat text: IPv4 and IPv6, checked with :mod:`ipaddress`."""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from typing import Any

import regex

from curation.pii.presidio_import import RecognizerResult
from curation.pii.results import SignalRecognizer, tagged_result

_IPV4 = regex.compile(
    r"(?<![\w.\-])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"
    r"(?:/\d{1,2})?(?![\w\-]|\.\d)"
)
_IPV6 = regex.compile(
    r"(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?:%\w+)?(?:/\d{1,3})?(?![\w:])"
)
_VERSION_CONTEXT = regex.compile(r"\b(?:version|ver|v|release|build|rev|revision|oid)\.?[ \t]*$")
_NOT_PERSONAL_IPS = frozenset(
    {"0.0.0.0", "127.0.0.1", "255.255.255.255", "255.255.255.0", "::", "::1"}
)


class ChatIpRecognizer(SignalRecognizer):
    """IPv4 and IPv6 (compressed forms too), checked with :mod:`ipaddress`; loopback and
    unspecified addresses and version numbers are not personal data."""

    ENTITY = "IP_ADDRESS"

    def find(self, text: str, nlp_artifacts: Any = None) -> Iterable[RecognizerResult]:  # noqa: ARG002
        for m in _IPV4.finditer(text):
            value = m.group()
            if value.split("/")[0] in _NOT_PERSONAL_IPS:
                continue
            if _VERSION_CONTEXT.search(text[max(0, m.start() - 12) : m.start()].lower()):
                continue
            yield tagged_result(self.ENTITY, m.start(), m.end(), 0.9, "ip:v4", self)
        if ":" not in text:
            return
        for m in _IPV6.finditer(text):
            value = m.group()
            address = value.split("/")[0].split("%")[0]
            if address.count(":") < 2 or address in _NOT_PERSONAL_IPS:
                continue
            try:
                ipaddress.IPv6Address(address)
            except ValueError:
                continue
            if regex.fullmatch(r"[\d:]+", address) and address.count(":") == 2:
                continue  # 12:30:45 is a time
            yield tagged_result(self.ENTITY, m.start(), m.end(), 0.9, "ip:v6", self)
