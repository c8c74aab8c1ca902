"""``multi6``: short support chats in es, de, fr, pt, it, nl, id and vi (15 each per half).

Names of that culture (Vietnamese family name first; the last syllable of the given name alone
in the reply), e-mails and local phones in national or international form.
"""

from __future__ import annotations

import random

from bench.pii_eval.common import Example, Private, Protected, ascii_fold
from bench.pii_eval.round6.common6 import digits, pool, rng
from bench.pii_eval.round6.people6 import DOMAINS, MULTI

PER_LANGUAGE = 15

# (user message, assistant reply) per language; two shapes each.
TEMPLATES: dict[str, list[tuple[str, str]]] = {
    "es": [
        ("Hola, soy {full}. Mi pedido {order} no ha llegado. Mi correo es {email} y mi teléfono {phone}.",
         "Gracias, {alone}. Revisamos el pedido {order} y le escribimos hoy mismo."),
        ("Quiero cambiar la fecha de entrega del pedido {order}. Llámenme al {phone}.\n\nUn saludo,\n{full}\n{email}",
         "Por supuesto, {alone}. Le llamamos para acordar la nueva fecha."),
    ],
    "de": [
        ("Guten Tag, mein Name ist {full}. Bestellung {order} kam beschädigt an. Erreichbar unter {phone} oder {email}.",
         "Danke, {alone}! Wir schicken Ihnen für {order} einen Rücksendeschein."),
        ("Bitte stornieren Sie {order}. Rückfragen gern an {email} oder {phone}.\n\nViele Grüße\n{full}",
         "Erledigt, {alone}: {order} ist storniert."),
    ],
    "fr": [
        ("Bonjour, je suis {full}, commande {order}. Pouvez-vous me rappeler au {phone} ? Mon e-mail : {email}",
         "Bonjour {alone}, nous vous rappelons aujourd'hui au sujet de la commande {order}."),
        ("La commande {order} est arrivée incomplète. Contact : {email}, {phone}.\n\nCordialement,\n{full}",
         "Merci {alone}, nous envoyons la pièce manquante de la commande {order}."),
    ],
    "pt": [
        ("Olá, meu nome é {full}. O pedido {order} veio errado. Meu e-mail é {email} e o telefone {phone}.",
         "Obrigado, {alone}! Vamos trocar o pedido {order}."),
        ("Podem adiar a entrega do pedido {order}? Liguem para {phone} ou escrevam para {email}.\n\nAbraço,\n{full}",
         "Claro, {alone}. A entrega do pedido {order} foi adiada."),
    ],
    "it": [
        ("Buongiorno, sono {full}. L'ordine {order} è in ritardo. Email {email}, cellulare {phone}.",
         "Grazie {alone}, controlliamo subito l'ordine {order}."),
        ("Vorrei annullare l'ordine {order}. Potete scrivermi a {email} o chiamare il {phone}.\n\nCordiali saluti,\n{full}",
         "Certo {alone}, l'ordine {order} è annullato."),
    ],
    "nl": [
        ("Hallo, ik ben {full}. Bestelling {order} is nog niet bezorgd. Mail: {email}, tel: {phone}.",
         "Dank je, {alone}. We zoeken bestelling {order} voor je uit."),
        ("Kunnen jullie bestelling {order} bij de buren afleveren? Bel gerust {phone} of mail {email}.\n\nGroet,\n{full}",
         "Geen probleem, {alone}. We geven het door voor bestelling {order}."),
    ],
    "id": [
        ("Halo, saya {full}. Pesanan {order} belum sampai. Email saya {email}, nomor HP {phone}.",
         "Terima kasih, {alone}. Kami cek pesanan {order} sekarang."),
        ("Mohon ganti alamat kirim untuk pesanan {order}. Hubungi {phone} atau {email}.\n\nSalam,\n{full}",
         "Baik, {alone}. Alamat pesanan {order} sudah kami perbarui."),
    ],
    "vi": [
        ("Chào shop, tôi là {full}. Đơn hàng {order} chưa giao. Email: {email}, số điện thoại {phone}.",
         "Cảm ơn anh/chị {alone}, shop kiểm tra đơn {order} ngay ạ."),
        ("Shop đổi giúp màu cho đơn {order} nhé. Liên hệ {phone} hoặc {email}.\n\nCảm ơn,\n{full}",
         "Dạ vâng, anh/chị {alone}, shop đã đổi màu cho đơn {order}."),
    ],
}  # fmt: skip


def _phone(r: random.Random, lang: str) -> str:
    def d(n: int) -> str:
        return digits(r, n)

    a, b, c, e = d(1), d(2), d(3), d(4)
    f, g, h = d(2), d(2), d(2)
    national, international = {
        "es": (f"6{b} {f} {g} {h}", f"+34 6{b} {f} {g} {h}"),
        "de": (f"015{a} {e}{c}", f"+49 15{a} {e}{c}"),
        "fr": (f"06 {b} {f} {g} {h}", f"+33 6 {b} {f} {g} {h}"),
        "pt": (f"(11) 9{e}-{c}{a}", f"+55 11 9{e}-{c}{a}"),
        "it": (f"34{a} {c} {e}", f"+39 34{a} {c} {e}"),
        "nl": (f"06-{e}{c}{a}", f"+31 6 {e}{c}{a}"),
        "id": (f"081{a}-{e}-{c}{a}", f"+62 81{a}-{e}-{c}{a}"),
        "vi": (f"09{a} {c} {e}", f"+84 9{a} {c} {e}"),
    }[lang]
    return international if r.random() < 0.5 else national


def _email(r: random.Random, given: str, surname: str, domains: list[str]) -> str:
    g = ascii_fold(given).lower().replace(" ", "")
    s = ascii_fold(surname).lower().replace(" ", "").replace("-", "")
    local = r.choice([f"{g}.{s}", f"{g}{s}", f"{g[:1]}.{s}", f"{s}{g[:1]}{r.randint(1, 99)}"])
    return f"{local}@{r.choice(domains)}"


def generate(half: str) -> list[Example]:
    r = rng("multi6", half)
    domains = pool(DOMAINS, half, "domains")
    out: list[Example] = []
    for lang, (given_all, surnames_all) in MULTI.items():
        given = pool(given_all, half, f"multi:given:{lang}")
        surnames = pool(surnames_all, half, f"multi:sur:{lang}")
        for i in range(PER_LANGUAGE):
            g, s = r.choice(given), r.choice(surnames)
            full = f"{s} {g}" if lang == "vi" else f"{g} {s}"
            alone = g.split()[-1] if lang == "vi" else g
            email, tel = _email(r, g, s, domains), _phone(r, lang)
            order = f"{r.choice(['PED', 'BST', 'CMD', 'ORD'])}-{r.randint(10000, 99999)}"
            user, bot = TEMPLATES[lang][i % 2]
            values = {"full": full, "alone": alone, "email": email, "phone": tel, "order": order}
            ex = Example(
                [
                    {"role": "user", "content": user.format(**values)},
                    {"role": "assistant", "content": bot.format(**values)},
                ]
            )
            ex.private = [
                Private(full, "person", lang),
                Private(alone, "person", lang),
                Private(email, "email", lang),
                Private(tel, "phone", lang),
            ]
            ex.protected = [Protected(order, "order")]
            out.append(ex)
    return out
