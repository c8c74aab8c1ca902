"""Carriers, countries, ordered items and titles that the name rules took for people (issue 13,
branch pii-precision12): a firm's word anywhere in a run, a country's name leading or making
the run, a carrier's delay reported, the object of sending named with its order, an order's
item, a military address closed by its APO line, a weak cue's sentence closed by a full stop
and a dash inside a sentence. Each rule with cases that fire and cases that must not. Every
firm and person here is made up for the test."""

from __future__ import annotations

from curation.pii.detect import Detector
from curation.pii.firm_signals import carrier_status, country_named
from curation.pii.titles import carrier, non_person_value
from tests.helpers.pii import found, people, span_at

# ---- a firm's word anywhere in the run


def test_a_carrier_word_inside_the_run_is_a_firm(det: Detector) -> None:
    text = "Label ready: Brisvane Courier Line, TRK40718822."
    assert "Brisvane Courier Line" not in people(det, "Please ship my order.", text)
    text = "Send it by Posta Velmarica to my box, please."
    assert not people(det, text) & {"Posta Velmarica", "Velmarica"}


def test_a_person_beside_a_carrier_word_stays_a_person(det: Detector) -> None:
    text = "Hi, I'm Ana Quist. Your courier left my parcel outside."
    assert "Ana Quist" in people(det, text)


def test_a_firm_word_and_a_particle_before_the_run() -> None:
    from curation.pii.precision import _FIRM_WORD_PARTICLE_BEFORE

    assert _FIRM_WORD_PARTICLE_BEFORE.search("Booked with Pošta na ")
    assert _FIRM_WORD_PARTICLE_BEFORE.search("sent via Correos de ")
    assert not _FIRM_WORD_PARTICLE_BEFORE.search("the courier ")  # "the courier Ana Quist"
    assert not _FIRM_WORD_PARTICLE_BEFORE.search("a letter from ")


# ---- a country's name makes or leads the run


def test_country_named_fires_on_a_country_or_a_national_firm() -> None:
    assert country_named(["Sri", "Lanka"])
    assert country_named(["Nepal"])
    assert country_named(["Nepal", "Velokhar"])  # a country, then no given name
    assert country_named(["Honduras"])


def test_country_named_must_not_fire_on_people() -> None:
    assert not country_named(["Jordan"])  # a country that is a common given name
    assert not country_named(["Georgia", "Reed"])
    assert not country_named(["Nepal", "Maria"])  # a given name after it
    assert not country_named(["Ana", "Portugal"])  # a country closing the run: country_branch
    assert not country_named(["Velokhar", "Tamsin"])


def test_detector_keeps_a_country_line_of_an_address(det: Detector) -> None:
    text = "Ship to:\nTamsin Velokhar\nNo. 12/3, Temple Road\nColombo 00500\nSri Lanka"
    names = people(det, text)
    assert "Sri Lanka" not in names and "Lanka" not in names
    assert "Tamsin Velokhar" in names


# ---- a carrier reports a delay


def test_a_carrier_reports_a_late_parcel() -> None:
    text = "Velmar Expressline says the parcel is delayed by 5 days. Should I wait?"
    assert carrier_status(text, *span_at(text, "Velmar Expressline"))
    text = "Tarnova Zasilki said my package was stuck at customs."
    assert carrier_status(text, *span_at(text, "Tarnova Zasilki"))


def test_a_person_reporting_a_late_parcel_stays_a_person() -> None:
    text = "Maria Lopez says the parcel is delayed by 5 days."
    assert not carrier_status(text, *span_at(text, "Maria Lopez"))


# ---- the object of sending named with its order


def test_sent_with_reads_past_the_item_and_its_order() -> None:
    text = "Please ship the Brevlo Oven Pro (order ORD-58493) with Tamsin Rapid to:\n"
    assert carrier(text, text.index("Tamsin Rapid"))
    text = "Please post the Velo Lamp 3 (ref 2231) via Korvan Paket today."
    assert carrier(text, text.index("Korvan Paket"))


def test_sent_with_wants_the_order_in_brackets() -> None:
    text = "Please send the two spare keys for the flat with Ana Quist tomorrow."
    assert not carrier(text, text.index("Ana Quist"))
    text = "Please ship the lamp to my sister and check with Ana Quist."
    assert not carrier(text, text.index("Ana Quist"))


# ---- an order's item


def test_an_item_after_the_word_item_is_no_person() -> None:
    text = "order ORD-6461979, item Huvaro Kamsel 16. Tracking hasn't moved."
    assert non_person_value(text, *span_at(text, "Huvaro Kamsel"))
    text = "(item Brevlo Roccan, order 12)"
    assert non_person_value(text, *span_at(text, "Brevlo Roccan"))


