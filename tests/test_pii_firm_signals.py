"""Names of firms, carriers, plans and products told from people's by signals, not lists
(curation.pii.firm_signals, cue_context.mail_subject, titles' labels and possessive brands):
each rule with cases that must fire and cases that must not. Every firm and person here is
made up for the test."""

from __future__ import annotations

from curation.pii.cue_context import mail_subject
from curation.pii.detect import Detector
from curation.pii.firm_signals import (
    SIZE_CODE_AFTER,
    brand_possessive,
    carrier_status,
    country_branch,
    country_names,
    delivers,
    names_from_phonenumbers,
)
from curation.pii.titles import labelled_non_person, non_person_value, thing_value
from curation.pii.word_names import word_pairs
from tests.helpers.pii import people, span_at

# ---- a country closes the run


def test_country_names_come_from_phonenumbers_in_several_languages() -> None:
    names = country_names()
    assert {"portugal", "south africa", "lietuva", "polska", "deutschland"} <= names


def test_country_names_file_matches_the_installed_phonenumbers() -> None:
    # After a phonenumbers upgrade: python tools/build_country_names.py
    assert country_names() == names_from_phonenumbers()


def test_country_branch_fires_after_a_word_that_is_no_given_name() -> None:
    assert country_branch(["Zelvaro", "Portugal"])
    assert country_branch(["Quombix", "South", "Africa"])
    assert country_branch(["Quombix", "Express", "Ireland"])
    assert country_branch(["Trevanex", "Polska"])


def test_country_branch_must_not_fire_on_people() -> None:
    assert not country_branch(["Ana", "Portugal"])  # a given name, then a surname
    assert not country_branch(["Oyunbileg", "Jordan"])  # a country that is a given name
    assert not country_branch(["Tuvshin", "Georgia"])
    assert not country_branch(["Portugal"])
    assert not country_branch(["Zelvaro", "Parcel"])


def test_detector_keeps_a_branch_and_redacts_a_person(det: Detector) -> None:
    assert not people(det, "Zelvaro Portugal asks for the box number. Is 555 201 3344 yours?")
    text = "Ana Portugal asks for the box number. Is 555 201 3344 yours?"
    assert "Ana Portugal" in people(det, text, "Thanks, Ana Portugal.")


# ---- a size or model code follows


def test_size_codes() -> None:
    for after in (" 700x32c)", " 28 x 1.5", " 29x2.4.", " 2×4 ", " 225/45R17", " 205/55 ZR16"):
        assert SIZE_CODE_AFTER.match(after), after
    for after in (" 12/05", " 10am", " 2x", " 700 ", " 3x4mm7", " 1x Pixel"):
        assert not SIZE_CODE_AFTER.match(after), after


def test_detector_keeps_a_product_before_its_size(det: Detector) -> None:
    note = "The shop noted Gravelion 650x47b on the rear wheel. Can you open a ticket?"
    args = '{"first_name": "Ana", "last_name": "Quist", "issue": "noted Gravelion 650x47b"}'
    assert people(det, note, args) == {"Ana", "Quist"}
    paid = "Paid Ana Quist 700 for the bike, her phone is 555 201 3344."
    assert "Ana Quist" in people(det, paid)


# ---- the subject of delivering


def _delivers(text: str, value: str) -> bool:
    return delivers(text, *span_at(text, value))


def test_the_subject_of_delivering_is_a_carrier() -> None:
    assert _delivers("Zelto Pakket can deliver to post-office boxes.", "Zelto Pakket")
    assert _delivers("Hi. Can Zelto Pakket deliver order ORD-1 to my box?", "Zelto Pakket")
    text = "Zelto Pakket asks for a phone for delivery to 12 Elm Road."
    assert _delivers(text, "Zelto Pakket")
    assert thing_value(text, *span_at(text, "Zelto Pakket"))
    assert _delivers("Zelto Pakket tried to deliver it today.", "Zelto Pakket")
    assert _delivers("Zelto Pakket attempted delivery at noon.", "Zelto Pakket")


