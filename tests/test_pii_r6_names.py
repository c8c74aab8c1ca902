"""Round-6 dev name rules: form fields after a heading, on the line below their label or in a
one-line form ("strong_positions._FIELD"), and Vietnamese full names of three or four
syllables (curation.pii.vi_names), and values a record's data files under a kind of thing
(titles.kind_in_data), each with cases that must not fire. Every name here is made
up for the test."""

from __future__ import annotations

from curation.pii.detect import Detector
from curation.pii.strong_positions import LABEL_SOURCE, UPPER_LABEL_SOURCE, strong_position_names
from curation.pii.titles import kind_in_data
from curation.pii.vi_names import VI_SOURCE, vietnamese_full_names
from tests.helpers.pii import redacted


def found(text: str) -> set[tuple[str, str]]:
    return {(text[s:e], src) for s, e, src in strong_position_names(text)}


def vi(text: str) -> list[str]:
    return [text[s:e] for s, e, _ in vietnamese_full_names(text)]


def test_field_after_a_heading_and_in_a_one_line_form() -> None:
    text = "Form submission: Name: Brook Pebble | Address: 12 Elm Road | Phone: 691 910 1977"
    assert ("Brook Pebble", LABEL_SOURCE) in found(text)


def test_label_alone_above_its_value_in_capitals() -> None:
    text = "Label:\n\nSHIP TO:\nCORIN STRAW\n162 Elm Drive\nTel: 085 020 9108"
    assert ("CORIN STRAW", UPPER_LABEL_SOURCE) in found(text)


def test_new_field_shapes_must_not_fire() -> None:
    assert not found("Item: Name: Apple Pencil | Phone: 555 123 4567")
    assert not found("SHIP TO:\nACME LOGISTICS LTD\nTel: 085 020 9108")
    assert not found("Status:\nOrder Shipped\nTel: 085 020 9108")
    # a loose label needs an e-mail or a phone in the record
    assert not found("Form submission: Name: Brook Pebble | Note: none")
    assert not found("Product: Name: Project Atlas | Phone: 555 123 4567")


def test_vietnamese_full_names() -> None:
    assert vi("Chào shop, tôi là Trịnh Văn Khải. Đơn hàng") == ["Trịnh Văn Khải"]
    assert vi("Cảm ơn,\nNguyễn Minh Khôi") == ["Nguyễn Minh Khôi"]
    assert vi("Phạm Thị Lan Anh") == ["Phạm Thị Lan Anh"]
    assert vi("Ngô Thị Mai")[0] == "Ngô Thị Mai"
    assert VI_SOURCE == "name:vi"


def test_vietnamese_places_and_phrases_must_not_fire() -> None:
    for text in (
        "123 Đường Lê Văn Sỹ, Quận 3",
        "giao đến TP Hồ Chí Minh",
        "Hồ Chí Minh City",
        "Giao đến Thành phố Hồ Chí Minh",
        "Sân bay Tân Sơn Nhất",
        "Cảm Ơn Bạn Nhiều",
        "Chào Anh Minh Tuấn",
        "Give Me Some Sunshine",  # no letter only Vietnamese writes
    ):
        assert not vi(text), text


def test_detector_redacts_the_new_shapes(det: Detector) -> None:
    text = "Chào shop, tôi là Trịnh Văn Khải. Email: v.trinh@example.net"
    assert "Trịnh Văn Khải" in redacted(det, text)
    form = "Form submission: Name: Brook Pebble | Phone: +41 72 600 69 48"
    assert "Brook Pebble" in redacted(det, form)


def _kind(text: str, value: str) -> bool:
    at = text.find(value)
    return kind_in_data(text, at, at + len(value))


def test_values_the_data_files_under_a_kind_of_thing() -> None:
    rows = "INSERT INTO t (name, kind) VALUES\n  ('Dear Prudence', 'song'),\n  ('Hud', 'film');"
    assert _kind(rows, "Prudence") and _kind(rows, "Dear Prudence")
    grouped = '{\n  "brand": [\n    "Dr Pepper"\n  ],\n  "product": [\n    "Seat Ibiza"\n  ]\n}'
    assert _kind(grouped, "Pepper") and _kind(grouped, "Seat Ibiza")


def test_kind_in_data_must_not_fire_on_people() -> None:
    assert not _kind("INSERT INTO staff VALUES ('Ana Quist', 'manager');", "Ana Quist")
    assert not _kind('{"customers": ["Ana Quist", "Bo Lind"], "product": "X"}', "Bo Lind")
    assert not _kind('{"product": ["X"], "owner": ["Ana Quist"]}', "Ana Quist")
    assert not _kind("Ask Ana Quist about the song", "Ana Quist")


def test_it_is_under_a_name() -> None:
    assert ("Bud Pebble", "name:position") in found("Deliver to my box. It's under Bud Pebble.")
    for text in (
        "It's under Review Board control.",
        "It's under Construction until May.",
        "That is under Warranty Cover anyway.",
        "The key is under the mat.",
    ):
        assert not found(text), text
