"""An initial then an everyday word after an agent's "by" ("approved by H. Silver") is a name
(curation.pii.person_signals). Names and references are made up for the test."""

from __future__ import annotations

import pytest

from curation.pii.person_signals import NameTableRecognizer


def initials(text: str) -> set[str]:
    found = NameTableRecognizer().analyze(text, ["PERSON"])
    return {
        text[r.start : r.end]
        for r in found
        if r.recognition_metadata["curation_source"] == "name:initial"
    }


@pytest.mark.parametrize(
    "text",
    [
        "Claim QX-40417 was approved by H. Silver and paid.",
        "The leave form was countersigned by R. Field.",
        "Ticket raised by P. Church yesterday.",
    ],
)
def test_an_initial_and_a_surname_word_after_an_agent_by(text: str) -> None:
    assert any(v.split()[1] in ("Silver", "Field", "Church") for v in initials(text))


@pytest.mark.parametrize(
    "text",
    [
        "The gallery was painted by H. Silver in 1910.",  # no agent of an office
        "It was approved by Q. Design before launch.",  # no surname word
        "Please polish the H. Silver tray.",  # no "by"
        "Approved by A. Stone.",  # "A." is an article as often
    ],
)
def test_no_initial_name_without_the_agent_and_a_surname(text: str) -> None:
    assert not initials(text)


def strong_initials(text: str) -> set[str]:
    found = NameTableRecognizer().analyze(text, ["PERSON"])
    return {
        text[r.start : r.end]
        for r in found
        if r.recognition_metadata["curation_source"] == "name:initial-surname"
    }


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "The leaderboard shows L. Hundessa and Brar, B. tied on the Puzzle Pack.",
            {"L. Hundessa", "Brar, B."},
        ),
        (
            "R. Dharmadhikari and Huenchullán, M. tied again.",
            {"R. Dharmadhikari", "Huenchullán, M."},
        ),
        ("Winners: S. Jongsma, then Crabbe, C.", {"S. Jongsma", "Crabbe, C."}),
    ],
)
def test_an_initial_beside_a_surname_anywhere(text: str, names: set[str]) -> None:
    assert strong_initials(text) == names


@pytest.mark.parametrize(
    "text",
    [
        "A. Introduction\nB. Methods",
        "See Fig. 3 and St. Louis in Section B. Then rerun it.",
        "Outline:\nA. Paris\nB. London: overview",
        "Plan A. Results follow in Appendix, B.",
        "I want to use S. Docker and K. Kubernetes",
        # authors as the public writes and cites them
        "- Bertie Wooster: P. G. Wodehouse's idle young gentleman",
        "Eliot, T. S. wrote it in 1922.",
        "Okafor, C. (2019). Soil carbon in the Sahel.",
        "J. Mensah et al. found the same.",
    ],
)
def test_initials_before_everyday_words_or_outline_items(text: str) -> None:
    assert strong_initials(text) == set()
