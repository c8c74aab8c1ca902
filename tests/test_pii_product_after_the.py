"""A capitalised run after "the" with a model code or three words or more names a product
("the Kärcher K4 Power Control"), not a person (tuned on round-6 dev); names after "the"
in other shapes are still found. Products and people made up for the test."""

from __future__ import annotations

import pytest

from curation.pii.detect import Detector


@pytest.fixture(scope="module")
def det() -> Detector:
    return Detector()


def people(det: Detector, text: str) -> list[str]:
    return [s.text for s in det.analyze_texts([text])[0] if s.entity == "PERSON"]


@pytest.mark.parametrize(
    "text",
    [
        "Where is the Tovia Z3 Power Control from order SO-100200 going?",
        "Where is the Halvard Wave Plus from order SO-100202 going?",
        "Where is the Morrow C Line Explore from order SO-100204 going?",
        "Where is the Quillon 5 Starter Kit from order SO-100206 going?",
    ],
)
def test_products_after_the_stay(det: Detector, text: str) -> None:
    assert people(det, text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("I met the Okonkwo twins yesterday, Chidi Okonkwo said hi.", "Chidi Okonkwo"),
        ("Thanks, the report from Priya Raghunathan arrived.", "Priya Raghunathan"),
    ],
)
def test_people_near_the_still_found(det: Detector, text: str, name: str) -> None:
    assert name in people(det, text)


@pytest.mark.parametrize(
    "text",
    [
        "Preferred courier: Fahrradkurier Thun. Please file it.",
        "Can Omniva Latvija deliver order ORD-100210 to my box instead?",
        "Ship it with Posturinn Innanlands, please.",
        "Give Andes del Sur Encomiendas the international form.",
    ],
)
def test_carriers_stay(det: Detector, text: str) -> None:
    assert people(det, text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The courier left it with Chidi Okonkwo next door.", "Chidi Okonkwo"),
        ("My neighbour Priya Raghunathan works for an express firm.", "Priya Raghunathan"),
    ],
)
def test_people_near_carriers_still_found(det: Detector, text: str, name: str) -> None:
    assert name in people(det, text)
