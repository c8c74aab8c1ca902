"""Names made of everyday words (curation.pii.word_names), lower-case names under a name key
and after "its … again" / "for …:" (curation.pii.recognizers, person_signals), with the cases
that must not fire. Every name here is made up for the test."""

from __future__ import annotations

import pytest

from curation.pii.detect import Detector
from curation.pii.results import describe_source
from curation.pii.word_names import STRONG_SOURCE, WEAK_SOURCE, given_word, surname_word, word_pairs
from tests.helpers.pii import found


@pytest.fixture(scope="module")
def det() -> Detector:
    return Detector()


def pairs(text: str) -> set[tuple[str, str]]:
    return {(text[s:e], src) for s, e, src in word_pairs(text)}


def persons(det: Detector, *texts: str) -> set[tuple[str, str]]:
    return {(f.text, f.source) for f in found(det, *texts) if f.entity == "PERSON"}


def test_table_ranks_read_everyday_words_as_names() -> None:
    assert given_word("Chase") and given_word("Penny") and given_word("Will")
    assert surname_word("Cash") and surname_word("Rivers") and surname_word("Best")
    assert not given_word("Monday") and not given_word("Great") and not given_word("The")
    assert not surname_word("Compose") and not surname_word("Garden")


@pytest.mark.parametrize(
    "text,value,source",
    [
        (
            "Update my details: Gene Salt, gene@example.org, +1 555 010 2030",
            "Gene Salt",
            STRONG_SOURCE,
        ),
        ("Could you ask Misty Church to call me?", "Misty Church", STRONG_SOURCE),
        ("I need to pay my supplier Penny Glass today.", "Penny Glass", STRONG_SOURCE),
        ("Send it to my husband: CPL Amber Lamb, PSC 1234, Box 56", "Amber Lamb", STRONG_SOURCE),
        ("Lt Col Grace Rice, Unit 2050 Box 4190", "Grace Rice", STRONG_SOURCE),
        ("Shorter please:\n\ncheers, talk soon\nSunny Wise\nBuyer", "Sunny Wise", STRONG_SOURCE),
        ("Rota:\n- Lily Strong: Friday\n- Chase Lamb: Monday", "Lily Strong", WEAK_SOURCE),
        ("who was it?\nPenny Rivers", "Penny Rivers", WEAK_SOURCE),
        ("the card went to Summer Golden last week", "Summer Golden", WEAK_SOURCE),
    ],
)
def test_word_pairs_where_a_person_stands(text: str, value: str, source: str) -> None:
    assert (value, source) in pairs(text)


@pytest.mark.parametrize(
    "text",
    [
        "Which is better, Summer Sale or Rose Garden?",  # not a surname word
        "I watched Pearl Harbor twice.",  # no person position
        "Grace Cash is a phrase",  # "is" is not a past or third-person verb of a subject (no tags)
        "Monday Church service",  # a weekday
        "Docker Compose\nRuby Gems",  # technical words
        "II. Mary Rose: origins and reputation.",  # a Roman numeral is no rank
        "The next question is about SS Edmund Fitzgerald.",  # a ship's prefix
        "Bring anything related to Queen Mary 2.",  # a model number or edition after
        "I have asked De Post to redirect it.",  # a particle is no given name
    ],
)
def test_word_pairs_that_must_not_fire(text: str) -> None:
    assert pairs(text) == set()


def test_subject_of_a_verb_needs_the_tagger(det: Detector) -> None:
    text = "Grace Cash returned the kettle yesterday but the refund is missing."
    assert "Grace Cash" in {v for v, _ in persons(det, text)}
    assert persons(det, "Grace Cash and Pearl Harbor are two phrases.") == set()


def test_a_private_position_wins_over_the_model(det: Detector) -> None:
    # spaCy finds "Bill Best" too; the sign-off's evidence must stay on the merged finding so
    # the public-figure policy does not keep it.
    text = "Make this more formal:\n\ncheers, talk soon\nBill Best\nPurchasing coordinator"
    assert ("Bill Best", STRONG_SOURCE) in persons(det, text)


def test_a_weak_pair_in_a_public_record_is_kept(det: Detector) -> None:
    assert persons(det, "Write a quiz question.\n- Billy Elliot: a film") == set()


@pytest.mark.parametrize(
    "text,value",
    [
        ('{"customer_name": "ruby banks", "order_id": "SO-1"}', "ruby banks"),
        ('{"recipient_name": "mutua kinyanjui"}', "mutua kinyanjui"),
        ("hey its bill rice again, my kettle still leaks", "bill rice"),
        ("hey its njeri owuor-achieng again, my phone", "njeri owuor-achieng"),
        ("Login alert for võ thảo: new sign-in from 10.0.0.1", "võ thảo"),
        ("Login alert for summer rivers: new sign-in", "summer rivers"),
    ],
)
def test_lower_case_names(det: Detector, text: str, value: str) -> None:
    assert value in {v for v, _ in persons(det, text)}


@pytest.mark.parametrize(
    "text",
    [
        '{"customer_name": "unknown", "order_id": "SO-1"}',
        '{"product_name": "ruby banks"}',  # not a person's field
        "tips for loop variables: use i",
        "Login alert for python scripts: none",
        "its rose garden again this year",  # "garden" is no surname word
    ],
)
def test_lower_case_rules_that_must_not_fire(det: Detector, text: str) -> None:
    assert persons(det, text) == set()


