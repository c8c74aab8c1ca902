"""The public-figure policy's private-dealing cues (curation.pii.public._private_dealing): a
reference of a firm's records, a request that moves a named person around. Names made up."""

from __future__ import annotations

import pytest

from curation.pii.public import public_record

SPACY = [("PERSON", "spacy")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Survey quote SV-40417 for Ottilie Brannagh: three rooms, ground floor.",
            "Ottilie Brannagh",
        ),
        ("Claim CLM-2209183 was filed by Ottilie Brannagh.", "Ottilie Brannagh"),
        ("Please seat Ottilie Brannagh at table 4 instead.", "Ottilie Brannagh"),
        ("Can you add Ottilie Brannagh to the Thursday rota?", "Ottilie Brannagh"),
        ("Transfer Ottilie Brannagh to the evening class.", "Ottilie Brannagh"),
    ],
)
def test_private_dealing_makes_the_record_private(text: str, name: str) -> None:
    assert not public_record([text], SPACY, [name])


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Rosalind Franklin's photo 51 was taken at King's College.", "Rosalind Franklin"),
        ("Summarise how Ada Lovelace described the Analytical Engine.", "Ada Lovelace"),
        ("Which audits did Grace Hopper run to meet ISO-90001 style rules?", "Grace Hopper"),
        ("Explain CVE-2021-44228 and why Ada Lovelace would have liked logs.", "Ada Lovelace"),
        ("Name a film where Meryl Streep plays a chef; add a short review.", "Meryl Streep"),
        ("The F-150 and the MX-5 are cars Ada Lovelace never saw.", "Ada Lovelace"),
    ],
)
def test_public_text_stays_public(text: str, name: str) -> None:
    assert public_record([text], SPACY, [name])


def test_letter_then_digits_after_a_word_is_a_model() -> None:
    from curation.pii.detect import Detector
    from curation.pii.segments import Segment

    text = "Please order a spare filter for Dyson V11 and email me, ana.quist@example.com"
    found = Detector().detect([Segment(("t",), text)])
    assert not any(f.entity == "PERSON" and "Dyson" in f.text for f in found)
    signed = "Thanks for the help,\nAna Quist"
    assert any(f.entity == "PERSON" for f in Detector().detect([Segment(("t",), signed)]))
