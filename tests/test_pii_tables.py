"""The one table reader (curation.pii.tables): every column of a pasted CSV/TSV/semicolon/pipe/
Markdown table judged by its cells, the row beside them and its header, with the cases that
must not fire. Every name here is made up for the test."""

from __future__ import annotations

import pytest

from curation.pii.chat_slots import key_names, label_names
from curation.pii.tables import table_cell_names


def cells(text: str) -> list[str]:
    return [text[s:e] for s, e, _ in table_cell_names(text)]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a header nobody listed: the cells and the room codes beside them decide
        (
            "room,resident,issue\n339B,Tsetseg Varga,leaking tap\n"
            "123B,Ivana Mirkovic,broken blind\n292B,Kofi Mensah,no hot water",
            ["Tsetseg Varga", "Ivana Mirkovic", "Kofi Mensah"],
        ),
        # a header of column numbers
        ("col1,col2\nTsetseg Varga,fish\nIvana Mirkovic,veg", ["Tsetseg Varga", "Ivana Mirkovic"]),
        # no header row at all
        ("Tsetseg Varga;fish;2\nIvana Mirkovic;veg;3", ["Tsetseg Varga", "Ivana Mirkovic"]),
        (
            "| Volunteer | Shift |\n|---|---|\n| Kofi Mensah | am |\n| Rasoa Andriamanitra | pm |",
            ["Kofi Mensah", "Rasoa Andriamanitra"],
        ),
        # one row is enough beside an e-mail address
        (
            "Make a table:\nname,email,item\nÂu Cườngvy,d@e.example,Keychron Q1 Pro\n",
            ["Âu Cườngvy"],
        ),
        ("full_name\tcity\nOddny Lindqvarn\tOslo", ["Oddny Lindqvarn"]),
        # "Surname, Given" in a quoted cell, and in a tab-separated one
        (
            'member,phone\n"Mirkovic, Ivana",+44 7700 900123\n"Mensah, Kofi",+44 7700 900456',
            ["Mirkovic, Ivana", "Mensah, Kofi"],
        ),
        ("who\tdesk\nVarga, Tsetseg\tD4\nMensah, Kofi\tD9", ["Varga, Tsetseg", "Mensah, Kofi"]),
        # lower case and capitals, backed by a person's header or a phone in the row
        ("guest,meal\nivana mirkovic,fish\nkofi mensah,veg", ["ivana mirkovic", "kofi mensah"]),
        (
            "NAME,PHONE\nIVANA MIRKOVIC,07700 900123\nKOFI MENSAH,07700 900456",
            ["IVANA MIRKOVIC", "KOFI MENSAH"],
        ),
        ("name;room\nivana mirkovic;12B\nkofi mensah;14B", ["ivana mirkovic", "kofi mensah"]),
        ("Patient|Ward\nAna de la Cruz|B\nJ. Okafor|C", ["Ana de la Cruz", "J. Okafor"]),
        # a sentence with as many commas as the table has columns, above its header
        (
            "Convert to JSON with keys name, email, phone:\nname,email,phone\n"
            "Tsetseg Varga,tv@mail.example,+1 407 555 0100\n"
            "Brittany Peach,bpeach@mail.example,+1 407 555 0101",
            ["Tsetseg Varga", "Brittany Peach"],  # everyday words, but in the e-mail address
        ),
        # two of three rows share a given name: people, not a brand's line-up
        (
            "room,resident\n12B,Palesa Mokhehle\n14B,Palesa Makhetha\n15B,Kofi Mensah",
            ["Palesa Mokhehle", "Palesa Makhetha", "Kofi Mensah"],
        ),
    ],
)
def test_people_columns(text: str, names: list[str]) -> None:
    assert cells(text) == names


