"""``multi10``: short chats in eight languages, then CJK and Thai names in their own script.

Situations: choir auditions, ferry bookings, tailoring and kayak hire; two shapes per language
(an introduction with the first name alone in the reply, and a signature block).
"""

from __future__ import annotations

from bench.pii_eval.common import Example, Private, ascii_fold
from bench.pii_eval.round10.common10 import phone, pool, rng10
from bench.pii_eval.round10.people10 import DOMAINS, MULTI, SCRIPT_NAMES

PHONE_COUNTRY = {
    "es": "ES",
    "de": "DE",
    "fr": "FR",
    "pt": "BR",
    "it": "IT",
    "nl": "NL",
    "id": "ID",
    "vi": "VN",
}
SCRIPT_PHONE = {"zh": "CN", "ja": "JP", "ko": "KR", "th": "TH"}

# language -> (introduction, reply with the first name, signature-block request)
TEXTS: dict[str, tuple[str, str, str]] = {
    "es": ("Hola, soy {full}. Quiero cambiar mi reserva del ferry; mi correo es {email} y mi móvil {phone}.",
           "Claro, {first}, ya está cambiada.",
           "¿Puedes corregir esta firma?\n\nUn saludo,\n{full}\n{email} · {phone}"),
    "de": ("Guten Tag, hier ist {full}. Ich möchte mich für das Chorvorsingen anmelden: {email}, Tel. {phone}.",
           "Gern, {first}, Sie stehen auf der Liste.",
           "Bitte prüfe meine Signatur:\n\nMit freundlichen Grüßen\n{full}\n{email}\n{phone}"),
    "fr": ("Bonjour, je m'appelle {full}. Ma retouche de pantalon est-elle prête ? {email}, {phone}.",
           "Oui {first}, vous pouvez passer dès jeudi.",
           "Peux-tu relire ma signature ?\n\nCordialement,\n{full}\n{email} | {phone}"),
    "pt": ("Oi, aqui é {full}. Queria alugar um caiaque no sábado. Meu e-mail é {email} e o celular {phone}.",
           "Combinado, {first}! O caiaque fica reservado.",
           "Pode revisar minha assinatura?\n\nAbraços,\n{full}\n{email}\n{phone}"),
    "it": ("Buongiorno, sono {full}. Vorrei spostare la prenotazione del traghetto. Email {email}, cell. {phone}.",
           "Certo {first}, fatto.",
           "Mi correggi la firma?\n\nCordiali saluti,\n{full}\n{email} – {phone}"),
    "nl": ("Hallo, ik ben {full}. Kan ik nog meedoen met de koorauditie? Mail: {email}, tel. {phone}.",
           "Zeker, {first}, je staat ingepland.",
           "Klopt mijn handtekening zo?\n\nMet vriendelijke groet,\n{full}\n{email}\n{phone}"),
    "id": ("Halo, saya {full}. Apakah jahitan celana saya sudah selesai? Email {email}, HP {phone}.",
           "Sudah, {first}, bisa diambil besok.",
           "Tolong periksa tanda tangan email saya:\n\nSalam,\n{full}\n{email}\n{phone}"),
    "vi": ("Chào bạn, tôi là {full}. Tôi muốn thuê thuyền kayak cuối tuần. Email {email}, điện thoại {phone}.",
           "Dạ vâng, anh/chị {first}, đã đặt xong ạ.",
           "Bạn xem giúp chữ ký email của tôi:\n\nTrân trọng,\n{full}\n{email}\n{phone}"),
}  # fmt: skip

SCRIPT_TEXTS: dict[str, str] = {
    "zh": "你好，我是{full}，想预约周六的皮划艇。电话：{phone}。",
    "ja": "こんにちは、{full}と申します。合唱団のオーディションに申し込みたいです。電話 {phone}",
    "ko": "안녕하세요, {full}입니다. 페리 예약을 변경하고 싶어요. 연락처 {phone}",
    "th": "สวัสดีค่ะ ดิฉันชื่อ {full} อยากแก้ชุดที่ร้านตัดเสื้อ โทร {phone}",
}


def generate(half: str) -> list[Example]:
    rng = rng10("multi10", half)
    domains = pool(DOMAINS, half, "domains")
    out: list[Example] = []
    for lang, (given, surnames) in MULTI.items():
        gs, ss = pool(given, half, f"multi:given:{lang}"), pool(surnames, half, f"multi:sur:{lang}")
        for i in range(13):
            g, s = rng.choice(gs), rng.choice(ss)
            full = f"{s} {g}" if lang == "vi" else f"{g} {s}"
            first = g.split()[-1] if lang == "vi" else g
            local = ascii_fold(f"{first}.{s}".lower()).replace(" ", "")
            email = f"{local}@{rng.choice(domains)}"
            ph = phone(rng, PHONE_COUNTRY[lang], rng.random() < 0.5)
            intro, reply, sign = TEXTS[lang]
            ex = Example([])
            ex.private = [Private(full, "person", lang)]
            if i % 2 == 0:
                ex.messages = [
                    {"role": "user", "content": intro.format(full=full, email=email, phone=ph)},
                    {"role": "assistant", "content": reply.format(first=first)},
                ]
                ex.private.append(Private(first, "person", lang))
            else:
                ex.messages = [
                    {"role": "user", "content": sign.format(full=full, email=email, phone=ph)},
                    {"role": "assistant", "content": "OK."},
                ]
            ex.private += [Private(email, "email", lang), Private(ph, "phone", PHONE_COUNTRY[lang])]
            out.append(ex)
    for script, names in SCRIPT_NAMES.items():
        chosen = pool(names, half, f"script:{script}")
        for _ in range(4):
            a, b = rng.choice(chosen)
            full = f"{a} {b}" if script == "th" else f"{a}{b}"
            parts = (a, b) if script == "th" else (b,)
            ph = phone(rng, SCRIPT_PHONE[script], rng.random() < 0.5)
            kind = "thai" if script == "th" else "cjk"
            ex = Example([{"role": "user", "content": SCRIPT_TEXTS[script].format(full=full, phone=ph)},
                          {"role": "assistant", "content": "OK."}])  # fmt: skip
            ex.private = [Private(full, "person", script, parts, kind),
                          Private(ph, "phone", SCRIPT_PHONE[script])]  # fmt: skip
            out.append(ex)
    return out
