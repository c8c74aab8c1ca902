"""``multi11``: short chats in es, de, fr, pt, it, nl, id and vi, then names in Chinese,
Japanese, Korean and Thai script."""

from __future__ import annotations

import random

from bench.pii_eval.common import Example, Private, ascii_fold, rng_for
from bench.pii_eval.round11.common11 import SEED11, phone, pool
from bench.pii_eval.round11.people11 import DOMAINS, MULTI, SCRIPT_NAMES

COUNTRY = {
    "es": "ES",
    "de": "DE",
    "fr": "FR",
    "pt": "BR",
    "it": "IT",
    "nl": "NL",
    "id": "ID",
    "vi": "VN",
}
# language: (introduction, reply with the first name, signature lead-in)
LINES = {
    "es": ("Hola, soy {n}. Quiero reservar la prensa de sidra. Mi correo es {e} y mi móvil {p}.", "Gracias, {g}, queda reservada.", "Un saludo,"),
    "de": ("Guten Tag, ich bin {n} und möchte den Brennofen buchen. E-Mail {e}, Telefon {p}.", "Danke, {g}, der Termin steht.", "Viele Grüße"),
    "fr": ("Bonjour, je m'appelle {n}, je voudrais un vol en montgolfière. Courriel {e}, tél. {p}.", "Merci {g}, c'est noté.", "Bien à vous,"),
    "pt": ("Olá, sou {n} e quero inscrever-me na regata. E-mail {e}, celular {p}.", "Obrigado, {g}, inscrição feita.", "Abraços,"),
    "it": ("Buongiorno, sono {n}, vorrei far accordare il pianoforte. Email {e}, cellulare {p}.", "Grazie {g}, il tecnico passa giovedì.", "Cordiali saluti,"),
    "nl": ("Hallo, ik ben {n} en wil lid worden van de imkersvereniging. Mail {e}, telefoon {p}.", "Dank je, {g}, je staat op de lijst.", "Met vriendelijke groet,"),
    "id": ("Halo, saya {n}, ingin ikut klub kereta model. Email {e}, HP {p}.", "Terima kasih, {g}, sudah terdaftar.", "Salam,"),
    "vi": ("Chào anh, tôi là {n}, muốn đăng ký học kéo chuông. Email {e}, điện thoại {p}.", "Cảm ơn {g}, đã ghi danh.", "Trân trọng,"),
}  # fmt: skip
SCRIPT_LINES = {
    "zh": ("你好，我是{n}，想预约钢琴调音。电话 {p}。", "好的，{g}，已为您登记。", "CN"),
    "ja": ("こんにちは、{n}です。窯の予約をお願いします。電話は {p} です。", "{g}さん、承りました。", "JP"),
    "ko": ("안녕하세요, {n}입니다. 열기구 비행을 예약하고 싶어요. 전화 {p}.", "{g}님, 예약되었습니다.", "KR"),
    "th": ("สวัสดีครับ ผม{n} อยากจองบ่อเลี้ยงผึ้ง โทร {p}", "ขอบคุณครับคุณ{g}", "TH"),
}  # fmt: skip


def _email(given: str, sur: str, rng: random.Random, domains: list[str]) -> str:
    def fold(s: str) -> str:
        return "".join(ch for ch in ascii_fold(s).lower() if ch.isalnum())

    return f"{fold(given)}.{fold(sur)}@{rng.choice(domains)}"


def generate(half: str) -> list[Example]:
    rng = rng_for("multi11", half, SEED11)
    domains = pool(DOMAINS, half, "domains")
    out = []
    for lang, (given_all, sur_all) in MULTI.items():
        givens = pool(given_all, half, f"multi:given:{lang}")
        surs = pool(sur_all, half, f"multi:sur:{lang}")
        intro, reply, sign = LINES[lang]
        for i in range(13):
            g, s = rng.choice(givens), rng.choice(surs)
            full = f"{s} {g}" if lang == "vi" else f"{g} {s}"
            first = g.split()[-1] if lang == "vi" else g
            email = _email(g, s, rng, domains)
            ph = phone(COUNTRY[lang], rng, rng.random() < 0.5)
            gold = [Private(email, "email", lang), Private(ph, "phone", COUNTRY[lang])]
            if i % 2 == 0:
                user, answer = intro.format(n=full, e=email, p=ph), reply.format(g=first)
                gold += [
                    Private(full, "person", f"{lang}:intro"),
                    Private(first, "person", f"{lang}:first_later"),
                ]
            else:
                user = f"{intro.format(n=full, e=email, p=ph)}\n\n{sign}\n{full}"
                answer = reply.format(g=first)
                gold += [
                    Private(full, "person", f"{lang}:sign_off"),
                    Private(first, "person", f"{lang}:first_later"),
                ]
            msgs = [{"role": "user", "content": user}, {"role": "assistant", "content": answer}]
            out.append(Example(msgs, gold))
    for script, names in SCRIPT_NAMES.items():
        mine = pool(names, half, f"script:{script}")
        text, reply, country = SCRIPT_LINES[script]
        for _ in range(4):
            a, b = rng.choice(mine)
            parts: tuple[str, ...]
            if script == "th":
                full, given, parts = f"{a} {b}", a, (a, b)
            else:
                full, given, parts = f"{a}{b}", b, (b,)
            ph = phone(country, rng, rng.random() < 0.5)
            kind = "thai" if script == "th" else "cjk"
            gold = [
                Private(full, "person", f"{script}:intro", parts, kind),
                Private(ph, "phone", country),
            ]
            msgs = [
                {"role": "user", "content": text.format(n=full, p=ph)},
                {"role": "assistant", "content": reply.format(g=given)},
            ]
            out.append(Example(msgs, gold))
    return out
