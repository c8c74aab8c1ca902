"""Names told by their position (curation.pii.person_lines) and lower-case names with a
surname English does not know (curation.pii.person_signals), with the cases that must not
fire. Every name here is made up for the test."""

from __future__ import annotations

import pytest

from curation.pii.detect import Detector
from curation.pii.person_lines import line_names
from curation.pii.person_signals import NameTableRecognizer, _stop, kind
from curation.pii.results import SOURCE_KEY, describe_source
from curation.pii.titles import reviewed_work
from tests.helpers.pii import found


def names(text: str) -> set[tuple[str, str]]:
    return {(text[s:e], src) for s, e, src in line_names(text, kind, _stop)}


def table_names(text: str) -> set[str]:
    return {text[r.start : r.end] for r in NameTableRecognizer().find(text)}


@pytest.mark.parametrize(
    "text,value,source",
    [
        ("Four stars.\nPosted by Q. Varnadottir", "Q. Varnadottir", "name:signoff"),
        ("Four stars.\nPosted by Tawhiri Ngakuru, M.", "Tawhiri Ngakuru, M.", "name:signoff"),
        ("Could you check with them?\n\n— Olumuyiwa\n", "Olumuyiwa", "name:signoff"),
        ("SHIP TO:\nWendeline Oberhofer\n12 Elm Road", "Wendeline Oberhofer", "name:label"),
        ("Deliver to:\nSGT Arlo Quenneville\nPSC 1234, Box 5678", "Arlo Quenneville", "name:label"),
        ("Can it go here?\nSPC Wren Haskovec\nUnit 4521 Box 12", "Wren Haskovec", "name:label"),
        ("Ok?\nLt. Col. Idris Quennell\nPSC 1234, Box 5678", "Idris Quennell", "name:label"),
        ("My neighbour Âu Lợi will sign for it.", "Âu Lợi", "name:relation"),
        ("our tenant Ines Valbuena moved out", "Ines Valbuena", "name:relation"),
        ("Dear Mr Te Huirangi,\nThank you", "Te Huirangi", "name:title"),
    ],
)
def test_names_by_position(text: str, value: str, source: str) -> None:
    assert (value, source) in names(text)
    assert value in table_names(text)


@pytest.mark.parametrize(
    "text",
    [
        "Steps:\n- Install\n- Berlin\n- Paris",  # a list, not a signature
        "Notes:\n- Docker Compose",  # technical words
        "— Summary",  # a common word after a dash
        "- Paris is lovely\nand so on",  # a dash line that is not the last
        "Posted by Admin",  # a common word as a byline
        "ACME Corp\n12 Main St",  # a firm above an address
        "Customer Service\n12 Main St",
        "my friend said hi",
        "The Goldfinch by Donna Tartt",  # an author, no byline
        "Dr. Who is a show",  # an honorific before one word: not this rule
    ],
)
def test_position_rules_that_must_not_fire(text: str) -> None:
    assert names(text) == set()


def test_lowercase_given_name_with_a_surname_english_lacks() -> None:
    assert table_names("hey its tudor vasilescuwo again, the mug") == {"tudor vasilescuwo"}
    assert table_names("its rose garden again") == set()  # "garden" is English
    assert table_names("hi its anna here again") == set()  # "here" is English
    assert table_names("tudor vasilescuwo again") == set()  # no cue before


def test_sources_read_as_words() -> None:
    found = NameTableRecognizer().find("SHIP TO:\nWendeline Oberhofer\n12 Elm Road")
    sources = {(r.recognition_metadata or {}).get(SOURCE_KEY) for r in found}
    assert "name:label" in sources
    assert "address block" in describe_source("name:label")
    assert "relation" in describe_source("name:relation")


def test_a_reviewed_work_is_a_title_and_a_reviewed_person_is_not() -> None:
    text = "Review for Project Lantern Vale: slow start. Four stars."
    start = text.index("Lantern Vale")
    assert reviewed_work(text, start, start + len("Lantern Vale"))
    text = "Can you write a review of Ines Valbuena and her team?"
    start = text.index("Ines Valbuena")
    assert not reviewed_work(text, start, start + len("Ines Valbuena"))


def test_a_signed_review_keeps_the_work_it_reviews(det: Detector) -> None:
    got = {
        f.text
        for f in found(
            det,
            "Review for Project Hail Mary: slow start, brilliant last third.\n"
            "Posted by Q. Varnadottir",
            'Here is a tidier version: "Project Hail Mary starts slowly but the last third '
            'is brilliant."',
        )
        if f.entity == "PERSON"
    }
    assert got == {"Q. Varnadottir"}


def test_a_role_word_before_a_name_still_leaves_the_name_found(det: Detector) -> None:
    got = {
        f.text for f in found(det, "Customer Odile Markham called twice.") if f.entity == "PERSON"
    }
    assert "Odile Markham" in got


def test_dashed_list_items_are_no_signatures() -> None:
    from curation.pii.person_lines import in_dash_list

    listing = "Sort these:\n- Marrow Lane\n- Ottilie Brannagh\n- Pike Rock"
    for item in ("- Marrow Lane", "- Ottilie Brannagh", "- Pike Rock"):
        at = listing.index(item)
        assert in_dash_list(listing, at, at + len(item))
    signed = "Loved the stay, would book again.\n- Ottilie Brannagh"
    at = signed.index("- Ottilie")
    assert not in_dash_list(signed, at, len(signed))
    spaced = "Thanks for everything\n\n— Ottilie Brannagh\n"
    at = spaced.index("— Ottilie")
    assert not in_dash_list(spaced, at, spaced.index("\n", at))
