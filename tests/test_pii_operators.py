"""Operators and redaction: placeholders, pseudonyms (keyed, reproducible), mask, hash, JSON."""

from __future__ import annotations

import copy
import json

import pytest

from curation.errors import InputError, InternalError
from curation.pii.config import Secrets
from curation.pii.operators import OperatorSpec, Replacer
from curation.pii.redact import Cut, json_literals, person_canon, redact_text, redact_tree
from curation.pii.segments import object_segments, parse, record_tree, render

KEY = Secrets(b"k" * 32, b"s" * 16)
OTHER = Secrets(b"o" * 32, b"t" * 16)


def replacer(name: str, secrets: Secrets | None = KEY, **kw: object) -> Replacer:
    return Replacer(OperatorSpec(name, **kw), secrets)  # type: ignore[arg-type]


def test_placeholder() -> None:
    text = "Hi Maria Gonzalez, call +44 7700 900123."
    out = redact_text(
        text,
        [Cut(3, 17, "PERSON", "Maria Gonzalez"), Cut(24, 39, "PHONE_NUMBER", "+44 7700 900123")],
        replacer("placeholder", None),
    )
    assert out == "Hi <PERSON>, call <PHONE_NUMBER>."


def test_mask_keeps_separators_and_hides_every_letter_and_digit() -> None:
    text = "card 4111-1111-1111-1111 ok"
    out = redact_text(
        text, [Cut(5, 24, "CREDIT_CARD", "4111-1111-1111-1111")], replacer("mask", None)
    )
    assert out == "card ****-****-****-**** ok"


def test_hash_uses_the_workspace_salt_and_is_stable() -> None:
    a = replacer("hash")("EMAIL_ADDRESS", "Ana@Example.com")
    assert a == replacer("hash")("EMAIL_ADDRESS", "ana@example.com")  # normalised first
    assert len(a) == 64 and all(c in "0123456789abcdef" for c in a)
    assert a != replacer("hash", OTHER)("EMAIL_ADDRESS", "ana@example.com")


def test_pseudonyms_are_deterministic_keyed_and_consistent_across_records() -> None:
    r1, r2 = replacer("pseudonym"), replacer("pseudonym")
    one = r1("PERSON", "Maria Gonzalez")
    assert one == r2("PERSON", "Maria Gonzalez")  # reproducible in another run
    assert one.startswith("<PERSON_") and "Maria" not in one
    assert one != r1("PERSON", "Sofia Lindqvist")
    assert one != replacer("pseudonym", OTHER)("PERSON", "Maria Gonzalez")  # keyed
    assert r1.for_record("a")("PERSON", "Maria Gonzalez") == one  # dataset scope
    assert r1("PHONE_NUMBER", "(555) 555-0143") == r1("PHONE_NUMBER", "555.555.0143")


def test_record_scope_pseudonyms_differ_between_records() -> None:
    base = replacer("pseudonym", scope="record")
    a = base.for_record("rec-a")("PERSON", "Maria Gonzalez")
    assert a == base.for_record("rec-a")("PERSON", "Maria Gonzalez")
    assert a != base.for_record("rec-b")("PERSON", "Maria Gonzalez")


def test_a_first_name_alone_gets_the_full_names_surrogate() -> None:
    canon = person_canon(["Maria Gonzalez"])
    tags = replacer("pseudonym")
    text = "Maria Gonzalez wrote. Thanks, Maria!"
    out = redact_text(
        text, [Cut(0, 14, "PERSON", "Maria Gonzalez"), Cut(30, 35, "PERSON", "Maria")], tags, canon
    )
    tag = tags("PERSON", "Maria Gonzalez")
    assert out == f"{tag} wrote. Thanks, {tag}!"
    real = replacer("pseudonym", realistic=True)
    out = redact_text(
        text, [Cut(0, 14, "PERSON", "Maria Gonzalez"), Cut(30, 35, "PERSON", "Maria")], real, canon
    )
    full = real("PERSON", "Maria Gonzalez")
    first = full.split()[0]
    assert out == f"{full} wrote. Thanks, {first}!"
    assert "Maria" not in out and "Gonzalez" not in out
    assert full == replacer("pseudonym", realistic=True)("PERSON", "Maria Gonzalez")


