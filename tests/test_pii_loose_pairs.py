"""Everyday-word names with a rarer given name (curation.pii.word_names.loose_pair), read as a
name only where a person must stand; and "my/our <noun>" before a pair. Names made up."""

from __future__ import annotations

import pytest

from curation.pii.word_names import STRONG_SOURCE, loose_pair, word_pairs


def found(text: str) -> list[tuple[str, str]]:
    return [(text[s:e], source) for s, e, source in word_pairs(text)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Referee check: Harmony Crane, SSN 521-33-0192, starts Monday.", "Harmony Crane"),
        ("Marshal for the fun run: Sage Pollock, spollock@example.org", "Sage Pollock"),
        ("Kind regards,\nDusty Fowler", "Dusty Fowler"),
        ("My landlord Glen Swift wants the keys back.", "Glen Swift"),  # a tool's name as surname
        ("Our plumber Grace Paley fixed it.", "Grace Paley"),
    ],
)
def test_pair_where_a_person_stands(text: str, name: str) -> None:
    assert (name, STRONG_SOURCE) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Harmony Crane is a rare sight over the marsh.",  # no cue: left to the model and policy
        "I painted the shed in Sage Green last week.",
        "my Gaggia Classic Pro still will not pair",  # "Classic" is an everyday word
        "We rewrote it in Swift and Kotlin.",
        "A Sage Pollock recipe, please",
    ],
)
def test_pair_must_not_fire(text: str) -> None:
    assert found(text) == []


def test_loose_pair_needs_a_given_name_of_the_table() -> None:
    assert loose_pair("Harmony", "Crane")
    assert not loose_pair("Classic", "Pro")
    assert not loose_pair("Garden", "Hall")


def test_malay_patronymic_particle_joins_a_name() -> None:
    from curation.pii.person_signals import NameTableRecognizer

    text = "Nurul binti Hassan wants to pause her membership."
    found = [text[r.start : r.end] for r in NameTableRecognizer().find(text)]
    assert "Nurul binti Hassan" in found
    # a particle between two common words makes no name of them
    assert list(NameTableRecognizer().find("Garden binti Table")) == []


def test_list_item_with_a_remark_in_brackets() -> None:
    text = "Team sheet:\n- Chance Fowler (keeper)\n- Orla Venn (wing)"
    assert ("Chance Fowler", "name:word-pair-weak") in found(text)
    # a line that runs on as a sentence is no list item of names
    assert found("- Chance Fowler was here (twice)") == []


def test_a_count_in_brackets_is_no_identifier() -> None:
    assert found("Give a clue for the answer Grace Cash (9 letters).") == []
    assert ("Grace Cash", STRONG_SOURCE) in found("Grace Cash (07700 900123) rang twice")
    assert ("Grace Cash", STRONG_SOURCE) in found("Tenant: Grace Cash, 0412 555 019")


def test_looser_pair_as_a_list_item_is_weak_only() -> None:
    assert ("Harmony Crane", "name:word-pair-weak") in found("Squad:\n- Harmony Crane (GK)\n")
    assert found("We heard Harmony Crane (the band) live") == []


def test_an_unknown_pair_owning_an_account_is_a_name() -> None:
    """A possessive before what a person alone owns (an admin account) marks a name."""
    text = "Audit: Nekesa Mugowi's admin account logged in twice."
    # the span stops before the possessive: "<PERSON>'s admin account"
    assert [text[a:b] for a, b, _ in word_pairs(text)] == ["Nekesa Mugowi"]
    assert list(word_pairs("Reset Oduya Kamau's password.")) != []
    assert list(word_pairs("Tern Vektron's new model is fast.")) == []  # nothing owned
    assert list(word_pairs("Audit: Nekesa Mugowi admin account.")) == []  # no possessive


def test_a_double_barrelled_unknown_surname_moved_by_a_request_is_a_name() -> None:
    """After "move/seat/add …", a word then a surname of two unknown hyphenated words is a
    name even when the first word is English ("River")."""
    text = "Please move River Ouvakko-Tessemai from table 6 to table 2."
    assert [text[a:b] for a, b, _ in word_pairs(text)] == ["River Ouvakko-Tessemai"]
    assert list(word_pairs("The River Ouvakko-Tessemai floods in spring.")) == []  # no request
    assert list(word_pairs("Please move River Ouvakko to table 2.")) == []  # no double barrel
