"""Detection: each entity, the precision rules on technical text, propagation, chunking, rules."""

from __future__ import annotations

import itertools

import orjson
import pytest

from curation.pii.config import PatternRule, PiiConfig
from curation.pii.detect import Detector, Finding, chunks, get_detector
from curation.pii.segments import Segment, record_segments
from tests.helpers.pii import found


def values(findings: list[Finding], entity: str | None = None) -> set[str]:
    return {f.text for f in findings if entity is None or f.entity == entity}


@pytest.mark.parametrize(
    ("entity", "text", "value"),
    [
        ("EMAIL_ADDRESS", "Write to chloe.martin@example.org please", "chloe.martin@example.org"),
        (
            "EMAIL_ADDRESS",
            "mail rahul@mehta-analytics.example now",
            "rahul@mehta-analytics.example",
        ),
        ("PHONE_NUMBER", "Call me on (555) 555-0143 today", "(555) 555-0143"),
        ("PHONE_NUMBER", "my number is 999-555-0172", "999-555-0172"),
        ("PHONE_NUMBER", "reach me at +1 (999) 555-0123", "+1 (999) 555-0123"),
        ("PHONE_NUMBER", "Tel. 0131 496 0018", "0131 496 0018"),
        ("PHONE_NUMBER", "mobile +44 7700 900123", "+44 7700 900123"),
        ("PHONE_NUMBER", "Ruf mich an: +49 30 12345678", "+49 30 12345678"),
        ("PHONE_NUMBER", "Appelez le +33 6 12 34 56 78", "+33 6 12 34 56 78"),
        ("PHONE_NUMBER", "call 1-233-555-0100", "1-233-555-0100"),  # unassigned area code
        ("CREDIT_CARD", "card 4111 1111 1111 1111 was charged", "4111 1111 1111 1111"),
        ("CREDIT_CARD", "paid with 5555-5555-5555-4444", "5555-5555-5555-4444"),
        ("CREDIT_CARD", "amex 3782 822463 10005 here", "3782 822463 10005"),
        ("US_SSN", "my SSN is 123-45-6789", "123-45-6789"),
        ("IP_ADDRESS", "client=198.51.100.23 latency=3ms", "198.51.100.23"),
        ("IP_ADDRESS", "from 2001:db8:4f1a::23 again", "2001:db8:4f1a::23"),
        (
            "IP_ADDRESS",
            "v6 2001:0db8:85a3:0000:0000:8a2e:0370:7334 ok",
            "2001:0db8:85a3:0000:0000:8a2e:0370:7334",
        ),
        (
            "IBAN_CODE",
            "refund to GB82 WEST 1234 5698 7654 32 please",
            "GB82 WEST 1234 5698 7654 32",
        ),
        ("IBAN_CODE", "IBAN DE89370400440532013000.", "DE89370400440532013000"),
        (
            "STREET_ADDRESS",
            "ship to Flat 3, 27 Harbour Street, Edinburgh EH6 6QN.",
            "Flat 3, 27 Harbour Street, Edinburgh EH6 6QN",
        ),
        (
            "STREET_ADDRESS",
            "Wir wohnen Hauptstraße 14, 10827 Berlin.",
            "Hauptstraße 14, 10827 Berlin",
        ),
        (
            "STREET_ADDRESS",
            "at 55 Riverside Drive, Austin, TX 78701.",
            "55 Riverside Drive, Austin, TX 78701",
        ),
        (
            "STREET_ADDRESS",
            "au 61, boulevard de Briand, 64949 Bailly.",
            "61, boulevard de Briand, 64949 Bailly",
        ),
        ("STREET_ADDRESS", "en Calle Mayor 5, 28013 Madrid.", "Calle Mayor 5, 28013 Madrid"),
        ("PERSON", "Hi, I'm Maria Gonzalez and I need help.", "Maria Gonzalez"),
        ("PERSON", "Thanks, Jean-Baptiste Moreau.", "Jean-Baptiste Moreau"),
        ("PERSON", "I spoke with Sofia Lindqvist yesterday.", "Sofia Lindqvist"),
        ("PERSON", "Quinn Ouwerkerk from finance asked me to follow up.", "Quinn Ouwerkerk"),
        (
            "PERSON",
            '{"customer_name": "Annemijn van den Velden", "plan": "Team"}',
            "Annemijn van den Velden",
        ),
    ],
)
def test_entity_is_found(det: Detector, entity: str, text: str, value: str) -> None:
    hits = found(det, text)
    assert value in values(hits, entity), [(f.entity, f.text) for f in hits]


