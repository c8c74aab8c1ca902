"""Name categories that leaked on round 4 and the over-redaction of rounds 2–4 (see the tuning
log in bench/pii_eval/README.md): given-name words of few countries, Chinese names whose family
name is also a particle, names in a list, a name part that is a technical word, e-mail names
without accents, public cues of quizzes, cue words inside titles, quoted titles and closings
inside names. Each with cases that must not fire. Every name here is made up for the test."""

from __future__ import annotations

import pytest

from curation.pii import public
from curation.pii.detect import Detector
from curation.pii.name_table import fold
from curation.pii.siblings import sibling_names
from curation.pii.spans import Span
from curation.pii.word_names import (
    WEAK_SOURCE,
    chinese_pair,
    given_word,
    unknown_pair,
    word_pair,
    word_pairs,
)
from tests.helpers.pii import found


@pytest.fixture(scope="module")
def det() -> Detector:
    return Detector()


def persons(det: Detector, *texts: str) -> set[str]:
    return {f.text for f in found(det, *texts) if f.entity == "PERSON"}


# ---- given-name words of one or two countries


def test_given_word_of_few_countries_when_no_common_word() -> None:
    assert given_word("Hunter")  # a given name in two countries, no everyday word
    assert word_pair("Hunter", "Steel") and word_pair("Hunter", "Little")
    assert not given_word("Kingston") and not given_word("Monday")


@pytest.mark.parametrize(
    "text,name",
    [
        ("Hunter Steel returned the kettle yesterday but the refund is missing.", "Hunter Steel"),
        ("Ship it to my husband: PO2 Hunter Hart, PSC 727 Box 161, FPO AP 96649.", "Hunter Hart"),
    ],
)
def test_few_country_given_word_in_a_person_position(det: Detector, text: str, name: str) -> None:
    assert name in persons(det, text)


def test_few_country_given_word_needs_a_position(det: Detector) -> None:
    assert not persons(det, "The Hunter Valley wines are dry and light.")


# ---- Chinese family name that is also a particle


def test_chinese_pair() -> None:
    assert chinese_pair("Du", "Ruoxi") and chinese_pair("Du", "Shuting")
    for first, last in [("Du", "Bois"), ("De", "Niro"), ("Feng", "Shui"), ("Hong", "Kong"),
                        ("Tai", "Chi"), ("Da", "Vinci"), ("Van", "Gogh")]:  # fmt: skip
        assert not chinese_pair(first, last), (first, last)


def test_chinese_name_alone_on_a_line_above_an_address(det: Detector) -> None:
    text = "Please redirect my order to:\nDu Ruoxi\nKlippgatan 14\n116 46 Stockholm"
    assert "Du Ruoxi" in persons(det, text)


# ---- two words nobody knows, where a person stands


def test_unknown_pair_in_a_person_position() -> None:
    assert unknown_pair("Nekesa", "Mugo")
    assert not unknown_pair("Ninja", "Creami") and not unknown_pair("Yurtiçi", "Kargo")
    text = "Dalia Sabbagh paid 240 and Nekesa Mugo paid 90. Who owes whom?"
    got = {(text[s:e], src) for s, e, src in word_pairs(text)}
    assert ("Nekesa Mugo", WEAK_SOURCE) in got


def test_unknown_pair_not_after_a_role_noun_nor_mid_sentence() -> None:
    text = "From: A B <a@example.org>\nSubject: Tern Vektron stock\n\nWe sold the Tern Vektron."
    assert not [text[s:e] for s, e, _ in word_pairs(text)]


# ---- names in a list


def _person(text: str, value: str) -> Span:
    at = text.index(value)
    return Span(at, at + len(value), "PERSON", value, 0.85, "spacy")


def test_list_siblings_of_a_found_name() -> None:
    text = "Rota:\n- Kinsley Scarborough: Wednesday\n- Chase Lamb: Tuesday\n- Project Atlas: Friday"
    got = {s.text for s in sibling_names(text, [_person(text, "Chase Lamb")])}
    assert got == {"Kinsley Scarborough"}  # "Project Atlas": a common first word


def test_list_without_a_found_name_is_left() -> None:
    text = "Rota:\n- Kinsley Scarborough: Wednesday\n- Project Atlas: Friday"
    assert sibling_names(text, []) == []
    one = "- Chase Lamb: Tuesday\n\nAnd then:\n- Kinsley Scarborough: Friday"
    assert sibling_names(one, [_person(one, "Chase Lamb")]) == []


def test_list_rota_redacts_every_name(det: Detector) -> None:
    text = (
        "Turn this rota into a table:\n- Kinsley Scarborough: Wednesday\n"
        "- Chase Lamb: Tuesday\n- Atieno Gitau-Wainaina: Friday"
    )
    assert {"Kinsley Scarborough", "Chase Lamb", "Atieno Gitau-Wainaina"} <= persons(det, text)


