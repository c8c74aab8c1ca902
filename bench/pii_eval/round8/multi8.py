"""multi8: short chats in eight languages, then names in their own script (round 8)."""

from __future__ import annotations

import random
from typing import Any

from bench.pii_eval.common import Example, Private, ascii_fold
from bench.pii_eval.round8.common8 import pool, rng
from bench.pii_eval.round8.people8 import DOMAINS, MULTI, SCRIPT_NAMES

# Language → (calling code, national prefix, digit groups after the prefix).
LOCAL = {
    "es": ("34", "", (3, 3, 3)), "de": ("49", "0", (3, 8)), "fr": ("33", "0", (1, 2, 2, 2, 2)),
    "pt": ("55", "", (2, 5, 4)), "it": ("39", "", (3, 3, 4)), "nl": ("31", "0", (1, 8)),
    "id": ("62", "0", (3, 4, 4)), "vi": ("84", "0", (3, 3, 3)),
}  # fmt: skip

ASK = {
    "es": ("Hola, soy {name}. Quiero cambiar la cita de donación de sangre.", "Claro, {short}, la cambiamos al jueves."),
    "de": ("Guten Tag, mein Name ist {name}. Ich möchte den Bootsliegeplatz verlängern.", "Gern, {short}, der Liegeplatz ist verlängert."),
    "fr": ("Bonjour, je m'appelle {name}. Je voudrais un devis de traduction.", "Bien sûr, {short}, le devis arrive."),
    "pt": ("Oi, aqui é {name}. Quero marcar a instalação dos painéis solares.", "Certo, {short}, instalação marcada."),
    "it": ("Buongiorno, sono {name}. Vorrei prenotare una visita guidata al museo.", "Perfetto, {short}, visita prenotata."),
    "nl": ("Hallo, ik ben {name}. Ik wil een parkeervergunning aanvragen.", "Prima, {short}, de aanvraag is binnen."),
    "id": ("Halo, saya {name}. Saya mau pesan jasa penitipan kucing.", "Baik, {short}, pesanan sudah dicatat."),
    "vi": ("Chào anh, tôi là {name}. Tôi muốn khiếu nại chuyến xe đạp công cộng.", "Vâng, chị {short}, chúng tôi đã ghi nhận."),
}  # fmt: skip
SIGN = {
    "es": "Saludos,", "de": "Viele Grüße", "fr": "Cordialement,", "pt": "Abraços,",
    "it": "Cordiali saluti,", "nl": "Met vriendelijke groet,", "id": "Salam,", "vi": "Trân trọng,",
}  # fmt: skip
SCRIPT_ASK = {
    "zh": "你好，我是{name}，想预约献血。", "ja": "こんにちは、{name}です。ペットシッターを予約したいです。",
    "ko": "안녕하세요, {name}입니다. 음악 레슨 청구서 문의드립니다.", "th": "สวัสดีค่ะ ดิฉันชื่อ{name} ต้องการจองทัวร์พิพิธภัณฑ์",
}  # fmt: skip


def _msg(role: str, content: str) -> dict[str, Any]:
    return {"role": role, "content": content}


def _phone(r: random.Random, lang: str) -> str:
    code, trunk, groups = LOCAL[lang]
    parts = ["".join(str(r.randrange(10)) for _ in range(g)) for g in groups]
    parts[0] = str(r.randrange(2, 10)) + parts[0][1:]
    body = " ".join(parts)
    return f"+{code} {body}" if r.random() < 0.5 else f"{trunk}{body}"


def generate(half: str) -> list[Example]:
    r = rng("multi8", half)
    domains = pool(DOMAINS, half, "domains")
    out: list[Example] = []
    for lang in sorted(MULTI):
        given_pool, sur_pool = MULTI[lang]
        givens = pool(given_pool, half, f"multi:given:{lang}")
        surs = pool(sur_pool, half, f"multi:sur:{lang}")
        for i in range(13):
            given, sur = r.choice(givens), r.choice(surs)
            name = f"{sur} {given}" if lang == "vi" else f"{given} {sur}"
            short = given.split()[-1]
            local = "".join(
                ch for ch in ascii_fold(f"{given}.{sur}").lower() if ch.isalnum() or ch == "."
            )
            email = f"{local}@{r.choice(domains)}"
            tel = _phone(r, lang)
            ask, reply = ASK[lang]
            if i % 2 == 0:
                user = f"{ask.format(name=name)} {email}, {tel}"
                items = [Private(name, "person", lang)]
            else:
                user = f"{ask.format(name=short)}\n\n{SIGN[lang]}\n{name}\n{email}\n{tel}"
                items = [Private(name, "person", lang)]
            items += [Private(short, "person", lang), Private(email, "email", lang),
                      Private(tel, "phone", lang)]  # fmt: skip
            out.append(
                Example([_msg("user", user), _msg("assistant", reply.format(short=short))], items)
            )
    for script in sorted(SCRIPT_NAMES):
        for family, given in pool(SCRIPT_NAMES[script], half, f"script:{script}"):
            parts: tuple[str, ...]
            if script == "th":
                name, parts, kind = f"{given} {family}", (given, family), "thai"
            else:
                name, parts, kind = f"{family}{given}", (given,), "cjk"
            user = SCRIPT_ASK[script].format(name=name)
            out.append(
                Example(
                    [_msg("user", user), _msg("assistant", "OK")],
                    [Private(name, "person", script, parts, kind)],
                )
            )
    return out