def test_a_person_after_an_items_word_stays_a_person() -> None:
    text = "The item Ana Quist ordered is late."  # no list opens "item"
    assert not non_person_value(text, *span_at(text, "Ana Quist"))
    text = "Sort each item with Ana Quist, please."
    assert not non_person_value(text, *span_at(text, "Ana Quist"))


# ---- a military address ends at its APO line


def test_a_military_address_stops_at_its_apo_line(det: Detector) -> None:
    text = (
        "Care package for SGT Tamsin Velokhar:\nCMR 461 Box 4380\nAPO AE 09665\n"
        "The Brevlo Wave 185 goes in too."
    )
    addresses = [f.text for f in found(det, text) if f.entity == "STREET_ADDRESS"]
    assert addresses and all("Brevlo" not in a for a in addresses)
    assert any("APO AE 09665" in a for a in addresses)


# ---- a weak cue's sentence, a dash inside a sentence


def test_a_full_stop_after_a_weak_cue_ends_its_sentence(det: Detector) -> None:
    record = ("Make a quiz question about Augie Marsh.", "Sure. Augie Marsh; and a Ferris wheel.")
    assert "Augie" not in people(det, *record)


def test_a_weak_cue_before_a_name_still_finds_it(det: Detector) -> None:
    record = ("Can you refund my order?", "Sure Tamsin, I will refund order 1234 today.")
    assert "Tamsin" in people(det, *record)


def test_a_dash_inside_a_sentence_signs_nothing() -> None:
    from curation.pii.person_signals import _dash_signed

    text = "Done — Johnny B. Goode and Cape Byron are kept."
    at = text.index("Johnny")
    assert not _dash_signed(text, at, at + len("Johnny B."))
    text = "Thanks for the help.\n— Malte O."
    at = text.index("Malte")
    assert _dash_signed(text, at, at + len("Malte O."))
    text = "Thanks — Malte O."
    at = text.index("Malte")
    assert _dash_signed(text, at, at + len("Malte O."))


def test_a_house_number_after_br_closes_a_street_line(det: Detector) -> None:
    text = "Ship to:\nTamsin Velokhar\nul. Velmarica br. 32/12\n1000 Skopje\nNorth Macedonia"
    addresses = [f.text for f in found(det, text) if f.entity == "STREET_ADDRESS"]
    assert any("ul. Velmarica br. 32/12" in a for a in addresses)
    assert not [
        f for f in found(det, "Ask Br. Tamsin about the 12 books.") if f.entity == "STREET_ADDRESS"
    ]


# ---- real dialogue: everyday words, list items, years, titles


def test_a_lower_case_name_ending_in_an_adjective_or_adverb_is_no_name(det: Detector) -> None:
    assert not people(det, "It's pretty gross but certainly not for the faint of heart.")
    assert not people(det, "You can reach it from far away, but it makes noise.")


def test_a_lower_case_name_after_a_cue_is_still_found(det: Detector) -> None:
    assert "efosa trowel" in people(det, "hey it's efosa trowel, booking again")
    assert "ana okafor" in people(det, "It's ana okafor, please call back on 555 201 3344")


def test_list_items_parted_by_blank_lines_sign_nothing() -> None:
    from curation.pii.person_lines import in_dash_list

    text = "Reasons include\n\n-      Arguments\n\n-      Infidelity\n\n-      Money troubles"
    assert in_dash_list(text, *span_at(text, "Arguments"))
    assert in_dash_list(text, *span_at(text, "Infidelity"))


def test_a_signature_under_a_list_is_no_list_item() -> None:
    from curation.pii.person_lines import in_dash_list

    text = "Notes:\n- Buy milk\n\n— Tamsin"
    assert not in_dash_list(text, *span_at(text, "Tamsin"))
    text = "Thanks a lot.\n\n- Tamsin"
    assert not in_dash_list(text, *span_at(text, "Tamsin"))


def test_years_of_a_life_are_no_phone_number(det: Detector) -> None:
    text = "The quote comes from the critic Velmar Tosk (1874-1936)."
    assert not [f for f in found(det, text) if f.entity == "PHONE_NUMBER"]


def test_a_cued_number_shaped_like_years_is_still_a_phone(det: Detector) -> None:
    phones = [
        f.text for f in found(det, "Call me on 1874-1936 tonight") if f.entity == "PHONE_NUMBER"
    ]
    assert phones == ["1874-1936"]


def test_a_capitalised_my_or_our_inside_a_sentence_opens_a_title() -> None:
    from curation.pii.public import private_text

    assert not private_text("Draft a line linking Konstantin Levin with Our Mutual Friend.")
    assert not private_text('Compare "My Fair Lady" with Pygmalion.')
    assert private_text("Draft a line for our neighbour Konstantin Levin.")
    assert private_text("My neighbour Konstantin Levin wrote this.")