def test_delivering_must_not_fire_on_people() -> None:
    assert not _delivers("Ana Quist will deliver the keys.", "Ana Quist")  # a given name
    assert not _delivers("Zelto will deliver it.", "Zelto")  # one word
    assert not _delivers("I asked Zelto Pakket to deliver it.", "Zelto Pakket")  # no subject
    assert not _delivers("Zelto Pakket said the parcel is late.", "Zelto Pakket")
    assert not _delivers("Ana Quist tried to deliver it today.", "Ana Quist")


def test_detector_keeps_the_carrier_everywhere_in_the_record(det: Detector) -> None:
    ask = "Torvak Senda asks for a phone for delivery to 12 Elm Road, Leeds LS1 4AB."
    assert not people(det, ask, "Give Torvak Senda the international form.")
    box = (
        "I'm never home. Can Torvak Senda deliver order ORD-583202 to my box? It's under Ana Quist."
    )
    assert people(det, box, "Torvak Senda can deliver to post-office boxes.") == {"Ana Quist"}
    # a given name first: a person who delivers
    assert "Ana Quist" in people(det, "Can Ana Quist deliver order ORD-583202 to my box?")


# ---- an e-mail's subject


def test_mail_subject_needs_header_lines_and_a_longer_run() -> None:
    mail = "From: a@example.com\nTo: b@example.com\nSubject: Rocky Saver Plus renewal"
    assert mail_subject(mail, "Subject: ", " Plus renewal")
    assert mail_subject(mail, "Re: Subject: ", " Plus")
    assert not mail_subject(mail, "Subject: ", " renewal")  # "Subject: Rocky Bean leave"
    assert not mail_subject(mail, "Subject: ", "")
    assert not mail_subject("Study form\nSubject: Tern Vektron Ola", "Subject: ", " Ola")
    assert not mail_subject(mail, "Contact: ", " Plus")


_MAIL = (
    "Summarise this e-mail:\n\nFrom: Ana Quist <ana.quist@example.com>\n"
    "To: Bo Lind <bo@example.com>\nSubject: {} renewal\n\nThe renewal is due."
)


def test_a_plan_on_a_subject_line_is_no_person(det: Detector) -> None:
    for plan in ("Smart Pay Plus", "Sunny Cash Saver", "Rocky Cash Back"):
        assert people(det, _MAIL.format(plan)) == {"Ana Quist", "Bo Lind"}, plan
    mail = _MAIL.format("Smart Pay Plus")
    assert not [v for s, e, _ in word_pairs(mail) if (v := mail[s:e]) == "Smart Pay"]


def test_a_name_on_a_subject_line_stays_a_person(det: Detector) -> None:
    header = "From: Ops <ops@example.com>\nTo: HR <hr@example.com>\nSubject: {}\n\nSee below."
    for subject, name in (
        ("Rocky Bean", "Rocky Bean"),
        ("Rocky Bean leave request", "Rocky Bean"),
        ("Grace Cash starts Monday", "Grace Cash"),
    ):
        assert name in people(det, header.format(subject)), subject


# ---- a field that holds no person, after a qualifier or a " | "


def test_qualified_label_in_a_one_line_form(det: Detector) -> None:
    form = "Name: Ana Quist | Phone: 555 201 3344 | Preferred courier: Kolvex Gesta. Thanks"
    assert labelled_non_person(form, form.find("Kolvex"))
    assert labelled_non_person("Default carrier: Zelto", len("Default carrier: "))
    reply = "Filed. Deliveries will be booked with Kolvex Gesta."
    assert people(det, form, reply) == {"Ana Quist"}


def test_qualified_label_must_not_fire_on_people() -> None:
    assert not labelled_non_person("Customer service: Ana Quist", len("Customer service: "))
    assert not labelled_non_person("Preferred contact: Ana Quist", len("Preferred contact: "))
    form = "Name: Ana Quist | Courier: Zelto"
    assert not labelled_non_person(form, form.find("Ana"))


