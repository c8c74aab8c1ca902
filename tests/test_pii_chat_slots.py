"""Round-7 chat slots (tuned on round 7 dev ``chats7``/``multi7``): people's columns of a pasted
table judged by their cells (curation.pii.tables); lower/upper-case values of a person's
field, role labels, a pair before its role, a greeted note's name and closing word, a
Vietnamese name in the writer's own slot (curation.pii.chat_slots); a full name propagating
in any case; plans before "from the …" and a dotted model code (curation.pii.precision).
Each with cases that must not fire. Every name here is made up for the test."""

from __future__ import annotations

import pytest

from curation.pii.chat_slots import (
    header_names,
    key_names,
    label_names,
    note_names,
    role_names,
    this_is_names,
    vietnamese_slot_names,
)
from curation.pii.detect import Detector
from curation.pii.propagation import find_value
from curation.pii.tables import table_cell_names
from tests.helpers.pii import found, redacted


def _texts(spans: object, text: str) -> list[str]:
    return [text[s:e] for s, e, _ in spans]  # type: ignore[attr-defined]


def test_a_name_column_whose_cells_are_people() -> None:
    text = (
        "name,meal,table\nTsetseg Varga,fish,2\nIvana Mirkovic,veg,3\nKofi Mensah,lamb,4\n\nCount."
    )
    assert _texts(table_cell_names(text), text) == [
        "Tsetseg Varga",
        "Ivana Mirkovic",
        "Kofi Mensah",
    ]


def test_a_column_of_mostly_rare_names() -> None:
    text = "guest,meal\nPhetsamone Vongkham,fish\nRasoa Andriamanitra,veg\nIvana Mirkovic,lamb"
    assert len(list(table_cell_names(text))) == 3


def test_a_markdown_table_and_separate_given_and_surname_columns() -> None:
    md = "| Guest | Meal |\n|---|---|\n| Tsetseg Varga | fish |\n| Kofi Mensah | veg |"
    assert _texts(table_cell_names(md), md) == ["Tsetseg Varga", "Kofi Mensah"]
    tsv = "given\tsurname\tmeal\nIvana\tMirkovic\tfish\nKofi\tMensah\tveg"
    assert _texts(table_cell_names(tsv), tsv) == ["Ivana", "Kofi", "Mirkovic", "Mensah"]


@pytest.mark.parametrize("sep", [",", "\t", ";", "|"])
def test_name_cells_side_by_side_stay_two_cells(det: Detector, sep: str) -> None:
    # Merging the two cells into one span would replace the separator with them and shift
    # every later column of the row.
    text = sep.join(["given", "surname", "table"]) + "\n"
    text += "\n".join(
        sep.join(row) for row in [["Ivana", "Mirkovic", "4"], ["Kofi", "Mensah", "5"]]
    )
    assert redacted(det, text) == {"Ivana", "Mirkovic", "Kofi", "Mensah"}


@pytest.mark.parametrize(
    "text",
    [
        "name,price\nOak Shelf,12.50\nPine Desk,80.00\nBlue Lamp,9.99",  # products
        "name,version\nDocker Compose,2.1\nNode Js,20",  # tools
        "name,meal\nTsetseg Varga,fish",  # one row says nothing of the column
        "name,meal\nTsetseg Varga,fish\nto be confirmed,veg",  # not every cell a name
        "sku,qty,price\nSKU-1026,4,26.50\nSKU-2026,2,52.25",  # no people's column
        "name,price\nKobo Clara,129\nKobo Libra,179\nKobo Sage,269",  # one brand's line-up
        "name,price\nVertuo Zorbex,129\nQuilox Marbo,179",  # no word a known name
    ],
)
def test_tables_that_hold_no_people(text: str) -> None:
    assert not list(table_cell_names(text))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ('{"driver": "tsetseg varga", "card": "4111"}', "tsetseg varga"),
        ('{"driver_name": "TSETSEG VARGA", "status": "open"}', "TSETSEG VARGA"),
        ('{"passenger": "KOFI MENSAH"}', "KOFI MENSAH"),
        ('{"guest_name": "ivana"}', "ivana"),
    ],
)
def test_a_persons_field_in_any_case(text: str, name: str) -> None:
    assert _texts(key_names(text), text) == [name]


@pytest.mark.parametrize(
    "text",
    [
        '{"driver": "Tsetseg Varga"}',  # mixed case: the keyed-name recognizer's
        '{"damage": "scratch on rear bumper"}',  # no person's field
        '{"driver": "unknown"}',
        '{"driver": "not assigned"}',
        '{"product_name": "oak shelf"}',
        '{"name": "BLUE LAMP"}',  # everyday words
        '{"driver": "pending"}',  # one word must be a given name, not an everyday word
    ],
)
def test_fields_that_hold_no_name(text: str) -> None:
    assert not list(key_names(text))


def test_a_role_label() -> None:
    text = "Name: Kofi Mensah\nSpouse: Tsetseg Varga\nNext of kin: Ivana Mirkovic\nPackage: Basic"
    assert _texts(label_names(text), text) == ["Tsetseg Varga", "Ivana Mirkovic"]
    for other in ("Spouse: Not Applicable", "Spouse: N/A", "Partner: Acme Ltd extra words here"):
        assert not list(label_names(other)), other