@pytest.mark.parametrize(
    "text",
    [
        "Set the Port field to 8080 and the Target port to 443.",
        "We upgraded Kubernetes to 1.29.3 and Helm 3.14.2 last week.",
        "The refund takes 24 hours, the trial lasts 14 days and the hold is 15 minutes.",
        "We get HTTP 503 from eu-west-1 and 401 Unauthorized in us-east-1.",
        "Connect to PostgreSQL 16 on port=5432 or pgbouncer on port 6432.",
        "Order NW-ORD-558213, invoice INV-2024-03117, build 20240501.3, pid 48213.",
        "Uptime was 99.95% over 35 days; Retry-After: 23 after 429.",
        "Mark as backup, then Convert to UTC and Request increase.",
        "ROWS BETWEEN 6 PRECEDING AND CURRENT ROW",
        "`SELECT name FROM users WHERE email = 'x'`",
    ],
)
def test_technical_text_is_not_destroyed(det: Detector, text: str) -> None:
    assert found(det, text) == []


def test_us_phone_number_is_a_phone_not_an_nhs_number(det: Detector) -> None:
    hits = found(det, "My US number is 415-555-2671.")
    assert [(f.entity, f.text) for f in hits] == [("PHONE_NUMBER", "415-555-2671")]


def test_numbers_that_only_look_like_phones_are_left(det: Detector) -> None:
    text = "ticket #5551234567, version 2024.05.01, date 2024-05-01, IP-like 1.2.3 and 10,000 items"
    assert values(found(det, text), "PHONE_NUMBER") == set()


def test_first_name_alone_later_is_redacted_everywhere_in_the_record(det: Detector) -> None:
    messages = [
        {"role": "user", "content": "Hello, my name is Grace Liu and my card was charged twice."},
        {"role": "assistant", "content": "Sorry about that. I will look into it."},
        {"role": "user", "content": "Grace again: any news? Liu is my family name."},
    ]
    completions = [[{"role": "assistant", "content": "All sorted, Grace! Have a good day."}]]
    hits = det.detect(record_segments(messages, completions))
    where = {(f.location, f.text) for f in hits if f.entity == "PERSON"}
    assert ("messages[0].content", "Grace Liu") in where
    assert ("messages[2].content", "Grace") in where
    assert ("messages[2].content", "Liu") in where
    assert ("completions[0].messages[0].content", "Grace") in where


def test_values_propagate_into_tool_arguments_and_results(det: Detector) -> None:
    messages = [
        {
            "role": "user",
            "content": "I'm Kenji Watanabe, email kenji.watanabe@tanuki-games.example",
        },
        {
            "role": "assistant",
            "content": None,
            "tool_calls": [
                {
                    "id": "c1",
                    "type": "function",
                    "function": {
                        "name": "lookup",
                        "arguments": '{"email": "kenji.watanabe@tanuki-games.example"}',
                    },
                }
            ],
        },
        {"role": "tool", "tool_call_id": "c1", "content": '{"owner": "Kenji", "plan": "Team"}'},
    ]
    hits = det.detect(record_segments(messages, []))
    where = {(f.location, f.text) for f in hits}
    assert (
        "messages[1].tool_calls[0].function.arguments",
        "kenji.watanabe@tanuki-games.example",
    ) in where
    assert ("messages[2].content", "Kenji") in where


def test_a_name_seen_in_an_email_address_is_a_name(det: Detector) -> None:
    hits = found(det, "Account is maria.gonzalez@example.com", "Thanks again, the Gonzalez family")
    assert ("PERSON", "Gonzalez") in {(f.entity, f.text) for f in hits}


def test_a_role_mailbox_gives_no_name(det: Detector) -> None:
    hits = found(det, "Write to support@northwind.example", "Support will answer within 24 hours.")
    assert values(hits, "PERSON") == set()