def test_pseudonym_and_hash_need_the_secrets() -> None:
    with pytest.raises(InternalError, match="needs the workspace secrets"):  # a caller's bug
        replacer("pseudonym", None)
    with pytest.raises(InputError):
        OperatorSpec("shred")


def test_json_arguments_stay_valid_json_with_escapes_and_numbers() -> None:
    args = json.dumps(
        {"name": 'Chloé "Clo" Martin', "phone": 5555550143, "note": "ok"}, ensure_ascii=True
    )
    start = args.index("Chlo")
    end = args.index("Martin") + len("Martin")
    num = args.index("5555550143")
    out = redact_text(
        args,
        [
            Cut(start, end, "PERSON", args[start:end]),
            Cut(num, num + 10, "PHONE_NUMBER", "5555550143"),
        ],
        replacer("placeholder", None),
    )
    assert json.loads(out) == {"name": "<PERSON>", "phone": "<PHONE_NUMBER>", "note": "ok"}


def test_a_span_across_json_literals_never_touches_keys_or_quotes() -> None:
    args = '{"first": "Maria", "last": "Gonzalez"}'
    s, e = args.index("Maria"), args.index("Gonzalez") + len("Gonzalez")
    out = redact_text(args, [Cut(s, e, "PERSON", args[s:e])], replacer("placeholder", None))
    assert json.loads(out) == {"first": "<PERSON>", "last": "<PERSON>"}


def test_json_literals_are_only_found_in_json() -> None:
    assert json_literals("Hello {not json") is None
    lits = json_literals('{"a": "x\\ny", "b": -1.5}')
    assert lits is not None
    assert [(lit.is_string, lit.escapes != ()) for lit in lits] == [(True, True), (False, False)]


def test_redact_tree_keeps_structure_roles_and_keys() -> None:
    messages = [
        {"role": "user", "content": [{"type": "text", "text": "I'm Maria"}], "name": "maria_g"},
        {"role": "assistant", "content": "Hi Maria", "weight": 1},
    ]
    completions = [[{"role": "assistant", "content": "Bye Maria"}]]
    tree = record_tree(copy.deepcopy(messages), copy.deepcopy(completions))
    cuts = {
        ("messages", 0, "content", 0, "text"): [Cut(4, 9, "PERSON", "Maria")],
        ("messages", 1, "content"): [Cut(3, 8, "PERSON", "Maria")],
        ("completions", 0, "messages", 0, "content"): [Cut(4, 9, "PERSON", "Maria")],
    }
    assert redact_tree(tree, cuts, replacer("placeholder", None)) == 3
    assert tree["messages"][0] == {
        "role": "user",
        "content": [{"type": "text", "text": "I'm <PERSON>"}],
        "name": "maria_g",
    }
    assert tree["messages"][1] == {"role": "assistant", "content": "Hi <PERSON>", "weight": 1}
    assert tree["completions"][0]["messages"][0]["content"] == "Bye <PERSON>"
    assert messages[1]["content"] == "Hi Maria"  # the original is untouched


def test_locations_render_and_parse() -> None:
    for path in [
        ("messages", 2, "content"),
        ("messages", 1, "content", 0, "text"),
        ("messages", 3, "tool_calls", 0, "function", "arguments"),
        ("completions", 1, "messages", 0, "content"),
        ("metadata", "a.b key", 0),
    ]:
        assert parse(render(path)) == path
    assert render(("messages", 3, "tool_calls", 0, "function", "arguments")) == (
        "messages[3].tool_calls[0].function.arguments"
    )


def test_file_objects_detect_every_string_that_is_not_structure() -> None:
    obj = {
        "messages": [{"role": "user", "content": "Hi", "note": "from Maria"}],
        "metadata": {"customer": "Maria", "id": "c-1"},
        "reference_answer": "Maria",
        "tools": [{"type": "function", "function": {"name": "f", "description": "Maria"}}],
    }
    segs = {s.path: s.detect for s in object_segments("openai-rft", obj)}
    assert segs[("messages", 0, "content")] is True
    assert segs[("messages", 0, "note")] is True
    assert segs[("reference_answer",)] is True
    assert segs[("metadata", "customer")] is True
    assert ("messages", 0, "role") not in segs and ("metadata", "id") not in segs
    assert not any(path[0] == "tools" for path in segs)