def test_a_pair_before_its_role() -> None:
    text = (
        "Notes: Kofi Mensah (our claims adjuster) said so. Ivana Mirkovic, our team lead, agreed."
    )
    assert _texts(role_names(text), text) == ["Kofi Mensah", "Ivana Mirkovic"]
    text = "Rasoa Baker (our payroll clerk) and Dove Vongkham (my dental hygienist) left."
    assert _texts(role_names(text), text) == ["Rasoa Baker", "Dove Vongkham"]


@pytest.mark.parametrize(
    "text",
    [
        "We use Acme Freight (our courier) for returns.",
        "Nike Air (my running shoes) is great.",
        "Xero Payroll (our main tool) works.",
        "Kofi Mensah (see above) said so.",  # no role
        "Golden Wok (our caterer) delivers.",  # a firm's role
        "Swift Freight (our courier) is late.",
    ],
)
def test_pairs_before_no_persons_role(text: str) -> None:
    assert not list(role_names(text))


def test_a_greeted_note_and_its_closing_word() -> None:
    text = 'The desk wrote: "Hi Tsetseg, your pass renews on Friday. Kofi". Is that automatic?'
    assert _texts(note_names(text), text) == ["Tsetseg", "Kofi"]


@pytest.mark.parametrize(
    "text",
    [
        '"Hi Team, your pass renews on Friday. Thanks". Ok?',
        '"Hi Zoomers, the call moved to Friday. Love". Ok?',
        '"Hello Everyone, see you soon. Cheers"',
        "Hi there, the report is ready. Docker",
    ],
)
def test_greetings_and_closings_that_name_nobody(text: str) -> None:
    assert not list(note_names(text))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Chào bạn, tôi là Lại Khải Nguyên. Tôi muốn gia hạn.", "Lại Khải Nguyên"),
        ("Xin chào, tôi cần đổi lịch.\n\nTrân trọng,\nThân Minh Tú\nx@y.com", "Thân Minh Tú"),
        ("Chào bạn, tên tôi là Tôn Nữ Khánh, cảm ơn.", "Tôn Nữ Khánh"),
    ],
)
def test_a_vietnamese_name_in_the_writers_slot(text: str, name: str) -> None:
    assert _texts(vietnamese_slot_names(text), text) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "Chào bạn, tôi là Người Mới. Tôi muốn gia hạn.",  # two words: no full name
        "Tôi là Sinh Viên Đại Học ở Hà Nội",  # not closed by punctuation
        "Trân trọng,\nPhòng Khám Răng\nx@y.com",  # a clinic signs
        "Chào bạn, tôi là Người Hà Nội.",  # a person of a place
    ],
)
def test_vietnamese_slots_that_hold_no_name(text: str) -> None:
    assert not list(vietnamese_slot_names(text))


def test_a_full_name_propagates_in_any_case() -> None:
    text = 'driver "TSETSEG VARGA", then tsetseg varga, then Tsetseg Varga'
    assert len(find_value("PERSON", "Tsetseg Varga", text)) == 3
    assert len(find_value("PERSON", "TSETSEG VARGA", text)) == 3
    assert find_value("PERSON", "MARK", "mark it done") == []  # one word keeps its case


def test_chat_slots_end_to_end(det: Detector) -> None:
    assert "Tsetseg Varga" in redacted(det, "Spouse: Tsetseg Varga\nPackage: Expat Pack")
    rows = "name,meal,table\nTsetseg Varga,fish,2\nIvana Mirkovic,veg,3\n\nCount the meals."
    assert {"Tsetseg Varga", "Ivana Mirkovic"} <= redacted(det, rows)
    values = {f.text for f in found(det, '{"driver": "tsetseg varga"}', "TSETSEG VARGA called")}
    assert {"tsetseg varga", "TSETSEG VARGA"} <= values


@pytest.mark.parametrize(
    "text",
    [
        "I can freeze Swim Only Membership from the next billing date.",
        "I can freeze Student Flex from the next billing date.",
        "Your reward is the Stanley Quencher H2.0 40oz bottle.",
    ],
)
def test_plans_and_products_stay(det: Detector, text: str) -> None:
    assert not redacted(det, text)


def test_a_name_before_from_the_still_fires(det: Detector) -> None:
    assert "Kofi Mensah" in redacted(det, "Kofi Mensah from the billing team called.")


def test_a_mail_headers_display_name_and_this_is() -> None:
    text = "From: Kofi Mensah <km@x.org>\nTo: Rasoa Baker <rb@y.net>, Ivana Mirkovic <im@z.com>"
    assert _texts(header_names(text), text) == ["Kofi Mensah", "Rasoa Baker", "Ivana Mirkovic"]
    text = "Hi, this is Rasoa Baker. It's Kofi Mensah again. This is Dove Vongkham here."
    assert _texts(this_is_names(text), text) == ["Rasoa Baker", "Kofi Mensah", "Dove Vongkham"]


@pytest.mark.parametrize(
    "text",
    [
        "From: Acme Support <help@acme.com>",
        "To: Billing Team <billing@acme.com>",
        "This is Brite Plan Gold. It's Google Support here. this is Acme Logistics.",
        "It's Swim Only Membership again.",
        "this is Rasoa Baker's phone",  # not closed
    ],
)
def test_headers_and_this_is_that_name_nobody(text: str) -> None:
    assert not list(header_names(text)) and not list(this_is_names(text))