def test_a_one_megabyte_message_is_chunked_and_scanned_to_its_end(det: Detector) -> None:
    """Above spaCy's max_length (1,000,000): a pasted certificate between two paragraphs."""
    blob = "\n".join(
        "MIIFazCCA1OgAwIBAgIUQz3fKq9vX2cY7mB0aPq4sZr8TwwDQYJKoZIhvcNAQELBQAwRTEL"
        for _ in range(14_700)
    )
    text = (
        "Hi, I'm Tomasz Wiśniewski; the upgrade to Kubernetes 1.29 failed after 24 hours.\n"
        + blob
        + "\nThanks again. Please call +44 7700 900123 or write to tomasz.w@kestrel-ops.example."
    )
    assert len(text) > 1 << 20
    hits = found(det, text)
    assert {"Tomasz Wiśniewski", "+44 7700 900123", "tomasz.w@kestrel-ops.example"} <= values(hits)
    assert values(hits) <= {
        "Tomasz Wiśniewski",
        "Tomasz",
        "+44 7700 900123",
        "tomasz.w@kestrel-ops.example",
    }


def test_chunks_cover_the_text_and_overlap() -> None:
    text = ("word " * 5000) + "needle@example.com " + ("word " * 5000)
    pieces = chunks(text, size=10_000, overlap=400)
    assert pieces[0][0] == 0
    assert pieces[-1][0] + len(pieces[-1][1]) == len(text)
    for (a, pa), (b, _) in itertools.pairwise(pieces):
        assert b < a + len(pa)  # each piece starts inside the previous one
    assert any("needle@example.com" in p for _, p in pieces)


def test_an_entity_cut_by_a_chunk_boundary_is_still_found_whole() -> None:
    det = get_detector(PiiConfig())
    pad = "x" * 9_990
    text = pad + " card 4111 1111 1111 1111 end " + "y " * 6000
    hits = found(det, text)
    assert "4111 1111 1111 1111" in values(hits, "CREDIT_CARD")


def test_lead_pattern_and_deny_list_and_allow_list() -> None:
    config = PiiConfig(
        patterns=(PatternRule("ticket", "TICKET_ID", r"\bNW-\d{4}-TK\b"),),
        deny=(("EMPLOYEE_ID", "E-77812"),),
        allow=(("", "Northwind Cloud"), ("PERSON", "Jordan")),
    )
    det = get_detector(config)
    hits = found(
        det,
        "Ticket NW-4821-TK for employee E-77812. This is Northwind Cloud support. Hi Jordan!",
    )
    pairs = {(f.entity, f.text) for f in hits}
    assert ("TICKET_ID", "NW-4821-TK") in pairs
    assert ("EMPLOYEE_ID", "E-77812") in pairs
    assert not {t for e, t in pairs if e == "PERSON"} & {"Northwind Cloud", "Northwind", "Jordan"}


def test_noisy_classes_are_off_by_default_and_can_be_enabled() -> None:
    text = "The meeting on 12 March 2024 in Paris lasted 24 hours."
    assert found(get_detector(PiiConfig()), text) == []
    dated = get_detector(PiiConfig(entities=("DATE_TIME", "LOCATION")))
    hits = found(dated, text)
    assert "Paris" in values(hits, "LOCATION")
    assert any("2024" in v for v in values(hits, "DATE_TIME"))
    assert "24 hours" not in values(hits)


def test_the_threshold_drops_weak_findings() -> None:
    text = "number 4155552671 here"
    strict = get_detector(PiiConfig(threshold=0.9))
    assert values(found(strict, text), "PHONE_NUMBER") == set()


def test_detection_is_deterministic(det: Detector) -> None:
    text = "Hi, I'm Aoife Brennan, IBAN GB82 WEST 1234 5698 7654 32, call 0131 496 0018."
    first = found(det, text)
    det._cache.clear()
    assert found(det, text) == first


def test_findings_locations_round_trip_for_json(det: Detector) -> None:
    hits = found(det, '{"email": "devon.price@example.net"}')
    assert [(f.location, f.start, f.end) for f in hits] == [("messages[0].content", 11, 34)]
    assert orjson.loads('{"email": "devon.price@example.net"}')["email"] == hits[0].text


