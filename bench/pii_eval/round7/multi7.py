"""multi7: short chats in es, de, fr, pt, it, nl, id, vi with names of that culture; then chats
with Chinese, Japanese, Korean and Thai names in their own script (reported as not covered).
"""

from __future__ import annotations

import random
import re

from bench.pii_eval.common import Example, Private, Protected, ascii_fold
from bench.pii_eval.round7.common7 import assistant, digits, fill, pool, rng, user
from bench.pii_eval.round7.people7 import DOMAINS, MULTI, SCRIPT_NAMES

PHONES = {
    "es": ("+34 6XX XXX XXX", "6XX XX XX XX"),
    "de": ("+49 151 XXXXXXXX", "0151 XXXXXXXX"),
    "fr": ("+33 7 XX XX XX XX", "07 XX XX XX XX"),
    "pt": ("+55 21 9XXXX-XXXX", "(21) 9XXXX-XXXX"),
    "it": ("+39 34X XXX XXXX", "34X XXX XXXX"),
    "nl": ("+31 6 XXXX XXXX", "06-XXXX XXXX"),
    "id": ("+62 813-XXXX-XXXX", "0813-XXXX-XXXX"),
    "vi": ("+84 9X XXX XX XX", "09X XXX XX XX"),
}
# (intro, sign-off, reply) per language; {name} {mail} {phone} {ref} {given}.
TEXTS = {
    "es": ("Hola, soy {name}. Quiero recoger la receta {ref} en la farmacia. Mi correo es {mail} y mi móvil {phone}.",
           "Buenas, necesito cambiar la reserva de mesa {ref} en el espacio de coworking.\n\nUn saludo,\n{name}\n{mail} · {phone}",
           "Gracias, {given}. Ya está anotado en {ref}."),
    "de": ("Guten Tag, hier ist {name}. Ich möchte das Buch zur Vormerkung {ref} abholen. E-Mail: {mail}, Handy: {phone}.",
           "Hallo, bitte verschieben Sie meinen Zahnarzttermin {ref} auf nächste Woche.\n\nViele Grüße\n{name}\n{mail}, {phone}",
           "Danke, {given}. Ich habe {ref} aktualisiert."),
    "fr": ("Bonjour, je suis {name}. Je voudrais un devis de déménagement, dossier {ref}. Mon e-mail : {mail}, tél. {phone}.",
           "Bonjour, merci de confirmer ma présence au mariage (réponse {ref}).\n\nCordialement,\n{name}\n{mail} – {phone}",
           "Merci {given}, c'est noté pour {ref}."),
    "pt": ("Oi, aqui é {name}. Quero renovar a receita {ref} na farmácia. Meu e-mail é {mail} e meu celular {phone}.",
           "Olá, preciso de congelar a mensalidade da academia, contrato {ref}.\n\nAbraços,\n{name}\n{mail} / {phone}",
           "Obrigado, {given}. Já registrei em {ref}."),
    "it": ("Buongiorno, sono {name}. Vorrei prenotare una scrivania, pratica {ref}. Email {mail}, cellulare {phone}.",
           "Salve, allego il modulo di consenso per la gita scolastica, pratica {ref}.\n\nCordiali saluti,\n{name}\n{mail} - {phone}",
           "Grazie, {given}. Ho aggiornato {ref}."),
    "nl": ("Hoi, met {name}. Ik wil mijn reservering {ref} bij de bibliotheek verlengen. Mail: {mail}, mobiel {phone}.",
           "Goedemiddag, graag een offerte voor de verhuizing, dossier {ref}.\n\nMet vriendelijke groet,\n{name}\n{mail} | {phone}",
           "Bedankt, {given}. {ref} is bijgewerkt."),
    "id": ("Halo, saya {name}. Saya mau ambil resep obat {ref} di apotek. Email saya {mail}, HP {phone}.",
           "Selamat siang, mohon konfirmasi kehadiran saya di pernikahan, kode {ref}.\n\nSalam,\n{name}\n{mail} / {phone}",
           "Terima kasih, {given}. {ref} sudah dicatat."),
    "vi": ("Chào bạn, tôi là {name}. Tôi muốn gia hạn đơn thuốc {ref}. Email: {mail}, số điện thoại {phone}.",
           "Xin chào, tôi cần đổi lịch khám răng {ref} sang tuần sau.\n\nTrân trọng,\n{name}\n{mail} - {phone}",
           "Cảm ơn {given}, đã cập nhật {ref}."),
}  # fmt: skip
SCRIPT_TEXT = {
    "zh": ("你好，我是{name}，想取消图书馆预约 {ref}。", "cjk"),
    "ja": ("こんにちは、{name}です。歯科の予約 {ref} を変更したいです。", "cjk"),
    "ko": ("안녕하세요, {name}입니다. 공유 오피스 예약 {ref}을 취소하고 싶어요.", "cjk"),
    "th": ("สวัสดีครับ ผม{name} ต้องการเลื่อนนัดทำฟัน {ref} ครับ", "thai"),
}
PER_LANGUAGE = 13


def _mail(r: random.Random, given: str, sur: str, domains: list[str]) -> str:
    g = re.sub(r"[^a-z]", "", ascii_fold(given).lower())
    s = re.sub(r"[^a-z]", "", ascii_fold(sur).lower())
    return f"{r.choice([f'{g}.{s}', f'{s}{g[0]}', f'{g}_{s}'])}@{r.choice(domains)}"


def _latin(r: random.Random, lang: str, half: str, domains: list[str], i: int) -> Example:
    given = r.choice(pool(MULTI[lang][0], half, f"multi:given:{lang}"))
    sur = r.choice(pool(MULTI[lang][1], half, f"multi:sur:{lang}"))
    name = f"{sur} {given}" if lang == "vi" else f"{given} {sur}"
    alone = given.split()[-1] if lang == "vi" else given
    intl, national = PHONES[lang]
    number = fill(r, intl)
    got = iter(d for d, t in zip(number, intl, strict=True) if t == "X")
    national = "".join(next(got) if ch == "X" else ch for ch in national)
    phone = r.choice([number, national])
    mail = _mail(r, given, sur, domains)
    ref = f"R{digits(r, 6)}"
    intro, sign, reply = TEXTS[lang]
    text = (intro if i % 2 == 0 else sign).format(name=name, mail=mail, phone=phone, ref=ref)
    ex = Example([user(text), assistant(reply.format(given=alone, ref=ref))])
    ex.private += [
        Private(name, "person", lang),
        Private(alone, "person", lang),
        Private(mail, "email", lang),
        Private(phone, "phone", lang),
    ]
    ex.protected.append(Protected(ref, "reference"))
    return ex


def _script(r: random.Random, lang: str, half: str) -> Example:
    family, given = r.choice(pool(SCRIPT_NAMES[lang], half, f"script:{lang}"))
    text, script = SCRIPT_TEXT[lang]
    name = f"{given} {family}" if lang == "th" else f"{family}{given}"
    parts = (given, family) if lang == "th" else (given,)
    ref = f"R{digits(r, 6)}"
    ex = Example([user(text.format(name=name, ref=ref)), assistant(f"OK: {ref}.")])
    ex.private.append(Private(name, "person", lang, parts, script))
    ex.protected.append(Protected(ref, "reference"))
    return ex


def generate(half: str) -> list[Example]:
    r = rng("multi7", half)
    domains = pool(DOMAINS, half, "domains")
    out = [_latin(r, lang, half, domains, i) for lang in MULTI for i in range(PER_LANGUAGE)]
    out += [_script(r, lang, half) for lang in SCRIPT_TEXT for _ in range(4)]
    return out