@pytest.mark.parametrize(
    "text",
    [
        "product,name,price\nwidget,Ember Mug,12\n",  # a bare "name" of a product
        "name,version\nNumPy,1.2\nRequests,2.0",  # packages
        "customer,total\nAdmin,12",  # a common word in a person's column
        "product,price\nIvana Desk,120\nKofi Lamp,40",  # the header says products
        "city,population\nSan Jose,1000000\nSanta Clara,130000",  # cities
        "city;country\nAdelaide;Australia\nVictoria;Canada",
        "title,year\nThe Goldfinch,2013\nLittle Women,1868",  # titles
        "sku,name\nSKU-1026,Kobo Clara\nSKU-2026,Kobo Libra",  # one brand's line-up
        "Kobo Clara,129\nKobo Libra,179",  # the same, with no header
        "company,contact\nAcme Ltd,Sales\nGlobex,Support",  # firms
        "timestamp|level|service|message\n"
        "2024-01-02 10:00|ERROR|auth|Connection refused\n"
        "2024-01-02 10:01|INFO|billing|Retry scheduled",  # a log
        "guest,meal\nTBD,fish\nn/a,veg",
        "name,price\noak shelf,12\npine desk,9",  # lower case with no signal: products
        "auth service,A-12\nbilling api,B-13",  # services beside ids  # placeholders under a person's header
        "Hi Tsetseg, thanks\nSee you, Kofi",  # two lines of prose with one comma each
        "status,owner\nOpen,Ops\nClosed,Ops",  # the same value in every row
        "vendor,email\nAcme Labs,sales@acme.example\nGlobex Group,info@globex.example",  # firms
        "Oak Shelf,oak@shop.example\nPine Desk,pine@shop.example",  # products, mail or not
    ],
)
def test_columns_that_hold_no_people(text: str) -> None:
    assert cells(text) == []


def test_rows_with_international_phones_and_a_day_column() -> None:
    """A "+" phone in the next cell is no "A + B" firm, and a rota's day column is no name
    ("Mon" is a given name of the table too); the names themselves are the detector's."""
    from curation.pii.detect import get_detector

    tsv = (
        "Pasting from our sheet:\nTeammate\tCell\tStack\n"
        "Ouiza Amrouche\t+213 555 67 48 86\tdata\nObsa Negasa\t091 466 1692\tbackend"
    )
    rota = (
        "Rota (day, volunteer, number):\nMon\tTeiva Mahinui\t+689 87 62 58 42\n"
        "Wed\tIgnazia Cadeddu\t+39 348 481 8433"
    )
    assert cells(rota) == ["Teiva Mahinui", "Ignazia Cadeddu"]
    found = get_detector().analyze_texts([tsv, rota])
    names = [{s.text for s in spans if s.entity == "PERSON"} for spans in found]
    assert {"Ouiza Amrouche", "Obsa Negasa"} <= names[0]
    assert {"Teiva Mahinui", "Ignazia Cadeddu"} <= names[1] and "Mon" not in names[1]


@pytest.mark.parametrize(
    "text",
    [
        "Mon,Oak Shelf,3\nWed,Pine Desk,4",  # a day column beside products
        "Day\tShift\nMon\tam\nFri\tpm",
    ],
)
def test_day_columns_hold_no_people(text: str) -> None:
    assert cells(text) == []


def test_a_name_that_opens_with_a_month_stays_a_name() -> None:
    text = "volunteer,phone\nJan Kowalski,+48 601 234 567\nOuiza Amrouche,+213 555 67 48 86"
    assert cells(text) == ["Jan Kowalski", "Ouiza Amrouche"]


def test_role_words_come_from_one_list() -> None:
    # "volunteer" and "next of kin" are read from data/vocab/person_field_labels.txt by the
    # table reader, the keyed-value reader and the line-label reader alike
    assert cells("volunteer\tshift\nivana mirkovic\tam") == ["ivana mirkovic"]
    text = '{"volunteer_name": "ivana mirkovic"}'
    assert [text[s:e] for s, e, _ in key_names(text)] == ["ivana mirkovic"]
    text = "Next of kin: Ivana Mirkovic"
    assert [text[s:e] for s, e, _ in label_names(text)] == ["Ivana Mirkovic"]