def test_engine_actors_find_exactly_what_one_process_finds(on_ray: None) -> None:
    from curation.pii.stream import detect_stream, detection_engine

    records = [
        [
            Segment(
                ("messages", 0, "content"), f"Hi, I'm Maria Gonzalez #{i}, call (555) 555-01{i:02d}"
            )
        ]
        for i in range(12)
    ]
    config = PiiConfig()
    one = [f for _, _, f in detect_stream(records, lambda r: r, config, workers=1, batch=4)]
    engine = detection_engine(len(records))
    assert engine.ray
    two = [
        f
        for _, _, f in detect_stream(
            records, lambda r: r, config, engine=engine, workers=2, batch=4
        )
    ]
    assert one == two
    assert all(any(f.entity == "PHONE_NUMBER" for f in found) for found in two)


@pytest.mark.parametrize(
    ("entity", "value", "text", "expected"),
    [
        # whole words only, every occurrence
        ("PERSON", "Ana", "Ana, Anahit and Ana_b met Ana.", ["Ana", "Ana"]),
        # a name in capitals, and any run of whitespace between its words
        (
            "PERSON",
            "Maria Gonzalez",
            "MARIA GONZALEZ / Maria\n  Gonzalez",
            ["MARIA GONZALEZ", "Maria\n  Gonzalez"],
        ),
        # JSON-escaped inside tool-call arguments
        (
            "PERSON",
            "José Núñez",
            '{"name": "Jos\\u00e9 N\\u00fa\\u00f1ez"}',
            ["Jos\\u00e9 N\\u00fa\\u00f1ez"],
        ),
        # emails ignore case
        (
            "EMAIL_ADDRESS",
            "Maria.G@Example.com",
            "cc maria.g@example.COM;",
            ["maria.g@example.COM"],
        ),
        # numbers with other separators
        ("PHONE_NUMBER", "415-555-0199", "call (415) 555 0199 or 4155550199x", ["415) 555 0199"]),
        (
            "IBAN_CODE",
            "GB82WEST12345698765432",
            "iban gb82 west 1234 5698 7654 32.",
            ["gb82 west 1234 5698 7654 32"],
        ),
        # a value that ends in punctuation needs no boundary there
        ("PERSON", "J. R.", "signed J. R. today", ["J. R."]),
        ("PERSON", "x", "x x x", []),
    ],
)
def test_find_value_matches_whole_occurrences(
    entity: str, value: str, text: str, expected: list[str]
) -> None:
    from curation.pii.detect import find_value

    assert [text[a:b] for a, b in find_value(entity, value, text)] == expected


def test_blanking_keeps_offsets_and_only_lines_that_could_hold_a_name() -> None:
    from curation.pii.detect import blank_nameless_lines

    text = (
        "GET /api/v1/orders 503 client=198.51.100.23\n"
        "Hi, this is Maria.\n"
        "ts=2024-05-01T12:00:03Z user=o'neil\n"
        "owner=O'Brien\n"
        "MIIFazCCA1OgAwIBAgIUQz3fKq9vX2cY7mB0aPq4sZr8TwwDQYJKoZIhvcNAQELBQAwRTEL\n"
        "last line without newline"
    )
    view = blank_nameless_lines(text)
    assert len(view) == len(text)
    kept = [line.strip() for line in view.split("\n") if line.strip()]
    assert kept == ["Hi, this is Maria.", "owner=O'Brien"]
    for line in kept:
        assert view.index(line) == text.index(line)


def test_a_long_pasted_log_keeps_names_in_prose_and_in_log_lines(det: Detector) -> None:
    """Long pieces are read by the model without their nameless lines: a name in a log line
    (written with capitals) and a name in the prose around it are both still found."""
    log = "2024-05-01T12:00:03Z GET /api/v1/orders 503 client=198.51.100.23 latency=120ms\n"
    text = (
        "Hello, I'm Ingrid Solberg and our nightly export keeps failing:\n"
        + log * 40
        + '2024-05-01T12:00:04Z WARN retry owner="Kwame Mensah" job=export\n'
        + log * 40
        + "Kwame Mensah on our side can help. Ingrid\n"
    )
    assert len(text) > 5_000
    hits = found(det, text)
    people = [f for f in hits if f.entity == "PERSON"]
    assert {"Ingrid Solberg", "Kwame Mensah"} <= {f.text for f in people}
    assert sum(f.text == "Kwame Mensah" for f in people) == 2
    assert text[-7:-1] == "Ingrid" and any(f.start == len(text) - 7 for f in people)
    assert values(hits, "IP_ADDRESS") == {"198.51.100.23"}
    assert sum(f.entity == "IP_ADDRESS" for f in hits) == 80
