"""Names left in clear on round 11 (spent), by category: a card's or an account's holder, a
rank addressed without military mail, the recipient after a long "ship … to:" line, a
person's role as a JSON key, "put" moving a person, a role then "is/are" then names (with
particles and elided surnames), an initial before a sentence's full stop, a Vietnamese name
whose middle syllable marks the family name, people's columns of a table by their cells, a
list that is a slot for people, and the surname after a one-word name whatever it means.
Each with cases that must not fire. Every name here is made up for the test."""

from __future__ import annotations

import pytest

from curation.pii.chat_slots import role_key_names, vietnamese_slot_names
from curation.pii.detect import Detector
from curation.pii.name_extend import SUFFIX, extend_given
from curation.pii.segments import Segment
from curation.pii.siblings import sibling_names
from curation.pii.spans import Span
from curation.pii.strong_positions import strong_position_names
from curation.pii.tables import table_cell_names
from tests.helpers.pii import people


@pytest.fixture(scope="module")
def det() -> Detector:
    return Detector()


def _texts(spans: object, text: str) -> list[str]:
    return [text[s:e] for s, e, _ in spans]  # type: ignore[attr-defined]


def test_the_holder_of_a_card_or_account() -> None:
    text = "Please charge the card for the box. The cardholder is Lupin Tassel."
    assert "Lupin Tassel" in _texts(strong_position_names(text), text)
    text = "Refund it to the IBAN on file, account holder Marrow Spindlet."
    assert "Marrow Spindlet" in _texts(strong_position_names(text), text)


def test_a_holder_word_that_holds_no_name() -> None:
    text = "The cardholder is Responsible For Charges."
    assert _texts(strong_position_names(text), text) == []


def test_a_rank_in_capitals_addressed() -> None:
    text = "Care package for CPT Comet Ladle:\n+1 202 555 0143"
    assert "Comet Ladle" in _texts(strong_position_names(text), text)


def test_capitals_that_are_no_rank_or_not_addressed() -> None:
    for text in ("Care package for NASA Space Camp:\nbring it", "We met CPT Comet Ladle at noon."):
        assert _texts(strong_position_names(text), text) == []


def test_the_recipient_after_a_long_ship_to_line(det: Detector) -> None:
    text = (
        "Please ship the Stihl MSA 140 C (order ORD-8408275) with Tirana Express Delivery to:\n"
        "Plover Hammock\nRruga Myslym Shyri 12, 1001 Tirana\nAlbania"
    )
    assert "Plover Hammock" in people(det, text)


def test_a_line_that_only_mentions_shipping(det: Detector) -> None:
    text = "We ship worldwide. Our couriers go to:\nThe Usual Places\nEvery week"
    assert "The Usual Places" not in people(det, text)


def test_a_persons_role_as_a_json_key() -> None:
    text = '{"status": "ok", "mentor": "Quartz Mallow", "night": "Tuesday"}'
    assert _texts(role_key_names(text), text) == ["Quartz Mallow"]


def test_role_keys_that_hold_things() -> None:
    for text in (
        '{"subject": "Project Phoenix"}',
        '{"supplier": "Acme Trading"}',
        '{"driver": "Realtek Audio"}',
        '{"agent": "Mozilla Firefox"}',
        '{"mentor": "Program Office"}',
    ):
        assert _texts(role_key_names(text), text) == [], text


def test_put_moves_a_person(det: Detector) -> None:
    text = "Put Tibelo Zangrova-Nikemba on the handbell list, please."
    assert "Tibelo Zangrova-Nikemba" in people(det, text)


def test_a_role_then_is_then_names(det: Detector) -> None:
    text = "The two new cellar volunteers are Meno D'Arvasco and Tituta de Savorgna. Where?"
    assert {"Meno D'Arvasco", "Tituta de Savorgna"} <= people(det, text)
    text = "The new volunteers are Catina Dall'Ova and Jhemo de la Fontenne-Marsch."
    assert {"Catina Dall'Ova", "Jhemo de la Fontenne-Marsch"} <= people(det, text)