def test_list_of_public_figures_stays_public(det: Detector) -> None:
    text = "Name three physicists and what they found.\n- Marie Curie: radioactivity\n- Lise Meitner: fission"
    assert not persons(det, text)


# ---- a name part that is a technical word


def test_technical_name_part_after_a_person_cue(det: Detector) -> None:
    text = "My colleague Ruby Tarrant wrote the parser in Ruby. Could you ask Ruby to call me?"
    got = [f for f in found(det, text) if f.entity == "PERSON"]
    ruby_alone = [f for f in got if f.text == "Ruby"]
    assert len(ruby_alone) == 1 and text[ruby_alone[0].start - 4 : ruby_alone[0].start] == "ask "


# ---- e-mail names without accents


def test_fold_keeps_offsets() -> None:
    # one accent folding for the name table and the e-mail names: one character for one
    assert fold("Soy Críspulo Ñáñez") == "Soy Crispulo Nanez"
    assert fold("plain") == "plain"
    assert fold("Đặng Thị Hoàng") == "Dang Thi Hoang"
    text = "Đỗ Thị Ánh"
    assert len(fold(text)) == len(text)


def test_email_name_found_with_its_accents(det: Detector) -> None:
    got = persons(det, "Hola, soy Críspulo Vadelaurre. Mi correo es vadelaurre.crispulo@example.es")
    assert "Críspulo" in " ".join(got)


# ---- public cues and cue words inside titles


def test_quiz_and_public_figure_are_public_cues() -> None:
    texts = ["Write a pub-quiz question whose answer is Tamsin Okafor. It's for tonight's round."]
    assert public.public_record(texts, [("PERSON", "name:cue-table")], ["Tamsin Okafor"])
    assert not public.public_record(
        ["Book Tamsin Okafor for tonight."], [("PERSON", "name:cue-table")], ["Tamsin Okafor"]
    )


def test_cue_word_inside_a_job_title_is_no_private_cue() -> None:
    spacy = [("PERSON", "spacy")]
    assert public.public_record(['Classify: "Odile Markham", "Principal Product Manager".'], spacy)
    # a given name inside the run keeps the cue: "Aunt Bettina" is a relative
    assert not public.public_record(["Could you remind Aunt Bettina Farrow about it?"], spacy)
    # at a sentence's start the word is still a cue
    assert not public.public_record(["Customer Odile Markham called about it."], spacy)


# ---- quoted titles and closings inside names


def test_quoted_cue_and_name_is_a_title(det: Detector) -> None:
    assert not persons(det, 'Which song opens the set: "Hey Tobiah" or "Mrs. Quenby"?')
    # a quoted line that greets someone is still private
    assert "Tobiah" in persons(det, 'I texted her "Hi Tobiah, your parcel is here" yesterday.')


def test_title_cased_closing_inside_a_name(det: Detector) -> None:
    assert not persons(det, "Research the racehorse Best Quillon and its wins.")
    assert "Tobiah" in persons(det, "Thanks for the help.\nBest,\nTobiah")
    assert "Tobiah" in persons(det, "All the best Tobiah")


# ---- the product of an order, in brackets after its number


def test_ordered_item_in_brackets() -> None:
    from curation.pii.titles import ordered_item

    def at(text: str, value: str) -> bool:
        start = text.index(value)
        return ordered_item(text, start, start + len(value))

    assert at("Ship order SO-983571 (Stanley Quencher H2.0) to me.", "Stanley Quencher")
    assert at("Ship order WEB-1234 (Instant Pot Duo) today.", "Instant Pot Duo")
    assert not at("Ship order SO-12345 (Ana Quist) to my flat.", "Ana Quist")
    assert not at("Ship order SO-12345 (Hope Baker) to my flat.", "Hope Baker")
    assert not at("Ship it (Stanley Quencher H2.0) to me.", "Stanley Quencher")


def test_buyer_in_brackets_after_an_order_is_still_redacted(det: Detector) -> None:
    text = "Ship order SO-12345 (Odile Markham) to 12 Rose Street, Leeds LS1 4AB."
    assert "Odile Markham" in persons(det, text)
    assert "Stanley Quencher" not in persons(
        det, "Ship order SO-983571 (Stanley Quencher H2.0) to my flat."
    )


# ---- a quantity is no house number


def test_quantity_before_a_street_word_is_no_address(det: Detector) -> None:
    def streets(text: str) -> set[str]:
        return {f.text for f in found(det, text) if f.entity == "STREET_ADDRESS"}

    assert not streets("Contents: 1x Philips Hue Bridge\nCarrier: Evri")
    assert streets("Send it to 12b Harbour Road, Leeds LS1 4AB.") == {
        "12b Harbour Road, Leeds LS1 4AB"
    }
