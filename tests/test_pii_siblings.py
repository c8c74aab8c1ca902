"""Names by their siblings in a list (curation.pii.siblings), with lists that must not grow.
Names and items made up."""

from __future__ import annotations

from curation.pii.siblings import SOURCE, sibling_names
from curation.pii.spans import Span


def person(text: str, value: str) -> Span:
    at = text.index(value)
    return Span(at, at + len(value), "PERSON", value, 0.85, "spacy")


def added(text: str, *names: str) -> list[str]:
    return [s.text for s in sibling_names(text, [person(text, n) for n in names])]


def test_bullet_item_named_by_its_siblings() -> None:
    text = "Relay team:\n- Orla Venn (leg 1)\n- Sage Mould (leg 2)\n- Piers Oakhart (leg 3)"
    found = sibling_names(text, [person(text, "Orla Venn"), person(text, "Piers Oakhart")])
    assert [s.text for s in found] == ["Sage Mould"]
    assert found[0].source == SOURCE


def test_inline_list_named_by_its_siblings() -> None:
    text = "On the stall today: Orla Venn, Harmony Brook and Piers Oakhart."
    assert added(text, "Orla Venn", "Piers Oakhart") == ["Harmony Brook"]


def test_one_sibling_is_enough_only_for_a_given_name() -> None:
    # "Glen" is a given name first; "Sage", "Harmony" are everyday words first: they need
    # half the list found
    text = "- Orla Venn\n- Sage Mould\n- Harmony Brook\n- Glen Tarn"
    assert added(text, "Orla Venn") == ["Glen Tarn"]
    assert sorted(added(text, "Orla Venn", "Glen Tarn")) == ["Harmony Brook", "Sage Mould"]


def test_everyday_first_word_never_a_sibling() -> None:
    text = "Rota:\n- Orla Venn: Monday\n- Piers Oakhart: Tuesday\n- Project Atlas: Friday"
    assert added(text, "Orla Venn", "Piers Oakhart") == []
    cars = "Shortlist: Orla Venn, Vauxhall Astra and Piers Oakhart."
    assert added(cars, "Orla Venn", "Piers Oakhart") == []


def test_list_of_public_figures_is_model_only() -> None:
    from curation.pii.public import is_model_only

    assert is_model_only(SOURCE)


def test_item_without_a_given_name_is_no_person() -> None:
    text = "* Peugeot Partner\n* Skoda Fabia\n* Vauxhall Corsa"
    assert added(text, "Peugeot Partner", "Skoda Fabia") == []


def test_lists_apart_are_judged_apart() -> None:
    text = "- Orla Venn\n- Piers Oakhart\n\nShopping:\n- Sage Butter\n- Rose Water"
    assert added(text, "Orla Venn", "Piers Oakhart") == []


def test_no_names_found_nothing_added() -> None:
    assert added("Grace Road, Hope Street and Mark Lane") == []