def test_new_sources_are_described() -> None:
    for source in (STRONG_SOURCE, WEAK_SOURCE, "name:key-lower"):
        assert describe_source(source) != source


@pytest.mark.parametrize(
    "texts,kept",
    [
        (
            (
                "Create the shipment for the kettle, Ninja Van, to Ana Quist, 12 Main Street.",
                '{"recipient": "Ana Quist", "carrier": "Ninja Van"}',
            ),
            "Ninja Van",
        ),
        (("Please redirect Cargus CK5545959424 to:\nAna Quist",), "Cargus"),
        (("Is it complete?\n\nMarta Lupo | UA218782705CZ\nSHIP TO:\nAna Quist",), "Marta Lupo"),
        (("Česká pošta keeps calling me from +420 601 123 456.",), "Česká"),
    ],
)
def test_a_carrier_the_record_names_as_one_is_no_person(
    det: Detector, texts: tuple[str, ...], kept: str
) -> None:
    assert kept not in {v for v, _ in persons(det, *texts)}


def test_a_person_field_still_wins_over_a_carrier_field(det: Detector) -> None:
    # The recipient's name is a person even if a carrier field elsewhere repeats it.
    text = '{"recipient": "Ana Quist", "carrier": "Ana Quist"}'
    assert "Ana Quist" in {v for v, _ in persons(det, text)}
    # A name before an ordinary order number is still a name.
    found = persons(det, "Please refund Ana Quist for order 55123.")
    assert any("Ana Quist" in v for v, _ in found)


@pytest.mark.parametrize(
    "texts,kept",
    [
        (("Quiz question whose answer is Storm Arwel (the storm), for tonight's round.",), "Arwel"),
        (("Its answer is Quibbs sampling (the technique). See you tonight.",), "Quibbs"),
        (
            ("Contents: 1x Brevlo Quencher H2\nCarrier: Redpack\nShip to my husband tomorrow",),
            "Brevlo",
        ),
        (("My Brevlo Foodi Max (order ORD-930770) is late. Call me tomorrow.",), "Brevlo"),
        (('Classify each: "Bloom filter", "Uncle Ben\'s".', '"Uncle Ben\'s" is a brand.'), "Ben"),
        (('[{"name": "Port Arthur", "type": "place"}]',), "Arthur"),
        (('[{"name": "SS Great Britain", "type": "ship"}]',), "Britain"),
    ],
)
def test_things_named_like_people_are_kept(
    det: Detector, texts: tuple[str, ...], kept: str
) -> None:
    assert not any(kept in v for v, _ in persons(det, *texts))


@pytest.mark.parametrize(
    "texts,name",
    [
        (("Ask Ana Quist (the tenant) to call me tomorrow.",), "Ana Quist"),  # a person noun
        (("Hi Ana Quist, I met the Ana Quist you mentioned.",), "Ana Quist"),  # a cue outweighs
        (("Great, Ana. Call Ana Quist tomorrow.",), "Ana"),  # an interjection opening a sentence
        (("My uncle Tomas Quist called about the invoice.",), "Tomas Quist"),  # a relation
        (("Refund order 12345 (Ana Quist) please, call me tomorrow.",), "Ana Quist"),  # a buyer
    ],
)
def test_people_beside_those_signals_stay_found(
    det: Detector, texts: tuple[str, ...], name: str
) -> None:
    assert any(name in v for v, _ in persons(det, *texts))


@pytest.mark.parametrize(
    "text,value",
    [
        ("Hello, I'm Lã Thơ and I was charged twice.", "Lã Thơ"),  # Vietnamese syllables
        ("Their phone is 555-0199. Thanks, Hứa Thơ", "Hứa Thơ"),
        (
            "Ship it with Quickpost to Cliff Gaskins: one kettle.",
            "Cliff Gaskins",
        ),  # unknown surname
        ("Could you check?\n\nCheers, Smaranda", "Smaranda"),  # an unknown word signing off
    ],
)
def test_names_the_table_cannot_read(det: Detector, text: str, value: str) -> None:
    assert value in {v for v, _ in persons(det, text)}


def test_vietnamese_syllables_after_to_are_left_to_the_model() -> None:
    assert pairs("We flew to Hà Nội last year.") == set()
    assert pairs("Cliff Kubernetes") == set()  # a technical word is no unknown surname


def test_a_name_introduced_as_a_public_role_keeps_that_reading(det: Detector) -> None:
    texts = (
        "Write one quiz question about the athlete Dorian Vakaro.",
        "Which of these is connected with Dorian Vakaro? B) the answer from tonight's round",
    )
    assert persons(det, *texts) == set()
    # A private cue before the name still wins: the model is all the work noun outweighs.
    got = persons(det, "Hi Dorian Vakaro, the athlete Dorian Vakaro is you?")
    assert any("Dorian Vakaro" in v for v, _ in got)


def test_a_public_figure_who_wrote_stays_public(det: Detector) -> None:
    texts = (
        "Write two bullet points, one about Wendy's and one about Odalys Mbeki Quarshie.",
        "- Wendy's is a fast-food chain.\n- Odalys Mbeki Quarshie wrote the novel Brevlo.",
    )
    assert persons(det, *texts) == set()