def test_a_role_then_is_then_no_name() -> None:
    for text in ("The candidates are Labour and Reform UK.", "The volunteer is Not Available."):
        assert _texts(strong_position_names(text), text) == [], text


def test_an_initial_before_the_full_stop(det: Detector) -> None:
    text = "The sheet says A. Maluor on board 4 but the list says Maluor, A.. Same player?"
    found = people(det, text)
    assert any("Maluor" in value for value in found)


def test_a_vietnamese_middle_marker() -> None:
    text = "Chào anh, tôi là Khương Văn Khoán, muốn đăng ký."
    assert _texts(vietnamese_slot_names(text), text) == ["Khương Văn Khoán"]


def test_no_marker_no_ranked_family_name() -> None:
    text = "Chào anh, tôi là Khương Khoán Vẹn, muốn đăng ký."
    assert _texts(vietnamese_slot_names(text), text) == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (  # headerless rota: two words nobody knows in most rows
            "Sat\tTeasal Thakurofan\tpress\nSun\tLaxmiprabhu Pradhanangi\tpress\n"
            "Mon\tNyokaba Kimemio\tpress",
            ["Teasal Thakurofan", "Laxmiprabhu Pradhanangi", "Nyokaba Kimemio"],
        ),
        (  # one everyday word heads two-word cells
            "Ringer\tBell\nIlam Mishsho\t2\nZoitso Balamace\t3\nNafsot Kushkhav\t4",
            ["Ilam Mishsho", "Zoitso Balamace", "Nafsot Kushkhav"],
        ),
        (  # a word for people heads the column
            "| Crew | Role |\n|---|---|\n| Bairo Badmaov | helm |\n| Hyssop Muffin | trim |\n"
            "| Githinja Wamathoi | bow |",
            ["Bairo Badmaov", "Hyssop Muffin", "Githinja Wamathoi"],
        ),
        (  # a "name" column: a known name among them vouches for the rest
            "name,hive\nCress Pickle,3\nCress Hammock,4\nAna Quist,5",
            ["Cress Pickle", "Cress Hammock", "Ana Quist"],
        ),
    ],
)
def test_people_columns_by_their_cells(text: str, names: list[str]) -> None:
    assert _texts(table_cell_names(text), text) == names


@pytest.mark.parametrize(
    "text",
    [
        "name,price\nOak Shelf,12.50\nPine Desk,80\nBirch Stool,5",
        "Dish\tPrice\nNasi Goreng\t12\nMee Rebus\t9\nLaksa Lemak\t11",
        "Model\tPrice\nKobo Clara\t120\nKobo Libra\t180\nKobo Sage\t260",
    ],
)
def test_columns_of_things(text: str) -> None:
    assert _texts(table_cell_names(text), text) == []


def _found(text: str, *values: str) -> list[Span]:
    return [Span(text.index(v), text.index(v) + len(v), "PERSON", v, 0.85, "spacy") for v in values]


def test_a_list_that_is_a_slot_for_people() -> None:
    text = (
        "Work party for the plot holders this Sunday:\n- Octavo Hebart\n- Sewa Adeyemo\n"
        "- Lachmon Biscuit\nWho brings the tools?"
    )
    out = sibling_names(text, _found(text, "Sewa Adeyemo"))
    assert {s.text for s in out} == {"Octavo Hebart", "Lachmon Biscuit"}
    text = "Crew for Sunday:\n1. Shubhada Prabho\n2. Ekaeta Effiang\n3. Marble Carter\nWho rows?"
    out = sibling_names(text, _found(text, "Shubhada Prabho", "Ekaeta Effiang"))
    assert {s.text for s in out} == {"Marble Carter"}


def test_a_list_of_things_beside_one_name() -> None:
    text = "Bring these on Sunday:\n- Garden Fork\n- Ana Quist\n- Seed Trays\n- Tool Shed Key"
    assert sibling_names(text, _found(text, "Ana Quist")) == []
    text = "Band for Sunday:\n1. Shubhada Prabho\n2. Ekaeta Effiang\n3. Marble Carter"
    assert sibling_names(text, _found(text, "Shubhada Prabho", "Ekaeta Effiang")) == []