# ---- a brand named after its founder


def test_possessive_brand_said_to_be_a_thing(det: Detector) -> None:
    text = "Rosa's Chocolatiers: brand\nMary Rose: ship"
    assert non_person_value(text, 0, 4)
    ask = "Classify each of these (person, ship, brand): Jamie's Chocolatiers, Mary Rose"
    assert not people(det, ask, "Jamie's Chocolatiers: brand\nMary Rose: ship")


def test_possessive_must_not_fire_on_people() -> None:
    assert not non_person_value("Rosa's Birthday Party was fun", 0, 4)
    assert not non_person_value("Rosa's Team: three people", 0, 4)
    assert not non_person_value("Rosa's bike: product", 0, 4)  # a thing she owns, not a brand


# ---- a carrier's report on its parcels (round 9 and clean8, spent)


def _status(text: str, value: str) -> bool:
    return carrier_status(text, *span_at(text, value))


def test_a_carrier_reports_its_parcels_late() -> None:
    assert _status("Torvak Senda says 35 parcels are delayed by 15 hours.", "Torvak Senda")
    assert _status(
        "Heads up: 35 parcels with Torvak Senda are running about 15 hours late.", "Torvak Senda"
    )
    assert _status("Zelto-Pak says 49 parcels are delayed by 35 hours.", "Zelto-Pak")
    assert _status("Torvak Senda Express says 3 parcels are delayed.", "Torvak Senda")
    assert _status(
        "Status: Mensajería Zelto - parcel at sorting hub, 82 km away.", "Mensajería Zelto"
    )


def test_a_carrier_report_must_not_fire_on_people() -> None:
    assert not _status("Ana Quist says 35 parcels are delayed.", "Ana Quist")
    assert not _status("Jean-Luc says 3 parcels are delayed.", "Jean-Luc")
    assert not _status("I left the parcels with Odile Markham yesterday.", "Odile Markham")
    assert not _status("Status: Ana Quist - parcel at the door", "Ana Quist")
    assert not _status("Torvak Senda says the meeting is delayed.", "Torvak Senda")


def test_detector_keeps_a_reporting_carrier(det: Detector) -> None:
    assert not people(
        det,
        "Tiakor Tiak says 35 parcels are delayed by 15 hours. Draft a short notice.",
        "Heads up: 35 parcels with Tiakor Tiak are running about 15 hours late.",
    )


# ---- a brand written as an honorific's possessive, nothing owned after it


def _brand(text: str) -> bool:
    return brand_possessive(text, *span_at(text, "Quillby"))


def test_an_honorific_possessive_alone_is_a_brand() -> None:
    assert _brand("Write a pub-quiz question whose answer is Mrs. Quillby's.")
    assert _brand("3. Why Mrs. Quillby's still matters")
    assert _brand("What kind of thing are Odile Markham and Mr. Quillby's?")
    assert _brand("Dr. Quillby's is a brand.")
    assert _brand("What do Brevlo's Own and Mrs. Quillby's have in common?")


def test_an_honorific_possessive_must_not_fire_on_people() -> None:
    assert not _brand("We had tea at Mrs. Quillby's.")  # her home
    assert not _brand("Mrs. Quillby's car is red.")  # what she owns
    assert not _brand("Mrs. Quillby called.")
    assert not _brand("Quillby's is open late.")  # no honorific: left to other signals


def test_detector_keeps_a_founders_brand_but_not_a_person_named_once(det: Detector) -> None:
    assert not people(
        det,
        "Draft a three-part outline for a talk on Mrs. Quillby's.",
        "1. Why Mrs. Quillby's still matters\n2. Questions",
    )
    assert "Quillby" in people(det, "Mrs. Quillby called about the bill. Bring Mrs. Quillby's.")
