"""Set ``addresses2``: addresses and phones of 17 countries in their own formats, US military
mail and PO boxes, phones in national and E.164 form, in shipping, tenancy, enrolment, hotel
and invoicing chats (English, some with a Japanese-script address or a JSON tool call).
"""

from __future__ import annotations

from collections.abc import Callable

from bench.pii_eval.common import Example, Private
from bench.pii_eval.round2 import ids
from bench.pii_eval.round2.common2 import Ctx, assistant, user
from bench.pii_eval.round2.places import COUNTRIES

HALF_SIZE = 200

CULTURE_OF = {
    "US": ("us",), "UK": ("uk",), "DE": ("de",), "FR": ("fr",), "ES": ("es",), "IT": ("it",),
    "NL": ("nl",), "JP": ("jp",), "IN": ("in_n", "in_s"), "BR": ("pt",), "PL": ("pl",),
    "SE": ("nordic",), "MX": ("es",), "KR": ("kr",), "ZA": ("za",), "NG": ("yo", "ig"),
    "IE": ("ie",),
}  # fmt: skip
RANKS = ("SGT", "SPC", "CPT", "PO2", "SSgt", "LT", "MSgt", "CW2")


def _recipient(c: Ctx, country: str) -> str:
    n = c.name(c.rng.choice(CULTURE_OF.get(country, ("us",))))
    return c.person(n.full, "recipient")


def _both_forms(c: Ctx, country: str) -> tuple[str, str]:
    """The same number written nationally and in E.164 form (two gold items)."""
    state = c.rng.getstate()
    national = ids.phone(c.rng, country, e164=False)
    c.rng.setstate(state)
    intl = ids.phone(c.rng, country, e164=True)
    for value in (national, intl):
        c.ex.private.append(Private(value, "phone", country))
    return national, intl


def _order(c: Ctx) -> str:
    return c.ref(c.rng.choice(("ORD-", "#", "SO-")), 7)


def shipping_change(c: Ctx, country: str) -> None:
    who = _recipient(c, country)
    addr = c.address(country)
    phone = c.phone(country)
    order = _order(c)
    courier = c.keep(c.places.courier(c.rng, country), "courier")
    c.ex.messages += [
        user(f"Please change the delivery address for {order} to:\n{who}\n{addr}\nTel. {phone}"),
        assistant(f"Updated. {order} will go with {courier} to the new address; the driver may "
                  f"call {phone} if needed."),
    ]  # fmt: skip


def tenancy_form(c: Ctx, country: str) -> None:
    who = _recipient(c, country)
    addr = c.address(country)
    national, intl = _both_forms(c, country)
    c.ex.messages += [
        user(
            "Check this rental application for missing fields:\n"
            f"Applicant: {who}\nCurrent address: {addr}\nMobile: {national}\n"
            f"Mobile (from abroad): {intl}\nEmployer: \nMonthly income: 3,200"
        ),
        assistant("The employer field is empty; everything else is filled in. Ask the applicant "
                  "for the employer's name and a recent payslip."),
    ]  # fmt: skip


def shipment_tool(c: Ctx, country: str) -> None:
    n = c.name(c.rng.choice(CULTURE_OF.get(country, ("us",))))
    c.person(n.full, "recipient")
    addr = c.address(country)
    phone = c.phone(country, e164=True)
    courier = c.keep(c.places.courier(c.rng, country), "courier")
    call, cid = c.call(
        "create_shipment",
        {"carrier": courier, "recipient": n.full, "address": addr, "phone": phone,
         "weight_kg": round(c.rng.uniform(0.3, 12), 1)},
    )  # fmt: skip
    tracking = c.ref("TRK", 9)
    c.ex.messages += [
        user(f"Ship the replacement part by {courier}; details are in the customer record."),
        call,
        c.result(cid, {"status": "label_created", "tracking": tracking}),
        assistant(f"Label created, tracking {tracking}."),
    ]


def hotel_invoice(c: Ctx, country: str) -> None:
    who = _recipient(c, country)
    addr = c.address(country)
    c.ex.messages += [
        user(f"For the hotel invoice, please put the guest's home address:\n{who}, {addr}"),
        assistant(f"The invoice will be issued to {who} at:\n{addr}"),
    ]


def enrolment(c: Ctx, country: str) -> None:
    who = _recipient(c, country)
    addr = c.address(country)
    phone = c.phone(country)
    c.ex.messages += [
        user(f"Summarise this enrolment form in one line: Parent/guardian: {who}. Home: {addr}. "
             f"Emergency contact: {phone}. Allergies: none."),
        assistant(f"Guardian {who}, living at {addr}, emergency number {phone}, no allergies."),
    ]  # fmt: skip


def phone_only(c: Ctx, country: str) -> None:
    national, intl = _both_forms(c, country)
    c.ex.messages += [
        user(f"Is {national} the same number as {intl}? The customer gave both."),
        assistant(f"Yes: {intl} is the international form of {national}; drop the leading "
                  "trunk prefix and add the country code."),
    ]  # fmt: skip


def military(c: Ctx) -> None:
    n = c.name("us")
    rank = c.rng.choice(RANKS)
    who = c.person(n.full, "recipient")
    text, parts = c.places.military(c.rng)
    c.ex.private.append(Private(text, "address", "military", parts))
    courier = c.keep(c.places.courier(c.rng, "military"), "courier")
    c.ex.messages += [
        user(f"Can I send a care package with {courier} to:\n{rank} {who}\n{text}"),
        assistant("Yes, but only through USPS: APO/DPO/FPO addresses are served by the Military "
                  "Postal Service. Fill in a customs form PS 2976-A."),
    ]  # fmt: skip


def po_box(c: Ctx) -> None:
    text, parts, country = c.places.po_box(c.rng)
    c.ex.private.append(Private(text, "address", "po_box", parts))
    who = _recipient(c, country)
    c.ex.messages += [
        user(f"Please send the signed contract by post to {who}, {text}."),
        assistant(f"Noted: the original goes by registered post to {who}, {text}."),
    ]


def japanese_script(c: Ctx) -> None:
    text, parts = c.places.japanese_script(c.rng)
    c.ex.private.append(Private(text, "address", "JP", parts))
    national = c.phone("JP", e164=False)
    courier = c.keep(c.places.courier(c.rng, "JP"), "courier")
    c.ex.messages += [
        user(f"お届け先：{text}\n電話：{national}\nTranslate this delivery note for {courier}."),
        assistant(f"Delivery address: {text} (postcode first); phone {national}."),
    ]


COUNTRY_TEMPLATES: list[Callable[[Ctx, str], None]] = [
    shipping_change,
    tenancy_form,
    shipment_tool,
    hotel_invoice,
    enrolment,
    phone_only,
]


def generate(half: str) -> list[Example]:
    c = Ctx("addresses2", half)
    slots: list[str] = [*COUNTRIES, "military", "po_box", "japanese"]
    out: list[Example] = []
    for i in range(HALF_SIZE):
        slot = slots[i % len(slots)]
        example = c.start()
        if slot == "military":
            military(c)
        elif slot == "po_box":
            po_box(c)
        elif slot == "japanese":
            japanese_script(c)
        else:
            c.rng.choice(COUNTRY_TEMPLATES)(c, slot)
        out.append(example)
    return out