def _after(text: str, value: str) -> list[str]:
    start = text.index(value)
    span = Span(start, start + len(value), "PERSON", value, 0.8, "spacy")
    rows = extend_given([Segment(("m",), text)], [[span]])
    return [s.text for s in rows[0] if s.source.endswith(SUFFIX)]


def test_the_surname_after_a_one_word_name() -> None:
    assert _after("Seating:\n1. Roxanne Contractor\n2. Bo", "Roxanne") == ["Roxanne Contractor"]
    assert _after("The cardholder, Perrin Ribbon, paid.", "Perrin") == ["Perrin Ribbon"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("See you, Maria Thursday then.", "Maria"),  # a weekday
        ("Ask Maria Thanks a lot", "Maria"),  # a stop word, no trade
        ("Call Maria Street Clinic today", "Maria"),  # more capitals after it
        ("Ask Maria Python questions", "Maria"),  # a technical word
        ("Send it to Dana Ltd now", "Dana"),  # a firm's last word
    ],
)
def test_words_after_a_name_that_stay(text: str, value: str) -> None:
    assert _after(text, value) == []


def test_an_instruction_read_with_the_name(det: Detector) -> None:
    text = "Put Mashudo Ravela-Nemukulo on the handbell list, please."
    assert "Mashudo Ravela-Nemukulo" in people(det, text)


def test_a_given_name_opening_a_sentence_is_no_instruction() -> None:
    from curation.pii.precision import _trim

    text = "Mark Antony Jonsson called about the invoice."
    assert _trim(text, 0, len("Mark Antony Jonsson"), "PERSON", "spacy") == (0, 19)


def test_a_signature_over_a_job_title_ending_the_letter(det: Detector) -> None:
    text = "Dear Dr Zulian,\n\nSee you Sunday.\n\nYours sincerely,\nCampion Spindle\nFalconry Instructor"
    assert "Campion Spindle" in people(det, text)


def test_a_closing_over_words_that_are_no_name(det: Detector) -> None:
    text = "Dear all,\n\nSee you Sunday.\n\nYours sincerely,\nThe Committee\nRegatta Office"
    assert people(det, text) == set()


def test_a_name_column_of_unknown_and_everyday_words() -> None:
    text = "name,hive\nCress Pickle,3\nCress Hammock,4\nEsteva Delteul,5"
    assert _texts(table_cell_names(text), text) == [
        "Cress Pickle",
        "Cress Hammock",
        "Esteva Delteul",
    ]


def test_a_trade_closing_a_listed_name() -> None:
    text = (
        "Work party for the plot holders this Sunday:\n1. Roxanne Contractor\n2. Datta Bhandarkor"
    )
    assert {s.text for s in sibling_names(text, _found(text, "Datta Bhandarkor"))} == {
        "Roxanne Contractor"
    }
    text = "Volunteers needed this Sunday:\n1. Site Manager\n2. Datta Bhandarkor"
    assert sibling_names(text, _found(text, "Datta Bhandarkor")) == []


def test_a_lower_case_name_after_its(det: Detector) -> None:
    assert "quartz mallow" in people(det, "hi its quartz mallow again, did the kiln fire?")
    assert "anthem dzasokhav" in people(det, "hey it's anthem dzasokhav, booked the kayak")


def test_a_closing_phrase_is_no_lower_case_name(det: Detector) -> None:
    text = "Make this sign-off more formal:\n\ncheers, talk soon\nChase Lovell\n+91 91377 38864"
    assert "talk soon" not in people(det, text)
    assert "rose garden" not in people(det, "its rose garden again this year")


def test_a_job_title_under_a_name_ending_like_a_closing(det: Detector) -> None:
    text = "Kind regards,\n\nBill Best\nPurchasing Coordinator\n087 914 6637"
    assert "Purchasing Coordinator" not in people(det, text)