def test_a_possessive_run_before_a_capitalised_word_is_a_work() -> None:
    from curation.pii.public import private_text

    assert not private_text("Link Uncle John's Band with the Supreme Court in one line.")
    assert private_text("Link Uncle John's car with the garage in one line.")


# ---- a capitalised run between a determiner and a noun


def test_a_run_between_a_determiner_and_a_noun_is_a_thing() -> None:
    from curation.pii.firm_signals import modifier_run

    text = "Sort this Full Season Chorister roster by voice part."
    assert modifier_run(text, *span_at(text, "Season Chorister"))
    text = "Renew the Gold Circle Lounge pass for me."
    assert modifier_run(text, *span_at(text, "Circle Lounge"))


def test_a_family_or_a_persons_booking_is_no_modifier_run() -> None:
    from curation.pii.firm_signals import modifier_run

    text = "Please seat the Garcia Lopez family at table 4."  # no everyday word
    assert not modifier_run(text, *span_at(text, "Garcia Lopez"))
    text = "I booked the Ana Quist suite."  # a given name first
    assert not modifier_run(text, *span_at(text, "Ana Quist"))
    text = "Sort this Full Season Chorister and the rest."  # no noun after it
    assert not modifier_run(text, *span_at(text, "Season Chorister"))


def test_a_country_before_a_phone_cue_is_no_name(det: Detector) -> None:
    text = (
        "The strap should go to Tamsin Velokhar, No. 116/3, Kandy Road, Kelaniya 11600, "
        "Sri Lanka, tel +94 77 408 3900."
    )
    names = people(det, text)
    assert "Sri Lanka" not in names and "Lanka" not in names


def test_a_given_name_before_a_propagated_word_is_no_country() -> None:
    from curation.pii.name_extend import extend_given
    from curation.pii.segments import Segment
    from curation.pii.spans import Span

    text = "Ship to Sri Lanka and to Meadow Rutledge."
    spans = [
        Span(text.index("Lanka"), text.index("Lanka") + 5, "PERSON", "Lanka", 0.8, "propagation"),
        Span(text.index("Rutledge"), len(text) - 1, "PERSON", "Rutledge", 0.8, "propagation"),
    ]
    out = extend_given([Segment(("messages", 0, "content"), text)], [spans])[0]
    assert "Meadow Rutledge" in {s.text for s in out}
    assert "Sri Lanka" not in {s.text for s in out}


def test_a_carriers_own_deliveries_running_late() -> None:
    text = "Write a notice: Velmar Tosk deliveries are running 12 hours late this week."
    assert carrier_status(text, *span_at(text, "Velmar Tosk"))
    text = "Please note: Velmar Tosk deliveries are delayed this week."
    assert carrier_status(text, *span_at(text, "Velmar Tosk"))
    text = "I told Velmar Tosk deliveries are delayed."  # not the subject
    assert not carrier_status(text, *span_at(text, "Velmar Tosk"))


def test_the_line_under_a_signers_name_is_the_signers_post(det: Detector) -> None:
    text = (
        "Proofread please:\n\nDear Mx Ekhator,\n\nThank you for entering the quiz.\n\n"
        "Yours sincerely,\nAurelie Broussard\nFerry Purser"
    )
    names = people(det, text)
    assert "Aurelie Broussard" in names
    assert not {n for n in names if "Purser" in n}


def test_a_second_signer_under_a_closing_stays_a_person(det: Detector) -> None:
    text = "Thanks for the help.\n\nBest regards,\nAurelie Broussard\nRose Baker"
    assert {"Aurelie Broussard", "Rose Baker"} <= people(det, text)


def test_a_capitalised_kin_word_before_an_everyday_word_opens_a_title(det: Detector) -> None:
    assert not people(det, "Compare Sister Golden Hair and the Alamo in two markdown bullets.")


def test_a_kin_word_before_a_name_is_still_a_cue(det: Detector) -> None:
    assert "Golden Hair" in people(det, "I asked my sister Golden Hair to call me back.")
    assert {n for n in people(det, "Please tell Sister Ruby Okafor the parcel is here.")} & {
        "Sister Ruby Okafor",
        "Ruby Okafor",
    }


def test_a_coordinate_is_no_phone_number(det: Detector) -> None:
    text = "Map: https://www.google.com/maps/place/X/@37.3362725,-121.8244116,16z"
    assert not [f for f in found(det, text) if f.entity == "PHONE_NUMBER"]
    phones = [f for f in found(det, "Call me on 06.12.34.56.78") if f.entity == "PHONE_NUMBER"]
    assert phones
