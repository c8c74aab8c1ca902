"""Nordic street lines whose type is a word of its own after a name in the genitive ("Kong
Oscars gate 62"): found with and without a postcode line; an English "gate" is left. Streets
made up for the test."""

from __future__ import annotations

import pytest

from curation.pii.detect import Detector
from tests.helpers.pii import addresses


@pytest.mark.parametrize(
    ("text", "street"),
    [
        (
            "Collect from:\nAnne Holm\nDronning Ragnhilds gate 62\n4006 Stavanger",
            "Dronning Ragnhilds gate 62",
        ),
        ("Send it to Halvor Tveits vei 5B, 0555 Oslo.", "Halvor Tveits vei 5B"),
        ("Deliver to Niels Brocks Vej 4, 1879 Frederiksberg C", "Niels Brocks Vej 4"),
        ("Our office: Gustav Eriks torg 3, Göteborg.", "Gustav Eriks torg 3"),
    ],
)
def test_genitive_street_lines(det: Detector, text: str, street: str) -> None:
    assert any(street in a for a in addresses(det, text))


@pytest.mark.parametrize(
    "text",
    [
        "Boarding is at Departures gate 12 now.",
        "Meet at Queens gate 3.",
        "The Kings gate 3 is closed for repairs.",
        "Go to Terminal Two gate 62, please.",
        "Arrivals Hall gates 3 and 4 are open.",
    ],
)
def test_english_gates_are_no_street(det: Detector, text: str) -> None:
    assert addresses(det, text) == []
