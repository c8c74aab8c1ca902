"""Address formats added on round-6 dev: Lithuanian streets with "g." and "LT-" postcodes,
Icelandic streets with a glued type and three-digit postcodes, Greek "T.Th.", Lithuanian
"a. d.", Icelandic "Pósthólf" and South African "Private Bag X…" boxes; and look-alikes that
must stay. Streets and numbers made up for the test."""

from __future__ import annotations

import pytest

from curation.pii.detect import Detector
from tests.helpers.pii import addresses


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Deliver to Lukiškių g. 14-3, LT-01108 Vilnius please.", "Lukiškių g. 14-3"),
        ("Ships to:\nRūta P.\nSavanorių pr. 88-12\nLT-44150 Kaunas", "Savanorių pr. 88-12"),
        ("Address: Hverfisgötustígur 31, 600 Akureyri. Thanks", "Hverfisgötustígur 31"),
        ("Send it to Laugavegur 140\n101 Reykjavík", "Laugavegur 140"),
        ("Can they use my box? T.Th. 1182, 546 21 Thessaloniki. Thanks", "T.Th. 1182"),
        ("Use my box: a. d. 311, LT-08001 Vilnius. Thanks", "a. d. 311"),
        ("Use Pósthólf 120, 310 Borgarnes. Thanks", "Pósthólf 120"),
        ("Box: Private Bag X901, Hatfield, Pretoria, 0028.", "Private Bag X901"),
    ],
)
def test_round6_formats(det: Detector, text: str, part: str) -> None:
    assert any(part in a for a in addresses(det, text))


@pytest.mark.parametrize(
    "text",
    [
        "The Raspberry Pi 5, 200 Users were enrolled this week.",
        "See Appendix G. 12, 300 Main results follow.",
        "Farina g. 200 e zucchero g. 100 per la torta.",
        "Chapter 3, 120 Pages in total.",
        "In A.D. 1066, 10115 soldiers marched.",
        "Bake at 200 Celsius for 20 minutes.",
    ],
)
def test_round6_lookalikes_stay(det: Detector, text: str) -> None:
    assert addresses(det, text) == []
