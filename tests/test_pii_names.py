"""Person names from the name table and their context (curation.pii.person_signals)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from curation.pii import name_table
from curation.pii.config import PiiConfig
from curation.pii.detect import Detector, Finding, get_detector
from curation.pii.person_signals import NameTableRecognizer, kind, name_evidence
from tests.helpers.pii import found


def persons(findings: list[Finding]) -> set[str]:
    return {f.text for f in findings if f.entity == "PERSON"}


def table_hits(text: str) -> dict[str, str]:
    rec = NameTableRecognizer()
    return {
        text[r.start : r.end]: str(r.recognition_metadata["curation_source"])
        for r in rec.analyze(text, ["PERSON"])
    }


def test_table_tells_names_from_words() -> None:
    assert name_table.is_given("Bartosz") and name_table.is_given("Chiamaka")
    assert name_table.is_surname("Wiśniewski") or name_table.is_given("Wiśniewski")
    assert name_table.is_common("Compose") and name_table.is_common("Spirited")
    assert not name_table.is_given("Refund")  # in the raw data as a name, but a word first
    assert kind("Ring") == "C" and kind("Grace") == "G" and kind("O'Donoghue") == "S"


@pytest.mark.parametrize(
    "text,name",
    [
        ("Please add Bartosz Wiśniewski to the rota for Friday.", "Bartosz Wiśniewski"),
        ("Invite for the review: Chiamaka Eze, Liesbeth de Graaf.", "Chiamaka Eze"),
        ("Invite for the review: Chiamaka Eze, Liesbeth de Graaf.", "Liesbeth de Graaf"),
        ("Transfer the balance to Okafor, IBAN to follow.", "Okafor"),
    ],
)
def test_names_without_a_cue_are_found(text: str, name: str) -> None:
    assert name in table_hits(text)


def test_lowercase_name_after_a_cue_and_later_alone(det: Detector) -> None:
    got = found(det, "hi its tadeusz kowalczyk, my parcel is late", "ok thanks. tadeusz")
    assert {"tadeusz kowalczyk", "tadeusz"} <= persons(got)


def test_lowercase_common_words_are_not_names(det: Detector) -> None:
    assert not persons(found(det, "its grace period again, will rose soon"))


def test_sign_off_on_its_own_line(det: Detector) -> None:
    got = found(det, "The charger is broken again.\n\nBest regards\nRadoslava")
    assert "Radoslava" in persons(got)


def test_name_split_by_a_line_break_keeps_the_name_line(det: Detector) -> None:
    got = found(det, "Yours faithfully,\nOluwaseun Adeyemi\nProcurement Lead")
    assert "Oluwaseun Adeyemi" in persons(got)


@pytest.mark.parametrize(
    "text",
    [
        "We need Docker Compose and Elden Ring installed.",
        "The film Spirited Away won a prize; Tetris is a puzzle game.",
        "Our team ordered the Instant Pot and the Apple Watch.",
        "The Best Animated Feature award went to a short film.",
    ],
)
def test_title_cased_products_and_titles_are_not_persons(det: Detector, text: str) -> None:
    assert not persons(found(det, text))


def test_lone_word_after_cue_that_spacy_calls_a_place_is_not_a_name(det: Detector) -> None:
    assert "India" not in persons(found(det, "How long does delivery to India take?"))


def test_name_evidence_rules() -> None:
    assert not name_evidence("Docker Compose")
    assert not name_evidence("Elden Ring")
    assert name_evidence("Wanjiru Kamau")
    assert not name_evidence("Bosch", single_known=True)  # a surname alone, no cue
    assert name_evidence("Ingrid", single_known=True)


def test_source_says_which_signal_fired() -> None:
    hits = table_hits("hey its tadeusz kowalczyk again")
    assert hits == {"tadeusz kowalczyk": "name:lower"}


def test_public_figures_in_an_encyclopedic_record_are_kept(det: Detector) -> None:
    got = found(
        det,
        "Summarise the career of Wisława Szymborska.",
        "Wisława Szymborska was a poet who won the Nobel Prize in 1996.",
    )
    assert not persons(got)


def test_private_context_still_redacts_in_the_same_kind_of_record(det: Detector) -> None:
    got = found(
        det,
        "My aunt Wisława Szymborska wrote a poem for the wedding, call her on 0161 496 0742.",
    )
    assert "Wisława Szymborska" in persons(got)


def test_policy_off_redacts_public_figures_too() -> None:
    strict = get_detector(PiiConfig(keep_public_figures=False))
    got = found(strict, "Wisława Szymborska was a poet who won the Nobel Prize in 1996.")
    assert "Wisława Szymborska" in persons(got)


@pytest.mark.parametrize(
    "text",
    ["We buy from Dunne & Crawford every quarter.", "Our courier is India Post for Pune."],
)
def test_firm_names_are_not_persons(det: Detector, text: str) -> None:
    assert not persons(found(det, text))


def test_military_rank_is_not_part_of_the_name(det: Detector) -> None:
    got = found(det, "Ship it to my cousin, SSgt Marisol Quintero, at her unit.")
    assert "Marisol Quintero" in persons(got)
    assert not any("SSgt" in p for p in persons(got))


def test_public_figure_setting_reaches_curation_redact(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from curation.cli import cli

    src = tmp_path / "in.jsonl"
    record = {
        "messages": [
            {"role": "user", "content": "Who was Wisława Szymborska?"},
            {
                "role": "assistant",
                "content": "Wisława Szymborska was a poet; she won the Nobel Prize.",
            },
        ]
    }
    src.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    ws = tmp_path / "ws"
    runner = CliRunner()

    def redact(name: str) -> str:
        out = tmp_path / name
        result = runner.invoke(cli, ["redact", str(src), "-o", str(out), "-w", str(ws), "-q"])
        assert result.exit_code == 0, result.output
        return out.read_text(encoding="utf-8")

    assert "Szymborska" in redact("kept.jsonl")
    result = runner.invoke(
        cli, ["pii", "settings", "set", "--public-figures", "redact", "-w", str(ws)]
    )
    assert result.exit_code == 0, result.output
    assert "Szymborska" not in redact("redacted.jsonl")


def test_public_record_needs_no_private_context_and_a_cue_beside_a_weak_one() -> None:
    from curation.pii.public import public_record

    model = [("PERSON", "spacy")]
    assert public_record(["Ingrid Bergström painted the harbour in 1911."], model)
    # No private context at all: kept without any public cue word.
    assert public_record(["Frodo Baggins carries the Ring to Mount Doom."], model)
    assert public_record(["I'm writing a quiz. Ingrid Bergström painted it in 1911."], model)
    # Weak private context (private dealings, who speaks, a letter) and no public cue.
    assert not public_record(["Ingrid Bergström says the kettle won't boil, we need one."], model)
    assert not public_record(["I'm Ingrid Bergström, the kettle won't boil."], model)
    assert not public_record(["Send the invoice to Ingrid Bergström."], model)
    assert not public_record(["Yours faithfully,\nIngrid Bergström"], model)
    # Strong private context: never kept.
    assert not public_record(["My neighbour Ingrid Bergström painted it."], model)
    assert not public_record(["Ingrid Bergström painted it."], [*model, ("PHONE_NUMBER", "x")])
    assert not public_record(["Regards, Ingrid painted it."], [("PERSON", "name:signoff")])


def test_characters_and_figures_without_a_cue_word_are_kept(det: Detector) -> None:
    got = found(
        det,
        "Give me a one-sentence summary about Hermione Granger.",
        "Hermione Granger is one of the three friends at the centre of the Harry Potter books.",
    )
    assert not persons(got)


def test_the_same_names_in_a_support_chat_are_redacted(det: Detector) -> None:
    got = found(
        det,
        "Please book the meeting room for Hermione Granger on Friday, we need the projector.",
    )
    assert "Hermione Granger" in persons(got)


@pytest.mark.parametrize(
    "text,name,source",
    [
        ("Book the room for: Shirin Sadeghi, Michal Ben-David.", "Michal Ben-David", "name:table"),
        (
            "I'm writing on behalf of Jean-Baptiste d'Arnaud today.",
            "Jean-Baptiste d'Arnaud",
            "name:table",
        ),
        ("Dear Dr. Young,\n\nwe got your invoice.", "Young", "name:title"),
        ("It still fails.\n\nSent from my phone\nHope", "Hope", "name:signoff-table"),
        ("hey its thu trang nguyen again", "thu trang nguyen", "name:lower"),
        ("Xin chào, tôi là Ngô Thị Mai. Đơn hàng", "Ngô Thị Mai", "name:table"),
        ("URGENT: LIANG RUOXI needs access", "LIANG RUOXI", "name:upper"),
        ("The ticket was assigned to H. Alemu yesterday.", "H. Alemu", "name:initial-surname"),
        ("The ticket was assigned to Okoli, C. but", "Okoli, C.", "name:initial-surname"),
        ('Support never answered. - Beom-seok K."', "Beom-seok K.", "name:signoff-initial"),
        ("hi its chebet wafula, my watch is dead", "chebet wafula", "name:lower"),
        ("Hi, this is So-mi Jeon, calling about", "So-mi Jeon", "name:table"),
        ("It stopped charging.\n\nRegards, Soo-ah", "Soo-ah", "name:signoff-table"),
        ("thanks all. also anas if you read this, your script", "anas", "name:lower"),
    ],
)
def test_compounds_elisions_titles_sign_offs_and_three_word_lowercase(
    text: str, name: str, source: str
) -> None:
    assert table_hits(text).get(name) == source


@pytest.mark.parametrize(
    "text",
    [
        "Hope this helps, the export runs nightly.",
        "Thanks\nTeam",
        "its thu already, the report is late",
        "giá thị trường tăng",
        "The Wi-Fi and Hi-Fi kits ship today.",
        "PLEASE CALL ME ASAP ABOUT THE ROSE GARDEN",
        "Take Vitamin D. Then see Part B. and Plan A.",
        "its super slow, again. its really bad.",
        "fix the rose if you can, and in march if you can",
    ],
)
def test_those_signals_do_not_fire_on_words(text: str) -> None:
    assert not table_hits(text)


@pytest.mark.parametrize(
    "text", ["Both of us were billed for the Sonos Era 100 twice.", "We need access to Wi-Fi now."]
)
def test_model_numbers_and_word_shapes_are_not_names(det: Detector, text: str) -> None:
    assert not persons(found(det, text))


def test_a_name_signing_a_commit_in_a_code_block_is_found(det: Detector) -> None:
    got = found(
        det, "```\ncommit 9f3c2ab  Author: Ramil Gatchalian <ramil-g@example.org>\n```\nwhy?"
    )
    assert "Ramil Gatchalian" in persons(got)


def test_a_name_with_an_initial_survives_the_precision_rules(det: Detector) -> None:
    got = found(det, "Ticket TKT-87128 was assigned to H. Alemu but nobody replied.")
    assert any("Alemu" in p for p in persons(got))
    assert not persons(found(det, "Ticket TKT-87128: upgrade the API v2. Then ISO 9001."))


def test_a_product_before_its_model_code_is_not_a_name(det: Detector) -> None:
    got = found(det, "my Logitech MX Master 3S wont turn on, email is kai@example.org")
    assert not any("Master" in p for p in persons(got))


def test_plans_and_rosters_are_private_context() -> None:
    from curation.pii.public import public_record

    model = [("PERSON", "spacy")] * 2
    assert not public_record(["As per Gyu-ri Bae's note, the meet moves to the 12th."], model)
    roster = "Make a seating chart:\n- Ama Osei\n- Hidde Terpstra"
    assert not public_record([roster], model, ["Ama Osei", "Hidde Terpstra"])
    assert public_record(["Hercule Poirot meets Jack Reacher.\nAma Osei"], model, ["Ama Osei"])


def test_a_single_word_in_a_first_or_last_name_field_is_a_name(det: Detector) -> None:
    args = '{"passengers": [{"first_name": "Eftychia", "last_name": "Postma"}]}'
    assert {"Eftychia", "Postma"} <= persons(found(det, args))
    assert not persons(found(det, '{"product_name": "Vitamix", "plan": "Pro"}'))
