"""Private names the precision rules (titles, fields, the public-figure policy) must not keep:
the reviewer's cases. Privacy over precision: a leaked private name is worse than a destroyed
title. Names are made up for the test."""

from __future__ import annotations

import pytest

from curation.pii.detect import Detector, Finding
from curation.pii.public import public_record
from tests.helpers.pii import found

MODEL = [("PERSON", "spacy")]


def persons(findings: list[Finding]) -> set[str]:
    return {f.text for f in findings if f.entity == "PERSON"}


def redacted(found_persons: set[str], name: str) -> bool:
    return any(name in p for p in found_persons)


@pytest.mark.parametrize(
    "text,names",
    [
        ("My dissertation supervisor Maria Gonzalez never answers emails.", ["Maria Gonzalez"]),
        (
            "My students Maria Lopez and Tom Reed need report card comments.",
            ["Maria Lopez", "Tom Reed"],
        ),
        ("Our book club host Jane Porter lives on the corner.", ["Jane Porter"]),
        ("I met Sarah Jenkins tonight", ["Sarah Jenkins"]),
        ("Sarah Jenkins is coming over tonight", ["Sarah Jenkins"]),
    ],
)
def test_a_person_after_my_own_task_or_a_plan_tonight_is_private(
    det: Detector, text: str, names: list[str]
) -> None:
    assert not public_record([text], MODEL)
    got = persons(found(det, text))
    assert all(redacted(got, n) for n in names), got


@pytest.mark.parametrize(
    "text",
    [
        "We are seeing Sarah Jenkins next week.",
        "Sarah Jenkins drops by this evening.",
        "My essay group leader Odile Markham moved it.",
    ],
)
def test_weak_plans_and_people_after_a_task_noun(text: str) -> None:
    assert not public_record([text], MODEL)


@pytest.mark.parametrize(
    "text,names",
    [
        (
            "Provider: Jane Porter, MD\nYour appointment is on Monday at 9am.",
            ["Jane Porter"],
        ),
        (
            "A Maria Lopez called about my invoice; please call her back tomorrow.",
            ["Maria Lopez"],
        ),
        ('I asked "Tom Reed" to fix the sink in our flat on Tuesday.', ["Tom Reed"]),
        ("Vendor: John Whitaker\nI paid him on Friday for the fence.", ["John Whitaker"]),
    ],
)
def test_titles_and_fields_do_not_hide_a_private_person(
    det: Detector, text: str, names: list[str]
) -> None:
    got = persons(found(det, text))
    assert all(redacted(got, n) for n in names), got


def test_field_and_article_signals_still_keep_things() -> None:
    from curation.pii.titles import after_determiner, labelled_non_person, quoted

    text = "I filed a claim for a Brevlo Joy Max."
    start = text.index("Brevlo")
    assert after_determiner(text, start, start + len("Brevlo Joy Max"))
    text = "A Maria Lopez called about my invoice."
    assert not after_determiner(text, 2, 2 + len("Maria Lopez"))
    assert not labelled_non_person("Vendor: John Whitaker", len("Vendor: "))
    assert labelled_non_person("Carrier: Quickwell", len("Carrier: "))
    text = 'I asked "Tom Reed" to fix it.'
    assert not quoted(text, text.index("Tom"), text.index("Tom") + len("Tom Reed"))
    text = 'Is "Tom Reed" a ballad?'
    assert quoted(text, text.index("Tom"), text.index("Tom") + len("Tom Reed"))


def test_a_bare_name_key_beside_personal_fields_is_private_evidence(det: Detector) -> None:
    from curation.pii.recognizers import NameCueRecognizer

    rec = NameCueRecognizer()

    def sources(text: str) -> set[str]:
        return {
            str(r.recognition_metadata["curation_source"]) for r in rec.analyze(text, ["PERSON"])
        }

    private = '{"name": "Tomasz Wrobel", "age": 41, "notes": "late on rent twice"}'
    assert sources(private) == {"name:key"}
    assert sources('{"name": "Tomasz Wrobel"}') == {"name:key"}  # no title-like sibling
    assert sources('{"name": "Tobias Crane", "launched": 1911}') == {"name:key-generic"}
    assert sources('{"author": "Odile Markham"}') == {"name:key-generic"}
    assert "Tomasz Wrobel" in persons(found(det, private))


def test_quotes_and_articles_do_not_hide_a_name_in_a_private_text(det: Detector) -> None:
    # No verb before the quote: only the private text (a weekday, "our flat") overrules it.
    text = 'Our landlord said "Tom Reed" will come on Tuesday to fix the sink.'
    assert "Tom Reed" in persons(found(det, text))
    # A quoted title in a text with no private cue is still a title.
    assert not persons(found(det, 'Is "Tobias Crane" a ballad or a march?'))
